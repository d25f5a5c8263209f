"""Links that cost a document tens of seconds: each now decided (or refused with its reason) at once,
and a slip in them still caught. Found by timing every corpus document (issue 14: no file over 5 s)."""

import pytest
from sympy import Derivative, Eq, Integral, Piecewise, Sum, Symbol, exp, log, oo, pi, sin, symbols

from derive.checker import INVALID, UNDECIDED, VALID, check
from derive.numeric import numeric_verdict, valued

n = Symbol("n", integer=True, positive=True)
k, t, x, u, v, y, alpha, p = symbols("k t x u v y alpha p")
lam = Symbol("lambda", positive=True)


def test_a_sum_of_fourier_coefficients_left_unworked_stays_a_sum_with_its_derivatives_done():
    """b_n = 2∫_0^1 f(x) sin(nπx) dx inside Σ_n: integrals are compared by quadrature, never worked out,
    and SymPy's search for a closed form of their sum took more than a minute."""
    from derive.verify import _worked_out

    coefficient = 2 * Integral((x - x**2) * sin(n * pi * x), (x, 0, 1))
    series = Sum(coefficient * exp(-k * n**2 * pi**2 * t) * sin(n * pi * x), (n, 1, oo))
    done = _worked_out(Derivative(series, t))
    assert isinstance(done, Sum) and not done.has(Derivative) and done.has(Integral)
    assert done == Sum(-k * n**2 * pi**2 * coefficient * exp(-k * n**2 * pi**2 * t) * sin(n * pi * x), (n, 1, oo))
    geometric = Sum(p**n, (n, 1, oo))  # (a sum of plain terms is SymPy's to sum, as before)
    assert _worked_out(geometric).args[0] == (p / (1 - p), abs(p) < 1)
    assert _worked_out(geometric, every_sum=True) == geometric  # (what is left where the search ran out)


def test_a_heat_equation_series_link_gets_its_reason_not_the_time_limit():
    """It took 15 s and more (the link's whole share, in a document's check) before; the series of
    integrals has no value at any point, and the report says so."""
    text = (r"Let $b_n = 2\int_0^1 (x - x^2)\sin(n\pi x)\,dx$ with $n = 1, 2, \dots$. Then" "\n"
            r"\[ \sum_{n=1}^{\infty} b_n e^{-k n^2\pi^2 t}\sin\frac{n\pi}{2}"
            r" = \frac{8}{\pi^3}\sum_{m=0}^{\infty}\frac{(-1)^m}{(2m+1)^3}\,e^{-k(2m+1)^2\pi^2 t} \]" "\n")
    (link,) = check(text, "heat.tex").links
    assert (link.verdict, link.reason) == (UNDECIDED, "no point where both sides have a value to compare")


def test_a_label_read_by_cases_is_sampled_at_its_values():
    """(α if y = 1, 1 − α if y = 0) has no value at y = 0.37: every point off {0, 1} was lost, and a
    focal loss's links spent seconds each looking for one."""
    from derive.numeric import confined

    by_cases = Piecewise((alpha, Eq(y, 1)), (1 - alpha, Eq(y, 0)))
    assert confined(by_cases * log(p)) == {y: [0, 1]}
    assert numeric_verdict(by_cases * log(p), (y * alpha + (1 - y) * (1 - alpha)) * log(p)) is True
    assert numeric_verdict(by_cases * log(p), (y * alpha + (1 - y) * (1 + alpha)) * log(p)) is False
    otherwise = Piecewise((alpha, Eq(y, 1)), (1 - alpha, True))  # (values everywhere: no confinement)
    assert confined(otherwise) == {}


def test_an_integral_inside_an_integral_is_worked_out_inside_it():
    """A survival function S(u) = exp(−∫_0^u λ dv) under ∫_t^∞ … du: the inner integral alone has the
    outer variable free (no value at any point), and evalf of the double integral took seconds a point."""
    survival = exp(-Integral(lam, (v, 0, u)))
    assert numeric_verdict(Integral(survival, (u, t, oo)), exp(-lam * t) / lam) is True
    assert numeric_verdict(Integral(survival, (u, t, oo)), exp(-lam * t) / lam**2) is False


MRL = (r"A constant hazard gives $S(t) = \exp\Bigl(-\int_0^t \lambda\,du\Bigr)$ with $\lambda > 0$." "\n\n"
       r"$$\text{MRL}(t) = \frac{1}{S(t)}\int_t^\infty S(u)\,du = \frac{e^{-\lambda t}/\lambda}{e^{-\lambda t}}"
       r" = \frac{1}{\lambda}$$" "\n")


def test_a_word_in_text_right_before_a_bracket_names_a_function():
    """\\text{MRL}(t) was read as (t), a definition of t by an integral over t: the word is the name."""
    report = check(MRL, "mrl.md")
    (chain,) = report.chains
    assert chain.read_as[0] == "MRL(t)"
    assert [k.verdict for k in chain.links] == ["definition", VALID, VALID]
    slipped = check(MRL.replace(r"/\lambda}", r"/\lambda^2}"), "mrl.md")
    assert INVALID in [k.verdict for k in slipped.links]


@pytest.mark.parametrize("annotation", [r"\text{by}(2)", r"\text{for}(x > 0)", r"\text{using}(3)"])
def test_a_word_that_joins_prose_stays_an_annotation(annotation):
    (chain,) = check(rf"$$ f(x) = x^2 + 2x = x(x+2) \quad {annotation} $$", "by.md").chains
    assert chain.read_as == ["f(x)", "x^2 + 2·x", "x·(x + 2)"]
    assert [k.verdict for k in chain.links] == ["definition", VALID]


def test_a_function_of_derives_own_without_a_value_at_numbers_is_not_handed_to_evalf(monkeypatch):
    """xᵀβ with x read as a letter: Transposed(0.36) has no value, and evalf took a second a point to
    find that out (a Poisson GLM's appendix: 11 s)."""
    import derive.numeric as numeric
    from derive.vectors import Transposed

    asked = []
    summed = numeric.summed
    monkeypatch.setattr(numeric, "summed", lambda terms, sides, value: asked.append(value.__name__) or summed(terms, sides, value))
    xbold = Symbol("xbold_1")
    with pytest.raises(ValueError):
        valued((x * exp(lam * Transposed(xbold)),), [], {x: 0.5, lam: 0.7, xbold: 0.3}, {}, 30)
    assert "evalf" not in asked
    assert valued((x * exp(lam * xbold),), [], {x: 0.5, lam: 0.7, xbold: 0.3}, {}, 30)[1] != 0  # (the memo's)


def test_a_derivative_worked_out_through_an_expectation_is_refused_before_simplify():
    """K = ln M with M(t) = E[e^{tX}]: K'(t) worked out treats E as a function of its argument, which
    no algebra relates to kθ/(1 − θt); simplify spent seconds on each such link of a course page."""
    text = (r"Let $X \sim \mathrm{Gamma}(k, \theta)$ with $k > 0$, $\theta > 0$ and $t < 1/\theta$." "\n\n"
            r"$$M(t) = \mathbb{E}\big[e^{tX}\big] = (1 - \theta t)^{-k}$$" "\n\n"
            r"$$K(t) = \ln M(t)$$" "\n\n"
            r"$$K'(t) = \frac{k\theta}{1 - \theta t}$$" "\n")
    link = check(text, "mgf.md").links[-1]
    assert (link.verdict, link.reason) == (UNDECIDED, "a derivative of an expectation, which derive does not take")
