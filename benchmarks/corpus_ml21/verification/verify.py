"""Verify the corpus_ml21 encodings: link counts and positions, every link numerically (30 digits) at each point,
a symbolic attempt per link, the planted copies, and (--mutate) a mutation test. Writes results.json."""
import json
import os
import signal
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sympy import N, simplify, oo, zoo, nan  # noqa: E402
from count import link_positions  # noqa: E402
from enc21 import DOCS, PLANTED  # noqa: E402
from make_planted import planted_name  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOL = 1e-12


class Timeout(Exception):
    pass


def _alarm(*_):
    raise Timeout()


signal.signal(signal.SIGALRM, _alarm)
_cache = {}


def value(node, pt):
    key = (node, tuple(sorted(pt.items(), key=str)))
    if key not in _cache:
        v = node.subs(pt).doit()
        if v in (oo, -oo):
            _cache[key] = v
        elif v.has(zoo, nan) or v.has(oo):
            _cache[key] = None
        else:
            _cache[key] = complex(N(v, 30))
    return _cache[key]


def holds(a, b, pt):
    va, vb = value(a, pt), value(b, pt)
    if va is None or vb is None:
        return False
    if va in (oo, -oo) or vb in (oo, -oo):
        return va == vb
    return abs(va - vb) <= TOL * (1 + abs(vb))


def link_lines(f):
    text = open(os.path.join(ROOT, f), encoding='utf-8').read()
    ext = '.' + f.rsplit('.', 1)[1]
    return [text.count('\n', 0, p) + 1 for p in link_positions(text, ext)]


def flat_links(chains):
    out = []  # (chain index, link index)
    for ci, (nodes, kinds, pts) in enumerate(chains):
        for li in range(len(nodes) - 1):
            out.append((ci, li))
    return out


def check_chains(chains):
    bad = []
    evals = 0
    for ci, (nodes, kinds, pts) in enumerate(chains):
        for li in range(len(nodes) - 1):
            for pt in pts:
                evals += 1
                if not holds(nodes[li], nodes[li + 1], pt):
                    bad.append((ci, li))
                    break
    return bad, evals


def symbolic(a, b):
    signal.alarm(20)
    try:
        d = simplify(a.doit() - b.doit())
        return d == 0
    except Timeout:
        return False
    except Exception:
        return False
    finally:
        signal.alarm(0)


def main():
    mutate = '--mutate' in sys.argv
    problems = []
    res = {}
    for f, chains in DOCS.items():
        lines = link_lines(f)
        fl = flat_links(chains)
        r = {'links': len(lines), 'encoded_links': len(fl),
             'definitions': sum(k == 'def' for c in chains for k in c[1])}
        if len(lines) != len(fl):
            problems.append('%s: count.py %d links, encoded %d' % (f, len(lines), len(fl)))
        r['link_lines'] = lines
        bad, evals = check_chains(chains)
        r['evaluations'] = evals
        r['failing'] = bad
        if bad:
            problems.append('%s: failing links %s' % (f, bad))
        sym = 0
        for ci, (nodes, kinds, pts) in enumerate(chains):
            for li in range(len(nodes) - 1):
                if kinds[li] == 'id' and symbolic(nodes[li], nodes[li + 1]):
                    sym += 1
        r['identity_links'] = len(fl) - r['definitions']
        r['symbolic_proved'] = sym
        # planted copy
        pf = planted_name(f)
        ci, ni, wrong, right_t, wrong_t, what = PLANTED[f]
        orig = open(os.path.join(ROOT, f), encoding='utf-8').read().split('\n')
        pl = open(os.path.join(ROOT, pf), encoding='utf-8').read().split('\n')
        diff = [i + 1 for i, (p, q) in enumerate(zip(orig, pl)) if p != q]
        if len(orig) != len(pl) or len(diff) != 1:
            problems.append('%s: not exactly one changed line %s' % (pf, diff))
        plines = link_lines(pf)
        if len(plines) != len(lines):
            problems.append('%s: link count changed' % pf)
        pchains = [(list(c[0]), c[1], c[2]) for c in chains]
        pchains[ci][0][ni] = wrong
        pbad, _ = check_chains(pchains)
        touching = [(ci, li) for li in (ni - 1, ni) if 0 <= li < len(chains[ci][0]) - 1]
        if sorted(pbad) != sorted(touching):
            problems.append('%s: failing %s, expected %s' % (pf, pbad, touching))
        if any(chains[ci][1][li] == 'def' for _, li in touching):
            problems.append('%s: a definition touches the wrong expression' % pf)
        fidx = {lk: i for i, lk in enumerate(fl)}
        fail_lines = [lines[fidx[lk]] for lk in touching]
        r['planted'] = {'file': pf, 'line': diff[0] if diff else None, 'failing': pbad,
                        'failing_link_lines': fail_lines, 'right': right_t, 'wrong': wrong_t, 'what': what}
        if diff and diff[0] not in fail_lines:
            problems.append('%s: changed line %d is not a line of a failing link %s' % (pf, diff[0], fail_lines))
        if diff and (right_t not in orig[diff[0] - 1] or wrong_t not in pl[diff[0] - 1]):
            problems.append('%s: right/wrong text not on the changed line' % pf)
        # mutation test
        if mutate:
            muts = 0
            for mci, (nodes, kinds, pts) in enumerate(chains):
                for mni in range(len(nodes)):
                    mc = [(list(c[0]), c[1], c[2]) for c in chains]
                    mc[mci][0][mni] = nodes[mni] * 11 / 10 + 1 / __import__('sympy').Integer(7)
                    mbad, _ = check_chains(mc)
                    exp_ = [(mci, li) for li in (mni - 1, mni) if 0 <= li < len(nodes) - 1]
                    muts += 1
                    if sorted(mbad) != sorted(exp_):
                        problems.append('%s: mutation of chain %d node %d fails %s, expected %s'
                                        % (f, mci, mni, mbad, exp_))
            r['mutations'] = muts
        res[f] = r
        print(f, {k: v for k, v in r.items() if k not in ('link_lines',)}, flush=True)
    out = {'problems': problems, 'files': res}
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'results.json'), 'w') as fh:
        json.dump(out, fh, indent=1, default=str)
    print('PROBLEMS:' if problems else 'no problems', *problems, sep='\n')


if __name__ == '__main__':
    main()
