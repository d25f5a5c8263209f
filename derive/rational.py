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
outside as generators of its own (σ(wx + b) an unknown; e^{cu} for any exponent u a power of e^{u/L};
b^{p/q} a power of r = b^{1/L}, with r^L = b put in; log u; an unknown function f(x) with f', f'', …),
and reads a derivative through wherever each generator's derivative is a fraction in them (r' =
r·b'/(Lb), (log u)' = u'/u, (f^{(k)})' = f^{(k+1)}). Equal fractions there are equal functions wherever
both sides have values; a difference proves nothing, because the generators may be related (sin² +
cos² = 1 of wx, log x² = 2 log x).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, partial

import sympy
from sympy import (Add, Derivative, Expr, Indexed, IndexedBase, Integer, Mul, Pow, Product, QQ, Rational, S, Sum,
                   Symbol, exp, ilcm, log)
from sympy.core.function import AppliedUndef
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
_HIGHEST_ORDER = 8  # equal_as_fractions: the derivatives f', …, f^{(8)} of an unknown function, at most
_LARGEST_POWER = 256  # a root's power beyond which its base's power is not written out
_LARGEST_MULTIPLE = 64  # sin(kx) is worked out one angle at a time: beyond this, the general methods

Fraction = tuple[PolyElement, PolyElement]  # (numerator, denominator), never reduced


@lru_cache(maxsize=64)
def _ring(names: str) -> tuple:
    """The ring Q[names] and its generators, made once for each list of names (a reader is made for
    every comparison, and a ring took a third of a millisecond; its elements are never changed in place)."""
    return ring(names, QQ)


clear_rings = _ring.cache_clear


class NotRational(ValueError):
    """The expression is not rational in its symbols and their exponentials, or reading it would take
    more work than the reader is bounded to: either way, this method decides nothing."""


class Reader:
    """Reads expressions into Q[s₁ … sₙ, e^{s₁} … e^{sₙ}] fractions, for the given symbols (with
    equal_as_fractions's parts, into a ring with a generator for each of them: unknowns, e^{u/L},
    roots b^{1/L}, logarithms and unknown functions with their derivatives; every generator after the
    symbols' own is differentiated by a rule of its own in self.slopes, or not at all)."""

    def __init__(self, symbols, circular: bool = False, unknowns: dict[Expr, Expr] | None = None,
                 most_work: int | None = None, exponents: dict[Expr, int] | None = None,
                 roots: dict[Expr, tuple[Expr, int]] | None = None,
                 functions: dict[Expr, int] | None = None, logs: dict[Expr, Expr] | None = None,
                 budget: int | None = None) -> None:
        self.symbols = sorted(symbols, key=lambda s: s.name)
        self.most_work = most_work  # the largest product of two polynomials' term counts, if bounded
        self.budget, self.spent = budget, 0  # all products' term counts together, if bounded
        unknowns, exponents, roots, functions, logs = (unknowns or {}, exponents or {}, roots or {}, functions or {},
                                                       logs or {})
        keys = list(dict.fromkeys(unknowns.values()))
        n, m = len(self.symbols), len(keys)
        names = [f"s{i}" for i in range(n)] + [f"t{i}" for i in range(n)]
        if circular:  # cos sᵢ and sin sᵢ, after the others: steering's monomials keep their places
            names += [f"c{i}" for i in range(n)] + [f"n{i}" for i in range(n)]
        names += [f"u{i}" for i in range(m)] + [f"e{i}" for i in range(len(exponents))]
        names += [f"r{i}" for i in range(len(roots))] + [f"l{i}" for i in range(len(logs))]
        # and last, an unknown function f(x) with its derivatives f', f'', … up to the order a proof can
        # reach: no opaque parts, d/dx f^{(k)} = f^{(k+1)} (the product rule's schema is then exact)
        chains = [[f"f{i}_{k}" for k in range(order + 1)] for i, order in enumerate(functions.values())]
        names += [name for chain in chains for name in chain]
        # unused generators up to a multiple of 8: SymPy compiles a ring's monomial arithmetic once for
        # each number of generators, half a millisecond each (and a ring needs one generator)
        names += [f"p{i}" for i in range(-len(names) % 8 or (8 if not names else 0))]
        self.R, *gens = _ring(",".join(names))
        self.s, self.t = gens[:n], gens[n:2 * n]
        self.cos, self.sin = (gens[2 * n:3 * n], gens[3 * n:4 * n]) if circular else ([], [])
        # equal_as_fractions's generators: parts read as unknowns of their own, one for each part as
        # SymPy evaluates it (σ(c + wx) written as σ(wx + c) is the same unknown); e^{u/L} for each
        # exponent u found as c·u with c·L whole (e^{−y(wx)}, e^{2y(wx)} are powers of e^{y(wx)}); and
        # r = b^{1/L} for each base b of a power b^{p/q} found (√(x² + 1), 1/√(x² + 1) and
        # (x² + 1)^{3/2} are r, 1/r and r³); and log u for each logarithm found
        first = (4 if circular else 2) * n
        self.unknowns = {node: gens[first + keys.index(key)] for node, key in unknowns.items()}
        self.exponents = {u: (gens[first + m + i], lcm) for i, (u, lcm) in enumerate(exponents.items())}
        at = first + m + len(exponents)
        self.roots = {b: (gens[at + i], lcm) for i, (b, (_, lcm)) in enumerate(roots.items())}
        at += len(roots)
        self.logs = {key: gens[at + i] for i, key in enumerate(logs)}
        at += len(logs)
        self._read_through = range(first, at)  # (the places of those generators: each has a rule in slopes)
        self.functions = {}  # f(x) → (the index of x, [f, f', f'', …])
        for f, chain in zip(functions, chains):
            self.functions[f] = (self._index(f.args[0]), gens[at:at + len(chain)])
            at += len(chain)
        self._chained = range(self._read_through.stop, at)  # (the places of f, f', … of every function)
        self.one = self.R.one
        # how each generator from the unknowns to the logarithms is differentiated: a function of the
        # symbol's index giving a fraction in the ring, worked out when first asked for (√b, e^{u/L},
        # log u; an unknown's derivative is 0 where it surely does not change, else there is none)
        self.slopes: dict[int, Callable[[int], Fraction]] = {}
        for node, generator in self.unknowns.items():  # (an unknown is constant in what it is free of: π)
            self.slopes[self._place(generator)] = partial(self._unknown_slope, node)
        for key, (base, lcm) in roots.items():  # (√b)' = √b · b'/(2b)
            self.slopes[self._place(self.roots[key][0])] = partial(self._root_slope, self.roots[key][0], lcm, base)
        for u, (e, lcm) in self.exponents.items():  # (e^{u/L})' = e^{u/L} · u'/L
            self.slopes[self._place(e)] = partial(self._exponent_slope, e, lcm, u)
        for key, generator in self.logs.items():  # (log u)' = u'/u
            self.slopes[self._place(generator)] = partial(self._log_slope, logs[key])
        self._slope_of: dict[tuple[int, int], Fraction] = {}
        self.log_arguments = logs  # (log u's u, to see that it has a value)
        self._log_values: dict[Expr, PolyElement] = {}  # (each log read once, however often it stands)
        self.relations: list[tuple[PolyElement, int, PolyElement, PolyElement]] = []  # (r, L, n, d): r^L = n/d
        for key, (base, lcm) in roots.items():  # (after the slopes: reading a base may differentiate)
            self.relations += self._relation(self.roots[key][0], lcm, base)

    def read(self, expr: Expr) -> Fraction:
        one, R = self.one, self.R
        if self.unknowns and expr in self.unknowns:
            return self.unknowns[expr], one
        if isinstance(expr, (Integer, Rational)):
            return R(QQ(int(expr.p), int(expr.q))), one
        if isinstance(expr, Symbol):
            return self.s[self._index(expr)], one
        if self.functions and expr in self.functions:
            return self.functions[expr][1][0], one
        if self.logs and isinstance(expr, log) and tidied(expr) in self.logs:
            return self._log(tidied(expr)), one
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
        if isinstance(expr, Pow) and self.roots and expr.exp.is_Rational and tidied(expr.base) in self.roots:
            generator, lcm = self.roots[tidied(expr.base)]
            if not (expr.exp * lcm).is_Integer:  # (b^{1/3} where only √b was collected: no power of it)
                raise NotRational("a power of a root the reader has no generator for")
            k = int(expr.exp * lcm)  # (b^{p/q} = (b^{1/L})^{pL/q} for any b ≠ 0, on the principal branch)
            return (generator**k, one) if k > 0 else (one, generator**-k)
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
            if self.vanishes(n):
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

    def _relation(self, generator: PolyElement, lcm: int, base: Expr) -> list:
        """[(r, L, n, d)], r^L = n/d, where the base reads as a fraction free of r itself, else []."""
        try:
            n, d = self.read(base)
        except NotRational:
            return []
        if n.degree(generator) > 0 or d.degree(generator) > 0 or self.vanishes(d):
            return []
        if self.vanishes(n):  # (√0 is 0: a root of what is 0 everywhere divides nothing)
            return [(generator, 1, self.R.zero, self.one)]
        if d.is_ground:
            n, d = n.quo_ground(d.LC), self.one
        return [(generator, lcm, n, d)]

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
        """d/ds_i of a polynomial in s_i, t_i = e^{s_i} (and c_i = cos s_i, n_i = sin s_i, and f^{(k)}(s_i)),
        and in the generators whose derivative is a fraction (√b, e^{u/L}, log u); NotRational where p
        holds an unknown part that may change with s_i (taking it for a constant would prove falsehoods)."""
        out = p.diff(self.s[i]) + self.t[i] * p.diff(self.t[i])
        if self.cos:
            out += self.cos[i] * p.diff(self.sin[i]) - self.sin[i] * p.diff(self.cos[i])
        for j, chain in self.functions.values():
            if j != i:  # f(x) is constant in y, but not in x_1, nor J(𝐰) in w_1: a relation no name shows
                if _related(self.symbols[j], self.symbols[i]) and any(p.degree(g) > 0 for g in chain):
                    raise NotRational("a derivative by a name related to the function's variable")
                continue
            if p.degree(chain[-1]) > 0:
                raise NotRational("a derivative of a higher order than the reader has generators for")
            out += sum((chain[k + 1] * p.diff(chain[k]) for k in range(len(chain) - 1)), self.R.zero)
        top, bottom = out, self.one
        for place in self._held(p):
            a, b = self._slope(place, i)
            top, bottom = self.times(top, b) + self.times(self.times(p.diff(self.R.gens[place]), a), bottom), \
                self.times(bottom, b)
        return top, bottom

    def _held(self, p: PolyElement) -> list[int]:
        """The places of the generators from the unknowns to the logarithms that p holds; NotRational
        where it holds one after them that is no derivative of an unknown function (a generator added
        later without a rule must not be taken for a constant)."""
        held = [k for k in range(self._read_through.start, self.R.ngens) if any(m[k] for m in p.monoms())]
        if any(k >= self._read_through.stop and k not in self._chained for k in held):
            raise NotRational("a generator with no rule for its derivative")
        return [k for k in held if k in self._read_through]

    def _place(self, generator: PolyElement) -> int:
        return self.R.gens.index(generator)

    def _slope(self, place: int, i: int) -> Fraction:
        """The derivative by s_i of the generator at place, worked out once (NotRational where a part of
        it has none, or where it would need itself: a generator is never inside its own definition)."""
        key = (place, i)
        if key not in self._slope_of:
            self._slope_of[key] = None  # (being worked out)
            try:
                if place not in self.slopes:
                    raise NotRational("a derivative of an unknown part")
                self._slope_of[key] = self.slopes[place](i)
            except NotRational:
                del self._slope_of[key]
                raise
        if self._slope_of[key] is None:
            raise NotRational("a generator inside its own derivative")
        return self._slope_of[key]

    def _log(self, key: Expr) -> PolyElement:
        """The generator log u, where u has a value: NotRational where u is 0 everywhere (log 0 has none),
        and 0 where u is 1 everywhere (log(sin² x + cos² x)); u that cannot be read is taken as it is."""
        if key not in self._log_values:
            self._log_values[key] = self._log_of(key)
        return self._log_values[key]

    def _log_of(self, key: Expr) -> PolyElement:
        try:
            n, d = self.read(self.log_arguments[key])
        except NotRational:
            return self.logs[key]
        if self.vanishes(n):
            raise NotRational("the logarithm of 0")
        return self.R.zero if self.vanishes(n - d) else self.logs[key]

    def _unknown_slope(self, node: Expr, i: int) -> Fraction:
        if not _constant_in(node, self.symbols[i]):
            raise NotRational("a derivative of an unknown part")
        return self.R.zero, self.one

    def _root_slope(self, r: PolyElement, lcm: int, base: Expr, i: int) -> Fraction:
        p, q = self._log_slope(base, i)  # (b^{1/L})' = b^{1/L} · (log b)'/L
        return self.times(r, p), q * lcm

    def _exponent_slope(self, e: PolyElement, lcm: int, u: Expr, i: int) -> Fraction:
        p, q = self._d_fraction(*self.read(u), i)
        return self.times(e, p), q * lcm

    def _log_slope(self, u: Expr, i: int) -> Fraction:
        n, d = self.read(u)
        if self.vanishes(n):
            raise NotRational("the logarithm of 0")
        p, q = self._d_fraction(n, d, i)
        return self.times(p, d), self.times(q, n)

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
    return _equal_fractions(reader, reader.read(a), reader.read(b))


def _equal_fractions(reader: Reader, a: Fraction, b: Fraction) -> bool:
    (an, ad), (bn, bd) = a, b
    if reader.vanishes(ad) or reader.vanishes(bd):  # (1/(sin² + cos² − 1) is no value)
        raise NotRational("division by zero")
    return reader.vanishes(reader.times(an, bd) - reader.times(bn, ad))


def equal_as_fractions(a: Expr, b: Expr, budget: int | None = None) -> bool:
    """True when a = b as rational functions of their symbols and exponentials, every other part they
    hold (sin(wx), a sum over i) read as an unknown of its own, e^{c·u} for any exponent u (σ(u) and
    tanh u through it) read as a power of one generator e^{u/L}, b^{p/q} as a power of r = b^{1/L},
    reduced by r^L = b where b reads as a polynomial (1/√x = √x/x), log u as a generator of its own,
    and an unknown function f(x) with its derivatives f', f'', … as generators. Derivatives are read
    through: d/dx of each generator is known in the ring (√b' = √b·b'/(2b), (log u)' = u'/u, f' = f'),
    except for the unknowns. Equal parts have equal values, so equality there is an identity (what
    SymPy's cancel finds, in a millisecond where cancel took a tenth of a second on a layer's
    gradient). False proves nothing: sin² wx and 1 − cos² wx differ as unknowns. Infinite or undefined
    values are never read: zoo − zoo is no 0. Like cancel, it divides by what the unknowns may hide is
    0 everywhere ((e^{x/2})² − e^x): the verifier checks that every divisor has values
    (verify._divides_by_zero). budget: the most work (term pairs multiplied, all products together) each
    reading may take, for a first try that must stay cheap."""
    if any(e.has(S.NaN, S.ComplexInfinity, S.Infinity, S.NegativeInfinity) for e in (a, b)):
        return False
    symbols = a.free_symbols | b.free_symbols
    circular = a.has(*_CIRCULAR) or b.has(*_CIRCULAR)
    parts = _Parts(Reader(symbols, circular))
    for side in (a, b):
        parts.collect(side)
    # f, f', … up to the most derivatives taken one inside another (d/dx of f·f' reaches f'')
    order = max(_derivatives_deep(a), _derivatives_deep(b))
    functions = dict.fromkeys(sorted(parts.functions, key=str), min(order, _HIGHEST_ORDER))
    # first σ(wx + b) and e^{wx} as unknowns themselves (a layer's gradient holds dozens, and as
    # fractions in e^{wx} their denominators multiply), then as fractions in e^{wx}
    readings = [({**parts.found, **parts.exponentials}, {})] + (
        [(parts.found, parts.exponents)] if parts.exponents else [])
    for unknowns, powers in readings:
        try:
            reader = Reader(symbols, circular, unknowns, _MOST_WORK, powers, parts.roots, functions, parts.logs, budget)
            if _equal_fractions(reader, reader.read(a), reader.read(b)):
                return True
        except NotRational:  # (a division by zero among the parts read, or too much to multiply out)
            pass
    return False


def _constant_in(part: Expr, symbol: Expr) -> bool:
    """part surely does not change with symbol: free of it, of a sum or a term of a family, whose
    members a symbol may be (Σ_k z_k² holds z_5, whatever its free symbols say), and of every name
    related to it (J(𝐰) changes with w_1)."""
    return symbol not in part.free_symbols and not part.has(Indexed, IndexedBase, Sum, Product) and not any(
        _related(s, symbol) for s in part.free_symbols if isinstance(s, Symbol))


def _related(a: Expr, b: Expr) -> bool:
    """Two names of one letter, which derive's reading may relate: w_1 an entry of 𝐰 (wbold), x_1 and x."""
    return isinstance(a, Symbol) and isinstance(b, Symbol) and _letter(a) == _letter(b)


def _letter(symbol: Symbol) -> str:
    base = symbol.name.partition("_")[0]
    return base.removesuffix("sample").removesuffix("bold")


def _derivatives_deep(expr: Expr) -> int:
    """The most derivatives taken one inside another anywhere in expr (d²/dx² of d/dx f: 3)."""
    inner = max((_derivatives_deep(a) for a in expr.args), default=0)
    if isinstance(expr, Derivative):
        return inner + sum(int(n) if n.is_Integer else _HIGHEST_ORDER for _, n in expr.variable_count)
    return inner


class _Parts:
    """The parts of expressions' sums, products and integer powers that the plain reader cannot read,
    each with its evaluated form (the unknown or generator it stands for, so that σ(c + wx) and
    σ(wx + c) are one): e^u, σ(u) and tanh u in exponentials; the terms c·u of their exponents the
    reader cannot read in exponents, each u with the least common multiple L of its coefficients'
    denominators (e^{u/L} is then the generator); the bases b of powers b^{p/q} in roots, each with the
    least common multiple L of the q; log u in logs, with u; the unknown functions f(x) of one symbol
    in functions; and the rest, unknowns with no derivative known (sin(wx), |x|), in found. A
    derivative is read through (d/dx of its body) unless its body holds an unknown of found that may
    change with its variable; then it is an unknown of its own."""

    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.found: dict[Expr, Expr] = {}
        self.exponentials: dict[Expr, Expr] = {}
        self.exponents: dict[Expr, int] = {}
        self.roots: dict[Expr, tuple[Expr, int]] = {}
        self.logs: dict[Expr, Expr] = {}
        self.functions: set[Expr] = set()

    def collect(self, expr: Expr) -> None:
        if expr in self.found or expr in self.exponentials or isinstance(expr, (Rational, Symbol)):
            return
        if isinstance(expr, (Add, Mul)) or (isinstance(expr, Pow) and isinstance(expr.exp, Integer)):
            for arg in expr.args:
                self.collect(arg)
        elif isinstance(expr, AppliedUndef) and len(expr.args) == 1 and isinstance(expr.args[0], Symbol):
            self.functions.add(expr)
        elif isinstance(expr, Derivative):
            self.collect(expr.expr)
            inside = [part for part in self.found if expr.expr.has(part)]  # (found here or before)
            if any(not _constant_in(part, v) for part in inside for v in expr.variables):
                self.found[expr] = tidied(expr)  # (d/dx sin(wx) of an unknown sin(wx): no derivative known)
        elif isinstance(expr, Pow) and expr.exp.is_Rational and expr.base.is_finite is not False:
            self.collect(expr.base)  # (first: the roots inside a base get their relations before its own)
            key = tidied(expr.base)
            base, lcm = self.roots.get(key, (expr.base, 1))
            self.roots[key] = (base, ilcm(lcm, expr.exp.q))
        elif isinstance(expr, log) and len(expr.args) == 1:
            self.logs[tidied(expr)] = expr.args[0]
            self.collect(expr.args[0])
        elif not self._readable(expr):
            if isinstance(expr, _EXPONENTIAL):
                self._exponential(expr)
            else:
                self.found[expr] = tidied(expr)

    def _readable(self, expr: Expr) -> bool:
        try:
            self.reader.read(expr)
        except NotRational:
            return False
        return True

    def _exponential(self, expr: Expr) -> None:
        self.exponentials[expr] = tidied(expr)
        for term in Add.make_args(expr.args[0]):
            if (log_of := _log_term(term)[1]) is not None:
                self.collect(log_of)
                continue
            c, u = _exponent_term(term)
            if not _plain(c, u):
                key = tidied(u)
                self.exponents[key] = ilcm(self.exponents.get(key, 1), c.q)
                self.collect(u)  # (its own roots and logs: e^{√x} is read, and differentiated, through √x)


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
