"""Series SymPy sums only where they converge: doit gives Σ_k k p (1 − p)^{k−1} back as
Piecewise((1/p², |p − 1| < 1), (Σ …, True)). The verifier compares such sums on that region only
(verify._converging); here the sums are found, and the region is said in words.
"""

from __future__ import annotations

from sympy import Abs, Expr, Piecewise, S, Sum
from sympy.core.relational import LessThan, StrictLessThan, Unequality


def where_converging(expr: Expr) -> tuple[Expr, list[Expr]]:
    """expr with each series SymPy summed only where it converges, Piecewise((1/p², |p − 1| < 1),
    (Σ …, True)), taken at its sum; and those conditions. Outside them the series has no value (or
    none SymPy finds), so the sums are what the written series stands for wherever it stands for one."""
    conditions: list[Expr] = []

    def summed(cases: Piecewise) -> Expr:
        conditions.append(cases.args[0].cond)
        return cases.args[0].expr

    converging = expr.replace(lambda n: isinstance(n, Piecewise) and len(n.args) == 2 and n.args[1].cond is S.true
                              and _a_series(n.args[1].expr) and not n.args[0].expr.has(Sum), summed)
    return converging, conditions


def _a_series(expr: Expr) -> bool:
    """expr holds a sum with infinitely many terms."""
    return any(S.Infinity in (low, high) or S.NegativeInfinity in (low, high)
               for node in expr.atoms(Sum) for _, low, high in node.limits)


def plain_condition(condition: Expr) -> str:
    """|p - 1| < 1 for SymPy's Abs(p - 1) < 1 (a power series' radius), x ≠ 1 for Ne(x, 1); any other
    condition as SymPy prints it."""
    if isinstance(condition, (StrictLessThan, LessThan)) and isinstance(condition.lhs, Abs):
        return f"|{condition.lhs.args[0]}| {condition.rel_op} {condition.rhs}"
    if isinstance(condition, Unequality):
        return f"{condition.lhs} ≠ {condition.rhs}"
    return str(condition)
