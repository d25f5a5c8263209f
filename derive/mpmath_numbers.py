"""Numbers between SymPy and mpmath: the mpmath twin of each function a density or a moment holds, a
number's value either way at the working precision, a sample point's float as the exact number it
is, and the errors that mean an expression has no value at a point. Shared by derive.quadrature
(integrands made of mpmath calls) and derive.numeric (values at points).
"""

from __future__ import annotations

from collections.abc import Callable

import mpmath
import sympy
from sympy import Expr, Float, Rational, S

# What working out a value at a point raises where there is none (1/0, a pole, evalf of floor(10x))
NO_VALUE = (TypeError, ValueError, ZeroDivisionError, OverflowError, AttributeError)

# Each function by its mpmath twin, for the nodes a density or a moment holds
MPMATH_TWINS: dict[type, Callable] = {
    sympy.exp: mpmath.exp, sympy.log: mpmath.log, sympy.sin: mpmath.sin, sympy.cos: mpmath.cos,
    sympy.tan: mpmath.tan, sympy.sinh: mpmath.sinh, sympy.cosh: mpmath.cosh, sympy.tanh: mpmath.tanh,
    sympy.atan: mpmath.atan, sympy.erf: mpmath.erf, sympy.gamma: mpmath.gamma, sympy.Abs: abs,
    sympy.factorial: mpmath.factorial,
}
# The same in double precision (mpmath.fp: floats, complex off the real line), for quadratures whose
# answer floats hold (derive.quadrature checks that they do)
FLOAT_TWINS: dict[type, Callable] = {
    sympy.exp: mpmath.fp.exp, sympy.log: mpmath.fp.log, sympy.sin: mpmath.fp.sin, sympy.cos: mpmath.fp.cos,
    sympy.tan: mpmath.fp.tan, sympy.sinh: mpmath.fp.sinh, sympy.cosh: mpmath.fp.cosh, sympy.tanh: mpmath.fp.tanh,
    sympy.atan: mpmath.fp.atan, sympy.erf: mpmath.fp.erf, sympy.gamma: mpmath.fp.gamma, sympy.Abs: abs,
    sympy.factorial: mpmath.fp.factorial,
}
assert FLOAT_TWINS.keys() == MPMATH_TWINS.keys()


def as_sympy_number(v, digits: int) -> Expr:
    """An mpmath value as a SymPy number of digits (a + bi for a complex one)."""
    if isinstance(v, mpmath.mpc):
        re, im = Float(v.real, digits), Float(v.imag, digits)
        return re + im * S.ImaginaryUnit if im else re
    return Float(v, digits)


def as_mpmath_number(expr: Expr):
    """A number (1/2, π, ∞) as an mpmath number at the working precision."""
    if expr is S.Infinity:
        return mpmath.inf
    if expr is S.NegativeInfinity:
        return -mpmath.inf
    if expr is S.ImaginaryUnit:
        return mpmath.mpc(0, 1)
    if expr.is_Rational:
        return mpmath.mpf(int(expr.p)) / int(expr.q)
    return expr.evalf(mpmath.mp.dps)._to_mpmath(mpmath.mp.prec)  # (at the working precision)


def exact(value: complex) -> Expr:
    """A sample point's coordinate as the exact number its float is, so that SymPy works out a limit,
    an integral or a whole side at the very point where the other values were taken."""
    z = complex(value)
    return Rational(z.real) + (Rational(z.imag) * S.ImaginaryUnit if z.imag else 0)
