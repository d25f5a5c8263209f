"""Independent SymPy verification of every '=' link in corpus_ml.
Each document's displays are re-encoded by hand as lists of SymPy expressions.
A link is 'holds' if equal in every context (all sizes n=1..4, all index relations)."""
import random, sys, json
import sympy as sp

random.seed(7)
exp, log, sqrt, pi = sp.exp, sp.log, sp.sqrt, sp.pi
def sig(t): return 1/(1+exp(-t))
def delta(i, j): return 1 if i == j else 0

def equal(a, b):
    a, b = sp.sympify(a), sp.sympify(b)
    d = a - b
    try:
        if sp.simplify(d) == 0:
            return True
    except Exception:
        pass
    syms = sorted(d.free_symbols, key=str)
    for _ in range(6):
        sub = {s: sp.Float(random.uniform(0.3, 1.7), 30) for s in syms}
        v = d.subs(sub).evalf(30)
        if not v.is_number:
            v = sp.N(v, 30)
        try:
            if abs(complex(v)) > 1e-15 * (1 + abs(complex(a.subs(sub).evalf(30)))):
                return False
        except TypeError:
            return False
    return True

DOCS = {}
def doc(name):
    def reg(f): DOCS[name] = f; return f
    return reg

# chain = list of (kind, expr); kind describes the link INTO this expr ('id', 'def', 'hyp'); first kind None

# ---------------- softmax Jacobian ----------------
def softmax_ctx():
    for K in range(1, 5):
        for i in range(K):
            for j in range(K):
                yield dict(K=K, i=i, j=j)

def sm(K):
    z = sp.symbols(f'z0:{K}', real=True)
    E = [exp(zk) for zk in z]; S = sum(E); s = [e/S for e in E]
    return z, E, S, s

@doc('softmax_jacobian_notes.tex')
def _(c, planted):
    K, i, j = c['K'], c['i'], c['j']
    z, E, S, s = sm(K)
    ch = []
    ch.append([(None, s[i]), ('def', s[i]), ('def', E[i]/S)])
    ch.append([(None, sp.diff(s[i], z[i])), ('id', (E[i]*S - E[i]*E[i])/S**2),
               ('id', E[i]/S*(S - E[i])/S), ('id', s[i]*(1 - s[i]))])
    if i != j:   # chain stated for j != i
        ch.append([(None, sp.diff(s[i], z[j])), ('id', (0*S - E[i]*E[j])/S**2),
                   ('id', -E[i]/S*E[j]/S), ('id', -s[i]*s[j])])
    else:
        ch.append(None)
    mid = s[i]*(delta(i, i) - s[j]) if planted else s[i]*(delta(i, j) - s[j])
    ch.append([(None, sp.diff(s[i], z[j])), ('id', mid), ('id', s[i]*delta(i, j) - s[i]*s[j])])
    return ch

@doc('softmax_jacobian_blog.md')
def _(c, planted):
    K, i, j = c['K'], c['i'], c['j']
    z, E, S, s = sm(K)
    d = delta(i, j)
    third = d*s[i] + s[i]*s[j] if planted else d*s[i] - s[i]*s[j]
    return [
        [(None, sp.diff(E[i], z[j])), ('id', d*E[i])],
        [(None, s[i]), ('def', E[i]/S)],
        [(None, sp.diff(s[i], z[j])), ('id', (d*E[i]*S - E[i]*E[j])/S**2),
         ('id', d*E[i]/S - E[i]/S*E[j]/S), ('id', third), ('id', s[i]*(d - s[j]))],
        [(None, sum(sp.diff(s[ii], z[j]) for ii in range(K))),
         ('id', sum(s[ii]*(delta(ii, j) - s[j]) for ii in range(K))),
         ('id', s[j] - s[j]*sum(s)), ('id', 0)],
    ]

# ---------------- cross-entropy through softmax ----------------
def xent_ctx():
    for K in range(1, 5):
        for j in range(K):
            yield dict(K=K, j=j)

def xent_setup(K):
    z, E, S, s = sm(K)
    yfree = sp.symbols(f'y0:{K-1}', real=True) if K > 1 else ()
    y = list(yfree) + [1 - sum(yfree)]      # hypothesis sum_k y_k = 1
    return z, E, S, s, y

@doc('softmax_xent_notes.tex')
def _(c, planted):
    K, j = c['K'], c['j']
    z, E, S, s, y = xent_setup(K)
    L = -sum(y[k]*log(s[k]) for k in range(K))
    Sy = sum(y)
    e5 = -y[j] + Sy if planted else -y[j] + s[j]*Sy
    return [
        [(None, Sy), ('hyp', 1)],
        [(None, L), ('def', L)],
        [(None, sp.diff(L, z[j])),
         ('id', -sum(y[k]*sp.diff(log(s[k]), z[j]) for k in range(K))),
         ('id', -sum(y[k]/s[k]*sp.diff(s[k], z[j]) for k in range(K))),
         ('id', -sum(y[k]/s[k]*s[k]*(delta(k, j) - s[j]) for k in range(K))),
         ('id', -sum(y[k]*delta(k, j) for k in range(K)) + s[j]*Sy),
         ('id', e5),
         ('id', s[j] - y[j])],
    ]

@doc('softmax_xent_answer.md')
def _(c, planted):
    K, j = c['K'], c['j']
    z, E, S, s, y = xent_setup(K)
    yh = s
    l = -sum(y[k]*log(yh[k]) for k in range(K))
    others = [k for k in range(K) if k != j]
    inner = (lambda k: -yh[k]*yh[k]) if planted else (lambda k: -yh[k]*yh[j])
    return [
        [(None, l), ('def', l)],
        [(None, yh[0]), ('def', E[0]/S)],
        [(None, sp.diff(l, z[j])),
         ('id', -y[j]/yh[j]*sp.diff(yh[j], z[j]) - sum(y[k]/yh[k]*sp.diff(yh[k], z[j]) for k in others)),
         ('id', -y[j]/yh[j]*yh[j]*(1 - yh[j]) - sum(y[k]/yh[k]*inner(k) for k in others)),
         ('id', -y[j] + y[j]*yh[j] + yh[j]*sum(y[k] for k in others)),
         ('id', -y[j] + yh[j]*sum(y))],
        [(None, sp.diff(l, z[j])), ('id', -y[j] + yh[j]), ('id', yh[j] - y[j])],
    ]

# ---------------- logistic regression ----------------
w, x, b, y, t = sp.symbols('w x b y t', real=True)
@doc('logreg_grad_pset.tex')
def _(c, planted):
    s_ = sig(w*x + b)
    L = -(y*log(s_) + (1 - y)*log(1 - s_))
    br = -(y/s_ - (1 - y)/(1 - s_))
    e2 = br*s_*(1 - s_) if planted else br*s_*(1 - s_)*x
    return [
        [(None, L), ('def', L)],
        [(None, sp.diff(sig(t), t)), ('id', sp.diff((1 + exp(-t))**-1, t)),
         ('id', exp(-t)/(1 + exp(-t))**2), ('id', 1/(1 + exp(-t))*exp(-t)/(1 + exp(-t))),
         ('id', sig(t)*(1 - sig(t)))],
        [(None, sp.diff(L, w)), ('id', br*sp.diff(s_, w)), ('id', e2),
         ('id', -(y*(1 - s_) - (1 - y)*s_)*x), ('id', (s_ - y)*x)],
        [(None, sp.diff(L, b)), ('id', br*s_*(1 - s_)), ('id', s_ - y)],
    ]

zeta_ = sp.Symbol('zeta_', real=True)
@doc('logreg_grad_blog.md')
def _(c, planted):
    n = c['n']
    z = w*x + b
    l = -y*log(sig(z)) - (1 - y)*log(1 - sig(z))
    xs = sp.symbols(f'x1:{n+1}', real=True); ys = sp.symbols(f'y1:{n+1}', real=True)
    li = [-ys[i]*log(sig(w*xs[i] + b)) - (1 - ys[i])*log(1 - sig(w*xs[i] + b)) for i in range(n)]
    J = sp.Rational(1, n)*sum(li)
    return [
        [(None, z), ('def', z)],
        [(None, sig(z)), ('def', sig(z)), ('id', 1/(1 + exp(-z)))],
        [(None, l), ('def', l)],
        [(None, l), ('id', y*log(1 + exp(-z)) + (1 - y)*(z + log(1 + exp(-z)))),
         ('id', log(1 + exp(-z)) + z - y*z), ('id', log(1 + exp(z)) - y*z)],
        [(None, sp.diff(l, w)), ('id', sp.diff(-y*log(sig(zeta_)) - (1 - y)*log(1 - sig(zeta_)), zeta_).subs(zeta_, z)*sp.diff(z, w)),
         ('id', (exp(z)/(1 + exp(z)) - y)*x), ('id', (sig(w*x + b) - y)*x)],
        [(None, sp.diff(l, b)), ('id', exp(z)/(1 + exp(z)) - y), ('id', sig(w*x + b) - y)],
        [(None, sp.diff(J, w)), ('id', sp.Rational(1, n)*sum(sp.diff(q, w) for q in li)),
         ('id', sp.Rational(1, n)*sum((sig(w*xs[i] + b) - ys[i])*xs[i] for i in range(n)))],
    ]

def n_ctx():
    for n in range(1, 5):
        yield dict(n=n)

# ---------------- least squares ----------------
th = sp.Symbol('theta', real=True)
@doc('least_squares_notes.tex')
def _(c, planted):
    n = c['n']
    xs = sp.symbols(f'x1:{n+1}', real=True); ys = sp.symbols(f'y1:{n+1}', real=True)
    J = sum((ys[i] - th*xs[i])**2 for i in range(n))
    g = -2*sum(xs[i]*ys[i] for i in range(n)) + 2*th*sum(xs[i]**2 for i in range(n))
    thhat = sum(xs[i]*ys[i] for i in range(n))/sum(xs[i]**2 for i in range(n))
    assert sp.simplify(g.subs(th, thhat)) == 0   # theta-hat is the root of the gradient
    return [
        [(None, J), ('def', J)],
        [(None, sp.diff(J, th)), ('id', sum(sp.diff((ys[i] - th*xs[i])**2, th) for i in range(n))),
         ('id', sum(2*(ys[i] - th*xs[i])*(-xs[i]) for i in range(n))), ('id', g)],
        [(None, thhat), ('def', thhat)],
        [(None, sp.diff(J, th, 2)), ('id', sp.diff(g, th)), ('id', 2*sum(xs[i]**2 for i in range(n)))],
    ]

@doc('least_squares_blog.md')
def _(c, planted):
    m = c['n']
    xs = sp.symbols(f'x1:{m+1}', real=True); ys = sp.symbols(f'y1:{m+1}', real=True)
    h = lambda xx: th*xx
    J = sp.Rational(1, 2*m)*sum((h(xs[i]) - ys[i])**2 for i in range(m))
    f = 1 if planted else 2
    return [
        [(None, J), ('def', J)],
        [(None, sp.diff(J, th)),
         ('id', sp.Rational(1, 2*m)*sum(f*(h(xs[i]) - ys[i])*sp.diff(h(xs[i]), th) for i in range(m))),
         ('id', sp.Rational(1, m)*sum((th*xs[i] - ys[i])*xs[i] for i in range(m))),
         ('id', sp.Rational(1, m)*(th*sum(xs[i]**2 for i in range(m)) - sum(xs[i]*ys[i] for i in range(m))))],
    ]

# ---------------- Gaussian likelihood ----------------
mu = sp.Symbol('mu', real=True); sg = sp.Symbol('sigma', positive=True)
def gx(n): return sp.symbols(f'x1:{n+1}', real=True)

@doc('gauss_mu_notes.tex')
def _(c, planted):
    n = c['n']; xs = gx(n)
    ell = sum(log(1/(sqrt(2*pi)*sg)*exp(-(xi - mu)**2/(2*sg**2))) for xi in xs)
    closed = -sp.Rational(n, 2)*log(2*pi) - n*log(sg) - 1/(2*sg**2)*sum((xi - mu)**2 for xi in xs)
    xbar = sp.Rational(1, n)*sum(xs)
    e2 = (-1 if planted else 1)/sg**2*sum(xi - mu for xi in xs)
    return [
        [(None, ell), ('def', ell), ('id', closed)],
        [(None, xbar), ('def', xbar)],
        [(None, sp.diff(closed, mu)), ('id', -1/(2*sg**2)*sum(2*(xi - mu)*(-1) for xi in xs)),
         ('id', e2), ('id', 1/sg**2*(sum(xs) - n*mu)), ('id', n/sg**2*(xbar - mu))],
    ]

@doc('gauss_mu_blog.md')
def _(c, planted):
    n = c['n']; xs = gx(n)
    lL = -sp.Rational(n, 2)*log(2*pi*sg**2) - sum((xi - mu)**2/(2*sg**2) for xi in xs)
    return [
        [(None, lL), ('def', lL)],
        [(None, sp.diff(lL, mu)), ('id', -sum(2*(xi - mu)*(-1)/(2*sg**2) for xi in xs)),
         ('id', sum((xi - mu)/sg**2 for xi in xs)), ('id', 1/sg**2*sum(xs) - n*mu/sg**2)],
        [(None, sp.Rational(1, n)*sum(xs)), ('def', sp.Rational(1, n)*sum(xs))],
    ]

@doc('gauss_sigma_pset.tex')
def _(c, planted):
    n = c['n']; xs = gx(n)
    Q = sum((xi - mu)**2 for xi in xs)
    ell = -sp.Rational(n, 2)*log(2*pi) - n*log(sg) - 1/(2*sg**2)*Q
    return [
        [(None, ell), ('def', ell), ('def', ell)],
        [(None, sp.diff(ell, sg)), ('id', sp.diff(ell, sg)),
         ('id', -n/sg - sp.Rational(1, 2)*(-2)*sg**-3*Q), ('id', -n/sg + Q/sg**3),
         ('id', 1/sg**3*(Q - n*sg**2))],
    ]

@doc('gauss_sigma_answer.md')
def _(c, planted):
    n = c['n']; xs = gx(n)
    ell = sum(-log(sg) - sp.Rational(1, 2)*log(2*pi) - (xi - mu)**2/(2*sg**2) for xi in xs)
    p = 2 if planted else 3
    Q = sum((xi - mu)**2 for xi in xs)
    xbar = sum(xs)/n
    return [
        [(None, ell), ('def', ell)],
        [(None, sp.diff(ell, sg)), ('id', sum(-1/sg + (xi - mu)**2/sg**p for xi in xs)),
         ('id', -n/sg + Q/sg**3)],
        [(None, sum((xi - xbar)**2 for xi in xs)/n), ('def', sum((xi - xbar)**2 for xi in xs)/n)],
        [(None, sp.diff(ell, sg, 2)), ('id', n/sg**2 - 3/sg**4*Q)],
    ]

# ---------------- expectations: moment algebra ----------------
X, Y = sp.symbols('X Y')
a_, b_, c_, d_ = sp.symbols('a b c d', real=True)
def Ex(expr):
    """Linear expectation: expand polynomial in X, Y and map X^p Y^q to moment symbols."""
    expr = sp.expand(expr)
    poly = sp.Poly(expr, X, Y)
    out = 0
    for (p, q), coef in poly.terms():
        out += coef*(1 if p == q == 0 else sp.Symbol(f'm_X{p}Y{q}'))
    return out
def Var(U): return Ex((U - Ex(U))**2)
def Cov(U, V): return Ex((U - Ex(U))*(V - Ex(V)))
one_ctx = lambda: iter([dict()])

@doc('variance_notes.tex')
def _(c, planted):
    m1 = Ex(X)
    U = a_*X + b_
    return [
        [(None, Var(X)), ('id', Ex((X - m1)**2)), ('id', Ex(X**2 - 2*X*m1 + m1**2)),
         ('id', Ex(X**2) - 2*m1*m1 + m1**2), ('id', Ex(X**2) - m1**2)],
        [(None, Var(U)), ('id', Ex(U**2) - Ex(U)**2),
         ('id', a_**2*Ex(X**2) + 2*a_*b_*m1 + b_**2 - (a_*m1 + b_)**2),
         ('id', a_**2*Ex(X**2) - a_**2*m1**2), ('id', a_**2*Var(X))],
    ]

@doc('variance_blog.md')
def _(c, planted):
    m = Ex(X)
    f = 1 if planted else 2
    return [
        [(None, Var(X)), ('id', Ex((X - m)**2)), ('id', Ex(X**2 - 2*m*X + m**2)),
         ('id', Ex(X**2) - f*m*Ex(X) + m**2), ('id', Ex(X**2) - 2*m**2 + m**2),
         ('id', Ex(X**2) - Ex(X)**2)],
    ]

@doc('covariance_notes.tex')
def _(c, planted):
    mX, mY = Ex(X), Ex(Y)
    last = 0 if planted else -mY**2
    return [
        [(None, Cov(X, Y)), ('id', Ex((X - mX)*(Y - mY))), ('id', Ex(X*Y - X*mY - mX*Y + mX*mY)),
         ('id', Ex(X*Y) - mX*mY - mX*mY + mX*mY), ('id', Ex(X*Y) - mX*mY)],
        [(None, Var(X + Y)), ('id', Ex((X + Y)**2) - (mX + mY)**2),
         ('id', Ex(X**2) + 2*Ex(X*Y) + Ex(Y**2) - mX**2 - 2*mX*mY + last),
         ('id', Var(X) + Var(Y) + 2*Cov(X, Y))],
    ]

@doc('covariance_answer.md')
def _(c, planted):
    mX, mY = Ex(X), Ex(Y)
    return [
        [(None, Cov(a_*X + b_, c_*Y + d_)), ('id', Ex((a_*X + b_)*(c_*Y + d_)) - Ex(a_*X + b_)*Ex(c_*Y + d_)),
         ('id', a_*c_*Ex(X*Y) + a_*d_*mX + b_*c_*mY + b_*d_ - (a_*mX + b_)*(c_*mY + d_)),
         ('id', a_*c_*Ex(X*Y) - a_*c_*mX*mY), ('id', a_*c_*Cov(X, Y))],
        [(None, Cov(X, X)), ('id', Ex(X*X) - mX*mX), ('id', Ex(X**2) - mX**2), ('id', Var(X))],
    ]

# ---------------- backprop through one neuron ----------------
@doc('backprop_neuron_notes.tex')
def _(c, planted):
    zs, as_ = sp.symbols('zeta alpha', real=True)     # stand-ins to take local partials
    z = w*x + b; a = sig(z); L = sp.Rational(1, 2)*(a - y)**2
    dLda = sp.diff(sp.Rational(1, 2)*(as_ - y)**2, as_).subs(as_, a)
    dadz = sp.diff(sig(zs), zs).subs(zs, z)
    dzdw = sp.diff(z, w); dzdb = sp.diff(z, b)
    factor = (1 + sig(z)) if planted else (1 - sig(z))
    delta_ = sp.diff(sp.Rational(1, 2)*(sig(zs) - y)**2, zs).subs(zs, z)
    return [
        [(None, z), ('def', z)], [(None, a), ('def', a)], [(None, L), ('def', L)],
        [(None, sp.diff(L, w)), ('id', dLda*dadz*dzdw), ('id', (a - y)*sig(z)*factor*x),
         ('id', (a - y)*a*(1 - a)*x)],
        [(None, delta_), ('def', delta_), ('id', dLda*dadz), ('id', (a - y)*a*(1 - a))],
        [(None, sp.diff(L, b)), ('id', dLda*dadz*dzdb), ('id', delta_*1), ('id', (a - y)*a*(1 - a))],
    ]

@doc('backprop_neuron_blog.md')
def _(c, planted):
    w1, w2, x1, x2, zs, yh_ = sp.symbols('w1 w2 x1 x2 zeta yhat_', real=True)
    z = w1*x1 + w2*x2 + b; yh = sig(z); L = (yh - y)**2
    dLdyh = sp.diff((yh_ - y)**2, yh_).subs(yh_, yh)
    dyhdz = sp.diff(sig(zs), zs).subs(zs, z)
    return [
        [(None, z), ('def', z)], [(None, yh), ('def', sig(z)), ('def', 1/(1 + exp(-z)))],
        [(None, sp.diff(sig(zs), zs)), ('id', exp(-zs)/(1 + exp(-zs))**2), ('id', sig(zs)*(1 - sig(zs)))],
        [(None, sp.diff(L, w1)), ('id', dLdyh*dyhdz*sp.diff(z, w1))],
        [(None, dLdyh), ('id', 2*(yh - y))],
        [(None, dyhdz), ('id', yh*(1 - yh))],
        [(None, sp.diff(z, w1)), ('id', x2 if planted else x1)],
        [(None, sp.diff(L, w1)), ('id', 2*(yh - y)*yh*(1 - yh)*x1)],
        [(None, sp.diff(L, w2)), ('id', 2*(yh - y)*yh*(1 - yh)*x2)],
        [(None, sp.diff(L, b)), ('id', 2*(yh - y)*yh*(1 - yh))],
    ]

# ---------------- definite integrals ----------------
th_ = sp.Symbol('theta'); xx = sp.Symbol('x')
@doc('integral_notes.tex')
def _(c, planted):
    Z = sp.integrate(th_**2*(1 - th_), (th_, 0, 1))
    F = th_**3/3 - th_**4/4
    Epost = 1/Z*sp.integrate(th_*th_**2*(1 - th_), (th_, 0, 1))
    return [
        [(None, Z), ('def', sp.integrate(th_**2*(1 - th_), (th_, 0, 1))),
         ('id', sp.integrate(th_**2 - th_**3, (th_, 0, 1))), ('id', F.subs(th_, 1) - F.subs(th_, 0)),
         ('id', sp.Rational(1, 3) - sp.Rational(1, 4)), ('id', sp.Rational(1, 12))],
        [(None, Epost), ('def', Epost), ('id', 12*(sp.Rational(1, 4) - sp.Rational(1, 5))),
         ('id', sp.Rational(12, 20)), ('id', sp.Rational(3, 5))],
    ]

@doc('integral_blog.md')
def _(c, planted):
    I = sp.integrate(xx*exp(-xx), (xx, 0, 1))
    uv = lambda F: F.subs(xx, 1) - F.subs(xx, 0)
    e3 = -exp(-1) + exp(-1) + 1 if planted else -exp(-1) - exp(-1) + 1
    Is = sp.Integral(sig(xx)*(1 - sig(xx)), (xx, 0, 1)).evalf(30)
    return [
        [(None, I), ('id', uv(-xx*exp(-xx)) + sp.integrate(exp(-xx), (xx, 0, 1))),
         ('id', -exp(-1) + uv(-exp(-xx))), ('id', e3), ('id', 1 - 2/sp.E)],
        [(None, Is), ('id', sig(1) - sig(0)), ('id', 1/(1 + exp(-1)) - sp.Rational(1, 2))],
    ]

# ---------------- series partial sum ----------------
k = sp.Symbol('k', integer=True, positive=True)
def series_ctx():
    yield dict(n=sp.Symbol('n', integer=True, positive=True))
    for n in range(1, 5):
        yield dict(n=sp.Integer(n))

@doc('series_sum_notes.tex')
def _(c, planted):
    n = c['n']; S = lambda lo, hi, f: sp.summation(f, (k, lo, hi))
    e2 = n*(n + 1)/2 + (n + 1)**2 if planted else n*(n + 1)/2 + (n + 1)
    return [
        [(None, 2*S(1, n, k)), ('id', S(1, n, k) + S(1, n, n + 1 - k)), ('id', S(1, n, n + 1)),
         ('id', n*(n + 1))],
        [(None, S(1, n, k)), ('id', n*(n + 1)/2)],
        [(None, S(1, n + 1, k)), ('id', S(1, n, k) + (n + 1)), ('id', e2), ('id', (n + 1)*(n + 2)/2)],
    ]

@doc('series_sum_answer.md')
def _(c, planted):
    n = c['n']; S = lambda f: sp.summation(f, (k, 1, n))
    return [
        [(None, (n + 1)**2 - 1), ('id', S((k + 1)**2 - k**2)), ('id', S(2*k + 1)), ('id', 2*S(k) + n)],
        [(None, S(k)), ('id', ((n + 1)**2 - 1 - n)/2), ('id', (n**2 + n)/2), ('id', n*(n + 1)/2)],
        [(None, S(k)/n), ('id', (n + 1)/2)],
    ]

CTX = {
    'softmax_jacobian_notes.tex': softmax_ctx, 'softmax_jacobian_blog.md': softmax_ctx,
    'softmax_xent_notes.tex': xent_ctx, 'softmax_xent_answer.md': xent_ctx,
    'logreg_grad_pset.tex': one_ctx, 'logreg_grad_blog.md': n_ctx,
    'least_squares_notes.tex': n_ctx, 'least_squares_blog.md': n_ctx,
    'gauss_mu_notes.tex': n_ctx, 'gauss_mu_blog.md': n_ctx,
    'gauss_sigma_pset.tex': n_ctx, 'gauss_sigma_answer.md': n_ctx,
    'variance_notes.tex': one_ctx, 'variance_blog.md': one_ctx,
    'covariance_notes.tex': one_ctx, 'covariance_answer.md': one_ctx,
    'backprop_neuron_notes.tex': one_ctx, 'backprop_neuron_blog.md': one_ctx,
    'integral_notes.tex': one_ctx, 'integral_blog.md': one_ctx,
    'series_sum_notes.tex': series_ctx, 'series_sum_answer.md': series_ctx,
}

def run(name, planted):
    res = {}   # (chain, link) -> [holds_all, kind]
    for c in CTX[name]():
        for ci, ch in enumerate(DOCS[name](c, planted)):
            if ch is None:
                continue
            for li in range(1, len(ch)):
                key = (ci, li)
                ok = equal(ch[li-1][1], ch[li][1])
                if key not in res:
                    res[key] = [True, ch[li][0], []]
                if not ok:
                    res[key][0] = False
                    res[key][2].append(c)
    return res

if __name__ == '__main__':
    out = {}
    names = sys.argv[1:] or list(DOCS)
    for name in names:
        for planted in (False, True):
            r = run(name, planted)
            bad = [(k, v[1], [{kk: str(vv) for kk, vv in cc.items()} for cc in v[2][:2]]) for k, v in sorted(r.items()) if not v[0]]
            out[f"{name}{' PLANTED' if planted else ''}"] = dict(links=len(r), failing=bad)
            print(name, 'PLANTED' if planted else 'correct', 'links', len(r), 'failing', bad)
    json.dump({k: dict(links=v['links'], failing=[list(map(str, f[0])) for f in v['failing']]) for k, v in out.items()},
              open('/tmp/corpus_ml_verify_out.json', 'w'), indent=1)
