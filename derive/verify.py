"""Is a step right? equivalent(a, b) says which method proved a = b: the step's certificate.

Cheapest first: identical → simplify → rewrite(exp) → numeric. Plain simplify misses true identities
(σ' against 1/(4cosh²(x/2)), say), so the fallbacks matter; the numeric test can only confirm what
holds at every sampled point, and it is what catches a wrong step that no algebra settles.
"""

import random

from sympy import Expr, exp, nan, simplify, zoo

# Sample points: a fixed seed so that a certificate is reproducible from run to run.
_POINTS = 6
_TOLERANCE = 1e-9


def _finished(expr: Expr) -> Expr:
    """The value an expression stands for: pending derivatives done, written forms evaluated."""
    return expr.doit()


def _is_zero(expr: Expr) -> bool:
    return expr == 0


def _numerically_equal(a: Expr, b: Expr) -> bool:
    symbols = sorted(a.free_symbols | b.free_symbols, key=str)
    rng = random.Random(1729)
    agreed = 0
    for _ in range(_POINTS * 3):
        # Real symbols get real points: |x| and sign(x) mean something else off the real line.
        point = {s: _sample(rng, s.is_real) for s in symbols}
        try:
            va = complex(a.evalf(30, subs=point))
            vb = complex(b.evalf(30, subs=point))
        except (TypeError, ValueError, ZeroDivisionError, OverflowError):
            continue  # a pole or a branch point: try another point
        if not all(map(_finite, (va, vb))):
            continue
        if abs(va - vb) > _TOLERANCE * max(1.0, abs(va), abs(vb)):
            return False
        agreed += 1
        if agreed == _POINTS:
            return True
    return False


def _sample(rng: random.Random, real: bool) -> complex:
    re = rng.uniform(-2, 2)
    return re if real else complex(re, rng.uniform(-1, 1))


def _finite(z: complex) -> bool:
    return z == z and abs(z) != float("inf")


def equivalent(a: Expr, b: Expr) -> str | None:
    """The name of the first method that proves a = b, or None when none does."""
    if a == b:
        return "identical"
    da, db = _finished(a), _finished(b)
    if da == db or _is_zero(simplify(da - db)):
        return "simplify"
    ea, eb = da.rewrite(exp), db.rewrite(exp)
    if _is_zero(simplify(ea - eb)):
        return "rewrite(exp)"
    if da.has(nan, zoo) or db.has(nan, zoo):
        return None
    if _numerically_equal(ea, eb):
        return "numeric"
    return None
