"""Exact arithmetic for expressions rational in their symbols and in e^{symbol}.

Every line of the sigmoid's derivation is a rational function of x and t = e^x (σ(x) = t/(t + 1)), and
so is anything built of e^x, σ and the hyperbolic functions (tanh x = (t² − 1)/(t² + 1)).
Reading the written tree into numerator and denominator polynomials over Q decides equality exactly
(N₁D₂ = N₂D₁), evaluates no SymPy expression on the way, and costs about a millisecond. Derivatives
are taken on the polynomials too: d/dx acts as ∂/∂x + t ∂/∂t, because (e^x)' = e^x. Anything outside
(log x, e^{x/2}, a float) raises NotRational, and the verifier falls back to its other methods.

The verifier's reader also takes sin and cos of such arguments (tan² + 1 = sec² is then exact, in a
millisecond, where simplify took a tenth of a second): c = cos s and n = sin s are two more generators,
with e^{iks} = (c + in)^k for the multiple angles and every product reduced by n² = 1 − c². That ring is
an integral domain, and x, e^x, e^{ix} are algebraically independent functions, so equality there is
still an exact identity either way. It is the verifier's alone: steering reads e^{kx} and nothing else.
A factor e^{k log u} is u^k (exp(log u) = u on every branch), so tanh(log(1 + e^x)) reads too.

derive.fraction_reader's FractionReader, the verifier's next method, reads more: it is a Reader with
generators of its own after these.
"""

from __future__ import annotations

from functools import lru_cache

import sympy
from sympy import Add, Derivative, Expr, Integer, Mul, Pow, QQ, Rational, S, Symbol, exp, log
from sympy.polys.rings import PolyElement, ring

from derive.exprs import add, mul
from derive.functions import NamedFunction, sigmoid

# With e^u = n/d: sinh u = (n² − d²)/(2nd), cosh u = (n² + d²)/(2nd), and so on.
_HYPERBOLIC = {
    sympy.sinh: lambda n, d: (n * n - d * d, 2 * n * d),
    sympy.cosh: lambda n, d: (n * n + d * d, 2 * n * d),
    sympy.tanh: lambda n, d: (n * n - d * d, n * n + d * d),
    sympy.coth: lambda n, d: (n * n + d * d, n * n - d * d),
    sympy.sech: lambda n, d: (2 * n * d, n * n + d * d),
    sympy.csch: lambda n, d: (2 * n * d, n * n - d * d),
}

# With e^{iu} = re + i·im: each circular function as a ratio of re and im (one is the ring's 1).
_CIRCULAR = {
    sympy.cos: lambda re, im, one: (re, one),
    sympy.sin: lambda re, im, one: (im, one),
    sympy.tan: lambda re, im, one: (im, re),
    sympy.cot: lambda re, im, one: (re, im),
    sympy.sec: lambda re, im, one: (one, re),
    sympy.csc: lambda re, im, one: (one, im),
}
HYPERBOLIC_FUNCTIONS, CIRCULAR_FUNCTIONS = tuple(_HYPERBOLIC), tuple(_CIRCULAR)
_LARGEST_POWER = 256  # a root's power beyond which its base's power is not written out
_LARGEST_MULTIPLE = 64  # sin(kx) is worked out one angle at a time: beyond this, the general methods

Fraction = tuple[PolyElement, PolyElement]  # (numerator, denominator), never reduced


@lru_cache(maxsize=32)  # (rings of up to 256 generators, a softmax's instances at four sizes)
def _ring(count: int) -> tuple:
    """The ring Q[g0 … g(count−1)] and its generators, made once for each number of generators: a reader
    is made for every comparison, and a ring cost half a millisecond (SymPy compiles its monomial
    arithmetic). Readers tell generators apart by place, never by name, and never change an element in
    place, so every reader with as many generators shares one ring."""
    return ring(",".join(f"g{i}" for i in range(count)), QQ)


clear_rings = _ring.cache_clear


class NotRational(ValueError):
    """The expression is not rational in its symbols and their exponentials, or reading it would take
    more work than the reader is bounded to: either way, this method decides nothing."""


class Reader:
    """Reads expressions into Q[s₁ … sₙ, e^{s₁} … e^{sₙ}] fractions (with cos sᵢ and sin sᵢ where circular),
    for the given symbols, d/dsᵢ read through. A subclass adds generators of its own after those
    (generators: how many), at self.R.gens[self.first:]."""

    def __init__(self, symbols, circular: bool = False, most_work: int | None = None, budget: int | None = None,
                 generators: int = 0) -> None:
        self.symbols = sorted(symbols, key=lambda s: s.name)
        self.most_work = most_work  # the largest product of two polynomials' term counts, if bounded
        self.budget, self.spent = budget, 0  # all products' term counts together, if bounded
        n = len(self.symbols)
        # sᵢ and e^{sᵢ}, then cos sᵢ and sin sᵢ where circular (steering's monomials keep their places)
        self.first = (4 if circular else 2) * n
        count = self.first + generators
        # unused generators up to a multiple of 8 (at least 8), so that few rings are ever made
        self.R, *gens = _ring(max(8, -(-count // 8) * 8))
        self.s, self.t = gens[:n], gens[n:2 * n]
        self.cos, self.sin = (gens[2 * n:3 * n], gens[3 * n:4 * n]) if circular else ([], [])
        self.one = self.R.one
        # r^L = n/d for a subclass's roots r, (r, L, n, d): what reduced and vanishes write r^L as
        self.relations: list[tuple[PolyElement, int, PolyElement, PolyElement]] = []

    def read(self, expr: Expr) -> Fraction:
        one, R = self.one, self.R
        if isinstance(expr, (Integer, Rational)):
            return R(QQ(int(expr.p), int(expr.q))), one
        if isinstance(expr, Symbol):
            return self.s[self._index(expr)], one
        if isinstance(expr, Add):
            n, d = R.zero, one
            for a in expr.args:
                n, d = self._added(n, d, *self.read(a))
            return n, d
        if isinstance(expr, Mul):
            n, d = one, one
            for a in expr.args:
                an, ad = self.read(a)
                n, d = self.times(n, an), self.times(d, ad)
            return n, d
        if isinstance(expr, Pow) and isinstance(expr.exp, Integer):
            n, d = self.read(expr.base)
            k = int(expr.exp)
            if k < 0:
                if not n:
                    raise NotRational("division by zero")
                n, d, k = d, n, -k
            return self.power(n, k), self.power(d, k)
        if isinstance(expr, exp):
            return self._exp(expr.args[0])
        if isinstance(expr, sigmoid):
            n, d = self._exp(expr.args[0])  # σ(u) = e^u/(e^u + 1)
            return n, n + d
        if type(expr) in _HYPERBOLIC:
            n, d = self._exp(expr.args[0])  # e^u = n/d; each is a ratio of n² ± d² and nd
            top, bottom = _HYPERBOLIC[type(expr)](n, d)
            return top, bottom
        if type(expr) in _CIRCULAR and self.cos:
            # (a 0 stays 0: sin u where u works out to 0 is 0, and cot u has no value there)
            return _CIRCULAR[type(expr)](*self._angle(expr.args[0]), self.one)
        if isinstance(expr, NamedFunction):
            return self.read(expr.body_at(expr.args[0]))
        if isinstance(expr, Derivative):
            return self._derivative(expr)
        raise NotRational(f"{type(expr).__name__} is outside the field")

    def _added(self, n: PolyElement, d: PolyElement, an: PolyElement, ad: PolyElement) -> Fraction:
        """n/d + an/ad over one denominator. Terms over the same one (a softmax's e^{z_i}/Z) add their
        numerators, and a denominator that divides the other (Z beside Z²) is raised to it: multiplying
        the denominators would raise Z to the number of terms. Nothing is cancelled: the denominator
        keeps every factor either had, so a side that divides by 0 still does."""
        if ad == d:
            return n + an, d
        if not ad.is_ground and not d.is_ground:
            big, small, over_big, over_small = (d, ad, n, an) if len(d) >= len(ad) else (ad, d, an, n)
            if self.budget is not None:
                self.spent += len(big) * len(small)
            quotient, rest = big.div(small)
            if not rest:  # big = quotient·small, so over_small/small = over_small·quotient/big
                return over_big + self.times(over_small, quotient), big
        return self.times(n, ad) + self.times(an, d), self.times(d, ad)

    def times(self, p: PolyElement, q: PolyElement) -> PolyElement:
        """p·q; NotRational where that is more work than the reader is bounded to (multiplied out, a
        sum of squares over four terms, squared and over its own denominators, reaches 80,000 terms
        and a quarter of a minute, where cancel takes its common factors out first)."""
        if self.most_work is not None and len(p) * len(q) > self.most_work:
            raise NotRational("too large to multiply out")
        if self.budget is not None:
            self.spent += len(p) * len(q)
            if self.spent > self.budget:
                raise NotRational("more work than this reading may take")
        return p * q

    def power(self, p: PolyElement, k: int) -> PolyElement:
        """p^k, by squaring under the bound on the work where there is one (x^{10⁶}: twenty products)."""
        if self.most_work is None or len(p) <= 1:
            return p**k
        out, square = self.one, p
        while k:
            if k & 1:
                out = self.times(out, square)
            k >>= 1
            if k:
                square = self.times(square, square)
        return out

    def _index(self, symbol: Symbol) -> int:
        try:
            return self.symbols.index(symbol)
        except ValueError:
            raise NotRational(f"unknown symbol {symbol}") from None

    def _exp(self, arg: Expr) -> Fraction:
        """e^{k₁s₁ + … + kₙsₙ} = t₁^{k₁}…tₙ^{kₙ} for integers kᵢ, times u^k for each term k·log u, and
        what a subclass reads of the other terms (_exponent_powers); anything else is outside."""
        top, bottom, rest = self.one, self.one, []
        for term in exponent_terms(arg):
            k, u = log_term(term)
            if u is None:
                rest.append(term)
                continue
            n, d = self.read(u)
            if self.vanishes(n):
                raise NotRational("the logarithm of 0")  # (no value: e^{log 0} is no 0)
            top, bottom = (top * n**k, bottom * d**k) if k > 0 else (top * d**-k, bottom * n**-k)
        top, bottom, rest = self._exponent_powers(top, bottom, rest)
        for i, k in self._integer_combination(Add(*rest)):
            power = self.t[i] ** abs(k)
            top, bottom = (top * power, bottom) if k > 0 else (top, bottom * power)
        return top, bottom

    def _exponent_powers(self, top: PolyElement, bottom: PolyElement, rest: list) -> tuple:
        """(top, bottom, rest): the terms of an exponent this reader reads beyond k·sᵢ, taken from rest
        into top/bottom (a FractionReader's e^{u/L}); none here."""
        return top, bottom, rest

    def _integer_combination(self, arg: Expr) -> list[tuple[int, int]]:
        """(i, kᵢ) of an argument k₁s₁ + … + kₙsₙ with integers kᵢ; NotRational for anything else."""
        n, d = self.read(arg)
        if not d.is_ground:
            raise NotRational("exponent is a fraction")
        n = n.quo_ground(d.LC)
        out = []
        for monom, coeff in n.terms():
            if sum(monom) != 1 or any(monom[len(self.s):]) or QQ.denom(coeff) != 1:
                raise NotRational("exponent is not an integer combination of the symbols")
            out.append((monom.index(1), int(coeff)))
        return out

    def _angle(self, arg: Expr) -> tuple[PolyElement, PolyElement]:
        """(re, im) of e^{iu} for u = k₁s₁ + … + kₙsₙ: the product of (cᵢ ± i·nᵢ)^{|kᵢ|}."""
        re, im = self.one, self.R.zero
        for i, k in self._integer_combination(arg):
            if abs(k) > _LARGEST_MULTIPLE:
                raise NotRational(f"sin and cos of {k} times a symbol")
            cos, sin = self.cos[i], (self.sin[i] if k > 0 else -self.sin[i])
            for _ in range(abs(k)):
                re, im = self.reduced(re * cos - im * sin), self.reduced(re * sin + im * cos)
        return re, im

    def reduced(self, p: PolyElement) -> PolyElement:
        """p with every sin² sᵢ written 1 − cos² sᵢ: one representative of p modulo sin² + cos² = 1,
        so that p is 0 there exactly when it is this 0. With roots of polynomials, each r^L written b as
        well, and then a 0 is still an identity (a multiple of r^L − b is 0 wherever it has a value) but
        no longer the only one: √(x²) − x is no multiple of r² − x², and is 0 for x > 0. The value of p
        is kept; vanishes() is the zero test."""
        for c, n in zip(self.cos, self.sin):
            p = _lowered(self.R, p, n, 2, 1 - c * c)  # (n² q → (1 − c²) q)
        return self._by_relations(p, [(r, lcm, n) for r, lcm, n, d in self.relations if d == self.one])

    def vanishes(self, p: PolyElement) -> bool:
        """p is 0 wherever it has a value: reduced, and then by the roots of fractions too (r^L = n/d),
        where d·p is reduced instead of p, d being no 0 where r has a value."""
        p = self.reduced(p)
        fractions = [relation for relation in self.relations if relation[3] != self.one]
        for _ in range(len(fractions) + 1):
            before = p
            for r, lcm, n, d in fractions:
                p = _scaled_lowered(self.R, p, r, lcm, n, d)
            p = self.reduced(p)
            if p == before:
                return not p
        raise NotRational("roots inside roots beyond the reader's depth")

    def _by_relations(self, p: PolyElement, relations: list) -> PolyElement:
        for _ in range(len(relations) + 1):  # (a base may hold an inner root: √(1 + √x))
            before = p
            for generator, lcm, base in relations:
                p = _lowered(self.R, p, generator, lcm, base)
            if p == before:
                return p
        raise NotRational("roots inside roots beyond the reader's depth")

    def _derivative(self, expr: Derivative) -> Fraction:
        n, d = self.read(expr.expr)
        for symbol, count in expr.variable_count:
            if not count.is_Integer:
                raise NotRational("a derivative of an order that is no number")  # (d^n/dx^n)
            if not isinstance(symbol, Symbol):  # (d/df(x) of f(x)²: the body is no constant in f(x))
                raise NotRational("a derivative by something other than a symbol")
            if symbol not in self.symbols:  # not free anywhere, so not in the body: a constant
                return self.R.zero, self.one
            i = self._index(symbol)
            for _ in range(int(count)):
                n, d = self._d_fraction(n, d, i)
        return n, d

    def _d_fraction(self, n: PolyElement, d: PolyElement, i: int) -> Fraction:
        """d/ds_i of n/d: (n'd − nd')/d², where n' and d' are fractions themselves."""
        (pn, qn), (pd, qd) = self._d(n, i), self._d(d, i)
        times = self.times
        return times(times(pn, qd), d) - times(times(n, pd), qn), times(times(qn, qd), times(d, d))

    def _d(self, p: PolyElement, i: int) -> Fraction:
        """d/ds_i of a polynomial in s_i, t_i = e^{s_i} (and c_i = cos s_i, n_i = sin s_i), and of a
        subclass's generators (_d_generators)."""
        out = p.diff(self.s[i]) + self.t[i] * p.diff(self.t[i])
        if self.cos:
            out += self.cos[i] * p.diff(self.sin[i]) - self.sin[i] * p.diff(self.cos[i])
        return self._d_generators(p, i, out)

    def _d_generators(self, p: PolyElement, i: int, out: PolyElement) -> Fraction:
        """out, the derivative of p's symbols' part, with the derivative of the generators after them
        added: none here, and p holding one is refused (taken for a constant, it would prove falsehoods)."""
        if any(any(m[self.first:]) for m in p.monoms()):
            raise NotRational("a generator with no rule for its derivative")
        return out, self.one

    def to_expr(self, p: PolyElement) -> Expr:
        """A polynomial in the symbols alone, written out unevaluated (2x, not 2·x¹)."""
        terms = []
        for monom, coeff in sorted(p.terms(), reverse=True):
            if any(monom[len(self.s):]):
                raise NotRational("not a polynomial in the symbols alone")
            powers = [s if e == 1 else Pow(s, e, evaluate=False)
                      for s, e in zip(self.symbols, monom) if e]
            terms.append(mul(QQ.to_sympy(coeff), *powers))
        return add(*terms) if terms else S.Zero


def _lowered(R, p: PolyElement, generator: PolyElement, power: int, value: PolyElement) -> PolyElement:
    """p with generator^power written value wherever it stands: each term g^(qL + e)·m as value^q·g^e·m,
    at once (r^{200001} with r² = x is x^{100000}·r, not a hundred thousand passes)."""
    place = R.gens.index(generator)
    if not any(m[place] >= power for m in p.monoms()):
        return p
    out = R.zero
    for m, a in p.terms():
        q, e = divmod(m[place], power)
        if q and len(value) > 1 and q > _LARGEST_POWER:
            raise NotRational("a power of a root too large to write out")
        out += R({m[:place] + (e,) + m[place + 1:]: a}) * (value**q if q else R.one)  # (0**0 has no value)
    return out


def _scaled_lowered(R, p: PolyElement, r: PolyElement, power: int, n: PolyElement, d: PolyElement) -> PolyElement:
    """d^k·p with r^power written n/d wherever it stands (r^power·q → n·q, the rest times d), until no
    term holds that power: 0 exactly when p is, where d is no 0."""
    place = R.gens.index(r)
    if max((m[place] for m in p.monoms()), default=0) > _LARGEST_POWER * power and len(d) > 1:
        raise NotRational("a power of a root too large to write out")
    while any(m[place] >= power for m in p.monoms()):
        high = R({m: a for m, a in p.terms() if m[place] >= power})
        p = (p - high) * d + high.quo(r**power) * n
    return p


def rationally_equal(a: Expr, b: Expr) -> bool:
    """True when a = b as rational functions of their symbols and exponentials, False when they
    differ as such functions (a proof that they differ); NotRational when either lies outside."""
    # (cos and sin generators only where they are used: with many symbols each one costs)
    reader = Reader(a.free_symbols | b.free_symbols, circular=a.has(*_CIRCULAR) or b.has(*_CIRCULAR))
    return equal_fractions(reader, reader.read(a), reader.read(b))


def equal_fractions(reader: Reader, a: Fraction, b: Fraction) -> bool:
    """a = b as fractions read by reader; NotRational where a denominator is 0 everywhere."""
    (an, ad), (bn, bd) = a, b
    if reader.vanishes(ad) or reader.vanishes(bd):  # (1/(sin² + cos² − 1) is no value)
        raise NotRational("division by zero")
    return reader.vanishes(reader.times(an, bd) - reader.times(bn, ad))


def exponent_terms(arg: Expr) -> list[Expr]:
    """The terms of an exponent, a number times a sum spread over the sum's terms: e^{2(wx + b)} is
    e^{2wx}·e^{2b}, the same generators as e^{wx + b}'s (read whole, its u = wx + b was a generator of
    its own, unrelated to e^{wx}, and cancel took a twentieth of a second where this takes a millisecond)."""
    out = []
    for term in Add.make_args(arg):
        c, u = term.as_coeff_Mul()
        if isinstance(u, Add) and c.is_Rational:
            out += [c * t for t in exponent_terms(u)]
        else:
            out.append(term)
    return out


def log_term(term: Expr) -> tuple[int, Expr | None]:
    """(k, u) of a term k·log u with an integer k; (0, None) for any other term."""
    k, rest = term.as_coeff_Mul()
    if isinstance(rest, log) and len(rest.args) == 1 and k.is_Integer and k != 0:
        return int(k), rest.args[0]
    return 0, None


def linear_sum(terms) -> Expr:
    """The sum of expressions that are polynomials in their symbols, collected and written out
    unevaluated: x + (−x) gives 0, x + x gives 2x. NotRational when a term is not such a polynomial."""
    terms = list(terms)
    reader = Reader(set().union(*(t.free_symbols for t in terms)))
    total = reader.R.zero
    for term in terms:
        n, d = reader.read(term)
        if not d.is_ground:
            raise NotRational("not a polynomial")
        total += n.quo_ground(d.LC)
    return reader.to_expr(total)
