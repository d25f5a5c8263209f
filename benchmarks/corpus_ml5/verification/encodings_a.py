"""Hand encodings of families 1-6 of corpus_ml5 (softmax Jacobian, cross-entropy through softmax,
logistic regression, least squares, Gaussian MLE, two-layer backprop).

Every expression is (LaTeX anchor, function of the context). See framework.py."""
import sympy as sp

from framework import Chain, Doc, R, P, delta, with_plant, sig
from helpers import vec, mat, pairs, singles, sizes, S, targets, grid, softmax, dsig, local

log, exp = sp.log, sp.exp
half = sp.Rational(1, 2)
Q = sp.Rational

DOCS = []

# ---------------------------------------------------------------------------
# family 1: softmax Jacobian


def doc_softmax_lecture():
    def z(c):
        return vec("z", c["K"])

    def Z(c):
        return sp.Add(*[exp(t) for t in z(c)])

    def s(c, k):
        return exp(z(c)[k - 1]) / Z(c)

    def ds(c, i, j):
        return sp.diff(s(c, i), z(c)[j - 1])

    Ks = lambda c: range(1, c["K"] + 1)
    i_, j_ = (lambda c: c["i"]), (lambda c: c["j"])
    ch = [
        Chain("Z", [("Z", Z), (r"\sum_{k=1}^{K} e^{z_k}", Z)], ["def"], ctxs=sizes(1, 4, "K")),
        Chain("s", [("s_i", lambda c: s(c, c["i"])), (r"\frac{e^{z_i}}{Z}", lambda c: s(c, c["i"]))], ["def"]),
        Chain("dZ", [(r"\pd{Z}{z_j}", lambda c: sp.diff(Z(c), z(c)[c["j"] - 1])),
                     (r"\sum_{k=1}^{K} \pd{e^{z_k}}{z_j}", lambda c: sp.Add(*[sp.diff(exp(t), z(c)[c["j"] - 1]) for t in z(c)])),
                     (r"\sum_{k=1}^{K} \delta_{kj}\, e^{z_k}", lambda c: sp.Add(*[delta(k, c["j"]) * exp(z(c)[k - 1]) for k in Ks(c)])),
                     (r"e^{z_j}", lambda c: exp(z(c)[c["j"] - 1]))], ctxs=singles("j")),
        Chain("quot", [(r"\pd{s_i}{z_j}", lambda c: ds(c, c["i"], c["j"])),
                       (r"\frac{\pd{e^{z_i}}{z_j}\, Z - e^{z_i}\, \pd{Z}{z_j}}{Z^2}",
                        lambda c: (sp.diff(exp(z(c)[c["i"] - 1]), z(c)[c["j"] - 1]) * Z(c)
                                   - exp(z(c)[c["i"] - 1]) * sp.diff(Z(c), z(c)[c["j"] - 1])) / Z(c)**2),
                       (r"\frac{\delta_{ij}\, e^{z_i} Z - e^{z_i} e^{z_j}}{Z^2}",
                        lambda c: (delta(c["i"], c["j"]) * exp(z(c)[c["i"] - 1]) * Z(c)
                                   - exp(z(c)[c["i"] - 1]) * exp(z(c)[c["j"] - 1])) / Z(c)**2),
                       (r"\delta_{ij}\,\frac{e^{z_i}}{Z} - \frac{e^{z_i}}{Z}\cdot\frac{e^{z_j}}{Z}",
                        lambda c: delta(c["i"], c["j"]) * exp(z(c)[c["i"] - 1]) / Z(c)
                        - exp(z(c)[c["i"] - 1]) / Z(c) * exp(z(c)[c["j"] - 1]) / Z(c)),
                       (r"\delta_{ij}\, s_i - s_i s_j", lambda c: delta(c["i"], c["j"]) * s(c, c["i"]) - s(c, c["i"]) * s(c, c["j"])),
                       (r"s_i\left(\delta_{ij} - s_j\right)", lambda c: s(c, c["i"]) * (delta(c["i"], c["j"]) - s(c, c["j"])))]),
        Chain("diag", [(r"\pd{s_i}{z_i}", lambda c: ds(c, c["i"], c["i"])),
                       (r"s_i(1 - s_i)", lambda c: s(c, c["i"]) * (1 - s(c, c["i"])))], ctxs=singles("i")),
        Chain("off", [(r"\pd{s_i}{z_j}", lambda c: ds(c, c["i"], c["j"])),
                      (r"-s_i s_j", lambda c: -s(c, c["i"]) * s(c, c["j"]))], ctxs=pairs(4, lambda c: c["i"] != c["j"])),
        Chain("row", [(r"\sum_{j=1}^{K} \pd{s_i}{z_j}", lambda c: sp.Add(*[ds(c, c["i"], j) for j in Ks(c)])),
                      (r"s_i \sum_{j=1}^{K} \delta_{ij} - s_i \sum_{j=1}^{K} s_j",
                       lambda c: s(c, c["i"]) * sp.Add(*[delta(c["i"], j) for j in Ks(c)])
                       - s(c, c["i"]) * sp.Add(*[s(c, j) for j in Ks(c)])),
                      (r"s_i - s_i", lambda c: s(c, c["i"]) - s(c, c["i"])),
                      ("0", lambda c: 0)], ctxs=singles("i")),
        Chain("num1", [(r"\pd{s_3}{z_3}", lambda c: _num_soft(3, 3)),
                       (r"\frac{1}{2}\Bigl(1 - \frac{1}{2}\Bigr)", lambda c: half * (1 - half)),
                       (r"\frac{1}{4}", lambda c: Q(1, 4))], ctxs=[{}]),
        Chain("num2", [(r"\pd{s_1}{z_3}", lambda c: _num_soft(1, 3)),
                       (r"-\frac{1}{4}\cdot\frac{1}{2}", lambda c: -Q(1, 4) * half),
                       (r"-\frac{1}{8}", lambda c: -Q(1, 8))], ctxs=[{}]),
    ]
    d = Doc("softmax_jacobian_lecture.tex", ch, pairs(4))
    wrong = (r"s_i \sum_{j=1}^{K} \delta_{ij} - \sum_{j=1}^{K} s_j",
             lambda c: s(c, c["i"]) * sp.Add(*[delta(c["i"], j) for j in Ks(c)]) - sp.Add(*[s(c, j) for j in Ks(c)]))
    return with_plant(d, r"= s_i \sum_{j=1}^{K} \delta_{ij} - s_i \sum_{j=1}^{K} s_j",
                      r"= s_i \sum_{j=1}^{K} \delta_{ij} - \sum_{j=1}^{K} s_j", "row", 1, wrong,
                      "dropped factor: the s_i in front of the second sum")


def _num_soft(i, j):
    a = sp.symbols("_a1:4")
    sm = softmax(list(a))
    return sp.diff(sm[i - 1], a[j - 1]).subs({a[0]: 0, a[1]: 0, a[2]: log(2)})


def doc_softmax_blog():
    def z(c):
        return vec("z", c["K"])

    def Zs(c):
        return sp.Add(*[exp(t) for t in z(c)])

    def s(c, k):
        return exp(z(c)[k - 1]) / Zs(c)

    def ds(c, i, j):
        return sp.diff(s(c, i), z(c)[j - 1])

    cc = R("c")
    Ks = lambda c: range(1, c["K"] + 1)

    def g(c):
        return vec("g", c["K"])

    def L(c):
        return sp.Add(*[gi * s(c, k) for k, gi in zip(Ks(c), g(c))])

    def shifted(c):
        zz = [t + cc for t in z(c)]
        return exp(zz[c["i"] - 1]) / sp.Add(*[exp(t) for t in zz])

    ch = [
        Chain("log", [(r"\log s_i", lambda c: log(s(c, c["i"]))),
                      (r"z_i - \log\sum_{k} e^{z_k}", lambda c: z(c)[c["i"] - 1] - log(Zs(c)))], ctxs=singles("i")),
        Chain("dlog", [(r"\frac{\partial \log s_i}{\partial z_j}", lambda c: sp.diff(log(s(c, c["i"])), z(c)[c["j"] - 1])),
                       (r"\mathbb{1}[i=j] - \frac{1}{\sum_{k} e^{z_k}} \sum_{k} e^{z_k}\,\mathbb{1}[k=j]",
                        lambda c: delta(c["i"], c["j"]) - sp.Add(*[exp(z(c)[k - 1]) * delta(k, c["j"]) for k in Ks(c)]) / Zs(c)),
                       (r"\mathbb{1}[i=j] - \frac{e^{z_j}}{\sum_{k} e^{z_k}}", lambda c: delta(c["i"], c["j"]) - exp(z(c)[c["j"] - 1]) / Zs(c)),
                       (r"\mathbb{1}[i=j] - s_j", lambda c: delta(c["i"], c["j"]) - s(c, c["j"]))]),
        Chain("jac", [(r"\frac{\partial s_i}{\partial z_j}", lambda c: ds(c, c["i"], c["j"])),
                      (r"s_i\,\frac{\partial \log s_i}{\partial z_j}", lambda c: s(c, c["i"]) * sp.diff(log(s(c, c["i"])), z(c)[c["j"] - 1])),
                      (r"s_i\bigl(\mathbb{1}[i=j] - s_j\bigr)", lambda c: s(c, c["i"]) * (delta(c["i"], c["j"]) - s(c, c["j"])))]),
        Chain("J", [("J_{ij}", lambda c: ds(c, c["i"], c["j"])),
                    (r"\frac{\partial s_i}{\partial z_j}", lambda c: ds(c, c["i"], c["j"])),
                    (r"s_i\,\mathbb{1}[i=j] - s_i s_j", lambda c: s(c, c["i"]) * delta(c["i"], c["j"]) - s(c, c["i"]) * s(c, c["j"]))],
              ["def", "id"]),
        Chain("shift", [(r"s_i(z_1 + c, \dots, z_K + c)", shifted),
                        (r"\frac{e^{z_i + c}}{\sum_{k} e^{z_k + c}}", shifted),
                        (r"\frac{e^{c}\,e^{z_i}}{e^{c}\sum_{k} e^{z_k}}", lambda c: exp(cc) * exp(z(c)[c["i"] - 1]) / (exp(cc) * Zs(c))),
                        (r"s_i(z_1, \dots, z_K)", lambda c: s(c, c["i"]))], ctxs=singles("i")),
        Chain("vjp", [(r"\frac{\partial L}{\partial z_j}", lambda c: sp.diff(L(c), z(c)[c["j"] - 1])),
                      (r"\sum_{i} g_i\,\frac{\partial s_i}{\partial z_j}", lambda c: sp.Add(*[g(c)[i - 1] * ds(c, i, c["j"]) for i in Ks(c)])),
                      (r"\sum_{i} g_i\,s_i\bigl(\mathbb{1}[i=j] - s_j\bigr)",
                       lambda c: sp.Add(*[g(c)[i - 1] * s(c, i) * (delta(i, c["j"]) - s(c, c["j"])) for i in Ks(c)])),
                      (r"g_j s_j - s_j \sum_{i} g_i s_i",
                       lambda c: g(c)[c["j"] - 1] * s(c, c["j"]) - s(c, c["j"]) * sp.Add(*[g(c)[i - 1] * s(c, i) for i in Ks(c)])),
                      (r"s_j\Bigl(g_j - \sum_{i} g_i s_i\Bigr)",
                       lambda c: s(c, c["j"]) * (g(c)[c["j"] - 1] - sp.Add(*[g(c)[i - 1] * s(c, i) for i in Ks(c)])))],
              ctxs=singles("j")),
        Chain("num1", [(r"\frac{\partial \log s_1}{\partial z_1}", lambda c: _num_soft2("log", 1, 1)),
                       (r"1 - \frac{2}{3}", lambda c: 1 - Q(2, 3)), (r"\frac{1}{3}", lambda c: Q(1, 3))], ctxs=[{}]),
        Chain("num2", [(r"\frac{\partial s_2}{\partial z_1}", lambda c: _num_soft2("s", 2, 1)),
                       (r"-\frac{1}{3}\cdot\frac{2}{3}", lambda c: -Q(1, 3) * Q(2, 3)), (r"-\frac{2}{9}", lambda c: -Q(2, 9))], ctxs=[{}]),
    ]
    d = Doc("softmax_logderivative_blog.md", ch, pairs(4))
    wrong = (r"g_j s_j - s_j \sum_{i} g_i s_j",
             lambda c: g(c)[c["j"] - 1] * s(c, c["j"]) - s(c, c["j"]) * sp.Add(*[g(c)[i - 1] * s(c, c["j"]) for i in Ks(c)]))
    return with_plant(d, r"&= g_j s_j - s_j \sum_{i} g_i s_i \\", r"&= g_j s_j - s_j \sum_{i} g_i s_j \\", "vjp", 3, wrong,
                      "wrong index: g_i s_j for g_i s_i inside the sum over i")


def _num_soft2(kind, i, j):
    a = sp.symbols("_b1:3")
    sm = softmax(list(a))
    f = log(sm[i - 1]) if kind == "log" else sm[i - 1]
    return sp.diff(f, a[j - 1]).subs({a[0]: log(2), a[1]: 0})


DOCS += [doc_softmax_lecture, doc_softmax_blog]


# ---------------------------------------------------------------------------
# family 2: cross-entropy through softmax


def doc_ce_pset():
    def z(c):
        return vec("z", c["K"])

    def p(c, k):
        return softmax(z(c))[k - 1]

    Ks = lambda c: range(1, c["K"] + 1)

    def y(c):
        return targets(c["K"])

    def L(c):
        return -sp.Add(*[y(c)[k - 1] * log(p(c, k)) for k in Ks(c)])

    def Lhot(c):
        return -sp.Add(*[delta(k, c["c"]) * log(p(c, k)) for k in Ks(c)])

    def dp(c, k, j):
        return sp.diff(p(c, k), z(c)[j - 1])

    def dL(c):
        return sp.diff(L(c), z(c)[c["j"] - 1])

    yj = lambda c: y(c)[c["j"] - 1]
    pj = lambda c: p(c, c["j"])
    others = lambda c: sp.Add(*[y(c)[k - 1] for k in Ks(c) if k != c["j"]])
    ch = [
        Chain("L", [("L", L), (r"-\sum_{k=1}^{K} y_k \log p_k", L)], ["def"], ctxs=sizes(1, 4, "K")),
        Chain("hot", [("L", Lhot), (r"-\log p_c", lambda c: -log(p(c, c["c"]))),
                      (r"-z_c + \log\sum_{m=1}^{K} e^{z_m}", lambda c: -z(c)[c["c"] - 1] + log(sp.Add(*[exp(t) for t in z(c)])))],
              ctxs=grid(range(1, 5), ["c"])),
        Chain("hotgrad", [(r"\frac{\partial L}{\partial z_j}", lambda c: sp.diff(Lhot(c), z(c)[c["j"] - 1])),
                          (r"-\delta_{jc} + \frac{e^{z_j}}{\sum_{m=1}^{K} e^{z_m}}",
                           lambda c: -delta(c["j"], c["c"]) + exp(z(c)[c["j"] - 1]) / sp.Add(*[exp(t) for t in z(c)])),
                          (r"p_j - \delta_{jc}", lambda c: pj(c) - delta(c["j"], c["c"])),
                          (r"p_j - y_j", lambda c: pj(c) - delta(c["j"], c["c"]))],
              ctxs=grid(range(1, 5), ["c", "j"])),
        Chain("gen", [(r"\frac{\partial L}{\partial z_j}", dL),
                      (r"-\sum_{k=1}^{K} \frac{y_k}{p_k}\,\frac{\partial p_k}{\partial z_j}",
                       lambda c: -sp.Add(*[y(c)[k - 1] / p(c, k) * dp(c, k, c["j"]) for k in Ks(c)])),
                      (r"-\sum_{k=1}^{K} y_k\,(\delta_{kj} - p_j)",
                       lambda c: -sp.Add(*[y(c)[k - 1] * (delta(k, c["j"]) - pj(c)) for k in Ks(c)])),
                      (r"-y_j + p_j \sum_{k=1}^{K} y_k", lambda c: -yj(c) + pj(c) * sp.Add(*y(c))),
                      (r"p_j - y_j", lambda c: pj(c) - yj(c))]),
        Chain("split", [(r"\frac{\partial L}{\partial z_j}", dL),
                        (r"-y_j(1 - p_j) + p_j \sum_{k \neq j} y_k", lambda c: -yj(c) * (1 - pj(c)) + pj(c) * others(c)),
                        (r"-y_j + p_j\Bigl(y_j + \sum_{k \neq j} y_k\Bigr)", lambda c: -yj(c) + pj(c) * (yj(c) + others(c))),
                        (r"p_j - y_j", lambda c: pj(c) - yj(c))]),
        Chain("sum", [(r"\sum_{j=1}^{K} \frac{\partial L}{\partial z_j}", lambda c: sp.Add(*[sp.diff(L(c), t) for t in z(c)])),
                      (r"\sum_{j=1}^{K} p_j - \sum_{j=1}^{K} y_j", lambda c: sp.Add(*[p(c, k) for k in Ks(c)]) - sp.Add(*y(c))),
                      ("1 - 1", lambda c: sp.Integer(0)), ("0", lambda c: 0)], ctxs=sizes(1, 4, "K")),
        Chain("hess", [(r"\frac{\partial^2 L}{\partial z_i\,\partial z_j}", lambda c: sp.diff(L(c), z(c)[c["i"] - 1], z(c)[c["j"] - 1])),
                       (r"\frac{\partial p_j}{\partial z_i}", lambda c: dp(c, c["j"], c["i"])),
                       (r"p_j(\delta_{ij} - p_i)", lambda c: p(c, c["j"]) * (delta(c["i"], c["j"]) - p(c, c["i"])))],
              ctxs=pairs(4)),
        Chain("num", [(r"\frac{\partial L}{\partial z_2}", lambda c: _num_ce()),
                      (r"\frac{1}{3} - 1", lambda c: Q(1, 3) - 1), (r"-\frac{2}{3}", lambda c: -Q(2, 3))], ctxs=[{}]),
    ]
    d = Doc("crossentropy_softmax_pset.tex", ch, singles("j"))
    wrong = (r"-\sum_{k=1}^{K} y_k\,(\delta_{kj} - p_k)",
             lambda c: -sp.Add(*[y(c)[k - 1] * (delta(k, c["j"]) - p(c, k)) for k in Ks(c)]))
    return with_plant(d, r"y_k\,(\delta_{kj} - p_j)", r"y_k\,(\delta_{kj} - p_k)", "gen", 2, wrong,
                      "wrong index: p_k for p_j inside the sum over k")


def _num_ce():
    a = sp.symbols("_c1:4")
    pp = softmax(list(a))
    Lx = -log(pp[1])
    return sp.diff(Lx, a[1]).subs({a[0]: 0, a[1]: 0, a[2]: 0})


def doc_ce_answer():
    def z(c):
        return vec("z", c["K"])

    Ks = lambda c: range(1, c["K"] + 1)

    def Zs(c):
        return sp.Add(*[exp(t) for t in z(c)])

    def p(c, k):
        return exp(z(c)[k - 1]) / Zs(c)

    def y(c):
        return targets(c["K"])

    def L(c):
        return -sp.Add(*[y(c)[k - 1] * log(p(c, k)) for k in Ks(c)])

    def dL(c):
        return sp.diff(L(c), z(c)[c["j"] - 1])

    yj = lambda c: y(c)[c["j"] - 1]
    pj = lambda c: p(c, c["j"])

    # mini-batch: logits z_n_k, targets with the last class 1 - the others
    def Zb(c):
        return [[R("zb_%d_%d" % (n, k)) for k in range(1, c["K"] + 1)] for n in range(1, c["N"] + 1)]

    def Yb(c):
        out = []
        for n in range(1, c["N"] + 1):
            ys = [R("yb_%d_%d" % (n, k), 0.0, 1.0) for k in range(1, c["K"])]
            out.append(ys + [1 - sp.Add(*ys)])
        return out

    def Ln(c, n):
        zz, yy = Zb(c)[n - 1], Yb(c)[n - 1]
        pp = softmax(zz)
        return -sp.Add(*[a * log(b) for a, b in zip(yy, pp)])

    def J(c):
        return sp.Add(*[Ln(c, n) for n in range(1, c["N"] + 1)]) / c["N"]

    batch_ctx = [dict(N=N, K=K, n=n, j=j) for N in (1, 2, 3) for K in (1, 2, 3)
                 for n in range(1, N + 1) for j in range(1, K + 1)]

    def zb(c):
        return Zb(c)[c["n"] - 1][c["j"] - 1]

    def pb(c):
        return softmax(Zb(c)[c["n"] - 1])[c["j"] - 1]

    z1, z2 = R("z_1"), R("z_2")
    y1 = R("y_1", 0.0, 1.0)

    def L2():
        pp = softmax([z1, z2])
        return -(y1 * log(pp[0]) + (1 - y1) * log(pp[1]))

    ch = [
        Chain("L", [("L", L), (r"-\sum_k y_k \ln p_k", L),
                    (r"-\sum_k y_k z_k + \Bigl(\sum_k y_k\Bigr)\ln\sum_m \exp(z_m)",
                     lambda c: -sp.Add(*[a * b for a, b in zip(y(c), z(c))]) + sp.Add(*y(c)) * log(Zs(c))),
                    (r"-\sum_k y_k z_k + \ln\sum_m \exp(z_m)", lambda c: -sp.Add(*[a * b for a, b in zip(y(c), z(c))]) + log(Zs(c)))],
              ["def", "id", "id"], ctxs=sizes(1, 4, "K")),
        Chain("g1", [(r"\frac{\partial L}{\partial z_j}", dL),
                     (r"-y_j + \frac{\exp(z_j)}{\sum_m \exp(z_m)}", lambda c: -yj(c) + exp(z(c)[c["j"] - 1]) / Zs(c)),
                     (r"p_j - y_j", lambda c: pj(c) - yj(c))]),
        Chain("g2", [(r"\frac{\partial L}{\partial z_j}", dL),
                     (r"\sum_k \frac{\partial L}{\partial p_k}\,\frac{\partial p_k}{\partial z_j}",
                      lambda c: sp.Add(*[(-y(c)[k - 1] / p(c, k)) * sp.diff(p(c, k), z(c)[c["j"] - 1]) for k in Ks(c)])),
                     (r"\sum_k \Bigl(-\frac{y_k}{p_k}\Bigr)\,p_k\bigl(\mathbb{1}[k=j] - p_j\bigr)",
                      lambda c: sp.Add(*[(-y(c)[k - 1] / p(c, k)) * p(c, k) * (delta(k, c["j"]) - pj(c)) for k in Ks(c)])),
                     (r"-\sum_k y_k\,\mathbb{1}[k=j] + p_j \sum_k y_k",
                      lambda c: -sp.Add(*[y(c)[k - 1] * delta(k, c["j"]) for k in Ks(c)]) + pj(c) * sp.Add(*y(c))),
                     (r"p_j - y_j", lambda c: pj(c) - yj(c))]),
        Chain("batch", [(r"\frac{\partial J}{\partial z^{(n)}_j}", lambda c: sp.diff(J(c), zb(c))),
                        (r"\frac{1}{N}\,\frac{\partial L^{(n)}}{\partial z^{(n)}_j}", lambda c: sp.diff(Ln(c, c["n"]), zb(c)) / c["N"]),
                        (r"\frac{p^{(n)}_j - y^{(n)}_j}{N}", lambda c: (pb(c) - Yb(c)[c["n"] - 1][c["j"] - 1]) / c["N"])],
              ctxs=batch_ctx),
        Chain("two", [("p_1", lambda c: softmax([z1, z2])[0]),
                      (r"\frac{\exp(z_1)}{\exp(z_1) + \exp(z_2)}", lambda c: exp(z1) / (exp(z1) + exp(z2))),
                      (r"\frac{1}{1 + \exp(-(z_1 - z_2))}", lambda c: 1 / (1 + exp(-(z1 - z2)))),
                      (r"\sigma(z_1 - z_2)", lambda c: sig(z1 - z2))], ctxs=[{}]),
        Chain("two2", [(r"\frac{\partial L}{\partial z_1}", lambda c: sp.diff(L2(), z1)),
                       (r"p_1 - y_1", lambda c: softmax([z1, z2])[0] - y1),
                       (r"-\frac{\partial L}{\partial z_2}", lambda c: -sp.diff(L2(), z2))], ctxs=[{}]),
        Chain("num1", [("p_1", lambda c: softmax([log(3), sp.Integer(0)])[0]),
                       (r"\frac{3}{3 + 1}", lambda c: Q(3, 4)), (r"\frac{3}{4}", lambda c: Q(3, 4))], ctxs=[{}]),
        Chain("num2", [(r"\frac{\partial L}{\partial z_1}", lambda c: sp.diff(L2(), z1).subs({z1: log(3), z2: 0, y1: half})),
                       (r"\frac{3}{4} - \frac{1}{2}", lambda c: Q(3, 4) - half), (r"\frac{1}{4}", lambda c: Q(1, 4))], ctxs=[{}]),
    ]
    d = Doc("crossentropy_softmax_answer.md", ch, singles("j"))
    wrong = (r"\frac{3}{3 + 2}", lambda c: Q(3, 5))
    return with_plant(d, r"p_1 = \frac{3}{3 + 1} =", r"p_1 = \frac{3}{3 + 2} =", "num1", 1, wrong,
                      "wrong constant: 3 + 2 for 3 + 1 in the denominator")


DOCS += [doc_ce_pset, doc_ce_answer]


# ---------------------------------------------------------------------------
# family 3: logistic regression (binary cross-entropy)
D3 = 2  # features in the checks


def _lr_data(c, xname="x", yname="y", wname="w"):
    n = c["n"]
    X = mat(xname, n, D3)
    ys = vec(yname, n, lo=0.0, hi=1.0)
    w = vec(wname, D3)
    return X, ys, w


def doc_logreg_handout():
    zz = R("z", -3, 3)
    b = R("b")
    yy = R("y", 0.0, 1.0)

    def ell(t, y):
        return -(y * log(sig(t)) + (1 - y) * log(1 - sig(t)))

    def zs(c):
        X, ys, w = _lr_data(c)
        return [sp.Add(*[w[j] * X[i][j] for j in range(D3)]) + b for i in range(c["n"])]

    def J(c):
        X, ys, w = _lr_data(c)
        return sp.Add(*[ell(t, y) for t, y in zip(zs(c), ys)]) / c["n"]

    def yh(c):
        return [sig(t) for t in zs(c)]

    def wj(c):
        return _lr_data(c)[2][c["j"] - 1]

    def xj(c, i):
        return _lr_data(c)[0][i][c["j"] - 1]

    n_ = lambda c: c["n"]
    u = sp.Symbol("_u", real=True)
    ch = [
        Chain("sig", [(r"\sigma(z)", lambda c: sig(zz)), (r"\frac{1}{1 + e^{-z}}", lambda c: 1 / (1 + exp(-zz)))], ["def"], ctxs=[{}]),
        Chain("refl", [(r"1 - \sigma(z)", lambda c: 1 - sig(zz)), (r"\frac{e^{-z}}{1 + e^{-z}}", lambda c: exp(-zz) / (1 + exp(-zz))),
                       (r"\sigma(-z)", lambda c: sig(-zz))], ctxs=[{}]),
        Chain("dsig", [(r"\sigma'(z)", lambda c: sp.diff(sig(zz), zz)),
                       (r"\frac{e^{-z}}{(1 + e^{-z})^2}", lambda c: exp(-zz) / (1 + exp(-zz))**2),
                       (r"\frac{1}{1 + e^{-z}} \cdot \frac{e^{-z}}{1 + e^{-z}}", lambda c: 1 / (1 + exp(-zz)) * exp(-zz) / (1 + exp(-zz))),
                       (r"\sigma(z)\bigl(1 - \sigma(z)\bigr)", lambda c: sig(zz) * (1 - sig(zz)))], ctxs=[{}]),
        Chain("J", [(r"J(\w, b)", J),
                    (r"-\frac{1}{n} \sum_{i=1}^{n} \Bigl[ y^{(i)} \log \hat{y}^{(i)} + \bigl(1 - y^{(i)}\bigr) \log\bigl(1 - \hat{y}^{(i)}\bigr) \Bigr]",
                     lambda c: -sp.Add(*[y * log(h) + (1 - y) * log(1 - h) for y, h in zip(_lr_data(c)[1], yh(c))]) / c["n"])],
              ["def"], ctxs=sizes(1, 4)),
        Chain("dz", [(r"\frac{\partial \ell^{(i)}}{\partial z^{(i)}}", lambda c: sp.diff(ell(zz, yy), zz)),
                     (r"-\frac{y^{(i)}}{\hat{y}^{(i)}}\, \hat{y}^{(i)}\bigl(1 - \hat{y}^{(i)}\bigr) + \frac{1 - y^{(i)}}{1 - \hat{y}^{(i)}}\, \hat{y}^{(i)}\bigl(1 - \hat{y}^{(i)}\bigr)",
                      lambda c: -yy / sig(zz) * sig(zz) * (1 - sig(zz)) + (1 - yy) / (1 - sig(zz)) * sig(zz) * (1 - sig(zz))),
                     (r"-y^{(i)}\bigl(1 - \hat{y}^{(i)}\bigr) + \bigl(1 - y^{(i)}\bigr)\hat{y}^{(i)}",
                      lambda c: -yy * (1 - sig(zz)) + (1 - yy) * sig(zz)),
                     (r"\hat{y}^{(i)} - y^{(i)}", lambda c: sig(zz) - yy)], ctxs=[{}]),
        Chain("gw", [(r"\frac{\partial J}{\partial w_j}", lambda c: sp.diff(J(c), wj(c))),
                     (r"\frac{1}{n} \sum_{i=1}^{n} \frac{\partial \ell^{(i)}}{\partial z^{(i)}}\, \frac{\partial z^{(i)}}{\partial w_j}",
                      lambda c: sp.Add(*[sp.diff(ell(u, y), u).subs(u, t) * sp.diff(t, wj(c))
                                         for t, y in zip(zs(c), _lr_data(c)[1])]) / c["n"]),
                     (r"\frac{1}{n} \sum_{i=1}^{n} \bigl(\hat{y}^{(i)} - y^{(i)}\bigr)\, x^{(i)}_j",
                      lambda c: sp.Add(*[(h - y) * xj(c, i) for i, (h, y) in enumerate(zip(yh(c), _lr_data(c)[1]))]) / c["n"])],
              ctxs=[dict(n=n, j=j) for n in range(1, 5) for j in range(1, D3 + 1)]),
        Chain("gb", [(r"\frac{\partial J}{\partial b}", lambda c: sp.diff(J(c), b)),
                     (r"\frac{1}{n} \sum_{i=1}^{n} \bigl(\hat{y}^{(i)} - y^{(i)}\bigr)",
                      lambda c: sp.Add(*[h - y for h, y in zip(yh(c), _lr_data(c)[1])]) / c["n"])], ctxs=sizes(1, 4)),
        Chain("ex1", [(r"\frac{\partial J}{\partial w}", lambda c: _lr_num("w")),
                      (r"\frac{1}{2}\Bigl[\Bigl(\frac{1}{2} - 1\Bigr)\cdot 1 + \Bigl(\frac{1}{2} - 0\Bigr)\cdot 3\Bigr]",
                       lambda c: half * ((half - 1) * 1 + (half - 0) * 3)),
                      (r"\frac{1}{2}\cdot 1", lambda c: half * 1), (r"\frac{1}{2}", lambda c: half)], ctxs=[{}]),
        Chain("ex2", [(r"\frac{\partial J}{\partial b}", lambda c: _lr_num("b")),
                      (r"\frac{1}{2}\Bigl(-\frac{1}{2} + \frac{1}{2}\Bigr)", lambda c: half * (-half + half)),
                      ("0", lambda c: 0)], ctxs=[{}]),
    ]
    d = Doc("logistic_regression_handout.tex", ch, [{}])
    wrong = (r"\frac{e^{-z}}{(1 + e^{-z})^3}", lambda c: exp(-zz) / (1 + exp(-zz))**3)
    return with_plant(d, r"\sigma'(z) &= \frac{e^{-z}}{(1 + e^{-z})^2}", r"\sigma'(z) &= \frac{e^{-z}}{(1 + e^{-z})^3}",
                      "dsig", 1, wrong, "wrong exponent: (1 + e^{-z})^3 for (1 + e^{-z})^2")


def _lr_num(which):
    w, b = sp.Symbol("_w"), sp.Symbol("_bb")
    data = [(1, 1), (3, 0)]
    J = sp.Add(*[-(y * log(sig(w * x + b)) + (1 - y) * log(1 - sig(w * x + b))) for x, y in data]) / 2
    v = w if which == "w" else b
    return sp.diff(J, v).subs({w: 0, b: 0})


def doc_logreg_notebook():
    t = R("t", -3, 3)
    b = R("b")

    def ts(c):
        X, ys, w = _lr_data(c)
        return [sp.Add(*[w[j] * X[i][j] for j in range(D3)]) + b for i in range(c["n"])]

    def L(c):
        ys = _lr_data(c)[1]
        return -sp.Add(*[y * log(sig(ti)) + (1 - y) * log(1 - sig(ti)) for y, ti in zip(ys, ts(c))])

    def wj(c):
        return _lr_data(c)[2][c["j"] - 1]

    def xj(c, i):
        return _lr_data(c)[0][i][c["j"] - 1]

    def ys(c):
        return _lr_data(c)[1]

    def rows(c, f):
        return sp.Add(*[f(i, y, ti) for i, (y, ti) in enumerate(zip(ys(c), ts(c)))])

    ctx_nj = [dict(n=n, j=j) for n in range(1, 5) for j in range(1, D3 + 1)]
    ch = [
        Chain("L", [(r"L(\mathbf{w}, b)", L),
                    (r"-\sum_{i=1}^{n} \Bigl[ y_i \ln \sigma(t_i) + (1 - y_i) \ln\bigl(1 - \sigma(t_i)\bigr) \Bigr]", L)],
              ["def"], ctxs=sizes(1, 4)),
        Chain("ds", [(r"\frac{d\sigma}{dt}", lambda c: sp.diff(sig(t), t)),
                     (r"\frac{d}{dt}\bigl(1 + e^{-t}\bigr)^{-1}", lambda c: sp.diff((1 + exp(-t))**-1, t)),
                     (r"-\bigl(1 + e^{-t}\bigr)^{-2} \cdot \bigl(-e^{-t}\bigr)", lambda c: -(1 + exp(-t))**-2 * (-exp(-t))),
                     (r"\sigma(t)^2\, e^{-t}", lambda c: sig(t)**2 * exp(-t)),
                     (r"\sigma(t)\bigl(1 - \sigma(t)\bigr)", lambda c: sig(t) * (1 - sig(t)))], ctxs=[{}]),
        Chain("l1", [(r"\frac{d}{dt} \ln \sigma(t)", lambda c: sp.diff(log(sig(t)), t)), (r"1 - \sigma(t)", lambda c: 1 - sig(t))], ctxs=[{}]),
        Chain("l2", [(r"\frac{d}{dt} \ln\bigl(1 - \sigma(t)\bigr)", lambda c: sp.diff(log(1 - sig(t)), t)), (r"-\sigma(t)", lambda c: -sig(t))],
              ctxs=[{}]),
        Chain("gw", [(r"\frac{\partial L}{\partial w_j}", lambda c: sp.diff(L(c), wj(c))),
                     (r"-\sum_{i=1}^{n} \Bigl[ y_i \bigl(1 - \sigma(t_i)\bigr) - (1 - y_i)\, \sigma(t_i) \Bigr] x_{ij}",
                      lambda c: -rows(c, lambda i, y, ti: (y * (1 - sig(ti)) - (1 - y) * sig(ti)) * xj(c, i))),
                     (r"-\sum_{i=1}^{n} \bigl[ y_i - \sigma(t_i) \bigr] x_{ij}", lambda c: -rows(c, lambda i, y, ti: (y - sig(ti)) * xj(c, i))),
                     (r"\sum_{i=1}^{n} \bigl( \sigma(t_i) - y_i \bigr) x_{ij}", lambda c: rows(c, lambda i, y, ti: (sig(ti) - y) * xj(c, i)))],
              ctxs=ctx_nj),
        Chain("gb", [(r"\frac{\partial L}{\partial b}", lambda c: sp.diff(L(c), b)),
                     (r"\sum_{i=1}^{n} \bigl( \sigma(t_i) - y_i \bigr)", lambda c: rows(c, lambda i, y, ti: sig(ti) - y))], ctxs=sizes(1, 4)),
        Chain("hb", [(r"\frac{\partial^2 L}{\partial b^2}", lambda c: sp.diff(L(c), b, 2)),
                     (r"\sum_{i=1}^{n} \sigma(t_i)\bigl(1 - \sigma(t_i)\bigr)", lambda c: rows(c, lambda i, y, ti: sig(ti) * (1 - sig(ti))))],
              ctxs=sizes(1, 4)),
        Chain("ex1", [(r"\frac{\partial L}{\partial w}", lambda c: _nb_num("w")),
                      (r"\Bigl(\frac{1}{2} - 1\Bigr)\cdot 0 + \Bigl(\frac{3}{4} - 1\Bigr)\cdot 1", lambda c: (half - 1) * 0 + (Q(3, 4) - 1) * 1),
                      (r"-\frac{1}{4}", lambda c: -Q(1, 4))], ctxs=[{}]),
        Chain("ex2", [(r"\frac{\partial L}{\partial b}", lambda c: _nb_num("b")),
                      (r"-\frac{1}{2} - \frac{1}{4}", lambda c: -half - Q(1, 4)), (r"-\frac{3}{4}", lambda c: -Q(3, 4))], ctxs=[{}]),
    ]
    d = Doc("logistic_gradient_notebook.md", ch, [{}])
    wrong = (r"-\sum_{i=1}^{n} \Bigl[ y_i \bigl(1 - \sigma(t_i)\bigr) \Bigr] x_{ij}",
             lambda c: -rows(c, lambda i, y, ti: (y * (1 - sig(ti))) * xj(c, i)))
    return with_plant(d, r"\bigl(1 - \sigma(t_i)\bigr) - (1 - y_i)\, \sigma(t_i) \Bigr] x_{ij}",
                      r"\bigl(1 - \sigma(t_i)\bigr) \Bigr] x_{ij}", "gw", 1, wrong,
                      "dropped term: the -(1 - y_i) sigma(t_i) term inside the bracket")


def _nb_num(which):
    w, b = sp.Symbol("_w"), sp.Symbol("_bb")
    data = [(0, 1), (1, 1)]
    L = -sp.Add(*[y * log(sig(w * x + b)) + (1 - y) * log(1 - sig(w * x + b)) for x, y in data])
    v = w if which == "w" else b
    return sp.diff(L, v).subs({w: log(3), b: 0})


DOCS += [doc_logreg_handout, doc_logreg_notebook]


# ---------------------------------------------------------------------------
# family 4: least squares


def doc_ls_lecture():
    w, b = R("w"), R("b")

    def xs(c):
        return vec("x", c["n"], lo=-2.0, hi=2.0)

    def ys(c):
        return vec("y", c["n"], lo=-2.0, hi=2.0)

    def J(c):
        return sp.Add(*[(w * x + b - y)**2 for x, y in zip(xs(c), ys(c))]) / (2 * c["n"])

    def xb(c):
        return sp.Add(*xs(c)) / c["n"]

    def yb(c):
        return sp.Add(*ys(c)) / c["n"]

    def Sxy(c):
        return sp.Add(*[(x - xb(c)) * (y - yb(c)) for x, y in zip(xs(c), ys(c))])

    def Sxx(c):
        return sp.Add(*[(x - xb(c))**2 for x in xs(c)])

    def wh(c):
        return Sxy(c) / Sxx(c)

    def bh(c):
        return yb(c) - wh(c) * xb(c)

    def at_hat(c, e):
        return e.subs({w: wh(c), b: bh(c)}, simultaneous=True)

    def sm(c, f):
        return sp.Add(*[f(x, y) for x, y in zip(xs(c), ys(c))])

    n2 = sizes(2, 4)
    ch = [
        Chain("J", [("J(w, b)", J), (r"\frac{1}{2n} \sum_{i=1}^{n} \left( w x_i + b - y_i \right)^2", J)], ["def"], ctxs=sizes(1, 4)),
        Chain("dw", [(r"\frac{\partial J}{\partial w}", lambda c: sp.diff(J(c), w)),
                     (r"\frac{1}{2n} \sum_{i=1}^{n} 2\left( w x_i + b - y_i \right) x_i", lambda c: sm(c, lambda x, y: 2 * (w * x + b - y) * x) / (2 * c["n"])),
                     (r"\frac{1}{n} \sum_{i=1}^{n} \left( w x_i + b - y_i \right) x_i", lambda c: sm(c, lambda x, y: (w * x + b - y) * x) / c["n"])],
              ctxs=sizes(1, 4)),
        Chain("db", [(r"\frac{\partial J}{\partial b}", lambda c: sp.diff(J(c), b)),
                     (r"\frac{1}{n} \sum_{i=1}^{n} \left( w x_i + b - y_i \right)", lambda c: sm(c, lambda x, y: w * x + b - y) / c["n"]),
                     (r"w \bar{x} + b - \bar{y}", lambda c: w * xb(c) + b - yb(c))], ctxs=sizes(1, 4)),
        Chain("h1", [(r"\frac{\partial^2 J}{\partial w^2}", lambda c: sp.diff(J(c), w, 2)),
                     (r"\frac{1}{n} \sum_{i=1}^{n} x_i^2", lambda c: sm(c, lambda x, y: x**2) / c["n"])], ctxs=sizes(1, 4)),
        Chain("h2", [(r"\frac{\partial^2 J}{\partial w\, \partial b}", lambda c: sp.diff(J(c), w, b)), (r"\bar{x}", xb)], ctxs=sizes(1, 4)),
        Chain("h3", [(r"\frac{\partial^2 J}{\partial b^2}", lambda c: sp.diff(J(c), b, 2)), ("1", lambda c: 1)], ctxs=sizes(1, 4)),
        Chain("what", [(r"\hat{w}", wh),
                       (r"\frac{\sum_{i=1}^{n} (x_i - \bar{x})(y_i - \bar{y})}{\sum_{i=1}^{n} (x_i - \bar{x})^2}", wh)], ["def"], ctxs=n2),
        Chain("bhat", [(r"\hat{b}", bh), (r"\bar{y} - \hat{w}\bar{x}", bh)], ["def"], ctxs=n2),
        Chain("c1", [(r"\sum_{i=1}^{n} (x_i - \bar{x})(y_i - \bar{y})", Sxy),
                     (r"\sum_{i=1}^{n} x_i y_i - n \bar{x} \bar{y}", lambda c: sm(c, lambda x, y: x * y) - c["n"] * xb(c) * yb(c))],
              ctxs=sizes(1, 4)),
        Chain("c2", [(r"\sum_{i=1}^{n} (x_i - \bar{x})^2", Sxx),
                     (r"\sum_{i=1}^{n} x_i^2 - n \bar{x}^2", lambda c: sm(c, lambda x, y: x**2) - c["n"] * xb(c)**2)], ctxs=sizes(1, 4)),
        Chain("cb", [(r"\frac{\partial J}{\partial b}\Big|_{(\hat{w}, \hat{b})}", lambda c: at_hat(c, sp.diff(J(c), b))),
                     (r"\hat{w}\bar{x} + \hat{b} - \bar{y}", lambda c: wh(c) * xb(c) + bh(c) - yb(c)), ("0", lambda c: 0)], ctxs=n2),
        Chain("cw", [(r"\frac{\partial J}{\partial w}\Big|_{(\hat{w}, \hat{b})}", lambda c: at_hat(c, sp.diff(J(c), w))),
                     (r"\frac{1}{n} \sum_{i=1}^{n} \bigl( \hat{w}(x_i - \bar{x}) - (y_i - \bar{y}) \bigr) x_i",
                      lambda c: sm(c, lambda x, y: (wh(c) * (x - xb(c)) - (y - yb(c))) * x) / c["n"]),
                     (r"\frac{1}{n} \Bigl( \hat{w} \sum_{i=1}^{n} (x_i - \bar{x})^2 - \sum_{i=1}^{n} (x_i - \bar{x})(y_i - \bar{y}) \Bigr)",
                      lambda c: (wh(c) * Sxx(c) - Sxy(c)) / c["n"]),
                     ("0", lambda c: 0)], ctxs=n2),
        Chain("ex1", [(r"\hat{w}", lambda c: wh({"n": 3}).subs(_ls_data(), simultaneous=True)),
                      (r"\frac{(-1)(-2) + 0 \cdot 0 + 1 \cdot 2}{1 + 0 + 1}", lambda c: sp.Integer((-1) * (-2) + 0 * 0 + 1 * 2) / (1 + 0 + 1)),
                      (r"\frac{4}{2}", lambda c: Q(4, 2)), ("2", lambda c: 2)], ctxs=[{}]),
        Chain("ex2", [(r"\hat{b}", lambda c: bh({"n": 3}).subs(_ls_data(), simultaneous=True)),
                      (r"3 - 2 \cdot 1", lambda c: 3 - 2 * 1), ("1", lambda c: 1)], ctxs=[{}]),
    ]
    d = Doc("least_squares_lecture.tex", ch, [{}])
    wrong = (r"\frac{1}{n} \sum_{i=1}^{n} \bigl( \hat{w}(x_i - \bar{x}) + (y_i - \bar{y}) \bigr) x_i",
             lambda c: sm(c, lambda x, y: (wh(c) * (x - xb(c)) + (y - yb(c))) * x) / c["n"])
    return with_plant(d, r"\hat{w}(x_i - \bar{x}) - (y_i - \bar{y}) \bigr) x_i", r"\hat{w}(x_i - \bar{x}) + (y_i - \bar{y}) \bigr) x_i",
                      "cw", 1, wrong, "sign: + (y_i - ybar) for - (y_i - ybar) in the residual")


def _ls_data():
    xs, ys = vec("x", 3, lo=-2.0, hi=2.0), vec("y", 3, lo=-2.0, hi=2.0)
    return dict(zip(xs + ys, [0, 1, 2, 1, 3, 5]))


def doc_ls_blog():
    def X(c):
        return mat("x", c["n"], c["d"])

    def ys(c):
        return vec("y", c["n"])

    def w(c):
        return vec("w", c["d"])

    def r(c, i):
        return sp.Add(*[w(c)[k] * X(c)[i][k] for k in range(c["d"])]) - ys(c)[i]

    def L(c):
        return sp.Add(*[r(c, i)**2 for i in range(c["n"])]) / c["n"]

    def Lt(c):
        return sp.Add(*[r(c, i)**2 for i in range(c["n"])]) / (2 * c["n"])

    def A(c, j, k):
        return sp.Add(*[X(c)[i][j - 1] * X(c)[i][k - 1] for i in range(c["n"])])

    def cc(c, j):
        return sp.Add(*[X(c)[i][j - 1] * ys(c)[i] for i in range(c["n"])])

    def wj(c):
        return w(c)[c["j"] - 1]

    def xij(c, i):
        return X(c)[i][c["j"] - 1]

    N = lambda c: range(c["n"])
    ctx_j = [dict(n=n, d=d, j=j) for n, d in ((1, 2), (2, 2), (3, 2), (4, 2), (2, 3), (3, 1)) for j in range(1, d + 1)]
    ctx_jk = [dict(n=n, d=d, j=j, k=k) for n, d in ((1, 2), (2, 2), (3, 2), (4, 2), (2, 3)) for j in range(1, d + 1)
              for k in range(1, d + 1)]
    ex = _ls_blog_data()
    ch = [
        Chain("L", [(r"L(\mathbf{w})", L), (r"\frac{1}{n}\sum_{i=1}^{n}\bigl(\mathbf{w}^\top\mathbf{x}_i - y_i\bigr)^2", L)], ["def"],
              ctxs=[dict(n=n, d=2) for n in range(1, 5)]),
        Chain("g", [(r"\partial_{w_j} L", lambda c: sp.diff(L(c), wj(c))),
                    (r"\frac{1}{n}\sum_{i=1}^{n} 2\, r_i\, \partial_{w_j} r_i", lambda c: sp.Add(*[2 * r(c, i) * sp.diff(r(c, i), wj(c)) for i in N(c)]) / c["n"]),
                    (r"\frac{2}{n}\sum_{i=1}^{n} r_i\, x_{ij}", lambda c: 2 * sp.Add(*[r(c, i) * xij(c, i) for i in N(c)]) / c["n"]),
                    (r"\frac{2}{n}\Bigl(\sum_{i=1}^{n}\sum_{k=1}^{d} x_{ij} x_{ik} w_k - \sum_{i=1}^{n} x_{ij} y_i\Bigr)",
                     lambda c: 2 * (sp.Add(*[xij(c, i) * X(c)[i][k] * w(c)[k] for i in N(c) for k in range(c["d"])])
                                    - sp.Add(*[xij(c, i) * ys(c)[i] for i in N(c)])) / c["n"])]),
        Chain("A", [("A_{jk}", lambda c: A(c, c["j"], c["k"])), (r"\sum_{i=1}^{n} x_{ij} x_{ik}", lambda c: A(c, c["j"], c["k"]))], ["def"],
              ctxs=ctx_jk),
        Chain("c", [("c_j", lambda c: cc(c, c["j"])), (r"\sum_{i=1}^{n} x_{ij} y_i", lambda c: cc(c, c["j"]))], ["def"]),
        Chain("gA", [(r"\partial_{w_j} L", lambda c: sp.diff(L(c), wj(c))),
                     (r"\frac{2}{n}\Bigl(\sum_{k=1}^{d} A_{jk} w_k - c_j\Bigr)",
                      lambda c: 2 * (sp.Add(*[A(c, c["j"], k) * w(c)[k - 1] for k in range(1, c["d"] + 1)]) - cc(c, c["j"])) / c["n"])]),
        Chain("H", [(r"\partial_{w_k}\partial_{w_j} L", lambda c: sp.diff(L(c), w(c)[c["j"] - 1], w(c)[c["k"] - 1])),
                    (r"\frac{2}{n}\sum_{i=1}^{n} x_{ij} x_{ik}", lambda c: 2 * A(c, c["j"], c["k"]) / c["n"]),
                    (r"\frac{2}{n} A_{jk}", lambda c: 2 * A(c, c["j"], c["k"]) / c["n"])], ctxs=ctx_jk),
        Chain("half", [(r"\partial_{w_j}\tilde{L}", lambda c: sp.diff(Lt(c), wj(c))),
                       (r"\frac{1}{n}\sum_{i=1}^{n} r_i\, x_{ij}", lambda c: sp.Add(*[r(c, i) * xij(c, i) for i in N(c)]) / c["n"]),
                       (r"\frac{1}{2}\,\partial_{w_j} L", lambda c: sp.diff(L(c), wj(c)) / 2)]),
        Chain("A11", [("A_{11}", lambda c: ex["A"][0][0]), ("1 + 1 + 1", lambda c: sp.Integer(3)), ("3", lambda c: 3)], ctxs=[{}]),
        Chain("A12", [("A_{12}", lambda c: ex["A"][0][1]), ("0 + 1 + 2", lambda c: sp.Integer(3)), ("3", lambda c: 3)], ctxs=[{}]),
        Chain("A22", [("A_{22}", lambda c: ex["A"][1][1]), ("0 + 1 + 4", lambda c: sp.Integer(5)), ("5", lambda c: 5)], ctxs=[{}]),
        Chain("chk", [(r"\sum_{k=1}^{2} A_{1k} w_k - c_1", lambda c: ex["A"][0][0] * half + ex["A"][0][1] * Q(5, 2) - ex["c"][0]),
                      (r"3\cdot\frac{1}{2} + 3\cdot\frac{5}{2} - 9", lambda c: 3 * half + 3 * Q(5, 2) - 9), ("0", lambda c: 0)], ctxs=[{}]),
    ]
    d = Doc("least_squares_blog.md", ch, ctx_j)
    wrong = (r"\frac{1}{n^2}\sum_{i=1}^{n} r_i\, x_{ij}", lambda c: sp.Add(*[r(c, i) * xij(c, i) for i in N(c)]) / c["n"]**2)
    return with_plant(d, r"\tilde{L} = \frac{1}{n}\sum_{i=1}^{n} r_i", r"\tilde{L} = \frac{1}{n^2}\sum_{i=1}^{n} r_i", "half", 1, wrong,
                      "wrong exponent: 1/n^2 for 1/n")


def _ls_blog_data():
    pts = [(0, 1), (1, 2), (2, 6)]
    Xn = [[1, t] for t, _ in pts]
    yn = [y for _, y in pts]
    A = [[sp.Integer(sum(Xn[i][j] * Xn[i][k] for i in range(3))) for k in range(2)] for j in range(2)]
    cvec = [sp.Integer(sum(Xn[i][j] * yn[i] for i in range(3))) for j in range(2)]
    # the stated solution really solves the normal equations
    wsol = [half, Q(5, 2)]
    assert all(sum(A[j][k] * wsol[k] for k in range(2)) == cvec[j] for j in range(2))
    return {"A": A, "c": cvec}


DOCS += [doc_ls_lecture, doc_ls_blog]


# ---------------------------------------------------------------------------
# family 5: Gaussian MLE
from helpers import E_iid, gauss_moments  # noqa: E402


def doc_gauss_notes():
    mu, sg = R("mu"), P("sigma", 0.4, 2.5)

    def xs(c):
        return vec("x", c["n"], lo=-2.5, hi=2.5)

    n_ = lambda c: c["n"]

    def ll(c, m=mu, s=sg):
        return sp.Add(*[log(1 / (s * sp.sqrt(2 * sp.pi)) * exp(-(x - m)**2 / (2 * s**2))) for x in xs(c)])

    def ssq(c, m=mu):
        return sp.Add(*[(x - m)**2 for x in xs(c)])

    def xb(c):
        return sp.Add(*xs(c)) / c["n"]

    def s2h(c):
        return ssq(c, xb(c)) / c["n"]

    def sh(c):
        return sp.sqrt(s2h(c))

    def llf(c):
        return -c["n"] * log(sg) - sp.Rational(c["n"], 2) * log(2 * sp.pi) - ssq(c) / (2 * sg**2)

    n2 = sizes(2, 4)
    ch = [
        Chain("ll", [(r"\llik(\mu, \sigma)", ll),
                     (r"\sumi \log\Bigl( \frac{1}{\sigma\sqrt{2\pi}} \exp\Bigl( -\frac{(x_i - \mu)^2}{2\sigma^2} \Bigr) \Bigr)", ll),
                     (r"-n \log \sigma - \frac{n}{2}\log(2\pi) - \frac{1}{2\sigma^2} \sumi (x_i - \mu)^2", llf)], ["def", "id"], ctxs=sizes(1, 4)),
        Chain("dmu", [(r"\frac{\partial \llik}{\partial \mu}", lambda c: sp.diff(llf(c), mu)),
                      (r"\frac{1}{\sigma^2} \sumi (x_i - \mu)", lambda c: sp.Add(*[x - mu for x in xs(c)]) / sg**2),
                      (r"\frac{n}{\sigma^2} (\bar{x} - \mu)", lambda c: c["n"] / sg**2 * (xb(c) - mu))], ctxs=sizes(1, 4)),
        Chain("dsg", [(r"\frac{\partial \llik}{\partial \sigma}", lambda c: sp.diff(ll(c), sg)),
                      (r"-\frac{n}{\sigma} + \frac{1}{\sigma^3} \sumi (x_i - \mu)^2", lambda c: -c["n"] / sg + ssq(c) / sg**3),
                      (r"\frac{1}{\sigma^3} \Bigl( \sumi (x_i - \mu)^2 - n\sigma^2 \Bigr)", lambda c: (ssq(c) - c["n"] * sg**2) / sg**3)],
              ctxs=sizes(1, 4)),
        Chain("s2", [(r"\hat{\sigma}^2", s2h), (r"\frac{1}{n} \sumi (x_i - \hat{\mu})^2", lambda c: ssq(c, xb(c)) / c["n"])], ["def"], ctxs=n2),
        Chain("at", [(r"\frac{\partial \llik}{\partial \sigma}\Big|_{\mu = \hat{\mu},\, \sigma = \hat{\sigma}}",
                      lambda c: sp.diff(ll(c), sg).subs({mu: xb(c), sg: sh(c)}, simultaneous=True)),
                     (r"\frac{1}{\hat{\sigma}^3} \bigl( n\hat{\sigma}^2 - n\hat{\sigma}^2 \bigr)",
                      lambda c: (c["n"] * s2h(c) - c["n"] * s2h(c)) / sh(c)**3),
                     ("0", lambda c: 0)], ctxs=n2),
        Chain("split", [(r"\sumi (x_i - \mu)^2", ssq),
                        (r"\sumi (x_i - \bar{x})^2 + n(\bar{x} - \mu)^2", lambda c: ssq(c, xb(c)) + c["n"] * (xb(c) - mu)**2)],
              ctxs=sizes(1, 4)),
        Chain("val", [(r"\llik(\hat{\mu}, \hat{\sigma})", lambda c: ll(c, xb(c), sh(c))),
                      (r"-n \log \hat{\sigma} - \frac{n}{2}\log(2\pi) - \frac{n}{2}",
                       lambda c: -c["n"] * log(sh(c)) - sp.Rational(c["n"], 2) * log(2 * sp.pi) - sp.Rational(c["n"], 2)),
                      (r"-\frac{n}{2} \bigl( \log(2\pi\hat{\sigma}^2) + 1 \bigr)", lambda c: -sp.Rational(c["n"], 2) * (log(2 * sp.pi * s2h(c)) + 1))],
              ctxs=n2),
        Chain("h1", [(r"\frac{\partial^2 \llik}{\partial \mu^2}", lambda c: sp.diff(ll(c), mu, 2)), (r"-\frac{n}{\sigma^2}", lambda c: -c["n"] / sg**2)],
              ctxs=sizes(1, 4)),
        Chain("h2", [(r"\frac{\partial^2 \llik}{\partial \sigma^2}", lambda c: sp.diff(ll(c), sg, 2)),
                     (r"\frac{n}{\sigma^2} - \frac{3}{\sigma^4} \sumi (x_i - \mu)^2", lambda c: c["n"] / sg**2 - 3 * ssq(c) / sg**4)],
              ctxs=sizes(1, 4)),
        Chain("h2at", [(r"\frac{\partial^2 \llik}{\partial \sigma^2}\Big|_{\hat{\mu}, \hat{\sigma}}",
                        lambda c: sp.diff(ll(c), sg, 2).subs({mu: xb(c), sg: sh(c)}, simultaneous=True)),
                       (r"\frac{n}{\hat{\sigma}^2} - \frac{3 n \hat{\sigma}^2}{\hat{\sigma}^4}", lambda c: c["n"] / s2h(c) - 3 * c["n"] * s2h(c) / s2h(c)**2),
                       (r"-\frac{2n}{\hat{\sigma}^2}", lambda c: -2 * c["n"] / s2h(c))], ctxs=n2),
        Chain("ex", [(r"\hat{\sigma}^2", lambda c: s2h({"n": 3}).subs(dict(zip(vec("x", 3, lo=-2.5, hi=2.5), [1, 2, 6])))),
                     (r"\frac{(1 - 3)^2 + (2 - 3)^2 + (6 - 3)^2}{3}", lambda c: sp.Integer((1 - 3)**2 + (2 - 3)**2 + (6 - 3)**2) / 3),
                     (r"\frac{14}{3}", lambda c: Q(14, 3))], ctxs=[{}]),
    ]
    d = Doc("gaussian_mle_section_notes.tex", ch, [{}])
    wrong = (r"\frac{n}{\hat{\sigma}^2} - \frac{2 n \hat{\sigma}^2}{\hat{\sigma}^4}", lambda c: c["n"] / s2h(c) - 2 * c["n"] * s2h(c) / s2h(c)**2)
    return with_plant(d, r"\frac{3 n \hat{\sigma}^2}{\hat{\sigma}^4}", r"\frac{2 n \hat{\sigma}^2}{\hat{\sigma}^4}", "h2at", 1, wrong,
                      "wrong constant: 2n for 3n in the second term")


def doc_gauss_answer():
    mu, v = R("mu"), P("v", 0.3, 3.0)

    def xs(c):
        return vec("x", c["n"], lo=-2.5, hi=2.5)

    def Xs(c):
        return vec("X", c["n"], lo=-2.5, hi=2.5)

    def lnL(c, data=None, m=mu):
        data = xs(c) if data is None else data
        return -sp.Rational(c["n"], 2) * log(2 * sp.pi * v) - sp.Add(*[(x - m)**2 for x in data]) / (2 * v)

    def lnL_prod(c):
        return sp.Add(*[log(exp(-(x - mu)**2 / (2 * v)) / sp.sqrt(2 * sp.pi * v)) for x in xs(c)])

    def xb(c, data=None):
        data = xs(c) if data is None else data
        return sp.Add(*data) / c["n"]

    def vh(c, data=None):
        data = xs(c) if data is None else data
        return sp.Add(*[(x - xb(c, data))**2 for x in data]) / c["n"]

    def E(c, e):
        return E_iid(e, Xs(c), gauss_moments(mu, v))

    n_ = lambda c: c["n"]
    ch = [
        Chain("lnL", [(r"\ln L(\mu, v)", lnL_prod),
                      (r"-\frac{n}{2}\ln(2\pi v) - \frac{1}{2v}\sum_{i=1}^{n}(x_i - \mu)^2", lambda c: lnL(c))], ["def"]),
        Chain("dmu", [(r"\frac{\partial \ln L}{\partial \mu}", lambda c: sp.diff(lnL(c), mu)),
                      (r"-\frac{1}{2v}\sum_{i=1}^{n} 2(x_i - \mu)(-1)", lambda c: -sp.Add(*[2 * (x - mu) * (-1) for x in xs(c)]) / (2 * v)),
                      (r"\frac{1}{v}\Bigl(\sum_{i=1}^{n} x_i - n\mu\Bigr)", lambda c: (sp.Add(*xs(c)) - c["n"] * mu) / v)]),
        Chain("dv", [(r"\frac{\partial \ln L}{\partial v}", lambda c: sp.diff(lnL(c), v)),
                     (r"-\frac{n}{2v} + \frac{1}{2v^2}\sum_{i=1}^{n}(x_i - \mu)^2", lambda c: -c["n"] / (2 * v) + sp.Add(*[(x - mu)**2 for x in xs(c)]) / (2 * v**2))]),
        Chain("vh", [(r"\hat{v}", vh), (r"\frac{1}{n}\sum_{i=1}^{n}(x_i - \bar{x})^2", vh)], ["def"]),
        Chain("at", [(r"\frac{\partial \ln L}{\partial v}\Big|_{\mu = \bar{x}}", lambda c: sp.diff(lnL(c), v).subs(mu, xb(c))),
                     (r"\frac{1}{2v^2}\Bigl(\sum_{i=1}^{n}(x_i - \bar{x})^2 - nv\Bigr)",
                      lambda c: (sp.Add(*[(x - xb(c))**2 for x in xs(c)]) - c["n"] * v) / (2 * v**2)),
                     (r"\frac{n}{2v^2}\bigl(\hat{v} - v\bigr)", lambda c: c["n"] / (2 * v**2) * (vh(c) - v))]),
        Chain("Ess", [(r"\mathbb{E}\Bigl[\sum_{i=1}^{n}(X_i - \bar{X})^2\Bigr]", lambda c: E(c, sp.Add(*[(X - xb(c, Xs(c)))**2 for X in Xs(c)]))),
                      (r"\sum_{i=1}^{n}\mathbb{E}[X_i^2] - n\,\mathbb{E}[\bar{X}^2]",
                       lambda c: sp.Add(*[E(c, X**2) for X in Xs(c)]) - c["n"] * E(c, xb(c, Xs(c))**2)),
                      (r"n(v + \mu^2) - n\Bigl(\frac{v}{n} + \mu^2\Bigr)", lambda c: c["n"] * (v + mu**2) - c["n"] * (v / c["n"] + mu**2)),
                      (r"(n - 1)v", lambda c: (c["n"] - 1) * v)]),
        Chain("bias", [(r"\mathbb{E}[\hat{v}] - v", lambda c: E(c, vh(c, Xs(c))) - v),
                       (r"\frac{n-1}{n}v - v", lambda c: sp.Rational(c["n"] - 1, c["n"]) * v - v),
                       (r"-\frac{v}{n}", lambda c: -v / c["n"])]),
        Chain("h1", [(r"\frac{\partial^2 \ln L}{\partial \mu^2}", lambda c: sp.diff(lnL(c), mu, 2)), (r"-\frac{n}{v}", lambda c: -c["n"] / v)]),
        Chain("h2", [(r"\frac{\partial^2 \ln L}{\partial v^2}", lambda c: sp.diff(lnL(c), v, 2)),
                     (r"\frac{n}{2v^2} - \frac{1}{v^3}\sum_{i=1}^{n}(x_i - \mu)^2", lambda c: c["n"] / (2 * v**2) - sp.Add(*[(x - mu)**2 for x in xs(c)]) / v**3)]),
        Chain("fi", [(r"-\mathbb{E}\Bigl[\frac{\partial^2 \ln L}{\partial v^2}\Bigr]", lambda c: -E(c, sp.diff(lnL(c, Xs(c)), v, 2))),
                     (r"-\frac{n}{2v^2} + \frac{n v}{v^3}", lambda c: -c["n"] / (2 * v**2) + c["n"] * v / v**3),
                     (r"\frac{n}{2v^2}", lambda c: c["n"] / (2 * v**2))]),
        Chain("ex", [(r"\hat{v}", lambda c: vh({"n": 3}, [sp.Integer(2), sp.Integer(4), sp.Integer(9)])),
                     (r"\frac{9 + 1 + 16}{3}", lambda c: Q(26, 3)), (r"\frac{26}{3}", lambda c: Q(26, 3))], ctxs=[{}]),
    ]
    d = Doc("gaussian_mle_forum_answer.md", ch, sizes(1, 4))
    wrong = (r"n(v - \mu^2) - n\Bigl(\frac{v}{n} + \mu^2\Bigr)", lambda c: c["n"] * (v - mu**2) - c["n"] * (v / c["n"] + mu**2))
    return with_plant(d, r"= n(v + \mu^2) - n\Bigl(", r"= n(v - \mu^2) - n\Bigl(", "Ess", 2, wrong,
                      "sign: n(v - mu^2) for n(v + mu^2)")


DOCS += [doc_gauss_notes, doc_gauss_answer]


# ---------------------------------------------------------------------------
# family 6: backprop through a two-layer network


def doc_backprop_lecture():
    c0, y0 = R("c"), R("y")
    aa = R("a")

    def W(c):
        return mat("W", c["H"], c["D"])

    def bv(c):
        return vec("b", c["H"])

    def xv(c):
        return vec("x", c["D"])

    def vv(c):
        return vec("v", c["H"])

    def a(c):
        return [sp.Add(*[W(c)[j][k] * xv(c)[k] for k in range(c["D"])]) + bv(c)[j] for j in range(c["H"])]

    def h(c):
        return [sp.tanh(t) for t in a(c)]

    def yhat_of(c, hs):
        return sp.Add(*[vj * hj for vj, hj in zip(vv(c), hs)]) + c0

    def yh(c):
        return yhat_of(c, h(c))

    def L(c):
        return (yh(c) - y0)**2 / 2

    Hs = [sp.Symbol("_h%d" % j, real=True) for j in range(1, 4)]
    As = [sp.Symbol("_a%d" % j, real=True) for j in range(1, 4)]
    Ys = sp.Symbol("_yh", real=True)

    def dL_dh(c, j):
        hs = Hs[:c["H"]]
        e = sp.diff((yhat_of(c, hs) - y0)**2 / 2, hs[j - 1])
        return e.subs(dict(zip(hs, h(c))))

    def dL_da(c, j):
        As_ = As[:c["H"]]
        e = sp.diff((yhat_of(c, [sp.tanh(t) for t in As_]) - y0)**2 / 2, As_[j - 1])
        return e.subs(dict(zip(As_, a(c))))

    def dh_da(c, j):
        return sp.diff(sp.tanh(aa), aa).subs(aa, a(c)[j - 1])

    def err(c):
        return sp.diff((Ys - y0)**2 / 2, Ys).subs(Ys, yh(c))

    J = lambda c: c["j"]
    hj = lambda c: h(c)[c["j"] - 1]
    vj = lambda c: vv(c)[c["j"] - 1]
    Wjk = lambda c: W(c)[c["j"] - 1][c["k"] - 1]
    xk = lambda c: xv(c)[c["k"] - 1]
    delta_j = lambda c: dL_da(c, c["j"])
    ctx_j = [dict(H=H, D=D, j=j) for H in (1, 2, 3) for D in (1, 2) for j in range(1, H + 1)]
    ctx_jk = [dict(H=H, D=D, j=j, k=k) for H in (1, 2, 3) for D in (1, 2) for j in range(1, H + 1) for k in range(1, D + 1)]
    ctx_k = [dict(H=H, D=D, k=k) for H in (1, 2, 3) for D in (1, 2) for k in range(1, D + 1)]
    ctx_0 = [dict(H=H, D=D) for H in (1, 2, 3) for D in (1, 2)]
    ch = [
        Chain("a", [("a_j", lambda c: a(c)[c["j"] - 1]), (r"\sum_{k=1}^{D} W_{jk} x_k + b_j", lambda c: a(c)[c["j"] - 1])], ["def"], ctxs=ctx_j),
        Chain("h", [("h_j", hj), (r"\tanh(a_j)", hj)], ["def"], ctxs=ctx_j),
        Chain("yh", [(r"\hat{y}", yh), (r"\sum_{j=1}^{H} v_j h_j + c", yh)], ["def"], ctxs=ctx_0),
        Chain("L", [("L", L), (r"\tfrac{1}{2}(\hat{y} - y)^2", L)], ["def"], ctxs=ctx_0),
        Chain("tanh", [(r"\frac{d}{da}\tanh a", lambda c: sp.diff(sp.tanh(aa), aa)), (r"\frac{1}{\cosh^2 a}", lambda c: 1 / sp.cosh(aa)**2),
                       (r"1 - \tanh^2 a", lambda c: 1 - sp.tanh(aa)**2)], ctxs=[{}]),
        Chain("dy", [(r"\pdv{L}{\hat{y}}", err), (r"\hat{y} - y", lambda c: yh(c) - y0)], ctxs=ctx_0),
        Chain("dv", [(r"\pdv{L}{v_j}", lambda c: sp.diff(L(c), vj(c))),
                     (r"\pdv{L}{\hat{y}}\,\pdv{\hat{y}}{v_j}", lambda c: err(c) * sp.diff(yh(c), vj(c))),
                     (r"(\hat{y} - y)\, h_j", lambda c: (yh(c) - y0) * hj(c))], ctxs=ctx_j),
        Chain("dc", [(r"\pdv{L}{c}", lambda c: sp.diff(L(c), c0)), (r"\hat{y} - y", lambda c: yh(c) - y0)], ctxs=ctx_0),
        Chain("dh", [(r"\pdv{L}{h_j}", lambda c: dL_dh(c, c["j"])), (r"(\hat{y} - y)\, v_j", lambda c: (yh(c) - y0) * vj(c))], ctxs=ctx_j),
        Chain("delta", [(r"\delta_j", delta_j), (r"\pdv{L}{a_j}", delta_j),
                        (r"\pdv{L}{h_j}\,\frac{d h_j}{d a_j}", lambda c: dL_dh(c, c["j"]) * dh_da(c, c["j"])),
                        (r"(\hat{y} - y)\, v_j \bigl(1 - h_j^2\bigr)", lambda c: (yh(c) - y0) * vj(c) * (1 - hj(c)**2))],
              ["def", "id", "id"], ctxs=ctx_j),
        Chain("dW", [(r"\pdv{L}{W_{jk}}", lambda c: sp.diff(L(c), Wjk(c))),
                     (r"\delta_j\, \pdv{a_j}{W_{jk}}", lambda c: delta_j(c) * sp.diff(a(c)[c["j"] - 1], Wjk(c))),
                     (r"\delta_j\, x_k", lambda c: delta_j(c) * xk(c))], ctxs=ctx_jk),
        Chain("db", [(r"\pdv{L}{b_j}", lambda c: sp.diff(L(c), bv(c)[c["j"] - 1])), (r"\delta_j", delta_j)], ctxs=ctx_j),
        Chain("dx", [(r"\pdv{L}{x_k}", lambda c: sp.diff(L(c), xk(c))),
                     (r"\sum_{j=1}^{H} \delta_j W_{jk}", lambda c: sp.Add(*[dL_da(c, j) * W(c)[j - 1][c["k"] - 1] for j in range(1, c["H"] + 1)])),
                     (r"(\hat{y} - y) \sum_{j=1}^{H} v_j \bigl(1 - h_j^2\bigr) W_{jk}",
                      lambda c: (yh(c) - y0) * sp.Add(*[vv(c)[j] * (1 - h(c)[j]**2) * W(c)[j][c["k"] - 1] for j in range(c["H"])]))],
              ctxs=ctx_k),
        Chain("num", [(r"\pdv{L}{W_{11}}", lambda c: _bp_num()),
                      (r"(0 - 1)\cdot 1 \cdot (1 - 0) \cdot 2", lambda c: sp.Integer((0 - 1) * 1 * (1 - 0) * 2)), ("-2", lambda c: -2)],
              ctxs=[{}]),
    ]
    d = Doc("two_layer_backprop_lecture.tex", ch, [{}])
    wrong = (r"\frac{1}{\cosh a}", lambda c: 1 / sp.cosh(aa))
    return with_plant(d, r"\frac{1}{\cosh^2 a}", r"\frac{1}{\cosh a}", "tanh", 1, wrong, "wrong exponent: 1/cosh a for 1/cosh^2 a")


def _bp_num():
    Wv = sp.Symbol("_W")
    L = (1 * sp.tanh(Wv * 2 + 0) + 0 - 1)**2 / 2
    return sp.diff(L, Wv).subs(Wv, 0)


def doc_backprop_md():
    xx, c0, y0 = R("x"), R("c"), R("y", 0.0, 1.0)
    pp, tt = P("p", 0.05, 0.95), R("t")

    def w(c):
        return vec("w", c["H"])

    def b(c):
        return vec("b", c["H"])

    def u(c):
        return vec("u", c["H"])

    def a(c):
        return [wj * xx + bj for wj, bj in zip(w(c), b(c))]

    def g(c):
        return [sig(t) for t in a(c)]

    def o(c):
        return sp.Add(*[uj * gj for uj, gj in zip(u(c), g(c))]) + c0

    def p(c):
        return sig(o(c))

    def Lp(q):
        return -y0 * log(q) - (1 - y0) * log(1 - q)

    def L(c):
        return Lp(p(c))

    As = [sp.Symbol("_a%d" % j, real=True) for j in range(1, 4)]
    Os = sp.Symbol("_o", real=True)

    def dL_da(c, j):
        A_ = As[:c["H"]]
        oo = sp.Add(*[uj * sig(t) for uj, t in zip(u(c), A_)]) + c0
        return sp.diff(Lp(sig(oo)), A_[j - 1]).subs(dict(zip(A_, a(c))))

    def dL_do(c):
        return sp.diff(Lp(sig(Os)), Os).subs(Os, o(c))

    gj = lambda c: g(c)[c["j"] - 1]
    uj = lambda c: u(c)[c["j"] - 1]
    err = lambda c: p(c) - y0
    ctx_j = [dict(H=H, j=j) for H in (1, 2, 3) for j in range(1, H + 1)]
    ctx_0 = [dict(H=H) for H in (1, 2, 3)]
    ch = [
        Chain("L", [("L", lambda c: Lp(pp)), (r"-y \ln p - (1 - y)\ln(1 - p)", lambda c: Lp(pp))], ["def"], ctxs=[{}]),
        Chain("dp", [(r"\frac{\partial L}{\partial p}", lambda c: sp.diff(Lp(pp), pp)),
                     (r"-\frac{y}{p} + \frac{1 - y}{1 - p}", lambda c: -y0 / pp + (1 - y0) / (1 - pp)),
                     (r"\frac{p - y}{p(1 - p)}", lambda c: (pp - y0) / (pp * (1 - pp)))], ctxs=[{}]),
        Chain("do", [(r"\frac{\partial L}{\partial o}", lambda c: sp.diff(Lp(sig(tt)), tt)),
                     (r"\frac{\partial L}{\partial p}\, p(1 - p)", lambda c: sp.diff(Lp(pp), pp).subs(pp, sig(tt)) * sig(tt) * (1 - sig(tt))),
                     (r"p - y", lambda c: sig(tt) - y0)], ctxs=[{}]),
        Chain("du", [(r"\frac{\partial L}{\partial u_j}", lambda c: sp.diff(L(c), uj(c))), (r"(p - y)\, g_j", lambda c: err(c) * gj(c))], ctxs=ctx_j),
        Chain("dc", [(r"\frac{\partial L}{\partial c}", lambda c: sp.diff(L(c), c0)), (r"p - y", err)], ctxs=ctx_0),
        Chain("da", [(r"\frac{\partial L}{\partial a_j}", lambda c: dL_da(c, c["j"])),
                     (r"(p - y)\, u_j\, \sigma'(a_j)", lambda c: err(c) * uj(c) * dsig(a(c)[c["j"] - 1])),
                     (r"(p - y)\, u_j\, g_j (1 - g_j)", lambda c: err(c) * uj(c) * gj(c) * (1 - gj(c)))], ctxs=ctx_j),
        Chain("dw", [(r"\frac{\partial L}{\partial w_j}", lambda c: sp.diff(L(c), w(c)[c["j"] - 1])),
                     (r"\frac{\partial L}{\partial a_j}\, x", lambda c: dL_da(c, c["j"]) * xx),
                     (r"(p - y)\, u_j\, g_j (1 - g_j)\, x", lambda c: err(c) * uj(c) * gj(c) * (1 - gj(c)) * xx)], ctxs=ctx_j),
        Chain("db", [(r"\frac{\partial L}{\partial b_j}", lambda c: sp.diff(L(c), b(c)[c["j"] - 1])),
                     (r"(p - y)\, u_j\, g_j (1 - g_j)", lambda c: err(c) * uj(c) * gj(c) * (1 - gj(c)))], ctxs=ctx_j),
        Chain("dx", [(r"\frac{\partial L}{\partial x}", lambda c: sp.diff(L(c), xx)),
                     (r"\sum_{j=1}^{H} \frac{\partial L}{\partial a_j}\, w_j", lambda c: sp.Add(*[dL_da(c, j) * w(c)[j - 1] for j in range(1, c["H"] + 1)])),
                     (r"(p - y) \sum_{j=1}^{H} u_j\, g_j (1 - g_j)\, w_j",
                      lambda c: err(c) * sp.Add(*[u(c)[j] * g(c)[j] * (1 - g(c)[j]) * w(c)[j] for j in range(c["H"])]))], ctxs=ctx_0),
        Chain("num", [(r"\frac{\partial L}{\partial w_1}", lambda c: _bp_md_num()),
                      (r"\Bigl(\frac{1}{2} - 1\Bigr)\cdot 1 \cdot \frac{1}{2}\cdot\frac{1}{2}\cdot 3", lambda c: (half - 1) * 1 * half * half * 3),
                      (r"-\frac{3}{8}", lambda c: -Q(3, 8))], ctxs=[{}]),
    ]
    d = Doc("sigmoid_network_backprop.md", ch, [{}])
    wrong = (r"\frac{\partial L}{\partial p}\, (1 - p)", lambda c: sp.diff(Lp(pp), pp).subs(pp, sig(tt)) * (1 - sig(tt)))
    return with_plant(d, r"\frac{\partial L}{\partial p}\, p(1 - p) = p - y", r"\frac{\partial L}{\partial p}\, (1 - p) = p - y", "do", 1, wrong,
                      "dropped factor: the p in p(1 - p)")


def _bp_md_num():
    w1, w2 = sp.symbols("_w1 _w2")
    x, y = 3, 1
    g = [sig(w1 * x), sig(w2 * x)]
    o = 1 * g[0] - 1 * g[1]
    p = sig(o)
    L = -y * log(p) - (1 - y) * log(1 - p)
    return sp.diff(L, w1).subs({w1: 0, w2: 0})


DOCS += [doc_backprop_lecture, doc_backprop_md]
