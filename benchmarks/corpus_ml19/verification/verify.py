"""Verify every link of the corpus_ml19 documents, and the planted slips, with SymPy/mpmath.

For each chain e0 = e1 = ... (see enc19.py):
  * symbolic: simplify(e_k - e_{k+1}) == 0 with the functions left unknown (sympy Function objects);
  * numeric: the unknown functions replaced by each set of concrete substitutes, evaluated at 4 random
    points with 30 significant digits (relative tolerance 1e-20).
A link passes if the numeric check holds for every substitute set (the symbolic result is reported too).
For a planted copy, the wrong expression replaces the right one and both links touching it must fail
numerically (a counterexample) while every other link still holds.  The score-function notes
(integrals over the real line) are checked by mpmath quadrature for concrete families, plus the
symbolic integrand identities with p a generic Function.
Also checks: the link counts of count.py equal the encoded counts, and each planted copy differs
from its source in exactly one line.

Usage: python verify.py
"""
import os, random, subprocess, sys, difflib
import sympy as sp
import mpmath as mp
import enc19 as E

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
mp.mp.dps = 30
random.seed(19)
FAIL = []


def numeq(a, b, subs_f, pts):
    """True if a == b at every point (after substituting concrete functions)."""
    a2 = a.subs(subs_f).doit() if subs_f else a.doit()
    b2 = b.subs(subs_f).doit() if subs_f else b.doit()
    for pt in pts:
        va = sp.N(a2.subs(pt), 30)
        vb = sp.N(b2.subs(pt), 30)
        if isinstance(va, sp.MatrixBase):
            pairs = list(zip(list(va), list(vb)))
        else:
            pairs = [(va, vb)]
        for x, yv in pairs:
            x, yv = complex(x), complex(yv)
            if abs(x - yv) > 1e-20 * max(1, abs(x), abs(yv)):
                return False
    return True


def sym_zero(a, b):
    try:
        d = sp.simplify((a - b).doit())
        if isinstance(d, sp.MatrixBase):
            return all(e == 0 for e in d)
        return d == 0
    except Exception:
        return False


def points(exprs, domain, k=4):
    syms = set()
    for e in exprs:
        syms |= e.free_symbols
    pts = []
    for _ in range(k):
        pt = {}
        for s in syms:
            lo, hi = domain.get(s.name, (0.3, 1.7) if s.is_positive else (-1.5, 1.5))
            pt[s] = sp.Rational(random.randint(1, 10 ** 6), 10 ** 6) * sp.Rational(str(hi - lo)) + sp.Rational(str(lo))
        pts.append(pt)
    return pts


def check_chains(name, enc, planted=None, report=True):
    """Return list of (chain, link, ok_numeric, ok_symbolic)."""
    res = []
    for ci, (kind, chain) in enumerate(enc['chains']):
        chain = list(chain)
        if planted and planted[0] == ci:
            chain[planted[1]] = planted[2]
        pts = points(chain, enc.get('domain', {}))
        for li in range(len(chain) - 1):
            a, b = chain[li], chain[li + 1]
            okn = all(numeq(a, b, cf, pts) for cf in enc['concrete'])
            oks = sym_zero(a, b) if not planted else None
            res.append((ci, li, okn, oks, kind))
    return res


def summarize(label, res, planted=None):
    bad = [(c, l) for c, l, okn, oks, k in res if not okn]
    nsym = sum(1 for r in res if r[3])
    if planted is None:
        st = 'OK' if not bad else 'FAIL %s' % bad
        print('%-40s %2d links, all hold numerically: %s; simplify proves %d' % (label, len(res), st, nsym))
        if bad:
            FAIL.append(label)
    else:
        ci, ei = planted[0], planted[1]
        expect = {(ci, ei - 1), (ci, ei)}
        ok = set(bad) == expect
        print('%-40s planted chain %d expr %d: failing links %s -> %s' % (label, ci, ei, sorted(bad), 'OK' if ok else 'FAIL'))
        if not ok:
            FAIL.append(label)


# ------------------------------------------------------------------ score-function notes (quadrature)
def check_score(planted=False):
    th, x = sp.symbols('theta x', real=True)
    p = sp.Function('p')
    f = sp.Function('f')
    P = p(x, th)
    # symbolic integrand identities with p, f generic
    sym = [sp.simplify(f(x) * sp.diff(P, th) - f(x) * P * sp.diff(sp.log(P), th)) == 0,
           sp.simplify(P * sp.diff(sp.log(P), th) - sp.diff(P, th)) == 0]
    Efun = sp.Function('E')
    Z = sp.Function('Z')
    sym.append(sp.simplify(sp.diff(sp.log(Z(th)), th) - sp.diff(Z(th), th) / Z(th)) == 0)
    sym.append(sp.simplify(sp.diff(sp.exp(-Efun(x, th)), th) + sp.diff(Efun(x, th), th) * sp.exp(-Efun(x, th))) == 0)
    fam = [  # (name, density p_theta(x), theta range, integration interval)
        ('N(theta,1)', sp.exp(-(x - th) ** 2 / 2) / sp.sqrt(2 * sp.pi), (-1, 1)),
        ('N(0,theta^2)', sp.exp(-x ** 2 / (2 * th ** 2)) / (th * sp.sqrt(2 * sp.pi)), (0.5, 2)),
    ]
    fs = [x ** 3 + sp.sin(x), sp.cos(x) + x ** 2]
    links = []
    quad = lambda expr, t0: mp.quad(sp.lambdify(x, expr.subs(th, t0), 'mpmath'), [-mp.inf, 0, mp.inf])
    for name, dens, (lo, hi) in fam:
        for fx in fs:
            for _ in range(2):
                t0 = mp.mpf(random.uniform(lo, hi))
                e1 = mp.diff(lambda t: quad(fx * dens, t), t0)           # d/dtheta E[f]
                e2 = e1                                                  # d/dtheta of the integral (same object)
                e3 = quad(fx * sp.diff(dens, th), t0)
                e4 = quad(fx * dens * sp.diff(sp.log(dens), th), t0)
                e5 = e4                                                  # E[...] written as the integral
                sc = [quad(sp.diff(sp.log(dens), th) * dens, t0), quad(sp.diff(dens, th), t0),
                      mp.diff(lambda t: quad(dens, t), t0), mp.mpf(0)]
                links.append([e1, e2, e3, e4, e5])
                links.append(sc)
    close = lambda a, b: abs(a - b) < mp.mpf(10) ** -12 * max(1, abs(a))
    ok1 = all(close(c[i], c[i + 1]) for c in links for i in range(len(c) - 1))
    # energy-based part
    energies = [(x ** 4 / 4 - th * x, (-1, 1)), (th * x ** 2 / 2 + x ** 4 / 4, (0.3, 2))]
    ebm_fail = set()
    ok2 = True
    for En, (lo, hi) in energies:
        for _ in range(2):
            t0 = mp.mpf(random.uniform(lo, hi))
            Zf = lambda t: quad(sp.exp(-En), t)
            Z0 = Zf(t0)
            dE = sp.diff(En, th)
            norm = quad(sp.exp(-En) / Z0, t0)                             # p integrates to 1 (definitions)
            sgn = 1 if planted else -1
            c = [mp.diff(lambda t: mp.log(Zf(t)), t0), mp.diff(Zf, t0) / Z0,
                 sgn * quad(dE * sp.exp(-En), t0) / Z0, -quad(dE * sp.exp(-En) / Z0, t0)]
            ok2 &= close(norm, 1)
            for i in range(3):
                if not close(c[i], c[i + 1]):
                    ebm_fail.add(i)
    return ok1, ok2, ebm_fail, all(sym)


def count_links(path):
    out = subprocess.run([sys.executable, os.path.join(HERE, 'count.py'), path], capture_output=True, text=True).stdout
    return int(out.split()[0])


def one_line_diff(a, b):
    la, lb = open(a).read().split('\n'), open(b).read().split('\n')
    if len(la) != len(lb):
        return None
    d = [i + 1 for i in range(len(la)) if la[i] != lb[i]]
    return d


def main():
    n_links = {}
    # backprop lecture
    e = E.enc_backprop()
    summarize('backprop_neuron_lecture.tex', check_chains('bp', e))
    summarize('backprop_neuron_lecture_planted.tex', check_chains('bp', e, e['planted']), e['planted'])
    n_links['backprop_neuron_lecture.tex'] = sum(len(c) - 1 for _, c in e['chains'])
    # forum
    e = E.enc_quotient()
    summarize('quotient_rule_forum.md', check_chains('q', e))
    summarize('quotient_rule_forum_planted.md', check_chains('q', e, e['planted']), e['planted'])
    n_links['quotient_rule_forum.md'] = sum(len(c) - 1 for _, c in e['chains'])
    # exam: sizes n, d in 1..3 ; the document's display count = 1 + 2 + 1 + 1 + 1 + 2
    for n in (1, 2, 3):
        for d in (1, 2, 3):
            e = E.enc_penalised(n, d)
            summarize('penalised_objective_exam.tex n=%d d=%d' % (n, d), check_chains('pen', e))
            for pl in e['planted_all']:
                summarize('  planted (k=%d)' % (pl[0]), check_chains('pen', e, pl), pl)
    n_links['penalised_objective_exam.tex'] = 8
    # change of variables: T, S concrete invertible pairs, F generic
    for nm, T, S, ydom in E.COV_MAPS:
        e = E.enc_cov(T, S, ydom)
        y = e['y']
        # monotonicity behind the event identity: T(S(y)) = y and T' > 0 on the sampled range
        u = E.u
        ys = [sp.Rational(ydom[0]) + (sp.Rational(ydom[1]) - sp.Rational(ydom[0])) * sp.Rational(i, 6) for i in range(1, 6)]
        mono = all(abs(sp.N(T(S(v)) - v, 30)) < 1e-25 for v in ys)
        mono &= all(sp.N(sp.diff(T(u), u).subs(u, S(v)), 30) > 0 for v in ys)
        print('  change of variables with T = %s: T(S(y)) = y and T\' > 0: %s' % (nm, mono))
        summarize('change_of_variables_blog.md T=%s' % nm, check_chains('cov', e))
        summarize('change_of_variables_blog_planted.md T=%s' % nm, check_chains('cov', e, e['planted']), e['planted'])
        if not mono:
            FAIL.append('cov mono')
    n_links['change_of_variables_blog.md'] = sum(len(c) - 1 for _, c in e['chains'])
    # two-layer notebook, m = 1..3 hidden units (the document's count: 1 + 1 + 2 + 1 + 3 + 3)
    for m in (1, 2, 3):
        e = E.enc_twolayer(m)
        summarize('two_layer_net_notebook.md m=%d' % m, check_chains('tl', e))
        summarize('two_layer_net_notebook_planted.md m=%d' % m, check_chains('tl', e, e['planted']), e['planted'])
    n_links['two_layer_net_notebook.md'] = 11
    # score-function notes
    ok1, ok2, fails, sym = check_score()
    print('score_function_notes.tex: sections 1-2 %s, section 3 %s (failing links %s), integrand identities symbolic %s'
          % (ok1, ok2 and not fails, sorted(fails), sym))
    if not (ok1 and ok2 and not fails and sym):
        FAIL.append('score')
    ok1, ok2, fails, sym = check_score(planted=True)
    print('score_function_notes_planted.tex: section 3 failing links %s (expect [1, 2])' % sorted(fails))
    if sorted(fails) != [1, 2]:
        FAIL.append('score planted')
    n_links['score_function_notes.tex'] = 12
    # counts and diffs
    for fn, k in n_links.items():
        c = count_links(os.path.join(ROOT, fn))
        base, ext = os.path.splitext(fn)
        pl = os.path.join(ROOT, base + '_planted' + ext)
        cp = count_links(pl) if os.path.exists(pl) else None
        dl = one_line_diff(os.path.join(ROOT, fn), pl) if os.path.exists(pl) else None
        print('%-32s count.py %d (encoded %d), planted copy count %s, differing lines %s' % (fn, c, k, cp, dl))
        if c != k or cp != k or dl is None or len(dl) != 1:
            FAIL.append('count/diff ' + fn)
    print('FAILURES:', FAIL if FAIL else 'none')


if __name__ == '__main__':
    main()
