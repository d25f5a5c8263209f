"""Hand encodings, part B: Gaussian, Poisson and Bernoulli likelihoods, variance and
covariance, backprop through one neuron, definite integrals, partial sums."""
import sympy as sp

from framework import (with_plant, Chain, Cov, Doc, E, INT, P, R, Var, X, Y, sig, ssum)

NS = [{"n": n} for n in (1, 2, 3, 4)]
NS2 = [{"n": n} for n in (2, 3, 4)]


def Xg(i):
    return R("x%d" % i)


def mean(f, n):
    return ssum(f, 1, n) / n


# ---------------------------------------------------------------------------
def gaussian_mle_lecture():
    mu, s = R("mu"), P("sigma")
    xb = lambda c: mean(Xg, c["n"])
    SS = lambda c, m: ssum(lambda i: (Xg(i) - m) ** 2, 1, c["n"])
    dens = lambda i: 1 / (sp.sqrt(2 * sp.pi) * s) * sp.exp(-(Xg(i) - mu) ** 2 / (2 * s ** 2))
    ell = lambda c: ssum(lambda i: sp.log(dens(i)), 1, c["n"])
    shat = lambda c: sp.sqrt(SS(c, xb(c)) / c["n"])
    at_hat = lambda e, c: e.subs({mu: xb(c), s: shat(c)})
    ch = [
        Chain("log-likelihood", [
            (r"\ell(\mu, \sigma)", ell),
            (r"\sum_{i=1}^{n} \log \left[ \frac{1}{\sqrt{2\pi}\, \sigma} \exp\left( -\frac{(x_i - \mu)^2}{2\sigma^2} \right) \right]", ell),
            (r"\sum_{i=1}^{n} \left[ -\frac{1}{2} \log (2\pi) - \log \sigma - \frac{(x_i - \mu)^2}{2\sigma^2} \right]",
             lambda c: ssum(lambda i: -sp.log(2 * sp.pi) / 2 - sp.log(s) - (Xg(i) - mu) ** 2 / (2 * s ** 2), 1, c["n"])),
            (r"-\frac{n}{2} \log (2\pi) - n \log \sigma - \frac{1}{2\sigma^2} \sum_{i=1}^{n} (x_i - \mu)^2",
             lambda c: -sp.Rational(c["n"], 2) * sp.log(2 * sp.pi) - c["n"] * sp.log(s) - SS(c, mu) / (2 * s ** 2)),
        ], kinds=["def", "id", "id"]),
        Chain("d/dmu", [
            (r"\frac{\partial \ell}{\partial \mu}", lambda c: sp.diff(ell(c), mu)),
            (r"-\frac{1}{2\sigma^2} \sum_{i=1}^{n} 2 (x_i - \mu)(-1)",
             lambda c: -1 / (2 * s ** 2) * ssum(lambda i: 2 * (Xg(i) - mu) * (-1), 1, c["n"])),
            (r"\frac{1}{\sigma^2} \sum_{i=1}^{n} (x_i - \mu)", lambda c: ssum(lambda i: Xg(i) - mu, 1, c["n"]) / s ** 2),
            (r"\frac{n}{\sigma^2} (\bar{x} - \mu)", lambda c: c["n"] / s ** 2 * (xb(c) - mu)),
        ]),
        Chain("d/dsigma", [
            (r"\frac{\partial \ell}{\partial \sigma}", lambda c: sp.diff(ell(c), s)),
            (r"-\frac{n}{\sigma} - \frac{1}{2} \sum_{i=1}^{n} (x_i - \mu)^2 \cdot \frac{d}{d\sigma} \sigma^{-2}",
             lambda c: -c["n"] / s - sp.Rational(1, 2) * SS(c, mu) * sp.diff(s ** -2, s)),
            (r"-\frac{n}{\sigma} + \frac{1}{\sigma^3} \sum_{i=1}^{n} (x_i - \mu)^2", lambda c: -c["n"] / s + SS(c, mu) / s ** 3),
            (r"\frac{1}{\sigma^3} \left( \sum_{i=1}^{n} (x_i - \mu)^2 - n \sigma^2 \right)", lambda c: (SS(c, mu) - c["n"] * s ** 2) / s ** 3),
        ]),
        Chain("def mu-hat", [
            (r"\hat{\mu}", xb), (r"\bar{x}", xb), (r"\frac{1}{n} \sum_{i=1}^{n} x_i", xb),
        ], kinds="def"),
        Chain("def sigma-hat^2", [
            (r"\hat{\sigma}^2", lambda c: SS(c, xb(c)) / c["n"]),
            (r"\frac{1}{n} \sum_{i=1}^{n} (x_i - \hat{\mu})^2", lambda c: SS(c, xb(c)) / c["n"]),
        ], kinds="def"),
        Chain("d2/dmu2 at MLE", [
            (r"\left. \frac{\partial^2 \ell}{\partial \mu^2} \right|_{\hat{\mu}, \hat{\sigma}}", lambda c: at_hat(sp.diff(ell(c), mu, 2), c)),
            (r"-\frac{n}{\hat{\sigma}^2}", lambda c: -c["n"] / shat(c) ** 2),
        ], ctxs=NS2),
        Chain("d2/dsigma2 at MLE", [
            (r"\left. \frac{\partial^2 \ell}{\partial \sigma^2} \right|_{\hat{\mu}, \hat{\sigma}}", lambda c: at_hat(sp.diff(ell(c), s, 2), c)),
            (r"\frac{n}{\hat{\sigma}^2} - \frac{3}{\hat{\sigma}^4} \sum_{i=1}^{n} (x_i - \hat{\mu})^2",
             lambda c: c["n"] / shat(c) ** 2 - 3 / shat(c) ** 4 * SS(c, xb(c))),
            (r"-\frac{2n}{\hat{\sigma}^2}", lambda c: -2 * c["n"] / shat(c) ** 2),
        ], ctxs=NS2),
    ]
    return with_plant(
        Doc("gaussian_mle_lecture.tex", ch, ctxs=NS),
        old='&= -\\frac{n}{\\sigma} + \\frac{1}{\\sigma^3} \\sum_{i=1}^{n} (x_i - \\mu)^2 \\\\',
        new='&= -\\frac{n}{\\sigma} + \\frac{1}{\\sigma^2} \\sum_{i=1}^{n} (x_i - \\mu)^2 \\\\',
        chain='d/dsigma', index=2,
        wrong=(r"-\frac{n}{\sigma} + \frac{1}{\sigma^2} \sum_{i=1}^{n} (x_i - \mu)^2", lambda c: -c["n"] / s + SS(c, mu) / s ** 2),
        what='wrong exponent: sigma^2 instead of sigma^3 in the derivative of sigma^{-2}')


def gaussian_mle_blog():
    mu, s, v = R("mu"), P("sigma"), P("v")
    SS = lambda c, m: ssum(lambda i: (Xg(i) - m) ** 2, 1, c["n"])
    sx = lambda c: ssum(Xg, 1, c["n"])
    lnL = lambda c, sd=s: ssum(lambda i: sp.log(1 / (sd * sp.sqrt(2 * sp.pi)) * sp.exp(-(Xg(i) - mu) ** 2 / (2 * sd ** 2))), 1, c["n"])
    muhat = lambda c: sx(c) / c["n"]
    shat = lambda c: sp.sqrt(SS(c, muhat(c)) / c["n"])
    ch = [
        Chain("log-likelihood", [
            (r"\ln L(\mu, \sigma)", lnL),
            (r"\sum_{i=1}^{n} \ln \left( \frac{1}{\sigma \sqrt{2\pi}} \, e^{-(x_i - \mu)^2 / (2\sigma^2)} \right)", lnL),
            (r"-n \ln \sigma - \frac{n}{2} \ln (2\pi) - \sum_{i=1}^{n} \frac{(x_i - \mu)^2}{2\sigma^2}",
             lambda c: -c["n"] * sp.log(s) - sp.Rational(c["n"], 2) * sp.log(2 * sp.pi) - SS(c, mu) / (2 * s ** 2)),
        ], kinds=["def", "id"]),
        Chain("d/dmu", [
            (r"\frac{\partial \ln L}{\partial \mu}", lambda c: sp.diff(lnL(c), mu)),
            (r"\sum_{i=1}^{n} \frac{x_i - \mu}{\sigma^2}", lambda c: ssum(lambda i: (Xg(i) - mu) / s ** 2, 1, c["n"])),
            (r"\frac{1}{\sigma^2} \left( \sum_{i=1}^{n} x_i - n\mu \right)", lambda c: (sx(c) - c["n"] * mu) / s ** 2),
        ]),
        Chain("stationarity in mu (at mu-hat)", [
            (r"\frac{1}{\sigma^2} \left( \sum_{i=1}^{n} x_i - n\hat{\mu} \right)", lambda c: (sx(c) - c["n"] * muhat(c)) / s ** 2),
            ("0", lambda c: 0),
        ], kinds="hyp"),
        Chain("def mu-hat", [(r"\hat{\mu}", muhat), (r"\frac{1}{n} \sum_{i=1}^{n} x_i", muhat)], kinds="def"),
        Chain("d/dsigma", [
            (r"\frac{\partial \ln L}{\partial \sigma}", lambda c: sp.diff(lnL(c), s)),
            (r"-\frac{n}{\sigma} + \sum_{i=1}^{n} \frac{(x_i - \mu)^2}{\sigma^3}",
             lambda c: -c["n"] / s + ssum(lambda i: (Xg(i) - mu) ** 2 / s ** 3, 1, c["n"])),
        ]),
        Chain("stationarity in sigma (at the MLE)", [
            (r"-\frac{n}{\hat{\sigma}} + \frac{1}{\hat{\sigma}^3} \sum_{i=1}^{n} (x_i - \hat{\mu})^2",
             lambda c: -c["n"] / shat(c) + SS(c, muhat(c)) / shat(c) ** 3),
            ("0", lambda c: 0),
        ], kinds="hyp", ctxs=NS2),
        Chain("def sigma-hat", [
            (r"\hat{\sigma}", shat),
            (r"\sqrt{\frac{1}{n} \sum_{i=1}^{n} (x_i - \hat{\mu})^2}", shat),
        ], kinds="def"),
        Chain("shortcut", [
            (r"\frac{1}{n} \sum_{i=1}^{n} (x_i - \bar{x})^2", lambda c: SS(c, muhat(c)) / c["n"]),
            (r"\frac{1}{n} \sum_{i=1}^{n} x_i^2 - \bar{x}^2", lambda c: mean(lambda i: Xg(i) ** 2, c["n"]) - muhat(c) ** 2),
        ]),
        Chain("d/dv", [
            (r"\frac{\partial \ln L}{\partial v}", lambda c: sp.diff(lnL(c, sp.sqrt(v)), v).subs(v, s ** 2)),
            (r"\frac{\partial \ln L}{\partial \sigma} \cdot \frac{d\sigma}{dv}",
             lambda c: sp.diff(lnL(c), s) * sp.diff(sp.sqrt(v), v).subs(v, s ** 2)),
            (r"\left( -\frac{n}{\sigma} + \frac{1}{\sigma^3} \sum_{i=1}^{n} (x_i - \mu)^2 \right) \frac{1}{2\sigma}",
             lambda c: (-c["n"] / s + SS(c, mu) / s ** 3) / (2 * s)),
            (r"-\frac{n}{2\sigma^2} + \frac{1}{2\sigma^4} \sum_{i=1}^{n} (x_i - \mu)^2",
             lambda c: -c["n"] / (2 * s ** 2) + SS(c, mu) / (2 * s ** 4)),
        ]),
    ]
    return with_plant(
        Doc("gaussian_mle_blog.md", ch, ctxs=NS),
        old='\\left( -\\frac{n}{\\sigma} + \\frac{1}{\\sigma^3}',
        new='\\left( \\frac{n}{\\sigma} + \\frac{1}{\\sigma^3}',
        chain='d/dv', index=2,
        wrong=(r"\left( \frac{n}{\sigma} + \frac{1}{\sigma^3} \sum_{i=1}^{n} (x_i - \mu)^2 \right) \frac{1}{2\sigma}", lambda c: (c["n"] / s + SS(c, mu) / s ** 3) / (2 * s)),
        what='sign: +n/sigma instead of -n/sigma when substituting d ln L / d sigma')


# ---------------------------------------------------------------------------
def poisson_mle_notes():
    lam = P("lambda", 0.3, 3.0)
    xp = lambda i: P("xp%d" % i, 0.3, 4.0)
    sx = lambda c: ssum(xp, 1, c["n"])
    xb = lambda c: sx(c) / c["n"]
    ell = lambda c: sp.log(sp.Mul(*[lam ** xp(i) * sp.exp(-lam) / sp.factorial(xp(i)) for i in range(1, c["n"] + 1)]))
    d2 = lambda c: sp.diff(ell(c), lam, 2)

    def Elin(e, c):
        """E over the sample with E[x_i] = lambda; the expression is linear in the x_i."""
        e = sp.expand(e)
        xs = [xp(i) for i in range(1, c["n"] + 1)]
        poly = sp.Poly(e, *xs)
        assert poly.total_degree() <= 1
        return e.subs({x: lam for x in xs})

    ch = [
        Chain("log-likelihood", [
            (r"\ell(\lambda)", ell),
            (r"\log \prod_{i=1}^{n} \frac{\lambda^{x_i} e^{-\lambda}}{x_i!}", ell),
            (r"\sum_{i=1}^{n} \left( x_i \log \lambda - \lambda - \log x_i! \right)",
             lambda c: ssum(lambda i: xp(i) * sp.log(lam) - lam - sp.log(sp.factorial(xp(i))), 1, c["n"])),
            (r"\log \lambda \sum_{i=1}^{n} x_i - n\lambda - \sum_{i=1}^{n} \log x_i!",
             lambda c: sp.log(lam) * sx(c) - c["n"] * lam - ssum(lambda i: sp.log(sp.factorial(xp(i))), 1, c["n"])),
        ], kinds=["def", "id", "id"]),
        Chain("score", [
            (r"\frac{d\ell}{d\lambda}", lambda c: sp.diff(ell(c), lam)),
            (r"\frac{1}{\lambda} \sum_{i=1}^{n} x_i - n", lambda c: sx(c) / lam - c["n"]),
            (r"\frac{n}{\lambda} \left( \bar{x} - \lambda \right)", lambda c: c["n"] / lam * (xb(c) - lam)),
        ]),
        Chain("stationarity (at lambda-hat)", [
            (r"\frac{d\ell}{d\lambda}", lambda c: sp.diff(ell(c), lam).subs(lam, xb(c))),
            ("0", lambda c: 0),
        ], kinds="hyp"),
        Chain("def lambda-hat", [(r"\hat{\lambda}", xb), (r"\bar{x}", xb)], kinds="def"),
        Chain("second derivative", [
            (r"\frac{d^2\ell}{d\lambda^2}", d2),
            (r"-\frac{1}{\lambda^2} \sum_{i=1}^{n} x_i", lambda c: -sx(c) / lam ** 2),
        ]),
        Chain("second derivative at lambda-hat", [
            (r"\left. \frac{d^2\ell}{d\lambda^2} \right|_{\lambda = \hat{\lambda}}", lambda c: d2(c).subs(lam, xb(c))),
            (r"-\frac{n\bar{x}}{\bar{x}^2}", lambda c: -c["n"] * xb(c) / xb(c) ** 2),
            (r"-\frac{n}{\bar{x}}", lambda c: -c["n"] / xb(c)),
        ]),
        Chain("Fisher information", [
            (r"I(\lambda)", lambda c: -Elin(d2(c), c)),
            (r"-\mathbb{E}\left[ \frac{d^2\ell}{d\lambda^2} \right]", lambda c: -Elin(d2(c), c)),
            (r"\frac{1}{\lambda^2} \sum_{i=1}^{n} \mathbb{E}[x_i]", lambda c: ssum(lambda i: Elin(xp(i), c), 1, c["n"]) / lam ** 2),
            (r"\frac{n\lambda}{\lambda^2}", lambda c: c["n"] * lam / lam ** 2),
            (r"\frac{n}{\lambda}", lambda c: c["n"] / lam),
        ], kinds=["def", "id", "id", "id"]),
    ]
    return with_plant(
        Doc("poisson_mle_notes.tex", ch, ctxs=NS),
        old='= \\frac{1}{\\lambda} \\sum_{i=1}^{n} x_i - n',
        new='= \\frac{1}{\\lambda} \\sum_{i=1}^{n} x_i',
        chain='score', index=1,
        wrong=(r"\frac{1}{\lambda} \sum_{i=1}^{n} x_i", lambda c: sx(c) / lam),
        what='dropped term: the -n from differentiating -n*lambda is missing')


def bernoulli_mle_answer():
    p = P("p", 0.1, 0.9)
    xb = lambda i: P("xb%d" % i, 0.1, 0.9)
    k = lambda c: ssum(xb, 1, c["n"])
    L = lambda c: sp.Mul(*[p ** xb(i) * (1 - p) ** (1 - xb(i)) for i in range(1, c["n"] + 1)])
    ell = lambda c: ssum(lambda i: xb(i) * sp.log(p) + (1 - xb(i)) * sp.log(1 - p), 1, c["n"])
    phat = lambda c: k(c) / c["n"]
    ch = [
        Chain("likelihood", [
            (r"L(p)", L),
            (r"\prod_{i=1}^{n} p^{x_i} (1 - p)^{1 - x_i}", L),
            (r"p^{k} (1 - p)^{n - k}", lambda c: p ** k(c) * (1 - p) ** (c["n"] - k(c))),
        ], kinds=["def", "id"]),
        Chain("log-likelihood", [
            (r"\ell(p)", lambda c: sp.log(L(c))),
            (r"\ln L(p)", lambda c: sp.log(L(c))),
            (r"k \ln p + (n - k) \ln (1 - p)", lambda c: k(c) * sp.log(p) + (c["n"] - k(c)) * sp.log(1 - p)),
        ], kinds=["def", "id"]),
        Chain("score", [
            (r"\ell'(p)", lambda c: sp.diff(ell(c), p)),
            (r"\frac{k}{p} - \frac{n - k}{1 - p}", lambda c: k(c) / p - (c["n"] - k(c)) / (1 - p)),
            (r"\frac{k(1 - p) - (n - k)p}{p(1 - p)}", lambda c: (k(c) * (1 - p) - (c["n"] - k(c)) * p) / (p * (1 - p))),
            (r"\frac{k - np}{p(1 - p)}", lambda c: (k(c) - c["n"] * p) / (p * (1 - p))),
        ]),
        Chain("stationarity (at p-hat)", [
            (r"\ell'(\hat{p})", lambda c: sp.diff(ell(c), p).subs(p, phat(c))),
            ("0", lambda c: 0),
        ], kinds="hyp"),
        Chain("p-hat", [
            (r"\hat{p}", phat),
            (r"\frac{k}{n}", phat),
            (r"\frac{1}{n} \sum_{i=1}^{n} x_i", lambda c: ssum(xb, 1, c["n"]) / c["n"]),
        ], kinds=["def", "id"]),
        Chain("second derivative", [
            (r"\ell''(p)", lambda c: sp.diff(ell(c), p, 2)),
            (r"-\frac{k}{p^2} - \frac{n - k}{(1 - p)^2}", lambda c: -k(c) / p ** 2 - (c["n"] - k(c)) / (1 - p) ** 2),
        ]),
        Chain("second derivative at p-hat", [
            (r"\ell''(\hat{p})", lambda c: sp.diff(ell(c), p, 2).subs(p, phat(c))),
            (r"-\frac{n^2}{k} - \frac{n^2}{n - k}", lambda c: -c["n"] ** 2 / k(c) - c["n"] ** 2 / (c["n"] - k(c))),
            (r"-\frac{n^3}{k(n - k)}", lambda c: -c["n"] ** 3 / (k(c) * (c["n"] - k(c)))),
        ]),
    ]
    return Doc("bernoulli_mle_answer.md", ch, ctxs=NS)


# ---------------------------------------------------------------------------
def variance_covariance_notes():
    a, b = R("a"), R("b")
    mu = E(X)
    ch = [
        Chain("variance", [
            (r"\operatorname{Var}(X)", lambda c: Var(X)),
            (r"\mathbb{E}\left[ (X - \mu)^2 \right]", lambda c: E((X - mu) ** 2)),
            (r"\mathbb{E}\left[ X^2 - 2\mu X + \mu^2 \right]", lambda c: E(X ** 2 - 2 * mu * X + mu ** 2)),
            (r"\mathbb{E}[X^2] - 2\mu\, \mathbb{E}[X] + \mu^2", lambda c: E(X ** 2) - 2 * mu * E(X) + mu ** 2),
            (r"\mathbb{E}[X^2] - \mu^2", lambda c: E(X ** 2) - mu ** 2),
        ], kinds=["def", "id", "id", "id"]),
        Chain("affine", [
            (r"\operatorname{Var}(aX + b)", lambda c: Var(a * X + b)),
            (r"\mathbb{E}\left[ \left( aX + b - a\mu - b \right)^2 \right]", lambda c: E((a * X + b - a * mu - b) ** 2)),
            (r"\mathbb{E}\left[ a^2 (X - \mu)^2 \right]", lambda c: E(a ** 2 * (X - mu) ** 2)),
            (r"a^2 \operatorname{Var}(X)", lambda c: a ** 2 * Var(X)),
        ]),
        Chain("covariance", [
            (r"\operatorname{Cov}(X, Y)", lambda c: Cov(X, Y)),
            (r"\mathbb{E}\big[ (X - \mathbb{E}[X])(Y - \mathbb{E}[Y]) \big]", lambda c: E((X - E(X)) * (Y - E(Y)))),
            (r"\mathbb{E}[XY] - \mathbb{E}[X]\,\mathbb{E}[Y] - \mathbb{E}[Y]\,\mathbb{E}[X] + \mathbb{E}[X]\,\mathbb{E}[Y]",
             lambda c: E(X * Y) - E(X) * E(Y) - E(Y) * E(X) + E(X) * E(Y)),
            (r"\mathbb{E}[XY] - \mathbb{E}[X]\,\mathbb{E}[Y]", lambda c: E(X * Y) - E(X) * E(Y)),
        ], kinds=["def", "id", "id"]),
        Chain("variance of a sum (statement)", [
            (r"\operatorname{Var}(X + Y)", lambda c: Var(X + Y)),
            (r"\operatorname{Var}(X) + \operatorname{Var}(Y) + 2 \operatorname{Cov}(X, Y)", lambda c: Var(X) + Var(Y) + 2 * Cov(X, Y)),
        ]),
        Chain("variance of a sum (proof)", [
            (r"\operatorname{Var}(X + Y)", lambda c: Var(X + Y)),
            (r"\mathbb{E}\left[ (X + Y)^2 \right] - \left( \mathbb{E}[X] + \mathbb{E}[Y] \right)^2",
             lambda c: E((X + Y) ** 2) - (E(X) + E(Y)) ** 2),
            (r"\mathbb{E}[X^2] + 2\,\mathbb{E}[XY] + \mathbb{E}[Y^2] - \mathbb{E}[X]^2 - 2\,\mathbb{E}[X]\,\mathbb{E}[Y] - \mathbb{E}[Y]^2",
             lambda c: E(X ** 2) + 2 * E(X * Y) + E(Y ** 2) - E(X) ** 2 - 2 * E(X) * E(Y) - E(Y) ** 2),
            (r"\operatorname{Var}(X) + \operatorname{Var}(Y) + 2 \operatorname{Cov}(X, Y)", lambda c: Var(X) + Var(Y) + 2 * Cov(X, Y)),
        ]),
    ]
    return with_plant(
        Doc("variance_covariance_notes.tex", ch),
        old='&= \\mathbb{E}\\left[ a^2 (X - \\mu)^2 \\right] \\\\',
        new='&= \\mathbb{E}\\left[ a (X - \\mu)^2 \\right] \\\\',
        chain='affine', index=2,
        wrong=(r"\mathbb{E}\left[ a (X - \mu)^2 \right]", lambda c: E(a * (X - mu) ** 2)),
        what='wrong exponent: a instead of a^2 when factoring the square')


def covariance_rules_blog():
    a, b, cc, d = R("a"), R("b"), R("c"), R("d")
    sX, sY = P("sigma_X"), P("sigma_Y")
    ch = [
        Chain("def Cov", [
            (r"\operatorname{Cov}(X, Y)", lambda c: Cov(X, Y)),
            (r"E\big[(X - E[X])(Y - E[Y])\big]", lambda c: E((X - E(X)) * (Y - E(Y)))),
        ], kinds="def"),
        Chain("affine", [
            (r"\operatorname{Cov}(aX + b,\, cY + d)", lambda c: Cov(a * X + b, cc * Y + d)),
            (r"E\big[(aX + b - aE[X] - b)(cY + d - cE[Y] - d)\big]",
             lambda c: E((a * X + b - a * E(X) - b) * (cc * Y + d - cc * E(Y) - d))),
            (r"E\big[a(X - E[X]) \cdot c(Y - E[Y])\big]", lambda c: E(a * (X - E(X)) * cc * (Y - E(Y)))),
            (r"ac\, E\big[(X - E[X])(Y - E[Y])\big]", lambda c: a * cc * E((X - E(X)) * (Y - E(Y)))),
            (r"ac \operatorname{Cov}(X, Y)", lambda c: a * cc * Cov(X, Y)),
        ]),
        Chain("self-covariance", [
            (r"\operatorname{Cov}(X, X)", lambda c: Cov(X, X)),
            (r"E[X \cdot X] - E[X]\,E[X]", lambda c: E(X * X) - E(X) * E(X)),
            (r"E[X^2] - E[X]^2", lambda c: E(X ** 2) - E(X) ** 2),
            (r"\operatorname{Var}(X)", lambda c: Var(X)),
        ]),
        Chain("variance of a difference", [
            (r"\operatorname{Var}(X - Y)", lambda c: Var(X - Y)),
            (r"\operatorname{Cov}(X - Y,\, X - Y)", lambda c: Cov(X - Y, X - Y)),
            (r"\operatorname{Var}(X) - 2\operatorname{Cov}(X, Y) + \operatorname{Var}(Y)", lambda c: Var(X) - 2 * Cov(X, Y) + Var(Y)),
        ]),
        Chain("scale-free", [
            (r"\operatorname{Cov}\left( \frac{X}{\sigma_X}, \frac{Y}{\sigma_Y} \right)", lambda c: Cov(X / sX, Y / sY)),
            (r"\frac{\operatorname{Cov}(X, Y)}{\sigma_X \sigma_Y}", lambda c: Cov(X, Y) / (sX * sY)),
        ]),
    ]
    return Doc("covariance_rules_blog.md", ch)


# ---------------------------------------------------------------------------
def backprop_tanh_notes():
    z = R("z")
    D = 2
    w = lambda i: R("w%dj" % i)
    x = lambda i: R("x%d" % i)
    bj, y = R("b_j"), R("y")
    A, Zs = R("A"), R("Zs")
    zexpr = ssum(lambda i: w(i) * x(i), 1, D) + bj
    aj = sp.tanh(zexpr)
    L = sp.Rational(1, 2) * (aj - y) ** 2
    dLda = sp.diff(sp.Rational(1, 2) * (A - y) ** 2, A).subs(A, aj)
    dadz = sp.diff(sp.tanh(Zs), Zs).subs(Zs, zexpr)
    I = [{"i": i} for i in range(1, D + 1)]
    th = (sp.exp(z) - sp.exp(-z)) / (sp.exp(z) + sp.exp(-z))
    ch = [
        Chain("tanh derivative", [
            (r"\frac{d}{dz} \tanh z", lambda c: sp.diff(sp.tanh(z), z)),
            (r"\frac{d}{dz} \, \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}", lambda c: sp.diff(th, z)),
            (r"\frac{(e^{z} + e^{-z})^2 - (e^{z} - e^{-z})^2}{(e^{z} + e^{-z})^2}",
             lambda c: ((sp.exp(z) + sp.exp(-z)) ** 2 - (sp.exp(z) - sp.exp(-z)) ** 2) / (sp.exp(z) + sp.exp(-z)) ** 2),
            (r"\frac{4}{(e^{z} + e^{-z})^2}", lambda c: 4 / (sp.exp(z) + sp.exp(-z)) ** 2),
            (r"1 - \left( \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}} \right)^2", lambda c: 1 - th ** 2),
            (r"1 - \tanh^2 z", lambda c: 1 - sp.tanh(z) ** 2),
        ]),
        Chain("def z_j", [(r"z_j", lambda c: zexpr), (r"\sum_{i=1}^{d} w_{ij} x_i + b_j", lambda c: zexpr)], kinds="def"),
        Chain("def a_j", [(r"a_j", lambda c: aj), (r"\tanh z_j", lambda c: aj)], kinds="def"),
        Chain("def L", [("L", lambda c: L), (r"\tfrac{1}{2} (a_j - y)^2", lambda c: L)], kinds="def"),
        Chain("dL/da", [(r"\frac{\partial L}{\partial a_j}", lambda c: dLda), (r"a_j - y", lambda c: aj - y)]),
        Chain("da/dz", [(r"\frac{\partial a_j}{\partial z_j}", lambda c: dadz), (r"1 - a_j^2", lambda c: 1 - aj ** 2)]),
        Chain("dz/dw", [(r"\frac{\partial z_j}{\partial w_{ij}}", lambda c: sp.diff(zexpr, w(c["i"]))), (r"x_i", lambda c: x(c["i"]))], ctxs=I),
        Chain("dz/db", [(r"\frac{\partial z_j}{\partial b_j}", lambda c: sp.diff(zexpr, bj)), ("1", lambda c: 1)]),
        Chain("dL/dw (chain rule)", [
            (r"\frac{\partial L}{\partial w_{ij}}", lambda c: sp.diff(L, w(c["i"]))),
            (r"\frac{\partial L}{\partial a_j} \, \frac{\partial a_j}{\partial z_j} \, \frac{\partial z_j}{\partial w_{ij}}",
             lambda c: dLda * dadz * sp.diff(zexpr, w(c["i"]))),
            (r"(a_j - y) (1 - a_j^2) \, x_i", lambda c: (aj - y) * (1 - aj ** 2) * x(c["i"])),
            (r"(\tanh z_j - y) \left( 1 - \tanh^2 z_j \right) x_i", lambda c: (sp.tanh(zexpr) - y) * (1 - sp.tanh(zexpr) ** 2) * x(c["i"])),
        ], ctxs=I),
        Chain("dL/db (chain rule)", [
            (r"\frac{\partial L}{\partial b_j}", lambda c: sp.diff(L, bj)),
            (r"\frac{\partial L}{\partial a_j} \, \frac{\partial a_j}{\partial z_j} \, \frac{\partial z_j}{\partial b_j}",
             lambda c: dLda * dadz * sp.diff(zexpr, bj)),
            (r"(a_j - y) (1 - a_j^2)", lambda c: (aj - y) * (1 - aj ** 2)),
        ]),
    ]
    return with_plant(
        Doc("backprop_tanh_notes.tex", ch),
        old='&= (a_j - y) (1 - a_j^2) \\, x_i \\\\',
        new='&= (a_j - y) (1 - a_j) \\, x_i \\\\',
        chain='dL/dw (chain rule)', index=2,
        wrong=(r"(a_j - y) (1 - a_j) \, x_i", lambda c: (aj - y) * (1 - aj) * x(c["i"])),
        what="wrong exponent: tanh' written 1 - a_j instead of 1 - a_j^2")


def backprop_sigmoid_blog():
    w, x, b, y = R("w"), R("x"), R("b"), R("y")
    z = R("z")
    Yh = R("Yhat")
    zexpr = w * x + b
    yh = sig(zexpr)
    L = sp.Rational(1, 2) * (yh - y) ** 2
    dLdyh = sp.diff(sp.Rational(1, 2) * (Yh - y) ** 2, Yh).subs(Yh, yh)
    dyhdz = sp.diff(sig(z), z).subs(z, zexpr)
    vals = {w: sp.Rational(2, 5), x: sp.Rational(3, 2), b: sp.Rational(-1, 10)}
    ch = [
        Chain("def z", [("z", lambda c: zexpr), (r"w x + b", lambda c: zexpr)], kinds="def"),
        Chain("def yhat", [(r"\hat{y}", lambda c: sig(z)), (r"\sigma(z)", lambda c: sig(z)),
                           (r"\frac{1}{1 + e^{-z}}", lambda c: sig(z))], kinds="def"),
        Chain("def L", [("L", lambda c: L), (r"\frac{1}{2} (\hat{y} - y)^2", lambda c: L)], kinds="def"),
        Chain("dsigma/dz", [
            (r"\frac{d\sigma}{dz}", lambda c: sp.diff(sig(z), z)),
            (r"\frac{d}{dz} \left(1 + e^{-z}\right)^{-1}", lambda c: sp.diff((1 + sp.exp(-z)) ** -1, z)),
            (r"-\left(1 + e^{-z}\right)^{-2} \cdot \left(-e^{-z}\right)", lambda c: -(1 + sp.exp(-z)) ** -2 * (-sp.exp(-z))),
            (r"\frac{e^{-z}}{\left(1 + e^{-z}\right)^2}", lambda c: sp.exp(-z) / (1 + sp.exp(-z)) ** 2),
        ]),
        Chain("sigma(1 - sigma)", [
            (r"\frac{e^{-z}}{\left(1 + e^{-z}\right)^2}", lambda c: sp.exp(-z) / (1 + sp.exp(-z)) ** 2),
            (r"\frac{1}{1 + e^{-z}} \cdot \frac{\left(1 + e^{-z}\right) - 1}{1 + e^{-z}}",
             lambda c: 1 / (1 + sp.exp(-z)) * ((1 + sp.exp(-z)) - 1) / (1 + sp.exp(-z))),
            (r"\sigma(z) \cdot \left(1 - \sigma(z)\right)", lambda c: sig(z) * (1 - sig(z))),
        ]),
        Chain("dL/dw", [
            (r"\frac{\partial L}{\partial w}", lambda c: sp.diff(L, w)),
            (r"\frac{\partial L}{\partial \hat{y}} \cdot \frac{d\hat{y}}{dz} \cdot \frac{\partial z}{\partial w}",
             lambda c: dLdyh * dyhdz * sp.diff(zexpr, w)),
            (r"(\hat{y} - y) \cdot \hat{y}(1 - \hat{y}) \cdot x", lambda c: (yh - y) * yh * (1 - yh) * x),
        ]),
        Chain("dL/db", [
            (r"\frac{\partial L}{\partial b}", lambda c: sp.diff(L, b)),
            (r"(\hat{y} - y) \cdot \hat{y}(1 - \hat{y}) \cdot 1", lambda c: (yh - y) * yh * (1 - yh) * 1),
            (r"(\hat{y} - y)\, \hat{y}(1 - \hat{y})", lambda c: (yh - y) * yh * (1 - yh)),
        ]),
        Chain("numeric pre-activation", [
            ("z", lambda c: zexpr.subs(vals)),
            (r"0.4 \cdot 1.5 - 0.1", lambda c: sp.Rational(2, 5) * sp.Rational(3, 2) - sp.Rational(1, 10)),
            ("0.5", lambda c: sp.Rational(1, 2)),
        ]),
    ]
    return with_plant(
        Doc("backprop_sigmoid_blog.md", ch),
        old='= -\\left(1 + e^{-z}\\right)^{-2} \\cdot \\left(-e^{-z}\\right) =',
        new='= -\\left(1 + e^{-z}\\right)^{-2} =',
        chain='dsigma/dz', index=2,
        wrong=(r"-\left(1 + e^{-z}\right)^{-2}", lambda c: -(1 + sp.exp(-z)) ** -2),
        what='dropped factor: the inner derivative -e^{-z} of the chain rule is missing')


# ---------------------------------------------------------------------------
x_ = sp.Symbol("x", real=True)
u_ = sp.Symbol("u", real=True)


def integ(f, var, a, b):
    return sp.integrate(f, (var, a, b))


def bracket(F, var, a, b):
    return F.subs(var, b) - F.subs(var, a)


def integral_by_parts_notes():
    x = x_
    e1 = sp.exp(-1)
    ch = [
        Chain("x^2", [
            (r"\int_0^1 x^2 \, dx", lambda c: integ(x ** 2, x, 0, 1)),
            (r"\left[ \frac{x^3}{3} \right]_0^1", lambda c: bracket(x ** 3 / 3, x, 0, 1)),
            (r"\frac{1}{3}", lambda c: sp.Rational(1, 3)),
        ]),
        Chain("x e^{-x}", [
            (r"\int_0^1 x e^{-x} \, dx", lambda c: integ(x * sp.exp(-x), x, 0, 1)),
            (r"\left[ -x e^{-x} \right]_0^1 + \int_0^1 e^{-x} \, dx",
             lambda c: bracket(-x * sp.exp(-x), x, 0, 1) + integ(sp.exp(-x), x, 0, 1)),
            (r"-e^{-1} + \left[ -e^{-x} \right]_0^1", lambda c: -e1 + bracket(-sp.exp(-x), x, 0, 1)),
            (r"-e^{-1} + 1 - e^{-1}", lambda c: -e1 + 1 - e1),
            (r"1 - \frac{2}{e}", lambda c: 1 - 2 / sp.E),
        ]),
        Chain("ln(1 + x)", [
            (r"\int_0^1 \ln(1 + x) \, dx", lambda c: integ(sp.log(1 + x), x, 0, 1)),
            (r"\Big[ x \ln(1 + x) \Big]_0^1 - \int_0^1 \frac{x}{1 + x} \, dx",
             lambda c: bracket(x * sp.log(1 + x), x, 0, 1) - integ(x / (1 + x), x, 0, 1)),
            (r"\ln 2 - \int_0^1 \left( 1 - \frac{1}{1 + x} \right) dx", lambda c: sp.log(2) - integ(1 - 1 / (1 + x), x, 0, 1)),
            (r"\ln 2 - \Big[ x - \ln(1 + x) \Big]_0^1", lambda c: sp.log(2) - bracket(x - sp.log(1 + x), x, 0, 1)),
            (r"\ln 2 - (1 - \ln 2)", lambda c: sp.log(2) - (1 - sp.log(2))),
            (r"2 \ln 2 - 1", lambda c: 2 * sp.log(2) - 1),
        ]),
    ]
    return with_plant(
        Doc("integral_by_parts_notes.tex", ch),
        old='&= -e^{-1} + 1 - e^{-1} \\\\',
        new='&= -e^{-1} + 1 - 2e^{-1} \\\\',
        chain='x e^{-x}', index=3,
        wrong=(r"-e^{-1} + 1 - 2e^{-1}", lambda c: -e1 + 1 - 2 * e1),
        what='wrong constant: 2e^{-1} instead of e^{-1} when evaluating [-e^{-x}]_0^1')


def integral_substitution_blog():
    x, u = x_, u_
    I1 = integ(x / (1 + x ** 2), x, 0, 1)
    ch = [
        Chain("def I", [("I", lambda c: I1), (r"\int_0^1 \frac{x}{1 + x^2} \, \mathrm{d}x", lambda c: I1)], kinds="def"),
        Chain("def u", [("u", lambda c: 1 + x ** 2), (r"1 + x^2", lambda c: 1 + x ** 2)], kinds="def"),
        Chain("du", [(r"\mathrm{d}u", lambda c: sp.diff(1 + x ** 2, x)), (r"2x \, \mathrm{d}x", lambda c: 2 * x)], kinds="def"),
        Chain("example 1", [
            ("I", lambda c: I1),
            (r"\int_1^2 \frac{1}{u} \cdot \frac{1}{2} \, \mathrm{d}u", lambda c: integ(1 / u * sp.Rational(1, 2), u, 1, 2)),
            (r"\frac{1}{2} \Big[ \ln u \Big]_1^2", lambda c: sp.Rational(1, 2) * (sp.log(2) - sp.log(1))),
            (r"\frac{1}{2} \left( \ln 2 - \ln 1 \right)", lambda c: sp.Rational(1, 2) * (sp.log(2) - sp.log(1))),
            (r"\frac{\ln 2}{2}", lambda c: sp.log(2) / 2),
        ]),
        Chain("example 2", [
            (r"\int_0^1 x e^{-x^2} \, \mathrm{d}x", lambda c: integ(x * sp.exp(-x ** 2), x, 0, 1)),
            (r"\frac{1}{2} \int_0^1 e^{-u} \, \mathrm{d}u", lambda c: sp.Rational(1, 2) * integ(sp.exp(-u), u, 0, 1)),
            (r"\frac{1}{2} \left[ -e^{-u} \right]_0^1", lambda c: sp.Rational(1, 2) * bracket(-sp.exp(-u), u, 0, 1)),
            (r"\frac{1 - e^{-1}}{2}", lambda c: (1 - sp.exp(-1)) / 2),
        ]),
        Chain("example 3", [
            (r"\int_0^{\pi/2} \sin x \cos x \, \mathrm{d}x", lambda c: integ(sp.sin(x) * sp.cos(x), x, 0, sp.pi / 2)),
            (r"\int_0^1 u \, \mathrm{d}u", lambda c: integ(u, u, 0, 1)),
            (r"\frac{1}{2}", lambda c: sp.Rational(1, 2)),
        ]),
    ]
    return Doc("integral_substitution_blog.md", ch)


# ---------------------------------------------------------------------------
def geometric_series_notes():
    r = R("r", -2.0, 0.8)
    a = R("a")
    g = P("gamma", 0.1, 0.9)
    S = lambda c: ssum(lambda k: r ** k, 0, c["n"] - 1)
    NN = [{"n": n} for n in range(1, 7)]
    ch = [
        Chain("def S_n", [
            ("S_n", S), (r"\sum_{k=0}^{n-1} r^k", S), (r"1 + r + r^2 + \dots + r^{n-1}", S),
        ], kinds=["def", "id"]),
        Chain("shift", [
            (r"r S_n", lambda c: r * S(c)),
            (r"\sum_{k=0}^{n-1} r^{k+1}", lambda c: ssum(lambda k: r ** (k + 1), 0, c["n"] - 1)),
            (r"\sum_{k=1}^{n} r^k", lambda c: ssum(lambda k: r ** k, 1, c["n"])),
        ]),
        Chain("difference", [
            (r"S_n - r S_n", lambda c: S(c) - r * S(c)),
            (r"\sum_{k=0}^{n-1} r^k - \sum_{k=1}^{n} r^k", lambda c: S(c) - ssum(lambda k: r ** k, 1, c["n"])),
            (r"r^0 - r^n", lambda c: r ** 0 - r ** c["n"]),
            (r"1 - r^n", lambda c: 1 - r ** c["n"]),
        ]),
        Chain("(1 - r) S_n", [(r"(1 - r) S_n", lambda c: (1 - r) * S(c)), (r"1 - r^n", lambda c: 1 - r ** c["n"])]),
        Chain("closed form", [("S_n", S), (r"\frac{1 - r^n}{1 - r}", lambda c: (1 - r ** c["n"]) / (1 - r))]),
        Chain("first term a", [
            (r"\sum_{k=0}^{n-1} a r^k", lambda c: ssum(lambda k: a * r ** k, 0, c["n"] - 1)),
            (r"a \sum_{k=0}^{n-1} r^k", lambda c: a * S(c)),
            (r"a \, \frac{1 - r^n}{1 - r}", lambda c: a * (1 - r ** c["n"]) / (1 - r)),
            (r"a \, \frac{r^n - 1}{r - 1}", lambda c: a * (r ** c["n"] - 1) / (r - 1)),
        ]),
        Chain("discounted return", [
            (r"\sum_{t=0}^{T-1} \gamma^t", lambda c: ssum(lambda t: g ** t, 0, c["T"] - 1)),
            (r"\frac{1 - \gamma^T}{1 - \gamma}", lambda c: (1 - g ** c["T"]) / (1 - g)),
        ], ctxs=[{"T": T} for T in range(1, 7)]),
    ]
    return Doc("geometric_series_notes.tex", ch, ctxs=NN)


def telescoping_sum_answer():
    k = INT("k")
    nsym = INT("n")
    kk = sp.Symbol("kk", integer=True)

    def S(f, lo, hi_off, c):
        """sum_{k=lo}^{n + hi_off} f(k): explicit for integer n, sympy Sum for symbolic n."""
        n = c["n"]
        if isinstance(n, int):
            return ssum(f, lo, n + hi_off)
        return sp.Sum(f(kk), (kk, lo, n + hi_off))

    NN = [{"n": n} for n in range(1, 7)] + [{"n": nsym}]
    ch = [
        Chain("partial fractions", [
            (r"\frac{1}{k(k+1)}", lambda c: 1 / (k * (k + 1))),
            (r"\frac{(k+1) - k}{k(k+1)}", lambda c: ((k + 1) - k) / (k * (k + 1))),
            (r"\frac{1}{k} - \frac{1}{k+1}", lambda c: 1 / k - 1 / (k + 1)),
        ], ctxs=[{}]),
        Chain("telescoping", [
            (r"\sum_{k=1}^{n} \frac{1}{k(k+1)}", lambda c: S(lambda j: sp.Integer(1) / (j * (j + 1)), 1, 0, c)),
            (r"\sum_{k=1}^{n} \left( \frac{1}{k} - \frac{1}{k+1} \right)", lambda c: S(lambda j: sp.Integer(1) / j - sp.Integer(1) / (j + 1), 1, 0, c)),
            (r"\sum_{k=1}^{n} \frac{1}{k} - \sum_{k=2}^{n+1} \frac{1}{k}",
             lambda c: S(lambda j: sp.Integer(1) / j, 1, 0, c) - S(lambda j: sp.Integer(1) / j, 2, 1, c)),
            (r"1 - \frac{1}{n+1}", lambda c: 1 - sp.Integer(1) / (c["n"] + 1)),
            (r"\frac{n}{n+1}", lambda c: sp.Integer(c["n"]) / (c["n"] + 1) if isinstance(c["n"], int) else c["n"] / (c["n"] + 1)),
        ]),
        Chain("limit", [
            (r"\lim_{n \to \infty} \frac{n}{n+1}", lambda c: sp.limit(nsym / (nsym + 1), nsym, sp.oo)),
            ("1", lambda c: 1),
        ], ctxs=[{}]),
        Chain("odd numbers", [
            (r"\sum_{k=1}^{n} (2k - 1)", lambda c: S(lambda j: 2 * j - 1, 1, 0, c)),
            (r"\sum_{k=1}^{n} \left( k^2 - (k-1)^2 \right)", lambda c: S(lambda j: j ** 2 - (j - 1) ** 2, 1, 0, c)),
            (r"n^2 - 0^2", lambda c: sp.Integer(c["n"]) ** 2 - 0 if isinstance(c["n"], int) else c["n"] ** 2),
            (r"n^2", lambda c: sp.Integer(c["n"]) ** 2 if isinstance(c["n"], int) else c["n"] ** 2),
        ]),
        Chain("telescoping squares", [
            (r"\sum_{k=1}^{n} \left( (k+1)^2 - k^2 \right)", lambda c: S(lambda j: (j + 1) ** 2 - j ** 2, 1, 0, c)),
            (r"(n+1)^2 - 1", lambda c: (c["n"] + 1) ** 2 - 1),
        ]),
        Chain("expanded", [
            (r"\sum_{k=1}^{n} (2k + 1)", lambda c: S(lambda j: 2 * j + 1, 1, 0, c)),
            (r"2 \sum_{k=1}^{n} k + n", lambda c: 2 * S(lambda j: j, 1, 0, c) + c["n"]),
        ]),
        Chain("sum of integers", [
            (r"\sum_{k=1}^{n} k", lambda c: S(lambda j: j, 1, 0, c)),
            (r"\frac{(n+1)^2 - 1 - n}{2}", lambda c: sp.Rational(1, 2) * ((c["n"] + 1) ** 2 - 1 - c["n"])),
            (r"\frac{n^2 + n}{2}", lambda c: sp.Rational(1, 2) * (c["n"] ** 2 + c["n"])),
            (r"\frac{n(n+1)}{2}", lambda c: sp.Rational(1, 2) * c["n"] * (c["n"] + 1)),
        ]),
    ]
    return with_plant(
        Doc("telescoping_sum_answer.md", ch, ctxs=NN),
        old='= 1 - \\frac{1}{n+1} =',
        new='= 1 - \\frac{1}{n} =',
        chain='telescoping', index=3,
        wrong=(r"1 - \frac{1}{n}", lambda c: 1 - sp.Integer(1) / c["n"]),
        what='wrong index: the surviving last term is 1/(n+1), written 1/n')
