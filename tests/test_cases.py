"""Functions defined by cases (issue 10): the Huber loss, ReLU, a subgradient. A cases block is read
as a piecewise function; a display about one piece holds in the region the text sets just before it
("on $r > \\delta$"), and is checked at points of that region. Each both ways: right valid, a slip found."""

import pytest
from sympy import Max, Min, Piecewise, Symbol

from derive.checker import INVALID, VALID, check
from derive.errors import ParseError
from derive.parse import parse

r, x, delta = (Symbol(n, real=True) for n in ("r", "x", "delta"))


def latex(text):
    return parse(text, reader="latex")


def verdicts(text):
    return [k.verdict for k in check(text).links]


@pytest.mark.parametrize("text", [
    r"\begin{cases} x & \text{if } x > 0 \\ 0 & \text{otherwise} \end{cases}",
    r"\begin{cases} x, & x > 0, \\ 0, & x \le 0. \end{cases}",
    r"\begin{cases} x & \text{for } x > 0 \\ 0 & \text{else} \end{cases}",
])
def test_cases_are_a_piecewise_function(text):
    got = latex(text)
    assert isinstance(got, Piecewise)
    assert got.subs(x, 2) == 2 and got.subs(x, -3) == 0


def test_a_condition_may_be_a_chain_of_relations():
    got = latex(r"\begin{cases} 1 & -1 \le x \le 1 \\ 0 & \text{otherwise} \end{cases}")
    assert [got.subs(x, v) for v in (-1, 0, 1, 2, -2)] == [1, 1, 1, 0, 0]


@pytest.mark.parametrize("text, why", [
    (r"\begin{cases} 1 & \text{if the example is positive} \\ 0 & \text{else} \end{cases}", "words"),
    (r"\begin{cases} 1 & x > 0 \end{cases}", "one row"),
    (r"\begin{cases} 1 & x \\ 0 & \text{else} \end{cases}", "condition"),
])
def test_a_condition_derive_cannot_read_is_refused(text, why):
    with pytest.raises(ParseError, match=why):
        latex(text)


def test_max_and_min_of_arguments_in_brackets():
    assert latex(r"\max\bigl(-\delta, \min(r, \delta)\bigr)") == Max(-delta, Min(r, delta))
    for refused in (r"\max_k z_k", r"\max x", r"\max(x)"):
        with pytest.raises(ParseError):
            latex(refused)


HUBER = r"""For a threshold $\delta > 0$ the Huber loss is
\begin{equation}
  L_\delta(r) = \begin{cases} \tfrac{1}{2}r^2, & |r| \le \delta,\\ \delta\bigl(|r| - \tfrac{1}{2}\delta\bigr), & |r| > \delta. \end{cases}
\end{equation}
On $|r| < \delta$ only the quadratic piece matters:
\[ L_\delta'(r) = \frac{d}{dr}\,\frac{1}{2}r^2 = r . \]
On $r > \delta$ we have $|r| = r$, so
\[ L_\delta'(r) = \frac{d}{dr}\Bigl[\delta r - \frac{\delta^2}{2}\Bigr] = \delta . \]
Together, for every $r$,
\[ L_\delta'(r) = \max\bigl(-\delta, \min(r, \delta)\bigr) . \]
"""


def test_a_piece_holds_in_the_region_the_text_sets_before_it():
    links = check(HUBER).links
    assert [k.verdict for k in links] == [VALID] * 5
    assert "region" in links[0].rule and "r > delta" in links[2].rule
    assert "delta > 0" in links[4].rule  # the δ of L_δ's body is the δ > 0 the text states


@pytest.mark.parametrize("slip", [(r"= \delta . \]", r"= 2\delta . \]"), (r"\frac{1}{2}r^2 = r", r"\frac{1}{2}r^2 = 2r"),
                                  (r"\min(r, \delta)", r"\min(r, 2\delta)")])
def test_a_slip_in_a_piece_is_still_found(slip):
    assert INVALID in verdicts(HUBER.replace(*slip))


def test_a_region_set_far_before_does_not_make_a_piece_hold():
    far = HUBER.replace("On $r > \\delta$ we have $|r| = r$, so\n", "On $r > \\delta$ we have $|r| = r$.\n\n\n\nSo\n")
    assert verdicts(far)[2] == INVALID  # the region is out of reach: the piece is not the whole function


ROWS = r"""For a threshold $\delta > 0$,
\[ \rho(r) = \begin{cases} \tfrac{1}{2}r^2, & |r| \le \delta,\\ \delta\bigl(|r| - \tfrac{1}{2}\delta\bigr), & |r| > \delta. \end{cases} \]
\begin{align*}
  \rho'(r) &= \frac{d}{dr}\,\tfrac{1}{2}r^2 = r && \text{for } |r| < \delta,\\
  \rho'(r) &= \frac{d}{dr}\,\delta\bigl(-r - \tfrac{1}{2}\delta\bigr) = -\delta && \text{for } r < -\delta.
\end{align*}
We write $\psi = \rho'$, so
\[ \frac{d}{dw}\,\rho(w x - y) = \psi(w x - y)\,x . \]
"""


def test_a_row_holds_in_the_condition_of_its_annotation_column():
    links = check(ROWS).links
    assert [k.verdict for k in links] == [VALID] * 5
    assert "row's condition" in links[2].rule
    assert verdicts(ROWS.replace(r"= -\delta && \text{for } r < -\delta", r"= \delta && \text{for } r < -\delta"))[3] == INVALID


def test_a_name_for_a_derivative_is_a_function():
    """ψ = ρ': ψ(wx − y) is ρ'(wx − y), never ψ times (wx − y)."""
    assert verdicts(ROWS)[-1] == VALID
    assert verdicts(ROWS.replace(r"\psi(w x - y)\,x", r"\psi(w x - y)\,x^2"))[-1] == INVALID
