"""Functions of time and the equations of motion a text states for them: ẋ = αx − βxy, mẍ + bẋ + kx = 0.

A link such as dE/dt = ẋ(mẍ + kx) = −bẋ² holds along every motion, not for every function x(t): each
stated law, solved for its function's highest rate, is put into both sides (a higher rate by the law
differentiated), and what is left is compared with the functions and their lower rates as letters of
their own. A law makes a link valid, never wrong: what fails with it may hold by what the text says
besides (the energy a motion keeps, a condition at an instant, a law it only supposes).
"""

from __future__ import annotations

from collections.abc import Callable

from sympy import Derivative, Dummy, Expr, Indexed, Integral, Product, S, Sum, expand
from sympy.core.function import AppliedUndef

from derive.checker.jets import derivatives_done, in_jets
from derive.errors import DeriveError
from derive.verify import compare


def of_motion(a: Expr, b: Expr, formulas: dict, inline: bool) -> bool:
    """a = b, as read, is a law of motion: it relates a name's rate in time to the state, names that move
    standing in it undifferentiated (ẋ = αx − βxy, mẍ + bẋ + kx = 0, Ṙ = γI, Rq̇ + q/C = 𝓔). formulas:
    the text's definitions there, where a moving name is its function of t. A display about a name the
    text gave a formula ("check that x(t) = e^{−t}cos t solves ẍ + 2ẋ + 2x = 0") is a claim to check; said
    in passing, "along any solution ($m\\ddot x = -b\\dot x - kx$)", it is the law again. ẋ = 0.5 has no
    state: a rate, no law."""
    rates = {d.expr for e in (a, b) for d in e.atoms(Derivative)
             if d.expr.is_Symbol and d.variables and all(v.name == "t" for v in d.variables)}
    if not inline and any(r in formulas and not isinstance(formulas[r], AppliedUndef) for r in rates):
        return False
    if not rates:
        return False
    moving = rates | {s for s, f in formulas.items() if isinstance(f, AppliedUndef)}
    try:
        state = {s for e in (a, b) for s in e.xreplace({d: S.Zero for d in e.atoms(Derivative)}).free_symbols}
    except TypeError:  # (ℓ'(g(wx + b)) g'(wx + b) with each derivative 0: SymPy could not order the two Subs)
        return False
    return bool(state & moving)


def moved_names(equation: Expr) -> set[str]:
    """The names an equation of motion gives a rate of, as read (x of mẍ + bẋ + kx)."""
    return {d.expr.name for d in equation.atoms(Derivative) if d.expr.is_Symbol}


def along_the_motion(a: Expr, b: Expr, known, write: Callable[[Expr], Expr]) -> tuple[bool, str, str] | None:
    """(True, method, the laws used) where the link holds once the latest law of motion the text states
    for each of its functions (known: the text's Definitions) is put in, written out as the link is
    (write: ω of ẍ = −ω²x as the text defined it); None otherwise. Never False: a link a law does not
    make hold may rest on what the text says besides (the energy E a motion keeps, "at the turning point,
    where ẋ = 0", a law it only supposes), so it is judged as without the law."""
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
    verdict, method = compare(*in_jets(*(_put(e, solved) for e in sides)))
    if verdict is not True:
        return None
    laws = ", ".join(f"{shown} (line {at})" for _, _, at, shown in solved.values())
    return True, f"along the motion ({method})", laws


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
