"""Hand encodings of the corpus_ml10 documents of families 4-6 (activation functions and losses
defined by cases; change of variables for densities and one-dimensional flows; Taylor polynomials
and Newton's method).

Every display is a chain of I(anchor, fn) items: `anchor` is the exact LaTeX of the expression in
the document and fn(ctx) its SymPy value in the context ctx. Links whose kind is "def" introduce a
name (counted as definitions in the manifest); all others assert an identity. Functions defined by
cases are sympy.Piecewise objects and are checked on both sides of every kink (contexts with the
argument drawn from a positive and from a negative range); derivatives are taken with sympy.diff of
the underlying function, densities are checked against the density of the transformed variable
computed independently (by differentiating its CDF where one is available), and Taylor
coefficients are computed with sympy.diff at 0.
"""
import sympy as sp

from framework import Chain, Doc, with_plant  # noqa: F401
from helpers import (vec, I, const, R, P, rational)  # noqa: F401

DEF = "def"
half = sp.Rational(1, 2)
exp, log, sqrt = sp.exp, sp.log, sp.sqrt
tanh, sech = sp.tanh, sp.sech
Pw = sp.Piecewise


def Q(a, b=1):
    return sp.Rational(a, b)


def diffat(f, var, at, n=1):
    return sp.diff(f, var, n).subs(var, at)


def chain(label, items, kinds=None, ctxs=None):
    """Chain whose items are (anchor, value) pairs with values independent of the context."""
    return Chain(label, [I(a, const(v)) for a, v in items], kinds, ctxs)


def sig(t):
    return 1 / (1 + exp(-t))


XABS = P("x_abs", 0.05, 3.0)
SIDES = [{"x": XABS, "side": "+"}, {"x": -XABS, "side": "-"}]
POS = [SIDES[0]]
NEG = [SIDES[1]]
XS = sp.Symbol("x_s", real=True)  # the variable before a side is chosen


def on(expr):
    """Evaluate an expression in XS at the context's x."""
    return lambda c: sp.sympify(expr).subs(XS, c["x"])


# ===========================================================================
# family 4: activation functions and losses defined by cases
def activation_derivatives_handout():
    x = XS
    a = P("a", 0.01, 0.9)
    al = P("alpha", 0.2, 2.5)
    lam = P("lambda", 0.5, 2.0)
    ch = []
    lrelu = sp.Max(x, a * x)
    ch.append(Chain("lrelu", [
        I(r"\LReLU_a(x)", on(lrelu)),
        I(r"\max(x, ax)", on(sp.Max(x, a * x))),
        I(r"\begin{cases} x, & x > 0, \\ ax, & x \le 0, \end{cases}", on(Pw((x, x > 0), (a * x, True)))),
    ], [DEF, "id"], SIDES))
    ch.append(Chain("lrelu'", [
        I(r"\LReLU_a'(x)", on(sp.diff(lrelu, x))),
        I(r"\begin{cases} 1, & x > 0, \\ a, & x < 0. \end{cases}", on(Pw((1, x > 0), (a, x < 0)))),
    ], ctxs=SIDES))
    elu = Pw((x, x > 0), (al * (exp(x) - 1), True))
    ch.append(Chain("elu", [
        I(r"\ELU(x)", on(elu)),
        I(r"\begin{cases} x, & x > 0, \\ \alpha(e^{x} - 1), & x \le 0, \end{cases}", on(Pw((x, x > 0), (al * (exp(x) - 1), True)))),
    ], DEF, SIDES))
    delu = sp.diff(elu, x)
    ch.append(Chain("elu'", [
        I(r"\ELU'(x)", on(delu)),
        I(r"\begin{cases} 1, & x > 0, \\ \alpha e^{x}, & x < 0. \end{cases}", on(Pw((1, x > 0), (al * exp(x), x < 0)))),
    ], ctxs=SIDES))
    ch.append(Chain("elu' from output", [
        I(r"\alpha e^{x}", on(al * exp(x))),
        I(r"\alpha(e^{x} - 1) + \alpha", on(al * (exp(x) - 1) + al)),
        I(r"\ELU(x) + \alpha", on(elu + al)),
    ], ctxs=NEG))
    ch.append(chain("limit", [
        (r"\lim_{x \to 0^-}\ELU'(x)", sp.limit(sp.diff(al * (exp(x) - 1), x), x, 0, "-")),
        (r"\alpha e^{0}", al * exp(0)),
        (r"\alpha", al),
    ]))
    ch.append(Chain("selu'", [
        I(r"\SELU'(x)", on(sp.diff(lam * elu, x))),
        I(r"\lambda\ELU'(x)", on(lam * delu)),
        I(r"\begin{cases} \lambda, & x > 0, \\ \lambda\alpha e^{x}, & x < 0. \end{cases}", on(Pw((lam, x > 0), (lam * al * exp(x), x < 0)))),
    ], ctxs=SIDES))
    soft = x / (1 + sp.Abs(x))
    ch.append(Chain("softsign x>0", [
        I(r"s'(x)", on(sp.diff(soft, x))),
        I(r"\frac{(1 + x) - x}{(1 + x)^2}", on(((1 + x) - x) / (1 + x) ** 2)),
        I(r"\frac{1}{(1 + x)^2}", on(1 / (1 + x) ** 2)),
    ], ctxs=POS))
    ch.append(Chain("softsign x<0", [
        I(r"s'(x)", on(sp.diff(soft, x))),
        I(r"\frac{(1 - x) + x}{(1 - x)^2}", on(((1 - x) + x) / (1 - x) ** 2)),
        I(r"\frac{1}{(1 - x)^2}", on(1 / (1 - x) ** 2)),
    ], ctxs=NEG))
    ch.append(Chain("softsign both", [
        I(r"s'(x)", on(sp.diff(soft, x))),
        I(r"\frac{1}{(1 + |x|)^2}", on(1 / (1 + sp.Abs(x)) ** 2)),
    ], ctxs=SIDES))
    # hinge: y in {-1, +1}; z on either side of the margin yz = 1
    d = P("d_margin", 0.05, 2.0)
    zs = sp.Symbol("z_s", real=True)
    HCTX = [{"y": yv, "z": yv * (1 + s * d)} for yv in (-1, 1) for s in (-1, 1)]

    def hinge_d(c):
        return sp.diff(sp.Max(0, 1 - c["y"] * zs), zs).subs(zs, c["z"])

    ch.append(Chain("hinge'", [
        I(r"\frac{d\ell}{dz}", hinge_d),
        I(r"\begin{cases} -y, & yz < 1, \\ 0, & yz > 1, \end{cases}",
          lambda c: Pw((-c["y"], c["y"] * c["z"] < 1), (0, c["y"] * c["z"] > 1))),
    ], ctxs=HCTX))
    # margin violators: |w.x| <= 0.9 < 1, so yz < 1 for y = +-1
    WCTX = [{"p": p, "j": j, "y": yv} for p in (1, 2, 3) for j in range(1, p + 1) for yv in (-1, 1)]

    def wx(c):
        return vec("wh", c["p"], lo=-0.3, hi=0.3), vec("xh", c["p"], lo=-1.0, hi=1.0)

    def dloss_dw(c):
        w, xv = wx(c)
        z = sum(wi * xi for wi, xi in zip(w, xv))
        return sp.diff(sp.Max(0, 1 - c["y"] * z), w[c["j"] - 1])

    ch.append(Chain("hinge chain rule", [
        I(r"\frac{\partial \ell}{\partial w_j}", dloss_dw),
        I(r"\frac{d\ell}{dz}\,\frac{\partial z}{\partial w_j}", lambda c: -c["y"] * wx(c)[1][c["j"] - 1]),
        I(r"-y\,x_j", lambda c: -c["y"] * wx(c)[1][c["j"] - 1]),
    ], ctxs=WCTX))
    tau = P("tau", 0.05, 0.95)
    uabs = P("u_abs", 0.05, 3.0)
    UCTX = [{"u": uabs}, {"u": -uabs}]
    ch.append(Chain("pinball", [
        I(r"\rho_\tau(u)", lambda c: sp.Max(tau * c["u"], (tau - 1) * c["u"])),
        I(r"\max\bigl(\tau u, (\tau - 1)u\bigr)", lambda c: sp.Max(tau * c["u"], (tau - 1) * c["u"])),
        I(r"u\bigl(\tau - \mathbf{1}[u < 0]\bigr)", lambda c: c["u"] * (tau - sp.Heaviside(-c["u"]))),
    ], [DEF, "id"], UCTX))
    yv, qs = R("y", -2.0, 2.0), sp.Symbol("q_s", real=True)
    QCTX = [{"q": yv - uabs}, {"q": yv + uabs}]
    ch.append(Chain("pinball'", [
        I(r"\frac{\partial}{\partial q}\rho_\tau(y - q)",
          lambda c: sp.diff(sp.Max(tau * (yv - qs), (tau - 1) * (yv - qs)), qs).subs(qs, c["q"])),
        I(r"\begin{cases} -\tau, & y > q, \\ 1 - \tau, & y < q. \end{cases}",
          lambda c: Pw((-tau, yv > c["q"]), (1 - tau, yv < c["q"]))),
    ], ctxs=QCTX))
    t9 = rational("0.9")
    ch.append(chain("pinball 2", [
        (r"\rho_{0.9}(2)", sp.Max(t9 * 2, (t9 - 1) * 2)),
        (r"\max(1.8, -0.2)", sp.Max(rational("1.8"), rational("-0.2"))),
        ("1.8", rational("1.8")),
    ]))
    ch.append(chain("pinball -2", [
        (r"\rho_{0.9}(-2)", sp.Max(t9 * -2, (t9 - 1) * -2)),
        (r"\max(-1.8, 0.2)", sp.Max(rational("-1.8"), rational("0.2"))),
        ("0.2", rational("0.2")),
    ]))
    # Mish
    xr = R("x", -3.0, 3.0)
    zeta = log(1 + exp(xr))
    m = xr * tanh(zeta)
    ch.append(chain("zeta'", [
        (r"\zeta'(x)", sp.diff(zeta, xr)),
        (r"\frac{e^{x}}{1 + e^{x}}", exp(xr) / (1 + exp(xr))),
        (r"\sigma(x)", sig(xr)),
    ]))
    ch.append(chain("gate", [
        (r"\tanh(\zeta(x))", tanh(zeta)),
        (r"\frac{(1 + e^{x})^2 - 1}{(1 + e^{x})^2 + 1}", ((1 + exp(xr)) ** 2 - 1) / ((1 + exp(xr)) ** 2 + 1)),
        (r"\frac{e^{2x} + 2e^{x}}{e^{2x} + 2e^{x} + 2}", (exp(2 * xr) + 2 * exp(xr)) / (exp(2 * xr) + 2 * exp(xr) + 2)),
    ]))
    ch.append(chain("mish'", [
        ("m'(x)", sp.diff(m, xr)),
        (r"\tanh(\zeta(x)) + x\,\frac{d}{dx}\tanh(\zeta(x))", tanh(zeta) + xr * sp.diff(tanh(zeta), xr)),
        (r"\tanh(\zeta(x)) + x\,\sech^2(\zeta(x))\,\zeta'(x)", tanh(zeta) + xr * sech(zeta) ** 2 * sp.diff(zeta, xr)),
        (r"\tanh(\zeta(x)) + x\,\sigma(x)\sech^2(\zeta(x))", tanh(zeta) + xr * sig(xr) * sech(zeta) ** 2),
    ]))
    ch.append(chain("mish'(0)", [
        ("m'(0)", diffat(m, xr, 0)),
        (r"\tanh(\zeta(0)) + 0", tanh(zeta.subs(xr, 0)) + 0),
        (r"\tanh(\ln 2)", tanh(log(2))),
        (r"\frac{2 - \frac12}{2 + \frac12}", (2 - half) / (2 + half)),
        (r"\frac{3}{5}", Q(3, 5)),
    ]))
    doc = Doc("activation_derivatives_handout.tex", ch)
    return with_plant(doc, r"&= \tanh(\zeta(x)) + x\,\sech^2(\zeta(x))\,\zeta'(x) \nonumber\\",
                      r"&= \tanh(\zeta(x)) + x\,\sech^2(\zeta(x)) \nonumber\\",
                      "mish'", 2, I(r"\tanh(\zeta(x)) + x\,\sech^2(\zeta(x))", const(tanh(zeta) + xr * sech(zeta) ** 2)),
                      "dropped factor: the inner derivative zeta'(x) of the chain rule in Mish's derivative")


def activation_losses_blog():
    x = XS
    a = P("a", 0.01, 0.9)
    al = P("alpha", 0.2, 2.5)
    lam = P("lambda", 0.5, 2.0)
    ch = []
    ch.append(Chain("lrelu def", [
        I(r"\operatorname{LReLU}_a(x)", on(sp.Max(x, a * x))),
        I(r"\begin{cases} x & \text{if } x \ge 0 \\ ax & \text{if } x < 0 \end{cases}", on(Pw((x, x >= 0), (a * x, True)))),
    ], DEF, SIDES))
    one_line = ((1 + a) * x + (1 - a) * sp.Abs(x)) / 2
    ch.append(Chain("right half-line", [
        I(r"\frac{(1 + a)x + (1 - a)|x|}{2}", on(one_line)),
        I(r"\frac{(1 + a)x + (1 - a)x}{2}", on(((1 + a) * x + (1 - a) * x) / 2)),
        I("x", on(x)),
    ], ctxs=POS))
    ch.append(Chain("left half-line", [
        I(r"\frac{(1 + a)x + (1 - a)|x|}{2}", on(one_line)),
        I(r"\frac{(1 + a)x - (1 - a)x}{2}", on(((1 + a) * x - (1 - a) * x) / 2)),
        I("ax", on(a * x)),
    ], ctxs=NEG))
    ch.append(Chain("lrelu'", [
        I(r"\frac{d}{dx}\operatorname{LReLU}_a(x)", on(sp.diff(sp.Max(x, a * x), x))),
        I(r"\frac{1 + a}{2} + \frac{1 - a}{2}\operatorname{sign}(x)", on((1 + a) / 2 + (1 - a) / 2 * sp.sign(x))),
    ], ctxs=SIDES))
    selu = Pw((lam * x, x > 0), (lam * al * (exp(x) - 1), True))
    ch.append(Chain("selu def", [
        I(r"\operatorname{SELU}(x)", on(selu)),
        I(r"\begin{cases} \lambda x & \text{if } x > 0 \\ \lambda\alpha(e^{x} - 1) & \text{if } x \le 0 \end{cases}",
          on(Pw((lam * x, x > 0), (lam * al * (exp(x) - 1), True)))),
    ], DEF, SIDES))
    ch.append(chain("selu limit", [
        (r"\lim_{x \to -\infty}\operatorname{SELU}(x)", sp.limit(lam * al * (exp(x) - 1), x, -sp.oo)),
        (r"-\lambda\alpha", -lam * al),
    ]))
    ch.append(Chain("selu' from output", [
        I(r"\operatorname{SELU}'(x)", on(sp.diff(selu, x))),
        I(r"\lambda\alpha e^{x}", on(lam * al * exp(x))),
        I(r"\operatorname{SELU}(x) + \lambda\alpha", on(selu + lam * al)),
    ], ctxs=NEG))
    ch.append(Chain("softsign'", [
        I(r"\frac{d}{dx}\frac{x}{1 + |x|}", on(sp.diff(x / (1 + sp.Abs(x)), x))),
        I(r"\frac{(1 + |x|) - x\operatorname{sign}(x)}{(1 + |x|)^2}", on(((1 + sp.Abs(x)) - x * sp.sign(x)) / (1 + sp.Abs(x)) ** 2)),
        I(r"\frac{1 + |x| - |x|}{(1 + |x|)^2}", on((1 + sp.Abs(x) - sp.Abs(x)) / (1 + sp.Abs(x)) ** 2)),
        I(r"\frac{1}{(1 + |x|)^2}", on(1 / (1 + sp.Abs(x)) ** 2)),
    ], ctxs=SIDES))
    xr = R("x", -3.0, 3.0)
    mish = xr * tanh(log(1 + exp(xr)))
    ch.append(chain("mish def", [(r"\operatorname{Mish}(x)", mish), (r"x\tanh\bigl(\ln(1 + e^{x})\bigr)", mish)], DEF))
    ch.append(chain("mish closed form", [
        (r"\operatorname{Mish}(x)", mish),
        (r"x\,\frac{e^{2x} + 2e^{x}}{e^{2x} + 2e^{x} + 2}", xr * (exp(2 * xr) + 2 * exp(xr)) / (exp(2 * xr) + 2 * exp(xr) + 2)),
    ]))
    om = 4 * (xr + 1) + 4 * exp(2 * xr) + exp(3 * xr) + exp(xr) * (4 * xr + 6)
    de = 2 * exp(xr) + exp(2 * xr) + 2
    ch.append(chain("omega", [(r"\omega", om), (r"4(x + 1) + 4e^{2x} + e^{3x} + e^{x}(4x + 6)", om)], DEF))
    ch.append(chain("delta", [(r"\delta", de), (r"2e^{x} + e^{2x} + 2", de)], DEF))
    ch.append(chain("mish'", [
        (r"\frac{d}{dx}\operatorname{Mish}(x)", sp.diff(mish, xr)),
        (r"\frac{e^{x}\,\omega}{\delta^{2}}", exp(xr) * om / de ** 2),
    ]))
    ch.append(chain("mish'(0)", [
        (r"\operatorname{Mish}'(0)", diffat(mish, xr, 0)),
        (r"\frac{e^{0}\cdot(4 + 4 + 1 + 6)}{(2 + 1 + 2)^2}", exp(0) * (4 + 4 + 1 + 6) / Q(2 + 1 + 2) ** 2),
        (r"\frac{15}{25}", Q(15, 25)),
        (r"\frac{3}{5}", Q(3, 5)),
    ]))
    yv, zv = R("y", -1.5, 1.5), R("z", -2.0, 2.0)
    ch.append(chain("hinge def", [(r"\ell(z)", sp.Max(0, 1 - yv * zv)), (r"\max(0, 1 - yz)", sp.Max(0, 1 - yv * zv))], DEF))
    z3 = rational("0.3")
    ch.append(chain("hinge numbers", [
        (r"\ell(0.3)", sp.Max(0, 1 - (-1) * z3)),
        (r"\max\bigl(0, 1 - (-1)(0.3)\bigr)", sp.Max(0, 1 - (-1) * z3)),
        (r"\max(0, 1.3)", sp.Max(0, rational("1.3"))),
        ("1.3", rational("1.3")),
    ]))
    tau = P("tau", 0.05, 0.95)
    uabs = P("u_abs", 0.05, 3.0)
    ch.append(Chain("pinball def", [
        I(r"\rho_\tau(u)", lambda c: sp.Max(tau * c["u"], (tau - 1) * c["u"])),
        I(r"\begin{cases} \tau u & \text{if } u \ge 0 \\ (\tau - 1)u & \text{if } u < 0 \end{cases}",
          lambda c: Pw((tau * c["u"], c["u"] >= 0), ((tau - 1) * c["u"], True))),
    ], DEF, [{"u": uabs}, {"u": -uabs}]))
    qv = R("q", -2.0, 2.0)
    NSQ = [{"n": n} for n in range(1, 5)]

    def ys(c):
        return vec("yd", c["n"], lo=-3.0, hi=3.0)

    def dLdq(c, data=None, q=qv, t=tau):
        data = ys(c) if data is None else data
        return sum(sp.diff(sp.Max(t * (v - q), (t - 1) * (v - q)), q) for v in data)

    H = sp.Heaviside
    ch.append(Chain("dL/dq", [
        I(r"\frac{dL}{dq}", dLdq),
        I(r"-\tau\,\#\{i : y_i > q\} + (1 - \tau)\,\#\{i : y_i < q\}",
          lambda c: -tau * sum(H(v - qv) for v in ys(c)) + (1 - tau) * sum(H(qv - v) for v in ys(c))),
    ], ctxs=NSQ))
    qs = sp.Symbol("q_s", real=True)
    t8 = rational("0.8")
    data = [1, 2, 3, 4, 5]

    def slope(q0):
        return dLdq(None, data=data, q=qs, t=t8).subs(qs, q0)

    ch.append(chain("slope 3.5", [
        (r"\frac{dL}{dq}\Big|_{q=3.5}", slope(rational("3.5"))),
        (r"-0.8\cdot 2 + 0.2\cdot 3", -t8 * 2 + rational("0.2") * 3),
        (r"-1.6 + 0.6", rational("-1.6") + rational("0.6")),
        ("-1", -1),
    ]))
    ch.append(chain("slope 4.5", [
        (r"\frac{dL}{dq}\Big|_{q=4.5}", slope(rational("4.5"))),
        (r"-0.8\cdot 1 + 0.2\cdot 4", -t8 * 1 + rational("0.2") * 4),
        (r"-0.8 + 0.8", -t8 + t8),
        ("0", 0),
    ]))
    doc = Doc("activation_losses_blog.md", ch)
    return with_plant(doc, r"= -0.8\cdot 2 + 0.2\cdot 3 =", r"= -0.8\cdot 2 - 0.2\cdot 3 =",
                      "slope 3.5", 1, I(r"-0.8\cdot 2 - 0.2\cdot 3", const(-t8 * 2 - rational("0.2") * 3)),
                      "sign: - 0.2*3 for + 0.2*3, the (1 - tau) share of the three points below q, in the pinball slope at q = 3.5")


# ===========================================================================
# family 5: change of variables for densities in one dimension (flows)
def phi(t):
    return exp(-t ** 2 / 2) / sqrt(2 * sp.pi)


def Phi(t):
    return (1 + sp.erf(t / sqrt(2))) / 2


def logit(t):
    return log(t / (1 - t))


YY = sp.Symbol("y_d", real=True)  # differentiation variable for densities obtained from CDFs


def density_from_cdf(F, at):
    """p_Y(at) = F'(at), with F a function of one variable (the CDF of Y)."""
    return sp.diff(F(YY), YY).subs(YY, at)


def flow_contexts():
    """Concrete (X, g) pairs for the change-of-variables theorem. F_Y is computed from F_X
    (F_X(g^{-1}(y)) for increasing g, 1 - F_X(g^{-1}(y)) for decreasing g); lo is the lower end
    of the support of X."""
    return [
        dict(name="N(0,1), exp", pX=phi, FX=Phi, g=exp, ginv=log, inc=True, lo=-sp.oo, y=P("y_exp", 0.2, 3.0)),
        dict(name="logistic, sigmoid", pX=lambda t: sig(t) * (1 - sig(t)), FX=sig, g=sig, ginv=logit, inc=True,
             lo=-sp.oo, y=P("y_sig", 0.05, 0.95)),
        dict(name="Exp(1), square", pX=lambda t: exp(-t), FX=lambda t: 1 - exp(-t), g=lambda t: t ** 2, ginv=sqrt,
             inc=True, lo=0, y=P("y_sq", 0.1, 4.0)),
        dict(name="Exp(1), exp(-x)", pX=lambda t: exp(-t), FX=lambda t: 1 - exp(-t), g=lambda t: exp(-t),
             ginv=lambda t: -log(t), inc=False, lo=0, y=P("y_dec", 0.05, 0.95)),
    ]


def FY(c):
    if c["inc"]:
        return lambda t: c["FX"](c["ginv"](t))
    return lambda t: 1 - c["FX"](c["ginv"](t))


def flows_change_of_variables_textbook():
    ch = []
    CT = flow_contexts()
    INC = [c for c in CT if c["inc"]]
    xq = sp.Symbol("x_q", real=True)

    def dginv(c):
        return sp.diff(c["ginv"](YY), YY).subs(YY, c["y"])

    ch.append(Chain("theorem", [
        I(r"p_Y(y)", lambda c: density_from_cdf(FY(c), c["y"])),
        I(r"p_X\bigl(g^{-1}(y)\bigr)\,\Bigl|\frac{d g^{-1}(y)}{dy}\Bigr|", lambda c: c["pX"](c["ginv"](c["y"])) * sp.Abs(dginv(c))),
    ], ctxs=CT))
    ch.append(Chain("cdf", [
        I(r"F_Y(y)", lambda c: sp.Integral(c["pX"](xq), (xq, c["lo"], c["ginv"](c["y"])))),
        I(r"\Pr(g(X) \le y)", lambda c: sp.Integral(c["pX"](xq), (xq, c["lo"], c["ginv"](c["y"])))),
        I(r"\Pr\bigl(X \le g^{-1}(y)\bigr)", lambda c: sp.Integral(c["pX"](xq), (xq, c["lo"], c["ginv"](c["y"])))),
        I(r"F_X\bigl(g^{-1}(y)\bigr)", lambda c: c["FX"](c["ginv"](c["y"]))),
    ], ctxs=INC))
    ch.append(Chain("pdf", [
        I(r"p_Y(y)", lambda c: density_from_cdf(FY(c), c["y"])),
        I(r"\frac{d}{dy}F_X\bigl(g^{-1}(y)\bigr)", lambda c: density_from_cdf(lambda t: c["FX"](c["ginv"](t)), c["y"])),
        I(r"p_X\bigl(g^{-1}(y)\bigr)\,\frac{d g^{-1}(y)}{dy}", lambda c: c["pX"](c["ginv"](c["y"])) * dginv(c)),
    ], ctxs=INC))
    # affine flow, a of either sign
    aabs = P("a_abs", 0.3, 3.0)
    b = R("b", -2.0, 2.0)
    y = R("y", -3.0, 3.0)
    ACT = [{"a": aabs}, {"a": -aabs}]

    def FY_aff(c):
        a = c["a"]
        return (lambda t: Phi((t - b) / a)) if a.is_positive else (lambda t: 1 - Phi((t - b) / a))

    ch.append(Chain("affine", [
        I(r"p_Y(y)", lambda c: density_from_cdf(FY_aff(c), y)),
        I(r"\varphi\Bigl(\frac{y - b}{a}\Bigr)\frac{1}{|a|}", lambda c: phi((y - b) / c["a"]) / sp.Abs(c["a"])),
        I(r"\frac{1}{|a|\sqrt{2\pi}}\exp\Bigl(-\frac{(y - b)^2}{2a^2}\Bigr)",
          lambda c: 1 / (sp.Abs(c["a"]) * sqrt(2 * sp.pi)) * exp(-(y - b) ** 2 / (2 * c["a"] ** 2))),
    ], ctxs=ACT))
    ch.append(Chain("affine log", [
        I(r"\log p_Y(y)", lambda c: log(density_from_cdf(FY_aff(c), y))),
        I(r"\log\varphi(x) - \log|a|", lambda c: log(phi((y - b) / c["a"])) - log(sp.Abs(c["a"]))),
        I(r"-\frac{x^2}{2} - \frac12\log(2\pi) - \log|a|",
          lambda c: -((y - b) / c["a"]) ** 2 / 2 - half * log(2 * sp.pi) - log(sp.Abs(c["a"]))),
    ], ctxs=ACT))
    # log-normal
    mu = R("mu", -1.0, 1.0)
    s = P("sigma", 0.3, 1.0)
    yp = P("y_pos", 0.1, 4.0)
    FLN = lambda t: Phi((log(t) - mu) / s)  # noqa: E731
    ch.append(chain("lognormal", [
        (r"p_Y(y)", density_from_cdf(FLN, yp)),
        (r"\frac{1}{\sqrt{2\pi\sigma^2}}\exp\Bigl(-\frac{(\log y - \mu)^2}{2\sigma^2}\Bigr)\cdot\frac{1}{y}",
         1 / sqrt(2 * sp.pi * s ** 2) * exp(-(log(yp) - mu) ** 2 / (2 * s ** 2)) / yp),
        (r"\frac{1}{y\sigma\sqrt{2\pi}}\exp\Bigl(-\frac{(\log y - \mu)^2}{2\sigma^2}\Bigr)",
         1 / (yp * s * sqrt(2 * sp.pi)) * exp(-(log(yp) - mu) ** 2 / (2 * s ** 2))),
    ]))
    yq = sp.Symbol("y_q", positive=True)
    tq = sp.Symbol("t_mgf", real=True)
    pLN = sp.diff(FLN(yq), yq)
    ch.append(chain("lognormal mean", [
        (r"\E[Y]", sp.Integral(yq * pLN, (yq, 0, sp.oo))),
        (r"\E\bigl[e^{X}\bigr]", sp.Integral(exp(xq) * phi((xq - mu) / s) / s, (xq, -sp.oo, sp.oo))),
        (r"M_X(1)", exp(mu * tq + s ** 2 * tq ** 2 / 2).subs(tq, 1)),
        (r"e^{\mu + \sigma^2/2}", exp(mu + s ** 2 / 2)),
    ]))
    # sigmoid and logit
    x = R("x", -4.0, 4.0)
    ch.append(chain("sigmoid'", [
        (r"\frac{dy}{dx}", sp.diff(sig(x), x)),
        (r"\frac{e^{-x}}{(1 + e^{-x})^2}", exp(-x) / (1 + exp(-x)) ** 2),
        (r"\frac{1}{1 + e^{-x}}\cdot\frac{e^{-x}}{1 + e^{-x}}", 1 / (1 + exp(-x)) * (exp(-x) / (1 + exp(-x)))),
        (r"\sigma(x)\bigl(1 - \sigma(x)\bigr)", sig(x) * (1 - sig(x))),
    ]))
    ch.append(chain("sigmoid logdet", [
        (r"\log\Bigl|\frac{dy}{dx}\Bigr|", log(sp.Abs(sp.diff(sig(x), x)))),
        (r"\log\sigma(x) + \log\bigl(1 - \sigma(x)\bigr)", log(sig(x)) + log(1 - sig(x))),
        (r"-x - 2\log\bigl(1 + e^{-x}\bigr)", -x - 2 * log(1 + exp(-x))),
    ]))
    yu = P("y_unit", 0.05, 0.95)
    ch.append(chain("logit'", [
        (r"\frac{dx}{dy}", diffat(logit(YY), YY, yu)),
        (r"\frac{d}{dy}\bigl(\log y - \log(1 - y)\bigr)", diffat(log(YY) - log(1 - YY), YY, yu)),
        (r"\frac{1}{y} + \frac{1}{1 - y}", 1 / yu + 1 / (1 - yu)),
        (r"\frac{1}{y(1 - y)}", 1 / (yu * (1 - yu))),
    ]))
    xl = logit(yu)
    ch.append(chain("uniform", [
        (r"p_Y(y)", density_from_cdf(lambda t: sig(logit(t)), yu)),
        (r"p_X(x)\,\frac{dx}{dy}", sig(xl) * (1 - sig(xl)) * diffat(logit(YY), YY, yu)),
        (r"\sigma(x)\bigl(1 - \sigma(x)\bigr)\cdot\frac{1}{y(1 - y)}", sig(xl) * (1 - sig(xl)) / (yu * (1 - yu))),
        (r"\frac{y(1 - y)}{y(1 - y)}", yu * (1 - yu) / (yu * (1 - yu))),
        ("1", 1),
    ]))
    # tanh
    ch.append(chain("tanh logdet", [
        (r"\log\bigl(1 - \tanh^2 x\bigr)", log(1 - tanh(x) ** 2)),
        (r"\log\frac{4}{(e^{x} + e^{-x})^2}", log(4 / (exp(x) + exp(-x)) ** 2)),
        (r"2\log 2 - 2x - 2\log\bigl(1 + e^{-2x}\bigr)", 2 * log(2) - 2 * x - 2 * log(1 + exp(-2 * x))),
    ]))
    yt = R("y_tanh", -0.95, 0.95)
    ch.append(chain("tanh density", [
        (r"p_Y(y)", density_from_cdf(lambda t: Phi(sp.atanh(t)), yt)),
        (r"\frac{\varphi(\artanh y)}{1 - y^2}", phi(sp.atanh(yt)) / (1 - yt ** 2)),
    ]))
    # composition y = sigma(a x + b)
    u = lambda c: c["a"] * x + b  # noqa: E731
    ch.append(Chain("composition", [
        I(r"\log\Bigl|\frac{dy}{dx}\Bigr|", lambda c: log(sp.Abs(sp.diff(sig(c["a"] * x + b), x)))),
        I(r"\log\Bigl|\frac{dy}{du}\Bigr| + \log\Bigl|\frac{du}{dx}\Bigr|",
          lambda c: log(sp.Abs(diffat(sig(YY), YY, u(c)))) + log(sp.Abs(sp.diff(u(c), x)))),
        I(r"\log\sigma(u) + \log\bigl(1 - \sigma(u)\bigr) + \log|a|", lambda c: log(sig(u(c))) + log(1 - sig(u(c))) + log(sp.Abs(c["a"]))),
        I(r"-u - 2\log\bigl(1 + e^{-u}\bigr) + \log|a|", lambda c: -u(c) - 2 * log(1 + exp(-u(c))) + log(sp.Abs(c["a"]))),
    ], ctxs=ACT))
    ch.append(chain("composition at 0", [
        (r"\log\Bigl|\frac{dy}{dx}\Bigr|\Big|_{x=0}", log(sp.Abs(diffat(sig(2 * x), x, 0)))),
        (r"\log\frac12 + \log\frac12 + \log 2", log(half) + log(half) + log(2)),
        (r"-\log 2", -log(2)),
    ]))
    doc = Doc("flows_change_of_variables_textbook.tex", ch)
    return with_plant(doc, r"= \log\sigma(u) + \log\bigl(1 - \sigma(u)\bigr) + \log|a| =",
                      r"= \log\sigma(x) + \log\bigl(1 - \sigma(u)\bigr) + \log|a| =",
                      "composition", 2,
                      I(r"\log\sigma(x) + \log\bigl(1 - \sigma(u)\bigr) + \log|a|",
                        lambda c: log(sig(x)) + log(1 - sig(u(c))) + log(sp.Abs(c["a"]))),
                      "wrong variable: sigma(x) for sigma(u), u = ax + b, in the log-determinant of the composed flow")


def one_d_flows_cheatsheet():
    ch = []
    CT = flow_contexts()

    def x_of(c):
        return c["ginv"](c["y"])

    def gprime(c):
        return diffat(c["g"](YY), YY, x_of(c))

    ch.append(Chain("formula", [
        I(r"p_Y(y)", lambda c: density_from_cdf(FY(c), c["y"])),
        I(r"p_X(x)\,\Bigl|\frac{dx}{dy}\Bigr|", lambda c: c["pX"](x_of(c)) * sp.Abs(diffat(c["ginv"](YY), YY, c["y"]))),
        I(r"\frac{p_X(x)}{|g'(x)|}", lambda c: c["pX"](x_of(c)) / sp.Abs(gprime(c))),
    ], ctxs=CT))
    ch.append(Chain("log formula", [
        I(r"\ln p_Y(y)", lambda c: log(density_from_cdf(FY(c), c["y"]))),
        I(r"\ln p_X(x) - \ln|g'(x)|", lambda c: log(c["pX"](x_of(c))) - log(sp.Abs(gprime(c)))),
    ], ctxs=CT))
    x = R("x", -3.0, 3.0)
    STACK = [dict(g1=lambda t: 2 * t + 1, g2=tanh), dict(g1=exp, g2=lambda t: t ** 3 + t),
             dict(g1=sig, g2=lambda t: log(t / (1 - t)))]
    ch.append(Chain("stacking", [
        I(r"\ln\Bigl|\frac{d}{dx}g_2(g_1(x))\Bigr|", lambda c: log(sp.Abs(sp.diff(c["g2"](c["g1"](x)), x)))),
        I(r"\ln\bigl|g_2'(g_1(x))\bigr| + \ln|g_1'(x)|",
          lambda c: log(sp.Abs(diffat(c["g2"](YY), YY, c["g1"](x)))) + log(sp.Abs(sp.diff(c["g1"](x), x)))),
    ], ctxs=STACK))
    # R1: X ~ U(0, 1), Y = -ln X; F_Y(y) = P(X >= e^{-y}) = 1 - e^{-y}
    y = P("y_pos", 0.1, 4.0)
    ch.append(chain("R1", [
        (r"p_Y(y)", density_from_cdf(lambda t: 1 - exp(-t), y)),
        (r"p_X(e^{-y})\,\Bigl|\frac{d}{dy}e^{-y}\Bigr|", 1 * sp.Abs(diffat(exp(-YY), YY, y))),
        (r"1\cdot e^{-y}", 1 * exp(-y)),
        (r"e^{-y}", exp(-y)),
    ]))
    yq = sp.Symbol("y_q", positive=True)
    xq = sp.Symbol("x_q", real=True)
    ch.append(chain("R1 mean", [
        (r"\mathbb{E}[Y]", sp.Integral(yq * density_from_cdf(lambda t: 1 - exp(-t), yq), (yq, 0, sp.oo))),
        (r"\int_0^\infty y\,e^{-y}\,dy", sp.Integral(yq * exp(-yq), (yq, 0, sp.oo))),
        ("1", 1),
    ]))
    mu = R("mu", -1.0, 1.0)
    s = P("sigma", 0.3, 1.5)
    FLN = lambda t: Phi((log(t) - mu) / s)  # noqa: E731
    ch.append(chain("R2 log", [
        (r"\ln p_Y(y)", log(density_from_cdf(FLN, y))),
        (r"\ln p_X(\ln y) - \ln y", log(phi((log(y) - mu) / s) / s) - log(y)),
        (r"-\frac{(\ln y - \mu)^2}{2\sigma^2} - \ln\sigma - \frac12\ln(2\pi) - \ln y",
         -(log(y) - mu) ** 2 / (2 * s ** 2) - log(s) - half * log(2 * sp.pi) - log(y)),
    ]))
    ch.append(chain("R2 normalised", [
        (r"\int_0^\infty p_Y(y)\,dy", sp.Integral(density_from_cdf(FLN, yq), (yq, 0, sp.oo))),
        (r"\int_{-\infty}^{\infty}\frac{1}{\sigma}\varphi\Bigl(\frac{x - \mu}{\sigma}\Bigr)\,dx",
         sp.Integral(phi((xq - mu) / s) / s, (xq, -sp.oo, sp.oo))),
        ("1", 1),
    ]))
    lp = log(density_from_cdf(FLN, YY))
    ch.append(chain("R2 mode", [
        (r"\frac{d}{dy}\ln p_Y(y)", sp.diff(lp, YY).subs(YY, y)),
        (r"-\frac{\ln y - \mu}{\sigma^2 y} - \frac{1}{y}", -(log(y) - mu) / (s ** 2 * y) - 1 / y),
        (r"-\frac{\ln y - \mu + \sigma^2}{\sigma^2 y}", -(log(y) - mu + s ** 2) / (s ** 2 * y)),
    ]))
    sl = R("s", -1.5, 1.5)
    yr = R("y", -3.0, 3.0)
    ch.append(chain("R3", [
        (r"\ln p_Y(y)", log(density_from_cdf(lambda t: Phi((t - mu) * exp(-sl)), yr))),
        (r"\ln\varphi\bigl((y - \mu)e^{-s}\bigr) - s", log(phi((yr - mu) * exp(-sl))) - sl),
        (r"-\frac12(y - \mu)^2e^{-2s} - \frac12\ln(2\pi) - s", -half * (yr - mu) ** 2 * exp(-2 * sl) - half * log(2 * sp.pi) - sl),
    ]))
    sp_ = lambda t: log(1 + exp(t))  # noqa: E731
    ch.append(chain("R4", [
        (r"\ln\sigma'(x)", log(sp.diff(sig(x), x))),
        (r"\ln\sigma(x) + \ln\bigl(1 - \sigma(x)\bigr)", log(sig(x)) + log(1 - sig(x))),
        (r"-\operatorname{softplus}(-x) - \operatorname{softplus}(x)", -sp_(-x) - sp_(x)),
    ]))
    ch.append(chain("softplus identity", [
        (r"\operatorname{softplus}(x) - \operatorname{softplus}(-x)", sp_(x) - sp_(-x)),
        (r"\ln\frac{1 + e^{x}}{1 + e^{-x}}", log((1 + exp(x)) / (1 + exp(-x)))),
        (r"\ln e^{x}", log(exp(x), evaluate=False)),
        ("x", x),
    ]))
    u = R("u", -2.5, 2.5)
    ch.append(chain("R5 jacobian", [
        (r"1 - \tanh^2 u", 1 - tanh(u) ** 2),
        (r"\operatorname{sech}^2 u", sech(u) ** 2),
        (r"\frac{4}{(e^{u} + e^{-u})^2}", 4 / (exp(u) + exp(-u)) ** 2),
    ]))
    m = R("m", -1.0, 1.0)
    su = P("s_u", 0.3, 1.5)
    pU = phi((u - m) / su) / su
    ch.append(chain("R5 policy", [
        (r"\ln\pi(a)", log(density_from_cdf(lambda t: Phi((sp.atanh(t) - m) / su), tanh(u)))),
        (r"\ln p_U(u) - \ln\bigl(1 - \tanh^2 u\bigr)", log(pU) - log(1 - tanh(u) ** 2)),
        (r"\ln p_U(u) - 2\bigl(\ln 2 - u - \operatorname{softplus}(-2u)\bigr)", log(pU) - 2 * (log(2) - u - sp_(-2 * u))),
    ]))
    aabs = P("a_abs", 0.3, 3.0)
    b = R("b", -1.0, 1.0)
    ACT = [{"a": aabs}, {"a": -aabs}]

    def F6(c):
        a = c["a"]
        return (lambda t: Phi((log(t) - b) / a)) if a.is_positive else (lambda t: 1 - Phi((log(t) - b) / a))

    z = log(y)

    def x6(c):
        return (z - b) / c["a"]

    ch.append(Chain("R6", [
        I(r"\ln p_Y(y)", lambda c: log(density_from_cdf(F6(c), y))),
        I(r"\ln p_X(x) - \ln\Bigl|\frac{dz}{dx}\Bigr| - \ln\Bigl|\frac{dy}{dz}\Bigr|",
          lambda c: log(phi(x6(c))) - log(sp.Abs(c["a"])) - log(sp.Abs(diffat(exp(YY), YY, z)))),
        I(r"\ln p_X(x) - \ln|a| - z", lambda c: log(phi(x6(c))) - log(sp.Abs(c["a"])) - z),
        I(r"-\frac{x^2}{2} - \frac12\ln(2\pi) - \ln|a| - \ln y",
          lambda c: -x6(c) ** 2 / 2 - half * log(2 * sp.pi) - log(sp.Abs(c["a"])) - log(y)),
    ], ctxs=ACT))
    ch.append(chain("R2 number", [
        (r"p_Y(1)", density_from_cdf(lambda t: Phi(log(t)), 1)),
        (r"\frac{1}{1\cdot 1\cdot\sqrt{2\pi}}e^{-(\ln 1)^2/2}", 1 / (1 * 1 * sqrt(2 * sp.pi)) * exp(-log(1) ** 2 / 2)),
        (r"\frac{1}{\sqrt{2\pi}}", 1 / sqrt(2 * sp.pi)),
    ]))
    doc = Doc("one_d_flows_cheatsheet.md", ch)
    return with_plant(doc, r"= \ln p_X(x) - \ln|a| - z =", r"= \ln p_X(x) - z =",
                      "R6", 2, I(r"\ln p_X(x) - z", lambda c: log(phi(x6(c))) - z),
                      "dropped term: - ln|a| (the affine layer's log-determinant) in the two-layer flow")


# ===========================================================================
# family 6: Taylor polynomials and Newton's method
def taylor(f, x, n, at=None):
    """Maclaurin polynomial of degree n of the expression f in x (coefficients by sympy.diff at 0),
    evaluated at `at` (default: the polynomial in x)."""
    T = sp.Add(*[diffat(f, x, 0, k) / sp.factorial(k) * x ** k for k in range(n + 1)])
    return T if at is None else T.subs(x, at)


def newton_sqrt2(x):
    return x - (x ** 2 - 2) / (2 * x)


def taylor_newton_worksheet():
    ch = []
    x = R("x", -0.9, 1.5)
    ex = exp(x)
    ch.append(chain("T4 exp", [
        ("T_4(x)", taylor(ex, x, 4)),
        (r"\sum_{k=0}^{4}\frac{f^{(k)}(0)}{k!}x^k", sp.Add(*[diffat(ex, x, 0, k) / sp.factorial(k) * x ** k for k in range(5)])),
        (r"1 + x + \frac{x^2}{2} + \frac{x^3}{6} + \frac{x^4}{24}", 1 + x + x ** 2 / 2 + x ** 3 / 6 + x ** 4 / 24),
    ]))
    ch.append(chain("T4(1)", [
        ("T_4(1)", taylor(ex, x, 4, 1)),
        (r"1 + 1 + \frac12 + \frac16 + \frac1{24}", 1 + 1 + half + Q(1, 6) + Q(1, 24)),
        (r"\frac{65}{24}", Q(65, 24)),
    ]))
    f = sqrt(1 + x)
    ch.append(chain("sqrt f'", [("f'(x)", sp.diff(f, x)), (r"\frac12(1 + x)^{-1/2}", half * (1 + x) ** -half)]))
    ch.append(chain("sqrt f''", [("f''(x)", sp.diff(f, x, 2)), (r"-\frac14(1 + x)^{-3/2}", -Q(1, 4) * (1 + x) ** Q(-3, 2))]))
    ch.append(chain("sqrt f''(0)", [
        ("f''(0)", diffat(f, x, 0, 2)),
        (r"-\frac14(1 + x)^{-3/2}\Big|_{x=0}", (-Q(1, 4) * (1 + x) ** Q(-3, 2)).subs(x, 0)),
        (r"-\frac14", -Q(1, 4)),
    ]))
    ch.append(chain("sqrt T2", [("T_2(x)", taylor(f, x, 2)), (r"1 + \frac{x}{2} - \frac{x^2}{8}", 1 + x / 2 - x ** 2 / 8)]))
    t1 = rational("0.1")
    ch.append(chain("L(0.1)", [
        ("L(0.1)", taylor(f, x, 1, t1)),
        (r"1 + \frac{0.1}{2}", 1 + t1 / 2),
        ("1.05", rational("1.05")),
    ]))
    ch.append(chain("T2(0.1)", [
        ("T_2(0.1)", taylor(f, x, 2, t1)),
        (r"1.05 - \frac{0.01}{8}", rational("1.05") - rational("0.01") / 8),
        ("1.04875", rational("1.04875")),
    ]))
    al = R("alpha", -2.0, 3.0)
    g = (1 + x) ** al
    ch.append(chain("power f''", [("f''(x)", sp.diff(g, x, 2)), (r"\alpha(\alpha - 1)(1 + x)^{\alpha - 2}", al * (al - 1) * (1 + x) ** (al - 2))]))
    ch.append(chain("power T2", [("T_2(x)", taylor(g, x, 2)), (r"1 + \alpha x + \frac{\alpha(\alpha - 1)}{2}x^2", 1 + al * x + al * (al - 1) / 2 * x ** 2)]))
    ch.append(chain("power check", [
        (r"1 + \frac{x}{2} + \frac{\frac12\cdot\bigl(-\frac12\bigr)}{2}x^2", 1 + x / 2 + (half * (-half)) / 2 * x ** 2),
        (r"1 + \frac{x}{2} - \frac{x^2}{8}", 1 + x / 2 - x ** 2 / 8),
    ]))
    h = log(1 + x)
    ch.append(chain("ln f", [("f(x)", h), (r"\ln(1 + x)", log(1 + x))], DEF))
    ch.append(chain("ln f(0)", [("f(0)", h.subs(x, 0)), ("0", 0)]))
    ch.append(chain("ln f'", [("f'(x)", sp.diff(h, x)), (r"(1 + x)^{-1}", (1 + x) ** -1)]))
    ch.append(chain("ln f'(0)", [("f'(0)", diffat(h, x, 0)), ("1", 1)]))
    ch.append(chain("ln f''", [("f''(x)", sp.diff(h, x, 2)), (r"-(1 + x)^{-2}", -(1 + x) ** -2)]))
    ch.append(chain("ln f''(0)", [("f''(0)", diffat(h, x, 0, 2)), ("-1", -1)]))
    ch.append(chain("ln f'''", [("f'''(x)", sp.diff(h, x, 3)), (r"2(1 + x)^{-3}", 2 * (1 + x) ** -3)]))
    ch.append(chain("ln f'''(0)", [("f'''(0)", diffat(h, x, 0, 3)), ("2", 2)]))
    ch.append(chain("ln f4", [("f^{(4)}(x)", sp.diff(h, x, 4)), (r"-6(1 + x)^{-4}", -6 * (1 + x) ** -4)]))
    ch.append(chain("ln f4(0)", [("f^{(4)}(0)", diffat(h, x, 0, 4)), ("-6", -6)]))
    ch.append(chain("ln T3", [
        ("T_3(x)", taylor(h, x, 3)),
        (r"f(0) + f'(0)x + \frac{f''(0)}{2!}x^2 + \frac{f'''(0)}{3!}x^3",
         h.subs(x, 0) + diffat(h, x, 0) * x + diffat(h, x, 0, 2) / 2 * x ** 2 + diffat(h, x, 0, 3) / 6 * x ** 3),
        (r"x - \frac{x^2}{2} + \frac{2x^3}{6}", x - x ** 2 / 2 + 2 * x ** 3 / 6),
        (r"x - \frac{x^2}{2} + \frac{x^3}{3}", x - x ** 2 / 2 + x ** 3 / 3),
    ]))
    c = R("c", -0.5, 1.5)
    ch.append(chain("remainder", [
        (r"\frac{f^{(4)}(c)}{4!}x^4", diffat(h, x, c, 4) / 24 * x ** 4),
        (r"\frac{-6(1 + c)^{-4}}{24}x^4", -6 * (1 + c) ** -4 / 24 * x ** 4),
        (r"-\frac{x^4}{4(1 + c)^4}", -x ** 4 / (4 * (1 + c) ** 4)),
    ]))
    xn = P("x_n", 0.3, 3.0)
    fN = lambda t: t ** 2 - 2  # noqa: E731
    ch.append(chain("newton map", [
        ("x_{n+1}", newton_sqrt2(xn)),
        (r"x_n - \frac{f(x_n)}{f'(x_n)}", xn - fN(xn) / diffat(fN(YY), YY, xn)),
        (r"x_n - \frac{x_n^2 - 2}{2x_n}", xn - (xn ** 2 - 2) / (2 * xn)),
        (r"\frac12\Bigl(x_n + \frac{2}{x_n}\Bigr)", half * (xn + 2 / xn)),
    ], [DEF, "id", "id"]))
    it = [Q(1)]
    for _ in range(3):
        it.append(newton_sqrt2(it[-1]))
    ch.append(chain("x1", [("x_1", it[1]), (r"\frac12\Bigl(1 + \frac21\Bigr)", half * (1 + Q(2, 1))), (r"\frac32", Q(3, 2))]))
    ch.append(chain("x2", [("x_2", it[2]), (r"\frac12\Bigl(\frac32 + \frac43\Bigr)", half * (Q(3, 2) + Q(4, 3))), (r"\frac{17}{12}", Q(17, 12))]))
    ch.append(chain("x3", [
        ("x_3", it[3]),
        (r"\frac12\Bigl(\frac{17}{12} + \frac{24}{17}\Bigr)", half * (Q(17, 12) + Q(24, 17))),
        (r"\frac12\cdot\frac{289 + 288}{204}", half * Q(289 + 288, 204)),
        (r"\frac{577}{408}", Q(577, 408)),
    ]))
    ch.append(chain("residual", [
        ("x_3^2 - 2", it[3] ** 2 - 2),
        (r"\frac{577^2 - 2\cdot 408^2}{408^2}", Q(577 ** 2 - 2 * 408 ** 2, 408 ** 2)),
        (r"\frac{332929 - 332928}{166464}", Q(332929 - 332928, 166464)),
        (r"\frac{1}{166464}", Q(1, 166464)),
    ]))
    doc = Doc("taylor_newton_worksheet.tex", ch)
    return with_plant(doc, r"= \frac{-6(1 + c)^{-4}}{24}x^4 =", r"= \frac{-6(1 + c)^{-3}}{24}x^4 =",
                      "remainder", 1, I(r"\frac{-6(1 + c)^{-3}}{24}x^4", const(-6 * (1 + c) ** -3 / 24 * x ** 4)),
                      "wrong exponent: (1 + c)^{-3} for (1 + c)^{-4} = f^{(4)}(c)/(-6) in the Lagrange remainder of ln(1 + x)")


def newton_cubic(x):
    return x - (x ** 3 - 2 * x - 5) / (3 * x ** 2 - 2)


def taylor_newton_lecture_notes():
    ch = []
    x = R("x", -0.9, 1.5)
    f = sqrt(1 + x)
    for k, (lead, val) in enumerate([(r"\frac12(1 + x)^{-1/2}", half * (1 + x) ** -half),
                                     (r"-\frac14(1 + x)^{-3/2}", -Q(1, 4) * (1 + x) ** Q(-3, 2)),
                                     (r"\frac38(1 + x)^{-5/2}", Q(3, 8) * (1 + x) ** Q(-5, 2))], start=1):
        name = "f" + "'" * k + "(0)"
        ch.append(chain(name, [
            (name, diffat(f, x, 0, k)),
            (lead + r"\Big|_{x=0}", val.subs(x, 0)),
            ([r"\frac12", r"-\frac14", r"\frac38"][k - 1], [half, -Q(1, 4), Q(3, 8)][k - 1]),
        ]))
    ch.append(chain("T3 sqrt", [
        ("T_3(x)", taylor(f, x, 3)),
        (r"1 + \frac12x - \frac14\cdot\frac{x^2}{2!} + \frac38\cdot\frac{x^3}{3!}",
         1 + half * x - Q(1, 4) * x ** 2 / 2 + Q(3, 8) * x ** 3 / 6),
        (r"1 + \frac{x}{2} - \frac{x^2}{8} + \frac{x^3}{16}", 1 + x / 2 - x ** 2 / 8 + x ** 3 / 16),
    ]))
    al = R("alpha", -1.8, 3.0)
    ch.append(chain("binomial coefficient", [
        (r"\frac{f^{(3)}(0)}{3!}", diffat((1 + x) ** al, x, 0, 3) / 6),
        (r"\frac{\alpha(\alpha - 1)(\alpha - 2)}{6}", al * (al - 1) * (al - 2) / 6),
        (r"\binom{\alpha}{3}", sp.gamma(al + 1) / (sp.gamma(4) * sp.gamma(al - 2))),
    ]))
    ch.append(chain("binom(-1,3)", [
        (r"\binom{-1}{3}", sp.binomial(-1, 3)),
        (r"\frac{(-1)(-2)(-3)}{6}", Q((-1) * (-2) * (-3), 6)),
        ("-1", -1),
    ]))
    t1 = rational("0.1")
    ch.append(chain("T2(0.1)", [
        ("T_2(0.1)", taylor(exp(x), x, 2, t1)),
        (r"1 + 0.1 + \frac{0.1^2}{2}", 1 + t1 + t1 ** 2 / 2),
        ("1.105", rational("1.105")),
    ]))
    ch.append(chain("lagrange factor", [
        (r"\frac{(0.1)^3}{3!}", t1 ** 3 / 6),
        (r"\frac{0.001}{6}", rational("0.001") / 6),
        (r"\frac{1}{6000}", Q(1, 6000)),
    ]))
    KS = [{"k": k} for k in range(1, 6)]
    ch.append(Chain("ln coefficients", [
        I(r"\frac{f^{(k)}(0)}{k!}", lambda c: diffat(log(1 + x), x, 0, c["k"]) / sp.factorial(c["k"])),
        I(r"\frac{(-1)^{k+1}(k - 1)!}{k!}", lambda c: (-1) ** (c["k"] + 1) * sp.factorial(c["k"] - 1) / sp.factorial(c["k"])),
        I(r"\frac{(-1)^{k+1}}{k}", lambda c: sp.Integer(-1) ** (c["k"] + 1) / c["k"]),
    ], ctxs=KS))
    t2 = rational("0.2")
    ch.append(chain("T3(0.2)", [
        ("T_3(0.2)", taylor(log(1 + x), x, 3, t2)),
        (r"0.2 - \frac{0.2^2}{2} + \frac{0.2^3}{3}", t2 - t2 ** 2 / 2 + t2 ** 3 / 3),
        (r"0.2 - 0.02 + \frac{0.008}{3}", t2 - rational("0.02") + rational("0.008") / 3),
        (r"\frac{137}{750}", Q(137, 750)),
    ]))
    xp = P("x_pos", 1.0, 20.0)
    cube = xp ** Q(1, 3)
    ch.append(chain("f'(8)", [
        ("f'(8)", diffat(cube, xp, 8)),
        (r"\frac13\cdot 8^{-2/3}", Q(1, 3) * Q(8) ** Q(-2, 3)),
        (r"\frac13\cdot\frac14", Q(1, 3) * Q(1, 4)),
        (r"\frac{1}{12}", Q(1, 12)),
    ]))
    L = lambda t: cube.subs(xp, 8) + diffat(cube, xp, 8) * (t - 8)  # noqa: E731
    ch.append(chain("L(8.1)", [
        ("L(8.1)", L(rational("8.1"))),
        (r"2 + \frac{0.1}{12}", 2 + t1 / 12),
        (r"\frac{241}{120}", Q(241, 120)),
    ]))
    xn = P("x_n", 1.0, 3.0)
    ch.append(chain("newton map", [
        ("x_{n+1}", newton_cubic(xn)),
        (r"x_n - \frac{x_n^3 - 2x_n - 5}{3x_n^2 - 2}", xn - (xn ** 3 - 2 * xn - 5) / (3 * xn ** 2 - 2)),
    ], DEF))
    x1 = newton_cubic(Q(2))
    ch.append(chain("x1", [
        ("x_1", x1),
        (r"2 - \frac{8 - 4 - 5}{12 - 2}", 2 - Q(8 - 4 - 5, 12 - 2)),
        (r"2 + \frac{1}{10}", 2 + Q(1, 10)),
        (r"\frac{21}{10}", Q(21, 10)),
    ]))
    fc = lambda t: t ** 3 - 2 * t - 5  # noqa: E731
    ch.append(chain("f(x1)", [
        ("f(x_1)", fc(x1)),
        (r"\frac{9261}{1000} - \frac{42}{10} - 5", Q(9261, 1000) - Q(42, 10) - 5),
        (r"\frac{61}{1000}", Q(61, 1000)),
    ]))
    ch.append(chain("f'(x1)", [
        ("f'(x_1)", diffat(fc(YY), YY, x1)),
        (r"3\cdot\frac{441}{100} - 2", 3 * Q(441, 100) - 2),
        (r"\frac{1123}{100}", Q(1123, 100)),
    ]))
    ch.append(chain("x2", [
        ("x_2", newton_cubic(x1)),
        (r"\frac{21}{10} - \frac{61/1000}{1123/100}", Q(21, 10) - Q(61, 1000) / Q(1123, 100)),
        (r"\frac{21}{10} - \frac{61}{11230}", Q(21, 10) - Q(61, 11230)),
        (r"\frac{11761}{5615}", Q(11761, 5615)),
    ]))
    doc = Doc("taylor_newton_lecture_notes.md", ch)
    return with_plant(doc, r"= \frac{21}{10} - \frac{61}{11230} =", r"= \frac{21}{10} - \frac{61}{1123} =",
                      "x2", 2, I(r"\frac{21}{10} - \frac{61}{1123}", const(Q(21, 10) - Q(61, 1123))),
                      "wrong constant: 61/1123 for 61/11230 = (61/1000)/(1123/100) in the second Newton iterate")


DOCS = [activation_derivatives_handout, activation_losses_blog,
        flows_change_of_variables_textbook,
        one_d_flows_cheatsheet,
        taylor_newton_worksheet,
        taylor_newton_lecture_notes]
