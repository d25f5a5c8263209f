"""derive diff on random expression trees: every step numerically equal to the one before, the
result equal to SymPy's derivative. Checked here by numbers, independently of the certificates."""

import cmath
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sympy import Integer, Pow, Rational, Symbol, atan, cos, diff, exp, log, sin, sqrt, tan

from derive import differentiate

x = Symbol("x", real=True)
leaves = st.sampled_from([x, x, Integer(2), Integer(3), Rational(1, 2)])
functions = st.sampled_from([sin, cos, exp, log, sqrt, tan, atan])


def _grow(children):
    return st.one_of(
        st.tuples(functions, children).map(lambda p: p[0](p[1], evaluate=False)),
        st.tuples(children, children).map(lambda p: p[0] + p[1]),
        st.tuples(children, children).map(lambda p: p[0] * p[1]),
        st.tuples(children, children).map(lambda p: p[0] / p[1]),
        st.tuples(children, st.sampled_from([2, 3, -1, Rational(1, 2)])).map(
            lambda p: Pow(p[0], p[1], evaluate=False)),
    )


expressions = st.recursive(leaves, _grow, max_leaves=7).filter(lambda e: e.has(x) and e.doit().is_finite is not False)


def _value(expr, point):
    v = complex(expr.doit().evalf(25, subs={x: point}))
    if not (cmath.isfinite(v) and abs(v.imag) < 1e-9 * max(1, abs(v.real)) and abs(v) < 1e8):
        raise ArithmeticError  # a pole, outside the real domain, or too steep to compare
    return v.real


def _agree(a, b) -> bool:
    rng = random.Random(5)
    compared = 0
    for _ in range(40):
        point = rng.uniform(0.1, 3.0)  # the real domain of log and sqrt, away from 0
        try:
            va, vb = _value(a, point), _value(b, point)
        except (ArithmeticError, TypeError, ValueError, ZeroDivisionError):
            continue
        if abs(va - vb) > 1e-7 * max(1.0, abs(va), abs(vb)):
            return False
        compared += 1
        if compared == 4:
            break
    return True


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(expressions)
def test_every_step_equals_the_one_before_and_the_end_is_sympys_derivative(f):
    d = differentiate(f, wrt=x)
    assert d.verified
    before = d.start
    for step in d.steps:
        for sub in step.substeps or (step,):
            assert _agree(before, sub.expr), (step.rule, before, sub.expr)
            before = sub.expr
    assert _agree(d.result, diff(f.doit(), x))
