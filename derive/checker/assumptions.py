"""Conditions a document states, used as assumptions when judging later links; a link that needs one
says so ("using x > 0, line 3"), so that a reader sees which claim rests on it:
- signs (x > 0, t \\geq 0, x \\neq 0: inline, or after a comma in a display): \\sqrt{x^2} = x where x > 0;
- relations of indices ("off the diagonal, $j \\neq i$"): ∂s_i/∂z_j = −s_i s_j holds where j ≠ i;
- equations that state a fact rather than derive one (\\sum_k y_k = 1, the labels sum to one)."""

from __future__ import annotations

import re
from itertools import product

from sympy import Expr, Indexed, Pow, Symbol

from derive.exprs import rebuild
from derive.indexing import split
from derive.parse.names import spelled

# name > 0, name \geq 0, name \neq 0, 0 < name, 0 \leq name
_NAME = r"(\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)"
_RELATION = {">": "positive", r"\gt": "positive", r"\geq": "nonnegative", r"\ge": "nonnegative",
             "≥": "nonnegative", r"\neq": "nonzero", r"\ne": "nonzero", "≠": "nonzero"}
_MIRROR = {"<": "positive", r"\lt": "positive", r"\leq": "nonnegative", r"\le": "nonnegative", "≤": "nonnegative"}
_AFTER = re.compile(_NAME + r"\s*(>|\\gt|\\geq|\\ge|≥|\\neq|\\ne|≠)\s*0(?![\d.])")
_BEFORE = re.compile(r"(?<![\d.])0\s*(<|\\lt|\\leq|\\le|≤)\s*" + _NAME)
SHOWN = {"positive": "> 0", "nonnegative": "≥ 0", "nonzero": "≠ 0", "counting": "= 1, 2, …"}
# what each kind makes a symbol know (a count n = 1, 2, …: sin(nπ) = 0, and its sample points are counts)
_KNOWS = {"counting": {"integer": True, "positive": True}}
VALUES = {"unit": (-1, 1), "binary": (0, 1)}  # the values a label of each coding takes
_SET = {"unit": "{−1, +1}", "binary": "{0, 1}"}
# y \in \{0, 1\}: a 0/1 label, whose powers are itself
_BINARY = re.compile(_NAME + r"\s*\\in\s*\\\{\s*0\s*,\s*1\s*\\\}")
# y_i \in \{-1, +1\}, y \in \{\pm 1\}: a label of ±1 coding, whose square is 1 (x = \pm 1, the roots
# of an equation, says nothing of x further on)
_UNIT = re.compile(_NAME + r"\s*\\in\s*\\\{\s*(?:-\s*1\s*,\s*\+?\s*1|\+?\s*1\s*,\s*-\s*1|\\pm\s*1)\s*\\\}")
# n = 1, 2, \dots (a mode number, "because n is an integer"): a count, the text's every n
_COUNTING = re.compile(_NAME + r"\s*=\s*1\s*,\s*2\s*,\s*(?:3\s*,\s*)?\\[lc]?dots")


def conditions_in(text: str) -> list[tuple[str, str]]:
    """(canonical name, positive | nonnegative | nonzero | unit | binary | counting) of each condition text
    states."""
    found = []
    for m in _AFTER.finditer(text):
        name = spelled(m.group(1))
        if name is not None:
            found.append((name, _RELATION[m.group(2)]))
    for m in _BEFORE.finditer(text):
        name = spelled(m.group(2))
        if name is not None:
            found.append((name, _MIRROR[m.group(1)]))
    for pattern, kind in ((_UNIT, "unit"), (_BINARY, "binary"), (_COUNTING, "counting")):
        for m in pattern.finditer(text):
            name = spelled(m.group(1))
            if name is not None:
                found.append((name, kind))
    return found


def family(name: str) -> str:
    """y for y_i (a label of every example), the name itself for one without an index."""
    parts = split(name)
    return parts[0] if parts else name


def assumed(expr: Expr, assumptions: dict[str, tuple[str, int]]) -> Expr:
    """expr with each real symbol the text made a condition on replaced by one that knows it; a ±1
    label's powers reduced (y_i² = 1, y_i³ = y_i)."""
    units = {family(n) for n, (kind, _) in assumptions.items() if kind == "unit"}
    binary = {family(n) for n, (kind, _) in assumptions.items() if kind == "binary"}

    def visit(node):
        if isinstance(node, Pow) and node.exp.is_Integer and _label(node.base) in units:
            return node.base ** (int(node.exp) % 2)
        if isinstance(node, Pow) and node.exp.is_Integer and node.exp > 0 and _label(node.base) in binary:
            return node.base
        if isinstance(node, Symbol) and node.name in assumptions and assumptions[node.name][0] in VALUES:
            return None
        if isinstance(node, Symbol) and node.name in assumptions:
            kind = assumptions[node.name][0]
            return Symbol(node.name, real=True, **_KNOWS.get(kind, {kind: True}))
        return None

    return rebuild(expr, visit)


def cases(exprs: tuple[Expr, ...], assumptions: dict[str, tuple[str, int]]) -> list[dict[Symbol, int]]:
    """Every assignment of the labels a link writes as plain symbols (y of y ∈ {0, 1}, s of s = ±1) to
    the values their coding allows: a link about them holds when it holds in every case. [] where
    there is none (a family y_i inside a sum is reduced by its powers instead, see assumed)."""
    labels = sorted({s for e in exprs for s in e.free_symbols
                     if s.name in assumptions and assumptions[s.name][0] in VALUES}, key=str)
    if not labels or len(labels) > 3:
        return []
    return [dict(zip(labels, values)) for values in product(*(VALUES[assumptions[s.name][0]] for s in labels))]


def _label(base: Expr) -> str | None:
    if isinstance(base, Indexed):
        return str(base.base.label)
    return family(base.name) if isinstance(base, Symbol) else None


def used_by(exprs: tuple[Expr, ...], assumptions: dict[str, tuple[str, int]]) -> set[str]:
    """The names of the conditions a link's symbols are under: x for x > 0; y_i for y_i ∈ {−1, +1}
    where the link has y_i, y_j or a term y[k]."""
    symbols = {s for e in exprs for s in e.free_symbols}
    labels = {_label(t) for e in exprs for t in e.atoms(Indexed)} | {family(s.name) for s in symbols}
    return {s.name for s in symbols if s.name in assumptions} | {
        n for n, (kind, _) in assumptions.items() if kind == "unit" and family(n) in labels}


def described(names: set[str], assumptions: dict[str, tuple[str, int]]) -> str:
    """'x > 0 (line 3)' for the assumptions a link used."""
    return ", ".join(f"{n} ∈ {_SET[assumptions[n][0]]} (line {assumptions[n][1]})" if assumptions[n][0] in VALUES else
                     f"{n} {SHOWN[assumptions[n][0]]} (line {assumptions[n][1]})" for n in sorted(names))


# two index letters that differ: "off the diagonal ($j \neq i$)". (An i = j in the text is no case to
# restrict to: "δ_ij = 1 if i = j" defines δ, and a diagonal chain writes z_i for z_j anyway.)
_INDICES = re.compile(r"(?<![\\A-Za-z_^])([a-z])\s*(\\neq|\\ne|≠)\s*([a-z])(?![A-Za-z_(])")


def relations_in(text: str) -> list[tuple[str, str, str]]:
    """(p, q, "distinct") for each pair of index letters the text says differ."""
    return [(min(m.group(1), m.group(3)), max(m.group(1), m.group(3)), "distinct")
            for m in _INDICES.finditer(text) if m.group(1) != m.group(3)]


def is_condition(a: Expr, b: Expr, products: bool = False) -> bool:
    """a = b states a fact to use, not a step to check: a sum set to a constant (\\sum_k y_k = 1), or
    two sides with no variable in common (\\sin\\theta = y/r); never where a side is a derivative or an
    integral still to work out (that is a claim to check)."""
    from sympy import Derivative, Indexed, Integral, Product, S, Sum

    if any(e.has(Derivative, Integral) for e in (a, b)):
        return False
    left, right = a.free_symbols, b.free_symbols
    if not left or not right:  # Σ_k y_k = 1: a sum of unknown terms stated to have a value
        side = a if left else b  # (Σ_{k=1}^{n} 2^{-k} = 1 is a claim about a formula: checked)
        if side.is_Pow and isinstance(side.base, Sum) and side.exp == S.Half:
            side = side.base  # ‖u‖ = 1: a vector of unit length
        if side.is_Mul and len(sums := [f for f in side.args if isinstance(f, (Sum, Product))]) == 1 \
                and all(f.is_Pow and f.base.is_Symbol and f.exp == -1 for f in side.args if f is not sums[0]):
            side = sums[0]  # \frac{1}{n}\sum_i x_i^2 = 1, a standardised feature (2Σ p_k = 1 is a claim)
        return (isinstance(side, (Sum, Product)) and side.function.has(Indexed)
                and not (b if left else a).free_symbols)
    # \sin\theta = y/r: a name, or a function of one name, related to another quantity; never a
    # computation (E[…] = 2μ, δ_ij δ_jk = δ_ik, (a+b)^2 = c^2 + 1), which is checked
    # products: a product of names too, where the text states it in passing ("when $\eta a = (1 -
    # \sqrt{\mu})^2$"): two sides with no letter in common are no identity to check
    return not left & right and any(_named(side) or products and _product_of_names(side) for side in (a, b))


def _product_of_names(expr: Expr) -> bool:
    """ηa, xy², mc²: a product of two or more names, each to a whole power."""
    from sympy import Mul, Symbol

    factors = Mul.make_args(expr)
    return len(factors) >= 2 and all(isinstance(f.as_base_exp()[0], Symbol) and f.as_base_exp()[1].is_Integer
                                     for f in factors)


def _named(expr: Expr) -> bool:
    from sympy import Function, Symbol

    if isinstance(expr, Symbol):
        return "_" not in expr.name or not expr.name.partition("_")[2].isalpha()  # not an index: δ_ij
    return (isinstance(expr, Function) and len(expr.args) == 1 and isinstance(expr.args[0], Symbol)
            and type(expr).__name__ not in ("Expectation", "Variance", "Covariance"))
