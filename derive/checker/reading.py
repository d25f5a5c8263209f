"""Which reader a document needs: Markdown (markdown-it) or LaTeX (pylatexenc)."""

from __future__ import annotations

import re
from pathlib import Path

from derive.checker.documents import Document
from derive.checker.latex_document import read_latex
from derive.checker.markdown import read_markdown


def is_markdown(text: str, path: str) -> bool:
    """.md and .markdown files, and text that reads like Markdown (headings, fences, lists of $$)."""
    suffix = Path(path).suffix.lower()
    if suffix in (".md", ".markdown", ".mdx", ".rmd", ".qmd"):
        return True
    if suffix in (".tex", ".ltx", ".latex"):
        return False
    if re.search(r"\\documentclass|\\begin\{document\}", text):
        return False
    return bool(re.search(r"^(#{1,6} |```|~~~|[-*] )", text, re.MULTILINE))


def read_document(text: str, path: str = "-") -> Document:
    """The displays, inline formulas and prose of a LaTeX or Markdown text, in the order they stand."""
    document = Document(path)
    (read_markdown if is_markdown(text, path) else read_latex)(text, path, document)
    return document
