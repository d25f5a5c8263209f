"""Views of a derivation that templates print: lines of expressions with tags, labels and annotations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from sympy import Derivative, sstr

from derive.indexing import partial
from derive.render.printer import latex, partial_derivatives, text
from derive.render.templates import render

if TYPE_CHECKING:
    from derive.record import Derivation, Step

DEFAULT_LABEL_PREFIX = "eq:eq"


@dataclass(frozen=True)
class LineView:
    exprs: list[str]  # the line's expressions, joined by = when printed
    tag: int
    label: str
    annotation: str  # what the line does, as a short phrase (may hold $…$ math)
    rules: str  # the names of the rules that make the line, plain text
    certificate: str  # how its steps were verified


@dataclass(frozen=True)
class BlockView:
    start: str
    lines: list[LineView]


def _is_calculus(rule: str) -> bool:
    return rule.endswith("rule") or rule == "logarithmic differentiation"


def _listed(items: list[str]) -> str:
    items = list(dict.fromkeys(items))
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def phrase(step: Step, verb: bool = True) -> str:
    """What a step does as a phrase: "apply the quotient rule", "factor out $\\sigma(x)$".

    A note that starts in lower case or with math is a phrase ("expand the fraction by $e^{x}$",
    "$e^{0} = 1$") and is used as it stands; a note that is a sentence is not, and the rule's name
    speaks instead.
    """
    if step.substeps:
        rules = [s.rule for s in step.substeps if _is_calculus(s.rule)]
        if step.note:
            return step.note + (f" ({_listed(rules)})" if rules else "")
        others = [phrase(s, verb) for s in step.substeps if not _is_calculus(s.rule)]
        applied = ([("apply the " if verb else "") + _listed(rules)] if rules else [])
        return _listed(applied + others)
    if _is_calculus(step.rule):
        return f"apply the {step.rule}" if verb else step.rule
    return step.note if step.note[:1].islower() or step.note[:1] == "$" else step.rule


def _partial(d: Derivation) -> bool:
    """Every derivative of the derivation is partial (∂) when the one it starts at is."""
    return isinstance(d.start, Derivative) and partial(d.start)


def block_view(d: Derivation, label_prefix: str = DEFAULT_LABEL_PREFIX, tag_start: int = 1,
               printer: Callable = latex) -> BlockView:
    with partial_derivatives(_partial(d)):
        return _block_view(d, label_prefix, tag_start, printer)


def _block_view(d: Derivation, label_prefix: str, tag_start: int, printer: Callable) -> BlockView:
    lines = []
    for i, steps in enumerate(d.lines()):
        tag = tag_start + i
        lines.append(LineView(
            exprs=[printer(s.expr) for s in steps],
            tag=tag,
            label=f"{label_prefix}{tag}",
            annotation=", ".join(phrase(s, verb=False) for s in steps),
            rules=", ".join(s.rule for s in steps),
            certificate=", ".join(dict.fromkeys(s.verified_by or "unproven" for s in steps)),
        ))
    return BlockView(printer(d.start), lines)


def latex_block(d: Derivation, style: str = "align", label_prefix: str = DEFAULT_LABEL_PREFIX,
                tag_start: int = 1, annotation_space: str = "2cm", certificates: bool = False) -> str:
    if style not in ("align", "aligned"):
        raise ValueError(f"unknown LaTeX style {style!r}: align or aligned")
    block = block_view(d, label_prefix, tag_start)
    return render(f"{style}.tex.j2", block=block, annotation_space=annotation_space,
                  certificates=certificates)


def explanation(d: Derivation, label_prefix: str = DEFAULT_LABEL_PREFIX, tag_start: int = 1,
                eqref: bool = True) -> str:
    """Prose that says, line by line, which rule takes the derivation there.

    eqref: refer to lines by \\eqref{label} (LaTeX); otherwise by their tag, "(2)" (Markdown, text).
    """
    def ref(tag: int) -> str:
        return rf"\eqref{{{label_prefix}{tag}}}" if eqref else f"({tag})"

    sentences = []
    for i, steps in enumerate(d.lines()):
        here = ref(tag_start + i)
        first, rest = steps[0], steps[1:]
        if i == 0:
            sentence = f"In line {here} we {phrase(first)}"
        else:
            before = ref(tag_start + i - 1)
            sentence = f"From line {before} to line {here} we {phrase(first)}"
        if rest:
            sentence += f", and then, within line {here}, we " + " and ".join(phrase(s) for s in rest)
        sentences.append(sentence + ".")
    return " ".join(sentences)


def display_math(d: Derivation) -> str:
    """For Jupyter: one display-math block that MathJax renders (tags, no labels)."""
    block = block_view(d)
    rows = [(block.start if i == 0 else "") + " &= " + " = ".join(line.exprs) + rf" \tag{{{line.tag}}}"
            for i, line in enumerate(block.lines)]
    return "$$\\begin{align}" + " \\\\ ".join(rows) + "\\end{align}$$"


def step_data(step: Step) -> dict[str, Any]:
    """One step as JSON-ready data: read from the record, nothing proved again."""
    data: dict[str, Any] = {
        "rule": step.rule,
        "expr": sstr(step.expr, order="none"),
        "latex": latex(step.expr),
        "note": step.note,
        "verified_by": step.verified_by,
        "same_line": step.same_line,
    }
    if step.substeps:
        data["substeps"] = [step_data(s) for s in step.substeps]
    return data


def derivation_data(d: Derivation) -> dict[str, Any]:
    """The derivation as JSON-ready data; result_verified_by is the end-to-end certificate the
    record holds (None when it holds none), never a proof run again here."""
    with partial_derivatives(_partial(d)):
        return _derivation_data(d)


def _derivation_data(d: Derivation) -> dict[str, Any]:
    data: dict[str, Any] = {"title": d.title}
    if d.source:
        data["input"] = d.source
    data.update({
        "start": sstr(d.start, order="none"),
        "start_latex": latex(d.start),
        "read_as": text(d.start.expr if d.start.is_Derivative else d.start),
        "steps": [step_data(s) for s in d.steps],
        "result": sstr(d.result, order="none"),
        "result_latex": latex(d.result),
        "verified": d.verified,
        "result_verified_by": d.end_to_end.method if d.end_to_end else None,
    })
    return data
