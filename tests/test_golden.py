"""The seed's two blocks, parsed, against derive's own output, parsed: one to one, same structure."""

import pytest

from conftest import run_derive
from derive.exprs import shape
from derive.checker.blocks import extract_blocks
from derive.parse.latex import parse_latex
from derive.routes.sigmoid import quotient_route, rewrite_block

WRONG_LINE_2 = r"e^x(e^x-1)"  # the document's slip: e^x(e^x+1) is meant


def _seed_blocks(seed_text):
    blocks = extract_blocks(seed_text)
    rewrite = next(b for b in blocks if b.environment == "equation" and len(b.chain) == 5)
    derivative = next(b for b in blocks if b.environment == "align")
    return rewrite, derivative


def _corrected(chain):
    assert sum(WRONG_LINE_2 in e for e in chain) == 1, "the seed's line (2) is where the golden test expects it"
    return [e.replace(WRONG_LINE_2, "e^x(e^x+1)") for e in chain]


@pytest.fixture(scope="module")
def derive_blocks():
    out = run_derive("sigmoid")
    assert out.returncode == 0, out.stderr
    blocks = extract_blocks(out.stdout)
    assert [b.environment for b in blocks] == ["equation", "align"]
    return blocks


def test_rewrite_block_matches_the_seed(seed_text, derive_blocks):
    seed, ours = _seed_blocks(seed_text)[0], derive_blocks[0]
    assert len(ours.chain) == len(seed.chain) == 5
    for theirs, mine in zip(seed.chain, ours.chain):
        assert shape(parse_latex(mine)) == shape(parse_latex(theirs)), (theirs, mine)
    # rows as in the document: the expansion on the first line, three expressions on the second
    assert [len(r) for r in ours.rows] == [len(r) for r in seed.rows] == [2, 3]


def test_derivative_block_matches_the_corrected_seed(seed_text, derive_blocks):
    seed, ours = _seed_blocks(seed_text)[1], derive_blocks[1]
    theirs_chain = _corrected(seed.chain)
    assert len(ours.chain) == len(theirs_chain) == 6
    for theirs, mine in zip(theirs_chain, ours.chain):
        assert shape(parse_latex(mine)) == shape(parse_latex(theirs)), (theirs, mine)
    assert [len(r) for r in ours.rows] == [len(r) for r in seed.rows] == [2, 1, 1, 2]


def test_the_seed_as_written_differs_from_derive_at_line_2(seed_text, derive_blocks):
    """The comparison is sharp enough to see the document's slip."""
    seed, ours = _seed_blocks(seed_text)[1], derive_blocks[1]
    differing = [i for i, (t, m) in enumerate(zip(seed.chain, ours.chain))
                 if shape(parse_latex(t)) != shape(parse_latex(m))]
    assert differing == [2]


def test_written_forms_survive_in_the_record(x):
    """The record itself keeps e^0, the product (e^x+1)(e^x+1) and e^x e^x, not only the printout."""
    block1, block2 = rewrite_block(x), quotient_route(x)
    assert [shape(s.expr) for s in block1.steps] == [
        shape(parse_latex(t)) for t in (
            r"\frac{e^{x}}{e^{x}(1+e^{-x})}", r"\frac{e^{x}}{e^x + e^xe^{-x}}",
            r"\frac{e^{x}}{e^x+e^{0}}", r"\frac{e^{x}}{e^x + 1}")]
    line3 = block2.steps[2].expr
    assert shape(line3) == shape(parse_latex(
        r"\frac{e^x(e^x+1)}{(e^x +1)(e^x +1)} - \frac{e^x e^x}{(e^x +1)(e^x +1)}"))
    assert shape(line3) != shape(parse_latex(r"\frac{e^x(e^x+1)}{(e^x +1)^2} - \frac{e^{2x}}{(e^x +1)^2}"))


def test_parsing_keeps_structure_apart():
    """shape() would be useless if it equated what the golden test must tell apart."""
    pairs = [(r"(e^x+1)(e^x+1)", r"(e^x+1)^2"), (r"e^x e^x", r"e^{2x}"), (r"\frac{e^x}{e^x+e^{0}}",
             r"\frac{e^x}{e^x+1}"), (r"\sigma(x) - \sigma(x)^2", r"\sigma(x)(1-\sigma(x))")]
    for a, b in pairs:
        assert shape(parse_latex(a)) != shape(parse_latex(b)), (a, b)
    assert shape(parse_latex(r"e^x(e^x+1)")) == shape(parse_latex(r"(e^x+1)e^x"))
