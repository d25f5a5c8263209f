"""A function the user or the document defines: 'g(x) = x^2 + 1', 'g(α) := …', '\\operatorname{relu}(t) = …'.

Read here, with the readers, so that the command line (--define) and derive check read definitions
the same way; the parameter is named as the readers name it (α, alpha and \\alpha are one symbol).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sympy.core.function import AppliedUndef

from derive.errors import ParseError
from derive.exprs import preorder
from derive.functions import DefinedFunction, define
from derive.parse import parse
from derive.parse.build import FUNCTIONS
from derive.parse.names import make, spelled


@dataclass(frozen=True)
class Definition:
    name: str
    function: type[DefinedFunction]


_DEFINITION = re.compile(r"^\s*\\?([A-Za-z][A-Za-z0-9_]*)\s*\(\s*([^()=]+?)\s*\)\s*:?=(.*)$", re.DOTALL)


def parse_definition(source: str, known: dict[str, type] | None = None, reader: str = "auto") -> Definition:
    """'g(x) = x^2 + 1' (or with :=, or a LaTeX body) as a function derive can use by name."""
    m = _DEFINITION.match(source)
    if m is None:
        raise ParseError("a definition reads like g(x) = x^2 + 1", source, 0)
    name, parameter, body_text = m.group(1), m.group(2), m.group(3)
    if name in FUNCTIONS or name in ("e", "E", "pi"):
        raise ParseError(f"{name!r} is already a function derive knows; choose another name", source, 0)
    if _taken(name):
        raise ParseError(f"{name!r} is a name Python or SymPy uses; choose another name for your function",
                         source, 0)
    var = spelled(parameter)
    if var is None or var in ("e", "pi"):
        raise ParseError(f"the parameter of {name} must be one variable (x, t, alpha, theta_0), not "
                         f"{parameter!r}", source, m.start(2))
    body = parse(body_text, reader, variable=var, functions=known)
    if any(isinstance(n, AppliedUndef) and n.func.__name__ == name for n in preorder(body)):
        raise ParseError(f"the definition of {name} refers to {name} itself", source, 0)
    return Definition(name, define(name, make(var), body))


def _taken(name: str) -> bool:
    """Names a defined function must not take: Python's keywords and builtins, the modules generated
    code imports, and SymPy's classes and printed names (a function class named Symbol or Pow
    confuses SymPy's printers, which dispatch on the class name). N(t), S(t), V(r) stay free."""
    import builtins
    import keyword

    import sympy

    from sympy.printing.latex import LatexPrinter
    from sympy.printing.pycode import PythonCodePrinter

    return (keyword.iskeyword(name) or hasattr(builtins, name) or name in ("math", "numpy", "np", "sympy")
            or isinstance(getattr(sympy, name, None), type)
            or any(hasattr(p, f"_print_{name}") for p in (LatexPrinter, PythonCodePrinter)))


_MEMBER_DEFINITION = re.compile(r"^\s*([A-Za-z])_\{?([a-z])\}?\s*:?=(.*)$", re.DOTALL)


def parse_family_definition(source: str, reader: str = "auto"):
    """'s_i = e^{z_i}/sum(e^(z_k), k, 1, K)': a family s defined at its index i, as (s, i, body), or None
    when source is no such definition."""
    from sympy import Symbol

    m = _MEMBER_DEFINITION.match(source)
    if m is None:
        return None
    letter, index, body_text = m.group(1), m.group(2), m.group(3)
    body = parse(body_text, reader)
    if not any(s.name.endswith("_" + index) for s in body.free_symbols if isinstance(s, Symbol)):
        raise ParseError(f"the definition of {letter}_{index} does not use its index {index}", source, 0)
    return letter, Symbol(index, real=True), body
