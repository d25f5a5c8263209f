"""Issue 14's speed targets, each beside its baseline, measured in one run (CPU seconds, so that a busy
machine slows both sides alike):

- derive diff: the derivations of a table of textbook and activation-function derivatives, every step
  proved and printed as LaTeX, against bare sympy.diff + sympy.latex of the same inputs (target ≤ 1.5×);
- derive check: each file of a corpus checked by its own `derive check` process, against a process that
  only imports SymPy (target: ≤ 2× on the whole corpus, no file over 5 s);
- start-up: `derive --help` and `derive sigmoid` against `python -c "import sympy"` (target ≤ 1.2× for
  derive sigmoid).

    python benchmarks/bench_targets.py [--corpus benchmarks/corpus_ml7 …] [--files 50]

The documents checked are derive's own test corpora (benchmarks/corpus*: notes, blogs and papers in
real authors' styles, correct and with planted slips), 50 spread evenly over all of them by default.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable

TABLE = [  # textbook derivatives and activation functions, typed as users type them
    "x^2 sin(x)", "x sin(x)", "x^3 e^(2x)", "sin(cos(x^2))", "sqrt(x^2+1)/(x-1)", "atan(x)/(1+x^2)", "x^x",
    "exp(-x^2/2)/sqrt(2*pi)", "ln(x)/x", "x ln(x) - x", "tan(x)^3", "(2x+1)^5 (x-3)^2", "1/(1+e^(-x))",
    "tanh(x)", "log(1+exp(x))", "x/2 (1 + erf(x/sqrt(2)))", "x sigmoid(x)", "x tanh(log(1+exp(x)))",
    "sin(x)/x", "e^x cos(x)", "x^2 e^(-x)", "asin(x) + acos(x)", "sqrt(1 - x^2)", "(x^2 - 1)/(x^2 + 1)",
    "x^4 - 3x^3 + 2x - 7", "cos(x)^2 - sin(x)^2", "1/(x^2+1)^3", "sec(x) tan(x)", "x^2 log(x, 2)",
    "e^(sin(x))", "sinh(x) cosh(x)", "atan(1/x)", "(x+1)/(x-1)", "x^(1/3)", "abs(x) x", "2^x x^2",
    "log(cos(x))", "x e^(-x^2)", "(1 - e^(-2x))/(1 + e^(-2x))", "max(x, 0)",
]


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def own_cpu() -> float:
    return time.process_time()


def run_cpu(args: list[str]) -> tuple[float, int]:
    """CPU seconds of one process running args, and its exit status."""
    before = children_cpu()
    code = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    return children_cpu() - before, code


def bench_diff() -> None:
    """Each input as a derive diff process meets it: SymPy's cache and derive's emptied before each
    derivation, and SymPy's before each bare sympy.diff alike (a warm cache made bare SymPy 0.02 s for all 40, and let derive
    reuse what the bare run had worked out)."""
    import sympy
    from sympy.core.cache import clear_cache

    from derive.automatic import _differentiate
    from derive.parse import parse
    from derive.render.formats import latex_block
    from derive.verify import clear_caches

    latex_block(_differentiate("x sin(x)", None, 1, None, (), "normal", "auto", ()))  # imports, rule tables
    inputs = []
    for source in TABLE:
        try:
            expr = parse(source)
        except Exception:  # noqa: BLE001 - a benchmark reports what it cannot measure
            print(f"  skipped {source!r}: derive cannot read it")
            continue
        inputs.append((source, expr, sorted(expr.free_symbols, key=str)[0]))
    bare = derived = 0.0
    refused = 0
    for source, expr, x in inputs:
        clear_cache()
        start = own_cpu()
        sympy.latex(sympy.diff(expr, x))
        bare += own_cpu() - start
        clear_cache()
        clear_caches()  # (derive's own: values worked out, the exact reader's rings)
        start = own_cpu()
        try:
            latex_block(_differentiate(source, None, 1, None, (), "normal", "auto", ()))
        except Exception:  # noqa: BLE001
            refused += 1
        derived += own_cpu() - start
    print(f"derive diff, {len(inputs)} derivations ({refused} refused), SymPy's cache emptied before each: "
          f"derive {derived:.2f} s, sympy.diff + sympy.latex {bare:.2f} s: {derived / bare:.1f}x (target 1.5x)")


def documents(corpora: list[Path], files: int) -> list[Path]:
    """files documents spread evenly over the corpora's sorted files (every corpus's styles, planted
    slips and all), the same ones on every run."""
    paths = sorted(p for c in corpora for p in c.glob("*") if p.suffix in (".tex", ".md", ".txt"))
    step = max(1, len(paths) / files) if paths else 1
    return [paths[int(k * step)] for k in range(min(files, len(paths)))]


def bench_check(corpora: list[Path], files: int) -> None:
    paths = documents(corpora, files)
    if not paths:
        print(f"derive check: no files under {', '.join(map(str, corpora))}")
        return
    baseline = sum(run_cpu([PYTHON, "-c", "import sympy"])[0] for _ in paths)
    costs = []
    for path in paths:
        cpu, _ = run_cpu([PYTHON, "-m", "derive.cli", "check", str(path)])
        costs.append((cpu, path.name))
    total = sum(c for c, _ in costs)
    worst = max(costs)
    names = ", ".join(sorted({p.parent.name for p in paths}))
    print(f"derive check, {len(paths)} files of {names}, one process each: derive {total:.1f} s, "
          f"python -c 'import sympy' {baseline:.1f} s: {total / baseline:.1f}x (target 2x); "
          f"slowest {worst[1]} {worst[0]:.1f} s (target 5 s)")
    check_file = HERE / "bench_check.py"
    if check_file.exists():
        cpu, code = run_cpu([PYTHON, str(check_file)])
        print(f"benchmarks/bench_check.py: {cpu:.1f} s CPU, exit {code} (target 3 s)")


def bench_startup(runs: int = 9) -> None:
    """Medians of several runs: one run's CPU varies by a tenth, and the best of three flattered."""
    def median(args: list[str]) -> float:
        return statistics.median(run_cpu(args)[0] for _ in range(runs))

    sympy_cpu = median([PYTHON, "-c", "import sympy"])
    helps = median([PYTHON, "-m", "derive.cli", "--help"])
    sigmoid = median([PYTHON, "-m", "derive.cli", "sigmoid"])
    print(f"start-up (medians of {runs}): derive --help {helps:.2f} s, derive sigmoid {sigmoid:.2f} s, "
          f"import sympy {sympy_cpu:.2f} s: sigmoid {sigmoid / sympy_cpu:.2f}x (target 1.2x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, action="append",
                        help="a folder of documents (repeatable; default: every benchmarks/corpus*)")
    parser.add_argument("--files", type=int, default=50)
    args = parser.parse_args()
    os.environ.setdefault("PYTHONHASHSEED", "0")
    # derive's modules compiled first, as a wheel install compiles them: an editable install where
    # PYTHONDONTWRITEBYTECODE is set compiles every module again in every process (60 ms a process)
    package = importlib.util.find_spec("derive").submodule_search_locations[0]  # (the derive measured)
    subprocess.run([PYTHON, "-m", "compileall", "-q", package], check=True)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    bench_startup()
    bench_diff()
    bench_check(args.corpus or sorted(HERE.glob("corpus*")), args.files)


if __name__ == "__main__":
    main()
