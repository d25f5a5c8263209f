"""A sum at number bounds and its terms written out are one thing: Σ_{j=1}^{3} e^{s_j} is e^{s_1} + e^{s_2}
+ e^{s_3}, d/ds_1 of it is e^{s_1}, and Σ_{i=1}^{3} ∂L/∂s_i is ∂L/∂s_1 + ∂L/∂s_2 + ∂L/∂s_3 (the sum's
terms x[j] and the text's x_1 had been two unknowns: a correct softmax written out was called wrong)."""

from derive.checker import INVALID, VALID, check


def verdicts(text):
    return [k.verdict for k in check(text).links]


def test_a_sum_at_number_bounds_is_its_terms():
    assert verdicts(r"$$ x_1 + x_2 + x_3 = \sum_{j=1}^{3} x_j $$") == [VALID]
    assert verdicts(r"$$ \sum_{j=1}^{2} e^{z_j} = e^{z_1} + e^{z_2} $$") == [VALID]
    # a term too few, or a sign, is still wrong
    assert verdicts(r"$$ x_1 + x_2 = \sum_{j=1}^{3} x_j $$") == [INVALID]
    assert verdicts(r"$$ e^{z_1} - e^{z_2} = \sum_{j=1}^{2} e^{z_j} $$") == [INVALID]


SOFTMAX = r"""Scores $s_1, s_2, s_3$; temperature $\tau > 0$.
$$ p_i = \frac{e^{s_i/\tau}}{\sum_{j=1}^{3}e^{s_j/\tau}}, \qquad i \in \{1, 2, 3\} $$
$$ L = -\log p_1 = -\frac{s_1}{\tau} + \log\sum_{j=1}^{3}e^{s_j/\tau} $$
$$ \frac{\partial L}{\partial s_1} = -\frac{1}{\tau} + \frac{1}{\tau}\,\frac{e^{s_1/\tau}}{\sum_{j=1}^{3}e^{s_j/\tau}} = \frac{p_1 - 1}{\tau} $$
$$ \sum_{i=1}^{3}\frac{\partial L}{\partial s_i} = \frac{1}{\tau}\Bigl(\sum_{i=1}^{3}p_i - 1\Bigr) = 0 $$
With $\bar s = \sum_j p_j s_j$,
$$ \frac{\partial L}{\partial\tau} = \frac{s_1}{\tau^2} - \frac{1}{\tau^2}\sum_{j=1}^{3}p_js_j = \frac{s_1 - \bar s}{\tau^2} $$
"""


def test_a_softmax_over_three_scores_written_both_ways():
    """p_i defined with its index range after it (i ∈ {1, 2, 3}: a condition, not part of the formula),
    derivatives by one written-out score, a sum of partials over i, and s̄ = Σ_j p_j s_j without bounds
    over the three scores the text listed."""
    links = check(SOFTMAX).links
    assert [k.verdict for k in links if k.verdict != "definition"] == [VALID] * 7
    # a slip in any of them is found
    assert INVALID in verdicts(SOFTMAX.replace(r"= \frac{p_1 - 1}{\tau}", r"= \frac{p_1 + 1}{\tau}"))
    assert INVALID in verdicts(SOFTMAX.replace(r"p_i - 1\Bigr) = 0", r"p_i - 1\Bigr) = 1"))
    assert INVALID in verdicts(SOFTMAX.replace(r"= \frac{s_1 - \bar s}{\tau^2}", r"= \frac{\bar s - s_1}{\tau^2}"))


def test_a_region_written_with_a_thin_space():
    r"""The region of "subgradient $-yx$ when $y\,wx < 1$" is y w x < 1: the thin space is no list's comma."""
    text = r"""Hinge $\ell(w) = \max(0, 1 - y\,wx)$, subgradient $-yx$ when $y\,wx < 1$:
$$ \frac{\partial\ell}{\partial w} = -yx $$"""
    assert verdicts(text)[-1] == VALID
    assert verdicts(text.replace("= -yx $$", "= yx $$"))[-1] == INVALID


def test_a_sum_over_a_greek_index_reads_its_terms_as_one_index():
    """\\sum_{\\ell} e^{s_\\ell}: the terms s[ℓ], never s[e, l, l] (the letters of the index's name taken
    for three indices made e and l free indices, and a correct softmax Jacobian wrong)."""
    from sympy import Indexed, Symbol

    from derive.parse import parse

    read = parse(r"\sum_{\ell=1}^{n} e^{s_\ell} x_j", reader="latex")
    [term] = read.atoms(Indexed)
    assert term.indices == (Symbol("ell", real=True),) and Symbol("x_j", real=True) in read.free_symbols
    assert verdicts(r"$$ \frac{\partial}{\partial s_j} \log \sum_{\ell=1}^{n} e^{s_\ell} "
                    r"= \frac{e^{s_j}}{\sum_{\ell=1}^{n} e^{s_\ell}} $$") == [VALID]
    assert verdicts(r"$$ \frac{\partial}{\partial s_j} \log \sum_{\ell=1}^{n} e^{s_\ell} "
                    r"= \frac{e^{s_j}}{\sum_{\nu=1}^{n} e^{2 s_\nu}} $$") == [INVALID]


def test_a_family_defined_at_a_letter_is_not_put_in_at_a_greek_index():
    """a_j = e^{s_j}/Σ_ℓ e^{s_ℓ} with s_j defined: the definition goes in at j but derive cannot put it
    in at ℓ, and one side with it, the other without, is no verdict (it was a false alarm)."""
    text = r"""Scores $s_j = w x_j$ for $j = 1, \dots, n$.
$$ \sum_{j=1}^{n} \frac{e^{s_j}}{\sum_{\ell=1}^{n} e^{s_\ell}} = 1 $$"""
    [link] = [k for k in check(text).links if k.verdict != "definition"]
    assert link.verdict != INVALID and "s_ell" in (link.reason or "")


def test_an_example_whose_sum_keeps_a_letter_index_is_undecided_not_an_internal_error():
    """Σ_i w_ij at the example's n = 2: the term w[1, j] has an index no number was given; the link is
    undecided and says why (the instance's failure escaped and ended the whole check with exit 70)."""
    from sympy import Indexed, IndexedBase, Integer, Sum, Symbol

    from derive.checker.definitions import Definitions
    from derive.checker.stated import a_number_for

    i, j, n = (Symbol(c, real=True) for c in "ijn")
    known = Definitions(values={n: (Integer(2), 10)})
    verdict, why = a_number_for(Sum(Indexed(IndexedBase("w", real=True), i, j), (i, 1, n)), Integer(3), known, 11)
    assert verdict is None and "index" in why
