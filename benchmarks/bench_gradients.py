"""derive diff on the gradients of issue 12, beside bare SymPy on the same expressions.

For each: derive's CPU time (read, differentiate step by step, prove every step, check end to end,
print LaTeX; in its bounded child process, whose CPU is counted) and SymPy's (sympy.diff of the same
expression, .doit(), sympy.latex), both after a cold cache, and the number of lines derive writes. Prints figures; asserts nothing.

    python benchmarks/bench_gradients.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import resource

import sympy

from derive import differentiate
from derive.parse import parse
from derive.parse.names import symbol
from derive.render.formats import latex_block
from derive.verify import clear_caches

CASES = [
    ("softmax Jacobian", r"\frac{e^{z_i}}{\sum_{k=1}^{K} e^{z_k}}", "z_j", {"in_terms_of": "softmax"}),
    ("log-sum-exp", r"\log \sum_{k=1}^{K} e^{z_k}", "z_j", {}),
    ("cross-entropy through softmax", r"-\sum_{k=1}^{K} y_k \log \frac{e^{z_k}}{\sum_{m=1}^{K} e^{z_m}}", "z_j",
     {"in_terms_of": "softmax", "assume": ["sum(y_k, k, 1, K) = 1"]}),
    ("logistic loss by w", "-(y log(sigma(w x + b)) + (1 - y) log(1 - sigma(w x + b)))", "w", {}),
    ("logistic loss by b", "-(y log(sigma(w x + b)) + (1 - y) log(1 - sigma(w x + b)))", "b", {}),
    ("least squares by w", "sum((w x_i + b - y_i)^2, i, 1, n)", "w", {}),
    ("least squares by b", "sum((w x_i + b - y_i)^2, i, 1, n)", "b", {}),
    ("Gaussian log-likelihood by mu", r"\sum_{i=1}^{n} \left(-\log \sigma - \frac{(x_i - \mu)^2}{2\sigma^2}\right)", r"\mu", {}),
    ("Gaussian log-likelihood by sigma", r"\sum_{i=1}^{n} \left(-\log \sigma - \frac{(x_i - \mu)^2}{2\sigma^2}\right)", r"\sigma", {}),
    ("a hidden unit (backprop)", "(sigma(v sigma(w x + b) + c) - y)^2/2", "w", {}),
    ("plain partial", "x^2 y + sin(x y)", "y", {}),
]


def _cpu() -> float:
    """CPU seconds of this process and of the children it waited for (derive works in a child)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _derive(source: str, wrt: str, options: dict) -> tuple[float, int]:
    clear_caches()
    started = _cpu()
    d = differentiate(source, wrt=wrt, **options)
    latex_block(d)
    return _cpu() - started, len(d.lines())


def _sympy(source: str, wrt: str) -> tuple[float, str]:
    """SymPy's time, and whether its answer is 0: z_j taken as it stands is a symbol no z_k of a sum
    equals, so it is given the fairest spelling SymPy has, the term z[j] of the family."""
    expr, x = parse(source), symbol(wrt)
    families = {str(t.base.label): t.base for t in expr.atoms(sympy.Indexed)}

    def as_term(s: sympy.Symbol):
        base, _, index = s.name.partition("_")
        return families[base][sympy.Symbol(index)] if base in families and index.isalpha() else s

    expr = expr.xreplace({s: as_term(s) for s in expr.free_symbols if isinstance(s, sympy.Symbol)})
    x = as_term(x)
    sympy.core.cache.clear_cache()
    started = _cpu()
    result = sympy.diff(expr, x).doit()
    sympy.latex(result)
    return _cpu() - started, "0" if result == 0 else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best is printed")
    args = parser.parse_args()
    print(f"{'derivation':36} {'derive s':>9} {'sympy s':>9} {'ratio':>6} {'lines':>6}")
    total_derive = total_sympy = 0.0
    for name, source, wrt, options in CASES:
        runs = [_derive(source, wrt, options) for _ in range(args.repeat)]
        ours, lines = min(r[0] for r in runs), runs[0][1]
        timed = [_sympy(source, wrt) for _ in range(args.repeat)]
        theirs, zero = min(t for t, _ in timed), timed[0][1]
        total_derive, total_sympy = total_derive + ours, total_sympy + theirs
        print(f"{name:36} {ours:9.3f} {theirs:9.3f} {ours / max(theirs, 1e-6):6.1f} {lines:6d}"
              + ("   (SymPy's answer: 0)" if zero else ""))
    print(f"{'all':36} {total_derive:9.3f} {total_sympy:9.3f} {total_derive / max(total_sympy, 1e-6):6.1f}")
    print("derive proves every step and checks the result end to end (by instances at K = 1…4 where an index "
          "is free); SymPy's figure is one derivative, unproved, with sums left as SymPy writes them.")


if __name__ == "__main__":
    main()
