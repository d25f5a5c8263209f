"""Properties over random expressions: the exact verifier agrees with numbers, and Differentiate's
steps are each certified and end at SymPy's own derivative."""

import math
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sympy import Derivative, Integer, Pow, S, Symbol, diff, exp

from derive.engine import Differentiate, apply
from derive.exprs import add, div, mul, neg
from derive.rational import NotRational, rationally_equal

x = Symbol("x", real=True)

leaves = st.sampled_from([x, Integer(1), Integer(2), Integer(3), exp(x), exp(neg(x), evaluate=False)])


def _grow(children):
    return st.one_of(
        st.tuples(children, children).map(lambda p: add(*p)),
        st.tuples(children, children).map(lambda p: mul(*p)),
        st.tuples(children, children).map(lambda p: neg(mul(*p))),
        # denominators stay positive on the reals: 1 + e^x + (…)^2
        st.tuples(children, children).map(lambda p: div(p[0], add(S.One, exp(x), Pow(p[1], 2, evaluate=False)))),
        st.tuples(children, st.integers(2, 3)).map(lambda p: Pow(p[0], p[1], evaluate=False)),
        st.tuples(st.integers(-2, 2).filter(bool)).map(lambda k: exp(mul(Integer(k[0]), x), evaluate=False)),
    )


expressions = st.recursive(leaves, _grow, max_leaves=6)


def _value(expr, point):
    return complex(expr.doit().evalf(30, subs={x: point}))


def _numerically_same(a, b):
    rng = random.Random(7)
    for _ in range(5):
        p = rng.uniform(-1.5, 1.5)
        va, vb = _value(a, p), _value(b, p)
        if abs(va - vb) > 1e-8 * max(1, abs(va), abs(vb)):
            return False
    return True


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(expressions, expressions)
def test_rational_verdict_agrees_with_the_numbers(a, b):
    try:
        verdict = rationally_equal(a, b)
    except NotRational:
        return
    assert verdict == _numerically_same(a, b)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(expressions)
def test_rational_reads_a_derivative_as_sympy_computes_it(a):
    assert rationally_equal(Derivative(a, x), diff(a.doit(), x))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(expressions)
def test_differentiate_steps_are_certified_and_end_at_sympys_derivative(a):
    step = apply(Derivative(a, x), [Differentiate()])  # raises if any step cannot be verified
    assert not step.expr.has(Derivative)
    assert all(s.verified_by for s in step.substeps) or step.verified_by
    assert _numerically_same(step.expr, diff(a.doit(), x))
    assert math.isfinite(abs(_value(step.expr, 0.3)))
