"""Algebra rules: each rewrites one kind of sub-expression and keeps everything else as written."""

from __future__ import annotations

from sympy import Add, Expr, Mul, Pow, S, cancel, exp

from derive.errors import RuleError
from derive.exprs import add, div, fraction, mul, neg, rebuild, tidy
from derive.rational import NotRational, linear_sum, rationally_equal
from derive.record import Proposal
from derive.render.printer import latex, text
from derive.rules.base import AlgebraRule


def _equal(a: Expr, b: Expr) -> bool:
    """a = b, exactly: in the rational field where both lie there, else by cancelling."""
    try:
        return rationally_equal(a, b)
    except NotRational:
        return cancel(tidy(a) - tidy(b)) == 0


class EverywhereRule(AlgebraRule):
    """An algebra rule that rewrites every match in one step (all the squares, all the σ's)."""

    def rewrite(self, expr):
        changed = False

        def visit(node):
            nonlocal changed
            new = self.transform(node)
            changed = changed or new is not None
            return new

        new = rebuild(expr, visit)
        return new if changed else None


class ExpandFraction(AlgebraRule):
    """a/b = (k a)/(k b) for the first fraction met."""

    name = "expand the fraction"
    sentence = "Multiply numerator and denominator by the same factor."

    def __init__(self, factor: Expr) -> None:
        self.factor = factor

    def transform(self, node):
        parts = fraction(node)
        if parts is None:
            return None
        numerator, denominator = parts
        return div(mul(self.factor, numerator), mul(self.factor, denominator))

    def note(self):
        return f"expand the fraction by ${latex(self.factor)}$"


class Distribute(AlgebraRule):
    """a (b + c) = a b + a c for the first product with a sum among its factors."""

    name = "distribute"
    sentence = "Multiply out a product over a sum: $a(b + c) = ab + ac$."

    def transform(self, node):
        if not isinstance(node, Mul):
            return None
        sums = [i for i, f in enumerate(node.args) if isinstance(f, Add)]
        if not sums or len(node.args) < 2:
            return None
        i = sums[0]
        before, after = node.args[:i], node.args[i + 1:]
        return add(*(mul(*before, t, *after) for t in node.args[i].args))


class CombinePowers(AlgebraRule):
    """e^a e^b = e^{a+b}: the exponents of one base added (the sum worked out, e^0 kept as written)."""

    name = "combine powers"
    sentence = "Powers of one base multiply by adding exponents: $e^{a} e^{b} = e^{a+b}$."

    def transform(self, node):
        if not isinstance(node, Mul):
            return None
        powers = [f for f in node.args if isinstance(f, exp)]
        if len(powers) < 2:
            return None
        combined = exp(_sum(p.args[0] for p in powers), evaluate=False)
        rest = [f for f in node.args if not isinstance(f, exp)]
        return mul(combined, *rest)


def _sum(exponents) -> Expr:
    """The exponents added and collected (x + (−x) = 0), as written; SymPy's own sum outside polynomials."""
    exponents = list(exponents)
    try:
        return linear_sum(exponents)
    except NotRational:
        return tidy(Add(*exponents))


class ExpZero(AlgebraRule):
    name = "e^0 = 1"
    sentence = "Any nonzero number to the power zero is one: $e^{0} = 1$."

    def note(self):
        return "$e^{0} = 1$"

    def transform(self, node):
        if isinstance(node, exp) and node.args[0] == S.Zero:
            return S.One
        return None


class CancelSigns(AlgebraRule):
    """(−a)(−b) = a b: a product's minus signs cancel in pairs."""

    name = "cancel the minus signs"
    sentence = "Two minus signs in one product cancel: $(-a)(-b) = ab$."

    def transform(self, node):
        if not isinstance(node, Mul):
            return None
        signs, factors = 0, []
        for f in node.args:
            if f == S.NegativeOne:
                signs += 1
            elif isinstance(f, Mul) and f.args[0] == S.NegativeOne:
                signs += 1
                factors.append(mul(*f.args[1:]))
            else:
                factors.append(f)
        if signs < 2:
            return None
        product = mul(*factors)
        return neg(product) if signs % 2 else product


class SplitFraction(AlgebraRule):
    """(a − b)/c = a/c − b/c for the first fraction whose numerator is a sum."""

    name = "split the fraction"
    sentence = (r"A fraction with a sum on top is the sum of the fractions: "
                r"$\frac{a-b}{c} = \frac{a}{c} - \frac{b}{c}$.")

    def transform(self, node):
        parts = fraction(node)
        if parts is None or not isinstance(parts[0], Add):
            return None
        numerator, denominator = parts
        return add(*(_over(t, denominator) for t in numerator.args))


def _over(term: Expr, denominator: Expr) -> Expr:
    if isinstance(term, Mul) and term.args[0] == S.NegativeOne:
        return neg(div(mul(*term.args[1:]), denominator))
    return div(term, denominator)


class SquareAsProduct(EverywhereRule):
    name = "write the square as a product"
    sentence = "$a^{2} = a\\,a$, so that the factors can be matched one by one."

    def transform(self, node):
        if isinstance(node, Pow) and node.exp == 2:
            return mul(node.base, node.base)
        return None


class Substitute(EverywhereRule):
    """Replace every part that is the definition's body, or a power of it after cancelling, by its name.

    Substitute(sigmoid(x), exp(x)/(exp(x) + 1)) turns e^x(e^x+1)/((e^x+1)(e^x+1)) into σ(x) and
    e^x e^x/((e^x+1)(e^x+1)) into σ(x)².
    """

    name = "substitute"
    max_power = 3

    def __init__(self, name_expr: Expr, body: Expr) -> None:
        self.name_expr, self.body = name_expr, body
        self.name = f"substitute {self._name_text()}"

    def _name_text(self) -> str:
        return text(self.name_expr)

    def transform(self, node):
        if node == self.body:
            return self.name_expr
        if fraction(node) is None or not node.free_symbols >= self.body.free_symbols:
            return None
        for k in range(1, self.max_power + 1):
            power = self.name_expr if k == 1 else Pow(self.name_expr, k, evaluate=False)
            if _equal(node, Pow(self.body, k, evaluate=False)):
                return power
            if S.NegativeOne in node.args and _equal(node, neg(Pow(self.body, k, evaluate=False))):
                return neg(power)  # −a/b written with its sign inside
        return None

    def note(self):
        return f"substitute ${latex(self.name_expr)} = {latex(self.body)}$"


class FactorOut(AlgebraRule):
    """a b + a c = a (b + c) for the first sum whose every term has the factor a, as written."""

    name = "factor out"

    def __init__(self, factor: Expr) -> None:
        self.factor = factor
        self.name = f"factor out {text(factor)}"

    def transform(self, node):
        if not isinstance(node, Add):
            return None
        quotients = [_divide_out(t, self.factor) for t in node.args]
        if any(q is None for q in quotients):
            return None
        return mul(self.factor, add(*quotients))

    def note(self):
        return f"factor out ${latex(self.factor)}$"


def _divide_out(term: Expr, factor: Expr) -> Expr | None:
    """term/factor when factor is one of term's written factors (or a power of it), else None."""
    if term == factor:
        return S.One
    if isinstance(term, Pow) and term.base == factor and term.exp.is_Integer and term.exp > 1:
        return factor if term.exp == 2 else Pow(factor, term.exp - 1, evaluate=False)
    if isinstance(term, Mul):
        for i, f in enumerate(term.args):
            q = _divide_out(f, factor)
            if q is not None:
                return mul(*term.args[:i], q, *term.args[i + 1:])
    return None


class Rewrite(AlgebraRule):
    """A rewrite the author states (old → new, under a name of their choosing); derive checks it."""

    def __init__(self, old: Expr, new: Expr, name: str, formula: str = "") -> None:
        self.old, self.new, self.name, self.formula = old, new, name, formula

    def transform(self, node):
        return self.new if node == self.old else None

    def note(self):
        return f"{self.name}: {self.formula}" if self.formula else self.name



class UseFact(EverywhereRule):
    """Put in a fact the author states (Σ_k y_k = 1: the targets sum to one): every old becomes new.
    Certified as given, not proved: the derivation holds wherever the fact does."""

    def __init__(self, old: Expr, new: Expr, words: str = "") -> None:
        self.old, self.new, self.words = old, new, words
        self.name = f"use {text(old)} = {text(new)}"

    def transform(self, node):
        return self.new if node == self.old else None

    def propose(self, expr):
        new = self.rewrite(expr)
        if new is None:
            raise RuleError(f"{text(self.old)} does not occur in {text(expr)}")
        return [Proposal(self.name, new, self.note(), given=(self.old, self.new))]

    def note(self):
        said = f"${latex(self.old)} = {latex(self.new)}$"
        return f"{self.words} ({said})" if self.words else f"use {said}"
