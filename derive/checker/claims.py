"""Sentences of the prose that name a rule for a line ("In line \\eqref{eq:eq1} we apply the chain
rule"), checked against the rules that justify that line."""

from __future__ import annotations

import re

from derive.checker.report import VALID, ChainReport, Claim
from derive.checker.blocks import Block, Chain

_RULES = ("chain", "quotient", "product", "sum", "power", "constant multiple", "exponential", "logarithm")
_CLAIM = re.compile(r"(?:line|equation|eq\.)\s*\$?\s*(?:\\eqref\{([^}]+)\}|\(\\ref\{([^}]+)\}\)|\\ref\{([^}]+)\}"
                    r"|\((\d+)\))\s*\$?([^.]{0,200}?)\b(" + "|".join(_RULES) + r") rule", re.IGNORECASE)
# the words between "line (1)" and "… rule" are bounded: unbounded, a long text without a full stop
# made every "line (n)" scan to its end (quadratic)


def claims(text: str, blocks: list[Block], chains: list[tuple[Chain, ChainReport]]) -> list[Claim]:
    out = []
    for m in _CLAIM.finditer(text):
        label = next(g for g in m.groups()[:4] if g)
        named = f"{m.group(6).lower()} rule"
        for chain, report in chains:
            if label not in chain.marks:
                continue
            first, last = chain.marks[label]
            # the rules of the steps into, within and out of the line: either reading of "in line n"
            near = [k for k in report.links if first - 1 <= k.source <= last]
            found = sorted({r for k in near if k.rule for r in k.rule.split(", ")})
            sentence = " ".join(m.group(0).split())
            # a link derive gives no rule name can hold any rule: the claim is then not judged wrong
            unnamed = any(k.rule is None and k.verdict == VALID for k in near)
            out.append(Claim(text.count("\n", 0, m.start()) + 1, sentence, named, found,
                             named in found or not found or unnamed))
            break
    return out
