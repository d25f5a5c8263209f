"""Hand encodings of the corpus_ml14 documents of families 4-6 (two-link planar arm kinematics;
information theory of binary sources and channels; utility maximisation and cost minimisation with
Lagrange multipliers).

Same conventions as encodings_a.py: every display is a chain of I(anchor, fn) items, definitions are
marked "def". Kinematics: the forward map is written from the joint angles, Jacobian entries are
sympy.diff of it, determinants are Matrix.det of the Jacobian, and time derivatives are sympy.diff in
t of the forward map composed with joint trajectories theta_i(t) = a_i + b_i t + c_i t^2 with random
coefficients (so the chain rule itself is checked, not assumed). Information theory: entropies, mutual
information and divergences are written from their definitions as sums over the outcomes (log base 2 as
log(.)/log(2)); derivatives are sympy.diff; capacities as the value at the maximiser found by
sympy.solve. Economics: demands and multipliers are sympy.solve of the first-order conditions of the
Lagrangian; the indirect utility and minimal cost are the objective at that solution; links that hold
only at the optimum are checked in the context that imposes it.
"""
import sympy as sp

from framework import Chain, Doc, with_plant  # noqa: F401
from helpers import I, R, P, rational, vec  # noqa: F401

DEF = "def"
half = sp.Rational(1, 2)
exp, log, sqrt, pi, oo, E = sp.exp, sp.log, sp.sqrt, sp.pi, sp.oo, sp.E
sin, cos = sp.sin, sp.cos


def Q(a, b=1):
    return sp.Rational(a, b)


def _fn(v):
    if callable(v):
        return v
    v = sp.sympify(v)
    return lambda c: v


def chain(label, items, kinds=None, ctxs=None, where=None):
    return Chain(label, [I(a, _fn(v)) for a, v in items], kinds, ctxs, where)


# ===========================================================================
# family 4: two-link planar arm
def arm_symbols():
    th1, th2 = R("theta_1"), R("theta_2")
    l1, l2 = P("l_1"), P("l_2")
    t = P("t", 0.3, 2.0)
    co = [R("a_%d" % i, -1.5, 1.5) for i in (1, 2)] + [R("b_%d" % i, -1.5, 1.5) for i in (1, 2)] + [R("c_%d" % i, -1.5, 1.5) for i in (1, 2)]
    T1 = co[0] + co[2] * t + co[4] * t ** 2  # joint trajectories
    T2 = co[1] + co[3] * t + co[5] * t ** 2
    return th1, th2, l1, l2, t, T1, T2


def fk(a1, a2, l1, l2):
    return l1 * cos(a1) + l2 * cos(a1 + a2), l1 * sin(a1) + l2 * sin(a1 + a2)


def two_link_arm_slides():
    th1, th2, l1, l2, t, T1, T2 = arm_symbols()
    X, Y = fk(th1, th2, l1, l2)
    c1, s1, c12, s12 = cos(th1), sin(th1), cos(th1 + th2), sin(th1 + th2)
    Jm = sp.Matrix([[sp.diff(X, th1), sp.diff(X, th2)], [sp.diff(Y, th1), sp.diff(Y, th2)]])
    Xt, Yt = fk(T1, T2, l1, l2)
    tau = {th1: T1, th2: T2}
    d1, d2 = sp.diff(T1, t), sp.diff(T2, t)
    ch = []
    ch.append(chain("x", [("x", X), (r"l_1\cos\theta_1 + l_2\cos(\theta_1 + \theta_2)", l1 * cos(th1) + l2 * cos(th1 + th2)),
                          (r"l_1c_1 + l_2c_{12}", l1 * c1 + l2 * c12)], [DEF, "id"]))
    ch.append(chain("y", [("y", Y), (r"l_1\sin\theta_1 + l_2\sin(\theta_1 + \theta_2)", l1 * sin(th1) + l2 * sin(th1 + th2)),
                          (r"l_1s_1 + l_2s_{12}", l1 * s1 + l2 * s12)], [DEF, "id"]))
    ch.append(chain("reach", [(r"x^2 + y^2", X ** 2 + Y ** 2), (r"l_1^2 + l_2^2 + 2l_1l_2(c_1c_{12} + s_1s_{12})", l1 ** 2 + l2 ** 2 + 2 * l1 * l2 * (c1 * c12 + s1 * s12)),
                              (r"l_1^2 + l_2^2 + 2l_1l_2\cos\theta_2", l1 ** 2 + l2 ** 2 + 2 * l1 * l2 * cos(th2))]))
    ch.append(chain("dx1", [(r"\pdd{x}{\theta_1}", sp.diff(X, th1)), (r"-l_1s_1 - l_2s_{12}", -l1 * s1 - l2 * s12), (r"-y", -Y)]))
    ch.append(chain("dx2", [(r"\pdd{x}{\theta_2}", sp.diff(X, th2)), (r"-l_2s_{12}", -l2 * s12)]))
    ch.append(chain("dy1", [(r"\pdd{y}{\theta_1}", sp.diff(Y, th1)), (r"l_1c_1 + l_2c_{12}", l1 * c1 + l2 * c12), ("x", X)]))
    ch.append(chain("dy2", [(r"\pdd{y}{\theta_2}", sp.diff(Y, th2)), (r"l_2c_{12}", l2 * c12)]))
    ch.append(chain("det", [
        (r"\det J", Jm.det()),
        (r"\pdd{x}{\theta_1}\pdd{y}{\theta_2} - \pdd{x}{\theta_2}\pdd{y}{\theta_1}", sp.diff(X, th1) * sp.diff(Y, th2) - sp.diff(X, th2) * sp.diff(Y, th1)),
        (r"-(l_1s_1 + l_2s_{12})\,l_2c_{12} + l_2s_{12}(l_1c_1 + l_2c_{12})", -(l1 * s1 + l2 * s12) * l2 * c12 + l2 * s12 * (l1 * c1 + l2 * c12)),
        (r"l_1l_2(s_{12}c_1 - s_1c_{12})", l1 * l2 * (s12 * c1 - s1 * c12)),
        (r"l_1l_2\sin\theta_2", l1 * l2 * sin(th2))]))

    def at_t(e):
        return e.subs(tau)

    ch.append(chain("xdot", [
        (r"\dot x", sp.diff(Xt, t)),
        (r"\pdd{x}{\theta_1}\thd1 + \pdd{x}{\theta_2}\thd2", at_t(sp.diff(X, th1)) * d1 + at_t(sp.diff(X, th2)) * d2),
        (r"-(l_1s_1 + l_2s_{12})\thd1 - l_2s_{12}\thd2", at_t(-(l1 * s1 + l2 * s12)) * d1 - at_t(l2 * s12) * d2),
        (r"-l_1s_1\thd1 - l_2s_{12}(\thd1 + \thd2)", at_t(-l1 * s1) * d1 - at_t(l2 * s12) * (d1 + d2))]))
    ch.append(chain("ydot", [(r"\dot y", sp.diff(Yt, t)), (r"l_1c_1\thd1 + l_2c_{12}(\thd1 + \thd2)", at_t(l1 * c1) * d1 + at_t(l2 * c12) * (d1 + d2))]))
    ch.append(chain("speed2", [(r"\dot x^2 + \dot y^2", sp.diff(Xt, t) ** 2 + sp.diff(Yt, t) ** 2),
                               (r"l_1^2\thd1^2 + l_2^2(\thd1 + \thd2)^2 + 2l_1l_2\cos\theta_2\,\thd1(\thd1 + \thd2)",
                                l1 ** 2 * d1 ** 2 + l2 ** 2 * (d1 + d2) ** 2 + 2 * l1 * l2 * cos(T2) * d1 * (d1 + d2))]))
    # worked configuration
    cfg = {th1: pi / 4, th2: pi / 2, l1: 1, l2: 1}
    r2 = sqrt(2) / 2
    ch.append(chain("x_cfg", [("x", X.subs(cfg)), (r"\frac{\sqrt2}{2} - \frac{\sqrt2}{2}", r2 - r2), ("0", 0)]))
    ch.append(chain("y_cfg", [("y", Y.subs(cfg)), (r"\frac{\sqrt2}{2} + \frac{\sqrt2}{2}", r2 + r2), (r"\sqrt2", sqrt(2))]))
    ch.append(chain("J_cfg", [("J", Jm.subs(cfg)),
                              (r"\begin{pmatrix} -\sqrt2 & -\frac{\sqrt2}{2} \\ 0 & -\frac{\sqrt2}{2} \end{pmatrix}", sp.Matrix([[-sqrt(2), -r2], [0, -r2]]))]))
    ch.append(chain("det_cfg", [(r"\det J", Jm.subs(cfg).det()), (r"\sqrt2\cdot\frac{\sqrt2}{2} - 0", sqrt(2) * r2 - 0), ("1", 1),
                                (r"l_1l_2\sin\frac{\pi}{2}", 1 * 1 * sin(pi / 2))]))
    s = sp.Symbol("_s", real=True)
    Xs, Ys = fk(pi / 4 + s, pi / 2 - s, 1, 1)  # joint rates (1, -1) through the configuration at s = 0
    vx, vy = sp.diff(Xs, s).subs(s, 0), sp.diff(Ys, s).subs(s, 0)
    ch.append(chain("vx", [(r"\dot x", vx), (r"-\frac{\sqrt2}{2}\cdot 1 - \frac{\sqrt2}{2}(1 - 1)", -r2 * 1 - r2 * (1 - 1)), (r"-\frac{\sqrt2}{2}", -r2)]))
    ch.append(chain("vy", [(r"\dot y", vy), (r"\frac{\sqrt2}{2}\cdot 1 - \frac{\sqrt2}{2}(1 - 1)", r2 * 1 - r2 * (1 - 1)), (r"\frac{\sqrt2}{2}", r2)]))
    ch.append(chain("speed", [(r"\sqrt{\dot x^2 + \dot y^2}", sqrt(vx ** 2 + vy ** 2)), (r"\sqrt{\tfrac12 + \tfrac12}", sqrt(half + half)), ("1", 1)]))
    doc = Doc("two_link_arm_slides.tex", ch)
    return with_plant(doc, r"&= l_1l_2(s_{12}c_1 - s_1c_{12})\\", r"&= l_1l_2(s_{12}c_1 - s_2c_{12})\\", "det", 3,
                      I(r"l_1l_2(s_{12}c_1 - s_2c_{12})", _fn(l1 * l2 * (s12 * c1 - sin(th2) * c12))),
                      "wrong index: s_2 = sin(theta_2) for s_1 = sin(theta_1) in l_1 l_2 (s_12 c_1 - s_1 c_12) of the determinant")



def planar_arm_cheatsheet():
    th1, th2, l1, l2, t, T1, T2 = arm_symbols()
    X, Y = fk(th1, th2, l1, l2)
    Jm = sp.Matrix([[sp.diff(X, th1), sp.diff(X, th2)], [sp.diff(Y, th1), sp.diff(Y, th2)]])
    Xt, Yt = fk(T1, T2, l1, l2)
    tau = {th1: T1, th2: T2}
    d1, d2 = sp.diff(T1, t), sp.diff(T2, t)
    xd, yd = sp.diff(Xt, t), sp.diff(Yt, t)
    c12, s12 = cos(th1 + th2), sin(th1 + th2)
    ch = []
    ch.append(chain("p", [(r"\mathbf{p}(\theta)", sp.Matrix([X, Y])), (r"\begin{pmatrix} x \\ y \end{pmatrix}", sp.Matrix([X, Y])),
                          (r"\begin{pmatrix} l_1\cos\theta_1 + l_2\cos(\theta_1 + \theta_2) \\ l_1\sin\theta_1 + l_2\sin(\theta_1 + \theta_2) \end{pmatrix}",
                           sp.Matrix([l1 * cos(th1) + l2 * c12, l1 * sin(th1) + l2 * s12]))], [DEF, DEF]))
    ch.append(chain("reach", [
        (r"x^2 + y^2", X ** 2 + Y ** 2),
        (r"l_1^2 + l_2^2 + 2l_1l_2\bigl(\cos\theta_1\cos(\theta_1 + \theta_2) + \sin\theta_1\sin(\theta_1 + \theta_2)\bigr)",
         l1 ** 2 + l2 ** 2 + 2 * l1 * l2 * (cos(th1) * c12 + sin(th1) * s12)),
        (r"l_1^2 + l_2^2 + 2l_1l_2\cos\theta_2", l1 ** 2 + l2 ** 2 + 2 * l1 * l2 * cos(th2))]))
    ch.append(chain("J", [
        (r"J(\theta)", Jm), (r"\frac{\partial\mathbf{p}}{\partial\theta}", sp.Matrix([X, Y]).jacobian([th1, th2])),
        (r"\begin{pmatrix} -l_1\sin\theta_1 - l_2\sin(\theta_1 + \theta_2) & -l_2\sin(\theta_1 + \theta_2) \\ l_1\cos\theta_1 + l_2\cos(\theta_1 + \theta_2) & l_2\cos(\theta_1 + \theta_2) \end{pmatrix}",
         sp.Matrix([[-l1 * sin(th1) - l2 * s12, -l2 * s12], [l1 * cos(th1) + l2 * c12, l2 * c12]])),
        (r"\begin{pmatrix} -y & -l_2\sin(\theta_1 + \theta_2) \\ x & l_2\cos(\theta_1 + \theta_2) \end{pmatrix}", sp.Matrix([[-Y, -l2 * s12], [X, l2 * c12]]))],
        [DEF, "id", "id"]))
    ch.append(chain("det", [
        (r"\det J", Jm.det()), (r"-y\,l_2\cos(\theta_1 + \theta_2) + x\,l_2\sin(\theta_1 + \theta_2)", -Y * l2 * c12 + X * l2 * s12),
        (r"l_1l_2\bigl(\cos\theta_1\sin(\theta_1 + \theta_2) - \sin\theta_1\cos(\theta_1 + \theta_2)\bigr)", l1 * l2 * (cos(th1) * s12 - sin(th1) * c12)),
        (r"l_1l_2\sin\theta_2", l1 * l2 * sin(th2))]))
    ch.append(chain("Jinv", [
        (r"J^{-1}", Jm.inv()),
        (r"\frac{1}{l_1l_2\sin\theta_2}\begin{pmatrix} l_2\cos(\theta_1 + \theta_2) & l_2\sin(\theta_1 + \theta_2) \\ -x & -y \end{pmatrix}",
         1 / (l1 * l2 * sin(th2)) * sp.Matrix([[l2 * c12, l2 * s12], [-X, -Y]]))]))

    def at_t(e):
        return e.subs(tau)

    ch.append(chain("xdot", [
        (r"\dot x", xd), (r"\frac{d}{dt}\bigl(l_1\cos\theta_1 + l_2\cos(\theta_1 + \theta_2)\bigr)", sp.diff(l1 * cos(T1) + l2 * cos(T1 + T2), t)),
        (r"-l_1\sin\theta_1\,\dot\theta_1 - l_2\sin(\theta_1 + \theta_2)(\dot\theta_1 + \dot\theta_2)", -l1 * sin(T1) * d1 - l2 * sin(T1 + T2) * (d1 + d2)),
        (r"-y\,\dot\theta_1 - l_2\sin(\theta_1 + \theta_2)\,\dot\theta_2", -at_t(Y) * d1 - l2 * sin(T1 + T2) * d2)]))
    ch.append(chain("ydot", [(r"\dot y", yd), (r"x\,\dot\theta_1 + l_2\cos(\theta_1 + \theta_2)\,\dot\theta_2", at_t(X) * d1 + l2 * cos(T1 + T2) * d2)]))
    ch.append(chain("IK", [(r"\cos\theta_2", cos(th2)), (r"\frac{x^2 + y^2 - l_1^2 - l_2^2}{2l_1l_2}", (X ** 2 + Y ** 2 - l1 ** 2 - l2 ** 2) / (2 * l1 * l2))]))
    ch.append(chain("invvel", [(r"\begin{pmatrix} \dot\theta_1 \\ \dot\theta_2 \end{pmatrix}", sp.Matrix([d1, d2])),
                               (r"J^{-1}\begin{pmatrix} \dot x \\ \dot y \end{pmatrix}", at_t(Jm.inv()) * sp.Matrix([xd, yd]))]))
    ch.append(chain("thd2", [(r"\dot\theta_2", d2), (r"\frac{-x\,\dot x - y\,\dot y}{l_1l_2\sin\theta_2}", (-at_t(X) * xd - at_t(Y) * yd) / (l1 * l2 * sin(T2)))]))
    # worked example
    cfg = {th1: pi / 4, th2: pi / 2, l1: 2, l2: 1}
    r2 = sqrt(2) / 2
    Xc, Yc = X.subs(cfg), Y.subs(cfg)
    ch.append(chain("x_cfg", [("x", Xc), (r"2\cdot\frac{\sqrt2}{2} + 1\cdot\Bigl(-\frac{\sqrt2}{2}\Bigr)", 2 * r2 + 1 * (-r2)), (r"\frac{\sqrt2}{2}", r2)]))
    ch.append(chain("y_cfg", [("y", Yc), (r"2\cdot\frac{\sqrt2}{2} + 1\cdot\frac{\sqrt2}{2}", 2 * r2 + 1 * r2), (r"\frac{3\sqrt2}{2}", 3 * sqrt(2) / 2)]))
    ch.append(chain("J_cfg", [("J", Jm.subs(cfg)),
                              (r"\begin{pmatrix} -\frac{3\sqrt2}{2} & -\frac{\sqrt2}{2} \\ \frac{\sqrt2}{2} & -\frac{\sqrt2}{2} \end{pmatrix}",
                               sp.Matrix([[-3 * sqrt(2) / 2, -r2], [r2, -r2]]))]))
    ch.append(chain("det_cfg", [
        (r"\det J", Jm.subs(cfg).det()),
        (r"\Bigl(-\frac{3\sqrt2}{2}\Bigr)\Bigl(-\frac{\sqrt2}{2}\Bigr) - \Bigl(-\frac{\sqrt2}{2}\Bigr)\frac{\sqrt2}{2}", (-3 * sqrt(2) / 2) * (-r2) - (-r2) * r2),
        (r"\frac32 + \frac12", Q(3, 2) + half), ("2", 2), (r"l_1l_2\sin\frac{\pi}{2}", 2 * 1 * sin(pi / 2))]))
    ch.append(chain("IK_cfg", [
        (r"\frac{x^2 + y^2 - l_1^2 - l_2^2}{2l_1l_2}", ((X ** 2 + Y ** 2 - l1 ** 2 - l2 ** 2) / (2 * l1 * l2)).subs(cfg)),
        (r"\frac{\frac12 + \frac92 - 4 - 1}{4}", (half + Q(9, 2) - 4 - 1) / 4), ("0", 0), (r"\cos\frac{\pi}{2}", cos(pi / 2))]))
    s = sp.Symbol("_s", real=True)
    Xs, Ys = fk(pi / 4 + half * s, pi / 2 + s, 2, 1)  # joint rates (0.5, 1) through the configuration at s = 0
    vx, vy = sp.diff(Xs, s).subs(s, 0), sp.diff(Ys, s).subs(s, 0)
    ch.append(chain("vx", [(r"\dot x", vx), (r"-\frac{3\sqrt2}{2}\cdot 0.5 - \frac{\sqrt2}{2}\cdot 1", -3 * sqrt(2) / 2 * half - r2 * 1),
                           (r"-\frac{5\sqrt2}{4}", -5 * sqrt(2) / 4)]))
    ch.append(chain("vy", [(r"\dot y", vy), (r"\frac{\sqrt2}{2}\cdot 0.5 - \frac{\sqrt2}{2}\cdot 1", r2 * half - r2 * 1), (r"-\frac{\sqrt2}{4}", -sqrt(2) / 4)]))
    ch.append(chain("speed", [(r"\|\mathbf{v}\|", sqrt(vx ** 2 + vy ** 2)), (r"\sqrt{\frac{50}{16} + \frac{2}{16}}", sqrt(Q(50, 16) + Q(2, 16))),
                              (r"\frac{\sqrt{52}}{4}", sqrt(52) / 4), (r"\frac{\sqrt{13}}{2}", sqrt(13) / 2)]))
    ch.append(chain("back", [(r"\dot\theta_2", sp.diff(pi / 2 + s, s)), (r"\frac{-x\,\dot x - y\,\dot y}{l_1l_2\sin\theta_2}", (-Xc * vx - Yc * vy) / (2 * 1 * sin(pi / 2))),
                             (r"\frac{\frac54 + \frac34}{2}", (Q(5, 4) + Q(3, 4)) / 2), ("1", 1)]))
    doc = Doc("planar_arm_cheatsheet.md", ch)
    return with_plant(doc, r"\dot x = -\frac{3\sqrt2}{2}\cdot 0.5 - \frac{\sqrt2}{2}\cdot 1 =", r"\dot x = -\frac{3\sqrt2}{2}\cdot 0.5 =", "vx", 1,
                      I(r"-\frac{3\sqrt2}{2}\cdot 0.5", _fn(-3 * sqrt(2) / 2 * half)),
                      "dropped term: the elbow-rate term -(sqrt2/2) * 1 = -l_2 sin(theta_1 + theta_2) * thetadot_2 left out of xdot in the worked example")



# ===========================================================================
# family 5: information theory
def Hb(x):
    """Binary entropy in bits, from the definition."""
    return -(x * log(x, 2) + (1 - x) * log(1 - x, 2))


def KLb(a, b):
    """KL divergence of Bern(b) from Bern(a) in nats, as a sum over the two outcomes."""
    return sum(pa * log(pa / pb) for pa, pb in ((a, b), (1 - a, 1 - b)))


def CEb(a, b):
    """Cross-entropy of Bern(b) relative to Bern(a) in nats, as a sum over the two outcomes."""
    return sum(-pa * log(pb) for pa, pb in ((a, b), (1 - a, 1 - b)))


def bsc(p, e):
    """Joint law of (X, Y) for a BSC with crossover e and input Bern(p): {(x, y): prob}."""
    px = {0: 1 - p, 1: p}
    return {(x, y): px[x] * (e if x != y else 1 - e) for x in (0, 1) for y in (0, 1)}


def mutual_info_bits(p, e):
    J = bsc(p, e)
    PX = {x: J[(x, 0)] + J[(x, 1)] for x in (0, 1)}
    PY = {y: J[(0, y)] + J[(1, y)] for y in (0, 1)}
    return sum(J[(x, y)] * log(J[(x, y)] / (PX[x] * PY[y]), 2) for x in (0, 1) for y in (0, 1))


def entropy_channel_solutions():
    p, r = P("p", 0.05, 0.95), P("r", 0.05, 0.95)
    e = P("epsilon", 0.05, 0.45)
    J = bsc(p, e)
    q = J[(0, 1)] + J[(1, 1)]
    Ixy = mutual_info_bits(p, e)
    ch = []
    ch.append(chain("H", [(r"H(p)", Hb(p)), (r"-p\log_2 p - (1-p)\log_2(1-p)", -p * log(p, 2) - (1 - p) * log(1 - p, 2)),
                          (r"-\frac{p\ln p + (1-p)\ln(1-p)}{\ln 2}", -(p * log(p) + (1 - p) * log(1 - p)) / log(2))], [DEF, "id"]))
    ch.append(chain("Hp", [(r"H'(p)", sp.diff(Hb(p), p)), (r"-\frac{1}{\ln 2}\bigl(\ln p + 1 - \ln(1-p) - 1\bigr)", -1 / log(2) * (log(p) + 1 - log(1 - p) - 1)),
                           (r"\frac{1}{\ln 2}\ln\frac{1-p}{p}", 1 / log(2) * log((1 - p) / p)), (r"\log_2\frac{1-p}{p}", log((1 - p) / p, 2))]))
    ch.append(chain("Hpp", [(r"H''(p)", sp.diff(Hb(p), p, 2)), (r"-\frac{1}{\ln 2}\Bigl(\frac1p + \frac{1}{1-p}\Bigr)", -1 / log(2) * (1 / p + 1 / (1 - p))),
                            (r"-\frac{1}{p(1-p)\ln 2}", -1 / (p * (1 - p) * log(2)))]))
    ch.append(chain("Hhalf", [(r"H\bigl(\half\bigr)", Hb(half)), (r"-2\cdot\half\log_2\half", -2 * half * log(half, 2)), ("1", 1)]))
    ch.append(chain("q", [("q", q), (r"p(1-\eps) + (1-p)\eps", p * (1 - e) + (1 - p) * e), (r"p + \eps - 2p\eps", p + e - 2 * p * e)], [DEF, "id"]))
    HYX = (1 - p) * Hb(J[(0, 1)] / (1 - p)) + p * Hb(J[(1, 1)] / p)  # sum over x of P(x) H(Y | X = x)
    ch.append(chain("HYX", [(r"H(Y\mid X)", HYX), (r"p\,H(\eps) + (1-p)\,H(\eps)", p * Hb(e) + (1 - p) * Hb(e)), (r"H(\eps)", Hb(e))]))
    ch.append(chain("I", [(r"I(X;Y)", Ixy), (r"H(Y) - H(Y\mid X)", Hb(q) - HYX), (r"H(q) - H(\eps)", Hb(q) - Hb(e))]))
    u = sp.Symbol("_u", positive=True)
    Hp_q = sp.diff(Hb(u), u).subs(u, q)
    ch.append(chain("dI", [(r"\frac{dI}{dp}", sp.diff(Ixy, p)), (r"H'(q)\,\frac{dq}{dp}", Hp_q * sp.diff(q, p)),
                           (r"(1 - 2\eps)\log_2\frac{1-q}{q}", (1 - 2 * e) * log((1 - q) / q, 2))]))
    ch.append(chain("qhalf", [(r"q - \half", q - half), (r"p + \eps - 2p\eps - \half", p + e - 2 * p * e - half),
                              (r"\bigl(p - \half\bigr)(1 - 2\eps)", (p - half) * (1 - 2 * e))]))
    pstar = sp.solve(sp.Eq(q, half), p)
    assert pstar == [half], pstar
    ch.append(chain("C", [("C", Ixy.subs(p, pstar[0])), (r"I(X;Y)\big|_{p = 1/2}", Ixy.subs(p, half)), (r"H\bigl(\half\bigr) - H(\eps)", Hb(half) - Hb(e)),
                          (r"1 - H(\eps)", 1 - Hb(e))], [DEF, "id", "id"]))
    qq = Q(1, 4)
    ch.append(chain("H14", [(r"H\bigl(\tfrac14\bigr)", Hb(qq)), (r"-\tfrac14\log_2\tfrac14 - \tfrac34\log_2\tfrac34", -qq * log(qq, 2) - Q(3, 4) * log(Q(3, 4), 2)),
                            (r"\half + \tfrac34\bigl(2 - \log_2 3\bigr)", half + Q(3, 4) * (2 - log(3, 2))), (r"2 - \tfrac34\log_2 3", 2 - Q(3, 4) * log(3, 2))]))
    ch.append(chain("C14", [("C", mutual_info_bits(half, qq)), (r"1 - H\bigl(\tfrac14\bigr)", 1 - Hb(qq)), (r"\tfrac34\log_2 3 - 1", Q(3, 4) * log(3, 2) - 1)]))
    D = KLb(p, r)
    ch.append(chain("KL", [(r"\KL{p}{r}", D), (r"p\ln\frac{p}{r} + (1-p)\ln\frac{1-p}{1-r}", p * log(p / r) + (1 - p) * log((1 - p) / (1 - r)))], DEF))
    ch.append(chain("dDp", [(r"\frac{\partial D}{\partial p}", sp.diff(D, p)),
                            (r"\ln\frac{p}{r} + 1 - \ln\frac{1-p}{1-r} - 1", log(p / r) + 1 - log((1 - p) / (1 - r)) - 1),
                            (r"\ln\frac{p}{r} - \ln\frac{1-p}{1-r}", log(p / r) - log((1 - p) / (1 - r)))]))
    ch.append(chain("d2Dp", [(r"\frac{\partial^2 D}{\partial p^2}", sp.diff(D, p, 2)), (r"\frac1p + \frac{1}{1-p}", 1 / p + 1 / (1 - p)),
                             (r"\frac{1}{p(1-p)}", 1 / (p * (1 - p)))]))
    ch.append(chain("d2Dr", [(r"\frac{\partial^2 D}{\partial r^2}\Big|_{r = p}", sp.diff(D, r, 2).subs(r, p)),
                             (r"\frac{p}{p^2} + \frac{1-p}{(1-p)^2}", p / p ** 2 + (1 - p) / (1 - p) ** 2), (r"\frac{1}{p(1-p)}", 1 / (p * (1 - p)))]))
    ch.append(chain("CE", [(r"H(p, r)", CEb(p, r)), (r"-p\ln r - (1-p)\ln(1-r)", -p * log(r) - (1 - p) * log(1 - r)),
                           (r"\bigl[-p\ln p - (1-p)\ln(1-p)\bigr] + \Bigl[p\ln\frac{p}{r} + (1-p)\ln\frac{1-p}{1-r}\Bigr]",
                            (-p * log(p) - (1 - p) * log(1 - p)) + (p * log(p / r) + (1 - p) * log((1 - p) / (1 - r)))),
                           (r"H(p)\ln 2 + \KL{p}{r}", Hb(p) * log(2) + D)], [DEF, "id", "id"]))
    ch.append(chain("Dnum", [(r"\KL{\half}{\tfrac14}", KLb(half, qq)), (r"\half\ln 2 + \half\ln\tfrac23", half * log(2) + half * log(Q(2, 3))),
                             (r"\ln 2 - \half\ln 3", log(2) - half * log(3))]))
    ch.append(chain("CEnum", [(r"H\bigl(\half, \tfrac14\bigr)", CEb(half, qq)), (r"H\bigl(\half\bigr)\ln 2 + \KL{\half}{\tfrac14}", Hb(half) * log(2) + KLb(half, qq)),
                              (r"2\ln 2 - \half\ln 3", 2 * log(2) - half * log(3))]))
    doc = Doc("entropy_channel_solutions.tex", ch)
    return with_plant(doc, r"= H\bigl(\half\bigr)\ln 2 + \KL{\half}{\tfrac14} =", r"= H\bigl(\half\bigr) + \KL{\half}{\tfrac14} =", "CEnum", 1,
                      I(r"H\bigl(\half\bigr) + \KL{\half}{\tfrac14}", _fn(Hb(half) + KLb(half, qq))),
                      "dropped factor: H(1/2) + D for H(1/2) ln 2 + D, the entropy left in bits inside a cross-entropy in nats")



def bits_nats_course_page():
    p, q = P("p", 0.05, 0.95), P("q", 0.05, 0.95)
    e = P("epsilon", 0.05, 0.45)
    J = bsc(p, e)
    st = J[(0, 1)] + J[(1, 1)]  # p * eps: probability that the output is 1
    Ixy = mutual_info_bits(p, e)
    HYX = (1 - p) * Hb(J[(0, 1)] / (1 - p)) + p * Hb(J[(1, 1)] / p)
    u = sp.Symbol("_u", positive=True)
    h1 = sp.diff(Hb(u), u)
    ch = []
    ch.append(chain("h", [(r"h(p)", Hb(p)), (r"-p\log_2 p - (1 - p)\log_2(1 - p)", -p * log(p, 2) - (1 - p) * log(1 - p, 2))], DEF))
    ch.append(chain("dnat", [(r"\frac{d}{dp}\bigl[-p\ln p - (1 - p)\ln(1 - p)\bigr]", sp.diff(-p * log(p) - (1 - p) * log(1 - p), p)),
                             (r"-\ln p - 1 + \ln(1 - p) + 1", -log(p) - 1 + log(1 - p) + 1), (r"\ln\frac{1 - p}{p}", log((1 - p) / p))]))
    ch.append(chain("hp", [(r"h'(p)", sp.diff(Hb(p), p)), (r"\frac{1}{\ln 2}\ln\frac{1 - p}{p}", log((1 - p) / p) / log(2)),
                           (r"\log_2\frac{1 - p}{p}", log((1 - p) / p, 2))]))
    ch.append(chain("hp_half", [(r"h'\bigl(\tfrac12\bigr)", h1.subs(u, half)), (r"\log_2 1", log(1, 2)), ("0", 0)]))
    ch.append(chain("h_half", [(r"h\bigl(\tfrac12\bigr)", Hb(half)), (r"\log_2 2", log(2, 2)), ("1", 1)]))
    ch.append(chain("star", [(r"p \star \epsilon", st), (r"p(1 - \epsilon) + (1 - p)\epsilon", p * (1 - e) + (1 - p) * e),
                             (r"\epsilon + p(1 - 2\epsilon)", e + p * (1 - 2 * e))], [DEF, "id"]))
    ch.append(chain("I", [(r"I(X;Y)", Ixy), (r"H(Y) - H(Y \mid X)", Hb(st) - HYX), (r"h(p \star \epsilon) - h(\epsilon)", Hb(st) - Hb(e))]))
    ch.append(chain("dI", [(r"\frac{\partial I}{\partial p}", sp.diff(Ixy, p)), (r"h'(p \star \epsilon)\,(1 - 2\epsilon)", h1.subs(u, st) * (1 - 2 * e)),
                           (r"(1 - 2\epsilon)\log_2\frac{1 - p \star \epsilon}{p \star \epsilon}", (1 - 2 * e) * log((1 - st) / st, 2))]))
    ch.append(chain("halfstar", [(r"\tfrac12 \star \epsilon", st.subs(p, half)), (r"\epsilon + \tfrac12(1 - 2\epsilon)", e + half * (1 - 2 * e)), (r"\tfrac12", half)]))
    pstar = sp.solve(sp.Eq(st, half), p)
    assert pstar == [half], pstar
    ch.append(chain("C", [(r"C(\epsilon)", Ixy.subs(p, pstar[0])), (r"h\bigl(\tfrac12\bigr) - h(\epsilon)", Hb(half) - Hb(e)), (r"1 - h(\epsilon)", 1 - Hb(e))],
                    [DEF, "id"]))
    e8 = Q(1, 8)
    ch.append(chain("h18", [(r"h\bigl(\tfrac18\bigr)", Hb(e8)), (r"\tfrac18\log_2 8 + \tfrac78\log_2\tfrac87", e8 * log(8, 2) + Q(7, 8) * log(Q(8, 7), 2)),
                            (r"\tfrac38 + \tfrac78\bigl(3 - \log_2 7\bigr)", Q(3, 8) + Q(7, 8) * (3 - log(7, 2))), (r"3 - \tfrac78\log_2 7", 3 - Q(7, 8) * log(7, 2))]))
    ch.append(chain("C18", [(r"C\bigl(\tfrac18\bigr)", mutual_info_bits(half, e8)), (r"1 - h\bigl(\tfrac18\bigr)", 1 - Hb(e8)),
                            (r"\tfrac78\log_2 7 - 2", Q(7, 8) * log(7, 2) - 2)]))
    D = KLb(p, q) / log(2)
    ch.append(chain("D", [(r"D(p\,\|\,q)", D), (r"p\log_2\frac{p}{q} + (1 - p)\log_2\frac{1 - p}{1 - q}", p * log(p / q, 2) + (1 - p) * log((1 - p) / (1 - q), 2))], DEF))
    ch.append(chain("dDq", [(r"\frac{\partial D}{\partial q}", sp.diff(D, q)), (r"\frac{1}{\ln 2}\Bigl(-\frac{p}{q} + \frac{1 - p}{1 - q}\Bigr)", (-p / q + (1 - p) / (1 - q)) / log(2)),
                            (r"\frac{q - p}{q(1 - q)\ln 2}", (q - p) / (q * (1 - q) * log(2)))]))
    ch.append(chain("d2Dq", [(r"\frac{\partial^2 D}{\partial q^2}", sp.diff(D, q, 2)),
                             (r"\frac{1}{\ln 2}\Bigl(\frac{p}{q^2} + \frac{1 - p}{(1 - q)^2}\Bigr)", (p / q ** 2 + (1 - p) / (1 - q) ** 2) / log(2))]))
    ch.append(chain("atp", [(r"\frac{1}{\ln 2}\Bigl(\frac{1}{p} + \frac{1}{1 - p}\Bigr)", sp.diff(D, q, 2).subs(q, p)),
                            (r"\frac{1}{p(1 - p)\ln 2}", 1 / (p * (1 - p) * log(2)))]))
    xs = sp.Symbol("_x", nonnegative=True)
    score2 = sp.diff(log(p ** xs * (1 - p) ** (1 - xs)), p) ** 2
    fisher = p * score2.subs(xs, 1) + (1 - p) * score2.subs(xs, 0)
    ch.append(chain("J", [(r"J(p)", fisher), (r"\mathbb{E}\Bigl[\Bigl(\frac{\partial}{\partial p}\ln p^X(1 - p)^{1 - X}\Bigr)^2\Bigr]", fisher),
                          (r"p\cdot\frac{1}{p^2} + (1 - p)\cdot\frac{1}{(1 - p)^2}", p / p ** 2 + (1 - p) / (1 - p) ** 2), (r"\frac{1}{p(1 - p)}", 1 / (p * (1 - p)))],
                    [DEF, "id", "id"]))
    ch.append(chain("CE", [(r"H(p, q)", CEb(p, q) / log(2)), (r"-p\log_2 q - (1 - p)\log_2(1 - q)", -p * log(q, 2) - (1 - p) * log(1 - q, 2)),
                           (r"h(p) + D(p\,\|\,q)", Hb(p) + D)], [DEF, "id"]))
    a, b = Q(1, 4), half
    ch.append(chain("CEnum", [(r"H\bigl(\tfrac14, \tfrac12\bigr)", CEb(a, b) / log(2)), (r"-\tfrac14\log_2\tfrac12 - \tfrac34\log_2\tfrac12", -a * log(b, 2) - Q(3, 4) * log(b, 2)),
                              (r"\tfrac14 + \tfrac34", a + Q(3, 4)), ("1", 1)]))
    ch.append(chain("Dnum", [(r"D\bigl(\tfrac14\,\big\|\,\tfrac12\bigr)", KLb(a, b) / log(2)), (r"\tfrac14\log_2\tfrac12 + \tfrac34\log_2\tfrac32", a * log(half, 2) + Q(3, 4) * log(Q(3, 2), 2)),
                             (r"\tfrac34\log_2 3 - 1", Q(3, 4) * log(3, 2) - 1)]))
    ch.append(chain("sum", [(r"h\bigl(\tfrac14\bigr) + D\bigl(\tfrac14\,\big\|\,\tfrac12\bigr)", Hb(a) + KLb(a, b) / log(2)),
                            (r"\bigl(2 - \tfrac34\log_2 3\bigr) + \bigl(\tfrac34\log_2 3 - 1\bigr)", (2 - Q(3, 4) * log(3, 2)) + (Q(3, 4) * log(3, 2) - 1)), ("1", 1)]))
    doc = Doc("bits_nats_course_page.md", ch)
    return with_plant(doc, r"\tfrac14\log_2\tfrac12 + \tfrac34\log_2\tfrac32 =", r"\tfrac14\log_2\tfrac12 + \tfrac34\log_2\tfrac38 =", "Dnum", 1,
                      I(r"\tfrac14\log_2\tfrac12 + \tfrac34\log_2\tfrac38", _fn(a * log(half, 2) + Q(3, 4) * log(Q(3, 8), 2))),
                      "wrong number: log_2(3/8) for log_2(3/2), the ratio (3/4)/(1/2) miscomputed in the numerical divergence")



# ===========================================================================
# family 6: Lagrange multipliers in economics
def cobb_douglas_optimum(a, px, py, m):
    """Demands from maximising a log x + (1 - a) log y along the budget line (one variable, sympy.solve),
    and the multiplier from the first-order condition in x."""
    xv = sp.Symbol("_xv", positive=True)
    yv = (m - px * xv) / py
    sol = sp.solve(sp.diff(a * log(xv) + (1 - a) * log(yv), xv), xv)
    assert len(sol) == 1
    xs = sol[0]
    ys = yv.subs(xv, xs)
    lam = a * xs ** (a - 1) * ys ** (1 - a) / px
    return xs, ys, lam


def quad_cost_optimum(k):
    """min x^2 + 2y^2 subject to x + y = k, from the linear first-order system of the Lagrangian."""
    xv, yv, mu = sp.symbols("_x2 _y2 _mu2", real=True)
    Lg = xv ** 2 + 2 * yv ** 2 - mu * (xv + yv - k)
    sol = sp.solve([sp.diff(Lg, xv), sp.diff(Lg, yv), sp.diff(Lg, mu)], [xv, yv, mu], dict=True)
    assert len(sol) == 1
    return sol[0][xv], sol[0][yv], sol[0][mu]


def lagrange_utility_handout():
    a = P("a_u", 0.15, 0.85)
    px, py, m = P("p_x"), P("p_y"), P("m", 0.5, 3.0)
    x, y, lam = P("x_c"), P("y_c"), P("lambda_c")
    xs, ys, ls = cobb_douglas_optimum(a, px, py, m)
    CT = [{"opt": False}, {"opt": True}]

    def X(c):
        return xs if c["opt"] else x

    def Yv(c):
        return ys if c["opt"] else y

    def Lm(c):
        return ls if c["opt"] else lam

    def Lag(c):
        return X(c) ** a * Yv(c) ** (1 - a) + Lm(c) * (m - px * X(c) - py * Yv(c))

    def dLag(c, v):
        e = x ** a * y ** (1 - a) + lam * (m - px * x - py * y)
        return sp.diff(e, v).subs({x: X(c), y: Yv(c), lam: Lm(c)})

    opt = {1: lambda c: c["opt"]}
    ch = []
    ch.append(chain("L", [(r"\Lag(x, y, \lambda)", Lag), (r"x^a y^{1-a} + \lambda\,(m - \px x - \py y)", Lag)], DEF, ctxs=CT[:1]))
    ch.append(chain("focx", [(r"\frac{\partial\Lag}{\partial x}", lambda c: dLag(c, x)),
                             (r"a x^{a-1}y^{1-a} - \lambda\px", lambda c: a * X(c) ** (a - 1) * Yv(c) ** (1 - a) - Lm(c) * px), ("0", 0)], ctxs=CT, where=opt))
    ch.append(chain("focy", [(r"\frac{\partial\Lag}{\partial y}", lambda c: dLag(c, y)),
                             (r"(1-a)x^a y^{-a} - \lambda\py", lambda c: (1 - a) * X(c) ** a * Yv(c) ** (-a) - Lm(c) * py), ("0", 0)], ctxs=CT, where=opt))
    ch.append(chain("mrs", [(r"\frac{a x^{a-1}y^{1-a}}{(1-a)x^a y^{-a}}", lambda c: a * X(c) ** (a - 1) * Yv(c) ** (1 - a) / ((1 - a) * X(c) ** a * Yv(c) ** (-a))),
                            (r"\frac{a}{1-a}\cdot\frac{y}{x}", lambda c: a / (1 - a) * Yv(c) / X(c)), (r"\frac{\px}{\py}", px / py)], ctxs=CT, where=opt))
    ch.append(chain("tangency", [(r"\py y", lambda c: py * Yv(c)), (r"\frac{1-a}{a}\,\px x", lambda c: (1 - a) / a * px * X(c))], ctxs=CT[1:]))
    ch.append(chain("budget", [("m", m), (r"\px x + \frac{1-a}{a}\,\px x", lambda c: px * X(c) + (1 - a) / a * px * X(c)),
                               (r"\frac{\px x}{a}", lambda c: px * X(c) / a)], ctxs=CT, where={0: lambda c: c["opt"]}))
    ch.append(chain("xstar", [(r"x^*", xs), (r"\frac{am}{\px}", a * m / px)]))
    ch.append(chain("ystar", [(r"y^*", ys), (r"\frac{(1-a)m}{\py}", (1 - a) * m / py)]))
    lam_closed = (a / px) ** a * ((1 - a) / py) ** (1 - a)
    ch.append(chain("lambda", [(r"\lambda^*", ls), (r"\frac{a(x^*)^{a-1}(y^*)^{1-a}}{\px}", a * xs ** (a - 1) * ys ** (1 - a) / px),
                               (r"\frac{a}{\px}\left(\frac{(1-a)\px}{a\,\py}\right)^{1-a}", a / px * ((1 - a) * px / (a * py)) ** (1 - a)),
                               (r"\left(\frac{a}{\px}\right)^{a}\left(\frac{1-a}{\py}\right)^{1-a}", lam_closed)]))
    V = xs ** a * ys ** (1 - a)
    ch.append(chain("V", [(r"V(\px, \py, m)", V), (r"(x^*)^a(y^*)^{1-a}", xs ** a * ys ** (1 - a)),
                          (r"\left(\frac{am}{\px}\right)^{a}\left(\frac{(1-a)m}{\py}\right)^{1-a}", (a * m / px) ** a * ((1 - a) * m / py) ** (1 - a)),
                          (r"m\left(\frac{a}{\px}\right)^{a}\left(\frac{1-a}{\py}\right)^{1-a}", m * lam_closed)], [DEF, "id", "id"]))
    ch.append(chain("env", [(r"\frac{\partial V}{\partial m}", sp.diff(V, m)), (r"\left(\frac{a}{\px}\right)^{a}\left(\frac{1-a}{\py}\right)^{1-a}", lam_closed),
                            (r"\lambda^*", ls)]))
    num = {a: Q(1, 3), px: 2, py: 1, m: 30}
    xn, yn, ln_ = xs.subs(num), ys.subs(num), ls.subs(num)
    Vn = V.subs(num)
    ch.append(chain("xnum", [(r"x^*", xn), (r"\frac{\frac13\cdot 30}{2}", Q(1, 3) * 30 / 2), ("5", 5)]))
    ch.append(chain("ynum", [(r"y^*", yn), (r"\frac{\frac23\cdot 30}{1}", Q(2, 3) * 30 / 1), ("20", 20)]))
    ch.append(chain("Vnum", [("V", Vn), (r"5^{1/3}\,20^{2/3}", sp.Integer(5) ** Q(1, 3) * sp.Integer(20) ** Q(2, 3)),
                             (r"(5\cdot 400)^{1/3}", sp.Integer(2000) ** Q(1, 3)), (r"10\sqrt[3]{2}", 10 * sp.root(2, 3))]))
    ch.append(chain("lnum", [(r"\lambda^*", ln_), (r"\frac{V}{m}", Vn / 30), (r"\frac{10\sqrt[3]{2}}{30}", 10 * sp.root(2, 3) / 30),
                             (r"\frac{\sqrt[3]{2}}{3}", sp.root(2, 3) / 3)]))
    # quadratic cost on a line
    x2, y2, mu2 = quad_cost_optimum(9)
    xg, yg, mg = R("x_q", -3, 9), R("y_q", -3, 9), R("mu_q", -3, 15)
    CQ = [{"opt": False}, {"opt": True}]

    def q(c):
        return (x2, y2, mu2) if c["opt"] else (xg, yg, mg)

    ch.append(chain("L2", [(r"\Lag(x, y, \mu)", xg ** 2 + 2 * yg ** 2 - mg * (xg + yg - 9)), (r"x^2 + 2y^2 - \mu\,(x + y - 9)", xg ** 2 + 2 * yg ** 2 - mg * (xg + yg - 9))],
                    DEF))
    Lg = xg ** 2 + 2 * yg ** 2 - mg * (xg + yg - 9)

    def dL2(c, v):
        X2, Y2, M2 = q(c)
        return sp.diff(Lg, v).subs({xg: X2, yg: Y2, mg: M2})

    ch.append(chain("foc2x", [(r"\frac{\partial\Lag}{\partial x}", lambda c: dL2(c, xg)), (r"2x - \mu", lambda c: 2 * q(c)[0] - q(c)[2]), ("0", 0)], ctxs=CQ, where=opt))
    ch.append(chain("foc2y", [(r"\frac{\partial\Lag}{\partial y}", lambda c: dL2(c, yg)), (r"4y - \mu", lambda c: 4 * q(c)[1] - q(c)[2]), ("0", 0)], ctxs=CQ, where=opt))
    ch.append(chain("Cstar", [(r"C^*", x2 ** 2 + 2 * y2 ** 2), (r"6^2 + 2\cdot 3^2", 6 ** 2 + 2 * 3 ** 2), ("54", 54)]))
    kk = P("k_t", 1.0, 10.0)
    xk, yk, mk = quad_cost_optimum(kk)
    Ck = xk ** 2 + 2 * yk ** 2
    ch.append(chain("Ck", [(r"C^*(k)", Ck), (r"\left(\frac{2k}{3}\right)^2 + 2\left(\frac{k}{3}\right)^2", (2 * kk / 3) ** 2 + 2 * (kk / 3) ** 2),
                           (r"\frac{2k^2}{3}", 2 * kk ** 2 / 3)]))
    ch.append(chain("dC", [(r"\frac{dC^*}{dk}\Big|_{k = 9}", sp.diff(Ck, kk).subs(kk, 9)), (r"\frac{4\cdot 9}{3}", Q(4 * 9, 3)), ("12", 12), (r"\mu^*", mu2)]))
    doc = Doc("lagrange_utility_handout.tex", ch)
    return with_plant(doc, r"V = 5^{1/3}\,20^{2/3} =", r"V = 5^{1/3}\,20^{1/3} =", "Vnum", 1,
                      I(r"5^{1/3}\,20^{1/3}", _fn(sp.Integer(5) ** Q(1, 3) * sp.Integer(20) ** Q(1, 3))),
                      "wrong exponent: 20^{1/3} for 20^{2/3} = (y*)^{1-a} in the numerical maximal utility")



def line_distance_optimum(c):
    """min x^2 + y^2 subject to 3x + 4y = c, from the linear first-order system of the Lagrangian."""
    xv, yv, mu = sp.symbols("_x3 _y3 _mu3", real=True)
    Lg = xv ** 2 + yv ** 2 - mu * (3 * xv + 4 * yv - c)
    sol = sp.solve([sp.diff(Lg, xv), sp.diff(Lg, yv), sp.diff(Lg, mu)], [xv, yv, mu], dict=True)
    assert len(sol) == 1
    return sol[0][xv], sol[0][yv], sol[0][mu]


def consumer_choice_study_group():
    al = P("alpha_u", 0.15, 0.85)
    px, py, inc = P("p_x"), P("p_y"), P("I_inc", 0.5, 3.0)
    x, y, lam = P("x_c"), P("y_c"), P("lambda_c")
    xs, ys, lamU = cobb_douglas_optimum(al, px, py, inc)
    lam_log = sp.diff(al * log(x) + (1 - al) * log(y), x).subs({x: xs, y: ys}) / px  # condition in x of the log problem
    CT = [{"opt": False}, {"opt": True}]
    ON = CT[1:]
    opt = lambda c: c["opt"]  # noqa: E731

    def X(c):
        return xs if c["opt"] else x

    def Yv(c):
        return ys if c["opt"] else y

    def Lm(c):
        return lam_log if c["opt"] else lam

    ch = []
    ch.append(chain("lnU", [(r"\ln U", log(x ** al * y ** (1 - al))), (r"\alpha\ln x + (1 - \alpha)\ln y", al * log(x) + (1 - al) * log(y))]))
    Lg = al * log(x) + (1 - al) * log(y) + lam * (inc - px * x - py * y)
    ch.append(chain("L", [(r"\mathcal{L}", Lg), (r"\alpha\ln x + (1 - \alpha)\ln y + \lambda(I - p_xx - p_yy)", Lg)], DEF))
    ch.append(chain("foc1", [(r"\frac{\alpha}{x}", lambda c: al / X(c)), (r"\lambda p_x", lambda c: Lm(c) * px)], ctxs=ON))
    ch.append(chain("foc2", [(r"\frac{1 - \alpha}{y}", lambda c: (1 - al) / Yv(c)), (r"\lambda p_y", lambda c: Lm(c) * py)], ctxs=ON))
    ch.append(chain("sum", [("1", 1), (r"\alpha + (1 - \alpha)", al + (1 - al)), (r"\lambda(p_xx + p_yy)", lambda c: Lm(c) * (px * X(c) + py * Yv(c))),
                            (r"\lambda I", lambda c: Lm(c) * inc)], ctxs=CT, where={1: opt, 2: opt}))
    ch.append(chain("lam", [(r"\lambda", lam_log), (r"\frac{1}{I}", 1 / inc)]))
    ch.append(chain("xd", [("x", xs), (r"\frac{\alpha}{\lambda p_x}", al / (lam_log * px)), (r"\frac{\alpha I}{p_x}", al * inc / px)]))
    ch.append(chain("yd", [("y", ys), (r"\frac{1 - \alpha}{\lambda p_y}", (1 - al) / (lam_log * py)), (r"\frac{(1 - \alpha)I}{p_y}", (1 - al) * inc / py)]))
    v = log(xs ** al * ys ** (1 - al))
    ch.append(chain("v", [(r"v(I)", v), (r"\alpha\ln\frac{\alpha I}{p_x} + (1 - \alpha)\ln\frac{(1 - \alpha)I}{p_y}", al * log(al * inc / px) + (1 - al) * log((1 - al) * inc / py)),
                          (r"\ln I + \alpha\ln\frac{\alpha}{p_x} + (1 - \alpha)\ln\frac{1 - \alpha}{p_y}", log(inc) + al * log(al / px) + (1 - al) * log((1 - al) / py))],
                    [DEF, "id"]))
    ch.append(chain("dv", [(r"\frac{dv}{dI}", sp.diff(v, inc)), (r"\frac{1}{I}", 1 / inc), (r"\lambda", lam_log)]))
    V = xs ** al * ys ** (1 - al)
    ch.append(chain("lamU", [(r"\lambda_U", lamU), (r"\frac{dV}{dI}", sp.diff(V, inc)), (r"\frac{V}{I}", V / inc), (r"V\lambda", V * lam_log)]))
    num = {al: half, px: 4, py: 1, inc: 16}
    xn, yn = xs.subs(num), ys.subs(num)
    Un = V.subs(num)
    ch.append(chain("xnum", [("x", xn), (r"\frac{\frac12\cdot 16}{4}", half * 16 / 4), ("2", 2)]))
    ch.append(chain("ynum", [("y", yn), (r"\frac{\frac12\cdot 16}{1}", half * 16 / 1), ("8", 8)]))
    ch.append(chain("Unum", [("U", Un), (r"2^{1/2}\,8^{1/2}", sqrt(2) * sqrt(8)), (r"\sqrt{16}", sqrt(16)), ("4", 4)]))
    ch.append(chain("lamUnum", [(r"\lambda_U", lamU.subs(num)), (r"\frac{\alpha U}{p_xx}", half * Un / (4 * xn)), (r"\frac{\frac12\cdot 4}{4\cdot 2}", half * 4 / (4 * 2)),
                                (r"\frac14", Q(1, 4))]))
    num17 = dict(num)
    num17[inc] = 17
    ch.append(chain("dV", [(r"V(17) - V(16)", V.subs(num17) - V.subs(num)), (r"\frac{17}{4} - \frac{16}{4}", Q(17, 4) - Q(16, 4)), (r"\frac14", Q(1, 4)),
                           (r"\lambda_U", lamU.subs(num))]))
    xg, yg, mg = R("x_q", -3, 9), R("y_q", -3, 9), R("mu_q", -3, 15)
    L2 = xg ** 2 + yg ** 2 - mg * (3 * xg + 4 * yg - 25)
    ch.append(chain("L2", [(r"\mathcal{L}", L2), (r"x^2 + y^2 - \mu(3x + 4y - 25)", L2)], DEF))
    ch.append(chain("subst", [(r"3\cdot\frac{3\mu}{2} + 4\cdot 2\mu", 3 * (3 * mg / 2) + 4 * (2 * mg)), (r"\frac{9\mu}{2} + 8\mu", 9 * mg / 2 + 8 * mg),
                              (r"\frac{25\mu}{2}", 25 * mg / 2)]))
    x3, y3, m3 = line_distance_optimum(25)
    ch.append(chain("xy", [(r"(x, y)", sp.Matrix([x3, y3])), (r"\Bigl(\frac{3\cdot 2}{2},\ 2\cdot 2\Bigr)", sp.Matrix([Q(3 * 2, 2), 2 * 2])),
                           (r"(3, 4)", sp.Matrix([3, 4]))]))
    ch.append(chain("Cstar", [(r"C^*", x3 ** 2 + y3 ** 2), (r"3^2 + 4^2", 3 ** 2 + 4 ** 2), ("25", 25)]))
    cc = P("c_line", 1.0, 30.0)
    xc, yc, mc = line_distance_optimum(cc)
    Cc = xc ** 2 + yc ** 2
    ch.append(chain("Cc", [(r"C^*(c)", Cc), (r"\Bigl(\frac{c}{5}\Bigr)^2", (cc / 5) ** 2), (r"\frac{c^2}{25}", cc ** 2 / 25)]))
    ch.append(chain("dC", [(r"\frac{dC^*}{dc}\Big|_{c = 25}", sp.diff(Cc, cc).subs(cc, 25)), (r"\frac{2\cdot 25}{25}", Q(2 * 25, 25)), ("2", 2), (r"\mu", m3)]))
    doc = Doc("consumer_choice_study_group.md", ch)
    return with_plant(doc, r"= \frac{9\mu}{2} + 8\mu =", r"= \frac{9\mu}{2} + 2\mu =", "subst", 1, I(r"\frac{9\mu}{2} + 2\mu", _fn(9 * mg / 2 + 2 * mg)),
                      "dropped factor: 2 mu for 8 mu = 4 * 2 mu, the coefficient 4 of y lost when y = 2 mu is put into the constraint")


DOCS = [two_link_arm_slides, planar_arm_cheatsheet, entropy_channel_solutions, bits_nats_course_page, lagrange_utility_handout,
        consumer_choice_study_group]
