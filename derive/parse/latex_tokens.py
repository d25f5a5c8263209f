"""LaTeX math as tokens: numbers, letters, commands, operators, each with its column.

Spacing and sizing (\\left, \\bigl, \\,, \\quad, \\displaystyle) goes here, so that the grammar never
sees it; \\left| and \\right| stay, as bars that say which side they are. \\operatorname{sech} and
\\mathrm{ReLU} become one name token. TeX primitives and text are refused where they stand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from derive.errors import ParseError

# Spacing, sizing and style: they change how a formula looks, never what it says.
DROPPED = frozenset({"left", "right", "middle", "displaystyle", "textstyle", "scriptstyle",
                     "scriptscriptstyle", "quad", "qquad", "limits", "nolimits", ",", ";", ":", "!", " ", ">"}
                    | {f"{size}{side}" for size in ("big", "Big", "bigg", "Bigg") for side in ("", "l", "r", "m")})
TEXT = frozenset({"text", "textrm", "textit", "textbf", "mbox", "hbox"})
# Not part of an expression: text, and TeX that reads files or runs commands.
REFUSED = frozenset({"text", "textrm", "textit", "textbf", "mbox", "hbox", "intertext", "input", "include",
                     "write", "immediate", "def", "edef", "gdef", "let", "newcommand", "renewcommand",
                     "usepackage", "catcode", "csname", "openout", "openin", "read", "special", "jobname"})
TIMES = frozenset({"cdot", "times", "ast"})
RELATIONS = frozenset({"leq", "le", "geq", "ge", "neq", "ne", "approx", "equiv", "sim", "simeq", "propto",
                       "to", "rightarrow", "Rightarrow", "leftarrow", "mapsto", "iff", "implies", "in",
                       "ll", "gg", "lt", "gt", "cong", "coloneqq"})
BARS = frozenset({"|", "vert", "lvert", "rvert"})
NORM_BARS = frozenset({"Vert", "lVert", "rVert"})  # and \|: ‖𝐰‖, a vector's length
NAME_WRAPPERS = frozenset({"operatorname", "mathrm", "mathit", "mathsf", "operatorname*", "mathbb"})  # \mathbb{E}: E

_NUMBER = re.compile(r"\d+(?:\.\d*)?|\.\d+")
_COMMAND = re.compile(r"\\(operatorname\*|[A-Za-z]+|.)", re.DOTALL)
_WRAPPED = re.compile(r"\s*\{\s*([A-Za-z]+|1)\s*\}")  # \mathbb{1}: the indicator
_OPS = "+-*/^_'()[]{}|,=<>!;"  # ; separates parameters from data: L(\\mu, \\sigma; x)


@dataclass(frozen=True)
class Token:
    kind: str  # number, letter, name, command, op, bar, relation, text, cases (its body), end
    text: str  # "12", "x", "sech" (a wrapped name), "\\sin", "+", "|"
    at: int  # column of its first character
    end: int  # column after it: letters with no space between are written as one word
    side: str = ""  # "open" or "close" for \left| and \right|; "" when the reader must decide
    gap: bool = False  # a visible space (\, \; \quad ~) stands before it: \sin x\, x is sin(x)·x


_GAP = re.compile(r"~|\\(?:[,;: ]|q?quad(?![A-Za-z]))")


_SIZING = re.compile(r"\\(left|right)(?![A-Za-z])\s*(\.|\||\\vert(?![A-Za-z])|\\[{}]|\\?[^\sA-Za-z])?")


def evaluation_brackets(text: str) -> str:
    """\\left. F \\right|_0^1 (F from 0 to 1) written as \\left[ F \\right]_0^1, which the reader takes
    as an evaluation; the same length, so columns in messages stay where the author wrote them."""
    out = list(text)
    opened: list[re.Match] = []
    for m in _SIZING.finditer(text):
        if m.group(1) == "left":
            opened.append(m)
            continue
        if not opened:
            continue
        left = opened.pop()
        after = text[m.end():].lstrip()
        if left.group(2) == "." and m.group(2) in ("|", "\\vert") and after.startswith("_"):
            out[left.start(2)] = "["
            out[m.start(2):m.end(2)] = ["]"] + [" "] * (m.end(2) - m.start(2) - 1)
    return "".join(out)


def tokenize(text: str) -> list[Token]:
    text = evaluation_brackets(text)
    tokens: list[Token] = []
    i, gap = 0, False
    while i < len(text):
        c = text[i]
        count = len(tokens)
        if (m := _GAP.match(text, i)) is not None:
            i, gap = m.end(), True
            continue
        if c.isspace():
            i += 1
        elif c == "\\":
            i = _command(text, i, tokens)
        elif c.isdigit() or (c == "." and text[i + 1:i + 2].isdigit()):
            i = _number(text, i, tokens)
        elif c.isalpha():
            tokens.append(Token("letter", c, i, i + 1))
            i += 1
        elif c == "|":
            tokens.append(Token("bar", "|", i, i + 1))
            i += 1
        elif c in "=<>":
            tokens.append(Token("relation", c, i, i + 1))
            i += 1
        elif c == ":" and text[i + 1:i + 2] == "=":
            tokens.append(Token("relation", ":=", i, i + 2))
            i += 2
        elif c in _OPS:
            tokens.append(Token("op", c, i, i + 1))
            i += 1
        elif c == "&":
            raise ParseError("an alignment & inside an expression", text, i)
        elif c == "$":
            raise ParseError("a $ inside the expression: give one formula, $…$ around all of it or none", text, i)
        else:
            raise ParseError(f"unexpected character {c!r}", text, i)
        if len(tokens) > count:
            if gap:
                tokens[count] = replace(tokens[count], gap=True)
            gap = False
    tokens.append(Token("end", "", len(text), len(text)))
    return divergence_bars(tokens)


def _environment_end(text: str, start: int, name: str) -> int:
    """Where the \\end{name} that closes the environment opened before start begins (nested ones skipped)."""
    opening, closing = rf"\begin{{{name}}}", rf"\end{{{name}}}"
    depth, k = 1, start
    while True:
        close = text.find(closing, k)
        if close < 0:
            raise ParseError(f"\\begin{{{name}}} is never closed", text, start)
        inner = text.find(opening, k, close)
        if inner >= 0:
            depth, k = depth + 1, inner + len(opening)
            continue
        depth -= 1
        if depth == 0:
            return close
        k = close + len(closing)


def _number(text: str, i: int, tokens: list[Token]) -> int:
    m = _NUMBER.match(text, i)
    end = m.end()
    if text[end:end + 1] == "." or (text[end - 1] == "." and text[end:end + 1].isdigit()):
        raise ParseError("a number with two dots", text, i)
    tokens.append(Token("number", m.group(), i, end))
    return end


def _command(text: str, i: int, tokens: list[Token]) -> int:
    m = _COMMAND.match(text, i)
    if m is None:
        raise ParseError("a lone backslash at the end", text, i)
    name, end = m.group(1), m.end()
    if name == "\\":
        raise ParseError("a row break \\\\ inside an expression", text, i)
    after_underscore = tokens and tokens[-1].text == "_" or len(tokens) > 1 and tokens[-1].text == "{" \
        and tokens[-2].text == "_"
    if name in TEXT and after_underscore and _WRAPPED.match(text, end):
        return _wrapped_name(text, i, end, "mathrm", tokens)  # \theta_{\text{MAP}}: an acronym, upright
    if name == "text" and _TEXT_CALL.match(text, end):
        return _wrapped_name(text, i, end, "mathrm", tokens)  # \text{MRL}(t): a function's name
    if name in TEXT and text[end:].lstrip().startswith("{"):
        # words: one token, refused where it stands as math, skipped as a label (\underbrace{…}_{\text{…}})
        close = _closing(text, text.index("{", end))
        tokens.append(Token("text", "\\" + name, i, close + 1))
        return close + 1
    if name in REFUSED:
        raise ParseError(f"\\{name} is not part of an expression", text, i)
    if name == "begin":
        env = re.match(r"\s*\{([^{}]*)\}", text[end:])
        if env and env.group(1) in ("cases", "dcases"):  # a function by cases: one token, read by latex_cases
            close = _environment_end(text, end + env.end(), env.group(1))
            tokens.append(Token("cases", text[end + env.end():close], i, close + len(rf"\end{{{env.group(1)}}}")))
            return close + len(rf"\end{{{env.group(1)}}}")
        raise ParseError(f"derive does not read \\begin{{{env.group(1) if env else ''}}} yet", text, i)
    if name in DROPPED:
        return _delimiter(text, end, name, tokens)
    if name in TIMES:
        tokens.append(Token("op", "*", i, end))
    elif name == "odot":  # 𝐲 ⊙ 𝐬: the entrywise (Hadamard) product of two vectors
        tokens.append(Token("op", "⊙", i, end))
    elif name == "mid":  # p(x \mid \mu, \sigma): what follows the bar is given, as after a ;
        tokens.append(Token("op", ";", i, end))
    elif name == "div":
        tokens.append(Token("op", "/", i, end))
    elif name in RELATIONS:
        tokens.append(Token("relation", "\\" + name, i, end))
    elif name == "|" or name in NORM_BARS:
        side = {"lVert": "open", "rVert": "close"}.get(name, "")
        tokens.append(Token("bar", "‖", i, end, side))
    elif name in BARS:
        side = {"lvert": "open", "rvert": "close"}.get(name, "")
        tokens.append(Token("bar", "|", i, end, side))
    elif name in NAME_WRAPPERS:
        return _wrapped_name(text, i, end, name, tokens)
    else:
        tokens.append(Token("command", "\\" + name, i, end))
    return end


def _delimiter(text: str, end: int, name: str, tokens: list[Token]) -> int:
    """\\left| and \\right| are bars of a known side; \\left. and \\right. are nothing."""
    side = "open" if name in ("left",) or name.endswith("l") else "close" if name == "right" or name.endswith("r") else ""
    j = end
    while j < len(text) and text[j].isspace():
        j += 1
    if name in ("left", "right", "middle") and text[j:j + 1] == ".":
        return j + 1
    bar = re.match(r"\||\\(?:vert|lvert|rvert|Vert|lVert|rVert|\|)(?![A-Za-z])", text[j:])
    if bar is not None and side:
        double = bar.group() in ("\\|", "\\Vert", "\\lVert", "\\rVert")
        tokens.append(Token("bar", "‖" if double else "|", j, j + bar.end(), side))
        return j + bar.end()
    return end


# \text{MRL}(t): an acronym in \text right before a bracket names a function, as \mathrm{MRL}(t) does
# (two capitals at least: MSE, KL, ReLU); a word of prose stays words (\text{Lemma}(2), \text{by}(2))
TEXT_CALL = r"\s*\{(?=[a-z]*[A-Z][a-z]*[A-Z])[A-Za-z]+\}\("
_TEXT_CALL = re.compile(TEXT_CALL)


def _wrapped_name(text: str, at: int, end: int, command: str, tokens: list[Token]) -> int:
    """\\operatorname{sech} → the name sech; \\mathrm{e} and \\mathrm{d} → the letters e and d."""
    m = _WRAPPED.match(text, end)
    if m is None:
        raise ParseError(f"\\{command} holds a name in braces here, like \\{command}{{sech}}", text, at)
    word = m.group(1)
    if word == "1":  # \mathbb{1}[i = j]: the indicator, as the name 1 (a number is only ever a digit)
        tokens.append(Token("name", "1", at, m.end()))
        return m.end()
    # \mathbb{E} is the expectation's name, never the letter E (E X without brackets is E[X])
    single = len(word) == 1 and not (command == "mathbb" and word == "E")
    tokens.append(Token("letter" if single else "name", word, at, m.end()))
    return m.end()


def _closing(text: str, at: int) -> int:
    """The index of the } that closes the { at `at`; a missing one is an error where it opened."""
    depth = 0
    for k in range(at, len(text)):
        if text[k] == "{" and text[k - 1] != "\\":
            depth += 1
        elif text[k] == "}" and text[k - 1] != "\\":
            depth -= 1
            if depth == 0:
                return k
    raise ParseError("a { that is never closed", text, at)


def divergence_bars(tokens: list[Token]) -> list[Token]:
    """D_{KL}(p \\| q), D(p || q): one double bar between a bracket's arguments separates them, as the
    comma of D(p, q) would; bars in pairs (‖𝐰‖, |x|) are lengths and are left as they are."""
    out = list(tokens)
    opened: list[list[int]] = []  # for each open bracket, the bars met at its depth
    for j, t in enumerate(tokens):
        if t.kind == "op" and t.text in "([{":
            opened.append([] if t.text == "(" else [-1])  # bars inside [ or { are not looked at
        elif t.kind == "op" and t.text in ")]}" and opened:
            bars = opened.pop()
            if len(bars) == 1 and bars[0] >= 0 and tokens[bars[0]].text == "‖":
                out[bars[0]] = Token("op", ",", tokens[bars[0]].at, tokens[bars[0]].end)
            elif len(bars) == 2 and bars[1] == bars[0] + 1 and tokens[bars[0]].text == tokens[bars[1]].text == "|" \
                    and tokens[bars[0]].end == tokens[bars[1]].at:
                out[bars[0]] = Token("op", ",", tokens[bars[0]].at, tokens[bars[1]].end)
                out[bars[1]] = None
        elif t.kind == "bar" and opened and opened[-1][:1] != [-1]:
            opened[-1].append(j)
    return [t for t in out if t is not None]
