"""The record: a derivation is a chain of whole expressions, each reached by one named rule and each
carrying the certificate that proves it equal to the one before.

Plain data at the bottom of derive: it imports nothing of derive but exprs. The engine builds
records, derive.verify issues their certificates, renderers and JSON read them. A rule only
proposes (a Proposal); the engine proves the proposal and records a Step.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass

from sympy import Expr

from derive.exprs import pending

# Set by derive.verify alone, while it issues a certificate for a proof it has just made: any other
# construction, dataclasses.replace of a real certificate included, is refused.
_ISSUING: ContextVar[bool] = ContextVar("issuing", default=False)


# The rule of the tidy-up inside a rule's own line (b·1 + 0 → b): a substep of that line, never a line
# alone, and not named in what the line is said to do.
UNITS = "drop factors 1 and terms 0"


@dataclass(frozen=True)
class Certificate:
    """What was proved: `before` = `after` (two whole expressions), by `method`.

    part: (old, new) when the proof was made on the part the rule rewrote and `after` is `before`
    with that part replaced (equal parts in equal places make equal wholes). lemma: the equality
    actually proved when it is smaller still, as the chain rule's f'(u) at a fresh u.
    """

    method: str  # identical, rational, evaluate, cancel, simplify, rewrite(exp), numeric, substeps
    before: Expr
    after: Expr
    part: tuple[Expr, Expr] | None = None
    lemma: tuple[Expr, Expr] | None = None

    def __post_init__(self) -> None:
        if not _ISSUING.get():
            raise TypeError("a certificate is issued by derive.verify, where the proof is made")

    def relates(self, before: Expr, after: Expr) -> bool:
        """This certificate is about exactly these two expressions."""
        return self.before == before and self.after == after


@dataclass(frozen=True)
class Proposal:
    """A step as a rule proposes it, not yet proved: the engine proves it or refuses it."""

    rule: str
    expr: Expr  # the whole expression after the rule
    note: str = ""
    part: tuple[Expr, Expr] | None = None  # (old, new): the one part rewritten, where the rule knows
    given: tuple[Expr, Expr] | None = None  # (old, new): a fact the author states, old = new, put in


@dataclass(frozen=True)
class Step:
    rule: str  # "quotient rule", "substitute σ(x)", "factor out σ(x)"
    expr: Expr  # the WHOLE expression after this step; pending derivatives stay unevaluated
    note: str = ""  # one sentence a reader of the paper would want
    certificate: Certificate | None = None  # None: unproven
    substeps: tuple[Step, ...] = ()  # the single rules of a step that shows several as one line
    same_line: bool = False  # written on the line of the step before (a = b = c)

    @property
    def verified_by(self) -> str | None:
        """The certificate's method ("rational", "simplify" …), or None."""
        return self.certificate.method if self.certificate else None

    def proves(self, before: Expr) -> bool:
        """Its certificate relates before to this step's expression, and so do its substeps'."""
        if self.certificate is None or not self.certificate.relates(before, self.expr):
            return False
        return not self.substeps or chained(before, self.substeps)

    @property
    def certified(self) -> bool:
        """Carries a certificate, as do its substeps. Whether each certificate is about this step's
        place in a derivation is what proves() and Derivation.verified check."""
        return self.certificate is not None and all(s.certified for s in self.substeps)


def chained(start: Expr, steps: tuple[Step, ...]) -> bool:
    """Each step is certified from the expression before it, starting at start."""
    current = start
    for step in steps:
        if not step.proves(current):
            return False
        current = step.expr
    return True


@dataclass(frozen=True)
class Derivation:
    start: Expr  # e.g. Derivative(exp(x)/(exp(x) + 1), x), unevaluated
    steps: tuple[Step, ...] = ()
    title: str = ""
    source: str = ""  # the input as the user typed it, where there was one
    end_to_end: Certificate | None = None  # start = result proved directly, skipping the steps

    @property
    def result(self) -> Expr:
        return self.steps[-1].expr if self.steps else self.start

    @property
    def verified(self) -> bool:
        """Every step carries a certificate of its own link: from the expression before it to its own."""
        return bool(self.steps) and chained(self.start, self.steps)

    @property
    def finished(self) -> bool:
        """No derivative is left pending in the result."""
        return not pending(self.result)

    def lines(self) -> list[list[Step]]:
        """The steps grouped as written: one list per line of the display."""
        out: list[list[Step]] = []
        for step in self.steps:
            if step.same_line and out:
                out[-1].append(step)
            else:
                out.append([step])
        return out
