"""What every rule is: a name, a sentence, and a rewrite of a whole expression (or None).

A rule proposes; the engine proves. propose() returns Proposals, which carry no certificate: only
derive.engine turns one into a Step, after derive.verify has proved it.
"""

from __future__ import annotations

from sympy import Derivative, Expr, Symbol

from derive.record import Proposal
from derive.errors import RuleError
from derive.exprs import first_order, rebuild, replace_first
from derive.functions import OPERAND


class Rule:
    name: str = ""  # "quotient rule"
    sentence: str = ""  # the rule in one sentence, as a textbook states it

    def rewrite(self, expr: Expr) -> Expr | None:
        """The whole expression after applying this rule once, or None where it does not apply."""
        raise NotImplementedError

    def note(self) -> str:
        """What this application does, for the reader; a rule with a parameter says which."""
        return self.sentence

    def propose(self, expr: Expr) -> list[Proposal]:
        """The steps this rule proposes from expr, unproved: one, unless the rule is a composite."""
        new = self.rewrite(expr)
        if new is None:
            raise RuleError(f"the {self.name} does not apply to {expr}")
        return [Proposal(self.name, new, self.note())]

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class CalculusRule(Rule):
    """Rewrites one pending Derivative(f, x): the first one it matches, outermost first."""

    def matches(self, f: Expr, x: Symbol) -> bool:
        raise NotImplementedError

    def apply(self, f: Expr, x: Symbol) -> Expr:
        """d/dx f, with the derivatives it still needs left pending."""
        raise NotImplementedError

    def operands(self, f: Expr, x: Symbol) -> list[Expr]:
        """The parts of f that change with x and that this rule takes as wholes, never looking inside
        (the terms of a sum, the factors of a product): its equality holds whatever functions stand there."""
        return []

    def schema(self, f: Expr, x: Symbol) -> tuple[Expr, Expr]:
        """The equality whose proof proves the step: d/dx f = apply(f, x) itself, unless the rule
        knows a smaller one that implies it: the chain rule its outer function at a fresh u, a rule
        with operands its equality for unknown functions in their place (general)."""
        new = self.apply(f, x)
        return general(self, f, x, new) or (Derivative(f, x), new)

    def describe(self, f: Expr, x: Symbol, fresh=None) -> str:
        """The note for this application. fresh() gives a new name (u₁, u₂ …) to a rule that names a
        part, as the chain rule names its inner function."""
        return self.sentence

    def _rewrite(self, expr: Expr) -> tuple[Expr, tuple[Expr, Symbol], tuple[Expr, Expr]] | None:
        found: list[tuple[tuple[Expr, Symbol], tuple[Expr, Expr]]] = []

        def visit(node):
            target = first_order(node)
            if target is not None and self.matches(*target):
                new = self.apply(*target)
                found.append((target, (node, new)))
                return new
            return None

        new = replace_first(expr, visit)
        return None if new is None else (new, *found[0])

    def rewrite(self, expr: Expr) -> Expr | None:
        done = self._rewrite(expr)
        return None if done is None else done[0]

    def propose(self, expr: Expr) -> list[Proposal]:
        done = self._rewrite(expr)
        if done is None:
            raise RuleError(f"the {self.name} does not apply to any pending derivative of {expr}")
        new, target, part = done
        return [Proposal(self.name, new, self.describe(*target), part)]


class AlgebraRule(Rule):
    """Rewrites a sub-expression: the first (outermost, leftmost) one that transform accepts."""

    def transform(self, node: Expr) -> Expr | None:
        raise NotImplementedError

    def note(self) -> str:
        return self.name  # a short phrase: it is also the line's annotation

    def rewrite(self, expr: Expr) -> Expr | None:
        return replace_first(expr, self.transform)


def general(rule: CalculusRule, f: Expr, x: Symbol, new: Expr) -> tuple[Expr, Expr] | None:
    """The rule's equality with an unknown function of x in place of each operand of f:
    d/dx (c·g₁(x)·g₂(x)) = c·(g₁·g₂)' for the constant multiple rule, whatever g₁, g₂ stand for. Proved
    once, it proves each use: putting the operands back into both of its sides must give d/dx f and
    the rule's result exactly (checked here), and an identity for all functions holds for these.
    None where the rule has no operands or the check fails: the step is then proved as it stands.
    (½(d + Σ_j v_j σ(u_j) − y)², differentiated at every size of its sum, took seconds as it stood.)"""
    from sympy import Function

    operands = list(dict.fromkeys(o for o in rule.operands(f, x) if o != x))
    if not operands:
        return None
    unknown = {o: Function(f"{OPERAND}{k}")(x) for k, o in enumerate(operands, 1)}
    abstract = rebuild(f, unknown.get)
    if not rule.matches(abstract, x):
        return None
    lemma = rule.apply(abstract, x)
    back = {g: o for o, g in unknown.items()}
    if rebuild(abstract, back.get) != f or rebuild(lemma, back.get) != new:
        return None
    return Derivative(abstract, x), lemma


