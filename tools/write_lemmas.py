"""Write derive/proved_lemmas.py: the lemmas the engine's rules prove, each proved once here.

    .venv/bin/python tools/write_lemmas.py

Every input of INPUTS is differentiated with the table empty; each lemma the engine proves on the way
(derive.lemmas.remember) is written with the method that proved it, under its key (derive.lemmas.key),
from which tests/test_lemmas.py rebuilds it and proves it again. Run it again after changing a rule:
a lemma no longer met costs nothing, a new one is proved at each use until it is written here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import derive.proved_lemmas
from derive import lemmas
from derive.automatic import _differentiate  # (in this process: differentiate() works in a child)

# a derivative table, as textbooks and activation-function lists give it: every rule, each function
# family inside and outside a chain, sums, products and quotients of two and three operands
FUNCTIONS = ["sin", "cos", "tan", "cot", "sec", "csc", "exp", "log", "sqrt", "asin", "acos", "atan",
             "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "erf", "sigmoid", "softplus", "abs"]
INNER = ["x", "2x", "x^2", "-x", "x^2/2", "-x^2", "3x + 1", "1/x", "x^3", "-2x", "x/2"]
INPUTS = [f"{f}({u})" for f in FUNCTIONS for u in INNER] + [
    *(f"x^{n}" for n in ("2", "3", "4", "5", "6", "7", "8", "9", "10", "(-1)", "(-2)", "(-3)", "(1/2)",
                         "(1/3)", "(2/3)", "(3/2)", "(-1/2)")),
    "1", "x", "2x", "x + 1", "x - 1", "2x + 1", "1 - x", "x^2 + 1", "1 - x^2", "x^2 - 1",
    "u v", "u/v", "u v w", "u + v", "u - v", "2u", "u/2", "-u", "1/u", "u^2", "u^3", "u v / w",
    "x sin(x)", "x cos(x)", "x e^x", "x ln(x)", "x^2 e^x", "e^x sin(x)", "sin(x) cos(x)", "x tanh(x)",
    "x sigmoid(x)", "x/(1 + x)", "(x - 1)/(x + 1)", "1/(1 + x^2)", "e^x/(1 + e^x)", "1/(1 + e^(-x))",
    "ln(1 + e^x)", "2^x", "x^x", "log(x, 2)", "log(x, 10)", "a^x", "(1 + x)^n", "x^n", "c x", "a x + b",
    "sin(x)^2", "cos(x)^2", "tan(x)^2", "e^(2x)", "e^(-x^2/2)/sqrt(2 pi)", "x/sqrt(1 + x^2)",
    "sqrt(x^2 + 1)", "(x^2 + 1)^3", "1/(x^2 + 1)^2", "ln(cos(x))", "ln(sin(x))", "e^(sin(x))",
    "x^2 ln(x)", "ln(x)/x", "sin(x)/x", "atan(1/x)", "x^3 - 2x + 5", "x^4 + x^2", "(x + 1)^2 (x - 2)^3",
]


def main() -> None:
    found: dict[str, str] = {}
    derive.proved_lemmas.LEMMAS = {}  # everything proved from scratch
    remember = lemmas.remember

    def noted(a, b, method):
        remember(a, b, method)
        name = lemmas.key(a, b)
        if name is not None:
            found.setdefault(name, method)

    lemmas.remember = noted
    for source in INPUTS:
        try:
            _differentiate(source, "x" if "x" in source else "u", 1, None, (), "normal", "auto", ())
        except Exception as error:  # noqa: BLE001 - an input derive cannot do adds no lemma
            print(f"skipped {source!r}: {error}", file=sys.stderr)
    lines = [f"    {name!r}: {entry!r}," for name, entry in sorted(found.items())]
    target = Path(derive.proved_lemmas.__file__)
    written = target.with_suffix(".tmp")
    written.write_text(HEADER + "LEMMAS = {\n" + "\n".join(lines) + "\n}\n")
    written.replace(target)  # (whole or not at all)
    print(f"{len(found)} lemmas written to {target}")


HEADER = '''"""The lemmas derive's rules use, proved when this file was written (tools/write_lemmas.py; do not edit).

key (derive.lemmas.key: the equality with its symbols renamed) -> the method that proved it;
tests/test_lemmas.py rebuilds every one from its key and proves it again.
"""

'''

if __name__ == "__main__":
    main()
