"""Encodings of documents 6-10 of corpus_ml18 (written from scratch for these documents).

Same conventions as encodings_a.py: unknown functions come from the context (sympy Functions in
the first context, concrete functions in the others); derivatives are sympy.diff of what the text
differentiates; integrals are sympy Integrals, evaluated by mpmath quadrature at each sampled point.
"""
import sympy as sp

from enc import DEF, Dp, Dpp, Q, chain, cross, dfun, exp, funs, log, oo, p, r, sig, ufun
from framework import Doc, with_plant


def _I(anchor, value):
    from enc import _fn
    return (anchor, _fn(value))


# ---------------------------------------------------------------------------
# 6. gamma_likelihood_appendix.tex
def gamma_likelihood_appendix():
    al, be = p("alpha", 0.5, 3.0), p("beta", 0.3, 2.0)
    G = ufun("Gamma", positive=True)
    fctx = [dict(G=G, psi=lambda u: dfun(G, u) / G(u), generic=True),
            dict(G=sp.gamma, psi=lambda u: sp.polygamma(0, u), generic=False)]
    ctxs = cross(fctx, [dict(n=n) for n in (1, 2, 3)])

    def xs(c):
        return [p("xg_%d" % i, 0.3, 3.0) for i in range(1, c["n"] + 1)]

    def dens(c, xv, b=be):
        return b ** al * xv ** (al - 1) * exp(-b * xv) / c["G"](al)

    def Lsum(c, b=be):
        # the log of each density, expanded (every factor is positive), then summed
        return sum(sp.expand_log(log(dens(c, xi, b)), force=True) for xi in xs(c))

    def xbar(c):
        return sum(xs(c)) / c["n"]

    def slog(c):
        return sum(log(xi) for xi in xs(c))

    def bhat(c):
        sol = sp.solve(sp.diff(Lsum(c), be), be)
        assert len(sol) == 1, sol
        return sol[0]

    def Lprof(c):
        return Lsum(c).subs(be, bhat(c))

    n_ = lambda c: c["n"]  # noqa: E731
    # Gamma-Poisson evidence: concrete Gamma function, a few count vectors
    a, b = p("a_g", 0.6, 3.0), p("b_g", 0.3, 2.0)
    lam = sp.Symbol("lambda_g", positive=True)
    pois = [dict(y=y) for y in [(0,), (3,), (1, 2), (0, 2, 1)]]

    def integrand(c):
        y = c["y"]
        lik = sp.Mul(*[lam ** yi * exp(-lam) / sp.factorial(yi) for yi in y])
        return lik * b ** a * lam ** (a - 1) * exp(-b * lam) / sp.gamma(a)

    def ev(c):
        return sp.Integral(integrand(c), (lam, 0, oo))

    def S(c):
        return sum(c["y"])

    def closed(c):
        y = c["y"]
        return b ** a / (sp.gamma(a) * sp.Mul(*[sp.factorial(yi) for yi in y])) * sp.gamma(a + S(c)) / (b + len(y)) ** (a + S(c))

    gll_rhs = lambda c: n_(c) * al * log(be) - n_(c) * log(c["G"](al)) + (al - 1) * slog(c) - be * sum(xs(c))  # noqa: E731
    chains = [
        chain("gll", [
            ("\\mathcal{L}(\\alpha, \\beta)", Lsum),
            ("\\sum_{i=1}^{n}\\log p(x_i \\mid \\alpha, \\beta)", lambda c: sum(log(dens(c, xi)) for xi in xs(c))),
            ("n\\alpha\\log\\beta - n\\log\\Gamma(\\alpha) + (\\alpha - 1)\\sum_{i=1}^{n}\\log x_i - \\beta\\sum_{i=1}^{n}x_i",
             gll_rhs)], kinds=[DEF, "id"]),
        chain("dbeta", [
            ("\\frac{\\partial\\mathcal{L}}{\\partial\\beta}", lambda c: sp.diff(Lsum(c), be)),
            ("\\frac{n\\alpha}{\\beta} - \\sum_{i=1}^{n}x_i", lambda c: n_(c) * al / be - sum(xs(c)))]),
        chain("dalpha", [
            ("\\frac{\\partial\\mathcal{L}}{\\partial\\alpha}", lambda c: sp.diff(Lsum(c), al)),
            ("n\\log\\beta - n\\,\\frac{\\Gamma'(\\alpha)}{\\Gamma(\\alpha)} + \\sum_{i=1}^{n}\\log x_i",
             lambda c: n_(c) * log(be) - n_(c) * dfun(c["G"], al) / c["G"](al) + slog(c)),
            ("n\\log\\beta - n\\psi(\\alpha) + \\sum_{i=1}^{n}\\log x_i",
             lambda c: n_(c) * log(be) - n_(c) * c["psi"](al) + slog(c))]),
        chain("profile", [
            ("\\mathcal{L}\\bigl(\\alpha, \\hat\\beta(\\alpha)\\bigr)", Lprof),
            ("n\\alpha\\log\\frac{\\alpha}{\\bar x} - n\\log\\Gamma(\\alpha) + (\\alpha - 1)\\sum_{i=1}^{n}\\log x_i - n\\alpha",
             lambda c: n_(c) * al * log(al / xbar(c)) - n_(c) * log(c["G"](al)) + (al - 1) * slog(c) - n_(c) * al)]),
        chain("dprofile", [
            ("\\frac{d}{d\\alpha}\\mathcal{L}\\bigl(\\alpha, \\hat\\beta(\\alpha)\\bigr)", lambda c: sp.diff(Lprof(c), al)),
            ("n\\log\\alpha + n - n\\log\\bar x - n\\psi(\\alpha) + \\sum_{i=1}^{n}\\log x_i - n",
             lambda c: n_(c) * log(al) + n_(c) - n_(c) * log(xbar(c)) - n_(c) * c["psi"](al) + slog(c) - n_(c)),
            ("n\\bigl(\\log\\alpha - \\psi(\\alpha) - \\log\\bar x + \\overline{\\log x}\\bigr)",
             lambda c: n_(c) * (log(al) - c["psi"](al) - log(xbar(c)) + slog(c) / n_(c)))]),
        chain("evidence", [
            ("p(y_{1:n})", ev),
            ("\\int_0^\\infty \\prod_{i=1}^{n}\\frac{\\lambda^{y_i}e^{-\\lambda}}{y_i!}\\, "
             "\\frac{b^{a}\\lambda^{a - 1}e^{-b\\lambda}}{\\Gamma(a)}\\,d\\lambda", ev),
            ("\\frac{b^{a}}{\\Gamma(a)\\prod_{i=1}^{n}y_i!}\\,\\frac{\\Gamma(a + S)}{(b + n)^{a + S}}", closed)],
            kinds=[DEF, "id"], ctxs=pois),
        chain("dlogev", [
            ("\\frac{\\partial}{\\partial a}\\log p(y_{1:n})", lambda c: sp.diff(log(ev(c)), a)),
            ("\\log b - \\psi(a) + \\psi(a + S) - \\log(b + n)",
             lambda c: log(b) - sp.polygamma(0, a) + sp.polygamma(0, a + S(c)) - log(b + len(c["y"])))], ctxs=pois),
        chain("postmean", [
            ("\\E[\\lambda \\mid y_{1:n}]", lambda c: sp.Integral(lam * integrand(c), (lam, 0, oo)) / ev(c)),
            ("\\frac{\\Gamma(a + S + 1)}{\\Gamma(a + S)\\,(b + n)}",
             lambda c: sp.gamma(a + S(c) + 1) / (sp.gamma(a + S(c)) * (b + len(c["y"])))),
            ("\\frac{a + S}{b + n}", lambda c: (a + S(c)) / (b + len(c["y"])))], ctxs=pois),
    ]
    doc = Doc("gamma_likelihood_appendix.tex", chains, ctxs)
    return with_plant(
        doc, "&= n\\log\\alpha + n - n\\log\\bar x", "&= n\\log\\alpha - n\\log\\bar x", "dprofile", 1,
        _I("n\\log\\alpha - n\\log\\bar x - n\\psi(\\alpha) + \\sum_{i=1}^{n}\\log x_i - n",
           lambda c: n_(c) * log(al) - n_(c) * log(xbar(c)) - n_(c) * c["psi"](al) + slog(c) - n_(c)),
        "dropped term: the product rule on n alpha log alpha gives n log alpha + n; the + n is dropped")


# ---------------------------------------------------------------------------
# 7. taylor_hessian_forum.md
def taylor_hessian_forum():
    x1, x2, h1, h2 = r("x_1"), r("x_2"), r("h_1"), r("h_2")
    t = r("t", 0.0, 2.0)
    tau = sp.Symbol("tau", real=True)
    a9, a10 = p("a_9", 0.3, 1.2), p("a_10", 0.3, 1.2)
    coef = {(i, j): r("k_%d%d" % (i, j)) for i in range(4) for j in range(4) if i + j <= 3}
    cubic2 = lambda u, v: sum(k * u ** i * v ** j for (i, j), k in coef.items())  # noqa: E731
    concrete = [dict(f=cubic2, generic=False, name="cubic with symbolic coefficients"),
                dict(f=lambda u, v: sp.sin(u) * v + u ** 3 + exp(a9 * v), generic=False, name="concrete A"),
                dict(f=lambda u, v: exp(u * v / 3) + sp.cos(a10 * u) * v ** 2, generic=False, name="concrete B")]
    first = [dict(f=sp.Function("f", real=True), generic=True)] + concrete

    def P(tv):
        return (x1 + tv * h1, x2 + tv * h2)

    def g(c, tv):
        return c["f"](*P(tv))

    def H(c, tv):
        pt = P(tv)
        return sp.Matrix([[Dpp(c["f"], pt, 0, 0), Dpp(c["f"], pt, 0, 1)],
                          [Dpp(c["f"], pt, 1, 0), Dpp(c["f"], pt, 1, 1)]])

    hv = sp.Matrix([h1, h2])

    def gpp(c, tv):
        return sp.diff(g(c, t), t, 2).subs(t, tv)

    def gp0(c):
        return sp.diff(g(c, t), t).subs(t, 0)

    A11, A12, A22 = r("A_11"), r("A_12"), r("A_22")
    hAh = (hv.T * sp.Matrix([[A11, A12], [A12, A22]]) * hv)[0]
    x, h = r("x"), p("h", 0.3, 1.5)
    f3 = lambda u: u ** 3  # noqa: E731
    cs = [r("cc_%d" % k) for k in range(4)]
    fc = lambda u: sum(ck * u ** k for k, ck in enumerate(cs))  # noqa: E731
    chains = [
        chain("gp", [
            ("g'(t)", lambda c: sp.diff(g(c, t), t)),
            ("\\frac{d}{dt}f(x_1 + th_1,\\, x_2 + th_2)", lambda c: sp.diff(c["f"](x1 + t * h1, x2 + t * h2), t)),
            ("h_1\\,\\partial_1 f(x + th) + h_2\\,\\partial_2 f(x + th)",
             lambda c: h1 * Dp(c["f"], P(t), 0) + h2 * Dp(c["f"], P(t), 1)),
            ("\\nabla f(x + th)^\\top h",
             lambda c: (sp.Matrix([Dp(c["f"], P(t), 0), Dp(c["f"], P(t), 1)]).T * hv)[0])], ctxs=first),
        chain("gpp", [
            ("g''(t)", lambda c: sp.diff(g(c, t), t, 2)),
            ("h_1^2\\,\\partial_{11}f + 2h_1h_2\\,\\partial_{12}f + h_2^2\\,\\partial_{22}f",
             lambda c: h1 ** 2 * Dpp(c["f"], P(t), 0, 0) + 2 * h1 * h2 * Dpp(c["f"], P(t), 0, 1)
             + h2 ** 2 * Dpp(c["f"], P(t), 1, 1)),
            ("h^\\top\\nabla^2 f(x + th)\\,h", lambda c: (hv.T * H(c, t) * hv)[0])]),
        chain("taylor-g", [
            ("g(1)", lambda c: g(c, 1)),
            ("g(0) + g'(0) + \\int_0^1 (1 - t)\\,g''(t)\\,dt",
             lambda c: g(c, 0) + gp0(c) + sp.Integral((1 - tau) * gpp(c, tau), (tau, 0, 1)))]),
        chain("taylor-f", [
            ("f(x + h)", lambda c: c["f"](x1 + h1, x2 + h2)),
            ("f(x) + \\nabla f(x)^\\top h + \\int_0^1 (1 - t)\\,h^\\top\\nabla^2 f(x + th)\\,h\\,dt",
             lambda c: c["f"](x1, x2) + h1 * Dp(c["f"], (x1, x2), 0) + h2 * Dp(c["f"], (x1, x2), 1)
             + sp.Integral((1 - tau) * (hv.T * H(c, tau) * hv)[0], (tau, 0, 1)))]),
        chain("quadratic", [
            ("\\int_0^1 (1 - t)\\,h^\\top A h\\,dt", sp.Integral((1 - tau) * hAh, (tau, 0, 1))),
            ("\\tfrac12\\,h^\\top A h", hAh / 2)]),
        chain("cube", [
            ("(x + h)^3", (x + h) ** 3),
            ("x^3 + 3x^2h + 3xh^2 + h^3", x ** 3 + 3 * x ** 2 * h + 3 * x * h ** 2 + h ** 3),
            ("f(x) + hf'(x) + \\frac{h^2}{2}f''(x) + \\frac{h^3}{6}f'''(x)",
             f3(x) + h * dfun(f3, x) + h ** 2 / 2 * dfun(f3, x, 2) + h ** 3 / 6 * dfun(f3, x, 3))]),
        chain("central", [
            ("\\frac{f(x + h) - f(x - h)}{2h}", (fc(x + h) - fc(x - h)) / (2 * h)),
            ("f'(x) + \\frac{h^2}{6}f'''(x)", dfun(fc, x) + h ** 2 / 6 * dfun(fc, x, 3))]),
    ]
    doc = Doc("taylor_hessian_forum.md", chains, concrete)
    return with_plant(
        doc, "= h_1^2\\,\\partial_{11}f + 2h_1h_2\\,\\partial_{12}f", "= h_1^2\\,\\partial_{11}f + h_1h_2\\,\\partial_{12}f",
        "gpp", 1,
        _I("h_1^2\\,\\partial_{11}f + h_1h_2\\,\\partial_{12}f + h_2^2\\,\\partial_{22}f",
           lambda c: h1 ** 2 * Dpp(c["f"], P(t), 0, 0) + h1 * h2 * Dpp(c["f"], P(t), 0, 1)
           + h2 ** 2 * Dpp(c["f"], P(t), 1, 1)),
        "missing factor: the mixed term 2 h_1 h_2 d_12 f written h_1 h_2 d_12 f (the two equal mixed partials counted once)")


# ---------------------------------------------------------------------------
# 8. penalised_risk_notebook.md
def penalised_risk_notebook():
    lam, eta = p("lambda", 0.1, 2.0), p("eta_lr", 0.05, 1.0)
    a11, a12 = p("a_11", 0.3, 1.2), p("a_12", 0.3, 1.2)
    Rg = sp.Function("R", real=True)
    fctx = funs(dict(l=ufun("ell"), R=lambda *w: Rg(*w), rho=ufun("rho")),
                dict(l=lambda u: sp.sin(u) + u ** 3, R=lambda *w: log(1 + sum(wk ** 2 for wk in w)) + w[0] * sp.sin(w[-1]),
                     rho=lambda u: sp.sqrt(1 + u ** 2) + a11 * u),
                dict(l=lambda u: exp(a12 * u) + u ** 2, R=lambda *w: sum(exp(wk) / (k + 1) for k, wk in enumerate(w)) + sum(w) ** 2,
                     rho=lambda u: sp.log(1 + u ** 2)))
    shapes = []
    for n, pp in [(1, 1), (2, 2), (3, 2)]:
        for i in range(1, n + 1):
            for k in range(1, pp + 1):
                shapes.append(dict(n=n, p=pp, i=i, k=k))
    ctxs = cross(fctx, shapes)

    def M(c):
        n, pp = c["n"], c["p"]
        w = [r("w_%d" % k) for k in range(1, pp + 1)]
        X = [[r("x_%d_%d" % (i, k)) for k in range(1, pp + 1)] for i in range(1, n + 1)]
        y = [r("y_%d" % i) for i in range(1, n + 1)]
        res = [sum(w[k] * X[i][k] for k in range(pp)) - y[i] for i in range(n)]
        J = sum(c["l"](ri) for ri in res) / n + lam * c["R"](*w)
        return dict(w=w, X=X, y=y, res=res, J=J, n=n, p=pp, i=c["i"] - 1, k=c["k"] - 1)

    def V(f):
        return lambda c: f(c, M(c))

    def gradR(c, N):
        return sp.Matrix([Dp(c["R"], N["w"], k) for k in range(N["p"])])

    def datagrad(c, N):
        return sp.Matrix([sum(dfun(c["l"], N["res"][i]) * N["X"][i][k] for i in range(N["n"])) / N["n"]
                          for k in range(N["p"])])

    def ridge_J(c, N):
        return sum(c["l"](ri) for ri in N["res"]) / N["n"] + lam * sum(wk ** 2 for wk in N["w"]) / 2

    def grad(e, N):
        return sp.Matrix([sp.diff(e, wk) for wk in N["w"]])

    smooth = [dict(p=pp, k=k) for pp in (3, 4, 5) for k in range(2, pp)]

    def Rs(c):
        w = [r("w_%d" % k) for k in range(1, c["p"] + 1)]
        return w, sum((w[k + 1] - w[k]) ** 2 for k in range(c["p"] - 1)) / 2

    def wk(c, off=0):
        return r("w_%d" % (c["k"] + off))

    chains = [
        chain("J-def", [
            ("J(w)", V(lambda c, N: N["J"])),
            ("\\frac{1}{n}\\sum_{i=1}^{n}\\ell\\bigl(r_i(w)\\bigr) + \\lambda R(w)", V(lambda c, N: N["J"]))], kinds=[DEF]),
        chain("r-def", [
            ("r_i(w)", V(lambda c, N: N["res"][N["i"]])),
            ("w^\\top x_i - y_i", V(lambda c, N: N["res"][N["i"]]))], kinds=[DEF]),
        chain("dJ", [
            ("\\frac{\\partial J}{\\partial w_k}", V(lambda c, N: sp.diff(N["J"], N["w"][N["k"]]))),
            ("\\frac1n\\sum_{i=1}^{n}\\ell'\\bigl(r_i(w)\\bigr)\\,\\frac{\\partial r_i}{\\partial w_k} + \\lambda\\,\\frac{\\partial R}{\\partial w_k}",
             V(lambda c, N: sum(dfun(c["l"], N["res"][i]) * sp.diff(N["res"][i], N["w"][N["k"]]) for i in range(N["n"])) / N["n"]
               + lam * Dp(c["R"], N["w"], N["k"]))),
            ("\\frac1n\\sum_{i=1}^{n}\\ell'(r_i)\\,x_{ik} + \\lambda\\,\\partial_k R(w)",
             V(lambda c, N: datagrad(c, N)[N["k"]] + lam * Dp(c["R"], N["w"], N["k"])))]),
        chain("grad", [
            ("\\nabla J(w)", V(lambda c, N: grad(N["J"], N))),
            ("\\frac1n\\sum_{i=1}^{n}\\ell'(r_i)\\,x_i + \\lambda\\nabla R(w)", V(lambda c, N: datagrad(c, N) + lam * gradR(c, N)))]),
        chain("separable", [
            ("\\partial_k \\sum_{j=1}^{p}\\rho(w_j)", V(lambda c, N: sp.diff(sum(c["rho"](wj) for wj in N["w"]), N["w"][N["k"]]))),
            ("\\rho'(w_k)", V(lambda c, N: dfun(c["rho"], N["w"][N["k"]])))]),
        chain("ridge", [
            ("\\nabla R(w)", V(lambda c, N: grad(sum(wj ** 2 for wj in N["w"]) / 2, N))),
            ("\\nabla\\,\\tfrac12\\|w\\|^2", V(lambda c, N: grad(sum(wj ** 2 for wj in N["w"]) / 2, N))),
            ("w", V(lambda c, N: sp.Matrix(N["w"])))]),
        chain("step", [
            ("w^{+}", V(lambda c, N: sp.Matrix(N["w"]) - eta * grad(ridge_J(c, N), N))),
            ("w - \\eta\\nabla J(w)", V(lambda c, N: sp.Matrix(N["w"]) - eta * grad(ridge_J(c, N), N))),
            ("(1 - \\eta\\lambda)\\,w - \\frac{\\eta}{n}\\sum_{i=1}^{n}\\ell'(r_i)\\,x_i",
             V(lambda c, N: (1 - eta * lam) * sp.Matrix(N["w"]) - eta * datagrad(c, N)))], kinds=[DEF, "id"]),
        chain("smooth", [
            ("\\frac{\\partial R}{\\partial w_k}", lambda c: sp.diff(Rs(c)[1], wk(c))),
            ("(w_k - w_{k-1}) - (w_{k+1} - w_k)", lambda c: (wk(c) - wk(c, -1)) - (wk(c, 1) - wk(c))),
            ("2w_k - w_{k-1} - w_{k+1}", lambda c: 2 * wk(c) - wk(c, -1) - wk(c, 1))], ctxs=smooth),
    ]
    doc = Doc("penalised_risk_notebook.md", chains, ctxs)
    return with_plant(
        doc, "(w_k - w_{k-1}) - (w_{k+1} - w_k)", "(w_k - w_{k-1}) + (w_{k+1} - w_k)", "smooth", 1,
        _I("(w_k - w_{k-1}) + (w_{k+1} - w_k)", lambda c: (wk(c) - wk(c, -1)) + (wk(c, 1) - wk(c))),
        "sign: the derivative of (w_{k+1} - w_k)^2 / 2 in w_k is -(w_{k+1} - w_k); written with a plus")


# ---------------------------------------------------------------------------
# 9. derivative_rules_handout.tex
def derivative_rules_handout():
    x = r("x")
    b13, b14 = p("b_13", 0.3, 1.2), p("b_14", 0.3, 1.5)
    ctxs = funs(dict(f=ufun("f", positive=True), g=ufun("g", positive=True)),
                dict(f=lambda u: u ** 2 + sp.sin(u) + 2, g=lambda u: exp(b13 * u) + 1),
                dict(f=lambda u: exp(b13 * u) + u ** 2, g=lambda u: u ** 2 + b14 * u + 1))

    def F(c, n=0):
        return dfun(c["f"], x, n) if n else c["f"](x)

    def G(c, n=0):
        return dfun(c["g"], x, n) if n else c["g"](x)

    def fog(c):
        return c["f"](c["g"](x))

    chains = [
        chain("product", [
            ("\\frac{\\dd}{\\dd x}\\bigl[f(x)\\,g(x)\\bigr]", lambda c: sp.diff(F(c) * G(c), x)),
            ("f'(x)\\,g(x) + f(x)\\,g'(x)", lambda c: F(c, 1) * G(c) + F(c) * G(c, 1))]),
        chain("quotient", [
            ("\\Bigl(\\frac{f}{g}\\Bigr)'", lambda c: sp.diff(F(c) / G(c), x)),
            ("\\Bigl(f\\cdot\\frac{1}{g}\\Bigr)'", lambda c: sp.diff(F(c) * (1 / G(c)), x)),
            ("f'\\,\\frac{1}{g} + f\\,\\Bigl(-\\frac{g'}{g^2}\\Bigr)", lambda c: F(c, 1) / G(c) + F(c) * (-G(c, 1) / G(c) ** 2)),
            ("\\frac{f'g - fg'}{g^2}", lambda c: (F(c, 1) * G(c) - F(c) * G(c, 1)) / G(c) ** 2)]),
        chain("leibniz2", [
            ("(fg)''", lambda c: sp.diff(F(c) * G(c), x, 2)),
            ("(f'g + fg')'", lambda c: sp.diff(F(c, 1) * G(c) + F(c) * G(c, 1), x)),
            ("f''g + 2f'g' + fg''", lambda c: F(c, 2) * G(c) + 2 * F(c, 1) * G(c, 1) + F(c) * G(c, 2))]),
        chain("chain", [
            ("\\frac{\\dd}{\\dd x}f\\bigl(g(x)\\bigr)", lambda c: sp.diff(fog(c), x)),
            ("f'\\bigl(g(x)\\bigr)\\,g'(x)", lambda c: dfun(c["f"], G(c)) * G(c, 1))]),
        chain("chain2", [
            ("\\frac{\\dd^2}{\\dd x^2}f\\bigl(g(x)\\bigr)", lambda c: sp.diff(fog(c), x, 2)),
            ("f''\\bigl(g(x)\\bigr)\\,g'(x)^2 + f'\\bigl(g(x)\\bigr)\\,g''(x)",
             lambda c: dfun(c["f"], G(c), 2) * G(c, 1) ** 2 + dfun(c["f"], G(c)) * G(c, 2))]),
        chain("logf", [
            ("\\partial_x \\log f(x)", lambda c: sp.diff(log(F(c)), x)),
            ("\\frac{f'(x)}{f(x)}", lambda c: F(c, 1) / F(c))]),
        chain("logfg", [
            ("\\frac{(fg)'}{fg}", lambda c: sp.diff(F(c) * G(c), x) / (F(c) * G(c))),
            ("\\frac{f'}{f} + \\frac{g'}{g}", lambda c: F(c, 1) / F(c) + G(c, 1) / G(c))]),
        chain("power", [
            ("\\frac{\\dd}{\\dd x}f(x)^{g(x)}", lambda c: sp.diff(F(c) ** G(c), x)),
            ("\\frac{\\dd}{\\dd x}e^{g(x)\\log f(x)}", lambda c: sp.diff(exp(G(c) * log(F(c))), x)),
            ("f(x)^{g(x)}\\Bigl(g'(x)\\log f(x) + \\frac{g(x)\\,f'(x)}{f(x)}\\Bigr)",
             lambda c: F(c) ** G(c) * (G(c, 1) * log(F(c)) + G(c) * F(c, 1) / F(c)))]),
        chain("softplus", [
            ("\\frac{\\dd}{\\dd x}\\log\\bigl(1 + e^{f(x)}\\bigr)", lambda c: sp.diff(log(1 + exp(F(c))), x)),
            ("\\frac{e^{f(x)}\\,f'(x)}{1 + e^{f(x)}}", lambda c: exp(F(c)) * F(c, 1) / (1 + exp(F(c)))),
            ("\\sigma\\bigl(f(x)\\bigr)\\,f'(x)", lambda c: sig(F(c)) * F(c, 1))]),
    ]
    doc = Doc("derivative_rules_handout.tex", chains, ctxs)
    return with_plant(
        doc, "f\\,\\Bigl(-\\frac{g'}{g^2}\\Bigr)", "f\\,\\Bigl(-\\frac{g'}{g}\\Bigr)", "quotient", 2,
        _I("f'\\,\\frac{1}{g} + f\\,\\Bigl(-\\frac{g'}{g}\\Bigr)", lambda c: F(c, 1) / G(c) + F(c) * (-G(c, 1) / G(c))),
        "wrong exponent: the derivative of 1/g written -g'/g instead of -g'/g^2")


# ---------------------------------------------------------------------------
# 10. energy_model_score_notes.md
def energy_model_score_notes():
    th = r("theta")
    d15, d16 = p("d_15", 0.3, 1.2), p("d_16", 0.5, 2.0)
    gen = lambda k: ufun("E_%d" % k)  # noqa: E731
    fctx = funs(dict(E=gen),
                dict(E=lambda k: (lambda u: sp.sin(k * u) + k * u ** 2 / 3 + d15 * u)),
                dict(E=lambda k: (lambda u: exp(u / (k + d16)) - k * u)))
    ctxs = cross(fctx, [dict(K=K, j=j) for K in (1, 2, 3) for j in range(1, K + 1)])

    def Es(c):
        return [c["E"](k) for k in range(1, c["K"] + 1)]

    def Z(c):
        return sum(exp(-Ek(th)) for Ek in Es(c))

    def pk(c, k):
        return exp(-Es(c)[k - 1](th)) / Z(c)

    def dE(c, k):
        return dfun(Es(c)[k - 1], th)

    def rng(c):
        return range(1, c["K"] + 1)

    fs = lambda c: [r("f_%d" % k) for k in rng(c)]  # noqa: E731
    phis = lambda c: [r("phi_%d" % k) for k in rng(c)]  # noqa: E731

    def plin(c, k):
        Zl = sum(exp(-th * ph) for ph in phis(c))
        return exp(-th * phis(c)[k - 1]) / Zl

    j = lambda c: c["j"]  # noqa: E731
    chains = [
        chain("p-def", [
            ("p_\\theta(k)", lambda c: pk(c, j(c))),
            ("\\frac{e^{-E_k(\\theta)}}{Z(\\theta)}", lambda c: exp(-Es(c)[j(c) - 1](th)) / Z(c))], kinds=[DEF]),
        chain("Z-def", [
            ("Z(\\theta)", Z),
            ("\\sum_{k=1}^{K}e^{-E_k(\\theta)}", Z)], kinds=[DEF]),
        chain("logp", [
            ("\\log p_\\theta(k)", lambda c: log(pk(c, j(c)))),
            ("-E_k(\\theta) - \\log Z(\\theta)", lambda c: -Es(c)[j(c) - 1](th) - log(Z(c)))]),
        chain("dlogZ", [
            ("\\frac{d}{d\\theta}\\log Z(\\theta)", lambda c: sp.diff(log(Z(c)), th)),
            ("\\frac{Z'(\\theta)}{Z(\\theta)}", lambda c: sp.diff(Z(c), th) / Z(c)),
            ("\\frac{1}{Z(\\theta)}\\sum_{k=1}^{K}\\bigl(-E_k'(\\theta)\\bigr)e^{-E_k(\\theta)}",
             lambda c: sum(-dE(c, k) * exp(-Es(c)[k - 1](th)) for k in rng(c)) / Z(c)),
            ("-\\sum_{k=1}^{K}p_\\theta(k)\\,E_k'(\\theta)", lambda c: -sum(pk(c, k) * dE(c, k) for k in rng(c)))]),
        chain("score", [
            ("\\frac{d}{d\\theta}\\log p_\\theta(j)", lambda c: sp.diff(log(pk(c, j(c))), th)),
            ("-E_j'(\\theta) + \\sum_{k=1}^{K}p_\\theta(k)\\,E_k'(\\theta)",
             lambda c: -dE(c, j(c)) + sum(pk(c, k) * dE(c, k) for k in rng(c)))]),
        chain("meanzero", [
            ("\\sum_{j=1}^{K}p_\\theta(j)\\,\\frac{d}{d\\theta}\\log p_\\theta(j)",
             lambda c: sum(pk(c, jj) * sp.diff(log(pk(c, jj)), th) for jj in rng(c))),
            ("\\sum_{j=1}^{K}p_\\theta'(j)", lambda c: sum(sp.diff(pk(c, jj), th) for jj in rng(c))),
            ("\\frac{d}{d\\theta}\\sum_{j=1}^{K}p_\\theta(j)", lambda c: sp.diff(sum(pk(c, jj) for jj in rng(c)), th)),
            ("0", 0)]),
        chain("trick", [
            ("\\frac{d}{d\\theta}\\sum_{k=1}^{K}p_\\theta(k)\\,f(k)",
             lambda c: sp.diff(sum(pk(c, k) * fs(c)[k - 1] for k in rng(c)), th)),
            ("\\sum_{k=1}^{K}p_\\theta(k)\\,f(k)\\,\\frac{d}{d\\theta}\\log p_\\theta(k)",
             lambda c: sum(pk(c, k) * fs(c)[k - 1] * sp.diff(log(pk(c, k)), th) for k in rng(c)))]),
        chain("linear", [
            ("\\frac{d^2}{d\\theta^2}\\log Z(\\theta)",
             lambda c: sp.diff(log(sum(exp(-th * ph) for ph in phis(c))), th, 2)),
            ("\\sum_{k=1}^{K}p_\\theta(k)\\,\\phi_k^2 - \\Bigl(\\sum_{k=1}^{K}p_\\theta(k)\\,\\phi_k\\Bigr)^2",
             lambda c: sum(plin(c, k) * phis(c)[k - 1] ** 2 for k in rng(c))
             - sum(plin(c, k) * phis(c)[k - 1] for k in rng(c)) ** 2)]),
    ]
    doc = Doc("energy_model_score_notes.md", chains, ctxs)
    return with_plant(
        doc, "= \\frac{1}{Z(\\theta)}\\sum_{k=1}^{K}\\bigl(-E_k'(\\theta)\\bigr)", "= \\sum_{k=1}^{K}\\bigl(-E_k'(\\theta)\\bigr)",
        "dlogZ", 2,
        _I("\\sum_{k=1}^{K}\\bigl(-E_k'(\\theta)\\bigr)e^{-E_k(\\theta)}",
           lambda c: sum(-dE(c, k) * exp(-Es(c)[k - 1](th)) for k in rng(c))),
        "dropped factor: the normaliser 1/Z(theta) left out after differentiating Z, so Z'(theta) stands where Z'/Z is needed")


DOCS = [gamma_likelihood_appendix, taylor_hessian_forum, penalised_risk_notebook, derivative_rules_handout,
        energy_model_score_notes]
