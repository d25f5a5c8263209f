"""Which characters derive reads, and how: the one place where Unicode is decided.

Read correctly: fullwidth and other compatibility forms (NFKC: ｘ → x), Unicode minus and dashes,
× · ÷, superscript digits in plain text (x² → x^2), Greek letters. Refused, with their position:
invisible characters (zero-width spaces, right-to-left marks, other format and control characters)
and letters from other scripts, such as a Cyrillic е that looks like e: what cannot be seen or told
apart must not change what derive reads.
"""

from __future__ import annotations

import unicodedata

from derive.errors import ParseError

_SAME_AS = {
    "\u2212": "-", "\u2013": "-", "\u2014": "-", "\u2010": "-", "\u2011": "-",  # minus and dashes
    "\u00d7": "*", "\u00b7": "*", "\u22c5": "*", "\u2219": "*", "\u00f7": "/",
}
_SUPERSCRIPTS = {"⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7",
                 "⁸": "8", "⁹": "9", "⁻": "-"}
_ALLOWED_SPACE = {" ", "\t", "\n", "\r"}


def _describe(c: str) -> str:
    return f"U+{ord(c):04X} ({unicodedata.name(c, 'unnamed')})"


def refuse_hidden(text: str) -> None:
    """Invisible and control characters are refused where they stand."""
    for i, c in enumerate(text):
        if c in _ALLOWED_SPACE:
            continue
        if unicodedata.category(c) in ("Cf", "Cc", "Co", "Cn", "Cs", "Zl", "Zp"):
            raise ParseError(f"invisible character {_describe(c)}", text, i)


def normalize(text: str, superscripts: bool) -> str:
    """The characters derive reads, in their ASCII (or Greek) form; ParseError for the rest."""
    if not text.strip():
        raise ParseError("the expression is empty")
    refuse_hidden(text)
    if superscripts:
        text = _superscripts(text)
    text = "".join(_SAME_AS.get(c, c) for c in text)
    text = unicodedata.normalize("NFKC", text)
    text = "".join(_SAME_AS.get(c, c) for c in text)  # NFKC can yield a minus sign too
    text = text.replace("\u00a0", " ")
    for i, c in enumerate(text):
        if ord(c) < 128 or c.isspace():
            continue
        if not (c.isalpha() and "GREEK" in unicodedata.name(c, "")):
            raise ParseError(f"character {_describe(c)} is not part of any expression derive reads",
                             text, i)
    return text


def _superscripts(text: str) -> str:
    """x² → x^(2), x⁻¹ → x^(-1): a run of superscript characters is one exponent."""
    out, i = [], 0
    while i < len(text):
        if text[i] in _SUPERSCRIPTS:
            j = i
            while j < len(text) and text[j] in _SUPERSCRIPTS:
                j += 1
            run = "".join(_SUPERSCRIPTS[c] for c in text[i:j])
            if not run.lstrip("-").isdigit() or run.count("-") > 1:
                raise ParseError("a superscript must be a whole number, like ² or ⁻¹", text, i)
            out.append(f"^({run})")
            i = j
        else:
            out.append(text[i])
            i += 1
    return "".join(out)
