"""CPU cost of the derive command against a bare `import sympy`, measured side by side in one run.

Targets (issue 2): `derive sigmoid` at most 1.35x the CPU of `python -c "import sympy"`;
`derive --help` at most 0.35x. Prints figures; asserts nothing (timing belongs here, not in tests).

    python benchmarks/bench_cli.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
from pathlib import Path


def cpu_seconds(cmd: list[str]) -> float:
    """User + system CPU of one run of cmd (and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs

    script = Path(sys.executable).parent / "derive"
    derive = [str(script)] if script.exists() else [shutil.which("derive") or "derive"]
    commands = {
        "import sympy": [sys.executable, "-c", "import sympy"],
        "derive sigmoid": [*derive, "sigmoid"],
        "derive --help": [*derive, "--help"],
    }
    targets = {"derive sigmoid": 1.35, "derive --help": 0.35}

    for cmd in commands.values():  # warm the file cache once
        cpu_seconds(cmd)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):  # interleaved, so that drift in the machine's load hits all alike
        for name, cmd in commands.items():
            samples[name].append(cpu_seconds(cmd))

    base = statistics.median(samples["import sympy"])
    print(f"CPU seconds, median of {runs} runs (python {sys.version.split()[0]}, {os.cpu_count()} cores)")
    print(f"{'command':<16} {'median s':>9} {'ratio':>7} {'target':>8}  verdict")
    for name, values in samples.items():
        median = statistics.median(values)
        ratio = median / base
        target = targets.get(name)
        verdict = "" if target is None else ("ok" if ratio <= target else "OVER")
        shown = f"<= {target:.2f}" if target else "1.00"
        print(f"{name:<16} {median:>9.3f} {ratio:>7.2f} {shown:>8}  {verdict}")


if __name__ == "__main__":
    main()
