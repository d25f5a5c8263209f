"""Hand encodings of the corpus_ml10 documents of families 1-3 (checking solutions of ODEs;
multivariable calculus; maximum likelihood for Weibull, Pareto and Laplace distributions).

Every display is a chain of I(anchor, fn) items: `anchor` is the exact LaTeX of the expression in
the document and fn(ctx) its SymPy value in the context ctx. Links whose kind is "def" introduce a
name or state a hypothesis (counted as definitions in the manifest); all others assert an identity.
Derivatives are taken with sympy.diff of the underlying function, never copied from the document;
expectations and Fisher informations are encoded as quadratures against the stated density.
"""
import sympy as sp

from framework import Chain, Doc, with_plant  # noqa: F401
from helpers import (vec, I, const, R, P, rational)  # noqa: F401

DEF = "def"
half = sp.Rational(1, 2)
exp, log, sqrt = sp.exp, sp.log, sp.sqrt
cos, sin = sp.cos, sp.sin


def Q(a, b=1):
    return sp.Rational(a, b)


def diffat(f, var, at, n=1):
    """n-th derivative of the expression f in var, evaluated at var = at."""
    return sp.diff(f, var, n).subs(var, at)


def chain(label, items, kinds=None, ctxs=None):
    """Chain whose items are (anchor, value) pairs with values independent of the context."""
    return Chain(label, [I(a, const(v)) for a, v in items], kinds, ctxs)


# ===========================================================================
# family 1: checking that a function solves an ODE
def ode_solution_checks_lecture():
    t = R("t", -1.5, 1.5)
    s = sp.Symbol("s_int", real=True)
    y0 = R("y_0", -3.0, 3.0)
    k = P("k", 0.2, 2.0)
    ch = []
    yd = y0 * exp(-k * t)
    ch.append(chain("decay def", [("y(t)", yd), ("y_0 e^{-kt}", yd)], DEF))
    ch.append(chain("decay y'", [
        ("y'(t)", sp.diff(yd, t)),
        (r"\frac{d}{dt}\bigl(y_0 e^{-kt}\bigr)", sp.diff(y0 * exp(-k * t), t)),
        (r"y_0 e^{-kt}\cdot(-k)", y0 * exp(-k * t) * (-k)),
        (r"-k\,y(t)", -k * yd),
    ]))
    th = log(2) / k
    ch.append(chain("half-life", [
        (r"y(t_{1/2})", yd.subs(t, th)),
        (r"y_0 e^{-k\ln 2/k}", y0 * exp(-k * log(2) / k)),
        (r"y_0 e^{-\ln 2}", y0 * exp(-log(2))),
        (r"\frac{y_0}{2}", y0 / 2),
    ]))
    # logistic growth
    K = P("K", 2.0, 5.0)
    P0 = P("P_0", 0.3, 1.8)  # 0 < P_0 < K
    r = P("r", 0.2, 2.0)
    A = (K - P0) / P0
    E = exp(-r * t)
    Pt = K / (1 + A * exp(-r * t))
    ch.append(chain("logistic def", [("P(t)", Pt), (r"\frac{K}{1 + A e^{-rt}}", Pt)], DEF))
    ch.append(chain("A def", [("A", A), (r"\frac{K - P_0}{P_0}", A)], DEF))
    ch.append(chain("P'", [
        ("P'(t)", sp.diff(Pt, t)),
        (r"\frac{d}{dt}\,K\bigl(1 + AE\bigr)^{-1}", sp.diff(K * (1 + A * E) ** -1, t)),
        (r"-K\bigl(1 + AE\bigr)^{-2}\cdot A\,(-rE)", -K * (1 + A * E) ** -2 * A * (-r * E)),
        (r"\frac{rKAE}{(1 + AE)^2}", r * K * A * E / (1 + A * E) ** 2),
    ]))
    ch.append(chain("rhs", [
        (r"rP\Bigl(1 - \frac{P}{K}\Bigr)", r * Pt * (1 - Pt / K)),
        (r"\frac{rK}{1 + AE}\Bigl(1 - \frac{1}{1 + AE}\Bigr)", r * K / (1 + A * E) * (1 - 1 / (1 + A * E))),
        (r"\frac{rK}{1 + AE}\cdot\frac{AE}{1 + AE}", r * K / (1 + A * E) * (A * E / (1 + A * E))),
        (r"\frac{rKAE}{(1 + AE)^2}", r * K * A * E / (1 + A * E) ** 2),
    ]))
    ch.append(chain("P(0)", [
        ("P(0)", Pt.subs(t, 0)),
        (r"\frac{K}{1 + A}", K / (1 + A)),
        (r"\frac{K}{1 + \frac{K - P_0}{P_0}}", K / (1 + (K - P0) / P0)),
        (r"\frac{KP_0}{P_0 + K - P_0}", K * P0 / (P0 + K - P0)),
        ("P_0", P0),
    ]))
    # integrating factor; y is the solution of y' + 2ty = t with y(0) = y_0
    yl = half + (y0 - half) * exp(-t ** 2)
    yl1 = sp.diff(yl, t)
    ch.append(chain("mu", [
        (r"\mu(t)", exp(t ** 2)),
        (r"\exp\Bigl(\int_0^t 2s\,ds\Bigr)", exp(sp.Integral(2 * s, (s, 0, t)))),
        (r"e^{t^2}", exp(t ** 2)),
    ], [DEF, "id"]))
    ch.append(chain("exact derivative", [
        (r"\frac{d}{dt}\bigl(e^{t^2}y\bigr)", sp.diff(exp(t ** 2) * yl, t)),
        (r"e^{t^2}y' + 2t\,e^{t^2}y", exp(t ** 2) * yl1 + 2 * t * exp(t ** 2) * yl),
        (r"e^{t^2}\bigl(y' + 2t\,y\bigr)", exp(t ** 2) * (yl1 + 2 * t * yl)),
        (r"t\,e^{t^2}", t * exp(t ** 2)),
    ]))
    F = lambda u: half * exp(u ** 2)  # noqa: E731
    ch.append(chain("integrated", [
        (r"e^{t^2}y(t) - y_0", exp(t ** 2) * yl - y0),
        (r"\int_0^t s\,e^{s^2}\,ds", sp.Integral(s * exp(s ** 2), (s, 0, t))),
        (r"\Bigl[\tfrac12 e^{s^2}\Bigr]_0^t", F(t) - F(0)),
        (r"\frac{e^{t^2} - 1}{2}", (exp(t ** 2) - 1) / 2),
    ]))
    ch.append(chain("linear solution", [
        ("y(t)", yl),
        (r"y_0e^{-t^2} + \frac{1 - e^{-t^2}}{2}", y0 * exp(-t ** 2) + (1 - exp(-t ** 2)) / 2),
        (r"\frac12 + \Bigl(y_0 - \frac12\Bigr)e^{-t^2}", half + (y0 - half) * exp(-t ** 2)),
    ]))
    # harmonic oscillator
    C, D = R("C", -2.0, 2.0), R("D", -2.0, 2.0)
    w = P("omega", 0.5, 3.0)
    yo = C * cos(w * t) + D * sin(w * t)
    ch.append(chain("osc y'", [
        ("y'(t)", sp.diff(yo, t)),
        (r"-C\omega\sin\omega t + D\omega\cos\omega t", -C * w * sin(w * t) + D * w * cos(w * t)),
    ]))
    ch.append(chain("osc y''", [
        ("y''(t)", sp.diff(yo, t, 2)),
        (r"-C\omega^2\cos\omega t - D\omega^2\sin\omega t", -C * w ** 2 * cos(w * t) - D * w ** 2 * sin(w * t)),
        (r"-\omega^2\bigl(C\cos\omega t + D\sin\omega t\bigr)", -w ** 2 * (C * cos(w * t) + D * sin(w * t))),
        (r"-\omega^2\,y(t)", -w ** 2 * yo),
    ]))
    # numbers: K = 100, P_0 = 20, r = 0.5 (A = 4); y_0 = 80, k = 0.1
    rn = rational("0.5")
    Pn = 100 / (1 + 4 * exp(-rn * t))
    Pp0 = diffat(Pn, t, 0)
    ch.append(chain("P'(0) from the equation", [
        ("P'(0)", Pp0),
        (r"0.5\cdot 20\Bigl(1 - \frac{20}{100}\Bigr)", rn * 20 * (1 - Q(20, 100))),
        (r"10\cdot 0.8", 10 * rational("0.8")),
        ("8", 8),
    ]))
    ch.append(chain("P'(0) from the formula", [
        ("P'(0)", Pp0),
        (r"\frac{rKA}{(1 + A)^2}", rn * 100 * 4 / (1 + 4) ** 2),
        (r"\frac{0.5\cdot 100\cdot 4}{5^2}", rn * 100 * 4 / Q(5) ** 2),
        (r"\frac{200}{25}", Q(200, 25)),
        ("8", 8),
    ]))
    yn = 80 * exp(-rational("0.1") * t)
    ch.append(chain("y'(10)", [
        ("y'(10)", diffat(yn, t, 10)),
        (r"-0.1\cdot y(10)", -rational("0.1") * yn.subs(t, 10)),
        (r"-0.1\cdot 80\,e^{-1}", -rational("0.1") * 80 * exp(-1)),
        (r"-8e^{-1}", -8 * exp(-1)),
    ]))
    doc = Doc("ode_solution_checks_lecture.tex", ch)
    return with_plant(doc, r"= \frac{0.5\cdot 100\cdot 4}{5^2} =", r"= \frac{0.5\cdot 100\cdot 4}{4^2} =",
                      "P'(0) from the formula", 2,
                      I(r"\frac{0.5\cdot 100\cdot 4}{4^2}", const(rational("0.5") * 100 * 4 / Q(4) ** 2)),
                      "wrong constant: 4^2 for 5^2 = (1 + A)^2 in the numerical P'(0) of the logistic curve")


def ode_verification_forum():
    t = R("t", -1.5, 1.5)
    K = P("K", 2.0, 5.0)
    r = P("r", 0.2, 2.0)
    A = P("A", 0.2, 4.0)
    ch = []
    Pt = K / (1 + A * exp(-r * t))
    ch.append(chain("question", [("P(t)", Pt), (r"\frac{K}{1 + A e^{-rt}}", Pt)], DEF))
    Qt = 1 / Pt
    ch.append(chain("Q", [
        ("Q(t)", Qt),
        (r"\frac{1}{P(t)}", 1 / Pt),
        (r"\frac{1 + Ae^{-rt}}{K}", (1 + A * exp(-r * t)) / K),
        (r"\frac{1}{K} + \frac{A}{K}e^{-rt}", 1 / K + A / K * exp(-r * t)),
    ], [DEF, "id", "id"]))
    ch.append(chain("Q'", [
        ("Q'(t)", sp.diff(Qt, t)),
        (r"-\frac{rA}{K}e^{-rt}", -r * A / K * exp(-r * t)),
        (r"\frac{r}{K} - r\Bigl(\frac{1}{K} + \frac{A}{K}e^{-rt}\Bigr)", r / K - r * (1 / K + A / K * exp(-r * t))),
        (r"\frac{r}{K} - rQ(t)", r / K - r * Qt),
    ]))
    Qd = sp.diff(Qt, t)
    ch.append(chain("P'", [
        ("P'", sp.diff(Pt, t)),
        (r"-\frac{Q'}{Q^2}", -Qd / Qt ** 2),
        (r"-\frac{r/K - rQ}{Q^2}", -(r / K - r * Qt) / Qt ** 2),
        (r"\frac{r}{Q} - \frac{r}{KQ^2}", r / Qt - r / (K * Qt ** 2)),
        (r"rP - \frac{r}{K}P^2", r * Pt - r / K * Pt ** 2),
        (r"rP\Bigl(1 - \frac{P}{K}\Bigr)", r * Pt * (1 - Pt / K)),
    ]))
    P0 = P("P_0", 0.3, 1.8)
    ch.append(chain("A", [("A", K / P0 - 1), (r"\frac{K}{P_0} - 1", K / P0 - 1)], DEF))
    # amplitude-phase form: C = R cos(phi), D = R sin(phi)
    Ra = P("R_amp", 0.3, 3.0)
    phi = R("varphi", -3.0, 3.0)
    w = P("omega", 0.5, 3.0)
    Cc, Dd = Ra * cos(phi), Ra * sin(phi)
    ya = Ra * cos(w * t - phi)
    ch.append(chain("amplitude", [
        (r"R\cos(\omega t - \varphi)", ya),
        (r"R\cos\omega t\cos\varphi + R\sin\omega t\sin\varphi", Ra * cos(w * t) * cos(phi) + Ra * sin(w * t) * sin(phi)),
        (r"C\cos\omega t + D\sin\omega t", Cc * cos(w * t) + Dd * sin(w * t)),
    ]))
    ch.append(chain("y''", [
        ("y''", sp.diff(ya, t, 2)),
        (r"-R\omega^2\cos(\omega t - \varphi)", -Ra * w ** 2 * cos(w * t - phi)),
        (r"-\omega^2 y", -w ** 2 * ya),
    ]))
    # numbers: omega = 3, C = 1, D = 2, t = pi/6
    yn = cos(3 * t) + 2 * sin(3 * t)
    t6 = sp.pi / 6
    ch.append(chain("y(pi/6)", [
        (r"y\Bigl(\frac{\pi}{6}\Bigr)", yn.subs(t, t6)),
        (r"\cos\frac{\pi}{2} + 2\sin\frac{\pi}{2}", cos(sp.pi / 2) + 2 * sin(sp.pi / 2)),
        ("0 + 2", 2),
        ("2", 2),
    ]))
    ch.append(chain("y'(pi/6)", [
        (r"y'\Bigl(\frac{\pi}{6}\Bigr)", diffat(yn, t, t6)),
        (r"-3\sin\frac{\pi}{2} + 6\cos\frac{\pi}{2}", -3 * sin(sp.pi / 2) + 6 * cos(sp.pi / 2)),
        ("-3", -3),
    ]))
    ch.append(chain("y''(pi/6)", [
        (r"y''\Bigl(\frac{\pi}{6}\Bigr)", diffat(yn, t, t6, 2)),
        (r"-9\,y\Bigl(\frac{\pi}{6}\Bigr)", -9 * yn.subs(t, t6)),
        ("-18", -18),
    ]))
    # damped: y = e^{-t} cos 2t solves y'' + 2y' + 5y = 0
    e, c2, s2 = exp(-t), cos(2 * t), sin(2 * t)
    yd = e * c2
    ch.append(chain("damped y'", [
        ("y'", sp.diff(yd, t)),
        (r"-e^{-t}\cos 2t - 2e^{-t}\sin 2t", -e * c2 - 2 * e * s2),
        (r"-e^{-t}(\cos 2t + 2\sin 2t)", -e * (c2 + 2 * s2)),
    ]))
    ch.append(chain("damped y''", [
        ("y''", sp.diff(yd, t, 2)),
        (r"e^{-t}(\cos 2t + 2\sin 2t) - e^{-t}(-2\sin 2t + 4\cos 2t)", e * (c2 + 2 * s2) - e * (-2 * s2 + 4 * c2)),
        (r"e^{-t}(4\sin 2t - 3\cos 2t)", e * (4 * s2 - 3 * c2)),
    ]))
    ch.append(chain("damped sum", [
        (r"y'' + 2y' + 5y", sp.diff(yd, t, 2) + 2 * sp.diff(yd, t) + 5 * yd),
        (r"e^{-t}\bigl[(4\sin 2t - 3\cos 2t) - 2(\cos 2t + 2\sin 2t) + 5\cos 2t\bigr]",
         e * ((4 * s2 - 3 * c2) - 2 * (c2 + 2 * s2) + 5 * c2)),
        (r"e^{-t}\bigl[(4 - 4)\sin 2t + (-3 - 2 + 5)\cos 2t\bigr]", e * ((4 - 4) * s2 + (-3 - 2 + 5) * c2)),
        ("0", 0),
    ]))
    # logarithmic derivative, y_0 > 0
    y0 = P("y_0", 0.3, 3.0)
    k = P("k", 0.2, 2.0)
    ye = y0 * exp(-k * t)
    ch.append(chain("log derivative", [
        (r"\frac{y'}{y}", sp.diff(ye, t) / ye),
        (r"\frac{d}{dt}\ln y", sp.diff(log(ye), t)),
        (r"\frac{d}{dt}\bigl(\ln y_0 - kt\bigr)", sp.diff(log(y0) - k * t, t)),
        ("-k", -k),
    ]))
    # y' - y/t = t^2 on t > 0, y = t^3/2 + C t
    tp = P("t_pos", 0.2, 3.0)
    C = R("C", -2.0, 2.0)
    yl = tp ** 3 / 2 + C * tp
    yl1 = sp.diff(yl, tp)
    ch.append(chain("factor 1/t", [
        (r"\frac{d}{dt}\Bigl(\frac{y}{t}\Bigr)", sp.diff(yl / tp, tp)),
        (r"\frac{y'}{t} - \frac{y}{t^2}", yl1 / tp - yl / tp ** 2),
        (r"\frac{1}{t}\Bigl(y' - \frac{y}{t}\Bigr)", (yl1 - yl / tp) / tp),
        (r"\frac{1}{t}\cdot t^2", tp ** 2 / tp),
        ("t", tp),
    ]))
    ch.append(chain("brute force", [
        (r"y' - \frac{y}{t}", yl1 - yl / tp),
        (r"\frac{3t^2}{2} + C - \frac{t^2}{2} - C", 3 * tp ** 2 / 2 + C - tp ** 2 / 2 - C),
        ("t^2", tp ** 2),
    ]))
    doc = Doc("ode_verification_forum.md", ch)
    return with_plant(doc, r"y'' = e^{-t}(\cos 2t + 2\sin 2t) - e^{-t}(-2\sin 2t + 4\cos 2t) =",
                      r"y'' = e^{-t}(\cos 2t + 2\sin 2t) + e^{-t}(-2\sin 2t + 4\cos 2t) =",
                      "damped y''", 1,
                      I(r"e^{-t}(\cos 2t + 2\sin 2t) + e^{-t}(-2\sin 2t + 4\cos 2t)",
                        const(e * (c2 + 2 * s2) + e * (-2 * s2 + 4 * c2))),
                      "sign: + e^{-t}(-2 sin 2t + 4 cos 2t) for - e^{-t}(...) in y'' of the damped oscillator (product rule)")


# ===========================================================================
# family 2: multivariable calculus
def multivariable_critical_points_exam():
    x, y = R("x", -2.0, 2.0), R("y", -2.0, 2.0)
    M = sp.Matrix
    f = x ** 3 - 3 * x * y + y ** 3
    fx, fy = sp.diff(f, x), sp.diff(f, y)
    ch = []
    ch.append(chain("f_x", [("f_x", fx), (r"\pd{f}{x}", sp.diff(f, x)), ("3x^2 - 3y", 3 * x ** 2 - 3 * y)]))
    ch.append(chain("f_y", [("f_y", fy), (r"\pd{f}{y}", sp.diff(f, y)), ("3y^2 - 3x", 3 * y ** 2 - 3 * x)]))
    ch.append(chain("mixed", [
        ("f_{xy}", sp.diff(f, x, y)),
        (r"\pd{}{y}\bigl(3x^2 - 3y\bigr)", sp.diff(3 * x ** 2 - 3 * y, y)),
        ("-3", -3),
        (r"\pd{}{x}\bigl(3y^2 - 3x\bigr)", sp.diff(3 * y ** 2 - 3 * x, x)),
        ("f_{yx}", sp.diff(f, y, x)),
    ]))
    H = sp.hessian(f, (x, y))
    ch.append(chain("H", [
        ("H(x, y)", H),
        (r"\begin{pmatrix} f_{xx} & f_{xy} \\ f_{yx} & f_{yy} \end{pmatrix}",
         M([[sp.diff(f, x, 2), sp.diff(f, x, y)], [sp.diff(f, y, x), sp.diff(f, y, 2)]])),
        (r"\begin{pmatrix} 6x & -3 \\ -3 & 6y \end{pmatrix}", M([[6 * x, -3], [-3, 6 * y]])),
    ], [DEF, "id"]))
    Dxy = H.det()
    ch.append(chain("D", [
        ("D(x, y)", Dxy),
        (r"\det H(x, y)", H.det()),
        ("(6x)(6y) - (-3)^2", (6 * x) * (6 * y) - (-3) ** 2),
        ("36xy - 9", 36 * x * y - 9),
    ], [DEF, "id", "id"]))
    at00, at11 = {x: 0, y: 0}, {x: 1, y: 1}
    ch.append(chain("D(0,0)", [("D(0, 0)", Dxy.subs(at00)), ("-9", -9)]))
    ch.append(chain("D(1,1)", [("D(1, 1)", Dxy.subs(at11)), ("36 - 9", 36 - 9), ("27", 27)]))
    ch.append(chain("f_xx(1,1)", [("f_{xx}(1, 1)", sp.diff(f, x, 2).subs(at11)), ("6", 6)]))
    ch.append(chain("f(1,1)", [("f(1, 1)", f.subs(at11)), ("1 - 3 + 1", 1 - 3 + 1), ("-1", -1)]))
    # question 2
    g = x ** 2 * y + exp(x * y)
    grad = M([sp.diff(g, x), sp.diff(g, y)])
    at10 = {x: 1, y: 0}
    ch.append(chain("grad g", [
        (r"\nabla g(x, y)", grad),
        (r"\bigl(2xy + ye^{xy},\; x^2 + xe^{xy}\bigr)", M([2 * x * y + y * exp(x * y), x ** 2 + x * exp(x * y)])),
    ]))
    ch.append(chain("grad g(1,0)", [
        (r"\nabla g(1, 0)", grad.subs(at10)),
        (r"(0 + 0,\; 1 + 1)", M([0 + 0, 1 + 1])),
        ("(0, 2)", M([0, 2])),
    ]))
    sv = sp.Symbol("s_dir", real=True)
    u = M([Q(3, 5), Q(4, 5)])
    ch.append(chain("directional", [
        (r"D_{\mathbf{u}}g(1, 0)", diffat(g.subs({x: 1 + u[0] * sv, y: u[1] * sv}, simultaneous=True), sv, 0)),
        (r"\nabla g(1, 0)\cdot\mathbf{u}", grad.subs(at10).dot(u)),
        (r"0\cdot\frac{3}{5} + 2\cdot\frac{4}{5}", 0 * Q(3, 5) + 2 * Q(4, 5)),
        (r"\frac{8}{5}", Q(8, 5)),
    ]))
    # question 3: f = x^2 - y^2 in polar coordinates
    r, th = P("r", 0.3, 3.0), R("theta", -3.0, 3.0)
    X, Y = r * cos(th), r * sin(th)
    F = lambda a, b: a ** 2 - b ** 2  # noqa: E731
    Fp = F(X, Y)
    fx_, fy_ = 2 * X, -2 * Y  # f_x, f_y at (r cos theta, r sin theta)
    ch.append(chain("f_r", [
        (r"\pd{f}{r}", sp.diff(Fp, r)),
        (r"\pd{f}{x}\pd{x}{r} + \pd{f}{y}\pd{y}{r}", fx_ * sp.diff(X, r) + fy_ * sp.diff(Y, r)),
        (r"2x\cos\theta - 2y\sin\theta", 2 * X * cos(th) - 2 * Y * sin(th)),
        (r"2r\cos^2\theta - 2r\sin^2\theta", 2 * r * cos(th) ** 2 - 2 * r * sin(th) ** 2),
        (r"2r\cos 2\theta", 2 * r * cos(2 * th)),
    ]))
    ch.append(chain("f_theta", [
        (r"\pd{f}{\theta}", sp.diff(Fp, th)),
        (r"\pd{f}{x}\pd{x}{\theta} + \pd{f}{y}\pd{y}{\theta}", fx_ * sp.diff(X, th) + fy_ * sp.diff(Y, th)),
        (r"2x\,(-r\sin\theta) - 2y\,(r\cos\theta)", 2 * X * (-r * sin(th)) - 2 * Y * (r * cos(th))),
        (r"-2r^2\cos\theta\sin\theta - 2r^2\sin\theta\cos\theta",
         -2 * r ** 2 * cos(th) * sin(th) - 2 * r ** 2 * sin(th) * cos(th)),
        (r"-2r^2\sin 2\theta", -2 * r ** 2 * sin(2 * th)),
    ]))
    ch.append(chain("substituted", [
        (r"f(r\cos\theta, r\sin\theta)", Fp),
        (r"r^2\cos^2\theta - r^2\sin^2\theta", r ** 2 * cos(th) ** 2 - r ** 2 * sin(th) ** 2),
        (r"r^2\cos 2\theta", r ** 2 * cos(2 * th)),
    ]))
    pt = {r: 2, th: sp.pi / 6}
    ch.append(chain("f_r at point", [
        (r"\pd{f}{r}\Big|_{(2,\pi/6)}", sp.diff(Fp, r).subs(pt)),
        (r"2\cdot 2\cos\frac{\pi}{3}", 2 * 2 * cos(sp.pi / 3)),
        ("2", 2),
    ]))
    ch.append(chain("f_theta at point", [
        (r"\pd{f}{\theta}\Big|_{(2,\pi/6)}", sp.diff(Fp, th).subs(pt)),
        (r"-2\cdot 4\sin\frac{\pi}{3}", -2 * 4 * sin(sp.pi / 3)),
        (r"-4\sqrt{3}", -4 * sqrt(3)),
    ]))
    ch.append(chain("gradient length", [
        (r"\Bigl(\pd{f}{r}\Bigr)^2 + \frac{1}{r^2}\Bigl(\pd{f}{\theta}\Bigr)^2", sp.diff(Fp, r) ** 2 + sp.diff(Fp, th) ** 2 / r ** 2),
        (r"4r^2\cos^2 2\theta + 4r^2\sin^2 2\theta", 4 * r ** 2 * cos(2 * th) ** 2 + 4 * r ** 2 * sin(2 * th) ** 2),
        ("4r^2", 4 * r ** 2),
        ("4x^2 + 4y^2", 4 * X ** 2 + 4 * Y ** 2),
        ("f_x^2 + f_y^2", fx_ ** 2 + fy_ ** 2),
    ]))
    doc = Doc("multivariable_critical_points_exam.tex", ch)
    return with_plant(doc, r"= -2r^2\cos\theta\sin\theta - 2r^2\sin\theta\cos\theta =", r"= -2r^2\cos\theta\sin\theta =",
                      "f_theta", 3, I(r"-2r^2\cos\theta\sin\theta", const(-2 * r ** 2 * cos(th) * sin(th))),
                      "dropped term: - 2r^2 sin(theta) cos(theta) (the y-part of the chain rule) in df/dtheta")


def partial_derivatives_polar_study_notes():
    x, y = R("x", -2.0, 2.0), R("y", -2.0, 2.0)
    M = sp.Matrix
    f = x ** 4 + y ** 4 - 4 * x * y
    ch = []
    ch.append(chain("f_x", [("f_x", sp.diff(f, x)), ("4x^3 - 4y", 4 * x ** 3 - 4 * y)]))
    ch.append(chain("f_y", [("f_y", sp.diff(f, y)), ("4y^3 - 4x", 4 * y ** 3 - 4 * x)]))
    ch.append(chain("f_xx", [("f_{xx}", sp.diff(f, x, 2)), ("12x^2", 12 * x ** 2)]))
    ch.append(chain("f_yy", [("f_{yy}", sp.diff(f, y, 2)), ("12y^2", 12 * y ** 2)]))
    ch.append(chain("f_xy", [("f_{xy}", sp.diff(f, x, y)), ("f_{yx}", sp.diff(f, y, x)), ("-4", -4)]))
    Dxy = sp.hessian(f, (x, y)).det()
    ch.append(chain("D", [
        ("D", Dxy),
        (r"f_{xx}f_{yy} - f_{xy}^2", sp.diff(f, x, 2) * sp.diff(f, y, 2) - sp.diff(f, x, y) ** 2),
        ("144x^2y^2 - 16", 144 * x ** 2 * y ** 2 - 16),
    ], [DEF, "id"]))
    at11 = {x: 1, y: 1}
    ch.append(chain("D(0,0)", [("D(0, 0)", Dxy.subs({x: 0, y: 0})), ("-16", -16)]))
    ch.append(chain("D(1,1)", [("D(1, 1)", Dxy.subs(at11)), ("144 - 16", 144 - 16), ("128", 128)]))
    ch.append(chain("f_xx(1,1)", [("f_{xx}(1, 1)", sp.diff(f, x, 2).subs(at11)), ("12", 12)]))
    ch.append(chain("f(1,1)", [
        ("f(1, 1)", f.subs(at11)), ("1 + 1 - 4", 1 + 1 - 4), ("-2", -2), ("f(-1, -1)", f.subs({x: -1, y: -1})),
    ]))
    kf = x * sin(x * y)
    ch.append(chain("k_x", [("k_x", sp.diff(kf, x)), (r"\sin(xy) + xy\cos(xy)", sin(x * y) + x * y * cos(x * y))]))
    ch.append(chain("k_xy", [
        ("k_{xy}", sp.diff(kf, x, y)),
        (r"x\cos(xy) + x\cos(xy) - x^2y\sin(xy)", x * cos(x * y) + x * cos(x * y) - x ** 2 * y * sin(x * y)),
        (r"2x\cos(xy) - x^2y\sin(xy)", 2 * x * cos(x * y) - x ** 2 * y * sin(x * y)),
    ]))
    ch.append(chain("k_y", [("k_y", sp.diff(kf, y)), (r"x^2\cos(xy)", x ** 2 * cos(x * y))]))
    ch.append(chain("k_yx", [("k_{yx}", sp.diff(kf, y, x)), (r"2x\cos(xy) - x^2y\sin(xy)", 2 * x * cos(x * y) - x ** 2 * y * sin(x * y))]))
    grad = M([sp.diff(f, x), sp.diff(f, y)]).subs({x: 1, y: 2})
    ch.append(chain("grad f(1,2)", [
        (r"\nabla f(1, 2)", grad),
        (r"\bigl(4 - 8,\ 32 - 4\bigr)", M([4 - 8, 32 - 4])),
        ("(-4, 28)", M([-4, 28])),
    ]))
    sv = sp.Symbol("s_dir", real=True)
    ch.append(chain("directional", [
        (r"D_{\mathbf{u}} f(1, 2)", diffat(f.subs({x: 1 + sv / sqrt(2), y: 2 + sv / sqrt(2)}, simultaneous=True), sv, 0)),
        (r"\frac{-4 + 28}{\sqrt{2}}", (-4 + 28) / sqrt(2)),
        (r"\frac{24}{\sqrt{2}}", 24 / sqrt(2)),
        (r"12\sqrt{2}", 12 * sqrt(2)),
    ]))
    # polar coordinates, h = xy
    r, th = P("r", 0.3, 3.0), R("theta", -3.0, 3.0)
    X, Y = r * cos(th), r * sin(th)
    hp = X * Y
    hx, hy = Y, X  # h_x = y, h_y = x
    ch.append(chain("h_r", [
        (r"\frac{\partial h}{\partial r}", sp.diff(hp, r)),
        (r"y\cos\theta + x\sin\theta", Y * cos(th) + X * sin(th)),
        (r"2r\sin\theta\cos\theta", 2 * r * sin(th) * cos(th)),
        (r"r\sin 2\theta", r * sin(2 * th)),
    ]))
    ch.append(chain("h_theta", [
        (r"\frac{\partial h}{\partial \theta}", sp.diff(hp, th)),
        (r"\frac{\partial h}{\partial x}\frac{\partial x}{\partial \theta} + \frac{\partial h}{\partial y}\frac{\partial y}{\partial \theta}",
         hx * sp.diff(X, th) + hy * sp.diff(Y, th)),
        (r"y\,(-r\sin\theta) + x\,(r\cos\theta)", Y * (-r * sin(th)) + X * (r * cos(th))),
        (r"r^2(\cos^2\theta - \sin^2\theta)", r ** 2 * (cos(th) ** 2 - sin(th) ** 2)),
        (r"r^2\cos 2\theta", r ** 2 * cos(2 * th)),
    ]))
    ch.append(chain("h substituted", [
        ("h", hp),
        (r"r\cos\theta\cdot r\sin\theta", r * cos(th) * r * sin(th)),
        (r"\frac{r^2}{2}\sin 2\theta", r ** 2 / 2 * sin(2 * th)),
    ]))
    ch.append(chain("laplacian", [
        (r"\frac{\partial^2 h}{\partial r^2} + \frac{1}{r}\frac{\partial h}{\partial r} + \frac{1}{r^2}\frac{\partial^2 h}{\partial \theta^2}",
         sp.diff(hp, r, 2) + sp.diff(hp, r) / r + sp.diff(hp, th, 2) / r ** 2),
        (r"\sin 2\theta + \sin 2\theta - 2\sin 2\theta", sin(2 * th) + sin(2 * th) - 2 * sin(2 * th)),
        ("0", 0),
    ]))
    ch.append(chain("gradient length", [
        (r"\Bigl(\frac{\partial h}{\partial r}\Bigr)^2 + \frac{1}{r^2}\Bigl(\frac{\partial h}{\partial \theta}\Bigr)^2",
         sp.diff(hp, r) ** 2 + sp.diff(hp, th) ** 2 / r ** 2),
        (r"r^2\sin^2 2\theta + r^2\cos^2 2\theta", r ** 2 * sin(2 * th) ** 2 + r ** 2 * cos(2 * th) ** 2),
        ("r^2", r ** 2),
        ("x^2 + y^2", X ** 2 + Y ** 2),
        ("h_y^2 + h_x^2", hy ** 2 + hx ** 2),
    ]))
    doc = Doc("partial_derivatives_polar_study_notes.md", ch)
    return with_plant(doc, r"= y\,(-r\sin\theta) + x\,(r\cos\theta) =", r"= y\,(-r\sin\theta) + y\,(r\cos\theta) =",
                      "h_theta", 2, I(r"y\,(-r\sin\theta) + y\,(r\cos\theta)", const(Y * (-r * sin(th)) + Y * (r * cos(th)))),
                      "wrong variable: y for x (h_y = x) in front of dy/dtheta = r cos(theta) in dh/dtheta")


# ===========================================================================
# family 3: maximum likelihood for Pareto, Weibull and Laplace models
NS = [{"n": n} for n in range(1, 5)]
NINT = sp.Symbol("n", integer=True, positive=True)


def mle_weibull_pareto_appendix():
    ch = []
    # Pareto with known threshold x_m; data x_i = x_m w_i with w_i >= 1
    al = P("alpha", 0.3, 3.0)
    xm = P("x_m", 0.5, 2.0)

    def xs(c):
        return [xm * w for w in vec("w", c["n"], positive=True, lo=1.0, hi=4.0)]

    def fpar(v, a=al):
        return a * xm ** a / v ** (a + 1)

    # the density is checked at a free x = x_m + x_g >= x_m
    xg = P("x_g", 0.5, 2.0)
    ch.append(chain("pareto density", [("f(x; \\alpha)", fpar(xm + xg)), (r"\frac{\alpha x_m^{\alpha}}{x^{\alpha + 1}}", fpar(xm + xg))], DEF))

    def ellp(c, a=al):
        return sum(log(fpar(v, a)) for v in xs(c))

    ch.append(Chain("pareto ll", [
        I(r"\ell(\alpha)", ellp),
        I(r"\sum_{i=1}^{n}\bigl[\log\alpha + \alpha\log x_m - (\alpha + 1)\log x_i\bigr]",
          lambda c: sum(log(al) + al * log(xm) - (al + 1) * log(v) for v in xs(c))),
        I(r"n\log\alpha + n\alpha\log x_m - (\alpha + 1)\sum_{i=1}^{n}\log x_i",
          lambda c: c["n"] * log(al) + c["n"] * al * log(xm) - (al + 1) * sum(log(v) for v in xs(c))),
    ], [DEF, "id"], NS))
    ch.append(Chain("pareto score", [
        I(r"\ell'(\alpha)", lambda c: sp.diff(ellp(c), al)),
        I(r"\frac{n}{\alpha} + n\log x_m - \sum_{i=1}^{n}\log x_i", lambda c: c["n"] / al + c["n"] * log(xm) - sum(log(v) for v in xs(c))),
        I(r"\frac{n}{\alpha} - \sum_{i=1}^{n}\log\frac{x_i}{x_m}", lambda c: c["n"] / al - sum(log(v / xm) for v in xs(c))),
    ], ctxs=NS))
    ch.append(Chain("pareto curvature", [
        I(r"\ell''(\alpha)", lambda c: sp.diff(ellp(c), al, 2)),
        I(r"-\frac{n}{\alpha^2}", lambda c: -c["n"] / al ** 2),
    ], ctxs=NS))
    ch.append(Chain("pareto mle", [
        I(r"\hat\alpha", lambda c: c["n"] / sum(log(v / xm) for v in xs(c))),
        I(r"\frac{n}{\sum_{i=1}^{n}\log(x_i/x_m)}", lambda c: c["n"] / sum(log(v / xm) for v in xs(c))),
    ], DEF, NS))
    xi = sp.Symbol("x_int", positive=True)
    Elog = sp.Integral(log(xi / xm) * fpar(xi), (xi, xm, sp.oo))
    ch.append(chain("E log", [
        (r"\E\Bigl[\log\frac{X}{x_m}\Bigr]", Elog),
        (r"\int_{x_m}^{\infty}\log\frac{x}{x_m}\,\frac{\alpha x_m^{\alpha}}{x^{\alpha + 1}}\,dx", Elog),
        (r"\frac{1}{\alpha}", 1 / al),
    ]))
    # Weibull with known shape k
    k = P("k", 0.8, 3.0)
    lam = P("lambda", 0.5, 3.0)

    def fw(v, l=lam):
        return k / l * (v / l) ** (k - 1) * exp(-(v / l) ** k)

    ch.append(chain("weibull density", [("f(x; \\lambda)", fw(xg)),
                                        (r"\frac{k}{\lambda}\Bigl(\frac{x}{\lambda}\Bigr)^{k-1}\exp\Bigl(-\Bigl(\frac{x}{\lambda}\Bigr)^{k}\Bigr)", fw(xg))], DEF))

    def wx(c):
        return vec("x", c["n"], positive=True, lo=0.2, hi=3.0)

    def Sk(c):
        return sum(v ** k for v in wx(c))

    def ellw(c, l=lam):
        return sum(log(fw(v, l)) for v in wx(c))

    ch.append(Chain("weibull ll", [
        I(r"\ell(\lambda)", ellw),
        I(r"\sum_{i=1}^{n}\log f(x_i; \lambda)", ellw),
        I(r"\sum_{i=1}^{n}\Bigl[\log k - k\log\lambda + (k - 1)\log x_i - \Bigl(\frac{x_i}{\lambda}\Bigr)^{k}\Bigr]",
          lambda c: sum(log(k) - k * log(lam) + (k - 1) * log(v) - (v / lam) ** k for v in wx(c))),
        I(r"n\log k - nk\log\lambda + (k - 1)\sum_{i=1}^{n}\log x_i - \lambda^{-k}S_k",
          lambda c: c["n"] * log(k) - c["n"] * k * log(lam) + (k - 1) * sum(log(v) for v in wx(c)) - lam ** (-k) * Sk(c)),
    ], [DEF, "id", "id"], NS))
    ch.append(Chain("weibull score", [
        I(r"\ell'(\lambda)", lambda c: sp.diff(ellw(c), lam)),
        I(r"-\frac{nk}{\lambda} + k\lambda^{-k-1}S_k", lambda c: -c["n"] * k / lam + k * lam ** (-k - 1) * Sk(c)),
        I(r"\frac{k}{\lambda}\bigl(\lambda^{-k}S_k - n\bigr)", lambda c: k / lam * (lam ** (-k) * Sk(c) - c["n"])),
    ], ctxs=NS))

    def lhat(c):
        return (Sk(c) / c["n"]) ** (1 / k)

    ch.append(Chain("weibull mle", [
        I(r"\hat\lambda", lhat),
        I(r"\Bigl(\frac{1}{n}\sum_{i=1}^{n}x_i^{k}\Bigr)^{1/k}", lambda c: (sum(v ** k for v in wx(c)) / c["n"]) ** (1 / k)),
    ], DEF, NS))
    ch.append(Chain("weibull curvature", [
        I(r"\ell''(\lambda)", lambda c: sp.diff(ellw(c), lam, 2)),
        I(r"\frac{nk}{\lambda^2} - k(k + 1)\lambda^{-k-2}S_k", lambda c: c["n"] * k / lam ** 2 - k * (k + 1) * lam ** (-k - 2) * Sk(c)),
    ], ctxs=NS))
    ch.append(Chain("curvature at mle", [
        I(r"\ell''(\hat\lambda)", lambda c: sp.diff(ellw(c), lam, 2).subs(lam, lhat(c))),
        I(r"\frac{nk}{\hat\lambda^2} - k(k + 1)\hat\lambda^{-k-2}\,n\hat\lambda^{k}",
          lambda c: c["n"] * k / lhat(c) ** 2 - k * (k + 1) * lhat(c) ** (-k - 2) * c["n"] * lhat(c) ** k),
        I(r"\frac{nk - nk(k + 1)}{\hat\lambda^2}", lambda c: (c["n"] * k - c["n"] * k * (k + 1)) / lhat(c) ** 2),
        I(r"-\frac{nk^2}{\hat\lambda^2}", lambda c: -c["n"] * k ** 2 / lhat(c) ** 2),
    ], ctxs=NS))
    u = sp.Symbol("u_int", positive=True)
    EXk = sp.Integral(xi ** k * fw(xi), (xi, 0, sp.oo))
    ch.append(chain("E X^k", [
        (r"\E\bigl[X^k\bigr]", EXk),
        (r"\int_0^\infty x^k\,\frac{k}{\lambda}\Bigl(\frac{x}{\lambda}\Bigr)^{k-1}e^{-(x/\lambda)^k}\,dx", EXk),
        (r"\lambda^k\int_0^\infty u\,e^{-u}\,du", lam ** k * sp.Integral(u * exp(-u), (u, 0, sp.oo))),
        (r"\lambda^k", lam ** k),
    ]))
    d2 = sp.diff(log(fw(xi)), lam, 2)
    info = -NINT * sp.Integral(d2 * fw(xi), (xi, 0, sp.oo))
    ch.append(chain("weibull information", [
        (r"\Fish(\lambda)", info),
        (r"-\E\bigl[\ell''(\lambda)\bigr]", info),
        (r"-\frac{nk}{\lambda^2} + k(k + 1)\lambda^{-k-2}\,n\lambda^{k}", -NINT * k / lam ** 2 + k * (k + 1) * lam ** (-k - 2) * NINT * lam ** k),
        (r"\frac{nk^2}{\lambda^2}", NINT * k ** 2 / lam ** 2),
    ]))
    # numbers
    data = [1, 2, 3, 2]
    lh = (sp.Add(*[Q(v) ** 2 for v in data]) / 4) ** half
    ch.append(chain("lambda-hat numbers", [
        (r"\hat\lambda", lh),
        (r"\Bigl(\frac{1^2 + 2^2 + 3^2 + 2^2}{4}\Bigr)^{1/2}", ((Q(1) + 4 + 9 + 4) / 4) ** half),
        (r"\sqrt{\frac{18}{4}}", sqrt(Q(18, 4))),
        (r"\frac{3}{\sqrt{2}}", 3 / sqrt(2)),
    ]))
    ch.append(chain("information numbers", [
        (r"\Fish(\hat\lambda)", 4 * 2 ** 2 / lh ** 2),
        (r"\frac{4\cdot 2^2}{9/2}", 4 * 2 ** 2 / Q(9, 2)),
        (r"\frac{32}{9}", Q(32, 9)),
    ]))
    ah = 3 / sp.Add(*[log(Q(v) / 1) for v in (2, 4, 8)])
    ch.append(chain("alpha-hat numbers", [
        (r"\hat\alpha", ah),
        (r"\frac{3}{\log 2 + \log 4 + \log 8}", 3 / (log(2) + log(4) + log(8))),
        (r"\frac{3}{6\log 2}", 3 / (6 * log(2))),
        (r"\frac{1}{2\log 2}", 1 / (2 * log(2))),
    ]))
    doc = Doc("mle_weibull_pareto_appendix.tex", ch)

    def wrong(c):
        return c["n"] * k / lhat(c) ** 2 - k * (k + 1) * lhat(c) ** (-k - 1) * c["n"] * lhat(c) ** k
    return with_plant(doc, r"= \frac{nk}{\hat\lambda^2} - k(k + 1)\hat\lambda^{-k-2}\,n\hat\lambda^{k} =",
                      r"= \frac{nk}{\hat\lambda^2} - k(k + 1)\hat\lambda^{-k-1}\,n\hat\lambda^{k} =",
                      "curvature at mle", 1, I(r"\frac{nk}{\hat\lambda^2} - k(k + 1)\hat\lambda^{-k-1}\,n\hat\lambda^{k}", wrong),
                      "wrong exponent: hat-lambda^{-k-1} for hat-lambda^{-k-2} in the Weibull curvature at the MLE")


def mle_laplace_weibull_notebook():
    ch = []
    th = P("theta", 0.3, 3.0)
    xg = P("x_g", 0.1, 3.0)
    xi = sp.Symbol("x_int", positive=True)

    def fw(v, t=th):
        return 2 * v / t * exp(-v ** 2 / t)

    ch.append(chain("weibull density", [(r"f(x \mid \theta)", fw(xg)), (r"\frac{2x}{\theta}e^{-x^2/\theta}", fw(xg))], DEF))

    def xs(c):
        return vec("x", c["n"], positive=True, lo=0.2, hi=3.0)

    def ell(c):
        return sum(log(fw(v)) for v in xs(c))

    def sq(c):
        return sum(v ** 2 for v in xs(c))

    ch.append(Chain("weibull ll", [
        I(r"\ell(\theta)", ell),
        I(r"n\log 2 + \sum_{i=1}^{n}\log x_i - n\log\theta - \frac{1}{\theta}\sum_{i=1}^{n}x_i^2",
          lambda c: c["n"] * log(2) + sum(log(v) for v in xs(c)) - c["n"] * log(th) - sq(c) / th),
    ], DEF, NS))
    ch.append(Chain("weibull score", [
        I(r"\ell'(\theta)", lambda c: sp.diff(ell(c), th)),
        I(r"-\frac{n}{\theta} + \frac{1}{\theta^2}\sum_{i=1}^{n}x_i^2", lambda c: -c["n"] / th + sq(c) / th ** 2),
    ], ctxs=NS))
    ch.append(Chain("theta-hat", [
        I(r"\hat\theta", lambda c: sq(c) / c["n"]),
        I(r"\frac{1}{n}\sum_{i=1}^{n}x_i^2", lambda c: sq(c) / c["n"]),
    ], DEF, NS))
    # the MLE of the scale of a Weibull with shape k = 2: (sum x_i^k / n)^(1/k)
    ch.append(Chain("lambda-hat", [
        I(r"\hat\lambda", lambda c: (sum(v ** 2 for v in xs(c)) / c["n"]) ** half),
        I(r"\sqrt{\hat\theta}", lambda c: sqrt(sq(c) / c["n"])),
        I(r"\sqrt{\frac{1}{n}\sum_{i=1}^{n}x_i^2}", lambda c: sqrt(sq(c) / c["n"])),
    ], ctxs=NS))
    EX2 = sp.Integral(xi ** 2 * fw(xi), (xi, 0, sp.oo))
    ch.append(chain("E X^2", [
        (r"\mathbb{E}[X^2]", EX2),
        (r"\int_0^\infty x^2\,\frac{2x}{\theta}e^{-x^2/\theta}\,dx", EX2),
        (r"\theta", th),
    ]))
    info = -NINT * sp.Integral(sp.diff(log(fw(xi)), th, 2) * fw(xi), (xi, 0, sp.oo))
    ch.append(chain("weibull information", [
        (r"\mathcal{I}(\theta)", info),
        (r"-\mathbb{E}[\ell''(\theta)]", info),
        (r"-\frac{n}{\theta^2} + \frac{2}{\theta^3}\,n\,\mathbb{E}[X^2]", -NINT / th ** 2 + 2 / th ** 3 * NINT * EX2),
        (r"-\frac{n}{\theta^2} + \frac{2n\theta}{\theta^3}", -NINT / th ** 2 + 2 * NINT * th / th ** 3),
        (r"\frac{n}{\theta^2}", NINT / th ** 2),
    ]))
    data = [rational(v) for v in ("0.5", "1.5", "1.0", "2.0")]
    ch.append(chain("theta-hat numbers", [
        (r"\hat\theta", sp.Add(*[v ** 2 for v in data]) / 4),
        (r"\frac{0.25 + 2.25 + 1 + 4}{4}", (rational("0.25") + rational("2.25") + 1 + 4) / 4),
        (r"\frac{7.5}{4}", rational("7.5") / 4),
        ("1.875", rational("1.875")),
    ]))
    # Laplace
    mu = R("mu", -1.5, 1.5)
    b = P("b", 0.3, 3.0)
    xr = R("x_r", -3.0, 3.0)

    def fl(v, m=mu, s=b):
        return 1 / (2 * s) * exp(-sp.Abs(v - m) / s)

    ch.append(chain("laplace density", [(r"f(x \mid \mu, b)", fl(xr)),
                                        (r"\frac{1}{2b}\exp\Bigl(-\frac{|x - \mu|}{b}\Bigr)", fl(xr))], DEF))

    def ls(c):
        return vec("xl", c["n"], lo=-3.0, hi=3.0)

    def ellL(c):
        return sum(log(fl(v)) for v in ls(c))

    def sabs(c):
        return sum(sp.Abs(v - mu) for v in ls(c))

    ch.append(Chain("laplace ll", [
        I(r"\ell(\mu, b)", ellL),
        I(r"\sum_{i=1}^{n}\log f(x_i \mid \mu, b)", ellL),
        I(r"-n\log(2b) - \frac{1}{b}\sum_{i=1}^{n}|x_i - \mu|", lambda c: -c["n"] * log(2 * b) - sabs(c) / b),
    ], [DEF, "id"], NS))
    ch.append(Chain("dl/db", [
        I(r"\frac{\partial \ell}{\partial b}", lambda c: sp.diff(ellL(c), b)),
        I(r"-\frac{n}{b} + \frac{1}{b^2}\sum_{i=1}^{n}|x_i - \mu|", lambda c: -c["n"] / b + sabs(c) / b ** 2),
        I(r"\frac{1}{b^2}\Bigl(\sum_{i=1}^{n}|x_i - \mu| - nb\Bigr)", lambda c: (sabs(c) - c["n"] * b) / b ** 2),
    ], ctxs=NS))

    def bhat(c):
        return sabs(c) / c["n"]

    ch.append(Chain("b-hat", [
        I(r"\hat b", bhat),
        I(r"\frac{1}{n}\sum_{i=1}^{n}|x_i - \mu|", lambda c: sabs(c) / c["n"]),
    ], DEF, NS))
    ch.append(Chain("d2l/db2", [
        I(r"\frac{\partial^2 \ell}{\partial b^2}", lambda c: sp.diff(ellL(c), b, 2)),
        I(r"\frac{n}{b^2} - \frac{2}{b^3}\sum_{i=1}^{n}|x_i - \mu|", lambda c: c["n"] / b ** 2 - 2 / b ** 3 * sabs(c)),
    ], ctxs=NS))
    ch.append(Chain("curvature at b-hat", [
        I(r"\frac{\partial^2 \ell}{\partial b^2}\Big|_{b=\hat b}", lambda c: sp.diff(ellL(c), b, 2).subs(b, bhat(c))),
        I(r"\frac{n}{\hat b^2} - \frac{2n\hat b}{\hat b^3}", lambda c: c["n"] / bhat(c) ** 2 - 2 * c["n"] * bhat(c) / bhat(c) ** 3),
        I(r"-\frac{n}{\hat b^2}", lambda c: -c["n"] / bhat(c) ** 2),
    ], ctxs=NS))
    H = sp.Heaviside
    ch.append(Chain("dl/dmu", [
        I(r"\frac{\partial \ell}{\partial \mu}", lambda c: sp.diff(ellL(c), mu)),
        I(r"\frac{1}{b}\sum_{i=1}^{n}\operatorname{sign}(x_i - \mu)", lambda c: sum(sp.sign(v - mu) for v in ls(c)) / b),
        I(r"\frac{1}{b}\bigl(\#\{i : x_i > \mu\} - \#\{i : x_i < \mu\}\bigr)",
          lambda c: (sum(H(v - mu) for v in ls(c)) - sum(H(mu - v) for v in ls(c))) / b),
    ], ctxs=NS))
    u = sp.Symbol("u_int", positive=True)
    xx = sp.Symbol("x_line", real=True)

    def over_line(g):
        """an integral over the real line, split at the kink x = mu"""
        return sp.Integral(g, (xx, -sp.oo, mu)) + sp.Integral(g, (xx, mu, sp.oo))

    Eabs = over_line(sp.Abs(xx - mu) / (2 * b) * exp(-sp.Abs(xx - mu) / b))
    ch.append(chain("E|X - mu|", [
        (r"\mathbb{E}|X - \mu|", Eabs),
        (r"\int_{-\infty}^{\infty}\frac{|x - \mu|}{2b}e^{-|x - \mu|/b}\,dx", Eabs),
        (r"2\int_0^{\infty}\frac{u}{2b}e^{-u/b}\,du", 2 * sp.Integral(u / (2 * b) * exp(-u / b), (u, 0, sp.oo))),
        ("b", b),
    ]))
    d2 = sp.diff(log(fl(xx)), b, 2)
    infoL = -NINT * over_line(d2 * fl(xx))
    ch.append(chain("laplace information", [
        (r"\mathcal{I}(b)", infoL),
        (r"-\mathbb{E}\Bigl[\frac{\partial^2 \ell}{\partial b^2}\Bigr]", infoL),
        (r"-\frac{n}{b^2} + \frac{2}{b^3}\cdot nb", -NINT / b ** 2 + 2 / b ** 3 * NINT * b),
        (r"\frac{n}{b^2}", NINT / b ** 2),
    ]))
    xd = [rational(v) for v in ("1", "2.5", "4", "3", "0.5")]
    med = rational("2.5")
    ch.append(chain("b-hat numbers", [
        (r"\hat b", sp.Add(*[sp.Abs(v - med) for v in xd]) / 5),
        (r"\frac{|1 - 2.5| + |2.5 - 2.5| + |4 - 2.5| + |3 - 2.5| + |0.5 - 2.5|}{5}",
         (sp.Abs(1 - med) + sp.Abs(med - med) + sp.Abs(4 - med) + sp.Abs(3 - med) + sp.Abs(rational("0.5") - med)) / 5),
        (r"\frac{1.5 + 0 + 1.5 + 0.5 + 2}{5}", (rational("1.5") + 0 + rational("1.5") + rational("0.5") + 2) / 5),
        ("1.1", rational("1.1")),
    ]))
    doc = Doc("mle_laplace_weibull_notebook.md", ch)
    return with_plant(doc, r"= -\frac{n}{b^2} + \frac{2}{b^3}\cdot nb =", r"= -\frac{n}{b^2} + \frac{2}{b^3}\cdot b =",
                      "laplace information", 2, I(r"-\frac{n}{b^2} + \frac{2}{b^3}\cdot b", const(-NINT / b ** 2 + 2 / b ** 3 * b)),
                      "dropped factor: the sample size n in n E|X - mu| = nb in the Fisher information of the Laplace scale")


DOCS = [ode_solution_checks_lecture, ode_verification_forum,
        multivariable_critical_points_exam,
        partial_derivatives_polar_study_notes,
        mle_weibull_pareto_appendix,
        mle_laplace_weibull_notebook]
