"""Calls in LaTeX: \\sin^{2} x, \\log_{2}(x), f''(x), \\sigma(x+1), \\sin^{-1}(x), and where an unbraced
argument ends (\\sin x \\cos x is sin(x)·cos(x), as a reader of a paper takes it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sympy import Derivative, Dummy, Expr, Function, Pow, S, Subs, Symbol
from sympy.core.function import UndefinedFunction

from derive.exprs import div, mul
from derive.parse.build import FUNCTIONS, INVERSES, UNDEFINED_FUNCTIONS, call, negate, power

if TYPE_CHECKING:
    from derive.parse.latex_tokens import Token


class Calls:
    """The call half of latex_reader.Reader (which gives tok, take, script, power, …)."""

    # --- calls --------------------------------------------------------------------------------
    def primes_follow(self) -> bool:
        return self.is_op("'") or (self.is_op("^") and self.peek().kind == "command"
                                    and self.peek().text == r"\prime") or (
            self.is_op("^") and self.is_op("{", at=self.i + 1)
            and self.peek(2).kind == "command" and self.peek(2).text == r"\prime")

    def holds_itself(self, j: int, letter: str, sub: list[Token] = ()) -> bool:
        r"""Whether the bracket at token j holds the name (letter, with the subscript tokens sub) itself,
        not called: h(1 - h) and h_2\,(1 - h_2^2) multiply, as p(1 - p) does; a function taken at an
        expression of its own value is no way to write anything (f(f(x)) calls f inside: still a call)."""
        if not self.is_op("(", at=j):
            return False
        depth, k, texts = 0, j, [t.text for t in sub]
        while k < len(self.tokens) and self.tokens[k].kind != "end":
            t = self.tokens[k]
            depth += (t.kind == "op" and t.text == "(") - (t.kind == "op" and t.text == ")")
            if depth == 0:
                return False
            if t.kind == "letter" and t.text == letter:
                after = k + 1
                if texts:  # h_2 or h_{2}: the same subscript
                    if not self.is_op("_", at=after):
                        k += 1
                        continue
                    parts, after = self.subscript_at(after + 1)
                    if [p.text for p in parts] != texts:
                        k += 1
                        continue
                elif self.is_op("_", at=after):
                    k += 1
                    continue
                if not self.calls_at(after):
                    return True
            k += 1
        return False

    def calls_at(self, j: int) -> bool:
        """Whether an argument in brackets follows at token j, after primes and one power:
        f(x), f'(x), \\sigma^{2}(x)."""
        seen = set()
        while True:  # f'(x), f_1'(x), f^{2}(x), \ell_2'(\mu): primes and one of each script, in any order
            if self.is_op("'", at=j):
                j += 1
            elif self.is_op("^", "_", at=j) and self.tokens[j].text not in seen:
                seen.add(self.tokens[j].text)
                j = self.skip_group(j + 1)
            else:
                return self.is_op("(", at=j)

    def call(self, func, name: str, at: Token, unbraced: bool = False) -> Expr:
        """name[primes][^power][_base] argument: \\sin^{2} x, \\log_{2}(x), f''(x), \\sin^{-1}(x)."""
        primes, exponent, base = 0, None, None
        while True:
            if self.is_op("'"):
                self.take()
                primes += 1
            elif self.is_op("^") and exponent is None and not primes:
                self.take()
                primes = self.prime_script() or self.order_script()
                if not primes:
                    with self.deeper():
                        exponent = self.script()
            elif self.is_op("_") and base is None:
                if func is not FUNCTIONS["log"]:  # \log_2 x has a base; \sin_2 x means nothing derive knows
                    raise self.refuse(f"a subscript after {name}: derive reads one only as the base of \\log")
                self.take()
                with self.deeper():
                    base = self.script()
            elif self.is_op("^", "_"):
                raise self.refuse("a double superscript or subscript: add braces")
            else:
                break
        bracketed = self.is_op("(")
        with self.deeper():
            args = self.arguments(name, unbraced)
        if bracketed and self.is_op("^") and func is FUNCTIONS["log"]:
            # \ln(x + 2)^3: authors mean the log of the cube (logarithmic differentiation) as often as the
            # cube of the log; either reading taken silently makes a correct line wrong
            raise self.refuse(f"{name}(…)^… is the logarithm of a power or a power of the logarithm: write "
                              f"{name}\\bigl((…)^k\\bigr) or {name}^k(…)", at)
        if exponent == S.NegativeOne and func in INVERSES:
            func, exponent = INVERSES[func], None
        elif exponent == S.NegativeOne:
            # f^{-1}(y), \exp^{-1}(y): the inverse function in most texts (the inverse function theorem's
            # (f^{-1})'(y) = 1/f'(f^{-1}(y))), the reciprocal in a few; read as 1/f(y) it made f^{-1}(y) f(y) = 1
            raise self.refuse(f"{name}^{{-1}}(…) is the inverse function or 1/{name}(…): derive reads no inverse "
                              f"functions; write {name}(…)^{{-1}} for the reciprocal", at)
        if len(args) > 1 and name.lstrip("\\") in self.quantities and not isinstance(func, UndefinedFunction):
            func = Function(name.lstrip("\\"))  # \cos(u, v) where the text defined it: cosine similarity
        value = call(func, args, name, self.text, at.at)
        if base is not None:
            value = div(value, FUNCTIONS["ln"](base, evaluate=False))
        if primes:
            value = _primed(func, args, primes, name, self.text, at.at, value)
        return value if exponent is None else power(value, exponent, self.limits)

    def order_script(self) -> int:
        """After a function's ^: {(3)}, the order of f^{(3)}(x), the third derivative (never a power),
        consumed; 0 for any other superscript. {(n)}, an order derive cannot count out, is refused."""
        if not self.sample_script():
            return 0
        t = self.tokens[self.i + 2]
        if not self.is_op("(", at=self.i + 1):  # g^{[2]}(z): layer 2's g, never an order, nor g(z)²
            raise self.refuse(f"^{{[{t.text}]}} after a function: a layer's function, which derive does not read", t)
        if not (t.kind == "number" and t.text.isdigit() and int(t.text) > 0):
            raise self.refuse(f"^{{({t.text})}} after a function: a derivative of an order derive cannot count out", t)
        self.i += 5
        return int(t.text)

    def arguments(self, name: str, unbraced: bool) -> list[Expr]:
        """(a) or (a, b), {…}, or, after \\sin and its kin, an unbraced product: \\sin 2x."""
        if self.is_op("("):
            opened = self.take()
            args = [self.sum()]
            while self.is_op(",", ";"):  # L(\mu, \sigma; x): parameters; then the data, an argument too
                self.take()
                args.append(self.sum())
            self.expect(")", opened)
            return args
        if self.is_op("{"):
            return [self.group()]
        if not unbraced:
            raise self.error(f"{name} needs its argument in brackets")
        if not (self.starts_factor() or self.is_op("-", "+")):
            raise self.error(f"{name} needs an argument")
        return [self.unbraced_argument()]

    def unbraced_argument(self) -> Expr:
        """\\sin x \\cos x is sin(x)cos(x); \\sin 2x is sin(2x); \\ln x + 1 is ln(x) + 1: the argument
        ends where a reader of a paper ends it, at \\cdot, a sign, a relation, a bracket (opening or
        closing: \\sin x\\,(\\cos x)' is sin(x)·(cos x)'), a visible space (\\sin x\\, x), another
        function or a sum (after its first factor)."""
        if self.is_op("-", "+"):
            sign = self.take().text
            operand = self.unbraced_argument()
            return negate(operand) if sign == "-" else operand
        factors = [self.power()]
        while (self.starts_factor() and not self.starts_function() and not self.is_op("(", "[")
               and not self.tok.gap and not self.starts_big_operator()):
            factors.append(self.power())
        if self.is_op("(") and self.touching() and isinstance(factors[-1], (Pow, Symbol)):
            # \log p^X(1 - p)^{1 - X}: the Bernoulli likelihood's log, or (1 − p)^{1−X}·log p^X? \log
            # \pi_\mu(a): the log of a density π_μ at a, or a·log π_μ? Papers mean the first; the
            # argument's end at a bracket gave the second. derive reads neither
            raise self.refuse("a bracket right after the argument of a function written without brackets "
                              "(\\log p^X(1-p)^{1-X}, \\log \\pi(a)): derive cannot tell whether it is inside "
                              "the function; write \\log\\bigl(p^X(1-p)^{1-X}\\bigr), or the bracket first")
        return mul(*factors)

    def starts_big_operator(self) -> bool:
        """At \\sum, \\prod or \\int: \\log \\lambda \\sum_i x_i is (log λ)·Σ x_i, not log(λ Σ x_i)."""
        return self.tok.kind == "command" and self.tok.text in (r"\sum", r"\prod", r"\int")

    def starts_function(self) -> bool:
        t = self.tok
        if t.kind == "name":
            return True
        if t.kind == "command":
            return self.is_function_command(t)
        if t.kind == "letter":
            if t.text == "e" and self.is_op("^", at=self.i + 1):
                return True  # \sin x e^{x}: the exponential is a function of its own
            if self.word() in self.user and self.calls_at(self.i + len(self.word())):
                return True
            return self.calls_at(self.i + 1) and (t.text in self.user or t.text in UNDEFINED_FUNCTIONS
                                                  or t.text == "σ")
        return False


def _a_parameter_of(func, symbol: Symbol) -> bool:
    """symbol stands in the formula of a function the text defined, other than as its variable (K of
    f(P) = rP(1 − P/K))."""
    body, variable = getattr(func, "body", None), getattr(func, "variable", None)
    return body is not None and variable is not None and symbol.name != variable.name \
        and symbol.name in {s.name for s in body.free_symbols}


def _primed(func, args: list[Expr], primes: int, name: str, text: str, at: int, value: Expr) -> Expr:
    """f'(t) is df/dt; f'(2x) and σ'(wx) are the derivative f' taken at 2x (not d/dx of f(2x), which
    has the inner factor 2 more): Subs(d/du f(u), u, 2x), as SymPy writes f' at a point. So is f'(K)
    where f's own formula holds K (f(P) = rP(1 − P/K): f' at P = K is −r, d/dK of f(K) = 0 is 0)."""
    if len(args) == 1 and args[0].is_Symbol and not _a_parameter_of(func, args[0]):
        return Derivative(value, (args[0], primes))
    u = Dummy("u", real=True)
    return Subs(Derivative(call(func, [u], name, text, at), (u, primes)), u, args[0])
