"""equal_as_fractions, the verifier's method after derive.rational's plain reading, proves equality only: it reads what lies
outside as generators of its own (σ(wx + b) an unknown; e^{cu} for any exponent u a power of e^{u/L};
b^{p/q} a power of r = b^{1/L}, with r^L = b put in; log u; an unknown function f(x) with f', f'', …),
and reads a derivative through wherever each generator's derivative is a fraction in them (r' =
r·b'/(Lb), (log u)' = u'/u, (f^{(k)})' = f^{(k+1)}). Equal fractions there are equal functions wherever
both sides have values; a difference proves nothing, because the generators may be related (sin² +
cos² = 1 of wx, log x² = 2 log x).

FractionReader is derive.rational's Reader with those generators after the symbols' own.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from sympy import (Add, Derivative, Expr, Indexed, IndexedBase, Integer, Integral, Limit, Mul, Pow, Product, Rational,
                   S, Sum, Symbol, exp, ilcm, log)
from sympy.core.function import AppliedUndef
from sympy.polys.rings import PolyElement

from derive.exprs import tidy
from derive.functions import sigmoid
from derive.rational import (CIRCULAR_FUNCTIONS, HYPERBOLIC_FUNCTIONS, Fraction, NotRational, Reader, equal_fractions,
                             exponent_terms, log_term)

_EXPONENTIAL = (exp, sigmoid, *HYPERBOLIC_FUNCTIONS)  # read through e^u
_MOST_WORK = 100_000  # term pairs in one product, beyond which cancel decides
_HIGHEST_ORDER = 8  # the derivatives f', …, f^{(8)} of an unknown function, at most


class FractionReader(Reader):
    """A Reader with a generator for each part equal_as_fractions found: unknowns, e^{u/L}, roots
    b^{1/L}, logarithms and unknown functions with their derivatives; every generator from the
    unknowns to the logarithms is differentiated by a rule of its own in self.slopes, or not at all."""

    def __init__(self, symbols, circular: bool = False, unknowns: dict[Expr, Expr] | None = None,
                 most_work: int | None = None, exponents: dict[Expr, int] | None = None,
                 roots: dict[Expr, tuple[Expr, int]] | None = None,
                 functions: dict[Expr, int] | None = None, logs: dict[Expr, Expr] | None = None,
                 budget: int | None = None) -> None:
        unknowns, exponents, roots, functions, logs = (unknowns or {}, exponents or {}, roots or {}, functions or {},
                                                       logs or {})
        keys = list(dict.fromkeys(unknowns.values()))
        m = len(keys)
        # and last, an unknown function f(x) with its derivatives f', f'', … up to the order a proof can
        # reach: no opaque parts, d/dx f^{(k)} = f^{(k+1)} (the product rule's schema is then exact)
        chains = [order + 1 for order in functions.values()]  # (the generators of each function)
        super().__init__(symbols, circular, most_work, budget,
                         m + len(exponents) + len(roots) + len(logs) + sum(chains))
        gens = self.R.gens
        # parts read as unknowns of their own, one for each part as SymPy evaluates it (σ(c + wx) written
        # as σ(wx + c) is the same unknown); e^{u/L} for each exponent u found as c·u with c·L whole
        # (e^{−y(wx)}, e^{2y(wx)} are powers of e^{y(wx)}); and r = b^{1/L} for each base b of a power
        # b^{p/q} found (√(x² + 1), 1/√(x² + 1) and (x² + 1)^{3/2} are r, 1/r and r³); and log u for each
        # logarithm found
        first = self.first
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
            self.functions[f] = (self._index(f.args[0]), gens[at:at + chain])
            at += chain
        self._chained = range(self._read_through.stop, at)  # (the places of f, f', … of every function)
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
        for key, (base, lcm) in roots.items():  # (after the slopes: reading a base may differentiate)
            self.relations += self._relation(self.roots[key][0], lcm, base)

    def read(self, expr: Expr) -> Fraction:
        one = self.one
        if self.unknowns and expr in self.unknowns:
            return self.unknowns[expr], one
        if self.functions and expr in self.functions:
            return self.functions[expr][1][0], one
        if self.logs and isinstance(expr, log) and tidy(expr) in self.logs:
            return self._log(tidy(expr)), one
        if (isinstance(expr, Pow) and self.roots and not isinstance(expr.exp, Integer) and expr.exp.is_Rational
                and tidy(expr.base) in self.roots):
            generator, lcm = self.roots[tidy(expr.base)]
            if not (expr.exp * lcm).is_Integer:  # (b^{1/3} where only √b was collected: no power of it)
                raise NotRational("a power of a root the reader has no generator for")
            k = int(expr.exp * lcm)  # (b^{p/q} = (b^{1/L})^{pL/q} for any b ≠ 0, on the principal branch)
            return (generator**k, one) if k > 0 else (one, generator**-k)
        return super().read(expr)

    def _exponent_powers(self, top: PolyElement, bottom: PolyElement, rest: list) -> tuple:
        """e^{c·u} = (e^{u/L})^{cL} for the exponents equal_as_fractions found."""
        if self.exponents:
            kept = []
            for term in rest:
                c, u = _exponent_term(term)
                found = None if _plain(c, u) else self.exponents.get(tidy(u))
                # k·sᵢ is tᵢ^k as without them; an exponent found elsewhere with other coefficients,
                # (2x + 4y)/2 beside 3(2x + 4y), is read as it was
                if found is None or not (c * found[1]).is_Integer:
                    kept.append(term)
                    continue
                generator, lcm = found
                k = int(c * lcm)
                top, bottom = (top * generator**k, bottom) if k > 0 else (top, bottom * generator**-k)
            rest = kept
        return top, bottom, rest

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

    def _d_generators(self, p: PolyElement, i: int, out: PolyElement) -> Fraction:
        """out with the derivatives of the generators whose derivative is a fraction (√b, e^{u/L}, log u,
        f^{(k)}(s_i)) added; NotRational where p holds an unknown part that may change with s_i (taking
        it for a constant would prove falsehoods)."""
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
    (verify._unless_undefined). budget: the most work (term pairs multiplied, all products together) each
    reading may take, for a first try that must stay cheap."""
    if _infinite_or_undefined(a) or _infinite_or_undefined(b):
        return False
    symbols = a.free_symbols | b.free_symbols
    circular = a.has(*CIRCULAR_FUNCTIONS) or b.has(*CIRCULAR_FUNCTIONS)
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
            reader = FractionReader(symbols, circular, unknowns, _MOST_WORK, powers, parts.roots, functions, parts.logs,
                                    budget)
            if equal_fractions(reader, reader.read(a), reader.read(b)):
                return True
        except NotRational:  # (a division by zero among the parts read, or too much to multiply out)
            pass
    return False


_UNDEFINED = (S.NaN, S.ComplexInfinity)
_INFINITIES = (S.Infinity, S.NegativeInfinity)


def _infinite_or_undefined(expr: Expr) -> bool:
    """expr holds ∞ or an undefined value (zoo − zoo is no 0), other than ±∞ as a bound: ∫_0^∞ f dx and
    lim_{x→∞} are parts read as unknowns of their own, as cancel reads them."""
    if any(expr is v for v in _UNDEFINED + _INFINITIES):
        return True
    if isinstance(expr, (Integral, Sum, Product)):
        bounds = [b for limit in expr.limits for b in limit[1:]]
    elif isinstance(expr, Limit):
        bounds = [expr.args[2]]
    else:
        return any(_infinite_or_undefined(arg) for arg in expr.args)
    return _infinite_or_undefined(expr.args[0]) or any(
        b not in _INFINITIES and _infinite_or_undefined(b) for b in bounds)


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
            # (its variables from variable_count: .variables raises on d^n/dx^n, which the reader refuses)
            if any(not _constant_in(part, v) for part in inside for v, _ in expr.variable_count):
                self.found[expr] = tidy(expr)  # (d/dx sin(wx) of an unknown sin(wx): no derivative known)
        elif isinstance(expr, Pow) and expr.exp.is_Rational and expr.base.is_finite is not False:
            self.collect(expr.base)  # (first: the roots inside a base get their relations before its own)
            key = tidy(expr.base)
            base, lcm = self.roots.get(key, (expr.base, 1))
            self.roots[key] = (base, ilcm(lcm, expr.exp.q))
        elif isinstance(expr, log) and len(expr.args) == 1:
            self.logs[tidy(expr)] = expr.args[0]
            self.collect(expr.args[0])
        elif not self._readable(expr):
            if isinstance(expr, _EXPONENTIAL):
                self._exponential(expr)
            else:
                self.found[expr] = tidy(expr)

    def _readable(self, expr: Expr) -> bool:
        try:
            self.reader.read(expr)
        except NotRational:
            return False
        return True

    def _exponential(self, expr: Expr) -> None:
        self.exponentials[expr] = tidy(expr)
        for term in exponent_terms(expr.args[0]):
            if (log_of := log_term(term)[1]) is not None:
                self.collect(log_of)
                continue
            c, u = _exponent_term(term)
            if not _plain(c, u):
                key = tidy(u)
                self.exponents[key] = ilcm(self.exponents.get(key, 1), c.q)
                self.collect(u)  # (its own roots and logs: e^{√x} is read, and differentiated, through √x)


def _exponent_term(term: Expr) -> tuple[Rational, Expr]:
    """(c, u) of a term c·u of an exponent, c rational (1 where the coefficient is a decimal)."""
    c, u = term.as_coeff_Mul()
    return (c, u) if c.is_Rational else (S.One, term)


def _plain(c: Rational, u: Expr) -> bool:
    """c·u is k·sᵢ, whose exponential the plain reading has: tᵢ^k."""
    return isinstance(u, Symbol) and c.is_Integer
