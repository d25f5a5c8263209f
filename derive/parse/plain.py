"""Read plain text as users type it: 1/(1+e^(-x)), x^2 sin(x), 2x, ln(x), |x|, σ(x).

Our own tokenizer and recursive-descent parser build SymPy objects directly, as written (unevaluated),
from a whitelist of names. User text never reaches eval, sympify or parse_expr: they run code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sympy import Abs, Derivative, Expr, Function, Product, S, Sum, Symbol

from derive.errors import LimitError, ParseError
from derive.exprs import ALL_TERMS
from derive.indexing import terms_of
from derive.parse.arithmetic import Arithmetic
from derive.parse.build import FUNCTIONS, UNDEFINED_FUNCTIONS, call, negate, number, power
from derive.parse.characters import normalize
from derive.parse.limits import DEFAULT, Limits, check_text
from derive.parse.names import GREEK, make, spelled, symbol

CONSTANTS: dict[str, Expr] = {"pi": S.Pi, "π": S.Pi, "e": S.Exp1, "E": S.Exp1}

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<number>\d+(?:\.\d*)?|\.\d+)
  | (?P<name>[A-Za-z\u0370-\u03ff](?:[A-Za-z0-9\u0370-\u03ff]|_(?!\{))*(?:_\{[A-Za-z0-9\u0370-\u03ff]+\})?)
  | (?P<op>\*\*|[-+*/^(),|!'{}])
""", re.VERBOSE)


@dataclass(frozen=True)
class Token:
    kind: str  # number, name, op, end
    text: str
    at: int  # column in the normalized text


def tokenize(text: str) -> list[Token]:
    tokens, i = [], 0
    while i < len(text):
        m = _TOKEN.match(text, i)
        if m is None:
            raise ParseError(f"unexpected character {text[i]!r}", text, i)
        if m.lastgroup == "number" and text[m.end():m.end() + 1] == ".":
            raise ParseError("a number with two dots", text, i)
        if m.lastgroup != "space":
            tokens.append(Token(m.lastgroup, m.group(), i))
        i = m.end()
    tokens.append(Token("end", "", len(text)))
    return tokens


class _Parser(Arithmetic):
    def __init__(self, text: str, limits: Limits, functions: dict[str, type] | None = None,
                 variable: str = "x") -> None:
        self.text, self.limits, self.variable = text, limits, variable
        self.functions = {**FUNCTIONS, **(functions or {})}
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0
        self.bars = 0  # open |…| pairs: a | closes one when inside

    # tokens
    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        t = self.tokens[self.i]
        self.i += 1
        return t

    def is_op(self, *ops: str) -> bool:
        return self.tok.kind == "op" and self.tok.text in ops

    def expect(self, op: str, opened: Token | None = None) -> None:
        if not self.is_op(op):
            where = f" to close the {opened.text!r} at column {opened.at + 1}" if opened else ""
            raise self.error(f"expected {op!r}{where}")
        self.take()

    def error(self, message: str, token: Token | None = None) -> ParseError:
        token = token or self.tok
        found = "the end of the input" if token.kind == "end" else repr(token.text)
        return ParseError(f"{message}, found {found}", self.text, token.at)

    def nested(self):
        self.depth += 1
        if self.depth > self.limits.max_depth:
            raise LimitError(f"the expression is nested more than {self.limits.max_depth} levels deep")

    # grammar: parse, sum and product are derive.parse.arithmetic's
    def starts_factor(self) -> bool:
        t = self.tok
        if t.kind in ("number", "name"):
            return True
        return t.kind == "op" and (t.text == "(" or (t.text == "|" and self.bars == 0))

    def unary(self) -> Expr:
        if self.is_op("-", "+"):
            sign = self.take().text
            self.nested()
            operand = self.unary()
            self.depth -= 1
            return negate(operand) if sign == "-" else operand
        return self.power()

    def power(self) -> Expr:
        opened = self.tok
        base = self.primary()
        if self.is_op("'"):  # (x^2 + 1)': the derivative, as derive's text output writes it
            if not (opened.kind == "op" and opened.text == "("):
                raise self.error("a prime follows a bracket here: write (…)'")
            primes = 0
            while self.is_op("'"):
                self.take()
                primes += 1
            base = Derivative(base, (symbol(self.variable), primes))
        if self.is_op("^", "**"):
            self.take()
            self.nested()
            exponent = self.unary()  # right-associative: x^2^3 = x^(2^3); 2^-x allowed
            self.depth -= 1
            return power(base, exponent, self.limits)
        if self.is_op("!"):
            raise self.error("factorials are not supported")
        return base

    def primary(self) -> Expr:
        t = self.tok
        if t.kind == "number":
            self.take()
            return number(t.text, self.limits)
        if t.kind == "name":
            return self.name()
        if self.is_op("(", "{"):  # e^{z_i} typed as in LaTeX: braces group as brackets do
            closing = ")" if self.take().text == "(" else "}"
            self.nested()
            inner = self.sum()
            self.depth -= 1
            self.expect(closing, t)
            return inner
        if self.is_op("|"):
            self.take()
            self.nested()
            self.bars += 1
            inner = self.sum()
            self.bars -= 1
            self.depth -= 1
            self.expect("|", t)
            return Abs(inner, evaluate=False)
        raise self.error("expected a number, a name or (")

    def name(self) -> Expr:
        t = self.take()
        name = t.text
        called = self.is_op("(")
        if name in ("sigma", "σ") and not called and not self.starts_factor():
            return make("sigma")  # sigma^2, log(sigma): the Greek letter, as \\sigma alone is in LaTeX
        if name in self.functions:
            if not called:
                raise ParseError(f"{name} needs its argument in parentheses: {name}(x)", self.text, t.at)
            return self.call(t, self.functions[name])
        if name in ("sum", "prod") and called:
            return self.big_operator(t)
        if name in UNDEFINED_FUNCTIONS and called:
            return self.call(t, Function(name))
        if name in UNDEFINED_FUNCTIONS and self._power_then_bracket():
            # f^2(x), g^-1(y): f(x)² or the inverse function, as the author means; read as letters, f²·x
            raise ParseError(f"{name}^…(…): a power of {name}(…), its inverse, or {name}^… times a bracket? "
                             f"write {name}(x)^2 or {name}^2*(x)", self.text, t.at)
        if name in CONSTANTS:
            return CONSTANTS[name]
        if name in ("e", "E") or re.fullmatch(r"[eE]\d+", name):
            raise ParseError(f"{name!r} is ambiguous: write e^{name[1:]} or e*{name[1:]}", self.text, t.at)
        canonical = spelled(name)  # α, alpha, x1, x_{1}, theta_0: one symbol per name (names.py)
        if canonical is not None:
            return make(canonical)
        hint = f" (for a product write {'*'.join(name)})" if len(name) <= 3 and not called else ""
        kind = "function" if called else "name"
        raise ParseError(f"unknown {kind} {name!r}{hint}", self.text, t.at)

    def _power_then_bracket(self) -> bool:
        """The tokens at hand are ^, an optional sign, a number, then (: f^2(x), g^-1(y)."""
        k = self.i
        if not (self.tokens[k].kind == "op" and self.tokens[k].text == "^"):
            return False
        k += 1 + (self.tokens[k + 1].kind == "op" and self.tokens[k + 1].text in ("+", "-"))
        after = self.tokens[k + 1] if self.tokens[k].kind == "number" else None
        return after is not None and after.kind == "op" and after.text == "("

    def big_operator(self, name: Token) -> Expr:
        """sum(e^(z_k), k, 1, K) and prod(…): the body, its index, and the index's first and last
        value (all: every index, as \\sum_k); x_k in the body is the k-th term x[k]."""
        opened = self.take()  # (
        self.nested()
        parts = [self.sum()]
        while self.is_op(","):
            self.take()
            if self.tok.kind == "name" and self.tok.text == "all" and len(parts) == 3:
                self.take()
                parts.append(ALL_TERMS)
            else:
                parts.append(self.sum())
        self.depth -= 1
        self.expect(")", opened)
        if len(parts) != 4 or not isinstance(parts[1], Symbol) or "_" in parts[1].name:
            raise ParseError(f"{name.text} takes a body, an index letter and its first and last value: "
                             f"{name.text}(x_k, k, 1, n)", self.text, name.at)
        body, index, low, high = parts
        return (Sum if name.text == "sum" else Product)(terms_of(body, index), (index, low, high))

    def call(self, name: Token, func) -> Expr:
        opened = self.take()  # (
        self.nested()
        args = [self.sum()]
        while self.is_op(","):
            self.take()
            args.append(self.sum())
        self.depth -= 1
        self.expect(")", opened)
        return call(func, args, name.text, self.text, name.at)


def parse_plain(text: str, limits: Limits = DEFAULT, functions: dict[str, type] | None = None,
                variable: str = "x") -> Expr:
    """The expression that plain text writes, unevaluated. ParseError with a column, or LimitError.

    functions: names the user defined (g → its SymPy class), read like the built-in ones.
    variable: the one a prime differentiates by, (x^2)' = 2x.
    """
    check_text(text, limits)
    return _Parser(normalize(text, superscripts=True), limits, functions, variable).parse()


# FUNCTIONS and GREEK are read from here by the engine and the checker: the tables live in build and names.
__all__ = ["CONSTANTS", "FUNCTIONS", "GREEK", "UNDEFINED_FUNCTIONS", "parse_plain", "tokenize"]
