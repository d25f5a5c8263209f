"""Hand encodings of the corpus_ml13 documents of families 1-3 (normalisation layers; variational
autoencoders; Bayesian conjugate updates).

Every display is a chain of I(anchor, fn) items: `anchor` is the exact LaTeX of the expression in
the document and fn(ctx) its SymPy value in the context ctx. Links whose kind is "def" introduce a
name (counted as definitions in the manifest); all others assert an identity. Derivatives are taken
with sympy.diff of the function the text has written down (the forward pass of the layer, the KL
divergence, the log-posterior), never copied from the document. Statements about N features or n
observations are checked for N = 1..4 (n = 1..4) explicit symbols; expectations under a Gaussian are
definite integrals against the stated density (evaluated by quadrature in the framework) or moments
of a standard normal.
"""
import sympy as sp

from framework import Chain, Doc, with_plant  # noqa: F401
from helpers import I, R, P, rational, vec, E_iid, gauss_moments  # noqa: F401

DEF = "def"
half = sp.Rational(1, 2)
exp, log, sqrt, pi, oo = sp.exp, sp.log, sp.sqrt, sp.pi, sp.oo


def Q(a, b=1):
    return sp.Rational(a, b)


def _fn(v):
    if callable(v):
        return v
    v = sp.sympify(v)
    return lambda c: v


def chain(label, items, kinds=None, ctxs=None, where=None):
    """Chain of (anchor, value) pairs; a value is an expression or a function of the context."""
    return Chain(label, [I(a, _fn(v)) for a, v in items], kinds, ctxs, where)


def d(e, x, at=None):
    out = sp.diff(e, x)
    return out.subs(at) if at else out


def kd(i, j):
    return sp.Integer(1 if i == j else 0)


def ctx_N(lo=1, hi=4):
    return [{"N": N} for N in range(lo, hi + 1)]


def ctx_Nj(lo=1, hi=4):
    return [{"N": N, "j": j} for N in range(lo, hi + 1) for j in range(1, N + 1)]


def ctx_Nij(lo=1, hi=4):
    return [{"N": N, "i": i, "j": j} for N in range(lo, hi + 1) for i in range(1, N + 1) for j in range(1, N + 1)]


def S(f, lo, hi):
    return sp.Add(*[f(k) for k in range(lo, hi + 1)])


# ===========================================================================
# family 1: normalisation layers
def layernorm_backward_lecture():
    X = vec("x", 4)
    G = vec("g", 4)
    GAM = vec("gamma", 4, positive=True)
    BET = vec("beta", 4)
    eps = P("epsilon", 0.05, 1.0)
    H = [GAM[k] * G[k] for k in range(4)]  # h_i = gamma_i g_i (bound in the text)

    def st(N, e=eps):
        x = X[:N]
        mu = sp.Add(*x) / N
        var = sp.Add(*[(xi - mu) ** 2 for xi in x]) / N
        s = sqrt(var + e)
        xh = [(xi - mu) / s for xi in x]
        return x, mu, var, s, xh

    def dL(N, j, e=eps):  # gradient of L through y = gamma xh + beta with upstream g
        x, mu, var, s, xh = st(N, e)
        return sp.Add(*[G[i] * GAM[i] * sp.diff(xh[i], X[j - 1]) for i in range(N)])

    cN, cNj, cNij = ctx_N(), ctx_Nj(), ctx_Nij()
    ch = []
    ch.append(chain("mu", [(r"\mu", lambda c: st(c["N"])[1]), (r"\frac{1}{N}\sumi x_i", lambda c: S(lambda i: X[i - 1], 1, c["N"]) / c["N"])],
                    DEF, ctxs=cN))
    ch.append(chain("var", [(r"\sigma^2", lambda c: st(c["N"])[2]),
                            (r"\frac{1}{N}\sumi (x_i - \mu)^2", lambda c: S(lambda i: (X[i - 1] - st(c["N"])[1]) ** 2, 1, c["N"]) / c["N"])],
                    DEF, ctxs=cN))
    cNi = [{"N": c["N"], "i": c["j"]} for c in cNj]
    ch.append(chain("xh", [(r"\xh_i", lambda c: st(c["N"])[4][c["i"] - 1]),
                           (r"\frac{x_i - \mu}{s}", lambda c: (X[c["i"] - 1] - st(c["N"])[1]) / st(c["N"])[3])], DEF, ctxs=cNi))
    ch.append(chain("y", [(r"y_i", lambda c: GAM[c["i"] - 1] * st(c["N"])[4][c["i"] - 1] + BET[c["i"] - 1]),
                          (r"\gamma_i\xh_i + \beta_i", lambda c: GAM[c["i"] - 1] * st(c["N"])[4][c["i"] - 1] + BET[c["i"] - 1])], DEF, ctxs=cNi))
    ch.append(chain("centred", [(r"\sumi (x_i - \mu)", lambda c: S(lambda i: X[i - 1] - st(c["N"])[1], 1, c["N"])),
                                (r"\sumi x_i - N\mu", lambda c: S(lambda i: X[i - 1], 1, c["N"]) - c["N"] * st(c["N"])[1]),
                                ("0", 0)], ctxs=cN))
    # N = 3 written out
    x3, mu3, var3, s3, xh3 = st(3)
    x1, x2, x_3 = X[0], X[1], X[2]
    ch.append(chain("dvar3", [(r"\dd{\sigma^2}{x_1}", d(var3, x1)),
                              (r"\frac{2}{3}\Bigl[(x_1 - \mu)\Bigl(1 - \frac13\Bigr) - \frac13(x_2 - \mu) - \frac13(x_3 - \mu)\Bigr]",
                               Q(2, 3) * ((x1 - mu3) * (1 - Q(1, 3)) - Q(1, 3) * (x2 - mu3) - Q(1, 3) * (x_3 - mu3))),
                              (r"\frac{2}{3}(x_1 - \mu) - \frac{2}{9}\bigl[(x_1 - \mu) + (x_2 - \mu) + (x_3 - \mu)\bigr]",
                               Q(2, 3) * (x1 - mu3) - Q(2, 9) * ((x1 - mu3) + (x2 - mu3) + (x_3 - mu3))),
                              (r"\frac{2}{3}(x_1 - \mu)", Q(2, 3) * (x1 - mu3))]))
    ch.append(chain("dxh3", [(r"\dd{\xh_1}{x_1}", d(xh3[0], x1)),
                             (r"\frac{2}{3s} - \frac{(x_1 - \mu)^2}{3s^3}", 2 / (3 * s3) - (x1 - mu3) ** 2 / (3 * s3 ** 3)),
                             (r"\frac{2 - \xh_1^2}{3s}", (2 - xh3[0] ** 2) / (3 * s3))]))
    # general N
    ch.append(chain("dmu", [(r"\dd{\mu}{x_j}", lambda c: d(st(c["N"])[1], X[c["j"] - 1])), (r"\frac{1}{N}", lambda c: Q(1, c["N"]))], ctxs=cNj))

    def dvar_items():
        def v(c):
            return st(c["N"])
        return [(r"\dd{\sigma^2}{x_j}", lambda c: d(v(c)[2], X[c["j"] - 1])),
                (r"\frac{2}{N}\sumi (x_i - \mu)\Bigl(\delta_{ij} - \frac{1}{N}\Bigr)",
                 lambda c: Q(2, c["N"]) * S(lambda i: (X[i - 1] - v(c)[1]) * (kd(i, c["j"]) - Q(1, c["N"])), 1, c["N"])),
                (r"\frac{2}{N}(x_j - \mu) - \frac{2}{N^2}\sumi (x_i - \mu)",
                 lambda c: Q(2, c["N"]) * (X[c["j"] - 1] - v(c)[1]) - Q(2, c["N"] ** 2) * S(lambda i: X[i - 1] - v(c)[1], 1, c["N"])),
                (r"\frac{2}{N}(x_j - \mu)", lambda c: Q(2, c["N"]) * (X[c["j"] - 1] - v(c)[1]))]
    ch.append(chain("dvar", dvar_items(), ctxs=cNj))
    ch.append(chain("ds", [(r"\dd{s}{x_j}", lambda c: d(st(c["N"])[3], X[c["j"] - 1])),
                           (r"\frac{1}{2s}\dd{\sigma^2}{x_j}", lambda c: d(st(c["N"])[2], X[c["j"] - 1]) / (2 * st(c["N"])[3])),
                           (r"\frac{x_j - \mu}{Ns}", lambda c: (X[c["j"] - 1] - st(c["N"])[1]) / (c["N"] * st(c["N"])[3])),
                           (r"\frac{\xh_j}{N}", lambda c: st(c["N"])[4][c["j"] - 1] / c["N"])], ctxs=cNj))

    def jac(c, i, j):
        return d(st(c["N"])[4][i - 1], X[j - 1])

    def jac_form(c, i, j):
        N = c["N"]
        s, xh = st(N)[3], st(N)[4]
        return (N * kd(i, j) - 1 - xh[i - 1] * xh[j - 1]) / (N * s)

    ch.append(chain("jac", [(r"\dd{\xh_i}{x_j}", lambda c: jac(c, c["i"], c["j"])),
                            (r"\frac{1}{s}\Bigl(\delta_{ij} - \frac{1}{N}\Bigr) - \frac{x_i - \mu}{s^2}\,\dd{s}{x_j}",
                             lambda c: (kd(c["i"], c["j"]) - Q(1, c["N"])) / st(c["N"])[3]
                             - (X[c["i"] - 1] - st(c["N"])[1]) / st(c["N"])[3] ** 2 * d(st(c["N"])[3], X[c["j"] - 1])),
                            (r"\frac{1}{Ns}\bigl(N\delta_{ij} - 1 - \xh_i\xh_j\bigr)", lambda c: jac_form(c, c["i"], c["j"]))], ctxs=cNij))

    def sum_h(N):
        return sp.Add(*H[:N])

    def sum_hxh(N):
        xh = st(N)[4]
        return sp.Add(*[H[i] * xh[i] for i in range(N)])

    def back_form(N, j):
        s, xh = st(N)[3], st(N)[4]
        return (N * H[j - 1] - sum_h(N) - xh[j - 1] * sum_hxh(N)) / (N * s)

    ch.append(chain("back", [(r"\dd{L}{x_j}", lambda c: dL(c["N"], c["j"])),
                             (r"\sumi h_i\,\dd{\xh_i}{x_j}", lambda c: S(lambda i: H[i - 1] * jac(c, i, c["j"]), 1, c["N"])),
                             (r"\frac{1}{Ns}\sumi h_i\bigl(N\delta_{ij} - 1 - \xh_i\xh_j\bigr)",
                              lambda c: S(lambda i: H[i - 1] * jac_form(c, i, c["j"]), 1, c["N"])),
                             (r"\frac{1}{Ns}\Bigl(Nh_j - \sumi h_i - \xh_j\sumi h_i\xh_i\Bigr)", lambda c: back_form(c["N"], c["j"]))], ctxs=cNj))

    def Lin(N):
        xh = st(N)[4]
        return sp.Add(*[G[k] * (GAM[k] * xh[k] + BET[k]) for k in range(N)])

    ch.append(chain("dgamma", [(r"\dd{L}{\gamma_i}", lambda c: d(Lin(c["N"]), GAM[c["i"] - 1])),
                               (r"g_i\,\xh_i", lambda c: G[c["i"] - 1] * st(c["N"])[4][c["i"] - 1])], ctxs=cNi))
    ch.append(chain("dbeta", [(r"\dd{L}{\beta_i}", lambda c: d(Lin(c["N"]), BET[c["i"] - 1])), (r"g_i", lambda c: G[c["i"] - 1])], ctxs=cNi))

    def sum_xh(N):
        return sp.Add(*st(N)[4])

    ch.append(chain("sumzero", [(r"\sumj\dd{L}{x_j}", lambda c: S(lambda j: dL(c["N"], j), 1, c["N"])),
                                (r"\frac{1}{Ns}\Bigl(N\sumj h_j - N\sumi h_i - \sumj\xh_j\sumi h_i\xh_i\Bigr)",
                                 lambda c: (c["N"] * sum_h(c["N"]) - c["N"] * sum_h(c["N"]) - sum_xh(c["N"]) * sum_hxh(c["N"])) / (c["N"] * st(c["N"])[3])),
                                (r"-\frac{1}{Ns}\Bigl(\sumj\xh_j\Bigr)\Bigl(\sumi h_i\xh_i\Bigr)",
                                 lambda c: -sum_xh(c["N"]) * sum_hxh(c["N"]) / (c["N"] * st(c["N"])[3])),
                                ("0", 0)], ctxs=cN))

    def orth_items():
        def sx2(N):
            return sp.Add(*[t ** 2 for t in st(N)[4]])
        return [(r"\sumj\xh_j\dd{L}{x_j}", lambda c: S(lambda j: st(c["N"])[4][j - 1] * dL(c["N"], j), 1, c["N"])),
                (r"\frac{1}{Ns}\Bigl(N\sumj h_j\xh_j - \sumi h_i\sumj\xh_j - \sumj\xh_j^2\sumi h_i\xh_i\Bigr)",
                 lambda c: (c["N"] * sum_hxh(c["N"]) - sum_h(c["N"]) * sum_xh(c["N"]) - sx2(c["N"]) * sum_hxh(c["N"])) / (c["N"] * st(c["N"])[3])),
                (r"\frac{1}{Ns}\Bigl(N - \frac{N\sigma^2}{s^2}\Bigr)\sumi h_i\xh_i",
                 lambda c: (c["N"] - c["N"] * st(c["N"])[2] / st(c["N"])[3] ** 2) * sum_hxh(c["N"]) / (c["N"] * st(c["N"])[3])),
                (r"\frac{\varepsilon}{s^3}\sumi h_i\xh_i", lambda c: eps / st(c["N"])[3] ** 3 * sum_hxh(c["N"]))]
    ch.append(chain("orth", orth_items(), ctxs=cN))
    # worked example: N = 3, x = (0, 3, 3), gamma_i = 1, g = (0, 1, 0), epsilon = 0
    num = {X[0]: 0, X[1]: 3, X[2]: 3, GAM[0]: 1, GAM[1]: 1, GAM[2]: 1, G[0]: 0, G[1]: 1, G[2]: 0}
    mu_n, var_n = mu3.subs(num), var3.subs(num)
    ch.append(chain("mu num", [(r"\mu", mu_n), (r"\frac{0 + 3 + 3}{3}", Q(6, 3)), ("2", 2)]))
    ch.append(chain("var num", [(r"\sigma^2", var_n), (r"\frac{(0-2)^2 + (3-2)^2 + (3-2)^2}{3}", Q(4 + 1 + 1, 3)), ("2", 2)]))

    def dLn(j):
        return dL(3, j, e=0).subs(num)
    r2 = sqrt(2)
    ch.append(chain("dx1 num", [(r"\dd{L}{x_1}", dLn(1)), (r"\frac{1}{3\sqrt2}\Bigl(0 - 1 - (-\sqrt2)\cdot\frac{1}{\sqrt2}\Bigr)", (0 - 1 - (-r2) / r2) / (3 * r2)),
                                ("0", 0)]))
    ch.append(chain("dx2 num", [(r"\dd{L}{x_2}", dLn(2)), (r"\frac{1}{3\sqrt2}\Bigl(3 - 1 - \frac{1}{\sqrt2}\cdot\frac{1}{\sqrt2}\Bigr)", (3 - 1 - 1 / r2 / r2) / (3 * r2)),
                                (r"\frac{3/2}{3\sqrt2}", Q(3, 2) / (3 * r2)), (r"\frac{1}{2\sqrt2}", 1 / (2 * r2))]))
    ch.append(chain("dx3 num", [(r"\dd{L}{x_3}", dLn(3)), (r"\frac{1}{3\sqrt2}\Bigl(0 - 1 - \frac{1}{\sqrt2}\cdot\frac{1}{\sqrt2}\Bigr)", (0 - 1 - 1 / r2 / r2) / (3 * r2)),
                                (r"-\frac{1}{2\sqrt2}", -1 / (2 * r2))]))
    xh_n = [t.subs(eps, 0).subs(num) for t in xh3]
    ch.append(chain("dgamma num", [(r"\dd{L}{\gamma_2}", d(Lin(3), GAM[1]).subs(eps, 0).subs(num)), (r"g_2\,\xh_2", 1 * xh_n[1]),
                                   (r"\frac{1}{\sqrt2}", 1 / r2)]))
    doc = Doc("layernorm_backward_lecture.tex", ch)
    N_ = lambda c: c["N"]  # noqa: E731
    return with_plant(doc, r"\Bigl(N\sumj h_j - N\sumi h_i", r"\Bigl(N\sumj h_j + N\sumi h_i", "sumzero", 1,
                      I(r"\frac{1}{Ns}\Bigl(N\sumj h_j + N\sumi h_i - \sumj\xh_j\sumi h_i\xh_i\Bigr)",
                        lambda c: (N_(c) * sum_h(N_(c)) + N_(c) * sum_h(N_(c)) - sum_xh(N_(c)) * sum_hxh(N_(c))) / (N_(c) * st(N_(c))[3])),
                      "sign: + N sum h_i for - N sum h_i inside the bracket when the input gradients are summed over j")


def batchnorm_gradients_notebook():
    X = vec("x", 4)
    G = vec("g", 4)
    gam, bet = P("gamma_bn", 0.3, 2.0), R("beta_bn")
    eps = P("epsilon", 0.05, 1.0)
    Mu, V = R("mu_node"), P("v_node", 0.3, 2.0)  # mu_B and sigma_B^2 as independent nodes of the graph
    XH = vec("xhat_node", 4)

    def st(m, e=eps):
        x = X[:m]
        mu = sp.Add(*x) / m
        var = sp.Add(*[(xi - mu) ** 2 for xi in x]) / m
        return mu, var, [(xi - mu) / sqrt(var + e) for xi in x]

    def L_of_x(m, e=eps):  # L linearised at the upstream gradient: sum_i g_i y_i
        xh = st(m, e)[2]
        return sp.Add(*[G[i] * (gam * xh[i] + bet) for i in range(m)])

    def L_node(m, mu, v, e=eps):  # L through the nodes mu_B, sigma_B^2 as independent arguments
        return sp.Add(*[G[i] * (gam * (X[i] - mu) / sqrt(v + e) + bet) for i in range(m)])

    def dLdv(m):
        mu, var, _ = st(m)
        return d(L_node(m, Mu, V), V).subs({Mu: mu, V: var})

    def dLdmu(m):
        mu, var, _ = st(m)
        v_of = sp.Add(*[(X[i] - Mu) ** 2 for i in range(m)]) / m
        return d(L_node(m, Mu, v_of), Mu).subs(Mu, mu)

    def dLdx(m, i, e=eps):
        return d(L_of_x(m, e), X[i - 1])

    cm = [{"m": m} for m in range(1, 5)]
    cmi = [{"m": m, "i": i} for m in range(1, 5) for i in range(1, m + 1)]
    ch = []
    ch.append(chain("muB", [(r"\mu_B", lambda c: st(c["m"])[0]), (r"\frac{1}{m}\sum_{i=1}^{m} x_i", lambda c: S(lambda i: X[i - 1], 1, c["m"]) / c["m"])], DEF, ctxs=cm))
    ch.append(chain("varB", [(r"\sigma_B^2", lambda c: st(c["m"])[1]),
                             (r"\frac{1}{m}\sum_{i=1}^{m}(x_i - \mu_B)^2", lambda c: S(lambda i: (X[i - 1] - st(c["m"])[0]) ** 2, 1, c["m"]) / c["m"])],
                     DEF, ctxs=cm))
    ch.append(chain("xhat", [(r"\hat x_i", lambda c: st(c["m"])[2][c["i"] - 1]),
                             (r"\frac{x_i - \mu_B}{\sqrt{\sigma_B^2 + \epsilon}}", lambda c: (X[c["i"] - 1] - st(c["m"])[0]) / sqrt(st(c["m"])[1] + eps))],
                     DEF, ctxs=cmi))
    ch.append(chain("y", [(r"y_i", lambda c: gam * st(c["m"])[2][c["i"] - 1] + bet), (r"\gamma\hat x_i + \beta", lambda c: gam * st(c["m"])[2][c["i"] - 1] + bet)],
                    DEF, ctxs=cmi))
    ch.append(chain("dxhat", [(r"\frac{\partial L}{\partial \hat x_i}", lambda c: d(sp.Add(*[G[k] * (gam * XH[k] + bet) for k in range(c["m"])]), XH[c["i"] - 1])),
                              (r"\gamma g_i", lambda c: gam * G[c["i"] - 1])], ctxs=cmi))
    ch.append(chain("dvar", [(r"\frac{\partial L}{\partial \sigma_B^2}", lambda c: dLdv(c["m"])),
                             (r"\sum_{i=1}^{m}\frac{\partial L}{\partial \hat x_i}\,(x_i - \mu_B)\Bigl(-\frac12\Bigr)(\sigma_B^2 + \epsilon)^{-3/2}",
                              lambda c: S(lambda i: gam * G[i - 1] * (X[i - 1] - st(c["m"])[0]) * (-half) * (st(c["m"])[1] + eps) ** Q(-3, 2), 1, c["m"])),
                             (r"-\frac{\gamma}{2}(\sigma_B^2 + \epsilon)^{-3/2}\sum_{i=1}^{m} g_i(x_i - \mu_B)",
                              lambda c: -gam / 2 * (st(c["m"])[1] + eps) ** Q(-3, 2) * S(lambda i: G[i - 1] * (X[i - 1] - st(c["m"])[0]), 1, c["m"]))], ctxs=cm))
    ch.append(chain("dmu", [(r"\frac{\partial L}{\partial \mu_B}", lambda c: dLdmu(c["m"])),
                            (r"-\frac{\gamma}{\sqrt{\sigma_B^2 + \epsilon}}\sum_{i=1}^{m} g_i + \frac{\partial L}{\partial \sigma_B^2}\cdot\frac{-2}{m}\sum_{i=1}^{m}(x_i - \mu_B)",
                             lambda c: -gam / sqrt(st(c["m"])[1] + eps) * S(lambda i: G[i - 1], 1, c["m"])
                             + dLdv(c["m"]) * Q(-2, c["m"]) * S(lambda i: X[i - 1] - st(c["m"])[0], 1, c["m"])),
                            (r"-\frac{\gamma}{\sqrt{\sigma_B^2 + \epsilon}}\sum_{i=1}^{m} g_i", lambda c: -gam / sqrt(st(c["m"])[1] + eps) * S(lambda i: G[i - 1], 1, c["m"]))],
                     ctxs=cm))
    ch.append(chain("dx paths", [(r"\frac{\partial L}{\partial x_i}", lambda c: dLdx(c["m"], c["i"])),
                                 (r"\frac{\partial L}{\partial \hat x_i}\,\frac{1}{\sqrt{\sigma_B^2 + \epsilon}} + \frac{\partial L}{\partial \sigma_B^2}\,\frac{2(x_i - \mu_B)}{m} + \frac{\partial L}{\partial \mu_B}\,\frac{1}{m}",
                                  lambda c: gam * G[c["i"] - 1] / sqrt(st(c["m"])[1] + eps) + dLdv(c["m"]) * 2 * (X[c["i"] - 1] - st(c["m"])[0]) / c["m"]
                                  + dLdmu(c["m"]) / c["m"])], ctxs=cmi))

    def sg(m):
        return sp.Add(*G[:m])

    def sgx(m):
        xh = st(m)[2]
        return sp.Add(*[G[k] * xh[k] for k in range(m)])

    def compact(m, i):
        mu, var, xh = st(m)
        return gam / (m * sqrt(var + eps)) * (m * G[i - 1] - sg(m) - xh[i - 1] * sgx(m))

    ch.append(chain("collected", [(r"\frac{\partial L}{\partial x_i}", lambda c: dLdx(c["m"], c["i"])),
                                  (r"\frac{\gamma}{\sqrt{\sigma_B^2 + \epsilon}}\Bigl(g_i - \frac{1}{m}\sum_{j=1}^{m} g_j\Bigr) - \frac{\gamma(x_i - \mu_B)}{m(\sigma_B^2 + \epsilon)^{3/2}}\sum_{j=1}^{m} g_j(x_j - \mu_B)",
                                   lambda c: gam / sqrt(st(c["m"])[1] + eps) * (G[c["i"] - 1] - sg(c["m"]) / c["m"])
                                   - gam * (X[c["i"] - 1] - st(c["m"])[0]) / (c["m"] * (st(c["m"])[1] + eps) ** Q(3, 2))
                                   * S(lambda j: G[j - 1] * (X[j - 1] - st(c["m"])[0]), 1, c["m"])),
                                  (r"\frac{\gamma}{m\sqrt{\sigma_B^2 + \epsilon}}\Bigl(m g_i - \sum_{j=1}^{m} g_j - \hat x_i\sum_{j=1}^{m} g_j\hat x_j\Bigr)",
                                   lambda c: compact(c["m"], c["i"]))], ctxs=cmi))
    ch.append(chain("dgamma", [(r"\frac{\partial L}{\partial \gamma}", lambda c: d(L_of_x(c["m"]), gam)), (r"\sum_{i=1}^{m} g_i\hat x_i", lambda c: sgx(c["m"]))], ctxs=cm))
    ch.append(chain("dbeta", [(r"\frac{\partial L}{\partial \beta}", lambda c: d(L_of_x(c["m"]), bet)), (r"\sum_{i=1}^{m} g_i", lambda c: sg(c["m"]))], ctxs=cm))
    ch.append(chain("compact", [(r"\frac{\partial L}{\partial x_i}", lambda c: dLdx(c["m"], c["i"])),
                                (r"\frac{\gamma}{m\sqrt{\sigma_B^2 + \epsilon}}\Bigl(m g_i - \frac{\partial L}{\partial \beta} - \hat x_i\,\frac{\partial L}{\partial \gamma}\Bigr)",
                                 lambda c: gam / (c["m"] * sqrt(st(c["m"])[1] + eps)) * (c["m"] * G[c["i"] - 1] - d(L_of_x(c["m"]), bet)
                                                                                          - st(c["m"])[2][c["i"] - 1] * d(L_of_x(c["m"]), gam)))], ctxs=cmi))

    def bracket(m, wrong=False):
        xh = st(m)[2]
        inner = (sp.Add(*[xh[k] ** 2 for k in range(m)]) * sg(m)) if wrong else sp.Add(*xh) * sgx(m)
        return gam / (m * sqrt(st(m)[1] + eps)) * (m * sg(m) - m * sg(m) - inner)

    ch.append(chain("sumzero", [(r"\sum_{i=1}^{m}\frac{\partial L}{\partial x_i}", lambda c: S(lambda i: dLdx(c["m"], i), 1, c["m"])),
                                (r"\frac{\gamma}{m\sqrt{\sigma_B^2 + \epsilon}}\Bigl(m\sum_{i=1}^{m} g_i - m\sum_{j=1}^{m} g_j - \sum_{i=1}^{m}\hat x_i\sum_{j=1}^{m} g_j\hat x_j\Bigr)",
                                 lambda c: bracket(c["m"])), ("0", 0)], ctxs=cm))
    mu2, var2, xh2 = st(2)
    s2 = sqrt(var2 + eps)
    g1, g2 = G[0], G[1]
    ch.append(chain("m=2", [(r"\frac{\partial L}{\partial x_1}", dLdx(2, 1)),
                            (r"\frac{\gamma}{2s}\bigl(2g_1 - g_1 - g_2 - \hat x_1(g_1\hat x_1 + g_2\hat x_2)\bigr)",
                             gam / (2 * s2) * (2 * g1 - g1 - g2 - xh2[0] * (g1 * xh2[0] + g2 * xh2[1]))),
                            (r"\frac{\gamma}{2s}(g_1 - g_2)\bigl(1 - \hat x_1^2\bigr)", gam / (2 * s2) * (g1 - g2) * (1 - xh2[0] ** 2)),
                            (r"\frac{\gamma\epsilon\,(g_1 - g_2)}{2s^3}", gam * eps * (g1 - g2) / (2 * s2 ** 3))]))
    num = {X[0]: 2, X[1]: 4, X[2]: 4, X[3]: 6, gam: 2, G[0]: 1, G[1]: 0, G[2]: 0, G[3]: 0}
    mu4, var4, _ = st(4)
    ch.append(chain("mu num", [(r"\mu_B", mu4.subs(num)), (r"\frac{2 + 4 + 4 + 6}{4}", Q(16, 4)), ("4", 4)]))
    ch.append(chain("var num", [(r"\sigma_B^2", var4.subs(num)), (r"\frac{4 + 0 + 0 + 4}{4}", Q(8, 4)), ("2", 2)]))
    r2 = sqrt(2)

    def dxn(i):
        return dLdx(4, i, e=0).subs(num)
    ch.append(chain("dx1 num", [(r"\frac{\partial L}{\partial x_1}", dxn(1)), (r"\frac{1}{2\sqrt2}\bigl(4 - 1 - (-\sqrt2)(-\sqrt2)\bigr)", (4 - 1 - (-r2) * (-r2)) / (2 * r2)),
                                (r"\frac{1}{2\sqrt2}", 1 / (2 * r2))]))
    ch.append(chain("dx2 num", [(r"\frac{\partial L}{\partial x_2}", dxn(2)), (r"\frac{1}{2\sqrt2}\bigl(0 - 1 - 0\bigr)", (0 - 1 - 0) / (2 * r2)),
                                (r"-\frac{1}{2\sqrt2}", -1 / (2 * r2))]))
    ch.append(chain("dx4 num", [(r"\frac{\partial L}{\partial x_4}", dxn(4)), (r"\frac{1}{2\sqrt2}\bigl(0 - 1 - \sqrt2\,(-\sqrt2)\bigr)", (0 - 1 - r2 * (-r2)) / (2 * r2)),
                                (r"\frac{1}{2\sqrt2}", 1 / (2 * r2))]))
    doc = Doc("batchnorm_gradients_notebook.md", ch)
    return with_plant(doc, r"\sum_{j=1}^{m} g_j\hat x_j\Bigr) = 0", r"\sum_{j=1}^{m} g_j\hat x_i\Bigr) = 0", "sumzero", 1,
                      I(r"\frac{\gamma}{m\sqrt{\sigma_B^2 + \epsilon}}\Bigl(m\sum_{i=1}^{m} g_i - m\sum_{j=1}^{m} g_j - \sum_{i=1}^{m}\hat x_i\sum_{j=1}^{m} g_j\hat x_i\Bigr)",
                        lambda c: bracket(c["m"], wrong=True)),
                      "wrong index: x-hat_i for x-hat_j inside the inner sum over j when the input gradients are summed")



# ===========================================================================
# family 2: variational autoencoders
def _gauss(z, m, v):
    """The N(m, v) density at z, written from its definition."""
    return exp(-(z - m) ** 2 / (2 * v)) / sqrt(2 * pi * v)


def _loggauss(z, m, v):
    return -log(2 * pi * v) / 2 - (z - m) ** 2 / (2 * v)


def _E(z, f, m, v):
    """E over z ~ N(m, v) of f (a definite integral against the density)."""
    return sp.Integral(_gauss(z, m, v) * f, (z, -oo, oo))


def vae_kl_appendix():
    z = R("z_vae", -2.0, 2.0)
    zi = sp.Symbol("zeta", real=True)  # integration variable
    m1, m2 = R("mu_1"), R("mu_2")
    s1, s2 = P("sigma_1", 0.5, 1.5), P("sigma_2", 0.5, 1.5)
    mu, sig = R("mu"), P("sigma", 0.5, 1.5)
    ell = R("ell")
    epsv = R("varepsilon")
    ch = []
    logq = lambda t: _loggauss(t, m1, s1 ** 2)  # noqa: E731
    logp = lambda t: _loggauss(t, m2, s2 ** 2)  # noqa: E731
    ch.append(chain("ratio", [(r"\log\frac{q(z)}{p(z)}", log(_gauss(z, m1, s1 ** 2) / _gauss(z, m2, s2 ** 2))),
                              (r"\log\frac{\sigma_2}{\sigma_1} - \frac{(z-\mu_1)^2}{2\sigma_1^2} + \frac{(z-\mu_2)^2}{2\sigma_2^2}",
                               log(s2 / s1) - (z - m1) ** 2 / (2 * s1 ** 2) + (z - m2) ** 2 / (2 * s2 ** 2))]))
    Eq = lambda f: _E(zi, f, m1, s1 ** 2)  # noqa: E731
    ch.append(chain("second", [(r"\E_q\bigl[(z-\mu_2)^2\bigr]", Eq((zi - m2) ** 2)),
                               (r"\E_q\bigl[(z-\mu_1)^2\bigr] + 2(\mu_1 - \mu_2)\,\E_q[z - \mu_1] + (\mu_1-\mu_2)^2",
                                Eq((zi - m1) ** 2) + 2 * (m1 - m2) * Eq(zi - m1) + (m1 - m2) ** 2),
                               (r"\sigma_1^2 + (\mu_1 - \mu_2)^2", s1 ** 2 + (m1 - m2) ** 2)]))
    KLqp = Eq(logq(zi) - logp(zi))
    ch.append(chain("kl", [(r"\KL(q\,\|\,p)", KLqp), (r"\E_q\Bigl[\log\frac{q(z)}{p(z)}\Bigr]", KLqp),
                           (r"\log\frac{\sigma_2}{\sigma_1} - \frac{\sigma_1^2}{2\sigma_1^2} + \frac{\sigma_1^2 + (\mu_1-\mu_2)^2}{2\sigma_2^2}",
                            log(s2 / s1) - s1 ** 2 / (2 * s1 ** 2) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2)),
                           (r"\log\frac{\sigma_2}{\sigma_1} + \frac{\sigma_1^2 + (\mu_1-\mu_2)^2}{2\sigma_2^2} - \frac12",
                            log(s2 / s1) + (s1 ** 2 + (m1 - m2) ** 2) / (2 * s2 ** 2) - half)], [DEF, "id", "id"]))

    def kl01(m, s):
        return _E(zi, _loggauss(zi, m, s ** 2) - _loggauss(zi, 0, 1), m, s ** 2)
    ch.append(chain("kl01", [(r"\KL\bigl(\N(\mu, \sigma^2)\,\|\,\N(0, 1)\bigr)", kl01(mu, sig)),
                             (r"-\log\sigma + \frac{\sigma^2 + \mu^2}{2} - \frac12", -log(sig) + (sig ** 2 + mu ** 2) / 2 - half),
                             (r"\frac12\bigl(\mu^2 + \sigma^2 - 1 - \log\sigma^2\bigr)", half * (mu ** 2 + sig ** 2 - 1 - log(sig ** 2)))]))
    ch.append(chain("diag", [(r"\KL\bigl(\N(\mu, \mathrm{diag}(\sigma_1^2, \sigma_2^2))\,\|\,\N(0, I)\bigr)", kl01(m1, s1) + kl01(m2, s2)),
                             (r"\frac12\bigl(\mu_1^2 + \mu_2^2 + \sigma_1^2 + \sigma_2^2 - 2 - \log(\sigma_1^2\sigma_2^2)\bigr)",
                              half * (m1 ** 2 + m2 ** 2 + s1 ** 2 + s2 ** 2 - 2 - log(s1 ** 2 * s2 ** 2)))]))
    Rf = half * (mu ** 2 + exp(ell) - 1 - ell)
    sig_l = exp(ell / 2)  # sigma = e^{ell/2}, bound in the text
    ch.append(chain("R", [(r"\Rg(\mu, \lv)", Rf), (r"\frac12\bigl(\mu^2 + e^{\lv} - 1 - \lv\bigr)", Rf)], DEF))
    ch.append(chain("dRmu", [(r"\frac{\partial\Rg}{\partial\mu}", d(Rf, mu)), (r"\mu", mu)]))
    ch.append(chain("dRl", [(r"\frac{\partial\Rg}{\partial\lv}", d(Rf, ell)), (r"\frac12\bigl(e^{\lv} - 1\bigr)", half * (exp(ell) - 1)),
                            (r"\frac12\bigl(\sigma^2 - 1\bigr)", half * (sig_l ** 2 - 1))]))
    zr = mu + sig_l * epsv
    ch.append(chain("dzmu", [(r"\frac{\partial z}{\partial\mu}", d(zr, mu)), ("1", 1)]))
    ch.append(chain("dzl", [(r"\frac{\partial z}{\partial\lv}", d(zr, ell)), (r"\frac12 e^{\lv/2}\varepsilon", half * exp(ell / 2) * epsv),
                            (r"\frac{\sigma\varepsilon}{2}", sig_l * epsv / 2), (r"\frac{z - \mu}{2}", (zr - mu) / 2)]))
    std = gauss_moments(0, 1)
    Ee = lambda f: E_iid(f, [epsv], std)  # noqa: E731
    est = _loggauss(zr, mu, sig_l ** 2) - _loggauss(zr, 0, 1)
    ch.append(chain("mc", [(r"\E_{\varepsilon}\bigl[\log q(z) - \log p(z)\bigr]", Ee(sp.expand(est))),
                           (r"\E_{\varepsilon}\Bigl[-\frac{\lv}{2} - \frac{\varepsilon^2}{2} + \frac{(\mu + \sigma\varepsilon)^2}{2}\Bigr]",
                            Ee(-ell / 2 - epsv ** 2 / 2 + (mu + sig_l * epsv) ** 2 / 2)),
                           (r"-\frac{\lv}{2} - \frac12 + \frac{\mu^2 + \sigma^2}{2}", -ell / 2 - half + (mu ** 2 + sig_l ** 2) / 2),
                           (r"\Rg(\mu, \lv)", Rf)]))
    ch.append(chain("mc grad", [(r"\E_{\varepsilon}\Bigl[\frac{\partial}{\partial\lv}\bigl(\log q(z) - \log p(z)\bigr)\Bigr]", Ee(sp.expand(d(est, ell)))),
                                (r"\E_{\varepsilon}\Bigl[-\frac12 + \frac{z\,\sigma\varepsilon}{2}\Bigr]", Ee(sp.expand(-half + zr * sig_l * epsv / 2))),
                                (r"-\frac12 + \frac{\sigma^2}{2}", -half + sig_l ** 2 / 2)]))
    xo, xhat, sd = R("x_vae"), R("xhat_vae"), P("s_vae", 0.5, 1.5)
    logdec = log(_gauss(xo, xhat, sd ** 2))
    ch.append(chain("dec", [(r"\log p_\theta(x \mid z)", logdec), (r"-\frac12\log(2\pi s^2) - \frac{(x - \hat x)^2}{2s^2}", -half * log(2 * pi * sd ** 2) - (xo - xhat) ** 2 / (2 * sd ** 2))],
                    DEF))
    ch.append(chain("ddec", [(r"\frac{\partial}{\partial\hat x}\log p_\theta(x \mid z)", d(logdec, xhat)), (r"\frac{x - \hat x}{s^2}", (xo - xhat) / sd ** 2)]))
    # the linear-Gaussian model of the proposition
    mq, vq = R("m_q"), P("v_q", 0.3, 2.0)
    Eqq = lambda f: _E(zi, f, mq, vq)  # noqa: E731
    logpx = log(_gauss(xo, 0, 1 + sd ** 2))
    elbo = Eqq(log(_gauss(xo, zi, sd ** 2))) - Eqq(_loggauss(zi, mq, vq) - _loggauss(zi, 0, 1))
    mbar, vbar = xo / (1 + sd ** 2), sd ** 2 / (1 + sd ** 2)
    # the posterior p(z | x) computed by Bayes' rule (independently of the text): the maximiser and the
    # inverse curvature of log p(z) + log p(x | z), checked against the stated mbar, vbar
    lj = _loggauss(zi, 0, 1) + _loggauss(xo, zi, sd ** 2)
    assert sp.simplify(sp.solve(sp.diff(lj, zi), zi)[0] - mbar) == 0
    assert sp.simplify(-1 / sp.diff(lj, zi, 2) - vbar) == 0
    KLpost = Eqq(_loggauss(zi, mq, vq) - _loggauss(zi, mbar, vbar))
    ch.append(chain("prop", [(r"\log p(x) - \mathcal{L}(q)", logpx - elbo), (r"\KL\bigl(q\,\|\,p(z \mid x)\bigr)", KLpost)]))
    ch.append(chain("elbo", [(r"\mathcal{L}(q)", elbo), (r"\E_q\bigl[\log p(x \mid z)\bigr] - \KL\bigl(q\,\|\,p(z)\bigr)", elbo),
                             (r"-\frac12\log(2\pi s^2) - \frac{(x-m)^2 + v}{2s^2} - \frac12\bigl(m^2 + v - 1 - \log v\bigr)",
                              -half * log(2 * pi * sd ** 2) - ((xo - mq) ** 2 + vq) / (2 * sd ** 2) - half * (mq ** 2 + vq - 1 - log(vq)))],
                     [DEF, "id"]))
    gap_mid = half * log(vbar / vq) + (vq + (mq - mbar) ** 2) / (2 * vbar) - half
    ch.append(chain("gap", [(r"\log p(x) - \mathcal{L}(q)", logpx - elbo),
                            (r"\frac12\log\frac{\bar v}{v} + \frac{v + (m - \bar m)^2}{2\bar v} - \frac12", gap_mid),
                            (r"\KL\bigl(q\,\|\,p(z \mid x)\bigr)", KLpost)]))
    q = rational
    num = {mu: q("0.5"), ell: log(q("0.25"))}
    ch.append(chain("R num", [(r"\Rg", Rf.subs(num)), (r"\frac12\bigl(0.25 + 0.25 - 1 - \log 0.25\bigr)", half * (q("0.25") + q("0.25") - 1 - log(q("0.25")))),
                              (r"\frac12\bigl(-0.5 + 2\log 2\bigr)", half * (q("-0.5") + 2 * log(2))), (r"\log 2 - 0.25", log(2) - q("0.25"))]))
    ch.append(chain("dRmu num", [(r"\frac{\partial\Rg}{\partial\mu}", d(Rf, mu).subs(num)), ("0.5", q("0.5"))]))
    ch.append(chain("dRl num", [(r"\frac{\partial\Rg}{\partial\lv}", d(Rf, ell).subs(num)), (r"\frac12(0.25 - 1)", half * (q("0.25") - 1)), ("-0.375", q("-0.375"))]))
    doc = Doc("vae_kl_appendix.tex", ch)
    return with_plant(doc, r"\frac{v + (m - \bar m)^2}{2\bar v}", r"\frac{v + (m - \bar m)^2}{\bar v}", "gap", 1,
                      I(r"\frac12\log\frac{\bar v}{v} + \frac{v + (m - \bar m)^2}{\bar v} - \frac12",
                        _fn(half * log(vbar / vq) + (vq + (mq - mbar) ** 2) / vbar - half)),
                      "dropped factor: the 2 of 2 v-bar in the denominator of the mean-and-variance term of the KL to the posterior")



def vae_elbo_blog():
    zi = sp.Symbol("zeta", real=True)
    mu, sig = R("mu"), P("sigma", 0.5, 1.5)
    v = R("v_logvar")
    epsv = R("varepsilon")
    std = gauss_moments(0, 1)
    Ee = lambda f: E_iid(sp.expand(f), [epsv], std)  # noqa: E731
    Eq = lambda f: _E(zi, f, mu, sig ** 2)  # noqa: E731
    logq = _loggauss(zi, mu, sig ** 2)
    logp = _loggauss(zi, 0, 1)
    KLint = Eq(logq - logp)
    Erec = R("E_rec")  # the reconstruction expectation, left symbolic in the definition
    ch = []
    ch.append(chain("elbo", [(r"\mathrm{ELBO}(x)", Erec - KLint),
                             (r"\mathbb{E}_{q(z \mid x)}\bigl[\log p(x \mid z)\bigr] - \mathrm{KL}\bigl(q(z \mid x)\,\|\,p(z)\bigr)", Erec - KLint)], DEF))
    zr = mu + sig * epsv
    ch.append(chain("Ez2", [(r"\mathbb{E}_q[z^2]", Eq(zi ** 2)), (r"\mathbb{E}\bigl[(\mu + \sigma\epsilon)^2\bigr]", Ee(zr ** 2)),
                            (r"\mu^2 + 2\mu\sigma\,\mathbb{E}[\epsilon] + \sigma^2\,\mathbb{E}[\epsilon^2]", mu ** 2 + 2 * mu * sig * Ee(epsv) + sig ** 2 * Ee(epsv ** 2)),
                            (r"\mu^2 + \sigma^2", mu ** 2 + sig ** 2)]))
    Hq = -Eq(logq)
    ch.append(chain("H", [(r"H[q]", Hq), (r"-\mathbb{E}_q[\log q(z)]", Hq),
                          (r"\frac12\log(2\pi\sigma^2) + \frac{\mathbb{E}_q[(z - \mu)^2]}{2\sigma^2}", half * log(2 * pi * sig ** 2) + Eq((zi - mu) ** 2) / (2 * sig ** 2)),
                          (r"\frac12\log(2\pi\sigma^2) + \frac12", half * log(2 * pi * sig ** 2) + half)], [DEF, "id", "id"]))
    Hqp = -Eq(logp)
    ch.append(chain("Hqp", [(r"H[q, p]", Hqp), (r"-\mathbb{E}_q[\log p(z)]", Hqp),
                            (r"\frac12\log(2\pi) + \frac12\,\mathbb{E}_q[z^2]", half * log(2 * pi) + half * Eq(zi ** 2)),
                            (r"\frac12\log(2\pi) + \frac{\mu^2 + \sigma^2}{2}", half * log(2 * pi) + (mu ** 2 + sig ** 2) / 2)], [DEF, "id", "id"]))
    Kc = half * (mu ** 2 + sig ** 2 - 1 - log(sig ** 2))
    ch.append(chain("KL", [(r"\mathrm{KL}(q\,\|\,p)", KLint), (r"H[q, p] - H[q]", Hqp - Hq),
                           (r"\frac12\log(2\pi) + \frac{\mu^2 + \sigma^2}{2} - \frac12\log(2\pi\sigma^2) - \frac12",
                            half * log(2 * pi) + (mu ** 2 + sig ** 2) / 2 - half * log(2 * pi * sig ** 2) - half),
                           (r"\frac12\bigl(\mu^2 + \sigma^2 - 1 - \log\sigma^2\bigr)", Kc)]))
    sv = exp(v / 2)  # sigma = e^{v/2}
    Kv = half * (mu ** 2 + exp(v) - 1 - v)
    ch.append(chain("logvar", [(r"\frac12\bigl(\mu^2 + \sigma^2 - 1 - \log\sigma^2\bigr)", Kc.subs(sig, sv)),
                               (r"\frac12\bigl(\mu^2 + e^{v} - 1 - v\bigr)", Kv), (r"-\frac12\bigl(1 + v - \mu^2 - e^{v}\bigr)", -half * (1 + v - mu ** 2 - exp(v)))]))
    ch.append(chain("dKmu", [(r"\frac{\partial K}{\partial\mu}", d(Kv, mu)), (r"\mu", mu)]))
    ch.append(chain("dKv", [(r"\frac{\partial K}{\partial v}", d(Kv, v)), (r"\frac12\bigl(e^{v} - 1\bigr)", half * (exp(v) - 1))]))
    ch.append(chain("dKs", [(r"\frac{\partial}{\partial\sigma}\,\frac12\bigl(\mu^2 + \sigma^2 - 1 - \log\sigma^2\bigr)", d(Kc, sig)),
                            (r"\sigma - \frac{1}{\sigma}", sig - 1 / sig), (r"\frac{\sigma^2 - 1}{\sigma}", (sig ** 2 - 1) / sig)]))
    ch.append(chain("chainrule", [(r"\frac{\partial K}{\partial v}", d(Kv, v).subs(v, log(sig ** 2))),
                                  (r"\Bigl(\sigma - \frac{1}{\sigma}\Bigr)\frac{\sigma}{2}", (sig - 1 / sig) * sig / 2), (r"\frac{\sigma^2 - 1}{2}", (sig ** 2 - 1) / 2)]))
    Ez2 = Ee(zr ** 2)
    ch.append(chain("path mu", [(r"\frac{\partial}{\partial\mu}\mathbb{E}_\epsilon[z^2]", d(Ez2, mu)), (r"\mathbb{E}_\epsilon[2z]", Ee(2 * zr)), (r"2\mu", 2 * mu)]))
    ch.append(chain("path sigma", [(r"\frac{\partial}{\partial\sigma}\mathbb{E}_\epsilon[z^2]", d(Ez2, sig)), (r"\mathbb{E}_\epsilon[2z\,\epsilon]", Ee(2 * zr * epsv)),
                                   (r"2\mu\,\mathbb{E}[\epsilon] + 2\sigma\,\mathbb{E}[\epsilon^2]", 2 * mu * Ee(epsv) + 2 * sig * Ee(epsv ** 2)), (r"2\sigma", 2 * sig)]))
    x1, x2, xh1, xh2 = R("x_1b"), R("x_2b"), R("xhat_1b"), R("xhat_2b")
    sd = P("s_vae", 0.5, 1.5)
    ch.append(chain("mse", [(r"-\log p(x \mid z)", -log(_gauss(x1, xh1, sd ** 2) * _gauss(x2, xh2, sd ** 2))),
                            (r"\log(2\pi s^2) + \frac{(x_1 - \hat x_1)^2 + (x_2 - \hat x_2)^2}{2s^2}",
                             log(2 * pi * sd ** 2) + ((x1 - xh1) ** 2 + (x2 - xh2) ** 2) / (2 * sd ** 2))]))
    num = {mu: 1, sig: half}
    Q4 = Q(1, 4)
    ch.append(chain("K num", [("K", Kc.subs(num)), (r"\frac12\Bigl(1 + \frac14 - 1 - \log\frac14\Bigr)", half * (1 + Q4 - 1 - log(Q4))),
                              (r"\frac12\Bigl(\frac14 + 2\log 2\Bigr)", half * (Q4 + 2 * log(2))), (r"\frac18 + \log 2", Q(1, 8) + log(2))]))
    ch.append(chain("dKs num", [(r"\frac{\partial K}{\partial\sigma}", d(Kc, sig).subs(num)), (r"\frac12 - 2", half - 2), (r"-\frac32", Q(-3, 2))]))
    ch.append(chain("dKv num", [(r"\frac{\partial K}{\partial v}", d(Kv, v).subs({mu: 1, v: log(Q4)})), (r"\frac12\Bigl(\Bigl(\frac12\Bigr)^2 - 1\Bigr)", half * (half ** 2 - 1)),
                                (r"-\frac38", Q(-3, 8))]))
    ch.append(chain("total", [(r"K_{\text{total}}", Kc.subs(num) + Kc.subs({mu: 0, sig: 1})),
                              (r"\Bigl(\frac18 + \log 2\Bigr) + \frac12\bigl(0 + 1 - 1 - \log 1\bigr)", (Q(1, 8) + log(2)) + half * (0 + 1 - 1 - log(1))),
                              (r"\frac18 + \log 2", Q(1, 8) + log(2))]))
    doc = Doc("vae_elbo_blog.md", ch)
    return with_plant(doc, r"\Bigl(\frac12\Bigr)^2 - 1\Bigr)", r"\Bigl(\frac12\Bigr)^3 - 1\Bigr)", "dKv num", 1,
                      I(r"\frac12\Bigl(\Bigl(\frac12\Bigr)^3 - 1\Bigr)", _fn(half * (half ** 3 - 1))),
                      "wrong exponent: (1/2)^3 for (1/2)^2 = sigma^2 in the numerical log-variance gradient")



# ===========================================================================
# family 3: Bayesian conjugate updates
def _beta_moment(k, al, be):
    """E[theta^k] under Beta(al, be), as a ratio of definite integrals of the unnormalised density."""
    th = sp.Symbol("vartheta", real=True)
    kern = th ** (al - 1) * (1 - th) ** (be - 1)
    return sp.Integral(th ** k * kern, (th, 0, 1)) / sp.Integral(kern, (th, 0, 1))


def _gamma_moment(k, al, be):
    """E[lambda^k] under Gamma(al, rate be), as a ratio of definite integrals."""
    la = sp.Symbol("varlambda", positive=True)
    kern = la ** (al - 1) * exp(-be * la)
    return sp.Integral(la ** k * kern, (la, 0, oo)) / sp.Integral(kern, (la, 0, oo))


def conjugate_updates_exam():
    th = P("theta_b", 0.05, 0.95)
    a, b = P("a_b", 0.5, 3.0), P("b_b", 0.5, 3.0)
    y, f = P("y_b", 0.3, 5.0), P("f_b", 0.3, 5.0)  # successes and failures; n = y + f
    n = y + f
    ch = []
    ch.append(chain("Q1 kernel", [(r"\theta^{y}(1-\theta)^{n-y}\cdot\theta^{a-1}(1-\theta)^{b-1}", th ** y * (1 - th) ** (n - y) * th ** (a - 1) * (1 - th) ** (b - 1)),
                                  (r"\theta^{a+y-1}(1-\theta)^{b+n-y-1}", th ** (a + y - 1) * (1 - th) ** (b + n - y - 1))]))
    al, be = a + y, b + n - y
    Em = _beta_moment(1, al, be)
    ch.append(chain("Q1 mean", [(r"\E[\theta \mid y]", Em), (r"\frac{a + y}{a + b + n}", (a + y) / (a + b + n)),
                                (r"\frac{a + b}{a + b + n}\cdot\frac{a}{a + b} + \frac{n}{a + b + n}\cdot\frac{y}{n}",
                                 (a + b) / (a + b + n) * a / (a + b) + n / (a + b + n) * y / n)]))
    ch.append(chain("Q1 pred", [(r"\Pr(\text{success on trial } n + 1 \mid y)", Em), (r"\int_0^1 \theta\, p(\theta \mid y)\, d\theta", Em),
                                (r"\frac{a + y}{a + b + n}", (a + y) / (a + b + n))]))
    ch.append(chain("Q1 var", [(r"\Var(\theta \mid y)", _beta_moment(2, al, be) - Em ** 2),
                               (r"\frac{(a + y)(b + n - y)}{(a + b + n)^2\,(a + b + n + 1)}", (a + y) * (b + n - y) / ((a + b + n) ** 2 * (a + b + n + 1)))]))
    num = {a: 2, b: 2, y: 7, f: 3}
    ch.append(chain("Q1 mean num", [(r"\E[\theta \mid y]", Em.subs(num)), (r"\frac{2 + 7}{4 + 10}", Q(9, 14)), (r"\frac{9}{14}", Q(9, 14)),
                                    (r"\frac{4}{14}\cdot\frac12 + \frac{10}{14}\cdot\frac{7}{10}", Q(4, 14) * half + Q(10, 14) * Q(7, 10))]))
    ch.append(chain("Q1 var num", [(r"\Var(\theta \mid y)", (_beta_moment(2, al, be) - Em ** 2).subs(num)), (r"\frac{9\cdot 5}{14^2\cdot 15}", Q(45, 14 ** 2 * 15)),
                                   (r"\frac{3}{196}", Q(3, 196))]))
    # Question 2: normal-normal with known variance; n = 1..4 observations
    X = vec("x", 4)
    t = R("theta_n")
    mu0, tau0, sg = R("mu_0"), P("tau_0", 0.5, 1.5), P("sigma_n", 0.5, 1.5)
    cn = [{"n": k} for k in range(1, 5)]

    def xb(k):
        return sp.Add(*X[:k]) / k

    def lp(k):
        return -(t - mu0) ** 2 / (2 * tau0 ** 2) - sp.Add(*[(X[i] - t) ** 2 for i in range(k)]) / (2 * sg ** 2)

    def taun2(k):  # the posterior variance: minus the inverse curvature of the log-posterior
        return -1 / sp.diff(lp(k), t, 2)

    def mun(k):
        return sp.solve(sp.diff(lp(k), t), t)[0]

    ch.append(chain("Q2 d1", [(r"\frac{d}{d\theta}\log p(\theta \mid x)", lambda c: d(lp(c["n"]), t)),
                              (r"-\frac{\theta - \mu_0}{\tau_0^2} + \frac{1}{\sigma^2}\sum_{i=1}^{n}(x_i - \theta)",
                               lambda c: -(t - mu0) / tau0 ** 2 + sp.Add(*[X[i] - t for i in range(c["n"])]) / sg ** 2),
                              (r"-\frac{\theta - \mu_0}{\tau_0^2} + \frac{n(\bar x - \theta)}{\sigma^2}", lambda c: -(t - mu0) / tau0 ** 2 + c["n"] * (xb(c["n"]) - t) / sg ** 2)],
                     ctxs=cn))
    ch.append(chain("Q2 d2", [(r"\frac{d^2}{d\theta^2}\log p(\theta \mid x)", lambda c: sp.diff(lp(c["n"]), t, 2)),
                              (r"-\frac{1}{\tau_0^2} - \frac{n}{\sigma^2}", lambda c: -1 / tau0 ** 2 - c["n"] / sg ** 2),
                              (r"-\frac{1}{\tau_n^2}", lambda c: -(1 / tau0 ** 2 + c["n"] / sg ** 2))], ctxs=cn))
    ch.append(chain("Q2 prec", [(r"\frac{1}{\tau_n^2}", lambda c: 1 / taun2(c["n"])),
                                (r"\frac{1}{\tau_0^2} + \frac{n}{\sigma^2}", lambda c: 1 / tau0 ** 2 + c["n"] / sg ** 2)], DEF, ctxs=cn))
    ch.append(chain("Q2 mun", [(r"\mu_n", lambda c: mun(c["n"])),
                               (r"\frac{\mu_0/\tau_0^2 + n\bar x/\sigma^2}{1/\tau_0^2 + n/\sigma^2}", lambda c: (mu0 / tau0 ** 2 + c["n"] * xb(c["n"]) / sg ** 2) / (1 / tau0 ** 2 + c["n"] / sg ** 2)),
                               (r"\frac{\sigma^2\mu_0 + n\tau_0^2\,\bar x}{\sigma^2 + n\tau_0^2}", lambda c: (sg ** 2 * mu0 + c["n"] * tau0 ** 2 * xb(c["n"])) / (sg ** 2 + c["n"] * tau0 ** 2)),
                               (r"\frac{\sigma^2}{\sigma^2 + n\tau_0^2}\,\mu_0 + \frac{n\tau_0^2}{\sigma^2 + n\tau_0^2}\,\bar x",
                                lambda c: sg ** 2 / (sg ** 2 + c["n"] * tau0 ** 2) * mu0 + c["n"] * tau0 ** 2 / (sg ** 2 + c["n"] * tau0 ** 2) * xb(c["n"]))],
                     [DEF, "id", "id"], ctxs=cn))
    zeta, eta = R("zeta_n"), R("eta_n")
    std = gauss_moments(0, 1)

    def var_pred(k):  # xtilde = theta + sigma eta with theta = mu_n + tau_n zeta; zeta, eta independent standard normals
        xt = mun(k) + sqrt(taun2(k)) * zeta + sg * eta
        e1 = E_iid(xt, [zeta, eta], std)
        return E_iid(sp.expand(xt ** 2), [zeta, eta], std) - e1 ** 2

    ch.append(chain("Q2 pred", [(r"\Var(\tilde x \mid x)", lambda c: var_pred(c["n"])),
                                (r"\Var(\theta \mid x) + \sigma^2\Var(\eta)", lambda c: taun2(c["n"]) + sg ** 2 * (E_iid(eta ** 2, [eta], std) - E_iid(eta, [eta], std) ** 2)),
                                (r"\tau_n^2 + \sigma^2", lambda c: 1 / (1 / tau0 ** 2 + c["n"] / sg ** 2) + sg ** 2)], ctxs=cn))
    nm = {mu0: 0, tau0: 1, sg: 2, X[0]: 1, X[1]: 2, X[2]: 3, X[3]: 2}  # n = 4 with mean 2
    ch.append(chain("Q2 prec num", [(r"\frac{1}{\tau_n^2}", (1 / taun2(4)).subs(nm)), (r"1 + \frac{4}{4}", 1 + Q(4, 4)), ("2", 2)]))
    ch.append(chain("Q2 mun num", [(r"\mu_n", mun(4).subs(nm)), (r"\frac{4\cdot 0 + 4\cdot 1\cdot 2}{4 + 4}", Q(4 * 0 + 4 * 1 * 2, 8)), ("1", 1)]))
    ch.append(chain("Q2 pred num", [(r"\Var(\tilde x \mid x)", var_pred(4).subs(nm)), (r"\frac12 + 4", half + 4), ("4.5", rational("4.5"))]))
    # Question 3: gamma-Poisson
    lam = P("lambda_g", 0.2, 3.0)
    alg, beg = P("alpha_g", 0.5, 3.0), P("beta_g", 0.5, 3.0)
    Sg, ng = P("S_g", 0.3, 6.0), P("n_g", 0.5, 4.0)
    ch.append(chain("Q3 kernel", [(r"\lambda^{S}e^{-n\lambda}\cdot\lambda^{\alpha - 1}e^{-\beta\lambda}", lam ** Sg * exp(-ng * lam) * lam ** (alg - 1) * exp(-beg * lam)),
                                  (r"\lambda^{\alpha + S - 1}e^{-(\beta + n)\lambda}", lam ** (alg + Sg - 1) * exp(-(beg + ng) * lam))]))
    an, bn = alg + Sg, beg + ng
    Eg = _gamma_moment(1, an, bn)
    ch.append(chain("Q3 mean", [(r"\E[\lambda \mid y]", Eg), (r"\frac{\alpha + S}{\beta + n}", (alg + Sg) / (beg + ng)),
                                (r"\frac{\beta}{\beta + n}\cdot\frac{\alpha}{\beta} + \frac{n}{\beta + n}\cdot\ybar", beg / (beg + ng) * alg / beg + ng / (beg + ng) * Sg / ng)]))
    lv = sp.Symbol("varlambda", positive=True)

    def p0(A, B):
        dens = B ** A / sp.gamma(A) * lv ** (A - 1) * exp(-B * lv)
        return sp.Integral(lv ** 0 * exp(-lv) / sp.factorial(0) * dens, (lv, 0, oo))

    def p0_text(A, B):
        return sp.Integral(exp(-lv) * B ** A / sp.gamma(A) * lv ** (A - 1) * exp(-B * lv), (lv, 0, oo))

    ch.append(chain("Q3 zero", [(r"\Pr(\text{next count is } 0 \mid y)", p0(an, bn)),
                                (r"\int_0^\infty e^{-\lambda}\,\frac{\beta_n^{\alpha_n}}{\Gamma(\alpha_n)}\lambda^{\alpha_n - 1}e^{-\beta_n\lambda}\,d\lambda", p0_text(an, bn)),
                                (r"\Bigl(\frac{\beta_n}{\beta_n + 1}\Bigr)^{\alpha_n}", (bn / (bn + 1)) ** an)]))
    g3 = {alg: 3, beg: 1, Sg: 10, ng: 4}
    ch.append(chain("Q3 mean num", [(r"\E[\lambda \mid y]", Eg.subs(g3)), (r"\frac{13}{5}", Q(13, 5)), (r"\frac15\cdot 3 + \frac45\cdot 2.5", Q(1, 5) * 3 + Q(4, 5) * rational("2.5")),
                                    ("2.6", rational("2.6"))]))
    ch.append(chain("Q3 zero num", [(r"\Pr(\text{next count is } 0 \mid y)", p0(an, bn).subs(g3)), (r"\Bigl(\frac{5}{6}\Bigr)^{13}", Q(5, 6) ** 13)]))
    doc = Doc("conjugate_updates_exam.tex", ch)
    return with_plant(doc, r"\frac15\cdot 3 + \frac45\cdot 2.5 = 2.6", r"\frac45\cdot 2.5 = 2.6", "Q3 mean num", 2,
                      I(r"\frac45\cdot 2.5", _fn(Q(4, 5) * rational("2.5"))),
                      "dropped term: the prior's share (1/5) * 3 of the weighted average in the numerical gamma-Poisson posterior mean")



def conjugate_priors_study_group():
    al, be = P("alpha_c", 0.5, 3.0), P("beta_c", 0.5, 3.0)
    h, tt = P("h_c", 0.3, 5.0), P("t_c", 0.3, 5.0)
    ap, bp = al + h, be + tt  # alpha' and beta', bound in the text
    ch = []
    pm = _beta_moment(1, ap, bp)
    ch.append(chain("shrink", [(r"\frac{\alpha + h}{\alpha + \beta + h + t} - \frac{h}{h + t}", pm - h / (h + tt)),
                               (r"\frac{(\alpha + h)(h + t) - h(\alpha + \beta + h + t)}{(\alpha + \beta + h + t)(h + t)}",
                                ((al + h) * (h + tt) - h * (al + be + h + tt)) / ((al + be + h + tt) * (h + tt))),
                               (r"\frac{\alpha t - \beta h}{(\alpha + \beta + h + t)(h + t)}", (al * tt - be * h) / ((al + be + h + tt) * (h + tt)))]))
    ch.append(chain("E theta2", [(r"\mathbb{E}[\theta^2 \mid \text{data}]", _beta_moment(2, ap, bp)),
                                 (r"\frac{\alpha'(\alpha' + 1)}{(\alpha' + \beta')(\alpha' + \beta' + 1)}", ap * (ap + 1) / ((ap + bp) * (ap + bp + 1))),
                                 (r"\frac{\alpha'}{\alpha' + \beta'}\cdot\frac{\alpha' + 1}{\alpha' + \beta' + 1}", ap / (ap + bp) * (ap + 1) / (ap + bp + 1))]))
    num = {al: 1, be: 1, h: 3, tt: 1}
    ch.append(chain("shrink num", [(r"\frac{4}{6} - \frac{3}{4}", (pm - h / (h + tt)).subs(num)), (r"-\frac{1}{12}", Q(-1, 12)),
                                   (r"\frac{1\cdot 1 - 1\cdot 3}{(1 + 1 + 3 + 1)(3 + 1)}", Q(1 * 1 - 1 * 3, (1 + 1 + 3 + 1) * (3 + 1)))]))
    ch.append(chain("E theta2 num", [(r"\mathbb{E}[\theta^2 \mid \text{data}]", _beta_moment(2, ap, bp).subs(num)), (r"\frac{4\cdot 5}{6\cdot 7}", Q(20, 42)),
                                     (r"\frac{10}{21}", Q(10, 21))]))
    thv = sp.Symbol("vartheta", real=True)
    mode_b = sp.solve(sp.diff(log(thv ** 3 * (1 - thv)), thv), thv)[0]  # argmax of the Beta(4, 2) density
    ch.append(chain("mode", [(r"\frac{\alpha' - 1}{\alpha' + \beta' - 2}", mode_b), (r"\frac{4 - 1}{4 + 2 - 2}", Q(3, 4)), (r"\frac34", Q(3, 4))]))
    # normal-normal in precisions, n = 1..4
    X = vec("x", 4)
    t = R("theta_n")
    mu0 = R("mu_0")
    l0, lam = P("lambda_0", 0.5, 2.0), P("lambda_c", 0.5, 2.0)
    cn = [{"n": k} for k in range(1, 5)]

    def lp(k, xs=None):
        xs = X[:k] if xs is None else xs
        return -l0 * (t - mu0) ** 2 / 2 - lam * sp.Add(*[(xi - t) ** 2 for xi in xs]) / 2

    def prec(k):
        return -sp.diff(lp(k), t, 2)

    def pmean(k, xs=None):
        return sp.solve(sp.diff(lp(k, xs), t), t)[0]

    def sx(k):
        return sp.Add(*X[:k])

    ch.append(chain("lambda_n", [(r"\lambda_n", lambda c: prec(c["n"])), (r"\lambda_0 + n\lambda", lambda c: l0 + c["n"] * lam)], DEF, ctxs=cn))
    ch.append(chain("mu_n", [(r"\mu_n", lambda c: pmean(c["n"])), (r"\frac{\lambda_0\mu_0 + \lambda\sum_{i=1}^{n} x_i}{\lambda_n}", lambda c: (l0 * mu0 + lam * sx(c["n"])) / (l0 + c["n"] * lam))],
                    DEF, ctxs=cn))
    ch.append(chain("coef", [(r"\lambda_0\mu_0 + \lambda\sum_{i=1}^{n} x_i", lambda c: sp.Poly(sp.expand(lp(c["n"])), t).coeff_monomial(t)),
                             (r"\lambda_n\mu_n", lambda c: prec(c["n"]) * pmean(c["n"]))], ctxs=cn))
    x1, x2 = X[0], X[1]
    mu1 = (l0 * mu0 + lam * x1) / (l0 + lam)
    ch.append(chain("seq", [(r"\mu_2", pmean(2)), (r"\frac{(\lambda_0 + \lambda)\mu_1 + \lambda x_2}{(\lambda_0 + \lambda) + \lambda}", ((l0 + lam) * mu1 + lam * x2) / ((l0 + lam) + lam)),
                            (r"\frac{\lambda_0\mu_0 + \lambda x_1 + \lambda x_2}{\lambda_0 + 2\lambda}", (l0 * mu0 + lam * x1 + lam * x2) / (l0 + 2 * lam))]))
    zeta, eta = R("zeta_n"), R("eta_n")
    std = gauss_moments(0, 1)

    def var_pred(k, xs=None):
        xt = pmean(k, xs) + zeta / sqrt(prec(k)) + eta / sqrt(lam)
        return E_iid(sp.expand(xt ** 2), [zeta, eta], std) - E_iid(xt, [zeta, eta], std) ** 2

    ch.append(chain("pred", [(r"\operatorname{Var}(\tilde x \mid x_{1:n})", lambda c: var_pred(c["n"])),
                             (r"\frac{1}{\lambda_n} + \frac{1}{\lambda}", lambda c: 1 / (l0 + c["n"] * lam) + 1 / lam)], ctxs=cn))
    nn = {mu0: 0, l0: 1, lam: 4, x1: 1, x2: rational("1.5")}
    ch.append(chain("lambda num", [(r"\lambda_2", prec(2).subs(nn)), (r"1 + 2\cdot 4", 1 + 2 * 4), ("9", 9)]))
    ch.append(chain("mu num", [(r"\mu_2", pmean(2).subs(nn)), (r"\frac{1\cdot 0 + 4\cdot(1.0 + 1.5)}{9}", (1 * 0 + 4 * (1 + rational("1.5"))) / sp.Integer(9)),
                               (r"\frac{10}{9}", Q(10, 9))]))
    ch.append(chain("seq num", [(r"\mu_2", pmean(2).subs(nn)), (r"\frac{5\cdot 0.8 + 4\cdot 1.5}{9}", (5 * rational("0.8") + 4 * rational("1.5")) / 9), (r"\frac{10}{9}", Q(10, 9))]))
    ch.append(chain("pred num", [(r"\operatorname{Var}(\tilde x \mid x_{1:2})", var_pred(2).subs(nn)), (r"\frac19 + \frac14", Q(1, 9) + Q(1, 4)), (r"\frac{13}{36}", Q(13, 36))]))
    # gamma-Poisson with an exposure: the posterior moments from likelihood x prior, by integration
    a, b = P("a_c", 0.5, 3.0), P("b_c", 0.5, 3.0)
    y, T = P("y_c", 0.3, 6.0), P("T_c", 0.5, 4.0)
    r = sp.Symbol("varrho", positive=True)
    kern = (r * T) ** y * exp(-r * T) * r ** (a - 1) * exp(-b * r)

    def Epost(f, at=None):
        k = kern if at is None else kern.subs(at)
        return sp.Integral(f * k, (r, 0, oo)) / sp.Integral(k, (r, 0, oo))

    ch.append(chain("gp mean", [(r"\mathbb{E}[r \mid y]", Epost(r)), (r"\frac{a + y}{b + T}", (a + y) / (b + T)),
                                (r"\frac{b}{b + T}\cdot\frac{a}{b} + \frac{T}{b + T}\cdot\frac{y}{T}", b / (b + T) * a / b + T / (b + T) * y / T)]))
    gn = {a: 2, b: 1, y: 9, T: 4}
    ch.append(chain("gp mean num", [(r"\mathbb{E}[r \mid y]", Epost(r, gn)), (r"\frac{11}{5}", Q(11, 5)), (r"\frac15\cdot 2 + \frac45\cdot\frac94", Q(1, 5) * 2 + Q(4, 5) * Q(9, 4)),
                                    ("2.2", rational("2.2"))]))
    rr = sp.Symbol("rr", positive=True)
    mode_g = sp.solve(sp.diff(log(kern.subs(gn).subs(r, rr)), rr), rr)[0]
    ch.append(chain("gp mode", [(r"\text{mode}", mode_g), (r"\frac{11 - 1}{5}", Q(10, 5)), ("2", 2)]))
    ch.append(chain("quiet", [(r"\Pr(\text{no events next week} \mid y)", Epost(exp(-r), gn)),
                              (r"\int_0^\infty e^{-r}\,\frac{5^{11}}{\Gamma(11)}\,r^{10}e^{-5r}\,dr", sp.Integral(exp(-r) * 5 ** 11 / sp.gamma(11) * r ** 10 * exp(-5 * r), (r, 0, oo))),
                              (r"\Bigl(\frac{5}{6}\Bigr)^{11}", Q(5, 6) ** 11)]))
    doc = Doc("conjugate_priors_study_group.md", ch)
    return with_plant(doc, r"\frac{5\cdot 0.8 + 4\cdot 1.5}{9}", r"\frac{5\cdot 0.8 + 4\cdot 1.5}{8}", "seq num", 1,
                      I(r"\frac{5\cdot 0.8 + 4\cdot 1.5}{8}", _fn((5 * rational("0.8") + 4 * rational("1.5")) / 8)),
                      "wrong constant: 8 for the posterior precision 9 = 5 + 4 in the denominator of the sequential update")


DOCS = [layernorm_backward_lecture, batchnorm_gradients_notebook, vae_kl_appendix, vae_elbo_blog, conjugate_updates_exam, conjugate_priors_study_group]
