"""Encodings of every display chain of the corpus_ml21 documents as SymPy expressions.

Each document: a list of chains in text order; a chain is (nodes, kinds, points) where nodes are the expressions
between the `=` signs, kinds[i] is 'def' or 'id' for the link nodes[i] = nodes[i+1], and points is a list of
substitutions for the free parameters (the limit variables are bound by Limit). Two-sided limits use dir='+-'.
"""
from sympy import (Symbol, Rational as R, Limit, Derivative, sqrt, exp, log, sin, cos, tan, sec, tanh, Abs,
                   oo, E, S)

x = Symbol('x', real=True)
h = Symbol('h', real=True)
n = Symbol('n', positive=True)
m = Symbol('m', real=True)
u = Symbol('u', positive=True)
t = Symbol('t', real=True)
a = Symbol('a', positive=True)
lam = Symbol('lambda', positive=True)
k = Symbol('k', positive=True, integer=True)


def L0(f, v):
    return Limit(f, v, 0, '+-')


def chain(nodes, points=None, kinds=None):
    return (list(nodes), kinds or ['id'] * (len(nodes) - 1), points or [{}])


XS_ALL = [{x: R(-7, 3)}, {x: R(1, 2)}, {x: 3}, {x: R(11, 5)}]
XS_POS = [{x: R(1, 2)}, {x: 3}, {x: R(11, 5)}, {x: 9}]
LAMS = [{lam: R(1, 2)}, {lam: R(5, 2)}, {lam: 4}, {lam: R(7, 3)}]

sig = 1 / (1 + exp(-x))

DOCS = {
    'first_principles_lecture.tex': [
        chain([Derivative(x**2, x), L0(((x + h)**2 - x**2) / h, h), L0((2*x*h + h**2) / h, h), L0(2*x + h, h), 2*x],
              XS_ALL),
        chain([Derivative(x**3, x), L0(((x + h)**3 - x**3) / h, h), L0((3*x**2*h + 3*x*h**2 + h**3) / h, h),
               L0(3*x**2 + 3*x*h + h**2, h), 3*x**2], XS_ALL),
        chain([Derivative(1/x, x), L0(1/h * (1/(x + h) - 1/x), h), L0((x - (x + h)) / (h*x*(x + h)), h),
               L0(-1 / (x*(x + h)), h), -1/x**2], XS_ALL),
        chain([Derivative(sqrt(x), x), L0((sqrt(x + h) - sqrt(x)) / h, h),
               L0((sqrt(x + h) - sqrt(x))*(sqrt(x + h) + sqrt(x)) / (h*(sqrt(x + h) + sqrt(x))), h),
               L0(((x + h) - x) / (h*(sqrt(x + h) + sqrt(x))), h), L0(1 / (sqrt(x + h) + sqrt(x)), h),
               1 / (2*sqrt(x))], XS_POS),
    ],
    'lhopital_problem_sheet.md': [
        chain([L0((exp(x) - 1 - x) / x**2, x), L0((exp(x) - 1) / (2*x), x), L0(exp(x) / 2, x), R(1, 2)]),
        chain([L0((x - sin(x)) / x**3, x), L0((1 - cos(x)) / (3*x**2), x), L0(sin(x) / (6*x), x),
               L0(cos(x) / 6, x), R(1, 6)]),
        chain([Limit((3*x**2 - 5*x + 1) / (2*x**2 + 7), x, oo), Limit((3 - 5/x + 1/x**2) / (2 + 7/x**2), x, oo),
               (3 - S(0) + 0) / (2 + S(0)), R(3, 2)]),
        chain([Limit((x**3 + 2*x) / (4*x**4 - x), x, oo), Limit((1/x + 2/x**3) / (4 - 1/x**3), x, oo), S(0) / 4,
               S(0)]),
        chain([Limit((5*x**3 - x) / (1 - 2*x**3), x, -oo), Limit((5 - 1/x**2) / (1/x**3 - 2), x, -oo), R(-5, 2)]),
        chain([Limit(x*log(x), x, 0, '+'), Limit(log(x) / (1/x), x, 0, '+'), Limit((1/x) / (-1/x**2), x, 0, '+'),
               Limit(-x, x, 0, '+'), S(0)]),
    ],
    'sigmoid_limits_blog.md': [
        chain([sig, 1 / (1 + exp(-x))], XS_ALL, ['def']),
        chain([log(1 + exp(x)), log(1 + exp(x))], XS_ALL, ['def']),
        chain([Limit(sig, x, oo), Limit(1 / (1 + exp(-x)), x, oo), 1 / (1 + S(0)), S(1)]),
        chain([Limit(sig, x, -oo), Limit(exp(x) / (exp(x) + 1), x, -oo), S(0) / (S(0) + 1), S(0)]),
        chain([Limit(tanh(x), x, oo), Limit((1 - exp(-2*x)) / (1 + exp(-2*x)), x, oo), (1 - S(0)) / (1 + S(0)),
               S(1)]),
        chain([Limit(tanh(x), x, -oo), Limit(2*sig.subs(x, 2*x) - 1, x, -oo), 2*S(0) - 1, S(-1)]),
        chain([Limit(log(1 + exp(x)) - x, x, oo), Limit(log(1 + exp(x)) - log(exp(x)), x, oo),
               Limit(log(exp(-x) + 1), x, oo), log(S(1)), S(0)]),
        chain([Limit(Derivative(sig, x), x, oo), Limit(sig*(1 - sig), x, oo), 1*(1 - S(1)), S(0)]),
        chain([Limit(log(1 + exp(-m)), m, oo), log(1 + S(0)), S(0)]),
        chain([Limit(log(1 + exp(-m)) / exp(-m), m, oo), Limit(log(1 + u) / u, u, 0, '+'), S(1)]),
    ],
    'standard_limits_cheatsheet.tex': [
        chain([L0(sin(x) / x, x), S(1)]),
        chain([L0(sin(3*x) / x, x), L0(3 * (sin(3*x) / (3*x)), x), 3*S(1), S(3)]),
        chain([L0((1 - cos(x)) / x**2, x), L0((1 - cos(x))*(1 + cos(x)) / (x**2*(1 + cos(x))), x),
               L0(sin(x)**2 / x**2 * (1 / (1 + cos(x))), x), S(1)**2 * (1 / (1 + S(1))), R(1, 2)]),
        chain([Limit((1 + 1/n)**n, n, oo), E]),
        chain([Limit((1 + 1/n)**(2*n), n, oo), Limit((1 + 1/n)**n, n, oo)**2, exp(2)]),
        chain([L0(log(1 + x) / x, x), L0(log((1 + x)**(1/x)), x), log(E), S(1)]),
        chain([L0((a**x - 1) / x, x), L0((exp(x*log(a)) - 1) / x, x), L0(a**x*log(a), x), log(a)],
              [{a: R(1, 3)}, {a: 2}, {a: 5}, {a: R(7, 2)}]),
        chain([Limit(Abs(x) / x, x, 0, '+'), Limit(x / x, x, 0, '+'), S(1)]),
        chain([Limit(Abs(x) / x, x, 0, '-'), Limit(-x / x, x, 0, '-'), S(-1)]),
    ],
    'poisson_limit_handout.md': [
        chain([Limit((1 - lam/n)**n, n, oo), Limit(exp(n*log(1 - lam/n)), n, oo),
               exp(Limit(log(1 - lam*u) / u, u, 0, '+')), exp(-lam)], LAMS),
        chain([Limit((1 - lam/n)**(-k), n, oo), (1 - S(0))**(-k), S(1)],
              [{lam: R(1, 2), k: 1}, {lam: R(5, 2), k: 2}, {lam: 4, k: 3}, {lam: R(7, 3), k: 5}]),
        chain([Limit(n*(n - 1)/2 * (lam/n)**2 * (1 - lam/n)**(n - 2), n, oo),
               lam**2/2 * Limit(n*(n - 1)/n**2 * (1 - lam/n)**n * (1 - lam/n)**(-2), n, oo),
               lam**2/2 * 1 * exp(-lam) * 1, lam**2*exp(-lam)/2], LAMS),
        chain([Limit((1 - lam/n + lam/n*exp(t))**n, n, oo), Limit((1 + lam*(exp(t) - 1)/n)**n, n, oo),
               exp(lam*(exp(t) - 1))],
              [{lam: R(1, 2), t: -1}, {lam: R(5, 2), t: R(1, 2)}, {lam: 4, t: 2}, {lam: R(7, 3), t: R(-3, 4)}]),
        chain([L0((exp(lam*(exp(t) - 1)) - 1) / t, t), L0(lam*exp(t)*exp(lam*(exp(t) - 1)), t), lam], LAMS),
    ],
    'limits_exam_solutions.tex': [
        chain([Derivative(x**2 + 3*x, x), L0(((x + h)**2 + 3*(x + h) - x**2 - 3*x) / h, h),
               L0((2*x*h + h**2 + 3*h) / h, h), L0(2*x + h + 3, h), 2*x + 3], XS_ALL),
        chain([L0((tan(x) - x) / x**3, x), L0((sec(x)**2 - 1) / (3*x**2), x), L0(tan(x)**2 / (3*x**2), x),
               R(1, 3) * L0(tan(x) / x, x)**2, R(1, 3)]),
        chain([Limit(sqrt(x**2 + 4*x) - x, x, oo), Limit(((x**2 + 4*x) - x**2) / (sqrt(x**2 + 4*x) + x), x, oo),
               Limit(4*x / (x*sqrt(1 + 4/x) + x), x, oo), Limit(4 / (sqrt(1 + 4/x) + 1), x, oo),
               S(4) / (1 + 1), S(2)]),
        chain([Limit((1 + 2/n)**(3*n), n, oo), Limit((1 + 2/n)**n, n, oo)**3, exp(2)**3, exp(6)]),
        chain([Limit(x**x, x, 0, '+'), Limit(exp(x*log(x)), x, 0, '+'), exp(Limit(x*log(x), x, 0, '+')), exp(0),
               S(1)]),
    ],
}

# planted slips: file -> (chain index, node index, wrong node, right text, wrong text, kind of slip)
PLANTED = {
    'first_principles_lecture.tex': (2, 3, L0(1 / (x*(x + h)), h), r"\frac{-1}{x(x+h)}", r"\frac{1}{x(x+h)}",
                                     "sign error inside the limit body: -1/(x(x+h)) written 1/(x(x+h)) after "
                                     "x - (x+h) = -h, so f'(x) would come out as +1/x^2"),
    'lhopital_problem_sheet.md': (1, 2, L0(-sin(x) / (6*x), x), r"\frac{\sin x}{6x}", r"\frac{-\sin x}{6x}",
                                  "wrong L'Hopital derivative: d/dx(1 - cos x) taken as -sin x instead of sin x "
                                  "(limit -1/6 instead of 1/6)"),
    'sigmoid_limits_blog.md': (7, 1, Limit(sig*(1 + sig), x, oo), r"\sigma(x)\bigl(1 - \sigma(x)\bigr)",
                               r"\sigma(x)\bigl(1 + \sigma(x)\bigr)",
                               "sign error in the sigmoid derivative: sigma(1 + sigma) instead of sigma(1 - sigma) "
                               "(limit 2 instead of 0)"),
    'standard_limits_cheatsheet.tex': (2, 3, S(1)**2 * (1 / (1 + S(0))), r"1^2 \cdot \frac{1}{1 + 1}",
                                       r"1^2 \cdot \frac{1}{1 + 0}",
                                       "wrong limit value: cos x -> cos 0 evaluated as 0 instead of 1, giving 1 "
                                       "instead of 1/2"),
    'poisson_limit_handout.md': (4, 1, L0(exp(t)*exp(lam*(exp(t) - 1)), t),
                                 r"\lim_{t \to 0} \lambda e^{t} e^{\lambda (e^{t} - 1)}",
                                 r"\lim_{t \to 0} e^{t} e^{\lambda (e^{t} - 1)}",
                                 "dropped factor: chain rule factor lambda lost in d/dt e^{lambda(e^t - 1)} "
                                 "(limit 1 instead of lambda)"),
    'limits_exam_solutions.tex': (2, 2, Limit(4*x / (x*sqrt(1 + 4/x) + 1), x, oo),
                                  r"\frac{4x}{x\sqrt{1 + 4/x} + x}", r"\frac{4x}{x\sqrt{1 + 4/x} + 1}",
                                  "algebra slip inside the limit body: when x is taken out of the denominator the "
                                  "second term x is written 1 (limit 4 instead of 2)"),
}
