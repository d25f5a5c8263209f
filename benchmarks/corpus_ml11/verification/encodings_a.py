"""Hand encodings of the corpus_ml11 documents of families 1-3 (Lagrangian mechanics; Cobb-Douglas
economics; momentum, moving averages, Adam and gradient descent).

Every display is a chain of I(anchor, fn) items: `anchor` is the exact LaTeX of the expression in
the document and fn(ctx) its SymPy value in the context ctx. Links whose kind is "def" introduce a
name (counted as definitions in the manifest); all others assert an identity. Derivatives are taken
with sympy.diff of the function the text has written down, never copied from the document.

Time derivatives along a motion: q, qdot and qddot are independent symbols and d/dt is the chain rule
d/dt e(q, qdot) = e_q qdot + e_qdot qddot. A link the text asserts only along a solution ("= 0 along
every solution", the equation of motion used in a step) is checked in the context sol=True, where
qddot is replaced by what the equation of motion gives; every other link of such a chain is checked
with qddot free as well (Chain.where).
"""
import sympy as sp

from framework import Chain, Doc, with_plant  # noqa: F401
from helpers import I, R, P, rational  # noqa: F401

DEF = "def"
half = sp.Rational(1, 2)
exp, log, sqrt = sp.exp, sp.log, sp.sqrt
cos, sin = sp.cos, sp.sin


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


def Dt(e, coords):
    """Total time derivative of e(q, qdot, ...) along a motion: coords = [(q, qd, qdd), ...]."""
    out = 0
    for q, qd, qdd in coords:
        out += sp.diff(e, q) * qd + sp.diff(e, qd) * qdd
    return out


SOLCTX = [{"sol": False}, {"sol": True}]
ONSOL = lambda c: c["sol"]  # noqa: E731


def along(e, qdd, eom):
    """Value of e in a context: with qddot free, or (sol=True) with qddot from the equation of motion."""
    return lambda c: e.subs(qdd, eom) if c["sol"] else e


# ===========================================================================
# family 1: Lagrangian mechanics
def lagrangian_systems_lecture():
    th, thd, thdd = R("theta", -2.5, 2.5), R("thetadot", -2.0, 2.0), R("thetaddot", -2.0, 2.0)
    m, ell, g = P("m", 0.3, 2.0), P("ell", 0.3, 2.0), P("g", 0.5, 1.0)
    C = [(th, thd, thdd)]
    ch = []
    Lp = half * m * ell ** 2 * thd ** 2 + m * g * ell * cos(th)
    ch.append(chain("L pendulum", [(r"L(\theta, \dot\theta)", Lp),
                                   (r"\frac12 m\ell^2\dot\theta^2 + mg\ell\cos\theta", Lp)], DEF))
    ch.append(chain("dL/dthetadot", [(r"\frac{\partial L}{\partial \dot\theta}", sp.diff(Lp, thd)),
                                     (r"m\ell^2\dot\theta", m * ell ** 2 * thd)]))
    ch.append(chain("dL/dtheta", [(r"\frac{\partial L}{\partial \theta}", sp.diff(Lp, th)),
                                  (r"-mg\ell\sin\theta", -m * g * ell * sin(th))]))
    ch.append(chain("d/dt dL/dthetadot", [(r"\frac{\dd}{\dd t}\frac{\partial L}{\partial \dot\theta}",
                                           Dt(sp.diff(Lp, thd), C)),
                                          (r"m\ell^2\ddot\theta", m * ell ** 2 * thdd)]))
    Ep = half * m * ell ** 2 * thd ** 2 - m * g * ell * cos(th)
    ch.append(chain("E pendulum", [("E", Ep), (r"\frac12 m\ell^2\dot\theta^2 - mg\ell\cos\theta", Ep)], DEF))
    eom = -g / ell * sin(th)
    ch.append(chain("dE/dt pendulum", [
        (r"\frac{\dd E}{\dd t}", along(Dt(Ep, C), thdd, eom)),
        (r"m\ell^2\dot\theta\,\ddot\theta + mg\ell\sin\theta\,\dot\theta",
         along(m * ell ** 2 * thd * thdd + m * g * ell * sin(th) * thd, thdd, eom)),
        (r"m\ell^2\dot\theta\Bigl(\ddot\theta + \frac{g}{\ell}\sin\theta\Bigr)",
         along(m * ell ** 2 * thd * (thdd + g / ell * sin(th)), thdd, eom)),
        ("0", 0),
    ], ctxs=SOLCTX, where={2: ONSOL}))
    l1, g1 = rational("2.45"), rational("9.8")
    ch.append(chain("period", [
        ("T", 2 * sp.pi / sqrt(g1 / l1)),
        (r"2\pi\sqrt{\frac{\ell}{g}}", 2 * sp.pi * sqrt(l1 / g1)),
        (r"2\pi\sqrt{\frac{2.45}{9.8}}", 2 * sp.pi * sqrt(rational("2.45") / rational("9.8"))),
        (r"2\pi\cdot 0.5", 2 * sp.pi * rational("0.5")),
        (r"\pi", sp.pi),
    ]))
    # mass on a spring
    x, xd = R("x", -1.5, 1.5), R("xdot", -1.5, 1.5)
    k = P("k", 0.3, 2.0)
    Ls = half * m * xd ** 2 - half * k * x ** 2
    ch.append(chain("L spring", [("L", Ls), (r"\frac12 m\dot x^2 - \frac12 kx^2", Ls)], DEF))
    t = R("t", -3.0, 3.0)
    A, B = R("A", -1.5, 1.5), R("B", -1.5, 1.5)
    w = sqrt(k / m)
    xt = A * cos(w * t) + B * sin(w * t)
    ch.append(chain("x(t)", [("x(t)", xt), (r"A\cos\omega t + B\sin\omega t", xt)], DEF))
    ch.append(chain("xdot", [(r"\dot x(t)", sp.diff(xt, t)),
                             (r"-A\omega\sin\omega t + B\omega\cos\omega t",
                              -A * w * sin(w * t) + B * w * cos(w * t))]))
    ch.append(chain("xddot", [(r"\ddot x(t)", sp.diff(xt, t, 2)),
                              (r"-\omega^2\bigl(A\cos\omega t + B\sin\omega t\bigr)",
                               -w ** 2 * (A * cos(w * t) + B * sin(w * t))),
                              (r"-\frac{k}{m}\,x(t)", -k / m * xt)]))
    xdt = sp.diff(xt, t)
    S1, S2 = A * sin(w * t) - B * cos(w * t), A * cos(w * t) + B * sin(w * t)
    ch.append(chain("E spring", [
        ("E", half * m * xdt ** 2 + half * k * xt ** 2),
        (r"\frac12 m\dot x^2 + \frac12 kx^2", half * m * xdt ** 2 + half * k * xt ** 2),
        (r"\frac12 m\omega^2(A\sin\omega t - B\cos\omega t)^2 + \frac12 k(A\cos\omega t + B\sin\omega t)^2",
         half * m * w ** 2 * S1 ** 2 + half * k * S2 ** 2),
        (r"\frac12 k\bigl[(A\sin\omega t - B\cos\omega t)^2 + (A\cos\omega t + B\sin\omega t)^2\bigr]",
         half * k * (S1 ** 2 + S2 ** 2)),
        (r"\frac12 k\bigl(A^2 + B^2\bigr)", half * k * (A ** 2 + B ** 2)),
    ], [DEF, "id", "id", "id"]))
    k1, A1, B1 = 8, rational("0.3"), rational("0.4")
    ch.append(chain("E spring numbers", [
        ("E", half * k1 * (A1 ** 2 + B1 ** 2)),
        (r"\frac12\cdot 8\cdot\bigl(0.3^2 + 0.4^2\bigr)", half * 8 * (A1 ** 2 + B1 ** 2)),
        (r"4\cdot 0.25", 4 * rational("0.25")),
        ("1", 1),
    ]))
    # bead on a rotating hoop
    Rr, Om = P("R", 0.5, 1.0), P("Omega", 1.5, 2.5)
    Lh = half * m * Rr ** 2 * (thd ** 2 + Om ** 2 * sin(th) ** 2) + m * g * Rr * cos(th)
    ch.append(chain("L hoop", [("L", Lh), (r"\frac12 mR^2\bigl(\dot\theta^2 + \Omega^2\sin^2\theta\bigr) + mgR\cos\theta",
                                           Lh)], DEF))
    ch.append(chain("hoop dL/dthetadot", [(r"\frac{\partial L}{\partial \dot\theta}", sp.diff(Lh, thd)),
                                          (r"mR^2\dot\theta", m * Rr ** 2 * thd)]))
    ch.append(chain("hoop d/dt", [(r"\frac{\dd}{\dd t}\frac{\partial L}{\partial \dot\theta}", Dt(sp.diff(Lh, thd), C)),
                                  (r"mR^2\ddot\theta", m * Rr ** 2 * thdd)]))
    ch.append(chain("hoop dL/dtheta", [
        (r"\frac{\partial L}{\partial \theta}", sp.diff(Lh, th)),
        (r"mR^2\Omega^2\sin\theta\cos\theta - mgR\sin\theta", m * Rr ** 2 * Om ** 2 * sin(th) * cos(th) - m * g * Rr * sin(th)),
        (r"mR\sin\theta\,\bigl(R\Omega^2\cos\theta - g\bigr)", m * Rr * sin(th) * (Rr * Om ** 2 * cos(th) - g)),
    ]))
    th0 = sp.acos(g / (Rr * Om ** 2))
    F = sin(th) * (Rr * Om ** 2 * cos(th) - g) / Rr
    ch.append(chain("slope at theta0", [
        (r"\frac{\dd}{\dd\theta}\Bigl[\frac{\sin\theta\,(R\Omega^2\cos\theta - g)}{R}\Bigr]_{\theta=\theta_0}",
         sp.diff(F, th).subs(th, th0)),
        (r"\frac{\cos\theta_0\,(R\Omega^2\cos\theta_0 - g) - R\Omega^2\sin^2\theta_0}{R}",
         (cos(th0) * (Rr * Om ** 2 * cos(th0) - g) - Rr * Om ** 2 * sin(th0) ** 2) / Rr),
        (r"-\Omega^2\sin^2\theta_0", -Om ** 2 * sin(th0) ** 2),
        (r"-\Omega^2\Bigl(1 - \frac{g^2}{R^2\Omega^4}\Bigr)", -Om ** 2 * (1 - g ** 2 / (Rr ** 2 * Om ** 4))),
    ]))
    R1, O1, g10 = rational("0.2"), 10, 10
    th01 = sp.acos(sp.Rational(g10) / (R1 * O1 ** 2))
    ch.append(chain("cos theta0 numbers", [
        (r"\cos\theta_0", cos(th01)),
        (r"\frac{g}{R\Omega^2}", g10 / (R1 * O1 ** 2)),
        (r"\frac{10}{0.2\cdot 100}", 10 / (R1 * 100)),
        (r"\frac12", half),
    ]))
    ch.append(chain("omega_osc numbers", [
        (r"\omega_{\mathrm{osc}}^2", O1 ** 2 - sp.Rational(g10) ** 2 / (R1 ** 2 * O1 ** 2)),
        (r"\Omega^2\sin^2\theta_0", O1 ** 2 * sin(th01) ** 2),
        (r"100\cdot\frac34", 100 * Q(3, 4)),
        ("75", 75),
    ]))
    h = thd * sp.diff(Lh, thd) - Lh
    ch.append(chain("h", [
        ("h", h),
        (r"\dot\theta\frac{\partial L}{\partial \dot\theta} - L", h),
        (r"\frac12 mR^2\bigl(\dot\theta^2 - \Omega^2\sin^2\theta\bigr) - mgR\cos\theta",
         half * m * Rr ** 2 * (thd ** 2 - Om ** 2 * sin(th) ** 2) - m * g * Rr * cos(th)),
    ], [DEF, "id"]))
    eomh = sin(th) * (Rr * Om ** 2 * cos(th) - g) / Rr
    ch.append(chain("dh/dt", [
        (r"\frac{\dd h}{\dd t}", along(Dt(h, C), thdd, eomh)),
        (r"mR^2\dot\theta\,\ddot\theta - mR^2\Omega^2\sin\theta\cos\theta\,\dot\theta + mgR\sin\theta\,\dot\theta",
         along(m * Rr ** 2 * thd * thdd - m * Rr ** 2 * Om ** 2 * sin(th) * cos(th) * thd + m * g * Rr * sin(th) * thd,
               thdd, eomh)),
        (r"mR\dot\theta\bigl[R\ddot\theta - \sin\theta\,(R\Omega^2\cos\theta - g)\bigr]",
         along(m * Rr * thd * (Rr * thdd - sin(th) * (Rr * Om ** 2 * cos(th) - g)), thdd, eomh)),
        ("0", 0),
    ], ctxs=SOLCTX, where={2: ONSOL}))
    doc = Doc("lagrangian_systems_lecture.tex", ch)
    wrong = m * Rr ** 2 * thd * thdd - m * Rr ** 2 * Om ** 2 * sin(th) * cos(th) * thd - m * g * Rr * sin(th) * thd
    return with_plant(doc, r"+ mgR\sin\theta\,\dot\theta \nonumber", r"- mgR\sin\theta\,\dot\theta \nonumber",
                      "dh/dt", 1,
                      I(r"mR^2\dot\theta\,\ddot\theta - mR^2\Omega^2\sin\theta\cos\theta\,\dot\theta - mgR\sin\theta\,\dot\theta",
                        along(wrong, thdd, eomh)),
                      "sign: - mgR sin(theta) thetadot for + mgR sin(theta) thetadot (the potential term) in dh/dt "
                      "for the bead on the rotating hoop")


def central_force_lagrangian_forum():
    r, ph = P("r", 0.4, 2.0), R("varphi", -3.0, 3.0)
    rd, phd = R("rdot", -1.5, 1.5), R("varphidot", -1.5, 1.5)
    rdd, phdd = R("rddot", -1.5, 1.5), R("varphiddot", -1.5, 1.5)
    m, al = P("m", 0.3, 2.0), P("alpha", 0.3, 2.0)
    C = [(r, rd, rdd), (ph, phd, phdd)]
    eom = {rdd: r * phd ** 2 - al / (m * r ** 2), phdd: -2 * rd * phd / r}

    def on(e):
        return lambda c: e.subs(eom) if c["sol"] else e
    ch = []
    L = m / 2 * (rd ** 2 + r ** 2 * phd ** 2) + al / r
    ch.append(chain("L", [(r"\mathcal{L}(r, \varphi, \dot r, \dot\varphi)", L),
                          (r"\frac{m}{2}\left(\dot r^2 + r^2\dot\varphi^2\right) + \frac{\alpha}{r}", L)], DEF))
    ch.append(chain("dL/dphi", [(r"\frac{\partial\mathcal{L}}{\partial\varphi}", sp.diff(L, ph)), ("0", 0)]))
    ch.append(chain("dL/dphidot", [(r"\frac{\partial\mathcal{L}}{\partial\dot\varphi}", sp.diff(L, phd)),
                                   (r"mr^2\dot\varphi", m * r ** 2 * phd)]))
    pphi = m * r ** 2 * phd
    ch.append(chain("dp/dt", [
        (r"\frac{dp_\varphi}{dt}", on(Dt(pphi, C))),
        (r"\frac{d}{dt}\left(mr^2\dot\varphi\right)", on(Dt(m * r ** 2 * phd, C))),
        (r"2mr\dot r\dot\varphi + mr^2\ddot\varphi", on(2 * m * r * rd * phd + m * r ** 2 * phdd)),
        ("0", 0),
    ], ctxs=SOLCTX, where={2: ONSOL}))
    ch.append(chain("dL/drdot", [(r"\frac{\partial\mathcal{L}}{\partial\dot r}", sp.diff(L, rd)), (r"m\dot r", m * rd)]))
    ch.append(chain("dL/dr", [(r"\frac{\partial\mathcal{L}}{\partial r}", sp.diff(L, r)),
                              (r"mr\dot\varphi^2 - \frac{\alpha}{r^2}", m * r * phd ** 2 - al / r ** 2)]))
    ch.append(chain("radial eq", [
        (r"m\ddot r", on(m * rdd)),
        (r"mr\dot\varphi^2 - \frac{\alpha}{r^2}", m * r * phd ** 2 - al / r ** 2),
        (r"\frac{p_\varphi^2}{mr^3} - \frac{\alpha}{r^2}", pphi ** 2 / (m * r ** 3) - al / r ** 2),
    ], ctxs=SOLCTX, where={0: ONSOL}))
    p = P("p_phi", 0.3, 2.0)
    U = p ** 2 / (2 * m * r ** 2) - al / r
    ch.append(chain("Ueff", [(r"U_{\text{eff}}(r)", U), (r"\frac{p_\varphi^2}{2mr^2} - \frac{\alpha}{r}", U)], DEF))
    ch.append(chain("-dUeff", [(r"-\frac{dU_{\text{eff}}}{dr}", -sp.diff(U, r)),
                               (r"\frac{p_\varphi^2}{mr^3} - \frac{\alpha}{r^2}", p ** 2 / (m * r ** 3) - al / r ** 2)]))
    r0 = p ** 2 / (m * al)
    ch.append(chain("Ueff(r0)", [
        (r"U_{\text{eff}}(r_0)", U.subs(r, r0)),
        (r"\frac{p_\varphi^2}{2m}\cdot\frac{m^2\alpha^2}{p_\varphi^4} - \alpha\cdot\frac{m\alpha}{p_\varphi^2}",
         p ** 2 / (2 * m) * m ** 2 * al ** 2 / p ** 4 - al * m * al / p ** 2),
        (r"-\frac{m\alpha^2}{2p_\varphi^2}", -m * al ** 2 / (2 * p ** 2)),
    ]))
    E = m / 2 * (rd ** 2 + r ** 2 * phd ** 2) - al / r
    ch.append(chain("dE/dt", [
        (r"\frac{dE}{dt}", on(Dt(E, C))),
        (r"m\dot r\ddot r + mr\dot r\dot\varphi^2 + mr^2\dot\varphi\ddot\varphi + \frac{\alpha\dot r}{r^2}",
         on(m * rd * rdd + m * r * rd * phd ** 2 + m * r ** 2 * phd * phdd + al * rd / r ** 2)),
        (r"\dot r\left(m\ddot r - mr\dot\varphi^2 + \frac{\alpha}{r^2}\right) + \dot\varphi\left(2mr\dot r\dot\varphi + mr^2\ddot\varphi\right)",
         on(rd * (m * rdd - m * r * phd ** 2 + al / r ** 2) + phd * (2 * m * r * rd * phd + m * r ** 2 * phdd))),
        ("0", 0),
    ], ctxs=SOLCTX, where={2: ONSOL}))
    ch.append(chain("E via Ueff", [
        ("E", E),
        (r"\frac{m}{2}\dot r^2 + \frac{p_\varphi^2}{2mr^2} - \frac{\alpha}{r}", m / 2 * rd ** 2 + pphi ** 2 / (2 * m * r ** 2) - al / r),
        (r"\frac{m}{2}\dot r^2 + U_{\text{eff}}(r)", m / 2 * rd ** 2 + U.subs(p, pphi)),
    ]))
    ch.append(chain("Ueff''", [(r"U_{\text{eff}}''(r)", sp.diff(U, r, 2)),
                               (r"\frac{3p_\varphi^2}{mr^4} - \frac{2\alpha}{r^3}", 3 * p ** 2 / (m * r ** 4) - 2 * al / r ** 3)]))
    ch.append(chain("Ueff''(r0)", [
        (r"U_{\text{eff}}''(r_0)", sp.diff(U, r, 2).subs(r, r0)),
        (r"\frac{3p_\varphi^2}{m}\cdot\frac{m^4\alpha^4}{p_\varphi^8} - 2\alpha\cdot\frac{m^3\alpha^3}{p_\varphi^6}",
         3 * p ** 2 / m * m ** 4 * al ** 4 / p ** 8 - 2 * al * m ** 3 * al ** 3 / p ** 6),
        (r"\frac{3m^3\alpha^4}{p_\varphi^6} - \frac{2m^3\alpha^4}{p_\varphi^6}", 3 * m ** 3 * al ** 4 / p ** 6 - 2 * m ** 3 * al ** 4 / p ** 6),
        (r"\frac{m^3\alpha^4}{p_\varphi^6}", m ** 3 * al ** 4 / p ** 6),
    ]))
    ch.append(chain("omega_r", [
        (r"\omega_r^2", sp.diff(U, r, 2).subs(r, r0) / m),
        (r"\frac{m^2\alpha^4}{p_\varphi^6}", m ** 2 * al ** 4 / p ** 6),
        (r"\left(\frac{p_\varphi}{mr_0^2}\right)^2", (p / (m * r0 ** 2)) ** 2),
        (r"\dot\varphi_0^2", (p / (m * r0 ** 2)) ** 2),
    ]))
    m1, a1, p1 = 1, 2, 1
    ch.append(chain("r0 numbers", [("r_0", Q(p1 ** 2, m1 * a1)), (r"\frac{1^2}{1\cdot 2}", Q(1, 2)), (r"\frac12", half)]))
    ch.append(chain("Ueff(r0) numbers", [(r"U_{\text{eff}}(r_0)", U.subs({r: r0}).subs({p: p1, m: m1, al: a1})),
                                         (r"-\frac{1\cdot 2^2}{2\cdot 1^2}", -Q(4, 2)), ("-2", -2)]))
    ch.append(chain("omega_r numbers", [(r"\omega_r^2", (sp.diff(U, r, 2).subs(r, r0) / m).subs({p: p1, m: m1, al: a1})),
                                        (r"\frac{1^2\cdot 2^4}{1^6}", 16), ("16", 16)]))
    ka = P("kappa", 0.3, 2.0)
    U2 = p ** 2 / (2 * m * r ** 2) + half * ka * r ** 2
    r02 = (p ** 2 / (m * ka)) ** Q(1, 4)
    ch.append(chain("osc Ueff''(r0)", [
        (r"U_{\text{eff}}''(r_0)", sp.diff(U2, r, 2).subs(r, r02)),
        (r"\frac{3p_\varphi^2}{mr_0^4} + \kappa", 3 * p ** 2 / (m * r02 ** 4) + ka),
        (r"\frac{3p_\varphi^2}{m}\cdot\frac{m\kappa}{p_\varphi^2} + \kappa", 3 * p ** 2 / m * m * ka / p ** 2 + ka),
        (r"4\kappa", 4 * ka),
    ]))
    ch.append(chain("osc phidot0", [
        (r"\dot\varphi_0^2", (p / (m * r02 ** 2)) ** 2),
        (r"\frac{p_\varphi^2}{m^2r_0^4}", p ** 2 / (m ** 2 * r02 ** 4)),
        (r"\frac{p_\varphi^2}{m^2}\cdot\frac{m\kappa}{p_\varphi^2}", p ** 2 / m ** 2 * m * ka / p ** 2),
        (r"\frac{\kappa}{m}", ka / m),
    ]))
    doc = Doc("central_force_lagrangian_forum.md", ch)
    return with_plant(doc, r"\frac{m^4\alpha^4}{p_\varphi^8}", r"\frac{m^4\alpha^4}{p_\varphi^6}", "Ueff''(r0)", 1,
                      I(r"\frac{3p_\varphi^2}{m}\cdot\frac{m^4\alpha^4}{p_\varphi^6} - 2\alpha\cdot\frac{m^3\alpha^3}{p_\varphi^6}",
                        _fn(3 * p ** 2 / m * m ** 4 * al ** 4 / p ** 6 - 2 * al * m ** 3 * al ** 3 / p ** 6)),
                      "wrong exponent: p_phi^6 for p_phi^8 = (p_phi^2)^4 in 1/r_0^4 inside the second derivative of the "
                      "effective potential at the circular orbit")


# ===========================================================================
# family 2: Cobb-Douglas production and utility
def cobb_douglas_exam_solutions():
    A, al, be = P("A", 0.3, 2.0), P("alpha", 0.3, 2.0), P("beta", 0.3, 2.0)
    K, L, t = P("K", 0.3, 3.0), P("L", 0.3, 3.0), P("t_scale", 0.3, 3.0)
    F = lambda k, l: A * k ** al * l ** be  # noqa: E731
    Y = F(K, L)
    u = sp.Symbol("u_log", real=True)
    ch = []
    ch.append(chain("MP_K", [("MP_K", sp.diff(Y, K)), (r"\frac{\partial Y}{\partial K}", sp.diff(Y, K)),
                             (r"\alpha AK^{\alpha-1}L^{\beta}", al * A * K ** (al - 1) * L ** be),
                             (r"\frac{\alpha Y}{K}", al * Y / K)], [DEF, "id", "id"]))
    ch.append(chain("MP_L", [("MP_L", sp.diff(Y, L)), (r"\frac{\partial Y}{\partial L}", sp.diff(Y, L)),
                             (r"\beta AK^{\alpha}L^{\beta-1}", be * A * K ** al * L ** (be - 1)),
                             (r"\frac{\beta Y}{L}", be * Y / L)], [DEF, "id", "id"]))
    elas = sp.diff(log(F(exp(u), L)), u).subs(u, log(K))
    ch.append(chain("elasticity", [(r"\varepsilon_K", elas), (r"\frac{\partial\ln Y}{\partial\ln K}", elas),
                                   (r"\frac{K}{Y}\,\frac{\partial Y}{\partial K}", K / Y * sp.diff(Y, K)),
                                   (r"\frac{K}{Y}\cdot\frac{\alpha Y}{K}", K / Y * al * Y / K),
                                   (r"\alpha", al)], [DEF, "id", "id", "id"]))
    mrts = sp.diff(Y, L) / sp.diff(Y, K)
    ch.append(chain("MRTS", [(r"\mathrm{MRTS}", mrts), (r"\frac{MP_L}{MP_K}", mrts),
                             (r"\frac{\beta Y/L}{\alpha Y/K}", (be * Y / L) / (al * Y / K)),
                             (r"\frac{\beta K}{\alpha L}", be * K / (al * L))], [DEF, "id", "id"]))
    ch.append(chain("homogeneity", [(r"F(tK, tL)", F(t * K, t * L)),
                                    (r"A(tK)^{\alpha}(tL)^{\beta}", A * (t * K) ** al * (t * L) ** be),
                                    (r"t^{\alpha+\beta}AK^{\alpha}L^{\beta}", t ** (al + be) * A * K ** al * L ** be),
                                    (r"t^{\alpha+\beta}F(K, L)", t ** (al + be) * Y)]))
    ch.append(chain("Euler", [
        (r"K\frac{\partial F}{\partial K} + L\frac{\partial F}{\partial L}", K * sp.diff(Y, K) + L * sp.diff(Y, L)),
        (r"\frac{d}{dt}F(tK, tL)\Big|_{t=1}", sp.diff(F(t * K, t * L), t).subs(t, 1)),
        (r"(\alpha+\beta)\,t^{\alpha+\beta-1}F(K, L)\Big|_{t=1}", ((al + be) * t ** (al + be - 1) * Y).subs(t, 1)),
        (r"(\alpha + \beta)Y", (al + be) * Y),
    ]))
    num = {A: 4, al: half, be: Q(1, 4), K: 16, L: 16}
    ch.append(chain("Y numbers", [("Y", Y.subs(num)), (r"4\cdot 16^{1/2}\cdot 16^{1/4}", 4 * sqrt(16) * 16 ** Q(1, 4)),
                                  (r"4\cdot 4\cdot 2", 32), ("32", 32)]))
    ch.append(chain("MP_K numbers", [("MP_K", sp.diff(Y, K).subs(num)), (r"\frac{1}{2}\cdot\frac{32}{16}", half * 2), ("1", 1)]))
    ch.append(chain("Euler numbers", [(r"K\,MP_K + L\,MP_L", (K * sp.diff(Y, K) + L * sp.diff(Y, L)).subs(num)),
                                      (r"16\cdot 1 + 16\cdot\frac12", 16 + 16 * half), ("24", 24),
                                      (r"\frac34\cdot 32", Q(3, 4) * 32)]))
    # question 2: decreasing returns, a2 + b2 < 1
    a2, b2 = P("a_2", 0.1, 0.45), P("b_2", 0.1, 0.45)
    p, r, w = P("p_out", 0.5, 3.0), P("r_rent", 0.5, 3.0), P("w_wage", 0.5, 3.0)
    F2 = lambda k, l: A * k ** a2 * l ** b2  # noqa: E731
    pi = lambda k, l: p * F2(k, l) - r * k - w * l  # noqa: E731
    ch.append(chain("profit", [(r"\pi(K, L)", pi(K, L)), (r"pAK^{\alpha}L^{\beta} - rK - wL", pi(K, L))], DEF))
    # the optimum, solved in closed form: Y* = (A (a p/r)^a (b p/w)^b)^(1/(1-a-b)), K* = a p Y*/r, L* = b p Y*/w
    Ys = (A * (a2 * p / r) ** a2 * (b2 * p / w) ** b2) ** (1 / (1 - a2 - b2))
    Ks, Ls = a2 * p * Ys / r, b2 * p * Ys / w
    chk = {A: 1.3, a2: 0.3, b2: 0.2, p: 1.7, r: 0.9, w: 1.1}
    for e in (sp.diff(pi(K, L), K).subs({K: Ks, L: Ls}), sp.diff(pi(K, L), L).subs({K: Ks, L: Ls})):
        assert abs(sp.N(e.subs(chk))) < 1e-12  # first-order conditions hold at (K*, L*)
    Yo = F2(Ks, Ls)
    ch.append(chain("share K", [(r"\frac{rK^*}{pY^*}", r * Ks / (p * Yo)), (r"\alpha", a2)]))
    ch.append(chain("share L", [(r"\frac{wL^*}{pY^*}", w * Ls / (p * Yo)), (r"\beta", b2)]))
    ch.append(chain("pi*", [(r"\pi^*", pi(Ks, Ls)), (r"pY^* - rK^* - wL^*", p * Yo - r * Ks - w * Ls),
                            (r"pY^* - \alpha pY^* - \beta pY^*", p * Yo - a2 * p * Yo - b2 * p * Yo),
                            (r"(1 - \alpha - \beta)\,pY^*", (1 - a2 - b2) * p * Yo)]))
    ex = {A: 1, a2: Q(1, 4), b2: Q(1, 4), p: 8, r: 1, w: 1}
    assert Ks.subs(ex) == 4 and Ls.subs(ex) == 4
    ch.append(chain("Y* numbers", [("Y^*", F2(4, 4).subs(ex)), (r"(K^*)^{1/4}(L^*)^{1/4}", Q(4) ** Q(1, 4) * Q(4) ** Q(1, 4)),
                                   (r"4^{1/4}\cdot 4^{1/4}", Q(4) ** Q(1, 4) * Q(4) ** Q(1, 4)), ("2", 2)]))
    # question 3: constant returns, the cost function
    a3 = P("a_3", 0.1, 0.9)
    Yq = P("Y_out", 0.3, 3.0)
    rho = a3 * w / ((1 - a3) * r)          # K/L from MRTS = w/r
    Lc = Yq / (A * rho ** a3)              # from A K^a L^(1-a) = Y with K = rho L
    Kc = rho * Lc
    assert abs(sp.N((A * Kc ** a3 * Lc ** (1 - a3) - Yq).subs({A: 1.2, a3: 0.35, w: 1.3, r: 0.7, Yq: 2.1}))) < 1e-12
    ch.append(chain("L*", [("L^*", Lc), (r"\frac{Y}{A}\Bigl(\frac{(1-\alpha)r}{\alpha w}\Bigr)^{\alpha}",
                                         Yq / A * ((1 - a3) * r / (a3 * w)) ** a3)], DEF))
    ch.append(chain("K*", [("K^*", Kc), (r"\frac{Y}{A}\Bigl(\frac{\alpha w}{(1-\alpha)r}\Bigr)^{1-\alpha}",
                                         Yq / A * (a3 * w / ((1 - a3) * r)) ** (1 - a3))], DEF))
    Cost = w * Lc + r * Kc
    Cform = Yq / A * (r / a3) ** a3 * (w / (1 - a3)) ** (1 - a3)
    ch.append(chain("cost", [
        (r"C(w, r, Y)", Cost), (r"wL^* + rK^*", w * Lc + r * Kc),
        (r"\frac{Y}{A}\,w^{1-\alpha}r^{\alpha}\Bigl[(1-\alpha)^{\alpha}\alpha^{-\alpha} + \alpha^{1-\alpha}(1-\alpha)^{\alpha-1}\Bigr]",
         Yq / A * w ** (1 - a3) * r ** a3 * ((1 - a3) ** a3 * a3 ** (-a3) + a3 ** (1 - a3) * (1 - a3) ** (a3 - 1))),
        (r"\frac{Y}{A}\,w^{1-\alpha}r^{\alpha}\alpha^{-\alpha}(1-\alpha)^{\alpha-1}\bigl[(1-\alpha) + \alpha\bigr]",
         Yq / A * w ** (1 - a3) * r ** a3 * a3 ** (-a3) * (1 - a3) ** (a3 - 1) * ((1 - a3) + a3)),
        (r"\frac{Y}{A}\Bigl(\frac{r}{\alpha}\Bigr)^{\alpha}\Bigl(\frac{w}{1-\alpha}\Bigr)^{1-\alpha}", Cform),
    ], [DEF, "id", "id", "id"]))
    ch.append(chain("Shephard", [
        (r"\frac{\partial C}{\partial w}", sp.diff(Cform, w)), (r"(1-\alpha)\frac{C}{w}", (1 - a3) * Cform / w),
        (r"\frac{Y}{A}\Bigl(\frac{r}{\alpha}\Bigr)^{\alpha}\Bigl(\frac{w}{1-\alpha}\Bigr)^{-\alpha}",
         Yq / A * (r / a3) ** a3 * (w / (1 - a3)) ** (-a3)),
        ("L^*", Lc),
    ]))
    ex3 = {A: 1, a3: half, w: 4, r: 1, Yq: 10}
    assert Lc.subs(ex3) == 5 and Kc.subs(ex3) == 20
    ch.append(chain("cost numbers", [
        ("C", Cform.subs(ex3)),
        (r"10\Bigl(\frac{1}{1/2}\Bigr)^{1/2}\Bigl(\frac{4}{1/2}\Bigr)^{1/2}", 10 * sqrt(2) * sqrt(8)),
        (r"10\sqrt{2}\sqrt{8}", 10 * sqrt(2) * sqrt(8)), ("40", 40), (r"4\cdot 5 + 1\cdot 20", 40),
    ]))
    doc = Doc("cobb_douglas_exam_solutions.tex", ch)
    return with_plant(doc, r"= 10\sqrt{2}\sqrt{8} =", r"= 10\sqrt{2}\sqrt{6} =", "cost numbers", 2,
                      I(r"10\sqrt{2}\sqrt{6}", _fn(10 * sqrt(2) * sqrt(6))),
                      "wrong constant: sqrt(6) for sqrt(8) = (4/(1/2))^(1/2) in the cost of the worked example")


def cobb_douglas_utility_blog():
    x, y = P("x_good", 0.3, 3.0), P("y_good", 0.3, 3.0)
    a = P("a_share", 0.1, 0.9)
    px, py, m = P("p_x", 0.3, 3.0), P("p_y", 0.3, 3.0), P("m_income", 0.3, 5.0)
    uf = lambda X, Y: X ** a * Y ** (1 - a)  # noqa: E731
    u = uf(x, y)
    ux, uy = sp.diff(u, x), sp.diff(u, y)
    ch = [chain("u", [("u(x, y)", u), ("x^{a}y^{1-a}", u)], DEF)]
    ch.append(chain("u_x", [("u_x", ux), (r"\frac{\partial u}{\partial x}", ux),
                            (r"a\,x^{a-1}y^{1-a}", a * x ** (a - 1) * y ** (1 - a)), (r"\frac{a\,u}{x}", a * u / x)],
                    [DEF, "id", "id"]))
    ch.append(chain("u_y", [("u_y", uy), (r"\frac{\partial u}{\partial y}", uy),
                            (r"(1-a)\,x^{a}y^{-a}", (1 - a) * x ** a * y ** (-a)), (r"\frac{(1-a)\,u}{y}", (1 - a) * u / y)],
                    [DEF, "id", "id"]))
    mrs = ux / uy
    ch.append(chain("MRS", [(r"\mathrm{MRS}_{xy}", mrs), (r"\frac{u_x}{u_y}", mrs),
                            (r"\frac{a\,u/x}{(1-a)\,u/y}", (a * u / x) / ((1 - a) * u / y)),
                            (r"\frac{a}{1-a}\cdot\frac{y}{x}", a / (1 - a) * y / x)], [DEF, "id", "id"]))
    ch.append(chain("ln u", [(r"\ln u", log(u)), (r"a\ln x + (1-a)\ln y", a * log(x) + (1 - a) * log(y))]))
    ch.append(chain("log MRS", [(r"\frac{\partial\ln u/\partial x}{\partial\ln u/\partial y}", sp.diff(log(u), x) / sp.diff(log(u), y)),
                                (r"\frac{a/x}{(1-a)/y}", (a / x) / ((1 - a) / y)), (r"\mathrm{MRS}_{xy}", mrs)]))
    ch.append(chain("Euler", [(r"x\,u_x + y\,u_y", x * ux + y * uy), (r"a\,u + (1-a)\,u", a * u + (1 - a) * u), ("u", u)]))
    yt = (1 - a) * px * x / (a * py)
    ch.append(chain("budget at tangency", [(r"p_x x + p_y\cdot\frac{(1-a)p_x x}{a\,p_y}", px * x + py * yt),
                                           (r"p_x x\Bigl(1 + \frac{1-a}{a}\Bigr)", px * x * (1 + (1 - a) / a)),
                                           (r"\frac{p_x x}{a}", px * x / a)]))
    X, Yv = sp.symbols("X_d Y_d", positive=True)
    sol = sp.solve([sp.diff(uf(X, Yv), X) * py - sp.diff(uf(X, Yv), Yv) * px, px * X + py * Yv - m], [X, Yv], dict=True)
    assert len(sol) == 1
    xs, ys = sol[0][X], sol[0][Yv]
    ch.append(chain("x*", [("x^*", xs), (r"\frac{a\,m}{p_x}", a * m / px)], DEF))
    ch.append(chain("y*", [("y^*", ys), (r"\frac{(1-a)\,m}{p_y}", (1 - a) * m / py)], DEF))
    ch.append(chain("budget check", [(r"p_x x^* + p_y y^*", px * xs + py * ys), (r"a\,m + (1-a)\,m", a * m + (1 - a) * m), ("m", m)]))
    ch.append(chain("share", [(r"\frac{p_x x^*}{m}", px * xs / m), ("a", a)]))
    v = sp.Symbol("v_log", real=True)
    for name, var, val in (("p_x", px, -1), ("m", m, 1), ("p_y", py, 0)):
        el = sp.diff(log(xs.subs(var, exp(v))), v).subs(v, log(var))
        ch.append(chain("elasticity " + name, [(r"\frac{\partial\ln x^*}{\partial\ln %s}" % name, el), (str(val), val)]))
    V = uf(xs, ys)
    ch.append(chain("V", [(r"V(p_x, p_y, m)", V), (r"u(x^*, y^*)", V),
                          (r"\Bigl(\frac{a\,m}{p_x}\Bigr)^{a}\Bigl(\frac{(1-a)\,m}{p_y}\Bigr)^{1-a}",
                           (a * m / px) ** a * ((1 - a) * m / py) ** (1 - a)),
                          (r"a^{a}(1-a)^{1-a}\,\frac{m}{p_x^{a}p_y^{1-a}}", a ** a * (1 - a) ** (1 - a) * m / (px ** a * py ** (1 - a)))],
                    [DEF, "id", "id"]))
    ch.append(chain("dV/dpx", [(r"\frac{\partial V}{\partial p_x}", sp.diff(V, px)), (r"-\frac{a}{p_x}\,V", -a / px * V)]))
    ch.append(chain("dV/dm", [(r"\frac{\partial V}{\partial m}", sp.diff(V, m)), (r"\frac{V}{m}", V / m)]))
    ch.append(chain("Roy", [(r"-\frac{\partial V/\partial p_x}{\partial V/\partial m}", -sp.diff(V, px) / sp.diff(V, m)),
                            (r"\frac{a\,V/p_x}{V/m}", (a * V / px) / (V / m)), (r"\frac{a\,m}{p_x}", a * m / px), ("x^*", xs)]))
    num = {a: Q(1, 4), m: 100, px: 5, py: 2}
    ch.append(chain("x* numbers", [("x^*", xs.subs(num)), (r"\frac{0.25\cdot 100}{5}", rational("0.25") * 100 / 5), ("5", 5)]))
    ch.append(chain("y* numbers", [("y^*", ys.subs(num)), (r"\frac{0.75\cdot 100}{2}", rational("0.75") * 100 / 2),
                                   ("37.5", rational("37.5"))]))
    ch.append(chain("MRS numbers", [(r"\mathrm{MRS}_{xy}(x^*, y^*)", mrs.subs({x: xs, y: ys}).subs(num)),
                                    (r"\frac{0.25}{0.75}\cdot\frac{37.5}{5}", rational("0.25") / rational("0.75") * rational("37.5") / 5),
                                    (r"\frac13\cdot 7.5", Q(1, 3) * rational("7.5")), ("2.5", rational("2.5")),
                                    (r"\frac{p_x}{p_y}", Q(5, 2))]))
    doc = Doc("cobb_douglas_utility_blog.md", ch)
    return with_plant(doc, r"= \frac{a\,V/p_x}{V/m} =", r"= \frac{V/p_x}{V/m} =", "Roy", 1,
                      I(r"\frac{V/p_x}{V/m}", lambda c: (V / px) / (V / m)),
                      "dropped factor: the exponent a in a V/p_x = -dV/dp_x in Roy's identity")


# ===========================================================================
# family 3: momentum, moving averages, Adam, gradient descent on a quadratic
def ema(beta, gs, v0=0):
    """v_t = beta v_{t-1} + (1 - beta) g_t from v_0, for the list gs = [g_1, ..., g_t]."""
    v = v0
    for gg in gs:
        v = beta * v + (1 - beta) * gg
    return v


def TS(lo=1, hi=4):
    return [{"t": t} for t in range(lo, hi + 1)]


def momentum_adam_gd_slides():
    be = P("beta_ema", 0.1, 0.95)
    gl = [R("g_%d" % i, -1.5, 1.5) for i in range(1, 6)]
    g = R("g", -1.5, 1.5)
    ch = []
    vprev, gt = R("v_prev", -1.5, 1.5), R("g_t", -1.5, 1.5)
    ch.append(chain("EMA", [("v_t", be * vprev + (1 - be) * gt), (r"\beta v_{t-1} + (1-\beta)\,g_t", be * vprev + (1 - be) * gt)],
                    DEF))
    g1, g2, g3 = gl[:3]
    v1 = ema(be, [g1])
    v2 = ema(be, [g1, g2])
    ch.append(chain("v3", [("v_3", ema(be, [g1, g2, g3])), (r"\beta v_2 + (1-\beta)g_3", be * v2 + (1 - be) * g3),
                           (r"\beta^2 v_1 + \beta(1-\beta)g_2 + (1-\beta)g_3", be ** 2 * v1 + be * (1 - be) * g2 + (1 - be) * g3),
                           (r"(1-\beta)\bigl(g_3 + \beta g_2 + \beta^2 g_1\bigr)", (1 - be) * (g3 + be * g2 + be ** 2 * g1))]))
    ch.append(chain("unrolled", [
        ("v_t", lambda c: ema(be, gl[:c["t"]])),
        (r"(1-\beta)\sum_{k=0}^{t-1}\beta^{k}g_{t-k}", lambda c: (1 - be) * sp.Add(*[be ** k * gl[c["t"] - k - 1] for k in range(c["t"])])),
    ], ctxs=TS()))
    ch.append(chain("constant g", [
        ("v_t", lambda c: ema(be, [g] * c["t"])),
        (r"(1-\beta)\,g\sum_{k=0}^{t-1}\beta^{k}", lambda c: (1 - be) * g * sp.Add(*[be ** k for k in range(c["t"])])),
        (r"(1-\beta)\,g\,\frac{1-\beta^{t}}{1-\beta}", lambda c: (1 - be) * g * (1 - be ** c["t"]) / (1 - be)),
        (r"(1-\beta^{t})\,g", lambda c: (1 - be ** c["t"]) * g),
    ], ctxs=TS()))
    k = sp.Symbol("k", integer=True, nonnegative=True)
    tt = sp.Symbol("t", integer=True, positive=True)
    ch.append(chain("weights", [(r"\sum_{k=0}^{t-1}(1-\beta)\beta^{k}", sp.Sum((1 - be) * be ** k, (k, 0, tt - 1))),
                                (r"1 - \beta^{t}", 1 - be ** tt)]))
    ch.append(chain("hat v", [
        (r"\hat v_t", lambda c: ema(be, [g] * c["t"]) / (1 - be ** c["t"])),
        (r"\frac{v_t}{1-\beta^{t}}", lambda c: ema(be, [g] * c["t"]) / (1 - be ** c["t"])),
        ("g", g),
    ], [DEF, "id"], ctxs=TS()))
    b1, b2 = P("beta_1", 0.1, 0.95), P("beta_2", 0.1, 0.999)
    m1, vv1 = ema(b1, [g1]), ema(b2, [g1 ** 2])
    ch.append(chain("hat m1", [(r"\hat m_1", m1 / (1 - b1)), (r"\frac{(1-\beta_1)g_1}{1-\beta_1}", (1 - b1) * g1 / (1 - b1)),
                               ("g_1", g1)]))
    ch.append(chain("hat v1", [(r"\hat v_1", vv1 / (1 - b2)), (r"\frac{(1-\beta_2)g_1^2}{1-\beta_2}", (1 - b2) * g1 ** 2 / (1 - b2)),
                               ("g_1^2", g1 ** 2)]))
    ch.append(chain("sign", [(r"\frac{\hat m_1}{\sqrt{\hat v_1}}", (m1 / (1 - b1)) / sqrt(vv1 / (1 - b2))),
                             (r"\frac{g_1}{|g_1|}", g1 / sp.Abs(g1)), (r"\operatorname{sign}(g_1)", sp.sign(g1))]))
    ch.append(chain("1000", [(r"\frac{1}{1-\beta_2}", 1 / (1 - rational("0.999"))), (r"\frac{1}{0.001}", 1 / rational("0.001")),
                             ("1000", 1000)]))
    ch.append(chain("sum to one", [(r"\sum_{k=0}^{\infty}(1-\beta)\beta^{k}", sp.Sum((1 - be) * be ** k, (k, 0, sp.oo))), ("1", 1)]))
    ch.append(chain("mean age", [
        (r"\sum_{k=0}^{\infty}k(1-\beta)\beta^{k}", sp.Sum(k * (1 - be) * be ** k, (k, 0, sp.oo))),
        (r"(1-\beta)\,\beta\frac{d}{d\beta}\sum_{k=0}^{\infty}\beta^{k}", (1 - be) * be * sp.diff(1 / (1 - be), be)),
        (r"(1-\beta)\,\beta\,\frac{1}{(1-\beta)^2}", (1 - be) * be / (1 - be) ** 2),
        (r"\frac{\beta}{1-\beta}", be / (1 - be)),
    ]))
    a, eta = P("a_curv", 0.3, 3.0), P("eta", 0.05, 0.6)
    th, ths = R("theta_t", -2.0, 2.0), R("theta_star", -2.0, 2.0)
    f = lambda u: a / 2 * (u - ths) ** 2  # noqa: E731
    ch.append(chain("f", [(r"f(\theta)", f(th)), (r"\frac{a}{2}(\theta - \theta^*)^2", f(th))], DEF))
    step = lambda u: u - eta * sp.diff(f(th), th).subs(th, u)  # noqa: E731
    ch.append(chain("update", [(r"\theta_{t+1}", step(th)), (r"\theta_t - \eta f'(\theta_t)", step(th))], DEF))
    ch.append(chain("error map", [(r"\theta_{t+1} - \theta^*", step(th) - ths),
                                  (r"\theta_t - \eta a(\theta_t - \theta^*) - \theta^*", th - eta * a * (th - ths) - ths),
                                  (r"(1 - \eta a)(\theta_t - \theta^*)", (1 - eta * a) * (th - ths))]))
    th0 = R("theta_0", -2.0, 2.0)

    def it(t):
        u = th0
        for _ in range(t):
            u = step(u)
        return u
    e0 = th0 - ths
    ch.append(chain("e_t", [("e_t", lambda c: it(c["t"]) - ths), (r"(1 - \eta a)^{t}e_0", lambda c: (1 - eta * a) ** c["t"] * e0)],
                    ctxs=TS()))
    ch.append(chain("f(theta_t)", [
        (r"f(\theta_t)", lambda c: f(it(c["t"]))),
        (r"\frac{a}{2}e_t^2", lambda c: a / 2 * (it(c["t"]) - ths) ** 2),
        (r"\frac{a}{2}(1 - \eta a)^{2t}e_0^2", lambda c: a / 2 * (1 - eta * a) ** (2 * c["t"]) * e0 ** 2),
        (r"(1 - \eta a)^{2t}f(\theta_0)", lambda c: (1 - eta * a) ** (2 * c["t"]) * f(th0)),
    ], ctxs=TS()))
    e0s = R("e_0", -2.0, 2.0)
    ch.append(chain("factor numbers", [(r"1 - \eta a", 1 - rational("0.1") * 4), (r"1 - 0.1\cdot 4", 1 - rational("0.1") * 4),
                                       ("0.6", rational("0.6"))]))
    ch.append(chain("e3 numbers", [("e_3", (1 - rational("0.1") * 4) ** 3 * e0s), (r"0.6^3e_0", rational("0.6") ** 3 * e0s),
                                   (r"0.216\,e_0", rational("0.216") * e0s)]))
    a1, a2 = P("a_curv1", 0.3, 1.0), P("a_curv2", 1.2, 3.0)
    et2 = 2 / (a1 + a2)
    kap = a2 / a1
    ch.append(chain("factor a1", [(r"1 - \eta a_1", 1 - et2 * a1), (r"1 - \frac{2a_1}{a_1 + a_2}", 1 - 2 * a1 / (a1 + a2)),
                                  (r"\frac{a_2 - a_1}{a_2 + a_1}", (a2 - a1) / (a2 + a1)),
                                  (r"\frac{\kappa - 1}{\kappa + 1}", (kap - 1) / (kap + 1))]))
    ch.append(chain("factor a2", [(r"1 - \eta a_2", 1 - et2 * a2), (r"\frac{a_1 - a_2}{a_1 + a_2}", (a1 - a2) / (a1 + a2)),
                                  (r"-\frac{\kappa - 1}{\kappa + 1}", -(kap - 1) / (kap + 1))]))
    doc = Doc("momentum_adam_gd_slides.tex", ch)
    return with_plant(doc, r"= \frac{a}{2}(1 - \eta a)^{2t}e_0^2 =", r"= \frac{a}{2}(1 - \eta a)^{t}e_0^2 =", "f(theta_t)", 2,
                      I(r"\frac{a}{2}(1 - \eta a)^{t}e_0^2", lambda c: a / 2 * (1 - eta * a) ** c["t"] * e0 ** 2),
                      "wrong exponent: (1 - eta a)^t for (1 - eta a)^{2t} = ((1 - eta a)^t)^2 in the loss after t steps")


def momentum_adam_notebook():
    mu = P("mu_mom", 0.1, 0.95)
    gl = [R("g_%d" % i, -1.5, 1.5) for i in range(1, 6)]
    g = R("g", -1.5, 1.5)

    def buf(gs):
        b = 0
        for gg in gs:
            b = mu * b + gg
        return b
    ch = []
    bprev, gt = R("b_prev", -1.5, 1.5), R("g_t", -1.5, 1.5)
    ch.append(chain("buffer", [("b_t", mu * bprev + gt), (r"\mu b_{t-1} + g_t", mu * bprev + gt)], DEF))
    g1, g2, g3 = gl[:3]
    ch.append(chain("b3", [("b_3", buf([g1, g2, g3])), (r"\mu b_2 + g_3", mu * buf([g1, g2]) + g3),
                           (r"\mu^2 g_1 + \mu g_2 + g_3", mu ** 2 * g1 + mu * g2 + g3)]))
    ch.append(chain("b_t sums", [
        ("b_t", lambda c: buf(gl[:c["t"]])),
        (r"\sum_{i=1}^{t}\mu^{t-i}g_i", lambda c: sp.Add(*[mu ** (c["t"] - i) * gl[i - 1] for i in range(1, c["t"] + 1)])),
        (r"\sum_{k=0}^{t-1}\mu^{k}g_{t-k}", lambda c: sp.Add(*[mu ** k * gl[c["t"] - k - 1] for k in range(c["t"])])),
    ], ctxs=TS(1, 5)))
    ch.append(chain("b_t constant", [
        ("b_t", lambda c: buf([g] * c["t"])),
        (r"g\sum_{k=0}^{t-1}\mu^{k}", lambda c: g * sp.Add(*[mu ** k for k in range(c["t"])])),
        (r"g\,\frac{1-\mu^{t}}{1-\mu}", lambda c: g * (1 - mu ** c["t"]) / (1 - mu)),
    ], ctxs=TS(1, 5)))
    eta, a = P("eta_lr", 0.01, 0.5), P("a_quad", 0.3, 2.0)
    eprev = R("e_prev", -1.5, 1.5)
    et = eprev - eta * bprev            # the previous step, e_t = e_{t-1} - eta b_{t-1}
    enext = et - eta * (mu * bprev + a * et)
    ch.append(chain("e recursion", [
        (r"e_{t+1}", enext),
        (r"e_t - \eta\bigl(\mu b_{t-1} + a e_t\bigr)", et - eta * (mu * bprev + a * et)),
        (r"e_t - \mu(e_{t-1} - e_t) - \eta a e_t", et - mu * (eprev - et) - eta * a * et),
        (r"(1 - \eta a + \mu)e_t - \mu e_{t-1}", (1 - eta * a + mu) * et - mu * eprev),
    ]))
    lam = R("lambda", -2.0, 2.0)
    ea = (1 - sqrt(mu)) ** 2            # eta a at the double root, as the text binds it
    ch.append(chain("char poly", [
        (r"\lambda^2 - (1 - \eta a + \mu)\lambda + \mu", lam ** 2 - (1 - ea + mu) * lam + mu),
        (r"\lambda^2 - 2\sqrt{\mu}\,\lambda + \mu", lam ** 2 - 2 * sqrt(mu) * lam + mu),
        (r"(\lambda - \sqrt{\mu})^2", (lam - sqrt(mu)) ** 2),
    ]))
    mu1 = rational("0.81")
    ch.append(chain("eta a numbers", [(r"\eta a", (1 - sqrt(mu1)) ** 2), (r"(1 - \sqrt{0.81})^2", (1 - sqrt(mu1)) ** 2),
                                      (r"0.1^2", rational("0.1") ** 2), ("0.01", rational("0.01"))]))
    b2 = P("beta_2", 0.1, 0.999)
    sig2 = P("sigma2", 0.3, 2.0)
    ch.append(chain("v_t unrolled", [
        ("v_t", lambda c: ema(b2, [gg ** 2 for gg in gl[:c["t"]]])),
        (r"(1-\beta_2)\sum_{i=1}^{t}\beta_2^{t-i}g_i^2",
         lambda c: (1 - b2) * sp.Add(*[b2 ** (c["t"] - i) * gl[i - 1] ** 2 for i in range(1, c["t"] + 1)])),
    ], ctxs=TS(1, 5)))
    ch.append(chain("E v_t", [
        (r"\mathbb{E}[v_t]", lambda c: ema(b2, [sig2] * c["t"])),
        (r"(1-\beta_2)\sum_{i=1}^{t}\beta_2^{t-i}\,\mathbb{E}[g_i^2]",
         lambda c: (1 - b2) * sp.Add(*[b2 ** (c["t"] - i) * sig2 for i in range(1, c["t"] + 1)])),
        (r"(1-\beta_2)\,\sigma^2\sum_{i=1}^{t}\beta_2^{t-i}",
         lambda c: (1 - b2) * sig2 * sp.Add(*[b2 ** (c["t"] - i) for i in range(1, c["t"] + 1)])),
        (r"(1-\beta_2^{t})\,\sigma^2", lambda c: (1 - b2 ** c["t"]) * sig2),
    ], ctxs=TS(1, 5)))
    B1, B2, G1, G2 = rational("0.9"), rational("0.999"), rational("0.5"), rational("-0.5")
    M1 = ema(B1, [G1])
    M2 = ema(B1, [G1, G2])
    V2 = ema(B2, [G1 ** 2, G2 ** 2])
    ch.append(chain("m1", [("m_1", M1), (r"(1-\beta_1)g_1", (1 - B1) * G1), (r"0.1\cdot 0.5", rational("0.05")),
                           ("0.05", rational("0.05"))]))
    ch.append(chain("m2", [("m_2", M2), (r"\beta_1 m_1 + (1-\beta_1)g_2", B1 * M1 + (1 - B1) * G2),
                           (r"0.9\cdot 0.05 + 0.1\cdot(-0.5)", rational("0.9") * rational("0.05") + rational("0.1") * rational("-0.5")),
                           ("-0.005", rational("-0.005"))]))
    ch.append(chain("hat m2", [(r"\hat m_2", M2 / (1 - B1 ** 2)), (r"\frac{m_2}{1-\beta_1^2}", M2 / (1 - B1 ** 2)),
                               (r"\frac{-0.005}{0.19}", rational("-0.005") / rational("0.19")), (r"-\frac{1}{38}", -Q(1, 38))]))
    ch.append(chain("v2", [("v_2", V2), (r"\beta_2(1-\beta_2)g_1^2 + (1-\beta_2)g_2^2", B2 * (1 - B2) * G1 ** 2 + (1 - B2) * G2 ** 2),
                           (r"(1-\beta_2)(1+\beta_2)\cdot 0.25", (1 - B2) * (1 + B2) * rational("0.25")),
                           (r"(1-\beta_2^{2})\cdot 0.25", (1 - B2 ** 2) * rational("0.25"))]))
    ch.append(chain("hat v2", [(r"\hat v_2", V2 / (1 - B2 ** 2)), (r"\frac{v_2}{1-\beta_2^{2}}", V2 / (1 - B2 ** 2)),
                               ("0.25", rational("0.25"))]))
    ch.append(chain("ratio", [(r"\frac{\hat m_2}{\sqrt{\hat v_2}}", (M2 / (1 - B1 ** 2)) / sqrt(V2 / (1 - B2 ** 2))),
                              (r"\frac{-1/38}{0.5}", -Q(1, 38) / half), (r"-\frac{1}{19}", -Q(1, 19))]))
    doc = Doc("momentum_adam_notebook.md", ch)
    return with_plant(doc, r"= \beta_1 m_1 + (1-\beta_1)g_2 =", r"= \beta_1 m_1 + (1-\beta_1)g_1 =", "m2", 1,
                      I(r"\beta_1 m_1 + (1-\beta_1)g_1", _fn(B1 * M1 + (1 - B1) * G1)),
                      "wrong index: g_1 for g_2 in the second Adam first-moment update m_2")


DOCS = [lagrangian_systems_lecture, central_force_lagrangian_forum, cobb_douglas_exam_solutions,
        cobb_douglas_utility_blog, momentum_adam_gd_slides, momentum_adam_notebook]
