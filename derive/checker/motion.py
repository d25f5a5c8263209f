"""Functions of time and the equations of motion a text states for them: ẋ = αx − βxy, mẍ + bẋ + kx = 0.

A link such as dE/dt = ẋ(mẍ + kx) = −bẋ² holds along every motion, not for every function x(t): each
stated equation, solved for its function's highest rate, is put into both sides, and what is left is
compared with the functions and their lower rates as letters of their own (at any instant x and ẋ can
take any values: they are the motion's initial conditions).
"""

from __future__ import annotations

from collections.abc import Callable

from sympy import Derivative, Dummy, Expr, Indexed, Integral, Product, S, Sum, expand
from sympy.core.function import AppliedUndef

from derive.errors import DeriveError
from derive.verify import compare

MOTION_REACH = 30  # lines after an equation of motion within which a link it contradicts is wrong


def of_motion(a: Expr, b: Expr, formulas: dict) -> bool:
    """a = b, as read, is a law of motion: it relates a name's rate in time to the state, names that move
    standing in it undifferentiated (ẋ = αx − βxy, mẍ + bẋ + kx = 0, Ṙ = γI, Rq̇ + q/C = 𝓔). formulas:
    the text's definitions there, where a moving name is its function of t. ẋ = Ae^{−γt}(…) after
    x(t) = Ae^{−γt}cos ωt is a derivative worked out, a claim to check; ẋ = 0.5 a rate, no state."""
    rates = {d.expr for e in (a, b) for d in e.atoms(Derivative)
             if d.expr.is_Symbol and d.variables and all(v.name == "t" for v in d.variables)}
    moving = rates | {s for s, f in formulas.items() if isinstance(f, AppliedUndef)}
    state = {s for e in (a, b) for s in e.xreplace({d: S.Zero for d in e.atoms(Derivative)}).free_symbols}
    return bool(rates) and bool(state & moving)


def moved_names(equation: Expr) -> set[str]:
    """The names an equation of motion gives a rate of, as read (x of mẍ + bẋ + kx)."""
    return {d.expr.name for d in equation.atoms(Derivative) if d.expr.is_Symbol}


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


def along_the_motion(a: Expr, b: Expr, known, line: int, write: Callable[[Expr], Expr]) -> tuple[bool, str, str] | None:
    """(verdict, method, the equations used) with the latest equation of motion the text (known, its
    Definitions here: imported, they would import this module back) stated for each function of the
    link put in, written out as the link is (write: ω of ẍ = −ω²x as the text defined it); False only
    within MOTION_REACH lines of them and where no rate beyond theirs stays (a rate the equations do
    not give is free, so a difference may be one of them). None where no stated equation speaks of the
    link's functions."""
    if not known.motions or any(e.has(Sum, Product, Integral, Indexed) for e in (a, b)):
        return None
    sides = [derivatives_done(e) for e in (a, b)]
    functions = {f for e in sides for f in e.atoms(AppliedUndef)}
    solved: dict[AppliedUndef, tuple[Derivative, Expr, int, str]] = {}
    for value, at, shown in known.motions:  # (the latest for each function wins)
        try:
            value = derivatives_done(write(value))
        except DeriveError:  # (its names defined in a circle, or past the size limit: no use here)
            continue
        rates = [d for d in value.atoms(Derivative) if isinstance(d.expr, AppliedUndef) and d.expr in functions]
        if rates and (top := _solved(value, max(rates, key=lambda d: d.derivative_count))) is not None:
            solved[top[0].expr] = (*top, at, shown)
    if not solved:
        return None
    moved = [_put(e, solved) for e in sides]
    verdict, method = compare(*in_jets(*moved))
    said = ", ".join(f"{shown} (line {at})" for _, _, at, shown in solved.values())
    if verdict is True:
        return True, f"along the motion ({method})", said
    beyond = any(d.expr in solved and d.derivative_count >= solved[d.expr][0].derivative_count
                 for e in moved for d in e.atoms(Derivative))
    near = all(0 <= line - at <= MOTION_REACH for _, _, at, _ in solved.values())
    # every function of the link moved by an equation of its own: then x and ẋ are the initial conditions,
    # free; a function without one may be tied to the others (the ladder's y by x² + y² = 25)
    left = {f for e in moved for f in e.atoms(AppliedUndef)}
    # (and none given by a formula derive could not read: q(t) = C𝓔(1 − e^{−t/RC}) pins q down)
    closed = left <= set(solved) and not any(type(f).__name__ in {**known.unreadable, **known.given} for f in left)
    if verdict is False and near and closed and not beyond:
        return False, f"along the motion ({method})", said
    return None


def _put(expr: Expr, solved: dict) -> Expr:
    """expr with each function's rates from the stated one up replaced by what its equation makes them:
    the rate itself, and a higher one by the equation differentiated (N'' of N' = rN(1 − N/K) is
    r(1 − 2N/K)N', and N' again), a few rounds at most."""
    for _ in range(_ROUNDS):
        found = {d for d in expr.atoms(Derivative) if d.expr in solved
                 and d.derivative_count >= solved[d.expr][0].derivative_count}
        if not found:
            break
        put = {}
        for d in found:
            rate, value = solved[d.expr][:2]
            beyond = d.derivative_count - rate.derivative_count
            put[d] = value.diff((d.variables[0], beyond)) if beyond else value
        expr = expand(expr.xreplace(put))
    return expr


_ROUNDS = 4


def _solved(value: Expr, top: Derivative) -> tuple[Derivative, Expr] | None:
    """(the rate, what value = 0 makes it) where value is linear in that rate with a coefficient free of
    the motion (m of mẍ); None otherwise."""
    z = Dummy()
    linear = expand(value.xreplace({top: z}))
    coefficient = linear.diff(z)
    if coefficient == 0 or coefficient.has(z, AppliedUndef, Derivative):
        return None
    return top, expand(-linear.subs(z, 0) / coefficient)
