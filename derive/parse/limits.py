"""Limits on what derive reads, checked before any heavy work (exit status 3 when exceeded).

Text is measured before it is parsed; the parsed tree is walked once, iteratively (a deep tree must
not overflow Python's stack while we measure it), for depth, size, literal sizes and powers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sympy import Basic, Float, Integer, Pow, Rational

from derive.errors import LimitError


@dataclass(frozen=True)
class Limits:
    max_length: int = 2000  # characters of input
    max_depth: int = 60  # nesting of the expression tree
    max_nodes: int = 2000  # nodes of the expression tree
    max_digits: int = 100  # digits of one integer or decimal literal
    max_exponent: int = 1000  # |n| in x^n for a non-numeric base: (x+1)^n expands to n+1 terms
    # digits of the value of a numeric power such as 10^(10^10): within the 4300 that Python prints
    max_power_digits: int = 4000


DEFAULT = Limits()


def check_text(text: str, limits: Limits = DEFAULT) -> None:
    """Length and bracket nesting, before a reader recurses into the text."""
    if len(text) > limits.max_length:
        raise LimitError(f"the input has {len(text)} characters; the limit is {limits.max_length}")
    depth = deepest = 0
    for c in text:
        if c in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif c in ")]}":
            depth -= 1
    if deepest > limits.max_depth:
        raise LimitError(f"the expression is nested more than {limits.max_depth} levels deep")


def check_digits(literal: str, limits: Limits = DEFAULT) -> None:
    digits = sum(c.isdigit() for c in literal)
    if digits > limits.max_digits:
        raise LimitError(f"a number with {digits} digits; the limit is {limits.max_digits}")


def check_tree(expr: Basic, limits: Limits = DEFAULT) -> None:
    """Raise LimitError when expr is deeper, larger, or holds bigger numbers than the limits allow."""
    nodes = 0
    stack = [(expr, 1)]
    while stack:
        node, depth = stack.pop()
        nodes += 1
        if nodes > limits.max_nodes:
            raise LimitError(f"the expression has more than {limits.max_nodes} parts")
        if depth > limits.max_depth:
            raise LimitError(f"the expression is nested more than {limits.max_depth} levels deep")
        if isinstance(node, Integer) and abs(int(node.p)).bit_length() > limits.max_digits * 3.33:
            raise LimitError(f"a number with more than {limits.max_digits} digits")
        if isinstance(node, Pow):
            check_power(node.base, node.exp, limits)
        stack.extend((a, depth + 1) for a in node.args)


def check_power(base: Basic, exponent: Basic, limits: Limits = DEFAULT) -> None:
    """Refuse a power whose value would be enormous, before anything computes it."""
    e = log10_size(exponent)
    if base.is_number:
        b = log10_size(base)
        if e is None or b is None:
            return
        # |base^exp| has about |exp|·log10|base| digits
        if e > 6 or (b > 0 and 10**e * b > limits.max_power_digits):
            raise LimitError(f"a power whose value has more than {limits.max_power_digits} digits")
    elif exponent.is_number and e is not None and e > math.log10(limits.max_exponent) + 1e-12:
        raise LimitError(f"an exponent larger than {limits.max_exponent}")


def check_factorial(argument: Basic, limits: Limits = DEFAULT) -> None:
    """Refuse n! of a number whose value would have more digits than a literal may, before SymPy
    works it out ((3000!)! never ends; f'(3000!) failed on printing a number of 9131 digits)."""
    size = log10_size(argument) if argument.is_number else None
    if size is None:
        return
    n = 10**size if size < 300 else float("inf")
    if n > 10**6 or math.lgamma(n + 1) / math.log(10) > limits.max_digits:
        raise LimitError(f"a factorial with more than {limits.max_digits} digits")


def log10_size(expr: Basic) -> float | None:
    """log10 of |expr| for a number built of literals and powers, without computing it; None otherwise.

    Values below 1 count as 0: only the growth matters here.
    """
    if isinstance(expr, (Integer, Rational)):
        p, q = abs(int(expr.p)), int(expr.q)
        return max(0.0, _log10_int(p) - _log10_int(q)) if p else 0.0
    if isinstance(expr, Float):
        return max(0.0, math.log10(abs(float(expr)))) if expr else 0.0
    if isinstance(expr, Pow):
        b, e = log10_size(expr.base), log10_size(expr.exp)
        if b is None or e is None:
            return None
        return float("inf") if e > 300 else b * 10**e
    if expr.is_number and not expr.args:
        return 0.5  # π, e: small constants
    return None


def _log10_int(n: int) -> float:
    return math.log10(n) if n.bit_length() < 1000 else n.bit_length() * math.log10(2)
