"""Expectations, variances and covariances (issue 10): read as operators in every spelling, and links
judged by moments. Correct identities valid, slipped ones invalid."""

import pytest

from derive.checker import INVALID, VALID, check
from derive.parse import parse
from derive.probability import Covariance, Expectation, Variance
from derive.verify import compare


def latex(text):
    return parse(text, reader="latex")


@pytest.mark.parametrize("text, operator", [
    (r"\mathbb{E}[X]", Expectation), (r"E[X]", Expectation), (r"\mathrm{E}[X]", Expectation),
    (r"\mathbb{E}_{x \sim p}[x]", Expectation), (r"\mathbb{E}\left[X\right]", Expectation),
    (r"\operatorname{Var}(X)", Variance), (r"\mathrm{Var}[X]", Variance), (r"V[X]", Variance),
    (r"\mathbb{V}[X]", Variance), (r"\operatorname{Cov}(X, Y)", Covariance),
])
def test_probability_operators_in_every_spelling(text, operator):
    assert isinstance(latex(text), operator)


@pytest.mark.parametrize("left, right, holds", [
    (r"\operatorname{Var}(X)", r"\mathbb{E}[X^2] - \mathbb{E}[X]^2", True),
    (r"\operatorname{Var}(X)", r"\mathbb{E}[X^2] + \mathbb{E}[X]^2", False),
    (r"\mathbb{E}[(X - \mathbb{E}[X])^2]", r"\mathbb{E}[X^2] - \mathbb{E}[X]^2", True),
    (r"\mathbb{E}[aX + b]", r"a\mathbb{E}[X] + b", True),
    (r"\mathbb{E}[aX + b]", r"a\mathbb{E}[X]", False),
    (r"\operatorname{Var}(aX + b)", r"a^2 \operatorname{Var}(X)", True),
    (r"\operatorname{Var}(aX + b)", r"a \operatorname{Var}(X) + b", False),
    (r"\operatorname{Cov}(X, X)", r"\operatorname{Var}(X)", True),
    (r"\operatorname{Var}(X + Y)", r"\operatorname{Var}(X) + \operatorname{Var}(Y) + 2\operatorname{Cov}(X, Y)", True),
    (r"\operatorname{Var}(X + Y)", r"\operatorname{Var}(X) + \operatorname{Var}(Y)", False),
    (r"\operatorname{Cov}(aX + b, cY + d)", r"ac \operatorname{Cov}(X, Y)", True),
    (r"E[XY] - E[X]E[Y]", r"E[YX] - E[Y]E[X]", True),
])
def test_identities_are_judged_by_moments(left, right, holds):
    verdict, method = compare(latex(left), latex(right))
    assert verdict is holds and method.startswith("moments")


def test_a_variance_chain_in_a_document():
    text = r"""\begin{align*}
\operatorname{Var}(X) &= \mathbb{E}\bigl[(X - \mathbb{E}[X])^2\bigr] \\
&= \mathbb{E}[X^2] - 2\,\mathbb{E}[X]\,\mathbb{E}[X] + \mathbb{E}[X]^2 \\
&= \mathbb{E}[X^2] - \mathbb{E}[X]^2
\end{align*}"""
    assert [k.verdict for k in check(text).links] == [VALID, VALID, VALID]
    slipped = text.replace(r"- 2\,\mathbb{E}[X]", r"- \mathbb{E}[X]")
    assert [k.verdict for k in check(slipped).links] == [VALID, INVALID, INVALID]
    assert check(slipped).chains[0].suspects == [2]


def test_a_declared_operator_is_the_operator_not_a_function_to_define():
    """\\DeclareMathOperator{\\Var}{Var} and an inline Var(Z) = …: the variance's identity, checked."""
    text = r"""\DeclareMathOperator{\Var}{Var}
For any $Z$, $\Var(Z) = \mathbb{E}[Z^2] - \mathbb{E}[Z]^2$.
\[ \Var(X + 1) = \mathbb{E}[(X+1)^2] - (\mathbb{E}[X] + 1)^2 = \Var(X) \]"""
    assert [k.verdict for k in check(text).links][-2:] == [VALID, VALID]


def test_which_letters_are_random_is_not_guessed_into_a_verdict():
    [link] = check(r"$$ E[ax + b] = aE[x] + b $$").links
    assert link.verdict == "undecided" and "random" in link.reason  # a, b constants or random? not said
    [link] = check(r"$$ \mathbb{E}[\hat\theta - \theta] = \mathbb{E}[\hat\theta] - \theta $$").links
    assert link.verdict == VALID  # θ̂ an estimator, θ a parameter
