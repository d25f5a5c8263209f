"""Hand encodings of the corpus_ml7 documents of families 7-12 (backprop, definite integrals,
series, KL divergence, bias-variance, activation derivatives). Same conventions as
encodings_a.py: every display is a chain of I(anchor, fn) items; links of kind "def"
introduce a name."""
import itertools

import sympy as sp

from framework import Chain, Doc, with_plant, delta, sig, grid, X, Y, E, Var, Cov  # noqa: F401
from helpers import (vec, mat, softmax, S, mean, dsig, local, pairs, singles, sizes, E_iid,  # noqa: F401
                     gauss_moments, two_moments, Cov_iid, Var_iid, I, const, R, P)

DEF = "def"
half = sp.Rational(1, 2)


def Q(a, b=1):
    return sp.Rational(a, b)


# ===========================================================================
# family 7: backpropagation
def backprop_two_layer_lecture():
    y = R("y")
    ch = []
    # single neuron, D = 1..3
    b = R("b")

    def w(c):
        return vec("w", c["D"])

    def x(c):
        return vec("x", c["D"])

    def z(c):
        return sp.Add(*[wi * xi for wi, xi in zip(w(c), x(c))]) + b

    def a(c):
        return sp.tanh(z(c))

    def L1(c):
        return half * (a(c) - y) ** 2

    NK = [{"D": D, "k": k} for D in range(1, 4) for k in range(1, D + 1)]
    ND = [{"D": D} for D in range(1, 4)]
    ch.append(Chain("def z", [I(r"z", z), I(r"\sum_{k=1}^{D} w_k x_k + b", z)], DEF, ND))
    ch.append(Chain("def a", [I(r"a", a), I(r"\tanh z", a)], DEF, ND))
    ch.append(Chain("def L", [I(r"L", L1), I(r"\tfrac{1}{2} (a - y)^2", L1)], DEF, ND))
    t = R("zz")
    ch.append(Chain("tanh'", [
        I(r"\frac{d}{dz} \tanh z", const(sp.diff(sp.tanh(t), t))),
        I(r"\frac{d}{dz} \frac{\sinh z}{\cosh z}", const(sp.diff(sp.sinh(t) / sp.cosh(t), t))),
        I(r"\frac{\cosh^2 z - \sinh^2 z}{\cosh^2 z}", const((sp.cosh(t) ** 2 - sp.sinh(t) ** 2) / sp.cosh(t) ** 2)),
        I(r"1 - \tanh^2 z", const(1 - sp.tanh(t) ** 2)),
    ]))
    av, zv = R("a_loc"), R("z_loc")
    dL_da = lambda c: (sp.diff(half * (av - y) ** 2, av)).subs(av, a(c))  # noqa: E731
    da_dz = lambda c: sp.diff(sp.tanh(zv), zv).subs(zv, z(c))  # noqa: E731
    ch.append(Chain("neuron w", [
        I(r"\pd{L}{w_k}", lambda c: sp.diff(L1(c), w(c)[c["k"] - 1])),
        I(r"\pd{L}{a}\, \pd{a}{z}\, \pd{z}{w_k}", lambda c: dL_da(c) * da_dz(c) * sp.diff(z(c), w(c)[c["k"] - 1])),
        I(r"(a - y)\, (1 - \tanh^2 z)\, x_k", lambda c: (a(c) - y) * (1 - sp.tanh(z(c)) ** 2) * x(c)[c["k"] - 1]),
        I(r"(a - y)(1 - a^2)\, x_k", lambda c: (a(c) - y) * (1 - a(c) ** 2) * x(c)[c["k"] - 1]),
    ], ctxs=NK))
    ch.append(Chain("neuron b", [
        I(r"\pd{L}{b}", lambda c: sp.diff(L1(c), b)),
        I(r"\pd{L}{a}\, \pd{a}{z}\, \pd{z}{b}", lambda c: dL_da(c) * da_dz(c) * sp.diff(z(c), b)),
        I(r"(a - y)(1 - a^2)", lambda c: (a(c) - y) * (1 - a(c) ** 2)),
    ], ctxs=ND))

    # two layers: H hidden units, D inputs (D <= H)
    d = R("d")

    def W(c):
        return mat("W", c["H"], c["D"])

    def cb(c):
        return vec("c", c["H"])

    def v(c):
        return vec("v", c["H"])

    def u(c):
        return [sp.Add(*[W(c)[j][k] * x(c)[k] for k in range(c["D"])]) + cb(c)[j] for j in range(c["H"])]

    def h(c):
        return [sig(t_) for t_ in u(c)]

    def yhat(c):
        return sp.Add(*[vj * hj for vj, hj in zip(v(c), h(c))]) + d

    def L2(c):
        return half * (yhat(c) - y) ** 2

    NET = [{"H": H, "D": D, "j": j, "k": k} for H in range(1, 4) for D in range(1, H + 1)
           for j in range(1, H + 1) for k in range(1, D + 1)]
    NETJ = [c for c in NET if c["k"] == 1]
    NETK = [c for c in NET if c["j"] == 1]
    NET0 = [c for c in NETJ if c["j"] == 1]

    def J(c):
        return c["j"] - 1

    def K(c):
        return c["k"] - 1

    ch.append(Chain("def u", [I(r"u_j", lambda c: u(c)[J(c)]), I(r"\sum_{k=1}^{D} \W{j}{k}\, x_k + c_j", lambda c: u(c)[J(c)])], DEF, NETJ))
    ch.append(Chain("def h", [I(r"h_j", lambda c: h(c)[J(c)]), I(r"\sigma(u_j)", lambda c: sig(u(c)[J(c)]))], DEF, NETJ))
    ch.append(Chain("def yhat", [I(r"\yhat", yhat), I(r"\sum_{j=1}^{H} v_j h_j + d", yhat)], DEF, NET0))
    ch.append(Chain("def L2", [I(r"L", L2), I(r"\tfrac{1}{2} (\yhat - y)^2", L2)], DEF, NET0))
    yh = R("yh_loc")
    dL_dyh = lambda c: sp.diff(half * (yh - y) ** 2, yh).subs(yh, yhat(c))  # noqa: E731

    def dyh_dh(c):
        hs = vec("hh", c["H"])
        return sp.diff(sp.Add(*[vj * hj for vj, hj in zip(v(c), hs)]) + d, hs[J(c)])

    def dh_du(c):
        return dsig(u(c)[J(c)])

    ch.append(Chain("dv", [
        I(r"\pd{L}{v_j}", lambda c: sp.diff(L2(c), v(c)[J(c)])),
        I(r"\pd{L}{\yhat}\, \pd{\yhat}{v_j}", lambda c: dL_dyh(c) * sp.diff(yhat(c), v(c)[J(c)])),
        I(r"(\yhat - y)\, h_j", lambda c: (yhat(c) - y) * h(c)[J(c)]),
    ], ctxs=NETJ))
    ch.append(Chain("dd", [I(r"\pd{L}{d}", lambda c: sp.diff(L2(c), d)), I(r"\yhat - y", lambda c: yhat(c) - y)], ctxs=NET0))
    ch.append(Chain("dW", [
        I(r"\pd{L}{\W{j}{k}}", lambda c: sp.diff(L2(c), W(c)[J(c)][K(c)])),
        I(r"\pd{L}{\yhat}\, \pd{\yhat}{h_j}\, \pd{h_j}{u_j}\, \pd{u_j}{\W{j}{k}}",
          lambda c: dL_dyh(c) * dyh_dh(c) * dh_du(c) * sp.diff(u(c)[J(c)], W(c)[J(c)][K(c)])),
        I(r"(\yhat - y)\, v_j\, \sigma(u_j)\bigl(1 - \sigma(u_j)\bigr)\, x_k",
          lambda c: (yhat(c) - y) * v(c)[J(c)] * sig(u(c)[J(c)]) * (1 - sig(u(c)[J(c)])) * x(c)[K(c)]),
        I(r"(\yhat - y)\, v_j\, h_j (1 - h_j)\, x_k", lambda c: (yhat(c) - y) * v(c)[J(c)] * h(c)[J(c)] * (1 - h(c)[J(c)]) * x(c)[K(c)]),
    ], ctxs=NET))

    def dLdu(c, j):
        us = vec("uu", c["H"])
        Lu = half * (sp.Add(*[vj * sig(t_) for vj, t_ in zip(v(c), us)]) + d - y) ** 2
        return sp.diff(Lu, us[j]).subs(dict(zip(us, u(c))))

    def delta_(c, j):
        return (yhat(c) - y) * v(c)[j] * h(c)[j] * (1 - h(c)[j])

    ch.append(Chain("def delta", [
        I(r"\delta_j", lambda c: dLdu(c, J(c))),
        I(r"\pd{L}{u_j}", lambda c: dLdu(c, J(c))),
        I(r"(\yhat - y)\, v_j\, h_j (1 - h_j)", lambda c: delta_(c, J(c))),
    ], [DEF, "id"], NETJ))
    ch.append(Chain("dW delta", [
        I(r"\pd{L}{\W{j}{k}}", lambda c: sp.diff(L2(c), W(c)[J(c)][K(c)])),
        I(r"\delta_j\, x_k", lambda c: delta_(c, J(c)) * x(c)[K(c)]),
    ], ctxs=NET))
    ch.append(Chain("dc", [I(r"\pd{L}{c_j}", lambda c: sp.diff(L2(c), cb(c)[J(c)])), I(r"\delta_j", lambda c: delta_(c, J(c)))], ctxs=NETJ))
    ch.append(Chain("dx", [
        I(r"\pd{L}{x_k}", lambda c: sp.diff(L2(c), x(c)[K(c)])),
        I(r"\sum_{j=1}^{H} \pd{L}{u_j}\, \pd{u_j}{x_k}", lambda c: sp.Add(*[dLdu(c, j) * sp.diff(u(c)[j], x(c)[K(c)]) for j in range(c["H"])])),
        I(r"\sum_{j=1}^{H} \delta_j \W{j}{k}", lambda c: sp.Add(*[delta_(c, j) * W(c)[j][K(c)] for j in range(c["H"])])),
        I(r"(\yhat - y) \sum_{j=1}^{H} v_j h_j (1 - h_j) \W{j}{k}",
          lambda c: (yhat(c) - y) * sp.Add(*[v(c)[j] * h(c)[j] * (1 - h(c)[j]) * W(c)[j][K(c)] for j in range(c["H"])])),
    ], ctxs=NETK))
    c1 = {"H": 1, "D": 1, "j": 1, "k": 1}
    num = {x(c1)[0]: 1, W(c1)[0][0]: 0, cb(c1)[0]: 0, v(c1)[0]: 2, d: 0, y: 0}
    ch.append(Chain("ex v", [
        I(r"\pd{L}{v_1}", const(sp.diff(L2(c1), v(c1)[0]).subs(num))),
        I(r"(\yhat - y)\, h_1", const(((yhat(c1) - y) * h(c1)[0]).subs(num))),
        I(r"1 \cdot \tfrac12", const(half)),
        I(r"\tfrac12", const(half)),
    ]))
    ch.append(Chain("ex delta", [
        I(r"\delta_1", const(dLdu(c1, 0).subs(num))),
        I(r"1 \cdot 2 \cdot \tfrac12 \cdot \tfrac12", const(2 * half * half)),
        I(r"\tfrac12", const(half)),
    ]))
    doc = Doc("backprop_two_layer_lecture.tex", ch)

    def wrong(c):
        cc = dict(c)
        return sp.Add(*[delta_(cc, K(cc)) * W(cc)[j][K(cc)] for j in range(cc["H"])])
    return with_plant(doc, r"= \sum_{j=1}^{H} \delta_j \W{j}{k}", r"= \sum_{j=1}^{H} \delta_k \W{j}{k}", "dx", 2,
                      I(r"\sum_{j=1}^{H} \delta_k \W{j}{k}", wrong),
                      "wrong index: delta_k for delta_j inside the sum over hidden units")



def backprop_computational_graph_blog():
    w, b, x, y = R("w"), R("b"), R("x"), R("y")
    zz = w * x + b
    sp_ = lambda t: sp.log(1 + sp.exp(t))  # noqa: E731
    a = sp_(zz)
    L1 = (a - y) ** 2
    t = R("t")
    av, zv = R("a_loc"), R("z_loc")
    dLda = sp.diff((av - y) ** 2, av).subs(av, a)
    dadz = sp.diff(sp_(zv), zv).subs(zv, zz)
    ch = []
    ch.append(Chain("softplus'", [
        I(r"\frac{d}{dz} \log(1 + e^{z})", const(sp.diff(sp_(t), t))),
        I(r"\frac{e^{z}}{1 + e^{z}}", const(sp.exp(t) / (1 + sp.exp(t)))),
        I(r"\sigma(z)", const(sig(t))),
    ]))
    ch.append(Chain("neuron w", [
        I(r"\frac{\partial L}{\partial w}", const(sp.diff(L1, w))),
        I(r"\frac{\partial L}{\partial a} \cdot \frac{\partial a}{\partial z} \cdot \frac{\partial z}{\partial w}", const(dLda * dadz * sp.diff(zz, w))),
        I(r"2(a - y) \cdot \sigma(z) \cdot x", const(2 * (a - y) * sig(zz) * x)),
    ]))
    ch.append(Chain("neuron b", [
        I(r"\frac{\partial L}{\partial b}", const(sp.diff(L1, b))),
        I(r"2(a - y)\, \sigma(z) \cdot 1", const(2 * (a - y) * sig(zz) * 1)),
        I(r"2(a - y)\, \sigma(z)", const(2 * (a - y) * sig(zz))),
    ]))
    num1 = {w: 0, b: 0, x: 3, y: 0}
    ch.append(Chain("neuron numbers", [
        I(r"\frac{\partial L}{\partial w}", const(sp.diff(L1, w).subs(num1))),
        I(r"2(\log 2 - 0) \cdot \tfrac12 \cdot 3", const(2 * (sp.log(2) - 0) * half * 3)),
        I(r"3 \log 2", const(3 * sp.log(2))),
    ]))
    # the 2-2-1 network
    x1, x2 = vec("x", 2)
    Wm = mat("w", 2, 2)
    v1, v2 = vec("v", 2)
    z1 = Wm[0][0] * x1 + Wm[0][1] * x2
    z2 = Wm[1][0] * x1 + Wm[1][1] * x2
    h1, h2 = sp.tanh(z1), sp.tanh(z2)
    yh = v1 * h1 + v2 * h2
    L2 = half * (yh - y) ** 2
    for lab, lhs, rhs in [("z_1", r"z_1", z1), ("z_2", r"z_2", z2), ("h_1", r"h_1", h1), ("h_2", r"h_2", h2),
                          ("yhat", r"\hat{y}", yh), ("L", r"L", L2)]:
        anchors = {"z_1": r"w_{11} x_1 + w_{12} x_2", "z_2": r"w_{21} x_1 + w_{22} x_2", "h_1": r"\tanh z_1",
                   "h_2": r"\tanh z_2", "yhat": r"v_1 h_1 + v_2 h_2", "L": r"\tfrac{1}{2} (\hat{y} - y)^2"}
        ch.append(Chain("def " + lab, [I(lhs, const(rhs)), I(anchors[lab], const(rhs))], DEF))
    ch.append(Chain("dv2", [I(r"\frac{\partial L}{\partial v_2}", const(sp.diff(L2, v2))), I(r"(\hat{y} - y)\, h_2", const((yh - y) * h2))]))
    yv, hv, zv2 = R("yh_loc"), R("h_loc"), R("z2_loc")
    dL_dyh = sp.diff(half * (yv - y) ** 2, yv).subs(yv, yh)
    hs = vec("hh", 2)
    dyh_dh2 = sp.diff(v1 * hs[0] + v2 * hs[1], hs[1])
    dh2_dz2 = sp.diff(sp.tanh(zv2), zv2).subs(zv2, z2)
    ch.append(Chain("dw21", [
        I(r"\frac{\partial L}{\partial w_{21}}", const(sp.diff(L2, Wm[1][0]))),
        I(r"\frac{\partial L}{\partial \hat{y}} \cdot \frac{\partial \hat{y}}{\partial h_2} \cdot \frac{\partial h_2}{\partial z_2} \cdot \frac{\partial z_2}{\partial w_{21}}",
          const(dL_dyh * dyh_dh2 * dh2_dz2 * sp.diff(z2, Wm[1][0]))),
        I(r"(\hat{y} - y) \cdot v_2 \cdot (1 - \tanh^2 z_2) \cdot x_1", const((yh - y) * v2 * (1 - sp.tanh(z2) ** 2) * x1)),
        I(r"(\hat{y} - y) \cdot v_2 \cdot (1 - h_2^2) \cdot x_1", const((yh - y) * v2 * (1 - h2 ** 2) * x1)),
    ]))
    hsym = [h1, h2]
    vs = [v1, v2]
    xs = [x1, x2]
    ch.append(Chain("dwjk", [
        I(r"\frac{\partial L}{\partial w_{jk}}", lambda c: sp.diff(L2, Wm[c["j"] - 1][c["k"] - 1])),
        I(r"(\hat{y} - y)\, v_j \, (1 - h_j^2)\, x_k", lambda c: (yh - y) * vs[c["j"] - 1] * (1 - hsym[c["j"] - 1] ** 2) * xs[c["k"] - 1]),
    ], ctxs=[{"j": j, "k": k} for j in (1, 2) for k in (1, 2)]))
    zv1 = R("z1_loc")
    dyh_dh1 = sp.diff(v1 * hs[0] + v2 * hs[1], hs[0])
    dh1_dz1 = sp.diff(sp.tanh(zv1), zv1).subs(zv1, z1)
    ch.append(Chain("dx1", [
        I(r"\frac{\partial L}{\partial x_1}", const(sp.diff(L2, x1))),
        I(r"\frac{\partial L}{\partial \hat{y}} \Bigl( \frac{\partial \hat{y}}{\partial h_1} \frac{\partial h_1}{\partial z_1} \frac{\partial z_1}{\partial x_1} + \frac{\partial \hat{y}}{\partial h_2} \frac{\partial h_2}{\partial z_2} \frac{\partial z_2}{\partial x_1} \Bigr)",
          const(dL_dyh * (dyh_dh1 * dh1_dz1 * sp.diff(z1, x1) + dyh_dh2 * dh2_dz2 * sp.diff(z2, x1)))),
        I(r"(\hat{y} - y) \bigl[ v_1 (1 - h_1^2) w_{11} + v_2 (1 - h_2^2) w_{21} \bigr]",
          const((yh - y) * (v1 * (1 - h1 ** 2) * Wm[0][0] + v2 * (1 - h2 ** 2) * Wm[1][0]))),
    ]))
    num2 = {x1: 2, x2: -1, Wm[0][0]: 0, Wm[0][1]: 0, Wm[1][0]: 0, Wm[1][1]: 0, v1: 1, v2: 3, y: 1}
    ch.append(Chain("net numbers", [
        I(r"\frac{\partial L}{\partial w_{21}}", const(sp.diff(L2, Wm[1][0]).subs(num2))),
        I(r"(0 - 1) \cdot 3 \cdot (1 - 0^2) \cdot 2", const((0 - 1) * 3 * (1 - 0 ** 2) * 2)),
        I(r"-6", const(-6)),
    ]))
    doc = Doc("backprop_computational_graph_blog.md", ch)
    return with_plant(doc, r"= (\hat{y} - y) \cdot v_2 \cdot (1 - \tanh^2 z_2) \cdot x_1 =", r"= (\hat{y} - y) \cdot (1 - \tanh^2 z_2) \cdot x_1 =",
                      "dw21", 2, I(r"(\hat{y} - y) \cdot (1 - \tanh^2 z_2) \cdot x_1", const((yh - y) * (1 - sp.tanh(z2) ** 2) * x1)),
                      "dropped factor: the output weight v_2 in the four-factor chain rule")



# ===========================================================================
# family 8: definite integrals
xr = sp.Symbol("x", real=True)
ur = sp.Symbol("u", real=True)


def bracket(F, var, lo, hi):
    """[F]_lo^hi = F(hi) - F(lo), a limit where a bound is infinite."""
    def at(p):
        if p in (sp.oo, -sp.oo):
            return sp.limit(F, var, p)
        return F.subs(var, p)
    return at(hi) - at(lo)


def definite_integrals_tutorial():
    x, u = xr, ur
    pi = sp.pi
    b = P("b", 0.4, 2.5)
    lam = P("lambda", 0.3, 2.5)
    tt = P("t", 0.0, 3.0)
    ch = []
    ch.append(Chain("1a", [
        I(r"\int_0^{\pi/2} x \cos x\,dx", const(sp.integrate(x * sp.cos(x), (x, 0, pi / 2)))),
        I(r"\Bigl[ x \sin x \Bigr]_0^{\pi/2} - \int_0^{\pi/2} \sin x\,dx",
          const(bracket(x * sp.sin(x), x, 0, pi / 2) - sp.integrate(sp.sin(x), (x, 0, pi / 2)))),
        I(r"\frac{\pi}{2} - \Bigl[ -\cos x \Bigr]_0^{\pi/2}", const(pi / 2 - bracket(-sp.cos(x), x, 0, pi / 2))),
        I(r"\frac{\pi}{2} - 1", const(pi / 2 - 1)),
    ]))
    ch.append(Chain("1b", [
        I(r"\int_0^1 x^2 e^{-x}\,dx", const(sp.integrate(x ** 2 * sp.exp(-x), (x, 0, 1)))),
        I(r"\Bigl[ -x^2 e^{-x} \Bigr]_0^1 + 2\int_0^1 x e^{-x}\,dx",
          const(bracket(-x ** 2 * sp.exp(-x), x, 0, 1) + 2 * sp.integrate(x * sp.exp(-x), (x, 0, 1)))),
        I(r"-e^{-1} + 2\Bigl( \Bigl[ -x e^{-x} \Bigr]_0^1 + \int_0^1 e^{-x}\,dx \Bigr)",
          const(-sp.exp(-1) + 2 * (bracket(-x * sp.exp(-x), x, 0, 1) + sp.integrate(sp.exp(-x), (x, 0, 1))))),
        I(r"-e^{-1} + 2\bigl( -e^{-1} + 1 - e^{-1} \bigr)", const(-sp.exp(-1) + 2 * (-sp.exp(-1) + 1 - sp.exp(-1)))),
        I(r"2 - 5e^{-1}", const(2 - 5 * sp.exp(-1))),
    ]))
    ch.append(Chain("2", [
        I(r"\int_0^2 x e^{-x^2/2}\,dx", const(sp.integrate(x * sp.exp(-x ** 2 / 2), (x, 0, 2)))),
        I(r"\int_0^2 e^{-u}\,du", const(sp.integrate(sp.exp(-u), (u, 0, 2)))),
        I(r"\Bigl[ -e^{-u} \Bigr]_0^2", const(bracket(-sp.exp(-u), u, 0, 2))),
        I(r"1 - e^{-2}", const(1 - sp.exp(-2))),
    ]))
    ch.append(Chain("3 norm", [
        I(r"\int_0^1 x(1 - x)\,dx", const(sp.integrate(x * (1 - x), (x, 0, 1)))),
        I(r"\Bigl[ \frac{x^2}{2} - \frac{x^3}{3} \Bigr]_0^1", const(bracket(x ** 2 / 2 - x ** 3 / 3, x, 0, 1))),
        I(r"\frac{1}{2} - \frac{1}{3}", const(half - Q(1, 3))),
        I(r"\frac{1}{6}", const(Q(1, 6))),
    ]))
    ch.append(Chain("3 mean", [
        I(r"\mathbb{E}[X]", const(sp.integrate(x * 6 * x * (1 - x), (x, 0, 1)))),
        I(r"\int_0^1 x \cdot 6x(1 - x)\,dx", const(sp.integrate(x * 6 * x * (1 - x), (x, 0, 1)))),
        I(r"6\Bigl( \frac{1}{3} - \frac{1}{4} \Bigr)", const(6 * (Q(1, 3) - Q(1, 4)))),
        I(r"\frac{1}{2}", const(half)),
    ]))
    lap = sp.integrate(sp.exp(-x / b), (x, 0, sp.oo)) + sp.integrate(sp.exp(x / b), (x, -sp.oo, 0))
    ch.append(Chain("4 norm", [
        I(r"\int_{-\infty}^{\infty} e^{-|x|/b}\,dx", const(lap)),
        I(r"2\int_0^{\infty} e^{-x/b}\,dx", const(2 * sp.integrate(sp.exp(-x / b), (x, 0, sp.oo)))),
        I(r"2b", const(2 * b)),
    ]))
    # the density (1/(2b)) e^{-|x|/b}, integrated piecewise over (-oo, 0) and (0, oo)
    m2 = (sp.integrate(x ** 2 / (2 * b) * sp.exp(-x / b), (x, 0, sp.oo))
          + sp.integrate(x ** 2 / (2 * b) * sp.exp(x / b), (x, -sp.oo, 0)))
    ch.append(Chain("4 moment", [
        I(r"\mathbb{E}[X^2]", const(m2)),
        I(r"\int_{-\infty}^{\infty} x^2\, \frac{1}{2b} e^{-|x|/b}\,dx", const(m2)),
        I(r"\frac{1}{b} \int_0^{\infty} x^2 e^{-x/b}\,dx", const(sp.integrate(x ** 2 * sp.exp(-x / b), (x, 0, sp.oo)) / b)),
        I(r"\frac{1}{b} \cdot 2b^3", const(2 * b ** 3 / b)),
        I(r"2b^2", const(2 * b ** 2)),
    ]))
    ch.append(Chain("5", [
        I(r"P(X \le t)", const(sp.integrate(lam * sp.exp(-lam * x), (x, 0, tt)))),
        I(r"\int_0^t \lambda e^{-\lambda x}\,dx", const(sp.integrate(lam * sp.exp(-lam * x), (x, 0, tt)))),
        I(r"\Bigl[ -e^{-\lambda x} \Bigr]_0^t", const(bracket(-sp.exp(-lam * x), x, 0, tt))),
        I(r"1 - e^{-\lambda t}", const(1 - sp.exp(-lam * tt))),
    ]))
    doc = Doc("definite_integrals_tutorial.tex", ch)
    return with_plant(doc, r"= \frac{1}{b} \cdot 2b^3", r"= \frac{1}{b} \cdot 6b^3", "4 moment", 3,
                      I(r"\frac{1}{b} \cdot 6b^3", const(6 * b ** 3 / b)),
                      "wrong constant: 6b^3 (3!) for 2b^3 (2!) as the value of the integral of x^2 e^{-x/b}")



def integrals_moments_notebook():
    x, u = xr, ur
    t = sp.Symbol("t", real=True)
    lam = P("lambda", 0.3, 2.5)
    s = R("s", -1.0, 0.25)      # s < lambda: the ranges do not overlap
    mu = R("mu")
    sg = P("sigma", 0.4, 2.0)

    def In(n):
        return sp.integrate(x ** n * sp.exp(-x), (x, 0, sp.oo))

    NS = [{"n": n} for n in range(1, 6)]
    ch = []
    ch.append(Chain("I_n", [
        I(r"I_n", lambda c: In(c["n"])),
        I(r"\int_0^\infty x^{n} e^{-x}\,\mathrm{d}x", lambda c: In(c["n"])),
        I(r"\Bigl[ -x^{n} e^{-x} \Bigr]_0^\infty + n \int_0^\infty x^{n-1} e^{-x}\,\mathrm{d}x",
          lambda c: bracket(-x ** c["n"] * sp.exp(-x), x, 0, sp.oo) + c["n"] * In(c["n"] - 1)),
        I(r"n\, I_{n-1}", lambda c: c["n"] * In(c["n"] - 1)),
    ], [DEF, "id", "id"], NS))
    ch.append(Chain("I_3", [
        I(r"I_3", const(In(3))),
        I(r"3 \cdot 2 \cdot 1 \cdot I_0", const(3 * 2 * 1 * In(0))),
        I(r"6", const(6)),
    ]))
    Ex = sp.integrate(x * lam * sp.exp(-lam * x), (x, 0, sp.oo), conds="none")
    ch.append(Chain("mean", [
        I(r"\mathbb{E}[X]", const(Ex)),
        I(r"\int_0^\infty x\, \lambda e^{-\lambda x}\,\mathrm{d}x", const(Ex)),
        I(r"\frac{1}{\lambda} \int_0^\infty u\, e^{-u}\,\mathrm{d}u", const(sp.integrate(u * sp.exp(-u), (u, 0, sp.oo)) / lam)),
        I(r"\frac{1}{\lambda}\, I_1", const(In(1) / lam)),
        I(r"\frac{1}{\lambda}", const(1 / lam)),
    ]))
    # the integrals converge because lambda - s > 0: integrate with a positive dummy k = lambda - s
    k = sp.Symbol("k_pos", positive=True)
    Mint = sp.integrate(lam * sp.exp(-k * x), (x, 0, sp.oo)).subs(k, lam - s)
    Mclosed = Mint
    ch.append(Chain("mgf", [
        I(r"M(s)", const(Mclosed)),
        I(r"\mathbb{E}\bigl[e^{sX}\bigr]", const(Mint)),
        I(r"\int_0^\infty e^{sx}\, \lambda e^{-\lambda x}\,\mathrm{d}x",
          const(sp.integrate(sp.exp(s * x) * lam * sp.exp(-lam * x), (x, 0, sp.oo), conds="none"))),
        I(r"\lambda \int_0^\infty e^{-(\lambda - s) x}\,\mathrm{d}x", const(lam * sp.integrate(sp.exp(-k * x), (x, 0, sp.oo)).subs(k, lam - s))),
        I(r"\frac{\lambda}{\lambda - s}", const(lam / (lam - s))),
    ], [DEF, "id", "id", "id"]))
    ch.append(Chain("M'", [I(r"M'(s)", const(sp.diff(Mclosed, s))), I(r"\frac{\lambda}{(\lambda - s)^2}", const(lam / (lam - s) ** 2))]))
    ch.append(Chain("M''", [I(r"M''(s)", const(sp.diff(Mclosed, s, 2))), I(r"\frac{2\lambda}{(\lambda - s)^3}", const(2 * lam / (lam - s) ** 3))]))
    ch.append(Chain("E X^2", [
        I(r"\mathbb{E}[X^2]", const(sp.integrate(x ** 2 * lam * sp.exp(-lam * x), (x, 0, sp.oo), conds="none"))),
        I(r"M''(0)", const(sp.diff(Mclosed, s, 2).subs(s, 0))),
        I(r"\frac{2\lambda}{\lambda^{3}}", const(2 * lam / lam ** 3)),
        I(r"\frac{2}{\lambda^2}", const(2 / lam ** 2)),
    ]))
    dens = 1 / (sg * sp.sqrt(2 * sp.pi)) * sp.exp(-(x - mu) ** 2 / (2 * sg ** 2))
    ch.append(Chain("normal var", [
        I(r"\int_{-\infty}^{\infty} (x - \mu)^2 \frac{1}{\sigma\sqrt{2\pi}} e^{-(x - \mu)^2/(2\sigma^2)}\,\mathrm{d}x",
          const(sp.integrate((x - mu) ** 2 * dens, (x, -sp.oo, sp.oo), conds="none"))),
        I(r"\frac{\sigma^2}{\sqrt{2\pi}} \int_{-\infty}^{\infty} t^2 e^{-t^2/2}\,\mathrm{d}t",
          const(sg ** 2 / sp.sqrt(2 * sp.pi) * sp.integrate(t ** 2 * sp.exp(-t ** 2 / 2), (t, -sp.oo, sp.oo)))),
        I(r"\frac{\sigma^2}{\sqrt{2\pi}} \cdot \sqrt{2\pi}", const(sg ** 2 / sp.sqrt(2 * sp.pi) * sp.sqrt(2 * sp.pi))),
        I(r"\sigma^2", const(sg ** 2)),
    ]))
    ch.append(Chain("beta", [
        I(r"\int_0^1 x^2 (1 - x)^2\,\mathrm{d}x", const(sp.integrate(x ** 2 * (1 - x) ** 2, (x, 0, 1)))),
        I(r"\int_0^1 \bigl( x^2 - 2x^3 + x^4 \bigr)\,\mathrm{d}x", const(sp.integrate(x ** 2 - 2 * x ** 3 + x ** 4, (x, 0, 1)))),
        I(r"\frac{1}{3} - \frac{1}{2} + \frac{1}{5}", const(Q(1, 3) - Q(1, 2) + Q(1, 5))),
        I(r"\frac{1}{30}", const(Q(1, 30))),
    ]))
    doc = Doc("integrals_moments_notebook.md", ch)
    return with_plant(doc, r"= \frac{2\lambda}{\lambda^{3}} =", r"= \frac{2\lambda}{\lambda^{2}} =", "E X^2", 2,
                      I(r"\frac{2\lambda}{\lambda^{2}}", const(2 * lam / lam ** 2)),
                      "wrong exponent: lambda^2 for lambda^3 in M''(0) = 2 lambda / lambda^3")



# ===========================================================================
# family 9: series
def finite_and_power_series_textbook():
    k = sp.Symbol("k", integer=True, nonnegative=True)
    a, d = R("a"), R("d")
    r = R("r", -1.5, 0.9)
    ri = P("r_inf", 0.05, 0.5)     # |r| < 1 for the infinite series
    p = P("p", 0.5, 0.95)
    q = 1 - p
    N6 = sizes(1, 6)
    ch = []
    ch.append(Chain("pairing", [
        I(r"2\sum_{k=0}^{n-1} k", lambda c: 2 * S(lambda j: j, 0, c["n"] - 1)),
        I(r"\sum_{k=0}^{n-1} k + \sum_{k=0}^{n-1} (n - 1 - k)", lambda c: S(lambda j: j, 0, c["n"] - 1) + S(lambda j: c["n"] - 1 - j, 0, c["n"] - 1)),
        I(r"\sum_{k=0}^{n-1} (n - 1)", lambda c: S(lambda j: c["n"] - 1, 0, c["n"] - 1)),
        I(r"n(n - 1)", lambda c: c["n"] * (c["n"] - 1)),
    ], ctxs=N6))
    ch.append(Chain("arith", [
        I(r"\sum_{k=0}^{n-1} (a + kd)", lambda c: S(lambda j: a + j * d, 0, c["n"] - 1)),
        I(r"na + d \sum_{k=0}^{n-1} k", lambda c: c["n"] * a + d * S(lambda j: j, 0, c["n"] - 1)),
        I(r"na + d\,\frac{n(n - 1)}{2}", lambda c: c["n"] * a + d * sp.Rational(c["n"] * (c["n"] - 1), 2)),
        I(r"\frac{n}{2}\bigl( 2a + (n - 1)d \bigr)", lambda c: sp.Rational(c["n"], 2) * (2 * a + (c["n"] - 1) * d)),
    ], ctxs=N6))
    ch.append(Chain("geo telescope", [
        I(r"(1 - r) \sum_{k=0}^{n-1} r^k", lambda c: (1 - r) * S(lambda j: r ** j, 0, c["n"] - 1)),
        I(r"\sum_{k=0}^{n-1} \bigl( r^k - r^{k+1} \bigr)", lambda c: S(lambda j: r ** j - r ** (j + 1), 0, c["n"] - 1)),
        I(r"1 - r^n", lambda c: 1 - r ** c["n"]),
    ], ctxs=N6))
    ch.append(Chain("geo", [
        I(r"\sum_{k=0}^{n-1} r^k", lambda c: S(lambda j: r ** j, 0, c["n"] - 1)),
        I(r"\frac{1 - r^n}{1 - r}", lambda c: (1 - r ** c["n"]) / (1 - r)),
    ], ctxs=N6))
    ch.append(Chain("falling", [
        I(r"\sum_{k=1}^{n} k(k - 1)", lambda c: S(lambda j: j * (j - 1), 1, c["n"])),
        I(r"\frac{1}{3} \sum_{k=1}^{n} \bigl[ (k + 1)k(k - 1) - k(k - 1)(k - 2) \bigr]",
          lambda c: Q(1, 3) * S(lambda j: (j + 1) * j * (j - 1) - j * (j - 1) * (j - 2), 1, c["n"])),
        I(r"\frac{(n + 1)n(n - 1)}{3}", lambda c: sp.Rational((c["n"] + 1) * c["n"] * (c["n"] - 1), 3)),
    ], ctxs=N6))
    ch.append(Chain("squares", [
        I(r"\sum_{k=1}^{n} k^2", lambda c: S(lambda j: j ** 2, 1, c["n"])),
        I(r"\underbrace{\sum_{k=1}^{n} k(k - 1)}_{\text{by \eqref{eq:falling}}} + \underbrace{\sum_{k=1}^{n} k}_{\text{by \eqref{eq:pairing}}}", lambda c: S(lambda j: j * (j - 1), 1, c["n"]) + S(lambda j: j, 1, c["n"])),
        I(r"\frac{(n + 1)n(n - 1)}{3} + \frac{n(n + 1)}{2}", lambda c: sp.Rational((c["n"] + 1) * c["n"] * (c["n"] - 1), 3) + sp.Rational(c["n"] * (c["n"] + 1), 2)),
        I(r"\frac{n(n + 1)(2n + 1)}{6}", lambda c: sp.Rational(c["n"] * (c["n"] + 1) * (2 * c["n"] + 1), 6)),
    ], ctxs=N6))
    # power series at 0.05 <= r <= 0.5 (the text: |r| < 1); the series are summed term by term
    # and "d/dr sum_k r^k" is the term-by-term derivative
    ch.append(Chain("gen1", [
        I(r"\sum_{k=1}^{\infty} k r^{k-1}", const(sp.Sum(k * ri ** (k - 1), (k, 1, sp.oo)))),
        I(r"\frac{d}{dr} \sum_{k=0}^{\infty} r^k", const(sp.Sum(sp.diff(ri ** k, ri), (k, 0, sp.oo)))),
        I(r"\frac{d}{dr} \frac{1}{1 - r}", const(sp.diff(1 / (1 - ri), ri))),
        I(r"\frac{1}{(1 - r)^2}", const(1 / (1 - ri) ** 2)),
    ]))
    ch.append(Chain("gen2", [
        I(r"\sum_{k=1}^{\infty} k r^{k}", const(sp.Sum(k * ri ** k, (k, 1, sp.oo)))),
        I(r"r \sum_{k=1}^{\infty} k r^{k-1}", const(ri * sp.Sum(k * ri ** (k - 1), (k, 1, sp.oo)))),
        I(r"\frac{r}{(1 - r)^2}", const(ri / (1 - ri) ** 2)),
    ]))
    ch.append(Chain("gen3", [
        I(r"\sum_{k=1}^{\infty} k^2 r^{k}", const(sp.Sum(k ** 2 * ri ** k, (k, 1, sp.oo)))),
        I(r"r \frac{d}{dr} \frac{r}{(1 - r)^2}", const(ri * sp.diff(ri / (1 - ri) ** 2, ri))),
        I(r"r \cdot \frac{(1 - r)^2 + 2r(1 - r)}{(1 - r)^4}", const(ri * ((1 - ri) ** 2 + 2 * ri * (1 - ri)) / (1 - ri) ** 4)),
        I(r"\frac{r(1 + r)}{(1 - r)^3}", const(ri * (1 + ri) / (1 - ri) ** 3)),
    ]))
    ch.append(Chain("geom mean", [
        I(r"\mathbb{E}[N]", const(sp.Sum(k * q ** k * p, (k, 0, sp.oo)))),
        I(r"\sum_{k=0}^{\infty} k\, q^{k} p", const(sp.Sum(k * q ** k * p, (k, 0, sp.oo)))),
        I(r"p \cdot \frac{q}{(1 - q)^2}", const(p * q / (1 - q) ** 2)),
        I(r"\frac{q}{p}", const(q / p)),
    ]))
    ch.append(Chain("num arith", [
        I(r"\sum_{k=0}^{9} (3 + 2k)", const(S(lambda j: 3 + 2 * j, 0, 9))),
        I(r"\frac{10}{2}\bigl( 2 \cdot 3 + 9 \cdot 2 \bigr)", const(Q(10, 2) * (2 * 3 + 9 * 2))),
        I(r"120", const(120)),
    ]))
    ch.append(Chain("num squares", [
        I(r"\sum_{k=1}^{12} k^2", const(S(lambda j: j ** 2, 1, 12))),
        I(r"\frac{12 \cdot 13 \cdot 25}{6}", const(Q(12 * 13 * 25, 6))),
        I(r"650", const(650)),
    ]))
    doc = Doc("finite_and_power_series_textbook.tex", ch)
    return with_plant(doc, r"= r \cdot \frac{(1 - r)^2 + 2r(1 - r)}{(1 - r)^4}", r"= r \cdot \frac{(1 - r)^2 + 2r(1 - r)}{(1 - r)^3}",
                      "gen3", 2, I(r"r \cdot \frac{(1 - r)^2 + 2r(1 - r)}{(1 - r)^3}", const(ri * ((1 - ri) ** 2 + 2 * ri * (1 - ri)) / (1 - ri) ** 3)),
                      "wrong exponent: (1 - r)^3 for (1 - r)^4 in the quotient-rule denominator")



def telescoping_sums_study_group():
    kk = R("k", -3, 3)             # the term identities hold for every real k
    k = sp.Symbol("k", integer=True, positive=True)
    x = R("x", -1.5, 0.9)          # x != 1
    N6 = sizes(1, 6)
    tri = lambda t: (t * (t + 1) / 2) ** 2  # noqa: E731
    ch = []
    ch.append(Chain("odd", [
        I(r"\sum_{k=1}^{n} (2k - 1)", lambda c: S(lambda j: 2 * j - 1, 1, c["n"])),
        I(r"2 \sum_{k=1}^{n} k - n", lambda c: 2 * S(lambda j: j, 1, c["n"]) - c["n"]),
        I(r"n(n + 1) - n", lambda c: c["n"] * (c["n"] + 1) - c["n"]),
        I(r"n^2", lambda c: c["n"] ** 2),
    ], ctxs=N6))
    ch.append(Chain("cube term", [
        I(r"\Bigl( \frac{k(k + 1)}{2} \Bigr)^2 - \Bigl( \frac{(k - 1)k}{2} \Bigr)^2", const(tri(kk) - ((kk - 1) * kk / 2) ** 2)),
        I(r"\frac{k^2}{4} \bigl[ (k + 1)^2 - (k - 1)^2 \bigr]", const(kk ** 2 / 4 * ((kk + 1) ** 2 - (kk - 1) ** 2))),
        I(r"\frac{k^2}{4} \cdot 4k", const(kk ** 2 / 4 * 4 * kk)),
        I(r"k^3", const(kk ** 3)),
    ]))
    ch.append(Chain("cubes", [
        I(r"\sum_{k=1}^{n} k^3", lambda c: S(lambda j: j ** 3, 1, c["n"])),
        I(r"\sum_{k=1}^{n} \Bigl[ \Bigl( \frac{k(k + 1)}{2} \Bigr)^2 - \Bigl( \frac{(k - 1)k}{2} \Bigr)^2 \Bigr]",
          lambda c: S(lambda j: sp.Rational(j * (j + 1), 2) ** 2 - sp.Rational((j - 1) * j, 2) ** 2, 1, c["n"])),
        I(r"\Bigl( \frac{n(n + 1)}{2} \Bigr)^2", lambda c: sp.Rational(c["n"] * (c["n"] + 1), 2) ** 2),
    ], ctxs=N6))
    ch.append(Chain("cubes 4", [
        I(r"1 + 8 + 27 + 64", const(1 + 8 + 27 + 64)),
        I(r"100", const(100)),
        I(r"\Bigl( \frac{4 \cdot 5}{2} \Bigr)^2", const(Q(4 * 5, 2) ** 2)),
    ]))
    kp = P("k_pos", 0.5, 4)        # partial fractions: k > 0
    ch.append(Chain("partial fractions", [
        I(r"\frac{1}{k(k + 1)(k + 2)}", const(1 / (kp * (kp + 1) * (kp + 2)))),
        I(r"\frac{1}{2} \Bigl[ \frac{1}{k(k + 1)} - \frac{1}{(k + 1)(k + 2)} \Bigr]", const(half * (1 / (kp * (kp + 1)) - 1 / ((kp + 1) * (kp + 2))))),
    ]))
    ch.append(Chain("three-factor", [
        I(r"\sum_{k=1}^{n} \frac{1}{k(k + 1)(k + 2)}", lambda c: S(lambda j: sp.Rational(1, j * (j + 1) * (j + 2)), 1, c["n"])),
        I(r"\frac{1}{2} \Bigl[ \frac{1}{1 \cdot 2} - \frac{1}{(n + 1)(n + 2)} \Bigr]", lambda c: half * (half - sp.Rational(1, (c["n"] + 1) * (c["n"] + 2)))),
        I(r"\frac{1}{4} - \frac{1}{2(n + 1)(n + 2)}", lambda c: Q(1, 4) - sp.Rational(1, 2 * (c["n"] + 1) * (c["n"] + 2))),
    ], ctxs=N6))

    def geo(c):
        return (x ** (c["n"] + 1) - 1) / (x - 1)

    ch.append(Chain("weighted", [
        I(r"\sum_{k=1}^{n} k x^{k-1}", lambda c: S(lambda j: j * x ** (j - 1), 1, c["n"])),
        I(r"\frac{d}{dx} \frac{x^{n+1} - 1}{x - 1}", lambda c: sp.diff(geo(c), x)),
        I(r"\frac{(n + 1) x^{n} (x - 1) - (x^{n+1} - 1)}{(x - 1)^2}",
          lambda c: ((c["n"] + 1) * x ** c["n"] * (x - 1) - (x ** (c["n"] + 1) - 1)) / (x - 1) ** 2),
        I(r"\frac{n x^{n+1} - (n + 1) x^{n} + 1}{(x - 1)^2}", lambda c: (c["n"] * x ** (c["n"] + 1) - (c["n"] + 1) * x ** c["n"] + 1) / (x - 1) ** 2),
    ], ctxs=N6))
    ch.append(Chain("at 2", [
        I(r"\sum_{k=1}^{n} k\, 2^{k-1}", lambda c: S(lambda j: j * 2 ** (j - 1), 1, c["n"])),
        I(r"n\, 2^{n+1} - (n + 1)\, 2^{n} + 1", lambda c: c["n"] * 2 ** (c["n"] + 1) - (c["n"] + 1) * 2 ** c["n"] + 1),
        I(r"(n - 1)\, 2^{n} + 1", lambda c: (c["n"] - 1) * 2 ** c["n"] + 1),
    ], ctxs=N6))
    ch.append(Chain("infinite", [
        I(r"\sum_{k=1}^{\infty} \frac{k}{2^k}", const(sp.Sum(k / 2 ** k, (k, 1, sp.oo)))),
        I(r"\frac{1}{2} \sum_{k=1}^{\infty} k \Bigl( \frac{1}{2} \Bigr)^{k-1}", const(half * sp.Sum(k * half ** (k - 1), (k, 1, sp.oo)))),
        I(r"\frac{1}{2} \cdot \frac{1}{(1 - 1/2)^2}", const(half / (1 - half) ** 2)),
        I(r"2", const(2)),
    ]))
    doc = Doc("telescoping_sums_study_group.md", ch)
    return with_plant(doc, r"&= \frac{(n + 1) x^{n} (x - 1) - (x^{n+1} - 1)}{(x - 1)^2} \\", r"&= \frac{(n + 1) x^{n} (x - 1)}{(x - 1)^2} \\",
                      "weighted", 2, I(r"\frac{(n + 1) x^{n} (x - 1)}{(x - 1)^2}", lambda c: ((c["n"] + 1) * x ** c["n"] * (x - 1)) / (x - 1) ** 2),
                      "dropped term: the - (x^{n+1} - 1) of the quotient-rule numerator")



# ===========================================================================
# family 10: KL divergence
def _npdf(x, m, s):
    return sp.exp(-(x - m) ** 2 / (2 * s ** 2)) / (s * sp.sqrt(2 * sp.pi))


def kl_gaussians_appendix():
    x = xr
    Xv = sp.Symbol("Xp", real=True)        # X ~ p, expectations by Gaussian moments
    m1, m2 = R("mu_1"), R("mu_2")
    s1, s2 = P("sigma_1", 0.4, 2.0), P("sigma_2", 0.4, 2.0)

    def Ep(e):
        return E_iid(e, [Xv], gauss_moments(m1, s1 ** 2))

    logratio = sp.expand(sp.expand_log(sp.log(_npdf(Xv, m1, s1)) - sp.log(_npdf(Xv, m2, s2)), force=True))
    lr_x = logratio.subs(Xv, x)
    kl_int = sp.integrate(_npdf(x, m1, s1) * lr_x, (x, -sp.oo, sp.oo), conds="none")
    closed = sp.log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - half
    ch = []
    ch.append(Chain("kl", [
        I(r"\KL{p}{q}", const(kl_int)),
        I(r"\int_{-\infty}^{\infty} p(x) \log \frac{p(x)}{q(x)}\,dx", const(kl_int)),
        I(r"\mathbb{E}_p\bigl[ \log p(X) - \log q(X) \bigr]", const(Ep(logratio))),
        I(r"\mathbb{E}_p\Bigl[ \log\frac{\sigma_2}{\sigma_1} - \frac{(X - \mu_1)^2}{2\sigma_1^2} + \frac{(X - \mu_2)^2}{2\sigma_2^2} \Bigr]",
          const(Ep(sp.log(s2 / s1) - (Xv - m1) ** 2 / (2 * s1 ** 2) + (Xv - m2) ** 2 / (2 * s2 ** 2)))),
        I(r"\log\frac{\sigma_2}{\sigma_1} - \frac{\mathbb{E}_p\bigl[(X - \mu_1)^2\bigr]}{2\sigma_1^2} + \frac{\mathbb{E}_p\bigl[(X - \mu_2)^2\bigr]}{2\sigma_2^2}",
          const(sp.log(s2 / s1) - Ep((Xv - m1) ** 2) / (2 * s1 ** 2) + Ep((Xv - m2) ** 2) / (2 * s2 ** 2))),
    ], [DEF, "id", "id", "id"]))
    ch.append(Chain("second moment", [
        I(r"\mathbb{E}_p\bigl[(X - \mu_2)^2\bigr]", const(Ep((Xv - m2) ** 2))),
        I(r"\mathbb{E}_p\bigl[(X - \mu_1 + \mu_1 - \mu_2)^2\bigr]", const(Ep((Xv - m1 + m1 - m2) ** 2))),
        I(r"\sigma_1^2 + 2(\mu_1 - \mu_2)\,\mathbb{E}_p[X - \mu_1] + (\mu_1 - \mu_2)^2", const(s1 ** 2 + 2 * (m1 - m2) * Ep(Xv - m1) + (m1 - m2) ** 2)),
        I(r"\sigma_1^2 + (\mu_1 - \mu_2)^2", const(s1 ** 2 + (m1 - m2) ** 2)),
    ]))
    ch.append(Chain("closed", [
        I(r"\KL{p}{q}", const(kl_int)),
        I(r"\log\frac{\sigma_2}{\sigma_1} - \frac{\sigma_1^2}{2\sigma_1^2} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2}",
          const(sp.log(s2 / s1) - s1 ** 2 / (2 * s1 ** 2) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2))),
        I(r"\log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2} - \frac{1}{2}", const(closed)),
    ]))
    sg = P("sigma", 0.4, 2.0)
    kl_eq = kl_int.subs({s1: sg, s2: sg})
    ch.append(Chain("equal var", [
        I(r"\KL{\N(\mu_1, \sigma^2)}{\N(\mu_2, \sigma^2)}", const(kl_eq)),
        I(r"\frac{(\mu_1 - \mu_2)^2}{2\sigma^2}", const((m1 - m2) ** 2 / (2 * sg ** 2))),
    ]))
    ch.append(Chain("d mu1", [
        I(r"\frac{\partial}{\partial \mu_1} \KL{p}{q}", const(sp.diff(kl_int, m1))),
        I(r"\frac{\mu_1 - \mu_2}{\sigma_2^2}", const((m1 - m2) / s2 ** 2)),
    ]))
    ch.append(Chain("d sigma1", [
        I(r"\frac{\partial}{\partial \sigma_1} \KL{p}{q}", const(sp.diff(kl_int, s1))),
        I(r"-\frac{1}{\sigma_1} + \frac{\sigma_1}{\sigma_2^2}", const(-1 / s1 + s1 / s2 ** 2)),
        I(r"\frac{\sigma_1^2 - \sigma_2^2}{\sigma_1 \sigma_2^2}", const((s1 ** 2 - s2 ** 2) / (s1 * s2 ** 2))),
    ]))
    mu = R("mu")
    kl_vae = kl_int.subs({m1: mu, s1: sg, m2: 0, s2: 1})
    ch.append(Chain("vae", [
        I(r"\KL{\N(\mu, \sigma^2)}{\N(0, 1)}", const(kl_vae)),
        I(r"-\log\sigma + \frac{\sigma^2 + \mu^2}{2} - \frac{1}{2}", const(-sp.log(sg) + (sg ** 2 + mu ** 2) / 2 - half)),
        I(r"\frac{1}{2}\bigl( \mu^2 + \sigma^2 - \log\sigma^2 - 1 \bigr)", const(half * (mu ** 2 + sg ** 2 - sp.log(sg ** 2) - 1))),
    ]))
    v = R("v")
    F = half * (mu ** 2 + sp.exp(v) - v - 1)
    ch.append(Chain("d mu", [
        I(r"\frac{\partial}{\partial \mu}\, \frac{1}{2}\bigl( \mu^2 + e^{v} - v - 1 \bigr)", const(sp.diff(F, mu))),
        I(r"\mu", const(mu)),
    ]))
    # sigma^2 = e^v (v is the log-variance)
    ch.append(Chain("d v", [
        I(r"\frac{\partial}{\partial v}\, \frac{1}{2}\bigl( \mu^2 + e^{v} - v - 1 \bigr)", const(sp.diff(F, v))),
        I(r"\frac{1}{2}\bigl( e^{v} - 1 \bigr)", const(half * (sp.exp(v) - 1))),
        I(r"\frac{\sigma^2 - 1}{2}", const((sp.exp(v) - 1) / 2)),
    ]))
    num = {m1: 1, s1: 1, m2: 0, s2: 2}
    ch.append(Chain("numbers", [
        I(r"\KL{p}{q}", const(kl_int.subs(num))),
        I(r"\log 2 + \frac{1 + 1}{8} - \frac{1}{2}", const(sp.log(2) + Q(2, 8) - half)),
        I(r"\log 2 - \frac{1}{4}", const(sp.log(2) - Q(1, 4))),
    ]))
    doc = Doc("kl_gaussians_appendix.tex", ch)
    return with_plant(doc, r"&= \log\frac{\sigma_2}{\sigma_1} - \frac{\sigma_1^2}{2\sigma_1^2} +", r"&= \log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2}{2\sigma_1^2} +",
                      "closed", 1,
                      I(r"\log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2}{2\sigma_1^2} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2}",
                        const(sp.log(s2 / s1) + s1 ** 2 / (2 * s1 ** 2) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2))),
                      "sign: + sigma_1^2 / (2 sigma_1^2) for - in the substituted KL")



def kl_bernoulli_blog():
    p, q = P("p", 0.05, 0.95), P("q", 0.05, 0.95)
    log = sp.log

    def D(a, b):
        return a * log(a / b) + (1 - a) * log((1 - a) / (1 - b))

    Pm = {1: p, 0: 1 - p}
    Qm = {1: q, 0: 1 - q}
    ch = []
    ch.append(Chain("def", [
        I(r"D(p \,\|\, q)", const(D(p, q))),
        I(r"\sum_{x \in \{0, 1\}} P(x) \log \frac{P(x)}{Q(x)}", const(sp.Add(*[Pm[t] * log(Pm[t] / Qm[t]) for t in (0, 1)]))),
        I(r"p \log \frac{p}{q} + (1 - p) \log \frac{1 - p}{1 - q}", const(D(p, q))),
    ], [DEF, "id"]))
    ch.append(Chain("at p", [
        I(r"D(p \,\|\, p)", const(D(p, p))),
        I(r"p \log 1 + (1 - p) \log 1", const(p * log(1) + (1 - p) * log(1))),
        I(r"0", const(0)),
    ]))
    Hp = -p * log(p) - (1 - p) * log(1 - p)
    Hpq = -p * log(q) - (1 - p) * log(1 - q)
    ch.append(Chain("def H", [I(r"H(p)", const(Hp)), I(r"-p \log p - (1 - p) \log(1 - p)", const(Hp))], DEF))
    ch.append(Chain("def Hpq", [I(r"H(p, q)", const(Hpq)), I(r"-p \log q - (1 - p) \log(1 - q)", const(Hpq))], DEF))
    ch.append(Chain("split", [
        I(r"D(p \,\|\, q)", const(D(p, q))),
        I(r"\bigl[ -p \log q - (1 - p) \log(1 - q) \bigr] - \bigl[ -p \log p - (1 - p) \log(1 - p) \bigr]",
          const((-p * log(q) - (1 - p) * log(1 - q)) - (-p * log(p) - (1 - p) * log(1 - p)))),
        I(r"H(p, q) - H(p)", const(Hpq - Hp)),
    ]))
    ch.append(Chain("dq", [
        I(r"\frac{\partial D}{\partial q}", const(sp.diff(D(p, q), q))),
        I(r"-\frac{p}{q} + \frac{1 - p}{1 - q}", const(-p / q + (1 - p) / (1 - q))),
        I(r"\frac{q - p}{q (1 - q)}", const((q - p) / (q * (1 - q)))),
    ]))
    ch.append(Chain("dq2", [
        I(r"\frac{\partial^2 D}{\partial q^2}", const(sp.diff(D(p, q), q, 2))),
        I(r"\frac{p}{q^2} + \frac{1 - p}{(1 - q)^2}", const(p / q ** 2 + (1 - p) / (1 - q) ** 2)),
    ]))
    ch.append(Chain("dq2 at p", [
        I(r"\frac{\partial^2 D}{\partial q^2} \Big|_{q = p}", const(sp.diff(D(p, q), q, 2).subs(q, p))),
        I(r"\frac{1}{p} + \frac{1}{1 - p}", const(1 / p + 1 / (1 - p))),
        I(r"\frac{1}{p (1 - p)}", const(1 / (p * (1 - p)))),
    ]))

    def Dbin(n):
        P_ = [sp.binomial(n, k) * p ** k * (1 - p) ** (n - k) for k in range(n + 1)]
        Q_ = [sp.binomial(n, k) * q ** k * (1 - q) ** (n - k) for k in range(n + 1)]
        return sp.Add(*[a * log(a / b) for a, b in zip(P_, Q_)])

    ch.append(Chain("binomial", [
        I(r"D\bigl(\mathrm{Bin}(n, p) \,\|\, \mathrm{Bin}(n, q)\bigr)", lambda c: Dbin(c["n"])),
        I(r"\sum_{k=0}^{n} \binom{n}{k} p^k (1 - p)^{n - k} \Bigl[ k \log \frac{p}{q} + (n - k) \log \frac{1 - p}{1 - q} \Bigr]",
          lambda c: sp.Add(*[sp.binomial(c["n"], k) * p ** k * (1 - p) ** (c["n"] - k) * (k * log(p / q) + (c["n"] - k) * log((1 - p) / (1 - q)))
                             for k in range(c["n"] + 1)])),
        I(r"n p \log \frac{p}{q} + n (1 - p) \log \frac{1 - p}{1 - q}", lambda c: c["n"] * p * log(p / q) + c["n"] * (1 - p) * log((1 - p) / (1 - q))),
    ], ctxs=sizes(1, 4)))
    ch.append(Chain("half quarter", [
        I(r"D\bigl(\tfrac12 \,\|\, \tfrac14\bigr)", const(D(half, Q(1, 4)))),
        I(r"\frac{1}{2} \log \frac{1/2}{1/4} + \frac{1}{2} \log \frac{1/2}{3/4}", const(half * log(half / Q(1, 4)) + half * log(half / Q(3, 4)))),
        I(r"\frac{1}{2} \log 2 + \frac{1}{2} \log \frac{2}{3}", const(half * log(2) + half * log(Q(2, 3)))),
        I(r"\frac{1}{2} \log \frac{4}{3}", const(half * log(Q(4, 3)))),
    ]))
    ch.append(Chain("quarter half", [
        I(r"D\bigl(\tfrac14 \,\|\, \tfrac12\bigr)", const(D(Q(1, 4), half))),
        I(r"\frac{1}{4} \log \frac{1/4}{1/2} + \frac{3}{4} \log \frac{3/4}{1/2}", const(Q(1, 4) * log(Q(1, 4) / half) + Q(3, 4) * log(Q(3, 4) / half))),
        I(r"\frac{3}{4} \log 3 - \log 2", const(Q(3, 4) * log(3) - log(2))),
    ]))
    doc = Doc("kl_bernoulli_blog.md", ch)
    return with_plant(doc, r"= \frac{1}{2} \log 2 + \frac{1}{2} \log \frac{2}{3} =", r"= \frac{1}{4} \log 2 + \frac{1}{2} \log \frac{2}{3} =",
                      "half quarter", 2, I(r"\frac{1}{4} \log 2 + \frac{1}{2} \log \frac{2}{3}", const(Q(1, 4) * log(2) + half * log(Q(2, 3)))),
                      "wrong constant: 1/4 log 2 for 1/2 log 2 in the worked divergence")



# ===========================================================================
# family 11: bias-variance decomposition
def bias_variance_exam_solutions():
    th = R("theta")
    EX = E(X)
    ch = []
    ch.append(Chain("decomposition", [
        I(r"\MSE(\hat\theta)", const(E((X - th) ** 2))),
        I(r"\mathbb{E}\bigl[ (\hat\theta - \theta)^2 \bigr]", const(E((X - th) ** 2))),
        I(r"\mathbb{E}\Bigl[ \bigl( \hat\theta - \mathbb{E}[\hat\theta] + \mathbb{E}[\hat\theta] - \theta \bigr)^2 \Bigr]",
          const(E((X - EX + EX - th) ** 2))),
        I(r"\mathbb{E}\Bigl[ \bigl( \hat\theta - \mathbb{E}[\hat\theta] \bigr)^2 \Bigr] + 2\bigl( \mathbb{E}[\hat\theta] - \theta \bigr)\, \mathbb{E}\bigl[ \hat\theta - \mathbb{E}[\hat\theta] \bigr] + \bigl( \mathbb{E}[\hat\theta] - \theta \bigr)^2",
          const(E((X - EX) ** 2) + 2 * (EX - th) * E(X - EX) + (EX - th) ** 2)),
        I(r"\boxed{\Var(\hat\theta) + \Bias(\hat\theta)^2}", const(Var(X) + (EX - th) ** 2)),
    ], [DEF, "id", "id", "id"]))
    mu, s2 = R("mu"), P("sigma2", 0.3, 2.0)
    cc = R("c")

    def xs(c):
        return vec("X", c["n"])

    def Ei(e, c):
        return E_iid(e, xs(c), two_moments(mu, s2))

    def xb(c):
        return mean(xs(c))

    N14 = sizes(1, 4)
    ch.append(Chain("mean", [I(r"\mathbb{E}[c\bar{X}]", lambda c: Ei(cc * xb(c), c)), I(r"c\mu", const(cc * mu))], ctxs=N14))
    ch.append(Chain("bias", [
        I(r"\Bias(c\bar{X})", lambda c: Ei(cc * xb(c), c) - mu),
        I(r"c\mu - \mu", const(cc * mu - mu)),
        I(r"(c - 1)\mu", const((cc - 1) * mu)),
    ], ctxs=N14))
    ch.append(Chain("var", [
        I(r"\Var(c\bar{X})", lambda c: Var_iid(cc * xb(c), xs(c), two_moments(mu, s2))),
        I(r"c^2 \Var(\bar{X})", lambda c: cc ** 2 * Var_iid(xb(c), xs(c), two_moments(mu, s2))),
        I(r"\frac{c^2\sigma^2}{n}", lambda c: cc ** 2 * s2 / c["n"]),
    ], ctxs=N14))

    def mse(c, k=cc):
        return Ei((k * xb(c) - mu) ** 2, c)

    ch.append(Chain("mse", [
        I(r"\MSE(c\bar{X})", mse),
        I(r"(c - 1)^2 \mu^2 + \frac{c^2\sigma^2}{n}", lambda c: (cc - 1) ** 2 * mu ** 2 + cc ** 2 * s2 / c["n"]),
    ], ctxs=N14))
    ch.append(Chain("d mse", [
        I(r"\frac{d}{dc} \MSE(c\bar{X})", lambda c: sp.diff(mse(c), cc)),
        I(r"2(c - 1)\mu^2 + \frac{2c\sigma^2}{n}", lambda c: 2 * (cc - 1) * mu ** 2 + 2 * cc * s2 / c["n"]),
    ], ctxs=N14))

    def cstar(c):
        return mu ** 2 / (mu ** 2 + s2 / c["n"])

    ch.append(Chain("c star", [
        I(r"c^*", cstar),
        I(r"\frac{\mu^2}{\mu^2 + \sigma^2/n}", cstar),
        I(r"\frac{n\mu^2}{n\mu^2 + \sigma^2}", lambda c: c["n"] * mu ** 2 / (c["n"] * mu ** 2 + s2)),
    ], [DEF, "id"], N14))
    ch.append(Chain("mse at c star", [
        I(r"\MSE(c^*\bar{X})", lambda c: mse(c, cstar(c))),
        I(r"(c^* - 1)^2 \mu^2 + \frac{(c^*)^2 \sigma^2}{n}", lambda c: (cstar(c) - 1) ** 2 * mu ** 2 + cstar(c) ** 2 * s2 / c["n"]),
        I(r"\frac{\sigma^4 \mu^2 + n\mu^4 \sigma^2}{(n\mu^2 + \sigma^2)^2}", lambda c: (s2 ** 2 * mu ** 2 + c["n"] * mu ** 4 * s2) / (c["n"] * mu ** 2 + s2) ** 2),
        I(r"\frac{\mu^2 \sigma^2}{n\mu^2 + \sigma^2}", lambda c: mu ** 2 * s2 / (c["n"] * mu ** 2 + s2)),
    ], ctxs=N14))

    # normal data: Gaussian moments up to order 4
    def Eg(e, c):
        return E_iid(e, xs(c), gauss_moments(mu, s2))

    def S2(c):
        return sp.Add(*[(x - xb(c)) ** 2 for x in xs(c)]) / (c["n"] - 1)

    def sb(c):
        return sp.Rational(c["n"] - 1, c["n"]) * S2(c)

    N24 = sizes(2, 4)
    ch.append(Chain("bias sb", [
        I(r"\Bias(\hat\sigma^2_{\mathrm{b}})", lambda c: Eg(sb(c), c) - s2),
        I(r"\mathbb{E}[\hat\sigma^2_{\mathrm{b}}] - \sigma^2", lambda c: Eg(sb(c), c) - s2),
        I(r"\frac{n - 1}{n}\sigma^2 - \sigma^2", lambda c: sp.Rational(c["n"] - 1, c["n"]) * s2 - s2),
        I(r"-\frac{\sigma^2}{n}", lambda c: -s2 / c["n"]),
    ], ctxs=N24))
    ch.append(Chain("mse S2", [
        I(r"\MSE(S^2)", lambda c: Eg((S2(c) - s2) ** 2, c)),
        I(r"\Var(S^2)", lambda c: Eg(S2(c) ** 2, c) - Eg(S2(c), c) ** 2),
        I(r"\frac{2\sigma^4}{n - 1}", lambda c: 2 * s2 ** 2 / (c["n"] - 1)),
    ], ctxs=N24))
    ch.append(Chain("mse sb", [
        I(r"\MSE(\hat\sigma^2_{\mathrm{b}})", lambda c: Eg((sb(c) - s2) ** 2, c)),
        I(r"\Bigl( -\frac{\sigma^2}{n} \Bigr)^2 + \frac{2(n - 1)\sigma^4}{n^2}", lambda c: (s2 / c["n"]) ** 2 + 2 * (c["n"] - 1) * s2 ** 2 / c["n"] ** 2),
        I(r"\frac{(2n - 1)\sigma^4}{n^2}", lambda c: (2 * c["n"] - 1) * s2 ** 2 / c["n"] ** 2),
    ], ctxs=N24))
    c4 = {"n": 4}
    num = {mu: 1, s2: 4}
    ch.append(Chain("num c", [
        I(r"c^*", const(cstar(c4).subs(num))),
        I(r"\frac{4 \cdot 1}{4 \cdot 1 + 4}", const(Q(4, 8))),
        I(r"\frac{1}{2}", const(half)),
    ]))
    ch.append(Chain("num mse", [
        I(r"\MSE(c^*\bar{X})", const(mse(c4, cstar(c4)).subs(num))),
        I(r"\frac{1 \cdot 4}{4 \cdot 1 + 4}", const(Q(4, 8))),
        I(r"\frac{1}{2}", const(half)),
    ]))
    doc = Doc("bias_variance_exam_solutions.tex", ch)
    return with_plant(doc, r"= \Bigl( -\frac{\sigma^2}{n} \Bigr)^2 + \frac{2(n - 1)\sigma^4}{n^2}", r"= \frac{2(n - 1)\sigma^4}{n^2}", "mse sb", 1,
                      I(r"\frac{2(n - 1)\sigma^4}{n^2}", lambda c: 2 * (c["n"] - 1) * s2 ** 2 / c["n"] ** 2),
                      "dropped term: the squared bias (-sigma^2/n)^2 in the MSE of the biased variance estimator")



def bias_variance_prediction_answer():
    from framework import mom
    from helpers import E_ind
    f = R("f")
    s2 = P("sigma2", 0.3, 2.0)
    noise = {mom(0, 1): 0, mom(0, 2): s2}

    def Ee(e):
        """E over (fhat, eps) = (X, Y): independent, E[eps] = 0, E[eps^2] = sigma^2."""
        return E_ind(e).subs(noise)

    Fh, ep = X, Y
    EF = E(Fh)
    ch = []
    ch.append(Chain("cross 1", [
        I(r"\mathbb{E}\bigl[(y - \hat f)^2\bigr]", const(Ee((f + ep - Fh) ** 2))),
        I(r"\mathbb{E}\bigl[(f - \hat f + \varepsilon)^2\bigr]", const(Ee((f - Fh + ep) ** 2))),
        I(r"\mathbb{E}\bigl[(f - \hat f)^2\bigr] + 2\,\mathbb{E}\bigl[(f - \hat f)\,\varepsilon\bigr] + \mathbb{E}[\varepsilon^2]",
          const(Ee((f - Fh) ** 2) + 2 * Ee((f - Fh) * ep) + Ee(ep ** 2))),
        I(r"\mathbb{E}\bigl[(f - \hat f)^2\bigr] + 2\,\mathbb{E}[f - \hat f]\,\mathbb{E}[\varepsilon] + \sigma^2",
          const(Ee((f - Fh) ** 2) + 2 * Ee(f - Fh) * Ee(ep) + s2)),
        I(r"\mathbb{E}\bigl[(f - \hat f)^2\bigr] + \sigma^2", const(Ee((f - Fh) ** 2) + s2)),
    ]))
    ch.append(Chain("cross 2", [
        I(r"\mathbb{E}\bigl[(f - \hat f)^2\bigr]", const(E((f - Fh) ** 2))),
        I(r"\mathbb{E}\bigl[(f - \mathbb{E}\hat f + \mathbb{E}\hat f - \hat f)^2\bigr]", const(E((f - EF + EF - Fh) ** 2))),
        I(r"(f - \mathbb{E}\hat f)^2 + 2(f - \mathbb{E}\hat f)\,\mathbb{E}\bigl[\mathbb{E}\hat f - \hat f\bigr] + \mathbb{E}\bigl[(\hat f - \mathbb{E}\hat f)^2\bigr]",
          const((f - EF) ** 2 + 2 * (f - EF) * E(EF - Fh) + E((Fh - EF) ** 2))),
        I(r"\bigl(\mathbb{E}\hat f - f\bigr)^2 + \operatorname{Var}(\hat f)", const((EF - f) ** 2 + Var(Fh))),
    ]))
    ch.append(Chain("together", [
        I(r"\mathbb{E}\bigl[(y - \hat f)^2\bigr]", const(Ee((f + ep - Fh) ** 2))),
        I(r"\sigma^2 + \operatorname{Bias}(\hat f)^2 + \operatorname{Var}(\hat f)", const(s2 + (EF - f) ** 2 + Var(Fh))),
    ]))
    ch.append(Chain("shortcut", [
        I(r"\mathbb{E}\bigl[(f - \hat f)^2\bigr]", const(E((f - Fh) ** 2))),
        I(r"\operatorname{Var}(f - \hat f) + \bigl(\mathbb{E}[f - \hat f]\bigr)^2", const(Var(f - Fh) + E(f - Fh) ** 2)),
        I(r"\operatorname{Var}(\hat f) + (f - \mathbb{E}\hat f)^2", const(Var(Fh) + (f - EF) ** 2)),
    ]))

    # k-NN: fhat = (1/k) sum_l (f_l + eps_l), eps_l i.i.d. mean 0, variance sigma^2; test noise eps_0
    def fl(c):
        return vec("f", c["k"])

    def eps(c):
        return vec("eps", c["k"])

    def fhat(c):
        return sp.Add(*[a + b for a, b in zip(fl(c), eps(c))]) / c["k"]

    e0 = R("eps0")

    def Ek(e, c):
        return E_iid(e, eps(c) + [e0], two_moments(0, s2))

    K14 = sizes(1, 4, key="k")
    ch.append(Chain("knn mean", [I(r"\mathbb{E}[\hat f]", lambda c: Ek(fhat(c), c)),
                                 I(r"\frac{1}{k} \sum_{l=1}^{k} f_l", lambda c: sp.Add(*fl(c)) / c["k"])], ctxs=K14))
    ch.append(Chain("knn var", [
        I(r"\operatorname{Var}(\hat f)", lambda c: Ek(fhat(c) ** 2, c) - Ek(fhat(c), c) ** 2),
        I(r"\frac{1}{k^2} \sum_{l=1}^{k} \operatorname{Var}(\varepsilon_l)",
          lambda c: sp.Add(*[Ek(e ** 2, c) - Ek(e, c) ** 2 for e in eps(c)]) / c["k"] ** 2),
        I(r"\frac{\sigma^2}{k}", lambda c: s2 / c["k"]),
    ], ctxs=K14))
    ch.append(Chain("knn error", [
        I(r"\mathbb{E}\bigl[(y - \hat f)^2\bigr]", lambda c: Ek((f + e0 - fhat(c)) ** 2, c)),
        I(r"\sigma^2 + \Bigl( \frac{1}{k} \sum_{l=1}^{k} f_l - f \Bigr)^2 + \frac{\sigma^2}{k}",
          lambda c: s2 + (sp.Add(*fl(c)) / c["k"] - f) ** 2 + s2 / c["k"]),
    ], ctxs=K14))

    def err(k, vals):
        c = {"k": k}
        sub = dict(zip(fl(c), vals))
        sub.update({f: 0, s2: Q(3, 10)})
        return Ek((f + e0 - fhat(c)) ** 2, c).subs(sub)

    ch.append(Chain("err3", [
        I(r"\mathrm{Err}_3", const(err(3, [Q(1, 10), Q(2, 10), Q(6, 10)]))),
        I(r"0.3 + 0.3^2 + \frac{0.3}{3}", const(Q(3, 10) + Q(3, 10) ** 2 + Q(3, 10) / 3)),
        I(r"0.49", const(Q(49, 100))),
    ]))
    ch.append(Chain("err1", [
        I(r"\mathrm{Err}_1", const(err(1, [Q(1, 10)]))),
        I(r"0.3 + 0.1^2 + 0.3", const(Q(3, 10) + Q(1, 10) ** 2 + Q(3, 10))),
        I(r"0.61", const(Q(61, 100))),
    ]))
    doc = Doc("bias_variance_prediction_answer.md", ch)
    return with_plant(doc, r"= 0.3 + 0.3^2 + \frac{0.3}{3} =", r"= 0.3 + 0.3^3 + \frac{0.3}{3} =", "err3", 1,
                      I(r"0.3 + 0.3^3 + \frac{0.3}{3}", const(Q(3, 10) + Q(3, 10) ** 3 + Q(3, 10) / 3)),
                      "wrong exponent: 0.3^3 for the squared bias 0.3^2")



# ===========================================================================
# family 12: activation derivatives
def _phi(t):
    return sp.exp(-t ** 2 / 2) / sp.sqrt(2 * sp.pi)


def _Phi(t):
    return (1 + sp.erf(t / sp.sqrt(2))) / 2


def activation_derivatives_cheatsheet():
    x = R("x", -2.5, 2.5)
    beta = R("beta", -2, 2)
    softplus = lambda t: sp.log(1 + sp.exp(t))  # noqa: E731
    swish = lambda t: t * sig(t)  # noqa: E731
    gelu = lambda t: t * _Phi(t)  # noqa: E731
    ch = []
    ch.append(Chain("sigmoid", [
        I(r"\sigma'(x)", const(sp.diff(sig(x), x))),
        I(r"\frac{e^{-x}}{(1 + e^{-x})^2}", const(sp.exp(-x) / (1 + sp.exp(-x)) ** 2)),
        I(r"\sigma(x)\bigl(1 - \sigma(x)\bigr)", const(sig(x) * (1 - sig(x)))),
    ]))
    ch.append(Chain("tanh", [I(r"\tanh x", const(sp.tanh(x))), I(r"2\sigma(2x) - 1", const(2 * sig(2 * x) - 1))]))
    ch.append(Chain("tanh'", [
        I(r"\tanh'(x)", const(sp.diff(sp.tanh(x), x))),
        I(r"4\sigma'(2x)", const(4 * dsig(2 * x))),
        I(r"4\sigma(2x)\bigl(1 - \sigma(2x)\bigr)", const(4 * sig(2 * x) * (1 - sig(2 * x)))),
        I(r"1 - \tanh^2 x", const(1 - sp.tanh(x) ** 2)),
    ]))
    ch.append(Chain("def softplus", [I(r"\softplus(x)", const(softplus(x))), I(r"\log(1 + e^{x})", const(softplus(x)))], DEF))
    ch.append(Chain("softplus'", [
        I(r"\softplus'(x)", const(sp.diff(softplus(x), x))),
        I(r"\frac{e^{x}}{1 + e^{x}}", const(sp.exp(x) / (1 + sp.exp(x)))),
        I(r"\sigma(x)", const(sig(x))),
    ]))
    ch.append(Chain("softplus''", [I(r"\softplus''(x)", const(sp.diff(softplus(x), x, 2))),
                                   I(r"\sigma(x)\bigl(1 - \sigma(x)\bigr)", const(sig(x) * (1 - sig(x))))]))
    ch.append(Chain("softplus odd", [I(r"\softplus(x) - \softplus(-x)", const(softplus(x) - softplus(-x))), I(r"x", const(x))]))
    ch.append(Chain("def swish", [I(r"\swish(x)", const(swish(x))), I(r"x\,\sigma(x)", const(x * sig(x)))], DEF))
    ch.append(Chain("swish'", [
        I(r"\swish'(x)", const(sp.diff(swish(x), x))),
        I(r"\sigma(x) + x\,\sigma(x)\bigl(1 - \sigma(x)\bigr)", const(sig(x) + x * sig(x) * (1 - sig(x)))),
        I(r"\swish(x) + \sigma(x)\bigl(1 - \swish(x)\bigr)", const(swish(x) + sig(x) * (1 - swish(x)))),
    ]))
    ch.append(Chain("swish beta", [
        I(r"\frac{d}{dx}\, x\,\sigma(\beta x)", const(sp.diff(x * sig(beta * x), x))),
        I(r"\sigma(\beta x) + \beta x\,\sigma(\beta x)\bigl(1 - \sigma(\beta x)\bigr)", const(sig(beta * x) + beta * x * sig(beta * x) * (1 - sig(beta * x)))),
    ]))
    t = sp.Symbol("t", real=True)
    Phi_int = sp.Integral(_phi(t), (t, -sp.oo, x))
    ch.append(Chain("def gelu", [I(r"\GELU(x)", const(gelu(x))), I(r"x\,\Phi(x)", const(x * Phi_int))], DEF))
    ch.append(Chain("Phi erf", [I(r"\Phi(x)", const(Phi_int)), I(r"\frac{1}{2}\Bigl[ 1 + \erf\Bigl( \frac{x}{\sqrt{2}} \Bigr) \Bigr]", const(_Phi(x)))]))
    ch.append(Chain("gelu'", [
        I(r"\GELU'(x)", const(sp.diff(gelu(x), x))),
        I(r"\Phi(x) + x\,\varphi(x)", const(_Phi(x) + x * _phi(x))),
        I(r"\Phi(x) + \frac{x}{\sqrt{2\pi}} e^{-x^2/2}", const(_Phi(x) + x / sp.sqrt(2 * sp.pi) * sp.exp(-x ** 2 / 2))),
    ]))
    ch.append(Chain("gelu''", [
        I(r"\GELU''(x)", const(sp.diff(gelu(x), x, 2))),
        I(r"\varphi(x) + \varphi(x) + x\,\varphi'(x)", const(_phi(x) + _phi(x) + x * sp.diff(_phi(x), x))),
        I(r"(2 - x^2)\,\varphi(x)", const((2 - x ** 2) * _phi(x))),
    ]))
    z = sp.Symbol("z_", real=True)
    ch.append(Chain("swish'(0)", [
        I(r"\swish'(0)", const(sp.diff(swish(z), z).subs(z, 0))),
        I(r"\sigma(0)", const(sig(sp.Integer(0)))),
        I(r"\tfrac12", const(half)),
    ]))
    ch.append(Chain("gelu'(0)", [
        I(r"\GELU'(0)", const(sp.diff(gelu(z), z).subs(z, 0))),
        I(r"\Phi(0)", const(_Phi(sp.Integer(0)))),
        I(r"\tfrac12", const(half)),
    ]))
    ch.append(Chain("softplus(0)", [I(r"\softplus(0)", const(softplus(sp.Integer(0)))), I(r"\log 2", const(sp.log(2)))]))
    doc = Doc("activation_derivatives_cheatsheet.tex", ch)
    return with_plant(doc, r"\swish'(x) = \sigma(x) + x\,\sigma(x)\bigl(1 - \sigma(x)\bigr)", r"\swish'(x) = \sigma(x) + x\bigl(1 - \sigma(x)\bigr)",
                      "swish'", 1, I(r"\sigma(x) + x\bigl(1 - \sigma(x)\bigr)", const(sig(x) + x * (1 - sig(x)))),
                      "dropped factor: sigma(x) in the product-rule term x sigma(x)(1 - sigma(x))")



def activation_gradients_notebook():
    x = R("x", -2.5, 2.5)
    beta = R("beta", -2, 2)
    softplus = sp.log(1 + sp.exp(x))
    ch = []
    ch.append(Chain("def softplus", [I(r"\operatorname{softplus}(x)", const(softplus)), I(r"\log(1 + e^{x})", const(softplus))], DEF))
    ch.append(Chain("softplus'", [
        I(r"\frac{d}{dx} \operatorname{softplus}(x)", const(sp.diff(softplus, x))),
        I(r"\frac{e^{x}}{1 + e^{x}}", const(sp.exp(x) / (1 + sp.exp(x)))),
        I(r"1 - \frac{1}{1 + e^{x}}", const(1 - 1 / (1 + sp.exp(x)))),
        I(r"1 - e^{-\operatorname{softplus}(x)}", const(1 - sp.exp(-softplus))),
    ]))
    ch.append(Chain("tanh'", [
        I(r"\frac{d}{dx} \tanh x", const(sp.diff(sp.tanh(x), x))),
        I(r"\frac{d}{dx} \, \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}", const(sp.diff((sp.exp(x) - sp.exp(-x)) / (sp.exp(x) + sp.exp(-x)), x))),
        I(r"\frac{(e^{x} + e^{-x})^2 - (e^{x} - e^{-x})^2}{(e^{x} + e^{-x})^2}",
          const(((sp.exp(x) + sp.exp(-x)) ** 2 - (sp.exp(x) - sp.exp(-x)) ** 2) / (sp.exp(x) + sp.exp(-x)) ** 2)),
        I(r"\frac{4}{(e^{x} + e^{-x})^2}", const(4 / (sp.exp(x) + sp.exp(-x)) ** 2)),
        I(r"1 - \tanh^2 x", const(1 - sp.tanh(x) ** 2)),
    ]))
    s = x * sig(beta * x)
    ch.append(Chain("def s", [I(r"s(x)", const(s)), I(r"x\, \sigma(\beta x)", const(s))], DEF))
    ch.append(Chain("s'", [
        I(r"s'(x)", const(sp.diff(s, x))),
        I(r"\sigma(\beta x) + \beta x\, \sigma(\beta x) \bigl(1 - \sigma(\beta x)\bigr)", const(sig(beta * x) + beta * x * sig(beta * x) * (1 - sig(beta * x)))),
        I(r"\beta\, s(x) + \sigma(\beta x) \bigl(1 - \beta\, s(x)\bigr)", const(beta * s + sig(beta * x) * (1 - beta * s))),
    ]))
    s0 = s.subs(x, 0)
    ch.append(Chain("s'(0)", [
        I(r"s'(0)", const(sp.diff(s, x).subs(x, 0))),
        I(r"\beta\, s(0) + \sigma(0) \bigl(1 - \beta\, s(0)\bigr)", const(beta * s0 + sig(sp.Integer(0)) * (1 - beta * s0))),
        I(r"0 + \tfrac12 (1 - 0)", const(0 + half * (1 - 0))),
        I(r"\tfrac12", const(half)),
    ]))
    c1 = Q(44715, 10 ** 6)
    u = sp.sqrt(2 / sp.pi) * (x + c1 * x ** 3)
    gx = half * x * (1 + sp.tanh(u))
    ch.append(Chain("def g", [I(r"g(x)", const(gx)), I(r"\tfrac12 x \bigl(1 + \tanh u(x)\bigr)", const(gx))], DEF))
    ch.append(Chain("def u", [I(r"u(x)", const(u)), I(r"\sqrt{2/\pi}\, (x + 0.044715\, x^3)", const(u))], DEF))
    ch.append(Chain("u'", [I(r"u'(x)", const(sp.diff(u, x))), I(r"\sqrt{2/\pi}\, (1 + 0.134145\, x^2)", const(sp.sqrt(2 / sp.pi) * (1 + Q(134145, 10 ** 6) * x ** 2)))]))
    ch.append(Chain("g'", [
        I(r"g'(x)", const(sp.diff(gx, x))),
        I(r"\tfrac12 \bigl(1 + \tanh u(x)\bigr) + \tfrac12 x \bigl(1 - \tanh^2 u(x)\bigr)\, u'(x)",
          const(half * (1 + sp.tanh(u)) + half * x * (1 - sp.tanh(u) ** 2) * sp.diff(u, x))),
    ]))

    # one layer with swish (beta = 1): H outputs, D inputs (D <= H), upstream g_i
    phi = lambda t: t * sig(t)  # noqa: E731

    def dphi(t):
        v = sp.Symbol("_w", real=True)
        return sp.diff(phi(v), v).subs(v, t)

    def W(c):
        return mat("W", c["H"], c["D"])

    def xin(c):
        return vec("xi", c["D"])

    def gg(c):
        return vec("g", c["H"])

    def z(c):
        return [sp.Add(*[W(c)[i][k] * xin(c)[k] for k in range(c["D"])]) for i in range(c["H"])]

    def L(c):
        return sp.Add(*[gi * phi(zi) for gi, zi in zip(gg(c), z(c))])

    LAY = [{"H": H, "D": D, "j": j, "k": k} for H in range(1, 4) for D in range(1, H + 1)
           for j in range(1, H + 1) for k in range(1, D + 1)]
    LAYK = [c for c in LAY if c["j"] == 1]
    J = lambda c: c["j"] - 1  # noqa: E731
    K = lambda c: c["k"] - 1  # noqa: E731
    ch.append(Chain("dW", [
        I(r"\frac{\partial L}{\partial W_{jk}}", lambda c: sp.diff(L(c), W(c)[J(c)][K(c)])),
        I(r"\sum_{i} g_i \, \frac{\partial h_i}{\partial z_i} \, \frac{\partial z_i}{\partial W_{jk}}",
          lambda c: sp.Add(*[gg(c)[i] * dphi(z(c)[i]) * sp.diff(z(c)[i], W(c)[J(c)][K(c)]) for i in range(c["H"])])),
        I(r"g_j\, \phi'(z_j)\, x_k", lambda c: gg(c)[J(c)] * dphi(z(c)[J(c)]) * xin(c)[K(c)]),
        I(r"g_j \bigl( \phi(z_j) + \sigma(z_j) \bigl(1 - \phi(z_j)\bigr) \bigr)\, x_k",
          lambda c: gg(c)[J(c)] * (phi(z(c)[J(c)]) + sig(z(c)[J(c)]) * (1 - phi(z(c)[J(c)]))) * xin(c)[K(c)]),
    ], ctxs=LAY))
    ch.append(Chain("dx", [
        I(r"\frac{\partial L}{\partial x_k}", lambda c: sp.diff(L(c), xin(c)[K(c)])),
        I(r"\sum_{j} g_j\, \phi'(z_j)\, W_{jk}", lambda c: sp.Add(*[gg(c)[j] * dphi(z(c)[j]) * W(c)[j][K(c)] for j in range(c["H"])])),
    ], ctxs=LAYK))
    doc = Doc("activation_gradients_notebook.md", ch)

    def wrong(c):
        return gg(c)[J(c)] * dphi(z(c)[K(c)]) * xin(c)[K(c)]
    return with_plant(doc, r"= g_j\, \phi'(z_j)\, x_k =", r"= g_j\, \phi'(z_k)\, x_k =", "dW", 2,
                      I(r"g_j\, \phi'(z_k)\, x_k", wrong), "wrong index: phi'(z_k) for phi'(z_j) in the weight gradient")


DOCS = [backprop_two_layer_lecture, backprop_computational_graph_blog, definite_integrals_tutorial,
        integrals_moments_notebook, finite_and_power_series_textbook, telescoping_sums_study_group,
        kl_gaussians_appendix, kl_bernoulli_blog, bias_variance_exam_solutions, bias_variance_prediction_answer,
        activation_derivatives_cheatsheet, activation_gradients_notebook]
