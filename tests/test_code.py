"""From derivation to code: the emitted f' agrees with a finite-difference derivative of the emitted f."""

import math

import pytest

from conftest import run_derive

numpy = pytest.importorskip("numpy", reason="the numpy flavour is tested where NumPy is installed")

CASES = [
    (["sigmoid"], "sigmoid"),
    (["diff", "1/(1+exp(-x))", "--in-terms-of", "sigmoid"], "f"),
    (["diff", "x sigmoid(x)", "--in-terms-of", "sigmoid"], "f"),
    (["diff", "tanh(x)", "--in-terms-of", "tanh"], "tanh"),
    (["diff", "x sin(x)^2 + e^(-x^2)"], "f"),
    (["diff", "softplus(x)"], "softplus"),
    (["diff", "x/2 (1 + erf(x/sqrt(2)))"], "f"),  # GELU
    (["diff", "x tanh(softplus(x))"], "f"),  # mish
    (["diff", "ln(sigmoid(x))"], "f"),
    (["diff", "g(x)^2", "--define", "g(x)=1/(1+e^(-x))", "--in-terms-of", "g"], "f"),
]
POINTS = [-3.0, -1.3, -0.2, 0.4, 1.1, 2.5]


def _load(args, flavour):
    out = run_derive(*(args if args[0] == "diff" else [args[0]]), "--format", flavour)
    assert out.returncode == 0, out.stderr
    namespace: dict = {}
    exec(compile(out.stdout, "<derive code>", "exec"), namespace)  # our own output, in a test
    return out.stdout, namespace


@pytest.mark.parametrize("args, name", CASES)
@pytest.mark.parametrize("flavour", ["python", "numpy"])
def test_gradient_matches_finite_differences(args, name, flavour):
    source, ns = _load(args, flavour)
    f, grad = ns[name], ns[f"{name}_grad"]
    h = 1e-6
    for x in POINTS:
        if flavour == "numpy":
            xs = numpy.array([x, x + 0.5])
            assert numpy.allclose(grad(xs), (f(xs + h) - f(xs - h)) / (2 * h), rtol=1e-5, atol=1e-6), source
        else:
            assert math.isclose(grad(x), (f(x + h) - f(x - h)) / (2 * h), rel_tol=1e-5, abs_tol=1e-6), source


def test_steered_gradient_reads_as_the_paper_writes_it():
    source, _ = _load(["sigmoid"], "python")
    assert "    s = sigmoid(x)\n    return s*(1 - s)" in source


def test_unknown_functions_have_no_code():
    out = run_derive("diff", "f(x)", "--format", "python")
    assert out.returncode == 2 and "unknown function f" in out.stderr and out.stdout == ""
