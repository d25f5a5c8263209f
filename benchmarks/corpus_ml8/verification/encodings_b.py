"""Hand encodings of the corpus_ml8 documents of families 4-6 (the normal density; inverse-function
derivatives and first principles; small ML computations with roots and logs).

Same conventions as encodings_a.py: every display is a chain of I(anchor, fn) items, `anchor` the
exact LaTeX of the expression and fn(ctx) its SymPy value; "def" links introduce a name.
"""
import sympy as sp

from framework import Chain, Doc, with_plant, delta, sig  # noqa: F401
from helpers import (vec, S, I, const, R, P, D, singles, pairs, E_iid, gauss_moments)  # noqa: F401

DEF = "def"
half = sp.Rational(1, 2)


def Q(a, b=1):
    return sp.Rational(a, b)


x = R("x")
xp = P("x_pos", 0.2, 3.0)
xu = R("x_unit", -0.9, 0.9)
ln = sp.log


def phi(u):
    return sp.exp(-u ** 2 / 2) / sp.sqrt(2 * sp.pi)


# ===========================================================================
# family 4: the normal density
def normal_density_derivatives_textbook():
    mu, sg = R("mu"), P("sigma", 0.4, 2.0)
    z = (x - mu) / sg
    f = phi(z) / sg
    p1 = D(phi, x)
    ch = []
    ch.append(Chain("def phi", [
        I(r"\varphi(x)", const(phi(x))),
        I(r"\frac{1}{\sqrt{2\pi}}\,e^{-x^2/2}", const(sp.exp(-x ** 2 / 2) / sp.sqrt(2 * sp.pi))),
    ], DEF))
    ch.append(Chain("phi1", [
        I(r"\varphi'(x)", const(sp.diff(phi(x), x))),
        I(r"\frac{1}{\sqrt{2\pi}}\,e^{-x^2/2}\cdot\frac{d}{dx}\Bigl(-\frac{x^2}{2}\Bigr)", const(phi(x) * sp.diff(-x ** 2 / 2, x))),
        I(r"\frac{1}{\sqrt{2\pi}}\,e^{-x^2/2}\cdot(-x)", const(phi(x) * (-x))),
        I(r"-x\varphi(x)", const(-x * phi(x))),
    ]))
    ch.append(Chain("phi2", [
        I(r"\varphi''(x)", const(sp.diff(phi(x), x, 2))),
        I(r"\frac{d}{dx}\bigl[-x\varphi(x)\bigr]", const(sp.diff(-x * phi(x), x))),
        I(r"-\varphi(x) - x\varphi'(x)", const(-phi(x) - x * p1)),
        I(r"-\varphi(x) + x^2\varphi(x)", const(-phi(x) + x ** 2 * phi(x))),
        I(r"(x^2 - 1)\varphi(x)", const((x ** 2 - 1) * phi(x))),
    ]))
    ch.append(Chain("phi3", [
        I(r"\varphi'''(x)", const(sp.diff(phi(x), x, 3))),
        I(r"2x\varphi(x) + (x^2 - 1)\varphi'(x)", const(2 * x * phi(x) + (x ** 2 - 1) * p1)),
        I(r"2x\varphi(x) - x(x^2 - 1)\varphi(x)", const(2 * x * phi(x) - x * (x ** 2 - 1) * phi(x))),
        I(r"(3x - x^3)\varphi(x)", const((3 * x - x ** 3) * phi(x))),
    ]))
    ch.append(Chain("infl", [
        I(r"\varphi''(1)", const(sp.diff(phi(x), x, 2).subs(x, 1))),
        I(r"(1^2 - 1)\varphi(1)", const((1 - 1) * phi(sp.Integer(1)))),
        I(r"0", const(0)),
    ]))
    ch.append(Chain("slope1", [
        I(r"\varphi'(1)", const(p1.subs(x, 1))),
        I(r"-\varphi(1)", const(-phi(sp.Integer(1)))),
        I(r"-\frac{e^{-1/2}}{\sqrt{2\pi}}", const(-sp.exp(-half) / sp.sqrt(2 * sp.pi))),
    ]))
    ch.append(Chain("def f", [
        I(r"f(x)", const(f)),
        I(r"\frac{1}{\sigma}\,\varphi\Bigl(\frac{x - \mu}{\sigma}\Bigr)", const(phi((x - mu) / sg) / sg)),
        I(r"\frac{1}{\sigma\sqrt{2\pi}}\exp\Bigl(-\frac{(x - \mu)^2}{2\sigma^2}\Bigr)", const(sp.exp(-(x - mu) ** 2 / (2 * sg ** 2)) / (sg * sp.sqrt(2 * sp.pi)))),
    ], [DEF, "id"]))
    pz = D(phi, z)
    ch.append(Chain("fx", [
        I(r"\frac{\partial f}{\partial x}", const(sp.diff(f, x))),
        I(r"\frac{1}{\sigma}\,\varphi'(z)\cdot\frac{1}{\sigma}", const(pz / sg ** 2)),
        I(r"-\frac{z}{\sigma^2}\,\varphi(z)", const(-z / sg ** 2 * phi(z))),
        I(r"-\frac{x - \mu}{\sigma^2}\,f(x)", const(-(x - mu) / sg ** 2 * f)),
    ]))
    ch.append(Chain("fmu", [
        I(r"\frac{\partial f}{\partial \mu}", const(sp.diff(f, mu))),
        I(r"\frac{1}{\sigma}\,\varphi'(z)\cdot\Bigl(-\frac{1}{\sigma}\Bigr)", const(pz / sg * (-1 / sg))),
        I(r"\frac{x - \mu}{\sigma^2}\,f(x)", const((x - mu) / sg ** 2 * f)),
        I(r"-\frac{\partial f}{\partial x}", const(-sp.diff(f, x))),
    ]))
    ch.append(Chain("fsigma", [
        I(r"\frac{\partial f}{\partial \sigma}", const(sp.diff(f, sg))),
        I(r"-\frac{1}{\sigma^2}\,\varphi(z) + \frac{1}{\sigma}\,\varphi'(z)\cdot\Bigl(-\frac{x - \mu}{\sigma^2}\Bigr)",
          const(-phi(z) / sg ** 2 + pz / sg * (-(x - mu) / sg ** 2))),
        I(r"-\frac{1}{\sigma^2}\,\varphi(z) + \frac{z^2}{\sigma^2}\,\varphi(z)", const(-phi(z) / sg ** 2 + z ** 2 / sg ** 2 * phi(z))),
        I(r"\frac{z^2 - 1}{\sigma}\,f(x)", const((z ** 2 - 1) / sg * f)),
    ]))
    ch.append(Chain("fxx", [
        I(r"\frac{\partial^2 f}{\partial x^2}", const(sp.diff(f, x, 2))),
        I(r"\frac{1}{\sigma^3}\,\varphi''(z)", const(D(phi, z, 2) / sg ** 3)),
        I(r"\frac{z^2 - 1}{\sigma^3}\,\varphi(z)", const((z ** 2 - 1) / sg ** 3 * phi(z))),
    ]))
    ch.append(Chain("heat", [
        I(r"\sigma\,\frac{\partial^2 f}{\partial x^2}", const(sg * sp.diff(f, x, 2))),
        I(r"\frac{z^2 - 1}{\sigma^2}\,\varphi(z)", const((z ** 2 - 1) / sg ** 2 * phi(z))),
        I(r"\frac{\partial f}{\partial \sigma}", const(sp.diff(f, sg))),
    ]))
    ch.append(Chain("mode", [
        I(r"f(\mu)", const(f.subs(x, mu))),
        I(r"\frac{1}{\sigma}\,\varphi(0)", const(phi(sp.Integer(0)) / sg)),
        I(r"\frac{1}{\sigma\sqrt{2\pi}}", const(1 / (sg * sp.sqrt(2 * sp.pi)))),
    ]))
    doc = Doc("normal_density_derivatives_textbook.tex", ch)
    return with_plant(doc, r"&= -\varphi(x) + x^2\varphi(x) =", r"&= -\varphi(x) - x^2\varphi(x) =",
                      "phi2", 3, I(r"-\varphi(x) - x^2\varphi(x)", const(-phi(x) - x ** 2 * phi(x))),
                      "sign: - x^2 phi(x) for + x^2 phi(x) after substituting phi'(x) = -x phi(x)")



def gaussian_nll_gradients_notebook():
    y, mu = R("y"), R("mu")
    v = P("v", 0.3, 3.0)
    s_ = R("s")
    sg = P("sigma", 0.4, 2.0)

    def ell(m, var, yy=y):
        return half * ln(2 * sp.pi) + half * ln(var) + (yy - m) ** 2 / (2 * var)

    L0 = ell(mu, v)
    ch = []
    ch.append(Chain("neg log density", [
        I(r"-\log \mathcal{N}(y \mid \mu, v)", const(-ln(sp.exp(-(y - mu) ** 2 / (2 * v)) / sp.sqrt(2 * sp.pi * v)))),
        I(r"-\log\Bigl[\frac{1}{\sqrt{2\pi v}}\, e^{-(y - \mu)^2/(2v)}\Bigr]", const(-ln(1 / sp.sqrt(2 * sp.pi * v) * sp.exp(-(y - mu) ** 2 / (2 * v))))),
        I(r"\frac{1}{2}\log(2\pi v) + \frac{(y - \mu)^2}{2v}", const(half * ln(2 * sp.pi * v) + (y - mu) ** 2 / (2 * v))),
    ]))
    ch.append(Chain("def ell", [
        I(r"\ell(\mu, v)", const(L0)),
        I(r"\frac{1}{2}\log(2\pi) + \frac{1}{2}\log v + \frac{(y - \mu)^2}{2v}", const(L0)),
    ], DEF))
    ch.append(Chain("dmu", [
        I(r"\frac{\partial \ell}{\partial \mu}", const(sp.diff(L0, mu))),
        I(r"\frac{2(y - \mu)\cdot(-1)}{2v}", const(2 * (y - mu) * (-1) / (2 * v))),
        I(r"\frac{\mu - y}{v}", const((mu - y) / v)),
    ]))
    ch.append(Chain("dv", [
        I(r"\frac{\partial \ell}{\partial v}", const(sp.diff(L0, v))),
        I(r"\frac{1}{2v} - \frac{(y - \mu)^2}{2v^2}", const(1 / (2 * v) - (y - mu) ** 2 / (2 * v ** 2))),
        I(r"\frac{v - (y - \mu)^2}{2v^2}", const((v - (y - mu) ** 2) / (2 * v ** 2))),
    ]))
    r2 = (y - mu) ** 2
    ch.append(Chain("plug", [
        I(r"\ell\bigl(\mu, (y - \mu)^2\bigr)", const(ell(mu, r2))),
        I(r"\frac{1}{2}\log(2\pi) + \frac{1}{2}\log(y - \mu)^2 + \frac{1}{2}", const(half * ln(2 * sp.pi) + half * ln(r2) + half)),
        I(r"\frac{1}{2}\log(2\pi) + \log|y - \mu| + \frac{1}{2}", const(half * ln(2 * sp.pi) + ln(sp.Abs(y - mu)) + half)),
    ]))
    Ls = ell(mu, sp.exp(s_))
    dv_at = sp.diff(L0, v).subs(v, sp.exp(s_))
    ch.append(Chain("ds", [
        I(r"\frac{\partial \ell}{\partial s}", const(sp.diff(Ls, s_))),
        I(r"\frac{\partial \ell}{\partial v}\,\frac{dv}{ds}", const(dv_at * sp.exp(s_))),
        I(r"\frac{v - (y - \mu)^2}{2v^2}\, e^{s}", const((sp.exp(s_) - r2) / (2 * sp.exp(s_) ** 2) * sp.exp(s_))),
        I(r"\frac{1}{2} - \frac{(y - \mu)^2}{2}\, e^{-s}", const(half - r2 / 2 * sp.exp(-s_))),
        I(r"\frac{1}{2}\bigl(1 - (y - \mu)^2 e^{-s}\bigr)", const(half * (1 - r2 * sp.exp(-s_)))),
    ]))
    Lsg = ell(mu, sg ** 2)
    ch.append(Chain("dsigma", [
        I(r"\frac{\partial \ell}{\partial \sigma}", const(sp.diff(Lsg, sg))),
        I(r"\frac{\partial \ell}{\partial v}\cdot 2\sigma", const(sp.diff(L0, v).subs(v, sg ** 2) * 2 * sg)),
        I(r"\frac{\sigma^2 - (y - \mu)^2}{2\sigma^4}\cdot 2\sigma", const((sg ** 2 - r2) / (2 * sg ** 4) * 2 * sg)),
        I(r"\frac{1}{\sigma} - \frac{(y - \mu)^2}{\sigma^3}", const(1 / sg - r2 / sg ** 3)),
    ]))

    def batch(c):
        n = c["K"]
        ys, ms, vs = vec("y", n), vec("mu", n), vec("v", n, positive=True)
        return n, ys, ms, vs

    def Lb(c):
        n, ys, ms, vs = batch(c)
        return sp.Add(*[ell(ms[i], vs[i], ys[i]) for i in range(n)]) / n

    SJ = singles("j", 4)
    ch.append(Chain("def L", [
        I(r"L", Lb),
        I(r"\frac{1}{n} \sum_{i=1}^{n} \ell(\mu_i, v_i)", Lb),
    ], DEF, [{"K": K} for K in range(1, 5)]))
    ch.append(Chain("dL", [
        I(r"\frac{\partial L}{\partial \mu_j}", lambda c: sp.diff(Lb(c), batch(c)[2][c["j"] - 1])),
        I(r"\frac{1}{n} \sum_{i=1}^{n} \frac{\partial \ell(\mu_i, v_i)}{\partial \mu_j}",
          lambda c: sp.Add(*[sp.diff(ell(batch(c)[2][i], batch(c)[3][i], batch(c)[1][i]), batch(c)[2][c["j"] - 1]) for i in range(c["K"])]) / c["K"]),
        I(r"\frac{1}{n}\, \frac{\mu_j - y_j}{v_j}", lambda c: (batch(c)[2][c["j"] - 1] - batch(c)[1][c["j"] - 1]) / batch(c)[3][c["j"] - 1] / c["K"]),
    ], ctxs=SJ))
    at = {y: 3, mu: 1, v: 4}
    ch.append(Chain("num ell", [
        I(r"\ell(1, 4)", const(L0.subs(at))),
        I(r"\frac{1}{2}\log(2\pi) + \frac{1}{2}\log 4 + \frac{(3 - 1)^2}{2\cdot 4}", const(half * ln(2 * sp.pi) + half * ln(4) + Q(4, 8))),
        I(r"\frac{1}{2}\log(2\pi) + \log 2 + \frac{1}{2}", const(half * ln(2 * sp.pi) + ln(2) + half)),
    ]))
    ch.append(Chain("num dmu", [
        I(r"\frac{\partial \ell}{\partial \mu}", const(sp.diff(L0, mu).subs(at))),
        I(r"\frac{1 - 3}{4}", const(Q(-2, 4))),
        I(r"-\frac{1}{2}", const(-half)),
    ]))
    ch.append(Chain("num dv", [
        I(r"\frac{\partial \ell}{\partial v}", const(sp.diff(L0, v).subs(at))),
        I(r"\frac{4 - (3 - 1)^2}{2\cdot 4^2}", const(Q(4 - 4, 32))),
        I(r"0", const(0)),
    ]))
    ch.append(Chain("num ds", [
        I(r"\frac{\partial \ell}{\partial s}", const(sp.diff(Ls, s_).subs({y: 3, mu: 1, s_: ln(4)}))),
        I(r"\frac{1}{2}\bigl(1 - 4 e^{-\log 4}\bigr)", const(half * (1 - 4 * sp.exp(-ln(4))))),
        I(r"0", const(0)),
    ]))
    doc = Doc("gaussian_nll_gradients_notebook.md", ch)
    return with_plant(doc, r"&= \frac{1}{2} - \frac{(y - \mu)^2}{2}\, e^{-s} \\", r"&= \frac{1}{2} - \frac{(y - \mu)^2}{4}\, e^{-s} \\",
                      "ds", 3, I(r"\frac{1}{2} - \frac{(y - \mu)^2}{4}\, e^{-s}", const(half - r2 / 4 * sp.exp(-s_))),
                      "wrong constant: (y - mu)^2 / 4 for (y - mu)^2 / 2 when cancelling v = e^{s} against v^2")



# ===========================================================================
# family 5: inverse functions, first principles, tangent lines
def inverse_trig_derivatives_notes():
    t = xu
    ys = sp.asin(t)
    yc = sp.acos(t)
    yt = sp.atan(x)
    r = sp.sqrt(1 - t ** 2)
    ch = []
    ch.append(Chain("implicit sin", [
        I(r"\cos y\,\frac{dy}{dx}", const(sp.cos(ys) * sp.diff(ys, t))),
        I(r"1", const(1)),
    ]))
    ch.append(Chain("arcsin", [
        I(r"\frac{d}{dx}\arcsin x", const(sp.diff(ys, t))),
        I(r"\frac{dy}{dx}", const(sp.diff(ys, t))),
        I(r"\frac{1}{\cos y}", const(1 / sp.cos(ys))),
        I(r"\frac{1}{\sqrt{1 - \sin^2 y}}", const(1 / sp.sqrt(1 - sp.sin(ys) ** 2))),
        I(r"\frac{1}{\sqrt{1 - x^2}}", const(1 / r)),
    ]))
    ch.append(Chain("arccos", [
        I(r"\frac{d}{dx}\arccos x", const(sp.diff(yc, t))),
        I(r"-\frac{1}{\sin y}", const(-1 / sp.sin(yc))),
        I(r"-\frac{1}{\sqrt{1 - \cos^2 y}}", const(-1 / sp.sqrt(1 - sp.cos(yc) ** 2))),
        I(r"-\frac{1}{\sqrt{1 - x^2}}", const(-1 / r)),
    ]))
    ch.append(Chain("sum", [
        I(r"\frac{d}{dx}\bigl(\arcsin x + \arccos x\bigr)", const(sp.diff(ys + yc, t))),
        I(r"\frac{1}{\sqrt{1 - x^2}} - \frac{1}{\sqrt{1 - x^2}}", const(1 / r - 1 / r)),
        I(r"0", const(0)),
    ]))
    ch.append(Chain("second", [
        I(r"\frac{d^2}{dx^2}\arcsin x", const(sp.diff(ys, t, 2))),
        I(r"\frac{d}{dx}(1 - x^2)^{-1/2}", const(sp.diff((1 - t ** 2) ** (-half), t))),
        I(r"-\frac{1}{2}(1 - x^2)^{-3/2}\cdot(-2x)", const(-half * (1 - t ** 2) ** Q(-3, 2) * (-2 * t))),
        I(r"\frac{x}{(1 - x^2)^{3/2}}", const(t / (1 - t ** 2) ** Q(3, 2))),
    ]))
    ch.append(Chain("implicit tan", [
        I(r"\sec^2 y\,\frac{dy}{dx}", const(1 / sp.cos(yt) ** 2 * sp.diff(yt, x))),
        I(r"1", const(1)),
    ]))
    ch.append(Chain("arctan", [
        I(r"\frac{d}{dx}\arctan x", const(sp.diff(yt, x))),
        I(r"\frac{1}{\sec^2 y}", const(sp.cos(yt) ** 2)),
        I(r"\frac{1}{1 + \tan^2 y}", const(1 / (1 + sp.tan(yt) ** 2))),
        I(r"\frac{1}{1 + x^2}", const(1 / (1 + x ** 2))),
    ]))
    a = P("a_radius", 1.0, 3.0)
    ch.append(Chain("arcsin x/a", [
        I(r"\frac{d}{dx}\arcsin\frac{x}{a}", const(sp.diff(sp.asin(t / a), t))),
        I(r"\frac{1}{\sqrt{1 - x^2/a^2}}\cdot\frac{1}{a}", const(1 / sp.sqrt(1 - t ** 2 / a ** 2) * (1 / a))),
        I(r"\frac{1}{\sqrt{a^2 - x^2}}", const(1 / sp.sqrt(a ** 2 - t ** 2))),
    ]))
    xf = P("x_frac", 0.05, 0.95)
    ch.append(Chain("arcsin sqrt", [
        I(r"\frac{d}{dx}\arcsin\sqrt{x}", const(sp.diff(sp.asin(sp.sqrt(xf)), xf))),
        I(r"\frac{1}{\sqrt{1 - x}}\cdot\frac{1}{2\sqrt{x}}", const(1 / sp.sqrt(1 - xf) * (1 / (2 * sp.sqrt(xf))))),
        I(r"\frac{1}{2\sqrt{x(1 - x)}}", const(1 / (2 * sp.sqrt(xf * (1 - xf))))),
        I(r"\frac{1}{2\sqrt{x - x^2}}", const(1 / (2 * sp.sqrt(xf - xf ** 2)))),
    ]))
    ch.append(Chain("arctan sqrt", [
        I(r"\frac{d}{dx}\arctan\sqrt{x}", const(sp.diff(sp.atan(sp.sqrt(xp)), xp))),
        I(r"\frac{1}{1 + x}\cdot\frac{1}{2\sqrt{x}}", const(1 / (1 + xp) * (1 / (2 * sp.sqrt(xp))))),
        I(r"\frac{1}{2\sqrt{x}\,(1 + x)}", const(1 / (2 * sp.sqrt(xp) * (1 + xp)))),
    ]))
    ch.append(Chain("slope", [
        I(r"\frac{d}{dx}\arcsin x\Big|_{x = 1/2}", const(sp.diff(ys, t).subs(t, half))),
        I(r"\frac{1}{\sqrt{1 - 1/4}}", const(1 / sp.sqrt(1 - Q(1, 4)))),
        I(r"\frac{1}{\sqrt{3}/2}", const(1 / (sp.sqrt(3) / 2))),
        I(r"\frac{2}{\sqrt{3}}", const(2 / sp.sqrt(3))),
        I(r"\frac{2\sqrt{3}}{3}", const(2 * sp.sqrt(3) / 3)),
    ]))
    T1 = sp.pi / 6 + 2 * sp.sqrt(3) / 3 * (x - half)
    ch.append(Chain("T1", [
        I(r"T(x)", const(T1)),
        I(r"\frac{\pi}{6} + \frac{2\sqrt{3}}{3}\Bigl(x - \frac{1}{2}\Bigr)", const(T1)),
    ], DEF))
    T2 = sp.pi / 4 + half * (x - 1)
    ch.append(Chain("T2", [
        I(r"T(x)", const(T2)),
        I(r"\frac{\pi}{4} + \frac{1}{2}(x - 1)", const(T2)),
        I(r"\frac{x}{2} + \frac{\pi}{4} - \frac{1}{2}", const(x / 2 + sp.pi / 4 - half)),
    ], [DEF, "id"]))
    doc = Doc("inverse_trig_derivatives_notes.tex", ch)
    return with_plant(doc, r"= \frac{1}{2\sqrt{x(1 - x)}} =", r"= \frac{1}{2\sqrt{x(1 - x)^2}} =",
                      "arcsin sqrt", 2, I(r"\frac{1}{2\sqrt{x(1 - x)^2}}", const(1 / (2 * sp.sqrt(xf * (1 - xf) ** 2)))),
                      "wrong exponent: (1 - x)^2 for (1 - x) under the root when combining the two square roots")



def sqrt_first_principles_forum():
    t = xp
    h = P("h", 0.05, 0.8)
    hr = sp.Symbol("h_lim", real=True)  # two-sided limits are taken in a real h
    rt, rth = sp.sqrt(t), sp.sqrt(t + h)

    def lim(e):
        v = sp.limit(e.subs(h, hr), hr, 0, dir="+-")
        assert not v.has(sp.Limit)
        return v

    dq = (rth - rt) / h
    ch = []
    ch.append(Chain("dq", [
        I(r"\frac{f(x + h) - f(x)}{h}", const(dq)),
        I(r"\frac{\sqrt{x + h} - \sqrt{x}}{h}", const(dq)),
    ]))
    ch.append(Chain("conj", [
        I(r"\frac{\sqrt{x + h} - \sqrt{x}}{h}", const(dq)),
        I(r"\frac{\sqrt{x + h} - \sqrt{x}}{h}\cdot\frac{\sqrt{x + h} + \sqrt{x}}{\sqrt{x + h} + \sqrt{x}}", const(dq * (rth + rt) / (rth + rt))),
        I(r"\frac{(x + h) - x}{h\bigl(\sqrt{x + h} + \sqrt{x}\bigr)}", const(((t + h) - t) / (h * (rth + rt)))),
        I(r"\frac{h}{h\bigl(\sqrt{x + h} + \sqrt{x}\bigr)}", const(h / (h * (rth + rt)))),
        I(r"\frac{1}{\sqrt{x + h} + \sqrt{x}}", const(1 / (rth + rt))),
    ]))
    ch.append(Chain("limit", [
        I(r"f'(x)", const(sp.diff(rt, t))),
        I(r"\lim_{h \to 0} \frac{\sqrt{x + h} - \sqrt{x}}{h}", const(lim(dq))),
        I(r"\lim_{h \to 0} \frac{1}{\sqrt{x + h} + \sqrt{x}}", const(lim(1 / (rth + rt)))),
        I(r"\frac{1}{2\sqrt{x}}", const(1 / (2 * rt))),
    ]))
    ch.append(Chain("f'(4)", [
        I(r"f'(4)", const(sp.diff(rt, t).subs(t, 4))),
        I(r"\frac{1}{2\sqrt{4}}", const(1 / (2 * sp.sqrt(4)))),
        I(r"\frac{1}{4}", const(Q(1, 4))),
    ]))
    Lx = 2 + Q(1, 4) * (x - 4)
    ch.append(Chain("L", [
        I(r"L(x)", const(Lx)),
        I(r"2 + \frac{1}{4}(x - 4)", const(Lx)),
        I(r"\frac{x}{4} + 1", const(x / 4 + 1)),
    ], [DEF, "id"]))
    ch.append(Chain("L(4.1)", [
        I(r"L(4.1)", const(Lx.subs(x, Q(41, 10)))),
        I(r"2 + \frac{0.1}{4}", const(2 + Q(1, 10) / 4)),
        I(r"2.025", const(Q(2025, 1000))),
    ]))
    inv = 1 / h * (1 / rth - 1 / rt)
    last = -1 / (rt * rth * (rt + rth))
    ch.append(Chain("inv", [
        I(r"\frac{1}{h}\Bigl(\frac{1}{\sqrt{x + h}} - \frac{1}{\sqrt{x}}\Bigr)", const(inv)),
        I(r"\frac{\sqrt{x} - \sqrt{x + h}}{h\sqrt{x}\sqrt{x + h}}", const((rt - rth) / (h * rt * rth))),
        I(r"\frac{x - (x + h)}{h\sqrt{x}\sqrt{x + h}\bigl(\sqrt{x} + \sqrt{x + h}\bigr)}", const((t - (t + h)) / (h * rt * rth * (rt + rth)))),
        I(r"-\frac{1}{\sqrt{x}\sqrt{x + h}\bigl(\sqrt{x} + \sqrt{x + h}\bigr)}", const(last)),
    ]))
    ch.append(Chain("inv limit", [
        I(r"\frac{d}{dx}\,\frac{1}{\sqrt{x}}", const(sp.diff(1 / rt, t))),
        I(r"\lim_{h \to 0} -\frac{1}{\sqrt{x}\sqrt{x + h}\bigl(\sqrt{x} + \sqrt{x + h}\bigr)}", const(lim(last))),
        I(r"-\frac{1}{\sqrt{x}\cdot\sqrt{x}\cdot 2\sqrt{x}}", const(-1 / (rt * rt * 2 * rt))),
        I(r"-\frac{1}{2x\sqrt{x}}", const(-1 / (2 * t * rt))),
    ]))
    c1, c0 = sp.cbrt(t + h), sp.cbrt(t)
    den = sp.cbrt((t + h) ** 2) + sp.cbrt(t * (t + h)) + sp.cbrt(t ** 2)
    ch.append(Chain("cube", [
        I(r"\frac{\sqrt[3]{x + h} - \sqrt[3]{x}}{h}", const((c1 - c0) / h)),
        I(r"\frac{(x + h) - x}{h\bigl(\sqrt[3]{(x + h)^2} + \sqrt[3]{x(x + h)} + \sqrt[3]{x^2}\bigr)}", const(((t + h) - t) / (h * den))),
        I(r"\frac{1}{\sqrt[3]{(x + h)^2} + \sqrt[3]{x(x + h)} + \sqrt[3]{x^2}}", const(1 / den)),
    ]))
    ch.append(Chain("cube limit", [
        I(r"\lim_{h \to 0} \frac{1}{\sqrt[3]{(x + h)^2} + \sqrt[3]{x(x + h)} + \sqrt[3]{x^2}}", const(lim(1 / den))),
        I(r"\frac{1}{3\sqrt[3]{x^2}}", const(1 / (3 * sp.cbrt(t ** 2)))),
    ]))
    xc = P("x_circ", 0.2, 4.5)
    rc = sp.sqrt(25 - xc ** 2)
    ch.append(Chain("circle", [
        I(r"\frac{d}{dx}\sqrt{25 - x^2}", const(sp.diff(rc, xc))),
        I(r"\frac{-2x}{2\sqrt{25 - x^2}}", const(-2 * xc / (2 * rc))),
        I(r"-\frac{x}{\sqrt{25 - x^2}}", const(-xc / rc)),
    ]))
    ch.append(Chain("circle at 3", [
        I(r"-\frac{3}{\sqrt{25 - 9}}", const(-3 / sp.sqrt(25 - 9))),
        I(r"-\frac{3}{4}", const(-Q(3, 4))),
    ]))
    Mx = 4 - Q(3, 4) * (x - 3)
    ch.append(Chain("M", [
        I(r"M(x)", const(Mx)),
        I(r"4 - \frac{3}{4}(x - 3)", const(Mx)),
        I(r"-\frac{3}{4}x + \frac{25}{4}", const(-Q(3, 4) * x + Q(25, 4))),
    ], [DEF, "id"]))
    ch.append(Chain("perp", [
        I(r"\frac{4}{3}\cdot\Bigl(-\frac{3}{4}\Bigr)", const(Q(4, 3) * (-Q(3, 4)))),
        I(r"-1", const(-1)),
    ]))
    doc = Doc("sqrt_first_principles_forum.md", ch)
    return with_plant(doc, r"&= \frac{x - (x + h)}{h\sqrt{x}\sqrt{x + h}\bigl(\sqrt{x} + \sqrt{x + h}\bigr)} \\",
                      r"&= \frac{x - (x + h)}{h\sqrt{x + h}\bigl(\sqrt{x} + \sqrt{x + h}\bigr)} \\",
                      "inv", 2, I(r"\frac{x - (x + h)}{h\sqrt{x + h}\bigl(\sqrt{x} + \sqrt{x + h}\bigr)}",
                                  const((t - (t + h)) / (h * rth * (rt + rth)))),
                      "dropped factor: sqrt(x) in the denominator h sqrt(x) sqrt(x + h)(sqrt(x) + sqrt(x + h))")



# ===========================================================================
# family 6: small ML computations with roots and logs
def _kl_parts():
    mu1, mu2 = R("mu_1"), R("mu_2")
    s1, s2 = P("sigma_1", 0.4, 2.0), P("sigma_2", 0.4, 2.0)
    Xp = R("X_p")
    gm = gauss_moments(mu1, s1 ** 2)

    def Ep(e):
        return E_iid(e, [Xp], gm)

    def logpdf(m, s):
        return -ln(s) - half * ln(2 * sp.pi) - (Xp - m) ** 2 / (2 * s ** 2)

    kl = ln(s2 / s1) - half + (s1 ** 2 + (mu1 - mu2) ** 2) / (2 * s2 ** 2)
    return mu1, mu2, s1, s2, Xp, Ep, logpdf, kl


def optimizer_regularizer_kl_appendix():
    rho = P("rho", 0.05, 0.95)
    b1, b2 = P("beta_1", 0.05, 0.95), P("beta_2", 0.05, 0.95)
    eta = P("eta", 0.01, 1.0)
    eps = P("epsilon", 0.001, 0.1)
    gt, vprev, th = R("g_t"), P("v_prev", 0.1, 2.0), R("theta_t")
    ch = []
    vt = rho * vprev + (1 - rho) * gt ** 2
    ch.append(Chain("def v", [I(r"v_t", const(vt)), I(r"\rho\, v_{t-1} + (1 - \rho)\, g_t^2", const(vt))], DEF))
    step = th - eta * gt / (sp.sqrt(vt) + eps)
    ch.append(Chain("def theta", [I(r"\theta_{t+1}", const(step)), I(r"\theta_t - \frac{\eta\, g_t}{\sqrt{v_t} + \epsilon}", const(step))], DEF))
    g1 = R("g_1")
    ch.append(Chain("first step", [
        I(r"\frac{\eta\, g_1}{\sqrt{v_1}}", const(eta * g1 / sp.sqrt((1 - rho) * g1 ** 2))),
        I(r"\frac{\eta\, g_1}{\sqrt{1 - \rho}\,|g_1|}", const(eta * g1 / (sp.sqrt(1 - rho) * sp.Abs(g1)))),
        I(r"\frac{\eta}{\sqrt{1 - \rho}}\,\sign(g_1)", const(eta / sp.sqrt(1 - rho) * sp.sign(g1))),
    ]))

    def m(t, gs):
        out = sp.Integer(0)
        for k in range(1, t + 1):
            out = b1 * out + (1 - b1) * gs[k - 1]
        return out

    def G(c):
        return vec("g", c["t"])

    T2 = [{"t": t} for t in range(2, 6)]
    ch.append(Chain("unroll", [
        I(r"m_t", lambda c: m(c["t"], G(c))),
        I(r"\beta_1 m_{t-1} + (1 - \beta_1) g_t", lambda c: b1 * m(c["t"] - 1, G(c)) + (1 - b1) * G(c)[c["t"] - 1]),
        I(r"\beta_1^2 m_{t-2} + \beta_1 (1 - \beta_1) g_{t-1} + (1 - \beta_1) g_t",
          lambda c: b1 ** 2 * m(c["t"] - 2, G(c)) + b1 * (1 - b1) * G(c)[c["t"] - 2] + (1 - b1) * G(c)[c["t"] - 1]),
        I(r"(1 - \beta_1) \sum_{k=1}^{t} \beta_1^{t-k} g_k", lambda c: (1 - b1) * S(lambda k: b1 ** (c["t"] - k) * G(c)[k - 1], 1, c["t"])),
    ], [DEF, "id", "id"], T2))
    g = R("g")
    T1 = [{"t": t} for t in range(1, 6)]

    def mc(c):
        return m(c["t"], [g] * c["t"])

    ch.append(Chain("bias", [
        I(r"\hat{m}_t", lambda c: mc(c) / (1 - b1 ** c["t"])),
        I(r"\frac{m_t}{1 - \beta_1^t}", lambda c: mc(c) / (1 - b1 ** c["t"])),
        I(r"\frac{(1 - \beta_1)\, g \sum_{k=1}^{t} \beta_1^{t-k}}{1 - \beta_1^t}", lambda c: (1 - b1) * g * S(lambda k: b1 ** (c["t"] - k), 1, c["t"]) / (1 - b1 ** c["t"])),
        I(r"\frac{(1 - \beta_1^t)\, g}{1 - \beta_1^t}", lambda c: (1 - b1 ** c["t"]) * g / (1 - b1 ** c["t"])),
        I(r"g", const(g)),
    ], [DEF, "id", "id", "id"], T1))
    mt, vt_ = R("m_t"), P("v_t", 0.1, 2.0)
    ch.append(Chain("effective", [
        I(r"\eta\,\frac{\hat{m}_t}{\sqrt{\hat{v}_t}}", lambda c: eta * (mt / (1 - b1 ** c["t"])) / sp.sqrt(vt_ / (1 - b2 ** c["t"]))),
        I(r"\eta\,\frac{m_t/(1 - \beta_1^t)}{\sqrt{v_t/(1 - \beta_2^t)}}", lambda c: eta * (mt / (1 - b1 ** c["t"])) / sp.sqrt(vt_ / (1 - b2 ** c["t"]))),
        I(r"\eta\,\frac{\sqrt{1 - \beta_2^t}}{1 - \beta_1^t}\,\frac{m_t}{\sqrt{v_t}}", lambda c: eta * sp.sqrt(1 - b2 ** c["t"]) / (1 - b1 ** c["t"]) * mt / sp.sqrt(vt_)),
    ], ctxs=T1))
    ch.append(Chain("factor", [
        I(r"\frac{\sqrt{1 - 0.999}}{1 - 0.9}", const(sp.sqrt(1 - Q(999, 1000)) / (1 - Q(9, 10)))),
        I(r"\frac{\sqrt{0.001}}{0.1}", const(sp.sqrt(Q(1, 1000)) / Q(1, 10))),
        I(r"\sqrt{0.1}", const(sp.sqrt(Q(1, 10)))),
    ]))
    lam = P("lambda", 0.05, 1.0)

    def W(c):
        return vec("w", c["K"])

    def nw(c):
        return sp.sqrt(sp.Add(*[t ** 2 for t in W(c)]))

    def Rw(c):
        return lam * nw(c)

    SD = [{"K": K} for K in range(1, 4)]
    SJ = singles("j", 3)
    J = lambda c: c["j"] - 1  # noqa: E731
    ch.append(Chain("R", [
        I(r"R(\mathbf{w})", Rw),
        I(r"\lambda \|\mathbf{w}\|", Rw),
        I(r"\lambda \sqrt{\sum_{k=1}^{d} w_k^2}", lambda c: lam * sp.sqrt(S(lambda k: W(c)[k - 1] ** 2, 1, c["K"]))),
    ], [DEF, "id"], SD))
    ch.append(Chain("grad R", [
        I(r"\frac{\partial R}{\partial w_j}", lambda c: sp.diff(Rw(c), W(c)[J(c)])),
        I(r"\frac{\lambda}{2\sqrt{\sum_{k=1}^{d} w_k^2}}\cdot 2w_j", lambda c: lam / (2 * nw(c)) * 2 * W(c)[J(c)]),
        I(r"\frac{\lambda w_j}{\|\mathbf{w}\|}", lambda c: lam * W(c)[J(c)] / nw(c)),
    ], ctxs=SJ))
    ch.append(Chain("step R", [
        I(r"w_j - \eta\,\frac{\partial R}{\partial w_j}", lambda c: W(c)[J(c)] - eta * sp.diff(Rw(c), W(c)[J(c)])),
        I(r"w_j - \frac{\eta\lambda w_j}{\|\mathbf{w}\|}", lambda c: W(c)[J(c)] - eta * lam * W(c)[J(c)] / nw(c)),
        I(r"\Bigl(1 - \frac{\eta\lambda}{\|\mathbf{w}\|}\Bigr) w_j", lambda c: (1 - eta * lam / nw(c)) * W(c)[J(c)]),
    ], ctxs=SJ))

    def stepped(c):
        return [wk - eta * sp.diff(Rw(c), wk) for wk in W(c)]

    ch.append(Chain("norm after", [
        I(r"\bigl\|\mathbf{w} - \eta\nabla R(\mathbf{w})\bigr\|", lambda c: sp.sqrt(sp.Add(*[t ** 2 for t in stepped(c)]))),
        I(r"\Bigl|1 - \frac{\eta\lambda}{\|\mathbf{w}\|}\Bigr|\,\|\mathbf{w}\|", lambda c: sp.Abs(1 - eta * lam / nw(c)) * nw(c)),
        I(r"\bigl|\|\mathbf{w}\| - \eta\lambda\bigr|", lambda c: sp.Abs(nw(c) - eta * lam)),
    ], ctxs=SD))
    mu1, mu2, s1, s2, Xp, Ep, logpdf, kl = _kl_parts()
    ch.append(Chain("kl", [
        I(r"\KL(p \,\|\, q)", const(Ep(logpdf(mu1, s1) - logpdf(mu2, s2)))),
        I(r"\mathbb{E}_p\bigl[\log p(X) - \log q(X)\bigr]", const(Ep(logpdf(mu1, s1) - logpdf(mu2, s2)))),
        I(r"\log\frac{\sigma_2}{\sigma_1} - \frac{\mathbb{E}_p[(X - \mu_1)^2]}{2\sigma_1^2} + \frac{\mathbb{E}_p[(X - \mu_2)^2]}{2\sigma_2^2}",
          const(ln(s2 / s1) - Ep((Xp - mu1) ** 2) / (2 * s1 ** 2) + Ep((Xp - mu2) ** 2) / (2 * s2 ** 2))),
        I(r"\log\frac{\sigma_2}{\sigma_1} - \frac{1}{2} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2}", const(kl)),
    ], [DEF, "id", "id"]))
    ch.append(Chain("moment", [
        I(r"\mathbb{E}_p[(X - \mu_2)^2]", const(Ep((Xp - mu2) ** 2))),
        I(r"\mathbb{E}_p[(X - \mu_1)^2] + (\mu_1 - \mu_2)^2", const(Ep((Xp - mu1) ** 2) + (mu1 - mu2) ** 2)),
        I(r"\sigma_1^2 + (\mu_1 - \mu_2)^2", const(s1 ** 2 + (mu1 - mu2) ** 2)),
    ]))
    ch.append(Chain("kl mu1", [
        I(r"\frac{\partial \KL}{\partial \mu_1}", const(sp.diff(kl, mu1))),
        I(r"\frac{2(\mu_1 - \mu_2)}{2\sigma_2^2}", const(2 * (mu1 - mu2) / (2 * s2 ** 2))),
        I(r"\frac{\mu_1 - \mu_2}{\sigma_2^2}", const((mu1 - mu2) / s2 ** 2)),
    ]))
    ch.append(Chain("kl s1", [
        I(r"\frac{\partial \KL}{\partial \sigma_1}", const(sp.diff(kl, s1))),
        I(r"-\frac{1}{\sigma_1} + \frac{2\sigma_1}{2\sigma_2^2}", const(-1 / s1 + 2 * s1 / (2 * s2 ** 2))),
        I(r"\frac{\sigma_1^2 - \sigma_2^2}{\sigma_1 \sigma_2^2}", const((s1 ** 2 - s2 ** 2) / (s1 * s2 ** 2))),
    ]))
    ch.append(Chain("kl s2", [
        I(r"\frac{\partial \KL}{\partial \sigma_2}", const(sp.diff(kl, s2))),
        I(r"\frac{1}{\sigma_2} - \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{\sigma_2^3}", const(1 / s2 - (s1 ** 2 + (mu1 - mu2) ** 2) / s2 ** 3)),
        I(r"\frac{\sigma_2^2 - \sigma_1^2 - (\mu_1 - \mu_2)^2}{\sigma_2^3}", const((s2 ** 2 - s1 ** 2 - (mu1 - mu2) ** 2) / s2 ** 3)),
    ]))
    ch.append(Chain("kl num", [
        I(r"\KL(p \,\|\, q)", const(kl.subs({mu1: 1, s1: 1, mu2: 0, s2: 2}))),
        I(r"\log\frac{2}{1} - \frac{1}{2} + \frac{1^2 + (1 - 0)^2}{2\cdot 2^2}", const(ln(2) - half + Q(2, 8))),
        I(r"\log 2 - \frac{1}{4}", const(ln(2) - Q(1, 4))),
    ]))
    doc = Doc("optimizer_regularizer_kl_appendix.tex", ch)
    return with_plant(doc, r"&= \beta_1^2 m_{t-2} + \beta_1 (1 - \beta_1) g_{t-1} + (1 - \beta_1) g_t \nonumber\\",
                      r"&= \beta_1^2 m_{t-2} + \beta_1 (1 - \beta_1) g_{t-1} + (1 - \beta_1) g_{t-1} \nonumber\\",
                      "unroll", 2,
                      I(r"\beta_1^2 m_{t-2} + \beta_1 (1 - \beta_1) g_{t-1} + (1 - \beta_1) g_{t-1}",
                        lambda c: b1 ** 2 * m(c["t"] - 2, vec("g", c["t"])) + b1 * (1 - b1) * vec("g", c["t"])[c["t"] - 2]
                        + (1 - b1) * vec("g", c["t"])[c["t"] - 2]),
                      "wrong index: g_{t-1} for g_t in the newest term of the unrolled first-moment recursion")



def cosine_norm_kl_gradients_notebook():
    def U(c):
        return vec("u", c["K"])

    def V(c):
        return vec("v", c["K"])

    def nrm(w):
        return sp.sqrt(sp.Add(*[t ** 2 for t in w]))

    def dot(c):
        return sp.Add(*[a * b for a, b in zip(U(c), V(c))])

    def cs(c):
        return dot(c) / (nrm(U(c)) * nrm(V(c)))

    J = lambda c: c["j"] - 1  # noqa: E731
    SK = [{"K": K} for K in range(2, 5)]
    SJ = singles("j", 4, Kmin=2)
    ch = []
    ch.append(Chain("def c", [
        I(r"c", cs),
        I(r"\frac{\mathbf{u}\cdot\mathbf{v}}{\|\mathbf{u}\|\,\|\mathbf{v}\|}", cs),
        I(r"\frac{\sum_{k} u_k v_k}{\sqrt{\sum_{k} u_k^2}\,\sqrt{\sum_{k} v_k^2}}",
          lambda c: S(lambda k: U(c)[k - 1] * V(c)[k - 1], 1, c["K"]) / (sp.sqrt(S(lambda k: U(c)[k - 1] ** 2, 1, c["K"])) * sp.sqrt(S(lambda k: V(c)[k - 1] ** 2, 1, c["K"])))),
    ], [DEF, "id"], SK))
    ch.append(Chain("d inv norm", [
        I(r"\frac{\partial}{\partial u_j}\,\frac{1}{\|\mathbf{u}\|}", lambda c: sp.diff(1 / nrm(U(c)), U(c)[J(c)])),
        I(r"-\frac{1}{\|\mathbf{u}\|^2}\cdot\frac{u_j}{\|\mathbf{u}\|}", lambda c: -1 / nrm(U(c)) ** 2 * U(c)[J(c)] / nrm(U(c))),
        I(r"-\frac{u_j}{\|\mathbf{u}\|^3}", lambda c: -U(c)[J(c)] / nrm(U(c)) ** 3),
    ], ctxs=SJ))
    ch.append(Chain("dc", [
        I(r"\frac{\partial c}{\partial u_j}", lambda c: sp.diff(cs(c), U(c)[J(c)])),
        I(r"\frac{v_j}{\|\mathbf{u}\|\,\|\mathbf{v}\|} + (\mathbf{u}\cdot\mathbf{v})\,\frac{1}{\|\mathbf{v}\|}\,\frac{\partial}{\partial u_j}\frac{1}{\|\mathbf{u}\|}",
          lambda c: V(c)[J(c)] / (nrm(U(c)) * nrm(V(c))) + dot(c) / nrm(V(c)) * sp.diff(1 / nrm(U(c)), U(c)[J(c)])),
        I(r"\frac{v_j}{\|\mathbf{u}\|\,\|\mathbf{v}\|} - \frac{(\mathbf{u}\cdot\mathbf{v})\,u_j}{\|\mathbf{u}\|^3\,\|\mathbf{v}\|}",
          lambda c: V(c)[J(c)] / (nrm(U(c)) * nrm(V(c))) - dot(c) * U(c)[J(c)] / (nrm(U(c)) ** 3 * nrm(V(c)))),
        I(r"\frac{1}{\|\mathbf{u}\|}\Bigl(\frac{v_j}{\|\mathbf{v}\|} - c\,\frac{u_j}{\|\mathbf{u}\|}\Bigr)",
          lambda c: (V(c)[J(c)] / nrm(V(c)) - cs(c) * U(c)[J(c)] / nrm(U(c))) / nrm(U(c))),
    ], ctxs=SJ))
    ch.append(Chain("orth", [
        I(r"\sum_{j} u_j\,\frac{\partial c}{\partial u_j}", lambda c: sp.Add(*[uj * sp.diff(cs(c), uj) for uj in U(c)])),
        I(r"\frac{\mathbf{u}\cdot\mathbf{v}}{\|\mathbf{u}\|\,\|\mathbf{v}\|} - c\,\frac{\|\mathbf{u}\|^2}{\|\mathbf{u}\|^2}", lambda c: cs(c) - cs(c) * nrm(U(c)) ** 2 / nrm(U(c)) ** 2),
        I(r"c - c", lambda c: cs(c) - cs(c)),
        I(r"0", const(0)),
    ], ctxs=SK))
    u1, u2 = vec("u", 2)
    v1, v2 = vec("v", 2)
    c2 = (u1 * v1 + u2 * v2) / (sp.sqrt(u1 ** 2 + u2 ** 2) * sp.sqrt(v1 ** 2 + v2 ** 2))
    at = {u1: 1, u2: 0, v1: 1, v2: 1}
    r2 = sp.sqrt(2)
    ch.append(Chain("num c", [
        I(r"c", const(c2.subs(at))),
        I(r"\frac{1\cdot 1 + 0\cdot 1}{1\cdot\sqrt{2}}", const((1 + 0) / r2)),
        I(r"\frac{\sqrt{2}}{2}", const(r2 / 2)),
    ]))
    ch.append(Chain("num du1", [
        I(r"\frac{\partial c}{\partial u_1}", const(sp.diff(c2, u1).subs(at))),
        I(r"\frac{1}{\sqrt{2}} - \frac{\sqrt{2}}{2}\cdot 1", const(1 / r2 - r2 / 2)),
        I(r"0", const(0)),
    ]))
    ch.append(Chain("num du2", [
        I(r"\frac{\partial c}{\partial u_2}", const(sp.diff(c2, u2).subs(at))),
        I(r"\frac{1}{\sqrt{2}} - \frac{\sqrt{2}}{2}\cdot 0", const(1 / r2)),
        I(r"\frac{\sqrt{2}}{2}", const(r2 / 2)),
    ]))
    lam = P("lambda", 0.05, 1.0)

    def W(c):
        return vec("w", c["K"])

    SJ1 = singles("j", 3)
    ch.append(Chain("norm penalty", [
        I(r"\frac{\partial}{\partial w_j}\lambda\|\mathbf{w}\|", lambda c: sp.diff(lam * nrm(W(c)), W(c)[J(c)])),
        I(r"\lambda\,\frac{\partial \sqrt{\|\mathbf{w}\|^2}}{\partial w_j}", lambda c: lam * sp.diff(sp.sqrt(nrm(W(c)) ** 2), W(c)[J(c)])),
        I(r"\frac{\lambda}{2\|\mathbf{w}\|}\,\frac{\partial \|\mathbf{w}\|^2}{\partial w_j}", lambda c: lam / (2 * nrm(W(c))) * sp.diff(nrm(W(c)) ** 2, W(c)[J(c)])),
        I(r"\frac{\lambda}{2\|\mathbf{w}\|}\cdot 2w_j", lambda c: lam / (2 * nrm(W(c))) * 2 * W(c)[J(c)]),
        I(r"\lambda\,\frac{w_j}{\|\mathbf{w}\|}", lambda c: lam * W(c)[J(c)] / nrm(W(c))),
    ], ctxs=SJ1))
    ch.append(Chain("penalty length", [
        I(r"\Bigl\|\lambda\,\frac{\mathbf{w}}{\|\mathbf{w}\|}\Bigr\|", lambda c: nrm([lam * t / nrm(W(c)) for t in W(c)])),
        I(r"\frac{\lambda}{\|\mathbf{w}\|}\sqrt{\sum_{j} w_j^2}", lambda c: lam / nrm(W(c)) * sp.sqrt(S(lambda j: W(c)[j - 1] ** 2, 1, c["K"]))),
        I(r"\lambda", const(lam)),
    ], ctxs=[{"K": K} for K in range(1, 4)]))
    # KL against N(0, 1), with s = log sigma^2, i.e. sigma = e^{s/2}; the KL itself as E_p[log p - log q]
    mu = R("mu")
    s_ = R("s")
    Xp = R("X_p")
    sig_sym = P("sigma", 0.4, 2.0)

    def logpdf(m, sd):
        return -ln(sd) - half * ln(2 * sp.pi) - (Xp - m) ** 2 / (2 * sd ** 2)

    def KLs(m, sd):
        return E_iid(logpdf(m, sd) - logpdf(0, 1), [Xp], gauss_moments(m, sd ** 2))

    sd = sp.exp(s_ / 2)
    K0 = KLs(mu, sd)
    ch.append(Chain("kl", [
        I(r"\mathrm{KL}", const(K0)),
        I(r"\log\frac{1}{\sigma} + \frac{\sigma^2 + \mu^2}{2} - \frac{1}{2}", const(ln(1 / sd) + (sd ** 2 + mu ** 2) / 2 - half)),
        I(r"\frac{1}{2}\bigl(\mu^2 + \sigma^2 - \log\sigma^2 - 1\bigr)", const(half * (mu ** 2 + sd ** 2 - ln(sd ** 2) - 1))),
        I(r"\frac{1}{2}\bigl(\mu^2 + e^{s} - s - 1\bigr)", const(half * (mu ** 2 + sp.exp(s_) - s_ - 1))),
    ]))
    ch.append(Chain("kl mu", [
        I(r"\frac{\partial \mathrm{KL}}{\partial \mu}", const(sp.diff(K0, mu))),
        I(r"\mu", const(mu)),
    ]))
    ch.append(Chain("kl s", [
        I(r"\frac{\partial \mathrm{KL}}{\partial s}", const(sp.diff(K0, s_))),
        I(r"\frac{1}{2}\bigl(e^{s} - 1\bigr)", const(half * (sp.exp(s_) - 1))),
        I(r"\frac{\sigma^2 - 1}{2}", const((sd ** 2 - 1) / 2)),
    ]))
    dKdsig = sp.diff(KLs(mu, sig_sym), sig_sym).subs(sig_sym, sd)
    ch.append(Chain("kl s via sigma", [
        I(r"\frac{\partial \mathrm{KL}}{\partial s}", const(sp.diff(K0, s_))),
        I(r"\frac{\partial \mathrm{KL}}{\partial \sigma}\,\frac{d\sigma}{ds}", const(dKdsig * sp.diff(sd, s_))),
        I(r"\Bigl(\sigma - \frac{1}{\sigma}\Bigr)\frac{\sigma}{2}", const((sd - 1 / sd) * sd / 2)),
        I(r"\frac{\sigma^2 - 1}{2}", const((sd ** 2 - 1) / 2)),
    ]))
    m1, m2 = R("mu_1"), R("mu_2")
    t1, t2 = R("s_1"), R("s_2")
    sd1, sd2 = sp.exp(t1 / 2), sp.exp(t2 / 2)
    lv = half * (t2 - t1 + (sp.exp(t1) + (m1 - m2) ** 2) / sp.exp(t2) - 1)
    ch.append(Chain("kl general", [
        I(r"\log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2} - \frac{1}{2}", const(ln(sd2 / sd1) + (sd1 ** 2 + (m1 - m2) ** 2) / (2 * sd2 ** 2) - half)),
        I(r"\frac{1}{2}\log\frac{\sigma_2^2}{\sigma_1^2} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2} - \frac{1}{2}", const(half * ln(sd2 ** 2 / sd1 ** 2) + (sd1 ** 2 + (m1 - m2) ** 2) / (2 * sd2 ** 2) - half)),
        I(r"\frac{1}{2}\Bigl(s_2 - s_1 + \frac{e^{s_1} + (\mu_1 - \mu_2)^2}{e^{s_2}} - 1\Bigr)", const(lv)),
    ]))
    ch.append(Chain("kl ds1", [
        I(r"\frac{\partial}{\partial s_1}\,\frac{1}{2}\Bigl(s_2 - s_1 + \frac{e^{s_1} + (\mu_1 - \mu_2)^2}{e^{s_2}} - 1\Bigr)", const(sp.diff(lv, t1))),
        I(r"\frac{1}{2}\Bigl(-1 + \frac{e^{s_1}}{e^{s_2}}\Bigr)", const(half * (-1 + sp.exp(t1) / sp.exp(t2)))),
        I(r"\frac{1}{2}\bigl(e^{s_1 - s_2} - 1\bigr)", const(half * (sp.exp(t1 - t2) - 1))),
    ]))
    ch.append(Chain("kl num", [
        I(r"\frac{1}{2}\bigl(0.5^2 + e^{0} - 0 - 1\bigr)", const(half * (Q(1, 4) + 1 - 0 - 1))),
        I(r"\frac{0.25}{2}", const(Q(1, 4) / 2)),
        I(r"0.125", const(Q(1, 8))),
    ]))
    doc = Doc("cosine_norm_kl_gradients_notebook.md", ch)
    return with_plant(doc, r"= \frac{1}{2}\bigl(\mu^2 + \sigma^2 - \log\sigma^2 - 1\bigr) =", r"= \frac{1}{2}\bigl(\mu^2 + \sigma^2 - 1\bigr) =",
                      "kl", 2, I(r"\frac{1}{2}\bigl(\mu^2 + \sigma^2 - 1\bigr)", const(half * (mu ** 2 + sd ** 2 - 1))),
                      "dropped term: -log sigma^2 (from log(1/sigma)) in the KL against the standard normal prior")


DOCS = [normal_density_derivatives_textbook, gaussian_nll_gradients_notebook, inverse_trig_derivatives_notes,
        sqrt_first_principles_forum, optimizer_regularizer_kl_appendix, cosine_norm_kl_gradients_notebook]
