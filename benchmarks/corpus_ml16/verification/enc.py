"""Shared helpers for encodings_a.py and encodings_b.py (corpus_ml16).

An encoded display is a chain of (anchor, value) pairs: `anchor` is the exact LaTeX of one
expression of the document, `value` its SymPy meaning, either an expression or a function of the
context dict. Links of kind DEF introduce a name; all others assert an identity.
"""
import sympy as sp

from framework import Chain, P, R
from helpers import I

DEF = "def"
exp, log, sqrt, tanh, oo, pi = sp.exp, sp.log, sp.sqrt, sp.tanh, sp.oo, sp.pi
Mat = sp.Matrix


def Q(a, b=1):
    return sp.Rational(a, b)


def _exact(e):
    """Encoded values are exact: a Float (e.g. from a Python int division) is a bug in the encoding."""
    e = sp.sympify(e)
    # a root computed numerically is carried at 60 digits (precision >= 150 bits); anything less is a bug
    assert all(f._prec >= 150 for f in e.atoms(sp.Float)), ("inexact value in an encoding", e)
    return e


def _fn(v):
    if callable(v):
        return lambda c: _exact(v(c))
    v = _exact(v)
    return lambda c: v


def chain(label, items, kinds=None, ctxs=None, where=None):
    """A chain of (anchor, value) pairs joined by `=` in the document."""
    return Chain(label, [I(a, _fn(v)) for a, v in items], kinds, ctxs, where)


_syms = {}


def r(name, lo=-1.5, hi=1.5):
    """A real symbol with its sampling range (cached by name)."""
    if name not in _syms:
        _syms[name] = R(name, lo, hi)
    return _syms[name]


def p(name, lo=0.3, hi=2.0):
    """A positive symbol with its sampling range (cached by name)."""
    if name not in _syms:
        _syms[name] = P(name, lo, hi)
    return _syms[name]


def rvec(name, n, lo=-1.5, hi=1.5):
    return [r("%s_%d" % (name, k), lo, hi) for k in range(1, n + 1)]


def pvec(name, n, lo=0.3, hi=2.0):
    return [p("%s_%d" % (name, k), lo, hi) for k in range(1, n + 1)]


def S(f, lo, hi):
    """Explicit finite sum f(lo) + ... + f(hi)."""
    return sp.Add(*[f(k) for k in range(lo, hi + 1)])


def sig(t):
    return 1 / (1 + exp(-t))


def gpdf(z, m, s2):
    """Density of N(m, s2) at z."""
    z, m, s2 = sp.sympify(z), sp.sympify(m), sp.sympify(s2)
    return exp(-(z - m) ** 2 / (2 * s2)) / sqrt(2 * pi * s2)


def Egauss(g, z, m, s2):
    """E[g(z)] for z ~ N(m, s2), as an integral over the whole line (evaluated by quadrature)."""
    return sp.Integral(g * gpdf(z, m, s2), (z, -oo, oo))


def Epoly(expr, z, moments):
    """Expectation of a polynomial in z, given moments(k) = E[z^k]."""
    expr = sp.expand(expr)
    if not expr.has(z):
        return expr
    poly = sp.Poly(expr, z)
    return sp.Add(*[coef * moments(k) for (k,), coef in poly.terms()])


def gauss_moment(m, s2):
    """E[z^k] for z ~ N(m, s2), from the moment generating function exp(m t + s2 t^2 / 2)."""
    t = sp.Dummy("t")
    mgf = exp(m * t + s2 * t ** 2 / 2)
    return lambda k: sp.diff(mgf, t, k).subs(t, 0)


def Phi(x):
    """Standard normal distribution function."""
    x = sp.sympify(x)
    return (1 + sp.erf(x / sqrt(2))) / 2


def phi(x):
    """Standard normal density."""
    x = sp.sympify(x)
    return exp(-x ** 2 / 2) / sqrt(2 * pi)


def dfun(f, at, n=1):
    """n-th derivative of the one-variable function f (a callable), evaluated at `at`."""
    u = sp.Dummy("u", real=True)
    return sp.diff(f(u), u, n).subs(u, at)


def sizes(lo, hi, key="n", extra=None):
    out = []
    for n in range(lo, hi + 1):
        if extra is None:
            out.append({key: n})
        else:
            for e in extra(n):
                c = {key: n}
                c.update(e)
                out.append(c)
    return out
