"""Find display-math blocks in a text file and split them into chains of expressions.

A chain is what a reader checks: the expressions between the top-level = signs, in order, across the
rows of the block (a row that starts with &= continues the chain). Tags, labels, annotation text and
comments are not part of any expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ENVIRONMENTS = ("align", "align*", "aligned", "equation", "equation*", "gather", "gather*",
                "multline", "multline*")

_BEGIN = re.compile(r"\\begin\{(" + "|".join(re.escape(e) for e in ENVIRONMENTS) + r")\}")
_DROP = [
    re.compile(r"(?<!\\)%[^\n]*"),  # comments
    re.compile(r"\\(?:tag|label)\*?\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}"),
    re.compile(r"\\(?:notag|nonumber)\b"),
    re.compile(r"\\hspace\*?\s*\{[^{}]*\}"),
    re.compile(r"\\(?:text|mbox|textrm)\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}"),
    re.compile(r"\\(?:begin|end)\{aligned\}"),
]


@dataclass(frozen=True)
class Block:
    environment: str
    line: int  # 1-based line of \begin in the file
    rows: list[list[str]]  # each row's expressions, as written (row 0 starts with the left side)

    @property
    def chain(self) -> list[str]:
        """All expressions of the block in order; a row's leading &= continues the row before."""
        return [e for row in self.rows for e in row]


def _top_level_split(text: str, sep: str) -> list[str]:
    """Split at sep outside any braces, brackets or parentheses."""
    parts, depth, start = [], 0, 0
    i = 0
    while i < len(text):
        c = text[i]
        if c in "{([":
            depth += 1
        elif c in "})]":
            depth -= 1
        elif depth == 0 and text.startswith(sep, i) and (sep != "=" or _plain_equals(text, i)):
            parts.append(text[start:i])
            start = i + len(sep)
            i += len(sep)
            continue
        i += 1
    parts.append(text[start:])
    return parts


def _plain_equals(text: str, i: int) -> bool:
    """An = that is not part of <=, >=, := or \\neq-like commands."""
    return not (i > 0 and text[i - 1] in "<>:!")


def _rows(body: str) -> list[list[str]]:
    for pattern in _DROP:
        body = pattern.sub(" ", body)
    rows = []
    for raw in _top_level_split(body, r"\\"):
        # Only the first & column holds the equation; later columns are annotations.
        cells = _top_level_split(raw, "&")
        row = " ".join(cells[:2]) if len(cells) > 1 else cells[0]
        exprs = [e.strip() for e in _top_level_split(row, "=")]
        if any(exprs):
            rows.append(exprs)
    return rows


def extract_blocks(text: str) -> list[Block]:
    """Every display block of the known environments, outermost only (aligned inside equation is one)."""
    blocks, pos = [], 0
    while (m := _BEGIN.search(text, pos)) is not None:
        env = m.group(1)
        end = text.find(rf"\end{{{env}}}", m.end())
        if end < 0:
            break
        body = text[m.end():end]
        rows = _rows(body)
        # a continuation row "&= b" has an empty left side: it joins the chain, not a new one
        rows = [r[1:] if i > 0 and r and not r[0] else r for i, r in enumerate(rows)]
        blocks.append(Block(env, text.count("\n", 0, m.start()) + 1, rows))
        pos = end + len(env) + 6
    return blocks
