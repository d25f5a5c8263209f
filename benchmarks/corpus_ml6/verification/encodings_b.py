"""Encodings of the corpus_ml6 documents of families 7-12 (backpropagation, definite integrals,
finite and infinite sums, log-sum-exp, Poisson / Bernoulli MLE, Huber and L1/L2 regularisation).

Each document is a function returning a Doc: its displays as chains of (LaTeX anchor,
function of the context) pairs, in document order. `kinds` marks definitions ("def").
"""
import sympy as sp

from framework import Chain, Doc, with_plant, R, P, INT, sig
from helpers import (vec, softmax, S, mean, pairs, singles, sizes, delta, E_iid, Var_iid,
                     binary_patterns, I, const)

ln = sp.log
ex = sp.exp
half = sp.Rational(1, 2)
oo = sp.oo


def rat(p, q=1):
    return sp.Rational(p, q)


# ---------------------------------------------------------------------------
# family 7: backpropagation
def backprop_neuron_to_network_lecture():
    x, w, b, y = R("x"), R("w"), R("b"), R("y")
    z = w * x + b
    a = sig(z)
    L1 = half * (a - y) ** 2
    t = sp.Symbol("_t", real=True)
    dsig = lambda e: sp.diff(sig(t), t).subs(t, e)  # noqa: E731

    def net(c):
        H, D = c["H"], c["D"]
        W = [[R("W_%d_%d" % (j, k)) for k in range(1, D + 1)] for j in range(1, H + 1)]
        b1 = vec("bh", H)
        w2 = vec("v", H)
        b2 = R("c2")
        xs = vec("xin", D)
        u = [sum(W[j][k] * xs[k] for k in range(D)) + b1[j] for j in range(H)]
        h = [sp.tanh(t_) for t_ in u]
        s = sum(w2[j] * h[j] for j in range(H)) + b2
        o = sig(s)
        L = half * (o - y) ** 2
        U = sp.symbols("U1:%d" % (H + 1), real=True)
        Sg = sp.Symbol("Sg", real=True)
        L_of_u = half * (sig(sum(w2[j] * sp.tanh(U[j]) for j in range(H)) + b2) - y) ** 2
        dL_du = [sp.diff(L_of_u, U[j]).subs(dict(zip(U, u))) for j in range(H)]
        dL_ds = sp.diff(half * (sig(Sg) - y) ** 2, Sg).subs(Sg, s)
        return dict(W=W, b1=b1, w2=w2, b2=b2, x=xs, u=u, h=h, s=s, o=o, L=L, dL_du=dL_du, dL_ds=dL_ds)

    shapes = [(H, D) for H in range(1, 4) for D in range(1, 3) if D <= H]
    cj = [dict(H=H, D=D, j=j) for H, D in shapes for j in range(1, H + 1)]
    cjk = [dict(H=H, D=D, j=j, k=k) for H, D in shapes for j in range(1, H + 1) for k in range(1, D + 1)]
    one = [dict(H=2, D=2, j=1, k=2)]
    # numbers: H = D = 1, x = 1, y = 1, W = 0, b1 = 0, w2 = 2, b2 = 0
    N1 = net(dict(H=1, D=1))
    numsub = {N1["W"][0][0]: 0, N1["b1"][0]: 0, N1["w2"][0]: 2, N1["b2"]: 0, N1["x"][0]: 1, y: 1}
    uu = sp.Symbol("_u", real=True)
    chains = [
        Chain("z", [I(r"z", lambda c: z), I(r"w x + b", lambda c: w * x + b)], "def"),
        Chain("a", [I(r"a", lambda c: a), I(r"\sigma(z)", lambda c: sig(z))], "def"),
        Chain("L", [I(r"L", lambda c: L1), I(r"\tfrac{1}{2}(a - y)^2", lambda c: half * (a - y) ** 2)], "def"),
        Chain("dLdw", [
            I(r"\frac{\partial L}{\partial w}", lambda c: sp.diff(L1, w)),
            I(r"\frac{\partial L}{\partial a}\,\frac{\partial a}{\partial z}\,\frac{\partial z}{\partial w}",
              lambda c: (a - y) * dsig(z) * sp.diff(z, w)),
            I(r"(a - y)\cdot\sigma(z)\bigl(1 - \sigma(z)\bigr)\cdot x", lambda c: (a - y) * sig(z) * (1 - sig(z)) * x),
            I(r"(a - y)\,a(1 - a)\,x", lambda c: (a - y) * a * (1 - a) * x),
        ]),
        Chain("dLdb", [
            I(r"\frac{\partial L}{\partial b}", lambda c: sp.diff(L1, b)),
            I(r"(a - y)\,a(1 - a)", lambda c: (a - y) * a * (1 - a)),
        ]),
        Chain("u", [
            I(r"u_j", lambda c: net(c)["u"][c["j"] - 1]),
            I(r"\sum_{k=1}^{D} \wa{jk} x_k + b^{(1)}_j", lambda c: net(c)["u"][c["j"] - 1]),
        ], "def", one),
        Chain("h", [
            I(r"h_j", lambda c: net(c)["h"][c["j"] - 1]),
            I(r"\tanh(u_j)", lambda c: sp.tanh(net(c)["u"][c["j"] - 1])),
        ], "def", one),
        Chain("s", [
            I(r"s", lambda c: net(c)["s"]),
            I(r"\sum_{j=1}^{H} \wb{j} h_j + b^{(2)}", lambda c: net(c)["s"]),
        ], "def", one),
        Chain("o", [
            I(r"o", lambda c: net(c)["o"]),
            I(r"\sigma(s)", lambda c: sig(net(c)["s"])),
        ], "def", one),
        Chain("tanh", [
            I(r"\frac{d}{du}\tanh u", lambda c: sp.diff(sp.tanh(uu), uu)),
            I(r"1 - \tanh^2 u", lambda c: 1 - sp.tanh(uu) ** 2),
        ]),
        Chain("d2", [
            I(r"\delta^{(2)}", lambda c: net(c)["dL_ds"]),
            I(r"\frac{\partial L}{\partial s}", lambda c: net(c)["dL_ds"]),
            I(r"(o - y)\,o(1 - o)", lambda c: (net(c)["o"] - y) * net(c)["o"] * (1 - net(c)["o"])),
        ], ["def", "id"], [dict(H=H, D=D) for H, D in shapes]),
        Chain("dw2", [
            I(r"\frac{\partial L}{\partial \wb{j}}", lambda c: sp.diff(net(c)["L"], net(c)["w2"][c["j"] - 1])),
            I(r"\delta^{(2)}\,\frac{\partial s}{\partial \wb{j}}", lambda c: net(c)["dL_ds"] * sp.diff(net(c)["s"], net(c)["w2"][c["j"] - 1])),
            I(r"\delta^{(2)} h_j", lambda c: net(c)["dL_ds"] * net(c)["h"][c["j"] - 1]),
        ], ctxs=cj),
        Chain("d1", [
            I(r"\delta^{(1)}_j", lambda c: net(c)["dL_du"][c["j"] - 1]),
            I(r"\frac{\partial L}{\partial u_j}", lambda c: net(c)["dL_du"][c["j"] - 1]),
            I(r"\delta^{(2)}\, \wb{j}\,\bigl(1 - h_j^2\bigr)",
              lambda c: net(c)["dL_ds"] * net(c)["w2"][c["j"] - 1] * (1 - net(c)["h"][c["j"] - 1] ** 2)),
        ], ["def", "id"], cj),
        Chain("dw1", [
            I(r"\frac{\partial L}{\partial \wa{jk}}", lambda c: sp.diff(net(c)["L"], net(c)["W"][c["j"] - 1][c["k"] - 1])),
            I(r"\delta^{(1)}_j\,\frac{\partial u_j}{\partial \wa{jk}}",
              lambda c: net(c)["dL_du"][c["j"] - 1] * sp.diff(net(c)["u"][c["j"] - 1], net(c)["W"][c["j"] - 1][c["k"] - 1])),
            I(r"\delta^{(1)}_j\, x_k", lambda c: net(c)["dL_du"][c["j"] - 1] * net(c)["x"][c["k"] - 1]),
            I(r"(o - y)\,o(1 - o)\,\wb{j}\bigl(1 - h_j^2\bigr)x_k",
              lambda c: (net(c)["o"] - y) * net(c)["o"] * (1 - net(c)["o"]) * net(c)["w2"][c["j"] - 1]
              * (1 - net(c)["h"][c["j"] - 1] ** 2) * net(c)["x"][c["k"] - 1]),
        ], ctxs=cjk),
        Chain("n1", [
            I(r"\delta^{(2)}", const(N1["dL_ds"].subs(numsub))),
            I(r"\Bigl(\tfrac{1}{2} - 1\Bigr)\cdot\tfrac{1}{2}\cdot\tfrac{1}{2}", const((half - 1) * half * half)),
            I(r"-\tfrac{1}{8}", const(-rat(1, 8))),
        ]),
        Chain("n2", [
            I(r"\frac{\partial L}{\partial \wa{11}}", const(sp.diff(N1["L"], N1["W"][0][0]).subs(numsub))),
            I(r"-\tfrac{1}{8}\cdot 2\cdot(1 - 0^2)\cdot 1", const(-rat(1, 8) * 2 * (1 - 0) * 1)),
            I(r"-\tfrac{1}{4}", const(-rat(1, 4))),
        ]),
    ]
    doc = Doc("backprop_neuron_to_network_lecture.tex", chains)
    wrong = (r"\delta^{(1)}_k\, x_k", lambda c: net(c)["dL_du"][c["k"] - 1] * net(c)["x"][c["k"] - 1])
    return with_plant(doc, r"= \delta^{(1)}_j\, x_k", r"= \delta^{(1)}_k\, x_k", "dw1", 2, wrong,
                      "wrong index: delta^{(1)}_k for delta^{(1)}_j")


def backprop_sigmoid_crossentropy_blog():
    y = R("y", 0.0, 1.0)
    A = R("act", 0.05, 0.95)
    zz = R("z", -3, 3)
    bce = lambda p: -(y * ln(p) + (1 - y) * ln(1 - p))  # noqa: E731
    dLda = lambda p: sp.diff(bce(A), A).subs(A, p)  # noqa: E731
    d = 2
    wv = vec("w", d)
    bb = R("b")
    xv = vec("x", d)
    zlin = sum(wv[k] * xv[k] for k in range(d)) + bb
    Lneuron = bce(sig(zlin))
    ck = [dict(k=k) for k in range(1, d + 1)]

    def net(c):
        H, D = c["H"], c["D"]
        W = [[R("W_%d_%d" % (j, k)) for k in range(1, D + 1)] for j in range(1, H + 1)]
        bh = vec("bh", H)
        v = vec("v", H)
        cc = R("c")
        xs = vec("xin", D)
        r = [sum(W[j][k] * xs[k] for k in range(D)) + bh[j] for j in range(H)]
        h = [sig(t) for t in r]
        o = sum(v[j] * h[j] for j in range(H)) + cc
        p = sig(o)
        L = bce(p)
        Os = sp.Symbol("Os", real=True)
        dLdo = sp.diff(bce(sig(Os)), Os).subs(Os, o)
        return dict(W=W, bh=bh, v=v, c=cc, x=xs, r=r, h=h, o=o, p=p, L=L, dLdo=dLdo)

    t = sp.Symbol("_t", real=True)
    shapes = [(H, D) for H in range(1, 4) for D in range(1, 3)]
    cH = [dict(H=H, D=D) for H, D in shapes]
    cj = [dict(H=H, D=D, j=j) for H, D in shapes for j in range(1, H + 1)]
    cjk = [dict(H=H, D=D, j=j, k=k) for H, D in shapes for j in range(1, H + 1) for k in range(1, D + 1)]
    N1 = net(dict(H=1, D=1))
    numsub = {N1["W"][0][0]: 0, N1["bh"][0]: 0, N1["v"][0]: 4, N1["c"]: -2, N1["x"][0]: 1, y: 0}
    chains = [
        Chain("L", [
            I(r"L", lambda c: bce(A)),
            I(r"-\bigl[y\log a + (1 - y)\log(1 - a)\bigr]", lambda c: -(y * ln(A) + (1 - y) * ln(1 - A))),
        ], "def"),
        Chain("dLda", [
            I(r"\frac{\partial L}{\partial a}", lambda c: dLda(A)),
            I(r"-\frac{y}{a} + \frac{1 - y}{1 - a}", lambda c: -y / A + (1 - y) / (1 - A)),
            I(r"\frac{a - y}{a(1 - a)}", lambda c: (A - y) / (A * (1 - A))),
        ]),
        Chain("dLdz", [
            I(r"\frac{\partial L}{\partial z}", lambda c: sp.diff(bce(sig(zz)), zz)),
            I(r"\frac{\partial L}{\partial a}\cdot a(1 - a)", lambda c: dLda(sig(zz)) * sig(zz) * (1 - sig(zz))),
            I(r"\frac{a - y}{\cancel{a(1 - a)}}\cdot\cancel{a(1 - a)}",
              lambda c: (sig(zz) - y) / (sig(zz) * (1 - sig(zz))) * (sig(zz) * (1 - sig(zz)))),
            I(r"a - y", lambda c: sig(zz) - y),
        ]),
        Chain("dw", [
            I(r"\frac{\partial L}{\partial w_k}", lambda c: sp.diff(Lneuron, wv[c["k"] - 1])),
            I(r"(a - y)\,x_k", lambda c: (sig(zlin) - y) * xv[c["k"] - 1]),
        ], ctxs=ck),
        Chain("db", [
            I(r"\frac{\partial L}{\partial b}", lambda c: sp.diff(Lneuron, bb)),
            I(r"a - y", lambda c: sig(zlin) - y),
        ]),
        Chain("dc", [
            I(r"\frac{\partial L}{\partial c}", lambda c: sp.diff(net(c)["L"], net(c)["c"])),
            I(r"p - y", lambda c: net(c)["p"] - y),
        ], ctxs=cH),
        Chain("dv", [
            I(r"\frac{\partial L}{\partial v_j}", lambda c: sp.diff(net(c)["L"], net(c)["v"][c["j"] - 1])),
            I(r"(p - y)\,h_j", lambda c: (net(c)["p"] - y) * net(c)["h"][c["j"] - 1]),
        ], ctxs=cj),
        Chain("dbj", [
            I(r"\frac{\partial L}{\partial b_j}", lambda c: sp.diff(net(c)["L"], net(c)["bh"][c["j"] - 1])),
            I(r"(p - y)\,v_j\,h_j(1 - h_j)",
              lambda c: (net(c)["p"] - y) * net(c)["v"][c["j"] - 1] * net(c)["h"][c["j"] - 1] * (1 - net(c)["h"][c["j"] - 1])),
        ], ctxs=cj),
        Chain("dW", [
            I(r"\frac{\partial L}{\partial W_{jk}}", lambda c: sp.diff(net(c)["L"], net(c)["W"][c["j"] - 1][c["k"] - 1])),
            I(r"\frac{\partial L}{\partial o}\,\frac{\partial o}{\partial h_j}\,\frac{\partial h_j}{\partial r_j}\,\frac{\partial r_j}{\partial W_{jk}}",
              lambda c: net(c)["dLdo"] * net(c)["v"][c["j"] - 1]
              * sp.diff(sig(t), t).subs(t, net(c)["r"][c["j"] - 1])
              * sp.diff(net(c)["r"][c["j"] - 1], net(c)["W"][c["j"] - 1][c["k"] - 1])),
            I(r"(p - y)\cdot v_j\cdot h_j(1 - h_j)\cdot x_k",
              lambda c: (net(c)["p"] - y) * net(c)["v"][c["j"] - 1] * net(c)["h"][c["j"] - 1] * (1 - net(c)["h"][c["j"] - 1])
              * net(c)["x"][c["k"] - 1]),
            I(r"\frac{\partial L}{\partial b_j}\,x_k",
              lambda c: sp.diff(net(c)["L"], net(c)["bh"][c["j"] - 1]) * net(c)["x"][c["k"] - 1]),
        ], ctxs=cjk),
        Chain("Lnum", [
            I(r"L", const(N1["L"].subs(numsub))),
            I(r"-\log\Bigl(1 - \frac{1}{2}\Bigr)", const(-ln(1 - half))),
            I(r"\log 2", const(ln(2))),
        ]),
        Chain("nv", [
            I(r"\frac{\partial L}{\partial v_1}", const(sp.diff(N1["L"], N1["v"][0]).subs(numsub))),
            I(r"\Bigl(\frac{1}{2} - 0\Bigr)\cdot\frac{1}{2}", const((half - 0) * half)),
            I(r"\frac{1}{4}", const(rat(1, 4))),
        ]),
        Chain("nW", [
            I(r"\frac{\partial L}{\partial W_{11}}", const(sp.diff(N1["L"], N1["W"][0][0]).subs(numsub))),
            I(r"\frac{1}{2}\cdot 4\cdot\frac{1}{2}\Bigl(1 - \frac{1}{2}\Bigr)\cdot 1", const(half * 4 * half * (1 - half) * 1)),
            I(r"\frac{1}{2}", const(half)),
        ]),
    ]
    assert N1["p"].subs(numsub) == half
    doc = Doc("backprop_sigmoid_crossentropy_blog.md", chains)
    wrong = (r"(p - y)\cdot h_j(1 - h_j)\cdot x_k",
             lambda c: (net(c)["p"] - y) * net(c)["h"][c["j"] - 1] * (1 - net(c)["h"][c["j"] - 1]) * net(c)["x"][c["k"] - 1])
    return with_plant(doc, r"(p - y)\cdot v_j\cdot h_j(1 - h_j)\cdot x_k", r"(p - y)\cdot h_j(1 - h_j)\cdot x_k",
                      "dW", 2, wrong, "dropped factor: the output weight v_j")


# ---------------------------------------------------------------------------
# family 8: definite integrals
def definite_integrals_pset():
    x = sp.Symbol("x", real=True)
    lam = P("lambda", 0.3, 2.0)
    sg = P("sigma", 0.3, 2.0)
    mu = R("mu")
    a = R("alo", -1.5, 0.0)
    b = R("bhi", 0.5, 2.0)
    u, t = sp.Symbol("u", positive=True), sp.Symbol("t", real=True)
    I1 = sp.integrate(x * ex(x), (x, 0, 1))
    F = x * ex(x)
    pdf = lam * ex(-lam * x)
    EX = sp.integrate(x * pdf, (x, 0, oo))
    EX2 = sp.integrate(x ** 2 * pdf, (x, 0, oo))
    bound = sp.limit(-x * ex(-lam * x), x, oo) - (-0 * ex(0))
    G = sp.integrate(ex(-(x - mu) ** 2 / (2 * sg ** 2)), (x, -oo, oo))
    Gt = sp.integrate(ex(-t ** 2), (t, -oo, oo))
    EU = sp.integrate(x / (b - a), (x, a, b))
    EB = sp.integrate(x * 6 * x * (1 - x), (x, 0, 1))
    chains = [
        Chain("p1", [
            I(r"\int_0^1 x e^{x}\,dx", const(I1)),
            I(r"\Bigl[x e^{x}\Bigr]_0^1 - \int_0^1 e^{x}\,dx", const(F.subs(x, 1) - F.subs(x, 0) - sp.integrate(ex(x), (x, 0, 1)))),
            I(r"e - (e - 1)", const(sp.E - (sp.E - 1))),
            I(r"1", const(1)),
        ]),
        Chain("mean", [
            I(r"\E[X]", const(EX)),
            I(r"\int_0^\infty x\,\lambda e^{-\lambda x}\,dx", const(EX)),
            I(r"\Bigl[-x e^{-\lambda x}\Bigr]_0^\infty + \int_0^\infty e^{-\lambda x}\,dx", const(bound + sp.integrate(ex(-lam * x), (x, 0, oo)))),
            I(r"0 + \frac{1}{\lambda}", const(0 + 1 / lam)),
            I(r"\frac{1}{\lambda}", const(1 / lam)),
        ]),
        Chain("m2", [
            I(r"\E[X^2]", const(EX2)),
            I(r"\int_0^\infty x^2\,\lambda e^{-\lambda x}\,dx", const(EX2)),
            I(r"\frac{2}{\lambda}\,\E[X]", const(2 / lam * EX)),
            I(r"\frac{2}{\lambda^2}", const(2 / lam ** 2)),
        ]),
        Chain("var", [
            I(r"\Var(X)", const(EX2 - EX ** 2)),
            I(r"\frac{2}{\lambda^2} - \frac{1}{\lambda^2}", const(2 / lam ** 2 - 1 / lam ** 2)),
            I(r"\frac{1}{\lambda^2}", const(1 / lam ** 2)),
        ]),
        Chain("sub", [
            I(r"\int_0^1 \frac{2x}{1 + x^2}\,dx", const(sp.integrate(2 * x / (1 + x ** 2), (x, 0, 1)))),
            I(r"\int_1^2 \frac{du}{u}", const(sp.integrate(1 / u, (u, 1, 2)))),
            I(r"\log 2", const(ln(2))),
        ]),
        Chain("gauss", [
            I(r"\int_{-\infty}^{\infty} \exp\Bigl(-\frac{(x - \mu)^2}{2\sigma^2}\Bigr)\,dx", const(G)),
            I(r"\sqrt{2}\,\sigma\int_{-\infty}^{\infty} e^{-t^2}\,dt", const(sp.sqrt(2) * sg * Gt)),
            I(r"\sqrt{2\pi}\,\sigma", const(sp.sqrt(2 * sp.pi) * sg)),
        ]),
        Chain("unif", [
            I(r"\E[X]", const(EU)),
            I(r"\int_a^b \frac{x}{b - a}\,dx", const(EU)),
            I(r"\frac{b^2 - a^2}{2(b - a)}", const((b ** 2 - a ** 2) / (2 * (b - a)))),
            I(r"\frac{a + b}{2}", const((a + b) / 2)),
        ]),
        Chain("beta", [
            I(r"\E[X]", const(EB)),
            I(r"\int_0^1 x\cdot 6x(1 - x)\,dx", const(EB)),
            I(r"6\Bigl(\frac{1}{3} - \frac{1}{4}\Bigr)", const(6 * (rat(1, 3) - rat(1, 4)))),
            I(r"\frac{1}{2}", const(half)),
        ]),
    ]
    doc = Doc("definite_integrals_pset.tex", chains)
    wrong = (r"2\,\sigma\int_{-\infty}^{\infty} e^{-t^2}\,dt", const(2 * sg * Gt))
    return with_plant(doc, r"= \sqrt{2}\,\sigma\int", r"= 2\,\sigma\int", "gauss", 1, wrong,
                      "wrong constant: 2 sigma for sqrt(2) sigma (the Jacobian of the substitution)")


def integrals_by_hand_notebook():
    x = sp.Symbol("x", real=True)
    lam = P("lambda", 0.3, 2.0)
    a = P("a", 0.3, 3.0)
    u, t = sp.Symbol("u", positive=True), sp.Symbol("t", real=True)
    I0 = sp.integrate(ex(-lam * x), (x, 0, oo))
    Fb = -1 / lam * ex(-lam * x)
    I1 = sp.integrate(x * ex(-lam * x), (x, 0, oo))
    EX = sp.integrate(x * lam * ex(-lam * x), (x, 0, oo))
    chains = [
        Chain("exp", [
            I(r"\int_0^\infty e^{-\lambda x}\,\mathrm{d}x", const(I0)),
            I(r"\Bigl[-\frac{1}{\lambda}e^{-\lambda x}\Bigr]_0^\infty", const(sp.limit(Fb, x, oo) - Fb.subs(x, 0))),
            I(r"\frac{1}{\lambda}", const(1 / lam)),
        ]),
        Chain("trick", [
            I(r"\int_0^\infty x e^{-\lambda x}\,\mathrm{d}x", const(I1)),
            I(r"-\frac{\mathrm{d}}{\mathrm{d}\lambda}\int_0^\infty e^{-\lambda x}\,\mathrm{d}x", const(-sp.diff(I0, lam))),
            I(r"-\frac{\mathrm{d}}{\mathrm{d}\lambda}\frac{1}{\lambda}", const(-sp.diff(1 / lam, lam))),
            I(r"\frac{1}{\lambda^2}", const(1 / lam ** 2)),
        ]),
        Chain("mean", [
            I(r"\mathbb{E}[X]", const(EX)),
            I(r"\int_0^\infty x\,\lambda e^{-\lambda x}\,\mathrm{d}x", const(EX)),
            I(r"\lambda\cdot\frac{1}{\lambda^2}", const(lam / lam ** 2)),
            I(r"\frac{1}{\lambda}", const(1 / lam)),
        ]),
        Chain("sub", [
            I(r"\int_0^1 x\,(1 - x^2)^3\,\mathrm{d}x", const(sp.integrate(x * (1 - x ** 2) ** 3, (x, 0, 1)))),
            I(r"\frac{1}{2}\int_0^1 u^3\,\mathrm{d}u", const(half * sp.integrate(u ** 3, (u, 0, 1)))),
            I(r"\frac{1}{2}\cdot\frac{1}{4}", const(half * rat(1, 4))),
            I(r"\frac{1}{8}", const(rat(1, 8))),
        ]),
        Chain("gauss", [
            I(r"\int_{-\infty}^{\infty} e^{-a x^2}\,\mathrm{d}x", const(sp.integrate(ex(-a * x ** 2), (x, -oo, oo)))),
            I(r"\frac{1}{\sqrt{2a}}\int_{-\infty}^{\infty} e^{-t^2/2}\,\mathrm{d}t", const(1 / sp.sqrt(2 * a) * sp.integrate(ex(-t ** 2 / 2), (t, -oo, oo)))),
            I(r"\sqrt{\frac{\pi}{a}}", const(sp.sqrt(sp.pi / a))),
        ]),
        Chain("beta3", [
            I(r"\mathbb{E}[X]", const(sp.integrate(x * 3 * x ** 2, (x, 0, 1)))),
            I(r"\int_0^1 x\cdot 3x^2\,\mathrm{d}x", const(sp.integrate(x * 3 * x ** 2, (x, 0, 1)))),
            I(r"\Bigl[\frac{3x^4}{4}\Bigr]_0^1", const(rat(3, 4) * 1 - 0)),
            I(r"\frac{3}{4}", const(rat(3, 4))),
        ]),
        Chain("betaa", [
            I(r"\int_0^1 x\cdot a x^{a - 1}\,\mathrm{d}x", const(sp.integrate(x * a * x ** (a - 1), (x, 0, 1)))),
            I(r"a\int_0^1 x^{a}\,\mathrm{d}x", const(a * sp.integrate(x ** a, (x, 0, 1)))),
            I(r"\frac{a}{a + 1}", const(a / (a + 1))),
        ]),
        Chain("parts", [
            I(r"\int_0^{\pi} x\sin x\,\mathrm{d}x", const(sp.integrate(x * sp.sin(x), (x, 0, sp.pi)))),
            I(r"\Bigl[-x\cos x\Bigr]_0^{\pi} + \int_0^{\pi}\cos x\,\mathrm{d}x",
              const((-sp.pi * sp.cos(sp.pi) - 0) + sp.integrate(sp.cos(x), (x, 0, sp.pi)))),
            I(r"\pi + 0", const(sp.pi + 0)),
            I(r"\pi", const(sp.pi)),
        ]),
    ]
    doc = Doc("integrals_by_hand_notebook.md", chains)
    wrong = (r"\frac{\mathrm{d}}{\mathrm{d}\lambda}\frac{1}{\lambda}", const(sp.diff(1 / lam, lam)))
    return with_plant(doc, r"= -\frac{\mathrm{d}}{\mathrm{d}\lambda}\frac{1}{\lambda}", r"= \frac{\mathrm{d}}{\mathrm{d}\lambda}\frac{1}{\lambda}",
                      "trick", 2, wrong, "sign: d/dlambda (1/lambda) without the minus sign")


# ---------------------------------------------------------------------------
# family 9: sums and series
def finite_sums_lecture():
    r = R("r", -1.8, 1.8)
    rho = R("rho", 0.05, 0.5)
    nn = INT("n")
    k = sp.Symbol("k", integer=True)
    Sn = lambda c: S(lambda j: r ** j, 0, c["n"] - 1)  # noqa: E731
    n16 = sizes(1, 6)
    sq = lambda c: S(lambda j: j ** 2, 1, c["n"])  # noqa: E731
    chains = [
        Chain("Sn", [
            I(r"S_n", Sn),
            I(r"\sum_{k=0}^{n-1} r^k", Sn),
            I(r"1 + r + r^2 + \dots + r^{n-1}", Sn),
        ], ["def", "id"], n16),
        Chain("shift", [
            I(r"r S_n", lambda c: r * Sn(c)),
            I(r"\sum_{k=1}^{n} r^k", lambda c: S(lambda j: r ** j, 1, c["n"])),
            I(r"\underbrace{\sum_{k=0}^{n-1} r^k}_{S_n} - 1 + r^n", lambda c: Sn(c) - 1 + r ** c["n"]),
        ], ctxs=n16),
        Chain("sub", [
            I(r"(1 - r) S_n", lambda c: (1 - r) * Sn(c)),
            I(r"S_n - r S_n", lambda c: Sn(c) - r * Sn(c)),
            I(r"1 - r^n", lambda c: 1 - r ** c["n"]),
        ], ctxs=n16),
        Chain("geom", [
            I(r"S_n", Sn),
            I(r"\frac{1 - r^n}{1 - r}", lambda c: (1 - r ** c["n"]) / (1 - r)),
        ], ctxs=n16),
        Chain("inf", [
            I(r"\sum_{k=0}^{\infty} r^k", const(sp.Sum(rho ** k, (k, 0, oo)))),
            I(r"\lim_{n\to\infty}\frac{1 - r^n}{1 - r}", const(sp.Limit((1 - rho ** nn) / (1 - rho), nn, oo))),
            I(r"\frac{1}{1 - r}", const(1 / (1 - rho))),
        ]),
        Chain("gauss", [
            I(r"\sum_{k=1}^{n} k", lambda c: S(lambda j: j, 1, c["n"])),
            I(r"\frac{1}{2}\sum_{k=1}^{n}\bigl(k + (n + 1 - k)\bigr)", lambda c: half * S(lambda j: j + (c["n"] + 1 - j), 1, c["n"])),
            I(r"\frac{n(n + 1)}{2}", lambda c: rat(c["n"] * (c["n"] + 1), 2)),
        ], ctxs=n16),
        Chain("cubes", [
            I(r"(n + 1)^3 - 1", lambda c: (c["n"] + 1) ** 3 - 1),
            I(r"\sum_{k=1}^{n}\bigl((k + 1)^3 - k^3\bigr)", lambda c: S(lambda j: (j + 1) ** 3 - j ** 3, 1, c["n"])),
            I(r"\sum_{k=1}^{n}\bigl(3k^2 + 3k + 1\bigr)", lambda c: S(lambda j: 3 * j ** 2 + 3 * j + 1, 1, c["n"])),
            I(r"3\sum_{k=1}^{n} k^2 + \frac{3n(n + 1)}{2} + n", lambda c: 3 * sq(c) + rat(3 * c["n"] * (c["n"] + 1), 2) + c["n"]),
        ], ctxs=n16),
        Chain("squares", [
            I(r"\sum_{k=1}^{n} k^2", sq),
            I(r"\frac{1}{3}\Bigl((n + 1)^3 - 1 - \frac{3n(n + 1)}{2} - n\Bigr)",
              lambda c: rat(1, 3) * ((c["n"] + 1) ** 3 - 1 - rat(3 * c["n"] * (c["n"] + 1), 2) - c["n"])),
            I(r"\frac{n(n + 1)(2n + 1)}{6}", lambda c: rat(c["n"] * (c["n"] + 1) * (2 * c["n"] + 1), 6)),
        ], ctxs=n16),
        Chain("tele", [
            I(r"\sum_{k=1}^{n}\frac{1}{k(k + 1)}", lambda c: S(lambda j: rat(1, j * (j + 1)), 1, c["n"])),
            I(r"\sum_{k=1}^{n}\Bigl(\frac{1}{k} - \frac{1}{k + 1}\Bigr)", lambda c: S(lambda j: rat(1, j) - rat(1, j + 1), 1, c["n"])),
            I(r"1 - \frac{1}{n + 1}", lambda c: 1 - rat(1, c["n"] + 1)),
            I(r"\frac{n}{n + 1}", lambda c: rat(c["n"], c["n"] + 1)),
        ], ctxs=n16),
        Chain("num1", [
            I(r"\sum_{k=0}^{9} 2^k", const(S(lambda j: 2 ** j, 0, 9))),
            I(r"\frac{1 - 2^{10}}{1 - 2}", const(rat(1 - 2 ** 10, 1 - 2))),
            I(r"1023", const(1023)),
        ]),
        Chain("num2", [
            I(r"\sum_{k=1}^{10} k^2", const(S(lambda j: j * j, 1, 10))),
            I(r"\frac{10\cdot 11\cdot 21}{6}", const(rat(10 * 11 * 21, 6))),
            I(r"385", const(385)),
        ]),
    ]
    doc = Doc("finite_sums_lecture.tex", chains)
    wrong = (r"\frac{1}{3}\Bigl((n + 1)^2 - 1 - \frac{3n(n + 1)}{2} - n\Bigr)",
             lambda c: rat(1, 3) * ((c["n"] + 1) ** 2 - 1 - rat(3 * c["n"] * (c["n"] + 1), 2) - c["n"]))
    return with_plant(doc, r"\frac{1}{3}\Bigl((n + 1)^3", r"\frac{1}{3}\Bigl((n + 1)^2", "squares", 1, wrong,
                      "wrong exponent: (n + 1)^2 for (n + 1)^3 when solving for the sum of squares")


def series_and_geometric_mean_notes():
    p = P("pg", 0.45, 0.95)
    q = 1 - p
    Q = sp.Symbol("Q", positive=True)
    k = sp.Symbol("k", integer=True)
    mm = sp.Symbol("m", integer=True)
    n16 = sizes(1, 6)
    m15 = sizes(1, 5, "m")
    mean_series = sp.Sum(k * p * q ** (k - 1), (k, 1, oo))
    chains = [
        Chain("tele", [
            I(r"\sum_{k=1}^{n}\bigl((k + 1)^2 - k^2\bigr)", lambda c: S(lambda j: (j + 1) ** 2 - j ** 2, 1, c["n"])),
            I(r"(n + 1)^2 - 1", lambda c: (c["n"] + 1) ** 2 - 1),
        ], ctxs=n16),
        Chain("split", [
            I(r"\sum_{k=1}^{n}\bigl((k + 1)^2 - k^2\bigr)", lambda c: S(lambda j: (j + 1) ** 2 - j ** 2, 1, c["n"])),
            I(r"\sum_{k=1}^{n}(2k + 1)", lambda c: S(lambda j: 2 * j + 1, 1, c["n"])),
            I(r"2\sum_{k=1}^{n} k + n", lambda c: 2 * S(lambda j: j, 1, c["n"]) + c["n"]),
            I(r"n^2 + 2n", lambda c: c["n"] ** 2 + 2 * c["n"]),
        ], ctxs=n16),
        Chain("solve", [
            I(r"\sum_{k=1}^{n} k", lambda c: S(lambda j: j, 1, c["n"])),
            I(r"\frac{n^2 + 2n - n}{2}", lambda c: rat(c["n"] ** 2 + 2 * c["n"] - c["n"], 2)),
            I(r"\frac{n(n + 1)}{2}", lambda c: rat(c["n"] * (c["n"] + 1), 2)),
        ], ctxs=n16),
        Chain("cdf", [
            I(r"P(X \le m)", lambda c: S(lambda j: p * q ** (j - 1), 1, c["m"])),
            I(r"\sum_{k=1}^{m} p\,q^{k - 1}", lambda c: S(lambda j: p * q ** (j - 1), 1, c["m"])),
            I(r"p\,\frac{1 - q^{m}}{1 - q}", lambda c: p * (1 - q ** c["m"]) / (1 - q)),
            I(r"1 - q^{m}", lambda c: 1 - q ** c["m"]),
        ], ctxs=m15),
        Chain("mean", [
            I(r"\mathbb{E}[X]", const(mean_series)),
            I(r"\sum_{k=1}^{\infty} k\,p\,q^{k-1}", const(mean_series)),
            I(r"p\,\frac{\mathrm{d}}{\mathrm{d}q}\sum_{k=0}^{\infty} q^{k}", const(p * sp.diff(sp.Sum(Q ** k, (k, 0, oo)), Q).subs(Q, q))),
            I(r"p\,\frac{\mathrm{d}}{\mathrm{d}q}\,\frac{1}{1 - q}", const(p * sp.diff(1 / (1 - Q), Q).subs(Q, q))),
            I(r"\frac{p}{(1 - q)^2}", const(p / (1 - q) ** 2)),
            I(r"\frac{1}{p}", const(1 / p)),
        ]),
        Chain("tail", [
            I(r"\mathbb{E}[X]", const(mean_series)),
            I(r"\sum_{m=0}^{\infty} P(X > m)", const(sp.Sum(sp.Sum(p * q ** (k - 1), (k, mm + 1, oo)).doit(), (mm, 0, oo)))),
            I(r"\sum_{m=0}^{\infty} q^{m}", const(sp.Sum(q ** mm, (mm, 0, oo)))),
            I(r"\frac{1}{1 - q}", const(1 / (1 - q))),
            I(r"\frac{1}{p}", const(1 / p)),
        ]),
        Chain("odd", [
            I(r"\sum_{k=1}^{n}\frac{1}{(2k - 1)(2k + 1)}", lambda c: S(lambda j: rat(1, (2 * j - 1) * (2 * j + 1)), 1, c["n"])),
            I(r"\frac{1}{2}\sum_{k=1}^{n}\Bigl(\frac{1}{2k - 1} - \frac{1}{2k + 1}\Bigr)",
              lambda c: half * S(lambda j: rat(1, 2 * j - 1) - rat(1, 2 * j + 1), 1, c["n"])),
            I(r"\frac{1}{2}\Bigl(1 - \frac{1}{2n + 1}\Bigr)", lambda c: half * (1 - rat(1, 2 * c["n"] + 1))),
            I(r"\frac{n}{2n + 1}", lambda c: rat(c["n"], 2 * c["n"] + 1)),
        ], ctxs=n16),
    ]
    doc = Doc("series_and_geometric_mean_notes.md", chains)
    wrong = (r"2\sum_{k=1}^{n} k", lambda c: 2 * S(lambda j: j, 1, c["n"]))
    return with_plant(doc, r"= 2\sum_{k=1}^{n} k + n = n^2 + 2n", r"= 2\sum_{k=1}^{n} k = n^2 + 2n", "split", 2, wrong,
                      "dropped term: the + n from the sum of the ones")


# ---------------------------------------------------------------------------
# family 10: log-sum-exp
def logsumexp_appendix():
    z = lambda c: vec("z", c["K"])  # noqa: E731
    tot = lambda c: sp.Add(*[ex(t) for t in z(c)])  # noqa: E731
    lse = lambda c: ln(tot(c))  # noqa: E731
    p = lambda c: softmax(z(c))  # noqa: E731
    H = lambda c, i, j: sp.diff(lse(c), z(c)[i - 1], z(c)[j - 1])  # noqa: E731
    v = lambda c: vec("v", c["K"])  # noqa: E731
    cc, m, tau = R("c"), R("m"), P("tau", 0.3, 2.0)
    Ks = sizes(1, 4, "K")
    zz = sp.symbols("zz1:3", real=True)
    znum = {zz[0]: 0, zz[1]: ln(3)}
    Hn = lambda i, j: sp.diff(ln(ex(zz[0]) + ex(zz[1])), zz[i - 1], zz[j - 1]).subs(znum)  # noqa: E731
    chains = [
        Chain("lse", [
            I(r"\lse(\bz)", lse),
            I(r"\log\sum_{k=1}^{K} e^{z_k}", lse),
        ], "def", Ks),
        Chain("grad", [
            I(r"\frac{\partial \lse(\bz)}{\partial z_j}", lambda c: sp.diff(lse(c), z(c)[c["j"] - 1])),
            I(r"\frac{1}{\sum_{k=1}^{K} e^{z_k}}\cdot e^{z_j}", lambda c: ex(z(c)[c["j"] - 1]) / tot(c)),
            I(r"p_j", lambda c: p(c)[c["j"] - 1]),
        ], ctxs=singles("j")),
        Chain("hess", [
            I(r"H_{ij}", lambda c: H(c, c["i"], c["j"])),
            I(r"\frac{\partial^2 \lse}{\partial z_i\,\partial z_j}", lambda c: H(c, c["i"], c["j"])),
            I(r"\frac{\partial p_j}{\partial z_i}", lambda c: sp.diff(p(c)[c["j"] - 1], z(c)[c["i"] - 1])),
            I(r"\frac{\delta_{ij}\, e^{z_j}\sum_{k} e^{z_k} - e^{z_j}\, e^{z_i}}{\bigl(\sum_{k} e^{z_k}\bigr)^2}",
              lambda c: (delta(c["i"], c["j"]) * ex(z(c)[c["j"] - 1]) * tot(c) - ex(z(c)[c["j"] - 1]) * ex(z(c)[c["i"] - 1])) / tot(c) ** 2),
            I(r"\delta_{ij}\, p_j - p_i p_j", lambda c: delta(c["i"], c["j"]) * p(c)[c["j"] - 1] - p(c)[c["i"] - 1] * p(c)[c["j"] - 1]),
            I(r"p_j\bigl(\delta_{ij} - p_i\bigr)", lambda c: p(c)[c["j"] - 1] * (delta(c["i"], c["j"]) - p(c)[c["i"] - 1])),
        ], ["def", "id", "id", "id", "id"], pairs(4)),
        Chain("quad", [
            I(r"\mathbf{v}^\top H\mathbf{v}",
              lambda c: (sp.Matrix(v(c)).T * sp.Matrix(c["K"], c["K"], lambda i, j: H(c, i + 1, j + 1)) * sp.Matrix(v(c)))[0, 0]),
            I(r"\sum_{i,j} v_i v_j H_{ij}", lambda c: sp.Add(*[v(c)[i] * v(c)[j] * H(c, i + 1, j + 1) for i in range(c["K"]) for j in range(c["K"])])),
            I(r"\sum_{j} p_j v_j^2 - \Bigl(\sum_{j} p_j v_j\Bigr)^2",
              lambda c: S(lambda j: p(c)[j - 1] * v(c)[j - 1] ** 2, 1, c["K"]) - S(lambda j: p(c)[j - 1] * v(c)[j - 1], 1, c["K"]) ** 2),
        ], ctxs=Ks),
        Chain("shift", [
            I(r"\lse(\bz + c\one)", lambda c: ln(sp.Add(*[ex(t + cc) for t in z(c)]))),
            I(r"\log\Bigl(e^{c}\sum_{k=1}^{K} e^{z_k}\Bigr)", lambda c: ln(ex(cc) * tot(c))),
            I(r"c + \lse(\bz)", lambda c: cc + lse(c)),
        ], ctxs=Ks),
        Chain("stable", [
            I(r"\lse(\bz)", lse),
            I(r"m + \log\sum_{k=1}^{K} e^{z_k - m}", lambda c: m + ln(sp.Add(*[ex(t - m) for t in z(c)]))),
        ], ctxs=Ks),
        Chain("pj", [
            I(r"p_j", lambda c: p(c)[c["j"] - 1]),
            I(r"\frac{e^{z_j - m}}{\sum_{k=1}^{K} e^{z_k - m}}", lambda c: ex(z(c)[c["j"] - 1] - m) / sp.Add(*[ex(t - m) for t in z(c)])),
        ], ctxs=singles("j")),
        Chain("temp", [
            I(r"\frac{\partial}{\partial z_j}\,\tau\log\sum_{k=1}^{K} e^{z_k/\tau}",
              lambda c: sp.diff(tau * ln(sp.Add(*[ex(t / tau) for t in z(c)])), z(c)[c["j"] - 1])),
            I(r"\frac{e^{z_j/\tau}}{\sum_{k=1}^{K} e^{z_k/\tau}}", lambda c: ex(z(c)[c["j"] - 1] / tau) / sp.Add(*[ex(t / tau) for t in z(c)])),
        ], ctxs=singles("j")),
        Chain("ex", [
            I(r"\lse(0, \log 3)", const(ln(ex(0) + ex(ln(3))))),
            I(r"\log(1 + 3)", const(ln(1 + 3))),
            I(r"\log 4", const(ln(4))),
        ]),
        Chain("H11", [
            I(r"H_{11}", const(Hn(1, 1))),
            I(r"\frac{1}{4} - \frac{1}{16}", const(rat(1, 4) - rat(1, 16))),
            I(r"\frac{3}{16}", const(rat(3, 16))),
        ]),
        Chain("H12", [
            I(r"H_{12}", const(Hn(1, 2))),
            I(r"-\frac{1}{4}\cdot\frac{3}{4}", const(-rat(1, 4) * rat(3, 4))),
            I(r"-\frac{3}{16}", const(-rat(3, 16))),
        ]),
    ]
    doc = Doc("logsumexp_appendix.tex", chains)
    wrong = (r"\delta_{ij} - p_i p_j", lambda c: delta(c["i"], c["j"]) - p(c)[c["i"] - 1] * p(c)[c["j"] - 1])
    return with_plant(doc, r"\delta_{ij}\, p_j - p_i p_j", r"\delta_{ij} - p_i p_j", "hess", 4, wrong,
                      "dropped factor: the p_j of delta_ij p_j")


def stable_softmax_blog():
    z = lambda c: vec("z", c["K"])  # noqa: E731
    tot = lambda c: sp.Add(*[ex(t) for t in z(c)])  # noqa: E731
    s = lambda c: softmax(z(c))  # noqa: E731
    cc, m = R("c"), R("m")
    Ks = sizes(1, 4, "K")
    Si = singles("i")
    big = [1000, 1001, 1002]
    chains = [
        Chain("s", [
            I(r"s_i", lambda c: s(c)[c["i"] - 1]),
            I(r"\operatorname{softmax}(\mathbf{z})_i", lambda c: s(c)[c["i"] - 1]),
            I(r"\frac{e^{z_i}}{\sum_{k} e^{z_k}}", lambda c: ex(z(c)[c["i"] - 1]) / tot(c)),
        ], ["def", "def"], [dict(K=3, i=2)]),
        Chain("shift", [
            I(r"\operatorname{softmax}(\mathbf{z} - c)_i", lambda c: softmax([t - cc for t in z(c)])[c["i"] - 1]),
            I(r"\frac{e^{z_i - c}}{\sum_{k} e^{z_k - c}}", lambda c: ex(z(c)[c["i"] - 1] - cc) / sp.Add(*[ex(t - cc) for t in z(c)])),
            I(r"\frac{e^{-c}\,e^{z_i}}{e^{-c}\sum_{k} e^{z_k}}", lambda c: ex(-cc) * ex(z(c)[c["i"] - 1]) / (ex(-cc) * tot(c))),
            I(r"\operatorname{softmax}(\mathbf{z})_i", lambda c: s(c)[c["i"] - 1]),
        ], ctxs=Si),
        Chain("lse", [
            I(r"\log\sum_{k} e^{z_k}", lambda c: ln(tot(c))),
            I(r"\log\Bigl(e^{m}\sum_{k} e^{z_k - m}\Bigr)", lambda c: ln(ex(m) * sp.Add(*[ex(t - m) for t in z(c)]))),
            I(r"m + \log\sum_{k} e^{z_k - m}", lambda c: m + ln(sp.Add(*[ex(t - m) for t in z(c)]))),
        ], ctxs=Ks),
        Chain("logsm", [
            I(r"\log\operatorname{softmax}(\mathbf{z})_i", lambda c: ln(s(c)[c["i"] - 1])),
            I(r"z_i - \log\sum_{k} e^{z_k}", lambda c: z(c)[c["i"] - 1] - ln(tot(c))),
            I(r"(z_i - m) - \log\sum_{k} e^{z_k - m}", lambda c: (z(c)[c["i"] - 1] - m) - ln(sp.Add(*[ex(t - m) for t in z(c)]))),
        ], ctxs=Si),
        Chain("grad", [
            I(r"\frac{\partial}{\partial z_j}\log\sum_{k} e^{z_k}", lambda c: sp.diff(ln(tot(c)), z(c)[c["j"] - 1])),
            I(r"\frac{e^{z_j}}{\sum_{k} e^{z_k}}", lambda c: ex(z(c)[c["j"] - 1]) / tot(c)),
            I(r"\operatorname{softmax}(\mathbf{z})_j", lambda c: s(c)[c["j"] - 1]),
        ], ctxs=singles("j")),
        Chain("hess", [
            I(r"\frac{\partial^2}{\partial z_i\,\partial z_j}\log\sum_{k} e^{z_k}", lambda c: sp.diff(ln(tot(c)), z(c)[c["i"] - 1], z(c)[c["j"] - 1])),
            I(r"\frac{\partial}{\partial z_i}\,\frac{e^{z_j}}{\sum_{k} e^{z_k}}", lambda c: sp.diff(ex(z(c)[c["j"] - 1]) / tot(c), z(c)[c["i"] - 1])),
            I(r"\frac{\mathbb{1}[i=j]\,e^{z_j}}{\sum_{k} e^{z_k}} - \frac{e^{z_i}\,e^{z_j}}{\bigl(\sum_{k} e^{z_k}\bigr)^2}",
              lambda c: delta(c["i"], c["j"]) * ex(z(c)[c["j"] - 1]) / tot(c) - ex(z(c)[c["i"] - 1]) * ex(z(c)[c["j"] - 1]) / tot(c) ** 2),
            I(r"\mathbb{1}[i=j]\,s_j - s_i s_j", lambda c: delta(c["i"], c["j"]) * s(c)[c["j"] - 1] - s(c)[c["i"] - 1] * s(c)[c["j"] - 1]),
        ], ctxs=pairs(4)),
        Chain("dlog", [
            I(r"\frac{\partial \log s_i}{\partial z_j}", lambda c: sp.diff(ln(s(c)[c["i"] - 1]), z(c)[c["j"] - 1])),
            I(r"\mathbb{1}[i=j] - s_j", lambda c: delta(c["i"], c["j"]) - s(c)[c["j"] - 1]),
        ], ctxs=pairs(4)),
        Chain("num_lse", [
            I(r"\log\sum_{k} e^{z_k}", const(ln(sum(ex(t) for t in big)))),
            I(r"1002 + \log\bigl(e^{-2} + e^{-1} + 1\bigr)", const(1002 + ln(ex(-2) + ex(-1) + 1))),
        ]),
        Chain("num_s3", [
            I(r"s_3", const(softmax(big)[2])),
            I(r"\frac{1}{e^{-2} + e^{-1} + 1}", const(1 / (ex(-2) + ex(-1) + 1))),
        ]),
    ]
    doc = Doc("stable_softmax_blog.md", chains)
    wrong = (r"\frac{e^{c}\,e^{z_i}}{e^{-c}\sum_{k} e^{z_k}}", lambda c: ex(cc) * ex(z(c)[c["i"] - 1]) / (ex(-cc) * tot(c)))
    return with_plant(doc, r"\frac{e^{-c}\,e^{z_i}}", r"\frac{e^{c}\,e^{z_i}}", "shift", 2, wrong,
                      "sign: e^{c} for e^{-c} in the numerator")


# ---------------------------------------------------------------------------
# family 11: Poisson / Bernoulli MLE and Fisher information
def poisson_mle_fisher_exam():
    lam = P("lambda", 0.3, 3.0)
    x = lambda c: vec("xp", c["n"], positive=True, lo=0.5, hi=5.0)  # noqa: E731
    Xs = lambda c: vec("X", c["n"])  # noqa: E731
    pois = {0: 1, 1: lam, 2: lam + lam ** 2}
    Ep = lambda c, e: E_iid(e, Xs(c), lambda kk: pois[kk])  # noqa: E731
    Vp = lambda c, e: Var_iid(e, Xs(c), lambda kk: pois[kk])  # noqa: E731
    Lk = lambda c: sp.Mul(*[lam ** xi * ex(-lam) / sp.factorial(xi) for xi in x(c)])  # noqa: E731
    ellc = lambda c: sum(x(c)) * ln(lam) - c["n"] * lam - sum(ln(sp.factorial(xi)) for xi in x(c))  # noqa: E731
    ellX = lambda c: sum(Xs(c)) * ln(lam) - c["n"] * lam  # the X-dependent part suffices for derivatives  # noqa: E731
    UX = lambda c: sp.diff(ellX(c), lam)  # noqa: E731
    n14 = sizes(1, 4)
    xs_ = [2, 0, 3, 1, 4]
    lhat = sp.Rational(sum(xs_), len(xs_))
    Ihat = len(xs_) / lhat
    chains = [
        Chain("L", [
            I(r"L(\lambda)", Lk),
            I(r"\prod_{i=1}^{n}\frac{\lambda^{x_i}e^{-\lambda}}{x_i!}", Lk),
        ], "def", sizes(1, 2)),
        Chain("ell", [
            I(r"\ell(\lambda)", lambda c: ln(Lk(c))),
            I(r"\log L(\lambda)", lambda c: ln(Lk(c))),
            I(r"\Bigl(\sumi x_i\Bigr)\log\lambda - n\lambda - \sumi \log(x_i!)", ellc),
        ], ["def", "id"], n14),
        Chain("U", [
            I(r"U(\lambda)", lambda c: sp.diff(ellc(c), lam)),
            I(r"\ell'(\lambda)", lambda c: sp.diff(ellc(c), lam)),
            I(r"\frac{1}{\lambda}\sumi x_i - n", lambda c: sum(x(c)) / lam - c["n"]),
            I(r"\frac{n}{\lambda}\bigl(\bar{x} - \lambda\bigr)", lambda c: c["n"] / lam * (mean(x(c)) - lam)),
        ], ["def", "id", "id"], n14),
        Chain("lhat", [
            I(r"\hat{\lambda}", lambda c: mean(x(c))),
            I(r"\bar{x}", lambda c: mean(x(c))),
        ], "def", n14),
        Chain("d2", [
            I(r"\ell''(\lambda)", lambda c: sp.diff(ellc(c), lam, 2)),
            I(r"-\frac{1}{\lambda^2}\sumi x_i", lambda c: -sum(x(c)) / lam ** 2),
        ], ctxs=n14),
        Chain("I", [
            I(r"I(\lambda)", lambda c: c["n"] / lam),
            I(r"-\E\bigl[\ell''(\lambda)\bigr]", lambda c: -Ep(c, sp.diff(ellX(c), lam, 2))),
            I(r"\frac{1}{\lambda^2}\sumi\E[X_i]", lambda c: S(lambda i: Ep(c, Xs(c)[i - 1]), 1, c["n"]) / lam ** 2),
            I(r"\frac{n\lambda}{\lambda^2}", lambda c: c["n"] * lam / lam ** 2),
            I(r"\boxed{\frac{n}{\lambda}}", lambda c: c["n"] / lam),
        ], ["def", "id", "id", "id"], n14),
        Chain("EU", [
            I(r"\E\bigl[U(\lambda)\bigr]", lambda c: Ep(c, UX(c))),
            I(r"\frac{1}{\lambda}\cdot n\lambda - n", lambda c: 1 / lam * c["n"] * lam - c["n"]),
            I(r"0", const(0)),
        ], ctxs=n14),
        Chain("VU", [
            I(r"\Var\bigl(U(\lambda)\bigr)", lambda c: Vp(c, UX(c))),
            I(r"\frac{1}{\lambda^2}\Var\Bigl(\sumi X_i\Bigr)", lambda c: Vp(c, sum(Xs(c))) / lam ** 2),
            I(r"\frac{1}{\lambda^2}\cdot n\lambda", lambda c: c["n"] * lam / lam ** 2),
            I(r"I(\lambda)", lambda c: c["n"] / lam),
        ], ctxs=n14),
        Chain("Vl", [
            I(r"\Var(\hat{\lambda})", lambda c: Vp(c, mean(Xs(c)))),
            I(r"\frac{1}{n^2}\sumi\Var(X_i)", lambda c: S(lambda i: Vp(c, Xs(c)[i - 1]), 1, c["n"]) / c["n"] ** 2),
            I(r"\frac{\lambda}{n}", lambda c: lam / c["n"]),
            I(r"\frac{1}{I(\lambda)}", lambda c: 1 / (c["n"] / lam)),
        ], ctxs=n14),
        Chain("num", [
            I(r"\hat{\lambda}", const(lhat)),
            I(r"\frac{2 + 0 + 3 + 1 + 4}{5}", const(rat(2 + 0 + 3 + 1 + 4, 5))),
            I(r"2", const(2)),
        ]),
        Chain("Inum", [
            I(r"I(\hat{\lambda})", const(Ihat)),
            I(r"\frac{5}{2}", const(rat(5, 2))),
        ]),
        Chain("se", [
            I(r"\widehat{\mathrm{se}}", const(1 / sp.sqrt(Ihat))),
            I(r"\frac{1}{\sqrt{I(\hat{\lambda})}}", const(1 / sp.sqrt(Ihat))),
            I(r"\sqrt{\frac{2}{5}}", const(sp.sqrt(rat(2, 5)))),
        ], ["def", "id"]),
    ]
    doc = Doc("poisson_mle_fisher_exam.tex", chains)
    wrong = (r"\frac{n\lambda}{\lambda^3}", lambda c: c["n"] * lam / lam ** 3)
    return with_plant(doc, r"\frac{n\lambda}{\lambda^2}", r"\frac{n\lambda}{\lambda^3}", "I", 3, wrong,
                      "wrong exponent: lambda^3 for lambda^2 in the Fisher information")


def bernoulli_fisher_information_forum():
    p = P("p", 0.05, 0.95)
    pats = [dict(n=n, x=xs) for n in range(1, 5) for xs in binary_patterns(n)]
    inner = [c for c in pats if 0 < sum(c["x"]) < c["n"]]
    kk = lambda c: sum(c["x"])  # noqa: E731
    ell = lambda c: sp.Add(*[xi * ln(p) + (1 - xi) * ln(1 - p) for xi in c["x"]])  # noqa: E731
    Xs = lambda c: vec("X", c["n"])  # noqa: E731
    bern = lambda k_: 1 if k_ == 0 else p  # noqa: E731
    Eb = lambda c, e: E_iid(e, Xs(c), bern)  # noqa: E731
    Vb = lambda c, e: Var_iid(e, Xs(c), bern)  # noqa: E731
    ellX = lambda c: sum(Xs(c)) * ln(p) + (c["n"] - sum(Xs(c))) * ln(1 - p)  # noqa: E731
    n14 = sizes(1, 4)
    pn = rat(7, 10)
    chains = [
        Chain("ell", [
            I(r"\ell(p)", ell),
            I(r"\sum_{i=1}^{n}\bigl[x_i\log p + (1 - x_i)\log(1 - p)\bigr]", ell),
            I(r"k\log p + (n - k)\log(1 - p)", lambda c: kk(c) * ln(p) + (c["n"] - kk(c)) * ln(1 - p)),
        ], ["def", "id"], pats),
        Chain("U", [
            I(r"U(p)", lambda c: sp.diff(ell(c), p)),
            I(r"\ell'(p)", lambda c: sp.diff(ell(c), p)),
            I(r"\frac{k}{p} - \frac{n - k}{1 - p}", lambda c: kk(c) / p - (c["n"] - kk(c)) / (1 - p)),
            I(r"\frac{k - np}{p(1 - p)}", lambda c: (kk(c) - c["n"] * p) / (p * (1 - p))),
        ], ["def", "id", "id"], pats),
        Chain("Uhat", [
            I(r"U\Bigl(\frac{k}{n}\Bigr)", lambda c: sp.diff(ell(c), p).subs(p, rat(kk(c), c["n"]))),
            I(r"\frac{k - n\cdot\frac{k}{n}}{\frac{k}{n}\bigl(1 - \frac{k}{n}\bigr)}",
              lambda c: (kk(c) - c["n"] * rat(kk(c), c["n"])) / (rat(kk(c), c["n"]) * (1 - rat(kk(c), c["n"])))),
            I(r"0", const(0)),
        ], ctxs=inner),
        Chain("d2", [
            I(r"\ell''(p)", lambda c: sp.diff(ell(c), p, 2)),
            I(r"-\frac{k}{p^2} - \frac{n - k}{(1 - p)^2}", lambda c: -kk(c) / p ** 2 - (c["n"] - kk(c)) / (1 - p) ** 2),
        ], ctxs=pats),
        Chain("I", [
            I(r"I(p)", lambda c: c["n"] / (p * (1 - p))),
            I(r"-\mathbb{E}\bigl[\ell''(p)\bigr]", lambda c: -Eb(c, sp.diff(ellX(c), p, 2))),
            I(r"\frac{np}{p^2} + \frac{n - np}{(1 - p)^2}", lambda c: c["n"] * p / p ** 2 + (c["n"] - c["n"] * p) / (1 - p) ** 2),
            I(r"\frac{n}{p} + \frac{n}{1 - p}", lambda c: c["n"] / p + c["n"] / (1 - p)),
            I(r"\frac{n}{p(1 - p)}", lambda c: c["n"] / (p * (1 - p))),
        ], ["def", "id", "id", "id"], n14),
        Chain("EU", [
            I(r"\mathbb{E}\bigl[U(p)\bigr]", lambda c: Eb(c, sp.diff(ellX(c), p))),
            I(r"\frac{\mathbb{E}[K] - np}{p(1 - p)}", lambda c: (Eb(c, sum(Xs(c))) - c["n"] * p) / (p * (1 - p))),
            I(r"0", const(0)),
        ], ctxs=n14),
        Chain("VU", [
            I(r"\operatorname{Var}\bigl(U(p)\bigr)", lambda c: Vb(c, sp.diff(ellX(c), p))),
            I(r"\frac{\operatorname{Var}(K)}{p^2(1 - p)^2}", lambda c: Vb(c, sum(Xs(c))) / (p ** 2 * (1 - p) ** 2)),
            I(r"\frac{np(1 - p)}{p^2(1 - p)^2}", lambda c: c["n"] * p * (1 - p) / (p ** 2 * (1 - p) ** 2)),
            I(r"I(p)", lambda c: c["n"] / (p * (1 - p))),
        ], ctxs=n14),
        Chain("num", [
            I(r"I(\hat{p})", const(10 / (pn * (1 - pn)))),
            I(r"\frac{10}{0.7\times 0.3}", const(10 / (rat(7, 10) * rat(3, 10)))),
            I(r"\frac{10}{0.21}", const(10 / rat(21, 100))),
            I(r"\frac{1000}{21}", const(rat(1000, 21))),
        ]),
    ]
    doc = Doc("bernoulli_fisher_information_forum.md", chains)
    wrong = (r"\frac{10}{0.7\times 0.7}", const(10 / (rat(7, 10) * rat(7, 10))))
    return with_plant(doc, r"\frac{10}{0.7\times 0.3}", r"\frac{10}{0.7\times 0.7}", "num", 1, wrong,
                      "wrong constant: 0.7 x 0.7 for 0.7 x 0.3 in the denominator")


# ---------------------------------------------------------------------------
# family 12: Huber loss, L1 / L2 regularisation
def _huber(r, dl):
    return sp.Piecewise((r ** 2 / 2, sp.Abs(r) <= dl), (dl * (sp.Abs(r) - dl / 2), True))


def _psi(r, dl):
    return sp.Piecewise((r, sp.Abs(r) <= dl), (dl * sp.sign(r), True))


def huber_regression_notes():
    dl = P("delta", 0.3, 2.0)
    r = sp.Symbol("r", real=True)
    lam = P("lambda", 0.05, 2.0)
    w, b = R("w"), R("b")

    def rval(reg, name):
        if reg == "in":
            return dl * R("t_" + name, -0.95, 0.95)
        if reg == "pos":
            return dl + P("u_" + name, 0.05, 2.0)
        return -dl - P("u_" + name, 0.05, 2.0)

    regs = [dict(reg=g) for g in ("in", "pos", "neg")]
    rho = lambda c: _huber(rval(c["reg"], "0"), dl)  # noqa: E731
    drho = lambda c: sp.diff(_huber(r, dl), r).subs(r, rval(c["reg"], "0"))  # noqa: E731
    rr = lambda c: rval(c["reg"], "0")  # noqa: E731

    import itertools
    data_ctx = [dict(n=n, regs=rg) for n in range(1, 4) for rg in itertools.product(("in", "pos", "neg"), repeat=n)]

    def setup(c):
        n = c["n"]
        xs = vec("x", n)
        Ys = vec("Y", n)
        targ = [rval(c["regs"][i], str(i + 1)) for i in range(n)]
        ysub = {Ys[i]: w * xs[i] + b - targ[i] for i in range(n)}
        res = [w * xs[i] + b - Ys[i] for i in range(n)]
        L = sp.Add(*[_huber(ri, dl) for ri in res]) / n
        return xs, Ys, ysub, res, L

    def dLw(c):
        xs, Ys, ysub, res, L = setup(c)
        return sp.diff(L, w).subs(ysub)

    def dLb(c):
        xs, Ys, ysub, res, L = setup(c)
        return sp.diff(L, b).subs(ysub)

    def psisum(c, weighted):
        xs, Ys, ysub, res, L = setup(c)
        return sp.Add(*[_psi(res[i].subs(ysub), dl) * (xs[i] if weighted else 1) for i in range(c["n"])]) / c["n"]

    def Lval(c):
        xs, Ys, ysub, res, L = setup(c)
        return L.subs(ysub)

    # numbers: delta = 1, points (1, 1/2), (2, 4), (-1, -3), w = 1, b = 0
    W, B = sp.symbols("Wn Bn", real=True)
    pts = [(1, half), (2, 4), (-1, -3)]
    Ln = sp.Add(*[_huber(W * px + B - py, sp.Integer(1)) for px, py in pts]) / 3
    at = {W: 1, B: 0}
    chains = [
        Chain("rho", [
            I(r"\huber(r)", rho),
            I(r"\begin{cases} \tfrac{1}{2}r^2, & |r| \le \delta,\\ \delta\bigl(|r| - \tfrac{1}{2}\delta\bigr), & |r| > \delta. \end{cases}",
              lambda c: sp.Piecewise((rr(c) ** 2 / 2, sp.Abs(rr(c)) <= dl), (dl * (sp.Abs(rr(c)) - dl / 2), True))),
        ], "def", regs),
        Chain("in", [
            I(r"\huber'(r)", drho),
            I(r"\frac{d}{dr}\,\tfrac{1}{2}r^2", lambda c: sp.diff(r ** 2 / 2, r).subs(r, rr(c))),
            I(r"r", rr),
        ], ctxs=[dict(reg="in")]),
        Chain("pos", [
            I(r"\huber'(r)", drho),
            I(r"\frac{d}{dr}\,\delta\bigl(r - \tfrac{1}{2}\delta\bigr)", lambda c: sp.diff(dl * (r - dl / 2), r).subs(r, rr(c))),
            I(r"\delta", lambda c: dl),
        ], ctxs=[dict(reg="pos")]),
        Chain("neg", [
            I(r"\huber'(r)", drho),
            I(r"\frac{d}{dr}\,\delta\bigl(-r - \tfrac{1}{2}\delta\bigr)", lambda c: sp.diff(dl * (-r - dl / 2), r).subs(r, rr(c))),
            I(r"-\delta", lambda c: -dl),
        ], ctxs=[dict(reg="neg")]),
        Chain("combined", [
            I(r"\huber'(r)", drho),
            I(r"\begin{cases} r, & |r| \le \delta,\\ \delta\,\sgn(r), & |r| > \delta \end{cases}",
              lambda c: sp.Piecewise((rr(c), sp.Abs(rr(c)) <= dl), (dl * sp.sign(rr(c)), True))),
            I(r"\max\bigl(-\delta, \min(r, \delta)\bigr)", lambda c: sp.Max(-dl, sp.Min(rr(c), dl))),
        ], ctxs=regs),
        Chain("L", [
            I(r"L(w, b)", Lval),
            I(r"\frac{1}{n}\sum_{i=1}^{n}\huber(r_i)", Lval),
        ], "def", [dict(n=2, regs=("in", "pos"))]),
        Chain("gw", [
            I(r"\frac{\partial L}{\partial w}", dLw),
            I(r"\frac{1}{n}\sum_{i=1}^{n}\huber'(r_i)\,\frac{\partial r_i}{\partial w}",
              lambda c: (lambda s: sp.Add(*[sp.diff(_huber(r, dl), r).subs(r, s[3][i].subs(s[2])) * sp.diff(s[3][i], w)
                                            for i in range(c["n"])]) / c["n"])(setup(c))),
            I(r"\frac{1}{n}\sum_{i=1}^{n}\psi_\delta(r_i)\,x_i", lambda c: psisum(c, True)),
        ], ctxs=data_ctx),
        Chain("gb", [
            I(r"\frac{\partial L}{\partial b}", dLb),
            I(r"\frac{1}{n}\sum_{i=1}^{n}\psi_\delta(r_i)", lambda c: psisum(c, False)),
        ], ctxs=data_ctx),
        Chain("J", [
            I(r"J(w, b)", lambda c: Lval(c) + lam / 2 * w ** 2),
            I(r"L(w, b) + \frac{\lambda}{2}w^2", lambda c: Lval(c) + lam / 2 * w ** 2),
        ], "def", [dict(n=2, regs=("in", "neg"))]),
        Chain("gJ", [
            I(r"\frac{\partial J}{\partial w}", lambda c: (lambda s: sp.diff(s[4] + lam / 2 * w ** 2, w).subs(s[2]))(setup(c))),
            I(r"\frac{\partial L}{\partial w} + \lambda w", lambda c: dLw(c) + lam * w),
            I(r"\frac{1}{n}\sum_{i=1}^{n}\psi_\delta(r_i)\,x_i + \lambda w", lambda c: psisum(c, True) + lam * w),
        ], ctxs=data_ctx),
        Chain("Lnum", [
            I(r"L(1, 0)", const(Ln.subs(at))),
            I(r"\frac{1}{3}\Bigl(\tfrac{1}{2}(0.5)^2 + \bigl(2 - \tfrac{1}{2}\bigr) + \bigl(2 - \tfrac{1}{2}\bigr)\Bigr)",
              const(rat(1, 3) * (half * half ** 2 + (2 - half) + (2 - half)))),
            I(r"\frac{25}{24}", const(rat(25, 24))),
        ]),
        Chain("gwn", [
            I(r"\frac{\partial L}{\partial w}", const(sp.diff(Ln, W).subs(at))),
            I(r"\frac{1}{3}\bigl(0.5\cdot 1 + (-1)\cdot 2 + 1\cdot(-1)\bigr)", const(rat(1, 3) * (half * 1 + (-1) * 2 + 1 * (-1)))),
            I(r"-\frac{5}{6}", const(-rat(5, 6))),
        ]),
        Chain("gbn", [
            I(r"\frac{\partial L}{\partial b}", const(sp.diff(Ln, B).subs(at))),
            I(r"\frac{1}{3}(0.5 - 1 + 1)", const(rat(1, 3) * (half - 1 + 1))),
            I(r"\frac{1}{6}", const(rat(1, 6))),
        ]),
    ]
    doc = Doc("huber_regression_notes.tex", chains)
    wrong = (r"\frac{\partial L}{\partial w}", lambda c: dLw(c))
    return with_plant(doc, r"\frac{\partial J}{\partial w} = \frac{\partial L}{\partial w} + \lambda w",
                      r"\frac{\partial J}{\partial w} = \frac{\partial L}{\partial w}", "gJ", 1, wrong,
                      "dropped term: the weight-decay term lambda w")


def lasso_ridge_soft_threshold_answer():
    l1 = P("lambda1", 0.05, 1.5)
    l2 = P("lambda2", 0.05, 1.5)
    Apos = P("A", 0.1, 2.0)
    Upos = P("U", 0.05, 2.0)
    z = R("z", -2.5, 2.5)
    wv = sp.Symbol("w", real=True)

    def multi(c):
        n, d = c["n"], 2
        X = [vec("x%d" % i, d) for i in range(1, n + 1)]
        y = vec("y", n)
        W = list(vec("w", d))
        J = (sp.Add(*[(y[i] - sum(W[k] * X[i][k] for k in range(d))) ** 2 for i in range(n)]) / (2 * n)
             + l2 / 2 * sum(t ** 2 for t in W) + l1 * sum(sp.Abs(t) for t in W))
        return X, y, W, J

    def grad_lhs(c):
        X, y, W, J = multi(c)
        j = c["j"] - 1
        val = Apos if c["sgn"] > 0 else -Apos
        return sp.diff(J, W[j]).subs(W[j], val)

    def grad_rhs(c):
        X, y, W, J = multi(c)
        j = c["j"] - 1
        n = c["n"]
        val = Apos if c["sgn"] > 0 else -Apos
        Wv = list(W)
        Wv[j] = val
        return (-sp.Add(*[(y[i] - sum(Wv[k] * X[i][k] for k in range(2))) * X[i][j] for i in range(n)]) / n + l2 * val
                + sp.Piecewise((l1, val > 0), (-l1, val < 0)))

    def std(c):
        n = c["n"]
        a = vec("a", n)
        norm = sp.sqrt(sp.Add(*[t ** 2 for t in a]) / n)
        x = [t / norm for t in a]
        y = vec("y", n)
        zz = sp.Add(*[x[i] * y[i] for i in range(n)]) / n
        return x, y, zz

    def J1(c, w):
        x, y, zz = std(c)
        return sp.Add(*[(y[i] - w * x[i]) ** 2 for i in range(c["n"])]) / (2 * c["n"]) + l2 / 2 * w ** 2 + l1 * sp.Abs(w)

    # J(w) written through z (by the expansion identity): used for the checks at w-hat
    Jz = lambda w: -w * z + w ** 2 / 2 + l2 / 2 * w ** 2 + l1 * sp.Abs(w)  # noqa: E731
    what = sp.Piecewise(((z - l1) / (1 + l2), z > l1), (0, sp.Abs(z) <= l1), ((z + l1) / (1 + l2), True))
    zp = l1 + Upos
    zn = -l1 - Upos
    whp = (zp - l1) / (1 + l2)
    whn = (zn + l1) / (1 + l2)
    Jpz = lambda at, zval: sp.diff(Jz(wv), wv).subs(wv, at).subs(z, zval)  # noqa: E731
    gctx = [dict(n=n, j=j, sgn=s) for n in range(1, 4) for j in (1, 2) for s in (1, -1)]
    sctx = [dict(n=n, sgn=s) for n in range(1, 4) for s in (1, -1)]
    # numbers: (x, y) = (1, 2), (-1, -1); lambda1 = 1/2, lambda2 = 1
    xn, yn = [1, -1], [2, -1]
    zn_num = sp.Rational(sum(a * b for a, b in zip(xn, yn)), 2)
    Jn = sp.Add(*[(b - wv * a) ** 2 for a, b in zip(xn, yn)]) / 4 + sp.Rational(1, 2) * wv ** 2 + half * sp.Abs(wv)
    chains = [
        Chain("J", [
            I(r"J(\mathbf{w})", lambda c: multi(c)[3]),
            I(r"\frac{1}{2n}\sum_{i=1}^{n}\bigl(y_i - \mathbf{w}^\top\mathbf{x}_i\bigr)^2 + \frac{\lambda_2}{2}\|\mathbf{w}\|_2^2 + \lambda_1\|\mathbf{w}\|_1",
              lambda c: multi(c)[3]),
        ], "def", [dict(n=2)]),
        Chain("grad", [
            I(r"\frac{\partial J}{\partial w_j}", grad_lhs),
            I(r"-\frac{1}{n}\sum_{i=1}^{n}\bigl(y_i - \mathbf{w}^\top\mathbf{x}_i\bigr)x_{ij} + \lambda_2 w_j + \begin{cases} \lambda_1, & w_j > 0,\\ -\lambda_1, & w_j < 0 \end{cases}",
              grad_rhs),
        ], ctxs=gctx),
        Chain("J1", [
            I(r"J(w)", lambda c: J1(c, wv)),
            I(r"\frac{1}{2n}\sum_{i=1}^{n}(y_i - w x_i)^2 + \frac{\lambda_2}{2}w^2 + \lambda_1|w|", lambda c: J1(c, wv)),
        ], "def", [dict(n=2)]),
        Chain("expand", [
            I(r"\frac{1}{2n}\sum_{i=1}^{n}(y_i - w x_i)^2", lambda c: (lambda s: sp.Add(*[(s[1][i] - wv * s[0][i]) ** 2 for i in range(c["n"])]) / (2 * c["n"]))(std(c))),
            I(r"\frac{1}{2n}\sum_{i=1}^{n} y_i^2 - w\,z + \frac{w^2}{2}",
              lambda c: (lambda s: sp.Add(*[t ** 2 for t in s[1]]) / (2 * c["n"]) - wv * s[2] + wv ** 2 / 2)(std(c))),
        ], ctxs=sizes(1, 4)),
        Chain("Jp", [
            I(r"J'(w)", lambda c: sp.diff(J1(c, wv), wv).subs(wv, c["sgn"] * Apos)),
            I(r"w - z + \lambda_2 w + \lambda_1\operatorname{sign}(w)",
              lambda c: (lambda s, w_: w_ - s[2] + l2 * w_ + l1 * sp.sign(w_))(std(c), c["sgn"] * Apos)),
            I(r"(1 + \lambda_2)w - z + \lambda_1\operatorname{sign}(w)",
              lambda c: (lambda s, w_: (1 + l2) * w_ - s[2] + l1 * sp.sign(w_))(std(c), c["sgn"] * Apos)),
        ], ctxs=sctx),
        Chain("what", [
            I(r"\hat{w}", const(what)),
            I(r"\begin{cases} \dfrac{z - \lambda_1}{1 + \lambda_2}, & z > \lambda_1,\\ 0, & |z| \le \lambda_1,\\ \dfrac{z + \lambda_1}{1 + \lambda_2}, & z < -\lambda_1 \end{cases}",
              const(what)),
        ], "def"),
        Chain("chkp", [
            I(r"J'(\hat{w})", const(Jpz(whp, zp))),
            I(r"(1 + \lambda_2)\hat{w} - z + \lambda_1", const((1 + l2) * whp - zp + l1)),
            I(r"(z - \lambda_1) - z + \lambda_1", const((zp - l1) - zp + l1)),
            I(r"0", const(0)),
        ]),
        Chain("chkn", [
            I(r"J'(\hat{w})", const(Jpz(whn, zn))),
            I(r"(1 + \lambda_2)\hat{w} - z - \lambda_1", const((1 + l2) * whn - zn - l1)),
            I(r"(z + \lambda_1) - z - \lambda_1", const((zn + l1) - zn - l1)),
            I(r"0", const(0)),
        ]),
        Chain("numw", [
            I(r"\hat{w}", const(what.subs({z: zn_num, l1: half, l2: 1}))),
            I(r"\frac{1.5 - 0.5}{1 + 1}", const((rat(3, 2) - half) / (1 + 1))),
            I(r"0.5", const(half)),
        ]),
        Chain("numJ", [
            I(r"J'(0.5)", const(sp.diff(Jn, wv).subs(wv, half))),
            I(r"2(0.5) - 1.5 + 0.5", const(2 * half - rat(3, 2) + half)),
            I(r"0", const(0)),
        ]),
    ]
    assert zn_num == rat(3, 2)
    doc = Doc("lasso_ridge_soft_threshold_answer.md", chains)
    wrong = (r"\hat{w} - z + \lambda_1", const(whp - zp + l1))
    return with_plant(doc, r"J'(\hat{w}) = (1 + \lambda_2)\hat{w} - z + \lambda_1", r"J'(\hat{w}) = \hat{w} - z + \lambda_1",
                      "chkp", 1, wrong, "dropped factor: the (1 + lambda_2) multiplying w-hat")


DOCS = [
    backprop_neuron_to_network_lecture,
    backprop_sigmoid_crossentropy_blog,
    definite_integrals_pset,
    integrals_by_hand_notebook,
    finite_sums_lecture,
    series_and_geometric_mean_notes,
    logsumexp_appendix,
    stable_softmax_blog,
    poisson_mle_fisher_exam,
    bernoulli_fisher_information_forum,
    huber_regression_notes,
    lasso_ridge_soft_threshold_answer,
]
