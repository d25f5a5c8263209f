"""Generated code is numerically stable, named as a reader expects, and imports what it uses, nothing else.

Every value is held against SymPy's own expression evaluated by mpmath at 1000 digits, where e^{1000} is a
number: at ±1000 and ±30, where σ, softplus and sech in their textbook forms overflow (e^{1000} is inf,
inf/inf is nan), and at ordinary points.
"""

import ast
import builtins
import math
import warnings
from contextlib import contextmanager

import mpmath
import pytest
import sympy
from sympy import (Abs, Heaviside, Max, Min, Piecewise, Rational, Symbol, acosh, acoth, acsch, asech, asinh,
                   atanh, cot, coth, csch, erf, erfc, exp, lambdify, log, sech, sign, sin, sqrt, tanh)

from conftest import run_derive
from derive.automatic import render_derivative
from derive.errors import DeriveError
from derive.functions import NamedFunction, define, sigmoid, softplus
from derive.render.code import function_code

numpy = pytest.importorskip("numpy", reason="the numpy flavour is tested where NumPy is installed")

x = Symbol("x", real=True)
FAR = [-1000.0, -30.0, -1.3, 0.4, 2.5, 30.0, 1000.0]


def _closed(expr):
    """expr with derive's named functions written out in exp and log, as mpmath can evaluate them."""
    return expr.replace(lambda e: isinstance(e, NamedFunction), lambda e: _closed(e.body_at(e.args[0])))


def _reference(expr):
    """expr at a point, to 1000 digits, as a float (inf where the true value is beyond doubles)."""
    f = lambdify(x, _closed(expr), modules="mpmath")

    def at(point):
        with mpmath.workdps(1000):  # 1 − σ(1000) is e^{−1000}: 434 digits cancel
            value = f(mpmath.mpf(point))
            return complex(value) if isinstance(value, mpmath.mpc) else float(value)
    return at


def _close(value, expected) -> bool:
    # 1e-12 absolute: 1 − σ(30) is 9.4e−14 with round-off of 1e−16 (σ(30) is a double near 1)
    return math.isclose(value, expected, rel_tol=1e-9, abs_tol=1e-12)


def _load(source: str) -> dict:
    namespace: dict = {}
    exec(compile(source, "<derive code>", "exec"), namespace)  # derive's own output, in a test
    return namespace


@contextmanager
def _strictly():
    """Any overflow, 0/0 or inf − inf is an error; so is every warning. (An underflow to 0 is the correctly
    rounded value of e^{−1000}: numpy.logaddexp(0, −1000) itself underflows, and NumPy ignores it by default.)"""
    with warnings.catch_warnings(), numpy.errstate(over="raise", divide="raise", invalid="raise", under="ignore"):
        warnings.simplefilter("error")
        yield


# (derive diff arguments, the function name derive gives, f in SymPy's own closed form)
STABLE = [
    (["sigmoid"], "sigmoid", 1 / (1 + exp(-x))),
    (["1/(1+exp(-x))"], "f", 1 / (1 + exp(-x))),
    (["1/(1+exp(-x))", "--in-terms-of", "sigmoid"], "f", 1 / (1 + exp(-x))),
    (["exp(x)/(exp(x)+1)"], "f", exp(x) / (exp(x) + 1)),
    (["sigmoid(x)"], "sigmoid", 1 / (1 + exp(-x))),
    (["softplus(x)"], "softplus", log(1 + exp(x))),
    (["log(1+exp(x))"], "f", log(1 + exp(x))),
    (["ln(sigmoid(x))"], "f", log(1 / (1 + exp(-x)))),
    (["log(1 - sigmoid(x))"], "f", log(1 - 1 / (1 + exp(-x)))),
    (["x sigmoid(x)", "--in-terms-of", "sigmoid"], "f", x / (1 + exp(-x))),  # swish
    (["x tanh(softplus(x))"], "f", x * tanh(log(1 + exp(x)))),  # mish
    (["tanh(x)"], "tanh", tanh(x)),
    (["tanh(x)", "--in-terms-of", "tanh"], "tanh", tanh(x)),
    (["tanh(x)^2"], "f", tanh(x) ** 2),
    (["tanh(2x)"], "f", tanh(2 * x)),
    (["sech(x)"], "sech", sech(x)),
    (["csch(x)"], "csch", csch(x)),
    (["coth(x)"], "coth", coth(x)),
    (["x/2 (1 + erf(x/sqrt(2)))"], "f", x / 2 * (1 + erf(x / sqrt(2)))),  # GELU
    (["g(x)^2", "--define", "g(x)=1/(1+e^(-x))", "--in-terms-of", "g"], "f", (1 + exp(-x)) ** -2),
]


def _code(args, flavour):
    if args == ["sigmoid"]:
        out = run_derive("sigmoid", "--format", flavour)
        assert out.returncode == 0, out.stderr
        return out.stdout
    in_terms_of = args[args.index("--in-terms-of") + 1] if "--in-terms-of" in args else None
    define = (args[args.index("--define") + 1],) if "--define" in args else ()
    return render_derivative(args[0], fmt=flavour, in_terms_of=in_terms_of, define=define)


@pytest.mark.parametrize("args, name, closed", STABLE, ids=[" ".join(c[0]) for c in STABLE])
@pytest.mark.parametrize("flavour", ["python", "numpy"])
def test_values_are_finite_and_right_far_out_without_a_warning(args, name, closed, flavour):
    source = _code(args, flavour)
    ns = _load(source)
    for fn, expected in ((ns[name], _reference(closed)), (ns[f"{name}_grad"], _reference(sympy.diff(closed, x)))):
        truth = [expected(p) for p in FAR]
        points = [(p, t) for p, t in zip(FAR, truth) if math.isfinite(t)]  # (cosh(1000) is no double)
        with _strictly():
            if flavour == "numpy":  # an array holding ±1000 beside ordinary points
                values = fn(numpy.array([p for p, _ in points]))
                got = list(numpy.broadcast_to(values, (len(points),)))
            else:
                got = [fn(p) for p, _ in points]
        for (p, t), v in zip(points, got):
            assert math.isfinite(v) and _close(float(v), t), f"{fn.__name__}({p}) = {v}, not {t}\n{source}"


@pytest.mark.parametrize("flavour, expected", [
    ("python", "math.log1p(math.exp(-abs(x))) + max(x, 0)"), ("numpy", "numpy.logaddexp(0, x)")])
def test_softplus_is_written_without_exp_of_x(flavour, expected):
    assert expected in render_derivative("softplus(x)", fmt=flavour)


@pytest.mark.parametrize("flavour", ["python", "numpy"])
def test_log_sigmoid_is_minus_softplus_of_minus_x(flavour):
    source = render_derivative("ln(sigmoid(x))", fmt=flavour)
    assert "return -softplus(-x)" in source and "log(sigmoid" not in source


@pytest.mark.parametrize("flavour", ["python", "numpy"])
def test_the_logistic_loss_over_data_stays_finite_for_separable_data(flavour):
    """−y log σ(wx) − (1 − y) log(1 − σ(wx)) at w x = ±1000: log(0) in the textbook form, softplus here."""
    source = render_derivative("sum(-y_i log(sigma(w x_i)) - (1 - y_i) log(1 - sigma(w x_i)), i, 1, n)",
                               fmt=flavour, wrt="w")
    ns = _load(source)
    data = {"x": [1000.0, -1000.0, 30.0], "y": [0.0, 1.0, 1.0]}  # wrong at both ends: a loss of ~2000
    args = [numpy.array(v) for v in data.values()] if flavour == "numpy" else list(data.values())
    with _strictly():
        loss, grad = ns["f"](1.0, *args), ns["f_grad"](1.0, *args)
    assert math.isclose(loss, 2000 + math.log1p(math.exp(-30)), rel_tol=1e-12)
    assert math.isclose(grad, 2000.0 - 30 * math.exp(-30) / (1 + math.exp(-30)), rel_tol=1e-12)


# --- names --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("order, grad, doc", [
    (1, "tanh_grad", "d/dx tanh(x)"), (2, "tanh_grad2", "d²/dx² tanh(x)"), (3, "tanh_grad3", "d³/dx³ tanh(x)"),
    (12, "tanh_grad12", "d^12/dx^12 tanh(x)")])
@pytest.mark.parametrize("flavour", ["python", "numpy"])
def test_a_derivative_of_order_n_is_named_grad_n(order, grad, doc, flavour):
    derivative = sympy.diff(tanh(x), x, order)
    ns = _load(source := function_code(tanh(x), derivative, x, "tanh", flavour, order=order))
    assert f"def {grad}(x):" in source and f'"""{doc}, as derive derived it."""' in source
    assert ns[grad].__doc__.startswith(doc)
    for p in (-1.3, 0.4, 2.5):
        assert _close(float(ns[grad](p)), _reference(derivative)(p)), source


def test_derive_diff_order_2_writes_tanh_grad2():
    out = run_derive("diff", "tanh(x)", "--order", "2", "--format", "python")
    assert out.returncode == 0 and "def tanh_grad2(x):" in out.stdout and "d²/dx² tanh(x)" in out.stdout


# --- no SymPy names, no unused imports, working code -------------------------------------------------

g = define("g", Symbol("u", real=True), 1 / (1 + exp(-Symbol("u", real=True))))
TABLE = [  # (f, its derivative (None: SymPy's), points in its domain)
    (Abs(x), sign(x), [-2.0, -0.5, 0.7, 3.0]),
    (x**2 * Abs(x), None, [-2.0, 0.7, 3.0]),
    (sign(x), sympy.S.Zero, [-2.0, 0.7]),
    (Heaviside(x), sympy.S.Zero, [-2.0, 0.7]),
    (Max(x, 0), Heaviside(x), [-2.0, 0.7, 3.0]),
    (Min(x, 1), Heaviside(1 - x), [-2.0, 0.7, 3.0]),
    (Max(x, 0, x**2 - 2), None, [-3.0, -0.5, 0.7, 3.0]),
    (Piecewise((x**2, x > 0), (-x, True)), None, [-2.0, 0.7, 3.0]),
    (erf(x), None, [-2.0, 0.4, 1.5]),
    (erfc(x), None, [-2.0, 0.4, 1.5]),
    (sech(x), None, [-30.0, -0.4, 1.5, 1000.0]),
    (csch(x), None, [-30.0, -0.4, 1.5, 1000.0]),
    (coth(x), None, [-30.0, -0.4, 1.5, 1000.0]),
    (cot(x), None, [-2.0, 0.4, 1.5]),
    (asinh(x), None, [-30.0, 0.4, 1000.0]),
    (acosh(x), None, [1.5, 30.0]),
    (atanh(x), None, [-0.5, 0.4]),
    (acoth(x), None, [-3.0, 1.5]),
    (asech(x), None, [0.3, 0.8]),
    (acsch(x), None, [-3.0, 0.4]),
    (log(x, 2), None, [0.5, 3.0]),
    (x**x, None, [0.5, 3.0]),
    (sqrt(x) * sin(x), None, [0.5, 3.0]),
    (exp(-x**2 / 2) * x, None, [-30.0, 0.4, 30.0]),
    (x**Rational(1, 3) + log(x), None, [0.5, 3.0]),
    (sigmoid(x), None, FAR),
    (softplus(x), None, FAR),
    (x * tanh(softplus(x)), None, FAR),
    (g(x), None, FAR),
    (g(x) ** 2 + x, None, FAR),
]


def _name(f) -> str:
    """The name derive diff gives the function (derive.automatic.derivative_document)."""
    return type(f).__name__ if isinstance(f, sympy.Function) and f.args == (x,) else "f"


def _functions(source: str) -> dict[str, ast.FunctionDef]:
    return {n.name: n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.FunctionDef)}


@pytest.mark.parametrize("f, derivative, points", TABLE, ids=[str(t[0]) for t in TABLE])
@pytest.mark.parametrize("flavour", ["python", "numpy"])
def test_code_has_no_sympy_names_no_unused_imports_and_works(f, derivative, points, flavour):
    derivative = sympy.diff(f, x) if derivative is None else derivative
    source = function_code(f, derivative, x, _name(f), flavour)
    tree = ast.parse(source)
    imported = {a.asname or a.name for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))
                for a in n.names}
    read = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    bound = (imported | set(_functions(source)) | {n.arg for n in ast.walk(tree) if isinstance(n, ast.arg)}
             | {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)})
    assert imported <= read, f"unused imports {imported - read}\n{source}"
    assert read <= bound | set(dir(builtins)), f"undefined {read - bound - set(dir(builtins))}\n{source}"
    sympy_names = {n for n in read | set(_functions(source)) if n[0].isupper() and hasattr(sympy, n)}
    assert not sympy_names, f"SymPy's names {sympy_names} in\n{source}"
    for module in imported:  # every attribute the code takes of numpy or math exists there
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == module:
                assert hasattr(__import__(module), node.attr), f"{module}.{node.attr}\n{source}"
    ns = _load(source)
    name = next(n for n in _functions(source) if n.endswith("_grad"))[:-len("_grad")]
    for fn, expected in ((ns[name], _reference(f)), (ns[f"{name}_grad"], _reference(derivative))):
        truth = [expected(p) for p in points]
        with _strictly():
            got = (list(numpy.broadcast_to(fn(numpy.array(points)), (len(points),))) if flavour == "numpy"
                   else [fn(p) for p in points])
        for p, t, v in zip(points, truth, got):
            assert _close(float(v), t), f"{fn.__name__}({p}) = {v}, not {t}\n{source}"


@pytest.mark.parametrize("f, expected", [(Abs(x), "abs"), (erf(x), "erf"), (sech(x), "sech"), (g(x), "g"),
                                         (sigmoid(x), "sigmoid"), (softplus(x), "softplus")])
@pytest.mark.parametrize("flavour", ["python", "numpy"])
def test_a_function_called_by_its_name_is_defined_once_under_it(f, expected, flavour):
    """abs(x) is def abs, not def Abs; sech(x), whose code is the stable helper, is that helper."""
    source = function_code(f, sympy.diff(f, x), x, _name(f), flavour)
    defs = [n.name for n in ast.walk(ast.parse(source)) if isinstance(n, ast.FunctionDef)]
    assert defs.count(expected) == 1 and f"{expected}_grad" in defs, source


def test_softmax_code_imports_only_what_it_uses():
    for flavour, imports in (("numpy", ["numpy"]), ("python", ["math"])):
        out = run_derive("softmax", "--format", flavour)
        tree = ast.parse(out.stdout)
        assert [a.name for n in tree.body if isinstance(n, ast.Import) for a in n.names] == imports, out.stdout


@pytest.mark.parametrize("f, derivative, word", [(sign(x), 2 * sympy.DiracDelta(x), "DiracDelta"),
                                                 (Heaviside(x), sympy.DiracDelta(x), "DiracDelta")])
def test_what_has_no_code_is_refused_in_words(f, derivative, word):
    with pytest.raises(DeriveError, match=f"cannot write code for {word}"):
        function_code(f, derivative, x, "f", "numpy")
