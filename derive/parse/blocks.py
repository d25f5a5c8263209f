"""Find display-math blocks in a text file and split them into chains of expressions.

A chain is what a reader checks: the expressions between top-level = signs, in order. A row that
starts with &= (or =) continues the chain of the row before; a row with a left side of its own starts
a new one, and so does every row of a gather. Tags, labels, \\text annotations, annotation columns,
\\hspace and comments are not part of any expression. Blocks: the environments below, in LaTeX,
Markdown or any text, and $$…$$ or \\[…\\] displays outside them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ENVIRONMENTS = ("align", "align*", "aligned", "equation", "equation*", "gather", "gather*",
                "multline", "multline*", "split", "alignat", "alignat*")
_SEPARATE_ROWS = ("gather", "gather*")  # each row an equation of its own

_BEGIN = re.compile(r"\\begin\{(" + "|".join(re.escape(e) for e in ENVIRONMENTS) + r")\}(?:\{\d+\})?")
_DISPLAY = re.compile(r"\$\$(.+?)\$\$|\\\[(.+?)\\\]", re.DOTALL)
_COMMENT = re.compile(r"(?<!\\)%[^\n]*")
_DROP = [
    re.compile(r"\\(?:tag|label)\*?\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}"),
    re.compile(r"\\(?:notag|nonumber)(?![a-zA-Z])"),
    re.compile(r"\\hspace\*?\s*\{[^{}]*\}"),
    re.compile(r"\\(?:text|mbox|textrm)\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}"),
    re.compile(r"\\(?:begin|end)\{(?:aligned|split|gathered)\}"),
]
# \intertext{…} ends a row as \\ does, with prose between: it becomes a row break of the same length
_INTERTEXT = re.compile(r"\\intertext\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}")
_TRAILING = re.compile(r"(?:\\[,;!]|\\q?quad|[\s.,;])+$")  # "… = x^2 ." ends a sentence, not the formula
# "…, \qquad x > 1": a condition after a comma says where the formula holds; it is not part of it
_CONDITION = re.compile(r",(?:\s|~|\\[,;: ]|\\q?quad(?![A-Za-z])|\\text\{[^{}]*\})*[^,=&]*?"
                        r"(?:<|>|\\[lg]eq?(?![A-Za-z])|\\neq?(?![A-Za-z])|\\in(?![A-Za-z]))[^,=&]*$")


@dataclass(frozen=True)
class Chain:
    expressions: list[str]
    lines: list[int]  # the file line of each expression
    # \label name or \tag text → (first, last) index of the row's expressions: "line (4)" is a row
    marks: dict[str, tuple[int, int]] = field(default_factory=dict)
    inline: bool = False  # a formula in the prose ($y = x^3$), not a display


@dataclass(frozen=True)
class Block:
    environment: str
    line: int  # 1-based line of \begin (or $$) in the file
    chains: list[Chain] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)  # each row's expressions, as written

    @property
    def chain(self) -> list[str]:
        """All expressions of the block in order (the block's chains one after another)."""
        return [e for c in self.chains for e in c.expressions]


def _blank(m: re.Match) -> str:
    """Text replaced by spaces, newlines kept: offsets, and so line numbers, stay true."""
    return re.sub(r"[^\n]", " ", m.group())


def top_level_split(text: str, sep: str) -> list[tuple[int, str]]:
    """(offset, part) split at sep outside any braces, brackets, parentheses or inner environment
    (the rows of a cases or a matrix are not rows of the derivation)."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(text):
        c = text[i]
        if text.startswith("\\begin{", i) or text.startswith("\\end{", i):
            depth += 1 if text[i + 1] == "b" else -1
            i = text.find("}", i) + 1 or len(text)
            continue
        if c in "{([":
            depth += 1
        elif c in "})]":
            depth -= 1
        elif depth == 0 and text.startswith(sep, i) and (sep != "=" or _plain_equals(text, i)):
            parts.append((start, text[start:i]))
            start = i = i + len(sep)
            continue
        i += 1
    parts.append((start, text[start:]))
    return parts


def _plain_equals(text: str, i: int) -> bool:
    """An = that is not part of <=, >=, := or !=."""
    return not (i > 0 and text[i - 1] in "<>:!")


def _equation_columns(row: str) -> str:
    """The row's first column pair (a &= b) with its & gone; later pairs are annotations."""
    cells = top_level_split(row, "&")
    if len(cells) == 1:
        return row
    amp = cells[1][0] - 1
    end = cells[2][0] - 1 if len(cells) > 2 else len(row)
    return row[:amp] + " " + row[amp + 1:end]


_MARK = re.compile(r"\\(?:label|tag)\*?\s*\{([^{}]*)\}")


def _block(environment: str, body: str, body_start: int, text: str) -> Block:
    written = body
    body = _INTERTEXT.sub(lambda m: "\\\\" + " " * (len(m.group()) - 2), body)
    for pattern in _DROP:
        body = pattern.sub(_blank, body)

    def line(offset: int) -> int:
        return text.count("\n", 0, body_start + offset) + 1

    chains: list[Chain] = []
    rows: list[list[str]] = []
    for row_start, raw in top_level_split(body, r"\\"):
        marks = _MARK.findall(written[row_start:row_start + len(raw)])
        row = _equation_columns(raw)
        exprs = [(_TRAILING.sub("", _CONDITION.sub("", p)).strip(), line(row_start + o + len(p) - len(p.lstrip())))
                 for o, p in top_level_split(row, "=")]
        if not any(e for e, _ in exprs):
            continue
        continues = exprs[0][0] == "" and bool(chains) and environment not in _SEPARATE_ROWS
        if exprs[0][0] == "":
            exprs = exprs[1:]
        if continues:
            chains[-1].expressions.extend(e for e, _ in exprs)
            chains[-1].lines.extend(n for _, n in exprs)
        else:
            chains.append(Chain([e for e, _ in exprs], [n for _, n in exprs]))
        last = len(chains[-1].expressions) - 1
        chains[-1].marks.update({m.strip(): (last - len(exprs) + 1, last) for m in marks})
        rows.append([e for e, _ in exprs])
    return Block(environment, line(0), chains, rows)


def extract_blocks(text: str) -> list[Block]:
    """Every display block, in order; an aligned inside an equation is one block with it."""
    text = _COMMENT.sub(_blank, text)
    found: list[tuple[int, Block]] = []
    covered: list[tuple[int, int]] = []
    pos = 0
    while (m := _BEGIN.search(text, pos)) is not None:
        env = m.group(1)
        end = text.find(rf"\end{{{env}}}", m.end())
        if end < 0:
            break
        found.append((m.start(), _block(env, text[m.end():end], m.end(), text)))
        covered.append((m.start(), end))
        pos = end + len(env) + 6
    for m in _DISPLAY.finditer(text):
        if any(a <= m.start() <= b or m.start() <= a <= m.end() for a, b in covered):
            continue
        group = 1 if m.group(1) is not None else 2
        found.append((m.start(), _block("$$" if group == 1 else r"\[", m.group(group), m.start(group), text)))
    return [b for _, b in sorted(found, key=lambda pair: pair[0])]


_INLINE = re.compile(r"(?<![\\$])\$([^$\n]+?)(?<!\\)\$(?!\$)|\\\((.+?)\\\)")


def inline_math(text: str) -> list[tuple[int, str]]:
    """(line, formula) of each inline formula in the prose ($…$ or \\(…\\)), outside display blocks:
    where documents say "Let $y = x^3 e^{-x}$"."""
    text = _COMMENT.sub(_blank, text)
    pos = 0
    while (m := _BEGIN.search(text, pos)) is not None:  # display environments become blank
        end = text.find(rf"\end{{{m.group(1)}}}", m.end())
        if end < 0:
            break
        text = text[:m.start()] + _blank_text(text[m.start():end]) + text[end:]
        pos = end
    text = _DISPLAY.sub(_blank, text)
    return [(text.count("\n", 0, m.start()) + 1, m.group(1) or m.group(2)) for m in _INLINE.finditer(text)]


def _blank_text(part: str) -> str:
    return re.sub(r"[^\n]", " ", part)
