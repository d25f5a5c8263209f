"""LaTeX commands that derive reads: \\frac (and \\frac{d}{dx}, \\frac{\\partial f}{\\partial x}), \\sqrt,
\\sum and \\prod with bounds, Greek letters, \\pi, \\infty, \\sigma and the named functions.

Every other command is refused by name: "unknown command \\foo", or "derive does not read
\\limsup yet" for the constructs derive knows but does not read; never read as something else.
"""

from __future__ import annotations

import re

from sympy import Derivative, Dummy, Expr, Function, Indexed, Integer, Integral, Limit, Mul, Product, Rational, S, Sum, Symbol, exp, sqrt

from derive.exprs import ALL_TERMS, add, div, mul, neg
from derive.parse.build import UNDEFINED_FUNCTIONS, power
from derive.parse.latex_tokens import Token
from derive.indexing import relabel, split, terms_of
from derive.parse.names import GREEK, VARIANTS, canonical, greek_name, make
from derive.vectors import is_vector

FRACTIONS = frozenset({"frac", "dfrac", "tfrac", "cfrac"})
NOT_YET = frozenset({"iint", "iiint", "oint", "limsup", "liminf", "sup", "inf",
                     "det", "gcd", "lcm", "binom", "dbinom", "tbinom", "choose", "begin", "end", "pm", "mp",
                     "cdots", "ldots", "dots", "vdots", "ddots", "mod", "bmod", "pmod", "arg", "deg",
                     "dim", "ker", "Pr", "over", "overset", "underset", "stackrel", "bigcup", "bigcap",
                     "coprod"})
_BIG = {"sum": Sum, "prod": Product}
# \hat{y}, \bar{x}, \mathbf{z}: a symbol of its own, named as SymPy prints it back (yhat, xbar, zbold)
# (\dot{x} and \ddot{x} are not among them: they are derivatives in time, read as dx/dt, d²x/dt²)
DECORATED = {"hat": "hat", "widehat": "hat", "bar": "bar", "overline": "bar", "tilde": "tilde",
             "widetilde": "tilde", "vec": "vec", "mathbf": "bold", "boldsymbol": "bold", "bm": "bold",
             "mathcal": "cal", "mathscr": "scr"}  # \mathcal{L}: a loss, the symbol Lcal
_DOTS = {"dot": 1, "ddot": 2}
# how a formula looks, not what it says: their content is the math (\underbrace's label is not)
LAYOUT = frozenset({"cancel", "bcancel", "xcancel", "cancelto", "boxed", "underbrace", "overbrace",
                    "underline", "color", "textcolor", "colorbox"})


def _before_another(body: Expr, index: Symbol) -> tuple[Expr, Expr] | None:
    """(the factors before it, the rest) where a product's body runs on into another \\sum or \\prod
    that does not use its index (∏_k a_k ∏_k b_k, ∏_i a_i ∏_j b_j): there the first one ends."""
    factors = body.args if isinstance(body, Mul) else (body,)
    for p, factor in enumerate(factors):
        if p and isinstance(factor, (Sum, Product)) and index not in factor.free_symbols:
            return mul(*factors[:p]), mul(*factors[p:])
    return None


class Commands:
    """The command half of latex_reader.Reader (which gives tok, take, script, call, …)."""

    def command(self) -> Expr:
        t = self.tok
        name = t.text[1:]
        if name in FRACTIONS:
            return self.fraction()
        if name == "sqrt":
            return self.root()
        if name in _BIG:
            return self.big_operator()
        if name == "lim":
            return self.limit()
        if name == "int":
            return self.integral()
        # π_θ(a), π_k: π with a subscript is a name (a policy, a mixture weight), as a Greek letter is
        letter = greek_name(name) is not None or (name == "pi" and self.is_op("_", at=self.i + 1))
        if letter and self.is_op("_", at=self.i + 1) and self.calls_at(self.i + 1):
            start = self.i  # \ell_2(\mu), or a \phi_k(x) the text defined: a function named with its subscript
            self.take()
            called = self.function_name(t, name)
            if called in self.user or name == "ell" or self.infinity_argument(self.i) \
                    or self.number_argument(self.i) and called not in self.quantities:
                # (π_θ(1): a policy at action 1, as M_X(1) is a function at a point; never π_θ times 1)
                return self.call(self.user.get(called) or Function(called), called, t)
            self.i = start  # \theta_0(1 - x): a product, as x_1(x + 1) is
        name = self.defined_variant(name)
        if name in self.functions and self.is_function_command(t):
            self.take()
            return self.call(self.functions[name], t.text, t, unbraced=name not in ("sigma", "max", "min", *self.user))
        if name in ("pi", "infty") and not letter:
            self.take()
            return S.Pi if name == "pi" else S.Infinity
        if letter:
            self.take()
            if name in _FUNCTION_LETTERS and self.primes_follow() and self.calls_at(self.i):
                return self.call(Function(VARIANTS.get(name, name)), t.text, t)  # φ'(z_j): φ's derivative at z_j
            if name in _FUNCTION_LETTERS and self.calls_at(self.i) and VARIANTS.get(name, name) not in self.quantities:
                # φ(x), Φ(z), ψ(x), ζ(x), Γ(α) the text does not define: a density, a CDF, some function
                # of x; read as φ times x it made false alarms, so the text must say which it means
                raise self.refuse(f"{t.text}(…) calls a function the text does not define (a density, a CDF?): "
                                  f"derive will not take it for {t.text} times a bracket", t)
            if self.several_arguments(self.i) or (name == "ell" and self.calls_at(self.i)) \
                    or self.infinity_argument(self.i):
                # \ell(\mu, \sigma), \ell(\theta), \ell_i(w): a loss or a likelihood, as f(x) is a function;
                # Λ(∞) a function at infinity
                return self.call(Function(self.function_name(t, name)), t.text, t)
            return self.name_symbol(t, name)
        if name in DECORATED:
            return self.decorated()
        if name in _DOTS:
            return self.time_derivative()
        if name in LAYOUT:
            return self.layout()
        if name in NOT_YET:
            raise self.refuse(f"derive does not read \\{name} yet")
        if name in ("partial", "nabla") and self.is_op("_", at=self.i + 1) or (
                name == "partial" and self.is_op("^", at=self.i + 1) and self.is_op("_", at=self.i + 3)):
            return self.subscript_derivative()
        if name == "nabla" and (by := self.gradient_variable()) is not None:
            self.take()  # ∇J where the text defined J(𝐰): the gradient by 𝐰
            with self.deeper():
                operand = self.power() if self.is_op("(", "[") else self.product()
            return Derivative(operand, make(by))
        if name in ("partial", "nabla"):
            raise self.refuse(rf"\{name} is read with its variable, as in \{name}_{{w}} L or \frac{{\partial L}}{{\partial w}}")
        if name == "prime":
            raise self.refuse(r"\prime belongs in a superscript after a name or a bracket: f^{\prime}(x)")
        raise self.refuse(f"unknown command \\{name}")

    def gradient_variable(self) -> str | None:
        """The vector a ∇ without subscript is by: the one the quantity after it was defined of."""
        after = self.tokens[self.i + 1]
        name = after.text if after.kind == "letter" else after.text[1:] if after.kind == "command" else None
        return self.gradients.get(name) if name else None

    def function_name(self, t: Token, base: str) -> str:
        """The name of a function written base or base_{sub} (its subscript consumed): ell, ell_2."""
        if not self.is_op("_"):
            return base
        parts, end = self.subscript_at(self.i + 1)
        name = self.subscripted(base, parts)
        if name is None:
            raise self.refuse("a subscript of a name is letters and digits, as in x_1 or x_{ij}", t)
        self.i = end
        return name

    def time_derivative(self) -> Expr:
        """\\dot{x}, \\ddot\\theta, \\dot{x}_1, \\dot{x}(t): Newton's dots, the derivative in time of one name, read
        as dx/dt is (the time is t, as the dots say wherever they are used). Over anything but one name,
        or at a time other than t (\\dot{x}(0)), refused: never ẋ times 0."""
        command = self.take()
        order = _DOTS[command.text[1:]]
        braced = self.is_op("{")
        if braced:
            self.take()
        t = self.take()
        base = self.letter_under(command, t, "is read over one name", "x")
        inner_subscript = self.is_op("_")
        name = self.name_symbol(t, base)  # x, or x_1 of \dot{x_1}
        if braced:
            self.expect("}", command)
        if self.is_op("_"):
            if inner_subscript:
                raise self.refuse("a double subscript: add braces, x_{12} or {x_1}_2", self.tok)
            name = self.name_symbol(t, base)  # \dot{x}_1, as \dot{x_1}
        time = make("t")
        inner = self.tokens[self.i + 1] if self.is_op("(") and not self.tok.gap else None
        if inner is not None and inner.kind in ("letter", "number") and self.is_op(")", at=self.i + 2):
            if inner.text != "t":  # (\dot{x}(t) is at t; \dot\theta(\ddot\theta + …) multiplies)
                raise self.refuse(f"{command.text}{{…}} at a time other than t: derive reads it at t only", self.tok)
            self.i += 3
        if name == time:
            raise self.refuse(f"{command.text}{{t}}: the dots are a derivative in t, of something else", t)
        return Derivative(name, (time, order))

    def letter_under(self, command: Token, t: Token, what: str, example: str) -> str:
        """The letter a command puts a mark over (y of \\hat{y}, theta of \\dot\\theta); refused otherwise."""
        if t.kind == "letter":
            return t.text
        if t.kind == "command" and greek_name(t.text[1:]) is not None:
            return t.text[1:]
        raise self.refuse(f"{command.text} {what}, as in {command.text}{{{example}}}", t)

    def decorated(self) -> Expr:
        """\\hat{y}, \\hat y, \\bar{x}_i, \\mathbf{z}, \\boldsymbol{\\theta}: one letter, decorated."""
        command = self.take()
        decoration = DECORATED[command.text[1:]]
        braced = self.is_op("{")
        if braced:
            self.take()
        t = self.take()
        if t.kind == "number" and t.text in ("0", "1") and decoration == "bold":
            if braced:
                self.expect("}", command)
            return make(f"{t.text}bold")  # 𝟏, 𝟎: the vectors of ones and of zeros
        base = self.letter_under(command, t, "decorates one letter here", "y")
        if braced:
            self.expect("}", command)
        subscripted = self.is_op("_")
        if decoration == "cal" and base == "O" and self.calls_at(self.i):
            raise self.refuse("\\mathcal{O}(…) is an order term: derive does not read it yet", t)
        if decoration == "cal" and base == "N" and not subscripted and self.calls_at(self.i):
            return self.normal_density(t)
        if decoration in ("cal", "scr") and not subscripted and self.calls_at(self.i):
            # \mathcal{L}(w, b): a loss or a likelihood, called as L(w, b) is; never 𝓛 times (w, b)
            name = base + decoration
            if name not in self.user and self.sum_inside(self.i):  # (an emf 𝓔 times (1 − e^{−t/RC})?)
                raise self.refuse(f"{command.text}{{{base}}}(…) of a sum: a function at that point, or "
                                  f"{command.text}{{{base}}} times the bracket? derive does not guess", t)
            return self.call(self.user.get(name) or Function(name), name, t)
        symbol = self.name_symbol(t, base, decoration=decoration)
        # \hat{f}(x) is a function, not f̂ times x: not read yet, never misread; ŷ(1 − ŷ) and ŷ_j (1 − ŷ_j)
        # multiply, as y(1 − y) does
        if self.calls_at(self.i) and not subscripted and base in UNDEFINED_FUNCTIONS:
            raise self.refuse(f"a decorated function ({command.text}{{{base}}}(…)): derive does not read it yet", t)
        if not subscripted and self._one_letter_in_brackets():
            # θ̂(k) = x̄/k: the estimate as a function of k (it was read θ̂ times k, and judged wrong); a
            # product with one letter in brackets is rarely written so
            raise self.refuse(f"{command.text}{{{t.text}}}(…) of one letter: a function (an estimate at that "
                              "value) or a product? derive does not guess", t)
        return symbol

    def _one_letter_in_brackets(self) -> bool:
        """(k), (\\lambda): one letter alone in round brackets at the reading position."""
        kinds = [(t.kind, t.text) for t in self.tokens[self.i:self.i + 3]]
        return len(kinds) == 3 and kinds[0] == ("op", "(") and kinds[2] == ("op", ")") and (
            kinds[1][0] == "letter" or kinds[1][0] == "command" and kinds[1][1][1:] in GREEK)

    def normal_density(self, at: Token) -> Expr:
        """\\mathcal{N}(x \\mid \\mu, \\sigma^2) (or with ;): the normal density at x, its second
        parameter the variance (also in precision notation, \\mathcal{N}(t \\mid \\mu, \\beta^{-1})).
        \\mathcal{N}(\\mu, \\sigma^2) alone names a distribution, no number: refused, as a vector x is."""
        with self.deeper():
            args = self.arguments("\\mathcal{N}", unbraced=False)
        if len(args) != 3:
            raise self.refuse("\\mathcal{N}(\\mu, \\sigma^2) names a distribution; derive reads the density "
                              "\\mathcal{N}(x \\mid \\mu, \\sigma^2)", at)
        x, mean, variance = args
        if any(is_vector(a) for a in args):
            raise self.refuse("a normal density of a vector: derive reads the univariate one only", at)
        return exp(-(x - mean) ** 2 / (2 * variance)) / sqrt(2 * S.Pi * variance)

    def layout(self) -> Expr:
        """\\cancel{x}, \\boxed{x}, \\color{red}{x}, \\underbrace{x}_{\\text{label}}: the x."""
        command = self.take()
        name = command.text[1:]
        if name in ("color", "textcolor", "colorbox", "cancelto"):  # the colour (or the value) comes first
            if not self.is_op("{"):
                raise self.refuse(f"{command.text} takes its argument in braces", command)
            self.i = self.skip_group(self.i)
        if not self.is_op("{"):
            if name == "color":  # \\color{red} x: the rest is coloured
                return self.product()
            raise self.refuse(f"{command.text} takes its argument in braces", command)
        inner = self.group()
        if name in ("underbrace", "overbrace") and self.is_op("_", "^"):  # the brace's label
            self.take()
            self.i = self.skip_group(self.i)
        return inner

    def defined_variant(self, name: str) -> str:
        """phi for varphi where the text defined φ(x) = … (and no function is named varphi): \\varphi(x)
        calls the same φ, as its symbol is the same φ."""
        if name not in self.functions and VARIANTS.get(name) in self.user:
            return VARIANTS[name]
        return name

    def is_function_command(self, t: Token) -> bool:
        """\\sin, \\erf, \\operatorname-like commands; σ and the user's Greek names only when called."""
        name = t.text[1:]
        name = self.defined_variant(name)
        if name not in self.functions or name == "sqrt":
            return False
        if name == "sigma" and name in self.quantities and name not in self.user and self.calls_at(self.i + 1):
            # the text says σ > 0 (a spread): 2σ(…) may be σ times a bracket, or the sigmoid of it
            raise self.refuse("σ(…) where the text says σ > 0: σ times a bracket, or the sigmoid? write "
                              "σ \\cdot (…), or define the sigmoid under another name", t)
        if name == "sigma" or name in self.user or greek_name(name) is not None:
            j = self.i + 1  # t is the token at hand
            if self.is_op("^", at=j) and not self.prime_script_at(j + 1):
                after = self.skip_group(j + 1)
                if self.is_op("(", at=after) and self.is_op(")", at=after + 2) \
                        and self.tokens[after + 1].kind in ("letter", "command"):
                    raise self.refuse(f"{t.text}^…(x): a power of the function, or {t.text}^… times x? write "
                                      f"{t.text}(x)^2 or {t.text}^2 x", t)
                return False  # \sigma^2 (1 - 1/n): the variance times a bracket; σ(x)² is written so
            return self.calls_at(j)
        return True

    def prime_script_at(self, j: int) -> bool:
        """A superscript of primes only starts at j: \\prime, or {\\prime\\prime}."""
        t = self.tokens[j]
        if t.kind == "command" and t.text == r"\prime":
            return True
        return self.is_op("{", at=j) and self.tokens[j + 1].kind == "command" and self.tokens[j + 1].text == r"\prime"

    def is_atom_command(self, t: Token) -> bool:
        """Commands TeX takes as one script or \\frac argument: x^\\pi, \\frac1\\alpha, e^\\frac12."""
        name = t.text[1:]
        return name in ("pi", "infty", "sqrt") or name in FRACTIONS or greek_name(name) is not None

    # --- fractions and derivatives ------------------------------------------------------------
    def fraction(self) -> Expr:
        frac = self.take()
        derivative = self.derivative_fraction()
        if derivative is not None:
            return derivative
        with self.deeper():
            numerator = self.script(split_digits=True)  # \frac12 is ½; \frac123 is refused below
            denominator = self.script()
        if denominator == S.Zero:
            raise self.refuse("division by zero", frac)
        return div(numerator, denominator)

    def derivative_fraction(self) -> Expr | None:
        """\\frac{d}{dx}(…), \\frac{d^2}{dx^2} f, \\frac{dy}{dx}, \\frac{\\partial f}{\\partial x}: a
        derivative, pending; None when the fraction is an ordinary one."""
        start = self.i
        if not self.is_op("{", at=start):
            return None
        middle = self.skip_group(start)
        if not self.is_op("{", at=middle):
            return None
        end = self.skip_group(middle)
        top, bottom = self.tokens[start + 1:middle - 1], self.tokens[middle + 1:end - 1]
        kind = _d_kind(top[0]) if top else None
        if kind is None:
            return None
        order, k = _order(top, 1)
        if order is None and bottom and _d_kind(bottom[0]) == kind:  # (not d^2 + 1 over x: a fraction)
            raise self.refuse("a derivative of an order that is no number (d^n/dx^n), which derive does "
                              "not take", self.tokens[start])
        variables = self.differentials(bottom, kind)
        if order is None or variables is None:
            return None
        # \frac{\partial \ell}{\partial \sigma^2}: by the variance σ², not twice by σ, where the orders say so
        squares = sum(n for _, n in variables) != order and sum(1 for _, n in variables) == order \
            and all(n in (1, 2) for _, n in variables) and kind == "partial"
        if sum(n for _, n in variables) != order and not squares:
            raise self.refuse("the orders of the derivative above and below the fraction bar differ",
                              self.tokens[start])
        with self.deeper():
            operand = self.differentiated(start + 1 + k, middle - 1, end)
        if squares:
            return _by_squares(operand, variables)
        return Derivative(operand, *variables)

    def subscript_derivative(self) -> Expr:
        """\\partial_{\\theta_j} J and \\nabla_w L (w one variable): the derivative of what follows, as
        \\frac{\\partial}{\\partial \\theta_j} would take it; \\partial_\\mu^2 \\ell and \\partial^2_\\mu \\ell twice."""
        t = self.take()
        variable = order = None
        while self.is_op("_", "^"):
            script = self.take().text
            with self.deeper():
                if script == "_" and variable is None:
                    variable = self.script()
                elif script == "^" and order is None and t.text == r"\partial":
                    order = self.script()  # \partial_\mu^2 \ell, \partial^2_\sigma \ell: the second derivative
                else:
                    raise self.refuse(f"{t.text} takes one subscript and at most one order", t)
        if not variable.is_Symbol:
            raise self.refuse(f"{t.text}_… takes one variable, or a vector as in \\nabla_{{\\mathbf{{w}}}}", t)
        if order is not None and not (order.is_Integer and 1 <= order <= 9):
            raise self.refuse("the order of \\partial^n_x is a whole number, as in \\partial^2_x f", t)
        if not (self.starts_factor() or self.is_op("-", "+")):
            raise self.error(f"{t.text}_{{…}} needs something to differentiate after it")
        with self.deeper():
            operand = self.power() if self.is_op("(", "[") else self.product()
        return Derivative(operand, (variable, 1 if order is None else int(order)))

    def differentiated(self, inside: int, close: int, after: int) -> Expr:
        """What d/dx applies to: the rest of the numerator (dy/dx); a bracket that follows, alone
        (\\frac{d}{dx}(x^2) \\sin x is (x²)'·sin x, as the product rule is written); else the product
        that follows (\\frac{d}{dx} x^2 \\sin x)."""
        if inside < close:
            self.i = inside
            operand = self.sum()
            if self.i != close:
                raise self.error("expected '}' after what is differentiated")
            self.i = after
            return operand
        self.i = after
        if not (self.starts_factor() or self.is_op("-", "+")):
            raise self.error("a derivative \\frac{d}{dx} needs something to differentiate after it")
        if self.is_op("(", "["):
            return self.power()  # the bracket with its power: \frac{d}{dx}(x^2)^2
        # \frac{d}{dm}\log(1 + e^{-m})\,\frac{\partial m}{\partial w}: the chain rule's next factor is no
        # part of what the first derivative differentiates
        return self.product(stop=self.at_derivative_fraction)

    def at_derivative_fraction(self) -> bool:
        """Whether a derivative fraction starts here: \\frac{\\partial m}{\\partial w}, \\frac{d}{dx}."""
        t = self.tok
        if t.kind != "command" or t.text[1:] not in FRACTIONS or not self.is_op("{", at=self.i + 1):
            return False
        middle = self.skip_group(self.i + 1)
        top, bottom = self.tokens[self.i + 2:middle - 1], self.tokens[middle + 1:middle + 2]
        return bool(top and bottom and _d_kind(top[0]) and _d_kind(bottom[0]) and self.is_op("{", at=middle))

    def differentials(self, tokens: list[Token], kind: str) -> list[tuple] | None:
        """dx, dx^{2}, \\partial x \\partial y, d\\theta, dx_1 → [(x, 1)], …; None when not so."""
        found, k = [], 0
        while k < len(tokens):
            if _d_kind(tokens[k]) != kind or k + 1 >= len(tokens):
                return None
            if (square := _bracketed_square(tokens, k + 1)) is not None:  # \partial (\sigma^2)^2: twice by σ²
                k, var = square
                n, k = _order(tokens, k)
                if n is None:
                    return None
                found += [(make(canonical(var.text[1:] if var.kind == "command" else var.text, None, "")), 2)] * n
                continue
            var = tokens[k + 1]
            base = var.text if var.kind == "letter" else var.text[1:] if var.kind == "command" else ""
            k += 2
            decoration = ""
            if var.kind == "command" and base in DECORATED:  # \partial \hat{y}: the decorated symbol
                decoration, base, k = _decorated(tokens, k, DECORATED[base])
            subscript = None
            if k < len(tokens) and tokens[k].kind == "op" and tokens[k].text == "_":
                k, subscript = _subscript(tokens, k + 1)
                if subscript is None:
                    return None
            sample, k = _sample(tokens, k)  # \partial z^{(i)}, \partial z^{(n)}_j: as sample_of reads them
            if sample and subscript is None and k < len(tokens) and tokens[k].text == "_":
                k, subscript = _subscript(tokens, k + 1)
                if subscript is None:
                    return None
            name = canonical(base, subscript, decoration) if base and base not in ("d", "e") else None
            if name and sample.isdigit():  # \partial w^{(2)}_j: layer 2's w2_j, as the reader names it
                letter, _, sub = name.partition("_")
                name = f"{letter}{sample}" + (f"_{sub}" if sub else "")
            elif name and sample:
                name += sample if subscript else "_" + sample
            n, k = _order(tokens, k)
            if name is None or n is None:
                return None
            found.append((make(name), n))
        return found or None

    # --- roots, sums, products ----------------------------------------------------------------
    def root(self) -> Expr:
        self.take()
        index = None
        if self.is_op("["):
            opened = self.take()
            with self.deeper():
                index = self.sum()
            self.expect("]", opened)
        with self.deeper():
            radicand = self.script()
        if index is None:
            return power(radicand, S.Half, self.limits)
        exponent = Rational(1, index) if isinstance(index, Integer) and index != 0 else div(1, index)
        return power(radicand, exponent, self.limits)

    def big_operator(self) -> Expr:
        """\\sum_{i=1}^{n} body and \\prod, unevaluated; the body is the product that follows. Without
        bounds (\\sum_k, \\sum_{k}) a sum runs over every index, 1 to ALL_TERMS; \\sum_i^n from 1 to n."""
        t = self.take()
        index = lower = upper = skipped = None
        while self.is_op("_", "^"):
            script = self.take().text
            if script == "^" and upper is None:
                with self.deeper():
                    upper = self.script()
            elif script == "_" and index is None:
                index, lower, skipped = self.bounds()
            else:
                break
        if index is None:
            raise self.refuse(f"derive reads {t.text} with its index, as in {t.text}_{{i=1}}^{{n}} or {t.text}_k", t)
        if upper is None and lower is not None:
            raise self.refuse(f"{t.text} from a lower bound needs its upper one, as in {t.text}_{{i=1}}^{{n}}", t)
        if not (self.starts_factor() or self.is_op("-", "+")):
            raise self.error(f"{t.text} needs something to add up")
        with self.deeper():
            body = self.product()
        limits = (index, S.One if lower is None else lower, ALL_TERMS if upper is None else upper)
        if t.text == r"\prod" and skipped is None and (split := _before_another(body, index)) is not None:
            # ∏_k θ_k^{n_k} ∏_k θ_k^{α_k−1}: two products side by side, never the first over both (which
            # would raise the second to the K-th power)
            return mul(Product(terms_of(split[0], index), limits), split[1])
        whole = _BIG[t.text[1:]](terms_of(body, index), limits)
        if skipped is None:
            return whole
        if t.text != r"\sum" or lower is not None or upper is not None:
            raise self.refuse("derive reads a sum that skips an index only as \\sum_{k \\neq j}", t)
        return add(whole, neg(relabel(body, {index.name: skipped.name})))  # Σ_{k≠j} f_k = Σ_k f_k − f_j

    def limit(self) -> Expr:
        r"""\lim_{x \to a} body: the limit of the product that follows (as \sum's body is), from both sides;
        x \to a^+ (a^-, a^{+}, a+) from one; a may be \infty. The verifier works the limit out (SymPy's limit),
        or leaves the link undecided."""
        t = self.take()
        if not (self.is_op("_") and self.is_op("{", at=self.i + 1)):
            raise self.refuse(r"derive reads \lim with its variable and point in braces, as in \lim_{x \to 0}", t)
        end = self.skip_group(self.i + 1)
        close = end - 1  # the subscript's closing brace
        side, point_end = "+-", close
        if self.is_op("+", "-", at=close - 1) and self.is_op("^", at=close - 2):  # 0^+
            side, point_end = self.tokens[close - 1].text, close - 2
        elif self.is_op("}", at=close - 1) and self.is_op("+", "-", at=close - 2) and self.is_op("{", at=close - 3) \
                and self.is_op("^", at=close - 4):  # 0^{+}
            side, point_end = self.tokens[close - 2].text, close - 4
        elif self.is_op("+", "-", at=close - 1):  # 0+, a−: a sign that ends the point can only be its side
            side, point_end = self.tokens[close - 1].text, close - 1
        self.i += 2
        if self.tok.kind != "letter" and not (self.tok.kind == "command" and greek_name(self.tok.text[1:])):
            raise self.refuse(r"a limit's variable is a letter, as in \lim_{x \to 0}", self.tok)
        variable = self.letter(alone=True) if self.tok.kind == "letter" else self.primary()
        if not (self.tok.kind == "relation" and self.tok.text in (r"\to", r"\rightarrow")):
            raise self.refuse(r"a limit says where its variable goes with \to, as in \lim_{x \to 0}", self.tok)
        self.take()
        held = self.tokens[point_end]
        self.tokens[point_end] = self.tokens[close]  # (the point ends where its side begins: 0 of 0^+)
        try:
            with self.deeper():
                point = self.sum()
        finally:
            self.tokens[point_end] = held
        if self.i != point_end or not isinstance(variable, Symbol) or variable in point.free_symbols:
            raise self.refuse(r"derive reads a limit's subscript as one letter \to one point: \lim_{x \to 0^+}", t)
        self.i = end
        if not (self.starts_factor() or self.is_op("-", "+")):
            raise self.error(r"\lim needs something to take the limit of")
        with self.deeper():
            body = self.product(stop=self.at_next_limit)  # lim A · lim B: two limits, not one of A · lim B
        if any(inner.args[1] == variable for inner in body.atoms(Limit)):
            # lim_{x→∞} x²(lim_{x→∞} 1/x): the inner limit is a factor of the outer one's body, and x² · 0
            # under the outer limit is 0, where the author meant (lim x²)(lim 1/x)
            raise self.refuse(f"a limit by {variable} inside the body of another limit by {variable}: write "
                              "each limit's body in parentheses, the limits side by side", t)
        if terms := _terms_by(body, variable):
            raise self.refuse(f"derive does not read the limit of a sequence's terms ({terms[0]} under "
                              f"\\lim_{{{variable} \\to …}}): it would take them for constants", t)
        limit = Limit(body, variable, point) if point in (S.Infinity, S.NegativeInfinity) \
            else Limit(body, variable, point, side)
        self.limits_read.append((limit, t))
        return limit

    def at_next_limit(self) -> bool:
        """Whether another \\lim starts here, alone or after \\cdot or /: where a limit's body ends."""
        k = self.i + 1 if self.is_op("*", "/") else self.i
        return k < len(self.tokens) and self.tokens[k].kind == "command" and self.tokens[k].text == r"\lim"

    def refuse_cut_limits(self, expr: Expr) -> None:
        """A limit's body is the product after \\lim, as a sum's is: in \\lim_{h \\to 0} 3x^2 + 3xh + h^2 the
        h after the first + stands outside the limit, free, which its author did not mean."""
        for limit, token in self.limits_read:
            if limit.args[1] in expr.xreplace({limit: Dummy()}).free_symbols:
                raise self.refuse(f"the limit's body ends at the first + or −, and its variable {limit.args[1]} "
                                  "stands after it: put the body in parentheses", token)

    def skipped_index(self) -> Symbol | None:
        """After the index of \\sum_{k: \\neq j, the one index the sum skips (None when not so)."""
        if self.tok.kind == "relation" and self.tok.text in (r"\neq", r"\ne") and self.peek().kind == "letter":
            self.take()
            return self.letter(alone=True)
        return None

    def integral(self) -> Expr:
        """\\int_a^b f(x)\\,dx (\\mathrm{d}x, \\int\\limits): the integrand is all up to the differential."""
        t = self.take()
        low = high = None
        while self.is_op("_", "^"):
            script = self.take().text
            with self.deeper():
                if script == "_" and low is None:
                    low = self.script()
                elif script == "^" and high is None:
                    high = self.script()
                else:
                    raise self.refuse("an integral has one lower and one upper bound", t)
        if low is None or high is None:
            raise self.refuse("an integral without bounds (+ C): derive reads \\int_a^b … \\, dx", t)
        k = self.differential_at()
        if k is None and (over := self.differential_over()) is not None:
            return Integral(over[1], (over[0], low, high))
        if k is None:
            raise self.refuse("an integral needs its differential after the integrand, as in "
                              "\\int_0^1 x^2 \\, dx", t)
        saved = self.tokens[k]
        self.tokens[k] = Token("end", "", saved.at, saved.at)  # the integrand ends at the d of dx
        try:
            with self.deeper():
                body = self.sum()
        finally:
            self.tokens[k] = saved
        if self.i != k:
            raise self.error("expected the differential dx after the integrand")
        self.i = k + 1
        variable = self.letter(alone=True) if self.tok.kind == "letter" else self.command()
        if not variable.is_Symbol:
            raise self.refuse("the variable of an integral is one name, as in dx or d\\theta", saved)
        return Integral(body, (variable, low, high))

    def differential_over(self) -> tuple[Symbol, Expr] | None:
        """\\frac{du}{u}, \\frac{dx}{1 + x^2} as a whole integrand: (u, 1/u); None for another form. What
        follows such a fraction at once (\\frac{dx}{x} e^x) leaves the integrand in doubt: refused."""
        j = self.i
        if not (self.tokens[j].kind == "command" and self.tokens[j].text in (r"\frac", r"\dfrac", r"\tfrac")
                and self.is_op("{", at=j + 1) and self.tokens[j + 2].kind == "letter" and self.tokens[j + 2].text == "d"
                and self.tokens[j + 3].kind in ("letter", "command") and self.is_op("}", at=j + 4)
                and self.is_op("{", at=j + 5)):
            return None
        self.i = j + 3
        variable = self.letter(alone=True) if self.tok.kind == "letter" else self.command()
        if not variable.is_Symbol or not self.is_op("}"):
            raise self.refuse("the variable of an integral is one name, as in dx or d\\theta", self.tokens[j + 3])
        self.take()
        with self.deeper():
            denominator = self.script()
        if self.starts_factor():
            raise self.refuse("a factor after \\frac{dx}{…}: write the integrand before its dx", self.tokens[j])
        return variable, div(S.One, denominator)

    def differential_at(self) -> int | None:
        """The index of the d of the integral's dx (d\\theta, \\mathrm{d}x) at the integrand's level."""
        depth, j = 0, self.i
        while self.tokens[j].kind != "end":
            t = self.tokens[j]
            if self.is_op("(", "[", "{", at=j):
                depth += 1
            elif self.is_op(")", "]", "}", at=j):
                depth -= 1
                if depth < 0:
                    return None
            elif t.kind == "relation" and depth == 0:
                return None
            elif depth == 0 and t.kind == "letter" and t.text == "d":
                after = self.tokens[j + 1]
                if after.kind == "letter" or (after.kind == "command" and greek_name(after.text[1:])):
                    return j
            j += 1
        return None

    def bounds(self) -> tuple[Expr, Expr | None, Expr | None]:
        """After \\sum_: {i=1} → (i, 1, None); k or {k} → (k, None, None), a sum over every index;
        {k \\neq j} → (k, None, j), over every index but j."""
        braced = self.is_op("{")
        opened = self.take() if braced else None
        first = self.tok
        if first.kind == "letter":
            index = self.letter(alone=True)
        elif first.kind == "command" and greek_name(first.text[1:]) is not None:
            index = self.command()
        else:
            raise self.refuse("the index of a sum is one letter, as in \\sum_{i=1}^{n} or \\sum_k", first)
        if not index.is_Symbol or "_" in index.name:
            raise self.refuse("the index of a sum is one letter, as in \\sum_{i=1}^{n} or \\sum_k", first)
        if not braced:
            return index, None, None
        lower, skipped = None, self.skipped_index()
        if self.tok.kind == "relation" and self.tok.text == "=":
            self.take()
            with self.deeper():
                lower = self.sum()
        elif not self.is_op("}"):  # \sum_{k \in S}, \sum_{k < j}: over a set derive does not read
            raise self.refuse("a sum over a set or with a condition (\\sum_{k \\in S}): derive does not "
                              "read it yet", self.tok)
        self.expect("}", opened)
        return index, lower, skipped


def _terms_by(body: Expr, variable: Symbol) -> list[Expr]:
    """The names in body subscripted by the variable (a_n, w_{nk} under n) and the indexed terms (x_n inside
    a sum over n): a sequence's terms, which, read as names, would not depend on n."""
    v = variable.name
    found = [s for s in body.free_symbols if isinstance(s, Symbol) and (
        v in re.findall(r"[A-Za-z]+", s.name.partition("_")[2])
        or (len(v) == 1 and (parts := split(s.name)) is not None and v in parts[1]))]
    found += [t for t in body.atoms(Indexed) if any(variable in i.free_symbols for i in t.indices)]
    return sorted(found, key=str)


def _by_squares(operand: Expr, variables: list[tuple]) -> Expr:
    """∂ℓ/∂σ² (and ∂²ℓ/∂μ∂σ²): by a square as the chain rule takes it, (1/(2σ)) ∂ℓ/∂σ, since dσ²/dσ = 2σ
    (for an ℓ that has σ only in σ², as a likelihood in the variance has)."""
    for variable, n in variables:
        operand = Derivative(operand, variable) / (2 * variable) if n == 2 else Derivative(operand, variable)
    return operand


def _bracketed_square(tokens: list[Token], k: int) -> tuple[int, Token] | None:
    """At (\\sigma^2) or (\\sigma^{2}) in ∂(σ²)²: (where reading goes on, the letter's token); None if not so."""
    texts = [t.text for t in tokens[k:k + 7]]
    if len(texts) < 5 or texts[0] != "(" or tokens[k + 1].kind not in ("letter", "command") or texts[2] != "^":
        return None
    if tokens[k + 1].kind == "command" and not greek_name(texts[1][1:]):
        return None
    if texts[3:5] == ["2", ")"]:
        return k + 5, tokens[k + 1]
    if texts[3:7] == ["{", "2", "}", ")"]:
        return k + 7, tokens[k + 1]
    return None


def _d_kind(t: Token) -> str | None:
    if t.kind == "letter" and t.text == "d":
        return "d"
    if t.kind == "command" and t.text == r"\partial":
        return "partial"
    return None


def _order(tokens: list[Token], k: int) -> tuple[int | None, int]:
    """The order after d or dx: ^2 or ^{2} (1 when there is none), and where reading stops."""
    if not (k < len(tokens) and tokens[k].kind == "op" and tokens[k].text == "^"):
        return 1, k
    rest = tokens[k + 1:k + 4]
    if rest and rest[0].kind == "number" and rest[0].text.isdigit():
        return int(rest[0].text), k + 2
    if len(rest) == 3 and rest[0].text == "{" and rest[1].kind == "number" and rest[1].text.isdigit() \
            and rest[2].text == "}":
        return int(rest[1].text), k + 4
    return None, k


def _sample(tokens: list[Token], k: int) -> tuple[str, int]:
    """^{(i)} after a differential's variable, or ^{[l]} (a layer, ∂z^{[2]}): the sample's or layer's letter
    and where reading stops ("" if none)."""
    texts = [(t.kind, t.text) for t in tokens[k:k + 6]]
    if len(texts) == 6 and [t for _, t in texts[:2]] == ["^", "{"] and (texts[2][1], texts[4][1]) in (
            ("(", ")"), ("[", "]")) and (texts[3][0] == "letter" or (
            texts[3][0] == "number" and texts[3][1].isdigit())) and texts[3][1].isascii() \
            and texts[5][1] == "}":  # (w^{(2)}_j: layer 2's w_j, as the reader names it)
        return texts[3][1], k + 6
    return "", k


def _subscript(tokens: list[Token], k: int) -> tuple[int, str | None]:
    """The text of a subscript in a differential (dx_1, dx_{ij}) and where reading stops."""
    if k < len(tokens) and tokens[k].text == "{":
        close = next((j for j in range(k, len(tokens)) if tokens[j].text == "}"), None)
        if close is None:
            return k, None
        return close + 1, " ".join(t.text for t in tokens[k + 1:close])
    if k < len(tokens):
        return k + 1, tokens[k].text
    return k, None


def _decorated(tokens: list[Token], k: int, decoration: str) -> tuple[str, str, int]:
    """After \\hat in a differential: ({y} or y) → (decoration, base, next index); a base of ""
    when it is not one letter."""
    braced = k < len(tokens) and tokens[k].kind == "op" and tokens[k].text == "{"
    j = k + 1 if braced else k
    if j >= len(tokens):
        return decoration, "", j
    t = tokens[j]
    base = t.text if t.kind == "letter" else t.text[1:] if t.kind == "command" and greek_name(t.text[1:]) else ""
    j += 1
    if braced:
        if j >= len(tokens) or tokens[j].text != "}":
            return decoration, "", j
        j += 1
    return decoration, base, j


# Greek letters that stand for functions far more often than for numbers before a bracket
_FUNCTION_LETTERS = frozenset({"phi", "varphi", "Phi", "psi", "Psi", "zeta", "Gamma"})
