"""derive softmax (issue 12): the softmax's Jacobian and the cross-entropy's gradient through it, as
lecture notes derive them, every line verified; held against oracles that share no code with derive
(SymPy on the softmax written out at K classes, finite differences of the code derive writes)."""

import json
import math
import random

import pytest
from sympy import Matrix, Symbol, diff, exp, log

from conftest import run_derive
from derive.checker import VALID, check
from derive.exprs import shape
from derive.routes.softmax import Softmax, gradient, softmax_document


@pytest.fixture(scope="module")
def document():
    return softmax_document()


@pytest.fixture(scope="module")
def article(document):
    return document.render("latex", standalone=True)


def _derivations(document):
    return [s.derivation for s in document.sections if s.derivation is not None]


def test_the_jacobian_and_the_gradient_end_where_papers_end_and_every_line_is_proved(document):
    jac, grad = _derivations(document)
    f = Softmax()
    assert shape(jac.result) == shape(f.s_i * (f.delta_ij - f.s_j))
    assert shape(grad.result) == shape(f.s_j - f.y_j)
    for d in (jac, grad):
        assert d.verified and all(s.verified_by for s in d.steps) and d.end_to_end is not None
    assert "given" in grad.end_to_end.method  # s_j − y_j holds where Σ_k y_k = 1, and only there
    assert [s.rule for s in jac.steps][0] == "quotient rule"


def _scores(K: int):
    return [Symbol(f"z_{k}", real=True) for k in range(1, K + 1)]


@pytest.mark.parametrize("K", [2, 3, 4])
def test_the_jacobian_agrees_with_sympy_on_the_softmax_written_out(document, K):
    z = _scores(K)
    total = sum(exp(v) for v in z)
    s = [exp(v) / total for v in z]
    oracle = Matrix(K, K, lambda i, j: diff(s[i], z[j]))
    point = {v: random.Random(K).uniform(-1, 1) for v in z}
    ns = {f"s_{k + 1}": float(s[k].subs(point)) for k in range(K)}
    code = {}
    exec(document.code("python"), code)  # the code derive writes from the result s_i(δ_ij − s_j)
    written = code["softmax_jacobian"]([point[v] for v in z])
    for i in range(K):
        for j in range(K):
            assert math.isclose(written[i][j], float(oracle[i, j].subs(point)), rel_tol=1e-12, abs_tol=1e-12)
            assert math.isclose(written[i][j], ns[f"s_{i + 1}"] * ((i == j) - ns[f"s_{j + 1}"]), abs_tol=1e-12)


@pytest.mark.parametrize("flavour", ["python", "numpy"])
def test_the_gradient_code_agrees_with_finite_differences(document, flavour):
    np = pytest.importorskip("numpy")
    code = {}
    exec(document.code(flavour), code)
    rng = random.Random(7)
    z = [rng.uniform(-2, 2) for _ in range(4)]
    y = [0.1, 0.2, 0.3, 0.4]  # a smoothed label: sums to one

    def loss(scores):
        top = max(scores)
        total = sum(math.exp(v - top) for v in scores)
        return -sum(t * (v - top - math.log(total)) for t, v in zip(y, scores))

    h = 1e-6
    numeric = [(loss([v + h * (k == j) for k, v in enumerate(z)]) - loss([v - h * (k == j) for k, v in enumerate(z)]))
               / (2 * h) for j in range(4)]
    args = (np.array(z), np.array(y)) if flavour == "numpy" else (z, y)
    written = code["cross_entropy_grad"](*args)
    assert all(math.isclose(a, b, abs_tol=1e-7) for a, b in zip(written, numeric))
    jac = code["softmax_jacobian"](args[0])
    assert all(math.isclose(sum(row), 0, abs_tol=1e-12) for row in jac)  # Σ_j ∂s_i/∂z_j = 0: s sums to one


def test_the_gradient_needs_the_targets_to_sum_to_one():
    """Without Σ_k y_k = 1 the last line is wrong, and derive says so rather than certify it."""
    f = Softmax()
    d = gradient(f)
    K = 3
    z, y = _scores(K), [Symbol(f"y_{k}", real=True) for k in range(1, K + 1)]
    total = sum(exp(v) for v in z)
    loss = -sum(t * log(exp(v) / total) for t, v in zip(y, z))
    at = {**{v: 0.3 * k for k, v in enumerate(z)}, y[0]: 0.5, y[1]: 0.7, y[2]: 0.1}  # they sum to 1.3
    exact = float(diff(loss, z[1]).subs(at))
    claimed = float((exp(z[1]) / total - y[1]).subs(at))
    assert not math.isclose(exact, claimed)
    [used] = [s for s in d.steps if s.rule.startswith("use ")]
    assert used.verified_by.startswith("given")


def test_derive_check_decides_every_line_of_the_article(article):
    report = check(article)
    assert report.links and all(k.verdict == VALID for k in report.links), [
        (k.source, k.target, k.verdict, k.reason) for k in report.links]


@pytest.mark.parametrize("right, wrong", [
    (r"s_{i} (\delta_{ij} - s_{j}) \tag{4}", r"s_{i} (\delta_{ii} - s_{j}) \tag{4}"),
    (r"= s_{j} - y_{j} \tag{11}", r"= y_{j} - s_{j} \tag{11}"),
    (r"-\left(y_{j} - s_{j} \sum_{k=1}^{K} y_{k}\right) \tag{10}", r"-\left(y_{j} + s_{j} \sum_{k=1}^{K} y_{k}\right) \tag{10}"),
])
def test_a_slip_planted_in_the_article_is_found(article, right, wrong):
    assert right in article
    report = check(article.replace(right, wrong))
    assert not report.ok and any(k.verdict == "invalid" for k in report.links)


def test_the_json_holds_both_derivations(document):
    data = json.loads(document.render("json"))
    assert data["verified"] and len(data["derivations"]) == 2
    assert data["derivations"][1]["result"] == "s_j - y_j"


def test_the_command():
    out = run_derive("softmax", "--format", "text")
    assert out.returncode == 0 and "s_i·(delta_ij - s_j)" in out.stdout and "= s_j - y_j" in out.stdout
    refused = run_derive("softmax", "--standalone", "--format", "markdown")
    assert refused.returncode == 2 and refused.stdout == "" and refused.stderr.startswith("derive: error:")


def test_the_prose_cites_the_lines_of_both_derivations(article):
    assert r"In lines \eqref{eq:eq1} and \eqref{eq:eq2} we apply the quotient rule" in article
    assert r"In lines \eqref{eq:eq5} and \eqref{eq:eq6} we take the derivative of the sum term by term" in article
    assert r"use that the targets sum to one" in article
