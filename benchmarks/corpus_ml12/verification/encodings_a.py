"""Hand encodings of the corpus_ml12 documents of families 1-3 (thermodynamic partial derivatives;
Black-Scholes Greeks; diffusion-model noise schedules).

Every display is a chain of I(anchor, fn) items: `anchor` is the exact LaTeX of the expression in
the document and fn(ctx) its SymPy value in the context ctx. Links whose kind is "def" introduce a
name (counted as definitions in the manifest); all others assert an identity. Derivatives are taken
with sympy.diff of the function the text has written down, never copied from the document.
Partial derivatives with a variable held fixed are taken of the state function written in the two
stated independent variables; a derivative of a variable that the text obtains by solving the
equation of state for it is taken of that solved form (for the van der Waals gas by implicit
differentiation, -F_y/F_x, of the equation of state).
"""
import sympy as sp

from framework import Chain, Doc, with_plant  # noqa: F401
from helpers import I, R, P, rational  # noqa: F401

DEF = "def"
half = sp.Rational(1, 2)
exp, log, sqrt, pi = sp.exp, sp.log, sp.sqrt, sp.pi


def Q(a, b=1):
    return sp.Rational(a, b)


def _fn(v):
    if callable(v):
        return v
    v = sp.sympify(v)
    return lambda c: v


def chain(label, items, kinds=None, ctxs=None, where=None):
    """Chain of (anchor, value) pairs; a value is an expression or a function of the context."""
    return Chain(label, [I(a, _fn(v)) for a, v in items], kinds, ctxs, where)


def d(e, x, at=None):
    out = sp.diff(e, x)
    return out.subs(at) if at else out


# ===========================================================================
# family 1: thermodynamics with partial derivatives
def gas_partials_lecture():
    n, Rg, T, V = P("n", 0.5, 2.0), P("R", 0.5, 2.0), P("T", 0.5, 2.0), P("V", 0.8, 2.0)
    Pp = P("P_ind", 0.5, 2.0)  # pressure as an independent variable when V or T is solved for
    a, b = P("a_vdw", 0.3, 1.5), P("b_vdw", 0.05, 0.3)
    ch = []
    Pid = n * Rg * T / V
    ch.append(chain("P ideal", [(r"P(V, T)", Pid), (r"\frac{n\Rg T}{V}", Pid)], DEF))
    ch.append(chain("PV", [(r"\pd{P}{V}{T}", d(Pid, V)), (r"-\frac{n\Rg T}{V^2}", -n * Rg * T / V ** 2), (r"-\frac{P}{V}", -Pid / V)]))
    ch.append(chain("PT", [(r"\pd{P}{T}{V}", d(Pid, T)), (r"\frac{n\Rg}{V}", n * Rg / V), (r"\frac{P}{T}", Pid / T)]))
    Vsol = n * Rg * T / Pp
    Tsol = Pp * V / (n * Rg)
    onP = {Pp: Pid}
    ch.append(chain("VT", [(r"\pd{V}{T}{P}", d(Vsol, T, onP)), (r"\frac{n\Rg}{P}", n * Rg / Pid), (r"\frac{V}{T}", V / T)]))
    ch.append(chain("TP", [(r"\pd{T}{P}{V}", d(Tsol, Pp, onP)), (r"\frac{V}{n\Rg}", V / (n * Rg))]))
    prod = d(Pid, V) * d(Vsol, T, onP) * d(Tsol, Pp, onP)
    ch.append(chain("cyclic", [(r"\pd{P}{V}{T}\pd{V}{T}{P}\pd{T}{P}{V}", prod),
                               (r"\left(-\frac{n\Rg T}{V^2}\right)\frac{n\Rg}{P}\,\frac{V}{n\Rg}", (-n * Rg * T / V ** 2) * n * Rg / Pid * V / (n * Rg)),
                               (r"-\frac{n\Rg T}{PV}", -n * Rg * T / (Pid * V)), ("-1", -1)]))
    dVdP = d(Vsol, Pp, onP)
    ch.append(chain("kappa ideal", [(r"\kappa_T", -dVdP / V), (r"-\frac{1}{V}\pd{V}{P}{T}", -dVdP / V),
                                    (r"-\frac{1}{V}\left(-\frac{n\Rg T}{P^2}\right)", -(-n * Rg * T / Pid ** 2) / V),
                                    (r"\frac{n\Rg T}{P^2V}", n * Rg * T / (Pid ** 2 * V)), (r"\frac{1}{P}", 1 / Pid)], [DEF, "id", "id", "id"]))
    beta = d(Vsol, T, onP) / V
    ch.append(chain("beta ideal", [(r"\beta", beta), (r"\frac{1}{V}\pd{V}{T}{P}", beta), (r"\frac{n\Rg}{PV}", n * Rg / (Pid * V)),
                                   (r"\frac{1}{T}", 1 / T)], [DEF, "id", "id"]))
    # van der Waals, one mole
    Pw = Rg * T / (V - b) - a / V ** 2
    ch.append(chain("P vdw", [(r"P(V, T)", Pw), (r"\frac{\Rg T}{V - b} - \frac{a}{V^2}", Pw)], DEF))
    PV = d(Pw, V)
    PT = d(Pw, T)
    ch.append(chain("vdw PV", [(r"\pd{P}{V}{T}", PV), (r"-\frac{\Rg T}{(V-b)^2} + \frac{2a}{V^3}", -Rg * T / (V - b) ** 2 + 2 * a / V ** 3)]))
    ch.append(chain("vdw PT", [(r"\pd{P}{T}{V}", PT), (r"\frac{\Rg}{V-b}", Rg / (V - b))]))
    ch.append(chain("vdw PVV", [(r"\frac{\partial^2 P}{\partial V^2}", d(Pw, V, None).diff(V)),
                                (r"\frac{2\Rg T}{(V-b)^3} - \frac{6a}{V^4}", 2 * Rg * T / (V - b) ** 3 - 6 * a / V ** 4)]))
    C_V, S0 = P("C_V", 0.5, 2.0), R("S_0")
    S = C_V * log(T) + Rg * log(V - b) + S0
    ch.append(chain("maxwell", [(r"\pd{S}{V}{T}", d(S, V)), (r"\frac{\Rg}{V - b}", Rg / (V - b)), (r"\pd{P}{T}{V}", PT)]))
    U = C_V * T - a / V
    ch.append(chain("U_V", [(r"\pd{U}{V}{T}", d(U, V)), (r"\frac{a}{V^2}", a / V ** 2)]))
    ch.append(chain("energy eq", [(r"T\pd{P}{T}{V} - P", T * PT - Pw),
                                  (r"\frac{\Rg T}{V-b} - \frac{\Rg T}{V-b} + \frac{a}{V^2}", Rg * T / (V - b) - Rg * T / (V - b) + a / V ** 2),
                                  (r"\frac{a}{V^2}", a / V ** 2)]))
    Tbind = 2 * a * (V - b) ** 2 / (Rg * V ** 3)
    PVV = sp.diff(Pw, V, 2)
    ch.append(chain("crit", [(r"\frac{\partial^2 P}{\partial V^2}\Big|_{\Rg T = 2a(V-b)^2/V^3}", PVV.subs(T, Tbind)),
                             (r"\frac{4a}{V^3(V-b)} - \frac{6a}{V^4}", 4 * a / (V ** 3 * (V - b)) - 6 * a / V ** 4),
                             (r"\frac{2a(3b - V)}{V^4(V-b)}", 2 * a * (3 * b - V) / (V ** 4 * (V - b)))]))
    Vc = 3 * b
    Tc = sp.solve(sp.Eq(PV.subs(V, Vc), 0), T)[0]
    assert sp.simplify(PVV.subs({V: Vc, T: Tc})) == 0  # the critical point satisfies both conditions
    Pc = Pw.subs({V: Vc, T: Tc})
    ch.append(chain("Tc", [(r"\Rg T_c", Rg * Tc), (r"\frac{2a(V_c - b)^2}{V_c^3}", 2 * a * (Vc - b) ** 2 / Vc ** 3),
                           (r"\frac{2a\cdot 4b^2}{27b^3}", 2 * a * 4 * b ** 2 / (27 * b ** 3)), (r"\frac{8a}{27b}", 8 * a / (27 * b))]))
    ch.append(chain("Pc", [(r"P_c", Pc), (r"\frac{\Rg T_c}{V_c - b} - \frac{a}{V_c^2}", Rg * Tc / (Vc - b) - a / Vc ** 2),
                           (r"\frac{8a}{27b\cdot 2b} - \frac{a}{9b^2}", 8 * a / (27 * b * 2 * b) - a / (9 * b ** 2)),
                           (r"\frac{4a}{27b^2} - \frac{3a}{27b^2}", 4 * a / (27 * b ** 2) - 3 * a / (27 * b ** 2)),
                           (r"\frac{a}{27b^2}", a / (27 * b ** 2))]))
    ch.append(chain("Zc", [(r"Z_c", Pc * Vc / (Rg * Tc)), (r"\frac{P_cV_c}{\Rg T_c}", Pc * Vc / (Rg * Tc)),
                           (r"\frac{a}{27b^2}\cdot 3b\cdot\frac{27b}{8a}", a / (27 * b ** 2) * 3 * b * 27 * b / (8 * a)), (r"\frac{3}{8}", Q(3, 8))],
                     [DEF, "id", "id"]))
    red = {a: 27, b: 1, Rg: 1, V: 3, T: 8}
    ch.append(chain("slope numbers", [(r"\pd{P}{V}{T}\Big|_{V = 3,\ T = 8}", PV.subs(red)),
                                      (r"-\frac{8}{2^2} + \frac{2\cdot 27}{3^3}", Q(-8, 4) + Q(54, 27)), ("-2 + 2", 0), ("0", 0)]))
    den = Rg * T * V ** 3 - 2 * a * (V - b) ** 2
    kap = -1 / (V * PV)
    ch.append(chain("kappa vdw", [(r"\kappa_T", kap), (r"-\frac{1}{V}\,\frac{1}{(\partial P/\partial V)_T}", -1 / (V * PV)),
                                  (r"\frac{1}{V}\cdot\frac{V^3(V-b)^2}{\Rg TV^3 - 2a(V-b)^2}", V ** 3 * (V - b) ** 2 / (V * den)),
                                  (r"\frac{V^2(V-b)^2}{\Rg TV^3 - 2a(V-b)^2}", V ** 2 * (V - b) ** 2 / den)]))
    # beta from the equation of state solved implicitly for V(T, P): dV/dT|_P = -P_T/P_V
    beta_w = (-PT / PV) / V
    ch.append(chain("beta vdw", [(r"\beta", beta_w), (r"\kappa_T\pd{P}{T}{V}", kap * PT),
                                 (r"\frac{\Rg V^2(V-b)}{\Rg TV^3 - 2a(V-b)^2}", Rg * V ** 2 * (V - b) / den)]))
    doc = Doc("gas_partials_lecture.tex", ch)
    return with_plant(doc, r"= \frac{8a}{27b\cdot 2b} - \frac{a}{9b^2}", r"= \frac{8a}{27b\cdot b} - \frac{a}{9b^2}", "Pc", 2,
                      I(r"\frac{8a}{27b\cdot b} - \frac{a}{9b^2}", _fn(8 * a / (27 * b * b) - a / (9 * b ** 2))),
                      "dropped factor: the 2 of V_c - b = 2b in the first term of P_c")


DOCS = [gas_partials_lecture]


def van_der_waals_forum():
    Rg, T, v = P("R", 0.5, 2.0), P("T", 0.5, 2.0), P("v", 0.8, 2.0)
    a, b = P("a_vdw", 0.3, 1.5), P("b_vdw", 0.05, 0.3)
    p_ind = P("P_ind", 0.5, 2.0)
    pw = Rg * T / (v - b) - a / v ** 2
    ch = []
    ch.append(chain("p", [("p", pw), (r"\frac{RT}{v-b} - \frac{a}{v^2}", pw)], DEF))
    ch.append(chain("pT", [(r"\left(\frac{\partial p}{\partial T}\right)_v", d(pw, T)), (r"\frac{R}{v-b}", Rg / (v - b))]))
    ch.append(chain("pv", [(r"\left(\frac{\partial p}{\partial v}\right)_T", d(pw, v)),
                           (r"-\frac{RT}{(v-b)^2} + \frac{2a}{v^3}", -Rg * T / (v - b) ** 2 + 2 * a / v ** 3)]))
    Tpv = (p_ind + a / v ** 2) * (v - b) / Rg
    on = {p_ind: pw}
    Tv = d(Tpv, v, on)
    ch.append(chain("Tv", [(r"\left(\frac{\partial T}{\partial v}\right)_p", Tv),
                           (r"\frac{1}{R}\left[p + \frac{a}{v^2} - \frac{2a(v-b)}{v^3}\right]", (pw + a / v ** 2 - 2 * a * (v - b) / v ** 3) / Rg),
                           (r"\frac{1}{R}\left[\frac{RT}{v-b} - \frac{2a(v-b)}{v^3}\right]", (Rg * T / (v - b) - 2 * a * (v - b) / v ** 3) / Rg)]))
    Tp = d(Tpv, p_ind, on)
    ch.append(chain("Tp", [(r"\left(\frac{\partial T}{\partial p}\right)_v", Tp), (r"\frac{v-b}{R}", (v - b) / Rg)]))
    ch.append(chain("cyclic", [(r"\left(\frac{\partial p}{\partial v}\right)_T\left(\frac{\partial T}{\partial p}\right)_v", d(pw, v) * Tp),
                               (r"\left(-\frac{RT}{(v-b)^2} + \frac{2a}{v^3}\right)\frac{v-b}{R}", (-Rg * T / (v - b) ** 2 + 2 * a / v ** 3) * (v - b) / Rg),
                               (r"-\frac{1}{R}\left[\frac{RT}{v-b} - \frac{2a(v-b)}{v^3}\right]", -(Rg * T / (v - b) - 2 * a * (v - b) / v ** 3) / Rg),
                               (r"-\left(\frac{\partial T}{\partial v}\right)_p", -Tv)]))
    c_v, T0 = P("c_v", 0.5, 2.0), P("T_0", 0.5, 2.0)
    F = -Rg * T * log(v - b) - a / v - c_v * T * log(T / T0)
    ch.append(chain("F", [(r"F(T, v)", F), (r"-RT\ln(v-b) - \frac{a}{v} - c_vT\ln\frac{T}{T_0}", F)], DEF))
    ch.append(chain("p from F", [("p", pw), (r"-\left(\frac{\partial F}{\partial v}\right)_T", -d(F, v)),
                                 (r"\frac{RT}{v-b} - \frac{a}{v^2}", pw)]))
    s = -d(F, T)
    ch.append(chain("s", [("s", s), (r"-\left(\frac{\partial F}{\partial T}\right)_v", -d(F, T)),
                          (r"R\ln(v-b) + c_v\ln\frac{T}{T_0} + c_v", Rg * log(v - b) + c_v * log(T / T0) + c_v)]))
    ch.append(chain("maxwell", [(r"\left(\frac{\partial s}{\partial v}\right)_T", d(s, v)), (r"\frac{R}{v-b}", Rg / (v - b)),
                                (r"\left(\frac{\partial p}{\partial T}\right)_v", d(pw, T))]))
    ch.append(chain("cubic", [(r"\left(p + \frac{a}{v^2}\right)(v-b)v^2", (p_ind + a / v ** 2) * (v - b) * v ** 2),
                              (r"pv^3 - pbv^2 + av - ab", p_ind * v ** 3 - p_ind * b * v ** 2 + a * v - a * b)]))
    vc_s = P("v_c_free", 0.3, 2.0)
    ch.append(chain("triple", [(r"(v - v_c)^3", (v - vc_s) ** 3), (r"v^3 - 3v_cv^2 + 3v_c^2v - v_c^3", v ** 3 - 3 * vc_s * v ** 2 + 3 * vc_s ** 2 * v - vc_s ** 3)]))
    vc, pc, Tc = 3 * b, a / (27 * b ** 2), 8 * a / (27 * b * Rg)
    # the critical constants satisfy the three coefficient conditions
    assert sp.simplify(3 * vc - b - Rg * Tc / pc) == 0 and sp.simplify(3 * vc ** 2 - a / pc) == 0 and sp.simplify(vc ** 3 - a * b / pc) == 0
    ch.append(chain("vc", [("v_c", vc), (r"\frac{v_c^3}{v_c^2}", vc ** 3 / vc ** 2), (r"\frac{ab/p_c}{a/(3p_c)}", (a * b / pc) / (a / (3 * pc))), ("3b", 3 * b)]))
    ch.append(chain("pc", [("p_c", pc), (r"\frac{a}{3v_c^2}", a / (3 * vc ** 2)), (r"\frac{a}{27b^2}", a / (27 * b ** 2))]))
    ch.append(chain("RTc", [("RT_c", Rg * Tc), (r"p_c(3v_c - b)", pc * (3 * vc - b)), (r"\frac{a}{27b^2}\cdot 8b", a / (27 * b ** 2) * 8 * b),
                            (r"\frac{8a}{27b}", 8 * a / (27 * b))]))
    Tr, vr = P("T_r", 1.1, 2.0), P("v_r", 0.6, 2.0)
    red = {v: vc * vr, T: Tc * Tr}
    ch.append(chain("corr", [("p_cp_r", pw.subs(red)), (r"\frac{RT_cT_r}{v_cv_r - b} - \frac{a}{v_c^2v_r^2}", Rg * Tc * Tr / (vc * vr - b) - a / (vc ** 2 * vr ** 2)),
                             (r"\frac{8aT_r/(27b)}{3bv_r - b} - \frac{a}{9b^2v_r^2}", (8 * a * Tr / (27 * b)) / (3 * b * vr - b) - a / (9 * b ** 2 * vr ** 2)),
                             (r"\frac{a}{27b^2}\left(\frac{8T_r}{3v_r - 1} - \frac{3}{v_r^2}\right)", a / (27 * b ** 2) * (8 * Tr / (3 * vr - 1) - 3 / vr ** 2))]))
    pr = pw.subs(red) / pc
    ch.append(chain("pr", [("p_r", pr), (r"\frac{8T_r}{3v_r - 1} - \frac{3}{v_r^2}", 8 * Tr / (3 * vr - 1) - 3 / vr ** 2)]))
    ch.append(chain("pr11", [(r"\frac{8}{3 - 1} - \frac{3}{1}", pr.subs({Tr: 1, vr: 1})), ("4 - 3", 1), ("1", 1)]))
    dpr = d(pr, vr)
    ch.append(chain("dpr", [(r"\left(\frac{\partial p_r}{\partial v_r}\right)_{T_r}", dpr),
                            (r"-\frac{24T_r}{(3v_r-1)^2} + \frac{6}{v_r^3}", -24 * Tr / (3 * vr - 1) ** 2 + 6 / vr ** 3)]))
    ch.append(chain("dpr11", [(r"\left(\frac{\partial p_r}{\partial v_r}\right)_{T_r}\Big|_{v_r = T_r = 1}", dpr.subs({Tr: 1, vr: 1})),
                              (r"-\frac{24}{4} + 6", -6 + 6), ("0", 0)]))
    num = {a: rational("0.364"), b: rational("4.27e-5"), Rg: rational("8.314")}
    ch.append(chain("Tc num", [("T_c", Tc.subs(num)), (r"\frac{8a}{27Rb}", (8 * a / (27 * Rg * b)).subs(num)),
                               (r"\frac{8(0.364)}{27(8.314)(4.27\times10^{-5})}", 8 * rational("0.364") / (27 * rational("8.314") * rational("4.27e-5")))]))
    ch.append(chain("pc num", [("p_c", pc.subs(num)), (r"\frac{a}{27b^2}", pc.subs(num)),
                               (r"\frac{0.364}{27(4.27\times10^{-5})^2}", rational("0.364") / (27 * rational("4.27e-5") ** 2))]))
    ch.append(chain("dpr v1", [(r"\left(\frac{\partial p_r}{\partial v_r}\right)_{T_r}\Big|_{v_r = 1}", dpr.subs(vr, 1)),
                               ("-6T_r + 6", -6 * Tr + 6), ("-6(T_r - 1)", -6 * (Tr - 1))]))
    atc = {v: vc, T: Tc * Tr}
    kap = (-1 / (v * d(pw, v))).subs(atc)
    ch.append(chain("kappa", [(r"\kappa_T", kap), (r"-\frac{1}{v_r}\,\frac{1}{p_c\,(\partial p_r/\partial v_r)_{T_r}}", -1 / (1 * pc * dpr.subs(vr, 1))),
                              (r"\frac{1}{6p_c(T_r - 1)}", 1 / (6 * pc * (Tr - 1)))]))
    beta = ((-d(pw, T) / d(pw, v)) / v).subs(atc)
    ch.append(chain("beta", [(r"\beta", beta), (r"\frac{1}{6p_c(T_r - 1)}\cdot\frac{R}{2b}", 1 / (6 * pc * (Tr - 1)) * Rg / (2 * b)),
                             (r"\frac{27b^2}{6a(T_r - 1)}\cdot\frac{R}{2b}", 27 * b ** 2 / (6 * a * (Tr - 1)) * Rg / (2 * b)),
                             (r"\frac{9Rb}{4a(T_r - 1)}", 9 * Rg * b / (4 * a * (Tr - 1)))]))
    doc = Doc("van_der_waals_forum.md", ch)
    return with_plant(doc, r"= \frac{27b^2}{6a(T_r - 1)}\cdot", r"= \frac{27b^3}{6a(T_r - 1)}\cdot", "beta", 2,
                      I(r"\frac{27b^3}{6a(T_r - 1)}\cdot\frac{R}{2b}", _fn(27 * b ** 3 / (6 * a * (Tr - 1)) * Rg / (2 * b))),
                      "wrong exponent: b^3 for b^2 in 1/p_c = 27b^2/a inside the expansion coefficient on the critical isochore")


DOCS = [gas_partials_lecture, van_der_waals_forum]


# ===========================================================================
# family 2: Black-Scholes Greeks
def Ncdf(x):
    return (1 + sp.erf(x / sqrt(2))) / 2


def Npdf(x):
    return exp(-x ** 2 / 2) / sqrt(2 * pi)


def black_scholes_greeks_exam():
    S, K, r = P("S", 0.5, 2.0), P("K", 0.5, 2.0), P("r", 0.01, 0.2)
    sg, T = P("sigma", 0.1, 0.8), P("T", 0.5, 2.0)
    sT = sg * sqrt(T)
    d1 = (log(S / K) + (r + sg ** 2 / 2) * T) / sT
    d2 = d1 - sT
    C = S * Ncdf(d1) - K * exp(-r * T) * Ncdf(d2)
    ch = []
    ch.append(chain("d1", [("d_1", d1), (r"\frac{\ln(S/K) + (r + \sigma^2/2)T}{\sT}", d1)], DEF))
    ch.append(chain("d2", [("d_2", d2), (r"d_1 - \sT", d1 - sT), (r"\frac{\ln(S/K) + (r - \sigma^2/2)T}{\sT}", (log(S / K) + (r - sg ** 2 / 2) * T) / sT)],
                    [DEF, "id"]))
    ch.append(chain("squares", [(r"d_1^2 - d_2^2", d1 ** 2 - d2 ** 2), (r"(d_1 - d_2)(d_1 + d_2)", (d1 - d2) * (d1 + d2)),
                                (r"\sT\cdot\frac{2\ln(S/K) + 2rT}{\sT}", sT * (2 * log(S / K) + 2 * r * T) / sT),
                                (r"2\ln\frac{S}{K} + 2rT", 2 * log(S / K) + 2 * r * T)]))
    ch.append(chain("N'(d2)", [(r"\Nd(d_2)", Npdf(d2)), (r"\frac{1}{\sqrt{2\pi}}e^{-d_2^2/2}", exp(-d2 ** 2 / 2) / sqrt(2 * pi)),
                               (r"\frac{1}{\sqrt{2\pi}}e^{-d_1^2/2}e^{(d_1^2 - d_2^2)/2}", exp(-d1 ** 2 / 2) * exp((d1 ** 2 - d2 ** 2) / 2) / sqrt(2 * pi)),
                               (r"\Nd(d_1)\,e^{\ln(S/K) + rT}", Npdf(d1) * exp(log(S / K) + r * T)),
                               (r"\Nd(d_1)\,\frac{S}{K}\,e^{rT}", Npdf(d1) * S / K * exp(r * T))]))
    ch.append(chain("key", [(r"Ke^{-rT}\Nd(d_2)", K * exp(-r * T) * Npdf(d2)),
                            (r"Ke^{-rT}\Nd(d_1)\,\frac{S}{K}\,e^{rT}", K * exp(-r * T) * Npdf(d1) * S / K * exp(r * T)),
                            (r"S\Nd(d_1)", S * Npdf(d1))]))
    ch.append(chain("dd/dS", [(r"\frac{\partial d_1}{\partial S}", d(d1, S)), (r"\frac{\partial d_2}{\partial S}", d(d2, S)), (r"\frac{1}{S\sT}", 1 / (S * sT))]))
    Delta = d(C, S)
    ch.append(chain("Delta", [(r"\Delta", Delta), (r"\frac{\partial C}{\partial S}", Delta),
                              (r"N(d_1) + S\Nd(d_1)\frac{\partial d_1}{\partial S} - Ke^{-rT}\Nd(d_2)\frac{\partial d_2}{\partial S}",
                               Ncdf(d1) + S * Npdf(d1) * d(d1, S) - K * exp(-r * T) * Npdf(d2) * d(d2, S)),
                              (r"N(d_1) + \bigl(S\Nd(d_1) - Ke^{-rT}\Nd(d_2)\bigr)\frac{1}{S\sT}", Ncdf(d1) + (S * Npdf(d1) - K * exp(-r * T) * Npdf(d2)) / (S * sT)),
                              (r"N(d_1)", Ncdf(d1))], [DEF, "id", "id", "id"]))
    Gam = d(Delta, S)
    ch.append(chain("Gamma", [(r"\Gamma", Gam), (r"\frac{\partial \Delta}{\partial S}", Gam), (r"\Nd(d_1)\frac{\partial d_1}{\partial S}", Npdf(d1) * d(d1, S)),
                              (r"\frac{\Nd(d_1)}{S\sT}", Npdf(d1) / (S * sT))], [DEF, "id", "id"]))
    ch.append(chain("dd1/dsigma", [(r"\frac{\partial d_1}{\partial\sigma}", d(d1, sg)), (r"\sqrt{T} - \frac{d_1}{\sigma}", sqrt(T) - d1 / sg),
                                   (r"-\frac{d_2}{\sigma}", -d2 / sg)]))
    Vega = d(C, sg)
    ch.append(chain("vega", [(r"\mathcal{V}", Vega), (r"\frac{\partial C}{\partial\sigma}", Vega),
                             (r"S\Nd(d_1)\frac{\partial d_1}{\partial\sigma} - Ke^{-rT}\Nd(d_2)\frac{\partial d_2}{\partial\sigma}",
                              S * Npdf(d1) * d(d1, sg) - K * exp(-r * T) * Npdf(d2) * d(d2, sg)),
                             (r"S\Nd(d_1)\Bigl(\frac{\partial d_1}{\partial\sigma} - \frac{\partial d_2}{\partial\sigma}\Bigr)", S * Npdf(d1) * (d(d1, sg) - d(d2, sg))),
                             (r"S\Nd(d_1)\sqrt{T}", S * Npdf(d1) * sqrt(T))], [DEF, "id", "id", "id"]))
    Theta = -d(C, T)
    ch.append(chain("Theta", [(r"\Theta", Theta), (r"-\frac{\partial C}{\partial T}", Theta),
                              (r"-S\Nd(d_1)\frac{\partial d_1}{\partial T} + Ke^{-rT}\Nd(d_2)\frac{\partial d_2}{\partial T} - rKe^{-rT}N(d_2)",
                               -S * Npdf(d1) * d(d1, T) + K * exp(-r * T) * Npdf(d2) * d(d2, T) - r * K * exp(-r * T) * Ncdf(d2)),
                              (r"-S\Nd(d_1)\Bigl(\frac{\partial d_1}{\partial T} - \frac{\partial d_2}{\partial T}\Bigr) - rKe^{-rT}N(d_2)",
                               -S * Npdf(d1) * (d(d1, T) - d(d2, T)) - r * K * exp(-r * T) * Ncdf(d2)),
                              (r"-\frac{S\sigma\Nd(d_1)}{2\sqrt{T}} - rKe^{-rT}N(d_2)", -S * sg * Npdf(d1) / (2 * sqrt(T)) - r * K * exp(-r * T) * Ncdf(d2))],
                     [DEF, "id", "id", "id"]))
    Put = K * exp(-r * T) * Ncdf(-d2) - S * Ncdf(-d1)
    ch.append(chain("parity", [(r"C - P", C - Put),
                               (r"SN(d_1) - Ke^{-rT}N(d_2) - Ke^{-rT}N(-d_2) + SN(-d_1)", S * Ncdf(d1) - K * exp(-r * T) * Ncdf(d2) - K * exp(-r * T) * Ncdf(-d2) + S * Ncdf(-d1)),
                               (r"S\bigl(N(d_1) + N(-d_1)\bigr) - Ke^{-rT}\bigl(N(d_2) + N(-d_2)\bigr)",
                                S * (Ncdf(d1) + Ncdf(-d1)) - K * exp(-r * T) * (Ncdf(d2) + Ncdf(-d2))),
                               (r"S - Ke^{-rT}", S - K * exp(-r * T))]))
    ch.append(chain("put delta", [(r"\Delta_P", d(Put, S)), (r"\frac{\partial P}{\partial S}", d(Put, S)), (r"\frac{\partial C}{\partial S} - 1", Delta - 1),
                                  ("N(d_1) - 1", Ncdf(d1) - 1), ("-N(-d_1)", -Ncdf(-d1))], [DEF, "id", "id", "id"]))
    num = {S: 100, K: 100, r: rational("0.05"), sg: rational("0.2"), T: 1}
    ch.append(chain("d1 num", [("d_1", d1.subs(num)), (r"\frac{\ln 1 + (0.05 + 0.02)\cdot 1}{0.2\cdot 1}", (log(1) + (rational("0.05") + rational("0.02")) * 1) / (rational("0.2") * 1)),
                               (r"\frac{0.07}{0.2}", rational("0.07") / rational("0.2")), ("0.35", rational("0.35"))]))
    ch.append(chain("d2 num", [("d_2", d2.subs(num)), ("0.35 - 0.2", rational("0.15")), ("0.15", rational("0.15"))]))
    ch.append(chain("vega num", [(r"\mathcal{V}", Vega.subs(num)), (r"100\,\Nd(0.35)\sqrt{1}", 100 * Npdf(rational("0.35"))),
                                 (r"\frac{100}{\sqrt{2\pi}}\,e^{-0.06125}", 100 / sqrt(2 * pi) * exp(-rational("0.06125")))]))
    doc = Doc("black_scholes_greeks_exam.tex", ch)
    wrong = -S * Npdf(d1) * (d(d1, T) + d(d2, T)) - r * K * exp(-r * T) * Ncdf(d2)
    return with_plant(doc, r"\Bigl(\frac{\partial d_1}{\partial T} - \frac{\partial d_2}{\partial T}\Bigr)",
                      r"\Bigl(\frac{\partial d_1}{\partial T} + \frac{\partial d_2}{\partial T}\Bigr)", "Theta", 3,
                      I(r"-S\Nd(d_1)\Bigl(\frac{\partial d_1}{\partial T} + \frac{\partial d_2}{\partial T}\Bigr) - rKe^{-rT}N(d_2)", _fn(wrong)),
                      "sign: + for - between the two d-derivatives inside the bracket of theta (the difference of the T-derivatives of d_1 and d_2)")


def option_greeks_blog():
    S, K, r = P("S", 0.5, 2.0), P("K", 0.5, 2.0), P("r", 0.01, 0.2)
    sg, tau = P("sigma", 0.1, 0.8), P("tau", 0.2, 2.0)
    st = sg * sqrt(tau)
    dp = (log(S / K) + (r + sg ** 2 / 2) * tau) / st
    dm = (log(S / K) + (r - sg ** 2 / 2) * tau) / st
    C = S * Ncdf(dp) - K * exp(-r * tau) * Ncdf(dm)
    ch = []
    PM = [{"s": 1}, {"s": -1}]
    dpm = lambda c: (log(S / K) + (r + c["s"] * sg ** 2 / 2) * tau) / st  # noqa: E731
    ch.append(chain("dpm", [(r"d_{\pm}", lambda c: dp if c["s"] == 1 else dm), (r"\frac{\ln(S/K) + (r \pm \tfrac12\sigma^2)\tau}{\sigma\sqrt{\tau}}", dpm)],
                    DEF, ctxs=PM))
    ch.append(chain("ratio", [(r"\frac{\varphi(d_-)}{\varphi(d_+)}", Npdf(dm) / Npdf(dp)), (r"e^{(d_+^2 - d_-^2)/2}", exp((dp ** 2 - dm ** 2) / 2)),
                              (r"e^{\frac12(d_+ - d_-)(d_+ + d_-)}", exp(half * (dp - dm) * (dp + dm))),
                              (r"e^{\frac12\sigma\sqrt{\tau}\cdot\frac{2\ln(S/K) + 2r\tau}{\sigma\sqrt{\tau}}}", exp(half * st * (2 * log(S / K) + 2 * r * tau) / st)),
                              (r"e^{\ln(S/K) + r\tau}", exp(log(S / K) + r * tau)), (r"\frac{S}{K}\,e^{r\tau}", S / K * exp(r * tau))]))
    ch.append(chain("key", [(r"S\varphi(d_+)", S * Npdf(dp)), (r"Ke^{-r\tau}\varphi(d_-)", K * exp(-r * tau) * Npdf(dm))]))
    Delta = d(C, S)
    ch.append(chain("Delta", [(r"\Delta", Delta), (r"\frac{\partial C}{\partial S}", Delta),
                              (r"\Phi(d_+) + \frac{S\varphi(d_+) - Ke^{-r\tau}\varphi(d_-)}{S\sigma\sqrt{\tau}}", Ncdf(dp) + (S * Npdf(dp) - K * exp(-r * tau) * Npdf(dm)) / (S * st)),
                              (r"\Phi(d_+)", Ncdf(dp))], [DEF, "id", "id"]))
    Gam = d(C, S, None).diff(S)
    ch.append(chain("Gamma", [(r"\Gamma", Gam), (r"\frac{\partial^2 C}{\partial S^2}", Gam), (r"\frac{\varphi(d_+)}{S\sigma\sqrt{\tau}}", Npdf(dp) / (S * st)),
                              (r"\frac{e^{-d_+^2/2}}{S\sigma\sqrt{2\pi\tau}}", exp(-dp ** 2 / 2) / (S * sg * sqrt(2 * pi * tau)))], [DEF, "id", "id"]))
    A = (log(S / K) + r * tau) / (sg ** 2 * sqrt(tau))
    ch.append(chain("ddp", [(r"\frac{\partial d_+}{\partial\sigma}", d(dp, sg)), (r"-\frac{\ln(S/K) + r\tau}{\sigma^2\sqrt{\tau}} + \frac{\sqrt{\tau}}{2}", -A + sqrt(tau) / 2)]))
    ch.append(chain("ddm", [(r"\frac{\partial d_-}{\partial\sigma}", d(dm, sg)), (r"-\frac{\ln(S/K) + r\tau}{\sigma^2\sqrt{\tau}} - \frac{\sqrt{\tau}}{2}", -A - sqrt(tau) / 2)]))
    nu = d(C, sg)
    ch.append(chain("nu", [(r"\nu", nu), (r"\frac{\partial C}{\partial\sigma}", nu),
                           (r"S\varphi(d_+)\frac{\partial d_+}{\partial\sigma} - Ke^{-r\tau}\varphi(d_-)\frac{\partial d_-}{\partial\sigma}",
                            S * Npdf(dp) * d(dp, sg) - K * exp(-r * tau) * Npdf(dm) * d(dm, sg)),
                           (r"S\varphi(d_+)\Bigl(\frac{\partial d_+}{\partial\sigma} - \frac{\partial d_-}{\partial\sigma}\Bigr)", S * Npdf(dp) * (d(dp, sg) - d(dm, sg))),
                           (r"S\varphi(d_+)\sqrt{\tau}", S * Npdf(dp) * sqrt(tau)), (r"Ke^{-r\tau}\varphi(d_-)\sqrt{\tau}", K * exp(-r * tau) * Npdf(dm) * sqrt(tau))],
                     [DEF, "id", "id", "id", "id"]))
    ch.append(chain("nu gamma", [(r"\nu", nu), (r"S\varphi(d_+)\sqrt{\tau}", S * Npdf(dp) * sqrt(tau)),
                                 (r"S^2\sigma\tau\cdot\frac{\varphi(d_+)}{S\sigma\sqrt{\tau}}", S ** 2 * sg * tau * Npdf(dp) / (S * st)),
                                 (r"S^2\sigma\tau\,\Gamma", S ** 2 * sg * tau * Gam)]))
    Put = C - S + K * exp(-r * tau)
    ch.append(chain("put delta", [(r"\frac{\partial P}{\partial S}", d(Put, S)), (r"\Phi(d_+) - 1", Ncdf(dp) - 1), (r"-\Phi(-d_+)", -Ncdf(-dp))]))
    ch.append(chain("put gamma", [(r"\frac{\partial^2 P}{\partial S^2}", sp.diff(Put, S, 2)), (r"\frac{\partial^2 C}{\partial S^2}", Gam), (r"\Gamma", Gam)]))
    Theta = -d(C, tau)
    ch.append(chain("Theta", [(r"\Theta", Theta), (r"\frac{\partial C}{\partial t}", Theta), (r"-\frac{\partial C}{\partial\tau}", -d(C, tau)),
                              (r"-\frac{S\sigma\varphi(d_+)}{2\sqrt{\tau}} - rKe^{-r\tau}\Phi(d_-)", -S * sg * Npdf(dp) / (2 * sqrt(tau)) - r * K * exp(-r * tau) * Ncdf(dm))],
                     [DEF, "id", "id"]))
    ch.append(chain("pde", [(r"\Theta + \tfrac12\sigma^2S^2\Gamma + rS\Delta - rC", Theta + half * sg ** 2 * S ** 2 * Gam + r * S * Delta - r * C),
                            (r"-\frac{S\sigma\varphi(d_+)}{2\sqrt{\tau}} - rKe^{-r\tau}\Phi(d_-) + \frac{S\sigma\varphi(d_+)}{2\sqrt{\tau}} + rS\Phi(d_+) - rS\Phi(d_+) + rKe^{-r\tau}\Phi(d_-)",
                             -S * sg * Npdf(dp) / (2 * sqrt(tau)) - r * K * exp(-r * tau) * Ncdf(dm) + S * sg * Npdf(dp) / (2 * sqrt(tau)) + r * S * Ncdf(dp) - r * S * Ncdf(dp) + r * K * exp(-r * tau) * Ncdf(dm)),
                            ("0", 0)]))
    num = {S: 50, K: 50, r: 0, sg: rational("0.4"), tau: rational("0.25")}
    ch.append(chain("dp num", [("d_+", dp.subs(num)), (r"\frac{\ln 1 + 0.02}{0.2}", (log(1) + rational("0.02")) / rational("0.2")), ("0.1", rational("0.1"))]))
    ch.append(chain("dm num", [("d_-", dm.subs(num)), ("0.1 - 0.2", rational("-0.1")), ("-0.1", rational("-0.1"))]))
    f = rational("0.1")
    ch.append(chain("C num", [("C", C.subs(num)), (r"50\,\Phi(0.1) - 50\,\Phi(-0.1)", 50 * Ncdf(f) - 50 * Ncdf(-f)),
                              (r"50\bigl(2\Phi(0.1) - 1\bigr)", 50 * (2 * Ncdf(f) - 1))]))
    ch.append(chain("nu num", [(r"\nu", nu.subs(num)), (r"50\,\varphi(0.1)\cdot 0.5", 50 * Npdf(f) * half),
                               (r"\frac{25}{\sqrt{2\pi}}\,e^{-0.005}", 25 / sqrt(2 * pi) * exp(-rational("0.005")))]))
    ch.append(chain("Gamma num", [(r"\Gamma", Gam.subs(num)), (r"\frac{\varphi(0.1)}{50\cdot 0.2}", Npdf(f) / (50 * rational("0.2"))),
                                  (r"\frac{\varphi(0.1)}{10}", Npdf(f) / 10)]))
    doc = Doc("option_greeks_blog.md", ch)
    return with_plant(doc, r"= 50\,\varphi(0.1)\cdot 0.5 =", r"= 50\,\varphi(0.1)\cdot 0.25 =", "nu num", 1,
                      I(r"50\,\varphi(0.1)\cdot 0.25", _fn(50 * Npdf(f) * rational("0.25"))),
                      "wrong constant: 0.25 (tau) for 0.5 (sqrt(tau)) in the numerical vega S phi(d_+) sqrt(tau)")


DOCS = [gas_partials_lecture, van_der_waals_forum, black_scholes_greeks_exam, option_greeks_blog]


# ===========================================================================
# family 3: diffusion noise schedules
def diffusion_schedule_appendix():
    at, atm1 = P("alpha_t", 0.3, 0.99), P("alpha_tm1", 0.3, 0.99)
    abm1 = P("abar_tm1", 0.2, 0.95)
    abt = at * abm1  # abar_t = alpha_t abar_{t-1}
    x0, xt, xtm2 = R("x_0"), R("x_t"), R("x_tm2")
    e, e0, e1 = R("eps"), R("eps_t"), R("eps_tm1")
    y = R("y_post")  # noqa: F841
    alphas = [P("alpha_%d" % i, 0.3, 0.99) for i in range(1, 5)]
    TT = [{"t": t} for t in range(1, 5)]
    abar = lambda k: sp.Mul(*alphas[:k])  # noqa: E731
    ch = []
    xtm1 = R("x_tm1")
    fwd = sqrt(at) * xtm1 + sqrt(1 - at) * e0
    ch.append(chain("fwd", [("x_t", fwd), (r"\sqrt{\alpha_t}\,x_{t-1} + \sqrt{1-\alpha_t}\,\varepsilon_t", fwd)], DEF))
    ch.append(chain("abar", [(r"\ab{t}", lambda c: abar(c["t"])), (r"\prod_{s=1}^{t}\alpha_s", lambda c: abar(c["t"]))], DEF, ctxs=TT))
    ch.append(chain("abar0", [(r"\ab{0}", 1), ("1", 1)], DEF))
    two = sqrt(at) * (sqrt(atm1) * xtm2 + sqrt(1 - atm1) * e1) + sqrt(1 - at) * e0
    ch.append(chain("two steps", [("x_t", two),
                                  (r"\sqrt{\alpha_t}\bigl(\sqrt{\alpha_{t-1}}\,x_{t-2} + \sqrt{1-\alpha_{t-1}}\,\varepsilon_{t-1}\bigr) + \sqrt{1-\alpha_t}\,\varepsilon_t", two),
                                  (r"\sqrt{\alpha_t\alpha_{t-1}}\,x_{t-2} + \sqrt{\alpha_t(1-\alpha_{t-1})}\,\varepsilon_{t-1} + \sqrt{1-\alpha_t}\,\varepsilon_t",
                                   sqrt(at * atm1) * xtm2 + sqrt(at * (1 - atm1)) * e1 + sqrt(1 - at) * e0)]))
    # variance of the noise part: sum of squared coefficients of the independent standard normals
    nv = sp.diff(two, e1) ** 2 + sp.diff(two, e0) ** 2
    ch.append(chain("noise var", [(r"\alpha_t(1-\alpha_{t-1}) + (1-\alpha_t)", nv), (r"1 - \alpha_t\alpha_{t-1}", 1 - at * atm1)]))

    def run(t):
        m, v = x0, sp.Integer(0)
        for k in range(t):
            m, v = sqrt(alphas[k]) * m, alphas[k] * v + 1 - alphas[k]
        return m, v
    ch.append(chain("mean", [(r"\E[x_t \mid x_0]", lambda c: run(c["t"])[0]), (r"\sqrt{\alpha_t}\,\E[x_{t-1} \mid x_0]", lambda c: sqrt(alphas[c["t"] - 1]) * run(c["t"] - 1)[0]),
                             (r"\sqrt{\alpha_t}\sqrt{\ab{t-1}}\,x_0", lambda c: sqrt(alphas[c["t"] - 1]) * sqrt(abar(c["t"] - 1)) * x0),
                             (r"\sqrt{\ab{t}}\,x_0", lambda c: sqrt(abar(c["t"])) * x0)], ctxs=TT))
    ch.append(chain("var", [(r"\Var[x_t \mid x_0]", lambda c: run(c["t"])[1]),
                            (r"\alpha_t\Var[x_{t-1} \mid x_0] + 1 - \alpha_t", lambda c: alphas[c["t"] - 1] * run(c["t"] - 1)[1] + 1 - alphas[c["t"] - 1]),
                            (r"\alpha_t(1 - \ab{t-1}) + 1 - \alpha_t", lambda c: alphas[c["t"] - 1] * (1 - abar(c["t"] - 1)) + 1 - alphas[c["t"] - 1]),
                            (r"1 - \ab{t}", lambda c: 1 - abar(c["t"]))], ctxs=TT))
    snr = lambda ab: ab / (1 - ab)  # noqa: E731
    ch.append(chain("snr", [(r"\SNR(t)", lambda c: snr(abar(c["t"]))), (r"\frac{\ab{t}}{1-\ab{t}}", lambda c: abar(c["t"]) / (1 - abar(c["t"])))],
                    DEF, ctxs=TT))
    ch.append(chain("snr ratio", [(r"\frac{\SNR(t)}{\SNR(t-1)}", snr(abt) / snr(abm1)),
                                  (r"\frac{\ab{t}(1-\ab{t-1})}{\ab{t-1}(1-\ab{t})}", abt * (1 - abm1) / (abm1 * (1 - abt))),
                                  (r"\frac{\alpha_t(1-\ab{t-1})}{1-\ab{t}}", at * (1 - abm1) / (1 - abt))]))
    # log posterior in x_{t-1} = y, up to a constant
    lp = -(xt - sqrt(at) * y) ** 2 / (2 * (1 - at)) - (y - sqrt(abm1) * x0) ** 2 / (2 * (1 - abm1))
    prec = -sp.diff(lp, y, 2)
    mu = sp.solve(sp.diff(lp, y), y)[0]
    ch.append(chain("precision", [(r"\frac{1}{\tilde\beta_t}", prec), (r"\frac{\alpha_t}{1-\alpha_t} + \frac{1}{1-\ab{t-1}}", at / (1 - at) + 1 / (1 - abm1)),
                                  (r"\frac{\alpha_t(1-\ab{t-1}) + 1 - \alpha_t}{(1-\alpha_t)(1-\ab{t-1})}", (at * (1 - abm1) + 1 - at) / ((1 - at) * (1 - abm1))),
                                  (r"\frac{1-\ab{t}}{(1-\alpha_t)(1-\ab{t-1})}", (1 - abt) / ((1 - at) * (1 - abm1)))]))
    bt = 1 / prec
    ch.append(chain("betatilde", [(r"\tilde\beta_t", bt), (r"\frac{1-\ab{t-1}}{1-\ab{t}}\,(1-\alpha_t)", (1 - abm1) / (1 - abt) * (1 - at))]))
    mu2 = (sqrt(at) * (1 - abm1) / (1 - abt)) * xt + (sqrt(abm1) * (1 - at) / (1 - abt)) * x0
    ch.append(chain("mutilde", [(r"\tilde\mu_t", mu),
                                (r"\tilde\beta_t\Bigl(\frac{\sqrt{\alpha_t}}{1-\alpha_t}\,x_t + \frac{\sqrt{\ab{t-1}}}{1-\ab{t-1}}\,x_0\Bigr)",
                                 bt * (sqrt(at) / (1 - at) * xt + sqrt(abm1) / (1 - abm1) * x0)),
                                (r"\frac{\sqrt{\alpha_t}(1-\ab{t-1})}{1-\ab{t}}\,x_t + \frac{\sqrt{\ab{t-1}}(1-\alpha_t)}{1-\ab{t}}\,x_0", mu2)]))
    mu_eps = mu.subs(x0, (xt - sqrt(1 - abt) * e) / sqrt(abt))
    cx = sp.diff(mu_eps, xt)
    ce = sp.diff(mu_eps, e)
    ch.append(chain("coef x", [(r"\frac{\sqrt{\alpha_t}(1-\ab{t-1})}{1-\ab{t}} + \frac{\sqrt{\ab{t-1}}(1-\alpha_t)}{(1-\ab{t})\sqrt{\ab{t}}}", cx),
                               (r"\frac{\alpha_t(1-\ab{t-1}) + 1 - \alpha_t}{\sqrt{\alpha_t}(1-\ab{t})}", (at * (1 - abm1) + 1 - at) / (sqrt(at) * (1 - abt))),
                               (r"\frac{1}{\sqrt{\alpha_t}}", 1 / sqrt(at))]))
    ch.append(chain("coef eps", [(r"-\frac{\sqrt{\ab{t-1}}(1-\alpha_t)}{1-\ab{t}}\cdot\frac{\sqrt{1-\ab{t}}}{\sqrt{\ab{t}}}", ce),
                                 (r"-\frac{1-\alpha_t}{\sqrt{\alpha_t}\sqrt{1-\ab{t}}}", -(1 - at) / (sqrt(at) * sqrt(1 - abt)))]))
    ch.append(chain("mu eps", [(r"\tilde\mu_t", mu_eps),
                               (r"\frac{1}{\sqrt{\alpha_t}}\Bigl(x_t - \frac{1-\alpha_t}{\sqrt{1-\ab{t}}}\,\varepsilon\Bigr)", (xt - (1 - at) / sqrt(1 - abt) * e) / sqrt(at))]))
    q = rational
    ch.append(chain("abar3", [(r"\ab{3}", q("0.9") * q("0.8") * q("0.5")), (r"0.9\cdot 0.8\cdot 0.5", q("0.9") * q("0.8") * q("0.5")), ("0.36", q("0.36"))]))
    ch.append(chain("snr1", [(r"\SNR(1)", snr(q("0.9"))), (r"\frac{0.9}{0.1}", q("0.9") / q("0.1")), ("9", 9)]))
    ch.append(chain("snr3", [(r"\SNR(3)", snr(q("0.36"))), (r"\frac{0.36}{0.64}", q("0.36") / q("0.64")), (r"\frac{9}{16}", Q(9, 16))]))
    nb = {at: q("0.5"), abm1: q("0.72")}
    ch.append(chain("bt3", [(r"\tilde\beta_3", bt.subs(nb)), (r"\frac{1 - 0.72}{1 - 0.36}\,(1 - 0.5)", (1 - q("0.72")) / (1 - q("0.36")) * (1 - q("0.5"))),
                            (r"\frac{0.28}{0.64}\cdot 0.5", q("0.28") / q("0.64") * q("0.5")), ("0.21875", q("0.21875"))]))
    ch.append(chain("c0 3", [(r"\frac{\sqrt{\ab{2}}(1-\alpha_3)}{1-\ab{3}}", sp.diff(mu, x0).subs(nb)),
                             (r"\frac{\sqrt{0.72}\cdot 0.5}{0.64}", sqrt(q("0.72")) * q("0.5") / q("0.64"))]))
    doc = Doc("diffusion_schedule_appendix.tex", ch)
    return with_plant(doc, r"= \frac{\alpha_t(1-\ab{t-1}) + 1 - \alpha_t}{\sqrt{\alpha_t}(1-\ab{t})}",
                      r"= \frac{\alpha_t(1-\ab{t}) + 1 - \alpha_t}{\sqrt{\alpha_t}(1-\ab{t})}", "coef x", 1,
                      I(r"\frac{\alpha_t(1-\ab{t}) + 1 - \alpha_t}{\sqrt{\alpha_t}(1-\ab{t})}", _fn((at * (1 - abt) + 1 - at) / (sqrt(at) * (1 - abt)))),
                      "wrong index: abar_t for abar_{t-1} in the numerator of the x_t coefficient of the epsilon-parametrised mean")


def ddpm_schedule_notebook():
    a1, a2 = P("alpha_1", 0.3, 0.99), P("alpha_2", 0.3, 0.99)
    at, abm1 = P("alpha_t", 0.3, 0.99), P("abar_tm1", 0.2, 0.95)
    bt_ = 1 - at
    abt = at * abm1
    x0, xt, e, et = R("x_0"), R("x_t"), R("eps"), R("eps_theta")
    z1, z2 = R("z_1"), R("z_2")
    b1, b2 = 1 - a1, 1 - a2
    x1 = sqrt(a1) * x0 + sqrt(b1) * z1
    x2 = sqrt(a2) * x1 + sqrt(b2) * z2
    ch = []
    ch.append(chain("x2", [("x_2", x2), (r"\sqrt{\alpha_2}\,x_1 + \sqrt{\beta_2}\,z_2", x2),
                           (r"\sqrt{\alpha_2}\bigl(\sqrt{\alpha_1}\,x_0 + \sqrt{\beta_1}\,z_1\bigr) + \sqrt{\beta_2}\,z_2", sqrt(a2) * (sqrt(a1) * x0 + sqrt(b1) * z1) + sqrt(b2) * z2),
                           (r"\sqrt{\alpha_1\alpha_2}\,x_0 + \sqrt{\alpha_2\beta_1}\,z_1 + \sqrt{\beta_2}\,z_2", sqrt(a1 * a2) * x0 + sqrt(a2 * b1) * z1 + sqrt(b2) * z2)]))
    noise = sqrt(a2 * b1) * z1 + sqrt(b2) * z2
    nv = sp.diff(noise, z1) ** 2 + sp.diff(noise, z2) ** 2  # independent standard normals
    ch.append(chain("var2", [(r"\operatorname{Var}\bigl(\sqrt{\alpha_2\beta_1}\,z_1 + \sqrt{\beta_2}\,z_2\bigr)", nv), (r"\alpha_2\beta_1 + \beta_2", a2 * b1 + b2),
                             (r"\alpha_2(1-\alpha_1) + 1 - \alpha_2", a2 * (1 - a1) + 1 - a2), (r"1 - \bar\alpha_2", 1 - a1 * a2)]))
    alphas = [P("alpha_%d" % i, 0.3, 0.99) for i in range(1, 5)]
    TT = [{"t": t} for t in range(1, 5)]

    def run(t):
        m, v = x0, sp.Integer(0)
        for k in range(t):
            m, v = sqrt(alphas[k]) * m, alphas[k] * v + 1 - alphas[k]
        return m, v
    abar = lambda k: sp.Mul(*alphas[:k])  # noqa: E731
    ch.append(chain("E", [(r"\mathbb{E}[x_t \mid x_0]", lambda c: run(c["t"])[0]), (r"\sqrt{\bar\alpha_t}\,x_0", lambda c: sqrt(abar(c["t"])) * x0)], ctxs=TT))
    ch.append(chain("Var", [(r"\operatorname{Var}(x_t \mid x_0)", lambda c: run(c["t"])[1]), (r"1 - \bar\alpha_t", lambda c: 1 - abar(c["t"]))], ctxs=TT))
    q = rational
    ab3 = q("0.9") * q("0.8") * q("0.7")
    ch.append(chain("abar3", [(r"\bar\alpha_3", ab3), (r"0.9\cdot 0.8\cdot 0.7", ab3), ("0.504", q("0.504"))]))
    ch.append(chain("var3", [(r"\operatorname{Var}(x_3 \mid x_0)", 1 - ab3), ("1 - 0.504", 1 - q("0.504")), ("0.496", q("0.496"))]))
    snr = lambda ab: ab / (1 - ab)  # noqa: E731
    ch.append(chain("snr", [(r"\mathrm{SNR}(t)", lambda c: snr(abar(c["t"]))), (r"\frac{\bar\alpha_t}{1-\bar\alpha_t}", lambda c: abar(c["t"]) / (1 - abar(c["t"])))],
                    DEF, ctxs=TT))
    ch.append(chain("snr inv", [(r"\frac{\mathrm{SNR}(t)}{1 + \mathrm{SNR}(t)}", lambda c: snr(abar(c["t"])) / (1 + snr(abar(c["t"])))),
                                (r"\frac{\bar\alpha_t/(1-\bar\alpha_t)}{1/(1-\bar\alpha_t)}", lambda c: (abar(c["t"]) / (1 - abar(c["t"]))) / (1 / (1 - abar(c["t"])))),
                                (r"\bar\alpha_t", lambda c: abar(c["t"]))], ctxs=TT))
    ch.append(chain("snr2", [(r"\mathrm{SNR}(2)", snr(q("0.72"))), (r"\frac{0.72}{0.28}", q("0.72") / q("0.28")), (r"\frac{18}{7}", Q(18, 7))]))
    # the posterior from completing the square (independent of the stated formula)
    y = R("y_post")
    lp = -(xt - sqrt(at) * y) ** 2 / (2 * bt_) - (y - sqrt(abm1) * x0) ** 2 / (2 * (1 - abm1))
    mu = sp.solve(sp.diff(lp, y), y)[0]
    btil = 1 / (-sp.diff(lp, y, 2))
    c0 = sqrt(abm1) * bt_ / (1 - abt)
    ct = sqrt(at) * (1 - abm1) / (1 - abt)
    ch.append(chain("mu", [(r"\tilde\mu_t", mu), (r"\frac{\sqrt{\bar\alpha_{t-1}}\,\beta_t}{1-\bar\alpha_t}\,x_0 + \frac{\sqrt{\alpha_t}\,(1-\bar\alpha_{t-1})}{1-\bar\alpha_t}\,x_t", c0 * x0 + ct * xt)], DEF))
    ch.append(chain("btil", [(r"\tilde\beta_t", btil), (r"\frac{1-\bar\alpha_{t-1}}{1-\bar\alpha_t}\,\beta_t", (1 - abm1) / (1 - abt) * bt_)], DEF))
    ch.append(chain("unbiased", [(r"c_0 + c_t\sqrt{\bar\alpha_t}", sp.diff(mu, x0) + sp.diff(mu, xt) * sqrt(abt)),
                                 (r"\frac{\sqrt{\bar\alpha_{t-1}}\,\beta_t + \sqrt{\alpha_t}(1-\bar\alpha_{t-1})\sqrt{\alpha_t\bar\alpha_{t-1}}}{1-\bar\alpha_t}",
                                  (sqrt(abm1) * bt_ + sqrt(at) * (1 - abm1) * sqrt(at * abm1)) / (1 - abt)),
                                 (r"\sqrt{\bar\alpha_{t-1}}\,\frac{\beta_t + \alpha_t - \alpha_t\bar\alpha_{t-1}}{1-\bar\alpha_t}", sqrt(abm1) * (bt_ + at - at * abm1) / (1 - abt)),
                                 (r"\sqrt{\bar\alpha_{t-1}}", sqrt(abm1))]))
    n2 = {at: q("0.8"), abm1: q("0.9")}
    ch.append(chain("c0 num", [("c_0", sp.diff(mu, x0).subs(n2)), (r"\frac{\sqrt{0.9}\cdot 0.2}{0.28}", sqrt(q("0.9")) * q("0.2") / q("0.28")),
                               (r"\frac{5\sqrt{0.9}}{7}", 5 * sqrt(q("0.9")) / 7)]))
    ch.append(chain("ct num", [("c_t", sp.diff(mu, xt).subs(n2)), (r"\frac{\sqrt{0.8}\cdot 0.1}{0.28}", sqrt(q("0.8")) * q("0.1") / q("0.28")),
                               (r"\frac{5\sqrt{0.8}}{14}", 5 * sqrt(q("0.8")) / 14)]))
    ch.append(chain("bt2 num", [(r"\tilde\beta_2", btil.subs(n2)), (r"\frac{0.1}{0.28}\cdot 0.2", q("0.1") / q("0.28") * q("0.2")), (r"\frac{1}{14}", Q(1, 14))]))
    mu_th = (xt - bt_ / sqrt(1 - abt) * et) / sqrt(at)
    ch.append(chain("mu theta", [(r"\mu_\theta(x_t, t)", mu_th), (r"\frac{1}{\sqrt{\alpha_t}}\Bigl(x_t - \frac{\beta_t}{\sqrt{1-\bar\alpha_t}}\,\epsilon_\theta(x_t, t)\Bigr)", mu_th)], DEF))
    mu_true = mu.subs(x0, (xt - sqrt(1 - abt) * e) / sqrt(abt))
    ch.append(chain("diff", [(r"\tilde\mu_t - \mu_\theta", mu_true - mu_th), (r"\frac{1}{\sqrt{\alpha_t}}\cdot\frac{\beta_t}{\sqrt{1-\bar\alpha_t}}\,(\epsilon_\theta - \epsilon)", bt_ / (sqrt(at) * sqrt(1 - abt)) * (et - e))]))
    ch.append(chain("kl", [(r"\frac{(\tilde\mu_t - \mu_\theta)^2}{2\tilde\beta_t}", (mu_true - mu_th) ** 2 / (2 * btil)),
                           (r"\frac{\beta_t^2(\epsilon - \epsilon_\theta)^2}{2\alpha_t(1-\bar\alpha_t)\tilde\beta_t}", bt_ ** 2 * (e - et) ** 2 / (2 * at * (1 - abt) * btil)),
                           (r"\frac{\beta_t(\epsilon - \epsilon_\theta)^2}{2\alpha_t(1-\bar\alpha_{t-1})}", bt_ * (e - et) ** 2 / (2 * at * (1 - abm1)))]))
    ch.append(chain("mu num", [(r"\mu_\theta", mu_th.subs({at: q("0.7"), abm1: q("0.72"), xt: 1, et: q("0.5")})),
                               (r"\frac{1}{\sqrt{0.7}}\Bigl(1 - \frac{0.3}{\sqrt{0.496}}\cdot 0.5\Bigr)", (1 - q("0.3") / sqrt(q("0.496")) * q("0.5")) / sqrt(q("0.7")))]))
    doc = Doc("ddpm_schedule_notebook.md", ch)
    return with_plant(doc, r"\frac{\beta_t + \alpha_t - \alpha_t\bar\alpha_{t-1}}{1-\bar\alpha_t}", r"\frac{\beta_t - \alpha_t\bar\alpha_{t-1}}{1-\bar\alpha_t}", "unbiased", 2,
                      I(r"\sqrt{\bar\alpha_{t-1}}\,\frac{\beta_t - \alpha_t\bar\alpha_{t-1}}{1-\bar\alpha_t}", _fn(sqrt(abm1) * (bt_ - at * abm1) / (1 - abt))),
                      "dropped term: + alpha_t (from sqrt(alpha_t) sqrt(alpha_t)) in the numerator of the unbiasedness check of the posterior-mean coefficients")


DOCS = [gas_partials_lecture, van_der_waals_forum, black_scholes_greeks_exam, option_greeks_blog,
        diffusion_schedule_appendix, ddpm_schedule_notebook]
