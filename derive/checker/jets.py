"""Unknown functions of one variable and their rates as letters of their own: an identity in h and h'
as letters holds for every function h(t) (related rates, laws of motion, a label's powers)."""

from __future__ import annotations

from sympy import Derivative, Dummy, Expr, expand
from sympy.core.function import AppliedUndef


def in_jets(a: Expr, b: Expr) -> tuple[Expr, Expr]:
    """a and b with their derivatives worked out, then each unknown function and each of its rates a
    letter of its own: an identity in h and h' as letters is one for every function h(t)."""
    sides = [derivatives_done(e) for e in (a, b)]
    jets = sorted({n for e in sides for n in e.atoms(Derivative)}, key=lambda d: -d.derivative_count)
    jets += sorted({f for e in sides for f in e.atoms(AppliedUndef)}, key=str)
    letters = {jet: Dummy() for jet in jets}
    return tuple(e.subs(letters) for e in sides)


def real_jets(expr: Expr, timed: set[str]) -> Expr:
    """expr with each function of time the text moves (ẋ, x) and each of its rates a real letter of its own:
    the signs of −bẋ² are those of −b and a real square."""
    jets = {n for n in expr.atoms(Derivative, AppliedUndef)
            if type(n.expr if isinstance(n, Derivative) else n).__name__ in timed}
    return expr.xreplace({jet: Dummy(real=True) for jet in jets}) if jets else expr  # (a rate before its x: top down)


def derivatives_done(expr: Expr) -> Expr:
    """expr with its derivatives worked out and expanded (a label's powers appear only then: d/dw of
    (1 − ywx)² has y²)."""
    return expand(expr.replace(lambda e: isinstance(e, Derivative), lambda e: e.doit()))
