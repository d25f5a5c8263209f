"""Read LaTeX math into SymPy, as written (unevaluated), through latex2sympy2_extended.

A thin layer of ours goes around it, because every parser tried reads these wrongly or not at all:
primes ({e^{x}}^{\\prime}, (e^x+1)', \\sigma'(x)) become derivatives; \\sigma(…) is the logistic
function; the en-dash and Unicode minus that blogs print are minus signs; \\left, \\right and thin
spaces go; e^{0} stays e^{0} (the parser would evaluate it to 1).
"""

from __future__ import annotations

import re

from sympy import Derivative, Expr, Function, Symbol

from derive.exprs import rebuild
from derive.functions import sigmoid
from derive.errors import ParseError

_PLACEHOLDER = "zzprime"  # \mathrm{zzprime}_{k} stands for the k-th primed part while the rest is read
_PRIME = re.compile(r"\^\{\\prime\}|\^\\prime\b|'")
_NAMED = {r"\sigma": sigmoid}

_REPLACEMENTS = [
    ("\u2013", "-"), ("\u2212", "-"), ("\u2014", "-"),
    (r"\dfrac", r"\frac"), (r"\tfrac", r"\frac"),
]
_DROPPED = re.compile(r"\\left(?![a-zA-Z])|\\right(?![a-zA-Z])|\\[,;:! ]|\\quad\b|\\qquad\b")
_E_NUMBER = re.compile(r"(?<![\\a-zA-Z])e\^(?:\{\s*(-?\d+)\s*\}|(\d))")


def normalize(text: str) -> str:
    """The spelling changes that do not change meaning."""
    for old, new in _REPLACEMENTS:
        text = text.replace(old, new)
    text = _DROPPED.sub(" ", text)
    # e^{0} → \exp(0): the reader keeps \exp of a number unevaluated, but folds e^{0} to 1.
    return _E_NUMBER.sub(lambda m: rf"\exp({m.group(1) or m.group(2)})", text)


_OPENERS = {"(": ")", "{": "}", "[": "]"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}


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
    raise ParseError("unbalanced brackets around a prime", text, at)


def _lift_primes(text: str) -> tuple[str, list[str]]:
    """Replace each primed part by a placeholder; return the text and the primed parts, in order."""
    parts: list[str] = []
    while (m := _PRIME.search(text)) is not None:
        start, end = m.start(), m.end()
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
        parts.append(operand)
        text = f"{text[:lo]} \\mathrm{{{_PLACEHOLDER}}}_{{{len(parts) - 1}}} {text[hi:]}"
    return text, parts


def _reader(text: str) -> Expr:
    from latex2sympy2_extended import latex2sympy

    try:
        return latex2sympy(text)
    except Exception as exc:  # the reader raises many kinds; all mean "cannot read this"
        raise ParseError(f"cannot read {text!r} as LaTeX: {_first_line(exc)}", text) from None


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _as_derive(expr: Expr, variable: Symbol) -> Expr:
    """Real symbols, derive's named functions, as written."""
    def visit(node):
        if isinstance(node, Symbol) and not node.is_real:
            return Symbol(node.name, real=True)
        if isinstance(node, Function) and type(node).__name__ in _NAMED:
            return _NAMED[type(node).__name__](*[_as_derive(a, variable) for a in node.args],
                                               evaluate=False)
        return None

    return rebuild(expr, visit)


def parse_latex(text: str, variable: str = "x") -> Expr:
    """The expression that text writes, unevaluated; primes are derivatives in variable."""
    x = Symbol(variable, real=True)
    lifted, parts = _lift_primes(normalize(text))
    expr = _as_derive(_reader(lifted), x)
    derivatives = {Symbol(f"{_PLACEHOLDER}_{k}", real=True): Derivative(parse_latex(p, variable), x)
                   for k, p in enumerate(parts)}
    return rebuild(expr, lambda node: derivatives.get(node)) if derivatives else expr


__all__ = ["ParseError", "normalize", "parse_latex"]
