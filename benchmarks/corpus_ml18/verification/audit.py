#!/usr/bin/env python3
"""Two extra reports for corpus_ml18 (not needed by verify.py / gen.py).

  python audit.py            both reports
  python audit.py --links    per document: how many links were proved exactly with the unknown
                             functions left as sympy Functions, and how many rest on concrete
                             functions / numbers only
  python audit.py --slips    per planted slip: the value of the right and of the wrong expression
                             in each concrete context at one random point (the slip must change the
                             value), and whether the unknown-function context proves the wrong
                             links (it must not)
"""
import random
import sys

import sympy as sp

from framework import _num, _sample, generic_zero, has_undefined
from verify import all_docs


def link_report(docs):
    tot_g = tot = 0
    for d in docs:
        ng = 0
        for ch in d.chains:
            ctxs = ch.ctxs if ch.ctxs is not None else d.ctxs
            for li in range(len(ch.items) - 1):
                pred = ch.where.get(li)
                lctxs = [c for c in ctxs if pred is None or pred(c)]
                gen = False
                for c in lctxs:
                    a, b = sp.sympify(ch.items[li][1](c)), sp.sympify(ch.items[li + 1][1](c))
                    if has_undefined(a) or has_undefined(b):
                        gen = True
                        assert a == b or generic_zero(a - b), (d.file, ch.label, li)
                ng += gen
        print("%-36s links %2d  proved with unknown functions %2d  concrete functions / numbers only %2d"
              % (d.file, d.n_links(), ng, d.n_links() - ng))
        tot_g += ng
        tot += d.n_links()
    print("total: %d links, %d proved exactly with unknown functions" % (tot, tot_g))


def slip_report(docs):
    rng = random.Random(18)
    for d in docs:
        pl = d.planted
        ch = [c for c in d.chains if c.label == pl["chain"]][0]
        right = ch.items[pl["index"]][1]
        wrong = pl["wrong"][1]
        ctxs = ch.ctxs if ch.ctxs is not None else d.ctxs
        print("%s  (chain %r, item %d): %s" % (d.file, pl["chain"], pl["index"], pl["what"]))
        shown = 0
        printed_generic = False
        for c in ctxs:
            a, b = sp.sympify(right(c)), sp.sympify(wrong(c))
            if has_undefined(a) or has_undefined(b):
                diff = sp.simplify((a - b).doit())
                assert diff != 0
                if not printed_generic:
                    print("    unknown functions: right - wrong = %s" % sp.sstr(diff)[:150])
                    printed_generic = True
                continue
            if shown >= 3:
                continue
            subs = _sample(a.free_symbols | b.free_symbols, rng)
            va, vb = _num(a, subs), _num(b, subs)
            tag = c.get("name", "concrete")
            print("    %-34s right %s   wrong %s" % (tag, sp.N(va, 12), sp.N(vb, 12)))
            assert abs(complex(va - vb)) > 1e-12
            shown += 1


if __name__ == "__main__":
    docs = all_docs()
    if "--slips" not in sys.argv:
        link_report(docs)
    if "--links" not in sys.argv:
        slip_report(docs)
