"""Hand encodings, part A: softmax, cross-entropy, log-sum-exp, logistic regression,
least squares, ridge. Each item is (LaTeX anchor as written in the document, function of
the context returning the SymPy value of that expression)."""
import sympy as sp

from framework import (with_plant, Chain, Doc, P, R, delta, grid, sig, ssum)

KS = (1, 2, 3, 4)
NS = [{"n": n} for n in (1, 2, 3, 4)]


def Z(k):
    return R("z%d" % k)


def Ssum(K):
    return ssum(lambda k: sp.exp(Z(k)), 1, K)


def smax(i, K):
    return sp.exp(Z(i)) / Ssum(K)


def labels_y(K):
    """Target distribution y_1..y_K with the stated hypothesis sum_k y_k = 1."""
    ys = {k: R("y%d" % k, 0.0, 1.0) for k in range(1, K)}
    ys[K] = 1 - sp.Add(*[ys[k] for k in range(1, K)])
    return ys


# ---------------------------------------------------------------------------
def softmax_jacobian_lecture():
    s = lambda c, i: smax(i, c["K"])
    S = lambda c: Ssum(c["K"])
    e = lambda k: sp.exp(Z(k))
    d = lambda a, b: delta(a, b)
    ch = [
        Chain("def", [
            ("s_i", lambda c: s(c, c["i"])),
            (r"\frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}}", lambda c: s(c, c["i"])),
        ], kinds="def", ctxs=grid(KS, ["i"])),
        Chain("normaliser", [
            (r"\frac{\partial}{\partial z_j} \sum_{k=1}^{K} e^{z_k}", lambda c: sp.diff(S(c), Z(c["j"]))),
            (r"\sum_{k=1}^{K} \delta_{kj} e^{z_k}", lambda c: ssum(lambda k: d(k, c["j"]) * e(k), 1, c["K"])),
            (r"e^{z_j}", lambda c: e(c["j"])),
        ], ctxs=grid(KS, ["j"])),
        Chain("quotient", [
            (r"\frac{\partial s_i}{\partial z_j}", lambda c: sp.diff(s(c, c["i"]), Z(c["j"]))),
            (r"\frac{\delta_{ij} e^{z_i} \sum_k e^{z_k} - e^{z_i} e^{z_j}}{\left( \sum_k e^{z_k} \right)^2}",
             lambda c: (d(c["i"], c["j"]) * e(c["i"]) * S(c) - e(c["i"]) * e(c["j"])) / S(c) ** 2),
            (r"\frac{e^{z_i}}{\sum_k e^{z_k}} \cdot \frac{\delta_{ij} \sum_k e^{z_k} - e^{z_j}}{\sum_k e^{z_k}}",
             lambda c: e(c["i"]) / S(c) * (d(c["i"], c["j"]) * S(c) - e(c["j"])) / S(c)),
            (r"s_i \left( \delta_{ij} - \frac{e^{z_j}}{\sum_k e^{z_k}} \right)",
             lambda c: s(c, c["i"]) * (d(c["i"], c["j"]) - e(c["j"]) / S(c))),
            (r"s_i (\delta_{ij} - s_j)", lambda c: s(c, c["i"]) * (d(c["i"], c["j"]) - s(c, c["j"]))),
            (r"s_i \delta_{ij} - s_i s_j", lambda c: s(c, c["i"]) * d(c["i"], c["j"]) - s(c, c["i"]) * s(c, c["j"])),
        ], ctxs=grid(KS, ["i", "j"])),
        Chain("diagonal", [
            (r"\frac{\partial s_i}{\partial z_i}", lambda c: sp.diff(s(c, c["i"]), Z(c["i"]))),
            (r"s_i (1 - s_i)", lambda c: s(c, c["i"]) * (1 - s(c, c["i"]))),
            (r"s_i - s_i^2", lambda c: s(c, c["i"]) - s(c, c["i"]) ** 2),
        ], ctxs=grid(KS, ["i"])),
        Chain("off-diagonal (j != i)", [
            (r"\frac{\partial s_i}{\partial z_j}", lambda c: sp.diff(s(c, c["i"]), Z(c["j"]))),
            (r"-\frac{e^{z_i} e^{z_j}}{\left( \sum_k e^{z_k} \right)^2}", lambda c: -e(c["i"]) * e(c["j"]) / S(c) ** 2),
            (r"-s_i s_j", lambda c: -s(c, c["i"]) * s(c, c["j"])),
        ], ctxs=grid(KS, ["i", "j"], cond=lambda c: c["i"] != c["j"])),
        Chain("matrix form (entry i,j)", [
            (r"\frac{\partial \mathbf{s}}{\partial \mathbf{z}}", lambda c: sp.diff(s(c, c["i"]), Z(c["j"]))),
            (r"\operatorname{diag}(\mathbf{s}) - \mathbf{s} \mathbf{s}^{\top}",
             lambda c: d(c["i"], c["j"]) * s(c, c["i"]) - s(c, c["i"]) * s(c, c["j"])),
        ], ctxs=grid(KS, ["i", "j"])),
        Chain("row sum", [
            (r"\sum_{j=1}^{K} \frac{\partial s_i}{\partial z_j}",
             lambda c: ssum(lambda j: sp.diff(s(c, c["i"]), Z(j)), 1, c["K"])),
            (r"s_i \sum_{j=1}^{K} (\delta_{ij} - s_j)",
             lambda c: s(c, c["i"]) * ssum(lambda j: d(c["i"], j) - s(c, j), 1, c["K"])),
            (r"s_i (1 - 1)", lambda c: s(c, c["i"]) * (1 - 1)),
            ("0", lambda c: 0),
        ], ctxs=grid(KS, ["i"])),
    ]
    return with_plant(
        Doc("softmax_jacobian_lecture.tex", ch),
        old='&= s_i (\\delta_{ij} - s_j) \\label{eq:jacobian}',
        new='&= s_i (\\delta_{ii} - s_j) \\label{eq:jacobian}',
        chain='quotient', index=4,
        wrong=(r"s_i (\delta_{ii} - s_j)", lambda c: s(c, c["i"]) * (d(c["i"], c["i"]) - s(c, c["j"]))),
        what='wrong index: Kronecker delta written delta_ii instead of delta_ij (wrong whenever i != j)')


def softmax_jacobian_qa():
    p = lambda c, i: smax(i, c["K"])
    S = lambda c: Ssum(c["K"])
    ind = lambda a, b: delta(a, b)
    G = lambda i: R("g%d" % i)
    ch = [
        Chain("log p", [
            (r"\log p_i", lambda c: sp.log(p(c, c["i"]))),
            (r"z_i - \log \sum_k \exp(z_k)", lambda c: Z(c["i"]) - sp.log(S(c))),
        ], ctxs=grid(KS, ["i"])),
        Chain("d log p", [
            (r"\frac{\partial \log p_i}{\partial z_j}", lambda c: sp.diff(sp.log(p(c, c["i"])), Z(c["j"]))),
            (r"\mathbb{1}[i=j] - \frac{\exp(z_j)}{\sum_k \exp(z_k)}", lambda c: ind(c["i"], c["j"]) - sp.exp(Z(c["j"])) / S(c)),
            (r"\mathbb{1}[i=j] - p_j", lambda c: ind(c["i"], c["j"]) - p(c, c["j"])),
        ], ctxs=grid(KS, ["i", "j"])),
        Chain("undo log", [
            (r"\frac{\partial p_i}{\partial z_j}", lambda c: sp.diff(p(c, c["i"]), Z(c["j"]))),
            (r"p_i \, \frac{\partial \log p_i}{\partial z_j}", lambda c: p(c, c["i"]) * sp.diff(sp.log(p(c, c["i"])), Z(c["j"]))),
            (r"p_i \left( \mathbb{1}[i=j] - p_j \right)", lambda c: p(c, c["i"]) * (ind(c["i"], c["j"]) - p(c, c["j"]))),
        ], ctxs=grid(KS, ["i", "j"])),
        Chain("diagonal", [
            (r"\frac{\partial p_i}{\partial z_i}", lambda c: sp.diff(p(c, c["i"]), Z(c["i"]))),
            (r"p_i (1 - p_i)", lambda c: p(c, c["i"]) * (1 - p(c, c["i"]))),
        ], ctxs=grid(KS, ["i"])),
        Chain("off-diagonal (i != j)", [
            (r"\frac{\partial p_i}{\partial z_j}", lambda c: sp.diff(p(c, c["i"]), Z(c["j"]))),
            (r"-p_i p_j", lambda c: -p(c, c["i"]) * p(c, c["j"])),
        ], ctxs=grid(KS, ["i", "j"], cond=lambda c: c["i"] != c["j"])),
        Chain("matrix form (entry i,j)", [
            ("J", lambda c: sp.diff(p(c, c["i"]), Z(c["j"]))),
            (r"\operatorname{diag}(\mathbf{p}) - \mathbf{p}\mathbf{p}^{\top}",
             lambda c: ind(c["i"], c["j"]) * p(c, c["i"]) - p(c, c["i"]) * p(c, c["j"])),
        ], ctxs=grid(KS, ["i", "j"])),
        Chain("column sum", [
            (r"\sum_i \frac{\partial p_i}{\partial z_j}", lambda c: ssum(lambda i: sp.diff(p(c, i), Z(c["j"])), 1, c["K"])),
            (r"\sum_i p_i \, \mathbb{1}[i=j] - p_j \sum_i p_i",
             lambda c: ssum(lambda i: p(c, i) * ind(i, c["j"]), 1, c["K"]) - p(c, c["j"]) * ssum(lambda i: p(c, i), 1, c["K"])),
            (r"p_j - p_j", lambda c: p(c, c["j"]) - p(c, c["j"])),
            ("0", lambda c: 0),
        ], ctxs=grid(KS, ["j"])),
        Chain("vjp", [
            (r"\left( J^{\top} \mathbf{g} \right)_j", lambda c: ssum(lambda i: sp.diff(p(c, i), Z(c["j"])) * G(i), 1, c["K"])),
            (r"\sum_i g_i \, p_i \left( \mathbb{1}[i=j] - p_j \right)",
             lambda c: ssum(lambda i: G(i) * p(c, i) * (ind(i, c["j"]) - p(c, c["j"])), 1, c["K"])),
            (r"p_j \left( g_j - \sum_i g_i p_i \right)",
             lambda c: p(c, c["j"]) * (G(c["j"]) - ssum(lambda i: G(i) * p(c, i), 1, c["K"]))),
        ], ctxs=grid(KS, ["j"])),
    ]
    return with_plant(
        Doc("softmax_jacobian_qa.md", ch),
        old='\\mathbb{1}[i=j] - \\frac{\\exp(z_j)}',
        new='\\mathbb{1}[i=j] + \\frac{\\exp(z_j)}',
        chain='d log p', index=1,
        wrong=(r"\mathbb{1}[i=j] + \frac{\exp(z_j)}{\sum_k \exp(z_k)}", lambda c: ind(c["i"], c["j"]) + sp.exp(Z(c["j"])) / S(c)),
        what='sign: + instead of - in front of the softmax term of d log p_i / dz_j')


# ---------------------------------------------------------------------------
def softmax_xent_pset():
    yh = lambda c, k: smax(k, c["K"])
    S = lambda c: Ssum(c["K"])
    y = lambda c, k: labels_y(c["K"])[k]
    L = lambda c: -ssum(lambda k: y(c, k) * sp.log(yh(c, k)), 1, c["K"])
    d = delta
    D = 2  # input dimension used for the check
    W = lambda k, i: R("W%d_%d" % (k, i))
    x = lambda i: R("xin%d" % i)
    bb = lambda k: R("bias%d" % k)
    zexpr = lambda k: ssum(lambda i: W(k, i) * x(i), 1, D) + bb(k)
    zsubs = lambda c: {Z(k): zexpr(k) for k in range(1, c["K"] + 1)}
    LW = lambda c: L(c).subs(zsubs(c))
    ch = [
        Chain("hypothesis sum y = 1", [
            (r"\sum_{k=1}^{K} y_k", lambda c: ssum(lambda k: y(c, k), 1, c["K"])),
            ("1", lambda c: 1),
        ], kinds="hyp", ctxs=grid(KS, [])),
        Chain("def L", [
            ("L", L),
            (r"-\sum_{k=1}^{K} y_k \log \hat{y}_k", L),
        ], kinds="def", ctxs=grid(KS, [])),
        Chain("def yhat", [
            (r"\hat{y}_k", lambda c: yh(c, c["k"])),
            (r"\frac{e^{z_k}}{\sum_{m=1}^{K} e^{z_m}}", lambda c: yh(c, c["k"])),
        ], kinds="def", ctxs=grid(KS, ["k"])),
        Chain("softmax jacobian", [
            (r"\frac{\partial \hat{y}_k}{\partial z_j}", lambda c: sp.diff(yh(c, c["k"]), Z(c["j"]))),
            (r"\hat{y}_k \left( \delta_{kj} - \hat{y}_j \right)", lambda c: yh(c, c["k"]) * (d(c["k"], c["j"]) - yh(c, c["j"]))),
        ], ctxs=grid(KS, ["k", "j"])),
        Chain("dL/dz_j", [
            (r"\frac{\partial L}{\partial z_j}", lambda c: sp.diff(L(c), Z(c["j"]))),
            (r"-\sum_{k=1}^{K} \frac{y_k}{\hat{y}_k} \, \frac{\partial \hat{y}_k}{\partial z_j}",
             lambda c: -ssum(lambda k: y(c, k) / yh(c, k) * sp.diff(yh(c, k), Z(c["j"])), 1, c["K"])),
            (r"-\sum_{k=1}^{K} \frac{y_k}{\hat{y}_k} \, \hat{y}_k \left( \delta_{kj} - \hat{y}_j \right)",
             lambda c: -ssum(lambda k: y(c, k) / yh(c, k) * yh(c, k) * (d(k, c["j"]) - yh(c, c["j"])), 1, c["K"])),
            (r"-\sum_{k=1}^{K} y_k \delta_{kj} + \hat{y}_j \sum_{k=1}^{K} y_k",
             lambda c: -ssum(lambda k: y(c, k) * d(k, c["j"]), 1, c["K"]) + yh(c, c["j"]) * ssum(lambda k: y(c, k), 1, c["K"])),
            (r"-y_j + \hat{y}_j \sum_{k=1}^{K} y_k",
             lambda c: -y(c, c["j"]) + yh(c, c["j"]) * ssum(lambda k: y(c, k), 1, c["K"])),
            (r"\hat{y}_j - y_j", lambda c: yh(c, c["j"]) - y(c, c["j"])),
        ], ctxs=grid(KS, ["j"])),
        Chain("def z_k", [
            (r"z_k", lambda c: zexpr(c["k"])),
            (r"\sum_{i=1}^{d} W_{ki} x_i + b_k", lambda c: zexpr(c["k"])),
        ], kinds="def", ctxs=grid(KS, ["k"])),
        Chain("dL/dW_ji", [
            (r"\frac{\partial L}{\partial W_{ji}}", lambda c: sp.diff(LW(c), W(c["j"], c["i"]))),
            (r"\sum_{k=1}^{K} \frac{\partial L}{\partial z_k} \, \frac{\partial z_k}{\partial W_{ji}}",
             lambda c: ssum(lambda k: sp.diff(L(c), Z(k)).subs(zsubs(c)) * sp.diff(zexpr(k), W(c["j"], c["i"])), 1, c["K"])),
            (r"\sum_{k=1}^{K} \left( \hat{y}_k - y_k \right) \delta_{kj} x_i",
             lambda c: ssum(lambda k: (yh(c, k) - y(c, k)).subs(zsubs(c)) * d(k, c["j"]) * x(c["i"]), 1, c["K"])),
            (r"\left( \hat{y}_j - y_j \right) x_i", lambda c: (yh(c, c["j"]) - y(c, c["j"])).subs(zsubs(c)) * x(c["i"])),
        ], ctxs=[dict(c, i=i) for c in grid(KS, ["j"]) for i in range(1, D + 1)]),
    ]
    return with_plant(
        Doc("softmax_xent_pset.tex", ch),
        old='&= -y_j + \\hat{y}_j \\sum_{k=1}^{K} y_k \\\\',
        new='&= \\hat{y}_j \\sum_{k=1}^{K} y_k \\\\',
        chain='dL/dz_j', index=4,
        wrong=(r"\hat{y}_j \sum_{k=1}^{K} y_k", lambda c: yh(c, c["j"]) * ssum(lambda k: y(c, k), 1, c["K"])),
        what='dropped term: the -y_j coming from sum_k y_k delta_kj is missing')


def softmax_xent_blog():
    p = lambda c, k: smax(k, c["K"])
    S = lambda c: Ssum(c["K"])
    y = lambda c, k: labels_y(c["K"])[k]
    L = lambda c: -ssum(lambda k: y(c, k) * sp.log(p(c, k)), 1, c["K"])
    ys = lambda c: ssum(lambda k: y(c, k), 1, c["K"])
    ch = [
        Chain("loss rewrite", [
            ("L", L),
            (r"-\sum_k y_k \log p_k", L),
            (r"-\sum_k y_k \left( z_k - \log \sum_m e^{z_m} \right)",
             lambda c: -ssum(lambda k: y(c, k) * (Z(k) - sp.log(S(c))), 1, c["K"])),
            (r"-\sum_k y_k z_k + \left( \sum_k y_k \right) \log \sum_m e^{z_m}",
             lambda c: -ssum(lambda k: y(c, k) * Z(k), 1, c["K"]) + ys(c) * sp.log(S(c))),
            (r"-\sum_k y_k z_k + \log \sum_m e^{z_m}",
             lambda c: -ssum(lambda k: y(c, k) * Z(k), 1, c["K"]) + sp.log(S(c))),
        ], kinds=["def", "id", "id", "id"], ctxs=grid(KS, [])),
        Chain("dL/dz_j", [
            (r"\frac{\partial L}{\partial z_j}", lambda c: sp.diff(L(c), Z(c["j"]))),
            (r"-y_j + \frac{e^{z_j}}{\sum_m e^{z_m}}", lambda c: -y(c, c["j"]) + sp.exp(Z(c["j"])) / S(c)),
            (r"p_j - y_j", lambda c: p(c, c["j"]) - y(c, c["j"])),
        ], ctxs=grid(KS, ["j"])),
        Chain("gradient vector (entry j)", [
            (r"\nabla_{\mathbf{z}} L", lambda c: sp.diff(L(c), Z(c["j"]))),
            (r"\mathbf{p} - \mathbf{y}", lambda c: p(c, c["j"]) - y(c, c["j"])),
        ], ctxs=grid(KS, ["j"])),
        Chain("entries sum to zero", [
            (r"\sum_j \frac{\partial L}{\partial z_j}", lambda c: ssum(lambda j: sp.diff(L(c), Z(j)), 1, c["K"])),
            (r"\sum_j p_j - \sum_j y_j", lambda c: ssum(lambda j: p(c, j), 1, c["K"]) - ys(c)),
            (r"1 - 1", lambda c: 1 - 1),
            ("0", lambda c: 0),
        ], ctxs=grid(KS, [])),
    ]
    return Doc("softmax_xent_blog.md", ch)


# ---------------------------------------------------------------------------
def Xs(i):
    return R("x%d" % i)


def logsumexp_notes():
    S = lambda c: ssum(lambda i: sp.exp(Xs(i)), 1, c["n"])
    LSE = lambda c: sp.log(S(c))
    sm = lambda c, j: sp.exp(Xs(j)) / S(c)
    cc, m = R("c"), R("m")
    d = delta
    g = lambda names: [dict(c, n=c["K"]) for c in grid((1, 2, 3, 4), names)]
    ch = [
        Chain("def LSE", [
            (r"\operatorname{LSE}(\mathbf{x})", LSE),
            (r"\log \sum_{i=1}^{n} e^{x_i}", LSE),
        ], kinds="def", ctxs=NS),
        Chain("gradient", [
            (r"\frac{\partial}{\partial x_j} \operatorname{LSE}(\mathbf{x})", lambda c: sp.diff(LSE(c), Xs(c["j"]))),
            (r"\frac{1}{\sum_{i=1}^{n} e^{x_i}} \cdot \frac{\partial}{\partial x_j} \sum_{i=1}^{n} e^{x_i}",
             lambda c: 1 / S(c) * sp.diff(S(c), Xs(c["j"]))),
            (r"\frac{1}{\sum_{i=1}^{n} e^{x_i}} \sum_{i=1}^{n} \delta_{ij} e^{x_i}",
             lambda c: 1 / S(c) * ssum(lambda i: d(i, c["j"]) * sp.exp(Xs(i)), 1, c["n"])),
            (r"\frac{e^{x_j}}{\sum_{i=1}^{n} e^{x_i}}", lambda c: sm(c, c["j"])),
            (r"\operatorname{softmax}(\mathbf{x})_j", lambda c: sm(c, c["j"])),
        ], ctxs=g(["j"])),
        Chain("nabla (entry j)", [
            (r"\nabla_{\mathbf{x}} \operatorname{LSE}(\mathbf{x})", lambda c: sp.diff(LSE(c), Xs(c["j"]))),
            (r"\operatorname{softmax}(\mathbf{x})", lambda c: sm(c, c["j"])),
        ], ctxs=g(["j"])),
        Chain("gradient sums to one", [
            (r"\sum_{j=1}^{n} \frac{\partial \operatorname{LSE}}{\partial x_j}",
             lambda c: ssum(lambda j: sp.diff(LSE(c), Xs(j)), 1, c["n"])),
            (r"\frac{\sum_{j=1}^{n} e^{x_j}}{\sum_{i=1}^{n} e^{x_i}}", lambda c: S(c) / S(c)),
            ("1", lambda c: 1),
        ], ctxs=NS),
        Chain("shift", [
            (r"\operatorname{LSE}(\mathbf{x} - c\mathbf{1})", lambda c: sp.log(ssum(lambda i: sp.exp(Xs(i) - cc), 1, c["n"]))),
            (r"\log \sum_{i=1}^{n} e^{x_i - c}", lambda c: sp.log(ssum(lambda i: sp.exp(Xs(i) - cc), 1, c["n"]))),
            (r"\log \left( e^{-c} \sum_{i=1}^{n} e^{x_i} \right)", lambda c: sp.log(sp.exp(-cc) * S(c))),
            (r"-c + \log \sum_{i=1}^{n} e^{x_i}", lambda c: -cc + sp.log(S(c))),
            (r"\operatorname{LSE}(\mathbf{x}) - c", lambda c: LSE(c) - cc),
        ], ctxs=NS),
        Chain("max trick", [
            (r"\operatorname{LSE}(\mathbf{x})", LSE),
            (r"m + \log \sum_{i=1}^{n} e^{x_i - m}", lambda c: m + sp.log(ssum(lambda i: sp.exp(Xs(i) - m), 1, c["n"]))),
        ], ctxs=NS),
        Chain("hessian", [
            (r"\frac{\partial^2 \operatorname{LSE}}{\partial x_k \, \partial x_j}", lambda c: sp.diff(LSE(c), Xs(c["j"]), Xs(c["k"]))),
            (r"\frac{\partial}{\partial x_k} \frac{e^{x_j}}{\sum_{i} e^{x_i}}", lambda c: sp.diff(sm(c, c["j"]), Xs(c["k"]))),
            (r"\frac{\delta_{jk} e^{x_j}}{\sum_{i} e^{x_i}} - \frac{e^{x_j} e^{x_k}}{\left( \sum_{i} e^{x_i} \right)^2}",
             lambda c: d(c["j"], c["k"]) * sp.exp(Xs(c["j"])) / S(c) - sp.exp(Xs(c["j"])) * sp.exp(Xs(c["k"])) / S(c) ** 2),
            (r"p_j \delta_{jk} - p_j p_k", lambda c: sm(c, c["j"]) * d(c["j"], c["k"]) - sm(c, c["j"]) * sm(c, c["k"])),
        ], ctxs=g(["j", "k"])),
    ]
    return with_plant(
        Doc("logsumexp_notes.tex", ch),
        old='&= -c + \\log \\sum_{i=1}^{n} e^{x_i} \\\\',
        new='&= c + \\log \\sum_{i=1}^{n} e^{x_i} \\\\',
        chain='shift', index=3,
        wrong=(r"c + \log \sum_{i=1}^{n} e^{x_i}", lambda c: cc + sp.log(S(c))),
        what='sign: log e^{-c} written as +c instead of -c')


def logsumexp_answer():
    T = lambda k: R("theta%d" % k)
    tau = P("tau", 0.4, 2.5)
    cc = R("c")
    Sk = lambda c, scale: ssum(lambda k: sp.exp(T(k) / scale), 1, c["K"])
    f = lambda c: tau * sp.log(Sk(c, tau))
    pk = lambda c, k: sp.exp(T(k) / tau) / Sk(c, tau)
    ch = [
        Chain("def f", [
            (r"f_\tau(\boldsymbol{\theta})", f),
            (r"\tau \log \sum\limits_{k=1}^{K} \exp\left( \frac{\theta_k}{\tau} \right)", f),
        ], kinds="def", ctxs=grid(KS, [])),
        Chain("gradient", [
            (r"\partial_{\theta_j} f_\tau(\boldsymbol{\theta})", lambda c: sp.diff(f(c), T(c["j"]))),
            (r"\tau \cdot \frac{\partial_{\theta_j} \sum_k \exp(\theta_k / \tau)}{\sum_k \exp(\theta_k / \tau)}",
             lambda c: tau * sp.diff(Sk(c, tau), T(c["j"])) / Sk(c, tau)),
            (r"\tau \cdot \frac{\tfrac{1}{\tau} \exp(\theta_j / \tau)}{\sum_k \exp(\theta_k / \tau)}",
             lambda c: tau * (1 / tau * sp.exp(T(c["j"]) / tau)) / Sk(c, tau)),
            (r"\frac{\exp(\theta_j / \tau)}{\sum_k \exp(\theta_k / \tau)}", lambda c: pk(c, c["j"])),
        ], ctxs=grid(KS, ["j"])),
        Chain("tau = 1", [
            (r"\partial_{\theta_j} \log \sum_k e^{\theta_k}", lambda c: sp.diff(sp.log(Sk(c, 1)), T(c["j"]))),
            (r"\frac{e^{\theta_j}}{\sum_k e^{\theta_k}}", lambda c: sp.exp(T(c["j"])) / Sk(c, 1)),
            (r"\operatorname{softmax}(\boldsymbol{\theta})_j", lambda c: sp.exp(T(c["j"])) / Sk(c, 1)),
        ], ctxs=grid(KS, ["j"])),
        Chain("shift", [
            (r"f_\tau(\boldsymbol{\theta} + c\mathbf{1})",
             lambda c: tau * sp.log(ssum(lambda k: sp.exp((T(k) + cc) / tau), 1, c["K"]))),
            (r"\tau \log \left( e^{c/\tau} \sum_k e^{\theta_k / \tau} \right)", lambda c: tau * sp.log(sp.exp(cc / tau) * Sk(c, tau))),
            (r"c + f_\tau(\boldsymbol{\theta})", lambda c: cc + f(c)),
        ], ctxs=grid(KS, [])),
        Chain("d/dtau", [
            (r"\partial_\tau f_\tau(\boldsymbol{\theta})", lambda c: sp.diff(f(c), tau)),
            (r"\log \sum_k e^{\theta_k / \tau} - \frac{1}{\tau} \sum_k p_k \theta_k",
             lambda c: sp.log(Sk(c, tau)) - 1 / tau * ssum(lambda k: pk(c, k) * T(k), 1, c["K"])),
            (r"-\sum_k p_k \log p_k", lambda c: -ssum(lambda k: pk(c, k) * sp.log(pk(c, k)), 1, c["K"])),
        ], ctxs=grid(KS, [])),
    ]
    return Doc("logsumexp_answer.md", ch)


# ---------------------------------------------------------------------------
def logreg_pset():
    D = 2
    w = lambda j: R("w%d" % j)
    b = R("b")
    t = R("t")
    Xe = lambda i, j: R("x%d_%d" % (i, j))          # x^{(i)}_j
    Ye = lambda i: R("y%d" % i, 0.0, 1.0)          # y^{(i)}
    zi = lambda i: ssum(lambda j: w(j) * Xe(i, j), 1, D) + b
    yh = lambda i: sig(zi(i))
    ell = lambda i: -(Ye(i) * sp.log(yh(i)) + (1 - Ye(i)) * sp.log(1 - yh(i)))
    J = lambda c: ssum(ell, 1, c["n"]) / c["n"]
    nj = [dict(n=n, j=j) for n in (1, 2, 3, 4) for j in range(1, D + 1)]
    one = [dict(j=j) for j in range(1, D + 1)]
    I = 1  # "example i" in part (b): a single generic example
    ch = [
        Chain("def J", [
            (r"J(\mathbf{w}, b)", J),
            (r"-\frac{1}{n} \sum_{i=1}^{n} \left[ y^{(i)} \log \hat{y}^{(i)} + \left( 1 - y^{(i)} \right) \log \left( 1 - \hat{y}^{(i)} \right) \right]", J),
        ], kinds="def", ctxs=NS),
        Chain("def yhat", [
            (r"\hat{y}^{(i)}", lambda c: yh(I)),
            (r"\sigma\!\left( \mathbf{w}^{\top}\mathbf{x}^{(i)} + b \right)", lambda c: yh(I)),
        ], kinds="def"),
        Chain("sigmoid derivative", [
            (r"\sigma'(t)", lambda c: sp.diff(sig(t), t)),
            (r"\frac{d}{dt} \left( 1 + e^{-t} \right)^{-1}", lambda c: sp.diff((1 + sp.exp(-t)) ** -1, t)),
            (r"\frac{e^{-t}}{\left( 1 + e^{-t} \right)^{2}}", lambda c: sp.exp(-t) / (1 + sp.exp(-t)) ** 2),
            (r"\frac{1}{1 + e^{-t}} \cdot \frac{e^{-t}}{1 + e^{-t}}", lambda c: 1 / (1 + sp.exp(-t)) * sp.exp(-t) / (1 + sp.exp(-t))),
            (r"\sigma(t) \left( 1 - \sigma(t) \right)", lambda c: sig(t) * (1 - sig(t))),
        ]),
        Chain("per-example gradient", [
            (r"\frac{\partial \ell^{(i)}}{\partial w_j}", lambda c: sp.diff(ell(I), w(c["j"]))),
            (r"-\left( \frac{y^{(i)}}{\hat{y}^{(i)}} - \frac{1 - y^{(i)}}{1 - \hat{y}^{(i)}} \right) \frac{\partial \hat{y}^{(i)}}{\partial w_j}",
             lambda c: -(Ye(I) / yh(I) - (1 - Ye(I)) / (1 - yh(I))) * sp.diff(yh(I), w(c["j"]))),
            (r"-\left( \frac{y^{(i)}}{\hat{y}^{(i)}} - \frac{1 - y^{(i)}}{1 - \hat{y}^{(i)}} \right) \hat{y}^{(i)} \left( 1 - \hat{y}^{(i)} \right) x^{(i)}_j",
             lambda c: -(Ye(I) / yh(I) - (1 - Ye(I)) / (1 - yh(I))) * yh(I) * (1 - yh(I)) * Xe(I, c["j"])),
            (r"-\left( y^{(i)} \left( 1 - \hat{y}^{(i)} \right) - \left( 1 - y^{(i)} \right) \hat{y}^{(i)} \right) x^{(i)}_j",
             lambda c: -(Ye(I) * (1 - yh(I)) - (1 - Ye(I)) * yh(I)) * Xe(I, c["j"])),
            (r"\left( \hat{y}^{(i)} - y^{(i)} \right) x^{(i)}_j", lambda c: (yh(I) - Ye(I)) * Xe(I, c["j"])),
        ], ctxs=one),
        Chain("dJ/dw_j", [
            (r"\partial_{w_j} J", lambda c: sp.diff(J(c), w(c["j"]))),
            (r"\frac{1}{n} \sum_{i=1}^{n} \frac{\partial \ell^{(i)}}{\partial w_j}",
             lambda c: ssum(lambda i: sp.diff(ell(i), w(c["j"])), 1, c["n"]) / c["n"]),
            (r"\frac{1}{n} \sum_{i=1}^{n} \left( \hat{y}^{(i)} - y^{(i)} \right) x^{(i)}_j",
             lambda c: ssum(lambda i: (yh(i) - Ye(i)) * Xe(i, c["j"]), 1, c["n"]) / c["n"]),
        ], ctxs=nj),
        Chain("dJ/db", [
            (r"\frac{\partial J}{\partial b}", lambda c: sp.diff(J(c), b)),
            (r"\frac{1}{n} \sum_{i=1}^{n} \left( \hat{y}^{(i)} - y^{(i)} \right) \frac{\partial z^{(i)}}{\partial b}",
             lambda c: ssum(lambda i: (yh(i) - Ye(i)) * sp.diff(zi(i), b), 1, c["n"]) / c["n"]),
            (r"\frac{1}{n} \sum_{i=1}^{n} \left( \hat{y}^{(i)} - y^{(i)} \right)",
             lambda c: ssum(lambda i: yh(i) - Ye(i), 1, c["n"]) / c["n"]),
        ], ctxs=NS),
        Chain("nabla_w J (entry j)", [
            (r"\nabla_{\mathbf{w}} J", lambda c: sp.diff(J(c), w(c["j"]))),
            (r"\frac{1}{n} \sum_{i=1}^{n} \left( \hat{y}^{(i)} - y^{(i)} \right) \mathbf{x}^{(i)}",
             lambda c: ssum(lambda i: (yh(i) - Ye(i)) * Xe(i, c["j"]), 1, c["n"]) / c["n"]),
        ], ctxs=nj),
    ]
    return with_plant(
        Doc("logreg_pset.tex", ch),
        old='\\hat{y}^{(i)} \\left( 1 - \\hat{y}^{(i)} \\right) x^{(i)}_j \\nonumber',
        new='\\hat{y}^{(i)} \\left( 1 - \\hat{y}^{(i)} \\right) x^{(i)}_1 \\nonumber',
        chain='per-example gradient', index=2,
        wrong=(r"-\left( \frac{y^{(i)}}{\hat{y}^{(i)}} - \frac{1 - y^{(i)}}{1 - \hat{y}^{(i)}} \right) \hat{y}^{(i)} \left( 1 - \hat{y}^{(i)} \right) x^{(i)}_1", lambda c: -(Ye(I) / yh(I) - (1 - Ye(I)) / (1 - yh(I))) * yh(I) * (1 - yh(I)) * Xe(I, 1)),
        what='wrong index: feature x^{(i)}_1 instead of x^{(i)}_j (wrong whenever j != 1)')


def logreg_blog():
    zz = R("z")
    y = R("y", 0.0, 1.0)
    x1, x2, w1, w2, b = R("x1"), R("x2"), R("w1"), R("w2"), R("b")
    zexpr = w1 * x1 + w2 * x2 + b
    ell_z = -y * sp.log(sig(zz)) - (1 - y) * sp.log(1 - sig(zz))
    ell_w = ell_z.subs(zz, zexpr)
    Xd = lambda i, j: R("x%d_%d" % (i, j))
    Yd = lambda i: R("y%d" % i, 0.0, 1.0)
    wv = {1: w1, 2: w2}
    zi = lambda i: w1 * Xd(i, 1) + w2 * Xd(i, 2) + b
    ell_i = lambda i: (-Yd(i) * sp.log(sig(zz)) - (1 - Yd(i)) * sp.log(1 - sig(zz))).subs(zz, zi(i))
    Ltot = lambda c: ssum(ell_i, 1, c["n"])
    ch = [
        Chain("def loss", [
            (r"\ell", lambda c: ell_z),
            (r"-y \log \hat{y} - (1 - y) \log(1 - \hat{y})", lambda c: ell_z),
        ], kinds="def"),
        Chain("log yhat", [
            (r"\log \hat{y}", lambda c: sp.log(sig(zz))),
            (r"-\log\left(1 + e^{-z}\right)", lambda c: -sp.log(1 + sp.exp(-zz))),
        ]),
        Chain("log(1 - yhat)", [
            (r"\log(1 - \hat{y})", lambda c: sp.log(1 - sig(zz))),
            (r"-z - \log\left(1 + e^{-z}\right)", lambda c: -zz - sp.log(1 + sp.exp(-zz))),
        ]),
        Chain("loss in z", [
            (r"\ell", lambda c: ell_z),
            (r"y \log\left(1 + e^{-z}\right) + (1 - y)\left(z + \log\left(1 + e^{-z}\right)\right)",
             lambda c: y * sp.log(1 + sp.exp(-zz)) + (1 - y) * (zz + sp.log(1 + sp.exp(-zz)))),
            (r"(1 - y)\, z + \log\left(1 + e^{-z}\right)", lambda c: (1 - y) * zz + sp.log(1 + sp.exp(-zz))),
        ]),
        Chain("dl/dz", [
            (r"\frac{\partial \ell}{\partial z}", lambda c: sp.diff(ell_z, zz)),
            (r"(1 - y) - \frac{e^{-z}}{1 + e^{-z}}", lambda c: (1 - y) - sp.exp(-zz) / (1 + sp.exp(-zz))),
            (r"1 - y - (1 - \hat{y})", lambda c: 1 - y - (1 - sig(zz))),
            (r"\hat{y} - y", lambda c: sig(zz) - y),
        ]),
        Chain("dl/dw1", [
            (r"\frac{\partial \ell}{\partial w_1}", lambda c: sp.diff(ell_w, w1)),
            (r"\frac{\partial \ell}{\partial z} \frac{\partial z}{\partial w_1}",
             lambda c: sp.diff(ell_z, zz).subs(zz, zexpr) * sp.diff(zexpr, w1)),
            (r"(\hat{y} - y)\, x_1", lambda c: (sig(zexpr) - y) * x1),
        ]),
        Chain("dl/db", [
            (r"\frac{\partial \ell}{\partial b}", lambda c: sp.diff(ell_w, b)),
            (r"\frac{\partial \ell}{\partial z} \cdot 1", lambda c: sp.diff(ell_z, zz).subs(zz, zexpr) * 1),
            (r"\hat{y} - y", lambda c: sig(zexpr) - y),
        ]),
        Chain("nabla_w L (entry j)", [
            (r"\nabla_{\mathbf{w}} L", lambda c: sp.diff(Ltot(c), wv[c["j"]])),
            (r"\sum_{i=1}^{n} (\hat{y}_i - y_i)\, \mathbf{x}_i",
             lambda c: ssum(lambda i: (sig(zi(i)) - Yd(i)) * Xd(i, c["j"]), 1, c["n"])),
        ], ctxs=[dict(n=n, j=j) for n in (1, 2, 3, 4) for j in (1, 2)]),
        Chain("dL/db", [
            (r"\frac{\partial L}{\partial b}", lambda c: sp.diff(Ltot(c), b)),
            (r"\sum_{i=1}^{n} (\hat{y}_i - y_i)", lambda c: ssum(lambda i: sig(zi(i)) - Yd(i), 1, c["n"])),
        ], ctxs=NS),
    ]
    return with_plant(
        Doc("logreg_blog.md", ch),
        old='= (1 - y) - \\frac{e^{-z}}{1 + e^{-z}} =',
        new='= (1 - y) - e^{-z} =',
        chain='dl/dz', index=1,
        wrong=(r"(1 - y) - e^{-z}", lambda c: (1 - y) - sp.exp(-zz)),
        what='dropped factor: the 1/(1 + e^{-z}) of d/dz log(1 + e^{-z}) is missing')


# ---------------------------------------------------------------------------
def Xd(i):
    return R("x%d" % i)


def Yd(i):
    return R("y%d" % i)


def mean(f, n):
    return ssum(f, 1, n) / n


def mse_regression_notes():
    w, b = R("w"), R("b")
    xb = lambda c: mean(Xd, c["n"])
    yb = lambda c: mean(Yd, c["n"])
    L = lambda c: mean(lambda i: (Yd(i) - w * Xd(i) - b) ** 2, c["n"])
    bhat = lambda c: yb(c) - w * xb(c)
    Sxy = lambda c: ssum(lambda i: (Xd(i) - xb(c)) * (Yd(i) - yb(c)), 1, c["n"])
    Sxx = lambda c: ssum(lambda i: (Xd(i) - xb(c)) ** 2, 1, c["n"])
    ch = [
        Chain("def xbar", [(r"\bar{x}", xb), (r"\frac{1}{n} \sum_{i=1}^{n} x_i", xb)], kinds="def"),
        Chain("def ybar", [(r"\bar{y}", yb), (r"\frac{1}{n} \sum_{i=1}^{n} y_i", yb)], kinds="def"),
        Chain("def L", [(r"\mathcal{L}(w, b)", L),
                        (r"\frac{1}{n} \sum_{i=1}^{n} \left( y_i - w x_i - b \right)^2", L)], kinds="def"),
        Chain("dL/dw", [
            (r"\frac{\partial \mathcal{L}}{\partial w}", lambda c: sp.diff(L(c), w)),
            (r"\frac{1}{n} \sum_{i=1}^{n} 2 \left( y_i - w x_i - b \right) \cdot (-x_i)",
             lambda c: mean(lambda i: 2 * (Yd(i) - w * Xd(i) - b) * (-Xd(i)), c["n"])),
            (r"-\frac{2}{n} \sum_{i=1}^{n} x_i \left( y_i - w x_i - b \right)",
             lambda c: -sp.Rational(2, c["n"]) * ssum(lambda i: Xd(i) * (Yd(i) - w * Xd(i) - b), 1, c["n"])),
            (r"-\frac{2}{n} \sum_{i=1}^{n} x_i \left( y_i - \hat{y}_i \right)",
             lambda c: -sp.Rational(2, c["n"]) * ssum(lambda i: Xd(i) * (Yd(i) - (w * Xd(i) + b)), 1, c["n"])),
        ]),
        Chain("dL/db", [
            (r"\frac{\partial \mathcal{L}}{\partial b}", lambda c: sp.diff(L(c), b)),
            (r"-\frac{2}{n} \sum_{i=1}^{n} \left( y_i - w x_i - b \right)",
             lambda c: -sp.Rational(2, c["n"]) * ssum(lambda i: Yd(i) - w * Xd(i) - b, 1, c["n"])),
            (r"-2 \left( \bar{y} - w \bar{x} - b \right)", lambda c: -2 * (yb(c) - w * xb(c) - b)),
        ]),
        Chain("stationarity in b (at b-hat)", [
            (r"\frac{\partial \mathcal{L}}{\partial b}", lambda c: sp.diff(L(c), b).subs(b, bhat(c))),
            ("0", lambda c: 0),
        ], kinds="hyp"),
        Chain("def b-hat", [(r"\hat{b}", bhat), (r"\bar{y} - w \bar{x}", bhat)], kinds="def"),
        Chain("substitute b-hat", [
            (r"\sum_{i=1}^{n} x_i \left( y_i - w x_i - \hat{b} \right)",
             lambda c: ssum(lambda i: Xd(i) * (Yd(i) - w * Xd(i) - bhat(c)), 1, c["n"])),
            (r"\sum_{i=1}^{n} x_i \Big( (y_i - \bar{y}) - w (x_i - \bar{x}) \Big)",
             lambda c: ssum(lambda i: Xd(i) * ((Yd(i) - yb(c)) - w * (Xd(i) - xb(c))), 1, c["n"])),
            (r"\sum_{i=1}^{n} (x_i - \bar{x})(y_i - \bar{y}) - w \sum_{i=1}^{n} (x_i - \bar{x})^2",
             lambda c: Sxy(c) - w * Sxx(c)),
        ]),
        Chain("def w-hat", [
            (r"\hat{w}", lambda c: Sxy(c) / Sxx(c)),
            (r"\frac{\displaystyle\sum_{i=1}^{n} (x_i - \bar{x})(y_i - \bar{y})}{\displaystyle\sum_{i=1}^{n} (x_i - \bar{x})^2}",
             lambda c: Sxy(c) / Sxx(c)),
        ], kinds="def"),
    ]
    return with_plant(
        Doc("mse_regression_notes.tex", ch, ctxs=NS),
        old='&= -\\frac{2}{n} \\sum_{i=1}^{n} x_i \\left( y_i - w x_i - b \\right) \\\\',
        new='&= -\\frac{1}{n} \\sum_{i=1}^{n} x_i \\left( y_i - w x_i - b \\right) \\\\',
        chain='dL/dw', index=2,
        wrong=(r"-\frac{1}{n} \sum_{i=1}^{n} x_i \left( y_i - w x_i - b \right)", lambda c: -sp.Rational(1, c["n"]) * ssum(lambda i: Xd(i) * (Yd(i) - w * Xd(i) - b), 1, c["n"])),
        what='wrong constant: 1/n instead of 2/n (the factor 2 of the power rule is lost)')


def mse_regression_blog():
    t0, t1 = R("theta0"), R("theta1")
    th = {0: t0, 1: t1}
    x = R("x")
    Xm = lambda i: R("x%d" % i)
    Ym = lambda i: R("y%d" % i)
    h = lambda v: t0 + t1 * v
    J = lambda c: ssum(lambda i: (h(Xm(i)) - Ym(i)) ** 2, 1, c["m"]) / (2 * c["m"])
    avg = lambda f, c: ssum(f, 1, c["m"]) / c["m"]
    MS = [{"m": m} for m in (1, 2, 3, 4)]
    MJ = [{"m": m, "j": j} for m in (1, 2, 3, 4) for j in (0, 1)]

    def grad_vec(c):
        Xmat = sp.Matrix([[1, Xm(i)] for i in range(1, c["m"] + 1)])
        yv = sp.Matrix([Ym(i) for i in range(1, c["m"] + 1)])
        tv = sp.Matrix([t0, t1])
        return (Xmat.T * (Xmat * tv - yv)) / c["m"]

    ch = [
        Chain("def h", [(r"h_\theta(x)", lambda c: h(x)), (r"\theta_0 + \theta_1 x", lambda c: h(x))], kinds="def"),
        Chain("def J", [(r"J(\theta_0, \theta_1)", J),
                        (r"\frac{1}{2m} \sum_{i=1}^{m} \left( h_\theta(x^{(i)}) - y^{(i)} \right)^2", J)],
              kinds="def", ctxs=MS),
        Chain("general partial", [
            (r"\partial_{\theta_j} J", lambda c: sp.diff(J(c), th[c["j"]])),
            (r"\frac{1}{2m} \sum_{i=1}^{m} 2 \left( h_\theta(x^{(i)}) - y^{(i)} \right) \frac{\partial h_\theta(x^{(i)})}{\partial \theta_j}",
             lambda c: ssum(lambda i: 2 * (h(Xm(i)) - Ym(i)) * sp.diff(h(Xm(i)), th[c["j"]]), 1, c["m"]) / (2 * c["m"])),
            (r"\frac{1}{m} \sum_{i=1}^{m} \left( h_\theta(x^{(i)}) - y^{(i)} \right) \frac{\partial h_\theta(x^{(i)})}{\partial \theta_j}",
             lambda c: avg(lambda i: (h(Xm(i)) - Ym(i)) * sp.diff(h(Xm(i)), th[c["j"]]), c)),
        ], ctxs=MJ),
        Chain("dh/dtheta0", [(r"\frac{\partial h_\theta(x)}{\partial \theta_0}", lambda c: sp.diff(h(x), t0)), ("1", lambda c: 1)]),
        Chain("dh/dtheta1", [(r"\frac{\partial h_\theta(x)}{\partial \theta_1}", lambda c: sp.diff(h(x), t1)), ("x", lambda c: x)]),
        Chain("dJ/dtheta0", [
            (r"\frac{\partial J}{\partial \theta_0}", lambda c: sp.diff(J(c), t0)),
            (r"\frac{1}{m} \sum_{i=1}^{m} \left( \theta_0 + \theta_1 x^{(i)} - y^{(i)} \right)",
             lambda c: avg(lambda i: t0 + t1 * Xm(i) - Ym(i), c)),
        ], ctxs=MS),
        Chain("dJ/dtheta1", [
            (r"\frac{\partial J}{\partial \theta_1}", lambda c: sp.diff(J(c), t1)),
            (r"\frac{1}{m} \sum_{i=1}^{m} \left( \theta_0 + \theta_1 x^{(i)} - y^{(i)} \right) x^{(i)}",
             lambda c: avg(lambda i: (t0 + t1 * Xm(i) - Ym(i)) * Xm(i), c)),
        ], ctxs=MS),
        Chain("dJ/dtheta0 averages", [
            (r"\frac{\partial J}{\partial \theta_0}", lambda c: sp.diff(J(c), t0)),
            (r"\theta_0 + \theta_1 \bar{x} - \bar{y}", lambda c: t0 + t1 * avg(Xm, c) - avg(Ym, c)),
        ], ctxs=MS),
        Chain("dJ/dtheta1 averages", [
            (r"\frac{\partial J}{\partial \theta_1}", lambda c: sp.diff(J(c), t1)),
            (r"\theta_0 \bar{x} + \theta_1 \overline{x^2} - \overline{xy}",
             lambda c: t0 * avg(Xm, c) + t1 * avg(lambda i: Xm(i) ** 2, c) - avg(lambda i: Xm(i) * Ym(i), c)),
        ], ctxs=MS),
        Chain("vectorised (entry j)", [
            (r"\nabla_{\boldsymbol{\theta}} J", lambda c: sp.diff(J(c), th[c["j"]])),
            (r"\frac{1}{m} X^{\top} \left( X \boldsymbol{\theta} - \mathbf{y} \right)", lambda c: grad_vec(c)[c["j"]]),
        ], ctxs=MJ),
    ]
    return Doc("mse_regression_blog.md", ch)


# ---------------------------------------------------------------------------
def ridge_notes():
    w = R("w")
    lam = P("lambda")
    D = 2
    wk = lambda k: R("w%d" % k)
    Xik = lambda i, k: R("x%d_%d" % (i, k))
    J1 = lambda c: sp.Rational(1, 2) * ssum(lambda i: (w * Xd(i) - Yd(i)) ** 2, 1, c["n"]) + lam / 2 * w ** 2
    what = lambda c: ssum(lambda i: Xd(i) * Yd(i), 1, c["n"]) / (ssum(lambda i: Xd(i) ** 2, 1, c["n"]) + lam)
    pred = lambda i: ssum(lambda k: wk(k) * Xik(i, k), 1, D)
    Jv = lambda c: (sp.Rational(1, 2) * ssum(lambda i: (pred(i) - Yd(i)) ** 2, 1, c["n"])
                    + lam / 2 * ssum(lambda k: wk(k) ** 2, 1, D))
    NJ = [dict(n=n, j=j) for n in (1, 2, 3, 4) for j in range(1, D + 1)]

    def mats(c):
        Xm = sp.Matrix([[Xik(i, k) for k in range(1, D + 1)] for i in range(1, c["n"] + 1)])
        yv = sp.Matrix([Yd(i) for i in range(1, c["n"] + 1)])
        wv = sp.Matrix([wk(k) for k in range(1, D + 1)])
        return Xm, yv, wv

    def g1(c):
        Xm, yv, wv = mats(c)
        return (Xm.T * (Xm * wv - yv) + lam * wv)[c["j"] - 1]

    def g2(c):
        Xm, yv, wv = mats(c)
        return ((Xm.T * Xm + lam * sp.eye(D)) * wv - Xm.T * yv)[c["j"] - 1]

    sx2 = lambda c: ssum(lambda i: Xd(i) ** 2, 1, c["n"])
    sxy = lambda c: ssum(lambda i: Xd(i) * Yd(i), 1, c["n"])
    ch = [
        Chain("def J(w)", [(r"J(w)", J1),
                           (r"\frac{1}{2} \sum_{i=1}^{n} (w x_i - y_i)^2 + \frac{\lambda}{2} w^2", J1)], kinds="def"),
        Chain("dJ/dw", [
            (r"\frac{dJ}{dw}", lambda c: sp.diff(J1(c), w)),
            (r"\sum_{i=1}^{n} (w x_i - y_i)\, x_i + \lambda w", lambda c: ssum(lambda i: (w * Xd(i) - Yd(i)) * Xd(i), 1, c["n"]) + lam * w),
            (r"w \sum_{i=1}^{n} x_i^2 - \sum_{i=1}^{n} x_i y_i + \lambda w", lambda c: w * sx2(c) - sxy(c) + lam * w),
            (r"w \left( \sum_{i=1}^{n} x_i^2 + \lambda \right) - \sum_{i=1}^{n} x_i y_i", lambda c: w * (sx2(c) + lam) - sxy(c)),
        ]),
        Chain("second derivative", [
            (r"\frac{d^2 J}{dw^2}", lambda c: sp.diff(J1(c), w, 2)),
            (r"\sum_{i=1}^{n} x_i^2 + \lambda", lambda c: sx2(c) + lam),
        ]),
        Chain("stationarity (at w-hat)", [
            (r"\frac{dJ}{dw}", lambda c: sp.diff(J1(c), w).subs(w, what(c))),
            ("0", lambda c: 0),
        ], kinds="hyp"),
        Chain("def w-hat", [
            (r"\hat{w}_{\lambda}", what),
            (r"\frac{\sum_{i=1}^{n} x_i y_i}{\sum_{i=1}^{n} x_i^2 + \lambda}", what),
        ], kinds="def"),
        Chain("def J(w vector)", [
            (r"J(\mathbf{w})", Jv),
            (r"\frac{1}{2} \sum_{i=1}^{n} \Big( \sum_{k=1}^{d} w_k x_{ik} - y_i \Big)^2 + \frac{\lambda}{2} \sum_{k=1}^{d} w_k^2", Jv),
        ], kinds="def"),
        Chain("dJ/dw_j", [
            (r"\frac{\partial J}{\partial w_j}", lambda c: sp.diff(Jv(c), wk(c["j"]))),
            (r"\sum_{i=1}^{n} \Big( \sum_{k=1}^{d} w_k x_{ik} - y_i \Big) x_{ij} + \frac{\lambda}{2} \sum_{k=1}^{d} 2 w_k \delta_{kj}",
             lambda c: ssum(lambda i: (pred(i) - Yd(i)) * Xik(i, c["j"]), 1, c["n"])
             + lam / 2 * ssum(lambda k: 2 * wk(k) * delta(k, c["j"]), 1, D)),
            (r"\sum_{i=1}^{n} \Big( \sum_{k=1}^{d} w_k x_{ik} - y_i \Big) x_{ij} + \lambda w_j",
             lambda c: ssum(lambda i: (pred(i) - Yd(i)) * Xik(i, c["j"]), 1, c["n"]) + lam * wk(c["j"])),
        ], ctxs=NJ),
        Chain("matrix form (entry j)", [
            (r"\nabla_{\mathbf{w}} J", lambda c: sp.diff(Jv(c), wk(c["j"]))),
            (r"X^{\top} (X\mathbf{w} - \mathbf{y}) + \lambda \mathbf{w}", g1),
            (r"\left( X^{\top} X + \lambda I \right) \mathbf{w} - X^{\top} \mathbf{y}", g2),
        ], ctxs=NJ),
    ]
    return Doc("ridge_notes.tex", ch, ctxs=NS)


def ridge_weight_decay_answer():
    w, b = R("w"), R("b")
    lam, eta = P("lambda"), P("eta", 0.01, 0.5)
    L = lambda c, l: mean(lambda i: (w * Xd(i) + b - Yd(i)) ** 2, c["n"]) + l * w ** 2
    S1 = lambda c: ssum(lambda i: (w * Xd(i) + b - Yd(i)) * Xd(i), 1, c["n"])
    wv = lambda k: R("wv%d" % k)
    sqn = ssum(lambda k: wv(k) ** 2, 1, 2)
    ch = [
        Chain("def L_lambda", [
            (r"L_\lambda(w, b)", lambda c: L(c, lam)),
            (r"\frac{1}{n} \sum_{i=1}^{n} \left( w x_i + b - y_i \right)^2 + \lambda w^2", lambda c: L(c, lam)),
        ], kinds="def"),
        Chain("dL/dw", [
            (r"\frac{\partial L_\lambda}{\partial w}", lambda c: sp.diff(L(c, lam), w)),
            (r"\frac{2}{n} \sum_{i=1}^{n} \left( w x_i + b - y_i \right) x_i + 2 \lambda w",
             lambda c: sp.Rational(2, c["n"]) * S1(c) + 2 * lam * w),
        ]),
        Chain("dL/db", [
            (r"\frac{\partial L_\lambda}{\partial b}", lambda c: sp.diff(L(c, lam), b)),
            (r"\frac{2}{n} \sum_{i=1}^{n} \left( w x_i + b - y_i \right)",
             lambda c: sp.Rational(2, c["n"]) * ssum(lambda i: w * Xd(i) + b - Yd(i), 1, c["n"])),
        ]),
        Chain("gradient step", [
            (r"w - \eta \frac{\partial L_\lambda}{\partial w}", lambda c: w - eta * sp.diff(L(c, lam), w)),
            (r"w - 2\eta\lambda w - \frac{2\eta}{n} \sum_{i=1}^{n} \left( w x_i + b - y_i \right) x_i",
             lambda c: w - 2 * eta * lam * w - 2 * eta / c["n"] * S1(c)),
            (r"(1 - 2\eta\lambda)\, w - \frac{2\eta}{n} \sum_{i=1}^{n} \left( w x_i + b - y_i \right) x_i",
             lambda c: (1 - 2 * eta * lam) * w - 2 * eta / c["n"] * S1(c)),
            (r"(1 - 2\eta\lambda)\, w - \eta \frac{\partial L_0}{\partial w}",
             lambda c: (1 - 2 * eta * lam) * w - eta * sp.diff(L(c, 0), w)),
        ]),
        Chain("penalty gradient (entry j)", [
            (r"\nabla_{\mathbf{w}} \left( \frac{\lambda}{2} \lVert \mathbf{w} \rVert^2 \right)", lambda c: sp.diff(lam / 2 * sqn, wv(c["j"]))),
            (r"\frac{\lambda}{2} \nabla_{\mathbf{w}} \sum_k w_k^2", lambda c: lam / 2 * sp.diff(sqn, wv(c["j"]))),
            (r"\lambda \mathbf{w}", lambda c: lam * wv(c["j"])),
        ], ctxs=[{"j": 1}, {"j": 2}]),
    ]
    return with_plant(
        Doc("ridge_weight_decay_answer.md", ch, ctxs=NS),
        old='&= (1 - 2\\eta\\lambda)\\, w - \\frac{2\\eta}{n}',
        new='&= (1 - \\eta\\lambda)\\, w - \\frac{2\\eta}{n}',
        chain='gradient step', index=2,
        wrong=(r"(1 - \eta\lambda)\, w - \frac{2\eta}{n} \sum_{i=1}^{n} \left( w x_i + b - y_i \right) x_i", lambda c: (1 - eta * lam) * w - 2 * eta / c["n"] * S1(c)),
        what='wrong constant: decay factor 1 - eta*lambda instead of 1 - 2*eta*lambda')
