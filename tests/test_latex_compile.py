"""The standalone article compiles with pdflatex, two passes, with no error and no undefined reference.

Skipped without pdflatex; CI sets DERIVE_REQUIRE_LATEX=1, which turns the skip into a failure.
"""

import subprocess

import pytest

from conftest import require_tool, run_derive

pytestmark = pytest.mark.latex


def _compile(tmp_path, tex_name):
    pdflatex = require_tool("pdflatex")
    for _ in range(2):
        run = subprocess.run([pdflatex, "-interaction=nonstopmode", "-halt-on-error", tex_name],
                             cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stdout[-3000:]
    return (tmp_path / tex_name.replace(".tex", ".log")).read_text(errors="replace")


@pytest.mark.parametrize("route", ["quotient", "chain"])
def test_standalone_article_compiles_without_undefined_references(tmp_path, route):
    out = run_derive("sigmoid", "--route", route, "--standalone", "-o", str(tmp_path / "sigmoid.tex"))
    assert out.returncode == 0, out.stderr
    log = _compile(tmp_path, "sigmoid.tex")
    assert "undefined" not in log.lower(), [l for l in log.splitlines() if "ndefined" in l]
    assert "Rerun to get" not in log
    assert "Overfull \\hbox" not in log  # the annotation column fits the page
    pdftotext = require_tool("pdftotext")
    words = subprocess.run([pdftotext, "sigmoid.pdf", "-"], cwd=tmp_path, capture_output=True,
                           text=True).stdout
    assert "??" not in words  # a reference LaTeX could not resolve prints as ??
    assert "(1)" in words and "quotient rule" in words if route == "quotient" else "chain rule" in words


def test_blocks_alone_compile_inside_a_users_document(tmp_path):
    blocks = run_derive("sigmoid").stdout
    (tmp_path / "paper.tex").write_text(
        "\\documentclass{article}\\usepackage{amsmath}\\begin{document}\n" + blocks
        + "\nSee \\eqref{eq:eq1} and \\eqref{eq:eq4}.\n\\end{document}\n")
    log = _compile(tmp_path, "paper.tex")
    assert "undefined" not in log.lower()


@pytest.mark.parametrize("args", [
    ["x sin(x)^2"],
    ["tanh(x)", "--order", "2", "--in-terms-of", "tanh", "--certificates"],
    ["f(x^2) + |x| + asec(x)", "--detail", "fine"],
])
def test_derive_diff_standalone_compiles(tmp_path, args):
    out = run_derive("diff", *args, "--standalone", "-o", str(tmp_path / "diff.tex"))
    assert out.returncode == 0, out.stderr
    log = _compile(tmp_path, "diff.tex")
    assert "undefined" not in log.lower()


def test_the_softmax_article_compiles(tmp_path):
    out = run_derive("softmax", "--standalone", "-o", str(tmp_path / "softmax.tex"))
    assert out.returncode == 0, out.stderr
    log = _compile(tmp_path, "softmax.tex")
    assert "undefined" not in log.lower() and "Overfull \\hbox" not in log
    words = subprocess.run([require_tool("pdftotext"), "softmax.pdf", "-"], cwd=tmp_path, capture_output=True,
                           text=True).stdout
    assert "??" not in words and "(11)" in words


@pytest.mark.parametrize("args", [
    [r"\frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}}", "--wrt", "z_j"],
    ["x^2 y + sin(x y)", "--wrt", "y"],
])
def test_a_gradient_standalone_compiles(tmp_path, args):
    out = run_derive("diff", *args, "--standalone", "-o", str(tmp_path / "diff.tex"))
    assert out.returncode == 0, out.stderr
    assert "undefined" not in _compile(tmp_path, "diff.tex").lower()
