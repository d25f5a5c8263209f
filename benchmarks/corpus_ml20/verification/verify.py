"""Check every link of the corpus_ml20 documents with SymPy/mpmath, and the planted copies.

For each document (encodings in enc20.py):
  1. the links counted by count.py equal the encoded links in number, and each chain's anchor is on the line of its
     first `=`;
  2. every link holds numerically: both sides are evaluated at 30 digits at 4 random rational points in each region
     of its chain (one region per case of a piecewise definition or per side condition stated in the text);
     derivatives are taken symbolically first, limits by SymPy's `limit` (for a piecewise expression, on the branch
     active near the limit point), integrals by mpmath quadrature through `evalf` (exactly by `integrate` when the
     integrand is piecewise);
  3. every identity link is also attempted symbolically: sides substituted into positive symbols for the region
     (e.g. x -> p or x -> -p), derivatives, limits and integrals done symbolically, and `simplify(lhs - rhs) == 0`;
     each attempt has a time limit, and a link counts as proved if it is proved in every region of its chain;
  4. the planted copy differs from the document on exactly the planted line, has the same link count, the wrong
     expression lies between the two `=` that bound it, and with the wrong expression in its place exactly the two
     links touching it fail (at some sample point), all others holding.
  5. with --mutate, a sensitivity test: each node of each chain in turn is replaced by 11/10 of itself plus 1/7, and
     every link touching it must then be refuted at some sample point (so no link is checked vacuously).
Writes verification/results.json (when run on all documents) and prints a summary.
Usage: python verification/verify.py [--no-symbolic] [--mutate] [FILE...]
"""
import json
import os
import random
import signal
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from sympy import (Abs, Derivative, Dummy, Float, Heaviside, Integral, Limit, Max, Min, Piecewise, Subs, expand_log,
                   limit, nsimplify, oo, piecewise_fold, powsimp, sign, simplify, N)  # noqa: E402

import enc20 as E  # noqa: E402
from count import link_positions  # noqa: E402
from make_planted import planted_name  # noqa: E402

PREC = 30
POINTS = 4
TOL = Float("1e-18", 40)        # relative tolerance for a link to hold
FAIL = 1e-6                     # relative difference that counts as a refutation
SYM_SECONDS = 20


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


signal.signal(signal.SIGALRM, _alarm)


# ------------------------------------------------------------------ evaluation helpers
def fresh_limits(e):
    """Give every Limit its own dummy variable, so that substituting a value for t leaves lim_{t->oo} alone."""
    def rep(n):
        d = Dummy(n.args[1].name, **n.args[1].assumptions0)
        return Limit(n.args[0].xreplace({n.args[1]: d}), d, n.args[2], str(n.args[3]))
    return e.replace(lambda n: isinstance(n, Limit), rep)


def do_derivs(e):
    e = e.replace(lambda n: isinstance(n, Derivative), lambda n: n.doit())
    return e.replace(lambda n: isinstance(n, Subs), lambda n: n.doit())


def _branch(e, var, tv, extra):
    """Replace each Piecewise in e by its branch that is active at var = tv (other symbols from `extra`)."""
    def pick(pw):
        for expr, cond in pw.args:
            c = cond.subs(extra).subs(var, tv)
            if c == True:  # noqa: E712
                return expr
            if c == False:  # noqa: E712
                continue
            raise ValueError("undecided condition %s" % c)
        raise ValueError("no branch")
    return e.replace(lambda n: isinstance(n, Piecewise), pick)


def plimit(n, extra):
    body, var, pt, dr = n.args[0], n.args[1], n.args[2], str(n.args[3])
    if body.has(Piecewise, Max, Min, Abs, sign, Heaviside):
        body = piecewise_fold(body.rewrite(Piecewise))
        if pt in (oo, -oo):
            try:                              # conditions decided at the infinite point itself (r <= delta at oo)
                body = _branch(body, var, pt, extra)
            except ValueError:
                body = _branch(body, var, 10 ** 6 if pt is oo else -10 ** 6, extra)
        else:
            tv = pt + (1 if dr == "+" else -1) * Float("1e-25", 40)
            body = _branch(body, var, tv, extra)
    return limit(body, var, pt, dr)


def eval_limits(e, extra):
    return e.replace(lambda n: isinstance(n, Limit), lambda n: plimit(n, extra))


def eval_integrals_num(e):
    def rep(n):
        if n.has(Piecewise):
            d = n.doit()
            if not d.has(Integral):
                return d
        return n.evalf(PREC + 15)
    return e.replace(lambda n: isinstance(n, Integral), rep)


def evaluate(e, vals):
    e = do_derivs(fresh_limits(e))
    e = e.subs(vals)
    e = do_derivs(e)
    e = eval_limits(e, {})
    e = eval_integrals_num(e)
    return N(e, PREC)


def close(va, vb):
    d = abs(va - vb)
    return d <= TOL * (1 + abs(va) + abs(vb))


def differs(va, vb):
    return abs(va - vb) > FAIL * (1 + abs(va) + abs(vb))


# ------------------------------------------------------------------ symbolic attempt
def symbolic_zero(lhs, rhs, region, sample):
    if region.sym is None:
        return False
    signal.alarm(SYM_SECONDS)
    try:
        sides = []
        for e in (lhs, rhs):
            e = do_derivs(fresh_limits(e))
            e = e.subs(region.sym)
            e = do_derivs(e)
            try:
                e = eval_limits(e, {})
            except ValueError:
                return False
            e = e.replace(lambda n: isinstance(n, Integral), lambda n: n.doit(conds="none"))
            sides.append(e)
        if any(x.has(Limit, Integral, Derivative) for x in sides):
            return False
        diff = sides[0] - sides[1]
        for f in (lambda d: simplify(d), lambda d: simplify(powsimp(expand_log(d, force=True), force=True)),
                  lambda d: simplify(d.rewrite(Piecewise))):
            if f(diff) == 0:
                return True
        return False
    except Timeout:
        return False
    except Exception:
        return False
    finally:
        signal.alarm(0)


# ------------------------------------------------------------------ per document
def links_of(chains):
    out = []
    for ci, c in enumerate(chains):
        for j, kind in enumerate(c.kinds):
            out.append((ci, j, kind))
    return out


def check_links(chains, rng, symbolic=True, only=None):
    """Return {(ci, j): dict(holds, refuted, points, proved)}; `only` restricts to a set of (ci, j)."""
    res = {}
    for ci, c in enumerate(chains):
        for j, kind in enumerate(c.kinds):
            if only is not None and (ci, j) not in only:
                continue
            lhs, rhs = c.nodes[j], c.nodes[j + 1]
            holds, refuted, npts, proved_all = True, False, 0, True
            worst = 0.0
            for reg in c.regions:
                sample = None
                for _ in range(POINTS):
                    vals = reg.sampler(rng)
                    sample = sample or vals
                    va, vb = evaluate(lhs, vals), evaluate(rhs, vals)
                    if not (va.is_number and vb.is_number):
                        raise RuntimeError("not a number: %s / %s at %s (%s link %d)" % (va, vb, vals, c.name, j))
                    npts += 1
                    if not close(va, vb):
                        holds = False
                    if differs(va, vb):
                        refuted = True
                    worst = max(worst, float(abs(va - vb)))
                if symbolic and kind == "id":
                    if not symbolic_zero(lhs, rhs, reg, sample):
                        proved_all = False
            res[(ci, j)] = dict(holds=holds, refuted=refuted, points=npts, worst=worst,
                                proved=(proved_all if (symbolic and kind == "id") else None))
    return res


def line_of(text, pos):
    return text.count("\n", 0, pos) + 1


def check_document(name, rng, symbolic=True):
    spec = E.DOCS[name]
    chains = spec["chains"]
    path = os.path.join(ROOT, name)
    ext = "." + name.rsplit(".", 1)[1]
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    pos = link_positions(text, ext)
    links = links_of(chains)
    problems = []
    if len(pos) != len(links):
        problems.append("count.py finds %d links, encodings have %d" % (len(pos), len(links)))
    link_lines = [line_of(text, q) for q in pos]
    idx = 0
    first_index = []
    for c in chains:
        first_index.append(idx)
        if idx < len(link_lines) and c.anchor not in lines[link_lines[idx] - 1]:
            problems.append("anchor of chain '%s' not on line %d" % (c.name, link_lines[idx]))
        idx += len(c.kinds)
    res = check_links(chains, rng, symbolic)
    for (ci, j), r in res.items():
        if not r["holds"]:
            problems.append("link %d of chain '%s' does not hold (worst %.3g)" % (j, chains[ci].name, r["worst"]))
    # ---- planted copy
    pl = spec["planted"]
    ppath = os.path.join(ROOT, planted_name(name))
    ptext = open(ppath, encoding="utf-8").read()
    plines = ptext.split("\n")
    changed = [i + 1 for i, (l1, l2) in enumerate(zip(lines, plines)) if l1 != l2]
    if len(lines) != len(plines) or changed != [pl["line"]]:
        problems.append("planted copy differs on lines %s" % changed)
    if pl["wrong"] not in plines[pl["line"] - 1]:
        problems.append("wrong text not on the planted line")
    if len(link_positions(ptext, ext)) != len(pos):
        problems.append("planted copy has a different link count")
    ci, node = pl["chain"], pl["node"]
    if not (0 < node < len(chains[ci].nodes) - 1):
        problems.append("planted node is not between two `=`")
    g_before = first_index[ci] + node - 1          # global index of the `=` before the wrong expression
    g_after = g_before + 1
    if not (link_lines[g_before] <= pl["line"] <= link_lines[g_after]):
        problems.append("planted line %d not between the lines of its two `=` (%d, %d)"
                        % (pl["line"], link_lines[g_before], link_lines[g_after]))
    if chains[ci].kinds[node - 1] != "id" or chains[ci].kinds[node] != "id":
        problems.append("a definition touches the planted expression")
    for gi in range(len(links)):
        if link_lines[gi] == pl["line"] and links[gi][2] == "def":
            problems.append("a definition's `=` is on the planted line")
    pchains = []
    for k_, c in enumerate(chains):
        if k_ == ci:
            nodes = list(c.nodes)
            nodes[node] = pl["expr"]
            c = E.Chain(c.name, c.anchor, nodes, c.kinds, c.regions)
        pchains.append(c)
    touching = {(ci, node - 1), (ci, node)}
    pres = check_links(pchains, rng, symbolic=False, only=touching)
    failing = sorted(k_ for k_, r in pres.items() if r["refuted"])
    if set(failing) != touching:
        problems.append("planted copy: refuted links %s, expected %s" % (failing, sorted(touching)))
    # the other links are the same expressions as in the document, checked above
    nlinks = len(links)
    ndefs = sum(1 for l_ in links if l_[2] == "def")
    ids = [(k_, r) for k_, r in res.items() if chains[k_[0]].kinds[k_[1]] == "id"]
    proved = [k_ for k_, r in ids if r["proved"]]
    unproved = ["%s (link %d, line %d)" % (chains[k_[0]].name, k_[1] + 1, link_lines[first_index[k_[0]] + k_[1]])
                for k_, r in ids if symbolic and not r["proved"]]
    return dict(file=name, links=nlinks, definitions=ndefs, points=sum(r["points"] for r in res.values()),
                all_hold=all(r["holds"] for r in res.values()), symbolic_proved=len(proved) if symbolic else None,
                identities=len(ids), unproved=unproved, problems=problems,
                planted=dict(file=planted_name(name), line=pl["line"],
                             failing_links=[link_lines[first_index[c_] + j_] for c_, j_ in failing],
                             failing_count=len(failing)),
                link_lines=link_lines,
                regions={c.name: [r_.name for r_ in c.regions] for c in chains})


def mutation_check(name, rng):
    """Sensitivity test: replace each node e of each chain by 11e/10 + 1/7 in turn; every link touching it must then be
    refuted at some sample point. Returns the list of (chain, node, link) that were not refuted (should be empty)."""
    from sympy import Rational
    missed = []
    for c in E.DOCS[name]["chains"]:
        for n in range(len(c.nodes)):
            nodes = list(c.nodes)
            nodes[n] = nodes[n] * Rational(11, 10) + Rational(1, 7)
            touch = {(0, j) for j in (n - 1, n) if 0 <= j < len(c.kinds)}
            r = check_links([E.Chain(c.name, c.anchor, nodes, c.kinds, c.regions)], rng, symbolic=False, only=touch)
            missed += [(c.name, n, j) for (_, j), v in r.items() if not v["refuted"]]
    return missed


def main():
    symbolic = "--no-symbolic" not in sys.argv
    mutate = "--mutate" in sys.argv
    only = [a for a in sys.argv[1:] if not a.startswith("--")]
    rng = random.Random(20)
    out = []
    t0 = time.time()
    bad = 0
    for name in E.ORDER:
        if only and name not in only:
            continue
        t1 = time.time()
        r = check_document(name, rng, symbolic)
        r["seconds"] = round(time.time() - t1, 1)
        out.append(r)
        bad += len(r["problems"])
        print("%-36s links %2d (defs %d)  points %4d  hold %s  proved %s/%d  planted line %d: %d links fail  %5.1fs"
              % (name, r["links"], r["definitions"], r["points"], r["all_hold"], r["symbolic_proved"],
                 r["identities"], r["planted"]["line"], r["planted"]["failing_count"], r["seconds"]))
        for pr in r["problems"]:
            print("   PROBLEM:", pr)
        for u_ in r["unproved"]:
            print("   not proved symbolically:", u_)
        if mutate:
            missed = mutation_check(name, rng)
            r["mutation_missed"] = missed
            bad += len(missed)
            print("   mutation test: %d node mutations, %d touching links not refuted"
                  % (sum(len(c.nodes) for c in E.DOCS[name]["chains"]), len(missed)))
    if not only:
        with open(os.path.join(HERE, "results.json"), "w") as f:
            json.dump(dict(symbolic=symbolic, mutate=mutate, seconds=round(time.time() - t0, 1), documents=out), f, indent=1)
    print("problems: %d  (%.0fs)" % (bad, time.time() - t0))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
