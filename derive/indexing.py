"""Indices in names: z_j is the symbol z with index j, w_{ij} has two; a term of a sum is z[k] (Indexed).
Readers, the checker and the instances that judge index claims (derive.instances) ask here."""

from __future__ import annotations

from sympy import Derivative, Expr, Function, Indexed, IndexedBase, Integer, Product, Sum, Symbol, expand

from derive.exprs import ALL_TERMS, preorder, rebuild


def split(name: str) -> tuple[str, str] | None:
    """'z_j' → ('z', 'j'), 'w_ij' → ('w', 'ij'): a name whose subscript is letters that can be indices."""
    base, _, sub = name.partition("_")
    if base and sub and sub.isascii() and sub.isalpha() and len(sub) <= 3:
        return base, sub
    return None


def member(name: str) -> tuple[str, str] | None:
    """(family, index) of z_j, z_1, w_ij: a name whose subscript is index letters or a number, one
    member of the family z (z_i, z_1 and the terms z[k] of a sum may be the same variable)."""
    base, _, sub = name.partition("_")
    if base and sub and sub.isascii() and (sub.isdigit() or split(name)):
        return base, sub
    return None


def variables_of(expr: Expr) -> list[Symbol]:
    """The symbols one may differentiate expr by: not a sum's index or bound, nor the letter of its
    terms (z of z[k]); the terms themselves are named by a member (z_j)."""
    skip: set = set()
    for node in preorder(expr):
        if isinstance(node, Indexed):
            skip |= {node.base.label, *node.indices}
        elif isinstance(node, (Sum, Product)):
            skip |= {v for v, _, _ in node.limits} | {s for _, lo, hi in node.limits for s in (lo, hi) if s.is_Symbol}
    return sorted((s for s in expr.free_symbols if isinstance(s, Symbol) and s not in skip), key=lambda s: s.name)


def partial(derivative: Derivative) -> bool:
    """∂, not d: a derivative by a member of a family (∂/∂z_j), or of an expression with more
    variables than the one it is taken by (∂/∂y of x²y)."""
    variables = [v for v, _ in derivative.variable_count]
    if len(variables) != 1:
        return True
    x = variables[0]
    return (isinstance(x, Symbol) and member(x.name) is not None) or bool(set(variables_of(derivative.expr)) - {x})


def relabel(expr: Expr, mapping: dict[str, str], bound: frozenset = frozenset()) -> Expr:
    """expr with its free index letters renamed (i → j): s_i's definition used for s_j. Letters a sum
    binds stay as they are."""
    if isinstance(expr, Symbol):
        parts = split(expr.name)
        if parts and any(c in mapping for c in parts[1]):
            return Symbol(f"{parts[0]}_{''.join(mapping.get(c, c) for c in parts[1])}", **expr.assumptions0)
        return expr
    if isinstance(expr, Indexed):
        return Indexed(expr.base, *(_letter(mapping[i.name], i) if isinstance(i, Symbol) and i not in bound
                                    and i.name in mapping else i for i in expr.indices))
    if isinstance(expr, (Sum, Product)):
        inner = bound | {v for v, _, _ in expr.limits}
        return expr.func(relabel(expr.function, mapping, inner), *expr.limits)
    if not expr.args:
        return expr
    return expr.func(*(relabel(arg, mapping, bound) for arg in expr.args))


def _letter(text: str, like: Symbol) -> Expr:
    return Integer(text) if text.isdigit() else Symbol(text, **like.assumptions0)


def terms_of(body: Expr, index: Symbol) -> Expr:
    """Inside \\sum_{i=1}^{n}, x_i is the i-th term x[i], not one symbol the sum would repeat n
    times (Σ x_i = n·x_i is the misreading this prevents); w_{ij} in a sum over j is w[i, j], its
    other letters indices left free."""
    def visit(node):
        if isinstance(node, Symbol) and "_" in node.name:
            base, sub = node.name.split("_", 1)
            # (δ_k2: class 2 against the summed k, a term of the sum too; A_{1k} stays a name, as the
            # text's A_{11} is one: an instance writes a term of two indices A_1,1)
            letters = sub.isalpha() or (base == _KRONECKER and len(sub) == 2 and sub.isalnum())
            if len(index.name) > 1:  # \sum_{\ell} e^{s_\ell}: the term s[ℓ], never s[e, l, l]
                return Indexed(IndexedBase(base, real=True), index) if sub == index.name else None
            if letters and sub.isascii() and index.name in sub and len(sub) <= 3:
                return Indexed(IndexedBase(base, real=True), *(Integer(c) if c.isdigit() else Symbol(c, real=True)
                                                               for c in sub))
        return None

    return rebuild(body, visit)


# subscripts that name, not count (p_x, the price of good x; σ_y), where no sum binds them
LABELS = frozenset("xyz")

# the letter a family's definition is stored with: no reader makes it, and no instance renames it
# (derive.instances takes only ASCII subscripts for indices)
PLACEHOLDER = "ι"


class TermsAt(Function):
    """∂L/∂p_k taken with the p's as variables, then every p_m put back as the text defined the family
    (p_m = e^{z_m}/Σ e^{z}): the chain rule through a family of intermediate variables, written
    Σ_k ∂L/∂p_k ∂p_k/∂z_j. args: the derivative, the family's letter (a Symbol), its definition at
    the index PLACEHOLDER."""

    nargs = 3

    def doit(self, **hints):
        inner, family, template = self.args
        inner = inner.doit(**hints)

        def visit(node):
            if isinstance(node, Indexed) and str(node.base.label) == family.name and len(node.indices) == 1:
                index = node.indices[0]  # a term of a sum: its z_k are that sum's terms too
                return terms_of(at_index(template, index), index) if index.is_Symbol else at_index(template, index)
            if isinstance(node, Symbol) and node.name.partition("_")[0] == family.name:
                sub = node.name.partition("_")[2]
                if len(sub) == 1 and (sub.isdigit() or (sub.isascii() and sub.isalpha())):
                    return at_index(template, Integer(sub) if sub.isdigit() else Symbol(sub, real=True))
            return None

        return numbered_terms(rebuild(inner, visit))  # (an instance's terms are symbols: x_2,1, not x[2, 1])


_PLACEHOLDER_INDEX = Symbol(PLACEHOLDER, real=True)


def at_placeholder(term: Indexed) -> bool:
    """Whether a term is indexed by PLACEHOLDER (x[k, ι] of a family's definition)."""
    return _PLACEHOLDER_INDEX in term.indices


def at_index(template: Expr, index: Expr) -> Expr:
    """template with the PLACEHOLDER index made index (a number, or a letter): z_ι → z_2 or z_k."""
    text = str(index)

    def visit(node):
        if isinstance(node, Symbol) and PLACEHOLDER in node.name.partition("_")[2]:
            base, _, sub = node.name.partition("_")
            return Symbol(f"{base}_{sub.replace(PLACEHOLDER, text)}", **node.assumptions0)
        if isinstance(node, Indexed) and at_placeholder(node):
            return Indexed(node.base, *(index if i == _PLACEHOLDER_INDEX else i for i in node.indices))
        return None

    return rebuild(template, visit)


def at_letter(expr: Expr, old: str, new: str) -> Expr:
    """expr with the index letter old made new: the letter itself (x[i, j] → x[i, k]) and the subscripts
    that hold it (x_ij → x_ik): a family's member at another index (U_k of U_j(β) = Σ_i … x_ij)."""
    def visit(node):
        if isinstance(node, Symbol):
            if node.name == old:
                return Symbol(new, **node.assumptions0)
            found = member(node.name)
            if found is not None and old in found[1] and not found[1].isdigit():
                return Symbol(f"{found[0]}_{found[1].replace(old, new)}", **node.assumptions0)
        return None

    return rebuild(expr, visit)


_KRONECKER = "delta"


def name_of(base: str, values: tuple[int, ...]) -> str:
    """The name of a written-out term: z_2, w_1,2."""
    return f"{base}_{values[0]}" if len(values) == 1 else f"{base}_{','.join(map(str, values))}"


def term(base: str, values: tuple[int, ...]) -> Expr:
    """The term of base at number indices, as an instance writes it (δ_12 is 0, δ_11 is 1)."""
    if base == _KRONECKER and len(values) == 2:
        return Integer(values[0] == values[1])
    return Symbol(name_of(base, values), real=True)  # real, as the readers make every symbol


def numbered_terms(expr: Expr) -> Expr:
    """Terms x[2, 1] with number indices as the symbols an instance writes them as (x_2,1)."""
    return rebuild(expr, lambda node: term(str(node.base.label), tuple(int(i) for i in node.indices))
                   if isinstance(node, Indexed) and all(i.is_Integer for i in node.indices) else None)


def counted(expr: Expr, counts: dict[str, Symbol]) -> Expr:
    """Σ_j X_j without bounds as Σ_{j=1}^{n} X_j where the text counts its terms ("X_1, …, X_n"): the
    bound the text's n stands for (X̄ = (1/n)Σ_j X_j is a mean only then). Only a sum whose terms all
    have one count."""
    if not counts:
        return expr

    def visit(node):
        if not isinstance(node, Sum) or len(node.limits) != 1:
            return None
        index, low, high = node.limits[0]
        letters = {str(t.base.label) for t in node.function.atoms(Indexed) if index in t.indices}
        bounds = {counts.get(letter) for letter in letters}
        if high != ALL_TERMS or low != 1 or len(bounds) != 1 or None in bounds:
            return Sum(counted(node.function, counts), *node.limits)
        return Sum(counted(node.function, counts), (index, low, bounds.pop()))

    return rebuild(expr, visit)


def series(written: list[Expr], last: Expr, kind: type) -> Expr | None:
    """x_1 + x_2 + ⋯ + x_n as Σ_{k=1}^{n} x_k (kind Sum), α_1α_2⋯α_t as Π_{k=1}^{t} α_k (Product): the
    general term read off the last one written, and every term before the dots checked to be it at
    1, 2, …; None where they are not consecutive terms of one pattern (the dots then stay unread)."""
    bounds = {parts[1] for s in last.free_symbols if (parts := member(s.name)) is not None}
    if len(written) < 2:
        return None
    if not bounds:  # 1 + r + ⋯ + r^{n−1}, 1 + 2 + ⋯ + n, α(α − 1)⋯(α − k + 1): a count in the last term
        return _counted(written, last, kind)
    if len(bounds) != 1:
        return None
    bound = bounds.pop()
    taken = {s.name for e in (*written, last) for s in e.free_symbols}
    k = Symbol(next(c for c in "kjimlqr" if c not in taken and c != bound), real=True)
    general = last.xreplace({s: Indexed(IndexedBase(member(s.name)[0], real=True), k)
                             for s in last.free_symbols if (parts := member(s.name)) and parts[1] == bound})
    if any(numbered_terms(general.xreplace({k: Integer(m)})) != term for m, term in enumerate(written, 1)):
        return None
    top = Integer(bound) if bound.isdigit() else Symbol(bound, real=True)
    return kind(general, (k, 1, top))


def _counted(written: list[Expr], last: Expr, kind: type) -> Expr | None:
    """The terms around the dots as the terms k = a, a + 1, …, n of one formula, where the last term
    holds the count n as a letter: 1 + r + ⋯ + r^{n−1} is Σ_{k=1}^{n} r^{k−1}, α(α − 1)⋯(α − k + 1) is
    Π_{j=1}^{k} (α − j + 1). Each letter of the last term is tried as the count and each start 0, 1 as
    the first index; every term before the dots must be the formula at its index, and exactly one
    reading may fit (None otherwise: the dots stay unread)."""
    taken = {s.name for e in (*written, last) for s in e.free_symbols}
    k = Symbol(next(c for c in "kjimlqr" if c not in taken), integer=True)
    readings = []
    for count in sorted(last.free_symbols, key=str):
        if not (isinstance(count, Symbol) and len(count.name) == 1):
            continue
        general = last.xreplace({count: k})
        for start in (0, 1):
            if all(expand(general.xreplace({k: Integer(start + m)}) - term) == 0 for m, term in enumerate(written)):
                readings.append(kind(general, (k, start, count)))
    return readings[0] if len(readings) == 1 else None
