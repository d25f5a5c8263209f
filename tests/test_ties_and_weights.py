"""Two readings of mixture notes that were silently wrong: σ_1 = σ_2 said in passing ("with σ_1 = σ_2 the
squares cancel") made every later σ_1 a σ_2, so a slip between them passed; and π, the mixing weight, was
read as 3.14159… in every line. Each both ways: what the text states still decides, a slip is caught."""

import pytest

from derive.checker import DEFINITION, INVALID, UNDECIDED, VALID, check


def verdicts(text):
    return [k.verdict for k in check(text).links]


GRADIENT = r"""
$$\frac{\partial}{\partial \mu_1}\left(-\frac{(x - \mu_1)^2}{2\sigma_1^2}\right) = \frac{x - \mu_1}{SPREAD}$$
"""


@pytest.mark.parametrize("said", [
    r"With unequal variances the log-odds is quadratic; with $\sigma_1 = \sigma_2$ the squares cancel.",
    r"What happens if we start from $\sigma_1 = \sigma_2$?",
    r"When $\sigma_1 = \sigma_2$, the boundary is linear.",
])
def test_a_tie_the_text_supposes_is_no_definition(said):
    """σ_2 where σ_1 belongs is a slip, whatever case the prose supposed before it."""
    assert verdicts(said + GRADIENT.replace("SPREAD", r"\sigma_2^2")) == [INVALID]
    assert verdicts(said + GRADIENT.replace("SPREAD", r"\sigma_1^2")) == [VALID]


def test_a_tie_the_text_states_is_an_equation_links_may_use_and_say_so():
    said = r"Tie the variances, $\sigma_1 = \sigma_2$. Then"
    link, = check(said + r"""
$$-\frac{(x - \mu_1)^2}{2\sigma_1^2} + \frac{(x - \mu_2)^2}{2\sigma_2^2} = \frac{(x - \mu_2)^2 - (x - \mu_1)^2}{2\sigma_1^2}$$
""").links
    assert link.verdict == VALID and r"\sigma_1 = \sigma_2" in link.rule
    # the equation ties σ_1 to σ_2, nothing else: a lost square is still caught
    assert verdicts(said + r"""
$$-\frac{(x - \mu_1)^2}{2\sigma_1^2} + \frac{(x - \mu_2)^2}{2\sigma_2^2} = \frac{(x - \mu_2) - (x - \mu_1)^2}{2\sigma_1^2}$$
""") == [INVALID]


def test_a_common_value_named_for_a_family_is_each_members_value():
    said = r"Assume a shared variance, $\sigma_1 = \sigma_2 = \sigma$. Then"
    assert verdicts(said + GRADIENT.replace("SPREAD", r"\sigma^2")) == [VALID]
    assert verdicts(said + GRADIENT.replace("SPREAD", r"2\sigma^2")) == [INVALID]
    # supposed, it names nothing: σ is another letter
    assert verdicts(said.replace("Assume a shared variance,", "If")
                    + GRADIENT.replace("SPREAD", r"\sigma^2")) == [INVALID]


def test_an_examples_squared_spreads_give_its_spreads():
    """σ_1² = σ_2² = 1 at the start of an example: σ_1 = σ_2 = 1 (a spread's root), never σ_1 = |σ_2|."""
    text = r"""Start from $\mu_1 = -1$, $\sigma_1^2 = \sigma_2^2 = 1$. Then
$$\frac{(x - \mu_1)^2}{2\sigma_1^2} = \frac{(x + 1)^2}{2}$$
"""
    link, = check(text).links
    assert link.verdict == UNDECIDED and "holds at the example's" in link.reason and "sigma_1 = 1" in link.reason
    assert verdicts(text.replace(r"\frac{(x + 1)^2}{2}$$", r"\frac{(x - 1)^2}{2}$$")) == [INVALID]


MIXTURE = r"""The responsibility of component 1 is
$$r = \frac{\pi a}{\pi a + (1 - \pi) b}$$
and WEIGHT.
$$r(1 - r) = \frac{\pi(1 - \pi)ab}{(\pi a + (1 - \pi)b)^2}$$
"""


@pytest.mark.parametrize("weight", [
    r"the update is $\hat\pi = \frac{N_1}{n}$",
    r"we start from $\pi = \tfrac12$",
    r"the weight lies in $0 < \pi < 1$",
    r"setting $\frac{\partial Q}{\partial \pi} = 0$ gives the update",
])
def test_pi_as_a_weight_leaves_its_links_undecided(weight):
    """Where the text makes π a quantity, a link with π is not judged with π = 3.14159…"""
    judged = [k for k in check(MIXTURE.replace("WEIGHT", weight)).links if k.verdict != DEFINITION]
    assert judged and all(k.verdict == UNDECIDED and "π is a quantity" in k.reason for k in judged)


def test_pi_as_the_number_is_still_the_number():
    text = MIXTURE.replace("WEIGHT", r"we take $\pi \approx 3.14$")
    assert UNDECIDED not in verdicts(text) and VALID in verdicts(text)
    assert verdicts(r"$$\int_{-\infty}^{\infty} e^{-x^2/2}\,dx = \sqrt{2\pi}$$ and $\pi = 3.14159$") == [VALID]
