"""The printer keeps written forms; the templates lay out the document's blocks."""

import json

from sympy import Derivative, S, exp

import derive
from derive.exprs import add, div, mul
from derive.functions import sigmoid
from derive.render.formats import explanation
from derive.render.printer import latex, text


def test_written_order_and_primes(x):
    ex1 = add(exp(x), S.One)
    assert latex(mul(ex1, ex1)) == r"(e^{x} + 1) (e^{x} + 1)"
    assert latex(mul(exp(x), exp(x))) == r"e^{x} e^{x}"
    assert latex(add(S.One, exp(x))) == r"1 + e^{x}"
    assert latex(Derivative(sigmoid(x), x) * 2) in (r"2 \sigma'(x)",)
    assert latex(mul(Derivative(ex1, x), exp(x))) == r"(e^{x} + 1)^{\prime} e^{x}"
    assert latex(Derivative(div(exp(x), ex1), x)) == r"\frac{d}{dx}\left(\frac{e^{x}}{e^{x} + 1}\right)"
    assert text(Derivative(ex1, x)) == "d/dx(e^x + 1)"


def _document():
    return derive.sigmoid_document("quotient")


def test_align_block_has_tags_and_labels_with_the_prefix():
    out = _document().latex(label_prefix="sig:")
    for n in range(1, 5):
        assert rf"\tag{{{n}}}\label{{sig:{n}}}" in out
    assert out.count(r"\begin{align}") == 1 and out.count(r"\begin{aligned}") == 1
    assert r"\text{expand the fraction by $e^{x}$}" in out


def test_prose_credits_the_right_rules_to_the_right_lines():
    d = _document()
    prose = explanation(d.explains)
    # one sentence for the lines the calculus rules make, one for each other line
    assert r"In lines \eqref{eq:eq1} and \eqref{eq:eq2} we apply the quotient rule, and then work out" in prose
    assert "chain rule" not in prose  # the document's own prose wrongly says chain rule
    assert r"In line \eqref{eq:eq4} we substitute $\sigma(x) = " in prose
    assert r"and factor out $\sigma(x)$." in prose
    assert prose.count("In line") == 3


def test_markdown_has_tags_but_no_labels():
    md = _document().markdown()
    assert r"\tag{1}" in md and r"\label" not in md and r"\eqref" not in md
    assert md.count("$$") == 4
    assert "In lines (1) and (2) we apply the quotient rule" in md


def test_json_is_the_record():
    data = json.loads(_document().json())
    assert data["verified"] is True
    assert [d["title"] for d in data["derivations"]] == ["rewrite sigma", "derivative of sigma (quotient rule)"]


def test_text_shows_every_expression_and_its_certificate():
    out = _document().text()
    assert "= σ(x)·(1 - σ(x))" in out and "(4) substitute σ(x), factor out σ(x)" in out
    assert "[verified: rational]" in out


def test_jupyter_display(x):
    d = _document().explains
    assert d._repr_latex_().startswith("$$\\begin{align}") and r"\tag{4}" in d._repr_latex_()
