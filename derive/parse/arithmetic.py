"""The arithmetic both readers share: a sum of products, each product of factors written with *, /
or side by side (2x, x sin(x), (x+1)(x-1)), built as written. Each reader says what a token is:
tok, take, is_op, error, starts_factor, unary and power are its own."""

from __future__ import annotations

from sympy import Expr, S

from derive.errors import ParseError
from derive.exprs import add, div, mul
from derive.parse.build import negate


class Arithmetic:
    def parse(self) -> Expr:
        if self.tok.kind == "end":
            raise ParseError("the expression is empty")
        expr = self.sum()
        if self.tok.kind != "end":
            raise self.error("expected an operator or the end")
        return expr

    def sum(self) -> Expr:
        terms = [self.product()]
        while self.is_op("+", "-"):
            sign = self.take().text
            term = self.product()
            terms.append(negate(term) if sign == "-" else term)
        return add(*terms)

    def product(self) -> Expr:
        numerator, denominator = [self.unary()], []
        starred = [False]  # factor i follows a * (\cdot): 𝐮·𝐯 is a dot product, 𝐮𝐯 is not
        while True:
            if self.is_op("*"):
                self.take()
                numerator.append(self.unary())
                starred.append(True)
            elif self.is_op("/"):
                slash = self.take()
                denominator.append(self.unary())
                if denominator[-1] == S.Zero:
                    raise ParseError("division by zero", self.text, slash.at)
            elif self.starts_factor():
                numerator.append(self.power())  # a factor side by side takes no sign: 2x, not 2 -x
                starred.append(False)
            else:
                break
        top = mul(*self.multiplied(numerator, starred))
        return div(top, mul(*denominator)) if denominator else top

    def multiplied(self, factors: list[Expr], starred: list[bool]) -> list[Expr]:
        """The factors of a product as they multiply (a reader that knows vectors pairs some)."""
        return factors
