"""Hand encodings of the corpus_ml7 documents of families 1-6 (softmax Jacobian, cross-entropy,
logistic regression, least squares, Gaussian likelihood, variance and covariance).

Every display is a chain of I(anchor, fn) items: `anchor` is the exact LaTeX of the
expression in the document and fn(ctx) its SymPy value in the context ctx (a dict with
the sizes and indices of one concrete instance). Links whose kind is "def" introduce a
name (counted as definitions in the manifest); all others assert an identity.
"""
import sympy as sp

from framework import Chain, Doc, with_plant, delta, sig, X, Y, E, Var, Cov  # noqa: F401
from helpers import (vec, mat, softmax, targets, S, mean, dsig, local, pairs, singles,  # noqa: F401
                     sizes, E_iid, gauss_moments, two_moments, E_ind, Var_ind, Cov_iid, Var_iid,
                     binary_patterns, sign_patterns, I, const, R, P)

DEF = "def"
half = sp.Rational(1, 2)


def Q(a, b=1):
    return sp.Rational(a, b)


# ===========================================================================
# family 1: softmax Jacobian
def softmax_jacobian_textbook():
    def z(c):
        return vec("z", c["K"])

    def s(c):
        return softmax(z(c))

    def Z(c):
        return sp.Add(*[sp.exp(t) for t in z(c)])

    def si(c):
        return s(c)[c["i"] - 1]

    def zj(c):
        return z(c)[c["j"] - 1]

    def g(c):
        return vec("g", c["K"])

    P4 = pairs(4)
    SI = singles("i", 4)
    SJ = singles("j", 4)
    d = delta
    ch = []
    ch.append(Chain("def s", [I(r"s_i", si), I(r"\frac{\exp(z_i)}{\sum_{k=1}^{K} \exp(z_k)}", si)], DEF, P4))
    ch.append(Chain("def Z", [I(r"Z", Z), I(r"\sum_{k=1}^{K} \exp(z_k)", Z)], DEF, [{"K": K} for K in range(1, 5)]))
    ch.append(Chain("dZ", [
        I(r"\frac{\partial Z}{\partial z_j}", lambda c: sp.diff(Z(c), zj(c))),
        I(r"\sum_{k=1}^{K} \frac{\partial}{\partial z_j} \exp(z_k)",
          lambda c: S(lambda k: sp.diff(sp.exp(z(c)[k - 1]), zj(c)), 1, c["K"])),
        I(r"\sum_{k=1}^{K} \delta_{kj} \exp(z_k)", lambda c: S(lambda k: d(k, c["j"]) * sp.exp(z(c)[k - 1]), 1, c["K"])),
        I(r"\exp(z_j)", lambda c: sp.exp(zj(c))),
    ], ctxs=SJ))
    ch.append(Chain("quotient", [
        I(r"\frac{\partial s_i}{\partial z_j}", lambda c: sp.diff(si(c), zj(c))),
        I(r"\frac{1}{Z}\,\frac{\partial \exp(z_i)}{\partial z_j} - \frac{\exp(z_i)}{Z^2}\,\frac{\partial Z}{\partial z_j}",
          lambda c: sp.diff(sp.exp(z(c)[c["i"] - 1]), zj(c)) / Z(c) - sp.exp(z(c)[c["i"] - 1]) / Z(c) ** 2 * sp.diff(Z(c), zj(c))),
        I(r"\frac{\delta_{ij}\exp(z_i)}{Z} - \frac{\exp(z_i)\exp(z_j)}{Z^2}",
          lambda c: d(c["i"], c["j"]) * sp.exp(z(c)[c["i"] - 1]) / Z(c) - sp.exp(z(c)[c["i"] - 1]) * sp.exp(zj(c)) / Z(c) ** 2),
        I(r"\delta_{ij}\, s_i - s_i s_j", lambda c: d(c["i"], c["j"]) * si(c) - si(c) * s(c)[c["j"] - 1]),
        I(r"s_i \left(\delta_{ij} - s_j\right)", lambda c: si(c) * (d(c["i"], c["j"]) - s(c)[c["j"] - 1])),
    ], ctxs=P4))
    ch.append(Chain("diag", [
        I(r"\frac{\partial s_i}{\partial z_i}", lambda c: sp.diff(si(c), z(c)[c["i"] - 1])),
        I(r"s_i (1 - s_i)", lambda c: si(c) * (1 - si(c))),
    ], ctxs=SI))
    ch.append(Chain("offdiag", [
        I(r"\frac{\partial s_i}{\partial z_j}", lambda c: sp.diff(si(c), zj(c))),
        I(r"-s_i s_j", lambda c: -si(c) * s(c)[c["j"] - 1]),
    ], ctxs=pairs(4, lambda c: c["i"] != c["j"])))
    ch.append(Chain("rowsum", [
        I(r"\sum_{j=1}^{K} \frac{\partial s_i}{\partial z_j}", lambda c: S(lambda j: sp.diff(si(c), z(c)[j - 1]), 1, c["K"])),
        I(r"s_i \sum_{j=1}^{K} \delta_{ij} - s_i \sum_{j=1}^{K} s_j",
          lambda c: si(c) * S(lambda j: d(c["i"], j), 1, c["K"]) - si(c) * S(lambda j: s(c)[j - 1], 1, c["K"])),
        I(r"s_i - s_i", lambda c: si(c) - si(c)),
        I(r"0", const(0)),
    ], ctxs=SI))
    ch.append(Chain("logsoftmax", [
        I(r"\frac{\partial \log s_i}{\partial z_j}", lambda c: sp.diff(sp.log(si(c)), zj(c))),
        I(r"\frac{1}{s_i}\,\frac{\partial s_i}{\partial z_j}", lambda c: sp.diff(si(c), zj(c)) / si(c)),
        I(r"\delta_{ij} - s_j", lambda c: d(c["i"], c["j"]) - s(c)[c["j"] - 1]),
    ], ctxs=P4))

    def L(c):
        return sp.Add(*[gi * si_ for gi, si_ in zip(g(c), s(c))])

    ch.append(Chain("vjp", [
        I(r"\frac{\partial L}{\partial z_j}", lambda c: sp.diff(L(c), zj(c))),
        I(r"\sum_{i=1}^{K} g_i\, \frac{\partial s_i}{\partial z_j}",
          lambda c: S(lambda i: g(c)[i - 1] * sp.diff(s(c)[i - 1], zj(c)), 1, c["K"])),
        I(r"\sum_{i=1}^{K} g_i s_i \delta_{ij} - s_j \sum_{i=1}^{K} g_i s_i",
          lambda c: S(lambda i: g(c)[i - 1] * s(c)[i - 1] * d(i, c["j"]), 1, c["K"])
          - s(c)[c["j"] - 1] * S(lambda i: g(c)[i - 1] * s(c)[i - 1], 1, c["K"])),
        I(r"s_j \Bigl( g_j - \sum_{i=1}^{K} g_i s_i \Bigr)",
          lambda c: s(c)[c["j"] - 1] * (g(c)[c["j"] - 1] - S(lambda i: g(c)[i - 1] * s(c)[i - 1], 1, c["K"]))),
    ], ctxs=SJ))
    z1, z2 = vec("z", 2)
    s1 = sp.exp(z1) / (sp.exp(z1) + sp.exp(z2))
    s2 = sp.exp(z2) / (sp.exp(z1) + sp.exp(z2))
    ch.append(Chain("twoclass", [
        I(r"s_1", const(s1)),
        I(r"\frac{e^{z_1}}{e^{z_1} + e^{z_2}}", const(sp.exp(z1) / (sp.exp(z1) + sp.exp(z2)))),
        I(r"\frac{1}{1 + e^{-(z_1 - z_2)}}", const(1 / (1 + sp.exp(-(z1 - z2))))),
        I(r"\sigma(z_1 - z_2)", const(sig(z1 - z2))),
    ]))
    ch.append(Chain("twoclass deriv", [
        I(r"\frac{\partial s_1}{\partial z_1}", const(sp.diff(s1, z1))),
        I(r"\sigma(z_1 - z_2)\bigl(1 - \sigma(z_1 - z_2)\bigr)", const(sig(z1 - z2) * (1 - sig(z1 - z2)))),
        I(r"s_1 s_2", const(s1 * s2)),
    ]))
    # example: K = 3, z = (0, 0, log 2)
    zz = [sp.Integer(0), sp.Integer(0), sp.log(2)]
    ex = {z_: v for z_, v in zip(vec("z", 3), zz)}
    sx = softmax(vec("z", 3))
    ch.append(Chain("example diag", [
        I(r"\frac{\partial s_3}{\partial z_3}", const(sp.diff(sx[2], vec("z", 3)[2]).subs(ex))),
        I(r"s_3 (1 - s_3)", const((sx[2] * (1 - sx[2])).subs(ex))),
        I(r"\tfrac{1}{2}\cdot\tfrac{1}{2}", const(half * half)),
        I(r"\tfrac{1}{4}", const(Q(1, 4))),
    ]))
    ch.append(Chain("example off", [
        I(r"\frac{\partial s_1}{\partial z_3}", const(sp.diff(sx[0], vec("z", 3)[2]).subs(ex))),
        I(r"-s_1 s_3", const((-sx[0] * sx[2]).subs(ex))),
        I(r"-\tfrac{1}{8}", const(-Q(1, 8))),
    ]))
    doc = Doc("softmax_jacobian_textbook.tex", ch)
    return with_plant(doc, r"- s_j \sum_{i=1}^{K} g_i s_i \nonumber", r"- s_j \sum_{i=1}^{K} g_i s_j \nonumber",
                      "vjp", 2,
                      I(r"\sum_{i=1}^{K} g_i s_i \delta_{ij} - s_j \sum_{i=1}^{K} g_i s_j",
                        lambda c: S(lambda i: vec("g", c["K"])[i - 1] * softmax(vec("z", c["K"]))[i - 1] * delta(i, c["j"]), 1, c["K"])
                        - softmax(vec("z", c["K"]))[c["j"] - 1] * S(lambda i: vec("g", c["K"])[i - 1] * softmax(vec("z", c["K"]))[c["j"] - 1], 1, c["K"])),
                      "wrong index: g_i s_j for g_i s_i inside the weighted sum of the VJP")



def softmax_jacobian_log_trick_answer():
    def a(c):
        return vec("a", c["K"])

    def p(c):
        return softmax(a(c))

    def Ssum(c):
        return sp.Add(*[sp.exp(t) for t in a(c)])

    def pi(c):
        return p(c)[c["i"] - 1]

    def pj(c):
        return p(c)[c["j"] - 1]

    def aj(c):
        return a(c)[c["j"] - 1]

    def ind(c):
        return delta(c["i"], c["j"])

    P4 = pairs(4)
    ch = []
    ch.append(Chain("log p", [
        I(r"\log p_i", lambda c: sp.log(pi(c))),
        I(r"a_i - \log \sum_{k=1}^{K} e^{a_k}", lambda c: a(c)[c["i"] - 1] - sp.log(Ssum(c))),
    ], ctxs=singles("i", 4)))
    ch.append(Chain("dlog", [
        I(r"\frac{\partial \log p_i}{\partial a_j}", lambda c: sp.diff(sp.log(pi(c)), aj(c))),
        I(r"\frac{\partial a_i}{\partial a_j} - \frac{1}{\sum_{k} e^{a_k}} \cdot \frac{\partial}{\partial a_j} \sum_{k} e^{a_k}",
          lambda c: sp.diff(a(c)[c["i"] - 1], aj(c)) - sp.diff(Ssum(c), aj(c)) / Ssum(c)),
        I(r"\mathbb{1}[i=j] - \frac{e^{a_j}}{\sum_{k} e^{a_k}}", lambda c: ind(c) - sp.exp(aj(c)) / Ssum(c)),
        I(r"\mathbb{1}[i=j] - p_j", lambda c: ind(c) - pj(c)),
    ], ctxs=P4))
    ch.append(Chain("jac", [
        I(r"\frac{\partial p_i}{\partial a_j}", lambda c: sp.diff(pi(c), aj(c))),
        I(r"p_i \, \frac{\partial \log p_i}{\partial a_j}", lambda c: pi(c) * sp.diff(sp.log(pi(c)), aj(c))),
        I(r"p_i \bigl( \mathbb{1}[i=j] - p_j \bigr)", lambda c: pi(c) * (ind(c) - pj(c))),
        I(r"p_i \, \mathbb{1}[i=j] - p_i p_j", lambda c: pi(c) * ind(c) - pi(c) * pj(c)),
    ], ctxs=P4))
    ch.append(Chain("diag", [
        I(r"\frac{\partial p_i}{\partial a_i}", lambda c: sp.diff(pi(c), a(c)[c["i"] - 1])),
        I(r"p_i - p_i^2", lambda c: pi(c) - pi(c) ** 2),
        I(r"p_i (1 - p_i)", lambda c: pi(c) * (1 - pi(c))),
    ], ctxs=singles("i", 4)))
    ch.append(Chain("off", [
        I(r"\frac{\partial p_i}{\partial a_j}", lambda c: sp.diff(pi(c), aj(c))),
        I(r"-p_i p_j", lambda c: -pi(c) * pj(c)),
    ], ctxs=pairs(4, lambda c: c["i"] != c["j"])))
    ch.append(Chain("symmetry", [
        I(r"\frac{\partial p_i}{\partial a_j}", lambda c: sp.diff(pi(c), aj(c))),
        I(r"p_i \, \mathbb{1}[i=j] - p_i p_j", lambda c: pi(c) * ind(c) - pi(c) * pj(c)),
        I(r"p_j \, \mathbb{1}[i=j] - p_j p_i", lambda c: pj(c) * ind(c) - pj(c) * pi(c)),
        I(r"\frac{\partial p_j}{\partial a_i}", lambda c: sp.diff(pj(c), a(c)[c["i"] - 1])),
    ], ctxs=P4))
    ch.append(Chain("rowsum", [
        I(r"\sum_{j=1}^{K} \frac{\partial p_i}{\partial a_j}", lambda c: S(lambda j: sp.diff(pi(c), a(c)[j - 1]), 1, c["K"])),
        I(r"p_i \sum_{j=1}^{K} \mathbb{1}[i=j] - p_i \sum_{j=1}^{K} p_j",
          lambda c: pi(c) * S(lambda j: delta(c["i"], j), 1, c["K"]) - pi(c) * S(lambda j: p(c)[j - 1], 1, c["K"])),
        I(r"p_i - p_i \cdot 1", lambda c: pi(c) - pi(c)),
        I(r"0", const(0)),
    ], ctxs=singles("i", 4)))
    from framework import grid
    T = grid(range(1, 4), ["i", "j", "k"])
    ch.append(Chain("second", [
        I(r"\frac{\partial^2 \log p_i}{\partial a_k \, \partial a_j}",
          lambda c: sp.diff(sp.log(pi(c)), aj(c), a(c)[c["k"] - 1])),
        I(r"-\frac{\partial p_j}{\partial a_k}", lambda c: -sp.diff(pj(c), a(c)[c["k"] - 1])),
        I(r"-p_j \bigl( \mathbb{1}[j=k] - p_k \bigr)", lambda c: -pj(c) * (delta(c["j"], c["k"]) - p(c)[c["k"] - 1])),
    ], ctxs=T))
    a1, a2 = vec("a", 2)
    ex = {a1: sp.log(3), a2: 0}
    px = softmax([a1, a2])
    ch.append(Chain("ex1", [
        I(r"\frac{\partial p_1}{\partial a_1}", const(sp.diff(px[0], a1).subs(ex))),
        I(r"\tfrac34 \bigl(1 - \tfrac34\bigr)", const(Q(3, 4) * (1 - Q(3, 4)))),
        I(r"\tfrac{3}{16}", const(Q(3, 16))),
    ]))
    ch.append(Chain("ex2", [
        I(r"\frac{\partial p_2}{\partial a_1}", const(sp.diff(px[1], a1).subs(ex))),
        I(r"-\tfrac14 \cdot \tfrac34", const(-Q(1, 4) * Q(3, 4))),
        I(r"-\tfrac{3}{16}", const(-Q(3, 16))),
    ]))
    doc = Doc("softmax_jacobian_log_trick_answer.md", ch)

    def wrong(c):
        pp = softmax(vec("a", c["K"]))
        return pp[c["j"] - 1] * delta(c["i"], c["j"]) + pp[c["j"] - 1] * pp[c["i"] - 1]
    return with_plant(doc, r"= p_j \, \mathbb{1}[i=j] - p_j p_i =", r"= p_j \, \mathbb{1}[i=j] + p_j p_i =",
                      "symmetry", 2, I(r"p_j \, \mathbb{1}[i=j] + p_j p_i", wrong),
                      "sign: + p_j p_i for - p_j p_i in the symmetry chain")


DOCS = [softmax_jacobian_textbook, softmax_jacobian_log_trick_answer]


# ===========================================================================
# family 2: cross-entropy through softmax
def crossentropy_softmax_slides():
    def z(c):
        return vec("z", c["K"])

    def p(c):
        return softmax(z(c))

    def y(c):
        return targets(c["K"])

    def lse(c):
        return sp.log(sp.Add(*[sp.exp(t) for t in z(c)]))

    def L(c):
        return -sp.Add(*[yk * sp.log(pk) for yk, pk in zip(y(c), p(c))])

    def zj(c):
        return z(c)[c["j"] - 1]

    def pj(c):
        return p(c)[c["j"] - 1]

    def yj(c):
        return y(c)[c["j"] - 1]

    def dL_dp(c, k):
        ps = vec("pp", c["K"], positive=True)
        Lp = -sp.Add(*[yk * sp.log(q) for yk, q in zip(y(c), ps)])
        return sp.diff(Lp, ps[k - 1]).subs(dict(zip(ps, p(c))))

    KS = [{"K": K} for K in range(1, 5)]
    SJ = singles("j", 4)
    ch = []
    ch.append(Chain("def L", [I(r"L", L), I(r"-\sum_{k=1}^{K} y_k \log p_k", L)], DEF, KS))
    ch.append(Chain("logit form", [
        I(r"L", L),
        I(r"-\sum_{k} y_k \Bigl( z_k - \log\sum_{m} e^{z_m} \Bigr)",
          lambda c: -sp.Add(*[yk * (zk - lse(c)) for yk, zk in zip(y(c), z(c))])),
        I(r"-\sum_{k} y_k z_k + \Bigl(\sum_{k} y_k\Bigr) \log\sum_{m} e^{z_m}",
          lambda c: -sp.Add(*[yk * zk for yk, zk in zip(y(c), z(c))]) + sp.Add(*y(c)) * lse(c)),
        I(r"-\sum_{k} y_k z_k + \log\sum_{m} e^{z_m}", lambda c: -sp.Add(*[yk * zk for yk, zk in zip(y(c), z(c))]) + lse(c)),
    ], ctxs=KS))
    ch.append(Chain("long way", [
        I(r"\frac{\partial L}{\partial z_j}", lambda c: sp.diff(L(c), zj(c))),
        I(r"\sum_{k} \frac{\partial L}{\partial p_k}\,\frac{\partial p_k}{\partial z_j}",
          lambda c: S(lambda k: dL_dp(c, k) * sp.diff(p(c)[k - 1], zj(c)), 1, c["K"])),
        I(r"\sum_{k} \Bigl(-\frac{y_k}{p_k}\Bigr)\, p_k (\delta_{kj} - p_j)",
          lambda c: S(lambda k: (-y(c)[k - 1] / p(c)[k - 1]) * p(c)[k - 1] * (delta(k, c["j"]) - pj(c)), 1, c["K"])),
        I(r"-\sum_{k} y_k (\delta_{kj} - p_j)", lambda c: -S(lambda k: y(c)[k - 1] * (delta(k, c["j"]) - pj(c)), 1, c["K"])),
        I(r"-y_j + p_j \sum_{k} y_k", lambda c: -yj(c) + pj(c) * sp.Add(*y(c))),
        I(r"\boxed{p_j - y_j}", lambda c: pj(c) - yj(c)),
    ], ctxs=SJ))
    ch.append(Chain("short way", [
        I(r"\frac{\partial L}{\partial z_j}", lambda c: sp.diff(L(c), zj(c))),
        I(r"-y_j + \frac{e^{z_j}}{\sum_{m} e^{z_m}}", lambda c: -yj(c) + sp.exp(zj(c)) / sp.Add(*[sp.exp(t) for t in z(c)])),
        I(r"p_j - y_j", lambda c: pj(c) - yj(c)),
    ], ctxs=SJ))
    T = P("T", 0.4, 3.0)

    def LT(c):
        q = softmax([t / T for t in z(c)])
        return -sp.Add(*[yk * sp.log(qk) for yk, qk in zip(y(c), q)])

    def dLT_du(c, k):
        u = vec("u", c["K"])
        q = softmax(u)
        Lu = -sp.Add(*[yk * sp.log(qk) for yk, qk in zip(y(c), q)])
        return sp.diff(Lu, u[k - 1]).subs({uu: t / T for uu, t in zip(u, z(c))})

    ch.append(Chain("temperature", [
        I(r"\frac{\partial L_T}{\partial z_j}", lambda c: sp.diff(LT(c), zj(c))),
        I(r"\sum_{k} \frac{\partial L_T}{\partial u_k}\,\frac{\partial u_k}{\partial z_j}",
          lambda c: S(lambda k: dLT_du(c, k) * sp.diff(z(c)[k - 1] / T, zj(c)), 1, c["K"])),
        I(r"\frac{1}{T}\,(q_j - y_j)", lambda c: (softmax([t / T for t in z(c)])[c["j"] - 1] - yj(c)) / T),
    ], ctxs=SJ))

    # linear layer: K classes, D inputs
    def W(c):
        return mat("W", c["K"], c["D"])

    def x(c):
        return vec("x", c["D"])

    def b(c):
        return vec("b", c["K"])

    def zlin(c):
        return [sp.Add(*[W(c)[k][d] * x(c)[d] for d in range(c["D"])]) + b(c)[k] for k in range(c["K"])]

    def Llin(c):
        pp = softmax(zlin(c))
        return -sp.Add(*[yk * sp.log(q) for yk, q in zip(y(c), pp)])

    def plin(c):
        return softmax(zlin(c))

    LIN = [{"K": K, "D": D, "j": j, "d": dd} for K in range(1, 4) for D in range(1, 3)
           for j in range(1, K + 1) for dd in range(1, D + 1)]
    ch.append(Chain("def z_k", [
        I(r"z_k", lambda c: zlin(c)[c["j"] - 1]),
        I(r"\sum_{d=1}^{D} W_{kd}\, x_d + b_k", lambda c: zlin(c)[c["j"] - 1]),
    ], DEF, LIN))

    def dL_dz(c, k):
        zz = vec("zz", c["K"])
        pp = softmax(zz)
        Lz = -sp.Add(*[yk * sp.log(q) for yk, q in zip(y(c), pp)])
        return sp.diff(Lz, zz[k - 1]).subs(dict(zip(zz, zlin(c))))

    ch.append(Chain("dW", [
        I(r"\frac{\partial L}{\partial W_{jd}}", lambda c: sp.diff(Llin(c), W(c)[c["j"] - 1][c["d"] - 1])),
        I(r"\sum_{k} \frac{\partial L}{\partial z_k}\,\frac{\partial z_k}{\partial W_{jd}}",
          lambda c: S(lambda k: dL_dz(c, k) * sp.diff(zlin(c)[k - 1], W(c)[c["j"] - 1][c["d"] - 1]), 1, c["K"])),
        I(r"\sum_{k} (p_k - y_k)\, \delta_{kj}\, x_d",
          lambda c: S(lambda k: (plin(c)[k - 1] - y(c)[k - 1]) * delta(k, c["j"]) * x(c)[c["d"] - 1], 1, c["K"])),
        I(r"(p_j - y_j)\, x_d", lambda c: (plin(c)[c["j"] - 1] - y(c)[c["j"] - 1]) * x(c)[c["d"] - 1]),
    ], ctxs=LIN))
    ch.append(Chain("db", [
        I(r"\frac{\partial L}{\partial b_j}", lambda c: sp.diff(Llin(c), b(c)[c["j"] - 1])),
        I(r"\sum_{k} (p_k - y_k)\, \delta_{kj}", lambda c: S(lambda k: (plin(c)[k - 1] - y(c)[k - 1]) * delta(k, c["j"]), 1, c["K"])),
        I(r"p_j - y_j", lambda c: plin(c)[c["j"] - 1] - y(c)[c["j"] - 1]),
    ], ctxs=LIN))
    ch.append(Chain("sum zero", [
        I(r"\sum_{j=1}^{K} \frac{\partial L}{\partial z_j}", lambda c: S(lambda j: sp.diff(L(c), z(c)[j - 1]), 1, c["K"])),
        I(r"\sum_{j=1}^{K} p_j - \sum_{j=1}^{K} y_j", lambda c: sp.Add(*p(c)) - sp.Add(*y(c))),
        I(r"1 - 1", const(0)),
        I(r"0", const(0)),
    ], ctxs=KS))
    z3 = vec("z", 3)
    ex = {z3[0]: sp.log(4), z3[1]: sp.log(2), z3[2]: sp.log(2)}
    p3 = softmax(z3)
    y3 = [0, 1, 0]
    L3 = -sp.Add(*[yk * sp.log(q) for yk, q in zip(y3, p3)])
    ch.append(Chain("ex L", [
        I(r"L", const(L3.subs(ex))),
        I(r"-\log p_2", const(-sp.log(p3[1].subs(ex)))),
        I(r"-\log \tfrac14", const(-sp.log(Q(1, 4)))),
        I(r"\log 4", const(sp.log(4))),
    ]))
    ch.append(Chain("ex dz2", [
        I(r"\frac{\partial L}{\partial z_2}", const(sp.diff(L3, z3[1]).subs(ex))),
        I(r"p_2 - y_2", const(p3[1].subs(ex) - 1)),
        I(r"\tfrac14 - 1", const(Q(1, 4) - 1)),
        I(r"-\tfrac34", const(-Q(3, 4))),
    ]))
    ch.append(Chain("ex dz1", [
        I(r"\frac{\partial L}{\partial z_1}", const(sp.diff(L3, z3[0]).subs(ex))),
        I(r"p_1 - y_1", const(p3[0].subs(ex) - 0)),
        I(r"\tfrac12", const(half)),
    ]))
    doc = Doc("crossentropy_softmax_slides.tex", ch)

    def wrong(c):
        K = c["K"]
        return softmax(vec("z", K))[c["j"] - 1] * sp.Add(*targets(K))
    return with_plant(doc, r"&= -y_j + p_j \sum_{k} y_k \\", r"&= p_j \sum_{k} y_k \\", "long way", 4,
                      I(r"p_j \sum_{k} y_k", wrong), "dropped term: the -y_j of -y_j + p_j sum_k y_k")



def crossentropy_gradient_notebook():
    import itertools

    def z(c):
        return vec("z", c["K"])

    def p(c):
        return softmax(z(c))

    def lse(zz):
        return sp.log(sp.Add(*[sp.exp(t) for t in zz]))

    def L(c):
        return -sp.log(p(c)[c["c"] - 1])

    def ind(a, b):
        return delta(a, b)

    KC = [{"K": K, "c": cc} for K in range(1, 5) for cc in range(1, K + 1)]
    KCJ = [dict(d, j=j) for d in KC for j in range(1, d["K"] + 1)]
    KCIJ = [dict(d, i=i) for d in KCJ for i in range(1, d["K"] + 1)]
    ch = []
    ch.append(Chain("L", [
        I(r"L", L),
        I(r"-\log p_c", L),
        I(r"-\log \frac{e^{z_c}}{\sum_{k=1}^{K} e^{z_k}}", lambda c: -sp.log(sp.exp(z(c)[c["c"] - 1]) / sp.Add(*[sp.exp(t) for t in z(c)]))),
        I(r"-z_c + \log \sum_{k=1}^{K} e^{z_k}", lambda c: -z(c)[c["c"] - 1] + lse(z(c))),
    ], [DEF, "id", "id"], KC))
    ch.append(Chain("dL", [
        I(r"\frac{\partial L}{\partial z_j}", lambda c: sp.diff(L(c), z(c)[c["j"] - 1])),
        I(r"-\frac{\partial z_c}{\partial z_j} + \frac{1}{\sum_{k} e^{z_k}} \, e^{z_j}",
          lambda c: -sp.diff(z(c)[c["c"] - 1], z(c)[c["j"] - 1]) + sp.exp(z(c)[c["j"] - 1]) / sp.Add(*[sp.exp(t) for t in z(c)])),
        I(r"-\mathbb{1}[j=c] + p_j", lambda c: -ind(c["j"], c["c"]) + p(c)[c["j"] - 1]),
    ], ctxs=KCJ))
    ch.append(Chain("p - y", [
        I(r"\frac{\partial L}{\partial z_j}", lambda c: sp.diff(L(c), z(c)[c["j"] - 1])),
        I(r"p_j - y_j", lambda c: p(c)[c["j"] - 1] - ind(c["j"], c["c"])),
    ], ctxs=KCJ))

    # mini-batch: B examples, K classes, classes cls[b]
    def zb(c, b):
        return vec("z%d" % b, c["K"])

    def Jb(c):
        return sp.Add(*[-sp.log(softmax(zb(c, b))[c["cls"][b - 1] - 1]) for b in range(1, c["B"] + 1)]) / c["B"]

    def Lb(c, b):
        return -sp.log(softmax(zb(c, b))[c["cls"][b - 1] - 1])

    BAT = []
    for B in range(1, 4):
        for K in range(1, 4):
            clss = list(itertools.product(range(1, K + 1), repeat=B))
            if B == 3:
                clss = clss[:: max(1, len(clss) // 4)]
            for cls in clss:
                for b in range(1, B + 1):
                    for j in range(1, K + 1):
                        BAT.append({"B": B, "K": K, "cls": cls, "b": b, "j": j})
    BATJ = [c for c in BAT if c["b"] == 1 and c["j"] == 1]
    ch.append(Chain("def J", [I(r"J", Jb), I(r"\frac{1}{B} \sum_{b=1}^{B} L^{(b)}", Jb)], DEF, BATJ))

    def var(c):
        return zb(c, c["b"])[c["j"] - 1]

    ch.append(Chain("batch", [
        I(r"\frac{\partial J}{\partial z^{(b)}_j}", lambda c: sp.diff(Jb(c), var(c))),
        I(r"\frac{1}{B} \sum_{b'=1}^{B} \frac{\partial L^{(b')}}{\partial z^{(b)}_j}",
          lambda c: sp.Add(*[sp.diff(Lb(c, bb), var(c)) for bb in range(1, c["B"] + 1)]) / c["B"]),
        I(r"\frac{1}{B} \frac{\partial L^{(b)}}{\partial z^{(b)}_j}", lambda c: sp.diff(Lb(c, c["b"]), var(c)) / c["B"]),
        I(r"\frac{p^{(b)}_j - y^{(b)}_j}{B}",
          lambda c: (softmax(zb(c, c["b"]))[c["j"] - 1] - delta(c["j"], c["cls"][c["b"] - 1])) / c["B"]),
    ], ctxs=BAT))

    # two classes
    z1, z2 = vec("z", 2)
    dd = sp.Symbol("d_", real=True)
    Y01 = [{"y": 1}, {"y": 0}]

    def L2(c):
        cc = 1 if c["y"] == 1 else 2
        return -sp.log(softmax([z1, z2])[cc - 1])

    def Ld(c):
        y = c["y"]
        return -y * sp.log(sig(dd)) - (1 - y) * sp.log(1 - sig(dd))

    def dLdd(c):
        return sp.diff(Ld(c), dd).subs(dd, z1 - z2)

    ch.append(Chain("binary L", [
        I(r"L", L2),
        I(r"-y \log \sigma(d) - (1 - y) \log\bigl(1 - \sigma(d)\bigr)", lambda c: Ld(c).subs(dd, z1 - z2)),
    ], ctxs=Y01))
    ch.append(Chain("binary z1", [
        I(r"\frac{\partial L}{\partial z_1}", lambda c: sp.diff(L2(c), z1)),
        I(r"\frac{\partial L}{\partial d} \, \frac{\partial d}{\partial z_1}", lambda c: dLdd(c) * sp.diff(z1 - z2, z1)),
        I(r"\bigl(\sigma(d) - y\bigr) \cdot 1", lambda c: (sig(z1 - z2) - c["y"]) * 1),
        I(r"p_1 - y_1", lambda c: softmax([z1, z2])[0] - c["y"]),
    ], ctxs=Y01))
    ch.append(Chain("binary z2", [
        I(r"\frac{\partial L}{\partial z_2}", lambda c: sp.diff(L2(c), z2)),
        I(r"\frac{\partial L}{\partial d} \, \frac{\partial d}{\partial z_2}", lambda c: dLdd(c) * sp.diff(z1 - z2, z2)),
        I(r"-\bigl(\sigma(d) - y\bigr)", lambda c: -(sig(z1 - z2) - c["y"])),
        I(r"p_2 - y_2", lambda c: softmax([z1, z2])[1] - (1 - c["y"])),
    ], ctxs=Y01))
    ch.append(Chain("hessian", [
        I(r"\frac{\partial^2 L}{\partial z_i \, \partial z_j}", lambda c: sp.diff(L(c), z(c)[c["i"] - 1], z(c)[c["j"] - 1])),
        I(r"\frac{\partial}{\partial z_i} \bigl( p_j - y_j \bigr)",
          lambda c: sp.diff(p(c)[c["j"] - 1] - delta(c["j"], c["c"]), z(c)[c["i"] - 1])),
        I(r"\frac{\partial p_j}{\partial z_i}", lambda c: sp.diff(p(c)[c["j"] - 1], z(c)[c["i"] - 1])),
        I(r"p_j \bigl( \mathbb{1}[i=j] - p_i \bigr)", lambda c: p(c)[c["j"] - 1] * (delta(c["i"], c["j"]) - p(c)[c["i"] - 1])),
    ], ctxs=KCIJ))

    def quad(c):
        v = vec("v", c["K"])
        return sp.Add(*[v[i] * v[j] * sp.diff(L(c), z(c)[i], z(c)[j]) for i in range(c["K"]) for j in range(c["K"])])

    def var_form(c):
        v = vec("v", c["K"])
        pp = p(c)
        return sp.Add(*[pp[j] * v[j] ** 2 for j in range(c["K"])]) - sp.Add(*[pp[j] * v[j] for j in range(c["K"])]) ** 2

    ch.append(Chain("quadratic form", [
        I(r"\sum_{i,j} v_i v_j \frac{\partial^2 L}{\partial z_i \, \partial z_j}", quad),
        I(r"\sum_{j} p_j v_j^2 - \Bigl( \sum_{j} p_j v_j \Bigr)^2", var_form),
    ], ctxs=KC))
    z3 = vec("z", 3)
    ex = {z3[0]: 0, z3[1]: sp.log(2), z3[2]: sp.log(5)}
    p3 = softmax(z3)
    L3 = -sp.log(p3[2])
    ch.append(Chain("ex L", [
        I(r"L", const(L3.subs(ex))),
        I(r"-\log \tfrac58", const(-sp.log(Q(5, 8)))),
        I(r"\log \tfrac85", const(sp.log(Q(8, 5)))),
    ]))
    ch.append(Chain("ex dz3", [
        I(r"\frac{\partial L}{\partial z_3}", const(sp.diff(L3, z3[2]).subs(ex))),
        I(r"p_3 - 1", const(p3[2].subs(ex) - 1)),
        I(r"-\tfrac38", const(-Q(3, 8))),
    ]))
    ch.append(Chain("ex dz2", [
        I(r"\frac{\partial L}{\partial z_2}", const(sp.diff(L3, z3[1]).subs(ex))),
        I(r"p_2", const(p3[1].subs(ex))),
        I(r"\tfrac14", const(Q(1, 4))),
    ]))
    doc = Doc("crossentropy_gradient_notebook.md", ch)
    return with_plant(doc, r"= \frac{\partial p_j}{\partial z_i} =", r"= \frac{\partial p_i}{\partial z_i} =", "hessian", 2,
                      I(r"\frac{\partial p_i}{\partial z_i}",
                        lambda c: sp.diff(softmax(vec("z", c["K"]))[c["i"] - 1], vec("z", c["K"])[c["i"] - 1])),
                      "wrong index: dp_i/dz_i for dp_j/dz_i in the Hessian chain")



# ===========================================================================
# family 3: logistic regression
def _label_ctxs(nmax=4, d=2, extra=None):
    """n = 1..nmax examples: every 0/1 label pattern for n <= 2, three patterns for n = 3
    (all 0, mixed, all 1) and two mixed patterns for n = 4."""
    import itertools
    out = []
    for n in range(1, nmax + 1):
        pats = list(itertools.product([0, 1], repeat=n))
        if n == 3:
            pats = [pats[0], pats[5], pats[-1]]
        elif n >= 4:
            pats = [pats[5], pats[10]]
        for pat in pats:
            for j in range(1, d + 1):
                for k in range(1, d + 1):
                    out.append({"n": n, "d": d, "y": pat, "j": j, "k": k})
    return out


def logistic_regression_appendix():
    t = R("t", -2.5, 2.5)
    yv = R("y", 0, 1)
    lam = P("lambda", 0.0, 2.0)

    def w(c):
        return vec("w", c["d"])

    b = R("b")

    def xs(c):
        return [vec("x%d" % i, c["d"]) for i in range(1, c["n"] + 1)]

    def ts(c):
        return [sp.Add(*[wi * xi for wi, xi in zip(w(c), x)]) + b for x in xs(c)]

    def ell_t(tt, y):
        return -(y * sp.log(sig(tt)) + (1 - y) * sp.log(1 - sig(tt)))

    def Lobj(c):
        n = c["n"]
        return sp.Add(*[ell_t(ti, yi) for ti, yi in zip(ts(c), c["y"])]) / n + lam / 2 * sp.Add(*[wi ** 2 for wi in w(c)])

    def dl_dt(ti, yi):
        u = sp.Symbol("_t", real=True)
        return sp.diff(ell_t(u, yi), u).subs(u, ti)

    CT = _label_ctxs()
    CJ = [c for c in CT if c["k"] == 1]
    C1 = [c for c in CJ if c["j"] == 1]
    ch = []
    ch.append(Chain("def sigma", [I(r"\sigma(t)", const(sig(t))), I(r"\frac{1}{1 + e^{-t}}", const(1 / (1 + sp.exp(-t))))], DEF))
    ch.append(Chain("dsig", [
        I(r"\sigma'(t)", const(sp.diff(sig(t), t))),
        I(r"\frac{e^{-t}}{(1 + e^{-t})^2}", const(sp.exp(-t) / (1 + sp.exp(-t)) ** 2)),
        I(r"\frac{1}{1 + e^{-t}} \cdot \frac{e^{-t}}{1 + e^{-t}}", const(1 / (1 + sp.exp(-t)) * sp.exp(-t) / (1 + sp.exp(-t)))),
        I(r"\sigma(t)\bigl(1 - \sigma(t)\bigr)", const(sig(t) * (1 - sig(t)))),
    ]))
    ch.append(Chain("dlogsig", [
        I(r"\frac{d}{dt} \log \sigma(t)", const(sp.diff(sp.log(sig(t)), t))),
        I(r"\frac{\sigma'(t)}{\sigma(t)}", const(sp.diff(sig(t), t) / sig(t))),
        I(r"1 - \sigma(t)", const(1 - sig(t))),
    ]))
    ch.append(Chain("dlog1m", [
        I(r"\frac{d}{dt} \log\bigl(1 - \sigma(t)\bigr)", const(sp.diff(sp.log(1 - sig(t)), t))),
        I(r"-\frac{\sigma'(t)}{1 - \sigma(t)}", const(-sp.diff(sig(t), t) / (1 - sig(t)))),
        I(r"-\sigma(t)", const(-sig(t))),
    ]))
    ch.append(Chain("def L", [
        I(r"\mathcal{L}(\mathbf{w}, b)", Lobj),
        I(r"-\frac{1}{n} \sum_{i=1}^{n} \Bigl[ y^{(i)} \log \sigma(t^{(i)}) + (1 - y^{(i)}) \log\bigl(1 - \sigma(t^{(i)})\bigr) \Bigr] + \frac{\lambda}{2} \sum_{j=1}^{d} w_j^2",
          lambda c: -sp.Add(*[yi * sp.log(sig(ti)) + (1 - yi) * sp.log(1 - sig(ti)) for ti, yi in zip(ts(c), c["y"])]) / c["n"]
          + lam / 2 * sp.Add(*[wi ** 2 for wi in w(c)])),
    ], DEF, C1))
    Y01 = [{"y": 0}, {"y": 1}]
    ch.append(Chain("residual", [
        I(r"\frac{\partial \ell^{(i)}}{\partial t^{(i)}}", lambda c: sp.diff(ell_t(t, c["y"]), t)),
        I(r"-y^{(i)} \bigl(1 - \sigma(t^{(i)})\bigr) + (1 - y^{(i)})\, \sigma(t^{(i)})",
          lambda c: -c["y"] * (1 - sig(t)) + (1 - c["y"]) * sig(t)),
        I(r"-y^{(i)} + y^{(i)} \sigma(t^{(i)}) + \sigma(t^{(i)}) - y^{(i)} \sigma(t^{(i)})",
          lambda c: -c["y"] + c["y"] * sig(t) + sig(t) - c["y"] * sig(t)),
        I(r"\sigma(t^{(i)}) - y^{(i)}", lambda c: sig(t) - c["y"]),
    ], ctxs=Y01))

    def wj(c):
        return w(c)[c["j"] - 1]

    ch.append(Chain("grad w", [
        I(r"\frac{\partial \mathcal{L}}{\partial w_j}", lambda c: sp.diff(Lobj(c), wj(c))),
        I(r"\frac{1}{n} \sum_{i=1}^{n} \frac{\partial \ell^{(i)}}{\partial t^{(i)}}\, \frac{\partial t^{(i)}}{\partial w_j} + \lambda w_j",
          lambda c: sp.Add(*[dl_dt(ti, yi) * sp.diff(ti, wj(c)) for ti, yi in zip(ts(c), c["y"])]) / c["n"] + lam * wj(c)),
        I(r"\frac{1}{n} \sum_{i=1}^{n} \bigl( \sigma(t^{(i)}) - y^{(i)} \bigr) x^{(i)}_j + \lambda w_j",
          lambda c: sp.Add(*[(sig(ti) - yi) * x[c["j"] - 1] for ti, yi, x in zip(ts(c), c["y"], xs(c))]) / c["n"] + lam * wj(c)),
    ], ctxs=CJ))
    ch.append(Chain("grad b", [
        I(r"\frac{\partial \mathcal{L}}{\partial b}", lambda c: sp.diff(Lobj(c), b)),
        I(r"\frac{1}{n} \sum_{i=1}^{n} \frac{\partial \ell^{(i)}}{\partial t^{(i)}}\, \frac{\partial t^{(i)}}{\partial b}",
          lambda c: sp.Add(*[dl_dt(ti, yi) * sp.diff(ti, b) for ti, yi in zip(ts(c), c["y"])]) / c["n"]),
        I(r"\frac{1}{n} \sum_{i=1}^{n} \bigl( \sigma(t^{(i)}) - y^{(i)} \bigr)",
          lambda c: sp.Add(*[(sig(ti) - yi) for ti, yi in zip(ts(c), c["y"])]) / c["n"]),
    ], ctxs=C1))

    def hess_mid(c):
        return sp.Add(*[dsig(ti) * x[c["j"] - 1] * x[c["k"] - 1] for ti, x in zip(ts(c), xs(c))]) / c["n"] + lam * delta(c["j"], c["k"])

    ch.append(Chain("hessian", [
        I(r"\frac{\partial^2 \mathcal{L}}{\partial w_j \, \partial w_k}", lambda c: sp.diff(Lobj(c), wj(c), w(c)[c["k"] - 1])),
        I(r"\frac{1}{n} \sum_{i=1}^{n} \sigma'(t^{(i)})\, x^{(i)}_j x^{(i)}_k + \lambda \delta_{jk}", hess_mid),
        I(r"\frac{1}{n} \sum_{i=1}^{n} \sigma(t^{(i)}) \bigl(1 - \sigma(t^{(i)})\bigr) x^{(i)}_j x^{(i)}_k + \lambda \delta_{jk}",
          lambda c: sp.Add(*[sig(ti) * (1 - sig(ti)) * x[c["j"] - 1] * x[c["k"] - 1] for ti, x in zip(ts(c), xs(c))]) / c["n"]
          + lam * delta(c["j"], c["k"])),
    ], ctxs=CT))
    ch.append(Chain("softplus form", [
        I(r"\ell(t)", lambda c: ell_t(t, c["y"])),
        I(r"-y \log \sigma(t) - (1 - y) \log\bigl(1 - \sigma(t)\bigr)", lambda c: ell_t(t, c["y"])),
        I(r"y \log(1 + e^{-t}) + (1 - y) \log(1 + e^{t})", lambda c: c["y"] * sp.log(1 + sp.exp(-t)) + (1 - c["y"]) * sp.log(1 + sp.exp(t))),
        I(r"\log(1 + e^{t}) - y t", lambda c: sp.log(1 + sp.exp(t)) - c["y"] * t),
    ], [DEF, "id", "id"], Y01))
    ch.append(Chain("ell prime", [
        I(r"\ell'(t)", lambda c: sp.diff(ell_t(t, c["y"]), t)),
        I(r"\frac{e^{t}}{1 + e^{t}} - y", lambda c: sp.exp(t) / (1 + sp.exp(t)) - c["y"]),
        I(r"\sigma(t) - y", lambda c: sig(t) - c["y"]),
    ], ctxs=Y01))
    # numbers: d = 1, n = 2, x = (2, 1), y = (0, 1), w = 0, b = log 3
    w1 = vec("w", 1)[0]
    ex_c = {"n": 2, "d": 1, "y": (0, 1)}
    x1, x2 = vec("x1", 1)[0], vec("x2", 1)[0]
    num = {w1: 0, b: sp.log(3), x1: 2, x2: 1}
    Lx = Lobj(ex_c)
    ch.append(Chain("ex w", [
        I(r"\frac{\partial \mathcal{L}}{\partial w}", const(sp.diff(Lx, w1).subs(num))),
        I(r"\tfrac12 \Bigl[ \bigl(\tfrac34 - 0\bigr) \cdot 2 + \bigl(\tfrac34 - 1\bigr) \cdot 1 \Bigr] + \lambda \cdot 0",
          const(half * ((Q(3, 4) - 0) * 2 + (Q(3, 4) - 1) * 1) + lam * 0)),
        I(r"\tfrac58", const(Q(5, 8))),
    ]))
    ch.append(Chain("ex b", [
        I(r"\frac{\partial \mathcal{L}}{\partial b}", const(sp.diff(Lx, b).subs(num))),
        I(r"\tfrac12 \Bigl[ \tfrac34 + \bigl(\tfrac34 - 1\bigr) \Bigr]", const(half * (Q(3, 4) + (Q(3, 4) - 1)))),
        I(r"\tfrac14", const(Q(1, 4))),
    ]))
    doc = Doc("logistic_regression_appendix.tex", ch)

    def wrong(c):
        wv = vec("w", c["d"])
        xx = [vec("x%d" % i, c["d"]) for i in range(1, c["n"] + 1)]
        tt = [sp.Add(*[wi * xi for wi, xi in zip(wv, x)]) + b for x in xx]
        return sp.Add(*[dsig(ti) * x[c["j"] - 1] for ti, x in zip(tt, xx)]) / c["n"] + lam * delta(c["j"], c["k"])
    return with_plant(doc, r"\sigma'(t^{(i)})\, x^{(i)}_j x^{(i)}_k + \lambda \delta_{jk} \nonumber",
                      r"\sigma'(t^{(i)})\, x^{(i)}_j + \lambda \delta_{jk} \nonumber", "hessian", 1,
                      I(r"\frac{1}{n} \sum_{i=1}^{n} \sigma'(t^{(i)})\, x^{(i)}_j + \lambda \delta_{jk}", wrong),
                      "dropped factor: x^{(i)}_k in the first row of the Hessian")



def logistic_regression_likelihood_blog():
    t = R("t", -2.5, 2.5)
    b = R("b")

    def w(c):
        return vec("w", c["d"])

    def xs(c):
        return [vec("x%d" % i, c["d"]) for i in range(1, c["n"] + 1)]

    def ts(c):
        return [sp.Add(*[wi * xi for wi, xi in zip(w(c), x)]) + b for x in xs(c)]

    def ll(c):
        return sp.Add(*[yi * sp.log(sig(ti)) + (1 - yi) * sp.log(1 - sig(ti)) for ti, yi in zip(ts(c), c["y"])])

    CT = _label_ctxs()
    CJ = [c for c in CT if c["k"] == 1]
    C1 = [c for c in CJ if c["j"] == 1]
    ch = []
    ch.append(Chain("sigma", [
        I(r"\sigma(t)", const(sig(t))),
        I(r"\frac{1}{1 + e^{-t}}", const(1 / (1 + sp.exp(-t)))),
        I(r"\frac{e^{t}}{1 + e^{t}}", const(sp.exp(t) / (1 + sp.exp(t)))),
    ], [DEF, "id"]))
    ch.append(Chain("log odds", [
        I(r"\log \frac{\sigma(t)}{1 - \sigma(t)}", const(sp.log(sig(t) / (1 - sig(t))))),
        I(r"\log \frac{1/(1 + e^{-t})}{e^{-t}/(1 + e^{-t})}", const(sp.log((1 / (1 + sp.exp(-t))) / (sp.exp(-t) / (1 + sp.exp(-t)))))),
        I(r"\log e^{t}", const(sp.log(sp.exp(t)))),
        I(r"t", const(t)),
    ]))
    ch.append(Chain("loglik", [
        I(r"\ell(\mathbf{w}, b)", ll),
        I(r"\log \prod_{i=1}^{n} P(y_i \mid \mathbf{x}_i)",
          lambda c: sp.log(sp.Mul(*[sig(ti) ** yi * (1 - sig(ti)) ** (1 - yi) for ti, yi in zip(ts(c), c["y"])]))),
        I(r"\sum_{i=1}^{n} \log P(y_i \mid \mathbf{x}_i)",
          lambda c: sp.Add(*[sp.log(sig(ti) ** yi * (1 - sig(ti)) ** (1 - yi)) for ti, yi in zip(ts(c), c["y"])])),
        I(r"\sum_{i=1}^{n} \Bigl[ y_i \log \sigma(t_i) + (1 - y_i) \log\bigl(1 - \sigma(t_i)\bigr) \Bigr]", ll),
    ], [DEF, "id", "id"], C1))
    ch.append(Chain("dsig", [
        I(r"\sigma'(t)", const(sp.diff(sig(t), t))),
        I(r"\frac{d}{dt} \bigl(1 + e^{-t}\bigr)^{-1}", const(sp.diff((1 + sp.exp(-t)) ** -1, t))),
        I(r"\bigl(1 + e^{-t}\bigr)^{-2} e^{-t}", const((1 + sp.exp(-t)) ** -2 * sp.exp(-t))),
        I(r"\sigma(t) \bigl(1 - \sigma(t)\bigr)", const(sig(t) * (1 - sig(t)))),
    ]))
    # one example: t = w.x + b with d = 2, label y in {0, 1}
    ONE = [{"y": yy, "j": j} for yy in (0, 1) for j in (1, 2)]
    w2 = vec("w", 2)
    x2 = vec("x1", 2)
    t1 = w2[0] * x2[0] + w2[1] * x2[1] + b

    def one(c):
        y = c["y"]
        return y * sp.log(sig(t1)) + (1 - y) * sp.log(1 - sig(t1))

    ch.append(Chain("one example", [
        I(r"\frac{\partial}{\partial w_j} \Bigl[ y \log \sigma(t) + (1 - y) \log\bigl(1 - \sigma(t)\bigr) \Bigr]",
          lambda c: sp.diff(one(c), w2[c["j"] - 1])),
        I(r"\Bigl[ \frac{y}{\sigma(t)} - \frac{1 - y}{1 - \sigma(t)} \Bigr] \sigma'(t)\, x_j",
          lambda c: (c["y"] / sig(t1) - (1 - c["y"]) / (1 - sig(t1))) * dsig(t1) * x2[c["j"] - 1]),
        I(r"\Bigl[ y \bigl(1 - \sigma(t)\bigr) - (1 - y)\, \sigma(t) \Bigr] x_j",
          lambda c: (c["y"] * (1 - sig(t1)) - (1 - c["y"]) * sig(t1)) * x2[c["j"] - 1]),
        I(r"\bigl( y - \sigma(t) \bigr) x_j", lambda c: (c["y"] - sig(t1)) * x2[c["j"] - 1]),
    ], ctxs=ONE))
    ch.append(Chain("grad w", [
        I(r"\frac{\partial \ell}{\partial w_j}", lambda c: sp.diff(ll(c), w(c)[c["j"] - 1])),
        I(r"\sum_{i=1}^{n} \bigl( y_i - \sigma(t_i) \bigr) x_{ij}",
          lambda c: sp.Add(*[(yi - sig(ti)) * x[c["j"] - 1] for ti, yi, x in zip(ts(c), c["y"], xs(c))])),
    ], ctxs=CJ))
    ch.append(Chain("grad b", [
        I(r"\frac{\partial \ell}{\partial b}", lambda c: sp.diff(ll(c), b)),
        I(r"\sum_{i=1}^{n} \bigl( y_i - \sigma(t_i) \bigr)", lambda c: sp.Add(*[(yi - sig(ti)) for ti, yi in zip(ts(c), c["y"])])),
    ], ctxs=C1))
    ch.append(Chain("def J", [
        I(r"J(\mathbf{w}, b)", lambda c: -ll(c) / c["n"]),
        I(r"-\frac{1}{n}\, \ell(\mathbf{w}, b)", lambda c: -ll(c) / c["n"]),
    ], DEF, C1))
    ch.append(Chain("grad J", [
        I(r"\frac{\partial J}{\partial w_j}", lambda c: sp.diff(-ll(c) / c["n"], w(c)[c["j"] - 1])),
        I(r"-\frac{1}{n}\, \frac{\partial \ell}{\partial w_j}", lambda c: -sp.diff(ll(c), w(c)[c["j"] - 1]) / c["n"]),
        I(r"\frac{1}{n} \sum_{i=1}^{n} \bigl( \sigma(t_i) - y_i \bigr) x_{ij}",
          lambda c: sp.Add(*[(sig(ti) - yi) * x[c["j"] - 1] for ti, yi, x in zip(ts(c), c["y"], xs(c))]) / c["n"]),
    ], ctxs=CJ))
    ch.append(Chain("hessian", [
        I(r"\frac{\partial^2 \ell}{\partial w_j \, \partial w_k}", lambda c: sp.diff(ll(c), w(c)[c["j"] - 1], w(c)[c["k"] - 1])),
        I(r"-\sum_{i=1}^{n} \sigma'(t_i)\, x_{ij} x_{ik}",
          lambda c: -sp.Add(*[dsig(ti) * x[c["j"] - 1] * x[c["k"] - 1] for ti, x in zip(ts(c), xs(c))])),
        I(r"-\sum_{i=1}^{n} \sigma(t_i) \bigl(1 - \sigma(t_i)\bigr) x_{ij} x_{ik}",
          lambda c: -sp.Add(*[sig(ti) * (1 - sig(ti)) * x[c["j"] - 1] * x[c["k"] - 1] for ti, x in zip(ts(c), xs(c))])),
    ], ctxs=CT))
    num = {w2[0]: Q(1, 2), w2[1]: -Q(1, 4), b: 0, x2[0]: 1, x2[1]: 2}
    ch.append(Chain("ex t", [
        I(r"t", const(t1.subs(num))),
        I(r"0.5 \cdot 1 + (-0.25) \cdot 2 + 0", const(Q(1, 2) * 1 + (-Q(1, 4)) * 2 + 0)),
        I(r"0", const(0)),
    ]))
    ch.append(Chain("ex grad", [
        I(r"\frac{\partial \ell}{\partial w_2}", const(sp.diff(sp.log(sig(t1)), w2[1]).subs(num))),
        I(r"\bigl(1 - \sigma(0)\bigr) \cdot 2", const((1 - sig(sp.Integer(0))) * 2)),
        I(r"(1 - 0.5) \cdot 2", const((1 - half) * 2)),
        I(r"1", const(1)),
    ]))
    doc = Doc("logistic_regression_likelihood_blog.md", ch)
    return with_plant(doc, r"= \bigl(1 - \sigma(0)\bigr) \cdot 2 =", r"= \bigl(1 + \sigma(0)\bigr) \cdot 2 =", "ex grad", 1,
                      I(r"\bigl(1 + \sigma(0)\bigr) \cdot 2", const((1 + sig(sp.Integer(0))) * 2)),
                      "sign: (1 + sigma(0)) for (1 - sigma(0)) in the worked gradient")



# ===========================================================================
# family 4: least squares
def simple_regression_pset():
    b0, b1 = R("beta_0"), R("beta_1")

    def x(c):
        return vec("x", c["n"])

    def y(c):
        return vec("y", c["n"])

    def xb(c):
        return mean(x(c))

    def yb(c):
        return mean(y(c))

    def Sfun(c):
        return sp.Add(*[(yi - b0 - b1 * xi) ** 2 for xi, yi in zip(x(c), y(c))])

    def sxy(c):
        return sp.Add(*[(xi - xb(c)) * (yi - yb(c)) for xi, yi in zip(x(c), y(c))])

    def sxx(c):
        return sp.Add(*[(xi - xb(c)) ** 2 for xi in x(c)])

    def hb1(c):
        return sxy(c) / sxx(c)

    def hb0(c):
        return yb(c) - hb1(c) * xb(c)

    def at_hat(e, c):
        return e.subs({b0: hb0(c), b1: hb1(c)}, simultaneous=True)

    def e_(c):
        return [yi - hb0(c) - hb1(c) * xi for xi, yi in zip(x(c), y(c))]

    N14 = sizes(1, 4)
    N24 = sizes(2, 4)
    ch = []
    ch.append(Chain("def S", [
        I(r"S(\beta_0, \beta_1)", Sfun),
        I(r"\sum_{i=1}^{n} (y_i - \beta_0 - \beta_1 x_i)^2", Sfun),
    ], DEF, N14))
    ch.append(Chain("dS/db0", [
        I(r"\frac{\partial S}{\partial \beta_0}", lambda c: sp.diff(Sfun(c), b0)),
        I(r"\sum_{i=1}^{n} 2(y_i - \beta_0 - \beta_1 x_i)(-1)", lambda c: sp.Add(*[2 * (yi - b0 - b1 * xi) * (-1) for xi, yi in zip(x(c), y(c))])),
        I(r"-2 \sum_{i=1}^{n} (y_i - \beta_0 - \beta_1 x_i)", lambda c: -2 * sp.Add(*[(yi - b0 - b1 * xi) for xi, yi in zip(x(c), y(c))])),
    ], ctxs=N14))
    ch.append(Chain("rewrite", [
        I(r"-2 \sum_{i=1}^{n} (y_i - \beta_0 - \beta_1 x_i)", lambda c: -2 * sp.Add(*[(yi - b0 - b1 * xi) for xi, yi in zip(x(c), y(c))])),
        I(r"2\Bigl( n\beta_0 + \beta_1 \sum_{i=1}^{n} x_i - \sum_{i=1}^{n} y_i \Bigr)", lambda c: 2 * (c["n"] * b0 + b1 * sp.Add(*x(c)) - sp.Add(*y(c)))),
        I(r"2n(\beta_0 + \beta_1 \bar{x} - \bar{y})", lambda c: 2 * c["n"] * (b0 + b1 * xb(c) - yb(c))),
    ], ctxs=N14))
    ch.append(Chain("dS/db1", [
        I(r"\frac{\partial S}{\partial \beta_1}", lambda c: sp.diff(Sfun(c), b1)),
        I(r"\sum_{i=1}^{n} 2(y_i - \beta_0 - \beta_1 x_i)(-x_i)", lambda c: sp.Add(*[2 * (yi - b0 - b1 * xi) * (-xi) for xi, yi in zip(x(c), y(c))])),
        I(r"-2 \sum_{i=1}^{n} x_i (y_i - \beta_0 - \beta_1 x_i)", lambda c: -2 * sp.Add(*[xi * (yi - b0 - b1 * xi) for xi, yi in zip(x(c), y(c))])),
    ], ctxs=N14))
    ch.append(Chain("def b1", [
        I(r"\hat{\beta}_1", hb1),
        I(r"\frac{\sum_{i=1}^{n} (x_i - \bar{x})(y_i - \bar{y})}{\sum_{i=1}^{n} (x_i - \bar{x})^2}", hb1),
    ], DEF, N24))
    ch.append(Chain("def b0", [I(r"\hat{\beta}_0", hb0), I(r"\bar{y} - \hat{\beta}_1 \bar{x}", hb0)], DEF, N24))
    ch.append(Chain("centre xy", [
        I(r"\sum_{i=1}^{n} (x_i - \bar{x})(y_i - \bar{y})", sxy),
        I(r"\sum_{i=1}^{n} x_i y_i - \bar{x} \sum_{i=1}^{n} y_i - \bar{y} \sum_{i=1}^{n} x_i + n\bar{x}\bar{y}",
          lambda c: sp.Add(*[xi * yi for xi, yi in zip(x(c), y(c))]) - xb(c) * sp.Add(*y(c)) - yb(c) * sp.Add(*x(c)) + c["n"] * xb(c) * yb(c)),
        I(r"\sum_{i=1}^{n} x_i y_i - n\bar{x}\bar{y}", lambda c: sp.Add(*[xi * yi for xi, yi in zip(x(c), y(c))]) - c["n"] * xb(c) * yb(c)),
    ], ctxs=N14))
    ch.append(Chain("centre xx", [
        I(r"\sum_{i=1}^{n} (x_i - \bar{x})^2", sxx),
        I(r"\sum_{i=1}^{n} x_i^2 - 2\bar{x} \sum_{i=1}^{n} x_i + n\bar{x}^2",
          lambda c: sp.Add(*[xi ** 2 for xi in x(c)]) - 2 * xb(c) * sp.Add(*x(c)) + c["n"] * xb(c) ** 2),
        I(r"\sum_{i=1}^{n} x_i^2 - n\bar{x}^2", lambda c: sp.Add(*[xi ** 2 for xi in x(c)]) - c["n"] * xb(c) ** 2),
    ], ctxs=N14))
    ch.append(Chain("grad at hat", [
        I(r"\frac{\partial S}{\partial \beta_0}\Big|_{\hat{\beta}}", lambda c: at_hat(sp.diff(Sfun(c), b0), c)),
        I(r"2n\bigl(\hat{\beta}_0 + \hat{\beta}_1 \bar{x} - \bar{y}\bigr)", lambda c: 2 * c["n"] * (hb0(c) + hb1(c) * xb(c) - yb(c))),
        I(r"2n\bigl(\bar{y} - \hat{\beta}_1 \bar{x} + \hat{\beta}_1 \bar{x} - \bar{y}\bigr)",
          lambda c: 2 * c["n"] * (yb(c) - hb1(c) * xb(c) + hb1(c) * xb(c) - yb(c))),
        I(r"0", const(0)),
    ], ctxs=N24))
    ch.append(Chain("sum e", [
        I(r"\sum_{i=1}^{n} e_i", lambda c: sp.Add(*e_(c))),
        I(r"-\frac{1}{2}\, \frac{\partial S}{\partial \beta_0}\Big|_{\hat{\beta}}", lambda c: -half * at_hat(sp.diff(Sfun(c), b0), c)),
        I(r"0", const(0)),
    ], ctxs=N24))
    ch.append(Chain("orth", [
        I(r"\sum_{i=1}^{n} x_i e_i", lambda c: sp.Add(*[xi * ei for xi, ei in zip(x(c), e_(c))])),
        I(r"\sum_{i=1}^{n} (x_i - \bar{x}) e_i", lambda c: sp.Add(*[(xi - xb(c)) * ei for xi, ei in zip(x(c), e_(c))])),
        I(r"\sum_{i=1}^{n} (x_i - \bar{x})(y_i - \bar{y}) - \hat{\beta}_1 \sum_{i=1}^{n} (x_i - \bar{x})^2",
          lambda c: sxy(c) - hb1(c) * sxx(c)),
        I(r"0", const(0)),
    ], ctxs=N24))

    def detH(c):
        Sx = Sfun(c)
        H = sp.Matrix([[sp.diff(Sx, u, v) for v in (b0, b1)] for u in (b0, b1)])
        return H.det()

    ch.append(Chain("det H", [
        I(r"\det H", detH),
        I(r"2n \cdot 2\sum_{i=1}^{n} x_i^2 - (2n\bar{x})^2", lambda c: 2 * c["n"] * 2 * sp.Add(*[xi ** 2 for xi in x(c)]) - (2 * c["n"] * xb(c)) ** 2),
        I(r"4n\Bigl( \sum_{i=1}^{n} x_i^2 - n\bar{x}^2 \Bigr)", lambda c: 4 * c["n"] * (sp.Add(*[xi ** 2 for xi in x(c)]) - c["n"] * xb(c) ** 2)),
        I(r"4n \sum_{i=1}^{n} (x_i - \bar{x})^2", lambda c: 4 * c["n"] * sxx(c)),
    ], ctxs=N14))
    c4 = {"n": 4}
    data = dict(zip(vec("x", 4), [0, 1, 2, 3]))
    data.update(dict(zip(vec("y", 4), [1, 3, 2, 6])))
    ch.append(Chain("ex b1", [
        I(r"\hat{\beta}_1", const(hb1(c4).subs(data))),
        I(r"\frac{(-1.5)(-2) + (-0.5)(0) + (0.5)(-1) + (1.5)(3)}{2.25 + 0.25 + 0.25 + 2.25}",
          const((Q(-3, 2) * (-2) + Q(-1, 2) * 0 + Q(1, 2) * (-1) + Q(3, 2) * 3) / (Q(9, 4) + Q(1, 4) + Q(1, 4) + Q(9, 4)))),
        I(r"\frac{7}{5}", const(Q(7, 5))),
        I(r"1.4", const(Q(7, 5))),
    ]))
    ch.append(Chain("ex b0", [
        I(r"\hat{\beta}_0", const(hb0(c4).subs(data))),
        I(r"3 - 1.4 \times 1.5", const(3 - Q(7, 5) * Q(3, 2))),
        I(r"0.9", const(Q(9, 10))),
    ]))
    doc = Doc("simple_regression_pset.tex", ch)
    return with_plant(doc, r"= \sum_{i=1}^{n} x_i^2 - 2\bar{x} \sum_{i=1}^{n} x_i + n\bar{x}^2",
                      r"= \sum_{i=1}^{n} x_i^2 - 2\bar{x} \sum_{i=1}^{n} x_i + 2n\bar{x}^2", "centre xx", 1,
                      I(r"\sum_{i=1}^{n} x_i^2 - 2\bar{x} \sum_{i=1}^{n} x_i + 2n\bar{x}^2",
                        lambda c: sp.Add(*[xi ** 2 for xi in vec("x", c["n"])]) - 2 * mean(vec("x", c["n"])) * sp.Add(*vec("x", c["n"]))
                        + 2 * c["n"] * mean(vec("x", c["n"])) ** 2),
                      "wrong constant: 2n x-bar^2 for n x-bar^2 in the expanded centred sum of squares")



def least_squares_index_forum():
    def X(c):
        return mat("x", c["n"], c["d"])

    def y(c):
        return vec("y", c["n"])

    def w(c):
        return vec("w", c["d"])

    def J(c):
        Xm, yy, ww = X(c), y(c), w(c)
        return sp.Add(*[(yy[i] - sp.Add(*[Xm[i][k] * ww[k] for k in range(c["d"])])) ** 2 for i in range(c["n"])])

    def resid(c, i):
        return y(c)[i] - sp.Add(*[X(c)[i][k] * w(c)[k] for k in range(c["d"])])

    def G(c, k, l):
        return sp.Add(*[X(c)[i][k] * X(c)[i][l] for i in range(c["n"])])

    def cc(c, k):
        return sp.Add(*[X(c)[i][k] * y(c)[i] for i in range(c["n"])])

    CT = [{"n": n, "d": d, "j": j, "k": k} for n in range(1, 5) for d in range(1, 4)
          for j in range(1, d + 1) for k in range(1, d + 1)]
    CJ = [c for c in CT if c["k"] == 1]
    C1 = [c for c in CJ if c["j"] == 1]
    ch = []
    ch.append(Chain("def J", [
        I(r"J(\mathbf{w})", J),
        I(r"\sum_{i=1}^{n} \Bigl( y_i - \sum_{k=1}^{d} x_{ik} w_k \Bigr)^2", J),
    ], DEF, C1))

    def wj(c):
        return w(c)[c["j"] - 1]

    def matvec(c):
        Xm = sp.Matrix(X(c))
        yv = sp.Matrix(y(c))
        wv = sp.Matrix(w(c))
        return (Xm.T * yv - Xm.T * Xm * wv)[c["j"] - 1]

    ch.append(Chain("route 1", [
        I(r"\frac{\partial J}{\partial w_j}", lambda c: sp.diff(J(c), wj(c))),
        I(r"\sum_{i=1}^{n} 2 \Bigl( y_i - \sum_{k=1}^{d} x_{ik} w_k \Bigr) \cdot \Bigl( -\sum_{k=1}^{d} x_{ik} \frac{\partial w_k}{\partial w_j} \Bigr)",
          lambda c: sp.Add(*[2 * resid(c, i) * (-sp.Add(*[X(c)[i][k] * sp.diff(w(c)[k], wj(c)) for k in range(c["d"])]))
                             for i in range(c["n"])])),
        I(r"-2 \sum_{i=1}^{n} x_{ij} \Bigl( y_i - \sum_{k=1}^{d} x_{ik} w_k \Bigr)",
          lambda c: -2 * sp.Add(*[X(c)[i][c["j"] - 1] * resid(c, i) for i in range(c["n"])])),
        I(r"-2 \Bigl( \sum_{i=1}^{n} x_{ij} y_i - \sum_{k=1}^{d} \Bigl( \sum_{i=1}^{n} x_{ij} x_{ik} \Bigr) w_k \Bigr)",
          lambda c: -2 * (cc(c, c["j"] - 1) - sp.Add(*[G(c, c["j"] - 1, k) * w(c)[k] for k in range(c["d"])]))),
        I(r"-2 \bigl( X^\top \mathbf{y} - X^\top X \mathbf{w} \bigr)_j", lambda c: -2 * matvec(c)),
    ], ctxs=CJ))
    ch.append(Chain("expand", [
        I(r"J(\mathbf{w})", J),
        I(r"\sum_{i} y_i^2 - 2 \sum_{k} w_k \sum_{i} x_{ik} y_i + \sum_{k} \sum_{l} w_k w_l \sum_{i} x_{ik} x_{il}",
          lambda c: sp.Add(*[t ** 2 for t in y(c)]) - 2 * sp.Add(*[w(c)[k] * cc(c, k) for k in range(c["d"])])
          + sp.Add(*[w(c)[k] * w(c)[l] * G(c, k, l) for k in range(c["d"]) for l in range(c["d"])])),
    ], ctxs=C1))
    ch.append(Chain("def G", [I(r"G_{kl}", lambda c: G(c, c["j"] - 1, c["k"] - 1)),
                              I(r"\sum_{i} x_{ik} x_{il}", lambda c: G(c, c["j"] - 1, c["k"] - 1))], DEF, CT))
    ch.append(Chain("def c", [I(r"c_k", lambda c: cc(c, c["j"] - 1)), I(r"\sum_{i} x_{ik} y_i", lambda c: cc(c, c["j"] - 1))], DEF, CJ))

    def quad(c):
        return sp.Add(*[w(c)[k] * w(c)[l] * G(c, k, l) for k in range(c["d"]) for l in range(c["d"])])

    ch.append(Chain("quad", [
        I(r"\frac{\partial}{\partial w_j} \sum_{k} \sum_{l} w_k w_l G_{kl}", lambda c: sp.diff(quad(c), wj(c))),
        I(r"\sum_{l} w_l G_{jl} + \sum_{k} w_k G_{kj}",
          lambda c: sp.Add(*[w(c)[l] * G(c, c["j"] - 1, l) for l in range(c["d"])]) + sp.Add(*[w(c)[k] * G(c, k, c["j"] - 1) for k in range(c["d"])])),
        I(r"2 \sum_{k} G_{jk} w_k", lambda c: 2 * sp.Add(*[G(c, c["j"] - 1, k) * w(c)[k] for k in range(c["d"])])),
    ], ctxs=CJ))
    ch.append(Chain("grad route 2", [
        I(r"\frac{\partial J}{\partial w_j}", lambda c: sp.diff(J(c), wj(c))),
        I(r"-2 c_j + 2 \sum_{k} G_{jk} w_k", lambda c: -2 * cc(c, c["j"] - 1) + 2 * sp.Add(*[G(c, c["j"] - 1, k) * w(c)[k] for k in range(c["d"])])),
    ], ctxs=CJ))
    ch.append(Chain("hessian", [
        I(r"\frac{\partial^2 J}{\partial w_j \, \partial w_k}", lambda c: sp.diff(J(c), wj(c), w(c)[c["k"] - 1])),
        I(r"2 G_{jk}", lambda c: 2 * G(c, c["j"] - 1, c["k"] - 1)),
        I(r"2 \bigl( X^\top X \bigr)_{jk}", lambda c: 2 * (sp.Matrix(X(c)).T * sp.Matrix(X(c)))[c["j"] - 1, c["k"] - 1]),
    ], ctxs=CT))
    # one feature
    wsym = R("w")

    def x1(c):
        return vec("u", c["n"])

    def J1(c, ww=None):
        ww = wsym if ww is None else ww
        return sp.Add(*[(yi - ww * xi) ** 2 for xi, yi in zip(x1(c), y(c))])

    def sxy(c):
        return sp.Add(*[xi * yi for xi, yi in zip(x1(c), y(c))])

    def sxx(c):
        return sp.Add(*[xi ** 2 for xi in x1(c)])

    def what(c):
        return sxy(c) / sxx(c)

    def syy(c):
        return sp.Add(*[yi ** 2 for yi in y(c)])

    N14 = sizes(1, 4)
    ch.append(Chain("J prime", [
        I(r"J'(w)", lambda c: sp.diff(J1(c), wsym)),
        I(r"-2 \sum_{i=1}^{n} x_i (y_i - w x_i)", lambda c: -2 * sp.Add(*[xi * (yi - wsym * xi) for xi, yi in zip(x1(c), y(c))])),
        I(r"2 \Bigl( w \sum_{i=1}^{n} x_i^2 - \sum_{i=1}^{n} x_i y_i \Bigr)", lambda c: 2 * (wsym * sxx(c) - sxy(c))),
    ], ctxs=N14))
    ch.append(Chain("def w hat", [I(r"\hat{w}", what), I(r"\dfrac{\sum_{i=1}^{n} x_i y_i}{\sum_{i=1}^{n} x_i^2}", what)], DEF, N14))
    ch.append(Chain("J prime at hat", [
        I(r"J'(\hat{w})", lambda c: sp.diff(J1(c), wsym).subs(wsym, what(c))),
        I(r"2 \Bigl( \frac{\sum_{i} x_i y_i}{\sum_{i} x_i^2} \sum_{i} x_i^2 - \sum_{i} x_i y_i \Bigr)", lambda c: 2 * (sxy(c) / sxx(c) * sxx(c) - sxy(c))),
        I(r"0", const(0)),
    ], ctxs=N14))
    ch.append(Chain("J at hat", [
        I(r"J(\hat{w})", lambda c: J1(c, what(c))),
        I(r"\sum_{i} y_i^2 - 2 \hat{w} \sum_{i} x_i y_i + \hat{w}^2 \sum_{i} x_i^2", lambda c: syy(c) - 2 * what(c) * sxy(c) + what(c) ** 2 * sxx(c)),
        I(r"\sum_{i} y_i^2 - \frac{\bigl( \sum_{i} x_i y_i \bigr)^2}{\sum_{i} x_i^2}", lambda c: syy(c) - sxy(c) ** 2 / sxx(c)),
    ], ctxs=N14))
    c3 = {"n": 3}
    data = dict(zip(vec("u", 3), [1, 2, 2]))
    data.update(dict(zip(vec("y", 3), [1, 3, 2])))
    ch.append(Chain("ex w", [
        I(r"\hat{w}", const(what(c3).subs(data))),
        I(r"\frac{1 \cdot 1 + 2 \cdot 3 + 2 \cdot 2}{1 + 4 + 4}", const(sp.Rational(1 * 1 + 2 * 3 + 2 * 2, 1 + 4 + 4))),
        I(r"\frac{11}{9}", const(Q(11, 9))),
    ]))
    ch.append(Chain("ex J", [
        I(r"J(\hat{w})", const(J1(c3, what(c3)).subs(data))),
        I(r"14 - \frac{121}{9}", const(14 - Q(121, 9))),
        I(r"\frac{5}{9}", const(Q(5, 9))),
    ]))
    doc = Doc("least_squares_index_forum.md", ch)
    return with_plant(doc, r"J'(w) = -2 \sum_{i=1}^{n} x_i (y_i - w x_i) =", r"J'(w) = -2 \sum_{i=1}^{n} (y_i - w x_i) =",
                      "J prime", 1,
                      I(r"-2 \sum_{i=1}^{n} (y_i - w x_i)", lambda c: -2 * sp.Add(*[(yi - wsym * xi) for xi, yi in zip(vec("u", c["n"]), vec("y", c["n"]))])),
                      "dropped factor: x_i in -2 sum x_i (y_i - w x_i)")



# ===========================================================================
# family 5: Gaussian log-likelihood
def gaussian_likelihood_exam():
    mu = R("mu")
    v = P("v", 0.4, 2.5)   # sigma^2

    def x(c):
        return vec("x", c["n"])

    def xb(c):
        return mean(x(c))

    def ss(c, m=None):
        m = mu if m is None else m
        return sp.Add(*[(xi - m) ** 2 for xi in x(c)])

    def ell(c):
        return sp.Add(*[sp.log(1 / sp.sqrt(2 * sp.pi * v) * sp.exp(-(xi - mu) ** 2 / (2 * v))) for xi in x(c)])

    def ell_simple(c):
        n = c["n"]
        return -sp.Rational(n, 2) * sp.log(2 * sp.pi) - sp.Rational(n, 2) * sp.log(v) - ss(c) / (2 * v)

    def Eg(c, e):
        return E_iid(e, x(c), gauss_moments(mu, v))

    def s2hat(c):
        return ss(c, xb(c)) / c["n"]

    N14 = sizes(1, 4)
    N24 = sizes(2, 4)
    ch = []
    ch.append(Chain("loglik", [
        I(r"\ell(\mu, \sigma^2)", ell_simple),
        I(r"\sum_{i=1}^{n} \log\Bigl[ \frac{1}{\sqrt{2\pi\sigma^2}} \exp\Bigl( -\frac{(x_i - \mu)^2}{2\sigma^2} \Bigr) \Bigr]", ell),
        I(r"\sum_{i=1}^{n} \Bigl[ -\frac{1}{2} \log(2\pi\sigma^2) - \frac{(x_i - \mu)^2}{2\sigma^2} \Bigr]",
          lambda c: sp.Add(*[-half * sp.log(2 * sp.pi * v) - (xi - mu) ** 2 / (2 * v) for xi in x(c)])),
        I(r"-\frac{n}{2} \log(2\pi) - \frac{n}{2} \log \sigma^2 - \frac{1}{2\sigma^2} \sum_{i=1}^{n} (x_i - \mu)^2", ell_simple),
    ], [DEF, "id", "id"], N14))
    ch.append(Chain("score mu", [
        I(r"\frac{\partial \ell}{\partial \mu}", lambda c: sp.diff(ell_simple(c), mu)),
        I(r"-\frac{1}{2\sigma^2} \sum_{i=1}^{n} 2(x_i - \mu)(-1)", lambda c: -1 / (2 * v) * sp.Add(*[2 * (xi - mu) * (-1) for xi in x(c)])),
        I(r"\frac{1}{\sigma^2} \sum_{i=1}^{n} (x_i - \mu)", lambda c: sp.Add(*[(xi - mu) for xi in x(c)]) / v),
        I(r"\frac{n}{\sigma^2} (\bar{x} - \mu)", lambda c: c["n"] / v * (xb(c) - mu)),
    ], ctxs=N14))
    ch.append(Chain("score s2", [
        I(r"\frac{\partial \ell}{\partial \sigma^2}", lambda c: sp.diff(ell_simple(c), v)),
        I(r"-\frac{n}{2\sigma^2} + \frac{1}{2\sigma^4} \sum_{i=1}^{n} (x_i - \mu)^2", lambda c: -c["n"] / (2 * v) + ss(c) / (2 * v ** 2)),
        I(r"\frac{1}{2\sigma^4} \Bigl[ \sum_{i=1}^{n} (x_i - \mu)^2 - n\sigma^2 \Bigr]", lambda c: (ss(c) - c["n"] * v) / (2 * v ** 2)),
    ], ctxs=N14))
    ch.append(Chain("def mu hat", [I(r"\hat{\mu}", xb), I(r"\bar{x}", xb)], DEF, N24))
    ch.append(Chain("def s2 hat", [I(r"\hat{\sigma}^2", s2hat), I(r"\frac{1}{n} \sum_{i=1}^{n} (x_i - \bar{x})^2", s2hat)], DEF, N24))
    ch.append(Chain("score at mle", [
        I(r"\frac{\partial \ell}{\partial \sigma^2}\Big|_{\mu = \hat{\mu},\ \sigma^2 = \hat{\sigma}^2}",
          lambda c: sp.diff(ell_simple(c), v).subs({mu: xb(c), v: s2hat(c)}, simultaneous=True)),
        I(r"\frac{1}{2\hat{\sigma}^4} \bigl( n\hat{\sigma}^2 - n\hat{\sigma}^2 \bigr)", lambda c: (c["n"] * s2hat(c) - c["n"] * s2hat(c)) / (2 * s2hat(c) ** 2)),
        I(r"0", const(0)),
    ], ctxs=N24))
    ch.append(Chain("d2 mu", [
        I(r"\frac{\partial^2 \ell}{\partial \mu^2}", lambda c: sp.diff(ell_simple(c), mu, 2)),
        I(r"-\frac{n}{\sigma^2}", lambda c: -c["n"] / v),
    ], ctxs=N14))
    ch.append(Chain("d2 mu s2", [
        I(r"\frac{\partial^2 \ell}{\partial \mu \, \partial \sigma^2}", lambda c: sp.diff(ell_simple(c), mu, v)),
        I(r"-\frac{n}{\sigma^4} (\bar{x} - \mu)", lambda c: -c["n"] / v ** 2 * (xb(c) - mu)),
    ], ctxs=N14))
    ch.append(Chain("d2 s2", [
        I(r"\frac{\partial^2 \ell}{\partial (\sigma^2)^2}", lambda c: sp.diff(ell_simple(c), v, 2)),
        I(r"\frac{n}{2\sigma^4} - \frac{1}{\sigma^6} \sum_{i=1}^{n} (x_i - \mu)^2", lambda c: c["n"] / (2 * v ** 2) - ss(c) / v ** 3),
    ], ctxs=N14))
    ch.append(Chain("I mumu", [
        I(r"I_{\mu\mu}", lambda c: -Eg(c, sp.diff(ell_simple(c), mu, 2))),
        I(r"-E\Bigl[ \frac{\partial^2 \ell}{\partial \mu^2} \Bigr]", lambda c: -Eg(c, sp.diff(ell_simple(c), mu, 2))),
        I(r"\frac{n}{\sigma^2}", lambda c: c["n"] / v),
    ], [DEF, "id"], N14))
    ch.append(Chain("I mus2", [
        I(r"I_{\mu\sigma^2}", lambda c: -Eg(c, sp.expand(sp.diff(ell_simple(c), mu, v) * v ** 2)) / v ** 2),
        I(r"-E\Bigl[ \frac{\partial^2 \ell}{\partial \mu \, \partial \sigma^2} \Bigr]",
          lambda c: -Eg(c, sp.expand(sp.diff(ell_simple(c), mu, v) * v ** 2)) / v ** 2),
        I(r"\frac{n}{\sigma^4}\, E\bigl[ \bar{X} - \mu \bigr]", lambda c: c["n"] / v ** 2 * Eg(c, xb(c) - mu)),
        I(r"0", const(0)),
    ], [DEF, "id", "id"], N14))
    ch.append(Chain("I s2s2", [
        I(r"I_{\sigma^2\sigma^2}", lambda c: -Eg(c, sp.expand(sp.diff(ell_simple(c), v, 2) * v ** 3)) / v ** 3),
        I(r"-E\Bigl[ \frac{\partial^2 \ell}{\partial (\sigma^2)^2} \Bigr]",
          lambda c: -Eg(c, sp.expand(sp.diff(ell_simple(c), v, 2) * v ** 3)) / v ** 3),
        I(r"-\frac{n}{2\sigma^4} + \frac{1}{\sigma^6} \sum_{i=1}^{n} E\bigl[ (X_i - \mu)^2 \bigr]",
          lambda c: -c["n"] / (2 * v ** 2) + sp.Add(*[Eg(c, (xi - mu) ** 2) for xi in x(c)]) / v ** 3),
        I(r"-\frac{n}{2\sigma^4} + \frac{n\sigma^2}{\sigma^6}", lambda c: -c["n"] / (2 * v ** 2) + c["n"] * v / v ** 3),
        I(r"\frac{n}{2\sigma^4}", lambda c: c["n"] / (2 * v ** 2)),
    ], [DEF, "id", "id", "id"], N14))
    c4 = {"n": 4}
    data = dict(zip(vec("x", 4), [2, 4, 4, 6]))
    ch.append(Chain("ex s2", [
        I(r"\hat{\sigma}^2", const(s2hat(c4).subs(data))),
        I(r"\frac{1}{4} (4 + 0 + 0 + 4)", const(Q(1, 4) * (4 + 0 + 0 + 4))),
        I(r"2", const(2)),
    ]))
    ch.append(Chain("ex ell", [
        I(r"\ell(\hat{\mu}, \hat{\sigma}^2)", const(ell_simple(c4).subs({mu: 4, v: 2}).subs(data))),
        I(r"-2 \log(2\pi) - 2 \log 2 - \frac{8}{2 \cdot 2}", const(-2 * sp.log(2 * sp.pi) - 2 * sp.log(2) - sp.Rational(8, 4))),
        I(r"-2 \log(4\pi) - 2", const(-2 * sp.log(4 * sp.pi) - 2)),
    ]))
    doc = Doc("gaussian_likelihood_exam.tex", ch)
    return with_plant(doc, r"= -\frac{n}{2\sigma^4} + \frac{n\sigma^2}{\sigma^6}", r"= -\frac{n}{2\sigma^4} + \frac{n\sigma^2}{\sigma^4}",
                      "I s2s2", 3, I(r"-\frac{n}{2\sigma^4} + \frac{n\sigma^2}{\sigma^4}", lambda c: -c["n"] / (2 * v ** 2) + c["n"] * v / v ** 2),
                      "wrong exponent: sigma^4 for sigma^6 under n sigma^2 in the Fisher information")



def gaussian_sigma_mle_study_notes():
    mu = R("mu")
    sg = P("sigma", 0.5, 2.0)
    vv = P("v", 0.4, 2.5)
    xx = R("x")

    def x(c):
        return vec("x", c["n"])

    def xb(c):
        return mean(x(c))

    def ss(c, m=None):
        m = mu if m is None else m
        return sp.Add(*[(xi - m) ** 2 for xi in x(c)])

    def logf(t):
        return sp.log(1 / (sg * sp.sqrt(2 * sp.pi)) * sp.exp(-(t - mu) ** 2 / (2 * sg ** 2)))

    def ell(c):
        return -c["n"] * sp.log(sg) - sp.Rational(c["n"], 2) * sp.log(2 * sp.pi) - ss(c) / (2 * sg ** 2)

    def ell_v(c):
        return -sp.Rational(c["n"], 2) * sp.log(2 * sp.pi * vv) - ss(c) / (2 * vv)

    def shat(c):
        return sp.sqrt(ss(c, xb(c)) / c["n"])

    N14 = sizes(1, 4)
    N24 = sizes(2, 4)
    ch = []
    ch.append(Chain("log f", [
        I(r"\log f(x \mid \mu, \sigma)", const(logf(xx))),
        I(r"\log \frac{1}{\sigma \sqrt{2\pi}} - \frac{(x - \mu)^2}{2\sigma^2}", const(sp.log(1 / (sg * sp.sqrt(2 * sp.pi))) - (xx - mu) ** 2 / (2 * sg ** 2))),
        I(r"-\log \sigma - \frac{1}{2} \log(2\pi) - \frac{(x - \mu)^2}{2\sigma^2}", const(-sp.log(sg) - half * sp.log(2 * sp.pi) - (xx - mu) ** 2 / (2 * sg ** 2))),
    ]))
    ch.append(Chain("ell", [
        I(r"\ell(\mu, \sigma)", ell),
        I(r"\sum_{i=1}^{n} \log f(x_i \mid \mu, \sigma)", lambda c: sp.Add(*[logf(xi) for xi in x(c)])),
        I(r"-n \log \sigma - \frac{n}{2} \log(2\pi) - \frac{1}{2\sigma^2} \sum_{i=1}^{n} (x_i - \mu)^2", ell),
    ], [DEF, "id"], N14))
    ch.append(Chain("score mu", [
        I(r"\partial_\mu \ell", lambda c: sp.diff(ell(c), mu)),
        I(r"\frac{1}{\sigma^2} \sum_{i=1}^{n} (x_i - \mu)", lambda c: sp.Add(*[xi - mu for xi in x(c)]) / sg ** 2),
    ], ctxs=N14))
    ch.append(Chain("score sigma", [
        I(r"\frac{\partial \ell}{\partial \sigma}", lambda c: sp.diff(ell(c), sg)),
        I(r"-\frac{n}{\sigma} + \frac{1}{\sigma^3} \sum_{i=1}^{n} (x_i - \mu)^2", lambda c: -c["n"] / sg + ss(c) / sg ** 3),
        I(r"\frac{1}{\sigma^3} \Bigl[ \sum_{i=1}^{n} (x_i - \mu)^2 - n\sigma^2 \Bigr]", lambda c: (ss(c) - c["n"] * sg ** 2) / sg ** 3),
    ], ctxs=N14))
    ch.append(Chain("def mu hat", [I(r"\hat{\mu}", xb), I(r"\bar{x}", xb)], DEF, N24))
    ch.append(Chain("def sigma hat", [I(r"\hat{\sigma}", shat), I(r"\sqrt{\frac{1}{n} \sum_{i=1}^{n} (x_i - \bar{x})^2}", shat)], DEF, N24))
    ch.append(Chain("chain rule", [
        I(r"\frac{\partial \ell}{\partial \sigma}", lambda c: sp.diff(ell(c), sg)),
        I(r"\frac{\partial \ell}{\partial (\sigma^2)} \cdot \frac{d (\sigma^2)}{d \sigma}", lambda c: sp.diff(ell_v(c), vv).subs(vv, sg ** 2) * sp.diff(sg ** 2, sg)),
        I(r"2\sigma \Bigl( -\frac{n}{2\sigma^2} + \frac{1}{2\sigma^4} \sum_{i=1}^{n} (x_i - \mu)^2 \Bigr)",
          lambda c: 2 * sg * (-c["n"] / (2 * sg ** 2) + ss(c) / (2 * sg ** 4))),
        I(r"-\frac{n}{\sigma} + \frac{1}{\sigma^3} \sum_{i=1}^{n} (x_i - \mu)^2", lambda c: -c["n"] / sg + ss(c) / sg ** 3),
    ], ctxs=N14))
    ch.append(Chain("d2", [
        I(r"\frac{\partial^2 \ell}{\partial \sigma^2}", lambda c: sp.diff(ell(c), sg, 2)),
        I(r"\frac{n}{\sigma^2} - \frac{3}{\sigma^4} \sum_{i=1}^{n} (x_i - \mu)^2", lambda c: c["n"] / sg ** 2 - 3 * ss(c) / sg ** 4),
    ], ctxs=N14))
    ch.append(Chain("d2 at mle", [
        I(r"\frac{\partial^2 \ell}{\partial \sigma^2} \Big|_{\mu = \bar{x},\ \sigma = \hat{\sigma}}",
          lambda c: sp.diff(ell(c), sg, 2).subs({mu: xb(c), sg: shat(c)}, simultaneous=True)),
        I(r"\frac{n}{\hat{\sigma}^2} - \frac{3 n \hat{\sigma}^2}{\hat{\sigma}^4}", lambda c: c["n"] / shat(c) ** 2 - 3 * c["n"] * shat(c) ** 2 / shat(c) ** 4),
        I(r"-\frac{2n}{\hat{\sigma}^2}", lambda c: -2 * c["n"] / shat(c) ** 2),
    ], ctxs=N24))

    def EI(c):
        e = sp.expand(sp.diff(ell(c), sg, 2) * sg ** 4)
        return -E_iid(e, x(c), gauss_moments(mu, sg ** 2)) / sg ** 4

    ch.append(Chain("I sigma", [
        I(r"I(\sigma)", EI),
        I(r"-E \Bigl[ \frac{\partial^2 \ell}{\partial \sigma^2} \Bigr]", EI),
        I(r"-\frac{n}{\sigma^2} + \frac{3 n \sigma^2}{\sigma^4}", lambda c: -c["n"] / sg ** 2 + 3 * c["n"] * sg ** 2 / sg ** 4),
        I(r"\frac{2n}{\sigma^2}", lambda c: 2 * c["n"] / sg ** 2),
    ], [DEF, "id", "id"], N14))
    c4 = {"n": 4}
    data = dict(zip(vec("x", 4), [2, 2, 6, 6]))
    ch.append(Chain("ex s2", [
        I(r"\hat{\sigma}^2", const((shat(c4) ** 2).subs(data))),
        I(r"\frac{(-2)^2 + (-2)^2 + 2^2 + 2^2}{4}", const(sp.Rational(4 + 4 + 4 + 4, 4))),
        I(r"4", const(4)),
    ]))
    ch.append(Chain("ex s", [I(r"\hat{\sigma}", const(shat(c4).subs(data))), I(r"2", const(2))]))
    ch.append(Chain("ex ell", [
        I(r"\ell(\bar{x}, \hat{\sigma})", const(ell(c4).subs({mu: 4, sg: 2}).subs(data))),
        I(r"-4 \log 2 - 2 \log(2\pi) - \frac{16}{2 \cdot 4}", const(-4 * sp.log(2) - 2 * sp.log(2 * sp.pi) - Q(16, 8))),
        I(r"-4 \log 2 - 2 \log(2\pi) - 2", const(-4 * sp.log(2) - 2 * sp.log(2 * sp.pi) - 2)),
    ]))
    doc = Doc("gaussian_sigma_mle_study_notes.md", ch)

    def wrong(c):
        sh = sp.sqrt(sp.Add(*[(xi - mean(vec("x", c["n"]))) ** 2 for xi in vec("x", c["n"])]) / c["n"])
        return c["n"] / sh ** 2 + 3 * c["n"] * sh ** 2 / sh ** 4
    return with_plant(doc, r"&= \frac{n}{\hat{\sigma}^2} - \frac{3 n \hat{\sigma}^2}{\hat{\sigma}^4} \\",
                      r"&= \frac{n}{\hat{\sigma}^2} + \frac{3 n \hat{\sigma}^2}{\hat{\sigma}^4} \\", "d2 at mle", 1,
                      I(r"\frac{n}{\hat{\sigma}^2} + \frac{3 n \hat{\sigma}^2}{\hat{\sigma}^4}", wrong),
                      "sign: + 3n sigma-hat^2 / sigma-hat^4 for - in the curvature at the MLE")



# ===========================================================================
# family 6: variance and covariance
def variance_covariance_lecture():
    mu = E(X)
    mx, my = E(X), E(Y)
    a, b, cc, d = R("a"), R("b"), R("c"), R("d")
    ch = []
    ch.append(Chain("shortcut", [
        I(r"\Var(X)", const(Var(X))),
        I(r"\E{(X - \mu)^2}", const(E((X - mu) ** 2))),
        I(r"\E{X^2 - 2\mu X + \mu^2}", const(E(X ** 2 - 2 * mu * X + mu ** 2))),
        I(r"\E{X^2} - 2\mu\,\E{X} + \mu^2", const(E(X ** 2) - 2 * mu * E(X) + mu ** 2)),
        I(r"\E{X^2} - \mu^2", const(E(X ** 2) - mu ** 2)),
    ], [DEF, "id", "id", "id"]))
    ch.append(Chain("affine", [
        I(r"\Var(aX + b)", const(Var(a * X + b))),
        I(r"\E{(aX + b - a\mu - b)^2}", const(E((a * X + b - a * mu - b) ** 2))),
        I(r"a^2\, \E{(X - \mu)^2}", const(a ** 2 * E((X - mu) ** 2))),
        I(r"a^2 \Var(X)", const(a ** 2 * Var(X))),
    ]))
    ch.append(Chain("cov", [
        I(r"\Cov(X, Y)", const(Cov(X, Y))),
        I(r"\E{(X - \mux)(Y - \muy)}", const(E((X - mx) * (Y - my)))),
        I(r"\E{XY} - \mux \muy", const(E(X * Y) - mx * my)),
    ], [DEF, "id"]))
    ch.append(Chain("cov affine", [
        I(r"\Cov(aX + c, bY + d)", const(Cov(a * X + cc, b * Y + d))),
        I(r"\E{(aX - a\mux)(bY - b\muy)}", const(E((a * X - a * mx) * (b * Y - b * my)))),
        I(r"ab \Cov(X, Y)", const(a * b * Cov(X, Y))),
    ]))
    ch.append(Chain("var sum", [
        I(r"\Var(X + Y)", const(Var(X + Y))),
        I(r"\E{\bigl( (X - \mux) + (Y - \muy) \bigr)^2}", const(E(((X - mx) + (Y - my)) ** 2))),
        I(r"\E{(X - \mux)^2} + 2\,\E{(X - \mux)(Y - \muy)} + \E{(Y - \muy)^2}",
          const(E((X - mx) ** 2) + 2 * E((X - mx) * (Y - my)) + E((Y - my) ** 2))),
        I(r"\Var(X) + 2\Cov(X, Y) + \Var(Y)", const(Var(X) + 2 * Cov(X, Y) + Var(Y))),
    ]))
    ch.append(Chain("var diff", [
        I(r"\Var(X - Y)", const(Var(X - Y))),
        I(r"\Var(X) + \Var(Y) - 2\Cov(X, Y)", const(Var(X) + Var(Y) - 2 * Cov(X, Y))),
    ]))
    m, s2 = R("mu"), P("sigma2", 0.3, 2.0)

    def xs(c):
        return vec("X", c["n"])

    def V(e, c):
        return Var_iid(e, xs(c), two_moments(m, s2))

    def Ei(e, c):
        return E_iid(e, xs(c), two_moments(m, s2))

    N14 = sizes(1, 4)
    ch.append(Chain("var mean", [
        I(r"\Var(\Xbar)", lambda c: V(mean(xs(c)), c)),
        I(r"\frac{1}{n^2} \Var\Bigl( \sum_{i=1}^{n} X_i \Bigr)", lambda c: V(sp.Add(*xs(c)), c) / c["n"] ** 2),
        I(r"\frac{1}{n^2} \sum_{i=1}^{n} \Var(X_i)", lambda c: sp.Add(*[V(xi, c) for xi in xs(c)]) / c["n"] ** 2),
        I(r"\frac{1}{n^2} \cdot n\sigma^2", lambda c: c["n"] * s2 / c["n"] ** 2),
        I(r"\frac{\sigma^2}{n}", lambda c: s2 / c["n"]),
    ], ctxs=N14))

    def ssd(c):
        xb = mean(xs(c))
        return sp.Add(*[(xi - xb) ** 2 for xi in xs(c)])

    ch.append(Chain("ss identity", [
        I(r"\sum_{i=1}^{n} (X_i - \Xbar)^2", ssd),
        I(r"\sum_{i=1}^{n} X_i^2 - 2\Xbar \sum_{i=1}^{n} X_i + n\Xbar^2",
          lambda c: sp.Add(*[xi ** 2 for xi in xs(c)]) - 2 * mean(xs(c)) * sp.Add(*xs(c)) + c["n"] * mean(xs(c)) ** 2),
        I(r"\sum_{i=1}^{n} X_i^2 - n\Xbar^2", lambda c: sp.Add(*[xi ** 2 for xi in xs(c)]) - c["n"] * mean(xs(c)) ** 2),
    ], ctxs=N14))
    ch.append(Chain("unbiased", [
        I(r"\E{\sum_{i=1}^{n} (X_i - \Xbar)^2}", lambda c: Ei(ssd(c), c)),
        I(r"\sum_{i=1}^{n} \E{X_i^2} - n\,\E{\Xbar^2}", lambda c: sp.Add(*[Ei(xi ** 2, c) for xi in xs(c)]) - c["n"] * Ei(mean(xs(c)) ** 2, c)),
        I(r"n(\sigma^2 + \mu^2) - n\Bigl( \frac{\sigma^2}{n} + \mu^2 \Bigr)", lambda c: c["n"] * (s2 + m ** 2) - c["n"] * (s2 / c["n"] + m ** 2)),
        I(r"(n - 1)\sigma^2", lambda c: (c["n"] - 1) * s2),
    ], ctxs=sizes(2, 4)))
    vals = [1, 2, 3, 4]
    EX = sp.Rational(sum(vals), 4)
    EX2 = sp.Rational(sum(v * v for v in vals), 4)
    ch.append(Chain("ex var", [
        I(r"\Var(X)", const(EX2 - EX ** 2)),
        I(r"\frac{1 + 4 + 9 + 16}{4} - \Bigl( \frac{5}{2} \Bigr)^2", const(Q(30, 4) - Q(5, 2) ** 2)),
        I(r"\frac{15}{2} - \frac{25}{4}", const(Q(15, 2) - Q(25, 4))),
        I(r"\frac{5}{4}", const(Q(5, 4))),
    ]))
    ch.append(Chain("ex affine", [
        I(r"\Var(2X + 3)", const(sp.Add(*[(2 * v + 3 - (2 * EX + 3)) ** 2 for v in vals]) / 4)),
        I(r"4 \Var(X)", const(4 * (EX2 - EX ** 2))),
        I(r"5", const(5)),
    ]))
    doc = Doc("variance_covariance_lecture.tex", ch)
    return with_plant(doc, r"&= \E{(X - \mux)^2} + 2\,\E{(X - \mux)(Y - \muy)} + \E{(Y - \muy)^2} \nonumber\\",
                      r"&= \E{(X - \mux)^2} + \E{(Y - \muy)^2} \nonumber\\", "var sum", 2,
                      I(r"\E{(X - \mux)^2} + \E{(Y - \muy)^2}", const(E((X - mx) ** 2) + E((Y - my) ** 2))),
                      "dropped term: the cross term 2 E[(X - mu_X)(Y - mu_Y)] in the expansion of Var(X + Y)")



def variance_rules_cheatsheet():
    EX = E(X)
    a, b, cc, d = R("a"), R("b"), R("c"), R("d")

    def corr(U, V):
        return Cov(U, V) / sp.sqrt(Var(U) * Var(V))

    ch = []
    ch.append(Chain("shortcut", [
        I(r"\operatorname{Var}(X)", const(Var(X))),
        I(r"E\bigl[(X - E[X])^2\bigr]", const(E((X - EX) ** 2))),
        I(r"E[X^2] - 2E[X]^2 + E[X]^2", const(E(X ** 2) - 2 * EX ** 2 + EX ** 2)),
        I(r"E[X^2] - E[X]^2", const(E(X ** 2) - EX ** 2)),
    ], [DEF, "id", "id"]))
    ch.append(Chain("affine", [I(r"\operatorname{Var}(aX + b)", const(Var(a * X + b))),
                               I(r"a^2 \operatorname{Var}(X)", const(a ** 2 * Var(X)))]))
    ch.append(Chain("cov", [I(r"\mathrm{Cov}(X, Y)", const(Cov(X, Y))), I(r"E[XY] - E[X]\,E[Y]", const(E(X * Y) - E(X) * E(Y)))]))
    ch.append(Chain("bilinear", [
        I(r"\mathrm{Cov}(aX + bY, cX + dY)", const(Cov(a * X + b * Y, cc * X + d * Y))),
        I(r"ac\,\mathrm{Cov}(X, X) + ad\,\mathrm{Cov}(X, Y) + bc\,\mathrm{Cov}(Y, X) + bd\,\mathrm{Cov}(Y, Y)",
          const(a * cc * Cov(X, X) + a * d * Cov(X, Y) + b * cc * Cov(Y, X) + b * d * Cov(Y, Y))),
        I(r"ac \operatorname{Var}(X) + (ad + bc)\,\mathrm{Cov}(X, Y) + bd \operatorname{Var}(Y)",
          const(a * cc * Var(X) + (a * d + b * cc) * Cov(X, Y) + b * d * Var(Y))),
    ]))
    ch.append(Chain("sum diff", [
        I(r"\mathrm{Cov}(X + Y, X - Y)", const(Cov(X + Y, X - Y))),
        I(r"\operatorname{Var}(X) - \mathrm{Cov}(X, Y) + \mathrm{Cov}(Y, X) - \operatorname{Var}(Y)",
          const(Var(X) - Cov(X, Y) + Cov(Y, X) - Var(Y))),
        I(r"\operatorname{Var}(X) - \operatorname{Var}(Y)", const(Var(X) - Var(Y))),
    ]))
    ch.append(Chain("var lin", [
        I(r"\operatorname{Var}(aX + bY)", const(Var(a * X + b * Y))),
        I(r"a^2 \operatorname{Var}(X) + 2ab\,\mathrm{Cov}(X, Y) + b^2 \operatorname{Var}(Y)",
          const(a ** 2 * Var(X) + 2 * a * b * Cov(X, Y) + b ** 2 * Var(Y))),
    ]))
    ch.append(Chain("corr", [
        I(r"\mathrm{Corr}(aX + b, cY + d)", const(corr(a * X + b, cc * Y + d))),
        I(r"\frac{ac\,\mathrm{Cov}(X, Y)}{\sqrt{a^2 \operatorname{Var}(X)\, c^2 \operatorname{Var}(Y)}}",
          const(a * cc * Cov(X, Y) / sp.sqrt(a ** 2 * Var(X) * cc ** 2 * Var(Y)))),
        I(r"\frac{ac}{|a|\,|c|}\, \mathrm{Corr}(X, Y)", const(a * cc / (sp.Abs(a) * sp.Abs(cc)) * corr(X, Y))),
    ]))
    m, s2 = R("mu"), P("sigma2", 0.3, 2.0)

    def xs(c):
        return vec("X", c["n"])

    def ws(c):
        return vec("w", c["n"])

    def V(e, c):
        return Var_iid(e, xs(c), two_moments(m, s2))

    def Cv(u, w_, c):
        return Cov_iid(u, w_, xs(c), two_moments(m, s2))

    N14 = sizes(1, 4)
    ch.append(Chain("weighted", [
        I(r"\operatorname{Var}\Bigl( \sum_{i=1}^{n} w_i X_i \Bigr)", lambda c: V(sp.Add(*[w * x for w, x in zip(ws(c), xs(c))]), c)),
        I(r"\sum_{i=1}^{n} \sum_{j=1}^{n} w_i w_j\, \mathrm{Cov}(X_i, X_j)",
          lambda c: sp.Add(*[ws(c)[i] * ws(c)[j] * Cv(xs(c)[i], xs(c)[j], c) for i in range(c["n"]) for j in range(c["n"])])),
        I(r"\sum_{i=1}^{n} w_i^2 \sigma^2", lambda c: sp.Add(*[w ** 2 * s2 for w in ws(c)])),
        I(r"\sigma^2 \sum_{i=1}^{n} w_i^2", lambda c: s2 * sp.Add(*[w ** 2 for w in ws(c)])),
    ], ctxs=N14))
    ch.append(Chain("mean", [
        I(r"\operatorname{Var}(\bar{X})", lambda c: V(mean(xs(c)), c)),
        I(r"\sigma^2 \cdot n \cdot \frac{1}{n^2}", lambda c: s2 * c["n"] * sp.Rational(1, c["n"] ** 2)),
        I(r"\frac{\sigma^2}{n}", lambda c: s2 / c["n"]),
    ], ctxs=N14))
    p = P("p", 0.05, 0.95)
    ch.append(Chain("bernoulli", [
        I(r"\operatorname{Var}(X)", const(p * (1 - p) ** 2 + (1 - p) * p ** 2)),
        I(r"E[X^2] - E[X]^2", const(p * 1 ** 2 - p ** 2)),
        I(r"p - p^2", const(p - p ** 2)),
        I(r"p(1 - p)", const(p * (1 - p))),
    ]))
    u = sp.Symbol("u", real=True)
    ch.append(Chain("uniform", [
        I(r"\operatorname{Var}(U)", const(sp.integrate((u - sp.Rational(1, 2)) ** 2, (u, 0, 1)))),
        I(r"\int_0^1 u^2\,du - \Bigl( \int_0^1 u\,du \Bigr)^2", const(sp.Integral(u ** 2, (u, 0, 1)) - sp.Integral(u, (u, 0, 1)) ** 2)),
        I(r"\frac{1}{3} - \frac{1}{4}", const(Q(1, 3) - Q(1, 4))),
        I(r"\frac{1}{12}", const(Q(1, 12))),
    ]))
    lo = R("a_lo", -2, 0)
    hi = R("b_hi", 0.5, 3)

    def var_affine():
        t = lo + (hi - lo) * u
        m1 = sp.integrate(t, (u, 0, 1))
        return sp.integrate((t - m1) ** 2, (u, 0, 1))

    # a < b: the symbols are drawn from disjoint ranges (a in [-2, 0], b in [0.5, 3])
    ch.append(Chain("uniform ab", [
        I(r"\operatorname{Var}\bigl(a + (b - a)U\bigr)", const(var_affine())),
        I(r"(b - a)^2 \operatorname{Var}(U)", const((hi - lo) ** 2 * Q(1, 12))),
        I(r"\frac{(b - a)^2}{12}", const((hi - lo) ** 2 / 12)),
    ]))
    ch.append(Chain("numbers", [
        I(r"\operatorname{Var}(2X - 3Y)", const(4 * 4 + 2 * 2 * (-3) * 1 + 9 * 1)),
        I(r"4 \cdot 4 - 12 \cdot 1 + 9 \cdot 1", const(4 * 4 - 12 * 1 + 9 * 1)),
        I(r"13", const(13)),
    ]))
    doc = Doc("variance_rules_cheatsheet.md", ch)
    return with_plant(doc, r"= \frac{1}{3} - \frac{1}{4} =", r"= \frac{1}{2} - \frac{1}{4} =", "uniform", 2,
                      I(r"\frac{1}{2} - \frac{1}{4}", const(Q(1, 2) - Q(1, 4))),
                      "wrong constant: 1/2 for 1/3 as the value of the integral of u^2 over (0, 1)")


DOCS = [softmax_jacobian_textbook, softmax_jacobian_log_trick_answer, crossentropy_softmax_slides,
        crossentropy_gradient_notebook, logistic_regression_appendix, logistic_regression_likelihood_blog,
        simple_regression_pset, least_squares_index_forum, gaussian_likelihood_exam, gaussian_sigma_mle_study_notes,
        variance_covariance_lecture, variance_rules_cheatsheet]
