"""Hand encodings of the corpus_ml16 documents of families 1-3 (the VAE objective: Gaussian KL,
reparametrization, ELBO; EM for a two-component Gaussian mixture; smooth activations and their
derivatives).

Expectations over Gaussians are integrals over the whole line against the density (evaluated by
quadrature) or polynomial expectations with moments taken from the moment generating function;
derivatives are sympy.diff of the function the text has written down or of a closed form computed
here independently of the text; optima are sympy.solve of the derivative set to zero.
"""
import sympy as sp

from framework import Doc, with_plant
from enc import (DEF, Q, chain, r, p, rvec, pvec, S, sig, gpdf, Egauss, Epoly, gauss_moment,
                 Phi, phi, dfun, sizes, exp, log, sqrt, tanh, oo, pi)


# ===========================================================================
# family 1: the VAE objective
def vae_kl_lecture():
    mu, a = r("vk_mu"), r("vk_a")
    s = p("vk_s", 0.5, 1.5)          # sigma
    v = r("vk_v", -1.0, 1.0)         # log sigma^2
    z = r("vk_z", -1.5, 1.5)         # a point (log-densities), or the integration variable
    e = sp.Symbol("vk_eps", real=True)   # integration variable for epsilon

    def q(zz, m, s2):
        return gpdf(zz, m, s2)

    def p0(zz):
        return gpdf(zz, 0, 1)

    def KLint(m, s2):
        return sp.Integral(q(z, m, s2) * (log(q(z, m, s2)) - log(p0(z))), (z, -oo, oo))

    def KLclosed(m, s2):
        # independent closed form: E_q[log q - log p] as a polynomial expectation in z
        g = sp.expand(sp.expand_log(log(q(z, m, s2)) - log(p0(z)), force=True))
        return Epoly(g, z, gauss_moment(m, s2))

    def f(zz):
        return (zz - a) ** 2

    def Eeps(g):
        return sp.Integral(g * gpdf(e, 0, 1), (e, -oo, oo))

    sv = exp(v / 2)      # sigma in the coordinates (mu, v)
    ch = []
    ch.append(chain("logq", [(r"\log q(z)", log(q(z, mu, s ** 2))),
                             (r"-\frac12\log(2\pi\sigma^2) - \frac{(z - \mu)^2}{2\sigma^2}",
                              -log(2 * pi * s ** 2) / 2 - (z - mu) ** 2 / (2 * s ** 2))], DEF))
    ch.append(chain("logp", [(r"\log p(z)", log(p0(z))),
                             (r"-\frac12\log(2\pi) - \frac{z^2}{2}", -log(2 * pi) / 2 - z ** 2 / 2)], DEF))
    ch.append(chain("m1", [(r"\E_q[z - \mu]", Egauss(z - mu, z, mu, s ** 2)), ("0", 0)]))
    ch.append(chain("m2", [(r"\E_q\bigl[(z - \mu)^2\bigr]", Egauss((z - mu) ** 2, z, mu, s ** 2)),
                           (r"\sigma^2", s ** 2)]))
    Ez = Egauss(z, z, mu, s ** 2)
    ch.append(chain("m3", [(r"\E_q[z^2]", Egauss(z ** 2, z, mu, s ** 2)),
                           (r"\Var_q(z) + (\E_q z)^2", Egauss((z - Ez) ** 2, z, mu, s ** 2) + Ez ** 2),
                           (r"\sigma^2 + \mu^2", s ** 2 + mu ** 2)]))
    ch.append(chain("kl", [
        (r"\KL(q\,\|\,p)", KLint(mu, s ** 2)),
        (r"\E_q\bigl[\log q(z) - \log p(z)\bigr]", Egauss(log(q(z, mu, s ** 2)) - log(p0(z)), z, mu, s ** 2)),
        (r"\E_q\Bigl[-\frac12\log\sigma^2 - \frac{(z - \mu)^2}{2\sigma^2} + \frac{z^2}{2}\Bigr]",
         Egauss(-log(s ** 2) / 2 - (z - mu) ** 2 / (2 * s ** 2) + z ** 2 / 2, z, mu, s ** 2)),
        (r"-\frac12\log\sigma^2 - \frac{\sigma^2}{2\sigma^2} + \frac{\sigma^2 + \mu^2}{2}",
         -log(s ** 2) / 2 - s ** 2 / (2 * s ** 2) + (s ** 2 + mu ** 2) / 2),
        (r"\frac12\bigl(\mu^2 + \sigma^2 - 1 - \log\sigma^2\bigr)", (mu ** 2 + s ** 2 - 1 - log(s ** 2)) / 2)],
        [DEF, "id", "id", "id"]))
    ch.append(chain("klv", [(r"\KL(\mu, v)", KLint(mu, exp(v))),
                            (r"\frac12\bigl(\mu^2 + e^{v} - 1 - v\bigr)", (mu ** 2 + exp(v) - 1 - v) / 2)]))
    K = KLclosed(mu, exp(v))
    ch.append(chain("gmu", [(r"\pd{\KL}{\mu}", sp.diff(K, mu)), (r"\mu", mu)]))
    ch.append(chain("gv", [(r"\pd{\KL}{v}", sp.diff(K, v)), (r"\frac12\bigl(e^{v} - 1\bigr)", (exp(v) - 1) / 2),
                           (r"\frac12\bigl(\sigma^2 - 1\bigr)", (sv ** 2 - 1) / 2)]))
    Ks = KLclosed(mu, s ** 2)
    dKdv_at = sp.diff(K, v).subs(v, 2 * log(s))
    ch.append(chain("gsig", [(r"\pd{\KL}{\sigma}", sp.diff(Ks, s)),
                             (r"\pd{\KL}{v}\,\frac{dv}{d\sigma}", dKdv_at * sp.diff(2 * log(s), s)),
                             (r"\frac12(\sigma^2 - 1)\cdot\frac{2}{\sigma}", (s ** 2 - 1) / 2 * 2 / s),
                             (r"\sigma - \frac{1}{\sigma}", s - 1 / s)]))
    ch.append(chain("hmm", [(r"\frac{\partial^2 \KL}{\partial\mu^2}", sp.diff(K, mu, 2)), ("1", 1)]))
    ch.append(chain("hvv", [(r"\frac{\partial^2 \KL}{\partial v^2}", sp.diff(K, v, 2)), (r"\frac12 e^{v}", exp(v) / 2),
                            (r"\frac{\sigma^2}{2}", sv ** 2 / 2)]))
    ch.append(chain("hmv", [(r"\frac{\partial^2 \KL}{\partial\mu\,\partial v}", sp.diff(K, mu, v)), ("0", 0)]))
    ch.append(chain("klnum", [(r"\KL\bigl(\tfrac12, 1\bigr)", KLclosed(Q(1, 2), exp(1))),
                              (r"\frac12\Bigl(\frac14 + e - 2\Bigr)", (Q(1, 4) + sp.E - 2) / 2),
                              (r"\frac{e}{2} - \frac78", sp.E / 2 - Q(7, 8))]))
    Ef = Egauss(f(z), z, mu, s ** 2)
    ch.append(chain("Ef", [
        (r"\E_q\bigl[f(z)\bigr]", Ef),
        (r"\E_\epsilon\bigl[(\mu + \sigma\epsilon - a)^2\bigr]", Eeps((mu + s * e - a) ** 2)),
        (r"(\mu - a)^2 + 2\sigma(\mu - a)\,\E[\epsilon] + \sigma^2\,\E[\epsilon^2]",
         (mu - a) ** 2 + 2 * s * (mu - a) * Eeps(e) + s ** 2 * Eeps(e ** 2)),
        (r"(\mu - a)^2 + \sigma^2", (mu - a) ** 2 + s ** 2)]))
    # d/dmu and d/dsigma of E_q[f] by differentiating the density under the integral sign
    dmu = sp.Integral(f(z) * sp.diff(q(z, mu, s ** 2), mu), (z, -oo, oo))
    dsg = sp.Integral(f(z) * sp.diff(q(z, mu, s ** 2), s), (z, -oo, oo))
    fp = lambda t: dfun(f, t)  # noqa: E731
    ch.append(chain("pmu", [
        (r"\pd{}{\mu}\E_q\bigl[f(z)\bigr]", dmu),
        (r"\E_\epsilon\bigl[f'(\mu + \sigma\epsilon)\bigr]", Eeps(fp(mu + s * e))),
        (r"\E_\epsilon\bigl[2(\mu + \sigma\epsilon - a)\bigr]", Eeps(2 * (mu + s * e - a))),
        (r"2(\mu - a)", 2 * (mu - a))]))
    ch.append(chain("psig", [
        (r"\pd{}{\sigma}\E_q\bigl[f(z)\bigr]", dsg),
        (r"\E_\epsilon\bigl[\epsilon\,f'(\mu + \sigma\epsilon)\bigr]", Eeps(e * fp(mu + s * e))),
        (r"\E_\epsilon\bigl[2\epsilon(\mu - a) + 2\sigma\epsilon^2\bigr]", Eeps(2 * e * (mu - a) + 2 * s * e ** 2)),
        (r"2\sigma", 2 * s)]))
    dv = sp.Integral(f(z) * sp.diff(q(z, mu, exp(v)), v), (z, -oo, oo))
    ch.append(chain("pv", [(r"\pd{}{v}\E_q\bigl[f(z)\bigr]", dv),
                           (r"2\sigma\cdot\frac{\sigma}{2}", 2 * sv * sv / 2),
                           (r"\sigma^2", sv ** 2)]))
    ch.append(chain("score", [
        (r"\pd{}{\mu}\E_q\bigl[f(z)\bigr]", dmu),
        (r"\E_q\Bigl[f(z)\,\frac{z - \mu}{\sigma^2}\Bigr]", Egauss(f(z) * (z - mu) / s ** 2, z, mu, s ** 2)),
        (r"\frac{1}{\sigma^2}\E_\epsilon\bigl[(\mu - a + \sigma\epsilon)^2\,\sigma\epsilon\bigr]",
         Eeps((mu - a + s * e) ** 2 * s * e) / s ** 2),
        (r"2(\mu - a)", 2 * (mu - a))]))
    Lint = Egauss(f(z), z, mu, exp(v)) + KLint(mu, exp(v))
    Lcl = Epoly(f(z), z, gauss_moment(mu, exp(v))) + K
    ch.append(chain("Ldef", [
        (r"\mathcal{L}(\mu, v)", Lint),
        (r"\E_q\bigl[f(z)\bigr] + \KL(\mu, v)", Lint),
        (r"(\mu - a)^2 + e^{v} + \frac12\bigl(\mu^2 + e^{v} - 1 - v\bigr)",
         (mu - a) ** 2 + exp(v) + (mu ** 2 + exp(v) - 1 - v) / 2)], [DEF, "id"]))
    ch.append(chain("Lmu", [(r"\pd{\mathcal{L}}{\mu}", sp.diff(Lcl, mu)), (r"2(\mu - a) + \mu", 2 * (mu - a) + mu),
                            (r"3\mu - 2a", 3 * mu - 2 * a)]))
    ch.append(chain("Lv", [(r"\pd{\mathcal{L}}{v}", sp.diff(Lcl, v)),
                           (r"\sigma^2 + \frac12(\sigma^2 - 1)", sv ** 2 + (sv ** 2 - 1) / 2),
                           (r"\frac{3\sigma^2 - 1}{2}", (3 * sv ** 2 - 1) / 2)]))
    # the minimiser, by solving the gradient equations (checked, not used as a link)
    sol = sp.solve([sp.diff(Lcl, mu).subs(a, Q(3, 2)), sp.diff(Lcl, v).subs(a, Q(3, 2))], [mu, v], dict=True)
    assert sol and sp.simplify(sol[0][mu] - 1) == 0 and sp.simplify(sol[0][v] + log(3)) == 0, sol
    Lat = Lcl.subs({a: Q(3, 2), mu: 1, v: -log(3)})
    ch.append(chain("Lnum", [
        (r"\mathcal{L}(1, -\log 3)", Lat),
        (r"\Bigl(1 - \frac32\Bigr)^2 + \frac13 + \frac12\Bigl(1 + \frac13 - 1 + \log 3\Bigr)",
         (1 - Q(3, 2)) ** 2 + Q(1, 3) + (1 + Q(1, 3) - 1 + log(3)) / 2),
        (r"\frac34 + \frac12\log 3", Q(3, 4) + log(3) / 2)]))
    d = Doc("vae_kl_lecture.tex", ch)
    return with_plant(d, r"= \frac12(\sigma^2 - 1)\cdot\frac{2}{\sigma}", r"= \frac12(\sigma^2 - 1)\cdot\frac{1}{\sigma}",
                      "gsig", 2, (r"\frac12(\sigma^2 - 1)\cdot\frac{1}{\sigma}", lambda c: (s ** 2 - 1) / 2 / s),
                      "dropped factor: dv/dsigma = 2/sigma written as 1/sigma in the chain rule for dKL/dsigma "
                      "(the 2 of v = 2 log sigma lost)")


def vae_elbo_blog():
    x, mu = r("ve_x"), r("ve_mu")
    s2 = p("ve_s2", 0.3, 2.0)          # sigma^2
    sg = p("ve_sg", 0.5, 1.5)          # sigma (reparametrised gradients)
    ell = r("ve_ell", -1.0, 1.0)
    ep = r("ve_eps", -1.5, 1.5)
    z = sp.Symbol("ve_z", real=True)   # integration variable
    e = sp.Symbol("ve_e", real=True)   # integration variable

    def pz(zz):
        return gpdf(zz, 0, 1)

    def pxz(xx, zz):
        return gpdf(xx, zz, 1)

    def q(zz, m, v):
        return gpdf(zz, m, v)

    def elbo_int(xx, m, v):
        return (sp.Integral(q(z, m, v) * log(pxz(xx, z)), (z, -oo, oo))
                - sp.Integral(q(z, m, v) * log(q(z, m, v) / pz(z)), (z, -oo, oo)))

    def elbo_cl(xx, m, v):
        # closed form computed here: polynomial expectations with Gaussian moments
        g = sp.expand(sp.expand_log(log(pxz(xx, z)) - log(q(z, m, v)) + log(pz(z)), force=True))
        return Epoly(g, z, gauss_moment(m, v))

    def px_int(xx):
        return sp.Integral(pz(z) * pxz(xx, z), (z, -oo, oo))

    # the marginal and the posterior in closed form, computed by sympy from the model
    zz_ = sp.Symbol("ve_zz", real=True)
    px_cl = sp.simplify(sp.integrate(pz(zz_) * pxz(x, zz_), (zz_, -oo, oo)))
    assert abs(sp.N(px_cl.subs(x, Q(7, 10)) - gpdf(Q(7, 10), 0, 2), 40)) < 1e-30

    def post(zz):
        return pz(zz) * pxz(x, zz) / px_cl

    Eps = lambda g: sp.Integral(g * gpdf(e, 0, 1), (e, -oo, oo))  # noqa: E731
    L = elbo_cl(x, mu, s2)
    ch = []
    ch.append(chain("Ldef", [(r"\mathcal{L}(q)", elbo_int(x, mu, s2)),
                             (r"\mathbb{E}_q\big[\ln p(x \mid z)\big] - \mathrm{KL}\big(q \,\|\, p\big)", elbo_int(x, mu, s2))],
                    DEF))
    ch.append(chain("gap", [(r"\ln p(x)", log(px_int(x))),
                            (r"\mathcal{L}(q) + \mathrm{KL}\big(q(z) \,\|\, p(z \mid x)\big)",
                             elbo_int(x, mu, s2) + sp.Integral(q(z, mu, s2) * log(q(z, mu, s2) / post(z)), (z, -oo, oo)))]))
    ch.append(chain("lpxz", [(r"\ln p(x \mid z)", log(pxz(x, mu))),
                             (r"-\tfrac12\ln(2\pi) - \tfrac12(x - z)^2", -log(2 * pi) / 2 - (x - mu) ** 2 / 2)], DEF))
    ch.append(chain("exz", [
        (r"\mathbb{E}_q\big[(x - z)^2\big]", Egauss((x - z) ** 2, z, mu, s2)),
        (r"(x - \mu)^2 - 2(x - \mu)\,\mathbb{E}_q[z - \mu] + \mathbb{E}_q\big[(z - \mu)^2\big]",
         (x - mu) ** 2 - 2 * (x - mu) * Egauss(z - mu, z, mu, s2) + Egauss((z - mu) ** 2, z, mu, s2)),
        (r"(x - \mu)^2 + \sigma^2", (x - mu) ** 2 + s2)]))
    ch.append(chain("elog", [(r"\mathbb{E}_q\big[\ln p(x \mid z)\big]", Egauss(log(pxz(x, z)), z, mu, s2)),
                             (r"-\tfrac12\ln(2\pi) - \tfrac12(x - \mu)^2 - \tfrac12\sigma^2",
                              -log(2 * pi) / 2 - (x - mu) ** 2 / 2 - s2 / 2)]))
    ch.append(chain("klcode", [(r"-\tfrac12\big(1 + \ln\sigma^2 - \mu^2 - \sigma^2\big)", -(1 + log(s2) - mu ** 2 - s2) / 2),
                               (r"\tfrac12\big(\mu^2 + \sigma^2 - 1 - \ln\sigma^2\big)", (mu ** 2 + s2 - 1 - log(s2)) / 2)]))
    ch.append(chain("L", [
        (r"\mathcal{L}(\mu, \sigma^2)", elbo_int(x, mu, s2)),
        (r"-\tfrac12\ln(2\pi) - \tfrac12(x - \mu)^2 - \tfrac12\sigma^2 - \tfrac12\big(\mu^2 + \sigma^2 - 1 - \ln\sigma^2\big)",
         -log(2 * pi) / 2 - (x - mu) ** 2 / 2 - s2 / 2 - (mu ** 2 + s2 - 1 - log(s2)) / 2),
        (r"-\tfrac12\ln(2\pi) + \tfrac12 - \tfrac12(x - \mu)^2 - \tfrac12\mu^2 - \sigma^2 + \tfrac12\ln\sigma^2",
         -log(2 * pi) / 2 + Q(1, 2) - (x - mu) ** 2 / 2 - mu ** 2 / 2 - s2 + log(s2) / 2)]))
    ch.append(chain("Lmu", [(r"\frac{\partial\mathcal{L}}{\partial\mu}", sp.diff(L, mu)), (r"(x - \mu) - \mu", (x - mu) - mu),
                            (r"x - 2\mu", x - 2 * mu)]))
    ch.append(chain("Ls2", [(r"\frac{\partial\mathcal{L}}{\partial\sigma^2}", sp.diff(L, s2)),
                            (r"-1 + \frac{1}{2\sigma^2}", -1 + 1 / (2 * s2)),
                            (r"\frac{1 - 2\sigma^2}{2\sigma^2}", (1 - 2 * s2) / (2 * s2))]))
    dLdell = sp.diff(L.subs(s2, exp(ell)), ell).subs(ell, log(s2))
    ch.append(chain("Lell", [(r"\frac{\partial\mathcal{L}}{\partial\ell}", dLdell),
                             (r"\sigma^2\,\frac{\partial\mathcal{L}}{\partial\sigma^2}", s2 * sp.diff(L, s2)),
                             (r"\tfrac12 - \sigma^2", Q(1, 2) - s2)]))
    ch.append(chain("c1", [(r"\frac{\partial^2\mathcal{L}}{\partial\mu^2}", sp.diff(L, mu, 2)), ("-2", -2)]))
    ch.append(chain("c2", [(r"\frac{\partial^2\mathcal{L}}{\partial(\sigma^2)^2}", sp.diff(L, s2, 2)),
                           (r"-\frac{1}{2\sigma^4}", -1 / (2 * s2 ** 2))]))
    ch.append(chain("sq", [(r"-\frac{z^2}{2} - \frac{(x - z)^2}{2}", -mu ** 2 / 2 - (x - mu) ** 2 / 2),
                           (r"-\Big(z - \frac{x}{2}\Big)^2 - \frac{x^2}{4}", -(mu - x / 2) ** 2 - x ** 2 / 4)]))
    sol = sp.solve([sp.diff(L, mu), sp.diff(L, s2)], [mu, s2], dict=True)
    assert len(sol) == 1 and sp.simplify(sol[0][mu] - x / 2) == 0 and sol[0][s2] == Q(1, 2), sol
    ch.append(chain("opt", [
        (r"\mathcal{L}\big(\tfrac{x}{2}, \tfrac12\big)", L.subs({mu: sol[0][mu], s2: sol[0][s2]})),
        (r"-\tfrac12\ln(2\pi) + \tfrac12 - \tfrac12\cdot\tfrac{x^2}{4} - \tfrac12\cdot\tfrac{x^2}{4} - \tfrac12 + \tfrac12\ln\tfrac12",
         -log(2 * pi) / 2 + Q(1, 2) - x ** 2 / 8 - x ** 2 / 8 - Q(1, 2) + log(Q(1, 2)) / 2),
        (r"-\tfrac12\ln(4\pi) - \tfrac{x^2}{4}", -log(4 * pi) / 2 - x ** 2 / 4)]))
    ch.append(chain("lnN", [(r"\ln\mathcal{N}(x; 0, 2)", log(gpdf(x, 0, 2))),
                            (r"-\tfrac12\ln(2\pi\cdot 2) - \frac{x^2}{2\cdot 2}", -log(2 * pi * 2) / 2 - x ** 2 / 4),
                            (r"-\tfrac12\ln(4\pi) - \tfrac{x^2}{4}", -log(4 * pi) / 2 - x ** 2 / 4)]))
    ch.append(chain("n1", [(r"\mathcal{L}(0, 1)", elbo_int(2, 0, 1)),
                           (r"-\tfrac12\ln(2\pi) + \tfrac12 - 2 - 0 - 1 + 0", -log(2 * pi) / 2 + Q(1, 2) - 2 - 0 - 1 + 0),
                           (r"-\tfrac12\ln(2\pi) - \tfrac52", -log(2 * pi) / 2 - Q(5, 2))]))
    ch.append(chain("n2", [(r"\mathcal{L}\big(1, \tfrac12\big)", elbo_int(2, 1, Q(1, 2))),
                           (r"-\tfrac12\ln(2\pi) + \tfrac12 - \tfrac12 - \tfrac12 - \tfrac12 - \tfrac12\ln 2",
                            -log(2 * pi) / 2 + Q(1, 2) - Q(3, 2) - log(2) / 2),
                           (r"-\tfrac12\ln(4\pi) - 1", -log(4 * pi) / 2 - 1)]))
    ch.append(chain("n3", [(r"\ln p(2) - \mathcal{L}(0, 1)", log(px_int(2)) - elbo_int(2, 0, 1)),
                           (r"\Big(-\tfrac12\ln(4\pi) - 1\Big) - \Big(-\tfrac12\ln(2\pi) - \tfrac52\Big)",
                            (-log(4 * pi) / 2 - 1) - (-log(2 * pi) / 2 - Q(5, 2))),
                           (r"\tfrac32 - \tfrac12\ln 2", Q(3, 2) - log(2) / 2)]))
    klpost = sp.Integral(gpdf(z, 0, 1) * log(gpdf(z, 0, 1) / gpdf(z, 1, Q(1, 2))), (z, -oo, oo))
    ch.append(chain("n4", [(r"\mathrm{KL}\big(\mathcal{N}(0, 1) \,\|\, \mathcal{N}(1, \tfrac12)\big)", klpost),
                           (r"\ln\frac{\sqrt{1/2}}{1} + \frac{1 + (0 - 1)^2}{2\cdot\frac12} - \frac12",
                            log(sqrt(Q(1, 2)) / 1) + (1 + (0 - 1) ** 2) / (2 * Q(1, 2)) - Q(1, 2)),
                           (r"\tfrac32 - \tfrac12\ln 2", Q(3, 2) - log(2) / 2)]))
    one = -(x - mu - sg * ep) ** 2 / 2
    ch.append(chain("rmu", [(r"\frac{\partial}{\partial\mu}\Big[-\tfrac12(x - \mu - \sigma\epsilon)^2\Big]", sp.diff(one, mu)),
                            (r"x - \mu - \sigma\epsilon", x - mu - sg * ep)]))
    ch.append(chain("rsig", [(r"\frac{\partial}{\partial\sigma}\Big[-\tfrac12(x - \mu - \sigma\epsilon)^2\Big]", sp.diff(one, sg)),
                             (r"\epsilon\,(x - \mu - \sigma\epsilon)", ep * (x - mu - sg * ep))]))
    ch.append(chain("reps", [(r"\mathbb{E}_\epsilon\big[\epsilon\,(x - \mu - \sigma\epsilon)\big]", Eps(e * (x - mu - sg * e))),
                             (r"(x - \mu)\,\mathbb{E}[\epsilon] - \sigma\,\mathbb{E}[\epsilon^2]",
                              (x - mu) * Eps(e) - sg * Eps(e ** 2)),
                             (r"-\sigma", -sg)]))
    ch.append(chain("rnum", [(r"x - \mu - \sigma\epsilon", sp.diff(one, mu).subs({x: 2, mu: 0, sg: 1, ep: Q(1, 2)})),
                             (r"2 - 0 - \tfrac12", 2 - 0 - Q(1, 2)), (r"\tfrac32", Q(3, 2))]))
    d = Doc("vae_elbo_blog.md", ch)
    wrong = (r"-\tfrac12\ln(2\pi) + \tfrac12 - \tfrac12\cdot\tfrac{x^2}{4} - \tfrac12\cdot\tfrac{x^2}{4} - \tfrac12 - \tfrac12\ln\tfrac12",
             lambda c: -log(2 * pi) / 2 + Q(1, 2) - x ** 2 / 8 - x ** 2 / 8 - Q(1, 2) - log(Q(1, 2)) / 2)
    return with_plant(d, r"- \tfrac12 + \tfrac12\ln\tfrac12 =", r"- \tfrac12 - \tfrac12\ln\tfrac12 =", "opt", 1, wrong,
                      "sign: +(1/2) ln(1/2), the entropy part (1/2) ln sigma^2 at sigma^2 = 1/2, written with a minus sign "
                      "in the expanded bound at the optimum")


# ===========================================================================
# family 2: EM for a mixture of two Gaussians
def gmm_em_homework():
    al = p("gh_alpha", 0.1, 0.9)
    m1, m2 = r("gh_mu1"), r("gh_mu2")
    s2 = p("gh_s2", 0.3, 2.0)
    x = r("gh_x", -2.0, 2.0)
    A = r("gh_a", -3.0, 3.0)
    xs = rvec("gh_x", 4, -2.0, 2.0)
    gs = pvec("gh_g", 4, 0.05, 0.95)
    NS = sizes(1, 4)

    def ph(xx, m, v):
        return gpdf(xx, m, v)

    def resp(xx, a_, u1, u2, v):
        return a_ * ph(xx, u1, v) / (a_ * ph(xx, u1, v) + (1 - a_) * ph(xx, u2, v))

    def logodds(xx, a_, u1, u2, v):
        return log(a_ * ph(xx, u1, v)) - log((1 - a_) * ph(xx, u2, v))

    def lph(xx, m, v):
        # log of the normal density, expanded (used for derivatives and solves)
        return -(xx - m) ** 2 / (2 * v) - log(2 * pi * v) / 2

    def Qf(c, a_=al, u1=m1, u2=m2, v=s2, X=xs, G=gs):
        return S(lambda i: G[i - 1] * (log(a_) + lph(X[i - 1], u1, v))
                 + (1 - G[i - 1]) * (log(1 - a_) + lph(X[i - 1], u2, v)), 1, c["n"])

    def Qdef(c):
        # the definition as written: logs of the weighted densities
        return S(lambda i: gs[i - 1] * log(al * ph(xs[i - 1], m1, s2)) + (1 - gs[i - 1]) * log((1 - al) * ph(xs[i - 1], m2, s2)),
                 1, c["n"])

    def N1(c, G=gs):
        return S(lambda i: G[i - 1], 1, c["n"])

    def _num(e, c, X, G):
        n = c["n"]
        return e.subs({**{xs[i]: X[i] for i in range(n)}, **{gs[i]: G[i] for i in range(n)}})

    def mu1hat(c, X=xs, G=gs):
        sol = sp.solve(sp.diff(Qf(c), m1), m1)
        assert len(sol) == 1
        return _num(sol[0], c, X, G)

    def mu2hat(c, X=xs, G=gs):
        sol = sp.solve(sp.diff(Qf(c), m2), m2)
        assert len(sol) == 1
        return _num(sol[0], c, X, G)

    def s2hat(c, X=xs, G=gs):
        sol = sp.solve(sp.diff(Qf(c), s2), s2)
        assert len(sol) == 1
        return _num(sol[0], c, X, G).subs({m1: mu1hat(c, X, G), m2: mu2hat(c, X, G)})

    def alhat(c, G=gs):
        sol = sp.solve(sp.diff(Qf(c), al), al)
        assert len(sol) == 1
        return _num(sol[0], c, xs, G)

    a_i = logodds(x, al, m1, m2, s2)
    ch = []
    ch.append(chain("resp", [
        (r"\gamma_i", resp(x, al, m1, m2, s2)),
        (r"p(c_i \mid x_i)\big|_{c_i = 1}", al * ph(x, m1, s2) / (al * ph(x, m1, s2) + (1 - al) * ph(x, m2, s2))),
        (r"\frac{\alpha\,\phi_1(x_i)}{\alpha\,\phi_1(x_i) + (1 - \alpha)\,\phi_2(x_i)}",
         al * ph(x, m1, s2) / (al * ph(x, m1, s2) + (1 - al) * ph(x, m2, s2))),
        (r"\frac{1}{1 + \dfrac{(1 - \alpha)\,\phi_2(x_i)}{\alpha\,\phi_1(x_i)}}",
         1 / (1 + (1 - al) * ph(x, m2, s2) / (al * ph(x, m1, s2)))),
        (r"\frac{1}{1 + e^{-a_i}}", 1 / (1 + exp(-a_i))),
        (r"S(a_i)", sig(a_i))], [DEF, "id", "id", "id", "id"]))
    ch.append(chain("logodds", [
        (r"a_i", a_i),
        (r"\log\frac{\alpha}{1 - \alpha} + \frac{(x_i - \mu_2)^2 - (x_i - \mu_1)^2}{2\sigma^2}",
         log(al / (1 - al)) + ((x - m2) ** 2 - (x - m1) ** 2) / (2 * s2)),
        (r"\log\frac{\alpha}{1 - \alpha} + \frac{(\mu_1 - \mu_2)(2x_i - \mu_1 - \mu_2)}{2\sigma^2}",
         log(al / (1 - al)) + (m1 - m2) * (2 * x - m1 - m2) / (2 * s2)),
        (r"\log\frac{\alpha}{1 - \alpha} + \frac{\mu_1 - \mu_2}{\sigma^2}\Bigl(x_i - \frac{\mu_1 + \mu_2}{2}\Bigr)",
         log(al / (1 - al)) + (m1 - m2) / s2 * (x - (m1 + m2) / 2))]))
    ch.append(chain("Ssym", [(r"S(-a)", sig(-A)), (r"\frac{1}{1 + e^{a}}", 1 / (1 + exp(A))),
                             (r"\frac{e^{-a}}{e^{-a} + 1}", exp(-A) / (exp(-A) + 1)), (r"1 - S(a)", 1 - sig(A))]))
    ch.append(chain("Q", [
        (r"Q(\theta)", Qdef),
        (r"\sum_{i=1}^{n}\Bigl[\gamma_i\log\bigl(\alpha\,\phi_1(x_i)\bigr) + (1 - \gamma_i)\log\bigl((1 - \alpha)\,\phi_2(x_i)\bigr)\Bigr]",
         Qf),
        (r"\sum_{i=1}^{n}\bigl[\gamma_i\log\alpha + (1 - \gamma_i)\log(1 - \alpha)\bigr] - \frac{n}{2}\log(2\pi\sigma^2) \nonumber\\ "
         r"&\qquad - \frac{1}{2\sigma^2}\sum_{i=1}^{n}\bigl[\gamma_i(x_i - \mu_1)^2 + (1 - \gamma_i)(x_i - \mu_2)^2\bigr]",
         lambda c: S(lambda i: gs[i - 1] * log(al) + (1 - gs[i - 1]) * log(1 - al), 1, c["n"])
         - c["n"] * log(2 * pi * s2) / 2
         - S(lambda i: gs[i - 1] * (xs[i - 1] - m1) ** 2 + (1 - gs[i - 1]) * (xs[i - 1] - m2) ** 2, 1, c["n"]) / (2 * s2))],
        [DEF, "id"], ctxs=NS))
    mix = al * ph(x, m1, s2) + (1 - al) * ph(x, m2, s2)
    ch.append(chain("grad", [
        (r"\pd{}{\mu_1}\log\bigl(\alpha\phi_1(x_i) + (1 - \alpha)\phi_2(x_i)\bigr)", sp.diff(log(mix), m1)),
        (r"\frac{\alpha\,\phi_1(x_i)}{\alpha\phi_1(x_i) + (1 - \alpha)\phi_2(x_i)}\cdot\frac{x_i - \mu_1}{\sigma^2}",
         al * ph(x, m1, s2) / mix * (x - m1) / s2),
        (r"\gamma_i\,\frac{x_i - \mu_1}{\sigma^2}", resp(x, al, m1, m2, s2) * (x - m1) / s2)]))
    ch.append(chain("dal", [
        (r"\pd{Q}{\alpha}", lambda c: sp.diff(Qf(c), al)),
        (r"\sum_{i=1}^{n}\Bigl[\frac{\gamma_i}{\alpha} - \frac{1 - \gamma_i}{1 - \alpha}\Bigr]",
         lambda c: S(lambda i: gs[i - 1] / al - (1 - gs[i - 1]) / (1 - al), 1, c["n"])),
        (r"\frac{N_1}{\alpha} - \frac{n - N_1}{1 - \alpha}", lambda c: N1(c) / al - (c["n"] - N1(c)) / (1 - al)),
        (r"\frac{N_1 - n\alpha}{\alpha(1 - \alpha)}", lambda c: (N1(c) - c["n"] * al) / (al * (1 - al)))], ctxs=NS))
    ch.append(chain("dmu", [
        (r"\pd{Q}{\mu_1}", lambda c: sp.diff(Qf(c), m1)),
        (r"\frac{1}{\sigma^2}\sum_{i=1}^{n}\gamma_i(x_i - \mu_1)", lambda c: S(lambda i: gs[i - 1] * (xs[i - 1] - m1), 1, c["n"]) / s2),
        (r"\frac{1}{\sigma^2}\Bigl(\sum_{i=1}^{n}\gamma_i x_i - N_1\mu_1\Bigr)",
         lambda c: (S(lambda i: gs[i - 1] * xs[i - 1], 1, c["n"]) - N1(c) * m1) / s2)], ctxs=NS))
    ch.append(chain("d2mu", [(r"\frac{\partial^2 Q}{\partial\mu_1^2}", lambda c: sp.diff(Qf(c), m1, 2)),
                             (r"-\frac{N_1}{\sigma^2}", lambda c: -N1(c) / s2)], ctxs=NS))
    ch.append(chain("mu1hat", [(r"\hat\mu_1", mu1hat),
                               (r"\frac{\sum_{i=1}^{n}\gamma_i x_i}{N_1}", lambda c: S(lambda i: gs[i - 1] * xs[i - 1], 1, c["n"]) / N1(c))],
                    ctxs=NS))
    ch.append(chain("mu2hat", [(r"\hat\mu_2", mu2hat),
                               (r"\frac{\sum_{i=1}^{n}(1 - \gamma_i)x_i}{n - N_1}",
                                lambda c: S(lambda i: (1 - gs[i - 1]) * xs[i - 1], 1, c["n"]) / (c["n"] - N1(c)))], ctxs=NS))
    ch.append(chain("ds2", [
        (r"\pd{Q}{\sigma^2}", lambda c: sp.diff(Qf(c), s2)),
        (r"-\frac{n}{2\sigma^2} + \frac{1}{2\sigma^4}\sum_{i=1}^{n}\bigl[\gamma_i(x_i - \mu_1)^2 + (1 - \gamma_i)(x_i - \mu_2)^2\bigr]",
         lambda c: -c["n"] / (2 * s2) + S(lambda i: gs[i - 1] * (xs[i - 1] - m1) ** 2 + (1 - gs[i - 1]) * (xs[i - 1] - m2) ** 2,
                                          1, c["n"]) / (2 * s2 ** 2))], ctxs=NS))
    ch.append(chain("s2hat", [
        (r"\hat\sigma^2", s2hat),
        (r"\frac{1}{n}\sum_{i=1}^{n}\bigl[\gamma_i(x_i - \hat\mu_1)^2 + (1 - \gamma_i)(x_i - \hat\mu_2)^2\bigr]",
         lambda c: S(lambda i: gs[i - 1] * (xs[i - 1] - mu1hat(c)) ** 2 + (1 - gs[i - 1]) * (xs[i - 1] - mu2hat(c)) ** 2,
                     1, c["n"]) / c["n"])], ctxs=NS))
    # Problem 4: x = (0, 1, 3, 4), alpha = 1/2, mu = (1, 3), sigma^2 = 1
    X4 = [0, 1, 3, 4]
    G4 = [resp(xx, Q(1, 2), 1, 3, 1) for xx in X4]
    c4 = {"n": 4}
    ch.append(chain("a4", [(r"a_i", logodds(x, Q(1, 2), 1, 3, 1)),
                           (r"\log 1 + \frac{1 - 3}{1}\,(x_i - 2)", log(1) + Q(1 - 3, 1) * (x - 2)),
                           (r"4 - 2x_i", 4 - 2 * x)]))
    ch.append(chain("g4", [(r"(\gamma_1, \gamma_2, \gamma_3, \gamma_4)", sp.Matrix(G4)),
                           (r"\bigl(S(4), S(2), S(-2), S(-4)\bigr)", sp.Matrix([sig(4), sig(2), sig(-2), sig(-4)]))]))
    ch.append(chain("N4", [(r"N_1", sp.Add(*G4)), (r"S(4) + S(2) + S(-2) + S(-4)", sig(4) + sig(2) + sig(-2) + sig(-4)),
                           (r"S(4) + S(2) + 1 - S(2) + 1 - S(4)", sig(4) + sig(2) + 1 - sig(2) + 1 - sig(4)), ("2", 2)]))
    ch.append(chain("al4", [(r"\hat\alpha", alhat(c4, G=G4)), (r"\frac{N_1}{n}", sp.Add(*G4) / 4), (r"\frac24", Q(2, 4)),
                            (r"\frac12", Q(1, 2))]))
    mu1_4 = mu1hat(c4, X=X4, G=G4)
    ch.append(chain("m14", [(r"\hat\mu_1", mu1_4),
                            (r"\frac{0\cdot S(4) + 1\cdot S(2) + 3\,S(-2) + 4\,S(-4)}{2}",
                             (0 * sig(4) + 1 * sig(2) + 3 * sig(-2) + 4 * sig(-4)) / 2),
                            (r"\frac{7 - 2S(2) - 4S(4)}{2}", (7 - 2 * sig(2) - 4 * sig(4)) / 2)]))
    ch.append(chain("m24", [(r"\hat\mu_2", mu2hat(c4, X=X4, G=G4)),
                            (r"\frac{\sum_i (1 - \gamma_i)x_i}{2}", sp.Add(*[(1 - g) * xx for g, xx in zip(G4, X4)]) / 2),
                            (r"\frac{1 + 2S(2) + 4S(4)}{2}", (1 + 2 * sig(2) + 4 * sig(4)) / 2),
                            (r"4 - \hat\mu_1", 4 - mu1_4)]))
    ch.append(chain("s24", [
        (r"\hat\sigma^2", s2hat(c4, X=X4, G=G4)),
        (r"\frac14\sum_{i=1}^{4}\bigl[\gamma_i(x_i - \hat\mu_1)^2 + (1 - \gamma_i)(x_i - \hat\mu_2)^2\bigr]",
         sp.Add(*[g * (xx - mu1_4) ** 2 + (1 - g) * (xx - mu2hat(c4, X=X4, G=G4)) ** 2 for g, xx in zip(G4, X4)]) / 4),
        (r"\frac12\sum_{i=1}^{4}\gamma_i(x_i - \hat\mu_1)^2", sp.Add(*[g * (xx - mu1_4) ** 2 for g, xx in zip(G4, X4)]) / 2),
        (r"\frac{25 - 8S(2) - 16S(4)}{2} - \hat\mu_1^2", (25 - 8 * sig(2) - 16 * sig(4)) / 2 - mu1_4 ** 2)]))
    d = Doc("gmm_em_homework.tex", ch)
    wrong = (r"\frac{1}{\sigma^2}\sum_{i=1}^{n}\gamma_i(x_i - \mu_2)",
             lambda c: S(lambda i: gs[i - 1] * (xs[i - 1] - m2), 1, c["n"]) / s2)
    return with_plant(d, r"\sum_{i=1}^{n}\gamma_i(x_i - \mu_1)", r"\sum_{i=1}^{n}\gamma_i(x_i - \mu_2)", "dmu", 1, wrong,
                      "wrong variable: mu_2 for mu_1 inside the derivative of Q with respect to mu_1 (the mean of the "
                      "other component, whose terms carry the weights 1 - gamma_i)")


def gmm_em_study_notes():
    w = p("gs_pi", 0.1, 0.9)                  # the mixing weight (written pi)
    m1, m2 = r("gs_mu1"), r("gs_mu2")
    v1, v2 = p("gs_v1", 0.3, 2.0), p("gs_v2", 0.3, 2.0)   # sigma_1^2, sigma_2^2
    x = r("gs_x", -2.0, 2.0)
    et = r("gs_eta", -3.0, 3.0)
    xs = rvec("gs_x", 4, -2.0, 2.0)
    rs = pvec("gs_r", 4, 0.05, 0.95)
    NS = sizes(1, 4)

    def N(xx, m, v):
        return gpdf(xx, m, v)

    def lph(xx, m, v):
        return -(xx - m) ** 2 / (2 * v) - log(2 * pi * v) / 2

    def resp(xx, w_=w, u1=m1, u2=m2, a=v1, b=v2):
        return w_ * N(xx, u1, a) / (w_ * N(xx, u1, a) + (1 - w_) * N(xx, u2, b))

    def Qdef(c):
        return S(lambda i: rs[i - 1] * log(w * N(xs[i - 1], m1, v1)) + (1 - rs[i - 1]) * log((1 - w) * N(xs[i - 1], m2, v2)),
                 1, c["n"])

    def Qf(c):
        return S(lambda i: rs[i - 1] * (log(w) + lph(xs[i - 1], m1, v1)) + (1 - rs[i - 1]) * (log(1 - w) + lph(xs[i - 1], m2, v2)),
                 1, c["n"])

    def N1(c, R_=rs):
        return S(lambda i: R_[i - 1], 1, c["n"])

    def solve1(c, e, var):
        sol = sp.solve(e, var)
        assert len(sol) == 1, sol
        return sol[0]

    def at(e, c, X, R_):
        n = c["n"]
        return e.subs({**{xs[i]: X[i] for i in range(n)}, **{rs[i]: R_[i] for i in range(n)}})

    def pihat(c, X=xs, R_=rs):
        return at(solve1(c, sp.diff(Qf(c), w), w), c, X, R_)

    def mu1hat(c, X=xs, R_=rs):
        return at(solve1(c, sp.diff(Qf(c), m1), m1), c, X, R_)

    def mu2hat(c, X=xs, R_=rs):
        return at(solve1(c, sp.diff(Qf(c), m2), m2), c, X, R_)

    def v1hat(c, X=xs, R_=rs):
        return at(solve1(c, sp.diff(Qf(c), v1), v1), c, X, R_).subs(m1, mu1hat(c, X, R_))

    def v2hat(c, X=xs, R_=rs):
        return at(solve1(c, sp.diff(Qf(c), v2), v2), c, X, R_).subs(m2, mu2hat(c, X, R_))

    eta_i = log(w * N(x, m1, v1) / ((1 - w) * N(x, m2, v2)))
    ch = []
    ch.append(chain("resp", [
        (r"r_i", resp(x)),
        (r"\frac{\pi\,\mathcal{N}(x_i \mid \mu_1, \sigma_1^2)}{\pi\,\mathcal{N}(x_i \mid \mu_1, \sigma_1^2) + (1 - \pi)\,\mathcal{N}(x_i \mid \mu_2, \sigma_2^2)}",
         w * N(x, m1, v1) / (w * N(x, m1, v1) + (1 - w) * N(x, m2, v2))),
        (r"\operatorname{sigmoid}(\eta_i)", sig(eta_i))], [DEF, "id"]))
    ch.append(chain("eta", [
        (r"\eta_i", eta_i),
        (r"\ln\frac{\pi\,\mathcal{N}(x_i \mid \mu_1, \sigma_1^2)}{(1 - \pi)\,\mathcal{N}(x_i \mid \mu_2, \sigma_2^2)}", eta_i),
        (r"\ln\frac{\pi}{1 - \pi} + \ln\frac{\sigma_2}{\sigma_1} - \frac{(x_i - \mu_1)^2}{2\sigma_1^2} + \frac{(x_i - \mu_2)^2}{2\sigma_2^2}",
         log(w / (1 - w)) + log(sqrt(v2) / sqrt(v1)) - (x - m1) ** 2 / (2 * v1) + (x - m2) ** 2 / (2 * v2))], [DEF, "id"]))
    ch.append(chain("sigm", [(r"\operatorname{sigmoid}(\eta)", sig(et)), (r"\frac{1}{1 + e^{-\eta}}", 1 / (1 + exp(-et)))], DEF))
    ch.append(chain("Q", [
        ("Q", Qdef),
        (r"\sum_{i=1}^{n} r_i\Big[\ln\pi - \tfrac12\ln(2\pi\sigma_1^2) - \frac{(x_i - \mu_1)^2}{2\sigma_1^2}\Big] + \sum_{i=1}^{n}(1 - r_i)\Big[\ln(1 - \pi) - \tfrac12\ln(2\pi\sigma_2^2) - \frac{(x_i - \mu_2)^2}{2\sigma_2^2}\Big]",
         lambda c: S(lambda i: rs[i - 1] * (log(w) - log(2 * pi * v1) / 2 - (xs[i - 1] - m1) ** 2 / (2 * v1)), 1, c["n"])
         + S(lambda i: (1 - rs[i - 1]) * (log(1 - w) - log(2 * pi * v2) / 2 - (xs[i - 1] - m2) ** 2 / (2 * v2)), 1, c["n"]))],
        DEF, ctxs=NS))
    ch.append(chain("dpi", [
        (r"\frac{\partial Q}{\partial\pi}", lambda c: sp.diff(Qf(c), w)),
        (r"\sum_{i=1}^{n}\frac{r_i}{\pi} - \sum_{i=1}^{n}\frac{1 - r_i}{1 - \pi}",
         lambda c: S(lambda i: rs[i - 1] / w, 1, c["n"]) - S(lambda i: (1 - rs[i - 1]) / (1 - w), 1, c["n"])),
        (r"\frac{N_1}{\pi} - \frac{n - N_1}{1 - \pi}", lambda c: N1(c) / w - (c["n"] - N1(c)) / (1 - w))], ctxs=NS))
    ch.append(chain("pihat", [(r"\hat\pi", pihat), (r"\frac{N_1}{n}", lambda c: N1(c) / c["n"])], ctxs=NS))
    ch.append(chain("dmu", [(r"\frac{\partial Q}{\partial\mu_1}", lambda c: sp.diff(Qf(c), m1)),
                            (r"\sum_{i=1}^{n} r_i\,\frac{x_i - \mu_1}{\sigma_1^2}",
                             lambda c: S(lambda i: rs[i - 1] * (xs[i - 1] - m1) / v1, 1, c["n"]))], ctxs=NS))
    ch.append(chain("mu1hat", [(r"\hat\mu_1", mu1hat),
                               (r"\frac{\sum_i r_i x_i}{\sum_i r_i}",
                                lambda c: S(lambda i: rs[i - 1] * xs[i - 1], 1, c["n"]) / N1(c))], ctxs=NS))
    ch.append(chain("mu2hat", [(r"\hat\mu_2", mu2hat),
                               (r"\frac{\sum_i (1 - r_i)x_i}{\sum_i (1 - r_i)}",
                                lambda c: S(lambda i: (1 - rs[i - 1]) * xs[i - 1], 1, c["n"]) / S(lambda i: 1 - rs[i - 1], 1, c["n"]))],
                    ctxs=NS))
    ch.append(chain("dv", [
        (r"\frac{\partial Q}{\partial\sigma_1^2}", lambda c: sp.diff(Qf(c), v1)),
        (r"\sum_{i=1}^{n} r_i\Big[-\frac{1}{2\sigma_1^2} + \frac{(x_i - \mu_1)^2}{2\sigma_1^4}\Big]",
         lambda c: S(lambda i: rs[i - 1] * (-1 / (2 * v1) + (xs[i - 1] - m1) ** 2 / (2 * v1 ** 2)), 1, c["n"])),
        (r"\frac{1}{2\sigma_1^4}\sum_{i=1}^{n} r_i\big[(x_i - \mu_1)^2 - \sigma_1^2\big]",
         lambda c: S(lambda i: rs[i - 1] * ((xs[i - 1] - m1) ** 2 - v1), 1, c["n"]) / (2 * v1 ** 2))], ctxs=NS))
    ch.append(chain("v1hat", [(r"\hat\sigma_1^2", v1hat),
                              (r"\frac{1}{N_1}\sum_{i=1}^{n} r_i(x_i - \hat\mu_1)^2",
                               lambda c: S(lambda i: rs[i - 1] * (xs[i - 1] - mu1hat(c)) ** 2, 1, c["n"]) / N1(c))], ctxs=NS))
    ch.append(chain("v2hat", [(r"\hat\sigma_2^2", v2hat),
                              (r"\frac{1}{n - N_1}\sum_{i=1}^{n}(1 - r_i)(x_i - \hat\mu_2)^2",
                               lambda c: S(lambda i: (1 - rs[i - 1]) * (xs[i - 1] - mu2hat(c)) ** 2, 1, c["n"]) / (c["n"] - N1(c)))],
                    ctxs=NS))
    # section 3: x = (-2, 0, 2), pi = 1/2, mu = (-1, 1), sigma^2 = 1
    X3 = [-2, 0, 2]
    R3 = [resp(xx, Q(1, 2), -1, 1, 1, 1) for xx in X3]
    c3 = {"n": 3}
    ch.append(chain("eta3", [(r"\eta_i", log(Q(1, 2) * N(x, -1, 1) / ((1 - Q(1, 2)) * N(x, 1, 1)))),
                             (r"\ln 1 + \ln 1 - \frac{(x_i + 1)^2}{2} + \frac{(x_i - 1)^2}{2}",
                              log(1) + log(1) - (x + 1) ** 2 / 2 + (x - 1) ** 2 / 2),
                             (r"-2x_i", -2 * x)]))
    ch.append(chain("r3", [(r"(r_1, r_2, r_3)", sp.Matrix(R3)),
                           (r"\big(\operatorname{sigmoid}(4), \operatorname{sigmoid}(0), \operatorname{sigmoid}(-4)\big)",
                            sp.Matrix([sig(4), sig(0), sig(-4)])),
                           (r"\Big(\frac{1}{1 + e^{-4}}, \frac12, \frac{1}{1 + e^{4}}\Big)",
                            sp.Matrix([1 / (1 + exp(-4)), Q(1, 2), 1 / (1 + exp(4))]))]))
    ch.append(chain("N3", [(r"N_1", sp.Add(*R3)), (r"r_1 + r_2 + r_3", sp.Add(*R3)), (r"1 + \frac12", 1 + Q(1, 2)),
                           (r"\frac32", Q(3, 2))]))
    ch.append(chain("pi3", [(r"\hat\pi", pihat(c3, X3, R3)), (r"\frac{N_1}{3}", sp.Add(*R3) / 3), (r"\frac12", Q(1, 2))]))
    ch.append(chain("d3", [(r"r_1 - r_3", R3[0] - R3[2]),
                           (r"\frac{1}{1 + e^{-4}} - \frac{1}{1 + e^{4}}", 1 / (1 + exp(-4)) - 1 / (1 + exp(4))),
                           (r"\frac{e^{4} - 1}{e^{4} + 1}", (exp(4) - 1) / (exp(4) + 1)), (r"\tanh 2", tanh(2))]))
    mu1_3 = mu1hat(c3, X3, R3)
    ch.append(chain("m13", [(r"\hat\mu_1", mu1_3),
                            (r"\frac{-2r_1 + 0\cdot r_2 + 2r_3}{3/2}", (-2 * R3[0] + 0 * R3[1] + 2 * R3[2]) / Q(3, 2)),
                            (r"-\frac43(r_1 - r_3)", -Q(4, 3) * (R3[0] - R3[2])),
                            (r"-\frac43\tanh 2", -Q(4, 3) * tanh(2))]))
    ch.append(chain("m23", [(r"\hat\mu_2", mu2hat(c3, X3, R3)),
                            (r"\frac{-2(1 - r_1) + 2(1 - r_3)}{3/2}", (-2 * (1 - R3[0]) + 2 * (1 - R3[2])) / Q(3, 2)),
                            (r"\frac43(r_1 - r_3)", Q(4, 3) * (R3[0] - R3[2])),
                            (r"\frac43\tanh 2", Q(4, 3) * tanh(2))]))
    ch.append(chain("s13", [(r"\hat\sigma_1^2", v1hat(c3, X3, R3)),
                            (r"\frac{1}{N_1}\sum_{i=1}^{3} r_i x_i^2 - \hat\mu_1^2",
                             sp.Add(*[rr * xx ** 2 for rr, xx in zip(R3, X3)]) / sp.Add(*R3) - mu1_3 ** 2),
                            (r"\frac{4r_1 + 4r_3}{3/2} - \frac{16}{9}\tanh^2 2", (4 * R3[0] + 4 * R3[2]) / Q(3, 2) - Q(16, 9) * tanh(2) ** 2),
                            (r"\frac83 - \frac{16}{9}\tanh^2 2", Q(8, 3) - Q(16, 9) * tanh(2) ** 2)]))
    ch.append(chain("s23", [(r"\hat\sigma_2^2", v2hat(c3, X3, R3)), (r"\hat\sigma_1^2", v1hat(c3, X3, R3))]))
    vphi = lambda t: phi(t)  # noqa: E731
    ch.append(chain("ll", [
        (r"\ell(\theta^{(0)})", sp.Add(*[log(Q(1, 2) * N(xx, -1, 1) + Q(1, 2) * N(xx, 1, 1)) for xx in X3])),
        (r"\ln\varphi(1) + 2\ln\Big[\tfrac12\big(\varphi(1) + \varphi(3)\big)\Big]", log(vphi(1)) + 2 * log((vphi(1) + vphi(3)) / 2)),
        (r"-\tfrac32\ln(2\pi) - \tfrac12 + 2\ln\frac{e^{-1/2} + e^{-9/2}}{2}",
         -Q(3, 2) * log(2 * pi) - Q(1, 2) + 2 * log((exp(-Q(1, 2)) + exp(-Q(9, 2))) / 2))]))
    d = Doc("gmm_em_study_notes.md", ch)
    wrong = (r"-\frac34(r_1 - r_3)", lambda c: -Q(3, 4) * (R3[0] - R3[2]))
    return with_plant(d, r"{3/2} = -\frac43(r_1 - r_3)", r"{3/2} = -\frac34(r_1 - r_3)", "m13", 2, wrong,
                      "arithmetic slip: dividing by 3/2 written as multiplying by 3/4 instead of 2/3, giving -(3/4)(r_1 - r_3) "
                      "for -(4/3)(r_1 - r_3) in the new mean")


# ===========================================================================
# family 3: smooth activations
def zeta(t):
    return log(1 + exp(t))


def silu(t):
    return t * sig(t)


def gelu(t):
    return t * Phi(t)


def mish(t):
    return t * tanh(zeta(t))


def activations_cheatsheet():
    x = r("ac_x")
    be = p("ac_beta", 0.3, 2.0)
    al = p("ac_alpha", 0.3, 2.0)
    xn = r("ac_xneg", -1.5, -0.05)
    sw = lambda t: t * sig(be * t)  # noqa: E731
    elu = lambda t: al * (exp(t) - 1)  # noqa: E731
    ch = []
    ch.append(chain("sp1", [(r"\sigma'(x)", dfun(sig, x)), (r"\frac{e^{-x}}{(1 + e^{-x})^2}", exp(-x) / (1 + exp(-x)) ** 2),
                            (r"\sigma(x)\big(1 - \sigma(x)\big)", sig(x) * (1 - sig(x)))]))
    ch.append(chain("z1", [(r"\zeta'(x)", dfun(zeta, x)), (r"\frac{e^{x}}{1 + e^{x}}", exp(x) / (1 + exp(x))), (r"\sigma(x)", sig(x))]))
    ch.append(chain("z2", [(r"\zeta''(x)", dfun(zeta, x, 2)), (r"\sigma(x)\big(1 - \sigma(x)\big)", sig(x) * (1 - sig(x)))]))
    ch.append(chain("zd", [(r"\zeta(x) - \zeta(-x)", zeta(x) - zeta(-x)),
                           (r"\ln\frac{1 + e^{x}}{1 + e^{-x}}", log((1 + exp(x)) / (1 + exp(-x)))), ("x", x)]))
    ch.append(chain("z0", [(r"\zeta(0)", zeta(sp.Integer(0))), (r"\ln 2", log(2))]))
    ch.append(chain("z0p", [(r"\zeta'(0)", dfun(zeta, 0)), (r"\tfrac12", Q(1, 2))]))
    ch.append(chain("sw", [(r"f'(x)", dfun(sw, x)),
                           (r"\sigma(\beta x) + \beta x\,\sigma(\beta x)\big(1 - \sigma(\beta x)\big)",
                            sig(be * x) + be * x * sig(be * x) * (1 - sig(be * x))),
                           (r"\beta f(x) + \sigma(\beta x)\big(1 - \beta f(x)\big)", be * sw(x) + sig(be * x) * (1 - be * sw(x)))]))
    ch.append(chain("swb", [(r"\operatorname{swish}_\beta(x)", sw(x)),
                            (r"\frac{1}{\beta}\operatorname{SiLU}(\beta x)", silu(be * x) / be)]))
    ch.append(chain("s1", [(r"\operatorname{SiLU}'(x)", dfun(silu, x)),
                           (r"\sigma(x)\big(1 + x(1 - \sigma(x))\big)", sig(x) * (1 + x * (1 - sig(x))))]))
    ch.append(chain("s2", [(r"\operatorname{SiLU}''(x)", dfun(silu, x, 2)),
                           (r"\sigma(x)\big(1 - \sigma(x)\big)\big(2 + x(1 - 2\sigma(x))\big)",
                            sig(x) * (1 - sig(x)) * (2 + x * (1 - 2 * sig(x))))]))
    ch.append(chain("s0", [(r"\operatorname{SiLU}'(0)", dfun(silu, 0)), (r"\tfrac12", Q(1, 2))]))
    ch.append(chain("s00", [(r"\operatorname{SiLU}''(0)", dfun(silu, 0, 2)), (r"\tfrac12\cdot\tfrac12\cdot 2", Q(1, 2) * Q(1, 2) * 2),
                            (r"\tfrac12", Q(1, 2))]))
    ch.append(chain("sl3a", [(r"\operatorname{SiLU}(\ln 3)", silu(log(3))), (r"\tfrac34\ln 3", Q(3, 4) * log(3))]))
    ch.append(chain("sl3b", [(r"\operatorname{SiLU}'(\ln 3)", dfun(silu, log(3))),
                             (r"\tfrac34\big(1 + \tfrac14\ln 3\big)", Q(3, 4) * (1 + log(3) / 4)),
                             (r"\tfrac34 + \tfrac{3}{16}\ln 3", Q(3, 4) + Q(3, 16) * log(3))]))
    ch.append(chain("g1", [(r"\operatorname{GELU}'(x)", dfun(gelu, x)), (r"\Phi(x) + x\varphi(x)", Phi(x) + x * phi(x))]))
    ch.append(chain("g2", [(r"\operatorname{GELU}''(x)", dfun(gelu, x, 2)), (r"2\varphi(x) + x\varphi'(x)", 2 * phi(x) + x * dfun(phi, x)),
                           (r"\varphi(x)(2 - x^2)", phi(x) * (2 - x ** 2))]))
    ch.append(chain("ph", [(r"\varphi'(x)", dfun(phi, x)), (r"-x\varphi(x)", -x * phi(x))]))
    ch.append(chain("g0", [(r"\operatorname{GELU}'(0)", dfun(gelu, 0)), (r"\Phi(0)", Phi(0)), (r"\tfrac12", Q(1, 2))]))
    ch.append(chain("g00", [(r"\operatorname{GELU}''(0)", dfun(gelu, 0, 2)), (r"2\varphi(0)", 2 * phi(0)), (r"\sqrt{2/\pi}", sqrt(2 / pi))]))
    ch.append(chain("godd", [(r"\operatorname{GELU}(1) - \operatorname{GELU}(-1)", gelu(sp.Integer(1)) - gelu(sp.Integer(-1))),
                             (r"\Phi(1) + \Phi(-1)", Phi(1) + Phi(-1)), ("1", 1)]))
    ch.append(chain("tz", [(r"\tanh\big(\zeta(x)\big)", tanh(zeta(x))),
                           (r"\frac{(1 + e^{x})^2 - 1}{(1 + e^{x})^2 + 1}", ((1 + exp(x)) ** 2 - 1) / ((1 + exp(x)) ** 2 + 1)),
                           (r"\frac{e^{2x} + 2e^{x}}{e^{2x} + 2e^{x} + 2}", (exp(2 * x) + 2 * exp(x)) / (exp(2 * x) + 2 * exp(x) + 2))]))
    ch.append(chain("m1", [(r"\operatorname{Mish}'(x)", dfun(mish, x)),
                           (r"\tanh\big(\zeta(x)\big) + x\,\operatorname{sech}^2\big(\zeta(x)\big)\,\sigma(x)",
                            tanh(zeta(x)) + x * sp.sech(zeta(x)) ** 2 * sig(x))]))
    ch.append(chain("m0", [(r"\operatorname{Mish}'(0)", dfun(mish, 0)), (r"\tanh(\ln 2)", tanh(log(2))),
                           (r"\frac{e^{2\ln 2} - 1}{e^{2\ln 2} + 1}", (exp(2 * log(2)) - 1) / (exp(2 * log(2)) + 1)),
                           (r"\frac{4 - 1}{4 + 1}", Q(4 - 1, 4 + 1)), (r"\frac35", Q(3, 5))]))
    ch.append(chain("elu", [(r"f'(x)", dfun(elu, xn)), (r"\alpha e^{x}", al * exp(xn)), (r"f(x) + \alpha", elu(xn) + al)]))
    ch.append(chain("elu2", [(r"f''(x)", dfun(elu, xn, 2)), (r"\alpha e^{x}", al * exp(xn))]))
    ch.append(chain("lim", [(r"\lim_{x\to 0^-}f'(x)", sp.limit(dfun(elu, xn), xn, 0, "-")), (r"\alpha e^{0}", al * exp(0)),
                            (r"\alpha", al)]))
    d = Doc("activations_cheatsheet.md", ch)
    wrong = (r"\frac{e^{\ln 2} - 1}{e^{\ln 2} + 1}", lambda c: (exp(log(2)) - 1) / (exp(log(2)) + 1))
    return with_plant(d, r"\frac{e^{2\ln 2} - 1}{e^{2\ln 2} + 1}", r"\frac{e^{\ln 2} - 1}{e^{\ln 2} + 1}", "m0", 2, wrong,
                      "wrong exponent: tanh(ln 2) = (e^{2 ln 2} - 1)/(e^{2 ln 2} + 1) written with e^{ln 2}, "
                      "the exponent 2z of tanh z = (e^{2z} - 1)/(e^{2z} + 1) lost")


def activations_handout():
    x = r("ah_x")
    be = p("ah_beta", 0.3, 2.0)
    al = p("ah_alpha", 0.3, 2.0)
    # the minimiser of SiLU: root of SiLU'(x) = 0, found numerically at 60 digits
    import mpmath
    with mpmath.workdps(60):
        root = mpmath.findroot(lambda t: 1 + t * (1 - 1 / (1 + mpmath.e ** (-t))), -1.3)
        xs = sp.Float(mpmath.nstr(root, 60), 60)
    assert abs(sp.N(dfun(silu, xs), 50)) < 1e-45
    elu = lambda t: al * (exp(t) - 1)  # noqa: E731
    # the slope of GELU is smallest at -sqrt 2: GELU'' = 0 there and GELU''' > 0
    u = sp.Symbol("ah_u", real=True)
    crit = sp.solve(sp.simplify(sp.diff(gelu(u), u, 2) / phi(u)), u)
    assert -sqrt(2) in crit and sp.N(sp.diff(gelu(u), u, 3).subs(u, -sqrt(2))) > 0
    ch = []
    ch.append(chain("sp", [(r"\zeta(x)", zeta(x)), (r"x + \log(1 + e^{-x})", x + log(1 + exp(-x)))]))
    ch.append(chain("sp_b", [(r"\zeta(x)", zeta(x)), (r"-\log\frac{1}{1 + e^{x}}", -log(1 / (1 + exp(x)))),
                             (r"-\log\sigma(-x)", -log(sig(-x)))]))
    ch.append(chain("sp1", [(r"\zeta'(x)", dfun(zeta, x)), (r"\sigma(x)", sig(x))]))
    ch.append(chain("sp2", [(r"\zeta''(x)", dfun(zeta, x, 2)), (r"\sigma(x)\bigl(1 - \sigma(x)\bigr)", sig(x) * (1 - sig(x))),
                            (r"\sigma(x)\,\sigma(-x)", sig(x) * sig(-x))]))
    ch.append(chain("silu", [(r"\SiLU'(x)", dfun(silu, x)), (r"\sigma(x) + x\,\sigma'(x)", sig(x) + x * dfun(sig, x)),
                             (r"\sigma(x) + x\,\sigma(x)\bigl(1 - \sigma(x)\bigr)", sig(x) + x * sig(x) * (1 - sig(x))),
                             (r"\sigma(x)\bigl(1 + x(1 - \sigma(x))\bigr)", sig(x) * (1 + x * (1 - sig(x)))),
                             (r"\SiLU(x) + \sigma(x)\bigl(1 - \SiLU(x)\bigr)", silu(x) + sig(x) * (1 - silu(x)))]))
    ch.append(chain("silu2", [(r"\SiLU''(x)", dfun(silu, x, 2)),
                              (r"\sigma(x)\bigl(1 - \sigma(x)\bigr)\bigl(2 + x(1 - 2\sigma(x))\bigr)",
                               sig(x) * (1 - sig(x)) * (2 + x * (1 - 2 * sig(x))))]))
    ch.append(chain("xstar", [(r"\SiLU(x^*)", silu(xs)), (r"x^*\sigma(x^*)", xs * sig(xs)),
                              (r"x^*\Bigl(1 + \frac{1}{x^*}\Bigr)", xs * (1 + 1 / xs)), (r"x^* + 1", xs + 1)]))
    ch.append(chain("beta", [(r"\frac{\partial}{\partial\beta}\bigl[x\,\sigma(\beta x)\bigr]", sp.diff(x * sig(be * x), be)),
                             (r"x^2\sigma(\beta x)\bigl(1 - \sigma(\beta x)\bigr)", x ** 2 * sig(be * x) * (1 - sig(be * x)))]))
    ch.append(chain("gelu", [(r"\GELU(x)", gelu(x)), (r"x\,\Phi(x)", x * Phi(x)),
                             (r"\frac{x}{2}\Bigl(1 + \erf\Bigl(\frac{x}{\sqrt2}\Bigr)\Bigr)", x / 2 * (1 + sp.erf(x / sqrt(2))))],
                    [DEF, "id"]))
    ch.append(chain("gelu1", [(r"\GELU'(x)", dfun(gelu, x)), (r"\Phi(x) + x\,\varphi(x)", Phi(x) + x * phi(x))]))
    ch.append(chain("odd", [(r"\GELU(x) - \GELU(-x)", gelu(x) - gelu(-x)), (r"x\bigl(\Phi(x) + \Phi(-x)\bigr)", x * (Phi(x) + Phi(-x))),
                            ("x", x)]))
    ch.append(chain("g1", [(r"\GELU'(1)", dfun(gelu, 1)), (r"\Phi(1) + \varphi(1)", Phi(1) + phi(1)),
                           (r"\frac12\Bigl(1 + \erf\frac{1}{\sqrt2}\Bigr) + \frac{e^{-1/2}}{\sqrt{2\pi}}",
                            (1 + sp.erf(1 / sqrt(2))) / 2 + exp(-Q(1, 2)) / sqrt(2 * pi))]))
    ch.append(chain("gm", [(r"\GELU'(-\sqrt2)", dfun(gelu, -sqrt(2))),
                           (r"\Phi(-\sqrt2) - \sqrt2\,\varphi(\sqrt2)", Phi(-sqrt(2)) - sqrt(2) * phi(sqrt(2))),
                           (r"\Phi(-\sqrt2) - \frac{\sqrt2\,e^{-1}}{\sqrt{2\pi}}", Phi(-sqrt(2)) - sqrt(2) * exp(-1) / sqrt(2 * pi)),
                           (r"\Phi(-\sqrt2) - \frac{e^{-1}}{\sqrt\pi}", Phi(-sqrt(2)) - exp(-1) / sqrt(pi))]))
    ch.append(chain("tsp", [(r"\tanh\bigl(\zeta(x)\bigr)", tanh(zeta(x))),
                            (r"\frac{(1 + e^{x})^2 - 1}{(1 + e^{x})^2 + 1}", ((1 + exp(x)) ** 2 - 1) / ((1 + exp(x)) ** 2 + 1))]))
    ch.append(chain("mish1", [(r"\Mish'(x)", dfun(mish, x)),
                              (r"\tanh\bigl(\zeta(x)\bigr) + x\sech^2\bigl(\zeta(x)\bigr)\sigma(x)",
                               tanh(zeta(x)) + x * sp.sech(zeta(x)) ** 2 * sig(x)),
                              (r"\frac{\Mish(x)}{x} + x\,\sigma(x)\Bigl(1 - \frac{\Mish(x)^2}{x^2}\Bigr)",
                               mish(x) / x + x * sig(x) * (1 - mish(x) ** 2 / x ** 2))]))
    ch.append(chain("m3", [(r"\Mish(\log 3)", mish(log(3))), (r"\log 3\cdot\tanh(\log 4)", log(3) * tanh(log(4))),
                           (r"\frac{15}{17}\log 3", Q(15, 17) * log(3))]))
    ch.append(chain("m3p", [(r"\Mish'(\log 3)", dfun(mish, log(3))),
                            (r"\frac{15}{17} + \log 3\,\Bigl(1 - \frac{225}{289}\Bigr)\frac34", Q(15, 17) + log(3) * (1 - Q(225, 289)) * Q(3, 4)),
                            (r"\frac{15}{17} + \frac{48}{289}\log 3", Q(15, 17) + Q(48, 289) * log(3))]))
    ch.append(chain("elu", [(r"f(-\log 2)", elu(-log(2))), (r"\alpha\Bigl(\frac12 - 1\Bigr)", al * (Q(1, 2) - 1)),
                            (r"-\frac{\alpha}{2}", -al / 2)]))
    ch.append(chain("elu1", [(r"f'(-\log 2)", dfun(elu, -log(2))), (r"\frac{\alpha}{2}", al / 2),
                             (r"f(-\log 2) + \alpha", elu(-log(2)) + al)]))
    d = Doc("activations_handout.tex", ch)
    wrong = (r"x\,\sigma(x)\bigl(1 - \sigma(x)\bigr)", lambda c: x * sig(x) * (1 - sig(x)))
    return with_plant(d, r"&= \sigma(x) + x\,\sigma(x)\bigl(1 - \sigma(x)\bigr) \nonumber",
                      r"&= x\,\sigma(x)\bigl(1 - \sigma(x)\bigr) \nonumber", "silu", 2, wrong,
                      "dropped term: the sigma(x) of the product rule (the derivative of the factor x) left out of "
                      "SiLU'(x) = sigma(x) + x sigma(x)(1 - sigma(x))")


DOCS = [vae_kl_lecture, vae_elbo_blog, gmm_em_homework, gmm_em_study_notes, activations_cheatsheet, activations_handout]
