"""Hand encodings of the corpus_ml13 documents of families 4-6 (bond mathematics; damped oscillators
and RC/RL circuits; first-year calculus applications).

Same conventions as encodings_a.py. Bond prices are written from their cash flows for maturities
T = 1..4 (a symbolic T in the text is checked for each of them) and differentiated with sympy.diff in
the yield; oscillator and circuit solutions are differentiated in t and substituted into the stated
differential equations; quantities defined along a motion (the energy, a ladder, a cone filling) are
differentiated with the time derivatives of the state variables as independent symbols and the
equation of motion (or the constraint) imposed where the text imposes it; antiderivatives are checked
as definite integrals (mpmath quadrature in the framework).
"""
import sympy as sp

from framework import Chain, Doc, with_plant  # noqa: F401
from helpers import I, R, P, rational, Curve  # noqa: F401

DEF = "def"
half = sp.Rational(1, 2)
exp, log, sqrt, pi, oo = sp.exp, sp.log, sp.sqrt, sp.pi, sp.oo
sin, cos, atan = sp.sin, sp.cos, sp.atan


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


def S(f, lo, hi):
    return sp.Add(*[f(k) for k in range(lo, hi + 1)])


q = rational
CT = [{"T": T} for T in range(1, 5)]


# ===========================================================================
# family 4: bond mathematics
def bond_duration_textbook():
    C, F = P("C_bond", 0.0, 12.0), P("F_bond", 50.0, 150.0)
    y = P("y_bond", 0.02, 0.3)
    r = P("r_bond", 0.02, 0.3)

    def cf(T):
        return [C] * (T - 1) + [C + F]

    def price(T, yy=y):
        return sp.Add(*[cf(T)[t - 1] / (1 + yy) ** t for t in range(1, T + 1)])

    def dmac(T, yy=y):
        return sp.Add(*[t * cf(T)[t - 1] / (1 + yy) ** t for t in range(1, T + 1)]) / price(T, yy)

    ch = []
    ch.append(chain("price", [("P(y)", lambda c: price(c["T"])),
                              (r"\sumT \frac{C}{(1+y)^t} + \frac{F}{(1+y)^T}", lambda c: S(lambda t: C / (1 + y) ** t, 1, c["T"]) + F / (1 + y) ** c["T"])],
                     DEF, ctxs=CT))
    ch.append(chain("3yr", [("P(y)", price(3)), (r"\frac{C}{1+y} + \frac{C}{(1+y)^2} + \frac{C + F}{(1+y)^3}", C / (1 + y) + C / (1 + y) ** 2 + (C + F) / (1 + y) ** 3)]))

    def aT(T):
        return S(lambda t: (1 + y) ** (-t), 1, T)
    ch.append(chain("annuity", [(r"(1+y)\,a_T - a_T", lambda c: (1 + y) * aT(c["T"]) - aT(c["T"])),
                                (r"\sum_{t=0}^{T-1}(1+y)^{-t} - \sumT (1+y)^{-t}", lambda c: S(lambda t: (1 + y) ** (-t), 0, c["T"] - 1) - aT(c["T"])),
                                (r"1 - (1+y)^{-T}", lambda c: 1 - (1 + y) ** (-c["T"]))], ctxs=CT))
    ch.append(chain("closed", [("P(y)", lambda c: price(c["T"])),
                               (r"\frac{C}{y}\bigl(1 - (1+y)^{-T}\bigr) + \frac{F}{(1+y)^T}", lambda c: C / y * (1 - (1 + y) ** (-c["T"])) + F / (1 + y) ** c["T"])],
                     ctxs=CT))
    ch.append(chain("par", [(r"P(y)\Big|_{C = yF}", lambda c: price(c["T"]).subs(C, y * F)),
                            (r"F\bigl(1 - (1+y)^{-T}\bigr) + F(1+y)^{-T}", lambda c: F * (1 - (1 + y) ** (-c["T"])) + F * (1 + y) ** (-c["T"])),
                            ("F", F)], ctxs=CT))
    ch.append(chain("dmac", [(r"\Dmac", lambda c: dmac(c["T"])),
                             (r"\frac{1}{P}\sumT \frac{t\,\CF_t}{(1+y)^t}", lambda c: S(lambda t: t * cf(c["T"])[t - 1] / (1 + y) ** t, 1, c["T"]) / price(c["T"]))],
                     DEF, ctxs=CT))
    u = sp.Symbol("u_y", positive=True)
    ch.append(chain("dPdy", [(r"\frac{dP}{dy}", lambda c: d(price(c["T"]), y)),
                             (r"\sumT \CF_t\,\frac{d}{dy}(1+y)^{-t}", lambda c: S(lambda t: cf(c["T"])[t - 1] * d((1 + u) ** (-t), u).subs(u, y), 1, c["T"])),
                             (r"-\sumT t\,\CF_t\,(1+y)^{-t-1}", lambda c: -S(lambda t: t * cf(c["T"])[t - 1] * (1 + y) ** (-t - 1), 1, c["T"])),
                             (r"-\frac{1}{1+y}\sumT \frac{t\,\CF_t}{(1+y)^t}", lambda c: -S(lambda t: t * cf(c["T"])[t - 1] / (1 + y) ** t, 1, c["T"]) / (1 + y)),
                             (r"-\frac{\Dmac P}{1+y}", lambda c: -dmac(c["T"]) * price(c["T"]) / (1 + y))], ctxs=CT))
    ch.append(chain("dmod", [(r"\Dmod", lambda c: dmac(c["T"]) / (1 + y)), (r"\frac{\Dmac}{1+y}", lambda c: dmac(c["T"]) / (1 + y)),
                             (r"-\frac{1}{P}\,\frac{dP}{dy}", lambda c: -d(price(c["T"]), y) / price(c["T"]))], [DEF, "id"], ctxs=CT))
    ch.append(chain("zero", [(r"\Dmac\Big|_{C = 0}", lambda c: dmac(c["T"]).subs(C, 0)),
                             (r"\frac{1}{F(1+y)^{-T}}\cdot\frac{T F}{(1+y)^T}", lambda c: 1 / (F * (1 + y) ** (-c["T"])) * c["T"] * F / (1 + y) ** c["T"]),
                             ("T", lambda c: sp.Integer(c["T"]))], ctxs=CT))
    ch.append(chain("conv", [(r"\Cx", lambda c: d(price(c["T"]), y, None).diff(y) / price(c["T"])),
                             (r"\frac{1}{P}\,\frac{d^2P}{dy^2}", lambda c: sp.diff(price(c["T"]), y, 2) / price(c["T"])),
                             (r"\frac{1}{P(1+y)^2}\sumT \frac{t(t+1)\,\CF_t}{(1+y)^t}",
                              lambda c: S(lambda t: t * (t + 1) * cf(c["T"])[t - 1] / (1 + y) ** t, 1, c["T"]) / (price(c["T"]) * (1 + y) ** 2))],
                     [DEF, "id"], ctxs=CT))

    def pc(T):
        return S(lambda t: cf(T)[t - 1] * exp(-r * t), 1, T)
    ye = exp(r) - 1  # the same discount factors: e^r = 1 + y
    ch.append(chain("P(r)", [("P(r)", lambda c: pc(c["T"])), (r"\sumT \CF_t\,e^{-rt}", lambda c: pc(c["T"]))], DEF, ctxs=CT))
    ch.append(chain("dPdr", [(r"\frac{dP}{dr}", lambda c: d(pc(c["T"]), r)), (r"-\sumT t\,\CF_t\,e^{-rt}", lambda c: -S(lambda t: t * cf(c["T"])[t - 1] * exp(-r * t), 1, c["T"])),
                             (r"-\Dmac P", lambda c: -dmac(c["T"], ye) * price(c["T"], ye))], ctxs=CT))
    ch.append(chain("chain", [(r"\frac{dP}{dr}", lambda c: d(pc(c["T"]), r)),
                              (r"\frac{dP}{dy}\,\frac{dy}{dr}", lambda c: d(price(c["T"]), y).subs(y, ye) * d(ye, r)),
                              (r"-\frac{\Dmac P}{1+y}\,e^{r}", lambda c: -dmac(c["T"], ye) * price(c["T"], ye) / (1 + ye) * exp(r)),
                              (r"-\Dmac P", lambda c: -dmac(c["T"], ye) * price(c["T"], ye))], ctxs=CT))
    ex = {C: 10, F: 100, y: q("0.1")}
    p11 = q("1.1")
    ch.append(chain("P ex", [("P", price(3).subs(ex)), (r"\frac{10}{1.1} + \frac{10}{1.1^2} + \frac{110}{1.1^3}", 10 / p11 + 10 / p11 ** 2 + 110 / p11 ** 3), ("100", 100)]))
    ch.append(chain("dmac ex", [(r"\Dmac", dmac(3).subs(ex)), (r"\frac{1}{100}\Bigl(\frac{10}{1.1} + \frac{20}{1.1^2} + \frac{330}{1.1^3}\Bigr)", (10 / p11 + 20 / p11 ** 2 + 330 / p11 ** 3) / 100),
                                (r"\frac{3641}{1331}", Q(3641, 1331))]))
    ch.append(chain("dmod ex", [(r"\Dmod", (dmac(3) / (1 + y)).subs(ex)), (r"\frac{3641}{1331\cdot 1.1}", Q(3641, 1331) / p11), (r"\frac{36410}{14641}", Q(36410, 14641))]))
    conv3 = sp.diff(price(3), y, 2) / price(3)
    ch.append(chain("conv ex", [(r"\Cx", conv3.subs(ex)),
                                (r"\frac{1}{100\cdot 1.1^2}\Bigl(\frac{2\cdot 10}{1.1} + \frac{6\cdot 10}{1.1^2} + \frac{12\cdot 110}{1.1^3}\Bigr)",
                                 (20 / p11 + 60 / p11 ** 2 + 1320 / p11 ** 3) / (100 * p11 ** 2)),
                                (r"\frac{1410200}{161051}", Q(1410200, 161051))]))
    dy = q("0.01")
    ch.append(chain("approx", [(r"-\Dmod\,\Delta y + \tfrac12\Cx\,(\Delta y)^2", (-(dmac(3) / (1 + y)) * dy + half * conv3 * dy ** 2).subs(ex)),
                               (r"-\frac{36410}{14641}\cdot 0.01 + \frac12\cdot\frac{1410200}{161051}\cdot 0.01^2", -Q(36410, 14641) * dy + half * Q(1410200, 161051) * dy ** 2)]))
    doc = Doc("bond_duration_textbook.tex", ch)
    return with_plant(doc, r"\frac{330}{1.1^3}\Bigr) = \frac{3641}{1331}", r"\frac{330}{1.1^2}\Bigr) = \frac{3641}{1331}", "dmac ex", 1,
                      I(r"\frac{1}{100}\Bigl(\frac{10}{1.1} + \frac{20}{1.1^2} + \frac{330}{1.1^2}\Bigr)", _fn((10 / p11 + 20 / p11 ** 2 + 330 / p11 ** 2) / 100)),
                      "wrong exponent: 1.1^2 for 1.1^3 in the discount factor of the final (year-3) cash flow of the Macaulay duration")



def bond_convexity_cheatsheet():
    c, F = P("c_bond", 0.0, 0.12), P("F_bond", 50.0, 150.0)
    y = P("y_bond", 0.02, 0.3)
    yp = P("y_perp", 0.2, 0.6)  # the perpetuity's series is summed term by term: a larger yield keeps it short
    r = P("r_bond", 0.02, 0.3)
    v = 1 / (1 + y)
    CN = [{"n": n} for n in range(1, 5)]

    def cf(n):
        return [c * F] * (n - 1) + [c * F + F]

    def price(n, yy=y):
        return sp.Add(*[cf(n)[t - 1] / (1 + yy) ** t for t in range(1, n + 1)])

    def dmac(n):
        return sp.Add(*[t * cf(n)[t - 1] / (1 + y) ** t for t in range(1, n + 1)]) / price(n)

    ch = []
    ch.append(chain("P1", [("P", lambda k: price(k["n"])), (r"cF\,\frac{1 - v^{n}}{y} + Fv^{n}", lambda k: c * F * (1 - v ** k["n"]) / y + F * v ** k["n"])], DEF, ctxs=CN))
    ch.append(chain("P2yr", [("P", price(2)), (r"\frac{cF}{1+y} + \frac{cF + F}{(1+y)^2}", c * F / (1 + y) + (c * F + F) / (1 + y) ** 2),
                             (r"cFv + (cF + F)v^2", c * F * v + (c * F + F) * v ** 2)]))
    ch.append(chain("dv", [(r"\frac{dv}{dy}", d(v, y)), (r"-\frac{1}{(1+y)^2}", -1 / (1 + y) ** 2), (r"-v^2", -v ** 2)]))
    Ct = [{"t": t} for t in range(1, 5)]
    ch.append(chain("dvt", [(r"\frac{d}{dy}v^t", lambda k: d(v ** k["t"], y)), (r"t\,v^{t-1}\frac{dv}{dy}", lambda k: k["t"] * v ** (k["t"] - 1) * d(v, y)),
                            (r"-t\,v^{t+1}", lambda k: -k["t"] * v ** (k["t"] + 1))], ctxs=Ct))

    def sum_t(n, f):
        return sp.Add(*[f(t) * cf(n)[t - 1] for t in range(1, n + 1)])

    ch.append(chain("dPdy", [(r"\frac{dP}{dy}", lambda k: d(price(k["n"]), y)), (r"-\sum_{t=1}^{n} t\,\mathrm{CF}_t\,v^{t+1}", lambda k: -sum_t(k["n"], lambda t: t * v ** (t + 1))),
                             (r"-v\sum_{t=1}^{n} t\,\mathrm{CF}_t\,v^{t}", lambda k: -v * sum_t(k["n"], lambda t: t * v ** t))], ctxs=CN))
    ch.append(chain("Dmac", [(r"D_{\text{mac}}", lambda k: dmac(k["n"])), (r"\frac{1}{P}\sum_{t=1}^{n} t\,\mathrm{CF}_t\,v^{t}", lambda k: sum_t(k["n"], lambda t: t * v ** t) / price(k["n"]))],
                     DEF, ctxs=CN))
    ch.append(chain("Dmod", [(r"D_{\text{mod}}", lambda k: v * dmac(k["n"])), (r"v\,D_{\text{mac}}", lambda k: v * dmac(k["n"])),
                             (r"-\frac{1}{P}\,\frac{dP}{dy}", lambda k: -d(price(k["n"]), y) / price(k["n"]))], [DEF, "id"], ctxs=CN))
    ch.append(chain("Dmac 2yr", [(r"D_{\text{mac}}", dmac(2)), (r"\frac{cFv + 2(cF + F)v^2}{cFv + (cF + F)v^2}", (c * F * v + 2 * (c * F + F) * v ** 2) / (c * F * v + (c * F + F) * v ** 2)),
                                 (r"\frac{c + 2(c + 1)v}{c + (c + 1)v}", (c + 2 * (c + 1) * v) / (c + (c + 1) * v))]))
    ch.append(chain("d2P", [(r"\frac{d^2P}{dy^2}", lambda k: sp.diff(price(k["n"]), y, 2)),
                            (r"\sum_{t=1}^{n} t(t+1)\,\mathrm{CF}_t\,v^{t+2}", lambda k: sum_t(k["n"], lambda t: t * (t + 1) * v ** (t + 2)))], ctxs=CN))
    ch.append(chain("C", [("C", lambda k: sp.diff(price(k["n"]), y, 2) / price(k["n"])), (r"\frac{1}{P}\,\frac{d^2P}{dy^2}", lambda k: sp.diff(price(k["n"]), y, 2) / price(k["n"]))],
                    DEF, ctxs=CN))
    kk = sp.Symbol("k_t", integer=True, positive=True)
    Pinf_series = sp.Sum(c * F / (1 + yp) ** kk, (kk, 1, oo))
    Pinf = c * F / yp
    ch.append(chain("Pinf", [(r"P_\infty", Pinf_series), (r"\frac{cF}{y}", Pinf)], DEF))
    ch.append(chain("dPinf", [(r"\frac{dP_\infty}{dy}", d(Pinf, yp)), (r"-\frac{cF}{y^2}", -c * F / yp ** 2)]))
    ch.append(chain("Cinf", [(r"C_\infty", sp.diff(Pinf, yp, 2) / Pinf), (r"\frac{1}{P_\infty}\,\frac{d^2P_\infty}{dy^2}", sp.diff(Pinf, yp, 2) / Pinf), (r"\frac{2}{y^2}", 2 / yp ** 2)],
                     [DEF, "id"]))
    ch.append(chain("Dmod inf", [(r"D_{\text{mod}}", -d(Pinf, yp) / Pinf), (r"-\frac{1}{P_\infty}\,\frac{dP_\infty}{dy}", -d(Pinf, yp) / Pinf), (r"\frac{1}{y}", 1 / yp)]))
    Dmac_inf = sp.Sum(kk * c * F / (1 + yp) ** kk, (kk, 1, oo)) / Pinf_series
    ch.append(chain("Dmac inf", [(r"D_{\text{mac}}", Dmac_inf), (r"(1 + y)\,D_{\text{mod}}", (1 + yp) * (-d(Pinf, yp) / Pinf)), (r"\frac{1 + y}{y}", (1 + yp) / yp)]))

    def pc(n):
        return S(lambda t: cf(n)[t - 1] * exp(-r * t), 1, n)
    ch.append(chain("weights", [(r"\sum_{t=1}^{n} w_t", lambda k: S(lambda t: cf(k["n"])[t - 1] * exp(-r * t) / pc(k["n"]), 1, k["n"])),
                                (r"\frac{1}{P}\sum_{t=1}^{n}\mathrm{CF}_t e^{-rt}", lambda k: S(lambda t: cf(k["n"])[t - 1] * exp(-r * t), 1, k["n"]) / pc(k["n"])), ("1", 1)], ctxs=CN))
    ex = {c: q("0.05"), F: 100, y: q("0.04")}
    w = q("1.04")
    ch.append(chain("P ex", [("P", price(2).subs(ex)), (r"\frac{5}{1.04} + \frac{105}{1.04^2}", 5 / w + 105 / w ** 2), (r"\frac{5\cdot 1.04 + 105}{1.04^2}", (5 * w + 105) / w ** 2)]))
    ch.append(chain("Dmac ex", [(r"D_{\text{mac}}", dmac(2).subs(ex)), (r"\frac{1\cdot 5\cdot 1.04 + 2\cdot 105}{5\cdot 1.04 + 105}", (1 * 5 * w + 2 * 105) / (5 * w + 105)),
                                (r"\frac{215.2}{110.2}", q("215.2") / q("110.2"))]))
    ch.append(chain("Dmod ex", [(r"D_{\text{mod}}", (v * dmac(2)).subs(ex)), (r"\frac{215.2}{1.04\cdot 110.2}", q("215.2") / (w * q("110.2")))]))
    conv2 = sp.diff(price(2), y, 2) / price(2)
    ch.append(chain("C ex", [("C", conv2.subs(ex)), (r"\frac{2\cdot 5\cdot 1.04 + 6\cdot 105}{1.04^2\,(5\cdot 1.04 + 105)}", (2 * 5 * w + 6 * 105) / (w ** 2 * (5 * w + 105))),
                             (r"\frac{640.4}{1.0816\cdot 110.2}", q("640.4") / (q("1.0816") * q("110.2")))]))
    doc = Doc("bond_convexity_cheatsheet.md", ch)
    return with_plant(doc, r"+ 6\cdot 105}{1.04^2\,(5\cdot 1.04 + 105)}", r"+ 105}{1.04^2\,(5\cdot 1.04 + 105)}", "C ex", 1,
                      I(r"\frac{2\cdot 5\cdot 1.04 + 105}{1.04^2\,(5\cdot 1.04 + 105)}", _fn((2 * 5 * w + 105) / (w ** 2 * (5 * w + 105)))),
                      "dropped factor: the t(t + 1) = 6 of the year-2 cash flow in the numerator of the numerical convexity")



# ===========================================================================
# family 5: damped oscillators and RC/RL circuits
def oscillators_circuits_slides():
    g, w0 = P("gamma_osc", 0.1, 0.6), P("omega_0", 0.8, 2.0)  # underdamped: gamma < omega_0
    t = P("t_osc", 0.0, 3.0)
    A, B = R("A_osc"), R("B_osc")
    rr = sp.Symbol("r_char")
    roots = sp.solve(rr ** 2 + 2 * g * rr + w0 ** 2, rr)
    assert len(roots) == 2
    rp, rm = roots
    ch = []
    ch.append(chain("sum", [(r"r_+ + r_-", rp + rm), (r"-2\gamma", -2 * g)]))
    ch.append(chain("prod", [(r"r_+r_-", rp * rm), (r"\gamma^2 - (\gamma^2 - \omega_0^2)", g ** 2 - (g ** 2 - w0 ** 2)), (r"\omega_0^2", w0 ** 2)]))
    w = sqrt(w0 ** 2 - g ** 2)  # omega, bound by omega^2 = omega_0^2 - gamma^2
    x = A * exp(-g * t) * cos(w * t)
    xd, xdd = sp.diff(x, t), sp.diff(x, t, 2)
    env = exp(-g * t)
    ch.append(chain("xdot", [(r"\dot x", xd), (r"A\env\bigl(-\gamma\cos\omega t - \omega\sin\omega t\bigr)", A * env * (-g * cos(w * t) - w * sin(w * t)))]))
    ch.append(chain("xddot", [(r"\ddot x", xdd), (r"A\env\bigl((\gamma^2 - \omega^2)\cos\omega t + 2\gamma\omega\sin\omega t\bigr)",
                                                  A * env * ((g ** 2 - w ** 2) * cos(w * t) + 2 * g * w * sin(w * t)))]))
    ch.append(chain("plug", [(r"\ddot x + 2\gamma\dot x + \omega_0^2 x", xdd + 2 * g * xd + w0 ** 2 * x),
                             (r"A\env\bigl[(\gamma^2 - \omega^2 - 2\gamma^2 + \omega_0^2)\cos\omega t + (2\gamma\omega - 2\gamma\omega)\sin\omega t\bigr]",
                              A * env * ((g ** 2 - w ** 2 - 2 * g ** 2 + w0 ** 2) * cos(w * t) + (2 * g * w - 2 * g * w) * sin(w * t))),
                             (r"A\env(\omega_0^2 - \gamma^2 - \omega^2)\cos\omega t", A * env * (w0 ** 2 - g ** 2 - w ** 2) * cos(w * t)), ("0", 0)]))
    m, k, b = P("m_osc", 0.5, 2.0), P("k_osc", 0.5, 4.0), P("b_osc", 0.1, 2.0)
    X, V = R("x_osc"), R("v_osc")
    a = -(b * V + k * X) / m  # the acceleration along a solution
    E = half * m * V ** 2 + half * k * X ** 2
    ch.append(chain("energy", [(r"\frac{dE}{dt}", d(E, X) * V + d(E, V) * a), (r"m\dot x\ddot x + kx\dot x", m * V * a + k * X * V),
                               (r"\dot x\,(m\ddot x + kx)", V * (m * a + k * X)), (r"\dot x\,(-b\dot x)", V * (-b * V)), (r"-b\dot x^2", -b * V ** 2)]))
    bb = sp.Symbol("bb", positive=True)
    bc = sp.solve(sp.Eq(bb / (2 * m), sqrt(k / m)), bb)[0]
    ch.append(chain("bc", [("b_c", bc), (r"2m\omega_0", 2 * m * sqrt(k / m)), (r"2\sqrt{km}", 2 * sqrt(k * m))], [DEF, "id"]))
    xc = (A + B * t) * exp(-g * t)
    ch.append(chain("critical", [(r"\ddot x + 2\gamma\dot x + \gamma^2 x", sp.diff(xc, t, 2) + 2 * g * sp.diff(xc, t) + g ** 2 * xc),
                                 (r"\env\bigl[-2\gamma B + \gamma^2(A + Bt) + 2\gamma B \\ &\qquad - 2\gamma^2(A + Bt) + \gamma^2(A + Bt)\bigr]",
                                  env * (-2 * g * B + g ** 2 * (A + B * t) + 2 * g * B - 2 * g ** 2 * (A + B * t) + g ** 2 * (A + B * t))), ("0", 0)]))
    Rr, Cc, Lc, emf = P("R_c", 0.5, 3.0), P("C_c", 0.5, 3.0), P("L_c", 0.5, 3.0), P("emf", 0.5, 3.0)
    qq = Cc * emf * (1 - exp(-t / (Rr * Cc)))
    ch.append(chain("qdot", [(r"\dot q", d(qq, t)), (r"\frac{\emf}{R}e^{-t/RC}", emf / Rr * exp(-t / (Rr * Cc)))]))
    ch.append(chain("RC", [(r"R\dot q + \frac{q}{C}", Rr * d(qq, t) + qq / Cc), (r"\emf e^{-t/RC} + \emf\bigl(1 - e^{-t/RC}\bigr)", emf * exp(-t / (Rr * Cc)) + emf * (1 - exp(-t / (Rr * Cc)))),
                           (r"\emf", emf)]))
    II = emf / Rr * (1 - exp(-Rr * t / Lc))
    ch.append(chain("RL", [(r"L\dot I + RI", Lc * d(II, t) + Rr * II), (r"\emf e^{-Rt/L} + \emf\bigl(1 - e^{-Rt/L}\bigr)", emf * exp(-Rr * t / Lc) + emf * (1 - exp(-Rr * t / Lc))),
                           (r"\emf", emf)]))
    nm = {m: 1, k: 4, b: q("0.4")}
    gam_n = (b / (2 * m)).subs(nm)
    w0_n = sqrt(k / m).subs(nm)
    ch.append(chain("gamma num", [(r"\gamma", gam_n), (r"\frac{0.4}{2\cdot 1}", q("0.4") / 2), ("0.2", q("0.2"))]))
    ch.append(chain("omega num", [(r"\omega", sqrt(w0_n ** 2 - gam_n ** 2)), (r"\sqrt{\omega_0^2 - \gamma^2}", sqrt(w0_n ** 2 - gam_n ** 2)), (r"\sqrt{4 - 0.04}", sqrt(4 - q("0.04"))),
                                  (r"\sqrt{3.96}", sqrt(q("3.96")))]))
    ch.append(chain("Q", [("Q", w0_n / (2 * gam_n)), (r"\frac{\omega_0}{2\gamma}", w0_n / (2 * gam_n)), (r"\frac{2}{0.4}", 2 / q("0.4")), ("5", 5)], [DEF, "id", "id"]))
    ch.append(chain("bc num", [("b_c", bc.subs(nm)), (r"2\sqrt{1\cdot 4}", 2 * sqrt(1 * 4)), ("4", 4)]))
    rc = {Rr: 10 ** 4, Cc: sp.Rational(1, 10 ** 4)}
    ch.append(chain("tau", [(r"\tau", (Rr * Cc).subs(rc)), ("RC", (Rr * Cc).subs(rc)), (r"10^{4}\cdot 10^{-4}", sp.Integer(10) ** 4 * sp.Integer(10) ** -4), ("1", 1)]))
    doc = Doc("oscillators_circuits_slides.tex", ch)
    return with_plant(doc, r"\dot x\,(m\ddot x + kx) =", r"\dot x\,(m\ddot x + k\dot x) =", "energy", 2,
                      I(r"\dot x\,(m\ddot x + k\dot x)", _fn(V * (m * a + k * V))),
                      "wrong variable: the velocity x-dot for the position x in the spring term of dE/dt")



def damping_course_page():
    g, w0 = P("gamma_osc", 0.1, 0.6), P("omega_0", 0.8, 2.0)
    t = P("t_osc", 0.0, 3.0)
    x0 = P("x_0d", 0.5, 2.0)
    wd = sqrt(w0 ** 2 - g ** 2)
    Td = 2 * pi / wd
    i = sp.I
    ch = []
    s1 = -g + i * wd
    ch.append(chain("root", [(r"(-\gamma + i\omega_d)^2 + 2\gamma(-\gamma + i\omega_d) + \omega_0^2", s1 ** 2 + 2 * g * s1 + w0 ** 2),
                             (r"\gamma^2 - 2i\gamma\omega_d - \omega_d^2 - 2\gamma^2 + 2i\gamma\omega_d + \omega_0^2", g ** 2 - 2 * i * g * wd - wd ** 2 - 2 * g ** 2 + 2 * i * g * wd + w0 ** 2),
                             (r"\omega_0^2 - \gamma^2 - \omega_d^2", w0 ** 2 - g ** 2 - wd ** 2), ("0", 0)]))
    x = x0 * exp(-g * t) * (cos(wd * t) + g / wd * sin(wd * t))
    # the claimed solution solves the equation of motion and starts at rest from x_0 (checked here)
    assert sp.simplify(sp.diff(x, t, 2) + 2 * g * sp.diff(x, t) + w0 ** 2 * x) == 0
    assert sp.simplify(x.subs(t, 0) - x0) == 0 and sp.simplify(sp.diff(x, t).subs(t, 0)) == 0
    ch.append(chain("x(t)", [("x(t)", x), (r"x_0e^{-\gamma t}\Bigl(\cos\omega_d t + \frac{\gamma}{\omega_d}\sin\omega_d t\Bigr)", x)], DEF))
    e = exp(-g * t)
    ch.append(chain("xdot", [(r"\dot x(t)", sp.diff(x, t)),
                             (r"x_0e^{-\gamma t}\Bigl[-\gamma\cos\omega_d t - \frac{\gamma^2}{\omega_d}\sin\omega_d t - \omega_d\sin\omega_d t + \gamma\cos\omega_d t\Bigr]",
                              x0 * e * (-g * cos(wd * t) - g ** 2 / wd * sin(wd * t) - wd * sin(wd * t) + g * cos(wd * t))),
                             (r"-\frac{x_0\,\omega_0^2}{\omega_d}\,e^{-\gamma t}\sin\omega_d t", -x0 * w0 ** 2 / wd * e * sin(wd * t))]))
    ratio = x / x.subs(t, t + Td)
    ch.append(chain("delta", [(r"\delta", log(ratio)), (r"\ln\frac{x(t)}{x(t + T_d)}", log(ratio)), (r"\ln e^{\gamma T_d}", log(exp(g * Td))), (r"\gamma T_d", g * Td),
                              (r"\frac{2\pi\gamma}{\omega_d}", 2 * pi * g / wd)], [DEF, "id", "id", "id"]))
    m, k, b = P("m_osc", 0.5, 2.0), P("k_osc", 0.5, 4.0), P("b_osc", 0.1, 2.0)
    X, V = R("x_osc"), R("v_osc")
    a = -(b * V + k * X) / m
    E = half * m * V ** 2 + half * k * X ** 2
    ch.append(chain("dE", [(r"\frac{dE}{dt}", d(E, X) * V + d(E, V) * a), (r"\dot x\,(m\ddot x + kx)", V * (m * a + k * X)), (r"-b\dot x^2", -b * V ** 2)]))
    Rr, Cc, Lc = P("R_c", 0.5, 3.0), P("C_c", 0.5, 3.0), P("L_c", 0.5, 3.0)
    V0, I0 = P("V_0", 0.5, 2.0), P("I_0", 0.5, 2.0)
    tau = Rr * Cc
    Vt = lambda s: V0 * exp(-s / tau)  # noqa: E731
    th = tau * log(2)
    ch.append(chain("half", [(r"V(t_{1/2})", Vt(th)), (r"V_0e^{-\ln 2}", V0 * exp(-log(2))), (r"\frac{V_0}{2}", V0 / 2)]))
    u = sp.Symbol("u_int", positive=True)
    ch.append(chain("heat RC", [(r"\int_0^\infty \frac{V(t)^2}{R}\,dt", sp.Integral(Vt(u) ** 2 / Rr, (u, 0, oo))),
                                (r"\frac{V_0^2}{R}\int_0^\infty e^{-2t/RC}\,dt", V0 ** 2 / Rr * sp.Integral(exp(-2 * u / (Rr * Cc)), (u, 0, oo))),
                                (r"\frac{V_0^2}{R}\cdot\frac{RC}{2}", V0 ** 2 / Rr * Rr * Cc / 2), (r"\frac12 CV_0^2", half * Cc * V0 ** 2)]))
    It = lambda s: I0 * exp(-Rr * s / Lc)  # noqa: E731
    ch.append(chain("heat RL", [(r"\int_0^\infty RI(t)^2\,dt", sp.Integral(Rr * It(u) ** 2, (u, 0, oo))), (r"RI_0^2\cdot\frac{L}{2R}", Rr * I0 ** 2 * Lc / (2 * Rr)),
                                (r"\frac12 LI_0^2", half * Lc * I0 ** 2)]))
    s = R("s_char")
    ch.append(chain("poly", [(r"s^2 + 5s + 4", s ** 2 + 5 * s + 4), (r"(s + 1)(s + 4)", (s + 1) * (s + 4))]))
    c1, c2 = R("c_1"), R("c_2")
    xo = c1 * exp(-t) + c2 * exp(-4 * t)
    ch.append(chain("over", [(r"\ddot x + 5\dot x + 4x", sp.diff(xo, t, 2) + 5 * sp.diff(xo, t) + 4 * xo),
                             (r"c_1(1 - 5 + 4)e^{-t} + c_2(16 - 20 + 4)e^{-4t}", c1 * (1 - 5 + 4) * exp(-t) + c2 * (16 - 20 + 4) * exp(-4 * t)), ("0", 0)]))
    un = {g: half, w0: 2}
    ch.append(chain("wd num", [(r"\omega_d", wd.subs(un)), (r"\sqrt{4 - 0.25}", sqrt(4 - q("0.25"))), (r"\sqrt{3.75}", sqrt(q("3.75")))]))
    ch.append(chain("delta num", [(r"\delta", (2 * pi * g / wd).subs(un)), (r"\frac{2\pi\cdot 0.5}{\sqrt{3.75}}", 2 * pi * q("0.5") / sqrt(q("3.75")))]))
    rc = {Rr: 2000, Cc: sp.Rational(5, 10 ** 5)}
    ch.append(chain("tau num", [(r"\tau", tau.subs(rc)), (r"2000\cdot 5\times 10^{-5}", 2000 * sp.Rational(5, 10 ** 5)), ("0.1", q("0.1"))]))
    ch.append(chain("th num", [(r"t_{1/2}", th.subs(rc)), (r"0.1\ln 2", q("0.1") * log(2))]))
    doc = Doc("damping_course_page.md", ch)
    return with_plant(doc, r"c_1(1 - 5 + 4)e^{-t}", r"c_1(1 + 5 + 4)e^{-t}", "over", 1,
                      I(r"c_1(1 + 5 + 4)e^{-t} + c_2(16 - 20 + 4)e^{-4t}", _fn(c1 * (1 + 5 + 4) * exp(-t) + c2 * (16 - 20 + 4) * exp(-4 * t))),
                      "sign: + 5 for - 5 (the coefficient 5 times the derivative -1 of e^{-t}) in the overdamped check")



# ===========================================================================
# family 6: first-year calculus applications
def calculus_applications_problem_set():
    ch = []
    # ladder: x^2 + y^2 = 25, y > 0 solved for; the time derivative of y is dy/dx times xdot
    X, xd = P("x_lad", 0.5, 4.5), R("xdot_lad")
    y = sqrt(25 - X ** 2)
    yd = d(y, X) * xd
    ch.append(chain("ladder", [(r"\diff{}{t}\bigl(x^2 + y^2\bigr)", d(X ** 2 + y ** 2, X) * xd), (r"2x\dot x + 2y\dot y", 2 * X * xd + 2 * y * yd), ("0", 0)]))
    ch.append(chain("ydot", [(r"\dot y", yd), (r"-\frac{x\dot x}{y}", -X * xd / y)]))
    ln = {X: 3, xd: half}
    ch.append(chain("ydot num", [(r"\dot y\Big|_{x = 3}", yd.subs(ln)), (r"-\frac{3\cdot 0.5}{4}", -3 * half / 4), ("-0.375", q("-0.375"))]))
    th = sp.acos(X / 5)
    thd = d(th, X) * xd
    ch.append(chain("thetadot", [(r"\dot\theta", thd), (r"-\frac{\dot x}{5\sin\theta}", -xd / (5 * sin(th))), (r"-\frac{\dot x}{y}", -xd / y)]))
    ch.append(chain("thetadot num", [(r"\dot\theta\Big|_{x = 3}", thd.subs(ln)), (r"-\frac{0.5}{4}", -half / 4), ("-0.125", q("-0.125"))]))
    # cone
    h, hd = P("h_cone", 0.5, 9.5), R("hdot")
    r = 2 * h / 5
    Vh = pi * r ** 2 * h / 3
    ch.append(chain("V cone", [("V", Vh), (r"\frac13\pi r^2h", pi * r ** 2 * h / 3), (r"\frac13\pi\Bigl(\frac{2h}{5}\Bigr)^2h", pi * (2 * h / 5) ** 2 * h / 3),
                               (r"\frac{4\pi h^3}{75}", 4 * pi * h ** 3 / 75)], [DEF, "id", "id"]))
    ch.append(chain("dVdt", [(r"\diff{V}{t}", d(Vh, h) * hd), (r"\frac{4\pi h^2}{25}\,\diff{h}{t}", 4 * pi * h ** 2 / 25 * hd)]))
    ch.append(chain("dhdt num", [(r"\diff{h}{t}\Big|_{h = 5}", (2 / d(Vh, h)).subs(h, 5)), (r"\frac{25\cdot 2}{4\pi\cdot 25}", Q(25 * 2) / (4 * pi * 25)), (r"\frac{1}{2\pi}", 1 / (2 * pi))]))
    # box
    x = P("x_box", 0.2, 5.8)
    V = x * (12 - 2 * x) ** 2
    ch.append(chain("V box", [("V(x)", V), (r"x(12 - 2x)^2", x * (12 - 2 * x) ** 2)], DEF))
    ch.append(chain("V'", [(r"V'(x)", d(V, x)), (r"(12 - 2x)^2 - 4x(12 - 2x)", (12 - 2 * x) ** 2 - 4 * x * (12 - 2 * x)), (r"(12 - 2x)(12 - 6x)", (12 - 2 * x) * (12 - 6 * x))]))
    crit = [c for c in sp.solve(d(V, x), x) if 0 < c < 6]
    assert crit == [2]
    ch.append(chain("V(2)", [("V(2)", V.subs(x, crit[0])), (r"2(12 - 4)^2", 2 * (12 - 4) ** 2), (r"2\cdot 64", 2 * 64), ("128", 128)]))
    V2 = sp.diff(V, x, 2)
    ch.append(chain("V''", [(r"V''(x)", V2), (r"-2(12 - 6x) - 6(12 - 2x)", -2 * (12 - 6 * x) - 6 * (12 - 2 * x)), (r"24x - 96", 24 * x - 96)]))
    ch.append(chain("V''(2)", [(r"V''(2)", V2.subs(x, 2)), ("-48", -48)]))
    # folium x^3 + y^3 = 6xy, parametrised by s (a branch with dx/ds != 0 for 0 < s < 0.79)
    s = P("s_fol", 0.1, 0.7)
    cv = Curve(6 * s / (1 + s ** 3), 6 * s ** 2 / (1 + s ** 3), s)
    cx, cy, y1 = cv.x, cv.y, cv.y1
    ch.append(chain("implicit", [(r"\diff{}{x}\bigl(x^3 + y^3 - 6xy\bigr)", cv.Dx(cx ** 3 + cy ** 3 - 6 * cx * cy)),
                                 (r"3x^2 + 3y^2y' - 6y - 6xy'", 3 * cx ** 2 + 3 * cy ** 2 * y1 - 6 * cy - 6 * cx * y1), ("0", 0)]))
    ch.append(chain("y'", [("y'", y1), (r"\frac{6y - 3x^2}{3y^2 - 6x}", (6 * cy - 3 * cx ** 2) / (3 * cy ** 2 - 6 * cx)),
                           (r"\frac{2y - x^2}{y^2 - 2x}", (2 * cy - cx ** 2) / (cy ** 2 - 2 * cx))]))
    assert cv.at(cx, 1) == 3 and cv.at(cy, 1) == 3
    ch.append(chain("y' num", [(r"y'\Big|_{(3, 3)}", cv.at(y1, 1)), (r"\frac{6 - 9}{9 - 6}", Q(6 - 9, 9 - 6)), ("-1", -1)]))
    # integration by parts and substitution, as definite integrals
    u = sp.Symbol("u_int", positive=True)
    E1 = sp.E
    ch.append(chain("ibp", [(r"\int_0^1 xe^x\,dx", sp.Integral(u * exp(u), (u, 0, 1))), (r"\Bigl[xe^x\Bigr]_0^1 - \int_0^1 e^x\,dx", (1 * E1 - 0) - sp.Integral(exp(u), (u, 0, 1))),
                            (r"e - (e - 1)", E1 - (E1 - 1)), ("1", 1)]))
    xx = R("x_calc", -1.5, 1.5)
    ch.append(chain("ibp check", [(r"\diff{}{x}\bigl(xe^x - e^x\bigr)", d(xx * exp(xx) - exp(xx), xx)), (r"e^x + xe^x - e^x", exp(xx) + xx * exp(xx) - exp(xx)), ("xe^x", xx * exp(xx))]))
    ch.append(chain("sub", [(r"\int_0^{\sqrt{\pi/2}} 2x\cos(x^2)\,dx", sp.Integral(2 * u * cos(u ** 2), (u, 0, sqrt(pi / 2)))),
                            (r"\int_0^{\pi/2}\cos u\,du", sp.Integral(cos(u), (u, 0, pi / 2))), (r"\sin\frac{\pi}{2} - \sin 0", sin(pi / 2) - sin(0)), ("1", 1)]))
    ch.append(chain("sub check", [(r"\diff{}{x}\sin(x^2)", d(sin(xx ** 2), xx)), (r"2x\cos(x^2)", 2 * xx * cos(xx ** 2))]))
    xl = P("x_lin", 3.0, 5.0)
    f = lambda t: sqrt(t)  # noqa: E731
    fp4 = d(f(xl), xl).subs(xl, 4)
    Lx = f(4) + fp4 * (xl - 4)
    ch.append(chain("L", [("L(x)", Lx), (r"f(4) + f'(4)(x - 4)", f(4) + fp4 * (xl - 4)), (r"2 + \frac{x - 4}{4}", 2 + (xl - 4) / 4)], [DEF, "id"]))
    ch.append(chain("L num", [("L(4.1)", Lx.subs(xl, q("4.1"))), (r"2 + \frac{0.1}{4}", 2 + q("0.1") / 4), ("2.025", q("2.025"))]))
    doc = Doc("calculus_applications_problem_set.tex", ch)
    return with_plant(doc, r"\int_0^{\pi/2}\cos u\,du", r"\int_0^{\pi}\cos u\,du", "sub", 1,
                      I(r"\int_0^{\pi}\cos u\,du", _fn(sp.Integral(cos(u), (u, 0, pi)))),
                      "wrong constant: the upper limit pi for pi/2 after the substitution u = x^2")



def calculus_forum():
    ch = []
    x = P("x_fence", 1.0, 299.0)
    yv = 600 - 2 * x  # the side parallel to the river, from 2x + y = 600
    A = x * yv
    ch.append(chain("A", [("A", A), ("xy", x * yv), (r"x(600 - 2x)", x * (600 - 2 * x)), (r"600x - 2x^2", 600 * x - 2 * x ** 2)], [DEF, "id", "id"]))
    ch.append(chain("A'", [(r"A'(x)", d(A, x)), (r"600 - 4x", 600 - 4 * x)]))
    xs = sp.solve(d(A, x), x)
    assert xs == [150]
    ch.append(chain("A(150)", [("A(150)", A.subs(x, xs[0])), (r"150\,(600 - 300)", 150 * (600 - 300)), (r"150\cdot 300", 150 * 300), ("45000", 45000)]))
    h, hd = P("h_cone", 0.5, 9.5), R("hdot")
    V = pi / 3 * (h / 2) ** 2 * h
    Vd = d(V, h) * hd
    ch.append(chain("V", [("V", V), (r"\frac{\pi}{3}\Bigl(\frac{h}{2}\Bigr)^2h", pi / 3 * (h / 2) ** 2 * h), (r"\frac{\pi h^3}{12}", pi * h ** 3 / 12)], [DEF, "id"]))
    ch.append(chain("dVdt", [(r"\frac{dV}{dt}", Vd), (r"\frac{\pi h^2}{4}\,\frac{dh}{dt}", pi * h ** 2 / 4 * hd)]))
    ch.append(chain("dhdt", [(r"\frac{dh}{dt}", hd), (r"\frac{4}{\pi h^2}\,\frac{dV}{dt}", 4 / (pi * h ** 2) * Vd)]))
    ch.append(chain("dhdt num", [(r"\frac{dh}{dt}\Big|_{h = 2}", (q("-1.5") / d(V, h)).subs(h, 2)), (r"\frac{4\cdot(-1.5)}{\pi\cdot 4}", 4 * q("-1.5") / (pi * 4)),
                                 (r"-\frac{1.5}{\pi}", -q("1.5") / pi)]))
    # x^2 + xy + y^2 = 7 near (1, 2): the branch y = (-x + sqrt(28 - 3x^2))/2, through (1, 2)
    X = R("x_ell", -2.5, 2.5)
    Y = (-X + sqrt(28 - 3 * X ** 2)) / 2
    assert sp.simplify(X ** 2 + X * Y + Y ** 2 - 7) == 0 and Y.subs(X, 1) == 2
    Y1 = d(Y, X)
    ch.append(chain("implicit", [(r"\frac{d}{dx}\bigl(x^2 + xy + y^2\bigr)", d(X ** 2 + X * Y + Y ** 2, X)), (r"2x + y + xy' + 2yy'", 2 * X + Y + X * Y1 + 2 * Y * Y1), ("0", 0)]))
    ch.append(chain("y'", [("y'", Y1), (r"-\frac{2x + y}{x + 2y}", -(2 * X + Y) / (X + 2 * Y))]))
    ch.append(chain("y' num", [(r"y'\Big|_{(1, 2)}", Y1.subs(X, 1)), (r"-\frac{2 + 2}{1 + 4}", -Q(2 + 2, 1 + 4)), (r"-\frac45", Q(-4, 5))]))
    u = sp.Symbol("u_int", positive=True)
    E1 = sp.E
    ch.append(chain("ibp", [(r"\int_1^e \ln x\,dx", sp.Integral(log(u), (u, 1, E1))), (r"\Bigl[x\ln x\Bigr]_1^e - \int_1^e dx", (E1 * log(E1) - 1 * log(1)) - sp.Integral(1 + 0 * u, (u, 1, E1))),
                            (r"e - (e - 1)", E1 - (E1 - 1)), ("1", 1)]))
    xp = P("x_pos", 0.3, 3.0)
    ch.append(chain("ibp check", [(r"\frac{d}{dx}\bigl(x\ln x - x\bigr)", d(xp * log(xp) - xp, xp)), (r"\ln x + 1 - 1", log(xp) + 1 - 1), (r"\ln x", log(xp))]))
    ch.append(chain("sub", [(r"\int_0^1 \frac{x}{1+x^2}\,dx", sp.Integral(u / (1 + u ** 2), (u, 0, 1))), (r"\frac12\int_1^2 \frac{du}{u}", half * sp.Integral(1 / u, (u, 1, 2))),
                            (r"\frac12\ln 2", half * log(2))]))
    xc = P("x_cbrt", 6.0, 10.0)
    f = xc ** Q(1, 3)
    fp = d(f, xc)
    ch.append(chain("f'", [(r"f'(x)", fp), (r"\frac13 x^{-2/3}", Q(1, 3) * xc ** Q(-2, 3))]))
    ch.append(chain("f'(8)", [(r"f'(8)", fp.subs(xc, 8)), (r"\frac{1}{3\cdot 4}", Q(1, 12)), (r"\frac{1}{12}", Q(1, 12))]))
    Lv = f.subs(xc, 8) + fp.subs(xc, 8) * q("0.1")
    ch.append(chain("L", [("L(8.1)", Lv), (r"f(8) + f'(8)\cdot 0.1", Lv), (r"2 + \frac{0.1}{12}", 2 + q("0.1") / 12)], [DEF, "id"]))
    doc = Doc("calculus_forum.md", ch)
    return with_plant(doc, r"= 2x + y + xy' + 2yy' = 0", r"= 2x + xy' + 2yy' = 0", "implicit", 1,
                      I(r"2x + xy' + 2yy'", _fn(2 * X + X * Y1 + 2 * Y * Y1)),
                      "dropped term: the y of (xy)' = y + xy' when differentiating x^2 + xy + y^2 implicitly")


DOCS = [bond_duration_textbook, bond_convexity_cheatsheet, oscillators_circuits_slides, damping_course_page, calculus_applications_problem_set, calculus_forum]
