"""Rows of an align block that fit the page: the numbering of each line, and long lines broken where
authors break them.

A line wider than the measure is broken at a + or − between its terms, the continuation indented
(`\\\\ &\\qquad + …`); a term still too wide, between its factors (`\\qquad \\cdot …`); a line that is
one bracket round a long sum is broken inside it, the bracket made a fixed-size \\biggl( … \\biggr)
that may span rows; a fraction over a long numerator is written 1/den times its numerator first.
An expression chain a = b = c too wide for one row gets one row per =. When the left side and the
widest right side do not fit side by side, the left side takes rows of its own. The number (tag or
label) of a line stands on its first row; a block of many rows may break across pages between lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from derive.render.width import MEASURES, width

NUMBERINGS = ("tags", "latex", "none")
_SAFETY = 1.08  # the estimate's error (see width.py): a row passed as fitting must fit
_TAG_SPACE = 32.0  # "(12)" and the space that keeps it off the formula
_INDENT = r"\qquad "
_INDENT_WIDTH = 20.0
_TALL_ROWS = 12  # an align block of more rows may be split across pages (\displaybreak[0]) between lines


@dataclass(frozen=True)
class Page:
    """Where the LaTeX goes: the measure lines must fit (pt) and how lines are numbered: tags
    (\\tag{n}, as the origin document does), latex (the paper's own counter, \\label only), none."""

    measure: float = MEASURES["onecolumn"]
    numbering: str = "tags"

    def __post_init__(self) -> None:
        if self.numbering not in NUMBERINGS:
            raise ValueError(f"numbering is one of {', '.join(NUMBERINGS)}, not {self.numbering!r}")


@dataclass(frozen=True)
class Row:
    left: str  # what stands before the alignment point (the derivative, on the first row only)
    right: str  # from the alignment point on: "= …" or a continuation "\qquad + …"
    number: str  # " \tag{2}\label{eq:2}", " \label{eq:2}", " \notag" or "" (and where a page may
    # break after the row, " \displaybreak[0]")
    certificate: str = ""  # how the line was verified, in words (proved exactly …), on its first row


def number_of(tag: int, label: str, numbering: str, first: bool) -> str:
    """The numbering a row carries: the line's on its first row, none on its continuations."""
    if numbering == "none":
        return ""
    if not first:
        return r" \notag"
    return rf" \tag{{{tag}}}\label{{{label}}}" if numbering == "tags" else rf" \label{{{label}}}"


def fits(latex: str, room: float) -> bool:
    return width(latex) * _SAFETY <= room


def align_rows(start: str, lines: list, measure: float, numbering: str) -> list[Row]:
    """The rows of a derivation's align block: lines are LineViews (exprs, tag, label, verified)."""
    room = measure - (_TAG_SPACE if numbering != "none" else 0.0)
    widest = max((width(e) for line in lines for e in line.exprs), default=0.0)
    alone = not fits(start, room - widest * _SAFETY - width("= "))  # the left side on a row of its own
    # (alone, it stands right of the alignment point too: the left column would push every row right;
    # too wide even so, it breaks as any line does)
    unnumbered = r" \notag" if numbering != "none" else ""
    rows: list[Row] = [Row("", text, unnumbered) for text in _broken("", start, room)] if alone else []
    # what the right side may take: all the room after the left side, or all of it (the = rows then
    # stand at the alignment point, under the left side's start)
    right_room = room - (0.0 if alone else width(start) * _SAFETY)
    ends = []  # the last row of each line
    for i, line in enumerate(lines):
        texts = _chain_rows(line.exprs, right_room)
        for j, right in enumerate(texts):
            left = start if (i == 0 and j == 0 and not alone) else ""
            rows.append(Row(left, right, number_of(line.tag, line.label, numbering, j == 0),
                            line.verified if j == 0 else ""))
        ends.append(len(rows) - 1)
    if len(rows) > _TALL_ROWS:  # taller than a column may be: a page may break between two lines
        for k in ends[:-1]:
            rows[k] = Row(rows[k].left, rows[k].right, rows[k].number + r" \displaybreak[0]", rows[k].certificate)
    return rows


def _chain_rows(exprs: list[str], room: float) -> list[str]:
    """"= a = b" on one row when it fits, else one = a row, each broken further where it must."""
    whole = "= " + " = ".join(exprs)
    if fits(whole, room):
        return [whole]
    return [row for expr in exprs for row in _broken("= ", expr, room)]


def _broken(head: str, expr: str, room: float) -> list[str]:
    """head + expr as rows: one when it fits (as written), else cut where a row may end."""
    if fits(head + expr, room):
        return [head + expr]
    pieces = _pieces(expr)
    return _pack([(head + pieces[0][0], pieces[0][1])] + pieces[1:], room)


def _pack(pieces: list[tuple[str, str]], room: float) -> list[str]:
    """Pieces joined into rows as they fit, each continuation indented; a row that goes on with a
    product starts with \\cdot. A term too wide for a row of its own is cut between its factors."""
    pieces = _narrow(pieces, room - _INDENT_WIDTH)
    rows = [pieces[0][0]]
    for text, kind in pieces[1:]:
        if fits(rows[-1] + " " + text, room if len(rows) == 1 else room - _INDENT_WIDTH):
            rows[-1] += " " + text
        else:
            rows.append((r"\cdot " if kind == "factor" and not text.startswith(r"\cdot") else "") + text)
    return rows[:1] + [_INDENT + r for r in rows[1:]]


def _narrow(pieces: list[tuple[str, str]], room: float) -> list[tuple[str, str]]:
    """pieces with each term wider than room cut into its factors, its sign kept on the first."""
    out = []
    for text, kind in pieces:
        sign, body = (text[:2], text[2:]) if text.startswith(("+ ", "- ", "= ")) else ("", text)
        factors = _split_factors(body) if kind == "term" and not fits(text, room) else [body]
        out += [(sign + factors[0], kind)] + [(f, "factor") for f in factors[1:]]
    return out


def _pieces(expr: str) -> list[tuple[str, str]]:
    """expr cut where a row may end, each piece with its kind (term or factor): before each + or −
    between its terms; else inside the bracket round a sum that makes most of it; else between its
    factors. A fraction over a sum or product is first written 1/den times its numerator."""
    terms = _split_terms(expr)
    if len(terms) > 1:
        return [(t, "term") for t in terms]
    fraction = re.fullmatch(r"(-?)\\frac\{(.*)\}\{(.*)\}", expr)
    if fraction and _balanced(fraction.group(2)) and _balanced(fraction.group(3)) \
            and not fraction.group(2).isdigit():  # (1/den · 2 says no more than 2/den)
        sign, top, bottom = fraction.groups()
        if len(_split_terms(top)) > 1 or top.startswith("-"):  # (a sign inside stays inside)
            top = rf"\left({top}\right)"
        dot = r" \cdot" if top[:1].isdigit() else ""  # ½ · 2x, never ½ 2x
        return _pieces(rf"{sign}\frac{{1}}{{{bottom}}}{dot} {top}")
    factors = _split_factors(expr)
    widest = max(factors, key=width)
    inside = _inside_bracket(widest) if width(widest) * 2 > width(expr) or len(factors) == 1 else None
    if inside:
        at = factors.index(widest)
        inside[0] = " ".join(factors[:at] + [inside[0]])
        inside[-1] = " ".join([inside[-1]] + factors[at + 1:])
        return [(t, "term") for t in inside]
    return [(f, "factor") for f in factors]


# a function name whose argument follows it unbraced (\ln 2, \log^{2} 3): never cut from it
_NAME_BEFORE_ARGUMENT = re.compile(r"\\(?:ln|log|sin|cos|tan|sec|csc|cot|sinh|cosh|tanh|exp)(?:\^\{[^{}]*\})?$")


def _split_factors(expr: str) -> list[str]:
    """expr cut at each space between factors outside every brace and bracket (a leading sign stays
    with the first, a \\cdot with the factor after it, a function name with its argument)."""
    out, last = [], 0
    for i in _top_level(expr):
        if expr[i] == " " and i > last and expr[i - 1] not in "-+" and expr[last:i] != r"\cdot" \
                and not _NAME_BEFORE_ARGUMENT.search(expr[last:i]):
            out.append(expr[last:i])
            last = i + 1
    out.append(expr[last:])
    return [f for f in out if f]


def _inside_bracket(expr: str) -> list[str] | None:
    """expr (a bracket round a sum, with a sign or factors beside it) broken inside the bracket, made
    fixed-size: \\left and \\right, and a reader's row splitting, cannot span rows. A bracket round
    one factor that itself holds such a bracket, \\frac{d}{dx}(\\log(x + …)), breaks inside that one."""
    found = list(_top_brackets(expr))
    if len(found) != 1:
        return None
    start, end, opener, closer = found[0]
    inner = expr[start + len(opener):end]
    terms = _split_terms(inner)
    if len(terms) < 2:
        terms = _inside_bracket(inner) if len(_split_factors(inner)) == 1 else None
        if not terms:
            return None
    left, right = (r"\biggl(", r"\biggr)") if opener == r"\left(" else (r"\bigl(", r"\bigr)")
    head, tail = expr[:start] + left, right + expr[end + len(closer):]
    return [head + terms[0], *terms[1:-1], terms[-1] + tail]


def _top_brackets(expr: str):
    """(start, end, opener, closer) of each bracket at the top level of expr: \\left( … \\right) or ( … )."""
    i, depth = 0, 0
    while i < len(expr):
        if expr[i] == "{":
            depth += 1
        elif expr[i] == "}":
            depth -= 1
        elif depth == 0 and (expr.startswith(r"\left(", i) or expr[i] == "("):
            opener = r"\left(" if expr[i] == "\\" else "("
            closer = r"\right)" if opener == r"\left(" else ")"
            end = _close(expr, i, opener, closer)
            if end < 0:
                return
            yield i, end, opener, closer
            i = end + len(closer)
            continue
        i += 1


def _close(expr: str, start: int, opener: str, closer: str) -> int:
    depth, i = 0, start
    while i < len(expr):
        if expr.startswith(opener, i):
            depth += 1
            i += len(opener)
            continue
        if expr.startswith(closer, i):
            depth -= 1
            if depth == 0:
                return i
            i += len(closer)
            continue
        i += 1
    return -1


def _split_terms(expr: str) -> list[str]:
    """expr cut before each " + " and " - " that stands outside every brace and bracket."""
    out, last = [], 0
    for i in _top_level(expr):
        if i > 0 and expr.startswith((" + ", " - "), i):
            out.append(expr[last:i])
            last = i + 1
    out.append(expr[last:])
    return out


def _top_level(expr: str) -> Iterator[int]:
    """The indices of expr's characters that stand outside every brace and bracket, \\left … \\right
    (with any delimiter: \\left| … \\right|) counted as a bracket."""
    depth, i = 0, 0
    while i < len(expr):
        sized = next(((word, step) for word, step in ((r"\left", 1), (r"\right", -1))
                      if expr.startswith(word, i) and not expr[i + len(word):i + len(word) + 1].isalpha()), None)
        if sized:
            depth += sized[1]
            i += len(sized[0]) + 1  # (the delimiter after it is part of it)
            continue
        if expr[i] in "{(":
            depth += 1
        elif expr[i] in "})":
            depth -= 1
        elif depth == 0:
            yield i
        i += 1


def _balanced(text: str) -> bool:
    depth = 0
    for c in text:
        depth += {"{": 1, "}": -1}.get(c, 0)
        if depth < 0:
            return False
    return depth == 0


def annotated_rows(start: str, lines: list, measure: float) -> tuple[list[tuple[str, str, str]], bool]:
    """Rows (left, right, annotation) of an annotated aligned block, and whether the annotations
    stand in a column beside the lines (True) or each under its line (False)."""
    gap = width(r"\quad")
    widest_note = max((width(rf"\text{{{line.annotation}}}") for line in lines), default=0.0)
    chains = [["= " + " = ".join(line.exprs)] for line in lines]
    side = width(start) + max(width(c[0]) for c in chains) + gap + widest_note
    if side * _SAFETY <= measure:
        return [(start if i == 0 else "", c[0], line.annotation) for i, (c, line) in enumerate(zip(chains, lines))], True
    room = measure - width(start) * _SAFETY
    rows = []
    for i, line in enumerate(lines):
        texts = _chain_rows(line.exprs, room)
        rows += [(start if i == 0 and j == 0 else "", t, "") for j, t in enumerate(texts)]
        rows.append(("", _INDENT, line.annotation))
    return rows, False
