"""Unknown functions made concrete for the sample points: f(x), f'(x²), ∂L/∂y at y = wx + b, each
written out as a stand-in picked by the function's name and number of arguments (a sine, a cosine
and a quadratic with arbitrary rational coefficients), every derivative of one then worked out.

An identity that holds for every f holds for the stand-in, so where the sides differ at the sample
points the identity is no identity in f, and the verifier need not ask simplify to prove it (it failed
on each such link). That shows only that it fails for some f: the text's f may be one it holds for (a
loss described in words), so a difference decides nothing. Agreement proves nothing either: one
stand-in keeps its sign over the points (|f| = f held for some names), and an identity that fails for
most f can hold for it. The stand-in is smooth and real on the real line, equal arguments give equal
values however they are written (f(wx + b) and f(b + wx)), and its derivatives are its derivatives.
"""

from __future__ import annotations

import random

from sympy import Add, Derivative, Dummy, Expr, Integral, Limit, Product, Rational, Subs, Sum, cos, sin
from sympy.core.function import AppliedUndef

from derive.indexing import TermsAt

_UNSAMPLED = (Sum, Product, Integral, Limit)  # (no stand-in gives these a value to sample)
# unknown functions inside unknown functions, at most: each level writes its argument in four places,
# and the derivatives of f(f(f(f(f(f(x)))))) took 87 s to sample where f(f(x)) takes a twentieth
DEEPEST = 2


def generic(expr: Expr) -> Expr | None:
    """expr with each unknown function its stand-in and the derivatives of those worked out; None where
    something without a value would stay (a sum or product, an integral, a limit), or where
    unknown functions stand more than DEEPEST inside one another."""
    if expr.has(*_UNSAMPLED) or _depth(expr) > DEEPEST:
        return None
    made = expr.replace(lambda n: isinstance(n, Derivative) and not all(v.is_Symbol for v in n.variables),
                        _by_symbols)
    made = made.replace(lambda n: isinstance(n, AppliedUndef), lambda n: stand_in(type(n).__name__, n.args))
    # (bottom up: ∂L/∂p_k worked out before TermsAt puts the p's back)
    made = made.replace(lambda n: isinstance(n, (Derivative, Subs, TermsAt)), lambda n: n.doit())
    return None if made.has(AppliedUndef, Derivative, Subs, TermsAt) else made


def _depth(expr: Expr) -> int:
    """How deep unknown functions stand inside one another (f(g(x)): 2; f'(f'(x)) read as Subs: 2)."""
    inner = max((_depth(a) for a in expr.args), default=0)
    return inner + 1 if isinstance(expr, (AppliedUndef, Subs)) else inner


def _by_symbols(d: Derivative) -> Expr:
    """∂f(f(x))/∂f(x), as SymPy writes the chain rule, as f'(u) at u = f(x): a derivative by a value
    (an unknown function's, an indexed term's) taken by a symbol put in its place."""
    dummies = {v: Dummy() for v, _ in d.variable_count if not v.is_Symbol}
    inner = Derivative(d.expr.xreplace(dummies), *((dummies.get(v, v), k) for v, k in d.variable_count))
    return Subs(inner, tuple(dummies.values()), tuple(dummies))


def stand_in(name: str, args: tuple) -> Expr:
    """a·sin(Σ bₖtₖ + c) + d·cos(Σ eₖtₖ + e) + Σ gₖtₖ + h(Σ tₖ)² at the arguments t, its coefficients
    drawn with the name and the arity as seed (the same function on every run and every line); every
    mixed partial is nonzero."""
    rng = random.Random(f"{name}/{len(args)}")  # (a str seed is hashed with sha512: stable across runs)

    def number() -> Rational:
        return Rational(rng.choice((1, -1)) * rng.randint(3, 29), rng.randint(7, 19))

    def linear() -> Expr:
        return Add(*(number() * t for t in args))

    return (number() * sin(linear() + number()) + number() * cos(linear() + number()) + linear()
            + number() * Add(*args) ** 2)
