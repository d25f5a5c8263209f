"""Lines that fit the page (issue 13): the width estimate, where a long line breaks, and derive check
reading a broken line as the one expression it is."""

import re

import pytest

from derive import differentiate
from derive.checker import INVALID, VALID, check
from derive.render.formats import block_view, latex_block
from derive.render.layout import Page, _chain_rows, _pieces, _split_factors, align_rows
from derive.render.width import measure, width

LONG = "sin(x) + cos(x) + tan(x) + cot(x) + sec(x) + csc(x) + x^7 + e^(3x)"


def test_the_estimate_grows_with_what_is_written():
    assert 0 < width("x") < width("x + y") < width(r"x + y + \sin(x)")
    assert width(r"\frac{a + b}{c}") < width("a + b + c")  # a fraction is as wide as its wider part
    assert width("x^{2}") < width("x 2")  # a superscript is set smaller
    assert width(r"\text{expand the fraction}") > width("expand")


@pytest.mark.parametrize("name, points", [("onecolumn", 345.0), ("twocolumn", 229.5), ("300pt", 300.0),
                                          ("10cm", 284.5)])
def test_a_measure_is_named_or_a_length(name, points):
    assert measure(name) == pytest.approx(points)


@pytest.mark.parametrize("name", ["wide", "0pt", "-3cm", "12 furlongs"])
def test_a_measure_that_is_no_length_is_refused(name):
    with pytest.raises(ValueError, match="--width"):
        measure(name)


def _fits_or_indivisible(row, room: float) -> bool:
    """The row fits room, or holds one factor that no break can split."""
    indent = 20.0 if row.right.startswith(r"\qquad") else 0.0
    formula = re.sub(r"^(?:\\qquad |= |[+-] |\\cdot )+", "", row.right)
    return width(row.right.removeprefix(r"\qquad ")) * 1.08 + indent <= room or len(_split_factors(formula)) == 1


def _unbroken(rows) -> list[str]:
    """The lines the rows hold, continuations joined back (\\biggl( read as the ( it stands for)."""
    lines: list[str] = []
    for row in rows:
        text = row.right.replace(r"\qquad ", "").strip()
        if text.startswith("="):
            lines.append(text[1:].strip())
        elif lines:
            lines[-1] += " " + text.removeprefix(r"\cdot ")
    return [re.sub(r"\\bigg?([lr])([()])", lambda m: ("\\left" if m.group(1) == "l" else "\\right") + m.group(2)
                   if m.group(0).startswith(r"\bigg") else m.group(2), line) for line in lines]


@pytest.mark.parametrize("room", [345.0, 229.5, 160.0])
def test_a_long_line_breaks_between_terms_and_every_row_fits(room):
    block = block_view(differentiate(LONG))
    rows = align_rows(block.start, block.lines, room, "latex")
    for row in rows:  # (the layout's margin of error is on the formula, the indent is exact)
        assert _fits_or_indivisible(row, room - 32)
    assert _unbroken(rows) == [" = ".join(line.exprs) if len(line.exprs) == 1 else None for line in block.lines]
    assert sum(1 for r in rows if r.number.startswith(r" \label")) == len(block.lines)  # one number a line


def test_a_line_that_fits_is_not_broken():
    block = block_view(differentiate("x^2 sin(x)"))
    rows = align_rows(block.start, block.lines, 345.0, "tags")
    assert len(rows) == len(block.lines) and rows[0].left == block.start


def test_a_bracket_round_a_long_sum_breaks_inside_with_fixed_size_brackets():
    d = differentiate("-(sin(x)^2 + cos(x)^3 + tan(x)^4 + x^5 e^x)")
    text = latex_block(d, page=Page(200.0, "tags"))
    assert r"\biggl(" in text or r"\bigl(" in text
    assert all(k.verdict == VALID for k in check(text).links)


@pytest.mark.parametrize("width_name", ["onecolumn", "twocolumn"])
def test_derive_check_reads_its_broken_lines_as_one_expression_each(width_name):
    for source in (LONG, "(sigma(v sigma(w x + b) + c) - y)^2/2"):
        d = differentiate(source, wrt="w" if "w" in source else None)
        text = latex_block(d, page=Page(measure(width_name), "latex"))
        links = check(text).links
        assert links and all(k.verdict == VALID for k in links), [(k.source, k.verdict, k.reason) for k in links]


def test_a_slip_in_a_continuation_row_is_found():
    text = latex_block(differentiate(LONG), page=Page(200.0, "tags"))
    continuation = next(r for r in text.splitlines() if r.startswith(r"&\qquad") and "7 x^{6}" in r)
    planted = text.replace(continuation, continuation.replace("7 x^{6}", "6 x^{6}"))
    assert planted != text
    assert INVALID in [k.verdict for k in check(planted).links]


def test_a_row_that_starts_with_a_minus_before_the_alignment_point_is_a_new_left_side():
    doc = "\\begin{align}\na + b &= 2 \\\\\n-c &= 3 - c - 3\n\\end{align}"
    links = check(doc).links
    assert [k.verdict for k in links] == [INVALID, VALID]  # −c = −c, read as its own equation


@pytest.mark.parametrize("source, room", [("(x+1)*(x+2)*(x+3)*(x+4)*(x+5)*(x+6)*(x+7)*(x+8)", 345.0),
                                          ("2^(sin(x))", 60.0), ("log(x + a + b + c + d + e + g + k + m + n)", 229.5)])
def test_a_term_too_wide_for_a_row_breaks_between_its_factors(source, room):
    d = differentiate(source, wrt="x")
    block = block_view(d)
    rows = align_rows(block.start, block.lines, room, "latex")
    assert all(_fits_or_indivisible(row, room - 32) for row in rows), [r.right for r in rows]
    assert not any(re.search(r"\\(?:ln|log)(?:\^\{[^}]*\})?$", r.right) for r in rows)  # never \ln cut off its 2
    assert not any(r.right.strip() in (r"\qquad \cdot 1", r"\qquad \cdot 2") for r in rows)
    text = latex_block(d, page=Page(room, "latex"))
    assert all(k.verdict == VALID for k in check(text).links)


def test_a_fraction_is_rewritten_only_where_it_must_break():
    assert _chain_rows([r"\frac{x^{2} + 1}{x}", r"\frac{x^{2} + 1}{x}"], 120) == [
        r"= \frac{x^{2} + 1}{x} = \frac{x^{2} + 1}{x}"]
    assert _pieces(r"\frac{2}{x + y}") == [(r"\frac{2}{x + y}", "factor")]  # 1/(x+y) · 2 says no more
    pieces = _pieces(r"\frac{- 2 x e^{x}}{y + 1}")  # the sign stays inside its brackets
    assert [p for p, _ in pieces] == [r"\frac{1}{y + 1}", r"\left(- 2 x e^{x}\right)"]


def test_a_left_aligned_block_of_equations_is_not_one_expression():
    doc = "\\begin{align*}\n& (x+1)^2 = x^2 + 2x + 1 \\\\\n& -x = -x\n\\end{align*}"
    assert [k.verdict for k in check(doc).links] == [VALID, VALID]
    doc = "\\begin{align}\nf &= x^2 + \\sum_{k=1}^{3} k \\\\\n&\\qquad + 1 \\\\\n&= x^2 + 7\n\\end{align}"
    assert [k.verdict for k in check(doc).links][-1] == VALID  # a continuation with = only in a subscript
