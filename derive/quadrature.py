"""A definite integral's value at a point, by tanh-sinh quadrature on an integrand made of mpmath calls.

SymPy's evalf does the same quadrature but asks its own evalf for the integrand at each of the
thousands of nodes, a tree walk each time: ∫_0^∞ λ x² e^{-λx} dx took half a second a point, and a
page of moments took tens of seconds. Here the integrand is turned once into nested mpmath calls
(no text is compiled or evaluated: each node becomes a closure over its children), and the value is
kept only where mpmath's error estimate leaves enough sure bits, as verify asked of evalf. An
integrand with a node not known here is None: the caller asks evalf.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import mpmath
import sympy
from sympy import Add, Expr, Float, Integral, Mul, Pow, S, Symbol

# Each function by its mpmath twin, for the nodes a density or a moment holds
_FUNCTIONS: dict[type, Callable] = {
    sympy.exp: mpmath.exp, sympy.log: mpmath.log, sympy.sin: mpmath.sin, sympy.cos: mpmath.cos,
    sympy.tan: mpmath.tan, sympy.sinh: mpmath.sinh, sympy.cosh: mpmath.cosh, sympy.tanh: mpmath.tanh,
    sympy.atan: mpmath.atan, sympy.erf: mpmath.erf, sympy.gamma: mpmath.gamma, sympy.Abs: abs,
    sympy.factorial: mpmath.factorial,
}

_DIGITS = 15  # the value's digits, as verify asked evalf for
_GUARD = 20  # working digits beyond them


class _Unknown(Exception):
    """A node this module has no mpmath twin for."""


def integral_value(integral: Integral, point: dict, sure_bits: int) -> Expr | None:
    """The integral's value with its parameters at the point (symbol → float or complex), as a SymPy
    number with at least sure_bits right; None where this module cannot integrate it; ValueError where
    the quadrature leaves fewer bits (an integral that diverges there, ∫_0^∞ e^{-λx} dx at λ < 0): no
    value at this point. The parameters go in as mpmath numbers: put into SymPy as exact fractions,
    λ^n alone took seconds (SymPy looks for perfect powers of 50-digit integers)."""
    if len(integral.limits) != 1 or len(integral.limits[0]) != 3 or integral.function.has(Integral):
        return None
    x, lower, upper = integral.limits[0]
    if not integral.free_symbols <= set(point):
        return None
    with mpmath.workdps(_DIGITS + _GUARD):
        values = {s: mpmath.mpmathify(v) for s, v in point.items()}
        try:
            f = _compiled(integral.function, x, values)
            ends = [_compiled(end, x, values)(None) for end in (lower, upper)]
        except _Unknown:
            return None
        except (ZeroDivisionError, ValueError, OverflowError, TypeError) as exc:
            raise ValueError("no value at this point") from exc  # (a constant without a value there)
        largest = [0.0]

        def sampled(t):
            v = f(t)
            largest[0] = max(largest[0], float(abs(v)))
            return v

        try:
            value, error = mpmath.quad(sampled, ends, error=True)
        except (ZeroDivisionError, ValueError, OverflowError, TypeError) as exc:
            raise ValueError("no value at this point") from exc  # (a pole of the integrand)
        size = abs(value)
        if size == 0:
            return None  # the value, or a cancellation: evalf, which raises its precision, decides
        # mpmath's estimate is at most 1, which says nothing: no value here (the point is skipped, so a
        # doubt costs a sample point, never a verdict)
        if not mpmath.isfinite(size) or error >= 1 or _sure_bits(size, error, largest[0]) < sure_bits:
            raise ValueError("no value at this point")
        return _sympy_number(value)


def _sure_bits(size, error, largest: float) -> float:
    """Bits of the value left by the quadrature's error estimate and by the cancellation between
    integrand values much larger than it (the working precision's bits lost)."""
    by_error = math.inf if error == 0 else float(mpmath.log(size / error, 2))
    lost = max(0.0, math.log2(largest / float(size))) if largest > 0 else 0.0
    return min(by_error, mpmath.mp.prec - lost)


def _compiled(expr: Expr, x: Symbol, values: dict) -> Callable:
    """expr as a function of x's value, made of mpmath calls, the parameters at their values; a part
    free of x is worked out once. _Unknown for a node without a twin."""
    if expr == x:
        return lambda t: t
    if expr in values:
        c = values[expr]
        return lambda t: c
    if expr.is_Number or expr.is_NumberSymbol or expr is S.ImaginaryUnit or expr in (S.Infinity, S.NegativeInfinity):
        c = _number(expr)
        return lambda t: c
    parts = [_compiled(a, x, values) for a in expr.args]
    if isinstance(expr, Add):
        f = lambda t: mpmath.fsum(p(t) for p in parts)  # noqa: E731
    elif isinstance(expr, Mul):
        f = lambda t: mpmath.fprod(p(t) for p in parts)  # noqa: E731
    elif isinstance(expr, Pow):
        base, power = parts
        f = lambda t: mpmath.power(base(t), power(t))  # noqa: E731
    elif (twin := _FUNCTIONS.get(type(expr))) is not None and len(parts) == 1:
        (inner,) = parts
        f = lambda t: twin(inner(t))  # noqa: E731
    else:
        raise _Unknown(type(expr).__name__)
    if x not in expr.free_symbols:
        c = f(None)
        return lambda t: c
    return f


def _number(expr: Expr):
    """A number of the integrand (1/2, π, ∞) as an mpmath number."""
    if expr is S.Infinity:
        return mpmath.inf
    if expr is S.NegativeInfinity:
        return -mpmath.inf
    if expr is S.ImaginaryUnit:
        return mpmath.mpc(0, 1)
    if expr.is_Rational:
        return mpmath.mpf(int(expr.p)) / int(expr.q)
    return expr.evalf(_DIGITS + _GUARD)._to_mpmath(mpmath.mp.prec)


def _sympy_number(value) -> Expr:
    """An mpmath value as a SymPy number of the value's digits."""
    if isinstance(value, mpmath.mpc):
        re, im = Float(value.real, _DIGITS), Float(value.imag, _DIGITS)
        return re + im * S.ImaginaryUnit if im else re
    return Float(value, _DIGITS)
