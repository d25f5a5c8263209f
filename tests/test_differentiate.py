"""derive diff's engine: every rule, the activation functions, steering, orders, the record."""

import json
import math

import pytest
import sympy
from sympy import Derivative, S, Symbol, diff, exp, tanh

from conftest import run_derive
from derive import differentiate
from derive.cli import main
from derive.errors import DeriveError, ParseError, RuleError
from derive.exprs import add, mul, neg, pending, shape
from derive.functions import sigmoid
from derive.parse import parse
from derive.record import UNITS
from derive.render.printer import latex
from derive.verify import compare, equivalent

x = Symbol("x", real=True)
s = sigmoid(x)


def rules_of(d):
    return {r for step in d.steps for r in ([step.rule] + [sub.rule for sub in step.substeps])
            for r in r.split(", ")}


def assert_sound(d, source):
    assert d.verified, [(st.rule, st.verified_by) for st in d.steps]
    assert not pending(d.result)
    f = parse(source) if isinstance(source, str) else source
    expected = diff(f.doit(), *d.start.variable_count[0])
    assert equivalent(d.result, expected) is not None, (d.result, expected)


@pytest.mark.parametrize("source, rule", [
    ("7", "constant rule"),
    ("x^5", "power rule"),
    ("x^(3/2)", "power rule"),
    ("x^a", "power rule"),
    ("x^pi", "power rule"),
    ("sqrt(x)", "square root rule"),
    ("e^x", "exponential rule"),
    ("2^x", "exponential rule"),
    ("ln(x)", "logarithm rule"),
    ("log(x, 10)", "logarithm rule"),
    ("sin(x) + cos(x) + tan(x) + cot(x) + sec(x) + csc(x)", "trigonometric rule"),
    ("asin(x) + acos(x) + atan(x) + acot(x)", "inverse trigonometric rule"),
    ("asec(x) + acsc(x)", "inverse trigonometric rule"),
    ("sinh(x) + cosh(x) + tanh(x) + coth(x) + sech(x) + csch(x)", "hyperbolic rule"),
    ("asinh(x) + acosh(x) + atanh(x) + acoth(x) + asech(x) + acsch(x)", "inverse hyperbolic rule"),
    ("|x|", "absolute value rule"),
    ("sign(x) + sgn(x)", "sign rule"),
    ("erf(x)", "error function rule"),
    ("sigmoid(x)", "sigmoid rule"),
    ("softplus(x)", "softplus rule"),
    ("max(x, 0) + min(x, x^2)", "max rule"),
    ("x + x^2 - x^3", "sum rule"),
    ("5 x^2", "constant multiple rule"),
    ("x e^x sin(x)", "product rule"),
    ("sin(x)/x", "quotient rule"),
    ("sin(x^2)", "chain rule"),
    ("e^(sin(x))", "chain rule"),
    ("2^(x^2)", "chain rule"),
    ("(1 + x^2)^10", "chain rule"),
    ("x^x", "logarithmic differentiation"),
    ("sin(x)^cos(x)", "logarithmic differentiation"),
])
def test_every_rule(source, rule):
    d = differentiate(source, wrt="x")
    assert rule in rules_of(d)
    assert_sound(d, source)


def test_chain_rule_notes_name_fresh_inner_functions():
    d = differentiate("sin(cos(x^2))", detail="fine")
    singles = [s for st in d.steps for s in (st.substeps or (st,))]  # (a rule's line may hold its tidy-up)
    notes = [s.note for s in singles if s.rule == "chain rule"]
    assert [n.split("$")[1].split(" =")[0] for n in notes] == ["u_{1}", "u_{2}"]


def test_unknown_functions_keep_their_derivative():
    f = sympy.Function("f")
    d = differentiate("f(x)")
    assert d.result == Derivative(f(x), x) and d.verified
    d = differentiate("f(x^2) + g(x)")
    assert_sound(d, "f(x^2) + g(x)")
    assert "f'(x^{2})" in d.latex()


def test_parameters_are_constants_and_wrt_picks_the_variable():
    a, y = Symbol("a", real=True), Symbol("y", real=True)
    d = differentiate("a x^2 + y x", wrt="x")
    assert equivalent(d.result, 2 * a * x + y) is not None
    d = differentiate("a x^2 + y x", wrt="y")
    assert equivalent(d.result, x) is not None
    with pytest.raises(ParseError, match="several variables"):
        differentiate("a x^2")


def test_no_expression_leaves_without_steps():
    for source in ("3", "x", "pi"):
        d = differentiate(source)
        assert d.steps and d.verified


def test_what_derive_cannot_differentiate_is_said():
    with pytest.raises(RuleError, match="no differentiation rule"):
        differentiate(sympy.gamma(x))


ACTIVATIONS = {
    "sigmoid": "1/(1+e^(-x))",
    "tanh": "tanh(x)",
    "softplus": "ln(1 + e^x)",
    "swish": "x sigmoid(x)",
    "gelu": "x/2 (1 + erf(x/sqrt(2)))",
    "mish": "x tanh(softplus(x))",
    "log-sigmoid": "ln(sigmoid(x))",
    "softsign": "x/(1 + |x|)",
    "elu (x > 0)": "x",
    "elu (x <= 0)": "alpha (e^x - 1)",
    "relu": "max(x, 0)",
    "leaky relu": "max(x, x/100)",
    "squared relu": "max(0, x)^2",
}


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_activation_functions(name):
    source = ACTIVATIONS[name]
    d = differentiate(source, wrt="x")
    assert_sound(d, source)


def test_relu_has_no_derivative_where_its_cases_meet():
    """max(x, 0)' is 1 for x > 0 and 0 for x < 0, and nothing at 0 (SymPy's Heaviside says 1/2 there)."""
    d = differentiate("max(x, 0)")
    assert d.verified and any("max rule" in st.rule for st in d.steps)
    assert d.result == sympy.Piecewise((0, x < 0), (1, x > 0)) and d.result.subs(x, 0) is sympy.nan
    assert r"1 & \text{if } x > 0" in latex(d.result) and "for" not in latex(d.result)
    second = differentiate("max(x, 0)", order=2)
    assert second.verified and any("cases rule" in st.rule for st in second.steps)
    assert all(second.result.subs(x, v) == 0 for v in (-2, S(1) / 3, 5)) and second.result.subs(x, 0) is sympy.nan
    low = differentiate("min(x^2, 1 - x)")
    assert low.verified and any("min rule" in st.rule for st in low.steps)
    assert {low.result.subs(x, v) for v in (-3, S(1) / 10, 2)} == {-1, S(1) / 5}


def test_cases_that_leave_a_stretch_without_a_value_are_refused():
    """max(x, |x|) is |x|: its slope is 1 for every x > 0, where neither x > |x| nor x < |x| holds. The
    max rule's cases say nothing there, which no proof may pass as the derivative."""
    with pytest.raises(DeriveError, match="cannot prove"):
        differentiate("max(x, abs(x))")
    # max(0, min(x, 0)) is 0: its cases {0 if min(x, 0) < 0} say nothing for x ≥ 0, which simplify read as 0
    with pytest.raises(DeriveError, match="cannot prove"):
        differentiate("max(0, min(x, 0))")
    assert compare(S(0), sympy.Piecewise((0, x < 0)))[0] is not True


def test_code_for_relu_gives_nan_where_no_case_holds(capsys):
    assert main(["diff", "max(x, 0)^2", "--format", "python"]) == 0
    namespace: dict = {}
    exec(compile(capsys.readouterr().out, "<derive code>", "exec"), namespace)  # our own output, in a test
    assert namespace["f_grad"](2.0) == 4.0 and namespace["f_grad"](-1.0) == 0
    assert math.isnan(namespace["f_grad"](0.0))  # (2*None was a TypeError at 0)


def test_a_wrong_max_rule_and_cases_that_touch_are_refused():
    assert compare(Derivative(sympy.Max(0, x), x), sympy.Piecewise((1, x < 0), (0, x > 0)))[0] is False
    assert compare(Derivative(sympy.Min(0, x), x), sympy.Piecewise((0, x < 0), (1, x > 0)))[0] is False
    # x > 0 before x > −1: at 0 the second case holds, yet x^2's slope is no derivative there
    with pytest.raises(RuleError, match="no differentiation rule"):
        differentiate(sympy.Piecewise((x, x > 0), (x**2, x > -1)))


@pytest.mark.parametrize("source, target, expected", [
    ("1/(1+exp(-x))", "sigmoid", mul(s, add(1, neg(s)))),
    ("sigmoid(x)", "sigmoid", mul(s, add(1, neg(s)))),
    ("tanh(x)", "tanh", add(1, neg(tanh(x) ** 2))),
    ("softplus(x)", "sigmoid", s),
])
def test_in_terms_of(source, target, expected):
    d = differentiate(source, in_terms_of=target)
    assert shape(d.result) == shape(expected), d.result
    assert_sound(d, source)


def test_second_derivatives_in_terms_of_the_function():
    d = differentiate("sigmoid(x)", order=2, in_terms_of="sigmoid")
    assert shape(d.result) == shape(mul(s, add(1, neg(s)), add(1, neg(mul(2, s)))))
    assert_sound(d, "sigmoid(x)")
    d = differentiate("tanh(x)", order=2, in_terms_of="tanh")
    T = tanh(x)
    assert sympy.expand(d.result - (-2 * T * (1 - T**2))) == 0  # −2tanh(1 − tanh²) or an equal polynomial
    assert d.result.atoms(sympy.Function) == {T}
    assert_sound(d, "tanh(x)")


def test_swish_in_terms_of_sigmoid():
    d = differentiate("x/(1+exp(-x))", in_terms_of="sigmoid")
    assert equivalent(d.result, s + x * s * (1 - s)) is not None
    assert d.result.atoms(sympy.Function) == {s} and not d.result.has(exp)


def test_in_terms_of_self_and_of_a_definition():
    d = differentiate("1/(1+exp(-x))", in_terms_of="self")
    f = d.result.atoms(sympy.Function).pop()
    assert type(f).__name__ == "f" and shape(d.result) == shape(mul(f, add(1, neg(f))))
    d = differentiate("g(x)^2", define=["g(x) = e^x/(1 + e^x)"], in_terms_of="g")
    g = d.result.atoms(sympy.Function).pop()
    assert equivalent(d.result, 2 * g**2 * (1 - g)) is not None and type(g).__name__ == "g"


def test_in_terms_of_refuses_what_cannot_be():
    with pytest.raises(DeriveError, match="choose one of"):
        differentiate("x", in_terms_of="nonsense")
    with pytest.raises(DeriveError):
        differentiate("e^x sin(x)", in_terms_of="sigmoid")


@pytest.mark.parametrize("order", [1, 2, 3, 4])
def test_higher_orders_one_derivative_at_a_time(order):
    d = differentiate("x^4 sin(x)", order=order)
    assert_sound(d, "x^4 sin(x)")
    assert d.start == Derivative(parse("x^4 sin(x)"), (x, order))


def test_detail_fine_has_one_rule_per_line():
    fine = differentiate("x sin(x)^2", detail="fine")
    normal = differentiate("x sin(x)^2", detail="normal")
    # one rule a line; the factors 1 and terms 0 it leaves go in its own line, never one of their own
    assert all([s.rule for s in st.substeps if s.rule != UNITS] in ([], [st.rule]) for st in fine.steps)
    assert all(st.rule != UNITS for st in fine.steps + normal.steps)
    assert len(fine.steps) > len(normal.steps)
    assert any(st.substeps for st in normal.steps)
    assert equivalent(fine.result, normal.result) == "identical" or shape(fine.result) == shape(normal.result)


def test_tidy_up_never_follows_simplify_into_a_worse_form():
    d = differentiate("x sin(x)^2")
    assert latex(d.result) == r"\sin^{2}(x) + 2 x \sin(x) \cos(x)"  # the product rule's order, no simplify
    assert not d.result.has(sympy.cosh)
    d = differentiate("sigmoid(x)")
    assert not d.result.has(sympy.cosh)  # simplify would write 1/(4 cosh²(x/2))


def test_common_factors_come_out_until_none_is_left():
    # one pass of factor_terms leaves 2(x − 3)(2x + 1)⁴(7x − 14): the 7 of the sum it has just made stays in
    d = differentiate("(2x+1)^5 (x-3)^2")
    assert d.steps[-1].rule == "simplify"
    assert sympy.expand(d.result - 14 * (x - 3) * (x - 2) * (2 * x + 1) ** 4) == 0
    assert all(not isinstance(f, sympy.Add) or f.as_content_primitive()[0] == 1
               for f in sympy.Mul.make_args(d.result))  # (no factor with a number left to take out)


def test_a_function_with_no_real_value_is_bad_input_not_a_fault(capsys):
    from derive.cli import main
    assert main(["diff", "sqrt(-x^2)"]) == 2  # i|x| off 0: derive's real check cannot hold, and says why
    out = capsys.readouterr()
    assert out.out == "" and out.err.count("\n") == 1
    assert "sqrt(-x^2) has no real value at any point derive tried" in out.err
    assert main(["diff", "sqrt(x - 30)"]) == 0  # real from 30 on: differentiated as usual
    capsys.readouterr()


def test_the_record_is_data():
    d = differentiate("x sin(x)^2")
    assert d.start == Derivative(x * sympy.sin(x) ** 2, x)
    data = d.to_dict()
    assert all(step["verified_by"] for step in data["steps"])
    assert data["result_verified_by"] is not None
    assert d.latex().startswith(r"\begin{align}")


def test_cli_diff_formats_and_flags(tmp_path):
    out = run_derive("diff", "tanh(x)", "--order", "2", "--in-terms-of", "tanh", "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["verified"] and all(st["verified_by"] for st in data["derivations"][0]["steps"])
    out = run_derive("diff", "x^2", "--certificates")
    assert r"\text{\footnotesize" in out.stdout
    out = run_derive("diff", "g(x)", "--define", "g(x)=1/(1+e^(-x))", "--in-terms-of", "g", "--format", "text")
    assert out.returncode == 0 and "g(x)·(1 - g(x))" in out.stdout
    out = run_derive("diff", "sin(x)", "--detail", "fine", "--format", "markdown")
    assert out.returncode == 0 and r"\tag{1}" in out.stdout
    out = run_derive("diff", "x", "--define", "sin(x)=x")
    assert out.returncode == 2 and "already a function" in out.stderr


@pytest.mark.parametrize("source", ["x^2 sin(x)", "sqrt(x^2+1)/(x-1)", "x tanh(log(1+exp(x)))", "e^(sin(x)) + 3x"])
def test_unproved_steps_are_the_proved_steps_without_their_certificates(source):
    """What justify uses to name a proved link's rules: the same rules, the same lines, one derivative at
    a time as an author takes them, and no certificate (nothing proved, nothing claimed)."""
    from derive.engine import Differentiate

    f = parse(source)
    start = Derivative(f, *f.free_symbols)  # (x, as the reader made it)
    proved, unproved = Differentiate("fine").proved_steps(start), Differentiate("fine").unproved_steps(start)
    assert [(s.rule, s.expr) for s in unproved] == [(s.rule, s.expr) for s in proved]
    assert all(s.certificate is not None for s in proved)
    assert all(s.certificate is None and all(t.certificate is None for t in s.substeps) for s in unproved)
    assert len(proved) >= 2


def test_justify_names_a_link_within_its_step_bound_and_gives_up_beyond_it(monkeypatch):
    """Naming a link runs the engine step by step up to the written line; a line more steps from the
    start than justify's bound is not named (the proof is the verifier's, and does not change), while
    an early line of a long derivation still is."""
    import derive.justify as justify
    from derive.engine import Differentiate

    f = parse("x^2 sin(x) + e^x cos(x) + x^3 tan(x)")
    start = Derivative(f, *f.free_symbols)
    steps = Differentiate("fine").unproved_steps(start)
    x = next(iter(f.free_symbols))
    assert len(steps) > 4
    with pytest.raises(RuleError, match="more than 3 steps"):
        Differentiate("fine").unproved_steps(start, until=lambda step: step is steps[-1], most=3)
    early = Differentiate("fine").unproved_steps(start, until=lambda step: step.expr == steps[1].expr)
    assert [step.expr for step in early] == [step.expr for step in steps[:2]]
    monkeypatch.setattr(justify, "_MOST_STEPS", 3)
    assert justify.justify(start, steps[1].expr, x) is not None  # (two steps in)
    assert justify.justify(start, steps[-1].expr, x) is None  # (beyond the bound)


@pytest.mark.parametrize("source, gathers", [
    ("(x*(x - 1)/sqrt(x^2 + 1) - sqrt(x^2 + 1))/(x - 1)^2", True),  # a term over a denominator in a sum
    ("exp(-x)/(1 + exp(-x))^2", True),  # e^{-x} in a sum: 1/e^x to cancel
    ("x*((1 - sigmoid(x))*sigmoid(x)) + sigmoid(x)", True),  # a sum inside a product, to multiply out
    ("(1 - log(x))/x^2", False),  # already over one denominator: cancel would only expand
    ("x^2 cos(x) + 2x sin(x)", False),  # plain products
])
def test_cancel_is_tried_for_a_shorter_form_only_where_it_can_shorten(source, gathers):
    from derive.automatic import _gathers

    assert _gathers(parse(source)) is gathers


def test_tidy_works_out_each_shared_part_once():
    """The engine's steps share all but the part a rule rewrote: tidying the next step works out only
    the new part; the shared one comes from the memo."""
    from derive.exprs import _tidy_node, forget_tidied, tidy

    x = Symbol("x")
    shared = add(mul(sympy.Integer(1), sympy.sin(x)), sympy.Integer(0))  # 1·sin x + 0
    forget_tidied()
    first = tidy(mul(shared, x))
    misses = _tidy_node.cache_info().misses
    second = tidy(mul(shared, sympy.Integer(2)))
    assert first == x * sympy.sin(x) and second == 2 * sympy.sin(x)
    assert _tidy_node.cache_info().misses == misses + 1  # (only the new product)
