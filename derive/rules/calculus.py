"""Calculus rules: each rewrites one pending d/dx f and leaves the derivatives it needs pending.

The structural rules live here (constant, sum, constant multiple, product, quotient, power, chain,
a^u, f^g); the derivative of each named function is in derive.rules.functions.
"""

from __future__ import annotations

from sympy import Add, Derivative, Dummy, Expr, Mul, Pow, S, Subs, Symbol, log

from derive.errors import RuleError
from derive.exprs import add, div, factors_of, fraction, mul, neg, rebuild, tidy
from derive.render.printer import latex
from derive.rules.base import CalculusRule
from derive.rules.indexed import IndexedVariableRule, SoftmaxRule, SumOverIndexRule, depends
from derive.rules.functions import (  # noqa: F401 - ExponentialRule, SigmoidRule: used from here
    FAMILIES, CasesRule, ExponentialRule, MaxRule, MinRule, SigmoidRule, SquareRootRule, family_of, is_unknown_function)


def d(f: Expr, x: Symbol) -> Derivative:
    """A pending derivative, printed as a prime until a rule works it out."""
    return Derivative(f, x)


class ConstantRule(CalculusRule):
    name = "constant rule"
    sentence = "The derivative of a constant is zero."

    def matches(self, f, x):
        return not depends(f, x)

    def apply(self, f, x):
        return S.Zero


class PowerRule(CalculusRule):
    name = "power rule"
    sentence = "The derivative of $x^{n}$ is $n x^{n-1}$, for any constant $n$."

    def matches(self, f, x):
        return f == x or (isinstance(f, Pow) and f.base == x and not depends(f.exp, x))

    def apply(self, f, x):
        if f == x:
            return S.One
        n = f.exp
        return mul(n, tidy(Pow(x, n - 1)))


class GeneralExponentialRule(CalculusRule):
    name = "exponential rule"
    sentence = r"For a constant base $a > 0$: $\frac{d}{dx} a^{x} = a^{x} \ln a$."

    def matches(self, f, x):
        return isinstance(f, Pow) and not depends(f.base, x) and f.exp == x

    def apply(self, f, x):
        return mul(f, log(f.base, evaluate=False))


class SumRule(CalculusRule):
    name = "sum rule"
    sentence = "The derivative of a sum is the sum of the derivatives."

    def matches(self, f, x):
        return isinstance(f, Add)

    def operands(self, f, x):
        return [_unsigned(t) for t in f.args if depends(t, x)]

    def apply(self, f, x):
        return add(*(_signed_derivative(t, x) for t in f.args))


def _unsigned(term: Expr) -> Expr:
    """u of a term −u (its sign the sum rule keeps outside the derivative), else the term."""
    return mul(*term.args[1:]) if isinstance(term, Mul) and term.args[0] == S.NegativeOne else term


def _signed_derivative(term: Expr, x: Symbol) -> Expr:
    """(−u)' is written −u' so that a difference stays a difference."""
    if isinstance(term, Mul) and term.args[0] == S.NegativeOne:
        return neg(d(mul(*term.args[1:]), x))
    return d(term, x)


def _split_constant(f: Mul, x: Symbol) -> tuple[list[Expr], list[Expr]]:
    return [a for a in f.args if not depends(a, x)], [a for a in f.args if depends(a, x)]


class QuotientRule(CalculusRule):
    name = "quotient rule"
    sentence = r"$\left(\frac{u}{v}\right)' = \frac{u' v - v' u}{v^{2}}$."

    def matches(self, f, x):
        parts = fraction(f)
        return parts is not None and depends(parts[1], x) and depends(parts[0], x)

    def operands(self, f, x):
        return list(fraction(f))

    def apply(self, f, x):
        u, v = fraction(f)
        numerator = add(mul(d(u, x), v), neg(mul(d(v, x), u)))
        return div(numerator, Pow(v, 2, evaluate=False))


class ConstantMultipleRule(CalculusRule):
    name = "constant multiple rule"
    sentence = "A constant factor stays in front of the derivative: $(c u)' = c u'$."

    def matches(self, f, x):
        if not isinstance(f, Mul):
            return False
        constants, variables = _split_constant(f, x)
        return bool(constants) and bool(variables)

    def operands(self, f, x):
        return _split_constant(f, x)[1]

    def apply(self, f, x):
        constants, variables = _split_constant(f, x)
        return mul(*constants, d(mul(*variables), x))


class ProductRule(CalculusRule):
    name = "product rule"
    sentence = "$(u v)' = u' v + u v'$: differentiate one factor at a time and add."

    def matches(self, f, x):
        return isinstance(f, Mul)

    def operands(self, f, x):
        return [a for a in f.args if depends(a, x)]

    def apply(self, f, x):
        factors = f.args
        return add(*(mul(*factors[:i], d(factors[i], x), *factors[i + 1:]) for i in range(len(factors))))


class LogarithmicDifferentiationRule(CalculusRule):
    name = "logarithmic differentiation"
    sentence = r"$\left(f^{g}\right)' = f^{g} \left(g' \ln f + g \frac{f'}{f}\right)$, from $\ln y = g \ln f$."

    def matches(self, f, x):
        return isinstance(f, Pow) and depends(f.base, x) and depends(f.exp, x)

    def apply(self, f, x):
        base, power = f.base, f.exp
        inside = add(mul(d(power, x), log(base, evaluate=False)), mul(power, div(d(base, x), base)))
        return mul(f, inside)


# Rules for an outer function applied to u, as the chain rule asks them.
_OUTER = (SquareRootRule, PowerRule, GeneralExponentialRule, *FAMILIES)


class ChainRule(CalculusRule):
    """f(g(x)) for an outer function whose own rule is known and an inner g other than x."""

    name = "chain rule"
    sentence = r"$\frac{d}{dx} f(u) = f'(u)\, u'$ where $u$ is the inner function."

    @staticmethod
    def _inner(f: Expr, x: Symbol) -> Expr | None:
        if isinstance(f, Pow):
            if not depends(f.exp, x) and depends(f.base, x) and f.base != x:
                return f.base  # (g)^n
            if not depends(f.base, x) and depends(f.exp, x) and f.exp != x:
                return f.exp  # a^g
            return None
        if (family_of(f) is not None or is_unknown_function(f)) and len(f.args) == 1:
            (arg,) = f.args
            return arg if depends(arg, x) and arg != x else None
        return None

    def matches(self, f, x):
        return self._inner(f, x) is not None

    def _outer(self, f, x):
        """(u, f with its inner function replaced by u, f's derivative in u)."""
        inner = self._inner(f, x)
        u = Dummy("u", real=True)
        outer = rebuild(f, lambda node: u if node == inner else None)
        if is_unknown_function(outer):  # f'(u): the derivative of an unknown f
            return u, outer, Derivative(outer, u)
        rule = next(r() for r in _OUTER if r().matches(outer, u))
        return u, outer, rule.apply(outer, u)

    def apply(self, f, x):
        inner = self._inner(f, x)
        u, outer, outer_derivative = self._outer(f, x)
        if is_unknown_function(outer):  # f'(g): the derivative of f, taken at g
            at_inner = Subs(outer_derivative, u, inner)
        else:
            at_inner = rebuild(outer_derivative, lambda node: inner if node == u else None)
        return mul(*factors_of(at_inner), d(inner, x))

    def schema(self, f, x):
        """(f∘g)' = f'(g)·g' is the chain rule; what needs proof is f' at a fresh u, whatever the
        size of g (a nested chain would otherwise be proved over and over)."""
        u, outer, outer_derivative = self._outer(f, x)
        return Derivative(outer, u), outer_derivative

    def describe(self, f, x, fresh=None):
        u = fresh() if fresh else "u"
        return rf"with ${u} = {latex(self._inner(f, x))}$: $\frac{{d}}{{dx}} f({u}) = f'({u})\, {u}'$"


# The order matters: the first rule that matches is the one an author would name.
AUTOMATIC = (
    ConstantRule,
    IndexedVariableRule,
    SoftmaxRule,
    SquareRootRule,
    PowerRule,
    *FAMILIES,
    MaxRule,
    MinRule,
    CasesRule,
    GeneralExponentialRule,
    SumRule,
    SumOverIndexRule,
    QuotientRule,
    ConstantMultipleRule,
    ProductRule,
    LogarithmicDifferentiationRule,
    ChainRule,
)


def rule_for(f: Expr, x: Symbol) -> CalculusRule:
    """The rule that differentiates f with respect to x; RuleError when derive knows none."""
    for cls in AUTOMATIC:
        rule = cls()
        if rule.matches(f, x):
            return rule
    raise RuleError(f"no differentiation rule for {f} with respect to {x}")

