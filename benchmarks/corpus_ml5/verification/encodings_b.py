"""Hand encodings of families 7-12 of corpus_ml5."""
import sympy as sp

from framework import Chain, Doc, R, P, delta, with_plant, sig
from helpers import vec, mat, pairs, singles, sizes, S, targets, grid, softmax, dsig, local

log, exp = sp.log, sp.exp
half = sp.Rational(1, 2)
Q = sp.Rational

DOCS = []

# ---------------------------------------------------------------------------
# family 7: activation derivatives (tanh, sigmoid relation, GELU-tanh, swish)
C_GELU = Q("0.044715")


def doc_activation_handout():
    x = R("x", -2.5, 2.5)
    ex, emx = exp(x), exp(-x)

    def u(t):
        return sp.sqrt(2 / sp.pi) * (t + C_GELU * t**3)

    def gelu(t):
        return t / 2 * (1 + sp.tanh(u(t)))

    ch = [
        Chain("tanh", [(r"\tanh x", lambda c: sp.tanh(x)), (r"\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}", lambda c: (ex - emx) / (ex + emx))], ["def"]),
        Chain("dtanh", [(r"\frac{d}{dx}\tanh x", lambda c: sp.diff(sp.tanh(x), x)),
                        (r"\frac{(e^{x} + e^{-x})^2 - (e^{x} - e^{-x})^2}{(e^{x} + e^{-x})^2}", lambda c: ((ex + emx)**2 - (ex - emx)**2) / (ex + emx)**2),
                        (r"\frac{4}{(e^{x} + e^{-x})^2}", lambda c: 4 / (ex + emx)**2),
                        (r"1 - \tanh^2 x", lambda c: 1 - sp.tanh(x)**2)]),
        Chain("rel", [(r"2\sigma(2x) - 1", lambda c: 2 * sig(2 * x) - 1),
                      (r"\frac{2}{1 + e^{-2x}} - 1", lambda c: 2 / (1 + exp(-2 * x)) - 1),
                      (r"\frac{1 - e^{-2x}}{1 + e^{-2x}}", lambda c: (1 - exp(-2 * x)) / (1 + exp(-2 * x))),
                      (r"\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}", lambda c: (ex - emx) / (ex + emx)),
                      (r"\tanh x", lambda c: sp.tanh(x))]),
        Chain("inv", [(r"\sigma(x)", lambda c: sig(x)), (r"\frac{1}{2}\bigl(1 + \tanh(x/2)\bigr)", lambda c: (1 + sp.tanh(x / 2)) / 2)]),
        Chain("cons", [(r"\frac{d}{dx}\bigl[2\sigma(2x) - 1\bigr]", lambda c: sp.diff(2 * sig(2 * x) - 1, x)),
                       (r"4\sigma(2x)\bigl(1 - \sigma(2x)\bigr)", lambda c: 4 * sig(2 * x) * (1 - sig(2 * x))),
                       (r"1 - \bigl(2\sigma(2x) - 1\bigr)^2", lambda c: 1 - (2 * sig(2 * x) - 1)**2)]),
        Chain("gelu", [(r"\GELU_{\tanh}(x)", lambda c: gelu(x)), (r"\frac{x}{2}\bigl(1 + \tanh u\bigr)", lambda c: gelu(x))], ["def"]),
        Chain("u", [("u", lambda c: u(x)), (r"\sqrt{2/\pi}\,\bigl(x + 0.044715\, x^3\bigr)", lambda c: u(x))], ["def"]),
        Chain("gsig", [(r"\frac{x}{2}\bigl(1 + \tanh u\bigr)", lambda c: gelu(x)), (r"x\,\sigma(2u)", lambda c: x * sig(2 * u(x)))]),
        Chain("dg", [(r"\frac{d}{dx}\GELU_{\tanh}(x)", lambda c: sp.diff(gelu(x), x)),
                     (r"\frac{1}{2}\bigl(1 + \tanh u\bigr) + \frac{x}{2}\bigl(1 - \tanh^2 u\bigr)\, u'(x)",
                      lambda c: (1 + sp.tanh(u(x))) / 2 + x / 2 * (1 - sp.tanh(u(x))**2) * sp.diff(u(x), x))]),
        Chain("du", [("u'(x)", lambda c: sp.diff(u(x), x)), (r"\sqrt{2/\pi}\,\bigl(1 + 0.134145\, x^2\bigr)", lambda c: sp.sqrt(2 / sp.pi) * (1 + Q("0.134145") * x**2))]),
        Chain("at0", [(r"\frac{d}{dx}\GELU_{\tanh}(x)\Big|_{x = 0}", lambda c: sp.diff(gelu(x), x).subs(x, 0)),
                      (r"\frac{1}{2}\bigl(1 + \tanh 0\bigr) + 0", lambda c: (1 + sp.tanh(0)) / 2 + 0),
                      (r"\frac{1}{2}", lambda c: half)]),
    ]
    d = Doc("activation_derivatives_handout.tex", ch, [{}])
    wrong = (r"2\sigma(2x)\bigl(1 - \sigma(2x)\bigr)", lambda c: 2 * sig(2 * x) * (1 - sig(2 * x)))
    return with_plant(d, r"= 4\sigma(2x)\bigl(1 - \sigma(2x)\bigr)", r"= 2\sigma(2x)\bigl(1 - \sigma(2x)\bigr)", "cons", 1, wrong,
                      "wrong constant: 2 sigma(2x)(1 - sigma(2x)) for 4 sigma(2x)(1 - sigma(2x))")


def doc_swish_post():
    x, beta = R("x", -2.5, 2.5), R("beta", -2.0, 2.0)

    def f(t, b=beta):
        return t * sig(b * t)

    silu = lambda t: t * sig(t)
    fp = lambda: sp.diff(f(x), x)
    ch = [
        Chain("f", [("f(x)", lambda c: f(x)), (r"x\,\sigma(\beta x)", lambda c: f(x))], ["def"]),
        Chain("fp", [("f'(x)", lambda c: fp()),
                     (r"\sigma(\beta x) + x\,\beta\,\sigma(\beta x)\bigl(1 - \sigma(\beta x)\bigr)",
                      lambda c: sig(beta * x) + x * beta * sig(beta * x) * (1 - sig(beta * x))),
                     (r"\sigma(\beta x) + \beta f(x)\bigl(1 - \sigma(\beta x)\bigr)", lambda c: sig(beta * x) + beta * f(x) * (1 - sig(beta * x))),
                     (r"\beta f(x) + \sigma(\beta x)\bigl(1 - \beta f(x)\bigr)", lambda c: beta * f(x) + sig(beta * x) * (1 - beta * f(x)))]),
        Chain("silu", [(r"\operatorname{silu}'(x)", lambda c: sp.diff(silu(x), x)),
                       (r"\operatorname{silu}(x) + \sigma(x)\bigl(1 - \operatorname{silu}(x)\bigr)", lambda c: silu(x) + sig(x) * (1 - silu(x)))]),
        Chain("dbeta", [(r"\frac{\partial f}{\partial \beta}", lambda c: sp.diff(f(x), beta)),
                        (r"x^2\,\sigma(\beta x)\bigl(1 - \sigma(\beta x)\bigr)", lambda c: x**2 * sig(beta * x) * (1 - sig(beta * x)))]),
        Chain("tanh", [(r"x\,\sigma(x)", lambda c: silu(x)), (r"\frac{x}{2}\Bigl(1 + \tanh\frac{x}{2}\Bigr)", lambda c: x / 2 * (1 + sp.tanh(x / 2)))]),
        Chain("odd", [(r"\operatorname{silu}(x) - \operatorname{silu}(-x)", lambda c: silu(x) - silu(-x)),
                      (r"x\,\sigma(x) + x\,\sigma(-x)", lambda c: x * sig(x) + x * sig(-x)), ("x", lambda c: x)]),
        Chain("b0", [(r"\left. x\,\sigma(\beta x) \right|_{\beta = 0}", lambda c: f(x).subs(beta, 0)), (r"\frac{x}{2}", lambda c: x / 2)]),
        Chain("at0", [("f'(0)", lambda c: fp().subs(x, 0)), (r"\sigma(0) + 0", lambda c: sig(sp.Integer(0)) + 0), (r"\frac{1}{2}", lambda c: half)]),
        Chain("gate", [(r"\sigma(\ln 3)", lambda c: sig(log(3))), (r"\frac{1}{1 + 1/3}", lambda c: 1 / (1 + Q(1, 3))), (r"\frac{3}{4}", lambda c: Q(3, 4))],
              ctxs=[{}]),
        Chain("num", [(r"\operatorname{silu}'(\ln 3)", lambda c: sp.diff(silu(x), x).subs(x, log(3))),
                      (r"\frac{3}{4} + \ln 3 \cdot \frac{3}{4}\cdot\frac{1}{4}", lambda c: Q(3, 4) + log(3) * Q(3, 4) * Q(1, 4)),
                      (r"\frac{3}{4} + \frac{3}{16}\ln 3", lambda c: Q(3, 4) + Q(3, 16) * log(3))], ctxs=[{}]),
    ]
    d = Doc("swish_derivative_post.md", ch, [{}])
    wrong = (r"\beta f(x)\bigl(1 - \sigma(\beta x)\bigr)", lambda c: beta * f(x) * (1 - sig(beta * x)))
    return with_plant(d, r"&= \sigma(\beta x) + \beta f(x)", r"&= \beta f(x)", "fp", 2, wrong,
                      "dropped term: the leading sigma(beta x)")


DOCS += [doc_activation_handout, doc_swish_post]


# ---------------------------------------------------------------------------
# family 8: focal loss, weighted BCE
LABELS = [{"y": 0}, {"y": 1}]


def doc_focal_appendix():
    z = R("z", -3, 3)
    al, ga = P("alpha", 0.05, 0.95), P("gamma", 0.3, 3.0)
    pt_s = P("p_t", 0.05, 0.95)

    def s(c):
        return 2 * c["y"] - 1

    def at(c):
        return al if c["y"] == 1 else 1 - al

    def pt(c):
        return sig(s(c) * z)

    def FLp(c, q):
        return -at(c) * (1 - q)**ga * log(q)

    def FL(c, g=ga):
        return -at(c) * (1 - pt(c))**g * log(pt(c))

    def dFLdpt(c):
        return sp.diff(FLp(c, pt_s), pt_s).subs(pt_s, pt(c))

    def dptdz(c):
        return sp.diff(pt(c), z)

    p = sig(z)
    ch = [
        Chain("pt", [("p_t", lambda c: p if c["y"] == 1 else 1 - p), (r"\sigma(s z)", pt)], ["def"]),
        Chain("fl", [(r"\FL(z)", FL), (r"-\alpha_t (1 - p_t)^{\gamma} \log p_t", FL)], ["def"]),
        Chain("dfl", [(r"\frac{\partial \FL}{\partial p_t}", dFLdpt),
                      (r"\alpha_t \gamma (1 - p_t)^{\gamma - 1} \log p_t - \frac{\alpha_t (1 - p_t)^{\gamma}}{p_t}",
                       lambda c: at(c) * ga * (1 - pt(c))**(ga - 1) * log(pt(c)) - at(c) * (1 - pt(c))**ga / pt(c))]),
        Chain("dpt", [(r"\frac{d p_t}{d z}", dptdz), (r"s\, \sigma'(s z)", lambda c: s(c) * dsig(s(c) * z)),
                      (r"s\, p_t (1 - p_t)", lambda c: s(c) * pt(c) * (1 - pt(c)))]),
        Chain("grad", [(r"\frac{\partial \FL}{\partial z}", lambda c: sp.diff(FL(c), z)),
                       (r"\frac{\partial \FL}{\partial p_t}\, \frac{d p_t}{d z}", lambda c: dFLdpt(c) * dptdz(c)),
                       (r"s \alpha_t \Bigl[ \gamma (1 - p_t)^{\gamma - 1} \log p_t - \frac{(1 - p_t)^{\gamma}}{p_t} \Bigr] p_t (1 - p_t)",
                        lambda c: s(c) * at(c) * (ga * (1 - pt(c))**(ga - 1) * log(pt(c)) - (1 - pt(c))**ga / pt(c)) * pt(c) * (1 - pt(c))),
                       (r"s\, \alpha_t (1 - p_t)^{\gamma} \bigl( \gamma p_t \log p_t + p_t - 1 \bigr)",
                        lambda c: s(c) * at(c) * (1 - pt(c))**ga * (ga * pt(c) * log(pt(c)) + pt(c) - 1))]),
        Chain("pos", [(r"\frac{\partial \FL}{\partial z}", lambda c: sp.diff(FL(c), z)),
                      (r"\alpha (1 - p)^{\gamma} \bigl( \gamma p \log p + p - 1 \bigr)", lambda c: al * (1 - p)**ga * (ga * p * log(p) + p - 1))],
              ctxs=[{"y": 1}]),
        Chain("ce", [(r"\frac{\partial \CE}{\partial z}", lambda c: sp.diff(-at(c) * log(pt(c)), z)),
                     (r"-\frac{\alpha_t}{p_t}\, \frac{d p_t}{d z}", lambda c: -at(c) / pt(c) * dptdz(c)),
                     (r"-s\, \alpha_t (1 - p_t)", lambda c: -s(c) * at(c) * (1 - pt(c)))]),
        Chain("g0", [(r"\frac{\partial \FL}{\partial z}\Big|_{\gamma = 0}", lambda c: sp.diff(FL(c, 0), z)),
                     (r"s\, \alpha_t (p_t - 1)", lambda c: s(c) * at(c) * (pt(c) - 1)),
                     (r"\alpha_t (p - y)", lambda c: at(c) * (p - c["y"]))]),
        Chain("num", [(r"\frac{\partial \FL}{\partial z}", lambda c: sp.diff(FL(c, 2), z).subs(z, 0)),
                      (r"\alpha \Bigl(\frac{1}{2}\Bigr)^{2} \Bigl( 2 \cdot \frac{1}{2} \log \frac{1}{2} + \frac{1}{2} - 1 \Bigr)",
                       lambda c: al * half**2 * (2 * half * log(half) + half - 1)),
                      (r"\frac{\alpha}{4} \Bigl( -\log 2 - \frac{1}{2} \Bigr)", lambda c: al / 4 * (-log(2) - half)),
                      (r"-\frac{\alpha}{8} \bigl( 2 \log 2 + 1 \bigr)", lambda c: -al / 8 * (2 * log(2) + 1))], ctxs=[{"y": 1}]),
    ]
    d = Doc("focal_loss_appendix.tex", ch, LABELS)
    wrong = (r"s \alpha_t \Bigl[ \gamma (1 - p_t)^{\gamma} \log p_t - \frac{(1 - p_t)^{\gamma}}{p_t} \Bigr] p_t (1 - p_t)",
             lambda c: s(c) * at(c) * (ga * (1 - pt(c))**ga * log(pt(c)) - (1 - pt(c))**ga / pt(c)) * pt(c) * (1 - pt(c)))
    return with_plant(d, r"s \alpha_t \Bigl[ \gamma (1 - p_t)^{\gamma - 1} \log p_t", r"s \alpha_t \Bigl[ \gamma (1 - p_t)^{\gamma} \log p_t",
                      "grad", 2, wrong, "wrong exponent: (1 - p_t)^gamma for (1 - p_t)^(gamma - 1)")


def doc_weighted_bce():
    z = R("z", -3, 3)
    y = R("y", 0.0, 1.0)
    wp = P("w_+", 0.2, 4.0)
    Np, Nm = P("N_+", 1.0, 20.0), P("N_-", 1.0, 20.0)
    sz = sig(z)

    def L(yy=y, w=wp):
        return -(w * yy * log(sz) + (1 - yy) * log(1 - sz))

    sst = wp * Np / (wp * Np + Nm)
    ch = [
        Chain("L", [("L", lambda c: L()), (r"-\bigl[ w_+\, y \ln \sigma(z) + (1 - y) \ln\bigl(1 - \sigma(z)\bigr) \bigr]", lambda c: L())], ["def"]),
        Chain("l1", [(r"\ln \sigma(z)", lambda c: log(sz)), (r"-\ln\bigl(1 + e^{-z}\bigr)", lambda c: -log(1 + exp(-z)))]),
        Chain("l2", [(r"\ln\bigl(1 - \sigma(z)\bigr)", lambda c: log(1 - sz)), (r"-z - \ln\bigl(1 + e^{-z}\bigr)", lambda c: -z - log(1 + exp(-z)))]),
        Chain("Lz", [("L", lambda c: L()),
                     (r"w_+\, y \ln\bigl(1 + e^{-z}\bigr) + (1 - y)\bigl(z + \ln(1 + e^{-z})\bigr)",
                      lambda c: wp * y * log(1 + exp(-z)) + (1 - y) * (z + log(1 + exp(-z)))),
                     (r"(1 - y)\, z + \bigl(1 + (w_+ - 1) y\bigr) \ln\bigl(1 + e^{-z}\bigr)",
                      lambda c: (1 - y) * z + (1 + (wp - 1) * y) * log(1 + exp(-z)))]),
        Chain("g", [(r"\frac{\partial L}{\partial z}", lambda c: sp.diff(L(), z)),
                    (r"-w_+\, y \bigl(1 - \sigma(z)\bigr) + (1 - y)\, \sigma(z)", lambda c: -wp * y * (1 - sz) + (1 - y) * sz),
                    (r"\bigl(1 + (w_+ - 1) y\bigr) \sigma(z) - w_+\, y", lambda c: (1 + (wp - 1) * y) * sz - wp * y)]),
        Chain("g1", [(r"\frac{\partial L}{\partial z}\Big|_{y = 1}", lambda c: sp.diff(L(1), z)), (r"w_+ \bigl( \sigma(z) - 1 \bigr)", lambda c: wp * (sz - 1))]),
        Chain("g0", [(r"\frac{\partial L}{\partial z}\Big|_{y = 0}", lambda c: sp.diff(L(0), z)), (r"\sigma(z)", lambda c: sz)]),
        Chain("w1", [(r"\frac{\partial L}{\partial z}\Big|_{w_+ = 1}", lambda c: sp.diff(L(y, 1), z)), (r"\sigma(z) - y", lambda c: sz - y)]),
        Chain("h", [(r"\frac{\partial^2 L}{\partial z^2}", lambda c: sp.diff(L(), z, 2)),
                    (r"\bigl(1 + (w_+ - 1) y\bigr) \sigma(z) \bigl(1 - \sigma(z)\bigr)", lambda c: (1 + (wp - 1) * y) * sz * (1 - sz))]),
        Chain("sst", [(r"\sigma^{*}", lambda c: sst), (r"\frac{w_+ N_+}{w_+ N_+ + N_-}", lambda c: sst)], ["def"]),
        Chain("sum", [(r"N_- \sigma^{*} - w_+ N_+ \bigl(1 - \sigma^{*}\bigr)", lambda c: Nm * sst - wp * Np * (1 - sst)),
                      (r"\frac{N_- w_+ N_+ - w_+ N_+ N_-}{w_+ N_+ + N_-}", lambda c: (Nm * wp * Np - wp * Np * Nm) / (wp * Np + Nm)),
                      ("0", lambda c: 0)]),
        Chain("num", [(r"\frac{\partial L}{\partial z}", lambda c: sp.diff(L(1, 3), z).subs(z, 0)),
                      (r"3\Bigl(\frac{1}{2} - 1\Bigr)", lambda c: 3 * (half - 1)), (r"-\frac{3}{2}", lambda c: -Q(3, 2))]),
    ]
    d = Doc("weighted_bce_qa.md", ch, [{}])
    wrong = (r"w_+\, y \bigl(1 - \sigma(z)\bigr) + (1 - y)\, \sigma(z)", lambda c: wp * y * (1 - sz) + (1 - y) * sz)
    return with_plant(d, r"= -w_+\, y \bigl(1 - \sigma(z)\bigr)", r"= w_+\, y \bigl(1 - \sigma(z)\bigr)", "g", 1, wrong,
                      "sign: +w_+ y (1 - sigma) for -w_+ y (1 - sigma)")


DOCS += [doc_focal_appendix, doc_weighted_bce]


# ---------------------------------------------------------------------------
# family 9: scaled dot-product attention


def doc_attention_notes():
    def q(c):
        return vec("q", c["d"])

    def k(c):
        return mat("k", c["T"], c["d"])

    def v(c):
        return vec("v", c["T"])

    def s_of(c):
        return [sp.Add(*[q(c)[m] * k(c)[j][m] for m in range(c["d"])]) / sp.sqrt(c["d"]) for j in range(c["T"])]

    Ss = [R("s_%d" % j) for j in range(1, 5)]

    def sf(c):
        return Ss[:c["T"]]

    def alpha(c, s=None):
        s = sf(c) if s is None else s
        return softmax(s)

    def o(c, s=None):
        return sp.Add(*[a * vv for a, vv in zip(alpha(c, s), v(c))])

    def oq(c):
        return o(c, s_of(c))

    def do_ds(c, j):
        return sp.diff(o(c), sf(c)[j - 1])

    def at_q(c, e):
        return e.subs(dict(zip(sf(c), s_of(c))), simultaneous=True)

    aj = lambda c: alpha(c)[c["j"] - 1]
    vj = lambda c: v(c)[c["j"] - 1]
    T_ = lambda c: range(1, c["T"] + 1)
    ctx_j = [dict(T=T, d=d, j=j) for T in (1, 2, 3) for d in (1, 2, 3) for j in range(1, T + 1)]
    ctx_jm = [dict(T=T, d=d, j=j, m=m) for T in (1, 2, 3) for d in (1, 2, 3) for j in range(1, T + 1) for m in range(1, d + 1)]
    ctx_m = [dict(T=T, d=d, m=m) for T in (1, 2, 3) for d in (1, 2, 3) for m in range(1, d + 1)]
    ctx_ij = [dict(T=T, d=1, i=i, j=j) for T in (1, 2, 3, 4) for i in range(1, T + 1) for j in range(1, T + 1)]
    ctx_T = [dict(T=T, d=1) for T in (1, 2, 3, 4)]
    ch = [
        Chain("s", [("s_j", lambda c: s_of(c)[c["j"] - 1]), (r"\frac{q^\top k_j}{\sqrt{d}}", lambda c: s_of(c)[c["j"] - 1]),
                    (r"\frac{1}{\sqrt{d}} \sum_{m=1}^{d} q_m k_{jm}", lambda c: sp.Add(*[q(c)[m] * k(c)[c["j"] - 1][m] for m in range(c["d"])]) / sp.sqrt(c["d"]))],
              ["def", "id"], ctxs=ctx_j),
        Chain("a", [(r"\alpha_j", aj), (r"\frac{\exp(s_j)}{\sum_{t=1}^{T} \exp(s_t)}", lambda c: exp(sf(c)[c["j"] - 1]) / sp.Add(*[exp(t) for t in sf(c)]))],
              ["def"], ctxs=ctx_j),
        Chain("o", [("o", o), (r"\sum_{j=1}^{T} \alpha_j v_j", o)], ["def"], ctxs=ctx_T),
        Chain("jac", [(r"\pd{\alpha_i}{s_j}", lambda c: sp.diff(alpha(c)[c["i"] - 1], sf(c)[c["j"] - 1])),
                      (r"\alpha_i \left( \delta_{ij} - \alpha_j \right)", lambda c: alpha(c)[c["i"] - 1] * (delta(c["i"], c["j"]) - aj(c)))], ctxs=ctx_ij),
        Chain("dods", [(r"\pd{o}{s_j}", lambda c: do_ds(c, c["j"])),
                       (r"\sum_{i=1}^{T} v_i \pd{\alpha_i}{s_j}", lambda c: sp.Add(*[v(c)[i - 1] * sp.diff(alpha(c)[i - 1], sf(c)[c["j"] - 1]) for i in T_(c)])),
                       (r"\sum_{i=1}^{T} v_i\, \alpha_i \left( \delta_{ij} - \alpha_j \right)",
                        lambda c: sp.Add(*[v(c)[i - 1] * alpha(c)[i - 1] * (delta(i, c["j"]) - aj(c)) for i in T_(c)])),
                       (r"\alpha_j v_j - \alpha_j \sum_{i=1}^{T} \alpha_i v_i", lambda c: aj(c) * vj(c) - aj(c) * sp.Add(*[alpha(c)[i - 1] * v(c)[i - 1] for i in T_(c)])),
                       (r"\alpha_j \left( v_j - o \right)", lambda c: aj(c) * (vj(c) - o(c)))], ctxs=[dict(c, d=1) for c in ctx_ij if c["i"] == 1]),
        Chain("sum", [(r"\sum_{j=1}^{T} \pd{o}{s_j}", lambda c: sp.Add(*[do_ds(c, j) for j in T_(c)])),
                      (r"\sum_{j=1}^{T} \alpha_j v_j - o \sum_{j=1}^{T} \alpha_j", lambda c: o(c) - o(c) * sp.Add(*alpha(c))),
                      ("o - o", lambda c: o(c) - o(c)), ("0", lambda c: 0)], ctxs=ctx_T),
        Chain("dsq", [(r"\pd{s_j}{q_m}", lambda c: sp.diff(s_of(c)[c["j"] - 1], q(c)[c["m"] - 1])),
                      (r"\frac{k_{jm}}{\sqrt{d}}", lambda c: k(c)[c["j"] - 1][c["m"] - 1] / sp.sqrt(c["d"]))], ctxs=ctx_jm),
        Chain("dodq", [(r"\pd{o}{q_m}", lambda c: sp.diff(oq(c), q(c)[c["m"] - 1])),
                       (r"\sum_{j=1}^{T} \pd{o}{s_j}\, \pd{s_j}{q_m}",
                        lambda c: sp.Add(*[at_q(c, do_ds(c, j)) * sp.diff(s_of(c)[j - 1], q(c)[c["m"] - 1]) for j in T_(c)])),
                       (r"\frac{1}{\sqrt{d}} \sum_{j=1}^{T} \alpha_j \left( v_j - o \right) k_{jm}",
                        lambda c: at_q(c, sp.Add(*[alpha(c)[j - 1] * (v(c)[j - 1] - o(c)) * k(c)[j - 1][c["m"] - 1] for j in T_(c)])) / sp.sqrt(c["d"]))],
              ctxs=ctx_m),
        Chain("dodk", [(r"\pd{o}{k_{jm}}", lambda c: sp.diff(oq(c), k(c)[c["j"] - 1][c["m"] - 1])),
                       (r"\alpha_j \left( v_j - o \right) \frac{q_m}{\sqrt{d}}", lambda c: at_q(c, aj(c) * (vj(c) - o(c))) * q(c)[c["m"] - 1] / sp.sqrt(c["d"]))],
              ctxs=ctx_jm),
        Chain("s1", [("s_1", lambda c: sp.Integer(1 * 1 + 1 * 1 + 0 + 0) / sp.sqrt(4)),
                     (r"\frac{1 \cdot 1 + 1 \cdot 1}{\sqrt{4}}", lambda c: sp.Integer(1 * 1 + 1 * 1) / sp.sqrt(4)), ("1", lambda c: 1)], ctxs=[{}]),
        Chain("n2", [(r"\pd{o}{s_1}", lambda c: _att_num()), (r"\frac{1}{2}\left( 3 - 1 \right)", lambda c: half * (3 - 1)), ("1", lambda c: 1)], ctxs=[{}]),
    ]
    d = Doc("attention_gradient_notes.tex", ch, [{}])
    wrong = (r"\alpha_j v_j - \alpha_j \sum_{i=1}^{T} \alpha_i v_j", lambda c: aj(c) * vj(c) - aj(c) * sp.Add(*[alpha(c)[i - 1] * vj(c) for i in T_(c)]))
    return with_plant(d, r"&= \alpha_j v_j - \alpha_j \sum_{i=1}^{T} \alpha_i v_i", r"&= \alpha_j v_j - \alpha_j \sum_{i=1}^{T} \alpha_i v_j",
                      "dods", 3, wrong, "wrong index: alpha_i v_j for alpha_i v_i inside the sum over i")


def _att_num():
    s1, s2 = sp.symbols("_s1 _s2")
    a = softmax([s1, s2])
    o = a[0] * 3 + a[1] * (-1)
    return sp.diff(o, s1).subs({s1: 1, s2: 1})


def doc_attention_blog():
    def q(c):
        return vec("q", c["d"])

    def k(c):
        return mat("k", c["T"], c["d"])

    def V(c):
        return mat("V", c["T"], c["dv"])

    def g(c):
        return vec("g", c["dv"])

    Ss = [R("s_%d" % j) for j in range(1, 5)]

    def sf(c):
        return Ss[:c["T"]]

    def s_of(c):
        return [sp.Add(*[q(c)[m] * k(c)[j][m] for m in range(c["d"])]) / sp.sqrt(c["d"]) for j in range(c["T"])]

    def alpha(c, s=None):
        return softmax(sf(c) if s is None else s)

    def o(c, r, s=None):
        return sp.Add(*[a * V(c)[j][r - 1] for j, a in enumerate(alpha(c, s))])

    def L(c, s=None):
        return sp.Add(*[g(c)[r - 1] * o(c, r, s) for r in range(1, c["dv"] + 1)])

    def u(c, j):
        return sp.Add(*[g(c)[r] * V(c)[j - 1][r] for r in range(c["dv"])])

    def ubar(c):
        return sp.Add(*[alpha(c)[i - 1] * u(c, i) for i in range(1, c["T"] + 1)])

    def dLds(c, j):
        return sp.diff(L(c), sf(c)[j - 1])

    def at_q(c, e):
        return e.subs(dict(zip(sf(c), s_of(c))), simultaneous=True)

    T_ = lambda c: range(1, c["T"] + 1)
    aj = lambda c: alpha(c)[c["j"] - 1]
    Aw = [R("alpha_%d" % j) for j in range(1, 5)]
    ctx_j = [dict(T=T, d=d, dv=dv, j=j) for T in (1, 2, 3) for d in (1, 2) for dv in (1, 2) for j in range(1, T + 1)]
    ctx_0 = [dict(T=T, d=d, dv=dv) for T in (1, 2, 3) for d in (1, 2) for dv in (1, 2)]
    ctx_m = [dict(T=T, d=d, dv=dv, m=m) for T in (1, 2, 3) for d in (1, 2) for dv in (1, 2) for m in range(1, d + 1)]
    ctx_jm = [dict(T=T, d=d, dv=1, j=j, m=m) for T in (1, 2, 3) for d in (1, 2) for j in range(1, T + 1) for m in range(1, d + 1)]
    ctx_jr = [dict(T=T, d=1, dv=dv, j=j, r=r) for T in (1, 2, 3) for dv in (1, 2) for j in range(1, T + 1) for r in range(1, dv + 1)]
    ctx_ij = [dict(T=T, d=d, i=i, j=j) for T in (1, 2, 3) for d in (1, 4) for i in range(1, T + 1) for j in range(1, T + 1)]
    Rw = [R("r_%d" % j) for j in range(1, 5)]

    def alpha_raw(c):
        return softmax([t / sp.sqrt(c["d"]) for t in Rw[:c["T"]]])

    def Lalpha(c):
        # L as a function of free weights alpha_j (for dL/dalpha_j)
        return sp.Add(*[g(c)[r] * sp.Add(*[Aw[j] * V(c)[j][r] for j in range(c["T"])]) for r in range(c["dv"])])

    ch = [
        Chain("u", [(r"\frac{\partial L}{\partial \alpha_j}", lambda c: sp.diff(Lalpha(c), Aw[c["j"] - 1])),
                    (r"\sum_{r} g_r V_{jr}", lambda c: u(c, c["j"]))]),
        Chain("ds", [(r"\frac{\partial L}{\partial s_j}", lambda c: dLds(c, c["j"])),
                     (r"\sum_{i} u_i \frac{\partial \alpha_i}{\partial s_j}", lambda c: sp.Add(*[u(c, i) * sp.diff(alpha(c)[i - 1], sf(c)[c["j"] - 1]) for i in T_(c)])),
                     (r"\sum_{i} u_i\, \alpha_i \bigl(\mathbb{1}[i=j] - \alpha_j\bigr)",
                      lambda c: sp.Add(*[u(c, i) * alpha(c)[i - 1] * (delta(i, c["j"]) - aj(c)) for i in T_(c)])),
                     (r"\alpha_j \Bigl(u_j - \sum_{i} \alpha_i u_i\Bigr)", lambda c: aj(c) * (u(c, c["j"]) - ubar(c)))]),
        Chain("ubar", [(r"\bar{u}", ubar), (r"\sum_{i} \alpha_i u_i", ubar),
                       (r"\sum_{r} g_r o_r", lambda c: sp.Add(*[g(c)[r - 1] * o(c, r) for r in range(1, c["dv"] + 1)]))], ["def", "id"], ctxs=ctx_0),
        Chain("ds2", [(r"\frac{\partial L}{\partial s_j}", lambda c: dLds(c, c["j"])), (r"\alpha_j \bigl(u_j - \bar{u}\bigr)", lambda c: aj(c) * (u(c, c["j"]) - ubar(c)))]),
        Chain("dq", [(r"\frac{\partial L}{\partial q_m}", lambda c: sp.diff(L(c, s_of(c)), q(c)[c["m"] - 1])),
                     (r"\sum_{j} \frac{\partial L}{\partial s_j}\, \frac{\partial s_j}{\partial q_m}",
                      lambda c: sp.Add(*[at_q(c, dLds(c, j)) * sp.diff(s_of(c)[j - 1], q(c)[c["m"] - 1]) for j in T_(c)])),
                     (r"\frac{1}{\sqrt{d}} \sum_{j} \frac{\partial L}{\partial s_j}\, k_{jm}",
                      lambda c: sp.Add(*[at_q(c, dLds(c, j)) * k(c)[j - 1][c["m"] - 1] for j in T_(c)]) / sp.sqrt(c["d"]))], ctxs=ctx_m),
        Chain("dk", [(r"\frac{\partial L}{\partial k_{jm}}", lambda c: sp.diff(L(c, s_of(c)), k(c)[c["j"] - 1][c["m"] - 1])),
                     (r"\frac{1}{\sqrt{d}}\, \frac{\partial L}{\partial s_j}\, q_m", lambda c: at_q(c, dLds(c, c["j"])) * q(c)[c["m"] - 1] / sp.sqrt(c["d"]))],
              ctxs=ctx_jm),
        Chain("dV", [(r"\frac{\partial L}{\partial V_{jr}}", lambda c: sp.diff(L(c), V(c)[c["j"] - 1][c["r"] - 1])),
                     (r"\alpha_j\, g_r", lambda c: aj(c) * g(c)[c["r"] - 1])], ctxs=ctx_jr),
        Chain("temp", [(r"\frac{\partial \alpha_i}{\partial (q^\top k_j)}", lambda c: sp.diff(alpha_raw(c)[c["i"] - 1], Rw[c["j"] - 1])),
                       (r"\frac{1}{\sqrt{d}}\, \alpha_i \bigl(\mathbb{1}[i=j] - \alpha_j\bigr)",
                        lambda c: alpha_raw(c)[c["i"] - 1] * (delta(c["i"], c["j"]) - alpha_raw(c)[c["j"] - 1]) / sp.sqrt(c["d"]))], ctxs=ctx_ij),
        Chain("n1", [(r"\bar{u}", lambda c: _attb_num("ubar")), (r"\frac{1}{4}\cdot 2 + \frac{3}{4}\cdot 0", lambda c: Q(1, 4) * 2 + Q(3, 4) * 0),
                     (r"\frac{1}{2}", lambda c: half)], ctxs=[{}]),
        Chain("n2", [(r"\frac{\partial L}{\partial s_1}", lambda c: _attb_num(1)), (r"\frac{1}{4}\Bigl(2 - \frac{1}{2}\Bigr)", lambda c: Q(1, 4) * (2 - half)),
                     (r"\frac{3}{8}", lambda c: Q(3, 8))], ctxs=[{}]),
        Chain("n3", [(r"\frac{\partial L}{\partial s_2}", lambda c: _attb_num(2)), (r"\frac{3}{4}\Bigl(0 - \frac{1}{2}\Bigr)", lambda c: Q(3, 4) * (0 - half)),
                     (r"-\frac{3}{8}", lambda c: -Q(3, 8))], ctxs=[{}]),
    ]
    d = Doc("attention_backward_blog.md", ch, ctx_j)
    wrong = (r"\Bigl(2 - \frac{1}{2}\Bigr)", lambda c: 2 - half)
    return with_plant(d, r"= \frac{1}{4}\Bigl(2 - \frac{1}{2}\Bigr)", r"= \Bigl(2 - \frac{1}{2}\Bigr)", "n2", 1, wrong,
                      "dropped factor: the weight 1/4 in front of (u_1 - ubar)")


def _attb_num(which):
    s1, s2 = sp.symbols("_s1 _s2")
    a = softmax([s1, s2])
    u = [2, 0]
    pt = {s1: 0, s2: log(3)}
    if which == "ubar":
        return (a[0] * u[0] + a[1] * u[1]).subs(pt)
    L = a[0] * u[0] + a[1] * u[1]
    return sp.diff(L, [s1, s2][which - 1]).subs(pt)


DOCS += [doc_attention_notes, doc_attention_blog]


# ---------------------------------------------------------------------------
# family 10: exponential and geometric MLE
from helpers import E_iid  # noqa: E402


def doc_exponential_pset():
    lam = P("lambda", 0.3, 3.0)
    s = sp.Symbol("s", positive=True)

    def xs(c):
        return vec("xe", c["n"], positive=True, lo=0.1, hi=4.0)

    def Xs(c):
        return vec("Xe", c["n"], positive=True, lo=0.1, hi=4.0)

    def ell(c, l=lam):
        return sp.Add(*[log(l * exp(-l * x)) for x in xs(c)])

    def ellf(c, l=lam):
        return c["n"] * log(l) - l * sp.Add(*xs(c))

    def lh(c):
        return c["n"] / sp.Add(*xs(c))

    def xb(c):
        return sp.Add(*xs(c)) / c["n"]

    def ES(c):
        n = c["n"]
        return sp.Integral(1 / s * lam**n * s**(n - 1) * exp(-lam * s) / sp.factorial(n - 1), (s, 0, sp.oo))

    def E(c, e):
        return E_iid(e, Xs(c), lambda k: sp.factorial(k) / lam**k)

    d1 = lambda c: sp.diff(ellf(c), lam)
    n2 = sizes(2, 4)
    ch = [
        Chain("ell", [(r"\ell(\lambda)", ell), (r"\sum_{i=1}^{n} \log\bigl( \lambda e^{-\lambda x_i} \bigr)", ell),
                      (r"n \log \lambda - \lambda \sum_{i=1}^{n} x_i", ellf)], ["def", "id"]),
        Chain("d1", [(r"\ell'(\lambda)", lambda c: sp.diff(ell(c), lam)), (r"\frac{n}{\lambda} - \sum_{i=1}^{n} x_i", lambda c: c["n"] / lam - sp.Add(*xs(c)))]),
        Chain("d2", [(r"\ell''(\lambda)", lambda c: sp.diff(ell(c), lam, 2)), (r"-\frac{n}{\lambda^2}", lambda c: -c["n"] / lam**2)]),
        Chain("lh", [(r"\hat{\lambda}", lh), (r"\frac{n}{\sum_{i=1}^{n} x_i}", lh), (r"\frac{1}{\bar{x}}", lambda c: 1 / xb(c))], ["def", "id"]),
        Chain("chk", [(r"\ell'(\hat{\lambda})", lambda c: d1(c).subs(lam, lh(c))), (r"n\bar{x} - n\bar{x}", lambda c: c["n"] * xb(c) - c["n"] * xb(c)),
                      ("0", lambda c: 0)]),
        Chain("I", [(r"I(\lambda)", lambda c: -sp.diff(ell(c), lam, 2)), (r"-\E\bigl[\ell''(\lambda)\bigr]", lambda c: -E(c, sp.diff(ellf(c), lam, 2))),
                    (r"\frac{n}{\lambda^2}", lambda c: c["n"] / lam**2)], ["def", "id"]),
        Chain("ES", [(r"\E\Bigl[\frac{1}{S}\Bigr]", ES),
                     (r"\int_0^{\infty} \frac{1}{s}\, \frac{\lambda^n s^{n-1} e^{-\lambda s}}{(n-1)!}\, ds", ES),
                     (r"\frac{\lambda}{n - 1}", lambda c: lam / (c["n"] - 1))], ctxs=n2),
        Chain("El", [(r"\E[\hat{\lambda}]", lambda c: c["n"] * ES(c)), (r"n\, \E\Bigl[\frac{1}{S}\Bigr]", lambda c: c["n"] * ES(c)),
                     (r"\frac{n\lambda}{n - 1}", lambda c: c["n"] * lam / (c["n"] - 1))], ctxs=n2),
        Chain("bias", [(r"\E[\hat{\lambda}] - \lambda", lambda c: c["n"] * ES(c) - lam),
                       (r"\frac{n\lambda}{n - 1} - \lambda", lambda c: c["n"] * lam / (c["n"] - 1) - lam),
                       (r"\frac{\lambda}{n - 1}", lambda c: lam / (c["n"] - 1))], ctxs=n2),
        Chain("Ex", [(r"\E[\bar{X}]", lambda c: E(c, sp.Add(*Xs(c)) / c["n"])),
                     (r"\frac{1}{n} \sum_{i=1}^{n} \E[X_i]", lambda c: sp.Add(*[E(c, X) for X in Xs(c)]) / c["n"]),
                     (r"\frac{1}{\lambda}", lambda c: 1 / lam)]),
        Chain("num", [(r"\hat{\lambda}", lambda c: lh({"n": 3}).subs(dict(zip(xs({"n": 3}), [1, 2, 3])))),
                      (r"\frac{3}{1 + 2 + 3}", lambda c: Q(3, 6)), (r"\frac{1}{2}", lambda c: half)], ctxs=[{}]),
    ]
    d = Doc("exponential_mle_pset.tex", ch, sizes(1, 4))
    wrong = (r"\frac{n\lambda}{n - 1}", lambda c: c["n"] * lam / (c["n"] - 1))
    return with_plant(d, r"= \frac{n\lambda}{n - 1} - \lambda =", r"= \frac{n\lambda}{n - 1} =", "bias", 1, wrong,
                      "dropped term: the - lambda of E[lambda-hat] - lambda")


def doc_geometric_notebook():
    p = P("p", 0.45, 0.9)
    kk = sp.Symbol("k", integer=True, positive=True)

    def ks(c):
        return vec("kg", c["n"], positive=True, lo=1.2, hi=5.0)

    def Ks(c):
        return vec("Kg", c["n"], positive=True, lo=1.2, hi=5.0)

    def ell(c, pp=p, data=None):
        data = ks(c) if data is None else data
        return sp.Add(*[log(pp * (1 - pp)**(k - 1)) for k in data])

    def ellf(c, pp=p, data=None):
        data = ks(c) if data is None else data
        return c["n"] * log(pp) + (sp.Add(*data) - c["n"]) * log(1 - pp)

    def Sk(c):
        return sp.Add(*ks(c))

    def ph(c):
        return c["n"] / Sk(c)

    def E(c, e):
        return E_iid(e, Ks(c), lambda m: {0: 1, 1: 1 / p}[m])

    kv = R("k_v", 1.0, 6.0)
    ch = [
        Chain("pmf", [("f(k; p)", lambda c: p * (1 - p)**(kv - 1)), (r"p\,(1 - p)^{k - 1}", lambda c: p * (1 - p)**(kv - 1))], ["def"], ctxs=[{}]),
        Chain("ell", [(r"\ell(p)", ell), (r"\sum_{i=1}^{n} \ln\bigl(p\,(1 - p)^{k_i - 1}\bigr)", ell),
                      (r"n \ln p + \Bigl(\sum_{i=1}^{n} k_i - n\Bigr)\ln(1 - p)", ellf)], ["def", "id"]),
        Chain("d1", [(r"\ell'(p)", lambda c: sp.diff(ell(c), p)), (r"\frac{n}{p} - \frac{\sum_{i} k_i - n}{1 - p}", lambda c: c["n"] / p - (Sk(c) - c["n"]) / (1 - p))]),
        Chain("ph", [(r"\hat{p}", ph), (r"\frac{n}{\sum_{i} k_i}", ph)], ["def"]),
        Chain("chk", [(r"\ell'(\hat{p})", lambda c: sp.diff(ellf(c), p).subs(p, ph(c))),
                      (r"\sum_{i} k_i - \frac{\sum_{i} k_i - n}{1 - n/\sum_{i} k_i}", lambda c: Sk(c) - (Sk(c) - c["n"]) / (1 - c["n"] / Sk(c))),
                      (r"\sum_{i} k_i - \sum_{i} k_i", lambda c: Sk(c) - Sk(c)), ("0", lambda c: 0)]),
        Chain("mean", [(r"\mathbb{E}[X]", lambda c: sp.Sum(kk * p * (1 - p)**(kk - 1), (kk, 1, sp.oo))),
                       (r"\sum_{k=1}^{\infty} k\, p\,(1 - p)^{k - 1}", lambda c: sp.Sum(kk * p * (1 - p)**(kk - 1), (kk, 1, sp.oo))),
                       (r"\frac{p}{\bigl(1 - (1 - p)\bigr)^2}", lambda c: p / (1 - (1 - p))**2), (r"\frac{1}{p}", lambda c: 1 / p)], ctxs=[{}]),
        Chain("d2", [(r"\ell''(p)", lambda c: sp.diff(ell(c), p, 2)),
                     (r"-\frac{n}{p^2} - \frac{\sum_{i} k_i - n}{(1 - p)^2}", lambda c: -c["n"] / p**2 - (Sk(c) - c["n"]) / (1 - p)**2)]),
        Chain("I", [("I(p)", lambda c: -E(c, sp.diff(ellf(c, data=Ks(c)), p, 2))),
                    (r"-\mathbb{E}\bigl[\ell''(p)\bigr]", lambda c: -E(c, sp.diff(ellf(c, data=Ks(c)), p, 2))),
                    (r"\frac{n}{p^2} + \frac{n/p - n}{(1 - p)^2}", lambda c: c["n"] / p**2 + (c["n"] / p - c["n"]) / (1 - p)**2),
                    (r"\frac{n}{p^2} + \frac{n}{p\,(1 - p)}", lambda c: c["n"] / p**2 + c["n"] / (p * (1 - p))),
                    (r"\frac{n}{p^2 (1 - p)}", lambda c: c["n"] / (p**2 * (1 - p)))], ["def", "id", "id", "id"]),
        Chain("num", [(r"\hat{p}", lambda c: ph({"n": 4}).subs(dict(zip(ks({"n": 4}), [1, 3, 2, 2])))),
                      (r"\frac{4}{1 + 3 + 2 + 2}", lambda c: Q(4, 8)), (r"\frac{1}{2}", lambda c: half)], ctxs=[{}]),
    ]
    d = Doc("geometric_mle_notebook.md", ch, sizes(1, 4))
    wrong = (r"\frac{n}{p^2} - \frac{n/p - n}{(1 - p)^2}", lambda c: c["n"] / p**2 - (c["n"] / p - c["n"]) / (1 - p)**2)
    return with_plant(d, r"&= \frac{n}{p^2} + \frac{n/p - n}{(1 - p)^2}", r"&= \frac{n}{p^2} - \frac{n/p - n}{(1 - p)^2}", "I", 2, wrong,
                      "sign: - (n/p - n)/(1 - p)^2 for + (n/p - n)/(1 - p)^2")


DOCS += [doc_exponential_pset, doc_geometric_notebook]


# ---------------------------------------------------------------------------
# family 11: KL divergence (Gaussians, Bernoullis)
from helpers import gauss_moments  # noqa: E402


def doc_kl_gaussians():
    m1, m2 = R("mu_1"), R("mu_2")
    s1, s2 = P("sigma_1", 0.3, 2.5), P("sigma_2", 0.3, 2.5)
    xx = R("x", -2.5, 2.5)
    XX = R("X_p")
    mu, sg, om = R("mu"), P("sigma", 0.3, 2.5), R("omega")

    def logN(x, m, s):
        return log(exp(-(x - m)**2 / (2 * s**2)) / (s * sp.sqrt(2 * sp.pi)))

    def Ep(e):
        return E_iid(e, [XX], gauss_moments(m1, s1**2))

    def KLf(a1=m1, b1=s1, a2=m2, b2=s2):
        return log(b2 / b1) + (b1**2 + (a1 - a2)**2) / (2 * b2**2) - half

    def lr(x):
        return log(s2 / s1) - (x - m1)**2 / (2 * s1**2) + (x - m2)**2 / (2 * s2**2)

    KLexp = lambda c: Ep(lr(XX))
    ch = [
        Chain("lr", [(r"\log p(x) - \log q(x)", lambda c: logN(xx, m1, s1) - logN(xx, m2, s2)), (r"\log\frac{\sigma_2}{\sigma_1} - \frac{(x - \mu_1)^2}{2\sigma_1^2} + \frac{(x - \mu_2)^2}{2\sigma_2^2}", lambda c: lr(xx))]),
        Chain("m1", [(r"\Ep\bigl[(X - \mu_1)^2\bigr]", lambda c: Ep((XX - m1)**2)), (r"\sigma_1^2", lambda c: s1**2)]),
        Chain("m2", [(r"\Ep\bigl[(X - \mu_2)^2\bigr]", lambda c: Ep((XX - m2)**2)), (r"\sigma_1^2 + (\mu_1 - \mu_2)^2", lambda c: s1**2 + (m1 - m2)**2)]),
        Chain("kl", [(r"\KL(p \,\|\, q)", KLexp), (r"\Ep\bigl[\log p(X) - \log q(X)\bigr]", KLexp),
                     (r"\log\frac{\sigma_2}{\sigma_1} - \frac{\sigma_1^2}{2\sigma_1^2} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2}",
                      lambda c: log(s2 / s1) - s1**2 / (2 * s1**2) + (s1**2 + (m1 - m2)**2) / (2 * s2**2)),
                     (r"\log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2} - \frac{1}{2}", lambda c: KLf())],
              ["def", "id", "id"]),
        Chain("dm1", [(r"\frac{\partial \KL}{\partial \mu_1}", lambda c: sp.diff(KLf(), m1)), (r"\frac{\mu_1 - \mu_2}{\sigma_2^2}", lambda c: (m1 - m2) / s2**2)]),
        Chain("ds1", [(r"\frac{\partial \KL}{\partial \sigma_1}", lambda c: sp.diff(KLf(), s1)), (r"-\frac{1}{\sigma_1} + \frac{\sigma_1}{\sigma_2^2}", lambda c: -1 / s1 + s1 / s2**2),
                      (r"\frac{\sigma_1^2 - \sigma_2^2}{\sigma_1 \sigma_2^2}", lambda c: (s1**2 - s2**2) / (s1 * s2**2))]),
        Chain("ds2", [(r"\frac{\partial \KL}{\partial \sigma_2}", lambda c: sp.diff(KLf(), s2)),
                      (r"\frac{1}{\sigma_2} - \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{\sigma_2^3}", lambda c: 1 / s2 - (s1**2 + (m1 - m2)**2) / s2**3)]),
        Chain("vae", [(r"\KL", lambda c: KLf(mu, sg, sp.Integer(0), sp.Integer(1))), (r"-\log\sigma + \frac{\sigma^2 + \mu^2}{2} - \frac{1}{2}", lambda c: -log(sg) + (sg**2 + mu**2) / 2 - half),
                      (r"\frac{1}{2}\bigl(\mu^2 + \sigma^2 - 1 - \log\sigma^2\bigr)", lambda c: (mu**2 + sg**2 - 1 - log(sg**2)) / 2)]),
        Chain("om", [(r"\frac{\partial}{\partial \omega}\, \frac{1}{2}\bigl(\mu^2 + e^{\omega} - 1 - \omega\bigr)", lambda c: sp.diff((mu**2 + exp(om) - 1 - om) / 2, om)),
                     (r"\frac{1}{2}\bigl(e^{\omega} - 1\bigr)", lambda c: (exp(om) - 1) / 2)]),
        Chain("num", [(r"\KL", lambda c: KLf(*map(sp.Integer, (1, 1, 0, 2)))), (r"\log 2 + \frac{1 + 1}{8} - \frac{1}{2}", lambda c: log(2) + Q(2, 8) - half),
                      (r"\log 2 - \frac{1}{4}", lambda c: log(2) - Q(1, 4))]),
    ]
    d = Doc("kl_gaussians_appendix.tex", ch, [{}])
    wrong = (r"\log\frac{\sigma_2}{\sigma_1} - \frac{\sigma_1^2}{2\sigma_1^2} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_1^2}",
             lambda c: log(s2 / s1) - s1**2 / (2 * s1**2) + (s1**2 + (m1 - m2)**2) / (2 * s1**2))
    return with_plant(d, r"\frac{\sigma_1^2}{2\sigma_1^2} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_2^2}",
                      r"\frac{\sigma_1^2}{2\sigma_1^2} + \frac{\sigma_1^2 + (\mu_1 - \mu_2)^2}{2\sigma_1^2}", "kl", 2, wrong,
                      "wrong index: 2 sigma_1^2 for 2 sigma_2^2 in the denominator of the mean-difference term")


def doc_kl_bernoulli():
    p, q = P("p", 0.05, 0.95), P("q", 0.05, 0.95)
    z = R("z", -3, 3)

    def D(a=p, b=q):
        return a * log(a / b) + (1 - a) * log((1 - a) / (1 - b))

    dq = lambda: sp.diff(D(), q)
    ch = [
        Chain("D", [("D(p, q)", lambda c: D()), (r"p \ln\frac{p}{q} + (1 - p) \ln\frac{1 - p}{1 - q}", lambda c: D())], ["def"]),
        Chain("dq", [(r"\frac{\partial D}{\partial q}", lambda c: dq()), (r"-\frac{p}{q} + \frac{1 - p}{1 - q}", lambda c: -p / q + (1 - p) / (1 - q)),
                     (r"\frac{-p(1 - q) + q(1 - p)}{q(1 - q)}", lambda c: (-p * (1 - q) + q * (1 - p)) / (q * (1 - q))),
                     (r"\frac{q - p}{q(1 - q)}", lambda c: (q - p) / (q * (1 - q)))]),
        Chain("dz", [(r"\frac{\partial D}{\partial z}", lambda c: sp.diff(D(p, sig(z)), z)),
                     (r"\frac{q - p}{q(1 - q)} \cdot q(1 - q)", lambda c: ((q - p) / (q * (1 - q)) * q * (1 - q)).subs(q, sig(z))),
                     (r"q - p", lambda c: sig(z) - p)]),
        Chain("dp", [(r"\frac{\partial D}{\partial p}", lambda c: sp.diff(D(), p)), (r"\ln\frac{p}{q} - \ln\frac{1 - p}{1 - q}", lambda c: log(p / q) - log((1 - p) / (1 - q))),
                     (r"\ln\frac{p}{1 - p} - \ln\frac{q}{1 - q}", lambda c: log(p / (1 - p)) - log(q / (1 - q)))]),
        Chain("h", [(r"\frac{\partial^2 D}{\partial q^2}", lambda c: sp.diff(D(), q, 2)), (r"\frac{p}{q^2} + \frac{1 - p}{(1 - q)^2}", lambda c: p / q**2 + (1 - p) / (1 - q)**2)]),
        Chain("hp", [(r"\frac{\partial^2 D}{\partial q^2}\Big|_{q = p}", lambda c: sp.diff(D(), q, 2).subs(q, p)),
                     (r"\frac{1}{p} + \frac{1}{1 - p}", lambda c: 1 / p + 1 / (1 - p)), (r"\frac{1}{p(1 - p)}", lambda c: 1 / (p * (1 - p)))]),
        Chain("num", [(r"D\Bigl(\frac{1}{2}, \frac{1}{4}\Bigr)", lambda c: D(half, Q(1, 4))),
                      (r"\frac{1}{2}\ln\frac{1/2}{1/4} + \frac{1}{2}\ln\frac{1/2}{3/4}", lambda c: half * log(half / Q(1, 4)) + half * log(half / Q(3, 4))),
                      (r"\frac{1}{2}\ln 2 + \frac{1}{2}\ln\frac{2}{3}", lambda c: half * log(2) + half * log(Q(2, 3))),
                      (r"\frac{1}{2}\ln\frac{4}{3}", lambda c: half * log(Q(4, 3)))]),
        Chain("numg", [(r"\frac{\partial D}{\partial q}", lambda c: dq().subs({p: half, q: Q(1, 4)})),
                       (r"\frac{1/4 - 1/2}{\frac{1}{4}\cdot\frac{3}{4}}", lambda c: (Q(1, 4) - half) / (Q(1, 4) * Q(3, 4))),
                       (r"-\frac{4}{3}", lambda c: -Q(4, 3))]),
    ]
    d = Doc("kl_bernoulli_blog.md", ch, [{}])
    wrong = (r"\ln\frac{p}{q}", lambda c: log(p / q))
    return with_plant(d, r"= \ln\frac{p}{q} - \ln\frac{1 - p}{1 - q} =", r"= \ln\frac{p}{q} =", "dp", 1, wrong,
                      "dropped term: the - ln((1 - p)/(1 - q)) term")


DOCS += [doc_kl_gaussians, doc_kl_bernoulli]


# ---------------------------------------------------------------------------
# family 12: weight decay / elastic net, cosine similarity


def doc_weight_decay():
    lam, eta = P("lambda", 0.1, 2.0), P("eta", 0.05, 0.4)
    l1, l2 = P("lambda_1", 0.1, 2.0), P("lambda_2", 0.1, 2.0)
    aw = P("a_w", 0.1, 2.0)
    w0 = R("w_0")
    ww = R("w")

    def w(c):
        return vec("w", c["d"])

    def g(c):
        return vec("g", c["d"])

    def L(c):
        return sp.Add(*[a * b for a, b in zip(g(c), w(c))])

    def J(c):
        return L(c) + lam / 2 * sp.Add(*[t**2 for t in w(c)])

    def wreg(c):
        # w with w_j on its stated side of zero
        ws = list(w(c))
        ws[c["j"] - 1] = aw if c["reg"] == "pos" else -aw
        return ws

    def Rpen(c):
        ws = wreg(c)
        return l1 * sp.Add(*[sp.Abs(t) for t in ws]) + l2 / 2 * sp.Add(*[t**2 for t in ws])

    def dR(c):
        wsym = w(c)[c["j"] - 1]
        ws = list(w(c))
        e = l1 * sp.Add(*[sp.Abs(t) for t in ws]) + l2 / 2 * sp.Add(*[t**2 for t in ws])
        return sp.diff(e, wsym).subs(wsym, wreg(c)[c["j"] - 1])

    def it(t, e=eta, l=lam, start=w0):
        x = start
        for _ in range(t):
            x = x - e * (0 + l * x)
        return x

    def xs(c):
        return vec("x", c["n"])

    def ys(c):
        return vec("y", c["n"])

    def Jr(c, v=ww):
        return sp.Add(*[(v * x - y)**2 for x, y in zip(xs(c), ys(c))]) / 2 + lam / 2 * v**2

    wj = lambda c: w(c)[c["j"] - 1]
    gj = lambda c: g(c)[c["j"] - 1]
    ctx_j = [dict(d=d, j=j) for d in (1, 2, 3) for j in range(1, d + 1)]
    ctx_pos = [dict(c, reg="pos") for c in ctx_j]
    ctx_neg = [dict(c, reg="neg") for c in ctx_j]
    wh = lambda c: sp.Add(*[x * y for x, y in zip(xs(c), ys(c))]) / (sp.Add(*[x**2 for x in xs(c)]) + lam)
    ch = [
        Chain("J", [(r"J(\bw)", J), (r"L(\bw) + \frac{\lambda}{2} \sum_{k=1}^{d} w_k^2", J)], ["def"], ctxs=[dict(d=d) for d in (1, 2, 3)]),
        Chain("gJ", [(r"\frac{\partial J}{\partial w_j}", lambda c: sp.diff(J(c), wj(c))), (r"g_j + \frac{\lambda}{2} \cdot 2 w_j", lambda c: gj(c) + lam / 2 * 2 * wj(c)),
                     (r"g_j + \lambda w_j", lambda c: gj(c) + lam * wj(c))]),
        Chain("step", [(r"w_j^{+}", lambda c: wj(c) - eta * sp.diff(J(c), wj(c))), (r"w_j - \eta \left( g_j + \lambda w_j \right)", lambda c: wj(c) - eta * (gj(c) + lam * wj(c))),
                       (r"(1 - \eta\lambda)\, w_j - \eta g_j", lambda c: (1 - eta * lam) * wj(c) - eta * gj(c))], ["def", "id"]),
        Chain("decay", [(r"w_j^{(t)}", lambda c: it(c["t"])), (r"(1 - \eta\lambda)\, w_j^{(t-1)}", lambda c: (1 - eta * lam) * it(c["t"] - 1)),
                        (r"(1 - \eta\lambda)^{t}\, w_j^{(0)}", lambda c: (1 - eta * lam)**c["t"] * w0)], ctxs=[dict(t=t) for t in (1, 2, 3, 4)]),
        Chain("R", [(r"R(\bw)", Rpen), (r"\lambda_1 \sum_{k=1}^{d} |w_k| + \frac{\lambda_2}{2} \sum_{k=1}^{d} w_k^2", Rpen)], ["def"], ctxs=ctx_pos + ctx_neg),
        Chain("pos", [(r"\frac{\partial R}{\partial w_j}", dR), (r"\lambda_1 + \lambda_2 w_j", lambda c: l1 + l2 * wreg(c)[c["j"] - 1])], ctxs=ctx_pos),
        Chain("neg", [(r"\frac{\partial R}{\partial w_j}", dR), (r"-\lambda_1 + \lambda_2 w_j", lambda c: -l1 + l2 * wreg(c)[c["j"] - 1])], ctxs=ctx_neg),
        Chain("sgn", [(r"\frac{\partial R}{\partial w_j}", dR), (r"\lambda_1 \sign(w_j) + \lambda_2 w_j", lambda c: l1 * sp.sign(wreg(c)[c["j"] - 1]) + l2 * wreg(c)[c["j"] - 1])],
              ctxs=ctx_pos + ctx_neg),
        Chain("Jr", [("J(w)", Jr), (r"\frac{1}{2} \sum_{i=1}^{n} (w x_i - y_i)^2 + \frac{\lambda}{2} w^2", Jr)], ["def"], ctxs=sizes(1, 4)),
        Chain("dJr", [("J'(w)", lambda c: sp.diff(Jr(c), ww)),
                      (r"\sum_{i=1}^{n} (w x_i - y_i)\, x_i + \lambda w", lambda c: sp.Add(*[(ww * x - y) * x for x, y in zip(xs(c), ys(c))]) + lam * ww),
                      (r"w \Bigl( \sum_{i=1}^{n} x_i^2 + \lambda \Bigr) - \sum_{i=1}^{n} x_i y_i",
                       lambda c: ww * (sp.Add(*[x**2 for x in xs(c)]) + lam) - sp.Add(*[x * y for x, y in zip(xs(c), ys(c))]))], ctxs=sizes(1, 4)),
        Chain("wh", [(r"\hat{w}", wh), (r"\frac{\sum_{i=1}^{n} x_i y_i}{\sum_{i=1}^{n} x_i^2 + \lambda}", wh)], ["def"], ctxs=sizes(1, 4)),
        Chain("n1", [(r"1 - \eta\lambda", lambda c: 1 - Q("0.1") * Q("0.5")), ("1 - 0.05", lambda c: 1 - Q("0.05")), ("0.95", lambda c: Q("0.95"))], ctxs=[{}]),
        Chain("n2", [(r"w_j^{(2)}", lambda c: it(2, Q("0.1"), Q("0.5"))), (r"0.95^2\, w_j^{(0)}", lambda c: Q("0.95")**2 * w0),
                     (r"0.9025\, w_j^{(0)}", lambda c: Q("0.9025") * w0)], ctxs=[{}]),
    ]
    d = Doc("weight_decay_elastic_net_notes.tex", ch, ctx_j)
    wrong = (r"\sum_{i=1}^{n} (w x_i - y_i)\, x_i + 2\lambda w", lambda c: sp.Add(*[(ww * x - y) * x for x, y in zip(xs(c), ys(c))]) + 2 * lam * ww)
    return with_plant(d, r"(w x_i - y_i)\, x_i + \lambda w =", r"(w x_i - y_i)\, x_i + 2\lambda w =", "dJr", 1, wrong,
                      "wrong constant: 2 lambda w for lambda w (the 1/2 of the penalty forgotten)")


def doc_cosine_answer():
    def u(c):
        return vec("u", c["d"])

    def v(c):
        return vec("v", c["d"])

    def nrm(x):
        return sp.sqrt(sp.Add(*[t**2 for t in x]))

    def dot(a, b):
        return sp.Add(*[x * y for x, y in zip(a, b)])

    def cos(c, uu=None, vv=None):
        uu = u(c) if uu is None else uu
        vv = v(c) if vv is None else vv
        return dot(uu, vv) / (nrm(uu) * nrm(vv))

    uj = lambda c: u(c)[c["j"] - 1]
    vj = lambda c: v(c)[c["j"] - 1]
    dcos = lambda c: sp.diff(cos(c), uj(c))
    nu = lambda c: nrm(u(c))
    nv = lambda c: nrm(v(c))
    ctx_j = [dict(d=d, j=j) for d in (1, 2, 3, 4) for j in range(1, d + 1)]

    def unit_subs(c):
        # evaluate at unit vectors u = a/|a|, v = b/|b|
        a, b = vec("a", c["d"]), vec("b", c["d"])
        return dict(list(zip(u(c), [t / nrm(a) for t in a])) + list(zip(v(c), [t / nrm(b) for t in b])))

    u1, u2 = sp.symbols("_u1 _u2", real=True)
    cnum = (u1 * 1 + u2 * 1) / (sp.sqrt(u1**2 + u2**2) * sp.sqrt(2))
    pt = {u1: 1, u2: 0}
    ch = [
        Chain("cos", [(r"\cos(u, v)", cos), (r"\frac{u^\top v}{\|u\|\,\|v\|}", cos)], ["def"], ctxs=[dict(d=d) for d in (1, 2, 3, 4)]),
        Chain("dot", [(r"\frac{\partial\, (u^\top v)}{\partial u_j}", lambda c: sp.diff(dot(u(c), v(c)), uj(c))), ("v_j", vj)]),
        Chain("nrm", [(r"\frac{\partial \|u\|}{\partial u_j}", lambda c: sp.diff(nu(c), uj(c))), (r"\frac{1}{2\|u\|} \cdot 2u_j", lambda c: 2 * uj(c) / (2 * nu(c))),
                      (r"\frac{u_j}{\|u\|}", lambda c: uj(c) / nu(c))]),
        Chain("q", [(r"\frac{\partial \cos(u, v)}{\partial u_j}", dcos),
                    (r"\frac{v_j\,\|u\| - u^\top v\,\frac{u_j}{\|u\|}}{\|u\|^2\,\|v\|}", lambda c: (vj(c) * nu(c) - dot(u(c), v(c)) * uj(c) / nu(c)) / (nu(c)**2 * nv(c))),
                    (r"\frac{v_j}{\|u\|\,\|v\|} - \frac{(u^\top v)\,u_j}{\|u\|^3\,\|v\|}", lambda c: vj(c) / (nu(c) * nv(c)) - dot(u(c), v(c)) * uj(c) / (nu(c)**3 * nv(c))),
                    (r"\frac{1}{\|u\|}\Bigl(\frac{v_j}{\|v\|} - \cos(u, v)\,\frac{u_j}{\|u\|}\Bigr)", lambda c: (vj(c) / nv(c) - cos(c) * uj(c) / nu(c)) / nu(c))]),
        Chain("orth", [(r"\sum_{j=1}^{d} u_j\,\frac{\partial \cos(u, v)}{\partial u_j}", lambda c: sp.Add(*[t * sp.diff(cos(c), t) for t in u(c)])),
                       (r"\frac{u^\top v}{\|u\|\,\|v\|} - \cos(u, v)\,\frac{\|u\|^2}{\|u\|^2}", lambda c: cos(c) - cos(c) * nu(c)**2 / nu(c)**2),
                       ("0", lambda c: 0)], ctxs=[dict(d=d) for d in (1, 2, 3, 4)]),
        Chain("unit", [(r"\frac{\partial \cos(u, v)}{\partial u_j}", lambda c: dcos(c).subs(unit_subs(c), simultaneous=True)),
                       (r"v_j - (u^\top v)\,u_j", lambda c: (vj(c) - dot(u(c), v(c)) * uj(c)).subs(unit_subs(c), simultaneous=True))]),
        Chain("flip", [(r"\frac{\partial\, \bigl(1 - \cos(u, v)\bigr)}{\partial u_j}", lambda c: sp.diff(1 - cos(c), uj(c))), (r"-\frac{\partial \cos(u, v)}{\partial u_j}", lambda c: -dcos(c))]),
        Chain("n1", [(r"\frac{\partial \cos(u, v)}{\partial u_1}", lambda c: sp.diff(cnum, u1).subs(pt)),
                     (r"\frac{1}{1}\Bigl(\frac{1}{\sqrt{2}} - \frac{1}{\sqrt{2}} \cdot 1\Bigr)", lambda c: (1 / sp.sqrt(2) - 1 / sp.sqrt(2) * 1) / 1), ("0", lambda c: 0)],
              ctxs=[{}]),
        Chain("n2", [(r"\frac{\partial \cos(u, v)}{\partial u_2}", lambda c: sp.diff(cnum, u2).subs(pt)),
                     (r"\frac{1}{\sqrt{2}} - \frac{1}{\sqrt{2}} \cdot 0", lambda c: 1 / sp.sqrt(2) - 1 / sp.sqrt(2) * 0), (r"\frac{1}{\sqrt{2}}", lambda c: 1 / sp.sqrt(2))],
              ctxs=[{}]),
    ]
    d = Doc("cosine_similarity_gradient_answer.md", ch, ctx_j)
    wrong = (r"\frac{v_j}{\|u\|\,\|v\|} - \frac{(u^\top v)}{\|u\|^3\,\|v\|}", lambda c: vj(c) / (nu(c) * nv(c)) - dot(u(c), v(c)) / (nu(c)**3 * nv(c)))
    return with_plant(d, r"- \frac{(u^\top v)\,u_j}{\|u\|^3\,\|v\|}", r"- \frac{(u^\top v)}{\|u\|^3\,\|v\|}", "q", 2, wrong,
                      "dropped factor: the u_j in the second term")


DOCS += [doc_weight_decay, doc_cosine_answer]
