"""What derive knows of a limit's value, and so what a link holding limits can be decided by.

SymPy's limit is trusted only where its answer is a plain value: a finite expression free of ∞, or ±∞
itself. Anything else is no value to compute with: bounds (lim_{x→∞} sin x is AccumBounds(−1, 1), and
two of them compared equal), ∞ inside arithmetic (lim n^{p−2} came back as ∞^{p−2}, which cancel split
into ∞^p ∞^{−2} = 0), complex infinity (1/x at 0 from both sides), or an error (SymPy raises
ValueError where the one-sided limits differ, and TypeError or AttributeError where it cannot tell).
"""

from __future__ import annotations

from functools import lru_cache

from sympy import AccumBounds, E, Expr, Limit, Pow, Product, S, Sum, exp, log

from derive.functions import NamedFunction
from derive.sandbox import within

FINITE, INFINITE, NONE, UNSETTLED = "finite", "infinite", "none", "unsettled"

_SECONDS = 2.0  # CPU seconds for SymPy's limit to work one out


@lru_cache(maxsize=256)
def kind_of(limit: Limit) -> str:
    """FINITE or INFINITE (a plain value SymPy gives), NONE (SymPy shows there is no single value: bounds,
    complex infinity, two one-sided limits that differ) or UNSETTLED (SymPy cannot tell, or answers
    with ∞ inside arithmetic: ∞^{p−2}, atan(∞·a))."""
    return worked_out(limit, _SECONDS)[0]


def worked_out(limit: Limit, seconds: float) -> tuple[str, Expr | None]:
    """(kind, value) of SymPy's limit within seconds of CPU: the kind as kind_of says it, and the value
    SymPy gave (None where it gave none: an error, or the time ran out)."""
    try:
        value = within(seconds, limit.doit, None)
    except ValueError:  # ("The limit does not exist since left hand limit = -1 and right hand limit = 1")
        return NONE, None
    except Exception:  # noqa: BLE001 - SymPy's limit fails in many ways (AttributeError at x^{1/sin x})
        return UNSETTLED, None
    if value is None or value.has(Limit):
        return UNSETTLED, value
    if value in (S.Infinity, S.NegativeInfinity):
        return INFINITE, value
    if value in (S.ComplexInfinity, S.NaN) or isinstance(value, AccumBounds):
        return NONE, value
    if value.has(AccumBounds, S.Infinity, S.NegativeInfinity, S.ComplexInfinity, S.NaN):
        return UNSETTLED, value
    return FINITE, value


def prepared(expr: Expr) -> Expr:
    """expr with each limit's body in the form SymPy's limit is right on: the functions the text defines
    (and σ) written out, since SymPy took lim_{x→0⁺} g(x) for g(0) (g = sign: 0, where the limit is 1),
    and a number's power b^u as e^{u log b}, since SymPy 1.14 gives lim_{x→−∞} 2^x = ∞ (and 0 for
    e^{x log 2})."""
    def plain(body: Expr) -> Expr:
        for _ in range(_DEPTH):  # (a definition in terms of another)
            if not body.has(NamedFunction):
                break
            body = body.replace(lambda n: isinstance(n, NamedFunction), lambda n: n.body_at(n.args[0]))
        return body.replace(lambda n: isinstance(n, Pow) and n.base.is_number and n.base.is_positive
                            and n.base != E and not n.exp.is_number, lambda n: exp(n.exp * log(n.base)))

    return expr.replace(lambda n: isinstance(n, Limit), lambda n: n.func(plain(n.args[0]), *n.args[1:]))


_DEPTH = 8  # definitions written out inside one another, at most


def limits_in(a: Expr, b: Expr) -> list[Limit]:
    return sorted({n for e in (a, b) for n in e.atoms(Limit)}, key=str)


def growing_sum(limit: Limit) -> bool:
    """A sum or product whose bound is the limit's own variable (lim_{N→∞} (1/N) Σ_{i=1}^{N} x_i): the
    instances would put numbers in for N, a variable the limit binds."""
    x = limit.args[1]
    return any(x in bound.free_symbols for node in limit.args[0].atoms(Sum, Product)
               for _, low, high in node.limits for bound in (low, high))


def forget_limits() -> None:
    """Forget the limits worked out (a benchmark's cold start)."""
    kind_of.cache_clear()
