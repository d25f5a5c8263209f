"""From derivation to code: f and f' as Python functions, with math or with NumPy.

When the derivative was written in terms of a function (σ, tanh …), the code says so too:
    def sigmoid_grad(x):
        s = sigmoid(x)
        return s * (1 - s)
derive's own functions (σ, softplus) and the user's definitions come along as small helpers.
"""

from __future__ import annotations

from sympy import Dummy, Expr, Indexed, Sum, Symbol, erf
from sympy.core.function import AppliedUndef
from sympy.printing.numpy import NumPyPrinter
from sympy.printing.pycode import PythonCodePrinter

from derive.errors import DeriveError
from derive.exprs import preorder, rebuild, tidy
from derive.functions import NamedFunction, softmax

FLAVOURS = ("python", "numpy")
_SHORT = {"sigmoid": "s", "tanh": "t", "softplus": "sp", "exp": "ex"}


class _Named:
    """Prints derive's named functions as calls of the helpers emitted beside them."""

    def _print_NamedFunction(self, expr):
        return f"{type(expr).__name__}({self._print(expr.args[0])})"

    _print_sigmoid = _print_softplus = _print_NamedFunction


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


class _Python(_Data, _Named, PythonCodePrinter):
    _numpy = False

    def __init__(self) -> None:
        super().__init__({"fully_qualified_modules": True})

    def _print_Function(self, expr):  # a user's g(x), a subclass of NamedFunction
        if isinstance(expr, NamedFunction):
            return self._print_NamedFunction(expr)
        return super()._print_Function(expr)


class _NumPy(_Data, _Named, NumPyPrinter):
    _numpy = True

    def __init__(self) -> None:
        super().__init__({"fully_qualified_modules": True})

    def _print_erf(self, expr):  # NumPy has none: the helper vectorizes math.erf
        return f"erf({self._print(expr.args[0])})"

    def _print_Function(self, expr):
        if isinstance(expr, NamedFunction):
            return self._print_NamedFunction(expr)
        return super()._print_Function(expr)


def _printer(flavour: str):
    if flavour not in FLAVOURS:
        raise ValueError(f"code comes as {', '.join(FLAVOURS)}, not {flavour!r}")
    return _Python() if flavour == "python" else _NumPy()


def _helpers(exprs: list[Expr], flavour: str) -> list[str]:
    """def lines for each named function the expressions use (and those their bodies use)."""
    printer = _printer(flavour)
    out, seen = [], set()
    pending = [n for e in exprs for n in preorder(e) if isinstance(n, NamedFunction)]
    while pending:
        node = pending.pop()
        name = type(node).__name__
        if name in seen:
            continue
        seen.add(name)
        u = Symbol("u", real=True)
        body = tidy(node.body_at(u))
        pending.extend(n for n in preorder(body) if isinstance(n, NamedFunction))
        out.append(f"def {name}(u):\n    return {printer.doprint(body)}\n")
    if flavour == "numpy" and any(isinstance(n, erf) for e in exprs for n in preorder(e)):
        out.append("erf = numpy.vectorize(math.erf)\n")
    return out


def _counted(expr: Expr) -> Expr:
    """The count n a sum over data runs to, as the length of its array where n stands outside the sum
    (Σ_i (w x_i − y_i)²/(2n)): the code has no n of its own."""
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


def function_code(f: Expr, derivative: Expr, x: Symbol, name: str = "f", flavour: str = "python",
                  in_terms_of: Expr | None = None) -> str:
    """A module with name(x) and name_grad(x); the derivative keeps its written terms of the target."""
    for e in (f, derivative):
        unknown = [n for n in preorder(e) if isinstance(n, AppliedUndef) and not isinstance(n, NamedFunction)]
        if unknown:
            raise DeriveError(f"cannot write code for the unknown function {type(unknown[0]).__name__}")
    free = _free_indices(derivative)
    if free:  # s_i(δ_ij − s_j): an array over i and j, in the softmax's terms only
        letters = sorted({c for name in free for c in name.partition("_")[2]})
        outside = derivative.replace(lambda e: isinstance(e, softmax), lambda e: Dummy())  # (s_i holds Σ_k e^{z_k})
        if outside.has(Sum) or not 1 <= len(letters) <= 2:
            raise DeriveError(f"cannot write code for a result over the free index {free[0]} unless it is in "
                              "the softmax's terms (--in-terms-of softmax) over one or two indices")
        return indexed_code([(f"{name}_grad", letters, derivative)], flavour)
    printer = _printer(flavour)
    grad = tidy(derivative)
    lines = []
    if in_terms_of is not None and grad.has(in_terms_of):
        short = _SHORT.get(type(in_terms_of).__name__, f"{type(in_terms_of).__name__}_{x}")  # g_x = g(x)
        s = Symbol(short, real=True)
        lines.append(f"    {short} = {printer.doprint(in_terms_of)}")
        grad = rebuild(grad, lambda node: s if node == in_terms_of else None)
    if isinstance(f, NamedFunction) and type(f).__name__ == name:  # sigmoid(x) defined by its closed form
        f = f.body_at(f.args[0])
    f_value = tidy(f)
    called = {type(n).__name__ for e in (f_value, grad) for n in preorder(e) if isinstance(n, NamedFunction)}
    if name in called:  # x f(x) with the user's f: the expression's own function needs another name
        name = "expression"
    imports = ["import math"] + (["import numpy"] if flavour == "numpy" else [])
    helpers = [h for h in _helpers([f_value, grad, *([in_terms_of] if in_terms_of is not None else [])], flavour)
               if not h.startswith(f"def {name}(")]  # the function itself is defined below
    arg = printer.doprint(x)
    if any(e.has(Sum) for e in (f_value, grad)):  # the data and the other parameters are arguments too
        f_value, grad = (_counted(e) for e in (f_value, grad))
        others = sorted({str(t.base.label) for e in (f_value, grad) for t in e.atoms(Indexed)}
                        | {printer.doprint(s) for e in (f_value, grad) for s in e.free_symbols
                           if isinstance(s, Symbol) and s != x and not _bound(s, f_value, grad)
                           and not s.name.startswith("len(")})
        arg = ", ".join([arg, *others])
    body = [
        "\n".join(imports), "", "",
        *(h + "\n" for h in helpers),
        f"def {name}({arg}):",
        f"    return {printer.doprint(f_value)}",
        "", "",
        f"def {name}_grad({arg}):",
        f'    """d/d{printer.doprint(x)} {name}({arg}), as derive derived it."""',
        *lines,
        f"    return {printer.doprint(grad)}",
        "",
    ]
    return "\n".join(body)


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
    out = ["import math"] + (["import numpy"] if numpy else []) + ["", "", "def softmax(z):", doc]
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
    return "\n".join(out) + "\n"


def text_of(expr: Expr) -> str:
    from derive.render.printer import text

    return text(expr)
