"""The example notebook works: its code cells run, and what each shows renders in KaTeX."""

import ast
import json
from pathlib import Path

from conftest import render_with_katex

NOTEBOOK = Path(__file__).resolve().parents[1] / "docs" / "derive.ipynb"


def _cells():
    return [("".join(c["source"]), c["cell_type"]) for c in json.loads(NOTEBOOK.read_text())["cells"]]


def test_every_code_cell_runs_and_displays():
    namespace: dict = {}
    shown = []
    for source, kind in _cells():
        if kind != "code":
            continue
        tree = ast.parse(source)
        last = tree.body[-1] if isinstance(tree.body[-1], ast.Expr) else None
        body = tree.body[:-1] if last else tree.body
        exec(compile(ast.Module(body, []), "<cell>", "exec"), namespace)  # the notebook's own code
        if last:
            shown.append(eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace))
    displays = [getattr(v, "_repr_markdown_", None) or getattr(v, "_repr_latex_", None) for v in shown]
    rendered = [d() for d in displays if d is not None]
    assert len(rendered) >= 3  # the derivation, the document, the check report
    for markdown in rendered:
        render_with_katex(markdown)
    report = shown[-1]
    assert report.chains[0].suspects == [2]  # the notebook shows the document's slip being found
