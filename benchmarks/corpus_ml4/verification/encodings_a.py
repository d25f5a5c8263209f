"""Hand encodings of families 1-6 of corpus_ml4 (softmax with temperature, label smoothing,
logistic regression gradient and Hessian, ridge as MAP, Poisson regression, Beta-Bernoulli MAP).

Every expression is (LaTeX anchor, function of the context). See framework.py."""
import sympy as sp

from framework import Chain, Doc, R, P, delta, with_plant, sig
from helpers import vec, mat, pairs, singles, sizes, S, targets, grid

log, exp = sp.log, sp.exp
half = sp.Rational(1, 2)

# ---------------------------------------------------------------------------
# family 1: softmax with temperature
T = P("T", 0.3, 2.5)


def tsoft(zl, T):
    s = sp.Add(*[exp(t / T) for t in zl])
    return [exp(t / T) / s for t in zl]


def doc_temperature_notes():
    def z(c):
        return vec("z", c["K"])

    def p(c, k):
        return tsoft(z(c), T)[k - 1]

    def dlogp_dz(c):
        return sp.diff(log(p(c, c["i"])), z(c)[c["j"] - 1])

    ch = [
        Chain("def", [("p_i", lambda c: p(c, c["i"])),
                      (r"\frac{e^{z_i/T}}{\sum_{k=1}^{K} e^{z_k/T}}", lambda c: p(c, c["i"]))], ["def"]),
        Chain("logp", [(r"\log p_i", lambda c: log(p(c, c["i"]))),
                       (r"\frac{z_i}{T} - \log \sum_{k=1}^{K} e^{z_k/T}",
                        lambda c: z(c)[c["i"] - 1] / T - log(sp.Add(*[exp(t / T) for t in z(c)])))]),
        Chain("dlogp", [(r"\pd{\log p_i}{z_j}", dlogp_dz),
                        (r"\frac{\delta_{ij}}{T} - \frac{1}{\sum_{k} e^{z_k/T}} \cdot \frac{1}{T} e^{z_j/T}",
                         lambda c: delta(c["i"], c["j"]) / T
                         - 1 / sp.Add(*[exp(t / T) for t in z(c)]) / T * exp(z(c)[c["j"] - 1] / T)),
                        (r"\frac{1}{T}\bigl(\delta_{ij} - p_j\bigr)",
                         lambda c: (delta(c["i"], c["j"]) - p(c, c["j"])) / T)]),
        Chain("jac", [(r"\pd{p_i}{z_j}", lambda c: sp.diff(p(c, c["i"]), z(c)[c["j"] - 1])),
                      (r"p_i \pd{\log p_i}{z_j}", lambda c: p(c, c["i"]) * dlogp_dz(c)),
                      (r"\frac{1}{T}\, p_i \bigl(\delta_{ij} - p_j\bigr)",
                       lambda c: p(c, c["i"]) * (delta(c["i"], c["j"]) - p(c, c["j"])) / T)]),
        Chain("diag", [(r"\pd{p_i}{z_i}", lambda c: sp.diff(p(c, c["i"]), z(c)[c["i"] - 1])),
                       (r"\frac{p_i(1 - p_i)}{T}", lambda c: p(c, c["i"]) * (1 - p(c, c["i"])) / T)],
              ctxs=singles("i")),
        Chain("rowsum", [(r"\sum_{j=1}^{K} \pd{p_i}{z_j}",
                          lambda c: sp.Add(*[sp.diff(p(c, c["i"]), t) for t in z(c)])),
                         (r"\frac{p_i}{T}\Bigl(1 - \sum_{j=1}^{K} p_j\Bigr)",
                          lambda c: p(c, c["i"]) / T * (1 - sp.Add(*[p(c, k) for k in range(1, c["K"] + 1)]))),
                         ("0", lambda c: 0)], ctxs=singles("i")),
        Chain("dT", [(r"\pd{\log p_i}{T}", lambda c: sp.diff(log(p(c, c["i"])), T)),
                     (r"-\frac{z_i}{T^2} + \frac{\sum_k e^{z_k/T} z_k/T^2}{\sum_k e^{z_k/T}}",
                      lambda c: -z(c)[c["i"] - 1] / T**2
                      + sp.Add(*[exp(t / T) * t / T**2 for t in z(c)]) / sp.Add(*[exp(t / T) for t in z(c)])),
                     (r"-\frac{1}{T^2}\Bigl(z_i - \sum_{k=1}^{K} p_k z_k\Bigr)",
                      lambda c: -(z(c)[c["i"] - 1] - sp.Add(*[p(c, k) * z(c)[k - 1] for k in range(1, c["K"] + 1)])) / T**2)],
              ctxs=singles("i")),
        Chain("num", [(r"\pd{p_1}{z_2}", lambda c: _num_temp()),
                      (r"\frac{1}{2} \cdot \frac{1}{4} \cdot \Bigl(-\frac{3}{4}\Bigr)",
                       lambda c: half * sp.Rational(1, 4) * sp.Rational(-3, 4)),
                      (r"-\frac{3}{32}", lambda c: sp.Rational(-3, 32))], ctxs=[{}]),
    ]
    d = Doc("temperature_softmax_notes.tex", ch, pairs(4))
    wrong = (r"p_j \pd{\log p_i}{z_j}", lambda c: p(c, c["j"]) * dlogp_dz(c))
    return with_plant(d, r"= p_i \pd{\log p_i}{z_j} =", r"= p_j \pd{\log p_i}{z_j} =", "jac", 1, wrong,
                      "wrong index: p_j for p_i in front of the log-derivative")


def _num_temp():
    a, b = sp.Symbol("_a"), sp.Symbol("_b")
    pp = tsoft([a, b], 2)
    return sp.diff(pp[0], b).subs({a: 0, b: 2 * log(3)})


def doc_temperature_answer():
    def z(c):
        return vec("z", c["K"])

    def q(c, k):
        return tsoft(z(c), T)[k - 1]

    def pt(c):
        return targets(c["K"], "p")

    def C(c):
        return -sp.Add(*[pt(c)[k] * log(q(c, k + 1)) for k in range(c["K"])])

    def dq(c, i, k):
        return sp.diff(q(c, i), z(c)[k - 1])

    def Ssum(c):
        return sp.Add(*[exp(t / T) for t in z(c)])

    def dC(c):
        return sp.diff(C(c), z(c)[c["k"] - 1])

    K = lambda c: range(1, c["K"] + 1)
    ch = [
        Chain("dq", [(r"\frac{\partial q_i}{\partial z_k}", lambda c: dq(c, c["i"], c["k"])),
                     (r"\frac{\tfrac{1}{T}\delta_{ik}\exp(z_i/T)\, S - \exp(z_i/T)\,\tfrac{1}{T}\exp(z_k/T)}{S^2}",
                      lambda c: (delta(c["i"], c["k"]) * exp(z(c)[c["i"] - 1] / T) * Ssum(c) / T
                                 - exp(z(c)[c["i"] - 1] / T) * exp(z(c)[c["k"] - 1] / T) / T) / Ssum(c)**2),
                     (r"\frac{1}{T}\left(\delta_{ik} q_i - q_i q_k\right)",
                      lambda c: (delta(c["i"], c["k"]) * q(c, c["i"]) - q(c, c["i"]) * q(c, c["k"])) / T)],
              ctxs=grid(range(1, 5), ["i", "k"])),
        Chain("C", [("C", C), (r"-\sum_{i} p_i \log q_i", C)], ["def"], ctxs=sizes(1, 4, "K")),
        Chain("dC", [(r"\frac{\partial C}{\partial z_k}", dC),
                     (r"-\sum_i \frac{p_i}{q_i}\frac{\partial q_i}{\partial z_k}",
                      lambda c: -sp.Add(*[pt(c)[i - 1] / q(c, i) * dq(c, i, c["k"]) for i in K(c)])),
                     (r"-\frac{1}{T}\sum_i p_i\left(\delta_{ik} - q_k\right)",
                      lambda c: -sp.Add(*[pt(c)[i - 1] * (delta(i, c["k"]) - q(c, c["k"])) for i in K(c)]) / T),
                     (r"-\frac{1}{T}\Bigl(p_k - q_k \sum_i p_i\Bigr)",
                      lambda c: -(pt(c)[c["k"] - 1] - q(c, c["k"]) * sp.Add(*pt(c))) / T),
                     (r"\frac{1}{T}\left(q_k - p_k\right)", lambda c: (q(c, c["k"]) - pt(c)[c["k"] - 1]) / T)]),
        Chain("T2", [(r"T^2 \frac{\partial C}{\partial z_k}", lambda c: T**2 * dC(c)),
                     (r"T\,(q_k - p_k)", lambda c: T * (q(c, c["k"]) - pt(c)[c["k"] - 1]))]),
        Chain("sum", [(r"\sum_k \frac{\partial C}{\partial z_k}",
                       lambda c: sp.Add(*[sp.diff(C(c), t) for t in z(c)])),
                      (r"\frac{1}{T}\Bigl(\sum_k q_k - \sum_k p_k\Bigr)",
                       lambda c: (sp.Add(*[q(c, k) for k in K(c)]) - sp.Add(*pt(c))) / T),
                      (r"\frac{1}{T}(1 - 1)", lambda c: 0 / T),
                      ("0", lambda c: 0)], ctxs=sizes(1, 4, "K")),
        Chain("num", [(r"\frac{\partial C}{\partial z_1}", lambda c: _num_distill()),
                      (r"\frac{1}{2}\left(\frac{2}{3} - \frac{1}{2}\right)",
                       lambda c: half * (sp.Rational(2, 3) - half)),
                      (r"\frac{1}{12}", lambda c: sp.Rational(1, 12))], ctxs=[{}]),
    ]
    d = Doc("temperature_softmax_answer.md", ch, grid(range(1, 5), ["k"]))
    wrong = (r"-\sum_i p_i\left(\delta_{ik} - q_k\right)",
             lambda c: -sp.Add(*[pt(c)[i - 1] * (delta(i, c["k"]) - q(c, c["k"])) for i in K(c)]))
    return with_plant(d, r"= -\frac{1}{T}\sum_i p_i\left(", r"= -\sum_i p_i\left(", "dC", 2, wrong,
                      "dropped factor: the 1/T in front of the sum")


def _num_distill():
    a, b = sp.Symbol("_a"), sp.Symbol("_b")
    qq = tsoft([a, b], 2)
    Cc = -(half * log(qq[0]) + half * log(qq[1]))
    return sp.diff(Cc, a).subs({a: log(4), b: 0})


DOCS = [doc_temperature_notes, doc_temperature_answer]


# ---------------------------------------------------------------------------
# family 2: cross-entropy with label smoothing
EPS = P("varepsilon", 0.05, 0.6)


def doc_label_smoothing_solution():
    def z(c):
        return vec("z", c["K"])

    def p(c, k):
        S_ = sp.Add(*[exp(t) for t in z(c)])
        return exp(z(c)[k - 1]) / S_

    def y(c, k, eps=EPS):
        return (1 - eps) * delta(k, c["c"]) + eps / c["K"]

    Ks = lambda c: range(1, c["K"] + 1)

    def L(c):
        return -sp.Add(*[y(c, k) * log(p(c, k)) for k in Ks(c)])

    def yc4(k, c0=1):
        e = sp.Rational(1, 10)
        return (1 - e) * delta(k, c0) + e / 4

    ch = [
        Chain("target", [("y_k", lambda c: y(c, c["j"])),
                         (r"(1 - \varepsilon)\,\mathbb{1}[k = c] + \frac{\varepsilon}{K}", lambda c: y(c, c["j"]))],
              ["def"]),
        Chain("sum", [(r"\sum_{k=1}^{K} y_k", lambda c: sp.Add(*[y(c, k) for k in Ks(c)])),
                      (r"(1 - \varepsilon)\sum_{k=1}^{K}\mathbb{1}[k = c] + \sum_{k=1}^{K}\frac{\varepsilon}{K}",
                       lambda c: (1 - EPS) * sp.Add(*[delta(k, c["c"]) for k in Ks(c)]) + c["K"] * (EPS / c["K"])),
                      (r"(1 - \varepsilon) + K\cdot\frac{\varepsilon}{K}", lambda c: (1 - EPS) + c["K"] * EPS / c["K"]),
                      ("1", lambda c: 1)]),
        Chain("L", [("L", L),
                    (r"-\sum_{k=1}^{K} y_k \log p_k", L),
                    (r"-(1 - \varepsilon)\log p_c - \frac{\varepsilon}{K}\sum_{k=1}^{K}\log p_k",
                     lambda c: -(1 - EPS) * log(p(c, c["c"])) - EPS / c["K"] * sp.Add(*[log(p(c, k)) for k in Ks(c)])),
                    (r"-(1 - \varepsilon) z_c - \frac{\varepsilon}{K}\sum_{k=1}^{K} z_k + \log\sum_{m=1}^{K} e^{z_m}",
                     lambda c: -(1 - EPS) * z(c)[c["c"] - 1] - EPS / c["K"] * sp.Add(*z(c))
                     + log(sp.Add(*[exp(t) for t in z(c)])))], ["def", "id", "id"]),
        Chain("grad", [(r"\frac{\partial L}{\partial z_j}", lambda c: sp.diff(L(c), z(c)[c["j"] - 1])),
                       (r"-(1 - \varepsilon)\,\delta_{jc} - \frac{\varepsilon}{K} + p_j",
                        lambda c: -(1 - EPS) * delta(c["j"], c["c"]) - EPS / c["K"] + p(c, c["j"])),
                       ("p_j - y_j", lambda c: p(c, c["j"]) - y(c, c["j"]))]),
        Chain("gc", [(r"\frac{\partial L}{\partial z_c}", lambda c: sp.diff(L(c), z(c)[c["c"] - 1])),
                     (r"p_c - \Bigl(1 - \varepsilon + \frac{\varepsilon}{K}\Bigr)",
                      lambda c: p(c, c["c"]) - (1 - EPS + EPS / c["K"]))]),
        Chain("gj", [(r"\frac{\partial L}{\partial z_j}", lambda c: sp.diff(L(c), z(c)[c["j"] - 1])),
                     (r"p_j - \frac{\varepsilon}{K}", lambda c: p(c, c["j"]) - EPS / c["K"])],
              ctxs=grid(range(1, 5), ["c", "j"], lambda c: c["c"] != c["j"])),
        Chain("gap", [(r"\log\frac{y_c}{y_j}", lambda c: log(yc4(1) / yc4(2))),
                      (r"\log\frac{1 - \varepsilon + \varepsilon/K}{\varepsilon/K}",
                       lambda c: log((1 - sp.Rational(1, 10) + sp.Rational(1, 40)) / sp.Rational(1, 40))),
                      (r"\log\frac{0.925}{0.025}", lambda c: log(sp.Rational("0.925") / sp.Rational("0.025"))),
                      (r"\log 37", lambda c: log(37))], ctxs=[{}]),
    ]
    d = Doc("label_smoothing_solution.tex", ch, grid(range(1, 5), ["c", "j"]))
    wrong = (r"-(1 - \varepsilon)\,\delta_{jc} + \frac{\varepsilon}{K} + p_j",
             lambda c: -(1 - EPS) * delta(c["j"], c["c"]) + EPS / c["K"] + p(c, c["j"]))
    return with_plant(d, r"- \frac{\varepsilon}{K} + p_j = p_j - y_j", r"+ \frac{\varepsilon}{K} + p_j = p_j - y_j",
                      "grad", 1, wrong, "sign: + epsilon/K for - epsilon/K")


EPS2 = P("epsilon", 0.05, 0.6)


def doc_label_smoothing_blog():
    def z(c):
        return vec("z", c["K"])

    def p(c, k):
        S_ = sp.Add(*[exp(t) for t in z(c)])
        return exp(z(c)[k - 1]) / S_

    def q(c, k):
        return (1 - EPS2) * delta(k, c["y"]) + EPS2 / c["K"]

    Ks = lambda c: range(1, c["K"] + 1)

    def ell(c):
        return -sp.Add(*[q(c, k) * log(p(c, k)) for k in Ks(c)])

    def H(a, b):
        return -sp.Add(*[ai * log(bi) for ai, bi in zip(a, b)])

    def dlogp(c, k, j):
        return sp.diff(log(p(c, k)), z(c)[j - 1])

    def num():
        e = sp.Rational(3, 10)
        qq = [(1 - e) * delta(k, 1) + e / 3 for k in (1, 2, 3)]
        zz = vec("z", 3)
        S_ = sp.Add(*[exp(t) for t in zz])
        l_ = -sp.Add(*[qq[k] * log(exp(zz[k]) / S_) for k in range(3)])
        return sp.diff(l_, zz[0]).subs({t: 0 for t in zz})

    ch = [
        Chain("qdef", [(r"\tilde{q}_k", lambda c: q(c, c["j"])),
                       (r"(1-\epsilon)\,\delta_{k,y} + \frac{\epsilon}{K}", lambda c: q(c, c["j"]))], ["def"]),
        Chain("ldef", [(r"\ell", ell), (r"-\sum_{k=1}^{K}\tilde{q}_k\log p_k", ell)], ["def"]),
        Chain("split", [(r"\ell", ell),
                        (r"-(1-\epsilon)\sum_k \delta_{k,y}\log p_k - \frac{\epsilon}{K}\sum_k \log p_k",
                         lambda c: -(1 - EPS2) * sp.Add(*[delta(k, c["y"]) * log(p(c, k)) for k in Ks(c)])
                         - EPS2 / c["K"] * sp.Add(*[log(p(c, k)) for k in Ks(c)])),
                        (r"(1-\epsilon)\,H(\delta_y, p) + \epsilon\, H(u, p)",
                         lambda c: (1 - EPS2) * H([delta(k, c["y"]) for k in Ks(c)], [p(c, k) for k in Ks(c)])
                         + EPS2 * H([sp.Rational(1, c["K"])] * c["K"], [p(c, k) for k in Ks(c)]))]),
        Chain("H", [(r"H(u, p)", lambda c: H([sp.Rational(1, c["K"])] * c["K"], [p(c, k) for k in Ks(c)])),
                    (r"-\frac{1}{K}\sum_k \log p_k", lambda c: -sp.Add(*[log(p(c, k)) for k in Ks(c)]) / c["K"]),
                    (r"\log K + \sum_k \frac{1}{K}\log\frac{1/K}{p_k}",
                     lambda c: log(c["K"]) + sp.Add(*[log(sp.Rational(1, c["K"]) / p(c, k)) for k in Ks(c)]) / c["K"]),
                    (r"\log K + D_{\mathrm{KL}}(u \,\|\, p)",
                     lambda c: log(c["K"]) + sp.Add(*[sp.Rational(1, c["K"]) * log(sp.Rational(1, c["K"]) / p(c, k))
                                                      for k in Ks(c)]))]),
        Chain("grad", [(r"\frac{\partial \ell}{\partial z_j}", lambda c: sp.diff(ell(c), z(c)[c["j"] - 1])),
                       (r"-\sum_k \tilde{q}_k \frac{\partial \log p_k}{\partial z_j}",
                        lambda c: -sp.Add(*[q(c, k) * dlogp(c, k, c["j"]) for k in Ks(c)])),
                       (r"-\sum_k \tilde{q}_k\,(\delta_{kj} - p_j)",
                        lambda c: -sp.Add(*[q(c, k) * (delta(k, c["j"]) - p(c, c["j"])) for k in Ks(c)])),
                       (r"-\tilde{q}_j + p_j\sum_k \tilde{q}_k",
                        lambda c: -q(c, c["j"]) + p(c, c["j"]) * sp.Add(*[q(c, k) for k in Ks(c)])),
                       (r"p_j - \tilde{q}_j", lambda c: p(c, c["j"]) - q(c, c["j"]))]),
        Chain("num", [(r"\frac{\partial \ell}{\partial z_1}", lambda c: num()),
                      (r"\frac{1}{3} - 0.8", lambda c: sp.Rational(1, 3) - sp.Rational("0.8")),
                      (r"-\frac{7}{15}", lambda c: sp.Rational(-7, 15))], ctxs=[{}]),
    ]
    d = Doc("label_smoothing_blog.md", ch, grid(range(1, 5), ["y", "j"]))
    wrong = (r"-\sum_k \tilde{q}_k\,(\delta_{kj} - p_k)",
             lambda c: -sp.Add(*[q(c, k) * (delta(k, c["j"]) - p(c, k)) for k in Ks(c)]))
    return with_plant(d, r"\tilde{q}_k\,(\delta_{kj} - p_j)", r"\tilde{q}_k\,(\delta_{kj} - p_k)", "grad", 2, wrong,
                      "wrong index: p_k for p_j inside the sum")


DOCS += [doc_label_smoothing_solution, doc_label_smoothing_blog]


# ---------------------------------------------------------------------------
# family 3: logistic regression gradient and Hessian
def _local(f, at):
    u = sp.Symbol("_u", real=True)
    return sp.diff(f(u), u).subs(u, at)


def doc_logreg_hessian():
    zs, ys = R("z_s", -2, 2), R("y_s", 0, 1)
    nll = -ys * log(sig(zs)) - (1 - ys) * log(1 - sig(zs))

    def data(c):
        X = mat("x", c["n"], 2)
        w = vec("w", 2)
        y = vec("ylab", c["n"], lo=0.0, hi=1.0)
        z = [sum(w[j] * X[i][j] for j in range(2)) for i in range(c["n"])]
        return X, w, y, z

    def ell(c):
        X, w, y, z = data(c)
        return sp.Add(*[-y[i] * log(sig(z[i])) - (1 - y[i]) * log(1 - sig(z[i])) for i in range(c["n"])])

    def H(c, j, k):
        X, w, y, z = data(c)
        return sp.diff(ell(c), w[j - 1], w[k - 1])

    def s(c, i):
        z = data(c)[3]
        return sig(z[i]) * (1 - sig(z[i]))

    def gsum(c, f):
        return sp.Add(*[f(i) for i in range(c["n"])])

    v = vec("v", 2)
    pt = dict(n=1)

    def ell_pt(w1, w2):
        z = w1 * 1 + w2 * 2
        return -log(sig(z))

    w1, w2 = sp.symbols("_w1 _w2")
    ch = [
        Chain("nll", [(r"\ell_i(\mathbf{w})", lambda c: nll),
                      (r"-y_i\log\sigma(z_i) - (1 - y_i)\log\bigl(1 - \sigma(z_i)\bigr)", lambda c: nll),
                      (r"\log\bigl(1 + e^{z_i}\bigr) - y_i z_i", lambda c: log(1 + exp(zs)) - ys * zs)],
              ["def", "id"], ctxs=[{}]),
        Chain("dl", [(r"\frac{d\ell_i}{dz_i}", lambda c: sp.diff(nll, zs)),
                     (r"\frac{e^{z_i}}{1 + e^{z_i}} - y_i", lambda c: exp(zs) / (1 + exp(zs)) - ys),
                     (r"\sigma(z_i) - y_i", lambda c: sig(zs) - ys)], ctxs=[{}]),
        Chain("d2", [(r"\frac{d^2\ell_i}{dz_i^2}", lambda c: sp.diff(nll, zs, 2)),
                     (r"\sigma(z_i)\bigl(1 - \sigma(z_i)\bigr)", lambda c: sig(zs) * (1 - sig(zs)))], ctxs=[{}]),
        Chain("grad", [(r"\frac{\partial \ell}{\partial w_j}", lambda c: sp.diff(ell(c), data(c)[1][c["j"] - 1])),
                       (r"\sum_{i=1}^{n} \frac{d\ell_i}{dz_i}\,\frac{\partial z_i}{\partial w_j}",
                        lambda c: gsum(c, lambda i: _local(lambda u: -data(c)[2][i] * log(sig(u))
                                                           - (1 - data(c)[2][i]) * log(1 - sig(u)), data(c)[3][i])
                                       * sp.diff(data(c)[3][i], data(c)[1][c["j"] - 1]))),
                       (r"\sum_{i=1}^{n}\bigl(\sigma(z_i) - y_i\bigr)x_{ij}",
                        lambda c: gsum(c, lambda i: (sig(data(c)[3][i]) - data(c)[2][i]) * data(c)[0][i][c["j"] - 1]))]),
        Chain("nabla", [(r"\nabla_{\mathbf{w}}\ell", lambda c: sp.diff(ell(c), data(c)[1][c["j"] - 1])),
                        (r"X^{\top}\bigl(\boldsymbol{\sigma} - \mathbf{y}\bigr)",
                         lambda c: gsum(c, lambda i: data(c)[0][i][c["j"] - 1] * (sig(data(c)[3][i]) - data(c)[2][i])))]),
        Chain("hess", [("H_{jk}", lambda c: H(c, c["j"], c["k"])),
                       (r"\frac{\partial^2 \ell}{\partial w_j \partial w_k}", lambda c: H(c, c["j"], c["k"])),
                       (r"\sum_{i=1}^{n} x_{ij}\frac{\partial \sigma(z_i)}{\partial w_k}",
                        lambda c: gsum(c, lambda i: data(c)[0][i][c["j"] - 1]
                                       * sp.diff(sig(data(c)[3][i]), data(c)[1][c["k"] - 1]))),
                       (r"\sum_{i=1}^{n} \sigma(z_i)\bigl(1 - \sigma(z_i)\bigr) x_{ij} x_{ik}",
                        lambda c: gsum(c, lambda i: s(c, i) * data(c)[0][i][c["j"] - 1] * data(c)[0][i][c["k"] - 1]))],
              ["def", "id", "id"]),
        Chain("XSX", [("H", lambda c: H(c, c["j"], c["k"])),
                      (r"X^{\top} S X",
                       lambda c: gsum(c, lambda i: data(c)[0][i][c["j"] - 1] * s(c, i) * data(c)[0][i][c["k"] - 1]))]),
        Chain("quad", [(r"\mathbf{v}^{\top} H \mathbf{v}",
                        lambda c: sp.Add(*[v[j - 1] * v[k - 1] * H(c, j, k) for j in (1, 2) for k in (1, 2)])),
                       (r"\sum_{i=1}^{n} s_i \bigl(\mathbf{x}_i^{\top}\mathbf{v}\bigr)^2",
                        lambda c: gsum(c, lambda i: s(c, i) * (data(c)[0][i][0] * v[0] + data(c)[0][i][1] * v[1])**2))],
              ctxs=sizes(1, 4)),
        Chain("num1", [(r"\frac{\partial \ell}{\partial w_2}",
                        lambda c: sp.diff(ell_pt(w1, w2), w2).subs({w1: 0, w2: 0})),
                       (r"\Bigl(\frac{1}{2} - 1\Bigr)\cdot 2", lambda c: (half - 1) * 2),
                       ("-1", lambda c: -1)], ctxs=[{}]),
        Chain("num2", [("H_{12}", lambda c: sp.diff(ell_pt(w1, w2), w1, w2).subs({w1: 0, w2: 0})),
                       (r"\frac{1}{2}\cdot\frac{1}{2}\cdot 1 \cdot 2", lambda c: half * half * 2),
                       (r"\frac{1}{2}", lambda c: half)], ctxs=[{}]),
    ]
    ctxs = [dict(n=n, j=j, k=k) for n in range(1, 5) for j in (1, 2) for k in (1, 2)]
    d = Doc("logreg_hessian_lecture.tex", ch, ctxs)
    wrong = (r"\sum_{i=1}^{n} x_{ik}\frac{\partial \sigma(z_i)}{\partial w_k}",
             lambda c: gsum(c, lambda i: data(c)[0][i][c["k"] - 1]
                            * sp.diff(sig(data(c)[3][i]), data(c)[1][c["k"] - 1])))
    return with_plant(d, r"&= \sum_{i=1}^{n} x_{ij}\frac{\partial \sigma(z_i)}{\partial w_k}",
                      r"&= \sum_{i=1}^{n} x_{ik}\frac{\partial \sigma(z_i)}{\partial w_k}", "hess", 2, wrong,
                      "wrong index: x_{ik} for x_{ij} in front of the derivative")


def doc_logreg_newton():
    t = R("t", -2, 2)
    SIGNS = {1: [(1,), (-1,)], 2: [(1, 1), (1, -1), (-1, 1), (-1, -1)], 3: [(1, -1, 1), (-1, -1, 1)]}

    def data(c):
        n = c["n"]
        X = mat("x", n, 2)
        w = vec("w", 2)
        y = [sp.Integer(s) for s in c["s"]]
        m = [y[i] * (w[0] * X[i][0] + w[1] * X[i][1]) for i in range(n)]
        return X, w, y, m

    def J(c):
        X, w, y, m = data(c)
        return sp.Add(*[log(1 + exp(-m[i])) for i in range(c["n"])])

    def gs(c, f):
        return sp.Add(*[f(i) for i in range(c["n"])])

    def dJ(c, j):
        return sp.diff(J(c), data(c)[1][j - 1])

    def d2J(c, j, k):
        return sp.diff(J(c), data(c)[1][j - 1], data(c)[1][k - 1])

    def X_(c, i, j):
        return data(c)[0][i][j - 1]

    def y_(c, i):
        return data(c)[2][i]

    def m_(c, i):
        return data(c)[3][i]

    w1, w2 = sp.symbols("_w1 _w2")
    Jpt = log(1 + exp(-(-1) * (w1 * 1 + w2 * (-1))))
    at = {w1: half, w2: half}
    T4 = lambda a: sp.Rational(1, 4) * a
    ch = [
        Chain("Jdef", [(r"J(\mathbf{w})", J),
                       (r"\sum_{i=1}^{n}\log\Bigl(1 + \exp\bigl(-y_i\,\mathbf{w}^\top\mathbf{x}_i\bigr)\Bigr)", J)], ["def"]),
        Chain("dt", [(r"\frac{d}{dt}\log\bigl(1 + e^{-t}\bigr)", lambda c: sp.diff(log(1 + exp(-t)), t)),
                     (r"\frac{-e^{-t}}{1 + e^{-t}}", lambda c: -exp(-t) / (1 + exp(-t))),
                     (r"-\sigma(-t)", lambda c: -sig(-t))], ctxs=[{}]),
        Chain("grad", [(r"\frac{\partial J}{\partial w_j}", lambda c: dJ(c, c["j"])),
                       (r"\sum_{i=1}^{n} \frac{d}{dm_i}\log\bigl(1 + e^{-m_i}\bigr)\,\frac{\partial m_i}{\partial w_j}",
                        lambda c: gs(c, lambda i: _local(lambda u: log(1 + exp(-u)), m_(c, i))
                                     * sp.diff(m_(c, i), data(c)[1][c["j"] - 1]))),
                       (r"-\sum_{i=1}^{n} \sigma(-m_i)\, y_i x_{ij}",
                        lambda c: -gs(c, lambda i: sig(-m_(c, i)) * y_(c, i) * X_(c, i, c["j"])))]),
        Chain("nabla", [(r"\nabla J", lambda c: dJ(c, c["j"])),
                        (r"-X^{\top}\bigl(\mathbf{y} \odot \sigma(-\mathbf{m})\bigr)",
                         lambda c: -gs(c, lambda i: X_(c, i, c["j"]) * y_(c, i) * sig(-m_(c, i))))]),
        Chain("hess", [(r"\frac{\partial^2 J}{\partial w_k\,\partial w_j}", lambda c: d2J(c, c["k"], c["j"])),
                       (r"-\sum_{i=1}^{n} y_i x_{ij}\,\frac{\partial}{\partial w_k}\sigma(-m_i)",
                        lambda c: -gs(c, lambda i: y_(c, i) * X_(c, i, c["j"])
                                      * sp.diff(sig(-m_(c, i)), data(c)[1][c["k"] - 1]))),
                       (r"-\sum_{i=1}^{n} y_i x_{ij}\,\sigma(-m_i)\sigma(m_i)\,(-y_i x_{ik})",
                        lambda c: -gs(c, lambda i: y_(c, i) * X_(c, i, c["j"]) * sig(-m_(c, i)) * sig(m_(c, i))
                                      * (-y_(c, i) * X_(c, i, c["k"])))),
                       (r"\sum_{i=1}^{n} y_i^2\,\sigma(m_i)\sigma(-m_i)\,x_{ij}x_{ik}",
                        lambda c: gs(c, lambda i: y_(c, i)**2 * sig(m_(c, i)) * sig(-m_(c, i))
                                     * X_(c, i, c["j"]) * X_(c, i, c["k"]))),
                       (r"\sum_{i=1}^{n} \sigma(m_i)\bigl(1 - \sigma(m_i)\bigr)\,x_{ij}x_{ik}",
                        lambda c: gs(c, lambda i: sig(m_(c, i)) * (1 - sig(m_(c, i)))
                                     * X_(c, i, c["j"]) * X_(c, i, c["k"])))]),
        Chain("nabla2", [(r"\nabla^2 J", lambda c: d2J(c, c["j"], c["k"])),
                         (r"X^{\top} D X", lambda c: gs(c, lambda i: X_(c, i, c["j"]) * sig(m_(c, i)) * sig(-m_(c, i))
                                                         * X_(c, i, c["k"])))]),
        Chain("D", [("D_{ii}", lambda c: sig(m_(c, 0)) * sig(-m_(c, 0))),
                    (r"\sigma(m_i)\,\sigma(-m_i)", lambda c: sig(m_(c, 0)) * sig(-m_(c, 0)))], ["def"]),
        Chain("num1", [(r"\frac{\partial J}{\partial w_1}", lambda c: sp.diff(Jpt, w1).subs(at)),
                       (r"-\tfrac{1}{2}\cdot(-1)\cdot 1", lambda c: -half * (-1) * 1),
                       (r"\tfrac{1}{2}", lambda c: half)], ctxs=[{}]),
        Chain("num2", [(r"\frac{\partial^2 J}{\partial w_1 \partial w_2}", lambda c: sp.diff(Jpt, w1, w2).subs(at)),
                       (r"\tfrac{1}{2}\cdot\tfrac{1}{2}\cdot 1\cdot(-1)", lambda c: half * half * (-1)),
                       (r"-\tfrac{1}{4}", lambda c: sp.Rational(-1, 4))], ctxs=[{}]),
    ]
    ctxs = [dict(n=n, s=s, j=j, k=k) for n in (1, 2, 3) for s in SIGNS[n] for j in (1, 2) for k in (1, 2)]
    d = Doc("logreg_newton_answer.md", ch, ctxs)
    wrong = (r"-\sum_{i=1}^{n} y_i^2\,\sigma(m_i)\sigma(-m_i)\,x_{ij}x_{ik}",
             lambda c: -gs(c, lambda i: y_(c, i)**2 * sig(m_(c, i)) * sig(-m_(c, i)) * X_(c, i, c["j"]) * X_(c, i, c["k"])))
    return with_plant(d, r"&= \sum_{i=1}^{n} y_i^2\,", r"&= -\sum_{i=1}^{n} y_i^2\,", "hess", 3, wrong,
                      "sign: -sum for sum after the two minus signs cancel")


DOCS += [doc_logreg_hessian, doc_logreg_newton]


# ---------------------------------------------------------------------------
# family 4: ridge regression as MAP with a Gaussian prior
def npdf(x, mu, var):
    return exp(-(x - mu)**2 / (2 * var)) / sp.sqrt(2 * sp.pi * var)


def doc_ridge_notes():
    sg, ta = P("sigma", 0.4, 2.0), P("tau", 0.4, 2.0)
    lam = sg**2 / ta**2

    def data(c):
        X = mat("x", c["n"], 2)
        return X, vec("y", c["n"]), vec("w", 2)

    def res(c, i):
        X, y, w = data(c)
        return y[i] - (w[0] * X[i][0] + w[1] * X[i][1])

    def ss(c):
        return sp.Add(*[res(c, i)**2 for i in range(c["n"])])

    def E(c):
        w = data(c)[2]
        return ss(c) / (2 * sg**2) + (w[0]**2 + w[1]**2) / (2 * ta**2)

    def wmap(c):
        X, y, w = data(c)
        M = sp.Matrix(X)
        A = M.T * M + lam * sp.eye(2)
        return (A.inv() * M.T * sp.Matrix(y))[c["j"] - 1]

    ys, ms = R("y_s"), R("m_s")
    ws = vec("w", 2)

    def one(c):
        x1, y1 = vec("x", c["n"]), vec("y", c["n"])
        return x1, y1

    def what(c):
        x1, y1 = one(c)
        return sp.Add(*[a * b for a, b in zip(x1, y1)]) / (sp.Add(*[a**2 for a in x1]) + lam)

    def gradj(c):
        X, y, w = data(c)
        return sp.diff(sg**2 * E(c), w[c["j"] - 1])

    ch = [
        Chain("loglik", [(r"\log\mathcal{N}\bigl(y_i \mid \mathbf{w}^{\top}\mathbf{x}_i, \sigma^2\bigr)",
                          lambda c: log(npdf(ys, ms, sg**2))),
                         (r"-\frac{1}{2}\log(2\pi\sigma^2) - \frac{(y_i - \mathbf{w}^{\top}\mathbf{x}_i)^2}{2\sigma^2}",
                          lambda c: -half * log(2 * sp.pi * sg**2) - (ys - ms)**2 / (2 * sg**2))], ctxs=[{}]),
        Chain("logprior", [(r"\log\mathcal{N}\bigl(\mathbf{w} \mid \mathbf{0}, \tau^2 I\bigr)",
                            lambda c: log(npdf(ws[0], 0, ta**2) * npdf(ws[1], 0, ta**2))),
                           (r"-\frac{d}{2}\log(2\pi\tau^2) - \frac{\mathbf{w}^{\top}\mathbf{w}}{2\tau^2}",
                            lambda c: -log(2 * sp.pi * ta**2) - (ws[0]**2 + ws[1]**2) / (2 * ta**2))], ctxs=[{}]),
        Chain("E", [(r"E(\mathbf{w})", E),
                    (r"\frac{1}{2\sigma^2}\sum_{i=1}^{n}\bigl(y_i - \mathbf{w}^{\top}\mathbf{x}_i\bigr)^2 + \frac{1}{2\tau^2}\lVert\mathbf{w}\rVert_2^2", E)],
              ["def"]),
        Chain("s2E", [(r"\sigma^2 E(\mathbf{w})", lambda c: sg**2 * E(c)),
                      (r"\frac{1}{2}\sum_{i=1}^{n}\bigl(y_i - \mathbf{w}^{\top}\mathbf{x}_i\bigr)^2 + \frac{\sigma^2}{2\tau^2}\lVert\mathbf{w}\rVert_2^2",
                       lambda c: ss(c) / 2 + sg**2 / (2 * ta**2) * (ws[0]**2 + ws[1]**2)),
                      (r"\frac{1}{2}\lVert\mathbf{y} - X\mathbf{w}\rVert_2^2 + \frac{\lambda}{2}\lVert\mathbf{w}\rVert_2^2",
                       lambda c: ss(c) / 2 + lam / 2 * (ws[0]**2 + ws[1]**2))]),
        Chain("grad", [(r"\frac{\partial}{\partial w_j}\Bigl(\sigma^2 E(\mathbf{w})\Bigr)", gradj),
                       (r"-\sum_{i=1}^{n}\bigl(y_i - \mathbf{w}^{\top}\mathbf{x}_i\bigr)x_{ij} + \lambda w_j",
                        lambda c: -sp.Add(*[res(c, i) * data(c)[0][i][c["j"] - 1] for i in range(c["n"])])
                        + lam * ws[c["j"] - 1]),
                       (r"\bigl(X^{\top}X\mathbf{w} - X^{\top}\mathbf{y} + \lambda\mathbf{w}\bigr)_j",
                        lambda c: (sp.Matrix(data(c)[0]).T * sp.Matrix(data(c)[0]) * sp.Matrix(ws)
                                   - sp.Matrix(data(c)[0]).T * sp.Matrix(data(c)[1]) + lam * sp.Matrix(ws))[c["j"] - 1])]),
        Chain("wmap", [(r"\hat{\mathbf{w}}_{\mathrm{MAP}}", wmap),
                       (r"\bigl(X^{\top}X + \lambda I\bigr)^{-1}X^{\top}\mathbf{y}", wmap)], ["def"]),
        Chain("oned", [(r"\hat{w}", what),
                       (r"\frac{\sum_{i=1}^{n} x_i y_i}{\sum_{i=1}^{n} x_i^2 + \lambda}", what),
                       (r"\frac{\sum_{i} x_i y_i}{\sum_{i} x_i^2 + \sigma^2/\tau^2}",
                        lambda c: sp.Add(*[a * b for a, b in zip(*one(c))]) / (sp.Add(*[a**2 for a in one(c)[0]]) + sg**2 / ta**2))],
              ["def", "id"], ctxs=sizes(1, 4)),
        Chain("ex", [(r"\hat{w}", lambda c: sp.Rational(1 * 1 + 2 * 3) / (1 + 4 + half)),
                     (r"\frac{1\cdot 1 + 2\cdot 3}{1^2 + 2^2 + \tfrac{1}{2}}", lambda c: sp.Integer(7) / (sp.Integer(5) + half)),
                     (r"\frac{7}{5.5}", lambda c: 7 / sp.Rational("5.5")),
                     (r"\frac{14}{11}", lambda c: sp.Rational(14, 11))], ctxs=[{}]),
    ]
    d = Doc("ridge_map_notes.tex", ch, [dict(n=n, j=j) for n in range(1, 5) for j in (1, 2)])
    wrong = (r"\frac{1}{2}\sum_{i=1}^{n}\bigl(y_i - \mathbf{w}^{\top}\mathbf{x}_i\bigr)^2 + \frac{\sigma^2}{\tau^2}\lVert\mathbf{w}\rVert_2^2",
             lambda c: ss(c) / 2 + sg**2 / ta**2 * (ws[0]**2 + ws[1]**2))
    return with_plant(d, r"+ \frac{\sigma^2}{2\tau^2}\lVert", r"+ \frac{\sigma^2}{\tau^2}\lVert", "s2E", 1, wrong,
                      "wrong constant: sigma^2/tau^2 for sigma^2/(2 tau^2) (the 1/2 dropped)")


def doc_ridge_blog():
    al, be = P("alpha", 0.3, 3.0), P("beta", 0.3, 3.0)
    th = R("theta")
    ts, mus = R("t_s"), R("mu_s")

    def xt(c):
        return vec("x", c["N"]), vec("t", c["N"])

    def lnN(t, mu, prec):
        return log(sp.sqrt(prec / (2 * sp.pi)) * exp(-prec / 2 * (t - mu)**2))

    def F(c, at=th):
        x, t = xt(c)
        return (be / 2 * sp.Add(*[(tn - at * xn)**2 for xn, tn in zip(x, t)]) + al / 2 * at**2
                - sp.Rational(c["N"], 2) * log(be / (2 * sp.pi)) - half * log(al / (2 * sp.pi)))

    def Sxx(c):
        return sp.Add(*[a**2 for a in xt(c)[0]])

    def Sxt(c):
        return sp.Add(*[a * b for a, b in zip(*xt(c))])

    def tmap(c):
        return be * Sxt(c) / (be * Sxx(c) + al)

    ch = [
        Chain("lnN", [(r"\ln\mathcal{N}(t \mid \mu, \beta^{-1})", lambda c: lnN(ts, mus, be)),
                      (r"\frac{1}{2}\ln\frac{\beta}{2\pi} - \frac{\beta}{2}(t - \mu)^2",
                       lambda c: half * log(be / (2 * sp.pi)) - be / 2 * (ts - mus)**2)], ctxs=[{}]),
        Chain("F", [(r"F(\theta)", F),
                    (r"-\sum_{n=1}^{N}\ln\mathcal{N}(t_n \mid \theta x_n, \beta^{-1}) - \ln\mathcal{N}(\theta \mid 0, \alpha^{-1})",
                     lambda c: -sp.Add(*[lnN(tn, th * xn, be) for xn, tn in zip(*xt(c))]) - lnN(th, 0, al)),
                    (r"\frac{\beta}{2}\sum_{n=1}^{N}(t_n - \theta x_n)^2 + \frac{\alpha}{2}\theta^2 - \frac{N}{2}\ln\frac{\beta}{2\pi} - \frac{1}{2}\ln\frac{\alpha}{2\pi}",
                     F)], ["def", "id"]),
        Chain("dF", [(r"F'(\theta)", lambda c: sp.diff(F(c), th)),
                     (r"-\beta\sum_{n=1}^{N}(t_n - \theta x_n)x_n + \alpha\theta",
                      lambda c: -be * sp.Add(*[(tn - th * xn) * xn for xn, tn in zip(*xt(c))]) + al * th),
                     (r"\Bigl(\beta\sum_{n} x_n^2 + \alpha\Bigr)\theta - \beta\sum_{n} x_n t_n",
                      lambda c: (be * Sxx(c) + al) * th - be * Sxt(c))]),
        Chain("tmap", [(r"\theta_{\text{MAP}}", tmap),
                       (r"\frac{\beta\sum_n x_n t_n}{\beta\sum_n x_n^2 + \alpha}", tmap),
                       (r"\frac{\sum_n x_n t_n}{\sum_n x_n^2 + \alpha/\beta}", lambda c: Sxt(c) / (Sxx(c) + al / be))],
              ["def", "id"]),
        Chain("d2F", [(r"F''(\theta)", lambda c: sp.diff(F(c), th, 2)),
                      (r"\beta\sum_{n=1}^{N} x_n^2 + \alpha", lambda c: be * Sxx(c) + al)]),
        Chain("square", [(r"F(\theta)", F),
                         (r"\frac{1}{2}\Bigl(\beta\sum_n x_n^2 + \alpha\Bigr)\bigl(\theta - \theta_{\text{MAP}}\bigr)^2 + F(\theta_{\text{MAP}})",
                          lambda c: half * (be * Sxx(c) + al) * (th - tmap(c))**2 + F(c, tmap(c)))]),
        Chain("num", [(r"\theta_{\text{MAP}}", lambda c: sp.Integer(4) * (2 + 6) / (4 * 5 + 1)),
                      (r"\frac{4\cdot(1\cdot 2 + 2\cdot 3)}{4\cdot(1 + 4) + 1}",
                       lambda c: sp.Integer(4) * (1 * 2 + 2 * 3) / (4 * (1 + 4) + 1)),
                      (r"\frac{32}{21}", lambda c: sp.Rational(32, 21))], ctxs=[{}]),
    ]
    d = Doc("ridge_map_blog.md", ch, sizes(1, 4, "N"))
    wrong = (r"-\beta\sum_{n=1}^{N}(t_n - \theta x_n)x_n - \alpha\theta",
             lambda c: -be * sp.Add(*[(tn - th * xn) * xn for xn, tn in zip(*xt(c))]) - al * th)
    return with_plant(d, r"x_n + \alpha\theta =", r"x_n - \alpha\theta =", "dF", 1, wrong,
                      "sign: - alpha theta for + alpha theta")


DOCS += [doc_ridge_notes, doc_ridge_blog]


# ---------------------------------------------------------------------------
# family 5: Poisson regression with log link
def logfact(y):
    return log(sp.gamma(y + 1))


def doc_poisson_appendix():
    def data(c):
        X = mat("x", c["n"], 2)
        y = vec("ycount", c["n"], positive=True, lo=0.3, hi=3.0)
        t = vec("texp", c["n"], positive=True, lo=0.3, hi=3.0)
        b = vec("beta", 2)
        mu = [t[i] * exp(b[0] * X[i][0] + b[1] * X[i][1]) for i in range(c["n"])]
        return X, y, t, b, mu

    def ell(c):
        X, y, t, b, mu = data(c)
        return sp.Add(*[y[i] * log(mu[i]) - mu[i] - logfact(y[i]) for i in range(c["n"])])

    def gs(c, f):
        return sp.Add(*[f(i) for i in range(c["n"])])

    b0 = R("beta_0")

    def yt(c):
        return (vec("ycount", c["n"], positive=True, lo=0.3, hi=3.0), vec("texp", c["n"], positive=True, lo=0.3, hi=3.0))

    def ell0(c, at=b0):
        y, t = yt(c)
        return sp.Add(*[y[i] * log(t[i] * exp(at)) - t[i] * exp(at) - logfact(y[i]) for i in range(c["n"])])

    def bhat(c):
        y, t = yt(c)
        return log(sp.Add(*y) / sp.Add(*t))

    D = lambda c: data(c)
    ch = [
        Chain("A1", [(r"\ell(\boldsymbol{\beta})", ell),
                     (r"\sum_{i=1}^{n}\Bigl[y_i\log\mu_i - \mu_i - \log(y_i!)\Bigr]", ell)], ["def"]),
        Chain("A2", [(r"\ell(\boldsymbol{\beta})", ell),
                     (r"\sum_{i=1}^{n}\Bigl[y_i\bigl(\log t_i + \mathbf{x}_i^{\top}\boldsymbol{\beta}\bigr) - t_i\exp\bigl(\mathbf{x}_i^{\top}\boldsymbol{\beta}\bigr) - \log(y_i!)\Bigr]",
                      lambda c: gs(c, lambda i: D(c)[1][i] * (log(D(c)[2][i]) + D(c)[3][0] * D(c)[0][i][0] + D(c)[3][1] * D(c)[0][i][1])
                                   - D(c)[2][i] * exp(D(c)[3][0] * D(c)[0][i][0] + D(c)[3][1] * D(c)[0][i][1]) - logfact(D(c)[1][i])))]),
        Chain("score", [(r"\frac{\partial \ell}{\partial \beta_j}", lambda c: sp.diff(ell(c), D(c)[3][c["j"] - 1])),
                        (r"\sum_{i=1}^{n}\Bigl(\frac{y_i}{\mu_i} - 1\Bigr)\frac{\partial \mu_i}{\partial \beta_j}",
                         lambda c: gs(c, lambda i: (D(c)[1][i] / D(c)[4][i] - 1) * sp.diff(D(c)[4][i], D(c)[3][c["j"] - 1]))),
                        (r"\sum_{i=1}^{n}\Bigl(\frac{y_i}{\mu_i} - 1\Bigr)\mu_i x_{ij}",
                         lambda c: gs(c, lambda i: (D(c)[1][i] / D(c)[4][i] - 1) * D(c)[4][i] * D(c)[0][i][c["j"] - 1])),
                        (r"\sum_{i=1}^{n}(y_i - \mu_i)\,x_{ij}",
                         lambda c: gs(c, lambda i: (D(c)[1][i] - D(c)[4][i]) * D(c)[0][i][c["j"] - 1]))]),
        Chain("nabla", [(r"\nabla_{\boldsymbol{\beta}}\,\ell", lambda c: sp.diff(ell(c), D(c)[3][c["j"] - 1])),
                        (r"X^{\top}(\mathbf{y} - \boldsymbol{\mu})",
                         lambda c: gs(c, lambda i: D(c)[0][i][c["j"] - 1] * (D(c)[1][i] - D(c)[4][i])))]),
        Chain("hess", [(r"\frac{\partial^2 \ell}{\partial \beta_j\,\partial \beta_k}",
                        lambda c: sp.diff(ell(c), D(c)[3][c["j"] - 1], D(c)[3][c["k"] - 1])),
                       (r"-\sum_{i=1}^{n}\frac{\partial \mu_i}{\partial \beta_k}x_{ij}",
                        lambda c: -gs(c, lambda i: sp.diff(D(c)[4][i], D(c)[3][c["k"] - 1]) * D(c)[0][i][c["j"] - 1])),
                       (r"-\sum_{i=1}^{n}\mu_i x_{ij}x_{ik}",
                        lambda c: -gs(c, lambda i: D(c)[4][i] * D(c)[0][i][c["j"] - 1] * D(c)[0][i][c["k"] - 1]))]),
        Chain("nabla2", [(r"\nabla^2_{\boldsymbol{\beta}}\,\ell",
                          lambda c: sp.diff(ell(c), D(c)[3][c["j"] - 1], D(c)[3][c["k"] - 1])),
                         (r"-X^{\top}WX",
                          lambda c: -gs(c, lambda i: D(c)[0][i][c["j"] - 1] * D(c)[4][i] * D(c)[0][i][c["k"] - 1]))]),
        Chain("int", [(r"\frac{\partial \ell}{\partial \beta_0}", lambda c: sp.diff(ell0(c), b0)),
                      (r"\sum_{i=1}^{n}\bigl(y_i - t_i e^{\beta_0}\bigr)",
                       lambda c: sp.Add(*[a - b * exp(b0) for a, b in zip(*yt(c))])),
                      (r"\sum_{i=1}^{n} y_i - e^{\beta_0}\sum_{i=1}^{n} t_i",
                       lambda c: sp.Add(*yt(c)[0]) - exp(b0) * sp.Add(*yt(c)[1]))], ctxs=sizes(1, 4)),
        Chain("bhat", [(r"\hat{\beta}_0", bhat), (r"\log\frac{\sum_{i} y_i}{\sum_{i} t_i}", bhat)], ["def"],
              ctxs=sizes(1, 4)),
        Chain("plug", [(r"\sum_{i=1}^{n} y_i - e^{\hat{\beta}_0}\sum_{i=1}^{n} t_i",
                        lambda c: sp.Add(*yt(c)[0]) - exp(bhat(c)) * sp.Add(*yt(c)[1])),
                       (r"\sum_{i=1}^{n} y_i - \frac{\sum_{i} y_i}{\sum_{i} t_i}\sum_{i=1}^{n} t_i",
                        lambda c: sp.Add(*yt(c)[0]) - sp.Add(*yt(c)[0]) / sp.Add(*yt(c)[1]) * sp.Add(*yt(c)[1])),
                       ("0", lambda c: 0)], ctxs=sizes(1, 4)),
    ]
    ctxs = [dict(n=n, j=j, k=k) for n in range(1, 5) for j in (1, 2) for k in (1, 2)]
    d = Doc("poisson_glm_appendix.tex", ch, ctxs)
    wrong = (r"\sum_{i=1}^{n}\Bigl(\frac{y_i}{\mu_i} - 1\Bigr) x_{ij}",
             lambda c: gs(c, lambda i: (D(c)[1][i] / D(c)[4][i] - 1) * D(c)[0][i][c["j"] - 1]))
    return with_plant(d, r"\Bigl(\frac{y_i}{\mu_i} - 1\Bigr)\mu_i x_{ij}", r"\Bigl(\frac{y_i}{\mu_i} - 1\Bigr) x_{ij}",
                      "score", 2, wrong, "dropped factor: mu_i (the derivative of mu_i with respect to eta_i)")


def doc_poisson_notebook():
    ys, lam, eta = P("y_s", 0.3, 3.0), P("lambda", 0.3, 3.0), R("eta")
    th0, th1 = R("theta_0"), R("theta_1")

    def data(c):
        return vec("xp", c["N"]), vec("yp", c["N"], positive=True, lo=0.3, hi=3.0)

    def L(c):
        x, y = data(c)
        return sp.Add(*[exp(th0 + th1 * a) - b * (th0 + th1 * a) for a, b in zip(x, y)]) / c["N"]

    def lam_i(a):
        return exp(th0 + th1 * a)

    def mean_over(c, f):
        x, y = data(c)
        return sp.Add(*[f(a, b) for a, b in zip(x, y)]) / c["N"]

    def pmf(y, l):
        return l**y * exp(-l) / sp.gamma(y + 1)

    def num():
        xx, yy = [0, 1, 2], [1, 0, 4]
        Lx = sp.Add(*[exp(th0 + th1 * a) - b * (th0 + th1 * a) for a, b in zip(xx, yy)]) / 3
        return sp.diff(Lx, th1).subs({th0: 0, th1: 0})

    ch = [
        Chain("logp", [(r"\log p(y \mid \lambda)", lambda c: log(pmf(ys, lam))),
                       (r"y\log\lambda - \lambda - \log y!", lambda c: ys * log(lam) - lam - logfact(ys))], ctxs=[{}]),
        Chain("logpeta", [(r"\log p(y \mid \eta)", lambda c: log(pmf(ys, exp(eta)))),
                          (r"y\eta - e^{\eta} - \log y!", lambda c: ys * eta - exp(eta) - logfact(ys))], ctxs=[{}]),
        Chain("A", [(r"A(\eta)", lambda c: exp(eta)), (r"e^{\eta}", lambda c: exp(eta))], ["def"], ctxs=[{}]),
        Chain("A1", [(r"A'(\eta)", lambda c: sp.diff(exp(eta), eta)), (r"e^{\eta}", lambda c: exp(eta)),
                     (r"\lambda", lambda c: exp(eta))], ctxs=[{}]),
        Chain("A2", [(r"A''(\eta)", lambda c: sp.diff(exp(eta), eta, 2)), (r"e^{\eta}", lambda c: exp(eta)),
                     (r"\lambda", lambda c: exp(eta))], ctxs=[{}]),
        Chain("L", [(r"\mathcal{L}(\theta_0, \theta_1)", L),
                    (r"\frac{1}{N}\sum_{i=1}^{N}\bigl(e^{\theta_0 + \theta_1 x_i} - y_i(\theta_0 + \theta_1 x_i)\bigr)", L)],
              ["def"]),
        Chain("g0", [(r"\frac{\partial \mathcal{L}}{\partial \theta_0}", lambda c: sp.diff(L(c), th0)),
                     (r"\frac{1}{N}\sum_{i=1}^{N}\bigl(e^{\theta_0 + \theta_1 x_i} - y_i\bigr)",
                      lambda c: mean_over(c, lambda a, b: exp(th0 + th1 * a) - b)),
                     (r"\frac{1}{N}\sum_{i=1}^{N}(\lambda_i - y_i)", lambda c: mean_over(c, lambda a, b: lam_i(a) - b))]),
        Chain("g1", [(r"\frac{\partial \mathcal{L}}{\partial \theta_1}", lambda c: sp.diff(L(c), th1)),
                     (r"\frac{1}{N}\sum_{i=1}^{N}\bigl(e^{\theta_0 + \theta_1 x_i}x_i - y_i x_i\bigr)",
                      lambda c: mean_over(c, lambda a, b: exp(th0 + th1 * a) * a - b * a)),
                     (r"\frac{1}{N}\sum_{i=1}^{N}(\lambda_i - y_i)\,x_i",
                      lambda c: mean_over(c, lambda a, b: (lam_i(a) - b) * a))]),
        Chain("mixed", [(r"\frac{\partial^2 \mathcal{L}}{\partial \theta_0\,\partial \theta_1}",
                         lambda c: sp.diff(L(c), th0, th1)),
                        (r"\frac{1}{N}\sum_{i=1}^{N}\lambda_i x_i", lambda c: mean_over(c, lambda a, b: lam_i(a) * a))]),
        Chain("num", [(r"\frac{\partial \mathcal{L}}{\partial \theta_1}\Big|_{\theta = 0}", lambda c: num()),
                      (r"\frac{1}{3}\bigl[(1 - 1)\cdot 0 + (1 - 0)\cdot 1 + (1 - 4)\cdot 2\bigr]",
                       lambda c: sp.Rational(1, 3) * ((1 - 1) * 0 + (1 - 0) * 1 + (1 - 4) * 2)),
                      (r"-\frac{5}{3}", lambda c: sp.Rational(-5, 3))], ctxs=[{}]),
    ]
    d = Doc("poisson_regression_notebook.md", ch, sizes(1, 4, "N"))
    wrong = (r"\frac{1}{3}\bigl[(1 - 1)\cdot 0 + (1 - 0)\cdot 1 + (1 - 4)\cdot 3\bigr]",
             lambda c: sp.Rational(1, 3) * ((1 - 1) * 0 + (1 - 0) * 1 + (1 - 4) * 3))
    return with_plant(d, r"(1 - 4)\cdot 2\bigr]", r"(1 - 4)\cdot 3\bigr]", "num", 1, wrong,
                      "wrong constant: x_3 = 3 for x_3 = 2 in the hand computation")


DOCS += [doc_poisson_appendix, doc_poisson_notebook]


# ---------------------------------------------------------------------------
# family 6: Beta-Bernoulli MAP
def Bf(x, y):
    return sp.gamma(x) * sp.gamma(y) / sp.gamma(x + y)


def doc_beta_bernoulli():
    th = P("theta", 0.05, 0.95)
    a, b = P("a", 1.2, 3.0), P("b", 1.2, 3.0)

    def xs(c):
        return vec("xflip", c["n"], lo=0.0, hi=1.0)

    def k(c):
        return sp.Add(*xs(c))

    def lik(c):
        return sp.Mul(*[th**x * (1 - th)**(1 - x) for x in xs(c)])

    def prior():
        return th**(a - 1) * (1 - th)**(b - 1) / Bf(a, b)

    def pD(c):
        n = c["n"]
        return Bf(k(c) + a, n - k(c) + b) / Bf(a, b)

    def lpost(c):
        return log(lik(c) * prior() / pD(c))

    def mean(c):
        n = c["n"]
        return Bf(k(c) + a + 1, n - k(c) + b) / Bf(k(c) + a, n - k(c) + b)

    ch = [
        Chain("lik", [(r"p(\mathcal{D} \mid \theta)", lik),
                      (r"\prod_{i=1}^{n}\theta^{x_i}(1 - \theta)^{1 - x_i}", lik),
                      (r"\theta^{k}(1 - \theta)^{n - k}", lambda c: th**k(c) * (1 - th)**(c["n"] - k(c)))], ["def", "id"]),
        Chain("post", [(r"\log p(\theta \mid \mathcal{D})", lpost),
                       (r"\log p(\mathcal{D} \mid \theta) + \log p(\theta) - \log p(\mathcal{D})",
                        lambda c: log(lik(c)) + log(prior()) - log(pD(c))),
                       (r"k\log\theta + (n - k)\log(1 - \theta) + (a - 1)\log\theta + (b - 1)\log(1 - \theta) - \log B(a, b) - \log p(\mathcal{D})",
                        lambda c: k(c) * log(th) + (c["n"] - k(c)) * log(1 - th) + (a - 1) * log(th)
                        + (b - 1) * log(1 - th) - log(Bf(a, b)) - log(pD(c)))]),
        Chain("score", [(r"\frac{d}{d\theta}\log p(\theta \mid \mathcal{D})", lambda c: sp.diff(lpost(c), th)),
                        (r"\frac{k + a - 1}{\theta} - \frac{n - k + b - 1}{1 - \theta}",
                         lambda c: (k(c) + a - 1) / th - (c["n"] - k(c) + b - 1) / (1 - th))]),
        Chain("map", [(r"\hat{\theta}_{\mathrm{MAP}}", lambda c: (k(c) + a - 1) / (c["n"] + a + b - 2)),
                      (r"\frac{k + a - 1}{n + a + b - 2}", lambda c: (k(c) + a - 1) / (c["n"] + a + b - 2))], ["def"]),
        Chain("d2", [(r"\frac{d^2}{d\theta^2}\log p(\theta \mid \mathcal{D})", lambda c: sp.diff(lpost(c), th, 2)),
                     (r"-\frac{k + a - 1}{\theta^2} - \frac{n - k + b - 1}{(1 - \theta)^2}",
                      lambda c: -(k(c) + a - 1) / th**2 - (c["n"] - k(c) + b - 1) / (1 - th)**2)]),
        Chain("flat", [(r"\left.\hat{\theta}_{\mathrm{MAP}}\right|_{a = b = 1}", lambda c: (k(c) + 1 - 1) / (c["n"] + 1 + 1 - 2)),
                       (r"\frac{k}{n}", lambda c: k(c) / c["n"])]),
        Chain("mean", [(r"\mathbb{E}[\theta \mid \mathcal{D}]", mean),
                       (r"\frac{1}{B(k + a, n - k + b)}\int_0^1 \theta\cdot\theta^{k + a - 1}(1 - \theta)^{n - k + b - 1}\,d\theta", mean),
                       (r"\frac{B(k + a + 1, n - k + b)}{B(k + a, n - k + b)}", mean),
                       (r"\frac{k + a}{n + a + b}", lambda c: (k(c) + a) / (c["n"] + a + b))], ["def", "id", "id"]),
        Chain("nmap", [(r"\hat{\theta}_{\mathrm{MAP}}", lambda c: sp.Rational(7 + 2 - 1, 10 + 2 + 2 - 2)),
                       (r"\frac{7 + 2 - 1}{10 + 2 + 2 - 2}", lambda c: sp.Integer(8) / 12),
                       (r"\frac{8}{12}", lambda c: sp.Rational(8, 12)),
                       (r"\frac{2}{3}", lambda c: sp.Rational(2, 3))], ctxs=[{}]),
        Chain("nmean", [(r"\mathbb{E}[\theta \mid \mathcal{D}]", lambda c: Bf(10, 5) / Bf(9, 5)),
                        (r"\frac{7 + 2}{10 + 4}", lambda c: sp.Rational(9, 14)),
                        (r"\frac{9}{14}", lambda c: sp.Rational(9, 14))], ctxs=[{}]),
    ]
    d = Doc("beta_bernoulli_map_pset.tex", ch, sizes(1, 4))
    wrong = (r"\frac{7 + 2 - 1}{10 + 2 + 2 - 1}", lambda c: sp.Rational(8, 13))
    return with_plant(d, r"\frac{7 + 2 - 1}{10 + 2 + 2 - 2}", r"\frac{7 + 2 - 1}{10 + 2 + 2 - 1}", "nmap", 1, wrong,
                      "wrong constant: - 1 for - 2 in the denominator")


def doc_coin_map():
    th = P("theta", 0.05, 0.95)
    h, t = P("h", 0.5, 6.0), P("t", 0.5, 6.0)
    al, be = P("alpha", 1.2, 4.0), P("beta", 1.2, 4.0)
    n, m = h + t, al + be - 2
    mp = (h + al - 1) / (h + t + al + be - 2)
    ch = [
        Chain("prop", [(r"\theta^{h}(1-\theta)^{t}\cdot\theta^{\alpha-1}(1-\theta)^{\beta-1}",
                        lambda c: th**h * (1 - th)**t * th**(al - 1) * (1 - th)**(be - 1)),
                       (r"\theta^{h+\alpha-1}(1-\theta)^{t+\beta-1}", lambda c: th**(h + al - 1) * (1 - th)**(t + be - 1))]),
        Chain("deriv", [(r"\frac{d}{d\theta}\Bigl[(h+\alpha-1)\ln\theta + (t+\beta-1)\ln(1-\theta)\Bigr]",
                         lambda c: sp.diff((h + al - 1) * log(th) + (t + be - 1) * log(1 - th), th)),
                        (r"\frac{h+\alpha-1}{\theta} - \frac{t+\beta-1}{1-\theta}",
                         lambda c: (h + al - 1) / th - (t + be - 1) / (1 - th))]),
        Chain("map", [(r"\hat\theta", lambda c: mp), (r"\frac{h+\alpha-1}{h+t+\alpha+\beta-2}", lambda c: mp)], ["def"]),
        Chain("wavg", [(r"\hat\theta", lambda c: mp),
                       (r"\frac{n}{n+m}\cdot\frac{h}{n} + \frac{m}{n+m}\cdot\frac{\alpha-1}{m}",
                        lambda c: n / (n + m) * h / n + m / (n + m) * (al - 1) / m),
                       (r"\frac{h + \alpha - 1}{n + m}", lambda c: (h + al - 1) / (n + m))]),
        Chain("ex", [(r"\hat\theta", lambda c: sp.Rational(3 + 3 - 1, 4 + 3 + 3 - 2)),
                     (r"\frac{3 + 3 - 1}{4 + 3 + 3 - 2}", lambda c: sp.Integer(5) / 8),
                     (r"\frac{5}{8}", lambda c: sp.Rational(5, 8)),
                     (r"\frac{1}{2}\cdot\frac{3}{4} + \frac{1}{2}\cdot\frac{1}{2}",
                      lambda c: half * sp.Rational(3, 4) + half * half)], ctxs=[{}]),
        Chain("mean", [(r"\mathbb{E}[\theta \mid h, t]", lambda c: Bf(3 + 3 + 1, 1 + 3) / Bf(3 + 3, 1 + 3)),
                       (r"\frac{h+\alpha}{h+t+\alpha+\beta}", lambda c: sp.Rational(3 + 3, 3 + 1 + 3 + 3)),
                       (r"\frac{3 + 3}{4 + 6}", lambda c: sp.Integer(6) / 10),
                       ("0.6", lambda c: sp.Rational("0.6"))], ctxs=[{}]),
        Chain("laplace", [(r"\hat\theta\big|_{\alpha = \beta = 2}", lambda c: (h + 2 - 1) / (h + t + 2 + 2 - 2)),
                          (r"\frac{h + 1}{h + t + 2}", lambda c: (h + 1) / (h + t + 2))]),
    ]
    d = Doc("coin_map_qa.md", ch, [{}])
    wrong = (r"\frac{n}{n+m}\cdot\frac{h}{n} + \frac{m}{n+m}\cdot\frac{\alpha}{m}",
             lambda c: n / (n + m) * h / n + m / (n + m) * al / m)
    return with_plant(d, r"\cdot\frac{\alpha-1}{m} \\", r"\cdot\frac{\alpha}{m} \\", "wavg", 1, wrong,
                      "dropped term: alpha for alpha - 1 in the prior mode")


DOCS += [doc_beta_bernoulli, doc_coin_map]
