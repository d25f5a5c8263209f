"""Exact arithmetic for expressions rational in their symbols and in e^{symbol}.

Every line of the sigmoid's derivation is a rational function of x and t = e^x (σ(x) = t/(t + 1)), and
so is anything built of e^x, σ and the hyperbolic functions (tanh x = (t² − 1)/(t² + 1)).
Reading the written tree into numerator and denominator polynomials over Q decides equality exactly
(N₁D₂ = N₂D₁), evaluates no SymPy expression on the way, and costs about a millisecond. Derivatives
are taken on the polynomials too: d/dx acts as ∂/∂x + t ∂/∂t, because (e^x)' = e^x. Anything outside
(sin, log, e^{x/2}, a float) raises NotRational, and the verifier falls back to SymPy's general methods.
"""

from __future__ import annotations

import sympy
from sympy import Add, Derivative, Expr, Integer, Mul, Pow, QQ, Rational, S, Symbol, exp
from sympy.polys.rings import PolyElement, ring

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

Fraction = tuple[PolyElement, PolyElement]  # (numerator, denominator), never reduced


class NotRational(ValueError):
    """The expression is not rational in its symbols and their exponentials."""


class Reader:
    """Reads expressions into Q[s₁ … sₙ, e^{s₁} … e^{sₙ}] fractions, for the given symbols."""

    def __init__(self, symbols) -> None:
        self.symbols = sorted(symbols, key=lambda s: s.name)
        n = len(self.symbols)
        names = [f"s{i}" for i in range(n)] + [f"t{i}" for i in range(n)]
        self.R, *gens = ring(",".join(names or ["c"]), QQ)  # a ring needs a generator; c is unused
        self.s, self.t = gens[:n], gens[n:2 * n]
        self.one = self.R.one

    def read(self, expr: Expr) -> Fraction:
        one, R = self.one, self.R
        if isinstance(expr, (Integer, Rational)):
            return R(QQ(int(expr.p), int(expr.q))), one
        if isinstance(expr, Symbol):
            return self.s[self._index(expr)], one
        if isinstance(expr, Add):
            n, d = R.zero, one
            for a in expr.args:
                an, ad = self.read(a)
                n, d = n * ad + an * d, d * ad
            return n, d
        if isinstance(expr, Mul):
            n, d = one, one
            for a in expr.args:
                an, ad = self.read(a)
                n, d = n * an, d * ad
            return n, d
        if isinstance(expr, Pow) and isinstance(expr.exp, Integer):
            n, d = self.read(expr.base)
            k = int(expr.exp)
            if k < 0:
                if not n:
                    raise NotRational("division by zero")
                n, d, k = d, n, -k
            return n**k, d**k
        if isinstance(expr, exp):
            return self._exp(expr.args[0])
        if isinstance(expr, sigmoid):
            n, d = self._exp(expr.args[0])  # σ(u) = e^u/(e^u + 1)
            return n, n + d
        if type(expr) in _HYPERBOLIC:
            n, d = self._exp(expr.args[0])  # e^u = n/d; each is a ratio of n² ± d² and nd
            top, bottom = _HYPERBOLIC[type(expr)](n, d)
            return top, bottom
        if isinstance(expr, NamedFunction):
            return self.read(expr.body_at(expr.args[0]))
        if isinstance(expr, Derivative):
            return self._derivative(expr)
        raise NotRational(f"{type(expr).__name__} is outside the field")

    def _index(self, symbol: Symbol) -> int:
        try:
            return self.symbols.index(symbol)
        except ValueError:
            raise NotRational(f"unknown symbol {symbol}") from None

    def _exp(self, arg: Expr) -> Fraction:
        """e^{k₁s₁ + … + kₙsₙ} = t₁^{k₁}…tₙ^{kₙ} for integers kᵢ; anything else is outside."""
        n, d = self.read(arg)
        if not d.is_ground:
            raise NotRational("exponent is a fraction")
        n = n.quo_ground(d.LC)
        top, bottom = self.one, self.one
        for monom, coeff in n.terms():
            if sum(monom) != 1 or any(monom[len(self.s):]) or QQ.denom(coeff) != 1:
                raise NotRational("exponent is not an integer combination of the symbols")
            power = self.t[monom.index(1)] ** abs(int(coeff))
            top, bottom = (top * power, bottom) if coeff > 0 else (top, bottom * power)
        return top, bottom

    def _derivative(self, expr: Derivative) -> Fraction:
        n, d = self.read(expr.expr)
        for symbol, count in expr.variable_count:
            if symbol not in self.symbols:  # not free anywhere, so not in the body: a constant
                return self.R.zero, self.one
            i = self._index(symbol)
            for _ in range(int(count)):
                n, d = self._d(n, i) * d - n * self._d(d, i), d * d
        return n, d

    def _d(self, p: PolyElement, i: int) -> PolyElement:
        """d/ds_i of a polynomial in s_i and t_i = e^{s_i}."""
        return p.diff(self.s[i]) + self.t[i] * p.diff(self.t[i])

    def to_expr(self, p: PolyElement) -> Expr:
        """A polynomial in the symbols alone, written out unevaluated (2x, not 2·x¹)."""
        from derive.exprs import add, mul

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
    reader = Reader(a.free_symbols | b.free_symbols)
    an, ad = reader.read(a)
    bn, bd = reader.read(b)
    if not ad or not bd:
        raise NotRational("division by zero")
    return an * bd == bn * ad


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
