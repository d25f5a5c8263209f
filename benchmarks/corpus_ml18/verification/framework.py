"""Checking machinery for corpus_ml18 (used by verify.py and gen.py).

Every display of every document is re-encoded by hand as chains of SymPy expressions.
A chain is the sequence of expressions joined by `=` in the document (an align with `&=`
continuation rows, a one-line `a = b = c`, or a Markdown chain continued across `$$`
blocks); each adjacent pair is one link. Every expression carries its LaTeX text (the
"anchor"), which must occur, in order, inside display math of the document, with exactly
one counted `=` (see count.py) between consecutive anchors of a chain; and every counted
`=` of the document must belong to exactly one link. This ties the encoding to the text.

A link holds when the two SymPy expressions agree in every context (size n = 1..4, every index
pair i = j and i != j, number of time steps T = 1..3, points of an implicitly defined curve, ...),
judged numerically at several random points with 30 significant digits. Definite integrals
(sympy.Integral) are evaluated by mpmath quadrature at 50 digits, infinite series term by term.
SymPy's simplify is also asked to prove the difference zero in the first and last context.
"""
import itertools
import random
import zlib
import signal

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

from count import display_regions, link_positions

# ---------------------------------------------------------------------------
# symbols and the ranges random points are drawn from
RANGES = {}


def R(name, lo=-1.5, hi=1.5):
    s = sp.Symbol(name, real=True)
    # one range per symbol: a name re-used with another range would silently keep the first one
    assert RANGES.setdefault(s, (lo, hi)) == (lo, hi), ("symbol %s re-used with another range" % name)
    return s


def P(name, lo=0.3, hi=2.0):
    s = sp.Symbol(name, positive=True)
    assert RANGES.setdefault(s, (lo, hi)) == (lo, hi), ("symbol %s re-used with another range" % name)
    return s


def INT(name):
    return sp.Symbol(name, integer=True, positive=True)


# moments for the expectation operator
X, Y = sp.Symbol("X", real=True), sp.Symbol("Y", real=True)
MOMENTS = {}


def mom(p, q):
    if p == 0 and q == 0:
        return sp.Integer(1)
    if (p, q) not in MOMENTS:
        MOMENTS[(p, q)] = sp.Symbol("m_%d_%d" % (p, q), real=True)
    return MOMENTS[(p, q)]


def E(expr):
    """Linear expectation: expand in X, Y and map X^p Y^q to the moment m_p_q."""
    expr = sp.expand(expr)
    if not expr.has(X) and not expr.has(Y):
        return expr
    poly = sp.Poly(expr, X, Y)
    return sp.Add(*[coef * mom(p, q) for (p, q), coef in poly.terms()])


def Var(U):
    return E((U - E(U)) ** 2)


def Cov(U, V):
    return E((U - E(U)) * (V - E(V)))


# ---------------------------------------------------------------------------
# small helpers for the encodings
def delta(a, b):
    return sp.Integer(1 if a == b else 0)


def ssum(f, lo, hi):
    """Explicit finite sum f(lo) + ... + f(hi) (hi may be an int only)."""
    return sp.Add(*[f(k) for k in range(lo, hi + 1)])


def sig(t):
    return 1 / (1 + sp.exp(-t))


def grid(Ks, names, cond=None):
    out = []
    for K in Ks:
        for combo in itertools.product(range(1, K + 1), repeat=len(names)):
            c = dict(zip(names, combo))
            c["K"] = K
            if cond is None or cond(c):
                out.append(c)
    return out


class Chain:
    """A chain of expressions joined by `=`. `where` (optional) maps a link index to a predicate on
    the context: that link is checked only in the contexts where the predicate holds (a link the
    text asserts only along a solution of the equations of motion, or only at an optimum, is
    checked only in the contexts that impose it; the other links of the chain in all of them)."""

    def __init__(self, label, items, kinds=None, ctxs=None, where=None):
        self.label = label
        self.where = dict(where or {})
        self.items = list(items)
        nl = len(self.items) - 1
        if kinds is None:
            kinds = ["id"] * nl
        elif isinstance(kinds, str):
            kinds = [kinds] * nl
        assert len(kinds) == nl, (label, kinds)
        self.kinds = kinds
        self.ctxs = ctxs


class Doc:
    def __init__(self, file, chains, ctxs=None):
        self.file = file
        self.chains = chains
        self.ctxs = ctxs if ctxs is not None else [{}]
        self.planted = None

    def n_links(self):
        return sum(len(c.items) - 1 for c in self.chains)

    def n_defs(self):
        return sum(k != "id" for c in self.chains for k in c.kinds)

    def replaced(self, file, label, index, item):
        chains = []
        for c in self.chains:
            if c.label == label:
                items = list(c.items)
                items[index] = item
                chains.append(Chain(c.label, items, c.kinds, c.ctxs, c.where))
            else:
                chains.append(c)
        return Doc(file, chains, self.ctxs)


def with_plant(doc, old, new, chain, index, wrong, what):
    """Attach the planted slip: replace `old` by `new` (one line) in a copy of the document;
    the expression at (chain, index) becomes `wrong` = (anchor, function)."""
    doc.planted = dict(old=old, new=new, chain=chain, index=index, wrong=wrong, what=what)
    return doc


# ---------------------------------------------------------------------------
# anchors
def _normalize(text):
    out, mp = [], []
    prev_space = False
    for i, ch in enumerate(text):
        if ch in " \t\n\r":
            if prev_space:
                continue
            out.append(" ")
            mp.append(i)
            prev_space = True
        else:
            out.append(ch)
            mp.append(i)
            prev_space = False
    return "".join(out), mp


def _norm_anchor(a):
    return " ".join(a.split())


def locate(doc, text, ext):
    """Find every anchor; check the one-`=`-per-link bijection. Returns spans per chain."""
    regions = display_regions(text, ext)
    eqs = link_positions(text, ext)
    norm, mp = _normalize(text)
    used = {}
    spans = {}
    cursor = 0

    def in_region(a, b):
        return any(ra <= a and b <= rb for ra, rb in regions)

    for chain in doc.chains:
        prev_end = None
        sp_list = []
        for k, (anchor, _fn) in enumerate(chain.items):
            na = _norm_anchor(anchor)
            idx = norm.find(na, cursor)
            while idx >= 0:
                ostart = mp[idx]
                oend = mp[idx + len(na) - 1] + 1
                ok = in_region(ostart, oend)
                if ok and na[0].isalpha():
                    prevc = text[ostart - 1] if ostart > 0 else " "
                    ok = not (prevc.isalpha() or prevc == "\\")
                if ok and na[-1].isalnum():
                    nextc = text[oend] if oend < len(text) else " "
                    ok = not nextc.isalnum()
                if ok:
                    break
                idx = norm.find(na, idx + 1)
            if idx < 0:
                raise AssertionError("%s: chain %r: anchor %d not found: %r"
                                     % (doc.file, chain.label, k, anchor))
            inside = [p for p in eqs if ostart <= p < oend]
            if inside:
                raise AssertionError("%s: chain %r: anchor %d contains a link '=': %r"
                                     % (doc.file, chain.label, k, anchor))
            if prev_end is not None:
                between = [p for p in eqs if prev_end <= p < ostart]
                if len(between) != 1:
                    raise AssertionError("%s: chain %r: %d counted '=' between anchors %d and %d"
                                         % (doc.file, chain.label, len(between), k - 1, k))
                p = between[0]
                if p in used:
                    raise AssertionError("%s: '=' at %d used twice" % (doc.file, p))
                used[p] = (chain.label, k - 1)
            sp_list.append((ostart, oend))
            prev_end = oend
            cursor = idx + len(na)
        spans[chain.label] = sp_list
    missing = sorted(set(eqs) - set(used))
    if missing:
        lines = sorted({text.count("\n", 0, p) + 1 for p in missing})
        raise AssertionError("%s: %d counted '=' not encoded (lines %s)"
                             % (doc.file, len(missing), lines))
    return spans, eqs


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


# ---------------------------------------------------------------------------
# equality
class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


def _sample(free, rng):
    subs = {}
    moms = [s for s in free if s in MOMENTS.values()]
    if moms:
        atoms = [(rng.uniform(-2, 2), rng.uniform(-2, 2)) for _ in range(5)]
        w = [rng.uniform(0.2, 1.0) for _ in atoms]
        tot = sum(w)
        w = [sp.Rational(repr(x)) / sp.Rational(repr(tot)) for x in w]
        atoms = [(sp.Rational(repr(a)), sp.Rational(repr(b))) for a, b in atoms]
        for (p, q), s in MOMENTS.items():
            subs[s] = sp.Add(*[wi * a ** p * b ** q for wi, (a, b) in zip(w, atoms)])
    for s in sorted(free, key=lambda t: t.name):
        if s in subs:
            continue
        if s.is_integer:
            subs[s] = sp.Integer(rng.randint(1, 8))
        else:
            lo, hi = RANGES.get(s, (-1.5, 1.5))
            subs[s] = sp.Float(repr(round(rng.uniform(lo, hi), 12)), 30)
    return subs


def _partial_sum(e, max_terms=5000):
    """A convergent series at a numeric point: summed term by term until a term (after at least
    50) falls below 1e-45. The documents' series have geometrically or factorially decaying terms
    (ratio at most 0.55 at the sampled points), so the neglected tail is below 1e-44."""
    (k, a, b), = e.limits
    if b != sp.oo:
        return e.doit()
    vals = []
    for j in range(max_terms):
        t = sp.N(e.function.subs(k, a + j), 50)
        vals.append(t)
        if j >= 50 and abs(complex(t)) < 1e-45:
            break
    else:
        raise AssertionError("series not converged")
    return sp.Add(*vals)


def _quad(e):
    """A definite integral at a numeric point, by mpmath quadrature (tanh-sinh) at 50 digits.
    Doubly infinite ranges are split at 0. Only single integrals occur in the documents."""
    (var, lo, hi), = e.limits
    fl = sp.lambdify(var, e.function, modules="mpmath")

    def lim(b):
        if b == sp.oo:
            return mpmath.inf
        if b == -sp.oo:
            return -mpmath.inf
        return mpmath.mpf(str(sp.N(b, 60)))
    with mpmath.workdps(50):
        a, b = lim(lo), lim(hi)
        pts = [a, 0, b] if (a == -mpmath.inf and b == mpmath.inf) else [a, b]
        val = mpmath.quad(fl, pts)
        return sp.Float(mpmath.nstr(val, 48), 48)


def _num(e, subs):
    v = e.subs(subs)
    if v.has(sp.Integral):
        v = v.replace(lambda t: isinstance(t, sp.Integral), _quad)
    if v.has(sp.Derivative, sp.Limit):
        v = v.doit()
    if v.has(sp.Sum):
        v = v.replace(lambda e: isinstance(e, sp.Sum), _partial_sum)
    v = sp.N(v, 30)
    if not v.is_number:
        raise ValueError("not numeric after substitution: %s" % v)
    c = complex(v)
    if c != c or abs(c) == float("inf"):
        raise ValueError("non-finite value: %s" % v)
    return v


def _entries(a, b):
    """Pairs of scalars to compare: a vector or matrix (sympy Matrix, e.g. a gradient or a Hessian
    written as a tuple or a pmatrix) is compared entry by entry; a shape mismatch is a failure."""
    ma, mb = isinstance(a, sp.MatrixBase), isinstance(b, sp.MatrixBase)
    if not ma and not mb:
        return [(a, b)]
    if not (ma and mb) or a.shape != b.shape:
        return None
    return list(zip(list(a), list(b)))


def numerically_equal(a, b, rng, npts=4):
    a, b = sp.sympify(a), sp.sympify(b)
    pairs = _entries(a, b)
    if pairs is None:
        return False, ("shape mismatch", a, b)
    free = (a.free_symbols | b.free_symbols)
    for _ in range(npts):
        subs = _sample(free, rng)
        for ea, eb in pairs:
            va, vb = _num(sp.sympify(ea), subs), _num(sp.sympify(eb), subs)
            scale = max(1, abs(complex(va)), abs(complex(vb)))
            if abs(complex(sp.N(va - vb, 30))) > 1e-18 * scale:
                return False, (subs, va, vb)
        if not free:
            break
    return True, None


def symbolically_zero(d, seconds=10):
    if isinstance(d, sp.MatrixBase):
        return all(symbolically_zero(e, seconds) for e in d)
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        if d.has(sp.Integral, sp.Sum):
            d = d.doit()
        return sp.simplify(d) == 0
    except Timeout:
        return False
    except (NotImplementedError, ValueError, TypeError):
        # e.g. simplify trying to evaluate a symbolic limit whose value depends on a sign
        # SymPy cannot decide; the link then rests on the numerical check
        return False
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def has_undefined(e):
    """True if e contains an unknown function f(x), g(x), ... (sympy.Function('f'))."""
    return bool(sp.sympify(e).atoms(AppliedUndef))


def generic_zero(d, seconds=60):
    """Exact proof that a difference of expressions in unknown functions is zero: expand after
    doit() (derivatives of products and compositions of undefined functions), then simplify."""
    d = sp.sympify(d).doit()
    if sp.expand(d) == 0:
        return True
    return symbolically_zero(d, seconds)


def check_doc(doc, seed=0, symbolic=True):
    """Return a list of link results: dict(chain, index, kind, holds, symbolic, refuted, witness).

    In a context where f, g, h are unknown functions (sympy.Function), a link holds only if the
    difference is proved zero exactly (numbers cannot be substituted for an unknown function);
    in every other context it is judged numerically. `refuted` records a numerical
    counterexample (a context with concrete functions or numbers where the two sides differ)."""
    rng = random.Random(zlib.crc32(doc.file.encode()) + seed)
    results = []
    for chain in doc.chains:
        ctxs = chain.ctxs if chain.ctxs is not None else doc.ctxs
        for li in range(len(chain.items) - 1):
            fa, fb = chain.items[li][1], chain.items[li + 1][1]
            holds, witness, refuted = True, None, False
            proved = {}
            pred = chain.where.get(li)
            lctxs = [c for c in ctxs if pred is None or pred(c)]
            assert lctxs, (doc.file, chain.label, li, "no context")
            ends = {0, len(lctxs) - 1}
            for ci, c in enumerate(lctxs):
                a, b = sp.sympify(fa(c)), sp.sympify(fb(c))
                if a == b:
                    if ci in ends:
                        proved[ci] = True
                    continue
                if has_undefined(a) or has_undefined(b):
                    ok = generic_zero(a - b)
                    if not ok:
                        holds = False
                        witness = witness or (c, "unknown functions: difference not proved zero")
                    elif ci in ends:
                        proved[ci] = True
                    continue
                ok, w = numerically_equal(a, b, rng)
                if not ok:
                    holds, witness, refuted = False, (c, w), True
                    break
                if ci in ends:
                    proved[ci] = symbolic and symbolically_zero(a - b)
            proved = bool(proved) and all(proved.values())
            results.append(dict(chain=chain.label, index=li, kind=chain.kinds[li],
                                holds=holds, symbolic=bool(holds and proved), refuted=refuted,
                                witness=witness))
    return results
