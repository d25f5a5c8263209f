"""A document's own macros (\\newcommand, \\renewcommand, \\def, \\DeclareMathOperator, and --macro
from the command line), expanded in its math before it is read: \\dd is \\mathrm{d} there.

Expansion is bounded: a macro that expands itself (\\def\\a{\\a\\a}) is a limit error, not a hang."""

from __future__ import annotations

import re
from dataclasses import dataclass

from derive.errors import LimitError, ParseError

MAX_EXPANSIONS = 1000
MAX_GROWTH = 20_000  # characters a formula may have once its macros are expanded


@dataclass(frozen=True)
class Macro:
    name: str  # without the backslash
    nargs: int
    body: str  # with #1 … #9 for the arguments


_NAME = re.compile(r"\\([A-Za-z]+)")


def parse_macro(source: str) -> Macro:
    """'\\dd=\\mathrm{d}' or '\\pd[2]=\\frac{\\partial #1}{\\partial #2}' (the --macro option)."""
    m = re.fullmatch(r"\s*\\([A-Za-z]+)\s*(?:\[(\d)\])?\s*=(.*)", source, re.DOTALL)
    if m is None:
        raise ParseError("a macro reads like \\dd=\\mathrm{d} or \\pd[2]=\\frac{\\partial #1}{\\partial #2}", source, 0)
    return Macro(m.group(1), int(m.group(2) or 0), m.group(3).strip())


def argument(text: str, i: int) -> tuple[str, int] | None:
    """The argument at text[i:]: a brace group's content, or one character or command; None at the end."""
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text):
        return None
    if text[i] == "{":
        depth = 0
        for k in range(i, len(text)):
            depth += {"{": 1, "}": -1}.get(text[k], 0) if text[k - 1] != "\\" or k == i else 0
            if depth == 0:
                return text[i + 1:k], k + 1
        return None
    m = _NAME.match(text, i)
    return (m.group(), m.end()) if m else (text[i], i + 1)


def expand(text: str, macros: dict[str, Macro]) -> str:
    """text with every macro it uses expanded, again and again, within the bounds."""
    if not macros or "\\" not in text:
        return text
    expansions, pos = 0, 0
    while (m := _NAME.search(text, pos)) is not None:
        macro = macros.get(m.group(1))
        if macro is None:
            pos = m.end()
            continue
        expansions += 1
        if expansions > MAX_EXPANSIONS or len(text) > MAX_GROWTH:
            raise LimitError(f"expanding the macro \\{macro.name} goes on and on (does it expand itself?)")
        body, end = macro.body, m.end()
        for k in range(1, macro.nargs + 1):
            found = argument(text, end)
            if found is None:
                raise ParseError(f"\\{macro.name} takes {macro.nargs} arguments", text, m.start())
            given, end = found
            body = body.replace(f"#{k}", given)
        if _SCRIPT_BEFORE.search(text, 0, m.start()):
            body = "{" + body + "}"  # x^\py is x^{p_y}: a macro is one token to ^ and _, as in TeX
        elif body[:1].isalpha() and _ENDS_IN_A_COMMAND.search(text, 0, m.start()):
            body = " " + body  # \lambda\py with \py = p_y: \lambda p_y, never the command \lambdap
        text = text[:m.start()] + body + text[end:]
        pos = m.start()  # what the body holds is expanded too
    return text


_ENDS_IN_A_COMMAND = re.compile(r"\\[A-Za-z]+$")
_SCRIPT_BEFORE = re.compile(r"(?<!\\)[\^_]\s*$")
_DEF = re.compile(r"\\def\s*\\([A-Za-z]+)\s*((?:#\d)*)\s*\{")


def from_def(text: str, at: int) -> Macro | None:
    """\\def\\name#1#2{body} at text[at:] (pylatexenc does not read \\def's arguments)."""
    m = _DEF.match(text, at)
    if m is None:
        return None
    found = argument(text, m.end() - 1)
    return None if found is None else Macro(m.group(1), len(m.group(2)) // 2, found[0])
