"""Output a careful author pastes as is (issue 13): no arithmetic leftovers in any line, numbering that
never clashes between derivations pasted into one paper, and lines that fit the page.

TABLE is the test table: textbook derivatives, activation functions and gradients, typed as users
type them. Each is derived once (cached) and its LaTeX scanned; the pdflatex tests paste them all,
with the README's examples, into one article and into one twocolumn article.
"""

import re
import subprocess
from functools import lru_cache

import pytest

from conftest import require_tool, run_derive
from derive.cli import main

TABLE = [
    ["x^2 sin(x)"], ["x sin(x)"], ["x^3 e^(2x)"], ["a x^2 + b x + c", "--wrt", "x"], ["sin(cos(x^2))"],
    ["sqrt(x^2+1)/(x-1)"], ["atan(x)/(1+x^2)"], ["x^x"], ["exp(-x^2/2)/sqrt(2*pi)"], ["ln(x)/x"],
    ["log(x, 2)"], ["x ln(x) - x"], ["tan(x)^3"], ["(2x+1)^5 (x-3)^2"], ["1/(1+e^(-x))"],
    ["tanh(x)"], ["log(1+exp(x))"], ["x/2 (1 + erf(x/sqrt(2)))"], ["x sigmoid(x)"], ["x tanh(log(1+exp(x)))"],
    ["sin(x)/x"], ["e^x cos(x)"], ["x^2 e^(-x)"], ["asin(x) + acos(x)"], ["sqrt(1 - x^2)"],
    ["(x^2 - 1)/(x^2 + 1)"], ["x^4 - 3x^3 + 2x - 7"], ["cos(x)^2 - sin(x)^2"], ["1/(x^2+1)^3"],
    ["--wrt", "p", "--", "-(y log(p) + (1-y) log(1-p))"], ["x e^x", "--detail", "fine"],
    ["tanh(x)", "--order", "2", "--in-terms-of", "tanh"], ["1/(1+e^(-x))", "--in-terms-of", "sigmoid"],
    ["x sigmoid(x)", "--in-terms-of", "sigmoid"], ["sqrt(sigma^2) + log(sigma^2)", "--wrt", "sigma"],
    ["x^2 y + sin(x y)", "--wrt", "y"], ["sum((w x_i + b - y_i)^2, i, 1, n)", "--wrt", "w"],
    [r"\frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}}", "--wrt", "z_j", "--in-terms-of", "softmax"],
]

README_EXAMPLES = [  # the README's derive diff examples, as a user runs them
    ["x sin(x)^2"], [r"\frac{1}{1+e^{-x}}", "--in-terms-of", "sigmoid"],
    ["tanh(x)", "--order", "2", "--in-terms-of", "tanh"], ["x sigmoid(x)", "--in-terms-of", "sigmoid"],
    ["g(x)^2", "--define", "g(x)=1/(1+e^(-x))", "--in-terms-of", "g"], ["a x^2 + b x", "--wrt", "x"],
    ["--", "-x^2"], ["x^2 y + sin(x y)", "--wrt", "y"], [r"\frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}}", "--wrt", "z_j"],
    ["sum((w x_i + b - y_i)^2, i, 1, n)", "--wrt", "w"],
    ["--wrt", r"\sigma", "--", r"\sum_{i=1}^{n} \left(-\log \sigma - \frac{(x_i-\mu)^2}{2\sigma^2}\right)"],
    ["sqrt(sigma^2) + log(sigma^2)", "--wrt", "sigma", "--assume", "sigma > 0"],
]


@lru_cache(maxsize=None)
def derived(args: tuple[str, ...]) -> str:
    """derive diff's default LaTeX for args, run in-process."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["diff", *args])
    assert code == 0, err.getvalue()
    return out.getvalue()


def rows(latex: str) -> list[str]:
    """The formula of each row of an align block, without its number."""
    body = latex.split(r"\begin{align}", 1)[1].split(r"\end{align}", 1)[0]
    return [re.sub(r"\\(?:tag|label)\{[^}]*\}|\\notag", "", r).strip() for r in body.split(r"\\" + "\n")]


LEFTOVERS = {  # what no author writes, and a rule's own line must not keep
    "a factor 1": re.compile(r"(?<![\d.{^_,])\b1 (?:\\cdot )?(?=[a-z\\(])|\\cdot 1\b(?![\d.])"),
    "a term 0": re.compile(r"[+-] 0\b(?![\d.])|(?<![\d.{^_])\b0 [+-] "),
    "a derivative of a number": re.compile(r"\(\d+\)(?:\^\{\\prime\}|')"),
    "brackets round one symbol or number": re.compile(r"\\left\((?:-?[a-z0-9]|\\[a-z]+)\\right\)"),
    "a factor (−1)": re.compile(r"\((?:\\left)?-1(?:\\right)?\)"),
    "a mixed number": re.compile(r"(?<![\^_{\d])\d+ \\frac\{1\}"),
    "x to the first power": re.compile(r"\^\{1\}"),
}


@pytest.mark.parametrize("args", TABLE, ids=[" ".join(a) for a in TABLE])
def test_no_line_keeps_arithmetic_an_author_would_not_write(args):
    latex = derived(tuple(args))
    lines = rows(latex)
    for name, pattern in LEFTOVERS.items():
        bad = [line for line in lines if pattern.search(line)]
        assert not bad, f"{name}: {bad}"
    exprs = [line.split("&", 1)[1].strip() for line in lines if "&" in line]
    assert all(a != b for a, b in zip(exprs, exprs[1:])), "two consecutive lines are equal"


@pytest.mark.parametrize("line, leftover", [
    (r"&= 1 \sin(x) + x \cos(x)", "a factor 1"), (r"&= b \cdot 1 + 2 a x", "a factor 1"),
    (r"&= e^{x} + 0", "a term 0"), (r"&= 0 + e^{x}", "a term 0"), (r"&= (1)^{\prime} + x", "a derivative of a number"),
    (r"&= \left(x\right)^{\prime}", "brackets round one symbol or number"), (r"&= e^{-x} (-1)", "a factor (−1)"),
    (r"&= 2 \frac{1}{1 + e^{-x}}", "a mixed number"),
])
def test_the_scan_finds_each_leftover(line, leftover):
    assert LEFTOVERS[leftover].search(line)  # (the scan above would miss nothing it claims to find)


@pytest.mark.parametrize("line", [r"&= 10 x + 1", r"&= x^{10} e^{1 + x}", r"&= \frac{1}{2} x", r"&= 2^{x} \log(2)",
                                  r"&= \frac{10}{x}", r"&= e^{-x} (1 + e^{-x})^{-2}"])
def test_the_scan_passes_what_authors_write(line):
    assert not any(p.search(line) for p in LEFTOVERS.values())


def test_three_derivations_pasted_into_one_paper_share_no_number_and_no_label():
    blocks = [derived(("x^2 sin(x)",)), derived(("tan(x)^3",)), derived(("x^2 sin(x)", "--wrt", "x"))]
    labels = [m for b in blocks for m in re.findall(r"\\label\{([^}]*)\}", b)]
    assert len(labels) == len(set(labels)) and labels
    assert not any(r"\tag" in b for b in blocks)  # the paper's own counter numbers them


def test_numbering_options():
    tags = derived(("x^2", "--numbering", "tags", "--label-prefix", "eq:sq"))
    assert r"\tag{1}\label{eq:sq1}" in tags
    plain = derived(("x^2", "--numbering", "none"))
    assert r"\begin{align*}" in plain and r"\label" not in plain and r"\tag" not in plain


def _paste(tmp_path, name: str, documentclass: str, blocks: list[str]) -> str:
    pdflatex = require_tool("pdflatex")
    (tmp_path / name).write_text(
        f"\\documentclass{documentclass}\\usepackage{{amsmath}}\\begin{{document}}\n"
        + "\n\nSome text.\n\n".join(blocks) + "\n\\end{document}\n")
    for _ in range(2):
        run = subprocess.run([pdflatex, "-interaction=nonstopmode", "-halt-on-error", name], cwd=tmp_path,
                             capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stdout[-3000:]
    return (tmp_path / name.replace(".tex", ".log")).read_text(errors="replace")


def _overfull(log: str) -> list[str]:
    lines = log.splitlines()
    return [" ".join(lines[i:i + 3]) for i, line in enumerate(lines) if "Overfull" in line]


@pytest.mark.latex
@pytest.mark.slow
@pytest.mark.parametrize("documentclass, width", [("{article}", "onecolumn"), ("[twocolumn]{article}", "twocolumn")])
def test_every_output_pasted_into_one_article_fits_and_clashes_nowhere(tmp_path, documentclass, width):
    cases = list(dict.fromkeys(tuple(a) for a in TABLE + README_EXAMPLES))  # (the same command twice is the same label)
    blocks = [derived((("--width", width) if width != "onecolumn" else ()) + args) for args in cases]
    scripted = ["sigmoid", "softmax"]
    for command in scripted:
        out = run_derive(command, "--width", width, "--label-prefix", f"eq:{command}")
        assert out.returncode == 0, out.stderr
        blocks.append(out.stdout)
    log = _paste(tmp_path, "paper.tex", documentclass, blocks)
    assert not _overfull(log), _overfull(log)
    assert "multiply defined" not in log and "multiply-defined" not in log
