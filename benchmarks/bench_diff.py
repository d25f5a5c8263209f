"""derive diff: time and step count against expression size, for sums, nested chains and n-ary
products, beside bare sympy.diff + sympy.latex on the same input.

Target (issue 4): doubling the size at most quadruples the time. Prints figures; asserts nothing.
SymPy's own growth is printed beside derive's: past a few dozen factors SymPy's products grow faster
than 4x themselves, and derive, which checks its result against SymPy's derivative, follows them.

    python benchmarks/bench_diff.py [--sizes 4 8 16 32] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time

import sympy
from sympy import Symbol, cos, exp, sin

from derive import differentiate
from derive.verify import clear_caches
from derive.exprs import add, mul

x = Symbol("x", real=True)


def a_sum(n: int):
    """sin(x) + sin(2x) + … + sin(nx)"""
    return add(*(sin(mul(sympy.Integer(k), x) if k > 1 else x, evaluate=False) for k in range(1, n + 1)))


def a_chain(n: int):
    """sin(cos(sin(… x …))), n functions deep"""
    e = x
    for k in range(n):
        e = (sin if k % 2 == 0 else cos)(e, evaluate=False)
    return e


def a_product(n: int):
    """sin(x) · e^(2x) · cos(3x) · sin(4x) · …, n different factors"""
    kinds = [sin, exp, cos]
    return mul(*(kinds[k % 3](mul(sympy.Integer(k + 1), x) if k else x, evaluate=False) for k in range(n)))


FAMILIES = {"sum": a_sum, "nested chain": a_chain, "n-ary product": a_product}


def best_time(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        sympy.core.cache.clear_cache()  # each run starts cold, as a command does
        clear_caches()
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[4, 8, 16, 32, 64])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'family':<14} {'size':>4} {'steps':>5} {'rules':>5} {'derive s':>9} {'sympy s':>8} "
          f"{'ratio':>6} {'derive x2':>10} {'sympy x2':>9}")
    for name, build in FAMILIES.items():
        previous = previous_base = None
        for n in args.sizes:
            f = build(n)
            d = differentiate(f, wrt=x)
            rules = sum(len(s.substeps) or 1 for s in d.steps)
            t = best_time(lambda: differentiate(f, wrt=x), args.repeat)
            base = best_time(lambda: sympy.latex(sympy.diff(f.doit(), x)), args.repeat)
            growth = f"{t / previous:.2f}x" if previous else ""
            verdict = "" if not previous else (" ok" if t / previous <= 4 else " OVER")
            base_growth = f"{base / previous_base:.2f}x" if previous_base else ""
            print(f"{name:<14} {n:>4} {len(d.steps):>5} {rules:>5} {t:>9.3f} {base:>8.3f} "
                  f"{t / base:>6.1f} {growth + verdict:>10} {base_growth:>9}")
            previous, previous_base = t, base


if __name__ == "__main__":
    main()
