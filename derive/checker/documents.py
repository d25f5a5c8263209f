"""A document as derive check reads it: its displays, its inline formulas and its prose, in the order
they stand, and what it skipped: data, which derive.checker.latex_document and derive.checker.markdown
fill with the field's parsers (pylatexenc; markdown-it with dollarmath and amsmath); Lines gives the
line of an offset in one pass."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Display:
    environment: str  # align, equation, $$, \[ …
    body: str  # the math inside, as written
    line: int  # 1-based line where the body starts
    file: str  # the file it stands in
    closed: bool = True  # False: the document never closes it
    order: int = 0  # its place in the document, \input files read where they are included


@dataclass(frozen=True)
class Inline:
    formula: str
    line: int
    file: str
    order: int = 0


@dataclass(frozen=True)
class Skipped:
    line: int
    reason: str
    file: str


# where an inline formula stands in the prose ("with mean ⟨3⟩ and variance ⟨4⟩"): its index in inline
INLINE_MARK = "\u27e8{}\u27e9"
INLINE_MARKS = re.compile("\u27e8(\\d+)\u27e9")  # the markers in a text: each one's index


@dataclass
class Document:
    path: str
    displays: list[Display] = field(default_factory=list)
    inline: list[Inline] = field(default_factory=list)
    prose: list[tuple[int, str, str]] = field(default_factory=list)  # (line, text, file)
    skipped: list[Skipped] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # the \input files read, resolved (never an -o target)
    macros: dict = field(default_factory=dict)  # name → derive.checker.macros.Macro, as the document defines them
    # the places (orders, first to one past the last) each example environment spans: what an example
    # defines holds inside it only (the next example may give p(y | μ) another law)
    scopes: list[tuple[int, int]] = field(default_factory=list)

    def add_inline(self, formula: str, line: int, path: str, prose: list | None = None) -> None:
        """An inline formula, and where it stands in the prose: the marker of its index (prose is the
        list the sentence is gathered in; the document's own by default)."""
        self.inline.append(Inline(formula, line, path, self.next_order()))
        mark = INLINE_MARK.format(len(self.inline) - 1)
        if prose is None:
            self.prose.append((line, mark, path))
        else:
            prose.append(mark)

    def next_order(self) -> int:
        """The place of the next display or inline formula, in reading order."""
        return len(self.displays) + len(self.inline)


class Lines:
    """Line numbers of offsets in one text, from one pass over it (counting newlines for every
    expression or node would make a long document quadratic)."""

    def __init__(self, text: str, first: int = 1) -> None:
        self.starts = [i for i, c in enumerate(text) if c == "\n"]
        self.first = first

    def at(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, offset) + self.first
