#!/usr/bin/env python3
"""Verify every `=` link of every corpus_ml18 document with SymPy.

  python verify.py            check all 10 correct documents and their planted copies
  python verify.py FILE ...   check only the named documents (correct or planted)
  python verify.py --fast     skip the symbolic (simplify) proofs, numerical checks only

For a correct document every link must hold. For a planted copy exactly the links that
touch the wrong expression must fail and every other link must hold. The planted copies
themselves are written by gen.py; this script checks that each one differs from its source
on exactly one line, by exactly the recorded edit.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import encodings_a as A  # noqa: E402
try:
    import encodings_b as B  # noqa: E402
except ImportError:  # while the corpus is being written
    B = None
from count import link_positions  # noqa: E402
from framework import check_doc, line_of, locate  # noqa: E402

DOC_FUNCS = list(A.DOCS) + (list(B.DOCS) if B else [])


def planted_name(source):
    stem, ext = source.rsplit(".", 1)
    return "%s_planted.%s" % (stem, ext)


def read(name):
    with open(os.path.join(CORPUS, name), encoding="utf-8") as f:
        return f.read()


def apply_edit(text, old, new):
    """Apply the planted edit; it must match once and change exactly one line."""
    assert text.count(old) == 1, "edit must match exactly once: %r" % old
    assert "\n" not in old and "\n" not in new
    out = text.replace(old, new)
    a, b = text.split("\n"), out.split("\n")
    assert len(a) == len(b)
    diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    assert len(diff) == 1, diff
    return out, diff[0] + 1


def all_docs():
    return [f() for f in DOC_FUNCS]


def analyse_correct(doc, symbolic=True):
    text = read(doc.file)
    ext = "." + doc.file.rsplit(".", 1)[1]
    spans, eqs = locate(doc, text, ext)
    assert len(eqs) == doc.n_links(), (doc.file, len(eqs), doc.n_links())
    res = check_doc(doc, symbolic=symbolic)
    return dict(file=doc.file, links=len(eqs), definitions=doc.n_defs(), results=res, spans=spans, text=text)


def analyse_planted(doc, symbolic=True):
    pl = doc.planted
    name = planted_name(doc.file)
    src = read(doc.file)
    expected_text, line = apply_edit(src, pl["old"], pl["new"])
    text = read(name)
    assert text == expected_text, "%s is not the source with the recorded edit" % name
    ext = "." + name.rsplit(".", 1)[1]
    pdoc = doc.replaced(name, pl["chain"], pl["index"], pl["wrong"])
    spans, eqs = locate(pdoc, text, ext)
    assert len(eqs) == pdoc.n_links()
    res = check_doc(pdoc, symbolic=symbolic)
    chain = [c for c in pdoc.chains if c.label == pl["chain"]][0]
    expect = {i for i in (pl["index"] - 1, pl["index"]) if 0 <= i < len(chain.items) - 1}
    failing = [(r["chain"], r["index"]) for r in res if not r["holds"]]
    # the wrong expression must sit between two `=` of its chain, so exactly two links fail
    ok = len(expect) == 2 and set(failing) == {(pl["chain"], i) for i in expect}
    # each failing link must be refuted by a numerical counterexample (not merely unproved)
    ok = ok and all(r["refuted"] for r in res if not r["holds"])
    a, b = spans[pl["chain"]][pl["index"]]
    expr_lines = [line_of(text, a), line_of(text, b - 1)]
    assert expr_lines[0] <= line <= expr_lines[1], (name, line, expr_lines)
    # the slip is never in a definition: both links it touches assert identities, and no
    # definition's `=` sits on the planted line
    assert all(chain.kinds[i] == "id" for i in expect), (name, "slip touches a definition link")
    for c in pdoc.chains:
        for li, kind in enumerate(c.kinds):
            if kind != "id":
                lo, hi = spans[c.label][li][1], spans[c.label][li + 1][0]
                for p in eqs:
                    if lo <= p < hi:
                        assert line_of(text, p) != line, (name, "definition on the planted line")
    return dict(file=name, source=doc.file, links=len(eqs), definitions=pdoc.n_defs(), results=res,
                failing=failing, expected=sorted(expect), ok=ok, line=line, expression_lines=expr_lines,
                text=text)


def main(argv):
    symbolic = "--fast" not in argv
    names = [a for a in argv if not a.startswith("--")]
    bad = 0
    tot_links = tot_sym = 0
    for doc in all_docs():
        pname = planted_name(doc.file) if doc.planted else None
        if not names or doc.file in names:
            r = analyse_correct(doc, symbolic)
            fails = [x for x in r["results"] if not x["holds"]]
            nsym = sum(x["symbolic"] for x in r["results"])
            tot_links += r["links"]
            tot_sym += nsym
            status = "OK " if not fails else "BAD"
            print("%s %-34s links %3d  definitions %2d  proved symbolically %3d"
                  % (status, doc.file, r["links"], r["definitions"], nsym))
            for x in fails:
                bad += 1
                print("      link fails: chain %r link %d  witness %s" % (x["chain"], x["index"], x["witness"]))
        if pname and (not names or pname in names):
            r = analyse_planted(doc, symbolic)
            status = "OK " if r["ok"] else "BAD"
            print("%s %-34s links %3d  failing %s (expected links %s of chain %r)  line %d"
                  % (status, pname, r["links"], len(r["failing"]), r["expected"], doc.planted["chain"], r["line"]))
            if not r["ok"]:
                bad += 1
                print("      failing:", r["failing"])
    print("links in correct documents checked: %d (of which %d also proved by simplify in the end contexts)"
          % (tot_links, tot_sym))
    print("PROBLEMS: %d" % bad if bad else "all checks passed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
