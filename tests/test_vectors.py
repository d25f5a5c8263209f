"""Vectors read entrywise (issue 10): dot products, norms, matrices beside vectors and gradients by a
vector are read as the sums over entries an author checks by hand, and a link between vectors is judged
at one entry. Each claim both ways: the correct link valid, a slipped one invalid."""

import pytest
from sympy import Indexed, Symbol

from derive.checker import INVALID, UNDECIDED, VALID, check
from derive.errors import ParseError
from derive.parse import parse
from derive.verify import compare


def latex(text):
    return parse(text, reader="latex")


def verdicts(text):
    return [k.verdict for k in check(text).links]


@pytest.mark.parametrize("text", [r"\mathbf{w}^{\top}\mathbf{x}", r"\mathbf{w}^T \mathbf{x}", r"w^\top x",
                                  r"\mathbf{w} \cdot \mathbf{x}", r"\mathbf{w}^{\mathsf{T}}\mathbf{x}",
                                  r"\boldsymbol{w}^\intercal \boldsymbol{x}"])
def test_a_dot_product_is_the_sum_over_entries(text):
    got = latex(text)
    assert compare(got, latex(r"\sum_k w_k x_k"))[0] is True
    assert compare(got, latex(r"\sum_k w_k x_k + w_1"))[0] is False


def test_a_sample_vector_has_the_entries_its_subscript_names():
    """𝐰ᵀ𝐱^{(i)} is Σ_k w_k x^{(i)}_k, and x^{(i)}_j is the x_j^{(i)} other authors write."""
    assert latex(r"x^{(i)}_j") == latex(r"x_j^{(i)}") == Symbol("x_ji", real=True)
    assert compare(latex(r"\sum_{i=1}^{n} \mathbf{w}^\top \mathbf{x}^{(i)}"),
                   latex(r"\sum_{i=1}^{n} \sum_k w_k x^{(i)}_k"))[0] is True


@pytest.mark.parametrize("text", [r"\lVert \mathbf{w} \rVert^2", r"\|\mathbf{w}\|^2", r"\|\mathbf{w}\|_2^2",
                                  r"\left\| \mathbf{w} \right\|^2"])
def test_the_squared_length_of_a_vector_is_the_sum_of_squares(text):
    assert compare(latex(text), latex(r"\sum_k w_k^2"))[0] is True


def test_the_length_of_a_number_is_its_absolute_value():
    """‖x_1‖ of an entry is |x_1|; ‖x‖ of a plain letter is a vector's length (see test_ml_notation)."""
    assert latex(r"\|x_1\|") == latex(r"|x_1|")


def test_a_norm_other_than_the_length_is_refused():
    with pytest.raises(ParseError, match="no other norm"):
        latex(r"\|\mathbf{w}\|_1")


def test_an_outer_product_is_refused_where_a_link_is_read_at_an_entry():
    [link] = check(r"$$ \nabla_{\mathbf{w}} J = \mathbf{s}\mathbf{s}^\top $$").links
    assert link.verdict == UNDECIDED and "several vectors" in link.reason


def test_capital_letters_side_by_side_stay_a_product():
    """E[XY] of two random variables is no matrix product: only a transpose or a bold capital makes one."""
    assert latex(r"XY") == Symbol("X", real=True) * Symbol("Y", real=True)


def test_a_function_of_a_vector_is_a_call():
    got = latex(r"J(\mathbf{w})")
    assert got.func.__name__ == "J" and got.args == (Symbol("wbold", real=True),)


RIDGE = r"""The ridge objective is
\begin{equation}
J(\mathbf{w}) = \frac{1}{2}\lVert X\mathbf{w} - \mathbf{y}\rVert^2 + \frac{\lambda}{2}\lVert\mathbf{w}\rVert^2 .
\end{equation}
Its gradient is
\begin{align}
\nabla_{\mathbf{w}} J &= X^\top (X\mathbf{w} - \mathbf{y}) + \lambda\mathbf{w} \\
&= (X^\top X + \lambda I)\mathbf{w} - X^\top\mathbf{y}.
\end{align}
"""


def test_a_gradient_by_a_vector_is_checked_at_one_entry():
    report = check(RIDGE)
    assert [k.verdict for k in report.links] == [VALID, VALID]
    assert "every j" in report.links[0].method


@pytest.mark.parametrize("slip, wrong", [
    (r"X^\top (X\mathbf{w} - \mathbf{y})", r"X (X\mathbf{w} - \mathbf{y})"),  # the transpose dropped
    (r"(X^\top X + \lambda I)", r"(X X^\top + \lambda I)"),  # the Gram matrix turned round
    (r"+ \lambda\mathbf{w} \\", r"+ 2\lambda\mathbf{w} \\"),  # a factor
])
def test_a_slip_in_a_vector_gradient_is_found(slip, wrong):
    assert INVALID in verdicts(RIDGE.replace(slip, wrong))


def test_a_vector_the_text_defines_is_written_out_entry_by_entry():
    text = r"""Let $\mathbf{r} = X\mathbf{w} - \mathbf{y}$ and $J(\mathbf{w}) = \frac{1}{2}\mathbf{r}^\top\mathbf{r}$.

$$ \nabla_{\mathbf{w}} J = X^\top \mathbf{r} $$

$$ \nabla_{\mathbf{w}} J = X \mathbf{r} $$"""
    assert verdicts(text) == [VALID, INVALID]


def test_a_matrix_on_one_side_only_is_undecided():
    """X whose rows are (1, x_i), said in words: the sum over the data and Xᵀ(Xθ − 𝐲) cannot be related."""
    text = r"""Let $J(\theta_0, \theta_1) = \frac{1}{2m} \sum_{i=1}^{m} (\theta_0 + \theta_1 x_i - y_i)^2$.

$$ \nabla_{\boldsymbol{\theta}} J = \frac{1}{m} X^{\top} ( X \boldsymbol{\theta} - \mathbf{y} ) $$"""
    [link] = check(text).links
    assert link.verdict == UNDECIDED and "matrix X" in link.reason


def test_a_per_example_loss_defined_in_words_is_not_a_constant():
    """J = (1/n) Σ ℓ_i with ℓ_i given in words: ∇J is unknown, never 0 (which would be a false alarm)."""
    text = r"""We write $J = \frac{1}{n} \sum_i \ell_i$.

$$ \nabla_{\mathbf{w}} J = \frac{1}{n} \sum_{i=1}^{n} (\hat{y}_i - y_i) \mathbf{x}^{(i)} $$"""
    [link] = check(text).links
    assert link.verdict == UNDECIDED


def test_logistic_regression_by_its_weight_vector():
    text = r"""With $z^{(i)} = \mathbf{w}^{\top}\mathbf{x}^{(i)} + b$ and $\sigma(t) = \frac{1}{1 + e^{-t}}$, let
$$ J(\mathbf{w}) = -\sum_{i=1}^{n} \left[ y^{(i)} \log \sigma(z^{(i)}) + (1 - y^{(i)}) \log (1 - \sigma(z^{(i)})) \right] $$
$$ \frac{\partial J}{\partial w_j} = \sum_{i=1}^{n} \left( \sigma(z^{(i)}) - y^{(i)} \right) x^{(i)}_j $$
$$ \nabla_{\mathbf{w}} J = \sum_{i=1}^{n} \left( \sigma(z^{(i)}) - y^{(i)} \right) \mathbf{x}^{(i)} $$
$$ \nabla_{\mathbf{w}} J = \sum_{i=1}^{n} \left( \sigma(z^{(i)}) + y^{(i)} \right) \mathbf{x}^{(i)} $$"""
    assert verdicts(text) == [VALID, VALID, INVALID]


def test_an_entry_of_a_sample_inside_a_sum_is_a_term_of_it():
    got = latex(r"\sum_{i=1}^{n} c_i \mathbf{x}^{(i)}")
    assert any(isinstance(t, Indexed) for t in got.atoms(Indexed))
