"""A calculus rule's step proved by its equality for unknown functions in place of its operands
(rules.base.general): sound only because both sides are checked to give the step back exactly."""

from sympy import Derivative, Symbol, cos, exp, sin
from sympy.core.function import AppliedUndef

from derive import differentiate
from derive.exprs import add, mul
from derive.rules.base import general
from derive.rules.calculus import ConstantMultipleRule, ProductRule, QuotientRule, SumRule, d
from derive.verify import certify_part

x = Symbol("x", real=True)


def _unknowns(expr):
    return {type(n).__name__ for n in expr.atoms(AppliedUndef)}


def test_each_structural_rule_is_proved_for_unknown_functions():
    for rule, f in ((ProductRule(), x**2 * sin(x)), (QuotientRule(), sin(x) / (x + 1)),
                    (ConstantMultipleRule(), 3 * exp(x) * cos(x)), (SumRule(), sin(x) + exp(x))):
        new = rule.apply(f, x)
        lemma = general(rule, f, x, new)
        assert lemma is not None and _unknowns(lemma[0]) and _unknowns(lemma[0]) == _unknowns(lemma[1])
        assert certify_part(Derivative(f, x), new, Derivative(f, x), new, lemma) is not None


class _WrongProduct(ProductRule):
    """(uv)' = u'v': a slip in a rule's own code."""

    def apply(self, f, x):
        u, v = f.args[0], mul(*f.args[1:])
        return mul(d(u, x), v)


def test_a_wrong_rule_is_not_proved_by_its_general_form():
    f = x**2 * sin(x)
    rule = _WrongProduct()
    new = rule.apply(f, x)
    lemma = general(rule, f, x, new)
    assert lemma is not None  # the general form is made …
    assert certify_part(Derivative(f, x), new, Derivative(f, x), new, lemma) is None  # … and fails
    assert certify_part(Derivative(f, x), new, Derivative(f, x), new) is None


class _LooksInside(SumRule):
    """A rule that rewrites inside its operands: its general form would not give the step back."""

    def apply(self, f, x):
        return add(*(d(t.expand(), x) for t in f.args))


def test_a_rule_that_looks_inside_its_operands_gets_no_general_form():
    f = (x + 1) ** 2 + sin(x)
    assert general(_LooksInside(), f, x, _LooksInside().apply(f, x)) is None


def test_derivations_are_unchanged_and_checked_end_to_end():
    d_ = differentiate("x^2 sin(x)/(x + 1) - 3 cos(x) e^x", detail="fine")
    assert d_.check_result() is not None
    assert any(s.certificate.lemma is not None and _unknowns(s.certificate.lemma[0]) for s in d_.steps)
