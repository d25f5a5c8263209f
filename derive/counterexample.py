"""What a reader wants to see at a wrong link that no single slip explains: a point where the two
sides differ ("at x = 2 the left side is 12, the right 10"), and, when the chain starts at a
derivative derive can work out, what that derivative is.
"""

from __future__ import annotations

from itertools import product

from sympy import Derivative, Expr, Integer, Integral, Limit, Product, Rational, Subs, Sum, factor_terms, nan, zoo
from sympy.core.function import AppliedUndef

from derive.exprs import pending, size
from derive.render.printer import latex, text

_TRIES = (Integer(2), Integer(1), Integer(3), Rational(1, 2), Integer(-1), Integer(5))
_UNSAMPLED = (AppliedUndef, Subs, Sum, Product, Integral, Limit)
MAX_SIZE = 300  # nodes: beyond this, working a derivative out costs more than it tells


def _value(expr: Expr, point: dict) -> Expr | None:
    """The exact value at point when it is a finite real number, else None."""
    try:
        v = expr.doit().xreplace(point)
        v = v if v.is_Rational else v.evalf(15)
    except (TypeError, ValueError, ZeroDivisionError, ArithmeticError, NotImplementedError):
        return None
    if v.has(nan, zoo) or not v.is_number or v.is_real is not True or not v.is_finite:
        return None
    return v


def _shown(v: Expr) -> str:
    return str(v) if v.is_Rational else f"{float(v):.6g}"


def counterexample(a: Expr, b: Expr) -> str | None:
    """A point of the real line (or plane) where a and b both have a value and the values differ."""
    if a.has(*_UNSAMPLED) or b.has(*_UNSAMPLED):
        return None
    symbols = sorted(a.free_symbols | b.free_symbols, key=str)
    if not symbols or len(symbols) > 3:
        return None
    for values in product(_TRIES, repeat=len(symbols)):
        point = dict(zip(symbols, values))
        va, vb = _value(a, point), _value(b, point)
        if va is None or vb is None or abs(float(va - vb)) <= 1e-9 * max(1.0, abs(float(va))):
            continue
        where = ", ".join(f"{text(s)} = {_shown(v)}" for s, v in point.items())
        return f"at {where} the left side is {_shown(va)}, the right {_shown(vb)}"
    return None


def worked_out(start: Expr) -> str | None:
    """The derivative a chain starts at, worked out and tidied (LaTeX), when it starts at one."""
    if not pending(start) or start.has(*_UNSAMPLED) or size(start) > MAX_SIZE:
        return None
    if isinstance(start, Derivative) and start.expr.has(AppliedUndef):
        return None
    try:
        value = factor_terms(start.doit())
    except (NotImplementedError, ValueError, TypeError):  # a limit SymPy cannot take without a sign
        return None
    return None if value.has(Derivative) else latex(value)
