"""The derivative of each elementary function at its argument u: one table, one rule per family.

A family rule rewrites d/dx F(x) for F in its table; the chain rule uses the same table for F(u)
with any inner u. Formulas are written as a textbook writes them (sec²u for tan, sech²u for tanh).
"""

from __future__ import annotations

from collections.abc import Callable
from weakref import WeakKeyDictionary

import sympy
from sympy import Abs, Derivative, Expr, Max, Min, Piecewise, Pow, S, StrictGreaterThan, StrictLessThan, exp, log, pi, sign
from sympy.core.function import AppliedUndef

from derive.exprs import add, div, mul, neg
from derive.functions import sigmoid, softplus
from derive.rules.base import CalculusRule

Formula = Callable[[Expr], Expr]


def _sq(e: Expr) -> Expr:
    return Pow(e, 2, evaluate=False)


def _root(e: Expr) -> Expr:
    return Pow(e, S.Half, evaluate=False)


def _one_minus_sq(u: Expr) -> Expr:
    return add(S.One, neg(_sq(u)))


# function → (derivative at u, the formula as a sentence)
EXPONENTIAL: dict[type, tuple[Formula, str]] = {
    exp: (lambda u: exp(u, evaluate=False), r"$\frac{d}{du} e^{u} = e^{u}$"),
}
LOGARITHM = {
    log: (lambda u: div(S.One, u), r"$\frac{d}{du} \ln u = \frac{1}{u}$"),
}
TRIGONOMETRIC = {
    sympy.sin: (lambda u: sympy.cos(u, evaluate=False), r"$\frac{d}{du} \sin u = \cos u$"),
    sympy.cos: (lambda u: neg(sympy.sin(u, evaluate=False)), r"$\frac{d}{du} \cos u = -\sin u$"),
    sympy.tan: (lambda u: _sq(sympy.sec(u, evaluate=False)), r"$\frac{d}{du} \tan u = \sec^{2} u$"),
    sympy.cot: (lambda u: neg(_sq(sympy.csc(u, evaluate=False))), r"$\frac{d}{du} \cot u = -\csc^{2} u$"),
    sympy.sec: (lambda u: mul(sympy.sec(u, evaluate=False), sympy.tan(u, evaluate=False)),
                r"$\frac{d}{du} \sec u = \sec u \tan u$"),
    sympy.csc: (lambda u: neg(mul(sympy.csc(u, evaluate=False), sympy.cot(u, evaluate=False))),
                r"$\frac{d}{du} \csc u = -\csc u \cot u$"),
}
INVERSE_TRIGONOMETRIC = {
    sympy.asin: (lambda u: div(S.One, _root(_one_minus_sq(u))),
                 r"$\frac{d}{du} \arcsin u = \frac{1}{\sqrt{1-u^{2}}}$"),
    sympy.acos: (lambda u: neg(div(S.One, _root(_one_minus_sq(u)))),
                 r"$\frac{d}{du} \arccos u = -\frac{1}{\sqrt{1-u^{2}}}$"),
    sympy.atan: (lambda u: div(S.One, add(S.One, _sq(u))), r"$\frac{d}{du} \arctan u = \frac{1}{1+u^{2}}$"),
    sympy.acot: (lambda u: neg(div(S.One, add(S.One, _sq(u)))),
                 r"$\frac{d}{du} \operatorname{arccot} u = -\frac{1}{1+u^{2}}$"),
    sympy.asec: (lambda u: div(S.One, mul(Abs(u, evaluate=False), _root(add(_sq(u), S.NegativeOne)))),
                 r"$\frac{d}{du} \operatorname{arcsec} u = \frac{1}{|u|\sqrt{u^{2}-1}}$"),
    sympy.acsc: (lambda u: neg(div(S.One, mul(Abs(u, evaluate=False), _root(add(_sq(u), S.NegativeOne))))),
                 r"$\frac{d}{du} \operatorname{arccsc} u = -\frac{1}{|u|\sqrt{u^{2}-1}}$"),
}
HYPERBOLIC = {
    sympy.sinh: (lambda u: sympy.cosh(u, evaluate=False), r"$\frac{d}{du} \sinh u = \cosh u$"),
    sympy.cosh: (lambda u: sympy.sinh(u, evaluate=False), r"$\frac{d}{du} \cosh u = \sinh u$"),
    sympy.tanh: (lambda u: _sq(sympy.sech(u, evaluate=False)),
                 r"$\frac{d}{du} \tanh u = \operatorname{sech}^{2} u$"),
    sympy.coth: (lambda u: neg(_sq(sympy.csch(u, evaluate=False))),
                 r"$\frac{d}{du} \coth u = -\operatorname{csch}^{2} u$"),
    sympy.sech: (lambda u: neg(mul(sympy.sech(u, evaluate=False), sympy.tanh(u, evaluate=False))),
                 r"$\frac{d}{du} \operatorname{sech} u = -\operatorname{sech} u \tanh u$"),
    sympy.csch: (lambda u: neg(mul(sympy.csch(u, evaluate=False), sympy.coth(u, evaluate=False))),
                 r"$\frac{d}{du} \operatorname{csch} u = -\operatorname{csch} u \coth u$"),
}
INVERSE_HYPERBOLIC = {
    sympy.asinh: (lambda u: div(S.One, _root(add(_sq(u), S.One))),
                  r"$\frac{d}{du} \operatorname{arsinh} u = \frac{1}{\sqrt{u^{2}+1}}$"),
    sympy.acosh: (lambda u: div(S.One, mul(_root(add(u, S.NegativeOne)), _root(add(u, S.One)))),
                  r"$\frac{d}{du} \operatorname{arcosh} u = \frac{1}{\sqrt{u-1}\,\sqrt{u+1}}$"),
    sympy.atanh: (lambda u: div(S.One, _one_minus_sq(u)),
                  r"$\frac{d}{du} \operatorname{artanh} u = \frac{1}{1-u^{2}}$"),
    sympy.acoth: (lambda u: div(S.One, _one_minus_sq(u)),
                  r"$\frac{d}{du} \operatorname{arcoth} u = \frac{1}{1-u^{2}}$"),
    sympy.asech: (lambda u: neg(div(S.One, mul(u, _root(_one_minus_sq(u))))),
                  r"$\frac{d}{du} \operatorname{arsech} u = -\frac{1}{u\sqrt{1-u^{2}}}$"),
    sympy.acsch: (lambda u: neg(div(S.One, mul(Abs(u, evaluate=False), _root(add(S.One, _sq(u)))))),
                  r"$\frac{d}{du} \operatorname{arcsch} u = -\frac{1}{|u|\sqrt{1+u^{2}}}$"),
}
ABSOLUTE = {
    Abs: (lambda u: sign(u, evaluate=False), r"$\frac{d}{du} |u| = \operatorname{sgn} u$ for $u \neq 0$"),
}
SIGN = {
    sign: (lambda u: S.Zero, r"$\frac{d}{du} \operatorname{sgn} u = 0$ for $u \neq 0$"),
}
ERROR_FUNCTION = {
    sympy.erf: (lambda u: mul(div(S(2), _root(pi)), exp(neg(_sq(u)), evaluate=False)),
                r"$\frac{d}{du} \operatorname{erf} u = \frac{2}{\sqrt{\pi}} e^{-u^{2}}$"),
}
SIGMOID = {
    sigmoid: (lambda u: mul(sigmoid(u), add(S.One, neg(sigmoid(u)))),
              r"The logistic function satisfies $\sigma'(u) = \sigma(u)(1 - \sigma(u))$."),
}
SOFTPLUS = {
    softplus: (lambda u: sigmoid(u), r"$\frac{d}{du} \operatorname{softplus} u = \sigma(u)$"),
}

# A defined g whose derivative steering has proved in g's own terms (g' = g(1 − g) for g(x) =
# 1/(1 + e^{-x})): while steering to g, g(x) stays in the lines and is differentiated by this table.
# Weak keys: each --define makes a class of its own, which may go when its derivation is done.
OWN_TERMS: WeakKeyDictionary[type, tuple[Formula, str]] = WeakKeyDictionary()


def know_derivative(function: type, formula: Formula, sentence: str) -> None:
    """Let the engine differentiate function(u) by formula(u), a derivative already proved."""
    OWN_TERMS[function] = (formula, sentence)


class FunctionRule(CalculusRule):
    """d/dx F(x) = F'(x) for F in the rule's table."""

    table: dict[type, tuple[Formula, str]] = {}

    def matches(self, f, x):
        return type(f) in self.table and f.args == (x,)

    def apply(self, f, x):
        return self.table[type(f)][0](x)

    def describe(self, f, x, fresh=None):
        return self.table[type(f)][1]


class ExponentialRule(FunctionRule):
    name = "exponential rule"
    sentence = "The exponential function is its own derivative: $(e^{x})' = e^{x}$."
    table = EXPONENTIAL


class LogarithmRule(FunctionRule):
    name = "logarithm rule"
    table = LOGARITHM


class TrigonometricRule(FunctionRule):
    name = "trigonometric rule"
    table = TRIGONOMETRIC


class InverseTrigonometricRule(FunctionRule):
    name = "inverse trigonometric rule"
    table = INVERSE_TRIGONOMETRIC


class HyperbolicRule(FunctionRule):
    name = "hyperbolic rule"
    table = HYPERBOLIC


class InverseHyperbolicRule(FunctionRule):
    name = "inverse hyperbolic rule"
    table = INVERSE_HYPERBOLIC


class AbsoluteValueRule(FunctionRule):
    name = "absolute value rule"
    table = ABSOLUTE


class SignRule(FunctionRule):
    name = "sign rule"
    table = SIGN


class ErrorFunctionRule(FunctionRule):
    name = "error function rule"
    table = ERROR_FUNCTION


class SigmoidRule(FunctionRule):
    name = "sigmoid rule"
    sentence = SIGMOID[sigmoid][1]
    table = SIGMOID


class SoftplusRule(FunctionRule):
    name = "softplus rule"
    table = SOFTPLUS


class OwnTermsRule(FunctionRule):
    """g'(u) in g's own terms, for a g in OWN_TERMS. Not named "… rule": the prose then says what
    its note says, "we use g'(u) = g(u)(1 − g(u))", as an author does."""

    name = "derivative in its own terms"
    table = OWN_TERMS


class SquareRootRule(CalculusRule):
    name = "square root rule"
    sentence = r"$\frac{d}{du} \sqrt{u} = \frac{1}{2\sqrt{u}}$"

    def matches(self, f, x):
        return isinstance(f, Pow) and f.base == x and f.exp == S.Half

    def apply(self, f, x):
        return div(S.One, mul(S(2), f))


class MaxRule(CalculusRule):
    """max(u, v)' is u' where u > v and v' where v > u: ReLU's max(x, 0)' is 1 for x > 0 and 0 for x < 0,
    and has no value at 0, as a careful text says (SymPy's Heaviside gives it 1/2). Where u = v the
    cases give no value, even where max(u, v) has a slope (max(x², 0) at 0, max(x, |x|) for x > 0, where
    the two agree on a stretch): no value there is a gap, never a wrong value."""

    name = "max rule"
    sentence = r"$\frac{d}{dx} \max(u, v) = u'$ where $u > v$, $v'$ where $v > u$"
    kind: type = Max

    def matches(self, f, x):
        return isinstance(f, self.kind) and len(f.args) == 2

    def apply(self, f, x):
        u, v = f.args
        first, second = (u > v, v > u) if self.kind is Max else (u < v, v < u)
        return Piecewise((Derivative(u, x), first), (Derivative(v, x), second))


class MinRule(MaxRule):
    name = "min rule"
    sentence = r"$\frac{d}{dx} \min(u, v) = u'$ where $u < v$, $v'$ where $v < u$"
    kind = Min


class CasesRule(CalculusRule):
    """{a if p > q; b if q > p}' = {a' if p > q; b' if q > p}: each case holds on an open set, where the
    derivative is its own. Only for two cases that exclude each other (the max rule's): where a case's
    condition touches the next's (x > 0 before x > −1), the next case's derivative is wrong at the seam."""

    name = "cases rule"
    sentence = "Each case is differentiated where it holds: its condition holds on an open set."

    def matches(self, f, x):
        if not isinstance(f, Piecewise) or len(f.args) != 2:
            return False
        (_, first), (_, second) = f.args
        strict = (StrictGreaterThan, StrictLessThan)
        return isinstance(first, strict) and isinstance(second, strict) \
            and (first.gts, first.lts) == (second.lts, second.gts)

    def apply(self, f, x):
        return Piecewise(*((Derivative(value, x), condition) for value, condition in f.args))


FAMILIES = (ExponentialRule, LogarithmRule, TrigonometricRule, InverseTrigonometricRule, HyperbolicRule,
            InverseHyperbolicRule, AbsoluteValueRule, SignRule, ErrorFunctionRule, SigmoidRule, SoftplusRule,
            OwnTermsRule)


def family_of(f: Expr) -> FunctionRule | None:
    """The family rule whose table holds f's function, if any."""
    for cls in FAMILIES:
        if type(f) in cls.table:
            return cls()
    return None


def is_unknown_function(f: Expr) -> bool:
    """f(x), g(t): a function derive knows nothing about, whose derivative stays f'(x)."""
    return isinstance(f, AppliedUndef)

