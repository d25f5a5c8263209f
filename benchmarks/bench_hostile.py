"""derive check on documents built to be slow: every scan over a document must be linear.

Targets (issue 15): a 42 KB file of repeated "In line (1) we apply" under a second; 200 KB of
unclosed \\[ in a few seconds; 40 definitions that build on each other bounded by the node limit,
not by the timeout. Prints wall-clock seconds (derive.check may run its work in a worker process).

    python benchmarks/bench_hostile.py
"""

import time
from derive import check
from derive.errors import DeriveError
cases = {
 "claims 42KB": "In line (1) we apply " * 2000,
 "unclosed \\[ 200KB": "\\[ x " * 40000,
 "unclosed $$ 200KB": "$$ x " * 40000,
 "rows 2000": "\\begin{align}\n" + "x^2 &= x x \\\\\n" * 2000 + "\\end{align}\n",
 "defs 40": "".join(f"$$y_{{{i}}} = y_{{{i-1}}}^2 + y_{{{i-1}}}$$\n" if i else "$$y_{0} = x^2 + 1$$\n" for i in range(40)) + "$$\\frac{d y_{39}}{dx} = 1$$\n",
 "inline 100KB": "$a$ " * 25000,
}
for name, text in cases.items():
    t = time.perf_counter()
    try:
        said = check(text).verdict()
    except DeriveError as exc:  # a limit, said in one line, is a fine answer to a hostile document
        said = f"{type(exc).__name__}: {exc}"
    print(f"{name:22} {time.perf_counter() - t:6.2f} s  {said[:70]}")
