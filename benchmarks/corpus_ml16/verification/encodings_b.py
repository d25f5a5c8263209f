"""Hand encodings of the corpus_ml16 documents of families 4-6 (robust regression losses: Huber,
log-cosh, pseudo-Huber, IRLS; maximum entropy with Lagrange multipliers and the Gibbs/softmax
distribution; the Gamma distribution: moments, mgf, maximum likelihood, profile likelihood).

Piecewise losses are sympy.Piecewise objects (their derivatives are sympy.diff of them, sampled away
from the junctions); optima are sympy.solve of the derivative set to zero; moments of the Gamma
distribution are integrals against its density over (0, oo), evaluated by quadrature; the digamma
function is sympy.polygamma(0, k).
"""
import sympy as sp

from framework import Doc, with_plant
from enc import (DEF, Q, chain, r, p, rvec, pvec, S, dfun, sizes, exp, log, sqrt, tanh, oo)

Abs, Max, Min, Piecewise = sp.Abs, sp.Max, sp.Min, sp.Piecewise


# ===========================================================================
# family 4: robust regression losses
def huber(t, d):
    t, d = sp.sympify(t), sp.sympify(d)
    return Piecewise((t ** 2 / 2, Abs(t) <= d), (d * (Abs(t) - d / 2), True))


def psi_num(t, d):
    """The Huber influence function at a number (the derivative of each piece, continuous at the junction)."""
    u = sp.Symbol("_hu", real=True)
    return sp.diff(huber(u, d), u).subs(u, t)


def pseudo_huber(t, d):
    return d ** 2 * (sqrt(1 + (t / d) ** 2) - 1)


def robust_loss_exam():
    x = r("re_r", -3.0, 3.0)
    de = p("re_delta", 0.5, 2.0)
    H = huber(x, de)
    ch = []
    ch.append(chain("huber", [
        (r"\rho_\delta(r)", H),
        (r"\begin{cases} \tfrac12 r^2, & |r| \le \delta,\\ \delta\bigl(|r| - \tfrac12\delta\bigr), & |r| > \delta. \end{cases}",
         Piecewise((x ** 2 / 2, Abs(x) <= de), (de * (Abs(x) - de / 2), True)))], DEF))
    rr = sp.Symbol("re_rr", positive=True)
    Hp = huber(rr, de)
    ch.append(chain("cont", [
        (r"\lim_{r\to\delta^-}\rho_\delta(r)", sp.Limit(Hp, rr, de, "-")),
        (r"\tfrac12\delta^2", de ** 2 / 2),
        (r"\delta\bigl(\delta - \tfrac12\delta\bigr)", de * (de - de / 2)),
        (r"\lim_{r\to\delta^+}\rho_\delta(r)", sp.Limit(Hp, rr, de, "+"))]))
    ch.append(chain("psi", [
        (r"\psi_\delta(r)", sp.diff(H, x)),
        (r"\rho_\delta'(r)", sp.diff(H, x)),
        (r"\begin{cases} r, & |r| \le \delta,\\ \delta\operatorname{sign}(r), & |r| > \delta \end{cases}",
         Piecewise((x, Abs(x) <= de), (de * sp.sign(x), True))),
        (r"\max\bigl(-\delta, \min(\delta, r)\bigr)", Max(-de, Min(de, x)))], [DEF, "id", "id"]))
    ch.append(chain("rho2", [(r"\rho_\delta''(r)", sp.diff(H, x, 2)),
                             (r"\mathbb{1}[|r| < \delta]", Piecewise((1, Abs(x) < de), (0, True)))]))
    R4 = [-3, -Q(1, 2), Q(1, 2), 2]
    ch.append(chain("sum4", [(r"\sum_{i=1}^{4}\rho_1(r_i)", sp.Add(*[huber(t, 1) for t in R4])),
                             (r"\bigl(3 - \tfrac12\bigr) + \tfrac18 + \tfrac18 + \bigl(2 - \tfrac12\bigr)",
                              (3 - Q(1, 2)) + Q(1, 8) + Q(1, 8) + (2 - Q(1, 2))),
                             (r"\frac{17}{4}", Q(17, 4))]))
    X = [0, 1, 2, 10]
    m = sp.Symbol("re_m", real=True)
    L = sp.Add(*[huber(xi - m, 1) for xi in X])
    Lp0 = sp.diff(L, m).subs(m, 2)
    ch.append(chain("Lp", [(r"L'(m_0)", Lp0),
                           (r"-\sum_{i=1}^{4}\psi_1(x_i - 2)", -sp.Add(*[Max(-1, Min(1, xi - 2)) for xi in X])),
                           (r"-(-1 - 1 + 0 + 1)", -(-1 - 1 + 0 + 1)), ("1", 1)]))
    ch.append(chain("m1", [(r"m_1", 2 - Q(1, 2) * Lp0), (r"m_0 - \eta L'(m_0)", 2 - Q(1, 2) * Lp0),
                           (r"2 - \tfrac12\cdot 1", 2 - Q(1, 2) * 1), (r"\tfrac32", Q(3, 2))], [DEF, "id", "id"]))
    L2 = sp.Add(*[(xi - m) ** 2 for xi in X]) / 2
    ch.append(chain("L2", [(r"L_2'(m_0)", sp.diff(L2, m).subs(m, 2)),
                           (r"-\sum_{i=1}^{4}(x_i - 2)", -sp.Add(*[xi - 2 for xi in X])),
                           (r"-(-2 - 1 + 0 + 8)", -(-2 - 1 + 0 + 8)), ("-5", -5)]))
    W = sp.diff(H, x) / x
    ch.append(chain("w", [
        (r"w(r)", W), (r"\frac{\psi_\delta(r)}{r}", sp.diff(H, x) / x),
        (r"\begin{cases} 1, & |r| \le \delta,\\ \delta/|r|, & |r| > \delta \end{cases}",
         Piecewise((1, Abs(x) <= de), (de / Abs(x), True))),
        (r"\min\Bigl(1, \frac{\delta}{|r|}\Bigr)", Min(1, de / Abs(x)))], [DEF, "id", "id"]))
    # IRLS: weights at the residuals x_i - 2 (w(0) = 1 as a limit), then the weighted least-squares solution
    u = sp.Symbol("re_u", real=True)
    wts = [sp.limit(sp.diff(huber(u, 1), u) / u, u, xi - 2) if xi == 2 else psi_num(xi - 2, 1) / (xi - 2) for xi in X]
    assert wts == [Q(1, 2), 1, 1, Q(1, 8)], wts
    mnew = sp.solve(sp.Add(*[wi * (xi - m) for wi, xi in zip(wts, X)]), m)[0]
    ch.append(chain("mnew", [
        (r"m_{\text{new}}", mnew),
        (r"\frac{\sum_i w_i x_i}{\sum_i w_i}", sp.Add(*[wi * xi for wi, xi in zip(wts, X)]) / sp.Add(*wts)),
        (r"\frac{\tfrac12\cdot 0 + 1\cdot 1 + 1\cdot 2 + \tfrac18\cdot 10}{\tfrac12 + 1 + 1 + \tfrac18}",
         (Q(1, 2) * 0 + 1 * 1 + 1 * 2 + Q(1, 8) * 10) / (Q(1, 2) + 1 + 1 + Q(1, 8))),
        (r"\frac{17/4}{21/8}", Q(17, 4) / Q(21, 8)),
        (r"\frac{34}{21}", Q(34, 21))], [DEF, "id", "id", "id"]))
    lc = lambda t: log(sp.cosh(t))  # noqa: E731
    ch.append(chain("lc1", [(r"\ell'(r)", dfun(lc, x)), (r"\frac{\sinh r}{\cosh r}", sp.sinh(x) / sp.cosh(x)), (r"\tanh r", tanh(x))]))
    ch.append(chain("lc2", [(r"\ell''(r)", dfun(lc, x, 2)), (r"\sech^2 r", sp.sech(x) ** 2), (r"1 - \tanh^2 r", 1 - tanh(x) ** 2)]))
    ch.append(chain("lcid", [(r"\log\cosh r", lc(x)), (r"|r| + \log\bigl(1 + e^{-2|r|}\bigr) - \log 2",
                                                      Abs(x) + log(1 + exp(-2 * Abs(x))) - log(2))]))
    ch.append(chain("lcv", [(r"\ell(\log 2)", lc(log(2))), (r"\log\frac{2 + \frac12}{2}", log((2 + Q(1, 2)) / 2)),
                            (r"\log\frac54", log(Q(5, 4)))]))
    ch.append(chain("lcd", [(r"\ell'(\log 2)", dfun(lc, log(2))), (r"\frac{2 - \frac12}{2 + \frac12}", (2 - Q(1, 2)) / (2 + Q(1, 2))),
                            (r"\frac35", Q(3, 5))]))
    PH = lambda t: pseudo_huber(t, de)  # noqa: E731
    ch.append(chain("ph1", [(r"L_\delta'(r)", dfun(PH, x)),
                            (r"\delta^2\cdot\frac{2r/\delta^2}{2\sqrt{1 + (r/\delta)^2}}", de ** 2 * (2 * x / de ** 2) / (2 * sqrt(1 + (x / de) ** 2))),
                            (r"\frac{r}{\sqrt{1 + (r/\delta)^2}}", x / sqrt(1 + (x / de) ** 2))]))
    ch.append(chain("ph2", [(r"L_\delta''(r)", dfun(PH, x, 2)), (r"\bigl(1 + (r/\delta)^2\bigr)^{-3/2}", (1 + (x / de) ** 2) ** Q(-3, 2))]))
    P1 = lambda t: pseudo_huber(t, sp.Integer(1))  # noqa: E731
    ch.append(chain("phn", [(r"L_1\bigl(\tfrac34\bigr)", P1(Q(3, 4))), (r"\sqrt{1 + \tfrac{9}{16}} - 1", sqrt(1 + Q(9, 16)) - 1),
                            (r"\tfrac54 - 1", Q(5, 4) - 1), (r"\tfrac14", Q(1, 4))]))
    ch.append(chain("phd", [(r"L_1'\bigl(\tfrac34\bigr)", dfun(P1, Q(3, 4))), (r"\frac{3/4}{5/4}", Q(3, 4) / Q(5, 4)),
                            (r"\frac35", Q(3, 5))]))
    d = Doc("robust_loss_exam.tex", ch)
    wrong = (r"\frac{17/4}{23/8}", lambda c: Q(17, 4) / Q(23, 8))
    return with_plant(d, r"= \frac{17/4}{21/8}", r"= \frac{17/4}{23/8}", "mnew", 3, wrong,
                      "arithmetic slip: the sum of the weights 1/2 + 1 + 1 + 1/8 = 21/8 added up as 23/8 in the IRLS update")


def robust_loss_notebook():
    x = r("rn_r", -3.0, 3.0)
    de = p("rn_delta", 0.5, 2.0)
    PH = lambda t: pseudo_huber(t, de)  # noqa: E731
    P1 = lambda t: pseudo_huber(t, sp.Integer(1))  # noqa: E731
    u = x / de
    ch = []
    ch.append(chain("phdef", [(r"L_\delta(r)", PH(x)), (r"\delta^2\big(\sqrt{1 + (r/\delta)^2} - 1\big)", de ** 2 * (sqrt(1 + (x / de) ** 2) - 1))],
                    DEF))
    ch.append(chain("ph1", [(r"\frac{dL_\delta}{dr}", dfun(PH, x)),
                            (r"\delta^2\cdot\frac{u}{\sqrt{1 + u^2}}\cdot\frac{1}{\delta}", de ** 2 * u / sqrt(1 + u ** 2) / de),
                            (r"\frac{\delta u}{\sqrt{1 + u^2}}", de * u / sqrt(1 + u ** 2)),
                            (r"\frac{r}{\sqrt{1 + (r/\delta)^2}}", x / sqrt(1 + (x / de) ** 2))]))
    g = lambda t: t * (1 + t ** 2 / de ** 2) ** Q(-1, 2)  # noqa: E731
    ch.append(chain("ph2", [(r"\frac{d^2L_\delta}{dr^2}", dfun(PH, x, 2)),
                            (r"\frac{d}{dr}\Big[r\big(1 + r^2/\delta^2\big)^{-1/2}\Big]", dfun(g, x)),
                            (r"\big(1 + r^2/\delta^2\big)^{-1/2} - \frac{r^2}{\delta^2}\big(1 + r^2/\delta^2\big)^{-3/2}",
                             (1 + x ** 2 / de ** 2) ** Q(-1, 2) - x ** 2 / de ** 2 * (1 + x ** 2 / de ** 2) ** Q(-3, 2)),
                            (r"\big(1 + r^2/\delta^2\big)^{-3/2}", (1 + x ** 2 / de ** 2) ** Q(-3, 2))]))
    ch.append(chain("n1", [(r"L_1(4/3)", P1(Q(4, 3))), (r"\sqrt{1 + \tfrac{16}{9}} - 1", sqrt(1 + Q(16, 9)) - 1),
                           (r"\tfrac53 - 1", Q(5, 3) - 1), (r"\tfrac23", Q(2, 3))]))
    ch.append(chain("n2", [(r"L_1'(4/3)", dfun(P1, Q(4, 3))), (r"\frac{4/3}{5/3}", Q(4, 3) / Q(5, 3)), (r"\frac45", Q(4, 5))]))
    ch.append(chain("n3", [(r"L_1''(4/3)", dfun(P1, Q(4, 3), 2)), (r"\big(\tfrac53\big)^{-3}", Q(5, 3) ** -3), (r"\tfrac{27}{125}", Q(27, 125))]))
    w = r("rn_w")
    xs, ys = rvec("rn_x", 3), rvec("rn_y", 3)

    def J(c, W=w, X=xs, Y=ys):
        return S(lambda i: P1(Y[i - 1] - W * X[i - 1]), 1, c["n"])

    ch.append(chain("Jp", [(r"J'(w)", lambda c: sp.diff(J(c), w)),
                           (r"-\sum_{i=1}^{n} x_i\,L_1'(y_i - wx_i)",
                            lambda c: -S(lambda i: xs[i - 1] * dfun(P1, ys[i - 1] - w * xs[i - 1]), 1, c["n"]))], ctxs=sizes(1, 3)))
    X2, Y2 = [1, 2], [Q(3, 4), Q(4, 3)]
    J2 = P1(Y2[0] - w * X2[0]) + P1(Y2[1] - w * X2[1])
    Jp0 = sp.diff(J2, w).subs(w, 0)
    ch.append(chain("J0", [(r"J(0)", J2.subs(w, 0)), (r"L_1(\tfrac34) + L_1(\tfrac43)", P1(Q(3, 4)) + P1(Q(4, 3))),
                           (r"\tfrac14 + \tfrac23", Q(1, 4) + Q(2, 3)), (r"\tfrac{11}{12}", Q(11, 12))]))
    ch.append(chain("Jp0", [(r"J'(0)", Jp0), (r"-\big(1\cdot\tfrac35 + 2\cdot\tfrac45\big)", -(1 * Q(3, 5) + 2 * Q(4, 5))),
                            (r"-\tfrac{11}{5}", -Q(11, 5))]))
    ch.append(chain("w1", [(r"w_1", 0 - Q(1, 2) * Jp0), (r"w_0 - \eta J'(w_0)", 0 - Q(1, 2) * Jp0),
                           (r"0 + \tfrac12\cdot\tfrac{11}{5}", 0 + Q(1, 2) * Q(11, 5)), (r"\tfrac{11}{10}", Q(11, 10))], [DEF, "id", "id"]))
    lc = lambda t: log(sp.cosh(t))  # noqa: E731
    ch.append(chain("lc", [(r"\ln\cosh r", lc(x)), (r"\ln\frac{e^{r} + e^{-r}}{2}", log((exp(x) + exp(-x)) / 2))]))
    ch.append(chain("lcd", [(r"\frac{d}{dr}\ln\cosh r", dfun(lc, x)), (r"\frac{e^{r} - e^{-r}}{e^{r} + e^{-r}}", (exp(x) - exp(-x)) / (exp(x) + exp(-x))),
                            (r"\tanh r", tanh(x))]))
    ch.append(chain("th", [(r"\frac{d}{dr}\tanh r", dfun(tanh, x)), (r"\operatorname{sech}^2 r", sp.sech(x) ** 2),
                           (r"1 - \tanh^2 r", 1 - tanh(x) ** 2)]))
    ch.append(chain("c3", [(r"\cosh(\ln 3)", sp.cosh(log(3))), (r"\frac{3 + \frac13}{2}", (3 + Q(1, 3)) / 2), (r"\frac53", Q(5, 3))]))
    ch.append(chain("t3", [(r"\tanh(\ln 3)", tanh(log(3))), (r"\frac{3 - \frac13}{3 + \frac13}", (3 - Q(1, 3)) / (3 + Q(1, 3))),
                           (r"\frac45", Q(4, 5))]))
    ch.append(chain("s3", [(r"\operatorname{sech}^2(\ln 3)", sp.sech(log(3)) ** 2), (r"1 - \big(\tfrac45\big)^2", 1 - Q(4, 5) ** 2),
                           (r"\tfrac{9}{25}", Q(9, 25))]))
    H = huber(x, de)
    ch.append(chain("w", [(r"w(r)", sp.diff(H, x) / x), (r"\frac{\psi(r)}{r}", Max(-de, Min(de, x)) / x),
                          (r"\min\Big(1, \frac{\delta}{|r|}\Big)", Min(1, de / Abs(x)))], [DEF, "id"]))
    X4 = [0, 1, 2, 10]
    # 3/2 is the root of the Huber estimating equation (the equation is piecewise linear; check it and its neighbourhood)
    est = lambda mm: sp.Add(*[psi_num(xi - mm, 1) for xi in X4])  # noqa: E731
    assert est(Q(3, 2)) == 0 and est(Q(7, 5)) > 0 and est(Q(8, 5)) < 0
    ch.append(chain("fp", [(r"\sum_{i=1}^{4}\psi\big(x_i - \tfrac32\big)", sp.Add(*[Max(-1, Min(1, xi - Q(3, 2))) for xi in X4])),
                           (r"-1 - \tfrac12 + \tfrac12 + 1", -1 - Q(1, 2) + Q(1, 2) + 1), ("0", 0)]))
    d = Doc("robust_loss_notebook.md", ch)
    wrong = (r"\big(1 + r^2/\delta^2\big)^{-1/2} - \frac{r^2}{\delta^2}\big(1 + r^2/\delta^2\big)^{-1/2}",
             lambda c: (1 + x ** 2 / de ** 2) ** Q(-1, 2) - x ** 2 / de ** 2 * (1 + x ** 2 / de ** 2) ** Q(-1, 2))
    return with_plant(d, r"\frac{r^2}{\delta^2}\big(1 + r^2/\delta^2\big)^{-3/2}", r"\frac{r^2}{\delta^2}\big(1 + r^2/\delta^2\big)^{-1/2}",
                      "ph2", 2, wrong,
                      "wrong exponent: the derivative of (1 + r^2/delta^2)^{-1/2} keeps the exponent -1/2 instead of lowering "
                      "it to -3/2 in the product rule for the second derivative of pseudo-Huber")


# ===========================================================================
# family 5: maximum entropy
def maxent_appendix():
    Es = rvec("me_E", 4)
    lam = r("me_lam", -1.0, 1.0)
    al = r("me_alpha")
    U = r("me_U")
    ps = pvec("me_p", 4, 0.05, 1.0)
    NS = sizes(1, 4)
    NI = sizes(1, 4, extra=lambda n: [{"i": i} for i in range(1, n + 1)])
    NJ = sizes(1, 4, extra=lambda n: [{"j": j} for j in range(1, n + 1)])

    def Lag(c):
        n = c["n"]
        return (-S(lambda i: ps[i - 1] * log(ps[i - 1]), 1, n) - al * (S(lambda i: ps[i - 1], 1, n) - 1)
                - lam * (S(lambda i: ps[i - 1] * Es[i - 1], 1, n) - U))

    def Zf(c, L=lam, E=Es):
        return S(lambda j: exp(-L * E[j - 1]), 1, c["n"])

    def alpha_star(c):
        # normalisation of the stationary point p_i = exp(-1 - alpha - lambda E_i), solved for alpha
        a = sp.Symbol("me_a", real=True)
        C = S(lambda j: exp(-1 - lam * Es[j - 1]), 1, c["n"])
        sol = sp.solve(exp(-a) * C - 1, a)
        assert len(sol) == 1
        return sol[0]

    def p_star(c, i):
        q = sp.Symbol("me_q", positive=True)
        sol = sp.solve(-log(q) - 1 - al - lam * Es[i - 1], q)
        assert len(sol) == 1
        return sol[0].subs(al, alpha_star(c))

    def gibbs(c, i, L=lam, E=Es):
        return exp(-L * E[i - 1]) / Zf(c, L, E)

    def mean(c, L=lam, E=Es):
        return S(lambda j: E[j - 1] * gibbs(c, j, L, E), 1, c["n"])

    def var(c, L=lam, E=Es):
        return S(lambda j: (E[j - 1] - mean(c, L, E)) ** 2 * gibbs(c, j, L, E), 1, c["n"])

    def ent(c, L=lam, E=Es):
        return -S(lambda j: gibbs(c, j, L, E) * log(gibbs(c, j, L, E)), 1, c["n"])

    ch = []
    ch.append(chain("lag", [
        (r"\mathcal{L}(p, \alpha, \lambda)", Lag),
        (r"-\sum_{i=1}^{n} p_i\log p_i - \alpha\Bigl(\sum_{i=1}^{n} p_i - 1\Bigr) - \lambda\Bigl(\sum_{i=1}^{n} p_i E_i - U\Bigr)",
         lambda c: -S(lambda i: ps[i - 1] * log(ps[i - 1]), 1, c["n"]) - al * (S(lambda i: ps[i - 1], 1, c["n"]) - 1)
         - lam * (S(lambda i: ps[i - 1] * Es[i - 1], 1, c["n"]) - U))], DEF, ctxs=NS))
    ch.append(chain("stat", [(r"\frac{\partial\mathcal{L}}{\partial p_i}", lambda c: sp.diff(Lag(c), ps[c["i"] - 1])),
                             (r"-\log p_i - 1 - \alpha - \lambda E_i", lambda c: -log(ps[c["i"] - 1]) - 1 - al - lam * Es[c["i"] - 1])],
                    ctxs=NI))
    ch.append(chain("stat2", [(r"\frac{\partial^2\mathcal{L}}{\partial p_i^2}", lambda c: sp.diff(Lag(c), ps[c["i"] - 1], 2)),
                              (r"-\frac{1}{p_i}", lambda c: -1 / ps[c["i"] - 1])], ctxs=NI))
    ch.append(chain("alpha", [(r"e^{1 + \alpha}", lambda c: exp(1 + alpha_star(c))),
                              (r"\sum_{j=1}^{n} e^{-\lambda E_j}", Zf), (r"Z(\lambda)", Zf)], ctxs=NS))
    ch.append(chain("gibbs", [(r"p_i", lambda c: p_star(c, c["i"])),
                              (r"\frac{e^{-\lambda E_i}}{Z(\lambda)}", lambda c: exp(-lam * Es[c["i"] - 1]) / Zf(c))], ctxs=NI))
    ch.append(chain("Zdef", [(r"Z(\lambda)", Zf), (r"\sum_{j=1}^{n} e^{-\lambda E_j}", Zf)], DEF, ctxs=NS))
    ch.append(chain("d1", [
        (r"\frac{d}{d\lambda}\log Z(\lambda)", lambda c: sp.diff(log(Zf(c)), lam)),
        (r"\frac{1}{Z}\sum_{j=1}^{n}(-E_j)\,e^{-\lambda E_j}", lambda c: S(lambda j: -Es[j - 1] * exp(-lam * Es[j - 1]), 1, c["n"]) / Zf(c)),
        (r"-\sum_{j=1}^{n}E_j\,p_j", lambda c: -S(lambda j: Es[j - 1] * gibbs(c, j), 1, c["n"])),
        (r"-\E_p[E]", lambda c: -mean(c))], ctxs=NS))
    ch.append(chain("dp", [
        (r"\frac{dp_j}{d\lambda}", lambda c: sp.diff(gibbs(c, c["j"]), lam)),
        (r"\frac{-E_j\,e^{-\lambda E_j}}{Z} - \frac{e^{-\lambda E_j}}{Z^2}\,\frac{dZ}{d\lambda}",
         lambda c: -Es[c["j"] - 1] * exp(-lam * Es[c["j"] - 1]) / Zf(c) - exp(-lam * Es[c["j"] - 1]) / Zf(c) ** 2 * sp.diff(Zf(c), lam)),
        (r"p_j\bigl(\E_p[E] - E_j\bigr)", lambda c: gibbs(c, c["j"]) * (mean(c) - Es[c["j"] - 1]))], ctxs=NJ))
    ch.append(chain("d2", [
        (r"\frac{d^2}{d\lambda^2}\log Z(\lambda)", lambda c: sp.diff(log(Zf(c)), lam, 2)),
        (r"-\sum_{j=1}^{n}E_j\,\frac{dp_j}{d\lambda}", lambda c: -S(lambda j: Es[j - 1] * sp.diff(gibbs(c, j), lam), 1, c["n"])),
        (r"-\sum_{j=1}^{n}E_j\,p_j\bigl(\E_p[E] - E_j\bigr)", lambda c: -S(lambda j: Es[j - 1] * gibbs(c, j) * (mean(c) - Es[j - 1]), 1, c["n"])),
        (r"\E_p[E^2] - \bigl(\E_p[E]\bigr)^2", lambda c: S(lambda j: Es[j - 1] ** 2 * gibbs(c, j), 1, c["n"]) - mean(c) ** 2),
        (r"\Var_p(E)", var)], ctxs=NS))
    ch.append(chain("H", [
        (r"H(p)", ent),
        (r"-\sum_{i=1}^{n} p_i\log p_i", lambda c: -S(lambda i: gibbs(c, i) * log(gibbs(c, i)), 1, c["n"])),
        (r"-\sum_{i=1}^{n} p_i\bigl(-\lambda E_i - \log Z\bigr)", lambda c: -S(lambda i: gibbs(c, i) * (-lam * Es[i - 1] - log(Zf(c))), 1, c["n"])),
        (r"\lambda U + \log Z(\lambda)", lambda c: lam * mean(c) + log(Zf(c)))], ctxs=NS))
    ch.append(chain("dH", [
        (r"\frac{dH}{d\lambda}", lambda c: sp.diff(ent(c), lam)),
        (r"U + \lambda\frac{dU}{d\lambda} - U", lambda c: mean(c) + lam * sp.diff(mean(c), lam) - mean(c)),
        (r"\lambda\frac{dU}{d\lambda}", lambda c: lam * sp.diff(mean(c), lam)),
        (r"-\lambda\Var_p(E)", lambda c: -lam * var(c))], ctxs=NS))
    E3, L3, c3 = [sp.Integer(0), sp.Integer(1), sp.Integer(2)], log(2), {"n": 3}
    ch.append(chain("Z3", [(r"Z(\log 2)", Zf(c3, L3, E3)), (r"1 + \tfrac12 + \tfrac14", 1 + Q(1, 2) + Q(1, 4)), (r"\tfrac74", Q(7, 4))]))
    ch.append(chain("p3", [(r"p", sp.Matrix([gibbs(c3, i, L3, E3) for i in (1, 2, 3)])),
                           (r"\Bigl(\frac{1}{7/4}, \frac{1/2}{7/4}, \frac{1/4}{7/4}\Bigr)", sp.Matrix([1 / Q(7, 4), Q(1, 2) / Q(7, 4), Q(1, 4) / Q(7, 4)])),
                           (r"\Bigl(\frac47, \frac27, \frac17\Bigr)", sp.Matrix([Q(4, 7), Q(2, 7), Q(1, 7)]))]))
    ch.append(chain("U3", [(r"U", mean(c3, L3, E3)), (r"\E_p[E]", mean(c3, L3, E3)),
                           (r"0\cdot\tfrac47 + 1\cdot\tfrac27 + 2\cdot\tfrac17", 0 * Q(4, 7) + 1 * Q(2, 7) + 2 * Q(1, 7)), (r"\tfrac47", Q(4, 7))]))
    ch.append(chain("V3", [(r"\Var_p(E)", var(c3, L3, E3)),
                           (r"\E_p[E^2] - U^2", S(lambda j: E3[j - 1] ** 2 * gibbs(c3, j, L3, E3), 1, 3) - mean(c3, L3, E3) ** 2),
                           (r"\tfrac27 + \tfrac47 - \tfrac{16}{49}", Q(2, 7) + Q(4, 7) - Q(16, 49)), (r"\tfrac{26}{49}", Q(26, 49))]))
    ch.append(chain("dl3", [
        (r"\frac{d}{d\lambda}\log Z\Big|_{\lambda = \log 2}", sp.diff(log(Zf(c3, lam, E3)), lam).subs(lam, L3)),
        (r"-\frac{e^{-\lambda} + 2e^{-2\lambda}}{1 + e^{-\lambda} + e^{-2\lambda}}\bigg|_{\lambda = \log 2}",
         (-(exp(-lam) + 2 * exp(-2 * lam)) / (1 + exp(-lam) + exp(-2 * lam))).subs(lam, L3)),
        (r"-\frac47", -Q(4, 7))]))
    ch.append(chain("H3", [(r"H", ent(c3, L3, E3)), (r"\lambda U + \log Z", L3 * mean(c3, L3, E3) + log(Zf(c3, L3, E3))),
                           (r"\tfrac47\log 2 + \log\tfrac74", Q(4, 7) * log(2) + log(Q(7, 4))),
                           (r"\log 7 - \tfrac{10}{7}\log 2", log(7) - Q(10, 7) * log(2))]))
    ch.append(chain("H3b", [(r"H(p)", ent(c3, L3, E3)),
                            (r"-\Bigl(\tfrac47\log\tfrac47 + \tfrac27\log\tfrac27 + \tfrac17\log\tfrac17\Bigr)",
                             -(Q(4, 7) * log(Q(4, 7)) + Q(2, 7) * log(Q(2, 7)) + Q(1, 7) * log(Q(1, 7)))),
                            (r"\log 7 - \tfrac{10}{7}\log 2", log(7) - Q(10, 7) * log(2))]))
    d = Doc("maxent_appendix.tex", ch)
    wrong = (r"\sum_{j=1}^{n}E_j\,p_j\bigl(\E_p[E] - E_j\bigr)",
             lambda c: S(lambda j: Es[j - 1] * gibbs(c, j) * (mean(c) - Es[j - 1]), 1, c["n"]))
    return with_plant(d, r"= -\sum_{j=1}^{n}E_j\,p_j\bigl(\E_p[E] - E_j\bigr)", r"= \sum_{j=1}^{n}E_j\,p_j\bigl(\E_p[E] - E_j\bigr)",
                      "d2", 2, wrong,
                      "sign: the minus in front of the sum lost when dp_j/dlambda = p_j(E_p[E] - E_j) is substituted into "
                      "the second derivative of log Z")


def softmax_maxent_forum():
    zs = rvec("sf_z", 4)
    vs = rvec("sf_v", 4)
    ps = pvec("sf_p", 4, 0.05, 1.0)
    T = p("sf_T", 0.5, 2.0)
    be = p("sf_beta", 0.3, 2.0)
    nu = r("sf_nu")
    NS = sizes(1, 4)
    NI = sizes(1, 4, extra=lambda n: [{"i": i} for i in range(1, n + 1)])
    NIK = sizes(1, 3, extra=lambda n: [{"i": i, "k": k} for i in range(1, n + 1) for k in range(1, n + 1)])
    NIY = sizes(1, 3, extra=lambda n: [{"i": i, "y": y} for i in range(1, n + 1) for y in range(1, n + 1)])

    def soft(c, i, b=sp.Integer(1), Z_=zs):
        return exp(b * Z_[i - 1]) / S(lambda j: exp(b * Z_[j - 1]), 1, c["n"])

    def Zb(c, b=be, Z_=zs):
        return S(lambda j: exp(b * Z_[j - 1]), 1, c["n"])

    def Lam(c):
        n = c["n"]
        return (-S(lambda i: ps[i - 1] * log(ps[i - 1]), 1, n) + be * S(lambda i: ps[i - 1] * zs[i - 1], 1, n)
                + nu * (S(lambda i: ps[i - 1], 1, n) - 1))

    def nu_star(c):
        a = sp.Symbol("sf_a", real=True)
        sol = sp.solve(exp(a - 1) * Zb(c) - 1, a)
        assert len(sol) == 1
        return sol[0]

    def p_star(c, i):
        q = sp.Symbol("sf_q", positive=True)
        sol = sp.solve(sp.diff(Lam(c), ps[i - 1]).subs(ps[i - 1], q), q)
        assert len(sol) == 1
        return sol[0].subs(nu, nu_star(c))

    def A(c, Z_=zs):
        return log(S(lambda j: exp(Z_[j - 1]), 1, c["n"]))

    def Ep(c, f, b=be, Z_=zs):
        return S(lambda j: f(Z_[j - 1]) * soft(c, j, b, Z_), 1, c["n"])

    def ent(c, b=be, Z_=zs):
        return -S(lambda j: soft(c, j, b, Z_) * log(soft(c, j, b, Z_)), 1, c["n"])

    delta = lambda a, b: sp.Integer(1 if a == b else 0)  # noqa: E731
    ch = []
    ch.append(chain("q", [(r"p_i", lambda c: soft(c, c["i"], 1 / T)),
                          (r"\frac{e^{z_i/T}}{\sum_{j} e^{z_j/T}}",
                           lambda c: exp(zs[c["i"] - 1] / T) / S(lambda j: exp(zs[j - 1] / T), 1, c["n"]))], DEF, ctxs=NI))
    ch.append(chain("lag", [(r"\Lambda(p, \nu)", Lam),
                            (r"-\sum_i p_i\ln p_i + \beta\sum_i p_i z_i + \nu\Big(\sum_i p_i - 1\Big)",
                             lambda c: -S(lambda i: ps[i - 1] * log(ps[i - 1]), 1, c["n"]) + be * S(lambda i: ps[i - 1] * zs[i - 1], 1, c["n"])
                             + nu * (S(lambda i: ps[i - 1], 1, c["n"]) - 1))], DEF, ctxs=NS))
    ch.append(chain("dp", [(r"\frac{\partial\Lambda}{\partial p_i}", lambda c: sp.diff(Lam(c), ps[c["i"] - 1])),
                           (r"-\ln p_i - 1 + \beta z_i + \nu", lambda c: -log(ps[c["i"] - 1]) - 1 + be * zs[c["i"] - 1] + nu)], ctxs=NI))
    ch.append(chain("dnu", [(r"\frac{\partial\Lambda}{\partial\nu}", lambda c: sp.diff(Lam(c), nu)),
                            (r"\sum_i p_i - 1", lambda c: S(lambda i: ps[i - 1], 1, c["n"]) - 1)], ctxs=NS))
    ch.append(chain("sol", [(r"p_i", lambda c: p_star(c, c["i"])),
                            (r"e^{\nu - 1}e^{\beta z_i}", lambda c: exp(nu_star(c) - 1) * exp(be * zs[c["i"] - 1])),
                            (r"\frac{e^{\beta z_i}}{\sum_j e^{\beta z_j}}", lambda c: exp(be * zs[c["i"] - 1]) / Zb(c))], ctxs=NI))
    ch.append(chain("H", [
        ("H", lambda c: ent(c)),
        (r"-\sum_i p_i\ln p_i", lambda c: -S(lambda i: soft(c, i, be) * log(soft(c, i, be)), 1, c["n"])),
        (r"-\sum_i p_i\big(\beta z_i - \ln Z\big)", lambda c: -S(lambda i: soft(c, i, be) * (be * zs[i - 1] - log(Zb(c))), 1, c["n"])),
        (r"\ln Z - \beta\sum_i p_i z_i", lambda c: log(Zb(c)) - be * S(lambda i: soft(c, i, be) * zs[i - 1], 1, c["n"]))], ctxs=NS))
    ch.append(chain("grad", [(r"\frac{\partial A}{\partial z_i}", lambda c: sp.diff(A(c), zs[c["i"] - 1])),
                             (r"\frac{e^{z_i}}{\sum_j e^{z_j}}", lambda c: exp(zs[c["i"] - 1]) / S(lambda j: exp(zs[j - 1]), 1, c["n"])),
                             (r"p_i", lambda c: soft(c, c["i"]))], ctxs=NI))
    ch.append(chain("hess", [
        (r"\frac{\partial^2 A}{\partial z_i\,\partial z_k}", lambda c: sp.diff(A(c), zs[c["i"] - 1], zs[c["k"] - 1])),
        (r"\frac{\partial p_i}{\partial z_k}", lambda c: sp.diff(soft(c, c["i"]), zs[c["k"] - 1])),
        (r"p_i(\delta_{ik} - p_k)", lambda c: soft(c, c["i"]) * (delta(c["i"], c["k"]) - soft(c, c["k"]))),
        (r"p_i\delta_{ik} - p_ip_k", lambda c: soft(c, c["i"]) * delta(c["i"], c["k"]) - soft(c, c["i"]) * soft(c, c["k"]))], ctxs=NIK))

    def quad(c):
        n = c["n"]
        pv = sp.Matrix([soft(c, i) for i in range(1, n + 1)])
        v = sp.Matrix(vs[:n])
        return (v.T * (sp.diag(*list(pv)) - pv * pv.T) * v)[0, 0]

    ch.append(chain("quad", [(r"v^\top\big(\operatorname{diag}(p) - pp^\top\big)v", quad),
                             (r"\sum_i p_iv_i^2 - \Big(\sum_i p_iv_i\Big)^2",
                              lambda c: S(lambda i: soft(c, i) * vs[i - 1] ** 2, 1, c["n"]) - S(lambda i: soft(c, i) * vs[i - 1], 1, c["n"]) ** 2)],
                    ctxs=NS))
    ch.append(chain("rows", [(r"\sum_k p_i(\delta_{ik} - p_k)", lambda c: S(lambda k: soft(c, c["i"]) * (delta(c["i"], k) - soft(c, k)), 1, c["n"])),
                             (r"p_i - p_i\sum_k p_k", lambda c: soft(c, c["i"]) - soft(c, c["i"]) * S(lambda k: soft(c, k), 1, c["n"])),
                             ("0", 0)], ctxs=NI))
    ch.append(chain("b1", [(r"\frac{d}{d\beta}\ln Z(\beta)", lambda c: sp.diff(log(Zb(c)), be)),
                           (r"\frac{\sum_j z_je^{\beta z_j}}{Z}", lambda c: S(lambda j: zs[j - 1] * exp(be * zs[j - 1]), 1, c["n"]) / Zb(c)),
                           (r"\mathbb{E}_p[z]", lambda c: Ep(c, lambda t: t))], ctxs=NS))
    ch.append(chain("b2", [(r"\frac{d^2}{d\beta^2}\ln Z(\beta)", lambda c: sp.diff(log(Zb(c)), be, 2)),
                           (r"\mathbb{E}_p[z^2] - \mathbb{E}_p[z]^2", lambda c: Ep(c, lambda t: t ** 2) - Ep(c, lambda t: t) ** 2),
                           (r"\operatorname{Var}_p(z)", lambda c: Ep(c, lambda t: (t - Ep(c, lambda s: s)) ** 2))], ctxs=NS))
    Z3, c3, one = [sp.Integer(0), log(2), log(3)], {"n": 3}, sp.Integer(1)
    P3 = [soft(c3, i, one, Z3) for i in (1, 2, 3)]
    ch.append(chain("Z6", [("Z", Zb(c3, one, Z3)), (r"e^{0} + e^{\ln 2} + e^{\ln 3}", exp(0) + exp(log(2)) + exp(log(3))),
                           (r"1 + 2 + 3", 1 + 2 + 3), ("6", 6)]))
    ch.append(chain("p6", [("p", sp.Matrix(P3)), (r"\Big(\tfrac16, \tfrac26, \tfrac36\Big)", sp.Matrix([Q(1, 6), Q(2, 6), Q(3, 6)])),
                           (r"\Big(\tfrac16, \tfrac13, \tfrac12\Big)", sp.Matrix([Q(1, 6), Q(1, 3), Q(1, 2)]))]))
    Ez3 = Ep(c3, lambda t: t, one, Z3)
    ch.append(chain("Ez", [(r"\mathbb{E}_p[z]", Ez3), (r"0\cdot\tfrac16 + \ln 2\cdot\tfrac13 + \ln 3\cdot\tfrac12", 0 * Q(1, 6) + log(2) / 3 + log(3) / 2),
                           (r"\tfrac13\ln 2 + \tfrac12\ln 3", log(2) / 3 + log(3) / 2)]))
    ch.append(chain("H6", [("H", ent(c3, one, Z3)), (r"\ln 6 - \Big(\tfrac13\ln 2 + \tfrac12\ln 3\Big)", log(6) - (log(2) / 3 + log(3) / 2)),
                           (r"\tfrac23\ln 2 + \tfrac12\ln 3", Q(2, 3) * log(2) + log(3) / 2)]))
    pv = sp.Matrix(P3)
    ch.append(chain("J6", [
        (r"\operatorname{diag}(p) - pp^\top", sp.diag(*P3) - pv * pv.T),
        (r"\begin{pmatrix} \frac16 - \frac1{36} & -\frac1{18} & -\frac1{12}\\ -\frac1{18} & \frac13 - \frac19 & -\frac16\\ -\frac1{12} & -\frac16 & \frac12 - \frac14 \end{pmatrix}",
         sp.Matrix([[Q(1, 6) - Q(1, 36), -Q(1, 18), -Q(1, 12)], [-Q(1, 18), Q(1, 3) - Q(1, 9), -Q(1, 6)], [-Q(1, 12), -Q(1, 6), Q(1, 2) - Q(1, 4)]])),
        (r"\frac{1}{36}\begin{pmatrix} 5 & -2 & -3\\ -2 & 8 & -6\\ -3 & -6 & 9 \end{pmatrix}",
         sp.Matrix([[5, -2, -3], [-2, 8, -6], [-3, -6, 9]]) / 36)]))
    ch.append(chain("V6", [(r"\operatorname{Var}_p(z)", Ep(c3, lambda t: (t - Ez3) ** 2, one, Z3)),
                           (r"\tfrac13(\ln 2)^2 + \tfrac12(\ln 3)^2 - \Big(\tfrac13\ln 2 + \tfrac12\ln 3\Big)^2",
                            log(2) ** 2 / 3 + log(3) ** 2 / 2 - (log(2) / 3 + log(3) / 2) ** 2)]))
    ch.append(chain("qr", [
        (r"\frac{\partial p_i}{\partial z_k}", lambda c: sp.diff(soft(c, c["i"]), zs[c["k"] - 1])),
        (r"\frac{\delta_{ik}e^{z_i}\sum_j e^{z_j} - e^{z_i}e^{z_k}}{\big(\sum_j e^{z_j}\big)^2}",
         lambda c: (delta(c["i"], c["k"]) * exp(zs[c["i"] - 1]) * S(lambda j: exp(zs[j - 1]), 1, c["n"]) - exp(zs[c["i"] - 1]) * exp(zs[c["k"] - 1]))
         / S(lambda j: exp(zs[j - 1]), 1, c["n"]) ** 2),
        (r"p_i\delta_{ik} - p_ip_k", lambda c: soft(c, c["i"]) * delta(c["i"], c["k"]) - soft(c, c["i"]) * soft(c, c["k"]))], ctxs=NIK))
    ch.append(chain("ce", [
        (r"\frac{\partial}{\partial z_i}\big(-\ln p_y\big)", lambda c: sp.diff(-log(soft(c, c["y"])), zs[c["i"] - 1])),
        (r"\frac{\partial A}{\partial z_i} - \delta_{iy}", lambda c: sp.diff(A(c), zs[c["i"] - 1]) - delta(c["i"], c["y"])),
        (r"p_i - \delta_{iy}", lambda c: soft(c, c["i"]) - delta(c["i"], c["y"]))], ctxs=NIY))
    d = Doc("softmax_maxent_forum.md", ch)
    wrong = (r"p_i(\delta_{ik} - p_i)", lambda c: soft(c, c["i"]) * (delta(c["i"], c["k"]) - soft(c, c["i"])))
    return with_plant(d, r"= p_i(\delta_{ik} - p_k) = p_i\delta_{ik} - p_ip_k$$", r"= p_i(\delta_{ik} - p_i) = p_i\delta_{ik} - p_ip_k$$",
                      "hess", 2, wrong,
                      "wrong index: p_i(delta_ik - p_i) for p_i(delta_ik - p_k) in the Hessian of log-sum-exp (the "
                      "off-diagonal entries become -p_i^2 instead of -p_i p_k)")


# ===========================================================================
# family 6: the Gamma distribution
def gamma_pdf(x, k, th):
    return x ** (k - 1) * exp(-x / th) / (sp.gamma(k) * th ** k)


def gamma_mle_problem_set():
    k = p("gp_k", 1.0, 3.0)
    th = p("gp_theta", 0.5, 1.5)
    t = r("gp_t", -1.0, 0.3)
    x = sp.Symbol("gp_x", positive=True)        # integration variable
    xs = pvec("gp_x", 4, 0.3, 2.0)
    NS = sizes(1, 4)
    f = gamma_pdf(x, k, th)

    def I0(g):
        return sp.Integral(g, (x, 0, oo))

    def ll(c, K=k, TH=th):
        return S(lambda i: log(gamma_pdf(xs[i - 1], K, TH)), 1, c["n"])

    def llx(c, K=k, TH=th):
        # the same log-likelihood with the logarithm expanded (for derivatives and solves)
        return S(lambda i: (K - 1) * log(xs[i - 1]) - xs[i - 1] / TH - sp.loggamma(K) - K * log(TH), 1, c["n"])

    def xbar(c):
        return S(lambda i: xs[i - 1], 1, c["n"]) / c["n"]

    def thetahat(c):
        sol = sp.solve(sp.diff(llx(c), th), th)
        assert len(sol) == 1
        return sol[0]

    def prof(c):
        return llx(c).subs(th, thetahat(c))

    ch = []
    xp = p("gp_xp", 0.3, 3.0)
    ch.append(chain("pdf", [(r"f(x; k, \theta)", gamma_pdf(xp, k, th)),
                            (r"\frac{x^{k-1}e^{-x/\theta}}{\Gamma(k)\,\theta^{k}}", xp ** (k - 1) * exp(-xp / th) / (sp.gamma(k) * th ** k))],
                    DEF))
    ch.append(chain("rec", [
        (r"\Gamma(k + 1)", sp.gamma(k + 1)),
        (r"\int_0^\infty x^{k}e^{-x}\,dx", I0(x ** k * exp(-x))),
        (r"\Bigl[-x^{k}e^{-x}\Bigr]_0^\infty + k\int_0^\infty x^{k-1}e^{-x}\,dx",
         sp.Limit(-x ** k * exp(-x), x, oo) - sp.Limit(-x ** k * exp(-x), x, 0, "+") + k * I0(x ** (k - 1) * exp(-x))),
        (r"k\,\Gamma(k)", k * sp.gamma(k))]))
    ch.append(chain("mean", [
        (r"\E[X]", I0(x * f)),
        (r"\int_0^\infty x\,\frac{x^{k-1}e^{-x/\theta}}{\Gamma(k)\,\theta^{k}}\,dx", I0(x * f)),
        (r"\frac{\Gamma(k + 1)\,\theta^{k+1}}{\Gamma(k)\,\theta^{k}}", sp.gamma(k + 1) * th ** (k + 1) / (sp.gamma(k) * th ** k)),
        (r"k\theta", k * th)], [DEF, "id", "id"]))
    ch.append(chain("m2", [(r"\E[X^2]", I0(x ** 2 * f)),
                           (r"\frac{\Gamma(k + 2)\,\theta^{k+2}}{\Gamma(k)\,\theta^{k}}", sp.gamma(k + 2) * th ** (k + 2) / (sp.gamma(k) * th ** k)),
                           (r"(k + 1)k\,\theta^2", (k + 1) * k * th ** 2)]))
    ch.append(chain("var", [(r"\Var(X)", I0((x - I0(x * f)) ** 2 * f)),
                            (r"\E[X^2] - (\E[X])^2", I0(x ** 2 * f) - I0(x * f) ** 2),
                            (r"(k + 1)k\,\theta^2 - k^2\theta^2", (k + 1) * k * th ** 2 - k ** 2 * th ** 2),
                            (r"k\theta^2", k * th ** 2)]))
    ch.append(chain("mgf", [
        (r"M(t)", I0(exp(t * x) * f)),
        (r"\E\bigl[e^{tX}\bigr]", I0(exp(t * x) * f)),
        (r"\frac{1}{\Gamma(k)\,\theta^{k}}\int_0^\infty x^{k-1}e^{-x(1/\theta - t)}\,dx",
         I0(x ** (k - 1) * exp(-x * (1 / th - t))) / (sp.gamma(k) * th ** k)),
        (r"\frac{1}{\Gamma(k)\,\theta^{k}}\cdot\Gamma(k)\Bigl(\frac{\theta}{1 - \theta t}\Bigr)^{k}",
         sp.gamma(k) * (th / (1 - th * t)) ** k / (sp.gamma(k) * th ** k)),
        (r"(1 - \theta t)^{-k}", (1 - th * t) ** (-k))], [DEF, "id", "id", "id"]))
    # derivatives of M at 0, differentiating under the integral sign
    ch.append(chain("M1", [(r"M'(0)", I0(sp.diff(exp(t * x) * f, t).subs(t, 0))), (r"k\theta", k * th)]))
    ch.append(chain("M2", [(r"M''(0)", I0(sp.diff(exp(t * x) * f, t, 2).subs(t, 0))), (r"k(k + 1)\theta^2", k * (k + 1) * th ** 2),
                           (r"\E[X^2]", I0(x ** 2 * f))]))
    ch.append(chain("ll", [
        (r"\ell(k, \theta)", ll),
        (r"\sumi \log f(x_i; k, \theta)", ll),
        (r"(k - 1)\sumi \log x_i - \frac{1}{\theta}\sumi x_i - n\log\Gamma(k) - nk\log\theta",
         lambda c: (k - 1) * S(lambda i: log(xs[i - 1]), 1, c["n"]) - S(lambda i: xs[i - 1], 1, c["n"]) / th
         - c["n"] * log(sp.gamma(k)) - c["n"] * k * log(th))], [DEF, "id"], ctxs=NS))
    ch.append(chain("score", [
        (r"\frac{\partial\ell}{\partial\theta}", lambda c: sp.diff(llx(c), th)),
        (r"\frac{1}{\theta^2}\sumi x_i - \frac{nk}{\theta}", lambda c: S(lambda i: xs[i - 1], 1, c["n"]) / th ** 2 - c["n"] * k / th),
        (r"\frac{n}{\theta^2}\bigl(\xbar - k\theta\bigr)", lambda c: c["n"] / th ** 2 * (xbar(c) - k * th))], ctxs=NS))
    ch.append(chain("thetahat", [(r"\hat\theta(k)", thetahat), (r"\frac{\xbar}{k}", lambda c: xbar(c) / k)], ctxs=NS))
    ch.append(chain("prof", [
        (r"\ell_p(k)", prof),
        (r"\ell\bigl(k, \hat\theta(k)\bigr)", lambda c: ll(c).subs(th, thetahat(c))),
        (r"(k - 1)\sumi\log x_i - nk - n\log\Gamma(k) - nk\log\frac{\xbar}{k}",
         lambda c: (k - 1) * S(lambda i: log(xs[i - 1]), 1, c["n"]) - c["n"] * k - c["n"] * log(sp.gamma(k)) - c["n"] * k * log(xbar(c) / k))],
        [DEF, "id"], ctxs=NS))
    ch.append(chain("pscore", [
        (r"\ell_p'(k)", lambda c: sp.diff(prof(c), k)),
        (r"\sumi\log x_i - n - n\psi(k) - n\log\frac{\xbar}{k} + n",
         lambda c: S(lambda i: log(xs[i - 1]), 1, c["n"]) - c["n"] - c["n"] * sp.polygamma(0, k) - c["n"] * log(xbar(c) / k) + c["n"]),
        (r"n\Bigl[\log k - \psi(k) - \log\xbar + \frac1n\sumi\log x_i\Bigr]",
         lambda c: c["n"] * (log(k) - sp.polygamma(0, k) - log(xbar(c)) + S(lambda i: log(xs[i - 1]), 1, c["n"]) / c["n"]))], ctxs=NS))
    ch.append(chain("pcurv", [(r"\ell_p''(k)", lambda c: sp.diff(prof(c), k, 2)),
                              (r"n\Bigl(\frac1k - \psi'(k)\Bigr)", lambda c: c["n"] * (1 / k - sp.polygamma(1, k)))], ctxs=NS))
    X4 = [sp.Integer(v) for v in (1, 2, 3, 6)]
    xb = sp.Add(*X4) / 4
    s2 = sp.Add(*[(v - xb) ** 2 for v in X4]) / 4
    kk, tt = sp.symbols("gp_kk gp_tt", positive=True)
    mom = sp.solve([kk * tt - xb, kk * tt ** 2 - s2], [kk, tt], dict=True)
    assert len(mom) == 1
    ch.append(chain("xbar", [(r"\xbar", xb), (r"\frac{1 + 2 + 3 + 6}{4}", Q(1 + 2 + 3 + 6, 4)), ("3", 3)]))
    ch.append(chain("s2", [(r"s^2", s2), (r"\frac{(1 - 3)^2 + (2 - 3)^2 + (3 - 3)^2 + (6 - 3)^2}{4}", Q((1 - 3) ** 2 + (2 - 3) ** 2 + 0 + (6 - 3) ** 2, 4)),
                           (r"\frac{14}{4}", Q(14, 4)), (r"\frac72", Q(7, 2))]))
    ch.append(chain("tt", [(r"\tilde\theta", mom[0][tt]), (r"\frac{s^2}{\xbar}", s2 / xb), (r"\frac{7/2}{3}", Q(7, 2) / 3), (r"\frac76", Q(7, 6))]))
    ch.append(chain("tk", [(r"\tilde k", mom[0][kk]), (r"\frac{\xbar^2}{s^2}", xb ** 2 / s2), (r"\frac{9}{7/2}", 9 / Q(7, 2)),
                           (r"\frac{18}{7}", Q(18, 7))]))
    ch.append(chain("logs", [(r"\frac14\sum_{i=1}^{4}\log x_i", sp.Add(*[log(v) for v in X4]) / 4),
                             (r"\frac14\log(1\cdot 2\cdot 3\cdot 6)", log(1 * 2 * 3 * 6) / 4),
                             (r"\frac14\log 36", log(36) / 4), (r"\frac12\log 6", log(6) / 2)]))
    d = Doc("gamma_mle_problem_set.tex", ch)
    wrong = (r"\sumi\log x_i - n - n\psi(k) - n\log\frac{\xbar}{k}",
             lambda c: S(lambda i: log(xs[i - 1]), 1, c["n"]) - c["n"] - c["n"] * sp.polygamma(0, k) - c["n"] * log(xbar(c) / k))
    return with_plant(d, r"- n\log\frac{\xbar}{k} + n \nonumber", r"- n\log\frac{\xbar}{k} \nonumber", "pscore", 1, wrong,
                      "dropped term: the + n from differentiating the k inside log(xbar/k) (d/dk[k log(xbar/k)] = log(xbar/k) - 1) "
                      "left out of the profile score")


def gamma_course_page():
    k = p("gc_k", 1.0, 3.0)
    th = p("gc_theta", 0.5, 1.5)
    rr = p("gc_r", 0.5, 3.0)
    t = r("gc_t", -1.0, 0.3)
    xp = p("gc_xp", 0.3, 3.0)
    x = sp.Symbol("gc_x", positive=True)      # integration variables
    u = sp.Symbol("gc_u", positive=True)
    xs = pvec("gc_x", 4, 0.3, 2.0)
    NS = sizes(1, 4)
    f = gamma_pdf(x, k, th)

    def I0(g, v=x):
        return sp.Integral(g, (v, 0, oo))

    M = I0(exp(t * x) * f)
    M1 = I0(x * exp(t * x) * f)
    M2 = I0(x ** 2 * exp(t * x) * f)
    mean = I0(x * f)
    var = I0((x - mean) ** 2 * f)

    def llx(c, TH=th):
        return S(lambda i: (k - 1) * log(xs[i - 1]) - xs[i - 1] / TH - sp.loggamma(k) - k * log(TH), 1, c["n"])

    def xbar(c):
        return S(lambda i: xs[i - 1], 1, c["n"]) / c["n"]

    Kc = -k * log(1 - th * t)     # the text's K(t), itself checked against ln of the integral M(t)
    ch = []
    ch.append(chain("pdf", [(r"f(x \mid k, \theta)", gamma_pdf(xp, k, th)),
                            (r"\frac{1}{\Gamma(k)\,\theta^{k}}\,x^{k-1}e^{-x/\theta}", xp ** (k - 1) * exp(-xp / th) / (sp.gamma(k) * th ** k))], DEF))
    ch.append(chain("norm", [(r"\int_0^\infty x^{k-1}e^{-x/\theta}\,dx", I0(x ** (k - 1) * exp(-x / th))),
                             (r"\theta^{k}\int_0^\infty u^{k-1}e^{-u}\,du", th ** k * I0(u ** (k - 1) * exp(-u), u)),
                             (r"\theta^{k}\,\Gamma(k)", th ** k * sp.gamma(k))]))
    ch.append(chain("mr", [(r"\mathbb{E}[X^r]", I0(x ** rr * f)),
                           (r"\frac{1}{\Gamma(k)\,\theta^{k}}\int_0^\infty x^{k+r-1}e^{-x/\theta}\,dx", I0(x ** (k + rr - 1) * exp(-x / th)) / (sp.gamma(k) * th ** k)),
                           (r"\frac{\theta^{k+r}\,\Gamma(k + r)}{\Gamma(k)\,\theta^{k}}", th ** (k + rr) * sp.gamma(k + rr) / (sp.gamma(k) * th ** k)),
                           (r"\theta^{r}\,\frac{\Gamma(k + r)}{\Gamma(k)}", th ** rr * sp.gamma(k + rr) / sp.gamma(k))]))
    ch.append(chain("grec", [(r"\Gamma(k + 2)", sp.gamma(k + 2)), (r"(k + 1)\,\Gamma(k + 1)", (k + 1) * sp.gamma(k + 1)),
                             (r"(k + 1)k\,\Gamma(k)", (k + 1) * k * sp.gamma(k))]))
    ch.append(chain("m1", [(r"\mathbb{E}[X]", mean), (r"\theta\,\frac{\Gamma(k + 1)}{\Gamma(k)}", th * sp.gamma(k + 1) / sp.gamma(k)), (r"k\theta", k * th)]))
    ch.append(chain("m2", [(r"\mathbb{E}[X^2]", I0(x ** 2 * f)), (r"\theta^2\,\frac{\Gamma(k + 2)}{\Gamma(k)}", th ** 2 * sp.gamma(k + 2) / sp.gamma(k)),
                           (r"k(k + 1)\theta^2", k * (k + 1) * th ** 2)]))
    ch.append(chain("var", [(r"\operatorname{Var}(X)", var), (r"\mathbb{E}[X^2] - \big(\mathbb{E}[X]\big)^2", I0(x ** 2 * f) - mean ** 2),
                            (r"k(k + 1)\theta^2 - (k\theta)^2", k * (k + 1) * th ** 2 - (k * th) ** 2), (r"k\theta^2", k * th ** 2)]))
    ch.append(chain("M", [(r"M(t)", M), (r"\mathbb{E}\big[e^{tX}\big]", M), (r"(1 - \theta t)^{-k}", (1 - th * t) ** (-k))], [DEF, "id"]))
    ch.append(chain("K", [(r"K(t)", log(M)), (r"\ln M(t)", log(M)), (r"-k\ln(1 - \theta t)", Kc)], [DEF, "id"]))
    # K' = M'/M and K'' = M''/M - (M'/M)^2, with M, M', M'' as integrals (differentiation under the integral sign)
    ch.append(chain("K1", [(r"K'(t)", M1 / M), (r"\frac{k\theta}{1 - \theta t}", k * th / (1 - th * t))]))
    ch.append(chain("K2", [(r"K''(t)", M2 / M - (M1 / M) ** 2), (r"\frac{k\theta^2}{(1 - \theta t)^2}", k * th ** 2 / (1 - th * t) ** 2)]))
    ch.append(chain("K0", [(r"K'(0)", (M1 / M).subs(t, 0)), (r"k\theta", k * th)]))
    ch.append(chain("K00", [(r"K''(0)", (M2 / M - (M1 / M) ** 2).subs(t, 0)), (r"k\theta^2", k * th ** 2)]))
    K3 = sp.diff(Kc, t, 3).subs(t, 0)
    ch.append(chain("skew", [(r"\gamma_1", I0((x - mean) ** 3 * f) / var ** Q(3, 2)),
                             (r"\frac{K'''(0)}{K''(0)^{3/2}}", K3 / sp.diff(Kc, t, 2).subs(t, 0) ** Q(3, 2)),
                             (r"\frac{2k\theta^3}{(k\theta^2)^{3/2}}", 2 * k * th ** 3 / (k * th ** 2) ** Q(3, 2)),
                             (r"\frac{2}{\sqrt{k}}", 2 / sqrt(k))]))
    ch.append(chain("ll", [(r"\ell(k, \theta)", lambda c: S(lambda i: log(gamma_pdf(xs[i - 1], k, th)), 1, c["n"])),
                           (r"(k - 1)\sum_{i=1}^{n}\ln x_i - \frac{1}{\theta}\sum_{i=1}^{n}x_i - n\ln\Gamma(k) - nk\ln\theta",
                            lambda c: (k - 1) * S(lambda i: log(xs[i - 1]), 1, c["n"]) - S(lambda i: xs[i - 1], 1, c["n"]) / th
                            - c["n"] * log(sp.gamma(k)) - c["n"] * k * log(th))], DEF, ctxs=NS))
    ch.append(chain("sth", [(r"\frac{\partial\ell}{\partial\theta}", lambda c: sp.diff(llx(c), th)),
                            (r"-\frac{nk}{\theta} + \frac{1}{\theta^2}\sum_{i=1}^{n}x_i", lambda c: -c["n"] * k / th + S(lambda i: xs[i - 1], 1, c["n"]) / th ** 2)],
                    ctxs=NS))
    ch.append(chain("sk", [(r"\frac{\partial\ell}{\partial k}", lambda c: sp.diff(llx(c), k)),
                           (r"\sum_{i=1}^{n}\ln x_i - n\psi(k) - n\ln\theta",
                            lambda c: S(lambda i: log(xs[i - 1]), 1, c["n"]) - c["n"] * sp.polygamma(0, k) - c["n"] * log(th))], ctxs=NS))

    def thetahat(c):
        sol = sp.solve(sp.diff(llx(c), th), th)
        assert len(sol) == 1
        return sol[0]

    ch.append(chain("th", [(r"\hat\theta", thetahat), (r"\frac{\bar x}{k}", lambda c: xbar(c) / k)], ctxs=NS))
    Hs = sp.hessian(log(gamma_pdf(x, k, th)).expand(force=True), (k, th))
    Info = sp.Matrix(2, 2, lambda i, j: -I0(Hs[i, j] * f))
    ch.append(chain("fi", [
        (r"\mathcal{I}(k, \theta)", Info),
        (r"-\begin{pmatrix} -\psi'(k) & -1/\theta\\ -1/\theta & k/\theta^2 - 2\,\mathbb{E}[X]/\theta^3 \end{pmatrix}",
         -sp.Matrix([[-sp.polygamma(1, k), -1 / th], [-1 / th, k / th ** 2 - 2 * mean / th ** 3]])),
        (r"\begin{pmatrix} \psi'(k) & 1/\theta\\ 1/\theta & k/\theta^2 \end{pmatrix}",
         sp.Matrix([[sp.polygamma(1, k), 1 / th], [1 / th, k / th ** 2]]))]))
    X4 = [sp.Integer(v) for v in (2, 4, 4, 6)]
    xb = sp.Add(*X4) / 4
    s2 = sp.Add(*[(v - xb) ** 2 for v in X4]) / 4
    kk, tt = sp.symbols("gc_kk gc_tt", positive=True)
    mom = sp.solve([kk * tt - xb, kk * tt ** 2 - s2], [kk, tt], dict=True)
    assert len(mom) == 1
    ch.append(chain("xb", [(r"\bar x", xb), (r"\frac{2 + 4 + 4 + 6}{4}", Q(2 + 4 + 4 + 6, 4)), ("4", 4)]))
    ch.append(chain("s2", [(r"s^2", s2), (r"\frac{4 + 0 + 0 + 4}{4}", Q(4 + 0 + 0 + 4, 4)), ("2", 2)]))
    ch.append(chain("tk", [(r"\tilde k", mom[0][kk]), (r"\frac{\bar x^2}{s^2}", xb ** 2 / s2), (r"\frac{16}{2}", Q(16, 2)), ("8", 8)]))
    ch.append(chain("tth", [(r"\tilde\theta", mom[0][tt]), (r"\frac{s^2}{\bar x}", s2 / xb), (r"\frac{2}{4}", Q(2, 4)), (r"\frac12", Q(1, 2))]))
    ch.append(chain("chk", [(r"\tilde k\,\tilde\theta", mom[0][kk] * mom[0][tt]), (r"8\cdot\tfrac12", 8 * Q(1, 2)), ("4", 4)]))
    d = Doc("gamma_course_page.md", ch)
    wrong = (r"\frac{k\theta^3}{(k\theta^2)^{3/2}}", lambda c: k * th ** 3 / (k * th ** 2) ** Q(3, 2))
    return with_plant(d, r"= \frac{2k\theta^3}{(k\theta^2)^{3/2}} =", r"= \frac{k\theta^3}{(k\theta^2)^{3/2}} =", "skew", 2, wrong,
                      "dropped factor: the 2 of K'''(0) = 2k theta^3 left out when it is substituted into the skewness")


DOCS = [robust_loss_exam, robust_loss_notebook, maxent_appendix, softmax_maxent_forum, gamma_mle_problem_set, gamma_course_page]
