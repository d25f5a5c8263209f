"""Steering takes the steps an author takes (issue 13): tanh' = sech² = 1 − tanh² in two lines,
tanh'' = −2 sech² tanh = −2(1 − tanh²) tanh, (g²)' = 2g g' = 2g·g(1 − g) for a defined g without its
definition ever written into the lines, softplus' = σ. Each golden derivation is checked three ways,
none of which trusts the record: the printed LaTeX lines are parsed back and compared with the
expected expressions, derive check decides every link of the printed block, and the result is held
against the textbook form with the functions written out."""

import re

import pytest
import sympy
from sympy import Derivative, Function, Mul, Symbol, exp, sech, tanh

from derive import differentiate
from derive.automatic import render_derivative
from derive.checker import VALID, check
from derive.functions import sigmoid, softplus
from derive.parse import parse
from derive.render.formats import block_view
from derive.steer import SteeringError, derivative_in_own_terms

x = Symbol("x", real=True)
T, S = tanh(x), sigmoid(x)
g = Function("g")(x)  # derive check and the LaTeX reader know g only by its name
G_SIGMOID = "g(x)=1/(1+e^(-x))"
TANH_2 = Mul(-2, 1 - T**2, T)  # −2(1 − tanh²)tanh, as written (-2*(1 - T**2) would distribute the −2)


def evaluated(e):
    """e with its arithmetic worked out, derivatives left pending: the canonical form to compare
    (written as 2g·g(1 − g) or 2g²(1 − g) alike; sech², 1 − tanh² and 2tanh³ − 2tanh all differ)."""
    if isinstance(e, Derivative):
        return Derivative(evaluated(e.expr), *e.variable_count)
    return e.func(*map(evaluated, e.args)) if e.args else e


def printed_lines(d):
    """Each line's right-hand side as the LaTeX block prints it, read back by the LaTeX reader."""
    return [parse(e, reader="latex") for line in block_view(d).lines for e in line.exprs]


def distinct(exprs):
    """The lines, those equal once evaluated as one: the engine's tidy-up of arithmetic (2g·g(1 − g) →
    2g²(1 − g)) is no step of steering, and may come and go with the engine's own line-keeping."""
    out = []
    for e in map(evaluated, exprs):
        if not out or out[-1] != e:
            out.append(e)
    return out


# source, options, the lines (as distinct(...) counts them), the textbook result, the function written out
GOLDEN = {
    "tanh'": ("tanh(x)", {"in_terms_of": "tanh"},
              [sech(x) ** 2, 1 - T**2], 1 - T**2, {}),
    "tanh''": ("tanh(x)", {"in_terms_of": "tanh", "order": 2},
               [Derivative(sech(x) ** 2, x), 2 * sech(x) * Derivative(sech(x), x), -2 * sech(x) ** 2 * T,
                TANH_2], TANH_2, {}),
    "sigmoid^2": ("sigmoid(x)^2", {"in_terms_of": "sigmoid"},
                  [2 * S * Derivative(S, x), 2 * S**2 * (1 - S)], 2 * S**2 * (1 - S), {S: 1 / (1 + exp(-x))}),
    "g^2": ("g(x)^2", {"in_terms_of": "g", "define": [G_SIGMOID]},
            [2 * g * Derivative(g, x), 2 * g**2 * (1 - g)], 2 * g**2 * (1 - g), {g: 1 / (1 + exp(-x))}),
    "softplus": ("softplus(x)", {"in_terms_of": "sigmoid"}, [S], S, {S: 1 / (1 + exp(-x))}),
}


@pytest.fixture(scope="module")
def derivations():
    return {name: differentiate(source, **options) for name, (source, options, *_) in GOLDEN.items()}


@pytest.mark.parametrize("name", GOLDEN)
def test_the_lines_are_an_authors(name, derivations):
    d = derivations[name]
    assert d.verified
    assert distinct(printed_lines(d)) == [evaluated(e) for e in GOLDEN[name][2]], [str(e) for e in printed_lines(d)]


def test_tanh_prime_is_two_lines_sech_squared_then_one_minus_tanh_squared(derivations):
    d = derivations["tanh'"]
    assert [evaluated(e) for e in printed_lines(d)] == [sech(x) ** 2, 1 - T**2]
    assert [step.rule for step in d.steps] == ["hyperbolic rule", "hyperbolic identity"]
    assert r"\operatorname{sech}^{2} u = 1 - \tanh^{2} u" in d.steps[1].note


def test_tanh_second_derivative_ends_at_the_identity_not_a_polynomial(derivations):
    d = derivations["tanh''"]
    assert d.steps[-1].rule == "hyperbolic identity"
    assert evaluated(printed_lines(d)[-1]) == TANH_2  # not 2tanh³ − 2tanh


def test_a_defined_function_is_differentiated_in_its_own_terms_never_written_out(derivations):
    d = derivations["g^2"]
    rules = [step.rule for step in d.steps]
    assert rules[:2] == ["chain rule", "derivative in its own terms"]
    assert "substitute the definitions" not in rules
    assert not any(step.expr.has(exp) for step in d.steps)  # g's definition is in no line
    assert "g'(u) = g(u)" in d.steps[1].note and r"\frac{1}{1 + e^{-u}}" in d.steps[1].note


@pytest.mark.parametrize("name, rule, note", [
    ("sigmoid^2", "sigmoid rule", r"\sigma'(u) = \sigma(u)(1 - \sigma(u))"),
    ("softplus", "softplus rule", r"\operatorname{softplus} u = \sigma(u)"),
])
def test_known_derivatives_are_used_directly_with_their_identity_as_the_note(name, rule, note, derivations):
    d = derivations[name]
    [used] = [step for step in d.steps if step.rule == rule]
    assert note in used.note
    assert not any(step.expr.has(exp) for step in d.steps)  # no exponential route


@pytest.mark.parametrize("body, expected", [
    ("1/(1+e^(-x))", lambda G: G * (1 - G)),
    ("e^x/(1+e^x)", lambda G: G * (1 - G)),
    ("(e^(2x)-1)/(e^(2x)+1)", lambda G: 1 - G**2),
    ("2/(1+e^(-2x))-1", lambda G: 1 - G**2),
])
def test_the_derivative_in_own_terms_comes_from_the_moebius_route(body, expected):
    from derive.functions import define

    G = define("g", x, parse(body))(x)
    assert sympy.expand(derivative_in_own_terms(G, x) - expected(G)) == 0


def test_a_function_of_no_moebius_form_keeps_its_definition_and_the_error():
    from derive.functions import define

    assert derivative_in_own_terms(define("g", x, x**2)(x), x) is None
    with pytest.raises(SteeringError):
        differentiate("g(x)^2", define=["g(x)=x^2"], in_terms_of="g")


def test_without_steering_the_definition_is_substituted_as_before():
    d = differentiate("g(x)^2", define=[G_SIGMOID])
    assert d.steps[0].rule == "substitute the definitions"


def rendered(source, options):
    """What derive diff prints for these options: the align block."""
    return render_derivative(source, **{**options, "define": tuple(options.get("define", ()))})


@pytest.mark.parametrize("name", GOLDEN)
def test_derive_check_decides_every_line_valid(name, derivations):
    source, options, *_ = GOLDEN[name]
    block = rendered(source, options)
    assert all(e in block for line in block_view(derivations[name]).lines for e in line.exprs)  # the lines read above
    report = check(block, define=tuple(options.get("define", ())))  # (as derive check --define g(x)=…)
    assert report.links and all(k.verdict == VALID for k in report.links), [
        (k.source, k.target, k.verdict, k.reason) for k in report.links]


def test_the_article_states_the_definition_it_keeps():
    """Without --define, derive check finds g in the article's own prose, before the lines."""
    source, options, *_ = GOLDEN["g^2"]
    article = render_derivative(source, standalone=True, in_terms_of="g", define=tuple(options["define"]))
    assert r"where $g(x) = \frac{1}{1 + e^{-x}}$" in article
    report = check(article)
    assert report.links and all(k.verdict == VALID for k in report.links)


@pytest.mark.parametrize("name", GOLDEN)
def test_the_result_is_the_textbook_form(name, derivations):
    source, options, _, textbook, written_out = GOLDEN[name]
    result = evaluated(parse(block_view(derivations[name]).lines[-1].exprs[-1], reader="latex"))
    assert sympy.simplify((result - textbook).subs(written_out).rewrite(exp)) == 0
    f = parse(source).subs({sigmoid(x): written_out.get(S, S), softplus(x): sympy.log(1 + exp(x))})
    f = f.subs(Function("g")(x), written_out.get(g, g)) if "define" in options else f
    truth = sympy.diff(f, x, options.get("order", 1))
    assert sympy.simplify((textbook.subs(written_out) - truth).rewrite(exp)) == 0


# --- no line a fraction of fractions -------------------------------------------------------------

def _braced(text: str, i: int) -> tuple[str, int]:
    """The group {…} starting at text[i], and the index after it."""
    depth = 0
    for j in range(i, len(text)):
        depth += {"{": 1, "}": -1}.get(text[j], 0)
        if depth == 0:
            return text[i + 1:j], j + 1
    raise ValueError(text)


_FRAC = re.compile(r"\\[dt]?frac\s*")


def storeys(text: str) -> int:
    """The rows of text a formula stands in: a fraction stacks its numerator's on its denominator's."""
    best, i = 1, 0
    while (m := _FRAC.search(text, i)) is not None:
        top, j = _braced(text, m.end())
        bottom, i = _braced(text, j)
        best = max(best, storeys(top) + storeys(bottom))
    return best


def depth(text: str) -> int:
    """How deep fractions nest: 1 for a/b, 3 for a fraction in a fraction in a fraction."""
    best, i = 0, 0
    while (m := _FRAC.search(text, i)) is not None:
        top, j = _braced(text, m.end())
        bottom, i = _braced(text, j)
        best = max(best, 1 + depth(top), 1 + depth(bottom))
    return best


def test_the_fraction_measures():
    assert storeys("x") == 1 and storeys(r"\frac{1}{x}") == 2 and depth(r"\frac{1}{x}") == 1
    today = r"\frac{4 \frac{1 + \tanh(x)}{1 - \tanh(x)}}{1 + 2 \frac{1 + \tanh(x)}{1 - \tanh(x)}}"
    assert storeys(today) == 4 and depth(today) == 2  # what tanh' went through before
    assert depth(r"\frac{1}{1 + \frac{1}{1 + \frac{1}{x}}}") == 3


STEERED = [  # the steered inputs of the tests and the README, with the steps each route takes
    ("tanh(x)", {"in_terms_of": "tanh"}),
    ("tanh(x)", {"in_terms_of": "tanh", "order": 2}),
    ("tanh(x)", {"in_terms_of": "tanh", "order": 3}),
    ("tanh(x)^2", {"in_terms_of": "tanh"}),
    ("e^(2x)/(1+e^(2x))", {"in_terms_of": "tanh"}),
    ("1/(1+exp(-x))", {"in_terms_of": "sigmoid"}),
    ("1/(1+exp(-x))", {"in_terms_of": "sigmoid", "detail": "fine"}),
    ("1/(1+exp(-x))", {"in_terms_of": "self"}),
    ("x/(1+exp(-x))", {"in_terms_of": "sigmoid"}),
    ("x sigmoid(x)", {"in_terms_of": "sigmoid"}),
    ("sigmoid(x)", {"in_terms_of": "sigmoid", "order": 2}),
    ("sigmoid(x)^2", {"in_terms_of": "sigmoid"}),
    ("softplus(x)", {"in_terms_of": "sigmoid"}),
    ("softplus(x)", {"in_terms_of": "softplus"}),
    ("g(x)^2", {"in_terms_of": "g", "define": [G_SIGMOID]}),
    ("g(x)^2", {"in_terms_of": "g", "define": ["g(x) = e^x/(1 + e^x)"]}),
    ("g(x)^2", {"in_terms_of": "g", "define": ["g(x)=(e^(2x)-1)/(e^(2x)+1)"]}),
    ("g(x)", {"in_terms_of": "g", "define": [G_SIGMOID], "order": 2}),
    ("g(x) e^x", {"in_terms_of": "g", "define": [G_SIGMOID]}),
]


@pytest.mark.parametrize("source, options", STEERED)
def test_no_steered_line_is_a_four_storey_fraction(source, options):
    d = differentiate(source, **options)
    assert d.verified
    lines = [e for line in block_view(d).lines for e in line.exprs]
    assert all(storeys(e) < 4 and depth(e) < 3 for e in lines), [e for e in lines if storeys(e) >= 4]


@pytest.mark.parametrize("source, options", [
    ("x^2", {"in_terms_of": "sigmoid"}),
    ("x^2", {"in_terms_of": "g", "define": [G_SIGMOID]}),
])
def test_where_steering_cannot_reach_the_target_the_error_shows_the_form_reached(source, options):
    with pytest.raises(SteeringError, match="it came to 2"):
        differentiate(source, **options)
