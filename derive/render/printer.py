"""LaTeX as a paper writes it: factors and terms in written order, pending derivatives as primes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sympy import (Add, Derivative, Expr, Float, Function, Indexed, Integer, Mul, Number, Pow, Product, S, Sum, Symbol,
                   exp, log)
from sympy.core.function import AppliedUndef
from sympy.printing.latex import LatexPrinter
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.str import StrPrinter

from derive.exprs import ALL_TERMS, first_order
from derive.functions import NamedFunction, sigmoid
from derive.indexing import partial

# set while a derivation prints: every derivative in it is partial (∂) or none is, line after line;
# None: each derivative says for itself
_PARTIAL: ContextVar[bool | None] = ContextVar("partial", default=None)


@contextmanager
def partial_derivatives(on: bool) -> Iterator[None]:
    """Print every derivative as ∂ (on) or as d and primes (off) inside the block."""
    token = _PARTIAL.set(on)
    try:
        yield
    finally:
        _PARTIAL.reset(token)


# how the natural logarithm is written while a document prints: "log" or "ln" (the input's own word)
_LOG: ContextVar[str] = ContextVar("log", default="log")
LOG_NAMES = ("log", "ln")


@contextmanager
def log_written_as(name: str) -> Iterator[None]:
    """Print the natural logarithm as \\log or \\ln (and log or ln in text) inside the block."""
    if name not in LOG_NAMES:
        raise ValueError(f"the logarithm is written {' or '.join(LOG_NAMES)}, not {name!r}")
    token = _LOG.set(name)
    try:
        yield
    finally:
        _LOG.reset(token)


def log_name_of(source: str) -> str:
    """ln when the input writes the natural logarithm so (ln(x), \\ln x), or writes a logarithm to a
    base (log(x, 2), \\log_2 x), beside which a bare log would be ambiguous; else log."""
    if re.search(r"(?<![A-Za-z])ln(?![A-Za-z])|\\log_", source):
        return "ln"
    for match in re.finditer(r"(?<![A-Za-z])log\s*\(", source):  # log(x, 2): a comma inside its brackets
        depth = 1
        for c in source[match.end():]:
            depth += {"(": 1, ")": -1}.get(c, 0)
            if depth == 0:
                break
            if c == "," and depth == 1:
                return "ln"
    return "log"


# names that derive's readers (parse/build.py) apply to a bracket after them: σ(x), f(x), g(x), h(x)
READ_AS_FUNCTIONS = ("sigma", "σ", "f", "g", "h")


def _is_partial(derivative: Derivative) -> bool:
    mode = _PARTIAL.get()
    return partial(derivative) if mode is None else mode


def _index_text(indices, printed) -> str:
    """kj for δ_{kj}, 1,2 for w_{1,2}: letters and digits run together where each is one character."""
    texts = [printed(i) for i in indices]
    return "".join(texts) if all(len(t) == 1 for t in texts) else ",".join(texts)


def _negated(term: Expr) -> Expr | None:
    """−term as written when term carries a leading minus, else None."""
    if isinstance(term, Mul) and term.args and term.args[0] == S.NegativeOne:
        rest = term.args[1:]
        return rest[0] if len(rest) == 1 else Mul(*rest, evaluate=False)
    if isinstance(term, Mul) and isinstance(term.args[0], Number) and term.args[0] < 0:
        return Mul(-term.args[0], *term.args[1:], evaluate=False)
    if isinstance(term, Number) and term < 0:
        return -term
    return None


def _is_denominator(factor: Expr) -> bool:
    """x^{-2}, x^{-1/2}: written below the fraction bar."""
    return isinstance(factor, Pow) and factor.exp.is_Rational and factor.exp < 0


def _is_fraction(factor: Expr) -> bool:
    return isinstance(factor, Mul) and any(_is_denominator(f) for f in factor.args)


def _needs_dot(before: Expr, text: str) -> bool:
    """A factor printed as text after before needs a \\cdot: one that starts with a digit (x \\cdot 2,
    not x 2), or a bracket after a name that a reader takes for a function applied to it
    (σ \\cdot (x − μ)², not σ(x − μ)²)."""
    called = before.is_Symbol and before.name in READ_AS_FUNCTIONS
    return text[:1].isdigit() or (called and text.startswith(("(", r"\left(", r"\bigl(", r"\biggl(")))


def _constant_log(factor: Expr) -> bool:
    """ln 2, ln 10: a logarithm of a number, which a product writes last."""
    return isinstance(factor, log) and factor.args[0].is_Number


def _holds_fraction(factor: Expr) -> bool:
    return isinstance(factor, Add) and any(_is_fraction(t) or _is_denominator(t) for t in factor.args)


class DerivePrinter(LatexPrinter):
    """SymPy's LaTeX printer with written order and the notation of the origin document."""

    printmethod = "_latex"

    def __init__(self, settings: dict | None = None) -> None:
        settings = dict(settings or {})
        # "prime": (e^{x}+1)'; "frac": \frac{d}{dx}(e^{x}+1)
        self.derivative_style = settings.pop("derivative", "prime")
        super().__init__({"order": "none", "inv_trig_style": "full", **settings})

    # Sums and products: the arguments in the order they were written.
    def _print_Add(self, expr, order=None):
        parts: list[str] = []
        # a sum inside a sum reads the same without brackets: a + (b - c) is a + b - c
        terms = [t for a in expr.args for t in (a.args if isinstance(a, Add) else (a,))]
        for i, term in enumerate(terms):
            negated = _negated(term)
            if negated is not None:
                body = self._factor(negated)  # brackets a sum, a negative number, a negated term
                parts.append(("-" if i == 0 else " - ") + body)
            else:
                parts.append(("" if i == 0 else " + ") + self._print(term))
        return "".join(parts)

    def _print_Sum(self, expr):
        """\\sum_{k} for a sum over every index (its bound is ALL_TERMS, which no paper writes)."""
        if len(expr.limits) == 1 and expr.limits[0][2] == ALL_TERMS and expr.limits[0][1] == 1:
            body = self._print(expr.function)
            if isinstance(expr.function, Add):
                body = rf"\left({body}\right)"
            return rf"\sum_{{{self._print(expr.limits[0][0])}}} {body}"
        return super()._print_Sum(expr)

    def _print_Mul(self, expr):
        base_log = self._base_log(expr)
        if base_log:
            return base_log
        negated = _negated(expr)
        if negated is not None:
            inner = self._print(negated)
            bracket = isinstance(negated, Add) or _negated(negated) is not None  # -(a+b), -(-a)
            return "-" + (rf"\left({inner}\right)" if bracket else inner)
        if any(_is_fraction(f) or _holds_fraction(f) for f in expr.args):
            # A product of fractions stays one: \frac{1}{b} \cdot \frac{a}{b}, \frac{1}{b} (1 - \frac{1}{b}).
            args = list(expr.args)
            if len(args) > 2 and args[0].is_Integer and (_is_fraction(args[1]) or _is_denominator(args[1])):
                # 2 · 1/b · c is \frac{2}{b} c: "2\frac{1}{b}" would read as a mixed number
                args[:2] = [Mul(*args[:2], evaluate=False)]
            out = self._factor(args[0], last=len(args) == 1)
            for i, (prev, f) in enumerate(zip(args, args[1:]), 2):
                both = all(_is_fraction(g) or _is_denominator(g) for g in (prev, f))
                text = self._factor(f, last=i == len(args))
                out += (r" \cdot " if both or _needs_dot(prev, text) else " ") + text
            return out
        numerator = [f for f in expr.args if not _is_denominator(f)]
        denominator = [Pow(f.base, -f.exp, evaluate=False) if f.exp != -1 else f.base
                       for f in expr.args if _is_denominator(f)]
        fractions = [f for f in numerator if f.is_Rational and not f.is_Integer]
        if denominator or (fractions and len(numerator) > 1):
            # ½ · 1/√x is written 1/(2√x), and ½ x √2 is x√2/2: a fraction's numbers join its lines
            for q in fractions:
                numerator.remove(q)
                numerator[:0] = [] if abs(q.p) == 1 else [Integer(abs(q.p))]
                denominator.insert(0, Integer(q.q))
            if any(q.p < 0 for q in fractions):
                return "-" + self._print_Mul(Mul(*numerator, *[Pow(d, -1, evaluate=False)
                                                              for d in denominator], evaluate=False))
        top = self._product(numerator) if numerator else "1"
        if not denominator:
            return top
        return rf"\frac{{{top}}}{{{self._product(denominator)}}}"

    def _product(self, factors) -> str:
        if len(factors) == 1:  # alone on a fraction line: no brackets needed
            return self._print(factors[0])
        factors = sorted(factors, key=_constant_log)  # x ln 2, not ln 2 · x
        # a sum or product over an index reaches to the end of the product: one that is not the last
        # factor is bracketed, (Σ_k e^{z_k} δ_kj) e^{z_i}, lest e^{z_i} read as a term of it
        printed = [self._factor(f, last=i == len(factors) - 1) for i, f in enumerate(factors)]
        out = printed[0]
        for before, text in zip(factors, printed[1:]):
            out += (r" \cdot " if _needs_dot(before, text) else " ") + text
        return out

    def _factor(self, f: Expr, last: bool = True) -> str:
        text = self._print(f)
        if isinstance(f, Add) or (isinstance(f, Number) and f < 0) or _negated(f) is not None or (
                isinstance(f, (Sum, Product)) and not last):
            return rf"\left({text}\right)"
        return text

    def _print_log(self, expr, exp=None):
        """\\ln(x) or \\log(x) as the document writes it. (\\ln 2 without brackets only where nothing
        follows it: see _bare_number_logs.)"""
        name = "\\" + _LOG.get() + (f"^{{{exp}}}" if exp else "")
        return rf"{name}\left({self._print(expr.args[0])}\right)"

    def _base_log(self, expr) -> str | None:
        """log(x)/log(2), as the reader reads log_2 x: written \\log_{2}(x)."""
        if len(expr.args) != 2:
            return None
        logs = [a for a in expr.args if isinstance(a, log)]
        over = [a for a in expr.args if isinstance(a, Pow) and a.exp == -1 and isinstance(a.base, log)
                and a.base.args[0].is_Integer and a.base.args[0] > 1]
        if len(logs) != 1 or len(over) != 1:
            return None
        return rf"\log_{{{over[0].base.args[0]}}}\left({self._print(logs[0].args[0])}\right)"

    def _print_Pow(self, expr, exp=None):
        if _is_denominator(expr):
            return self._fraction_of(expr)
        if isinstance(expr.base, Function) and not isinstance(expr.base, Derivative):
            return self._print(expr.base, exp=self._print(expr.exp))
        return super()._print_Pow(expr)

    def _print_Subs(self, expr):
        """f'(g): the derivative of an unknown f, taken at g (what the chain rule leaves)."""
        body, points, values = expr.args
        if len(points) != 1:  # ∂²ℓ/∂μ² at μ̂, σ̂
            return super()._print_Subs(expr)
        (u,), (g,) = points, values
        if isinstance(body, Derivative) and isinstance(body.expr, AppliedUndef) and body.expr.args == (u,):
            primes = "'" * int(body.variable_count[0][1])
            return rf"{self._print(Symbol(body.expr.func.__name__))}{primes}\left({self._print(g)}\right)"
        if isinstance(body, Derivative) and isinstance(body.expr, NamedFunction) and body.expr.args == (u,):
            primes = "'" * int(body.variable_count[0][1])  # σ'(wx), as a document writes it
            return rf"{body.expr.latex_name}{primes}\left({self._print(g)}\right)"
        return super()._print_Subs(expr)

    def _print_Piecewise(self, expr):
        """Cases as papers set them, "if" before each condition (SymPy writes "for")."""
        rows = []
        for value, condition in expr.args:
            when = r"\text{otherwise}" if condition is S.true else rf"\text{{if }} {self._print(condition)}"
            rows.append(f"{self._print(value)} & {when}")
        return r"\begin{cases} " + r" \\ ".join(rows) + r" \end{cases}"

    def _fraction_of(self, expr: Pow) -> str:
        base = expr.base if expr.exp == -1 else Pow(expr.base, -expr.exp, evaluate=False)
        return rf"\frac{{1}}{{{self._print(base)}}}"

    def _print_Indexed(self, expr):
        """z_{k}, \\delta_{kj}: a term of a sum as papers write it (SymPy writes {z}_{k})."""
        return f"{self._print(Symbol(str(expr.base.label)))}_{{{_index_text(expr.indices, self._print)}}}"

    def _print_Derivative(self, expr):
        body, variables = expr.expr, expr.variable_count
        if len(variables) != 1:
            return super()._print_Derivative(expr)
        x, n = variables[0]
        if _is_partial(expr):
            top, bottom = (r"\partial", rf"\partial {self._print(x)}") if n == 1 else (
                rf"\partial^{{{n}}}", rf"\partial {self._print(x)}^{{{n}}}")
            if isinstance(body, (Symbol, Indexed)):  # ∂z_i/∂z_j
                return rf"\frac{{{top} {self._print(body)}}}{{{bottom}}}"
            return rf"\frac{{{top}}}{{{bottom}}}\left({self._print(body)}\right)"
        if n != 1:  # d^n/dx^n (body), bracketed as the first derivative is
            return rf"\frac{{d^{{{n}}}}}{{d{self._print(x)}^{{{n}}}}}\left({self._print(body)}\right)"
        if self.derivative_style == "frac":
            return rf"\frac{{d}}{{d{self._print(x)}}}\left({self._print(body)}\right)"
        if isinstance(body, (AppliedUndef, sigmoid)) and body.args == (x,):
            name = r"\sigma" if isinstance(body, sigmoid) else self._print(Symbol(body.func.__name__))
            return rf"{name}'({self._print(x)})"
        if isinstance(body, (Symbol, Integer)):  # x' and 1', never (x)' (issue 13: no brackets round one symbol)
            return rf"{self._print(body)}^{{\prime}}"
        return rf"\left({self._print(body)}\right)^{{\prime}}"


def latex(expr: Expr, derivative: str = "prime") -> str:
    """expr as written. A derivative that is the whole expression prints as d/dx ( … ), as papers start."""
    printer = DerivePrinter({"derivative": derivative})
    target = first_order(expr)
    if target is not None and not _is_partial(expr):
        body, x = target
        return _bare_number_logs(plain_brackets(_calls(
            rf"\frac{{d}}{{d{printer.doprint(x)}}}\left({printer.doprint(body)}\right)")))
    return _bare_number_logs(plain_brackets(_calls(printer.doprint(expr))))


# \ln(2) where nothing follows it in its product: the end, a closing brace or bracket, a + − = & or \\
_NUMBER_LOG = re.compile(r"\\(ln|log)(\^\{[^{}]*\})?\((\d+)\)(?=\s*(?:$|[}+\-=&)]|\\right|\\\\))")


def _bare_number_logs(printed: str) -> str:
    """\\ln 2 for \\ln(2) where it ends a product, as textbooks write it (\\frac{1}{x \\ln 2}); where
    a factor follows, the brackets stay: \\ln 2 x would read as \\ln(2x)."""
    return _NUMBER_LOG.sub(lambda m: f"\\{m.group(1)}{m.group(2) or ''} {m.group(3)}", printed)


_TALL = re.compile(r"\\(?:frac|dfrac|sum|prod|int|left)(?![a-zA-Z])")


def plain_brackets(printed: str) -> str:
    """\\left( … \\right) only round what is taller than a line (a fraction, a big operator, brackets
    that are tall themselves); round the rest, (e^{x} + 1), plain brackets, as authors write them."""
    out, i = [], 0
    while (start := printed.find(r"\left(", i)) >= 0:
        end = _matching_right(printed, start)
        if end < 0:
            break
        inner = plain_brackets(printed[start + 6:end])
        tall = _TALL.search(inner) is not None
        out += [printed[i:start], rf"\left({inner}\right)" if tall else f"({inner})"]
        i = end + len(r"\right)")
    return "".join(out) + printed[i:]


def _matching_right(text: str, start: int) -> int:
    """The index of the \\right that closes the \\left at start, or −1."""
    depth, i = 0, start
    while i < len(text):
        if text.startswith(r"\left", i) and not text[i + 5:i + 6].isalpha():
            depth += 1
        elif text.startswith(r"\right", i) and not text[i + 6:i + 7].isalpha():
            depth -= 1
            if depth == 0:
                return i if text.startswith(r"\right)", i) else -1
        i += 1
    return -1


def _calls(printed: str) -> str:
    """SymPy writes sin x as \\sin{\\left(x \\right)}; papers write \\sin(x), or \\sin\\left(x^{2}\\right).

    Only a brace group that holds exactly \\left( … \\right) (SymPy's call) is rewritten."""
    out, i = [], 0
    while (start := printed.find("{\\left(", i)) >= 0:
        end = _closing_brace(printed, start)
        content = printed[start + 1:end] if end > 0 else ""
        if not content.endswith(" \\right)"):
            out.append(printed[i:start + 1])
            i = start + 1
            continue
        inner = _calls(content[len("\\left("):-len(" \\right)")])
        simple = len(inner) == 1 or inner.isdigit() or (inner.startswith("\\") and inner[1:].isalpha())
        out += [printed[i:start], f"({inner})" if simple else rf"\left({inner}\right)"]
        i = end + 1
    return "".join(out) + printed[i:]


def _closing_brace(text: str, i: int) -> int:
    """The index of the } that closes the { at i (escaped braces do not count), or −1."""
    depth = 0
    while i < len(text):
        if text[i] == "\\" and text[i + 1:i + 2] in ("{", "}"):
            i += 2
            continue
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return i
        i += 1
    return -1


class TextPrinter(StrPrinter):
    """Plain text for the terminal, in written order, with primes for pending derivatives."""

    def __init__(self) -> None:
        super().__init__({"order": "none"})

    def _print_Float(self, expr):
        """2.1 as the text wrote it, not 2.10000000000000 (the shortest digits that give the same number)."""
        short, full = repr(float(expr)), super()._print_Float(expr)
        exact = Float(short, precision=expr._prec) == expr and "e" not in short
        return short if exact and len(short) < len(full) else full  # (π stays 3.14159265358979)

    def _print_Derivative(self, expr):
        if len(expr.variable_count) != 1:
            return super()._print_Derivative(expr)
        (x, n), = expr.variable_count
        if _is_partial(expr):
            return f"∂/∂{self._print(x)}({self._print(expr.expr)})" if n == 1 else \
                f"∂^{n}/∂{self._print(x)}^{n}({self._print(expr.expr)})"
        return f"({self._print(expr.expr)})" + ("'" * int(n) if n <= 3 else f"^({n})")

    def _print(self, expr, **kwargs):
        if isinstance(expr, Indexed):  # (before SymPy's own Indexed._sympystr, which writes z[k])
            return f"{expr.base.label}_{_index_text(expr.indices, self._print)}"
        return super()._print(expr, **kwargs)

    def _print_Sum(self, expr):
        """sum(e^(z_k), k, 1, K): as the plain reader reads it back."""
        return self._big("sum", expr) if len(expr.limits) == 1 else super()._print_Sum(expr)

    def _print_Product(self, expr):
        return self._big("prod", expr) if len(expr.limits) == 1 else super()._print_Product(expr)

    def _big(self, name: str, expr) -> str:
        (k, low, high), = expr.limits
        end = "all" if high == ALL_TERMS else self._print(high)
        return f"{name}({self._print(expr.function)}, {self._print(k)}, {self._print(low)}, {end})"

    def _print_sigmoid(self, expr):
        return f"σ({self._print(expr.args[0])})"

    def _print_Limit(self, expr):
        """lim(x→0+) x*log(x), lim(x→∞) sin(x): as a reader of a report writes it."""
        body, x, point, side = expr.args
        one_side = str(side) if str(side) in ("+", "-") and point not in (S.Infinity, S.NegativeInfinity) else ""
        return f"lim({self._print(x)}→{self._print(point)}{one_side}) {self.parenthesize(body, PRECEDENCE['Mul'])}"

    def _print_Subs(self, expr):
        """f'(x^2), σ'(w*x): a derivative taken at a point, as it is written."""
        body, points, values = expr.args
        if len(points) == 1 and isinstance(body, Derivative) and isinstance(body.expr, Function) \
                and body.expr.args == points:
            name = "σ" if isinstance(body.expr, sigmoid) else type(body.expr).__name__
            return f"{name}{chr(39) * int(body.variable_count[0][1])}({self._print(values[0])})"
        return super()._print_Subs(expr)

    def _print_Abs(self, expr):
        return f"abs({self._print(expr.args[0])})"

    def _print_Or(self, expr):
        return " or ".join(self._print(a) for a in expr.args)

    def _print_And(self, expr):
        return " and ".join(self._print(a) for a in expr.args)

    def _print_Max(self, expr):  # max(0, x), min(x, 1): as derive's plain reader reads them back
        return f"{type(expr).__name__.lower()}({', '.join(map(self._print, expr.args))})"

    _print_Min = _print_Max

    def _print_Piecewise(self, expr):
        return "{" + "; ".join(f"{self._print(value)}" + ("" if condition is S.true else f" if {self._print(condition)}")
                               for value, condition in expr.args) + "}"

    def _print_log(self, expr):
        return f"{_LOG.get()}({self._print(expr.args[0])})"

    def _print_exp(self, expr):
        arg = expr.args[0]
        simple = isinstance(arg, Symbol) or (arg.is_Integer and arg >= 0)
        return f"e^{self._print(arg)}" if simple else f"e^({self._print(arg)})"

    def _print_Mul(self, expr):
        # An unevaluated product that holds a fraction is written factor by factor, each bracketed
        # where needed: SymPy's own printer writes −1·(2/3)·x⁻¹ as -1*2/3*x, which reads back as −2x/3.
        factors = list(expr.args)
        numbers = [f for f in factors if f.is_Number]
        if len(numbers) < 2 and (not numbers or factors[0] is numbers[0]):
            return super()._print_Mul(expr)  # one number, in front: SymPy prints it as it reads back
        sign = ""
        if factors[0] == S.NegativeOne and len(factors) > 1:
            sign, factors = "-", factors[1:]
        return sign + "*".join(self.parenthesize(f, PRECEDENCE["Mul"], strict=False) for f in factors)

    def _print_Pow(self, expr, rational=False):
        # (e^x)^2, not e^x^2, which reads back as e^(x^2): a base that is itself a power is bracketed
        if isinstance(expr.base, exp) and expr.exp not in (S.NegativeOne, S.Half, -S.Half):
            return f"({self._print(expr.base)})^{self.parenthesize(expr.exp, 61)}"
        return super()._print_Pow(expr, rational)


def text(expr: Expr) -> str:
    """expr as plain text, products written with · (which derive's plain reader reads back). A
    derivative that is the whole expression prints as d/dx( … )."""
    printer = TextPrinter()
    if isinstance(expr, Derivative) and len(expr.variable_count) == 1:
        (x, n), = expr.variable_count
        d = "∂" if _is_partial(expr) else "d"
        d = f"{d}/{d}{printer.doprint(x)}" if n == 1 else f"{d}^{n}/{d}{printer.doprint(x)}^{n}"
        return f"{d}({_caret(printer.doprint(expr.expr))})"
    return _caret(printer.doprint(expr))


_NOISE = re.compile(r"\\(?:left|right|cdot|times|,|;|!|quad|qquad)(?![a-zA-Z])|\\|[\s*·$]")


def reading_differs(source: str, reading: str) -> bool:
    """The plain reading of source says something its written form does not show as such: worth
    printing beside it ("read as: 5*x*x^2" under 5x(x^2)). Braces and brackets count alike, as
    \\ln and log, spaces and explicit products."""
    def bare(t: str) -> str:
        return _NOISE.sub("", t).replace("{", "(").replace("}", ")").replace("ln(", "log(").replace("**", "^")
    return bare(source) != bare(reading)


def _caret(printed: str) -> str:
    """x^2, as people type it (SymPy's ** appears in its output only as the power), products with ·,
    and no bracket doubled: /(2*sqrt(x)), never /((2*sqrt(x)))."""
    return _single_brackets(printed.replace("**", "^")).replace("*", "·")


def _single_brackets(text: str) -> str:
    """text with each pair of brackets that stands right inside another pair, spanning all of it,
    dropped: ((a + b)) is (a + b)."""
    closing, stack = {}, []
    for i, c in enumerate(text):
        if c == "(":
            stack.append(i)
        elif c == ")" and stack:
            closing[stack.pop()] = i
    inner = [(i, j) for i, j in closing.items() if i > 0 and closing.get(i - 1) == j + 1]
    dropped = {k for pair in inner for k in pair}
    return "".join(c for k, c in enumerate(text) if k not in dropped)
