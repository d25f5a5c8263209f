"""Recognise the target function in the input, however the input writes it (issue 16).

Papers define tanh as (e^x − e^{−x})/(e^x + e^{−x}), (e^{2x} − 1)/(e^{2x} + 1), 1 − 2/(e^{2x} + 1),
2σ(2x) − 1 or sinh/cosh; σ(wx + b) as 1/(1 + e^{−(wx + b)}) or (1 + tanh(x/2))/2; softplus as
ln(e^x + 1) or −log σ(−x); and log σ(x) is −softplus(−x). Steering to such a target first writes the
target in, as a step of its own ("recognise tanh(x) in …"), so that the engine differentiates the
function by its known derivative (tanh' = sech² = 1 − tanh², σ' = σ(1 − σ), softplus' = σ) at any order.

How a part E of the input is recognised: E holds no application of the target yet (1 − σ(u) is
written in σ already), and holds exponential-like functions of some argument a; the target's argument
u is sought among a, −a, a/2, −a/2, 2a, −2a, and E = ±T(u) is tested at a few points. A test is only a
search: the step is a proposal the engine proves like any other, and one it cannot prove is dropped.
"""

from __future__ import annotations

import random

import sympy
from sympy import Add, Derivative, Expr, Float, Mul, S, Symbol, exp

from derive.exprs import add, flattened, mul, neg, preorder, rebuild, size
from derive.functions import NamedFunction
from derive.record import Proposal
from derive.render.printer import latex, text

# functions whose argument may be (a multiple of) the target's
HOLDERS = (exp, sympy.sinh, sympy.cosh, sympy.tanh, sympy.coth, sympy.sech, sympy.csch, NamedFunction)
SCALES = (S.One, S.NegativeOne, S.Half, -S.Half, S(2), S(-2))  # tanh(x) in e^{2x}, σ(x) in tanh(x/2)
POINTS = 3  # random points an equality is tested at before the engine is asked to prove it
LARGEST = 60  # nodes: a definition spelled out is short, and testing every part of a long input is not
DIGITS = 30


def recognise(expr: Expr, head: type, x: Symbol) -> Proposal | None:
    """The step that writes head(u) wherever expr spells it out, or None where nothing is found."""
    found: list[tuple[Expr, Expr]] = []  # (as written, as recognised)

    def visit(node):
        if isinstance(node, Derivative) or not isinstance(node, Expr):
            return None  # (the body of a pending derivative is visited, the derivative is not)
        new = _as_target(node, head, x)
        if new is not None:
            found.append(new[1:])
        return None if new is None else new[0]

    new = rebuild(expr, visit)
    if not found:
        return None
    name = ", ".join(dict.fromkeys(text(t) for _, t in found))
    note = "; ".join(f"recognise ${latex(t)}$ in ${latex(e)}$" for e, t in found)
    return Proposal(f"recognise {name}", new, note)


def by_identity(expr: Expr, head: type) -> Proposal | None:
    """The identity an author writes the target by, put in where it leaves the target alone:
    sech²(x) and 1/cosh²(x) as 1 − tanh²(x), whose derivative is then −2tanh(x)(1 − tanh²(x))."""
    from derive.steer import IDENTITIES

    for identity in IDENTITIES.get(head, ()):
        new = rebuild(expr, identity.rewrite)
        if new != expr and not any(isinstance(n, (sympy.sinh, sympy.cosh, sympy.sech)) for n in preorder(new)):
            return Proposal(identity.name, new, identity.note)
    return None


def _as_target(node: Expr, head: type, x: Symbol) -> tuple[Expr, Expr, Expr] | None:
    """(node rewritten, the part recognised, its target form), where node or a part of its sum or
    product is ±head(u): x·(e^{2x} − 1)/(e^{2x} + 1) is x·tanh(x), x + 1 − 2/(e^{2x} + 1) is x + tanh(x)."""
    if node.is_Atom or x not in node.free_symbols or any(n.func == head for n in preorder(node)):
        return None
    if size(node) > LARGEST:
        return None  # (its parts are still visited)
    arguments = _arguments(node, x)
    if not arguments:
        return None
    for part, rest in _parts(node):
        target = _equal_target(part, head, arguments)
        if target is not None:
            return (target if not rest else rest(target)), part, target
    return None


def _parts(node: Expr):
    """node itself, then the sub-sums or sub-products of it that hold every function it holds:
    (part, how to put the target back in place of the part)."""
    yield node, None
    if not isinstance(node, (Add, Mul)):
        return
    args = flattened(node)
    held = [a for a in args if _holds_function(a)]
    numbers = [a for a in args if a.is_Number]
    choices = [held + numbers, held] if isinstance(node, Add) else [held]
    for chosen in choices:
        kept = [a for a in args if a in chosen]
        if len(kept) < 2 or len(kept) == len(args):
            continue
        build = add if isinstance(node, Add) else mul
        others = [a for a in args if a not in kept]
        first = args.index(kept[0])
        yield build(*kept), (lambda t, o=others, f=first, b=build: b(*o[:f], t, *o[f:]))


def _holds_function(expr: Expr) -> bool:
    return any(isinstance(n, (*HOLDERS, sympy.log)) for n in preorder(expr))


def _arguments(node: Expr, x: Symbol) -> list[Expr]:
    """The candidate arguments u of the target: multiples of each argument node's functions take."""
    out = []
    for n in preorder(node):
        if isinstance(n, HOLDERS) and x in n.args[0].free_symbols:
            out.extend(_scaled(n.args[0], r) for r in SCALES)
    return list(dict.fromkeys(out))


def _scaled(a: Expr, r: Expr) -> Expr:
    """r·a, written simply: wx + b for −1 times −(wx + b), x for 2 times x/2."""
    if r == 1:
        return a
    if r == -1 and isinstance(a, Mul) and a.args[0] == -1:
        return mul(*a.args[1:])
    return r * a


def _equal_target(part: Expr, head: type, arguments: list[Expr]) -> Expr | None:
    """head(u) or −head(u) for the first u where part agrees with it at every test point."""
    symbols = sorted(part.free_symbols | {s for u in arguments for s in u.free_symbols}, key=str)
    rng = random.Random(16)
    points = [{s: Float(rng.uniform(0.2, 1.4), DIGITS) for s in symbols} for _ in range(POINTS)]
    values = _values(part, points)
    if values is None:
        return None
    for u in arguments:
        candidate = head(u)
        theirs = _values(candidate, points)
        if theirs is None:
            continue
        for sign in (1, -1):
            if all(abs(v - sign * t) <= 1e-12 * (1 + abs(v)) for v, t in zip(values, theirs)):
                return candidate if sign == 1 else neg(candidate)
    return None


def _values(expr: Expr, points: list[dict]) -> list[complex] | None:
    """expr at each point, with every named function written out; None where it is not finite there."""
    written = rebuild(expr, lambda n: n.body_at(n.args[0]) if isinstance(n, NamedFunction) else None)
    out = []
    for point in points:
        try:
            value = complex(written.evalf(DIGITS, subs=point))
        except (TypeError, ValueError):
            return None
        if value != value or abs(value) == float("inf"):
            return None
        out.append(value)
    return out


__all__ = ["by_identity", "recognise"]
