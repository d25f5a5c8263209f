"""The arithmetic both readers share: a sum of products, each product of factors written with *, /
or side by side (2x, x sin(x), (x+1)(x-1)), built as written. Each reader says what a token is:
tok, take, is_op, error, starts_factor, unary and power are its own."""

from __future__ import annotations

from collections.abc import Callable

from sympy import Expr, Product, S, Sum

from derive.errors import ParseError
from derive.exprs import add, div, mul
from derive.indexing import series
from derive.parse.build import negate


class Arithmetic:
    def parse(self) -> Expr:
        if self.tok.kind == "end":
            raise ParseError("the expression is empty")
        expr = self.trailing(self.sum())
        if self.tok.kind != "end":
            raise self.error("expected an operator or the end")
        return expr

    def trailing(self, expr: Expr) -> Expr:
        """What follows a whole expression and applies to it (a reader of LaTeX reads F|_{x=0})."""
        return expr

    def sum(self) -> Expr:
        terms = [self.product()]
        while self.is_op("+", "-"):
            sign = self.take().text
            if sign == "+" and self.at_dots():  # x_1 + x_2 + ⋯ + x_n: the terms so far and the last
                terms = [self.series(terms, Sum)]
                continue
            term = self.product()
            terms.append(negate(term) if sign == "-" else term)
        return add(*terms)

    def divisor_goes_on(self) -> bool:
        """Whether the next factor belongs to the divisor before it: t/RC is t/(RC) in typeset mathematics
        (a LaTeX reader's); typed text reads 1/2x as x/2, as calculators do."""
        return False

    def at_dots(self) -> bool:
        """Whether the next token is an ellipsis (\\cdots) between terms or factors (a LaTeX reader's)."""
        return False

    def series(self, written: list[Expr], kind: type) -> Expr:
        """The dots taken with the one term after them: Σ (or Π) of the pattern the written terms and
        the last one share."""
        dots = self.take()
        if kind is Sum and not self.is_op("+"):
            raise self.error("after the dots of a sum, + and its last term")
        if kind is Sum:
            self.take()
        last = self.product() if kind is Sum else self.power()
        made = series(written, last, kind)
        if made is None:
            raise ParseError("the terms around the dots are no terms 1, 2, …, n of one pattern derive can "
                             "read", self.text, dots.at)
        return made

    def product(self, stop: Callable[[], bool] | None = None) -> Expr:
        """Factors side by side, * and /; stop: whether the next token ends the product early (the
        operand of d/dx ends before the next derivative of a Leibniz chain)."""
        numerator, denominator = [self.unary()], []
        # factor i follows a * (\cdot: 𝐮·𝐯 is a dot product, 𝐮𝐯 is not), or "entrywise" (⊙)
        starred: list[bool | str] = [False]
        while True:
            if stop is not None and self.is_op("*", "/") and stop():
                break
            if self.is_op("*", "⊙"):
                starred.append(True if self.take().text == "*" else "entrywise")
                numerator.append(self.unary())
            elif self.is_op("/"):
                slash = self.take()
                divisor = [self.unary()]
                while self.divisor_goes_on() and not (stop is not None and stop()):
                    divisor.append(self.power())  # e^{-t/RC}, x^2/2\sigma^2: the letters after it divide too
                denominator.append(mul(*divisor) if len(divisor) > 1 else divisor[0])
                if denominator[-1] == S.Zero:
                    raise ParseError("division by zero", self.text, slash.at)
            elif self.at_dots() and len(numerator) >= 2 and not any(starred) and not denominator:
                numerator = [self.series(numerator, Product)]  # α_1 α_2 ⋯ α_t
                starred = [False]
            elif self.starts_factor() and not (stop is not None and stop()):
                numerator.append(self.power())  # a factor side by side takes no sign: 2x, not 2 -x
                starred.append(False)
            else:
                break
        top = mul(*self.multiplied(numerator, starred))
        return div(top, mul(*denominator)) if denominator else top

    def multiplied(self, factors: list[Expr], starred: list[bool]) -> list[Expr]:
        """The factors of a product as they multiply (a reader that knows vectors pairs some)."""
        return factors
