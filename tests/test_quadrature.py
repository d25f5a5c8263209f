"""derive.quadrature: an integral's value at a sample point from an integrand made of mpmath calls,
kept only where the quadrature is sure of it, and the verdicts verify draws from it."""

import math

import mpmath
import pytest
from sympy import Heaviside, Integral, Max, Piecewise, Rational, S, Symbol, besselj, erfc, exp, factorial, oo, pi, sqrt
from sympy import log as sympy_log

from derive.quadrature import integral_value
from derive.verify import compare

x = Symbol("x", real=True)
lam, n, a = Symbol("lambda", real=True), Symbol("n", real=True), Symbol("a", real=True)


@pytest.mark.parametrize("integral, point, expected", [
    (Integral(lam * x**2 * exp(-lam * x), (x, 0, oo)), {lam: 0.75}, 2 / 0.75**2),
    (Integral(exp(-a * x**2), (x, -oo, oo)), {a: 1.5}, float(sqrt(pi / 1.5))),
    # the gamma density at a non-integer n: λ^n and (n − 1)! at float parameters
    (Integral(lam**n * x**(n - 1) * exp(-lam * x) / factorial(n - 1), (x, 0, oo)), {lam: 1.25, n: 2.5}, 1.0),
    (Integral(x * (1 - x), (x, 0, a)), {a: 0.5}, 0.5**2 / 2 - 0.5**3 / 3),
])
def test_values_agree_with_the_closed_form(integral, point, expected):
    value = integral_value(integral, point, 40)
    assert value is not None and abs(float(value) - expected) < 1e-12 * max(1, abs(expected))


@pytest.mark.parametrize("integral, point", [
    (Integral(exp(-lam * x), (x, 0, oo)), {lam: -0.75}),  # e^{0.75x} on [0, ∞)
    (Integral(x ** (n - 2) * exp(-x), (x, 0, oo)), {n: 0.7}),  # x^{-1.3} at 0
])
def test_a_divergent_integral_has_no_value_at_the_point(integral, point):
    with pytest.raises(ValueError):
        integral_value(integral, point, 40)


def test_a_node_without_an_mpmath_twin_is_worked_out_by_sympy_under_the_same_check():
    value = integral_value(Integral(besselj(0, x), (x, 0, 1)), {}, 40)
    assert abs(float(value) - float(Integral(besselj(0, x), (x, 0, 1)).evalf(20))) < 1e-13
    # a narrow peak SymPy's evalf misses entirely, while claiming 53 bits of its value: no value here
    peak = Integral(exp(-10000 * (x - a) ** 2) * erfc(x), (x, -10, 10))
    with pytest.raises(ValueError):
        integral_value(peak, {a: 0.7}, 40)
    assert compare(peak, S.Zero)[0] is not True


@pytest.mark.parametrize("integrand, point, expected", [
    (Piecewise((x, x < 1), (1, True)) * exp(-x), {}, 1 - exp(-1)),
    (Max(x, a) * exp(-x), {a: 1.0}, 1 + exp(-1)),
    (Heaviside(x - a) * exp(-x), {a: 0.5}, exp(-0.5)),
])
def test_the_interval_is_split_where_the_formula_changes(integrand, point, expected):
    # a kink inside one piece leaves the quadrature no sure bits; split there, each piece is smooth
    value = integral_value(Integral(integrand, (x, 0, oo)), point, 40)
    assert value is not None and abs(float(value) - float(expected)) < 1e-13


def test_a_parameter_missing_from_the_point_is_left_to_evalf():
    assert integral_value(Integral(exp(-lam * x), (x, 0, oo)), {}, 40) is None


def test_moments_by_quadrature_decide_both_ways():
    # λ is real: at negative samples the integral diverges and the point is skipped, never judged
    second = Integral(lam * x**2 * exp(-lam * x), (x, 0, oo))
    assert compare(second, 2 / lam**2)[0] is True
    assert compare(second, 2 / lam)[0] is False
    assert compare(second, 2 / lam**2 + Rational(1, 10**8))[0] is False


def test_the_working_precision_is_left_as_it_was():
    before = mpmath.mp.prec
    integral_value(Integral(exp(-x**2), (x, -oo, oo)), {}, 40)
    assert mpmath.mp.prec == before



def test_each_integral_is_worked_out_once_at_a_point(monkeypatch):
    import derive.quadrature as quadrature
    quadrature.forget_values()
    calls = []
    real = quadrature.integral_value
    monkeypatch.setattr(quadrature, "integral_value", lambda *args: calls.append(args) or real(*args))
    moment = Integral(lam * x**2 * exp(-lam * x), (x, 0, oo))
    first = quadrature.worked_out_at((moment, 2 * moment), {lam: 0.75})
    again = quadrature.worked_out_at((moment + 1,), {lam: 0.75, a: 2.0})  # (a is no parameter of it)
    assert first == again and abs(float(first[moment]) - 2 / 0.75**2) < 1e-12 and len(calls) == 1
    quadrature.worked_out_at((moment,), {lam: 0.5})  # another point: another quadrature
    assert len(calls) == 2


def test_a_point_where_an_integral_has_no_value_is_refused_every_time():
    import derive.quadrature as quadrature
    quadrature.forget_values()
    divergent = Integral(exp(-lam * x), (x, 0, oo))
    for _ in range(2):  # (the second time from the memo: still no value, never a remembered number)
        with pytest.raises(ValueError):
            quadrature.worked_out_at((divergent + 1,), {lam: -0.75})


def test_an_integral_that_cancels_to_zero_is_told_apart_from_one_that_diverges():
    import derive.quadrature as quadrature
    quadrature.forget_values()
    odd = Integral((x - a) * exp(-(x - a) ** 2), (x, -oo, oo))  # 0 for every a: no sure digit anywhere
    for _ in range(2):  # (and again from the memo)
        with pytest.raises(quadrature.Cancelled):
            quadrature.worked_out_at((odd + 1,), {a: 0.75})
    divergent = Integral(exp(-lam * x), (x, 0, oo))
    with pytest.raises(ValueError) as raised:
        quadrature.worked_out_at((divergent,), {lam: -0.75})
    assert not isinstance(raised.value, quadrature.Cancelled)
    # an integrand of one sign cancels nothing, however its largest value (at a singular end) dwarfs the rest
    with pytest.raises(ValueError) as raised:
        quadrature.worked_out_at((Integral(a * x ** Rational(-9, 10), (x, 0, 1)),), {a: 0.75})
    assert not isinstance(raised.value, quadrature.Cancelled)



GAMMA = Integral(x ** (n - 1) * exp(-x), (x, 0, oo))  # Γ(n), written as its integral


def test_an_integral_inside_the_integrand_free_of_its_variable_is_one_number(monkeypatch):
    """E[X] of a Gamma(n, λ) density whose Γ(n) is written as an integral: the inner integral is worked
    out once by the same quadrature (never by SymPy's evalf, which took 15 s a point), and a point where
    it diverges has no value."""
    import derive.quadrature as quadrature
    mean = Integral(x * lam**n * x ** (n - 1) * exp(-lam * x) / GAMMA, (x, 0, oo))
    monkeypatch.setattr(Integral, "_eval_evalf", _no_evalf)
    value = integral_value(mean, {lam: 1.5, n: 2.5}, 40)
    assert value is not None and abs(float(value) - 2.5 / 1.5) < 1e-12
    with pytest.raises(ValueError):  # Γ(−0.3) as an integral diverges at 0
        integral_value(mean, {lam: 1.5, n: -0.3}, 40)
    # a true double integral (the inner one in x) is still left to evalf
    double = Integral(Integral(x * a, (a, 0, x)), (x, 0, 1))
    assert integral_value(double, {}, 40) is None
    quadrature.forget_values()


def _no_evalf(self, prec):
    raise AssertionError("SymPy's evalf of an integral")


def test_an_integral_on_both_sides_is_worked_out_by_quadrature_though_the_difference_lost_it(monkeypatch):
    """log Γ(n) on both sides of a log-density slip: gone from the difference, still in the sides the
    numbers check for a real value; the quadrature says where it diverges (n < 0 at some sample points),
    where SymPy's evalf spent seconds failing."""
    from derive.numeric import numeric_verdict
    monkeypatch.setattr(Integral, "_eval_evalf", _no_evalf)
    b_ = Symbol("beta", positive=True)
    left = n * sympy_log(b_) + b_ * x - sympy_log(GAMMA)
    right = n * sympy_log(b_) - b_ * x - sympy_log(GAMMA)
    assert numeric_verdict(left, right) is False
    assert numeric_verdict(left, sympy_log(b_ ** n) + b_ * x - sympy_log(GAMMA)) is True


# --- the quadrature in floats, tried first ----------------------------------------------------------

sigma, mu = Symbol("sigma", positive=True), Symbol("mu", real=True)
alpha, low = Symbol("alpha", positive=True), Symbol("x_m", positive=True)


def _without_the_working_precision(monkeypatch):
    """The working precision's quadrature made to fail the test: a value found came from floats."""
    import derive.quadrature as quadrature

    def refused(*args, **kwargs):
        raise AssertionError("the working precision's quadrature was asked")
    monkeypatch.setattr(quadrature.mpmath, "quad", refused)


@pytest.mark.parametrize("integral, point, expected", [
    # a Gaussian's second moment about a point: floats overflow nowhere but underflow into 0/0 in the
    # log of a ratio of densities far out, where those nodes are worked out at the working precision
    (Integral((x - 1) ** 2 * exp(-(x - mu) ** 2 / (2 * sigma**2)) / (sigma * sqrt(2 * pi)), (x, -oo, oo)),
     {mu: 0.3, sigma: 1.2}, 1.2**2 + 0.7**2),
    (Integral(exp(-(x - mu) ** 2 / 2) * sympy_log(exp(-(x - mu) ** 2 / 2) / exp(-x**2 / 8)) / sqrt(2 * pi), (x, -oo, oo)),
     {mu: 0.5}, -0.5 + (1 + 0.25) / 8),
    (Integral(lam * x * exp(-lam * x), (x, 0, oo)), {lam: 0.75}, 1 / 0.75),
])
def test_common_integrals_are_worked_out_in_floats(integral, point, expected, monkeypatch):
    import derive.quadrature as quadrature
    _without_the_working_precision(monkeypatch)
    value = quadrature.integral_value(integral, point, 40)
    assert value is not None and abs(float(value) - expected) < 1e-13 * max(1, abs(expected))


@pytest.mark.parametrize("integrand, point, expected", [
    (alpha * x ** (-alpha - 1), {alpha: 0.6579924716291091}, 1.0),  # ∫_1^∞: the Pareto law's total
    (alpha * x ** (-alpha - 1), {alpha: 0.6587965916018858}, 1.0),
    (alpha * low**alpha * x ** (-alpha), {alpha: 1.6654173805186343, low: 0.17591211231187948},
     1.6654173805186343 * 0.17591211231187948 / 0.6654173805186343),  # ∫_{x_m}^∞: its mean
    (alpha * low**alpha * x ** (-alpha), {alpha: 1.6546741721655676, low: 0.2381485734567403},
     1.6546741721655676 * 0.2381485734567403 / 0.6546741721655676),
    (alpha * low**alpha * x ** (-alpha - 1) * sympy_log(x / low), {alpha: 0.9, low: 1.0}, 1 / 0.9),
])
def test_a_slow_tail_beyond_the_floats_last_node_is_left_to_the_working_precision(integrand, point, expected):
    # in floats the nodes stop at 10¹⁶, and each degree leaves out the same tail (∫ beyond of x^{−1.66}
    # is 10⁻¹¹): at these points two degrees agreed to 14 digits on values wrong in the eleventh
    start = low if low in point else 1
    try:
        value = integral_value(Integral(integrand, (x, start, oo)), point, 40)
    except ValueError:
        return  # (no value at this point: allowed, never a wrong one)
    assert value is not None and abs(float(value) - expected) < 1e-12 * expected


@pytest.mark.parametrize("integral, point, expected", [
    (Integral(x ** (a - 1), (x, 0, 1)), {a: 0.1}, 10.0),  # x^{−0.9} at 0: the nodes stop 10⁻¹⁶ from it
    (Integral(exp(-10000 * (x - a) ** 2), (x, -10, 10)), {a: 0.7}, float(sqrt(pi / 10000))),  # a narrow peak
    (Integral(a * x ** (-a - 1), (x, 1, oo)), {a: 0.7}, 1.0),
])
def test_floats_never_give_a_wrong_value(integral, point, expected):
    try:
        value = integral_value(integral, point, 40)
    except ValueError:
        return
    assert value is not None and abs(float(value) - expected) < 1e-12 * abs(expected)


@pytest.mark.parametrize("a_value", [1.5392803861192585, 1.740934646562706, 0.9567, 1.2688])
def test_a_narrow_peak_the_floats_nodes_miss_is_no_value(a_value):
    # e^{−x} plus a peak 0.01 wide: at the 4th and 5th degrees the nodes on [0, ∞) lie 0.1 to 0.3 apart,
    # both missed the peak, and agreed on 1.0000000000000009 where the integral is 2
    peak = Integral(exp(-x) + 100 * sqrt(2) / sqrt(pi) * exp(-20000 * (x - alpha) ** 2), (x, 0, oo))
    try:
        value = integral_value(peak, {alpha: a_value}, 40)
    except ValueError:
        return
    assert value is not None and abs(float(value) - (1.5 + 0.5 * math.erf(100 * math.sqrt(2) * a_value))) < 1e-12


def test_a_narrow_peak_is_no_false_alarm_in_a_document():
    from derive.checker import INVALID, check
    text = ("$$\n\\int_0^\\infty \\left( e^{-x} + \\frac{100\\sqrt{2}}{\\sqrt{\\pi}} e^{-20000 (x-a)^2} \\right) \\mathrm{d}x"
            " = \\frac{3}{2} + \\frac{1}{2}\\operatorname{erf}\\left(100\\sqrt{2}\\, a\\right)\n$$\n")
    assert [k.verdict for k in check(text).links] != [INVALID]


def test_an_integral_over_the_line_that_exists_only_as_a_principal_value_has_no_value():
    # mpmath folds ℝ onto [0, ∞) as f(−x) + f(x), where x/(1 + x²)'s halves cancel: a Cauchy law's mean
    # came out m, and "= m" was proved; each half diverges
    from derive.checker import VALID, check
    cauchy = Integral(x / (pi * (1 + (x - mu) ** 2)), (x, -oo, oo))
    with pytest.raises(ValueError):
        integral_value(cauchy, {mu: 0.5}, 40)
    with pytest.raises(ValueError):
        integral_value(Integral(x / (1 + x**2) + exp(-x**2), (x, -oo, oo)), {}, 40)
    with pytest.raises(ValueError):  # (the bounds reversed, as after u = −x: mpmath folded them too)
        integral_value(Integral(x / (pi * (1 + (x - mu) ** 2)), (x, oo, -oo)), {mu: 2.0}, 40)
    text = "$$\\int_{-\\infty}^{\\infty} \\frac{x}{\\pi(1+(x-m)^2)} \\, dx = m$$\n"
    assert [k.verdict for k in check(text).links] != [VALID]
    # an integral that exists is worked out as before, each half by itself
    value = integral_value(Integral(x * exp(-(x - mu) ** 2 / 2) / sqrt(2 * pi), (x, -oo, oo)), {mu: 0.5}, 40)
    assert abs(float(value) - 0.5) < 1e-13


def test_a_value_below_the_floats_range_is_no_crash():
    mixture = Integral(x * (exp(-x**2 / 2) / sqrt(2 * pi) / 2 + exp(-(x - 100) ** 2 / (2 * sigma**2)) / (sigma * sqrt(2 * pi)) / 2),
                       (x, -oo, oo))
    try:
        value = integral_value(mixture, {sigma: 0.5}, 40)
    except ValueError:
        return  # (no value there: the peak at 100 is out of the nodes' reach)
    assert value is None or abs(float(value) - 50) < 1e-9
