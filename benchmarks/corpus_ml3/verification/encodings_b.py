"""Hand encodings of the corpus_ml3 documents, part B (families 8-13).

Each function returns a Doc: chains of (LaTeX anchor, function of the context) pairs, in
document order. Planted slips are attached with with_plant(...).
"""
import functools

import sympy as sp
from sympy.stats import Normal, E as SE, variance as SVar

from framework import Chain, Doc, with_plant, R, P, INT, delta, sig  # noqa: F401
from helpers import vec, mat, S, dsig, local, sizes  # noqa: F401

HALF = sp.Rational(1, 2)


# ---------------------------------------------------------------------------
# family 8: backprop through one neuron
def neuron_backprop_notes():
    w1, w2, b, x1, x2, y = R("w_1"), R("w_2"), R("b"), R("x_1"), R("x_2"), R("y", 0, 1)
    z = w1 * x1 + w2 * x2 + b
    a = sig(z)
    Lof = lambda t: HALF * (t - y) ** 2
    L = Lof(a)
    Zs = R("Z")
    dLdz = sp.diff(Lof(sig(Zs)), Zs).subs(Zs, z)
    dl = local(Lof, a) * dsig(z)                   # dL/da * da/dz with the true local derivatives
    num = {x1: 1, x2: 2, w1: HALF, w2: -sp.Rational(1, 4), b: 0, y: 1}
    doc = Doc("neuron_backprop_notes.tex", [
        Chain("z", [("z", lambda c: z), (r"w_1 x_1 + w_2 x_2 + b", lambda c: z)], "def"),
        Chain("a", [("a", lambda c: a), (r"\sigma(z)", lambda c: sig(z))], "def"),
        Chain("L", [("L", lambda c: L), (r"\tfrac{1}{2}(a - y)^2", lambda c: HALF * (a - y) ** 2)], "def"),
        Chain("chain", [(r"\frac{\partial L}{\partial w_1}", lambda c: sp.diff(L, w1)),
                        (r"\frac{\partial L}{\partial a} \frac{\partial a}{\partial z} \frac{\partial z}{\partial w_1}",
                         lambda c: local(Lof, a) * dsig(z) * sp.diff(z, w1)),
                        (r"(a - y) \cdot \sigma(z)\bigl(1 - \sigma(z)\bigr) \cdot x_1", lambda c: (a - y) * sig(z) * (1 - sig(z)) * x1),
                        (r"(a - y)\, a (1 - a)\, x_1", lambda c: (a - y) * a * (1 - a) * x1)]),
        Chain("delta", [(r"\delta \equiv \frac{\partial L}{\partial z}", lambda c: dLdz),
                        (r"(a - y)\, a(1 - a)", lambda c: (a - y) * a * (1 - a))]),
        Chain("w2", [(r"\frac{\partial L}{\partial w_2}", lambda c: sp.diff(L, w2)), (r"\delta x_2", lambda c: dl * x2)]),
        Chain("b", [(r"\frac{\partial L}{\partial b}", lambda c: sp.diff(L, b)), (r"\delta", lambda c: dl)]),
        Chain("x1", [(r"\frac{\partial L}{\partial x_1}", lambda c: sp.diff(L, x1)), (r"\delta w_1", lambda c: dl * w1)]),
        Chain("num_z", [("z", lambda c: z.subs(num)),
                        (r"0.5 \cdot 1 + (-0.25) \cdot 2 + 0",
                         lambda c: sp.Rational("0.5") * 1 + sp.Rational("-0.25") * 2 + 0),
                        ("0", lambda c: 0)]),
        Chain("num_a", [("a", lambda c: a.subs(num)), (r"\sigma(0)", lambda c: sig(0)), (r"\tfrac{1}{2}", lambda c: HALF)]),
        Chain("num_g", [(r"\frac{\partial L}{\partial w_1}", lambda c: sp.diff(L, w1).subs(num)),
                        (r"\left(\tfrac{1}{2} - 1\right) \cdot \tfrac{1}{2} \cdot \tfrac{1}{2} \cdot 1", lambda c: (HALF - 1) * HALF * HALF * 1),
                        (r"-\tfrac{1}{8}", lambda c: -sp.Rational(1, 8))]),
    ])
    wrong = r"(a - y) \cdot \sigma(z)\bigl(1 + \sigma(z)\bigr) \cdot x_1"
    return with_plant(doc, r"\bigl(1 - \sigma(z)\bigr) \cdot x_1", r"\bigl(1 + \sigma(z)\bigr) \cdot x_1", "chain", 2,
                      (wrong, lambda c: (a - y) * sig(z) * (1 + sig(z)) * x1),
                      "sign: sigma'(z) = sigma(z)(1 - sigma(z)) written with 1 + sigma(z)")


def tanh_neuron_blog():
    w, b, x, t = R("w"), R("b"), R("x"), R("t")
    u = w * x + b
    h = sp.tanh(u)
    Lof = lambda q: (q - t) ** 2
    L = Lof(h)
    U = R("U")
    dLdu = sp.diff(Lof(sp.tanh(U)), U).subs(U, u)
    num = {w: 0, b: 0, x: 3, t: 1}
    xs = lambda c: vec("x", c["N"])
    ts = lambda c: vec("t", c["N"])
    hs = lambda c: [sp.tanh(w * xi + b) for xi in xs(c)]
    doc = Doc("tanh_neuron_blog.md", [
        Chain("u", [("u", lambda c: u), ("wx + b", lambda c: u)], "def"),
        Chain("h", [("h", lambda c: h), (r"\tanh u", lambda c: sp.tanh(u))], "def"),
        Chain("L", [("L", lambda c: L), ("(h - t)^2", lambda c: (h - t) ** 2)], "def"),
        Chain("dw", [(r"\frac{dL}{dw}", lambda c: sp.diff(L, w)),
                     (r"\frac{dL}{dh} \, \frac{dh}{du} \, \frac{du}{dw}", lambda c: local(Lof, h) * local(sp.tanh, u) * sp.diff(u, w)),
                     (r"2(h - t) \cdot (1 - h^2) \cdot x", lambda c: 2 * (h - t) * (1 - h ** 2) * x)]),
        Chain("db", [(r"\frac{dL}{db}", lambda c: sp.diff(L, b)), (r"2(h - t)(1 - h^2)", lambda c: 2 * (h - t) * (1 - h ** 2))]),
        Chain("delta", [(r"\delta", lambda c: dLdu), (r"\frac{dL}{du}", lambda c: dLdu),
                        (r"2(h - t)\operatorname{sech}^2 u", lambda c: 2 * (h - t) * sp.sech(u) ** 2),
                        (r"2(h - t)(1 - h^2)", lambda c: 2 * (h - t) * (1 - h ** 2))], ["def", "id", "id"]),
        Chain("num", [(r"\frac{dL}{dw}", lambda c: sp.diff(L, w).subs(num)),
                      (r"2(0 - 1) \cdot (1 - 0^2) \cdot 3", lambda c: 2 * (0 - 1) * (1 - 0 ** 2) * 3),
                      ("-6", lambda c: -6)]),
        Chain("batch", [(r"\frac{\partial}{\partial w} \sum_{i=1}^{N} (h_i - t_i)^2",
                         lambda c: sp.diff(sp.Add(*[(hi - ti) ** 2 for hi, ti in zip(hs(c), ts(c))]), w)),
                        (r"\sum_{i=1}^{N} 2(h_i - t_i)(1 - h_i^2)\, x_i",
                         lambda c: sp.Add(*[2 * (hi - ti) * (1 - hi ** 2) * xi for hi, ti, xi in zip(hs(c), ts(c), xs(c))]))],
              ctxs=sizes(key="N")),
    ])
    wrong = r"2(h - t)\operatorname{sech} u"
    return with_plant(doc, r"2(h - t)\operatorname{sech}^2 u", wrong, "delta", 2,
                      (wrong, lambda c: 2 * (h - t) * sp.sech(u)),
                      "wrong exponent: tanh' = sech^2 u written as sech u")


# ---------------------------------------------------------------------------
# family 9: a two-layer composition
def two_layer_net_notes():
    d = 2
    xs = vec("x", 3)                # x_3 only appears in the planted slip
    y, c0 = R("y"), R("c")
    W = lambda c: mat("W", c["H"], d)
    bh = lambda c: vec("bh", c["H"])
    v = lambda c: vec("v", c["H"])
    acts = lambda c: [sp.Add(*[W(c)[k][i] * xs[i] for i in range(d)]) + bh(c)[k] for k in range(c["H"])]
    yhat_of = lambda c, avals: sp.Add(*[v(c)[k] * sig(avals[k]) for k in range(c["H"])]) + c0
    Lof = lambda q: HALF * (q - y) ** 2
    L = lambda c: Lof(yhat_of(c, acts(c)))
    yh = lambda c: yhat_of(c, acts(c))
    hk = lambda c: sig(acts(c)[c["k"] - 1])
    A = lambda c: [R("A_%d" % k) for k in range(1, c["H"] + 1)]
    dLda = lambda c: sp.diff(Lof(yhat_of(c, A(c))), A(c)[c["k"] - 1]).subs(dict(zip(A(c), acts(c))), simultaneous=True)
    delta_k = lambda c, k: sp.diff(Lof(yhat_of(c, A(c))), A(c)[k - 1]).subs(dict(zip(A(c), acts(c))), simultaneous=True)
    HK = [{"H": H, "k": k} for H in range(1, 4) for k in range(1, H + 1)]
    HKI = [dict(c, i=i) for c in HK for i in (1, 2)]
    HI = [{"H": H, "i": i} for H in range(1, 4) for i in (1, 2)]
    one = [{"H": 2, "k": 1}]
    K, I = (lambda c: c["k"] - 1), (lambda c: c["i"] - 1)
    doc = Doc("two_layer_net_notes.tex", [
        Chain("a", [("a_k", lambda c: acts(c)[0]), (r"\sum_{i} W_{ki} x_i + b_k", lambda c: acts(c)[0])], "def", ctxs=one),
        Chain("h", [("h_k", lambda c: sig(acts(c)[0])), (r"\sigma(a_k)", lambda c: sig(acts(c)[0]))], "def", ctxs=one),
        Chain("yhat", [(r"\hat{y}", yh), (r"\sum_{k} v_k h_k + c", yh)], "def", ctxs=one),
        Chain("L", [("L", L), (r"\tfrac{1}{2} (\hat{y} - y)^2", L)], "def", ctxs=one),
        Chain("dv", [(r"\frac{\partial L}{\partial v_k}", lambda c: sp.diff(L(c), v(c)[K(c)])),
                     (r"(\hat{y} - y) \frac{\partial \hat{y}}{\partial v_k}", lambda c: (yh(c) - y) * sp.diff(yh(c), v(c)[K(c)])),
                     (r"(\hat{y} - y)\, h_k", lambda c: (yh(c) - y) * hk(c))], ctxs=HK),
        Chain("dc", [(r"\frac{\partial L}{\partial c}", lambda c: sp.diff(L(c), c0)), (r"\hat{y} - y", lambda c: yh(c) - y)],
              ctxs=[{"H": H} for H in range(1, 4)]),
        Chain("dW", [(r"\frac{\partial L}{\partial W_{ki}}", lambda c: sp.diff(L(c), W(c)[K(c)][I(c)])),
                     (r"\frac{\partial L}{\partial \hat{y}} \frac{\partial \hat{y}}{\partial h_k} \frac{\partial h_k}{\partial a_k} \frac{\partial a_k}{\partial W_{ki}}",
                      lambda c: local(Lof, yh(c)) * v(c)[K(c)] * dsig(acts(c)[K(c)]) * sp.diff(acts(c)[K(c)], W(c)[K(c)][I(c)])),
                     (r"(\hat{y} - y)\, v_k\, \sigma'(a_k)\, x_i", lambda c: (yh(c) - y) * v(c)[K(c)] * dsig(acts(c)[K(c)]) * xs[I(c)]),
                     (r"(\hat{y} - y)\, v_k\, h_k (1 - h_k)\, x_i", lambda c: (yh(c) - y) * v(c)[K(c)] * hk(c) * (1 - hk(c)) * xs[I(c)])],
              ctxs=HKI),
        Chain("delta", [(r"\delta_k", dLda), (r"\frac{\partial L}{\partial a_k}", dLda),
                        (r"(\hat{y} - y)\, v_k\, h_k (1 - h_k)", lambda c: (yh(c) - y) * v(c)[K(c)] * hk(c) * (1 - hk(c)))],
              ["def", "id"], ctxs=HK),
        Chain("db", [(r"\frac{\partial L}{\partial b_k}", lambda c: sp.diff(L(c), bh(c)[K(c)])), (r"\delta_k", dLda)], ctxs=HK),
        Chain("dx", [(r"\frac{\partial L}{\partial x_i}", lambda c: sp.diff(L(c), xs[I(c)])),
                     (r"\sum_{k} \delta_k W_{ki}", lambda c: S(lambda k: delta_k(c, k) * W(c)[k - 1][I(c)], 1, c["H"]))], ctxs=HI),
    ])
    wrong = r"(\hat{y} - y)\, v_k\, \sigma'(a_k)\, x_k"
    return with_plant(doc, r"\sigma'(a_k)\, x_i \nonumber", r"\sigma'(a_k)\, x_k \nonumber", "dW", 2,
                      (wrong, lambda c: (yh(c) - y) * v(c)[K(c)] * dsig(acts(c)[K(c)]) * xs[K(c)]),
                      "wrong index: x_k for x_i (hidden-unit index instead of input index)")


def two_layer_composition_blog():
    w1, b1, w2, b2, x, y = R("w_1"), R("b_1"), R("w_2"), R("b_2"), R("x"), R("y")
    z1 = w1 * x + b1
    a1 = sig(z1)
    yh = w2 * a1 + b2
    Lof = lambda q: (q - y) ** 2
    L = Lof(yh)
    num = {x: 2, w1: HALF, b1: -1, w2: 2, b2: 0, y: 0}
    doc = Doc("two_layer_composition_blog.md", [
        Chain("z1", [("z_1", lambda c: z1), ("w_1 x + b_1", lambda c: z1)], "def"),
        Chain("a1", [("a_1", lambda c: a1), (r"\sigma(z_1)", lambda c: sig(z1))], "def"),
        Chain("yh", [(r"\hat{y}", lambda c: yh), ("w_2 a_1 + b_2", lambda c: yh)], "def"),
        Chain("L", [("L", lambda c: L), (r"(\hat{y} - y)^2", lambda c: (yh - y) ** 2)], "def"),
        Chain("w2", [(r"\frac{\partial L}{\partial w_2}", lambda c: sp.diff(L, w2)), (r"2(\hat{y} - y) \, a_1", lambda c: 2 * (yh - y) * a1)]),
        Chain("b2", [(r"\frac{\partial L}{\partial b_2}", lambda c: sp.diff(L, b2)), (r"2(\hat{y} - y)", lambda c: 2 * (yh - y))]),
        Chain("w1", [(r"\frac{\partial L}{\partial w_1}", lambda c: sp.diff(L, w1)),
                     (r"\frac{\partial L}{\partial \hat{y}} \cdot \frac{\partial \hat{y}}{\partial a_1} \cdot \frac{\partial a_1}{\partial z_1} \cdot \frac{\partial z_1}{\partial w_1}",
                      lambda c: local(Lof, yh) * local(lambda q: w2 * q + b2, a1) * dsig(z1) * sp.diff(z1, w1)),
                     (r"2(\hat{y} - y) \cdot w_2 \cdot \sigma'(z_1) \cdot x", lambda c: 2 * (yh - y) * w2 * dsig(z1) * x),
                     (r"2(\hat{y} - y)\, w_2\, a_1 (1 - a_1)\, x", lambda c: 2 * (yh - y) * w2 * a1 * (1 - a1) * x)]),
        Chain("b1", [(r"\frac{\partial L}{\partial b_1}", lambda c: sp.diff(L, b1)),
                     (r"2(\hat{y} - y)\, w_2\, a_1 (1 - a_1)", lambda c: 2 * (yh - y) * w2 * a1 * (1 - a1))]),
        Chain("num", [(r"\frac{\partial L}{\partial w_1}", lambda c: sp.diff(L, w1).subs(num)),
                      (r"2 \cdot (1 - 0) \cdot 2 \cdot \tfrac{1}{2} \cdot \tfrac{1}{2} \cdot 2", lambda c: 2 * (1 - 0) * 2 * HALF * HALF * 2),
                      ("2", lambda c: 2)]),
    ])
    wrong = r"2 \cdot (1 - 0) \cdot 2 \cdot \tfrac{1}{2} \cdot \tfrac{1}{4} \cdot 2"
    return with_plant(doc, r"\tfrac{1}{2} \cdot \tfrac{1}{2} \cdot 2 = 2", r"\tfrac{1}{2} \cdot \tfrac{1}{4} \cdot 2 = 2", "num", 1,
                      (wrong, lambda c: 2 * (1 - 0) * 2 * HALF * sp.Rational(1, 4) * 2),
                      "wrong constant: 1 - a_1 = 1/2 written as 1/4")


# ---------------------------------------------------------------------------
# family 10: sigmoid and tanh derivative identities
def activation_derivatives_notes():
    x = R("x")
    s = sig(x)
    th = sp.tanh(x)
    doc = Doc("activation_derivatives_notes.tex", [
        Chain("sig", [(r"\sigma(x)", lambda c: s), (r"\dfrac{1}{1 + e^{-x}}", lambda c: 1 / (1 + sp.exp(-x))),
                      (r"\dfrac{e^{x}}{1 + e^{x}}", lambda c: sp.exp(x) / (1 + sp.exp(x)))], ["def", "id"]),
        Chain("sp", [(r"\sigma'(x)", lambda c: sp.diff(s, x)),
                     (r"\frac{d}{dx} \left(1 + e^{-x}\right)^{-1}", lambda c: sp.diff((1 + sp.exp(-x)) ** -1, x)),
                     (r"\frac{e^{-x}}{\left(1 + e^{-x}\right)^2}", lambda c: sp.exp(-x) / (1 + sp.exp(-x)) ** 2),
                     (r"\frac{1}{1 + e^{-x}} \cdot \frac{e^{-x}}{1 + e^{-x}}", lambda c: 1 / (1 + sp.exp(-x)) * sp.exp(-x) / (1 + sp.exp(-x))),
                     (r"\sigma(x)\bigl(1 - \sigma(x)\bigr)", lambda c: s * (1 - s))]),
        Chain("sym", [(r"\sigma(-x)", lambda c: sig(-x)), (r"\frac{1}{1 + e^{x}}", lambda c: 1 / (1 + sp.exp(x))),
                      (r"1 - \sigma(x)", lambda c: 1 - s)]),
        Chain("tanh", [(r"\tanh x", lambda c: th),
                       (r"\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}", lambda c: (sp.exp(x) - sp.exp(-x)) / (sp.exp(x) + sp.exp(-x))),
                       (r"\frac{1 - e^{-2x}}{1 + e^{-2x}}", lambda c: (1 - sp.exp(-2 * x)) / (1 + sp.exp(-2 * x))),
                       (r"\frac{2}{1 + e^{-2x}} - 1", lambda c: 2 / (1 + sp.exp(-2 * x)) - 1),
                       (r"2\sigma(2x) - 1", lambda c: 2 * sig(2 * x) - 1)]),
        Chain("dtanh", [(r"\frac{d}{dx}\tanh x", lambda c: sp.diff(th, x)),
                        (r"4\sigma'(2x)", lambda c: 4 * dsig(2 * x)),
                        (r"4\sigma(2x)\bigl(1 - \sigma(2x)\bigr)", lambda c: 4 * sig(2 * x) * (1 - sig(2 * x))),
                        (r"\bigl(1 + \tanh x\bigr)\bigl(1 - \tanh x\bigr)", lambda c: (1 + th) * (1 - th)),
                        (r"1 - \tanh^2 x", lambda c: 1 - th ** 2)]),
    ])
    wrong = r"\frac{e^{-x}}{\left(1 + e^{-x}\right)^3}"
    return with_plant(doc, r"\right)^2} \nonumber", r"\right)^3} \nonumber", "sp", 2,
                      (wrong, lambda c: sp.exp(-x) / (1 + sp.exp(-x)) ** 3),
                      "wrong exponent: (1 + e^{-x})^3 for (1 + e^{-x})^2 in the denominator")


def sigmoid_tanh_derivative_answer():
    x = R("x")
    y = sig(x)
    yp = sp.diff(y, x)
    th = sp.tanh(x)
    doc = Doc("sigmoid_tanh_derivative_answer.md", [
        Chain("y", [("y", lambda c: y), (r"\frac{1}{1 + e^{-x}}", lambda c: 1 / (1 + sp.exp(-x)))], "def"),
        Chain("imp", [(r"-\frac{y'}{y^2}", lambda c: -yp / y ** 2), (r"-e^{-x}", lambda c: -sp.exp(-x)), (r"1 - \frac{1}{y}", lambda c: 1 - 1 / y)]),
        Chain("yp", [("y'", lambda c: yp), (r"y^2 \left( \frac{1}{y} - 1 \right)", lambda c: y ** 2 * (1 / y - 1)),
                     (r"y - y^2", lambda c: y - y ** 2), (r"y(1 - y)", lambda c: y * (1 - y))]),
        Chain("tanh", [(r"\frac{d}{dx} \tanh x", lambda c: sp.diff(th, x)),
                       (r"\frac{d}{dx} \frac{\sinh x}{\cosh x}", lambda c: sp.diff(sp.sinh(x) / sp.cosh(x), x)),
                       (r"\frac{\cosh x \cdot \cosh x - \sinh x \cdot \sinh x}{\cosh^2 x}",
                        lambda c: (sp.cosh(x) * sp.cosh(x) - sp.sinh(x) * sp.sinh(x)) / sp.cosh(x) ** 2),
                       (r"\frac{1}{\cosh^2 x}", lambda c: 1 / sp.cosh(x) ** 2),
                       (r"1 - \tanh^2 x", lambda c: 1 - th ** 2)]),
        Chain("t2", [(r"\frac{d^2}{dx^2} \tanh x", lambda c: sp.diff(th, x, 2)), (r"-2 \tanh x \,(1 - \tanh^2 x)", lambda c: -2 * th * (1 - th ** 2))]),
        Chain("s2", [(r"\sigma''(x)", lambda c: sp.diff(y, x, 2)),
                     (r"\sigma'(x)\bigl(1 - 2\sigma(x)\bigr)", lambda c: yp * (1 - 2 * y)),
                     (r"\sigma(x)\bigl(1 - \sigma(x)\bigr)\bigl(1 - 2\sigma(x)\bigr)", lambda c: y * (1 - y) * (1 - 2 * y))]),
        Chain("s0", [(r"\sigma'(0)", lambda c: yp.subs(x, 0)), (r"\sigma(0)\bigl(1 - \sigma(0)\bigr)", lambda c: sig(0) * (1 - sig(0))),
                     (r"\tfrac{1}{2} \cdot \tfrac{1}{2}", lambda c: HALF * HALF), (r"\tfrac{1}{4}", lambda c: sp.Rational(1, 4))]),
    ])
    return with_plant(doc, r"= y - y^2 =", r"= y - 2y^2 =", "yp", 2, (r"y - 2y^2", lambda c: y - 2 * y ** 2),
                      "wrong constant: y - 2y^2 for y - y^2 when expanding y^2 (1/y - 1)")


# ---------------------------------------------------------------------------
# family 11: definite integrals
def exponential_moments_notes():
    lam, t = P("lambda"), P("t", 0.2, 3.0)
    u = sp.Symbol("u_int", positive=True)
    f = lam * sp.exp(-lam * u)
    I = lambda g, lo=0, hi=sp.oo: sp.integrate(g, (u, lo, hi))

    def br(F, lo, hi):
        top = sp.limit(F, u, hi) if hi == sp.oo else F.subs(u, hi)
        return top - F.subs(u, lo)
    m1 = I(u * f)
    doc = Doc("exponential_moments_notes.tex", [
        Chain("norm", [(r"\int_0^\infty \lambda e^{-\lambda x} \, dx", lambda c: I(f)),
                       (r"\lambda \cdot \frac{1}{\lambda}", lambda c: lam * (1 / lam)), ("1", lambda c: 1)]),
        Chain("mean", [(r"\mathbb{E}[X]", lambda c: m1), (r"\int_0^\infty x \, \lambda e^{-\lambda x} \, dx", lambda c: I(u * f)),
                       (r"\Bigl[ -x e^{-\lambda x} \Bigr]_0^\infty + \int_0^\infty e^{-\lambda x} \, dx",
                        lambda c: br(-u * sp.exp(-lam * u), 0, sp.oo) + I(sp.exp(-lam * u))),
                       (r"0 + \Bigl[ -\frac{1}{\lambda} e^{-\lambda x} \Bigr]_0^\infty", lambda c: 0 + br(-sp.exp(-lam * u) / lam, 0, sp.oo)),
                       (r"\frac{1}{\lambda}", lambda c: 1 / lam)], ["def", "id", "id", "id"]),
        Chain("m2", [(r"\mathbb{E}[X^2]", lambda c: I(u ** 2 * f)), (r"\int_0^\infty x^2 \, \lambda e^{-\lambda x} \, dx", lambda c: I(u ** 2 * f)),
                     (r"\Bigl[ -x^2 e^{-\lambda x} \Bigr]_0^\infty + 2 \int_0^\infty x e^{-\lambda x} \, dx",
                      lambda c: br(-u ** 2 * sp.exp(-lam * u), 0, sp.oo) + 2 * I(u * sp.exp(-lam * u))),
                     (r"\frac{2}{\lambda} \int_0^\infty x \, \lambda e^{-\lambda x} \, dx", lambda c: 2 / lam * I(u * f)),
                     (r"\frac{2}{\lambda^2}", lambda c: 2 / lam ** 2)], ["def", "id", "id", "id"]),
        Chain("var", [(r"\operatorname{Var}(X)", lambda c: I((u - m1) ** 2 * f)),
                      (r"\mathbb{E}[X^2] - \mathbb{E}[X]^2", lambda c: I(u ** 2 * f) - m1 ** 2),
                      (r"\frac{2}{\lambda^2} - \frac{1}{\lambda^2}", lambda c: 2 / lam ** 2 - 1 / lam ** 2),
                      (r"\frac{1}{\lambda^2}", lambda c: 1 / lam ** 2)]),
        Chain("cdf", [(r"P(X \le t)", lambda c: I(f, 0, t)), (r"\int_0^t \lambda e^{-\lambda x} \, dx", lambda c: I(f, 0, t)),
                      (r"\Bigl[ -e^{-\lambda x} \Bigr]_0^t", lambda c: br(-sp.exp(-lam * u), 0, t)),
                      (r"1 - e^{-\lambda t}", lambda c: 1 - sp.exp(-lam * t))], ["def", "id", "id"]),
    ])
    wrong = r"\frac{2}{\lambda^2} \int_0^\infty x \, \lambda e^{-\lambda x} \, dx"
    return with_plant(doc, r"&= \frac{2}{\lambda} \int_0^\infty", r"&= \frac{2}{\lambda^2} \int_0^\infty", "m2", 3,
                      (wrong, lambda c: 2 / lam ** 2 * I(u * f)),
                      "wrong exponent: 2/lambda^2 for 2/lambda in front of the mean integral")


def definite_integrals_blog():
    u = sp.Symbol("u_int", real=True)
    t = P("t", 0.2, 2.0)
    s = sig(u)
    doc = Doc("definite_integrals_blog.md", [
        Chain("poly", [(r"\int_0^2 (3x^2 - 2x)\, dx", lambda c: sp.integrate(3 * u ** 2 - 2 * u, (u, 0, 2))),
                       (r"\Big[ x^3 - x^2 \Big]_0^2", lambda c: (u ** 3 - u ** 2).subs(u, 2) - (u ** 3 - u ** 2).subs(u, 0)),
                       (r"(8 - 4) - (0 - 0)", lambda c: sp.Integer(8 - 4) - (0 - 0)), ("4", lambda c: 4)]),
        Chain("log", [(r"\int_1^e \ln x \, dx", lambda c: sp.integrate(sp.log(u), (u, 1, sp.E))),
                      (r"\Big[ x \ln x \Big]_1^e - \int_1^e x \cdot \frac{1}{x} \, dx",
                       lambda c: (sp.E * sp.log(sp.E) - 1 * sp.log(1)) - sp.integrate(u * (1 / u), (u, 1, sp.E))),
                      (r"e - (e - 1)", lambda c: sp.E - (sp.E - 1)), ("1", lambda c: 1)]),
        Chain("sig", [(r"\int_0^1 \sigma(x)\bigl(1 - \sigma(x)\bigr)\, dx", lambda c: sp.Integral(s * (1 - s), (u, 0, 1))),
                      (r"\Big[ \sigma(x) \Big]_0^1", lambda c: sig(1) - sig(0)),
                      (r"\sigma(1) - \frac{1}{2}", lambda c: sig(1) - HALF),
                      (r"\frac{1}{1 + e^{-1}} - \frac{1}{2}", lambda c: 1 / (1 + sp.exp(-1)) - HALF)]),
        Chain("softplus", [(r"\int_0^t \sigma(x)\, dx", lambda c: sp.Integral(s, (u, 0, t))),
                           (r"\Big[ \ln(1 + e^{x}) \Big]_0^t", lambda c: sp.log(1 + sp.exp(t)) - sp.log(1 + sp.exp(0))),
                           (r"\ln(1 + e^{t}) - \ln 2", lambda c: sp.log(1 + sp.exp(t)) - sp.log(2))]),
        Chain("gauss", [(r"\int_{-\infty}^{\infty} e^{-x^2/2}\, dx", lambda c: sp.integrate(sp.exp(-u ** 2 / 2), (u, -sp.oo, sp.oo))),
                        (r"\sqrt{2\pi}", lambda c: sp.sqrt(2 * sp.pi))]),
    ])
    return with_plant(doc, r"(8 - 4) - (0 - 0)", r"(8 - 2) - (0 - 0)", "poly", 2,
                      (r"(8 - 2) - (0 - 0)", lambda c: sp.Integer(8 - 2) - (0 - 0)),
                      "wrong constant: 2^2 evaluated as 2 instead of 4")


# ---------------------------------------------------------------------------
# family 12: series partial sums
def ssum(f, lo, hi):
    """f(lo) + ... + f(hi): explicit for an integer hi, a SymPy Sum (doit) for symbolic hi."""
    hi = sp.sympify(hi)
    if hi.is_Integer:
        return sp.Add(*[f(sp.Integer(k)) for k in range(int(lo), int(hi) + 1)])
    k = sp.Symbol("k_sum", integer=True)
    return sp.Sum(f(k), (k, lo, hi)).doit()


def arithmetic_series_handout():
    a, dd = R("a"), R("d")
    ctxs = [{"n": n} for n in range(1, 7)] + [{"n": INT("n")}]
    n = lambda c: c["n"]
    Sn = lambda c: ssum(lambda k: k, 1, n(c))
    doc = Doc("arithmetic_series_handout.tex", [
        Chain("Sdef", [("S_n", Sn), (r"\sum_{k=1}^{n} k", Sn), (r"1 + 2 + \dots + n", Sn)], ["def", "id"]),
        Chain("gauss", [("2S_n", lambda c: 2 * Sn(c)),
                        (r"\sum_{k=1}^{n} k + \sum_{k=1}^{n} (n + 1 - k)", lambda c: Sn(c) + ssum(lambda k: n(c) + 1 - k, 1, n(c))),
                        (r"\sum_{k=1}^{n} (n + 1)", lambda c: ssum(lambda k: n(c) + 1, 1, n(c))),
                        (r"n(n + 1)", lambda c: n(c) * (n(c) + 1))]),
        Chain("arith", [(r"\sum_{k=0}^{n-1} (a + kd)", lambda c: ssum(lambda k: a + k * dd, 0, n(c) - 1)),
                        (r"na + d \sum_{k=0}^{n-1} k", lambda c: n(c) * a + dd * ssum(lambda k: k, 0, n(c) - 1)),
                        (r"na + d\,\frac{(n-1)n}{2}", lambda c: n(c) * a + dd * (n(c) - 1) * n(c) / 2),
                        (r"\frac{n}{2}\bigl(2a + (n - 1)d\bigr)", lambda c: n(c) / sp.Integer(2) * (2 * a + (n(c) - 1) * dd))]),
        Chain("sq", [("(n+1)^3 - 1", lambda c: (n(c) + 1) ** 3 - 1),
                     (r"\sum_{k=1}^{n} \bigl[(k+1)^3 - k^3\bigr]", lambda c: ssum(lambda k: (k + 1) ** 3 - k ** 3, 1, n(c))),
                     (r"\sum_{k=1}^{n} (3k^2 + 3k + 1)", lambda c: ssum(lambda k: 3 * k ** 2 + 3 * k + 1, 1, n(c))),
                     (r"3\sum_{k=1}^{n} k^2 + 3S_n + n", lambda c: 3 * ssum(lambda k: k ** 2, 1, n(c)) + 3 * Sn(c) + n(c))]),
        Chain("sq2", [(r"\sum_{k=1}^{n} k^2", lambda c: ssum(lambda k: k ** 2, 1, n(c))),
                      (r"\frac{(n+1)^3 - 1 - n - \tfrac{3}{2}n(n+1)}{3}",
                       lambda c: ((n(c) + 1) ** 3 - 1 - n(c) - sp.Rational(3, 2) * n(c) * (n(c) + 1)) / 3),
                      (r"\frac{n(n+1)(2n+1)}{6}", lambda c: n(c) * (n(c) + 1) * (2 * n(c) + 1) / sp.Integer(6))]),
    ], ctxs=ctxs)
    wrong = r"na + d\,\frac{n(n+1)}{2}"
    return with_plant(doc, r"d\,\frac{(n-1)n}{2}", r"d\,\frac{n(n+1)}{2}", "arith", 2,
                      (wrong, lambda c: n(c) * a + dd * n(c) * (n(c) + 1) / 2),
                      "wrong index: sum_{k=0}^{n-1} k taken as n(n+1)/2 instead of (n-1)n/2 (off by one)")


def weighted_geometric_answer():
    r = R("r", -0.9, 0.9)
    g = P("gamma", 0.1, 0.95)
    ctxs = [{"n": n} for n in range(1, 7)]
    n = lambda c: c["n"]
    T = lambda c: ssum(lambda k: k * r ** (k - 1), 1, n(c))
    doc = Doc("weighted_geometric_answer.md", [
        Chain("geo", [(r"\sum_{k=0}^{n} r^k", lambda c: ssum(lambda k: r ** k, 0, n(c))),
                      (r"\frac{1 - r^{n+1}}{1 - r}", lambda c: (1 - r ** (n(c) + 1)) / (1 - r))]),
        Chain("deriv", [(r"\sum_{k=1}^{n} k r^{k-1}", T),
                        (r"\frac{d}{dr} \sum_{k=0}^{n} r^k", lambda c: sp.diff(ssum(lambda k: r ** k, 0, n(c)), r)),
                        (r"\frac{d}{dr} \frac{1 - r^{n+1}}{1 - r}", lambda c: sp.diff((1 - r ** (n(c) + 1)) / (1 - r), r)),
                        (r"\frac{-(n+1) r^n (1 - r) + (1 - r^{n+1})}{(1 - r)^2}",
                         lambda c: (-(n(c) + 1) * r ** n(c) * (1 - r) + (1 - r ** (n(c) + 1))) / (1 - r) ** 2),
                        (r"\frac{1 - (n+1) r^n + n r^{n+1}}{(1 - r)^2}",
                         lambda c: (1 - (n(c) + 1) * r ** n(c) + n(c) * r ** (n(c) + 1)) / (1 - r) ** 2)]),
        Chain("shift", [(r"T_n - r T_n", lambda c: T(c) - r * T(c)),
                        (r"\sum_{k=1}^{n} r^{k-1} - n r^n", lambda c: ssum(lambda k: r ** (k - 1), 1, n(c)) - n(c) * r ** n(c)),
                        (r"\frac{1 - r^n}{1 - r} - n r^n", lambda c: (1 - r ** n(c)) / (1 - r) - n(c) * r ** n(c))]),
        Chain("ex", [(r"1 + 2 \cdot \tfrac{1}{2} + 3 \cdot \tfrac{1}{4}", lambda c: 1 + 2 * HALF + 3 * sp.Rational(1, 4)),
                     (r"\frac{1 - 4 \cdot \tfrac{1}{8} + 3 \cdot \tfrac{1}{16}}{\left(\tfrac{1}{2}\right)^2}",
                      lambda c: (1 - 4 * sp.Rational(1, 8) + 3 * sp.Rational(1, 16)) / HALF ** 2),
                     (r"\frac{11}{4}", lambda c: sp.Rational(11, 4))], ctxs=[{}]),
        Chain("disc", [(r"\sum_{t=0}^{T-1} \gamma^t", lambda c: ssum(lambda k: g ** k, 0, n(c) - 1)),
                       (r"\frac{1 - \gamma^T}{1 - \gamma}", lambda c: (1 - g ** n(c)) / (1 - g))]),
    ], ctxs=ctxs)
    wrong = r"\frac{-(n+1) r^n (1 - r) - (1 - r^{n+1})}{(1 - r)^2}"
    return with_plant(doc, r"(1 - r) + (1 - r^{n+1})", r"(1 - r) - (1 - r^{n+1})", "deriv", 3,
                      (wrong, lambda c: (-(n(c) + 1) * r ** n(c) * (1 - r) - (1 - r ** (n(c) + 1))) / (1 - r) ** 2),
                      "sign: the quotient-rule term +(1 - r^{n+1}) written with a minus")


# ---------------------------------------------------------------------------
# family 13: KL divergence between univariate Gaussians
_xq = sp.Symbol("x_int", real=True)


def _pdf(x, m, s):
    return sp.exp(-(x - m) ** 2 / (2 * s ** 2)) / (sp.sqrt(2 * sp.pi) * s)


@functools.lru_cache(maxsize=None)
def _gauss_expect(poly, m, s):
    """E[poly(X)] for X ~ N(m, s^2), by integrating against the density."""
    return sp.simplify(sp.integrate(sp.expand(poly) * _pdf(_xq, m, s), (_xq, -sp.oo, sp.oo)))


def _logratio(x, m1, s1, m2, s2):
    return sp.expand(sp.expand_log(sp.log(_pdf(x, m1, s1)) - sp.log(_pdf(x, m2, s2)), force=True))


def _kl_integral(m1, s1, m2, s2):
    """int p log(p/q) dx, the log-ratio expanded first (it is a quadratic in x plus constants)."""
    return _gauss_expect(_logratio(_xq, m1, s1, m2, s2), m1, s1)


def _gauss_moment_E(poly, m, s):
    """E[poly(X)] for X ~ N(m, s^2) from the moments E[X] = m, E[X^2] = s^2 + m^2 (degree <= 2)."""
    pl = sp.Poly(sp.expand(poly), _xq)
    mom = {0: 1, 1: m, 2: s ** 2 + m ** 2}
    return sp.Add(*[cf * mom[k[0]] for k, cf in pl.terms()])


def kl_gaussians_notes():
    m1, m2, mu = R("mu_1"), R("mu_2"), R("mu")
    s1, s2, sg = P("sigma_1"), P("sigma_2"), P("sigma")
    x = R("x")
    kl = _kl_integral(m1, s1, m2, s2)
    klv = _kl_integral(mu, sg, sp.Integer(0), sp.Integer(1))
    doc = Doc("kl_gaussians_notes.tex", [
        Chain("def", [(r"D_{\mathrm{KL}}(p \,\|\, q)", lambda c: kl),
                      (r"\int_{-\infty}^{\infty} p(x) \log \frac{p(x)}{q(x)} \, dx", lambda c: kl),
                      (r"\mathbb{E}_{p}\left[ \log p(X) - \log q(X) \right]", lambda c: _gauss_moment_E(_logratio(_xq, m1, s1, m2, s2), m1, s1))],
              ["def", "id"]),
        Chain("lr", [(r"\log p(x) - \log q(x)", lambda c: sp.log(_pdf(x, m1, s1)) - sp.log(_pdf(x, m2, s2))),
                     (r"\log\frac{\sigma_2}{\sigma_1} - \frac{(x - \mu_1)^2}{2\sigma_1^2} + \frac{(x - \mu_2)^2}{2\sigma_2^2}",
                      lambda c: sp.log(s2 / s1) - (x - m1) ** 2 / (2 * s1 ** 2) + (x - m2) ** 2 / (2 * s2 ** 2))]),
        Chain("m1", [(r"\mathbb{E}_p\big[(X - \mu_1)^2\big]", lambda c: _gauss_expect((_xq - m1) ** 2, m1, s1)),
                     (r"\sigma_1^2", lambda c: s1 ** 2)]),
        Chain("m2", [(r"\mathbb{E}_p\big[(X - \mu_2)^2\big]", lambda c: _gauss_expect((_xq - m2) ** 2, m1, s1)),
                     (r"\sigma_1^2 + (\mu_1 - \mu_2)^2", lambda c: s1 ** 2 + (m1 - m2) ** 2)]),
        Chain("res", [(r"D_{\mathrm{KL}}(p \,\|\, q)", lambda c: kl),
                      (r"\log\frac{\sigma_2}{\sigma_1} - \frac{\sigma_1^2}{2\sigma_1^2} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2}",
                       lambda c: sp.log(s2 / s1) - s1 ** 2 / (2 * s1 ** 2) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2)),
                      (r"\log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2} - \frac{1}{2}",
                       lambda c: sp.log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - HALF)]),
        Chain("eq", [(r"\log 1 + \frac{\sigma_1^2 + 0}{2\sigma_1^2} - \frac{1}{2}", lambda c: sp.log(1) + (s1 ** 2 + 0) / (2 * s1 ** 2) - HALF),
                     ("0", lambda c: 0)]),
        Chain("vae", [(r"D_{\mathrm{KL}}\big(\mathcal{N}(\mu, \sigma^2) \,\|\, \mathcal{N}(0, 1)\big)", lambda c: klv),
                      (r"-\log\sigma + \frac{\sigma^2 + \mu^2}{2} - \frac{1}{2}", lambda c: -sp.log(sg) + (sg ** 2 + mu ** 2) / 2 - HALF),
                      (r"\frac{1}{2}\left( \mu^2 + \sigma^2 - 1 - \log\sigma^2 \right)", lambda c: HALF * (mu ** 2 + sg ** 2 - 1 - sp.log(sg ** 2)))]),
        Chain("gmu", [(r"\frac{\partial}{\partial \mu} D_{\mathrm{KL}}", lambda c: sp.diff(klv, mu)), (r"\mu", lambda c: mu)]),
        Chain("gsig", [(r"\frac{\partial}{\partial \sigma} D_{\mathrm{KL}}", lambda c: sp.diff(klv, sg)),
                       (r"\sigma - \frac{1}{\sigma}", lambda c: sg - 1 / sg)]),
    ])
    wrong = r"\log\frac{\sigma_2}{\sigma_1} - \frac{\sigma_1^2}{2\sigma_1^2} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{\sigma_2^2}"
    return with_plant(doc, r"(\mu_1 - \mu_2)^2}{2\sigma_2^2} \nonumber", r"(\mu_1 - \mu_2)^2}{\sigma_2^2} \nonumber", "res", 1,
                      (wrong, lambda c: sp.log(s2 / s1) - s1 ** 2 / (2 * s1 ** 2) + (s1 ** 2 + (m1 - m2) ** 2) / s2 ** 2),
                      "wrong constant: the 2 of 2 sigma_2^2 in the denominator is lost")


def vae_kl_blog():
    mu, sg = R("mu"), P("sigma")
    kl1 = _kl_integral(mu, sg, sp.Integer(0), sp.Integer(1))
    mus = lambda c: vec("mu", c["J"])
    vs = lambda c: vec("v", c["J"], lo=-1.0, hi=1.0)
    sd = lambda c: [sp.exp(v / 2) for v in vs(c)]          # sigma_j = exp(v_j / 2)
    Lsum = lambda c: sp.Add(*[kl1.subs({mu: m, sg: s}, simultaneous=True) for m, s in zip(mus(c), sd(c))])
    closed = lambda c: HALF * sp.Add(*[m ** 2 + s ** 2 - 1 - sp.log(s ** 2) for m, s in zip(mus(c), sd(c))])
    Js = [{"J": J} for J in range(1, 5)]
    JJ = [{"J": J, "j": j} for J in range(1, 5) for j in range(1, J + 1)]
    j = lambda c: c["j"] - 1
    eps = Normal("epsilon", 0, 1)
    zz = mu + sg * eps
    doc = Doc("vae_kl_blog.md", [
        Chain("closed", [(r"D_{\mathrm{KL}}\left( \mathcal{N}(\mu, \sigma^2) \,\|\, \mathcal{N}(0, 1) \right)", lambda c: kl1),
                         (r"\frac{1}{2}\left( \mu^2 + \sigma^2 - 1 - \ln \sigma^2 \right)", lambda c: HALF * (mu ** 2 + sg ** 2 - 1 - sp.log(sg ** 2)))]),
        Chain("sum", [(r"\mathcal{L}_{\mathrm{KL}}", Lsum),
                      (r"\sum_{j=1}^{J} D_{\mathrm{KL}}\left( \mathcal{N}(\mu_j, \sigma_j^2) \,\|\, \mathcal{N}(0, 1) \right)", Lsum),
                      (r"\frac{1}{2} \sum_{j=1}^{J} \left( \mu_j^2 + \sigma_j^2 - 1 - \ln \sigma_j^2 \right)", closed)],
              ["def", "id"], ctxs=Js),
        Chain("lv", [(r"\mathcal{L}_{\mathrm{KL}}", closed),
                     (r"\frac{1}{2} \sum_{j=1}^{J} \left( \mu_j^2 + e^{v_j} - 1 - v_j \right)",
                      lambda c: HALF * sp.Add(*[m ** 2 + sp.exp(v) - 1 - v for m, v in zip(mus(c), vs(c))]))], ctxs=Js),
        Chain("gmu", [(r"\frac{\partial \mathcal{L}_{\mathrm{KL}}}{\partial \mu_j}", lambda c: sp.diff(closed(c), mus(c)[j(c)])),
                      (r"\mu_j", lambda c: mus(c)[j(c)])], ctxs=JJ),
        Chain("gv", [(r"\frac{\partial \mathcal{L}_{\mathrm{KL}}}{\partial v_j}", lambda c: sp.diff(closed(c), vs(c)[j(c)])),
                     (r"\frac{1}{2}\left( e^{v_j} - 1 \right)", lambda c: HALF * (sp.exp(vs(c)[j(c)]) - 1)),
                     (r"\frac{\sigma_j^2 - 1}{2}", lambda c: (sd(c)[j(c)] ** 2 - 1) / 2)], ctxs=JJ),
        Chain("gs", [(r"\frac{\partial}{\partial \sigma} \frac{1}{2}\left( \mu^2 + \sigma^2 - 1 - \ln \sigma^2 \right)",
                      lambda c: sp.diff(HALF * (mu ** 2 + sg ** 2 - 1 - sp.log(sg ** 2)), sg)),
                     (r"\frac{1}{2}\left( 2\sigma - \frac{2}{\sigma} \right)", lambda c: HALF * (2 * sg - 2 / sg)),
                     (r"\sigma - \frac{1}{\sigma}", lambda c: sg - 1 / sg)]),
        Chain("Ez", [(r"\mathbb{E}[z]", lambda c: SE(zz)), (r"\mu + \sigma\,\mathbb{E}[\epsilon]", lambda c: mu + sg * SE(eps)),
                     (r"\mu", lambda c: mu)]),
        Chain("Vz", [(r"\operatorname{Var}(z)", lambda c: SVar(zz)),
                     (r"\sigma^2 \operatorname{Var}(\epsilon)", lambda c: sg ** 2 * SVar(eps)), (r"\sigma^2", lambda c: sg ** 2)]),
    ])
    wrong = r"\frac{1}{2}\left( 2\sigma - \frac{1}{\sigma} \right)"
    return with_plant(doc, r"2\sigma - \frac{2}{\sigma}", r"2\sigma - \frac{1}{\sigma}", "gs", 1,
                      (wrong, lambda c: HALF * (2 * sg - 1 / sg)),
                      "wrong constant: d/dsigma ln sigma^2 = 2/sigma written as 1/sigma")


DOCS = [neuron_backprop_notes, tanh_neuron_blog, two_layer_net_notes, two_layer_composition_blog,
        activation_derivatives_notes, sigmoid_tanh_derivative_answer, exponential_moments_notes,
        definite_integrals_blog, arithmetic_series_handout, weighted_geometric_answer,
        kl_gaussians_notes, vae_kl_blog]
