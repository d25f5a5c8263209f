"""Encodings of documents 1-5 of corpus_ml18 (written from scratch for these documents).

Each function returns a Doc: every display of the document re-encoded by hand as chains of
(anchor, value) pairs. `anchor` is the exact LaTeX of one expression of the text; `value` is its
meaning in SymPy, a function of the context c. Unknown functions of the text (the loss l, the
activation g, the potential V, the normaliser Z, ...) are taken from the context: in the first
context they are sympy Functions (the link must then be proved exactly), in the others concrete
functions with random parameters (the link is judged numerically, and a planted slip is refuted).
Derivatives are always computed by sympy.diff of the function the text differentiates, never
copied from the text.
"""
import sympy as sp

from enc import DEF, Dp, Q, chain, cross, dfun, exp, funs, log, p, r, sig, sqrt, tanh, ufun
from framework import Doc, with_plant
from helpers import Curve

E1 = sp.E


def _I(anchor, value):
    """The `wrong` item of a planted slip, in the form chain() builds."""
    from enc import _fn
    return (anchor, _fn(value))


# ---------------------------------------------------------------------------
# 1. backprop_neuron_lecture.tex
def backprop_neuron_lecture():
    x, w, b = r("x"), r("w"), r("b")
    a1, a2 = p("a_1", 0.3, 1.2), p("a_2", 0.3, 1.2)
    ctxs = funs(dict(l=ufun("ell"), g=ufun("g")),
                dict(l=lambda u: sp.sin(u) + u ** 3, g=lambda u: tanh(a1 * u) + u / 3),
                dict(l=lambda u: exp(a2 * u) + u ** 2, g=lambda u: u ** 3 / 3 + sp.sin(u)))
    z = w * x + b

    def L(c):
        return c["l"](c["g"](z))

    def dl(c, n=1):
        return dfun(c["l"], c["g"](z), n)

    def dg(c, n=1):
        return dfun(c["g"], z, n)

    bracket = lambda c: dl(c, 2) * dg(c) ** 2 + dl(c) * dg(c, 2)  # noqa: E731
    middle_anchor = ("x\\Bigl[\\ell''\\bigl(g(z)\\bigr)\\,g'(z)\\cdot g'(z)\\,x "
                     "+ \\ell'\\bigl(g(z)\\bigr)\\,g''(z)\\,x\\Bigr]")
    # worked numbers: sigma, l(yhat) = (yhat - 1)^2 / 2, x = 2, w = b = 0
    lsq = lambda v: (v - 1) ** 2 / 2  # noqa: E731
    delta0 = dfun(lsq, sig(0)) * dfun(sig, 0)
    Lnum = lsq(sig(2 * w + b))
    dLdw0 = sp.diff(Lnum, w).subs({w: 0, b: 0})
    chains = [
        chain("lin-w", [
            ("\\frac{\\partial L}{\\partial w}", lambda c: sp.diff(c["l"](z), w)),
            ("\\ell'(y)\\,\\frac{\\partial y}{\\partial w}", lambda c: dfun(c["l"], z) * sp.diff(z, w)),
            ("\\ell'(wx + b)\\,x", lambda c: dfun(c["l"], z) * x)]),
        chain("lin-b", [
            ("\\frac{\\partial L}{\\partial b}", lambda c: sp.diff(c["l"](z), b)),
            ("\\ell'(wx + b)", lambda c: dfun(c["l"], z))]),
        chain("act-w", [
            ("\\frac{\\partial L}{\\partial w}", lambda c: sp.diff(L(c), w)),
            ("\\frac{d\\ell}{d\\hat y}\\,\\frac{d\\hat y}{dz}\\,\\frac{\\partial z}{\\partial w}",
             lambda c: dl(c) * dg(c) * sp.diff(z, w)),
            ("\\ell'\\bigl(g(z)\\bigr)\\,g'(z)\\,x", lambda c: dl(c) * dg(c) * x)]),
        chain("act-b", [
            ("\\frac{\\partial L}{\\partial b}", lambda c: sp.diff(L(c), b)),
            ("\\ell'\\bigl(g(z)\\bigr)\\,g'(z)", lambda c: dl(c) * dg(c))]),
        chain("hess-ww", [
            ("\\frac{\\partial^2 L}{\\partial w^2}", lambda c: sp.diff(L(c), w, 2)),
            ("\\frac{\\partial}{\\partial w}\\Bigl[\\ell'\\bigl(g(z)\\bigr)\\,g'(z)\\,x\\Bigr]",
             lambda c: sp.diff(dl(c) * dg(c) * x, w)),
            (middle_anchor, lambda c: x * (dl(c, 2) * dg(c) * dg(c) * x + dl(c) * dg(c, 2) * x)),
            ("x^2\\Bigl[\\ell''\\bigl(g(z)\\bigr)\\,g'(z)^2 + \\ell'\\bigl(g(z)\\bigr)\\,g''(z)\\Bigr]",
             lambda c: x ** 2 * bracket(c))]),
        chain("hess-wb", [
            ("\\frac{\\partial^2 L}{\\partial w\\,\\partial b}", lambda c: sp.diff(L(c), w, b)),
            ("x\\Bigl[\\ell''\\bigl(g(z)\\bigr)\\,g'(z)^2 + \\ell'\\bigl(g(z)\\bigr)\\,g''(z)\\Bigr]",
             lambda c: x * bracket(c))]),
        chain("num-delta", [
            ("\\delta", delta0),
            ("\\Bigl(\\frac12 - 1\\Bigr)\\cdot\\frac14", (Q(1, 2) - 1) * Q(1, 4)),
            ("-\\frac18", -Q(1, 8))]),
        chain("num-grad", [
            ("\\frac{\\partial L}{\\partial w}", dLdw0),
            ("\\delta x", delta0 * 2),
            ("-\\frac18\\cdot 2", -Q(1, 8) * 2),
            ("-\\frac14", -Q(1, 4))]),
    ]
    doc = Doc("backprop_neuron_lecture.tex", chains, ctxs)
    wrong_anchor = ("x\\Bigl[\\ell''\\bigl(g(z)\\bigr)\\,g'(z)\\,x "
                    "+ \\ell'\\bigl(g(z)\\bigr)\\,g''(z)\\,x\\Bigr]")
    return with_plant(
        doc, "g'(z)\\cdot g'(z)\\,x + ", "g'(z)\\,x + ", "hess-ww", 2,
        _I(wrong_anchor, lambda c: x * (dl(c, 2) * dg(c) * x + dl(c) * dg(c, 2) * x)),
        "wrong chain-rule factor: the product-rule term d/dw[l'(g(z))] g'(z) = l''(g(z)) g'(z) x g'(z) is written "
        "l''(g(z)) g'(z) x, one factor g'(z) (the derivative of the inner g) dropped")


# ---------------------------------------------------------------------------
# 2. two_layer_backprop_blog.md
def two_layer_backprop_blog():
    a3, a4 = p("a_3", 0.3, 1.2), p("a_4", 0.3, 1.2)
    fctx = funs(dict(l=ufun("ell"), g=ufun("g")),
                dict(l=lambda u: sp.sin(u) + u ** 3, g=lambda u: tanh(a3 * u) + u / 4),
                dict(l=lambda u: exp(a4 * u) + u ** 2 / 2, g=lambda u: sp.sin(u) + u ** 3 / 5))
    shapes = []
    for d, m in [(1, 1), (2, 2), (2, 3)]:
        for i in range(1, d + 1):
            for j in range(1, m + 1):
                shapes.append(dict(d=d, m=m, i=i, j=j))
    ctxs = cross(fctx, shapes)

    def net(c):
        d, m = c["d"], c["m"]
        xs = [r("x_%d" % k) for k in range(1, d + 1)]
        W = [[r("W_%d_%d" % (jj, ii)) for ii in range(1, d + 1)] for jj in range(1, m + 1)]
        bs = [r("b_%d" % jj) for jj in range(1, m + 1)]
        vs = [r("v_%d" % jj) for jj in range(1, m + 1)]
        cc = r("c")
        zs = [sum(W[jj][ii] * xs[ii] for ii in range(d)) + bs[jj] for jj in range(m)]
        g, l = c["g"], c["l"]
        yhat = sum(vs[jj] * g(zs[jj]) for jj in range(m)) + cc
        Zs = [sp.Dummy("Z%d" % jj, real=True) for jj in range(m)]
        Lz = l(sum(vs[jj] * g(Zs[jj]) for jj in range(m)) + cc)
        dLdz = [sp.diff(Lz, Zs[jj]).subs(dict(zip(Zs, zs)), simultaneous=True) for jj in range(m)]
        return dict(xs=xs, W=W, bs=bs, vs=vs, c=cc, zs=zs, yhat=yhat, L=l(yhat), delta=dfun(l, yhat),
                    dLdz=dLdz, g=g, i=c["i"] - 1, j=c["j"] - 1, m=m)

    def V(f):
        return lambda c: f(net(c))

    def dg(N, jj):
        return dfun(N["g"], N["zs"][jj])

    chains = [
        chain("z-def", [
            ("z_j", V(lambda N: N["zs"][N["j"]])),
            ("\\sum_{i=1}^{d} W_{ji}\\,x_i + b_j", V(lambda N: N["zs"][N["j"]]))], kinds=[DEF]),
        chain("h-def", [
            ("h_j", V(lambda N: N["g"](N["zs"][N["j"]]))),
            ("g(z_j)", V(lambda N: N["g"](N["zs"][N["j"]])))], kinds=[DEF]),
        chain("dv", [
            ("\\frac{\\partial L}{\\partial v_j}", V(lambda N: sp.diff(N["L"], N["vs"][N["j"]]))),
            ("\\frac{\\partial L}{\\partial \\hat y}\\,\\frac{\\partial \\hat y}{\\partial v_j}",
             V(lambda N: N["delta"] * sp.diff(N["yhat"], N["vs"][N["j"]]))),
            ("\\delta\\,h_j", V(lambda N: N["delta"] * N["g"](N["zs"][N["j"]]))),
            ("\\delta\\,g(z_j)", V(lambda N: N["delta"] * N["g"](N["zs"][N["j"]])))]),
        chain("dc", [
            ("\\frac{\\partial L}{\\partial c}", V(lambda N: sp.diff(N["L"], N["c"]))),
            ("\\delta", V(lambda N: N["delta"]))]),
        chain("dz", [
            ("\\frac{\\partial L}{\\partial z_j}", V(lambda N: N["dLdz"][N["j"]])),
            ("\\frac{\\partial L}{\\partial \\hat y}\\,\\frac{\\partial \\hat y}{\\partial h_j}\\,\\frac{d h_j}{d z_j}",
             V(lambda N: N["delta"] * N["vs"][N["j"]] * dg(N, N["j"]))),
            ("\\delta\\,v_j\\,g'(z_j)", V(lambda N: N["delta"] * N["vs"][N["j"]] * dg(N, N["j"])))]),
        chain("dW", [
            ("\\frac{\\partial L}{\\partial W_{ji}}", V(lambda N: sp.diff(N["L"], N["W"][N["j"]][N["i"]]))),
            ("\\frac{\\partial L}{\\partial z_j}\\,x_i", V(lambda N: N["dLdz"][N["j"]] * N["xs"][N["i"]])),
            ("\\delta\\,v_j\\,g'(z_j)\\,x_i",
             V(lambda N: N["delta"] * N["vs"][N["j"]] * dg(N, N["j"]) * N["xs"][N["i"]]))]),
        chain("dx", [
            ("\\frac{\\partial L}{\\partial x_i}", V(lambda N: sp.diff(N["L"], N["xs"][N["i"]]))),
            ("\\sum_{j=1}^{m}\\frac{\\partial L}{\\partial z_j}\\,\\frac{\\partial z_j}{\\partial x_i}",
             V(lambda N: sum(N["dLdz"][jj] * sp.diff(N["zs"][jj], N["xs"][N["i"]]) for jj in range(N["m"])))),
            ("\\sum_{j=1}^{m}\\delta\\,v_j\\,g'(z_j)\\,W_{ji}",
             V(lambda N: sum(N["delta"] * N["vs"][jj] * dg(N, jj) * N["W"][jj][N["i"]] for jj in range(N["m"])))),
            ("\\delta\\sum_{j=1}^{m}v_j\\,g'(z_j)\\,W_{ji}",
             V(lambda N: N["delta"] * sum(N["vs"][jj] * dg(N, jj) * N["W"][jj][N["i"]] for jj in range(N["m"]))))]),
        chain("tanh", [
            ("g'(z)", dfun(tanh, r("z"))),
            ("\\frac{d}{dz}\\tanh z", sp.diff(tanh(r("z")), r("z"))),
            ("1 - \\tanh^2 z", 1 - tanh(r("z")) ** 2)]),
    ]
    doc = Doc("two_layer_backprop_blog.md", chains, ctxs)
    return with_plant(
        doc, "\\sum_{j=1}^{m}\\delta\\,v_j\\,g'(z_j)\\,W_{ji} =", "\\sum_{j=1}^{m}\\delta\\,v_j\\,g'(z_j) =", "dx", 2,
        _I("\\sum_{j=1}^{m}\\delta\\,v_j\\,g'(z_j)",
           V(lambda N: sum(N["delta"] * N["vs"][jj] * dg(N, jj) for jj in range(N["m"])))),
        "wrong derivative of the unknown's argument: the factor dz_j/dx_i = W_ji is dropped, g'(z_j) written "
        "where g'(z_j) W_ji is needed, in the sum over hidden units for dL/dx_i")


# ---------------------------------------------------------------------------
# 3. implicit_differentiation_exam.tex
def _curve_ctx(F, xs, ys, s, generic=False):
    X, Y = sp.Symbol("X", real=True), sp.Symbol("Y", real=True)
    Fe = F(X, Y)
    cv = Curve(xs, ys, s)
    assert sp.simplify(F(xs, ys)) == 0, "the parametrisation must lie on the curve F = 0"
    at = {X: xs, Y: ys}

    def part(*vs):
        return sp.diff(Fe, *vs).subs(at, simultaneous=True)
    return dict(kind="curve", generic=generic, cv=cv, F=F,
                Fx=part(X), Fy=part(Y), Fxx=part(X, X), Fxy=part(X, Y), Fyy=part(Y, Y))


def implicit_differentiation_exam():
    s = p("s", 0.3, 1.5)
    phi = ufun("phi")
    curves = [
        _curve_ctx(lambda X, Y: X - phi(Y), phi(s), s, s, generic=True),
        _curve_ctx(lambda X, Y: X ** 2 + X * Y ** 2 - 2, (-s ** 2 + sqrt(s ** 4 + 8)) / 2, s, s),
        _curve_ctx(lambda X, Y: X * exp(Y) + Y ** 2 - 3, (3 - s ** 2) * exp(-s), s, s),
    ]
    # free contexts: y(x) any function, F any function of two variables (the chain rule itself)
    xx = r("x")
    b1 = p("b_1", 0.3, 1.2)
    free = [
        dict(kind="free", generic=True, F=sp.Function("F", real=True), yf=ufun("y")),
        dict(kind="free", generic=False, F=lambda X, Y: sp.sin(X) * Y + Y ** 3 + X ** 2, yf=lambda u: exp(b1 * u) + u),
        dict(kind="free", generic=False, F=lambda X, Y: exp(X * Y / 2) + X * Y ** 2, yf=lambda u: sp.cos(u) + u ** 2),
    ]

    def dFdx(c):
        if c["kind"] == "curve":
            cv = c["cv"]
            return cv.Dx(c["F"](cv.x, cv.y))
        return sp.diff(c["F"](xx, c["yf"](xx)), xx)

    def chainrule(c):
        if c["kind"] == "curve":
            return c["Fx"] + c["Fy"] * c["cv"].y1
        pt = (xx, c["yf"](xx))
        return Dp(c["F"], pt, 0) + Dp(c["F"], pt, 1) * sp.diff(c["yf"](xx), xx)

    # Problem 5: e^y + x y = e, parametrised by y = s
    sig_ = sp.Symbol("sigma_5", positive=True)
    cv5 = Curve((E1 - exp(sig_)) / sig_, sig_, sig_)
    y1_0 = sp.simplify(cv5.y1.subs(sig_, 1))
    y2_0 = sp.simplify(cv5.y2.subs(sig_, 1))
    assert sp.simplify(cv5.x.subs(sig_, 1)) == 0
    assert sp.simplify(exp(cv5.y) + cv5.x * cv5.y - E1) == 0
    # Problem 6: y + f(y) = x, parametrised by y = s
    f = ufun("f")
    c1 = p("c_1", 0.3, 1.2)
    inv = []
    for fn, gen in [(f, True), (lambda u: u ** 3 / 3 + sp.sin(u), False), (lambda u: exp(c1 * u) / 2, False)]:
        inv.append(dict(kind="inv", generic=gen, f=fn, cv=Curve(s + fn(s), s, s)))

    def fp(c, n=1):
        return dfun(c["f"], s, n)

    cv = lambda c: c["cv"]  # noqa: E731
    chains = [
        chain("first-a", [
            ("0", 0),
            ("\\frac{d}{dx}F\\bigl(x, y(x)\\bigr)", dFdx),
            ("F_x + F_y\\,y'", chainrule)],
            ctxs=curves + free, where={0: lambda c: c["kind"] == "curve"}),
        chain("first-b", [
            ("y'", lambda c: cv(c).y1),
            ("-\\frac{F_x}{F_y}", lambda c: -c["Fx"] / c["Fy"])], ctxs=curves),
        chain("second", [
            ("y''", lambda c: cv(c).y2),
            ("-\\frac{d}{dx}\\,\\frac{F_x}{F_y}", lambda c: -cv(c).Dx(c["Fx"] / c["Fy"])),
            ("-\\frac{\\bigl(F_{xx} + F_{xy}\\,y'\\bigr)F_y - F_x\\bigl(F_{xy} + F_{yy}\\,y'\\bigr)}{F_y^2}",
             lambda c: -((c["Fxx"] + c["Fxy"] * cv(c).y1) * c["Fy"] - c["Fx"] * (c["Fxy"] + c["Fyy"] * cv(c).y1)) / c["Fy"] ** 2),
            ("-\\frac{F_{xx}F_y^2 - 2F_{xy}F_xF_y + F_{yy}F_x^2}{F_y^3}",
             lambda c: -(c["Fxx"] * c["Fy"] ** 2 - 2 * c["Fxy"] * c["Fx"] * c["Fy"] + c["Fyy"] * c["Fx"] ** 2) / c["Fy"] ** 3)],
            ctxs=curves),
        chain("p5-y1", [
            ("y'(0)", y1_0),
            ("-\\frac{1}{e^{1} + 0}", -1 / (E1 ** 1 + 0)),
            ("-\\frac{1}{e}", -1 / E1)]),
        chain("p5-y2", [
            ("y''(0)", y2_0),
            ("-\\frac{0\\cdot e^2 - 2\\cdot 1\\cdot 1\\cdot e + e\\cdot 1^2}{e^3}",
             -(0 * E1 ** 2 - 2 * 1 * 1 * E1 + E1 * 1 ** 2) / E1 ** 3),
            ("\\frac{1}{e^2}", 1 / E1 ** 2)]),
        chain("inv1", [
            ("y'", lambda c: cv(c).y1),
            ("\\frac{1}{1 + f'(y)}", lambda c: 1 / (1 + fp(c)))], ctxs=inv),
        chain("inv2", [
            ("y''", lambda c: cv(c).y2),
            ("\\frac{d}{dx}\\bigl(1 + f'(y)\\bigr)^{-1}", lambda c: cv(c).Dx((1 + fp(c)) ** -1)),
            ("-\\frac{f''(y)\\,y'}{\\bigl(1 + f'(y)\\bigr)^2}", lambda c: -fp(c, 2) * cv(c).y1 / (1 + fp(c)) ** 2),
            ("-\\frac{f''(y)}{\\bigl(1 + f'(y)\\bigr)^3}", lambda c: -fp(c, 2) / (1 + fp(c)) ** 3)], ctxs=inv),
    ]
    doc = Doc("implicit_differentiation_exam.tex", chains, curves)
    return with_plant(
        doc, "- F_x\\bigl(F_{xy} + F_{yy}\\,y'\\bigr)}{F_y^2}", "+ F_x\\bigl(F_{xy} + F_{yy}\\,y'\\bigr)}{F_y^2}",
        "second", 2,
        _I("-\\frac{\\bigl(F_{xx} + F_{xy}\\,y'\\bigr)F_y + F_x\\bigl(F_{xy} + F_{yy}\\,y'\\bigr)}{F_y^2}",
           lambda c: -((c["Fxx"] + c["Fxy"] * cv(c).y1) * c["Fy"] + c["Fx"] * (c["Fxy"] + c["Fyy"] * cv(c).y1)) / c["Fy"] ** 2),
        "sign: the quotient rule's minus between (d/dx F_x) F_y and F_x (d/dx F_y) written as a plus")


# ---------------------------------------------------------------------------
# 4. exponential_family_cheatsheet.md
def exponential_family_cheatsheet():
    x, eta = r("x"), r("eta")
    a5, a6 = p("a_5", 0.3, 1.2), p("a_6", 0.3, 1.2)
    fctx = funs(dict(h=ufun("h", positive=True), T=ufun("T"), Z=ufun("Z", positive=True)),
                dict(h=lambda u: exp(-u ** 2 / 2) + a5, T=lambda u: u + sp.sin(u), Z=lambda e: exp(e ** 2 / 2) + 1),
                dict(h=lambda u: 1 / (1 + u ** 2), T=lambda u: u ** 3, Z=lambda e: sp.cosh(e) + a6))
    ctxs = cross(fctx, [dict(n=n) for n in (1, 2, 3)])

    def A(c):
        return lambda e: log(c["Z"](e))

    def logp(c, xv):
        return log(c["h"](xv) * exp(eta * c["T"](xv) - A(c)(eta)))

    def xs(c):
        return [r("x_%d" % i) for i in range(1, c["n"] + 1)]

    def ll(c):
        return sum(logp(c, xi) for xi in xs(c))

    Ab = lambda e: log(1 + exp(e))  # noqa: E731
    chains = [
        chain("logp", [
            ("\\log p(x \\mid \\eta)", lambda c: logp(c, x)),
            ("\\log h(x) + \\eta\\,T(x) - A(\\eta)", lambda c: log(c["h"](x)) + eta * c["T"](x) - A(c)(eta))]),
        chain("score", [
            ("\\partial_\\eta \\log p(x \\mid \\eta)", lambda c: sp.diff(logp(c, x), eta)),
            ("T(x) - A'(\\eta)", lambda c: c["T"](x) - dfun(A(c), eta))]),
        chain("A1", [
            ("A'(\\eta)", lambda c: dfun(A(c), eta)),
            ("\\frac{d}{d\\eta}\\bigl[\\log Z(\\eta)\\bigr]", lambda c: sp.diff(log(c["Z"](eta)), eta)),
            ("\\frac{Z'(\\eta)}{Z(\\eta)}", lambda c: dfun(c["Z"], eta) / c["Z"](eta))]),
        chain("A2", [
            ("A''(\\eta)", lambda c: dfun(A(c), eta, 2)),
            ("\\frac{Z''(\\eta)}{Z(\\eta)} - \\Bigl(\\frac{Z'(\\eta)}{Z(\\eta)}\\Bigr)^2",
             lambda c: dfun(c["Z"], eta, 2) / c["Z"](eta) - (dfun(c["Z"], eta) / c["Z"](eta)) ** 2),
            ("\\frac{Z''(\\eta)\\,Z(\\eta) - Z'(\\eta)^2}{Z(\\eta)^2}",
             lambda c: (dfun(c["Z"], eta, 2) * c["Z"](eta) - dfun(c["Z"], eta) ** 2) / c["Z"](eta) ** 2)]),
        chain("ll", [
            ("\\ell(\\eta)", ll),
            ("\\sum_{i=1}^{n}\\log h(x_i) + \\eta\\sum_{i=1}^{n}T(x_i) - nA(\\eta)",
             lambda c: sum(log(c["h"](xi)) for xi in xs(c)) + eta * sum(c["T"](xi) for xi in xs(c)) - c["n"] * A(c)(eta))],
            kinds=[DEF]),
        chain("ll1", [
            ("\\ell'(\\eta)", lambda c: sp.diff(ll(c), eta)),
            ("\\sum_{i=1}^{n}T(x_i) - nA'(\\eta)", lambda c: sum(c["T"](xi) for xi in xs(c)) - c["n"] * dfun(A(c), eta))]),
        chain("ll2", [
            ("\\ell''(\\eta)", lambda c: sp.diff(ll(c), eta, 2)),
            ("-nA''(\\eta)", lambda c: -c["n"] * dfun(A(c), eta, 2))]),
        chain("bern1", [
            ("A'(\\eta)", dfun(Ab, eta)),
            ("\\frac{e^{\\eta}}{1 + e^{\\eta}}", exp(eta) / (1 + exp(eta))),
            ("\\sigma(\\eta)", sig(eta))]),
        chain("bern2", [
            ("A''(\\eta)", dfun(Ab, eta, 2)),
            ("\\frac{e^{\\eta}}{(1 + e^{\\eta})^2}", exp(eta) / (1 + exp(eta)) ** 2),
            ("\\sigma(\\eta)\\bigl(1 - \\sigma(\\eta)\\bigr)", sig(eta) * (1 - sig(eta)))]),
        chain("pois", [
            ("A'(\\eta)", dfun(exp, eta)),
            ("A''(\\eta)", dfun(exp, eta, 2)),
            ("e^{\\eta}", exp(eta))]),
    ]
    doc = Doc("exponential_family_cheatsheet.md", chains, ctxs)
    return with_plant(
        doc, "\\Bigl(\\frac{Z'(\\eta)}{Z(\\eta)}\\Bigr)^2 =", "\\frac{Z'(\\eta)^2}{Z(\\eta)} =", "A2", 1,
        _I("\\frac{Z''(\\eta)}{Z(\\eta)} - \\frac{Z'(\\eta)^2}{Z(\\eta)}",
           lambda c: dfun(c["Z"], eta, 2) / c["Z"](eta) - dfun(c["Z"], eta) ** 2 / c["Z"](eta)),
        "wrong exponent: (Z'/Z)^2 written Z'^2/Z, the denominator Z to the first power instead of squared")


# ---------------------------------------------------------------------------
# 5. lagrangian_mechanics_lecture.tex
def lagrangian_mechanics_lecture():
    t = r("t", 0.0, 2.0)
    m = p("m", 0.5, 2.0)
    q, qd = r("q"), r("qdot")
    rr, rd, th, thd = p("r", 0.5, 2.0), r("rdot"), r("theta"), r("thetadot")
    L_ang = p("ell_ang", 0.3, 2.0)
    a7, a8 = p("a_7", 0.3, 1.2), p("a_8", 0.3, 1.2)
    ctxs = funs(dict(V=ufun("V"), q=ufun("q"), r=ufun("r", positive=True), th=ufun("theta")),
                dict(V=lambda u: u ** 4 / 4 - u ** 2 + a7 * u, q=lambda s: sp.sin(s) + s ** 2 / 3,
                     r=lambda s: 2 + sp.cos(s) / 2, th=lambda s: s ** 2 / 2 + s),
                dict(V=lambda u: exp(-a8 * u) + u ** 2, q=lambda s: exp(s / 3),
                     r=lambda s: 1 + s ** 2, th=lambda s: sp.sin(s)))

    def Lq(c):
        return m * qd ** 2 / 2 - c["V"](q)

    def on_q(c, e):
        qt = c["q"](t)
        return e.subs({qd: sp.diff(qt, t)}).subs({q: qt})

    def Lp(c):
        return m * (rd ** 2 + rr ** 2 * thd ** 2) / 2 - c["V"](rr)

    def on_r(c, e):
        rt, tht = c["r"](t), c["th"](t)
        return e.subs({rd: sp.diff(rt, t), thd: sp.diff(tht, t)}).subs({rr: rt})

    def qt(c, n=0):
        return sp.diff(c["q"](t), t, n) if n else c["q"](t)

    def Vq(c):
        return dfun(c["V"], qt(c))

    def Et(c):
        return m * qt(c, 1) ** 2 / 2 + c["V"](qt(c))

    def rt(c, n=0):
        return sp.diff(c["r"](t), t, n) if n else c["r"](t)

    def tht(c, n=1):
        return sp.diff(c["th"](t), t, n)

    thd_l = L_ang / (m * rr ** 2)
    chains = [
        chain("L", [
            ("L(q, \\dot q)", Lq),
            ("\\tfrac12 m\\dot q^2 - V(q)", Lq)], kinds=[DEF]),
        chain("dLdqd", [
            ("\\frac{\\partial L}{\\partial \\dot q}", lambda c: sp.diff(Lq(c), qd)),
            ("m\\dot q", m * qd)]),
        chain("dLdq", [
            ("\\frac{\\partial L}{\\partial q}", lambda c: sp.diff(Lq(c), q)),
            ("-V'(q)", lambda c: -dfun(c["V"], q))]),
        chain("el", [
            ("\\frac{d}{dt}\\Bigl(\\frac{\\partial L}{\\partial \\dot q}\\Bigr) - \\frac{\\partial L}{\\partial q}",
             lambda c: sp.diff(on_q(c, sp.diff(Lq(c), qd)), t) - on_q(c, sp.diff(Lq(c), q))),
            ("m\\ddot q + V'(q)", lambda c: m * qt(c, 2) + Vq(c))]),
        chain("dEdt", [
            ("\\frac{dE}{dt}", lambda c: sp.diff(Et(c), t)),
            ("m\\dot q\\,\\ddot q + V'(q)\\,\\dot q", lambda c: m * qt(c, 1) * qt(c, 2) + Vq(c) * qt(c, 1)),
            ("\\dot q\\,\\bigl(m\\ddot q + V'(q)\\bigr)", lambda c: qt(c, 1) * (m * qt(c, 2) + Vq(c)))]),
        chain("Lpolar", [
            ("L", Lp),
            ("\\tfrac12 m\\bigl(\\dot r^2 + r^2\\dot\\theta^2\\bigr) - V(r)", Lp)], kinds=[DEF]),
        chain("ptheta", [
            ("p_\\theta", m * rr ** 2 * thd),
            ("\\frac{\\partial L}{\\partial \\dot\\theta}", lambda c: sp.diff(Lp(c), thd)),
            ("m r^2\\dot\\theta", m * rr ** 2 * thd)], kinds=[DEF, "id"]),
        chain("dptheta", [
            ("\\frac{dp_\\theta}{dt}", lambda c: sp.diff(m * rt(c) ** 2 * tht(c), t)),
            ("m\\bigl(2r\\dot r\\dot\\theta + r^2\\ddot\\theta\\bigr)",
             lambda c: m * (2 * rt(c) * rt(c, 1) * tht(c) + rt(c) ** 2 * tht(c, 2)))]),
        chain("radial", [
            ("\\frac{d}{dt}\\Bigl(\\frac{\\partial L}{\\partial \\dot r}\\Bigr) - \\frac{\\partial L}{\\partial r}",
             lambda c: sp.diff(on_r(c, sp.diff(Lp(c), rd)), t) - on_r(c, sp.diff(Lp(c), rr))),
            ("m\\ddot r - m r\\dot\\theta^2 + V'(r)",
             lambda c: m * rt(c, 2) - m * rt(c) * tht(c) ** 2 + dfun(c["V"], rt(c)))]),
        chain("centrifugal", [
            ("m r\\dot\\theta^2", m * rr * thd_l ** 2),
            ("\\frac{\\ell^2}{m r^3}", L_ang ** 2 / (m * rr ** 3)),
            ("-\\frac{d}{dr}\\Bigl(\\frac{\\ell^2}{2 m r^2}\\Bigr)", -sp.diff(L_ang ** 2 / (2 * m * rr ** 2), rr))]),
        chain("Veff", [
            ("V_{\\mathrm{eff}}'(r)", lambda c: dfun(lambda u: c["V"](u) + L_ang ** 2 / (2 * m * u ** 2), rr)),
            ("V'(r) - \\frac{\\ell^2}{m r^3}", lambda c: dfun(c["V"], rr) - L_ang ** 2 / (m * rr ** 3))]),
    ]
    doc = Doc("lagrangian_mechanics_lecture.tex", chains, ctxs)
    return with_plant(
        doc, "V'(q)\\,\\dot q \\nonumber", "V'(q) \\nonumber", "dEdt", 1,
        _I("m\\dot q\\,\\ddot q + V'(q)", lambda c: m * qt(c, 1) * qt(c, 2) + Vq(c)),
        "wrong chain-rule factor: d/dt V(q(t)) written V'(q) instead of V'(q) q-dot (the inner derivative dropped)")


DOCS = [backprop_neuron_lecture, two_layer_backprop_blog, implicit_differentiation_exam,
        exponential_family_cheatsheet, lagrangian_mechanics_lecture]
