"""What the prose says of a sample: how many terms it has ("$X_1, \\dots, X_n$", which bounds a sum
over the X_j written without bounds) and the law of its terms ("independent with mean $\\mu$ and
variance $\\sigma^2$", "i.i.d. $\\mathcal{N}(\\mu, v)$", "$X_i \\sim \\mathcal{N}(\\mu, \\sigma^2)$"). A
sentence is read with its formulas: the prose holds a marker ⟨k⟩ where the k-th inline formula stands."""

from __future__ import annotations

import re

from sympy import Expr, Symbol

from derive.checker.documents import Inline
from derive.errors import DeriveError
from derive.parse import parse


# X_1, \dots, X_n; x_1, x_2, \ldots, x_{N}: a sample of n terms named by one letter
_COUNTED = re.compile(r"(?<![\\A-Za-z])([A-Za-z])_\{?1\}?\s*,\s*(?:\1_\{?2\}?\s*,\s*)?\\[lc]?dots\s*,?\s*"
                      r"\1_\{?([A-Za-z])\}?(?![A-Za-z0-9_])")


# "X_1, \dots, X_n i.i.d. with mean ⟨μ⟩ and variance ⟨σ²⟩" (⟨k⟩: the k-th inline formula); "the
# average of X_1, …, X_n has mean μ" gives the average's, not the X's: only "with" introduces a law
_MEAN_VARIANCE = re.compile(r"\bwith\s+(?:a\s+|the\s+)?(?:common\s+)?mean\s*⟨(\d+)⟩\s*(?:,\s*)?(?:and\s+)?"
                            r"(?:common\s+)?variance\s*⟨(\d+)⟩", re.IGNORECASE)
_MARK = re.compile(r"⟨(\d+)⟩")
# X_i \sim \mathcal{N}(\mu, \sigma^2), or i.i.d. \mathcal{N}(\mu, v) after the sample
_NORMAL_LAW = re.compile(r"^(?:(.*?)\\sim)?\s*\\mathcal\s*\{\s*N\s*\}\s*(?:\\left)?\(([^()]*),([^()]*)(?:\\right)?\)\s*$",
                         re.DOTALL)
_SAMPLE_TERM = re.compile(r"^\s*([A-Z])_(?:\{?[a-z1]\}?)\s*$")  # X_i, X_1


def laws(inline: list[Inline], prose: list[tuple[int, str, str]]) -> list[tuple[Inline, str, tuple[Expr, Expr]]]:
    """(where, letter, (mean, variance)) for each sentence that gives a sample's terms a law: "X_1, …,
    X_n i.i.d. with mean μ and variance σ²", "X_i ∼ N(μ, σ²)", "X_1, …, X_n i.i.d. N(μ, v)"."""
    found = []
    text = " ".join(words for _, words, _ in prose)
    for sentence in re.split(r"(?<=[.!?])(?<![ .][A-Za-z]\.)\s+", text):  # (not after i.i.d. or e.g.)
        marks = [int(k) for k in _MARK.findall(sentence) if int(k) < len(inline)]
        letters = []
        for k in marks:
            formula = inline[k].formula
            normal = _NORMAL_LAW.match(formula)
            head = normal.group(1) if normal and normal.group(1) else formula
            letters += [m.group(1) for m in _COUNTED.finditer(head)] + [
                m.group(1) for m in [_SAMPLE_TERM.match(head)] if m and normal]
        if not letters:
            continue
        law = None
        if (m := _MEAN_VARIANCE.search(sentence)) and max(int(m.group(1)), int(m.group(2))) < len(inline):
            law = (inline[int(m.group(1))], inline[int(m.group(1))].formula, inline[int(m.group(2))].formula)
        for k in marks:
            if law is None and (normal := _NORMAL_LAW.match(inline[k].formula)):
                law = (inline[k], normal.group(2), normal.group(3))
        if law is None:
            continue
        try:
            mean, variance = (parse(part, reader="latex") for part in law[1:])
        except DeriveError:
            continue
        found.append((law[0], letters[0], (mean, variance)))
    return found


def counts_in(formula: str) -> list[tuple[str, Symbol]]:
    """(letter, bound) for each list x_1, …, x_n in a formula: the text's count of the x's."""
    found = []
    for m in _COUNTED.finditer(formula):
        try:
            bound = parse(m.group(2), reader="latex")
        except DeriveError:
            continue
        if isinstance(bound, Symbol):
            found.append((m.group(1), bound))
    return found
