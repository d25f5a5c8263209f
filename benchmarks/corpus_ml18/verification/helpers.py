"""Small helpers shared by encodings_a.py and encodings_b.py."""
import sympy as sp

from framework import R, P, delta, grid, sig  # noqa: F401

_cache = {}


def vec(name, n, positive=False, lo=None, hi=None):
    """Fresh symbols name_1 .. name_n (cached, so the same name gives the same symbols)."""
    out = []
    for k in range(1, n + 1):
        nm = "%s_%d" % (name, k)
        if nm not in _cache:
            if positive:
                _cache[nm] = P(nm, lo if lo is not None else 0.3, hi if hi is not None else 2.0)
            else:
                _cache[nm] = R(nm, lo if lo is not None else -1.5, hi if hi is not None else 1.5)
        out.append(_cache[nm])
    return out


def mat(name, n, m, lo=-1.5, hi=1.5):
    """Fresh symbols name_i_j for i = 1..n, j = 1..m (list of rows)."""
    return [[R("%s_%d_%d" % (name, i, j), lo, hi) for j in range(1, m + 1)] for i in range(1, n + 1)]


def softmax(zl):
    S = sp.Add(*[sp.exp(t) for t in zl])
    return [sp.exp(t) / S for t in zl]


def targets(K, name="y"):
    """Targets y_1..y_K with y_K = 1 - (y_1 + ... + y_{K-1}) (the stated hypothesis sum y = 1)."""
    ys = vec(name, K - 1, lo=0.0, hi=1.0) if K > 1 else []
    return ys + [1 - sp.Add(*ys)]


def S(f, lo, hi):
    """Explicit finite sum f(lo) + ... + f(hi)."""
    return sp.Add(*[f(k) for k in range(lo, hi + 1)])


def mean(xs):
    return sp.Add(*xs) / len(xs)


def dsig(t):
    """sigma'(t), computed by differentiating sigma."""
    u = sp.Symbol("_u", real=True)
    return sp.diff(sig(u), u).subs(u, t)


def local(f, at):
    """Derivative of the one-variable function f (a lambda) evaluated at `at`."""
    u = sp.Symbol("_v", real=True)
    return sp.diff(f(u), u).subs(u, at)


# contexts
def pairs(Kmax=4, cond=None, Kmin=1):
    return grid(range(Kmin, Kmax + 1), ["i", "j"], cond)


def singles(name="j", Kmax=4, Kmin=1):
    return grid(range(Kmin, Kmax + 1), [name])


def sizes(lo=1, hi=4, key="n"):
    return [{key: n} for n in range(lo, hi + 1)]


def E_iid(expr, xs, moments):
    """Expectation of a polynomial in independent, identically distributed xs, where
    moments(k) is E[X^k]."""
    expr = sp.expand(expr)
    if not any(expr.has(x) for x in xs):
        return expr
    poly = sp.Poly(expr, *xs)
    out = 0
    for powers, coef in poly.terms():
        term = coef
        for p in powers:
            term *= moments(p)
        out += term
    return out


def gauss_moments(mu, v):
    """E[X^k] for X ~ N(mu, v)."""
    table = {0: 1, 1: mu, 2: mu**2 + v, 3: mu**3 + 3 * mu * v, 4: mu**4 + 6 * mu**2 * v + 3 * v**2}
    return lambda k: table[k]


# ---------------------------------------------------------------------------
# additions made for corpus_ml6 (kept)
import itertools  # noqa: E402

from framework import X, Y, mom  # noqa: E402


def E_ind(expr):
    """Expectation for independent X and Y: X^p Y^q -> E[X^p] E[Y^q]."""
    expr = sp.expand(expr)
    if not expr.has(X) and not expr.has(Y):
        return expr
    poly = sp.Poly(expr, X, Y)
    return sp.Add(*[coef * mom(p, 0) * mom(0, q) for (p, q), coef in poly.terms()])


def Var_ind(U):
    return E_ind((U - E_ind(U)) ** 2)


def two_moments(mu, s2):
    """E[X^k], k <= 2, for a variable with mean mu and variance s2."""
    table = {0: 1, 1: mu, 2: mu ** 2 + s2}
    return lambda k: table[k]


def Cov_iid(U, V, xs, moments):
    e = lambda t: E_iid(t, xs, moments)  # noqa: E731
    return e(U * V) - e(U) * e(V)


def Var_iid(U, xs, moments):
    return Cov_iid(U, U, xs, moments)


def sign_patterns(n):
    """All label vectors in {-1, +1}^n."""
    return list(itertools.product([-1, 1], repeat=n))


def binary_patterns(n):
    return list(itertools.product([0, 1], repeat=n))


def I(anchor, fn):
    """One encoded expression: its LaTeX anchor and a function of the context."""
    return (anchor, fn)


def const(value):
    v = sp.sympify(value)
    return lambda c: v


# ---------------------------------------------------------------------------
# additions made for corpus_ml8: unknown functions f, g, h (kept, not used by corpus_ml9)
def D(F, at, n=1):
    """n-th derivative of the one-variable function F (a callable: a sympy Function or a lambda)
    evaluated at `at`; for an unknown function this is f'(at) as SymPy writes it."""
    u = sp.Dummy("u", real=True)
    return sp.diff(F(u), u, n).subs(u, at)


def fun_contexts():
    """Contexts for documents that state rules on unknown functions. The first context has f, g, h
    as unknown SymPy functions (links there must be proved exactly); the other two substitute
    concrete positive functions with random positive parameters (links judged numerically),
    so that roots and logarithms of f, g, h are defined."""
    generic = {"f": sp.Function("f"), "g": sp.Function("g"), "h": sp.Function("h"), "generic": True}
    a1, a2, a3 = P("a_1", 0.3, 1.2), P("a_2", 0.3, 1.2), P("a_3", 0.3, 1.5)
    b1, b2, b3 = P("b_1", 0.3, 1.2), P("b_2", 0.3, 1.5), P("b_3", 0.3, 1.5)
    concA = {"f": lambda u: a1 * u ** 2 + sp.sin(u) + 2, "g": lambda u: sp.exp(a2 * u) + 1,
             "h": lambda u: sp.cos(a3 * u) + 2 + u / 5}
    concB = {"f": lambda u: sp.exp(b1 * u) + u ** 2, "g": lambda u: u ** 2 + b2 * u + 1,
             "h": lambda u: sp.exp(-u ** 2) + b3}
    return [generic, concA, concB]


# ---------------------------------------------------------------------------
# additions made for corpus_ml9: implicitly defined curves and time-dependent quantities
class Curve:
    """A curve given by a parametrisation s -> (x(s), y(s)) on a branch where x'(s) != 0, so that
    near each point y is a function of x. y1 = dy/dx and y2 = d^2y/dx^2 are computed from the
    parametrisation (dy/ds / dx/ds, and once more), independently of implicit differentiation;
    Dx(e) is the total x-derivative of an expression e(x(s), y(s))."""

    def __init__(self, xs, ys, s):
        self.s = s
        self.x, self.y = xs, ys
        self.xd = sp.diff(xs, s)
        self.y1 = sp.diff(ys, s) / self.xd
        self.y2 = sp.diff(self.y1, s) / self.xd

    def Dx(self, e):
        return sp.diff(e, self.s) / self.xd

    def at(self, e, value):
        return sp.simplify(e.subs(self.s, value))


def rational(text):
    """A decimal written in a document, as an exact rational."""
    return sp.Rational(text)


def INT_vec(name, n):
    """Positive integer symbols name_1 .. name_n (counts); sampled in 1..8."""
    out = []
    for k in range(1, n + 1):
        nm = "%s_%d" % (name, k)
        if nm not in _cache:
            _cache[nm] = sp.Symbol(nm, integer=True, positive=True)
        out.append(_cache[nm])
    return out
