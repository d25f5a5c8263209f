"""A derivation as a user holds it: the record (derive.record) with the verbs a user wants.

then() asks the engine for a proved step, recheck() proves every step again, latex() and to_dict()
ask the renderers. The record underneath stays plain data at the bottom of derive; this module sits
above the engine, the verifier and the renderers, and nothing below imports it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sympy import Expr

from derive import record
from derive.engine import apply
from derive.errors import VerificationError
from derive.record import Certificate, Step
from derive.render.formats import derivation_data, display_math, latex_block
from derive.rules.base import Rule
from derive.verify import certify, certify_steps, certify_under


class Derivation(record.Derivation):
    """start, steps, title, source, end_to_end (data); result, verified, finished, lines() (derived)."""

    def then(self, *rules: Rule, note: str | None = None, same_line: bool = False) -> Derivation:
        """Apply rules to the result, as one written line, and return the longer derivation.

        Several rules make one step whose substeps are the single rules. Each is proved; a rule that
        does not apply raises RuleError, one whose step cannot be proved VerificationError.
        """
        step = apply(self.result, rules, note=note, same_line=same_line)
        return replace(self, steps=self.steps + (step,), end_to_end=None)

    def checked_end_to_end(self, facts: tuple[tuple[Expr, Expr], ...] = ()) -> Derivation:
        """The derivation with a certificate that its result equals its start, proved directly,
        skipping every step in between (wherever the facts old = new it used hold); VerificationError
        when none can be given."""
        certificate = certify_under(self.start, self.result, facts) if facts else certify(self.start, self.result)
        if certificate is None:
            raise VerificationError(f"the result {self.result} could not be checked against {self.start}")
        return replace(self, end_to_end=certificate)

    def check_result(self) -> str | None:
        """The end-to-end certificate's method (proved now if the record holds none), or None."""
        certificate = self.end_to_end or certify(self.start, self.result)
        return certificate.method if certificate else None

    def recheck(self) -> Derivation:
        """Every step proved again from scratch, on whole expressions, ignoring the certificates it
        holds: the same derivation with fresh certificates, or VerificationError at the first step
        that does not hold."""
        steps, current = [], self.start
        for k, step in enumerate(self.steps, 1):
            steps.append(_reproved(current, step, k))
            current = step.expr
        return replace(self, steps=tuple(steps))

    def to_dict(self) -> dict[str, Any]:
        return derivation_data(self)

    def latex(self, style: str = "align", **options: Any) -> str:
        """The derivation as a LaTeX block: style "align" (tagged, labelled) or "aligned" (annotated)."""
        return latex_block(self, style=style, **options)

    def _repr_latex_(self) -> str:
        return display_math(self)

    def _repr_markdown_(self) -> str:
        return display_math(self)  # $$…$$ is Markdown too, for front ends that prefer it


def _reproved(before: Expr, step: Step, k: int) -> Step:
    if step.substeps:
        singles, current = [], before
        for single in step.substeps:
            singles.append(_reproved(current, single, k))
            current = single.expr
        if current != step.expr:
            raise VerificationError(f"step {k} ({step.rule}): its single rules do not end at its expression")
        return replace(step, substeps=tuple(singles), certificate=certify_steps(before, tuple(singles)))
    certificate: Certificate | None = certify(before, step.expr)
    if certificate is None:
        raise VerificationError(f"step {k} ({step.rule}) does not hold: {before} = {step.expr}")
    return replace(step, certificate=certificate)


def begin(expr: Expr, title: str = "", source: str = "") -> Derivation:
    """A derivation that starts at expr and has no steps yet."""
    return Derivation(start=expr, title=title, source=source)


__all__ = ["Certificate", "Derivation", "Step", "begin"]
