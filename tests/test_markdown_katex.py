"""Every Markdown output renders in KaTeX (strict, throwing): sigmoid, diff and check reports."""

import pytest

from conftest import SEED, render_with_katex, run_derive

SIGMOID = [["--route", "quotient"], ["--route", "chain"]]
DIFF = [["x sin(x)^2"], ["1/(1+exp(-x))", "--in-terms-of", "sigmoid"],
        ["tanh(x)", "--order", "2", "--in-terms-of", "tanh"], ["f(x^2) + |x| + asec(x)", "--detail", "fine"],
        ["x^x"], ["erf(x/sqrt(2))"], ["g(x)^2", "--define", "g(x)=1/(1+e^(-x))", "--in-terms-of", "g"],
        ["softplus(x)", "--in-terms-of", "softplus"], ["log(x, 2) + 2^x + sqrt(x)"],
        [r"\frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}}", "--wrt", "z_j"], ["sum((w x_i + b - y_i)^2, i, 1, n)", "--wrt", "w"]]


@pytest.mark.parametrize("args", SIGMOID)
def test_sigmoid_markdown_renders(args):
    out = run_derive("sigmoid", *args, "--format", "markdown")
    assert out.returncode == 0
    assert render_with_katex(out.stdout).startswith(("1 display", "2 display"))


@pytest.mark.parametrize("args", DIFF)
def test_diff_markdown_renders(args):
    out = run_derive("diff", *args, "--format", "markdown")
    assert out.returncode == 0, out.stderr
    summary = render_with_katex(out.stdout)
    assert summary.startswith("1 display")


def test_check_report_markdown_renders():
    out = run_derive("check", str(SEED), "--format", "markdown")
    assert out.returncode == 1
    summary = render_with_katex(out.stdout)
    assert int(summary.split()[2]) >= 15  # every expression of the report, inline


def test_jupyter_displays_render():
    import derive

    d = derive.differentiate("x e^x")
    render_with_katex(d._repr_latex_())
    render_with_katex(derive.check(SEED.read_text())._repr_markdown_())


def test_softmax_markdown_renders():
    out = run_derive("softmax", "--format", "markdown")
    assert out.returncode == 0, out.stderr
    assert render_with_katex(out.stdout).startswith("4 display")  # s and L defined, the Jacobian, the gradient
