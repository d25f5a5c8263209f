"""Hand encodings of the corpus_ml3 documents, part A (families 1-7).

Each function returns a Doc: chains of (LaTeX anchor, function of the context) pairs, in
document order. Planted slips are attached with with_plant(...).
"""
import sympy as sp

from framework import Chain, Doc, with_plant, R, P, E, Var, Cov, X, Y, delta, sig  # noqa: F401
from helpers import vec, mat, softmax, targets, S, mean, dsig, local, pairs, singles, sizes  # noqa: F401


# ---------------------------------------------------------------------------
# family 1: softmax Jacobian
def softmax_jacobian_handout():
    z = lambda c: vec("z", c["K"])
    p = lambda c, i: softmax(z(c))[i - 1]
    Sn = lambda c: sp.Add(*[sp.exp(t) for t in z(c)])
    e = lambda c, i: sp.exp(z(c)[i - 1])
    d = lambda c, i, j: sp.diff(p(c, i), z(c)[j - 1])
    K = lambda c: c["K"]
    allp = pairs()
    diag = singles("i")
    off = pairs(cond=lambda c: c["i"] != c["j"], Kmin=2)
    cols = singles("j")
    g = lambda c: vec("g", c["K"])
    gsum = lambda c: sp.Add(*[g(c)[i - 1] * p(c, i) for i in range(1, K(c) + 1)])
    doc = Doc("softmax_jacobian_handout.tex", [
        Chain("def", [("p_i", lambda c: p(c, c["i"])),
                      (r"\frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}}", lambda c: e(c, c["i"]) / Sn(c))], "def", ctxs=diag),
        Chain("diag", [(r"\pd{p_i}{z_i}", lambda c: d(c, c["i"], c["i"])),
                       (r"\frac{e^{z_i} S - e^{z_i} e^{z_i}}{S^2}",
                        lambda c: (e(c, c["i"]) * Sn(c) - e(c, c["i"]) ** 2) / Sn(c) ** 2),
                       (r"\frac{e^{z_i}}{S} \cdot \frac{S - e^{z_i}}{S}",
                        lambda c: e(c, c["i"]) / Sn(c) * (Sn(c) - e(c, c["i"])) / Sn(c)),
                       (r"p_i (1 - p_i)", lambda c: p(c, c["i"]) * (1 - p(c, c["i"])))], ctxs=diag),
        Chain("off", [(r"\pd{p_i}{z_j}", lambda c: d(c, c["i"], c["j"])),
                      (r"\frac{0 \cdot S - e^{z_i} e^{z_j}}{S^2}",
                       lambda c: (0 * Sn(c) - e(c, c["i"]) * e(c, c["j"])) / Sn(c) ** 2),
                      (r"-\frac{e^{z_i}}{S} \frac{e^{z_j}}{S}", lambda c: -e(c, c["i"]) / Sn(c) * e(c, c["j"]) / Sn(c)),
                      (r"-p_i p_j", lambda c: -p(c, c["i"]) * p(c, c["j"]))], ctxs=off),
        Chain("jac", [(r"\pd{p_i}{z_j}", lambda c: d(c, c["i"], c["j"])),
                      (r"p_i (\delta_{ij} - p_j)", lambda c: p(c, c["i"]) * (delta(c["i"], c["j"]) - p(c, c["j"])))],
              ctxs=allp),
        Chain("colsum", [(r"\sum_{i=1}^{K} \pd{p_i}{z_j}", lambda c: S(lambda i: d(c, i, c["j"]), 1, K(c))),
                         (r"\sum_{i=1}^{K} p_i \delta_{ij} - p_j \sum_{i=1}^{K} p_i",
                          lambda c: S(lambda i: p(c, i) * delta(i, c["j"]), 1, K(c)) - p(c, c["j"]) * S(lambda i: p(c, i), 1, K(c))),
                         (r"p_j - p_j", lambda c: p(c, c["j"]) - p(c, c["j"])),
                         (r"0", lambda c: 0)], ctxs=cols),
        Chain("vjp", [(r"(J^{\top}\mathbf{g})_j", lambda c: S(lambda i: g(c)[i - 1] * d(c, i, c["j"]), 1, K(c))),
                      (r"\sum_{i} g_i \pd{p_i}{z_j}", lambda c: S(lambda i: g(c)[i - 1] * d(c, i, c["j"]), 1, K(c))),
                      (r"\sum_i g_i p_i (\delta_{ij} - p_j)",
                       lambda c: S(lambda i: g(c)[i - 1] * p(c, i) * (delta(i, c["j"]) - p(c, c["j"])), 1, K(c))),
                      (r"p_j g_j - p_j \sum_i g_i p_i", lambda c: p(c, c["j"]) * g(c)[c["j"] - 1] - p(c, c["j"]) * gsum(c)),
                      (r"p_j \Bigl( g_j - \sum_i g_i p_i \Bigr)", lambda c: p(c, c["j"]) * (g(c)[c["j"] - 1] - gsum(c)))],
              ctxs=cols),
    ])
    return with_plant(doc, r"= -\frac{e^{z_i}}{S} \frac{e^{z_j}}{S}", r"= \frac{e^{z_i}}{S} \frac{e^{z_j}}{S}", "off", 2,
                      (r"\frac{e^{z_i}}{S} \frac{e^{z_j}}{S}", lambda c: e(c, c["i"]) / Sn(c) * e(c, c["j"]) / Sn(c)),
                      "sign: the minus sign in front of the product of the two softmax factors is lost")


def softmax_jacobian_answer():
    x = lambda c: vec("x", c["K"])
    a = lambda c, i: softmax(x(c))[i - 1]
    Sn = lambda c: sp.Add(*[sp.exp(t) for t in x(c)])
    dl = lambda c, i, j: sp.diff(sp.log(a(c, i)), x(c)[j - 1])
    da = lambda c, i, j: sp.diff(a(c, i), x(c)[j - 1])
    allp = pairs()
    doc = Doc("softmax_jacobian_answer.md", [
        Chain("log", [(r"\log a_i", lambda c: sp.log(a(c, c["i"]))),
                      (r"x_i - \log \sum_k e^{x_k}", lambda c: x(c)[c["i"] - 1] - sp.log(Sn(c)))], ctxs=singles("i")),
        Chain("dlog", [(r"\frac{\partial \log a_i}{\partial x_j}", lambda c: dl(c, c["i"], c["j"])),
                       (r"\delta_{ij} - \frac{e^{x_j}}{\sum_k e^{x_k}}",
                        lambda c: delta(c["i"], c["j"]) - sp.exp(x(c)[c["j"] - 1]) / Sn(c)),
                       (r"\delta_{ij} - a_j", lambda c: delta(c["i"], c["j"]) - a(c, c["j"]))], ctxs=allp),
        Chain("da", [(r"\frac{\partial a_i}{\partial x_j}", lambda c: da(c, c["i"], c["j"])),
                     (r"a_i \frac{\partial \log a_i}{\partial x_j}", lambda c: a(c, c["i"]) * dl(c, c["i"], c["j"])),
                     (r"a_i (\delta_{ij} - a_j)", lambda c: a(c, c["i"]) * (delta(c["i"], c["j"]) - a(c, c["j"])))],
              ctxs=allp),
        Chain("matrix", [(r"\frac{\partial \mathbf{a}}{\partial \mathbf{x}}", lambda c: da(c, c["i"], c["j"])),
                         (r"\operatorname{diag}(\mathbf{a}) - \mathbf{a}\mathbf{a}^{\top}",
                          lambda c: delta(c["i"], c["j"]) * a(c, c["i"]) - a(c, c["i"]) * a(c, c["j"]))], ctxs=allp),
        Chain("two", [(r"a_1", lambda c: a(c, 1)),
                      (r"\frac{e^{x_1}}{e^{x_1} + e^{x_2}}", lambda c: sp.exp(x(c)[0]) / (sp.exp(x(c)[0]) + sp.exp(x(c)[1]))),
                      (r"\frac{1}{1 + e^{-(x_1 - x_2)}}", lambda c: 1 / (1 + sp.exp(-(x(c)[0] - x(c)[1]))))],
              ctxs=[{"K": 2}]),
        Chain("two_d", [(r"\frac{\partial a_1}{\partial x_1}", lambda c: da(c, 1, 1)),
                        (r"a_1 (1 - a_1)", lambda c: a(c, 1) * (1 - a(c, 1))),
                        (r"a_1 a_2", lambda c: a(c, 1) * a(c, 2))], ctxs=[{"K": 2}]),
    ])
    return with_plant(doc, r"\delta_{ij} - \frac{e^{x_j}}{\sum_k e^{x_k}}", r"\delta_{ij} - \frac{e^{x_i}}{\sum_k e^{x_k}}",
                      "dlog", 1,
                      (r"\delta_{ij} - \frac{e^{x_i}}{\sum_k e^{x_k}}",
                       lambda c: delta(c["i"], c["j"]) - sp.exp(x(c)[c["i"] - 1]) / Sn(c)),
                      "wrong index: e^{x_i} for e^{x_j} in the log-sum-exp derivative")


# ---------------------------------------------------------------------------
# family 2: cross-entropy through softmax
def softmax_xent_solution():
    z = lambda c: vec("z", c["K"])
    y = lambda c: targets(c["K"])
    Ks = [{"K": K} for K in range(1, 5)]
    Lz = lambda c, zl: -sp.Add(*[yk * sp.log(pk) for yk, pk in zip(y(c), softmax(zl))])
    lse = lambda zl: sp.log(sp.Add(*[sp.exp(t) for t in zl]))
    p = lambda c, j: softmax(z(c))[j - 1]
    yj = lambda c, j: y(c)[j - 1]
    KJ = singles("j")
    # last layer: z_k = W_k1 h_1 + W_k2 h_2 + b_k (d = 2)
    h = vec("h", 2)
    W = lambda c: mat("W", c["K"], 2)
    bb = lambda c: vec("b", c["K"])
    zW = lambda c: [W(c)[k][0] * h[0] + W(c)[k][1] * h[1] + bb(c)[k] for k in range(c["K"])]
    pW = lambda c, j: softmax(zW(c))[j - 1]
    KJI = [dict(c, i=i) for c in KJ for i in (1, 2)]

    def dLdz_at(c, k):
        zs = z(c)
        return sp.diff(Lz(c, zs), zs[k - 1]).subs(dict(zip(zs, zW(c))), simultaneous=True)

    doc = Doc("softmax_xent_solution.tex", [
        Chain("loss", [("L", lambda c: Lz(c, z(c))),
                       (r"-\sum_{k=1}^{K} y_k \log p_k", lambda c: Lz(c, z(c))),
                       (r"-\sum_{k=1}^{K} y_k z_k + \Bigl( \sum_{k=1}^{K} y_k \Bigr) \log \sum_{m=1}^{K} e^{z_m}",
                        lambda c: -sp.Add(*[a * b for a, b in zip(y(c), z(c))]) + sp.Add(*y(c)) * lse(z(c))),
                       (r"-\sum_{k=1}^{K} y_k z_k + \log \sum_{m=1}^{K} e^{z_m}",
                        lambda c: -sp.Add(*[a * b for a, b in zip(y(c), z(c))]) + lse(z(c)))],
              ["def", "id", "id"], ctxs=Ks),
        Chain("grad", [(r"\frac{\partial L}{\partial z_j}", lambda c: sp.diff(Lz(c, z(c)), z(c)[c["j"] - 1])),
                       (r"-\sum_{k=1}^{K} y_k \delta_{kj} + \frac{e^{z_j}}{\sum_{m=1}^{K} e^{z_m}}",
                        lambda c: -S(lambda k: yj(c, k) * delta(k, c["j"]), 1, c["K"])
                        + sp.exp(z(c)[c["j"] - 1]) / sp.Add(*[sp.exp(t) for t in z(c)])),
                       (r"-y_j + p_j", lambda c: -yj(c, c["j"]) + p(c, c["j"])),
                       (r"p_j - y_j", lambda c: p(c, c["j"]) - yj(c, c["j"]))], ctxs=KJ),
        Chain("zdef", [("z_k", lambda c: W(c)[0][0] * h[0] + W(c)[0][1] * h[1] + bb(c)[0]),
                       (r"\sum_{i=1}^{d} W_{ki} h_i + b_k", lambda c: W(c)[0][0] * h[0] + W(c)[0][1] * h[1] + bb(c)[0])],
              "def", ctxs=[{"K": 1}]),
        Chain("W", [(r"\frac{\partial L}{\partial W_{ji}}", lambda c: sp.diff(Lz(c, zW(c)), W(c)[c["j"] - 1][c["i"] - 1])),
                    (r"\sum_{k=1}^{K} \frac{\partial L}{\partial z_k} \frac{\partial z_k}{\partial W_{ji}}",
                     lambda c: S(lambda k: dLdz_at(c, k) * sp.diff(zW(c)[k - 1], W(c)[c["j"] - 1][c["i"] - 1]), 1, c["K"])),
                    (r"\sum_{k=1}^{K} (p_k - y_k) \delta_{kj} h_i",
                     lambda c: S(lambda k: (pW(c, k) - yj(c, k)) * delta(k, c["j"]) * h[c["i"] - 1], 1, c["K"])),
                    (r"(p_j - y_j) h_i", lambda c: (pW(c, c["j"]) - yj(c, c["j"])) * h[c["i"] - 1])], ctxs=KJI),
        Chain("b", [(r"\frac{\partial L}{\partial b_j}", lambda c: sp.diff(Lz(c, zW(c)), bb(c)[c["j"] - 1])),
                    (r"p_j - y_j", lambda c: pW(c, c["j"]) - yj(c, c["j"]))], ctxs=KJ),
        Chain("sum", [(r"\sum_{j=1}^{K} \frac{\partial L}{\partial z_j}",
                       lambda c: S(lambda j: sp.diff(Lz(c, z(c)), z(c)[j - 1]), 1, c["K"])),
                      (r"\sum_{j=1}^{K} p_j - \sum_{j=1}^{K} y_j", lambda c: S(lambda j: p(c, j), 1, c["K"]) - sp.Add(*y(c))),
                      (r"1 - 1", lambda c: sp.Integer(1) - 1),
                      ("0", lambda c: 0)], ctxs=Ks),
    ])
    wrong = r"-\sum_{k=1}^{K} y_k \delta_{kj}"
    return with_plant(doc, r"-\sum_{k=1}^{K} y_k \delta_{kj} + \frac{e^{z_j}}{\sum_{m=1}^{K} e^{z_m}} &&", wrong + " &&",
                      "grad", 1, (wrong, lambda c: -S(lambda k: yj(c, k) * delta(k, c["j"]), 1, c["K"])),
                      "dropped term: the derivative of the log-sum-exp term, e^{z_j}/sum_m e^{z_m}, is missing")


def softmax_xent_blog():
    z = lambda c: vec("z", c["K"])
    y = lambda c: targets(c["K"])
    p = lambda c: softmax(z(c))
    L = lambda c: -sp.Add(*[a * sp.log(b) for a, b in zip(y(c), p(c))])
    q = lambda c: vec("q", c["K"], positive=True, lo=0.1, hi=0.9)      # the p_k as free variables
    Lq = lambda c: -sp.Add(*[a * sp.log(b) for a, b in zip(y(c), q(c))])
    KJ = singles("j")
    KK = singles("k")
    KJpairs = [dict(c, k=c.pop("i")) for c in pairs()]
    J = lambda c: c["j"]
    dLdp_at = lambda c, k: sp.diff(Lq(c), q(c)[k - 1]).subs(dict(zip(q(c), p(c))), simultaneous=True)
    dp = lambda c, k, j: sp.diff(p(c)[k - 1], z(c)[j - 1])
    sy = lambda c: sp.Add(*y(c))
    # numeric example: K = 2, z = (0, ln 3), y = (1, 0)
    zz = [sp.Integer(0), sp.log(3)]
    u1, u2 = sp.symbols("u1 u2", real=True)
    Lnum = -sp.log(softmax([u1, u2])[0])
    doc = Doc("softmax_xent_blog.md", [
        Chain("L", [("L", L), (r"-\sum_k y_k \ln p_k", L)], "def", ctxs=[{"K": K} for K in range(1, 5)]),
        Chain("dLdp", [(r"\frac{\partial L}{\partial p_k}", lambda c: sp.diff(Lq(c), q(c)[c["k"] - 1])),
                       (r"-\frac{y_k}{p_k}", lambda c: -y(c)[c["k"] - 1] / q(c)[c["k"] - 1])], ctxs=KK),
        Chain("dpdz", [(r"\frac{\partial p_k}{\partial z_j}", lambda c: dp(c, c["k"], c["j"])),
                       (r"p_k (\delta_{kj} - p_j)", lambda c: p(c)[c["k"] - 1] * (delta(c["k"], c["j"]) - p(c)[c["j"] - 1]))],
              ctxs=KJpairs),
        Chain("chain", [(r"\frac{\partial L}{\partial z_j}", lambda c: sp.diff(L(c), z(c)[J(c) - 1])),
                        (r"\sum_k \frac{\partial L}{\partial p_k} \frac{\partial p_k}{\partial z_j}",
                         lambda c: S(lambda k: dLdp_at(c, k) * dp(c, k, J(c)), 1, c["K"])),
                        (r"\sum_k \left( -\frac{y_k}{p_k} \right) p_k (\delta_{kj} - p_j)",
                         lambda c: S(lambda k: (-y(c)[k - 1] / p(c)[k - 1]) * p(c)[k - 1] * (delta(k, J(c)) - p(c)[J(c) - 1]), 1, c["K"])),
                        (r"-\sum_k y_k (\delta_{kj} - p_j)",
                         lambda c: -S(lambda k: y(c)[k - 1] * (delta(k, J(c)) - p(c)[J(c) - 1]), 1, c["K"])),
                        (r"-y_j + p_j \sum_k y_k", lambda c: -y(c)[J(c) - 1] + p(c)[J(c) - 1] * sy(c)),
                        (r"p_j - y_j", lambda c: p(c)[J(c) - 1] - y(c)[J(c) - 1])], ctxs=KJ),
        Chain("p1", [("p_1", lambda c: softmax(zz)[0]),
                     (r"\frac{e^{0}}{e^{0} + e^{\ln 3}}", lambda c: sp.exp(0) / (sp.exp(0) + sp.exp(sp.log(3)))),
                     (r"\frac{1}{1 + 3}", lambda c: sp.Rational(1, 1 + 3)),
                     (r"\frac{1}{4}", lambda c: sp.Rational(1, 4))]),
        Chain("g1", [(r"\frac{\partial L}{\partial z_1}", lambda c: sp.diff(Lnum, u1).subs({u1: zz[0], u2: zz[1]})),
                     (r"p_1 - y_1", lambda c: softmax(zz)[0] - 1),
                     (r"\frac{1}{4} - 1", lambda c: sp.Rational(1, 4) - 1),
                     (r"-\frac{3}{4}", lambda c: -sp.Rational(3, 4))]),
    ])
    wrong = r"-\sum_k y_k (\delta_{kj} - p_k)"
    return with_plant(doc, r"-\sum_k y_k (\delta_{kj} - p_j)", wrong, "chain", 3,
                      (wrong, lambda c: -S(lambda k: y(c)[k - 1] * (delta(k, J(c)) - p(c)[k - 1]), 1, c["K"])),
                      "wrong index: p_k for p_j inside the sum over k")


# ---------------------------------------------------------------------------
# family 3: logistic regression / binary cross-entropy in w and b
def logreg_lecture():
    zi, yi = R("z_i"), R("y_i", 0, 1)
    w = vec("w", 2)
    b = R("b")
    xrow = lambda i: [R("x_%d_1" % i), R("x_%d_2" % i)]
    zof = lambda i: w[0] * xrow(i)[0] + w[1] * xrow(i)[1] + b
    yv = lambda n: vec("y", n, lo=0, hi=1)
    ell = lambda t, yy: -yy * sp.log(sig(t)) - (1 - yy) * sp.log(1 - sig(t))
    dell = lambda t, yy: sp.diff(ell(zi, yi), zi).subs({zi: t, yi: yy}, simultaneous=True)
    Jf = lambda n: sp.Add(*[ell(zof(i), yv(n)[i - 1]) for i in range(1, n + 1)]) / n
    Ns = sizes(key="N")
    NJ = [{"N": n, "j": j} for n in range(1, 5) for j in (1, 2)]
    res = lambda c, i: sig(zof(i)) - yv(c["N"])[i - 1]
    doc = Doc("logreg_lecture.tex", [
        Chain("z", [("z_i", lambda c: zof(1)), (r"\mathbf{w}^{\top} \mathbf{x}_i + b", lambda c: zof(1))], "def"),
        Chain("yhat", [(r"\hat{y}_i", lambda c: sig(zof(1))), (r"\sigma(z_i)", lambda c: sig(zof(1)))], "def"),
        Chain("loss", [(r"\ell_i", lambda c: ell(zi, yi)),
                       (r"-y_i \log \sigma(z_i) - (1 - y_i) \log\bigl(1 - \sigma(z_i)\bigr)", lambda c: ell(zi, yi)),
                       (r"y_i \log\bigl(1 + e^{-z_i}\bigr) + (1 - y_i)\bigl(z_i + \log(1 + e^{-z_i})\bigr)",
                        lambda c: yi * sp.log(1 + sp.exp(-zi)) + (1 - yi) * (zi + sp.log(1 + sp.exp(-zi)))),
                       (r"\log\bigl(1 + e^{-z_i}\bigr) + (1 - y_i) z_i", lambda c: sp.log(1 + sp.exp(-zi)) + (1 - yi) * zi)],
              ["def", "id", "id"]),
        Chain("dldz", [(r"\frac{d \ell_i}{d z_i}", lambda c: sp.diff(ell(zi, yi), zi)),
                       (r"-\frac{e^{-z_i}}{1 + e^{-z_i}} + 1 - y_i", lambda c: -sp.exp(-zi) / (1 + sp.exp(-zi)) + 1 - yi),
                       (r"-\bigl(1 - \sigma(z_i)\bigr) + 1 - y_i", lambda c: -(1 - sig(zi)) + 1 - yi),
                       (r"\sigma(z_i) - y_i", lambda c: sig(zi) - yi)]),
        Chain("J", [(r"J(\mathbf{w}, b)", lambda c: Jf(c["N"])),
                    (r"\frac{1}{N} \sum_{i=1}^{N} \ell_i", lambda c: Jf(c["N"]))], "def", ctxs=Ns),
        Chain("gw", [(r"\frac{\partial J}{\partial w_j}", lambda c: sp.diff(Jf(c["N"]), w[c["j"] - 1])),
                     (r"\frac{1}{N} \sum_{i=1}^{N} \frac{d \ell_i}{d z_i} \frac{\partial z_i}{\partial w_j}",
                      lambda c: S(lambda i: dell(zof(i), yv(c["N"])[i - 1]) * sp.diff(zof(i), w[c["j"] - 1]), 1, c["N"]) / c["N"]),
                     (r"\frac{1}{N} \sum_{i=1}^{N} \bigl(\sigma(z_i) - y_i\bigr) x_{ij}",
                      lambda c: S(lambda i: res(c, i) * xrow(i)[c["j"] - 1], 1, c["N"]) / c["N"])], ctxs=NJ),
        Chain("gb", [(r"\frac{\partial J}{\partial b}", lambda c: sp.diff(Jf(c["N"]), b)),
                     (r"\frac{1}{N} \sum_{i=1}^{N} \bigl(\sigma(z_i) - y_i\bigr)", lambda c: S(lambda i: res(c, i), 1, c["N"]) / c["N"])],
              ctxs=Ns),
        Chain("vec", [(r"\nabla_{\mathbf{w}} J", lambda c: sp.diff(Jf(c["N"]), w[c["j"] - 1])),
                      (r"\frac{1}{N} X^{\top} \bigl( \sigma(X\mathbf{w} + b\mathbf{1}) - \mathbf{y} \bigr)",
                       lambda c: S(lambda i: xrow(i)[c["j"] - 1] * res(c, i), 1, c["N"]) / c["N"])], ctxs=NJ),
    ])
    return with_plant(doc, r"= -\bigl(1 - \sigma(z_i)\bigr) + 1 - y_i", r"= \bigl(1 - \sigma(z_i)\bigr) + 1 - y_i", "dldz", 2,
                      (r"\bigl(1 - \sigma(z_i)\bigr) + 1 - y_i", lambda c: (1 - sig(zi)) + 1 - yi),
                      "sign: -(1 - sigma(z_i)) written as +(1 - sigma(z_i))")


def bce_chain_rule_blog():
    w, b, x = R("w"), R("b"), R("x")
    y = R("y", 0, 1)
    q = R("q", 0.1, 0.9)             # \hat{y} as a free variable
    zz = w * x + b
    yh = sig(zz)
    Lf = lambda t: -(y * sp.log(t) + (1 - y) * sp.log(1 - t))
    dLdq = lambda t: sp.diff(Lf(q), q).subs(q, t)
    ms = sizes(key="m")
    xs = lambda m: vec("x", m)
    ys = lambda m: vec("y", m, lo=0, hi=1)
    yhi = lambda m, i: sig(w * xs(m)[i - 1] + b)
    Jf = lambda m: sp.Add(*[-(ys(m)[i] * sp.log(yhi(m, i + 1)) + (1 - ys(m)[i]) * sp.log(1 - yhi(m, i + 1))) for i in range(m)]) / m
    num = {w: sp.Rational(1, 2), b: -1, x: 2, y: 1}
    doc = Doc("bce_chain_rule_blog.md", [
        Chain("L", [(r"L(\hat{y}, y)", lambda c: Lf(q)),
                    (r"-\big[ y \log \hat{y} + (1 - y) \log (1 - \hat{y}) \big]", lambda c: Lf(q))], "def"),
        Chain("dLdyh", [(r"\frac{\partial L}{\partial \hat{y}}", lambda c: sp.diff(Lf(q), q)),
                        (r"-\frac{y}{\hat{y}} + \frac{1 - y}{1 - \hat{y}}", lambda c: -y / q + (1 - y) / (1 - q)),
                        (r"\frac{\hat{y} - y}{\hat{y}(1 - \hat{y})}", lambda c: (q - y) / (q * (1 - q)))]),
        Chain("dw", [(r"\frac{\partial L}{\partial w}", lambda c: sp.diff(Lf(yh), w)),
                     (r"\frac{\partial L}{\partial \hat{y}} \cdot \frac{d\hat{y}}{dz} \cdot \frac{\partial z}{\partial w}",
                      lambda c: dLdq(yh) * dsig(zz) * sp.diff(zz, w)),
                     (r"\frac{\hat{y} - y}{\hat{y}(1 - \hat{y})} \cdot \hat{y}(1 - \hat{y}) \cdot x",
                      lambda c: (yh - y) / (yh * (1 - yh)) * yh * (1 - yh) * x),
                     (r"(\hat{y} - y)\, x", lambda c: (yh - y) * x)]),
        Chain("db", [(r"\frac{\partial L}{\partial b}", lambda c: sp.diff(Lf(yh), b)),
                     (r"\frac{\partial L}{\partial \hat{y}} \cdot \frac{d\hat{y}}{dz} \cdot 1", lambda c: dLdq(yh) * dsig(zz) * 1),
                     (r"\hat{y} - y", lambda c: yh - y)]),
        Chain("J", [("J", lambda c: Jf(c["m"])),
                    (r"\frac{1}{m} \sum_{i=1}^{m} L(\hat{y}^{(i)}, y^{(i)})", lambda c: Jf(c["m"]))], "def", ctxs=ms),
        Chain("Jw", [(r"\frac{\partial J}{\partial w}", lambda c: sp.diff(Jf(c["m"]), w)),
                     (r"\frac{1}{m} \sum_{i=1}^{m} (\hat{y}^{(i)} - y^{(i)})\, x^{(i)}",
                      lambda c: S(lambda i: (yhi(c["m"], i) - ys(c["m"])[i - 1]) * xs(c["m"])[i - 1], 1, c["m"]) / c["m"])], ctxs=ms),
        Chain("Jb", [(r"\frac{\partial J}{\partial b}", lambda c: sp.diff(Jf(c["m"]), b)),
                     (r"\frac{1}{m} \sum_{i=1}^{m} (\hat{y}^{(i)} - y^{(i)})",
                      lambda c: S(lambda i: yhi(c["m"], i) - ys(c["m"])[i - 1], 1, c["m"]) / c["m"])], ctxs=ms),
        Chain("num", [(r"\frac{\partial L}{\partial w}", lambda c: sp.diff(Lf(yh), w).subs(num)),
                      (r"\left(\tfrac{1}{2} - 1\right) \cdot 2", lambda c: (sp.Rational(1, 2) - 1) * 2),
                      ("-1", lambda c: -1)]),
    ])
    wrong = r"\frac{\hat{y} - y}{\hat{y}(1 - \hat{y})} \cdot \hat{y}(1 - \hat{y})"
    return with_plant(doc, r"\cdot \hat{y}(1 - \hat{y}) \cdot x = ", r"\cdot \hat{y}(1 - \hat{y}) = ", "dw", 2,
                      (wrong, lambda c: (yh - y) / (yh * (1 - yh)) * yh * (1 - yh)),
                      "dropped factor: the last chain-rule factor dz/dw = x is missing")


# ---------------------------------------------------------------------------
# family 4: least squares
def least_squares_notes():
    w, b = R("w"), R("b")
    xs = lambda c: vec("x", c["n"])
    ys = lambda c: vec("y", c["n"])
    xb = lambda c: mean(xs(c))
    yb = lambda c: mean(ys(c))
    n = lambda c: c["n"]
    Ef = lambda c: S(lambda i: (ys(c)[i - 1] - w * xs(c)[i - 1] - b) ** 2, 1, n(c))
    sx = lambda c, f: S(lambda i: f(xs(c)[i - 1], ys(c)[i - 1]), 1, n(c))
    what = lambda c: sx(c, lambda x, y: (x - xb(c)) * (y - yb(c))) / sx(c, lambda x, y: (x - xb(c)) ** 2)
    N14, N24 = sizes(), sizes(2, 4)
    dx, dy = [0, 1, 2], [1, 3, 5]
    ex_w = sp.Add(*[(a - 1) * (c_ - 3) for a, c_ in zip(dx, dy)]) / sp.Add(*[(a - 1) ** 2 for a in dx])
    doc = Doc("least_squares_notes.tex", [
        Chain("E", [("E(w, b)", Ef), (r"\sum_{i=1}^{n} (y_i - w x_i - b)^2", Ef)], "def", ctxs=N14),
        Chain("dEdb", [(r"\frac{\partial E}{\partial b}", lambda c: sp.diff(Ef(c), b)),
                       (r"-2 \sum_{i=1}^{n} (y_i - w x_i - b)", lambda c: -2 * sx(c, lambda x, y: y - w * x - b)),
                       (r"-2 \Bigl( \sum_{i=1}^{n} y_i - w \sum_{i=1}^{n} x_i - n b \Bigr)",
                        lambda c: -2 * (sp.Add(*ys(c)) - w * sp.Add(*xs(c)) - n(c) * b)),
                       (r"-2n (\bar{y} - w\bar{x} - b)", lambda c: -2 * n(c) * (yb(c) - w * xb(c) - b))], ctxs=N14),
        Chain("bhat", [(r"\hat{b}", lambda c: yb(c) - w * xb(c)), (r"\bar{y} - w \bar{x}", lambda c: yb(c) - w * xb(c))],
              "def", ctxs=N14),
        Chain("dEdw", [(r"\frac{\partial E}{\partial w}", lambda c: sp.diff(Ef(c), w)),
                       (r"-2 \sum_{i=1}^{n} x_i (y_i - w x_i - b)", lambda c: -2 * sx(c, lambda x, y: x * (y - w * x - b)))],
              ctxs=N14),
        Chain("subst", [(r"\sum_{i=1}^{n} x_i (y_i - w x_i - \bar{y} + w\bar{x})",
                         lambda c: sx(c, lambda x, y: x * (y - w * x - yb(c) + w * xb(c)))),
                        (r"\sum_{i=1}^{n} x_i (y_i - \bar{y}) - w \sum_{i=1}^{n} x_i (x_i - \bar{x})",
                         lambda c: sx(c, lambda x, y: x * (y - yb(c))) - w * sx(c, lambda x, y: x * (x - xb(c))))], ctxs=N14),
        Chain("cxy", [(r"\sum_{i=1}^{n} x_i (y_i - \bar{y})", lambda c: sx(c, lambda x, y: x * (y - yb(c)))),
                      (r"\sum_{i=1}^{n} (x_i - \bar{x})(y_i - \bar{y})", lambda c: sx(c, lambda x, y: (x - xb(c)) * (y - yb(c))))],
              ctxs=N14),
        Chain("cxx", [(r"\sum_{i=1}^{n} x_i (x_i - \bar{x})", lambda c: sx(c, lambda x, y: x * (x - xb(c)))),
                      (r"\sum_{i=1}^{n} (x_i - \bar{x})^2", lambda c: sx(c, lambda x, y: (x - xb(c)) ** 2)),
                      (r"\sum_{i=1}^{n} x_i^2 - n\bar{x}^2", lambda c: sx(c, lambda x, y: x ** 2) - n(c) * xb(c) ** 2)], ctxs=N14),
        Chain("what", [(r"\hat{w}", what),
                       (r"\frac{\sum_{i=1}^{n} (x_i - \bar{x})(y_i - \bar{y})}{\sum_{i=1}^{n} (x_i - \bar{x})^2}", what)],
              "def", ctxs=N24),
        Chain("ex_w", [(r"\hat{w}", lambda c: ex_w),
                       (r"\frac{(-1)(-2) + 0 \cdot 0 + 1 \cdot 2}{(-1)^2 + 0^2 + 1^2}",
                        lambda c: sp.Rational((-1) * (-2) + 0 * 0 + 1 * 2, (-1) ** 2 + 0 ** 2 + 1 ** 2)),
                       (r"\frac{4}{2}", lambda c: sp.Rational(4, 2)), ("2", lambda c: 2)]),
        Chain("ex_b", [(r"\hat{b}", lambda c: sp.Rational(sum(dy), 3) - ex_w * sp.Rational(sum(dx), 3)),
                       (r"3 - 2 \cdot 1", lambda c: 3 - 2 * 1), ("1", lambda c: 1)]),
    ])
    wrong = r"-2 \Bigl( \sum_{i=1}^{n} y_i - w \sum_{i=1}^{n} x_i - b \Bigr)"
    return with_plant(doc, r"x_i - n b \Bigr)", r"x_i - b \Bigr)", "dEdb", 2,
                      (wrong, lambda c: -2 * (sp.Add(*ys(c)) - w * sp.Add(*xs(c)) - b)),
                      "dropped factor: sum_i b = n b written as b")


def normal_equations_answer():
    d = 2
    Xm = lambda c: sp.Matrix(mat("X", c["n"], d))
    wv = sp.Matrix(vec("w", d))
    yv = lambda c: sp.Matrix(vec("y", c["n"]))
    r = lambda c: Xm(c) * wv - yv(c)
    Jf = lambda c: sp.Rational(1, 2) * (r(c).T * r(c))[0, 0]
    k = lambda c: c["k"] - 1
    XtX = lambda c: Xm(c).T * Xm(c)
    Xty = lambda c: Xm(c).T * yv(c)
    wstar = lambda c: XtX(c).inv() * Xty(c)
    grad_at_star = lambda c: sp.diff(Jf(c), wv[k(c)]).subs(dict(zip(list(wv), list(wstar(c)))), simultaneous=True)
    NK = [{"n": n, "k": kk} for n in range(1, 5) for kk in (1, 2)]
    NK2 = [c for c in NK if c["n"] >= 2]
    X_ = lambda c, i, j: Xm(c)[i - 1, j - 1]
    xcol = lambda c: sp.Matrix(vec("x", c["n"]))
    doc = Doc("normal_equations_answer.md", [
        Chain("J", [(r"J(\mathbf{w})", Jf),
                    (r"\frac{1}{2} \lVert X\mathbf{w} - \mathbf{y} \rVert_2^2", lambda c: sp.Rational(1, 2) * sum(t ** 2 for t in r(c))),
                    (r"\frac{1}{2} \sum_{i=1}^{n} \Big( \sum_{j=1}^{d} X_{ij} w_j - y_i \Big)^2",
                     lambda c: sp.Rational(1, 2) * S(lambda i: (S(lambda j: X_(c, i, j) * wv[j - 1], 1, d) - yv(c)[i - 1]) ** 2, 1, c["n"]))],
              ["def", "id"], ctxs=sizes()),
        Chain("grad", [(r"\frac{\partial J}{\partial w_k}", lambda c: sp.diff(Jf(c), wv[k(c)])),
                       (r"\sum_{i=1}^{n} \Big( \sum_{j=1}^{d} X_{ij} w_j - y_i \Big) X_{ik}",
                        lambda c: S(lambda i: (S(lambda j: X_(c, i, j) * wv[j - 1], 1, d) - yv(c)[i - 1]) * X_(c, i, c["k"]), 1, c["n"])),
                       (r"\sum_{j=1}^{d} \Big( \sum_{i=1}^{n} X_{ik} X_{ij} \Big) w_j - \sum_{i=1}^{n} X_{ik} y_i",
                        lambda c: S(lambda j: S(lambda i: X_(c, i, c["k"]) * X_(c, i, j), 1, c["n"]) * wv[j - 1], 1, d)
                        - S(lambda i: X_(c, i, c["k"]) * yv(c)[i - 1], 1, c["n"])),
                       (r"\big( X^{\top} X \mathbf{w} - X^{\top} \mathbf{y} \big)_k", lambda c: (XtX(c) * wv - Xty(c))[k(c)])], ctxs=NK),
        Chain("nabla", [(r"\nabla_{\mathbf{w}} J", lambda c: sp.diff(Jf(c), wv[k(c)])),
                        (r"X^{\top} (X\mathbf{w} - \mathbf{y})", lambda c: (Xm(c).T * r(c))[k(c)])], ctxs=NK),
        Chain("wstar", [(r"\mathbf{w}^{*}", lambda c: wstar(c)[k(c)]),
                        (r"(X^{\top} X)^{-1} X^{\top} \mathbf{y}", lambda c: wstar(c)[k(c)])], "def", ctxs=NK2),
        Chain("check", [(r"\nabla_{\mathbf{w}} J(\mathbf{w}^{*})", grad_at_star),
                        (r"X^{\top} X (X^{\top} X)^{-1} X^{\top} \mathbf{y} - X^{\top} \mathbf{y}",
                         lambda c: (XtX(c) * XtX(c).inv() * Xty(c) - Xty(c))[k(c)]),
                        (r"X^{\top}\mathbf{y} - X^{\top}\mathbf{y}", lambda c: (Xty(c) - Xty(c))[k(c)]),
                        (r"\mathbf{0}", lambda c: 0)], ctxs=NK2),
        Chain("1d", [(r"w^{*}", lambda c: ((xcol(c).T * xcol(c)).inv() * xcol(c).T * yv(c))[0]),
                     (r"\frac{\mathbf{x}^{\top}\mathbf{y}}{\mathbf{x}^{\top}\mathbf{x}}",
                      lambda c: (xcol(c).T * yv(c))[0] / (xcol(c).T * xcol(c))[0]),
                     (r"\frac{\sum_i x_i y_i}{\sum_i x_i^2}",
                      lambda c: S(lambda i: xcol(c)[i - 1] * yv(c)[i - 1], 1, c["n"]) / S(lambda i: xcol(c)[i - 1] ** 2, 1, c["n"]))],
              ctxs=sizes()),
    ])
    wrong = r"\sum_{j=1}^{d} \Big( \sum_{i=1}^{n} X_{ij} X_{ij} \Big) w_j - \sum_{i=1}^{n} X_{ik} y_i"
    return with_plant(doc, r"\sum_{i=1}^{n} X_{ik} X_{ij}", r"\sum_{i=1}^{n} X_{ij} X_{ij}", "grad", 2,
                      (wrong, lambda c: S(lambda j: S(lambda i: X_(c, i, j) ** 2, 1, c["n"]) * wv[j - 1], 1, d)
                       - S(lambda i: X_(c, i, c["k"]) * yv(c)[i - 1], 1, c["n"])),
                      "wrong index: X_{ij} X_{ij} for X_{ik} X_{ij} (the Gram matrix entry)")


# ---------------------------------------------------------------------------
# family 5: Gaussian log-likelihood in mu and sigma
def gaussian_mle_notes():
    mu, sg = R("mu"), P("sigma")
    xs = lambda c: vec("x", c["n"])
    n = lambda c: c["n"]
    xb = lambda c: mean(xs(c))
    ss = lambda c, m: S(lambda i: (xs(c)[i - 1] - m) ** 2, 1, n(c))
    pdf = lambda x, m, s: 1 / (sp.sqrt(2 * sp.pi) * s) * sp.exp(-(x - m) ** 2 / (2 * s ** 2))
    ll = lambda c: S(lambda i: sp.log(pdf(xs(c)[i - 1], mu, sg)), 1, n(c))
    s2hat = lambda c: ss(c, xb(c)) / n(c)
    shat = lambda c: sp.sqrt(s2hat(c))
    d2s = lambda c: sp.diff(ll(c), sg, 2)
    N14, N24 = sizes(), sizes(2, 4)
    doc = Doc("gaussian_mle_notes.tex", [
        Chain("ll", [(r"\ell(\mu, \sigma)", ll),
                     (r"\sum_{i=1}^{n} \log\left[ \frac{1}{\sqrt{2\pi}\,\sigma} \exp\left( -\frac{(x_i - \mu)^2}{2\sigma^2} \right) \right]", ll),
                     (r"\sum_{i=1}^{n} \left[ -\tfrac{1}{2}\log(2\pi) - \log\sigma - \frac{(x_i - \mu)^2}{2\sigma^2} \right]",
                      lambda c: S(lambda i: -sp.log(2 * sp.pi) / 2 - sp.log(sg) - (xs(c)[i - 1] - mu) ** 2 / (2 * sg ** 2), 1, n(c))),
                     (r"-\frac{n}{2}\log(2\pi) - n\log\sigma - \frac{1}{2\sigma^2}\sum_{i=1}^{n} (x_i - \mu)^2",
                      lambda c: -sp.Rational(n(c), 2) * sp.log(2 * sp.pi) - n(c) * sp.log(sg) - ss(c, mu) / (2 * sg ** 2))],
              ["def", "id", "id"], ctxs=N14),
        Chain("smu", [(r"\frac{\partial \ell}{\partial \mu}", lambda c: sp.diff(ll(c), mu)),
                      (r"-\frac{1}{2\sigma^2} \sum_{i=1}^{n} 2(x_i - \mu)(-1)",
                       lambda c: -1 / (2 * sg ** 2) * S(lambda i: 2 * (xs(c)[i - 1] - mu) * (-1), 1, n(c))),
                      (r"\frac{1}{\sigma^2} \sum_{i=1}^{n} (x_i - \mu)", lambda c: S(lambda i: xs(c)[i - 1] - mu, 1, n(c)) / sg ** 2),
                      (r"\frac{n}{\sigma^2} (\xbar - \mu)", lambda c: n(c) / sg ** 2 * (xb(c) - mu))], ctxs=N14),
        Chain("ssig", [(r"\frac{\partial \ell}{\partial \sigma}", lambda c: sp.diff(ll(c), sg)),
                       (r"-\frac{n}{\sigma} + \frac{1}{\sigma^3} \sum_{i=1}^{n} (x_i - \mu)^2", lambda c: -n(c) / sg + ss(c, mu) / sg ** 3),
                       (r"\frac{n}{\sigma^3} \left( \frac{1}{n} \sum_{i=1}^{n} (x_i - \mu)^2 - \sigma^2 \right)",
                        lambda c: n(c) / sg ** 3 * (ss(c, mu) / n(c) - sg ** 2))], ctxs=N14),
        Chain("muhat", [(r"\hat{\mu}", xb), (r"\xbar", xb)], "def", ctxs=N14),
        Chain("s2hat", [(r"\hat{\sigma}^2", s2hat), (r"\frac{1}{n} \sum_{i=1}^{n} (x_i - \xbar)^2", s2hat)], "def", ctxs=N14),
        Chain("d2mu", [(r"\frac{\partial^2 \ell}{\partial \mu^2}", lambda c: sp.diff(ll(c), mu, 2)),
                       (r"-\frac{n}{\sigma^2}", lambda c: -n(c) / sg ** 2)], ctxs=N14),
        Chain("d2sig", [(r"\frac{\partial^2 \ell}{\partial \sigma^2}", d2s),
                        (r"\frac{n}{\sigma^2} - \frac{3}{\sigma^4} \sum_{i=1}^{n} (x_i - \mu)^2",
                         lambda c: n(c) / sg ** 2 - 3 / sg ** 4 * ss(c, mu))], ctxs=N14),
        Chain("atmle", [(r"\left. \frac{\partial^2 \ell}{\partial \sigma^2} \right|_{\hat{\mu}, \hat{\sigma}}",
                         lambda c: d2s(c).subs({mu: xb(c), sg: shat(c)}, simultaneous=True)),
                        (r"\frac{n}{\hat{\sigma}^2} - \frac{3 n \hat{\sigma}^2}{\hat{\sigma}^4}",
                         lambda c: n(c) / s2hat(c) - 3 * n(c) * s2hat(c) / s2hat(c) ** 2),
                        (r"-\frac{2n}{\hat{\sigma}^2}", lambda c: -2 * n(c) / s2hat(c))], ctxs=N24),
    ])
    wrong = r"\frac{2}{\sigma^2} \sum_{i=1}^{n} (x_i - \mu)"
    return with_plant(doc, r"&= \frac{1}{\sigma^2} \sum_{i=1}^{n} (x_i - \mu) \nonumber",
                      r"&= \frac{2}{\sigma^2} \sum_{i=1}^{n} (x_i - \mu) \nonumber", "smu", 2,
                      (wrong, lambda c: 2 * S(lambda i: xs(c)[i - 1] - mu, 1, n(c)) / sg ** 2),
                      "wrong constant: 2/sigma^2 for 1/sigma^2 (the 2 of the square is kept after cancelling it)")


def gaussian_nll_blog():
    x, mu, sg, s = R("x"), R("mu"), P("sigma"), R("s", -1, 1)
    pdf = lambda x_, m, sd: 1 / sp.sqrt(2 * sp.pi * sd ** 2) * sp.exp(-(x_ - m) ** 2 / (2 * sd ** 2))
    ell = lambda x_, sd: -sp.log(pdf(x_, mu, sd))
    es = sp.exp(s)
    xs = lambda c: vec("x", c["n"])
    doc = Doc("gaussian_nll_blog.md", [
        Chain("p", [(r"p(x \mid \mu, \sigma)", lambda c: pdf(x, mu, sg)),
                    (r"\frac{1}{\sqrt{2\pi\sigma^2}} \exp\left( -\frac{(x - \mu)^2}{2\sigma^2} \right)", lambda c: pdf(x, mu, sg))], "def"),
        Chain("nll", [(r"-\ln p(x \mid \mu, \sigma)", lambda c: ell(x, sg)),
                      (r"\frac{1}{2} \ln(2\pi\sigma^2) + \frac{(x - \mu)^2}{2\sigma^2}",
                       lambda c: sp.log(2 * sp.pi * sg ** 2) / 2 + (x - mu) ** 2 / (2 * sg ** 2)),
                      (r"\frac{1}{2}\ln(2\pi) + \ln\sigma + \frac{(x - \mu)^2}{2\sigma^2}",
                       lambda c: sp.log(2 * sp.pi) / 2 + sp.log(sg) + (x - mu) ** 2 / (2 * sg ** 2))]),
        Chain("dmu", [(r"\frac{\partial \ell}{\partial \mu}", lambda c: sp.diff(ell(x, sg), mu)),
                      (r"\frac{2(x - \mu)(-1)}{2\sigma^2}", lambda c: 2 * (x - mu) * (-1) / (2 * sg ** 2)),
                      (r"\frac{\mu - x}{\sigma^2}", lambda c: (mu - x) / sg ** 2)]),
        Chain("dsig", [(r"\frac{\partial \ell}{\partial \sigma}", lambda c: sp.diff(ell(x, sg), sg)),
                       (r"\frac{1}{\sigma} - \frac{(x - \mu)^2}{\sigma^3}", lambda c: 1 / sg - (x - mu) ** 2 / sg ** 3),
                       (r"\frac{\sigma^2 - (x - \mu)^2}{\sigma^3}", lambda c: (sg ** 2 - (x - mu) ** 2) / sg ** 3)]),
        Chain("ds", [(r"\frac{\partial \ell}{\partial s}", lambda c: sp.diff(ell(x, es), s)),
                     (r"\frac{\partial \ell}{\partial \sigma} \frac{d\sigma}{ds}",
                      lambda c: sp.diff(ell(x, sg), sg).subs(sg, es) * sp.diff(es, s)),
                     (r"\frac{\sigma^2 - (x - \mu)^2}{\sigma^3} \cdot \sigma", lambda c: (es ** 2 - (x - mu) ** 2) / es ** 3 * es),
                     (r"1 - \frac{(x - \mu)^2}{\sigma^2}", lambda c: 1 - (x - mu) ** 2 / es ** 2),
                     (r"1 - (x - \mu)^2 e^{-2s}", lambda c: 1 - (x - mu) ** 2 * sp.exp(-2 * s))]),
        Chain("batch", [(r"\sum_{i=1}^{n} \frac{\partial \ell_i}{\partial \mu}",
                         lambda c: S(lambda i: sp.diff(ell(xs(c)[i - 1], sg), mu), 1, c["n"])),
                        (r"\frac{1}{\sigma^2} \sum_{i=1}^{n} (\mu - x_i)", lambda c: S(lambda i: mu - xs(c)[i - 1], 1, c["n"]) / sg ** 2),
                        (r"\frac{n(\mu - \bar{x})}{\sigma^2}", lambda c: c["n"] * (mu - mean(xs(c))) / sg ** 2)], ctxs=sizes()),
    ])
    wrong = r"\frac{\sigma^2 - (x - \mu)^2}{\sigma^3} \cdot \sigma^2"
    return with_plant(doc, r"\cdot \sigma = 1 -", r"\cdot \sigma^2 = 1 -", "ds", 2,
                      (wrong, lambda c: (es ** 2 - (x - mu) ** 2) / es ** 3 * es ** 2),
                      "wrong exponent: d sigma/ds = sigma written as sigma^2")


# ---------------------------------------------------------------------------
# family 6: another MLE (exponential rate, Bernoulli proportion)
def exponential_mle_notes():
    lam = P("lambda")
    xs = lambda c: vec("xpos", c["n"], positive=True)
    n = lambda c: c["n"]
    sx = lambda c: sp.Add(*xs(c))
    xb = lambda c: mean(xs(c))
    Lf = lambda c: sp.Mul(*[lam * sp.exp(-lam * t) for t in xs(c)])
    ell = lambda c: sp.log(Lf(c))
    d1 = lambda c: sp.diff(ell(c), lam)
    d2 = lambda c: sp.diff(ell(c), lam, 2)
    lhat = lambda c: n(c) / sx(c)
    doc = Doc("exponential_mle_notes.tex", [
        Chain("L", [(r"L(\lambda)", Lf), (r"\prod_{i=1}^{n} \lambda e^{-\lambda x_i}", Lf),
                    (r"\lambda^n \exp\Bigl( -\lambda \sum_{i=1}^{n} x_i \Bigr)", lambda c: lam ** n(c) * sp.exp(-lam * sx(c)))],
              ["def", "id"], ctxs=sizes()),
        Chain("ell", [(r"\ell(\lambda)", ell), (r"\ln L(\lambda)", ell),
                      (r"n \ln \lambda - \lambda \sum_{i=1}^{n} x_i", lambda c: n(c) * sp.log(lam) - lam * sx(c))],
              ["def", "id"], ctxs=sizes()),
        Chain("d", [(r"\frac{d\ell}{d\lambda}", d1), (r"\frac{n}{\lambda} - \sum_{i=1}^{n} x_i", lambda c: n(c) / lam - sx(c))],
              ctxs=sizes()),
        Chain("lhat", [(r"\hat{\lambda}", lhat), (r"\frac{n}{\sum_{i=1}^{n} x_i}", lhat), (r"\frac{1}{\bar{x}}", lambda c: 1 / xb(c))],
              ["def", "id"], ctxs=sizes()),
        Chain("check", [(r"\left. \frac{d\ell}{d\lambda} \right|_{\lambda = \hat{\lambda}}", lambda c: d1(c).subs(lam, lhat(c))),
                        (r"\frac{n}{1/\bar{x}} - n\bar{x}", lambda c: n(c) / (1 / xb(c)) - n(c) * xb(c)),
                        ("0", lambda c: 0)], ctxs=sizes()),
        Chain("d2", [(r"\frac{d^2\ell}{d\lambda^2}", d2), (r"-\frac{n}{\lambda^2}", lambda c: -n(c) / lam ** 2)], ctxs=sizes()),
        Chain("theta", [(r"\hat{\theta}", lambda c: 1 / lhat(c)), (r"\frac{1}{\hat{\lambda}}", lambda c: 1 / lhat(c)),
                        (r"\bar{x}", xb)], ["def", "id"], ctxs=sizes()),
        Chain("fisher", [(r"I(\lambda)", lambda c: -d2(c)),
                         (r"-\mathbb{E}\left[ \frac{d^2\ell}{d\lambda^2} \right]", lambda c: -d2(c)),
                         (r"\frac{n}{\lambda^2}", lambda c: n(c) / lam ** 2)], ["def", "id"], ctxs=sizes()),
    ])
    wrong = r"\frac{1}{1/\bar{x}} - n\bar{x}"
    return with_plant(doc, r"\frac{n}{1/\bar{x}} - n\bar{x}", wrong, "check", 1,
                      (wrong, lambda c: 1 / (1 / xb(c)) - n(c) * xb(c)),
                      "dropped factor: n/lambda-hat written as 1/lambda-hat")


def bernoulli_mle_qa():
    p = R("p", 0.1, 0.9)
    xs = lambda c: vec("xb", c["n"], lo=0.05, hi=0.95)
    n = lambda c: c["n"]
    s = lambda c: sp.Add(*xs(c))
    Lf = lambda c: sp.Mul(*[p ** t * (1 - p) ** (1 - t) for t in xs(c)])
    logL = lambda c: sp.log(Lf(c))
    ph = lambda c: s(c) / n(c)
    doc = Doc("bernoulli_mle_qa.md", [
        Chain("L", [(r"L(p)", Lf), (r"\prod_{i=1}^{n} p^{x_i} (1 - p)^{1 - x_i}", Lf),
                    (r"p^{s} (1 - p)^{n - s}", lambda c: p ** s(c) * (1 - p) ** (n(c) - s(c)))], ["def", "id"], ctxs=sizes()),
        Chain("logL", [(r"\log L(p)", logL), (r"s \log p + (n - s) \log(1 - p)", lambda c: s(c) * sp.log(p) + (n(c) - s(c)) * sp.log(1 - p))],
              ctxs=sizes()),
        Chain("d", [(r"\frac{d}{dp} \log L(p)", lambda c: sp.diff(logL(c), p)),
                    (r"\frac{s}{p} - \frac{n - s}{1 - p}", lambda c: s(c) / p - (n(c) - s(c)) / (1 - p)),
                    (r"\frac{s(1 - p) - (n - s)p}{p(1 - p)}", lambda c: (s(c) * (1 - p) - (n(c) - s(c)) * p) / (p * (1 - p))),
                    (r"\frac{s - np}{p(1 - p)}", lambda c: (s(c) - n(c) * p) / (p * (1 - p)))], ctxs=sizes()),
        Chain("phat", [(r"\hat{p}", ph), (r"\frac{s}{n}", ph), (r"\frac{1}{n} \sum_{i=1}^{n} x_i", lambda c: s(c) / n(c))],
              ["def", "id"], ctxs=sizes()),
        Chain("d2", [(r"\frac{d^2}{dp^2} \log L(p)", lambda c: sp.diff(logL(c), p, 2)),
                     (r"-\frac{s}{p^2} - \frac{n - s}{(1 - p)^2}", lambda c: -s(c) / p ** 2 - (n(c) - s(c)) / (1 - p) ** 2)],
              ctxs=sizes()),
        Chain("at", [(r"-\frac{s}{\hat{p}^2} - \frac{n - s}{(1 - \hat{p})^2}", lambda c: -s(c) / ph(c) ** 2 - (n(c) - s(c)) / (1 - ph(c)) ** 2),
                     (r"-\frac{n}{\hat{p}} - \frac{n}{1 - \hat{p}}", lambda c: -n(c) / ph(c) - n(c) / (1 - ph(c))),
                     (r"-\frac{n}{\hat{p}(1 - \hat{p})}", lambda c: -n(c) / (ph(c) * (1 - ph(c))))], ctxs=sizes()),
        Chain("ex", [(r"\hat{p}", lambda c: sp.Rational(7, 10)), (r"\frac{7}{10}", lambda c: sp.Rational(7, 10)),
                     ("0.7", lambda c: sp.Rational("0.7"))]),
    ])
    wrong = r"\frac{s(1 - p) + (n - s)p}{p(1 - p)}"
    return with_plant(doc, r"\frac{s(1 - p) - (n - s)p}{p(1 - p)}", wrong, "d", 2,
                      (wrong, lambda c: (s(c) * (1 - p) + (n(c) - s(c)) * p) / (p * (1 - p))),
                      "sign: the minus between the two numerator terms becomes a plus")


# ---------------------------------------------------------------------------
# family 7: variance and covariance identities
def variance_identities_notes():
    a, b = R("a"), R("b")
    mu = E(X)
    doc = Doc("variance_identities_notes.tex", [
        Chain("var", [(r"\Var(X)", lambda c: Var(X)), (r"\E\big[(X - \mu)^2\big]", lambda c: E((X - mu) ** 2)),
                      (r"\E\big[X^2 - 2\mu X + \mu^2\big]", lambda c: E(X ** 2 - 2 * mu * X + mu ** 2)),
                      (r"\E[X^2] - 2\mu\,\E[X] + \mu^2", lambda c: E(X ** 2) - 2 * mu * E(X) + mu ** 2),
                      (r"\E[X^2] - \mu^2", lambda c: E(X ** 2) - mu ** 2)], ["def", "id", "id", "id"]),
        Chain("affine", [(r"\Var(aX + b)", lambda c: Var(a * X + b)),
                         (r"\E\big[(aX + b - a\mu - b)^2\big]", lambda c: E((a * X + b - a * mu - b) ** 2)),
                         (r"a^2\,\E\big[(X - \mu)^2\big]", lambda c: a ** 2 * E((X - mu) ** 2)),
                         (r"a^2 \Var(X)", lambda c: a ** 2 * Var(X))]),
        Chain("cov", [(r"\Cov(X, Y)", lambda c: Cov(X, Y)), (r"\E\big[(X - \E X)(Y - \E Y)\big]", lambda c: E((X - E(X)) * (Y - E(Y)))),
                      (r"\E[XY] - \E[X]\,\E[Y]", lambda c: E(X * Y) - E(X) * E(Y))], ["def", "id"]),
        Chain("sum", [(r"\Var(X + Y)", lambda c: Var(X + Y)),
                      (r"\E\big[(X + Y)^2\big] - (\E[X] + \E[Y])^2", lambda c: E((X + Y) ** 2) - (E(X) + E(Y)) ** 2),
                      (r"\E[X^2] - \E[X]^2 + \E[Y^2] - \E[Y]^2 + 2\big(\E[XY] - \E[X]\E[Y]\big)",
                       lambda c: E(X ** 2) - E(X) ** 2 + E(Y ** 2) - E(Y) ** 2 + 2 * (E(X * Y) - E(X) * E(Y))),
                      (r"\Var(X) + \Var(Y) + 2\Cov(X, Y)", lambda c: Var(X) + Var(Y) + 2 * Cov(X, Y))]),
        Chain("covab", [(r"\Cov(aX, bY)", lambda c: Cov(a * X, b * Y)), (r"ab \Cov(X, Y)", lambda c: a * b * Cov(X, Y))]),
        Chain("diff", [(r"\Var(X - Y)", lambda c: Var(X - Y)),
                       (r"\Var(X) + \Var(Y) - 2\Cov(X, Y)", lambda c: Var(X) + Var(Y) - 2 * Cov(X, Y))]),
    ])
    wrong = r"\E[X^2] - \E[X]^2 + \E[Y^2] + 2\big(\E[XY] - \E[X]\E[Y]\big)"
    return with_plant(doc, r"\E[Y^2] - \E[Y]^2 + 2\big(", r"\E[Y^2] + 2\big(", "sum", 2,
                      (wrong, lambda c: E(X ** 2) - E(X) ** 2 + E(Y ** 2) + 2 * (E(X * Y) - E(X) * E(Y))),
                      "dropped term: -E[Y]^2 is missing from the expanded square")


def covariance_answer():
    a, b, cc = R("a"), R("b"), R("c")
    mX, mY = E(X), E(Y)
    sX, sY = sp.sqrt(Var(X)), sp.sqrt(Var(Y))
    rho = Cov(X, Y) / (sX * sY)
    die_var = sp.Rational(sum(k * k for k in range(1, 7)), 6) - sp.Rational(sum(range(1, 7)), 6) ** 2
    doc = Doc("covariance_answer.md", [
        Chain("cov", [(r"\operatorname{Cov}(X, Y)", lambda c: Cov(X, Y)),
                      (r"\mathbb{E}\left[(X - \mu_X)(Y - \mu_Y)\right]", lambda c: E((X - mX) * (Y - mY))),
                      (r"\mathbb{E}[XY] - \mu_X \mathbb{E}[Y] - \mu_Y \mathbb{E}[X] + \mu_X \mu_Y",
                       lambda c: E(X * Y) - mX * E(Y) - mY * E(X) + mX * mY),
                      (r"\mathbb{E}[XY] - \mu_X \mu_Y", lambda c: E(X * Y) - mX * mY)], ["def", "id", "id"]),
        Chain("var", [(r"\mathrm{Var}(aX + bY)", lambda c: Var(a * X + b * Y)),
                      (r"\operatorname{Cov}(aX + bY,\, aX + bY)", lambda c: Cov(a * X + b * Y, a * X + b * Y)),
                      (r"a^2 \operatorname{Cov}(X, X) + 2ab \operatorname{Cov}(X, Y) + b^2 \operatorname{Cov}(Y, Y)",
                       lambda c: a ** 2 * Cov(X, X) + 2 * a * b * Cov(X, Y) + b ** 2 * Cov(Y, Y)),
                      (r"a^2 \mathrm{Var}(X) + 2ab \operatorname{Cov}(X, Y) + b^2 \mathrm{Var}(Y)",
                       lambda c: a ** 2 * Var(X) + 2 * a * b * Cov(X, Y) + b ** 2 * Var(Y))]),
        Chain("shift", [(r"\operatorname{Cov}(X + c, Y)", lambda c: Cov(X + cc, Y)),
                        (r"\mathbb{E}[(X + c)Y] - \mathbb{E}[X + c]\,\mathbb{E}[Y]", lambda c: E((X + cc) * Y) - E(X + cc) * E(Y)),
                        (r"\mathbb{E}[XY] + c\,\mathbb{E}[Y] - \mathbb{E}[X]\mathbb{E}[Y] - c\,\mathbb{E}[Y]",
                         lambda c: E(X * Y) + cc * E(Y) - E(X) * E(Y) - cc * E(Y)),
                        (r"\operatorname{Cov}(X, Y)", lambda c: Cov(X, Y))]),
        Chain("rho", [(r"\mathrm{Var}\left( \frac{X}{\sigma_X} - \frac{Y}{\sigma_Y} \right)", lambda c: Var(X / sX - Y / sY)),
                      (r"\frac{\mathrm{Var}(X)}{\sigma_X^2} + \frac{\mathrm{Var}(Y)}{\sigma_Y^2} - \frac{2\operatorname{Cov}(X, Y)}{\sigma_X \sigma_Y}",
                       lambda c: Var(X) / sX ** 2 + Var(Y) / sY ** 2 - 2 * Cov(X, Y) / (sX * sY)),
                      (r"2 - 2\rho", lambda c: 2 - 2 * rho)]),
        Chain("die", [(r"\mathrm{Var}(X)", lambda c: die_var),
                      (r"\frac{91}{6} - \left(\frac{7}{2}\right)^2", lambda c: sp.Rational(91, 6) - sp.Rational(7, 2) ** 2),
                      (r"\frac{182 - 147}{12}", lambda c: sp.Rational(182 - 147, 12)),
                      (r"\frac{35}{12}", lambda c: sp.Rational(35, 12))]),
    ])
    return with_plant(doc, r"\frac{182 - 147}{12}", r"\frac{182 - 147}{6}", "die", 2,
                      (r"\frac{182 - 147}{6}", lambda c: sp.Rational(182 - 147, 6)),
                      "wrong constant: common denominator 6 instead of 12")


DOCS = [softmax_jacobian_handout, softmax_jacobian_answer, softmax_xent_solution, softmax_xent_blog,
        logreg_lecture, bce_chain_rule_blog, least_squares_notes, normal_equations_answer,
        gaussian_mle_notes, gaussian_nll_blog, exponential_mle_notes, bernoulli_mle_qa,
        variance_identities_notes, covariance_answer]
