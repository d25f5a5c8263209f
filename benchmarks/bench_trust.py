"""How far derive check can be trusted: false alarms, misses and decided links on a corpus written
independently of derive's code (benchmarks/corpus/, see its README). Prints figures; asserts nothing.

- false alarm: a correct document with a link judged invalid (or a wrong claim about a rule);
- found: a planted document with an invalid link that touches the planted line;
- located: the planted line is a suspect, or the wrong link ends at it (the slip is in the last line);
- hinted: the planted line has a "did you mean" (a mend that makes it agree with its neighbours);
- decided: links judged valid or invalid, of all links; and of the links that claim an identity (the
  manifest's links less those it counts as definitions, which a checker rightly names and does not
  judge: Z = Σ_k e^{z_k}), where the corpus says how many there are.

    python benchmarks/bench_trust.py [--corpus benchmarks/corpus_b] [--verbose]

corpus/ was measured first and then the reader was fixed where it misread it (so it is tuned to now);
corpus_b/ was written later, also independently, for a measurement nobody tuned to.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from derive.checker import INVALID, check
from derive.errors import DeriveError

CORPUS = Path(__file__).parent / "corpus"


def judge(entry: dict, corpus: Path, timeout: float) -> dict:
    text = (corpus / entry["file"]).read_text(encoding="utf-8")
    started = time.perf_counter()  # wall-clock: the work runs in derive's child process
    try:
        report = check(text, entry["file"], timeout=timeout)
    except Exception as exc:  # a limit (DeriveError), or a crash: nothing decided, and shown as such
        return {"file": entry["file"], "kind": entry["kind"], "style": entry.get("style", "?"),
                "links": entry["links"], "decided": 0, "cpu": time.perf_counter() - started, "alarm": False,
                "claims": entry["links"] - entry["definitions"] if "definitions" in entry else None,
                "found": False, "located": False, "hinted": False,
                "error": str(exc) if isinstance(exc, DeriveError) else f"crash: {type(exc).__name__}: {exc}"}
    seconds = time.perf_counter() - started
    invalid = [(c, k) for c in report.chains for k in c.links if k.verdict == INVALID]
    out = {"file": entry["file"], "kind": entry["kind"], "style": entry.get("style", "?"),
           "links": len(report.links), "decided": report.decided, "cpu": seconds,
           "claims": entry["links"] - entry["definitions"] if "definitions" in entry else None,
           "alarm": bool(invalid) or any(not claim.holds for claim in report.claims)}
    if entry["kind"] == "planted":
        # the slip's line, or every line of the expression that holds it (a row continued over lines
        # is reported at its first line)
        first, last = entry["planted"].get("expression_lines") or [entry["planted"]["line"]] * 2
        lines = range(first, last + 1)
        touching = [(c, k) for c, k in invalid if c.lines[k.source] in lines or c.lines[k.target] in lines]
        located = any(c.lines[s] in lines for c in report.chains for s in c.suspects) or any(
            c.lines[target] in lines for c in report.chains for _, target in c.wrong_links)
        hinted = any(c.lines[k] in lines for c in report.chains for k in c.hints)
        out.update(found=bool(touching), located=located, hinted=hinted)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--verbose", action="store_true", help="one line per file")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="a folder with MANIFEST.json")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds for one document")
    args = parser.parse_args()
    entries = json.loads((args.corpus / "MANIFEST.json").read_text(encoding="utf-8"))
    results = [judge(e, args.corpus, args.timeout) for e in entries]
    if args.verbose:
        for r in results:
            flags = [k for k in ("alarm", "found", "located", "hinted") if r.get(k)] + ([r["error"]] if "error" in r else [])
            print(f"{r['file']:40} {r['kind']:8} decided {r['decided']:2}/{r['links']:2}  {' '.join(flags)}")
    correct = [r for r in results if r["kind"] == "correct"]
    planted = [r for r in results if r["kind"] == "planted"]
    links = sum(r["links"] for r in results)
    decided = sum(r["decided"] for r in results)
    print(f"documents: {len(correct)} correct, {len(planted)} planted")
    print(f"false alarms: {sum(r['alarm'] for r in correct)} of {len(correct)} correct documents "
          f"({', '.join(r['file'] for r in correct if r['alarm']) or 'none'})")
    print(f"planted slips found: {sum(r['found'] for r in planted)} of {len(planted)}, "
          f"located: {sum(r['located'] for r in planted)} of {len(planted)}, "
          f"hinted (a \"did you mean\" on the planted line): {sum(r['hinted'] for r in planted)} of {len(planted)}")
    missed = [r["file"] for r in planted if not r["found"]]
    print(f"missed: {', '.join(missed) or 'none'}")
    print(f"links decided: {decided} of {links} ({100 * decided / max(links, 1):.0f}%)")
    if all(r.get("claims") is not None for r in results):  # (a document derive stopped on decided none)
        claims = sum(r["claims"] for r in results)
        judged = sum(min(r["decided"], r["claims"]) for r in results)
        print(f"claimed identities decided: {judged} of {claims} ({100 * judged / max(claims, 1):.0f}%; "
              "the manifest's links less its definitions)")
    stopped = [r["file"] for r in results if "error" in r]
    print(f"stopped by a limit or a crash: {', '.join(stopped) or 'none'}")
    by_style: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in results:
        by_style[r["style"]][0] += r["decided"]
        by_style[r["style"]][1] += r["links"]
    for style, (d, n) in sorted(by_style.items()):
        print(f"  {style:16} {d:3} of {n:3} decided")
    print(f"time: {sum(r['cpu'] for r in results):.1f} s in all, at most {max(r['cpu'] for r in results):.1f} s "
          "for one document")


if __name__ == "__main__":
    main()
