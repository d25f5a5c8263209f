"""Hand encodings of the corpus_ml9 documents of families 4-6 (implicit differentiation and related
rates; hyperbolic and inverse hyperbolic functions; maximum entropy, softmax and log-sum-exp).

Same conventions as encodings_a.py. Implicitly defined curves are encoded through a
parametrisation of the branch the document works on (helpers.Curve): x(s), y(s), and dy/dx,
d^2y/dx^2 computed from the parametrisation, so that an equation such as 3x^2 + 3y^2 y' = 6y + 6xy'
is checked as an identity along the curve. The displayed equation of the curve itself (x^2 + y^2 =
25, x^3 + y^3 = 6xy, x^y = y^x, the ellipse, the ladder's x^2 + y^2 = 100) is a hypothesis and is
counted as a definition. Related rates use a concrete motion x(t) (or h(t)) with random parameters
for the general relations and the stated instant for the numbers.
"""
import sympy as sp

from framework import Chain, Doc, with_plant, delta  # noqa: F401
from helpers import vec, I, const, R, P, Curve, rational  # noqa: F401

DEF = "def"
half = sp.Rational(1, 2)


def Q(a, b=1):
    return sp.Rational(a, b)


def at_s(e, s, value):
    return sp.simplify(sp.sympify(e).subs(s, value))


# ===========================================================================
# family 4: implicit differentiation and related rates
def implicit_related_rates_worksheet():
    ch = []
    th = R("theta", 0.3, 2.8)
    circ = Curve(5 * sp.cos(th), 5 * sp.sin(th), th)
    X, Y, Y1, Y2 = circ.x, circ.y, circ.y1, circ.y2
    ch.append(Chain("circle", [
        I(r"x^2 + y^2", const(X ** 2 + Y ** 2)),
        I(r"25", const(25)),
    ], DEF))
    ch.append(Chain("circle d", [
        I(r"\frac{d}{dx}\bigl(x^2 + y^2\bigr)", const(circ.Dx(X ** 2 + Y ** 2))),
        I(r"2x + 2y\,\frac{dy}{dx}", const(2 * X + 2 * Y * Y1)),
        I(r"0", const(0)),
    ]))
    ch.append(Chain("circle y'", [
        I(r"\frac{dy}{dx}", const(Y1)),
        I(r"-\frac{x}{y}", const(-X / Y)),
    ]))
    ch.append(Chain("circle y''", [
        I(r"\frac{d^2y}{dx^2}", const(Y2)),
        I(r"-\frac{y\cdot 1 - x\,\frac{dy}{dx}}{y^2}", const(-(Y * 1 - X * Y1) / Y ** 2)),
        I(r"-\frac{y + \frac{x^2}{y}}{y^2}", const(-(Y + X ** 2 / Y) / Y ** 2)),
        I(r"-\frac{y^2 + x^2}{y^3}", const(-(Y ** 2 + X ** 2) / Y ** 3)),
        I(r"-\frac{25}{y^3}", const(-25 / Y ** 3)),
    ]))
    th0 = sp.acos(Q(3, 5))  # the point (3, 4)
    ch.append(Chain("circle y' at", [
        I(r"\frac{dy}{dx}\Big|_{(3,4)}", const(at_s(Y1, th, th0))),
        I(r"-\frac{3}{4}", const(-Q(3, 4))),
    ]))
    ch.append(Chain("circle y'' at", [
        I(r"\frac{d^2y}{dx^2}\Big|_{(3,4)}", const(at_s(Y2, th, th0))),
        I(r"-\frac{25}{4^3}", const(-Q(25, 4 ** 3))),
        I(r"-\frac{25}{64}", const(-Q(25, 64))),
    ]))
    xl = R("x_line", -3.0, 6.0)
    ch.append(Chain("tangent", [
        I(r"T(x)", const(4 - Q(3, 4) * (xl - 3))),
        I(r"4 - \frac{3}{4}(x - 3)", const(4 - Q(3, 4) * (xl - 3))),
        I(r"\frac{25 - 3x}{4}", const((25 - 3 * xl) / 4)),
    ], [DEF, "id"]))
    s = R("s_folium", 1.1, 2.5)
    fol = Curve(6 * s / (1 + s ** 3), 6 * s ** 2 / (1 + s ** 3), s)
    X, Y, Y1 = fol.x, fol.y, fol.y1
    ch.append(Chain("folium", [
        I(r"x^3 + y^3", const(X ** 3 + Y ** 3)),
        I(r"6xy", const(6 * X * Y)),
    ], DEF))
    ch.append(Chain("folium d", [
        I(r"3x^2 + 3y^2\,y'", const(3 * X ** 2 + 3 * Y ** 2 * Y1)),
        I(r"6y + 6x\,y'", const(6 * Y + 6 * X * Y1)),
    ]))
    ch.append(Chain("folium collect", [
        I(r"(3y^2 - 6x)\,y'", const((3 * Y ** 2 - 6 * X) * Y1)),
        I(r"6y - 3x^2", const(6 * Y - 3 * X ** 2)),
    ]))
    ch.append(Chain("folium y'", [
        I(r"y'", const(Y1)),
        I(r"\frac{6y - 3x^2}{3y^2 - 6x}", const((6 * Y - 3 * X ** 2) / (3 * Y ** 2 - 6 * X))),
        I(r"\frac{2y - x^2}{y^2 - 2x}", const((2 * Y - X ** 2) / (Y ** 2 - 2 * X))),
    ]))
    ch.append(Chain("folium at", [
        I(r"y'\big|_{(3,3)}", const(at_s(Y1, s, 1))),
        I(r"\frac{2\cdot 3 - 3^2}{3^2 - 2\cdot 3}", const(Q(2 * 3 - 3 ** 2, 3 ** 2 - 2 * 3))),
        I(r"\frac{-3}{3}", const(Q(-3, 3))),
        I(r"-1", const(-1)),
    ]))
    # ladder: x(t) = c0 + c1 t + c2 t^2 (foot), y = sqrt(100 - x^2) (top)
    t = R("t", 0.0, 1.0)
    c0, c1, c2 = P("c_0", 2.0, 6.0), P("c_1", 0.5, 2.0), R("c_2", -0.3, 0.3)
    xt = c0 + c1 * t + c2 * t ** 2
    yt = sp.sqrt(100 - xt ** 2)
    ch.append(Chain("ladder", [
        I(r"x^2 + y^2", const(xt ** 2 + yt ** 2)),
        I(r"100", const(100)),
    ], DEF))
    ch.append(Chain("ladder d", [
        I(r"2x\,\frac{dx}{dt} + 2y\,\frac{dy}{dt}", const(2 * xt * sp.diff(xt, t) + 2 * yt * sp.diff(yt, t))),
        I(r"0", const(0)),
    ]))
    ch.append(Chain("ladder dy/dt", [
        I(r"\frac{dy}{dt}", const(sp.diff(yt, t))),
        I(r"-\frac{x}{y}\,\frac{dx}{dt}", const(-xt / yt * sp.diff(xt, t))),
    ]))
    # the instant: x = 6, dx/dt = 2 (x(tau) = 6 + 2 tau at tau = 0)
    tau = sp.Symbol("_tau", real=True)
    xi = 6 + 2 * tau
    yi = sp.sqrt(100 - xi ** 2)
    ch.append(Chain("ladder y", [
        I(r"y", const(yi.subs(tau, 0))),
        I(r"\sqrt{100 - 6^2}", const(sp.sqrt(100 - 6 ** 2))),
        I(r"\sqrt{64}", const(sp.sqrt(64))),
        I(r"8", const(8)),
    ]))
    ch.append(Chain("ladder rate", [
        I(r"\frac{dy}{dt}", const(sp.diff(yi, tau).subs(tau, 0))),
        I(r"-\frac{6}{8}\cdot 2", const(-Q(6, 8) * 2)),
        I(r"-\frac{3}{2}", const(-Q(3, 2))),
    ]))
    thi = sp.acos(xi / 10)
    ch.append(Chain("ladder angle", [
        I(r"\frac{d\theta}{dt}", const(sp.diff(thi, tau).subs(tau, 0))),
        I(r"-\frac{1}{10\sin\theta}\,\frac{dx}{dt}", const(-1 / (10 * sp.sin(thi.subs(tau, 0))) * 2)),
        I(r"-\frac{1}{10\cdot\frac{8}{10}}\cdot 2", const(-1 / (10 * Q(8, 10)) * 2)),
        I(r"-\frac{1}{4}", const(-Q(1, 4))),
    ]))
    # cone: r = h/2
    hh = P("h_depth", 0.2, 4.0)
    ch.append(Chain("cone V", [
        I(r"V", const(sp.pi * hh ** 3 / 12)),
        I(r"\frac{1}{3}\pi r^2 h", const(Q(1, 3) * sp.pi * (hh / 2) ** 2 * hh)),
        I(r"\frac{1}{3}\pi\Bigl(\frac{h}{2}\Bigr)^2 h", const(Q(1, 3) * sp.pi * (hh / 2) ** 2 * hh)),
        I(r"\frac{\pi h^3}{12}", const(sp.pi * hh ** 3 / 12)),
    ], [DEF, "id", "id"]))
    d0, d1, d2 = P("d_0", 0.5, 3.0), P("d_1", 0.1, 1.0), R("d_2", -0.2, 0.2)
    ht = d0 + d1 * t + d2 * t ** 2
    ch.append(Chain("cone dV/dt", [
        I(r"\frac{dV}{dt}", const(sp.diff(sp.pi * ht ** 3 / 12, t))),
        I(r"\frac{\pi h^2}{4}\,\frac{dh}{dt}", const(sp.pi * ht ** 2 / 4 * sp.diff(ht, t))),
    ]))
    hv = sp.Symbol("_h", positive=True)
    dhdt = 2 / sp.diff(sp.pi * hv ** 3 / 12, hv).subs(hv, 3)  # dV/dt = 2 at h = 3
    ch.append(Chain("cone rate", [
        I(r"\frac{dh}{dt}", const(dhdt)),
        I(r"\frac{4}{\pi h^2}\,\frac{dV}{dt}", const(4 / (sp.pi * 3 ** 2) * 2)),
        I(r"\frac{4}{\pi\cdot 3^2}\cdot 2", const(4 / (sp.pi * 3 ** 2) * 2)),
        I(r"\frac{8}{9\pi}", const(8 / (9 * sp.pi))),
    ]))
    doc = Doc("implicit_related_rates_worksheet.tex", ch)
    return with_plant(doc, r"= \frac{4}{\pi\cdot 3^2}\cdot 2 =", r"= \frac{4}{\pi\cdot 2^2}\cdot 2 =",
                      "cone rate", 2, I(r"\frac{4}{\pi\cdot 2^2}\cdot 2", const(4 / (sp.pi * 2 ** 2) * 2)),
                      "wrong constant: 2^2 (the tank's top radius) for 3^2 (the depth h = 3) in dh/dt")


def implicit_differentiation_forum():
    ch = []
    s = R("s_branch", 0.4, 3.0)
    cur = Curve((1 + 1 / s) ** s, (1 + 1 / s) ** (s + 1), s)  # the branch of x^y = y^x with x != y
    X, Y, Y1 = cur.x, cur.y, cur.y1
    ln = sp.log
    ch.append(Chain("curve", [
        I(r"x^y", const(X ** Y)),
        I(r"y^x", const(Y ** X)),
    ], DEF))
    xp, yp = P("x_pos", 0.2, 5.0), P("y_pos", 0.2, 5.0)
    ch.append(Chain("log1", [
        I(r"\ln\bigl(x^y\bigr)", const(ln(xp ** yp))),
        I(r"y\ln x", const(yp * ln(xp))),
    ]))
    ch.append(Chain("log2", [
        I(r"\ln\bigl(y^x\bigr)", const(ln(yp ** xp))),
        I(r"x\ln y", const(xp * ln(yp))),
    ]))
    ch.append(Chain("diff", [
        I(r"\frac{dy}{dx}\ln x + \frac{y}{x}", const(Y1 * ln(X) + Y / X)),
        I(r"\ln y + \frac{x}{y}\,\frac{dy}{dx}", const(ln(Y) + X / Y * Y1)),
    ]))
    ch.append(Chain("collect", [
        I(r"\frac{dy}{dx}\Bigl(\ln x - \frac{x}{y}\Bigr)", const(Y1 * (ln(X) - X / Y))),
        I(r"\ln y - \frac{y}{x}", const(ln(Y) - Y / X)),
    ]))
    ch.append(Chain("solve", [
        I(r"\frac{dy}{dx}", const(Y1)),
        I(r"\frac{\ln y - \frac{y}{x}}{\ln x - \frac{x}{y}}", const((ln(Y) - Y / X) / (ln(X) - X / Y))),
        I(r"\frac{y\,(x\ln y - y)}{x\,(y\ln x - x)}", const(Y * (X * ln(Y) - Y) / (X * (Y * ln(X) - X)))),
    ]))
    F = yp * ln(xp) - xp * ln(yp)
    ch.append(Chain("F", [
        I(r"F(x, y)", const(F)),
        I(r"y\ln x - x\ln y", const(F)),
    ], DEF))
    ch.append(Chain("Fx", [
        I(r"F_x", const(sp.diff(F, xp))),
        I(r"\frac{y}{x} - \ln y", const(yp / xp - ln(yp))),
    ]))
    ch.append(Chain("Fy", [
        I(r"F_y", const(sp.diff(F, yp))),
        I(r"\ln x - \frac{x}{y}", const(ln(xp) - xp / yp)),
    ]))
    Fx_c = (Y / X - ln(Y))
    Fy_c = (ln(X) - X / Y)
    ch.append(Chain("ift", [
        I(r"\frac{dy}{dx}", const(Y1)),
        I(r"-\frac{F_x}{F_y}", const(-sp.diff(F, xp).subs({xp: X, yp: Y}) / sp.diff(F, yp).subs({xp: X, yp: Y}))),
        I(r"-\frac{\frac{y}{x} - \ln y}{\ln x - \frac{x}{y}}", const(-Fx_c / Fy_c)),
    ]))
    ch.append(Chain("at (2,4)", [
        I(r"\frac{dy}{dx}\Big|_{(2,4)}", const(at_s(Y1, s, 1))),
        I(r"\frac{4\,(2\ln 4 - 4)}{2\,(4\ln 2 - 2)}", const(4 * (2 * ln(4) - 4) / (2 * (4 * ln(2) - 2)))),
        I(r"\frac{4\,(4\ln 2 - 4)}{2\,(4\ln 2 - 2)}", const(4 * (4 * ln(2) - 4) / (2 * (4 * ln(2) - 2)))),
        I(r"\frac{4(\ln 2 - 1)}{2\ln 2 - 1}", const(4 * (ln(2) - 1) / (2 * ln(2) - 1))),
    ]))
    th = R("theta", 0.3, 2.8)
    a, b = P("a_axis", 0.5, 3.0), P("b_axis", 0.5, 3.0)
    ell = Curve(a * sp.cos(th), b * sp.sin(th), th)
    X, Y, Y1, Y2 = ell.x, ell.y, ell.y1, ell.y2
    ch.append(Chain("ellipse", [
        I(r"\frac{x^2}{a^2} + \frac{y^2}{b^2}", const(X ** 2 / a ** 2 + Y ** 2 / b ** 2)),
        I(r"1", const(1)),
    ], DEF))
    ch.append(Chain("ellipse d", [
        I(r"\frac{2x}{a^2} + \frac{2y\,y'}{b^2}", const(2 * X / a ** 2 + 2 * Y * Y1 / b ** 2)),
        I(r"0", const(0)),
    ]))
    ch.append(Chain("ellipse y'", [
        I(r"y'", const(Y1)),
        I(r"-\frac{b^2 x}{a^2 y}", const(-b ** 2 * X / (a ** 2 * Y))),
    ]))
    ch.append(Chain("ellipse y''", [
        I(r"y''", const(Y2)),
        I(r"-\frac{b^2}{a^2}\cdot\frac{y - x\,y'}{y^2}", const(-b ** 2 / a ** 2 * (Y - X * Y1) / Y ** 2)),
        I(r"-\frac{b^2}{a^2}\cdot\frac{y + \frac{b^2x^2}{a^2y}}{y^2}", const(-b ** 2 / a ** 2 * (Y + b ** 2 * X ** 2 / (a ** 2 * Y)) / Y ** 2)),
        I(r"-\frac{b^2\,(a^2y^2 + b^2x^2)}{a^4y^3}", const(-b ** 2 * (a ** 2 * Y ** 2 + b ** 2 * X ** 2) / (a ** 4 * Y ** 3))),
        I(r"-\frac{b^4}{a^2y^3}", const(-b ** 4 / (a ** 2 * Y ** 3))),
    ]))
    sf = R("s_folium", 1.1, 2.5)
    fol = Curve(6 * sf / (1 + sf ** 3), 6 * sf ** 2 / (1 + sf ** 3), sf)
    X, Y, Y1, Y2 = fol.x, fol.y, fol.y1, fol.y2
    ch.append(Chain("folium 2nd", [
        I(r"2x + 2y\,(y')^2 + y^2\,y''", const(2 * X + 2 * Y * Y1 ** 2 + Y ** 2 * Y2)),
        I(r"2y' + 2y' + 2x\,y''", const(2 * Y1 + 2 * Y1 + 2 * X * Y2)),
    ]))
    y2_33 = at_s(Y2, sf, 1)
    ch.append(Chain("folium at", [
        I(r"6 + 6 + 9\,y''", const(6 + 6 + 9 * y2_33)),
        I(r"-4 + 6\,y''", const(-4 + 6 * y2_33)),
    ]))
    ch.append(Chain("folium y''", [
        I(r"y''", const(y2_33)),
        I(r"-\frac{16}{3}", const(-Q(16, 3))),
    ]))
    hh = P("h_depth", 0.2, 12.0)
    ch.append(Chain("cone V", [
        I(r"V", const(sp.pi * hh ** 3 / 48)),
        I(r"\frac{\pi}{3}\Bigl(\frac{h}{4}\Bigr)^2 h", const(sp.pi / 3 * (hh / 4) ** 2 * hh)),
        I(r"\frac{\pi h^3}{48}", const(sp.pi * hh ** 3 / 48)),
    ], [DEF, "id"]))
    t = R("t", 0.0, 1.0)
    d0, d1, d2 = P("d_0", 0.5, 3.0), P("d_1", 0.1, 1.0), R("d_2", -0.2, 0.2)
    ht = d0 + d1 * t + d2 * t ** 2
    ch.append(Chain("cone dV", [
        I(r"\frac{dV}{dt}", const(sp.diff(sp.pi * ht ** 3 / 48, t))),
        I(r"\frac{\pi h^2}{16}\,\frac{dh}{dt}", const(sp.pi * ht ** 2 / 16 * sp.diff(ht, t))),
    ]))
    hv = sp.Symbol("_h", positive=True)
    tau = sp.Symbol("_tau", real=True)
    dhdt = 8 / sp.diff(sp.pi * hv ** 3 / 48, hv).subs(hv, 4)  # dV/dt = 8 at h = 4
    ch.append(Chain("cone instant", [
        I(r"8", const(8)),
        I(r"\frac{\pi\cdot 4^2}{16}\,\frac{dh}{dt}", const(sp.pi * 4 ** 2 / 16 * dhdt)),
        I(r"\pi\,\frac{dh}{dt}", const(sp.pi * dhdt)),
    ]))
    ch.append(Chain("cone dh", [
        I(r"\frac{dh}{dt}", const(dhdt)),
        I(r"\frac{8}{\pi}", const(8 / sp.pi)),
    ]))
    ch.append(Chain("cone dr", [
        I(r"\frac{dr}{dt}", const(sp.diff((4 + dhdt * tau) / 4, tau).subs(tau, 0))),  # r = h/4 along h = 4 + h'(0) tau
        I(r"\frac{1}{4}\,\frac{dh}{dt}", const(Q(1, 4) * dhdt)),
        I(r"\frac{2}{\pi}", const(2 / sp.pi)),
    ]))
    doc = Doc("implicit_differentiation_forum.md", ch)
    X, Y = ell.x, ell.y
    return with_plant(doc, r"= -\frac{b^2\,(a^2y^2 + b^2x^2)}{a^4y^3} =", r"= -\frac{b^2\,a^2y^2}{a^4y^3} =",
                      "ellipse y''", 3, I(r"-\frac{b^2\,a^2y^2}{a^4y^3}", const(-b ** 2 * a ** 2 * Y ** 2 / (a ** 4 * Y ** 3))),
                      "dropped term: + b^2 x^2 in the numerator a^2 y^2 + b^2 x^2 of the ellipse's second derivative")


# ===========================================================================
# family 5: hyperbolic and inverse hyperbolic functions
def hyperbolic_functions_textbook():
    x = R("x", -2.0, 2.0)
    xu = R("x_unit", -0.9, 0.9)
    a = P("a_cat", 0.5, 3.0)
    bb = P("b_half", 0.2, 3.0)
    e, em = sp.exp(x), sp.exp(-x)
    sh, co, ta = sp.sinh(x), sp.cosh(x), sp.tanh(x)
    ch = []
    ch.append(Chain("def sinh", [
        I(r"\sinh x", const(sh)),
        I(r"\frac{e^{x} - e^{-x}}{2}", const((e - em) / 2)),
    ], DEF))
    ch.append(Chain("def cosh", [
        I(r"\cosh x", const(co)),
        I(r"\frac{e^{x} + e^{-x}}{2}", const((e + em) / 2)),
    ], DEF))
    ch.append(Chain("identity", [
        I(r"\cosh^2 x - \sinh^2 x", const(co ** 2 - sh ** 2)),
        I(r"\frac{e^{2x} + 2 + e^{-2x}}{4} - \frac{e^{2x} - 2 + e^{-2x}}{4}", const((sp.exp(2 * x) + 2 + sp.exp(-2 * x)) / 4 - (sp.exp(2 * x) - 2 + sp.exp(-2 * x)) / 4)),
        I(r"\frac{4}{4}", const(Q(4, 4))),
        I(r"1", const(1)),
    ]))
    ch.append(Chain("d sinh", [
        I(r"\frac{d}{dx}\sinh x", const(sp.diff(sh, x))),
        I(r"\frac{e^{x} + e^{-x}}{2}", const((e + em) / 2)),
        I(r"\cosh x", const(co)),
    ]))
    ch.append(Chain("d cosh", [
        I(r"\frac{d}{dx}\cosh x", const(sp.diff(co, x))),
        I(r"\frac{e^{x} - e^{-x}}{2}", const((e - em) / 2)),
        I(r"\sinh x", const(sh)),
    ]))
    ch.append(Chain("d tanh", [
        I(r"\frac{d}{dx}\tanh x", const(sp.diff(ta, x))),
        I(r"\frac{d}{dx}\,\frac{\sinh x}{\cosh x}", const(sp.diff(sh / co, x))),
        I(r"\frac{\cosh x\cosh x - \sinh x\sinh x}{\cosh^2 x}", const((co * co - sh * sh) / co ** 2)),
        I(r"\frac{1}{\cosh^2 x}", const(1 / co ** 2)),
        I(r"\sech^2 x", const(sp.sech(x) ** 2)),
        I(r"1 - \tanh^2 x", const(1 - ta ** 2)),
    ]))
    ch.append(Chain("d sech", [
        I(r"\frac{d}{dx}\sech x", const(sp.diff(sp.sech(x), x))),
        I(r"\frac{d}{dx}(\cosh x)^{-1}", const(sp.diff(co ** -1, x))),
        I(r"-(\cosh x)^{-2}\sinh x", const(-co ** -2 * sh)),
        I(r"-\frac{1}{\cosh x}\cdot\frac{\sinh x}{\cosh x}", const(-1 / co * (sh / co))),
        I(r"-\sech x\tanh x", const(-sp.sech(x) * ta)),
    ]))
    y = sp.asinh(x)
    ch.append(Chain("e^y", [
        I(r"e^{y} - e^{-y}", const(sp.exp(y) - sp.exp(-y))),
        I(r"2x", const(2 * x)),
    ]))
    ch.append(Chain("quadratic", [
        I(r"e^{2y} - 2x\,e^{y} - 1", const(sp.exp(2 * y) - 2 * x * sp.exp(y) - 1)),
        I(r"0", const(0)),
    ]))
    ch.append(Chain("root", [
        I(r"e^{y}", const(sp.exp(y))),
        I(r"x + \sqrt{x^2 + 1}", const(x + sp.sqrt(x ** 2 + 1))),
    ]))
    ch.append(Chain("arsinh", [
        I(r"\arsinh x", const(sp.asinh(x))),
        I(r"\ln\bigl(x + \sqrt{x^2 + 1}\bigr)", const(sp.log(x + sp.sqrt(x ** 2 + 1)))),
    ]))
    r = sp.sqrt(x ** 2 + 1)
    ch.append(Chain("d arsinh", [
        I(r"\frac{d}{dx}\ln\bigl(x + \sqrt{x^2 + 1}\bigr)", const(sp.diff(sp.log(x + r), x))),
        I(r"\frac{1}{x + \sqrt{x^2 + 1}}\Bigl(1 + \frac{x}{\sqrt{x^2 + 1}}\Bigr)", const(1 / (x + r) * (1 + x / r))),
        I(r"\frac{1}{x + \sqrt{x^2 + 1}}\cdot\frac{\sqrt{x^2 + 1} + x}{\sqrt{x^2 + 1}}", const(1 / (x + r) * ((r + x) / r))),
        I(r"\frac{1}{\sqrt{x^2 + 1}}", const(1 / r)),
    ]))
    ch.append(Chain("implicit", [
        I(r"\frac{dy}{dx}", const(sp.diff(sp.asinh(x), x))),
        I(r"\frac{1}{\cosh y}", const(1 / sp.cosh(y))),
        I(r"\frac{1}{\sqrt{1 + \sinh^2 y}}", const(1 / sp.sqrt(1 + sp.sinh(y) ** 2))),
        I(r"\frac{1}{\sqrt{1 + x^2}}", const(1 / sp.sqrt(1 + x ** 2))),
    ]))
    yt = sp.atanh(xu)
    ch.append(Chain("artanh 1", [
        I(r"\frac{e^{2y} - 1}{e^{2y} + 1}", const((sp.exp(2 * yt) - 1) / (sp.exp(2 * yt) + 1))),
        I(r"x", const(xu)),
    ]))
    ch.append(Chain("artanh 2", [
        I(r"e^{2y}", const(sp.exp(2 * yt))),
        I(r"\frac{1 + x}{1 - x}", const((1 + xu) / (1 - xu))),
    ]))
    ch.append(Chain("artanh 3", [
        I(r"\artanh x", const(sp.atanh(xu))),
        I(r"\frac{1}{2}\ln\frac{1 + x}{1 - x}", const(half * sp.log((1 + xu) / (1 - xu)))),
    ]))
    ch.append(Chain("d artanh", [
        I(r"\frac{d}{dx}\artanh x", const(sp.diff(sp.atanh(xu), xu))),
        I(r"\frac{1}{2}\Bigl(\frac{1}{1 + x} + \frac{1}{1 - x}\Bigr)", const(half * (1 / (1 + xu) + 1 / (1 - xu)))),
        I(r"\frac{1}{2}\cdot\frac{(1 - x) + (1 + x)}{1 - x^2}", const(half * ((1 - xu) + (1 + xu)) / (1 - xu ** 2))),
        I(r"\frac{1}{1 - x^2}", const(1 / (1 - xu ** 2))),
    ]))
    ycat = a * sp.cosh(x / a)
    ch.append(Chain("catenary", [
        I(r"\sqrt{1 + \Bigl(\frac{dy}{dx}\Bigr)^2}", const(sp.sqrt(1 + sp.diff(ycat, x) ** 2))),
        I(r"\sqrt{1 + \sinh^2\frac{x}{a}}", const(sp.sqrt(1 + sp.sinh(x / a) ** 2))),
        I(r"\cosh\frac{x}{a}", const(sp.cosh(x / a))),
    ]))
    xi = sp.Symbol("x_int", real=True)
    ch.append(Chain("length", [
        I(r"\int_{-b}^{b}\cosh\frac{x}{a}\,dx", const(sp.Integral(sp.cosh(xi / a), (xi, -bb, bb)))),
        I(r"\Bigl[a\sinh\frac{x}{a}\Bigr]_{-b}^{b}", const(a * sp.sinh(bb / a) - a * sp.sinh(-bb / a))),
        I(r"2a\sinh\frac{b}{a}", const(2 * a * sp.sinh(bb / a))),
    ]))
    doc = Doc("hyperbolic_functions_textbook.tex", ch)
    return with_plant(doc, r"= \frac{1}{2}\cdot\frac{(1 - x) + (1 + x)}{1 - x^2} =", r"= \frac{1}{2}\cdot\frac{(1 - x) - (1 + x)}{1 - x^2} =",
                      "d artanh", 2, I(r"\frac{1}{2}\cdot\frac{(1 - x) - (1 + x)}{1 - x^2}", const(half * ((1 - xu) - (1 + xu)) / (1 - xu ** 2))),
                      "sign: (1 - x) - (1 + x) for (1 - x) + (1 + x) when adding 1/(1 + x) + 1/(1 - x) over a common denominator")


def catenary_hyperbolic_cheatsheet():
    x = R("x", -2.0, 2.0)
    xu = R("x_unit", -0.9, 0.9)
    xg = P("x_gt1", 1.1, 4.0)
    a = P("a_cat", 0.5, 3.0)
    sh, co = sp.sinh(x), sp.cosh(x)
    ch = []
    ch.append(Chain("identity", [
        I(r"\cosh^2 x - \sinh^2 x", const(co ** 2 - sh ** 2)),
        I(r"(\cosh x - \sinh x)(\cosh x + \sinh x)", const((co - sh) * (co + sh))),
        I(r"e^{-x}\,e^{x}", const(sp.exp(-x) * sp.exp(x))),
        I(r"1", const(1)),
    ]))
    ch.append(Chain("sech", [
        I(r"\frac{d}{dx}\operatorname{sech} x", const(sp.diff(sp.sech(x), x))),
        I(r"-\frac{\sinh x}{\cosh^2 x}", const(-sh / co ** 2)),
        I(r"-\operatorname{sech} x\,\tanh x", const(-sp.sech(x) * sp.tanh(x))),
    ]))
    ch.append(Chain("asinh'", [
        I(r"\frac{d}{dx}\sinh^{-1}x", const(sp.diff(sp.asinh(x), x))),
        I(r"\frac{1}{\cosh\bigl(\sinh^{-1}x\bigr)}", const(1 / sp.cosh(sp.asinh(x)))),
        I(r"\frac{1}{\sqrt{1 + x^2}}", const(1 / sp.sqrt(1 + x ** 2))),
    ]))
    rg = sp.sqrt(xg ** 2 - 1)
    ch.append(Chain("acosh'", [
        I(r"\frac{d}{dx}\ln\bigl(x + \sqrt{x^2 - 1}\bigr)", const(sp.diff(sp.log(xg + rg), xg))),
        I(r"\frac{1 + \frac{x}{\sqrt{x^2 - 1}}}{x + \sqrt{x^2 - 1}}", const((1 + xg / rg) / (xg + rg))),
        I(r"\frac{1}{\sqrt{x^2 - 1}}", const(1 / rg)),
    ]))
    y = sp.atanh(xu)
    ch.append(Chain("atanh'", [
        I(r"\frac{d}{dx}\tanh^{-1}x", const(sp.diff(sp.atanh(xu), xu))),
        I(r"\frac{1}{\operatorname{sech}^2 y}", const(1 / sp.sech(y) ** 2)),
        I(r"\frac{1}{1 - \tanh^2 y}", const(1 / (1 - sp.tanh(y) ** 2))),
        I(r"\frac{1}{1 - x^2}", const(1 / (1 - xu ** 2))),
    ]))
    ycat = a * sp.cosh(x / a)
    yp = sp.diff(ycat, x)
    ch.append(Chain("cable", [
        I(r"y(x)", const(ycat)),
        I(r"a\cosh\frac{x}{a}", const(a * sp.cosh(x / a))),
    ], DEF))
    ch.append(Chain("1 + y'^2", [
        I(r"1 + (y')^2", const(1 + yp ** 2)),
        I(r"1 + \sinh^2\frac{x}{a}", const(1 + sp.sinh(x / a) ** 2)),
        I(r"\cosh^2\frac{x}{a}", const(sp.cosh(x / a) ** 2)),
    ]))
    ch.append(Chain("sqrt", [
        I(r"\sqrt{1 + (y')^2}", const(sp.sqrt(1 + yp ** 2))),
        I(r"\Bigl|\cosh\frac{x}{a}\Bigr|", const(sp.Abs(sp.cosh(x / a)))),
        I(r"\cosh\frac{x}{a}", const(sp.cosh(x / a))),
    ]))
    tv = sp.Symbol("t_int", real=True)
    ch.append(Chain("arc length", [
        I(r"s(x)", const(a * sp.sinh(x / a))),
        I(r"\int_0^x \sqrt{1 + y'(t)^2}\,dt", const(sp.Integral(sp.sqrt(1 + yp.subs(x, tv) ** 2), (tv, 0, x)))),
        I(r"\int_0^x \cosh\frac{t}{a}\,dt", const(sp.Integral(sp.cosh(tv / a), (tv, 0, x)))),
        I(r"a\sinh\frac{x}{a}", const(a * sp.sinh(x / a))),
    ], [DEF, "id", "id"]))
    ch.append(Chain("ode", [
        I(r"y''", const(sp.diff(ycat, x, 2))),
        I(r"\frac{1}{a}\cosh\frac{x}{a}", const(1 / a * sp.cosh(x / a))),
        I(r"\frac{1}{a}\sqrt{1 + (y')^2}", const(1 / a * sp.sqrt(1 + yp ** 2))),
    ]))
    sarc = a * sp.sinh(x / a)
    ch.append(Chain("y2 - s2", [
        I(r"y^2 - s^2", const(ycat ** 2 - sarc ** 2)),
        I(r"a^2\cosh^2\frac{x}{a} - a^2\sinh^2\frac{x}{a}", const(a ** 2 * sp.cosh(x / a) ** 2 - a ** 2 * sp.sinh(x / a) ** 2)),
        I(r"a^2", const(a ** 2)),
    ]))
    ch.append(Chain("x from s", [
        I(r"x", const(x)),
        I(r"a\sinh^{-1}\frac{s}{a}", const(a * sp.asinh(sarc / a))),
        I(r"a\ln\Bigl(\frac{s}{a} + \sqrt{\frac{s^2}{a^2} + 1}\Bigr)", const(a * sp.log(sarc / a + sp.sqrt(sarc ** 2 / a ** 2 + 1)))),
    ]))
    xi = sp.Symbol("x_int", real=True)
    ch.append(Chain("length", [
        I(r"\int_{-2}^{2} \cosh\frac{x}{2}\,dx", const(sp.Integral(sp.cosh(xi / 2), (xi, -2, 2)))),
        I(r"2\cdot 2\sinh\frac{2}{2}", const(2 * 2 * sp.sinh(Q(2, 2)))),
        I(r"4\sinh 1", const(4 * sp.sinh(1))),
    ]))
    y2 = lambda v: 2 * sp.cosh(sp.Integer(v) / 2)  # noqa: E731
    ch.append(Chain("sag", [
        I(r"y(2) - y(0)", const(y2(2) - y2(0))),
        I(r"2\cosh 1 - 2", const(2 * sp.cosh(1) - 2)),
        I(r"2(\cosh 1 - 1)", const(2 * (sp.cosh(1) - 1))),
    ]))
    doc = Doc("catenary_hyperbolic_cheatsheet.md", ch)
    return with_plant(doc, r"a^2\cosh^2\frac{x}{a} - a^2\sinh^2\frac{x}{a}", r"a^2\cosh^2\frac{x}{a} - a^2\sinh\frac{x}{a}",
                      "y2 - s2", 1, I(r"a^2\cosh^2\frac{x}{a} - a^2\sinh\frac{x}{a}", const(a ** 2 * sp.cosh(x / a) ** 2 - a ** 2 * sp.sinh(x / a))),
                      "wrong exponent: sinh(x/a) for sinh^2(x/a) (s^2 = a^2 sinh^2(x/a)) in y^2 - s^2")


# ===========================================================================
# family 6: maximum entropy, softmax and log-sum-exp
def maxent_lagrange_handout():
    lam = R("lambda", -1.5, 1.5)
    al = R("alpha", -2.0, 2.0)
    mu = R("mu", -1.0, 1.0)
    ln = sp.log
    NS = [{"n": n} for n in range(1, 5)]
    NJ = [{"n": n, "j": j} for n in range(1, 5) for j in range(1, n + 1)]
    NK = [{"n": n, "k": k} for n in range(1, 5) for k in range(1, n + 1)]

    def xs(c):
        return vec("x", c["n"], lo=-1.5, hi=1.5)

    def ps(c):
        return vec("p", c["n"], positive=True, lo=0.05, hi=1.0)

    def Z(c):
        return sum(sp.exp(lam * v) for v in xs(c))

    def gibbs(c):
        return [sp.exp(lam * v) / Z(c) for v in xs(c)]

    def Lag(c):
        p, x = ps(c), xs(c)
        n = c["n"]
        return -sum(p[k] * ln(p[k]) for k in range(n)) + al * (sum(p) - 1) + lam * (sum(p[k] * x[k] for k in range(n)) - mu)

    def Hgen(c):
        return -sum(v * ln(v) for v in ps(c))

    ch = []
    ch.append(Chain("H", [
        I(r"H(p)", Hgen),
        I(r"-\sum_{k=1}^{n} p_k\ln p_k", Hgen),
    ], DEF, NS))
    ch.append(Chain("Lagrangian", [
        I(r"\Lag(p, \alpha, \lambda)", Lag),
        I(r"-\sum_{k=1}^{n} p_k\ln p_k + \alpha\Bigl(\sum_{k=1}^{n} p_k - 1\Bigr) + \lambda\Bigl(\sum_{k=1}^{n} p_k x_k - \mu\Bigr)", Lag),
    ], DEF, NS))

    def pj(c):
        return ps(c)[c["j"] - 1]

    def xj(c):
        return xs(c)[c["j"] - 1]

    ch.append(Chain("dL/dp", [
        I(r"\frac{\partial \Lag}{\partial p_j}", lambda c: sp.diff(Lag(c), pj(c))),
        I(r"-\sum_{k=1}^{n}\delta_{kj}\,(\ln p_k + 1) + \alpha\sum_{k=1}^{n}\delta_{kj} + \lambda\sum_{k=1}^{n}\delta_{kj}\,x_k",
          lambda c: -sum(delta(k, c["j"]) * (ln(ps(c)[k - 1]) + 1) for k in range(1, c["n"] + 1))
          + al * sum(delta(k, c["j"]) for k in range(1, c["n"] + 1))
          + lam * sum(delta(k, c["j"]) * xs(c)[k - 1] for k in range(1, c["n"] + 1))),
        I(r"-\ln p_j - 1 + \alpha + \lambda x_j", lambda c: -ln(pj(c)) - 1 + al + lam * xj(c)),
    ], ctxs=NJ))
    ch.append(Chain("dL/dalpha", [
        I(r"\frac{\partial \Lag}{\partial \alpha}", lambda c: sp.diff(Lag(c), al)),
        I(r"\sum_{k=1}^{n} p_k - 1", lambda c: sum(ps(c)) - 1),
    ], ctxs=NS))
    ch.append(Chain("dL/dlambda", [
        I(r"\frac{\partial \Lag}{\partial \lambda}", lambda c: sp.diff(Lag(c), lam)),
        I(r"\sum_{k=1}^{n} p_k x_k - \mu", lambda c: sum(p * v for p, v in zip(ps(c), xs(c))) - mu),
    ], ctxs=NS))
    ch.append(Chain("dH", [
        I(r"\frac{\partial H}{\partial p_j}", lambda c: sp.diff(Hgen(c), pj(c))),
        I(r"-\ln p_j - 1", lambda c: -ln(pj(c)) - 1),
    ], ctxs=NJ))
    ch.append(Chain("gibbs", [
        I(r"p_k", lambda c: gibbs(c)[c["k"] - 1]),
        I(r"\frac{e^{\lambda x_k}}{Z(\lambda)}", lambda c: sp.exp(lam * xs(c)[c["k"] - 1]) / Z(c)),
    ], DEF, NK))
    ch.append(Chain("Z", [
        I(r"Z(\lambda)", Z),
        I(r"\sum_{j=1}^{n} e^{\lambda x_j}", lambda c: sum(sp.exp(lam * v) for v in xs(c))),
    ], DEF, NS))

    def alpha_star(c):
        return 1 - ln(Z(c))

    ch.append(Chain("stationary", [
        I(r"-\ln p_j - 1 + \alpha + \lambda x_j", lambda c: -ln(gibbs(c)[c["j"] - 1]) - 1 + alpha_star(c) + lam * xj(c)),
        I(r"-\bigl(\lambda x_j - \ln Z(\lambda)\bigr) - 1 + 1 - \ln Z(\lambda) + \lambda x_j",
          lambda c: -(lam * xj(c) - ln(Z(c))) - 1 + 1 - ln(Z(c)) + lam * xj(c)),
        I(r"0", const(0)),
    ], ctxs=NJ))

    def mean(c):
        return sum(v * p for v, p in zip(xs(c), gibbs(c)))

    def var(c):
        m = mean(c)
        return sum((v - m) ** 2 * p for v, p in zip(xs(c), gibbs(c)))

    ch.append(Chain("mean", [
        I(r"\frac{d}{d\lambda}\ln Z(\lambda)", lambda c: sp.diff(ln(Z(c)), lam)),
        I(r"\frac{Z'(\lambda)}{Z(\lambda)}", lambda c: sp.diff(Z(c), lam) / Z(c)),
        I(r"\frac{\sum_{k=1}^{n} x_k e^{\lambda x_k}}{\sum_{j=1}^{n} e^{\lambda x_j}}", lambda c: sum(v * sp.exp(lam * v) for v in xs(c)) / sum(sp.exp(lam * v) for v in xs(c))),
        I(r"\sum_{k=1}^{n} x_k\,p_k", mean),
        I(r"\mathbb{E}_p[X]", mean),
    ], ctxs=NS))
    ch.append(Chain("var", [
        I(r"\frac{d^2}{d\lambda^2}\ln Z(\lambda)", lambda c: sp.diff(ln(Z(c)), lam, 2)),
        I(r"\sum_{k=1}^{n} x_k^2\,p_k - \Bigl(\sum_{k=1}^{n} x_k\,p_k\Bigr)^2", lambda c: sum(v ** 2 * p for v, p in zip(xs(c), gibbs(c))) - mean(c) ** 2),
        I(r"\Var_p(X)", var),
    ], ctxs=NS))

    def Hg(c):
        return -sum(p * ln(p) for p in gibbs(c))

    ch.append(Chain("H at optimum", [
        I(r"H(p)", Hg),
        I(r"-\sum_{k=1}^{n} p_k\bigl(\lambda x_k - \ln Z(\lambda)\bigr)", lambda c: -sum(p * (lam * v - ln(Z(c))) for p, v in zip(gibbs(c), xs(c)))),
        I(r"\ln Z(\lambda) - \lambda\sum_{k=1}^{n} p_k x_k", lambda c: ln(Z(c)) - lam * sum(p * v for p, v in zip(gibbs(c), xs(c)))),
        I(r"\ln Z(\lambda) - \lambda\,\mathbb{E}_p[X]", lambda c: ln(Z(c)) - lam * mean(c)),
    ], ctxs=NS))
    ch.append(Chain("dH/dlambda", [
        I(r"\frac{d}{d\lambda}\Bigl(\ln Z(\lambda) - \lambda\,\mathbb{E}_p[X]\Bigr)", lambda c: sp.diff(ln(Z(c)) - lam * mean(c), lam)),
        I(r"\mathbb{E}_p[X] - \mathbb{E}_p[X] - \lambda\,\frac{d}{d\lambda}\mathbb{E}_p[X]", lambda c: mean(c) - mean(c) - lam * sp.diff(mean(c), lam)),
        I(r"-\lambda\Var_p(X)", lambda c: -lam * var(c)),
    ], ctxs=NS))
    l2 = sp.log(2)
    vals = [0, 1, 2]
    Zn = sum(sp.exp(l2 * v) for v in vals)
    pn = [sp.exp(l2 * v) / Zn for v in vals]
    ch.append(Chain("Z numbers", [
        I(r"Z(\ln 2)", const(Zn)),
        I(r"e^{0} + e^{\ln 2} + e^{2\ln 2}", const(sp.exp(0) + sp.exp(l2) + sp.exp(2 * l2))),
        I(r"1 + 2 + 4", const(1 + 2 + 4)),
        I(r"7", const(7)),
    ]))
    ch.append(Chain("mean numbers", [
        I(r"\mathbb{E}_p[X]", const(sum(v * p for v, p in zip(vals, pn)))),
        I(r"0\cdot\frac{1}{7} + 1\cdot\frac{2}{7} + 2\cdot\frac{4}{7}", const(0 * Q(1, 7) + 1 * Q(2, 7) + 2 * Q(4, 7))),
        I(r"\frac{10}{7}", const(Q(10, 7))),
    ]))
    ch.append(Chain("H numbers", [
        I(r"H(p)", const(-sum(p * sp.log(p) for p in pn))),
        I(r"\ln 7 - \frac{10}{7}\ln 2", const(sp.log(7) - Q(10, 7) * l2)),
    ]))
    doc = Doc("maxent_lagrange_handout.tex", ch)
    return with_plant(doc, r"= \ln Z(\lambda) - \lambda\sum_{k=1}^{n} p_k x_k =", r"= \ln Z(\lambda) - \mu\sum_{k=1}^{n} p_k x_k =",
                      "H at optimum", 2,
                      I(r"\ln Z(\lambda) - \mu\sum_{k=1}^{n} p_k x_k", lambda c: ln(Z(c)) - mean(c) * sum(p * v for p, v in zip(gibbs(c), xs(c)))),
                      "wrong variable: the target mean mu for the multiplier lambda in front of sum_k p_k x_k "
                      "(encoded with mu = E_p[X], the constraint at the optimum)")


def logsumexp_gibbs_blog():
    ln = sp.log
    KS = [{"K": K} for K in range(1, 5)]
    KI = [{"K": K, "i": i} for K in range(1, 5) for i in range(1, K + 1)]
    KIJ = [{"K": K, "i": i, "j": j} for K in range(1, 5) for i in range(1, K + 1) for j in range(1, K + 1)]
    KK = [{"K": K, "k": k} for K in range(1, 5) for k in range(1, K + 1)]
    cst = R("c_shift", -2.0, 2.0)
    beta = R("beta", -1.5, 1.5)
    lam0 = R("lambda_0", -2.0, 2.0)
    Ebar = R("E_bar", -1.0, 1.0)

    def zs(c):
        return vec("z", c["K"], lo=-2.0, hi=2.0)

    def LSE(v):
        return ln(sum(sp.exp(t) for t in v))

    def soft(v):
        S_ = sum(sp.exp(t) for t in v)
        return [sp.exp(t) / S_ for t in v]

    ch = []
    ch.append(Chain("LSE", [
        I(r"\operatorname{LSE}(z)", lambda c: LSE(zs(c))),
        I(r"\log\sum_{j=1}^{K} e^{z_j}", lambda c: ln(sum(sp.exp(t) for t in zs(c)))),
    ], DEF, KS))

    def zi(c):
        return zs(c)[c["i"] - 1]

    def Se(c):
        return sum(sp.exp(t) for t in zs(c))

    ch.append(Chain("grad", [
        I(r"\frac{\partial}{\partial z_i}\operatorname{LSE}(z)", lambda c: sp.diff(LSE(zs(c)), zi(c))),
        I(r"\frac{1}{\sum_{j} e^{z_j}}\cdot\frac{\partial}{\partial z_i}\sum_{j} e^{z_j}", lambda c: 1 / Se(c) * sp.diff(Se(c), zi(c))),
        I(r"\frac{e^{z_i}}{\sum_{j} e^{z_j}}", lambda c: sp.exp(zi(c)) / Se(c)),
        I(r"\operatorname{softmax}(z)_i", lambda c: soft(zs(c))[c["i"] - 1]),
    ], ctxs=KI))
    ch.append(Chain("shift", [
        I(r"\operatorname{LSE}(z + c\mathbf{1})", lambda c: LSE([t + cst for t in zs(c)])),
        I(r"\log\sum_{j} e^{z_j + c}", lambda c: ln(sum(sp.exp(t + cst) for t in zs(c)))),
        I(r"\log\Bigl(e^{c}\sum_{j} e^{z_j}\Bigr)", lambda c: ln(sp.exp(cst) * Se(c))),
        I(r"c + \operatorname{LSE}(z)", lambda c: cst + LSE(zs(c))),
    ], ctxs=KS))

    def pi(c):
        return soft(zs(c))[c["i"] - 1]

    def pj(c):
        return soft(zs(c))[c["j"] - 1]

    ch.append(Chain("jacobian", [
        I(r"\frac{\partial p_i}{\partial z_j}", lambda c: sp.diff(pi(c), zs(c)[c["j"] - 1])),
        I(r"\frac{\delta_{ij}\,e^{z_i}\sum_{k} e^{z_k} - e^{z_i}e^{z_j}}{\bigl(\sum_{k} e^{z_k}\bigr)^2}",
          lambda c: (delta(c["i"], c["j"]) * sp.exp(zi(c)) * Se(c) - sp.exp(zi(c)) * sp.exp(zs(c)[c["j"] - 1])) / Se(c) ** 2),
        I(r"\delta_{ij}\,p_i - p_i\,p_j", lambda c: delta(c["i"], c["j"]) * pi(c) - pi(c) * pj(c)),
        I(r"p_i(\delta_{ij} - p_j)", lambda c: pi(c) * (delta(c["i"], c["j"]) - pj(c))),
    ], ctxs=KIJ))
    ch.append(Chain("rows", [
        I(r"\sum_{j} \frac{\partial p_i}{\partial z_j}", lambda c: sum(sp.diff(pi(c), t) for t in zs(c))),
        I(r"p_i\Bigl(1 - \sum_{j} p_j\Bigr)", lambda c: pi(c) * (1 - sum(soft(zs(c))))),
        I(r"0", const(0)),
    ], ctxs=KI))

    def ps(c):
        return vec("p", c["K"], positive=True, lo=0.05, hi=1.0)

    def Es(c):
        return vec("E", c["K"], lo=-1.5, hi=1.5)

    def pk(c):
        return ps(c)[c["k"] - 1]

    def Hgen(c):
        return -sum(p * ln(p) for p in ps(c))

    ch.append(Chain("dH", [
        I(r"\frac{\partial H}{\partial p_k}", lambda c: sp.diff(Hgen(c), pk(c))),
        I(r"-\log p_k - 1", lambda c: -ln(pk(c)) - 1),
    ], ctxs=KK))

    def J(c):
        p, E = ps(c), Es(c)
        return -sum(v * ln(v) for v in p) - lam0 * (sum(p) - 1) - beta * (sum(a * b for a, b in zip(p, E)) - Ebar)

    ch.append(Chain("J", [
        I(r"J(p)", J),
        I(r"-\sum_{k} p_k\log p_k - \lambda_0\Bigl(\sum_{k} p_k - 1\Bigr) - \beta\Bigl(\sum_{k} p_k E_k - \bar E\Bigr)", J),
    ], DEF, KS))
    ch.append(Chain("dJ", [
        I(r"\frac{\partial J}{\partial p_k}", lambda c: sp.diff(J(c), pk(c))),
        I(r"-\log p_k - 1 - \lambda_0 - \beta E_k", lambda c: -ln(pk(c)) - 1 - lam0 - beta * Es(c)[c["k"] - 1]),
    ], ctxs=KK))

    def Z(c):
        return sum(sp.exp(-beta * e) for e in Es(c))

    def gibbs(c):
        return [sp.exp(-beta * e) / Z(c) for e in Es(c)]

    ch.append(Chain("gibbs", [
        I(r"p_k", lambda c: gibbs(c)[c["k"] - 1]),
        I(r"\frac{e^{-\beta E_k}}{Z(\beta)}", lambda c: sp.exp(-beta * Es(c)[c["k"] - 1]) / Z(c)),
    ], DEF, KK))
    ch.append(Chain("Z", [
        I(r"Z(\beta)", Z),
        I(r"\sum_{j} e^{-\beta E_j}", lambda c: sum(sp.exp(-beta * e) for e in Es(c))),
    ], DEF, KS))
    ch.append(Chain("logZ", [
        I(r"\log Z(\beta)", lambda c: ln(Z(c))),
        I(r"\operatorname{LSE}(-\beta E)", lambda c: LSE([-beta * e for e in Es(c)])),
    ], ctxs=KS))
    ch.append(Chain("grad H at gibbs", [
        I(r"-\log p_k - 1", lambda c: -ln(gibbs(c)[c["k"] - 1]) - 1),
        I(r"\beta E_k + \log Z(\beta) - 1", lambda c: beta * Es(c)[c["k"] - 1] + ln(Z(c)) - 1),
    ], ctxs=KK))

    def meanE(c):
        return sum(p * e for p, e in zip(gibbs(c), Es(c)))

    zz = sp.Symbol("_z", real=True)

    def chain_term(c):
        E = Es(c)
        Z_ = vec("zeta", c["K"])
        L = LSE(Z_)
        sub = {Z_[k]: -beta * E[k] for k in range(c["K"])}
        return sum(sp.diff(L, Z_[k]).subs(sub) * sp.diff(-beta * E[k], beta) for k in range(c["K"]))

    ch.append(Chain("dlogZ", [
        I(r"\frac{d}{d\beta}\log Z(\beta)", lambda c: sp.diff(ln(Z(c)), beta)),
        I(r"\sum_{k} \frac{\partial \operatorname{LSE}}{\partial z_k}\,\frac{d z_k}{d\beta}", chain_term),
        I(r"\sum_{k} p_k\,(-E_k)", lambda c: sum(p * (-e) for p, e in zip(gibbs(c), Es(c)))),
        I(r"-\langle E \rangle", lambda c: -meanE(c)),
    ], ctxs=KS))

    def Hg(c):
        return -sum(p * ln(p) for p in gibbs(c))

    ch.append(Chain("H", [
        I(r"H", Hg),
        I(r"-\sum_{k} p_k\log p_k", Hg),
        I(r"-\sum_{k} p_k\bigl(-\beta E_k - \log Z(\beta)\bigr)", lambda c: -sum(p * (-beta * e - ln(Z(c))) for p, e in zip(gibbs(c), Es(c)))),
        I(r"\beta\langle E \rangle + \log Z(\beta)", lambda c: beta * meanE(c) + ln(Z(c))),
    ], ctxs=KS))
    l2 = sp.log(2)
    En = [0, 1, 2]
    Zn = sum(sp.exp(-l2 * e) for e in En)
    pn = [sp.exp(-l2 * e) / Zn for e in En]
    ch.append(Chain("Z numbers", [
        I(r"Z(\log 2)", const(Zn)),
        I(r"1 + \frac{1}{2} + \frac{1}{4}", const(1 + Q(1, 2) + Q(1, 4))),
        I(r"\frac{7}{4}", const(Q(7, 4))),
    ]))
    ch.append(Chain("mean numbers", [
        I(r"\langle E \rangle", const(sum(p * e for p, e in zip(pn, En)))),
        I(r"0\cdot\frac{4}{7} + 1\cdot\frac{2}{7} + 2\cdot\frac{1}{7}", const(0 * Q(4, 7) + 1 * Q(2, 7) + 2 * Q(1, 7))),
        I(r"\frac{4}{7}", const(Q(4, 7))),
    ]))
    doc = Doc("logsumexp_gibbs_blog.md", ch)
    return with_plant(doc, r"= -\sum_{k} p_k\bigl(-\beta E_k - \log Z(\beta)\bigr) =", r"= -\sum_{k} p_k\bigl(-\beta E_k\bigr) =",
                      "H", 2, I(r"-\sum_{k} p_k\bigl(-\beta E_k\bigr)", lambda c: -sum(p * (-beta * e) for p, e in zip(gibbs(c), Es(c)))),
                      "dropped term: - log Z(beta) inside log p_k = -beta E_k - log Z(beta) in the entropy of the Gibbs distribution")


DOCS = [implicit_related_rates_worksheet, implicit_differentiation_forum, hyperbolic_functions_textbook,
        catenary_hyperbolic_cheatsheet, maxent_lagrange_handout, logsumexp_gibbs_blog]
