"""Encodings of every display chain of the corpus_ml20 documents as SymPy expressions.

A document is a list of chains in document order; a chain is a list of nodes (the expressions between `=` signs)
and a list of link kinds ('def' for an `=` that defines the symbol on its left, 'id' for an identity to check).
The links of all chains, in order, must be the `=` links that verification/count.py finds, in order; each chain
also names an `anchor`, a piece of LaTeX on the line of its first `=`.

Each chain carries regions: a sampler of random rational points (respecting the case of a piecewise definition or
the side condition the text states) and, where one exists, a substitution into positive symbols used for the
symbolic attempt (e.g. x -> p or x -> -p with p > 0).

Notation used in the encodings:
  * a bracket [F(t)]_lo^hi with hi = oo is Limit(F, t, oo) - F(lo) (see `br`);
  * ReLU'(z) and an indicator 1[c] are Heaviside;
  * L'_delta(y - wx) is Subs(Derivative(L_delta(r), r), r, y - wx);
  * E[T] is written as the integral of t times the density (so "E[T] = int S dt" is a checked link).
"""
import random
from sympy import (Symbol, Rational, Integer, Integral, Limit, Derivative, Piecewise, Max, Min, Abs, sign,
                   Heaviside, exp, log, sqrt, gamma, tanh, oo, S as SS)

# ---------------------------------------------------------------- symbols
x = Symbol('x', real=True)
y = Symbol('y', real=True)
w = Symbol('w', real=True)
b = Symbol('b', real=True)
z = Symbol('z', real=True)
r = Symbol('r', real=True)
m = Symbol('m', real=True)
h = Symbol('h', real=True)
M = Symbol('M', real=True)
ac = Symbol('a', real=True)          # the constant of (1 + a/x)^x in the cheat sheet
theta = Symbol('theta', real=True)
alpha = Symbol('alpha', positive=True)
lam = Symbol('lambda', positive=True)
delta = Symbol('delta', positive=True)
k = Symbol('k', positive=True)
a = Symbol('a', positive=True)        # hazard before the change point
bb = Symbol('b', positive=True)       # hazard after the change point
tau = Symbol('tau', positive=True)
beta = Symbol('beta', positive=True)
t = Symbol('t', positive=True)
s = Symbol('s', positive=True)
u = Symbol('u', positive=True)
v = Symbol('v', positive=True)
uu = Symbol('u', real=True)           # the u of a limit u -> 0+
p = Symbol('p', positive=True)        # positive symbols used by region substitutions
q = Symbol('q', positive=True)


def br(F, var, lo, hi):
    """[F]_lo^hi, with a limit at an infinite end."""
    top = Limit(F, var, oo) if hi is oo else F.subs(var, hi)
    return top - F.subs(var, lo)


class Region:
    def __init__(self, name, sampler, sym=None):
        self.name, self.sampler, self.sym = name, sampler, sym


class Chain:
    def __init__(self, name, anchor, nodes, kinds, regions, note=""):
        assert len(kinds) == len(nodes) - 1, name
        self.name, self.anchor, self.nodes, self.kinds, self.regions, self.note = \
            name, anchor, nodes, kinds, regions, note


def R(rng, lo, hi, avoid=()):
    """A random rational in [lo, hi] with denominator 997, away from the points in `avoid`."""
    while True:
        v_ = Rational(rng.randint(int(lo * 997), int(hi * 997)), 997)
        if all(abs(float(v_) - c) > 0.05 for c in avoid):
            return v_


def pm1(rng):
    return Integer(rng.choice([-1, 1]))


ANY = lambda vals: Region("any", lambda rng: vals(rng), sym={})

# ================================================================ 1. relu_activations_lecture.tex
relu_x = [Region("x > 0", lambda g: {x: R(g, 0.1, 4)}, {x: p}),
          Region("x < 0", lambda g: {x: R(g, -4, -0.1)}, {x: -p})]
leaky_x = [Region("x > 0", lambda g: {x: R(g, 0.1, 4), alpha: R(g, 0.01, 0.9)}, {x: p, alpha: 1 / (1 + q)}),
           Region("x < 0", lambda g: {x: R(g, -4, -0.1), alpha: R(g, 0.01, 0.9)}, {x: -p, alpha: 1 / (1 + q)})]


def _neuron(sgn):
    def f(g):
        xv, wv, yv = R(g, -3, 3, avoid=(0,)), R(g, -3, 3), R(g, -3, 3)
        return {x: xv, w: wv, y: yv, b: -wv * xv + sgn * R(g, 0.1, 3)}
    return f


zz = w * x + b
relu = Max(0, x)
L_neuron = (Max(0, zz) - y) ** 2 / 2
softplus = log(1 + exp(x))

RELU = [
    Chain("ReLU by cases", r"\ReLU(x) = \max(0, x) = \begin{cases}",
          [Max(0, x), Max(0, x), Piecewise((x, x > 0), (0, True))], ["def", "id"], relu_x),
    Chain("ReLU' by cases", r"\ReLU'(x) = \begin{cases}",
          [Derivative(relu, x), Piecewise((1, x > 0), (0, x < 0))], ["id"], relu_x),
    Chain("derivative of (x+|x|)/2", r"\frac{d}{dx}\,\frac{x + |x|}{2}",
          [Derivative((x + Abs(x)) / 2, x), (1 + x / Abs(x)) / 2, (1 + sign(x)) / 2], ["id", "id"], relu_x),
    Chain("leaky ReLU", r"\phi_\alpha(x) &= \max(\alpha x, x)",
          [Max(alpha * x, x), Max(alpha * x, x), alpha * x + (1 - alpha) * Max(0, x)], ["def", "id"], leaky_x),
    Chain("leaky ReLU derivative", r"\phi_\alpha'(x) &= \alpha",
          [Derivative(Max(alpha * x, x), x), alpha + (1 - alpha) * Heaviside(x),
           Piecewise((1, x > 0), (alpha, x < 0))], ["id", "id"], leaky_x),
    Chain("dL/dw through one ReLU neuron", r"&= (a - y)\,\ReLU'(z)",
          [Derivative(L_neuron, w), (Max(0, zz) - y) * Heaviside(zz) * Derivative(zz, w),
           Piecewise(((w * x + b - y) * x, zz > 0), (0, zz < 0))], ["id", "id"],
          [Region("wx + b > 0", _neuron(1), {b: -w * x + p}), Region("wx + b < 0", _neuron(-1), {b: -w * x - p})]),
    Chain("softplus derivative", r"s'(x) = \frac{e^{x}}{1 + e^{x}}",
          [Derivative(softplus, x), exp(x) / (1 + exp(x)), 1 / (1 + exp(-x))], ["id", "id"],
          [Region("any x", lambda g: {x: R(g, -5, 5)}, {})]),
    Chain("softplus minus x at infinity", r"&= \lim_{x \to \infty}\log\frac{1 + e^{x}}{e^{x}}",
          [Limit(softplus - x, x, oo), Limit(log((1 + exp(x)) / exp(x)), x, oo), Limit(log(1 + exp(-x)), x, oo),
           log(1), Integer(0)], ["id", "id", "id", "id"],
          [Region("no parameters", lambda g: {}, {})]),
]
# the anchor of the last chain is on the line of its first `=` (the `&=` after the limit on the line before)

# ================================================================ 2. hinge_loss_exam.tex


def _margin(lo, hi):
    def f(g):
        yv, xv = pm1(g), R(g, -3, 3, avoid=(0,))
        mv = R(g, lo, hi, avoid=(1,))
        return {y: yv, x: xv, w: mv / (yv * xv), lam: R(g, 0.1, 3), beta: R(g, 0.1, 5)}
    return f


def _margin_sym(sgn, yv):
    # margin y w x = 1 - q (active side) or 1 + q (inactive side), y = +-1
    return {y: yv, w: (1 - sgn * q) / (yv * x)}


margin_regions = [Region("y w x < 1", _margin(-3, 0.95), _margin_sym(1, 1)),
                  Region("y w x < 1, y = -1", _margin(-3, 0.95), _margin_sym(1, -1)),
                  Region("y w x > 1", _margin(1.05, 4), _margin_sym(-1, 1)),
                  Region("y w x > 1, y = -1", _margin(1.05, 4), _margin_sym(-1, -1))]
active = [margin_regions[0], margin_regions[1]]

hinge = Max(0, 1 - y * w * x)
J = lam / 2 * w ** 2 + hinge
wstar = y * x / lam


def _any_label(g):
    return {y: pm1(g), x: R(g, -3, 3, avoid=(0,)), lam: R(g, 0.1, 3)}


def _small_x(g):
    xv = R(g, -2, 2, avoid=(0,))
    return {y: pm1(g), x: xv, lam: xv ** 2 * R(g, 1.1, 6)}


l_beta = log(1 + exp(beta * (1 - m))) / beta

HINGE = [
    Chain("hinge subgradient", r"\frac{d\ell}{dw} = \begin{cases}",
          [Derivative(hinge, w), Piecewise((-y * x, y * w * x < 1), (0, y * w * x > 1))], ["id"], margin_regions),
    Chain("J' on the active side", r"J'(w) &= \lambda w",
          [Derivative(J, w), lam * w + Derivative(1 - y * w * x, w), lam * w - y * x], ["id", "id"], active),
    Chain("margin of w*", r"y\, w^\star x = \frac{y^2 x^2}{\lambda}",
          [y * wstar * x, y ** 2 * x ** 2 / lam, x ** 2 / lam], ["id", "id"],
          [Region("y = +-1", _any_label, {y: 1}), Region("y = -1", _any_label, {y: -1})]),
    Chain("J(w*) when x^2 < lambda", r"J(w^\star) &= \frac{\lambda}{2}",
          [J.subs(w, wstar), lam / 2 * y ** 2 * x ** 2 / lam ** 2 + 1 - y ** 2 * x ** 2 / lam,
           x ** 2 / (2 * lam) + 1 - x ** 2 / lam, 1 - x ** 2 / (2 * lam)], ["id", "id", "id"],
          [Region("x^2 < lambda, y = +-1", _small_x, {y: 1, lam: x ** 2 * (1 + q)}),
           Region("x^2 < lambda, y = -1", _small_x, {y: -1, lam: x ** 2 * (1 + q)})]),
    Chain("J at the hinge point y/x", r"J\Bigl(\frac{y}{x}\Bigr) = \frac{\lambda}{2}",
          [J.subs(w, y / x), lam / 2 * y ** 2 / x ** 2 + Max(0, 1 - y ** 2), lam / (2 * x ** 2) + 0,
           lam / (2 * x ** 2)], ["id", "id", "id"],
          [Region("y = +-1", _any_label, {y: 1}), Region("y = -1", _any_label, {y: -1})]),
    Chain("squared hinge derivative", r"\ell_2'(w) &= 2\max(0, 1 - y w x)",
          [Derivative(hinge ** 2, w), 2 * hinge * Derivative(1 - y * w * x, w), -2 * y * x * hinge,
           Piecewise((-2 * y * x * (1 - y * w * x), y * w * x < 1), (0, True))], ["id", "id", "id"],
          margin_regions),
    Chain("smoothed hinge factored", r"\ell_\beta(m) &= \frac{1}{\beta}\log\Bigl(",
          [l_beta, log(exp(beta * (1 - m)) * (1 + exp(-beta * (1 - m)))) / beta,
           (1 - m) + log(1 + exp(-beta * (1 - m))) / beta], ["id", "id"],
          [Region("any m, beta > 0", lambda g: {m: R(g, -3, 3), beta: R(g, 0.1, 5)}, {})]),
    Chain("smoothed hinge limit, m < 1", r"\lim_{\beta \to \infty} \ell_\beta(m) = 1 - m",
          [Limit(l_beta, beta, oo), 1 - m + Limit(log(1 + exp(-beta * (1 - m))) / beta, beta, oo), 1 - m],
          ["id", "id"],
          [Region("m < 1", lambda g: {m: R(g, -3, 0.9)}, {m: 1 - q})]),
]

# ================================================================ 3. huber_loss_blog.md
L_h = Piecewise((r ** 2 / 2, Abs(r) <= delta), (delta * (Abs(r) - delta / 2), True))
dL_h = Derivative(L_h, r)
P_h = delta ** 2 * (sqrt(1 + (r / delta) ** 2) - 1)


def _res(lo, hi, sgn):
    # |r| / delta in [lo, hi], sign sgn
    def f(g):
        dv = R(g, 0.3, 3, avoid=(1,))
        return {delta: dv, r: sgn * dv * R(g, lo, hi)}
    return f


huber_r = [Region("|r| <= delta, r > 0", _res(0.05, 0.95, 1), {r: p, delta: p * (1 + q)}),
           Region("|r| <= delta, r < 0", _res(0.05, 0.95, -1), {r: -p, delta: p * (1 + q)}),
           Region("r > delta", _res(1.05, 4, 1), {r: delta * (1 + q)}),
           Region("r < -delta", _res(1.05, 4, -1), {r: -delta * (1 + q)})]


def _reg(lo, hi, sgn):
    def f(g):
        dv, xv, wv = R(g, 0.3, 3, avoid=(1,)), R(g, -3, 3, avoid=(0,)), R(g, -3, 3)
        return {delta: dv, x: xv, w: wv, y: wv * xv + sgn * dv * R(g, lo, hi)}
    return f


reg_regions = [Region("|y - wx| <= delta, y - wx > 0", _reg(0.05, 0.95, 1), {y: w * x + p, delta: p * (1 + q)}),
               Region("|y - wx| <= delta, y - wx < 0", _reg(0.05, 0.95, -1), {y: w * x - p, delta: p * (1 + q)}),
               Region("y - wx > delta", _reg(1.05, 4, 1), {y: w * x + delta * (1 + q)}),
               Region("y - wx < -delta", _reg(1.05, 4, -1), {y: w * x - delta * (1 + q)})]

delta_only = [Region("delta > 0", lambda g: {delta: R(g, 0.3, 3, avoid=(1,))}, {})]
delta_r = [Region("any r", lambda g: {delta: R(g, 0.3, 3, avoid=(1,)), r: R(g, -6, 6)}, {})]

HUBER = [
    Chain("Huber definition", r"L_\delta(r) = \begin{cases}", [L_h, L_h], ["def"], huber_r),
    Chain("value of the linear piece at the seam", r"\delta\left(\delta - \frac{1}{2}\delta\right) =",
          [delta * (delta - delta / 2), delta ** 2 - delta ** 2 / 2, delta ** 2 / 2], ["id", "id"], delta_only),
    Chain("slope of the linear piece", r"\frac{d}{dr}\,\delta\left(r - \frac{1}{2}\delta\right) = \delta",
          [Derivative(delta * (r - delta / 2), r), delta], ["id"], delta_r),
    Chain("Huber derivative as a clip", r"L_\delta'(r) &= \begin{cases} r",
          [dL_h, Piecewise((r, Abs(r) <= delta), (delta * sign(r), True)), Max(-delta, Min(delta, r))],
          ["id", "id"], huber_r),
    Chain("gradient of one-feature regression", r"\frac{\partial}{\partial w} L_\delta(y - w x) =",
          [Derivative(L_h.subs(r, y - w * x), w), -x * dL_h.subs(r, y - w * x),
           Piecewise((-x * (y - w * x), Abs(y - w * x) <= delta), (-delta * x * sign(y - w * x), True))],
          ["id", "id"], reg_regions),
    Chain("L/r at infinity", r"\lim_{r \to \infty} \frac{L_\delta(r)}{r} =",
          [Limit(L_h / r, r, oo), Limit((delta * r - delta ** 2 / 2) / r, r, oo), Limit(delta - delta ** 2 / (2 * r), r, oo),
           delta], ["id", "id", "id"], delta_only),
    Chain("pseudo-Huber derivative", r"P_\delta'(r) = \delta^2\,\frac{r/\delta^2}",
          [Derivative(P_h, r), delta ** 2 * (r / delta ** 2) / sqrt(1 + (r / delta) ** 2),
           r / sqrt(1 + r ** 2 / delta ** 2)], ["id", "id"], delta_r),
    Chain("pseudo-Huber slope at infinity", r"\lim_{r \to \infty} P_\delta'(r) =",
          [Limit(Derivative(P_h, r), r, oo), Limit(1 / sqrt(1 / r ** 2 + 1 / delta ** 2), r, oo),
           1 / sqrt(1 / delta ** 2), delta], ["id", "id", "id"], delta_only),
]

# ================================================================ 4. soft_thresholding_forum.md
F_st = (x - z) ** 2 / 2 + lam * Abs(x)
S_st = sign(z) * Max(Abs(z) - lam, 0)


def _xz(sgn):
    return lambda g: {x: sgn * R(g, 0.1, 4), z: R(g, -4, 4), lam: R(g, 0.1, 3)}


st_x = [Region("x > 0", _xz(1), {x: p}), Region("x < 0", _xz(-1), {x: -p})]


def _z(kind):
    def f(g):
        lv = R(g, 0.1, 3)
        if kind == "above":
            zv = lv * R(g, 1.05, 4)
        elif kind == "below":
            zv = -lv * R(g, 1.05, 4)
        else:
            zv = lv * R(g, -0.95, 0.95, avoid=(0,))
        return {lam: lv, z: zv}
    return f


st_z = [Region("z > lambda", _z("above"), {z: lam * (1 + q)}),
        Region("|z| <= lambda, z > 0", _z("inside"), {z: p, lam: p + q}),
        Region("|z| <= lambda, z < 0", _z("inside"), {z: -p, lam: p + q}),
        Region("z < -lambda", _z("below"), {z: -lam * (1 + q)})]

SOFT = [
    Chain("derivative of |x|", r"\frac{d}{dx}|x| = \frac{x}{|x|}",
          [Derivative(Abs(x), x), x / Abs(x), sign(x)], ["id", "id"], relu_x),
    Chain("F' on each half-line", r"F'(x) = x - z + \lambda \operatorname{sign}(x)",
          [Derivative(F_st, x), x - z + lam * sign(x),
           Piecewise((x - z + lam, x > 0), (x - z - lam, x < 0))], ["id", "id"], st_x),
    Chain("soft thresholding in three forms", r"S_\lambda(z) &= \operatorname{sign}(z)",
          [S_st, S_st, Piecewise((z - lam, z > lam), (0, Abs(z) <= lam), (z + lam, z < -lam)),
           z - Max(-lam, Min(lam, z))], ["def", "id", "id"], st_z),
    Chain("value at the minimiser, z > lambda", r"F(z - \lambda) = \tfrac12 \lambda^2",
          [F_st.subs(x, z - lam), lam ** 2 / 2 + lam * (z - lam), lam * z - lam ** 2 / 2, lam * (Abs(z) - lam / 2)],
          ["id", "id", "id"], [st_z[0]]),
    Chain("difference of two ReLUs", r"S_\lambda(z) = \max(0, z - \lambda) - \max(0, -z - \lambda)",
          [S_st, Max(0, z - lam) - Max(0, -z - lam), Max(0, z - lam) + Min(0, z + lam)], ["id", "id"], st_z),
    Chain("derivative of soft thresholding", r"\frac{d}{dz} S_\lambda(z) = \mathbb{1}[z > \lambda]",
          [Derivative(S_st, z), Heaviside(z - lam) + Heaviside(-z - lam), Heaviside(Abs(z) - lam)], ["id", "id"],
          st_z),
]

# ================================================================ 5. weibull_survival_handout.tex
h_w = k / lam * (t / lam) ** (k - 1)
S_w = exp(-(t / lam) ** k)


def _wb(g):
    return {k: R(g, 0.6, 3, avoid=(1,)), lam: R(g, 0.5, 3), t: R(g, 0.1, 4)}


wb = [Region("k, lambda, t > 0", _wb, {})]
wb_k1 = [Region("lambda > 0", lambda g: {lam: R(g, 0.5, 3)}, {})]

WEIBULL = [
    Chain("cumulative hazard", r"\Lambda(t) = \int_0^t h(s)\dd s",
          [Integral(h_w.subs(t, s), (s, 0, t)), Integral(h_w.subs(t, s), (s, 0, t)),
           Integral(k / lam * (s / lam) ** (k - 1), (s, 0, t)),
           br((s / lam) ** k, s, 0, t), (t / lam) ** k], ["def", "id", "id", "id"], wb),
    Chain("S(0) = 1", r"S(0) &= \exp\bigl(-\Lambda(0)\bigr)",
          [S_w.subs(t, 0), exp(-((t / lam) ** k).subs(t, 0)), exp(-(Integer(0) / lam) ** k), exp(0), Integer(1)],
          ["id", "id", "id", "id"], wb),
    Chain("S at infinity", r"\lim_{t\to\infty} S(t) &= \lim_{t\to\infty} \exp",
          [Limit(S_w, t, oo), Limit(exp(-(t / lam) ** k), t, oo), Integer(0)], ["id", "id"], wb),
    Chain("density f = -S' = hS", r"f(t) = -\frac{d}{dt}\,e^{-(t/\lambda)^{k}}",
          [-Derivative(S_w, t), -Derivative(exp(-(t / lam) ** k), t),
           k / lam * (t / lam) ** (k - 1) * exp(-(t / lam) ** k), h_w * S_w], ["id", "id", "id"], wb),
    Chain("mean by substitution", r"\mathbb{E}[T] &= \int_0^\infty e^{-(t/\lambda)^{k}}\dd t",
          [Integral(t * h_w * S_w, (t, 0, oo)), Integral(S_w, (t, 0, oo)),
           lam / k * Integral(u ** (1 / k - 1) * exp(-u), (u, 0, oo)), lam / k * gamma(1 / k), lam * gamma(1 + 1 / k)],
          ["id", "id", "id", "id"], wb),
    Chain("median check", r"S\bigl(\lambda(\ln 2)^{1/k}\bigr) = \exp",
          [S_w.subs(t, lam * log(2) ** (1 / k)), exp(-(log(2) ** (1 / k)) ** k), exp(-log(2)), Rational(1, 2)],
          ["id", "id", "id"], wb),
    Chain("t e^{-t/lambda} at infinity", r"\lim_{t\to\infty} t\,e^{-t/\lambda} =",
          [Limit(t * exp(-t / lam), t, oo), Limit(t / exp(t / lam), t, oo), Limit(1 / (exp(t / lam) / lam), t, oo),
           Limit(lam * exp(-t / lam), t, oo), Integer(0)], ["id", "id", "id", "id"], wb_k1),
]

# ================================================================ 6. exponential_moments_notebook.md
f_e = lam * exp(-lam * t)
ET = Integral(s * lam * exp(-lam * s), (s, 0, oo))     # E[T], with its own dummy variable


def _lam(g):
    return {lam: R(g, 0.3, 3, avoid=(1,)), t: R(g, 0.1, 4), s: R(g, 0.1, 4)}


ex = [Region("lambda, s, t > 0", _lam, {})]


def _mgf(g):
    lv = R(g, 0.3, 3, avoid=(1,))
    return {lam: lv, theta: R(g, -2, float(lv) - 0.2)}


EXPO = [
    Chain("density integrates to one", r"\int_0^\infty \lambda e^{-\lambda t}\,dt = \Bigl[-e^{-\lambda t}\Bigr]",
          [Integral(f_e, (t, 0, oo)), br(-exp(-lam * t), t, 0, oo), Integer(0) - (-1), Integer(1)],
          ["id", "id", "id"], ex),
    Chain("mean by parts", r"\mathbb{E}[T] &= \int_0^\infty t\,\lambda e^{-\lambda t}\,dt",
          [Integral(t * f_e, (t, 0, oo)), Integral(t * f_e, (t, 0, oo)),
           br(-t * exp(-lam * t), t, 0, oo) + Integral(exp(-lam * t), (t, 0, oo)),
           0 + br(-exp(-lam * t) / lam, t, 0, oo), 1 / lam], ["def", "id", "id", "id"], ex),
    Chain("boundary term by L'Hopital", r"\lim_{t \to \infty} t e^{-\lambda t} =",
          [Limit(t * exp(-lam * t), t, oo), Limit(t / exp(lam * t), t, oo), Limit(1 / (lam * exp(lam * t)), t, oo),
           Integer(0)], ["id", "id", "id"], ex),
    Chain("second moment", r"\mathbb{E}[T^2] = \int_0^\infty t^2",
          [Integral(t ** 2 * f_e, (t, 0, oo)), Integral(t ** 2 * f_e, (t, 0, oo)),
           br(-t ** 2 * exp(-lam * t), t, 0, oo) + 2 * Integral(t * exp(-lam * t), (t, 0, oo)),
           2 / lam * ET, 2 / lam ** 2], ["def", "id", "id", "id"], ex),
    Chain("variance", r"\operatorname{Var}(T) = \mathbb{E}[T^2]",
          [Integral((t - ET) ** 2 * f_e, (t, 0, oo)), Integral(t ** 2 * f_e, (t, 0, oo)) - ET ** 2,
           2 / lam ** 2 - 1 / lam ** 2, 1 / lam ** 2], ["id", "id", "id"], ex),
    Chain("survival function", r"P(T > t) = \int_t^\infty",
          [Integral(f_e.subs(t, s), (s, t, oo)), Integral(f_e.subs(t, s), (s, t, oo)),
           br(-exp(-lam * s), s, t, oo), exp(-lam * t)], ["def", "id", "id"], ex),
    Chain("memorylessness", r"P(T > s + t \mid T > s) =",
          [Integral(f_e.subs(t, v), (v, s + t, oo)) / Integral(f_e.subs(t, v), (v, s, oo)),
           Integral(f_e.subs(t, v), (v, s + t, oo)) / Integral(f_e.subs(t, v), (v, s, oo)),
           exp(-lam * (s + t)) / exp(-lam * s), exp(-lam * t)], ["def", "id", "id"], ex,
          note="the conditional probability is P(T > s + t) / P(T > s) because {T > s + t} is inside {T > s}"),
    Chain("moment generating function", r"\mathbb{E}\bigl[e^{\theta T}\bigr] =",
          [Integral(exp(theta * t) * f_e, (t, 0, oo)), Integral(lam * exp(-(lam - theta) * t), (t, 0, oo)),
           lam * br(-exp(-(lam - theta) * t) / (lam - theta), t, 0, oo), lam / (lam - theta)],
          ["id", "id", "id"], [Region("theta < lambda", _mgf, {theta: lam - q})]),
]

# ================================================================ 7. limits_at_infinity_cheatsheet.tex
none = [Region("no parameters", lambda g: {}, {})]
CHEAT = [
    Chain("x e^{-x}", r"\lim_{x\to\infty} x e^{-x} =",
          [Limit(x * exp(-x), x, oo), Limit(x / exp(x), x, oo), Limit(1 / exp(x), x, oo), Integer(0)],
          ["id"] * 3, none),
    Chain("x^2 e^{-x}", r"\lim_{x\to\infty} x^2 e^{-x} =",
          [Limit(x ** 2 * exp(-x), x, oo), Limit(2 * x / exp(x), x, oo), Limit(2 / exp(x), x, oo), Integer(0)],
          ["id"] * 3, none),
    Chain("ln x / x", r"\lim_{x\to\infty}\frac{\ln x}{x} =",
          [Limit(log(x) / x, x, oo), Limit((1 / x) / 1, x, oo), Integer(0)], ["id"] * 2, none),
    Chain("x ln x at 0+", r"\lim_{x\to0^+} x\ln x =",
          [Limit(x * log(x), x, 0, '+'), Limit(log(x) / (1 / x), x, 0, '+'), Limit((1 / x) / (-1 / x ** 2), x, 0, '+'),
           Limit(-x, x, 0, '+'), Integer(0)], ["id"] * 4, none),
    Chain("x ln(1 + 1/x)", r"\lim_{x\to\infty} x\ln\Bigl(1 + \frac{1}{x}\Bigr) =",
          [Limit(x * log(1 + 1 / x), x, oo), Limit(log(1 + uu) / uu, uu, 0, '+'), Limit(1 / (1 + uu), uu, 0, '+'),
           Integer(1) / (1 + Integer(0)), Integer(1)], ["id"] * 4, none),
    Chain("(1 + a/x)^x", r"\lim_{x\to\infty}\Bigl(1 + \frac{a}{x}\Bigr)^{x} =",
          [Limit((1 + ac / x) ** x, x, oo), exp(Limit(x * log(1 + ac / x), x, oo)), exp(ac)], ["id"] * 2,
          [Region("a != 0", lambda g: {ac: R(g, -3, 3, avoid=(0,))}, {})]),
    Chain("sigma at -infinity", r"\lim_{x\to-\infty}\sigma(x) =",
          [Limit(1 / (1 + exp(-x)), x, -oo), Limit(exp(x) / (1 + exp(x)), x, -oo), Integer(0) / (1 + Integer(0)),
           Integer(0)], ["id"] * 3, none),
    Chain("tanh at infinity", r"\lim_{x\to\infty}\tanh x =",
          [Limit(tanh(x), x, oo), Limit((1 - exp(-2 * x)) / (1 + exp(-2 * x)), x, oo), Integer(1)], ["id"] * 2, none),
    Chain("softplus / x", r"\lim_{x\to\infty}\frac{\ln(1 + e^{x})}{x} =",
          [Limit(log(1 + exp(x)) / x, x, oo), Limit(exp(x) / (1 + exp(x)), x, oo), Integer(1)], ["id"] * 2, none),
    Chain("improper integral as a limit", r"\int_0^\infty e^{-\lambda t}\,dt = \lim_{M\to\infty}",
          [Integral(exp(-lam * t), (t, 0, oo)), Limit((1 - exp(-lam * M)) / lam, M, oo), 1 / lam], ["id"] * 2,
          [Region("lambda > 0", lambda g: {lam: R(g, 0.3, 3, avoid=(1,))}, {})]),
    Chain("|h|/h from the right", r"\lim_{h\to0^+}\frac{|h| - |0|}{h} =",
          [Limit((Abs(h) - Abs(0)) / h, h, 0, '+'), Limit(h / h, h, 0, '+'), Integer(1)], ["id"] * 2, none),
    Chain("|h|/h from the left", r"\lim_{h\to0^-}\frac{|h| - |0|}{h} =",
          [Limit((Abs(h) - Abs(0)) / h, h, 0, '-'), Limit(-h / h, h, 0, '-'), Integer(-1)], ["id"] * 2, none),
    Chain("ReLU difference quotient from the right", r"\lim_{h\to0^+}\frac{\max(0, h) - \max(0, 0)}{h} = 1",
          [Limit((Max(0, h) - Max(0, 0)) / h, h, 0, '+'), Integer(1)], ["id"], none),
    Chain("ReLU difference quotient from the left", r"1 \neq 0 = \lim_{h\to0^-}",
          [Integer(0), Limit((Max(0, h) - Max(0, 0)) / h, h, 0, '-')], ["id"], none),
]

# ================================================================ 8. piecewise_hazard_solutions.md
h_pw = Piecewise((a, t < tau), (bb, True))
Lam_pw = Piecewise((a * t, t < tau), (a * tau + bb * (t - tau), True))
S_pw = Piecewise((exp(-a * t), t < tau), (exp(-a * tau) * exp(-bb * (t - tau)), True))
f_pw = -Derivative(S_pw, t)


def _hz(side):
    def f(g):
        tv = R(g, 0.3, 3)
        d = {a: R(g, 0.2, 3), bb: R(g, 0.2, 3), tau: tv, u: R(g, 0.1, 3)}
        while abs(float(d[a] - d[bb])) < 0.05:
            d[bb] = R(g, 0.2, 3)
        d[t] = tv * (R(g, 0.05, 0.95) if side == "before" else R(g, 1.05, 3))
        return d
    return f


hz = [Region("t < tau", _hz("before"), {tau: t + q}), Region("t > tau", _hz("after"), {t: tau + q})]
hz_any = [Region("a, b, tau > 0", _hz("after"), {})]

HAZARD = [
    Chain("cumulative hazard", r"\Lambda(t) = \int_0^t h(s)\,ds = \begin{cases}",
          [Integral(h_pw.subs(t, s), (s, 0, t)), Integral(h_pw.subs(t, s), (s, 0, t)), Lam_pw], ["def", "id"], hz),
    Chain("survival function", r"S(t) = e^{-\Lambda(t)} = \begin{cases}",
          [exp(-Lam_pw), exp(-Lam_pw), S_pw], ["def", "id"], hz),
    Chain("S(0) = 1", r"S(0) = e^{-\Lambda(0)} = e^{-a \cdot 0} = 1",
          [S_pw.subs(t, 0), exp(-Lam_pw.subs(t, 0)), exp(-a * 0), Integer(1)], ["id"] * 3, hz_any),
    Chain("continuity at tau", r"\lim_{t \to \tau^-} S(t) = e^{-a\tau}",
          [Limit(S_pw, t, tau, '-'), exp(-a * tau), exp(-a * tau) * exp(-bb * (tau - tau)), S_pw.subs(t, tau)],
          ["id"] * 3, hz_any),
    Chain("S at infinity", r"\lim_{t \to \infty} S(t) = e^{-a\tau} \lim_{t \to \infty}",
          [Limit(S_pw, t, oo), exp(-a * tau) * Limit(exp(-bb * (t - tau)), t, oo), exp(-a * tau) * 0, Integer(0)],
          ["id"] * 3, hz_any),
    Chain("density by cases", r"f(t) = -S'(t) &= \begin{cases}",
          [f_pw, f_pw, Piecewise((a * exp(-a * t), t < tau), (bb * exp(-a * tau - bb * (t - tau)), t > tau)),
           h_pw * S_pw], ["def", "id", "id"], hz),
    Chain("mean lifetime", r"\mathbb{E}[T] &= \int_0^\tau e^{-a t}\,dt",
          [Integral(t * f_pw, (t, 0, oo)),
           Integral(exp(-a * t), (t, 0, tau)) + exp(-a * tau) * Integral(exp(-bb * (t - tau)), (t, tau, oo)),
           br(-exp(-a * t) / a, t, 0, tau) + exp(-a * tau) * br(-exp(-bb * (t - tau)) / bb, t, tau, oo),
           (1 - exp(-a * tau)) / a + exp(-a * tau) * (0 - (-1 / bb)),
           (1 - exp(-a * tau)) / a + exp(-a * tau) / bb], ["id"] * 4, hz_any),
    Chain("residual life after burn-in", r"P(T > \tau + u \mid T > \tau) =",
          [S_pw.subs(t, tau + u) / S_pw.subs(t, tau), S_pw.subs(t, tau + u) / S_pw.subs(t, tau),
           exp(-a * tau) * exp(-bb * u) / exp(-a * tau), exp(-bb * u)], ["def", "id", "id"], hz_any,
          note="P(T > tau + u | T > tau) = S(tau + u)/S(tau) because {T > tau + u} is inside {T > tau}"),
]

# ================================================================ planted slips
# chain index and node index of the wrong expression, the line, the LaTeX before and after, the wrong SymPy node
DOCS = {
    "relu_activations_lecture.tex": dict(chains=RELU, planted=dict(
        chain=7, node=3, line=57, right=r"\log 1", wrong=r"\log 2", expr=log(2),
        what="wrong limit value: log(1 + e^{-x}) -> log 2 (e^{-x} taken to tend to 1 instead of 0)")),
    "hinge_loss_exam.tex": dict(chains=HINGE, planted=dict(
        chain=3, node=2, line=32, right=r"+ 1 - \frac{x^2}{\lambda}", wrong=r"+ 1 + \frac{x^2}{\lambda}",
        expr=x ** 2 / (2 * lam) + 1 + x ** 2 / lam,
        what="wrong sign: the hinge term 1 - y^2x^2/lambda simplified to 1 + x^2/lambda in J(w*)")),
    "huber_loss_blog.md": dict(chains=HUBER, planted=dict(
        chain=3, node=1, line=28, right=r"\delta\,\operatorname{sign}(r) & \text{if } |r| > \delta",
        wrong=r"\operatorname{sign}(r) & \text{if } |r| > \delta",
        expr=Piecewise((r, Abs(r) <= delta), (sign(r), True)),
        what="dropped factor: the outer case of L'_delta written sign(r) instead of delta sign(r)")),
    "soft_thresholding_forum.md": dict(chains=SOFT, planted=dict(
        chain=2, node=2, line=30, right=r"z + \lambda & \text{if } z < -\lambda",
        wrong=r"z - \lambda & \text{if } z < -\lambda",
        expr=Piecewise((z - lam, z > lam), (0, Abs(z) <= lam), (z - lam, z < -lam)),
        what="wrong case value: the case z < -lambda of S_lambda written z - lambda instead of z + lambda")),
    "weibull_survival_handout.tex": dict(chains=WEIBULL, planted=dict(
        chain=3, node=2, line=25, right=r"= \frac{k}{\lambda}\Bigl(\frac{t}{\lambda}\Bigr)^{k-1} e^",
        wrong=r"= \frac{k}{\lambda}\Bigl(\frac{t}{\lambda}\Bigr)^{k} e^",
        expr=k / lam * (t / lam) ** k * exp(-(t / lam) ** k),
        what="wrong exponent: (t/lambda)^{k} instead of (t/lambda)^{k-1} in the Weibull density")),
    "exponential_moments_notebook.md": dict(chains=EXPO, planted=dict(
        chain=0, node=1, line=9, right=r"\Bigl[-e^{-\lambda t}\Bigr]_0^\infty",
        wrong=r"\Bigl[-\lambda e^{-\lambda t}\Bigr]_0^\infty",
        expr=br(-lam * exp(-lam * t), t, 0, oo),
        what="wrong factor: the antiderivative of lambda e^{-lambda t} written -lambda e^{-lambda t} (lambda kept)")),
    "limits_at_infinity_cheatsheet.tex": dict(chains=CHEAT, planted=dict(
        chain=4, node=3, line=19, right=r"\frac{1}{1 + 0}", wrong=r"\frac{1}{1 + 1}", expr=Rational(1, 2),
        what="off-by-one limit value: u -> 0 evaluated as u = 1 in 1/(1 + u)")),
    "piecewise_hazard_solutions.md": dict(chains=HAZARD, planted=dict(
        chain=5, node=2, line=37, right=r"b\, e^{-a\tau - b(t - \tau)}, & t > \tau",
        wrong=r"a\, e^{-a\tau - b(t - \tau)}, & t > \tau",
        expr=Piecewise((a * exp(-a * t), t < tau), (a * exp(-a * tau - bb * (t - tau)), t > tau)),
        what="wrong case value: the density after tau written with the old hazard a instead of b")),
}

ORDER = ["relu_activations_lecture.tex", "hinge_loss_exam.tex", "huber_loss_blog.md", "soft_thresholding_forum.md",
         "weibull_survival_handout.tex", "exponential_moments_notebook.md", "limits_at_infinity_cheatsheet.tex",
         "piecewise_hazard_solutions.md"]
