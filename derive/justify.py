"""Which rule takes one written line to the next: the name derive check gives a valid link.

It tries what an author would have done: one calculus rule on the first pending derivative, or
working out all of them; one algebra rule, or two in a row. The line must come out as written
(the same structure, in any order of terms), not merely equal: equality is the verifier's business.
"""

from __future__ import annotations

from collections.abc import Iterator

from sympy import Expr, Symbol, exp

from derive.engine import Differentiate
from derive.errors import DeriveError
from derive.exprs import fraction, pending, preorder, shape, tidy
from derive.functions import sigmoid
from derive.rules import algebra as A
from derive.rules.base import Rule
from derive.rules.calculus import AUTOMATIC


# A link written more than this many of the engine's steps from its start is not named: the longest
# named in the benchmarks' ten corpora took 11, and working out the 45 to 58 steps of the unnamed ones
# (whole second derivatives written in one line) took seconds
_MOST_STEPS = 20


def _same(new: Expr, written: Expr) -> bool:
    if shape(new) == shape(written):  # (shape and tidy remember the written line's)
        return True
    try:
        return tidy(new) == tidy(written)
    except Exception:  # noqa: BLE001 - a form SymPy cannot evaluate is simply not the same
        return False


def _algebra_rules(a: Expr, b: Expr, x: Symbol) -> Iterator[Rule]:
    yield from (A.Distribute(), A.CombinePowers(), A.ExpZero(), A.SplitFraction(), A.SquareAsProduct(),
                A.CancelSigns())
    pa, pb = fraction(a), fraction(b)
    if pa and pb:  # expanding a/b by k: k is what the new numerator has more
        k = tidy(pb[0] / pa[0]) if pa[0] != 0 else None
        if k is not None and k != 1 and not fraction(k):
            yield A.ExpandFraction(k)
    # (in the order they stand in b: a set's order moved with the hash seed, and with it which of two
    # factors a link's rule named first)
    for factor in dict.fromkeys(n for n in preorder(b) if n.is_Function or n.is_Symbol):
        yield A.FactorOut(factor)
    s = sigmoid(x)
    if b.has(s):  # (no rule here takes σ(x) out again: substituting it cannot end at a line without it)
        for body in (exp(x) / (exp(x) + 1), 1 / (1 + exp(-x))):
            yield A.Substitute(s, body)


def justify(a: Expr, b: Expr, x: Symbol) -> str | None:
    """The rule (or the two rules, or the rules of the derivatives worked out) that write b from a."""
    try:
        if pending(a):
            return _calculus(a, b)
        return _algebra(a, b, x)
    except (DeriveError, TypeError, ValueError, AttributeError):
        return None


def _calculus(a: Expr, b: Expr) -> str | None:
    for cls in AUTOMATIC:
        new = cls().rewrite(a)
        if new is not None and _same(new, b):
            return cls.name
    # (the link is proved: only the names are wanted, of the steps up to the one written)
    steps = Differentiate("fine").unproved_steps(a, until=lambda step: _same(step.expr, b), most=_MOST_STEPS)
    if _same(steps[-1].expr, b):
        return ", ".join(dict.fromkeys(step.rule for step in steps))
    return None


def _arithmetic_only(a: Expr, b: Expr) -> bool:
    """b is a with its arithmetic worked out (5x(x²) = 5x³): no rule of ours is what made it."""
    try:
        return tidy(a) == tidy(b)
    except Exception:  # noqa: BLE001 - a form SymPy cannot evaluate is simply not the same
        return False


def _algebra(a: Expr, b: Expr, x: Symbol) -> str | None:
    """The algebra rule (or two) that writes b from a. A rule whose output is b only once the
    arithmetic is worked out names the step only when the arithmetic alone does not make it: no name
    is better than a wrong one ("write the square as a product" for 5x(x²) = 5x³)."""
    if _arithmetic_only(a, b):
        return next((rule.name for rule in _algebra_rules(a, b, x)
                     if (new := rule.rewrite(a)) is not None and shape(new) == shape(b)), None)
    singles = []
    for rule in _algebra_rules(a, b, x):
        new = rule.rewrite(a)
        if new is None:
            continue
        if _same(new, b):
            return rule.name
        singles.append((rule, new))
    for first, middle in singles:
        for second in _algebra_rules(middle, b, x):
            new = second.rewrite(middle)
            if new is not None and _same(new, b):
                return f"{first.name}, {second.name}"
    return None
