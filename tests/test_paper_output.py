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
    ["sin(x) + cos(x) + tan(x) + cot(x) + sec(x) + csc(x) + x^7 + e^(3x)"],  # wider than a column
    ["(sigma(v sigma(w x + b) + c) - y)^2/2", "--wrt", "w"],  # a product wider than a column
    ["2^x/x"], ["a*(1/x + 1)*x", "--wrt", "x"], ["3/(4*x^2)"], ["x/(2 sqrt(2))"], ["sigma*(x+1/x)^2", "--wrt", "x"],
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
    blocks = [derived(("x^2 sin(x)",)), derived(("tan(x)^3",)), derived(("x^2 sin(x)", "--wrt", "x")),
              derived(("x^2 sin(x)", "--detail", "fine"))]
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


# --- the last lines: numbers cancel, written forms stay, textbook order ----------------------------

def _last(latex: str) -> str:
    return rows(latex)[-1].split("=", 1)[1].strip()


@pytest.mark.parametrize("args, last", [
    (("a x^2 + b x + c", "--wrt", "x"), "2 a x + b"),  # not b + 2ax: the terms in the order they came
    (("x sin(x)",), r"\sin(x) + x \cos(x)"),  # as the product rule produced them, no re-sorting line
    (("exp(-x^2/2)/sqrt(2*pi)",), r"-\frac{x e^{-\frac{x^{2}}{2}}}{\sqrt{2 \pi}}"),  # 2/2 cancels
    (("sin(cos(x^2))",), r"-2 x \cos(\cos(x^{2})) \sin(x^{2})"),  # the number, the variable, the rest
    (("x^2/4",), r"\frac{x}{2}"),
    (("3/(4*x^2)",), r"-\frac{3}{2 x^{3}}"),  # the number below first
    (("x/(2 sqrt(2))",), r"\frac{1}{2 \sqrt{2}}"),  # not rationalised to √2/4
    (("a*(1/x + 1)*x", "--wrt", "x"), "a"),
    (("2^x/x",), r"\frac{2^{x} (x \log 2 - 1)}{x^{2}}"),
    (("(x^3+2x^2+3x+4)/(x^2+x+1)",), r"\frac{x^{4} + 2 x^{3} + 2 x^{2} - 4 x - 1}{(x^{2} + x + 1)^{2}}"),  # not expanded
])
def test_the_last_line_is_written_as_a_textbook_writes_it(args, last):
    assert _last(derived(args)) == last


def test_a_written_root_stays_written():
    latex = derived(("x*erf(x/sqrt(2))/2",))
    assert r"\frac{x}{\sqrt{2}}" in _last(latex) and r"\frac{x \sqrt{2}}{2}" not in latex


@pytest.mark.parametrize("args", TABLE, ids=[" ".join(a) for a in TABLE])
def test_a_tidy_up_never_makes_the_line_wider(args):
    import json

    from derive.render.width import width

    steps = json.loads(derived(("--format", "json") + tuple(args)))["derivations"][0]["steps"]
    tidy = [i for i, s in enumerate(steps) if s["rule"] in ("simplify the arithmetic", "simplify") and i > 0]
    for i in tidy:  # (a rewrite in a target's terms may widen a line: that is what it was asked for)
        assert width(steps[i]["latex"]) <= width(steps[i - 1]["latex"]), (steps[i - 1]["latex"], steps[i]["latex"])


# --- the natural logarithm as the input writes it -----------------------------------------------

def test_ln_in_the_input_prints_ln_and_log_prints_log():
    assert r"\ln(x)" in derived(("ln(x)/x",)) and r"\log" not in derived(("ln(x)/x",))
    assert r"\log(x)" in derived(("log(x)/x",)) and r"\ln" not in derived(("log(x)/x",))
    assert r"\ln" in derived(("--log", "ln", "log(x)/x")) and r"\log" not in derived(("--log", "ln", "log(x)/x"))
    assert "ln(x)" in derived(("ln(x)/x", "--format", "text"))


def test_a_logarithm_to_a_base():
    from derive.checker import VALID, check

    latex = derived(("log(x, 2)",))
    assert r"\frac{d}{dx}(\log_{2}(x))" in latex and _last(latex) == r"\frac{1}{x \ln 2}"
    assert all(k.verdict == VALID for k in check(latex).links) and check(latex).links


# --- the article: a title in words, prose by groups of lines, certificates in words ---------------

def test_the_article_has_a_title_in_words_and_an_author_line():
    article = derived(("x/2 (1 + erf(x/sqrt(2)))", "--standalone"))
    assert r"\title{The derivative of the GELU}" in article and r"\author{}" in article
    assert r"\title{The partial derivative of a sum with respect to $y$}" in derived(
        ("x^2 y + sin(x y)", "--wrt", "y", "--standalone"))
    assert r"\title{The second derivative of the hyperbolic tangent}" in derived(("tanh(x)", "--order", "2", "--standalone"))
    assert r"\title{The derivative of a quotient}" in derived(("sqrt(x^2+1)/(x-1)", "--standalone"))
    assert "in terms of $\\sigma$" in derived(("1/(1+e^(-x))", "--in-terms-of", "sigmoid", "--standalone"))


def test_the_prose_speaks_of_groups_of_lines():
    article = derived(("x/2 (1 + erf(x/sqrt(2)))", "--standalone", "--label-prefix", "eq:g"))
    prose = article.split(r"\end{align}", 1)[1]
    assert r"In lines \eqref{eq:g1} to \eqref{eq:g3} we apply the constant multiple rule, then the product rule" in prose
    assert prose.count("In line") < len(rows(article))  # fewer sentences than lines
    unnumbered = derived(("x sin(x)^2", "--standalone", "--numbering", "none"))
    assert "In the first to third lines we apply the product rule" in unnumbered and r"\eqref" not in unnumbered


def test_certificates_in_the_margin_are_words():
    article = derived(("x^2 sin(x)", "--certificates"))
    assert r"\text{\footnotesize proved exactly}" in article
    assert not re.search(r"footnotesize (?:substeps|rational|evaluate|cancel)", article)
    softmax = derived((r"\frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}}", "--wrt", "z_j", "--certificates"))
    assert "checked at small sizes" in softmax


def test_a_name_a_reader_applies_to_brackets_is_kept_apart_from_them():
    from sympy import Symbol

    from derive.parse.build import UNDEFINED_FUNCTIONS
    from derive.render.printer import READ_AS_FUNCTIONS, latex

    assert set(UNDEFINED_FUNCTIONS) | {"sigma"} <= set(READ_AS_FUNCTIONS)
    x, mu = Symbol("x"), Symbol("mu")
    for name in READ_AS_FUNCTIONS:
        from sympy import Mul

        printed = latex(Mul(4, Symbol(name), (x - mu) ** 2, evaluate=False))
        assert r"\cdot (x - \mu)" in printed, printed  # σ(x − μ)² would read as σ applied
    assert r"a (x - \mu)" in latex(Symbol("a") * (x - mu))


@pytest.mark.parametrize("args", TABLE[:20], ids=[" ".join(a) for a in TABLE[:20]])
def test_the_text_format_reads_plainly_and_back(args):
    from derive.parse import parse
    from derive.render.printer import _single_brackets

    out = derived(("--format", "text") + tuple(args))
    lines = [line.strip()[2:] for line in out.splitlines() if line.strip().startswith("= ")]
    for line in lines:
        assert "*" not in line and _single_brackets(line) == line, line  # products with ·, no ((…))
        if "'" not in line and "∂" not in line:  # (a pending prime or ∂ is the text format's own notation)
            parse(line, reader="plain")  # what the terminal shows, the plain reader reads


def test_a_logarithm_of_a_number_never_runs_into_the_next_factor():
    from derive.checker import VALID, check

    for args in (("2^x/x",), ("log(3)^2*x",), ("x 2^x",), ("--log", "ln", "2^x/x")):
        latex = derived(args)
        for row in rows(latex):  # \ln 2 x would read ln(2x)
            assert not re.search(r"\\(?:ln|log)(?:\^\{[^}]*\})? \d+ [a-z\\(]", row), row
        assert all(k.verdict == VALID for k in check(latex).links)
