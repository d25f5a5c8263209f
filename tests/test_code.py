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


DATA = [
    (["sum((w x_i + b - y_i)^2, i, 1, n)", "--wrt", "w"], "w"),  # least squares, by w and by b
    (["sum((w x_i + b - y_i)^2, i, 1, n)", "--wrt", "b"], "b"),
    ([r"\sum_{i=1}^{n} \left(-\log \sigma - \frac{(x_i - \mu)^2}{2\sigma^2}\right)", "--wrt", r"\mu"], "mu"),
    ([r"\sum_{i=1}^{n} \left(-\log \sigma - \frac{(x_i - \mu)^2}{2\sigma^2}\right)", "--wrt", r"\sigma"], "sigma"),
    (["sum(-y_i log(sigma(w x_i)) - (1 - y_i) log(1 - sigma(w x_i)), i, 1, n)", "--wrt", "w"], "w"),
]


@pytest.mark.parametrize("args, variable", DATA)
@pytest.mark.parametrize("flavour", ["python", "numpy"])
def test_a_gradient_over_data_matches_finite_differences(args, variable, flavour):
    """Sums over data become sums over arrays (0-based, as long as the data); the data and the other
    parameters are arguments of f and f_grad."""
    import inspect

    source, ns = _load(["diff", *args], flavour)
    f, grad = ns["f"], ns["f_grad"]
    data = {"x": [0.3, -1.2, 2.0, 0.7], "y": [1.0, 0.0, 1.0, 0.0]}
    values = {"w": 0.8, "b": -0.4, "mu": 0.5, "sigma": 1.3}
    names = list(inspect.signature(f).parameters)
    assert names[0] == variable and set(names) <= set(data) | set(values), source

    def call(fn, at):
        point = {**values, variable: at}
        return fn(*[(numpy.array(data[n]) if flavour == "numpy" else data[n]) if n in data else point[n]
                    for n in names])

    h, at = 1e-6, values[variable]
    numeric = (call(f, at + h) - call(f, at - h)) / (2 * h)
    assert math.isclose(call(grad, at), numeric, rel_tol=1e-6, abs_tol=1e-6), source


def test_a_result_over_free_indices_outside_the_softmax_s_terms_has_no_code():
    out = run_derive("diff", r"\frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}}", "--wrt", "z_j", "--format", "numpy")
    assert out.returncode == 2 and "free index" in out.stderr and out.stdout == ""


def test_the_count_of_a_mean_over_data_is_the_length_of_the_data():
    source, ns = _load(["diff", "sum((w x_i + b - y_i)^2, i, 1, n)/(2 n)", "--wrt", "w"], "python")
    x, y, b, w, h = [0.3, -1.2, 2.0], [1.0, 0.0, 1.0], -0.4, 0.8, 1e-6
    numeric = (ns["f"](w + h, b, x, y) - ns["f"](w - h, b, x, y)) / (2 * h)
    assert math.isclose(ns["f_grad"](w, b, x, y), numeric, rel_tol=1e-6), source


def test_a_sum_whose_index_stands_outside_its_terms_has_no_code():
    out = run_derive("diff", "sum(i w x_i, i, 1, n)", "--wrt", "w", "--format", "python")
    assert out.returncode == 2 and "with i nowhere else" in out.stderr and out.stdout == ""


@pytest.mark.parametrize("flavour", ["python", "numpy"])
def test_a_result_in_softmax_terms_is_written_as_an_array_over_its_indices(flavour):
    """∂s_i/∂z_j = s_i(δ_ij − s_j) and ∂L/∂z_j = s_j − y_j, from derive diff, against finite differences."""
    jacobian = run_derive("diff", r"\frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}}", "--wrt", "z_j", "--in-terms-of", "softmax",
                          "--format", flavour)
    gradient = run_derive("diff", "--define", "s_i = e^{z_i}/sum(e^(z_k), k, 1, K)", "--wrt", "z_j", "--assume",
                          "sum(y_k, k, 1, K) = 1", "--format", flavour, "--", r"-\sum_{k=1}^{K} y_k \log s_k")
    assert jacobian.returncode == 0 and gradient.returncode == 0, jacobian.stderr + gradient.stderr
    z, y, h = [0.4, -1.1, 0.9], [0.2, 0.5, 0.3], 1e-6

    def softmax(v):
        e = [math.exp(a) for a in v]
        return [a / sum(e) for a in e]

    def loss(v):
        return -sum(t * math.log(s) for t, s in zip(y, softmax(v)))

    ns_j, ns_g = {}, {}
    exec(jacobian.stdout, ns_j)
    exec(gradient.stdout, ns_g)
    args = (numpy.array(z), numpy.array(y)) if flavour == "numpy" else (z, y)
    J, g = ns_j["f_grad"](args[0]), ns_g["f_grad"](*args)
    for j in range(3):
        bumped = [a + h * (k == j) for k, a in enumerate(z)]
        lowered = [a - h * (k == j) for k, a in enumerate(z)]
        assert math.isclose(g[j], (loss(bumped) - loss(lowered)) / (2 * h), abs_tol=1e-6)
        for i in range(3):
            assert math.isclose(J[i][j], (softmax(bumped)[i] - softmax(lowered)[i]) / (2 * h), abs_tol=1e-6)


@pytest.mark.parametrize("args, names, point, value, slope", [
    (["a x^2 + b x", "--wrt", "x"], ["x", "a", "b"], (1.5, 2.0, -3.0), 2 * 1.5**2 - 3 * 1.5, 2 * 2 * 1.5 - 3),
    (["h(x)^2", "--wrt", "x", "--define", "h(x)=theta x"], ["x", "theta"], (1.5, 2.0), 9.0, 12.0),
])
@pytest.mark.parametrize("flavour", ["python", "numpy"])
def test_the_other_parameters_are_arguments(args, names, point, value, slope, flavour):
    """a x² + b x by x is f(x, a, b): the module has a and b nowhere else (it had f(x), a NameError when
    called); θ of h(x) = θx too, with h written out, since a helper h(u) could not see θ."""
    import inspect

    source, ns = _load(["diff", *args], flavour)
    assert list(inspect.signature(ns["f"]).parameters) == names, source
    assert list(inspect.signature(ns["f_grad"]).parameters) == names, source
    assert math.isclose(ns["f"](*point), value) and math.isclose(ns["f_grad"](*point), slope), source
