"""Definite integrals and evaluation brackets (issue 10): read as written, judged by exact work where
SymPy's algebra settles it, else by quadrature at sample points. A wrong value is caught."""

import pytest
from sympy import Integral, Rational

from derive.checker import INVALID, VALID, check
from derive.errors import ParseError
from derive.parse import parse
from derive.verify import compare


def latex(text):
    return parse(text, reader="latex")


@pytest.mark.parametrize("text", [r"\int_0^1 x^2 \, dx", r"\int_{0}^{1} x^2 dx", r"\int\limits_0^1 x^2\,\mathrm{d}x",
                                  r"\int_0^1 (x^2) \; dx"])
def test_an_integral_in_every_spelling(text):
    got = latex(text)
    assert isinstance(got, Integral) and got.limits[0][1:] == (0, 1)


def test_the_integrand_is_all_up_to_the_differential():
    got = latex(r"\int_0^1 x^2 + 1 \, dx + 2")
    assert compare(got, Rational(10, 3))[0] is True  # ∫(x² + 1) = 4/3, then + 2


@pytest.mark.parametrize("text, words", [(r"\int x \, dx", "without bounds"),
                                         (r"\int_0^1 x^2", "differential")])
def test_an_integral_derive_cannot_read_is_refused(text, words):
    with pytest.raises(ParseError, match=words):
        latex(text)


@pytest.mark.parametrize("text, value", [
    (r"\left[ \frac{x^3}{3} \right]_0^1", Rational(1, 3)), (r"\left. \frac{x^3}{3} \right|_0^1", Rational(1, 3)),
    (r"\Big[ x^2 \Big]_{1}^{2}", 3), (r"\left. (x^2 + 1) \right|_{x=2}", 5),
])
def test_evaluation_brackets(text, value):
    assert compare(latex(text), latex(str(value)))[0] is True


def test_an_integral_worked_out_in_a_document():
    text = r"""\begin{align*}
\int_0^1 \theta^2 (1 - \theta) \, d\theta &= \int_0^1 \left( \theta^2 - \theta^3 \right) d\theta \\
&= \left[ \frac{\theta^3}{3} - \frac{\theta^4}{4} \right]_0^1 \\
&= \frac{1}{12}
\end{align*}"""
    assert [k.verdict for k in check(text).links] == [VALID, VALID, VALID]
    assert [k.verdict for k in check(text.replace(r"\frac{1}{12}", r"\frac{1}{6}")).links][-1] == INVALID
    assert INVALID in [k.verdict for k in check(text.replace(r"\theta^2 - \theta^3", r"\theta^2 + \theta^3")).links]


def test_an_integral_with_a_parameter_is_compared_at_sample_points():
    assert compare(latex(r"\int_0^{a} e^{-x} \, dx"), latex(r"1 - e^{-a}"))[0] is True
    assert compare(latex(r"\int_0^{a} e^{-x} \, dx"), latex(r"1 + e^{-a}"))[0] is False


@pytest.mark.parametrize("left, right", [(r"\sqrt{2}\,\sigma\int_{-\infty}^{\infty} e^{-t^2}\,dt", r"\sqrt{2\pi}\,\sigma"),
                                         (r"\frac{1}{\sqrt{2a}}\int_{-\infty}^{\infty} e^{-t^2/2}\,\mathrm{d}t", r"\sqrt{\frac{\pi}{a}}")])
def test_an_integral_from_minus_infinity_has_its_value(left, right):
    """−∞ is a bound, never the product −1·∞ (which quadrature took for another bound: a false alarm)."""
    assert compare(latex(left), latex(right))[0] is True
    assert compare(latex(left), latex(right + " + 1"))[0] is False
