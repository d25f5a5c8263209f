"""Facts a derivation may use, as the user states them with --assume: an equation (Σ_k y_k = 1, the
targets sum to one) that a step puts in where its left side stands, certified as given; or a sign
(σ > 0) that makes the symbol positive for every rule that asks.

Each side is read by derive's own readers, never by sympify or eval.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sympy import Expr, Symbol

from derive.errors import ParseError
from derive.parse import parse

# the relation between the two sides, as people type it (longest spellings first)
_RELATION = re.compile(r"\\geq|\\leq|\\ge|\\le|>=|<=|≥|≤|>|<|=")
_SIGNS = {">": "positive", "\\gt": "positive", "≥": "nonnegative", ">=": "nonnegative", "\\geq": "nonnegative",
          "\\ge": "nonnegative"}


@dataclass(frozen=True)
class Facts:
    equations: tuple[tuple[Expr, Expr], ...] = ()  # (old, new): old = new
    signs: tuple[tuple[Symbol, str], ...] = ()  # (σ, "positive")

    def signed(self, expr: Expr) -> Expr:
        """expr with each symbol a sign was stated for made that sign (σ > 0: √(σ²) = σ)."""
        return expr.xreplace({s: Symbol(s.name, **{**s.assumptions0, kind: True}) for s, kind in self.signs})

    def words(self) -> str:
        """The facts for a sentence: "σ > 0", "Σ_k y_k = 1"."""
        from derive.render.printer import latex

        relation = {"positive": ">", "nonnegative": r"\geq"}
        said = [f"${latex(a)} = {latex(b)}$" for a, b in self.equations]
        said += [f"${latex(s)} {relation[kind]} 0$" for s, kind in self.signs]
        return ", ".join(said)


def read_facts(sources: tuple[str, ...], reader: str = "auto") -> Facts:
    """The facts of --assume, each 'left = right', 'x > 0' or 'x >= 0'. ParseError for anything else."""
    equations, signs = [], []
    for source in sources:
        found = _RELATION.findall(source)
        if len(found) != 1:
            raise ParseError(f"--assume takes one equation or one sign, as 'sum(y_k, k, 1, K) = 1' or "
                             f"'sigma > 0', not {source!r}")
        relation = found[0]
        left_text, right_text = _RELATION.split(source, maxsplit=1)
        left, right = parse(left_text.strip(), reader), parse(right_text.strip(), reader)
        if relation == "=":
            equations.append((left, right))
        elif relation in _SIGNS and isinstance(left, Symbol) and right == 0:
            signs.append((left, _SIGNS[relation]))
        else:
            raise ParseError(f"--assume takes a sign as 'sigma > 0' or 'sigma >= 0' (a name against 0), not {source!r}")
    return Facts(tuple(equations), tuple(signs))
