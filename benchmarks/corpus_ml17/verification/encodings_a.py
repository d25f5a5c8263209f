"""Hand encodings of the corpus_ml17 documents of families 1-3 (classification losses: focal loss,
label smoothing, distillation; the soft-margin SVM; the lasso and the elastic net).

Derivatives are sympy.diff of the function the text writes down; optima are sympy.solve of the
stationarity conditions (or, for non-smooth problems, a direct minimisation over the pieces);
sums over K classes or n points are expanded for every size 1..4 and every index.
"""
import sympy as sp

from framework import Doc, with_plant
from enc import (DEF, Q, chain, r, p, rvec, S, sig, exp, log, sqrt, softmax, kd, ctx_grid, M, argmin_l1, argmin_smooth)


# ===========================================================================
# family 1: classification losses
def focal_loss_lecture():
    z = r("fl_z")
    pp = p("fl_p", 0.05, 0.95)
    al = p("fl_al", 0.1, 0.9)
    ga = p("fl_ga", 0.3, 3.0)
    eps = p("fl_eps", 0.02, 0.3)
    T = p("fl_T", 0.5, 3.0)
    P_ = sig(z)
    FLz = -al * (1 - P_) ** ga * log(P_)
    FLp = -al * (1 - pp) ** ga * log(pp)
    dFLdp = sp.diff(FLp, pp)
    dFLdz = sp.diff(FLz, z)
    ch = []
    ch.append(chain("fl", [(r"\FL(z)", FLz), (r"-\alpha(1 - p)^\gamma\log p", -al * (1 - P_) ** ga * log(P_)),
                           (r"-\alpha\bigl(1 - \sigma(z)\bigr)^\gamma\log\sigma(z)", FLz)], [DEF, "id"]))
    ch.append(chain("dp", [(r"\frac{\partial\FL}{\partial p}", dFLdp),
                           (r"\alpha\gamma(1 - p)^{\gamma - 1}\log p - \frac{\alpha(1 - p)^\gamma}{p}",
                            al * ga * (1 - pp) ** (ga - 1) * log(pp) - al * (1 - pp) ** ga / pp)]))
    ch.append(chain("dz", [
        (r"\frac{d\FL}{dz}", dFLdz),
        (r"\frac{\partial\FL}{\partial p}\,p(1 - p)", dFLdp.subs(pp, P_) * P_ * (1 - P_)),
        (r"\alpha\gamma\,p\,(1 - p)^{\gamma}\log p - \alpha(1 - p)^{\gamma + 1}",
         al * ga * P_ * (1 - P_) ** ga * log(P_) - al * (1 - P_) ** (ga + 1)),
        (r"\alpha(1 - p)^\gamma\bigl(\gamma p\log p + p - 1\bigr)", al * (1 - P_) ** ga * (ga * P_ * log(P_) + P_ - 1))]))
    ch.append(chain("dzw", [
        (r"\frac{d\FL}{dz}", dFLdz),
        (r"\frac{\alpha}{(1 + e^{z})^{\gamma}}\Bigl(-\frac{\gamma\log(1 + e^{-z})}{1 + e^{-z}} - \frac{1}{1 + e^{z}}\Bigr)",
         al / (1 + exp(z)) ** ga * (-ga * log(1 + exp(-z)) / (1 + exp(-z)) - 1 / (1 + exp(z))))]))
    ch.append(chain("g0", [(r"\frac{d\FL}{dz}\Big|_{\gamma = 0}", dFLdz.subs(ga, 0)), (r"\alpha(p - 1)", al * (P_ - 1))]))
    CE = -log(P_)
    ch.append(chain("ce", [(r"\frac{d\CE}{dz}", sp.diff(CE, z)), (r"\frac{d}{dz}\bigl(-\log\sigma(z)\bigr)", sp.diff(CE, z)),
                           (r"\sigma(z) - 1", P_ - 1), (r"p - 1", P_ - 1)]))
    l3 = log(3)
    ch.append(chain("p3", [("p", Q(3, 4)), (r"\sigma(\log 3)", sig(l3)), (r"\frac{1}{1 + e^{-\log 3}}", 1 / (1 + exp(-l3))),
                           (r"\frac{1}{1 + 1/3}", 1 / (1 + Q(1, 3))), (r"\frac34", Q(3, 4))], [DEF, "id", "id", "id"]))
    ch.append(chain("q3", [("1 - p", 1 - sig(l3)), (r"\frac14", Q(1, 4))]))
    num = {al: Q(1, 4), ga: 2}
    ch.append(chain("fl3", [(r"\FL(\log 3)", FLz.subs(num).subs(z, l3)),
                            (r"-\frac14\Bigl(\frac14\Bigr)^2\log\frac34", -Q(1, 4) * Q(1, 4) ** 2 * log(Q(3, 4))),
                            (r"\frac{1}{64}\log\frac43", log(Q(4, 3)) / 64)]))
    ch.append(chain("g3", [(r"\frac{d\FL}{dz}\Big|_{z = \log 3}", dFLdz.subs(num).subs(z, l3)),
                           (r"\frac14\cdot\frac{1}{16}\Bigl(2\cdot\frac34\log\frac34 + \frac34 - 1\Bigr)",
                            Q(1, 4) * Q(1, 16) * (2 * Q(3, 4) * log(Q(3, 4)) + Q(3, 4) - 1)),
                           (r"\frac{3}{128}\log\frac34 - \frac{1}{256}", Q(3, 128) * log(Q(3, 4)) - Q(1, 256))]))

    # label smoothing: one-hot y at class c
    def zs(c):
        return rvec("fl_u", c["K"])

    def yt(c, k):
        return (1 - eps) * kd(k, c["c"]) + eps / c["K"]

    def ps(c):
        return softmax(zs(c))

    def Lz(c):
        K = c["K"]
        return -S(lambda k: yt(c, k) * log(ps(c)[k - 1]), 1, K)

    cK = ctx_grid(1, 4, ["c"])
    cKk = ctx_grid(1, 4, ["c", "k"])
    cKj = ctx_grid(1, 4, ["c", "j"])
    ch.append(chain("yt", [(r"\tilde y_k", lambda c: yt(c, c["k"])),
                           (r"(1 - \varepsilon)\,y_k + \frac{\varepsilon}{K}",
                            lambda c: (1 - eps) * kd(c["k"], c["c"]) + eps / c["K"])], DEF, ctxs=cKk))
    ch.append(chain("ysum", [(r"\sum_{k=1}^{K}\tilde y_k", lambda c: S(lambda k: yt(c, k), 1, c["K"])),
                             (r"(1 - \varepsilon) + \varepsilon", (1 - eps) + eps), ("1", 1)], ctxs=cK))
    ch.append(chain("L", [("L(z)", Lz), (r"-\sum_{k=1}^{K}\tilde y_k\log p_k", Lz),
                          (r"-\sum_{k=1}^{K}\tilde y_k z_k + \log\sum_{l=1}^{K}e^{z_l}",
                           lambda c: -S(lambda k: yt(c, k) * zs(c)[k - 1], 1, c["K"]) + log(S(lambda l: exp(zs(c)[l - 1]), 1, c["K"])))],
                    [DEF, "id"], ctxs=cK))

    def dL(c):
        return sp.diff(Lz(c), zs(c)[c["j"] - 1])

    def pj(c):
        return ps(c)[c["j"] - 1]
    ch.append(chain("Lg", [
        (r"\frac{\partial L}{\partial z_j}", dL),
        (r"-\sum_{k=1}^{K}\tilde y_k\,\frac{1}{p_k}\,p_k(\delta_{kj} - p_j)",
         lambda c: -S(lambda k: yt(c, k) / ps(c)[k - 1] * ps(c)[k - 1] * (kd(k, c["j"]) - pj(c)), 1, c["K"])),
        (r"-\tilde y_j + p_j\sum_{k=1}^{K}\tilde y_k", lambda c: -yt(c, c["j"]) + pj(c) * S(lambda k: yt(c, k), 1, c["K"])),
        (r"p_j - \tilde y_j", lambda c: pj(c) - yt(c, c["j"]))], ctxs=cKj))
    ch.append(chain("Lc", [
        (r"\frac{\partial L}{\partial z_j}", dL),
        (r"p_j - (1 - \varepsilon)\,y_j - \frac{\varepsilon}{K}", lambda c: pj(c) - (1 - eps) * kd(c["j"], c["c"]) - eps / c["K"]),
        (r"\begin{cases} p_j - 1 + \varepsilon - \dfrac{\varepsilon}{K}, & \text{true class } c,\\[4pt] p_j - \dfrac{\varepsilon}{K}, & \text{otherwise}. \end{cases}",
         lambda c: (pj(c) - 1 + eps - eps / c["K"]) if c["j"] == c["c"] else (pj(c) - eps / c["K"]))], ctxs=cKj))
    z3 = [l3, 0, 0]
    p3 = softmax(z3)
    e10 = Q(1, 10)
    yt3 = [(1 - e10) * kd(k, 1) + e10 / 3 for k in (1, 2, 3)]
    u = sp.symbols("fl_w1:4", real=True)
    L3 = -sum(yt3[k] * log(softmax(list(u))[k]) for k in range(3))
    g3 = M(*[sp.diff(L3, u[j]).subs(dict(zip(u, z3))) for j in range(3)])
    ch.append(chain("ex_p", [("p", M(*p3)), (r"\Bigl(\frac35, \frac15, \frac15\Bigr)", M(Q(3, 5), Q(1, 5), Q(1, 5)))]))
    ch.append(chain("ex_y", [(r"\tilde y", M(*yt3)), (r"\Bigl(\frac{14}{15}, \frac{1}{30}, \frac{1}{30}\Bigr)",
                                                       M(Q(14, 15), Q(1, 30), Q(1, 30)))]))
    ch.append(chain("ex_g", [(r"\nabla_z L", g3), (r"p - \tilde y", M(*[p3[k] - yt3[k] for k in range(3)])),
                             (r"\Bigl(-\frac13, \frac16, \frac16\Bigr)", M(-Q(1, 3), Q(1, 6), Q(1, 6)))]))

    # distillation
    def vs(c):
        return rvec("fl_v", c["K"])

    def pT(c):
        return softmax([t / T for t in zs(c)])

    def qT(c):
        return softmax([t / T for t in vs(c)])

    def LKD(c):
        return -S(lambda k: qT(c)[k - 1] * log(pT(c)[k - 1]), 1, c["K"])

    def dKD(c):
        return sp.diff(LKD(c), zs(c)[c["j"] - 1])
    cKj1 = ctx_grid(1, 4, ["j"])
    ch.append(chain("kd", [(r"\LKD", LKD), (r"-\sum_{k=1}^{K} q_{T,k}\log p_{T,k}", LKD)], DEF, ctxs=ctx_grid(1, 4, [])))
    ch.append(chain("kdg", [
        (r"\frac{\partial\LKD}{\partial z_j}", dKD),
        (r"\frac1T\sum_{k=1}^{K}q_{T,k}\,(p_{T,j} - \delta_{kj})",
         lambda c: S(lambda k: qT(c)[k - 1] * (pT(c)[c["j"] - 1] - kd(k, c["j"])), 1, c["K"]) / T),
        (r"\frac1T\,(p_{T,j} - q_{T,j})", lambda c: (pT(c)[c["j"] - 1] - qT(c)[c["j"] - 1]) / T)], ctxs=cKj1))
    ch.append(chain("T2", [(r"T^2\,\frac{\partial\LKD}{\partial z_j}", lambda c: T ** 2 * dKD(c)),
                           (r"T\,(p_{T,j} - q_{T,j})", lambda c: T * (pT(c)[c["j"] - 1] - qT(c)[c["j"] - 1]))], ctxs=cKj1))
    w1, w2 = sp.symbols("fl_s1 fl_s2", real=True)
    pt2 = softmax([w1 / 2, w2 / 2])
    qt2 = softmax([0, 0])
    LKD2 = -(qt2[0] * log(pt2[0]) + qt2[1] * log(pt2[1]))
    g1 = sp.diff(LKD2, w1).subs({w1: 2 * l3, w2: 0})
    ch.append(chain("kdn1", [(r"\frac{\partial\LKD}{\partial z_1}", g1), (r"\frac12\Bigl(\frac34 - \frac12\Bigr)",
                                                                          Q(1, 2) * (Q(3, 4) - Q(1, 2))), (r"\frac18", Q(1, 8))]))
    ch.append(chain("kdn2", [(r"T^2\,\frac{\partial\LKD}{\partial z_1}", 4 * g1), (r"4\cdot\frac18", 4 * Q(1, 8)),
                             (r"\frac12", Q(1, 2))]))
    d = Doc("focal_loss_lecture.tex", ch)
    return with_plant(d, r"- \alpha(1 - p)^{\gamma + 1} \nonumber", r"- \alpha(1 - p)^{\gamma} \nonumber", "dz", 2,
                      (r"\alpha\gamma\,p\,(1 - p)^{\gamma}\log p - \alpha(1 - p)^{\gamma}",
                       lambda c: al * ga * P_ * (1 - P_) ** ga * log(P_) - al * (1 - P_) ** ga),
                      "wrong exponent: the power of (1 - p) in the second term of dFL/dz written gamma instead of gamma + 1 "
                      "(the factor 1 - p from dp/dz not absorbed)")


def distillation_blog():
    s = r("db_s")
    al = p("db_al", 0.1, 0.9)
    ga = p("db_ga", 0.3, 3.0)
    pt_ = p("db_pt", 0.05, 0.95)
    at_ = p("db_at", 0.1, 0.9)
    eps = p("db_eps", 0.02, 0.3)
    tau = p("db_tau", 0.5, 3.0)
    ys = [{"y": 1}, {"y": 0}]

    def pt(c, ss=None):
        ss = s if ss is None else ss
        return sig(ss) if c["y"] == 1 else 1 - sig(ss)

    def at(c):
        return al if c["y"] == 1 else 1 - al

    def FL(c):
        return -at(c) * (1 - pt(c)) ** ga * log(pt(c))

    ch = []
    ch.append(chain("fl", [(r"\mathrm{FL}(p_t)", -at_ * (1 - pt_) ** ga * log(pt_)),
                           (r"-\alpha_t(1 - p_t)^{\gamma}\ln p_t", -at_ * (1 - pt_) ** ga * log(pt_))], DEF))
    P_ = sig(s)
    ch.append(chain("dpt", [
        (r"\frac{dp_t}{ds}", lambda c: sp.diff(pt(c), s)),
        (r"\begin{cases} p(1 - p) & \text{(positive)}\\ -p(1 - p) & \text{(negative)} \end{cases}",
         lambda c: P_ * (1 - P_) if c["y"] == 1 else -P_ * (1 - P_)),
        (r"(2y - 1)\,p_t(1 - p_t)", lambda c: (2 * c["y"] - 1) * pt(c) * (1 - pt(c)))], ctxs=ys))
    u = sp.Symbol("db_u", positive=True)

    def dFLdpt(c):
        return sp.diff(-at(c) * (1 - u) ** ga * log(u), u).subs(u, pt(c))
    ch.append(chain("dfl", [
        (r"\frac{d\,\mathrm{FL}}{ds}", lambda c: sp.diff(FL(c), s)),
        (r"\frac{d\,\mathrm{FL}}{dp_t}\cdot\frac{dp_t}{ds}", lambda c: dFLdpt(c) * sp.diff(pt(c), s)),
        (r"(2y - 1)\,\alpha_t\,p_t(1 - p_t)\Big[\gamma(1 - p_t)^{\gamma - 1}\ln p_t - \frac{(1 - p_t)^{\gamma}}{p_t}\Big]",
         lambda c: (2 * c["y"] - 1) * at(c) * pt(c) * (1 - pt(c)) * (ga * (1 - pt(c)) ** (ga - 1) * log(pt(c)) - (1 - pt(c)) ** ga / pt(c))),
        (r"(2y - 1)\,\alpha_t(1 - p_t)^{\gamma}\big[\gamma\,p_t\ln p_t - (1 - p_t)\big]",
         lambda c: (2 * c["y"] - 1) * at(c) * (1 - pt(c)) ** ga * (ga * pt(c) * log(pt(c)) - (1 - pt(c))))], ctxs=ys))
    FL1 = FL({"y": 1})
    ch.append(chain("own", [(r"\frac{d\,\mathrm{FL}}{ds}\Big|_{y = 1}", sp.diff(FL1, s)),
                            (r"-\gamma\,p\,\mathrm{FL} - \alpha(1 - p)^{\gamma + 1}", -ga * P_ * FL1 - al * (1 - P_) ** (ga + 1))]))
    ch.append(chain("ce", [(r"\frac{d\,\mathrm{CE}}{ds}", lambda c: sp.diff(-log(pt(c)), s)),
                           (r"-(2y - 1)(1 - p_t)", lambda c: -(2 * c["y"] - 1) * (1 - pt(c))),
                           (r"p - y", lambda c: P_ - c["y"])], ctxs=ys))
    l3 = log(3)
    num = {al: Q(1, 4), ga: 2}
    c0 = {"y": 0}
    ch.append(chain("n_p", [("p", sig(l3)), (r"\frac{e^{\ln 3}}{1 + e^{\ln 3}}", exp(l3) / (1 + exp(l3))), (r"\frac34", Q(3, 4))]))
    ch.append(chain("n_pt", [("p_t", 1 - sig(l3)), ("1 - p", 1 - sig(l3)), (r"\frac14", Q(1, 4))]))
    ch.append(chain("n_fl", [(r"\mathrm{FL}", FL(c0).subs(num).subs(s, l3)),
                             (r"-\frac34\Big(\frac34\Big)^2\ln\frac14", -Q(3, 4) * Q(3, 4) ** 2 * log(Q(1, 4))),
                             (r"\frac{27}{64}\ln 4", Q(27, 64) * log(4)), (r"\frac{27}{32}\ln 2", Q(27, 32) * log(2))]))
    ch.append(chain("n_g", [(r"\frac{d\,\mathrm{FL}}{ds}", sp.diff(FL(c0), s).subs(num).subs(s, l3)),
                            (r"-\frac34\cdot\frac{9}{16}\Big[2\cdot\frac14\ln\frac14 - \frac34\Big]",
                             -Q(3, 4) * Q(9, 16) * (2 * Q(1, 4) * log(Q(1, 4)) - Q(3, 4))),
                            (r"\frac{27}{64}\Big(\ln 2 + \frac34\Big)", Q(27, 64) * (log(2) + Q(3, 4)))]))

    # label smoothing
    def ss(c):
        return rvec("db_v", c["K"])

    def yt(c, k):
        return (1 - eps) * kd(k, c["c"]) + eps / c["K"]

    def ps(c):
        return softmax(ss(c))

    def L(c):
        return -S(lambda k: yt(c, k) * log(ps(c)[k - 1]), 1, c["K"])
    cK = ctx_grid(1, 4, ["c"])
    ch.append(chain("ls", [
        (r"\mathcal{L}(s)", L), (r"-\sum_{k=1}^{K}\tilde y_k\ln p_k", L),
        (r"H(\tilde y) + \mathrm{KL}(\tilde y \,\|\, p)",
         lambda c: -S(lambda k: yt(c, k) * log(yt(c, k)), 1, c["K"]) + S(lambda k: yt(c, k) * log(yt(c, k) / ps(c)[k - 1]), 1, c["K"]))],
        [DEF, "id"], ctxs=cK))
    ch.append(chain("lnp", [(r"\ln p_k", lambda c: log(ps(c)[c["k"] - 1])),
                            (r"s_k - \ln\sum_{l=1}^{K}e^{s_l}", lambda c: ss(c)[c["k"] - 1] - log(S(lambda l: exp(ss(c)[l - 1]), 1, c["K"])))],
                    ctxs=ctx_grid(1, 4, ["k"])))
    cj = ctx_grid(1, 4, ["j"])
    ch.append(chain("lse", [
        (r"\frac{\partial}{\partial s_j}\ln\sum_{l=1}^{K}e^{s_l}", lambda c: sp.diff(log(S(lambda l: exp(ss(c)[l - 1]), 1, c["K"])), ss(c)[c["j"] - 1])),
        (r"\frac{e^{s_j}}{\sum_{l}e^{s_l}}", lambda c: exp(ss(c)[c["j"] - 1]) / S(lambda l: exp(ss(c)[l - 1]), 1, c["K"])),
        ("p_j", lambda c: ps(c)[c["j"] - 1])], ctxs=cj))
    cKj = ctx_grid(1, 4, ["c", "j"])
    ch.append(chain("lsg", [
        (r"\frac{\partial\mathcal{L}}{\partial s_j}", lambda c: sp.diff(L(c), ss(c)[c["j"] - 1])),
        (r"-\tilde y_j + \Big(\sum_{k}\tilde y_k\Big)p_j", lambda c: -yt(c, c["j"]) + S(lambda k: yt(c, k), 1, c["K"]) * ps(c)[c["j"] - 1]),
        (r"p_j - \tilde y_j", lambda c: ps(c)[c["j"] - 1] - yt(c, c["j"]))], ctxs=cKj))
    ch.append(chain("vec", [
        (r"\nabla_s\mathcal{L}", lambda c: sp.Matrix([sp.diff(L(c), v) for v in ss(c)])),
        (r"p - (1 - \varepsilon)\,y - \frac{\varepsilon}{K}\mathbf{1}",
         lambda c: sp.Matrix([ps(c)[k - 1] - (1 - eps) * kd(k, c["c"]) - eps / c["K"] for k in range(1, c["K"] + 1)]))], ctxs=cK))

    def gap(K, e):
        x = sp.Symbol("db_x", real=True)
        sv = [x] + [0] * (K - 1)
        pk = softmax(sv)
        Lx = -sum(((1 - e) * kd(k, 1) + e / K) * log(pk[k - 1]) for k in range(1, K + 1))
        sol = sp.solve(sp.diff(Lx, x), x)
        assert len(sol) == 1, sol
        return sol[0]
    gaps = {K: gap(K, eps) for K in (2, 3, 4)}
    cg = [{"K": K, "c": 1, "k": 2} for K in (2, 3, 4)]
    ch.append(chain("gap", [
        (r"s_c - s_k", lambda c: gaps[c["K"]]),
        (r"\ln\frac{\tilde y_c}{\tilde y_k}", lambda c: log(yt(c, 1) / yt(c, 2))),
        (r"\ln\frac{1 - \varepsilon + \varepsilon/K}{\varepsilon/K}", lambda c: log((1 - eps + eps / c["K"]) / (eps / c["K"]))),
        (r"\ln\Big(1 + \frac{K(1 - \varepsilon)}{\varepsilon}\Big)", lambda c: log(1 + c["K"] * (1 - eps) / eps))], ctxs=cg))
    ch.append(chain("gapn", [(r"s_1 - s_2", gap(3, Q(1, 10))), (r"\ln\Big(1 + \frac{3\cdot 0.9}{0.1}\Big)", log(1 + 3 * Q(9, 10) / Q(1, 10))),
                             (r"\ln 28", log(28))]))

    # distillation
    def aa(c):
        return rvec("db_a", c["K"])

    def pT(c):
        return softmax([t / tau for t in ss(c)])

    def qT(c):
        return softmax([t / tau for t in aa(c)])

    def KL(c):
        return S(lambda k: qT(c)[k - 1] * log(qT(c)[k - 1] / pT(c)[k - 1]), 1, c["K"])
    ch.append(chain("kl", [(r"\mathrm{KL}(q^\tau \,\|\, p^\tau)", KL),
                           (r"\sum_{k}q^\tau_k\ln q^\tau_k - \sum_{k}q^\tau_k\ln p^\tau_k",
                            lambda c: S(lambda k: qT(c)[k - 1] * log(qT(c)[k - 1]), 1, c["K"]) - S(lambda k: qT(c)[k - 1] * log(pT(c)[k - 1]), 1, c["K"]))],
                    ctxs=ctx_grid(1, 4, [])))
    ch.append(chain("jac", [(r"\frac{\partial p^\tau_k}{\partial s_j}", lambda c: sp.diff(pT(c)[c["k"] - 1], ss(c)[c["j"] - 1])),
                            (r"\frac{1}{\tau}\,p^\tau_k(\delta_{jk} - p^\tau_j)",
                             lambda c: pT(c)[c["k"] - 1] * (kd(c["j"], c["k"]) - pT(c)[c["j"] - 1]) / tau)], ctxs=ctx_grid(1, 4, ["j", "k"])))
    ch.append(chain("klg", [
        (r"\frac{\partial\,\mathrm{KL}}{\partial s_j}", lambda c: sp.diff(KL(c), ss(c)[c["j"] - 1])),
        (r"-\sum_{k}\frac{q^\tau_k}{p^\tau_k}\cdot\frac{1}{\tau}\,p^\tau_k(\delta_{jk} - p^\tau_j)",
         lambda c: -S(lambda k: qT(c)[k - 1] / pT(c)[k - 1] / tau * pT(c)[k - 1] * (kd(c["j"], k) - pT(c)[c["j"] - 1]), 1, c["K"])),
        (r"\frac{1}{\tau}\big(p^\tau_j - q^\tau_j\big)", lambda c: (pT(c)[c["j"] - 1] - qT(c)[c["j"] - 1]) / tau)], ctxs=cj))
    ch.append(chain("kdg", [
        (r"\frac{\partial\mathcal{L}_{\text{KD}}}{\partial s_j}", lambda c: tau ** 2 * sp.diff(KL(c), ss(c)[c["j"] - 1])),
        (r"\tau^2\cdot\frac{1}{\tau}\big(p^\tau_j - q^\tau_j\big)", lambda c: tau ** 2 / tau * (pT(c)[c["j"] - 1] - qT(c)[c["j"] - 1])),
        (r"\tau\big(p^\tau_j - q^\tau_j\big)", lambda c: tau * (pT(c)[c["j"] - 1] - qT(c)[c["j"] - 1]))], ctxs=cj))
    c2 = {"K": 2}
    ch.append(chain("bin", [(r"p^\tau_1", pT(c2)[0]), (r"\sigma\Big(\frac{s_1 - s_2}{\tau}\Big)", sig((ss(c2)[0] - ss(c2)[1]) / tau))]))
    pnt = {ss(c2)[0]: 2 * l3, ss(c2)[1]: 0, aa(c2)[0]: 0, aa(c2)[1]: 2 * l3, tau: 2}
    ch.append(chain("kln", [(r"\mathrm{KL}(q^\tau \,\|\, p^\tau)", KL(c2).subs(pnt)),
                            (r"\frac14\ln\frac{1/4}{3/4} + \frac34\ln\frac{3/4}{1/4}",
                             Q(1, 4) * log(Q(1, 4) / Q(3, 4)) + Q(3, 4) * log(Q(3, 4) / Q(1, 4))),
                            (r"\frac12\ln 3", log(3) / 2)]))
    ch.append(chain("kdn", [(r"\frac{\partial\mathcal{L}_{\text{KD}}}{\partial s_1}", (tau ** 2 * sp.diff(KL(c2), ss(c2)[0])).subs(pnt)),
                            (r"2\Big(\frac34 - \frac14\Big)", 2 * (Q(3, 4) - Q(1, 4))), ("1", 1)]))
    d = Doc("distillation_blog.md", ch)
    return with_plant(d, r"= \tau^2\cdot\frac{1}{\tau}\big(p^\tau_j - q^\tau_j\big) =", r"= \tau^2\big(p^\tau_j - q^\tau_j\big) =",
                      "kdg", 1, (r"\tau^2\big(p^\tau_j - q^\tau_j\big)", lambda c: tau ** 2 * (pT(c)[c["j"] - 1] - qT(c)[c["j"] - 1])),
                      "dropped factor: the 1/tau of the KL gradient lost when multiplying by tau^2 (tau^2 (p - q) instead of "
                      "tau^2 (1/tau)(p - q))")


# ===========================================================================
# family 2: the soft-margin SVM
def svm_dual_exam():
    m = r("se_m")
    C = p("se_C", 0.5, 2.0)
    b = r("se_b")
    ch = []
    hinge = sp.Max(0, 1 - m)
    ch.append(chain("hinge", [(r"\ell(m)", hinge), (r"\max(0, 1 - m)", hinge),
                              (r"\begin{cases} 1 - m, & m < 1,\\ 0, & m \ge 1, \end{cases}", sp.Piecewise((1 - m, m < 1), (0, True)))],
                    [DEF, "id"]))
    ch.append(chain("dhinge", [(r"\ell'(m)", sp.diff(hinge, m)),
                               (r"\begin{cases} -1, & m < 1,\\ 0, & m > 1. \end{cases}", sp.Piecewise((-1, m < 1), (0, True)))]))
    ch.append(chain("sq", [("h(m)", hinge ** 2), (r"\max(0, 1 - m)^2", hinge ** 2)], DEF))
    hp = sp.diff(hinge ** 2, m)
    ch.append(chain("dsq", [("h'(m)", hp), (r"-2\max(0, 1 - m)", -2 * hinge),
                            (r"\begin{cases} 2(m - 1), & m < 1,\\ 0, & m \ge 1, \end{cases}", sp.Piecewise((2 * (m - 1), m < 1), (0, True)))]))
    ch.append(chain("lim", [(r"\lim_{m\to 1^-} h'(m)", sp.Limit(sp.Piecewise((hp, m < 1), (0, True)), m, 1, "-")),
                            (r"\lim_{m\to 1^-} 2(m - 1)", sp.Limit(2 * (m - 1), m, 1, "-")), ("0", 0)]))
    YS = [1, -1, 1, -1]

    def X(c, i):
        return rvec("se_x%d" % i, 2)

    def y(c, i):
        return YS[i - 1]

    def alpha(c):
        n = c["n"]
        a = [p("se_a%d" % i, 0.05, 1.0) for i in range(1, n + 1)]
        if c.get("con"):
            a[n - 1] = -sp.Add(*[a[i] * YS[i] for i in range(n - 1)]) / YS[n - 1]
        return a

    def mu(c):
        a = alpha(c)
        if c.get("con"):
            return [C - ai for ai in a]
        return [p("se_mu%d" % i, 0.05, 1.0) for i in range(1, c["n"] + 1)]

    def xi(c):
        return [p("se_xi%d" % i, 0.05, 1.0) for i in range(1, c["n"] + 1)]

    W = sp.Matrix(rvec("se_w", 2))

    def dot(u, v):
        return (u.T * v)[0, 0]

    def Xv(c, i):
        return sp.Matrix(X(c, i))

    def Lag(c, w=None):
        w = W if w is None else w
        n, a, mm, x_ = c["n"], alpha(c), mu(c), xi(c)
        return (dot(w, w) / 2 + C * sum(x_) - sum(a[i - 1] * (y(c, i) * (dot(w, Xv(c, i)) + b) - 1 + x_[i - 1]) for i in range(1, n + 1))
                - sum(mm[i] * x_[i] for i in range(n)))

    def wstar(c):
        sol = sp.solve(list(Lag(c).diff(W[0]) * sp.Matrix([1])) + [Lag(c).diff(W[1])], list(W), dict=True)
        return sp.Matrix([sol[0][W[0]], sol[0][W[1]]])

    def SS(c, f):
        n = c["n"]
        return sp.Add(*[f(i, j) for i in range(1, n + 1) for j in range(1, n + 1)])

    def quad(c):
        a = alpha(c)
        return SS(c, lambda i, j: a[i - 1] * a[j - 1] * y(c, i) * y(c, j) * dot(Xv(c, i), Xv(c, j)))
    free = [{"n": n, "con": False} for n in range(1, 5)]
    both = free + [{"n": n, "con": True} for n in range(1, 5)]
    ch.append(chain("lag", [
        (r"\mathcal{L}(w, b, \xi, \alpha, \mu)", Lag),
        (r"\frac12\|w\|^2 + C\sum_{i=1}^{n}\xi_i - \sum_{i=1}^{n}\alpha_i\bigl[y_i(w^\top x_i + b) - 1 + \xi_i\bigr] - \sum_{i=1}^{n}\mu_i\xi_i", Lag)],
        DEF, ctxs=free))
    ch.append(chain("dw", [(r"\frac{\partial\mathcal{L}}{\partial w}", lambda c: sp.Matrix([Lag(c).diff(W[0]), Lag(c).diff(W[1])])),
                           (r"w - \sum_{i=1}^{n}\alpha_i y_i x_i", lambda c: W - sum((alpha(c)[i - 1] * y(c, i) * Xv(c, i) for i in range(1, c["n"] + 1)), sp.zeros(2, 1)))],
                    ctxs=free))
    ch.append(chain("db", [(r"\frac{\partial\mathcal{L}}{\partial b}", lambda c: Lag(c).diff(b)),
                           (r"-\sum_{i=1}^{n}\alpha_i y_i", lambda c: -sum(alpha(c)[i - 1] * y(c, i) for i in range(1, c["n"] + 1)))], ctxs=free))
    cni = [{"n": n, "con": False, "i": i} for n in range(1, 5) for i in range(1, n + 1)]
    ch.append(chain("dxi", [(r"\frac{\partial\mathcal{L}}{\partial \xi_i}", lambda c: Lag(c).diff(xi(c)[c["i"] - 1])),
                            (r"C - \alpha_i - \mu_i", lambda c: C - alpha(c)[c["i"] - 1] - mu(c)[c["i"] - 1])], ctxs=cni))
    ch.append(chain("sw", [("w", wstar), (r"\sum_{i=1}^{n}\alpha_i y_i x_i",
                                         lambda c: sum((alpha(c)[i - 1] * y(c, i) * Xv(c, i) for i in range(1, c["n"] + 1)), sp.zeros(2, 1)))],
                    ctxs=both))
    ch.append(chain("sb", [(r"\sum_{i=1}^{n}\alpha_i y_i", lambda c: sum(alpha(c)[i - 1] * y(c, i) for i in range(1, c["n"] + 1))), ("0", 0)],
                    ctxs=[c for c in both if c["con"]]))

    def musol(c):
        mi = sp.Symbol("se_musol", real=True)
        i = c["i"]
        cc = dict(c)
        e = sp.diff(Lag(cc), xi(cc)[i - 1]).subs(mu(cc)[i - 1], mi) if not c.get("con") else None
        return sp.solve(e, mi)[0]
    ch.append(chain("smu", [(r"\mu_i", musol), (r"C - \alpha_i", lambda c: C - alpha(c)[c["i"] - 1])], ctxs=cni))

    def row1(c):
        n, a, mm, x_ = c["n"], alpha(c), mu(c), xi(c)
        ws = sum((a[i - 1] * y(c, i) * Xv(c, i) for i in range(1, n + 1)), sp.zeros(2, 1))
        return (dot(ws, ws) / 2 - quad(c) - b * sum(a[i - 1] * y(c, i) for i in range(1, n + 1)) + sum(a)
                + sum((C - a[i] - mm[i]) * x_[i] for i in range(n)))
    ch.append(chain("dual", [
        (r"\mathcal{L}", lambda c: Lag(c, wstar(c))),
        (r"\frac12\Bigl\|\sum_{i=1}^{n}\alpha_i y_i x_i\Bigr\|^2 - \sum_{i=1}^{n}\sum_{j=1}^{n}\alpha_i\alpha_j y_i y_j\,x_i^\top x_j - b\sum_{i=1}^{n}\alpha_i y_i + \sum_{i=1}^{n}\alpha_i + \sum_{i=1}^{n}(C - \alpha_i - \mu_i)\,\xi_i", row1),
        (r"\frac12\sum_{i=1}^{n}\sum_{j=1}^{n}\alpha_i\alpha_j y_i y_j\,x_i^\top x_j - \sum_{i=1}^{n}\sum_{j=1}^{n}\alpha_i\alpha_j y_i y_j\,x_i^\top x_j + \sum_{i=1}^{n}\alpha_i",
         lambda c: quad(c) / 2 - quad(c) + sum(alpha(c))),
        (r"\sum_{i=1}^{n}\alpha_i - \frac12\sum_{i=1}^{n}\sum_{j=1}^{n}\alpha_i\alpha_j y_i y_j\,x_i^\top x_j", lambda c: sum(alpha(c)) - quad(c) / 2)],
        ctxs=both, where={1: lambda c: c["con"]}))
    # the worked example
    xs = [sp.Matrix([3, 1]), sp.Matrix([1, -1]), sp.Matrix([4, 2])]
    yy = [1, -1, 1]
    al = p("se_al", 0.05, 1.0)

    def Dgen(avec):
        return sum(avec) - sum(avec[i] * avec[j] * yy[i] * yy[j] * dot(xs[i], xs[j]) for i in range(3) for j in range(3)) / 2
    Dal = Dgen([al, al, 0])
    ch.append(chain("exD", [("D(\\alpha)", Dal),
                            (r"2\alpha - \frac12\,\alpha^2\bigl(x_1^\top x_1 - 2\,x_1^\top x_2 + x_2^\top x_2\bigr)",
                             2 * al - al ** 2 * (dot(xs[0], xs[0]) - 2 * dot(xs[0], xs[1]) + dot(xs[1], xs[1])) / 2),
                            (r"2\alpha - \frac12\,\alpha^2(10 - 4 + 2)", 2 * al - al ** 2 * (10 - 4 + 2) / 2),
                            (r"2\alpha - 4\alpha^2", 2 * al - 4 * al ** 2)]))
    ch.append(chain("exDp", [("D'(\\alpha)", sp.diff(Dal, al)), (r"2 - 8\alpha", 2 - 8 * al)]))
    ast = sp.solve(sp.diff(Dal, al), al)[0]
    ch.append(chain("exa", [(r"\alpha^\star", ast), (r"\frac14", Q(1, 4))]))
    wv = ast * (yy[0] * xs[0] + yy[1] * xs[1])
    ch.append(chain("exw", [("w", wv), (r"\alpha^\star(x_1 - x_2)", ast * (xs[0] - xs[1])),
                            (r"\frac14\begin{pmatrix}2\\2\end{pmatrix}", Q(1, 4) * sp.Matrix([2, 2])),
                            (r"\begin{pmatrix}1/2\\1/2\end{pmatrix}", sp.Matrix([Q(1, 2), Q(1, 2)]))]))
    bb = sp.Symbol("se_bb", real=True)
    bsol = sp.solve(yy[0] * (dot(wv, xs[0]) + bb) - 1, bb)[0]
    ch.append(chain("exb", [("b", bsol), (r"y_1 - w^\top x_1", yy[0] - dot(wv, xs[0])),
                            (r"1 - \Bigl(\frac32 + \frac12\Bigr)", 1 - (Q(3, 2) + Q(1, 2))), ("-1", -1)]))
    ch.append(chain("ex2", [(r"y_2(w^\top x_2 + b)", yy[1] * (dot(wv, xs[1]) + bsol)),
                            (r"-\Bigl(\frac12 - \frac12 - 1\Bigr)", -(Q(1, 2) - Q(1, 2) - 1)), ("1", 1)]))
    ch.append(chain("ex3", [(r"y_3(w^\top x_3 + b)", yy[2] * (dot(wv, xs[2]) + bsol)), ("2 + 1 - 1", 2), ("2", 2)]))
    nw = sqrt(dot(wv, wv))
    ch.append(chain("exm", [(r"\frac{2}{\|w\|}", 2 / nw), (r"\frac{2}{\sqrt{1/4 + 1/4}}", 2 / sqrt(Q(1, 4) + Q(1, 4))),
                            (r"2\sqrt2", 2 * sqrt(2)), (r"\|x_1 - x_2\|", sqrt(dot(xs[0] - xs[1], xs[0] - xs[1])))]))
    ch.append(chain("exp", [(r"\tfrac12\|w\|^2", dot(wv, wv) / 2), (r"\frac14", Q(1, 4))]))
    ch.append(chain("exd", [(r"D(\alpha^\star)", Dal.subs(al, ast)), (r"2\cdot\frac14 - 4\cdot\frac{1}{16}", 2 * Q(1, 4) - 4 * Q(1, 16)),
                            (r"\frac14", Q(1, 4))]))
    d = Doc("svm_dual_exam.tex", ch)
    return with_plant(d, r"&= \frac12\sum_{i=1}^{n}\sum_{j=1}^{n}\alpha_i\alpha_j y_i y_j\,x_i^\top x_j",
                      r"&= \frac12\sum_{i=1}^{n}\sum_{j=1}^{n}\alpha_i\alpha_j y_i y_j\,x_i^\top x_i",
                      "dual", 2,
                      (r"\frac12\sum_{i=1}^{n}\sum_{j=1}^{n}\alpha_i\alpha_j y_i y_j\,x_i^\top x_i - \sum_{i=1}^{n}\sum_{j=1}^{n}\alpha_i\alpha_j y_i y_j\,x_i^\top x_j + \sum_{i=1}^{n}\alpha_i",
                       lambda c: SS(c, lambda i, j: alpha(c)[i - 1] * alpha(c)[j - 1] * y(c, i) * y(c, j) * dot(Xv(c, i), Xv(c, i))) / 2
                       - quad(c) + sum(alpha(c))),
                      "wrong index: x_i^T x_j written x_i^T x_i in the first double sum after substituting w back "
                      "(the Gram matrix replaced by its diagonal)")


def svm_hinge_forum():
    C = p("sf_C", 0.5, 2.0)
    b = r("sf_b")
    YS = [1, -1, -1, 1]

    def Xv(i):
        return sp.Matrix(rvec("sf_x%d" % i, 2))

    def lam(c):
        n = c["n"]
        a = [p("sf_l%d" % i, 0.05, 1.0) for i in range(1, n + 1)]
        if c.get("con"):
            a[n - 1] = -sp.Add(*[a[i] * YS[i] for i in range(n - 1)]) / YS[n - 1]
        return a

    def nu(c):
        if c.get("con"):
            return [C - li for li in lam(c)]
        return [p("sf_nu%d" % i, 0.05, 1.0) for i in range(1, c["n"] + 1)]

    def xi(c):
        return [p("sf_xi%d" % i, 0.05, 1.0) for i in range(1, c["n"] + 1)]
    W = sp.Matrix(rvec("sf_w", 2))

    def dot(u, v):
        return (u.T * v)[0, 0]

    def rng(c):
        return range(1, c["n"] + 1)

    def Lag(c, w=None):
        w = W if w is None else w
        l, nn, x_ = lam(c), nu(c), xi(c)
        return (dot(w, w) / 2 + C * sum(x_) - sum(l[i - 1] * (YS[i - 1] * (dot(w, Xv(i)) + b) - 1 + x_[i - 1]) for i in rng(c))
                - sum(nn[i - 1] * x_[i - 1] for i in rng(c)))

    def ws(c):
        return sum((lam(c)[i - 1] * YS[i - 1] * Xv(i) for i in rng(c)), sp.zeros(2, 1))

    def quad(c):
        l = lam(c)
        return sp.Add(*[l[i - 1] * l[j - 1] * YS[i - 1] * YS[j - 1] * dot(Xv(i), Xv(j)) for i in rng(c) for j in rng(c)])
    free = [{"n": n} for n in range(1, 5)]
    both = free + [{"n": n, "con": True} for n in range(1, 5)]
    ch = []
    ch.append(chain("lag", [("L", Lag), (r"\frac12\|w\|^2 + C\sum_i\xi_i - \sum_i\lambda_i\big[y_i(w^\top x_i + b) - 1 + \xi_i\big] - \sum_i\nu_i\xi_i", Lag)],
                    DEF, ctxs=free))
    ch.append(chain("dw", [(r"\nabla_w L", lambda c: sp.Matrix([Lag(c).diff(W[0]), Lag(c).diff(W[1])])),
                           (r"w - \sum_i\lambda_i y_i x_i", lambda c: W - ws(c))], ctxs=free))
    ch.append(chain("db", [(r"\frac{\partial L}{\partial b}", lambda c: Lag(c).diff(b)),
                           (r"-\sum_i\lambda_i y_i", lambda c: -sp.Add(*[lam(c)[i - 1] * YS[i - 1] for i in rng(c)]))], ctxs=free))
    cni = [{"n": n, "i": i} for n in range(1, 5) for i in range(1, n + 1)]
    ch.append(chain("dxi", [(r"\frac{\partial L}{\partial\xi_i}", lambda c: Lag(c).diff(xi(c)[c["i"] - 1])),
                            (r"C - \lambda_i - \nu_i", lambda c: C - lam(c)[c["i"] - 1] - nu(c)[c["i"] - 1])], ctxs=cni))
    ch.append(chain("w2", [(r"\|w\|^2", lambda c: dot(ws(c), ws(c))),
                           (r"\Big(\sum_i\lambda_i y_i x_i\Big)^{\top}\Big(\sum_j\lambda_j y_j x_j\Big)", lambda c: dot(ws(c), ws(c))),
                           (r"\sum_i\sum_j\lambda_i\lambda_j y_i y_j\,x_i^\top x_j", quad)], ctxs=free))
    ch.append(chain("lw", [(r"\sum_i\lambda_i y_i\,w^\top x_i", lambda c: sp.Add(*[lam(c)[i - 1] * YS[i - 1] * dot(ws(c), Xv(i)) for i in rng(c)])),
                           (r"\sum_i\sum_j\lambda_i\lambda_j y_i y_j\,x_j^\top x_i", quad),
                           (r"\|w\|^2", lambda c: dot(ws(c), ws(c)))], ctxs=free))

    def row1(c):
        l, nn, x_ = lam(c), nu(c), xi(c)
        w2 = dot(ws(c), ws(c))
        return (w2 / 2 - w2 - b * sp.Add(*[l[i - 1] * YS[i - 1] for i in rng(c)]) + sum(l)
                + sum((C - l[i - 1] - nn[i - 1]) * x_[i - 1] for i in rng(c)))
    ch.append(chain("dual", [
        ("L", lambda c: Lag(c, ws(c))),
        (r"\tfrac12\|w\|^2 - \|w\|^2 - b\sum_i\lambda_i y_i + \sum_i\lambda_i + \sum_i(C - \lambda_i - \nu_i)\,\xi_i", row1),
        (r"\sum_i\lambda_i - \tfrac12\sum_i\sum_j\lambda_i\lambda_j y_i y_j\,x_i^\top x_j", lambda c: sum(lam(c)) - quad(c) / 2)],
        ctxs=both, where={1: lambda c: c.get("con", False)}))
    # hinge subgradient, one point in R^2
    y1 = [{"y": 1}, {"y": -1}]
    xx = sp.Matrix(rvec("sf_z", 2))
    mar = lambda c: c["y"] * (dot(W, xx) + b)  # noqa: E731
    hinge = lambda c: sp.Max(0, 1 - mar(c))  # noqa: E731
    ch.append(chain("sub", [
        (r"\partial_w\max\big(0, 1 - y(w^\top x + b)\big)", lambda c: sp.Matrix([hinge(c).diff(W[0]), hinge(c).diff(W[1])])),
        (r"\begin{cases} -y\,x, & y(w^\top x + b) < 1\\ 0, & y(w^\top x + b) > 1 \end{cases}",
         lambda c: sp.Matrix([sp.Piecewise((-c["y"] * xx[k], mar(c) < 1), (0, True)) for k in range(2)])),
        (r"-y\,x\,\mathbb{1}[y(w^\top x + b) < 1]", lambda c: -c["y"] * xx * sp.Piecewise((1, mar(c) < 1), (0, True)))], ctxs=y1))

    def J(c):
        return dot(W, W) / 2 + C * sum(sp.Max(0, 1 - YS[i - 1] * (dot(W, Xv(i)) + b)) for i in rng(c))
    ch.append(chain("gJ", [(r"\nabla_w J", lambda c: sp.Matrix([J(c).diff(W[0]), J(c).diff(W[1])])),
                           (r"w - C\sum_i y_i x_i\,\mathbb{1}[y_i(w^\top x_i + b) < 1]",
                            lambda c: W - C * sum((YS[i - 1] * Xv(i) * sp.Piecewise((1, YS[i - 1] * (dot(W, Xv(i)) + b) < 1), (0, True)) for i in rng(c)), sp.zeros(2, 1)))],
                    ctxs=free))
    m = r("sf_m")
    sq = sp.Max(0, 1 - m) ** 2
    ch.append(chain("sq1", [(r"\frac{d}{dm}\max(0, 1 - m)^2", sp.diff(sq, m)), (r"-2\max(0, 1 - m)", -2 * sp.Max(0, 1 - m))]))
    ch.append(chain("sq2", [(r"\frac{d^2}{dm^2}\max(0, 1 - m)^2", sp.diff(sq, m, 2)), (r"2\,\mathbb{1}[m < 1]", sp.Piecewise((2, m < 1), (0, True)))]))
    # the example
    xs = [sp.Matrix([2, 1]), sp.Matrix([0, 0])]
    yy = [1, -1]
    la = p("sf_la", 0.05, 1.0)
    Dl = 2 * la - sum(la * la * yy[i] * yy[j] * dot(xs[i], xs[j]) for i in range(2) for j in range(2)) / 2
    d12 = xs[0] - xs[1]
    ch.append(chain("exD", [(r"D(\lambda)", Dl), (r"2\lambda - \tfrac12\lambda^2\,\|x_1 - x_2\|^2", 2 * la - la ** 2 * dot(d12, d12) / 2),
                            (r"2\lambda - \frac52\lambda^2", 2 * la - Q(5, 2) * la ** 2)]))
    ls = sp.solve(sp.diff(Dl, la), la)[0]
    ch.append(chain("exl", [(r"\lambda^\star", ls), (r"\frac25", Q(2, 5))]))
    wv = ls * (yy[0] * xs[0] + yy[1] * xs[1])
    ch.append(chain("exw", [("w", wv), (r"\lambda^\star(x_1 - x_2)", ls * d12), (r"\frac25\begin{pmatrix}2\\1\end{pmatrix}", Q(2, 5) * sp.Matrix([2, 1])),
                            (r"\begin{pmatrix}4/5\\2/5\end{pmatrix}", sp.Matrix([Q(4, 5), Q(2, 5)]))]))
    bb = sp.Symbol("sf_bb", real=True)
    bs = sp.solve(yy[0] * (dot(wv, xs[0]) + bb) - 1, bb)[0]
    ch.append(chain("exb", [("b", bs), (r"1 - w^\top x_1", 1 - dot(wv, xs[0])), (r"1 - \Big(\frac85 + \frac25\Big)", 1 - (Q(8, 5) + Q(2, 5))),
                            ("-1", -1)]))
    ch.append(chain("ex2", [(r"y_2(w^\top x_2 + b)", yy[1] * (dot(wv, xs[1]) + bs)), ("-(0 - 1)", 1), ("1", 1)]))
    nw2 = dot(wv, wv)
    ch.append(chain("exn", [(r"\|w\|^2", nw2), (r"\frac{16}{25} + \frac{4}{25}", Q(16, 25) + Q(4, 25)), (r"\frac45", Q(4, 5))]))
    ch.append(chain("exm", [(r"\frac{2}{\|w\|}", 2 / sqrt(nw2)), (r"\frac{2}{2/\sqrt5}", 2 / (2 / sqrt(5))), (r"\sqrt5", sqrt(5)),
                            (r"\|x_1 - x_2\|", sqrt(dot(d12, d12)))]))
    ch.append(chain("exg", [(r"D(\lambda^\star)", Dl.subs(la, ls)), (r"\frac45 - \frac52\cdot\frac{4}{25}", Q(4, 5) - Q(5, 2) * Q(4, 25)),
                            (r"\frac25", Q(2, 5)), (r"\tfrac12\|w\|^2", nw2 / 2)]))
    Jex = nw2 / 2 + 1 * sum(sp.Max(0, 1 - yy[i] * (dot(wv, xs[i]) + bs)) for i in range(2))
    ch.append(chain("exJ", [(r"J(w, b)", Jex), (r"\tfrac12\|w\|^2 + C\,(0 + 0)", nw2 / 2 + C * 0), (r"\frac25", Q(2, 5))]))
    d = Doc("svm_hinge_forum.md", ch)
    return with_plant(d, r"= 1 - \Big(\frac85 + \frac25\Big) =", r"= 1 - \Big(\frac85 + \frac15\Big) =", "exb", 2,
                      (r"1 - \Big(\frac85 + \frac15\Big)", lambda c: 1 - (Q(8, 5) + Q(1, 5))),
                      "arithmetic slip: w^T x_1 = (4/5)(2) + (2/5)(1) evaluated as 8/5 + 1/5 (the second product taken as 1/5)")


# ===========================================================================
# family 3: the lasso and the elastic net
def lasso_appendix():
    lam = p("la_lam", 0.05, 0.5)
    a = p("la_a", 0.3, 2.0)
    c = r("la_c")
    al = p("la_al", 0.05, 0.95)
    z = r("la_z")
    bb = r("la_bvar")

    def Ssoft(t, l):
        return sp.Piecewise((t - l, t > l), (0, sp.Abs(t) <= l), (t + l, True))

    def Xc(cx, k):
        return sp.Matrix([r("la_X%d%d" % (i, k)) for i in range(1, cx["n"] + 1)])

    def yv(cx):
        return sp.Matrix(rvec("la_y", cx["n"]))

    def beta(cx):
        return rvec("la_b", cx["p"])

    def Xb(cx):
        return sum((Xc(cx, k) * beta(cx)[k - 1] for k in range(1, cx["p"] + 1)), sp.zeros(cx["n"], 1))

    def nrm2(v):
        return (v.T * v)[0, 0]

    def F(cx):
        return nrm2(yv(cx) - Xb(cx)) / (2 * cx["n"]) + lam * sum(sp.Abs(t) for t in beta(cx))

    def Fen(cx, alpha=al):
        return nrm2(yv(cx) - Xb(cx)) / (2 * cx["n"]) + lam * (alpha * sum(sp.Abs(t) for t in beta(cx)) + (1 - alpha) / 2 * sum(t ** 2 for t in beta(cx)))

    def rj(cx):
        j = cx["j"]
        return yv(cx) - sum((Xc(cx, k) * beta(cx)[k - 1] for k in range(1, cx["p"] + 1) if k != j), sp.zeros(cx["n"], 1))

    def bj(cx):
        return beta(cx)[cx["j"] - 1]
    cnp = [{"n": n, "p": q} for n in (1, 2, 3) for q in (1, 2, 3)]
    cnpj = [{"n": n, "p": q, "j": j} for n in (1, 2, 3) for q in (1, 2, 3) for j in range(1, q + 1)]
    ch = []
    ch.append(chain("F", [(r"F(\beta)", F), (r"\frac{1}{2n}\|y - X\beta\|_2^2 + \lambda\|\beta\|_1", F)], DEF, ctxs=cnp))
    ch.append(chain("soft", [(r"S_\lambda(c)", Ssoft(c, lam)),
                             (r"\begin{cases} c - \lambda, & c > \lambda,\\ 0, & |c| \le \lambda,\\ c + \lambda, & c < -\lambda, \end{cases}",
                              Ssoft(c, lam)),
                             (r"\sign(c)\max(|c| - \lambda, 0)", sp.sign(c) * sp.Max(sp.Abs(c) - lam, 0))], [DEF, "id"]))
    ch.append(chain("lem", [(r"\argmin_{b\in\mathbb{R}}\Bigl\{\frac{a}{2}b^2 - cb + \lambda|b|\Bigr\}",
                             argmin_l1(a / 2 * bb ** 2 - c * bb + lam * sp.Abs(bb), bb)),
                            (r"\frac{S_\lambda(c)}{a}", Ssoft(c, lam) / a)]))
    ch.append(chain("der", [(r"\frac{d}{db}\Bigl(\frac{a}{2}b^2 - cb + \lambda|b|\Bigr)", sp.diff(a / 2 * bb ** 2 - c * bb + lam * sp.Abs(bb), bb)),
                            (r"ab - c + \lambda\sign(b)", a * bb - c + lam * sp.sign(bb))]))
    ch.append(chain("neg", [("b", argmin_smooth(a / 2 * bb ** 2 - c * bb - lam * bb, bb)), (r"\frac{c + \lambda}{a}", (c + lam) / a)]))
    ch.append(chain("prox", [(r"\prox_{\lambda|\cdot|}(c)", argmin_l1((bb - c) ** 2 / 2 + lam * sp.Abs(bb), bb)),
                             (r"\argmin_{b}\Bigl\{\tfrac12(b - c)^2 + \lambda|b|\Bigr\}", argmin_l1((bb - c) ** 2 / 2 + lam * sp.Abs(bb), bb)),
                             (r"S_\lambda(c)", Ssoft(c, lam))]))
    ch.append(chain("rj", [("r_j", rj), (r"y - \sum_{k\ne j}x_k\beta_k", rj),
                           (r"y - X\beta + x_j\beta_j", lambda cx: yv(cx) - Xb(cx) + Xc(cx, cx["j"]) * bj(cx))], [DEF, "id"], ctxs=cnpj))
    ch.append(chain("grad", [
        (r"\frac{\partial}{\partial\beta_j}\,\frac{1}{2n}\|y - X\beta\|_2^2", lambda cx: sp.diff(nrm2(yv(cx) - Xb(cx)) / (2 * cx["n"]), bj(cx))),
        (r"-\frac1n x_j^\top(y - X\beta)", lambda cx: -(Xc(cx, cx["j"]).T * (yv(cx) - Xb(cx)))[0, 0] / cx["n"]),
        (r"-\frac1n x_j^\top r_j + \frac1n\|x_j\|_2^2\,\beta_j",
         lambda cx: -(Xc(cx, cx["j"]).T * rj(cx))[0, 0] / cx["n"] + nrm2(Xc(cx, cx["j"])) * bj(cx) / cx["n"])], ctxs=cnpj))

    def cd(cx):
        return argmin_l1(F(cx), bj(cx))
    ch.append(chain("cd", [(r"\beta_j^{\mathrm{new}}", cd), (r"\argmin_{\beta_j} F(\beta)", cd),
                           (r"\frac{S_\lambda\bigl(\tfrac1n x_j^\top r_j\bigr)}{\tfrac1n\|x_j\|_2^2}",
                            lambda cx: Ssoft((Xc(cx, cx["j"]).T * rj(cx))[0, 0] / cx["n"], lam) / (nrm2(Xc(cx, cx["j"])) / cx["n"]))], ctxs=cnpj))
    ch.append(chain("Fen", [(r"F_{\mathrm{en}}(\beta)", Fen),
                            (r"\frac{1}{2n}\|y - X\beta\|_2^2 + \lambda\Bigl(\alpha\|\beta\|_1 + \frac{1 - \alpha}{2}\|\beta\|_2^2\Bigr)", Fen)], DEF, ctxs=cnp))
    ch.append(chain("en", [(r"\beta_j^{\mathrm{new}}", lambda cx: argmin_l1(Fen(cx), bj(cx))),
                           (r"\frac{S_{\lambda\alpha}\bigl(\tfrac1n x_j^\top r_j\bigr)}{\tfrac1n\|x_j\|_2^2 + \lambda(1 - \alpha)}",
                            lambda cx: Ssoft((Xc(cx, cx["j"]).T * rj(cx))[0, 0] / cx["n"], lam * al) / (nrm2(Xc(cx, cx["j"])) / cx["n"] + lam * (1 - al)))],
                    ctxs=cnpj))
    ch.append(chain("ridge", [(r"\beta_j^{\mathrm{new}}\big|_{\alpha = 0}", lambda cx: argmin_smooth(Fen(cx, sp.Integer(0)), bj(cx))),
                              (r"\frac{\tfrac1n x_j^\top r_j}{\tfrac1n\|x_j\|_2^2 + \lambda}",
                               lambda cx: (Xc(cx, cx["j"]).T * rj(cx))[0, 0] / cx["n"] / (nrm2(Xc(cx, cx["j"])) / cx["n"] + lam))], ctxs=cnpj))
    ch.append(chain("enprox", [(r"\argmin_{b}\Bigl\{\tfrac12(b - z)^2 + \lambda\alpha|b| + \tfrac12\lambda(1 - \alpha)b^2\Bigr\}",
                                argmin_l1((bb - z) ** 2 / 2 + lam * al * sp.Abs(bb) + lam * (1 - al) * bb ** 2 / 2, bb)),
                               (r"\frac{S_{\lambda\alpha}(z)}{1 + \lambda(1 - \alpha)}", Ssoft(z, lam * al) / (1 + lam * (1 - al)))]))
    ch.append(chain("s1", [("S_1(3)", Ssoft(3, 1)), ("3 - 1", 2), ("2", 2)]))
    ch.append(chain("s2", [(r"S_1\bigl(-\tfrac12\bigr)", Ssoft(-Q(1, 2), 1)), ("0", 0)]))
    ch.append(chain("s3", [(r"S_1\bigl(-\tfrac52\bigr)", Ssoft(-Q(5, 2), 1)), (r"-\tfrac52 + 1", -Q(5, 2) + 1), (r"-\tfrac32", -Q(3, 2))]))
    # the example: solve the coordinate steps with the same argmin machinery
    x1, x2, y = sp.Matrix([1, 1]), sp.Matrix([1, -1]), sp.Matrix([3, 1])
    b1v, b2v = sp.symbols("la_e1 la_e2", real=True)
    Fex = lambda B1, B2, L, A=sp.Integer(1): nrm2(y - x1 * B1 - x2 * B2) / 4 + L * (A * (sp.Abs(B1) + sp.Abs(B2)) + (1 - A) / 2 * (B1 ** 2 + B2 ** 2))  # noqa: E731
    beta1 = argmin_l1(Fex(b1v, 0, Q(1, 2)), b1v)
    beta2 = argmin_l1(Fex(beta1, b2v, Q(1, 2)), b2v)
    ch.append(chain("z1", [("z_1", (x1.T * y)[0, 0] / 2), (r"\tfrac12 x_1^\top r_1", (x1.T * y)[0, 0] / 2), (r"\tfrac12(3 + 1)", Q(4, 2)), ("2", 2)],
                    [DEF, "id", "id"]))
    ch.append(chain("b1", [(r"\beta_1", beta1), (r"S_{1/2}(2)", Ssoft(2, Q(1, 2))), (r"\frac32", Q(3, 2))]))
    r2 = y - x1 * beta1
    ch.append(chain("r2", [("r_2", r2), (r"\bigl(\tfrac32, -\tfrac12\bigr)^\top", sp.Matrix([Q(3, 2), -Q(1, 2)]))]))
    ch.append(chain("z2", [("z_2", (x2.T * r2)[0, 0] / 2), (r"\tfrac12\bigl(\tfrac32 + \tfrac12\bigr)", (Q(3, 2) + Q(1, 2)) / 2), ("1", 1)]))
    ch.append(chain("b2", [(r"\beta_2", beta2), (r"S_{1/2}(1)", Ssoft(1, Q(1, 2))), (r"\frac12", Q(1, 2))]))
    ch.append(chain("Fv", [(r"F(\beta)", Fex(beta1, beta2, Q(1, 2))),
                           (r"\frac14\bigl(1^2 + 0^2\bigr) + \frac12\Bigl(\frac32 + \frac12\Bigr)", Q(1, 4) * (1 + 0) + Q(1, 2) * (Q(3, 2) + Q(1, 2))),
                           (r"\frac54", Q(5, 4))]))
    ben = argmin_l1(Fex(b1v, 0, Q(1, 2), Q(1, 2)), b1v)
    ch.append(chain("ben", [(r"\beta_1^{\mathrm{en}}", ben), (r"\frac{S_{1/4}(2)}{1 + \frac14}", Ssoft(2, Q(1, 4)) / (1 + Q(1, 4))),
                            (r"\frac{7/4}{5/4}", Q(7, 4) / Q(5, 4)), (r"\frac75", Q(7, 5))]))
    d = Doc("lasso_appendix.tex", ch)
    return with_plant(d, r"\argmin_{b}\Bigl\{\tfrac12(b - c)^2 + \lambda|b|\Bigr\}", r"\argmin_{b}\Bigl\{\tfrac12(b + c)^2 + \lambda|b|\Bigr\}",
                      "prox", 1, (r"\argmin_{b}\Bigl\{\tfrac12(b + c)^2 + \lambda|b|\Bigr\}",
                                  lambda cx: argmin_l1((bb + c) ** 2 / 2 + lam * sp.Abs(bb), bb)),
                      "sign: (b - c)^2 written (b + c)^2 inside the argmin that defines the prox of the l1 penalty "
                      "(its minimiser is S_lambda(-c) = -S_lambda(c))")


def lasso_notebook():
    lam = p("ln_lam", 0.05, 0.5)
    l1 = p("ln_l1", 0.05, 0.5)
    l2 = p("ln_l2", 0.1, 2.0)
    z = r("ln_z")
    ww = r("ln_wvar")

    def Ssoft(t, l):
        return sp.Piecewise((t - l, t > l), (0, sp.Abs(t) <= l), (t + l, True))

    def x(i, k):
        return r("ln_x%d%d" % (i, k))

    def yy(i):
        return r("ln_y%d" % i)

    def w(c):
        return rvec("ln_w", c["p"])

    def res(c, i, skip=None):
        return yy(i) - sum(x(i, k) * w(c)[k - 1] for k in range(1, c["p"] + 1) if k != skip)

    def SE(c):
        return sum(res(c, i) ** 2 for i in range(1, c["n"] + 1)) / 2

    def J(c, L=lam):
        return SE(c) + L * sum(sp.Abs(t) for t in w(c))

    def Jen(c):
        return SE(c) + l1 * sum(sp.Abs(t) for t in w(c)) + l2 / 2 * sum(t ** 2 for t in w(c))

    def rho(c):
        j = c["j"]
        return sum(x(i, j) * res(c, i, skip=j) for i in range(1, c["n"] + 1))

    def aj(c):
        return sum(x(i, c["j"]) ** 2 for i in range(1, c["n"] + 1))

    def wj(c):
        return w(c)[c["j"] - 1]
    cnp = [{"n": n, "p": q} for n in (1, 2, 3) for q in (1, 2, 3)]
    cnpj = [{"n": n, "p": q, "j": j} for n in (1, 2, 3) for q in (1, 2, 3) for j in range(1, q + 1)]
    ch = []
    ch.append(chain("J", [("J(w)", J), (r"\frac12\sum_{i=1}^{n}\Big(y_i - \sum_{k=1}^{p}x_{ik}w_k\Big)^2 + \lambda\sum_{k=1}^{p}|w_k|", J)], DEF, ctxs=cnp))
    g = (ww - z) ** 2 / 2 + lam * sp.Abs(ww)
    ch.append(chain("g", [("g(w)", g), (r"\frac12(w - z)^2 + \lambda|w|", g)], DEF))
    ch.append(chain("gp", [("g'(w)", sp.diff(g, ww)), (r"w - z + \lambda\,\operatorname{sign}(w)", ww - z + lam * sp.sign(ww))]))
    ch.append(chain("right", [("w", argmin_smooth(g.subs(sp.Abs(ww), ww), ww)), (r"z - \lambda", z - lam)]))
    ch.append(chain("left", [("w", argmin_smooth(g.subs(sp.Abs(ww), -ww), ww)), (r"z + \lambda", z + lam)]))
    ch.append(chain("S", [(r"S_\lambda(z)", Ssoft(z, lam)), (r"\operatorname{sign}(z)\,(|z| - \lambda)_+", sp.sign(z) * sp.Max(sp.Abs(z) - lam, 0)),
                          (r"z - \max\big(-\lambda, \min(\lambda, z)\big)", z - sp.Max(-lam, sp.Min(lam, z)))], [DEF, "id"]))
    ch.append(chain("am", [(r"\operatorname*{argmin}_{w}\ g(w)", argmin_l1(g, ww)), (r"S_\lambda(z)", Ssoft(z, lam))]))
    ch.append(chain("der", [
        (r"\frac{\partial}{\partial w_j}\,\frac12\sum_{i=1}^{n}\Big(y_i - \sum_{k=1}^{p}x_{ik}w_k\Big)^2", lambda c: sp.diff(SE(c), wj(c))),
        (r"-\sum_{i=1}^{n}x_{ij}\Big(y_i - \sum_{k=1}^{p}x_{ik}w_k\Big)", lambda c: -sum(x(i, c["j"]) * res(c, i) for i in range(1, c["n"] + 1))),
        (r"-\sum_{i=1}^{n}x_{ij}\Big(y_i - \sum_{k\neq j}x_{ik}w_k\Big) + w_j\sum_{i=1}^{n}x_{ij}^2", lambda c: -rho(c) + wj(c) * aj(c))], ctxs=cnpj))
    ch.append(chain("rho", [(r"\rho_j", rho), (r"\sum_{i=1}^{n}x_{ij}\Big(y_i - \sum_{k\neq j}x_{ik}w_k\Big)", rho),
                            (r"\sum_{i=1}^{n}x_{ij}r_i + a_j w_j", lambda c: sum(x(i, c["j"]) * res(c, i) for i in range(1, c["n"] + 1)) + aj(c) * wj(c))],
                    [DEF, "id"], ctxs=cnpj))
    ch.append(chain("upd", [(r"w_j^{+}", lambda c: argmin_l1(J(c), wj(c))), (r"\operatorname*{argmin}_{w_j} J(w)", lambda c: argmin_l1(J(c), wj(c))),
                            (r"\frac{S_\lambda(\rho_j)}{a_j}", lambda c: Ssoft(rho(c), lam) / aj(c))], ctxs=cnpj))
    # the example
    Xm = [[1, 0], [1, 1], [0, 1]]
    yv = [2, 3, 1]
    e1, e2 = sp.symbols("ln_e1 ln_e2", real=True)

    def Jex(W1, W2, L1=1, L2=0):
        return (sum((yv[i] - Xm[i][0] * W1 - Xm[i][1] * W2) ** 2 for i in range(3)) / 2 + L1 * (sp.Abs(W1) + sp.Abs(W2))
                + sp.Integer(L2) / 2 * (W1 ** 2 + W2 ** 2))
    rho1 = sum(Xm[i][0] * yv[i] for i in range(3))
    ch.append(chain("rho1", [(r"\rho_1", rho1), (r"x_1^\top y", rho1), ("2 + 3", 5), ("5", 5)]))
    w1 = argmin_l1(Jex(e1, 0), e1)
    ch.append(chain("w1", [("w_1", w1), (r"\frac{S_1(5)}{a_1}", Ssoft(5, 1) / 2), (r"\frac{5 - 1}{2}", Q(4, 2)), ("2", 2)]))
    rv = sp.Matrix([yv[i] - Xm[i][0] * w1 for i in range(3)])
    ch.append(chain("r", [("r", rv), (r"y - x_1 w_1", rv), (r"(2 - 2,\ 3 - 2,\ 1 - 0)", M(2 - 2, 3 - 2, 1 - 0)), ("(0, 1, 1)", M(0, 1, 1))]))
    rho2 = sum(Xm[i][1] * rv[i] for i in range(3))
    ch.append(chain("rho2", [(r"\rho_2", rho2), (r"x_2^\top r + a_2\cdot 0", rho2 + 2 * 0), ("1 + 1", 2), ("2", 2)]))
    w2 = argmin_l1(Jex(w1, e2), e2)
    ch.append(chain("w2", [("w_2", w2), (r"\frac{S_1(2)}{2}", Ssoft(2, 1) / 2), (r"\frac12", Q(1, 2))]))
    grad = [sp.diff(Jex(e1, e2).subs({sp.Abs(e1): e1, sp.Abs(e2): e2}), v) for v in (e1, e2)]
    sol = sp.solve(grad, [e1, e2], dict=True)[0]
    assert sol[e1] > 0 and sol[e2] > 0
    ch.append(chain("wst", [(r"w^\star", M(sol[e1], sol[e2])), (r"\Big(\frac53, \frac23\Big)", M(Q(5, 3), Q(2, 3)))]))
    ch.append(chain("Jst", [(r"J(w^\star)", Jex(sol[e1], sol[e2])),
                            (r"\frac12\Big[\big(2 - \tfrac53\big)^2 + \big(3 - \tfrac73\big)^2 + \big(1 - \tfrac23\big)^2\Big] + \frac53 + \frac23",
                             ((2 - Q(5, 3)) ** 2 + (3 - Q(7, 3)) ** 2 + (1 - Q(2, 3)) ** 2) / 2 + Q(5, 3) + Q(2, 3)),
                            (r"\frac12\cdot\frac{1 + 4 + 1}{9} + \frac73", Q(1, 2) * Q(6, 9) + Q(7, 3)), (r"\frac83", Q(8, 3))]))

    def Jen_l(c):
        return SE(c) + l1 * sum(sp.Abs(t) for t in w(c)) + l2 / 2 * sum(t ** 2 for t in w(c))
    ch.append(chain("end", [
        (r"\frac{\partial J_{\mathrm{en}}}{\partial w_j}", lambda c: sp.diff(Jen_l(c), wj(c))),
        (r"-\rho_j + a_j w_j + \lambda_2 w_j + \lambda_1\operatorname{sign}(w_j)", lambda c: -rho(c) + aj(c) * wj(c) + l2 * wj(c) + l1 * sp.sign(wj(c))),
        (r"(a_j + \lambda_2)\Big(w_j - \frac{\rho_j - \lambda_1\operatorname{sign}(w_j)}{a_j + \lambda_2}\Big)",
         lambda c: (aj(c) + l2) * (wj(c) - (rho(c) - l1 * sp.sign(wj(c))) / (aj(c) + l2)))], ctxs=cnpj))
    ch.append(chain("enu", [(r"w_j^{+}", lambda c: argmin_l1(Jen_l(c), wj(c))), (r"\frac{S_{\lambda_1}(\rho_j)}{a_j + \lambda_2}",
                                                                              lambda c: Ssoft(rho(c), l1) / (aj(c) + l2))], ctxs=cnpj))
    ch.append(chain("enp", [(r"\operatorname*{argmin}_{w}\Big\{\frac12(w - z)^2 + \lambda_1|w| + \frac{\lambda_2}{2}w^2\Big\}",
                             argmin_l1((ww - z) ** 2 / 2 + l1 * sp.Abs(ww) + l2 / 2 * ww ** 2, ww)),
                            (r"\frac{S_{\lambda_1}(z)}{1 + \lambda_2}", Ssoft(z, l1) / (1 + l2))]))
    wen = argmin_l1(Jex(e1, 0, 1, 2), e1)
    ch.append(chain("wen", [(r"w_1^{\mathrm{en}}", wen), (r"\frac{S_1(5)}{a_1 + \lambda_2}", Ssoft(5, 1) / (2 + 2)), (r"\frac{4}{4}", Q(4, 4)), ("1", 1)]))
    d = Doc("lasso_notebook.md", ch)
    return with_plant(d, r"= -\rho_j + a_j w_j + \lambda_2 w_j + \lambda_1\operatorname{sign}(w_j) =",
                      r"= -\rho_j + a_j w_j + \lambda_1\operatorname{sign}(w_j) =", "end", 1,
                      (r"-\rho_j + a_j w_j + \lambda_1\operatorname{sign}(w_j)", lambda c: -rho(c) + aj(c) * wj(c) + l1 * sp.sign(wj(c))),
                      "dropped term: the ridge term lambda_2 w_j left out of the elastic-net derivative")


DOCS = [focal_loss_lecture, distillation_blog, svm_dual_exam, svm_hinge_forum, lasso_appendix, lasso_notebook]
