"""Readings that were confidently wrong on held-out notes (benchmarks/corpus_ml17): two products side by
side, p(k | 𝒟) after p(𝒟 | θ) = …, p_t said by cases of a label, a vector beside its entries, a norm of
points, functions left arbitrary, ψ named the digamma function. Each both ways: the correct link is
decided (or honestly left undecided, where it was called wrong), and a slip is still found."""

import pytest
from sympy import Product

from derive.checker import INVALID, UNDECIDED, VALID, check
from derive.parse import parse


def links(text):
    return check(text).links


def verdicts(text):
    return [k.verdict for k in links(text)]


POSTERIOR = r"""Counts $n_k$ of each category $k$.
$$ \prod_{k=1}^{K}\theta_k^{n_k}\prod_{k=1}^{K}\theta_k^{\alpha_k - 1} = \prod_{k=1}^{K}\theta_k^{\alpha_k + n_k - 1} $$
"""


def test_two_products_side_by_side_are_two_products():
    """∏_k θ_k^{n_k} ∏_k θ_k^{α_k−1}: the first product ends where the second begins (read over both, the
    second was raised to the K-th power and the posterior called wrong)."""
    assert verdicts(POSTERIOR) == [VALID]
    assert verdicts(POSTERIOR.replace(r"\alpha_k + n_k - 1}", r"\alpha_k + n_k}")) == [INVALID]


@pytest.mark.parametrize("written, products", [
    (r"\prod_i \prod_j a_{ij}", 1),  # a double product: nested
    (r"\prod_i a_i \prod_j b_{ij}", 1),  # the second uses i: inside the first
    (r"\prod_i a_i \prod_j b_j", 2),  # side by side
])
def test_a_product_ends_only_before_one_free_of_its_index(written, products):
    expr = parse(written, reader="latex")
    outer = [node for node in expr.atoms(Product) if not any(node in other.args[0].atoms(Product)
                                                                for other in expr.atoms(Product) if other != node)]
    assert len(outer) == products


LAW = r"""The likelihood in counts:
$$ p(\mathcal{D} \mid \theta) = \prod_{k=1}^{K}\theta_k^{n_k} $$
The predictive probability of category $k$:
$$ p(k \mid \mathcal{D}) = \frac{p(\mathcal{D}, k)}{p(\mathcal{D})} $$
At the estimate,
$$ p(\mathcal{D} \mid \hat\theta) = \prod_{k=1}^{K}\hat\theta_k^{n_k} $$
"""


def test_a_law_at_other_letters_is_another_law():
    """p(k | 𝒟) and p(𝒟, k) after p(𝒟 | θ) = …: the predictive and the joint, not the likelihood with θ
    made 𝒟 (nor p(𝒟) p times 𝒟), which called Bayes' rule wrong. The likelihood at θ̂ is still it."""
    predictive, at_estimate = links(LAW)
    assert predictive.verdict == UNDECIDED and "another law" in predictive.reason
    assert at_estimate.verdict == VALID
    slip = LAW.replace(r"\hat\theta_k^{n_k} $$", r"\hat\theta_k^{n_k + 1} $$")
    assert links(slip)[-1].verdict == INVALID


FOCAL = r"""For a label $y \in \{0, 1\}$ write $p = \sigma(s)$, and $p_t = p$ if $y = 1$ and
$p_t = 1 - p$ if $y = 0$.
$$ -(2y - 1)(1 - p_t) = p - y $$
"""


def test_a_name_said_by_cases_of_a_label_is_read_by_those_cases():
    """p_t = p if y = 1 and 1 − p if y = 0: read as its last case alone, −(2y − 1)(1 − p_t) = p − y was
    called wrong; by cases, with y ∈ {0, 1}, it holds in both."""
    (link,) = links(FOCAL)
    assert link.verdict == VALID and "y ∈ {0, 1}" in link.rule
    assert verdicts(FOCAL.replace("= p - y", "= p + y")) == [INVALID]
    # without the label's values said, the cases are not all there is: p_t is left unread, never wrong
    unsaid = FOCAL.replace(r"For a label $y \in \{0, 1\}$ write", "Write")
    assert verdicts(unsaid) == [UNDECIDED]


def test_a_name_said_to_be_one_thing_or_another_is_neither():
    """"α_t = α or 1 − α": α_t was read as α, and a link true only for y = 1 certified."""
    text = r"""Write $\alpha_t = \alpha$ or $1 - \alpha$ by the label.
$$ \alpha_t(1 - q) = \alpha(1 - q) $$
"""
    assert verdicts(text) == [UNDECIDED]
    assert verdicts(text.replace(r"$\alpha_t = \alpha$ or $1 - \alpha$ by the label", r"$\alpha_t = \alpha$")) == [VALID]


RESIDUAL = r"""Fix every coordinate but $\beta_j$ and write the partial residual
$$ r_j = y - \sum_{k \ne j} x_k\beta_k = y - X\beta + x_j\beta_j $$
"""


def test_a_letter_beside_its_own_entries_is_their_vector():
    """y − Σ_{k≠j} x_kβ_k = y − Xβ + x_jβ_j: β beside β_k is the vector of them (Xβ = Σ_k x_kβ_k), which
    read as a number of its own made the link wrong at one term."""
    (link,) = links(RESIDUAL)
    assert link.verdict == UNDECIDED and "beside its entries" in link.reason
    # written in the entries alone, a sign slip is still found
    slip = RESIDUAL.replace(r"y - X\beta + x_j\beta_j", r"y - \sum_{k} x_k\beta_k - x_j\beta_j")
    assert verdicts(slip) == [INVALID]


def test_a_norm_of_points_is_no_absolute_value():
    """‖x_1 − x_2‖ for points x_1 = (3, 1), x_2 = (1, −1) is their distance, 2√2; read |x_1 − x_2| of two
    numbers, the margin of an SVM was called wrong."""
    text = r"""Take $x_1 = (3, 1)$ and $x_2 = (1, -1)$. The margin is
$$ 2\sqrt{2} = \|x_1 - x_2\| $$
"""
    (link,) = links(text)
    assert link.verdict == UNDECIDED and "norm" in link.reason
    # with single bars the text writes a number's absolute value: a claim, checked as it stands
    assert verdicts(r"$$ |a - b| = 2\sqrt{2} $$") == [INVALID]


COUPLING = r"""Keep $z_1$ and move $z_2$ with a scale $s$ and a shift $t$ that may be arbitrary functions of
$z_1$: $y_2 = z_2e^{s(z_1)} + t(z_1)$.
$$ \frac{\partial y_2}{\partial z_1} = z_2\,s'(z_1)\,e^{s(z_1)} + t'(z_1) $$
"""


def test_functions_left_arbitrary_are_any_functions():
    """s and t "may be arbitrary functions of z_1": s(z_1) calls s (it was s times z_1), the link holds for
    every s and t, and one without t'(z_1) fails for some, so it is wrong."""
    (link,) = links(COUPLING)
    assert link.verdict == VALID
    (slip,) = links(COUPLING.replace(r" + t'(z_1) $$", " $$"))
    assert slip.verdict == INVALID and "arbitrary" in slip.method


DIGAMMA = r"""We write $\psi$ for the digamma function.
$$ \psi(a + 2) - \psi(a) = \frac{1}{a} + \frac{1}{a + 1} $$
"""


def test_psi_named_the_digamma_function_is_it():
    assert verdicts(DIGAMMA) == [VALID]
    assert verdicts(DIGAMMA.replace(r"\frac{1}{a + 1}", r"\frac{1}{a + 2}")) == [INVALID]
    # unnamed, ψ(…) is some function the text does not define: refused, as before
    assert verdicts(DIGAMMA.replace("We write $\\psi$ for the digamma function.", "")) == [UNDECIDED]


COORDINATE = r"""Hold every $w_k$ with $k \neq j$ fixed. Away from $w_j = 0$:
$$ a_j w_j + \lambda_2 w_j + \lambda_1\operatorname{sign}(w_j) = (a_j + \lambda_2)\Big(w_j + \frac{\lambda_1\operatorname{sign}(w_j)}{a_j + \lambda_2}\Big) $$
"""


def test_a_point_left_out_is_no_examples_value():
    """"Away from $w_j = 0$" leaves a point out: taken for an example's w_j = 0, it hid a dropped λ_2 w_j
    ("wrong in general, but holds at the example's w_j = 0")."""
    assert verdicts(COORDINATE)[-1] == VALID
    assert verdicts(COORDINATE.replace(r"a_j w_j + \lambda_2 w_j + ", "a_j w_j + "))[-1] == INVALID


MAXENT = r"""With $\beta$ as the multiplier of the mean constraint and $\nu$ for the first, setting the
derivative to zero and choosing $\nu$ so that the $p_i$ sum to one gives
$$ p_i = e^{\nu - 1}e^{\beta z_i} = \frac{e^{\beta z_i}}{\sum_j e^{\beta z_j}} $$
so that
$$ \sum_i p_i z_i = \frac{\sum_i z_i e^{\beta z_i}}{\sum_j e^{\beta z_j}} $$
"""


def test_a_form_the_text_fixes_a_multiplier_in_is_no_identity():
    """e^{ν−1}e^{βz_i} = softmax holds only at the ν the constraint fixes: undecided, and p_i is the form
    with fewest multipliers, so what follows from it is checked (it was e^{ν−1}e^{βz_i}, and wrong)."""
    fixed, mean = links(MAXENT)
    assert fixed.verdict == UNDECIDED and "multiplier nu" in fixed.reason
    assert mean.verdict == VALID
    assert verdicts(MAXENT.replace(r"\frac{\sum_i z_i e^{\beta z_i}}", r"\frac{\sum_i e^{\beta z_i}}"))[-1] == INVALID
