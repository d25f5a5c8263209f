"""derive check on a 200-line derivation file: the wall time of the command, cold, beside the target.

Target (issue 5): under 10 s. The file is made of derive's own derivations of a set of functions
(each line a step, some with a planted slip), so the lines are what papers hold. Prints figures.

    python benchmarks/bench_check.py [--lines 200]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from derive import differentiate

FUNCTIONS = ["x^2 sin(x)", "e^(2x) cos(x)", "ln(1 + x^2)", "x/(1 + x^2)", "sqrt(1 + x^2)", "tanh(x)",
             "1/(1+e^(-x))", "x e^x", "sin(x)^2", "atan(x^2)", "x^3 - 2x", "e^(-x^2)", "x ln(x)",
             "cos(x)/x", "sigmoid(x) x", "(1 + x)^5"]


def make_file(lines: int) -> str:
    blocks, count, k = [], 0, 0
    while count < lines:
        d = differentiate(FUNCTIONS[k % len(FUNCTIONS)], detail="normal")
        block = d.latex(label_prefix=f"eq:{k}-")
        if k % 5 == 4:  # now and then a wrong last step, as in real papers
            block = block.replace("\n\\end{align}", " \\\\\n&= 0\n\\end{align}")
        blocks.append(f"Derivation {k}.\n\n{block}\n")
        count += block.count("\n") + 3
        k += 1
    return "\n".join(blocks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=200)
    args = parser.parse_args()
    text = make_file(args.lines)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "paper.tex"
        path.write_text(text)
        script = Path(sys.executable).parent / "derive"
        command = [str(script)] if script.exists() else [sys.executable, "-m", "derive.cli"]
        start = time.perf_counter()
        run = subprocess.run([*command, "check", str(path)], capture_output=True, text=True)
        elapsed = time.perf_counter() - start
    summary = run.stdout.strip().splitlines()[-1] if run.stdout else run.stderr.strip()
    print(f"file: {text.count(chr(10)) + 1} lines, {text.count('&=')} links in align blocks")
    print(f"derive check: {elapsed:.2f} s wall (target < 10 s: {'ok' if elapsed < 10 else 'OVER'}), "
          f"exit {run.returncode}")
    print(f"report: {summary}")


if __name__ == "__main__":
    main()
