"""How wide a formula prints: an estimate, in points of a 10pt Computer Modern article, of the LaTeX
that derive's printer writes. Line breaking and the choice between two equal forms use it.

It reads TeX's styles as TeX does (a fraction in display style sets its parts in text style, one in
text style in script style; scripts are set smaller) with average glyph widths, and leans wide: a
line it passes must fit, so each estimate errs on the long side of what pdflatex measures.
"""

from __future__ import annotations

import re

# the measures a derivation may be written for: a plain article (10pt, one column), and one column
# of a plain twocolumn article
MEASURES = {"onecolumn": 345.0, "twocolumn": 229.5}

_SCALE = (1.0, 1.0, 0.7, 0.5)  # display, text, script, scriptscript
_ITALIC, _UPPER, _DIGIT, _ROMAN, _GREEK = 5.6, 7.6, 5.0, 4.8, 6.0
_BINARY, _RELATION, _PUNCT = 12.6, 13.9, 4.5  # a glyph with the space TeX puts round it
_SPACES = {r"\quad": 10.0, r"\qquad": 20.0, r"\,": 1.7, r"\;": 2.8, r"\:": 2.2, r"\!": -1.7, r"\ ": 3.3}
_BIG = {r"\sum": (14.5, 10.6), r"\prod": (12.8, 9.5), r"\int": (11.2, 5.6)}  # display, text
_ROMAN_NAMES = {"sin", "cos", "tan", "sec", "csc", "cot", "sinh", "cosh", "tanh", "log", "ln", "exp", "max",
                "min", "arcsin", "arccos", "arctan", "det", "lim"}
_TOKEN = re.compile(r"\\[a-zA-Z]+|\\.|[{}^_]|\s+|.", re.S)


def width(latex: str, style: int = 0) -> float:
    """The printed width of a formula, in pt; style 0 is display style (an align line)."""
    return _Reader(_TOKEN.findall(latex)).run(style)


def text_width(text: str, size: float = 1.0) -> float:
    """Roman text, as \\text{…} sets it."""
    return size * sum(3.3 if c == " " else 6.5 if c.isupper() else 4.1 for c in text)


class _Reader:
    """Walks the tokens once, summing widths; groups and arguments are read recursively."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens, self.i = tokens, 0

    def run(self, style: int, until: str | None = None) -> float:
        total = 0.0
        while self.i < len(self.tokens):
            token = self.tokens[self.i]
            self.i += 1
            if token == until:
                break
            total += self.token(token, style)
        return total

    def group(self, style: int) -> float:
        """The next argument: a {…} group or a single token."""
        while self.i < len(self.tokens) and self.tokens[self.i].isspace():
            self.i += 1
        if self.i >= len(self.tokens):
            return 0.0
        token = self.tokens[self.i]
        self.i += 1
        return self.run(style, "}") if token == "{" else self.token(token, style)

    def raw_group(self) -> str:
        """The next argument's text, unread (for \\text and \\operatorname)."""
        while self.i < len(self.tokens) and self.tokens[self.i].isspace():
            self.i += 1
        if self.i >= len(self.tokens):
            return ""
        self.i += 1
        if self.tokens[self.i - 1] != "{":
            return self.tokens[self.i - 1]
        depth, out = 1, []
        while self.i < len(self.tokens):
            token = self.tokens[self.i]
            self.i += 1
            depth += {"{": 1, "}": -1}.get(token, 0)
            if depth == 0:
                break
            out.append(token)
        return "".join(out)

    def _tall(self) -> bool:
        """What \\left opens up to its \\right holds a fraction or a big operator: tall brackets."""
        depth = 1
        for token in self.tokens[self.i:]:
            depth += (token == r"\left") - (token == r"\right")
            if depth == 0:
                return False
            if token in (r"\frac", r"\sum", r"\prod", r"\int", r"\dfrac"):
                return True
        return False

    def limits(self, style: int, stacked: bool) -> float:
        """The _{…} and ^{…} of a big operator: above and below it (stacked) or beside it."""
        widths = []
        while self.i < len(self.tokens) and self.tokens[self.i] in "_^":
            self.i += 1
            widths.append(self.group(style))
        return (max(widths, default=0.0) if stacked else sum(widths))

    def token(self, token: str, style: int) -> float:
        scale = _SCALE[style]
        script = 2 if style < 2 else 3
        if token == "{":
            return self.run(style, "}")
        if token in "^_":
            return self.group(script) + 0.5
        if token.isspace() or token == "}" or token == "&":
            return 0.0
        if token.startswith("\\"):
            return self.command(token, style)
        if token in "+-*<>":
            return scale * _BINARY if style < 2 else scale * 7.8
        if token == "=":
            return scale * _RELATION if style < 2 else scale * 7.8
        if token in ",;":
            return scale * _PUNCT
        if token in "()[]|":
            return scale * 3.9
        if token.isdigit() or token == ".":
            return scale * _DIGIT
        if token.isupper():
            return scale * _UPPER
        return scale * _ITALIC

    def command(self, name: str, style: int) -> float:
        scale = _SCALE[style]
        inner = (1, 2, 3, 3)[style]  # a fraction's parts: display → text → script → scriptscript
        if name in (r"\frac", r"\dfrac", r"\tfrac"):
            part = {r"\dfrac": 1, r"\tfrac": 2}.get(name, inner)
            return max(self.group(part), self.group(part)) + 2.4 * scale
        if name == r"\sqrt":
            return self.group(style) + 8.4 * scale
        if name in (r"\left", r"\right", r"\bigl", r"\bigr", r"\Bigl", r"\Bigr", r"\biggl", r"\biggr"):
            delimiter = self.tokens[self.i] if self.i < len(self.tokens) else ""
            self.i += 1
            if delimiter == ".":
                return 0.0
            if name != r"\left":
                return scale * (5.0 if name == r"\right" else 5.8)
            return scale * (7.4 if self._tall() else 5.0)
        if name in _BIG:
            big = _BIG[name][0 if style == 0 else 1] * scale
            if style == 0 and name != r"\int":  # limits above and below, in script style
                return max(big, self.limits(2, stacked=True))
            return big + self.limits(2 if style < 2 else 3, stacked=False)
        if name in (r"\text", r"\textrm", r"\mathrm", r"\operatorname"):
            words = self.raw_group()
            return text_width(words, scale) if name.startswith(r"\text") else scale * (_ROMAN * len(words) + 3.4)
        if name in (r"\footnotesize", r"\small", r"\scriptsize"):
            return 0.0
        if name in (r"\hspace", r"\hspace*"):
            return _length(self.raw_group())
        if name in _SPACES:
            return _SPACES[name]
        if name in (r"\cdot", r"\times", r"\pm", r"\mp"):
            return scale * (7.8 if name == r"\cdot" else _BINARY)
        if name in (r"\le", r"\ge", r"\leq", r"\geq", r"\ne", r"\approx", r"\to"):
            return scale * _RELATION
        if name in (r"\prime", r"\partial", r"\infty", r"\nabla"):
            return scale * (2.8 if name == r"\prime" else 6.0)
        if name in (r"\notag", r"\nonumber", r"\label", r"\tag", r"\displaystyle"):
            if name in (r"\label", r"\tag"):
                self.raw_group()
            return 0.0
        if name[1:] in _ROMAN_NAMES:
            return scale * (_ROMAN * len(name[1:]) + 1.7)
        if name in (r"\{", r"\}", r"\|", r"\lvert", r"\rvert", r"\langle", r"\rangle"):
            return scale * 3.9
        return scale * _GREEK  # \sigma, \delta, \ell …


def _length(text: str) -> float:
    """A TeX length in pt: 2cm, 1em, 10pt."""
    match = re.fullmatch(r"\s*([0-9.]+)\s*(pt|cm|mm|in|em|ex)\s*", text)
    if not match:
        return 0.0
    value, unit = float(match.group(1)), match.group(2)
    return value * {"pt": 1.0, "cm": 28.45, "mm": 2.845, "in": 72.27, "em": 10.0, "ex": 4.3}[unit]


def measure(name: str) -> float:
    """The text width a --width value names: onecolumn, twocolumn, or a length such as 300pt or 12cm."""
    if name in MEASURES:
        return MEASURES[name]
    value = _length(name)
    if value <= 0:
        raise ValueError(f"--width takes onecolumn, twocolumn or a length such as 300pt, not {name!r}")
    return value
