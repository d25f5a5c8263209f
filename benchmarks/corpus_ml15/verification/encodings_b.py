"""Hand encodings of the corpus_ml15 documents of families 4-6 (the heat equation: separated solutions,
the Gaussian kernel and Fourier sine coefficients; the M/M/1 queue and a two-state Markov chain; ridge
regression in one dimension, bias-variance and leave-one-out cross-validation).

Conventions as in encodings_a.py. Partial derivatives are sympy.diff of the function written in the text;
integrals are sympy.Integral objects evaluated by quadrature in the framework (never the document's
antiderivative), evaluation brackets [F]_a^b are F(b) - F(a); stationary probabilities are infinite sums
summed term by term; matrix powers are computed by repeated multiplication for n = 1..4; optima are found with
sympy.solve; expectations over the noise are polynomial expectations with the stated moments.
"""
import mpmath
import sympy as sp

from framework import Chain, Doc, with_plant  # noqa: F401
from helpers import I, R, P  # noqa: F401

DEF = "def"
half = sp.Rational(1, 2)
exp, log, sqrt, sin, cos, pi, oo = sp.exp, sp.log, sp.sqrt, sp.sin, sp.cos, sp.pi, sp.oo
Mat = sp.Matrix
Int = sp.Integral


def Q(a, b=1):
    return sp.Rational(a, b)


def _fn(v):
    if callable(v):
        return v
    v = sp.sympify(v)
    return lambda c: v


def chain(label, items, kinds=None, ctxs=None, where=None):
    return Chain(label, [I(a, _fn(v)) for a, v in items], kinds, ctxs, where)


def S(f, lo, hi):
    return sp.Add(*[f(k) for k in range(lo, hi + 1)])


_syms = {}


def rv(name, n, lo=-1.5, hi=1.5, positive=False):
    out = []
    for k in range(1, n + 1):
        nm = "%s_%d" % (name, k)
        if nm not in _syms:
            _syms[nm] = P(nm, lo, hi) if positive else R(nm, lo, hi)
        out.append(_syms[nm])
    return out


def Epoly(expr, moments):
    """Expectation of a polynomial in independent random symbols; moments maps symbol -> (k -> E[X^k])."""
    xs = list(moments)
    expr = sp.expand(expr)
    if not any(expr.has(x) for x in xs):
        return expr
    poly = sp.Poly(expr, *xs)
    out = 0
    for powers, coef in poly.terms():
        term = coef
        for x, p in zip(xs, powers):
            term *= moments[x](p)
        out += term
    return out


def centred(var):
    """Moments of a variable with mean 0 and variance var (only powers up to 2 occur)."""
    return lambda p: {0: sp.Integer(1), 1: sp.Integer(0), 2: var}[p]


def bracket(F, x, lo, hi):
    return F.subs(x, hi) - F.subs(x, lo)


# ===========================================================================
# family 4: the heat equation
def heat_equation_exam():
    x = R("he_x", 0.05, 0.95)
    t = P("he_t", 0.3, 2.0)
    k = P("he_k", 0.3, 2.0)
    n = sp.Symbol("he_n", integer=True, positive=True)
    s = sp.Symbol("he_s", real=True)        # integration variable
    xr = R("he_xr", -2.0, 2.0)              # position on the whole line
    m = sp.Symbol("he_m", integer=True, nonnegative=True)
    un = exp(-k * n ** 2 * pi ** 2 * t) * sin(n * pi * x)
    dec = exp(-k * n ** 2 * pi ** 2 * t)
    ch = []
    ch.append(chain("ut", [(r"\pd{u_n}{t}", sp.diff(un, t)), (r"-k n^2\pi^2\,\decay{n}\sin(n\pi x)", -k * n ** 2 * pi ** 2 * dec * sin(n * pi * x))]))
    ch.append(chain("ux", [(r"\pd{u_n}{x}", sp.diff(un, x)), (r"n\pi\,\decay{n}\cos(n\pi x)", n * pi * dec * cos(n * pi * x))]))
    ch.append(chain("uxx", [(r"\pdd{u_n}{x}", sp.diff(un, x, 2)), (r"-n^2\pi^2\,\decay{n}\sin(n\pi x)", -n ** 2 * pi ** 2 * dec * sin(n * pi * x))]))
    ch.append(chain("heat_n", [(r"k\,\pdd{u_n}{x}", k * sp.diff(un, x, 2)),
                               (r"-k n^2\pi^2\,\decay{n}\sin(n\pi x)", -k * n ** 2 * pi ** 2 * dec * sin(n * pi * x)),
                               (r"\pd{u_n}{t}", sp.diff(un, t))]))
    ch.append(chain("bc", [(r"u_n(1, t)", un.subs(x, 1)), (r"\decay{n}\sin(n\pi)", dec * sin(n * pi)), (r"0", 0)]))
    T = exp(-k * n ** 2 * pi ** 2 * t)
    X = sin(n * pi * x)
    ch.append(chain("sep", [(r"\frac{T'(t)}{k\,T(t)}", sp.diff(T, t) / (k * T)), (r"\frac{X''(x)}{X(x)}", sp.diff(X, x, 2) / X),
                            (r"-n^2\pi^2", -n ** 2 * pi ** 2)]))
    G = 1 / sqrt(4 * pi * k * t) * exp(-xr ** 2 / (4 * k * t))
    Gs = G.subs(xr, s)
    ch.append(chain("G", [(r"G(x, t)", G), (r"\frac{1}{\sqrt{4\pi k t}}\,e^{-x^2/(4kt)}", 1 / sqrt(4 * pi * k * t) * exp(-xr ** 2 / (4 * k * t)))], DEF))
    ch.append(chain("Gt", [(r"\pd{G}{t}", sp.diff(G, t)), (r"\Bigl(-\frac{1}{2t} + \frac{x^2}{4kt^2}\Bigr)G", (-1 / (2 * t) + xr ** 2 / (4 * k * t ** 2)) * G)]))
    ch.append(chain("Gx", [(r"\pd{G}{x}", sp.diff(G, xr)), (r"-\frac{x}{2kt}\,G", -xr / (2 * k * t) * G)]))
    ch.append(chain("Gxx", [(r"\pdd{G}{x}", sp.diff(G, xr, 2)),
                            (r"-\frac{1}{2kt}\,G + \frac{x^2}{4k^2t^2}\,G", -1 / (2 * k * t) * G + xr ** 2 / (4 * k ** 2 * t ** 2) * G),
                            (r"\frac{1}{k}\Bigl(-\frac{1}{2t} + \frac{x^2}{4kt^2}\Bigr)G", 1 / k * (-1 / (2 * t) + xr ** 2 / (4 * k * t ** 2)) * G)]))
    ch.append(chain("heatG", [(r"k\,\pdd{G}{x}", k * sp.diff(G, xr, 2)), (r"\pd{G}{t}", sp.diff(G, t))]))
    ch.append(chain("mass", [
        (r"\int_{-\infty}^{\infty} G(x, t)\,dx", Int(Gs, (s, -oo, oo))),
        (r"\frac{1}{\sqrt{4\pi k t}}\int_{-\infty}^{\infty} e^{-x^2/(4kt)}\,dx", 1 / sqrt(4 * pi * k * t) * Int(exp(-s ** 2 / (4 * k * t)), (s, -oo, oo))),
        (r"\frac{\sqrt{4\pi k t}}{\sqrt{4\pi k t}}", sqrt(4 * pi * k * t) / sqrt(4 * pi * k * t)), (r"1", 1)]))
    ch.append(chain("var", [(r"\int_{-\infty}^{\infty} x^2\,G(x, t)\,dx", Int(s ** 2 * Gs, (s, -oo, oo))), (r"2kt", 2 * k * t)]))
    # Q3 (a) f(x) = x
    bxa = 2 * Int(s * sin(n * pi * s), (s, 0, 1))
    ch.append(chain("bx", [
        (r"b_n", bxa), (r"2\int_0^1 x\sin(n\pi x)\,dx", bxa),
        (r"2\Bigl[-\frac{x\cos(n\pi x)}{n\pi}\Bigr]_0^1 + \frac{2}{n\pi}\int_0^1 \cos(n\pi x)\,dx",
         2 * bracket(-s * cos(n * pi * s) / (n * pi), s, 0, 1) + 2 / (n * pi) * Int(cos(n * pi * s), (s, 0, 1))),
        (r"-\frac{2\cos(n\pi)}{n\pi} + \frac{2}{n\pi}\Bigl[\frac{\sin(n\pi x)}{n\pi}\Bigr]_0^1",
         -2 * cos(n * pi) / (n * pi) + 2 / (n * pi) * bracket(sin(n * pi * s) / (n * pi), s, 0, 1)),
        (r"\frac{2(-1)^{n+1}}{n\pi}", 2 * (-1) ** (n + 1) / (n * pi))], [DEF, "id", "id", "id"]))

    def bxa_at(nn):
        return 2 * Int(s * sin(nn * pi * s), (s, 0, 1))

    ch.append(chain("bx1", [(r"b_1", bxa_at(1)), (r"\frac{2}{\pi}", 2 / pi)]))
    ch.append(chain("bx2", [(r"b_2", bxa_at(2)), (r"-\frac{1}{\pi}", -1 / pi)]))
    ch.append(chain("bx3", [(r"b_3", bxa_at(3)), (r"\frac{2}{3\pi}", 2 / (3 * pi))]))
    # (b) f(x) = x(1 - x)
    bxb = 2 * Int((s - s ** 2) * sin(n * pi * s), (s, 0, 1))
    ch.append(chain("bq", [
        (r"b_n", bxb), (r"2\int_0^1 (x - x^2)\sin(n\pi x)\,dx", bxb),
        (r"\frac{2}{n\pi}\int_0^1 (1 - 2x)\cos(n\pi x)\,dx", 2 / (n * pi) * Int((1 - 2 * s) * cos(n * pi * s), (s, 0, 1))),
        (r"\frac{2}{n\pi}\cdot\frac{2}{n\pi}\int_0^1 \sin(n\pi x)\,dx", 2 / (n * pi) * 2 / (n * pi) * Int(sin(n * pi * s), (s, 0, 1))),
        (r"\frac{4}{n^2\pi^2}\cdot\frac{1 - \cos(n\pi)}{n\pi}", 4 / (n ** 2 * pi ** 2) * (1 - cos(n * pi)) / (n * pi)),
        (r"\frac{4\bigl(1 - (-1)^n\bigr)}{n^3\pi^3}", 4 * (1 - (-1) ** n) / (n ** 3 * pi ** 3))], [DEF, "id", "id", "id", "id"]))

    def bxb_at(nn):
        return 2 * Int((s - s ** 2) * sin(nn * pi * s), (s, 0, 1))

    ch.append(chain("bq1", [(r"b_1", bxb_at(1)), (r"\frac{8}{\pi^3}", 8 / pi ** 3)]))
    ch.append(chain("bq2", [(r"b_2", bxb_at(2)), (r"0", 0)]))
    ch.append(chain("bq3", [(r"b_3", bxb_at(3)), (r"\frac{8}{27\pi^3}", 8 / (27 * pi ** 3))]))
    nn = sp.Symbol("he_nn", integer=True, positive=True)
    bn_closed = 4 * (1 - (-1) ** nn) / (nn ** 3 * pi ** 3)
    u_half = sp.Sum(bn_closed * exp(-k * nn ** 2 * pi ** 2 * t) * sin(nn * pi / 2), (nn, 1, oo))
    ch.append(chain("mid", [
        (r"u\bigl(\tfrac12, t\bigr)", u_half),
        (r"\sum_{n=1}^{\infty} b_n\decay{n}\sin\frac{n\pi}{2}", u_half),
        (r"\frac{8}{\pi^3}\sum_{m=0}^{\infty}\frac{(-1)^m}{(2m+1)^3}\,e^{-k(2m+1)^2\pi^2 t}",
         8 / pi ** 3 * sp.Sum((-1) ** m / (2 * m + 1) ** 3 * exp(-k * (2 * m + 1) ** 2 * pi ** 2 * t), (m, 0, oo)))]))
    # u(1/2, 0) is the initial value f(1/2); the series value pi^3/32 is checked here with mpmath
    with mpmath.workdps(40):
        ssum = mpmath.nsum(lambda j: (-1) ** int(j) / (2 * j + 1) ** 3, [0, mpmath.inf])
        assert abs(ssum - mpmath.pi ** 3 / 32) < mpmath.mpf(10) ** -30
    ch.append(chain("mid0", [(r"u\bigl(\tfrac12, 0\bigr)", half * (1 - half)), (r"\frac{8}{\pi^3}\cdot\frac{\pi^3}{32}", 8 / pi ** 3 * pi ** 3 / 32),
                             (r"\frac14", Q(1, 4))]))
    doc = Doc("heat_equation_exam.tex", ch)
    wrong = r"\frac{2\cos(n\pi)}{n\pi} + \frac{2}{n\pi}\Bigl[\frac{\sin(n\pi x)}{n\pi}\Bigr]_0^1"
    return with_plant(doc, r"&= -\frac{2\cos(n\pi)}{n\pi}", r"&= \frac{2\cos(n\pi)}{n\pi}", "bx", 3,
                      I(wrong, _fn(2 * cos(n * pi) / (n * pi) + 2 / (n * pi) * bracket(sin(n * pi * s) / (n * pi), s, 0, 1))),
                      "sign: +2cos(n pi)/(n pi) for -2cos(n pi)/(n pi), the boundary term [-x cos(n pi x)/(n pi)] from 0 to 1 evaluated with the wrong sign")


def heat_kernel_blog():
    x = R("hb_x", -2.0, 2.0)
    t = P("hb_t", 0.3, 2.0)
    D = P("hb_D", 0.3, 2.0)
    s = sp.Symbol("hb_s", real=True)
    y = R("hb_y", 0.05, 0.95)
    n = sp.Symbol("hb_n", integer=True, positive=True)
    tau = sp.Symbol("_hbtau", positive=True)
    u = 1 / sqrt(4 * pi * D * t) * exp(-x ** 2 / (4 * D * t))
    us = u.subs(x, s)
    ch = []
    ch.append(chain("u", [(r"u(x,t)", u), (r"\frac{1}{\sqrt{4\pi Dt}}\exp\Big(-\frac{x^2}{4Dt}\Big)", 1 / sqrt(4 * pi * D * t) * exp(-x ** 2 / (4 * D * t)))], DEF))
    ch.append(chain("logu", [(r"\log u", log(u)), (r"-\frac12\log(4\pi Dt) - \frac{x^2}{4Dt}", -half * log(4 * pi * D * t) - x ** 2 / (4 * D * t))]))
    ch.append(chain("ut", [(r"\frac{u_t}{u}", sp.diff(u, t) / u), (r"\partial_t\log u", sp.diff(log(u), t)),
                           (r"-\frac{1}{2t} + \frac{x^2}{4Dt^2}", -1 / (2 * t) + x ** 2 / (4 * D * t ** 2))]))
    ch.append(chain("ux", [(r"\frac{u_x}{u}", sp.diff(u, x) / u), (r"\partial_x\log u", sp.diff(log(u), x)), (r"-\frac{x}{2Dt}", -x / (2 * D * t))]))
    q = sp.diff(u, x) / u
    ch.append(chain("uxx", [(r"\frac{u_{xx}}{u}", sp.diff(u, x, 2) / u),
                            (r"\partial_x\Big(\frac{u_x}{u}\Big) + \Big(\frac{u_x}{u}\Big)^2", sp.diff(q, x) + q ** 2),
                            (r"-\frac{1}{2Dt} + \frac{x^2}{4D^2t^2}", -1 / (2 * D * t) + x ** 2 / (4 * D ** 2 * t ** 2))]))
    ch.append(chain("heat", [(r"D\,\frac{u_{xx}}{u}", D * sp.diff(u, x, 2) / u),
                             (r"-\frac{1}{2t} + \frac{x^2}{4Dt^2}", -1 / (2 * t) + x ** 2 / (4 * D * t ** 2)),
                             (r"\frac{u_t}{u}", sp.diff(u, t) / u)]))
    ch.append(chain("mass", [(r"\int_{-\infty}^{\infty}u\,dx", Int(us, (s, -oo, oo))), (r"1", 1)]))
    ch.append(chain("msd", [(r"\langle x^2\rangle", Int(s ** 2 * us, (s, -oo, oo))), (r"\int_{-\infty}^{\infty}x^2u\,dx", Int(s ** 2 * us, (s, -oo, oo))),
                            (r"2Dt", 2 * D * t)], [DEF, "id"]))
    ch.append(chain("dmsd", [
        (r"\frac{d}{dt}\langle x^2\rangle", Int(s ** 2 * sp.diff(us, t), (s, -oo, oo))),
        (r"D\int_{-\infty}^{\infty}x^2u_{xx}\,dx", D * Int(s ** 2 * sp.diff(us, s, 2), (s, -oo, oo))),
        (r"2D\int_{-\infty}^{\infty}u\,dx", 2 * D * Int(us, (s, -oo, oo))), (r"2D", 2 * D)]))
    u_num = us.subs({D: half, t: 4})
    ch.append(chain("rms", [(r"\sqrt{\langle x^2\rangle}", sqrt(Int(s ** 2 * u_num, (s, -oo, oo)))),
                            (r"\sqrt{2\cdot 0.5\cdot 4}", sqrt(2 * half * 4)), (r"2", 2)]))
    un = exp(-D * n ** 2 * pi ** 2 * t) * sin(n * pi * y)
    ch.append(chain("un", [(r"u_n(x,t)", un), (r"e^{-Dn^2\pi^2t}\sin(n\pi x)", exp(-D * n ** 2 * pi ** 2 * t) * sin(n * pi * y))], DEF))
    ch.append(chain("un_t", [(r"\partial_tu_n", sp.diff(un, t)), (r"-Dn^2\pi^2u_n", -D * n ** 2 * pi ** 2 * un)]))
    ch.append(chain("un_x", [(r"D\,\partial_x^2u_n", D * sp.diff(un, y, 2)), (r"D\cdot(-n^2\pi^2)\,u_n", D * (-n ** 2 * pi ** 2) * un),
                             (r"-Dn^2\pi^2u_n", -D * n ** 2 * pi ** 2 * un)]))
    taun = sp.solve(sp.Eq(exp(-D * n ** 2 * pi ** 2 * tau), half), tau)[0]
    ch.append(chain("tau", [(r"\tau_n", taun), (r"\frac{\ln 2}{Dn^2\pi^2}", log(2) / (D * n ** 2 * pi ** 2))]))
    ch.append(chain("tau31", [(r"\frac{\tau_3}{\tau_1}", taun.subs(n, 3) / taun.subs(n, 1)), (r"\frac19", Q(1, 9))]))
    box = 2 * Int(sin(n * pi * s), (s, 0, 1))
    ch.append(chain("box", [
        (r"b_n", box), (r"2\int_0^1\sin(n\pi x)\,dx", box),
        (r"\frac{2}{n\pi}\big[-\cos(n\pi x)\big]_0^1", 2 / (n * pi) * bracket(-cos(n * pi * s), s, 0, 1)),
        (r"\frac{2\big(1 - (-1)^n\big)}{n\pi}", 2 * (1 - (-1) ** n) / (n * pi))], [DEF, "id", "id"]))
    left = Int(s * sin(n * pi * s), (s, 0, half))
    ch.append(chain("left", [
        (r"\int_0^{1/2}x\sin(n\pi x)\,dx", left),
        (r"\Big[-\frac{x\cos(n\pi x)}{n\pi}\Big]_0^{1/2} + \frac{1}{n\pi}\int_0^{1/2}\cos(n\pi x)\,dx",
         bracket(-s * cos(n * pi * s) / (n * pi), s, 0, half) + 1 / (n * pi) * Int(cos(n * pi * s), (s, 0, half))),
        (r"-\frac{\cos(n\pi/2)}{2n\pi} + \frac{\sin(n\pi/2)}{n^2\pi^2}", -cos(n * pi / 2) / (2 * n * pi) + sin(n * pi / 2) / (n ** 2 * pi ** 2))]))
    right = Int((1 - s) * sin(n * pi * s), (s, half, 1))
    ch.append(chain("right", [
        (r"\int_{1/2}^1(1 - x)\sin(n\pi x)\,dx", right),
        (r"\int_0^{1/2}s\,\sin\big(n\pi(1 - s)\big)\,ds", Int(s * sin(n * pi * (1 - s)), (s, 0, half))),
        (r"(-1)^{n+1}\int_0^{1/2}s\sin(n\pi s)\,ds", (-1) ** (n + 1) * left)]))
    tent = 2 * left + 2 * right
    ch.append(chain("tent", [
        (r"b_n", tent),
        (r"2\int_0^{1/2}x\sin(n\pi x)\,dx + 2\int_{1/2}^1(1 - x)\sin(n\pi x)\,dx", tent),
        (r"2\big(1 + (-1)^{n+1}\big)\int_0^{1/2}x\sin(n\pi x)\,dx", 2 * (1 + (-1) ** (n + 1)) * left),
        (r"\frac{4\sin(n\pi/2)}{n^2\pi^2}", 4 * sin(n * pi / 2) / (n ** 2 * pi ** 2))], [DEF, "id", "id"]))
    ch.append(chain("t1", [(r"b_1", tent.subs(n, 1)), (r"\frac{4}{\pi^2}", 4 / pi ** 2)]))
    ch.append(chain("t2", [(r"b_2", tent.subs(n, 2)), (r"0", 0)]))
    ch.append(chain("t3", [(r"b_3", tent.subs(n, 3)), (r"-\frac{4}{9\pi^2}", -4 / (9 * pi ** 2))]))
    doc = Doc("heat_kernel_blog.md", ch)
    wrong = r"-\frac{1}{2t} + \frac{x^2}{4D^2t^2}"
    return with_plant(doc, r"D\,\frac{u_{xx}}{u} = -\frac{1}{2t} + \frac{x^2}{4Dt^2}", r"D\,\frac{u_{xx}}{u} = -\frac{1}{2t} + \frac{x^2}{4D^2t^2}",
                      "heat", 1, I(wrong, _fn(-1 / (2 * t) + x ** 2 / (4 * D ** 2 * t ** 2))),
                      "wrong exponent: x^2/(4D^2t^2) for x^2/(4Dt^2) after multiplying u_xx/u by D (one power of D not cancelled)")


# ===========================================================================
# family 5: queues and Markov chains
def mm1_queue_handout():
    lam = P("mq_lam", 0.3, 1.0)
    mu = P("mq_mu", 2.0, 3.0)
    rho = lam / mu
    n = sp.Symbol("mq_n", integer=True, positive=True)
    j = sp.Symbol("mq_j", integer=True, nonnegative=True)
    r_ = sp.Symbol("_mqr", positive=True)
    a, b = P("mq_a", 0.1, 0.9), P("mq_b", 0.1, 0.9)

    def pi_(k):
        return (1 - rho) * rho ** k

    p0 = sp.Symbol("_mqp0")
    pi0 = sp.solve(sp.Eq(p0 * sp.summation(r_ ** j, (j, 0, oo)).subs(r_, sp.Rational(1, 3)), 1), p0)  # sanity of the recipe
    assert pi0 == [sp.Rational(2, 3)]
    pi0 = 1 - rho
    ch = []
    ch.append(chain("cut1", [(r"\lambda\pi_n", lam * pi_(n)), (r"\mu\pi_{n+1}", mu * pi_(n + 1))]))
    ch.append(chain("cut2", [(r"\pi_{n+1}", pi_(n + 1)), (r"\rho\,\pi_n", rho * pi_(n))]))
    ch.append(chain("cut3", [(r"\pi_n", pi_(n)), (r"\rho^n\pi_0", rho ** n * pi0)]))
    ch.append(chain("norm", [
        (r"1", 1), (r"\sumz \pi_n", sp.Sum(pi_(j), (j, 0, oo))), (r"\pi_0\sumz \rho^n", pi0 * sp.Sum(rho ** j, (j, 0, oo))),
        (r"\frac{\pi_0}{1 - \rho}", pi0 / (1 - rho))]))
    ch.append(chain("pin", [(r"\pi_n", rho ** n * pi0), (r"(1 - \rho)\rho^n", (1 - rho) * rho ** n)]))
    EN = sp.Sum(j * pi_(j), (j, 0, oo))
    ch.append(chain("L", [
        (r"L", EN), (r"\E[N]", EN), (r"\sumz n(1 - \rho)\rho^n", sp.Sum(j * (1 - rho) * rho ** j, (j, 0, oo))),
        (r"(1 - \rho)\rho\sum_{n=1}^{\infty} n\rho^{n-1}", (1 - rho) * rho * sp.Sum(j * rho ** (j - 1), (j, 1, oo))),
        (r"(1 - \rho)\rho\,\ddr\sumz \rho^n", (1 - rho) * rho * sp.Sum(sp.diff(r_ ** j, r_).subs(r_, rho), (j, 0, oo))),
        (r"(1 - \rho)\rho\,\ddr\,\frac{1}{1 - \rho}", (1 - rho) * rho * sp.diff(1 / (1 - r_), r_).subs(r_, rho)),
        (r"\frac{(1 - \rho)\rho}{(1 - \rho)^2}", (1 - rho) * rho / (1 - rho) ** 2),
        (r"\frac{\rho}{1 - \rho}", rho / (1 - rho))], [DEF] + ["id"] * 6))
    EF = sp.Sum(j * (j - 1) * pi_(j), (j, 0, oo))
    ch.append(chain("fact", [
        (r"\E[N(N - 1)]", EF),
        (r"(1 - \rho)\rho^2\sum_{n=2}^{\infty} n(n - 1)\rho^{n-2}", (1 - rho) * rho ** 2 * sp.Sum(j * (j - 1) * rho ** (j - 2), (j, 2, oo))),
        (r"(1 - \rho)\rho^2\,\frac{d^2}{d\rho^2}\,\frac{1}{1 - \rho}", (1 - rho) * rho ** 2 * sp.diff(1 / (1 - r_), r_, 2).subs(r_, rho)),
        (r"\frac{2\rho^2}{(1 - \rho)^2}", 2 * rho ** 2 / (1 - rho) ** 2)]))
    ch.append(chain("var", [
        (r"\Var(N)", sp.Sum(j ** 2 * pi_(j), (j, 0, oo)) - EN ** 2),
        (r"\E[N(N - 1)] + \E[N] - \E[N]^2", EF + EN - EN ** 2),
        (r"\frac{2\rho^2}{(1 - \rho)^2} + \frac{\rho}{1 - \rho} - \frac{\rho^2}{(1 - \rho)^2}", 2 * rho ** 2 / (1 - rho) ** 2 + rho / (1 - rho) - rho ** 2 / (1 - rho) ** 2),
        (r"\frac{\rho}{(1 - \rho)^2}", rho / (1 - rho) ** 2)]))
    Lc = rho / (1 - rho)
    W = Lc / lam
    Wq = W - 1 / mu
    ch.append(chain("W", [(r"W", W), (r"\frac{L}{\lambda}", Lc / lam), (r"\frac{1}{\lambda}\cdot\frac{\lambda/\mu}{1 - \lambda/\mu}", 1 / lam * (lam / mu) / (1 - lam / mu)),
                          (r"\frac{1}{\mu - \lambda}", 1 / (mu - lam))], [DEF, "id", "id"]))
    ch.append(chain("Wq", [(r"W_q", Wq), (r"W - \frac{1}{\mu}", W - 1 / mu), (r"\frac{\lambda}{\mu(\mu - \lambda)}", lam / (mu * (mu - lam)))], [DEF, "id"]))
    ch.append(chain("Lq", [(r"L_q", lam * Wq), (r"\lambda W_q", lam * Wq), (r"\frac{\rho^2}{1 - \rho}", rho ** 2 / (1 - rho))], [DEF, "id"]))
    numv = {lam: 3, mu: 4}

    def N_(e):
        return sp.sympify(e).subs(numv)

    ch.append(chain("n_L", [(r"L", N_(Lc)), (r"\frac{3/4}{1/4}", Q(3, 4) / Q(1, 4)), (r"3", 3)]))
    ch.append(chain("n_var", [(r"\Var(N)", N_(rho / (1 - rho) ** 2)), (r"\frac{3/4}{(1/4)^2}", Q(3, 4) / Q(1, 4) ** 2), (r"12", 12)]))
    ch.append(chain("n_W", [(r"W", N_(W)), (r"\frac{1}{4 - 3}", Q(1, 4 - 3)), (r"1", 1)]))
    ch.append(chain("n_Wq", [(r"W_q", N_(Wq)), (r"\frac{3}{4(4 - 3)}", Q(3, 4 * (4 - 3))), (r"\frac34", Q(3, 4))]))
    ch.append(chain("n_Lq", [(r"L_q", N_(lam * Wq)), (r"3\cdot\frac34", 3 * Q(3, 4)), (r"\frac94", Q(9, 4))]))
    Pm = Mat([[1 - a, a], [b, 1 - b]])
    ch.append(chain("P", [(r"P", Pm), (r"\begin{pmatrix} 1 - a & a\\ b & 1 - b \end{pmatrix}", Mat([[1 - a, a], [b, 1 - b]]))], DEF))
    p1, p2 = sp.symbols("_mqp1 _mqp2")
    solp = sp.solve([p1 * (1 - a) + p2 * b - p1, p1 + p2 - 1], [p1, p2], dict=True)[0]
    piv = Mat([[solp[p1], solp[p2]]])
    ch.append(chain("pi", [(r"\pi", piv), (r"\Bigl(\frac{b}{a + b},\ \frac{a}{a + b}\Bigr)", Mat([[b / (a + b), a / (a + b)]]))]))
    ch.append(chain("piP", [(r"\pi P", piv * Pm),
                            (r"\Bigl(\frac{b(1 - a) + ab}{a + b},\ \frac{ab + a(1 - b)}{a + b}\Bigr)", Mat([[(b * (1 - a) + a * b) / (a + b), (a * b + a * (1 - b)) / (a + b)]])),
                            (r"\pi", piv)]))
    ch.append(chain("Pn", [
        (r"P^n", lambda c: Pm ** c["n"]),
        (r"\frac{1}{a + b}\begin{pmatrix} b & a\\ b & a \end{pmatrix} + \frac{(1 - a - b)^n}{a + b}\begin{pmatrix} a & -a\\ -b & b \end{pmatrix}",
         lambda c: 1 / (a + b) * Mat([[b, a], [b, a]]) + (1 - a - b) ** c["n"] / (a + b) * Mat([[a, -a], [-b, b]]))],
        ctxs=[{"n": k} for k in range(1, 5)]))
    Pe = Pm.subs({a: Q(1, 10), b: Q(3, 10)})
    d = Q
    ch.append(chain("P2", [
        (r"P^2", Pe ** 2), (r"\begin{pmatrix} 0.9 & 0.1\\ 0.3 & 0.7 \end{pmatrix}^2", Mat([[d(9, 10), d(1, 10)], [d(3, 10), d(7, 10)]]) ** 2),
        (r"\begin{pmatrix} 0.81 + 0.03 & 0.09 + 0.07\\ 0.27 + 0.21 & 0.03 + 0.49 \end{pmatrix}",
         Mat([[d(81, 100) + d(3, 100), d(9, 100) + d(7, 100)], [d(27, 100) + d(21, 100), d(3, 100) + d(49, 100)]])),
        (r"\begin{pmatrix} 0.84 & 0.16\\ 0.48 & 0.52 \end{pmatrix}", Mat([[d(84, 100), d(16, 100)], [d(48, 100), d(52, 100)]]))]))
    doc = Doc("mm1_queue_handout.tex", ch)
    wrong = r"\begin{pmatrix} 0.81 + 0.3 & 0.09 + 0.07\\ 0.27 + 0.21 & 0.03 + 0.49 \end{pmatrix}"
    return with_plant(doc, r"0.81 + 0.03 &", r"0.81 + 0.3 &", "P2", 2,
                      I(wrong, _fn(Mat([[d(81, 100) + d(3, 10), d(9, 100) + d(7, 100)], [d(27, 100) + d(21, 100), d(3, 100) + d(49, 100)]]))),
                      "arithmetic slip: 0.1 x 0.3 written as 0.3 instead of 0.03 in the top-left entry of P^2 computed by hand")


def markov_queue_study_notes():
    a, b = P("ms_a", 0.1, 0.9), P("ms_b", 0.1, 0.9)
    s = R("ms_s", -1.5, 1.5)
    rho = P("ms_rho", 0.1, 0.5)
    z = P("ms_z", 0.3, 1.0)
    j = sp.Symbol("ms_j", integer=True, nonnegative=True)
    kk = sp.Symbol("ms_k", integer=True, positive=True)
    Pm = Mat([[1 - a, a], [b, 1 - b]])
    I2 = sp.eye(2)
    p1, p2 = sp.symbols("_msp1 _msp2")
    solp = sp.solve([p1 * (1 - a) + p2 * b - p1, p1 + p2 - 1], [p1, p2], dict=True)[0]
    pi1, pi2 = solp[p1], solp[p2]
    Pi = Mat([[pi1, pi2], [pi1, pi2]])
    ch = []
    ch.append(chain("P", [(r"P", Pm), (r"\begin{pmatrix}1 - a & a\\ b & 1 - b\end{pmatrix}", Mat([[1 - a, a], [b, 1 - b]]))], DEF))
    ch.append(chain("pi1", [(r"\pi_1", pi1), (r"\frac{b}{a + b}", b / (a + b))]))
    ch.append(chain("pi2", [(r"\pi_2", pi2), (r"\frac{a}{a + b}", a / (a + b))]))
    ch.append(chain("check", [(r"(\pi P)_1", (Mat([[pi1, pi2]]) * Pm)[0, 0]), (r"\pi_1(1 - a) + \pi_2 b", pi1 * (1 - a) + pi2 * b),
                              (r"\frac{b - ab + ab}{a + b}", (b - a * b + a * b) / (a + b)), (r"\pi_1", pi1)]))
    ch.append(chain("char", [(r"\det(P - sI)", (Pm - s * I2).det()), (r"(1 - a - s)(1 - b - s) - ab", (1 - a - s) * (1 - b - s) - a * b),
                             (r"(s - 1)(s - 1 + a + b)", (s - 1) * (s - 1 + a + b))]))
    ch.append(chain("Pn", [(r"P^n", lambda c: Pm ** c["n"]), (r"\Pi + (1 - a - b)^n(I - \Pi)", lambda c: Pi + (1 - a - b) ** c["n"] * (I2 - Pi))],
                    ctxs=[{"n": k} for k in range(1, 5)]))
    ch.append(chain("base", [(r"\Pi + (1 - a - b)(I - \Pi)", Pi + (1 - a - b) * (I2 - Pi)), (r"(a + b)\Pi + (1 - a - b)I", (a + b) * Pi + (1 - a - b) * I2),
                             (r"P", Pm)]))
    ch.append(chain("step", [(r"(I - \Pi)P", (I2 - Pi) * Pm), (r"P - \Pi", Pm - Pi), (r"(1 - a - b)(I - \Pi)", (1 - a - b) * (I2 - Pi))]))
    Pe = Pm.subs({a: Q(1, 4), b: Q(1, 2)})
    t3, t13 = Q(2, 3), Q(1, 3)
    ch.append(chain("P2f", [
        (r"P^2", Pe ** 2),
        (r"\begin{pmatrix}\frac23 & \frac13\\ \frac23 & \frac13\end{pmatrix} + \frac{1}{16}\begin{pmatrix}\frac13 & -\frac13\\ -\frac23 & \frac23\end{pmatrix}",
         Mat([[t3, t13], [t3, t13]]) + Q(1, 16) * Mat([[t13, -t13], [-t3, t3]])),
        (r"\begin{pmatrix}\frac{11}{16} & \frac{5}{16}\\ \frac58 & \frac38\end{pmatrix}", Mat([[Q(11, 16), Q(5, 16)], [Q(5, 8), Q(3, 8)]]))]))
    ch.append(chain("P2d", [
        (r"\begin{pmatrix}\frac34 & \frac14\\ \frac12 & \frac12\end{pmatrix}^2", Mat([[Q(3, 4), Q(1, 4)], [half, half]]) ** 2),
        (r"\begin{pmatrix}\frac{9}{16} + \frac18 & \frac{3}{16} + \frac18\\ \frac38 + \frac14 & \frac18 + \frac14\end{pmatrix}",
         Mat([[Q(9, 16) + Q(1, 8), Q(3, 16) + Q(1, 8)], [Q(3, 8) + Q(1, 4), Q(1, 8) + Q(1, 4)]])),
        (r"\begin{pmatrix}\frac{11}{16} & \frac{5}{16}\\ \frac58 & \frac38\end{pmatrix}", Mat([[Q(11, 16), Q(5, 16)], [Q(5, 8), Q(3, 8)]]))]))

    def pin(k):
        return (1 - rho) * rho ** k

    Gsum = sp.Sum(pin(j) * z ** j, (j, 0, oo))
    Gc = (1 - rho) / (1 - rho * z)
    zz = sp.Symbol("_msz", positive=True)
    Gcz = Gc.subs(z, zz)
    G1 = sp.diff(Gcz, zz).subs(zz, 1)
    G2 = sp.diff(Gcz, zz, 2).subs(zz, 1)
    EN = sp.Sum(j * pin(j), (j, 0, oo))
    EF = sp.Sum(j * (j - 1) * pin(j), (j, 0, oo))
    ch.append(chain("G", [(r"G(z)", Gsum), (r"\mathbb{E}\big[z^N\big]", Gsum), (r"\sum_{n=0}^{\infty}(1 - \rho)\rho^nz^n", Gsum),
                          (r"\frac{1 - \rho}{1 - \rho z}", Gc)], [DEF, "id", "id"]))
    ch.append(chain("G1z", [(r"G'(z)", sp.diff(Gc, z)), (r"\frac{\rho(1 - \rho)}{(1 - \rho z)^2}", rho * (1 - rho) / (1 - rho * z) ** 2)]))
    ch.append(chain("EN", [(r"\mathbb{E}[N]", EN), (r"G'(1)", G1), (r"\frac{\rho(1 - \rho)}{(1 - \rho)^2}", rho * (1 - rho) / (1 - rho) ** 2),
                           (r"\frac{\rho}{1 - \rho}", rho / (1 - rho))]))
    ch.append(chain("G2", [(r"G''(1)", G2), (r"\frac{2\rho^2(1 - \rho)}{(1 - \rho)^3}", 2 * rho ** 2 * (1 - rho) / (1 - rho) ** 3), (r"\mathbb{E}[N(N - 1)]", EF)]))
    ch.append(chain("var", [
        (r"\operatorname{Var}(N)", sp.Sum(j ** 2 * pin(j), (j, 0, oo)) - EN ** 2),
        (r"G''(1) + G'(1) - G'(1)^2", G2 + G1 - G1 ** 2),
        (r"\frac{2\rho^2}{(1 - \rho)^2} + \frac{\rho}{1 - \rho} - \frac{\rho^2}{(1 - \rho)^2}", 2 * rho ** 2 / (1 - rho) ** 2 + rho / (1 - rho) - rho ** 2 / (1 - rho) ** 2),
        (r"\frac{\rho}{(1 - \rho)^2}", rho / (1 - rho) ** 2)]))
    tail = GeoTail(kk, rho)      # P(N >= k) = sum of pi_j over j >= k (numerically: j = k..k + 300)
    ch.append(chain("tail", [(r"\mathbb{E}[N]", EN), (r"\sum_{k=1}^{\infty}P(N \ge k)", sp.Sum(tail, (kk, 1, oo))),
                             (r"\sum_{k=1}^{\infty}\rho^k", sp.Sum(rho ** kk, (kk, 1, oo))), (r"\frac{\rho}{1 - \rho}", rho / (1 - rho))]))
    lam, mu = 2, 5
    r5 = Q(lam, mu)
    Lc = r5 / (1 - r5)
    W = 1 / sp.Integer(mu - lam)              # M/M/1 sojourn time 1/(mu - lambda)
    Wq = sp.Integer(lam) / (mu * (mu - lam))
    ch.append(chain("n_L", [(r"L", Lc), (r"\frac{2/5}{3/5}", Q(2, 5) / Q(3, 5)), (r"\frac23", Q(2, 3))]))
    ch.append(chain("n_W", [(r"W", W), (r"\frac{L}{\lambda}", Lc / lam), (r"\frac{2/3}{2}", Q(2, 3) / 2), (r"\frac13", Q(1, 3))]))
    ch.append(chain("n_Wq", [(r"W_q", Wq), (r"W - \frac1\mu", W - Q(1, mu)), (r"\frac13 - \frac15", Q(1, 3) - Q(1, 5)), (r"\frac{2}{15}", Q(2, 15))]))
    ch.append(chain("n_Lq", [(r"L_q", r5 ** 2 / (1 - r5)), (r"\lambda W_q", lam * Wq), (r"\frac{4}{15}", Q(4, 15))]))
    ch.append(chain("n_var", [(r"\operatorname{Var}(N)", r5 / (1 - r5) ** 2), (r"\frac{2/5}{(3/5)^2}", Q(2, 5) / Q(3, 5) ** 2), (r"\frac{10}{9}", Q(10, 9))]))
    doc = Doc("markov_queue_study_notes.md", ch)
    wrong = r"\frac{\rho^2}{(1 - \rho)^2} + \frac{\rho}{1 - \rho} - \frac{\rho^2}{(1 - \rho)^2}"
    return with_plant(doc, r"\frac{2\rho^2}{(1 - \rho)^2} + \frac{\rho}{1 - \rho}", r"\frac{\rho^2}{(1 - \rho)^2} + \frac{\rho}{1 - \rho}", "var", 2,
                      I(wrong, _fn(rho ** 2 / (1 - rho) ** 2 + rho / (1 - rho) - rho ** 2 / (1 - rho) ** 2)),
                      "dropped factor: rho^2/(1 - rho)^2 for 2rho^2/(1 - rho)^2, the 2 of G''(1) lost in the variance")


class GeoTail(sp.Function):
    """P(N >= k) for pi_j = (1 - rho) rho^j: evaluated, once k is an integer and rho a number, as the sum of
    pi_j over j = k..k + 300 (the neglected tail is below rho^300 < 1e-90 for rho <= 0.5)."""

    @classmethod
    def eval(cls, k, r):
        if k.is_Integer and r.is_Number:
            return sp.Add(*[(1 - r) * r ** j for j in range(int(k), int(k) + 301)])
        return None


# ===========================================================================
# family 6: ridge regression in one dimension
def ridge_shrinkage_problem_set():
    beta = P("rp_beta", 0.3, 2.0)
    s2 = P("rp_s2", 0.3, 2.0)
    lam = P("rp_lam", 0.1, 3.0)
    bb = R("rp_bvar", -2.0, 2.0)          # the argument of J
    x0 = R("rp_x0", -1.5, 1.5)
    Xv = rv("rp_x", 4, -1.5, 1.5)
    Yv = rv("rp_y", 4, -2.0, 2.0)
    Ev = [sp.Symbol("_rpe%d" % i, real=True) for i in range(0, 5)]   # eps_0 .. eps_4 (mean 0, variance s2)
    ctx = [{"n": n} for n in range(1, 5)]

    def Sx(c):
        return S(lambda i: Xv[i - 1] ** 2, 1, c["n"])

    def Sxy(c):
        return S(lambda i: Xv[i - 1] * Yv[i - 1], 1, c["n"])

    def J(c):
        return S(lambda i: (Yv[i - 1] - bb * Xv[i - 1]) ** 2, 1, c["n"]) + lam * bb ** 2

    def bhat_rand(c, L=lam):  # the estimator with y_i = beta x_i + eps_i
        return S(lambda i: Xv[i - 1] * (beta * Xv[i - 1] + Ev[i]), 1, c["n"]) / (Sx(c) + L)

    def E(c, e):
        return Epoly(e, {Ev[i]: centred(s2) for i in range(0, c["n"] + 1)})

    def mse(c, L=lam):
        return E(c, (bhat_rand(c, L) - beta) ** 2)

    ch = []
    ch.append(chain("J", [(r"J(\beta)", J), (r"\sumi (y_i - \beta x_i)^2 + \lambda\beta^2", J)], DEF, ctxs=ctx))
    ch.append(chain("J1", [
        (r"J'(\beta)", lambda c: sp.diff(J(c), bb)),
        (r"-2\sumi x_i(y_i - \beta x_i) + 2\lambda\beta", lambda c: -2 * S(lambda i: Xv[i - 1] * (Yv[i - 1] - bb * Xv[i - 1]), 1, c["n"]) + 2 * lam * bb),
        (r"2\Bigl[\beta\Bigl(\sumi x_i^2 + \lambda\Bigr) - \sumi x_iy_i\Bigr]", lambda c: 2 * (bb * (Sx(c) + lam) - Sxy(c)))], ctxs=ctx))
    ch.append(chain("bhat", [
        (r"\bl", lambda c: sp.solve(sp.diff(J(c), bb), bb)[0]),
        (r"\frac{\sumi x_iy_i}{\sumi x_i^2 + \lambda}", lambda c: Sxy(c) / (Sx(c) + lam)),
        (r"\frac{\sumi x_iy_i}{S + \lambda}", lambda c: Sxy(c) / (Sx(c) + lam))], ctxs=ctx))
    ch.append(chain("Eb", [
        (r"\E[\bl]", lambda c: E(c, bhat_rand(c))),
        (r"\frac{\sumi x_i\,\E[y_i]}{S + \lambda}", lambda c: S(lambda i: Xv[i - 1] * E(c, beta * Xv[i - 1] + Ev[i]), 1, c["n"]) / (Sx(c) + lam)),
        (r"\frac{\beta S}{S + \lambda}", lambda c: beta * Sx(c) / (Sx(c) + lam))], ctxs=ctx))
    ch.append(chain("bias", [
        (r"\Bias(\bl)", lambda c: E(c, bhat_rand(c)) - beta),
        (r"\frac{\beta S}{S + \lambda} - \beta", lambda c: beta * Sx(c) / (Sx(c) + lam) - beta),
        (r"-\frac{\lambda\beta}{S + \lambda}", lambda c: -lam * beta / (Sx(c) + lam))], ctxs=ctx))

    def var(c, L=lam):
        return E(c, bhat_rand(c, L) ** 2) - E(c, bhat_rand(c, L)) ** 2

    ch.append(chain("var", [
        (r"\Var(\bl)", var),
        (r"\frac{\sumi x_i^2\Var(y_i)}{(S + \lambda)^2}",
         lambda c: S(lambda i: Xv[i - 1] ** 2 * (E(c, (beta * Xv[i - 1] + Ev[i]) ** 2) - E(c, beta * Xv[i - 1] + Ev[i]) ** 2), 1, c["n"]) / (Sx(c) + lam) ** 2),
        (r"\frac{\sigma^2 S}{(S + \lambda)^2}", lambda c: s2 * Sx(c) / (Sx(c) + lam) ** 2)], ctxs=ctx))
    ch.append(chain("mse", [
        (r"\MSE(\lambda)", mse), (r"\E\bigl[(\bl - \beta)^2\bigr]", mse),
        (r"\Bias(\bl)^2 + \Var(\bl)", lambda c: (E(c, bhat_rand(c)) - beta) ** 2 + var(c)),
        (r"\frac{\lambda^2\beta^2 + \sigma^2 S}{(S + \lambda)^2}", lambda c: (lam ** 2 * beta ** 2 + s2 * Sx(c)) / (Sx(c) + lam) ** 2)],
        [DEF, "id", "id"], ctxs=ctx))

    def dmse(c):
        return sp.diff(mse(c), lam)

    ch.append(chain("dmse", [
        (r"\frac{d\MSE}{d\lambda}", dmse),
        (r"\frac{2\lambda\beta^2(S + \lambda)^2 - 2(S + \lambda)(\lambda^2\beta^2 + \sigma^2 S)}{(S + \lambda)^4}",
         lambda c: (2 * lam * beta ** 2 * (Sx(c) + lam) ** 2 - 2 * (Sx(c) + lam) * (lam ** 2 * beta ** 2 + s2 * Sx(c))) / (Sx(c) + lam) ** 4),
        (r"\frac{2\bigl[\lambda\beta^2(S + \lambda) - \lambda^2\beta^2 - \sigma^2 S\bigr]}{(S + \lambda)^3}",
         lambda c: 2 * (lam * beta ** 2 * (Sx(c) + lam) - lam ** 2 * beta ** 2 - s2 * Sx(c)) / (Sx(c) + lam) ** 3),
        (r"\frac{2S(\lambda\beta^2 - \sigma^2)}{(S + \lambda)^3}", lambda c: 2 * Sx(c) * (lam * beta ** 2 - s2) / (Sx(c) + lam) ** 3)], ctxs=ctx))
    ls = sp.Symbol("_rpls", positive=True)

    def lamstar(c):
        sols = sp.solve(sp.numer(sp.together(dmse(c).subs(lam, ls))), ls)
        assert len(sols) == 1, sols
        return sols[0]

    ch.append(chain("lamstar", [(r"\lambda^*", lamstar), (r"\frac{\sigma^2}{\beta^2}", s2 / beta ** 2)], ctxs=ctx))
    ch.append(chain("msestar", [
        (r"\MSE(\lambda^*)", lambda c: mse(c, lamstar(c))),
        (r"\frac{\sigma^4/\beta^2 + \sigma^2 S}{(S + \sigma^2/\beta^2)^2}", lambda c: (s2 ** 2 / beta ** 2 + s2 * Sx(c)) / (Sx(c) + s2 / beta ** 2) ** 2),
        (r"\frac{\sigma^2}{S + \sigma^2/\beta^2}", lambda c: s2 / (Sx(c) + s2 / beta ** 2)),
        (r"\frac{\sigma^2\beta^2}{S\beta^2 + \sigma^2}", lambda c: s2 * beta ** 2 / (Sx(c) * beta ** 2 + s2))], ctxs=ctx))
    ch.append(chain("gain", [
        (r"\MSE(0) - \MSE(\lambda^*)", lambda c: mse(c, 0) - mse(c, lamstar(c))),
        (r"\frac{\sigma^2}{S} - \frac{\sigma^2\beta^2}{S\beta^2 + \sigma^2}", lambda c: s2 / Sx(c) - s2 * beta ** 2 / (Sx(c) * beta ** 2 + s2)),
        (r"\frac{\sigma^4}{S(S\beta^2 + \sigma^2)}", lambda c: s2 ** 2 / (Sx(c) * (Sx(c) * beta ** 2 + s2)))], ctxs=ctx))

    def pred_parts(c):
        f0 = beta * x0
        fh = bhat_rand(c) * x0
        Efh = E(c, fh)
        return f0, fh, Efh

    ch.append(chain("pred", [
        (r"\E\bigl[(Y_0 - \hat f(x_0))^2\bigr]", lambda c: E(c, (beta * x0 + Ev[0] - pred_parts(c)[1]) ** 2)),
        (r"\E\bigl[(\varepsilon_0 + f(x_0) - \E\hat f(x_0) - (\hat f(x_0) - \E\hat f(x_0)))^2\bigr]",
         lambda c: E(c, (Ev[0] + pred_parts(c)[0] - pred_parts(c)[2] - (pred_parts(c)[1] - pred_parts(c)[2])) ** 2)),
        (r"\sigma^2 + \bigl(f(x_0) - \E\hat f(x_0)\bigr)^2 + \Var\bigl(\hat f(x_0)\bigr)",
         lambda c: s2 + (pred_parts(c)[0] - pred_parts(c)[2]) ** 2 + (E(c, pred_parts(c)[1] ** 2) - pred_parts(c)[2] ** 2)),
        (r"\sigma^2 + x_0^2\,\frac{\lambda^2\beta^2 + \sigma^2 S}{(S + \lambda)^2}", lambda c: s2 + x0 ** 2 * (lam ** 2 * beta ** 2 + s2 * Sx(c)) / (Sx(c) + lam) ** 2)],
        ctxs=ctx))
    # the small data set: x = (1, 2, 2), y = (1, 3, 2)
    c3 = {"n": 3}
    dat = {Xv[0]: 1, Xv[1]: 2, Xv[2]: 2, Yv[0]: 1, Yv[1]: 3, Yv[2]: 2}
    bl_num = sp.solve(sp.diff(J(c3).subs(dat), bb), bb)[0]
    ch.append(chain("n_bl", [(r"\bl", bl_num),
                             (r"\frac{1\cdot 1 + 2\cdot 3 + 2\cdot 2}{1 + 4 + 4 + \lambda}", (1 * 1 + 2 * 3 + 2 * 2) / (1 + 4 + 4 + lam)),
                             (r"\frac{11}{9 + \lambda}", 11 / (9 + lam))]))
    ch.append(chain("n_b0", [(r"\hat\beta_0", bl_num.subs(lam, 0)), (r"\frac{11}{9}", Q(11, 9))]))
    ch.append(chain("n_b1", [(r"\hat\beta_1", bl_num.subs(lam, 1)), (r"\frac{11}{10}", Q(11, 10))]))
    ch.append(chain("n_b2", [(r"\hat\beta_2", bl_num.subs(lam, 2)), (r"1", 1)]))
    truth = {beta: 1, s2: 1}
    xdat = {Xv[0]: 1, Xv[1]: 2, Xv[2]: 2}
    mse3 = mse(c3).subs(xdat).subs(truth)
    ch.append(chain("n_d0", [(r"\frac{d\MSE}{d\lambda}\Big|_{\lambda = 0}", sp.diff(mse3, lam).subs(lam, 0)),
                             (r"\frac{2\cdot 9\,(0 - 1)}{9^3}", sp.Integer(2 * 9 * (0 - 1)) / 9 ** 3), (r"-\frac{2}{81}", -Q(2, 81))]))
    ch.append(chain("n_mse1", [(r"\MSE(1)", mse3.subs(lam, 1)), (r"\frac{1^2\cdot 1^2 + 1\cdot 9}{(9 + 1)^2}", Q(1 * 1 + 1 * 9, (9 + 1) ** 2)),
                               (r"\frac{10}{100}", Q(10, 100)), (r"\frac{1}{10}", Q(1, 10))]))
    bias1 = (E(c3, bhat_rand(c3)) - beta).subs(xdat).subs(truth).subs(lam, 1)
    var1 = var(c3).subs(xdat).subs(truth).subs(lam, 1)
    ch.append(chain("n_bias", [(r"\Bias(\hat\beta_1)", bias1), (r"-\frac{1}{10}", -Q(1, 10))]))
    ch.append(chain("n_var", [(r"\Var(\hat\beta_1)", var1), (r"\frac{9}{100}", Q(9, 100))]))
    ch.append(chain("n_sum", [(r"\Bias(\hat\beta_1)^2 + \Var(\hat\beta_1)", bias1 ** 2 + var1), (r"\frac{1}{100} + \frac{9}{100}", Q(1, 100) + Q(9, 100)),
                              (r"\frac{1}{10}", Q(1, 10))]))
    doc = Doc("ridge_shrinkage_problem_set.tex", ch)
    wrong = r"\frac{2\bigl[\lambda\beta^2(S + \lambda) - \sigma^2 S\bigr]}{(S + \lambda)^3}"
    return with_plant(doc, r"\lambda\beta^2(S + \lambda) - \lambda^2\beta^2 - \sigma^2 S", r"\lambda\beta^2(S + \lambda) - \sigma^2 S", "dmse", 2,
                      I(wrong, lambda c: 2 * (lam * beta ** 2 * (Sx(c) + lam) - s2 * Sx(c)) / (Sx(c) + lam) ** 3),
                      "dropped term: the -lambda^2 beta^2 of the numerator left out when cancelling a factor S + lambda in dMSE/dlambda")


def ridge_cv_course_page():
    beta = P("rc_beta", 0.3, 2.0)
    s2 = P("rc_s2", 0.3, 2.0)
    lam = P("rc_lam", 0.1, 3.0)
    sv = R("rc_s", 0.0, 1.0)
    bb = R("rc_bvar", -2.0, 2.0)
    f, mh, vU = R("rc_f"), R("rc_mhat"), P("rc_v", 0.3, 2.0)
    eps, Uh = sp.symbols("_rceps _rcU", real=True)
    Xv = rv("rc_x", 4, -1.5, 1.5)
    Yv = rv("rc_y", 4, -2.0, 2.0)
    Ev = [sp.Symbol("_rce%d" % i, real=True) for i in range(1, 5)]
    ctx = [{"n": n} for n in range(1, 5)]
    ctx_i = [{"n": n, "i": i} for n in range(1, 5) for i in range(1, n + 1)]

    def Sx(c):
        return S(lambda i: Xv[i - 1] ** 2, 1, c["n"])

    def Sxy(c):
        return S(lambda i: Xv[i - 1] * Yv[i - 1], 1, c["n"])

    def ridge_fit(xs, ys, L):
        obj = sum((yy - bb * xx) ** 2 for xx, yy in zip(xs, ys)) + L * bb ** 2
        return sp.solve(sp.diff(obj, bb), bb)[0]

    def bl(c, L=lam):
        return ridge_fit(Xv[:c["n"]], Yv[:c["n"]], L)

    def yr(c, i):
        return beta * Xv[i - 1] + Ev[i - 1]

    def E(c, e):
        return Epoly(e, {Ev[i]: centred(s2) for i in range(0, c["n"])})

    def bl_rand(c, L=lam):
        return S(lambda i: Xv[i - 1] * yr(c, i), 1, c["n"]) / (Sx(c) + L)

    def ols_rand(c):
        return S(lambda i: Xv[i - 1] * yr(c, i), 1, c["n"]) / Sx(c)

    def sl(c):
        return Sx(c) / (Sx(c) + lam)

    def mse_lam(c):
        return E(c, (bl_rand(c) - beta) ** 2)

    def m(c, s_):
        return E(c, (s_ * ols_rand(c) - beta) ** 2)

    ch = []
    ch.append(chain("bl", [
        (r"\hat\beta_\lambda", bl), (r"\frac{\sum_i x_iy_i}{S + \lambda}", lambda c: Sxy(c) / (Sx(c) + lam)),
        (r"\frac{S}{S + \lambda}\cdot\frac{\sum_i x_iy_i}{S}", lambda c: Sx(c) / (Sx(c) + lam) * Sxy(c) / Sx(c)),
        (r"s_\lambda\,\hat\beta_{\text{OLS}}", lambda c: sl(c) * Sxy(c) / Sx(c))], [DEF, "id", "id"], ctxs=ctx))
    ch.append(chain("bias", [
        (r"\mathbb{E}[\hat\beta_\lambda] - \beta", lambda c: E(c, bl_rand(c)) - beta),
        (r"(s_\lambda - 1)\beta", lambda c: (sl(c) - 1) * beta), (r"-\frac{\lambda}{S + \lambda}\beta", lambda c: -lam / (Sx(c) + lam) * beta)], ctxs=ctx))

    def Var_(c, e):
        return E(c, e ** 2) - E(c, e) ** 2

    ch.append(chain("var", [
        (r"\operatorname{Var}(\hat\beta_\lambda)", lambda c: Var_(c, bl_rand(c))),
        (r"s_\lambda^2\operatorname{Var}(\hat\beta_{\text{OLS}})", lambda c: sl(c) ** 2 * Var_(c, ols_rand(c))),
        (r"s_\lambda^2\,\frac{\sigma^2}{S}", lambda c: sl(c) ** 2 * s2 / Sx(c))], ctxs=ctx))
    ch.append(chain("m", [(r"m(s)", lambda c: m(c, sv)), (r"(1 - s)^2\beta^2 + s^2\,\frac{\sigma^2}{S}", lambda c: (1 - sv) ** 2 * beta ** 2 + sv ** 2 * s2 / Sx(c))],
                    DEF, ctxs=ctx))
    ch.append(chain("dm", [(r"\frac{dm}{ds}", lambda c: sp.diff(m(c, sv), sv)),
                           (r"-2(1 - s)\beta^2 + 2s\,\frac{\sigma^2}{S}", lambda c: -2 * (1 - sv) * beta ** 2 + 2 * sv * s2 / Sx(c))], ctxs=ctx))

    def sstar(c):
        return sp.solve(sp.diff(m(c, sv), sv), sv)[0]

    ch.append(chain("sstar", [(r"s^*", sstar), (r"\frac{\beta^2}{\beta^2 + \sigma^2/S}", lambda c: beta ** 2 / (beta ** 2 + s2 / Sx(c))),
                              (r"\frac{S\beta^2}{S\beta^2 + \sigma^2}", lambda c: Sx(c) * beta ** 2 / (Sx(c) * beta ** 2 + s2))], ctxs=ctx))
    ch.append(chain("dsdl", [(r"\frac{ds_\lambda}{d\lambda}", lambda c: sp.diff(sl(c), lam)), (r"-\frac{S}{(S + \lambda)^2}", lambda c: -Sx(c) / (Sx(c) + lam) ** 2)],
                    ctxs=ctx))
    ch.append(chain("dmse", [
        (r"\frac{d\,\mathrm{MSE}}{d\lambda}", lambda c: sp.diff(mse_lam(c), lam)),
        (r"\frac{dm}{ds}\,\frac{ds_\lambda}{d\lambda}", lambda c: sp.diff(m(c, sv), sv).subs(sv, sl(c)) * sp.diff(sl(c), lam)),
        (r"\Big[-2(1 - s_\lambda)\beta^2 + 2s_\lambda\frac{\sigma^2}{S}\Big]\Big(-\frac{S}{(S + \lambda)^2}\Big)",
         lambda c: (-2 * (1 - sl(c)) * beta ** 2 + 2 * sl(c) * s2 / Sx(c)) * (-Sx(c) / (Sx(c) + lam) ** 2)),
        (r"\frac{2S(\lambda\beta^2 - \sigma^2)}{(S + \lambda)^3}", lambda c: 2 * Sx(c) * (lam * beta ** 2 - s2) / (Sx(c) + lam) ** 3)], ctxs=ctx))
    ls = sp.Symbol("_rcls", positive=True)

    def lamstar(c):
        sols = sp.solve(sp.numer(sp.together(sp.diff(mse_lam(c), lam).subs(lam, ls))), ls)
        assert len(sols) == 1, sols
        return sols[0]

    ch.append(chain("slstar", [
        (r"s_{\lambda^*}", lambda c: Sx(c) / (Sx(c) + lamstar(c))),
        (r"\frac{S}{S + \sigma^2/\beta^2}", lambda c: Sx(c) / (Sx(c) + s2 / beta ** 2)),
        (r"\frac{S\beta^2}{S\beta^2 + \sigma^2}", lambda c: Sx(c) * beta ** 2 / (Sx(c) * beta ** 2 + s2)),
        (r"s^*", sstar)], ctxs=ctx))
    # Y = f + eps, fhat = mhat + U, eps and U independent with mean 0, variances s2 and v
    Yd = f + eps
    fh = mh + Uh
    EU = {eps: centred(s2), Uh: centred(vU)}

    def Ed(e):
        return Epoly(e, EU)

    ch.append(chain("cross", [(r"\mathbb{E}\big[(Y - f)(f - \hat f)\big]", Ed((Yd - f) * (f - fh))),
                              (r"\mathbb{E}[\varepsilon]\,\mathbb{E}[f - \hat f]", Ed(eps) * Ed(f - fh)), (r"0", 0)]))
    ch.append(chain("decomp", [
        (r"\mathbb{E}\big[(Y - \hat f)^2\big]", Ed((Yd - fh) ** 2)),
        (r"\mathbb{E}\big[(Y - f)^2\big] + \mathbb{E}\big[(f - \hat f)^2\big]", Ed((Yd - f) ** 2) + Ed((f - fh) ** 2)),
        (r"\sigma^2 + \big(f - \mathbb{E}\hat f\big)^2 + \mathbb{E}\big[(\hat f - \mathbb{E}\hat f)^2\big]", s2 + (f - Ed(fh)) ** 2 + Ed((fh - Ed(fh)) ** 2))]))

    def loo(c, i, L=lam):
        xs = [Xv[j - 1] for j in range(1, c["n"] + 1) if j != i]
        ys = [Yv[j - 1] for j in range(1, c["n"] + 1) if j != i]
        return ridge_fit(xs, ys, L)

    def hi(c, i):
        return Xv[i - 1] ** 2 / (Sx(c) + lam)

    ch.append(chain("loo", [(r"\hat\beta_\lambda^{(-i)}", lambda c: loo(c, c["i"])),
                            (r"\frac{\sum_j x_jy_j - x_iy_i}{S - x_i^2 + \lambda}",
                             lambda c: (Sxy(c) - Xv[c["i"] - 1] * Yv[c["i"] - 1]) / (Sx(c) - Xv[c["i"] - 1] ** 2 + lam))], DEF, ctxs=ctx_i))

    def xi_yi(c):
        return Xv[c["i"] - 1], Yv[c["i"] - 1]

    ch.append(chain("loores", [
        (r"y_i - \hat\beta_\lambda^{(-i)}x_i", lambda c: xi_yi(c)[1] - loo(c, c["i"]) * xi_yi(c)[0]),
        (r"\frac{y_i(S + \lambda - x_i^2) - x_i\big(\sum_j x_jy_j - x_iy_i\big)}{S + \lambda - x_i^2}",
         lambda c: (xi_yi(c)[1] * (Sx(c) + lam - xi_yi(c)[0] ** 2) - xi_yi(c)[0] * (Sxy(c) - xi_yi(c)[0] * xi_yi(c)[1])) / (Sx(c) + lam - xi_yi(c)[0] ** 2)),
        (r"\frac{y_i(S + \lambda) - x_i\sum_j x_jy_j}{S + \lambda - x_i^2}",
         lambda c: (xi_yi(c)[1] * (Sx(c) + lam) - xi_yi(c)[0] * Sxy(c)) / (Sx(c) + lam - xi_yi(c)[0] ** 2)),
        (r"\frac{(S + \lambda)(y_i - \hat\beta_\lambda x_i)}{S + \lambda - x_i^2}",
         lambda c: (Sx(c) + lam) * (xi_yi(c)[1] - bl(c) * xi_yi(c)[0]) / (Sx(c) + lam - xi_yi(c)[0] ** 2)),
        (r"\frac{y_i - \hat\beta_\lambda x_i}{1 - h_i}", lambda c: (xi_yi(c)[1] - bl(c) * xi_yi(c)[0]) / (1 - hi(c, c["i"])))], ctxs=ctx_i))

    def cv_refit(c, L=lam):
        return Q(1, c["n"]) * S(lambda i: (Yv[i - 1] - loo(c, i, L) * Xv[i - 1]) ** 2, 1, c["n"])

    ch.append(chain("cv", [(r"\mathrm{CV}(\lambda)", cv_refit),
                           (r"\frac1n\sum_{i=1}^{n}\Big(\frac{y_i - \hat\beta_\lambda x_i}{1 - h_i}\Big)^2",
                            lambda c: Q(1, c["n"]) * S(lambda i: ((Yv[i - 1] - bl(c) * Xv[i - 1]) / (1 - hi(c, i))) ** 2, 1, c["n"]))], DEF, ctxs=ctx))
    # worked example
    c4 = {"n": 4}
    dat = {Xv[0]: -1, Xv[1]: 0, Xv[2]: 1, Xv[3]: 2, Yv[0]: -1, Yv[1]: 1, Yv[2]: 2, Yv[3]: 3}
    ch.append(chain("n_b3", [(r"\hat\beta_3", bl(c4, 3).subs(dat)), (r"\frac{9}{6 + 3}", Q(9, 6 + 3)), (r"1", 1)]))
    ch.append(chain("n_e1", [(r"\frac{0}{8/9}", 0 / Q(8, 9)), (r"0", 0)]))
    ch.append(chain("n_e2", [(r"\frac{1}{1}", Q(1, 1)), (r"1", 1)]))
    ch.append(chain("n_e3", [(r"\frac{1}{8/9}", 1 / Q(8, 9)), (r"\frac98", Q(9, 8))]))
    ch.append(chain("n_e4", [(r"\frac{1}{5/9}", 1 / Q(5, 9)), (r"\frac95", Q(9, 5))]))
    b4 = loo(c4, 4, 3).subs(dat)
    ch.append(chain("n_loo4", [(r"\hat\beta_3^{(-4)}", b4), (r"\frac{9 - 2\cdot 3}{6 - 4 + 3}", Q(9 - 2 * 3, 6 - 4 + 3)), (r"\frac35", Q(3, 5))]))
    ch.append(chain("n_res4", [(r"y_4 - \hat\beta_3^{(-4)}x_4", 3 - b4 * 2), (r"3 - \frac65", 3 - Q(6, 5)), (r"\frac95", Q(9, 5))]))
    ch.append(chain("n_cv3", [(r"\mathrm{CV}(3)", cv_refit(c4, 3).subs(dat)),
                              (r"\frac14\Big(0 + 1 + \frac{81}{64} + \frac{81}{25}\Big)", Q(1, 4) * (0 + 1 + Q(81, 64) + Q(81, 25))),
                              (r"\frac{8809}{6400}", Q(8809, 6400))]))
    ch.append(chain("n_cv0", [(r"\mathrm{CV}(0)", cv_refit(c4, 0).subs(dat)),
                              (r"\frac14\Big(\frac{9}{25} + 1 + \frac{9}{25} + 0\Big)", Q(1, 4) * (Q(9, 25) + 1 + Q(9, 25) + 0)),
                              (r"\frac{43}{100}", Q(43, 100))]))
    doc = Doc("ridge_cv_course_page.md", ch)
    wrong = r"\frac{\beta^2}{\beta^2 + \sigma^2/n}"
    return with_plant(doc, r"\frac{\beta^2}{\beta^2 + \sigma^2/S}", wrong, "sstar", 1,
                      I(wrong, lambda c: beta ** 2 / (beta ** 2 + s2 / c["n"])),
                      "wrong variable: sigma^2/n for sigma^2/S (the number of points for the sum of squares S of the x_i) in the optimal shrinkage factor")


DOCS = [heat_equation_exam, heat_kernel_blog, mm1_queue_handout, markov_queue_study_notes,
        ridge_shrinkage_problem_set, ridge_cv_course_page]
