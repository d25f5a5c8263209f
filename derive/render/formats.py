"""Views of a derivation that templates print: lines of expressions with tags, labels and annotations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from sympy import Derivative, sstr

from derive.indexing import partial
from derive.render.printer import latex, partial_derivatives, text
from derive.record import UNITS
from derive.render.layout import Page, align_rows, annotated_rows
from derive.render.templates import render
from derive.render.width import text_width

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
    certificate: str  # how its steps were verified: the certificates' methods (rational, substeps …)
    verified: str = ""  # the same in words for a margin: proved exactly, checked at points …


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
        others = [phrase(s, verb) for s in step.substeps if not _is_calculus(s.rule) and s.rule != UNITS]
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
            verified=", ".join(dict.fromkeys(verified_words(s) for s in steps)),
        ))
    return BlockView(printer(d.start), lines)


def latex_block(d: Derivation, style: str = "align", label_prefix: str = DEFAULT_LABEL_PREFIX,
                tag_start: int = 1, certificates: bool = False, page: Page = Page()) -> str:
    """The derivation as an align block (numbered lines) or an annotated aligned block, its rows
    fitted to the page's measure."""
    if style not in ("align", "aligned"):
        raise ValueError(f"unknown LaTeX style {style!r}: align or aligned")
    block = block_view(d, label_prefix, tag_start)
    if style == "aligned":
        rows, beside = annotated_rows(block.start, block.lines, page.measure)
        return render("aligned.tex.j2", block=block, rows=rows, beside=beside)
    measure = page.measure - (_certificate_room(block) if certificates else 0.0)
    rows = align_rows(block.start, block.lines, measure, page.numbering)
    environment = "align*" if page.numbering == "none" else "align"
    return render("align.tex.j2", block=block, rows=rows, environment=environment, certificates=certificates)


def _certificate_room(block: BlockView) -> float:
    return max(text_width(line.verified, 0.8) for line in block.lines) + 20.0


def explanation(d: Derivation, label_prefix: str = DEFAULT_LABEL_PREFIX, tag_start: int = 1,
                eqref: bool = True, numbered: bool = True) -> str:
    """Prose that says which rules take the derivation from line to line: one sentence for a run of
    up to three lines the calculus rules make ("In lines (1) to (3) we apply the product rule, then
    …"), one for each other line.

    eqref: refer to lines by \\eqref{label} (LaTeX); otherwise by their tag, "(2)" (Markdown, text);
    numbered=False: the lines carry no number, and are "the first line", "the second line" ….
    """
    def ref(i: int) -> str:
        return rf"\eqref{{{label_prefix}{tag_start + i}}}" if eqref else f"({tag_start + i})"

    def where(first: int, last: int) -> str:
        if not numbered:
            words = [_ORDINALS[i] if i < len(_ORDINALS) else f"number {i + 1}" for i in (first, last)]
            return f"the {words[0]} line" if first == last else \
                f"the {words[0]} {'and' if last == first + 1 else 'to'} {words[1]} lines"
        if first == last:
            return f"line {ref(first)}"
        return f"lines {ref(first)} {'and' if last == first + 1 else 'to'} {ref(last)}"

    lines = d.lines()
    runs: list[list[int]] = []
    for i, steps in enumerate(lines):
        calculus = _by_calculus(steps[0])
        if runs and calculus and _by_calculus(lines[runs[-1][-1]][0]) and len(runs[-1]) < 3:
            runs[-1].append(i)
        else:
            runs.append([i])
    sentences = []
    for run in runs:
        doings = [_doing(lines[i]) for i in run]
        doings[1:] = [doing.removeprefix("apply ") for doing in doings[1:]]  # we apply A, then B, and then C
        joined = doings[0] if len(doings) == 1 else ", then ".join(doings[:-1]) + ", and then " + doings[-1]
        sentences.append(f"In {where(run[0], run[-1])} we {joined}.")
    return " ".join(sentences)


def _by_calculus(step: Step) -> bool:
    return _is_calculus(step.rule) or any(_is_calculus(s.rule) for s in step.substeps)


def _doing(steps: list[Step]) -> str:
    """What one line does: its first step, and what it then does within the line (a = b = c)."""
    first, rest = steps[0], steps[1:]
    return phrase(first) + ("".join(f" and {phrase(s)}" for s in rest))


def verified_words(step: Step) -> str:
    """How a line was verified, in words for a margin: the weakest of its single steps' proofs."""
    methods = set()

    def collect(s: Step) -> None:
        if s.substeps:
            for t in s.substeps:
                collect(t)
        else:
            methods.add((s.verified_by or "unproven").split(" ")[0])

    collect(step)
    if "unproven" in methods:
        return "not verified"
    if "numeric" in methods:
        return "checked at points"
    if "instances" in methods:
        return "checked at small sizes"
    return "uses a given fact" if "given" in methods else "proved exactly"


_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


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
