"""The record: a derivation is a chain of whole expressions, each reached by one named rule."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sympy import Expr, sstr

from derive.exprs import pending

from derive.render.printer import latex

if TYPE_CHECKING:
    from derive.rules.base import Rule


@dataclass(frozen=True)
class Step:
    rule: str  # "quotient rule", "substitute σ(x)", "factor out σ(x)"
    expr: Expr  # the WHOLE expression after this step; pending derivatives stay unevaluated
    note: str = ""  # one sentence a reader of the paper would want
    verified_by: str | None = None  # the certificate (derive.verify: "rational", "simplify" …); None: unproven
    substeps: tuple[Step, ...] = ()  # the single rules of a step that shows several as one line
    same_line: bool = False  # written on the line of the step before (a = b = c)

    @property
    def verified(self) -> bool:
        return self.verified_by is not None and all(s.verified for s in self.substeps)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "rule": self.rule,
            "expr": sstr(self.expr, order="none"),
            "latex": latex(self.expr),
            "note": self.note,
            "verified_by": self.verified_by,
            "same_line": self.same_line,
        }
        if self.substeps:
            data["substeps"] = [s.to_dict() for s in self.substeps]
        return data


@dataclass(frozen=True)
class Derivation:
    start: Expr  # e.g. Derivative(exp(x)/(exp(x) + 1), x), unevaluated
    steps: tuple[Step, ...] = ()
    title: str = ""

    @property
    def result(self) -> Expr:
        return self.steps[-1].expr if self.steps else self.start

    @property
    def verified(self) -> bool:
        """Every step carries a certificate."""
        return bool(self.steps) and all(s.verified for s in self.steps)

    def check_result(self) -> str | None:
        """A certificate that the result equals the start directly, skipping every step in between:
        an end-to-end check that does not lean on the steps' own certificates."""
        from derive.verify import equivalent

        return equivalent(self.start, self.result)

    @property
    def finished(self) -> bool:
        """No derivative is left pending in the result."""
        return not pending(self.result)

    def then(self, *rules: Rule, note: str | None = None, same_line: bool = False) -> Derivation:
        """Apply rules to the result, as one written line, and return the longer derivation.

        Several rules make one step whose substeps are the single rules. Each is verified; a rule that
        does not apply raises derive.rules.base.RuleError.
        """
        from derive.engine import apply

        step = apply(self.result, rules, note=note, same_line=same_line)
        return replace(self, steps=self.steps + (step,))

    def lines(self) -> list[list[Step]]:
        """The steps grouped as written: one list per line of the display."""
        out: list[list[Step]] = []
        for step in self.steps:
            if step.same_line and out:
                out[-1].append(step)
            else:
                out.append([step])
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "start": sstr(self.start, order="none"),
            "start_latex": latex(self.start),
            "steps": [s.to_dict() for s in self.steps],
            "result": sstr(self.result, order="none"),
            "result_latex": latex(self.result),
            "verified": self.verified,
            "result_verified_by": self.check_result(),
        }

    def latex(self, style: str = "align", **options: Any) -> str:
        """The derivation as a LaTeX block: style "align" (tagged, labelled) or "aligned" (annotated)."""
        from derive.render.formats import latex_block

        return latex_block(self, style=style, **options)

    def _repr_latex_(self) -> str:
        from derive.render.formats import display_math

        return display_math(self)

    def _repr_markdown_(self) -> str:
        from derive.render.formats import display_math

        return display_math(self)  # $$…$$ is Markdown too, for front ends that prefer it


def begin(expr: Expr, title: str = "") -> Derivation:
    """A derivation that starts at expr and has no steps yet."""
    return Derivation(start=expr, title=title)
