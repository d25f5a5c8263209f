"""What both readers build, the same way: numbers, signs, powers and calls, as written (unevaluated)."""

from __future__ import annotations

import sympy
from sympy.core.function import UndefinedFunction
from sympy import Abs, Expr, Float, Integer, Mul, Pow, S, exp, log, sqrt

from derive.errors import ParseError
from derive.exprs import div, neg
from derive.functions import sigmoid, softplus
from derive.parse.limits import Limits, check_digits, check_power

FUNCTIONS: dict[str, type] = {
    "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "cot": sympy.cot, "sec": sympy.sec,
    "csc": sympy.csc, "asin": sympy.asin, "acos": sympy.acos, "atan": sympy.atan, "acot": sympy.acot,
    "asec": sympy.asec, "acsc": sympy.acsc, "sinh": sympy.sinh, "cosh": sympy.cosh,
    "tanh": sympy.tanh, "coth": sympy.coth, "sech": sympy.sech, "csch": sympy.csch,
    "asinh": sympy.asinh, "acosh": sympy.acosh, "atanh": sympy.atanh, "acoth": sympy.acoth,
    "asech": sympy.asech, "acsch": sympy.acsch, "exp": exp, "ln": log, "log": log,
    "sqrt": sqrt, "abs": Abs, "erf": sympy.erf, "sigmoid": sigmoid, "softplus": softplus,
    "sign": sympy.sign, "sgn": sympy.sign,
    "max": sympy.Max, "min": sympy.Min,  # of arguments in brackets; \max_k z_k (over an index) is refused
}
for _name in ("sin", "cos", "tan", "cot", "sec", "csc"):
    FUNCTIONS["arc" + _name] = FUNCTIONS["a" + _name]
for _name in ("sinh", "cosh", "tanh", "coth", "sech", "csch"):
    FUNCTIONS["ar" + _name] = FUNCTIONS["arc" + _name] = FUNCTIONS["a" + _name]
FUNCTIONS["σ"] = FUNCTIONS["sigma"] = sigmoid

UNDEFINED_FUNCTIONS = ("f", "g", "h")  # f(x) is a function of x; other letters before ( multiply
# sin^{-1}(x) is arcsin(x) in every paper, not 1/sin(x)
INVERSES = {FUNCTIONS[n]: FUNCTIONS["a" + n] for n in ("sin", "cos", "tan", "cot", "sec", "csc", "sinh",
                                                         "cosh", "tanh", "coth", "sech", "csch")}


def number(literal: str, limits: Limits) -> Expr:
    check_digits(literal, limits)
    if "." in literal:
        return Float(literal, max(15, sum(c.isdigit() for c in literal)))
    return Integer(literal)


def negate(term: Expr) -> Expr:
    """−term as written: −3 is the number −3; −(−3) stays written so; −\\frac{a}{b} is one product
    −1·a·b⁻¹, as SymPy and the rules write it (the minus signs of a product cancel in pairs there)."""
    if isinstance(term, (Integer, Float)) and term >= 0:
        return -term
    if term is S.Infinity:  # −∞, a bound: never the product −1·∞, which evalf reads otherwise
        return S.NegativeInfinity
    if isinstance(term, Mul):
        return Mul(S.NegativeOne, *term.args, evaluate=False)
    return neg(term)


def power(base: Expr, exponent: Expr, limits: Limits) -> Expr:
    """base^exponent as written; e^{…} is exp(…), so that e^{0} stays e^{0} and rules know it."""
    check_power(base, exponent, limits)
    if base == S.Exp1:
        return exp(exponent, evaluate=False)
    return Pow(base, exponent, evaluate=False)


def call(func, args: list[Expr], name: str, text: str = "", at: int | None = None) -> Expr:
    """func applied to args as written: sqrt(x) is x^{1/2}, log(x, b) is ln(x)/ln(b)."""
    if func is log and len(args) == 2:
        return div(log(args[0], evaluate=False), log(args[1], evaluate=False))
    if len(args) != 1 and isinstance(func, UndefinedFunction):  # L(\mu, \sigma; x): unknown, of several
        return func(*args)
    if func in (sympy.Max, sympy.Min):  # max(0, x): the larger of its arguments, as many as written
        if len(args) < 2:
            raise ParseError(f"{name} of one argument: give two or more", text, at)
        return func(*args, evaluate=False)
    if len(args) != 1:
        raise ParseError(f"{name} takes one argument, not {len(args)}", text, at)
    if func is sqrt:
        return Pow(args[0], S.Half, evaluate=False)
    return func(args[0], evaluate=False)
