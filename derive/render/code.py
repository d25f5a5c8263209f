"""From derivation to code: f and f' as Python functions, with math or with NumPy.

When the derivative was written in terms of a function (σ, tanh …), the code says so too:
    def sigmoid_grad(x):
        s = sigmoid(x)
        return s * (1 - s)
derive's own functions (σ, softplus) and the user's definitions come along as small helpers.

The code stays finite where the textbook forms overflow (e^{1000} is inf, inf/inf is nan): σ, softplus,
sech and csch are helpers that take exp of −|u| only, the closed forms of σ and softplus are called by
name, and log σ(u) is written −softplus(−u) (derive/render/stable.py holds those forms).
"""

from __future__ import annotations

import ast
import keyword
import math

from sympy import (Dummy, Expr, Indexed, Sum, Symbol, tanh)
from sympy.core.function import AppliedUndef
from sympy.printing.codeprinter import PrintMethodNotImplementedError
from sympy.printing.numpy import NumPyPrinter
from sympy.printing.pycode import PythonCodePrinter

from derive.errors import DeriveError
from derive.exprs import preorder, rebuild, tidy
from derive.functions import DefinedFunction, NamedFunction, softmax
from derive.render.stable import LIBRARY, library, stable

FLAVOURS = ("python", "numpy")
_SHORT = {"sigmoid": "s", "tanh": "t", "softplus": "sp", "exp": "ex"}
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


# --- printers ---------------------------------------------------------------------------------------

class _Common:
    """Both flavours: derive's named functions, sech and csch as calls of the helpers emitted beside them
    (SymPy writes them with e^{±x}, which overflow), coth as 1/tanh for the same reason."""

    def _print_NamedFunction(self, expr):
        return f"{type(expr).__name__}({self._print(expr.args[0])})"

    _print_sigmoid = _print_softplus = _print_NamedFunction

    def _print_sech(self, expr):
        return f"sech({self._print(expr.args[0])})"

    def _print_csch(self, expr):
        return f"csch({self._print(expr.args[0])})"

    def _print_coth(self, expr):
        return f"(1/{self._print(tanh(expr.args[0]))})"

    def _print_Function(self, expr):  # a user's g(x), a subclass of NamedFunction
        if isinstance(expr, NamedFunction):
            return self._print_NamedFunction(expr)
        return super()._print_Function(expr)


class _Data:
    """A sum over the terms of data, Σ_{i=1}^{n} (w x_i − y_i)², as code over arrays x and y (0-based,
    as long as the data): with NumPy numpy.sum((w*x - y)**2), in plain Python a generator over i."""

    def _print_Sum(self, expr):
        i, low, high = expr.limits[0]
        terms = [t for t in expr.function.atoms(Indexed) if i in t.indices]
        # over all the data: from 1 to a count (n, or every index), each term x[i] of one index
        over_data = (len(expr.limits) == 1 and low == 1 and high.is_Symbol and terms
                     and all(t.indices == (i,) for t in terms)
                     and i not in expr.function.xreplace({t: Dummy() for t in terms}).free_symbols)
        if not over_data:  # (Σ_i i·x_i: the code's i would run from 0)
            raise DeriveError(f"cannot write code for the sum {expr}: derive writes sums over data, each "
                              "term x_i, i = 1 … n, with i nowhere else")
        array = str(terms[0].base.label)
        if self._numpy:
            vectorised = expr.function.xreplace({t: Symbol(str(t.base.label)) for t in terms})
            return f"numpy.sum({self._print(vectorised)})"
        return f"sum({self._print(expr.function)} for {self._print(i)} in range(len({array})))"

    def _print_Indexed(self, expr):
        return f"{expr.base.label}[{', '.join(self._print(i) for i in expr.indices)}]"


class _Python(_Data, _Common, PythonCodePrinter):
    _numpy = False

    def __init__(self) -> None:
        super().__init__({"fully_qualified_modules": True})
        self.vectorized: set[str] = set()

    def _print_Abs(self, expr):  # not the builtin: a function named abs may be the module's own
        return f"math.fabs({self._print(expr.args[0])})"

    def _print_Piecewise(self, expr):
        """Cases, nan where none holds (ReLU' at 0), as NumPy's select gives: SymPy's None made
        2*max(0, x)*(… else None) a TypeError at 0."""
        printed = super()._print_Piecewise(expr)
        return printed[:-len("else None)")] + "else math.nan)" if printed.endswith("else None)") else printed


class _NumPy(_Data, _Common, NumPyPrinter):
    _numpy = True

    def __init__(self) -> None:
        super().__init__({"fully_qualified_modules": True})
        self.vectorized: set[str] = set()  # math's functions NumPy lacks (erf, erfc, gamma)

    def _module_format(self, fqn, register=True):
        module, _, function = fqn.partition(".")
        if module == "math" and callable(getattr(math, function, None)):  # math.erf takes no arrays
            self.vectorized.add(function)
            return function
        return super()._module_format(fqn, register)

    def _print_Abs(self, expr):
        return f"numpy.abs({self._print(expr.args[0])})"

    def _print_Heaviside(self, expr):  # H(0) as SymPy has it, ½ unless given
        return f"numpy.heaviside({self._print(expr.args[0])}, {self._print(expr.args[1])})"

    def _print_Max(self, expr):  # (SymPy writes functools.reduce, an import more)
        return self._nested("numpy.maximum", expr.args)

    def _print_Min(self, expr):
        return self._nested("numpy.minimum", expr.args)

    def _nested(self, function: str, args) -> str:
        out = self._print(args[0])
        for a in args[1:]:
            out = f"{function}({out}, {self._print(a)})"
        return out


def _printer(flavour: str):
    if flavour not in FLAVOURS:
        raise ValueError(f"code comes as {', '.join(FLAVOURS)}, not {flavour!r}")
    return _Python() if flavour == "python" else _NumPy()


def _doprint(printer, expr: Expr) -> str:
    try:
        return printer.doprint(expr)
    except PrintMethodNotImplementedError:
        unsupported = sorted({type(n).__name__ for n in preorder(expr) if not printer._can_print(type(n).__name__)})
        raise DeriveError(f"cannot write code for {', '.join(unsupported) or expr}") from None


# --- helpers: the stable functions, and the user's ------------------------------------------------

def _library(printer, name: str, arg: str = "u") -> str | None:
    """The def of one stable helper (or NumPy's stand-in for a function of math's), None if none."""
    return library(printer._numpy, printer.vectorized, name, arg)


def _defined(printer, exprs: list[Expr]) -> dict[str, str]:
    """The defs of the user's functions (g(x) = …) the expressions use, and of those their bodies use."""
    out: dict[str, str] = {}
    pending = [n for e in exprs for n in preorder(e) if isinstance(n, NamedFunction)]
    while pending:
        node = pending.pop()
        name = type(node).__name__
        if name in out or _library(printer, name):
            continue
        body = stable(node.body_at(Symbol("u", real=True)))
        pending.extend(n for n in preorder(body) if isinstance(n, NamedFunction))
        out[name] = f"def {name}(u):\n    return {_doprint(printer, body)}\n"
    return out


def _names(source: str) -> set[str]:
    """Every name the code reads (calls, arguments, modules)."""
    return {n.id for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Name)}


def _helpers(printer, exprs: list[Expr], called: set[str]) -> dict[str, str]:
    """The defs of the helpers called, and of those they call, by name: the stable library, then the user's."""
    helpers = {n: _library(printer, n) for n in [*LIBRARY["python"], *sorted(printer.vectorized)]}
    candidates = {**{n: s for n, s in helpers.items() if s}, **_defined(printer, exprs)}
    needed, frontier = set(), set(called)
    while frontier:
        name = frontier.pop()
        if name in candidates and name not in needed:
            needed.add(name)
            frontier |= _names(candidates[name])
    return {n: s for n, s in candidates.items() if n in needed}


def _imports(code: str) -> list[str]:
    """An import for each module the code uses, and no other."""
    used = _names(code)
    return [f"import {m}" for m in ("functools", "math", "numpy") if m in used]


def _module(defs: list[str]) -> str:
    """The imports the defs need, then the defs, two blank lines apart."""
    body = "\n\n".join(d.rstrip("\n") + "\n" for d in defs)
    imports = _imports(body)
    return ("\n".join(imports) + "\n\n\n" if imports else "") + body


# --- f and f' ---------------------------------------------------------------------------------------

def _counted(expr: Expr) -> Expr:
    """The count n a sum over data runs to, as the length of its array where n stands outside the sum
    (Σ_i (w x_i − y_i)²/(2n)): the code has no n of its own."""
    if not expr.has(Sum):
        return expr
    counts = {}
    for node in preorder(expr):
        if isinstance(node, Sum) and node.limits[0][2].is_Symbol:
            terms = [t for t in node.function.atoms(Indexed) if node.limits[0][0] in t.indices]
            if terms:
                counts.setdefault(node.limits[0][2], Symbol(f"len({terms[0].base.label})"))
    hidden = {s: Dummy() for s in expr.atoms(Sum)}
    return expr.xreplace(hidden).xreplace(counts).xreplace({d: s for s, d in hidden.items()})


def _bound(s: Symbol, *exprs: Expr) -> bool:
    """s is a sum's index or bound, or the letter of its terms: no argument of the function."""
    for e in exprs:
        for node in preorder(e):
            if isinstance(node, Sum) and any(s == v or s in (lo.free_symbols | hi.free_symbols)
                                             for v, lo, hi in node.limits):
                return True
            if isinstance(node, Indexed) and s in (node.base.label, *node.indices):
                return True
    return False


def _free_indices(*exprs: Expr) -> list[str]:
    """Members z_i, δ_ij left free in a result: an array over i, which f(x) code is not."""
    from derive.indexing import member

    return sorted({s.name for e in exprs for s in e.free_symbols if isinstance(s, Symbol)
                   and (m := member(s.name)) and not m[1].isdigit()})


def _function_name(f: Expr, name: str) -> str:
    """SymPy's class names are not Python's: Abs(x) gives abs, Heaviside heaviside; a user's G stays G."""
    if not isinstance(f, NamedFunction) and type(f).__name__ == name:
        name = name.lower()
    return name if name.isidentifier() and not keyword.iskeyword(name) else "f"


def _grad_name(name: str, order: int) -> str:
    return f"{name}_grad" if order == 1 else f"{name}_grad{order}"


def _docstring(name: str, x: str, arg: str, order: int) -> str:
    """d/dx f(x), d²/dx² f(x) … d^12/dx^12 f(x); ∂ where the function has other arguments."""
    d = "∂" if "," in arg else "d"
    power = "" if order == 1 else str(order).translate(_SUPERSCRIPT) if order < 10 else f"^{order}"
    return f'    """{d}{power}/{d}{x}{power} {name}({arg}), as derive derived it."""'


def _def(name: str, arg: str, lines: list[str]) -> str:
    return "\n".join([f"def {name}({arg}):", *lines]) + "\n"


def function_code(f: Expr, derivative: Expr, x: Symbol, name: str = "f", flavour: str = "python",
                  in_terms_of: Expr | None = None, order: int = 1) -> str:
    """A module with name(x) and name_grad(x) (name_grad2(x) for the second derivative, …); the derivative
    keeps its written terms of the target."""
    for e in (f, derivative):
        unknown = [n for n in preorder(e) if isinstance(n, AppliedUndef) and not isinstance(n, NamedFunction)]
        if unknown:
            raise DeriveError(f"cannot write code for the unknown function {type(unknown[0]).__name__}")
    name = _function_name(f, name)
    f, derivative = _inlined(f), _inlined(derivative)
    in_terms_of = in_terms_of if in_terms_of is None else _inlined(in_terms_of)
    free = _free_indices(derivative)
    if free:  # s_i(δ_ij − s_j): an array over i and j, in the softmax's terms only
        letters = sorted({c for name in free for c in name.partition("_")[2]})
        outside = derivative.replace(lambda e: isinstance(e, softmax), lambda e: Dummy())  # (s_i holds Σ_k e^{z_k})
        if outside.has(Sum) or not 1 <= len(letters) <= 2:
            raise DeriveError(f"cannot write code for a result over the free index {free[0]} unless it is in "
                              "the softmax's terms (--in-terms-of softmax) over one or two indices")
        return indexed_code([(_grad_name(name, order), letters, derivative)], flavour)
    printer = _printer(flavour)
    is_f = isinstance(f, NamedFunction) and type(f).__name__ == name and f.args == (x,)
    if is_f:  # sigmoid(x), or the user's g(x): defined by its closed form, called by the derivative
        f = f.body_at(x)
    f_value, grad = stable(f), tidy(derivative)
    arg = _arguments(printer, x, f_value, grad)
    grad, lines = _steered(printer, grad, in_terms_of, x)
    f_value, grad = _counted(f_value), _counted(stable(grad))
    value = _doprint(printer, f_value)
    body = [*lines, f"    return {_doprint(printer, grad)}"]
    called = _names(_def("f", arg, [f"    return {value}"]) + _def("g", arg, body))
    helpers = _helpers(printer, [f_value, grad, *([stable(in_terms_of)] if lines else [])], called)
    main = _library(printer, name, arg) if value == f"{name}({arg})" else None  # the stable σ is the function
    if main or is_f:
        helpers.pop(name, None)
    elif name in _names("".join(helpers.values())) | called | {"math", "numpy"}:
        name = "expression"  # x f(x) with the user's f: the expression's own function needs another name
    main = main or _def(name, arg, [f"    return {value}"])
    docstring = _docstring(name, _doprint(printer, x), arg, order)
    return _module([*helpers.values(), main, _def(_grad_name(name, order), arg, [docstring, *body])])


def _inlined(expr: Expr) -> Expr:
    """The user's functions with parameters of their own (h(x) = θx) written out: a helper h(u) would not
    see θ, an argument of f and f_grad only."""
    def has_parameters(e):
        return isinstance(e, DefinedFunction) and bool(e.body.free_symbols - {e.variable})

    return expr.replace(has_parameters, lambda e: _inlined(e.body_at(e.args[0])))


def _steered(printer, grad: Expr, in_terms_of: Expr | None, x: Symbol) -> tuple[Expr, list[str]]:
    """The derivative in the target's terms as the paper writes it, s = sigmoid(x); return s*(1 - s)."""
    if in_terms_of is None or not grad.has(in_terms_of):
        return grad, []
    short = _SHORT.get(type(in_terms_of).__name__, f"{type(in_terms_of).__name__}_{x}")  # g_x = g(x)
    s = Symbol(short, real=True)
    line = f"    {short} = {_doprint(printer, stable(in_terms_of))}"
    return rebuild(grad, lambda node: s if node == in_terms_of else None), [line]


def _arguments(printer, x: Symbol, f: Expr, derivative: Expr) -> str:
    """x, then the other parameters (a, b of a x² + b x: the code has them nowhere else), and where a sum
    runs over data, the data (x, y of Σ_i (w x_i − y_i)²)."""
    data = {str(t.base.label) for e in (f, derivative) for t in e.atoms(Indexed)}
    others = {_doprint(printer, s) for e in (f, derivative) for s in e.free_symbols
              if isinstance(s, Symbol) and s != x and not _bound(s, f, derivative)}
    return ", ".join([_doprint(printer, x), *sorted(data | others)])


# --- indexed results: s_i(δ_ij − s_j) as an array over i and j -------------------------------------

class _Indexed(PythonCodePrinter):
    """One entry of an indexed result, in plain Python (z[i], s[i], (1 if i == j else 0)), or, with
    NumPy, as arrays that broadcast over the free indices (s[:, None], numpy.eye(K))."""

    def __init__(self, letters: list[str], numpy: bool) -> None:
        super().__init__({"fully_qualified_modules": True, "order": "none"})
        self.letters, self.numpy = letters, numpy

    def _entry(self, name: str, index: str) -> str:
        if not self.numpy:
            return f"{name}[{index}]"
        if len(self.letters) == 1:
            return name
        return name + "[" + ", ".join(":" if letter == index else "None" for letter in self.letters) + "]"

    def _print_Symbol(self, expr):
        base, _, sub = expr.name.partition("_")
        if base == "delta" and len(sub) == 2 and set(sub) <= set(self.letters):
            if not self.numpy:
                return f"(1 if {sub[0]} == {sub[1]} else 0)"
            return "numpy.eye(K)" if sub[0] != sub[1] else "1"  # (symmetric: δ_ji is δ_ij)
        if base in _ARRAYS and sub in self.letters:
            return self._entry(base, sub)
        raise DeriveError(f"cannot write code for {expr.name}: only z, y, s and δ over the free indices")

    def _print_softmax(self, expr):
        return self._entry("s", expr.index())


_ARRAYS = ("z", "y", "s")  # the scores, the targets, the softmax


def indexed_code(definitions: list[tuple[str, list[str], Expr]], flavour: str = "numpy") -> str:
    """softmax(z), and for each (name, free index letters, result) a function of the scores z (and
    the targets y) that returns the result at every index: lists (of lists) in plain Python, arrays
    that broadcast with NumPy."""
    if flavour not in FLAVOURS:
        raise ValueError(f"code comes as {', '.join(FLAVOURS)}, not {flavour!r}")
    numpy = flavour == "numpy"
    doc = '    """s_i = e^{z_i} / Σ_k e^{z_k}, computed without overflow."""'
    out = ["def softmax(z):", doc]
    out += (["    e = numpy.exp(z - numpy.max(z))", "    return e / e.sum()"] if numpy else
            ["    top = max(z)", "    e = [math.exp(v - top) for v in z]", "    total = sum(e)",
             "    return [v / total for v in e]"])
    for name, letters, result in definitions:
        if not 1 <= len(letters) <= 2:
            raise DeriveError("code is written for results over one or two indices")
        entry = _Indexed(letters, numpy).doprint(result)
        arguments = "z, y" if any(s.name.startswith("y_") for s in result.free_symbols) else "z"
        out += ["", "", f"def {name}({arguments}):",
                f'    """The entry at {", ".join(letters)}: {text_of(result)}, as derive derived it."""', "    s = softmax(z)"]
        if numpy:  # (+ zeros: an entry free of an index still fills its axis)
            shape = ", ".join(["len(z)"] * len(letters))
            out += ["    K = len(z)", f"    return {entry} + numpy.zeros(({shape},))"]
        else:  # a list over the first letter, of lists over the second
            for letter in reversed(letters):
                entry = f"[{entry} for {letter} in range(len(z))]"
            out.append(f"    return {entry}")
    body = "\n".join(out) + "\n"
    return "\n".join([*_imports(body), "", "", body])


def text_of(expr: Expr) -> str:
    from derive.render.printer import text

    return text(expr)
