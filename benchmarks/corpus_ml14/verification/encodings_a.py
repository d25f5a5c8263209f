"""Hand encodings of the corpus_ml14 documents of families 1-3 (attention and transformers; policy
gradients / REINFORCE; survival analysis and reliability).

Every display is a chain of I(anchor, fn) items: `anchor` is the exact LaTeX of the expression in the
document and fn(ctx) its SymPy value in the context ctx. Links whose kind is "def" introduce a name
(counted as definitions in the manifest); all others assert an identity. Derivatives are taken with
sympy.diff of the function the text has written down (the forward pass of attention, the log-policy,
the survival function or the log-likelihood), never copied from the document. Statements about n keys,
d dimensions, K actions or n observations are checked for 1..4 (1..3) explicit symbols; expectations
over a finite action set are finite sums of probability times value, expectations under a Gaussian or a
lifetime density are definite integrals against the stated density (quadrature in the framework), and
expectations of products of independent unit-variance entries use their moments.
"""
import sympy as sp

from framework import Chain, Doc, with_plant  # noqa: F401
from helpers import I, R, P, rational, vec, mat, E_iid, binary_patterns  # noqa: F401

DEF = "def"
half = sp.Rational(1, 2)
exp, log, sqrt, pi, oo, E = sp.exp, sp.log, sp.sqrt, sp.pi, sp.oo, sp.E


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


def kd(i, j):
    return sp.Integer(1 if i == j else 0)


def S(f, lo, hi):
    """Explicit finite sum f(lo) + ... + f(hi)."""
    return sp.Add(*[f(k) for k in range(lo, hi + 1)])


def softmax(zs):
    Z = sp.Add(*[exp(z) for z in zs])
    return [exp(z) / Z for z in zs]


def unit_moments(k):
    """E[X^k] for an entry with mean 0 and variance 1 (only k <= 2 occur)."""
    return {0: sp.Integer(1), 1: sp.Integer(0), 2: sp.Integer(1)}[k]


# ===========================================================================
# family 1: attention
def attention_gradients_lecture():
    Sv = vec("s", 4)
    V = vec("v", 4)
    Qv = vec("q", 4)
    K = mat("k", 4, 4)  # K[j-1][r-1] = k_{jr}
    U = vec("u", 4)  # query entries in the variance argument (mean 0, variance 1)
    W = vec("w", 4)  # key entries

    def wts(n):
        return softmax(Sv[:n])

    def out(n):
        return S(lambda i: wts(n)[i - 1] * V[i - 1], 1, n)

    def score_q(n, d):  # scores as functions of the query
        return [S(lambda r: Qv[r - 1] * K[j][r - 1], 1, d) / sqrt(d) for j in range(n)]

    def out_q(n, d):
        a = softmax(score_q(n, d))
        return S(lambda j: a[j - 1] * V[j - 1], 1, n)

    def dods_q(n, d, j):  # dO/ds_j evaluated at the scores of the query
        sub = dict(zip(Sv[:n], score_q(n, d)))
        return sp.diff(out(n), Sv[j - 1]).subs(sub)

    c_dj = [{"d": d, "j": j} for d in range(1, 5) for j in range(1, 5)]
    c_n = [{"n": n} for n in range(1, 5)]
    c_nj = [{"n": n, "j": j} for n in range(1, 5) for j in range(1, n + 1)]
    c_nij = [{"n": n, "i": i, "j": j} for n in range(1, 5) for i in range(1, n + 1) for j in range(1, n + 1)]
    c_ndr = [{"n": n, "d": d, "r": r} for n in range(1, 4) for d in range(1, 4) for r in range(1, d + 1)]
    c_d = [{"d": d} for d in range(1, 5)]

    def qk(d):
        return S(lambda r: U[r - 1] * W[r - 1], 1, d)

    def Ex(e, d):
        return E_iid(e, U[:d] + W[:d], unit_moments)

    ch = []
    ch.append(chain("score", [
        (r"s_j", lambda c: S(lambda r: Qv[r - 1] * K[c["j"] - 1][r - 1], 1, c["d"]) / sqrt(c["d"])),
        (r"\frac{q^\top k_j}{\sqrt d}", lambda c: S(lambda r: Qv[r - 1] * K[c["j"] - 1][r - 1], 1, c["d"]) / sqrt(c["d"])),
        (r"\frac{1}{\sqrt d}\sumr q_r k_{jr}", lambda c: 1 / sqrt(c["d"]) * S(lambda r: Qv[r - 1] * K[c["j"] - 1][r - 1], 1, c["d"]))],
        [DEF, "id"], ctxs=c_dj))
    ch.append(chain("a_j", [
        (r"a_j", lambda c: wts(c["n"])[c["j"] - 1]),
        (r"\frac{e^{s_j}}{\sum_{\ell=1}^{n} e^{s_\ell}}", lambda c: exp(Sv[c["j"] - 1]) / S(lambda l: exp(Sv[l - 1]), 1, c["n"]))],
        DEF, ctxs=c_nj))
    ch.append(chain("o", [
        (r"o", lambda c: out(c["n"])),
        (r"\sumn a_j v_j", lambda c: S(lambda j: wts(c["n"])[j - 1] * V[j - 1], 1, c["n"]))], DEF, ctxs=c_n))
    ch.append(chain("sum_a", [
        (r"\sumn a_j", lambda c: sp.Add(*wts(c["n"]))),
        (r"\frac{1}{Z}\sumn e^{s_j}", lambda c: S(lambda j: exp(Sv[j - 1]), 1, c["n"]) / S(lambda l: exp(Sv[l - 1]), 1, c["n"])),
        ("1", 1)], ctxs=c_n))

    def Zn(n):
        return S(lambda l: exp(Sv[l - 1]), 1, n)

    ch.append(chain("jac", [
        (r"\pd{a_i}{s_j}", lambda c: sp.diff(wts(c["n"])[c["i"] - 1], Sv[c["j"] - 1])),
        (r"\frac{\delta_{ij}\,e^{s_i}Z - e^{s_i}e^{s_j}}{Z^2}",
         lambda c: (kd(c["i"], c["j"]) * exp(Sv[c["i"] - 1]) * Zn(c["n"]) - exp(Sv[c["i"] - 1]) * exp(Sv[c["j"] - 1])) / Zn(c["n"]) ** 2),
        (r"\frac{e^{s_i}}{Z}\Bigl(\delta_{ij} - \frac{e^{s_j}}{Z}\Bigr)",
         lambda c: exp(Sv[c["i"] - 1]) / Zn(c["n"]) * (kd(c["i"], c["j"]) - exp(Sv[c["j"] - 1]) / Zn(c["n"]))),
        (r"a_i\,(\delta_{ij} - a_j)", lambda c: wts(c["n"])[c["i"] - 1] * (kd(c["i"], c["j"]) - wts(c["n"])[c["j"] - 1]))],
        ctxs=c_nij))
    ch.append(chain("colsum", [
        (r"\sumi \pd{a_i}{s_j}", lambda c: S(lambda i: sp.diff(wts(c["n"])[i - 1], Sv[c["j"] - 1]), 1, c["n"])),
        (r"a_j - a_j\sumi a_i", lambda c: wts(c["n"])[c["j"] - 1] - wts(c["n"])[c["j"] - 1] * sp.Add(*wts(c["n"]))),
        ("0", 0)], ctxs=c_nj))
    ch.append(chain("dods", [
        (r"\pd{o}{s_j}", lambda c: sp.diff(out(c["n"]), Sv[c["j"] - 1])),
        (r"\sumi v_i\,\pd{a_i}{s_j}", lambda c: S(lambda i: V[i - 1] * sp.diff(wts(c["n"])[i - 1], Sv[c["j"] - 1]), 1, c["n"])),
        (r"\sumi v_i\,a_i(\delta_{ij} - a_j)",
         lambda c: S(lambda i: V[i - 1] * wts(c["n"])[i - 1] * (kd(i, c["j"]) - wts(c["n"])[c["j"] - 1]), 1, c["n"])),
        (r"a_jv_j - a_j\sumi a_iv_i",
         lambda c: wts(c["n"])[c["j"] - 1] * V[c["j"] - 1] - wts(c["n"])[c["j"] - 1] * S(lambda i: wts(c["n"])[i - 1] * V[i - 1], 1, c["n"])),
        (r"a_j\,(v_j - o)", lambda c: wts(c["n"])[c["j"] - 1] * (V[c["j"] - 1] - out(c["n"])))], ctxs=c_nj))

    def aq(c):
        return softmax(score_q(c["n"], c["d"]))

    ch.append(chain("dodq", [
        (r"\pd{o}{q_r}", lambda c: sp.diff(out_q(c["n"], c["d"]), Qv[c["r"] - 1])),
        (r"\sumn \pd{o}{s_j}\,\pd{s_j}{q_r}",
         lambda c: S(lambda j: dods_q(c["n"], c["d"], j) * sp.diff(score_q(c["n"], c["d"])[j - 1], Qv[c["r"] - 1]), 1, c["n"])),
        (r"\frac{1}{\sqrt d}\sumn a_j(v_j - o)\,k_{jr}",
         lambda c: 1 / sqrt(c["d"]) * S(lambda j: aq(c)[j - 1] * (V[j - 1] - out_q(c["n"], c["d"])) * K[j - 1][c["r"] - 1], 1, c["n"])),
        (r"\frac{1}{\sqrt d}\Bigl(\sumn a_jv_jk_{jr} - o\,\bar k_r\Bigr)",
         lambda c: 1 / sqrt(c["d"]) * (S(lambda j: aq(c)[j - 1] * V[j - 1] * K[j - 1][c["r"] - 1], 1, c["n"])
                                       - out_q(c["n"], c["d"]) * S(lambda j: aq(c)[j - 1] * K[j - 1][c["r"] - 1], 1, c["n"])))],
        ctxs=c_ndr))
    ch.append(chain("var", [
        (r"\Var(q^\top k)", lambda c: Ex(qk(c["d"]) ** 2, c["d"]) - Ex(qk(c["d"]), c["d"]) ** 2),
        (r"\E\bigl[(q^\top k)^2\bigr]", lambda c: Ex(qk(c["d"]) ** 2, c["d"])),
        (r"\sumr\sum_{t=1}^{d}\E[q_rq_t]\,\E[k_rk_t]",
         lambda c: sp.Add(*[Ex(U[r] * U[t], c["d"]) * Ex(W[r] * W[t], c["d"]) for r in range(c["d"]) for t in range(c["d"])])),
        (r"\sumr \E[q_r^2]\,\E[k_r^2]", lambda c: sp.Add(*[Ex(U[r] ** 2, c["d"]) * Ex(W[r] ** 2, c["d"]) for r in range(c["d"])])),
        ("d", lambda c: sp.Integer(c["d"]))], ctxs=c_d))
    ch.append(chain("var_s", [
        (r"\Var(s_j)", lambda c: Ex((qk(c["d"]) / sqrt(c["d"])) ** 2, c["d"]) - Ex(qk(c["d"]) / sqrt(c["d"]), c["d"]) ** 2),
        (r"\frac{1}{d}\Var(q^\top k_j)", lambda c: Q(1, c["d"]) * (Ex(qk(c["d"]) ** 2, c["d"]) - Ex(qk(c["d"]), c["d"]) ** 2)),
        ("1", 1)], ctxs=c_d))
    # worked example: d = 4, two keys
    q4 = [1, 0, 1, 0]
    k1, k2 = [1, 1, 1, 1], [0, 1, 0, 1]
    s1 = sp.Add(*[x * y for x, y in zip(q4, k1)]) / sqrt(4)
    s2 = sp.Add(*[x * y for x, y in zip(q4, k2)]) / sqrt(4)
    num = {Sv[0]: s1, Sv[1]: s2, V[0]: 3, V[1]: 1}
    a1, a2 = [w.subs(num) for w in wts(2)]
    o_ = out(2).subs(num)
    g1 = sp.diff(out(2), Sv[0]).subs(num)
    g2 = sp.diff(out(2), Sv[1]).subs(num)
    qs = sp.symbols("_q1:5", real=True)
    sq = [sp.Add(*[x * y for x, y in zip(qs, kk)]) / 2 for kk in (k1, k2)]
    aq_ = softmax(sq)
    oq = aq_[0] * 3 + aq_[1] * 1
    dq1 = sp.diff(oq, qs[0]).subs(dict(zip(qs, q4)))
    ch.append(chain("s1", [(r"s_1", s1), (r"\frac{1 + 0 + 1 + 0}{\sqrt4}", Q(2) / sqrt(4)), ("1", 1)]))
    ch.append(chain("s2", [(r"s_2", s2), (r"\frac{0 + 0 + 0 + 0}{\sqrt4}", 0), ("0", 0)]))
    ch.append(chain("a1", [(r"a_1", a1), (r"\frac{e^{1}}{e^{1} + e^{0}}", E / (E + 1)), (r"\frac{e}{e + 1}", E / (E + 1))]))
    ch.append(chain("a2", [(r"a_2", a2), (r"1 - a_1", 1 - a1), (r"\frac{1}{e + 1}", 1 / (E + 1))]))
    ch.append(chain("o_num", [(r"o", o_), (r"3a_1 + a_2", 3 * a1 + a2), (r"\frac{3e + 1}{e + 1}", (3 * E + 1) / (E + 1))]))
    ch.append(chain("dods1", [
        (r"\pd{o}{s_1}", g1), (r"a_1(v_1 - o)", a1 * (3 - o_)),
        (r"\frac{e}{e + 1}\Bigl(3 - \frac{3e + 1}{e + 1}\Bigr)", E / (E + 1) * (3 - (3 * E + 1) / (E + 1))),
        (r"\frac{e}{e + 1}\cdot\frac{2}{e + 1}", E / (E + 1) * 2 / (E + 1)),
        (r"\frac{2e}{(e + 1)^2}", 2 * E / (E + 1) ** 2)]))
    ch.append(chain("dods2", [
        (r"\pd{o}{s_2}", g2), (r"a_2(v_2 - o)", a2 * (1 - o_)),
        (r"\frac{1}{e + 1}\Bigl(1 - \frac{3e + 1}{e + 1}\Bigr)", 1 / (E + 1) * (1 - (3 * E + 1) / (E + 1))),
        (r"-\frac{2e}{(e + 1)^2}", -2 * E / (E + 1) ** 2)]))
    ch.append(chain("dodq1", [
        (r"\pd{o}{q_1}", dq1),
        (r"\frac{1}{\sqrt4}\Bigl(\pd{o}{s_1}k_{11} + \pd{o}{s_2}k_{21}\Bigr)", 1 / sqrt(4) * (g1 * 1 + g2 * 0)),
        (r"\frac{e}{(e + 1)^2}", E / (E + 1) ** 2)]))
    doc = Doc("attention_gradients_lecture.tex", ch)
    return with_plant(
        doc, r"\frac{1}{e + 1}\Bigl(1 - \frac{3e + 1}{e + 1}\Bigr)", r"\frac{1}{e + 1}\Bigl(1 + \frac{3e + 1}{e + 1}\Bigr)",
        "dods2", 2,
        I(r"\frac{1}{e + 1}\Bigl(1 + \frac{3e + 1}{e + 1}\Bigr)", _fn(1 / (E + 1) * (1 + (3 * E + 1) / (E + 1)))),
        "sign: 1 + (3e + 1)/(e + 1) for 1 - (3e + 1)/(e + 1) inside a_2(v_2 - o) of the two-key example")



def attention_scaling_blog():
    Sv = vec("s", 4)
    V = vec("v", 4)
    Qv = vec("q", 4)
    K = mat("k", 4, 4)
    U = vec("u", 4)
    W = vec("w", 4)
    cr = R("c_r")

    def al(n):
        return softmax(Sv[:n])

    def y(n):
        return S(lambda j: al(n)[j - 1] * V[j - 1], 1, n)

    def sq(n, d):
        return [S(lambda r: Qv[r - 1] * K[j][r - 1], 1, d) / sqrt(d) for j in range(n)]

    def yq(n, d):
        a = softmax(sq(n, d))
        return S(lambda j: a[j - 1] * V[j - 1], 1, n)

    def dyds_q(n, d, j):
        return sp.diff(y(n), Sv[j - 1]).subs(dict(zip(Sv[:n], sq(n, d))))

    def sig(t):
        return 1 / (1 + exp(-t))

    def Ex(e, d):
        return E_iid(e, U[:d] + W[:d], unit_moments)

    def qk(d):
        return S(lambda r: U[r - 1] * W[r - 1], 1, d)

    def var(e, d):
        return Ex(e ** 2, d) - Ex(e, d) ** 2

    c_dj = [{"d": d, "j": j} for d in range(1, 5) for j in range(1, 5)]
    c_n = [{"n": n} for n in range(1, 5)]
    c_nj = [{"n": n, "j": j} for n in range(1, 5) for j in range(1, n + 1)]
    c_nij = [{"n": n, "i": i, "j": j} for n in range(1, 5) for i in range(1, n + 1) for j in range(1, n + 1)]
    c_ndr = [{"n": n, "d": d, "r": r} for n in range(1, 4) for d in range(1, 4) for r in range(1, d + 1)]
    c_d = [{"d": d} for d in range(1, 5)]
    ch = []
    ch.append(chain("s_j", [(r"s_j", lambda c: S(lambda r: Qv[r - 1] * K[c["j"] - 1][r - 1], 1, c["d"]) / sqrt(c["d"])),
                            (r"\frac{q \cdot k_j}{\sqrt{d}}", lambda c: S(lambda r: Qv[r - 1] * K[c["j"] - 1][r - 1], 1, c["d"]) / sqrt(c["d"]))],
                    DEF, ctxs=c_dj))
    ch.append(chain("alpha_j", [(r"\alpha_j", lambda c: al(c["n"])[c["j"] - 1]),
                                (r"\frac{\exp(s_j)}{\sum_{m=1}^{n}\exp(s_m)}",
                                 lambda c: exp(Sv[c["j"] - 1]) / S(lambda m: exp(Sv[m - 1]), 1, c["n"]))], DEF, ctxs=c_nj))
    ch.append(chain("y", [(r"y", lambda c: y(c["n"])), (r"\sum_{j=1}^{n}\alpha_j v_j", lambda c: S(lambda j: al(c["n"])[j - 1] * V[j - 1], 1, c["n"]))],
                    DEF, ctxs=c_n))
    s1, s2 = Sv[0], Sv[1]
    ch.append(chain("sigmoid", [(r"\alpha_1", al(2)[0]), (r"\frac{e^{s_1}}{e^{s_1} + e^{s_2}}", exp(s1) / (exp(s1) + exp(s2))),
                                (r"\frac{1}{1 + e^{-(s_1 - s_2)}}", 1 / (1 + exp(-(s1 - s2)))), (r"\sigma(s_1 - s_2)", sig(s1 - s2))]))
    ch.append(chain("dlog", [
        (r"\frac{\partial \log\alpha_i}{\partial s_j}", lambda c: sp.diff(log(al(c["n"])[c["i"] - 1]), Sv[c["j"] - 1])),
        (r"\delta_{ij} - \frac{e^{s_j}}{\sum_{m=1}^{n}e^{s_m}}", lambda c: kd(c["i"], c["j"]) - exp(Sv[c["j"] - 1]) / S(lambda m: exp(Sv[m - 1]), 1, c["n"])),
        (r"\delta_{ij} - \alpha_j", lambda c: kd(c["i"], c["j"]) - al(c["n"])[c["j"] - 1])], ctxs=c_nij))
    ch.append(chain("dalpha", [
        (r"\frac{\partial \alpha_i}{\partial s_j}", lambda c: sp.diff(al(c["n"])[c["i"] - 1], Sv[c["j"] - 1])),
        (r"\alpha_i\,\frac{\partial \log\alpha_i}{\partial s_j}", lambda c: al(c["n"])[c["i"] - 1] * sp.diff(log(al(c["n"])[c["i"] - 1]), Sv[c["j"] - 1])),
        (r"\alpha_i\delta_{ij} - \alpha_i\alpha_j",
         lambda c: al(c["n"])[c["i"] - 1] * kd(c["i"], c["j"]) - al(c["n"])[c["i"] - 1] * al(c["n"])[c["j"] - 1])], ctxs=c_nij))
    a2 = al(2)
    ch.append(chain("n2", [(r"\frac{\partial \alpha_1}{\partial s_1}", sp.diff(a2[0], s1)), (r"\alpha_1 - \alpha_1^2", a2[0] - a2[0] ** 2),
                           (r"\alpha_1\alpha_2", a2[0] * a2[1])]))
    ch.append(chain("dyds", [
        (r"\frac{\partial y}{\partial s_j}", lambda c: sp.diff(y(c["n"]), Sv[c["j"] - 1])),
        (r"\sum_{i=1}^{n} v_i\,\frac{\partial \alpha_i}{\partial s_j}", lambda c: S(lambda i: V[i - 1] * sp.diff(al(c["n"])[i - 1], Sv[c["j"] - 1]), 1, c["n"])),
        (r"\sum_{i=1}^{n} v_i(\alpha_i\delta_{ij} - \alpha_i\alpha_j)",
         lambda c: S(lambda i: V[i - 1] * (al(c["n"])[i - 1] * kd(i, c["j"]) - al(c["n"])[i - 1] * al(c["n"])[c["j"] - 1]), 1, c["n"])),
        (r"\alpha_j\Bigl(v_j - \sum_{i=1}^{n}\alpha_i v_i\Bigr)",
         lambda c: al(c["n"])[c["j"] - 1] * (V[c["j"] - 1] - S(lambda i: al(c["n"])[i - 1] * V[i - 1], 1, c["n"]))),
        (r"\alpha_j(v_j - y)", lambda c: al(c["n"])[c["j"] - 1] * (V[c["j"] - 1] - y(c["n"])))], ctxs=c_nj))
    ch.append(chain("zerosum", [
        (r"\sum_{j=1}^{n}\alpha_j(v_j - y)", lambda c: S(lambda j: al(c["n"])[j - 1] * (V[j - 1] - y(c["n"])), 1, c["n"])),
        (r"y - y\sum_{j=1}^{n}\alpha_j", lambda c: y(c["n"]) - y(c["n"]) * sp.Add(*al(c["n"]))),
        ("0", 0)], ctxs=c_n))

    def aq(c):
        return softmax(sq(c["n"], c["d"]))

    ch.append(chain("dydq", [
        (r"\frac{\partial y}{\partial q_r}", lambda c: sp.diff(yq(c["n"], c["d"]), Qv[c["r"] - 1])),
        (r"\sum_{j=1}^{n}\frac{\partial y}{\partial s_j}\,\frac{k_{j,r}}{\sqrt{d}}",
         lambda c: S(lambda j: dyds_q(c["n"], c["d"], j) * K[j - 1][c["r"] - 1] / sqrt(c["d"]), 1, c["n"])),
        (r"\frac{1}{\sqrt{d}}\sum_{j=1}^{n}\alpha_j(v_j - y)(k_{j,r} - c_r)",
         lambda c: 1 / sqrt(c["d"]) * S(lambda j: aq(c)[j - 1] * (V[j - 1] - yq(c["n"], c["d"])) * (K[j - 1][c["r"] - 1] - cr), 1, c["n"]))],
        ctxs=c_ndr))
    u, w = U[0], W[0]
    ch.append(chain("E_term", [(r"\mathbb{E}[q_rk_r]", Ex(u * w, 1)), (r"\mathbb{E}[q_r]\,\mathbb{E}[k_r]", Ex(u, 1) * Ex(w, 1)), ("0", 0)]))
    ch.append(chain("Var_term", [(r"\operatorname{Var}(q_rk_r)", var(u * w, 1)),
                                 (r"\mathbb{E}[q_r^2]\,\mathbb{E}[k_r^2] - 0^2", Ex(u ** 2, 1) * Ex(w ** 2, 1) - 0), ("1", 1)]))
    ch.append(chain("Var_sum", [(r"\operatorname{Var}(q \cdot k)", lambda c: var(qk(c["d"]), c["d"])),
                                (r"\sum_{r=1}^{d}\operatorname{Var}(q_rk_r)", lambda c: sp.Add(*[var(U[r] * W[r], c["d"]) for r in range(c["d"])])),
                                ("d", lambda c: sp.Integer(c["d"]))], ctxs=c_d))
    ch.append(chain("Var_scaled", [
        (r"\operatorname{Var}\Bigl(\frac{q \cdot k}{\sqrt{d}}\Bigr)", lambda c: var(qk(c["d"]) / sqrt(c["d"]), c["d"])),
        (r"\frac{\operatorname{Var}(q \cdot k)}{(\sqrt{d})^2}", lambda c: var(qk(c["d"]), c["d"]) / sqrt(c["d"]) ** 2),
        (r"\frac{d}{d}", lambda c: sp.Integer(c["d"]) / c["d"]), ("1", 1)], ctxs=c_d))
    # numbers
    q4, k1, k2 = [1, 1, 1, 1], [1, 1, 1, 1], [1, -1, 1, -1]
    n_s1 = sp.Add(*[a * b for a, b in zip(q4, k1)]) / sqrt(4)
    n_s2 = sp.Add(*[a * b for a, b in zip(q4, k2)]) / sqrt(4)
    num = {s1: n_s1, s2: n_s2, V[0]: 1, V[1]: -1}
    A1, A2 = [t.subs(num) for t in al(2)]
    Y = y(2).subs(num)
    G1 = sp.diff(y(2), s1).subs(num)
    qs = sp.symbols("_p1:5", real=True)
    aqn = softmax([sp.Add(*[a * b for a, b in zip(qs, kk)]) / 2 for kk in (k1, k2)])
    Gq2 = sp.diff(aqn[0] * 1 + aqn[1] * (-1), qs[1]).subs(dict(zip(qs, q4)))
    ch.append(chain("s1", [(r"s_1", n_s1), (r"\frac{1 + 1 + 1 + 1}{2}", Q(4, 2)), ("2", 2)]))
    ch.append(chain("s2", [(r"s_2", n_s2), (r"\frac{1 - 1 + 1 - 1}{2}", 0), ("0", 0)]))
    ch.append(chain("a1", [(r"\alpha_1", A1), (r"\sigma(2 - 0)", sig(2 - 0)), (r"\frac{e^2}{e^2 + 1}", E ** 2 / (E ** 2 + 1))]))
    ch.append(chain("y_num", [(r"y", Y), (r"\alpha_1 - \alpha_2", A1 - A2), (r"\frac{e^2 - 1}{e^2 + 1}", (E ** 2 - 1) / (E ** 2 + 1)),
                              (r"\tanh 1", sp.tanh(1))]))
    ch.append(chain("dyds1", [
        (r"\frac{\partial y}{\partial s_1}", G1), (r"\alpha_1(v_1 - y)", A1 * (1 - Y)),
        (r"\frac{e^2}{e^2 + 1}\Bigl(1 - \frac{e^2 - 1}{e^2 + 1}\Bigr)", E ** 2 / (E ** 2 + 1) * (1 - (E ** 2 - 1) / (E ** 2 + 1))),
        (r"\frac{2e^2}{(e^2 + 1)^2}", 2 * E ** 2 / (E ** 2 + 1) ** 2),
        (r"\frac{1}{2}\operatorname{sech}^2 1", half * sp.sech(1) ** 2)]))
    ch.append(chain("dydq2", [
        (r"\frac{\partial y}{\partial q_2}", Gq2),
        (r"\frac{1}{2}\cdot\frac{2e^2}{(e^2 + 1)^2}\bigl(1 - (-1)\bigr)", half * 2 * E ** 2 / (E ** 2 + 1) ** 2 * (1 - (-1))),
        (r"\frac{2e^2}{(e^2 + 1)^2}", 2 * E ** 2 / (E ** 2 + 1) ** 2)]))
    doc = Doc("attention_scaling_blog.md", ch)
    return with_plant(
        doc, r"= \frac{2e^2}{(e^2 + 1)^2} = \frac{1}{2}\operatorname{sech}^2 1", r"= \frac{2e^2}{(e^2 + 1)^3} = \frac{1}{2}\operatorname{sech}^2 1",
        "dyds1", 3, I(r"\frac{2e^2}{(e^2 + 1)^3}", _fn(2 * E ** 2 / (E ** 2 + 1) ** 3)),
        "wrong exponent: (e^2 + 1)^3 for (e^2 + 1)^2 in the denominator of the numerical score gradient dy/ds_1")




# ===========================================================================
# family 2: policy gradients
def gauss_pdf(a, mu, sg):
    return exp(-(a - mu) ** 2 / (2 * sg ** 2)) / (sqrt(2 * pi) * sg)


def reinforce_exam_solutions():
    TH = vec("theta", 3)
    FA = vec("fa", 3)
    b = R("b")
    th = R("theta", -2, 2)
    f0, f1 = R("f_0"), R("f_1")
    mu, sg = R("mu", -1, 1), P("sigma", 0.5, 1.5)
    a = R("a", -3, 3)
    x = sp.Symbol("x", real=True)  # integration variable for the action

    pol = softmax(TH)
    ctx_ac = [{"a": i, "c": j} for i in range(1, 4) for j in range(1, 4)]
    ctx_c = [{"c": j} for j in range(1, 4)]
    ch = []
    ch.append(chain("score", [
        (r"\frac{\partial}{\partial\theta_c}\log\pi_\theta(a)", lambda c: sp.diff(log(pol[c["a"] - 1]), TH[c["c"] - 1])),
        (r"\mathbb{1}[a = c] - \frac{e^{\theta_c}}{\sum_{b=1}^{3} e^{\theta_b}}",
         lambda c: kd(c["a"], c["c"]) - exp(TH[c["c"] - 1]) / S(lambda k: exp(TH[k - 1]), 1, 3)),
        (r"\mathbb{1}[a = c] - \pi_\theta(c)", lambda c: kd(c["a"], c["c"]) - pol[c["c"] - 1])], ctxs=ctx_ac))
    ch.append(chain("scorevec", [
        (r"\grad\log\pi_\theta(2)", sp.Matrix([sp.diff(log(pol[1]), t) for t in TH])),
        (r"\bigl(-\pi_\theta(1),\ 1 - \pi_\theta(2),\ -\pi_\theta(3)\bigr)", sp.Matrix([-pol[0], 1 - pol[1], -pol[2]]))]))
    ch.append(chain("Escore", [
        (r"\E_{a\sim\pi_\theta}\Bigl[\frac{\partial}{\partial\theta_c}\log\pi_\theta(a)\Bigr]",
         lambda c: S(lambda k: pol[k - 1] * sp.diff(log(pol[k - 1]), TH[c["c"] - 1]), 1, 3)),
        (r"\sum_{a=1}^{3}\pi_\theta(a)\bigl(\mathbb{1}[a = c] - \pi_\theta(c)\bigr)",
         lambda c: S(lambda k: pol[k - 1] * (kd(k, c["c"]) - pol[c["c"] - 1]), 1, 3)),
        (r"\pi_\theta(c) - \pi_\theta(c)\sum_{a=1}^{3}\pi_\theta(a)", lambda c: pol[c["c"] - 1] - pol[c["c"] - 1] * sp.Add(*pol)),
        ("0", 0)], ctxs=ctx_c))
    p = 1 / (1 + exp(-th))
    J = p * f1 + (1 - p) * f0
    ch.append(chain("J", [(r"J(\theta)", J), (r"\E_{a\sim\pi_\theta}[f(a)]", p * f1 + (1 - p) * f0),
                          (r"p\,f(1) + (1 - p)\,f(0)", p * f1 + (1 - p) * f0)], [DEF, "id"]))
    ch.append(chain("Jprime", [(r"J'(\theta)", sp.diff(J, th)), (r"\sigma'(\theta)\bigl(f(1) - f(0)\bigr)", sp.diff(p, th) * (f1 - f0)),
                               (r"p(1 - p)\bigl(f(1) - f(0)\bigr)", p * (1 - p) * (f1 - f0))]))
    ch.append(chain("dlogsig", [(r"\frac{d}{d\theta}\log\sigma(\theta)", sp.diff(log(p), th)), (r"1 - \sigma(\theta)", 1 - p)]))
    ch.append(chain("dlog1m", [(r"\frac{d}{d\theta}\log\bigl(1 - \sigma(\theta)\bigr)", sp.diff(log(1 - p), th)), (r"-\sigma(\theta)", -p)]))
    ch.append(chain("Efscore", [
        (r"\E\Bigl[f(a)\,\frac{d}{d\theta}\log\pi_\theta(a)\Bigr]", p * f1 * sp.diff(log(p), th) + (1 - p) * f0 * sp.diff(log(1 - p), th)),
        (r"p\,f(1)(1 - p) + (1 - p)\,f(0)(-p)", p * f1 * (1 - p) + (1 - p) * f0 * (-p)),
        (r"p(1 - p)\bigl(f(1) - f(0)\bigr)", p * (1 - p) * (f1 - f0)),
        (r"J'(\theta)", sp.diff(J, th))]))

    def grad(e):
        return sp.Matrix([sp.diff(e, t) for t in TH])

    EF = sp.Matrix([S(lambda k: pol[k - 1] * FA[k - 1] * sp.diff(log(pol[k - 1]), t), 1, 3) for t in TH])
    ch.append(chain("baseline", [
        (r"\E\bigl[(f(a) - b)\,\grad\log\pi_\theta(a)\bigr]",
         sp.Matrix([S(lambda k: pol[k - 1] * (FA[k - 1] - b) * sp.diff(log(pol[k - 1]), t), 1, 3) for t in TH])),
        (r"\E\bigl[f(a)\,\grad\log\pi_\theta(a)\bigr] - b\sum_{a=1}^{3}\grad\pi_\theta(a)",
         EF - b * sum((grad(pol[k]) for k in range(3)), sp.zeros(3, 1))),
        (r"\E\bigl[f(a)\,\grad\log\pi_\theta(a)\bigr] - b\,\grad\sum_{a=1}^{3}\pi_\theta(a)", EF - b * grad(sp.Add(*pol))),
        (r"\E\bigl[f(a)\,\grad\log\pi_\theta(a)\bigr]", EF)]))
    dens = gauss_pdf(a, mu, sg)
    ch.append(chain("logpi", [
        (r"\log\pi_\theta(a)", log(dens)),
        (r"-\log\bigl(\sqrt{2\pi}\,\sigma\bigr) - \frac{(a - \mu)^2}{2\sigma^2}", -log(sqrt(2 * pi) * sg) - (a - mu) ** 2 / (2 * sg ** 2)),
        (r"-\frac12\log(2\pi) - \log\sigma - \frac{(a - \mu)^2}{2\sigma^2}", -half * log(2 * pi) - log(sg) - (a - mu) ** 2 / (2 * sg ** 2))]))
    ch.append(chain("dmu", [(r"\frac{\partial}{\partial\mu}\log\pi_\theta(a)", sp.diff(log(dens), mu)), (r"\frac{a - \mu}{\sigma^2}", (a - mu) / sg ** 2)]))
    ch.append(chain("dsig", [(r"\frac{\partial}{\partial\sigma}\log\pi_\theta(a)", sp.diff(log(dens), sg)),
                             (r"-\frac{1}{\sigma} + \frac{(a - \mu)^2}{\sigma^3}", -1 / sg + (a - mu) ** 2 / sg ** 3),
                             (r"\frac{(a - \mu)^2 - \sigma^2}{\sigma^3}", ((a - mu) ** 2 - sg ** 2) / sg ** 3)]))

    def Eg(e):  # expectation of e(x) under N(mu, sigma^2), as an integral against the density
        return sp.Integral(e * gauss_pdf(x, mu, sg), (x, -oo, oo))

    ch.append(chain("Ea2", [
        (r"\E\Bigl[a^2\,\frac{a - \mu}{\sigma^2}\Bigr]", Eg(x ** 2 * (x - mu) / sg ** 2)),
        (r"\frac{\E[a^3] - \mu\,\E[a^2]}{\sigma^2}", (Eg(x ** 3) - mu * Eg(x ** 2)) / sg ** 2),
        (r"\frac{\mu^3 + 3\mu\sigma^2 - \mu(\mu^2 + \sigma^2)}{\sigma^2}", (mu ** 3 + 3 * mu * sg ** 2 - mu * (mu ** 2 + sg ** 2)) / sg ** 2),
        (r"2\mu", 2 * mu),
        (r"\frac{\partial}{\partial\mu}\bigl(\mu^2 + \sigma^2\bigr)", sp.diff(mu ** 2 + sg ** 2, mu))]))
    # numbers
    tn = {TH[0]: 0, TH[1]: log(2), TH[2]: log(3)}
    pn = [t.subs(tn) for t in pol]
    ch.append(chain("pi1", [(r"\pi_\theta(1)", pn[0]), (r"\frac{e^{0}}{e^{0} + e^{\log 2} + e^{\log 3}}", exp(0) / (exp(0) + exp(log(2)) + exp(log(3)))),
                            (r"\frac{1}{1 + 2 + 3}", Q(1, 6)), (r"\frac16", Q(1, 6))]))
    ch.append(chain("pi2", [(r"\pi_\theta(2)", pn[1]), (r"\frac13", Q(1, 3))]))
    ch.append(chain("pi3", [(r"\pi_\theta(3)", pn[2]), (r"\frac12", Q(1, 2))]))
    gl2 = sp.Matrix([sp.diff(log(pol[1]), t).subs(tn) for t in TH])
    ch.append(chain("ghat", [(r"\hat g", (5 - 2) * gl2), (r"(G - b)\,\grad\log\pi_\theta(2)", (5 - 2) * gl2),
                             (r"3\Bigl(-\frac16,\ 1 - \frac13,\ -\frac12\Bigr)", 3 * sp.Matrix([-Q(1, 6), 1 - Q(1, 3), -Q(1, 2)])),
                             (r"\Bigl(-\frac12,\ 2,\ -\frac32\Bigr)", sp.Matrix([-Q(1, 2), 2, -Q(3, 2)]))], [DEF, "id", "id"]))
    ghat = (5 - 2) * gl2
    thn = [tn[TH[k]] + Q(1, 10) * ghat[k] for k in range(3)]
    ch.append(chain("pinew", [(r"\pi_{\theta'}(2)", softmax(thn)[1]),
                              (r"\frac{2e^{0.2}}{e^{-0.05} + 2e^{0.2} + 3e^{-0.15}}",
                               2 * exp(Q(1, 5)) / (exp(-Q(1, 20)) + 2 * exp(Q(1, 5)) + 3 * exp(-Q(3, 20))))]))
    doc = Doc("reinforce_exam_solutions.tex", ch)
    return with_plant(
        doc, r"= 3\Bigl(-\frac16,\ 1 - \frac13,\ -\frac12\Bigr)", r"= 2\Bigl(-\frac16,\ 1 - \frac13,\ -\frac12\Bigr)",
        "ghat", 2, I(r"2\Bigl(-\frac16,\ 1 - \frac13,\ -\frac12\Bigr)", _fn(2 * sp.Matrix([-Q(1, 6), 1 - Q(1, 3), -Q(1, 2)]))),
        "wrong constant: the factor 2 (the baseline) for G - b = 3 in front of the score vector of the hand REINFORCE step")



def policy_gradient_notebook():
    mu, sg = R("mu", -1, 1), P("sigma", 0.5, 1.5)
    a = R("a", -3, 3)
    b = R("b")
    x = sp.Symbol("x", real=True)
    th1, th2 = vec("theta", 2)
    r1, r2 = R("r_1"), R("r_2")

    def f(t):
        return -(t - 2) ** 2

    def Eg(e, m=mu, s=sg):
        return sp.Integral(e * gauss_pdf(x, m, s), (x, -oo, oo))

    ch = []
    ch.append(chain("logpi", [(r"\log\pi_\mu(a)", log(gauss_pdf(a, mu, sg))),
                              (r"-\frac{(a - \mu)^2}{2\sigma^2} - \log\sigma - \frac12\log(2\pi)",
                               -(a - mu) ** 2 / (2 * sg ** 2) - log(sg) - half * log(2 * pi))]))
    ch.append(chain("score", [(r"\nabla_\mu\log\pi_\mu(a)", sp.diff(log(gauss_pdf(a, mu, sg)), mu)), (r"\frac{a - \mu}{\sigma^2}", (a - mu) / sg ** 2)]))
    ch.append(chain("trick", [
        (r"\nabla_\mu\,\mathbb{E}[f(a)]", sp.diff(Eg(f(x)), mu)),
        (r"\int_{-\infty}^{\infty} f(a)\,\nabla_\mu\pi_\mu(a)\,da", sp.Integral(f(x) * sp.diff(gauss_pdf(x, mu, sg), mu), (x, -oo, oo))),
        (r"\int_{-\infty}^{\infty} f(a)\,\pi_\mu(a)\,\frac{a - \mu}{\sigma^2}\,da", sp.Integral(f(x) * gauss_pdf(x, mu, sg) * (x - mu) / sg ** 2, (x, -oo, oo))),
        (r"\mathbb{E}\Bigl[f(a)\,\frac{a - \mu}{\sigma^2}\Bigr]", Eg(f(x) * (x - mu) / sg ** 2))]))
    ch.append(chain("Ef", [(r"\mathbb{E}[f(a)]", Eg(f(x))), (r"-\mathbb{E}\bigl[(a - \mu + \mu - 2)^2\bigr]", -Eg((x - mu + mu - 2) ** 2)),
                           (r"-(\mu - 2)^2 - \sigma^2", -(mu - 2) ** 2 - sg ** 2)]))
    ch.append(chain("gradEf", [(r"\nabla_\mu\,\mathbb{E}[f(a)]", sp.diff(Eg(f(x)), mu)), (r"-2(\mu - 2)", -2 * (mu - 2)), (r"2(2 - \mu)", 2 * (2 - mu))]))

    def Ez(k):  # moments of z ~ N(0, sigma^2)
        return sp.Integral(x ** k * gauss_pdf(x, 0, sg), (x, -oo, oo))

    ch.append(chain("Escore", [
        (r"\mathbb{E}\Bigl[f(a)\,\frac{a - \mu}{\sigma^2}\Bigr]", Eg(f(x) * (x - mu) / sg ** 2)),
        (r"-\frac{\mathbb{E}[z^3] + 2(\mu - 2)\,\mathbb{E}[z^2] + (\mu - 2)^2\,\mathbb{E}[z]}{\sigma^2}",
         -(Ez(3) + 2 * (mu - 2) * Ez(2) + (mu - 2) ** 2 * Ez(1)) / sg ** 2),
        (r"-\frac{2(\mu - 2)\sigma^2}{\sigma^2}", -(2 * (mu - 2) * sg ** 2) / sg ** 2),
        (r"2(2 - \mu)", 2 * (2 - mu))]))
    ch.append(chain("baseline", [
        (r"\mathbb{E}\Bigl[b\,\frac{a - \mu}{\sigma^2}\Bigr]", Eg(b * (x - mu) / sg ** 2)),
        (r"\frac{b}{\sigma^2}\int_{-\infty}^{\infty}(a - \mu)\,\pi_\mu(a)\,da", b / sg ** 2 * sp.Integral((x - mu) * gauss_pdf(x, mu, sg), (x, -oo, oo))),
        ("0", 0)]))
    h, one = Q(1, 2), sp.Integer(1)
    Efn = Eg(f(x), h, one)
    ch.append(chain("f15", [(r"f(1.5)", f(Q(3, 2))), (r"-(1.5 - 2)^2", -(Q(3, 2) - 2) ** 2), (r"-0.25", -Q(1, 4))]))
    ch.append(chain("b", [(r"b", Efn), (r"\mathbb{E}[f(a)]", Efn), (r"-(0.5 - 2)^2 - 1^2", -(h - 2) ** 2 - 1), (r"-3.25", -Q(13, 4))],
                    [DEF, "id", "id"]))
    ch.append(chain("est", [(r"\bigl(f(1.5) - b\bigr)\,\frac{1.5 - 0.5}{1^2}", (f(Q(3, 2)) - Efn) * (Q(3, 2) - h) / 1),
                            (r"(-0.25 + 3.25)\cdot 1", (-Q(1, 4) + Q(13, 4)) * 1), ("3", 3), (r"2(2 - 0.5)", 2 * (2 - h))]))
    p1, p2 = softmax([th1, th2])
    ch.append(chain("pi1", [(r"\pi_1", p1), (r"\frac{e^{\theta_1}}{e^{\theta_1} + e^{\theta_2}}", exp(th1) / (exp(th1) + exp(th2))),
                            (r"\frac{1}{1 + e^{\theta_2 - \theta_1}}", 1 / (1 + exp(th2 - th1)))], [DEF, "id"]))
    ch.append(chain("dlog11", [(r"\frac{\partial \log\pi_1}{\partial\theta_1}", sp.diff(log(p1), th1)),
                               (r"1 - \frac{e^{\theta_1}}{e^{\theta_1} + e^{\theta_2}}", 1 - exp(th1) / (exp(th1) + exp(th2))),
                               (r"1 - \pi_1", 1 - p1), (r"\pi_2", p2)]))
    ch.append(chain("dlog12", [(r"\frac{\partial \log\pi_1}{\partial\theta_2}", sp.diff(log(p1), th2)),
                               (r"-\frac{e^{\theta_2}}{e^{\theta_1} + e^{\theta_2}}", -exp(th2) / (exp(th1) + exp(th2))), (r"-\pi_2", -p2)]))

    def g(e):
        return sp.Matrix([sp.diff(e, th1), sp.diff(e, th2)])

    ch.append(chain("vec2", [(r"\nabla_\theta\log\pi_2", g(log(p2))), (r"\begin{pmatrix} -\pi_1 \\ 1 - \pi_2 \end{pmatrix}", sp.Matrix([-p1, 1 - p2])),
                             (r"\pi_1\begin{pmatrix} -1 \\ 1 \end{pmatrix}", p1 * sp.Matrix([-1, 1]))]))
    ch.append(chain("Escore2", [(r"\pi_1\nabla_\theta\log\pi_1 + \pi_2\nabla_\theta\log\pi_2", p1 * g(log(p1)) + p2 * g(log(p2))),
                                (r"\pi_1\pi_2\begin{pmatrix} 1 \\ -1 \end{pmatrix} + \pi_2\pi_1\begin{pmatrix} -1 \\ 1 \end{pmatrix}",
                                 p1 * p2 * sp.Matrix([1, -1]) + p2 * p1 * sp.Matrix([-1, 1])),
                                (r"\begin{pmatrix} 0 \\ 0 \end{pmatrix}", sp.Matrix([0, 0]))]))
    J = p1 * r1 + p2 * r2
    ch.append(chain("dJ", [(r"\frac{\partial J}{\partial\theta_1}", sp.diff(J, th1)),
                           (r"\frac{\partial}{\partial\theta_1}\bigl(\pi_1r_1 + \pi_2r_2\bigr)", sp.diff(p1 * r1 + p2 * r2, th1)),
                           (r"\pi_1\pi_2\,(r_1 - r_2)", p1 * p2 * (r1 - r2))]))
    ch.append(chain("Etrick", [(r"\mathbb{E}\Bigl[r_a\,\frac{\partial\log\pi_a}{\partial\theta_1}\Bigr]", p1 * r1 * sp.diff(log(p1), th1) + p2 * r2 * sp.diff(log(p2), th1)),
                               (r"\pi_1r_1\pi_2 + \pi_2r_2(-\pi_1)", p1 * r1 * p2 + p2 * r2 * (-p1)), (r"\pi_1\pi_2\,(r_1 - r_2)", p1 * p2 * (r1 - r2))]))
    num = {th1: log(3), th2: 0, r1: 1, r2: 0}
    ch.append(chain("pi1num", [(r"\pi_1", p1.subs(num)), (r"\frac{3}{3 + 1}", Q(3, 4)), (r"0.75", Q(3, 4))]))
    ch.append(chain("dJnum", [(r"\frac{\partial J}{\partial\theta_1}", sp.diff(J, th1).subs(num)), (r"0.75\cdot 0.25\cdot(1 - 0)", Q(3, 4) * Q(1, 4) * 1),
                              (r"0.1875", Q(3, 16))]))
    doc = Doc("policy_gradient_notebook.md", ch)
    return with_plant(doc, r"= 1 - \pi_1 = \pi_2", r"= 1 - \pi_2 = \pi_2", "dlog11", 2, I(r"1 - \pi_2", _fn(1 - p2)),
                      "wrong index: 1 - pi_2 for 1 - pi_1 in the score of action 1 with respect to theta_1")



# ===========================================================================
# family 3: survival analysis
def lifetime_contexts():
    """Concrete lifetime distributions for the general identities: Weibull, log-logistic and a linear hazard,
    each given by its density f and survival function S (S is checked against the integral of f by the
    first link that uses it)."""
    k, eta = P("k", 0.8, 2.5), P("eta", 0.5, 2.0)
    al, be = P("alpha_ll", 0.5, 2.0), P("beta_ll", 1.5, 3.0)
    bg, cg = P("a_lh", 0.3, 1.5), P("b_lh", 0.3, 1.5)
    return [
        {"name": "weibull", "S": lambda t: exp(-(t / eta) ** k), "f": lambda t: k / eta * (t / eta) ** (k - 1) * exp(-(t / eta) ** k)},
        {"name": "loglogistic", "S": lambda t: 1 / (1 + (t / al) ** be),
         "f": lambda t: be / al * (t / al) ** (be - 1) / (1 + (t / al) ** be) ** 2},
        {"name": "linear_hazard", "S": lambda t: exp(-(bg * t + cg * t ** 2 / 2)), "f": lambda t: (bg + cg * t) * exp(-(bg * t + cg * t ** 2 / 2))},
    ]


def survival_hazard_appendix():
    t = P("t", 0.3, 2.0)
    u = sp.Symbol("u", positive=True)
    lam = P("lambda", 0.3, 2.0)
    k, eta = P("k", 0.8, 2.5), P("eta", 0.5, 2.0)
    TT = vec("t", 3, positive=True)
    D = lifetime_contexts()

    def h(c, x):
        return c["f"](x) / c["S"](x)

    ch = []
    ch.append(chain("S", [(r"S(t)", lambda c: c["S"](t)), (r"\int_t^\infty f(u)\,\dd u", lambda c: sp.Integral(c["f"](u), (u, t, oo)))], DEF, ctxs=D))
    ch.append(chain("h", [(r"h(t)", lambda c: h(c, t)), (r"\frac{f(t)}{S(t)}", lambda c: c["f"](t) / c["S"](t))], DEF, ctxs=D))
    ch.append(chain("lemma1", [
        (r"-\frac{\dd}{\dd t}\log S(t)", lambda c: -sp.diff(log(c["S"](t)), t)),
        (r"-\frac{S'(t)}{S(t)}", lambda c: -sp.diff(c["S"](t), t) / c["S"](t)),
        (r"\frac{f(t)}{S(t)}", lambda c: c["f"](t) / c["S"](t)), (r"h(t)", lambda c: h(c, t))], ctxs=D))
    ch.append(chain("lemma2", [
        (r"\int_0^t h(u)\,\dd u", lambda c: sp.Integral(h(c, u), (u, 0, t))),
        (r"-\bigl[\log S(u)\bigr]_0^t", lambda c: -(log(c["S"](t)) - log(c["S"](sp.Integer(0))))),
        (r"-\log S(t)", lambda c: -log(c["S"](t)))], ctxs=D))
    ch.append(chain("lemma3", [(r"S(t)", lambda c: c["S"](t)), (r"e^{-H(t)}", lambda c: exp(-sp.Integral(h(c, u), (u, 0, t))))], ctxs=D))
    Se = exp(-lam * t)
    ch.append(chain("exp_h", [(r"h(t)", -sp.diff(Se, t) / Se), (r"\frac{\lambda e^{-\lambda t}}{e^{-\lambda t}}", lam * exp(-lam * t) / exp(-lam * t)),
                              (r"\lambda", lam)]))
    Sw = exp(-(t / eta) ** k)
    ch.append(chain("weib_H", [(r"H(t)", sp.Integral((-sp.diff(Sw, t) / Sw).subs(t, u), (u, 0, t))), (r"-\log S(t)", -log(Sw)),
                               (r"\Bigl(\frac{t}{\eta}\Bigr)^{k}", (t / eta) ** k)]))
    ch.append(chain("weib_h", [(r"h(t)", -sp.diff(Sw, t) / Sw), (r"H'(t)", sp.diff(-log(Sw), t)),
                               (r"\frac{k}{\eta}\Bigl(\frac{t}{\eta}\Bigr)^{k-1}", k / eta * (t / eta) ** (k - 1))]))
    c_d = [dict(c, delta=dl) for c in D for dl in (0, 1)]
    ch.append(chain("L_i", [
        (r"L_i", lambda c: c["f"](TT[0]) if c["delta"] == 1 else c["S"](TT[0])),
        (r"\begin{cases} f(t_i), & \text{failure observed},\\ S(t_i), & \text{censored}, \end{cases}",
         lambda c: c["f"](TT[0]) if c["delta"] == 1 else c["S"](TT[0]))], DEF, ctxs=c_d))
    c_nd = [dict(c, n=n, dl=pat) for c in D for n in range(1, 4) for pat in binary_patterns(n)]

    def Li(c, i):
        return c["f"](TT[i]) if c["dl"][i] == 1 else c["S"](TT[i])

    ch.append(chain("L", [
        (r"L", lambda c: sp.Mul(*[Li(c, i) for i in range(c["n"])])),
        (r"\prod_{i=1}^{n} f(t_i)^{\delta_i}S(t_i)^{1-\delta_i}",
         lambda c: sp.Mul(*[c["f"](TT[i]) ** c["dl"][i] * c["S"](TT[i]) ** (1 - c["dl"][i]) for i in range(c["n"])])),
        (r"\prod_{i=1}^{n} h(t_i)^{\delta_i}S(t_i)", lambda c: sp.Mul(*[h(c, TT[i]) ** c["dl"][i] * c["S"](TT[i]) for i in range(c["n"])]))],
        [DEF, "id"], ctxs=c_nd))
    ch.append(chain("logL", [
        (r"\log L", lambda c: log(sp.Mul(*[Li(c, i) for i in range(c["n"])]))),
        (r"\sumn \delta_i\log h(t_i) - \sumn H(t_i)",
         lambda c: S(lambda i: c["dl"][i - 1] * log(h(c, TT[i - 1])), 1, c["n"])
         - S(lambda i: sp.Integral(h(c, u), (u, 0, TT[i - 1])), 1, c["n"]))], ctxs=c_nd))
    c_e = [{"n": n, "dl": pat} for n in range(1, 4) for pat in binary_patterns(n)]

    def ell(c, lm=lam):
        return log(sp.Mul(*[(lm * exp(-lm * TT[i])) ** c["dl"][i] * exp(-lm * TT[i]) ** (1 - c["dl"][i]) for i in range(c["n"])]))

    def dd(c):
        return sp.Integer(sum(c["dl"]))

    def tau(c):
        return sp.Add(*TT[:c["n"]])

    ch.append(chain("ell", [
        (r"\ell(\lambda)", ell),
        (r"\sumn \delta_i\log\lambda - \lambda\sumn t_i", lambda c: S(lambda i: c["dl"][i - 1] * log(lam), 1, c["n"]) - lam * tau(c)),
        (r"d\log\lambda - \lambda\tau", lambda c: dd(c) * log(lam) - lam * tau(c))], [DEF, "id"], ctxs=c_e))
    ch.append(chain("ellp", [(r"\ell'(\lambda)", lambda c: sp.diff(ell(c), lam)), (r"\frac{d}{\lambda} - \tau", lambda c: dd(c) / lam - tau(c))], ctxs=c_e))
    c_e1 = [c for c in c_e if sum(c["dl"]) >= 1]
    lx = sp.Symbol("_lx", positive=True)

    def mle(c):
        sol = sp.solve(sp.diff(ell(c, lx), lx), lx)
        assert len(sol) == 1
        return sol[0]

    ch.append(chain("mle", [(r"\hat\lambda", mle), (r"\frac{d}{\tau}", lambda c: dd(c) / tau(c)),
                            (r"\frac{\sum_i\delta_i}{\sum_i t_i}", lambda c: sp.Integer(sum(c["dl"])) / tau(c))], ctxs=c_e1))
    ch.append(chain("mrl", [
        (r"m(t)", lambda c: sp.Integral((u - t) * c["f"](u), (u, t, oo)) / c["S"](t)),
        (r"\E[T - t \mid T > t]", lambda c: sp.Integral((u - t) * c["f"](u), (u, t, oo)) / sp.Integral(c["f"](u), (u, t, oo))),
        (r"\frac{1}{S(t)}\int_t^\infty S(u)\,\dd u", lambda c: sp.Integral(c["S"](u), (u, t, oo)) / c["S"](t))], [DEF, "id"], ctxs=D))
    ch.append(chain("mrl_exp", [
        (r"m(t)", sp.Integral((u - t) * lam * exp(-lam * u), (u, t, oo)) / exp(-lam * t)),
        (r"\frac{1}{e^{-\lambda t}}\int_t^\infty e^{-\lambda u}\,\dd u", sp.Integral(exp(-lam * u), (u, t, oo)) / exp(-lam * t)),
        (r"\frac{1}{\lambda}", 1 / lam)]))
    # numbers
    dl_n, t_n = [1, 1, 1, 0, 0], [2, 3, 5, 4, 6]
    ell_n = log(sp.Mul(*[(lx * exp(-lx * ti)) ** di * exp(-lx * ti) ** (1 - di) for di, ti in zip(dl_n, t_n)]))
    lhat = sp.solve(sp.diff(ell_n, lx), lx)
    assert len(lhat) == 1
    ch.append(chain("mle_num", [(r"\hat\lambda", lhat[0]), (r"\frac{1 + 1 + 1 + 0 + 0}{2 + 3 + 5 + 4 + 6}", Q(3, 20)), (r"\frac{3}{20}", Q(3, 20)),
                                (r"0.15", rational("0.15"))]))
    Sw_n = exp(-(t / 10) ** 2)
    ch.append(chain("h5", [(r"h(5)", (-sp.diff(Sw_n, t) / Sw_n).subs(t, 5)), (r"\frac{2}{10}\Bigl(\frac{5}{10}\Bigr)^{1}", Q(2, 10) * Q(5, 10)),
                           (r"0.1", Q(1, 10))]))
    ch.append(chain("ET", [(r"\E[T]", sp.Integral(u * (-sp.diff(Sw_n, t)).subs(t, u), (u, 0, oo))),
                           (r"\int_0^\infty e^{-(t/10)^2}\,\dd t", sp.Integral(exp(-(u / 10) ** 2), (u, 0, oo))),
                           (r"10\,\Gamma(1.5)", 10 * sp.gamma(Q(3, 2))), (r"5\sqrt\pi", 5 * sqrt(pi))]))

    def fg(x, lm=lam):
        return lm ** 2 * x * exp(-lm * x)

    Sg = sp.Integral(fg(u), (u, t, oo))
    ch.append(chain("gam_S", [(r"S(t)", Sg), (r"\int_t^\infty \lambda^2u\,e^{-\lambda u}\,\dd u", sp.Integral(lam ** 2 * u * exp(-lam * u), (u, t, oo))),
                              (r"(1 + \lambda t)e^{-\lambda t}", (1 + lam * t) * exp(-lam * t))]))
    ch.append(chain("gam_h", [(r"h(t)", fg(t) / Sg), (r"\frac{\lambda^2te^{-\lambda t}}{(1 + \lambda t)e^{-\lambda t}}", lam ** 2 * t * exp(-lam * t) / ((1 + lam * t) * exp(-lam * t))),
                              (r"\frac{\lambda^2t}{1 + \lambda t}", lam ** 2 * t / (1 + lam * t))]))
    S2 = sp.Integral(fg(u, half), (u, 2, oo))
    ch.append(chain("gam_S2", [(r"S(2)", S2), (r"\Bigl(1 + \tfrac12\cdot 2\Bigr)e^{-1}", (1 + half * 2) * exp(-1)), (r"2e^{-1}", 2 * exp(-1))]))
    ch.append(chain("gam_h2", [(r"h(2)", fg(2, half) / S2), (r"\frac{\tfrac14\cdot 2}{1 + \tfrac12\cdot 2}", Q(1, 4) * 2 / (1 + half * 2)),
                               (r"\frac14", Q(1, 4))]))
    doc = Doc("survival_hazard_appendix.tex", ch)
    return with_plant(doc, r"S(2) = \Bigl(1 + \tfrac12\cdot 2\Bigr)e^{-1}", r"S(2) = \Bigl(\tfrac12\cdot 2\Bigr)e^{-1}", "gam_S2", 1,
                      I(r"\Bigl(\tfrac12\cdot 2\Bigr)e^{-1}", _fn((half * 2) * exp(-1))),
                      "dropped term: (1/2 * 2)e^{-1} for (1 + 1/2 * 2)e^{-1}, the 1 of the gamma survival function (1 + lambda t)e^{-lambda t} lost at t = 2")



def reliability_forum():
    t = P("t", 0.3, 2.0)
    u = sp.Symbol("u", positive=True)
    lam = P("lambda", 0.3, 2.0)
    k, eta = P("k", 0.8, 2.5), P("eta", 0.5, 2.0)
    TT = vec("t", 4, positive=True)
    lx = sp.Symbol("_lx", positive=True)
    D = lifetime_contexts()
    ch = []
    ch.append(chain("hazard", [
        (r"h(t)", lambda c: c["f"](t) / c["S"](t)), (r"\frac{f(t)}{S(t)}", lambda c: c["f"](t) / c["S"](t)),
        (r"-\frac{S'(t)}{S(t)}", lambda c: -sp.diff(c["S"](t), t) / c["S"](t)),
        (r"-\frac{d}{dt}\ln S(t)", lambda c: -sp.diff(log(c["S"](t)), t))], [DEF, "id", "id"], ctxs=D))
    ch.append(chain("S_exp", [(r"S(t)", exp(-lam * t)), (r"\exp\Bigl(-\int_0^t \lambda\,du\Bigr)", exp(-sp.Integral(lam, (u, 0, t)))),
                              (r"e^{-\lambda t}", exp(-lam * t))]))
    c_e = [{"n": n, "dl": pat} for n in range(1, 5) for pat in binary_patterns(n)]

    def Lik(c, lm=lam):
        return sp.Mul(*[(lm * exp(-lm * TT[i])) ** c["dl"][i] * exp(-lm * TT[i]) ** (1 - c["dl"][i]) for i in range(c["n"])])

    def dd(c):
        return sp.Integer(sum(c["dl"]))

    def tot(c):
        return sp.Add(*TT[:c["n"]])

    ch.append(chain("L", [
        (r"L(\lambda)", Lik),
        (r"\prod_{i \in F}\lambda e^{-\lambda t_i}\prod_{i \in C}e^{-\lambda t_i}",
         lambda c: sp.Mul(*[lam * exp(-lam * TT[i]) for i in range(c["n"]) if c["dl"][i] == 1])
         * sp.Mul(*[exp(-lam * TT[i]) for i in range(c["n"]) if c["dl"][i] == 0])),
        (r"\lambda^{d}e^{-\lambda T}", lambda c: lam ** dd(c) * exp(-lam * tot(c)))], [DEF, "id"], ctxs=c_e))
    ch.append(chain("ell", [(r"\ell(\lambda)", lambda c: log(Lik(c))), (r"\ln L(\lambda)", lambda c: log(Lik(c))),
                            (r"d\ln\lambda - \lambda T", lambda c: dd(c) * log(lam) - lam * tot(c))], [DEF, "id"], ctxs=c_e))
    ch.append(chain("ellp", [(r"\ell'(\lambda)", lambda c: sp.diff(log(Lik(c)), lam)),
                             (r"\frac{d}{d\lambda}\bigl(d\ln\lambda - \lambda T\bigr)", lambda c: sp.diff(dd(c) * log(lam) - lam * tot(c), lam)),
                             (r"\frac{d}{\lambda} - T", lambda c: dd(c) / lam - tot(c))], ctxs=c_e))
    c_e1 = [c for c in c_e if sum(c["dl"]) >= 1]

    def mle(c):
        sol = sp.solve(sp.diff(log(Lik(c, lx)), lx), lx)
        assert len(sol) == 1
        return sol[0]

    def se(c):
        return 1 / sqrt(-sp.diff(log(Lik(c, lx)), lx, 2).subs(lx, mle(c)))

    ch.append(chain("mle", [(r"\hat\lambda", mle), (r"\frac{d}{T}", lambda c: dd(c) / tot(c))], ctxs=c_e1))
    ch.append(chain("se", [(r"\operatorname{se}(\hat\lambda)", se), (r"\frac{1}{\sqrt{-\ell''(\hat\lambda)}}", se),
                           (r"\frac{\hat\lambda}{\sqrt{d}}", lambda c: mle(c) / sqrt(dd(c)))], [DEF, "id"], ctxs=c_e1))
    # the asker's data: failures at 120, 340, 410 hours, five units censored at 500 hours
    num = {"n": 8, "dl": (1, 1, 1, 0, 0, 0, 0, 0)}
    t_n = [120, 340, 410, 500, 500, 500, 500, 500]
    Ln = sp.Mul(*[(lx * exp(-lx * ti)) ** di * exp(-lx * ti) ** (1 - di) for di, ti in zip(num["dl"], t_n)])
    lh = sp.solve(sp.diff(log(Ln), lx), lx)
    assert len(lh) == 1
    lh = lh[0]
    se_n = 1 / sqrt(-sp.diff(log(Ln), lx, 2).subs(lx, lh))
    ch.append(chain("T_num", [(r"T", sp.Add(*t_n)), (r"120 + 340 + 410 + 5\cdot 500", 120 + 340 + 410 + 5 * 500), ("3370", 3370)]))
    ch.append(chain("mle_num", [(r"\hat\lambda", lh), (r"\frac{3}{3370}", Q(3, 3370))]))
    ch.append(chain("mttf", [(r"\frac{1}{\hat\lambda}", 1 / lh), (r"\frac{3370}{3}", Q(3370, 3))]))
    ch.append(chain("se_num", [(r"\operatorname{se}(\hat\lambda)", se_n), (r"\frac{\hat\lambda}{\sqrt3}", lh / sqrt(3)),
                               (r"\frac{3}{3370\sqrt3}", 3 / (3370 * sqrt(3))), (r"\frac{\sqrt3}{3370}", sqrt(3) / 3370)]))
    ch.append(chain("mrl", [
        (r"\text{MRL}(t)", sp.Integral((u - t) * lam * exp(-lam * u), (u, t, oo)) / exp(-lam * t)),
        (r"\frac{1}{S(t)}\int_t^\infty S(u)\,du", sp.Integral(exp(-lam * u), (u, t, oo)) / exp(-lam * t)),
        (r"\frac{e^{-\lambda t}/\lambda}{e^{-\lambda t}}", (exp(-lam * t) / lam) / exp(-lam * t)),
        (r"\frac{1}{\lambda}", 1 / lam)]))
    Sw = exp(-(t / eta) ** k)
    ch.append(chain("weib", [
        (r"h(t)", -sp.diff(Sw, t) / Sw), (r"-\frac{d}{dt}\ln S(t)", -sp.diff(log(Sw), t)),
        (r"-\frac{d}{dt}\Bigl(-\Bigl(\frac{t}{\eta}\Bigr)^{k}\Bigr)", -sp.diff(-(t / eta) ** k, t)),
        (r"\frac{k}{\eta}\Bigl(\frac{t}{\eta}\Bigr)^{k-1}", k / eta * (t / eta) ** (k - 1))]))
    wsub = {k: Q(3, 2), eta: 1000}
    Swn = Sw.subs(wsub)
    ch.append(chain("h250", [(r"h(250)", (-sp.diff(Swn, t) / Swn).subs(t, 250)),
                             (r"\frac{1.5}{1000}\Bigl(\frac{250}{1000}\Bigr)^{0.5}", Q(3, 2) / 1000 * (Q(250, 1000)) ** half),
                             (r"0.0015\cdot 0.5", rational("0.0015") * half), (r"0.00075", rational("0.00075"))]))
    ch.append(chain("S250", [(r"S(250)", Swn.subs(t, 250)), (r"\exp\bigl(-0.25^{1.5}\bigr)", exp(-Q(1, 4) ** Q(3, 2))), (r"e^{-0.125}", exp(-Q(1, 8)))]))
    ch.append(chain("ratio", [(r"\frac{S(500)}{S(250)}", Swn.subs(t, 500) / Swn.subs(t, 250)),
                              (r"\exp\bigl(-(0.5^{1.5} - 0.25^{1.5})\bigr)", exp(-(half ** Q(3, 2) - Q(1, 4) ** Q(3, 2))))]))
    doc = Doc("reliability_forum.md", ch)
    return with_plant(
        doc, r"= -\frac{d}{dt}\Bigl(-\Bigl(\frac{t}{\eta}\Bigr)^{k}\Bigr) =", r"= -\frac{d}{dt}\Bigl(\Bigl(\frac{t}{\eta}\Bigr)^{k}\Bigr) =",
        "weib", 2, I(r"-\frac{d}{dt}\Bigl(\Bigl(\frac{t}{\eta}\Bigr)^{k}\Bigr)", _fn(-sp.diff((t / eta) ** k, t))),
        "sign: ln S(t) copied as +(t/eta)^k instead of -(t/eta)^k inside the derivative of the Weibull hazard")


DOCS = [attention_gradients_lecture, attention_scaling_blog, reinforce_exam_solutions, policy_gradient_notebook,
        survival_hazard_appendix, reliability_forum]
