"""One small change that mends a line: "did you mean e^{x}(e^{x} + 1)?".

The candidates are the slips a hand makes: a term's sign, a minus before a product, a number off by
its sign or doubled or halved, an exponent off by one. A candidate that makes the line agree with
both its neighbours is the suggestion, shown as the smallest product or sum around the change.
"""

from __future__ import annotations

from collections.abc import Iterator

from sympy import Add, Expr, Integer, Integral, Mul, Pow, Rational, S

from derive.exprs import neg, replace_at, size
from derive.render.printer import latex
from derive.verify import numerically_same, surely_differs

MAX_CANDIDATES = 200


def _with_paths(expr: Expr, path: tuple[int, ...] = ()) -> Iterator[tuple[tuple[int, ...], Expr]]:
    stack = [(path, expr)]
    while stack:
        p, node = stack.pop()
        yield p, node
        stack.extend((p + (i,), a) for i, a in reversed(list(enumerate(node.args))))


def _negated(term: Expr) -> Expr:
    if isinstance(term, Mul) and term.args[0] == S.NegativeOne:
        rest = term.args[1:]
        return rest[0] if len(rest) == 1 else Mul(*rest, evaluate=False)
    if term.is_Number:
        return -term
    return neg(term)


def _edits(node: Expr) -> Iterator[Expr]:
    """The slips a hand makes in this one node."""
    if isinstance(node, Add):
        for i, term in enumerate(node.args):
            args = list(node.args)
            args[i] = _negated(term)
            yield Add(*args, evaluate=False)
    if isinstance(node, Mul):
        yield _negated(node)
    if isinstance(node, (Integer, Rational)) and node != 0:
        yield from (-node, 2 * node, node / 2)
    if isinstance(node, Pow) and node.exp.is_Integer:
        yield from (Pow(node.base, node.exp + 1, evaluate=False), Pow(node.base, node.exp - 1, evaluate=False))


def _at(expr: Expr, path: tuple[int, ...]) -> Expr:
    for i in path:
        expr = expr.args[i]
    return expr


def _shown(expr: Expr, path: tuple[int, ...]) -> Expr:
    """What a reader finds the change in: the nearest product around it (two levels up at most),
    else the sum it stands in, else the changed part itself; the whole line where the edit made SymPy
    reorder it (the path leads nowhere then)."""
    try:
        return _around(expr, path)
    except IndexError:
        return expr


def _around(expr: Expr, path: tuple[int, ...]) -> Expr:
    for up in (1, 2):
        if len(path) >= up and isinstance(_at(expr, path[:-up]), Mul):
            return _at(expr, path[:-up])
    if path and isinstance(_at(expr, path[:-1]), Add):
        return _at(expr, path[:-1])
    return _at(expr, path)


def suggestion(before: Expr, wrong: Expr, after: Expr) -> str | None:
    """'did you mean X (for Y)?' when one slip in wrong makes before = wrong' = after; else None."""
    if any(e.has(Integral) for e in (before, wrong, after)):
        return None  # each candidate would cost a quadrature at every sample point: minutes, not a hint
    tried = 0
    # smallest parts first: a slip is a small thing, and negating the whole line is no suggestion
    for path, node in sorted(_with_paths(wrong), key=lambda pn: (size(pn[1]), -len(pn[0]))):
        for edited in _edits(node):
            tried += 1
            if tried > MAX_CANDIDATES:
                return None
            try:
                candidate = replace_at(wrong, path, edited)
            except (ValueError, TypeError):  # an edit SymPy refuses to build (a derivative of order −1)
                continue
            if surely_differs(candidate, after) or surely_differs(before, candidate):
                continue
            if numerically_same(before, candidate) and numerically_same(candidate, after):
                return f"did you mean ${latex(_shown(candidate, path))}$ where it says ${latex(_shown(wrong, path))}$?"
    return None
