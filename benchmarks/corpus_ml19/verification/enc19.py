"""SymPy encodings of every display chain of the corpus_ml19 documents.

Each document maps to a list of chains; a chain is a list of SymPy expressions e0, e1, ..., one per
side of the `=` signs of one display, in order, so the links are e0 = e1, e1 = e2, ...  Unknown
functions (g, ell, f, Omega, sigma, ...) are sympy Function objects; `concrete` lists substitutes
used for the numerical check (and for the planted copies' counterexamples). `planted` gives
(chain index, expression index, wrong expression).  Context: `sizes` loops over the symbolic
number of terms (n, d, m) where the document has one.
"""
import sympy as sp
from sympy import Function, Lambda, Subs, Derivative, symbols, exp, sin, cos, tanh, log, sqrt, Rational

u = sp.Symbol('u')


def D(f, at, n=1):
    """f^(n) evaluated at `at`, as an unevaluated Subs (SymPy's own form for f'(expr))."""
    t = sp.Dummy('t')
    return Subs(Derivative(f(t), (t, n)), t, at)


# ---------------------------------------------------------------- backprop_neuron_lecture.tex
def enc_backprop():
    g, ell = Function('g'), Function('ell')
    x, w, b, y, w1, w2, z1, z2 = symbols('x w b y w1 w2 z1 z2', real=True)
    z = w * x + b
    a = g(z)
    L = ell(g(z))
    chains = []
    chains.append(('def', [L, ell(g(w * x + b))]))
    chains.append(('id', [sp.diff(L, w), D(ell, a) * D(g, z) * x, D(ell, a) * D(g, z) * x,
                          D(ell, g(w * x + b)) * D(g, w * x + b) * x]))
    chains.append(('id', [sp.diff(L, b), D(ell, a) * D(g, z)]))
    # delta_2 = dL/dz2 with L = ell(g(z2))
    L2 = ell(g(z2))
    chains.append(('def', [sp.diff(L2, z2), sp.diff(L2, z2), D(ell, g(z2)) * D(g, z2)]))
    # delta_1 = dL/dz1 with z2 = w2 g(z1)
    L1 = ell(g(w2 * g(z1)))
    delta2 = (D(ell, g(z2)) * D(g, z2)).subs(z2, w2 * g(z1))
    chains.append(('def', [sp.diff(L1, z1), sp.diff(L1, z1), delta2 * w2 * D(g, z1)]))
    # dL/dw1, two layers
    Z1 = w1 * x
    Z2 = w2 * g(Z1)
    A2 = g(Z2)
    Lw = ell(g(w2 * g(w1 * x)))
    right = D(ell, A2) * D(g, Z2) * w2 * D(g, Z1) * x
    chains.append(('id', [sp.diff(Lw, w1), right,
                          D(ell, g(w2 * g(w1 * x))) * D(g, w2 * g(w1 * x)) * w2 * D(g, w1 * x) * x]))
    wrong = D(ell, A2) * D(g, Z2) * w2 * x
    # concrete: g = tanh, squared loss
    at = tanh(z)
    chains.append(('id', [sp.diff((tanh(z) - y) ** 2 / 2, w), (at - y) * (1 - at ** 2) * x]))
    concrete = [{g: Lambda(u, sin(u) + u ** 3), ell: Lambda(u, exp(u / 3) + u ** 2)},
                {g: Lambda(u, tanh(u)), ell: Lambda(u, log(1 + exp(-u)) + u ** 3 / 5)}]
    return dict(chains=chains, concrete=concrete, planted=(5, 1, wrong), domain={})


# ---------------------------------------------------------------- quotient_rule_forum.md
def enc_quotient():
    f, g, k = Function('f'), Function('g'), Function('k')
    x = sp.Symbol('x', real=True)
    F, G = f(x), g(x)
    chains = []
    chains.append(('id', [sp.diff(F * G, x), D(f, x) * G + F * D(g, x)]))
    chains.append(('id', [sp.diff(F / G, x), sp.diff(F * (1 / G), x),
                          D(f, x) / G + F * (-D(g, x) / G ** 2),
                          (D(f, x) * G - F * D(g, x)) / G ** 2]))
    wrong = D(f, x) / G + F * (D(g, x) / G ** 2)
    h = f(x ** 2) / G
    chains.append(('id', [sp.diff(h, x), (sp.diff(f(x ** 2), x) * G - f(x ** 2) * D(g, x)) / G ** 2,
                          (2 * x * D(f, x ** 2) * G - f(x ** 2) * D(g, x)) / G ** 2]))
    chains.append(('id', [sp.diff(h, x) / h, sp.diff(log(h), x), sp.diff(log(f(x ** 2)) - log(G), x),
                          2 * x * D(f, x ** 2) / f(x ** 2) - D(g, x) / G]))
    chains.append(('id', [sp.diff(f(g(k(x))), x), D(f, g(k(x))) * D(g, k(x)) * D(k, x)]))
    # substitutes are positive where logs are taken (second answer assumes f, g > 0)
    concrete = [{f: Lambda(u, exp(u / 3) + u ** 2), g: Lambda(u, 2 + sin(u)), k: Lambda(u, u ** 3 + cos(u))},
                {f: Lambda(u, 1 + u ** 4 + exp(-u)), g: Lambda(u, exp(u) + u ** 2 + 1), k: Lambda(u, sin(2 * u) + u)}]
    return dict(chains=chains, concrete=concrete, planted=(1, 2, wrong), domain={})


# ---------------------------------------------------------------- penalised_objective_exam.tex
def enc_penalised(n, d):
    ell, Om = Function('ell'), Function('Omega')
    lam = sp.Symbol('lambda', positive=True)
    X = sp.Matrix(n, d, lambda i, j: sp.Symbol('x_%d%d' % (i + 1, j + 1), real=True))
    yv = sp.Matrix(n, 1, lambda i, j: sp.Symbol('y_%d' % (i + 1), real=True))
    wv = sp.Matrix(d, 1, lambda i, j: sp.Symbol('w_%d' % (i + 1), real=True))
    r = [(wv.T * X[i, :].T)[0] - yv[i] for i in range(n)]
    J = sum(ell(ri) for ri in r) + lam * sum(Om(wv[j]) for j in range(d))
    chains = []
    chains.append(('def', [J, sum(ell((wv.T * X[i, :].T)[0] - yv[i]) for i in range(n))
                           + lam * sum(Om(wv[j]) for j in range(d))]))
    wrongs = []
    for kk in range(d):
        wk = wv[kk]
        mid = sum(D(ell, r[i]) * sp.diff(r[i], wk) for i in range(n)) + lam * D(Om, wk)
        chains.append(('id', [sp.diff(J, wk), mid,
                              sum(D(ell, r[i]) * X[i, kk] for i in range(n)) + lam * D(Om, wk)]))
        wrongs.append((len(chains) - 1, 1, sum(D(ell, r[i]) * sp.diff(r[i], wk) for i in range(n))))
    grad = sp.Matrix([sp.diff(J, wv[j]) for j in range(d)])
    lp = sp.Matrix([D(ell, ri) for ri in r])
    Omp = sp.Matrix([D(Om, wv[j]) for j in range(d)])
    chains.append(('vec', [grad, X.T * lp + lam * Omp]))
    for kk in range(d):
        wk = wv[kk]
        chains.append(('id', [sp.diff(J, wk, 2), sum(D(ell, r[i], 2) * X[i, kk] ** 2 for i in range(n))
                              + lam * D(Om, wk, 2)]))
    Jr = J.subs({ell: Lambda(u, u ** 2 / 2), Om: Lambda(u, u ** 2 / 2)}).doit()
    chains.append(('vec', [sp.Matrix([sp.diff(Jr, wv[j]) for j in range(d)]), X.T * (X * wv - yv) + lam * wv]))
    uu, eps = sp.Symbol('u', real=True), sp.Symbol('epsilon', positive=True)
    chains.append(('id', [sp.diff(sqrt(uu ** 2 + eps ** 2), uu),
                          Rational(1, 2) * (uu ** 2 + eps ** 2) ** Rational(-1, 2) * 2 * uu,
                          uu / sqrt(uu ** 2 + eps ** 2)]))
    concrete = [{ell: Lambda(u, exp(u / 3) + u ** 2), Om: Lambda(u, sin(u) + u ** 3)},
                {ell: Lambda(u, log(1 + exp(u))), Om: Lambda(u, sqrt(1 + u ** 2))}]
    return dict(chains=chains, concrete=concrete, planted_all=wrongs, domain={})


# ---------------------------------------------------------------- change_of_variables_blog.md
def enc_cov(T, S, ydom):
    """T, S: a concrete increasing map and its inverse (Lambdas); F (the cdf of X) stays generic."""
    F = Function('F')
    y = sp.Symbol('y', real=True)
    p = lambda at: D(F, at)             # p_X = F_X'
    Tp = lambda at: D(T, at)
    Tpp = lambda at: D(T, at, 2)
    Sy = S(y)
    chains = []
    # events {T(X) <= y} = {X <= S(y)}: all four sides are F(S(y)); the monotonicity is checked separately
    chains.append(('def', [F(S(y)), F(S(y)), F(S(y)), F(S(y))]))
    chains.append(('id', [Tp(Sy) * sp.diff(Sy, y), sp.diff(T(Sy), y), sp.Integer(1)]))
    pY = sp.diff(F(Sy), y)
    chains.append(('id', [pY, sp.diff(F(Sy), y), p(Sy) * sp.diff(Sy, y), p(Sy) / Tp(Sy)]))
    chains.append(('id', [log(pY), log(p(Sy)) - log(Tp(Sy))]))
    chains.append(('id', [sp.diff(Sy, y, 2), sp.diff(Tp(Sy) ** -1, y),
                          -Tp(Sy) ** -2 * Tpp(Sy) * sp.diff(Sy, y), -Tpp(Sy) / Tp(Sy) ** 3]))
    wrong = -Tp(Sy) ** -1 * Tpp(Sy) * sp.diff(Sy, y)
    concrete = [{F: Lambda(u, 1 / (1 + exp(-u)))}, {F: Lambda(u, (1 + sp.erf(u / sqrt(2))) / 2)}]
    return dict(chains=chains, concrete=concrete, planted=(4, 2, wrong), domain={'y': ydom}, y=y)


COV_MAPS = [  # (name, T, S = T^{-1}, domain of y)
    ('sinh', Lambda(u, sp.sinh(u)), Lambda(u, sp.asinh(u)), (-3, 3)),
    ('u+exp(u)', Lambda(u, u + exp(u)), Lambda(u, u - sp.LambertW(exp(u))), (-2, 4)),
    ('exp', Lambda(u, exp(u)), Lambda(u, log(u)), (0.2, 5)),
]


# ---------------------------------------------------------------- two_layer_net_notebook.md
def enc_twolayer(m):
    sig, ell = Function('sigma'), Function('ell')
    x, c = symbols('x c', real=True)
    v = symbols('v1:%d' % (m + 1), real=True)
    w = symbols('w1:%d' % (m + 1), real=True)
    b = symbols('b1:%d' % (m + 1), real=True)
    a = [w[j] * x + b[j] for j in range(m)]
    yhat = sum(v[j] * sig(a[j]) for j in range(m)) + c
    L = ell(yhat)
    chains = [('def', [yhat, sum(v[j] * sig(w[j] * x + b[j]) for j in range(m)) + c])]
    for j in range(m):
        chains.append(('id', [sp.diff(L, v[j]), D(ell, yhat) * sig(a[j])]))
        chains.append(('id', [sp.diff(L, w[j]), D(ell, yhat) * v[j] * D(sig, a[j]) * x,
                              D(ell, yhat) * v[j] * D(sig, a[j]) * x]))
        chains.append(('id', [sp.diff(L, b[j]), D(ell, yhat) * v[j] * D(sig, a[j])]))
    dlda = [D(ell, yhat) * v[j] * D(sig, a[j]) for j in range(m)]
    chains.append(('id', [sp.diff(L, x), sum(dlda[j] * w[j] for j in range(m)),
                          sum(D(ell, yhat) * v[j] * D(sig, a[j]) * w[j] for j in range(m)),
                          D(ell, yhat) * sum(v[j] * w[j] * D(sig, a[j]) for j in range(m))]))
    wrong = sum(D(ell, yhat) * v[j] * D(sig, a[j]) for j in range(m))
    A = sp.Symbol('a', real=True)
    s = 1 / (1 + exp(-A))
    chains.append(('id', [sp.diff(s, A), exp(-A) / (1 + exp(-A)) ** 2,
                          1 / (1 + exp(-A)) * exp(-A) / (1 + exp(-A)), s * (1 - s)]))
    concrete = [{sig: Lambda(u, sin(u) + u ** 3), ell: Lambda(u, exp(u / 3) + u ** 2)},
                {sig: Lambda(u, tanh(u)), ell: Lambda(u, (u - 1) ** 2 / 2 + cos(u))}]
    return dict(chains=chains, concrete=concrete, planted=(len(chains) - 2, 2, wrong), domain={})
