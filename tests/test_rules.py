"""Each rule alone: what it matches, what it writes, and that what it writes is right."""

import pytest
from sympy import Derivative, S, Symbol, diff, exp, gamma, sin

from derive.engine import Differentiate, apply
from derive.record import UNITS
from derive.exprs import add, div, mul, neg, shape
from derive.functions import sigmoid
from derive.parse.latex import parse_latex
from derive.render.printer import latex
from derive.rules import algebra as A
from derive.rules import calculus as C
from derive.errors import RuleError
from derive.verify import equivalent


def D(f, x):
    return Derivative(f, x)


@pytest.mark.parametrize("rule, body, written", [
    (C.ConstantRule, lambda x: S(7), "0"),
    (C.PowerRule, lambda x: x**3, "3 x^{2}"),
    (C.PowerRule, lambda x: x, "1"),
    (C.ExponentialRule, lambda x: exp(x), "e^{x}"),
    (C.SigmoidRule, lambda x: sigmoid(x), r"\sigma(x) (1 - \sigma(x))"),
    (C.SumRule, lambda x: add(exp(x), S.One), r"(e^{x})^{\prime} + 1^{\prime}"),  # no brackets round one number
    (C.SumRule, lambda x: add(exp(x), neg(x**2)), r"(e^{x})^{\prime} - (x^{2})^{\prime}"),
    (C.ConstantMultipleRule, lambda x: mul(S(5), exp(x)), r"5 (e^{x})^{\prime}"),
    (C.ProductRule, lambda x: mul(x, exp(x)),
     r"x^{\prime} e^{x} + x (e^{x})^{\prime}"),  # x', never (x)' (issue 13)
    (C.QuotientRule, lambda x: div(exp(x), add(exp(x), S.One)),
     r"\frac{(e^{x})^{\prime} (e^{x} + 1) - (e^{x} + 1)^{\prime} e^{x}}"
     r"{(e^{x} + 1)^{2}}"),
    (C.ChainRule, lambda x: exp(x**2), r"e^{x^{2}} (x^{2})^{\prime}"),
])
def test_calculus_rule_writes_its_formula(rule, body, written, x):
    f = body(x)
    new = rule().rewrite(D(f, x))
    assert latex(new) == written
    assert equivalent(D(f, x), new) is not None


def test_product_rule_is_n_ary(x):
    f = mul(x, exp(x), sin(x))
    new = C.ProductRule().rewrite(D(f, x))
    assert len(new.args) == 3 and all(t.has(Derivative) for t in new.args)
    assert equivalent(D(f, x), new) is not None


def test_chain_rule_names_the_inner_function(x):
    [step] = C.ChainRule().propose(D(add(S.One, exp(neg(x))) ** -1, x))
    assert "u = 1 + e^{-x}" in step.note


def test_a_rule_that_does_not_apply_says_so(x):
    with pytest.raises(RuleError):
        C.QuotientRule().propose(D(exp(x), x))
    with pytest.raises(RuleError):
        A.FactorOut(sigmoid(x)).propose(add(sigmoid(x), S.One))
    with pytest.raises(RuleError, match="no differentiation rule"):
        C.rule_for(gamma(x), x)  # not an elementary function: derive says so, never guesses


def test_rules_take_the_variable_as_a_parameter():
    t = Symbol("t", real=True)
    new = C.PowerRule().rewrite(D(t**4, t))
    assert new == mul(4, t**3)
    assert C.ConstantRule().rewrite(D(t**4, Symbol("x"))) == 0


def test_outermost_pending_derivative_first(x):
    expr = add(D(exp(x), x), D(x**2, x))
    assert latex(C.PowerRule().rewrite(expr)) == r"(e^{x})^{\prime} + 2 x"
    assert latex(C.ExponentialRule().rewrite(expr)) == r"e^{x} + (x^{2})^{\prime}"


@pytest.mark.parametrize("rule, before, after", [
    (A.ExpandFraction(exp(Symbol("x", real=True))), r"\frac{1}{1+e^{-x}}", r"\frac{e^{x}}{e^{x}(1+e^{-x})}"),
    (A.Distribute(), r"\frac{e^{x}}{e^{x}(1+e^{-x})}", r"\frac{e^{x}}{e^{x} + e^{x}e^{-x}}"),
    (A.CombinePowers(), r"\frac{e^{x}}{e^{x} + e^{x}e^{-x}}", r"\frac{e^{x}}{e^{x} + e^{0}}"),
    (A.ExpZero(), r"\frac{e^{x}}{e^{x} + e^{0}}", r"\frac{e^{x}}{e^{x} + 1}"),
    (A.SplitFraction(), r"\frac{a - b}{c}", r"\frac{a}{c} - \frac{b}{c}"),
    (A.SquareAsProduct(), r"\frac{a}{(b+1)^2}", r"\frac{a}{(b+1)(b+1)}"),
    (A.FactorOut(sigmoid(Symbol("x", real=True))), r"\sigma(x) - \sigma(x)^2", r"\sigma(x)(1 - \sigma(x))"),
    (A.CancelSigns(), r"-\frac{-e^{-x}}{(1+e^{-x})^2}", r"\frac{e^{-x}}{(1+e^{-x})^2}"),
])
def test_algebra_rule_writes_the_expected_form(rule, before, after):
    new = rule.rewrite(parse_latex(before))
    assert shape(new) == shape(parse_latex(after))
    assert equivalent(parse_latex(before), new) is not None


def test_substitute_recognises_powers_of_the_definition(x):
    body = div(exp(x), add(exp(x), S.One))
    expr = parse_latex(r"\frac{e^x(e^x+1)}{(e^x +1)(e^x +1)} - \frac{e^x e^x}{(e^x +1)(e^x +1)}")
    new = A.Substitute(sigmoid(x), body).rewrite(expr)
    assert shape(new) == shape(parse_latex(r"\sigma(x) - \sigma(x)^2"))
    # a fraction that is not a power of the definition is left alone
    assert A.Substitute(sigmoid(x), body).rewrite(parse_latex(r"\frac{e^x}{(e^x+1)^2}")) is None


def test_differentiate_records_one_rule_per_step_and_tidies(x):
    expr = parse_latex(r"(e^x+1)^{\prime} e^x")
    steps = Differentiate().proved_steps(expr)
    # the constant rule's line drops the + 0 it leaves: no tidy-up line of its own
    assert [s.rule for s in steps] == ["sum rule", "exponential rule", "constant rule"]
    assert [s.rule for s in steps[-1].substeps] == ["constant rule", UNITS]
    assert shape(steps[-1].expr) == shape(parse_latex(r"e^x e^x"))  # the written product stays


def test_apply_verifies_every_single_step(x):
    step = apply(D(div(exp(x), add(exp(x), S.One)), x), [C.QuotientRule(), Differentiate()])
    assert step.verified_by == "substeps"
    assert all(s.verified_by for s in step.substeps)
    assert equivalent(step.expr, diff(exp(x) / (exp(x) + 1), x)) is not None


def test_a_wrong_rule_is_refused_by_the_engine(x):
    from derive.errors import VerificationError

    class WrongSign(A.AlgebraRule):
        name = "wrong sign"

        def transform(self, node):
            return neg(node) if node == exp(x) else None

    with pytest.raises(VerificationError):
        apply(add(exp(x), S.One), [WrongSign()])
