"""The engine: performs rules on a whole expression, proves each step, and works out derivatives.

A rule proposes; the engine proves. Every Step that enters a record comes from here, carrying the
Certificate that derive.verify issued for it; a proposal that cannot be proved is refused
(VerificationError), and one that changes nothing is no step at all (RuleError).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from sympy import Add, Derivative, Expr, Indexed, Subs, Symbol, evaluate

from derive.exprs import (in_written_order, is_pending, paths_to, pending, remake, replace_at, same_but_order,
                          moves_roots_up, numbers_cancelled, shape, size, without_units)
from derive.errors import RuleError, VerificationError
from derive.record import UNITS, Certificate, Proposal, Step
from derive.render.printer import latex
from derive.render.width import width
from derive.rules.base import Rule
from derive.rules.calculus import rule_for
from derive.rules.indexed import depends
from derive.verify import certify, certify_arithmetic, certify_given, certify_part, certify_steps

TIDY = "simplify the arithmetic"


def prove(before: Expr, proposal: Proposal) -> Step:
    """The proposal as a Step, with the certificate that proves it equal to before.

    Proved on the part it rewrote where the rule says which (cheaper), else on the whole.
    VerificationError when nothing proves it; RuleError when it changes nothing.
    """
    if proposal.expr == before:
        raise RuleError(f"the {proposal.rule} changes nothing here: no step")
    if proposal.given:  # a stated fact put in: proved that nothing else changed, the fact taken as given
        certificate = certify_given(before, proposal.expr, proposal.given)
        if certificate is None:
            raise VerificationError(f"the {proposal.rule} step changes more than the fact it uses")
        return Step(proposal.rule, proposal.expr, proposal.note, certificate)
    certificate = certify_part(before, proposal.expr, *proposal.part) if proposal.part else None
    certificate = certificate or certify(before, proposal.expr)
    if certificate is None:
        raise VerificationError(f"the step \"{proposal.rule}\" could not be verified: {before} = {proposal.expr}")
    return Step(proposal.rule, proposal.expr, proposal.note, certificate)


def _proved_steps(rule: Rule, expr: Expr) -> list[Step]:
    if isinstance(rule, Differentiate):
        return rule.proved_steps(expr)  # the engine's own rule: proved as it goes, part by part
    out, current = [], expr
    for proposal in rule.propose(expr):
        out.append(prove(current, proposal))
        current = proposal.expr
    return out


def apply(expr: Expr, rules: Sequence[Rule], note: str | None = None, same_line: bool = False) -> Step:
    """One written step made of rules applied in turn to expr, each proved against the one before.

    With several single steps, the written step holds them as substeps and is certified by them
    (equality is transitive), so the composite costs no proof of its own.
    """
    if not rules:
        raise RuleError("a step needs at least one rule")
    singles: list[Step] = []
    current = expr
    for rule in rules:
        for step in _proved_steps(rule, current):
            singles.append(step)
            current = step.expr
    if len(singles) == 1:
        only = singles[0]
        return replace(only, note=note or only.note, same_line=same_line)
    return _line(expr, singles, note or "", same_line)


def _line(before: Expr, singles: list[Step], note: str = "", same_line: bool = False, proved: bool = True) -> Step:
    """Several single steps written as one line, proved by them (unless proved=False); the single steps
    keep their own notes."""
    named = [s for s in singles if s.rule != UNITS]
    names = ", ".join(dict.fromkeys(s.rule for s in named))
    certificate = _certified(certify_steps(before, tuple(singles)), names) if proved else None
    return Step(names, singles[-1].expr, note, certificate, tuple(singles), same_line)


def _certified(certificate: Certificate | None, what: str) -> Certificate:
    if certificate is None:
        raise VerificationError(f"the {what} step could not be verified")
    return certificate


class Differentiate(Rule):
    """Work out every pending derivative by the calculus rules.

    detail="fine" makes one step per rule; detail="normal" one step per round, in which every
    derivative that is ready (nothing pending inside it) gets its rule: the lines a textbook writes.
    Each rule's step is proved on the part it rewrote (equal parts in equal places make equal
    wholes), or on the rule's schema where that implies it: the chain rule's outer function at u.
    At the end, the arithmetic of each finished derivative is tidied (e^x + 0 → e^x) as a step of
    its own, while the rest of the expression keeps its written form.
    """

    name = "differentiate"
    sentence = "Work out the remaining derivatives."
    DETAILS = ("fine", "normal")

    def __init__(self, detail: str = "fine") -> None:
        if detail not in self.DETAILS:
            raise ValueError(f"detail must be one of {', '.join(self.DETAILS)}")
        self.detail = detail

    def rewrite(self, expr):
        return self.proved_steps(expr)[-1].expr

    def proved_steps(self, expr: Expr) -> list[Step]:
        return self._steps(expr, proved=True)

    def unproved_steps(self, expr: Expr, until: Callable[[Step], bool] | None = None,
                       most: int | None = None) -> list[Step]:
        """The same steps without certificates, for naming the rules of a link the verifier has already
        proved (derive check's justify): proving each rule again cost a second on some documents.
        until: the steps up to the first it holds for; most: a RuleError where none of the first most
        steps is that one (a long derivation is worked out no further than its author could have meant)."""
        return self._steps(expr, proved=False, until=until, most=most)

    def _steps(self, expr: Expr, proved: bool, until: Callable[[Step], bool] | None = None,
               most: int | None = None) -> list[Step]:
        out: list[Step] = []
        whole = start = expr
        fresh = _fresh_names()
        while ready := _ready(whole):
            if most is not None and len(out) == most:
                raise RuleError(f"more than {most} steps")
            batch = ready if self.detail == "normal" else ready[:1]
            singles, before_round = [], whole
            whole = self._round(whole, batch, singles, fresh, proved)
            if self.detail == "normal":  # x'=1, c'=0, ∂z_k/∂z_j = δ_kj: in the line that made them
                while trivial := [n for n in _ready(whole) if _trivial(n)]:
                    whole = self._round(whole, trivial, singles, fresh, proved)
            whole = _without_units(whole, singles, proved)
            out.append(singles[0] if len(singles) == 1 else _line(before_round, singles, proved=proved))
            if until is not None and until(out[-1]):
                return out
        tidied, changed = _tidy_finished(start, whole)
        tidied = in_written_order(tidied, start)  # σ(wx + b) as the input wrote it, not σ(b + wx)
        if changed and latex(tidied) != latex(whole):  # (a tidy-up a reader cannot see is no line)
            certificate = _certified(certify_arithmetic(whole, tidied), TIDY) if proved else None
            out.append(Step(TIDY, tidied, "Drop the zero terms and unit factors, and work out the numbers.",
                            certificate))
        if not out:
            raise RuleError(f"nothing is left to differentiate in {expr}")
        return out

    def _round(self, whole: Expr, batch: list[Derivative], singles: list[Step], fresh, proved: bool) -> Expr:
        """whole with each derivative of batch worked out by its rule, each a single step (proved, unless
        proved is False)."""
        places = paths_to(whole, set(batch))  # found once a round; the parts replaced are disjoint
        for node in batch:
            f, x, n = _order_of(node)
            rule = rule_for(f, x)
            new = rule.apply(f, x)
            if n > 1:  # d^n f = d^(n-1) f': one derivative at a time
                new = Derivative(new, (x, n - 1))
            before = whole
            for path in places[node]:  # every place it stands: equal parts, one rule
                whole = replace_at(whole, path, new)
            # proved on the part it rewrote; the chain rule on its outer function at a fresh u
            # (d/dx f = f' implies d^n f = d^(n-1) f')
            certificate = None
            if proved:
                certificate = (certify_part(before, whole, node, new, rule.schema(f, x))
                               or certify_part(before, whole, node, new))  # (a general schema may not prove)
                if certificate is None:
                    raise VerificationError(f"the {rule.name} rewrote {node} as {new}, which derive cannot "
                                            "prove equal")
            singles.append(Step(rule.name, whole, rule.describe(f, x, fresh), certificate))
        return whole


def _without_units(whole: Expr, singles: list[Step], proved: bool = True) -> Expr:
    """whole without the factors 1, terms 0 and stray signs the round's rules left (b·1 + 0), the
    tidy-up a single step of the round's line."""
    clean = without_units(whole)
    if clean == whole:
        return whole
    singles.append(Step(UNITS, clean, "", _certified(certify_arithmetic(whole, clean), UNITS) if proved else None))
    return clean


def _trivial(node: Derivative) -> bool:
    """A derivative no line need show pending: of a constant, of the variable itself, of a member of
    its family (c' = 0 for any c free of x, x' = 1, ∂z_k/∂z_j = δ_kj); its rule is named in the line
    that made it."""
    f, x, n = _order_of(node)
    return n == 1 and (not depends(f, x) or f == x or isinstance(f, (Symbol, Indexed)))


def _ready(expr: Expr) -> list[Derivative]:
    """Pending derivatives with nothing pending inside, in reading order, each once."""
    return list(dict.fromkeys(n for n in pending(expr) if not pending(n.expr)))


def _order_of(node: Derivative) -> tuple[Expr, Symbol, int]:
    """(f, x, n) for d^n f / dx^n; the rules take one variable at a time."""
    if len(node.variable_count) != 1:
        raise RuleError(f"derive takes derivatives in one variable at a time, not {node}")
    (x, n), = node.variable_count
    return node.expr, x, int(n)


def _fresh_names():
    count = 0

    def fresh() -> str:
        nonlocal count
        count += 1
        return f"u_{{{count}}}"

    return fresh


def _tidy_finished(before: Expr, after: Expr) -> tuple[Expr, bool]:
    """after with each finished derivative tidied: the parts standing where before had its outermost
    pending derivatives (the rest of the tree has the same shape in both). True when any changed."""
    changed = False

    def walk(b: Expr, a: Expr) -> Expr:
        nonlocal changed
        if is_pending(b):
            t = neat(a)
            if same_but_order(t, a):
                return a  # only the order would change: keep it as written, σ(1 − σ) not (1 − σ)σ
            changed = True
            return t
        if not b.args or len(b.args) != len(a.args) or b.func != a.func:
            return a
        args = [walk(bb, aa) for bb, aa in zip(b.args, a.args)]
        if all(x is y for x, y in zip(args, a.args)):
            return a
        return remake(a, args)

    return walk(before, after), changed


def neat(expr: Expr) -> Expr:
    """expr with its arithmetic worked out wherever that makes it narrower in print, node by node from
    the leaves: e^{-(x/√2)²} → e^{-x²/2} and a·2x → 2ax, but x/√2 stays (not √2x/2: a root is not
    moved out of a denominator). Terms keep their order unless like terms merge."""
    if not expr.args or isinstance(expr, (Derivative, Subs)) or is_pending(expr):
        return expr
    args = [neat(a) for a in expr.args]
    kept = without_units(expr if all(a is b for a, b in zip(args, expr.args)) else remake(expr, args))
    with evaluate(True):
        worked = expr.func(*args)
    if isinstance(worked, Add) and isinstance(kept, Add) and len(worked.args) == len(_terms(args)):
        worked = Add(*_terms(args), evaluate=False)  # nothing merged: the written order, not SymPy's
    if worked == kept:  # (nothing to choose: no printing to measure)
        return numbers_cancelled(kept)
    shorter = (round(width(latex(worked)), 1), size(worked)) < (round(width(latex(kept)), 1), size(kept))
    reordered = shape(worked) == shape(kept)  # the same factors and terms, sorted: not worth a line
    rationalised = moves_roots_up(kept, worked)
    return numbers_cancelled(worked if shorter and not reordered and not rationalised else kept)


def _terms(args: list[Expr]) -> list[Expr]:
    return [t for a in args for t in Add.make_args(a) if t != 0]


def differentiate_pending(expr: Expr) -> Step:
    """All pending derivatives of expr worked out, as one verified step with single-rule substeps."""
    return apply(expr, [Differentiate()])
