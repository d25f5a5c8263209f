"""Hand encodings of the corpus_ml9 documents of families 1-3 (exponential families and GLMs;
Gamma and Beta distributions; backpropagation through time in a scalar RNN).

Every display is a chain of I(anchor, fn) items: `anchor` is the exact LaTeX of the expression in
the document and fn(ctx) its SymPy value in the context ctx. Links whose kind is "def" introduce a
name (counted as definitions in the manifest); all others assert an identity. Where a document
states an expectation, a mean, a log-partition function or a derivative, it is encoded
independently of the document's own route: expectations as sums or quadratures against the stated
law (or the known moments of that law), derivatives with sympy.diff of the underlying function.
"""
import sympy as sp

from framework import Chain, Doc, with_plant, delta, sig  # noqa: F401
from helpers import (vec, S, I, const, R, P, INT_vec, rational)  # noqa: F401

DEF = "def"
half = sp.Rational(1, 2)


def Q(a, b=1):
    return sp.Rational(a, b)


def diffat(f, var, at, n=1):
    """n-th derivative of the expression f in var, evaluated at var = at."""
    return sp.diff(f, var, n).subs(var, at)


# ===========================================================================
# family 1: exponential families and GLMs
def exponential_family_glm_lecture():
    eta = R("eta", -2.0, 2.0)
    yr = R("y_real", -1.0, 2.0)
    mu = R("mu_01", 0.05, 0.95)
    lam = P("lambda_pois", 0.3, 4.0)
    yi = sp.Symbol("y_int", integer=True, nonnegative=True)
    sig2 = P("sigma2", 0.3, 3.0)
    mug = R("mu_gauss", -2.0, 2.0)
    ee = sp.exp(eta)
    Abern = sp.log(1 + ee)
    mu_eta = ee / (1 + ee)
    ch = []
    # canonical form: a definition; h and A are the family's, kept abstract
    h, A = sp.Function("h"), sp.Function("A")
    ch.append(Chain("canonical", [
        I(r"p(y \mid \eta)", const(h(yr) * sp.exp(eta * yr - A(eta)))),
        I(r"h(y)\exp\bigl(\eta\,y - A(\eta)\bigr)", const(h(yr) * sp.exp(eta * yr - A(eta)))),
    ], DEF))
    pb = mu ** yr * (1 - mu) ** (1 - yr)
    ch.append(Chain("bernoulli form", [
        I(r"p(y \mid \mu)", const(pb)),
        I(r"\mu^{y}(1 - \mu)^{1 - y}", const(pb)),
        I(r"\exp\bigl(y\log\mu + (1 - y)\log(1 - \mu)\bigr)", const(sp.exp(yr * sp.log(mu) + (1 - yr) * sp.log(1 - mu)))),
        I(r"\exp\Bigl(y\log\frac{\mu}{1 - \mu} + \log(1 - \mu)\Bigr)", const(sp.exp(yr * sp.log(mu / (1 - mu)) + sp.log(1 - mu)))),
    ], [DEF, "id", "id"]))
    ch.append(Chain("bernoulli A", [
        I(r"A(\eta)", const(Abern)),
        I(r"-\log(1 - \mu)", const(-sp.log(1 - mu_eta))),
        I(r"-\log\frac{1}{1 + e^{\eta}}", const(-sp.log(1 / (1 + ee)))),
        I(r"\log\bigl(1 + e^{\eta}\bigr)", const(sp.log(1 + ee))),
    ], [DEF, "id", "id"]))
    ch.append(Chain("bernoulli A'", [
        I(r"A'(\eta)", const(sp.diff(Abern, eta))),
        I(r"\frac{e^{\eta}}{1 + e^{\eta}}", const(ee / (1 + ee))),
        I(r"\frac{1}{1 + e^{-\eta}}", const(1 / (1 + sp.exp(-eta)))),
        I(r"\mu", const(mu_eta)),
    ]))
    ch.append(Chain("bernoulli A''", [
        I(r"A''(\eta)", const(sp.diff(Abern, eta, 2))),
        I(r"\frac{e^{\eta}(1 + e^{\eta}) - e^{\eta}\,e^{\eta}}{(1 + e^{\eta})^2}", const((ee * (1 + ee) - ee * ee) / (1 + ee) ** 2)),
        I(r"\frac{e^{\eta}}{(1 + e^{\eta})^2}", const(ee / (1 + ee) ** 2)),
        I(r"\frac{e^{\eta}}{1 + e^{\eta}}\cdot\frac{1}{1 + e^{\eta}}", const(ee / (1 + ee) * (1 / (1 + ee)))),
        I(r"\mu(1 - \mu)", const(mu_eta * (1 - mu_eta))),
    ]))
    pp = lam ** yi * sp.exp(-lam) / sp.factorial(yi)
    ch.append(Chain("poisson form", [
        I(r"p(y \mid \lambda)", const(pp)),
        I(r"\frac{\lambda^{y}e^{-\lambda}}{y!}", const(pp)),
        I(r"\frac{1}{y!}\exp\bigl(y\log\lambda - \lambda\bigr)", const(1 / sp.factorial(yi) * sp.exp(yi * sp.log(lam) - lam))),
    ], [DEF, "id"]))
    Apois = sp.exp(eta)
    ch.append(Chain("poisson A", [
        I(r"A'(\eta)", const(sp.diff(Apois, eta))),
        I(r"A''(\eta)", const(sp.diff(Apois, eta, 2))),
        I(r"e^{\eta}", const(sp.exp(eta))),
        I(r"\lambda", const(sp.exp(eta))),  # lambda = e^eta in this display
    ]))
    c = 1 / sp.sqrt(2 * sp.pi * sig2)
    pg = c * sp.exp(-(yr - mug) ** 2 / (2 * sig2))
    ch.append(Chain("gauss form", [
        I(r"p(y \mid \mu)", const(pg)),
        I(r"\frac{1}{\sqrt{2\pi\sigma^2}}\exp\Bigl(-\frac{(y - \mu)^2}{2\sigma^2}\Bigr)", const(pg)),
        I(r"\frac{1}{\sqrt{2\pi\sigma^2}}\exp\Bigl(-\frac{y^2}{2\sigma^2}\Bigr)\exp\Bigl(\frac{\mu}{\sigma^2}\,y - \frac{\mu^2}{2\sigma^2}\Bigr)",
          const(c * sp.exp(-yr ** 2 / (2 * sig2)) * sp.exp(mug / sig2 * yr - mug ** 2 / (2 * sig2)))),
    ], [DEF, "id"]))
    Ag = sig2 * eta ** 2 / 2
    mu_g = sig2 * eta
    ch.append(Chain("gauss A", [
        I(r"A(\eta)", const(Ag)),
        I(r"\frac{\mu^2}{2\sigma^2}", const(mu_g ** 2 / (2 * sig2))),
        I(r"\frac{(\sigma^2\eta)^2}{2\sigma^2}", const((sig2 * eta) ** 2 / (2 * sig2))),
        I(r"\frac{\sigma^2\eta^2}{2}", const(sig2 * eta ** 2 / 2)),
    ], [DEF, "id", "id"]))
    ch.append(Chain("gauss A'", [
        I(r"A'(\eta)", const(sp.diff(Ag, eta))),
        I(r"\sigma^2\eta", const(sig2 * eta)),
        I(r"\mu", const(mu_g)),
    ]))
    ch.append(Chain("gauss A''", [
        I(r"A''(\eta)", const(sp.diff(Ag, eta, 2))),
        I(r"\sigma^2", const(sig2)),
    ]))
    Ap = sp.diff(Abern, eta)
    ch.append(Chain("canonical link", [
        I(r"g\bigl(A'(\eta)\bigr)", const(sp.log(Ap / (1 - Ap)))),
        I(r"\log\frac{A'(\eta)}{1 - A'(\eta)}", const(sp.log(Ap / (1 - Ap)))),
        I(r"\log\frac{e^{\eta}/(1 + e^{\eta})}{1/(1 + e^{\eta})}", const(sp.log((ee / (1 + ee)) / (1 / (1 + ee))))),
        I(r"\log e^{\eta}", const(sp.log(sp.exp(eta)))),
        I(r"\eta", const(eta)),
    ]))

    # logistic regression: contexts n = 1..3 observations, p = 1..2 coefficients
    def data(c):
        X = [[R("x_%d_%d" % (i, j), -1.5, 1.5) for j in range(1, c["p"] + 1)] for i in range(1, c["n"] + 1)]
        Y = vec("y", c["n"], lo=0.0, hi=1.0)
        B = vec("beta", c["p"], lo=-1.0, hi=1.0)
        etas = [sum(X[i][j] * B[j] for j in range(c["p"])) for i in range(c["n"])]
        return X, Y, B, etas

    def A_(t):
        return sp.log(1 + sp.exp(t))

    def loglik(c):
        X, Y, B, etas = data(c)
        return sum(Y[i] * etas[i] - A_(etas[i]) for i in range(c["n"]))

    NP = [{"n": n, "p": p} for n in (1, 2, 3) for p in (1, 2)]
    NPJ = [dict(d, j=j) for d in NP for j in range(1, d["p"] + 1)]
    NPJK = [dict(d, k=k) for d in NPJ for k in range(1, d["p"] + 1)]
    u = sp.Symbol("_u", real=True)
    Aprime = sp.Lambda(u, sp.diff(A_(u), u))
    Asecond = sp.Lambda(u, sp.diff(A_(u), u, 2))
    ch.append(Chain("loglik", [
        I(r"\ell(\beta)", loglik),
        I(r"\sum_{i=1}^{n}\bigl(y_i\,\eta_i - A(\eta_i)\bigr)", lambda c: sum(data(c)[1][i] * data(c)[3][i] - A_(data(c)[3][i]) for i in range(c["n"]))),
        I(r"\sum_{i=1}^{n}\Bigl(y_i\,\mathbf{x}_i^\top\beta - \log\bigl(1 + e^{\mathbf{x}_i^\top\beta}\bigr)\Bigr)",
          lambda c: sum(data(c)[1][i] * data(c)[3][i] - sp.log(1 + sp.exp(data(c)[3][i])) for i in range(c["n"]))),
    ], [DEF, "id"], NP))

    def grad_items(c):
        X, Y, B, etas = data(c)
        j = c["j"] - 1
        return X, Y, B, etas, j

    ch.append(Chain("gradient", [
        I(r"\frac{\partial \ell}{\partial \beta_j}", lambda c: sp.diff(loglik(c), data(c)[2][c["j"] - 1])),
        I(r"\sum_{i=1}^{n}\bigl(y_i - A'(\eta_i)\bigr)\frac{\partial \eta_i}{\partial \beta_j}",
          lambda c: (lambda X, Y, B, e, j: sum((Y[i] - Aprime(e[i])) * sp.diff(e[i], B[j]) for i in range(c["n"])))(*grad_items(c))),
        I(r"\sum_{i=1}^{n}\bigl(y_i - \mu_i\bigr)x_{ij}",
          lambda c: (lambda X, Y, B, e, j: sum((Y[i] - sig(e[i])) * X[i][j] for i in range(c["n"])))(*grad_items(c))),
        I(r"\sum_{i=1}^{n}\Bigl(y_i - \frac{1}{1 + e^{-\mathbf{x}_i^\top\beta}}\Bigr)x_{ij}",
          lambda c: (lambda X, Y, B, e, j: sum((Y[i] - 1 / (1 + sp.exp(-e[i]))) * X[i][j] for i in range(c["n"])))(*grad_items(c))),
    ], ctxs=NPJ))
    ch.append(Chain("hessian", [
        I(r"\frac{\partial^2 \ell}{\partial \beta_j\,\partial \beta_k}",
          lambda c: sp.diff(loglik(c), data(c)[2][c["j"] - 1], data(c)[2][c["k"] - 1])),
        I(r"-\sum_{i=1}^{n} A''(\eta_i)\,\frac{\partial \eta_i}{\partial \beta_k}\,x_{ij}",
          lambda c: (lambda X, Y, B, e: -sum(Asecond(e[i]) * sp.diff(e[i], B[c["k"] - 1]) * X[i][c["j"] - 1] for i in range(c["n"])))(*data(c))),
        I(r"-\sum_{i=1}^{n} \mu_i(1 - \mu_i)\,x_{ij}\,x_{ik}",
          lambda c: (lambda X, Y, B, e: -sum(sig(e[i]) * (1 - sig(e[i])) * X[i][c["j"] - 1] * X[i][c["k"] - 1] for i in range(c["n"])))(*data(c))),
    ], ctxs=NPJK))
    # the two-point example: x = (1, 2), y = (1, 0), at beta = 0
    b = sp.Symbol("b_scalar", real=True)
    l2 = 1 * (1 * b) - A_(1 * b) + 0 * (2 * b) - A_(2 * b)
    g0, H0 = diffat(l2, b, 0), diffat(l2, b, 0, 2)
    ch.append(Chain("example gradient", [
        I(r"\frac{\partial \ell}{\partial \beta}\Big|_{\beta=0}", const(g0)),
        I(r"\Bigl(1 - \frac{1}{2}\Bigr)\cdot 1 + \Bigl(0 - \frac{1}{2}\Bigr)\cdot 2", const((1 - half) * 1 + (0 - half) * 2)),
        I(r"-\frac{1}{2}", const(-half)),
    ]))
    ch.append(Chain("example hessian", [
        I(r"\frac{\partial^2 \ell}{\partial \beta^2}\Big|_{\beta=0}", const(H0)),
        I(r"-\frac{1}{4}\bigl(1^2 + 2^2\bigr)", const(-Q(1, 4) * (1 + 4))),
        I(r"-\frac{5}{4}", const(-Q(5, 4))),
    ]))
    ch.append(Chain("newton", [
        I(r"\beta_{\mathrm{new}}", const(0 - g0 / H0)),
        I(r"0 - \Bigl(-\frac{5}{4}\Bigr)^{-1}\Bigl(-\frac{1}{2}\Bigr)", const(0 - (-Q(5, 4)) ** -1 * (-half))),
        I(r"-\frac{4}{5}\cdot\frac{1}{2}", const(-Q(4, 5) * half)),
        I(r"-\frac{2}{5}", const(-Q(2, 5))),
    ]))
    doc = Doc("exponential_family_glm_lecture.tex", ch)

    def wrong(c):
        X, Y, B, e, j = grad_items(c)
        return sum((Y[i] - sig(e[i])) for i in range(c["n"]))
    return with_plant(doc, r"&= \sum_{i=1}^{n}\bigl(y_i - \mu_i\bigr)x_{ij} \nonumber\\",
                      r"&= \sum_{i=1}^{n}\bigl(y_i - \mu_i\bigr) \nonumber\\",
                      "gradient", 2, I(r"\sum_{i=1}^{n}\bigl(y_i - \mu_i\bigr)", wrong),
                      "dropped factor: the covariate x_ij (d eta_i / d beta_j) in the logistic-regression gradient")


def log_partition_mean_blog():
    eta = R("eta", -2.0, 2.0)
    k = sp.Symbol("k_sum", integer=True, nonnegative=True)
    ee = sp.exp(eta)
    s_ = ee / (1 + ee)

    def finite(support, h):
        return lambda f: sp.Add(*[h(y) * f(sp.Integer(y)) for y in support])

    # each family: sum over its support of h(y) * F(y), closed-form A, mean and variance
    FAM = [
        dict(name="Bernoulli", S=finite([0, 1], lambda y: 1), A=sp.log(1 + ee), mean=s_, var=s_ * (1 - s_)),
        dict(name="Binomial(3)", S=finite([0, 1, 2, 3], lambda y: sp.binomial(3, y)), A=3 * sp.log(1 + ee),
             mean=3 * s_, var=3 * s_ * (1 - s_)),
        dict(name="Poisson", S=lambda f: sp.Sum(f(k) / sp.factorial(k), (k, 0, sp.oo)), A=ee, mean=ee, var=ee),
    ]

    def Sh(c, f):
        """sum over y of h(y) f(y) for the context's family"""
        return c["S"](f)

    ch = []
    ch.append(Chain("A def", [
        I(r"A(\eta)", lambda c: c["A"]),
        I(r"\ln \sum_{y} h(y)\,e^{\eta y}", lambda c: sp.log(Sh(c, lambda y: sp.exp(eta * y)))),
    ], DEF, FAM))
    ch.append(Chain("A'", [
        I(r"A'(\eta)", lambda c: sp.diff(c["A"], eta)),
        I(r"\frac{1}{\sum_{y} h(y)\,e^{\eta y}} \sum_{y} y\,h(y)\,e^{\eta y}",
          lambda c: Sh(c, lambda y: y * sp.exp(eta * y)) / Sh(c, lambda y: sp.exp(eta * y))),
        I(r"\sum_{y} y\,h(y)\,e^{\eta y - A(\eta)}", lambda c: Sh(c, lambda y: y * sp.exp(eta * y - c["A"]))),
        I(r"\sum_{y} y\,p(y \mid \eta)", lambda c: Sh(c, lambda y: y * sp.exp(eta * y - c["A"]))),
        I(r"\mathbb{E}_\eta[Y]", lambda c: c["mean"]),
    ], ctxs=FAM))
    ch.append(Chain("A''", [
        I(r"A''(\eta)", lambda c: sp.diff(c["A"], eta, 2)),
        I(r"\sum_{y} y\,h(y)\,e^{\eta y - A(\eta)}\bigl(y - A'(\eta)\bigr)",
          lambda c: Sh(c, lambda y: y * sp.exp(eta * y - c["A"]) * (y - sp.diff(c["A"], eta)))),
        I(r"\sum_{y} y^2\,p(y \mid \eta) - A'(\eta)\sum_{y} y\,p(y \mid \eta)",
          lambda c: Sh(c, lambda y: y ** 2 * sp.exp(eta * y - c["A"])) - sp.diff(c["A"], eta) * Sh(c, lambda y: y * sp.exp(eta * y - c["A"]))),
        I(r"\mathbb{E}_\eta[Y^2] - \bigl(\mathbb{E}_\eta[Y]\bigr)^2", lambda c: (c["var"] + c["mean"] ** 2) - c["mean"] ** 2),
        I(r"\operatorname{Var}_\eta(Y)", lambda c: c["var"]),
    ], ctxs=FAM))
    ch.append(Chain("poisson", [
        I(r"A(\eta)", const(ee)),
        I(r"\ln \sum_{y=0}^{\infty} \frac{e^{\eta y}}{y!}", const(sp.log(sp.Sum(sp.exp(eta * k) / sp.factorial(k), (k, 0, sp.oo))))),
        I(r"\ln \exp\bigl(e^{\eta}\bigr)", const(sp.log(sp.exp(ee), evaluate=False))),
        I(r"e^{\eta}", const(ee)),
    ]))
    s2 = P("sigma2", 0.3, 3.0)
    yv = sp.Symbol("y_int_var", real=True)
    ch.append(Chain("gauss", [
        I(r"A(\eta)", const(s2 * eta ** 2 / 2)),
        I(r"\ln \int_{-\infty}^{\infty} \frac{e^{-y^2/(2\sigma^2)}}{\sqrt{2\pi\sigma^2}}\,e^{\eta y}\,dy",
          const(sp.log(sp.Integral(sp.exp(-yv ** 2 / (2 * s2)) / sp.sqrt(2 * sp.pi * s2) * sp.exp(eta * yv), (yv, -sp.oo, sp.oo))))),
        I(r"\frac{\sigma^2\eta^2}{2}", const(s2 * eta ** 2 / 2)),
    ]))
    ch.append(Chain("logit", [
        I(r"\ln\frac{\mu}{1 - \mu}", const(sp.log(s_ / (1 - s_)))),
        I(r"\ln\frac{e^{\eta}/(1 + e^{\eta})}{1/(1 + e^{\eta})}", const(sp.log((ee / (1 + ee)) / (1 / (1 + ee))))),
        I(r"\ln e^{\eta}", const(sp.log(ee, evaluate=False))),
        I(r"\eta", const(eta)),
    ]))

    # Poisson regression, n = 1..4 observations, integer counts
    b = R("beta", -1.0, 1.0)

    def data(c):
        xs = vec("x", c["n"], lo=-1.0, hi=1.0)
        ys = INT_vec("y", c["n"])
        return xs, ys

    def ell(c):
        xs, ys = data(c)
        return sum(ys[i] * b * xs[i] - sp.exp(b * xs[i]) - sp.log(sp.factorial(ys[i])) for i in range(c["n"]))

    NS = [{"n": n} for n in range(1, 5)]
    ch.append(Chain("ell", [
        I(r"\ell(\beta)", ell),
        I(r"\sum_{i=1}^{n} \bigl(y_i\,\beta x_i - e^{\beta x_i} - \ln y_i!\bigr)", ell),
    ], DEF, NS))
    ch.append(Chain("ell'", [
        I(r"\ell'(\beta)", lambda c: sp.diff(ell(c), b)),
        I(r"\sum_{i=1}^{n} \bigl(y_i x_i - x_i e^{\beta x_i}\bigr)",
          lambda c: (lambda xs, ys: sum(ys[i] * xs[i] - xs[i] * sp.exp(b * xs[i]) for i in range(c["n"])))(*data(c))),
        I(r"\sum_{i=1}^{n} (y_i - \mu_i)\,x_i",
          lambda c: (lambda xs, ys: sum((ys[i] - sp.exp(b * xs[i])) * xs[i] for i in range(c["n"])))(*data(c))),
    ], ctxs=NS))
    ch.append(Chain("ell''", [
        I(r"\ell''(\beta)", lambda c: sp.diff(ell(c), b, 2)),
        I(r"-\sum_{i=1}^{n} x_i^2 e^{\beta x_i}", lambda c: (lambda xs, ys: -sum(xs[i] ** 2 * sp.exp(b * xs[i]) for i in range(c["n"])))(*data(c))),
        I(r"-\sum_{i=1}^{n} \mu_i\,x_i^2", lambda c: (lambda xs, ys: -sum(sp.exp(b * xs[i]) * xs[i] ** 2 for i in range(c["n"])))(*data(c))),
    ], ctxs=NS))
    # numbers: x = (1, 2), y = (0, 3), beta_0 = 0
    lnum = sum(yy * b * xx - sp.exp(b * xx) - sp.log(sp.factorial(yy)) for xx, yy in [(1, 0), (2, 3)])
    g0, H0 = diffat(lnum, b, 0), diffat(lnum, b, 0, 2)
    ch.append(Chain("num grad", [
        I(r"\ell'(0)", const(g0)),
        I(r"(0 - 1)\cdot 1 + (3 - 1)\cdot 2", const((0 - 1) * 1 + (3 - 1) * 2)),
        I(r"3", const(3)),
    ]))
    ch.append(Chain("num hess", [
        I(r"\ell''(0)", const(H0)),
        I(r"-(1\cdot 1^2 + 1\cdot 2^2)", const(-(1 * 1 + 1 * 4))),
        I(r"-5", const(-5)),
    ]))
    ch.append(Chain("newton", [
        I(r"\beta_1", const(0 - g0 / H0)),
        I(r"\beta_0 - \frac{\ell'(\beta_0)}{\ell''(\beta_0)}", const(0 - g0 / H0)),
        I(r"0 - \frac{3}{-5}", const(0 - Q(3, -5))),
        I(r"\frac{3}{5}", const(Q(3, 5))),
    ], [DEF, "id", "id"]))
    doc = Doc("log_partition_mean_blog.md", ch)

    def wrong(c):
        xs, ys = data(c)
        return sum(ys[i] * xs[i] - xs[i] * sp.exp(b * ys[i]) for i in range(c["n"]))
    return with_plant(doc, r"\ell'(\beta) &= \sum_{i=1}^{n} \bigl(y_i x_i - x_i e^{\beta x_i}\bigr) =",
                      r"\ell'(\beta) &= \sum_{i=1}^{n} \bigl(y_i x_i - x_i e^{\beta y_i}\bigr) =",
                      "ell'", 1, I(r"\sum_{i=1}^{n} \bigl(y_i x_i - x_i e^{\beta y_i}\bigr)", wrong),
                      "wrong variable: e^{beta y_i} for e^{beta x_i} (the mean mu_i = e^{beta x_i}) in the Poisson-regression score")


# ===========================================================================
# family 2: Gamma and Beta distributions
def gamma_beta_exam_solutions():
    al = P("alpha", 1.2, 4.0)
    be = P("beta_rate", 0.6, 3.0)
    lam = P("lambda_rate", 1.0, 3.0)
    t = R("t", -0.8, 0.8)
    x = sp.Symbol("x_int", positive=True)
    xg = P("x_pos", 0.1, 5.0)
    a, b = P("a", 1.2, 4.0), P("b", 1.2, 4.0)
    pv = sp.Symbol("p_int", positive=True)
    G = sp.gamma

    def fdens(v):
        return be ** al / G(al) * v ** (al - 1) * sp.exp(-be * v)

    def Int0(e):
        return sp.Integral(e, (x, 0, sp.oo))

    ch = []
    bnd = sp.limit(-x ** al * sp.exp(-x), x, sp.oo) - sp.limit(-x ** al * sp.exp(-x), x, 0, "+")
    ch.append(Chain("gamma recursion", [
        I(r"\Gamma(\alpha + 1)", const(G(al + 1))),
        I(r"\int_0^\infty x^{\alpha}e^{-x}\,\dd x", const(Int0(x ** al * sp.exp(-x)))),
        I(r"\Bigl[-x^{\alpha}e^{-x}\Bigr]_0^\infty + \alpha\int_0^\infty x^{\alpha-1}e^{-x}\,\dd x", const(bnd + al * Int0(x ** (al - 1) * sp.exp(-x)))),
        I(r"\alpha\,\Gamma(\alpha)", const(al * G(al))),
    ]))
    ch.append(Chain("density", [
        I(r"f(x)", const(fdens(xg))),
        I(r"\frac{\beta^{\alpha}}{\Gamma(\alpha)}\,x^{\alpha-1}e^{-\beta x}", const(fdens(xg))),
    ], DEF))
    ch.append(Chain("mean", [
        I(r"\E[X]", const(al / be)),
        I(r"\int_0^\infty x\,\frac{\beta^{\alpha}}{\Gamma(\alpha)}\,x^{\alpha-1}e^{-\beta x}\,\dd x", const(Int0(x * fdens(x)))),
        I(r"\frac{\beta^{\alpha}}{\Gamma(\alpha)}\int_0^\infty x^{\alpha}e^{-\beta x}\,\dd x", const(be ** al / G(al) * Int0(x ** al * sp.exp(-be * x)))),
        I(r"\frac{\beta^{\alpha}}{\Gamma(\alpha)}\cdot\frac{\Gamma(\alpha + 1)}{\beta^{\alpha + 1}}", const(be ** al / G(al) * G(al + 1) / be ** (al + 1))),
        I(r"\frac{\alpha\,\Gamma(\alpha)}{\beta\,\Gamma(\alpha)}", const(al * G(al) / (be * G(al)))),
        I(r"\frac{\alpha}{\beta}", const(al / be)),
    ]))
    M = lam / (lam - t)
    ch.append(Chain("mgf", [
        I(r"M_X(t)", const(M)),
        I(r"\E\bigl[e^{tX}\bigr]", const(M)),
        I(r"\int_0^\infty e^{tx}\,\lambda e^{-\lambda x}\,\dd x", const(Int0(sp.exp(t * x) * lam * sp.exp(-lam * x)))),
        I(r"\lambda\int_0^\infty e^{-(\lambda - t)x}\,\dd x", const(lam * Int0(sp.exp(-(lam - t) * x)))),
        I(r"\frac{\lambda}{\lambda - t}", const(lam / (lam - t))),
    ], [DEF, "id", "id", "id"]))
    ch.append(Chain("M'", [
        I(r"M_X'(t)", const(sp.diff(M, t))),
        I(r"\frac{\lambda}{(\lambda - t)^2}", const(lam / (lam - t) ** 2)),
    ]))
    ch.append(Chain("M''", [
        I(r"M_X''(t)", const(sp.diff(M, t, 2))),
        I(r"\frac{2\lambda}{(\lambda - t)^3}", const(2 * lam / (lam - t) ** 3)),
    ]))
    fexp = lam * sp.exp(-lam * x)
    ch.append(Chain("EX exp", [
        I(r"\E[X]", const(Int0(x * fexp))),
        I(r"M_X'(0)", const(diffat(M, t, 0))),
        I(r"\frac{1}{\lambda}", const(1 / lam)),
    ]))
    ch.append(Chain("EX2 exp", [
        I(r"\E[X^2]", const(Int0(x ** 2 * fexp))),
        I(r"M_X''(0)", const(diffat(M, t, 0, 2))),
        I(r"\frac{2}{\lambda^2}", const(2 / lam ** 2)),
    ]))
    ch.append(Chain("Var exp", [
        I(r"\Var(X)", const(Int0((x - 1 / lam) ** 2 * fexp))),
        I(r"\frac{2}{\lambda^2} - \frac{1}{\lambda^2}", const(2 / lam ** 2 - 1 / lam ** 2)),
        I(r"\frac{1}{\lambda^2}", const(1 / lam ** 2)),
    ]))
    tb = R("t_b", -0.5, 0.5)  # t < beta
    be2 = P("beta_mgf", 0.8, 3.0)
    Mg = (be2 / (be2 - tb)) ** al
    ch.append(Chain("gamma mgf", [
        I(r"\frac{\dd}{\dd t}\Bigl(\frac{\beta}{\beta - t}\Bigr)^{\alpha}", const(sp.diff(Mg, tb))),
        I(r"\alpha\Bigl(\frac{\beta}{\beta - t}\Bigr)^{\alpha - 1}\frac{\beta}{(\beta - t)^2}", const(al * (be2 / (be2 - tb)) ** (al - 1) * be2 / (be2 - tb) ** 2)),
        I(r"\frac{\alpha\,\beta^{\alpha}}{(\beta - t)^{\alpha + 1}}", const(al * be2 ** al / (be2 - tb) ** (al + 1))),
    ]))

    # maximum likelihood, n = 1..4
    NS = [{"n": n} for n in range(1, 5)]

    def xs(c):
        return vec("xpos", c["n"], positive=True, lo=0.2, hi=4.0)

    def ell(c):
        return sum(sp.log(fdens(v)) for v in xs(c))

    ch.append(Chain("loglik", [
        I(r"\ell(\beta)", ell),
        I(r"\sum_{i=1}^{n}\log f(x_i)", ell),
        I(r"\sum_{i=1}^{n}\Bigl(\alpha\log\beta - \log\Gamma(\alpha) + (\alpha - 1)\log x_i - \beta x_i\Bigr)",
          lambda c: sum(al * sp.log(be) - sp.log(G(al)) + (al - 1) * sp.log(v) - be * v for v in xs(c))),
        I(r"n\alpha\log\beta - n\log\Gamma(\alpha) + (\alpha - 1)\sum_{i=1}^{n}\log x_i - \beta\sum_{i=1}^{n}x_i",
          lambda c: c["n"] * al * sp.log(be) - c["n"] * sp.log(G(al)) + (al - 1) * sum(sp.log(v) for v in xs(c)) - be * sum(xs(c))),
    ], [DEF, "id", "id"], NS))
    ch.append(Chain("score", [
        I(r"\ell'(\beta)", lambda c: sp.diff(ell(c), be)),
        I(r"\frac{n\alpha}{\beta} - \sum_{i=1}^{n}x_i", lambda c: c["n"] * al / be - sum(xs(c))),
    ], ctxs=NS))
    ch.append(Chain("ell''", [
        I(r"\ell''(\beta)", lambda c: sp.diff(ell(c), be, 2)),
        I(r"-\frac{n\alpha}{\beta^2}", lambda c: -c["n"] * al / be ** 2),
    ], ctxs=NS))
    ch.append(Chain("mle", [
        I(r"\hat\beta", lambda c: c["n"] * al / sum(xs(c))),
        I(r"\frac{n\alpha}{\sum_{i=1}^{n}x_i}", lambda c: c["n"] * al / sum(xs(c))),
        I(r"\frac{\alpha}{\bar x}", lambda c: al / (sum(xs(c)) / c["n"])),
    ], [DEF, "id"], NS))
    data = [2, 4, 1, 5]
    ch.append(Chain("mle numbers", [
        I(r"\hat\beta", const(sp.Integer(len(data)) * 3 / sum(data))),
        I(r"\frac{4\cdot 3}{2 + 4 + 1 + 5}", const(Q(4 * 3, 2 + 4 + 1 + 5))),
        I(r"\frac{12}{12}", const(Q(12, 12))),
        I(r"1", const(1)),
    ]))

    def B(p, q):
        return G(p) * G(q) / G(p + q)

    def Ip(e):
        return sp.Integral(e, (pv, 0, 1))

    ch.append(Chain("beta mean", [
        I(r"\E[p]", const(a / (a + b))),
        I(r"\frac{1}{\operatorname{B}(a,b)}\int_0^1 p\cdot p^{a-1}(1 - p)^{b-1}\,\dd p", const(1 / B(a, b) * Ip(pv * pv ** (a - 1) * (1 - pv) ** (b - 1)))),
        I(r"\frac{\operatorname{B}(a + 1, b)}{\operatorname{B}(a,b)}", const(B(a + 1, b) / B(a, b))),
        I(r"\frac{\Gamma(a + 1)\,\Gamma(b)}{\Gamma(a + b + 1)}\cdot\frac{\Gamma(a + b)}{\Gamma(a)\,\Gamma(b)}",
          const(G(a + 1) * G(b) / G(a + b + 1) * G(a + b) / (G(a) * G(b)))),
        I(r"\frac{a\,\Gamma(a)\,\Gamma(a + b)}{(a + b)\,\Gamma(a + b)\,\Gamma(a)}", const(a * G(a) * G(a + b) / ((a + b) * G(a + b) * G(a)))),
        I(r"\frac{a}{a + b}", const(a / (a + b))),
    ]))
    NK = [{"n": 10, "k": 7}, {"n": 3, "k": 0}, {"n": 5, "k": 2}, {"n": 1, "k": 1}]
    pr = R("p_prob", 0.05, 0.95)
    ch.append(Chain("kernel", [
        I(r"p^{k}(1 - p)^{n - k}\cdot p^{a - 1}(1 - p)^{b - 1}", lambda c: pr ** c["k"] * (1 - pr) ** (c["n"] - c["k"]) * pr ** (a - 1) * (1 - pr) ** (b - 1)),
        I(r"p^{a + k - 1}(1 - p)^{b + n - k - 1}", lambda c: pr ** (a + c["k"] - 1) * (1 - pr) ** (b + c["n"] - c["k"] - 1)),
    ], ctxs=NK))

    def post_mean(c, A_, B_):
        ker = pv ** (A_ + c["k"] - 1) * (1 - pv) ** (B_ + c["n"] - c["k"] - 1)
        return Ip(pv * ker) / Ip(ker)

    ch.append(Chain("posterior mean", [
        I(r"\E[p \mid k]", lambda c: post_mean(c, a, b)),
        I(r"\frac{a + k}{(a + k) + (b + n - k)}", lambda c: (a + c["k"]) / ((a + c["k"]) + (b + c["n"] - c["k"]))),
        I(r"\frac{a + k}{a + b + n}", lambda c: (a + c["k"]) / (a + b + c["n"])),
        I(r"\frac{a + b}{a + b + n}\cdot\frac{a}{a + b} + \frac{n}{a + b + n}\cdot\frac{k}{n}",
          lambda c: (a + b) / (a + b + c["n"]) * a / (a + b) + sp.Integer(c["n"]) / (a + b + c["n"]) * sp.Integer(c["k"]) / c["n"]),
    ], ctxs=NK))
    ch.append(Chain("posterior numbers", [
        I(r"\E[p \mid k]", const(post_mean({"n": 10, "k": 7}, 2, 2))),
        I(r"\frac{2 + 7}{2 + 2 + 10}", const(Q(2 + 7, 2 + 2 + 10))),
        I(r"\frac{9}{14}", const(Q(9, 14))),
    ]))
    doc = Doc("gamma_beta_exam_solutions.tex", ch)

    def wrong(c):
        return sum(al * sp.log(be) - sp.log(G(al)) + (al - 1) * sp.log(v) + be * v for v in xs(c))
    return with_plant(doc, r"&= \sum_{i=1}^{n}\Bigl(\alpha\log\beta - \log\Gamma(\alpha) + (\alpha - 1)\log x_i - \beta x_i\Bigr) \\",
                      r"&= \sum_{i=1}^{n}\Bigl(\alpha\log\beta - \log\Gamma(\alpha) + (\alpha - 1)\log x_i + \beta x_i\Bigr) \\",
                      "loglik", 2,
                      I(r"\sum_{i=1}^{n}\Bigl(\alpha\log\beta - \log\Gamma(\alpha) + (\alpha - 1)\log x_i + \beta x_i\Bigr)", wrong),
                      "sign: + beta x_i for - beta x_i (the log of e^{-beta x_i}) in the Gamma log-likelihood")


def gamma_beta_study_group():
    al = P("alpha", 1.2, 4.0)
    lam = P("lambda_rate", 1.0, 3.0)
    t = R("t", -0.8, 0.8)
    x = sp.Symbol("x_int", positive=True)
    a, b = P("a", 1.2, 4.0), P("b", 1.2, 4.0)
    th = sp.Symbol("theta_int", positive=True)
    G = sp.gamma

    def f(v):
        return lam ** al * v ** (al - 1) * sp.exp(-lam * v) / G(al)

    def Int0(e):
        return sp.Integral(e, (x, 0, sp.oo))

    ch = []
    ch.append(Chain("gamma2", [
        I(r"\Gamma(\alpha + 2)", const(G(al + 2))),
        I(r"(\alpha + 1)\,\Gamma(\alpha + 1)", const((al + 1) * G(al + 1))),
        I(r"(\alpha + 1)\,\alpha\,\Gamma(\alpha)", const((al + 1) * al * G(al))),
    ]))
    RS = [{"r": r} for r in (1, 2, 3)]
    ch.append(Chain("moments", [
        I(r"\mathbb{E}[X^r]", lambda c: sp.rf(al, c["r"]) / lam ** c["r"]),
        I(r"\int_0^\infty x^r\,\frac{\lambda^\alpha x^{\alpha - 1}e^{-\lambda x}}{\Gamma(\alpha)}\,dx", lambda c: Int0(x ** c["r"] * f(x))),
        I(r"\frac{\lambda^\alpha}{\Gamma(\alpha)}\cdot\frac{\Gamma(\alpha + r)}{\lambda^{\alpha + r}}", lambda c: lam ** al / G(al) * G(al + c["r"]) / lam ** (al + c["r"])),
        I(r"\frac{\Gamma(\alpha + r)}{\lambda^r\,\Gamma(\alpha)}", lambda c: G(al + c["r"]) / (lam ** c["r"] * G(al))),
    ], ctxs=RS))
    ch.append(Chain("EX", [
        I(r"\mathbb{E}[X]", const(Int0(x * f(x)))),
        I(r"\frac{\Gamma(\alpha + 1)}{\lambda\,\Gamma(\alpha)}", const(G(al + 1) / (lam * G(al)))),
        I(r"\frac{\alpha}{\lambda}", const(al / lam)),
    ]))
    ch.append(Chain("EX2", [
        I(r"\mathbb{E}[X^2]", const(Int0(x ** 2 * f(x)))),
        I(r"\frac{\Gamma(\alpha + 2)}{\lambda^2\,\Gamma(\alpha)}", const(G(al + 2) / (lam ** 2 * G(al)))),
        I(r"\frac{\alpha(\alpha + 1)}{\lambda^2}", const(al * (al + 1) / lam ** 2)),
    ]))
    ch.append(Chain("Var", [
        I(r"\operatorname{Var}(X)", const(Int0((x - al / lam) ** 2 * f(x)))),
        I(r"\mathbb{E}[X^2] - \bigl(\mathbb{E}[X]\bigr)^2", const(Int0(x ** 2 * f(x)) - Int0(x * f(x)) ** 2)),
        I(r"\frac{\alpha^2 + \alpha - \alpha^2}{\lambda^2}", const((al ** 2 + al - al ** 2) / lam ** 2)),
        I(r"\frac{\alpha}{\lambda^2}", const(al / lam ** 2)),
    ]))
    M = (lam / (lam - t)) ** al
    ch.append(Chain("mgf", [
        I(r"M(t)", const(M)),
        I(r"\mathbb{E}\bigl[e^{tX}\bigr]", const(Int0(sp.exp(t * x) * f(x)))),
        I(r"\frac{\lambda^\alpha}{\Gamma(\alpha)}\int_0^\infty x^{\alpha - 1}e^{-(\lambda - t)x}\,dx", const(lam ** al / G(al) * Int0(x ** (al - 1) * sp.exp(-(lam - t) * x)))),
        I(r"\frac{\lambda^\alpha}{\Gamma(\alpha)}\cdot\frac{\Gamma(\alpha)}{(\lambda - t)^\alpha}", const(lam ** al / G(al) * G(al) / (lam - t) ** al)),
        I(r"\Bigl(\frac{\lambda}{\lambda - t}\Bigr)^{\alpha}", const((lam / (lam - t)) ** al)),
    ], [DEF, "id", "id", "id"]))
    ch.append(Chain("M'", [
        I(r"M'(t)", const(sp.diff(M, t))),
        I(r"\alpha\lambda^\alpha(\lambda - t)^{-\alpha - 1}", const(al * lam ** al * (lam - t) ** (-al - 1))),
    ]))
    ch.append(Chain("M'(0)", [
        I(r"M'(0)", const(diffat(M, t, 0))),
        I(r"\alpha\lambda^{\alpha}\lambda^{-\alpha - 1}", const(al * lam ** al * lam ** (-al - 1))),
        I(r"\frac{\alpha}{\lambda}", const(al / lam)),
    ]))
    ch.append(Chain("M''", [
        I(r"M''(t)", const(sp.diff(M, t, 2))),
        I(r"\alpha(\alpha + 1)\lambda^\alpha(\lambda - t)^{-\alpha - 2}", const(al * (al + 1) * lam ** al * (lam - t) ** (-al - 2))),
    ]))
    ch.append(Chain("M''(0)", [
        I(r"M''(0)", const(diffat(M, t, 0, 2))),
        I(r"\frac{\alpha(\alpha + 1)}{\lambda^2}", const(al * (al + 1) / lam ** 2)),
    ]))
    NS = [{"n": n} for n in range(1, 5)]

    def xs(c):
        return vec("xpos", c["n"], positive=True, lo=0.2, hi=4.0)

    def ell(c):
        return sum(sp.log(f(v)) for v in xs(c))

    ch.append(Chain("loglik", [
        I(r"\ell(\lambda)", ell),
        I(r"\sum_{i=1}^{n} \ln\frac{\lambda^\alpha x_i^{\alpha - 1}e^{-\lambda x_i}}{\Gamma(\alpha)}", ell),
        I(r"n\alpha\ln\lambda - \lambda\sum_{i=1}^{n} x_i + (\alpha - 1)\sum_{i=1}^{n}\ln x_i - n\ln\Gamma(\alpha)",
          lambda c: c["n"] * al * sp.log(lam) - lam * sum(xs(c)) + (al - 1) * sum(sp.log(v) for v in xs(c)) - c["n"] * sp.log(G(al))),
    ], [DEF, "id"], NS))
    ch.append(Chain("dl", [
        I(r"\frac{d\ell}{d\lambda}", lambda c: sp.diff(ell(c), lam)),
        I(r"\frac{n\alpha}{\lambda} - \sum_{i=1}^{n} x_i", lambda c: c["n"] * al / lam - sum(xs(c))),
    ], ctxs=NS))
    ch.append(Chain("d2l", [
        I(r"\frac{d^2\ell}{d\lambda^2}", lambda c: sp.diff(ell(c), lam, 2)),
        I(r"-\frac{n\alpha}{\lambda^2}", lambda c: -c["n"] * al / lam ** 2),
    ], ctxs=NS))
    data = [rational(s) for s in ("0.5", "1.5", "1.0", "3.0")]
    ch.append(Chain("mle numbers", [
        I(r"\hat\lambda", const(sp.Integer(len(data)) * 2 / sum(data))),
        I(r"\frac{2\cdot 4}{0.5 + 1.5 + 1.0 + 3.0}", const(sp.Integer(2 * 4) / (rational("0.5") + rational("1.5") + rational("1.0") + rational("3.0")))),
        I(r"\frac{8}{6}", const(Q(8, 6))),
        I(r"\frac{4}{3}", const(Q(4, 3))),
    ]))

    def Bint(p, q):
        return sp.Integral(th ** (p - 1) * (1 - th) ** (q - 1), (th, 0, 1))

    def Bg(p, q):
        return G(p) * G(q) / G(p + q)

    ch.append(Chain("B recursion", [
        I(r"\operatorname{B}(a + 1, b)", const(Bint(a + 1, b))),
        I(r"\frac{\Gamma(a + 1)\,\Gamma(b)}{\Gamma(a + b + 1)}", const(G(a + 1) * G(b) / G(a + b + 1))),
        I(r"\frac{a\,\Gamma(a)\,\Gamma(b)}{(a + b)\,\Gamma(a + b)}", const(a * G(a) * G(b) / ((a + b) * G(a + b)))),
        I(r"\frac{a}{a + b}\,\operatorname{B}(a, b)", const(a / (a + b) * Bint(a, b))),
    ]))
    ch.append(Chain("beta mean", [
        I(r"\mathbb{E}[\theta]", const(a / (a + b))),
        I(r"\frac{1}{\operatorname{B}(a, b)}\int_0^1 \theta^{a}(1 - \theta)^{b - 1}\,d\theta", const(1 / Bg(a, b) * sp.Integral(th ** a * (1 - th) ** (b - 1), (th, 0, 1)))),
        I(r"\frac{\operatorname{B}(a + 1, b)}{\operatorname{B}(a, b)}", const(Bg(a + 1, b) / Bg(a, b))),
        I(r"\frac{a}{a + b}", const(a / (a + b))),
    ]))
    NK = [{"n": 4, "k": 3}, {"n": 10, "k": 7}, {"n": 2, "k": 0}, {"n": 6, "k": 6}]

    def post_mean(c, A_, B_):
        ker = th ** (A_ + c["k"] - 1) * (1 - th) ** (B_ + c["n"] - c["k"] - 1)
        return sp.Integral(th * ker, (th, 0, 1)) / sp.Integral(ker, (th, 0, 1))

    ch.append(Chain("posterior", [
        I(r"\mathbb{E}[\theta \mid \text{data}]", lambda c: post_mean(c, a, b)),
        I(r"\frac{\operatorname{B}(a + k + 1,\, b + n - k)}{\operatorname{B}(a + k,\, b + n - k)}",
          lambda c: Bg(a + c["k"] + 1, b + c["n"] - c["k"]) / Bg(a + c["k"], b + c["n"] - c["k"])),
        I(r"\frac{a + k}{a + b + n}", lambda c: (a + c["k"]) / (a + b + c["n"])),
    ], ctxs=NK))
    ch.append(Chain("posterior numbers", [
        I(r"\mathbb{E}[\theta \mid \text{data}]", const(post_mean({"n": 4, "k": 3}, 1, 1))),
        I(r"\frac{1 + 3}{1 + 1 + 4}", const(Q(1 + 3, 1 + 1 + 4))),
        I(r"\frac{4}{6}", const(Q(4, 6))),
        I(r"\frac{2}{3}", const(Q(2, 3))),
    ]))
    doc = Doc("gamma_beta_study_group.md", ch)
    return with_plant(doc, r"M'(0) = \alpha\lambda^{\alpha}\lambda^{-\alpha - 1} =", r"M'(0) = \alpha\lambda^{\alpha}\lambda^{-\alpha - 2} =",
                      "M'(0)", 1, I(r"\alpha\lambda^{\alpha}\lambda^{-\alpha - 2}", const(al * lam ** al * lam ** (-al - 2))),
                      "wrong exponent: lambda^{-alpha-2} for lambda^{-alpha-1} in M'(0), the Gamma MGF's derivative at 0")


# ===========================================================================
# family 3: backpropagation through time, scalar RNN
w = R("w", -1.2, 1.2)
u = R("u", -1.2, 1.2)
h0 = R("h_0", -0.9, 0.9)
XS = vec("x", 3, lo=-1.5, hi=1.5)
yT = R("y_target", -1.0, 1.0)


def forward(T, W=w, U=u, H0=h0, xs=None):
    """Pre-activations a_1..a_T and states h_0..h_T as expressions in (w, u)."""
    xs = XS if xs is None else xs
    hs, as_ = [H0], []
    for t in range(1, T + 1):
        a_t = W * hs[-1] + U * xs[t - 1]
        as_.append(a_t)
        hs.append(sp.tanh(a_t))
    return as_, hs


def loss_from(t, T, start):
    """L as a function of a free pre-activation `start` at step t (steps t..T recomputed)."""
    h = sp.tanh(start)
    for s in range(t + 1, T + 1):
        h = sp.tanh(w * h + u * XS[s - 1])
    return half * (h - yT) ** 2


def bptt_scalar_rnn_appendix():
    A3, H3 = forward(3)
    h = H3  # h[0] = h_0, ..., h[3]
    L = half * (h[3] - yT) ** 2
    a = R("a_pre", -2.0, 2.0)
    Hp, Xt = R("h_prev", -0.95, 0.95), R("x_t", -1.5, 1.5)
    TS = [{"T": T} for T in (1, 2, 3)]
    TT = [{"T": T, "t": t} for T in (1, 2, 3) for t in range(1, T + 1)]

    def LT(c):
        _, hs = forward(c["T"])
        return half * (hs[c["T"]] - yT) ** 2

    ch = []
    ch.append(Chain("rnn", [
        I(r"h_t", lambda c: forward(c["t"])[1][c["t"]]),
        I(r"\tanh\bigl(w\,h_{t-1} + u\,x_t\bigr)", lambda c: sp.tanh(w * forward(c["t"])[1][c["t"] - 1] + u * XS[c["t"] - 1])),
    ], DEF, TT))
    ch.append(Chain("loss", [
        I(r"L", LT),
        I(r"\frac{1}{2}\bigl(h_T - y\bigr)^2", LT),
    ], DEF, TS))
    ch.append(Chain("tanh'", [
        I(r"\frac{d}{da}\tanh a", const(sp.diff(sp.tanh(a), a))),
        I(r"\frac{\cosh a\cdot\cosh a - \sinh a\cdot\sinh a}{\cosh^2 a}", const((sp.cosh(a) * sp.cosh(a) - sp.sinh(a) * sp.sinh(a)) / sp.cosh(a) ** 2)),
        I(r"\frac{1}{\cosh^2 a}", const(1 / sp.cosh(a) ** 2)),
        I(r"1 - \tanh^2 a", const(1 - sp.tanh(a) ** 2)),
    ]))
    ht = sp.tanh(w * Hp + u * Xt)
    ch.append(Chain("one-step h", [
        I(r"\frac{\partial h_t}{\partial h_{t-1}}", const(sp.diff(ht, Hp))),
        I(r"(1 - h_t^2)\,w", const((1 - ht ** 2) * w)),
    ]))
    ch.append(Chain("one-step w", [
        I(r"\frac{\partial^{+} h_t}{\partial w}", const(sp.diff(ht, w))),
        I(r"(1 - h_t^2)\,h_{t-1}", const((1 - ht ** 2) * Hp)),
    ]))

    def general(c):
        T = c["T"]
        _, hs = forward(T)
        tot = 0
        for k in range(1, T + 1):
            prod = sp.Integer(1)
            for t in range(k + 1, T + 1):
                prod *= w * (1 - hs[t] ** 2)
            tot += prod * (1 - hs[k] ** 2) * hs[k - 1]
        return (hs[T] - yT) * tot

    ch.append(Chain("general", [
        I(r"\frac{\partial L}{\partial w}", lambda c: sp.diff(LT(c), w)),
        I(r"(h_T - y)\sum_{k=1}^{T}\Bigl(\prod_{t=k+1}^{T} w\,(1 - h_t^2)\Bigr)(1 - h_k^2)\,h_{k-1}", general),
    ], ctxs=TS))
    d1 = sp.diff(h[1], w)
    d2 = sp.diff(h[2], w)
    ch.append(Chain("r1", [
        I(r"\frac{d h_1}{d w}", const(d1)),
        I(r"(1 - h_1^2)\,h_0", const((1 - h[1] ** 2) * h[0])),
    ]))
    ch.append(Chain("r2", [
        I(r"\frac{d h_2}{d w}", const(d2)),
        I(r"(1 - h_2^2)\Bigl(h_1 + w\,\frac{d h_1}{d w}\Bigr)", const((1 - h[2] ** 2) * (h[1] + w * d1))),
        I(r"(1 - h_2^2)\bigl(h_1 + w(1 - h_1^2)h_0\bigr)", const((1 - h[2] ** 2) * (h[1] + w * (1 - h[1] ** 2) * h[0]))),
    ]))
    ch.append(Chain("r3", [
        I(r"\frac{d h_3}{d w}", const(sp.diff(h[3], w))),
        I(r"(1 - h_3^2)\Bigl(h_2 + w\,\frac{d h_2}{d w}\Bigr)", const((1 - h[3] ** 2) * (h[2] + w * d2))),
    ]))
    e3 = (h[3] - yT)
    g3, g2, g1 = 1 - h[3] ** 2, 1 - h[2] ** 2, 1 - h[1] ** 2
    ch.append(Chain("dL/dw", [
        I(r"\frac{\partial L}{\partial w}", const(sp.diff(L, w))),
        I(r"(h_3 - y)\,\frac{d h_3}{d w}", const(e3 * sp.diff(h[3], w))),
        I(r"(h_3 - y)(1 - h_3^2)\Bigl[h_2 + w(1 - h_2^2)\bigl(h_1 + w(1 - h_1^2)h_0\bigr)\Bigr]",
          const(e3 * g3 * (h[2] + w * g2 * (h[1] + w * g1 * h[0])))),
        I(r"(h_3 - y)(1 - h_3^2)\,h_2 + (h_3 - y)(1 - h_3^2)\,w\,(1 - h_2^2)\,h_1 \nonumber\\ &\quad + (h_3 - y)(1 - h_3^2)\,w^2(1 - h_2^2)(1 - h_1^2)\,h_0",
          const(e3 * g3 * h[2] + e3 * g3 * w * g2 * h[1] + e3 * g3 * w ** 2 * g2 * g1 * h[0])),
    ]))
    As = sp.Symbol("_A", real=True)

    def dLda(t):
        return sp.diff(loss_from(t, 3, As), As).subs(As, A3[t - 1])

    dl3, dl2, dl1 = dLda(3), dLda(2), dLda(1)
    ch.append(Chain("delta3", [
        I(r"\delta_3", const(dl3)),
        I(r"\frac{\partial L}{\partial a_3}", const(dl3)),
        I(r"(h_3 - y)(1 - h_3^2)", const(e3 * g3)),
    ], [DEF, "id"]))
    ch.append(Chain("delta2", [
        I(r"\delta_2", const(dl2)),
        I(r"\frac{\partial L}{\partial a_2}", const(dl2)),
        I(r"\delta_3\,w\,(1 - h_2^2)", const(dl3 * w * g2)),
    ], [DEF, "id"]))
    ch.append(Chain("delta1", [
        I(r"\delta_1", const(dl1)),
        I(r"\frac{\partial L}{\partial a_1}", const(dl1)),
        I(r"\delta_2\,w\,(1 - h_1^2)", const(dl2 * w * g1)),
    ], [DEF, "id"]))
    ch.append(Chain("sum w", [
        I(r"\frac{\partial L}{\partial w}", const(sp.diff(L, w))),
        I(r"\sum_{t=1}^{3}\delta_t\,h_{t-1}", const(dl1 * h[0] + dl2 * h[1] + dl3 * h[2])),
        I(r"\delta_3 h_2 + \delta_2 h_1 + \delta_1 h_0", const(dl3 * h[2] + dl2 * h[1] + dl1 * h[0])),
    ]))
    ch.append(Chain("sum u", [
        I(r"\frac{\partial L}{\partial u}", const(sp.diff(L, u))),
        I(r"\sum_{t=1}^{3}\delta_t\,x_t", const(dl1 * XS[0] + dl2 * XS[1] + dl3 * XS[2])),
        I(r"\delta_3 x_3 + \delta_2 x_2 + \delta_1 x_1", const(dl3 * XS[2] + dl2 * XS[1] + dl1 * XS[0])),
    ]))
    H1 = sp.Symbol("_H1", real=True)
    H2 = sp.Symbol("_H2", real=True)
    h2_of_h1 = sp.tanh(w * H1 + u * XS[1])
    h3_of_h2 = sp.tanh(w * H2 + u * XS[2])
    ch.append(Chain("jacobian", [
        I(r"\frac{\partial h_3}{\partial h_1}", const(sp.diff(h3_of_h2.subs(H2, h2_of_h1), H1).subs(H1, h[1]))),
        I(r"\frac{\partial h_3}{\partial h_2}\,\frac{\partial h_2}{\partial h_1}",
          const(sp.diff(h3_of_h2, H2).subs(H2, h[2]) * sp.diff(h2_of_h1, H1).subs(H1, h[1]))),
        I(r"w^2(1 - h_3^2)(1 - h_2^2)", const(w ** 2 * g3 * g2)),
    ]))
    doc = Doc("bptt_scalar_rnn_appendix.tex", ch)
    return with_plant(doc, r"&= (h_3 - y)(1 - h_3^2)\Bigl[h_2 + w(1 - h_2^2)\bigl(h_1 + w(1 - h_1^2)h_0\bigr)\Bigr] \nonumber\\",
                      r"&= (h_3 - y)(1 - h_3^2)\Bigl[h_2 + w(1 - h_2^2)\bigl(h_1 + (1 - h_1^2)h_0\bigr)\Bigr] \nonumber\\",
                      "dL/dw", 2,
                      I(r"(h_3 - y)(1 - h_3^2)\Bigl[h_2 + w(1 - h_2^2)\bigl(h_1 + (1 - h_1^2)h_0\bigr)\Bigr]",
                        const(e3 * g3 * (h[2] + w * g2 * (h[1] + g1 * h[0])))),
                      "dropped factor: the recurrent weight w in front of (1 - h_1^2) h_0 (the path from h_0 through h_1)")


def bptt_two_step_notebook():
    A2, hs = forward(2)
    h = hs
    ell = half * (h[2] - yT) ** 2
    z = R("z", -2.0, 2.0)
    ch = []
    t_ = sp.Symbol("_t")
    ch.append(Chain("h def", [
        I(r"h_t", const(sp.tanh(z))),
        I(r"\tanh(z_t)", const(sp.tanh(z))),
    ], DEF))
    ch.append(Chain("z def", [
        I(r"z_t", const(w * h0 + u * XS[0])),
        I(r"w\,h_{t-1} + u\,x_t", const(w * h0 + u * XS[0])),
    ], DEF))
    ch.append(Chain("loss", [
        I(r"\ell", const(ell)),
        I(r"\frac{1}{2}(h_2 - y)^2", const(half * (h[2] - yT) ** 2)),
    ], DEF))
    ex, emx = sp.exp(z), sp.exp(-z)
    ch.append(Chain("tanh exp", [
        I(r"\tanh z", const(sp.tanh(z))),
        I(r"\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}", const((ex - emx) / (ex + emx))),
    ]))
    ch.append(Chain("tanh'", [
        I(r"\frac{d}{dz}\tanh z", const(sp.diff(sp.tanh(z), z))),
        I(r"\frac{(e^{z} + e^{-z})^2 - (e^{z} - e^{-z})^2}{(e^{z} + e^{-z})^2}", const(((ex + emx) ** 2 - (ex - emx) ** 2) / (ex + emx) ** 2)),
        I(r"1 - \tanh^2 z", const(1 - sp.tanh(z) ** 2)),
    ]))
    z2 = A2[1]
    dh1w = sp.diff(h[1], w)
    dh1u = sp.diff(h[1], u)
    ch.append(Chain("dz2", [
        I(r"\frac{d z_2}{d w}", const(sp.diff(z2, w))),
        I(r"h_1 + w\,\frac{d h_1}{d w}", const(h[1] + w * dh1w)),
        I(r"h_1 + w\,(1 - h_1^2)\,h_0", const(h[1] + w * (1 - h[1] ** 2) * h[0])),
    ]))
    e2 = h[2] - yT
    ch.append(Chain("dl/dw", [
        I(r"\frac{\partial \ell}{\partial w}", const(sp.diff(ell, w))),
        I(r"(h_2 - y)\,(1 - h_2^2)\,\frac{d z_2}{d w}", const(e2 * (1 - h[2] ** 2) * sp.diff(z2, w))),
        I(r"(h_2 - y)(1 - h_2^2)\,h_1 + (h_2 - y)(1 - h_2^2)\,w\,(1 - h_1^2)\,h_0",
          const(e2 * (1 - h[2] ** 2) * h[1] + e2 * (1 - h[2] ** 2) * w * (1 - h[1] ** 2) * h[0])),
    ]))
    ch.append(Chain("dl/du", [
        I(r"\frac{\partial \ell}{\partial u}", const(sp.diff(ell, u))),
        I(r"(h_2 - y)(1 - h_2^2)\Bigl(x_2 + w\,\frac{d h_1}{d u}\Bigr)", const(e2 * (1 - h[2] ** 2) * (XS[1] + w * dh1u))),
        I(r"(h_2 - y)(1 - h_2^2)\bigl(x_2 + w\,(1 - h_1^2)\,x_1\bigr)", const(e2 * (1 - h[2] ** 2) * (XS[1] + w * (1 - h[1] ** 2) * XS[0]))),
    ]))
    H1, H2 = sp.Symbol("_H1", real=True), sp.Symbol("_H2", real=True)
    de2 = sp.diff(half * (H2 - yT) ** 2, H2).subs(H2, h[2])
    de1 = sp.diff(half * (sp.tanh(w * H1 + u * XS[1]) - yT) ** 2, H1).subs(H1, h[1])
    ch.append(Chain("e2", [
        I(r"e_2", const(de2)),
        I(r"\frac{\partial \ell}{\partial h_2}", const(de2)),
        I(r"h_2 - y", const(h[2] - yT)),
    ], [DEF, "id"]))
    ch.append(Chain("e1", [
        I(r"e_1", const(de1)),
        I(r"\frac{\partial \ell}{\partial h_1}", const(de1)),
        I(r"e_2\,(1 - h_2^2)\,w", const(de2 * (1 - h[2] ** 2) * w)),
    ], [DEF, "id"]))
    ch.append(Chain("sum", [
        I(r"\frac{\partial \ell}{\partial w}", const(sp.diff(ell, w))),
        I(r"\sum_{t=1}^{2} e_t\,(1 - h_t^2)\,h_{t-1}", const(de1 * (1 - h[1] ** 2) * h[0] + de2 * (1 - h[2] ** 2) * h[1])),
        I(r"e_2(1 - h_2^2)h_1 + e_1(1 - h_1^2)h_0", const(de2 * (1 - h[2] ** 2) * h[1] + de1 * (1 - h[1] ** 2) * h[0])),
    ]))
    # numbers: w = 0.5, u = 1, h_0 = 0, x_1 = 1, x_2 = 0.5, y = 0
    NUM = {w: rational("0.5"), u: 1, h0: 0, XS[0]: 1, XS[1]: rational("0.5"), yT: 0}

    def at(e):
        return sp.sympify(e).subs(NUM)

    one = sp.Integer(1)
    ch.append(Chain("z1", [
        I(r"z_1", const(at(A2[0]))),
        I(r"w\,h_0 + u\,x_1", const(at(w * h0 + u * XS[0]))),
        I(r"0.5\cdot 0 + 1\cdot 1", const(rational("0.5") * 0 + 1 * 1)),
        I(r"1", const(1)),
    ]))
    ch.append(Chain("h1", [
        I(r"h_1", const(at(h[1]))),
        I(r"\tanh(1)", const(sp.tanh(one))),
    ]))
    ch.append(Chain("z2", [
        I(r"z_2", const(at(A2[1]))),
        I(r"w\,h_1 + u\,x_2", const(at(w * h[1] + u * XS[1]))),
        I(r"0.5\tanh(1) + 0.5", const(rational("0.5") * sp.tanh(one) + rational("0.5"))),
    ]))
    z2n = rational("0.5") * sp.tanh(one) + rational("0.5")
    ch.append(Chain("h2", [
        I(r"h_2", const(at(h[2]))),
        I(r"\tanh(z_2)", const(sp.tanh(z2n))),
    ]))
    h1n, h2n = sp.tanh(one), sp.tanh(z2n)
    ch.append(Chain("dw numbers", [
        I(r"\frac{\partial \ell}{\partial w}", const(at(sp.diff(ell, w)))),
        I(r"h_2\,(1 - h_2^2)\,h_1", const(h2n * (1 - h2n ** 2) * h1n)),
        I(r"\tanh(z_2)\,\operatorname{sech}^2(z_2)\,\tanh(1)", const(sp.tanh(z2n) * sp.sech(z2n) ** 2 * sp.tanh(one))),
    ]))
    ch.append(Chain("du numbers", [
        I(r"\frac{\partial \ell}{\partial u}", const(at(sp.diff(ell, u)))),
        I(r"h_2\,(1 - h_2^2)\bigl(0.5 + 0.5\,(1 - h_1^2)\bigr)", const(h2n * (1 - h2n ** 2) * (rational("0.5") + rational("0.5") * (1 - h1n ** 2)))),
        I(r"h_2\,(1 - h_2^2)\bigl(1 - 0.5\tanh^2(1)\bigr)", const(h2n * (1 - h2n ** 2) * (1 - rational("0.5") * sp.tanh(one) ** 2))),
    ]))
    doc = Doc("bptt_two_step_notebook.md", ch)
    return with_plant(doc, r"\bigl(0.5 + 0.5\,(1 - h_1^2)\bigr)", r"\bigl(0.5 + 0.25\,(1 - h_1^2)\bigr)",
                      "du numbers", 1,
                      I(r"h_2\,(1 - h_2^2)\bigl(0.5 + 0.25\,(1 - h_1^2)\bigr)", const(h2n * (1 - h2n ** 2) * (rational("0.5") + rational("0.25") * (1 - h1n ** 2)))),
                      "wrong constant: 0.25 for 0.5 (= w, the recurrent weight) in the numerical value of dl/du")


DOCS = [exponential_family_glm_lecture, log_partition_mean_blog, gamma_beta_exam_solutions, gamma_beta_study_group,
        bptt_scalar_rnn_appendix, bptt_two_step_notebook]
