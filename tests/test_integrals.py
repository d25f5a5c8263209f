"""Definite integrals and evaluation brackets (issue 10): read as written, judged by exact work where
SymPy's algebra settles it, else by quadrature at sample points. A wrong value is caught."""

import pytest
import sympy
from sympy import Integral, Rational

from derive import sandbox
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


ARC_LENGTH = r"""The cable hangs as $y(x) = a\cosh(x/a)$ with $a > 0$, and its arc length is
\[
s(x) = \int_0^x \sqrt{1 + y'(t)^2}\,dt = \int_0^x \cosh\frac{t}{a}\,dt = a\sinh\frac{x}{a} .
\]
"""


def test_a_definition_holding_an_integral_is_never_integrated(monkeypatch):
    """s(x) = ∫_0^x √(1 + y'(t)²) dt: the derivative inside is worked out, the integral stays (SymPy's
    integrate spent seconds on it, and could take minutes); the links are judged at sample points, and a
    wrong value is still caught."""
    integrated = []
    real_doit = Integral.doit

    def doit(self, **hints):
        if hints.get("integrals", True):
            integrated.append(self)
        return real_doit(self, **hints)

    monkeypatch.setattr(Integral, "doit", doit)
    monkeypatch.setattr(sandbox, "_in_worker", True)  # (checked in this process, where the list is)
    assert [k.verdict for k in check(ARC_LENGTH, "x.tex").links][-1] == VALID
    assert integrated == []
    assert [k.verdict for k in check(ARC_LENGTH.replace(r"= a\sinh", r"= 2a\sinh"), "x.tex").links][-1] == INVALID


def test_an_integral_with_a_parameter_is_compared_at_sample_points():
    assert compare(latex(r"\int_0^{a} e^{-x} \, dx"), latex(r"1 - e^{-a}"))[0] is True
    assert compare(latex(r"\int_0^{a} e^{-x} \, dx"), latex(r"1 + e^{-a}"))[0] is False


@pytest.mark.parametrize("left, right", [(r"\sqrt{2}\,\sigma\int_{-\infty}^{\infty} e^{-t^2}\,dt", r"\sqrt{2\pi}\,\sigma"),
                                         (r"\frac{1}{\sqrt{2a}}\int_{-\infty}^{\infty} e^{-t^2/2}\,\mathrm{d}t", r"\sqrt{\frac{\pi}{a}}")])
def test_an_integral_from_minus_infinity_has_its_value(left, right):
    """−∞ is a bound, never the product −1·∞ (which quadrature took for another bound: a false alarm)."""
    assert compare(latex(left), latex(right))[0] is True
    assert compare(latex(left), latex(right + " + 1"))[0] is False


@pytest.mark.parametrize("left, right, holds", [
    (r"\int_0^\infty e^{-\lambda x}\,dx", r"\frac{1}{\lambda}", True),
    (r"\int_0^\infty e^{-\lambda x}\,dx", r"\frac{2}{\lambda}", False),
    (r"\int_a^b \frac{x}{b - a}\,dx", r"\frac{a + b}{2}", True),
    (r"\int_a^b \frac{x}{b - a}\,dx", r"\frac{a + b}{3}", False),
    (r"\int_{-\infty}^{\infty} \exp\Bigl(-\frac{(x - \mu)^2}{2\sigma^2}\Bigr)\,dx", r"\sqrt{2\pi\sigma^2}", True),
])
def test_an_integral_in_its_parameters_is_compared_where_it_converges(left, right, holds):
    """Parameters and bounds are put in at each sample point before the quadrature; at λ < 0 the first
    diverges, and a point where mpmath's error estimate leaves no digits is no value (not garbage)."""
    assert compare(latex(left), latex(right))[0] is holds


def test_a_bracket_at_infinity_is_a_limit_decided_where_the_sign_of_its_rate_is_known():
    """[−x e^{−λx}]_0^∞ is 0 for λ > 0 and ∞ for λ < 0: with λ > 0 (as a text states it) the link is
    decided; with λ of either sign it is not, since the points, which stay near 0, once proved
    lim_{x→∞} e^{(a−3)x} = 0 (false for every a > 3)."""
    positive = {sympy.Symbol("lambda", real=True): sympy.Symbol("lambda", positive=True)}
    left = latex(r"\int_0^\infty x\,\lambda e^{-\lambda x}\,dx")
    right = latex(r"\Bigl[-x e^{-\lambda x}\Bigr]_0^\infty + \int_0^\infty e^{-\lambda x}\,dx")
    wrong = latex(r"\Bigl[-x e^{-\lambda x}\Bigr]_0^\infty + 2\int_0^\infty e^{-\lambda x}\,dx")
    assert compare(left.xreplace(positive), right.xreplace(positive))[0] is True
    assert compare(left.xreplace(positive), wrong.xreplace(positive))[0] is False
    assert compare(left, right)[0] is None and compare(left, wrong)[0] is None


@pytest.mark.parametrize("text, value", [(r"\int_1^2 \frac{du}{u}", "log(2)"), (r"\int_0^1 \frac{dx}{1 + x^2}", "pi/4"),
                                         (r"2\int_1^2 \frac{\mathrm{d}\theta}{\theta}", "2*log(2)")])
def test_the_differential_over_the_fraction_bar(text, value):
    assert str(latex(text).doit()) == value


def test_a_factor_after_the_differential_over_the_bar_is_refused():
    """∫ dx/x · e^x: is e^x in the integrand or after it? Not guessed."""
    with pytest.raises(ParseError, match="factor after"):
        latex(r"\int_1^2 \frac{dx}{x} e^x")


DENSITY = r"""Conventions: $\lambda > 0$. $X$ has density $\lambda e^{-\lambda x}$ on $x \ge 0$, so
\begin{equation}
  \E[X] = \int_0^\infty x\,\lambda e^{-\lambda x}\,dx = \frac{1}{\lambda} .
\end{equation}
Then $Y$ is uniform on $[a, b]$:
\begin{equation}
  \E[Y] = \int_a^b \frac{y}{b - a}\,dy = \frac{a + b}{2} .
\end{equation}"""
PREAMBLE = r"\newcommand{\E}{\mathbb{E}}" + "\n"


def test_a_density_said_in_words_gives_the_moments():
    links = check(PREAMBLE + DENSITY, "d.tex").links
    assert [k.verdict for k in links] == [VALID] * 4
    assert "law of X" in links[0].rule and "law of Y" in links[2].rule
    slipped = check(PREAMBLE + DENSITY.replace(r"dx = \frac{1}{\lambda}", r"dx = \frac{2}{\lambda}"), "d.tex").links
    assert [k.verdict for k in slipped][:2] == [VALID, INVALID]


def test_a_letter_used_again_takes_its_latest_law_and_an_unread_law_ends_the_last():
    """Problem 1's X, then problem 2's: each use takes the law said last before it; a law derive does
    not read ("the density in the table") leaves X with none, never with problem 1's."""
    again = DENSITY.replace("$Y$", "$X$").replace(r"\E[Y]", r"\E[X]")
    assert [k.verdict for k in check(PREAMBLE + again, "d.tex").links] == [VALID] * 4
    unread = again.replace("is uniform on $[a, b]$", "has the density $g$ of the table")
    verdicts = [k.verdict for k in check(PREAMBLE + unread, "d.tex").links]
    assert verdicts[:2] == [VALID, VALID] and INVALID not in verdicts
