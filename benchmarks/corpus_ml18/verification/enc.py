"""Shared helpers for encodings_a.py and encodings_b.py (corpus_ml18).

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


# ---------------------------------------------------------------------------
# additions made for corpus_ml17 (kept)
def softmax(zs):
    tot = sp.Add(*[exp(t) for t in zs])
    return [exp(t) / tot for t in zs]


def kd(a, b):
    return sp.Integer(1 if a == b else 0)


def ctx_grid(Kmin, Kmax, names, key="K"):
    """Contexts {key: K, name: index...} for K = Kmin..Kmax and every index in 1..K."""
    import itertools
    out = []
    for K in range(Kmin, Kmax + 1):
        for combo in itertools.product(range(1, K + 1), repeat=len(names)):
            c = {key: K}
            c.update(zip(names, combo))
            out.append(c)
    return out


def M(*xs):
    """A tuple written in the text, as a column vector (compared entry by entry)."""
    return sp.Matrix([sp.sympify(x) for x in xs])


def argmin_l1(expr, b):
    """Minimiser over b of a strictly convex expression in b containing |b| (Abs(b)): the stationary
    point of each smooth piece (b > 0 with |b| = b, b < 0 with |b| = -b) found by sympy.solve, kept
    if it lies on its piece; otherwise the kink b = 0."""
    out = []
    for sgn in (1, -1):
        e = expr.subs(sp.Abs(b), sgn * b)
        sol = sp.solve(sp.diff(e, b), b)
        assert len(sol) == 1, sol
        out.append((sol[0], (sgn * sol[0]) > 0))
    return sp.Piecewise(out[0], out[1], (0, True))


def argmin_smooth(expr, b):
    sol = sp.solve(sp.diff(expr, b), b)
    assert len(sol) == 1, sol
    return sol[0]


def E_zero_mean(expr, variances):
    """E[expr] for a polynomial expr in independent zero-mean variables with the given variances
    (a dict symbol -> variance); only moments up to order 2 in each variable are needed."""
    syms = list(variances)
    expr = sp.expand(expr)
    poly = sp.Poly(expr, *syms)
    out = 0
    for powers, coef in poly.terms():
        term = coef
        for s_, k in zip(syms, powers):
            assert k <= 2, "moment of order > 2 not needed here"
            term *= {0: 1, 1: 0, 2: variances[s_]}[k]
        out += term
    return out


# ---------------------------------------------------------------------------
# additions for corpus_ml18: unknown functions and the contexts that replace them
def ufun(name, positive=False):
    """An unknown function (sympy.Function); positive=True where the text takes its logarithm."""
    return sp.Function(name, positive=True) if positive else sp.Function(name, real=True)


def Dp(F, args, i, n=1):
    """n-th partial derivative of the multi-argument callable F in its i-th slot (0-based),
    evaluated at the point `args` (for an unknown F this is a sympy Subs object)."""
    us = [sp.Dummy("u%d" % k, real=True) for k in range(len(args))]
    return sp.diff(F(*us), us[i], n).subs(dict(zip(us, args)), simultaneous=True)


def Dpp(F, args, i, j):
    """Mixed second partial derivative of the callable F in slots i and j, at `args`."""
    us = [sp.Dummy("u%d" % k, real=True) for k in range(len(args))]
    return sp.diff(F(*us), us[i], us[j]).subs(dict(zip(us, args)), simultaneous=True)


def cross(*lists):
    """All merges of one dict from each list (contexts built as a product)."""
    import itertools
    out = []
    for combo in itertools.product(*lists):
        c = {}
        for d in combo:
            c.update(d)
        out.append(c)
    return out


def funs(generic, *concrete):
    """Contexts for a document with unknown functions: the first has them as sympy Functions
    (links there must be proved exactly), the others substitute concrete functions (links judged
    numerically; a planted slip is refuted there)."""
    out = [dict(generic, generic=True)]
    for k, conc in enumerate(concrete):
        out.append(dict(conc, generic=False, name="concrete%d" % (k + 1)))
    return out
