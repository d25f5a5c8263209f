"""Read LaTeX math into SymPy, as written (unevaluated), through latex2sympy2_extended.

A thin layer of ours goes around it, because every parser tried reads these wrongly or not at all:
- primes ({e^{x}}^{\\prime}, (e^x+1)', \\sigma'(x), f'(x)) become derivatives;
- \\sigma(…), \\operatorname{sech}(…), \\erf(…) and the other names derive knows become those
  functions of the whole argument (the reader alone makes \\sigma(x+1) the product σ·(x+1));
- the en-dash and Unicode minus that blogs print are minus signs; \\left, \\right, \\bigl and thin
  spaces go; \\log and \\ln are natural logarithms; \\mathrm{e} is Euler's number; e^{0} stays e^{0};
- a guard refuses what would otherwise be read silently wrong: unknown multi-letter names, a
  function's name without its backslash (sin(x) as s·i·n·x), text, equations where an expression is
  expected, TeX primitives.
"""

from __future__ import annotations

import re

from sympy import Basic, Derivative, E, Expr, Symbol, log
from sympy.core.function import AppliedUndef
from sympy.core.relational import Relational
from sympy.logic.boolalg import BooleanAtom, BooleanFunction

from derive.errors import ParseError
from derive.exprs import div, rebuild
from derive.parse.characters import normalize as normalize_characters
from derive.parse.limits import DEFAULT, Limits, check_text, check_tree
from derive.parse.plain import FUNCTIONS, GREEK

_LIFTED = "zzlift"  # \mathrm{zzlift}_{k} stands for the k-th lifted part while the rest is read
_PRIME = re.compile(r"\^\{(?:\\prime)+\}|\^\\prime(?![a-zA-Z])|'+")
_REFUSED = re.compile(r"\\(?:text|textrm|mbox|intertext|input|include|write|immediate|def|newcommand)"
                      r"(?![a-zA-Z])")
_DROPPED = re.compile(r"\\(?:left|right|[bB]ig{1,2}[lrm]?|displaystyle|textstyle)(?![a-zA-Z])"
                      r"|\\[,;:! ]|\\q?quad(?![a-zA-Z])")
_E_NUMBER = re.compile(r"(?<![\\a-zA-Z])e\^(?:\{\s*(-?\d+)\s*\}|(\d))")
_CALL = re.compile(r"(\\sigma|\\erf|\\operatorname\{([a-z]+)\}|\\mathrm\{([a-z]{2,})\})\s*"
                   r"(\^\s*(?:\{[^{}]*\}|\d))?\s*\(")
_FUNCTION_COMMAND = re.compile(r"\\(?:a?(?:sin|cos|tan|cot|sec|csc)h?|arc(?:sin|cos|tan|cot|sec|csc)|ln|exp"
                               r"|operatorname\{[a-z]+\})(?![a-zA-Z])")
# Commands the reader does not know (it reads \coth as \cot h): written as the names they are.
_UNKNOWN_COMMANDS = re.compile(r"\\(coth|sech|csch|arsinh|arcosh|artanh|arcoth|arsech|arcsch|sgn|sign)(?![a-zA-Z])")
_CONDITIONS = (Relational, BooleanFunction, BooleanAtom)  # not Boolean: a Symbol is one too
_OPENERS = {"(": ")", "{": "}", "[": "]"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}


def normalize(text: str) -> str:
    """The spelling changes that do not change meaning."""
    text = normalize_characters(text, superscripts=False)
    text = text.replace(r"\dfrac", r"\frac").replace(r"\tfrac", r"\frac")
    text = re.sub(r"\\mathrm\{e\}", "e", text)
    text = re.sub(r"\\log(?![a-zA-Z_])", r"\\ln", text)  # natural, as in analysis; \log_{b} keeps b
    text = _DROPPED.sub(" ", text)
    # 2\frac{1}{2} is a product: the reader takes it for the mixed number 2½ (whatever its config says)
    text = re.sub(r"(\d)\s*\\frac(?![a-zA-Z])", r"\1 \\cdot \\frac", text)
    text = _UNKNOWN_COMMANDS.sub(lambda m: rf"\operatorname{{{m.group(1)}}}", text)
    text = _unbrace_calls(text)
    # e^{0} → \exp(0): the reader keeps \exp of a number unevaluated, but folds e^{0} to 1.
    return _E_NUMBER.sub(lambda m: rf"\exp({m.group(1) or m.group(2)})", text)


def _unbrace_calls(text: str) -> str:
    """\\log{(x)}^{2} → \\log(x)^{2} and \\sin^{p}{(x)} → \\sin^{p}(x): SymPy prints them so, and the
    reader would take log(x²), or swallow what follows into the argument."""
    pos = 0
    while (m := _FUNCTION_COMMAND.search(text, pos)) is not None:
        i = _skip_spaces(text, m.end())
        if i < len(text) and text[i] == "^":  # a power on the name: ^2 or ^{…}, nested braces and all
            i = _skip_spaces(text, i + 1)
            i = (_matching(text, i) + 1) if i < len(text) and text[i] == "{" else i + 1
            i = _skip_spaces(text, i)
        if i < len(text) and text[i] == "{":
            close_brace = _matching(text, i)
            inner = text[i + 1:close_brace].strip()
            if inner.startswith("(") and _matching(inner, 0) == len(inner) - 1:
                text = text[:i] + " " + text[i + 1:close_brace] + " " + text[close_brace + 1:]
        pos = m.end()
    return text


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] == " ":
        i += 1
    return i


def _matching(text: str, at: int) -> int:
    """Index of the bracket matching text[at]: forward from an opener, backward from a closer."""
    here = text[at]
    other, step = (_OPENERS[here], 1) if here in _OPENERS else (_CLOSERS[here], -1)
    depth = 0
    for i in range(at, len(text) if step == 1 else -1, step):
        if text[i] == here:
            depth += 1
        elif text[i] == other:
            depth -= 1
            if depth == 0:
                return i
    raise ParseError("unbalanced brackets", text, at)


class _Lifter:
    """Replaces parts the reader gets wrong by placeholders, and knows what each stands for."""

    def __init__(self, x: Symbol, limits: Limits, functions: dict[str, type]) -> None:
        self.x, self.limits, self.functions = x, limits, functions
        self.parts: dict[Symbol, Expr] = {}

    def placeholder(self, value: Expr) -> str:
        k = len(self.parts)
        self.parts[Symbol(f"{_LIFTED}_{k}", real=True)] = value
        return rf" \mathrm{{{_LIFTED}}}_{{{k}}} "

    def primes(self, text: str) -> str:
        while (m := _PRIME.search(text)) is not None:
            start, end = m.start(), m.end()
            order = max(m.group().count("'"), m.group().count("prime"))
            before = text[:start].rstrip()
            if before and before[-1] in ")}":
                # (A)' or {A}^{\prime}: the bracket's content is differentiated
                open_ = _matching(before, len(before) - 1)
                operand, lo, hi = before[open_ + 1:-1], open_, end
            else:
                # f'(x) or \sigma'(x): the function applied to what follows is differentiated
                name = re.search(r"(\\?[A-Za-z]+)$", before)
                after = text[end:].lstrip()
                if name is None or not after.startswith("("):
                    raise ParseError("a prime must follow a bracket or a function name", text, start)
                arg_open = len(text) - len(after)
                arg_close = _matching(text, arg_open)
                operand = name.group(1) + text[arg_open:arg_close + 1]
                lo, hi = name.start(), arg_close + 1
            value = Derivative(_read(operand, self.x, self.limits, self.functions), (self.x, order))
            text = text[:lo] + self.placeholder(value) + text[hi:]
        return text

    def calls(self, text: str) -> str:
        while (m := _CALL.search(text)) is not None:
            name = m.group(2) or m.group(3) or m.group(1).lstrip("\\")
            func = self.functions.get(name)
            if func is None:
                raise ParseError(f"unknown function {name!r}", text, m.start())
            close = _matching(text, m.end() - 1)
            value = func(_read(text[m.end():close], self.x, self.limits, self.functions), evaluate=False)
            power = m.group(4) or ""
            # the placeholder is one symbol: a power after it needs no brackets, and brackets
            # would make "x (…)" a call of x
            text = text[:m.start()] + self.placeholder(value) + power + text[close + 1:]
        return text


def _reader(text: str) -> Basic:
    from latex2sympy2_extended import latex2sympy
    from latex2sympy2_extended.latex2sympy2 import ConversionConfig

    config = ConversionConfig(lowercase_symbols=False)  # X is not x
    try:
        return latex2sympy(text, conversion_config=config)
    except Exception as exc:  # the reader raises many kinds; all mean "cannot read this"
        lines = str(exc).splitlines() or [type(exc).__name__]
        carets = [ln for ln in lines if ln.strip("~^ ") == "" and "^" in ln]
        position = carets[0].index("^") if carets else None
        raise ParseError(f"cannot read this as LaTeX: {lines[0].strip()}", text, position) from None


def _allowed_name(name: str) -> bool:
    """x, alpha, x_1, x_{ab}, alpha_0: one letter or a Greek name, with a subscript or none."""
    if name.startswith(_LIFTED):
        return True
    base, _, subscript = name.partition("_")
    return (len(base) == 1 or base in GREEK) and (
        not subscript or re.fullmatch(r"\{?[A-Za-z0-9]+\}?", subscript) is not None)


def _as_derive(expr: Basic, text: str, functions: dict[str, type]) -> Expr:
    """Real symbols, natural logarithms written as such, and the guard against silent misreadings."""
    if isinstance(expr, _CONDITIONS):  # x = 1, x < 1, and conditions
        raise ParseError("expected an expression, not an equation or a condition", text)
    if not isinstance(expr, Expr):
        raise ParseError(f"expected an expression, not {type(expr).__name__}", text)

    def visit(node):
        if isinstance(node, Symbol):
            if not _allowed_name(node.name):
                raise ParseError(f"unknown name {node.name!r}: write a product with \\cdot, "
                                 "or a function derive knows", text)
            return None if node.is_real else Symbol(node.name, real=True)
        if isinstance(node, AppliedUndef) and node.func.__name__ in functions:  # a user's g(x)
            return functions[node.func.__name__](*(_as_derive(a, text, functions) for a in node.args))
        if isinstance(node, AppliedUndef) and len(node.func.__name__) > 1:
            raise ParseError(f"unknown function {node.func.__name__!r}", text)
        if isinstance(node, log) and len(node.args) == 2:  # the reader's log(x, b)
            x, base = (_as_derive(a, text, functions) for a in node.args)
            return log(x, evaluate=False) if base == E else div(log(x, evaluate=False),
                                                                log(base, evaluate=False))
        if isinstance(node, _CONDITIONS):
            raise ParseError("expected an expression, not an equation or a condition", text)
        return None

    return rebuild(expr, visit)


def _refuse_words(text: str) -> None:
    """Letters side by side are a product in LaTeX (e^xe^{-x}, abc), but sin(x) without its backslash
    would be read as s·i·n·(x), and a stray word as a product of its letters: refuse a run of letters
    that is a function's name, or four letters or more, unless it is a command's name or argument
    (\\sin, \\operatorname{sech}) or a subscript (x_{ab})."""
    for m in re.finditer(r"[A-Za-z]{2,}", text):
        before, word = text[:m.start()], m.group()
        if before.endswith("\\") or re.search(r"\\(?:operatorname|mathrm)\{$|_\{?$", before):
            continue
        if word in FUNCTIONS or word == "pi":
            raise ParseError(f"{word!r} needs its backslash: \\{word}", text, m.start())
        if len(word) >= 4:
            raise ParseError(f"{word!r} is not a name derive knows: write a product with \\cdot",
                             text, m.start())


def _read(text: str, x: Symbol, limits: Limits, functions: dict[str, type]) -> Expr:
    if (m := _REFUSED.search(text)) is not None:
        raise ParseError(f"{m.group()} is not part of an expression", text, m.start())
    _refuse_words(text)
    lifter = _Lifter(x, limits, functions)
    lifted = lifter.calls(lifter.primes(text))
    expr = _as_derive(_reader(lifted), text, functions)
    return rebuild(expr, lifter.parts.get) if lifter.parts else expr


def parse_latex(text: str, variable: str = "x", limits: Limits = DEFAULT,
                functions: dict[str, type] | None = None) -> Expr:
    """The expression that LaTeX text writes, unevaluated; primes are derivatives in variable.

    functions: names the user defined (g → its SymPy class), read like the built-in ones.
    """
    check_text(text, limits)
    expr = _read(normalize(text), Symbol(variable, real=True), limits, {**FUNCTIONS, **(functions or {})})
    check_tree(expr, limits)
    return expr


__all__ = ["ParseError", "normalize", "parse_latex"]
