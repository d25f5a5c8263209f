"""$…$, $$…$$, \\(…\\) and \\[…\\] around a whole formula: not part of the expression."""

from __future__ import annotations

import re

from derive.errors import ParseError

_MATH_DELIMITERS = re.compile(r"^\s*(\$\$|\$|\\\(|\\\[)(.*?)(\$\$|\$|\\\)|\\\])\s*$", re.DOTALL)
_PAIRS = {"$$": "$$", "$": "$", r"\(": r"\)", r"\[": r"\]"}


def strip_math_delimiters(text: str) -> str:
    """The formula inside its delimiters; a $ anywhere else is refused where it stands."""
    m = _MATH_DELIMITERS.match(text)
    if m and _PAIRS[m.group(1)] == m.group(3):
        return m.group(2)
    if "$" in text:
        raise ParseError("a $ inside the expression: give one formula, $…$ around all of it or none",
                         text, text.index("$"))
    return text
