"""Write a derivative in terms of a target function: σ' = σ(1 − σ), tanh' = 1 − tanh².

The targets are Möbius functions of e^{kx}: σ = t/(t + 1) and tanh = (t² − 1)/(t² + 1) with t = e^x,
e^x itself, or a user's g(x) of that form; softplus = ln(1 + t) is the logarithm of one. For those,
e^{kx} is a Möbius function of the target, T = (a·w + b)/(c·w + d) with w = e^{kx} gives
w = (b − d·T)/(c·T − a). So a derivative rational in x and e^x becomes rational in x and T:
1. write it in exponentials (when it holds tanh, sech …),
2. substitute e^{kx} by its expression in T,
3. simplify to the shortest of the factored, partly factored and expanded forms.
Each is a proposal that the engine proves like any other. A result that does not come out in the
target's terms is an error that shows the form reached, never a silent claim of steering.

Where the input spells the target out ((e^{2x} − 1)/(e^{2x} + 1) for tanh), derive.recognise has
written it in before the engine differentiates, so that its known derivative does the work and this
route has little left to do. Softplus is the exception among targets: its derivatives are written in
σ, the function softplus' is (written_in), softplus itself staying where it stands; σ in softplus
alone would be 1 − e^{−softplus}.

Before that route, the identities an author uses are tried (sech²u = 1 − tanh²u): tanh' is sech² and
then 1 − tanh², in two lines. Step 2 clears the fractions it makes (multiplies above and below), so that
no line is a fraction of fractions. And a defined g of the σ or tanh form gets its derivative in its
own terms (g' = g(1 − g)) from this same route, once, for the engine to use as a rule.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from sympy import (Dummy, Expr, Poly, S, Symbol, cancel, cosh, exp, factor_list, factor_terms, log, sech,
                   tanh)

from derive.record import Proposal
from derive.errors import DeriveError
from derive.exprs import add, div, mul, neg, plus_first, preorder, rebuild, size
from derive.functions import NamedFunction, sigmoid, softplus
from derive.rational import NotRational, Reader
from derive.render.printer import latex, text


class SteeringError(DeriveError):
    """The derivative cannot be written in terms of the target."""


@dataclass(frozen=True)
class Target:
    expr: Expr  # T(x): sigmoid(x), tanh(x), g(x)
    k: int  # T is a Möbius function of w = e^{kx}
    coefficients: tuple  # (a, b, c, d): T = (a·w + b)/(c·w + d), or e^T = that when logarithmic
    logarithmic: bool  # softplus: T = ln((a·w + b)/(c·w + d))

    @property
    def moebius(self) -> Expr:
        """What is a Möbius function of e^{kx}: the target itself, or e^{target} when it is logarithmic."""
        return exp(self.expr, evaluate=False) if self.logarithmic else self.expr

    def w_in_terms(self, v: Expr) -> Expr:
        """e^{kx} as a function of v: the target's value, or e^{target} when it is logarithmic."""
        a, b, c, d = self.coefficients
        return (b - d * v) / (c * v - a)


def target_of(T: Expr, x: Symbol) -> Target:
    """The Möbius structure of T in e^{kx}; SteeringError when T has none."""
    inner, logarithmic = T, False
    body = T.body_at(T.args[0]) if isinstance(T, NamedFunction) else T
    if isinstance(body, log):
        inner, logarithmic = body.args[0], True
    elif isinstance(T, NamedFunction):
        inner = body
    reader = Reader({x})
    try:
        n, d = reader.read(inner)
    except NotRational:
        raise SteeringError(f"{text(T)} is not a function of e^x that derive can invert") from None
    t = reader.t[0]
    exponents = {m[1] for p in (n, d) for m in p.monoms()} - {0}
    if len(exponents) != 1 or any(m[0] for p in (n, d) for m in p.monoms()):
        raise SteeringError(f"{text(T)} is not a Möbius function of e^(kx)")
    (k,) = exponents
    a, b, c, dd = (S(reader.R.domain.to_sympy(p.coeff(t**e))) for p in (n, d) for e in (k, 0))
    if a * dd - b * c == 0:
        raise SteeringError(f"{text(T)} is constant")
    return Target(T, k, (a, b, c, dd), logarithmic)


def written_in(T: Expr) -> Expr:
    """The function T's derivatives are written in: T itself, but σ for softplus. softplus' = σ, and
    σ written in softplus alone is 1 − e^{−softplus}: in terms of softplus means softplus recognised in
    the input (derive.recognise) and its derivatives in σ, the function its derivative is."""
    return sigmoid(T.args[0]) if isinstance(T, softplus) else T


def rewrite_in_terms_of(R: Expr, target: Target, x: Symbol, keep: tuple[Expr, ...] = ()) -> list[Proposal]:
    """The steps that take R to an expression in x and the target alone (none when R has no e^x).
    keep: applications that stay as they are, read as symbols (softplus(x) while its derivative σ(x)
    is the target: (x softplus(x))' = softplus(x) + x σ(x))."""
    held = {k: Dummy("k") for k in keep if R.has(k)}
    if held:
        back = {d: k for k, d in held.items()}
        steps = rewrite_in_terms_of(rebuild(R, held.get), target, x)
        return [replace(p, expr=rebuild(p.expr, back.get)) for p in steps]
    steps = _identities(R, target)
    current = steps[-1].expr if steps else R
    kept = bool(steps)  # an author's form already: only a clearly shorter one replaces it
    applied = _applications(current, target, kept)
    if applied is None:
        applied = _through_exponentials(current, target, x, kept)
    return steps + applied


@dataclass(frozen=True)
class Identity:
    name: str
    note: str
    rewrite: Callable[[Expr], Expr | None]  # a node in the target's terms, or None
    reaches: Callable[[Expr], bool]  # False for a node the identity should have rewritten: sech(u)³


def _identities(R: Expr, target: Target) -> list[Proposal]:
    """The identities an author writes the target by, each a step of its own, tried first. Where
    one is stuck on a product of odd powers (sech(u)·sech(u)³), the expression is multiplied out first."""
    steps: list[Proposal] = []
    for identity in IDENTITIES.get(target.expr.func, ()):
        new = rebuild(R, identity.rewrite)
        if not _reached(new, identity):
            expanded = plus_first(R.expand())
            new = rebuild(expanded, identity.rewrite)
            if expanded == R or not _reached(new, identity):
                continue
            steps.append(Proposal("multiply out", expanded, "multiply out"))
            R = expanded  # (which may be all the identity needed: 2 sinh cosh − 2 sinh cosh is 0)
        if new != R:
            steps.append(Proposal(identity.name, new, identity.note))
            R = new
    return steps


def _reached(expr: Expr, identity: Identity) -> bool:
    return all(identity.reaches(node) for node in preorder(expr))


def _sech_squared(node: Expr) -> Expr | None:
    """sech^{2n}(u) (or cosh^{-2n}(u), 1/cosh^{2n}(u) as typed) → (1 − tanh²(u))^n."""
    if node.is_Pow and node.exp == -1 and node.base.is_Pow and isinstance(node.base.base, cosh):
        node = Pow_(node.base.base, -node.base.exp)  # (the identity's step shows the input as written)
    if not node.is_Pow or not node.exp.is_Integer or node.exp % 2:
        return None
    n = node.exp / 2 if isinstance(node.base, sech) else -node.exp / 2 if isinstance(node.base, cosh) else 0
    if n <= 0:
        return None
    u = node.base.args[0]
    identity = add(S.One, neg(Pow_(tanh(u, evaluate=False), 2)))
    return identity if n == 1 else Pow_(identity, int(n))


# the target's function → the identities tried before any exponential
IDENTITIES = {
    tanh: [Identity("hyperbolic identity", r"use $\operatorname{sech}^{2} u = 1 - \tanh^{2} u$", _sech_squared,
                    lambda node: not isinstance(node, (sech, cosh)))],
}
FACTOR_WORTH = 2  # nodes a factor in the target is worth: w²σ(u)(1 − σ(u))(1 − 2σ(u)), not w²σ(u)(1 − 3σ(u) + 2σ(u)²)
CLEARLY_SHORTER = 0.8  # of an author's form: −2(1 − tanh²)tanh stays, though 2tanh³ − 2tanh is a node shorter


def _through_exponentials(R: Expr, target: Target, x: Symbol, kept: bool = False) -> list[Proposal]:
    """The route through e^{kx}: in exponentials, e^{kx} substituted, simplified. kept: R is an
    author's form already, which only a clearly shorter one replaces."""
    s = Dummy("s")  # the target read as a symbol of its own, so that it stays as written
    v = target.moebius
    hidden = R.xreplace({v: s})
    reader = Reader(hidden.free_symbols | {x})
    try:
        n, d = reader.read(hidden)
    except NotRational:
        if not _has_exponentials(R):
            return []
        raise SteeringError(f"the derivative {text(R)} cannot be written in terms of {text(target.expr)} "
                            "alone") from None
    i = reader.symbols.index(x)
    n, d = _common_power_out(n, d, reader.t[i], len(reader.s) + i, target.k)
    steps: list[Proposal] = []
    others = [j for j in range(len(reader.t)) if j != i]
    powers = {m[len(reader.s) + i] for p in (n, d) for m in p.monoms()}
    if any(m[len(reader.s) + j] for p in (n, d) for m in p.monoms() for j in others):
        raise SteeringError(f"{text(R)} holds exponentials of other variables than {x}")
    if any(p % target.k for p in powers):
        odd = min(p for p in powers if p % target.k)
        power = f"{x}" if odd == 1 else f"({odd}{x})"
        raise SteeringError(f"{text(R)} holds e^{power}, which "
                            f"{text(target.expr)} cannot express")
    current = R
    if not _only_exponentials_and(R, target, x):
        current = _put(_written_in_exponentials(reader, n, d, x, i), s, v)
        steps.append(Proposal("write in exponentials", current, "write everything in powers of $e^{x}$"))
    if any(powers):
        written = _exponents(current, x)
        sign = -1 if written and all(j < 0 for j in written) else 1  # e^{-x} = …, where only it stands
        substituted, note = _substituted(reader, n, d, i, target, s, sign)
        substituted = _put(substituted, s, v)
        if substituted != current:
            j = sign * target.k
            power = {1: f"{x}", -1: f"(-{x})"}.get(j, f"({j}{x})")  # e^x, e^(-x), e^(2x), as before
            steps.append(Proposal(f"substitute e^{power}", substituted, note))
            current = substituted
    value = cancel(current.xreplace({v: s}).doit())
    final = _put(_present(value, s), s, v)
    if final != current and size(final) < (CLEARLY_SHORTER if kept else 1) * size(current):
        steps.append(Proposal("simplify", final, f"simplify in terms of ${latex(target.expr)}$"))
    return steps  # (no simplify where the line is in the target's terms, and no longer than any rewriting)


def _common_power_out(n, d, t, place: int, k: int):
    """n/d with a power of t = e^x that every term above and below holds divided out, when that
    leaves powers of e^{kx} alone: −2 sinh/cosh³ is read as (4e^{5x} − 4e^{3x})/(e^{7x} + … + e^{x}),
    which is 4e^{4x} − 4e^{2x} over a polynomial in e^{2x}, as tanh needs."""
    residues = {m[place] % k for p in (n, d) for m in p.monoms()}
    if len(residues) != 1 or 0 in residues:
        return n, d
    shift = t ** residues.pop()  # (every power is at least it: each is r more than a multiple of k)
    return n.exquo(shift), d.exquo(shift)


def _exponents(expr: Expr, x: Symbol) -> list[int]:
    """The j of each e^{jx} written in expr."""
    return [j for node in preorder(expr) if isinstance(node, exp) and (j := _exp_power(node, x)) is not None]


def _substituted(reader: Reader, n, d, i: int, target: Target, s: Dummy, sign: int) -> tuple[Expr, str]:
    """n/d with w = e^{±kx} put in as P/Q (P, Q polynomials in the target s) and multiplied above and
    below by the power of Q that clears the fractions: each factor f(w) of degree m becomes
    Σ f_e P^e Q^{m−e}, a polynomial again. With the note that says so."""
    w = Dummy("w")
    value = cancel(_in_w(reader, n, i, target.k, w, sign) / _in_w(reader, d, i, target.k, w, sign))
    W = target.w_in_terms(s) if sign > 0 else 1 / target.w_in_terms(s)
    P, Q = _nice_parts(W, s)
    top_w, bottom_w = value.as_numer_denom()
    top_degree, bottom_degree = (Poly(p, w).degree() for p in (top_w, bottom_w))
    gap = bottom_degree - top_degree  # the Q^gap left over goes above (or below, when negative)
    top = _cleared(top_w, w, P, Q, _power(Q, max(gap, 0)), s)
    bottom = _cleared(bottom_w, w, P, Q, _power(Q, max(-gap, 0)), s)
    written = top if bottom == S.One else div(top, bottom)
    v = target.moebius
    shown = (lambda e: latex(_put(e, s, v)))
    note = f"substitute ${latex(exp(sign * target.k * reader.symbols[i]))} = {shown(div(P, Q) if Q != 1 else P)}$"
    m = max(top_degree, bottom_degree)
    if Q != 1 and m:
        note += f" and multiply above and below by ${shown(Q if m == 1 else Pow_(Q, m))}$"
    return written, note


def _in_w(reader: Reader, p, i: int, k: int, w: Dummy, sign: int) -> Expr:
    """A polynomial of the reader, with t_i^{jk} = e^{jkx} written w^{±j}, as a SymPy expression."""
    place = len(reader.s) + i
    total = S.Zero
    for monom, coeff in p.terms():
        term = S(reader.R.domain.to_sympy(coeff)) * w ** (sign * monom[place] // k)
        for g, e in zip(reader.symbols, monom[:len(reader.s)]):
            term *= g**e
        total += term
    return total


def _cleared(p: Expr, w: Dummy, P: Expr, Q: Expr, extra: list[Expr], s: Expr) -> Expr:
    """p(P/Q)·Q^{deg p} times the extra factors, factor by factor as p factors (its content too): the
    target s and its powers first, as _factored writes them."""
    content, factors = factor_list(p, w)
    number, parts = factor_list(content)  # s(2 − s) of s(2 − s)·w, as two factors
    written = list(extra)
    for f, m in parts + factors:
        if w in f.free_symbols:
            poly = Poly(f, w)
            terms = [_signed(mul(*_coefficient(c), *_power(P, e), *_power(Q, poly.degree() - e)))
                     for (e,), c in sorted(poly.terms(), key=lambda t: t[0])]
            f_written = add(*terms)
        else:
            if _leads_negative(Poly(f, s)):
                f, number = -f, number * (-1) ** m
            f_written = _poly_written(f, s)
        written.append(f_written if m == 1 else Pow_(f_written, m))
    negative = number.could_extract_minus_sign()
    product = mul(*_coefficient(-number if negative else number), *_merged(written, s))
    return neg(product) if negative else product


def _merged(factors: list[Expr], s: Expr) -> list[Expr]:
    """Equal bases as one power (s·s → s²), the target s first."""
    powers: dict[Expr, int] = {}
    for f in factors:
        base, e = (f.base, int(f.exp)) if f.is_Pow and f.exp.is_Integer else (f, 1)
        powers[base] = powers.get(base, 0) + e
    bases = sorted(powers, key=lambda b: b != s)
    return [b if powers[b] == 1 else Pow_(b, powers[b]) for b in bases]


def _power(base: Expr, e: int) -> list[Expr]:
    return [] if e == 0 or base == 1 else [base if e == 1 else Pow_(base, e)]


def derivative_in_own_terms(T: Expr, x: Symbol) -> Expr | None:
    """T'(x) written in T(x) alone (g' = g(1 − g) for g(x) = 1/(1 + e^{-x})): the derivative of T's
    body taken by the route above. None where T has no Möbius form or the result keeps x outside T."""
    try:
        target = target_of(T, x)
        if target.logarithmic:  # (e^{-g} is beyond the route: softplus-like g keep their definition)
            return None
        derivative = T.body_at(x).diff(x)
        steps = rewrite_in_terms_of(derivative, target, x)
    except (SteeringError, NotRational):
        return None
    result = steps[-1].expr if steps else derivative
    return None if x in result.xreplace({T: Dummy()}).free_symbols else result


def _applications(R: Expr, target: Target, kept: bool = False) -> list[Proposal] | None:
    """R already written in the target of other arguments (σ(wx + b) is σ): simplified with each
    application as one unknown, or None when R holds exponentials besides them. kept: as for
    _through_exponentials."""
    head = target.expr.func
    if not target.expr.is_Function or target.expr.args[0] in [n.args[0] for n in preorder(R) if n.func == head]:
        return None  # the target's own argument: the exponential route below handles it
    apps = list(dict.fromkeys(n for n in preorder(R) if n.func == head))
    if not apps:
        return None
    names = [Dummy(f"s{k}") for k in range(len(apps))]
    hidden = R.xreplace(dict(zip(apps, names)))
    if _has_exponentials(hidden):
        return None
    value = cancel(hidden.doit())
    forms = ([_present(value, names[0])] if len(apps) == 1 else []) + [factor_terms(value)]
    best = min(forms, key=lambda e: size(e) - FACTOR_WORTH * _factors_in(e, names[0]))
    final = plus_first(rebuild(best, dict(zip(names, apps)).get))  # (xreplace would reorder it: (1 − σ)·σ·w)
    if final == R or size(final) > (CLEARLY_SHORTER if kept else 1) * size(R):
        return []
    return [Proposal("simplify", final, f"simplify in terms of ${latex(apps[0])}$")]


def _factors_in(expr: Expr, s: Expr) -> int:
    """How many factors of the product hold s: 3 in s(1 − s)(1 − 2s), 2 in s(1 − 3s + 2s²)."""
    product = expr.args[1] if expr.is_Mul and expr.args[0] == -1 and len(expr.args) == 2 else expr
    return sum(1 for f in product.args if f.has(s)) if product.is_Mul else int(product.has(s))


def require_in_terms_of(result: Expr, target: Target, name: str) -> None:
    """The result is written in the target's terms: the target stands in it, of any argument (σ(wx + b)
    is σ). SteeringError otherwise, showing the form reached: never a claim the output does not keep."""
    head = target.expr.func
    if not result.is_number and not any(node.func == head for node in preorder(result)):  # (0 is in any terms)
        through = " (the function its derivative is)" if name == "softplus" else ""
        raise SteeringError(f"cannot write the derivative in terms of {name}: it came to {text(result)}, "
                            f"where {text(target.expr)}{through} does not occur")


def _has_exponentials(expr: Expr) -> bool:
    import sympy

    kinds = (exp, NamedFunction, sympy.sinh, sympy.cosh, sympy.tanh, sympy.coth, sympy.sech, sympy.csch)
    return any(isinstance(node, kinds) for node in preorder(expr))


def _only_exponentials_and(expr: Expr, target: Target, x: Symbol) -> bool:
    """Built of arithmetic, symbols, e^{jkx} and the target alone: no need to rewrite first."""
    for node in preorder(expr):
        if node == target.expr or (target.logarithmic and node == exp(target.expr)):
            continue
        if node.is_Atom or node.is_Add or node.is_Mul or node.is_Pow:
            continue
        if isinstance(node, exp) and _exp_power(node, x) is not None:
            continue
        return False
    return True


def _exp_power(node: Expr, x: Symbol) -> int | None:
    """j when node is e^{jx} for an integer j."""
    ratio = cancel(node.args[0] / x)
    return int(ratio) if ratio.is_Integer else None


def Pow_(base: Expr, n: int) -> Expr:
    from sympy import Pow

    return Pow(base, n, evaluate=False)


def _written_in_exponentials(reader: Reader, n, d, x: Symbol, i: int) -> Expr:
    """The fraction n/d with every t_i^j written e^{jx}, the polynomials in ascending powers."""
    def poly(p) -> Expr:
        terms = []
        for monom, coeff in sorted(p.terms(), key=lambda mc: mc[0]):
            factors = [S(reader.R.domain.to_sympy(coeff))]
            for g, e in zip(reader.symbols, monom[:len(reader.s)]):
                if e:
                    factors.append(g if e == 1 else Pow_(g, e))
            e = monom[len(reader.s) + i]
            if e:
                factors.append(exp(mul(S(e), x) if e != 1 else x, evaluate=False))
            terms.append(_signed(mul(*factors)))
        return add(*terms) if terms else S.Zero

    top, bottom = poly(n), poly(d)
    return top if bottom == S.One else div(top, bottom)


def _signed(term: Expr) -> Expr:
    """−3·x written as −(3x), so that sums print with minus signs."""
    if term.is_Mul and term.args[0].could_extract_minus_sign() and term.args[0] != -1:
        return neg(mul(-term.args[0], *term.args[1:]))
    return term


def _poly_written(p: Expr, s: Expr) -> Expr:
    """A polynomial in s, in ascending powers (1 − s, 1 + x − x s), starting with a positive term
    where there is one (s − 1, not −1 + s), as written."""
    terms, signs = [], []
    for (e,), coeff in sorted(Poly(p, s).terms(), key=lambda t: t[0]):
        power = S.One if e == 0 else (s if e == 1 else Pow_(s, e))
        terms.append(_signed(mul(*_coefficient(coeff), power)))
        signs.append(coeff.could_extract_minus_sign())
    if signs and signs[0] and not all(signs):
        first = signs.index(False)
        terms = terms[first:] + terms[:first]
    return add(*terms) if terms else S.Zero


def _coefficient(c: Expr) -> list[Expr]:
    return [c] if c != 1 else []


def _nice_parts(value: Expr, s: Expr) -> tuple[Expr, Expr]:
    """A Möbius value in s as written numerator and denominator with positive constant terms:
    s/(1 − s), (1 + s)/(1 − s)."""
    num, den = cancel(value).as_numer_denom()
    if _leads_negative(Poly(den, s)):
        num, den = -num, -den
    return _poly_written(num, s), _poly_written(den, s)


def _put(expr: Expr, old: Expr, new: Expr) -> Expr:
    """expr with old replaced by new, the rest as written (xreplace would evaluate it)."""
    return rebuild(expr, lambda node: new if node == old else None)


def _present(value: Expr, s: Expr) -> Expr:
    """The shortest of: factored, content times the expanded rest, expanded."""
    num, den = value.as_numer_denom()
    candidates = [_factored(num, s), _content_form(num, s), _poly_form(num, s)]
    best = min(candidates, key=lambda e: (size(e), candidates.index(e)))
    if den == 1:
        return best
    return div(best, min([_factored(den, s), _poly_form(den, s)], key=size))


def _leads_negative(poly: Poly) -> bool:
    """The constant term is negative, or, with none, the leading one is: 1 − s, not s − 1."""
    constant = poly.coeff_monomial(1)
    lead = constant if constant != 0 else poly.LC()
    return bool(lead.could_extract_minus_sign())


def _poly_form(p: Expr, s: Expr) -> Expr:
    try:
        return _poly_written(p.expand(), s)
    except Exception:  # not a polynomial in s (x in a denominator …): as SymPy writes it
        return p


def _factored(p: Expr, s: Expr) -> Expr:
    coeff, factors = factor_list(p, s)
    written = []
    # s itself first, then the other factors: σ(x)(1 − σ(x))(1 − 2σ(x))
    for f, m in sorted(factors, key=lambda fm: fm[0] != s):
        if _leads_negative(Poly(f, s)):
            f, coeff = -f, coeff * (-1) ** m
        w = _poly_written(f, s)
        written.append(w if m == 1 else Pow_(w, m))
    negative = coeff.could_extract_minus_sign()
    product = mul(*_coefficient(-coeff if negative else coeff), *written)
    return neg(product) if negative else product


def _content_form(p: Expr, s: Expr) -> Expr:
    """c·s^m·(rest, expanded): −2s(1 − s²)."""
    poly = Poly(p.expand(), s)
    m = min(e for (e,), _ in poly.terms())
    content = poly.LC() if poly.degree() == m else poly.content()
    if poly.coeff_monomial(s**m).could_extract_minus_sign():
        content = -content
    negative = content.could_extract_minus_sign()
    magnitude = -content if negative else content
    rest = cancel(p.expand() / (content * s**m))
    power = [] if m == 0 else [s if m == 1 else Pow_(s, m)]
    inner = _poly_written(rest, s)
    product = mul(*_coefficient(magnitude), *power, *([inner] if inner != 1 else []))
    return neg(product) if negative else product


__all__ = ["SteeringError", "Target", "derivative_in_own_terms", "rewrite_in_terms_of", "target_of", "written_in"]
