"""The engine: performs rules on a whole expression, verifies each step, and works out derivatives."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sympy import Derivative, Expr

from derive.derivation import Step
from derive.exprs import first_order, pending, rebuild, tidy
from derive.errors import RuleError, VerificationError
from derive.rules.base import Rule
from derive.rules.calculus import rule_for
from derive.verify import equivalent

TIDY = "simplify the arithmetic"


def _verified(before: Expr, step: Step) -> Step:
    method = equivalent(before, step.expr)
    if method is None:
        raise VerificationError(f"the {step.rule} step could not be verified: {before} = {step.expr}")
    return replace(step, verified_by=method)


def apply(expr: Expr, rules: Sequence[Rule], note: str | None = None, same_line: bool = False) -> Step:
    """One written step made of rules applied in turn to expr, each verified against the one before.

    With several single steps, the written step holds them as substeps and is certified by them
    (equality is transitive), so the composite costs no proof of its own.
    """
    if not rules:
        raise RuleError("a step needs at least one rule")
    singles: list[Step] = []
    current = expr
    for rule in rules:
        for step in rule.steps(current):
            singles.append(_verified(current, step))
            current = step.expr
    if len(singles) == 1:
        only = singles[0]
        return replace(only, note=note or only.note, same_line=same_line)
    names = ", ".join(dict.fromkeys(s.rule for s in singles))
    # The single steps keep their own notes; the written step's note is the author's, if any.
    return Step(names, current, note or "", "substeps", tuple(singles), same_line)


class Differentiate(Rule):
    """Work out every pending derivative, one rule at a time, outermost first, left to right.

    Each derivative's finished value has its arithmetic tidied (e^x + 0 → e^x) as a step of its own;
    the rest of the expression keeps its written form.
    """

    name = "differentiate"
    sentence = "Work out the remaining derivatives."

    def rewrite(self, expr):
        return self.steps(expr)[-1].expr

    def steps(self, expr: Expr) -> list[Step]:
        out: list[Step] = []
        whole = expr
        for target in _outermost(expr):
            value: Expr = target
            for rule, value_after, note in _fine(target):
                whole = _put(whole, value, value_after)
                value = value_after
                out.append(Step(rule, whole, note))
            tidied = tidy(value)
            if tidied != value:
                whole = _put(whole, value, tidied)
                out.append(Step(TIDY, whole, "Drop the zero terms and unit factors."))
        if not out:
            raise RuleError(f"nothing is left to differentiate in {expr}")
        return out


def _outermost(expr: Expr) -> list[Derivative]:
    """The pending derivatives not inside another one, in reading order, each once."""
    found: list[Derivative] = []

    def visit(node):
        if isinstance(node, Derivative):
            found.append(node)
            return node  # do not look inside
        return None

    rebuild(expr, visit)
    return list(dict.fromkeys(found))


def _put(whole: Expr, old: Expr, new: Expr) -> Expr:
    return rebuild(whole, lambda node: new if node == old else None)


def _fine(target: Derivative):
    """(rule name, value, note) for each single rule that takes the derivative target to its value."""
    value: Expr = target
    while True:
        inner = pending(value)
        if not inner:
            return
        node = inner[0]
        f_x = first_order(node)
        if f_x is None:
            raise RuleError(f"derive differentiates once in one variable at a time, not {node}")
        rule = rule_for(*f_x)
        value = rebuild(value, lambda n: rule.apply(*f_x) if n == node else None)
        yield rule.name, value, rule.describe(*f_x)


def differentiate_pending(expr: Expr) -> Step:
    """All pending derivatives of expr worked out, as one verified step with single-rule substeps."""
    return apply(expr, [Differentiate()])
