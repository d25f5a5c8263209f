"""Hand encodings of the corpus_ml15 documents of families 1-3 (logistic regression: gradient, Hessian and
Newton's method; Poisson regression with a log link; backpropagation through a scalar RNN and a one-hidden-layer
tanh network).

Every display is a chain of I(anchor, fn) items: `anchor` is the exact LaTeX of the expression in the
document and fn(ctx) its SymPy value in the context ctx. Links whose kind is "def" introduce a name
(counted as definitions in the manifest); all others assert an identity. Derivatives are taken with
sympy.diff of the function the text has written down (the log-likelihood of logistic or Poisson regression
written from the data and the parameters, the unrolled loss of the network), never copied from the document;
Hessians and inverses are built with sympy Matrix operations; optima with sympy.solve. Statements about n
observations, d features, m hidden units are checked for 1..3 (1..4) of them and every index; expectations
over Poisson counts are infinite sums against the probability mass function (summed term by term in the
framework) or polynomial expectations with the Poisson moments E[Y] = mu, E[Y^2] = mu + mu^2.
"""
import sympy as sp

from framework import Chain, Doc, with_plant  # noqa: F401
from helpers import I, R, P  # noqa: F401

DEF = "def"
half = sp.Rational(1, 2)
exp, log, sqrt, tanh, oo = sp.exp, sp.log, sp.sqrt, sp.tanh, sp.oo
Mat = sp.Matrix


def Q(a, b=1):
    return sp.Rational(a, b)


def _fn(v):
    if callable(v):
        return v
    v = sp.sympify(v)
    return lambda c: v


def chain(label, items, kinds=None, ctxs=None, where=None):
    """Chain of (anchor, value) pairs; a value is an expression or a function of the context."""
    return Chain(label, [I(a, _fn(v)) for a, v in items], kinds, ctxs, where)


def S(f, lo, hi):
    """Explicit finite sum f(lo) + ... + f(hi)."""
    return sp.Add(*[f(k) for k in range(lo, hi + 1)])


def sig(t):
    return 1 / (1 + exp(-t))


_syms = {}


def rv(name, n, lo=-1.5, hi=1.5, positive=False):
    """Symbols name_1 .. name_n (cached)."""
    out = []
    for k in range(1, n + 1):
        nm = "%s_%d" % (name, k)
        if nm not in _syms:
            _syms[nm] = P(nm, lo, hi) if positive else R(nm, lo, hi)
        out.append(_syms[nm])
    return out


def rm(name, n, m, lo=-1.5, hi=1.5):
    """Symbols name_i_j, i = 1..n, j = 1..m (list of rows, cached)."""
    rows = []
    for i in range(1, n + 1):
        row = []
        for j in range(1, m + 1):
            nm = "%s_%d_%d" % (name, i, j)
            if nm not in _syms:
                _syms[nm] = R(nm, lo, hi)
            row.append(_syms[nm])
        rows.append(row)
    return rows


def ints(name, n):
    """Positive integer symbols (counts), sampled in 1..8 by the framework."""
    out = []
    for k in range(1, n + 1):
        nm = "%s_%d" % (name, k)
        if nm not in _syms:
            _syms[nm] = sp.Symbol(nm, integer=True, positive=True)
        out.append(_syms[nm])
    return out


def Epoly(expr, moments):
    """Expectation of a polynomial in independent random symbols; moments maps symbol -> (k -> E[X^k])."""
    xs = list(moments)
    expr = sp.expand(expr)
    if not any(expr.has(x) for x in xs):
        return expr
    poly = sp.Poly(expr, *xs)
    out = 0
    for powers, coef in poly.terms():
        term = coef
        for x, p in zip(xs, powers):
            term *= moments[x](p)
        out += term
    return out


def minv(M):
    """Inverse of a 1x1, 2x2 or 3x3 matrix by cofactors, without any simplification (fast on big entries)."""
    n = M.shape[0]
    if n == 1:
        return Mat([[1 / M[0, 0]]])
    if n == 2:
        det = M[0, 0] * M[1, 1] - M[0, 1] * M[1, 0]
        return Mat([[M[1, 1], -M[0, 1]], [-M[1, 0], M[0, 0]]]) / det
    assert n == 3
    cof = Mat(3, 3, lambda i, j: (-1) ** (i + j) * M.minor_submatrix(i, j).det(method="berkowitz"))
    det = sum(M[0, j] * cof[0, j] for j in range(3))
    return cof.T / det


def nd_ctx(pairs, extra=None):
    out = []
    for n, d in pairs:
        if extra is None:
            out.append({"n": n, "d": d})
        else:
            for e in extra(n, d):
                c = {"n": n, "d": d}
                c.update(e)
                out.append(c)
    return out


# ===========================================================================
# family 1: logistic regression
def logistic_hessian_lecture():
    z = R("lz")
    Wv = rv("lw", 3)
    Xs = rm("lx", 3, 3)
    Ys = rv("ly", 3, 0.0, 1.0)
    Vv = rv("lv", 3)
    ND = [(n, d) for n in range(1, 4) for d in range(1, 4)]
    NEWT = [(1, 1), (2, 1), (2, 2), (3, 1), (3, 2)]   # the 3x3 inverse is too slow to evaluate at 30 digits

    def score(c, i):
        return S(lambda k: Wv[k - 1] * Xs[i - 1][k - 1], 1, c["d"])

    def p(c, i):
        return sig(score(c, i))

    def ell(c):
        return S(lambda i: Ys[i - 1] * log(p(c, i)) + (1 - Ys[i - 1]) * log(1 - p(c, i)), 1, c["n"])

    def Xm(c):
        return Mat(c["n"], c["d"], lambda i, k: Xs[i][k])

    def yv(c):
        return Mat(c["n"], 1, lambda i, _: Ys[i])

    def pv(c):
        return Mat(c["n"], 1, lambda i, _: p(c, i + 1))

    def Sm(c):
        return sp.diag(*[p(c, i) * (1 - p(c, i)) for i in range(1, c["n"] + 1)])

    def wv(c):
        return Mat(c["d"], 1, lambda k, _: Wv[k])

    def grad(c):
        return Mat(c["d"], 1, lambda k, _: sp.diff(ell(c), Wv[k]))

    def hess(c):
        return Mat(c["d"], c["d"], lambda j, k: sp.diff(ell(c), Wv[j], Wv[k]))

    def xi(c, i):
        return Mat(c["d"], 1, lambda k, _: Xs[i - 1][k])

    c_nd = nd_ctx(ND)
    c_ndj = nd_ctx(ND, lambda n, d: [{"j": j} for j in range(1, d + 1)])
    c_ndjk = nd_ctx(ND, lambda n, d: [{"j": j, "k": k} for j in range(1, d + 1) for k in range(1, d + 1)])
    c_newt = nd_ctx(NEWT)

    ch = []
    ch.append(chain("sigma", [(r"\sigma(z)", sig(z)), (r"\frac{1}{1 + e^{-z}}", 1 / (1 + exp(-z)))], DEF))
    ch.append(chain("dsigma", [
        (r"\sigma'(z)", sp.diff(sig(z), z)),
        (r"\frac{e^{-z}}{(1 + e^{-z})^2}", exp(-z) / (1 + exp(-z)) ** 2),
        (r"\frac{1}{1 + e^{-z}}\cdot\frac{e^{-z}}{1 + e^{-z}}", 1 / (1 + exp(-z)) * exp(-z) / (1 + exp(-z))),
        (r"\sigma(z)\bigl(1 - \sigma(z)\bigr)", sig(z) * (1 - sig(z)))]))
    ch.append(chain("sym", [
        (r"1 - \sigma(z)", 1 - sig(z)), (r"\frac{e^{-z}}{1 + e^{-z}}", exp(-z) / (1 + exp(-z))),
        (r"\frac{1}{e^{z} + 1}", 1 / (exp(z) + 1)), (r"\sigma(-z)", sig(-z))]))
    ch.append(chain("ll", [
        (r"\ell(w)", ell),
        (r"\sumi \bigl[y_i\log p_i + (1 - y_i)\log(1 - p_i)\bigr]",
         lambda c: S(lambda i: Ys[i - 1] * log(p(c, i)) + (1 - Ys[i - 1]) * log(1 - p(c, i)), 1, c["n"])),
        (r"\sumi \Bigl[y_i\log\frac{p_i}{1 - p_i} + \log(1 - p_i)\Bigr]",
         lambda c: S(lambda i: Ys[i - 1] * log(p(c, i) / (1 - p(c, i))) + log(1 - p(c, i)), 1, c["n"])),
        (r"\sumi \bigl[y_i\, w\T x_i - \log\bigl(1 + e^{w\T x_i}\bigr)\bigr]",
         lambda c: S(lambda i: Ys[i - 1] * score(c, i) - log(1 + exp(score(c, i))), 1, c["n"]))],
        [DEF, "id", "id"], ctxs=c_nd))
    ch.append(chain("grad", [
        (r"\pd{\ell}{w_j}", lambda c: sp.diff(ell(c), Wv[c["j"] - 1])),
        (r"\sumi \Bigl[y_i x_{ij} - \frac{e^{w\T x_i}}{1 + e^{w\T x_i}}\,x_{ij}\Bigr]",
         lambda c: S(lambda i: Ys[i - 1] * Xs[i - 1][c["j"] - 1]
                     - exp(score(c, i)) / (1 + exp(score(c, i))) * Xs[i - 1][c["j"] - 1], 1, c["n"])),
        (r"\sumi \bigl(y_i - \sigma(w\T x_i)\bigr)x_{ij}",
         lambda c: S(lambda i: (Ys[i - 1] - sig(score(c, i))) * Xs[i - 1][c["j"] - 1], 1, c["n"])),
        (r"\sumi (y_i - p_i)\,x_{ij}", lambda c: S(lambda i: (Ys[i - 1] - p(c, i)) * Xs[i - 1][c["j"] - 1], 1, c["n"]))],
        ctxs=c_ndj))
    ch.append(chain("gradvec", [
        (r"\nabla \ell(w)", grad),
        (r"\sumi (y_i - p_i)\,x_i", lambda c: sum((((Ys[i - 1] - p(c, i)) * xi(c, i)) for i in range(1, c["n"] + 1)),
                                                   sp.zeros(c["d"], 1))),
        (r"X\T (y - p)", lambda c: Xm(c).T * (yv(c) - pv(c)))], ctxs=c_nd))
    ch.append(chain("hess", [
        (r"\frac{\partial^2 \ell}{\partial w_j\,\partial w_k}", lambda c: sp.diff(ell(c), Wv[c["j"] - 1], Wv[c["k"] - 1])),
        (r"-\sumi x_{ij}\,\pd{p_i}{w_k}", lambda c: -S(lambda i: Xs[i - 1][c["j"] - 1] * sp.diff(p(c, i), Wv[c["k"] - 1]), 1, c["n"])),
        (r"-\sumi p_i(1 - p_i)\,x_{ij}x_{ik}",
         lambda c: -S(lambda i: p(c, i) * (1 - p(c, i)) * Xs[i - 1][c["j"] - 1] * Xs[i - 1][c["k"] - 1], 1, c["n"]))],
        ctxs=c_ndjk))
    ch.append(chain("hessmat", [
        (r"\nabla^2 \ell(w)", hess),
        (r"-\sumi p_i(1 - p_i)\,x_i x_i\T",
         lambda c: -sum((p(c, i) * (1 - p(c, i)) * xi(c, i) * xi(c, i).T for i in range(1, c["n"] + 1)), sp.zeros(c["d"], c["d"]))),
        (r"-X\T S X", lambda c: -Xm(c).T * Sm(c) * Xm(c))], ctxs=c_nd))
    ch.append(chain("quad", [
        (r"v\T \nabla^2\ell(w)\, v", lambda c: (Mat(1, c["d"], lambda _, k: Vv[k]) * hess(c) * Mat(c["d"], 1, lambda k, _: Vv[k]))[0, 0]),
        (r"-\sumi p_i(1 - p_i)\,(x_i\T v)^2",
         lambda c: -S(lambda i: p(c, i) * (1 - p(c, i)) * S(lambda k: Xs[i - 1][k - 1] * Vv[k - 1], 1, c["d"]) ** 2, 1, c["n"]))],
        ctxs=c_nd))

    def newton(c):
        return wv(c) - minv(hess(c)) * grad(c)

    ch.append(chain("newton", [
        (r"w^{\mathrm{new}}", newton),
        (r"w - \bigl[\nabla^2\ell(w)\bigr]^{-1}\nabla\ell(w)", newton),
        (r"w + (X\T S X)^{-1}X\T (y - p)", lambda c: wv(c) + minv(Xm(c).T * Sm(c) * Xm(c)) * Xm(c).T * (yv(c) - pv(c))),
        (r"(X\T S X)^{-1}X\T S\,\bigl(Xw + S^{-1}(y - p)\bigr)",
         lambda c: minv(Xm(c).T * Sm(c) * Xm(c)) * Xm(c).T * Sm(c) * (Xm(c) * wv(c) + sp.diag(*[1 / Sm(c)[i, i] for i in range(c["n"])]) * (yv(c) - pv(c))))],
        [DEF, "id", "id"], ctxs=c_newt))

    # worked example: x_1 = (1, 0), x_2 = (1, 2), y = (1, 0), w0 = (0, 0)
    a1, a2 = sp.symbols("_lwa1 _lwa2", real=True)
    Xe = Mat([[1, 0], [1, 2]])
    ye = [1, 0]
    pe = [sig(a1 * Xe[i, 0] + a2 * Xe[i, 1]) for i in range(2)]
    elle = sum(ye[i] * log(pe[i]) + (1 - ye[i]) * log(1 - pe[i]) for i in range(2))
    ge = Mat([sp.diff(elle, a1), sp.diff(elle, a2)])
    He = sp.hessian(elle, (a1, a2))
    at0 = {a1: 0, a2: 0}
    g0, H0 = ge.subs(at0), He.subs(at0)
    p0 = Mat([pe[0].subs(at0), pe[1].subs(at0)])
    w1 = Mat([0, 0]) - H0.inv() * g0
    at1 = {a1: w1[0], a2: w1[1]}
    ch.append(chain("ex_grad", [
        (r"\nabla\ell\bigl(w^{(0)}\bigr)", g0), (r"X\T(y - p)", Xe.T * (Mat(ye) - p0)),
        (r"\begin{pmatrix} 1 & 1\\ 0 & 2 \end{pmatrix}\begin{pmatrix} \tfrac12\\ -\tfrac12 \end{pmatrix}", Mat([[1, 1], [0, 2]]) * Mat([half, -half])),
        (r"\begin{pmatrix} 0\\ -1 \end{pmatrix}", Mat([0, -1]))]))
    ch.append(chain("ex_xsx", [
        (r"X\T S X", -H0),
        (r"\frac14\begin{pmatrix} 1 & 1\\ 0 & 2 \end{pmatrix}\begin{pmatrix} 1 & 0\\ 1 & 2 \end{pmatrix}", Q(1, 4) * Mat([[1, 1], [0, 2]]) * Mat([[1, 0], [1, 2]])),
        (r"\frac14\begin{pmatrix} 2 & 2\\ 2 & 4 \end{pmatrix}", Q(1, 4) * Mat([[2, 2], [2, 4]])),
        (r"\begin{pmatrix} \tfrac12 & \tfrac12\\ \tfrac12 & 1 \end{pmatrix}", Mat([[half, half], [half, 1]]))]))
    ch.append(chain("ex_inv", [
        (r"(X\T S X)^{-1}", (-H0).inv()),
        (r"4\begin{pmatrix} 1 & -\tfrac12\\ -\tfrac12 & \tfrac12 \end{pmatrix}", 4 * Mat([[1, -half], [-half, half]])),
        (r"\begin{pmatrix} 4 & -2\\ -2 & 2 \end{pmatrix}", Mat([[4, -2], [-2, 2]]))]))
    ch.append(chain("ex_w1", [
        (r"w^{(1)}", w1),
        (r"\begin{pmatrix} 0\\ 0 \end{pmatrix} + \begin{pmatrix} 4 & -2\\ -2 & 2 \end{pmatrix}\begin{pmatrix} 0\\ -1 \end{pmatrix}",
         Mat([0, 0]) + Mat([[4, -2], [-2, 2]]) * Mat([0, -1])),
        (r"\begin{pmatrix} 2\\ -2 \end{pmatrix}", Mat([2, -2]))]))
    ch.append(chain("ex_l0", [
        (r"\ell\bigl(w^{(0)}\bigr)", elle.subs(at0)), (r"2\log\tfrac12", 2 * log(half)), (r"-2\log 2", -2 * log(2))]))
    ch.append(chain("ex_l1", [
        (r"\ell\bigl(w^{(1)}\bigr)", elle.subs(at1)),
        (r"\log\sigma(2) + \log\bigl(1 - \sigma(-2)\bigr)", log(sig(2)) + log(1 - sig(-2))),
        (r"2\log\sigma(2)", 2 * log(sig(2))), (r"-2\log\bigl(1 + e^{-2}\bigr)", -2 * log(1 + exp(-2)))]))
    ch.append(chain("ex_g1", [
        (r"\nabla\ell\bigl(w^{(1)}\bigr)", ge.subs(at1)),
        (r"\begin{pmatrix} 1 - \sigma(2) - \sigma(-2)\\ -2\sigma(-2) \end{pmatrix}", Mat([1 - sig(2) - sig(-2), -2 * sig(-2)])),
        (r"\begin{pmatrix} 0\\ -\dfrac{2}{1 + e^{2}} \end{pmatrix}", Mat([0, -2 / (1 + exp(2))]))]))
    ch.append(chain("ex_wts", [
        (r"p_i(1 - p_i)", lambda c: (pe[c["i"] - 1] * (1 - pe[c["i"] - 1])).subs(at1)),
        (r"\sigma(2)\,\sigma(-2)", sig(2) * sig(-2)), (r"\frac{e^{2}}{(1 + e^{2})^2}", exp(2) / (1 + exp(2)) ** 2)],
        ctxs=[{"i": 1}, {"i": 2}]))
    doc = Doc("logistic_hessian_lecture.tex", ch)
    wrong = r"\frac14\begin{pmatrix} 2 & 2\\ 2 & 5 \end{pmatrix}"
    return with_plant(doc, r"\frac14\begin{pmatrix} 2 & 2\\ 2 & 4 \end{pmatrix}", wrong, "ex_xsx", 2,
                      I(wrong, _fn(Q(1, 4) * Mat([[2, 2], [2, 5]]))),
                      "wrong number: 2 & 5 for 2 & 4 in (1/4)X^T X, the (2,2) entry 0*0 + 2*2 added up as 1 + 4")


def logistic_newton_forum():
    z = R("fz")
    Th = rv("fth", 3)
    Xs = rm("fx", 3, 3)
    Ys = rv("fy", 3, 0.0, 1.0)
    ND = [(n, d) for n in range(1, 4) for d in range(1, 4)]

    def sc(c, i):
        return S(lambda k: Th[k - 1] * Xs[i - 1][k - 1], 1, c["d"])

    def h(c, i):
        return sig(sc(c, i))

    def J(c):
        return -Q(1, c["n"]) * S(lambda i: Ys[i - 1] * log(h(c, i)) + (1 - Ys[i - 1]) * log(1 - h(c, i)), 1, c["n"])

    def Xm(c):
        return Mat(c["n"], c["d"], lambda i, k: Xs[i][k])

    def xi(c, i):
        return Mat(c["d"], 1, lambda k, _: Xs[i - 1][k])

    c_nd = nd_ctx(ND)
    c_ndj = nd_ctx(ND, lambda n, d: [{"j": j} for j in range(1, d + 1)])
    c_ndij = nd_ctx(ND, lambda n, d: [{"i": i, "j": j} for i in range(1, n + 1) for j in range(1, d + 1)])
    c_ndjk = nd_ctx(ND, lambda n, d: [{"j": j, "k": k} for j in range(1, d + 1) for k in range(1, d + 1)])

    ch = []
    ch.append(chain("J", [
        (r"J(\theta)", J),
        (r"-\frac{1}{n}\sum_{i=1}^{n}\Big[y_i\log h_i + (1 - y_i)\log(1 - h_i)\Big]", J)], DEF, ctxs=c_nd))
    ch.append(chain("dsig", [
        (r"\sigma'(z)", sp.diff(sig(z), z)), (r"\frac{e^{-z}}{(1 + e^{-z})^2}", exp(-z) / (1 + exp(-z)) ** 2),
        (r"\sigma(z)\big(1 - \sigma(z)\big)", sig(z) * (1 - sig(z)))]))
    u_ = sp.Symbol("_fu", real=True)

    def dsig_at(t):
        return sp.diff(sig(u_), u_).subs(u_, t)

    c_ndik = nd_ctx(ND, lambda n, d: [{"i": i, "k": k} for i in range(1, n + 1) for k in range(1, d + 1)])
    ch.append(chain("dh", [
        (r"\frac{\partial h_i}{\partial\theta_k}", lambda c: sp.diff(h(c, c["i"]), Th[c["k"] - 1])),
        (r"\sigma'(\theta^\top x_i)\,x_{ik}", lambda c: dsig_at(sc(c, c["i"])) * Xs[c["i"] - 1][c["k"] - 1]),
        (r"h_i(1 - h_i)\,x_{ik}", lambda c: h(c, c["i"]) * (1 - h(c, c["i"])) * Xs[c["i"] - 1][c["k"] - 1])], ctxs=c_ndik))

    def hij(c):
        return h(c, c["i"]), Xs[c["i"] - 1][c["j"] - 1]

    ch.append(chain("dlogh", [
        (r"\frac{\partial}{\partial\theta_j}\log h_i", lambda c: sp.diff(log(h(c, c["i"])), Th[c["j"] - 1])),
        (r"\frac{1}{h_i}\,h_i(1 - h_i)\,x_{ij}", lambda c: 1 / hij(c)[0] * hij(c)[0] * (1 - hij(c)[0]) * hij(c)[1]),
        (r"(1 - h_i)\,x_{ij}", lambda c: (1 - hij(c)[0]) * hij(c)[1])], ctxs=c_ndij))
    ch.append(chain("dlog1h", [
        (r"\frac{\partial}{\partial\theta_j}\log(1 - h_i)", lambda c: sp.diff(log(1 - h(c, c["i"])), Th[c["j"] - 1])),
        (r"-\frac{h_i(1 - h_i)\,x_{ij}}{1 - h_i}", lambda c: -hij(c)[0] * (1 - hij(c)[0]) * hij(c)[1] / (1 - hij(c)[0])),
        (r"-h_i\,x_{ij}", lambda c: -hij(c)[0] * hij(c)[1])], ctxs=c_ndij))
    ch.append(chain("gradJ", [
        (r"\frac{\partial J}{\partial\theta_j}", lambda c: sp.diff(J(c), Th[c["j"] - 1])),
        (r"-\frac{1}{n}\sum_{i=1}^{n}\big[y_i(1 - h_i) - (1 - y_i)h_i\big]x_{ij}",
         lambda c: -Q(1, c["n"]) * S(lambda i: (Ys[i - 1] * (1 - h(c, i)) - (1 - Ys[i - 1]) * h(c, i)) * Xs[i - 1][c["j"] - 1], 1, c["n"])),
        (r"-\frac{1}{n}\sum_{i=1}^{n}(y_i - h_i)\,x_{ij}",
         lambda c: -Q(1, c["n"]) * S(lambda i: (Ys[i - 1] - h(c, i)) * Xs[i - 1][c["j"] - 1], 1, c["n"])),
        (r"\frac{1}{n}\sum_{i=1}^{n}(h_i - y_i)\,x_{ij}",
         lambda c: Q(1, c["n"]) * S(lambda i: (h(c, i) - Ys[i - 1]) * Xs[i - 1][c["j"] - 1], 1, c["n"]))], ctxs=c_ndj))
    ch.append(chain("gradvec", [
        (r"\nabla J(\theta)", lambda c: Mat(c["d"], 1, lambda k, _: sp.diff(J(c), Th[k]))),
        (r"\frac{1}{n}X^\top(h - y)", lambda c: Q(1, c["n"]) * Xm(c).T * Mat(c["n"], 1, lambda i, _: h(c, i + 1) - Ys[i]))],
        ctxs=c_nd))

    def hess_mid(c, j, k):
        return Q(1, c["n"]) * S(lambda i: Xs[i - 1][j - 1] * sp.diff(h(c, i), Th[k - 1]), 1, c["n"])

    ch.append(chain("hessJ", [
        (r"\frac{\partial^2 J}{\partial\theta_j\,\partial\theta_k}", lambda c: sp.diff(J(c), Th[c["j"] - 1], Th[c["k"] - 1])),
        (r"\frac{1}{n}\sum_{i=1}^{n}x_{ij}\,\frac{\partial h_i}{\partial\theta_k}", lambda c: hess_mid(c, c["j"], c["k"])),
        (r"\frac{1}{n}\sum_{i=1}^{n}h_i(1 - h_i)\,x_{ij}\,x_{ik}",
         lambda c: Q(1, c["n"]) * S(lambda i: h(c, i) * (1 - h(c, i)) * Xs[i - 1][c["j"] - 1] * Xs[i - 1][c["k"] - 1], 1, c["n"]))],
        ctxs=c_ndjk))
    ch.append(chain("Hmat", [
        (r"H", lambda c: Mat(c["d"], c["d"], lambda j, k: sp.diff(J(c), Th[j], Th[k]))),
        (r"\frac{1}{n}\sum_{i=1}^{n}h_i(1 - h_i)\,x_i x_i^\top",
         lambda c: Q(1, c["n"]) * sum((h(c, i) * (1 - h(c, i)) * xi(c, i) * xi(c, i).T for i in range(1, c["n"] + 1)), sp.zeros(c["d"], c["d"]))),
        (r"\frac{1}{n}X^\top D X",
         lambda c: Q(1, c["n"]) * Xm(c).T * sp.diag(*[h(c, i) * (1 - h(c, i)) for i in range(1, c["n"] + 1)]) * Xm(c))], ctxs=c_nd))
    ch.append(chain("d2sig", [
        (r"\sigma''(z)", sp.diff(sig(z), z, 2)),
        (r"\frac{d}{dz}\big[\sigma(z) - \sigma(z)^2\big]", sp.diff(sig(z) - sig(z) ** 2, z)),
        (r"\sigma'(z)\big(1 - 2\sigma(z)\big)", sp.diff(sig(z), z) * (1 - 2 * sig(z))),
        (r"\sigma(z)\big(1 - \sigma(z)\big)\big(1 - 2\sigma(z)\big)", sig(z) * (1 - sig(z)) * (1 - 2 * sig(z)))]))
    # example: x_i = (1, t_i), t = (0, 1, 2), y = (0, 1, 1), theta0 = 0
    b1, b2 = sp.symbols("_fb1 _fb2", real=True)
    te, ye = [0, 1, 2], [0, 1, 1]
    he = [sig(b1 + b2 * t) for t in te]
    Je = -Q(1, 3) * sum(ye[i] * log(he[i]) + (1 - ye[i]) * log(1 - he[i]) for i in range(3))
    at0 = {b1: 0, b2: 0}
    g0 = Mat([sp.diff(Je, b1), sp.diff(Je, b2)]).subs(at0)
    H0 = sp.hessian(Je, (b1, b2)).subs(at0)
    th1 = Mat([0, 0]) - H0.inv() * g0
    ch.append(chain("ex_J0", [(r"J(\theta^{(0)})", Je.subs(at0)), (r"-\frac{1}{3}\cdot 3\log\tfrac12", -Q(1, 3) * 3 * log(half)),
                              (r"\log 2", log(2))]))
    ch.append(chain("ex_g0", [
        (r"\nabla J(\theta^{(0)})", g0),
        (r"\frac{1}{3}\Big[\tfrac12\begin{pmatrix}1\\0\end{pmatrix} - \tfrac12\begin{pmatrix}1\\1\end{pmatrix} - \tfrac12\begin{pmatrix}1\\2\end{pmatrix}\Big]",
         Q(1, 3) * (half * Mat([1, 0]) - half * Mat([1, 1]) - half * Mat([1, 2]))),
        (r"\frac{1}{3}\begin{pmatrix}-\tfrac12\\ -\tfrac32\end{pmatrix}", Q(1, 3) * Mat([-half, -Q(3, 2)])),
        (r"\begin{pmatrix}-\tfrac16\\ -\tfrac12\end{pmatrix}", Mat([-Q(1, 6), -half]))]))
    ch.append(chain("ex_H", [
        (r"H", H0), (r"\frac{1}{3}\cdot\frac{1}{4}\begin{pmatrix}3 & 3\\ 3 & 5\end{pmatrix}", Q(1, 3) * Q(1, 4) * Mat([[3, 3], [3, 5]])),
        (r"\begin{pmatrix}\tfrac14 & \tfrac14\\ \tfrac14 & \tfrac{5}{12}\end{pmatrix}", Mat([[Q(1, 4), Q(1, 4)], [Q(1, 4), Q(5, 12)]]))]))
    ch.append(chain("ex_det", [(r"\det H", H0.det()), (r"\frac{5}{48} - \frac{1}{16}", Q(5, 48) - Q(1, 16)), (r"\frac{1}{24}", Q(1, 24))]))
    ch.append(chain("ex_Hinv", [
        (r"H^{-1}", H0.inv()),
        (r"24\begin{pmatrix}\tfrac{5}{12} & -\tfrac14\\ -\tfrac14 & \tfrac14\end{pmatrix}", 24 * Mat([[Q(5, 12), -Q(1, 4)], [-Q(1, 4), Q(1, 4)]])),
        (r"\begin{pmatrix}10 & -6\\ -6 & 6\end{pmatrix}", Mat([[10, -6], [-6, 6]]))]))
    ch.append(chain("ex_th1", [
        (r"\theta^{(1)}", th1),
        (r"\theta^{(0)} - H^{-1}\nabla J(\theta^{(0)})", Mat([0, 0]) - H0.inv() * g0),
        (r"-\begin{pmatrix}10 & -6\\ -6 & 6\end{pmatrix}\begin{pmatrix}-\tfrac16\\ -\tfrac12\end{pmatrix}", -Mat([[10, -6], [-6, 6]]) * Mat([-Q(1, 6), -half])),
        (r"-\begin{pmatrix}-\tfrac53 + 3\\ 1 - 3\end{pmatrix}", -Mat([-Q(5, 3) + 3, 1 - 3])),
        (r"\begin{pmatrix}-\tfrac43\\ 2\end{pmatrix}", Mat([-Q(4, 3), 2]))]))
    doc = Doc("logistic_newton_forum.md", ch)
    wrong = r"\frac{1}{n}\sum_{i=1}^{n}x_{ij}\,\frac{\partial h_i}{\partial\theta_j}"
    return with_plant(doc, r"x_{ij}\,\frac{\partial h_i}{\partial\theta_k}", r"x_{ij}\,\frac{\partial h_i}{\partial\theta_j}", "hessJ", 1,
                      I(wrong, lambda c: hess_mid(c, c["j"], c["j"])),
                      "wrong index: dh_i/dtheta_j for dh_i/dtheta_k inside the Hessian sum (1/n) sum x_ij dh_i/dtheta_k")


# ===========================================================================
# family 2: Poisson regression with a log link
def poisson_counts_appendix():
    mu = P("pa_mu", 0.3, 2.0)
    yv = sp.Symbol("pa_y", integer=True, positive=True)
    k = sp.Symbol("pa_k", integer=True, nonnegative=True)
    Bv = rv("pa_b", 3, -0.8, 0.8)
    Xs = rm("pa_x", 3, 3, -1.0, 1.0)
    Yc = ints("pa_yc", 3)          # observed counts (sampled 1..8)
    Yr = rv("pa_Y", 3)              # the counts as random variables, for expectations
    Mh = rv("pa_mh", 3, 0.3, 3.0, positive=True)
    ND = [(n, d) for n in range(1, 4) for d in range(1, 4)]

    def f(t):
        return exp(-mu) * mu ** t / sp.factorial(t)

    def eta(c, i):
        return S(lambda j: Xs[i - 1][j - 1] * Bv[j - 1], 1, c["d"])

    def m(c, i):
        return exp(eta(c, i))

    def ell(c):
        return S(lambda i: Yc[i - 1] * log(m(c, i)) - m(c, i) - log(sp.factorial(Yc[i - 1])), 1, c["n"])

    def U(c, j, Y):
        return S(lambda i: (Y[i - 1] - m(c, i)) * Xs[i - 1][j - 1], 1, c["n"])

    def moms(c):
        return {Yr[i - 1]: (lambda i: (lambda p: {0: 1, 1: m(c, i), 2: m(c, i) + m(c, i) ** 2}[p]))(i)
                for i in range(1, c["n"] + 1)}

    c_nd = nd_ctx(ND)
    c_ndj = nd_ctx(ND, lambda n, d: [{"j": j} for j in range(1, d + 1)])
    c_ndjk = nd_ctx(ND, lambda n, d: [{"j": j, "k": kk} for j in range(1, d + 1) for kk in range(1, d + 1)])

    ch = []
    ch.append(chain("pmf", [(r"f(y;\mu)", f(yv)), (r"\frac{e^{-\mu}\mu^{y}}{y!}", exp(-mu) * mu ** yv / sp.factorial(yv))], DEF))
    ch.append(chain("logpmf", [(r"\log f(y;\mu)", log(f(yv))), (r"y\log\mu - \mu - \log y!", yv * log(mu) - mu - log(sp.factorial(yv)))]))
    EY = sp.Sum(k * f(k), (k, 0, oo))
    EYY = sp.Sum(k * (k - 1) * f(k), (k, 0, oo))
    ch.append(chain("EY", [
        (r"\E[Y]", EY), (r"\sum_{y=0}^{\infty} y\,\frac{e^{-\mu}\mu^{y}}{y!}", EY),
        (r"\mu\sum_{y=1}^{\infty}\frac{e^{-\mu}\mu^{y-1}}{(y-1)!}", mu * sp.Sum(exp(-mu) * mu ** (k - 1) / sp.factorial(k - 1), (k, 1, oo))),
        (r"\mu", mu)]))
    ch.append(chain("EYY", [
        (r"\E[Y(Y - 1)]", EYY), (r"\sum_{y=2}^{\infty}\frac{e^{-\mu}\mu^{y}}{(y-2)!}", sp.Sum(exp(-mu) * mu ** k / sp.factorial(k - 2), (k, 2, oo))),
        (r"\mu^2", mu ** 2)]))
    ch.append(chain("Var", [
        (r"\Var(Y)", sp.Sum(k ** 2 * f(k), (k, 0, oo)) - EY ** 2),
        (r"\E[Y(Y - 1)] + \E[Y] - (\E[Y])^2", EYY + EY - EY ** 2),
        (r"\mu^2 + \mu - \mu^2", mu ** 2 + mu - mu ** 2), (r"\mu", mu)]))
    ch.append(chain("ll", [
        (r"\ell(\beta)", ell),
        (r"\sumi \bigl[y_i\log\mu_i - \mu_i - \log y_i!\bigr]", ell),
        (r"\sumi \bigl[y_i\,x_i\T\beta - e^{x_i\T\beta} - \log y_i!\bigr]",
         lambda c: S(lambda i: Yc[i - 1] * eta(c, i) - exp(eta(c, i)) - log(sp.factorial(Yc[i - 1])), 1, c["n"]))],
        [DEF, "id"], ctxs=c_nd))
    ch.append(chain("score", [
        (r"U_j(\beta)", lambda c: sp.diff(ell(c), Bv[c["j"] - 1])),
        (r"\frac{\partial\ell}{\partial\beta_j}", lambda c: sp.diff(ell(c), Bv[c["j"] - 1])),
        (r"\sumi \bigl(y_i x_{ij} - x_{ij}e^{x_i\T\beta}\bigr)",
         lambda c: S(lambda i: Yc[i - 1] * Xs[i - 1][c["j"] - 1] - Xs[i - 1][c["j"] - 1] * exp(eta(c, i)), 1, c["n"])),
        (r"\sumi (y_i - \mu_i)\,x_{ij}", lambda c: U(c, c["j"], Yc))], [DEF, "id", "id"], ctxs=c_ndj))
    ch.append(chain("Emean", [
        (r"\E\bigl[U_j(\beta)\bigr]", lambda c: Epoly(U(c, c["j"], Yr), moms(c))),
        (r"\sumi \bigl(\E[Y_i] - \mu_i\bigr)x_{ij}",
         lambda c: S(lambda i: (Epoly(Yr[i - 1], moms(c)) - m(c, i)) * Xs[i - 1][c["j"] - 1], 1, c["n"])),
        ("0", 0)], ctxs=c_ndj))

    def cov(c):
        Uj, Uk = U(c, c["j"], Yr), U(c, c["k"], Yr)
        return Epoly(Uj * Uk, moms(c)) - Epoly(Uj, moms(c)) * Epoly(Uk, moms(c))

    def varY(c, i):
        return Epoly(Yr[i - 1] ** 2, moms(c)) - Epoly(Yr[i - 1], moms(c)) ** 2

    ch.append(chain("cov", [
        (r"\Cov\bigl(U_j, U_k\bigr)", cov),
        (r"\sumi x_{ij}x_{ik}\Var(Y_i)", lambda c: S(lambda i: Xs[i - 1][c["j"] - 1] * Xs[i - 1][c["k"] - 1] * varY(c, i), 1, c["n"])),
        (r"\sumi \mu_i\,x_{ij}x_{ik}", lambda c: S(lambda i: m(c, i) * Xs[i - 1][c["j"] - 1] * Xs[i - 1][c["k"] - 1], 1, c["n"]))],
        ctxs=c_ndjk))
    ch.append(chain("hess", [
        (r"\frac{\partial^2\ell}{\partial\beta_j\,\partial\beta_k}", lambda c: sp.diff(ell(c), Bv[c["j"] - 1], Bv[c["k"] - 1])),
        (r"-\sumi x_{ij}\,\frac{\partial\mu_i}{\partial\beta_k}", lambda c: -S(lambda i: Xs[i - 1][c["j"] - 1] * sp.diff(m(c, i), Bv[c["k"] - 1]), 1, c["n"])),
        (r"-\sumi \mu_i\,x_{ij}x_{ik}", lambda c: -S(lambda i: m(c, i) * Xs[i - 1][c["j"] - 1] * Xs[i - 1][c["k"] - 1], 1, c["n"]))],
        ctxs=c_ndjk))

    def Xm(c):
        return Mat(c["n"], c["d"], lambda i, j: Xs[i][j])

    def info(c):  # expectation of minus the Hessian: the Hessian is free of the counts
        return -sp.diff(ell(c), Bv[c["j"] - 1], Bv[c["k"] - 1])

    ch.append(chain("info", [
        (r"\Info_{jk}(\beta)", info),
        (r"\E\Bigl[-\frac{\partial^2\ell}{\partial\beta_j\,\partial\beta_k}\Bigr]", info),
        (r"\sumi \mu_i\,x_{ij}x_{ik}", lambda c: S(lambda i: m(c, i) * Xs[i - 1][c["j"] - 1] * Xs[i - 1][c["k"] - 1], 1, c["n"])),
        (r"\bigl(X\T W X\bigr)_{jk}", lambda c: (Xm(c).T * sp.diag(*[m(c, i) for i in range(1, c["n"] + 1)]) * Xm(c))[c["j"] - 1, c["k"] - 1])],
        [DEF, "id", "id"], ctxs=c_ndjk))

    def ell_mu(c, mus):
        return S(lambda i: Yc[i - 1] * log(mus[i - 1]) - mus[i - 1] - log(sp.factorial(Yc[i - 1])), 1, c["n"])

    c_n = [{"n": n} for n in range(1, 4)]
    ch.append(chain("dev", [
        (r"D", lambda c: 2 * (ell_mu(c, Yc) - ell_mu(c, Mh))),
        (r"2\bigl[\ell(\tilde\mu) - \ell(\hat\mu)\bigr]", lambda c: 2 * (ell_mu(c, Yc) - ell_mu(c, Mh))),
        (r"2\sumi \bigl[(y_i\log y_i - y_i - \log y_i!) - (y_i\log\hat\mu_i - \hat\mu_i - \log y_i!)\bigr]",
         lambda c: 2 * S(lambda i: (Yc[i - 1] * log(Yc[i - 1]) - Yc[i - 1] - log(sp.factorial(Yc[i - 1])))
                         - (Yc[i - 1] * log(Mh[i - 1]) - Mh[i - 1] - log(sp.factorial(Yc[i - 1]))), 1, c["n"])),
        (r"2\sumi \Bigl[y_i\log\frac{y_i}{\hat\mu_i} - (y_i - \hat\mu_i)\Bigr]",
         lambda c: 2 * S(lambda i: Yc[i - 1] * log(Yc[i - 1] / Mh[i - 1]) - (Yc[i - 1] - Mh[i - 1]), 1, c["n"]))],
        [DEF, "id", "id"], ctxs=c_n))
    # two-group example
    b0, b1 = R("pa_beta0", -1.0, 1.5), R("pa_beta1", -1.0, 1.5)
    ye, xe = [1, 3, 4, 8], [0, 0, 1, 1]
    me = [exp(b0 + b1 * x) for x in xe]
    elle = sum(ye[i] * log(me[i]) - me[i] - log(sp.factorial(ye[i])) for i in range(4))
    ch.append(chain("U0", [
        (r"U_0", sp.diff(elle, b0)), (r"\sum_{i=1}^{4}(y_i - \mu_i)", sum(ye[i] - me[i] for i in range(4))),
        (r"(1 + 3 + 4 + 8) - 2e^{\beta_0} - 2e^{\beta_0 + \beta_1}", (1 + 3 + 4 + 8) - 2 * exp(b0) - 2 * exp(b0 + b1))]))
    ch.append(chain("U1", [
        (r"U_1", sp.diff(elle, b1)), (r"\sum_{i=1}^{4}x_i(y_i - \mu_i)", sum(xe[i] * (ye[i] - me[i]) for i in range(4))),
        (r"(4 + 8) - 2e^{\beta_0 + \beta_1}", (4 + 8) - 2 * exp(b0 + b1))]))
    A_, B_ = sp.symbols("_pA _pB", positive=True)   # A = e^{beta0}, B = e^{beta0 + beta1}
    sc_eqs = [sp.diff(elle, b0).subs(exp(b0 + b1), B_).subs(exp(b0), A_),
              sp.diff(elle, b1).subs(exp(b0 + b1), B_).subs(exp(b0), A_)]
    sol = sp.solve([sp.expand(e) for e in sc_eqs], [A_, B_], dict=True)[0]
    bh0, bh1 = log(sol[A_]), log(sol[B_] / sol[A_])
    assert sp.simplify(sp.diff(elle, b0).subs({b0: bh0, b1: bh1})) == 0
    ch.append(chain("bh0", [(r"\hat\beta_0", bh0), (r"\log 2", log(2))]))
    ch.append(chain("bh1", [(r"\hat\beta_1", bh1), (r"\log 6 - \log 2", log(6) - log(2)), (r"\log 3", log(3))]))
    Ih = (-sp.hessian(elle, (b0, b1))).subs({b0: bh0, b1: bh1})
    muh = [mm.subs({b0: bh0, b1: bh1}) for mm in me]
    ch.append(chain("Ih", [
        (r"\Info(\hat\beta)", Ih),
        (r"\sum_{i=1}^{4}\hat\mu_i\begin{pmatrix} 1 & x_i\\ x_i & x_i^2 \end{pmatrix}", sum((muh[i] * Mat([[1, xe[i]], [xe[i], xe[i] ** 2]]) for i in range(4)), sp.zeros(2, 2))),
        (r"\begin{pmatrix} 2 + 2 + 6 + 6 & 6 + 6\\ 6 + 6 & 6 + 6 \end{pmatrix}", Mat([[2 + 2 + 6 + 6, 6 + 6], [6 + 6, 6 + 6]])),
        (r"\begin{pmatrix} 16 & 12\\ 12 & 12 \end{pmatrix}", Mat([[16, 12], [12, 12]]))]))
    ch.append(chain("Ihinv", [
        (r"\Info(\hat\beta)^{-1}", Ih.inv()),
        (r"\frac{1}{16\cdot 12 - 12^2}\begin{pmatrix} 12 & -12\\ -12 & 16 \end{pmatrix}", sp.Integer(1) / (16 * 12 - 12 ** 2) * Mat([[12, -12], [-12, 16]])),
        (r"\frac{1}{48}\begin{pmatrix} 12 & -12\\ -12 & 16 \end{pmatrix}", Q(1, 48) * Mat([[12, -12], [-12, 16]]))]))
    ch.append(chain("se", [(r"\operatorname{se}(\hat\beta_1)", sqrt(Ih.inv()[1, 1])), (r"\sqrt{\tfrac{16}{48}}", sqrt(Q(16, 48))),
                           (r"\frac{1}{\sqrt3}", 1 / sqrt(3))]))
    Dn = 2 * sum(ye[i] * log(sp.Integer(ye[i]) / muh[i]) - (ye[i] - muh[i]) for i in range(4))
    L2, L3 = log(2), log(3)
    ch.append(chain("Dnum", [
        (r"D", Dn),
        (r"2\Bigl[1\cdot\log\frac12 + 3\log\frac32 + 4\log\frac46 + 8\log\frac86\Bigr] - 2\bigl[(1 + 3 + 4 + 8) - (2 + 2 + 6 + 6)\bigr]",
         2 * (1 * log(half) + 3 * log(Q(3, 2)) + 4 * log(Q(4, 6)) + 8 * log(Q(8, 6))) - 2 * ((1 + 3 + 4 + 8) - (2 + 2 + 6 + 6))),
        (r"2\bigl[-\log 2 + 3\log 3 - 3\log 2 + 4\log 2 - 4\log 3 + 16\log 2 - 8\log 3\bigr]",
         2 * (-L2 + 3 * L3 - 3 * L2 + 4 * L2 - 4 * L3 + 16 * L2 - 8 * L3)),
        (r"32\log 2 - 18\log 3", 32 * L2 - 18 * L3)]))
    doc = Doc("poisson_counts_appendix.tex", ch)
    wrong = r"2\bigl[-\log 2 + 3\log 3 + 4\log 2 - 4\log 3 + 16\log 2 - 8\log 3\bigr]"
    return with_plant(doc, r"2\bigl[-\log 2 + 3\log 3 - 3\log 2 + 4\log 2", r"2\bigl[-\log 2 + 3\log 3 + 4\log 2", "Dnum", 2,
                      I(wrong, _fn(2 * (-L2 + 3 * L3 + 4 * L2 - 4 * L3 + 16 * L2 - 8 * L3))),
                      "dropped term: the -3 log 2 of 3 log(3/2) left out of the expanded deviance of the two-group example")


def poisson_deviance_cheatsheet():
    mu = P("pc_mu", 0.3, 2.0)
    th = R("pc_theta", -1.0, 0.7)
    t = R("pc_t", -1.0, 1.0)
    yv = sp.Symbol("pc_y", integer=True, positive=True)
    k = sp.Symbol("pc_k", integer=True, nonnegative=True)
    a, b = R("pc_a", -0.8, 0.8), R("pc_b", -0.8, 0.8)
    Xv = rv("pc_x", 4, -1.0, 1.0)
    Yv = rv("pc_yy", 4, 0.0, 6.0)
    Yc = ints("pc_yc", 4)
    Mh = rv("pc_mh", 4, 0.3, 3.0, positive=True)
    mi, yi = P("pc_mi", 0.3, 3.0), P("pc_yi", 0.3, 6.0)
    yd = P("pc_yd", 0.3, 6.0)

    def pmf(t_, m=mu):
        return m ** t_ * exp(-m) / sp.factorial(t_)

    c_n = [{"n": n} for n in range(1, 5)]

    def mui(i):
        return exp(a + b * Xv[i - 1])

    def ell(c):
        return S(lambda i: Yv[i - 1] * (a + b * Xv[i - 1]) - exp(a + b * Xv[i - 1]), 1, c["n"])

    ch = []
    ch.append(chain("pmf", [(r"p(y)", pmf(yv)), (r"\frac{\mu^y e^{-\mu}}{y!}", mu ** yv * exp(-mu) / sp.factorial(yv))], DEF))
    ch.append(chain("logpmf", [(r"\log p(y)", log(pmf(yv))), (r"y\log\mu - \mu - \log y!", yv * log(mu) - mu - log(sp.factorial(yv)))]))
    ch.append(chain("expfam", [(r"\log p(y)", log(pmf(yv, exp(th)))), (r"y\theta - e^{\theta} - \log y!", yv * th - exp(th) - log(sp.factorial(yv)))]))
    ch.append(chain("b", [(r"b(\theta)", exp(th)), (r"e^{\theta}", exp(th))], DEF))
    ch.append(chain("b1", [(r"b'(\theta)", sp.diff(exp(th), th)), (r"e^{\theta}", exp(th)), (r"\mu", exp(th))]))
    Mt = sp.Sum(exp(t * k) * pmf(k), (k, 0, oo))
    ch.append(chain("mgf", [
        (r"M(t)", Mt), (r"\mathbb{E}\big[e^{tY}\big]", Mt), (r"\sum_{y=0}^{\infty}e^{ty}\frac{\mu^y e^{-\mu}}{y!}", Mt),
        (r"e^{-\mu}\sum_{y=0}^{\infty}\frac{(\mu e^{t})^y}{y!}", exp(-mu) * sp.Sum((mu * exp(t)) ** k / sp.factorial(k), (k, 0, oo))),
        (r"e^{\mu(e^{t} - 1)}", exp(mu * (exp(t) - 1)))], [DEF, "id", "id", "id"]))
    Mc = exp(mu * (exp(t) - 1))
    M1 = sp.diff(Mc, t).subs(t, 0)
    M2 = sp.diff(Mc, t, 2).subs(t, 0)
    ch.append(chain("M1", [(r"M'(0)", M1), (r"\mu e^{0}\,e^{\mu(e^{0} - 1)}", mu * sp.exp(0) * sp.exp(mu * (sp.exp(0) - 1))), (r"\mu", mu)]))
    ch.append(chain("var", [
        (r"\operatorname{Var}(Y)", sp.Sum((k - mu) ** 2 * pmf(k), (k, 0, oo))),
        (r"M''(0) - M'(0)^2", M2 - M1 ** 2), (r"\mu + \mu^2 - \mu^2", mu + mu ** 2 - mu ** 2), (r"\mu", mu)]))
    ch.append(chain("ell", [(r"\ell(a, b)", ell),
                            (r"\sum_{i=1}^{n}\big[y_i(a + bx_i) - e^{a + bx_i}\big]", ell)], DEF, ctxs=c_n))
    ch.append(chain("sa", [(r"\frac{\partial\ell}{\partial a}", lambda c: sp.diff(ell(c), a)),
                           (r"\sum_{i=1}^{n}(y_i - \mu_i)", lambda c: S(lambda i: Yv[i - 1] - mui(i), 1, c["n"]))], ctxs=c_n))
    ch.append(chain("sb", [(r"\frac{\partial\ell}{\partial b}", lambda c: sp.diff(ell(c), b)),
                           (r"\sum_{i=1}^{n}x_i(y_i - \mu_i)", lambda c: S(lambda i: Xv[i - 1] * (Yv[i - 1] - mui(i)), 1, c["n"]))], ctxs=c_n))

    def negH(c):
        L = ell(c)
        return -Mat([[sp.diff(L, a, a), sp.diff(L, a, b)], [sp.diff(L, a, b), sp.diff(L, b, b)]])

    ch.append(chain("info", [
        (r"\mathcal{I}(a, b)", negH),
        (r"-\begin{pmatrix}\ell_{aa} & \ell_{ab}\\ \ell_{ab} & \ell_{bb}\end{pmatrix}", negH),
        (r"\sum_{i=1}^{n}\mu_i\begin{pmatrix}1 & x_i\\ x_i & x_i^2\end{pmatrix}",
         lambda c: sum((mui(i) * Mat([[1, Xv[i - 1]], [Xv[i - 1], Xv[i - 1] ** 2]]) for i in range(1, c["n"] + 1)), sp.zeros(2, 2)))],
        [DEF, "id"], ctxs=c_n))
    u_ = sp.Symbol("_pcu", positive=True)
    deta = sp.diff(log(u_), u_).subs(u_, mi)
    eta = log(mi)
    ch.append(chain("z", [(r"z_i", eta + (yi - mi) * deta), (r"\eta_i + (y_i - \mu_i)\frac{d\eta_i}{d\mu_i}", eta + (yi - mi) * deta),
                          (r"\eta_i + \frac{y_i - \mu_i}{\mu_i}", eta + (yi - mi) / mi)], [DEF, "id"]))
    wexpr = 1 / (mi * deta ** 2)
    ch.append(chain("w", [(r"w_i", wexpr), (r"\Big[\operatorname{Var}(Y_i)\Big(\frac{d\eta_i}{d\mu_i}\Big)^2\Big]^{-1}", wexpr),
                          (r"\Big[\mu_i\cdot\frac{1}{\mu_i^2}\Big]^{-1}", 1 / (mi * (1 / mi ** 2))), (r"\mu_i", mi)], [DEF, "id", "id"]))

    def ud(y_, m_):
        return 2 * (y_ * log(y_ / m_) - (y_ - m_))

    ch.append(chain("unitdev", [(r"d(y, \mu)", ud(yd, mi)), (r"2\Big[y\log\frac{y}{\mu} - (y - \mu)\Big]", ud(yd, mi))], DEF))
    ch.append(chain("d0", [(r"d(0, \mu)", sp.limit(ud(u_, mi), u_, 0, "+")), (r"2\mu", 2 * mi)]))

    def lli(y_, m_):
        return y_ * log(m_) - m_ - log(sp.factorial(y_))

    ch.append(chain("D", [
        (r"D", lambda c: S(lambda i: ud(Yc[i - 1], Mh[i - 1]), 1, c["n"])),
        (r"\sum_{i=1}^{n}d(y_i, \hat\mu_i)", lambda c: S(lambda i: ud(Yc[i - 1], Mh[i - 1]), 1, c["n"])),
        (r"2\sum_{i=1}^{n}\big[\ell_i(y_i) - \ell_i(\hat\mu_i)\big]", lambda c: 2 * S(lambda i: lli(Yc[i - 1], Yc[i - 1]) - lli(Yc[i - 1], Mh[i - 1]), 1, c["n"]))],
        [DEF, "id"], ctxs=[{"n": n} for n in range(1, 5)]))
    # worked example: y = (2, 6), t = (1, 2), mu_i = t_i e^beta
    be = R("pc_beta", -1.0, 1.5)
    ye, te = [2, 6], [1, 2]
    elle = sum(ye[i] * (log(te[i]) + be) - te[i] * exp(be) for i in range(2))
    Ue = sp.diff(elle, be)
    bh = sp.solve(Ue, be)[0]
    Ie = -sp.diff(elle, be, 2)
    ch.append(chain("ex_ell", [(r"\ell(\beta)", elle),
                               (r"\sum_{i=1}^{2}\big[y_i(\log t_i + \beta) - t_ie^{\beta}\big]", elle),
                               (r"2\beta + 6(\log 2 + \beta) - 3e^{\beta}", 2 * be + 6 * (log(2) + be) - 3 * exp(be))], [DEF, "id"]))
    ch.append(chain("ex_U", [(r"U(\beta)", Ue), (r"\ell'(\beta)", Ue), (r"8 - 3e^{\beta}", 8 - 3 * exp(be))], [DEF, "id"]))
    ch.append(chain("ex_bh", [(r"\hat\beta", bh), (r"\log\frac83", log(Q(8, 3)))]))
    ch.append(chain("ex_I", [(r"\mathcal{I}(\hat\beta)", Ie.subs(be, bh)), (r"3e^{\hat\beta}", 3 * exp(bh)), (r"8", 8)]))
    ch.append(chain("ex_se", [(r"\operatorname{se}(\hat\beta)", 1 / sqrt(Ie.subs(be, bh))), (r"\frac{1}{\sqrt8}", 1 / sqrt(8)),
                              (r"\frac{\sqrt2}{4}", sqrt(2) / 4)]))
    step = 0 + Ue.subs(be, 0) / Ie.subs(be, 0)
    ch.append(chain("ex_step", [(r"\beta^{(1)}", step), (r"0 + \frac{U(0)}{\mathcal{I}(0)}", step), (r"\frac{8 - 3}{3}", Q(8 - 3, 3)),
                                (r"\frac53", Q(5, 3))]))
    muh = [te[i] * exp(bh) for i in range(2)]
    Dn = sum(ud(sp.Integer(ye[i]), muh[i]) for i in range(2))
    ch.append(chain("ex_D", [
        (r"D", Dn),
        (r"2\Big[2\log\frac{2}{8/3} + 6\log\frac{6}{16/3}\Big] - 2\big[(2 + 6) - (\tfrac83 + \tfrac{16}{3})\big]",
         2 * (2 * log(2 / Q(8, 3)) + 6 * log(6 / Q(16, 3))) - 2 * ((2 + 6) - (Q(8, 3) + Q(16, 3)))),
        (r"2\Big[2\log\frac34 + 6\log\frac98\Big]", 2 * (2 * log(Q(3, 4)) + 6 * log(Q(9, 8)))),
        (r"28\log 3 - 44\log 2", 28 * log(3) - 44 * log(2))]))
    doc = Doc("poisson_deviance_cheatsheet.md", ch)
    return with_plant(doc, r"\frac{8 - 3}{3}", r"\frac{8 + 3}{3}", "ex_step", 2,
                      I(r"\frac{8 + 3}{3}", _fn(Q(8 + 3, 3))),
                      "sign: (8 + 3)/3 for (8 - 3)/3, the score U(0) = 8 - 3e^0 of the Fisher-scoring step")


# ===========================================================================
# family 3: backpropagation
def rnn_bptt_homework():
    a = R("rn_a", -1.5, 1.5)
    w, u, v = R("rn_w"), R("rn_u"), R("rn_v")
    x1, x2, y1, y2 = R("rn_x1"), R("rn_x2"), R("rn_y1"), R("rn_y2")
    A1, A2, H = sp.symbols("_rA1 _rA2 _rH", real=True)
    h1 = tanh(u * x1)            # h_0 = 0
    a2 = w * h1 + u * x2
    h2 = tanh(a2)
    L = half * (v * h1 - y1) ** 2 + half * (v * h2 - y2) ** 2
    e1, e2 = v * h1 - y1, v * h2 - y2
    LA = half * (v * tanh(A1) - y1) ** 2 + half * (v * tanh(A2) - y2) ** 2
    at = {A1: u * x1, A2: a2}
    d2 = sp.diff(LA, A2).subs(at)
    d1 = sp.diff(LA.subs(A2, w * tanh(A1) + u * x2), A1).subs(A1, u * x1)
    dtanh = lambda t_: sp.diff(tanh(H), H).subs(H, t_)  # noqa: E731
    ch = []
    ch.append(chain("tanh", [
        (r"\frac{d}{da}\tanh a", sp.diff(tanh(a), a)),
        (r"\frac{d}{da}\,\frac{e^{a} - e^{-a}}{e^{a} + e^{-a}}", sp.diff((exp(a) - exp(-a)) / (exp(a) + exp(-a)), a)),
        (r"\frac{(e^{a} + e^{-a})^2 - (e^{a} - e^{-a})^2}{(e^{a} + e^{-a})^2}", ((exp(a) + exp(-a)) ** 2 - (exp(a) - exp(-a)) ** 2) / (exp(a) + exp(-a)) ** 2),
        (r"1 - \tanh^2 a", 1 - tanh(a) ** 2), (r"\sech^2 a", sp.sech(a) ** 2)]))
    ch.append(chain("d2", [
        (r"\delta_2", d2), (r"\pd{L}{a_2}", d2),
        (r"\pd{L}{h_2}\,\frac{dh_2}{da_2}", sp.diff(half * (v * H - y2) ** 2, H).subs(H, h2) * dtanh(a2)),
        (r"e_2 v\,(1 - h_2^2)", e2 * v * (1 - h2 ** 2))], [DEF, "id", "id"]))
    ch.append(chain("d1", [
        (r"\delta_1", d1), (r"\pd{L}{a_1}", d1),
        (r"\Bigl(\pd{L_1}{h_1} + \pd{L}{a_2}\,\pd{a_2}{h_1}\Bigr)\frac{dh_1}{da_1}",
         (sp.diff(half * (v * H - y1) ** 2, H).subs(H, h1) + d2 * sp.diff(w * H + u * x2, H)) * dtanh(u * x1)),
        (r"(e_1 v + \delta_2 w)(1 - h_1^2)", (e1 * v + d2 * w) * (1 - h1 ** 2))], [DEF, "id", "id"]))
    ch.append(chain("gw", [(r"\pd{L}{w}", sp.diff(L, w)), (r"\delta_1 h_0 + \delta_2 h_1", d1 * 0 + d2 * h1), (r"\delta_2 h_1", d2 * h1)]))
    ch.append(chain("gu", [(r"\pd{L}{u}", sp.diff(L, u)), (r"\delta_1 x_1 + \delta_2 x_2", d1 * x1 + d2 * x2)]))
    ch.append(chain("gv", [(r"\pd{L}{v}", sp.diff(L, v)), (r"e_1 h_1 + e_2 h_2", e1 * h1 + e2 * h2)]))
    ch.append(chain("unroll_w", [
        (r"\pd{L}{w}", sp.diff(L, w)),
        (r"e_1v\,\pd{h_1}{w} + e_2v\,\pd{h_2}{w}", e1 * v * sp.diff(h1, w) + e2 * v * sp.diff(h2, w)),
        (r"e_2 v\,(1 - h_2^2)\Bigl(h_1 + w\,\pd{h_1}{w}\Bigr)", e2 * v * (1 - h2 ** 2) * (h1 + w * sp.diff(h1, w))),
        (r"e_2 v\,(1 - h_2^2)\,h_1", e2 * v * (1 - h2 ** 2) * h1)]))
    ch.append(chain("unroll_u", [
        (r"\pd{L}{u}", sp.diff(L, u)),
        (r"e_1 v(1 - h_1^2)x_1 + e_2 v(1 - h_2^2)\bigl(w(1 - h_1^2)x_1 + x_2\bigr)",
         e1 * v * (1 - h1 ** 2) * x1 + e2 * v * (1 - h2 ** 2) * (w * (1 - h1 ** 2) * x1 + x2)),
        (r"\delta_1 x_1 + \delta_2 x_2", d1 * x1 + d2 * x2)]))
    # numbers
    num = {x1: 1, x2: 0, u: log(2), w: Q(5, 3) * log(3), v: 1, y1: 0, y2: 1}

    def N_(e):
        return e.subs(num)

    ch.append(chain("n_a1", [(r"a_1", N_(u * x1)), (r"u x_1", N_(u * x1)), (r"\log 2", log(2))]))
    ch.append(chain("n_h1", [(r"h_1", N_(h1)), (r"\tanh(\log 2)", tanh(log(2))), (r"\frac{2 - \frac12}{2 + \frac12}", (2 - half) / (2 + half)),
                             (r"\frac35", Q(3, 5))]))
    ch.append(chain("n_a2", [(r"a_2", N_(a2)), (r"w h_1 + u x_2", N_(w * h1 + u * x2)),
                             (r"\tfrac53\log 3\cdot\tfrac35", Q(5, 3) * log(3) * Q(3, 5)), (r"\log 3", log(3))]))
    ch.append(chain("n_h2", [(r"h_2", N_(h2)), (r"\tanh(\log 3)", tanh(log(3))), (r"\frac{3 - \frac13}{3 + \frac13}", (3 - Q(1, 3)) / (3 + Q(1, 3))),
                             (r"\frac45", Q(4, 5))]))
    ch.append(chain("n_d2", [(r"\delta_2", N_(d2)), (r"e_2 v(1 - h_2^2)", N_(e2 * v * (1 - h2 ** 2))),
                             (r"-\frac15\cdot\frac{9}{25}", -Q(1, 5) * Q(9, 25)), (r"-\frac{9}{125}", -Q(9, 125))]))
    ch.append(chain("n_d1", [
        (r"\delta_1", N_(d1)), (r"(e_1 v + \delta_2 w)(1 - h_1^2)", N_((e1 * v + d2 * w) * (1 - h1 ** 2))),
        (r"\Bigl(\frac35 - \frac{9}{125}\cdot\frac53\log 3\Bigr)\frac{16}{25}", (Q(3, 5) - Q(9, 125) * Q(5, 3) * log(3)) * Q(16, 25)),
        (r"\frac{48}{125} - \frac{48}{625}\log 3", Q(48, 125) - Q(48, 625) * log(3))]))
    ch.append(chain("n_gw", [(r"\pd{L}{w}", N_(sp.diff(L, w))), (r"\delta_2 h_1", N_(d2 * h1)), (r"-\frac{27}{625}", -Q(27, 625))]))
    ch.append(chain("n_gu", [(r"\pd{L}{u}", N_(sp.diff(L, u))), (r"\delta_1", N_(d1)),
                             (r"\frac{48}{125} - \frac{48}{625}\log 3", Q(48, 125) - Q(48, 625) * log(3))]))
    ch.append(chain("n_gv", [(r"\pd{L}{v}", N_(sp.diff(L, v))), (r"\frac35\cdot\frac35 - \frac15\cdot\frac45", Q(3, 5) * Q(3, 5) - Q(1, 5) * Q(4, 5)),
                             (r"\frac15", Q(1, 5))]))
    doc = Doc("rnn_bptt_homework.tex", ch)
    wrong = r"\Bigl(\frac35 - \frac{9}{125}\cdot\frac53\log 3\Bigr)"
    return with_plant(doc, r"\Bigl(\frac35 - \frac{9}{125}\cdot\frac53\log 3\Bigr)\frac{16}{25}", wrong, "n_d1", 2,
                      I(wrong, _fn(Q(3, 5) - Q(9, 125) * Q(5, 3) * log(3))),
                      "dropped factor: the factor 16/25 = 1 - h_1^2 (the tanh derivative at step 1) left off delta_1 in the numbers")


def tanh_mlp_backprop_notebook():
    zz = R("tm_z", -1.5, 1.5)
    Wm = rm("tm_W", 3, 3)
    Bv = rv("tm_b", 3)
    Xv = rv("tm_x", 3)
    Vv = rv("tm_v", 3)
    cc, yy, yh = R("tm_c"), R("tm_y"), R("tm_yhat")
    Zs = sp.symbols("_tz1:4", real=True)
    ctx = [{"d": d, "m": m, "j": j, "k": k} for d in range(1, 4) for m in range(1, 4) for j in range(1, m + 1) for k in range(1, d + 1)]

    def z(c, j):
        return S(lambda k: Wm[j - 1][k - 1] * Xv[k - 1], 1, c["d"]) + Bv[j - 1]

    def hj(c, j):
        return tanh(z(c, j))

    def yhat(c):
        return S(lambda j: Vv[j - 1] * hj(c, j), 1, c["m"]) + cc

    def L(c):
        return half * (yhat(c) - yy) ** 2

    def Lz(c):  # the loss as a function of free pre-activations Z_1..Z_m
        return half * (S(lambda j: Vv[j - 1] * tanh(Zs[j - 1]), 1, c["m"]) + cc - yy) ** 2

    def dL_dz(c, j):
        return sp.diff(Lz(c), Zs[j - 1]).subs({Zs[i - 1]: z(c, i) for i in range(1, c["m"] + 1)})

    dout = lambda c: yhat(c) - yy  # noqa: E731
    ch = []
    ch.append(chain("def_z", [(r"z_j", lambda c: z(c, c["j"])), (r"\sum_{k=1}^{d}W_{jk}x_k + b_j", lambda c: z(c, c["j"]))], DEF, ctxs=ctx))
    ch.append(chain("def_h", [(r"h_j", lambda c: hj(c, c["j"])), (r"\tanh z_j", lambda c: tanh(z(c, c["j"])))], DEF, ctxs=ctx))
    ch.append(chain("def_y", [(r"\hat y", yhat), (r"\sum_{j=1}^{m}v_jh_j + c", yhat)], DEF, ctxs=ctx))
    ch.append(chain("def_L", [(r"L", L), (r"\tfrac12(\hat y - y)^2", L)], DEF, ctxs=ctx))
    ch.append(chain("tanhp", [
        (r"\tanh'(z)", sp.diff(tanh(zz), zz)),
        (r"\frac{d}{dz}\Big(1 - \frac{2}{e^{2z} + 1}\Big)", sp.diff(1 - 2 / (exp(2 * zz) + 1), zz)),
        (r"\frac{4e^{2z}}{(e^{2z} + 1)^2}", 4 * exp(2 * zz) / (exp(2 * zz) + 1) ** 2),
        (r"1 - \Big(\frac{e^{2z} - 1}{e^{2z} + 1}\Big)^2", 1 - ((exp(2 * zz) - 1) / (exp(2 * zz) + 1)) ** 2),
        (r"1 - \tanh^2 z", 1 - tanh(zz) ** 2)]))
    ch.append(chain("dout", [(r"\delta^{\text{out}}", sp.diff(half * (yh - yy) ** 2, yh)),
                             (r"\frac{\partial L}{\partial\hat y}", sp.diff(half * (yh - yy) ** 2, yh)), (r"\hat y - y", yh - yy)], [DEF, "id"]))
    ch.append(chain("dv", [(r"\frac{\partial L}{\partial v_j}", lambda c: sp.diff(L(c), Vv[c["j"] - 1])),
                           (r"\delta^{\text{out}}\,h_j", lambda c: dout(c) * hj(c, c["j"]))], ctxs=ctx))
    ch.append(chain("dc", [(r"\frac{\partial L}{\partial c}", lambda c: sp.diff(L(c), cc)), (r"\delta^{\text{out}}", dout)], ctxs=ctx))
    ch.append(chain("delta", [
        (r"\delta_j", lambda c: dL_dz(c, c["j"])), (r"\frac{\partial L}{\partial z_j}", lambda c: dL_dz(c, c["j"])),
        (r"\frac{\partial L}{\partial\hat y}\,\frac{\partial\hat y}{\partial h_j}\,\frac{\partial h_j}{\partial z_j}",
         lambda c: dout(c) * Vv[c["j"] - 1] * sp.diff(tanh(zz), zz).subs(zz, z(c, c["j"]))),
        (r"\delta^{\text{out}}\,v_j\,(1 - h_j^2)", lambda c: dout(c) * Vv[c["j"] - 1] * (1 - hj(c, c["j"]) ** 2))],
        [DEF, "id", "id"], ctxs=ctx))

    def delta(c, j):
        return dout(c) * Vv[j - 1] * (1 - hj(c, j) ** 2)

    ch.append(chain("dW", [(r"\frac{\partial L}{\partial W_{jk}}", lambda c: sp.diff(L(c), Wm[c["j"] - 1][c["k"] - 1])),
                           (r"\delta_j\,x_k", lambda c: delta(c, c["j"]) * Xv[c["k"] - 1])], ctxs=ctx))
    ch.append(chain("db", [(r"\frac{\partial L}{\partial b_j}", lambda c: sp.diff(L(c), Bv[c["j"] - 1])), (r"\delta_j", lambda c: delta(c, c["j"]))], ctxs=ctx))
    ch.append(chain("dx", [(r"\frac{\partial L}{\partial x_k}", lambda c: sp.diff(L(c), Xv[c["k"] - 1])),
                           (r"\sum_{j=1}^{m}\delta_jW_{jk}", lambda c: S(lambda j: delta(c, j) * Wm[j - 1][c["k"] - 1], 1, c["m"]))], ctxs=ctx))
    # numbers: d = m = 2
    c2 = {"d": 2, "m": 2}
    num = {Xv[0]: 1, Xv[1]: 1, Wm[0][0]: log(2), Wm[0][1]: 0, Wm[1][0]: log(3), Wm[1][1]: -log(3),
           Bv[0]: 0, Bv[1]: 0, Vv[0]: 1, Vv[1]: 2, cc: 0, yy: 1}

    def N_(e):
        return e.subs(num)

    ch.append(chain("n_z1", [(r"z_1", N_(z(c2, 1))), (r"\ln 2\cdot 1 + 0\cdot 1", log(2) * 1 + 0 * 1), (r"\ln 2", log(2))]))
    ch.append(chain("n_z2", [(r"z_2", N_(z(c2, 2))), (r"\ln 3 - \ln 3", log(3) - log(3)), (r"0", 0)]))
    ch.append(chain("n_h1", [(r"h_1", N_(hj(c2, 1))), (r"\tanh(\ln 2)", tanh(log(2))),
                             (r"\frac{e^{2\ln 2} - 1}{e^{2\ln 2} + 1}", (exp(2 * log(2)) - 1) / (exp(2 * log(2)) + 1)),
                             (r"\frac{4 - 1}{4 + 1}", Q(4 - 1, 4 + 1)), (r"\frac35", Q(3, 5))]))
    ch.append(chain("n_h2", [(r"h_2", N_(hj(c2, 2))), (r"\tanh 0", tanh(0)), (r"0", 0)]))
    ch.append(chain("n_yh", [(r"\hat y", N_(yhat(c2))), (r"1\cdot\tfrac35 + 2\cdot 0", 1 * Q(3, 5) + 2 * 0), (r"\tfrac35", Q(3, 5))]))
    ch.append(chain("n_L", [(r"L", N_(L(c2))), (r"\tfrac12\big(\tfrac35 - 1\big)^2", half * (Q(3, 5) - 1) ** 2), (r"\tfrac{2}{25}", Q(2, 25))]))
    ch.append(chain("n_dout", [(r"\delta^{\text{out}}", N_(dout(c2))), (r"\tfrac35 - 1", Q(3, 5) - 1), (r"-\tfrac25", -Q(2, 5))]))
    ch.append(chain("n_d1", [(r"\delta_1", N_(dL_dz(c2, 1))), (r"-\tfrac25\cdot 1\cdot\big(1 - (\tfrac35)^2\big)", -Q(2, 5) * 1 * (1 - Q(3, 5) ** 2)),
                             (r"-\tfrac{32}{125}", -Q(32, 125))]))
    ch.append(chain("n_d2", [(r"\delta_2", N_(dL_dz(c2, 2))), (r"-\tfrac25\cdot 2\cdot(1 - 0)", -Q(2, 5) * 2 * (1 - 0)), (r"-\tfrac45", -Q(4, 5))]))
    gW = Mat(2, 2, lambda j, k: N_(sp.diff(L(c2), Wm[j][k])))
    d1n, d2n = -Q(32, 125), -Q(4, 5)
    ch.append(chain("n_gW", [
        (r"\nabla_W L", gW),
        (r"\begin{pmatrix}\delta_1x_1 & \delta_1x_2\\ \delta_2x_1 & \delta_2x_2\end{pmatrix}",
         Mat([[N_(dL_dz(c2, 1)) * 1, N_(dL_dz(c2, 1)) * 1], [N_(dL_dz(c2, 2)) * 1, N_(dL_dz(c2, 2)) * 1]])),
        (r"\begin{pmatrix}-\tfrac{32}{125} & -\tfrac{32}{125}\\ -\tfrac45 & -\tfrac45\end{pmatrix}", Mat([[d1n, d1n], [d2n, d2n]]))]))
    ch.append(chain("n_gv", [
        (r"\nabla_{\mathbf v}L", Mat([N_(sp.diff(L(c2), Vv[0])), N_(sp.diff(L(c2), Vv[1]))])),
        (r"-\tfrac25\begin{pmatrix}\tfrac35\\ 0\end{pmatrix}", -Q(2, 5) * Mat([Q(3, 5), 0])),
        (r"\begin{pmatrix}-\tfrac{6}{25}\\ 0\end{pmatrix}", Mat([-Q(6, 25), 0]))]))
    ch.append(chain("n_dx1", [
        (r"\frac{\partial L}{\partial x_1}", N_(sp.diff(L(c2), Xv[0]))),
        (r"\delta_1W_{11} + \delta_2W_{21}", N_(dL_dz(c2, 1) * Wm[0][0] + dL_dz(c2, 2) * Wm[1][0])),
        (r"-\tfrac{32}{125}\ln 2 - \tfrac45\ln 3", -Q(32, 125) * log(2) - Q(4, 5) * log(3))]))
    doc = Doc("tanh_mlp_backprop_notebook.md", ch)
    wrong = r"-\tfrac25\cdot 1\cdot\big(1 - \tfrac35\big)"
    return with_plant(doc, r"-\tfrac25\cdot 1\cdot\big(1 - (\tfrac35)^2\big)", wrong, "n_d1", 1,
                      I(wrong, _fn(-Q(2, 5) * 1 * (1 - Q(3, 5)))),
                      "wrong exponent: 1 - 3/5 for 1 - (3/5)^2, h_1 not squared in the tanh derivative 1 - h_1^2 of delta_1")


DOCS = [logistic_hessian_lecture, logistic_newton_forum, poisson_counts_appendix, poisson_deviance_cheatsheet,
        rnn_bptt_homework, tanh_mlp_backprop_notebook]
