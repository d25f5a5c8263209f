"""The LaTeX reader: what papers and blogs write, and the guard against silent misreadings."""

import pytest
import sympy
from sympy import Derivative, Function, S, Symbol, erf, exp, log, sech, sin, tanh

from derive.errors import LimitError, ParseError
from derive.exprs import add, div, mul, neg, shape
from derive.functions import sigmoid, softplus
from derive.parse import is_latex, parse
from derive.checker.blocks import extract_blocks
from derive.verify import equivalent

x = Symbol("x", real=True)
ex = exp(x)


@pytest.mark.parametrize("text, expected", [
    (r"\frac{1}{1+e^{-x}}", 1 / (1 + exp(-x))),
    (r"\dfrac{1}{x} + \tfrac{1}{x}", 2 / x),
    (r"\left( x + 1 \right)^{2}", (x + 1) ** 2),
    (r"\bigl(x + 1\bigr)\,\cdot\; x", (x + 1) * x),
    (r"x \times x", x**2),
    (r"3 – x", 3 - x),  # an en-dash, as blogs print minus
    (r"3 − x", 3 - x),  # Unicode minus
    (r"\mathrm{e}^{x}", exp(x)),
    (r"\exp(x)", exp(x)),
    (r"\ln(x)", log(x)),
    (r"\log(x)", log(x)),  # natural, as in analysis
    (r"\log_{2}(x)", log(x) / log(2)),
    (r"\operatorname{sech}(x)", sech(x)),
    (r"\operatorname{sech}^{2}(x)", sech(x) ** 2),
    (r"\operatorname{erf}(x) + \erf(x)", 2 * erf(x)),
    (r"\operatorname{softplus}(x)", softplus(x)),
    (r"\sigma(x)", sigmoid(x)),
    (r"\sigma(x+1)", sigmoid(x + 1)),  # the function of the whole argument, not σ·(x+1)
    (r"\sigma\left(2x\right)", sigmoid(2 * x)),
    (r"\sigma(x)^2", sigmoid(x) ** 2),
    (r"\tanh(x)", tanh(x)),
    (r"\coth(x) + \sech(x)", sympy.coth(x) + sympy.sech(x)),  # the reader alone takes \coth for \cot h
    (r"\sin^{\cos{\left(x \right)}}{\left(x \right)} \left(1 + x\right)", sympy.sin(x) ** sympy.cos(x) * (1 + x)),
    (r"\sin^{2}(x)", sin(x) ** 2),
    (r"2\frac{1}{2}", S.One),  # a product, not the mixed number 2½
    (r"$x^2$", x**2),
    (r"\(x^2\)", x**2),
])
def test_reads_what_papers_write(text, expected):
    got = parse(text)
    assert equivalent(got, expected) is not None, (text, got)


@pytest.mark.parametrize("text, expected", [
    (r"{e^{x}}^{\prime}", Derivative(ex, x)),
    (r"(e^x+1)^{\prime}", Derivative(ex + 1, x)),
    (r"(e^x+1)'", Derivative(ex + 1, x)),
    (r"\sigma'(x)", Derivative(sigmoid(x), x)),
    (r"f'(x)", Derivative(Function("f")(x), x)),
    (r"f''(x)", Derivative(Function("f")(x), (x, 2))),
    (r"{e^{x}}^{\prime\prime}", Derivative(ex, (x, 2))),
    (r"\frac{d}{dx}\left(x^2\right)", Derivative(x**2, x)),
])
def test_primes_are_derivatives(text, expected):
    got = parse(text, reader="latex")
    assert shape(got) == shape(expected)


def test_a_power_of_d_that_is_no_derivative_is_still_read():
    """d^n before a fraction bar with no differential under it is a letter d to a power, as written."""
    d, n = Symbol("d", real=True), Symbol("n", real=True)
    got = parse(r"d^n x/2", reader="latex")
    assert not got.has(Derivative) and got.free_symbols == {d, n, x}
    assert not parse(r"d^n x + y/dx", reader="latex").has(Derivative)  # (the / d is another term's)
    assert parse(r"\frac{d^2}{dx^2} x^3", reader="latex") == Derivative(x**3, (x, 2))


def test_the_unambiguous_logarithms_of_powers_are_read():
    """\\log x^2 is the log of the square, \\log^2(x) and (\\log x)^2 the square of the log."""
    assert parse(r"\log x^2", reader="latex") == log(x**2)
    assert parse(r"\log^2(x)", reader="latex") == log(x) ** 2
    assert parse(r"(\log x)^2", reader="latex") == log(x) ** 2


def test_primes_take_the_variable_given():
    t = Symbol("t", real=True)
    assert parse(r"(t^2)'", reader="latex", variable="t") == Derivative(t**2, t)


def test_newtons_dots_are_derivatives_in_time():
    """ẋ is dx/dt and θ̈ d²θ/dt², whatever the reader's variable; ẋ(t) is at t, ẋ(0) at another time is
    refused, never ẋ times 0; θ̇(θ̈ + 1) multiplies."""
    t, theta, x1 = Symbol("t", real=True), Symbol("theta", real=True), Symbol("x_1", real=True)
    assert parse(r"\dot{x}", reader="latex") == Derivative(x, t)
    assert parse(r"\ddot\theta", reader="latex") == Derivative(theta, (t, 2))
    assert parse(r"\dot{x}_1", reader="latex") == parse(r"\dot{x_1}", reader="latex") == Derivative(x1, t)
    assert parse(r"\dot{x}(t)", reader="latex") == Derivative(x, t)
    assert shape(parse(r"\dot\theta\Bigl(\ddot\theta + 1\Bigr)", reader="latex")) == \
        shape(mul(Derivative(theta, t), add(Derivative(theta, (t, 2)), S.One)))
    for text, words in [(r"\dot{x}(0)", "at a time other than t"), (r"\dot{t}", "a derivative in t"),
                        (r"\dot{x + y}", "expected '}'")]:
        with pytest.raises(ParseError, match=words):
            parse(text, reader="latex")


@pytest.mark.parametrize("text, words", [
    (r"x + 1 \text{hello}", r"\\text"),
    (r"\mathrm{hello} + x", "unknown name 'hello'"),
    (r"x = 1", "equation"),
    (r"x < 1", "equation or a condition"),
    (r"x + ) 1", "expected a number, a name or a bracket, found '\\)'"),
    (r"\frac{1}{", "found the end of the input"),
    (r"\mathfrak{L}", r"unknown command \\mathfrak"),
    (r"\immediate\write18{touch /tmp/derive-marker}", r"\\immediate"),
    (r"\input{/etc/passwd}", r"\\input"),
    (r"x $ y", r"\$ inside"),
    (r"sin(x) + 1", r"'sin' needs its backslash"),  # else s·i·n·(x)
    (r"\frac{1}{x} hello", "not a name derive knows"),  # else h·e·l·l·o
    (r"\frac{d^n}{dx^n} e^x", "order that is no number"),  # else (d^n/(d·x^n))·e^x, "wrong" against e^x
    (r"\frac{\partial^{k} f}{\partial x^{k}}", "order that is no number"),
    (r"d^n y/dx^n", "order that is no number"),  # else (d^n·y·x^n)/d
    (r"\ln(x + 2)^3", "logarithm of a power or a power of the logarithm"),  # ln of the cube, or its cube?
    (r"\log\left(y - \mu\right)^2", "logarithm of a power or a power of the logarithm"),
])
def test_what_would_be_misread_is_refused(text, words):
    with pytest.raises(ParseError, match=words):
        parse(text, reader="latex")


def test_letters_side_by_side_are_a_product():
    written = mul(exp(x), exp(neg(x), evaluate=False))
    assert shape(parse(r"e^xe^{-x}", reader="latex")) == shape(written)  # as the seed writes it
    a, b, c = (Symbol(n, real=True) for n in "abc")
    assert parse(r"abc", reader="latex") == a * b * c


def test_upper_and_lower_case_stay_apart():
    X = Symbol("X", real=True)
    assert parse(r"X + x") == X + x


@pytest.mark.parametrize("text", [r"2^{10^{10}}", r"x^{10000}", r"\left(" * 100 + "x" + r"\right)" * 100,
                                  "x" * 2001])
def test_latex_blow_ups_are_limits(text):
    with pytest.raises(LimitError):
        parse(text, reader="latex")


@pytest.mark.parametrize("text, body, point, side", [
    (r"\lim_{x \to 0} \frac{\sin x}{x}", "sin(x)/x", 0, "+-"),
    (r"\lim_{t \to \infty} t e^{-t}", "t*exp(-t)", sympy.oo, "-"),
    (r"\lim_{x \to 0^+} x \ln x", "x*log(x)", 0, "+"),
    (r"\lim_{x \to 1^{-}} \frac{1}{1 - x}", "1/(1 - x)", 1, "-"),
    (r"\lim_{x \to 0+} \frac{|x|}{x}", "Abs(x)/x", 0, "+"),  # a sign that ends the point is its side
    (r"\lim_{h\to a-} \frac{1}{a - h}", "1/(a - h)", sympy.Symbol("a", real=True), "-"),
])
def test_a_limit_is_read_with_its_side_and_the_product_after_it(text, body, point, side):
    value = parse(text, reader="latex")
    assert isinstance(value, sympy.Limit) and str(value.args[0]) == body
    assert value.args[2] == point and str(value.args[3]) == side
    assert str(parse(r"\lim_{x \to 0} \frac{\sin x}{x} + 1", reader="latex")) == "1 + Limit(sin(x)/x, x, 0, dir='+-')"


@pytest.mark.parametrize("text, limits", [
    (r"\lim_{x \to 0} \frac{\sin x}{x} \cdot \lim_{x \to 0} \frac{1}{x}", 2),
    (r"\lim_{x \to 0} \sin x / \lim_{x \to 0} x", 2),
    (r"\lim_{x \to 0} x \lim_{x \to 0} \cos x", 2),
    (r"\lim_{x \to 0} x \cdot \sin\frac{1}{x}", 1),
])
def test_a_limits_body_ends_where_the_next_limit_begins(text, limits):
    """lim A · lim B is a product of two limits, as written; read as one limit of A · lim B, the fallacy
    lim sin x/x = lim sin x · lim 1/x held."""
    value = parse(text, reader="latex")
    assert len(value.atoms(sympy.Limit)) == limits
    assert all(not inner.has(sympy.Limit) for outer in value.atoms(sympy.Limit) for inner in outer.args)


@pytest.mark.parametrize("text, message", [
    (r"\lim_{n \to \infty} a_n", "a sequence's terms"),
    (r"\lim_{k \to \infty} w_{jk}", "a sequence's terms"),
    (r"\lim_{h \to 0} 3x^2 + 3xh + h^2", "put the body in parentheses"),
    (r"\lim_{x \to \infty} \sqrt{x^2 + x} - x", "put the body in parentheses"),
    (r"\lim_{x \to \infty} x^2 \left(\lim_{x \to \infty} \frac{1}{x}\right)", "inside the body of another limit"),
])
def test_a_sequences_terms_and_a_limit_cut_short_are_refused(text, message):
    with pytest.raises(ParseError, match=message):
        parse(text, reader="latex")
    assert parse(r"\lim_{h \to 0} (3x^2 + 3xh + h^2)", reader="latex").has(sympy.Limit)


@pytest.mark.parametrize("text", [r"\lim x", r"\lim_{x \to 2x} x", r"\lim_{x = 0} x", r"\lim_{x \to 0}"])
def test_a_limit_that_does_not_say_where_its_variable_goes_is_refused(text):
    with pytest.raises(ParseError):
        parse(text, reader="latex")


@pytest.mark.parametrize("text", [r"f^{-1}(x)", r"g^{-1}(f(x))", r"\exp^{-1}(y)"])
def test_an_inverse_function_is_refused_not_read_as_a_reciprocal(text):
    """(f^{-1})'(y) = 1/f'(f^{-1}(y)) is the inverse function theorem; read as 1/f(x), f^{-1}(x) f(x) = 1 held."""
    with pytest.raises(ParseError, match="inverse function"):
        parse(text, reader="latex")
    assert parse(r"\sin^{-1} x", reader="latex") == sympy.asin(Symbol("x", real=True))
    assert parse(r"f(x)^{-1}", reader="latex") == 1 / Function("f")(Symbol("x", real=True))


@pytest.mark.parametrize("text", [r"70!", r"f'(3000!)", r"(3000!)!", r"(2^{12})!", r"f'(2^{14000})"])
def test_numbers_too_large_to_print_are_limits(text):
    """70! has 101 digits, a literal's limit; f'(3000!) failed printing 9131 digits (Python stops at 4300),
    and (3000!)! never ended."""
    with pytest.raises(LimitError):
        parse(text, reader="latex")


def test_numbers_just_within_the_limits_are_read():
    assert parse(r"69!", reader="latex") == sympy.factorial(69)
    assert "2**13000" in str(parse(r"f'(2^{13000})", reader="latex"))


def test_which_reader():
    assert is_latex(r"\frac{1}{x}") and is_latex("$x$") and not is_latex("1/(1+e^(-x))")
    assert parse("x^2", reader="latex") == parse("x^2", reader="plain").doit()
    with pytest.raises(ParseError):
        parse(r"\frac{1}{x}", reader="plain")


def test_every_expression_of_the_seed_means_what_it_says(seed_text):
    """Line (2) read as written: e^x(e^x - 1), the document's slip."""
    blocks = extract_blocks(seed_text)
    definition, rewrite, derivative = blocks[0], blocks[2], blocks[3]
    e_mx = exp(neg(x), evaluate=False)
    one_plus = add(1, e_mx)
    d_ex = Derivative(ex, x)
    d_ex1 = Derivative(add(ex, 1), x)
    sq = (add(ex, 1)) ** 2
    prod = mul(add(ex, 1), add(ex, 1))
    s = sigmoid(x)
    expected = {
        "definition": [s, div(1, one_plus)],
        "rewrite": [div(1, one_plus), div(ex, mul(ex, one_plus)), div(ex, add(ex, mul(ex, e_mx))),
                    div(ex, add(ex, exp(0, evaluate=False))), div(ex, add(ex, 1))],
        "derivative": [Derivative(div(ex, add(ex, 1)), x),
                       div(add(mul(d_ex, add(ex, 1)), neg(mul(d_ex1, ex))), sq),
                       div(add(mul(ex, add(ex, -1)), neg(mul(ex, ex))), sq),
                       add(div(mul(ex, add(ex, 1)), prod), neg(div(mul(ex, ex), prod))),
                       add(s, neg(s**2)), mul(s, add(1, neg(s)))],
    }
    for block, name in ((definition, "definition"), (rewrite, "rewrite"), (derivative, "derivative")):
        got = [shape(parse(e)) for e in block.chain]
        assert got == [shape(e) for e in expected[name]], name


_H, _H2, _HT, _F, _X = (Symbol(n) for n in ("h", "h_2", "h_t", "f", "x"))


@pytest.mark.parametrize("text, product", [
    (r"h (1 - h)", _H * (1 - _H)), (r"h_2\,(1 - h_2^2)", _H2 * (1 - _H2**2)), (r"h_{t}(1 - h_t)", _HT * (1 - _HT)),
    (r"f(1 - f)", _F * (1 - _F))])
def test_a_function_letter_beside_a_bracket_that_holds_itself(text, product):
    """h(1 − h) is h times 1 − h, never the function h taken at 1 − h (a first-principles h(√(x + h) + √x)
    too), and h_t(1 − h_t) where the text defined the h_t (a hidden unit's h_t = tanh(z_t)) never h_t of
    two arguments; a g_j the text never defined may be a unit's function of its input, so derive cannot
    tell a product from a call, and says so. A call inside the bracket is still a call (f(f(x))
    composes), and f(x) stays a call."""
    defined = frozenset({"h_2", "h_t"})
    read = parse(text, reader="latex", quantities=defined)
    read = read.xreplace({s: Symbol(s.name) for s in read.free_symbols})  # (derive's letters are real)
    assert sympy.expand(read - product) == 0
    if "_" in text:
        with pytest.raises(ParseError, match="a product or a call"):
            parse(text, reader="latex")
    f = Function("f")
    assert str(parse("f(f(x))", reader="latex")) == str(f(f(_X)))
    assert str(parse("f(x)", reader="latex", quantities=defined)) == str(f(_X))


def test_a_primed_bracket_of_functions_then_its_variable_is_the_derivative_there():
    """(fg)'(x) is the derivative of fg at x, never (fg)' times x (a false alarm in a product-rule lecture
    once unknown functions were compared); (fg)'(2) is refused, and {e^x}'(e^x + 1), whose bracket is
    written in x, still multiplies (the seed's quotient rule)."""
    read = parse("(fg)'(x)", reader="latex")
    assert isinstance(read, Derivative) and {s.name for s in read.expr.free_symbols} == {"f", "g"}
    with pytest.raises(ParseError, match="at a point"):
        parse("(fg)'(2)", reader="latex")
    assert parse(r"{e^{x}}^{\prime}(e^x+1)", reader="latex").is_Mul


def test_a_name_before_a_lone_number_in_brackets_is_a_function_at_that_point():
    """M_X(1), T_2(0.1), M(−2): a subscripted name or a capital before a lone number in brackets is a
    function taken at that number (read as a product, M_X(1) = e^{μ + σ²/2} became M_X = … and was
    called wrong); n(0.5)(0.5), worked arithmetic, stays a product."""
    for source, name, point in ((r"M_X(1)", "M_X", 1), (r"T_2(0.1)", "T_2", S(0.1)), (r"M(-2)", "M", -2)):
        value = parse(source, reader="latex")
        assert type(value).__name__ == name and value.args[0] == point, source
    # a bracket with more in it is still a product, as is a number before it
    assert str(parse(r"x_1(x + 1)", reader="latex")) == "x_1*(x + 1)"
    assert parse(r"2(3)", reader="latex").doit() == 6
    assert parse(r"e(1)", reader="latex") == sympy.E
    assert str(parse(r"n(0.5)(0.5)", reader="latex")) == "n*0.5*0.5"


@pytest.mark.parametrize("source, name, point", [
    (r"\Lambda(\infty)", "Lambda", sympy.oo), (r"x(\infty)", "x", sympy.oo), (r"a(-\infty)", "a", -sympy.oo),
    (r"x_1(\infty)", "x_1", sympy.oo), (r"\mu_k(+\infty)", "mu_k", sympy.oo)])
def test_a_name_before_infinity_in_brackets_is_a_function_there(source, name, point):
    """Λ(∞), x(∞): a cumulative hazard or a trajectory at infinity. Read as Λ·∞, e^{−Λ(∞)} = e^{−2Λ(∞)}
    was certified (both e^{−∞·Λ}); a product with a bracket that holds ∞ alone is written by no one."""
    value = parse(source, reader="latex")
    assert type(value).__name__ == name and value.args == (point,), source
    assert str(parse(r"a(\infty - 1)", reader="latex")) == "a*(-1 + oo)"  # more in the bracket: a product


@pytest.mark.parametrize("text", [r"\log p^X(1-p)^{1-X}", r"\ln p^{x_i}(1 - p)^{1 - x_i}", r"\sin x^2(1 + x)",
                                  r"\log \pi_\mu(a)", r"\log x(1-x)"])
def test_a_bracket_right_after_an_unbraced_argument_is_refused(text):
    """\\log p^X(1-p)^{1-X}: the log of the Bernoulli likelihood, as papers mean it, or (1−p)^{1−X} log p^X,
    as the argument's end at a bracket would have it (a false alarm on a Fisher information); \\log
    \\pi_\\mu(a), a log-density read as a·log π_μ (another): refused."""
    with pytest.raises(ParseError, match="cannot tell whether it is inside"):
        parse(text, reader="latex")


@pytest.mark.parametrize("text, read", [
    (r"\log\bigl(p^X(1-p)^{1-X}\bigr)", "log(p**X*(1 - p)**(1 - X))"),
    (r"(1-p)^{1-X}\log p^X", "(1 - p)**(1 - X)*log(p**X)"),
    (r"\log p^X \, (1-p)", "(1 - p)*log(p**X)"),  # a visible space ends the argument, as before
])
def test_the_same_written_unambiguously_is_read(text, read):
    assert str(parse(text, reader="latex")) == read


def test_a_subscripted_greek_name_at_a_number_is_a_call():
    """π_θ(1), the policy at action 1, as M_X(1) is a function at a point (it was π_θ times 1, and a
    REINFORCE step's probabilities called wrong); θ_0(1 − x) stays a product."""
    called = parse(r"\pi_\theta(1)", reader="latex")
    assert called.func.__name__ == "pi_theta" and called.args == (S(1),)
    assert parse(r"\theta_0(1 - x)", reader="latex").is_Mul


@pytest.mark.parametrize("text", [r"(X'X)^{-1}X'y", r"x'\beta", r"\beta'x", r"x'X + 1", r"(y - X\beta)'(y - X\beta)"])
def test_a_prime_that_statistics_uses_for_a_transpose_is_refused(text):
    """X'X, x'β, β'x: the transpose in statistics notes. They were read as derivatives by x: x'β as
    dx/dx · β = β, and X'X as 0 · X."""
    with pytest.raises(ParseError, match="transpose"):
        parse(text, reader="latex")


@pytest.mark.parametrize("text", [r"F'(x)", r"f'g + fg'", r"y'' + y", r"u'v", r"\theta' + \theta",
                                  r"\left(e^{x}\right)^{\prime} \left(e^{x} + 1\right)", r"(fg)'(x)"])
def test_a_prime_on_a_function_of_the_variable_is_still_its_derivative(text):
    assert parse(text, reader="latex").has(Derivative)


@pytest.mark.parametrize("text", [r"\hat\theta(k)", r"\hat{\theta}(\lambda)", r"\bar{x}(t)"])
def test_a_decorated_letter_at_one_letter_in_brackets_is_refused(text):
    """θ̂(k) = x̄/k: the estimate as a function of k, which was read θ̂ times k (and the line judged wrong)."""
    with pytest.raises(ParseError, match="does not guess"):
        parse(text, reader="latex")


@pytest.mark.parametrize("text, expected", [(r"\hat y(1 - \hat y)", "yhat*(1 - yhat)"),
                                            (r"\hat\beta(x - \bar x)", "betahat*(x - xbar)")])
def test_a_decorated_letter_before_a_longer_bracket_still_multiplies(text, expected):
    assert str(parse(text, reader="latex")) == expected
