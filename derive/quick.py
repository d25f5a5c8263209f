"""The derivative of what a user typed, read safely: the first cut of `derive diff`.

The step-by-step engine for any elementary expression comes with `derive diff`'s own issue; until
then the result is SymPy's derivative of the expression read, printed as written.
"""

from __future__ import annotations

import json

from sympy import Derivative, Expr, Symbol, diff

from derive.errors import ParseError
from derive.parse import parse
from derive.render.printer import latex, text


def choose_variable(expr: Expr, wrt: str | None) -> Symbol:
    """The variable to differentiate by: the one given, the only one there is, or x for a constant."""
    if wrt is not None:
        from derive.parse.plain import parse_plain

        try:
            chosen = parse_plain(wrt)
        except ParseError:
            chosen = None
        if not isinstance(chosen, Symbol):
            raise ParseError(f"--wrt takes a variable name such as x or t, not {wrt!r}", wrt, 0)
        return chosen
    symbols = sorted(expr.free_symbols, key=lambda s: s.name)
    if len(symbols) > 1:
        names = ", ".join(s.name for s in symbols)
        raise ParseError(f"the expression has several variables ({names}): choose one with --wrt")
    return symbols[0] if symbols else Symbol("x", real=True)


def derivative_report(source: str, reader: str = "auto", wrt: str | None = None,
                      fmt: str = "latex") -> str:
    expr = parse(source, reader, variable=wrt or "x")
    x = choose_variable(expr, wrt)
    result = diff(expr.doit(), x)
    start = Derivative(expr, x)
    if fmt == "json":
        data = {"input": source, "variable": x.name, "expression": latex(expr),
                "derivative": latex(result), "derivative_text": text(result)}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt == "text":
        return f"{text(start)} = {text(result)}\n"
    line = f"{latex(start)} = {latex(result)}"
    return f"$$\n{line}\n$$\n" if fmt == "markdown" else f"\\begin{{equation*}}\n{line}\n\\end{{equation*}}\n"
