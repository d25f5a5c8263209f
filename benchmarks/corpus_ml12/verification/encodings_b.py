"""Hand encodings of the corpus_ml12 documents of families 4-6 (weight-initialisation variances;
population dynamics and ODE models; contrastive and margin losses).

Same conventions as encodings_a.py. Expectations of sums of independent terms are computed by
expanding the polynomial and mapping powers of each independent variable to its moments
(helpers.E_iid / E_ind), for n = 1..4 terms; moments of ReLU outputs and of uniform weights are
definite integrals (sympy.Integral, evaluated by quadrature in the framework) of the stated density.
"""
import sympy as sp

from framework import Chain, Doc, with_plant, X, Y, mom  # noqa: F401
from helpers import I, R, P, rational, E_iid, E_ind  # noqa: F401

DEF = "def"
half = sp.Rational(1, 2)
exp, log, sqrt, pi = sp.exp, sp.log, sp.sqrt, sp.pi
oo = sp.oo


def Q(a, b=1):
    return sp.Rational(a, b)


def _fn(v):
    if callable(v):
        return v
    v = sp.sympify(v)
    return lambda c: v


def chain(label, items, kinds=None, ctxs=None, where=None):
    return Chain(label, [I(a, _fn(v)) for a, v in items], kinds, ctxs, where)


def d(e, x, at=None):
    out = sp.diff(e, x)
    return out.subs(at) if at else out


NS = [{"n": n} for n in range(1, 5)]
zi = sp.Symbol("z_int", real=True)


def gauss(v):
    """N(0, v) density in the integration variable zi."""
    return exp(-zi ** 2 / (2 * v)) / sqrt(2 * pi * v)


def relu_moment(v, k):
    """E[ReLU(z)^k] for z ~ N(0, v), as a definite integral."""
    return sp.Integral(zi ** k * gauss(v), (zi, 0, oo))


def var_of_sum(n, wm, xm, zero_mean_w=True):
    """Var(sum_{i=1}^n w_i x_i) with all w_i, x_i independent; wm(k), xm(k) are the k-th moments."""
    ws = [R("w_s%d" % i) for i in range(1, n + 1)]
    xs = [R("x_s%d" % i) for i in range(1, n + 1)]
    s = sp.Add(*[w * x for w, x in zip(ws, xs)])

    def Ex(e):
        return E_iid(E_iid(e, ws, wm), xs, xm)
    return sp.expand(Ex(s ** 2) - Ex(s) ** 2)


def moments(m1, m2):
    table = {0: 1, 1: m1, 2: m2}
    return lambda k: table[k]


def unif_var(a):
    w = sp.Symbol("w_int", real=True)
    return sp.integrate(w ** 2 / (2 * a), (w, -a, a)) - sp.integrate(w / (2 * a), (w, -a, a)) ** 2


# ===========================================================================
# family 4: weight-initialisation variance arguments
def init_variance_textbook():
    sw2, mx, ex = P("sigma_w2", 0.1, 1.0), R("m_x"), P("v_x", 0.2, 1.5)
    mx2 = mx ** 2 + ex
    v, vg = P("v_in", 0.2, 1.5), P("v_g", 0.2, 1.5)
    nin, nout = P("n_in", 1.0, 300.0), P("n_out", 1.0, 300.0)
    a = P("a_u", 0.3, 2.0)
    s2, vprev = P("sigma_z2", 0.2, 2.0), P("v_prev", 0.2, 2.0)
    n = P("n_fan", 1.0, 300.0)
    ch = []
    sub = {mom(1, 0): 0, mom(2, 0): sw2}
    VarWX = E_ind(X ** 2 * Y ** 2) - E_ind(X * Y) ** 2
    ch.append(chain("lemma", [(r"\Var(wx)", VarWX.subs(sub)), (r"\E[w^2x^2] - \bigl(\E[wx]\bigr)^2", (E_ind(X ** 2 * Y ** 2) - E_ind(X * Y) ** 2).subs(sub)),
                              (r"\E[w^2]\,\E[x^2] - \bigl(\E[w]\,\E[x]\bigr)^2", (mom(2, 0) * mom(0, 2) - (mom(1, 0) * mom(0, 1)) ** 2).subs(sub)),
                              (r"\sigma_w^2\,\E[x^2]", sw2 * mom(0, 2))]))
    wm = moments(0, sw2)
    ch.append(chain("sum", [(r"\Var\Bigl(\sum_{i=1}^{n} w_ix_i\Bigr)", lambda c: var_of_sum(c["n"], wm, moments(mx, mx2))),
                            (r"\sum_{i=1}^{n}\Var(w_ix_i)", lambda c: c["n"] * var_of_sum(1, wm, moments(mx, mx2))),
                            (r"n\,\sigma_w^2\,\E[x^2]", lambda c: c["n"] * sw2 * mx2)], ctxs=NS))
    ch.append(chain("fwd", [(r"\Var(y)", lambda c: var_of_sum(c["n"], wm, moments(0, v))), (r"\nin\,\sigma_w^2\,v", lambda c: c["n"] * sw2 * v)], ctxs=NS))
    ch.append(chain("bwd", [(r"\Var\Bigl(\frac{\partial L}{\partial x_i}\Bigr)", lambda c: var_of_sum(c["n"], wm, moments(0, vg))),
                            (r"\nout\,\sigma_w^2\,\Var\Bigl(\frac{\partial L}{\partial y_j}\Bigr)", lambda c: c["n"] * sw2 * vg)], ctxs=NS))
    g = 2 / (nin + nout)
    ch.append(chain("glorot", [(r"\sigma_w^2", g), (r"\frac{2}{\nin + \nout}", g), (r"\frac{1}{\frac12(\nin + \nout)}", 1 / (half * (nin + nout)))], [DEF, "id"]))
    w = sp.Symbol("w_int", real=True)
    ch.append(chain("uniform", [(r"\Var(w)", unif_var(a)), (r"\frac{1}{2a}\int_{-a}^{a} w^2\,dw", sp.Integral(w ** 2, (w, -a, a)) / (2 * a)),
                                (r"\frac{1}{2a}\cdot\frac{2a^3}{3}", 1 / (2 * a) * 2 * a ** 3 / 3), (r"\frac{a^2}{3}", a ** 2 / 3)]))
    ch.append(chain("bound", [("a", sqrt(3 * g)), (r"\sqrt{3\cdot\frac{2}{\nin + \nout}}", sqrt(3 * 2 / (nin + nout))), (r"\sqrt{\frac{6}{\nin + \nout}}", sqrt(6 / (nin + nout)))]))
    ch.append(chain("relu2", [(r"\E\bigl[\relu(z)^2\bigr]", relu_moment(s2, 2)), (r"\int_{0}^{\infty} z^2p(z)\,dz", relu_moment(s2, 2)),
                              (r"\frac12\int_{-\infty}^{\infty} z^2p(z)\,dz", half * sp.Integral(zi ** 2 * gauss(s2), (zi, -oo, oo))), (r"\frac{\sigma^2}{2}", s2 / 2)]))
    hm = moments(relu_moment(vprev, 1), relu_moment(vprev, 2))
    ch.append(chain("he", [(r"\Var\bigl(z^{(\ell)}\bigr)", lambda c: var_of_sum(c["n"], wm, hm)),
                           (r"n\,\sigma_w^2\,\E\bigl[\relu(z^{(\ell-1)})^2\bigr]", lambda c: c["n"] * sw2 * relu_moment(vprev, 2)),
                           (r"n\,\sigma_w^2\cdot\frac{\Var(z^{(\ell-1)})}{2}", lambda c: c["n"] * sw2 * vprev / 2),
                           (r"\frac{n\sigma_w^2}{2}\,\Var\bigl(z^{(\ell-1)}\bigr)", lambda c: c["n"] * sw2 / 2 * vprev)], ctxs=NS))
    ch.append(chain("he fix", [(r"\frac{n}{2}\cdot\frac{2}{n}\,\Var\bigl(z^{(\ell-1)}\bigr)", n / 2 * 2 / n * vprev), (r"\Var\bigl(z^{(\ell-1)}\bigr)", vprev)]))
    ch.append(chain("ten", [(r"\Bigl(\frac{n\sigma_w^2}{2}\Bigr)^{10}", (n * (1 / n) / 2) ** 10), (r"\Bigl(\frac12\Bigr)^{10}", half ** 10), (r"\frac{1}{1024}", Q(1, 1024))]))
    ch.append(chain("he num", [(r"\sigma_w", sqrt(Q(2, 256))), (r"\sqrt{\frac{2}{256}}", sqrt(Q(2, 256))), (r"\frac{1}{8\sqrt{2}}", 1 / (8 * sqrt(2)))]))
    ab = sqrt(Q(6, 384))
    ch.append(chain("a num", [("a", ab), (r"\sqrt{\frac{6}{256 + 128}}", sqrt(Q(6, 256 + 128))), (r"\sqrt{\frac{1}{64}}", sqrt(Q(1, 64))), ("0.125", rational("0.125"))]))
    ch.append(chain("var num", [(r"\frac{a^2}{3}", unif_var(ab)), (r"\frac{1}{192}", Q(1, 192)), (r"\frac{2}{384}", Q(2, 384))]))
    doc = Doc("init_variance_textbook.tex", ch)
    return with_plant(doc, r"= \sqrt{\frac{6}{256 + 128}}", r"= \sqrt{\frac{3}{256 + 128}}", "a num", 1,
                      I(r"\sqrt{\frac{3}{256 + 128}}", _fn(sqrt(Q(3, 384)))),
                      "wrong constant: 3 for 6 in the numerical Glorot uniform bound sqrt(6/(n_in + n_out))")


def init_study_group():
    vW, vd = P("v_W", 0.1, 1.0), P("v_delta", 0.2, 1.5)
    mh, eh = R("m_h"), P("v_h", 0.2, 1.5)
    s = P("s_z", 0.3, 2.0)
    a = P("a_u", 0.3, 2.0)
    n = P("n_fan", 1.0, 300.0)
    ch = []
    wm = moments(0, vW)
    ch.append(chain("fwd", [(r"\mathrm{Var}[y_j]", lambda c: var_of_sum(c["n"], wm, moments(mh, mh ** 2 + eh))),
                            (r"\sum_{i=1}^{n}\mathrm{Var}[W_{ji}h_i]", lambda c: c["n"] * var_of_sum(1, wm, moments(mh, mh ** 2 + eh))),
                            (r"n\,\mathrm{Var}[W]\,\mathbb{E}[h^2]", lambda c: c["n"] * vW * (mh ** 2 + eh))], ctxs=NS))
    sub = {mom(1, 0): 0}
    ch.append(chain("prod", [(r"\mathrm{Var}[Wh]", (E_ind(X ** 2 * Y ** 2) - E_ind(X * Y) ** 2).subs(sub)),
                             (r"\mathbb{E}[W^2]\,\mathbb{E}[h^2] - \mathbb{E}[W]^2\,\mathbb{E}[h]^2", (mom(2, 0) * mom(0, 2) - mom(1, 0) ** 2 * mom(0, 1) ** 2).subs(sub)),
                             (r"\mathrm{Var}[W]\,\mathbb{E}[h^2]", ((mom(2, 0) - mom(1, 0) ** 2) * mom(0, 2)).subs(sub))]))
    ch.append(chain("he", [(r"n\cdot\frac{2}{n}\cdot\frac{s^2}{2}", n * 2 / n * relu_moment(s ** 2, 2)), ("s^2", s ** 2)]))
    MS = [{"m": m} for m in range(1, 5)]

    def var_delta(m):
        ws = [R("w_s%d" % i) for i in range(1, m + 1)]
        ds = [R("x_s%d" % i) for i in range(1, m + 1)]
        r = R("r_mask")
        e = r * sp.Add(*[w * dd for w, dd in zip(ws, ds)])
        half_ = sp.Integral(gauss(1), (zi, 0, oo))  # P(z > 0) = E[ReLU'(z)^2]

        def Ex(t):
            return E_iid(E_iid(E_iid(t, ws, wm), ds, moments(0, vd)), [r], moments(half_, half_))
        return Ex(e ** 2) - Ex(e) ** 2
    ch.append(chain("bwd", [(r"\mathrm{Var}[\delta_i]", lambda c: var_delta(c["m"])),
                            (r"\mathbb{E}\bigl[\mathrm{ReLU}'(z_i)^2\bigr]\,m\,\mathrm{Var}[W]\,\mathrm{Var}[\delta]", lambda c: sp.Integral(gauss(1), (zi, 0, oo)) * c["m"] * vW * vd),
                            (r"\frac{m}{2}\,\mathrm{Var}[W]\,\mathrm{Var}[\delta]", lambda c: Q(c["m"], 2) * vW * vd)], ctxs=MS))
    ch.append(chain("glorot", [(r"\frac{2}{n + m}\Big|_{m = n}", 2 / (n + n)), (r"\frac{2}{2n}", 2 / (2 * n)), (r"\frac{1}{n}", 1 / n)]))
    ch.append(chain("unif", [(r"\mathrm{Var}[W]", unif_var(a)), (r"\frac{(2a)^2}{12}", (2 * a) ** 2 / 12), (r"\frac{a^2}{3}", a ** 2 / 3)]))
    ch.append(chain("bound", [(r"\sqrt{\frac{6}{(1 + 5)\,n}}", sqrt(6 / ((1 + 5) * n))), (r"\sqrt{\frac{1}{n}}", sqrt(1 / n)), (r"\frac{1}{\sqrt{n}}", 1 / sqrt(n))]))
    ch.append(chain("default var", [(r"\mathrm{Var}[W]", unif_var(1 / sqrt(n))), (r"\frac{1}{3}\Bigl(\frac{1}{\sqrt{n}}\Bigr)^2", (1 / sqrt(n)) ** 2 / 3), (r"\frac{1}{3n}", 1 / (3 * n))]))
    ch.append(chain("gain", [(r"n\cdot\frac{1}{3n}\cdot\frac12", n / (3 * n) / 2), (r"\frac16", Q(1, 6))]))
    g = exp(-zi ** 2 / (2 * s ** 2)) / (s * sqrt(2 * pi))
    Eh = sp.Integral(zi * g, (zi, 0, oo))
    Eh2 = sp.Integral(zi ** 2 * g, (zi, 0, oo))
    ch.append(chain("Eh", [(r"\mathbb{E}[h]", Eh), (r"\int_0^{\infty} z\,\frac{1}{s\sqrt{2\pi}}e^{-z^2/(2s^2)}\,dz", Eh), (r"\frac{s}{\sqrt{2\pi}}", s / sqrt(2 * pi))]))
    ch.append(chain("Varh", [(r"\mathrm{Var}[h]", Eh2 - Eh ** 2), (r"\mathbb{E}[h^2] - \mathbb{E}[h]^2", Eh2 - Eh ** 2),
                             (r"\frac{s^2}{2} - \frac{s^2}{2\pi}", s ** 2 / 2 - s ** 2 / (2 * pi)), (r"\frac{s^2(\pi - 1)}{2\pi}", s ** 2 * (pi - 1) / (2 * pi))]))
    ch.append(chain("Vary num", [(r"\mathrm{Var}[y]", 256 * var_of_sum(1, moments(0, Q(1, 256)), moments(0, 1))), (r"256\cdot\frac{1}{256}\cdot 1", Q(256, 256)), ("1", 1)]))
    ch.append(chain("glorot num", [(r"\sqrt{\frac{2}{256 + 256}}", sqrt(Q(2, 512))), (r"\sqrt{\frac{1}{256}}", sqrt(Q(1, 256))), (r"\frac{1}{16}", Q(1, 16))]))
    ch.append(chain("he num", [(r"\sqrt{\frac{2}{256}}", sqrt(Q(2, 256))), (r"\frac{1}{\sqrt{128}}", 1 / sqrt(128)), (r"\frac{1}{8\sqrt{2}}", 1 / (8 * sqrt(2)))]))
    doc = Doc("init_study_group.md", ch)
    return with_plant(doc, r"= \frac{s^2}{2} - \frac{s^2}{2\pi} =", r"= \frac{s^2}{2} + \frac{s^2}{2\pi} =", "Varh", 2,
                      I(r"\frac{s^2}{2} + \frac{s^2}{2\pi}", _fn(s ** 2 / 2 + s ** 2 / (2 * pi))),
                      "sign: + for - before s^2/(2 pi), the squared mean of the ReLU output, in Var[h]")


DOCS = [init_variance_textbook, init_study_group]


# ===========================================================================
# family 5: population dynamics and ODE models
def population_models_problem_set():
    al, be, ga, de = P("alpha_lv", 0.3, 2.0), P("beta_lv", 0.3, 2.0), P("gamma_lv", 0.3, 2.0), P("delta_lv", 0.3, 2.0)
    x, y = P("x_prey", 0.3, 2.0), P("y_pred", 0.3, 2.0)
    xd, yd = al * x - be * x * y, de * x * y - ga * y
    eq = {x: ga / de, y: al / be}
    ch = []
    ch.append(chain("eq check", [(r"\alpha\frac{\gamma}{\delta} - \beta\frac{\gamma}{\delta}\frac{\alpha}{\beta}", xd.subs(eq)), ("0", 0)]))
    J = sp.Matrix([xd, yd]).jacobian([x, y])
    Js = J.subs(eq)
    ch.append(chain("J", [("J(x, y)", J), (r"\begin{pmatrix} \alpha - \beta y & -\beta x \\ \delta y & \delta x - \gamma \end{pmatrix}",
                                            sp.Matrix([[al - be * y, -be * x], [de * y, de * x - ga]]))], DEF))
    ch.append(chain("J*", [("J^*", Js), (r"\begin{pmatrix} 0 & -\beta\gamma/\delta \\ \delta\alpha/\beta & 0 \end{pmatrix}", sp.Matrix([[0, -be * ga / de], [de * al / be, 0]]))]))
    ch.append(chain("det", [(r"\det J^*", Js.det()), (r"0\cdot 0 - \Bigl(-\frac{\beta\gamma}{\delta}\Bigr)\frac{\delta\alpha}{\beta}", 0 * 0 - (-be * ga / de) * de * al / be),
                            (r"\alpha\gamma", al * ga)]))
    lam = list(Js.eigenvals().keys())[0]
    ch.append(chain("lambda", [(r"\lambda^2", lam ** 2), (r"-\det J^*", -Js.det()), (r"-\alpha\gamma", -al * ga)]))
    V = de * x - ga * log(x) + be * y - al * log(y)
    ch.append(chain("V", [("V(x, y)", V), (r"\delta x - \gamma\ln x + \beta y - \alpha\ln y", V)], DEF))
    ch.append(chain("dV", [(r"\ddt{V}", d(V, x) * xd + d(V, y) * yd),
                           (r"\Bigl(\delta - \frac{\gamma}{x}\Bigr)\dot x + \Bigl(\beta - \frac{\alpha}{y}\Bigr)\dot y", (de - ga / x) * xd + (be - al / y) * yd),
                           (r"(\delta x - \gamma)(\alpha - \beta y) + (\beta y - \alpha)(\delta x - \gamma)", (de * x - ga) * (al - be * y) + (be * y - al) * (de * x - ga)),
                           ("0", 0)]))
    bs, gs = P("beta_sir", 0.3, 2.0), P("gamma_sir", 0.1, 1.0)
    S, In, N = P("S_sir", 0.2, 2.0), P("I_sir", 0.1, 1.0), P("N_sir", 3.0, 5.0)
    Sd, Id, Rd = -bs * S * In / N, bs * S * In / N - gs * In, gs * In
    ch.append(chain("N const", [(r"\ddt{}(S + I + R)", Sd + Id + Rd), (r"-\frac{\beta SI}{N} + \frac{\beta SI}{N} - \gamma I + \gamma I", Sd + bs * S * In / N - gs * In + gs * In), ("0", 0)]))
    R0 = bs / gs
    ch.append(chain("dI", [(r"\ddt{I}", Id), (r"\gamma I\Bigl(\frac{\beta S}{\gamma N} - 1\Bigr)", gs * In * (bs * S / (gs * N) - 1)),
                           (r"\gamma I\Bigl(R_0\frac{S}{N} - 1\Bigr)", gs * In * (R0 * S / N - 1))]))
    q = rational
    ch.append(chain("R0 num", [("R_0", q("0.3") / q("0.1")), (r"\frac{0.3}{0.1}", q("0.3") / q("0.1")), ("3", 3)]))
    ch.append(chain("herd", [(r"1 - \frac{1}{R_0}", 1 - Q(1, 3)), (r"1 - \frac13", 1 - Q(1, 3)), (r"\frac23", Q(2, 3))]))
    r, K, P0 = P("r_g", 0.2, 2.0), P("K_cap", 1.0, 3.0), P("P_0", 0.2, 0.9)
    t = R("t_time", -1.0, 2.0)
    A = (K - P0) / P0
    Pt = K / (1 + A * exp(-r * t))
    ch.append(chain("P(t)", [("P(t)", Pt), (r"\frac{K}{1 + Ae^{-rt}}", Pt)], DEF))
    ch.append(chain("A", [("A", A), (r"\frac{K - P_0}{P_0}", A)], DEF))
    E = exp(-r * t)
    ch.append(chain("dP", [(r"\ddt{P}", d(Pt, t)), (r"-K(1 + Ae^{-rt})^{-2}\cdot(-rAe^{-rt})", -K * (1 + A * E) ** -2 * (-r * A * E)),
                           (r"\frac{KAre^{-rt}}{(1 + Ae^{-rt})^2}", K * A * r * E / (1 + A * E) ** 2)]))
    ch.append(chain("rhs", [(r"rP\Bigl(1 - \frac{P}{K}\Bigr)", r * Pt * (1 - Pt / K)), (r"\frac{rK}{1 + Ae^{-rt}}\cdot\frac{Ae^{-rt}}{1 + Ae^{-rt}}", r * K / (1 + A * E) * A * E / (1 + A * E)),
                            (r"\frac{KAre^{-rt}}{(1 + Ae^{-rt})^2}", K * A * r * E / (1 + A * E) ** 2)]))
    Pv = sp.Symbol("P_var", positive=True)
    f = r * Pv * (1 - Pv / K)
    fp = sp.diff(f, Pv)
    ch.append(chain("d2P", [(r"\frac{d^2P}{dt^2}", sp.diff(Pt, t, 2)), (r"f'(P)\,\ddt{P}", fp.subs(Pv, Pt) * d(Pt, t)),
                            (r"r\Bigl(1 - \frac{2P}{K}\Bigr)\,rP\Bigl(1 - \frac{P}{K}\Bigr)", (r * (1 - 2 * Pt / K) * r * Pt * (1 - Pt / K)))]))
    ch.append(chain("P(t*)", [(r"P(t^*)", Pt.subs(t, log(A) / r)), (r"\frac{K}{1 + Ae^{-\ln A}}", K / (1 + A * exp(-log(A)))), (r"\frac{K}{2}", K / 2)]))
    ch.append(chain("f'(K)", [("f'(K)", fp.subs(Pv, K)), ("r - 2r", r - 2 * r), ("-r", -r)]))
    ch.append(chain("A num", [("A", A.subs({K: 1000, P0: 100})), (r"\frac{1000 - 100}{100}", Q(900, 100)), ("9", 9)]))
    ch.append(chain("t* num", [("t^*", (log(A) / r).subs({K: 1000, P0: 100, r: half})), (r"\frac{\ln 9}{0.5}", log(9) / q("0.5")), (r"2\ln 9", 2 * log(9)), (r"4\ln 3", 4 * log(3))]))
    fn = {r: half, K: 1000}
    ch.append(chain("fK2", [(r"f\Bigl(\frac{K}{2}\Bigr)", f.subs(Pv, K / 2).subs(fn)), (r"r\,\frac{K}{2}\cdot\frac12", (r * K / 2 * half).subs(fn)),
                            (r"\frac{rK}{4}", (r * K / 4).subs(fn)), ("125", 125)]))
    doc = Doc("population_models_problem_set.tex", ch)
    return with_plant(doc, r"-K(1 + Ae^{-rt})^{-2}\cdot", r"-K(1 + Ae^{-rt})^{-1}\cdot", "dP", 1,
                      I(r"-K(1 + Ae^{-rt})^{-1}\cdot(-rAe^{-rt})", _fn(-K * (1 + A * E) ** -1 * (-r * A * E))),
                      "wrong exponent: (1 + Ae^{-rt})^{-1} for ^{-2} when differentiating K(1 + Ae^{-rt})^{-1} by the chain rule")


def population_dynamics_course_page():
    r, K, N0 = P("r_g", 0.2, 2.0), P("K_cap", 1.0, 3.0), P("N_0", 0.2, 0.9)
    N = P("N_var", 0.2, 3.0)
    t = R("t_time", -1.0, 2.0)
    f = r * N * (1 - N / K)
    ch = []
    ch.append(chain("du", [(r"\frac{du}{dt}", sp.diff(1 / N, N) * f), (r"-\frac{\dot N}{N^2}", -f / N ** 2), (r"-\frac{r}{N} + \frac{r}{K}", -r / N + r / K),
                           (r"r\Bigl(\frac{1}{K} - u\Bigr)", r * (1 / K - 1 / N))]))
    ut = 1 / K + (1 / N0 - 1 / K) * exp(-r * t)
    ch.append(chain("u(t)", [("u(t)", ut), (r"\frac{1}{K} + \Bigl(\frac{1}{N_0} - \frac{1}{K}\Bigr)e^{-rt}", ut)], DEF))
    ch.append(chain("du check", [(r"\frac{du}{dt}", d(ut, t)), (r"-r\Bigl(\frac{1}{N_0} - \frac{1}{K}\Bigr)e^{-rt}", -r * (1 / N0 - 1 / K) * exp(-r * t)),
                                 (r"r\Bigl(\frac{1}{K} - u\Bigr)", r * (1 / K - ut))]))
    Nt = 1 / ut
    num = {K: 500, N0: 50, r: rational("0.2")}
    tt = sp.Symbol("t_solve", real=True)
    thalf = sp.solve(sp.Eq(Nt.subs(num).subs(t, tt), 250), tt)
    assert len(thalf) == 1
    ch.append(chain("t half", [(r"t_{1/2}", thalf[0]), (r"\frac{1}{r}\ln\Bigl(\frac{K}{N_0} - 1\Bigr)", (log(K / N0 - 1) / r).subs(num)), (r"5\ln 9", 5 * log(9))]))
    Nv = sp.Symbol("N_dummy", positive=True)
    fN = r * Nv * (1 - Nv / K)
    fpN = sp.diff(fN, Nv)
    ch.append(chain("d2N", [(r"\frac{d^2N}{dt^2}", sp.diff(Nt, t, 2)), (r"\frac{d}{dt}f(N)", sp.diff(fN.subs(Nv, Nt), t)),
                            (r"f'(N)\,\frac{dN}{dt}", fpN.subs(Nv, Nt) * sp.diff(Nt, t)), (r"f'(N)f(N)", (fpN * fN).subs(Nv, Nt))]))
    a, b, c, dd = P("a_pp", 0.3, 2.0), P("b_pp", 0.3, 2.0), P("c_pp", 0.3, 2.0), P("d_pp", 0.3, 2.0)
    Nn, Pp = P("N_prey", 0.3, 2.0), P("P_pred", 0.3, 2.0)
    Nd_, Pd_ = a * Nn - b * Nn * Pp, c * Nn * Pp - dd * Pp
    st = {Nn: dd / c, Pp: a / b}
    ch.append(chain("J11", [(r"\frac{\partial\dot N}{\partial N}\Big|_*", d(Nd_, Nn).subs(st)), ("a - bP^*", a - b * a / b), ("a - a", 0), ("0", 0)]))
    ch.append(chain("J12", [(r"\frac{\partial\dot N}{\partial P}\Big|_*", d(Nd_, Pp).subs(st)), ("-bN^*", -b * dd / c), (r"-\frac{bd}{c}", -b * dd / c)]))
    ch.append(chain("J21", [(r"\frac{\partial\dot P}{\partial N}\Big|_*", d(Pd_, Nn).subs(st)), ("cP^*", c * a / b), (r"\frac{ca}{b}", c * a / b)]))
    J = sp.Matrix([Nd_, Pd_]).jacobian([Nn, Pp]).subs(st)
    lam = list(J.eigenvals().keys())[0]
    ch.append(chain("lambda", [(r"\lambda^2", lam ** 2), (r"\Bigl(-\frac{bd}{c}\Bigr)\Bigl(\frac{ca}{b}\Bigr)", (-b * dd / c) * (c * a / b)), ("-ad", -a * dd)]))
    eta = P("eta_h", 0.1, 0.9)
    h = eta * r * K / 4  # 0 < h < rK/4
    g = f - h
    ch.append(chain("g", [("g(N)", g), (r"rN\Bigl(1 - \frac{N}{K}\Bigr) - h", r * N * (1 - N / K) - h)], DEF))
    PM = [{"s": 1}, {"s": -1}]
    Npm = lambda c_: K / 2 * (1 + c_["s"] * sqrt(1 - 4 * h / (r * K)))  # noqa: E731
    for s_ in (1, -1):  # both are roots of g
        assert sp.simplify(sp.expand(g.subs(N, Npm({"s": s_})))) == 0
    ch.append(chain("Npm", [(r"N_\pm", Npm), (r"\frac{K}{2}\Bigl(1 \pm \sqrt{1 - \frac{4h}{rK}}\Bigr)", Npm)], DEF, ctxs=PM))
    gp = sp.diff(g, N)
    ch.append(chain("g'", [(r"g'(N_\pm)", lambda c_: gp.subs(N, Npm(c_))), (r"r\Bigl(1 - \frac{2N_\pm}{K}\Bigr)", lambda c_: r * (1 - 2 * Npm(c_) / K)),
                           (r"\mp r\sqrt{1 - \frac{4h}{rK}}", lambda c_: -c_["s"] * r * sqrt(1 - 4 * h / (r * K)))], ctxs=PM))
    ch.append(chain("msy", [(r"1 - \frac{4h}{rK}\Big|_{h = rK/4}", 1 - 4 * (r * K / 4) / (r * K)), ("1 - 1", 0), ("0", 0)]))
    be, ga = P("beta_sir", 0.3, 2.0), P("gamma_sir", 0.1, 1.0)
    s, i = P("s_frac", 0.1, 0.9), P("i_frac", 0.05, 0.5)
    R0 = be / ga
    sd, id_ = -be * s * i, be * s * i - ga * i
    Cq = s + i - log(s) / R0
    ch.append(chain("conserved", [(r"\frac{d}{dt}\Bigl(s + i - \frac{1}{R_0}\ln s\Bigr)", d(Cq, s) * sd + d(Cq, i) * id_),
                                  (r"-\beta si + \beta si - \gamma i + \frac{\gamma}{\beta}\cdot\beta i", -be * s * i + be * s * i - ga * i + ga / be * be * i), ("0", 0)]))
    R0s = P("R_0", 1.2, 4.0)
    ii = sp.Symbol("i_solve")
    imax = sp.solve(sp.Eq(1 + 0 - log(1) / R0s, 1 / R0s + ii - log(1 / R0s) / R0s), ii)[0]
    ch.append(chain("imax", [(r"i_{\max}", imax), (r"1 - \frac{1}{R_0} + \frac{1}{R_0}\ln\frac{1}{R_0}", 1 - 1 / R0s + log(1 / R0s) / R0s),
                             (r"1 - \frac{1 + \ln R_0}{R_0}", 1 - (1 + log(R0s)) / R0s)]))
    q = rational
    ch.append(chain("imax num", [(r"1 - \frac{1 + \ln 2.5}{2.5}", 1 - (1 + log(q("2.5"))) / q("2.5")), (r"1 - 0.4\,(1 + \ln 2.5)", 1 - q("0.4") * (1 + log(q("2.5"))))]))
    doc = Doc("population_dynamics_course_page.md", ch)
    return with_plant(doc, r"= r\Bigl(1 - \frac{2N_\pm}{K}\Bigr) =", r"= r\Bigl(1 - \frac{N_\pm}{K}\Bigr) =", "g'", 1,
                      I(r"r\Bigl(1 - \frac{N_\pm}{K}\Bigr)", lambda c_: r * (1 - Npm(c_) / K)),
                      "dropped factor: the 2 of 2N/K in g'(N) = r(1 - 2N/K) evaluated at the harvested equilibria")


DOCS = [init_variance_textbook, init_study_group, population_models_problem_set, population_dynamics_course_page]


# ===========================================================================
# family 6: contrastive and margin losses
def softmax(zs):
    Z = sp.Add(*[exp(z) for z in zs])
    return [exp(z) / Z for z in zs]


def contrastive_losses_slides():
    s = [R("s_%d" % i) for i in range(1, 4)]
    tau = P("tau_c", 0.2, 2.0)
    p = softmax([si / tau for si in s])
    Z = sp.Add(*[exp(si / tau) for si in s])
    L = -log(p[0])
    I3 = [{"i": i} for i in range(3)]
    ch = []
    ch.append(chain("p_i", [("p_i", lambda c: p[c["i"]]), (r"\frac{e^{s_i/\tau}}{\Z}", lambda c: exp(s[c["i"]] / tau) / Z)], DEF, ctxs=I3))
    ch.append(chain("p_1", [("p_1", p[0]), (r"\frac{e^{s_1/\tau}}{e^{s_1/\tau} + e^{s_2/\tau} + e^{s_3/\tau}}", exp(s[0] / tau) / (exp(s[0] / tau) + exp(s[1] / tau) + exp(s[2] / tau)))]))
    ch.append(chain("L", [("L", L), (r"-\log p_1", -log(p[0])), (r"-\frac{s_1}{\tau} + \log\Z", -s[0] / tau + log(Z))], [DEF, "id"]))
    ch.append(chain("dL/ds1", [(r"\frac{\partial L}{\partial s_1}", d(L, s[0])), (r"-\frac{1}{\tau} + \frac{1}{\tau}\,\frac{e^{s_1/\tau}}{\Z}", -1 / tau + exp(s[0] / tau) / (tau * Z)),
                               (r"\frac{p_1 - 1}{\tau}", (p[0] - 1) / tau)]))
    ch.append(chain("dL/ds2", [(r"\frac{\partial L}{\partial s_2}", d(L, s[1])), (r"\frac{1}{\tau}\,\frac{e^{s_2/\tau}}{\Z}", exp(s[1] / tau) / (tau * Z)), (r"\frac{p_2}{\tau}", p[1] / tau)]))
    ch.append(chain("sum", [(r"\sum_{i=1}^{3}\frac{\partial L}{\partial s_i}", sp.Add(*[d(L, si) for si in s])), (r"\frac{1}{\tau}\Bigl(\sum_{i=1}^{3}p_i - 1\Bigr)", (sp.Add(*p) - 1) / tau), ("0", 0)]))
    sbar = sp.Add(*[pj * sj for pj, sj in zip(p, s)])
    ch.append(chain("dL/dtau", [(r"\frac{\partial L}{\partial\tau}", d(L, tau)), (r"\frac{s_1}{\tau^2} - \frac{1}{\tau^2}\sum_{j=1}^{3}p_js_j", s[0] / tau ** 2 - sbar / tau ** 2),
                                (r"\frac{s_1 - \bar s}{\tau^2}", (s[0] - sbar) / tau ** 2)]))
    q = rational
    y_, w_, x_ = R("y_h"), R("w_h"), R("x_h")
    hn = {y_: 1, w_: q("0.5"), x_: q("1.2")}
    marg = 1 - y_ * w_ * x_
    assert marg.subs(hn) > 0  # active side of the hinge
    ch.append(chain("hinge", [(r"\ell", sp.Max(0, marg).subs(hn)), (r"1 - 1\cdot 0.5\cdot 1.2", 1 - 1 * q("0.5") * q("1.2")), ("0.4", q("0.4"))]))
    ch.append(chain("hinge grad", [(r"\frac{\partial\ell}{\partial w}", d(marg, w_).subs(hn)), ("-yx", (-y_ * x_).subs(hn)), ("-1.2", q("-1.2"))]))
    a = sp.Matrix([R("a_1"), R("a_2")])
    pv = sp.Matrix([R("p_v1"), R("p_v2")])
    nv = sp.Matrix([R("n_v1"), R("n_v2")])
    alpha = P("alpha_m", 0.1, 1.0)
    sq = lambda v: (v.T * v)[0]  # noqa: E731
    ch.append(chain("expand", [(r"\|a - p\|^2 - \|a - n\|^2", sq(a - pv) - sq(a - nv)), (r"2a^\top(n - p) + \|p\|^2 - \|n\|^2", 2 * (a.T * (nv - pv))[0] + sq(pv) - sq(nv))]))
    trip = sq(a - pv) - sq(a - nv) + alpha
    grad_a = sp.Matrix([sp.diff(trip, ai) for ai in a])
    ch.append(chain("grad a", [(r"\nabla_a L", grad_a), ("2(a - p) - 2(a - n)", 2 * (a - pv) - 2 * (a - nv)), ("2(n - p)", 2 * (nv - pv))]))
    num = {s[0]: 2, s[1]: 1, s[2]: 0, tau: 1}
    E1 = sp.E
    ch.append(chain("L num", [("L", L.subs(num)), (r"-\log\frac{e^2}{e^2 + e + 1}", -log(E1 ** 2 / (E1 ** 2 + E1 + 1))), (r"\log\bigl(1 + e^{-1} + e^{-2}\bigr)", log(1 + E1 ** -1 + E1 ** -2))]))
    ch.append(chain("ds1 num", [(r"\frac{\partial L}{\partial s_1}", d(L, s[0]).subs(num)), ("p_1 - 1", (p[0] - 1).subs(num)), (r"-\frac{e + 1}{e^2 + e + 1}", -(E1 + 1) / (E1 ** 2 + E1 + 1))]))
    ch.append(chain("dtau num", [(r"\frac{\partial L}{\partial\tau}", d(L, tau).subs(num)), ("2 - (2p_1 + p_2)", (2 - (2 * p[0] + p[1])).subs(num)),
                                 (r"2 - \frac{2e^2 + e}{e^2 + e + 1}", 2 - (2 * E1 ** 2 + E1) / (E1 ** 2 + E1 + 1)), (r"\frac{e + 2}{e^2 + e + 1}", (E1 + 2) / (E1 ** 2 + E1 + 1))]))
    ch.append(chain("p1 half", [(r"p_1\big|_{\tau = 0.5}", p[0].subs({s[0]: 2, s[1]: 1, s[2]: 0, tau: half})), (r"\frac{e^{4}}{e^{4} + e^{2} + 1}", E1 ** 4 / (E1 ** 4 + E1 ** 2 + 1))]))
    tn = {a[0]: 0, a[1]: 0, pv[0]: 1, pv[1]: 0, nv[0]: 0, nv[1]: 1, alpha: q("0.2")}
    assert trip.subs(tn) > 0
    ch.append(chain("grad a num", [(r"\nabla_a L", grad_a.subs(tn)), (r"2\begin{pmatrix} 0 - 1 \\ 1 - 0 \end{pmatrix}", 2 * sp.Matrix([0 - 1, 1 - 0])),
                                   (r"\begin{pmatrix} -2 \\ 2 \end{pmatrix}", sp.Matrix([-2, 2]))]))
    doc = Doc("contrastive_losses_slides.tex", ch)
    return with_plant(doc, r"= 2 - \frac{2e^2 + e}{e^2 + e + 1} =", r"= 2 - \frac{2e^2}{e^2 + e + 1} =", "dtau num", 2,
                      I(r"2 - \frac{2e^2}{e^2 + e + 1}", _fn(2 - 2 * E1 ** 2 / (E1 ** 2 + E1 + 1))),
                      "dropped term: + e (the p_2 s_2 contribution) in the numerator of the numerical temperature gradient")


def contrastive_cheatsheet():
    s = [R("s_plus"), R("s_neg1"), R("s_neg2")]
    tau = P("tau_c", 0.2, 2.0)
    zs = [R("z_plus"), R("z_neg1"), R("z_neg2")]
    y = [1, 0, 0]
    qz = softmax(zs)
    ellz = -log(qz[0])
    onz = {zz: si / tau for zz, si in zip(zs, s)}
    qs = [e.subs(onz) for e in qz]
    ell = ellz.subs(onz)
    K3 = [{"k": k} for k in range(3)]
    ch = []
    ch.append(chain("q_k", [("q_k", lambda c: qs[c["k"]]), (r"\frac{e^{z_k}}{e^{z_+} + e^{z_1} + e^{z_2}}", lambda c: (exp(zs[c["k"]]) / sp.Add(*[exp(z) for z in zs])).subs(onz))],
                    DEF, ctxs=K3))
    Zs = sp.Add(*[exp(z) for z in zs]).subs(onz)
    ch.append(chain("sum", [("q_+ + q_1 + q_2", sp.Add(*qs)), (r"\frac{e^{z_+} + e^{z_1} + e^{z_2}}{e^{z_+} + e^{z_1} + e^{z_2}}", Zs / Zs), ("1", 1)]))
    ch.append(chain("shift", [("q_+", qs[0]), (r"\frac{1}{1 + e^{z_1 - z_+} + e^{z_2 - z_+}}", (1 / (1 + exp(zs[1] - zs[0]) + exp(zs[2] - zs[0]))).subs(onz))]))
    ch.append(chain("ell", [(r"\ell", ell), (r"-\log q_+", -log(qs[0])), (r"-z_+ + \log\bigl(e^{z_+} + e^{z_1} + e^{z_2}\bigr)", (-zs[0] + log(sp.Add(*[exp(z) for z in zs]))).subs(onz))],
                    [DEF, "id"]))
    ch.append(chain("dz", [(r"\frac{\partial\ell}{\partial z_k}", lambda c: sp.diff(ellz, zs[c["k"]]).subs(onz)), ("q_k - y_k", lambda c: qs[c["k"]] - y[c["k"]])], ctxs=K3))
    ch.append(chain("ds", [(r"\frac{\partial\ell}{\partial s_k}", lambda c: sp.diff(ell, s[c["k"]])),
                           (r"\frac{1}{\tau}\,\frac{\partial\ell}{\partial z_k}", lambda c: sp.diff(ellz, zs[c["k"]]).subs(onz) / tau),
                           (r"\frac{q_k - y_k}{\tau}", lambda c: (qs[c["k"]] - y[c["k"]]) / tau)], ctxs=K3))
    q = rational
    ch.append(chain("hinge", [("h(0.3)", sp.Max(0, 1 - q("0.3"))), (r"\max(0,\ 1 - 0.3)", sp.Max(0, 1 - q("0.3"))), ("0.7", q("0.7"))]))
    a = sp.Matrix([R("a_1"), R("a_2")])
    pv = sp.Matrix([R("p_v1"), R("p_v2")])
    nv = sp.Matrix([R("n_v1"), R("n_v2")])
    alpha = P("alpha_m", 0.1, 1.0)
    sq = lambda v: (v.T * v)[0]  # noqa: E731
    trip = sq(a - pv) - sq(a - nv) + alpha
    g = lambda v: sp.Matrix([sp.diff(trip, vi) for vi in v])  # noqa: E731
    ch.append(chain("grad a", [(r"\nabla_a L", g(a)), ("2(a - p) - 2(a - n)", 2 * (a - pv) - 2 * (a - nv)), ("2(n - p)", 2 * (nv - pv))]))
    ch.append(chain("grad p", [(r"\nabla_p L", g(pv)), ("-2(a - p)", -2 * (a - pv)), ("2(p - a)", 2 * (pv - a))]))
    ch.append(chain("grad n", [(r"\nabla_n L", g(nv)), ("2(a - n)", 2 * (a - nv))]))
    ch.append(chain("cancel", [("2(n - p) + 2(p - a) + 2(a - n)", 2 * (nv - pv) + 2 * (pv - a) + 2 * (a - nv)), ("0", sp.zeros(2, 1))]))
    num = {s[0]: q("0.8"), s[1]: q("0.5"), s[2]: q("-0.1"), tau: q("0.1")}
    E1 = sp.E
    ch.append(chain("q+ num", [("q_+", qs[0].subs(num)), (r"\frac{e^{8}}{e^{8} + e^{5} + e^{-1}}", E1 ** 8 / (E1 ** 8 + E1 ** 5 + E1 ** -1)),
                               (r"\frac{1}{1 + e^{-3} + e^{-9}}", 1 / (1 + E1 ** -3 + E1 ** -9))]))
    ch.append(chain("ell num", [(r"\ell", ell.subs(num)), (r"-\log q_+", -log(qs[0].subs(num))), (r"\log\bigl(1 + e^{-3} + e^{-9}\bigr)", log(1 + E1 ** -3 + E1 ** -9))]))
    qp = qs[0].subs(num)
    ch.append(chain("grad num", [(r"\frac{\partial\ell}{\partial s_+}", sp.diff(ell, s[0]).subs(num)), (r"\frac{q_+ - 1}{\tau}", (qp - 1) / q("0.1")),
                                 (r"-10\,(1 - q_+)", -10 * (1 - qp)), (r"-\frac{10\,(e^{-3} + e^{-9})}{1 + e^{-3} + e^{-9}}", -10 * (E1 ** -3 + E1 ** -9) / (1 + E1 ** -3 + E1 ** -9))]))
    a1, p1, n1, al1 = R("a_1d"), R("p_1d"), R("n_1d"), P("alpha_m", 0.1, 1.0)
    t1 = (a1 - p1) ** 2 - (a1 - n1) ** 2 + al1
    n1d = {a1: 0, p1: q("0.5"), n1: q("0.4"), al1: q("0.2")}
    assert t1.subs(n1d) > 0
    ch.append(chain("trip num", [(r"\nabla_a L", sp.diff(t1, a1).subs(n1d)), ("2(n - p)", (2 * (n1 - p1)).subs(n1d)), ("2(0.4 - 0.5)", 2 * (q("0.4") - q("0.5"))), ("-0.2", q("-0.2"))]))
    dtau = sp.diff(ell, tau)
    ch.append(chain("dtau", [(r"\frac{\partial\ell}{\partial\tau}", dtau),
                             (r"\sum_k\frac{\partial\ell}{\partial z_k}\,\frac{\partial z_k}{\partial\tau}", sp.Add(*[sp.diff(ellz, zs[k]).subs(onz) * (-s[k] / tau ** 2) for k in range(3)])),
                             (r"-\frac{1}{\tau^2}\sum_k (q_k - y_k)\,s_k", -sp.Add(*[(qs[k] - y[k]) * s[k] for k in range(3)]) / tau ** 2),
                             (r"-\frac{1}{\tau}\sum_k (q_k - y_k)\,z_k", -sp.Add(*[(qs[k] - y[k]) * s[k] / tau for k in range(3)]) / tau)]))
    sbar = sp.Add(*[qs[k] * s[k] for k in range(3)])
    ch.append(chain("sbar", [(r"-\frac{1}{\tau^2}\Bigl(\sum_k q_k s_k - s_+\Bigr)", -(sbar - s[0]) / tau ** 2), (r"\frac{s_+ - \bar s}{\tau^2}", (s[0] - sbar) / tau ** 2)]))
    doc = Doc("contrastive_cheatsheet.md", ch)
    return with_plant(doc, r"\sum_k (q_k - y_k)\,s_k = ", r"\sum_k (q_k - y_k)\,z_k = ", "dtau", 2,
                      I(r"-\frac{1}{\tau^2}\sum_k (q_k - y_k)\,z_k", _fn(-sp.Add(*[(qs[k] - y[k]) * s[k] / tau for k in range(3)]) / tau ** 2)),
                      "wrong variable: the logits z_k for the similarities s_k inside the 1/tau^2 form of the temperature gradient")


DOCS = [init_variance_textbook, init_study_group, population_models_problem_set, population_dynamics_course_page,
        contrastive_losses_slides, contrastive_cheatsheet]
