"""Indices and sums (issue 10): how they are read, and links judged by instances of every size and every
relation of the indices. Each claim is tested both ways: a correct link valid, a slipped one invalid."""

import pytest
from sympy import Derivative, Indexed, Sum, Symbol

from derive.checker import INVALID, UNDECIDED, VALID, check
from derive.errors import ParseError
from derive.exprs import ALL_TERMS
from derive.instances import by_instances, free_indices
from derive.parse import parse
from derive.verify import compare


def latex(text):
    return parse(text, reader="latex")


def verdicts(text):
    return [k.verdict for k in check(text).links]


# --- reading -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [r"\sum_k e^{z_k}", r"\sum_{k} e^{z_k}", r"\sum\limits_{k} e^{z_k}",
                                  r"\displaystyle\sum_k e^{z_k}"])
def test_a_sum_without_bounds_runs_over_every_index(text):
    got = latex(text)
    assert got.limits == ((Symbol("k", real=True), 1, ALL_TERMS),)
    assert isinstance(got.function.args[0], Indexed)  # e^{z_k}: the k-th term, not one symbol


def test_a_sum_that_skips_an_index_is_the_whole_sum_less_that_term():
    got = latex(r"\sum_{k \neq j} y_k")
    y_j = Symbol("y_j", real=True)
    assert got.has(y_j) and compare(got, latex(r"\sum_k y_k") - y_j)[0] is True


def test_a_term_with_two_indices_keeps_the_free_one():
    got = latex(r"\sum_j w_{ij} x_j")
    term = next(a for a in got.function.args if str(a.base) == "w")
    assert [str(i) for i in term.indices] == ["i", "j"]


@pytest.mark.parametrize("text, name", [(r"x^{(i)}", "x_i"), (r"y^{(i)}", "y_i"), (r"x_j^{(i)}", "x_ji")])
def test_a_parenthesised_superscript_is_a_sample_not_a_power(text, name):
    assert latex(text) == Symbol(name, real=True)


@pytest.mark.parametrize("text, name", [(r"x^{(2)}", "x2"), (r"w_j^{(0)}", "w0_j"), (r"w^{(2)}_j", "w2_j"),
                                        (r"w^{(1)}_{jk}", "w1_jk")])
def test_a_numbered_sample_or_layer_is_a_name(text, name):
    assert latex(text) == Symbol(name, real=True)  # never x², never w_j⁰


def test_a_layer_s_weights_are_a_family_a_sum_runs_over():
    """Σ_j w^{(2)}_j h_j: the j-th weight of layer 2 in each term (a name w_j2 would be one weight in all)."""
    got = latex(r"\sum_{j=1}^{H} w^{(2)}_j h_j")
    assert {str(t.base) for t in got.function.atoms(Indexed)} == {"w2", "h"}


def test_a_numbered_superscript_on_a_quantity_the_text_defines_is_refused():
    with pytest.raises(ParseError, match="sample"):  # y = x³: y^{(2)} may be y''
        parse(r"y^{(2)}", reader="latex", quantities=frozenset({"y"}))


@pytest.mark.parametrize("text, order", [(r"f^{(2)}(x)", 2), (r"g^{(3)}(x)", 3)])
def test_a_numbered_superscript_on_a_function_is_its_derivative(text, order):
    got = latex(text)  # never f(x)², the reading before
    assert isinstance(got, Derivative) and got.derivative_count == order


@pytest.mark.parametrize("text", [r"\theta^{(t+1)}", r"\hat\beta_\lambda^{(-i)}", r"b_3^{(-4)} x_4", r"x^{(n-1)}",
                                  r"W^{[l]}a^{[l-1]}"])
def test_a_superscript_in_brackets_is_a_label_never_a_power(text):
    """θ^{(t+1)} is the next iterate, β^{(-i)} the fit without sample i: read as powers they made a gradient
    step's first link and a leave-one-out residual wrong, and certified x^{(n-1)} = x^{n-1}."""
    with pytest.raises(ParseError, match="superscript in brackets"):
        latex(text)


@pytest.mark.parametrize("text, name", [(r"a^{[1]}", "a1"), (r"W^{[2]}", "W2"), (r"z^{[l]}", "z_l"),
                                        (r"a^{[2]}_j", "a2_j")])
def test_a_layer_in_brackets_is_a_name_never_a_power(text, name):
    """a^{[1]}, W^{[2]}: the deep-learning courses' layers (they were read as a¹ and W²)."""
    got = latex(text)
    assert got.is_Symbol and got.name == name


@pytest.mark.parametrize("right, verdict", [(r"a^{[2]} - y", VALID), (r"a^{[1]} - y", INVALID)])
def test_a_backward_pass_in_layer_notation_is_checked(right, verdict):
    text = (r"With $a^{[2]} = \sigma(z^{[2]})$ and $L = -y\log a^{[2]} - (1 - y)\log(1 - a^{[2]})$,"
            rf"$$\frac{{\partial L}}{{\partial z^{{[2]}}}} = {right}$$")
    assert verdicts(text) == [verdict]


LAYERS = r"""One unit per layer: $z^{[1]} = w^{[1]}x + b^{[1]}$, $a^{[1]} = \sigma(z^{[1]})$, $z^{[2]} = w^{[2]}a^{[1]} + b^{[2]}$,
$a^{[2]} = \sigma(z^{[2]})$ and $L = -y\log a^{[2]} - (1 - y)\log(1 - a^{[2]})$.

$$\frac{\partial L}{\partial z^{[2]}} = -\frac{y}{a^{[2]}}a^{[2]}(1 - a^{[2]}) + \frac{1 - y}{1 - a^{[2]}}a^{[2]}(1 - a^{[2]}) = a^{[2]} - y$$

$$\frac{\partial L}{\partial w^{[2]}} = \frac{\partial L}{\partial z^{[2]}}\frac{\partial z^{[2]}}{\partial w^{[2]}} = (a^{[2]} - y)a^{[1]}$$

$$\frac{\partial L}{\partial z^{[1]}} = (a^{[2]} - y)w^{[2]}\sigma'(z^{[1]}) = (a^{[2]} - y)w^{[2]}a^{[1]}(1 - a^{[1]})$$

$$\frac{\partial L}{\partial b^{[1]}} = (a^{[2]} - y)w^{[2]}a^{[1]}(1 - a^{[2]})$$
"""


@pytest.mark.parametrize("chain", [r"dW^{[2]} = dz^{[2]}a^{[1]}", r"dw_1 = x_1\,dz"])
def test_the_courses_d_shorthand_is_no_differential_derive_judges(chain):
    """dW^{[2]} is ∂L/∂W^{[2]} in the courses' shorthand: read as d·W², the d's cancelled and the link was
    judged wrong; as differentials, dw_1 = x_1 dz is wrong where the shorthand is right. Undecided."""
    text = rf"With $z = w_1x_1 + b$ and $z^{{[2]}} = W^{{[2]}}a^{{[1]}}$: $${chain}$$"
    assert verdicts(text) == [UNDECIDED]


@pytest.mark.parametrize("text", [r"\delta^L_j", r"a^L_j - y_j", r"w^l_{jk}", r"\delta^\ell_j", r"x^\alpha_j"])
def test_a_letter_superscript_before_a_subscript_is_refused(text):
    """δ^L_j: TeX sets j under δ, but it was read δ to the power L_j; layer L's δ_j (the books on neural
    networks) or a power of δ_j, derive does not guess."""
    with pytest.raises(ParseError, match="does not guess"):
        latex(text)


def test_a_power_of_a_subscripted_name_is_still_a_power():
    """x_j^L is a power; e^x_1 too, as e^{x_1} (e takes no subscript: the author's braces are missing, and
    TeX's e_1^x would mean nothing)."""
    assert latex(r"x_j^L").is_Pow and latex(r"e^x_1") == latex(r"e^{x_1}")


def test_a_layer_on_a_function_is_refused_never_an_order_or_a_power():
    """g^{[2]}(z): layer 2's activation (it was read g'' after brackets were labels, then g(z)²)."""
    with pytest.raises(ParseError, match="layer"):
        latex(r"g^{[2]}(z^{[2]})")
    assert latex(r"f^{(2)}(x)").derivative_count == 2


def test_a_two_layer_backward_pass_in_layer_notation_finds_its_one_slip():
    """Every line of the course's notation read (the old reading, z^{[2]} as z², left five links unread and
    called a correct one wrong); the last line's 1 − a^{[2]} for 1 − a^{[1]} is the slip."""
    assert verdicts(LAYERS) == [VALID] * 6 + [INVALID]


@pytest.mark.parametrize("text", [r"x^{(x-1)(x+1)}", r"e^{(-x)}", r"2^{(n-1)}"])
def test_a_power_that_is_no_single_bracket_or_of_no_letter_is_still_a_power(text):
    assert latex(text).is_Pow or latex(text).func.__name__ == "exp"


def test_a_chain_with_an_iterate_in_parentheses_decides_nothing_about_it():
    text = r"$$\theta^{(t+1)} = \theta^{(t)} - 2\eta\theta^{(t)} = (1 - 2\eta)\theta^{(t)}$$"
    assert verdicts(text) == [UNDECIDED, VALID]  # (the first was invalid: θ^(t + 1) ≠ θ_t − 2ηθ_t)


def test_a_symbolic_order_of_a_function_is_refused():
    with pytest.raises(ParseError, match="order"):
        latex(r"f^{(n)}(x)")


@pytest.mark.parametrize("text, variable", [(r"\frac{\partial \ell^{(i)}}{\partial z^{(i)}}", "z_i"),
                                            (r"\frac{\partial J}{\partial z^{(n)}_j}", "z_jn"),
                                            (r"\frac{\partial J}{\partial z_j^{(n)}}", "z_jn")])
def test_a_sample_is_a_variable_to_differentiate_by(text, variable):
    got = latex(text)
    assert isinstance(got, Derivative) and got.variables == (Symbol(variable, real=True),)



def test_a_sample_differentiated_by_itself_is_one():
    """The differential's reading is the expression reader's: the same symbol, so ∂z^{(n)}_j/∂z^{(n)}_j = 1."""
    assert latex(r"\frac{\partial z^{(n)}_j}{\partial z^{(n)}_j}").doit() == 1
    assert latex(r"\frac{\partial z^{(n)}_j}{\partial z^{(n)}_k}").doit() == 0


def test_a_sample_beside_a_transposed_vector_has_the_entries_its_subscript_names():
    """𝐰ᵀx^{(i)} (x^{(i)} not bold) is Σ_k w_k x^{(i)}_k, the x^{(i)}_j written elsewhere in the text."""
    assert compare(latex(r"\mathbf{w}^\top x^{(i)}"), latex(r"\sum_k w_k x^{(i)}_k"))[0] is True
    assert compare(latex(r"\mathbf{w}^\top x^{(i)}"), latex(r"\sum_k w_k x_{ik}"))[0] is not True


@pytest.mark.parametrize("text", [r"\mathbb{1}[i = j]", r"\mathbb{1}_{i=j}"])
def test_the_indicator_of_equal_indices_is_the_kronecker_delta(text):
    assert latex(text) == Symbol("delta_ij", real=True)


@pytest.mark.parametrize("text, name", [(r"h_\theta(x)", "h_theta"), (r"f_X(x)", "f_X"), (r"\ell(w, b)", "ell"),
                                        (r"\ell_2(\mu)", "ell_2"), (r"L(\mu, \sigma; x)", "L")])
def test_subscripted_and_greek_function_names_are_calls(text, name):
    got = latex(text)
    assert type(got).__name__ == name  # never h(x)/log θ (a log base) or ℓ·μ


def test_a_subscripted_name_before_a_bracket_still_multiplies():
    got = latex(r"x_1(x_2 + 1)")
    assert got.is_Mul and compare(got, Symbol("x_1", real=True) * (Symbol("x_2", real=True) + 1))[0] is True


def test_a_subscript_after_a_function_other_than_log_is_refused():
    with pytest.raises(ParseError, match="base of"):
        latex(r"\sin_2 x")


# --- judging by instances ------------------------------------------------------------------------------

def test_free_indices_are_only_those_something_shows_to_be_indices():
    assert free_indices(latex("x_t + 1"), latex("1 + x_t")) == []
    assert free_indices(latex(r"\delta_{ij} z_i"), latex("0")) == ["i", "j"]
    assert free_indices(latex(r"\sum_k e^{z_k} + z_j"), latex("0")) == ["j"]


@pytest.mark.parametrize("left, right, holds", [
    (r"\frac{\partial e^{z_i}}{\partial z_j}", r"\delta_{ij} e^{z_i}", True),
    (r"\frac{\partial e^{z_i}}{\partial z_j}", "0", False),  # false when i = j
    (r"\frac{\partial z_i^2}{\partial z_j}", r"2 z_i \delta_{ij}", True),
    (r"\frac{\partial}{\partial z_j} \sum_k e^{z_k}", "e^{z_j}", True),
    (r"\frac{\partial}{\partial z_j} \sum_k e^{z_k}", r"\sum_k e^{z_k}", False),
    (r"\sum_k \delta_{kj} y_k", "y_j", True),
    (r"\sum_k \delta_{kj} y_k", "y_k", False),
    (r"\sum_{i=1}^{n} (x_i - \mu)", r"\sum_{i=1}^{n} x_i - n\mu", True),
    (r"\sum_{i=1}^{n} (x_i - \mu)", r"\sum_{i=1}^{n} x_i - \mu", False),
])
def test_links_with_indices_hold_or_fail_in_some_instance(left, right, holds):
    verdict, method = by_instances(latex(left), latex(right), compare)
    assert verdict is holds and method.startswith("instances")


TWO_COUNTS = r"\sum_{j=1}^{H} \sum_{k=1}^{D} v_j x_k"


@pytest.mark.parametrize("right, holds, checked", [
    (r"\left(\sum_{j=1}^{H} v_j\right)\left(\sum_{k=1}^{D} x_k\right)", True, "D = 1…3; H = 1…3"),
    (r"\left(\sum_{j=1}^{H} v_j\right)\left(\sum_{k=1}^{D} x_j\right)", False, "fails at D = 2, H = 1, j = 1"),
    # v_4 written beside the sums: two sizes that reach it (only 4 × 4 before)
    (r"v_4 \sum_{k=1}^{D} x_k + \left(\sum_{j=1}^{H} v_j - v_4\right)\left(\sum_{k=1}^{D} x_k\right)", True,
     "D = 4…5; H = 4…5"),
    (r"v_4 \sum_{k=1}^{D} x_k + \left(\sum_{j=1}^{H} v_j - v_3\right)\left(\sum_{k=1}^{D} x_k\right)", False,
     "fails at D = 4, H = 4"),
    # v_3, the largest of the three sizes: 3 × 3 alone holds for this false link; 3 and 4 each show it
    (r"v_3 \sum_{k=1}^{D} x_k + \left(\sum_{j=1}^{H} v_j - v_3\right)\left(\sum_{k=1}^{D} x_k\right)", True,
     "D = 3…4; H = 3…4"),
    (TWO_COUNTS + r" + H v_3 - 3 v_3", False, "fails at D = 3, H = 4"),
])
def test_sums_over_two_counts_are_written_out_at_three_sizes_each(right, holds, checked):
    """A slip in which index a term carries shows at two or three terms; a layer's gradient written out
    at 4 × 4 cost more than all the smaller instances together (two counts: 9 instances, not 16)."""
    verdict, method = by_instances(latex(TWO_COUNTS), latex(right), compare)
    assert verdict is holds and method == f"instances ({checked})"


def test_a_failing_instance_is_named():
    verdict, method = compare(latex(r"\frac{\partial e^{z_i}}{\partial z_j}"), latex("0"))
    assert verdict is False and "i = 1, j = 1" in method


SOFTMAX = r"""Let $s_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$. Then
$$
\begin{aligned}
\frac{\partial s_i}{\partial z_j}
&= \frac{\delta_{ij} e^{z_i} \sum_k e^{z_k} - e^{z_i} e^{z_j}}{\left(\sum_k e^{z_k}\right)^2} \\
&= \delta_{ij} s_i - s_i s_j \\
&= s_i (\delta_{ij} - s_j)
\end{aligned}
$$
"""


def test_the_softmax_jacobian_in_one_chain_is_valid():
    assert verdicts(SOFTMAX) == [VALID, VALID, VALID]


@pytest.mark.parametrize("slip, wrong", [(r"s_i (\delta_{ij} - s_j)", r"s_i (\delta_{ii} - s_j)"),
                                         (r"s_i (\delta_{ij} - s_j)", r"s_j (\delta_{ij} - s_j)"),
                                         (r"\delta_{ij} s_i - s_i s_j", r"\delta_{ij} s_i + s_i s_j")])
def test_a_slip_in_the_softmax_jacobian_is_found(slip, wrong):
    report = check(SOFTMAX.replace(slip, wrong))
    assert INVALID in [k.verdict for k in report.links]


def test_an_indexed_definition_serves_every_index_and_every_term_of_a_sum():
    text = SOFTMAX + r"""$$ \sum_i \frac{\partial s_i}{\partial z_j} = s_j - s_j \sum_i s_i = 0 $$"""
    assert verdicts(text)[-2:] == [VALID, VALID]


def test_a_case_the_text_states_is_used_and_named():
    text = r"""Let $s_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$. Off the diagonal, $j \neq i$:
$$ \frac{\partial s_i}{\partial z_j} = -s_i s_j $$"""
    [link] = check(text).links
    assert link.verdict == VALID and "j ≠ i" in link.rule.replace("i ≠ j", "j ≠ i")
    assert verdicts(text.replace(r"j \neq i", "any i and j")) == [INVALID]  # false on the diagonal
    assert verdicts(text.replace("= -s_i s_j", "= s_i s_j")) == [INVALID]  # wrong off it too


def test_a_case_never_applies_to_a_link_with_the_kronecker_delta():
    text = r"""Let $s_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$. Off the diagonal, $j \neq i$.
$$ \frac{\partial s_i}{\partial z_j} = s_i (\delta_{ii} - s_j) $$"""
    assert verdicts(text) == [INVALID]  # δ_ij speaks of every i and j


CROSS_ENTROPY = r"""Let $s_k = \frac{e^{z_k}}{\sum_m e^{z_m}}$ and $L = -\sum_k y_k \log s_k$. The labels sum to one:
$$ \sum_k y_k = 1 $$
$$ \frac{\partial L}{\partial z_j} = -y_j + s_j \sum_k y_k = s_j - y_j $$"""


def test_a_stated_equation_is_a_condition_and_is_used_where_needed():
    report = check(CROSS_ENTROPY)
    condition, first, second = report.chains[0].links[0], *report.chains[1].links
    assert condition.verdict == "definition" and "condition" in condition.rule
    assert first.verdict == VALID and second.verdict == VALID and "y_k = 1" in second.rule


def test_without_the_condition_the_link_is_unfounded_not_wrong():
    [_, link] = check(CROSS_ENTROPY.replace("$$ \\sum_k y_k = 1 $$", "")).links
    assert link.verdict == UNDECIDED and "Σ_k y_k = 1" in link.reason


def test_only_a_letter_the_link_sums_is_tried_as_normalised(monkeypatch):
    """Σ_k t_k = 1 is tried for each letter the link sums, over the count it sums it to, and for no
    other count: x_i, summed to n, cannot enter through a sum to K, and each try writes out every
    instance again."""
    import derive.checker.stated as stated

    tried = set()
    by_instances = stated.by_instances

    def counted(a, b, compare, conditions=(), *rest):
        for total in conditions[0].atoms(Sum):
            tried.add((str(total.function.base), str(total.limits[0][2])))
        return by_instances(a, b, compare, conditions, *rest)

    monkeypatch.setattr(stated, "by_instances", counted)
    a, b = (parse(side, reader="latex") for side in (r"-y_j + s_j \sum_{k=1}^{K} y_k s_k + \sum_{i=1}^{n} x_i",
                                                       r"s_j s_j - y_j + \sum_{i=1}^{n} x_i"))
    assert stated.holds_if_normalised(a, b) is None
    assert tried == {("s", "K"), ("x", "n"), ("y", "K")}


def test_a_condition_does_not_excuse_a_slip():
    assert INVALID in verdicts(CROSS_ENTROPY.replace("= s_j - y_j", "= s_j + y_j"))


def test_a_claim_about_a_sum_against_a_constant_is_still_checked():
    """e^{z_i}/Σ e^{z_k} = 1 is no condition (the side is no plain sum): false for two terms."""
    [link] = check(r"$$ \frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}} = 1 $$").links
    assert link.verdict == INVALID


def test_an_unknown_term_of_a_sum_has_an_unknown_derivative():
    """∂ℓ_i/∂w of a loss ℓ_i the text never defined: undecided, never 0 (which made a false alarm)."""
    [link] = check(r"$$ \sum_{i=1}^{n} \frac{\partial \ell_i}{\partial w} = \sum_{i=1}^{n} x_i $$").links
    assert link.verdict == UNDECIDED


def test_samples_in_andrew_ng_notation():
    text = r"""Let $h_\theta(x) = \theta x$, a model with a parameter.

$$ \frac{\partial}{\partial \theta} \frac{1}{2m} \sum_{i=1}^{m} \left(h_\theta(x^{(i)}) - y^{(i)}\right)^2
   = \frac{1}{m} \sum_{i=1}^{m} \left(h_\theta(x^{(i)}) - y^{(i)}\right) x^{(i)} $$"""
    assert verdicts(text) == [VALID]
    assert verdicts(text.replace(r"\frac{1}{m} \sum", r"\frac{1}{2m} \sum")) == [INVALID]


def test_an_unknown_subscripted_function_varies_with_its_subscript():
    """d/dθ of an undefined h_θ(x) is unknown, never 0 (which would pass 0 = 0 and fail a right step)."""
    [link] = check(r"$$ \frac{\partial}{\partial \theta} h_\theta(x) = 0 $$").links
    assert link.verdict == UNDECIDED


GAUSS = r"""The log-likelihood of one draw is
$$ \ell(\mu, \sigma) = -\log \sigma - \frac{(x - \mu)^2}{2\sigma^2} $$

$$ \frac{\partial \ell}{\partial \mu} = \frac{x - \mu}{\sigma^2}, \qquad
   \frac{\partial}{\partial \sigma} \ell(\mu, \sigma) = -\frac{1}{\sigma} + \frac{(x - \mu)^2}{\sigma^3} $$"""


def test_a_quantity_of_several_variables_serves_its_name_and_its_calls():
    assert [k.verdict for k in check(GAUSS).links][-2:] == [VALID, VALID]
    assert INVALID in [k.verdict for k in check(GAUSS.replace(r"{\sigma^3}", r"{\sigma^2}")).links]


def test_a_decorated_name_before_a_bracket_multiplies_as_its_letter_does():
    got = latex(r"\hat{y}(1 - \hat{y})")
    y = Symbol("yhat", real=True)
    assert compare(got, y * (1 - y))[0] is True
    with pytest.raises(ParseError, match="decorated function"):
        latex(r"\hat{f}(x)")  # f̂(x) is an estimated function: refused, never f̂·x


def test_primes_after_a_subscript_still_make_a_call():
    got = latex(r"f_1'(x)")
    assert got.is_Derivative and type(got.expr).__name__ == "f_1"


# --- rules found on the second ML corpus -----------------------------------------------------------------

def test_the_differential_of_a_substitution_is_checked():
    [link] = check(r"Let $u = 1 + x^2$. $$ \mathrm{d}u = 2x \, \mathrm{d}x $$").links
    assert link.verdict == VALID and link.rule == "the differential of a substitution"
    report = check(r"Let $u = 1 + x^2$. $$ du = 3x\,dx $$ $$ x \, dx = \tfrac{1}{2} du $$")
    assert [k.verdict for k in report.links] == [INVALID, VALID]
    assert "d/dx of 1 + x^2 is 2·x" in report.chains[0].evidence[0]


def test_differentials_of_names_the_text_never_related_are_undecided():
    [link] = check(r"$$ \mathrm{d}u = 2x \, \mathrm{d}x $$").links
    assert link.verdict == UNDECIDED and "differentials" in link.reason


def test_an_expectation_stated_for_every_term_is_used():
    text = r"""Using $\mathbb{E}[x_i] = \lambda$,
$$ \frac{1}{\lambda^2} \sum_{i=1}^{n} \mathbb{E}[x_i] = \frac{n}{\lambda} $$"""
    [link] = check(text).links
    assert link.verdict == VALID and "lambda" in link.rule
    assert verdicts(text.replace(r"= \frac{n}{\lambda}", r"= \frac{n}{\lambda^2}")) == [INVALID]


def test_the_square_of_an_estimate_defines_the_estimate():
    text = r"""$$ \hat{\sigma}^2 = \frac{1}{n} \sum_{i=1}^{n} (x_i - \mu)^2 $$
$$ \frac{n}{\hat{\sigma}^2} - \frac{3}{\hat{\sigma}^4} \sum_{i=1}^{n} (x_i - \mu)^2 = -\frac{2n}{\hat{\sigma}^2} $$"""
    assert verdicts(text)[-1] == VALID
    assert verdicts(text.replace(r"-\frac{2n}", r"-\frac{3n}"))[-1] == INVALID


def test_a_mean_the_text_leaves_undefined_is_named_not_failed():
    [link] = check(r"$$ \frac{1}{n} \sum_{i=1}^{n} (y_i - \bar{y})^2 = \frac{1}{n} \sum_{i=1}^{n} y_i^2 - \bar{y}^2 $$").links
    assert link.verdict == UNDECIDED and "mean" in link.reason


def test_a_derivative_of_a_name_never_written_out_is_not_zero():
    [link] = check(r"$$ \frac{\partial \ln L}{\partial \mu} = 0 $$").links
    assert link.verdict != INVALID and link.verdict != VALID


def test_setting_a_derivative_to_zero_before_an_implication_is_a_condition():
    text = r"""Setting the derivative to zero,
$$ \frac{dJ}{dw} = 0 \;\Rightarrow\; w = 3 $$"""
    assert INVALID not in verdicts(r"Let $J = (w - 3)^2$." + "\n\n" + text)


def test_the_softmax_component_reads_as_its_formula():
    got = latex(r"\mathrm{softmax}(\mathbf{z})_j")
    assert compare(got, latex(r"\frac{e^{z_j}}{\sum_k e^{z_k}}"))[0] is True


def test_a_sum_of_a_formula_against_a_constant_is_a_claim_not_a_condition():
    [link] = check(r"$$ \sum_{k=1}^{n} \frac{1}{2^k} = 1 $$").links  # false: 1 − 2^{−n}
    assert link.verdict == INVALID


@pytest.mark.parametrize("text, variable", [(r"\partial_{\theta_j} J", "theta_j"), (r"\partial_w L", "w"),
                                            (r"\nabla_w L", "w")])
def test_a_derivative_written_with_its_variable_as_a_subscript(text, variable):
    got = latex(text)
    assert got.is_Derivative and got.variables == (Symbol(variable, real=True),)


def test_a_gradient_by_a_vector_is_read_for_its_entries():
    assert latex(r"\nabla_{\boldsymbol{\theta}} J") == Derivative(Symbol("J", real=True), Symbol("thetabold", real=True))


def test_a_subscript_derivative_is_checked_in_a_chain():
    text = r"""Let $J = \frac{1}{2}(y - \theta x)^2$.

$$ \partial_\theta J = -(y - \theta x) x $$"""
    assert verdicts(text)[-1] == VALID
    assert verdicts(text.replace("-(y", "(y"))[-1] == INVALID


# --- found in review -----------------------------------------------------------------------------------

def test_a_named_subscript_is_not_an_index():
    """μ_X = E[X] says nothing of μ_Y: never E[X] − E[X] = 0."""
    text = r"""Let $\mu_X = \mathbb{E}[X]$.

$$ \mu_X - \mu_Y = 0 $$"""
    assert verdicts(text) != [VALID]


def test_a_sum_inside_a_sum_over_the_same_letter():
    assert verdicts(r"$$ \sum_{i=1}^{n} \sum_{i=1}^{m} x_i = m \sum_{i=1}^{n} x_i $$") == [INVALID]
    assert verdicts(r"$$ \sum_{i=1}^{n} \sum_{i=1}^{m} x_i = n \sum_{i=1}^{m} x_i $$") == [VALID]


def test_a_case_reaches_only_the_display_after_it():
    text = r"""Let $s_i = \frac{e^{z_i}}{\sum_k e^{z_k}}$. For $j \neq i$ the entries are off the diagonal.
""" + "\nMore prose.\n" * 6 + r"""
Therefore, for every pair,

$$ \frac{\partial s_i}{\partial z_j} = -s_i s_j $$"""
    assert verdicts(text) == [INVALID]


def test_a_stated_sum_to_one_says_nothing_of_a_shorter_sum():
    text = r"""$$ \sum_{k=1}^{K} p_k = 1 $$

For $m < K$:

$$ 1 - \sum_{k=1}^{m} p_k = 0 $$"""
    assert verdicts(text)[-1] == INVALID


def test_an_evaluation_bracket_in_two_variables_is_refused_not_guessed():
    with pytest.raises(ParseError, match="several variables"):
        latex(r"\left[\frac{x y^2}{2}\right]_0^1")


def test_a_written_index_is_checked_only_where_it_exists():
    assert verdicts(r"$$ \sum_{i=1}^{n} x_i - x_3 = x_1 + x_2 + \sum_{i=4}^{n} x_i $$") == [VALID]
    assert verdicts(r"$$ \frac{\partial}{\partial z_2}\sum_k e^{z_k} = e^{z_2} $$") == [VALID]


def test_a_computation_between_sides_with_no_common_name_is_checked():
    """E[X̄] = 2μ relates moments to a parameter: wrong once the text says E[X_i] = μ, and until then
    undecided (for X_i of mean 2μ it holds)."""
    claim = r"$$ \mathbb{E}\left[\frac{1}{n}\sum_{i=1}^n X_i\right] = 2\mu $$"
    assert verdicts(r"Using $\mathbb{E}[X_i] = \mu$," + "\n" + claim) == [INVALID]
    [link] = check(claim).links
    assert link.verdict == UNDECIDED and "parameters" in link.reason
    assert verdicts(r"$$ \delta_{ij}\delta_{jk} = \delta_{ik} $$") == [INVALID]  # only summed over j


def test_a_call_at_numbers_is_a_claim_not_a_definition():
    text = r"""$$ \ell(\mu, \sigma) = \mu - \sigma^2 $$

$$ \ell(0, 1) = 5 $$"""
    assert verdicts(text) == [INVALID]


def test_an_unknown_function_of_a_vector_depends_on_its_components():
    [link] = check(r"$$ \partial_{\theta_j} f(\boldsymbol{\theta}) = 0 $$").links
    assert link.verdict == UNDECIDED  # never "0 = 0": f(θ) varies with θ_j


def test_a_sum_over_every_index_prints_as_papers_write_it():
    from derive.render.printer import latex as printed

    assert r"\sum_{k}" in printed(latex(r"\frac{e^{z_j}}{\sum_k e^{z_k}}")) and "all" not in printed(latex(r"\sum_k y_k"))


def test_a_numbered_delta_inside_a_sum_is_a_term_and_a_numbered_entry_stays_a_name():
    """δ_{k2} in Σ_k is the k-th term against class 2 (it was a constant: a false alarm on derive diff's
    own ∂/∂z_2 of Σ_k z_k²/2); A_{1k} stays the name the text's A_{11} is, so that a worked example's
    numbers reach it."""
    from derive.checker import check
    from derive.parse import parse

    links = check(r"\[ \frac{\partial}{\partial z_2} \frac{1}{2}\sum_{k=1}^{K} z_k^2 = \sum_{k=1}^{K} z_k \delta_{k2} = z_2 \]").links
    assert [k.verdict for k in links] == ["valid", "valid"]
    wrong = check(r"\[ \frac{\partial}{\partial z_2} \frac{1}{2}\sum_{k=1}^{K} z_k^2 = \sum_{k=1}^{K} z_k \delta_{k2} = z_1 \]").links
    assert [k.verdict for k in wrong] == ["valid", "invalid"]
    summed = parse(r"\sum_{k=1}^{2} A_{1k} w_k", "latex")
    assert "A_1k" in {str(s) for s in summed.free_symbols}


def test_a_moment_of_a_summed_term_is_not_compared_as_one_unknown():
    """Σ_i E[X_i] whose moment is already one number, E[X[i]], cannot be written term by term: every
    instance would compare that same unknown with the terms written out, and n = 1 would call
    Σ_i x_i = Σ_i E[X_i] wrong for a reason that is no counterexample. Undecided, and it says why."""
    from sympy import IndexedBase, Sum

    i, n = Symbol("i", integer=True), Symbol("n", integer=True)
    x = IndexedBase("x")
    for name in ("E[X[i]]", "E[X[i - 1]]", "E[(X[2*i])^2]", "E[X_i]"):
        verdict, method = by_instances(Sum(x[i], (i, 1, n)), Sum(Symbol(name, real=True), (i, 1, n)), compare)
        assert verdict is None and "moment of a term of a sum" in method, name
    # a moment of no term of the sum (E[sin X]: the i of sin is no index) is one number, as before
    assert by_instances(Sum(Symbol("E[sin(X)]"), (i, 1, n)), n * Symbol("E[sin(X)]"), compare)[0] is True
    # the same sum with its terms as a family is written out, and decided
    assert by_instances(Sum(x[i] + 1, (i, 1, n)), Sum(x[i], (i, 1, n)) + n, compare)[0] is True
