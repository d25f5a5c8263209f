"""π as a quantity of the text: a mixing weight or a probability written π, which the text estimates (π̂),
differentiates by (∂Q/∂π), bounds (0 < π < 1) or gives a number (π = ½). The reader takes every π for
the number 3.14159…; in such a text a line with π may mean either (a two-Gaussian mixture writes its
weight π beside the 2π of each density), so links that rest on π are left undecided and say why."""

from __future__ import annotations

import re

from sympy import pi

from derive.checker.blocks import top_level_split
from derive.errors import DeriveError
from derive.parse import parse

_PI = r"\\pi(?![A-Za-z])(?!\s*_)"  # (π_k, a family of weights, is a letter of its own already)
_SIGNS = re.compile(
    r"\\(?:hat|widehat|tilde|widetilde|bar|check)\s*\{?\s*" + _PI  # π̂, an estimate of it
    + r"|(?:\\partial|\bd)\s*" + _PI  # ∂Q/∂π, dπ
    + r"|" + _PI + r"\s*\^\s*\{?\s*(?:\*|\\ast|\\star|\(|\\text|\\mathrm|new|old)"  # π^*, π^{(t)}
    + r"|0\s*(?:<|\\le(?:q|qslant)?)\s*" + _PI + r"\s*(?:<|\\le(?:q|qslant)?)\s*1"  # 0 < π < 1
    + r"|" + _PI + r"\s*\\in\s*(?:\\left)?[(\[]\s*0\s*,\s*1")  # π ∈ (0, 1)


def pi_quantity(formulas: list[tuple[int, str]]) -> tuple[int, str] | None:
    """(line, formula) of the first formula that makes π a quantity, of (line, formula) pairs; None where
    π is only ever the number."""
    for line, formula in formulas:
        if _SIGNS.search(formula) or _given_a_number(formula):
            return line, formula.strip()
    return None


def _given_a_number(formula: str) -> bool:
    """π = ½, π = 0.3: π alone on one side, a number that is not π's on another (π ≈ 3.14 is the number)."""
    sides = [side.strip() for _, side in top_level_split(formula, "=")]
    if len(sides) < 2 or not any(re.fullmatch(_PI, side) for side in sides):
        return False
    for side in sides:
        try:
            value = parse(side, reader="latex")
        except DeriveError:
            continue
        if value.is_number and value != pi and abs(float(value) - 3.14159) > 0.01:
            return True
    return False
