"""Hand encodings of families 7-12 of corpus_ml4."""
import sympy as sp

from framework import Chain, Doc, R, P, delta, with_plant, sig
from helpers import vec, pairs, singles, sizes, S, grid

DOCS = []

log, exp = sp.log, sp.exp
half = sp.Rational(1, 2)
MU, SIG = R("mu"), P("sigma", 0.3, 2.0)


def Eiid(expr, xs, m1=MU, m2=None):
    """Expectation over independent X_1..X_n with E[X] = m1, E[X^2] = m2 (degree <= 2 per variable)."""
    if m2 is None:
        m2 = SIG**2 + MU**2
    mom = {0: sp.Integer(1), 1: m1, 2: m2}
    expr = sp.expand(expr)
    if not any(expr.has(x) for x in xs):
        return expr
    poly = sp.Poly(expr, *xs)
    out = 0
    for powers, coef in poly.terms():
        out += coef * sp.Mul(*[mom[p] for p in powers])
    return out


def Viid(U, xs):
    return sp.expand(Eiid(U**2, xs) - Eiid(U, xs)**2)


def Ciid(U, V, xs):
    return sp.expand(Eiid(U * V, xs) - Eiid(U, xs) * Eiid(V, xs))


# ---------------------------------------------------------------------------
# family 7: bias of the sample variance
def doc_sample_variance():
    def X(c):
        return vec("X", c["n"])

    def xb(c):
        return sp.Add(*X(c)) / c["n"]

    def ss(c):
        return sp.Add(*[(x - xb(c))**2 for x in X(c)])

    X1 = vec("X", 1)
    n2 = sizes(2, 4)
    ch = [
        Chain("ss", [(r"\sum_{i=1}^{n}(X_i - \bar{X})^2", ss),
                     (r"\sum_{i=1}^{n}X_i^2 - 2\bar{X}\sum_{i=1}^{n}X_i + n\bar{X}^2",
                      lambda c: sp.Add(*[x**2 for x in X(c)]) - 2 * xb(c) * sp.Add(*X(c)) + c["n"] * xb(c)**2),
                     (r"\sum_{i=1}^{n}X_i^2 - n\bar{X}^2", lambda c: sp.Add(*[x**2 for x in X(c)]) - c["n"] * xb(c)**2)]),
        Chain("m2", [(r"\E[X_i^2]", lambda c: Eiid(X1[0]**2, X1)),
                     (r"\Var(X_i) + \bigl(\E[X_i]\bigr)^2", lambda c: Viid(X1[0], X1) + Eiid(X1[0], X1)**2),
                     (r"\sigma^2 + \mu^2", lambda c: SIG**2 + MU**2)], ctxs=[{}]),
        Chain("mbar", [(r"\E[\bar{X}^2]", lambda c: Eiid(xb(c)**2, X(c))),
                       (r"\Var(\bar{X}) + \bigl(\E[\bar{X}]\bigr)^2", lambda c: Viid(xb(c), X(c)) + Eiid(xb(c), X(c))**2),
                       (r"\frac{\sigma^2}{n} + \mu^2", lambda c: SIG**2 / c["n"] + MU**2)]),
        Chain("varbar", [(r"\Var(\bar{X})", lambda c: Viid(xb(c), X(c))),
                         (r"\frac{1}{n^2}\Var\Bigl(\sum_{i=1}^{n}X_i\Bigr)", lambda c: Viid(sp.Add(*X(c)), X(c)) / c["n"]**2),
                         (r"\frac{1}{n^2}\sum_{i=1}^{n}\Var(X_i)", lambda c: sp.Add(*[Viid(x, X(c)) for x in X(c)]) / c["n"]**2),
                         (r"\frac{\sigma^2}{n}", lambda c: SIG**2 / c["n"])]),
        Chain("main", [(r"\E\Bigl[\sum_{i=1}^{n}(X_i - \bar{X})^2\Bigr]", lambda c: Eiid(ss(c), X(c))),
                       (r"\sum_{i=1}^{n}\E[X_i^2] - n\,\E[\bar{X}^2]",
                        lambda c: sp.Add(*[Eiid(x**2, X(c)) for x in X(c)]) - c["n"] * Eiid(xb(c)**2, X(c))),
                       (r"n(\sigma^2 + \mu^2) - n\Bigl(\frac{\sigma^2}{n} + \mu^2\Bigr)",
                        lambda c: c["n"] * (SIG**2 + MU**2) - c["n"] * (SIG**2 / c["n"] + MU**2)),
                       (r"(n - 1)\sigma^2", lambda c: (c["n"] - 1) * SIG**2)]),
        Chain("S2", [("S^2", lambda c: ss(c) / (c["n"] - 1)),
                     (r"\frac{1}{n-1}\sum_{i=1}^{n}(X_i - \bar{X})^2", lambda c: ss(c) / (c["n"] - 1))], ["def"], ctxs=n2),
        Chain("sh2", [(r"\hat{\sigma}^2", lambda c: ss(c) / c["n"]),
                      (r"\frac{1}{n}\sum_{i=1}^{n}(X_i - \bar{X})^2", lambda c: ss(c) / c["n"])], ["def"]),
        Chain("bias", [(r"\E[\hat{\sigma}^2] - \sigma^2", lambda c: Eiid(ss(c) / c["n"], X(c)) - SIG**2),
                       (r"\frac{n-1}{n}\sigma^2 - \sigma^2", lambda c: sp.Rational(c["n"] - 1, c["n"]) * SIG**2 - SIG**2),
                       (r"-\frac{\sigma^2}{n}", lambda c: -SIG**2 / c["n"])]),
        Chain("ES2", [(r"\E[S^2]", lambda c: Eiid(ss(c) / (c["n"] - 1), X(c))),
                      (r"\frac{(n-1)\sigma^2}{n-1}", lambda c: (c["n"] - 1) * SIG**2 / (c["n"] - 1)),
                      (r"\sigma^2", lambda c: SIG**2)], ctxs=n2),
    ]
    d = Doc("sample_variance_bias_handout.tex", ch, sizes(1, 4))
    wrong = (r"n(\sigma^2 + \mu^2) - n\Bigl(\frac{\sigma^2}{n^2} + \mu^2\Bigr)",
             lambda c: c["n"] * (SIG**2 + MU**2) - c["n"] * (SIG**2 / c["n"]**2 + MU**2))
    return with_plant(d, r"- n\Bigl(\frac{\sigma^2}{n} + \mu^2\Bigr)", r"- n\Bigl(\frac{\sigma^2}{n^2} + \mu^2\Bigr)",
                      "main", 2, wrong, "wrong exponent: sigma^2/n^2 for sigma^2/n")


def doc_bessel_answer():
    def X(c):
        return vec("X", c["n"])

    def xb(c):
        return sp.Add(*X(c)) / c["n"]

    def Xi(c):
        return X(c)[c["i"] - 1]

    def dev(c):
        return Xi(c) - xb(c)

    n_ = lambda c: c["n"]
    X2 = vec("X", 2)
    ch = [
        Chain("m0", [(r"\mathbb{E}[X_i - \bar{X}]", lambda c: Eiid(dev(c), X(c))),
                     (r"\mu - \mu", lambda c: MU - MU), ("0", lambda c: 0)]),
        Chain("lin", [(r"X_i - \bar{X}", dev),
                      (r"\Bigl(1 - \frac{1}{n}\Bigr)X_i - \frac{1}{n}\sum_{j \neq i} X_j",
                       lambda c: (1 - sp.Rational(1, n_(c))) * Xi(c)
                       - sp.Add(*[x for j, x in enumerate(X(c), 1) if j != c["i"]]) / n_(c))]),
        Chain("var", [(r"\mathbb{E}\bigl[(X_i - \bar{X})^2\bigr]", lambda c: Eiid(dev(c)**2, X(c))),
                      (r"\operatorname{Var}(X_i - \bar{X})", lambda c: Viid(dev(c), X(c))),
                      (r"\Bigl(1 - \frac{1}{n}\Bigr)^2\sigma^2 + \frac{n - 1}{n^2}\,\sigma^2",
                       lambda c: (1 - sp.Rational(1, n_(c)))**2 * SIG**2 + sp.Rational(n_(c) - 1, n_(c)**2) * SIG**2),
                      (r"\frac{(n-1)^2 + (n-1)}{n^2}\,\sigma^2",
                       lambda c: sp.Rational((n_(c) - 1)**2 + n_(c) - 1, n_(c)**2) * SIG**2),
                      (r"\frac{n-1}{n}\,\sigma^2", lambda c: sp.Rational(n_(c) - 1, n_(c)) * SIG**2)]),
        Chain("cov", [(r"\operatorname{Cov}(X_i, \bar{X})", lambda c: Ciid(Xi(c), xb(c), X(c))),
                      (r"\frac{1}{n}\sum_{j=1}^{n}\operatorname{Cov}(X_i, X_j)",
                       lambda c: sp.Add(*[Ciid(Xi(c), x, X(c)) for x in X(c)]) / n_(c)),
                      (r"\frac{\sigma^2}{n}", lambda c: SIG**2 / n_(c))]),
        Chain("var2", [(r"\operatorname{Var}(X_i - \bar{X})", lambda c: Viid(dev(c), X(c))),
                       (r"\sigma^2 - 2\cdot\frac{\sigma^2}{n} + \frac{\sigma^2}{n}",
                        lambda c: SIG**2 - 2 * SIG**2 / n_(c) + SIG**2 / n_(c)),
                       (r"\sigma^2\Bigl(1 - \frac{1}{n}\Bigr)", lambda c: SIG**2 * (1 - sp.Rational(1, n_(c))))]),
        Chain("sum", [(r"\mathbb{E}\Bigl[\sum_{i=1}^{n}(X_i - \bar{X})^2\Bigr]",
                       lambda c: Eiid(sp.Add(*[(x - xb(c))**2 for x in X(c)]), X(c))),
                      (r"n\cdot\frac{n-1}{n}\,\sigma^2", lambda c: n_(c) * sp.Rational(n_(c) - 1, n_(c)) * SIG**2),
                      (r"(n-1)\,\sigma^2", lambda c: (n_(c) - 1) * SIG**2)], ctxs=sizes(1, 4)),
        Chain("n2", [(r"\mathbb{E}\Bigl[\tfrac{1}{2}(X_1 - X_2)^2\Bigr]", lambda c: Eiid(half * (X2[0] - X2[1])**2, X2)),
                     (r"\tfrac{1}{2}\bigl(2\sigma^2 + 2\mu^2 - 2\mu^2\bigr)",
                      lambda c: half * (2 * SIG**2 + 2 * MU**2 - 2 * MU**2)),
                     (r"\sigma^2", lambda c: SIG**2)], ctxs=[{}]),
    ]
    d = Doc("bessel_correction_answer.md", ch, [dict(n=n, i=i) for n in range(1, 5) for i in range(1, n + 1)])
    wrong = (r"\Bigl(1 - \frac{1}{n}\Bigr)^2\sigma^2 + \frac{n - 1}{n}\,\sigma^2",
             lambda c: (1 - sp.Rational(1, n_(c)))**2 * SIG**2 + sp.Rational(n_(c) - 1, n_(c)) * SIG**2)
    return with_plant(d, r"+ \frac{n - 1}{n^2}\,\sigma^2", r"+ \frac{n - 1}{n}\,\sigma^2", "var", 2, wrong,
                      "wrong exponent: (n - 1)/n for (n - 1)/n^2")


DOCS += [doc_sample_variance, doc_bessel_answer]


# ---------------------------------------------------------------------------
# family 8: bias-variance decomposition
def Emom(expr, var, moms):
    """Expectation of a polynomial in `var`: var^p -> moms[p] (moms[0] = 1)."""
    expr = sp.expand(expr)
    if not expr.has(var):
        return expr
    poly = sp.Poly(expr, var)
    return sp.Add(*[coef * moms[p] for (p,), coef in poly.terms()])


def doc_bias_variance_notes():
    F, e = R("fhat"), R("eps_noise")
    f, fb = R("f"), R("fbar")
    v, s2 = P("v_f", 0.2, 2.0), P("sigma", 0.3, 2.0)**2

    def E2(expr):
        expr = sp.expand(expr)
        A = {0: 1, 1: fb, 2: v + fb**2}
        B = {0: 1, 1: 0, 2: s2}
        if not (expr.has(F) or expr.has(e)):
            return expr
        poly = sp.Poly(expr, F, e)
        return sp.Add(*[coef * A[p] * B[q] for (p, q), coef in poly.terms()])

    def V2(U):
        return E2(U**2) - E2(U)**2

    mu, c_ = R("mu"), R("c")
    Yb = R("Ybar")

    def EY(expr, c):
        return Emom(expr, Yb, {0: 1, 1: mu, 2: s2 / c["n"] + mu**2})

    def mse(c):
        return EY((c_ * Yb - mu)**2, c)

    ch = [
        Chain("bv1", [(r"\E\bigl[(y - \hat{f})^2\bigr]", lambda c: E2((f + e - F)**2)),
                      (r"\E\bigl[(f + \varepsilon - \hat{f})^2\bigr]", lambda c: E2((f + e - F)**2)),
                      (r"\E\bigl[(f - \hat{f})^2\bigr] + 2\,\E\bigl[\varepsilon(f - \hat{f})\bigr] + \E[\varepsilon^2]",
                       lambda c: E2((f - F)**2) + 2 * E2(e * (f - F)) + E2(e**2)),
                      (r"\E\bigl[(f - \hat{f})^2\bigr] + \sigma^2", lambda c: E2((f - F)**2) + s2)]),
        Chain("cross", [(r"\E\bigl[\varepsilon(f - \hat{f})\bigr]", lambda c: E2(e * (f - F))),
                        (r"\E[\varepsilon]\,\E\bigl[f - \hat{f}\bigr]", lambda c: E2(e) * E2(f - F)),
                        ("0", lambda c: 0)]),
        Chain("bv2", [(r"\E\bigl[(f - \hat{f})^2\bigr]", lambda c: E2((f - F)**2)),
                      (r"\E\bigl[(f - \bar{f} + \bar{f} - \hat{f})^2\bigr]", lambda c: E2((f - fb + fb - F)**2)),
                      (r"(f - \bar{f})^2 + 2(f - \bar{f})\,\E\bigl[\bar{f} - \hat{f}\bigr] + \E\bigl[(\bar{f} - \hat{f})^2\bigr]",
                       lambda c: (f - fb)**2 + 2 * (f - fb) * E2(fb - F) + E2((fb - F)**2)),
                      (r"(f - \bar{f})^2 + \Var(\hat{f})", lambda c: (f - fb)**2 + V2(F))]),
        Chain("total", [(r"\E\bigl[(y - \hat{f})^2\bigr]", lambda c: E2((f + e - F)**2)),
                        (r"\sigma^2 + \bigl(\mathrm{Bias}[\hat{f}]\bigr)^2 + \Var(\hat{f})",
                         lambda c: s2 + (E2(F) - f)**2 + V2(F))]),
        Chain("mse", [(r"\mathrm{MSE}(c)", mse), (r"\E\bigl[(c\bar{Y} - \mu)^2\bigr]", mse),
                      (r"(c - 1)^2\mu^2 + \frac{c^2\sigma^2}{n}", lambda c: (c_ - 1)**2 * mu**2 + c_**2 * s2 / c["n"])],
              ["def", "id"], ctxs=sizes(1, 4)),
        Chain("dmse", [(r"\frac{d\,\mathrm{MSE}}{dc}", lambda c: sp.diff(mse(c), c_)),
                       (r"2(c - 1)\mu^2 + \frac{2c\sigma^2}{n}", lambda c: 2 * (c_ - 1) * mu**2 + 2 * c_ * s2 / c["n"])],
              ctxs=sizes(1, 4)),
        Chain("cstar", [(r"c^{*}", lambda c: mu**2 / (mu**2 + s2 / c["n"])),
                        (r"\frac{\mu^2}{\mu^2 + \sigma^2/n}", lambda c: mu**2 / (mu**2 + s2 / c["n"])),
                        (r"\frac{n\mu^2}{n\mu^2 + \sigma^2}", lambda c: c["n"] * mu**2 / (c["n"] * mu**2 + s2))],
              ["def", "id"], ctxs=sizes(1, 4)),
    ]
    d = Doc("bias_variance_notes.tex", ch, [{}])
    wrong = (r"(f - \bar{f})^2 + 2(f - \bar{f})\,\E\bigl[\bar{f} - \hat{f}\bigr]",
             lambda c: (f - fb)**2 + 2 * (f - fb) * E2(fb - F))
    return with_plant(d, r"\,\E\bigl[\bar{f} - \hat{f}\bigr] + \E\bigl[(\bar{f} - \hat{f})^2\bigr]",
                      r"\,\E\bigl[\bar{f} - \hat{f}\bigr]", "bv2", 2, wrong,
                      "dropped term: the variance term E[(fbar - fhat)^2] is missing")


def doc_bias_variance_blog():
    Th, th = R("thetahat"), R("theta")
    m1, m2 = R("m_1"), R("m_2")
    K, p = R("K"), P("p", 0.05, 0.95)

    def Eg(expr):
        return Emom(expr, Th, {0: 1, 1: m1, 2: m2})

    def EK(expr, c):
        n = c["n"]
        return Emom(expr, K, {0: 1, 1: n * p, 2: n * p * (1 - p) + n**2 * p**2})

    def that(c):
        return (K + 1) / (c["n"] + 2)

    ch = [
        Chain("mse", [(r"\operatorname{MSE}(\hat\theta)", lambda c: Eg((Th - th)**2)),
                      (r"\mathbb{E}\big[(\hat\theta - \theta)^2\big]", lambda c: Eg((Th - th)**2)),
                      (r"\mathbb{E}\big[(\hat\theta - \mathbb{E}\hat\theta)^2\big] + 2\big(\mathbb{E}\hat\theta - \theta\big)\,\mathbb{E}\big[\hat\theta - \mathbb{E}\hat\theta\big] + \big(\mathbb{E}\hat\theta - \theta\big)^2",
                       lambda c: Eg((Th - m1)**2) + 2 * (m1 - th) * Eg(Th - m1) + (m1 - th)**2),
                      (r"\operatorname{Var}(\hat\theta) + \big(\mathbb{E}\hat\theta - \theta\big)^2",
                       lambda c: Eg(Th**2) - Eg(Th)**2 + (m1 - th)**2)], ["def", "id", "id"], ctxs=[{}]),
        Chain("mean", [(r"\mathbb{E}\hat\theta", lambda c: EK(that(c), c)),
                       (r"\frac{np + 1}{n + 2}", lambda c: (c["n"] * p + 1) / (c["n"] + 2))]),
        Chain("bias", [(r"\mathbb{E}\hat\theta - p", lambda c: EK(that(c), c) - p),
                       (r"\frac{np + 1 - (n+2)p}{n + 2}", lambda c: (c["n"] * p + 1 - (c["n"] + 2) * p) / (c["n"] + 2)),
                       (r"\frac{1 - 2p}{n + 2}", lambda c: (1 - 2 * p) / (c["n"] + 2))]),
        Chain("var", [(r"\operatorname{Var}(\hat\theta)", lambda c: EK(that(c)**2, c) - EK(that(c), c)**2),
                      (r"\frac{\operatorname{Var}(K)}{(n+2)^2}", lambda c: (EK(K**2, c) - EK(K, c)**2) / (c["n"] + 2)**2),
                      (r"\frac{np(1-p)}{(n+2)^2}", lambda c: c["n"] * p * (1 - p) / (c["n"] + 2)**2)]),
        Chain("mse2", [(r"\operatorname{MSE}(\hat\theta)", lambda c: EK((that(c) - p)**2, c)),
                       (r"\frac{np(1-p)}{(n+2)^2} + \frac{(1-2p)^2}{(n+2)^2}",
                        lambda c: c["n"] * p * (1 - p) / (c["n"] + 2)**2 + (1 - 2 * p)**2 / (c["n"] + 2)**2),
                       (r"\frac{np(1-p) + (1-2p)^2}{(n+2)^2}",
                        lambda c: (c["n"] * p * (1 - p) + (1 - 2 * p)**2) / (c["n"] + 2)**2)]),
        Chain("numA", [(r"\frac{2\cdot\tfrac{1}{2}\cdot\tfrac{1}{2} + 0}{(2+2)^2}", lambda c: (2 * half * half + 0) / sp.Integer(16)),
                       (r"\frac{1}{32}", lambda c: sp.Rational(1, 32))], ctxs=[{}]),
        Chain("numB", [(r"\frac{1}{8}", lambda c: sp.Rational(1, 8)),
                       (r"\frac{\tfrac{1}{2}\cdot\tfrac{1}{2}}{2}", lambda c: half * half / 2)], ctxs=[{}]),
    ]
    d = Doc("bias_variance_blog.md", ch, sizes(1, 4))
    wrong = (r"\frac{np + 1 - (n+1)p}{n + 2}", lambda c: (c["n"] * p + 1 - (c["n"] + 1) * p) / (c["n"] + 2))
    return with_plant(d, r"\frac{np + 1 - (n+2)p}{n + 2}", r"\frac{np + 1 - (n+1)p}{n + 2}", "bias", 1, wrong,
                      "wrong constant: (n+1)p for (n+2)p")


DOCS += [doc_bias_variance_notes, doc_bias_variance_blog]


# ---------------------------------------------------------------------------
# family 9: Huber / smooth L1 (piecewise; each case checked on its stated region only)
U_IN = R("u_in", -0.95, 0.95)
V_OUT = P("v_out", 0.05, 2.0)
REGIONS = [{"reg": "in"}, {"reg": "hi"}, {"reg": "lo"}]


def at_region(c, thr):
    return {"in": thr * U_IN, "hi": thr + V_OUT, "lo": -thr - V_OUT}[c["reg"]]


def doc_huber_notes():
    dl = P("delta", 0.3, 2.0)
    rs = R("r_s")

    def L(r, d=dl):
        return sp.Piecewise((r**2 / 2, sp.Abs(r) <= d), (d * (sp.Abs(r) - d / 2), True))

    def Lp(r, d=dl):
        return sp.diff(L(rs, d), rs).subs(rs, r)

    rr = lambda c: at_region(c, dl)
    w, b = R("w"), R("b")

    def data(c):
        return vec("xh", c["n"]), vec("yh", c["n"], lo=-3.0, hi=3.0)

    def J(c):
        x, y = data(c)
        return sp.Add(*[L(w * a + b - t) for a, t in zip(x, y)]) / c["n"]

    def resid(c):
        x, y = data(c)
        return [w * a + b - t for a, t in zip(x, y)]

    ch = [
        Chain("def", [(r"L_\delta(r)", lambda c: L(rr(c))),
                      (r"\begin{cases} \tfrac{1}{2}r^2, & |r| \le \delta,\\ \delta\bigl(|r| - \tfrac{1}{2}\delta\bigr), & |r| > \delta. \end{cases}",
                       lambda c: L(rr(c)))], ["def"], ctxs=REGIONS),
        Chain("in", [(r"L_\delta'(r)", lambda c: Lp(rr(c))),
                     (r"\frac{d}{dr}\,\frac{1}{2}r^2", lambda c: sp.diff(rs**2 / 2, rs).subs(rs, rr(c))),
                     ("r", rr)], ctxs=[REGIONS[0]]),
        Chain("hi", [(r"L_\delta'(r)", lambda c: Lp(rr(c))),
                     (r"\frac{d}{dr}\Bigl[\delta r - \frac{\delta^2}{2}\Bigr]", lambda c: sp.diff(dl * rs - dl**2 / 2, rs)),
                     (r"\delta", lambda c: dl)], ctxs=[REGIONS[1]]),
        Chain("lo", [(r"L_\delta'(r)", lambda c: Lp(rr(c))),
                     (r"\frac{d}{dr}\Bigl[-\delta r - \frac{\delta^2}{2}\Bigr]", lambda c: sp.diff(-dl * rs - dl**2 / 2, rs)),
                     (r"-\delta", lambda c: -dl)], ctxs=[REGIONS[2]]),
        Chain("cont", [(r"\tfrac{1}{2}\delta^2", lambda c: dl**2 / 2),
                       (r"\delta\bigl(\delta - \tfrac{1}{2}\delta\bigr)", lambda c: dl * (dl - dl / 2))], ctxs=[{}]),
        Chain("clip", [(r"L_\delta'(r)", lambda c: Lp(rr(c))),
                       (r"\max\bigl(-\delta, \min(r, \delta)\bigr)", lambda c: sp.Max(-dl, sp.Min(rr(c), dl)))],
              ctxs=REGIONS),
        Chain("J", [(r"J(w, b)", J), (r"\frac{1}{n}\sum_{i=1}^{n} L_\delta(w x_i + b - y_i)", J)], ["def"]),
        Chain("grad", [(r"\frac{\partial J}{\partial w}", lambda c: sp.diff(J(c), w)),
                       (r"\frac{1}{n}\sum_{i=1}^{n} L_\delta'(r_i)\,\frac{\partial r_i}{\partial w}",
                        lambda c: sp.Add(*[Lp(ri) * sp.diff(ri, w) for ri in resid(c)]) / c["n"]),
                       (r"\frac{1}{n}\sum_{i=1}^{n} L_\delta'(r_i)\,x_i",
                        lambda c: sp.Add(*[Lp(ri) * a for ri, a in zip(resid(c), data(c)[0])]) / c["n"])]),
        Chain("num", [(r"\frac{\partial J}{\partial b}",
                       lambda c: half * (Lp(sp.Rational(1, 2), 1) + Lp(sp.Integer(-3), 1))),
                      (r"\frac{1}{2}\bigl(0.5 + (-1)\bigr)", lambda c: half * (sp.Rational("0.5") - 1)),
                      ("-0.25", lambda c: sp.Rational("-0.25"))], ctxs=[{}]),
    ]
    d = Doc("huber_gradient_notes.tex", ch, sizes(1, 4))
    wrong = (r"\frac{1}{2}\bigl(0.5 + (-3)\bigr)", lambda c: half * (sp.Rational("0.5") - 3))
    return with_plant(d, r"\bigl(0.5 + (-1)\bigr)", r"\bigl(0.5 + (-3)\bigr)", "num", 1, wrong,
                      "wrong constant: the unclipped residual -3 for the clipped value -1")


def doc_smooth_l1():
    be = P("beta", 0.3, 2.0)
    xs = R("x_s")

    def sm(x, b=be):
        return sp.Piecewise((sp.Rational(1, 2) * x**2 / b, sp.Abs(x) < b), (sp.Abs(x) - b / 2, True))

    def smp(x, b=be):
        return sp.diff(sm(xs, b), xs).subs(xs, x)

    def hub(x, d):
        return sp.Piecewise((x**2 / 2, sp.Abs(x) < d), (d * sp.Abs(x) - d**2 / 2, True))

    xx = lambda c: at_region(c, be)
    ch = [
        Chain("def", [(r"\operatorname{smooth}_{L_1}(x)", lambda c: sm(xx(c))),
                      (r"\begin{cases} 0.5\,x^2/\beta & \text{if } |x| < \beta \\ |x| - 0.5\,\beta & \text{otherwise} \end{cases}",
                       lambda c: sm(xx(c)))], ["def"], ctxs=REGIONS),
        Chain("in", [(r"\operatorname{smooth}_{L_1}'(x)", lambda c: smp(xx(c))),
                     (r"\frac{d}{dx}\left(\frac{0.5\,x^2}{\beta}\right)",
                      lambda c: sp.diff(sp.Rational(1, 2) * xs**2 / be, xs).subs(xs, xx(c))),
                     (r"\frac{x}{\beta}", lambda c: xx(c) / be)], ctxs=[REGIONS[0]]),
        Chain("hi", [(r"\operatorname{smooth}_{L_1}'(x)", lambda c: smp(xx(c))),
                     (r"\frac{d}{dx}\bigl(x - 0.5\,\beta\bigr)", lambda c: sp.diff(xs - be / 2, xs)),
                     ("1", lambda c: 1)], ctxs=[REGIONS[1]]),
        Chain("lo", [(r"\operatorname{smooth}_{L_1}'(x)", lambda c: smp(xx(c))),
                     (r"\frac{d}{dx}\bigl(-x - 0.5\,\beta\bigr)", lambda c: sp.diff(-xs - be / 2, xs)),
                     ("-1", lambda c: -1)], ctxs=[REGIONS[2]]),
        Chain("meet", [(r"\frac{0.5\,\beta^2}{\beta}", lambda c: sp.Rational(1, 2) * be**2 / be),
                       (r"0.5\,\beta", lambda c: be / 2),
                       (r"\beta - 0.5\,\beta", lambda c: be - be / 2)], ctxs=[{}]),
        Chain("slope", [(r"\frac{\beta}{\beta}", lambda c: be / be), ("1", lambda c: 1)], ctxs=[{}]),
        Chain("huber", [(r"\beta\cdot\operatorname{smooth}_{L_1}(x)", lambda c: be * sm(xx(c))),
                        (r"\begin{cases} \tfrac{1}{2}x^2 & \text{if } |x| < \beta \\ \beta|x| - \tfrac{1}{2}\beta^2 & \text{otherwise} \end{cases}",
                         lambda c: sp.Piecewise((xx(c)**2 / 2, sp.Abs(xx(c)) < be), (be * sp.Abs(xx(c)) - be**2 / 2, True))),
                        (r"\operatorname{Huber}_{\beta}(x)", lambda c: hub(xx(c), be))], ctxs=REGIONS),
        Chain("n1", [(r"\operatorname{smooth}_{L_1}(0.4)", lambda c: sm(sp.Rational("0.4"), 1)),
                     (r"\frac{0.5\cdot 0.16}{1}", lambda c: sp.Rational("0.5") * sp.Rational("0.16")),
                     ("0.08", lambda c: sp.Rational("0.08"))], ctxs=[{}]),
        Chain("n2", [(r"\operatorname{smooth}_{L_1}(2.5)", lambda c: sm(sp.Rational("2.5"), 1)),
                     (r"2.5 - 0.5", lambda c: sp.Rational("2.5") - sp.Rational("0.5")),
                     ("2", lambda c: 2)], ctxs=[{}]),
    ]
    d = Doc("smooth_l1_answer.md", ch, REGIONS)
    wrong = (r"\frac{d}{dx}\bigl(x - 0.5\,\beta\bigr)", lambda c: sp.diff(xs - be / 2, xs))
    return with_plant(d, r"\bigl(-x - 0.5\,\beta\bigr)", r"\bigl(x - 0.5\,\beta\bigr)", "lo", 1, wrong,
                      "sign: x for -x (|x| taken as x on the negative branch)")


DOCS += [doc_huber_notes, doc_smooth_l1]


# ---------------------------------------------------------------------------
# family 10: batch-norm / layer-norm backward
EPSN = P("epsilon", 0.05, 1.0)


def norm_ctxs(key):
    out = []
    for m in range(1, 5):
        prs = [(i, j) for i in range(1, m + 1) for j in range(1, m + 1)] if m <= 3 else [(1, 1), (2, 3), (4, 1)]
        for i, j in prs:
            out.append({key: m, "i": i, "j": j})
    return out


def doc_batchnorm():
    gam, bet = R("gamma"), R("beta")

    def x(c):
        return vec("x", c["m"])

    def g(c):
        return vec("g", c["m"])

    def mu(c):
        return sp.Add(*x(c)) / c["m"]

    def var(c):
        return sp.Add(*[(t - mu(c))**2 for t in x(c)]) / c["m"]

    def xh(c, i):
        return (x(c)[i - 1] - mu(c)) / sp.sqrt(var(c) + EPSN)

    def y(c, i):
        return gam * xh(c, i) + bet

    M = lambda c: range(1, c["m"] + 1)

    def L(c):
        return sp.Add(*[g(c)[i - 1] * y(c, i) for i in M(c)])

    def dxj(c, e):
        return sp.diff(e, x(c)[c["j"] - 1])

    s_ = lambda c: sp.sqrt(var(c) + EPSN)
    i_, j_, m_ = (lambda c: c["i"]), (lambda c: c["j"]), (lambda c: c["m"])
    ch = [
        Chain("mu", [(r"\mu", mu), (r"\frac{1}{m}\sum_{i=1}^{m} x_i", mu)], ["def"]),
        Chain("var", [(r"\sigma^2", var), (r"\frac{1}{m}\sum_{i=1}^{m}(x_i - \mu)^2", var)], ["def"]),
        Chain("xh", [(r"\hat{x}_i", lambda c: xh(c, c["i"])),
                     (r"\frac{x_i - \mu}{\sqrt{\sigma^2 + \epsilon}}", lambda c: xh(c, c["i"]))], ["def"]),
        Chain("y", [("y_i", lambda c: y(c, c["i"])), (r"\gamma\hat{x}_i + \beta", lambda c: y(c, c["i"]))], ["def"]),
        Chain("dgam", [(r"\frac{\partial L}{\partial \gamma}", lambda c: sp.diff(L(c), gam)),
                       (r"\sum_{i=1}^{m} g_i\hat{x}_i", lambda c: sp.Add(*[g(c)[i - 1] * xh(c, i) for i in M(c)]))]),
        Chain("dbet", [(r"\frac{\partial L}{\partial \beta}", lambda c: sp.diff(L(c), bet)),
                       (r"\sum_{i=1}^{m} g_i", lambda c: sp.Add(*g(c)))]),
        Chain("dmu", [(r"\frac{\partial \mu}{\partial x_j}", lambda c: dxj(c, mu(c))),
                      (r"\frac{1}{m}", lambda c: sp.Rational(1, c["m"]))]),
        Chain("dvar", [(r"\frac{\partial \sigma^2}{\partial x_j}", lambda c: dxj(c, var(c))),
                       (r"\frac{2}{m}(x_j - \mu)", lambda c: sp.Rational(2, c["m"]) * (x(c)[c["j"] - 1] - mu(c)))]),
        Chain("jac", [(r"\frac{\partial \hat{x}_i}{\partial x_j}", lambda c: dxj(c, xh(c, c["i"]))),
                      (r"\frac{\delta_{ij} - \frac{1}{m}}{\sqrt{\sigma^2 + \epsilon}} - \frac{x_i - \mu}{2(\sigma^2 + \epsilon)^{3/2}}\cdot\frac{2}{m}(x_j - \mu)",
                       lambda c: (delta(c["i"], c["j"]) - sp.Rational(1, c["m"])) / s_(c)
                       - (x(c)[c["i"] - 1] - mu(c)) / (2 * (var(c) + EPSN)**sp.Rational(3, 2))
                       * sp.Rational(2, c["m"]) * (x(c)[c["j"] - 1] - mu(c))),
                      (r"\frac{1}{\sqrt{\sigma^2 + \epsilon}}\Bigl(\delta_{ij} - \frac{1}{m} - \frac{1}{m}\hat{x}_i\hat{x}_j\Bigr)",
                       lambda c: (delta(c["i"], c["j"]) - sp.Rational(1, c["m"])
                                  - xh(c, c["i"]) * xh(c, c["j"]) / c["m"]) / s_(c))]),
        Chain("bwd", [(r"\frac{\partial L}{\partial x_j}", lambda c: dxj(c, L(c))),
                      (r"\sum_{i=1}^{m} g_i\,\gamma\,\frac{\partial \hat{x}_i}{\partial x_j}",
                       lambda c: sp.Add(*[g(c)[i - 1] * gam * dxj(c, xh(c, i)) for i in M(c)])),
                      (r"\frac{\gamma}{\sqrt{\sigma^2 + \epsilon}}\sum_{i=1}^{m} g_i\Bigl(\delta_{ij} - \frac{1}{m} - \frac{1}{m}\hat{x}_i\hat{x}_j\Bigr)",
                       lambda c: gam / s_(c) * sp.Add(*[g(c)[i - 1] * (delta(i, c["j"]) - sp.Rational(1, c["m"])
                                                                      - xh(c, i) * xh(c, c["j"]) / c["m"]) for i in M(c)])),
                      (r"\frac{\gamma}{m\sqrt{\sigma^2 + \epsilon}}\Bigl(m\,g_j - \sum_{i=1}^{m} g_i - \hat{x}_j\sum_{i=1}^{m} g_i\hat{x}_i\Bigr)",
                       lambda c: gam / (c["m"] * s_(c)) * (c["m"] * g(c)[c["j"] - 1] - sp.Add(*g(c))
                                                           - xh(c, c["j"]) * sp.Add(*[g(c)[i - 1] * xh(c, i) for i in M(c)])))]),
        Chain("check", [(r"\sum_{j=1}^{m}\frac{\partial L}{\partial x_j}", lambda c: sp.Add(*[sp.diff(L(c), t) for t in x(c)])),
                        (r"\frac{\gamma}{m\sqrt{\sigma^2 + \epsilon}}\Bigl(m\sum_{j} g_j - m\sum_{i} g_i - \sum_{j}\hat{x}_j\sum_{i} g_i\hat{x}_i\Bigr)",
                         lambda c: gam / (c["m"] * s_(c)) * (c["m"] * sp.Add(*g(c)) - c["m"] * sp.Add(*g(c))
                                                             - sp.Add(*[xh(c, i) for i in M(c)])
                                                             * sp.Add(*[g(c)[i - 1] * xh(c, i) for i in M(c)]))),
                        ("0", lambda c: 0)], ctxs=[{"m": m} for m in range(1, 5)]),
    ]
    d = Doc("batchnorm_backward_appendix.tex", ch, norm_ctxs("m"))
    wrong = (r"\frac{\gamma}{\sqrt{\sigma^2 + \epsilon}}\sum_{i=1}^{m} g_i\Bigl(\delta_{ij} - \frac{1}{m} - \frac{1}{m}\hat{x}_j\hat{x}_j\Bigr)",
             lambda c: gam / s_(c) * sp.Add(*[g(c)[i - 1] * (delta(i, c["j"]) - sp.Rational(1, c["m"])
                                                            - xh(c, c["j"]) * xh(c, c["j"]) / c["m"]) for i in M(c)]))
    return with_plant(d, r"g_i\Bigl(\delta_{ij} - \frac{1}{m} - \frac{1}{m}\hat{x}_i\hat{x}_j\Bigr)",
                      r"g_i\Bigl(\delta_{ij} - \frac{1}{m} - \frac{1}{m}\hat{x}_j\hat{x}_j\Bigr)", "bwd", 2, wrong,
                      "wrong index: xhat_j xhat_j for xhat_i xhat_j inside the sum over i")


def doc_layernorm():
    def a(c):
        return vec("a", c["H"])

    def dd(c):
        return vec("d", c["H"])

    def mu(c):
        return sp.Add(*a(c)) / c["H"]

    def v(c):
        return sp.Add(*[(t - mu(c))**2 for t in a(c)]) / c["H"]

    def s(c):
        return sp.sqrt(v(c) + EPSN)

    def nk(c, k):
        return (a(c)[k - 1] - mu(c)) / s(c)

    Hr = lambda c: range(1, c["H"] + 1)
    aj = lambda c: a(c)[c["j"] - 1]
    Hf = lambda c: sp.Rational(1, c["H"])

    def Lf(c):
        return sp.Add(*[dd(c)[k - 1] * nk(c, k) for k in Hr(c)])

    def dnk(c, k):
        return sp.diff(nk(c, k), aj(c))

    def num():
        a1, a2, e = sp.symbols("_a1 _a2 _e", positive=True)
        m_ = (a1 + a2) / 2
        s_ = sp.sqrt(((a1 - m_)**2 + (a2 - m_)**2) / 2 + e)
        n1 = (a1 - m_) / s_
        return sp.limit(sp.diff(n1, a1).subs({a1: 1, a2: 3}), e, 0)

    ch = [
        Chain("mu", [(r"\mu", mu), (r"\frac{1}{H}\sum_{k=1}^{H} a_k", mu)], ["def"]),
        Chain("v", [("v", v), (r"\frac{1}{H}\sum_{k=1}^{H}(a_k - \mu)^2", v)], ["def"]),
        Chain("n", [("n_k", lambda c: nk(c, c["i"])), (r"\frac{a_k - \mu}{\sqrt{v + \epsilon}}", lambda c: nk(c, c["i"]))],
              ["def"]),
        Chain("dv", [(r"\frac{\partial v}{\partial a_j}", lambda c: sp.diff(v(c), aj(c))),
                     (r"\frac{2}{H}\sum_{k=1}^{H}(a_k - \mu)\Bigl(\delta_{kj} - \frac{1}{H}\Bigr)",
                      lambda c: 2 * Hf(c) * sp.Add(*[(a(c)[k - 1] - mu(c)) * (delta(k, c["j"]) - Hf(c)) for k in Hr(c)])),
                     (r"\frac{2}{H}(a_j - \mu)", lambda c: 2 * Hf(c) * (aj(c) - mu(c)))]),
        Chain("zero", [(r"\sum_{k=1}^{H}(a_k - \mu)", lambda c: sp.Add(*[t - mu(c) for t in a(c)])),
                       (r"\sum_{k=1}^{H} a_k - H\mu", lambda c: sp.Add(*a(c)) - c["H"] * mu(c)),
                       ("0", lambda c: 0)]),
        Chain("dn", [(r"\frac{\partial n_k}{\partial a_j}", lambda c: dnk(c, c["i"])),
                     (r"\frac{1}{s}\Bigl(\delta_{kj} - \frac{1}{H}\Bigr) - \frac{a_k - \mu}{s^2}\cdot\frac{\partial s}{\partial a_j}",
                      lambda c: (delta(c["i"], c["j"]) - Hf(c)) / s(c)
                      - (a(c)[c["i"] - 1] - mu(c)) / s(c)**2 * sp.diff(s(c), aj(c))),
                     (r"\frac{1}{s}\Bigl(\delta_{kj} - \frac{1}{H}\Bigr) - \frac{a_k - \mu}{s^2}\cdot\frac{a_j - \mu}{H s}",
                      lambda c: (delta(c["i"], c["j"]) - Hf(c)) / s(c)
                      - (a(c)[c["i"] - 1] - mu(c)) / s(c)**2 * (aj(c) - mu(c)) / (c["H"] * s(c))),
                     (r"\frac{1}{s}\Bigl(\delta_{kj} - \frac{1}{H} - \frac{n_k n_j}{H}\Bigr)",
                      lambda c: (delta(c["i"], c["j"]) - Hf(c) - nk(c, c["i"]) * nk(c, c["j"]) / c["H"]) / s(c))]),
        Chain("dL", [(r"\frac{\partial L}{\partial a_j}", lambda c: sp.diff(Lf(c), aj(c))),
                     (r"\sum_{k=1}^{H} d_k\,\frac{\partial n_k}{\partial a_j}",
                      lambda c: sp.Add(*[dd(c)[k - 1] * dnk(c, k) for k in Hr(c)])),
                     (r"\frac{1}{s}\Bigl(d_j - \frac{1}{H}\sum_{k=1}^{H} d_k - \frac{n_j}{H}\sum_{k=1}^{H} d_k n_k\Bigr)",
                      lambda c: (dd(c)[c["j"] - 1] - Hf(c) * sp.Add(*dd(c))
                                 - nk(c, c["j"]) * Hf(c) * sp.Add(*[dd(c)[k - 1] * nk(c, k) for k in Hr(c)])) / s(c))]),
        Chain("num", [(r"\frac{\partial L}{\partial a_1}", lambda c: num()),
                      (r"1 - \frac{1}{2}(1 + 0) - \frac{-1}{2}\bigl(1\cdot(-1) + 0\cdot 1\bigr)",
                       lambda c: 1 - half * (1 + 0) - sp.Rational(-1, 2) * (1 * (-1) + 0 * 1)),
                      ("0", lambda c: 0)], ctxs=[{}]),
    ]
    d = Doc("layernorm_backward_blog.md", ch, norm_ctxs("H"))
    wrong = (r"\frac{1}{s}\Bigl(\delta_{kj} - \frac{1}{H}\Bigr) - \frac{a_k - \mu}{s^2}\cdot\frac{a_j - \mu}{s}",
             lambda c: (delta(c["i"], c["j"]) - Hf(c)) / s(c)
             - (a(c)[c["i"] - 1] - mu(c)) / s(c)**2 * (aj(c) - mu(c)) / s(c))
    return with_plant(d, r"\cdot\frac{a_j - \mu}{H s}", r"\cdot\frac{a_j - \mu}{s}", "dn", 2, wrong,
                      "dropped factor: 1/H in the derivative of s")


DOCS += [doc_batchnorm, doc_layernorm]


# ---------------------------------------------------------------------------
# family 11: policy gradient / score-function identity
def doc_score_function():
    def th(c):
        return vec("theta", c["K"])

    def rw(c):
        return vec("r", c["K"])

    def pi(c, a):
        S_ = sp.Add(*[exp(t) for t in th(c)])
        return exp(th(c)[a - 1]) / S_

    A = lambda c: range(1, c["K"] + 1)

    def J(c):
        return sp.Add(*[pi(c, a) * rw(c)[a - 1] for a in A(c)])

    tj = lambda c: th(c)[c["j"] - 1]

    def num():
        t1, t2 = sp.symbols("_t1 _t2")
        S_ = exp(t1) + exp(t2)
        Jx = exp(t1) / S_ * 1 + exp(t2) / S_ * 3
        return sp.diff(Jx, t2).subs({t1: 0, t2: 0})

    ch = [
        Chain("J", [(r"J(\boldsymbol{\theta})", J),
                    (r"\mathbb{E}_{a \sim \pi_{\boldsymbol{\theta}}}\bigl[r(a)\bigr]", J),
                    (r"\sum_{a=1}^{K}\pi_{\boldsymbol{\theta}}(a)\,r(a)", J)], ["def", "id"]),
        Chain("score", [(r"\nabla_{\boldsymbol{\theta}} J", lambda c: sp.diff(J(c), tj(c))),
                        (r"\sum_{a=1}^{K} r(a)\,\nabla_{\boldsymbol{\theta}}\pi_{\boldsymbol{\theta}}(a)",
                         lambda c: sp.Add(*[rw(c)[a - 1] * sp.diff(pi(c, a), tj(c)) for a in A(c)])),
                        (r"\sum_{a=1}^{K} r(a)\,\pi_{\boldsymbol{\theta}}(a)\,\nabla_{\boldsymbol{\theta}}\log\pi_{\boldsymbol{\theta}}(a)",
                         lambda c: sp.Add(*[rw(c)[a - 1] * pi(c, a) * sp.diff(log(pi(c, a)), tj(c)) for a in A(c)])),
                        (r"\mathbb{E}_{a \sim \pi_{\boldsymbol{\theta}}}\bigl[r(a)\,\nabla_{\boldsymbol{\theta}}\log\pi_{\boldsymbol{\theta}}(a)\bigr]",
                         lambda c: sp.Add(*[pi(c, a) * rw(c)[a - 1] * sp.diff(log(pi(c, a)), tj(c)) for a in A(c)]))]),
        Chain("dlog", [(r"\frac{\partial}{\partial \theta_j}\log\pi_{\boldsymbol{\theta}}(a)",
                        lambda c: sp.diff(log(pi(c, c["a"])), tj(c))),
                       (r"\mathbb{1}[a = j] - \pi_{\boldsymbol{\theta}}(j)", lambda c: delta(c["a"], c["j"]) - pi(c, c["j"]))],
              ctxs=grid(range(1, 5), ["a", "j"])),
        Chain("softgrad", [(r"\frac{\partial J}{\partial \theta_j}", lambda c: sp.diff(J(c), tj(c))),
                           (r"\sum_{a=1}^{K}\pi_{\boldsymbol{\theta}}(a)\,r(a)\bigl(\mathbb{1}[a = j] - \pi_{\boldsymbol{\theta}}(j)\bigr)",
                            lambda c: sp.Add(*[pi(c, a) * rw(c)[a - 1] * (delta(a, c["j"]) - pi(c, c["j"])) for a in A(c)])),
                           (r"\pi_{\boldsymbol{\theta}}(j)\,r(j) - \pi_{\boldsymbol{\theta}}(j)\sum_{a=1}^{K}\pi_{\boldsymbol{\theta}}(a)\,r(a)",
                            lambda c: pi(c, c["j"]) * rw(c)[c["j"] - 1] - pi(c, c["j"]) * J(c)),
                           (r"\pi_{\boldsymbol{\theta}}(j)\bigl(r(j) - J(\boldsymbol{\theta})\bigr)",
                            lambda c: pi(c, c["j"]) * (rw(c)[c["j"] - 1] - J(c)))]),
        Chain("base", [(r"\mathbb{E}_{a \sim \pi_{\boldsymbol{\theta}}}\bigl[\nabla_{\boldsymbol{\theta}}\log\pi_{\boldsymbol{\theta}}(a)\bigr]",
                        lambda c: sp.Add(*[pi(c, a) * sp.diff(log(pi(c, a)), tj(c)) for a in A(c)])),
                       (r"\sum_{a=1}^{K}\nabla_{\boldsymbol{\theta}}\pi_{\boldsymbol{\theta}}(a)",
                        lambda c: sp.Add(*[sp.diff(pi(c, a), tj(c)) for a in A(c)])),
                       (r"\nabla_{\boldsymbol{\theta}}\sum_{a=1}^{K}\pi_{\boldsymbol{\theta}}(a)",
                        lambda c: sp.diff(sp.Add(*[pi(c, a) for a in A(c)]), tj(c))),
                       (r"\nabla_{\boldsymbol{\theta}} 1", lambda c: sp.diff(sp.Integer(1), tj(c))),
                       ("0", lambda c: 0)]),
        Chain("num", [(r"\frac{\partial J}{\partial \theta_2}", lambda c: num()),
                      (r"\frac{1}{2}\,(3 - 2)", lambda c: half * (3 - 2)),
                      (r"\frac{1}{2}", lambda c: half)], ctxs=[{}]),
    ]
    d = Doc("score_function_lecture.tex", ch, grid(range(1, 5), ["j"]))
    wrong = (r"\pi_{\boldsymbol{\theta}}(j)\,r(j) + \pi_{\boldsymbol{\theta}}(j)\sum_{a=1}^{K}\pi_{\boldsymbol{\theta}}(a)\,r(a)",
             lambda c: pi(c, c["j"]) * rw(c)[c["j"] - 1] + pi(c, c["j"]) * J(c))
    return with_plant(d, r"\,r(j) - \pi_{\boldsymbol{\theta}}(j)\sum", r"\,r(j) + \pi_{\boldsymbol{\theta}}(j)\sum",
                      "softgrad", 2, wrong, "sign: + for - in front of the baseline term")


def doc_reinforce():
    th = R("theta", -2.0, 2.0)
    r0, r1 = R("r_0"), R("r_1")
    s = sig(th)

    def pi(a):
        return s**a * (1 - s)**(1 - a)

    Jf = s * r1 + (1 - s) * r0
    rr = {0: r0, 1: r1}
    AC = [{"a": 0}, {"a": 1}]
    ch = [
        Chain("pi", [(r"\pi_\theta(a)", lambda c: pi(c["a"])),
                     (r"\sigma(\theta)^{a}\bigl(1 - \sigma(\theta)\bigr)^{1 - a}", lambda c: pi(c["a"]))], ["def"], ctxs=AC),
        Chain("logpi", [(r"\log\pi_\theta(a)", lambda c: log(pi(c["a"]))),
                        (r"a\log\sigma(\theta) + (1 - a)\log\bigl(1 - \sigma(\theta)\bigr)",
                         lambda c: c["a"] * log(s) + (1 - c["a"]) * log(1 - s))], ctxs=AC),
        Chain("score", [(r"\frac{d}{d\theta}\log\pi_\theta(a)", lambda c: sp.diff(log(pi(c["a"])), th)),
                        (r"a\bigl(1 - \sigma(\theta)\bigr) - (1 - a)\,\sigma(\theta)",
                         lambda c: c["a"] * (1 - s) - (1 - c["a"]) * s),
                        (r"a - \sigma(\theta)", lambda c: c["a"] - s)], ctxs=AC),
        Chain("J", [(r"J(\theta)", lambda c: Jf),
                    (r"\sigma(\theta)\,r_1 + \bigl(1 - \sigma(\theta)\bigr)\,r_0", lambda c: Jf)], ["def"]),
        Chain("dJ", [(r"J'(\theta)", lambda c: sp.diff(Jf, th)),
                     (r"\sigma(\theta)\bigl(1 - \sigma(\theta)\bigr)(r_1 - r_0)", lambda c: s * (1 - s) * (r1 - r0))]),
        Chain("sf", [(r"\mathbb{E}\bigl[r_a\,(a - \sigma(\theta))\bigr]",
                      lambda c: sp.Add(*[pi(a) * rr[a] * (a - s) for a in (0, 1)])),
                     (r"\sigma(\theta)\,r_1\bigl(1 - \sigma(\theta)\bigr) + \bigl(1 - \sigma(\theta)\bigr)\,r_0\bigl(0 - \sigma(\theta)\bigr)",
                      lambda c: s * r1 * (1 - s) + (1 - s) * r0 * (0 - s)),
                     (r"\sigma(\theta)\bigl(1 - \sigma(\theta)\bigr)(r_1 - r_0)", lambda c: s * (1 - s) * (r1 - r0))]),
        Chain("base", [(r"\mathbb{E}\bigl[a - \sigma(\theta)\bigr]", lambda c: sp.Add(*[pi(a) * (a - s) for a in (0, 1)])),
                       (r"\sigma(\theta) - \sigma(\theta)", lambda c: s - s),
                       ("0", lambda c: 0)]),
        Chain("n1", [(r"J'(0)", lambda c: sp.diff(s * 1 + (1 - s) * 0, th).subs(th, 0)),
                     (r"\tfrac{1}{2}\cdot\tfrac{1}{2}\cdot(1 - 0)", lambda c: half * half * (1 - 0)),
                     (r"\tfrac{1}{4}", lambda c: sp.Rational(1, 4))], ctxs=[{}]),
        Chain("n2", [(r"\sigma(\ln 3)", lambda c: sig(log(3))),
                     (r"\frac{1}{1 + e^{-\ln 3}}", lambda c: 1 / (1 + exp(-log(3)))),
                     (r"\frac{1}{1 + 1/3}", lambda c: 1 / (1 + sp.Rational(1, 3))),
                     (r"\frac{3}{4}", lambda c: sp.Rational(3, 4))], ctxs=[{}]),
    ]
    d = Doc("reinforce_bandit_blog.md", ch, [{}])
    wrong = (r"\sigma(\theta)\,r_1\bigl(1 - \sigma(\theta)\bigr) + \bigl(1 - \sigma(\theta)\bigr)\,r_0\bigl(1 - \sigma(\theta)\bigr)",
             lambda c: s * r1 * (1 - s) + (1 - s) * r0 * (1 - s))
    return with_plant(d, r"\,r_0\bigl(0 - \sigma(\theta)\bigr)", r"\,r_0\bigl(1 - \sigma(\theta)\bigr)", "sf", 1, wrong,
                      "wrong constant: (1 - sigma) for (0 - sigma), the score of arm 1 used for arm 0")


DOCS += [doc_score_function, doc_reinforce]


# ---------------------------------------------------------------------------
# family 12: moment generating functions (Gaussian integral; Poisson series)
_cache = {}


def _gauss_integrals():
    if not _cache:
        x, t, mu = R("x"), R("t", -1.0, 1.0), R("mu")
        s = P("sigma", 0.3, 2.0)
        pdf = exp(-(x - mu)**2 / (2 * s**2)) / (s * sp.sqrt(2 * sp.pi))
        _cache["full"] = sp.simplify(sp.integrate(exp(t * x) * pdf, (x, -sp.oo, sp.oo), conds="none"))
        shifted = exp(-(x - mu - s**2 * t)**2 / (2 * s**2)) / (s * sp.sqrt(2 * sp.pi))
        _cache["shift"] = sp.simplify(sp.integrate(shifted, (x, -sp.oo, sp.oo), conds="none"))
        _cache["m1"] = sp.simplify(sp.integrate(x * pdf, (x, -sp.oo, sp.oo), conds="none"))
        _cache["m2"] = sp.simplify(sp.integrate(x**2 * pdf, (x, -sp.oo, sp.oo), conds="none"))
    return _cache


def doc_normal_mgf():
    x, t, mu = R("x"), R("t", -1.0, 1.0), R("mu")
    s = P("sigma", 0.3, 2.0)
    G = _gauss_integrals()
    Mc = exp(mu * t + s**2 * t**2 / 2)
    M1 = sp.diff(Mc, t)
    M2 = sp.diff(Mc, t, 2)
    mu1, mu2 = R("mu_1"), R("mu_2")
    s1, s2 = P("sigma_1", 0.3, 2.0), P("sigma_2", 0.3, 2.0)

    def Mn(m, sd):
        return exp(m * t + sd**2 * t**2 / 2)

    ch = [
        Chain("def", [(r"M_X(t)", lambda c: G["full"]), (r"\mathbb{E}\bigl[e^{tX}\bigr]", lambda c: G["full"]),
                      (r"\int_{-\infty}^{\infty} e^{tx}\,\frac{1}{\sigma\sqrt{2\pi}}\exp\Bigl(-\frac{(x - \mu)^2}{2\sigma^2}\Bigr)\,dx",
                       lambda c: G["full"])], ["def", "id"]),
        Chain("square", [(r"tx - \frac{(x - \mu)^2}{2\sigma^2}", lambda c: t * x - (x - mu)**2 / (2 * s**2)),
                         (r"-\frac{\bigl(x - (\mu + \sigma^2 t)\bigr)^2}{2\sigma^2} + \mu t + \frac{\sigma^2 t^2}{2}",
                          lambda c: -(x - (mu + s**2 * t))**2 / (2 * s**2) + mu * t + s**2 * t**2 / 2)]),
        Chain("mgf", [(r"M_X(t)", lambda c: G["full"]),
                      (r"e^{\mu t + \sigma^2 t^2/2}\int_{-\infty}^{\infty}\frac{1}{\sigma\sqrt{2\pi}}\exp\Bigl(-\frac{(x - \mu - \sigma^2 t)^2}{2\sigma^2}\Bigr)\,dx",
                       lambda c: exp(mu * t + s**2 * t**2 / 2) * G["shift"]),
                      (r"\exp\Bigl(\mu t + \frac{1}{2}\sigma^2 t^2\Bigr)", lambda c: Mc)]),
        Chain("d1", [(r"M_X'(t)", lambda c: M1), (r"(\mu + \sigma^2 t)\,M_X(t)", lambda c: (mu + s**2 * t) * Mc)]),
        Chain("d2", [(r"M_X''(t)", lambda c: M2),
                     (r"\sigma^2 M_X(t) + (\mu + \sigma^2 t)^2 M_X(t)", lambda c: s**2 * Mc + (mu + s**2 * t)**2 * Mc)]),
        Chain("m1", [(r"\mathbb{E}[X]", lambda c: G["m1"]), (r"M_X'(0)", lambda c: M1.subs(t, 0)), (r"\mu", lambda c: mu)]),
        Chain("m2", [(r"\mathbb{E}[X^2]", lambda c: G["m2"]), (r"M_X''(0)", lambda c: M2.subs(t, 0)),
                     (r"\sigma^2 + \mu^2", lambda c: s**2 + mu**2)]),
        Chain("var", [(r"\operatorname{Var}(X)", lambda c: G["m2"] - G["m1"]**2),
                      (r"M_X''(0) - \bigl(M_X'(0)\bigr)^2", lambda c: M2.subs(t, 0) - M1.subs(t, 0)**2),
                      (r"\sigma^2", lambda c: s**2)]),
        Chain("K", [(r"K_X(t)", lambda c: log(Mc)), (r"\log M_X(t)", lambda c: log(Mc)),
                    (r"\mu t + \frac{1}{2}\sigma^2 t^2", lambda c: mu * t + s**2 * t**2 / 2)], ["def", "id"]),
        Chain("K2", [(r"K_X''(t)", lambda c: sp.diff(log(Mc), t, 2)), (r"\sigma^2", lambda c: s**2)]),
        Chain("sum", [(r"M_{X+Y}(t)", lambda c: Mn(mu1, s1) * Mn(mu2, s2)),
                      (r"M_X(t)\,M_Y(t)", lambda c: Mn(mu1, s1) * Mn(mu2, s2)),
                      (r"\exp\Bigl((\mu_1 + \mu_2)t + \frac{1}{2}(\sigma_1^2 + \sigma_2^2)t^2\Bigr)",
                       lambda c: exp((mu1 + mu2) * t + (s1**2 + s2**2) * t**2 / 2))]),
    ]
    d = Doc("normal_mgf_handout.tex", ch, [{}])
    wrong = (r"M_X''(0) - M_X'(0)", lambda c: M2.subs(t, 0) - M1.subs(t, 0))
    return with_plant(d, r"M_X''(0) - \bigl(M_X'(0)\bigr)^2", r"M_X''(0) - M_X'(0)", "var", 1, wrong,
                      "wrong exponent: M'(0) for (M'(0))^2")


def doc_poisson_mgf():
    lam, t = P("lambda_pois", 0.3, 2.0), R("t_mgf", -1.0, 0.7)
    l1, l2 = P("lambda_pois_1", 0.3, 2.0), P("lambda_pois_2", 0.3, 2.0)
    k = sp.Symbol("k", integer=True, nonnegative=True)
    pmf = lam**k * exp(-lam) / sp.factorial(k)

    def ES(f):
        return sp.Sum(f * pmf, (k, 0, sp.oo))

    Mc = exp(lam * (exp(t) - 1))
    M1, M2 = sp.diff(Mc, t), sp.diff(Mc, t, 2)
    ch = [
        Chain("M", [(r"M(t)", lambda c: ES(exp(t * k))),
                    (r"\mathbb{E}\left[e^{tK}\right]", lambda c: ES(exp(t * k))),
                    (r"\sum_{k=0}^{\infty} e^{tk}\,\frac{\lambda^k e^{-\lambda}}{k!}", lambda c: ES(exp(t * k))),
                    (r"e^{-\lambda}\sum_{k=0}^{\infty}\frac{(\lambda e^t)^k}{k!}",
                     lambda c: exp(-lam) * sp.Sum((lam * exp(t))**k / sp.factorial(k), (k, 0, sp.oo))),
                    (r"e^{-\lambda}e^{\lambda e^t}", lambda c: exp(-lam) * exp(lam * exp(t))),
                    (r"e^{\lambda(e^t - 1)}", lambda c: Mc)], ["def", "id", "id", "id", "id"]),
        Chain("d1", [(r"M'(t)", lambda c: M1), (r"\lambda e^t\, e^{\lambda(e^t - 1)}", lambda c: lam * exp(t) * Mc)]),
        Chain("d2", [(r"M''(t)", lambda c: M2),
                     (r"\lambda e^t\, e^{\lambda(e^t - 1)} + \left(\lambda e^t\right)^2 e^{\lambda(e^t - 1)}",
                      lambda c: lam * exp(t) * Mc + (lam * exp(t))**2 * Mc)]),
        Chain("m1", [(r"\mathbb{E}[K]", lambda c: ES(k)), (r"M'(0)", lambda c: M1.subs(t, 0)), (r"\lambda", lambda c: lam)]),
        Chain("m2", [(r"\mathbb{E}[K^2]", lambda c: ES(k**2)), (r"M''(0)", lambda c: M2.subs(t, 0)),
                     (r"\lambda + \lambda^2", lambda c: lam + lam**2)]),
        Chain("var", [(r"\operatorname{Var}(K)", lambda c: ES(k**2) - ES(k)**2),
                      (r"\lambda + \lambda^2 - \lambda^2", lambda c: lam + lam**2 - lam**2),
                      (r"\lambda", lambda c: lam)]),
        Chain("sum", [(r"M_{K_1 + K_2}(t)", lambda c: exp(l1 * (exp(t) - 1)) * exp(l2 * (exp(t) - 1))),
                      (r"e^{\lambda_1(e^t - 1)}\,e^{\lambda_2(e^t - 1)}", lambda c: exp(l1 * (exp(t) - 1)) * exp(l2 * (exp(t) - 1))),
                      (r"e^{(\lambda_1 + \lambda_2)(e^t - 1)}", lambda c: exp((l1 + l2) * (exp(t) - 1)))]),
    ]
    d = Doc("mgf_moments_answer.md", ch, [{}])
    wrong = (r"e^{-\lambda}\sum_{k=0}^{\infty}\frac{\lambda^k e^{t}}{k!}",
             lambda c: exp(-lam) * sp.Sum(lam**k * exp(t) / sp.factorial(k), (k, 0, sp.oo)))
    return with_plant(d, r"\frac{(\lambda e^t)^k}{k!}", r"\frac{\lambda^k e^{t}}{k!}", "M", 3, wrong,
                      "wrong exponent: lambda^k e^t for (lambda e^t)^k")


DOCS += [doc_normal_mgf, doc_poisson_mgf]
