"""The plain reader: what users type, read as they mean it."""

import pytest
from sympy import Abs, E, Float, Function, Integer, Rational, Symbol, asin, atanh, cos, erf, exp, log, pi, sin, sqrt, tanh

from derive.errors import LimitError, ParseError
from derive.exprs import shape
from derive.functions import sigmoid, softplus
from derive.parse import parse
from derive.parse.plain import parse_plain

x, y, t = (Symbol(n, real=True) for n in "xyt")


@pytest.mark.parametrize("text, expected", [
    ("1/(1+e^(-x))", 1 / (1 + exp(-x))),
    ("x^2 sin(x)", x**2 * sin(x)),
    ("x**2*sin(x)", x**2 * sin(x)),
    ("2x", 2 * x),
    ("2 x", 2 * x),
    ("x sin(x)", x * sin(x)),
    ("(x+1)(x-1)", (x + 1) * (x - 1)),
    ("ln(x)", log(x)),
    ("log(x)", log(x)),
    ("log(x, 2)", log(x) / log(2)),
    ("sqrt(x)", sqrt(x)),
    ("abs(x) + |y|", Abs(x) + Abs(y)),
    ("2|x|", 2 * Abs(x)),
    ("erf(x)", erf(x)),
    ("sigmoid(x)", sigmoid(x)),
    ("σ(x)", sigmoid(x)),
    ("softplus(x)", softplus(x)),
    ("pi x", pi * x),
    ("π", pi),
    ("e", E),
    ("E^x", exp(x)),
    ("arcsin(x) + asin(x)", 2 * asin(x)),
    ("artanh(x)", atanh(x)),
    ("tanh(x)", tanh(x)),
    ("-x^2", -x**2),
    ("2^-x", 2**-x),
    ("x^2^3", x**8),
    ("x − 1", x - 1),
    ("x × y", x * y),
    ("x · y", x * y),
    ("x²", x**2),
    ("x⁻¹", 1 / x),
    ("ｘ＋１", x + 1),
    ("0.5x", Float("0.5") * x),
    ("t cos(t)", t * cos(t)),
    ("x_1 + alpha", Symbol("x_1", real=True) + Symbol("alpha", real=True)),
    ("f(x)", Function("f")(x)),
    ("x(x+1)", x * (x + 1)),
    ("t(t^2)", t * t**2),
    ("sigma_1 + x_{ij}", Symbol("sigma_1", real=True) + Symbol("x_ij", real=True)),
    ("θ_0 + theta_0", 2 * Symbol("theta_0", real=True)),
    ("3/4", Rational(3, 4)),
])
def test_reads_what_people_type(text, expected):
    got = parse_plain(text)
    assert got.doit() == expected or (got.doit() - expected).simplify() == 0, (text, got)


def test_keeps_what_was_written():
    assert shape(parse_plain("x*x")) != shape(parse_plain("x^2"))
    assert shape(parse_plain("e^x e^x")) == shape(parse_plain("exp(x)*exp(x)"))
    assert [str(a) for a in parse_plain("(x+1)(x-1)").args] == ["x + 1", "x - 1"]  # written order
    assert parse_plain("e^0") != Integer(1)  # e^0 stays e^0 until a rule says e^0 = 1


def test_symbols_are_real():
    assert all(s.is_real for s in parse_plain("x + y + alpha").free_symbols)


@pytest.mark.parametrize("text, column, words", [
    ("x+", 3, "found the end"),
    ("(x", 3, "to close the '('"),
    ("x)", 2, "found ')'"),
    ("sin x", 1, "sin(x)"),
    ("xy", 1, "x*y"),
    ("foo(x)", 1, "unknown function 'foo'"),
    ("x ++* 2", 5, "found '*'"),
    ("e3", 1, "ambiguous"),
    ("x!", 2, "factorials"),
    ("x @ y", 3, "unexpected character"),
    ("sin(x, y)", 1, "one argument"),
    ("x²³⁻", 2, "superscript"),
    ("1..2", 1, "two dots"),  # once read as 1.0·0.2
    ("1.2.3", 1, "two dots"),
    ("sigma_{n+1}", 6, "unexpected character"),
])
def test_malformed_input_is_refused_with_its_column(text, column, words):
    with pytest.raises(ParseError) as caught:
        parse_plain(text)
    assert words in str(caught.value)
    assert caught.value.position == column - 1
    assert caught.value.pointed().splitlines()[-1].index("^") == column + 1  # two spaces of indent


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty_input_is_refused(text):
    with pytest.raises(ParseError, match="empty"):
        parse(text)


@pytest.mark.parametrize("text, words", [
    ("x\u200b+1", "ZERO WIDTH SPACE"),
    ("\u202ex+1", "RIGHT-TO-LEFT OVERRIDE"),
    ("x\u200f", "RIGHT-TO-LEFT MARK"),
    ("\u0435^x", "CYRILLIC"),  # a Cyrillic е that looks like e
    ("x + \u0430", "CYRILLIC"),  # Cyrillic а
    ("x\x00", r"U\+0000"),
])
def test_odd_unicode_is_refused_where_it_stands(text, words):
    with pytest.raises(ParseError, match=words):
        parse(text)


@pytest.mark.parametrize("text", [
    "10**10**10", "(x+1)**10000", "x^1001", "2^(10^7)", "9" * 101, "0." + "1" * 101,
    "(" * 200 + "x" + ")" * 200, "-" * 200 + "x", "x" + "+x" * 3000,
])
def test_blow_ups_are_refused_before_any_work(text):
    with pytest.raises(LimitError):
        parse(text)


def test_limits_leave_ordinary_input_alone():
    parse("(x+1)^1000")
    parse("(" * 40 + "x" + ")" * 40)
    parse("2^(10^3) x")


def test_symbols_are_complex_when_told_so():
    expr = parse("x^2 + |y|", real=False)
    assert expr.free_symbols == {Symbol("x"), Symbol("y")}
    assert all(s.is_real is None for s in expr.free_symbols)
    latex_expr = parse(r"(x^2)'", reader="latex", real=False)
    assert latex_expr.free_symbols == {Symbol("x")}


def test_a_prime_after_a_bracket_is_a_derivative_as_text_output_writes_it():
    from sympy import Derivative

    x, t = Symbol("x", real=True), Symbol("t", real=True)
    assert shape(parse_plain("(x^2 + 1)'")) == shape(Derivative(x**2 + 1, x))
    assert shape(parse_plain("(t^3)''", variable="t")) == shape(Derivative(t**3, (t, 2)))
    with pytest.raises(ParseError, match="bracket"):
        parse_plain("x'")


@pytest.mark.parametrize("text", ["f^2(x)", "g^-1(y)", "h^3 (x + 1)"])
def test_a_power_of_a_function_letter_before_a_bracket_is_refused(text):
    """f^2(x) is f(x)² to its author, g^-1(y) the inverse function; read as letters they were f²·x and y/g."""
    with pytest.raises(ParseError, match="a power of"):
        parse(text, reader="plain")
    assert str(parse("f(x)^2", reader="plain")) == "f(x)**2"
    assert str(parse("f^2*(x)", reader="plain")) == "f**2*x"
