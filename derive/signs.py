"""Signs an expression surely has, for every real value of its symbols, and the logarithms they let
derive split: log Π_i f_i = Σ_i log f_i, log(ab) = log a + log b and log e^u = u hold where each factor
is positive (log((−2)(−3)) is no log(−2) + log(−3)). The verifier splits the logs of likelihoods and
densities this way before comparing; the checker proves a stated ≥ 0 or > 0 with surely_nonnegative and
surely_positive. False from any of these proves nothing.
"""

from __future__ import annotations

from sympy import Abs, Add, Derivative, Expr, Integral, Mul, Product, S, Sum, exp, log
from sympy.core.function import AppliedUndef


def logs_of_products(expr: Expr) -> Expr:
    """log Π_i f_i as Σ_i log f_i where each f_i is surely positive (a density: e^u/√(2πσ²)): the same
    value, and written out at n = 4 the product rule's terms took tens of seconds a link."""
    if not expr.has(Product):
        return expr
    return expr.replace(lambda e: isinstance(e, log) and isinstance(e.args[0], Product) and _surely_positive_term(
        e.args[0].function), lambda e: Sum(_log_split(e.args[0].function), *e.args[0].limits))


def _surely_positive_term(term: Expr) -> bool:
    return all(_surely_positive(f) for f in Mul.make_args(term))


def log_of_positive(value: Expr) -> Expr:
    """log of a product known to be positive (a density where its log is real): Σ log|f| over its real
    factors, log e^u = u; exact wherever the product is positive, whatever the signs of the factors."""
    if not isinstance(value, Mul) or not all(s.is_real for s in value.free_symbols) or value.has(S.ImaginaryUnit):
        return log(value)
    return Add(*(_log_split(f) if _surely_positive(f) else log(Abs(f)) for f in value.args))


def _log_split(term: Expr) -> Expr:
    """log of one factor of a likelihood, its product split into a sum and log e^u written u, where
    every factor is surely positive: log(e^{-(x_i - μ)²/2σ²}/√(2πσ²)) is -(x_i - μ)²/2σ² - log √(2πσ²),
    whose derivatives are short. Anything else stays log(term) (log((-2)(-3)) is no log(-2) + log(-3))."""
    if isinstance(term, Mul) and all(_surely_positive(f) for f in term.args):
        return Add(*(_log_split(f) for f in term.args))
    power = _real_exponent(term)
    return power if power is not None else log(term)


def _real_exponent(term: Expr) -> Expr | None:
    """u of e^u where u is a rational function of real symbols (real wherever it has a value), else None."""
    power = term.args[0] if isinstance(term, exp) else term.exp if term.is_Pow and term.base == S.Exp1 else None
    if power is None or power.has(S.ImaginaryUnit) or not all(s.is_real for s in power.free_symbols):
        return None
    return power if power.is_rational_function(*power.free_symbols) else None


def _surely_positive(factor: Expr) -> bool:
    """e^u (u real), a positive number, |x|^a, (σ²)^a: > 0 wherever it has a value (0^a has none)."""
    if factor.is_positive or _real_exponent(factor) is not None:
        return True
    if isinstance(factor, Mul):
        return all(_surely_positive(f) for f in factor.args)
    if factor.is_Pow:
        return bool(factor.base.is_nonnegative) and bool(factor.exp.is_real) and (
            factor.exp.is_negative or factor.base.is_positive) is not False
    return isinstance(factor, Abs)


def surely_nonnegative(expr: Expr) -> bool:
    """≥ 0 wherever it has a value, for every real value of its symbols: sums and products of squares,
    exponentials, absolute values, nonnegative numbers and sums Σ of such terms (2Σ x_i² ≥ 0).
    False proves nothing: it is for proving a stated ≥, never for refuting one."""
    if expr.has(AppliedUndef, Derivative, Integral, S.ImaginaryUnit):
        return False  # an unknown f(x)² may be complex-valued for all derive knows
    if expr.is_nonnegative or _surely_positive(expr):
        return True
    if isinstance(expr, (Add, Mul)):
        return all(surely_nonnegative(a) for a in expr.args)
    if isinstance(expr, Sum):
        return surely_nonnegative(expr.function)
    return bool(expr.is_Pow and expr.exp.is_Integer and expr.exp.is_even and expr.base.is_real)


def surely_positive(expr: Expr) -> bool:
    """> 0 wherever it has a value, for every real value of its symbols (e^x, 1 + x², σ² where σ > 0);
    not |x| nor x², which are 0 at 0."""
    if expr.has(AppliedUndef, Derivative, Integral, S.ImaginaryUnit):
        return False
    if expr.is_positive or _real_exponent(expr) is not None:
        return True
    if isinstance(expr, Add):
        return all(surely_nonnegative(a) for a in expr.args) and any(surely_positive(a) for a in expr.args)
    if isinstance(expr, Mul):
        return all(surely_positive(a) for a in expr.args)
    if expr.is_Pow and expr.exp.is_real and expr.exp.is_negative:
        return surely_nonnegative(expr.base)  # 1/x² > 0 wherever it has a value (at 0 it has none)
    return bool(expr.is_Pow and expr.exp.is_real and surely_positive(expr.base))
