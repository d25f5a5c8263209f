"""Displays into chains of expressions: what a reader checks, the expressions between top-level =
signs, in order.

- A row that starts with &= (or =) continues the chain of the row before, in its own column: an
  align row may hold two equations (a &= b & c &= d), each continued in its column below; a
  column that holds \\text{…} or nothing is an annotation.
- \\Rightarrow, \\implies, \\iff, \\therefore and words in \\text{…} between two equations end one
  chain and start another. Every row of a gather is an equation of its own.
- A display that starts with = continues the last chain of the display before it, across the
  prose in between; a display that ends with = continues into the next.
- Tags, labels, \\text annotations, \\hspace, comments and a condition after a comma (", x > 0")
  are not part of any expression.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from derive.checker.documents import Display, Document, Lines, Skipped
from derive.checker.macros import Macro, expand
from derive.checker.reading import read_document
from derive.errors import DeriveError
from derive.parse.latex_tokens import TEXT_CALL

_SEPARATE_ROWS = ("gather", "gather*")  # each row an equation of its own
_SIZED = re.compile(r"\\[bB]igg?[lr](?:\\[{}]|[()\[\]|.])")
# a row that goes on with the expression of the row before: it starts with a binary operator
_CARRIED = re.compile(r"(\s*(?:\\q?quad(?![a-zA-Z])\s*|\\[,;:!]\s*|\\hspace\*?\{[^}]*\}\s*)*)(?:[+-]|\\(?:cdot|times)(?![a-zA-Z]))")
_COMMENT = re.compile(r"(?<!\\)%[^\n]*")
# words in math; not in a subscript, where \text{MAP} names an estimate (θ_{\text{MAP}})
# (an acronym right before a bracket names a function: \text{MRL}(t), read as \mathrm{MRL}(t) is)
_TEXT = r"(?<!_)(?<!_\{)\\(?:text(?!" + TEXT_CALL + r")|mbox|textrm|textit)\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}"
# between two statements of one row: a new chain starts after it
_IMPLICATION = re.compile(r"\\(?:Rightarrow|Longrightarrow|implies|therefore)(?![a-zA-Z])")
_SEPARATOR = re.compile(r"\\(?:iff|Leftrightarrow|Longleftrightarrow|because)(?![a-zA-Z])"
                        r"|(?:\\q?quad\s*)?" + _TEXT + r"(?=(?:(?!\\\\)[^&])*=)")  # an = later in the row
# words in \text at the end of an expression, and what follows them up to the row's end: an
# annotation ("n x^{n-1} \quad \text{for all } n"), not letters to multiply in
_TEXT_TAIL = re.compile(r"(?:\\q?quad\s*|\\[,;: ]\s*|~\s*)?" + _TEXT + r"(?:(?!\\\\)[^&=])*")
# "\delta \equiv \frac{\partial L}{\partial z} = …", "f := …": a name defined, as by its first =
_DEFINING = re.compile(r"((?:^|\\\\|\u2063|\\q?quad|,)\s*&?\s*(?:\\[A-Za-z]+|[A-Za-z])(?:_\{?[A-Za-z0-9\\]+\}?)?\s*&?\s*)"
                       r"(\\(?:equiv|coloneqq|triangleq|eqqcolon|defeq)(?![A-Za-z])|:=)")
_BREAK = "\u2063"  # what a separator becomes while the row is split (invisible separator)
_IMPLIES = "\u2062"  # what an implication becomes: the statement after it follows from the one before
_DROP = [
    re.compile(r"\\(?:tag|label)\*?\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}"),
    re.compile(r"\\(?:notag|nonumber)(?![a-zA-Z])"),
    re.compile(r"\\displaybreak(?:\[[0-4]\])?"),
    re.compile(r"\\hspace\*?\s*\{[^{}]*\}"),
    re.compile(_TEXT),
    re.compile(r"\\(?:begin|end)\{(?:aligned|split|gathered)\}"),
]
# "\quad (\text{chain rule})", "\quad (\text{at } x = 1)": an annotation in brackets, not math
_ANNOTATION = re.compile(r"(?:\\q?quad|\\[,;])\s*\(\s*" + _TEXT + r"[^()]*\)")
# \intertext{…} ends a row as \\ does, with prose between: it becomes a row break of the same length
_INTERTEXT = re.compile(r"\\intertext\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}")
_LEADING = re.compile(r"^(?:\\[,;:! ]|\\q?quad(?![A-Za-z])|\s)+")  # spacing before a formula is no part of it
# "… = x^2 ." ends a sentence, not the formula; "\frac{8}{9\pi}\ \text{m/min}": the space before the unit too
_TRAILING = re.compile(r"(?:\\[,;:! ]|\\q?quad|~|[\s.,;])+$")
# "…, \qquad x > 1": a condition after a comma says where the formula holds; it is not part of it
# (\, is a space: "\, y (1 - y) - \sum_{k \neq j}" is no condition); the sentence may go on after it
# ("h_t = \tanh(…), \qquad 1 \le t \le T,": the comma ends the sentence, the condition still ends the formula)
_CONDITION = re.compile(r"(?<!\\),(?:\s|~|\\[,;: ]|\\q?quad(?![A-Za-z]))*[^,=&]{0,80}?"
                        r"(?:<|>|\\[lg]eq?(?![A-Za-z])|\\neq?(?![A-Za-z])|\\in(?![A-Za-z]))"
                        r"(?:\\\{[^{}=&]*\\\}|(?!\\\{)[^,=&]){0,80}?"  # (i \in \{1, 2, 3\}: a set's commas end nothing)
                        r"[\s.,;]*$")
# "-s_i s_j \qquad (j \neq i)": a condition in brackets after a space ends the formula, as the comma's does
_BRACKETED_CONDITION = re.compile(r"(?:\\q?quad(?![A-Za-z])|\\[,;: ]|~)(?:\s|~|\\[,;: ]|\\q?quad(?![A-Za-z]))*"
                                  r"\(\s*[^()=&]{0,60}?(?:<|>|\\[lg]eq?(?![A-Za-z])|\\neq?(?![A-Za-z])|≠)"
                                  r"[^()=&]{0,60}\)[\s.,;]*$")
# an annotation column that states a condition: "(j \neq c)", "i \ne j", "x > 0"
_ANNOTATED_CONDITION = re.compile(r"\(?[^()=&]{0,60}?(?:<|>|\\[lg]eq?(?![A-Za-z])|\\neq?(?![A-Za-z])|≠)[^()=&]{0,60}\)?")
_MARK = re.compile(r"\\(?:label|tag)\*?\s*\{([^{}]*)\}")
_CASES = re.compile(r"\\begin\{(d?cases)\}.*?\\end\{\1\}", re.DOTALL)
# && \text{for } r > \delta: in the annotation column the words say where the row holds; the math is the
# condition, kept as the row's (the words are blanked, so that the text is no annotation to drop)
_FILLER_WORDS = re.compile(r"(?<=&)(\s*)\\(?:text|mbox|textrm)\s*\{\s*(?:for|if|when|on|where)\s*\}", re.IGNORECASE)


@dataclass
class Chain:
    expressions: list[str]
    lines: list[int]  # the file line of each expression
    # \label name or \tag text → (first, last) index of the row's expressions: "line (4)" is a row
    marks: dict[str, tuple[int, int]] = field(default_factory=dict)
    inline: bool = False  # a formula in the prose ($y = x^3$), not a display
    continued: bool = False  # its first row starts with =: it continues the chain before it
    open_end: bool = False  # it ends with =: the next display continues it
    order: int = 0  # the place of its display in the document (definitions apply from there on)
    relations: dict[int, str] = field(default_factory=dict)  # k → "≈", "<", "≤", …: the link into k is no =
    follows: Chain | None = None  # after \\implies: its first equation follows from this chain's last
    conditions: list[str] = field(default_factory=list)  # ", x > 0" written after an expression


@dataclass
class Block:
    environment: str
    line: int  # 1-based line where the display's math starts
    chains: list[Chain] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)  # each row's expressions, as written
    file: str = "-"
    order: int = 0
    joined: bool = False  # it continued a chain of the display before it

    @property
    def chain(self) -> list[str]:
        """All expressions of the block in order (the block's chains one after another)."""
        return [e for c in self.chains for e in c.expressions]


def _blank(m: re.Match) -> str:
    """Text replaced by spaces, newlines kept: offsets, and so line numbers, stay true."""
    return re.sub(r"[^\n]", " ", m.group())


def _continues(row: str) -> bool:
    """The row may go on with the row before: it starts at the alignment point and states nothing."""
    return row.lstrip().startswith("&") and len(top_level_split(row, "=")) == 1


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
        if c == "\\" and i + 1 < len(text) and text[i + 1] in "{},;:!":  # \{ \} group nothing, \, splits nothing
            i += 2
            continue
        sized = _SIZED.match(text, i) if sep == "\\\\" else None
        if sized:  # \biggl( … \\ … \biggr): a bracket of fixed size may span rows, as authors break lines
            i = sized.end()
            continue
        if c in "{([":
            depth += 1
        elif c in "})]":
            depth -= 1
        elif depth <= 0 and text.startswith(sep, i) and (sep != "=" or _plain_equals(text, i)):
            parts.append((start, text[start:i]))
            start = i = i + len(sep)
            continue
        i += 1
    parts.append((start, text[start:]))
    return parts


def _plain_equals(text: str, i: int) -> bool:
    """An = that is not part of <=, >=, := or !=."""
    return not (i > 0 and text[i - 1] in "<>:!")


def _equations(row: str) -> list[tuple[int, int, str]]:
    """(column, offset, text) of each equation of an align row: the first pair of cells (a &= b),
    then each later pair whose right cell starts with = (a second equation, c &= d). The first
    pair that does not (&& \\text{…}, & (\\text{…})) starts the annotation column."""
    cells = top_level_split(row, "&")
    if len(cells) == 1:
        return [(0, 0, row)]
    out = [(0, 0, cells[0][1] + " " + cells[1][1])]
    k = 2
    while k + 1 < len(cells) and cells[k + 1][1].lstrip().startswith("="):
        out.append((k // 2, cells[k][0], cells[k][1] + " " + cells[k + 1][1]))
        k += 2
    annotation = " ".join(text for _, text in cells[k:]).strip()
    annotation = annotation.rstrip(",.;").strip()
    if _ANNOTATED_CONDITION.fullmatch(annotation):  # && (j \neq c): where the row holds, kept as its condition
        column, at, text = out[-1]
        out[-1] = (column, at, text + r" \quad " + (annotation if annotation.startswith("(") else f"({annotation})"))
    return out


def _parts(equation: str) -> list[tuple[int, str, bool]]:
    """(offset, statement, follows) of each statement of an equation: split after a separator, an
    implication (follows: True for the statement right after it) and a comma between equations.
    A separator inside brackets separates nothing: it becomes a space there."""
    out = []
    for at, text in top_level_split(equation, _BREAK):
        for k, (offset, implied) in enumerate(top_level_split(text, _IMPLIES)):
            plain = implied.replace(_BREAK, " ").replace(_IMPLIES, " ")
            out += [(o, statement, k > 0 and j == 0)
                    for j, (o, statement) in enumerate(_statements(at + offset, plain))]
    return out


_SPACE_MARK = "\u2065"  # what a \quad becomes while a statement is split at it
_SPACE = re.compile(r"\\q?quad(?![A-Za-z])")


def _statements(at: int, part: str) -> list[tuple[int, str]]:
    """u = x^2 + 1, \\; y = u^3 and L(x) = x^2 \\qquad M(x) = 2x: two equations a comma or a wide
    space separates, each (offset, text); a comma inside one (x = 1, 2, 3 or f(a, b) = …) separates
    nothing, nor a space before words or a condition (x^2 \\quad (x > 0)): those stay as written."""
    masked = _SPACE.sub(lambda m: _SPACE_MARK * len(m.group()), part)
    spans = [(o, o + len(piece)) for o, piece in top_level_split(masked, _SPACE_MARK) if piece]
    spans = [(o + k, o + k + len(piece)) for o, end in spans for k, piece in top_level_split(part[o:end], ",")]
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and len(top_level_split(part[start:end], "=")) > 1 \
                and len(top_level_split(part[out[-1][0]:out[-1][1]], "=")) > 1:
            out.append((start, end))
        elif out:
            out[-1] = (out[-1][0], end)  # (the comma or the space between them kept)
        else:
            out.append((start, end))
    return [(at + start, part[start:end]) for start, end in out]


# a = b < c = d: signs that link two expressions as = does, but claim no equality
_RELATION = re.compile(r"\\approx(?![A-Za-z])|\\(?:leq?|geq?|leqslant|geqslant|lt|gt)(?![A-Za-z])|[≈≤≥]"
                       r"|(?<!\\left)(?<!\\right)(?<!\\)[<>]")
_SIGNS = {"approx": "≈", "le": "≤", "leq": "≤", "leqslant": "≤", "ge": "≥", "geq": "≥", "geqslant": "≥",
          "lt": "<", "gt": ">"}
_MARKER = "\u2064"  # what a relation sign becomes while a piece is split (invisible plus)


def _expressions(part: str, start: int, lines: Lines,
                 conditions: list[str]) -> list[tuple[str, int, str | None]]:
    """(expression, line, the sign before it if not =) of each expression between the = signs and the
    other relation signs (≈, <, \\le) of part; a condition written after one (", x > 0") goes to
    conditions."""
    out = []
    equalities = top_level_split(part, "=")
    for o, piece in equalities:
        conditions += [m.group() for m in _CONDITION.finditer(piece)]
        piece = _CONDITION.sub(lambda m: " " * len(m.group()), piece)
        signs = [_SIGNS.get(m.group().lstrip("\\"), m.group()) for m in _RELATION.finditer(piece)]
        masked = _RELATION.sub(lambda m: _MARKER + " " * (len(m.group()) - 1), piece)
        pieces = top_level_split(masked, _MARKER)
        if len(pieces) != len(signs) + 1 or len(equalities) == 1 and set(signs) - {"≈"}:
            # a sign inside brackets links nothing; 0 < x < 1 with no = is a condition, no derivation
            pieces, signs = [(0, piece)], []
        for k, (o2, p) in enumerate(pieces):
            conditions += [m.group() for m in _BRACKETED_CONDITION.finditer(p)]
            expression = _LEADING.sub("", _TRAILING.sub("", _BRACKETED_CONDITION.sub("", p))).strip()
            out.append((expression, lines.at(start + o + o2 + len(p) - len(p.lstrip())),
                        signs[k - 1] if k > 0 else None))
    return out


def display_block(display: Display, macros: dict[str, Macro] | None = None) -> Block:
    """A display's chains, its expressions with the lines they stand on; the document's macros
    expanded first."""
    written = expand(_COMMENT.sub(_blank, display.body), macros or {})
    body = _INTERTEXT.sub(lambda m: "\\\\" + " " * (len(m.group()) - 2), written)
    # a cases block is one expression, its words its conditions' (latex_cases reads or refuses them):
    # the blanking of annotations and words below stays outside it (lengths are kept, so spans hold)
    cases = [(m.start(), m.end()) for m in _CASES.finditer(body)]

    def inside(m: re.Match) -> bool:
        return any(a <= m.start() < b for a, b in cases)

    def blank(m: re.Match) -> str:
        return m.group() if inside(m) else _blank(m)

    body = _ANNOTATION.sub(blank, body)
    body = _SEPARATOR.sub(lambda m: m.group() if inside(m) else _BREAK + " " * (len(m.group()) - 1), body)
    body = _IMPLICATION.sub(lambda m: m.group() if inside(m) else _IMPLIES + " " * (len(m.group()) - 1), body)
    body = _FILLER_WORDS.sub(blank, body)
    body = _TEXT_TAIL.sub(blank, body)
    body = _DEFINING.sub(lambda m: m.group(1) + "=" + " " * (len(m.group(2)) - 1), body)
    for pattern in _DROP:
        body = pattern.sub(blank, body)
    lines = Lines(body, display.line)
    chains: list[Chain] = []
    rows: list[list[str]] = []
    columns: dict[int, Chain] = {}  # the chain each column of the rows so far continues
    for row_start, raw in top_level_split(body, r"\\"):
        marks = _MARK.findall(written[row_start:row_start + len(raw)])
        row_exprs: list[str] = []
        for column, at, equation in _equations(raw):
            # a separator inside brackets separates nothing: it is a space there
            parts = _parts(equation)
            for k, (part_at, part, follows) in enumerate(parts):
                conditions: list[str] = []
                exprs = _expressions(part, row_start + at + part_at, lines, conditions)
                if not any(e for e, _, _ in exprs):
                    continue
                chain = columns.get(column) if k == 0 and display.environment not in _SEPARATE_ROWS else None
                carried = _CARRIED.match(exprs[0][0]) if _continues(raw) else None
                if carried and chain is not None and chain.expressions and chain.expressions[-1]:
                    # a row that starts with & and + or − and holds no = carries on the expression the row
                    # before broke off (−c &= d, or & −x = −x, is an equation of its own instead)
                    chain.expressions[-1] += " " + exprs[0][0][carried.end(1):]
                    exprs[0] = ("", exprs[0][1], exprs[0][2])
                starts_with_equals = exprs[0][0] == ""
                exprs = exprs[1:] if starts_with_equals else exprs
                if not (starts_with_equals and chain is not None):
                    chain = Chain([], [], continued=starts_with_equals and not chains, order=display.order,
                                  follows=chains[-1] if follows and chains else None)
                    chains.append(chain)
                    columns[column] = chain
                chain.conditions += conditions
                for e, n, sign in exprs:
                    if sign and chain.expressions:
                        chain.relations[len(chain.expressions)] = sign
                    chain.expressions.append(e)
                    chain.lines.append(n)
                if column == 0 and k == 0:
                    last = len(chain.expressions) - 1
                    chain.marks.update({m.strip(): (last - len(exprs) + 1, last) for m in marks})
                row_exprs.extend(e for e, _, _ in exprs)
        if row_exprs:
            rows.append(row_exprs)
    if chains and chains[-1].expressions and chains[-1].expressions[-1] == "":  # "… = " at the end
        chains[-1].expressions.pop()
        chains[-1].lines.pop()
        chains[-1].open_end = True
    return Block(display.environment, display.line, chains, rows, display.file, display.order)


def assemble(document: Document) -> list[Block]:
    """Every display's chains, with continuations joined across displays: a display that starts with
    = (or follows one that ends with =) continues the last chain before it, in the same file."""
    blocks = []
    for display in document.displays:
        try:
            blocks.append(display_block(display, document.macros))
        except DeriveError as exc:  # a macro that expands forever, or lacks its arguments
            document.skipped.append(Skipped(display.line, str(exc), display.file))
    previous: Chain | None = None
    previous_file = None
    for block in blocks:
        if not block.chains:
            continue
        first = block.chains[0]
        joins = previous is not None and previous_file == block.file and (first.continued or previous.open_end)
        if joins:
            shift = len(previous.expressions)
            previous.expressions.extend(first.expressions)
            previous.lines.extend(first.lines)
            previous.marks.update({m: (a + shift, b + shift) for m, (a, b) in first.marks.items()})
            block.chains.pop(0)
            block.joined = True
            if not block.chains:  # the whole display continued the chain: its open end is the chain's
                previous.open_end = first.open_end
                continue
        elif first.continued:
            document.skipped.append(Skipped(block.line, "a display starts with = but no chain comes before it",
                                            block.file))
        previous, previous_file = block.chains[-1], block.file
    return blocks


def extract_blocks(text: str, path: str = "-") -> list[Block]:
    """Every display block of a LaTeX or Markdown text, in order, continuations joined."""
    return assemble(read_document(text, path))
