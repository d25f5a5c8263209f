"""Indices in names: z_j is the symbol z with index j, w_{ij} has two; a term of a sum is z[k] (Indexed).
Readers, the checker and the instances that judge index claims (derive.instances) ask here."""

from __future__ import annotations

from sympy import Expr, Indexed, IndexedBase, Integer, Product, Sum, Symbol

from derive.exprs import rebuild


def split(name: str) -> tuple[str, str] | None:
    """'z_j' → ('z', 'j'), 'w_ij' → ('w', 'ij'): a name whose subscript is letters that can be indices."""
    base, _, sub = name.partition("_")
    if base and sub and sub.isascii() and sub.isalpha() and len(sub) <= 3:
        return base, sub
    return None


def relabel(expr: Expr, mapping: dict[str, str], bound: frozenset = frozenset()) -> Expr:
    """expr with its free index letters renamed (i → j): s_i's definition used for s_j. Letters a sum
    binds stay as they are."""
    if isinstance(expr, Symbol):
        parts = split(expr.name)
        if parts and any(c in mapping for c in parts[1]):
            return Symbol(f"{parts[0]}_{''.join(mapping.get(c, c) for c in parts[1])}", **expr.assumptions0)
        return expr
    if isinstance(expr, Indexed):
        return Indexed(expr.base, *(_letter(mapping[i.name], i) if isinstance(i, Symbol) and i not in bound
                                    and i.name in mapping else i for i in expr.indices))
    if isinstance(expr, (Sum, Product)):
        inner = bound | {v for v, _, _ in expr.limits}
        return expr.func(relabel(expr.function, mapping, inner), *expr.limits)
    if not expr.args:
        return expr
    return expr.func(*(relabel(arg, mapping, bound) for arg in expr.args))


def _letter(text: str, like: Symbol) -> Expr:
    return Integer(text) if text.isdigit() else Symbol(text, **like.assumptions0)


def terms_of(body: Expr, index: Symbol) -> Expr:
    """Inside \\sum_{i=1}^{n}, x_i is the i-th term x[i], not one symbol the sum would repeat n
    times (Σ x_i = n·x_i is the misreading this prevents); w_{ij} in a sum over j is w[i, j], its
    other letters indices left free."""
    def visit(node):
        if isinstance(node, Symbol) and "_" in node.name:
            base, sub = node.name.split("_", 1)
            if sub.isalpha() and sub.isascii() and index.name in sub and len(sub) <= 3:
                return Indexed(IndexedBase(base, real=True), *(Symbol(letter, real=True) for letter in sub))
        return None

    return rebuild(body, visit)
