"""Hand encodings of the corpus_ml11 documents of families 4-6 (scalar LSTM and GRU cells; RBF
kernels and two-point Gaussian processes; binary entropy, Bernoulli KL, probability generating
functions and dropout masks).

Same conventions as encodings_a.py: every display is a chain of I(anchor, fn) items, "def" links
introduce a name, all other links assert an identity; derivatives are taken with sympy.diff of the
function the text defines (the composed cell, the kernel, the log marginal likelihood written from
the 2x2 matrix with SymPy's own determinant and inverse, the entropy, the generating function).
"""
import sympy as sp

from framework import Chain, Doc, with_plant, sig  # noqa: F401
from helpers import I, R, P, rational  # noqa: F401
from encodings_a import DEF, half, Q, chain, _fn  # noqa: F401

exp, log, sqrt = sp.exp, sp.log, sp.sqrt
tanh, cosh, sinh = sp.tanh, sp.cosh, sp.sinh


def sech(u):
    return 1 / sp.cosh(u)


# ===========================================================================
# family 4: gated recurrent units in scalar form
def lstm_gradients_appendix():
    x, hp, cp = R("x_t", -1.5, 1.5), R("h_prev", -1.0, 1.0), R("c_prev", -2.0, 2.0)
    W = {k: R("w_" + k, -1.5, 1.5) for k in "fiog"}
    U = {k: R("u_" + k, -1.5, 1.5) for k in "fiog"}
    Bb = {k: R("b_" + k, -1.0, 1.0) for k in "fiog"}
    pre = {k: W[k] * x + U[k] * hp + Bb[k] for k in "fiog"}
    f, i, o = sig(pre["f"]), sig(pre["i"]), sig(pre["o"])
    g = tanh(pre["g"])
    c = f * cp + i * g
    h = o * tanh(c)
    ch = []
    names = {"f": r"\sigma(a^f_t)", "i": r"\sigma(a^i_t)", "o": r"\sigma(a^o_t)", "g": r"\tanh(a^g_t)"}
    vals = {"f": f, "i": i, "o": o, "g": g}
    for k in "fiog":
        ch.append(chain("a^" + k, [("a^%s_t" % k, pre[k]),
                                   (r"w_%s x_t + u_%s h_{t-1} + b_%s" % (k, k, k), pre[k])], DEF))
        ch.append(chain(k + "_t", [("%s_t" % k, vals[k]), (names[k], vals[k])], DEF))
    ch.append(chain("cell", [("c_t", c), (r"f_t c_{t-1} + i_t g_t", c)], DEF))
    ch.append(chain("hidden", [("h_t", h), (r"o_t \tanh(c_t)", h)], DEF))
    a = R("a_act", -3.0, 3.0)
    ch.append(chain("sigma'", [
        (r"\sigma'(a)", sp.diff(sig(a), a)),
        (r"\frac{e^{-a}}{(1 + e^{-a})^2}", exp(-a) / (1 + exp(-a)) ** 2),
        (r"\frac{1}{1 + e^{-a}}\cdot\frac{e^{-a}}{1 + e^{-a}}", 1 / (1 + exp(-a)) * exp(-a) / (1 + exp(-a))),
        (r"\sigma(a)\bigl(1 - \sigma(a)\bigr)", sig(a) * (1 - sig(a))),
    ]))
    ch.append(chain("tanh'", [
        (r"\tanh'(a)", sp.diff(tanh(a), a)),
        (r"\frac{\cosh^2 a - \sinh^2 a}{\cosh^2 a}", (cosh(a) ** 2 - sinh(a) ** 2) / cosh(a) ** 2),
        (r"1 - \tanh^2 a", 1 - tanh(a) ** 2),
    ]))
    ch.append(chain("tanh via sigma", [
        (r"2\sigma(2a) - 1", 2 * sig(2 * a) - 1),
        (r"\frac{2 - (1 + e^{-2a})}{1 + e^{-2a}}", (2 - (1 + exp(-2 * a))) / (1 + exp(-2 * a))),
        (r"\frac{1 - e^{-2a}}{1 + e^{-2a}}", (1 - exp(-2 * a)) / (1 + exp(-2 * a))),
        (r"\tanh a", tanh(a)),
    ]))
    ch.append(chain("dc/dcprev", [(r"\frac{\partial c_t}{\partial c_{t-1}}", sp.diff(c, cp)), ("f_t", f)]))
    ch.append(chain("dh/dcprev", [
        (r"\frac{\partial h_t}{\partial c_{t-1}}", sp.diff(h, cp)),
        (r"\frac{\partial h_t}{\partial c_t}\,\frac{\partial c_t}{\partial c_{t-1}}", o * (1 - tanh(c) ** 2) * sp.diff(c, cp)),
        (r"o_t\bigl(1 - \tanh^2 c_t\bigr)f_t", o * (1 - tanh(c) ** 2) * f),
    ]))
    # three steps along the cell path, gates as constants
    F = [P("f_%d" % k, 0.05, 0.95) for k in (1, 2, 3)]
    Ig = [R("ig_%d" % k, -1.0, 1.0) for k in (1, 2, 3)]
    c0 = R("c_0", -2.0, 2.0)
    c3 = c0
    for k in range(3):
        c3 = F[k] * c3 + Ig[k]
    ch.append(chain("dc3/dc0", [(r"\frac{\partial c_3}{\partial c_0}", sp.diff(c3, c0)), (r"f_3 f_2 f_1", F[2] * F[1] * F[0])]))
    # gate values as variables
    fv, iv, ov, gv = P("f_v", 0.05, 0.95), P("i_v", 0.05, 0.95), P("o_v", 0.05, 0.95), R("g_v", -0.95, 0.95)
    Hv = ov * tanh(fv * cp + iv * gv)
    cv = fv * cp + iv * gv
    ch.append(chain("dh/df", [(r"\frac{\partial h_t}{\partial f_t}", sp.diff(Hv, fv)),
                              (r"o_t(1 - \tanh^2 c_t)\,c_{t-1}", ov * (1 - tanh(cv) ** 2) * cp)]))
    ch.append(chain("dh/di", [(r"\frac{\partial h_t}{\partial i_t}", sp.diff(Hv, iv)),
                              (r"o_t(1 - \tanh^2 c_t)\,g_t", ov * (1 - tanh(cv) ** 2) * gv)]))
    ch.append(chain("dh/do", [(r"\frac{\partial h_t}{\partial o_t}", sp.diff(Hv, ov)), (r"\tanh c_t", tanh(cv))]))
    dsig = lambda u: sp.diff(sig(a), a).subs(a, u)  # noqa: E731
    ch.append(chain("dh/dwf", [
        (r"\frac{\partial h_t}{\partial w_f}", sp.diff(h, W["f"])),
        (r"\frac{\partial h_t}{\partial f_t}\,\sigma'(a^f_t)\,x_t", sp.diff(Hv, fv).subs({fv: f, iv: i, ov: o, gv: g}) * dsig(pre["f"]) * x),
        (r"o_t(1 - \tanh^2 c_t)\,c_{t-1}f_t(1 - f_t)\,x_t", o * (1 - tanh(c) ** 2) * cp * f * (1 - f) * x),
    ]))
    ch.append(chain("dh/dbg", [(r"\frac{\partial h_t}{\partial b_g}", sp.diff(h, Bb["g"])),
                               (r"o_t(1 - \tanh^2 c_t)\,i_t(1 - g_t^2)", o * (1 - tanh(c) ** 2) * i * (1 - g ** 2))]))
    ch.append(chain("jacobian", [
        (r"\frac{\partial h_t}{\partial h_{t-1}}", sp.diff(h, hp)),
        (r"\frac{\partial h_t}{\partial o_t}\,o_t(1 - o_t)\,u_o + o_t(1 - \tanh^2 c_t)\,\frac{\partial c_t}{\partial h_{t-1}}",
         tanh(c) * o * (1 - o) * U["o"] + o * (1 - tanh(c) ** 2) * sp.diff(c, hp)),
        (r"\tanh(c_t)\,o_t(1 - o_t)\,u_o + o_t(1 - \tanh^2 c_t)\bigl[c_{t-1}f_t(1 - f_t)u_f + g_t\,i_t(1 - i_t)u_i + i_t(1 - g_t^2)u_g\bigr]",
         tanh(c) * o * (1 - o) * U["o"] + o * (1 - tanh(c) ** 2) * (cp * f * (1 - f) * U["f"] + g * i * (1 - i) * U["i"]
                                                                     + i * (1 - g ** 2) * U["g"])),
    ]))
    pt = {x: 0, hp: 0, cp: 2}
    pt.update({Bb[k]: 0 for k in "fiog"})
    pt.update({U[k]: 1 for k in "fiog"})
    at = lambda e: e.subs(pt)  # noqa: E731
    ch.append(chain("gates numbers", [("f_t", at(f)), ("i_t", at(i)), ("o_t", at(o)), (r"\sigma(0)", sig(0)), (r"\frac12", half)]))
    ch.append(chain("g numbers", [("g_t", at(g)), (r"\tanh 0", tanh(0)), ("0", 0)]))
    ch.append(chain("c numbers", [("c_t", at(c)), (r"\frac12\cdot 2 + \frac12\cdot 0", 1), ("1", 1)]))
    ch.append(chain("h numbers", [("h_t", at(h)), (r"\frac12\tanh 1", half * tanh(1))]))
    ch.append(chain("dh/dcprev numbers", [(r"\frac{\partial h_t}{\partial c_{t-1}}", at(sp.diff(h, cp))),
                                          (r"\frac12\bigl(1 - \tanh^2 1\bigr)\cdot\frac12", half * (1 - tanh(1) ** 2) * half),
                                          (r"\frac14\sech^2 1", Q(1, 4) * sech(1) ** 2)]))
    ch.append(chain("jacobian numbers", [
        (r"\frac{\partial h_t}{\partial h_{t-1}}", at(sp.diff(h, hp))),
        (r"\tanh(1)\cdot\frac14 + \frac12\bigl(1 - \tanh^2 1\bigr)\Bigl[2\cdot\frac14 + 0\cdot\frac14 + \frac12\cdot 1\Bigr]",
         tanh(1) / 4 + half * (1 - tanh(1) ** 2) * (2 * Q(1, 4) + 0 + half)),
        (r"\frac14\tanh 1 + \frac12\sech^2 1", tanh(1) / 4 + half * sech(1) ** 2),
    ]))
    doc = Doc("lstm_gradients_appendix.tex", ch)
    return with_plant(doc, r"\Bigl[2\cdot\frac14 + 0\cdot\frac14 + \frac12\cdot 1\Bigr]", r"\Bigl[2\cdot\frac14 + 0\cdot\frac14\Bigr]",
                      "jacobian numbers", 1,
                      I(r"\tanh(1)\cdot\frac14 + \frac12\bigl(1 - \tanh^2 1\bigr)\Bigl[2\cdot\frac14 + 0\cdot\frac14\Bigr]",
                        _fn(tanh(1) / 4 + half * (1 - tanh(1) ** 2) * (2 * Q(1, 4) + 0))),
                      "dropped term: the candidate route (1/2)*1 = i_t (1 - g_t^2) u_g in the bracket of the recurrent "
                      "Jacobian at the test point")


def gru_lstm_study_group():
    a = R("a_act", -3.0, 3.0)
    ch = []
    ch.append(chain("sigma'", [(r"\sigma'(a)", sp.diff(sig(a), a)), (r"\sigma(a)\,(1 - \sigma(a))", sig(a) * (1 - sig(a)))]))
    ch.append(chain("tanh'", [(r"\tanh'(a)", sp.diff(tanh(a), a)), (r"1 - \tanh^2(a)", 1 - tanh(a) ** 2),
                              (r"\operatorname{sech}^2(a)", sech(a) ** 2)]))
    x, hp = R("x_t", -1.5, 1.5), R("h_prev", -1.0, 1.0)
    w = {k: R("w_gru_" + k, -1.5, 1.5) for k in "zrh"}
    u = {k: R("u_gru_" + k, -1.5, 1.5) for k in "zrh"}
    b = {k: R("b_gru_" + k, -1.0, 1.0) for k in "zrh"}
    z = sig(w["z"] * x + u["z"] * hp + b["z"])
    r = sig(w["r"] * x + u["r"] * hp + b["r"])
    T = lambda rr: tanh(w["h"] * x + u["h"] * rr * hp + b["h"])  # noqa: E731
    ht = T(r)
    h = (1 - z) * hp + z * ht
    ch.append(chain("z", [("z_t", z), (r"\sigma(w_z x_t + u_z h_{t-1} + b_z)", z)], DEF))
    ch.append(chain("r", [("r_t", r), (r"\sigma(w_r x_t + u_r h_{t-1} + b_r)", r)], DEF))
    ch.append(chain("h tilde", [(r"\tilde h_t", ht), (r"\tanh\bigl(w_h x_t + u_h\,r_t h_{t-1} + b_h\bigr)", ht)], DEF))
    ch.append(chain("h", [("h_t", h), (r"(1 - z_t)\,h_{t-1} + z_t\,\tilde h_t", h)], DEF))
    ch.append(chain("interpolation", [("h_t", h), (r"h_{t-1} + z_t\bigl(\tilde h_t - h_{t-1}\bigr)", hp + z * (ht - hp))]))
    zv, rv, thv = P("z_v", 0.05, 0.95), P("r_v", 0.05, 0.95), R("htilde_v", -0.95, 0.95)
    Hv = (1 - zv) * hp + zv * thv
    ch.append(chain("dh/dz", [(r"\frac{\partial h_t}{\partial z_t}", sp.diff(Hv, zv)), (r"\tilde h_t - h_{t-1}", thv - hp)]))
    ch.append(chain("dh/dht", [(r"\frac{\partial h_t}{\partial\tilde h_t}", sp.diff(Hv, thv)), ("z_t", zv)]))
    ch.append(chain("dht/dr", [(r"\frac{\partial\tilde h_t}{\partial r_t}", sp.diff(T(rv), rv)),
                               (r"(1 - \tilde h_t^2)\,u_h h_{t-1}", (1 - T(rv) ** 2) * u["h"] * hp)]))
    Hr = (1 - zv) * hp + zv * T(rv)
    ch.append(chain("dh/dr", [(r"\frac{\partial h_t}{\partial r_t}", sp.diff(Hr, rv)),
                              (r"\frac{\partial h_t}{\partial\tilde h_t}\,\frac{\partial\tilde h_t}{\partial r_t}", zv * sp.diff(T(rv), rv)),
                              (r"z_t\,(1 - \tilde h_t^2)\,u_h h_{t-1}", zv * (1 - T(rv) ** 2) * u["h"] * hp)]))
    ch.append(chain("dh/dwz", [(r"\frac{\partial h_t}{\partial w_z}", sp.diff(h, w["z"])),
                               (r"(\tilde h_t - h_{t-1})\,z_t(1 - z_t)\,x_t", (ht - hp) * z * (1 - z) * x)]))
    ch.append(chain("dh/dbh", [(r"\frac{\partial h_t}{\partial b_h}", sp.diff(h, b["h"])), (r"z_t\,(1 - \tilde h_t^2)", z * (1 - ht ** 2))]))
    ch.append(chain("recurrent", [
        (r"\frac{\partial h_t}{\partial h_{t-1}}", sp.diff(h, hp)),
        (r"(1 - z_t) + (\tilde h_t - h_{t-1})\,z_t(1 - z_t)\,u_z + z_t\,(1 - \tilde h_t^2)\,u_h\bigl(r_t + h_{t-1}\,r_t(1 - r_t)\,u_r\bigr)",
         (1 - z) + (ht - hp) * z * (1 - z) * u["z"] + z * (1 - ht ** 2) * u["h"] * (r + hp * r * (1 - r) * u["r"])),
    ]))
    fv, iv, ov, gv = P("f_v", 0.05, 0.95), P("i_v", 0.05, 0.95), P("o_v", 0.05, 0.95), R("g_v", -0.95, 0.95)
    cp = R("c_prev", -2.0, 2.0)
    cv = fv * cp + iv * gv
    ch.append(chain("dc/df", [(r"\frac{\partial c_t}{\partial f_t}", sp.diff(cv, fv)), ("c_{t-1}", cp)]))
    ch.append(chain("dc/dg", [(r"\frac{\partial c_t}{\partial g_t}", sp.diff(cv, gv)), ("i_t", iv)]))
    ch.append(chain("dh/dcprev", [(r"\frac{\partial h_t}{\partial c_{t-1}}", sp.diff(ov * tanh(cv), cp)),
                                  (r"o_t\,(1 - \tanh^2 c_t)\,f_t", ov * (1 - tanh(cv) ** 2) * fv)]))
    ch.append(chain("forget product", [(r"\prod_{t=1}^{10} f_t", sp.Mul(*[sig(3)] * 10)), (r"\sigma(3)^{10}", sig(3) ** 10),
                                       (r"\bigl(1 + e^{-3}\bigr)^{-10}", (1 + exp(-3)) ** -10)]))
    pt = {b["z"]: 0, b["r"]: 0, b["h"]: 0, w["z"]: 0, w["r"]: 0, w["h"]: 0, u["z"]: 0, u["r"]: 0, u["h"]: 2, hp: log(2)}
    at = lambda e: e.subs(pt)  # noqa: E731
    ch.append(chain("gates numbers", [("z_t", at(z)), ("r_t", at(r)), (r"\sigma(0)", sig(0)), (r"\frac12", half)]))
    ch.append(chain("h tilde numbers", [(r"\tilde h_t", at(ht)), (r"\tanh\Bigl(2\cdot\frac12\cdot\ln 2\Bigr)", tanh(2 * half * log(2))),
                                        (r"\tanh(\ln 2)", tanh(log(2))), (r"\frac{2 - 1/2}{2 + 1/2}", (2 - half) / (2 + half)),
                                        (r"\frac35", Q(3, 5))]))
    ch.append(chain("h numbers", [("h_t", at(h)), (r"\frac12\ln 2 + \frac12\cdot\frac35", half * log(2) + half * Q(3, 5)),
                                  (r"\frac{\ln 2}{2} + 0.3", log(2) / 2 + rational("0.3"))]))
    ch.append(chain("recurrent numbers", [
        (r"\frac{\partial h_t}{\partial h_{t-1}}", at(sp.diff(h, hp))),
        (r"\frac12 + \frac12\Bigl(1 - \frac{9}{25}\Bigr)\cdot 2\cdot\frac12", half + half * (1 - Q(9, 25)) * 2 * half),
        (r"\frac12 + \frac{8}{25}", half + Q(8, 25)),
        (r"\frac{41}{50}", Q(41, 50)),
    ]))
    doc = Doc("gru_lstm_study_group.md", ch)
    return with_plant(doc, r"= \frac12 + \frac12\Bigl(1 - \frac{9}{25}\Bigr)\cdot 2\cdot\frac12 =",
                      r"= \frac12 - \frac12\Bigl(1 - \frac{9}{25}\Bigr)\cdot 2\cdot\frac12 =", "recurrent numbers", 1,
                      I(r"\frac12 - \frac12\Bigl(1 - \frac{9}{25}\Bigr)\cdot 2\cdot\frac12", _fn(half - half * (1 - Q(9, 25)) * 2 * half)),
                      "sign: - for + before the candidate route z_t (1 - htilde_t^2) u_h r_t in the GRU's recurrent derivative "
                      "at the worked example")


# ===========================================================================
# family 5: RBF kernels and Gaussian processes in scalar form
def gp_marginal_likelihood_textbook():
    x, xp = R("x_in", -2.0, 2.0), R("x_in2", -2.0, 2.0)
    s, ell = P("s_amp", 0.3, 2.0), P("ell_len", 0.3, 2.0)
    kf = lambda X, Xp, S_, L_: S_ ** 2 * exp(-(X - Xp) ** 2 / (2 * L_ ** 2))  # noqa: E731
    k = kf(x, xp, s, ell)
    r = x - xp
    ch = [chain("k", [("k(x, x')", k), (r"s^2\exp\Bigl(-\frac{(x - x')^2}{2\ell^2}\Bigr)", k)], DEF)]
    ch.append(chain("dk/dl", [(r"\frac{\partial k}{\partial\ell}", sp.diff(k, ell)),
                              (r"s^2\exp\Bigl(-\frac{r^2}{2\ell^2}\Bigr)\frac{r^2}{\ell^3}", s ** 2 * exp(-r ** 2 / (2 * ell ** 2)) * r ** 2 / ell ** 3),
                              (r"\frac{r^2}{\ell^3}\,k(x, x')", r ** 2 / ell ** 3 * k)]))
    ch.append(chain("dk/ds", [(r"\frac{\partial k}{\partial s}", sp.diff(k, s)),
                              (r"2s\exp\Bigl(-\frac{r^2}{2\ell^2}\Bigr)", 2 * s * exp(-r ** 2 / (2 * ell ** 2))),
                              (r"\frac{2}{s}\,k(x, x')", 2 / s * k)]))
    lam = sp.Symbol("lam_log", real=True)
    ch.append(chain("dk/dlogl", [(r"\frac{\partial k}{\partial\log\ell}", sp.diff(kf(x, xp, s, exp(lam)), lam).subs(lam, log(ell))),
                                 (r"\ell\,\frac{\partial k}{\partial\ell}", ell * sp.diff(k, ell)),
                                 (r"\frac{r^2}{\ell^2}\,k(x, x')", r ** 2 / ell ** 2 * k)]))
    ch.append(chain("dk/dx", [(r"\frac{\partial k}{\partial x}", sp.diff(k, x)), (r"-\frac{r}{\ell^2}\,k(x, x')", -r / ell ** 2 * k)]))
    ch.append(chain("dk/dx'", [(r"\frac{\partial k}{\partial x'}", sp.diff(k, xp)), (r"\frac{r}{\ell^2}\,k(x, x')", r / ell ** 2 * k)]))
    ch.append(chain("d2k", [(r"\frac{\partial^2 k}{\partial x\,\partial x'}", sp.diff(k, x, xp)),
                            (r"\Bigl(\frac{1}{\ell^2} - \frac{r^2}{\ell^4}\Bigr)k(x, x')", (1 / ell ** 2 - r ** 2 / ell ** 4) * k)]))
    sn2 = P("sigma_n2", 0.05, 1.0)
    y = R("y_obs", -2.0, 2.0)
    v = s ** 2 + sn2
    L1 = -y ** 2 / (2 * v) - half * log(2 * sp.pi * v)      # log of the N(0, v) density at y
    ch.append(chain("L1", [("L_1(s)", L1), (r"-\frac{y^2}{2(s^2 + \sigma_n^2)} - \frac12\log(s^2 + \sigma_n^2) - \frac12\log 2\pi",
                                             -y ** 2 / (2 * v) - half * log(v) - half * log(2 * sp.pi))], DEF))
    ch.append(chain("dL1/ds", [(r"\frac{dL_1}{ds}", sp.diff(L1, s)),
                               (r"\frac{s\,y^2}{(s^2 + \sigma_n^2)^2} - \frac{s}{s^2 + \sigma_n^2}", s * y ** 2 / v ** 2 - s / v),
                               (r"\frac{s\,(y^2 - s^2 - \sigma_n^2)}{(s^2 + \sigma_n^2)^2}", s * (y ** 2 - s ** 2 - sn2) / v ** 2)]))
    rr = R("r_dist", -2.0, 2.0)
    y1, y2 = R("y_1", -2.0, 2.0), R("y_2", -2.0, 2.0)
    a = s ** 2 + sn2
    bf = lambda L_: s ** 2 * exp(-rr ** 2 / (2 * L_ ** 2))  # noqa: E731
    b = bf(ell)
    Kf = lambda bb: sp.Matrix([[a, bb], [bb, a]])  # noqa: E731
    K = Kf(b)
    yv = sp.Matrix([y1, y2])
    Sv, Pv = y1 ** 2 + y2 ** 2, y1 * y2
    ch.append(chain("K", [("K", K), (r"\begin{pmatrix} a & b \\ b & a \end{pmatrix}", K)], DEF))
    ch.append(chain("det", [(r"\det K", K.det()), (r"a^2 - b^2", a ** 2 - b ** 2), (r"(a - b)(a + b)", (a - b) * (a + b))]))
    ch.append(chain("inverse", [(r"K^{-1}", K.inv()),
                                (r"\frac{1}{a^2 - b^2}\begin{pmatrix} a & -b \\ -b & a \end{pmatrix}",
                                 sp.Matrix([[a, -b], [-b, a]]) / (a ** 2 - b ** 2))]))
    quad = lambda bb: (yv.T * Kf(bb).inv() * yv)[0, 0]  # noqa: E731
    lml = lambda bb: -half * quad(bb) - half * log(Kf(bb).det()) - log(2 * sp.pi)  # noqa: E731
    ch.append(chain("quad", [(r"\y^\top K^{-1}\y", quad(b)), (r"\frac{aS - 2bP}{a^2 - b^2}", (a * Sv - 2 * b * Pv) / (a ** 2 - b ** 2))]))
    ch.append(chain("lml", [(r"\log p(\y)", lml(b)),
                            (r"-\frac{aS - 2bP}{2(a^2 - b^2)} - \frac12\log(a^2 - b^2) - \log 2\pi",
                             -(a * Sv - 2 * b * Pv) / (2 * (a ** 2 - b ** 2)) - half * log(a ** 2 - b ** 2) - log(2 * sp.pi))]))
    bb = sp.Symbol("b_dummy", positive=True)
    qform = (a * Sv - 2 * bb * Pv) / (a ** 2 - bb ** 2)
    ch.append(chain("dquad/db", [
        (r"\frac{\partial}{\partial b}\,\frac{aS - 2bP}{a^2 - b^2}", sp.diff(qform, bb).subs(bb, b)),
        (r"\frac{-2P(a^2 - b^2) + 2b(aS - 2bP)}{(a^2 - b^2)^2}", (-2 * Pv * (a ** 2 - b ** 2) + 2 * b * (a * Sv - 2 * b * Pv)) / (a ** 2 - b ** 2) ** 2),
        (r"\frac{2abS - 2P(a^2 + b^2)}{(a^2 - b^2)^2}", (2 * a * b * Sv - 2 * Pv * (a ** 2 + b ** 2)) / (a ** 2 - b ** 2) ** 2),
    ]))
    ch.append(chain("dlogdet/db", [(r"\frac{\partial}{\partial b}\log(a^2 - b^2)", sp.diff(log(a ** 2 - bb ** 2), bb).subs(bb, b)),
                                   (r"-\frac{2b}{a^2 - b^2}", -2 * b / (a ** 2 - b ** 2))]))
    dK = sp.diff(Kf(bf(ell)), ell)
    Ki = K.inv()
    ch.append(chain("dlml/dl", [
        (r"\frac{\partial\log p(\y)}{\partial\ell}", sp.diff(lml(bf(ell)), ell)),
        (r"\frac{\partial b}{\partial\ell}\,\frac{\partial\log p(\y)}{\partial b}", sp.diff(b, ell) * sp.diff(lml(bb), bb).subs(bb, b)),
        (r"\frac{b\,r^2}{\ell^3}\Bigl[\frac{P(a^2 + b^2) - abS}{(a^2 - b^2)^2} + \frac{b}{a^2 - b^2}\Bigr]",
         b * rr ** 2 / ell ** 3 * ((Pv * (a ** 2 + b ** 2) - a * b * Sv) / (a ** 2 - b ** 2) ** 2 + b / (a ** 2 - b ** 2))),
        (r"\frac12\operatorname{tr}\Bigl(\bigl(K^{-1}\y\y^\top K^{-1} - K^{-1}\bigr)\frac{\partial K}{\partial\ell}\Bigr)",
         half * ((Ki * yv * yv.T * Ki - Ki) * dK).trace()),
    ]))
    ex = {s: 1, sn2: 0, rr: 1, ell: 1, y1: 1, y2: -1}
    A1, B1 = 1, exp(-half)
    ch.append(chain("example quad", [(r"\y^\top K^{-1}\y", quad(b).subs(ex)), (r"\frac{2a + 2b}{a^2 - b^2}", (2 * A1 + 2 * B1) / (A1 ** 2 - B1 ** 2)),
                                     (r"\frac{2}{a - b}", 2 / (A1 - B1)), (r"\frac{2}{1 - e^{-1/2}}", 2 / (1 - exp(-half)))]))
    ch.append(chain("example gradient", [
        (r"\frac{\partial\log p(\y)}{\partial\ell}", sp.diff(lml(bf(ell)), ell).subs(ex)),
        (r"e^{-1/2}\Bigl[-\frac{1}{(1 - e^{-1/2})^2} + \frac{e^{-1/2}}{1 - e^{-1}}\Bigr]",
         exp(-half) * (-1 / (1 - exp(-half)) ** 2 + exp(-half) / (1 - exp(-1)))),
        (r"-\frac{e^{-1/2}(1 + e^{-1})}{(1 - e^{-1/2})^2(1 + e^{-1/2})}",
         -exp(-half) * (1 + exp(-1)) / ((1 - exp(-half)) ** 2 * (1 + exp(-half)))),
    ]))
    doc = Doc("gp_marginal_likelihood_textbook.tex", ch)
    wrong = (-2 * Pv * (a ** 2 - b ** 2) + b * (a * Sv - 2 * b * Pv)) / (a ** 2 - b ** 2) ** 2
    return with_plant(doc, r"+ 2b(aS - 2bP)}{(a^2 - b^2)^2}", r"+ b(aS - 2bP)}{(a^2 - b^2)^2}", "dquad/db", 1,
                      I(r"\frac{-2P(a^2 - b^2) + b(aS - 2bP)}{(a^2 - b^2)^2}", _fn(wrong)),
                      "dropped factor: the 2 of d(a^2 - b^2)/db = -2b in the quotient rule for the b-derivative of the "
                      "quadratic form")


def rbf_gp_cheatsheet():
    x, xp = R("x_in", -2.0, 2.0), R("x_in2", -2.0, 2.0)
    s, ell = P("s_amp", 0.3, 2.0), P("ell_len", 0.3, 2.0)
    kf = lambda X, Xp, S_, L_: S_ ** 2 * exp(-(X - Xp) ** 2 / (2 * L_ ** 2))  # noqa: E731
    k = kf(x, xp, s, ell)
    ch = [chain("k", [("k(x, x')", k), (r"s^2\exp\!\Bigl(-\frac{(x - x')^2}{2\ell^2}\Bigr)", k)], DEF)]
    th, lam = sp.Symbol("theta_log", real=True), sp.Symbol("lam_log", real=True)
    ch.append(chain("dk/dtheta", [(r"\frac{\partial k}{\partial\theta}", sp.diff(kf(x, xp, exp(th), ell), th).subs(th, log(s))),
                                  ("2k", 2 * k)]))
    ch.append(chain("dk/dlambda", [(r"\frac{\partial k}{\partial\lambda}", sp.diff(kf(x, xp, s, exp(lam)), lam).subs(lam, log(ell))),
                                   (r"\frac{(x - x')^2}{\ell^2}\,k", (x - xp) ** 2 / ell ** 2 * k)]))
    ch.append(chain("dk/dx", [(r"\frac{\partial k}{\partial x}", sp.diff(k, x)), (r"-\frac{x - x'}{\ell^2}\,k", -(x - xp) / ell ** 2 * k)]))
    ch.append(chain("d2k/dx2", [(r"\frac{\partial^2 k}{\partial x^2}", sp.diff(k, x, 2)),
                                (r"\Bigl(\frac{(x - x')^2}{\ell^4} - \frac{1}{\ell^2}\Bigr)k", ((x - xp) ** 2 / ell ** 4 - 1 / ell ** 2) * k)]))
    ch.append(chain("steepest", [
        (r"\Bigl|\frac{\partial k}{\partial x}\Bigr|_{|x - x'| = \ell}", sp.Abs(sp.diff(k, x).subs(x, xp + ell))),
        (r"\frac{\ell}{\ell^2}\,s^2e^{-1/2}", ell / ell ** 2 * s ** 2 * exp(-half)),
        (r"\frac{s^2}{\ell\sqrt{e}}", s ** 2 / (ell * sqrt(sp.E))),
    ]))
    v, y = P("sigma2_noise", 0.05, 1.0), R("y_obs", -2.0, 2.0)
    L = -y ** 2 / (2 * (s ** 2 + v)) - half * log(2 * sp.pi * (s ** 2 + v))
    ch.append(chain("L", [(r"L(\sigma^2)", L), (r"-\frac{y^2}{2(s^2 + \sigma^2)} - \frac12\log\bigl(2\pi(s^2 + \sigma^2)\bigr)", L)], DEF))
    ch.append(chain("dL/dsigma2", [(r"\frac{\partial L}{\partial\sigma^2}", sp.diff(L, v)),
                                   (r"\frac{y^2}{2(s^2 + \sigma^2)^2} - \frac{1}{2(s^2 + \sigma^2)}",
                                    y ** 2 / (2 * (s ** 2 + v) ** 2) - 1 / (2 * (s ** 2 + v))),
                                   (r"\frac{y^2 - s^2 - \sigma^2}{2(s^2 + \sigma^2)^2}", (y ** 2 - s ** 2 - v) / (2 * (s ** 2 + v) ** 2))]))
    k11, k22 = P("k_11", 1.5, 3.0), P("k_22", 1.5, 3.0)
    k12 = R("k_12", -1.2, 1.2)
    K = sp.Matrix([[k11, k12], [k12, k22]])
    adj = sp.Matrix([[k22, -k12], [-k12, k11]])
    dt = k11 * k22 - k12 ** 2
    ch.append(chain("K", [("K", K), (r"\begin{pmatrix} k_{11} & k_{12} \\ k_{12} & k_{22} \end{pmatrix}", K)], DEF))
    ch.append(chain("K inverse", [(r"K^{-1}", K.inv()),
                                  (r"\frac{1}{k_{11}k_{22} - k_{12}^2}\begin{pmatrix} k_{22} & -k_{12} \\ -k_{12} & k_{11} \end{pmatrix}", adj / dt)]))
    ch.append(chain("check", [(r"K\begin{pmatrix} k_{22} & -k_{12} \\ -k_{12} & k_{11} \end{pmatrix}", K * adj),
                              (r"\begin{pmatrix} k_{11}k_{22} - k_{12}^2 & 0 \\ 0 & k_{11}k_{22} - k_{12}^2 \end{pmatrix}",
                               sp.Matrix([[dt, 0], [0, dt]])),
                              (r"(k_{11}k_{22} - k_{12}^2)\,I", dt * sp.eye(2))]))
    y1, y2 = R("y_1", -2.0, 2.0), R("y_2", -2.0, 2.0)
    yv = sp.Matrix([y1, y2])
    ch.append(chain("quad", [(r"\mathbf{y}^\top K^{-1}\mathbf{y}", (yv.T * K.inv() * yv)[0, 0]),
                             (r"\frac{k_{22}y_1^2 - 2k_{12}y_1y_2 + k_{11}y_2^2}{k_{11}k_{22} - k_{12}^2}",
                              (k22 * y1 ** 2 - 2 * k12 * y1 * y2 + k11 * y2 ** 2) / dt)]))
    rho = P("rho_corr", 0.05, 0.95)
    a, b = s ** 2 + v, s ** 2 * rho
    Ks = sp.Matrix([[a, b], [b, a]])
    dKs = sp.diff(Ks, s)
    Ki = Ks.inv()
    lml = -half * (yv.T * Ki * yv)[0, 0] - half * log(Ks.det()) - log(2 * sp.pi)
    ch.append(chain("dlml/ds", [(r"\frac{\partial\log p(\mathbf{y})}{\partial s}", sp.diff(lml, s)),
                                (r"\frac12\mathbf{y}^\top K^{-1}\frac{\partial K}{\partial s}K^{-1}\mathbf{y} - \frac12\operatorname{tr}\Bigl(K^{-1}\frac{\partial K}{\partial s}\Bigr)",
                                 half * (yv.T * Ki * dKs * Ki * yv)[0, 0] - half * (Ki * dKs).trace())]))
    ch.append(chain("trace", [(r"\operatorname{tr}\Bigl(K^{-1}\frac{\partial K}{\partial s}\Bigr)", (Ki * dKs).trace()),
                              (r"\frac{2s\,(2a - 2b\rho)}{a^2 - b^2}", 2 * s * (2 * a - 2 * b * rho) / (a ** 2 - b ** 2)),
                              (r"\frac{4s\,(a - b\rho)}{a^2 - b^2}", 4 * s * (a - b * rho) / (a ** 2 - b ** 2))]))
    xs, x1, y1s = R("x_star", -2.0, 2.0), R("x_1", -2.0, 2.0), R("y_one", -2.0, 2.0)
    mu = kf(xs, x1, s, ell) / (s ** 2 + v) * y1s
    ch.append(chain("mu", [(r"\mu(x_*)", mu), (r"\frac{k(x_*, x_1)}{s^2 + \sigma^2}\,y_1", mu)], DEF))
    ch.append(chain("dmu", [(r"\frac{\partial\mu}{\partial x_*}", sp.diff(mu, xs)), (r"-\frac{x_* - x_1}{\ell^2}\,\mu(x_*)", -(xs - x1) / ell ** 2 * mu)]))
    num = {s: 1, v: rational("0.25"), rho: exp(-half)}
    A1, B1 = rational("1.25"), exp(-half)
    ch.append(chain("det numbers", [(r"\det K", Ks.det().subs(num)), (r"1.25^2 - e^{-1}", A1 ** 2 - exp(-1)),
                                    (r"1.5625 - e^{-1}", rational("1.5625") - exp(-1))]))
    one = sp.Matrix([1, 1])
    ch.append(chain("quad numbers", [(r"\mathbf{y}^\top K^{-1}\mathbf{y}", (one.T * Ks.inv() * one)[0, 0].subs(num)),
                                     (r"\frac{1.25 - 2e^{-1/2} + 1.25}{1.5625 - e^{-1}}", (A1 - 2 * B1 + A1) / (rational("1.5625") - exp(-1))),
                                     (r"\frac{2}{1.25 + e^{-1/2}}", 2 / (A1 + B1))]))
    ch.append(chain("trace numbers", [(r"\operatorname{tr}\Bigl(K^{-1}\frac{\partial K}{\partial s}\Bigr)", (Ki * dKs).trace().subs(num)),
                                      (r"\frac{4\cdot 1\cdot(1.25 - e^{-1/2}\cdot e^{-1/2})}{1.5625 - e^{-1}}",
                                       4 * 1 * (A1 - B1 * B1) / (rational("1.5625") - exp(-1))),
                                      (r"\frac{4(1.25 - e^{-1})}{1.5625 - e^{-1}}", 4 * (A1 - exp(-1)) / (rational("1.5625") - exp(-1)))]))
    ch.append(chain("mu numbers", [(r"\mu(1)", mu.subs({xs: 1, x1: 0, y1s: 1, s: 1, ell: 1, v: rational("0.25")})),
                                   (r"\frac{e^{-1/2}}{1.25}", exp(-half) / A1), (r"0.8\,e^{-1/2}", rational("0.8") * exp(-half))]))
    doc = Doc("rbf_gp_cheatsheet.md", ch)
    return with_plant(doc, r"= \frac{4\cdot 1\cdot(1.25", r"= \frac{2\cdot 1\cdot(1.25", "trace numbers", 1,
                      I(r"\frac{2\cdot 1\cdot(1.25 - e^{-1/2}\cdot e^{-1/2})}{1.5625 - e^{-1}}",
                        _fn(2 * 1 * (A1 - B1 * B1) / (rational("1.5625") - exp(-1)))),
                      "wrong constant: 2 for 4 = 2 * 2s (trace of K^-1 dK/ds at s = 1) in the numerical trace term")


# ===========================================================================
# family 6: information theory and generating functions
def NS(lo=1, hi=5):
    return [{"n": n} for n in range(lo, hi + 1)]


def binom_pmf(n, p, k):
    return sp.binomial(n, k) * p ** k * (1 - p) ** (n - k)


def entropy_kl_pgf_problem_set():
    p, q = P("p_prob", 0.05, 0.95), P("q_prob", 0.05, 0.95)
    z = R("z_pgf", -1.5, 1.5)
    ch = []
    Gs = lambda n, zz: sp.Add(*[binom_pmf(n, p, k) * zz ** k for k in range(n + 1)])  # noqa: E731  E[z^X] as a sum
    mom = lambda n, f: sp.Add(*[f(k) * binom_pmf(n, p, k) for k in range(n + 1)])  # noqa: E731
    ch.append(chain("G", [
        ("G(z)", lambda c: Gs(c["n"], z)),
        (r"\E\bigl[z^X\bigr]", lambda c: Gs(c["n"], z)),
        (r"\sum_{k=0}^{n}\binom{n}{k}p^k(1-p)^{n-k}z^k", lambda c: sp.Add(*[sp.binomial(c["n"], k) * p ** k * (1 - p) ** (c["n"] - k) * z ** k
                                                                        for k in range(c["n"] + 1)])),
        (r"(1 - p + pz)^n", lambda c: (1 - p + p * z) ** c["n"]),
    ], [DEF, "id", "id"], ctxs=NS()))
    ch.append(chain("G'", [("G'(z)", lambda c: sp.diff(Gs(c["n"], z), z)),
                           (r"np\,(1 - p + pz)^{n-1}", lambda c: c["n"] * p * (1 - p + p * z) ** (c["n"] - 1))], ctxs=NS()))
    ch.append(chain("G''", [("G''(z)", lambda c: sp.diff(Gs(c["n"], z), z, 2)),
                            (r"n(n-1)p^2(1 - p + pz)^{n-2}", lambda c: c["n"] * (c["n"] - 1) * p ** 2 * (1 - p + p * z) ** (c["n"] - 2))],
                    ctxs=NS()))
    ch.append(chain("E X", [(r"\E[X]", lambda c: mom(c["n"], lambda k: k)),
                            ("G'(1)", lambda c: sp.diff(Gs(c["n"], z), z).subs(z, 1)), ("np", lambda c: c["n"] * p)], ctxs=NS()))
    ch.append(chain("E X(X-1)", [(r"\E[X(X-1)]", lambda c: mom(c["n"], lambda k: k * (k - 1))),
                                 ("G''(1)", lambda c: sp.diff(Gs(c["n"], z), z, 2).subs(z, 1)),
                                 (r"n(n-1)p^2", lambda c: c["n"] * (c["n"] - 1) * p ** 2)], ctxs=NS()))
    G1 = lambda c: sp.diff(Gs(c["n"], z), z).subs(z, 1)  # noqa: E731
    G2 = lambda c: sp.diff(Gs(c["n"], z), z, 2).subs(z, 1)  # noqa: E731
    ch.append(chain("Var", [
        (r"\Var(X)", lambda c: mom(c["n"], lambda k: k ** 2) - mom(c["n"], lambda k: k) ** 2),
        (r"G''(1) + G'(1) - G'(1)^2", lambda c: G2(c) + G1(c) - G1(c) ** 2),
        (r"n(n-1)p^2 + np - n^2p^2", lambda c: c["n"] * (c["n"] - 1) * p ** 2 + c["n"] * p - c["n"] ** 2 * p ** 2),
        (r"np - np^2", lambda c: c["n"] * p - c["n"] * p ** 2),
        (r"np(1-p)", lambda c: c["n"] * p * (1 - p)),
    ], ctxs=NS()))
    NM = [{"n": n, "m": m} for n in (1, 2, 3) for m in (1, 2, 3)]
    ch.append(chain("sum", [
        (r"G_{X+Y}(z)", lambda c: sp.Add(*[binom_pmf(c["n"], p, k) * binom_pmf(c["m"], p, j) * z ** (k + j)
                                            for k in range(c["n"] + 1) for j in range(c["m"] + 1)])),
        (r"G_X(z)\,G_Y(z)", lambda c: Gs(c["n"], z) * Gs(c["m"], z)),
        (r"(1 - p + pz)^{n+m}", lambda c: (1 - p + p * z) ** (c["n"] + c["m"])),
    ], ctxs=NM))
    p3 = rational("0.3")
    ch.append(chain("Var numbers", [(r"\Var(X)", mom(10, lambda k: k ** 2).subs(p, p3) - mom(10, lambda k: k).subs(p, p3) ** 2),
                                    (r"10\cdot 0.3\cdot 0.7", 10 * p3 * rational("0.7")), ("2.1", rational("2.1"))]))
    H = lambda u: -u * log(u) - (1 - u) * log(1 - u)  # noqa: E731
    ch.append(chain("H", [("H(p)", H(p)), (r"-p\log p - (1-p)\log(1-p)", H(p))], DEF))
    ch.append(chain("H'", [("H'(p)", sp.diff(H(p), p)), (r"-\log p - 1 + \log(1-p) + 1", -log(p) - 1 + log(1 - p) + 1),
                           (r"\log\frac{1-p}{p}", log((1 - p) / p))]))
    ch.append(chain("H''", [("H''(p)", sp.diff(H(p), p, 2)), (r"-\frac{1}{p} - \frac{1}{1-p}", -1 / p - 1 / (1 - p)),
                            (r"-\frac{1}{p(1-p)}", -1 / (p * (1 - p)))]))
    ch.append(chain("H(1/2)", [(r"H\bigl(\tfrac12\bigr)", H(half)), (r"-\tfrac12\log\tfrac12 - \tfrac12\log\tfrac12", -half * log(half) * 2),
                               (r"\log 2", log(2))]))
    D = lambda pp, qq: pp * log(pp / qq) + (1 - pp) * log((1 - pp) / (1 - qq))  # noqa: E731
    ch.append(chain("KL", [(r"\KL{p}{q}", D(p, q)), (r"p\log\frac{p}{q} + (1-p)\log\frac{1-p}{1-q}", D(p, q))], DEF))
    ch.append(chain("dD/dq", [(r"\frac{\partial}{\partial q}\KL{p}{q}", sp.diff(D(p, q), q)),
                              (r"-\frac{p}{q} + \frac{1-p}{1-q}", -p / q + (1 - p) / (1 - q)),
                              (r"\frac{q - p}{q(1-q)}", (q - p) / (q * (1 - q)))]))
    ch.append(chain("d2D/dq2", [
        (r"\frac{\partial^2}{\partial q^2}\KL{p}{q}\Big|_{q=p}", sp.diff(D(p, q), q, 2).subs(q, p)),
        (r"\frac{p}{q^2} + \frac{1-p}{(1-q)^2}\Big|_{q=p}", (p / q ** 2 + (1 - p) / (1 - q) ** 2).subs(q, p)),
        (r"\frac{1}{p} + \frac{1}{1-p}", 1 / p + 1 / (1 - p)),
        (r"\frac{1}{p(1-p)}", 1 / (p * (1 - p))),
    ]))
    ch.append(chain("dD/dp", [(r"\frac{\partial}{\partial p}\KL{p}{q}", sp.diff(D(p, q), p)),
                              (r"\log\frac{p}{q} - \log\frac{1-p}{1-q}", log(p / q) - log((1 - p) / (1 - q))),
                              (r"\log\frac{p(1-q)}{q(1-p)}", log(p * (1 - q) / (q * (1 - p))))]))
    ch.append(chain("cross entropy", [
        (r"\KL{p}{q}", D(p, q)),
        (r"p\log p + (1-p)\log(1-p) - p\log q - (1-p)\log(1-q)", p * log(p) + (1 - p) * log(1 - p) - p * log(q) - (1 - p) * log(1 - q)),
        (r"-H(p) - p\log q - (1-p)\log(1-q)", -H(p) - p * log(q) - (1 - p) * log(1 - q)),
    ]))
    ch.append(chain("KL numbers", [
        (r"\KL{\tfrac12}{\tfrac14}", D(half, Q(1, 4))),
        (r"\frac12\log\frac{1/2}{1/4} + \frac12\log\frac{1/2}{3/4}", half * log(half / Q(1, 4)) + half * log(half / Q(3, 4))),
        (r"\frac12\log 2 + \frac12\log\frac23", half * log(2) + half * log(Q(2, 3))),
        (r"\frac12\log\frac43", half * log(Q(4, 3))),
    ]))
    ch.append(chain("dD/dq numbers", [(r"\frac{\partial}{\partial q}\KL{p}{q}\Big|_{(1/2,\,1/4)}", sp.diff(D(p, q), q).subs({p: half, q: Q(1, 4)})),
                                      (r"\frac{1/4 - 1/2}{\frac14\cdot\frac34}", (Q(1, 4) - half) / (Q(1, 4) * Q(3, 4))),
                                      (r"-\frac43", -Q(4, 3))]))
    doc = Doc("entropy_kl_pgf_problem_set.tex", ch)
    return with_plant(doc, r"- p\log q - (1-p)\log(1-q) \\", r"- p\log q - (1-q)\log(1-q) \\", "cross entropy", 1,
                      I(r"p\log p + (1-p)\log(1-p) - p\log q - (1-q)\log(1-q)",
                        _fn(p * log(p) + (1 - p) * log(1 - p) - p * log(q) - (1 - q) * log(1 - q))),
                      "wrong variable: (1 - q) for (1 - p) as the weight of log(1 - q) in the expanded Bernoulli KL divergence")


def entropy_dropout_pgf_lecture_notes():
    import itertools
    p = P("p_prob", 0.05, 0.95)
    ln2 = log(2)
    H = lambda u: -u * log(u) - (1 - u) * log(1 - u)  # noqa: E731
    H2 = lambda u: -u * log(u, 2) - (1 - u) * log(1 - u, 2)  # noqa: E731
    ch = []
    ch.append(chain("H2", [("H_2(p)", H2(p)), (r"-p\log_2 p - (1-p)\log_2(1-p)", H2(p)), (r"\frac{H(p)}{\ln 2}", H(p) / ln2)],
                    [DEF, "id"]))
    ch.append(chain("dH2", [(r"\frac{dH_2}{dp}", sp.diff(H2(p), p)), (r"\frac{1}{\ln 2}\ln\frac{1-p}{p}", log((1 - p) / p) / ln2),
                            (r"\log_2\frac{1-p}{p}", log((1 - p) / p, 2))]))
    ch.append(chain("H2(1/4)", [(r"H_2\bigl(\tfrac14\bigr)", H2(Q(1, 4))),
                                (r"\tfrac14\log_2 4 + \tfrac34\log_2\tfrac43", Q(1, 4) * log(4, 2) + Q(3, 4) * log(Q(4, 3), 2)),
                                (r"\tfrac12 + \tfrac34\bigl(2 - \log_2 3\bigr)", half + Q(3, 4) * (2 - log(3, 2))),
                                (r"2 - \tfrac34\log_2 3", 2 - Q(3, 4) * log(3, 2))]))
    th = R("theta_logit", -3.0, 3.0)
    D = lambda pp, qq: pp * log(pp / qq) + (1 - pp) * log((1 - pp) / (1 - qq))  # noqa: E731
    qs = sig(th)
    ch.append(chain("logistic link", [
        (r"\frac{\partial}{\partial\theta}D\bigl(p\,\|\,\sigma(\theta)\bigr)", sp.diff(D(p, qs), th)),
        (r"\frac{q - p}{q(1-q)}\cdot q(1-q)", (qs - p) / (qs * (1 - qs)) * qs * (1 - qs)),
        ("q - p", qs - p),
        (r"\sigma(\theta) - p", sig(th) - p),
    ]))
    q = P("q_keep", 0.05, 0.95)
    z = R("z_pgf", -1.5, 1.5)
    Em = lambda f: (1 - q) * f(0) + q * f(1)  # noqa: E731  expectation over one mask
    Gm = Em(lambda m: z ** m)
    ch.append(chain("G_m", [("G_m(z)", Gm), (r"\mathbb{E}[z^m]", Gm), (r"(1-q)z^0 + qz^1", (1 - q) * z ** 0 + q * z ** 1),
                            (r"1 - q + qz", 1 - q + q * z)], [DEF, "id", "id"]))
    G1, G2 = sp.diff(Gm, z).subs(z, 1), sp.diff(Gm, z, 2).subs(z, 1)
    ch.append(chain("E m", [(r"\mathbb{E}[m]", Em(lambda m: m)), ("G_m'(1)", G1), ("q", q)]))
    varm = Em(lambda m: m ** 2) - Em(lambda m: m) ** 2
    ch.append(chain("Var m", [(r"\operatorname{Var}(m)", varm), (r"G_m''(1) + G_m'(1) - G_m'(1)^2", G2 + G1 - G1 ** 2),
                              (r"0 + q - q^2", q - q ** 2), (r"q(1-q)", q * (1 - q))]))
    x = R("x_in", -2.0, 2.0)
    ch.append(chain("E xtilde", [(r"\mathbb{E}[\tilde x]", Em(lambda m: m * x / q)), (r"\frac{x}{q}\,\mathbb{E}[m]", x / q * q), ("x", x)]))
    ch.append(chain("Var xtilde", [(r"\operatorname{Var}(\tilde x)", Em(lambda m: (m * x / q) ** 2) - Em(lambda m: m * x / q) ** 2),
                                   (r"\frac{x^2}{q^2}\operatorname{Var}(m)", x ** 2 / q ** 2 * varm),
                                   (r"\frac{x^2(1-q)}{q}", x ** 2 * (1 - q) / q)]))
    ws = [R("w_%d" % i, -1.5, 1.5) for i in range(1, 5)]
    xs = [R("xin_%d" % i, -1.5, 1.5) for i in range(1, 5)]

    def Emask(n, f):
        """Expectation over n independent Bern(q) masks, by enumerating all 2^n patterns."""
        out = 0
        for pat in itertools.product([0, 1], repeat=n):
            pr = sp.Mul(*[q if b else 1 - q for b in pat])
            out += pr * f(pat)
        return out
    yfun = lambda n: (lambda pat: sp.Add(*[ws[i] * pat[i] * xs[i] for i in range(n)]) / q)  # noqa: E731
    NSx = [{"n": n} for n in range(1, 5)]
    ch.append(chain("E y", [
        (r"\mathbb{E}[y]", lambda c: Emask(c["n"], yfun(c["n"]))),
        (r"\frac1q\sum_{i=1}^{n}w_ix_i\,\mathbb{E}[m_i]", lambda c: sp.Add(*[ws[i] * xs[i] * q for i in range(c["n"])]) / q),
        (r"\sum_{i=1}^{n}w_ix_i", lambda c: sp.Add(*[ws[i] * xs[i] for i in range(c["n"])])),
    ], ctxs=NSx))
    ch.append(chain("Var y", [
        (r"\operatorname{Var}(y)", lambda c: Emask(c["n"], lambda pat: yfun(c["n"])(pat) ** 2) - Emask(c["n"], yfun(c["n"])) ** 2),
        (r"\frac{1}{q^2}\sum_{i=1}^{n}w_i^2x_i^2\operatorname{Var}(m_i)", lambda c: sp.Add(*[ws[i] ** 2 * xs[i] ** 2 * varm for i in range(c["n"])]) / q ** 2),
        (r"\frac{1-q}{q}\sum_{i=1}^{n}w_i^2x_i^2", lambda c: (1 - q) / q * sp.Add(*[ws[i] ** 2 * xs[i] ** 2 for i in range(c["n"])])),
    ], ctxs=NSx))
    q8 = rational("0.8")
    ch.append(chain("Var numbers", [(r"\operatorname{Var}(\tilde x)", (x ** 2 * (1 - q) / q).subs({x: 2, q: q8})),
                                    (r"\frac{2^2\cdot 0.2}{0.8}", 4 * rational("0.2") / q8), ("1", 1)]))
    lam = P("lambda_pois", 0.3, 2.0)
    k = sp.Symbol("k", integer=True, nonnegative=True)
    pmf = exp(-lam) * lam ** k / sp.factorial(k)
    Gp = sp.Sum(pmf * z ** k, (k, 0, sp.oo))
    ch.append(chain("G Poisson", [("G(z)", Gp), (r"\sum_{k=0}^{\infty}e^{-\lambda}\frac{\lambda^k}{k!}z^k", Gp),
                                  (r"e^{-\lambda}e^{\lambda z}", exp(-lam) * exp(lam * z)), (r"e^{\lambda(z-1)}", exp(lam * (z - 1)))],
                    [DEF, "id", "id"]))
    ch.append(chain("binomial limit", [(r"(1 - p + pz)^n", lambda c: (1 - lam / c["n"] + lam / c["n"] * z) ** c["n"]),
                                       (r"\Bigl(1 + \frac{\lambda(z-1)}{n}\Bigr)^n", lambda c: (1 + lam * (z - 1) / c["n"]) ** c["n"])],
                    ctxs=[{"n": n} for n in range(3, 7)]))
    dG1 = sp.Sum(sp.diff(pmf * z ** k, z), (k, 0, sp.oo))
    dG2 = sp.Sum(sp.diff(pmf * z ** k, z, 2), (k, 0, sp.oo))
    ch.append(chain("G'", [("G'(z)", dG1), (r"\lambda e^{\lambda(z-1)}", lam * exp(lam * (z - 1)))]))
    ch.append(chain("G''", [("G''(z)", dG2), (r"\lambda^2e^{\lambda(z-1)}", lam ** 2 * exp(lam * (z - 1)))]))
    EX = sp.Sum(k * pmf, (k, 0, sp.oo))
    ch.append(chain("E X", [(r"\mathbb{E}[X]", EX), ("G'(1)", dG1.subs(z, 1)), (r"\lambda", lam)]))
    ch.append(chain("Var X", [
        (r"\operatorname{Var}(X)", sp.Sum(k ** 2 * pmf, (k, 0, sp.oo)) - EX ** 2),
        (r"G''(1) + G'(1) - G'(1)^2", dG2.subs(z, 1) + dG1.subs(z, 1) - dG1.subs(z, 1) ** 2),
        (r"\lambda^2 + \lambda - \lambda^2", lam ** 2 + lam - lam ** 2),
        (r"\lambda", lam),
    ]))
    ch.append(chain("G(0)", [("G(0)", Gp.subs(lam, 3).subs(z, 0)), (r"e^{3(0-1)}", exp(3 * (0 - 1))), ("e^{-3}", exp(-3))]))
    doc = Doc("entropy_dropout_pgf_lecture_notes.md", ch)
    return with_plant(doc, r"= \lambda^2 + \lambda - \lambda^2 =", r"= \lambda^2 - \lambda^2 =", "Var X", 2,
                      I(r"\lambda^2 - \lambda^2", _fn(lam ** 2 - lam ** 2)),
                      "dropped term: + lambda, the G'(1) term, in the Poisson variance G''(1) + G'(1) - G'(1)^2")


DOCS = [lstm_gradients_appendix, gru_lstm_study_group, gp_marginal_likelihood_textbook, rbf_gp_cheatsheet,
        entropy_kl_pgf_problem_set, entropy_dropout_pgf_lecture_notes]
