"""The grammar of LaTeX math as papers write it: sums, products, powers, brackets, names and calls.

A recursive-descent reader over latex_tokens that builds SymPy objects directly, unevaluated, with the
plain reader's building helpers (build.py). Commands (\\frac, \\sqrt, \\sum, Greek letters, \\sin …)
are read in latex_commands.py. What TeX itself would refuse (x^2^3) or a reader could take two ways
(x^23, which TeX shows as x²3) is refused with its column, never guessed.
"""

from __future__ import annotations

import builtins
import keyword
import re
from collections.abc import Callable
from contextlib import contextmanager

from sympy import Abs, Derivative, Expr, Function, Limit, S, Subs, Symbol, factorial, sqrt
from sympy.core.function import AppliedUndef

from derive.errors import LimitError, ParseError
from derive.exprs import add, neg, rebuild, root_of_square
from derive.parse.arithmetic import Arithmetic
from derive.parse.build import FUNCTIONS, UNDEFINED_FUNCTIONS, negate, number, power
from derive.parse.latex_cases import piecewise
from derive.parse.latex_calls import Calls
from derive.parse.latex_commands import Commands, _d_kind, _order
from derive.parse.latex_tokens import Token, tokenize
from derive.parse.limits import Limits, check_factorial
from derive.parse.names import DECORATIONS, GREEK, canonical, greek_name, make
from derive.probability import NAMES as AVERAGES
from derive.probability import Covariance
from derive.vectors import (SAMPLE, Hadamard, MatrixProduct, Softmax, Transposed, VectorError, dot, entry, is_matrix,
                            is_vector, norm_squared, parts_of)

_CLOSING = {"(": ")", "[": "]", "{": "}"}
# a superscript's label: a sample or iterate x^{(i)}, a layer a^{[l]}
_LABEL_BRACKETS = {(("op", "("), ("op", ")")), (("op", "["), ("op", "]"))}
_PYTHON_NAMES = frozenset(dir(builtins)) | frozenset(keyword.kwlist)
DECORATED_VECTORS = (r"\mathbf", r"\boldsymbol", r"\bm", r"\vec")
_EQUATION = "expected an expression, not an equation or a condition"


# E[X] is an expectation, never E·X (which would make E[X^2] - E[X]^2 a 0 to certify); P[…] is refused
_OPERATORS = {"E": "an expectation", "V": "a variance", "P": "a probability"}


def _plain_letter(expr: Expr) -> bool:
    """w in w^\\top x: a lowercase letter with no subscript, which the transpose shows is a vector."""
    return isinstance(expr, Symbol) and len(expr.name) == 1 and expr.name.islower()


def _starred(name: str) -> str:
    """w → wstar, w_1 → wstar_1 (the star before any subscript); 𝐰* is wboldstar, a name, not a vector."""
    base, _, sub = name.partition("_")
    return f"{base}star" + (f"_{sub}" if sub else "")


def _index_like(subscript: str) -> bool:
    """k, i, j: one Latin letter, the index of a family of quantities (θ of h_θ names a function)."""
    return len(subscript) == 1 and subscript.isascii() and subscript.isalpha()


def _undecorated(estimate: Symbol) -> Symbol | None:
    """μ of μ̂ (muhat), x of x̄ (xbar): the variable an estimate stands in for."""
    base, _, sub = estimate.name.partition("_")
    for decoration in ("hat", "bar", "tilde"):
        if base.endswith(decoration) and len(base) > len(decoration):
            return make(base[:-len(decoration)] + (f"_{sub}" if sub else ""))
    return None


def _indexed_letter(expr: Expr) -> bool:
    """k_j in q^\\top k_j: a lowercase letter with one index, the j-th of a family of vectors."""
    base, _, sub = expr.name.partition("_") if isinstance(expr, Symbol) else ("", "", "")
    return len(base) == 1 and base.islower() and len(sub) == 1 and sub.isalpha() and sub.isascii()


def _as_vector(expr: Expr, sample: bool = False) -> Expr:
    """w of w^\\top x (k_j of q^\\top k_j) as the vector 𝐰 (𝐤_j, entries k_jm) the transpose shows it
    is; x^{(i)} (sample) as the sample 𝐱^{(i)}, entries x^{(i)}_j; anything else as it is."""
    if _indexed_letter(expr):
        base, _, sub = expr.name.partition("_")
        return make(f"{base}bold{SAMPLE if sample else ''}_{sub}")
    return make(f"{expr.name}bold") if _plain_letter(expr) or (isinstance(expr, Symbol) and expr.name in GREEK) \
        else expr


def _transposed_or_bold(matrix: Expr) -> bool:
    return isinstance(matrix, Transposed) or (matrix.is_Symbol and matrix.name.endswith("bold"))


def _at(expr: Expr, variable: Symbol, value: Expr, quantities: frozenset[str] = frozenset()) -> Expr:
    """expr with variable made value, as written (θ³/3 at 1 is 1³/3, for the next line to work out)."""
    return _at_all(expr, {variable: value}, quantities)


def _at_all(expr: Expr, values: dict[Symbol, Expr], quantities: frozenset[str] = frozenset()) -> Expr:
    """expr at the point values; a derivative still to take is taken first (Subs), never by μ̂; so is a
    quantity the text defines (θ̂_MAP|_{a = b = 1}: its definition, in a and b, at a = b = 1), and so is
    an expression that does not show a letter the bar sets (p_1|_{τ = 0.5}: τ is in p_1's definition,
    and the bar had been dropped)."""
    if len(values) == 1 and next(iter(values.values())) in (S.Infinity, S.NegativeInfinity):
        (variable, value), = values.items()  # [−x e^{−x}]_0^∞: the limit at ∞, not ∞·e^{−∞}
        return Limit(expr, variable, value)
    if expr.has(Derivative) or any(s.name in quantities for s in expr.free_symbols if s.is_Symbol) \
            or not set(values) <= expr.free_symbols:
        return Subs(expr, tuple(values), tuple(values.values()))
    return rebuild(expr, lambda node: values.get(node) if node.is_Symbol else None)


def integrated_letters(text: str) -> set[str]:
    """The letters a formula's integrals are taken in (the x of \\int … \\,dx)."""
    after = text[text.find("\\int"):] if "\\int" in text else ""
    return set(re.findall(r"(?:\\mathrm\{d\}|(?<![A-Za-z\\])d)\s*([A-Za-z])(?![A-Za-z])", after))


class Reader(Arithmetic, Calls, Commands):
    def __init__(self, text: str, variable: Symbol, limits: Limits, functions: dict[str, type],
                 quantities: frozenset[str] = frozenset(), gradients: dict[str, str] | None = None,
                 integrated: frozenset[str] = frozenset()) -> None:
        self.text, self.x, self.limits = text, variable, limits
        self.around = integrated  # the letters the lines around integrate in: [F]_0^1 after ∫ … dx
        self.gradients = gradients or {}  # J → wbold: ∇J is ∇_𝐰 J
        self.user = functions
        # h of a defined h_i (an index: one Latin letter), whose h_k (1 - h_k) multiplies
        self.families = {q.partition("_")[0] for q in quantities if _index_like(q.partition("_")[2])}
        self.quantities = quantities
        self.functions = {**FUNCTIONS, **functions}
        self.tokens = tokenize(text)
        self.i = 0
        self.depth = 0
        self.bars = 0  # open |…| pairs: a bar of no known side closes one when inside
        self.samples: set[str] = set()  # x_i read from x^{(i)}: as a vector (𝐰ᵀx^{(i)}), the sample 𝐱^{(i)}
        self.limits_read: list[tuple[Limit, Token]] = []  # each \lim read, with its token

    def parse(self) -> Expr:
        expr = super().parse()
        self.refuse_cut_limits(expr)
        return expr

    # --- tokens -------------------------------------------------------------------------------
    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def peek(self, k: int = 1) -> Token:
        return self.tokens[min(self.i + k, len(self.tokens) - 1)]

    def take(self) -> Token:
        t = self.tokens[self.i]
        self.i += 1
        return t

    def is_op(self, *ops: str, at: int | None = None) -> bool:
        k = self.i if at is None else at
        if k >= len(self.tokens):  # past the end (x^ at the end looks two tokens ahead): no operator there
            return False
        t = self.tokens[k]
        return t.kind == "op" and t.text in ops

    def expect(self, op: str, opened: Token | None = None) -> None:
        if not self.is_op(op):
            where = f" to close the {self.written(opened)!r} at column {opened.at + 1}" if opened else ""
            raise self.error(f"expected {op!r}{where}")
        self.take()

    def written(self, token: Token) -> str:
        return self.text[token.at:token.end]

    def error(self, message: str, token: Token | None = None) -> ParseError:
        token = token or self.tok
        if token.kind == "relation":
            return ParseError(_EQUATION, self.text, token.at)
        found = "the end of the input" if token.kind == "end" else f"'{self.written(token)}'"
        return ParseError(f"{message}, found {found}", self.text, token.at)

    def refuse(self, message: str, token: Token | None = None) -> ParseError:
        return ParseError(message, self.text, (token or self.tok).at)

    @contextmanager
    def deeper(self):
        self.depth += 1
        if self.depth > self.limits.max_depth:
            raise LimitError(f"the expression is nested more than {self.limits.max_depth} levels deep")
        try:
            yield
        finally:
            self.depth -= 1

    def skip_group(self, j: int) -> int:
        """Index after the script or argument starting at token j: one token, or a braced group."""
        if not self.is_op("{", at=j):
            return j + 1
        depth = 0
        while self.tokens[j].kind != "end":
            if self.is_op("{", at=j):
                depth += 1
            elif self.is_op("}", at=j):
                depth -= 1
                if depth == 0:
                    return j + 1
            j += 1
        return j

    def divisor_goes_on(self) -> bool:
        """A letter, a number or a Greek letter written right after the divisor, with no space: t/RC,
        x^2/2\\sigma^2 (as print means them). After a space, or a function, a root, a sum or a bracket,
        the product goes on outside it: 1/2 mv^2, n/2 \\log(2\\pi), 1/\\sqrt{2\\pi} e^{-x^2/2}."""
        t = self.tok
        if not self.touching():
            return False
        return t.kind in ("letter", "number") or (t.kind == "command" and (
            greek_name(t.text[1:]) is not None or t.text == r"\pi"))

    def touching(self) -> bool:
        """The token here is written right against the one before: no space in the source, and no visible
        one (\\,)."""
        return not self.tok.gap and self.tokens[self.i - 1].end == self.tok.at

    def at_dots(self) -> bool:
        return self.tok.kind == "command" and self.tok.text in (r"\cdots", r"\ldots", r"\dots", r"\dotsb", r"\dotsm")

    def starts_factor(self) -> bool:
        t = self.tok
        if t.kind in ("number", "letter", "name", "command", "cases"):
            return True
        if t.kind == "bar" and self.is_op("_", at=self.i + 1) and self.bars == 0:
            return False  # F \Big|_{x = 0}: the bar that evaluates what comes before it
        if t.kind == "bar":
            return t.side == "open" or (t.side == "" and self.bars == 0)
        return self.is_op("(", "[", "{")

    def unary(self) -> Expr:
        if self.is_op("-", "+"):
            sign = self.take().text
            with self.deeper():
                operand = self.unary()
            return negate(operand) if sign == "-" else operand
        return self.power()

    # --- scripts ------------------------------------------------------------------------------
    def power(self) -> Expr:
        return self.scripts(self.primary())

    def scripts(self, base: Expr) -> Expr:
        """Primes and one superscript after base: (e^x+1)', {e^{x}}^{\\prime}, x^{2}. TeX refuses a
        second superscript (x^2^3), and so does derive."""
        primes, exponent, sample = 0, None, None
        while True:
            if self.is_op("'"):
                if exponent is not None:
                    raise self.refuse("a prime after a superscript: put the power in braces, {x^{2}}'")
                self.take()
                primes += 1
            elif self.is_op("^"):
                hat = self.take()
                if exponent is not None:
                    raise self.refuse("a double superscript: add braces, x^{2^{3}} or {x^{2}}^{3}", hat)
                n = self.prime_script()
                if n:
                    primes += n
                elif exponent is None and not primes and base.is_Symbol and self.star_script():
                    base = make(_starred(base.name))  # w^*, \theta^{\star}: the optimum, a name of its own
                elif exponent is None and not primes and self.transpose_script(base):
                    base = Transposed(_as_vector(base))
                elif self.sample_script():
                    sample = self.tokens[self.i + 2].text
                    base = self.sample_of(base, hat)
                elif base.is_Symbol and self.parenthesized_script():
                    # θ^{(t+1)}, β^{(-i)}, W^{[l-1]}: an iterate, a fit leaving sample i out, the layer before
                    # l; never θ to the power t + 1
                    raise self.refuse("a superscript in brackets labels an iterate, a sample left out or a layer "
                                      "(or is an order), never a power: derive reads only x^{(i)} and a^{[l]}, with "
                                      "one letter or number", hat)
                else:
                    if base.is_Symbol and self.is_op("_", at=self.i + 1) and (
                            self.tok.kind == "letter" or self.tok.kind == "command" and greek_name(self.tok.text[1:])):
                        # δ^L_j, δ^\ell_j: TeX puts j under δ, never under L (which was read as the power
                        # L_j); a power of δ_j, or layer L's δ_j as neural-network books write it?
                        raise self.refuse("x^L_j: the j is x's subscript, and L a power or a layer; derive does "
                                          "not guess: write x_j^{L} for a power, or x^{[L]}_j for a layer", hat)
                    with self.deeper():
                        exponent = self.script()
            elif self.is_op("_") and exponent is None and not primes and is_vector(base) and sample is None:
                self.take()  # (X^T X w - X^T y)_k: entry k of the vector in the bracket
                index = self.script()
                if not (index.is_Symbol and len(index.name) == 1):
                    raise self.refuse("an entry of a vector is a letter, as in (X^\\top \\mathbf{y})_k")
                base = entry(base, index, self.letters())
            elif self.is_op("_") and sample is not None and exponent is None and not primes:
                base = self.component_of_sample(base, sample)  # x^{(i)}_j, as x_j^{(i)}
                sample = None
            elif self.is_op("_"):
                raise self.refuse("a subscript belongs to a name, as in x_1 (write it before any power)")
            elif self.is_op("!"):
                if exponent is not None or primes:
                    raise self.refuse("a factorial after a power or a prime: add braces, as in (x^{2})!")
                self.take()
                if self.is_op("!"):
                    raise self.refuse("a double factorial (n!!): derive does not read it")
                check_factorial(base, self.limits)
                base = factorial(base)
            else:
                break
        if primes:
            self.no_transpose_prime(base, primes)
            if self.x not in base.free_symbols:
                self.at_own_variable()
            base = Derivative(base, (self.x, primes))
        return base if exponent is None else power(base, exponent, self.limits)

    def no_transpose_prime(self, base: Expr, primes: int) -> None:
        """x'β, β'x, X'y and (y − Xβ)'(y − Xβ): statistics writes the transpose with a prime. Refused,
        never read as d/dx: the prime of a capital or a Greek letter right before a letter (X'X, β'x, but
        not F'(x) or θ' = ω), the variable's own before a capital or a Greek letter (x'β would be 1·β;
        derive's own x' \\sin x stays), and a primed bracket before the same bracket (a quadratic form;
        (e^x)'(e^x + 1) stays)."""
        if primes != 1:
            return
        t = self.tok
        if not base.is_Symbol:  # (y − Xβ)'(y − Xβ): a quadratic form, the same bracket twice; (e^x)'(e^x + 1)
            # and (fg)'(x) stay derivatives
            if self.is_op("(") and not t.gap and self._same_bracket_before():
                raise self.refuse("(…)'(…): a transpose times a bracket, as statistics writes (y - X\\beta)'(y - X\\beta), "
                                  "or a derivative? derive does not guess: write ^\\top for a transpose")
            return
        before_a_letter = t.kind in ("letter", "command") and not t.gap
        # (X'X, β'x: a capital or a Greek letter right before a letter; f'g and F'(x) stay derivatives;
        # x'β, the variable's own prime before a parameter, would be 1·β; derive's own x' \sin x stays)
        matrix_like = len(base.name) == 1 and base.name.isupper() or greek_name(base.name) is not None
        parameter = t.kind == "letter" and t.text.isupper() or t.kind == "command" and greek_name(t.text[1:]) is not None
        if before_a_letter and (matrix_like or base.name == self.x.name and parameter):
            raise self.refuse(f"{base.name}': a transpose, as statistics writes {base.name}'y, or a derivative? "
                              f"derive does not guess: write {base.name}^\\top for a transpose")

    def _same_bracket_before(self) -> bool:
        """The bracket at the reading position holds the same tokens as the primed bracket before it."""
        def inside(k: int, step: int) -> list[str] | None:
            opening, closing = ("(", ")") if step > 0 else (")", "(")
            depth, texts = 0, []
            while 0 <= k < len(self.tokens) and self.tokens[k].kind != "end":
                text = self.tokens[k].text
                depth += (text == opening) - (text == closing)
                if depth == 0:
                    return texts[1:] if step > 0 else texts[1:][::-1]
                texts.append(text)
                k += step
            return None

        k = self.i - 1
        while k >= 0 and self.tokens[k].text in ("'", "^", "{", "}", "\\prime"):
            k -= 1  # back over ' or ^{\prime} to the bracket's end
        after, before = inside(self.i, 1), inside(k, -1) if k >= 0 and self.tokens[k].text == ")" else None
        return after is not None and after == before

    def at_own_variable(self) -> None:
        """(fg)'(x), (1/g)'(x): a primed bracket of functions written without their argument, then (x):
        the derivative at the variable itself, never times x; at any other point, (fg)'(2), refused.
        ({e^x}'(e^x + 1) multiplies, as before: its bracket is written in x.)"""
        if not self.is_op("(") or self.tok.gap:
            return
        inner = self.tokens[self.i + 1]
        if inner.kind == "letter" and inner.text == self.x.name and self.is_op(")", at=self.i + 2):
            self.i += 3
            return
        raise self.refuse("a derivative taken at a point, as in (fg)'(2): derive reads (fg)'(x) only", self.tok)

    def prime_script(self) -> int:
        """After ^: the number of \\prime in ^\\prime or ^{\\prime\\prime}, consumed; 0 (nothing taken)
        for any other superscript."""
        if self.tok.kind == "command" and self.tok.text == r"\prime":
            self.take()
            return 1
        end = self.skip_group(self.i)
        inside = self.tokens[self.i + 1:end - 1]
        if self.is_op("{") and inside and all(t.kind == "command" and t.text == r"\prime" for t in inside):
            self.i = end
            return len(inside)
        return 0

    def star_script(self) -> bool:
        """After ^: *, {*}, \\star or \\ast (read as *), consumed."""
        end = self.skip_group(self.i)
        inside = [t.text for t in (self.tokens[self.i + 1:end - 1] if self.is_op("{") else self.tokens[self.i:end])]
        if inside in (["*"], [r"\star"]):
            self.i = end
            return True
        return False

    def transpose_script(self, base: Expr) -> bool:
        """After ^: \\top, \\intercal, \\mathsf{T}, \\mathrm{T} (or a plain T after a bold or capital name:
        𝐰^T, X^T; x^T of a plain letter is a power): a transpose, consumed."""
        end = self.skip_group(self.i)
        tokens = self.tokens[self.i + 1:end - 1] if self.is_op("{") else self.tokens[self.i:end]
        inside = [t.text for t in tokens]
        upright = inside == ["T"] and self.written(tokens[0]).startswith("\\")  # \mathsf{T}, \mathrm{T}
        if inside in ([r"\top"], [r"\intercal"]) or upright or (inside == ["T"] and (
                parts_of(base) is not None or (base.is_Symbol and base.name[:1].isupper()))):
            self.i = end
            return True
        if inside == ["T"] and _plain_letter(base):  # w^T x: a transpose in ML notes, a power elsewhere
            raise self.refuse(f"{base}^T is a transpose or a power, and derive does not guess: write "
                              f"{base}^\\top for a transpose")
        return False

    def multiplied(self, factors: list[Expr], starred: list[bool]) -> list[Expr]:
        """𝐰ᵀ𝐱 and 𝐰·𝐱 are dot products, Σ_k w_k x_k (vectors.py); every other factor as it is."""
        out: list[Expr] = []
        for factor, star in zip(factors, starred):
            last = out[-1] if out else None
            if star == "entrywise":
                if not (is_vector(last) and is_vector(factor)):
                    raise VectorError("⊙ multiplies two vectors entry by entry")
                out[-1] = Hadamard(last, factor)
            elif isinstance(last, Transposed) and parts_of(last.args[0]) is not None and (
                    is_vector(factor) or _plain_letter(factor) or _indexed_letter(factor)):
                out[-1] = dot(last.args[0], _as_vector(factor, str(factor) in self.samples), self.letters())
            elif star and last is not None and is_vector(last) and is_vector(factor) \
                    and not isinstance(last, Transposed):
                out[-1] = dot(last, factor, self.letters())
            elif last is not None and is_matrix(last) and is_matrix(factor) and not star \
                    and (_transposed_or_bold(last) or _transposed_or_bold(factor)):  # (XY: random variables)
                out[-1] = MatrixProduct(last, factor)  # XᵀX: the order matters, and Mul would lose it
            else:
                out.append(factor)
        return out

    def sample_script(self) -> bool:
        """After ^: {(i)}, the index of a sample in x^{(i)} (or {(2)}, a sample or an order: refused), or
        {[l]}, a layer's in a^{[l]}, W^{[2]} (the deep-learning courses' notation: never a power)."""
        kinds = [(t.kind, t.text) for t in self.tokens[self.i:self.i + 5]]
        return (len(kinds) == 5 and kinds[0] == ("op", "{") and (kinds[1], kinds[3]) in _LABEL_BRACKETS
                and kinds[4] == ("op", "}") and kinds[2][0] in ("letter", "number"))

    def parenthesized_script(self) -> bool:
        """After ^: {(…)} or {[…]}, a group that is one bracket whole, as in ^{(t+1)}, ^{[l-1]} (not
        ^{(x-1)(x+1)})."""
        end = self.skip_group(self.i)
        inside = self.tokens[self.i + 1:end - 1] if self.is_op("{") else []
        if len(inside) < 2 or ((inside[0].kind, inside[0].text), (inside[-1].kind, inside[-1].text)) \
                not in _LABEL_BRACKETS:
            return False
        opening, closing = inside[0].text, inside[-1].text
        depth = 0
        for k, t in enumerate(inside):
            depth += (t.kind, t.text) == ("op", opening)
            depth -= (t.kind, t.text) == ("op", closing)
            if depth == 0:
                return k == len(inside) - 1
        return False

    def sample_of(self, base: Expr, hat: Token) -> Expr:
        """x^{(i)} is the i-th sample x_i (x_j^{(i)}: x_ji), never x to the power i."""
        t = self.tokens[self.i + 2]
        # x^{(2)} is the second sample, w_j^{(0)} the first iterate; f^{(2)}(x), or y^{(2)} of a y the text
        # defines, may be a second derivative: refused (a^{[2]}, in brackets, is a layer's, never an order)
        order = t.kind == "number" and self.is_op("(", at=self.i + 1) and (
            self.is_op("(", at=self.i + 5) or not t.text.isdigit() or str(base).partition("_")[0] in self.quantities)
        if order or not (base.is_Symbol and t.text.isascii()):
            opening, closing = self.tokens[self.i + 1].text, self.tokens[self.i + 3].text
            raise self.refuse(f"^{{{opening}{t.text}{closing}}}: a sample's index or a derivative's order; derive reads "
                              "x^{(i)} for a sample, with a letter", hat)
        self.i += 5
        if t.kind == "number":  # w^{(2)}, w_j^{(2)}: layer 2's w2 and family w2, its j-th (a sum over j
            letter, _, sub = base.name.partition("_")  # sees the index, as in w2_j; never w_2, which is w_2)
            return make(f"{letter}{t.text}" + (f"_{sub}" if sub else ""))
        if parts_of(base) is not None and "_" not in base.name:  # 𝐱^{(i)}: its entries are x^{(i)}_j
            return make(f"{base.name}{SAMPLE}_{t.text}")
        if "_" not in base.name:
            self.samples.add(f"{base.name}_{t.text}")
        return make(f"{base.name}{'' if '_' in base.name else '_'}{t.text}")

    def component_of_sample(self, sample_symbol: Expr, sample: str) -> Expr:
        """x^{(i)}_j: component j of the i-th sample, the x_ji that x_j^{(i)} is."""
        at = self.tok
        parts, end = self.subscript_at(self.i + 1)
        base = sample_symbol.name[:-len(sample)].rstrip("_")
        decoration = next((d for d in DECORATIONS if base.endswith(d) and len(base) > len(d)), "")
        name = self.subscripted(base[:len(base) - len(decoration)], parts, decoration)
        if name is None or "_" in base:
            raise self.refuse("a subscript of a sample is a letter, as in x^{(i)}_j", at)
        self.i = end
        if sample.isdigit():  # w^{(2)}_j: layer 2's family w2, as w_j^{(2)} is
            letter, _, sub = name.partition("_")
            return make(f"{letter}{sample}_{sub}")
        return make(name + sample)

    def script(self, split_digits: bool = False) -> Expr:
        """A TeX argument: {…}, or one token. x^23 shows as x²3 and \\frac123 as ½3: refused, to be
        braced, rather than read either way; \\frac12 is ½, as in TeX (split_digits: take one digit of
        a longer number and leave the rest for the next argument)."""
        t = self.tok
        if self.is_op("{"):
            return self.group()
        if t.kind == "number" and split_digits and len(t.text) > 1 and t.text.isdigit():
            self.tokens[self.i] = Token("number", t.text[1:], t.at + 1, t.end)
            return number(t.text[0], self.limits)
        if t.kind == "number":
            if len(t.text) > 1:
                raise self.refuse(f"braces needed: TeX takes only the first digit of {t.text} here; "
                                  f"write {{{t.text}}}")
            self.take()
            return number(t.text, self.limits)
        if t.kind == "letter":
            return self.letter(alone=True)
        if t.kind == "command" and self.is_atom_command(t):
            return self.command()
        if self.is_op("-", "+"):
            raise self.refuse(f"braces needed: TeX raises only the sign here; write ^{{{t.text}…}}")
        raise self.error("expected a digit, a letter or a group in braces {…}")

    # --- atoms --------------------------------------------------------------------------------
    def primary(self) -> Expr:
        t = self.tok
        if _d_kind(t) is not None and (derivative := self.slash_derivative()) is not None:
            return derivative
        if t.kind == "number":
            self.take()
            return number(t.text, self.limits)
        if t.kind == "letter":
            return self.letter()
        if t.kind == "name":
            return self.named()
        if t.kind == "command":
            return self.command()
        if t.kind == "bar":
            return self.absolute()
        if t.kind == "text":
            raise self.refuse(f"{t.text} is not part of an expression")
        if t.kind == "cases":
            self.take()
            try:
                return piecewise(t.text, self.part)
            except ParseError as exc:
                raise self.refuse(f"in cases: {exc.args[0] if exc.args else exc}", t) from None
        if self.is_op("(", "["):
            return self.bracket()
        if self.is_op("{"):
            return self.group()
        raise self.error("expected a number, a name or a bracket")

    def part(self, text: str) -> Expr:
        """One piece of math inside a construct (a row of cases), read in this reader's context."""
        return Reader(text, self.x, self.limits, self.user, self.quantities, self.gradients, self.around).parse()

    def slash_derivative(self) -> Expr | None:
        """dy/dx, d\\sigma/dz, \\partial L / \\partial o_r: Leibniz's notation on one line, the derivative
        (never d·y/(d·x)); None (nothing taken) where the d is not followed so."""
        start, kind = self.i, _d_kind(self.tok)
        if self.is_op("/", at=self.i + 1) and _d_kind(self.peek(2)) == kind:  # d/dx (x^2): an operator on one
            raise self.refuse("write d/dx as \\frac{d}{dx}: on one line it reads as d·(…)/(d·x)")  # line
        if self.is_op("(", "[", at=self.i + 1) or self.peek().kind == "bar":  # d(x^2)/dx, d|x|/dx
            end = self._closing(self.i + 1)
            if end is not None and self.is_op("/", at=end) and _d_kind(self.tokens[end + 1]) == kind:
                raise self.refuse("write d(…)/dx as \\frac{d}{dx}(…)")
        order, k = _order(self.tokens, self.i + 1)  # d^2y/dx^2
        if order is None and self._over_a_differential(kind):  # d^n y/dx^n
            raise self.refuse("a derivative of an order that is no number (d^n y/dx^n), which derive does "
                              "not take")
        after = self.tokens[k]
        if order is None or not (after.kind in ("letter", "command", "name") and _d_kind(after) is None):
            return None
        self.i = k
        with self.deeper():
            top = self.power()
        if not (self.is_op("/") and _d_kind(self.peek()) == kind and self.peek(2).kind in ("letter", "command", "name")):
            self.i = start
            return None
        self.i += 2
        with self.deeper():
            variable = self.power() if order == 1 else self.primary_with_subscript()
        below, self.i = _order(self.tokens, self.i)
        if not variable.is_Symbol or below != order:
            raise self.refuse("a derivative written d…/dx is by one variable, with the same order above and "
                              "below (d^2y/dx^2)", self.tokens[start])
        return Derivative(top, (variable, order))

    def _over_a_differential(self, kind: str) -> bool:
        """A / followed by d (or ∂) in this term, before a sign, a relation or a comma outside brackets:
        d^n y/dx^n, not d^n x + y/dx."""
        depth = 0
        for j in range(self.i + 1, len(self.tokens) - 1):
            if self.is_op("(", "[", "{", at=j):
                depth += 1
            elif self.is_op(")", "]", "}", at=j):
                depth -= 1
                if depth < 0:  # (the bracket d^n stands in has closed: its term is over)
                    return False
            elif depth == 0 and (self.is_op("+", "-", ",", at=j) or self.tokens[j].kind == "relation"):
                return False
            elif depth == 0 and self.is_op("/", at=j) and _d_kind(self.tokens[j + 1]) == kind:
                return True
        return False

    def _closing(self, j: int) -> int | None:
        """The index after the bracket (or bar) opened at j and its match, or None where it is not closed."""
        if self.tokens[j].kind == "bar":  # |x|: the next bar closes it
            return next((k + 1 for k in range(j + 1, len(self.tokens)) if self.tokens[k].kind == "bar"), None)
        opening = self.tokens[j].text
        closing, depth = _CLOSING[opening], 0
        for k in range(j, len(self.tokens)):
            depth += self.is_op(opening, at=k) - self.is_op(closing, at=k)
            if depth == 0:
                return k + 1
        return None

    def primary_with_subscript(self) -> Expr:
        """x or x_1 before the order of d^2y/dx_1^2: the variable, without the power that is the order."""
        with self.deeper():
            variable = self.primary()
        if self.is_op("_") and variable.is_Symbol:
            parts, end = self.subscript_at(self.i + 1)
            name = self.subscripted(variable.name, parts)
            if name is None:
                raise self.refuse("a subscript of a name is letters and digits, as in x_1 or x_{ij}")
            self.i = end
            variable = make(name)
        return variable

    def bracket(self) -> Expr:
        opened = self.take()
        with self.deeper():
            inner = self.sum()
        self.expect(_CLOSING[opened.text], opened)
        if opened.text == "[" and self.is_op("_", "^"):
            return self.evaluated(inner, opened)
        return inner

    def trailing(self, expr: Expr) -> Expr:
        """\\frac{\\partial L}{\\partial \\theta_1}\\Big|_{\\theta_1 = 0}: a bar after the whole expression
        evaluates it (inside a bracket or a term, where it would evaluate a part, it is refused)."""
        if self.tok.kind == "bar" and self.is_op("_", at=self.i + 1) and self.bars == 0:
            return self.evaluated(expr, self.take())
        return expr

    def evaluated(self, inner: Expr, opened: Token) -> Expr:
        """[F]_a^b (and \\left. F \\right|_a^b) is F(b) − F(a); [F]_{x=a} is F at x = a."""
        point = low = high = None
        variable = None
        if self.is_op("_") and self.is_op("{", at=self.i + 1) and self.listed_at(self.i + 1):
            self.take()
            return self.at_points(inner, opened)
        while self.is_op("_", "^"):
            script = self.take().text
            with self.deeper():
                if script == "_" and low is None and point is None and self.is_op("{") and self.tok_relation_at():
                    self.take()
                    variables = [self.bar_variable(opened)]
                    if not (self.tok.kind == "relation" and self.tok.text == "="):
                        raise self.refuse("an evaluation bar sets letters to a value: _{x = 0}, _{a = b = 2}", opened)
                    self.take()  # =
                    point = self.sum()
                    while self.tok.kind == "relation" and self.tok.text == "=":  # _{\alpha = \beta = 2}
                        self.take()
                        variables.append(point)
                        point = self.sum()
                    if not all(v.is_Symbol for v in variables):
                        raise self.refuse("an evaluation bar sets letters to a value: _{x = 0}, _{a = b = 2}", opened)
                    self.expect("}")
                elif script == "_" and low is None:
                    low = self.script()
                elif script == "^" and high is None:
                    high = self.script()
                else:
                    raise self.refuse("an evaluation bracket has one lower and one upper bound", opened)
        if point is not None:
            if high is not None:
                raise self.refuse("an evaluation bracket at a point has no upper bound", opened)
            for variable in variables:
                inner = _at(inner, variable, point, self.quantities)
            return inner
        if low is None or high is None:
            raise self.refuse("an evaluation bracket reads [F]_a^b or [F]_{x=a}", opened)
        candidates = sorted(inner.free_symbols - low.free_symbols - high.free_symbols, key=str)
        if len(candidates) == 1:  # x y evaluated from 0 to 1: by x or by y? said, never guessed
            variable = candidates[0]
        elif len(by := [c for c in candidates if c.name in self.integrated()]) == 1:
            variable = by[0]  # [−x e^{−λx}]_0^∞ + \int_0^∞ e^{−λx} dx: integration by parts, in x
        else:
            raise self.refuse("an evaluation bracket in several variables: write [F]_{x=a}^{b}", opened)
        return add(_at(inner, variable, high, self.quantities), neg(_at(inner, variable, low, self.quantities)))

    def listed_at(self, j: int) -> bool:
        """A braced group at j with a comma at its top level: \\right|_{\\hat\\mu, \\hat\\sigma}."""
        end, depth = self.skip_group(j), 0
        tupled = self.is_op("(", at=j + 1) and self.is_op(")", at=end - 2)  # _{(\hat w, \hat b)}: a point
        for k in range(j, end):
            depth += self.is_op("{", "(", "[", at=k) - self.is_op("}", ")", "]", at=k)
            if depth == 1 + tupled and self.is_op(",", at=k):
                return True
        return False

    def at_points(self, inner: Expr, opened: Token) -> Expr:
        """F|_{\\hat\\mu, \\hat\\sigma} is F at μ = μ̂ and σ = σ̂ (the estimates, each for its own letter);
        F|_{\\mu = 0, \\sigma = 1} at the values given; F|_{\\sigma^2 = \\hat\\sigma^2} at σ = σ̂."""
        self.expect("{")
        tupled = self.is_op("(")
        if tupled:
            self.take()
        values: dict[Symbol, Expr] = {}
        while True:
            with self.deeper():
                name = self.sum()
            if self.tok.kind == "relation" and self.tok.text == "=":
                self.take()
                with self.deeper():
                    value = self.sum()
                if name.is_Pow and name.exp == 2 and name.base.is_Symbol:  # σ² = σ̂²: σ is σ̂ (a spread, ≥ 0)
                    name, value = name.base, root_of_square(value)
                values[name] = value
            elif name.is_Symbol and (base := _undecorated(name)) is not None:
                values[base] = name
            else:
                raise self.refuse("a point to evaluate at is x = a, or an estimate such as \\hat{\\mu}", opened)
            if not name.is_Symbol:
                raise self.refuse("a point to evaluate at names its variable, as in x = a", opened)
            if tupled and self.is_op(")"):
                self.take()
                tupled = False
            if self.is_op("}") and not tupled:
                self.take()
                return _at_all(inner, values, self.quantities)
            self.expect(",")

    def integrated(self) -> set[str]:
        """The letters the expression's integrals are taken in (the x of \\int … \\,dx), or else those
        its chain's other lines integrate in (the bracket integrating by parts leaves, a line on)."""
        return integrated_letters(self.text) or set(self.around)

    def tok_relation_at(self) -> bool:
        """At {x = …, {w_+ = …, {\\hat\\theta = …: a lower bound that names its variable."""
        k = self.i + 1
        while True:
            subscript = self.is_op("{", at=k) and self.is_op("_", at=k - 1)  # w_{+}: its braces are the name's
            if subscript:
                k = self.skip_group(k)
            elif self.tokens[k].kind in ("relation", "end") or self.is_op("}", "{", at=k):
                break
            else:
                k += 1
        return self.tokens[k].kind == "relation" and self.tokens[k].text == "=" and k > self.i + 1

    def bar_variable(self, opened: Token) -> Expr:
        """The letter an evaluation bar sets: x, \\theta, w_+, \\hat\\theta."""
        with self.deeper():
            variable = self.power()
        if not variable.is_Symbol:
            raise self.refuse("an evaluation bar sets letters to a value: _{x = 0}, _{a = b = 2}", opened)
        return variable

    def group(self) -> Expr:
        opened = self.take()
        if self.is_op("}"):
            raise self.refuse("an empty group {}")
        with self.deeper():
            inner = self.sum()
        self.expect("}", opened)
        return inner

    def absolute(self) -> Expr:
        opened = self.take()
        if opened.side == "close":
            raise self.error("a closing bar with no opening one")
        self.bars += 1
        with self.deeper():
            inner = self.sum()
        self.bars -= 1
        if not (self.tok.kind == "bar" and self.tok.side in ("", "close") and self.tok.text == opened.text):
            raise self.error(f"expected '{opened.text}' to close the bar at column {opened.at + 1}")
        self.take()
        if opened.text == "‖":
            return self.norm(inner, opened)
        return Abs(inner, evaluate=False)

    def norm(self, inner: Expr, opened: Token) -> Expr:
        """‖𝐰‖ and ‖𝐰‖_2: the root of Σ_k w_k². ‖u‖ and ‖u − v‖ of plain letters: vectors too, as
        the double bars say (‖x_1‖ of a number is |x_1|)."""
        if self.is_op("_"):
            end = self.skip_group(self.i + 1)
            if [t.text for t in self.tokens[self.i + 1:end] if t.text not in "{}"] != ["2"]:
                raise self.refuse("derive reads the length ‖𝐰‖ or ‖𝐰‖_2 of a vector, no other norm", opened)
            self.i = end
        inner = rebuild(inner, lambda node: _as_vector(node) if isinstance(node, Symbol) else None)
        if not is_vector(inner):
            return Abs(inner, evaluate=False)
        return sqrt(norm_squared(inner, self.letters()))

    def letters(self) -> set[str]:
        """The letters written anywhere in the expression: an index derive names must differ from them."""
        return {t.text for t in self.tokens if t.kind == "letter"}

    def letter(self, alone: bool = False) -> Expr:
        """x, e, x_1, θ_0; f(x), g'(x) and the user's functions are calls; any other letter before
        a bracket multiplies, as in plain text: x(x^3) is x·x³."""
        self.refuse_word()
        word = self.word()
        if not alone and len(word) > 1 and word in self.user and self.calls_at(self.i + len(word)):
            first = self.tok
            self.i += len(word)
            return self.call(self.user[word], word, first)
        t = self.take()
        if not alone and t.text in _OPERATORS and t.text not in self.user and self.averages_at(self.i):
            if t.text not in AVERAGES:
                raise self.refuse(f"{t.text}[…] is {_OPERATORS[t.text]}: derive does not read it yet, and will "
                                  f"not take it for {t.text} times a bracket", t)
            return self.average(AVERAGES[t.text], t)
        if not alone and self.is_op("_") and self.calls_at(self.i):
            named = self.subscripted_function(t)
            if named is not None:
                return named
            parts, end = self.subscript_at(self.i + 1)
            written = self.subscripted(t.text, parts) or ""
            if t.text in self.families and _index_like(written.partition("_")[2]) or (written not in self.user
                    and t.text in UNDEFINED_FUNCTIONS and self.times_itself(t, written, end, parts)):
                return self.name_symbol(t, t.text)  # h_k (1 - h_k): the (defined) h_k, times a bracket
        if not alone and self.calls_at(self.i):
            if t.text == "O" and "O" not in self.user:  # x - x^3/6 + O(x^5): never O times x^5
                raise self.refuse("O(…) is an order term: derive does not read it yet", t)
            if t.text == "E" and "E" not in self.user:  # an expectation E(X), or an energy E(x): never E·x
                raise self.refuse("E(…) is an expectation or a function: write \\mathbb{E}[…] for an "
                                  "expectation, or define E", t)
            func = self.function_of_letter(t)
            if func is not None:
                return self.call(func, t.text, t)
        return self.name_symbol(t, t.text, constant=t.text == "e")

    def subscripted_function(self, t: Token) -> Expr | None:
        """h_\\theta(x), f_X(x): a function named with its subscript (the one the text defined, or an
        unknown one), never h(x)/log θ; None for x_1(x + 1), a product as in plain text."""
        parts, end = self.subscript_at(self.i + 1)
        name = self.subscripted(t.text, parts)
        if name is None or not (name in self.user or t.text in UNDEFINED_FUNCTIONS or self.several_arguments(end)
                                or self.number_argument(end) and name not in self.quantities
                                or self.infinity_argument(end)):
            return None
        if name not in self.user and t.text in self.families and _index_like(name.partition("_")[2]):
            return None  # h_k (1 - h_k) where the text defined h_i = σ(a_i): a product, not a call
        if name not in self.user and self.holds_itself(end, t.text, parts):
            return None  # h_2\,(1 - h_2^2): never h_2 taken at its own expression (letter decides)
        self.i = end
        if name in self.user:
            return self.call(self.user[name], name, t)
        value = self.call(Function(name), name, t)
        # an unknown h_θ(x) depends on θ as well: d/dθ of it is unknown, never 0
        extra = [make(p) for p in (canonical(q.text) if q.kind == "letter" else greek_name(q.text[1:]) if
                                   q.kind == "command" else None for q in parts) if p is not None]
        return value.func(*value.args, *extra) if isinstance(value, AppliedUndef) and extra else value

    def times_itself(self, t: Token, name: str, j: int, parts: list[Token] = ()) -> bool:
        r"""h_2(1 - h_2^2), g_j(1 - g_j): the bracket at j holds the name itself, so no call. A product where
        the text defined the name or its family as a quantity (h_t = \tanh(z_t)); refused where it did not:
        a unit's g_j is then a function of its input the text has in mind (g_j = σ(a_j), said in code), and
        read as a letter of its own it would make σ'(a_j) = g_j(1 - g_j) wrong."""
        if not self.holds_itself(j, t.text, parts):
            return False
        if name in self.quantities or name.partition("_")[0] in self.families:
            return True
        raise self.refuse(f"{name}(…) with {name} inside: a product or a call? derive cannot tell until the "
                          f"text defines {name}", t)

    def function_of_letter(self, t: Token):
        if t.text in self.user and self.holds_itself(self.i, t.text):
            return None  # rP(1 - P/K) with P(t) defined: P times a bracket (a call of P at P means nothing)
        if t.text in self.user:
            return self.user[t.text]
        if t.text == "σ":
            return FUNCTIONS["sigma"]
        if t.text in UNDEFINED_FUNCTIONS and self.holds_itself(self.i, t.text):
            return None  # h(\sqrt{x + h} + \sqrt{x}), f(1 - f): a product (a call at itself means nothing)
        if t.text in UNDEFINED_FUNCTIONS or self.primes_follow() or self.several_arguments(self.i) \
                or self.vector_argument(self.i) or t.text in self.gradients \
                or self.number_argument(self.i) and t.text.isupper() and t.text not in self.quantities \
                or self.infinity_argument(self.i):
            # y'(x): the derivative of a function y; J(𝐰) a function of a vector, and so J(ŵ) after the
            # text defined J(𝐰) = … (never J times ŵ)
            return Function(t.text)
        return None

    def vector_argument(self, j: int) -> bool:
        """A bracket at j that holds one bold letter alone: J(\\mathbf{w}) calls J; no author writes a
        matrix times a vector with the vector alone in brackets."""
        if not self.is_op("(", at=j) or self.tokens[j + 1].text not in DECORATED_VECTORS:
            return False
        end = self.skip_group(j + 2)
        return self.is_op(")", at=end)

    def number_argument(self, j: int) -> bool:
        """A bracket at j that holds one number, (1) or (−0.5): after a subscripted name or a capital,
        M_X(1), T_2(0.1), M(1) take a function at a point (read as a product, M_X(1) = e^{μ + σ²/2} was
        M_X = …); n(0.5)(0.5), worked arithmetic, stays a product."""
        return self.alone_in_bracket(j, ("-",), lambda t: t.kind == "number")

    def infinity_argument(self, j: int) -> bool:
        """A bracket at j that holds ∞ alone, (\\infty) or (-\\infty): Λ(∞), x(∞) take a function at infinity
        (a cumulative hazard, a trajectory's end). Read as a product, Λ·∞ made e^{−Λ(∞)} = e^{−2Λ(∞)} true."""
        return self.alone_in_bracket(j, ("-", "+"), lambda t: t.kind == "command" and t.text == "\\infty")

    def alone_in_bracket(self, j: int, signs: tuple[str, ...], found: Callable[[Token], bool]) -> bool:
        """A bracket at j that holds one token that is found, after at most one of the signs."""
        if not self.is_op("(", at=j):
            return False
        k = j + 1 + self.is_op(*signs, at=j + 1)
        return found(self.tokens[k]) and self.is_op(")", at=k + 1)

    def sum_inside(self, j: int) -> bool:
        """A bracket at j that holds a + or a − at its top level, other than a leading sign:
        \\mathcal{E}(1 - e^{-t/RC})."""
        return self.at_top_level(j, lambda k: self.is_op("+", "-", at=k) and not self.is_op("(", ",", ";", at=k - 1))

    def several_arguments(self, j: int) -> bool:
        """A bracket at j that holds a comma or a semicolon at its top level: L(\\mu, \\sigma; x) calls a
        function of several arguments; no product has a comma in its factor."""
        return self.is_op("(", at=j) and self.at_top_level(j, lambda k: self.is_op(",", ";", at=k))

    def at_top_level(self, j: int, found: Callable[[int], bool]) -> bool:
        """Whether a token of the bracket opened at j, outside any bracket inside it, is found."""
        depth = 0
        while self.tokens[j].kind != "end":
            if self.is_op("(", "[", "{", at=j):
                depth += 1
            elif self.is_op(")", "]", "}", at=j):
                depth -= 1
                if depth == 0:
                    return False
            elif depth == 1 and found(j):
                return True
            j += 1
        return False

    def name_symbol(self, t: Token, base: str, constant: bool = False, decoration: str = "") -> Expr:
        """base with its decoration and subscript, if any, as the one symbol names.py makes of it."""
        if not self.is_op("_"):
            if constant:
                return S.Exp1
            name = canonical(base, None, decoration)
            if name is None:
                raise self.refuse(f"{base!r} looks like a Latin letter but is not one", t)
            return make(name)
        self.take()
        second = self.skip_group(self.i)
        if self.is_op("_", at=second):
            raise self.refuse("a double subscript: add braces, x_{12} or {x_1}_2", self.tokens[second])
        start = self.tok
        if start.kind == "number" and len(start.text) > 1:
            raise self.refuse(f"braces needed: TeX takes only the first digit of {start.text} here; "
                              f"write {base}_{{{start.text}}}", start)
        parts, end = self.subscript_at(self.i)
        name = self.subscripted(base, parts, decoration)
        if name is None or not parts:
            raise self.refuse("a subscript of a name is letters and digits, as in x_1 or x_{ij}", start)
        self.i = end
        return make(name)

    def subscript_at(self, j: int) -> tuple[list[Token], int]:
        """The tokens of the subscript whose argument starts at j ({ij}, or one token) and where it ends."""
        end = self.skip_group(j)
        return (self.tokens[j + 1:end - 1] if self.is_op("{", at=j) else self.tokens[j:end]), end

    def subscripted(self, base: str, parts: list[Token], decoration: str = "") -> str | None:
        """The canonical name of base with the subscript written by parts (θ_{0} → theta_0), or None.
        Single letters between commas are indices: δ_{k,y} is δ_ky, w_{i,j} is w_ij; w_+ and w_- name
        a class's weight (w_plus, w_minus), where x_{n+1} is no name."""
        if len(parts) == 1 and parts[0].kind == "op" and parts[0].text in ("+", "-"):
            return canonical(base, "plus" if parts[0].text == "+" else "minus", decoration)
        if len(parts) > 2 and all((t.kind == "op" and t.text == ",") == (k % 2 == 1) for k, t in enumerate(parts)):
            letters = parts[::2]
            if not all(t.kind == "letter" for t in letters):
                return None
            parts = letters
        return canonical(base, " ".join(self.subscript_part(p) for p in parts), decoration)

    def subscript_part(self, t: Token) -> str:
        if t.kind == "command" and greek_name(t.text[1:]) is not None:
            return f"\\{t.text[1:]}"
        if t.kind == "name" and t.text.isascii() and t.text.isalpha() and t.text.isupper():
            return t.text  # D_{\mathrm{KL}}, \theta_{\mathrm{MAP}}: an acronym names, it indexes nothing
        return t.text if t.kind in ("letter", "number") else "?"

    def word(self) -> str:
        """The letters written side by side from here, with no space between."""
        j = self.i
        while self.tokens[j + 1].kind == "letter" and self.tokens[j + 1].at == self.tokens[j].end \
                and self.tokens[j + 1].text.isascii():
            j += 1
        return "".join(t.text for t in self.tokens[self.i:j + 1])

    def refuse_word(self) -> None:
        """Letters side by side are a product (e^xe^{-x}, abc), but sin(x) without its backslash would
        be s·i·n·(x), and a stray word the product of its letters."""
        before = self.tokens[self.i - 1] if self.i else None
        if before is not None and before.kind == "letter" and before.end == self.tok.at:
            return  # checked with the word's first letter
        word = self.word()
        if len(word) < 2 or word in self.user:
            return
        if word in FUNCTIONS or word == "pi":
            raise self.refuse(f"{word!r} needs its backslash: \\{word}")
        if len(word) >= 4:
            raise self.refuse(f"{word!r} is not a name derive knows: write a product with \\cdot")

    def averages_at(self, j: int) -> bool:
        """E[…] or E_{x \\sim p}[…] at j: an operator's bracket (E(…) stays a product: E is often energy)."""
        if self.is_op("_", at=j):
            j = self.skip_group(j + 1)
        return self.is_op("[", at=j)

    def average(self, operator, at: Token) -> Expr:
        """E[u], E_{x \\sim p}[u], \\operatorname{Var}(u), \\mathrm{Cov}[u, v]: the operator of its bracket.
        The subscript names what is averaged over, which the capitals inside say as well."""
        if self.is_op("_"):
            self.take()
            self.i = self.skip_group(self.i)
        if not self.is_op("(", "[") and operator is AVERAGES["E"] and self.starts_factor():
            with self.deeper():  # \mathbb{E} X, \mathbb{E} X^2, \mathbb{E} XY: of the product that follows
                return operator(self.product())
        if not self.is_op("(", "["):
            raise self.refuse(f"{at.text} takes its argument in brackets, as in {at.text}[X]", at)
        opened = self.take()
        with self.deeper():
            args = [self.sum()]
            while self.is_op(","):
                self.take()
                args.append(self.sum())
        self.expect(_CLOSING[opened.text], opened)
        if len(args) != (2 if operator is Covariance else 1):
            raise self.refuse(f"{at.text} takes {'two arguments' if operator is Covariance else 'one argument'}", at)
        value = operator(*args)
        return self.scripts(value)

    def indicator(self, at: Token) -> Expr:
        """\\mathbb{1}[i = j], \\mathbb{1}_{i=j}, 1_{i=j}: the Kronecker delta δ_ij."""
        closing = {"[": "]", "(": ")", "_": None}
        if not (self.is_op("[", "(") or self.is_op("_")):
            raise self.refuse("\\mathbb{1} is an indicator, as in \\mathbb{1}[i = j]", at)
        opened = self.take()
        braced = opened.text == "_" and self.is_op("{")
        if braced:
            self.take()
        letters = [self.tok, self.peek(), self.peek(2)]
        if not (letters[0].kind == "letter" and letters[1].kind == "relation" and letters[1].text == "="
                and letters[2].kind == "letter"):
            raise self.refuse("derive reads an indicator of two equal indices, as in \\mathbb{1}[i = j]", at)
        self.i += 3
        if braced:
            self.expect("}", opened)
        elif closing[opened.text]:
            self.expect(closing[opened.text], opened)
        return make(f"delta_{letters[0].text}{letters[2].text}")

    def softmax(self, at: Token) -> Expr:
        """\\mathrm{softmax}(\\mathbf{z})_j: the j-th component, e^{z_j} / Σ_k e^{z_k} (a sum over every k)."""
        if not (self.is_op("(") and self.peek().kind == "command" and self.peek().text in DECORATED_VECTORS):
            raise self.refuse("derive reads softmax as a component of a vector, \\mathrm{softmax}(\\mathbf{z})_j", at)
        opened = self.take()
        vector = self.command()
        self.expect(")", opened)
        if not (vector.is_Symbol and vector.name.endswith("bold")):
            raise self.refuse("derive reads softmax as a component of a vector, \\mathrm{softmax}(\\mathbf{z})_j", at)
        if not self.is_op("_"):
            return Softmax(vector)  # the vector itself: a link between vectors reads its entries
        self.take()
        index = self.script()
        if not index.is_Symbol:
            raise self.refuse("the component of a softmax is a letter, as in \\mathrm{softmax}(\\mathbf{z})_j", at)
        return entry(Softmax(vector), index)

    def named(self) -> Expr:
        """\\operatorname{sech}(x) or \\mathrm{ReLU}(x): a function derive knows or the user defined."""
        t = self.take()
        if t.text in AVERAGES:  # \DeclareMathOperator{\Var}{Var} names the variance, too
            return self.average(AVERAGES[t.text], t)
        if t.text == "1":
            return self.indicator(t)
        if t.text == "softmax" and "softmax" not in self.functions:
            return self.softmax(t)
        if self.is_op("_") and t.text.isascii() and t.text.isalpha() and t.text not in FUNCTIONS:
            start = self.i  # \operatorname{GELU}_{\tanh}(x): a function named with its subscript
            parts, end = self.subscript_at(self.i + 1)
            # the subscript: letters and digits (ReLU_2), or a function's name (GELU_tanh)
            words = [p.text[1:] if p.kind == "command" and p.text[1:] in FUNCTIONS else p.text for p in parts
                     if p.kind in ("letter", "number") or (p.kind == "command" and p.text[1:] in FUNCTIONS)]
            if len(words) != len(parts) or not parts or not "".join(words).isascii():
                raise self.refuse("a subscript of a name is letters and digits, as in x_1 or x_{ij}", t)
            called, self.i = f"{t.text}_{''.join(words)}", end
            if self.calls_at(self.i):
                return self.call(self.user.get(called) or Function(called), called, t)
            if called in self.user and not self.starts_factor():
                return make(called)
            self.i = start
        func = self.functions.get(t.text)
        if t.text in self.user and not self.calls_at(self.i) and not self.starts_factor():
            return make(t.text)  # \frac{d\,\mathrm{MSE}}{dc}: the text's function at its own variable
        if func is None and self.calls_at(self.i) and t.text.isascii() and t.text.isalpha() \
                and t.text not in _PYTHON_NAMES:  # (\operatorname{eval}(x) is refused, though nothing runs it)
            # \operatorname{LSE}(\mathbf{x}): a function the text names (and may define), never a product
            return self.call(Function(t.text), t.text, t)
        if func is None and t.text.isascii() and t.text.isalpha() and t.text.isupper():
            return make(t.text)  # \frac{\partial \operatorname{LSE}}{\partial x_j}: a quantity's name, as MSE
        if func is None:
            raise self.refuse(f"unknown name {t.text!r}", t)
        return self.call(func, t.text, t, unbraced=True)
