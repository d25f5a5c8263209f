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
"""

from __future__ import annotations

from dataclasses import dataclass

from sympy import Dummy, Expr, Poly, S, Symbol, cancel, exp, factor_list, factor_terms, log

from derive.record import Proposal
from derive.errors import DeriveError
from derive.exprs import add, div, mul, neg, preorder, rebuild, size
from derive.functions import NamedFunction
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


def rewrite_in_terms_of(R: Expr, target: Target, x: Symbol) -> list[Proposal]:
    """The steps that take R to an expression in x and the target alone (none when R has no e^x)."""
    applied = _applications(R, target)
    if applied is not None:
        return applied
    reader = Reader(R.free_symbols | {x})
    try:
        n, d = reader.read(R)
    except NotRational:
        if not _has_exponentials(R):
            return []
        raise SteeringError(f"the derivative {text(R)} cannot be written in terms of {text(target.expr)} "
                            "alone") from None
    i = reader.symbols.index(x)
    steps: list[Proposal] = []
    others = [j for j in range(len(reader.t)) if j != i]
    powers = {m[len(reader.s) + i] for p in (n, d) for m in p.monoms()}
    if any(m[len(reader.s) + j] for p in (n, d) for m in p.monoms() for j in others):
        raise SteeringError(f"{text(R)} holds exponentials of other variables than {x}")
    if any(p % target.k for p in powers):
        raise SteeringError(f"{text(R)} holds e^({min(p for p in powers if p % target.k)}{x}), which "
                            f"{text(target.expr)} cannot express")
    current = R
    if not _only_exponentials_and(R, target, x):
        current = _written_in_exponentials(reader, n, d, x, i)
        steps.append(Proposal("write in exponentials", current, "write everything in powers of $e^{x}$"))
    w = Dummy("w")
    W = _nice_fraction(target.w_in_terms(w), w, target)
    W_inverse = _nice_fraction(1 / target.w_in_terms(w), w, target)
    substituted = rebuild(current, lambda node: _replace_exp(node, x, target.k, W, W_inverse))
    if substituted != current:
        steps.append(Proposal(f"substitute e^({target.k}{x})" if target.k != 1 else f"substitute e^{x}",
                              substituted,
                           f"substitute ${latex(exp(target.k * x))} = {latex(W)}$"))
        current = substituted
    s = Dummy("s")
    v = exp(target.expr, evaluate=False) if target.logarithmic else target.expr
    value = cancel(rebuild(current, lambda node: s if node == v else None).doit())
    final = rebuild(_present(value, s), lambda node: v if node == s else None)
    if len(steps) == 0 and size(current) <= size(final):
        return []  # already in the target's terms, and no longer than any rewriting of it
    if final != current:
        steps.append(Proposal("simplify", final, f"simplify in terms of ${latex(target.expr)}$"))
    return steps


def _applications(R: Expr, target: Target) -> list[Proposal] | None:
    """R already written in the target of other arguments (σ(wx + b) is σ): simplified with each
    application as one unknown, or None when R holds exponentials besides them."""
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
    forms = [factor_terms(value)] + ([_present(value, names[0])] if len(apps) == 1 else [])
    best = min(forms, key=size)
    final = best.xreplace(dict(zip(names, apps)))
    if final == R or size(final) > size(R):
        return []
    return [Proposal("simplify", final, f"simplify in terms of ${latex(apps[0])}$")]


def require_in_terms_of(result: Expr, target: Target, name: str) -> None:
    """The result is written in the target's terms: the target stands in it, of any argument (σ(wx + b)
    is σ). SteeringError otherwise, showing the form reached: never a claim the output does not keep."""
    head = target.expr.func
    if not any(node.func == head for node in preorder(result)):
        raise SteeringError(f"cannot write the derivative in terms of {name}: it came to {text(result)}, "
                            f"where {text(target.expr)} does not occur")


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


def _replace_exp(node: Expr, x: Symbol, k: int, W: Expr, W_inverse: Expr) -> Expr | None:
    """e^{jx} → W^{j/k}, with e^{-x} written as the reciprocal fraction, not 1/W."""
    if isinstance(node, exp):
        j = _exp_power(node, x)
        if j is not None and j % k == 0:
            base, n = (W, j // k) if j > 0 else (W_inverse, -j // k)
            return base if n == 1 else Pow_(base, n)
    return None


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


def _nice_fraction(value: Expr, s: Expr, target: Target) -> Expr:
    """A Möbius value in s written with positive constant terms: s/(1 − s), (1 + s)/(1 − s)."""
    num, den = cancel(value).as_numer_denom()
    if _leads_negative(Poly(den, s)):
        num, den = -num, -den
    v = exp(target.expr, evaluate=False) if target.logarithmic else target.expr
    top = rebuild(_poly_written(num, s), lambda node: v if node == s else None)
    bottom = rebuild(_poly_written(den, s), lambda node: v if node == s else None)
    return top if bottom == S.One else div(top, bottom)


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


__all__ = ["SteeringError", "Target", "rewrite_in_terms_of", "target_of"]
