"""Hand encodings of the corpus_ml17 documents of families 4-6 (the scalar Kalman filter; normalizing
flows; Beta-Bernoulli and Dirichlet-categorical models).

Expectations of errors are computed from independent zero-mean variables with their variances; the
optimal gain and steady states are sympy.solve of the stationarity and Riccati equations; densities
are integrated by quadrature where the text integrates; Beta functions and digamma values are
evaluated from the Gamma function.
"""
import sympy as sp

from framework import Doc, with_plant
from enc import (DEF, Q, chain, r, p, rvec, pvec, S, sig, exp, log, sqrt, oo, pi, kd, ctx_grid, M, E_zero_mean)


# ===========================================================================
# family 4: the scalar Kalman filter
def kalman_homework():
    a = r("kh_a")
    Qn, R = p("kh_Q", 0.2, 2.0), p("kh_R", 0.2, 2.0)
    P0 = p("kh_P", 0.2, 2.0)
    Pm = p("kh_Pm", 0.2, 2.0)
    K = r("kh_K", -0.5, 1.5)
    x, xm, v, z = r("kh_x"), r("kh_xm"), r("kh_v"), r("kh_z")
    e, w = sp.symbols("kh_e kh_w", real=True)
    ch = []
    Pmv = E_zero_mean((a * e + w) ** 2, {e: P0, w: Qn})
    ch.append(chain("pred", [("P_k^-", Pmv), (r"\E\bigl[(a\,e_{k-1} + w_k)^2\bigr]", Pmv),
                             (r"a^2\E[e_{k-1}^2] + 2a\,\E[e_{k-1}w_k] + \E[w_k^2]",
                              a ** 2 * E_zero_mean(e ** 2, {e: P0, w: Qn}) + 2 * a * E_zero_mean(e * w, {e: P0, w: Qn}) + E_zero_mean(w ** 2, {e: P0, w: Qn})),
                             (r"a^2P_{k-1} + Q", a ** 2 * P0 + Qn)], [DEF, "id", "id"]))
    ch.append(chain("err", [(r"x_k - \hat x_k", x - (xm + K * (x + v - xm))), (r"x_k - \xm - K(x_k + v_k - \xm)", x - xm - K * (x + v - xm)),
                            (r"(1 - K)\,e_k^- - K v_k", (1 - K) * (x - xm) - K * v)]))
    PK = E_zero_mean(((1 - K) * e - K * v) ** 2, {e: Pm, v: R})
    ch.append(chain("PK", [("P_k(K)", PK), (r"\E\bigl[\bigl((1 - K)e_k^- - K v_k\bigr)^2\bigr]", PK),
                           (r"(1 - K)^2P_k^- + K^2R", (1 - K) ** 2 * Pm + K ** 2 * R)], [DEF, "id"]))
    ch.append(chain("dP", [(r"\frac{dP_k}{dK}", sp.diff(PK, K)), (r"-2(1 - K)P_k^- + 2KR", -2 * (1 - K) * Pm + 2 * K * R),
                           (r"2\bigl[K(P_k^- + R) - P_k^-\bigr]", 2 * (K * (Pm + R) - Pm))]))
    ch.append(chain("d2P", [(r"\frac{d^2P_k}{dK^2}", sp.diff(PK, K, 2)), (r"2(P_k^- + R)", 2 * (Pm + R))]))
    Ks = sp.solve(sp.diff(PK, K), K)
    assert len(Ks) == 1
    Ks = Ks[0]
    ch.append(chain("gain", [("K_k", Ks), (r"\frac{P_k^-}{P_k^- + R}", Pm / (Pm + R))]))
    Pp = PK.subs(K, Ks)
    ch.append(chain("Pp", [("P_k", Pp), (r"(1 - K_k)^2P_k^- + K_k^2R", (1 - Ks) ** 2 * Pm + Ks ** 2 * R),
                           (r"\frac{R^2P_k^- + (P_k^-)^2R}{(P_k^- + R)^2}", (R ** 2 * Pm + Pm ** 2 * R) / (Pm + R) ** 2),
                           (r"\frac{P_k^-R}{P_k^- + R}", Pm * R / (Pm + R)), (r"(1 - K_k)P_k^-", (1 - Ks) * Pm)]))
    ch.append(chain("info", [(r"\frac{1}{P_k}", 1 / Pp), (r"\frac{P_k^- + R}{P_k^-R}", (Pm + R) / (Pm * R)),
                             (r"\frac{1}{P_k^-} + \frac{1}{R}", 1 / Pm + 1 / R)]))
    xp = xm + Ks * (z - xm)
    ch.append(chain("mean", [(r"\hat x_k", xp), (r"\xm + K_k(z_k - \xm)", xp), (r"(1 - K_k)\,\xm + K_k z_k", (1 - Ks) * xm + Ks * z),
                             (r"\frac{R\,\xm + P_k^-z_k}{P_k^- + R}", (R * xm + Pm * z) / (Pm + R)),
                             (r"P_k\Bigl(\frac{\xm}{P_k^-} + \frac{z_k}{R}\Bigr)", Pp * (xm / Pm + z / R))], [DEF, "id", "id", "id"]))
    Mv = sp.Symbol("kh_M", positive=True)
    roots = sp.solve(sp.Eq(Mv, Mv * R / (Mv + R) + Qn), Mv)
    roots = [t_ for t_ in roots if t_.subs({Qn: 1, R: 1}) > 0]   # the positive root (the other is negative)
    assert len(roots) == 1, roots
    Ms = roots[0]
    ch.append(chain("ric", [("M", Ms), (r"\frac{MR}{M + R} + Q", Ms * R / (Ms + R) + Qn)]))
    ch.append(chain("quad", [("M^2 - QM - QR", Ms ** 2 - Qn * Ms - Qn * R), ("0", 0)]))
    ch.append(chain("root", [("M", Ms), (r"\frac{Q + \sqrt{Q^2 + 4QR}}{2}", (Qn + sqrt(Qn ** 2 + 4 * Qn * R)) / 2)]))
    Pinf = (Pm * R / (Pm + R)).subs(Pm, Ms)
    ch.append(chain("Pinf", [(r"P_\infty", Pinf), ("M - Q", Ms - Qn), (r"\frac{Q + \sqrt{Q^2 + 4QR}}{2} - Q", (Qn + sqrt(Qn ** 2 + 4 * Qn * R)) / 2 - Qn),
                             (r"\frac{\sqrt{Q^2 + 4QR} - Q}{2}", (sqrt(Qn ** 2 + 4 * Qn * R) - Qn) / 2)]))
    Kinf = Ks.subs(Pm, Ms)
    ch.append(chain("Kinf", [(r"K_\infty", Kinf), (r"\frac{M}{M + R}", Ms / (Ms + R)), (r"\frac{P_\infty}{R}", Pinf / R)]))
    num = {Qn: 1, R: 2}
    ch.append(chain("nM", [("M", Ms.subs(num)), (r"\frac{1 + \sqrt{1 + 8}}{2}", (1 + sqrt(9)) / 2), ("2", 2)]))
    ch.append(chain("nP", [(r"P_\infty", Pinf.subs(num)), ("2 - 1", 1), ("1", 1)]))
    ch.append(chain("nK", [(r"K_\infty", Kinf.subs(num)), (r"\frac{2}{2 + 2}", Q(2, 4)), (r"\frac12", Q(1, 2))]))
    P1m = (a ** 2 * P0 + Qn).subs({a: 1, P0: 1, Qn: 1})
    K1 = (Pm / (Pm + R)).subs({Pm: P1m, R: 2})
    x1 = 0 + K1 * (3 - 0)
    P1 = PK.subs({K: K1, Pm: P1m, R: 2})
    ch.append(chain("s1", [("P_1^-", P1m), ("P_0 + Q", 1 + 1), ("2", 2)]))
    ch.append(chain("s2", [("K_1", K1), (r"\frac{2}{2 + 2}", Q(2, 4)), (r"\frac12", Q(1, 2))]))
    ch.append(chain("s3", [(r"\hat x_1", x1), (r"0 + \tfrac12(3 - 0)", Q(3, 2)), (r"\frac32", Q(3, 2))]))
    ch.append(chain("s4", [("P_1", P1), (r"\bigl(1 - \tfrac12\bigr)2", Q(1, 2) * 2), ("1", 1)]))
    P2m = P1 + 1
    K2 = P2m / (P2m + 2)
    ch.append(chain("s5", [(r"\hat x_2", x1 + K2 * (1 - x1)), (r"\frac32 + \frac12\Bigl(1 - \frac32\Bigr)", Q(3, 2) + Q(1, 2) * (1 - Q(3, 2))),
                           (r"\frac54", Q(5, 4))]))
    d = Doc("kalman_homework.tex", ch)
    return with_plant(d, r"= \frac{Q + \sqrt{Q^2 + 4QR}}{2} - Q =", r"= \frac{Q + \sqrt{Q^2 + QR}}{2} - Q =", "Pinf", 2,
                      (r"\frac{Q + \sqrt{Q^2 + QR}}{2} - Q", lambda c: (Qn + sqrt(Qn ** 2 + Qn * R)) / 2 - Qn),
                      "dropped factor: the 4 of the discriminant Q^2 + 4QR lost when substituting M into P_inf = M - Q")


def kalman_cheatsheet():
    f = r("kc_f")
    q, rr = p("kc_q", 0.2, 2.0), p("kc_r", 0.2, 2.0)
    m0, v0 = r("kc_m"), p("kc_v", 0.2, 2.0)
    vm = p("kc_vm", 0.2, 2.0)
    mm, y, x = r("kc_mm"), r("kc_y"), r("kc_x")
    K = r("kc_K", -0.5, 1.5)
    e, w, eps = sp.symbols("kc_e kc_w kc_eps", real=True)
    ch = []
    ch.append(chain("pm", [("m_k^-", f * m0), (r"f\,m_{k-1}", f * m0)], DEF))
    vpred = E_zero_mean((f * e + w) ** 2, {e: v0, w: q})
    ch.append(chain("pv", [("v_k^-", vpred), (r"f^2v_{k-1} + q", f ** 2 * v0 + q)], DEF))
    ch.append(chain("nu", [(r"\nu_k", y - mm), (r"y_k - m_k^-", y - mm)], DEF))
    ch.append(chain("S", [("S_k", vm + rr), (r"v_k^- + r", vm + rr)], DEF))
    vK = E_zero_mean(((1 - K) * e - K * eps) ** 2, {e: vm, eps: rr})
    Ks = sp.solve(sp.diff(vK, K), K)[0]
    ch.append(chain("gain", [("K_k", Ks), (r"\frac{v_k^-}{S_k}", vm / (vm + rr)), (r"\frac{v_k^-}{v_k^- + r}", vm / (vm + rr))]))
    mk = mm + Ks * (y - mm)
    ch.append(chain("mean", [("m_k", mk), (r"m_k^- + K_k\nu_k", mk),
                             (r"\frac{r}{v_k^- + r}\,m_k^- + \frac{v_k^-}{v_k^- + r}\,y_k", rr / (vm + rr) * mm + vm / (vm + rr) * y)], [DEF, "id"]))
    vk = vK.subs(K, Ks)
    ch.append(chain("var", [("v_k", vk), (r"(1 - K_k)v_k^-", (1 - Ks) * vm), (r"v_k^- - \frac{(v_k^-)^2}{v_k^- + r}", vm - vm ** 2 / (vm + rr)),
                            (r"\frac{v_k^-r}{v_k^- + r}", vm * rr / (vm + rr))]))
    ch.append(chain("info1", [(r"\frac{1}{v_k}", 1 / vk), (r"\frac{1}{v_k^-} + \frac{1}{r}", 1 / vm + 1 / rr)]))
    ch.append(chain("info2", [(r"\frac{m_k}{v_k}", mk / vk), (r"\frac{m_k^-}{v_k^-} + \frac{y_k}{r}", mm / vm + y / rr)]))
    ch.append(chain("bayes", [(r"-\frac{(x - m^-)^2}{2v^-} - \frac{(y - x)^2}{2r}", -(x - mm) ** 2 / (2 * vm) - (y - x) ** 2 / (2 * rr)),
                              (r"-\frac12\Big(\frac{1}{v^-} + \frac{1}{r}\Big)(x - m)^2 - \frac{(y - m^-)^2}{2(v^- + r)}",
                               -(1 / vm + 1 / rr) * (x - mk) ** 2 / 2 - (y - mm) ** 2 / (2 * (vm + rr)))]))
    ch.append(chain("vK", [("v(K)", vK), (r"(1 - K)^2v^- + K^2r", (1 - K) ** 2 * vm + K ** 2 * rr)], DEF))
    ch.append(chain("dvK", [(r"\frac{dv}{dK}", sp.diff(vK, K)), (r"-2(1 - K)v^- + 2Kr", -2 * (1 - K) * vm + 2 * K * rr)]))
    ch.append(chain("Ks", [(r"K^\star", Ks), (r"\frac{v^-}{v^- + r}", vm / (vm + rr))]))
    ch.append(chain("vKs", [(r"v(K^\star)", vk), (r"\frac{v^-r}{v^- + r}", vm * rr / (vm + rr))]))
    ch.append(chain("exc", [(r"v(K) - v(K^\star)", vK - vk), (r"(v^- + r)(K - K^\star)^2", (vm + rr) * (K - Ks) ** 2)]))
    V = sp.Symbol("kc_V", positive=True)
    roots = [t_ for t_ in sp.solve(sp.Eq(V, (V + q) * rr / (V + q + rr)), V) if t_.subs({q: 1, rr: 1}) > 0]
    assert len(roots) == 1, roots
    Vs = roots[0]
    ch.append(chain("ric", [(r"v_\infty", Vs), (r"\frac{(v_\infty + q)\,r}{v_\infty + q + r}", (Vs + q) * rr / (Vs + q + rr))]))
    ch.append(chain("quad", [(r"v_\infty^2 + q\,v_\infty - qr", Vs ** 2 + q * Vs - q * rr), ("0", 0)]))
    ch.append(chain("root", [(r"v_\infty", Vs), (r"\frac{-q + \sqrt{q^2 + 4qr}}{2}", (-q + sqrt(q ** 2 + 4 * q * rr)) / 2),
                             (r"\frac{2qr}{q + \sqrt{q^2 + 4qr}}", 2 * q * rr / (q + sqrt(q ** 2 + 4 * q * rr)))]))
    Kinf = Ks.subs(vm, Vs + q)
    ch.append(chain("Kinf", [(r"K_\infty", Kinf), (r"\frac{v_\infty + q}{v_\infty + q + r}", (Vs + q) / (Vs + q + rr)), (r"\frac{v_\infty}{r}", Vs / rr)]))
    num = {q: 2, rr: 4}
    ch.append(chain("nV", [(r"v_\infty", Vs.subs(num)), (r"\frac{-2 + \sqrt{4 + 32}}{2}", (-2 + sqrt(36)) / 2), (r"\frac{-2 + 6}{2}", Q(4, 2)), ("2", 2)]))
    ch.append(chain("nK", [(r"K_\infty", Kinf.subs(num)), (r"\frac{2}{4}", Q(2, 4)), (r"\frac12", Q(1, 2))]))
    v1m = vpred.subs({f: 1, v0: 2, q: 2})
    K1 = Ks.subs({vm: v1m, rr: 4})
    ch.append(chain("s1", [("v_1^-", v1m), ("2 + 2", 4), ("4", 4)]))
    ch.append(chain("s2", [("K_1", K1), (r"\frac{4}{4 + 4}", Q(4, 8)), (r"\frac12", Q(1, 2))]))
    ch.append(chain("s3", [("m_1", mk.subs({mm: 1, y: 5, vm: v1m, rr: 4})), (r"1 + \tfrac12(5 - 1)", 1 + Q(1, 2) * 4), ("3", 3)]))
    v1 = vk.subs({vm: v1m, rr: 4})
    ch.append(chain("s4", [("v_1", v1), (r"\tfrac12\cdot 4", Q(1, 2) * 4), ("2", 2)]))
    ch.append(chain("s5", [(r"\frac{1}{v_1}", 1 / v1), (r"\frac14 + \frac14", Q(1, 4) + Q(1, 4)), (r"\frac12", Q(1, 2))]))
    d = Doc("kalman_cheatsheet.md", ch)
    return with_plant(d, r"v_\infty = \frac{-q + \sqrt{q^2 + 4qr}}{2} =", r"v_\infty = \frac{q + \sqrt{q^2 + 4qr}}{2} =", "root", 1,
                      (r"\frac{q + \sqrt{q^2 + 4qr}}{2}", lambda c: (q + sqrt(q ** 2 + 4 * q * rr)) / 2),
                      "sign: -q written +q in the positive root of v^2 + q v - q r = 0 (that is the steady prior variance, not the posterior)")


# ===========================================================================
# family 5: normalizing flows
def _phi(x):
    return exp(-sp.sympify(x) ** 2 / 2) / sqrt(2 * pi)


def _Phi(x):
    return (1 + sp.erf(sp.sympify(x) / sqrt(2))) / 2


def flows_problem_set():
    x = p("fp_x", 0.3, 2.0)
    aa, cc = p("fp_a", 0.5, 2.0), r("fp_c")
    zz = sp.Symbol("fp_zz", real=True)
    flows = [
        {"f": lambda t: exp(t), "finv": lambda t: log(t)},
        {"f": lambda t: aa * t + cc, "finv": lambda t: (t - cc) / aa},
        {"f": lambda t: sp.sinh(t), "finv": lambda t: sp.asinh(t)},
    ]

    def dens(c):
        return sp.diff(_Phi(c["finv"](x)), x)

    def fprime(c, at):
        return sp.diff(c["f"](zz), zz).subs(zz, at)
    ch = []
    ch.append(chain("cov", [
        ("p_X(x)", dens), (r"\frac{\dd}{\dd x}F_Z\bigl(f^{-1}(x)\bigr)", dens),
        (r"p_Z\bigl(f^{-1}(x)\bigr)\,\frac{\dd f^{-1}(x)}{\dd x}", lambda c: _phi(c["finv"](x)) * sp.diff(c["finv"](x), x)),
        (r"\frac{p_Z(z)}{f'(z)}", lambda c: _phi(c["finv"](x)) / fprime(c, c["finv"](x)))], ctxs=flows))
    ch.append(chain("covl", [(r"\log p_X(x)", lambda c: log(dens(c))),
                             (r"\log p_Z(z) - \log f'(z)", lambda c: log(_phi(c["finv"](x))) - log(fprime(c, c["finv"](x))))], ctxs=flows))
    mu, sg, xx = r("fp_mu"), p("fp_sg", 0.5, 2.0), r("fp_xx")
    paff = sp.diff(_Phi((xx - mu) / sg), xx)
    ch.append(chain("aff", [("p_X(x)", paff), (r"\frac{1}{\sigma}\,\varphi\Bigl(\frac{x - \mu}{\sigma}\Bigr)", _phi((xx - mu) / sg) / sg)]))
    ch.append(chain("affl", [(r"\log p_X(x)", log(paff)),
                             (r"-\frac12\log(2\pi) - \log\sigma - \frac{(x - \mu)^2}{2\sigma^2}", -log(2 * pi) / 2 - log(sg) - (xx - mu) ** 2 / (2 * sg ** 2))]))
    ch.append(chain("affn", [(r"\log p_X(3)", log(paff.subs({mu: 1, sg: 2, xx: 3}))),
                             (r"-\frac12\log(2\pi) - \log 2 - \frac{(3 - 1)^2}{8}", -log(2 * pi) / 2 - log(2) - Q(4, 8)),
                             (r"-\frac12\log(8\pi) - \frac12", -log(8 * pi) / 2 - Q(1, 2))]))
    z, u, w, b = r("fp_z"), r("fp_u"), r("fp_w"), r("fp_b")
    fpl = z + u * sp.tanh(w * z + b)
    ch.append(chain("pl", [("f'(z)", sp.diff(fpl, z)), (r"1 + uw\sech^2(wz + b)", 1 + u * w * sp.sech(w * z + b) ** 2),
                           (r"1 + uw\bigl(1 - \tanh^2(wz + b)\bigr)", 1 + u * w * (1 - sp.tanh(w * z + b) ** 2))]))
    Z = sp.Matrix(rvec("fp_Z", 2))
    U = sp.Matrix(rvec("fp_U", 2))
    W = sp.Matrix(rvec("fp_W", 2))
    arg = (W.T * Z)[0, 0] + b
    F2 = Z + U * sp.tanh(arg)
    hp = 1 - sp.tanh(arg) ** 2
    ch.append(chain("pl2", [(r"\det\frac{\partial f}{\partial z}", F2.jacobian(Z).det()),
                            (r"\det\bigl(I + h'(w^\top z + b)\,u w^\top\bigr)", (sp.eye(2) + hp * U * W.T).det()),
                            (r"1 + h'(w^\top z + b)\,u^\top w", 1 + hp * (U.T * W)[0, 0])]))
    ch.append(chain("th", [(r"\tanh(\log 2)", sp.tanh(log(2))), (r"\frac{4 - 1}{4 + 1}", Q(3, 5)), (r"\frac35", Q(3, 5))]))
    fpn = sp.diff(fpl, z).subs({u: 1, w: 1, b: 0}).subs(z, log(2))
    ch.append(chain("fpn", [(r"f'(\log 2)", fpn), (r"1 + \bigl(1 - \tfrac{9}{25}\bigr)", 1 + (1 - Q(9, 25))), (r"\frac{41}{25}", Q(41, 25))]))
    ch.append(chain("fpl", [(r"\log f'(\log 2)", log(fpn)), (r"\log 41 - 2\log 5", log(41) - 2 * log(5))]))
    # coupling: generic s, t (proved exactly) and a concrete pair (numerically)
    z1, z2, y1, y2 = r("fp_z1"), r("fp_z2"), r("fp_y1"), r("fp_y2")
    al, be, ga = r("fp_al"), r("fp_be"), r("fp_ga")
    cpl = [{"s": sp.Function("s", real=True), "t": sp.Function("t", real=True), "generic": True},
           {"s": lambda q: sp.tanh(al * q) + be * q, "t": lambda q: ga * q ** 2 + sp.sin(q)}]

    def y2f(c):
        return z2 * exp(c["s"](z1)) + c["t"](z1)

    def Jc(c):
        return sp.Matrix([z1, y2f(c)]).jacobian(sp.Matrix([z1, z2]))

    def ds(c, F, at):
        q = sp.Dummy("q", real=True)
        return sp.diff(F(q), q).subs(q, at)
    ch.append(chain("dy2", [(r"\frac{\partial y_2}{\partial z_1}", lambda c: sp.diff(y2f(c), z1)),
                            (r"\frac{\partial}{\partial z_1}\bigl(z_2e^{s(z_1)} + t(z_1)\bigr)", lambda c: sp.diff(z2 * exp(c["s"](z1)) + c["t"](z1), z1)),
                            (r"z_2\,s'(z_1)\,e^{s(z_1)} + t'(z_1)", lambda c: z2 * ds(c, c["s"], z1) * exp(c["s"](z1)) + ds(c, c["t"], z1))], ctxs=cpl))
    ch.append(chain("J", [("J", Jc), (r"\begin{pmatrix} 1 & 0\\ z_2\,s'(z_1)\,e^{s(z_1)} + t'(z_1) & e^{s(z_1)} \end{pmatrix}",
                                      lambda c: sp.Matrix([[1, 0], [z2 * ds(c, c["s"], z1) * exp(c["s"](z1)) + ds(c, c["t"], z1), exp(c["s"](z1))]]))], ctxs=cpl))
    ch.append(chain("detJ", [(r"\det J", lambda c: Jc(c).det()), (r"e^{s(z_1)}", lambda c: exp(c["s"](z1)))], ctxs=cpl))
    ch.append(chain("ldJ", [(r"\log|\det J|", lambda c: log(sp.Abs(Jc(c).det()))), ("s(z_1)", lambda c: c["s"](z1))], ctxs=cpl))
    zs_ = sp.Symbol("fp_zsol", real=True)

    def zinv(c):
        sol = sp.solve(y2 - (zs_ * exp(c["s"](y1)) + c["t"](y1)), zs_)
        assert len(sol) == 1
        return sol[0]
    ch.append(chain("inv", [("z_2", zinv), (r"\bigl(y_2 - t(y_1)\bigr)e^{-s(y_1)}", lambda c: (y2 - c["t"](y1)) * exp(-c["s"](y1)))], ctxs=cpl))

    def logpz(a1, a2):
        return -log(2 * pi) - a1 ** 2 / 2 - a2 ** 2 / 2

    def logpy(c):
        Jinv = sp.Matrix([y1, zinv(c)]).jacobian(sp.Matrix([y1, y2]))
        return logpz(y1, zinv(c)) + log(sp.Abs(Jinv.det()))
    ch.append(chain("lpy", [(r"\log p_Y(y)", logpy), (r"\log p_Z(z) - s(z_1)", lambda c: logpz(y1, zinv(c)) - c["s"](y1))], ctxs=cpl))

    def Dsum(c):
        D = c["D"]
        zv = rvec("fp_v", D)
        al_ = rvec("fp_al", D)
        be_ = rvec("fp_be", D)
        ys = [zv[0]] + [zv[i] * exp(al_[i] * zv[0] + sp.sin(zv[0])) + be_[i] * zv[0] ** 2 for i in range(1, D)]
        det = sp.Matrix(ys).jacobian(sp.Matrix(zv)).det()
        return log(sp.Abs(det)), sum(al_[i] * zv[0] + sp.sin(zv[0]) for i in range(1, D))
    ch.append(chain("Dsum", [(r"\log|\det J|", lambda c: Dsum(c)[0]), (r"\sum_{i=d+1}^{D} s_i(z_{1:d})", lambda c: Dsum(c)[1])],
                    ctxs=[{"D": D, "d": 1} for D in (2, 3, 4)]))
    xs = r("fp_xs")
    yv = p("fp_yv", 0.05, 0.95)
    ch.append(chain("dyx", [(r"\frac{\dd y}{\dd x}", sp.diff(sig(xs), xs)), (r"\sigma(x)\bigl(1 - \sigma(x)\bigr)", sig(xs) * (1 - sig(xs))),
                            (r"y(1 - y)", sig(xs) * (1 - sig(xs)))]))
    xsol = sp.Symbol("fp_xsol", real=True)
    lg = sp.solve(sig(xsol) - yv, xsol)
    assert len(lg) == 1
    lg = lg[0]
    ch.append(chain("logit", [(r"\logit(y)", lg), (r"\log\frac{y}{1 - y}", log(yv / (1 - yv)))]))
    ch.append(chain("dlogit", [(r"\frac{\dd}{\dd y}\logit(y)", sp.diff(lg, yv)), (r"\frac1y + \frac{1}{1 - y}", 1 / yv + 1 / (1 - yv)),
                               (r"\frac{1}{y(1 - y)}", 1 / (yv * (1 - yv)))]))
    pY = sp.diff(_Phi(lg), yv)
    ch.append(chain("pY", [("p_Y(y)", pY), (r"\frac{\varphi(\logit y)}{y(1 - y)}", _phi(log(yv / (1 - yv))) / (yv * (1 - yv)))]))
    tt = sp.Symbol("fp_t", positive=True)
    ch.append(chain("norm", [(r"\int_0^1 p_Y(y)\,\dd y", sp.Integral(pY.subs(yv, tt), (tt, 0, 1))), ("1", 1)]))
    ch.append(chain("lpY", [(r"\log p_Y(y)", log(pY)), (r"\log\varphi(\logit y) - \log y - \log(1 - y)", log(_phi(log(yv / (1 - yv)))) - log(yv) - log(1 - yv))]))
    ch.append(chain("pY12", [(r"p_Y\bigl(\tfrac12\bigr)", pY.subs(yv, Q(1, 2))), (r"\frac{\varphi(0)}{1/4}", _phi(0) / Q(1, 4)),
                             (r"\frac{4}{\sqrt{2\pi}}", 4 / sqrt(2 * pi))]))
    ch.append(chain("pY34", [(r"p_Y\bigl(\tfrac34\bigr)", pY.subs(yv, Q(3, 4))), (r"\frac{16}{3}\,\varphi(\log 3)", Q(16, 3) * _phi(log(3)))]))
    d = Doc("flows_problem_set.tex", ch)
    return with_plant(d, r"= \frac{\partial}{\partial z_1}\bigl(z_2e^{s(z_1)} + t(z_1)\bigr) =", r"= \frac{\partial}{\partial z_1}\bigl(z_2e^{s(z_1)}\bigr) =",
                      "dy2", 1, (r"\frac{\partial}{\partial z_1}\bigl(z_2e^{s(z_1)}\bigr)", lambda c: sp.diff(z2 * exp(c["s"](z1)), z1)),
                      "dropped term: the shift t(z_1) left out of y_2 inside the derivative d/dz_1 (so t'(z_1) has no source)")


def flows_study_notes():
    x = p("fs_x", 0.3, 2.0)
    A, c0 = p("fs_A", 0.5, 2.0), r("fs_c")
    maps = [{"g": lambda t: log(t)}, {"g": lambda t: sp.asinh(t)}, {"g": lambda t: A * t + c0}]
    q = sp.Symbol("fs_q", real=True)

    def gp(c, at):
        return sp.diff(c["g"](q), q).subs(q, at)

    def dens(c):
        return sp.diff(_Phi(c["g"](x)), x)
    ch = []
    ch.append(chain("cov", [("p_X(x)", dens), (r"p_U\big(g(x)\big)\,\big|g'(x)\big|", lambda c: _phi(c["g"](x)) * sp.Abs(gp(c, x)))], ctxs=maps))
    ch.append(chain("covl", [(r"\ln p_X(x)", lambda c: log(dens(c))),
                             (r"\ln p_U\big(g(x)\big) + \ln\big|g'(x)\big|", lambda c: log(_phi(c["g"](x))) + log(sp.Abs(gp(c, x))))], ctxs=maps))

    def stack(c):
        K = c["K"]
        a_ = pvec("fs_a", K, 0.5, 2.0)
        b_ = rvec("fs_b", K)
        gs = [(lambda t, i=i: a_[i] * t + b_[i] + sp.sin(t) / 4) for i in range(K)]
        h = [x]
        for i in range(K):
            h.append(gs[i](h[-1]))
        lhs = log(sp.diff(_Phi(h[-1]), x))
        rhs = log(_phi(h[-1])) + sum(log(sp.Abs(sp.diff(gs[i](q), q).subs(q, h[i]))) for i in range(K))
        return lhs, rhs
    ch.append(chain("stack", [(r"\ln p_X(x)", lambda c: stack(c)[0]),
                              (r"\ln p_U(u) + \sum_{k=1}^{K}\ln\big|g_k'(h_{k-1})\big|", lambda c: stack(c)[1])], ctxs=[{"K": K} for K in (1, 2, 3)]))
    xx = r("fs_xx")
    sg = [{"s": 1}, {"s": -1}]

    def aff(c):
        a = c["s"] * A
        # density of x = a u + c0: P(X <= x) = Phi((x - c0)/a) for a > 0 and 1 - Phi(...) for a < 0
        F = _Phi((xx - c0) / a) if c["s"] > 0 else 1 - _Phi((xx - c0) / a)
        return log(sp.diff(F, xx)), a
    ch.append(chain("aff", [(r"\ln p_X(x)", lambda c: aff(c)[0]),
                            (r"\ln\varphi\Big(\frac{x - c}{a}\Big) - \ln|a|", lambda c: log(_phi((xx - c0) / aff(c)[1])) - log(sp.Abs(aff(c)[1]))),
                            (r"-\frac12\ln(2\pi) - \frac{(x - c)^2}{2a^2} - \ln|a|",
                             lambda c: -log(2 * pi) / 2 - (xx - c0) ** 2 / (2 * aff(c)[1] ** 2) - log(sp.Abs(aff(c)[1])))], ctxs=sg))
    lp4 = log(sp.diff(_Phi((xx - 1) / 3), xx)).subs(xx, 4)
    ch.append(chain("affn", [(r"\ln p_X(4)", lp4), (r"\ln\varphi(1) - \ln 3", log(_phi(1)) - log(3)),
                             (r"-\frac12\ln(2\pi) - \frac12 - \ln 3", -log(2 * pi) / 2 - Q(1, 2) - log(3))]))
    xs = r("fs_xs")
    ch.append(chain("dy", [(r"\frac{dy}{dx}", sp.diff(sig(xs), xs)), (r"\sigma(x)\big(1 - \sigma(x)\big)", sig(xs) * (1 - sig(xs)))]))
    ch.append(chain("ldy", [(r"\ln\frac{dy}{dx}", log(sp.diff(sig(xs), xs))), (r"\ln\sigma(x) + \ln\big(1 - \sigma(x)\big)", log(sig(xs)) + log(1 - sig(xs))),
                            (r"-\ln\big(1 + e^{-x}\big) - \ln\big(1 + e^{x}\big)", -log(1 + exp(-xs)) - log(1 + exp(xs)))]))
    yv = p("fs_y", 0.05, 0.95)
    xsol = sp.Symbol("fs_xsol", real=True)
    inv = sp.solve(sig(xsol) - yv, xsol)
    assert len(inv) == 1
    inv = inv[0]
    ch.append(chain("inv", [("x", inv), (r"\sigma^{-1}(y)", inv), (r"\ln y - \ln(1 - y)", log(yv) - log(1 - yv))]))
    ch.append(chain("dxdy", [(r"\frac{dx}{dy}", sp.diff(inv, yv)), (r"\frac{1}{y} + \frac{1}{1 - y}", 1 / yv + 1 / (1 - yv)),
                             (r"\frac{1}{y(1 - y)}", 1 / (yv * (1 - yv)))]))
    pY = sp.diff(_Phi(inv), yv)
    ch.append(chain("pY", [(r"p_Y\big(\tfrac14\big)", pY.subs(yv, Q(1, 4))), (r"\frac{\varphi(-\ln 3)}{\frac14\cdot\frac34}", _phi(-log(3)) / (Q(1, 4) * Q(3, 4))),
                           (r"\frac{16}{3}\,\varphi(\ln 3)", Q(16, 3) * _phi(log(3)))]))

    def coup(c):
        D, d = c["D"], c["d"]
        zv = rvec("fs_v", D)
        al = rvec("fs_al", D)
        be = rvec("fs_be", D)
        sj = [sum(al[i] * zv[i2] ** (i2 + 1) for i2 in range(d)) + sp.sin(zv[0] + i) for i in range(D - d)]
        tj = [be[i] * zv[0] * zv[d - 1] for i in range(D - d)]
        ys = zv[:d] + [zv[d + i] * exp(sj[i]) + tj[i] for i in range(D - d)]
        det = sp.Matrix(ys).jacobian(sp.Matrix(zv)).det()
        return log(sp.Abs(det)), sum(sj)
    ch.append(chain("coup", [(r"\ln\Big|\det\frac{\partial y}{\partial z}\Big|", lambda c: coup(c)[0]),
                             (r"\sum_{j=1}^{D-d} s_j(z_{1:d})", lambda c: coup(c)[1])],
                    ctxs=[{"D": D, "d": d} for D in (2, 3, 4) for d in range(1, D)]))
    z1, z2, y1, y2 = r("fs_z1"), r("fs_z2"), r("fs_y1"), r("fs_y2")
    Jt = sp.Matrix([z1, z2 * exp(z1) + 1]).jacobian(sp.Matrix([z1, z2]))
    ch.append(chain("Jt", [(r"\frac{\partial(y_1, y_2)}{\partial(z_1, z_2)}", Jt),
                           (r"\begin{pmatrix} 1 & 0\\ z_2e^{z_1} & e^{z_1} \end{pmatrix}", sp.Matrix([[1, 0], [z2 * exp(z1), exp(z1)]]))]))
    ch.append(chain("dJt", [(r"\det\frac{\partial(y_1, y_2)}{\partial(z_1, z_2)}", Jt.det()), (r"e^{z_1}", exp(z1))]))
    a1, a2 = sp.symbols("fs_s1 fs_s2", real=True)
    sol = sp.solve([y1 - a1, y2 - (a2 * exp(a1) + 1)], [a1, a2], dict=True)
    assert len(sol) == 1
    sol = sol[0]
    ch.append(chain("inv1", [("z_1", sol[a1]), ("y_1", y1)]))
    ch.append(chain("inv2", [("z_2", sol[a2]), (r"(y_2 - 1)\,e^{-y_1}", (y2 - 1) * exp(-y1))]))
    pt = {y1: log(2), y2: 3}
    ch.append(chain("z2n", [("z_2", sol[a2].subs(pt)), (r"(3 - 1)\,e^{-\ln 2}", 2 * exp(-log(2))), ("1", 1)]))
    zinv = sp.Matrix([sol[a1], sol[a2]])
    Jinv = zinv.jacobian(sp.Matrix([y1, y2]))
    lpy = (log(_phi(zinv[0]) * _phi(zinv[1])) + log(sp.Abs(Jinv.det()))).subs(pt)
    ch.append(chain("lpy", [(r"\ln p_Y(y)", lpy), (r"\ln p_Z(\ln 2, 1) - \ln 2", log(_phi(log(2)) * _phi(1)) - log(2)),
                            (r"-\ln(2\pi) - \frac{(\ln 2)^2}{2} - \frac12 - \ln 2", -log(2 * pi) - log(2) ** 2 / 2 - Q(1, 2) - log(2))]))
    z, u, w, b = r("fs_z"), r("fs_u"), r("fs_w"), r("fs_b")
    fz = z + u * sp.tanh(w * z + b)
    ch.append(chain("pl", [("f'(z)", sp.diff(fz, z)), (r"1 + u\,\frac{d}{dz}\tanh(wz + b)", 1 + u * sp.diff(sp.tanh(w * z + b), z)),
                           (r"1 + uw\,\operatorname{sech}^2(wz + b)", 1 + u * w * sp.sech(w * z + b) ** 2),
                           (r"1 + uw - uw\tanh^2(wz + b)", 1 + u * w - u * w * sp.tanh(w * z + b) ** 2)]))
    ch.append(chain("pld", [(r"\ln|\det J_f|", log(sp.Abs(sp.diff(fz, z)))), (r"\ln\big|1 + uw\,\operatorname{sech}^2(wz + b)\big|",
                                                                            log(sp.Abs(1 + u * w * sp.sech(w * z + b) ** 2)))]))

    def pld(c):
        dd = c["d"]
        Z = sp.Matrix(rvec("fs_Z", dd))
        U = sp.Matrix(rvec("fs_U", dd))
        W = sp.Matrix(rvec("fs_W", dd))
        arg = (W.T * Z)[0, 0] + b
        F = Z + U * sp.tanh(arg)
        psi = (1 - sp.tanh(arg) ** 2) * W
        return F.jacobian(Z).det(), (sp.eye(dd) + U * psi.T).det(), 1 + (U.T * psi)[0, 0]
    ch.append(chain("lemma", [(r"\det\big(I + u\,\psi(z)^\top\big)", lambda c: pld(c)[0]), (r"1 + u^\top\psi(z)", lambda c: pld(c)[2])],
                    ctxs=[{"d": 2}, {"d": 3}]))
    num = {u: 2, w: 1, b: 0}
    ch.append(chain("th", [(r"\tanh(\ln 3)", sp.tanh(log(3))), (r"\frac{9 - 1}{9 + 1}", Q(8, 10)), (r"\frac45", Q(4, 5))]))
    ch.append(chain("fpn", [(r"f'(\ln 3)", sp.diff(fz, z).subs(num).subs(z, log(3))), (r"1 + 2\Big(1 - \frac{16}{25}\Big)", 1 + 2 * (1 - Q(16, 25))),
                            (r"\frac{43}{25}", Q(43, 25))]))
    ch.append(chain("fn", [(r"f(\ln 3)", fz.subs(num).subs(z, log(3))), (r"\ln 3 + 2\cdot\frac45", log(3) + 2 * Q(4, 5)), (r"\ln 3 + \frac85", log(3) + Q(8, 5))]))
    d = Doc("flows_study_notes.md", ch)
    return with_plant(d, r"= 1 + uw\,\operatorname{sech}^2(wz + b) = 1 + uw - uw", r"= 1 + uw\,\operatorname{sech}(wz + b) = 1 + uw - uw",
                      "pl", 2, (r"1 + uw\,\operatorname{sech}(wz + b)", lambda c: 1 + u * w * sp.sech(w * z + b)),
                      "wrong exponent: sech^2 written sech (power 1) in the planar-flow derivative")


# ===========================================================================
# family 6: Beta-Bernoulli and Dirichlet-categorical
def _B(a, b):
    return sp.gamma(a) * sp.gamma(b) / sp.gamma(a + b)


def beta_bernoulli_course_page():
    a, b = p("bb_a", 1.1, 3.0), p("bb_b", 1.1, 3.0)
    th = p("bb_th", 0.05, 0.95)
    t = sp.Symbol("bb_t", positive=True)
    ch = []
    # the quick example (a = b = 2, n = 5, k = 3)
    ex = {"a": 2, "b": 2, "n": 5, "k": 3}

    def post(c, at, A=None, Bb=None):
        A = a if A is None else A
        Bb = b if Bb is None else Bb
        n, k = c["n"], c["k"]
        num = at ** k * (1 - at) ** (n - k) * at ** (A - 1) * (1 - at) ** (Bb - 1) / _B(A, Bb)
        Z = sp.Integral((t ** k * (1 - t) ** (n - k) * t ** (A - 1) * (1 - t) ** (Bb - 1) / _B(A, Bb)), (t, 0, 1))
        return num / Z

    def mean_exact(A, Bb, n, k):
        return _B(A + k + 1, Bb + n - k) / _B(A + k, Bb + n - k)
    ch.append(chain("qm", [(r"\mathbb{E}[\theta \mid x]", mean_exact(2, 2, 5, 3)), (r"\frac{2 + 3}{2 + 2 + 5}", Q(5, 9)), (r"\frac59", Q(5, 9))]))
    thv = sp.Symbol("bb_thv", positive=True)
    logpost_ex = sp.expand_log(log(thv ** (2 + 3 - 1) * (1 - thv) ** (2 + 5 - 3 - 1)), force=True)
    mapex = sp.solve(sp.diff(logpost_ex, thv), thv)
    assert len(mapex) == 1
    ch.append(chain("qmap", [(r"\hat\theta_{\mathrm{MAP}}", mapex[0]), (r"\frac{2 + 3 - 1}{2 + 2 + 5 - 2}", Q(4, 7)), (r"\frac47", Q(4, 7))]))
    evex = sp.Integral(t ** 3 * (1 - t) ** 2 * t * (1 - t) / _B(2, 2), (t, 0, 1))
    ch.append(chain("qev", [(r"p(x_{1:5})", evex), (r"\frac{B(5, 4)}{B(2, 2)}", _B(5, 4) / _B(2, 2)), (r"\frac{1/280}{1/6}", Q(1, 280) / Q(1, 6)),
                            (r"\frac{3}{140}", Q(3, 140))]))
    pats = [{"xs": pat, "n": len(pat), "k": sum(pat)} for n in (1, 2, 3) for pat in __import__("itertools").product([0, 1], repeat=n)]
    ch.append(chain("lik", [(r"p(x_{1:n} \mid \theta)", lambda c: sp.Mul(*[th ** xi * (1 - th) ** (1 - xi) for xi in c["xs"]])),
                            (r"\prod_{i=1}^{n}\theta^{x_i}(1 - \theta)^{1 - x_i}", lambda c: sp.Mul(*[th ** xi * (1 - th) ** (1 - xi) for xi in c["xs"]])),
                            (r"\theta^{k}(1 - \theta)^{n - k}", lambda c: th ** c["k"] * (1 - th) ** (c["n"] - c["k"]))], [DEF, "id"], ctxs=pats))
    nk = [{"n": n, "k": k} for n in (1, 2, 3, 4) for k in range(0, n + 1)]
    ch.append(chain("post", [(r"p(\theta \mid x_{1:n})", lambda c: post(c, th)),
                             (r"\frac{\theta^{a + k - 1}(1 - \theta)^{b + n - k - 1}}{B(a + k, b + n - k)}",
                              lambda c: th ** (a + c["k"] - 1) * (1 - th) ** (b + c["n"] - c["k"] - 1) / _B(a + c["k"], b + c["n"] - c["k"]))], ctxs=nk))

    def ev(c):
        n, k = c["n"], c["k"]
        return sp.Integral(t ** k * (1 - t) ** (n - k) * t ** (a - 1) * (1 - t) ** (b - 1) / _B(a, b), (t, 0, 1))
    ch.append(chain("ev", [(r"p(x_{1:n})", ev),
                           (r"\int_0^1 \theta^{k}(1 - \theta)^{n - k}\,\frac{\theta^{a - 1}(1 - \theta)^{b - 1}}{B(a, b)}\,d\theta", ev),
                           (r"\frac{B(a + k, b + n - k)}{B(a, b)}", lambda c: _B(a + c["k"], b + c["n"] - c["k"]) / _B(a, b))], [DEF, "id"], ctxs=nk))
    ch.append(chain("B54", [("B(5, 4)", _B(5, 4)), (r"\frac{\Gamma(5)\Gamma(4)}{\Gamma(9)}", sp.gamma(5) * sp.gamma(4) / sp.gamma(9)),
                            (r"\frac{24\cdot 6}{40320}", Q(24 * 6, 40320)), (r"\frac{1}{280}", Q(1, 280))]))
    lg = sp.loggamma
    ch.append(chain("lev", [(r"\ln p(x_{1:n})", lambda c: log(ev(c))),
                            (r"\ln\Gamma(a + k) + \ln\Gamma(b + n - k) - \ln\Gamma(a + b + n) - \ln\Gamma(a) - \ln\Gamma(b) + \ln\Gamma(a + b)",
                             lambda c: lg(a + c["k"]) + lg(b + c["n"] - c["k"]) - lg(a + b + c["n"]) - lg(a) - lg(b) + lg(a + b))], ctxs=nk))
    psi = lambda z: sp.polygamma(0, z)  # noqa: E731
    ch.append(chain("da", [(r"\frac{\partial}{\partial a}\ln p(x_{1:n})", lambda c: sp.diff(log(ev(c)), a)),
                           (r"\psi(a + k) - \psi(a + b + n) - \psi(a) + \psi(a + b)", lambda c: psi(a + c["k"]) - psi(a + b + c["n"]) - psi(a) + psi(a + b)),
                           (r"\sum_{j=0}^{k-1}\frac{1}{a + j} - \sum_{j=0}^{n-1}\frac{1}{a + b + j}",
                            lambda c: sp.Add(*[1 / (a + j) for j in range(c["k"])]) - sp.Add(*[1 / (a + b + j) for j in range(c["n"])]))], ctxs=nk))
    ch.append(chain("db", [(r"\frac{\partial}{\partial b}\ln p(x_{1:n})", lambda c: sp.diff(log(ev(c)), b)),
                           (r"\psi(b + n - k) - \psi(a + b + n) - \psi(b) + \psi(a + b)", lambda c: psi(b + c["n"] - c["k"]) - psi(a + b + c["n"]) - psi(b) + psi(a + b)),
                           (r"\sum_{j=0}^{n-k-1}\frac{1}{b + j} - \sum_{j=0}^{n-1}\frac{1}{a + b + j}",
                            lambda c: sp.Add(*[1 / (b + j) for j in range(c["n"] - c["k"])]) - sp.Add(*[1 / (a + b + j) for j in range(c["n"])]))], ctxs=nk))
    exact_lev = lambda A, Bb, n, k: lg(A + k) + lg(Bb + n - k) - lg(A + Bb + n) - lg(A) - lg(Bb) + lg(A + Bb)  # noqa: E731
    dan = sp.diff(exact_lev(a, b, 5, 3), a).subs({a: 2, b: 2})
    ch.append(chain("dan", [(r"\frac{\partial}{\partial a}\ln p(x_{1:5})", dan),
                            (r"\frac12 + \frac13 + \frac14 - \Big(\frac14 + \frac15 + \frac16 + \frac17 + \frac18\Big)",
                             Q(1, 2) + Q(1, 3) + Q(1, 4) - (Q(1, 4) + Q(1, 5) + Q(1, 6) + Q(1, 7) + Q(1, 8))), (r"\frac{167}{840}", Q(167, 840))]))
    ch.append(chain("mean", [(r"\mathbb{E}[\theta \mid x_{1:n}]", lambda c: sp.Integral(t * post(c, t), (t, 0, 1))),
                             (r"\frac{a + k}{a + b + n}", lambda c: (a + c["k"]) / (a + b + c["n"])),
                             (r"\frac{a + b}{a + b + n}\cdot\frac{a}{a + b} + \frac{n}{a + b + n}\cdot\frac{k}{n}",
                              lambda c: (a + b) / (a + b + c["n"]) * a / (a + b) + sp.Integer(c["n"]) / (a + b + c["n"]) * sp.Rational(c["k"], c["n"]))], ctxs=nk))

    def var(c):
        m = mean_exact(a, b, c["n"], c["k"])
        return sp.Integral((t - m) ** 2 * post(c, t), (t, 0, 1))
    ch.append(chain("var", [(r"\operatorname{Var}(\theta \mid x_{1:n})", var),
                            (r"\frac{(a + k)(b + n - k)}{(a + b + n)^2(a + b + n + 1)}",
                             lambda c: (a + c["k"]) * (b + c["n"] - c["k"]) / ((a + b + c["n"]) ** 2 * (a + b + c["n"] + 1)))], ctxs=nk))

    def logpost(c, at):
        n, k = c["n"], c["k"]
        return (k * log(at) + (n - k) * log(1 - at) + (a - 1) * log(at) + (b - 1) * log(1 - at) - log(_B(a, b))
                - log(_B(a + k, b + n - k)) + log(_B(a, b)))
    ch.append(chain("dlp", [(r"\frac{d}{d\theta}\ln p(\theta \mid x_{1:n})", lambda c: sp.diff(logpost(c, th), th)),
                            (r"\frac{a + k - 1}{\theta} - \frac{b + n - k - 1}{1 - \theta}", lambda c: (a + c["k"] - 1) / th - (b + c["n"] - c["k"] - 1) / (1 - th))],
                    ctxs=nk))

    def mode(c):
        sol = sp.solve(sp.diff(logpost(c, thv), thv), thv)
        assert len(sol) == 1, sol
        return sol[0]
    ch.append(chain("map", [(r"\hat\theta_{\mathrm{MAP}}", mode), (r"\frac{a + k - 1}{a + b + n - 2}", lambda c: (a + c["k"] - 1) / (a + b + c["n"] - 2))], ctxs=nk))
    ch.append(chain("pred", [(r"\Pr(\text{next flip is } 1 \mid x_{1:n})", lambda c: _B(a + c["k"] + 1, b + c["n"] - c["k"]) / _B(a + c["k"], b + c["n"] - c["k"])),
                             (r"\int_0^1 \theta\,p(\theta \mid x_{1:n})\,d\theta", lambda c: sp.Integral(t * post(c, t), (t, 0, 1))),
                             (r"\frac{a + k}{a + b + n}", lambda c: (a + c["k"]) / (a + b + c["n"]))], ctxs=nk))
    ch.append(chain("d2", [(r"\frac{d^2}{d\theta^2}\ln p(\theta \mid x_{1:n})", lambda c: sp.diff(logpost(c, th), th, 2)),
                           (r"-\frac{a + k - 1}{\theta^2} - \frac{b + n - k - 1}{(1 - \theta)^2}",
                            lambda c: -(a + c["k"] - 1) / th ** 2 - (b + c["n"] - c["k"] - 1) / (1 - th) ** 2)], ctxs=nk))
    ch.append(chain("curv", [(r"-\frac{d^2}{d\theta^2}\ln p(\theta \mid x_{1:n})\Big|_{\theta = \hat\theta_{\mathrm{MAP}}}",
                              lambda c: -sp.diff(logpost(c, thv), thv, 2).subs(thv, mode(c))),
                             (r"\frac{(a + b + n - 2)^3}{(a + k - 1)(b + n - k - 1)}",
                              lambda c: (a + b + c["n"] - 2) ** 3 / ((a + c["k"] - 1) * (b + c["n"] - c["k"] - 1)))], ctxs=nk))
    cex = {"n": 5, "k": 3}
    curv_ex = -sp.diff(logpost(cex, thv), thv, 2).subs({a: 2, b: 2}).subs(thv, Q(4, 7))
    ch.append(chain("curvn", [(r"-\frac{d^2}{d\theta^2}\ln p\Big|_{4/7}", curv_ex), (r"\frac{4}{(4/7)^2} + \frac{3}{(3/7)^2}", 4 / Q(4, 7) ** 2 + 3 / Q(3, 7) ** 2),
                              (r"\frac{49}{4} + \frac{49}{3}", Q(49, 4) + Q(49, 3)), (r"\frac{343}{12}", Q(343, 12))]))
    m_ex = mean_exact(2, 2, 5, 3)
    var_ex = sp.Integral((t - m_ex) ** 2 * t ** 4 * (1 - t) ** 3 / _B(5, 4), (t, 0, 1))
    ch.append(chain("varn", [(r"\operatorname{Var}(\theta \mid x_{1:5})", var_ex), (r"\frac{5\cdot 4}{81\cdot 10}", Q(20, 810)), (r"\frac{2}{81}", Q(2, 81))]))
    d = Doc("beta_bernoulli_course_page.md", ch)
    return with_plant(d, r"= \frac{1/280}{1/6} =", r"= \frac{1/280}{1/5} =", "qev", 2,
                      (r"\frac{1/280}{1/5}", lambda c: Q(1, 280) / Q(1, 5)),
                      "arithmetic slip: B(2, 2) = Gamma(2)Gamma(2)/Gamma(4) = 1/6 evaluated as 1/5 in the quick example's evidence")


def dirichlet_handout():
    import itertools

    def al(K):
        return pvec("dh_al", K, 1.1, 3.0)

    def thv(K):
        return pvec("dh_th", K, 0.1, 0.9)

    def MB(v):
        return sp.Mul(*[sp.gamma(x_) for x_ in v]) / sp.gamma(sp.Add(*v))

    def polya(alpha, n):
        a0 = sp.Add(*alpha)
        N = sum(n)
        num = sp.Mul(*[alpha[k] + m for k in range(len(n)) for m in range(n[k])])
        den = sp.Mul(*[a0 + m for m in range(N)])
        return num / den
    seqs = [{"K": K, "xs": xs} for K in (2, 3) for N in (1, 2, 3) for xs in itertools.product(range(1, K + 1), repeat=N)]
    counts = [{"K": K, "n": n} for K in (2, 3) for n in itertools.product((0, 1, 2), repeat=K)]
    countsk = [dict(c, k=k) for c in counts for k in range(1, c["K"] + 1)]
    ch = []
    ch.append(chain("lik", [(r"p(\D \mid \theta)", lambda c: sp.Mul(*[thv(c["K"])[x_ - 1] for x_ in c["xs"]])),
                            (r"\prod_{i=1}^{N}\theta_{x_i}", lambda c: sp.Mul(*[thv(c["K"])[x_ - 1] for x_ in c["xs"]])),
                            (r"\prod_{k=1}^{K}\theta_k^{n_k}", lambda c: sp.Mul(*[thv(c["K"])[k - 1] ** c["xs"].count(k) for k in range(1, c["K"] + 1)]))],
                    [DEF, "id"], ctxs=seqs))
    cK = [{"K": K} for K in (2, 3, 4)]

    def dirpdf(K):
        return sp.Mul(*[thv(K)[k] ** (al(K)[k] - 1) for k in range(K)]) / MB(al(K))
    ch.append(chain("dir", [(r"\Dir(\theta \mid \alpha)", lambda c: dirpdf(c["K"])),
                            (r"\frac{1}{B(\alpha)}\prod_{k=1}^{K}\theta_k^{\alpha_k - 1}", lambda c: dirpdf(c["K"]))], DEF, ctxs=cK))
    ch.append(chain("B", [(r"B(\alpha)", lambda c: MB(al(c["K"]))),
                          (r"\frac{\prod_{k=1}^{K}\Gamma(\alpha_k)}{\Gamma(\alpha_0)}", lambda c: sp.Mul(*[sp.gamma(x_) for x_ in al(c["K"])]) / sp.gamma(sp.Add(*al(c["K"]))))],
                    DEF, ctxs=cK))
    t = sp.Symbol("dh_t", positive=True)
    a2 = al(2)
    ch.append(chain("norm", [(r"\int_0^1 \frac{t^{\alpha_1 - 1}(1 - t)^{\alpha_2 - 1}}{B(\alpha_1, \alpha_2)}\,dt",
                              sp.Integral(t ** (a2[0] - 1) * (1 - t) ** (a2[1] - 1) / MB(a2), (t, 0, 1))), ("1", 1)]))
    ch.append(chain("post", [(r"\prod_{k=1}^{K}\theta_k^{n_k}\prod_{k=1}^{K}\theta_k^{\alpha_k - 1}",
                              lambda c: sp.Mul(*[thv(c["K"])[k] ** c["n"][k] for k in range(c["K"])]) * sp.Mul(*[thv(c["K"])[k] ** (al(c["K"])[k] - 1) for k in range(c["K"])])),
                             (r"\prod_{k=1}^{K}\theta_k^{\alpha_k + n_k - 1}", lambda c: sp.Mul(*[thv(c["K"])[k] ** (al(c["K"])[k] + c["n"][k] - 1) for k in range(c["K"])]))],
                    ctxs=counts))

    def atil(c):
        return [al(c["K"])[k] + c["n"][k] for k in range(c["K"])]

    def ek(c, extra=1):
        v = list(atil(c))
        v[c["k"] - 1] += extra
        return v
    ch.append(chain("mean", [(r"\mathbb{E}[\theta_k \mid \D]", lambda c: MB(ek(c)) / MB(atil(c))),
                             (r"\frac{\alpha_k + n_k}{\alpha_0 + N}", lambda c: (al(c["K"])[c["k"] - 1] + c["n"][c["k"] - 1]) / (sp.Add(*al(c["K"])) + sum(c["n"])))],
                    ctxs=countsk))

    def var(c):
        m1 = MB(ek(c)) / MB(atil(c))
        m2 = MB(ek(c, 2)) / MB(atil(c))
        return m2 - m1 ** 2
    ch.append(chain("var", [(r"\Var(\theta_k \mid \D)", var),
                            (r"\frac{\tilde\alpha_k(\tilde\alpha_0 - \tilde\alpha_k)}{\tilde\alpha_0^2(\tilde\alpha_0 + 1)}",
                             lambda c: atil(c)[c["k"] - 1] * (sp.Add(*atil(c)) - atil(c)[c["k"] - 1]) / (sp.Add(*atil(c)) ** 2 * (sp.Add(*atil(c)) + 1)))],
                    ctxs=countsk))

    def evid(c, extra_k=None):
        n = list(c["n"])
        if extra_k is not None:
            n[extra_k - 1] += 1
        return MB([al(c["K"])[k] + n[k] for k in range(c["K"])]) / MB(al(c["K"]))
    ch.append(chain("pred", [(r"p(k \mid \D)", lambda c: evid(c, c["k"]) / evid(c)), (r"\frac{p(\D, k)}{p(\D)}", lambda c: evid(c, c["k"]) / evid(c)),
                             (r"\frac{\alpha_k + n_k}{\alpha_0 + N}", lambda c: (al(c["K"])[c["k"] - 1] + c["n"][c["k"] - 1]) / (sp.Add(*al(c["K"])) + sum(c["n"])))],
                    ctxs=countsk))
    lam = r("dh_lam", 0.5, 5.0)

    def Lag(c):
        K = c["K"]
        return (sum((al(K)[k] + c["n"][k] - 1) * log(thv(K)[k]) for k in range(K)) + lam * (1 - sum(thv(K))))
    ch.append(chain("lag", [(r"\mathcal{L}(\theta, \lambda)", Lag),
                            (r"\sum_{k=1}^{K}(\alpha_k + n_k - 1)\log\theta_k + \lambda\Bigl(1 - \sum_{k=1}^{K}\theta_k\Bigr)", Lag)], DEF, ctxs=counts))
    ch.append(chain("dlag", [(r"\frac{\partial\mathcal{L}}{\partial\theta_k}", lambda c: sp.diff(Lag(c), thv(c["K"])[c["k"] - 1])),
                             (r"\frac{\alpha_k + n_k - 1}{\theta_k} - \lambda", lambda c: (al(c["K"])[c["k"] - 1] + c["n"][c["k"] - 1] - 1) / thv(c["K"])[c["k"] - 1] - lam)],
                    ctxs=countsk))
    _cache = {}

    def solve_map(c):
        key = (c["K"], tuple(c["n"]))
        if key not in _cache:
            K = c["K"]
            eqs = [sp.diff(Lag(c), thv(K)[k]) for k in range(K)] + [sp.diff(Lag(c), lam)]
            sol = sp.solve(eqs, thv(K) + [lam], dict=True)
            assert len(sol) == 1, sol
            _cache[key] = sol[0]
        return _cache[key]
    ch.append(chain("lam", [(r"\lambda", lambda c: solve_map(c)[lam]),
                            (r"\sum_{k=1}^{K}(\alpha_k + n_k - 1)", lambda c: sum(al(c["K"])[k] + c["n"][k] - 1 for k in range(c["K"]))),
                            (r"\alpha_0 + N - K", lambda c: sp.Add(*al(c["K"])) + sum(c["n"]) - c["K"])], ctxs=counts))
    ch.append(chain("map", [(r"\hat\theta_k", lambda c: solve_map(c)[thv(c["K"])[c["k"] - 1]]),
                            (r"\frac{\alpha_k + n_k - 1}{\alpha_0 + N - K}",
                             lambda c: (al(c["K"])[c["k"] - 1] + c["n"][c["k"] - 1] - 1) / (sp.Add(*al(c["K"])) + sum(c["n"]) - c["K"]))], ctxs=countsk))

    def gform(c):
        K, a_ = c["K"], al(c["K"])
        a0 = sp.Add(*a_)
        return sp.gamma(a0) / sp.gamma(a0 + sum(c["n"])) * sp.Mul(*[sp.gamma(a_[k] + c["n"][k]) / sp.gamma(a_[k]) for k in range(K)])
    ch.append(chain("ev", [(r"p(\D)", lambda c: polya(al(c["K"]), c["n"])), (r"\frac{B(\alpha + n)}{B(\alpha)}", lambda c: evid(c)),
                           (r"\frac{\Gamma(\alpha_0)}{\Gamma(\alpha_0 + N)}\prod_{k=1}^{K}\frac{\Gamma(\alpha_k + n_k)}{\Gamma(\alpha_k)}", gform)], ctxs=counts))
    c2 = [c for c in counts if c["K"] == 2]
    ch.append(chain("ev2", [(r"\frac{\Gamma(\alpha_1 + \alpha_2)}{\Gamma(\alpha_1 + \alpha_2 + N)}\cdot\frac{\Gamma(\alpha_1 + n_1)\Gamma(\alpha_2 + n_2)}{\Gamma(\alpha_1)\Gamma(\alpha_2)}", gform),
                            (r"\frac{B(\alpha_1 + n_1, \alpha_2 + n_2)}{B(\alpha_1, \alpha_2)}", lambda c: MB([a2[0] + c["n"][0], a2[1] + c["n"][1]]) / MB(a2))], ctxs=c2))
    psi = lambda z: sp.polygamma(0, z)  # noqa: E731
    cj = [dict(c, j=j) for c in counts for j in range(1, c["K"] + 1)]

    def grad(c):
        return sp.diff(log(polya(al(c["K"]), c["n"])), al(c["K"])[c["j"] - 1])

    def dg(c):
        a_ = al(c["K"])
        a0 = sp.Add(*a_)
        j = c["j"] - 1
        return a0, a_[j], c["n"][j], sum(c["n"])
    ch.append(chain("dlog", [
        (r"\frac{\partial}{\partial\alpha_j}\log p(\D)", grad),
        (r"\psi(\alpha_0) - \psi(\alpha_0 + N) + \psi(\alpha_j + n_j) - \psi(\alpha_j)",
         lambda c: psi(dg(c)[0]) - psi(dg(c)[0] + dg(c)[3]) + psi(dg(c)[1] + dg(c)[2]) - psi(dg(c)[1])),
        (r"\sum_{m=0}^{n_j - 1}\frac{1}{\alpha_j + m} - \sum_{m=0}^{N - 1}\frac{1}{\alpha_0 + m}",
         lambda c: sp.Add(*[1 / (dg(c)[1] + m) for m in range(dg(c)[2])]) - sp.Add(*[1 / (dg(c)[0] + m) for m in range(dg(c)[3])]))], ctxs=cj))
    cjl = [{"K": K, "j": j, "l": l} for K in (2, 3, 4) for j in range(1, K) for l in range(1, K)]

    def cs(K):
        return pvec("dh_c", K, 0.5, 3.0)

    def ths(K):
        return pvec("dh_u", K - 1, 0.05, 0.3)

    def hess(c, at=None):
        K = c["K"]
        u = ths(K)
        f = sum(cs(K)[k] * log(u[k]) for k in range(K - 1)) + cs(K)[K - 1] * log(1 - sum(u))
        h = sp.diff(f, u[c["j"] - 1], u[c["l"] - 1])
        if at is not None:
            h = h.subs(dict(zip(u, at)))
        return h
    ch.append(chain("hess", [
        (r"\frac{\partial^2}{\partial\theta_j\,\partial\theta_l}\Bigl[\sum_{k=1}^{K-1}c_k\log\theta_k + c_K\log\Bigl(1 - \sum_{k=1}^{K-1}\theta_k\Bigr)\Bigr]", hess),
        (r"-\frac{c_j}{\theta_j^2}\,\delta_{jl} - \frac{c_K}{\theta_K^2}",
         lambda c: -cs(c["K"])[c["j"] - 1] / ths(c["K"])[c["j"] - 1] ** 2 * kd(c["j"], c["l"]) - cs(c["K"])[c["K"] - 1] / (1 - sum(ths(c["K"]))) ** 2)], ctxs=cjl))

    def mode(K):
        C = sp.Add(*cs(K))
        return [cs(K)[k] / C for k in range(K - 1)]
    ch.append(chain("hmode", [(r"H_{jl}\big|_{\hat\theta}", lambda c: hess(c, mode(c["K"]))),
                              (r"-C^2\Bigl(\frac{\delta_{jl}}{c_j} + \frac{1}{c_K}\Bigr)",
                               lambda c: -sp.Add(*cs(c["K"])) ** 2 * (kd(c["j"], c["l"]) / cs(c["K"])[c["j"] - 1] + 1 / cs(c["K"])[c["K"] - 1]))], ctxs=cjl))
    H11 = hess({"K": 2, "j": 1, "l": 1}, mode(2))
    c2s = cs(2)
    ch.append(chain("lap", [(r"\sigma^2_{\mathrm{Laplace}}", -1 / H11), (r"-\frac{1}{H_{11}}", -1 / H11), (r"\frac{c_1c_2}{C^3}", c2s[0] * c2s[1] / (c2s[0] + c2s[1]) ** 3)]))
    # the worked example
    A3 = [2, 2, 2]
    n3 = [3, 1, 0]
    at3 = [A3[k] + n3[k] for k in range(3)]
    means = M(*[MB([at3[i] + (1 if i == k else 0) for i in range(3)]) / MB(at3) for k in range(3)])
    ch.append(chain("nmean", [(r"\mathbb{E}[\theta \mid \D]", means), (r"\Bigl(\frac{5}{10}, \frac{3}{10}, \frac{2}{10}\Bigr)", M(Q(5, 10), Q(3, 10), Q(2, 10))),
                              (r"\Bigl(\frac12, \frac{3}{10}, \frac15\Bigr)", M(Q(1, 2), Q(3, 10), Q(1, 5)))]))
    tt = sp.symbols("dh_q1:4", positive=True)
    ll = sp.Symbol("dh_ll", real=True)
    Lex = sum((A3[k] + n3[k] - 1) * log(tt[k]) for k in range(3)) + ll * (1 - sum(tt))
    sol = sp.solve([sp.diff(Lex, v) for v in list(tt) + [ll]], list(tt) + [ll], dict=True)[0]
    ch.append(chain("nmap", [(r"\hat\theta", M(*[sol[v] for v in tt])), (r"\frac{(4, 2, 1)}{6 + 4 - 3}", M(4, 2, 1) / 7),
                             (r"\Bigl(\frac47, \frac27, \frac17\Bigr)", M(Q(4, 7), Q(2, 7), Q(1, 7)))]))
    ch.append(chain("nev", [(r"p(\D)", polya([sp.Integer(2)] * 3, n3)),
                            (r"\frac{\Gamma(6)}{\Gamma(10)}\cdot\frac{\Gamma(5)\Gamma(3)\Gamma(2)}{\Gamma(2)^3}", sp.gamma(6) / sp.gamma(10) * sp.gamma(5) * sp.gamma(3) * sp.gamma(2) / sp.gamma(2) ** 3),
                            (r"\frac{120\cdot 48}{362880}", Q(120 * 48, 362880)), (r"\frac{1}{63}", Q(1, 63))]))
    ch.append(chain("npred", [(r"p(3 \mid \D)", MB([5, 3, 3]) / MB(at3)), (r"\frac{2 + 0}{6 + 4}", Q(2, 10)), (r"\frac15", Q(1, 5))]))
    a3 = pvec("dh_al", 3, 1.1, 3.0)
    gnum = sp.diff(log(polya(a3, n3)), a3[0]).subs(dict(zip(a3, A3)))
    ch.append(chain("ngrad", [(r"\frac{\partial}{\partial\alpha_1}\log p(\D)", gnum),
                              (r"\frac12 + \frac13 + \frac14 - \Bigl(\frac16 + \frac17 + \frac18 + \frac19\Bigr)",
                               Q(1, 2) + Q(1, 3) + Q(1, 4) - (Q(1, 6) + Q(1, 7) + Q(1, 8) + Q(1, 9))), (r"\frac{271}{504}", Q(271, 504))]))
    cvals = [4, 2, 1]
    Hn = sp.Matrix(2, 2, lambda j, l: hess({"K": 3, "j": j + 1, "l": l + 1}, [Q(4, 7), Q(2, 7)]).subs(dict(zip(cs(3), cvals))))
    ch.append(chain("nH", [(r"H\big|_{\hat\theta}", Hn), (r"-49\begin{pmatrix} 5/4 & 1\\ 1 & 3/2 \end{pmatrix}", -49 * sp.Matrix([[Q(5, 4), 1], [1, Q(3, 2)]]))]))
    d = Doc("dirichlet_handout.tex", ch)
    return with_plant(d, r"+ \psi(\alpha_j + n_j) - \psi(\alpha_j) \nonumber", r"+ \psi(\alpha_j + n_j) - \psi(\alpha_0) \nonumber", "dlog", 1,
                      (r"\psi(\alpha_0) - \psi(\alpha_0 + N) + \psi(\alpha_j + n_j) - \psi(\alpha_0)",
                       lambda c: psi(dg(c)[0]) - psi(dg(c)[0] + dg(c)[3]) + psi(dg(c)[1] + dg(c)[2]) - psi(dg(c)[0])),
                      "wrong index: psi(alpha_j) written psi(alpha_0) in the last term of the evidence gradient")


DOCS = [kalman_homework, kalman_cheatsheet, flows_problem_set, flows_study_notes, beta_bernoulli_course_page, dirichlet_handout]
