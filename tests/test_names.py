"""One symbol per name, whatever the spelling: both readers and names.symbol agree."""

import pytest
import sympy
from sympy import Symbol

from derive.errors import ParseError
from derive.functions import sigmoid
from derive.parse import parse
from derive.parse.names import canonical, symbol

SPELLINGS = {
    "alpha": ["α", "alpha", r"\alpha", "$\\alpha$"],
    "x_1": ["x_1", "x_{1}", "x1"],
    "x_ij": ["x_ij", "x_{ij}"],
    "theta_0": [r"\theta_0", r"\theta_{0}", "theta_0", "θ_0"],
    "sigma_1": [r"\sigma_1", "sigma_1", "σ_1"],
    "epsilon": ["ε", "epsilon", r"\epsilon", r"\varepsilon", "ϵ"],
    "Gamma": ["Γ", r"\Gamma", "Gamma"],
}


@pytest.mark.parametrize("name, spellings", SPELLINGS.items())
def test_every_spelling_is_one_real_symbol(name, spellings):
    expected = Symbol(name, real=True)
    for spelling in spellings:
        assert symbol(spelling) == expected, spelling


@pytest.mark.parametrize("text, name", [
    ("α^2 + x", "alpha"), (r"\alpha^2 + x", "alpha"), ("alpha^2 + x", "alpha"),
    (r"x_{ij} + 1", "x_ij"), ("x_ij + 1", "x_ij"), ("x_{ij} + 1", "x_ij"),
    (r"\theta_0 x", "theta_0"), ("theta_0 x", "theta_0"), ("θ_0 x", "theta_0"),
    (r"\sigma_1 + x", "sigma_1"), ("sigma_1 + x", "sigma_1"),
    ("x_1 + x", "x_1"), (r"x_{1} + x", "x_1"),
])
def test_the_readers_make_the_same_symbol(text, name):
    expr = parse(text)
    assert Symbol(name, real=True) in expr.free_symbols, (text, expr.free_symbols)
    assert all(s.is_real for s in expr.free_symbols)


def test_a_derivative_by_any_spelling_sees_the_symbol():
    """derive diff 'α^2 + x' --wrt α once gave 0: the reader said alpha, the command line α."""
    expr = parse("α^2 + x")
    for spelling in ("α", "alpha", r"\alpha"):
        assert sympy.diff(expr, symbol(spelling)) == 2 * symbol("alpha")


@pytest.mark.parametrize("text", [r"\sigma(x)", "sigma(x)", "σ(x)", r"\sigma\left(x\right)"])
def test_sigma_called_is_the_sigmoid(text):
    assert parse(text) == sigmoid(Symbol("x", real=True))


@pytest.mark.parametrize("name", ["theta_0", "x_ij", "x_1", "alpha", "sigma_1", "Gamma", "x_alpha", "lambda"])
def test_sympy_latex_of_a_symbol_reads_back_to_it(name):
    s = Symbol(name, real=True)
    assert parse(sympy.latex(s), reader="latex") == s
    assert symbol(sympy.latex(s)) == s


@pytest.mark.parametrize("spelling, words", [
    ("e", "Euler"), ("pi", "number"), (r"\pi", "number"), ("π", "number"),
    ("xy", "one variable"), ("sin", "one variable"), ("x+1", "one variable"), ("x_{n+1}", "one variable"),
    (r"\x", "one variable"), ("x1_2", "one variable"),
    ("Α", "one variable"),  # a Greek capital alpha, which looks like A
])
def test_what_is_not_one_variable_is_refused(spelling, words):
    with pytest.raises(ParseError, match=words):
        symbol(spelling)


def test_canonical_names():
    assert canonical("x", "{i j}") == "x_ij"
    assert canonical("α", r"\beta") == "alpha_beta"
    assert canonical("x", "n+1") is None
    assert canonical("xy") is None
