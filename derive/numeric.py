"""Evidence at sample points: a = b where both sides agree at six points (fixed seeds, so a verdict is
reproducible), a ≠ b where they differ at one; the verifier's weakest certificate, and the only one for
identities no algebra here settles (derive.verify tries the exact methods first).

Values are worked out node by node in mpmath, each distinct node once, 20 digits beyond those the
comparison asks for (30, or 15 where integrals are worked out by quadrature). Where a sum's terms
cancel, they are worked out again 60 digits finer; where the two differ, or an argument is too large
for any fixed precision, SymPy's evalf, whose precision adapts to cancellation, decides with the point
put in exactly. Integrals and limits come from derive.quadrature.
"""

from __future__ import annotations

import random

import mpmath
from sympy import (Abs, Add, Basic, Derivative, Expr, Float, Function, Heaviside, Integral, Limit, Max, Min, Mul,
                   Piecewise, Pow, Product, S, Subs, Sum, sign)
from sympy.core.function import AppliedUndef

from derive.mpmath_numbers import MPMATH_TWINS, NO_VALUE, as_mpmath_number, as_sympy_number, exact
from derive.quadrature import Cancelled, NoLimit, worked_out_at

# Sample points: a fixed seed so that a certificate is reproducible from run to run.
_POINTS = 6
_EXACT_POWER = 64  # the largest power (nested powers multiplied) worked out exactly at a sample point
_MOST_UNVALUED = 8  # points at which an integral or limit has no value, none compared yet: no verdict
_MOST_CANCELLED = 3  # of them, points at which an integral cancels to about 0 (see quadrature.Cancelled)
_TOLERANCE = 1e-9
EXACT_TOLERANCE = 1e-20


def numeric_verdict(a: Expr, b: Expr, region: Expr | None = None, limits_agree: bool = False) -> bool | None:
    """a = b at sample points, to 1e-9 of the size of the terms: True when they agree at six,
    False when they differ at one, None when no point could be compared. With a region (r > δ), only
    its points count. Where a side holds a limit, the points only ever refute, unless limits_agree
    (SymPy's symbolic value of a limit checked at points, each limit worked out there).

    The difference is what is evaluated, after SymPy has cancelled what a and b share: an unknown
    f'(x²) on both sides does not stop the comparison of the rest.
    """
    difference = a - b
    if difference == 0:
        return True
    if difference.has(AppliedUndef, Subs, Derivative, Sum, Product):
        return None  # an unknown function, or a sum over symbolic bounds, has no value to sample
    terms = Add.make_args(difference)
    symbols = sorted(a.free_symbols | b.free_symbols | (region.free_symbols if region is not None else set()),
                     key=str)  # the sides are evaluated too
    all_real = all(s.is_real for s in a.free_symbols | b.free_symbols)
    # the sides themselves, where they have values: off their real domain, branches need not agree
    sides = [s for s in (a, b) if not s.has(AppliedUndef, Subs, Derivative)]
    rng = random.Random(1729)
    # Values are worked out to 30 digits: exact numbers leave rounding far below 1e-20, so a term of
    # 1e-10 is a difference, not noise; a decimal someone typed (0.1) is exact to about 15 digits only.
    tolerance = _TOLERANCE if difference.has(Float) else EXACT_TOLERANCE
    # a quadrature to 30 digits takes seconds for each integral at each point: 15 digits, and a
    # tolerance that 15 digits can hold, decide as well (a slip is no 1e-9 effect)
    digits = 15 if difference.has(Integral) else 30
    if digits == 15:
        tolerance = max(tolerance, 1e-9)
    # max, min, |x|, sign and cases change their formula at a breakpoint anywhere on the line: half the
    # points far out too (max(x, 5) = 5 holds on all of [−2, 2]), and more of them
    kinked = difference.has(Max, Min, Piecewise, Abs, sign, Heaviside)
    needed = _POINTS * (4 if kinked else 1)
    agreed = unvalued = cancelled = 0
    # e^{−a∞} is 0 or ∞ by the sign of a, and the points where it is ∞ are skipped: sides that agree at
    # the others show nothing; a point where they differ still shows a slip (tanh(a∞) = 1 at a < 0)
    # (and a limit: the points never leave a few units of 0, where lim_{x→∞} e^{(a−3)x} = 0 holds)
    refute_only = infinite_inside(difference) or (not limits_agree and any(e.has(Limit) for e in (difference, *sides)))
    # integrals and limits are worked out at each point, the sides' too (Γ(α) = ∫ … on both sides, gone
    # from the difference: evalf took seconds on it where it diverges, which the quadrature tells at once)
    worked_out = any(e.has(Integral, Limit) for e in (difference, *sides))
    for k in range(needed * (5 if region is None else 40)):
        # Real symbols get real points: |x| and sign(x) mean something else off the real line.
        point = {s: sample(rng, s, wide=kinked and k % 2 == 1) for s in symbols}
        if region is not None and region.xreplace({s: Float(v.real, 30) for s, v in point.items()}) is not S.true:
            continue
        try:
            at = worked_out_at((*terms, *sides), point) if worked_out else {}
        except NO_VALUE as exc:  # an integral with no sure value there (divergent, or 0: see quadrature.py)
            # a limit infinite there, or none: the points where the others agree prove nothing (lim_{x→∞}
            # e^{ax} = 0 agrees at every a < 0, and is ∞ at a > 0), even where limits_agree
            refute_only = refute_only or isinstance(exc, NoLimit)
            unvalued += 1
            cancelled += isinstance(exc, Cancelled)
            if agreed == 0 and (unvalued == _MOST_UNVALUED or cancelled == _MOST_CANCELLED):
                return None  # (each try costs a quadrature: ∫ of an odd function fails at every point)
            continue
        try:
            values, total, side_values = valued(terms, sides if all_real else [], point, at, digits)
        except Uncased:
            refute_only = True  # (a counterexample elsewhere still shows a slip: only "equal" is given up)
            continue
        except NO_VALUE:
            continue  # a pole or a branch point: try another point
        if not all(map(finite, values + side_values)):
            continue
        if all_real and not all(map(real, side_values + [total])):
            continue  # outside the real domain (arcsec at |x| < 1): branches need not agree there
        if not agree(total, values, tolerance):
            return False
        agreed += 1
        if agreed == needed:
            return None if refute_only else True
    return None


_BINDING = (Integral, Sum, Product, Derivative, Subs, Limit)
_INFINITIES = (S.Infinity, S.NegativeInfinity, S.ComplexInfinity)


def infinite_inside(expr: Expr) -> bool:
    """∞ in expr's arithmetic, not as a bound (∫_0^∞, Σ_{k=1}^∞, x → ∞): a·∞ has no value at a point
    where a > 0 that tells its value where a < 0, and the points where a side is infinite are skipped."""
    if expr in _INFINITIES:
        return True
    if isinstance(expr, (Integral, Sum, Product, Limit)):
        return infinite_inside(expr.args[0])
    return any(infinite_inside(arg) for arg in expr.args if isinstance(arg, Basic))


def valued(terms: tuple, sides: list, point: dict, at: dict,
           digits: int) -> tuple[list[complex], complex, list[complex]]:
    """The terms' values at the point, their sum worked out at digits (a float sum would round at
    1e-16), and the sides' values. Each distinct node is worked out once, 20 digits beyond (a softmax
    written out at four terms holds its e^{z_k} hundreds of times), where SymPy's evalf walks the tree;
    evalf itself, whose precision adapts to cancellation, where those values may have lost digits (see
    memo_values) or cannot be had: its first pass over a likelihood written out at four sizes took
    seconds."""
    def evalf(e: Expr) -> Expr:
        e = e.xreplace(at)
        if _grows_exactly(e):
            return e.evalf(digits, subs=point)  # (x^10⁶ at an exact point has millions of digits)
        # The point's exact binary values put in, then evalf of numbers, whose precision adapts to
        # cancellation as with subs=, but without subs='s pass over every node that evalf does not
        # know (|σ| inside a likelihood's derivative): milliseconds where subs= took seconds
        return e.xreplace({s: exact(v) for s, v in point.items()}).evalf(digits)

    values_at = {**point, **at}
    try:
        memo = memo_values(values_at, digits + 20, evalf)
        found = summed(terms, sides, memo)
        if not memo.lost:
            return found
        if memo.lost == _CANCELLED:
            # A sum whose terms cancel (S φ(d₁) − K e^{−rτ} φ(d₂) = 0 inside a Greek): worked out again 60
            # digits finer, where what the cancellation left has 60 more digits. Where the two tell the
            # same, those digits did not matter; where they differ, evalf decides (it took seconds for
            # each Black–Scholes link, where this takes milliseconds)
            finer = memo_values(values_at, digits + 80, evalf)
            again = summed(terms, sides, finer)
            if finer.lost != _LARGE and _steady(found, again, digits):
                return again
    except _Valueless as exc:
        raise (Uncased if str(exc) == "Piecewise" else ValueError)("no value") from exc
    except Exception:  # noqa: BLE001 - (the memo only saves time: where it fails, evalf decides)
        pass
    return summed(terms, sides, evalf)


class Uncased(ValueError):
    """No case of a side's cases holds at the point: where a sample point falls in such a gap, the gap is
    no single point (as ReLU's x = 0 is) but a stretch, where the side has no value (max(x, |x|)'s cases
    x > |x| and x < |x| leave out every x > 0); the points in it show nothing of an equality there."""


class _Valueless(Exception):
    """A node that surely has no value at the point: a function of derive's own without one at numbers
    (xᵀ of a vector read as a letter), or cases of which none holds there (α if y = 1, 1 − α if y = 0, at
    y = 0.37). evalf has none either, and took a second a point to find that out (a focal loss's links
    spent seconds each on such points)."""


def _valueless(node: Expr) -> bool:
    """node is a function of derive's own that evalf leaves as it is at numbers: it has no _eval_evalf
    of its own, and no mpmath function of its name (evalf's own lookup) stands for it."""
    cls = type(node)
    return cls.__module__.startswith("derive.") and cls._eval_evalf is Function._eval_evalf \
        and not hasattr(mpmath, cls.__name__.lower())


def _steady(found: tuple, again: tuple, digits: int) -> bool:
    """Two evaluations at different precisions (valued's) tell the same: the terms' sum, which agree
    judges, within 10⁻⁽ᵈⁱᵍⁱᵗˢ⁻⁵⁾ of the largest term (agree asks 10⁻²⁰ of 30 digits, 10⁻⁹ of 15); each term
    within 10⁻¹² of the largest (a term that is 0 is noise at either precision; the values are doubles),
    each side within 10⁻¹² of its size, or of 1."""
    (values, total, sides), (values2, total2, sides2) = found, again
    largest = max(1e-8, *map(abs, values), *map(abs, values2))
    return (abs(total - total2) <= 10.0 ** (5 - digits) * largest
            and all(abs(u - v) <= 1e-12 * largest for u, v in zip(values, values2))
            and all(abs(u - v) <= 1e-12 * max(1.0, abs(u), abs(v)) for u, v in zip(sides, sides2)))


def _grows_exactly(expr: Expr) -> bool:
    """Worked out exactly at a point, expr would have more digits than is quick: along some path from
    the root, the powers (|p| and q of each exponent p/q) multiply beyond _EXACT_POWER (x^{200001/2},
    ((x⁴⁰ + 1)⁴⁰ + 1)⁴⁰), or an exponent is a letter (its exact binary value has a denominator near 2⁵⁰)."""
    stack, seen = [(expr, 1)], set()
    while stack:
        node, growth = stack.pop()
        if (node, growth) in seen:  # (a softmax written out holds its e^{z_k} hundreds of times)
            continue
        seen.add((node, growth))
        if isinstance(node, Pow) and node.exp.is_Rational:
            growth *= max(abs(node.exp.p), node.exp.q)
            if growth > _EXACT_POWER:
                return True
        elif isinstance(node, Pow) and node.exp.free_symbols:
            return True  # (x/λ)^{k-1} at an exact binary k: a root of a huge power, seconds and gigabytes
        stack.extend((arg, growth) for arg in node.args)
    return False


def summed(terms: tuple, sides: list, value) -> tuple[list[complex], complex, list[complex]]:
    """The terms' values, their sum (worked out at the values' precision, then rounded) and the sides'
    values, by value (a memo's, or evalf)."""
    evaluated = [value(t) for t in terms]
    total = complex(Add(*evaluated))
    return [complex(v) for v in evaluated], total, [complex(value(side)) for side in sides]


def memo_values(point: dict, digits: int, evalf):
    """A function giving the value of an expression at the point, each distinct sub-expression worked
    out once, at digits: sums, products, powers and the functions with an mpmath twin in mpmath (SymPy's
    arithmetic on floats works out each node's assumptions: seconds on a likelihood written out at
    four sizes), any other node by SymPy, applied to its arguments' values. A node that binds a
    variable (∫ … dy) is left to evalf whole."""
    with mpmath.workdps(digits):
        known: dict = {s: _as_mpmath(v) for s, v in point.items()}

    def value(e):
        if e in known:
            return known[e]
        if isinstance(e, (Add, Mul)):
            parts = list(map(_as_mpmath, (value(a) for a in e.args)))
            out = (mpmath.fsum if isinstance(e, Add) else mpmath.fprod)(parts)
            if isinstance(e, Add) and max(map(abs, parts)) > abs(out) * _MOST_LOST and not at_point.lost:
                at_point.lost = _CANCELLED  # (terms that cancel to far below their size: few digits left)
        elif isinstance(e, Pow):
            exponent = e.exp.p if e.exp.is_Integer else _as_mpmath(value(e.exp))
            out = mpmath.power(_as_mpmath(value(e.base)), _large(exponent))
        elif type(e) in MPMATH_TWINS and len(e.args) == 1:
            out = MPMATH_TWINS[type(e)](_large(_as_mpmath(value(e.args[0]))))
        elif not isinstance(e, Basic) or (not e.args and not isinstance(e, Expr)):
            out = e  # (True, a tuple's parts)
        elif isinstance(e, _BINDING):
            out = _as_mpmath(evalf(e))
        elif not e.args:
            out = as_mpmath_number(e)  # 1/3, π, e, and any other constant
        elif isinstance(e, Piecewise):
            out = case_that_holds(e)
        else:  # SymPy's own node (max, a case split, erfc) on its arguments' values
            out = e.func(*(as_sympy_number(_large(v), digits) if isinstance(v, _MPMATH_NUMBER) else v
                           for v in map(value, e.args)))
            if isinstance(out, Expr):
                if out.free_symbols:
                    raise ValueError("no value")  # (a node that does not take numbers for its arguments)
                if _valueless(out):
                    raise _Valueless(type(out).__name__)
                out = as_mpmath_number(out)
        if isinstance(out, _MPMATH_NUMBER) and not mpmath.isfinite(out):
            # (log 0 is −∞ in mpmath, and e^{−∞} a finite 0 after it: SymPy has no value there, and
            # the point goes to evalf, which skips it)
            raise ValueError("no value")
        known[e] = out
        return out

    def case_that_holds(e: Piecewise):
        """The value of the case whose condition holds: only that case is worked out (the others may
        have none there, α if y = 1 inside the case z ≤ 0 that does not hold)."""
        for branch, condition in e.args:
            holds = value(condition)
            if holds is S.true:
                return value(branch)
            if holds is not S.false:
                raise ValueError("no value")  # (a condition the numbers do not settle: evalf's)
        raise _Valueless("Piecewise")  # no case holds at the point

    def _large(v):
        """v, noted where it is too large for a function of it to keep its digits (sin(x + 10⁶⁰): x is
        lost at every precision the memo tries; an exponent beyond 10¹⁵ multiplies the error likewise)."""
        if isinstance(v, _MPMATH_NUMBER) and abs(v) > _LARGEST:
            at_point.lost = _LARGE  # (an argument may outgrow any finer precision: evalf decides)
        return v

    def at_point(e: Expr) -> Expr:
        with mpmath.workdps(digits):
            return as_sympy_number(_as_mpmath(value(e)), digits)

    at_point.lost = ""  # why some value may have lost digits (_CANCELLED, _LARGE), or ""
    return at_point


_MPMATH_NUMBER = (mpmath.mpf, mpmath.mpc)
_CANCELLED, _LARGE = "terms cancelled", "an argument too large"
# Of the 20 digits the memo works beyond those asked, the most a cancelling sum, or the size of an
# argument, may take before the memo's values are not trusted alone (a finer look, or evalf): 15,
# leaving 5 in hand
_MOST_LOST = mpmath.mpf(10) ** 15
_LARGEST = mpmath.mpf(10) ** 15


def _as_mpmath(v):
    """A value as an mpmath number at the working precision: a float, a complex, or a SymPy number."""
    if isinstance(v, _MPMATH_NUMBER):
        return v
    if isinstance(v, (int, float, complex)):
        return mpmath.mpmathify(v)
    if isinstance(v, Expr) and v.is_number:
        return as_mpmath_number(v)
    raise ValueError("no value")  # (a truth value where a number belongs)


def agree(total: complex, values: list[complex], tolerance: float) -> bool:
    """The terms' sum is 0 to the tolerance, relative to the largest term. Exact inputs are compared
    down to terms of 1e-8 (log x/10²⁵ is no 0); with decimals, whose digits end at about 1e-16 of the
    intermediate values, to terms of 1."""
    floor = 1e-8 if tolerance <= EXACT_TOLERANCE else 1.0
    return abs(total) <= tolerance * max(floor, *map(abs, values))


def sample(rng: random.Random, symbol: Expr, wide: bool = False) -> complex:
    """A point for symbol: a positive one (σ > 0) is never sampled at -1, where its sides need not
    agree; a count (a positive integer) is a count from 1 to 8; half the real points lie in (0, 1),
    where a probability p and 1 - p are both positive (log p^x (1-p)^{1-x} has real values only there)."""
    top = rng.choice((10, 100)) if wide else 2
    if symbol.is_integer and symbol.is_positive:  # (a count, n = 1, 2, …: sin(nπ) = 0 only there)
        return rng.randint(1, 8)
    if symbol.is_positive or symbol.is_nonnegative:
        return rng.uniform(0.05, top)
    if symbol.is_negative:
        return -rng.uniform(0.05, top)
    if wide:
        return rng.uniform(-top, top)
    re = rng.uniform(0, 1) if rng.random() < 0.5 else rng.uniform(-2, 2)
    return re if symbol.is_real else complex(re, rng.uniform(-1, 1))


def real(z: complex) -> bool:
    return abs(z.imag) <= _TOLERANCE * max(1.0, abs(z.real))


def finite(z: complex) -> bool:
    return z == z and abs(z) != float("inf")


def takes_the_value(expr: Expr, value: Expr, tries: int = 12) -> bool:
    """expr equals value for some real values of its symbols, as far as sample points show: it does at
    one of them, or expr − value has both signs among them (a continuous function crosses between).
    False where the samples show one sign only, or where expr has no value to sample (an unknown f). A
    pole between two points shows both signs too: then a refusal too many, never a verdict."""
    difference = expr - value
    if difference.has(AppliedUndef, Derivative, Integral, Limit, Sum, Product) or not difference.free_symbols:
        return False
    rng = random.Random(3142)
    symbols = sorted(difference.free_symbols, key=str)
    # first along the diagonal, every symbol one value from −6 to 6 (a product of ten σ(a_t) reaches
    # σ(3)^{10} only where all ten are near 3, which random points miss), then at random points
    diagonal = [{s: abs(t) + 0.05 if s.is_positive or s.is_nonnegative else t for s in symbols}
                for t in (k / 2 for k in range(-12, 13))]
    signs = set()
    for k, point in enumerate(diagonal + [None] * tries):
        point = point or {s: sample(rng, s, wide=k % 2 == 1) for s in symbols}
        try:
            _, _, (v,) = valued((), [difference], point, {}, 30)
        except NO_VALUE:
            continue
        if not finite(v) or not real(v):
            continue
        if abs(v.real) <= 1e-12:
            return True
        signs.add(v.real > 0)
    return len(signs) == 2
