"""The backward pass of a layer, as notes write it: a loss L that is never written out, and links
between its derivatives, ∂L/∂q_m = Σ_j ∂L/∂s_j ∂s_j/∂q_m with s_j = q·k_j/√d. The link claims the
chain rule through the family (here s) that the others feed: taking L to depend on everything only
through it, each ∂L/∂s_m is an unknown number (the upstream gradient), and every other ∂L/∂v is
Σ_m ∂L/∂s_m · ∂s_m/∂v with s written out. Used only where both sides of a link speak of L's
derivatives: "∂L/∂o_r = o_r − y_r" says what L is, in words this reading does not have."""

from __future__ import annotations

from sympy import Derivative, Expr, Indexed, Subs, Symbol

from derive.checker.definitions import Definitions
from derive.checker.written import Writer, base_of, written_out
from derive.exprs import preorder
from derive.indexing import counted, split
from derive.parse import names


def upstream_of(a: Expr, b: Expr, known: Definitions) -> tuple[Symbol, str, list[str]] | None:
    """(L, o, the other families) where both sides hold a derivative of a loss L nobody defined, and one
    family o of those it is taken by is fed by all the others (o_r = Σ_j α_j V_jr feeds on α)."""
    if any(isinstance(node, Subs) for e in (a, b) for node in preorder(e)):
        return None  # ∂L/∂w|_{w=0}: a derivative at a point, which an unknown number for ∂L/∂w cannot be
    writer = Writer.of(known)
    sides = [_derivatives_of_losses(e, writer, known) for e in (a, b)]
    # (b of ∂b/∂w beside σ(wx + b) is a variable the text uses, not a loss it leaves unwritten)
    losses = {loss for loss in set(sides[0]) & set(sides[1]) if not any(_bare(e, loss) for e in (a, b))}
    if len(losses) != 1:
        return None
    loss = losses.pop()
    families = sorted(sides[0][loss] | sides[1][loss])
    fed = [o for o in families if all(other == o or other in _inputs(o, writer) for other in families)]
    if len(fed) != 1 or (len(families) > 1 and _definition(fed[0], writer) is None):
        return None
    return loss, fed[0], [f for f in families if f != fed[0]]


def _bare(expr: Expr, symbol: Symbol) -> bool:
    """symbol stands in expr outside every derivative of it."""
    if expr == symbol:
        return True
    if isinstance(expr, Derivative) and expr.expr == symbol:
        return False
    return any(_bare(arg, symbol) for arg in expr.args)


def through(read: Expr, loss: Symbol, o: str, variable: str, known: Definitions, at, declared: bool) -> Expr:
    """read with definitions written out, and L's derivatives taken through o."""
    return counted(written_out(read, variable, known, at, declared, upstream={loss: o}), known.counts)


def _derivatives_of_losses(expr: Expr, writer: Writer, known: Definitions) -> dict[Symbol, set[str]]:
    """L → the families of the variables it is differentiated by in expr, as written or through a name
    the text gave such a derivative (g_r = ∂L/∂o_r)."""
    found: dict[Symbol, set[str]] = {}
    derivatives = list(expr.atoms(Derivative))
    for s in expr.free_symbols | expr.atoms(Indexed):  # g_r, or the term g[r] of a sum over r
        value = writer.value_of(s) if isinstance(s, Symbol) else writer.term_value(s)
        if isinstance(value, Derivative):
            derivatives.append(value)
    for d in derivatives:
        if d.expr.is_Symbol and d.expr not in known.symbols and len(d.variable_count) == 1 \
                and d.variable_count[0][1] == 1 and isinstance(d.variables[0], (Symbol, Indexed)):
            found.setdefault(d.expr, set()).add(base_of(d.variables[0]))
    return found


def _definition(family: str, writer: Writer) -> Expr | None:
    """o_r's definition (any index letter), or o's for a quantity without index."""
    for defined in writer.symbols:
        parts = split(defined.name)
        if parts and parts[0] == family and len(parts[1]) == 1:
            return writer.symbols[defined]
    return writer.symbols.get(names.make(family))


def _inputs(family: str, writer: Writer, seen: frozenset = frozenset()) -> set[str]:
    """The families a family is made of, directly or through their own definitions (o of α, and of s)."""
    definition = _definition(family, writer)
    if definition is None or family in seen:
        return set()
    direct = {base_of(s) for s in definition.free_symbols if isinstance(s, Symbol)} | {
        str(t.base.label) for t in definition.atoms(Indexed)}
    return direct.union(*(_inputs(d, writer, seen | {family}) for d in direct))
