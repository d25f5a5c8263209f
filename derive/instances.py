"""Sums with a symbolic bound, judged by instances: Σ_{i=1}^{n} (x_i − μ) = Σ x_i − nμ is checked for
n = 1, 2, 3, 4, each term a fresh symbol (x_1 … x_4). Valid only when every instance holds; the
certificate says so ("instances n ≤ 4"): a claim about every n checked on the first four, weaker than a
proof, stronger than nothing, and never a false alarm where an instance fails (that is a real
counterexample)."""

from __future__ import annotations

from collections.abc import Callable

from sympy import Expr, Indexed, Product, Sum, Symbol

from derive.exprs import preorder, rebuild

SIZES = (1, 2, 3, 4)


def bounds(a: Expr, b: Expr) -> set[Symbol]:
    """The symbols that bound a sum or a product in a or b (n in Σ_{i=1}^{n})."""
    found: set[Symbol] = set()
    for node in [*preorder(a), *preorder(b)]:
        if isinstance(node, (Sum, Product)):
            for _, low, high in node.limits:
                found |= {s for s in (low.free_symbols | high.free_symbols)}
    return found


def _terms_as_symbols(expr: Expr) -> Expr:
    """x[2] → the symbol x_2 (real), which the verifier can compute with."""
    return rebuild(expr, lambda node: Symbol(f"{node.base.label}_{node.indices[0]}", real=True)
                   if isinstance(node, Indexed) and len(node.indices) == 1 and node.indices[0].is_Integer else None)


def by_instances(a: Expr, b: Expr, compare: Callable) -> tuple[bool | None, str] | None:
    """(verdict, method) from instances of the sums' bounds, or None when a and b have no bounded sum
    to instantiate (a single bound symbol, taking the sizes 1 to 4)."""
    symbols = bounds(a, b)
    if len(symbols) != 1:
        return None
    n = next(iter(symbols))
    for size in SIZES:
        ak = _terms_as_symbols(a.xreplace({n: size}).doit())
        bk = _terms_as_symbols(b.xreplace({n: size}).doit())
        if ak.has(Sum, Product, Indexed) or bk.has(Sum, Product, Indexed):
            return None, "a sum derive could not write out term by term"
        verdict, method = compare(ak, bk)
        if verdict is False:
            return False, f"instances (fails at {n} = {size})"
        if verdict is None:
            return None, f"at {n} = {size}: {method}"
    return True, f"instances ({n} = 1…{SIZES[-1]})"
