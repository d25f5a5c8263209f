"""Encodings of the corpus_ml6 documents of families 1-6 (softmax Jacobian, cross-entropy,
logistic regression, least squares, Gaussian MLE, variance and covariance identities).

Each document is a function returning a Doc: its displays as chains of (LaTeX anchor,
function of the context) pairs, in document order. `kinds` marks definitions ("def").
"""
import sympy as sp

from framework import Chain, Doc, E, Var, Cov, X, Y, with_plant, R, P, sig
from helpers import (vec, softmax, targets, S, mean, pairs, singles, sizes, grid, delta,
                     E_iid, gauss_moments, E_ind, Var_ind, two_moments, Cov_iid, Var_iid,
                     sign_patterns, I, const)

ln = sp.log
ex = sp.exp
half = sp.Rational(1, 2)


def rat(p, q=1):
    return sp.Rational(p, q)


# ---------------------------------------------------------------------------
# family 1: softmax Jacobian
def softmax_jacobian_casework_notes():
    def Z(c):
        return vec("z", c["K"])

    def s(c, i):
        return softmax(Z(c))[i - 1]

    def tot(c):
        return sp.Add(*[ex(t) for t in Z(c)])

    def ez(c, i):
        return ex(Z(c)[i - 1])

    def d(c, i, j):
        return sp.diff(s(c, i), Z(c)[j - 1])

    g = lambda c: vec("g", c["K"])  # noqa: E731
    Ls = lambda c: sp.Add(*[g(c)[i] * softmax(Z(c))[i] for i in range(c["K"])])  # noqa: E731
    P_ = pairs(4)
    Pne = pairs(4, cond=lambda c: c["i"] != c["j"])
    Si = singles("i")
    Sj = singles("j")
    z3 = [ln(3), 0, 0]
    s3 = softmax(z3)
    zz = sp.symbols("zz1:4", real=True)
    jac3 = lambda i, j: sp.diff(softmax(list(zz))[i - 1], zz[j - 1]).subs(dict(zip(zz, z3)))  # noqa: E731
    t2 = lambda: vec("z", 2)[0] - vec("z", 2)[1]  # noqa: E731
    chains = [
        Chain("def_s", [
            I(r"s_i", lambda c: s(c, c["i"])),
            I(r"\frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}}", lambda c: ez(c, c["i"]) / tot(c)),
        ], "def", Si),
        Chain("diag", [
            I(r"\dd{s_i}{z_i}", lambda c: d(c, c["i"], c["i"])),
            I(r"\frac{e^{z_i}\sum_{k} e^{z_k} - e^{z_i}\, e^{z_i}}{\bigl(\sum_{k} e^{z_k}\bigr)^2}",
              lambda c: (ez(c, c["i"]) * tot(c) - ez(c, c["i"]) ** 2) / tot(c) ** 2),
            I(r"\frac{e^{z_i}}{\sum_{k} e^{z_k}} - \left(\frac{e^{z_i}}{\sum_{k} e^{z_k}}\right)^2",
              lambda c: ez(c, c["i"]) / tot(c) - (ez(c, c["i"]) / tot(c)) ** 2),
            I(r"s_i(1 - s_i)", lambda c: s(c, c["i"]) * (1 - s(c, c["i"]))),
        ], ctxs=Si),
        Chain("offdiag", [
            I(r"\dd{s_i}{z_j}", lambda c: d(c, c["i"], c["j"])),
            I(r"\frac{0 \cdot \sum_{k} e^{z_k} - e^{z_i}\, e^{z_j}}{\bigl(\sum_{k} e^{z_k}\bigr)^2}",
              lambda c: (0 * tot(c) - ez(c, c["i"]) * ez(c, c["j"])) / tot(c) ** 2),
            I(r"-\frac{e^{z_i}}{\sum_{k} e^{z_k}} \cdot \frac{e^{z_j}}{\sum_{k} e^{z_k}}",
              lambda c: -ez(c, c["i"]) / tot(c) * ez(c, c["j"]) / tot(c)),
            I(r"-s_i s_j", lambda c: -s(c, c["i"]) * s(c, c["j"])),
        ], ctxs=Pne),
        Chain("jac", [
            I(r"\dd{s_i}{z_j}", lambda c: d(c, c["i"], c["j"])),
            I(r"s_i\bigl(\delta_{ij} - s_j\bigr)", lambda c: s(c, c["i"]) * (delta(c["i"], c["j"]) - s(c, c["j"]))),
            I(r"s_i\delta_{ij} - s_i s_j", lambda c: s(c, c["i"]) * delta(c["i"], c["j"]) - s(c, c["i"]) * s(c, c["j"])),
        ], ctxs=P_),
        Chain("rowsum", [
            I(r"\sum_{j=1}^{K} \dd{s_i}{z_j}", lambda c: S(lambda j: d(c, c["i"], j), 1, c["K"])),
            I(r"s_i \sum_{j=1}^{K} \delta_{ij} - s_i \sum_{j=1}^{K} s_j",
              lambda c: s(c, c["i"]) * S(lambda j: delta(c["i"], j), 1, c["K"]) - s(c, c["i"]) * S(lambda j: s(c, j), 1, c["K"])),
            I(r"s_i - s_i \cdot 1", lambda c: s(c, c["i"]) - s(c, c["i"]) * 1),
            I(r"0", const(0)),
        ], ctxs=Si),
        Chain("vjp", [
            I(r"\dd{L}{z_j}", lambda c: sp.diff(Ls(c), Z(c)[c["j"] - 1])),
            I(r"\sum_{i=1}^{K} g_i \dd{s_i}{z_j}", lambda c: S(lambda i: g(c)[i - 1] * d(c, i, c["j"]), 1, c["K"])),
            I(r"\sum_{i=1}^{K} g_i\, s_i\bigl(\delta_{ij} - s_j\bigr)",
              lambda c: S(lambda i: g(c)[i - 1] * s(c, i) * (delta(i, c["j"]) - s(c, c["j"])), 1, c["K"])),
            I(r"s_j g_j - s_j \sum_{i=1}^{K} g_i s_i",
              lambda c: s(c, c["j"]) * g(c)[c["j"] - 1] - s(c, c["j"]) * S(lambda i: g(c)[i - 1] * s(c, i), 1, c["K"])),
            I(r"s_j\Bigl(g_j - \sum_{i=1}^{K} g_i s_i\Bigr)",
              lambda c: s(c, c["j"]) * (g(c)[c["j"] - 1] - S(lambda i: g(c)[i - 1] * s(c, i), 1, c["K"]))),
        ], ctxs=Sj),
        Chain("k2", [
            I(r"s_1", lambda c: softmax(vec("z", 2))[0]),
            I(r"\frac{e^{z_1}}{e^{z_1} + e^{z_2}}", lambda c: ex(vec("z", 2)[0]) / (ex(vec("z", 2)[0]) + ex(vec("z", 2)[1]))),
            I(r"\frac{1}{1 + e^{-(z_1 - z_2)}}", lambda c: 1 / (1 + ex(-(vec("z", 2)[0] - vec("z", 2)[1])))),
            I(r"\sigma(z_1 - z_2)", lambda c: sig(vec("z", 2)[0] - vec("z", 2)[1])),
        ]),
        Chain("k2d", [
            I(r"\dd{s_1}{z_1}", lambda c: sp.diff(softmax(vec("z", 2))[0], vec("z", 2)[0])),
            I(r"s_1(1 - s_1)", lambda c: softmax(vec("z", 2))[0] * (1 - softmax(vec("z", 2))[0])),
            I(r"\sigma(t)\bigl(1 - \sigma(t)\bigr)", lambda c: sig(t2()) * (1 - sig(t2()))),
        ]),
        Chain("num1", [
            I(r"\dd{s_1}{z_1}", lambda c: jac3(1, 1)),
            I(r"\frac{3}{5}\Bigl(1 - \frac{3}{5}\Bigr)", const(rat(3, 5) * (1 - rat(3, 5)))),
            I(r"\frac{6}{25}", const(rat(6, 25))),
        ]),
        Chain("num2", [
            I(r"\dd{s_2}{z_1}", lambda c: jac3(2, 1)),
            I(r"-\frac{1}{5}\cdot\frac{3}{5}", const(-rat(1, 5) * rat(3, 5))),
            I(r"-\frac{3}{25}", const(-rat(3, 25))),
        ]),
    ]
    assert s3[0] == rat(3, 5)
    doc = Doc("softmax_jacobian_casework_notes.tex", chains)
    wrong = (r"\sum_{i=1}^{K} g_i\, s_i\bigl(\delta_{ij} - s_i\bigr)",
             lambda c: S(lambda i: g(c)[i - 1] * s(c, i) * (delta(i, c["j"]) - s(c, i)), 1, c["K"]))
    return with_plant(doc, r"g_i\, s_i\bigl(\delta_{ij} - s_j\bigr)", r"g_i\, s_i\bigl(\delta_{ij} - s_i\bigr)",
                      "vjp", 2, wrong, "wrong index: s_i for s_j inside the sum over i (delta_ij - s_i)")


def softmax_jacobian_product_rule_answer():
    def Z(c):
        return vec("z", c["K"])

    def s(c, i):
        return softmax(Z(c))[i - 1]

    def tot(c):
        return sp.Add(*[ex(t) for t in Z(c)])

    def ez(c, i):
        return ex(Z(c)[i - 1])

    def d(c, i, j):
        return sp.diff(s(c, i), Z(c)[j - 1])

    g = lambda c: vec("g", c["K"])  # noqa: E731
    Ls = lambda c: sp.Add(*[g(c)[i] * softmax(Z(c))[i] for i in range(c["K"])])  # noqa: E731
    P_ = pairs(4)
    zz = sp.symbols("zz1:3", real=True)
    jac2 = lambda i, j: sp.diff(softmax(list(zz))[i - 1], zz[j - 1]).subs({zz[0]: 1, zz[1]: 1})  # noqa: E731
    chains = [
        Chain("def_s", [
            I(r"s_i", lambda c: s(c, c["i"])),
            I(r"\frac{\exp(z_i)}{\sum\limits_{k=1}^{K} \exp(z_k)}", lambda c: ez(c, c["i"]) / tot(c)),
        ], "def", singles("i")),
        Chain("def_Z", [
            I(r"Z", lambda c: tot(c)),
            I(r"\sum\limits_{k=1}^{K} \exp(z_k)", lambda c: tot(c)),
        ], "def", sizes(1, 4, "K")),
        Chain("dZ", [
            I(r"\frac{\partial Z}{\partial z_j}", lambda c: sp.diff(tot(c), Z(c)[c["j"] - 1])),
            I(r"\exp(z_j)", lambda c: ez(c, c["j"])),
        ], ctxs=singles("j")),
        Chain("prod", [
            I(r"\frac{\partial s_i}{\partial z_j}", lambda c: d(c, c["i"], c["j"])),
            I(r"\frac{\partial}{\partial z_j}\Bigl[\exp(z_i)\, Z^{-1}\Bigr]",
              lambda c: sp.diff(ez(c, c["i"]) * tot(c) ** -1, Z(c)[c["j"] - 1])),
            I(r"\mathbb{1}[i=j]\,\exp(z_i)\, Z^{-1} - \exp(z_i)\, Z^{-2}\, \exp(z_j)",
              lambda c: delta(c["i"], c["j"]) * ez(c, c["i"]) / tot(c) - ez(c, c["i"]) * tot(c) ** -2 * ez(c, c["j"])),
            I(r"\mathbb{1}[i=j]\, s_i - s_i s_j", lambda c: delta(c["i"], c["j"]) * s(c, c["i"]) - s(c, c["i"]) * s(c, c["j"])),
            I(r"s_i\bigl(\mathbb{1}[i=j] - s_j\bigr)", lambda c: s(c, c["i"]) * (delta(c["i"], c["j"]) - s(c, c["j"]))),
        ], ctxs=P_),
        Chain("matrix", [
            I(r"J", lambda c: d(c, c["i"], c["j"])),
            I(r"\operatorname{diag}(s) - s\, s^\top", lambda c: delta(c["i"], c["j"]) * s(c, c["i"]) - s(c, c["i"]) * s(c, c["j"])),
        ], ctxs=P_),
        Chain("rowsum", [
            I(r"\sum_{j} \frac{\partial s_i}{\partial z_j}", lambda c: S(lambda j: d(c, c["i"], j), 1, c["K"])),
            I(r"s_i - s_i \sum_{j} s_j", lambda c: s(c, c["i"]) - s(c, c["i"]) * S(lambda j: s(c, j), 1, c["K"])),
            I(r"0", const(0)),
        ], ctxs=singles("i")),
        Chain("ex11", [
            I(r"J_{11}", lambda c: jac2(1, 1)),
            I(r"\tfrac12\bigl(1 - \tfrac12\bigr)", const(half * (1 - half))),
            I(r"\tfrac14", const(rat(1, 4))),
        ]),
        Chain("ex12", [
            I(r"J_{12}", lambda c: jac2(1, 2)),
            I(r"-\tfrac12 \cdot \tfrac12", const(-half * half)),
            I(r"-\tfrac14", const(-rat(1, 4))),
        ]),
        Chain("vjp", [
            I(r"\frac{\partial L}{\partial z_j}", lambda c: sp.diff(Ls(c), Z(c)[c["j"] - 1])),
            I(r"\sum_i g_i\, s_i\bigl(\mathbb{1}[i=j] - s_j\bigr)",
              lambda c: S(lambda i: g(c)[i - 1] * s(c, i) * (delta(i, c["j"]) - s(c, c["j"])), 1, c["K"])),
            I(r"s_j\Bigl(g_j - \sum_i g_i s_i\Bigr)",
              lambda c: s(c, c["j"]) * (g(c)[c["j"] - 1] - S(lambda i: g(c)[i - 1] * s(c, i), 1, c["K"]))),
        ], ctxs=singles("j")),
    ]
    doc = Doc("softmax_jacobian_product_rule_answer.md", chains)
    wrong = (r"\mathbb{1}[i=j] - s_i s_j", lambda c: delta(c["i"], c["j"]) - s(c, c["i"]) * s(c, c["j"]))
    return with_plant(doc, r"\mathbb{1}[i=j]\, s_i - s_i s_j", r"\mathbb{1}[i=j] - s_i s_j",
                      "prod", 3, wrong, "dropped factor: the s_i of 1[i=j] s_i")


# ---------------------------------------------------------------------------
# family 2: cross-entropy through softmax
def crossentropy_minibatch_solutions():
    def zb(c, n):
        return vec("z%d" % n, c["K"])

    def yb(c, n):
        return targets(c["K"], "y%d" % n)

    def pb(c, n):
        return softmax(zb(c, n))

    def ell_n(c, n):
        return -sp.Add(*[yb(c, n)[k] * ln(pb(c, n)[k]) for k in range(c["K"])])

    def J(c):
        return sp.Add(*[ell_n(c, n) for n in range(1, c["N"] + 1)]) / c["N"]

    # single example (no superscript)
    z = lambda c: vec("z", c["K"])  # noqa: E731
    y = lambda c: targets(c["K"])  # noqa: E731
    p = lambda c: softmax(z(c))  # noqa: E731
    tot = lambda c: sp.Add(*[ex(t) for t in z(c)])  # noqa: E731
    ell = lambda c: -sp.Add(*[y(c)[k] * ln(p(c)[k]) for k in range(c["K"])])  # noqa: E731
    Ks = sizes(1, 4, "K")
    batch = [dict(N=N, K=K, n=n, j=j) for N in range(1, 4) for K in range(1, 4)
             for n in range(1, N + 1) for j in range(1, K + 1)]
    # numbers of part (e)
    w = sp.symbols("w11 w12 w21 w22", real=True)
    zn = {w[0]: 0, w[1]: 0, w[2]: ln(3), w[3]: 0}
    Jn = -(1 * ln(softmax([w[0], w[1]])[0]) + 1 * ln(softmax([w[2], w[3]])[1])) / 2
    chains = [
        Chain("J", [
            I(r"J", J),
            I(r"-\frac{1}{N}\sum_{n=1}^{N}\sum_{k=1}^{K} y^{(n)}_k \log \prob{n}{k}",
              lambda c: -sp.Add(*[yb(c, n)[k] * ln(pb(c, n)[k]) for n in range(1, c["N"] + 1) for k in range(c["K"])]) / c["N"]),
        ], "def", [dict(N=2, K=2), dict(N=1, K=3)]),
        Chain("ell", [
            I(r"\ell", ell),
            I(r"-\sum_{k=1}^{K} y_k \log p_k", ell),
            I(r"-\sum_{k=1}^{K} y_k \Bigl(z_k - \log\sum_{m=1}^{K} e^{z_m}\Bigr)",
              lambda c: -S(lambda k: y(c)[k - 1] * (z(c)[k - 1] - ln(tot(c))), 1, c["K"])),
            I(r"-\sum_{k=1}^{K} y_k z_k + \Bigl(\sum_{k=1}^{K} y_k\Bigr)\log\sum_{m=1}^{K} e^{z_m}",
              lambda c: -S(lambda k: y(c)[k - 1] * z(c)[k - 1], 1, c["K"]) + S(lambda k: y(c)[k - 1], 1, c["K"]) * ln(tot(c))),
            I(r"-\sum_{k=1}^{K} y_k z_k + \log\sum_{m=1}^{K} e^{z_m}",
              lambda c: -S(lambda k: y(c)[k - 1] * z(c)[k - 1], 1, c["K"]) + ln(tot(c))),
        ], ["def", "id", "id", "id"], Ks),
        Chain("grad1", [
            I(r"\frac{\partial \ell}{\partial z_j}", lambda c: sp.diff(ell(c), z(c)[c["j"] - 1])),
            I(r"-y_j + \frac{e^{z_j}}{\sum_{m=1}^{K} e^{z_m}}", lambda c: -y(c)[c["j"] - 1] + ex(z(c)[c["j"] - 1]) / tot(c)),
            I(r"p_j - y_j", lambda c: p(c)[c["j"] - 1] - y(c)[c["j"] - 1]),
        ], ctxs=singles("j")),
        Chain("batch", [
            I(r"\frac{\partial J}{\partial \logit{n}{j}}", lambda c: sp.diff(J(c), zb(c, c["n"])[c["j"] - 1])),
            I(r"\frac{1}{N}\,\frac{\partial \ell^{(n)}}{\partial \logit{n}{j}}",
              lambda c: sp.diff(ell_n(c, c["n"]), zb(c, c["n"])[c["j"] - 1]) / c["N"]),
            I(r"\frac{1}{N}\bigl(\prob{n}{j} - y^{(n)}_j\bigr)",
              lambda c: (pb(c, c["n"])[c["j"] - 1] - yb(c, c["n"])[c["j"] - 1]) / c["N"]),
        ], ctxs=batch),
        Chain("sum0", [
            I(r"\sum_{j=1}^{K} \frac{\partial \ell}{\partial z_j}", lambda c: S(lambda j: sp.diff(ell(c), z(c)[j - 1]), 1, c["K"])),
            I(r"\sum_{j=1}^{K} p_j - \sum_{j=1}^{K} y_j",
              lambda c: S(lambda j: p(c)[j - 1], 1, c["K"]) - S(lambda j: y(c)[j - 1], 1, c["K"])),
            I(r"1 - 1", const(0)),
            I(r"0", const(0)),
        ], ctxs=Ks),
        Chain("hess", [
            I(r"\frac{\partial^2 \ell}{\partial z_i\,\partial z_j}",
              lambda c: sp.diff(ell(c), z(c)[c["i"] - 1], z(c)[c["j"] - 1])),
            I(r"\frac{\partial p_j}{\partial z_i}", lambda c: sp.diff(p(c)[c["j"] - 1], z(c)[c["i"] - 1])),
            I(r"p_j\delta_{ij} - p_i p_j",
              lambda c: p(c)[c["j"] - 1] * delta(c["i"], c["j"]) - p(c)[c["i"] - 1] * p(c)[c["j"] - 1]),
            I(r"p_j\bigl(\delta_{ij} - p_i\bigr)", lambda c: p(c)[c["j"] - 1] * (delta(c["i"], c["j"]) - p(c)[c["i"] - 1])),
        ], ctxs=pairs(4)),
        Chain("num1", [
            I(r"\frac{\partial J}{\partial \logit{1}{1}}", const(sp.diff(Jn, w[0]).subs(zn))),
            I(r"\frac{1}{2}\Bigl(\frac{1}{2} - 1\Bigr)", const(half * (half - 1))),
            I(r"-\frac{1}{4}", const(-rat(1, 4))),
        ]),
        Chain("num2", [
            I(r"\frac{\partial J}{\partial \logit{2}{1}}", const(sp.diff(Jn, w[2]).subs(zn))),
            I(r"\frac{1}{2}\Bigl(\frac{3}{4} - 0\Bigr)", const(half * rat(3, 4))),
            I(r"\frac{3}{8}", const(rat(3, 8))),
        ]),
    ]
    doc = Doc("crossentropy_minibatch_solutions.tex", chains)
    wrong = (r"p_j\delta_{ij} + p_i p_j",
             lambda c: p(c)[c["j"] - 1] * delta(c["i"], c["j"]) + p(c)[c["i"] - 1] * p(c)[c["j"] - 1])
    return with_plant(doc, r"p_j\delta_{ij} - p_i p_j", r"p_j\delta_{ij} + p_i p_j", "hess", 2, wrong,
                      "sign: + p_i p_j for - p_i p_j in the Hessian of the cross-entropy")


def crossentropy_onehot_blog():
    z = lambda c: vec("z", c["K"])  # noqa: E731
    p = lambda c: softmax(z(c))  # noqa: E731
    tot = lambda c: sp.Add(*[ex(t) for t in z(c)])  # noqa: E731
    L = lambda c: -ln(p(c)[c["c"] - 1])  # noqa: E731
    one = lambda a, b: delta(a, b)  # noqa: E731
    eps = R("epsilon", 0.0, 0.9)
    ysm = lambda c, k: (1 - eps) * one(k, c["c"]) + eps / c["K"]  # noqa: E731
    Leps = lambda c: -S(lambda k: ysm(c, k) * ln(p(c)[k - 1]), 1, c["K"])  # noqa: E731
    KC = grid(range(1, 5), ["c"])
    KCJ = grid(range(1, 5), ["c", "j"])
    zz = sp.symbols("zz1:4", real=True)
    znum = {zz[0]: ln(2), zz[1]: 0, zz[2]: 0}
    Lnum = -ln(softmax(list(zz))[1])
    chains = [
        Chain("L", [
            I(r"L", L),
            I(r"-\log p_c", L),
            I(r"-z_c + \log\sum_{k=1}^{K} e^{z_k}", lambda c: -z(c)[c["c"] - 1] + ln(tot(c))),
        ], ["def", "id"], KC),
        Chain("short", [
            I(r"\frac{\partial L}{\partial z_j}", lambda c: sp.diff(L(c), z(c)[c["j"] - 1])),
            I(r"-\mathbb{1}[j=c] + \frac{e^{z_j}}{\sum_{k=1}^{K} e^{z_k}}", lambda c: -one(c["j"], c["c"]) + ex(z(c)[c["j"] - 1]) / tot(c)),
            I(r"p_j - \mathbb{1}[j=c]", lambda c: p(c)[c["j"] - 1] - one(c["j"], c["c"])),
        ], ctxs=KCJ),
        Chain("long", [
            I(r"\frac{\partial L}{\partial z_j}", lambda c: sp.diff(L(c), z(c)[c["j"] - 1])),
            I(r"\sum_{k=1}^{K} \frac{\partial L}{\partial p_k}\,\frac{\partial p_k}{\partial z_j}",
              lambda c: S(lambda k: -one(k, c["c"]) / p(c)[c["c"] - 1] * sp.diff(p(c)[k - 1], z(c)[c["j"] - 1]), 1, c["K"])),
            I(r"-\frac{1}{p_c}\,\frac{\partial p_c}{\partial z_j}", lambda c: -sp.diff(p(c)[c["c"] - 1], z(c)[c["j"] - 1]) / p(c)[c["c"] - 1]),
            I(r"-\frac{1}{p_c}\, p_c\bigl(\mathbb{1}[c=j] - p_j\bigr)",
              lambda c: -1 / p(c)[c["c"] - 1] * p(c)[c["c"] - 1] * (one(c["c"], c["j"]) - p(c)[c["j"] - 1])),
            I(r"p_j - \mathbb{1}[c=j]", lambda c: p(c)[c["j"] - 1] - one(c["c"], c["j"])),
        ], ctxs=KCJ),
        Chain("sum", [
            I(r"\sum_{j=1}^{K} \frac{\partial L}{\partial z_j}", lambda c: S(lambda j: sp.diff(L(c), z(c)[j - 1]), 1, c["K"])),
            I(r"\sum_{j=1}^{K} p_j - 1", lambda c: S(lambda j: p(c)[j - 1], 1, c["K"]) - 1),
            I(r"0", const(0)),
        ], ctxs=KC),
        Chain("smooth", [
            I(r"\frac{\partial L_\varepsilon}{\partial z_j}", lambda c: sp.diff(Leps(c), z(c)[c["j"] - 1])),
            I(r"p_j - y_j", lambda c: p(c)[c["j"] - 1] - ysm(c, c["j"])),
            I(r"p_j - (1 - \varepsilon)\,\mathbb{1}[j=c] - \frac{\varepsilon}{K}",
              lambda c: p(c)[c["j"] - 1] - (1 - eps) * one(c["j"], c["c"]) - eps / c["K"]),
        ], ctxs=KCJ),
        Chain("Lnum", [
            I(r"L", const(Lnum.subs(znum))),
            I(r"-\log\frac{1}{4}", const(-ln(rat(1, 4)))),
            I(r"\log 4", const(ln(4))),
        ]),
        Chain("dnum", [
            I(r"\frac{\partial L}{\partial z_2}", const(sp.diff(Lnum, zz[1]).subs(znum))),
            I(r"\frac{1}{4} - 1", const(rat(1, 4) - 1)),
            I(r"-\frac{3}{4}", const(-rat(3, 4))),
        ]),
    ]
    doc = Doc("crossentropy_onehot_blog.md", chains)
    wrong = (r"-\frac{1}{p_c}\, p_c\bigl(\mathbb{1}[c=j] - p_c\bigr)",
             lambda c: -1 / p(c)[c["c"] - 1] * p(c)[c["c"] - 1] * (one(c["c"], c["j"]) - p(c)[c["c"] - 1]))
    return with_plant(doc, r"\, p_c\bigl(\mathbb{1}[c=j] - p_j\bigr)", r"\, p_c\bigl(\mathbb{1}[c=j] - p_c\bigr)",
                      "long", 3, wrong, "wrong index: p_c for p_j in the softmax Jacobian row")


# ---------------------------------------------------------------------------
# family 3: logistic regression
def logistic_regression_exam_solution():
    z = R("z", -3, 3)
    y = R("y", 0, 1)
    d = 2

    def data(c):
        n = c["n"]
        xs = [vec("x%d" % i, d) for i in range(1, n + 1)]
        ys = vec("yl", n, lo=0.0, hi=1.0)
        return xs, ys

    w = vec("w", d)
    b = R("b")

    def zi(c, i):
        xs, _ = data(c)
        return sum(w[k] * xs[i - 1][k] for k in range(d)) + b

    def yh(c, i):
        return sig(zi(c, i))

    def J(c):
        xs, ys = data(c)
        return -sp.Add(*[ys[i - 1] * ln(yh(c, i)) + (1 - ys[i - 1]) * ln(1 - yh(c, i)) for i in range(1, c["n"] + 1)]) / c["n"]

    ellf = lambda t, yy: -yy * ln(sig(t)) - (1 - yy) * ln(1 - sig(t))  # noqa: E731
    u = sp.Symbol("_u", real=True)
    dell = lambda t, yy: sp.diff(ellf(u, yy), u).subs(u, t)  # noqa: E731
    ctx_nj = [dict(n=n, j=j) for n in range(1, 5) for j in range(1, d + 1)]
    ctx_njk = [dict(n=n, j=j, k=k) for n in range(1, 4) for j in range(1, d + 1) for k in range(1, d + 1)]
    # numbers: d = 1, n = 2
    w1, b1 = sp.symbols("wn bn", real=True)
    Jn = -(1 * ln(sig(w1 * 1 + b1)) + (1 - 0) * ln(1 - sig(w1 * (-1) + b1))) / 2
    at0 = {w1: 0, b1: 0}
    chains = [
        Chain("sig", [
            I(r"\sigma(z)", lambda c: sig(z)),
            I(r"\frac{1}{1 + e^{-z}}", lambda c: 1 / (1 + ex(-z))),
        ], "def"),
        Chain("comp", [
            I(r"1 - \sigma(z)", lambda c: 1 - sig(z)),
            I(r"\frac{e^{-z}}{1 + e^{-z}}", lambda c: ex(-z) / (1 + ex(-z))),
            I(r"\frac{1}{e^{z} + 1}", lambda c: 1 / (ex(z) + 1)),
            I(r"\sigma(-z)", lambda c: sig(-z)),
        ]),
        Chain("dsig", [
            I(r"\sigma'(z)", lambda c: sp.diff(sig(z), z)),
            I(r"\frac{e^{-z}}{(1 + e^{-z})^2}", lambda c: ex(-z) / (1 + ex(-z)) ** 2),
            I(r"\frac{1}{1 + e^{-z}}\cdot\frac{e^{-z}}{1 + e^{-z}}", lambda c: 1 / (1 + ex(-z)) * ex(-z) / (1 + ex(-z))),
            I(r"\sigma(z)\bigl(1 - \sigma(z)\bigr)", lambda c: sig(z) * (1 - sig(z))),
        ]),
        Chain("J", [
            I(r"J(\bw, b)", J),
            I(r"-\frac{1}{n}\sum_{i=1}^{n}\Bigl[y^{(i)}\log\hat{y}^{(i)} + \bigl(1 - y^{(i)}\bigr)\log\bigl(1 - \hat{y}^{(i)}\bigr)\Bigr]", J),
        ], "def", sizes(1, 2)),
        Chain("ell", [
            I(r"\ell(z)", lambda c: ellf(z, y)),
            I(r"-y\log\sigma(z) - (1 - y)\log\bigl(1 - \sigma(z)\bigr)", lambda c: ellf(z, y)),
            I(r"y\log\bigl(1 + e^{-z}\bigr) + (1 - y)\bigl(z + \log(1 + e^{-z})\bigr)",
              lambda c: y * ln(1 + ex(-z)) + (1 - y) * (z + ln(1 + ex(-z)))),
            I(r"\log\bigl(1 + e^{-z}\bigr) + (1 - y)\,z", lambda c: ln(1 + ex(-z)) + (1 - y) * z),
        ], ["def", "id", "id"]),
        Chain("dell", [
            I(r"\ell'(z)", lambda c: dell(z, y)),
            I(r"-\frac{e^{-z}}{1 + e^{-z}} + 1 - y", lambda c: -ex(-z) / (1 + ex(-z)) + 1 - y),
            I(r"-\bigl(1 - \sigma(z)\bigr) + 1 - y", lambda c: -(1 - sig(z)) + 1 - y),
            I(r"\sigma(z) - y", lambda c: sig(z) - y),
        ]),
        Chain("gw", [
            I(r"\frac{\partial J}{\partial w_j}", lambda c: sp.diff(J(c), w[c["j"] - 1])),
            I(r"\frac{1}{n}\sum_{i=1}^{n} \ell'\bigl(z^{(i)}\bigr)\,\frac{\partial z^{(i)}}{\partial w_j}",
              lambda c: S(lambda i: dell(zi(c, i), data(c)[1][i - 1]) * sp.diff(zi(c, i), w[c["j"] - 1]), 1, c["n"]) / c["n"]),
            I(r"\boxed{\frac{1}{n}\sum_{i=1}^{n}\bigl(\hat{y}^{(i)} - y^{(i)}\bigr)x^{(i)}_j}",
              lambda c: S(lambda i: (yh(c, i) - data(c)[1][i - 1]) * data(c)[0][i - 1][c["j"] - 1], 1, c["n"]) / c["n"]),
        ], ctxs=ctx_nj),
        Chain("gb", [
            I(r"\frac{\partial J}{\partial b}", lambda c: sp.diff(J(c), b)),
            I(r"\boxed{\frac{1}{n}\sum_{i=1}^{n}\bigl(\hat{y}^{(i)} - y^{(i)}\bigr)}",
              lambda c: S(lambda i: yh(c, i) - data(c)[1][i - 1], 1, c["n"]) / c["n"]),
        ], ctxs=sizes(1, 4)),
        Chain("hess", [
            I(r"\frac{\partial^2 J}{\partial w_j\,\partial w_k}", lambda c: sp.diff(J(c), w[c["j"] - 1], w[c["k"] - 1])),
            I(r"\frac{1}{n}\sum_{i=1}^{n}\hat{y}^{(i)}\bigl(1 - \hat{y}^{(i)}\bigr)x^{(i)}_j x^{(i)}_k",
              lambda c: S(lambda i: yh(c, i) * (1 - yh(c, i)) * data(c)[0][i - 1][c["j"] - 1] * data(c)[0][i - 1][c["k"] - 1], 1, c["n"]) / c["n"]),
        ], ctxs=ctx_njk),
        Chain("num_w", [
            I(r"\frac{\partial J}{\partial w}\Big|_{w = b = 0}", const(sp.diff(Jn, w1).subs(at0))),
            I(r"\frac{1}{2}\Bigl[\bigl(\tfrac{1}{2} - 1\bigr)\cdot 1 + \bigl(\tfrac{1}{2} - 0\bigr)\cdot(-1)\Bigr]",
              const(half * ((half - 1) * 1 + (half - 0) * (-1)))),
            I(r"-\frac{1}{2}", const(-half)),
        ]),
        Chain("num_b", [
            I(r"\frac{\partial J}{\partial b}\Big|_{w = b = 0}", const(sp.diff(Jn, b1).subs(at0))),
            I(r"\frac{1}{2}\Bigl[\bigl(\tfrac{1}{2} - 1\bigr) + \bigl(\tfrac{1}{2} - 0\bigr)\Bigr]", const(half * ((half - 1) + (half - 0)))),
            I(r"0", const(0)),
        ]),
    ]
    doc = Doc("logistic_regression_exam_solution.tex", chains)
    wrong = (r"-\bigl(1 - \sigma(z)\bigr) - y", lambda c: -(1 - sig(z)) - y)
    return with_plant(doc, r"-\bigl(1 - \sigma(z)\bigr) + 1 - y", r"-\bigl(1 - \sigma(z)\bigr) - y",
                      "dell", 2, wrong, "dropped term: the + 1 of -(1 - sigma(z)) + 1 - y")


def logistic_loss_pm1_notebook():
    d = 2
    w = vec("w", d)
    m = R("m", -3, 3)
    zs = R("z", -3, 3)

    def xs(c):
        return [vec("x%d" % i, d) for i in range(1, c["n"] + 1)]

    def marg(c, i):
        return c["y"][i - 1] * sum(w[k] * xs(c)[i - 1][k] for k in range(d))

    def L(c):
        return sp.Add(*[ln(1 + ex(-marg(c, i))) for i in range(1, c["n"] + 1)])

    phi = lambda t: ln(1 + ex(-t))  # noqa: E731
    u = sp.Symbol("_u", real=True)
    dphi = lambda t: sp.diff(phi(u), u).subs(u, t)  # noqa: E731
    d2phi = lambda t: sp.diff(phi(u), u, 2).subs(u, t)  # noqa: E731
    lab = [dict(n=n, y=ys, j=j) for n in range(1, 4) for ys in sign_patterns(n) for j in range(1, d + 1)]
    lab2 = [dict(n=n, y=ys, j=j, k=k) for n in range(1, 4) for ys in sign_patterns(n)
            for j in range(1, d + 1) for k in range(1, d + 1)]
    ypm = [dict(y=1), dict(y=-1)]
    tt = lambda c: sp.Rational(1 + c["y"], 2)  # noqa: E731
    # numbers: d = 1, x = (1, 2), y = (+1, -1)
    w1 = sp.Symbol("wn", real=True)
    Ln = ln(1 + ex(-1 * w1 * 1)) + ln(1 + ex(-(-1) * w1 * 2))
    chains = [
        Chain("L", [
            I(r"L(\mathbf{w})", L),
            I(r"\sum_{i=1}^{n} \log\bigl(1 + e^{-y_i \mathbf{w}^\top \mathbf{x}_i}\bigr)", L),
        ], "def", [dict(n=2, y=(1, -1))]),
        Chain("equiv", [
            I(r"\log\bigl(1 + e^{-y z}\bigr)", lambda c: ln(1 + ex(-c["y"] * zs))),
            I(r"-\log\sigma(y z)", lambda c: -ln(sig(c["y"] * zs))),
            I(r"-t\log\sigma(z) - (1 - t)\log\bigl(1 - \sigma(z)\bigr)", lambda c: -tt(c) * ln(sig(zs)) - (1 - tt(c)) * ln(1 - sig(zs))),
        ], ctxs=ypm),
        Chain("dphi", [
            I(r"\phi'(m)", lambda c: dphi(m)),
            I(r"\frac{-e^{-m}}{1 + e^{-m}}", lambda c: -ex(-m) / (1 + ex(-m))),
            I(r"-\frac{1}{e^{m} + 1}", lambda c: -1 / (ex(m) + 1)),
            I(r"-\sigma(-m)", lambda c: -sig(-m)),
        ]),
        Chain("d2phi", [
            I(r"\phi''(m)", lambda c: d2phi(m)),
            I(r"\frac{e^{-m}}{\left(1 + e^{-m}\right)^{2}}", lambda c: ex(-m) / (1 + ex(-m)) ** 2),
            I(r"\sigma(m)\,\sigma(-m)", lambda c: sig(m) * sig(-m)),
        ]),
        Chain("grad", [
            I(r"\frac{\partial L}{\partial w_j}", lambda c: sp.diff(L(c), w[c["j"] - 1])),
            I(r"\sum_{i=1}^{n} \phi'(m_i)\,\frac{\partial m_i}{\partial w_j}",
              lambda c: S(lambda i: dphi(marg(c, i)) * sp.diff(marg(c, i), w[c["j"] - 1]), 1, c["n"])),
            I(r"-\sum_{i=1}^{n} \sigma(-m_i)\, y_i x_{ij}",
              lambda c: -S(lambda i: sig(-marg(c, i)) * c["y"][i - 1] * xs(c)[i - 1][c["j"] - 1], 1, c["n"])),
            I(r"-\sum_{i=1}^{n} \frac{y_i x_{ij}}{1 + e^{y_i \mathbf{w}^\top \mathbf{x}_i}}",
              lambda c: -S(lambda i: c["y"][i - 1] * xs(c)[i - 1][c["j"] - 1] / (1 + ex(marg(c, i))), 1, c["n"])),
        ], ctxs=lab),
        Chain("pe", [
            I(r"-y_i\,\sigma(-y_i z_i)", lambda c: -c["y"] * sig(-c["y"] * zs)),
            I(r"\sigma(z_i) - t_i", lambda c: sig(zs) - tt(c)),
        ], ctxs=ypm),
        Chain("hess", [
            I(r"\frac{\partial^2 L}{\partial w_j\,\partial w_k}", lambda c: sp.diff(L(c), w[c["j"] - 1], w[c["k"] - 1])),
            I(r"\sum_{i=1}^{n} \phi''(m_i)\, y_i^{2}\, x_{ij} x_{ik}",
              lambda c: S(lambda i: d2phi(marg(c, i)) * c["y"][i - 1] ** 2 * xs(c)[i - 1][c["j"] - 1] * xs(c)[i - 1][c["k"] - 1], 1, c["n"])),
            I(r"\sum_{i=1}^{n} \sigma(m_i)\,\sigma(-m_i)\, x_{ij} x_{ik}",
              lambda c: S(lambda i: sig(marg(c, i)) * sig(-marg(c, i)) * xs(c)[i - 1][c["j"] - 1] * xs(c)[i - 1][c["k"] - 1], 1, c["n"])),
        ], ctxs=lab2),
        Chain("num", [
            I(r"\frac{\partial L}{\partial w}\Big|_{w=0}", const(sp.diff(Ln, w1).subs(w1, 0))),
            I(r"-\Bigl(\tfrac{1}{2}\cdot 1 \cdot 1 + \tfrac{1}{2}\cdot(-1)\cdot 2\Bigr)", const(-(half * 1 * 1 + half * (-1) * 2))),
            I(r"\frac{1}{2}", const(half)),
        ]),
        Chain("L0", [
            I(r"L(0)", const(Ln.subs(w1, 0))),
            I(r"\log 2 + \log 2", const(ln(2) + ln(2))),
            I(r"2\log 2", const(2 * ln(2))),
        ]),
    ]
    doc = Doc("logistic_loss_pm1_notebook.md", chains)
    wrong = (r"\sum_{i=1}^{n} \phi''(m_i)\, y_i\, x_{ij} x_{ik}",
             lambda c: S(lambda i: d2phi(marg(c, i)) * c["y"][i - 1] * xs(c)[i - 1][c["j"] - 1] * xs(c)[i - 1][c["k"] - 1], 1, c["n"]))
    return with_plant(doc, r"\phi''(m_i)\, y_i^{2}\,", r"\phi''(m_i)\, y_i\,", "hess", 1, wrong,
                      "wrong exponent: y_i for y_i^2 in the Hessian")


# ---------------------------------------------------------------------------
# family 4: least squares
def least_squares_ridge_exam():
    lam = P("lambda", 0.1, 2.0)
    w, b = R("w"), R("b")
    x = lambda c: vec("x", c["n"])  # noqa: E731
    y = lambda c: vec("y", c["n"])  # noqa: E731
    xb = lambda c: mean(x(c))  # noqa: E731
    yb = lambda c: mean(y(c))  # noqa: E731
    L = lambda c: S(lambda i: (y(c)[i - 1] - w * x(c)[i - 1] - b) ** 2, 1, c["n"])  # noqa: E731
    sxy = lambda c: S(lambda i: (x(c)[i - 1] - xb(c)) * (y(c)[i - 1] - yb(c)), 1, c["n"])  # noqa: E731
    sxx = lambda c: S(lambda i: (x(c)[i - 1] - xb(c)) ** 2, 1, c["n"])  # noqa: E731
    wh = lambda c: sxy(c) / sxx(c)  # noqa: E731
    bh = lambda c: yb(c) - wh(c) * xb(c)  # noqa: E731
    Ll = lambda c: S(lambda i: (y(c)[i - 1] - w * x(c)[i - 1]) ** 2, 1, c["n"]) + lam * w ** 2  # noqa: E731
    n14, n24 = sizes(1, 4), sizes(2, 4)
    xs_, ys_ = [1, 2, 3], [2, 3, 7]
    whn = sp.Rational(sum((a - 2) * (bb - 4) for a, bb in zip(xs_, ys_)), sum((a - 2) ** 2 for a in xs_))
    chains = [
        Chain("L", [
            I(r"L(w, b)", L),
            I(r"\sum_{i=1}^{n} \bigl(y_i - w x_i - b\bigr)^2", L),
        ], "def", sizes(2, 3)),
        Chain("db", [
            I(r"\frac{\partial L}{\partial b}", lambda c: sp.diff(L(c), b)),
            I(r"-2\sum_{i=1}^{n}\bigl(y_i - w x_i - b\bigr)", lambda c: -2 * S(lambda i: y(c)[i - 1] - w * x(c)[i - 1] - b, 1, c["n"])),
            I(r"-2\Bigl(\sum_{i=1}^{n} y_i - w\sum_{i=1}^{n} x_i - n b\Bigr)",
              lambda c: -2 * (sum(y(c)) - w * sum(x(c)) - c["n"] * b)),
        ], ctxs=n14),
        Chain("dw", [
            I(r"\frac{\partial L}{\partial w}", lambda c: sp.diff(L(c), w)),
            I(r"-2\sum_{i=1}^{n} x_i\bigl(y_i - w x_i - b\bigr)", lambda c: -2 * S(lambda i: x(c)[i - 1] * (y(c)[i - 1] - w * x(c)[i - 1] - b), 1, c["n"])),
            I(r"-2\Bigl(\sum_{i=1}^{n} x_i y_i - w\sum_{i=1}^{n} x_i^2 - b\sum_{i=1}^{n} x_i\Bigr)",
              lambda c: -2 * (S(lambda i: x(c)[i - 1] * y(c)[i - 1], 1, c["n"]) - w * S(lambda i: x(c)[i - 1] ** 2, 1, c["n"]) - b * sum(x(c)))),
        ], ctxs=n14),
        Chain("bhat", [
            I(r"\hat{b}", bh),
            I(r"\bar{y} - \hat{w}\,\bar{x}", lambda c: yb(c) - wh(c) * xb(c)),
        ], "def", n24),
        Chain("what", [
            I(r"\hat{w}", wh),
            I(r"\frac{\sum_{i=1}^{n} (x_i - \bar{x})(y_i - \bar{y})}{\sum_{i=1}^{n} (x_i - \bar{x})^2}", wh),
        ], "def", n24),
        Chain("cxy", [
            I(r"\sum_{i=1}^{n} (x_i - \bar{x})(y_i - \bar{y})", sxy),
            I(r"\sum_{i=1}^{n} x_i y_i - n\,\bar{x}\,\bar{y}", lambda c: S(lambda i: x(c)[i - 1] * y(c)[i - 1], 1, c["n"]) - c["n"] * xb(c) * yb(c)),
        ], ctxs=n14),
        Chain("cxx", [
            I(r"\sum_{i=1}^{n} (x_i - \bar{x})^2", sxx),
            I(r"\sum_{i=1}^{n} x_i^2 - n\,\bar{x}^2", lambda c: S(lambda i: x(c)[i - 1] ** 2, 1, c["n"]) - c["n"] * xb(c) ** 2),
        ], ctxs=n14),
        Chain("check", [
            I(r"\frac{\partial L}{\partial b}\Big|_{(\hat{w}, \hat{b})}", lambda c: sp.diff(L(c), b).subs({w: wh(c), b: bh(c)})),
            I(r"-2\bigl(n\bar{y} - \hat{w}\, n\bar{x} - n\hat{b}\bigr)", lambda c: -2 * (c["n"] * yb(c) - wh(c) * c["n"] * xb(c) - c["n"] * bh(c))),
            I(r"0", const(0)),
        ], ctxs=n24),
        Chain("Llam", [
            I(r"L_\lambda(w)", Ll),
            I(r"\sum_{i=1}^{n} (y_i - w x_i)^2 + \lambda w^2", Ll),
        ], "def", sizes(2, 3)),
        Chain("dLlam", [
            I(r"\frac{d L_\lambda}{d w}", lambda c: sp.diff(Ll(c), w)),
            I(r"-2\sum_{i=1}^{n} x_i\,(y_i - w x_i) + 2\lambda w",
              lambda c: -2 * S(lambda i: x(c)[i - 1] * (y(c)[i - 1] - w * x(c)[i - 1]), 1, c["n"]) + 2 * lam * w),
            I(r"2\Bigl(w\Bigl(\sum_{i=1}^{n} x_i^2 + \lambda\Bigr) - \sum_{i=1}^{n} x_i y_i\Bigr)",
              lambda c: 2 * (w * (S(lambda i: x(c)[i - 1] ** 2, 1, c["n"]) + lam) - S(lambda i: x(c)[i - 1] * y(c)[i - 1], 1, c["n"]))),
        ], ctxs=n14),
        Chain("wlam", [
            I(r"\hat{w}_\lambda", lambda c: S(lambda i: x(c)[i - 1] * y(c)[i - 1], 1, c["n"]) / (S(lambda i: x(c)[i - 1] ** 2, 1, c["n"]) + lam)),
            I(r"\frac{\sum_{i=1}^{n} x_i y_i}{\sum_{i=1}^{n} x_i^2 + \lambda}",
              lambda c: S(lambda i: x(c)[i - 1] * y(c)[i - 1], 1, c["n"]) / (S(lambda i: x(c)[i - 1] ** 2, 1, c["n"]) + lam)),
        ], "def", sizes(1, 3)),
        Chain("num_w", [
            I(r"\hat{w}", const(whn)),
            I(r"\frac{(-1)(-2) + 0\cdot(-1) + 1\cdot 3}{(-1)^2 + 0^2 + 1^2}", const(sp.Rational((-1) * (-2) + 0 * (-1) + 1 * 3, 1 + 0 + 1))),
            I(r"\frac{5}{2}", const(rat(5, 2))),
        ]),
        Chain("num_b", [
            I(r"\hat{b}", const(4 - whn * 2)),
            I(r"4 - \frac{5}{2}\cdot 2", const(4 - rat(5, 2) * 2)),
            I(r"-1", const(-1)),
        ]),
        Chain("num_wl", [
            I(r"\hat{w}_\lambda", const(sp.Rational(sum(a * bb for a, bb in zip(xs_, ys_)), sum(a * a for a in xs_) + 1))),
            I(r"\frac{1\cdot 2 + 2\cdot 3 + 3\cdot 7}{1 + 4 + 9 + 1}", const(rat(1 * 2 + 2 * 3 + 3 * 7, 1 + 4 + 9 + 1))),
            I(r"\frac{29}{15}", const(rat(29, 15))),
        ]),
    ]
    doc = Doc("least_squares_ridge_exam.tex", chains)
    wrong = (r"-2\sum_{i=1}^{n} x_i\,(y_i - w x_i) + 4\lambda w",
             lambda c: -2 * S(lambda i: x(c)[i - 1] * (y(c)[i - 1] - w * x(c)[i - 1]), 1, c["n"]) + 4 * lam * w)
    return with_plant(doc, r"x_i\,(y_i - w x_i) + 2\lambda w", r"x_i\,(y_i - w x_i) + 4\lambda w", "dLlam", 1, wrong,
                      "wrong constant: 4 lambda w for 2 lambda w")


def normal_equations_forum_answer():
    def Xm(c):
        return [vec("x%d" % i, c["d"]) for i in range(1, c["n"] + 1)]

    y = lambda c: vec("y", c["n"])  # noqa: E731
    w = lambda c: vec("w", c["d"])  # noqa: E731

    def pred(c, i):
        return sum(Xm(c)[i - 1][k] * w(c)[k] for k in range(c["d"]))

    L = lambda c: half * S(lambda i: (pred(c, i) - y(c)[i - 1]) ** 2, 1, c["n"])  # noqa: E731
    G = lambda c, j, k: S(lambda i: Xm(c)[i - 1][j - 1] * Xm(c)[i - 1][k - 1], 1, c["n"])  # noqa: E731
    tv = lambda c, j: S(lambda i: Xm(c)[i - 1][j - 1] * y(c)[i - 1], 1, c["n"])  # noqa: E731
    shapes = [(n, 2) for n in range(1, 5)] + [(3, 1), (3, 3)]
    cj = [dict(n=n, d=d, j=j) for n, d in shapes for j in range(1, d + 1)]
    cjk = [dict(n=n, d=d, j=j, k=k) for n, d in shapes for j in range(1, d + 1) for k in range(1, d + 1)]
    c2 = [dict(n=n, d=2) for n in range(2, 5)]
    det = lambda c: G(c, 1, 1) * G(c, 2, 2) - G(c, 1, 2) ** 2  # noqa: E731
    w1h = lambda c: (G(c, 2, 2) * tv(c, 1) - G(c, 1, 2) * tv(c, 2)) / det(c)  # noqa: E731
    w2h = lambda c: (G(c, 1, 1) * tv(c, 2) - G(c, 1, 2) * tv(c, 1)) / det(c)  # noqa: E731
    # the example: rows (1, 0), (1, 1), (1, 2); y = (1, 1, 3)
    Xn = sp.Matrix([[1, 0], [1, 1], [1, 2]])
    yn = sp.Matrix([1, 1, 3])
    wn = (Xn.T * Xn).LUsolve(Xn.T * yn)
    chains = [
        Chain("L", [
            I(r"L(\mathbf{w})", L),
            I(r"\frac{1}{2}\sum_{i=1}^{n}\Bigl(\sum_{k=1}^{d} x_{ik} w_k - y_i\Bigr)^2", L),
        ], "def", [dict(n=2, d=2)]),
        Chain("grad", [
            I(r"\frac{\partial L}{\partial w_j}", lambda c: sp.diff(L(c), w(c)[c["j"] - 1])),
            I(r"\sum_{i=1}^{n}\Bigl(\sum_{k=1}^{d} x_{ik} w_k - y_i\Bigr)\frac{\partial}{\partial w_j}\sum_{k=1}^{d} x_{ik} w_k",
              lambda c: S(lambda i: (pred(c, i) - y(c)[i - 1]) * sp.diff(pred(c, i), w(c)[c["j"] - 1]), 1, c["n"])),
            I(r"\sum_{i=1}^{n}\Bigl(\sum_{k=1}^{d} x_{ik} w_k - y_i\Bigr) x_{ij}",
              lambda c: S(lambda i: (pred(c, i) - y(c)[i - 1]) * Xm(c)[i - 1][c["j"] - 1], 1, c["n"])),
            I(r"\sum_{k=1}^{d}\Bigl(\sum_{i=1}^{n} x_{ij} x_{ik}\Bigr) w_k - \sum_{i=1}^{n} x_{ij} y_i",
              lambda c: S(lambda k: G(c, c["j"], k) * w(c)[k - 1], 1, c["d"]) - tv(c, c["j"])),
            I(r"\bigl(X^\top X\mathbf{w} - X^\top\mathbf{y}\bigr)_j",
              lambda c: (sp.Matrix(Xm(c)).T * sp.Matrix(Xm(c)) * sp.Matrix(w(c)) - sp.Matrix(Xm(c)).T * sp.Matrix(y(c)))[c["j"] - 1]),
        ], ctxs=cj),
        Chain("hess", [
            I(r"\frac{\partial^2 L}{\partial w_j\,\partial w_k}", lambda c: sp.diff(L(c), w(c)[c["j"] - 1], w(c)[c["k"] - 1])),
            I(r"\sum_{i=1}^{n} x_{ij} x_{ik}", lambda c: G(c, c["j"], c["k"])),
            I(r"(X^\top X)_{jk}", lambda c: (sp.Matrix(Xm(c)).T * sp.Matrix(Xm(c)))[c["j"] - 1, c["k"] - 1]),
        ], ctxs=cjk),
        Chain("S", [
            I(r"S_{jk}", lambda c: G(c, c["j"], c["k"])),
            I(r"\sum_{i=1}^{n} x_{ij} x_{ik}", lambda c: G(c, c["j"], c["k"])),
        ], "def", [dict(n=3, d=2, j=1, k=2)]),
        Chain("t", [
            I(r"t_j", lambda c: tv(c, c["j"])),
            I(r"\sum_{i=1}^{n} x_{ij} y_i", lambda c: tv(c, c["j"])),
        ], "def", [dict(n=3, d=2, j=1)]),
        Chain("w1", [
            I(r"\hat{w}_1", w1h),
            I(r"\frac{S_{22} t_1 - S_{12} t_2}{S_{11} S_{22} - S_{12}^2}", w1h),
        ], "def", c2),
        Chain("w2", [
            I(r"\hat{w}_2", w2h),
            I(r"\frac{S_{11} t_2 - S_{12} t_1}{S_{11} S_{22} - S_{12}^2}", w2h),
        ], "def", c2),
        Chain("check", [
            I(r"S_{11}\hat{w}_1 + S_{12}\hat{w}_2", lambda c: G(c, 1, 1) * w1h(c) + G(c, 1, 2) * w2h(c)),
            I(r"\frac{S_{11}S_{22}t_1 - S_{12}^2 t_1}{S_{11} S_{22} - S_{12}^2}",
              lambda c: (G(c, 1, 1) * G(c, 2, 2) * tv(c, 1) - G(c, 1, 2) ** 2 * tv(c, 1)) / det(c)),
            I(r"t_1", lambda c: tv(c, 1)),
        ], ctxs=c2),
        Chain("num1", [
            I(r"\hat{w}_1", const(wn[0])),
            I(r"\frac{5\cdot 5 - 3\cdot 7}{3\cdot 5 - 3^2}", const(rat(5 * 5 - 3 * 7, 3 * 5 - 9))),
            I(r"\frac{4}{6}", const(rat(4, 6))),
            I(r"\frac{2}{3}", const(rat(2, 3))),
        ]),
        Chain("num2", [
            I(r"\hat{w}_2", const(wn[1])),
            I(r"\frac{3\cdot 7 - 3\cdot 5}{6}", const(rat(3 * 7 - 3 * 5, 6))),
            I(r"1", const(1)),
        ]),
    ]
    assert (Xn.T * Xn)[0, 0] == 3 and (Xn.T * Xn)[0, 1] == 3 and (Xn.T * Xn)[1, 1] == 5
    assert list(Xn.T * yn) == [5, 7]
    doc = Doc("normal_equations_forum_answer.md", chains)
    wrong = (r"\sum_{k=1}^{d}\Bigl(\sum_{i=1}^{n} x_{ij} x_{ij}\Bigr) w_k - \sum_{i=1}^{n} x_{ij} y_i",
             lambda c: S(lambda k: G(c, c["j"], c["j"]) * w(c)[k - 1], 1, c["d"]) - tv(c, c["j"]))
    return with_plant(doc, r"\Bigl(\sum_{i=1}^{n} x_{ij} x_{ik}\Bigr) w_k", r"\Bigl(\sum_{i=1}^{n} x_{ij} x_{ij}\Bigr) w_k",
                      "grad", 3, wrong, "wrong index: x_{ij} x_{ij} for x_{ij} x_{ik} in the Gram entry")


# ---------------------------------------------------------------------------
# family 5: Gaussian MLE
def gaussian_mle_variance_parameter():
    mu = R("mu", -1.5, 1.5)
    v = P("v", 0.3, 2.0)
    x = lambda c: vec("x", c["n"])  # noqa: E731
    xb = lambda c: mean(x(c))  # noqa: E731
    ss = lambda c, m: S(lambda i: (x(c)[i - 1] - m) ** 2, 1, c["n"])  # noqa: E731
    Lk = lambda c: sp.Mul(*[1 / sp.sqrt(2 * sp.pi * v) * ex(-(xi - mu) ** 2 / (2 * v)) for xi in x(c)])  # noqa: E731
    ell = lambda c: ln(Lk(c))  # noqa: E731
    ellc = lambda c: -sp.Rational(c["n"], 2) * ln(2 * sp.pi) - sp.Rational(c["n"], 2) * ln(v) - ss(c, mu) / (2 * v)  # noqa: E731
    vh = lambda c: ss(c, xb(c)) / c["n"]  # noqa: E731
    n14, n24 = sizes(1, 4), sizes(2, 4)
    dat = [3, 5, 7, 9]
    vhn = sp.Rational(sum((t - 6) ** 2 for t in dat), 4)
    ell_num = sum(-half * ln(2 * sp.pi * vhn) - sp.Rational((t - 6) ** 2, 1) / (2 * vhn) for t in dat)
    chains = [
        Chain("L", [
            I(r"L(\mu, \sigma^2)", Lk),
            I(r"\prod_{i=1}^{n} \frac{1}{\sqrt{2\pi\sigma^2}} \exp\Bigl(-\frac{(x_i - \mu)^2}{2\sigma^2}\Bigr)", Lk),
        ], "def", sizes(1, 2)),
        Chain("ell", [
            I(r"\ell(\mu, \sigma^2)", ell),
            I(r"\log L(\mu, \sigma^2)", ell),
            I(r"-\frac{n}{2}\log(2\pi) - \frac{n}{2}\log\sigma^2 - \frac{1}{2\sigma^2}\sum_{i=1}^{n} (x_i - \mu)^2", ellc),
        ], ["def", "id"], n14),
        Chain("dmu", [
            I(r"\frac{\partial \ell}{\partial \mu}", lambda c: sp.diff(ellc(c), mu)),
            I(r"\frac{1}{\sigma^2}\sum_{i=1}^{n} (x_i - \mu)", lambda c: S(lambda i: x(c)[i - 1] - mu, 1, c["n"]) / v),
            I(r"\frac{n}{\sigma^2}(\bar{x} - \mu)", lambda c: c["n"] / v * (xb(c) - mu)),
        ], ctxs=n14),
        Chain("dv", [
            I(r"\frac{\partial \ell}{\partial \sigma^2}", lambda c: sp.diff(ell(c), v)),
            I(r"-\frac{n}{2\sigma^2} + \frac{1}{2(\sigma^2)^2}\sum_{i=1}^{n} (x_i - \mu)^2", lambda c: -c["n"] / (2 * v) + ss(c, mu) / (2 * v ** 2)),
            I(r"\frac{1}{2\sigma^4}\Bigl(\sum_{i=1}^{n} (x_i - \mu)^2 - n\sigma^2\Bigr)", lambda c: (ss(c, mu) - c["n"] * v) / (2 * v ** 2)),
        ], ctxs=n14),
        Chain("muhat", [
            I(r"\hat{\mu}", xb),
            I(r"\bar{x}", xb),
        ], "def", n24),
        Chain("vhat", [
            I(r"\hat{\sigma}^2", vh),
            I(r"\frac{1}{n}\sum_{i=1}^{n} (x_i - \bar{x})^2", vh),
        ], "def", n24),
        Chain("d2mu", [
            I(r"\frac{\partial^2 \ell}{\partial \mu^2}", lambda c: sp.diff(ellc(c), mu, 2)),
            I(r"-\frac{n}{\sigma^2}", lambda c: -c["n"] / v),
        ], ctxs=n14),
        Chain("d2mix", [
            I(r"\frac{\partial^2 \ell}{\partial \mu\,\partial \sigma^2}", lambda c: sp.diff(ellc(c), mu, v)),
            I(r"-\frac{1}{\sigma^4}\sum_{i=1}^{n} (x_i - \mu)", lambda c: -S(lambda i: x(c)[i - 1] - mu, 1, c["n"]) / v ** 2),
            I(r"-\frac{n}{\sigma^4}(\bar{x} - \mu)", lambda c: -c["n"] / v ** 2 * (xb(c) - mu)),
        ], ctxs=n14),
        Chain("d2v", [
            I(r"\frac{\partial^2 \ell}{\partial (\sigma^2)^2}", lambda c: sp.diff(ellc(c), v, 2)),
            I(r"\frac{n}{2\sigma^4} - \frac{1}{\sigma^6}\sum_{i=1}^{n} (x_i - \mu)^2", lambda c: c["n"] / (2 * v ** 2) - ss(c, mu) / v ** 3),
        ], ctxs=n14),
        Chain("mixhat", [
            I(r"\frac{\partial^2 \ell}{\partial \mu\,\partial \sigma^2}\Big|_{\mu = \hat{\mu}}", lambda c: sp.diff(ellc(c), mu, v).subs(mu, xb(c))),
            I(r"-\frac{n}{\sigma^4}(\bar{x} - \bar{x})", lambda c: -c["n"] / v ** 2 * (xb(c) - xb(c))),
            I(r"0", const(0)),
        ], ctxs=n24),
        Chain("vvhat", [
            I(r"\frac{\partial^2 \ell}{\partial (\sigma^2)^2}\Big|_{\mu = \hat{\mu},\, \sigma^2 = \hat{\sigma}^2}",
              lambda c: sp.diff(ellc(c), v, 2).subs({mu: xb(c)}).subs({v: vh(c)})),
            I(r"\frac{n}{2\hat{\sigma}^4} - \frac{n\hat{\sigma}^2}{\hat{\sigma}^6}", lambda c: c["n"] / (2 * vh(c) ** 2) - c["n"] * vh(c) / vh(c) ** 3),
            I(r"-\frac{n}{2\hat{\sigma}^4}", lambda c: -c["n"] / (2 * vh(c) ** 2)),
        ], ctxs=n24),
        Chain("num", [
            I(r"\hat{\sigma}^2", const(vhn)),
            I(r"\frac{(3 - 6)^2 + (5 - 6)^2 + (7 - 6)^2 + (9 - 6)^2}{4}", const(rat(9 + 1 + 1 + 9, 4))),
            I(r"\frac{20}{4}", const(rat(20, 4))),
            I(r"5", const(5)),
        ]),
        Chain("ellnum", [
            I(r"\ell(6, 5)", const(ell_num)),
            I(r"-2\log(10\pi) - 2", const(-2 * ln(10 * sp.pi) - 2)),
        ]),
    ]
    doc = Doc("gaussian_mle_variance_parameter.tex", chains)
    wrong = (r"-\frac{n}{2\sigma^2} + \frac{1}{2(\sigma^2)^3}\sum_{i=1}^{n} (x_i - \mu)^2",
             lambda c: -c["n"] / (2 * v) + ss(c, mu) / (2 * v ** 3))
    return with_plant(doc, r"\frac{1}{2(\sigma^2)^2}", r"\frac{1}{2(\sigma^2)^3}", "dv", 1, wrong,
                      "wrong exponent: (sigma^2)^3 for (sigma^2)^2 in the variance score")


def gaussian_sigma_study_group():
    mu = R("mu", -1.5, 1.5)
    sg = P("sigma", 0.3, 2.0)
    x = lambda c: vec("x", c["n"])  # noqa: E731
    xb = lambda c: mean(x(c))  # noqa: E731
    ss = lambda c, m: S(lambda i: (x(c)[i - 1] - m) ** 2, 1, c["n"])  # noqa: E731
    ell = lambda c: -c["n"] * ln(sg) - sp.Rational(c["n"], 2) * ln(2 * sp.pi) - ss(c, mu) / (2 * sg ** 2)  # noqa: E731
    sh = lambda c: sp.sqrt(ss(c, xb(c)) / c["n"])  # noqa: E731
    n14, n24 = sizes(1, 4), sizes(2, 4)
    Xs = lambda c: vec("X", c["n"])  # noqa: E731
    ellX = lambda c: -c["n"] * ln(sg) - sp.Rational(c["n"], 2) * ln(2 * sp.pi) - S(lambda i: (Xs(c)[i - 1] - mu) ** 2, 1, c["n"]) / (2 * sg ** 2)  # noqa: E731
    EE = lambda c, e: E_iid(e, Xs(c), gauss_moments(mu, sg ** 2))  # noqa: E731
    d2s_X = lambda c: sp.diff(ellX(c), sg, 2)  # noqa: E731
    d2ms_X = lambda c: sp.diff(ellX(c), mu, sg)  # noqa: E731
    sh_num = sp.sqrt(sp.Rational(9 + 1 + 0 + 16, 4))
    chains = [
        Chain("ell", [
            I(r"\ell(\mu, \sigma)", ell),
            I(r"-n\log\sigma - \frac{n}{2}\log(2\pi) - \frac{1}{2\sigma^2}\sum_{i=1}^{n}(x_i - \mu)^2", ell),
        ], "def", sizes(1, 2)),
        Chain("dmu", [
            I(r"\partial_\mu \ell", lambda c: sp.diff(ell(c), mu)),
            I(r"\frac{1}{\sigma^2}\sum_{i=1}^{n}(x_i - \mu)", lambda c: S(lambda i: x(c)[i - 1] - mu, 1, c["n"]) / sg ** 2),
        ], ctxs=n14),
        Chain("ds", [
            I(r"\partial_\sigma \ell", lambda c: sp.diff(ell(c), sg)),
            I(r"-\frac{n}{\sigma} + \frac{1}{\sigma^3}\sum_{i=1}^{n}(x_i - \mu)^2", lambda c: -c["n"] / sg + ss(c, mu) / sg ** 3),
            I(r"\frac{1}{\sigma^3}\Bigl(\sum_{i=1}^{n}(x_i - \mu)^2 - n\sigma^2\Bigr)", lambda c: (ss(c, mu) - c["n"] * sg ** 2) / sg ** 3),
        ], ctxs=n14),
        Chain("muhat", [
            I(r"\hat{\mu}", xb),
            I(r"\bar{x}", xb),
        ], "def", n24),
        Chain("shat", [
            I(r"\hat{\sigma}", sh),
            I(r"\sqrt{\frac{1}{n}\sum_{i=1}^{n}(x_i - \bar{x})^2}", sh),
        ], "def", n24),
        Chain("check", [
            I(r"\partial_\sigma \ell\,\big|_{\mu = \bar{x},\ \sigma = \hat{\sigma}}", lambda c: sp.diff(ell(c), sg).subs(mu, xb(c)).subs(sg, sh(c))),
            I(r"\frac{1}{\hat{\sigma}^3}\bigl(n\hat{\sigma}^2 - n\hat{\sigma}^2\bigr)", lambda c: (c["n"] * sh(c) ** 2 - c["n"] * sh(c) ** 2) / sh(c) ** 3),
            I(r"0", const(0)),
        ], ctxs=n24),
        Chain("d2mu", [
            I(r"\partial_\mu^2 \ell", lambda c: sp.diff(ell(c), mu, 2)),
            I(r"-\frac{n}{\sigma^2}", lambda c: -c["n"] / sg ** 2),
        ], ctxs=n14),
        Chain("d2mix", [
            I(r"\partial_\sigma\partial_\mu \ell", lambda c: sp.diff(ell(c), mu, sg)),
            I(r"-\frac{2}{\sigma^3}\sum_{i=1}^{n}(x_i - \mu)", lambda c: -2 * S(lambda i: x(c)[i - 1] - mu, 1, c["n"]) / sg ** 3),
        ], ctxs=n14),
        Chain("d2s", [
            I(r"\partial_\sigma^2 \ell", lambda c: sp.diff(ell(c), sg, 2)),
            I(r"\frac{n}{\sigma^2} - \frac{3}{\sigma^4}\sum_{i=1}^{n}(x_i - \mu)^2", lambda c: c["n"] / sg ** 2 - 3 * ss(c, mu) / sg ** 4),
        ], ctxs=n14),
        Chain("Iss", [
            I(r"I_{\sigma\sigma}", lambda c: 2 * c["n"] / sg ** 2),
            I(r"-\mathbb{E}\bigl[\partial_\sigma^2 \ell\bigr]", lambda c: -EE(c, d2s_X(c))),
            I(r"-\frac{n}{\sigma^2} + \frac{3}{\sigma^4}\cdot n\sigma^2", lambda c: -c["n"] / sg ** 2 + 3 / sg ** 4 * c["n"] * sg ** 2),
            I(r"\frac{2n}{\sigma^2}", lambda c: 2 * c["n"] / sg ** 2),
        ], ["def", "id", "id"], n14),
        Chain("Ims", [
            I(r"I_{\mu\sigma}", const(0)),
            I(r"-\mathbb{E}\bigl[\partial_\sigma\partial_\mu \ell\bigr]", lambda c: -EE(c, d2ms_X(c))),
            I(r"\frac{2}{\sigma^3}\sum_{i=1}^{n}\mathbb{E}[X_i - \mu]", lambda c: 2 / sg ** 3 * S(lambda i: EE(c, Xs(c)[i - 1] - mu), 1, c["n"])),
            I(r"0", const(0)),
        ], ["def", "id", "id"], n14),
        Chain("numshat", [
            I(r"\hat{\sigma}", const(sh_num)),
            I(r"\sqrt{\frac{9 + 1 + 0 + 16}{4}}", const(sp.sqrt(rat(26, 4)))),
            I(r"\sqrt{6.5}", const(sp.sqrt(rat(13, 2)))),
        ]),
        Chain("numI", [
            I(r"I_{\sigma\sigma}(\hat{\sigma})", const(2 * 4 / sh_num ** 2)),
            I(r"\frac{2\cdot 4}{6.5}", const(2 * 4 / rat(13, 2))),
            I(r"\frac{16}{13}", const(rat(16, 13))),
        ]),
    ]
    assert [t - 4 for t in [1, 3, 4, 8]] == [-3, -1, 0, 4]
    doc = Doc("gaussian_sigma_study_group.md", chains)
    wrong = (r"\frac{n}{\sigma} + \frac{1}{\sigma^3}\sum_{i=1}^{n}(x_i - \mu)^2", lambda c: c["n"] / sg + ss(c, mu) / sg ** 3)
    return with_plant(doc, r"= -\frac{n}{\sigma} + \frac{1}{\sigma^3}", r"= \frac{n}{\sigma} + \frac{1}{\sigma^3}", "ds", 1, wrong,
                      "sign: + n/sigma for - n/sigma in the sigma score")


# ---------------------------------------------------------------------------
# family 6: variance and covariance identities
def variance_identities_handout():
    a, b = R("a"), R("b")
    muX = E(X)
    muY = E(Y)
    mu = R("mu")
    s2 = P("sigma2", 0.3, 2.0)
    Xs = lambda c: vec("X", c["n"])  # noqa: E731
    mom2 = two_moments(mu, s2)
    Ei = lambda c, e: E_iid(e, Xs(c), mom2)  # noqa: E731
    Xbar = lambda c: mean(Xs(c))  # noqa: E731
    unif = [0, 1, 2]
    EXu = sp.Rational(sum(unif), 3)
    VXu = sp.Rational(sum(t * t for t in unif), 3) - EXu ** 2
    n14, n24 = sizes(1, 4), sizes(2, 4)
    chains = [
        Chain("shortcut", [
            I(r"\Var(X)", lambda c: Var(X)),
            I(r"\E\bigl[(X - \mu)^2\bigr]", lambda c: E((X - muX) ** 2)),
            I(r"\E\bigl[X^2 - 2\mu X + \mu^2\bigr]", lambda c: E(X ** 2 - 2 * muX * X + muX ** 2)),
            I(r"\E[X^2] - 2\mu\,\E[X] + \mu^2", lambda c: E(X ** 2) - 2 * muX * E(X) + muX ** 2),
            I(r"\E[X^2] - \bigl(\E[X]\bigr)^2", lambda c: E(X ** 2) - E(X) ** 2),
        ], ["def", "id", "id", "id"]),
        Chain("affine", [
            I(r"\Var(aX + b)", lambda c: Var(a * X + b)),
            I(r"\E\bigl[(aX + \cancel{b} - a\mu - \cancel{b})^2\bigr]", lambda c: E((a * X + b - a * muX - b) ** 2)),
            I(r"a^2\Var(X)", lambda c: a ** 2 * Var(X)),
        ]),
        Chain("cov", [
            I(r"\Cov(X, Y)", lambda c: Cov(X, Y)),
            I(r"\E\bigl[(X - \mu_X)(Y - \mu_Y)\bigr]", lambda c: E((X - muX) * (Y - muY))),
            I(r"\E[XY] - \mu_X\E[Y] - \mu_Y\E[X] + \mu_X\mu_Y", lambda c: E(X * Y) - muX * E(Y) - muY * E(X) + muX * muY),
            I(r"\E[XY] - \E[X]\,\E[Y]", lambda c: E(X * Y) - E(X) * E(Y)),
        ], ["def", "id", "id"]),
        Chain("sum", [
            I(r"\Var(X + Y)", lambda c: Var(X + Y)),
            I(r"\E\bigl[(X - \mu_X + Y - \mu_Y)^2\bigr]", lambda c: E((X - muX + Y - muY) ** 2)),
            I(r"\E\bigl[(X - \mu_X)^2\bigr] + 2\,\E\bigl[(X - \mu_X)(Y - \mu_Y)\bigr] + \E\bigl[(Y - \mu_Y)^2\bigr]",
              lambda c: E((X - muX) ** 2) + 2 * E((X - muX) * (Y - muY)) + E((Y - muY) ** 2)),
            I(r"\Var(X) + 2\Cov(X, Y) + \Var(Y)", lambda c: Var(X) + 2 * Cov(X, Y) + Var(Y)),
        ]),
        Chain("indep", [
            I(r"\Var(X + Y)", lambda c: Var_ind(X + Y)),
            I(r"\Var(X) + \Var(Y)", lambda c: Var_ind(X) + Var_ind(Y)),
        ]),
        Chain("xbar", [
            I(r"\Var(\bar{X})", lambda c: Var_iid(Xbar(c), Xs(c), mom2)),
            I(r"\frac{1}{n^2}\Var\Bigl(\sum_{i=1}^{n} X_i\Bigr)", lambda c: Var_iid(sum(Xs(c)), Xs(c), mom2) / c["n"] ** 2),
            I(r"\frac{1}{n^2}\sum_{i=1}^{n}\Var(X_i)", lambda c: S(lambda i: Var_iid(Xs(c)[i - 1], Xs(c), mom2), 1, c["n"]) / c["n"] ** 2),
            I(r"\frac{\sigma^2}{n}", lambda c: s2 / c["n"]),
        ], ctxs=n14),
        Chain("bias", [
            I(r"\E\Bigl[\sum_{i=1}^{n}(X_i - \bar{X})^2\Bigr]", lambda c: Ei(c, S(lambda i: (Xs(c)[i - 1] - Xbar(c)) ** 2, 1, c["n"]))),
            I(r"\E\Bigl[\sum_{i=1}^{n} X_i^2 - n\bar{X}^2\Bigr]", lambda c: Ei(c, S(lambda i: Xs(c)[i - 1] ** 2, 1, c["n"]) - c["n"] * Xbar(c) ** 2)),
            I(r"n(\sigma^2 + \mu^2) - n\Bigl(\frac{\sigma^2}{n} + \mu^2\Bigr)", lambda c: c["n"] * (s2 + mu ** 2) - c["n"] * (s2 / c["n"] + mu ** 2)),
            I(r"(n - 1)\sigma^2", lambda c: (c["n"] - 1) * s2),
        ], ctxs=n24),
        Chain("biasS", [
            I(r"\E[S_n^2] - \sigma^2", lambda c: Ei(c, S(lambda i: (Xs(c)[i - 1] - Xbar(c)) ** 2, 1, c["n"]) / c["n"]) - s2),
            I(r"\frac{n - 1}{n}\sigma^2 - \sigma^2", lambda c: sp.Rational(c["n"] - 1, c["n"]) * s2 - s2),
            I(r"-\frac{\sigma^2}{n}", lambda c: -s2 / c["n"]),
        ], ctxs=n24),
        Chain("ex1", [
            I(r"\Var(X)", const(VXu)),
            I(r"\frac{0 + 1 + 4}{3} - 1^2", const(rat(5, 3) - 1)),
            I(r"\frac{2}{3}", const(rat(2, 3))),
        ]),
        Chain("ex2", [
            I(r"\Var(3X - 1)", const(9 * VXu)),
            I(r"9\cdot\frac{2}{3}", const(9 * rat(2, 3))),
            I(r"6", const(6)),
        ]),
    ]
    doc = Doc("variance_identities_handout.tex", chains)
    wrong = (r"\E[XY] - \mu_X\E[Y] - \mu_Y\E[X]", lambda c: E(X * Y) - muX * E(Y) - muY * E(X))
    return with_plant(doc, r"\E[XY] - \mu_X\E[Y] - \mu_Y\E[X] + \mu_X\mu_Y", r"\E[XY] - \mu_X\E[Y] - \mu_Y\E[X]",
                      "cov", 2, wrong, "dropped term: the + mu_X mu_Y of the expanded covariance")


def covariance_rules_qa():
    a, b = R("a"), R("b")
    mu = R("mu")
    s2 = P("sigma2", 0.3, 2.0)
    mom2 = two_moments(mu, s2)
    Xs = lambda c: vec("X", c["n"])  # noqa: E731
    Xbar = lambda c: mean(Xs(c))  # noqa: E731
    Ci = lambda c, U, V: Cov_iid(U, V, Xs(c), mom2)  # noqa: E731
    Vi = lambda c, U: Var_iid(U, Xs(c), mom2)  # noqa: E731
    Ei = lambda c, e: E_iid(e, Xs(c), mom2)  # noqa: E731
    ni = [dict(n=n, i=i) for n in range(1, 5) for i in range(1, n + 1)]
    ni2 = [dict(n=n, i=i) for n in range(2, 5) for i in range(1, n + 1)]
    chains = [
        Chain("def", [
            I(r"\mathrm{Cov}(X, Y)", lambda c: Cov(X, Y)),
            I(r"E\bigl[(X - E[X])(Y - E[Y])\bigr]", lambda c: E((X - E(X)) * (Y - E(Y)))),
        ], "def"),
        Chain("expand", [
            I(r"\mathrm{Cov}(X, Y)", lambda c: Cov(X, Y)),
            I(r"E\bigl[XY - X\,E[Y] - E[X]\,Y + E[X]\,E[Y]\bigr]", lambda c: E(X * Y - X * E(Y) - E(X) * Y + E(X) * E(Y))),
            I(r"E[XY] - E[X]\,E[Y] - E[X]\,E[Y] + E[X]\,E[Y]", lambda c: E(X * Y) - E(X) * E(Y) - E(X) * E(Y) + E(X) * E(Y)),
            I(r"E[XY] - E[X]\,E[Y]", lambda c: E(X * Y) - E(X) * E(Y)),
        ]),
        Chain("lin", [
            I(r"\operatorname{Var}(aX + bY)", lambda c: Var(a * X + b * Y)),
            I(r"\mathrm{Cov}(aX + bY,\, aX + bY)", lambda c: Cov(a * X + b * Y, a * X + b * Y)),
            I(r"a^2\,\mathrm{Cov}(X, X) + ab\,\mathrm{Cov}(X, Y) + ba\,\mathrm{Cov}(Y, X) + b^2\,\mathrm{Cov}(Y, Y)",
              lambda c: a ** 2 * Cov(X, X) + a * b * Cov(X, Y) + b * a * Cov(Y, X) + b ** 2 * Cov(Y, Y)),
            I(r"a^2\operatorname{Var}(X) + 2ab\,\mathrm{Cov}(X, Y) + b^2\operatorname{Var}(Y)",
              lambda c: a ** 2 * Var(X) + 2 * a * b * Cov(X, Y) + b ** 2 * Var(Y)),
        ]),
        Chain("diff", [
            I(r"\operatorname{Var}(X - Y)", lambda c: Var(X - Y)),
            I(r"\operatorname{Var}(X) - 2\,\mathrm{Cov}(X, Y) + \operatorname{Var}(Y)", lambda c: Var(X) - 2 * Cov(X, Y) + Var(Y)),
        ]),
        Chain("xbar", [
            I(r"\operatorname{Var}(\bar{X})", lambda c: Vi(c, Xbar(c))),
            I(r"\mathrm{Cov}\Bigl(\frac{1}{n}\sum_{i} X_i, \frac{1}{n}\sum_{j} X_j\Bigr)", lambda c: Ci(c, sum(Xs(c)) / c["n"], sum(Xs(c)) / c["n"])),
            I(r"\frac{1}{n^2}\sum_{i}\sum_{j}\mathrm{Cov}(X_i, X_j)",
              lambda c: sp.Add(*[Ci(c, Xs(c)[i], Xs(c)[j]) for i in range(c["n"]) for j in range(c["n"])]) / c["n"] ** 2),
            I(r"\frac{1}{n^2}\cdot n\sigma^2", lambda c: c["n"] * s2 / c["n"] ** 2),
            I(r"\frac{\sigma^2}{n}", lambda c: s2 / c["n"]),
        ], ctxs=sizes(1, 4)),
        Chain("covxi", [
            I(r"\mathrm{Cov}(X_i, \bar{X})", lambda c: Ci(c, Xs(c)[c["i"] - 1], Xbar(c))),
            I(r"\frac{1}{n}\sum_{j=1}^{n}\mathrm{Cov}(X_i, X_j)", lambda c: S(lambda j: Ci(c, Xs(c)[c["i"] - 1], Xs(c)[j - 1]), 1, c["n"]) / c["n"]),
            I(r"\frac{\sigma^2}{n}", lambda c: s2 / c["n"]),
        ], ctxs=ni),
        Chain("resid", [
            I(r"\mathrm{Cov}(X_i - \bar{X}, \bar{X})", lambda c: Ci(c, Xs(c)[c["i"] - 1] - Xbar(c), Xbar(c))),
            I(r"\mathrm{Cov}(X_i, \bar{X}) - \operatorname{Var}(\bar{X})", lambda c: Ci(c, Xs(c)[c["i"] - 1], Xbar(c)) - Vi(c, Xbar(c))),
            I(r"\frac{\sigma^2}{n} - \frac{\sigma^2}{n}", lambda c: s2 / c["n"] - s2 / c["n"]),
            I(r"0", const(0)),
        ], ctxs=ni),
        Chain("ms", [
            I(r"E\bigl[(X_i - \bar{X})^2\bigr]", lambda c: Ei(c, (Xs(c)[c["i"] - 1] - Xbar(c)) ** 2)),
            I(r"\operatorname{Var}(X_i - \bar{X})", lambda c: Vi(c, Xs(c)[c["i"] - 1] - Xbar(c))),
            I(r"\sigma^2 - 2\,\frac{\sigma^2}{n} + \frac{\sigma^2}{n}", lambda c: s2 - 2 * s2 / c["n"] + s2 / c["n"]),
            I(r"\frac{n - 1}{n}\,\sigma^2", lambda c: sp.Rational(c["n"] - 1, c["n"]) * s2),
        ], ctxs=ni2),
        Chain("num", [
            I(r"\operatorname{Var}(2X + Y)", const(2 ** 2 * 4 + 2 * 2 * 1 * (-3) + 1 ** 2 * 9)),
            I(r"4\cdot 4 + 2\cdot 2\cdot(-3) + 9", const(4 * 4 + 2 * 2 * (-3) + 9)),
            I(r"13", const(13)),
        ]),
    ]
    doc = Doc("covariance_rules_qa.md", chains)
    wrong = (r"\sigma^2 - 3\,\frac{\sigma^2}{n} + \frac{\sigma^2}{n}", lambda c: s2 - 3 * s2 / c["n"] + s2 / c["n"])
    return with_plant(doc, r"\sigma^2 - 2\,\frac{\sigma^2}{n} + \frac{\sigma^2}{n}", r"\sigma^2 - 3\,\frac{\sigma^2}{n} + \frac{\sigma^2}{n}",
                      "ms", 2, wrong, "wrong constant: 3 sigma^2/n for 2 sigma^2/n (twice the covariance with the mean)")


DOCS = [
    softmax_jacobian_casework_notes,
    softmax_jacobian_product_rule_answer,
    crossentropy_minibatch_solutions,
    crossentropy_onehot_blog,
    logistic_regression_exam_solution,
    logistic_loss_pm1_notebook,
    least_squares_ridge_exam,
    normal_equations_forum_answer,
    gaussian_mle_variance_parameter,
    gaussian_sigma_study_group,
    variance_identities_handout,
    covariance_rules_qa,
]
