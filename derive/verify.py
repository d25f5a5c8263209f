"""Is a step right? equivalent(a, b) names the method that proved a = b: the step's certificate.

Cheapest first:
- identical: the same written expression;
- rational: equal in the field of rational functions of the symbols and their exponentials, where
  both sides lie (derive.rational); exact, and a difference there is a proof of inequality;
- fractions: for a link with a derivative, before any is worked out (and while cheap): both sides as
  fractions in their parts with d/dx read through, each part's derivative known there (√b, log u,
  e^{u/L}, an unknown f(x) with f', f'' …); kept only where no divisor or logarithm's argument is 0
  everywhere;
- evaluate: the same once pending derivatives are done and the arithmetic worked out;
- cancel: the difference is 0 as a rational function of its parts, first by derive.fraction_reader's
  equal_as_fractions (each part outside the field an unknown of its own, e^{cu} a power of e^{u/L}),
  then by SymPy's cancel with the named functions (σ) written in exp; kept only where no divisor of
  either side is 0 everywhere (both divide 2D/D to 2 unasked);
- simplify, then rewrite(exp) and simplify: plain simplify misses true identities (σ' against
  1/(4cosh²(x/2)), say), so the fallbacks matter; where sines or cosines stand, rewrite(exp) is first
  tried before simplify as fractions in the exponentials (sec²(x + 1/2) = 1 + tan²(x + 1/2));
- numeric: agreement to 1e-9 at six sample points (fixed seed, so certificates are reproducible;
  derive.numeric).
  It is the weakest certificate, and the only one for identities no algebra here settles.
None means no method proved it: the verifier's answer for a wrong step.

This is the only module that issues a Certificate (derive.record): the value that says what was
proved, by which method, about which two expressions. A rule cannot set one; the engine asks here.
"""

import random
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import TypeVar

from sympy import (AccumBounds, Add, And, Basic, Derivative, Dummy, Eq, Expr, Indexed, Integral, Limit, Mul, Piecewise,
                   Pow, Product, S, Subs, Sum, Symbol, cancel, count_ops, exp, expand, expand_log, log, nan, simplify,
                   zoo)
from sympy.core.function import AppliedUndef

from derive import lemmas
from derive.exprs import divisors, forget_tidied, preorder, rewrites_only, tidy
from derive.fraction_reader import equal_as_fractions
from derive.functions import DefinedFunction, NamedFunction
from derive.generic import generic
from derive.indexing import numbered_terms, split, term
from derive.instances import MOST_TERMS, bounds_of, by_instances, forget_instances, free_indices, instance
from derive.mpmath_numbers import NO_VALUE
from derive.numeric import EXACT_TOLERANCE, agree, finite, numeric_verdict, real, sample, valued
from derive.probability import (OPERATORS, as_random, averaged, conventional, exchanged, guessed, has_moments, in_moments,
                                opaque_moments, parameters_only, random_symbols, unrelated_estimates)
from derive.quadrature import forget_values, surely_without_value
from derive.limit_values import INFINITE, NONE, UNSETTLED, forget_limits, growing_sum, kind_of, limits_in, prepared
from derive.rational import CIRCULAR_FUNCTIONS, NotRational, clear_rings, rationally_equal
from derive.record import _ISSUING, Certificate, Step, chained
from derive.sandbox import within
from derive.series import plain_condition, where_converging
from derive.signs import log_of_positive, logs_of_products

# A difference with more operations than this (ℓ''(p̂) of a likelihood written out for n = 4 has 1,500)
# is compared at points first: cancel takes seconds and simplify minutes on it
_LARGE = 600
# a derivative link is read as fractions before its derivatives are worked out only while that is cheap:
# term pairs multiplied in all (a logistic loss's Hessian at four sizes took seconds a link, and failed)
_FIRST_TRY = 4_000
# parts whose value only working them out shows (Subs(1/y, y, 0) is 1/0, ∫_x^x f is 0): never unknowns
# of that first try, which takes every part it cannot read to have a value
_HIDDEN = (Subs, Integral, Sum, Product, Limit)
_UNVALUED = (AppliedUndef, Subs, Derivative, Sum, Product, Limit)

DEEPEST_DEFINITION = 8  # definitions inside definitions written out (Φ = ∫ φ), at most this deep

# Why a comparison of moments that came out False is no counterexample: the data x_i stand on one side,
# the random X_i on the other (compare, and with_law's instances)
_EXCHANGED = "the data x_i on one side, the random X_i on the other: which E averages, the text says in words"


# Simplify fails on a log of a product of powers (log p^x (1 − p)^{1−x} = x log p + …, which holds for
# positive bases only) and spends a tenth of a second or more on it; the sample points then decide.
# Cancel fails as surely on a layer's gradient written out, at a fifth of the time an instance took.
# Among the instances of one link (n = 1 … 4), a method that has failed on one is not tried on the
# larger ones: the methods given up so far (None outside instances and a hint's confirmations, where an
# instance's method is never shown, so compare asks the sample points before simplify).
_GIVEN_UP: ContextVar[set | None] = ContextVar("_GIVEN_UP", default=None)
_CANCEL, _SIMPLIFY = "cancel", "simplify"
_Result = TypeVar("_Result")
# what a method gives where its share ran out: falsy, as a failure is, so every caller that takes it for
# a failure stays right, and told apart from one (None, False) where the difference matters (the retry)
_RAN_OUT = ""
# In one document (derive check's, see one_document), how many tries of each method have run out of
# their share (a link's, an instance's, a retry's alike). Past _MOST_RAN_OUT, the sample points are asked
# first on the document's later comparisons (after the cheap exact fractions), and the method tried only
# where they do not agree: a Black–Scholes blog's Greeks spent a quarter second each in simplify, which
# ran out on 13 links of 16, and the points decided them all. (On corpus_ml9 to corpus_ml13 and the 50
# benchmark files, no proof within the share came after three tries that ran out in its document.)
_RAN_OUT_HERE: ContextVar[Counter | None] = ContextVar("_RAN_OUT_HERE", default=None)
_MOST_RAN_OUT = 3


@contextmanager
def one_document() -> Iterator[None]:
    """The block checks one document: the methods' running out is counted for it (see _RAN_OUT_HERE)."""
    token = _RAN_OUT_HERE.set(Counter())
    try:
        yield
    finally:
        _RAN_OUT_HERE.reset(token)


def _within(method: str, seconds: float, attempt: Callable[[], _Result]) -> _Result | str:
    """attempt() within seconds of CPU time, or _RAN_OUT, counted against method in the document."""
    result = within(seconds, attempt, _RAN_OUT)
    if result == _RAN_OUT and (ran_out := _RAN_OUT_HERE.get()) is not None:
        ran_out[method] += 1
    return result


def _spent_here(method: str) -> bool:
    """method has run out of its share on _MOST_RAN_OUT tries in this document already."""
    ran_out = _RAN_OUT_HERE.get()
    return ran_out is not None and ran_out[method] >= _MOST_RAN_OUT


def _by_instances(a: Expr, b: Expr, judge, **options) -> tuple[bool | None, str] | None:
    """derive.instances.by_instances, with cancel and simplify each given up on the rest of the instances
    once it has failed on one. (derive.checker's own calls keep trying them on every instance.)"""
    token = _GIVEN_UP.set(set())
    try:
        return by_instances(a, b, judge, **options)
    finally:
        _GIVEN_UP.reset(token)


def _tried(method: str, attempt: Callable[[], _Result]) -> _Result | None:
    """attempt()'s result, unless method has failed (come out falsy) on an earlier instance of the same
    link; a failure is noted for the instances after it."""
    given_up = _GIVEN_UP.get()
    if given_up is not None and method in given_up:
        return None
    result = attempt()
    if not result and given_up is not None:
        given_up.add(method)
    return result


@lru_cache(maxsize=256)  # each line is compared twice: with the line before and the line after
def _finished(expr: Expr) -> Expr:
    """The value an expression stands for: pending derivatives done, written forms evaluated. Integrals
    stay: SymPy's integrate can take minutes; they are compared by quadrature at sample points. A limit
    whose value depends on what SymPy does not know (the sign of λ) stays as written. A sum over a
    symbolic bound of terms of an unknown function of its index (Σ_{k=1}^{K} y(k, n)·…) has no closed form:
    its derivatives are taken term by term, and the sum is left whole (SymPy's search for a closed form
    took seconds each time). A term a sum at number bounds writes out, x[2], is the x_2 the text writes
    (Σ_{j=1}^{3} e^{s_j} is e^{s_1} + e^{s_2} + e^{s_3}: two readings of one term were two unknowns)."""
    try:
        if _unsummable(expr) and not expr.has(Subs, Limit, Product, Integral):
            return expr.replace(lambda n: isinstance(n, Derivative), lambda n: n.expr.diff(*n.variable_count))
        if expr.has(Indexed) and expr.has(Sum):
            expr = _terms_written_out(expr)  # (before the derivatives: d/ds_1 of Σ_j e^{s_j} is e^{s_1})
        expr = _logs_split(expr)
        done = within(_SUMMING_SECONDS, lambda: _worked_out(expr), None)
        if done is None:  # SymPy's search for the sums' closed forms ran out
            done = _worked_out(expr, every_sum=True)
        return numbered_terms(done) if done.has(Indexed) else done
    except (NotImplementedError, ValueError, TypeError, RecursionError, AttributeError):
        # (RecursionError: SymPy's limit of e^{−(t/λ)^k} at ∞, k a letter, recursed without end;
        # AttributeError: its limit of x^{1/sin x} at −∞)
        return expr  # (as written, or with its short sums written out: the same value either way)


def _logs_split(expr: Expr) -> Expr:
    """A derivative of the log of a product (a likelihood written out at n = 4) as the derivative of the
    sum of its factors' logs, log u^c as c log u: on any branch d log g = g'/g, and (fh)'/(fh) = f'/f +
    h'/h, so the derivatives agree wherever they are defined; SymPy's second derivative of the product's
    log took half a second an instance."""
    return expr.replace(lambda n: isinstance(n, Derivative) and isinstance(n.expr, log) and n.expr.has(Mul, Pow),
                        lambda n: n.func(expand_log(n.expr, force=True), *n.variable_count))


def _terms_written_out(expr: Expr) -> Expr:
    """Sums at number bounds (a few terms) written out, each term x[2] the x_2 the text writes, and a
    name that carries the sum's index, ∂L/∂s_i in Σ_{i=1}^{3}, at each number (∂L/∂s_1 + …)."""
    def short(node) -> bool:  # (Σ_{j=3}^{2}, an empty or reversed range, is SymPy's to sum; w_ij under Σ_i,
        # an index among others, is the instances' to write out)
        if not (isinstance(node, Sum) and len(node.limits) == 1):
            return False
        i, low, high = node.limits[0]
        return low.is_Integer and high.is_Integer and 0 <= high - low < _WRITTEN_OUT and not any(
            (parts := split(s.name)) and i.name in parts[1] and parts[1] != i.name for s in node.function.free_symbols)

    def terms(node: Sum) -> Expr:
        i, low, high = node.limits[0]
        named = [s for s in node.function.free_symbols if (parts := split(s.name)) and parts[1] == i.name]
        return Add(*(node.function.xreplace({i: k, **{s: term(split(s.name)[0], (k,)) for s in named}})
                     for k in range(int(low), int(high) + 1)))
    return numbered_terms(expr.replace(short, terms))


_WRITTEN_OUT = 20  # a sum at number bounds with more terms stays a sum
# CPU seconds for SymPy to find the sums' closed forms in one expression (an M/M/1 queue's factorial
# moment, Σ n(n − 1)ρ^{n−2}, takes 2)
_SUMMING_SECONDS = 4.0


def _worked_out(expr: Expr, every_sum: bool = False) -> Expr:
    """expr.doit(integrals=False), but a sum whose terms hold an integral (a Fourier coefficient b_n =
    2∫_0^1 f(x) sin(nπx) dx), or with every_sum any sum, left a sum of its terms worked out: integrals
    stay unworked, and SymPy's search for a closed form of their sum took more than a minute."""
    def kept(node: Basic) -> bool:
        return isinstance(node, Sum) and (every_sum or node.function.has(Integral))

    if not any(map(kept, expr.atoms(Sum))):
        # tidied first: ℓ'(g(wx + b)) as read holds g's argument as written (wx + b), which doit
        # rewrites in ℓ but not in the derivative's variable g(wx + b), and the derivative by a
        # variable ℓ no longer held came out 0
        return tidy(_points_worked_out(expr)).doit(integrals=False)
    node = expr.func(*(_worked_out(a, every_sum) if isinstance(a, Basic) else a for a in expr.args))
    return node if kept(node) else node.doit(deep=False, integrals=False)


def _points_worked_out(expr: Expr) -> Expr:
    """Each Subs's point worked out and tidied first (g(Σ_{k=1}^{3} kx) → g(6x)): Subs.doit puts the point
    in the derivative's variable as it stands, and doit then rewrites it inside ℓ only."""
    if not expr.has(Subs):
        return expr
    return expr.replace(lambda n: isinstance(n, Subs),
                        lambda n: Subs(n.expr, n.variables, tuple(tidy(p.doit(integrals=False)) for p in n.point)))


def _unsummable(expr: Expr) -> bool:
    """expr holds a sum over a symbolic bound whose terms are an unknown function of its index."""
    return any(not all(bound.is_number for _, low, high in node.limits for bound in (low, high))
               and any(set(f.args) & {v for v, _, _ in node.limits} for f in node.function.atoms(AppliedUndef))
               for node in expr.atoms(Sum))


finished = _finished  # (for the checker: an implication's equations worked out)


def _logs_of_densities(expr: Expr) -> Expr:
    """log p(X) of a density the text defined (p = 𝒩(μ₁, σ₁²)) written out and split: under E it is
    then a polynomial in X, whose moments relate to the other side's (E_p[log p(X) − log q(X)])."""
    return expr.replace(lambda e: isinstance(e, log) and isinstance(e.args[0], DefinedFunction),
                        lambda e: log_of_positive(_in_exp(e.args[0])))


@lru_cache(maxsize=256)
def _in_exp(expr: Expr) -> Expr:
    """The value expr stands for with derive's named functions written out (σ(x) = 1/(1 + e^{-x}))."""
    return _written_out(_finished(expr))


def _written_out(expr: Expr) -> Expr:
    """expr with derive's named functions written out, and those their bodies hold (Φ(x) = ∫_{−∞}^x φ(t) dt
    holds φ, which SymPy's evalf otherwise wrote out at each of a quadrature's thousands of nodes), and
    nothing worked out."""
    for _ in range(DEEPEST_DEFINITION):
        if not expr.has(NamedFunction):
            break
        expr = expr.replace(lambda e: isinstance(e, NamedFunction), lambda e: e.body_at(e.args[0]))
    return expr


def clear_caches() -> None:
    """Forget the values computed so far, and the exact reader's rings (a benchmark's cold start)."""
    _finished.cache_clear()
    _in_exp.cache_clear()
    _zero_everywhere.cache_clear()
    forget_tidied()
    clear_rings()
    forget_values()
    forget_limits()
    forget_instances()
    lemmas.forget()


def _is_zero(expr: Expr) -> bool:
    return expr == 0


def _unknowns(expr: Expr) -> set[str]:
    """The names of the unknown functions in expr (f of f(x²) and of f'(x²) alike)."""
    return {type(node).__name__ for node in expr.atoms(AppliedUndef)}


# The shares of a link, in CPU seconds, of the two methods that can run for minutes and fail: cancel,
# and simplify (its two tries, as written and in exp, together). Past them, the sample points decide,
# as they do where the method fails. On the newest five corpora (corpus_ml9 to corpus_ml13, 120
# documents, measured with 3 s each), cancel proved 204 identities in 1658 tries, none after 0.25 s;
# simplify proved 94 in 500, 90 of them within 0.25 s, and spent 71 s failing (46 s of it past 0.25 s:
# Black–Scholes Greeks, contrastive losses written out, 2 to 4 s a try)
CANCEL_SECONDS = 0.3
SIMPLIFY_SECONDS = 0.25
# Where no sample point can decide (asinh x + acosh x + atanh x …: no real x where all have a value; or
# an unknown function, which has no values), simplify is all there is: a try that ran out of its share
# is made again, from the start, with this much, before the link is left undecided, so that a slow or
# loaded machine does not cost the verdict (it took 0.09 s, and once more than 0.25)
NO_POINT_SECONDS = 1.25


def _simplifies_to_zero(expr: Expr) -> bool:
    """simplify(expr) == 0; False where SymPy's simplify fails inside (it raises StopIteration on some
    sums): a method that breaks proves nothing, and the next one is tried."""
    try:
        return _is_zero(simplify(expr))
    except Exception:
        return False


def _numerically_equal(a: Expr, b: Expr) -> bool:
    return numeric_verdict(a, b) is True


def _summed_terms(expr: Expr) -> bool:
    """A sum or product over the terms x_i of data (Indexed), which only instances can judge."""
    return any(node.function.has(Indexed) for node in expr.atoms(Sum, Product))


def compare(a: Expr, b: Expr) -> tuple[bool | None, str | None]:
    """(verdict, method): (True, how it was proved), (False, how the difference was shown), or
    (None, why not) when derive can decide neither way."""
    if a == b:
        return True, "identical"
    a, b = logs_of_products(a), logs_of_products(b)
    if a.has(Limit) or b.has(Limit):
        return _with_limits(a, b)
    return _compared(a, b)


def _with_limits(a: Expr, b: Expr) -> tuple[bool | None, str | None]:
    """compare for sides that hold limits: decided only where SymPy gives each limit a plain value
    (derive.limit_values), and a proof only where the sample points, each limit worked out at them, do
    not differ (SymPy's symbolic limit has been wrong where its limit at numbers was right). The points
    alone never prove such a link: they never leave a few units of 0, and lim_{x→∞} e^{(a−3)x} = 0 held
    at every one of them."""
    a, b = prepared(a), prepared(b)
    limits = limits_in(a, b)
    kinds = {n: kind_of(n) for n in limits}
    if none := [n for n in limits if kinds[n] == NONE]:
        return None, f"SymPy finds no single value for {_text(none[0])} (it may not exist)"
    if growing := [n for n in limits if growing_sum(n)]:
        return None, f"{_text(growing[0])}: a sum whose length grows with the limit's variable, which derive does not work out"
    if infinite := [n for n in limits if kinds[n] == INFINITE and n not in (a, b)]:
        return None, f"{_text(infinite[0])} is infinite, and ∞ has no value inside arithmetic (∞ − ∞, 0·∞)"
    if unsettled := [n for n in limits if kinds[n] == UNSETTLED]:
        # (nor do the points show a slip: 1 − m + lim_{β→∞} log(1 + e^{−β(1−m)})/β = 1 − m holds for the
        # m < 1 the text states, and the points at m > 1 called it wrong)
        return None, f"derive cannot work out {_text(unsettled[0])}: SymPy's limit gives no plain value for it"
    verdict, method = _compared(a, b)
    if not (a.free_symbols | b.free_symbols):  # (no parameters: the points would take the very limits SymPy took)
        if verdict is None and _finite_against_infinite(a, b):
            return False, "evaluate"  # (the points have no value to compare where a side is ∞)
        return verdict, method
    if verdict is None:
        return verdict, method
    # with parameters, SymPy's symbolic limit was wrong where its limits at numbers were right
    at_points = numeric_verdict(_limits_kept(a), _limits_kept(b), limits_agree=True)
    if verdict is not at_points:
        return None, ("SymPy's value of the limit and its values at sample points disagree" if at_points is not None
                      else "SymPy's value of the limit could not be checked at sample points")
    return verdict, method


def _finite_against_infinite(a: Expr, b: Expr) -> bool:
    """Sides without parameters whose values, each limit worked out, are ∞ and a finite number, or ∞ and
    −∞ (lim_{x→∞} x = 5, lim_{x→0⁺} 1/x = −∞): they differ, as surely as lim 1/x = ∞ holds."""
    values = [_finished(side) for side in (a, b)]
    infinite = [v in (S.Infinity, S.NegativeInfinity) for v in values]
    plain = all(v.is_number and not v.has(Limit, AccumBounds, Integral, Sum, Product, nan, zoo) for v in values)
    return plain and any(infinite) and values[0] != values[1] and all(
        inf or v.is_finite is True for v, inf in zip(values, infinite))


def _limits_kept(expr: Expr) -> Expr:
    """expr worked out but for its limits, which the sample points work out at each point (with the
    parameters numbers, SymPy's limit was right where its symbolic answer was not)."""
    held = {n: Dummy() for n in expr.atoms(Limit)}
    # (each body worked out too: a pending derivative inside, ELU'(x) at 0⁻, has no value at a point)
    return _in_exp(expr.xreplace(held)).xreplace({d: n.func(_in_exp(n.args[0]), *n.args[1:]) for n, d in held.items()})


def _compared(a: Expr, b: Expr) -> tuple[bool | None, str | None]:
    """compare's methods, in order, for sides without limits or with limits of plain values."""
    if free_indices(a, b):  # z_i beside z_j: one variable when i = j, which no algebra on two symbols knows
        return _by_instances(a, b, compare)
    if has_moments(a, b):  # E[X²] − E[X]²: a polynomial in moments, each an unknown number
        # E[ℓ'(p)]: the derivative worked out first (a moment of a pending derivative is no moment)
        a, b = (e.replace(lambda n: isinstance(n, Derivative) and not n.expr.has(*OPERATORS), _differentiated)
                for e in (a, b))
        if _through_an_expectation(a, b):
            # M'(0) with M(t) = E[e^{tK}]: a moment of e^{tK} is no constant in t, and derive does not
            # differentiate under E
            return None, _THROUGH_E
        a, b = _logs_of_densities(a), _logs_of_densities(b)
        if a.has(Sum, Product) or b.has(Sum, Product):  # E[Σ x_i] = Σ E[x_i]: sums written out first
            judged = _by_instances(a, b, compare)
            if judged is not None and judged[0] is False and exchanged(a, b) and _a_bare_variable(a, b):
                return None, _EXCHANGED  # (−E[ℓ''(θ)] of the data x_i against n E[X²]: at every size)
            if judged is not None:
                return judged
        a, b = (_short_sums_written_out(e) for e in (a, b))  # (E[Σ_{k=1}^{3} k θ^{k−1} X]: by linearity)
        a, b = as_random(conventional(a), conventional(b))
        random = random_symbols(a, b)
        ma, mb = in_moments(a, random), in_moments(b, random)
        if ma.has(Integral) or mb.has(Integral):
            # ∫ p log(p/q) dx against E_p[log p(X) − log q(X)]: a law derive does not integrate
            if expand(ma - mb) == 0:
                return True, "moments (linearity)"
            return None, "an expectation against an integral, which derive does not work out"
        if opaque_moments(a, b, random):  # E[log p(X)]: a moment only linearity relates to others (and
            difference = expand(ma - mb)  # simplify on its logarithms takes minutes)
            if difference == 0:
                return True, "moments (linearity)"
            if (a.has(AppliedUndef) or b.has(AppliedUndef)) and any(s.name.startswith("E[") for s in difference.free_symbols):
                # E[log p(X)] of a density p derive does not write out, against E[X²]: p's law relates
                # them, and only for that law (E[2 log X] against E[log X] differs for every law)
                return None, "moments of a density derive does not write out, which linearity alone does not relate"
            verdict, method = compare(difference, S.Zero)
        else:
            verdict, method = compare(ma, mb)
        if verdict is False and _averages_a_sum(a, b):  # E[Σ …] left whole: one unknown, no counterexample
            return None, "an expectation of a sum derive does not write out term by term"
        if verdict is False and exchanged(a, b):  # ("replacing the data by the random sample")
            return None, _EXCHANGED
        if verdict is False and guessed(a, b):
            names = ", ".join(sorted(s.name for s in random)) or "no symbol"
            return None, f"moments differ if {names} are random, but the text does not say which symbols are"
        if verdict is False and (unrelated := unrelated_estimates(ma - mb)):
            return None, f"the moments {', '.join(unrelated)} of an estimator the text does not write out"
        if verdict is False and parameters_only(ma - mb, a, b):
            return None, "moments against parameters: holds only for the distribution the text names"
        if verdict is False and ma.is_number != mb.is_number:
            # Var(X) = 91/6 − (7/2)²: moments of a distribution given in words (a fair die), not an identity
            return None, "moments against a number: holds only for the distribution the text names"
        return verdict, f"moments ({method})"
    try:
        return rationally_equal(a, b), "rational"  # exact either way
    except NotRational:
        pass
    if (a.has(Derivative) or b.has(Derivative)) and not (a.has(*_HIDDEN) or b.has(*_HIDDEN)) \
            and equal_as_fractions(a, b, budget=_FIRST_TRY):
        # derivatives read through, each generator's derivative known (√b, log u, e^{u/L}, f(x) and f'(x)):
        # the product rule's schema (fg)' = f'g + fg' or (log(1 + e^x))' = σ(x) in a millisecond, where
        # working the derivatives out took a few
        return _unless_undefined(a, b, "fractions", worked_out=False)
    if _summed_terms(a) or _summed_terms(b):  # Σ_i x_i: SymPy's doit has no closed form for data
        judged = _by_instances(a, b, compare)  # terms, and can take minutes looking for one
        if judged is not None:
            return judged
    da, db = _finished(a), _finished(b)
    if da == db:
        return True, "evaluate"  # equal once derivatives are done and the arithmetic is worked out
    if (da.has(Piecewise) or db.has(Piecewise)) and not (a.has(Piecewise) or b.has(Piecewise)):
        # (a Piecewise worked out, not written: cases the text wrote are no series' region)
        (ca, ka), (cb, kb) = where_converging(da), where_converging(db)
        if ka or kb:  # Σ_k k p (1 − p)^{k−1}, which SymPy sums where |p − 1| < 1 only
            return _converging(ca, cb, list(dict.fromkeys(ka + kb)))
    if count_ops(_in_exp(a) - _in_exp(b)) > _LARGE and not (da.has(*_UNVALUED) or db.has(*_UNVALUED)):
        verdict = numeric_verdict(_in_exp(a), _in_exp(b))  # cancel and simplify take minutes on these
        if verdict is not None:
            return verdict, "numeric"
    # simplify may try to integrate, for minutes: integrals are compared by quadrature below
    integrals = _in_exp(a).has(Integral) or _in_exp(b).has(Integral)  # (a defined function's body too)
    undefined = da.has(nan, zoo) or db.has(nan, zoo)
    # cases with no "otherwise" (ReLU' has none at 0): simplify and cancel drop the region where none holds
    # ({0 if x < 0} became 0, and max(0, min(x, 0))' = {0 if min(x, 0) < 0} was proved on x ≥ 0 too); the
    # points, which tell a gap that is a stretch (numeric.Uncased), decide
    gapped = any(p.args[-1].cond is not S.true for e in (da, db) for p in e.atoms(Piecewise))
    # cancel's proof without cancel's cost (σ(wx + b) an unknown of its own), then cancel itself
    if equal_as_fractions(da, db):
        return _unless_undefined(a, b, "cancel")
    sampled = False
    if _spent_here(_CANCEL) and not integrals and not undefined:  # (the points first: see _RAN_OUT_HERE)
        verdict, sampled = numeric_verdict(_in_exp(a), _in_exp(b)), True
        if verdict is True:
            return _unless_undefined(a, b, "numeric")
    if not gapped and _tried(_CANCEL, lambda: _cancels(_in_exp(a) - _in_exp(b))):
        return _unless_undefined(a, b, "cancel")
    if _unknowns(da) != _unknowns(db):  # ℓ''(p) against a formula: no algebra equates an unknown
        return None, "an unknown function on one side only (its definition is not known)"
    if a.has(Sum, Product) or b.has(Sum, Product):  # Σ_{i=1}^{n}: checked for n = 1 … 4; simplify can
        judged = _by_instances(a, b, compare)  # take minutes on a derivative of a product over i
        if judged is not None:
            return judged
    if surely_differs(a, b):  # simplify can take minutes to fail on a false identity; a point shows it
        return False, "numeric"
    if (_GIVEN_UP.get() is not None or _spent_here(_SIMPLIFY)) and not sampled and not integrals and not undefined:
        # an instance, whose method no report shows (its link's is "instances"), or a document where
        # three tries of simplify have run out (_RAN_OUT_HERE): where the sample points agree, simplify
        # could only prove the same, or fail and leave the points to decide; it is tried where they do
        # not (a Gaussian's log-density at n = 1 … 4 took a third of a second an instance)
        verdict, sampled = numeric_verdict(_in_exp(a), _in_exp(b)), True
        if verdict is True:
            return _unless_undefined(a, b, "numeric")
    if _through_an_expectation(da, db):
        # K'(t) of K = log M, M(t) = E[e^{tX}]: worked out through E as if it were a function of its
        # argument, which only differentiating under E would give a meaning (simplify spent seconds)
        return None, _THROUGH_E
    # (the same unknown functions on both sides here: the test above)
    if not integrals and not undefined and (unknown := ", ".join(sorted(_unknowns(da)))) \
            and _generically(a, b) is False:
        # f(x), L'(wx + b): sampled with each unknown function a stand-in (derive.generic). Where they
        # differ, simplify spent a tenth of a second to seconds on each such link and proved none. Where
        # they agree, nothing is proved: one stand-in keeps its sign (|f| = f held for it), and the link
        # goes on to the methods below as before
        return None, f"not so for every {unknown}: it may hold for the one the text means, which it does not give"
    simplified = None
    # (α if y = 1, 1 − α if y = 0, a label's cases: simplify spent seconds failing on them; the link is
    # proved case by case where the text says y ∈ {0, 1}, derive.checker.link_rules.stated_facts)
    if not integrals and not gapped and not _has_label_cases(da - db) \
            and (simplified := _tried(_SIMPLIFY, lambda: _simplified(da, db, SIMPLIFY_SECONDS))):
        return _unless_undefined(a, b, simplified)
    if undefined:
        return None, "undefined (a division by zero)"
    if not sampled:
        verdict = numeric_verdict(_in_exp(a), _in_exp(b))  # defined functions written out: they have values
    if verdict is None and simplified == _RAN_OUT \
            and (simplified := _simplified(da, db, NO_POINT_SECONDS)):
        return _unless_undefined(a, b, simplified)
    if verdict is None and (a.has(Limit) or b.has(Limit)):
        return None, "no value at enough points: a limit is infinite or has none at some, or derive cannot work it out"
    if verdict is None:
        return None, "no point where both sides have a value to compare"
    return verdict, "numeric"


_THROUGH_E = "a derivative of an expectation, which derive does not take"


def _through_an_expectation(*exprs: Expr) -> bool:
    """A derivative of an expectation (or a variance) stands in one of exprs, pending or worked out."""
    return any(d.expr.has(*OPERATORS) for e in exprs for d in e.atoms(Derivative))


def _generically(a: Expr, b: Expr) -> bool | None:
    """The sample points' verdict on a and b (worked out, named functions written out: _in_exp) with each
    unknown function its stand-in (False shows the link is no identity in the functions; True shows
    nothing); None where a side keeps a part with no value (a sum or product, an integral, a limit), or
    where writing the stand-ins in fails."""
    try:
        ga, gb = generic(_in_exp(a)), generic(_in_exp(b))
    except (ArithmeticError, AttributeError, NotImplementedError, TypeError, ValueError):
        return None  # (a method that breaks proves nothing: the next one is tried)
    return None if ga is None or gb is None else numeric_verdict(ga, gb)


def _has_label_cases(expr: Expr) -> bool:
    """expr holds cases of one symbol at numbers only, (α if y = 1, 1 − α if y = 0): a label's."""
    def of_a_label(node: Piecewise) -> bool:
        conditions = [c for _, c in node.args]
        return all(isinstance(c, Eq) and c.rhs.is_number and c.lhs.is_Symbol for c in conditions) \
            and len({c.lhs for c in conditions}) == 1
    return any(map(of_a_label, expr.atoms(Piecewise)))


def _simplified(da: Expr, db: Expr, seconds: float) -> str | None:
    """The method that proves da = db (both worked out) by rewriting and simplifying within seconds;
    None where it fails, _RAN_OUT where the seconds ran out first."""
    return _within(_SIMPLIFY, seconds, lambda: _simplifying(da, db))


def _simplifying(da: Expr, db: Expr) -> str | None:
    """_simplified's work, unbounded."""
    # sines and cosines of arguments the exact reader has no generators for (x + 1/2): in exp, with the
    # exponents expanded, as fractions in e^{ix}, e^{i} …, where sec² u = 1 + tan² u is exact in a few
    # milliseconds, and simplify's trigsimp took minutes
    if (da.has(*CIRCULAR_FUNCTIONS) or db.has(*CIRCULAR_FUNCTIONS)) and equal_as_fractions(
            _in_exponentials(da), _in_exponentials(db), budget=_FIRST_TRY):
        return "rewrite(exp)"
    if _simplifies_to_zero(da - db):
        return "simplify"
    ea, eb = da.rewrite(exp), db.rewrite(exp)
    if (ea, eb) != (da, db) and _simplifies_to_zero(ea - eb):  # (the same: simplify failed)
        return "rewrite(exp)"
    return None


def _short_sums_written_out(expr: Expr) -> Expr:
    """Sums and products with number bounds and at most MOST_TERMS terms as their terms: under E, a sum
    left whole is read as one unknown moment, which its terms' moments do not relate to."""
    return expr.replace(lambda n: isinstance(n, (Sum, Product)) and all(
        low.is_Integer and high.is_Integer and high - low < MOST_TERMS for _, low, high in n.limits),
        lambda n: n.doit())


def _a_bare_variable(a: Expr, b: Expr) -> bool:
    """One side averages a bare X (E[X²]) where the other averages the data x_i: the sample's terms and
    one variable of their law, which only an i.i.d. said in words makes alike (E[Σ X_i] against a sum of
    the X_i themselves is no such case: a slip there is a slip at every size)."""
    terms = {t.base.label for e in (a, b) for t in e.atoms(Indexed)}  # (averaged names X for X[i] too)
    return any(isinstance(s, Symbol) and len(s.name) == 1 and s.name.isupper() and s not in terms
               for s in averaged(a) | averaged(b))


def _averages_a_sum(a: Expr, b: Expr) -> bool:
    """An expectation, variance or covariance in a or b holds a sum or a product."""
    return any(node.has(Sum, Product) for e in (a, b) for node in preorder(e) if isinstance(node, OPERATORS))


def _converging(a: Expr, b: Expr, conditions: list[Expr]) -> tuple[bool | None, str]:
    """a = b where the series they were summed from are summed: at sample points of that region only (a
    sum can differ from a formula outside it), and never where no point of it is found (1 + p + p² + …
    plus p⁻¹ + p⁻² + … is summed for |p| < 1 and for |p| > 1, never both: 0 = 0 would be Euler's
    fallacy). An exact proof, where the region has points, is named as the method."""
    parts = sorted({part for c in conditions for part in And.make_args(c)}, key=str)  # (one order, every run)
    where = "where the series are summed: " + " and ".join(map(plain_condition, parts))
    sampled, _ = compare_where(a, b, And(*conditions))
    if sampled is None:
        return None, f"no point {where}"
    verdict, method = compare(a, b)
    if sampled and verdict is True and method != "numeric":
        return True, f"{method}, {where}"
    return sampled, f"numeric, {where}"


def _differentiated(derivative: Derivative) -> Expr:
    """A pending derivative worked out, sums over a symbolic bound left as sums: diff takes Σ_{i=1}^{n} f_i
    term by term, where doit then looks for a closed form of the sum of the data x_i's terms, which has
    none (a third of a second a link, for a likelihood's second derivative). Derivatives inside are
    worked out first (replace goes bottom up). Everything else is left to doit: a sum with number bounds,
    which doit writes out (under E, Σ_{k=1}^{3} left whole would be one unknown moment); a derivative by
    a sum's bound; an integral, a limit, a Subs; and a product, which doit writes as one power
    (λ^{Σ x_i} e^{−nλ}/Π x_i!) where diff would take the product rule over symbolic bounds, a form whose
    instances under a stated law took the data x_i for constants."""
    expr, variables = derivative.expr, {v for v, _ in derivative.variable_count}  # (.variables raises on d^n)
    sums = expr.atoms(Sum)
    if sums and not expr.has(Derivative, Product, Integral, Limit, Subs) and all(
            not (low.is_number and high.is_number) and not (low.free_symbols | high.free_symbols) & variables
            for node in sums for _, low, high in node.limits):
        return expr.diff(*derivative.variable_count)
    return derivative.doit()


def _cancels(difference: Expr) -> bool | str:
    """_cancelling(difference) within CANCEL_SECONDS (_RAN_OUT, falsy, where they run out)."""
    return _within(_CANCEL, CANCEL_SECONDS, lambda: _cancelling(difference))


def _cancelling(difference: Expr) -> bool:
    """cancel(difference) is 0, each integral free of symbols made unknowns of its own first: SymPy's
    cancel orders a sum's terms by their values, an evalf quadrature of each such integral (0.8 s for
    −1/2 + ∫_{−∞}^0 φ), which takes no part in what cancels. The linearity cancel worked out inside them
    is taken first (∫ (2f + xf) = 2∫f + ∫xf, each integrand cancelled and expanded, one unknown for each
    part and limits); and where an integral has no value (∫_0^∞ x dx) nothing is proved: ∞ − ∞ is no 0."""
    constant = [n for n in difference.atoms(Integral) if not n.free_symbols]
    if any(surely_without_value(n) for n in constant):
        return False
    unknowns: dict = {}
    opaque = difference.replace(lambda n: isinstance(n, Integral) and not n.free_symbols,
                                lambda n: _linear_parts(n, unknowns))
    return _is_zero(cancel(opaque))


def _linear_parts(integral: Integral, unknowns: dict) -> Expr:
    """integral as Σ c_k·u_k, one unknown u_k for each part of its cancelled and expanded integrand
    that depends on the variables, c_k the factors free of them: one unknown for ∫ 2x e^{−x²} and
    x·2e^{−x²} over the same limits, where equal integrals written apart would be two."""
    terms = Add.make_args(expand(cancel(integral.function)))
    parts = (term.as_independent(*integral.variables, as_Add=False) for term in terms)
    return Add(*(c * unknowns.setdefault((f, integral.limits), Dummy()) for c, f in parts))


def _in_exponentials(expr: Expr) -> Expr:
    """expr rewritten in exp, each exponent expanded: e^{i(x + 1/2)} as e^{ix}·e^{i/2}, the same e^{ix}
    as in e^{−i(x + 2)}."""
    return expr.rewrite(exp).replace(lambda n: isinstance(n, exp), lambda n: exp(expand(n.args[0])))


def _unless_undefined(a: Expr, b: Expr, method: str, worked_out: bool = True) -> tuple[bool | None, str]:
    """(True, method) for a proof by cancelling, unless a side divides by, or takes the logarithm of,
    what is 0 everywhere, which cancel and simplify divide out unasked (2D/D = 2 where D = (e^{x/2})² −
    e^x) and the fractions take for a part with a value: that side has none. The sides are looked at
    with their derivatives worked out, unless worked_out is False (a proof that never worked them out:
    the divisors and logarithms as written, named functions written out, each worked out on its own
    where it holds a derivative)."""
    form = _in_exp if worked_out else _written_out
    if _zero_everywhere_inside(form(a)) or _zero_everywhere_inside(form(b)):
        return None, "undefined (a division by, or the logarithm of, an expression that is 0 everywhere)"
    return True, method


def _zero_everywhere_inside(expr: Expr) -> bool:
    """A divisor of expr, or the argument of one of its logarithms, is 0 everywhere; False where that
    cannot be told. Each is tried in turn: by the exact reader (0 exactly when it reads as 0, and
    nonzero otherwise); with its derivatives worked out (f'(x) − Subs(f'(y), y, x)); as fractions in
    its parts (d/dx log x − 1/x); and at two sample points, to the exact tolerance beside the size of
    its terms, worked out to 30 digits. A product of unknown functions (f(x)², f·g) is taken to have
    nonzero values."""
    bases = divisors(expr) | {node.args[0] for node in expr.atoms(log)}
    return any(_zero_everywhere(base) for base in sorted(bases, key=str))


@lru_cache(maxsize=1024)  # (a link's instances and its neighbours divide by the same σ², Σ_k e^{z_k} …)
def _zero_everywhere(base: Expr) -> bool:
    """base is 0 everywhere (see _zero_everywhere_inside); False where that cannot be told."""
    try:
        return rationally_equal(base, S.Zero)
    except NotRational:
        pass
    if base.has(Derivative, Subs):
        base = _finished(base)  # (f'(x) − Subs(f'(y), y, x) works out to 0)
    if base == 0 or equal_as_fractions(base, S.Zero, budget=_FIRST_TRY):
        return True
    if all(isinstance(factor.as_base_exp()[0], AppliedUndef) for factor in Mul.make_args(base)):
        return False  # (f(x)² as a divisor: no value at any point, and nothing that cancels to 0)
    rng, terms = random.Random(2718), Add.make_args(base)
    symbols = sorted(base.free_symbols, key=str)
    for _ in range(2):
        point = {s: sample(rng, s) for s in symbols}
        try:
            # each node's value once (a layer's divisor cosh²(…) written out at four sizes took a tenth
            # of a second a point with evalf, for a difference the first digits show)
            values, total, _ = valued(terms, [], point, {}, 30)
        except NO_VALUE:
            return False
        if not all(map(finite, values)) or not agree(total, values, EXACT_TOLERANCE):
            return False
    return True


def compare_where(a: Expr, b: Expr, region: Expr) -> tuple[bool | None, str]:
    """a = b at points of a region the text restricts to ("on $r > \\delta$"): a piece of a function
    defined by cases, or |r| = r there."""
    verdict = numeric_verdict(_in_exp(_finished(a)), _in_exp(_finished(b)), region)
    return verdict, "numeric, at points of the region" if verdict is not None else "no point of the region to compare at"


def surely_differs(a: Expr, b: Expr) -> bool:
    """a and b have different values at a sample point: a cheap test that lets a search over many
    candidates (derive.suggest) skip the full compare of each. False proves nothing. Sums over data
    (Σ_i x_i) are written out at three terms first: SymPy's doit would look for a closed form."""
    if a.has(Sum, Product) or b.has(Sum, Product) or free_indices(a, b):
        try:
            sizes = {bound: 3 for bound in bounds_of(a, b)}
            values = {letter: k for k, letter in enumerate(free_indices(a, b), 1)}
            a, b = instance(a, sizes, values), instance(b, sizes, values)
        except Exception:  # a term derive cannot write out: no cheap test here
            return False
    da, db = _in_exp(a), _in_exp(b)
    if any(e.has(AppliedUndef, Subs, Derivative, Sum, Product, Limit, Integral) for e in (da, db)):
        return False
    rng = random.Random(4104)
    symbols = sorted(da.free_symbols | db.free_symbols, key=str)
    for _ in range(3):
        point = {s: sample(rng, s) for s in symbols}
        try:
            _, _, (x, y) = valued((), [da, db], point, {}, 30)
        except NO_VALUE:
            continue
        if finite(x) and finite(y) and real(x) and real(y):
            return abs(x - y) > 1e-6 * max(1.0, abs(x), abs(y))
    return False


def numerically_same(a: Expr, b: Expr) -> bool:
    """a = b as exact fractions or at sample points (30 digits), sums over data written out at every
    size: evidence enough for a hint ("did you mean"). SymPy's simplify is never tried: it would take
    minutes on such sums, and seconds on each candidate of a focal loss's line ((1 − σ)^γ, γ a symbol)."""
    def judged(x: Expr, y: Expr) -> tuple[bool | None, str]:
        # the exact fractions first: they read an unknown L'(s_1) as a generator of its own, where
        # sample points have no value for it (and so no candidate of a backprop line was ever confirmed)
        if not (x.has(*_HIDDEN) or y.has(*_HIDDEN)) and equal_as_fractions(x, y, budget=_FIRST_TRY):
            return _unless_undefined(x, y, "fractions", worked_out=False)  # (as compare's first try)
        return numeric_verdict(_in_exp(x), _in_exp(y)), "numeric"

    if a.has(Sum, Product) or b.has(Sum, Product) or free_indices(a, b):
        return (_by_instances(a, b, judged) or (None, ""))[0] is True
    token = _GIVEN_UP.set({_SIMPLIFY})
    try:
        return compare(a, b)[0] is True
    finally:
        _GIVEN_UP.reset(token)


def equivalent(a: Expr, b: Expr) -> str | None:
    """The name of the first method that proves a = b, or None when none does."""
    verdict, method = compare(a, b)
    return method if verdict else None


# --- certificates ---------------------------------------------------------------------------------

def _issue(method: str, before: Expr, after: Expr, part=None, lemma=None) -> Certificate:
    token = _ISSUING.set(True)
    try:
        return Certificate(method, before, after, part, lemma)
    finally:
        _ISSUING.reset(token)


def certify(before: Expr, after: Expr) -> Certificate | None:
    """A certificate that before = after as whole expressions, or None when no method proves it."""
    method = equivalent(before, after)
    return None if method is None else _issue(method, before, after)


def certify_part(before: Expr, after: Expr, old: Expr, new: Expr,
                 lemma: tuple[Expr, Expr] | None = None) -> Certificate | None:
    """A certificate that before = after, proved on the part rewritten: after must be before with
    old replaced by new and nothing else changed, and old = new (or the smaller lemma that implies
    it, the chain rule's f'(u)) must be proved."""
    if not rewrites_only(before, after, old, new):
        return None
    a, b = lemma or (old, new)
    method = lemmas.proved(a, b)
    if method is None and (method := equivalent(a, b)) is not None:
        lemmas.remember(a, b, method)
    return None if method is None else _issue(method, before, after, (old, new), lemma)


def certify_given(before: Expr, after: Expr, fact: tuple[Expr, Expr]) -> Certificate | None:
    """A certificate that before = after given the fact old = new that the author states: after is
    before with old replaced by new, and nothing else changed."""
    old, new = fact
    if before == after or not rewrites_only(before, after, old, new):
        return None
    return _issue(f"given {_text(old)} = {_text(new)}", before, after, fact)


def certify_under(before: Expr, after: Expr, facts: tuple[tuple[Expr, Expr], ...]) -> Certificate | None:
    """before = after wherever the stated facts hold: checked by instances with each fact imposed
    (Σ_k y_k = 1 at every K), or proved outright."""
    method = equivalent(before, after)
    if method is None and facts:
        verdict = _by_instances(before, after, compare, conditions=tuple(old - new for old, new in facts))
        if verdict is not None and verdict[0] is True:
            method = verdict[1] + " given " + ", ".join(f"{_text(o)} = {_text(n)}" for o, n in facts)
    return None if method is None else _issue(method, before, after)


def _text(expr: Expr) -> str:
    from derive.render.printer import text

    return text(expr)


def certify_arithmetic(before: Expr, after: Expr) -> Certificate | None:
    """A certificate for a tidy-up: both sides are the same once SymPy works out their arithmetic
    (x + 0 → x, 1·x → x), which is what made after; otherwise the full comparison decides."""
    if tidy(before) == tidy(after):
        return _issue("evaluate", before, after)
    return certify(before, after)


def certify_steps(before: Expr, steps: tuple[Step, ...]) -> Certificate | None:
    """A certificate for one written line made of several single steps: each is certified from
    the expression before it (equality is transitive), so the line costs no proof of its own."""
    if not steps or not chained(before, steps):
        return None
    return _issue("substeps", before, steps[-1].expr)


def with_law(a: Expr, b: Expr, laws: dict[str, tuple[Expr, Expr]]) -> tuple[bool | None, str]:
    """a = b for independent variables, those of one letter (X_1, X_2, …) alike (Var(Σ X_i) = Σ Var(X_i)
    for i.i.d. data, which a text says in words), each letter's mean and variance as laws gives them
    (X → (μ, σ²): E[X] = μ, E[X²] = σ² + μ²; none given: moments stay unknowns). False only where no
    moment is left unknown: the stated law decides it."""
    def same(x: Expr, y: Expr) -> tuple[bool | None, str]:
        if x.has(Sum, Product) or y.has(Sum, Product):  # Σ X_i written out for n = 1 … 4 first
            return _by_instances(x, y, same) or (None, "")
        random = random_symbols(x, y)
        mx, my = (in_moments(conventional(e), random, iid=True).xreplace(known) for e in (x, y))
        verdict, method = compare(mx, my)
        if verdict is False and any(s.name.startswith("E[") for s in (mx - my).free_symbols):
            return None, "moments the text gives no law for"
        if verdict is False and exchanged(x, y):  # E[ℓ''(x_1)] against E[X_1]: the data x_1 are no
            # constants to take out of E when the other side averages the random X_1 in their place
            return None, _EXCHANGED
        return verdict, method

    known = {}
    for letter, (mean, variance) in laws.items():
        known[Symbol(f"E[{letter}]", real=True)] = mean
        known[Symbol(f"E[({letter})^2]", real=True)] = variance + mean ** 2
    return same(a, b)
