"""derive's own LaTeX grammar: the readings issue 9 found wrong, and what it refuses rather than guess."""

import pytest
import sympy
from sympy import Abs, Derivative, Function, Integer, Mul, Pow, Product, Sum, Symbol, cos, exp, log, sin, srepr

from derive.errors import ParseError
from derive.exprs import div, mul, shape
from derive.functions import sigmoid
from derive.parse import parse
from derive.parse.latex import parse_latex

x, y, t, n, i = (Symbol(s, real=True) for s in "xytni")
f = Function("f")


def read(text, **kw):
    return parse(text, reader="latex", **kw)


@pytest.mark.parametrize("text, expected", [
    (r"x(x^3)", mul(x, x**3)),
    (r"5x\left(x^3\right)", mul(5, x, x**3)),
    (r"$2x (x^3)$", mul(2, x, x**3)),
    (r"x \left( x + 1 \right)", mul(x, x + 1)),
    (r"\alpha(x+1)", mul(Symbol("alpha", real=True), x + 1)),
])
def test_a_letter_before_brackets_multiplies(text, expected):
    got = read(text)
    assert shape(got) == shape(expected) and not got.atoms(sympy.core.function.AppliedUndef), srepr(got)


def test_t_before_brackets_multiplies_with_t_the_variable():
    assert shape(read(r"t(t^2)", variable="t")) == shape(mul(t, t**2))


@pytest.mark.parametrize("text, expected", [
    (r"f(x)", f(x)), (r"g(x)", Function("g")(x)), (r"h(x^2)", Function("h")(x**2)),
    (r"\sigma(x+1)", sigmoid(x + 1)), (r"σ(x)", sigmoid(x)), (r"\sin(x)", sin(x)),
])
def test_functions_before_brackets_are_calls(text, expected):
    assert shape(read(text)) == shape(expected)


def test_user_functions_are_calls():
    relu, g = Function("relu"), Function("g")
    functions = {"relu": relu, "g": g}
    assert read(r"g(x) + \operatorname{relu}(x)", functions=functions) == g(x) + relu(x)
    assert read(r"relu(x)", functions=functions) == relu(x)
    assert read(r"\mathrm{relu}\left(x\right)", functions=functions) == relu(x)
    unknown = read(r"\operatorname{relu}(x)")  # a function the text names but never defined: unknown
    assert isinstance(unknown, sympy.core.function.AppliedUndef) and unknown.func.__name__ == "relu" and unknown.args == (x,)


@pytest.mark.parametrize("text, expected", [
    (r"\cos x \cdot \cos x", Mul(cos(x), cos(x), evaluate=False)),
    (r"\cos x \times \cos x", Mul(cos(x), cos(x), evaluate=False)),
    (r"\sin 2x", sin(2 * x)),
    (r"\sin x \cos x", Mul(sin(x), cos(x), evaluate=False)),
    (r"\sin^2 x", Pow(sin(x), 2)),
    (r"\sin x^2", sin(x**2)),
    (r"\ln x + 1", log(x) + 1),
    (r"\ln x - 1", log(x) - 1),
    (r"\log_2 x", div(log(x), log(2))),
    (r"\sin x = ", None),
    (r"\exp x", exp(x)),
    (r"(\sin x)", sin(x)),
    (r"\sin x e^{x}", Mul(sin(x), exp(x), evaluate=False)),
    (r"\cos 2\theta", cos(2 * Symbol("theta", real=True))),
    (r"\sin x f(x)", Mul(sin(x), f(x), evaluate=False)),
])
def test_an_unbraced_argument_ends_where_a_reader_ends_it(text, expected):
    if expected is None:
        with pytest.raises(ParseError, match="equation"):
            read(text)
        return
    got = read(text)
    assert shape(got) == shape(expected), srepr(got)


def test_a_braced_or_bracketed_argument_is_the_whole_argument():
    assert shape(read(r"\sin(x) y")) == shape(y * sin(x))
    assert read(r"\sin{\left(x \right)}^{2}") == sin(x) ** 2
    assert read(r"\sin^{-1}(x)") == sympy.asin(x)


@pytest.mark.parametrize("text, column", [(r"x^2^3", 3), (r"e^{x}^{2}", 5), (r"x_1_2", 3), (r"x^2'", 3)])
def test_a_double_script_is_refused_with_braces_advised(text, column):
    with pytest.raises(ParseError, match="braces") as caught:
        read(text)
    assert caught.value.position == column


@pytest.mark.parametrize("text", [r"x^23", r"x_12", r"\frac123", r"e^-x"])
def test_what_tex_shows_otherwise_is_refused(text):
    """x^23 shows as x²3: derive asks for braces rather than pick one reading."""
    with pytest.raises(ParseError, match="braces needed"):
        read(text)


def test_braced_scripts_and_tex_digit_arguments():
    assert read(r"x^{23}") == x**23
    assert read(r"x^{2^{3}}") == Pow(x, Pow(2, 3, evaluate=False), evaluate=False)
    assert read(r"{x^{2}}^{3}") == Pow(x**2, 3, evaluate=False)
    assert read(r"\frac12") == read(r"\frac{1}{2}") and read(r"\frac1x") == 1 / x


@pytest.mark.parametrize("text, expected", [
    (r"\frac{d^{2}}{dx^{2}} f", Derivative(Symbol("f", real=True), (x, 2))),
    (r"\frac{d^{2}}{dx^{2}}\left(x^{3}\right)", Derivative(x**3, (x, 2))),
    (r"\frac{d^2}{dx^2} x^3", Derivative(x**3, (x, 2))),
    (r"\frac{\mathrm{d}^2}{\mathrm{d}x^2} x^3", Derivative(x**3, (x, 2))),
    (r"\frac{d^2y}{dx^2}", Derivative(y, (x, 2))),
    (r"\frac{d}{dx} x \sin x", Derivative(x * sin(x), x)),
    (r"\frac{d}{dx} x^2 + 1", Derivative(x**2, x) + 1),
    (r"\frac{dy}{dx}", Derivative(y, x)),
    (r"\frac{\partial}{\partial x} x y", Derivative(x * y, x)),
    (r"\frac{\partial f}{\partial x}", Derivative(Symbol("f", real=True), x)),
    (r"\frac{\partial^2 f}{\partial x \partial y}", Derivative(Symbol("f", real=True), x, y)),
    (r"\frac{d}{d\theta} \theta^2", Derivative(Symbol("theta", real=True) ** 2, Symbol("theta", real=True))),
])
def test_derivatives_in_leibniz_notation(text, expected):
    got = read(text)
    assert shape(got) == shape(expected), srepr(got)
    assert got.doit() == expected.doit()


def test_derives_own_second_derivative_reads_back():
    from derive.render.printer import latex

    written = latex(Derivative(sin(x) * x, (x, 2)))
    assert read(written) == Derivative(sin(x) * x, (x, 2))


@pytest.mark.parametrize("text, words", [
    (r"\frac{d^2}{dx} x", "orders"),
    (r"\frac{d}{dx}", "needs something to differentiate"),
])
def test_malformed_derivatives_are_refused(text, words):
    with pytest.raises(ParseError, match=words):
        read(text)


def test_a_fraction_with_a_numerator_of_one_has_no_stray_factor():
    got = read(r"\frac{1}{1+e^{-x}}")
    assert isinstance(got, Pow) and got.exp == -1 and isinstance(got.base, sympy.Add), srepr(got)
    assert isinstance(read(r"\frac{2}{x}"), Mul)  # any other numerator stays


def test_written_forms_survive():
    assert read(r"e^{0}") == exp(0, evaluate=False) and read(r"e^{0}") != Integer(1)
    product = read(r"e^x e^{-x}")
    assert isinstance(product, Mul) and len(product.args) == 2 and all(a.func == exp for a in product.args)
    twice = read(r"(e^x+1)(e^x+1)")
    assert isinstance(twice, Mul) and len(twice.args) == 2


def test_sums_and_products_with_bounds_stay_unevaluated():
    assert read(r"\sum_{i=1}^{n} i^2") == Sum(i**2, (i, 1, n))
    assert read(r"\prod_{i=1}^{n} i") == Product(i, (i, 1, n))
    assert shape(read(r"\sum_{i=1}^{n} i + 1")) == shape(Sum(i, (i, 1, n)) + 1)


@pytest.mark.parametrize("text, words, column", [
    (r"\mathfrak{L}", r"unknown command \\mathfrak", 0),
    (r"x + \mathfrak{v}", r"unknown command \\mathfrak", 4),
    (r"\int x^2 \, dx", r"without bounds", 0),
    (r"\int_0^1 \frac{x}{2}", r"needs its differential", 0),  # (\frac{dx}{x} is read: test_integrals)
    (r"\limsup_{n \to \infty} x_n", r"derive does not read \\limsup yet", 0),
    (r"\begin{cases} x & 1 \end{cases}", r"in cases: a condition derive does not read", 0),
    (r"\begin{matrix} x & 1 \end{matrix}", r"does not read \\begin\{matrix\}", 0),
    (r"\sum_{k \in S} y_k", "over a set", 8),
    (r"x \geq 0", "equation or a condition", 2),
    (r"(x = 1)", "equation or a condition", 3),
    (r"x^2!", "factorial after a power", 3),
    (r"x_{n+1}", "letters and digits", 2),
    (r"\frac{1}{", "found the end", 9),
    (r"x + ) 1", "found '\\)'", 4),
    (r"cos(x)", r"needs its backslash: \\cos", 0),
    (r"\mathrm{hello}", "unknown name 'hello'", 0),
])
def test_refusals_name_what_and_where(text, words, column):
    with pytest.raises(ParseError, match=words) as caught:
        read(text)
    assert caught.value.position == column


def test_absolute_values():
    assert read(r"|x| + \left|y\right|") == Abs(x) + Abs(y)
    assert read(r"|x + |y||") == Abs(x + Abs(y))
    assert read(r"|x||y|") == Abs(x) * Abs(y)
    assert read(r"\lvert x \rvert") == Abs(x)


def test_parse_latex_keeps_its_api():
    assert parse_latex(r"(t^2)'", variable="t") == Derivative(t**2, t)
    assert parse_latex(r"$x^2$") == x**2
    assert parse_latex(r"x^2", "x", functions=None) == x**2


@pytest.mark.parametrize("text", [r"__import__('os')", r"\operatorname{eval}(x)", r"x.__class__", r"exec(x)"])
def test_code_is_refused_not_run(text):
    with pytest.raises(ParseError):
        read(text)


def test_the_third_party_reader_is_not_used():
    import sys

    read(r"\frac{1}{1+e^{-x}}")
    assert "latex2sympy2_extended" not in sys.modules


def test_spacing_and_sizing_are_dropped():
    assert shape(read(r"\displaystyle x \quad + \; \Bigl( 1 \Bigr) \, \qquad")) == shape(x + 1)
    assert read(r"\left. x \right.") == x


# --- issue 10, first part: decorated symbols and layout-only commands ------------------------------

@pytest.mark.parametrize("text, name", [
    (r"\hat{y}", "yhat"), (r"\hat y", "yhat"), (r"\bar{x}", "xbar"), (r"\tilde{x}", "xtilde"),
    (r"\mathbf{z}", "zbold"), (r"\boldsymbol{\theta}", "thetabold"), (r"\vec{v}", "vvec"),
    (r"\hat{y}_i", "yhat_i"), (r"\overline{x}", "xbar"),
])
def test_a_decorated_letter_is_a_symbol_of_its_own(text, name):
    from sympy import Symbol, latex

    got = parse(text, reader="latex")
    assert got == Symbol(name, real=True) and got != Symbol(name[0], real=True)
    assert parse(latex(got), reader="latex") == got  # SymPy prints it back as \hat{y}


_x = Symbol("x", real=True)


@pytest.mark.parametrize("text, expected", [
    (r"\cancel{x} + 1", _x + 1), (r"\boxed{2x}", 2 * _x), (r"\color{red}{x^2}", _x**2),
    (r"\textcolor{blue}{x} + 1", _x + 1), (r"\underbrace{x^2 + 1}_{\text{the square}} - 1", _x**2),
])
def test_layout_only_commands_are_their_content(text, expected):
    assert parse(text, reader="latex").doit() == expected


def test_a_partial_by_a_decorated_variable():
    from sympy import Derivative

    got = parse(r"\frac{\partial L}{\partial \hat{y}}", reader="latex")
    assert got == Derivative(Symbol("L", real=True), Symbol("yhat", real=True))


@pytest.mark.parametrize("text, words", [
    (r"P[X > 0]", "probability"),  # never P times a bracket
    (r"E(X) + 1", "expectation or a function"),  # E(X) is an expectation, E(x) often an energy: never E·X
])
def test_an_operator_before_a_bracket_is_refused_not_multiplied(text, words):
    with pytest.raises(ParseError, match=words):
        parse(text, reader="latex")


def test_unicode_math_symbols_read_as_their_commands():
    from sympy import Derivative, oo

    assert parse("∞", reader="latex") == oo
    assert parse(r"\frac{∂}{∂x} x^2", reader="latex") == Derivative(_x**2, _x)


@pytest.mark.parametrize("text, words", [
    (r"\dot{x}(0)", r"at a time other than t"),  # a time derivative at 0: never the symbol xdot times 0
    (r"\hat{f}(x)", "decorated function"),
])
def test_what_a_decoration_would_misread_is_refused(text, words):
    with pytest.raises(ParseError, match=words):
        parse(text, reader="latex")
