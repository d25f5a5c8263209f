"""2x + 3 = 7 \\implies x = 2: the equation after an implication is not an identity; it must hold
wherever the one before holds. Judged where that is decidable: the second equation is the first
times a nonzero constant, or (one variable) every real solution of the first solves the second.
The equation before is a premise, an equation to solve, not an identity either."""

from __future__ import annotations

from sympy import Derivative, Expr, S, Symbol, cancel, solveset

from derive.errors import DeriveError
from derive.exprs import pending
from derive.parse import parse

from derive.checker.report import DEFINITION, INVALID, UNDECIDED, VALID, ChainReport, Link
from derive.verify import compare, finished


def judge(before: tuple[Expr, Expr], after: tuple[Expr, Expr], source: int, target: int,
          solved_for: Expr | None = None) -> Link:
    """The link of an implied equation: valid, invalid (a solution of the first that the second
    misses), or undecided with the reason. solved_for: the name the second equation gives a value
    (σ̂ of σ̂ = …), as written."""
    first, second = finished(before[0] - before[1]), finished(after[0] - after[1])
    if first == 0:  # y = x^3 \implies dy/dx = 3x^2: nothing to solve, the conclusion is an identity
        verdict, method = compare(after[0], after[1])
        if verdict is None:
            return Link(source, target, UNDECIDED, reason=method)
        return Link(source, target, VALID if verdict else INVALID, method)
    ratio = cancel(second / first)
    if ratio.is_number and ratio != 0:
        return Link(source, target, VALID, "cancel", rule="the same equation, times a constant")
    symbols = sorted(first.free_symbols | second.free_symbols, key=str)
    if len(symbols) != 1 and solved_for is not None and solved_for in first.free_symbols:
        # σ̂ = √(Σ(x_i − m)²/n) after −n/σ̂ + Σ(x_i − m)²/σ̂³ = 0: the value put where the equation has σ̂
        verdict, method = compare(first.xreplace({solved_for: after[1]}), S.Zero)
        if verdict is not None:
            return Link(source, target, VALID, method, rule="the solution solves the equation before") if verdict \
                else Link(source, target, INVALID, method, reason=f"{solved_for} = {after[1]} does not solve the equation before")
    if len(symbols) != 1 and compare(before[0], before[1])[0] is True:
        # σ̂ = √(Σ(x_i − μ̂)²/n) after −n/σ̂ + Σ(x_i − μ̂)²/σ̂³ = 0: the estimate the text names, written out
        # where the equation has it, solves the equation
        return Link(source, target, VALID, "substitution", rule="the solution solves the equation before")
    if len(symbols) != 1:
        return Link(source, target, UNDECIDED, reason="an implication between equations in several variables")
    x: Symbol = symbols[0]
    try:
        solutions = solveset(first, x, S.Reals)
        holds = solveset(second, x, S.Reals)
    except Exception:  # noqa: BLE001 - SymPy's solvers raise many kinds; all mean "cannot decide"
        return Link(source, target, UNDECIDED, reason="derive cannot solve the equations to compare them")
    if not (solutions.is_FiniteSet and holds.is_FiniteSet):
        return Link(source, target, UNDECIDED, reason="derive cannot list the solutions to compare them")
    missed = solutions - holds
    if missed == S.EmptySet:
        return Link(source, target, VALID, "solve", rule="implication")
    if missed == solutions:  # no solution of the first solves the second: wrong whatever the context
        return Link(source, target, INVALID, "solve", reason=f"{x} = {list(missed)[0]} solves the first, not the second")
    # x^2 = 1 ⇒ x = 1: right when the text has excluded x = -1 (x > 0), which derive does not know
    return Link(source, target, UNDECIDED, reason=f"{x} = {list(missed)[0]} solves the first, not the second: "
                "right only if the text excludes it")


def premise(link: Link, sides: tuple[Expr, Expr]) -> Link:
    """The last link of the chain an implication follows: an equation the text solves, never a false
    identity (2x + 3 = 7 is no identity, and nobody claimed it was). A link with a derivative in it
    (d/dx sin x = -cos x \\Rightarrow …) claims an identity, and stays judged as one."""
    if link.verdict != INVALID or any(pending(side) or side.has(Derivative) for side in sides):
        return link
    return Link(link.source, link.target, DEFINITION, rule="an equation to solve (\\implies follows), not an identity")


def follow_implication(chain, report: ChainReport, exprs: list, parsed: dict, reports: dict) -> None:
    """The first link of a chain after \\implies is judged as an implication from the chain before,
    whose last link is then a premise (an equation to solve), not an identity."""
    before = parsed.get(id(chain.follows)) if chain.follows is not None else None
    if before is None or None in before[-2:] or None in exprs[:2]:
        return
    premised = reports[id(chain.follows)]
    premised.links[-1] = premise(premised.links[-1], (before[-2], before[-1]))
    _unlocate(premised, len(premised.links) - 1)
    report.links[0] = judge((before[-2], before[-1]), (exprs[0], exprs[1]), 0, 1, _named(chain.expressions[0]))
    _unlocate(report, 0)
    if report.links[0].verdict == INVALID:
        report.wrong_links.insert(0, (0, 1))
        report.evidence[0] = report.links[0].reason


def _named(source: str) -> Symbol | None:
    """The name a conclusion σ̂ = … gives a value, as written (before any definition is put in)."""
    try:
        name = parse(source, reader="latex")
    except DeriveError:
        return None
    return name if isinstance(name, Symbol) else None


def _unlocate(report: ChainReport, k: int) -> None:
    """Link k was judged again: what was located on its old verdict goes."""
    link = report.links[k]
    if (link.source, link.target) in report.wrong_links:
        report.wrong_links.remove((link.source, link.target))
    report.evidence.pop(link.source, None)
    report.suspects[:] = [s for s in report.suspects if s not in (link.source, link.target)]


def at_a_point(before: ChainReport, exprs: list, point: list) -> None:
    """2x = 2 \\text{ at } x = 1: a chain followed in its row by "x = 1" states its last links at that
    point. A link wrong as an identity but right there is judged at the point, and says so."""
    if len(point) != 2 or None in point or not point[0].is_Symbol or not point[1].is_number:
        return
    x, value = point
    for k, link in enumerate(before.links):
        a, b = exprs[link.source], exprs[link.target]
        if (link.verdict != INVALID or a is None or b is None or x not in a.free_symbols | b.free_symbols
                or a.has(Derivative) or b.has(Derivative)):  # d/dx at x = 1 is no substitution
            continue
        verdict, method = compare(a.xreplace({x: value}).doit(), b.xreplace({x: value}).doit())
        if verdict:
            before.links[k] = Link(link.source, link.target, VALID, method, rule=f"at {x} = {value}")
            _unlocate(before, k)
