"""The "did you mean" of derive check: one edit that mends a slip, in the author's notation, and the
mend an author would make where several would do."""

import pytest

from derive.checker import check

SOFTMAX = r"Let $s_i = \frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}}$." + "\n"


def _only_chain(text: str):
    [chain] = [c for c in check(text).chains if c.links]
    return chain


@pytest.mark.parametrize("text, line, mend, slip", [
    # an index letter: δ_ii for δ_ij, shown with s_i and s_j, not the exponentials s_i stands for
    (SOFTMAX + r"""\begin{align}
\frac{\partial s_i}{\partial z_j} &= s_i \delta_{ij} - s_i s_j \\
&= s_i (\delta_{ii} - s_j) \\
&= s_i \delta_{ij} - s_i s_j
\end{align}""", 2, r"\delta_{ij} - s_{j}", r"\delta_{ii} - s_{j}"),
    # a numbered index, in a chain's last line (one neighbour to agree with)
    (r"""Let $z = w_1 x_1 + w_2 x_2$.
\begin{equation}
\frac{\partial z}{\partial w_1} = x_2
\end{equation}""", 1, "x_{1}", "x_{2}"),
    # an exponent: the mend that writes no minus sign the author did not write, though n(n+1)/(−2)
    # + (n+1)² agrees with both neighbours too
    (r"""\begin{align}
\sum_{k=1}^{n+1} k &= \sum_{k=1}^{n} k + (n + 1) \\
&= \frac{n(n+1)}{2} + (n + 1)^2 \\
&= \frac{(n+1)(n+2)}{2}
\end{align}""", 2, r"\frac{n (n + 1)}{2} + n + 1", r"(n + 1)^{2}"),
    # a factor 2 in a denominator: θ/m, not 1·m
    (r"""\begin{align}
\frac{d}{d\theta} \frac{1}{2m} \theta^2 &= \frac{1}{m} \theta \\
&= \frac{1}{2m} \theta \\
&= \frac{\theta}{m}
\end{align}""", 2, r"\frac{\theta}{m}", r"\frac{\theta}{2 m}"),
])
def test_one_edit_mends_the_line(text, line, mend, slip):
    chain = _only_chain(text)
    meant, said = chain.hints[line].removeprefix("did you mean $").split("$ where it says $")
    assert mend in meant and slip in said and slip not in meant, chain.hints[line]


def test_a_dropped_factor_of_the_whole_line():
    chain = _only_chain(r"""\begin{align}
\frac{\partial}{\partial w} \sigma(wx + b) &= \sigma(wx + b)\bigl(1 - \sigma(wx + b)\bigr)
\end{align}""")
    assert chain.wrong_links == [(0, 1)] and chain.hints[1] == "did you mean this line times $x$?"


def test_a_dropped_term_of_an_expanded_square():
    chain = _only_chain(r"""\begin{align}
\operatorname{Var}(X + Y) &= \mathbb{E}[(X + Y)^2] - (\mathbb{E}[X] + \mathbb{E}[Y])^2 \\
&= \mathbb{E}[X^2] + 2\mathbb{E}[XY] + \mathbb{E}[Y^2] - \mathbb{E}[X]^2 - 2\mathbb{E}[X]\mathbb{E}[Y] \\
&= \operatorname{Var}(X) + \operatorname{Var}(Y) + 2\operatorname{Cov}(X, Y)
\end{align}""")
    assert chain.suspects == [2]
    assert chain.hints[2] == r"did you mean this line with $-\mathbb{E}\left[Y\right]^{2}$ added?"


def test_two_slips_in_one_line_get_no_suggestion():
    chain = _only_chain(r"""\begin{align}
\frac{d}{dx} (x^3 + \sin x) &= 3x^2 + \cos x \\
&= 2x^2 - \cos x \\
&= 3x^2 + \cos x
\end{align}""")
    assert chain.suspects == [2] and not chain.hints


def test_a_correct_chain_gets_no_suggestion():
    chain = _only_chain(SOFTMAX + r"""\begin{align}
\frac{\partial s_i}{\partial z_j} &= s_i \delta_{ij} - s_i s_j \\
&= s_i (\delta_{ij} - s_j)
\end{align}""")
    assert not chain.suspects and not chain.wrong_links and not chain.hints


def test_a_search_that_outlasts_its_budget_gives_no_suggestion_and_keeps_the_verdicts(monkeypatch):
    """The search for a mend is made slow on purpose (0.3 s of CPU against 0.05 s): the suspect and
    its links stay, only the suggestion is dropped."""
    import time

    import derive.checker.links as links

    search = links.suggestion

    def slow(*args, **kwargs):
        started = time.process_time()
        while time.process_time() - started < 0.3:
            pass
        return search(*args, **kwargs)

    text = r"""\begin{align}
\frac{d}{dx} x^3 &= 3x^2 \\
&= -3x^2 \\
&= 3x^2
\end{align}"""
    monkeypatch.setattr(links, "suggestion", slow)
    monkeypatch.setattr(links, "HINT_SECONDS", 0.05)
    chain = _only_chain(text)
    assert chain.suspects == [2] and not chain.hints
    monkeypatch.setattr(links, "HINT_SECONDS", 3.0)
    assert "did you mean $3 x^{2}$" in _only_chain(text).hints[2]


# backprop through a softmax, the loss an unknown function of s: sample points have no value for
# L'(s_1), so the mends of such a line are confirmed by the exact fractions of each instance
BACKPROP = r"""For logits $z$ the softmax is $s_i = \frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}}$, and the loss reaches it
through $g_i = \frac{\partial L}{\partial s_i}$.
\begin{align}
\frac{\partial L}{\partial z_j} &= \sum_{i=1}^{K} g_i \frac{\partial s_i}{\partial z_j} \\
&= \sum_{i=1}^{K} g_i s_i (\delta_{ij} - s_j) \\
&= SLIP \\
&= s_j \Bigl(g_j - \sum_{i=1}^{K} g_i s_i\Bigr)
\end{align}"""


@pytest.mark.parametrize("slip, said, meant", [
    (r"g_j s_j - s_j \sum_{i=1}^{K} g_i s_j", r"g_{i} s_{j}", r"g_{i} s_{i}"),
    # two s_i in the line, one of them right: the part shown says which
    (r"\sum_{i=1}^{K} g_i s_i (\delta_{ij} - s_i)", r"-s_{i}", r"-s_{j}"),
])
def test_a_slip_beside_an_unknown_loss_is_mended(slip, said, meant):
    chain = _only_chain(BACKPROP.replace("SLIP", slip))
    assert chain.suspects == [3]
    assert chain.hints[3] == f"did you mean ${meant}$ where it says ${said}$?"


def test_a_mend_is_confirmed_at_sample_points_without_simplify(monkeypatch):
    """A focal loss's candidates, (1 − p)^γ with γ a symbol: the sample points are evidence enough for a
    hint, and simplify spent seconds proving each candidate (compare proves this pair by simplify)."""
    from sympy import log, symbols

    import derive.verify as verify

    p, gamma = symbols("p gamma", positive=True)
    a, b = gamma * (1 - p) ** (gamma - 1) * log(p), gamma * (1 - p) ** gamma * log(p) / (1 - p)
    assert verify.compare(a, b) == (True, "simplify")

    def refused(expr):
        raise AssertionError("simplify ran in a hint's confirmation")

    monkeypatch.setattr(verify, "_simplifies_to_zero", refused)
    assert verify.numerically_same(a, b)
    assert not verify.numerically_same(a, 2 * b)


def test_the_search_is_bounded_by_its_confirmations_not_the_clock(monkeypatch):
    """The backprop slip's mend is confirmed after some twenty candidates pass the cheap filter: with
    room for three, the search ends without it, on any machine; the verdicts stay."""
    import derive.suggest as suggest

    text = BACKPROP.replace("SLIP", r"\sum_{i=1}^{K} g_i s_i (\delta_{ij} - s_i)")
    monkeypatch.setattr(suggest, "MAX_CONFIRMED", 3)
    chain = _only_chain(text)
    assert chain.suspects == [3] and not chain.hints
    monkeypatch.setattr(suggest, "MAX_CONFIRMED", 64)
    assert chain.suspects == [3] and _only_chain(text).hints[3] == "did you mean $-s_{j}$ where it says $-s_{i}$?"


def test_the_search_is_bounded_by_the_nodes_it_looks_at(monkeypatch):
    """A long line (a likelihood or a layer written out) is looked at for fewer candidates than a short
    one: the search ends once its candidates hold MAX_WORK nodes together, on any machine, and the
    verdicts stay. The backprop line's mend comes within the default."""
    import derive.suggest as suggest

    text = BACKPROP.replace("SLIP", r"\sum_{i=1}^{K} g_i s_i (\delta_{ij} - s_i)")
    monkeypatch.setattr(suggest, "MAX_WORK", 40)
    chain = _only_chain(text)
    assert chain.suspects == [3] and not chain.hints
    monkeypatch.setattr(suggest, "MAX_WORK", 8000)
    assert _only_chain(text).hints[3] == "did you mean $-s_{j}$ where it says $-s_{i}$?"
