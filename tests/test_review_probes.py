"""Probes from a hostile review of the rules added for corpus_ml5/ml6 (issue 10): each input here was
judged valid while wrong, read as something it does not say, or crashed derive check. Now each is
caught, refused or left undecided, never certified."""

import pytest

from derive.checker import INVALID, UNDECIDED, VALID, check
from derive.errors import ParseError
from derive.parse import parse


def verdicts(text):
    return [k.verdict for k in check(text).links]


@pytest.mark.parametrize("display", [r"\max(x, 5) = 5", r"\max(0, x - 3) = 0", r"\min(x, 2) = x", r"|y - 2| = 2 - y",
                                     r"\begin{cases} 0, & x < 3 \\ 1, & x \ge 3 \end{cases} = 0"])
def test_a_kink_far_from_zero_is_still_sampled(display):
    assert verdicts(f"$$ {display} $$") == [INVALID]


def test_a_built_in_function_is_never_defined_by_the_text():
    text = r"When $a < b$, $$\max(a, b) = b$$ and $$\max(3, 1) = 1$$"
    assert verdicts(text)[-1] == INVALID  # never max redefined as its second argument


@pytest.mark.parametrize("word", ["and", "or"])
def test_words_joining_conditions_of_cases_are_refused_not_dropped(word):
    text = rf"$$\begin{{cases}} x & x > 0 \text{{ {word} }} y > 0 \\ 0 & \text{{otherwise}} \end{{cases}} = \max(x, 0)$$"
    assert verdicts(text) == [UNDECIDED]


def test_space_after_a_row_of_cases_is_no_part_of_the_next():
    assert verdicts(r"$$|x| = \begin{cases} x, & x \ge 0 \\[2pt] -x, & x < 0 \end{cases}$$") == [VALID]


def test_a_backward_pass_at_a_point_is_no_chain_rule():
    text = r"$$ z = w x $$ $$ \frac{\partial L}{\partial w} = x \frac{\partial L}{\partial z}\Big|_{w = 0} $$"
    assert verdicts(text)[-1] == UNDECIDED


def test_a_law_in_words_goes_to_the_sample_listed_not_to_a_count():
    text = r"""Let $K$ be the number of successes in $n$ independent trials, each Bernoulli($p$).
$$ \operatorname{Var}(K) = p(1 - p) $$"""
    assert verdicts(text) != [VALID]  # K is binomial: np(1 − p)


def test_an_exponential_of_a_parameter_not_called_a_rate_has_no_law():
    text = r"""Let $X \sim \mathrm{Exp}(\beta)$, where $\beta$ is the mean.
$$ \mathbb{E}[2X + 1] = 2/\beta + 1 $$"""
    assert verdicts(text) != [VALID]


def test_a_redefinition_said_as_such_counts():
    text = r"""$$u = x^2$$ $$v = u + 1$$ From here on let $v = 3u$ instead.
$$\frac{dv}{dx} = 2x$$"""
    assert verdicts(text)[-1] == INVALID


def test_a_region_said_for_one_display_is_not_the_next_one_s():
    text = r"""Suppose $x > 1$.
$$|x - 1| = x - 1$$
In general, for all real x,
$$|x - 1| = x - 1$$"""
    assert verdicts(text) == [VALID, INVALID]


def test_a_numbered_superscript_never_meets_a_subscript():
    assert parse(r"a^{(2)} - a_2", reader="latex") != 0


@pytest.mark.parametrize("text", [r"d/dx (x^2)", r"d(x^2)/dx", r"d|x|/dx"])
def test_a_one_line_derivative_operator_is_refused(text):
    with pytest.raises(ParseError, match="frac"):
        parse(text, reader="latex")


@pytest.mark.parametrize("display", [r"y = x^", r"y = x_", r"y = x^{(2)}_"])
def test_a_script_at_the_end_is_refused_not_a_crash(display):
    report = check(f"$$ {display} $$")
    assert any(c.errors for c in report.chains)


def test_a_scaled_sum_of_defined_terms_is_a_claim_not_a_condition():
    text = r"Let $p_k = e^{z_k}/\sum_{m=1}^{K} e^{z_m}$. $$2\sum_{k=1}^{K} p_k = 1$$"
    assert verdicts(text) == [INVALID]


def test_a_label_s_value_is_the_plain_label_s_not_the_base_of_its_terms():
    """y ∈ {−1, +1} and y_i ∈ {−1, +1}: the case y = −1 puts −1 for y, never for the y of y_i ((−1)_i)."""
    text = r"""Labels $y_i \in \{-1, +1\}$; for one example, $y \in \{-1, +1\}$, $m_i = y_i w x_i$.
$$ \sum_{i=1}^{n} \sigma(m_i)\,y_i^2\,x_i = \sum_{i=1}^{n} \sigma(m_i)\,x_i $$"""
    assert verdicts(text) == [VALID]
    assert verdicts(text.replace(r"\,y_i^2\,x_i =", r"\,y_i\,x_i =")) == [INVALID]


def test_an_evaluation_bar_on_a_defined_quantity_evaluates_its_definition():
    """θ̂|_{a = b = 1}: θ̂'s definition (in a and b) at a = b = 1, never θ̂ left as it was."""
    text = r"""$$ \hat\theta = \frac{k + a - 1}{n + a + b - 2} $$
$$ \left.\hat\theta\right|_{a = b = 1} = \frac{k}{n} $$"""
    assert verdicts(text) == [VALID]
    assert verdicts(text.replace(r"= \frac{k}{n} $$", r"= \frac{k}{n + 1} $$")) == [INVALID]


def test_an_evaluation_bar_on_a_member_of_a_defined_family_evaluates_its_definition():
    """p_1|_{τ = 0.5}, the family p_j = e^{s_j/τ}/Σ_k e^{s_k/τ} defined: τ is in p_1's definition, and the
    bar sets it (it was dropped: p_1 at the example's τ = 1, a correct slide called wrong)."""
    text = r"""$$ p_j = \frac{e^{s_j/\tau}}{\sum_{k=1}^{3} e^{s_k/\tau}} $$
Take $s = (2, 1, 0)$, $\tau = 1$. At half the temperature,
$$ p_1\big|_{\tau = 0.5} = \frac{e^{4}}{e^{4} + e^{2} + 1} $$"""
    assert verdicts(text)[-1] == VALID
    assert verdicts(text.replace(r"\frac{e^{4}}{e^{4} + e^{2} + 1}", r"\frac{e^{2}}{e^{2} + e + 1}"))[-1] == INVALID


def test_a_name_for_a_call_is_no_circle():
    text = r"""The prediction $\hat{f} = \hat{f}(x)$ depends on the data.
$$ \mathbb{E}[\hat{f} - \hat{f}] = 0 $$"""
    assert check(text).links  # read, not a RecursionError


def test_a_derivative_of_an_expectation_is_not_taken_as_zero():
    text = r"""For $K \sim \mathrm{Poisson}(\lambda)$,
$$ M(t) = \mathbb{E}\left[e^{tK}\right] $$
$$ \mathbb{E}[K] = M'(0) $$"""
    assert verdicts(text)[-1] != INVALID


def test_a_mixed_derivative_of_a_name_nobody_defined_is_unknown_not_zero():
    assert verdicts(r"$$ \frac{\partial^2 \ell}{\partial \mu\,\partial \sigma} = 3 $$") == [UNDECIDED]
    assert verdicts(r"$$ \frac{\partial^2 \ell}{\partial \mu\,\partial \sigma} = 0 $$") != [VALID]


@pytest.mark.parametrize("text, expected", [
    (r"\frac{\partial}{\partial \sigma^2}\log\sigma^2", r"\frac{1}{\sigma^2}"),
    (r"\frac{\partial}{\partial \sigma^2}\frac{s}{2\sigma^2}", r"-\frac{s}{2(\sigma^2)^2}"),
])
def test_a_derivative_by_the_variance_is_by_the_square(text, expected):
    from derive.verify import compare
    assert compare(parse(text, reader="latex"), parse(expected, reader="latex"))[0] is True


# --- misreadings found on a seventh fresh corpus (corpus_ml7), each once a false alarm -------------

def _every(text):
    return [k.verdict for c in check(text, "probe.tex").chains for k in c.links]


def test_a_capital_greek_function_and_a_variant_letter_are_calls():
    """Φ(x) = ∫ φ(t) dt defines Φ (it was Φ times x); \\varphi(x) calls the φ the text defined as \\varphi."""
    text = r"""Let $\varphi(x) = e^{-x^2/2}/\sqrt{2\pi}$ and $\Phi(x) = \int_{-\infty}^{x} \varphi(t)\,dt$.
$$ \Phi(x) = \frac{1}{2}\Bigl[ 1 + \operatorname{erf}\Bigl( \frac{x}{\sqrt{2}} \Bigr) \Bigr] $$
$$ \frac{d}{dx}\bigl(x\,\Phi(x)\bigr) = \Phi(x) + x\,\varphi(x) $$"""
    assert _every(text)[-1] == VALID and INVALID not in _every(text)
    assert _every(text.replace(r"\Phi(x) + x\,\varphi(x) $$", r"\Phi(x) + \varphi(x) $$"))[-1] == INVALID


def test_a_function_defined_later_is_called_before_its_definition():
    """g(x) = x tanh u(x), with u(x) = … only after it: u(x) is u's call, never u times x."""
    text = r"""$$ g(x) = x \tanh u(x) $$
where $u(x) = 2x$. Then
$$ g(x) = x \tanh(2x) $$"""
    verdicts = _every(text)
    assert INVALID not in verdicts


def test_a_function_defined_later_in_the_same_display_is_called_before_its_definition():
    """p_k = e^{λx_k}/Z(λ) and Z(λ) = Σ_j e^{λx_j}: two definitions in one display, Z(λ) used first
    (a held-out handout's maximum-entropy solution): Z(λ) is Z's call, never Z times λ."""
    text = r"""\[ p_k = \frac{e^{\lambda x_k}}{Z(\lambda)}, \qquad Z(\lambda) = \sum_{j=1}^{n} e^{\lambda x_j} \]
and then
\[ \sum_{k=1}^{n} x_k p_k = \frac{\sum_{k=1}^{n} x_k e^{\lambda x_k}}{Z(\lambda)} \]"""
    assert _every(text)[-1] == VALID
    assert _every(text.replace(r"x_k e^{\lambda x_k}}{Z", r"x_k^2 e^{\lambda x_k}}{Z"))[-1] == INVALID


def test_sigma_stated_positive_and_called_is_refused_not_guessed():
    """With σ > 0 said, 2σ(…) may be σ times the bracket or the sigmoid of it: refused, never read as
    the sigmoid (a false alarm on a Gaussian's σ) nor as a product (σ' = σ(1 − σ) would go wrong)."""
    text = r"""Let $\sigma > 0$.
$$ 2\sigma \Bigl( \frac{1}{\sigma} + \sigma \Bigr) = 2 + 2\sigma^2 $$"""
    link = [k for c in check(text, "s.tex").chains for k in c.links][0]
    assert link.verdict == UNDECIDED and "σ > 0" in link.reason
    assert _every(text.replace(r"2\sigma \Bigl(", r"2\sigma \cdot \Bigl(")) == [VALID]


def test_a_point_said_with_at_defines_nothing_and_write_renames():
    """"vanishes at $\\mu = \\bar{x}$" is a point, not μ := x̄; "write $y = y_1$" names y."""
    text = r"""Let $\bar{x} = \frac{1}{n}\sum_{i=1}^{n} x_i$. The score vanishes only at $\mu = \bar{x}$.
$$ \sum_{i=1}^{n} (x_i - \mu) = n(\bar{x} - \mu) $$"""
    assert _every(text)[-1] == VALID
    named = r"""Write $y = y_1$ and let $y_1 = 3$.
$$ y + 1 = 4 $$"""
    assert INVALID not in _every(named)


def test_a_delta_between_a_written_class_and_a_letter():
    """δ_1c + δ_2c = 1 holds for every true class c of two, and not for a third."""
    from derive.verify import compare

    assert compare(parse(r"\sum_{k=1}^{2}\delta_{kc}", reader="latex"), parse(r"\delta_{1c}+\delta_{2c}", reader="latex"))[0]
    assert compare(parse(r"\delta_{1c}", reader="latex"), parse(r"\delta_{2c}", reader="latex"))[0] is False
    assert compare(parse(r"\delta_{1c} + \delta_{2c}", reader="latex"), parse("1", reader="latex"))[0] is False


def test_an_example_moment_replaces_the_general_one():
    """E[X] = μ in general, then E[X] = 5/2 in an example: the latest holds (both at once decided it wrong)."""
    text = r"""Let $\mathbb{E}[X] = \mu$ in general. In the example, $\mathbb{E}[X] = \tfrac52$ and $\mathbb{E}[X^2] = \tfrac{15}{2}$.
$$ \operatorname{Var}(X) = \frac{15}{2} - \Bigl(\frac{5}{2}\Bigr)^2 = \frac{5}{4} $$"""
    assert INVALID not in _every(text)


def test_data_against_the_random_sample_is_no_verdict():
    """E[ℓ''] in the data x_i against Σ E[(X_i − μ)²]: which one E averages, the text says in words."""
    from derive.verify import compare

    got = compare(parse(r"\mathbb{E}\Bigl[\sum_{i=1}^{n} (x_i - \mu)^2\Bigr]", reader="latex"),
                  parse(r"\sum_{i=1}^{n} \mathbb{E}\bigl[(X_i - \mu)^2\bigr]", reader="latex"))
    assert got[0] is not False


def test_the_log_of_a_defined_density_under_an_expectation_is_written_out():
    """E_p[log p(X) − log q(X)] for two normal laws: a polynomial in X, so the moments decide it."""
    text = r"""Let $p = \mathcal{N}(\mu_1, \sigma_1^2)$ and $q = \mathcal{N}(\mu_2, \sigma_2^2)$ with $\sigma_1, \sigma_2 > 0$.
\begin{align}
D &= \mathbb{E}_p\bigl[ \log p(X) - \log q(X) \bigr] \\
  &= \mathbb{E}_p\Bigl[ \log\frac{\sigma_2}{\sigma_1} - \frac{(X - \mu_1)^2}{2\sigma_1^2} + \frac{(X - \mu_2)^2}{2\sigma_2^2} \Bigr]
\end{align}"""
    assert _every(text)[-1] == VALID
    assert _every(text.replace(r"+ \frac{(X - \mu_2)^2}", r"- \frac{(X - \mu_2)^2}"))[-1] == INVALID


def test_a_link_that_holds_at_the_examples_numbers():
    """∂L/∂z_2 = p_2 − y_2 with L = −log p_2 in an example that set 𝐲 = (0, 1, 0) just before: it holds at
    y_2 = 1 only, so no false alarm and no certificate; at y_2 = 1 a wrong p_2 − 2y_2 is still wrong."""
    text = r"""Let $p_k = e^{z_k}/\sum_{m} e^{z_m}$ and $K = 3$; the true class is $2$, i.e. $\mathbf{y} = (0, 1, 0)$.
\[ L = -\log p_2 \]
\[ \frac{\partial L}{\partial z_2} = p_2 - y_2 \]"""
    link = [k for c in check(text, "e.tex").chains for k in c.links][-1]
    assert link.verdict == UNDECIDED and "y_2 = 1" in link.reason  # (never valid: a general claim may be meant)
    assert _every(text.replace("= p_2 - y_2", "= p_2 - 2 y_2"))[-1] == INVALID


def test_a_derivative_of_a_function_the_text_does_not_write_out_is_no_zero():
    """∂/∂w of log Π P(y_i | x_i), P never written out: the model P leaves unwritten depends on w."""
    text = r"""$$ \ell(w) = \log \prod_{i=1}^{n} P(y_i \mid x_i) $$
$$ \frac{\partial \ell}{\partial w} = \sum_{i=1}^{n} (y_i - w x_i) x_i $$"""
    link = [k for c in check(text, "p.tex").chains for k in c.links][-1]
    assert link.verdict == UNDECIDED  # (it was 0 against the sum: invalid)


def test_a_function_of_a_vector_at_a_number_is_refused():
    """J(𝐰) = Σ_i (y_i − Σ_k x_ik w_k)², then J(ŵ) with one feature "written w for w_1" in words: not
    J times ŵ, and not each w_k made ŵ."""
    text = r"""$$ J(\mathbf{w}) = \sum_{i=1}^{n} \Bigl( y_i - \sum_{k=1}^{d} x_{ik} w_k \Bigr)^2 $$
With one feature write $w$ for $w_1$:
$$ J(\hat{w}) = \sum_{i=1}^{n} (y_i - \hat{w} x_i)^2 $$"""
    link = [k for c in check(text, "j.tex").chains for k in c.links][-1]
    assert link.verdict == UNDECIDED and "renames" in (link.reason or "")


def test_independence_said_later_does_not_judge_a_display_before_it():
    """"X and Y independent" after a display speaks of what follows it, not of that display: a dropped
    covariance term before it is never made valid by it."""
    slip = r"""$$ \operatorname{Var}(X + Y) = \operatorname{Var}(X) + \operatorname{Var}(Y) $$"""
    later = slip + "\nFrom here on, $X$ and $Y$ are independent.\n" + slip
    verdicts = _every(later)
    assert verdicts[0] != VALID and verdicts[1] == VALID


def test_the_log_of_a_density_whose_factors_have_no_known_sign():
    """p(x) = (σ₁√(2π))^{-1} e^{…}: σ₁'s sign is unknown to the factor, but p > 0 where log p is real, so
    log p = −log|σ₁√(2π)| − (x − μ₁)²/2σ₁², and the KL step is decided; a sign slip stays wrong."""
    text = r"""Let $\sigma_1, \sigma_2 > 0$, $p(x) = (\sigma_1\sqrt{2\pi})^{-1} \exp\bigl(-(x - \mu_1)^2 / (2\sigma_1^2)\bigr)$
and $q(x) = (\sigma_2\sqrt{2\pi})^{-1} \exp\bigl(-(x - \mu_2)^2 / (2\sigma_2^2)\bigr)$.
\begin{align}
D &= \mathbb{E}\bigl[ \log p(X) - \log q(X) \bigr] \\
  &= \mathbb{E}\Bigl[ \log\frac{\sigma_2}{\sigma_1} - \frac{(X - \mu_1)^2}{2\sigma_1^2} + \frac{(X - \mu_2)^2}{2\sigma_2^2} \Bigr]
\end{align}"""
    assert _every(text)[-1] == VALID
    assert _every(text.replace(r"+ \frac{(X - \mu_2)^2}", r"- \frac{(X - \mu_2)^2}"))[-1] == INVALID


def test_a_function_of_a_plain_letter_vector_at_an_expression_is_refused_not_misread():
    """LSE(z) = log Σ_j e^{z_j}, then LSE(z + c𝟏) and LSE(−βE): which plain letters are vectors the text says
    in words, and put in whole, −β took E's index and 𝟏 stayed a name (two false alarms in a held-out blog).
    Undecided, with why; at a plain letter the call is still written out."""
    text = r"""Let $\operatorname{LSE}(z) = \log\sum_{j=1}^{K} e^{z_j}$.
$$ \operatorname{LSE}(z + c\mathbf{1}) = \log\sum_{j=1}^{K} e^{z_j + c} $$
$$ \operatorname{LSE}(-\beta E) = \log\sum_{j=1}^{K} e^{-\beta E_j} $$
$$ \log\sum_{j=1}^{K} e^{x_j} = \operatorname{LSE}(x) $$"""
    links = [k for c in check(text, "probe.md").chains for k in c.links]
    assert [k.verdict for k in links[-3:]] == [UNDECIDED, UNDECIDED, VALID]
    assert "which letters are vectors" in links[-2].reason
