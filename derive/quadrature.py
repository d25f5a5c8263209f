"""A definite integral's value at a point, by tanh-sinh quadrature on an integrand made of mpmath calls;
and the values at a point of the integrals and limits the verifier compares (worked_out_at).

SymPy's evalf does the same quadrature but asks its own evalf for the integrand at each of the
thousands of nodes, a tree walk each time: ∫_0^∞ λ x² e^{-λx} dx took half a second a point, and a
page of moments took tens of seconds. Here the integrand is turned once into nested mpmath calls
(no text is compiled or evaluated: each node becomes a closure over its children), and the value is
kept only where mpmath's error estimate leaves enough sure bits, as verify asked of evalf. A node
without an mpmath twin (erfc, a case split) is worked out by SymPy at each quadrature node, under the
same check: evalf's own integrals claim 53 bits of a narrow peak they miss entirely. The interval is
split where a case split or |u| changes formula.
"""

from __future__ import annotations

import cmath
import math
from collections.abc import Callable
from functools import lru_cache

import mpmath
import sympy
from mpmath.calculus.quadrature import TanhSinh
from sympy import AccumBounds, Add, Expr, Float, Integral, Limit, Mul, Pow, S, Symbol, preorder_traversal
from sympy.core.relational import Relational

from derive.limit_values import INFINITE, NONE, UNSETTLED, worked_out
from derive.mpmath_numbers import FLOAT_TWINS, MPMATH_TWINS, NO_VALUE, as_mpmath_number, as_sympy_number, exact

_DIGITS = 15  # the value's digits, as derive.numeric asks for them
_GUARD = 10  # working digits beyond them


class _Unknown(Exception):
    """A part of the integrand SymPy does not work out to a number at the point: no quadrature here."""


class Cancelled(ValueError):
    """No value at this point because the integrand's positive and negative parts cancel to about 0
    (∫ (x − μ) φ(x) dx): the quadrature converged, but no digit of what is left is sure. An integral
    that is 0 for every value of its parameters is cancelled at every point, so more points cost
    quadratures and decide nothing."""


class NoLimit(ValueError):
    """A limit that is infinite at the point, or does not exist there (sin x at ∞): the point shows no
    value to compare, and says that where the points agree, they agree only where the limit is finite."""


def integral_value(integral: Integral, point: dict, sure_bits: int) -> Expr | None:
    """The integral's value with its parameters at the point (symbol → float or complex), as a SymPy
    number with at least sure_bits right; None where this module cannot integrate it; ValueError where
    the quadrature leaves fewer bits (an integral that diverges there, ∫_0^∞ e^{-λx} dx at λ < 0): no
    value at this point; Cancelled, a ValueError, where an integrand of both signs cancels to about 0.
    The parameters go in as mpmath numbers: put into SymPy as exact fractions, λ^n alone took seconds
    (SymPy looks for perfect powers of 50-digit integers)."""
    if len(integral.limits) != 1 or len(integral.limits[0]) != 3:
        return None
    x, lower, upper = integral.limits[0]
    integral = integral.func(_polynomials_integrated(integral.function, x), integral.limits[0])
    if _double(integral):
        return None  # (one free of x inside, Γ(α) in a density, is one number: not double)
    if not integral.free_symbols <= set(point):
        return None
    with mpmath.workdps(_DIGITS + _GUARD):
        values = {s: mpmath.mpmathify(v) for s, v in point.items()}
        try:
            f = _compiled(integral.function, x, values)
            ends = [_compiled(end, x, values)(None) for end in (lower, upper)]
            ends = [ends[0], *_breaks(integral.function, x, values, *ends), ends[1]]
            if ends in ([-mpmath.inf, mpmath.inf], [mpmath.inf, -mpmath.inf]):  # (reversed: after u = −x)
                # each half on its own: mpmath folds ℝ onto [0, ∞) as f(−x) + f(x), where the odd part of
                # an integrand with no integral cancels (∫ x/(π(1 + (x − m)²)) dx = m was proved: a
                # Cauchy law's mean, which does not exist)
                ends = [ends[0], mpmath.mpf(0), ends[1]]
        except _Unknown:
            return None
        except (ZeroDivisionError, ValueError, OverflowError, TypeError) as exc:
            raise ValueError("no value at this point") from exc  # (a constant without a value there)
        fast = _in_floats(integral.function, x, values, ends, f) if sure_bits <= _FLOAT_SURE_BITS else None
        if fast is not None:
            return as_sympy_number(mpmath.mpmathify(fast), _DIGITS)
        largest = 0.0  # the integrand's largest value: a value much smaller has lost digits to cancellation
        signs = set()  # (+1, −1, or 0j for a complex value): an integrand of one sign cancels nothing

        def sampled(t):
            nonlocal largest
            v = f(t)
            size = float(abs(v))
            if size > largest:
                largest = size
            signs.add(0j if isinstance(v, mpmath.mpc) else (v > 0) - (v < 0))
            return v

        try:
            value, error = mpmath.quad(sampled, ends, error=True)
        except _Unknown:
            return None
        except (ZeroDivisionError, ValueError, OverflowError, TypeError, AttributeError) as exc:
            raise ValueError("no value at this point") from exc  # (a pole of the integrand)
        size = abs(value)
        if size == 0:
            return None  # the value, or a cancellation: evalf, which raises its precision, decides
        # mpmath's estimate is at most 1, which says nothing: no value here (the point is skipped, so a
        # doubt costs a sample point, never a verdict)
        if not mpmath.isfinite(size) or error >= 1 or _sure_bits(size, error, largest) < sure_bits:
            if error < 1 and 0 < largest < math.inf and max(size, error) < largest * 2.0 ** -sure_bits and (
                    0j in signs or {1, -1} <= signs):  # (not a peak at an endpoint: ∫_0^1 e^{-ax}/√x dx)
                raise Cancelled("the integral is about 0 here: no sure digits")
            raise ValueError("no value at this point")
        return as_sympy_number(value, _DIGITS)


# The quadrature in floats first: a node costs a twentieth of one at the working precision. Its value is
# kept only where two degrees of each piece agree to _FLOAT_BITS of it, nothing beyond its outermost
# nodes can matter, and the integrand's values are nowhere much larger than the integral (no digits
# lost to cancellation); elsewhere the working precision decides, as before
_FLOAT_RULE = TanhSinh(mpmath.fp)  # (it keeps its nodes for each degree)
_FLOAT_BITS = 46
_FLOAT_SURE_BITS = 40  # the most sure bits asked of a value (_SURE_BITS) that floats may give
# Degrees agree only from the 7th on, the working precision's last: at the 4th and 5th, nodes 0.1 to 0.3
# apart on [0, ∞) both missed a peak 0.01 wide and agreed on the background alone, where the working
# precision, going on to the 6th and 7th, found the peak and gave no value
_FLOAT_FIRST, _FLOAT_DEGREES = 7, 8
_HOPELESS_FROM = 4  # (a doubt costs time only: from there a value far below the integrand's ends the try)
_FLOAT_LOST_BITS = 3  # the integrand at most 8 times the integral's size


def _in_floats(expr: Expr, x: Symbol, values: dict, ends: list, precise: Callable):
    """∫ expr dx over the pieces between ends (mpmath numbers), worked out in floats: a float or
    complex where that is sure of _FLOAT_BITS, None where it is not or fails (the working precision's
    quadrature then decides: a doubt costs time, never a value). A node where floats overflow or
    underflow into 0/0 (a density's far tail, e^{-x²/2} / e^{-x²/8}) is worked out by precise, the
    integrand at the working precision."""
    largest = 0.0

    def sampled(t):
        nonlocal largest
        try:
            v = f(t)
        except (ArithmeticError, ValueError, TypeError):
            v = math.nan
        if not cmath.isfinite(v):
            v = _as_float(precise(mpmath.mpf(t)))
        largest = max(largest, abs(v))
        return v

    try:
        f = _compiled(expr, x, {s: _as_float(v) for s, v in values.items()}, floats=True)
        found = _float_quadrature(sampled, [_as_float(e) for e in ends],
                                  lambda value: largest > abs(value) * 2.0 ** _FLOAT_LOST_BITS)
    except (_Unknown, ArithmeticError, ValueError, TypeError):  # (overflow, a pole, a log of 0 …)
        return None
    if found is None:
        return None
    value, error = found
    size = abs(value)
    if not (0 < size < math.inf and largest < math.inf) or largest > size * 2.0 ** _FLOAT_LOST_BITS \
            or error > size * 2.0 ** -_FLOAT_BITS:
        return None
    return value


def _float_quadrature(f: Callable, ends: list, hopeless: Callable):
    """(value, error) by mpmath's tanh-sinh rule in floats, degree after degree on each piece until two
    degrees agree to _FLOAT_BITS of it (their difference the error: mpmath's own estimate extrapolates,
    and claimed 16 digits of a piece whose last two degrees differed in the ninth). None where a piece
    does not settle by _FLOAT_DEGREES, where what lies beyond its outermost nodes may matter (_beyond),
    or where one piece's value is hopeless (far below the integrand's values: ∫ (x − μ) φ(x) dx, 0 in
    floats' rounding, which only the working precision tells)."""
    total = error = 0.0
    for a, b in zip(ends, ends[1:]):
        if a == b:
            continue
        results, outermost = [], []  # (never both ends infinite: integral_value splits ℝ at 0)
        for degree in range(1, _FLOAT_DEGREES + 1):
            nodes = _FLOAT_RULE.get_nodes(a, b, degree, 53)
            outermost = [min(outermost + [x for x, _ in nodes]), max(outermost + [x for x, _ in nodes])]
            results.append(_FLOAT_RULE.sum_next(f, nodes, degree, 53, results))
            step = abs(results[-1] - results[-2]) if degree > 1 else math.inf
            if degree >= _FLOAT_FIRST and step <= abs(results[-1]) * 2.0 ** -_FLOAT_BITS:
                break
            if degree >= _HOPELESS_FROM and len(ends) == 2 and hopeless(results[-1]):
                return None
        else:
            return None
        if _beyond(f, a, b, *outermost) > abs(results[-1]) * 2.0 ** -(_FLOAT_BITS + 4):
            return None
        total += results[-1]
        error += step
    return total, error


def _beyond(g: Callable, a: float, b: float, low: float, high: float) -> float:
    """About the size of ∫ g beyond the outermost nodes low and high of [a, b]: (x − a)·g(x) at the node
    nearest a, x·g(x) at the farthest toward ∞. Floats' nodes stop 10⁻¹⁶ from an end and at 10¹⁶, and
    every degree leaves out the same part, so that degrees agree to 14 digits on a value a tail such as
    x^{−1.7} (∫ beyond 10¹⁶: 10⁻¹¹) or an end such as x^{−0.9} at 0 puts off in the tenth. A part g(x) ~
    x^{−1−a} beyond X is X·g(X)/a: this is sure of it for a > 1/16, and a smaller a fails the degrees."""
    sizes = []
    for end, node in ((a, low), (b, high)):
        width = abs(node) if math.isinf(end) else abs(node - end)
        sizes.append(width * abs(g(node)))
    return max(sizes)


def _as_float(v):
    """An mpmath number as a float, or a complex off the real line."""
    return complex(v) if isinstance(v, mpmath.mpc) else float(v)


def _double(integral: Integral) -> bool:
    """An integral inside integral depends on its variable (∫ e^{−∫_0^u λ(v) dv} du)."""
    x = integral.limits[0][0]
    return any(x in inner.free_symbols for inner in integral.function.atoms(Integral))


def _polynomials_integrated(expr: Expr, x: Symbol) -> Expr:
    """The integrals inside expr that depend on x and integrate a polynomial worked out exactly (a
    survival function e^{−∫_0^u λ dv} under ∫_t^∞ … du), so that one quadrature is left: SymPy's evalf of
    the double integral took seconds a point, and more to fail where it diverges."""
    def polynomial(node) -> bool:
        return (isinstance(node, Integral) and x in node.free_symbols and len(node.limits) == 1
                and len(node.limits[0]) == 3 and node.function.is_polynomial(node.limits[0][0]))
    return expr.replace(polynomial, lambda node: node.doit(deep=False))  # (an integral in a coefficient
    # stays one: deep, doit would try to integrate it too, for seconds)


def _breaks(expr: Expr, x: Symbol, values: dict, lower, upper) -> list:
    """The points inside (lower, upper) where a case split, |u|, max, min, sign or a step of the
    integrand changes formula, for those linear in x: the quadrature is split there, as a kink inside
    one piece leaves no sure bits."""
    found = set()
    for node in preorder_traversal(expr):
        if isinstance(node, Relational):
            turns = [node.lhs - node.rhs]
        elif isinstance(node, (sympy.Abs, sympy.sign, sympy.Heaviside)):
            turns = [node.args[0]]
        elif isinstance(node, (sympy.Max, sympy.Min)) and len(node.args) == 2:
            turns = [node.args[0] - node.args[1]]
        else:
            continue
        for u in turns:
            if x not in u.free_symbols:
                continue
            a, b = _linear(u, x, values)
            if a is not None and a != 0:
                found.add(-b / a)
    real = [p for p in found if not isinstance(p, mpmath.mpc) and lower < p < upper]
    return sorted(real)


def _linear(u: Expr, x: Symbol, values: dict):
    """(a, b) with u = a·x + b at the parameters' values, as mpmath numbers; (None, None) where u is not
    linear in x."""
    try:
        poly = sympy.Poly(u, x)
    except sympy.PolynomialError:
        return None, None
    if poly.degree() != 1:
        return None, None
    a, b = (poly.coeff_monomial(x), poly.coeff_monomial(1))
    try:
        return _compiled(a, x, values)(None), _compiled(b, x, values)(None)
    except (_Unknown, ZeroDivisionError, ValueError, TypeError):
        return None, None


def _sure_bits(size, error, largest: float) -> float:
    """Bits of the value left by the quadrature's error estimate and by the cancellation between
    integrand values much larger than it (the working precision's bits lost)."""
    by_error = math.inf if error == 0 else float(mpmath.log(size / error, 2))
    lost = max(0.0, float(mpmath.log(largest / size, 2))) if largest > 0 else 0.0  # (size below floats: 1e-400)
    return min(by_error, mpmath.mp.prec - lost)


def _compiled(expr: Expr, x: Symbol, values: dict, floats: bool = False) -> Callable:
    """expr as a function of x's value, made of mpmath calls, the parameters at their values; a part
    free of x is worked out once, and a node without an mpmath twin by SymPy (_by_sympy). With floats,
    made of mpmath.fp's calls on floats, and _Unknown for a node without a twin."""
    if expr == x:
        return lambda t: t
    if expr in values:
        c = values[expr]
        return lambda t: c
    if expr.is_Number or expr.is_NumberSymbol or expr is S.ImaginaryUnit or expr in (S.Infinity, S.NegativeInfinity):
        c = as_mpmath_number(expr)
        c = _as_float(c) if floats else c
        return lambda t: c
    if isinstance(expr, Integral) and x not in expr.free_symbols:
        c = _inner_value(expr, values)
        c = _as_float(c) if floats else c
        return lambda t: c
    f = _composed(expr, x, values, floats)
    if x not in expr.free_symbols:
        c = f(None)
        return lambda t: c
    return f


def _inner_value(integral: Integral, values: dict):
    """An integral inside an integrand and free of its variable (Γ(α) = ∫ x^{α−1}e^{−x} dx under
    ∫ x^α β^α e^{−βx}/Γ(α) dx): one number, by the same quadrature under the same check. SymPy's evalf of
    the whole took 15 s a point, and as long to fail where the inner one diverges."""
    value = integral_value(integral, values, _SURE_BITS)
    if value is None:
        raise _Unknown("an integral this module cannot work out")
    return as_mpmath_number(value)


def _composed(expr: Expr, x: Symbol, values: dict, floats: bool = False) -> Callable:
    """expr's node over its compiled parts: an mpmath call, or SymPy for a node without a twin (whose
    parts are not compiled: a case split's conditions are no numbers)."""
    if not isinstance(expr, (Add, Mul, Pow)) and not (type(expr) in MPMATH_TWINS and len(expr.args) == 1):
        if floats:
            raise _Unknown(type(expr).__name__)  # (SymPy at each node would cost what floats save)
        return _by_sympy(expr, x, values)
    numbers = mpmath.fp if floats else mpmath.mp
    parts = [_compiled(a, x, values, floats) for a in expr.args]
    if isinstance(expr, Add):
        if len(parts) == 2:  # (one rounding, as fsum's: the same value, without its checks on each call)
            first, second = parts
            return lambda t: first(t) + second(t)
        return lambda t: numbers.fsum([p(t) for p in parts])
    if isinstance(expr, Mul):
        return _product(parts)
    if isinstance(expr, Pow):
        base, power = parts
        return lambda t: numbers.power(base(t), power(t))
    twin, (inner,) = (FLOAT_TWINS if floats else MPMATH_TWINS)[type(expr)], parts
    return lambda t: twin(inner(t))


def _product(parts: list[Callable]) -> Callable:
    """The product of the parts' values, multiplied in turn at the working precision: fprod's value
    (it does the same), without its precision bookkeeping on each of the thousands of nodes."""
    first, *rest = parts
    if len(rest) == 1:
        (second,) = rest
        return lambda t: first(t) * second(t)

    def product(t):
        value = first(t)
        for p in rest:
            value = value * p(t)
        return value
    return product


def _by_sympy(expr: Expr, x: Symbol, values: dict) -> Callable:
    """A part without an mpmath twin (erfc, a case split, max) worked out by SymPy at each node: as
    slow as evalf of the whole integrand was, but under the same check of the quadrature's error."""
    digits = _DIGITS + _GUARD
    params = {s: as_sympy_number(v, digits) for s, v in values.items() if s in expr.free_symbols}

    def f(t):
        at = params if t is None else {**params, x: as_sympy_number(t, digits)}
        value = expr.xreplace(at).evalf(digits)
        if not value.is_number or value.free_symbols:
            raise _Unknown(type(expr).__name__)
        return value._to_mpmath(mpmath.mp.prec)

    return f


# --- the verifier's values of integrals and limits at a sample point ----------------------------------

def worked_out_at(exprs: tuple[Expr, ...], point: dict) -> dict[Expr, Expr]:
    """Each integral and limit in exprs at the point (symbol → float or complex), worked out once (the
    same one stands in many terms): the verifier's values for them. ValueError where one has no value
    there, and the verifier skips the point."""
    found = {i for e in exprs for i in _outermost(e)}
    values = {}
    for i in sorted(found, key=str):  # (in one order: the first without a value ends the point)
        value = _value_at(i, tuple(sorted(((s, point[s]) for s in i.free_symbols if s in point), key=str)))
        if isinstance(value, Exception):  # (a fresh one of its kind: the remembered one keeps no traceback)
            raise type(value)(*value.args)
        values[i] = value
    return values


def _outermost(expr: Expr) -> list[Expr]:
    """The integrals and limits in expr that no other one holds: an inner one is worked out inside its
    outer one's quadrature, and on its own it may have a variable of the outer one free (∫_0^u λ dv
    under ∫_t^∞ … du), and no value at any point."""
    if isinstance(expr, (Integral, Limit)):
        return [expr]
    return [found for arg in expr.args for found in _outermost(arg)]


@lru_cache(maxsize=1024)
def _value_at(node: Expr, at: tuple) -> Expr | Exception:
    """node's value with its parameters at the point (pairs symbol, value), or the failure that says it
    has none there. Remembered: a document's links share their integrals, and links with the same
    symbols share their sample points, so one quadrature (and the failed ones, the costliest) serves
    them all."""
    try:
        return _quadrature(node, at) if isinstance(node, Integral) else _limit_at(node, dict(at))
    except NO_VALUE as exc:
        return _kept(exc)


def _kept(failure: Exception) -> ValueError:
    """A failure to remember: a fresh exception of its kind, without the traceback that would keep the
    quadrature's frames alive."""
    if isinstance(failure, (Cancelled, NoLimit)):
        return type(failure)(*failure.args)
    return ValueError("no value at this point")


def forget_values() -> None:
    """Forget the integrals' and limits' values (a benchmark's cold start)."""
    _value_at.cache_clear()
    _integrated.cache_clear()


def surely_without_value(integral: Integral) -> bool:
    """An integral free of symbols that the quadrature shows has no value (∫_0^∞ x dx, ∫_0^1 dx/x: it
    diverges, or leaves no sure bit); False where it has one, is about 0, or this module cannot tell (an
    unknown function f(x) in it). The quadrature is the one the values at sample points then reuse."""
    found = _integrated(integral, ())
    return isinstance(found, ValueError) and not isinstance(found, Cancelled)


@lru_cache(maxsize=1024)
def _integrated(integral: Integral, at: tuple) -> Expr | Exception | None:
    """integral_value at the point (pairs symbol, value), remembered: the value, None where this module
    cannot integrate it, or the failure that says it has no value there (fresh, as _value_at keeps it)."""
    try:
        return integral_value(integral, dict(at), _SURE_BITS)
    except ValueError as exc:
        return _kept(exc)


# A quadrature's value is kept when mpmath's error estimate leaves this many bits of it: one of an
# integral that diverges at the point (∫_0^∞ s^{n-2} e^{-s} ds at n < 1, ∫_0^∞ e^{-λx} dx at λ < 0)
# comes back with none, and is no value there
_SURE_BITS = 40


def _quadrature(integral: Integral, at: tuple) -> Expr:
    """∫_0^∞ λ x e^{-λx} dx at λ = 0.7 (at: pairs symbol, value): the parameters and bounds put in, then
    a quadrature."""
    # integral_value's quadrature under its own error check; evalf only where that has no way in (an
    # unknown part, a value of exactly 0), never for a double integral
    value = _integrated(integral, at)
    if isinstance(value, Exception):
        raise type(value)(*value.args)  # (a fresh one: the remembered one keeps no traceback)
    if value is not None:
        return value
    if _double(integral):
        # a double integral this module does not work out: evalf took seconds a point, and never ended
        # where the inner one diverges
        raise ValueError("no value at this point")
    value = integral.xreplace({s: exact(v) for s, v in at if s in integral.free_symbols}).evalf(15)
    parts = value.as_real_imag() if value.is_number else ()
    if not parts or not all(p == 0 or (isinstance(p, Float) and p._prec >= _SURE_BITS) for p in parts):
        raise ValueError("no value at this point")
    return value


_SECONDS_AT_A_POINT = 0.5  # CPU seconds for SymPy's limit at one sample point


def _limit_at(limit: Limit, point: dict) -> Expr:
    """lim_{x→∞} x e^{-λx} at λ = 0.7, worked out exactly at the point: a finite number, or
    ValueError (no value there)."""
    at = limit.xreplace({s: exact(v) for s, v in point.items() if s in limit.free_symbols})
    # (a point's exact value is a fraction of many digits, and SymPy's limit of (t/λ)^k at ∞ raised them
    # to powers for seconds)
    kind, value = worked_out(at, _SECONDS_AT_A_POINT)
    if kind in (NONE, INFINITE) or (value is not None and value.has(AccumBounds, S.NaN, S.ComplexInfinity)):
        raise NoLimit("the limit is infinite or does not exist at this point")
    if kind == UNSETTLED or not (value.is_number and value.is_finite):  # (SymPy cannot tell: no verdict)
        raise ValueError("no value at this point")
    return value
