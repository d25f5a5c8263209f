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

equal_as_fractions, the first of those other methods, proves equality only: it reads what lies
outside as generators of its own (σ(wx + b), √x, f'(x) each an unknown; e^{cu} for any exponent u a
power of e^{u/L}). Equal fractions there are equal functions wherever both sides have values; a
difference proves nothing, because the generators may be related (sin² + cos² = 1 of wx).
"""

from __future__ import annotations

import sympy
from sympy import Add, Derivative, Expr, Integer, Mul, Pow, QQ, Rational, S, Symbol, exp, ilcm, log
from sympy.polys.rings import PolyElement, ring

from derive.exprs import add, mul, tidied
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
_EXPONENTIAL = (exp, sigmoid, *_HYPERBOLIC)  # read through e^u
_MOST_WORK = 100_000  # equal_as_fractions: term pairs in one product, beyond which cancel decides
_LARGEST_MULTIPLE = 64  # sin(kx) is worked out one angle at a time: beyond this, the general methods

Fraction = tuple[PolyElement, PolyElement]  # (numerator, denominator), never reduced


class NotRational(ValueError):
    """The expression is not rational in its symbols and their exponentials."""


class Reader:
    """Reads expressions into Q[s₁ … sₙ, e^{s₁} … e^{sₙ}] fractions, for the given symbols (with
    equal_as_fractions's unknowns and exponents, into a ring with a generator for each of them)."""

    def __init__(self, symbols, circular: bool = False, unknowns: dict[Expr, Expr] | None = None,
                 most_work: int | None = None, exponents: dict[Expr, int] | None = None) -> None:
        self.symbols = sorted(symbols, key=lambda s: s.name)
        self.most_work = most_work  # the largest product of two polynomials' term counts, if bounded
        unknowns, exponents = unknowns or {}, exponents or {}
        keys = list(dict.fromkeys(unknowns.values()))
        n, m = len(self.symbols), len(keys)
        names = [f"s{i}" for i in range(n)] + [f"t{i}" for i in range(n)]
        if circular:  # cos sᵢ and sin sᵢ, after the others: steering's monomials keep their places
            names += [f"c{i}" for i in range(n)] + [f"n{i}" for i in range(n)]
        names += [f"u{i}" for i in range(m)] + [f"e{i}" for i in range(len(exponents))]
        self.R, *gens = ring(",".join(names or ["c"]), QQ)  # a ring needs a generator; c is unused
        self.s, self.t = gens[:n], gens[n:2 * n]
        self.cos, self.sin = (gens[2 * n:3 * n], gens[3 * n:4 * n]) if circular else ([], [])
        # equal_as_fractions's generators, last: parts read as unknowns of their own, one for each part
        # as SymPy evaluates it (σ(c + wx) written as σ(wx + c) is the same unknown); and e^{u/L} for
        # each exponent u found as c·u with c·L whole (e^{−y(wx)}, e^{2y(wx)} are powers of e^{y(wx)})
        first = len(gens) - m - len(exponents)
        self.unknowns = {node: gens[first + keys.index(key)] for node, key in unknowns.items()}
        self.exponents = {u: (gens[first + m + i], lcm) for i, (u, lcm) in enumerate(exponents.items())}
        self.opaque = gens[first:]  # (whose derivatives the reader does not know)
        self.one = self.R.one

    def read(self, expr: Expr) -> Fraction:
        one, R = self.one, self.R
        if self.unknowns and expr in self.unknowns:
            return self.unknowns[expr], one
        if isinstance(expr, (Integer, Rational)):
            return R(QQ(int(expr.p), int(expr.q))), one
        if isinstance(expr, Symbol):
            return self.s[self._index(expr)], one
        if isinstance(expr, Add):
            n, d = R.zero, one
            for a in expr.args:
                an, ad = self.read(a)
                # terms over one denominator (a softmax's e^{z_i}/Z) add their numerators: multiplying
                # the denominators would raise Z to the number of terms
                n, d = (n + an, d) if ad == d else (self.times(n, ad) + self.times(an, d), self.times(d, ad))
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

    def times(self, p: PolyElement, q: PolyElement) -> PolyElement:
        """p·q; NotRational where that is more work than the reader is bounded to (multiplied out, a
        sum of squares over four terms, squared and over its own denominators, reaches 80,000 terms
        and a quarter of a minute, where cancel takes its common factors out first)."""
        if self.most_work is not None and len(p) * len(q) > self.most_work:
            raise NotRational("too large to multiply out")
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
        """e^{k₁s₁ + … + kₙsₙ} = t₁^{k₁}…tₙ^{kₙ} for integers kᵢ, times u^k for each term k·log u, times
        a power of e^{u/L} for each term c·u of an exponent the reader has a generator for; anything
        else is outside."""
        top, bottom, rest = self.one, self.one, []
        for term in Add.make_args(arg):
            k, u = _log_term(term)
            if u is None:
                rest.append(term)
                continue
            n, d = self.read(u)
            if not self.reduced(n):
                raise NotRational("the logarithm of 0")  # (no value: e^{log 0} is no 0)
            top, bottom = (top * n**k, bottom * d**k) if k > 0 else (top * d**-k, bottom * n**-k)
        if self.exponents:  # e^{c·u} = (e^{u/L})^{cL} for the exponents equal_as_fractions found
            kept = []
            for term in rest:
                c, u = _exponent_term(term)
                found = None if _plain(c, u) else self.exponents.get(tidied(u))
                # k·sᵢ is tᵢ^k as without them; an exponent found elsewhere with other coefficients,
                # (2x + 4y)/2 beside 3(2x + 4y), is read as it was
                if found is None or not (c * found[1]).is_Integer:
                    kept.append(term)
                    continue
                generator, lcm = found
                k = int(c * lcm)
                top, bottom = (top * generator**k, bottom) if k > 0 else (top, bottom * generator**-k)
            rest = kept
        for i, k in self._integer_combination(Add(*rest)):
            power = self.t[i] ** abs(k)
            top, bottom = (top * power, bottom) if k > 0 else (top, bottom * power)
        return top, bottom

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
        so that p is 0 there exactly when it is this 0."""
        for c, n in zip(self.cos, self.sin):
            place = self.R.gens.index(n)
            while any(m[place] >= 2 for m in p.monoms()):
                high = self.R({m: a for m, a in p.terms() if m[place] >= 2})
                p = p - high + (high.quo(n * n)) * (1 - c * c)  # (n² q → (1 − c²) q)
        return p

    def _derivative(self, expr: Derivative) -> Fraction:
        n, d = self.read(expr.expr)
        if any(p.degree(u) > 0 for p in (n, d) for u in self.opaque):
            raise NotRational("a derivative of an unknown part")  # (_d knows no derivative of one)
        for symbol, count in expr.variable_count:
            if symbol not in self.symbols:  # not free anywhere, so not in the body: a constant
                return self.R.zero, self.one
            i = self._index(symbol)
            for _ in range(int(count)):
                n, d = self._d(n, i) * d - n * self._d(d, i), d * d
        return n, d

    def _d(self, p: PolyElement, i: int) -> PolyElement:
        """d/ds_i of a polynomial in s_i, t_i = e^{s_i} (and c_i = cos s_i, n_i = sin s_i)."""
        out = p.diff(self.s[i]) + self.t[i] * p.diff(self.t[i])
        if self.cos:
            out += self.cos[i] * p.diff(self.sin[i]) - self.sin[i] * p.diff(self.cos[i])
        return out

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


def rationally_equal(a: Expr, b: Expr) -> bool:
    """True when a = b as rational functions of their symbols and exponentials, False when they
    differ as such functions (a proof that they differ); NotRational when either lies outside."""
    # (cos and sin generators only where they are used: with many symbols each one costs)
    reader = Reader(a.free_symbols | b.free_symbols, circular=a.has(*_CIRCULAR) or b.has(*_CIRCULAR))
    return _equal_fractions(reader, reader.read(a), reader.read(b))


def _equal_fractions(reader: Reader, a: Fraction, b: Fraction) -> bool:
    (an, ad), (bn, bd) = a, b
    if not reader.reduced(ad) or not reader.reduced(bd):  # (1/(sin² + cos² − 1) is no value)
        raise NotRational("division by zero")
    return not reader.reduced(reader.times(an, bd) - reader.times(bn, ad))


def equal_as_fractions(a: Expr, b: Expr) -> bool:
    """True when a = b as rational functions of their symbols and exponentials, every other part they
    hold (sin(wx), √x, f'(x), a sum over i) read as an unknown of its own, and e^{c·u} for any exponent
    u (σ(u) and tanh u through it) read as a power of one generator e^{u/L}: equal parts have equal
    values, so equality there is an identity (what SymPy's cancel finds, in a millisecond where cancel
    took a tenth of a second on a layer's gradient). False proves nothing: sin² wx and 1 − cos² wx
    differ as unknowns. Infinite or undefined values are never read: zoo − zoo is no 0. Like cancel, it
    divides by what the unknowns may hide is 0 everywhere ((e^{x/2})² − e^x): the verifier checks that
    every divisor has values (verify._divides_by_zero)."""
    if any(e.has(S.NaN, S.ComplexInfinity, S.Infinity, S.NegativeInfinity) for e in (a, b)):
        return False
    symbols = a.free_symbols | b.free_symbols
    circular = a.has(*_CIRCULAR) or b.has(*_CIRCULAR)
    plain, unknowns, exponentials, exponents = Reader(symbols, circular), {}, {}, {}
    for side in (a, b):
        _unknown_parts(side, plain, unknowns, exponentials, exponents)
    # first σ(wx + b) and e^{wx} as unknowns themselves (a layer's gradient holds dozens, and as
    # fractions in e^{wx} their denominators multiply), then as fractions in e^{wx}
    readings = [({**unknowns, **exponentials}, {})] + ([(unknowns, exponents)] if exponents else [])
    for parts, powers in readings:
        reader = Reader(symbols, circular, parts, _MOST_WORK, powers)
        try:
            if _equal_fractions(reader, reader.read(a), reader.read(b)):
                return True
        except NotRational:  # (a division by zero among the parts read, or too much to multiply out)
            pass
    return False


def _unknown_parts(expr: Expr, reader: Reader, found: dict, exponentials: dict, exponents: dict) -> None:
    """The parts of expr's sums, products and integer powers that reader cannot read, each with its
    evaluated form (the unknown it stands for): e^u, σ(u) and tanh u into exponentials, the others into
    found; and the terms c·u of those exponentials' exponents the reader cannot read into exponents,
    each u with the least common multiple L of its coefficients' denominators (e^{u/L} is then the
    generator)."""
    if expr in found or expr in exponentials or isinstance(expr, (Rational, Symbol)):
        return
    if isinstance(expr, (Add, Mul)) or (isinstance(expr, Pow) and isinstance(expr.exp, Integer)):
        for arg in expr.args:
            _unknown_parts(arg, reader, found, exponentials, exponents)
        return
    try:
        reader.read(expr)
    except NotRational:
        if not isinstance(expr, _EXPONENTIAL):
            found[expr] = tidied(expr)
            return
        exponentials[expr] = tidied(expr)
        for term in Add.make_args(expr.args[0]):
            if (log_of := _log_term(term)[1]) is not None:
                _unknown_parts(log_of, reader, found, exponentials, exponents)
                continue
            c, u = _exponent_term(term)
            if not _plain(c, u):
                key = tidied(u)
                exponents[key] = ilcm(exponents.get(key, 1), c.q)


def _exponent_term(term: Expr) -> tuple[Rational, Expr]:
    """(c, u) of a term c·u of an exponent, c rational (1 where the coefficient is a decimal)."""
    c, u = term.as_coeff_Mul()
    return (c, u) if c.is_Rational else (S.One, term)


def _plain(c: Rational, u: Expr) -> bool:
    """c·u is k·sᵢ, whose exponential the plain reading has: tᵢ^k."""
    return isinstance(u, Symbol) and c.is_Integer




def _log_term(term: Expr) -> tuple[int, Expr | None]:
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
