"""σ as a SymPy function: notation, derivative, rewrite, value."""

from sympy import Rational, Symbol, diff, exp, latex as sympy_latex, simplify, oo

from derive.functions import sigmoid
from derive.render.printer import latex


def test_prints_as_the_document_writes_it(x):
    assert latex(sigmoid(x)) == r"\sigma(x)"
    assert latex(sigmoid(x) ** 2) == r"\sigma(x)^{2}"
    # SymPy's own printer also uses the document's notation, not \sigma^{2}{\left(x \right)}
    assert sympy_latex(sigmoid(x) ** 2) == r"\sigma(x)^{2}"
    assert latex(sigmoid(2 * x)) == r"\sigma(2 x)"


def test_knows_its_derivative(x):
    assert diff(sigmoid(x), x) == sigmoid(x) * (1 - sigmoid(x))
    assert simplify(diff(sigmoid(x), x).rewrite(exp) - diff(1 / (1 + exp(-x)), x)) == 0


def test_rewrites_in_exp_and_has_values(x):
    assert sigmoid(x).rewrite(exp) == 1 / (1 + exp(-x))
    assert sigmoid(0) == Rational(1, 2)
    assert sigmoid(oo) == 1 and sigmoid(-oo) == 0
    assert abs(float(sigmoid(2).evalf()) - 1 / (1 + 2.718281828459045 ** -2)) < 1e-12
    assert abs(float(sigmoid(Rational(-3, 2)).evalf(50)) - 0.18242552380635635) < 1e-15


def test_is_real_and_positive_for_real_arguments(x):
    assert sigmoid(x).is_real and sigmoid(x).is_positive
    assert sigmoid(Symbol("z")).is_real is None
