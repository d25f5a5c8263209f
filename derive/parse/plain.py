"""Read plain text as users type it: 1/(1+e^(-x)), x^2 sin(x), 2x, ln(x), |x|, σ(x).

Our own tokenizer and recursive-descent parser build SymPy objects directly, as written (unevaluated),
from a whitelist of names. User text never reaches eval, sympify or parse_expr: they run code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import sympy
from sympy import Abs, Expr, Float, Function, Integer, Pow, S, Symbol, exp, log, sqrt

from derive.errors import LimitError, ParseError
from derive.exprs import add, div, mul, neg
from derive.functions import sigmoid, softplus
from derive.parse.characters import normalize
from derive.parse.limits import DEFAULT, Limits, check_digits, check_power, check_text

FUNCTIONS: dict[str, type] = {
    "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "cot": sympy.cot, "sec": sympy.sec,
    "csc": sympy.csc, "asin": sympy.asin, "acos": sympy.acos, "atan": sympy.atan, "acot": sympy.acot,
    "asec": sympy.asec, "acsc": sympy.acsc, "sinh": sympy.sinh, "cosh": sympy.cosh,
    "tanh": sympy.tanh, "coth": sympy.coth, "sech": sympy.sech, "csch": sympy.csch,
    "asinh": sympy.asinh, "acosh": sympy.acosh, "atanh": sympy.atanh, "acoth": sympy.acoth,
    "asech": sympy.asech, "acsch": sympy.acsch, "exp": exp, "ln": log, "log": log,
    "sqrt": sqrt, "abs": Abs, "erf": sympy.erf, "sigmoid": sigmoid, "softplus": softplus,
    "sign": sympy.sign, "sgn": sympy.sign,
}
for _name in ("sin", "cos", "tan", "cot", "sec", "csc"):
    FUNCTIONS["arc" + _name] = FUNCTIONS["a" + _name]
for _name in ("sinh", "cosh", "tanh", "coth", "sech", "csch"):
    FUNCTIONS["ar" + _name] = FUNCTIONS["arc" + _name] = FUNCTIONS["a" + _name]
FUNCTIONS["σ"] = FUNCTIONS["sigma"] = sigmoid

CONSTANTS: dict[str, Expr] = {"pi": S.Pi, "π": S.Pi, "e": S.Exp1, "E": S.Exp1}
UNDEFINED_FUNCTIONS = ("f", "g", "h")  # f(x) is a function of x; other letters before ( multiply
GREEK = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
         "lambda", "mu", "nu", "xi", "omicron", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi",
         "omega"}

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<number>\d+(?:\.\d*)?|\.\d+)
  | (?P<name>[A-Za-z\u0370-\u03ff][A-Za-z0-9_\u0370-\u03ff]*)
  | (?P<op>\*\*|[-+*/^(),|!])
""", re.VERBOSE)


@dataclass(frozen=True)
class Token:
    kind: str  # number, name, op, end
    text: str
    at: int  # column in the normalized text


def tokenize(text: str) -> list[Token]:
    tokens, i = [], 0
    while i < len(text):
        m = _TOKEN.match(text, i)
        if m is None:
            raise ParseError(f"unexpected character {text[i]!r}", text, i)
        if m.lastgroup != "space":
            tokens.append(Token(m.lastgroup, m.group(), i))
        i = m.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


def _greek_name(name: str) -> str:
    """α → alpha: symbols print and compare by their names."""
    if len(name) == 1 and ord(name) > 127:
        return unicodedata.name(name).split()[-1].lower()
    return name


class _Parser:
    def __init__(self, text: str, limits: Limits, functions: dict[str, type] | None = None) -> None:
        self.text, self.limits = text, limits
        self.functions = {**FUNCTIONS, **(functions or {})}
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0
        self.bars = 0  # open |…| pairs: a | closes one when inside

    # tokens
    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        t = self.tokens[self.i]
        self.i += 1
        return t

    def is_op(self, *ops: str) -> bool:
        return self.tok.kind == "op" and self.tok.text in ops

    def expect(self, op: str, opened: Token | None = None) -> None:
        if not self.is_op(op):
            where = f" to close the {opened.text!r} at column {opened.at + 1}" if opened else ""
            raise self.error(f"expected {op!r}{where}")
        self.take()

    def error(self, message: str, token: Token | None = None) -> ParseError:
        token = token or self.tok
        found = "the end of the input" if token.kind == "end" else repr(token.text)
        return ParseError(f"{message}, found {found}", self.text, token.at)

    def nested(self):
        self.depth += 1
        if self.depth > self.limits.max_depth:
            raise LimitError(f"the expression is nested more than {self.limits.max_depth} levels deep")

    # grammar
    def parse(self) -> Expr:
        if self.tok.kind == "end":
            raise ParseError("the expression is empty")
        expr = self.sum()
        if self.tok.kind != "end":
            raise self.error("expected an operator or the end")
        return expr

    def sum(self) -> Expr:
        terms = [self.product()]
        while self.is_op("+", "-"):
            sign = self.take().text
            term = self.product()
            terms.append(_negate(term) if sign == "-" else term)
        return add(*terms)

    def product(self) -> Expr:
        numerator, denominator = [self.unary()], []
        while True:
            if self.is_op("*"):
                self.take()
                numerator.append(self.unary())
            elif self.is_op("/"):
                self.take()
                denominator.append(self.unary())
            elif self._starts_implicit_factor():
                numerator.append(self.power())  # 2x, x sin(x), (x+1)(x-1): no sign allowed here
            else:
                break
        top = mul(*numerator)
        return div(top, mul(*denominator)) if denominator else top

    def _starts_implicit_factor(self) -> bool:
        t = self.tok
        if t.kind in ("number", "name"):
            return True
        return t.kind == "op" and (t.text == "(" or (t.text == "|" and self.bars == 0))

    def unary(self) -> Expr:
        if self.is_op("-", "+"):
            sign = self.take().text
            self.nested()
            operand = self.unary()
            self.depth -= 1
            return _negate(operand) if sign == "-" else operand
        return self.power()

    def power(self) -> Expr:
        base = self.primary()
        if self.is_op("^", "**"):
            self.take()
            self.nested()
            exponent = self.unary()  # right-associative: x^2^3 = x^(2^3); 2^-x allowed
            self.depth -= 1
            check_power(base, exponent, self.limits)
            if base == S.Exp1:
                return exp(exponent, evaluate=False)
            return Pow(base, exponent, evaluate=False)
        if self.is_op("!"):
            raise self.error("factorials are not supported")
        return base

    def primary(self) -> Expr:
        t = self.tok
        if t.kind == "number":
            self.take()
            check_digits(t.text, self.limits)
            if "." in t.text:
                return Float(t.text, max(15, sum(c.isdigit() for c in t.text)))
            return Integer(t.text)
        if t.kind == "name":
            return self.name()
        if self.is_op("("):
            self.take()
            self.nested()
            inner = self.sum()
            self.depth -= 1
            self.expect(")", t)
            return inner
        if self.is_op("|"):
            self.take()
            self.nested()
            self.bars += 1
            inner = self.sum()
            self.bars -= 1
            self.depth -= 1
            self.expect("|", t)
            return Abs(inner, evaluate=False)
        raise self.error("expected a number, a name or (")

    def name(self) -> Expr:
        t = self.take()
        name = t.text
        called = self.is_op("(")
        if name in self.functions:
            if not called:
                raise ParseError(f"{name} needs its argument in parentheses: {name}(x)", self.text, t.at)
            return self.call(t, self.functions[name])
        if name in UNDEFINED_FUNCTIONS and called:
            return self.call(t, Function(name))
        if name in CONSTANTS:
            return CONSTANTS[name]
        if name in ("e", "E") or re.fullmatch(r"[eE]\d+", name):
            raise ParseError(f"{name!r} is ambiguous: write e^{name[1:]} or e*{name[1:]}", self.text, t.at)
        readable = _greek_name(name)
        if len(name) == 1 or readable in GREEK or re.fullmatch(r"[A-Za-z](_?\d+|_[A-Za-z0-9]+)", name):
            return Symbol(readable, real=True)
        hint = f" (for a product write {'*'.join(name)})" if len(name) <= 3 and not called else ""
        kind = "function" if called else "name"
        raise ParseError(f"unknown {kind} {name!r}{hint}", self.text, t.at)

    def call(self, name: Token, func) -> Expr:
        opened = self.take()  # (
        self.nested()
        args = [self.sum()]
        while self.is_op(","):
            self.take()
            args.append(self.sum())
        self.depth -= 1
        self.expect(")", opened)
        if func is log and len(args) == 2:  # log(x, b) = ln(x)/ln(b), written so
            return div(log(args[0], evaluate=False), log(args[1], evaluate=False))
        if len(args) != 1:
            raise ParseError(f"{name.text} takes one argument, not {len(args)}", self.text, name.at)
        if func is sqrt:
            return Pow(args[0], S.Half, evaluate=False)
        return func(args[0], evaluate=False)


def _negate(term: Expr) -> Expr:
    """−term as written: −3 is the number −3; −(−3) stays written so."""
    if isinstance(term, (Integer, Float)) and term >= 0:
        return -term
    return neg(term)


def parse_plain(text: str, limits: Limits = DEFAULT, functions: dict[str, type] | None = None) -> Expr:
    """The expression that plain text writes, unevaluated. ParseError with a column, or LimitError.

    functions: names the user defined (g → its SymPy class), read like the built-in ones.
    """
    check_text(text, limits)
    return _Parser(normalize(text, superscripts=True), limits, functions).parse()
