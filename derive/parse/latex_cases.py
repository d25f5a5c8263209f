"""A function defined by cases, as notes write the Huber loss, ReLU or a subgradient:

    \\begin{cases} \\tfrac12 r^2, & |r| \\le \\delta, \\\\ \\delta(|r| - \\tfrac12\\delta), & \\text{otherwise} \\end{cases}

is Piecewise((r²/2, |r| ≤ δ), (δ(|r| − δ/2), True)). A condition is a chain of relations (<, ≤, >,
≥, =, ≠: -\\delta \\le r \\le \\delta), with "if", "for", "when" around it in \\text, or the words
"otherwise" / "else"; any other words are refused, never guessed."""

from __future__ import annotations

import re
from collections.abc import Callable

from sympy import And, Eq, Expr, Ge, Gt, Le, Lt, Ne, Piecewise, S

from derive.errors import ParseError

_RELATION = {"<": Lt, r"\lt": Lt, r"\le": Le, r"\leq": Le, r"\leqslant": Le, ">": Gt, r"\gt": Gt, r"\ge": Ge,
             r"\geq": Ge, r"\geqslant": Ge, "=": Eq, r"\ne": Ne, r"\neq": Ne}
_SPLIT = re.compile(r"(\\(?:leqslant|geqslant|leq|geq|neq|le|ge|ne|lt|gt)(?![A-Za-z])|[<>=])")
_TEXT = re.compile(r"\\(?:text|textrm|mbox|mathrm)\s*\{([^{}]*)\}")
_FILLER = re.compile(r"\b(?:if|for|when)\b", re.IGNORECASE)  # ("and", "or", "where": refused, never dropped)
_OTHERWISE = re.compile(r"\b(?:otherwise|else|elsewhere)\b", re.IGNORECASE)
_SPACE = re.compile(r"\\(?:q?quad|[,;:! ])|~")


def rows_of(body: str) -> list[tuple[str, str]]:
    """(value, condition) of each row: rows end at \\\\, the condition after the first &."""
    rows, depth, start = [], 0, 0
    cells: list[str] = []
    k = 0
    while k < len(body):
        c = body[k]
        if c == "\\" and body[k + 1:k + 2] == "\\" and depth == 0:
            cells.append(body[start:k])
            rows.append(cells)
            k += 2
            if (space := re.match(r"\s*\[[^\[\]]*\]", body[k:])) is not None:
                k += space.end()  # \\[2pt]: space between the rows, no part of the next
            cells, start = [], k
            continue
        if c == "\\":
            k += 2
            continue
        depth += 1 if c == "{" else -1 if c == "}" else 0
        if c == "&" and depth == 0:
            cells.append(body[start:k])
            start = k + 1
        k += 1
    cells.append(body[start:])
    rows.append(cells)
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows or any(len(r) != 2 for r in rows):
        raise ParseError("each row of cases is a value & a condition")
    return [(value, condition) for value, condition in rows]


def piecewise(body: str, read: Callable[[str], Expr]) -> Expr:
    """The function a cases block defines; read parses one piece of math with the reader's context."""
    pieces = []
    for value, condition in rows_of(body):
        pieces.append((read(_trimmed(value)), _condition(condition, read)))
    if len(pieces) < 2:
        raise ParseError("cases with one row: a function defined by cases has two or more")
    return Piecewise(*pieces)


def _trimmed(text: str) -> str:
    """A cell without the punctuation and spaces around it: '\\tfrac12 r^2,' → '\\tfrac12 r^2'."""
    return re.sub(r"^[\s,.;]+|(?:[\s,.;]|\\[,;:! ]|\\q?quad)+$", "", text)


def _condition(text: str, read: Callable[[str], Expr]) -> Expr:
    words = " ".join(m.group(1) for m in _TEXT.finditer(text))
    math = _TEXT.sub(lambda m: " " + " ".join(re.findall(r"\$([^$]*)\$", m.group(1))) + " ", text)
    said = _FILLER.sub(" ", re.sub(r"\$[^$]*\$", " ", words))
    otherwise = bool(_OTHERWISE.search(said))
    if re.search(r"[A-Za-z]", _OTHERWISE.sub(" ", said)):
        raise ParseError(f"a condition in words derive does not read: {words.strip()!r}")
    math = _trimmed(_SPACE.sub(" ", math)).strip()
    if otherwise and not math:
        return S.true
    if not math:
        raise ParseError("a row of cases with no condition")
    return relations(math, read)


def relations(math: str, read: Callable[[str], Expr]) -> Expr:
    """-\\delta \\le r \\le \\delta: the chain of relations as one condition (ParseError if it is none)."""
    parts = _SPLIT.split(math)
    if len(parts) < 3:
        raise ParseError(f"a condition derive does not read: {math!r}")
    sides = [read(part.strip()) for part in parts[::2]]
    found = [_RELATION[r] for r in parts[1::2]]
    return And(*(relation(left, right) for relation, left, right in zip(found, sides, sides[1:])))
