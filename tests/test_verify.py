"""The verifier: true steps get a certificate, wrong ones are caught."""

import pytest
from sympy import (E, I, Abs, Add, Derivative, Float, Function, Heaviside, IndexedBase, Integral, LambertW, Max, Mul,
                   Piecewise, Pow, Product, Rational, S, Subs, Sum, Symbol, atan, cos, cosh, cot, csc, erf, exp, factorial, gamma, log, oo, pi, sec, sign, sin,
                   sinh, sqrt, tan, tanh, zoo)

from derive.exprs import add, div, mul, neg, remake
from derive.functions import sigmoid
from derive.parse.latex import parse_latex
from derive.fraction_reader import FractionReader, equal_as_fractions
from derive.rational import NotRational, linear_sum, rationally_equal
from derive.verify import _numerically_equal, compare, equivalent

x_real = Symbol("x", real=True)


def test_remaking_a_node_keeps_it_unevaluated_without_emptying_sympys_cache(x, monkeypatch):
    """Tuples, terms, inequalities and max are remade as written (1 < 2 stays an inequality, not True),
    each without the global evaluate switch, which empties SymPy's cache each time it is set: a check's
    points and tuples did that twenty times a document."""
    import sympy.core.parameters as parameters
    from sympy import Indexed, Lt, Tuple

    emptied = []
    monkeypatch.setattr(parameters, "clear_cache", lambda: emptied.append(1))
    w = IndexedBase("w")
    assert remake(Tuple(x, x), [S(1), S(2)]) == Tuple(1, 2)
    assert remake(Indexed(w, x), [w, S(2)]) == w[2]
    less = remake(Lt(x, 3), [S(1), S(2)])
    assert less != S.true and less.args == (1, 2)
    assert remake(Max(x, 0), [S(1), S(2)]).args == (1, 2)
    assert emptied == []


def test_identical_is_the_cheapest_certificate(x):
    assert equivalent(exp(x), exp(x)) == "identical"


def test_quotient_rule_line_is_certified(x):
    start = parse_latex(r"\frac{d}{dx}\left(\frac{e^{x}}{e^x + 1}\right)")
    line1 = parse_latex(r"\frac{{e^{x}}^{\prime}(e^x+1) - (e^x+1)^{\prime} e^x}{(e^x+1)^2}")
    assert equivalent(start, line1) == "rational"


def test_the_documents_wrong_line_2_is_caught(seed_text):
    """The origin document prints e^x(e^x-1) where e^x(e^x+1) is meant: line (2) is not line (1)."""
    line1 = parse_latex(r"\frac{{e^{x}}^{\prime}(e^x+1) – (e^x+1)^{\prime} e^x}{(e^x+1)^2}")
    wrong = parse_latex(r"\frac{e^x(e^x-1) – e^x e^x}{(e^x+1)^2}")
    right = parse_latex(r"\frac{e^x(e^x+1) – e^x e^x}{(e^x+1)^2}")
    assert r"e^x(e^x-1) – e^x e^x" in seed_text  # the test reads the slip the document really has
    assert equivalent(line1, wrong) is None
    assert equivalent(line1, right) is not None
    line3 = parse_latex(r"\frac{e^x(e^x+1)}{(e^x +1)(e^x +1)} – \frac{e^x e^x}{(e^x +1)(e^x +1)}")
    assert equivalent(wrong, line3) is None


@pytest.mark.parametrize("wrong", [
    r"\sigma(x)(1 + \sigma(x))",          # a sign
    r"2\sigma(x)(1 - \sigma(x))",         # a factor
    r"\sigma(x)^2(1 - \sigma(x))",        # a power
    r"\sigma(x) - \sigma(x)^3",
])
def test_planted_errors_at_the_end_are_caught(wrong):
    assert equivalent(parse_latex(r"\sigma(x) - \sigma(x)^2"), parse_latex(wrong)) is None


def test_lost_chain_rule_factor_is_caught(x):
    start = Derivative(exp(neg(x)), x)
    assert equivalent(start, exp(neg(x))) is None  # forgot the −1 from (−x)'
    assert equivalent(start, neg(exp(neg(x)))) is not None


def test_true_identities_that_simplify_misses_are_certified(x):
    """σ'(x) = 1/(4 cosh²(x/2)): true, and plain simplify does not see it."""
    assert equivalent(mul(sigmoid(x), add(S.One, neg(sigmoid(x)))), div(S.One, 4 * cosh(x / 2) ** 2)) \
        in ("rewrite(exp)", "numeric")
    assert equivalent(sin(x) ** 2 + cos(x) ** 2, S.One) is not None


def test_a_difference_that_is_zero_only_at_some_points_is_not_equal(x):
    # sin(x) and x agree at 0 and nearly agree near it; the sample points are spread enough
    assert equivalent(sin(x), x) is None
    assert equivalent(x**2, x) is None


def test_parameters_are_sampled_too(x):
    a = Symbol("a", real=True)
    assert equivalent(a * exp(x), exp(x)) is None


@pytest.mark.parametrize("a, b, method", [
    (lambda x: Derivative(log(x), x), lambda x: 1 / x, "fractions"),  # (log x a generator, (log x)' = 1/x)
    (lambda x: Derivative(atan(x), x), lambda x: 1 / (1 + x**2), "evaluate"),
    (lambda x: (log(x) ** 2 - 1) / (log(x) - 1), lambda x: log(x) + 1, "cancel"),
    (lambda x: gamma(x + 1), lambda x: x * gamma(x), "simplify"),
    # (sines of x/2, which the exact reader has no generators for: as fractions in e^{ix/2}, before simplify)
    (lambda x: sin(x / 2) ** 2 + cos(x / 2) ** 2, lambda x: S.One, "rewrite(exp)"),
    (lambda x: mul(sigmoid(x), add(S.One, neg(sigmoid(x)))), lambda x: 1 / (4 * cosh(x / 2) ** 2),
     "rewrite(exp)"),
    (lambda x: Derivative(sigmoid(x), x), lambda x: mul(sigmoid(x), add(S.One, neg(sigmoid(x)))), "rational"),
])
def test_each_method_is_reached_in_order(a, b, method, x):
    assert equivalent(a(x), b(x)) == method


@pytest.mark.parametrize("a, b, equal", [
    (lambda x: tan(x) ** 2 + 1, lambda x: sec(x) ** 2, True),
    (lambda x: Derivative(tan(x) ** 3, x), lambda x: 3 * tan(x) ** 2 * sec(x) ** 2, True),
    (lambda x: sin(2 * x), lambda x: 2 * sin(x) * cos(x), True),
    (lambda x: cos(3 * x), lambda x: 4 * cos(x) ** 3 - 3 * cos(x), True),
    (lambda x: Derivative(cot(x), x), lambda x: -csc(x) ** 2, True),
    (lambda x: sin(x) ** 4, lambda x: (1 - cos(x) ** 2) ** 2, True),
    (lambda x: tanh(log(exp(x) + 1)), lambda x: ((exp(x) + 1) ** 2 - 1) / ((exp(x) + 1) ** 2 + 1), True),
    # a slip is shown as exactly: the difference is no zero of the ring
    (lambda x: sin(2 * x), lambda x: 2 * sin(x) * cos(x) + 1, False),
    (lambda x: Derivative(tan(x), x), lambda x: sec(x), False),
    (lambda x: cos(2 * x), lambda x: cos(x) ** 2 + sin(x) ** 2, False),
])
def test_circular_functions_are_decided_exactly(a, b, equal, x):
    # sin and cos of integer multiples of the symbols, modulo sin² + cos² = 1: exact either way
    assert compare(a(x), b(x)) == (equal, "rational")


def test_a_denominator_that_is_zero_modulo_the_circle_is_no_value(x):
    with pytest.raises(NotRational):
        rationally_equal(1 / (sin(x) ** 2 + cos(x) ** 2 - 1), S.Zero)


def test_rational_field_decides_both_ways(x):
    y = Symbol("y", real=True)
    assert rationally_equal(Derivative(exp(2 * x) * y, x), 2 * y * exp(x) * exp(x))
    with pytest.raises(NotRational):  # e^{xy} is not a product of powers of e^x and e^y
        rationally_equal(Derivative(exp(x * y), x), y * exp(x * y))
    assert rationally_equal(div(exp(x), add(exp(x), S.One)), sigmoid(x))
    assert not rationally_equal(exp(x), exp(neg(x)))
    for outside in (sin(x / 2), exp(x / 2), log(x), exp(x * x), S(0.5) * x):
        with pytest.raises(NotRational):
            rationally_equal(outside, x)


def test_rational_does_not_divide_by_zero(x):
    with pytest.raises(NotRational):
        rationally_equal(div(x, add(x, neg(x))), x)


def test_linear_sum_collects_exponents(x):
    from derive.render.printer import latex

    assert linear_sum([x, neg(x)]) == 0
    assert latex(linear_sum([x, x])) == "2 x"
    with pytest.raises(NotRational):
        linear_sum([x, sin(x)])


def test_numeric_agreement_needs_every_point(x):
    assert _numerically_equal(sin(x) ** 2 + cos(x) ** 2, S.One)
    assert not _numerically_equal(sin(x), x + x**3 / 1000)


def test_a_tiny_term_is_a_difference_not_noise():
    """Values are worked out to 30 digits: a term of 1e-10 (or 1e-12) is caught, not rounded away."""
    from sympy import Integer, Rational, Symbol, cos, sin

    x = Symbol("x", real=True)
    assert equivalent(sin(x), sin(x) + Rational(1, 10**10) * cos(x)) is None
    assert equivalent(cos(x), cos(x) + Integer(10) ** -12 * x) is None


def test_sums_with_a_symbolic_bound_are_checked_by_instances():
    from derive.parse import parse
    from derive.verify import compare

    def judged(a, b):
        return compare(parse(a, reader="latex"), parse(b, reader="latex"))

    verdict, method = judged(r"\sum_{i=1}^{n} (x_i - \mu)", r"\sum_{i=1}^{n} x_i - \mu")
    assert verdict is False and method == "instances (fails at n = 2)"
    verdict, _ = judged(r"\sum_{i=1}^{n} (x_i - \mu)^2", r"\sum_{i=1}^{n} x_i^2 - 2\mu\sum_{i=1}^{n} x_i + n\mu^2")
    assert verdict is True


def test_terms_over_one_denominator_keep_it():
    # Σ_i e^{z_i}/Z: multiplying the denominators would raise Z to the number of terms, and a softmax
    # written out at four terms made the reading of one link take seconds
    from derive.rational import Reader

    z = [Symbol(f"z{i}", real=True) for i in range(4)]
    Z = add(*(exp(zi) for zi in z))
    reader = Reader(set(z))
    n, d = reader.read(add(*(div(exp(zi), Z) for zi in z)))
    assert d.degree(reader.t[0]) == 1
    assert rationally_equal(add(*(div(exp(zi), Z) for zi in z)), S.One)


def test_a_denominator_that_divides_another_is_raised_to_it_and_keeps_its_zeros():
    # e^{z_1}/Z + z_2/Z³ − e^{2z_1}/Z² over Z³, not Z⁶ (a softmax's instances at n = 4 spent their time
    # multiplying such denominators out); and a D that is 0 everywhere, beside D², still divides by 0
    from derive.rational import Reader

    z = [Symbol(f"z{i}", real=True) for i in range(4)]
    Z = add(*(exp(zi) for zi in z))
    reader = Reader(set(z))
    n, d = reader.read(Add(div(exp(z[0]), Z), div(z[1], Pow(Z, 3, evaluate=False)),
                           -div(exp(2 * z[0]), Pow(Z, 2, evaluate=False)), evaluate=False))
    assert d.degree(reader.t[1]) == 3
    assert rationally_equal(div(exp(z[0]), Z) - div(exp(2 * z[0]), Z**2), div(exp(z[0]) * (Z - exp(z[0])), Z**2))
    assert not rationally_equal(div(exp(z[0]), Z) - div(exp(2 * z[0]), Z**2), div(exp(z[0]) * Z, Z**2))
    x = z[0]
    zero = Add(Mul(exp(x / 2) - 1, exp(x / 2) + 1, evaluate=False), -exp(x), 1, evaluate=False)
    with pytest.raises(NotRational):
        rationally_equal(add(div(S.One, zero), div(x, Pow(zero, 2, evaluate=False))), S.One)


@pytest.mark.parametrize("make", [
    lambda x, y: Piecewise((x, x > 0), (-x, True)) * erf(y),
    lambda x, y: Max(x, 1) + Abs(y) * sign(x) + Heaviside(x - 0.5),
    lambda x, y: exp(x) * sin(y) / sqrt(x**2 + 1) + atan(x / 2) + LambertW(x),
    lambda x, y: (-x) ** Rational(1, 3) + log(y) + gamma(x + 2) + pi * E,
    # the branches mpmath takes for SymPy's nodes: a root and a log of a negative number, powers below
    # zero, functions of a complex argument
    lambda x, y: x ** Rational(3, 2) + log(x - 2) + x ** -3 * y ** -2 + factorial(x + 3) / tanh(y),
    lambda x, y: tan(x) * cosh(y) - sinh(x * y) + cos(y) ** 2 + atan(y) + exp(-x * y) * I,
])
@pytest.mark.parametrize("at", [0.75, -0.75])
def test_values_worked_out_once_per_node_agree_with_evalf(make, at):
    from derive.numeric import memo_values

    x, y = Symbol("x", real=True), Symbol("y")
    expr = make(x, y)
    point = {x: at, y: complex(0.25, 0.5)}
    memo = memo_values(point, 50, lambda e: e.evalf(30, subs=point))(expr)
    # (evalf's subs= takes a complex point at a double's precision: the reference puts it in exactly)
    exact = {x: Float(at, 50), y: Float(0.25, 50) + Float(0.5, 50) * I}
    assert abs(complex((memo - expr.xreplace(exact).evalf(30)).evalf(30))) < 1e-25


def test_a_slip_in_a_long_written_out_softmax_is_still_caught():
    # the points are valued node by node: a wrong coefficient deep in a repeated sub-expression shows
    z = [Symbol(f"z{i}", real=True) for i in range(4)]
    x = Symbol("x", real=True)
    Z = add(*(exp(zi * x) for zi in z))
    s = [div(exp(zi * x), Z) for zi in z]
    done = Derivative(add(*(si * zi for si, zi in zip(s, z))), x).doit()  # the quotient rule's long form
    mean = add(*(si * zi for si, zi in zip(s, z)))
    textbook = add(*(zi * si * (zi - mean) for si, zi in zip(s, z)))  # s_i' = s_i (z_i − Σ_k s_k z_k)
    assert _numerically_equal(done, textbook)
    assert not _numerically_equal(done, textbook + div(exp(z[0] * x), Z**3) / 10**6)


def test_a_circular_function_of_an_argument_that_works_out_to_zero():
    # sin u with u = x(x + 1) − x² − x is sin 0 = 0, not 1; cot u has no value there
    u = x_real * (x_real + 1) - x_real**2 - x_real
    assert compare(sin(u), S.Zero) == (True, "rational")
    assert compare(sin(u), S.NegativeOne)[0] is False
    with pytest.raises(NotRational):
        rationally_equal(cot(u), S.One)
    with pytest.raises(NotRational):  # e^{log 0} has no value: tanh(log u) is no −1
        rationally_equal(tanh(log(u)), S.NegativeOne)


@pytest.mark.parametrize("a, b", [
    (lambda x: sin(x + 10**60), lambda x: sin(10**60)),  # 10⁶⁰ swallows x at any fixed precision
    (lambda x: exp(Abs(x + 10**60) - 10**60), lambda x: S.One),  # (it is e^x)
    (lambda x: log(x) / 10**25, lambda x: S.Zero),  # small, but no 0
    # the point put in exactly: evalf's precision still adapts, however large the constant
    (lambda x: sin(x + 10**200), lambda x: sin(10**200)),
    # a power too large to work out exactly at the point: evalf with the point as subs= instead
    (lambda x: sin(x**65 + 10**60), lambda x: sin(10**60)),
])
def test_numeric_agreement_is_confirmed_by_evalf(a, b):
    assert compare(a(x_real), b(x_real)) == (False, "numeric")


def test_node_values_that_may_have_lost_digits_leave_the_decision_to_evalf():
    """The sample points' node-by-node values (20 digits beyond those compared) decide alone only where
    no digits were lost: a sum whose terms cancel far below their size, or an argument beyond 10¹⁵
    (sin(x + 10⁶⁰) above), hands the point to evalf; an ordinary expression does not."""
    from derive.numeric import memo_values

    point = {x_real: 0.5}

    def lost(expr):
        memo = memo_values(point, 50, lambda e: e.evalf(50, subs=point))
        memo(expr)
        return memo.lost

    assert not lost(exp(x_real) * sin(x_real) + log(1 + x_real**2))
    assert not lost(exp((x_real + 1)**2 - x_real**2 - 2 * x_real))  # (2.25 − 0.25 − 1: no digits lost)
    assert lost(exp((x_real + 1)**2 - x_real**2 - 2 * x_real - 1))  # (a 0 whose terms are of size 1)
    assert lost(sin(x_real + 10**20)) and not lost(sin(x_real + 10**10))


def test_a_sum_that_cancels_is_worked_out_finer_and_evalf_asked_only_where_the_digits_matter(monkeypatch):
    """A sum whose terms cancel (S φ(d₁) − K e^{−rτ} φ(d₂) = 0 inside a Black–Scholes Greek) is worked out
    again 60 digits finer: where the two tell the same, they decide, and evalf (seconds a link there) is
    not asked. Where what the cancellation left matters (e^{x/10⁴⁵} − 1 is x/10⁴⁵ to 5 of the memo's
    50 digits, and multiplied by 10⁴⁵), the two differ, and evalf decides, rightly both ways."""
    from derive import numeric

    asked = []
    summed = numeric.summed

    def spy(terms, sides, value):
        found = summed(terms, sides, value)
        asked.append(getattr(value, "lost", "evalf"))  # (the memo's, after it has worked the terms out)
        return found
    monkeypatch.setattr(numeric, "summed", spy)

    zero = (x_real + 1)**2 - x_real**2 - 2 * x_real - 1
    assert numeric.numeric_verdict(sin(x_real) * zero + cos(x_real), cos(x_real)) is True
    assert "evalf" not in asked and "terms cancelled" in asked
    assert numeric.numeric_verdict(sin(x_real) * zero + cos(x_real), cos(x_real) + zero / 10**6 + Rational(1, 10**12)) is False

    asked.clear()
    near_x = sqrt(2) * 10**45 * (exp(x_real / 10**45) - 1)
    assert numeric.numeric_verdict(near_x, sqrt(2) * x_real) is True
    assert "evalf" in asked
    assert numeric.numeric_verdict(near_x, sqrt(2) * x_real * (1 + Rational(1, 10**12))) is False


def test_the_plain_reader_refuses_what_only_the_fraction_reader_reads(x):
    """derive.rational's Reader reads the field of x and e^x (derivatives included); a root, a log or an
    unknown function is a generator of FractionReader's only, and the plain reader decides nothing."""
    from derive.rational import Reader

    f = Function("f")
    for part in (sqrt(x), log(x), f(x)):
        with pytest.raises(NotRational):
            Reader({x}).read(part)
    assert rationally_equal(Derivative(x * exp(x), x), (x + 1) * exp(x))
    roots = FractionReader({x}, roots={x: (x, 2)})
    n, d = roots.read(Derivative(sqrt(x), x))
    assert roots.vanishes(2 * roots.times(n, roots.read(sqrt(x))[0]) - d)  # (√x)' · 2√x = 1
    assert equal_as_fractions(Derivative(f(x) * log(x), x), Derivative(f(x), x) * log(x) + f(x) / x)


def test_a_derivative_of_symbolic_order_is_refused_not_raised(x):
    """d^n/dx^n of a part the reader has no derivative for (SymPy's .variables raises on a symbolic
    order, an internal error in derive check's "did you mean"): an unknown of its own, or not read."""
    n, w = Symbol("n", integer=True, positive=True), Symbol("w", real=True)
    d = Derivative(x * sin(w * x), (x, n))
    assert equal_as_fractions(d, Derivative(sin(w * x) * x, (x, n)))
    assert not equal_as_fractions(d, 2 * d)


def test_a_generator_without_a_derivative_rule_is_refused_by_the_plain_reader(x):
    """A subclass of Reader that adds a generator and no rule for its derivative: the plain reader
    refuses to differentiate it, where taking it for a constant would prove d/dx sin x = 0."""
    from derive.rational import Reader

    class WithPart(Reader):
        def __init__(self, symbols):
            super().__init__(symbols, generators=1)
            self.g = self.R.gens[self.first]

        def read(self, expr):
            return (self.g, self.one) if expr == sin(x) else super().read(expr)

    with pytest.raises(NotRational, match="no rule for its derivative"):
        WithPart({x}).read(Derivative(sin(x), x))


def test_a_node_without_a_value_ends_the_memo_and_evalf_decides(x):
    """mpmath takes log 0 for −∞ and atan(−∞) for −π/2; SymPy has no value there: the memo refuses
    the point, and evalf, which finds none either, skips it."""
    from derive.numeric import _grows_exactly, memo_values

    with pytest.raises(ValueError):
        memo_values({x: 0.5}, 50, lambda e: e.evalf(30, subs={x: 0.5}))(atan(log(Heaviside(x - 1))))
    # powers that would have thousands of digits at an exact point are confirmed by evalf's subs=
    assert _grows_exactly(x ** Rational(200001, 2)) and _grows_exactly(((x**40 + 1) ** 40 + 1) ** 40)
    assert not _grows_exactly((x**2 + 1) ** 3 * sqrt(x))


def test_sines_of_shifted_arguments_are_compared_in_exponentials(x):
    """sec²(x + 1/2) = 1 + tan²(x + 1/2): no generator of the exact reader has x + 1/2, and simplify's
    trigsimp took minutes on derive diff's end-to-end check of tan(x + 1/2) + tan(x + 2) (found by the
    property test). In exp, with the exponents expanded, both are fractions in e^{ix} and e^{i/2}."""
    half, two = x + Rational(1, 2), x + 2
    assert compare(sec(two) ** 2 + sec(half) ** 2, tan(half) ** 2 + tan(two) ** 2 + 2) == (True, "rewrite(exp)")
    assert compare(sin(2 * x + 1), 2 * sin(half) * cos(half)) == (True, "rewrite(exp)")
    assert compare(sec(half) ** 2, tan(half) ** 2)[0] is False  # (off by 1: still caught)


def test_parts_outside_the_field_are_unknowns_of_their_own(x):
    """σ(wx + b) is no rational function of x and e^x, but as an unknown of its own it cancels like
    cancel would cancel it: the same part (however its sum is ordered) is the same value."""
    w, b, y = Symbol("w"), Symbol("b"), Symbol("y")
    s = sigmoid(add(mul(w, x), b))  # written order: wx + b
    s_other_order = sigmoid(Add(b, mul(w, x), evaluate=False))
    assert equal_as_fractions(mul(w, s, add(S.One, neg(s_other_order))), w * s - w * s**2)
    assert equal_as_fractions((s - y) ** 2 / 2, s**2 / 2 - s * y + y**2 / 2)
    assert equal_as_fractions(sqrt(x) * (sqrt(x) + 1) / sqrt(x), sqrt(x) + 1)
    # false proves nothing: the relations between unknown parts are not known (sin² + cos² = 1)
    assert not equal_as_fractions(sin(w * x) ** 2 + cos(w * x) ** 2, S.One)
    # a wrong line is never equal
    assert not equal_as_fractions(mul(w, s, add(S.One, neg(s))), w * s + w * s**2)


def test_exponentials_of_any_exponent_are_powers_of_one_generator(x):
    """e^{−y(wx)}, e^{2y(wx)}, σ(y(wx)) and tanh(y(wx)) are all rational in e^{y(wx)} (and e^{u/2} in
    e^{u/2}): what cancel finds by its own generators, here exactly, and both ways for the wrong ones."""
    w, y = Symbol("w"), Symbol("y")
    u = y * (w * x)
    assert equal_as_fractions(tanh(w * x) ** 2, 1 - 1 / cosh(w * x) ** 2)
    assert equal_as_fractions(tanh(w * x), sinh(w * x) / cosh(w * x))
    assert equal_as_fractions(sigmoid(u) * sigmoid(-u), exp(-u) / (1 + exp(-u)) ** 2)
    assert equal_as_fractions(1 / (1 + exp(-u)), exp(2 * u) / (exp(2 * u) + exp(u)))
    assert equal_as_fractions(exp(u / 2) ** 2 * exp(-u), S.One)
    assert equal_as_fractions(exp(-(x - w) ** 2 / 2) * exp((x - w) ** 2 / 2), S.One)
    assert not equal_as_fractions(tanh(w * x) ** 2, 1 + 1 / cosh(w * x) ** 2)
    assert not equal_as_fractions(sigmoid(u) * sigmoid(-u), exp(u) / (1 + exp(-u)) ** 2)


def test_a_number_times_a_sum_in_an_exponent_is_read_term_by_term(x):
    """e^{2(wx + b)} is e^{2wx}·e^{2b}, read with the generators of e^{wx + b} (a softmax over logits
    wx + b written out, which only cancel proved, at a twentieth of a second an instance); and both
    ways: a wrong sign or factor inside the sum is still a difference."""
    w, b = Symbol("w", real=True), Symbol("b", real=True)
    z = w * x + b
    assert equal_as_fractions(exp(Mul(2, z, evaluate=False)), exp(z) ** 2)
    assert equal_as_fractions(exp(Mul(-1, z, evaluate=False)) * exp(z), S.One)
    assert equal_as_fractions(exp(z) / (exp(z) + exp(Mul(2, z, evaluate=False))), 1 / (1 + exp(z)))
    assert not equal_as_fractions(exp(Mul(2, z, evaluate=False)), exp(z) ** 2 * exp(b))
    assert not equal_as_fractions(exp(Mul(-1, z, evaluate=False)) * exp(z), exp(b))


def test_unknown_parts_are_never_differentiated_or_infinite(x):
    """d/dx of an unknown part is not known to the reader (it would take it for a constant), and an
    infinite value is no unknown: zoo − zoo is no 0."""
    w = Symbol("w")
    assert not equal_as_fractions(Derivative(x * tanh(w * x), x), tanh(w * x))
    reader = FractionReader({x, w}, unknowns={tanh(w * x): tanh(w * x)})
    with pytest.raises(NotRational):
        reader.read(Derivative(x * tanh(w * x), x))  # (not tanh(wx), as if it were a constant)
    assert equal_as_fractions(Derivative(x ** 2, x) * tanh(w * x), 2 * x * tanh(w * x))
    assert not equal_as_fractions(Add(zoo, x, evaluate=False), Add(x, zoo, evaluate=False))
    assert not equal_as_fractions(Add(oo, x, evaluate=False) - x, S.Infinity)
    assert not equal_as_fractions(x / (tanh(w * x) - tanh(w * x)), S.Zero)  # (SymPy: x·zoo)


def test_powers_of_one_base_are_powers_of_one_root(x):
    """√(x² + 1), 1/√(x² + 1) and (x² + 1)^{3/2} are r, 1/r and r³ for r = (x² + 1)^{1/2}, with r² = x² + 1
    put in: the quotient rule's line on √(x² + 1)/(x − 1) cancels to its short form exactly, as cancel
    would find it; wrong lines are not equal, and r² = b says nothing of r itself (√(x²) is no x)."""
    r = sqrt(x**2 + 1)
    line = (x * (x - 1) / r - r) / (x - 1) ** 2
    assert equal_as_fractions(line, -(x + 1) / ((x - 1) ** 2 * r))
    assert equal_as_fractions(1 / sqrt(x), sqrt(x) / x)
    assert equal_as_fractions(sqrt(2) / 2, 1 / sqrt(2))
    assert equal_as_fractions((x**2 + 1) ** Rational(3, 2), (x**2 + 1) * r)
    assert equal_as_fractions(x ** Rational(1, 2) * x ** Rational(1, 3), x ** Rational(5, 6))
    assert equal_as_fractions(Pow(1 + sqrt(x), 2, evaluate=False), 1 + 2 * sqrt(x) + x)
    assert equal_as_fractions(sqrt(1 + sqrt(x)) ** 4, Pow(1 + sqrt(x), 2, evaluate=False))  # (a root in a root)
    assert not equal_as_fractions((x * (x - 1) / r + r) / (x - 1) ** 2, -(x + 1) / ((x - 1) ** 2 * r))
    assert not equal_as_fractions(r, x + 1)
    z = Symbol("z")  # (complex: √(z²) stays a root)
    assert not equal_as_fractions(sqrt(z**2), z)
    assert not equal_as_fractions(1 / (Mul(sqrt(x), sqrt(x), evaluate=False) - x), S.Zero)  # r² − x is 0
    assert compare(Derivative(r / (x - 1), x), line)[0] is True
    assert compare(Derivative(r / (x - 1), x), (x * (x - 1) / r + r) / (x - 1) ** 2)[0] is False


def test_unknown_functions_are_read_with_their_derivatives(x):
    """f(x), f'(x), f''(x) are generators with d/dx f^(k) = f^(k+1): the product and quotient rules'
    schemas are proved exactly, without working a derivative out; a wrong schema is not equal, f of x
    is a constant in y, and a derivative beyond the orders read is not guessed."""
    f, g, y = Function("f"), Function("g"), Symbol("y")
    d = lambda e, n=1: Derivative(e, (x, n))  # noqa: E731
    assert equal_as_fractions(d(f(x) * g(x)), f(x) * d(g(x)) + g(x) * d(f(x)))
    assert equal_as_fractions(d(f(x) / g(x)), (g(x) * d(f(x)) - f(x) * d(g(x))) / g(x) ** 2)
    assert equal_as_fractions(d(f(x) ** 2, 2), 2 * d(f(x)) ** 2 + 2 * f(x) * d(f(x), 2))
    assert equal_as_fractions(d(exp(x) * f(x)), exp(x) * (f(x) + d(f(x))))
    assert equal_as_fractions(Derivative(f(x) * g(y), y), f(x) * Derivative(g(y), y))
    assert not equal_as_fractions(d(f(x) * g(x)), f(x) * d(g(x)))
    assert not equal_as_fractions(d(f(x) ** 2, 2), 2 * d(f(x)) ** 2 + f(x) * d(f(x), 2))
    assert not equal_as_fractions(d(f(x) / g(x)), (g(x) * d(f(x)) + f(x) * d(g(x))) / g(x) ** 2)
    assert not equal_as_fractions(d(f(x), 9) + x, x + d(f(x), 9))  # (f⁽⁹⁾: past the generators, no guess)
    assert not equal_as_fractions(Derivative(f(x) ** 2, f(x)), S.Zero)  # (by f(x), not by a symbol: no 0)
    assert compare(d(f(x) * g(x)), f(x) * d(g(x)) + g(x) * d(f(x))) == (True, "fractions")
    assert compare(d(f(x) * g(x)), f(x) * d(g(x)))[0] is not True


def test_derivatives_are_read_through_where_each_parts_derivative_is_known(x):
    """√b, log u and e^{u/L} have derivatives in the same fractions (√b·b'/2b, u'/u, e^{u/L}·u'/L): a
    derivative link is proved before SymPy works any derivative out, and a slip is never equal. A part
    with no derivative known (sin(wx) as an unknown) is no constant in x: not read; in y it is."""
    w, y = Symbol("w"), Symbol("y")
    gauss = exp(-x**2 / 2) / sqrt(2 * pi)
    proved = [(Derivative(log(1 + exp(x)), x), exp(x) / (1 + exp(x))),
              (Derivative(sqrt(x**2 + 1), x), x / sqrt(x**2 + 1)),
              (Derivative(gauss, x), -x * gauss),
              (Derivative(x * log(x) - x, x), log(x)),
              (Derivative(log(log(x)), x), 1 / (x * log(x))),
              (Derivative(sqrt(x / (x + 1)), x), 1 / (2 * sqrt(x / (x + 1)) * (x + 1) ** 2)),  # (r² = x/(x + 1))
              (Derivative(x * sin(w * y), x), sin(w * y))]
    for a, b in proved:
        assert equal_as_fractions(a, b), (a, b)
        assert compare(a, b) == (True, "fractions")
    slips = [(Derivative(log(1 + exp(x)), x), exp(x) / (1 - exp(x))),
             (Derivative(gauss, x), x * gauss),
             (Derivative(sqrt(x / (x + 1)), x), 1 / (2 * sqrt(x / (x + 1)) * (x + 1)))]
    for a, b in slips:
        assert not equal_as_fractions(a, b)
        assert compare(a, b)[0] is False
    assert not equal_as_fractions(Derivative(x * sin(w * x), x), sin(w * x))  # (not as if sin(wx) were constant)
    # Σ_k z_k² holds z_5, and J(𝐰) changes with w_1, whatever their free symbols say: no constants in them
    z, k, n = IndexedBase("z", real=True), Symbol("k", integer=True), Symbol("K", integer=True, positive=True)
    z5, w1, f = Symbol("z_5", real=True), Symbol("w_1", real=True), Function("f")
    squares = Sum(z[k] ** 2, (k, 1, n))
    assert not equal_as_fractions(Derivative(z5 * squares, z5, evaluate=False), squares)
    assert compare(Derivative(z5 * squares, z5, evaluate=False), squares)[0] is False
    assert not equal_as_fractions(Derivative(w1 * f(Symbol("wbold", real=True)), w1), f(Symbol("wbold", real=True)))
    assert compare(Derivative(x * sin(w * x), x), sin(w * x) + w * x * cos(w * x)) == (True, "evaluate")


def test_a_wrong_step_of_a_layers_gradient_is_still_caught():
    """The backward pass of a tanh layer, written out at two units: the unknown-parts proof certifies
    the right line and the wrong one is still found wrong (by the methods after it)."""
    w1, w2, x1, b, y = (Symbol(n, real=True) for n in ("w_1", "w_2", "x_1", "b", "y"))
    h = tanh(add(mul(w1, x1), b))
    loss = (w2 * h - y) ** 2 / 2
    right = (w2 * h - y) * w2 * (1 - h**2) * x1
    wrong = (w2 * h - y) * w2 * (1 + h**2) * x1
    assert compare(Derivative(loss, w1), right)[0] is True
    assert compare(Derivative(loss, w1), wrong)[0] is False


def test_cancel_is_not_tried_again_on_the_larger_instances_and_simplify_only_where_points_disagree(monkeypatch):
    """log Π p^{x_i}(1 − p)^{1−x_i} = Σ x_i log p + (n − Σ x_i) log(1 − p): cancel fails at n = 1 (a log
    of a power is the power times the log for positive bases only) and is not tried again at n = 2 … 4.
    The sample points agree at every instance, so simplify, which could only agree, is never tried; on
    the false identity it is tried where the points disagree, before they are believed."""
    import derive.verify as verify

    n, i = Symbol("n", integer=True, positive=True), Symbol("i", integer=True)
    xs, p = IndexedBase("x", real=True), Symbol("p", real=True)
    tried, cancelled = [], []
    simplifies, cancels = verify._simplifies_to_zero, verify.cancel
    monkeypatch.setattr(verify, "_simplifies_to_zero", lambda e: tried.append(e) or simplifies(e))
    monkeypatch.setattr(verify, "cancel", lambda e: cancelled.append(e) or cancels(e))
    likelihood = log(Product(p ** xs[i] * (1 - p) ** (1 - xs[i]), (i, 1, n)))
    total = Sum(xs[i], (i, 1, n))
    assert compare(likelihood, total * log(p) + (n - total) * log(1 - p)) == (True, "instances (n = 1…4)")
    assert not tried
    assert len(cancelled) == 1
    assert compare(likelihood, total * log(p) + (n - total + 1) * log(1 - p))[0] is False
    assert len(tried) == 2  # simplify and its rewrite in exponentials, at n = 1, the instance that fails


def test_an_exponent_read_elsewhere_as_a_generator_keeps_its_own_coefficients(x):
    """e^{(2x + 4y)/2} is e^{x + 2y}, which the plain reading reads; that 2x + 4y is a generator's
    exponent elsewhere (e^{3(2x + 4y) + wx}) must not make it a power 1/2 of that generator, nor 0."""
    y, w = Symbol("y"), Symbol("w")
    u = Add(2 * x, 4 * y, evaluate=False)
    half = exp(Mul(Rational(1, 2), u, evaluate=False))
    other = exp(Add(Mul(3, u, evaluate=False), w * x, evaluate=False))
    assert not equal_as_fractions(Mul(half, other, evaluate=False), other)
    assert equal_as_fractions(Mul(half, other, evaluate=False), exp(x + 2 * y) * other)


def test_a_side_that_divides_by_zero_everywhere_is_no_proof(x):
    """2D/D = 2 and (3x D + …)/D = 3x cancel D, which is 0 everywhere ((e^{x/2})² − e^x, sin² + cos² − 1):
    cancel, simplify and the unknowns' reading all divide by it unasked. No such side has a value."""
    half = exp(x / 2)
    zero = Add(Mul(half - 1, half + 1, evaluate=False), -exp(x), 1, evaluate=False)
    circle = Add(sin(x / 2) ** 2, cos(x / 2) ** 2, -1, evaluate=False)
    for d in (zero, circle):
        verdict, method = compare(S(2), Mul(2 * d, Pow(d, -1, evaluate=False), evaluate=False))
        assert verdict is None and "0 everywhere" in method
    verdict, method = compare(Mul(Add(3 * x * Mul(half - 1, half + 1, evaluate=False), 3 * x - 3 * x * exp(x),
                                       evaluate=False), Pow(zero, -1, evaluate=False), evaluate=False), 3 * x)
    assert verdict is not True
    # a divisor that is 0 somewhere only is a divisor: (e^x − 1)/(e^{x/2} − 1) = e^{x/2} + 1
    assert compare((exp(x) - 1) / (half - 1), half + 1)[0] is True


def test_a_divisor_that_is_zero_everywhere_is_found_before_any_derivative_is_worked_out(x):
    """The derivative reading proves links before working derivatives out, so its divisor check must see
    through them: d/dx log x − 1/x and f'(x) − Subs(f'(y), y, x) are 0 everywhere, and so is a root of
    what is 0 (√(√2·√2 − 2), √(d/dx f(y))): none divides, whatever cancels (a hostile review's finds)."""
    f, y = Function("f"), Symbol("y")
    for zero in (Derivative(log(x), x) - 1 / x, Derivative(f(x), x) - Subs(Derivative(f(y), y), y, x)):
        assert compare((f(x) * zero + zero) / zero, f(x) + 1)[0] is not True
    root = sqrt(Derivative(f(y), x))
    assert compare(f(x) + (root + x * root) / root, f(x) + 1 + x)[0] is not True
    two = Add(Mul(sqrt(2), sqrt(2), evaluate=False), -2, evaluate=False)
    for base in (two, S.Zero, Mul(sqrt(f(x)), sqrt(f(x)), evaluate=False) - f(x)):
        side = Mul(f(x), Pow(base, -S.Half, evaluate=False), Pow(base, S.Half, evaluate=False), evaluate=False)
        assert compare(side, f(x))[0] is not True
        assert not equal_as_fractions(side, f(x))
    # and what is no 0 still divides: √(x² + 1) over itself
    assert compare(Mul(f(x), Pow(x**2 + 1, -S.Half), sqrt(x**2 + 1), evaluate=False), f(x))[0] is True


def test_a_root_with_no_generator_and_sides_with_no_value_are_never_proved(x):
    """Each once a false proof or a crash: x^{1/3} read as a power of √x (the only root collected, from
    e^{√x}), sides that have no value (the log of what is 0 everywhere, 1/0 inside a Subs, ∫_x^x f as a
    divisor), and readers that raised while being made."""
    y, t, f = Symbol("y"), Symbol("t"), Function("f")
    wrong = exp(sqrt(x)) / (3 * x ** Rational(1, 3)) + exp(sqrt(x)) / (3 * x ** Rational(2, 3))
    assert compare(Derivative(x ** Rational(1, 3) * exp(sqrt(x)), x), wrong)[0] is False
    assert compare(Derivative(exp(x ** Rational(1, 3)), x) + sqrt(x), sqrt(x))[0] is False
    zero = exp(x * (x + 1) / 2) - exp(x**2 / 2 + x / 2)
    assert compare(Derivative(log(zero), x), x + S.Half)[0] is not True
    circle = sin(x) ** 2 + cos(x) ** 2 - 1
    assert compare(Derivative(x**2, x) + (x + 1) * log(circle) - x * log(circle) - log(circle), 2 * x)[0] is not True
    undefined = Subs(1 / y, y, 0)
    assert compare(Derivative(x**2, x) + (2 * undefined + 2) / (undefined + 1), 2 * x + 2)[0] is not True
    empty = Integral(f(t), (t, x, x))
    assert compare(Derivative(x**2, x) + (2 * x * empty + 2 * empty) / ((x + 1) * empty), 2 * x + 2)[0] is not True
    for a, b in [(sqrt(Derivative(sqrt(x), x)), S.Zero), (Derivative(f(x), y) ** Rational(2, 3) + 1 / x, 1 + 1 / x)]:
        assert compare(a, b)[0] is not True  # (each once raised while a reader was made)
    assert compare(Derivative(x**2, x) / (x + sqrt(circle)), S(2))[0] is True  # (√0 is 0: 2x/x)


def test_the_first_try_is_bounded_and_reads_either_side_first(x):
    """A budget stops a reading that would multiply out more than it allows (the link goes on to the
    other methods), and which side is collected first does not change what is proved."""
    w = Symbol("w")
    a, b = Derivative(log(1 + exp(x)) ** 3, x), 3 * log(1 + exp(x)) ** 2 * exp(x) / (1 + exp(x))
    assert equal_as_fractions(a, b) and not equal_as_fractions(a, b, budget=10)
    s = sin(w * x)
    d = Derivative(s, x)
    written = Mul(d, 1 / d, s, x, evaluate=False)
    assert equal_as_fractions(written, s * x) == equal_as_fractions(s * x, written)


def test_odd_orders_and_large_powers_of_roots_are_read_or_refused_at_once(x):
    """A derivative of symbolic order is no crash (it is not read), and x^{200001/2} is x^{100000}·√x in
    one step, not in a hundred thousand."""
    k, f = Symbol("k"), Function("f")
    assert compare(Derivative(f(x), (x, k)) + 1, S.One)[0] is not True
    assert compare(Derivative(x**2, (x, k)), x)[0] is not True
    assert equal_as_fractions(f(x) * x ** Rational(2 * 10**9 + 1, 2), Mul(f(x), x ** 10**9, sqrt(x), evaluate=False))


def test_an_integral_with_no_sure_value_anywhere_is_given_up_after_a_few_points(monkeypatch):
    """∫ (x − μ)e^{−(x−μ)²} dx is 0, of which no quadrature is sure (a missed narrow peak looks the
    same): every point is skipped, and after three such points the comparison stops with no verdict,
    where it went on through thirty, a quadrature each (a moment generating function's handout took 28 s),
    and then through eight."""
    import derive.quadrature as quadrature
    from derive.numeric import _MOST_CANCELLED

    x, mu, tried = Symbol("x", real=True), Symbol("mu", real=True), []
    real_value = quadrature.integral_value

    def counted(*args):
        tried.append(args)
        return real_value(*args)

    monkeypatch.setattr(quadrature, "integral_value", counted)
    odd = Integral((x - mu) * exp(-(x - mu) ** 2), (x, -oo, oo))
    assert compare(odd, S.Zero)[0] is None
    assert len(tried) == _MOST_CANCELLED
    tried.clear()  # one that has values is still decided, at every point it needs
    assert compare(Integral(exp(-(x - mu) ** 2), (x, -oo, oo)), sqrt(pi))[0] is True
    assert len(tried) >= 6


def test_simplify_is_not_tried_on_a_defined_function_whose_body_holds_an_integral(monkeypatch):
    """M(t) = ∫ e^{tx} φ(x) dx: simplify would work the integral out through Meijer G functions (half a
    second a link, for nothing); the integral is compared by quadrature, as one written out is."""
    import derive.verify as verify
    from derive.functions import define

    t, x = Symbol("t", real=True), Symbol("x", real=True)
    mgf = define("M", t, Integral(exp(t * x) * exp(-x**2 / 2) / sqrt(2 * pi), (x, -oo, oo)))
    tried = []
    monkeypatch.setattr(verify, "_simplifies_to_zero", lambda e: tried.append(e) or False)
    assert compare(log(mgf(t)), t**2 / 2) == (True, "numeric")
    assert compare(log(mgf(t)), t**2 / 2 + t / 100)[0] is False
    assert tried == []


def test_a_pending_derivative_of_a_sum_over_data_is_taken_term_by_term_without_summing(monkeypatch):
    """∂²/∂σ² Σ_i log φ(x_i): diff takes the sum term by term, to what doit gives; doit then looked for a
    closed form of the sum of the data's terms (a third of a second a link), which has none."""
    import sympy.concrete.summations as summations

    from derive.verify import _differentiated

    i, n = Symbol("i", integer=True, positive=True), Symbol("n", integer=True, positive=True)
    mu, s, x = Symbol("mu", real=True), Symbol("sigma", positive=True), IndexedBase("x")
    likelihood = Sum(log(exp(-(x[i] - mu) ** 2 / (2 * s**2)) / sqrt(2 * pi * s**2)), (i, 1, n))
    pending = Derivative(likelihood, (s, 2))
    expected = pending.doit()
    summed = []
    real = summations.eval_sum
    monkeypatch.setattr(summations, "eval_sum", lambda *args: summed.append(args) or real(*args))
    assert _differentiated(pending) == expected and summed == []
    # d^m/dσ^m of it, m a symbol: left to doit (SymPy's .variables raises on a symbolic order)
    m = Symbol("m", integer=True, positive=True)
    assert _differentiated(Derivative(likelihood, (s, m))) == Derivative(likelihood, (s, m))


def test_a_series_is_compared_where_it_converges_and_says_so():
    """Σ_k k p (1 − p)^{k−1}, which SymPy sums only where |p − 1| < 1: the mean of a geometric law is
    1/p there, and a slip (1/p²) is caught at points of that region; outside it the series has no value."""
    p, k = Symbol("p", real=True), Symbol("k", integer=True)
    mean = Sum(k * p * (1 - p) ** (k - 1), (k, 1, oo))
    verdict, method = compare(mean, p / (1 - (1 - p)) ** 2)
    assert verdict is True and method.endswith("where the series are summed: |p - 1| < 1")
    assert compare(mean, 1 / p**2) == (False, "numeric, where the series are summed: |p - 1| < 1")
    assert compare(Sum(p**k, (k, 0, oo)), 1 / (1 + p))[0] is False
    # summed where no point is: 1 + p + p² + … and p⁻¹ + p⁻² + … never both (Euler's 0 = 0), and
    # Σ (2 + sin p)^k nowhere; never valid
    euler = Sum(p**k, (k, 0, oo)) + Sum(p ** (-k), (k, 1, oo))
    assert compare(euler, S.Zero)[0] is None
    assert compare(Sum((2 + sin(p)) ** k, (k, 0, oo)), -1 / (1 + sin(p)))[0] is None
    # a region of several conditions is said as they are, joined by "and"
    verdict, method = compare(Sum(p**k / k, (k, 1, oo)), -log(1 - p))
    assert verdict is True and method.endswith("where the series are summed: |p| <= 1 and p ≠ 1")
    # a case split the text wrote, with a series in one case: never valid against the other case's formula
    x = Symbol("x", real=True)
    cases = Piecewise((x**2, x < 0), (Sum(x**k / 2**k, (k, 1, oo)), True))
    assert compare(cases, x**2)[0] is not True


def test_a_derivative_under_e_of_a_sum_with_number_bounds_is_written_out():
    """E[d²/dλ² Σ_{i=1}^{3} (X_i log λ − λ)] and E[Σ_{k=1}^{3} k θ^{k−1} X]: written out, by linearity; left
    whole, E[Σ …] was one unknown moment, and the correct links were called wrong. A sum too long to write
    out under E is no counterexample either."""
    from sympy import Indexed

    from derive.probability import Expectation

    lam, i, k = Symbol("lambda", positive=True), Symbol("i", integer=True), Symbol("k", integer=True)
    theta, X, data = Symbol("theta", real=True), Symbol("X", real=True), IndexedBase("X", real=True)
    information = -Expectation(Derivative(Sum(data[i] * log(lam) - lam, (i, 1, 3)), (lam, 2)))
    mean = Expectation(Indexed(data, 1) + Indexed(data, 2) + Indexed(data, 3)) / lam**2
    assert compare(information, mean)[0] is True
    assert compare(information, 2 * mean)[0] is False
    written = Expectation(Sum(k * theta ** (k - 1) * X, (k, 1, 3)))
    assert compare(written, (1 + 2 * theta + 3 * theta**2) * Expectation(X))[0] is True
    assert compare(written, (1 + 2 * theta + 4 * theta**2) * Expectation(X))[0] is False
    long = Expectation(Sum(k * theta ** (k - 1) * X, (k, 1, 30)))
    assert compare(long, (1 + 2 * theta) * Expectation(X))[0] is None


def test_integrals_are_read_as_unknowns_whatever_their_bounds(x):
    """∫_0^∞ λx e^{(−λ)x} dx − ∫_0^∞ λx e^{−λx} dx = 0: the fractions read each integral as an unknown of
    its own (the two are one), as cancel does; an infinite bound is no infinite value, but ∞ itself
    in a sum still is (∞ − ∞ is no 0)."""
    lam = Symbol("lambda", positive=True)
    written = Integral(lam * x * exp(Mul(-lam, x, evaluate=False)), (x, 0, oo))
    assert equal_as_fractions(written - Integral(lam * x * exp(-lam * x), (x, 0, oo)), S.Zero)
    assert not equal_as_fractions(Add(oo, x, evaluate=False) - Add(oo, x, evaluate=False), S.Zero)
    undefined_bound = Integral(x, (x, 0, zoo))  # (only ±∞ is a bound: zoo is no place to integrate to)
    assert not equal_as_fractions(Add(undefined_bound, -undefined_bound, evaluate=False), S.Zero)


def test_integrals_free_of_symbols_are_compared_by_linearity_and_only_where_they_have_values(x):
    """An integral free of symbols is unknowns of its own for cancel (no quadrature to order terms):
    linearity still proves ∫2f = 2∫f and ∫(f + x²f) = ∫f + ∫x²f for an unknown f; an integral without a
    value proves nothing (∞ − ∞ is no 0); and a divisor that is an integral of 0 is no divisor (0/0)."""
    f = Function("f")
    once = Integral(f(x), (x, 0, 1))
    assert compare(Integral(2 * f(x), (x, 0, 1)), 2 * once)[0] is True
    assert compare(Integral(f(x) + x**2 * f(x), (x, 0, 1)), once + Integral(x**2 * f(x), (x, 0, 1)))[0] is True
    assert compare(once, 2 * once)[0] is not True
    divergent = Integral((x + 1) ** 2, (x, 0, oo)) - Integral(x**2 + 2 * x + 1, (x, 0, oo))
    assert compare(divergent, S.Zero)[0] is None
    zero = Integral(x * (x**2 + 1) ** 2, (x, -1, 1))
    assert compare(zero / Integral(x**5 + 2 * x**3 + x, (x, -1, 1)), S.One)[0] is None


def test_cancel_does_not_integrate_a_constant_integral_to_order_the_terms(monkeypatch):
    """SymPy's cancel orders a sum's terms by their values, a quadrature of each integral free of
    symbols (a second for ∫_{−∞}^0 φ): such an integral is an unknown for cancel, one for integrals
    whose integrands expand alike, and no quadrature is run."""
    import sympy.core.evalf as evalf

    from derive.verify import _cancels

    def no_quadrature(*args, **kwargs):
        raise AssertionError("a quadrature was run")

    monkeypatch.setattr(evalf, "do_integral", no_quadrature)
    t = Symbol("t", real=True)
    phi = exp(-t**2 / 2) / sqrt(2 * pi)
    assert not _cancels(-S.Half + Integral(phi, (t, -oo, 0)))
    u = Symbol("u", real=True)
    assert _cancels(Integral(u**4 - 2 * u**3 + u**2, (u, 0, 1)) - Integral(u**2 * (1 - u) ** 2, (u, 0, 1)))


def test_a_definition_inside_a_definition_is_written_out(x):
    """Φ(x) = ∫_{−∞}^x φ(t) dt with φ defined too: both written out for the values (SymPy's evalf wrote φ
    out at each of a quadrature's thousands of nodes, five seconds a document); a definition that holds
    itself is written out a bounded number of times, never forever."""
    from derive.functions import NamedFunction, define
    from derive.verify import _in_exp

    t = Symbol("t", real=True)
    phi = define("phi", t, exp(-t**2 / 2) / sqrt(2 * pi))
    Phi = define("Phi", x, Integral(phi(t), (t, -oo, x)))
    assert not _in_exp(Phi(x)).has(NamedFunction)
    assert compare(Phi(0), S.Half)[0] is True
    looped = define("looped", x, x)
    looped.body = looped(x) + 1
    assert _in_exp(looped(x)).has(NamedFunction)


def test_a_power_with_a_letter_for_its_exponent_is_valued_without_exact_roots():
    """(x/λ)^{k−1} at an exact binary k is the root of a huge power: a Weibull log-likelihood's score at
    four sizes took gigabytes and stopped a whole document. Such a power is valued by evalf instead."""
    from sympy import symbols

    from derive.numeric import _grows_exactly

    x, lam, k = symbols("x lambda k", positive=True)
    assert _grows_exactly((x / lam) ** (k - 1))
    assert not _grows_exactly((x / lam) ** 3)


def test_a_sum_of_an_unknown_function_of_its_index_is_differentiated_term_by_term_never_summed(x, monkeypatch):
    """Σ_{k=1}^{K} y(k)·log(x z(k)) has no closed form: SymPy's search for one took seconds (a minibatch
    cross-entropy written with z^{(n)}_k); the derivative goes inside and the sum stays. A sum with
    number bounds, or of known terms, is still worked out."""
    from sympy import Symbol as Sym

    from derive import verify

    k, K = Sym("k", integer=True), Sym("K", integer=True)
    y, z = Function("y"), Function("z")
    summed = []
    real_doit = Sum.doit
    monkeypatch.setattr(Sum, "doit", lambda self, **hints: summed.append(self) or real_doit(self, **hints))
    verify.clear_caches()
    done = verify._finished(Derivative(Sum(y(k) * log(x * z(k)), (k, 1, K)), x))
    assert summed == [] and not done.has(Derivative) and done == Sum(y(k) / x, (k, 1, K))
    assert verify._finished(Derivative(Sum(k * x, (k, 1, 3)), x)) == 6
    assert verify._finished(Sum(x, (k, 1, K))) == K * x
