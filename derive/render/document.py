"""A document: derivations with the prose around them, rendered in every output format."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from derive.render.formats import DEFAULT_LABEL_PREFIX, block_view, derivation_data, explanation, latex_block
from derive.render.layout import Page
from derive.render.printer import reading_differs
from derive.render.printer import text as text_of
from derive.render.templates import printable, render

if TYPE_CHECKING:
    from derive.record import Derivation

FORMATS = ("latex", "markdown", "json", "text", "python", "numpy")


@dataclass(frozen=True)
class Section:
    text: str  # prose before the display; may hold inline $…$ math
    derivation: Derivation | None = None
    style: str = "align"  # "align" (tagged lines) or "aligned" (annotated, unnumbered)
    display: str = ""  # a display written by hand (a definition), used when there is no derivation
    formula: str = ""  # the same display's formula alone, for Markdown (KaTeX takes no \label)


@dataclass(frozen=True)
class Document:
    title: str
    sections: tuple[Section, ...]
    explains: Derivation | tuple[Derivation, ...] | None = None  # those whose lines the closing prose explains
    closing: str = ""
    meta: dict = field(default_factory=dict)

    def _tag_start(self, section: Section) -> int:
        """Tags run on from one tagged block to the next."""
        start = 1
        for s in self.sections:
            if s is section:
                return start
            if s.derivation is not None and s.style == "align":
                start += len(s.derivation.lines())
        return start

    def _explanation(self, label_prefix: str, eqref: bool, numbered: bool = True) -> str:
        explained = self.explains if isinstance(self.explains, tuple) else (self.explains,)
        return " ".join(explanation(s.derivation, label_prefix, self._tag_start(s), eqref, numbered)
                        for s in self.sections if s.derivation is not None
                        and any(s.derivation is d for d in explained))

    def _block(self, s: Section, label_prefix: str, certificates: bool, page: Page) -> str:
        return latex_block(s.derivation, s.style, label_prefix, self._tag_start(s), certificates, page)

    def latex(self, label_prefix: str = DEFAULT_LABEL_PREFIX, standalone: bool = False,
              certificates: bool = False, page: Page = Page()) -> str:
        """The blocks alone, to paste into a paper, or (standalone) an article with the prose.
        certificates: each line's certificate in the margin of tagged blocks; page: the measure
        the lines fit and how they are numbered."""
        if not standalone:
            return "\n".join(self._block(s, label_prefix, certificates, page)
                             for s in self.sections if s.derivation is not None)
        sections = []
        for s in self.sections:
            if s.derivation is not None:
                body = self._block(s, label_prefix, certificates, page)
            else:
                body = s.display
            sections.append({"text": s.text, "latex": body.rstrip()})
        return render("article.tex.j2", title=self.title, sections=sections,
                      explanation=self._explanation(label_prefix, True, page.numbering != "none"),
                      closing=self.closing)

    def markdown(self) -> str:
        sections = [{"text": s.text, "style": s.style, "formula": s.formula,
                     "block": block_view(s.derivation, tag_start=self._tag_start(s)) if s.derivation else None}
                    for s in self.sections if s.derivation is not None or s.formula]
        return render("markdown.md.j2", title=self.title, sections=sections,
                      explanation=self._explanation(DEFAULT_LABEL_PREFIX, eqref=False))

    def text(self) -> str:
        sections = [{"heading": s.derivation.title, "read_as": _read_as(s.derivation),
                     "start": text_of(s.derivation.start),
                     "lines": block_view(s.derivation, tag_start=self._tag_start(s), printer=text_of).lines}
                    for s in self.sections if s.derivation is not None]
        # the title may hold $…$ math for LaTeX and Markdown; the terminal gets its plain twin
        return printable(render("text.txt.j2", title=self.meta.get("plain_title", self.title), sections=sections))

    def to_dict(self) -> dict:
        derivations = [s.derivation for s in self.sections if s.derivation is not None]
        return {
            "title": self.title,
            **{k: v for k, v in self.meta.items() if "code" not in k},  # code: expressions, for code()
            "verified": all(d.verified for d in derivations),
            "derivations": [derivation_data(d) for d in derivations],
        }

    def _repr_markdown_(self) -> str:  # Jupyter
        return self.markdown()

    def code(self, flavour: str = "python") -> str:
        """The function and its derivative as code (meta["code"] says which function it is)."""
        from derive.render.code import function_code, indexed_code

        if "indexed_code" in self.meta:  # results over indices (s_i(δ_ij − s_j)): arrays
            return indexed_code(self.meta["indexed_code"], flavour)
        if "code" not in self.meta:
            raise ValueError("this document holds no function to write as code")
        return function_code(flavour=flavour, **self.meta["code"])

    def json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def render(self, fmt: str = "latex", label_prefix: str = DEFAULT_LABEL_PREFIX,
               standalone: bool = False, certificates: bool = False, page: Page = Page()) -> str:
        if fmt == "latex":
            return self.latex(label_prefix, standalone, certificates, page)
        if fmt == "markdown":
            return self.markdown()
        if fmt == "json":
            return self.json()
        if fmt == "text":
            return self.text()
        if fmt in ("python", "numpy"):
            return self.code(fmt)
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def _read_as(d: Derivation) -> str:
    """The input as derive read it, when the user typed it and the reading looks different."""
    if not d.source:
        return ""
    read = text_of(d.start.expr if d.start.is_Derivative else d.start)
    return read if reading_differs(d.source, read) else ""
