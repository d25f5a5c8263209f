"""Sums and indices judged by instances, where SymPy cannot prove a claim about every n or every index.

Σ_{i=1}^{n} (x_i − μ) = Σ x_i − nμ is checked for n = 1, 2, 3, 4, each term a fresh symbol (x_1 … x_4);
∂s_i/∂z_j = s_i(δ_ij − s_j), with s_i = e^{z_i}/Σ_k e^{z_k}, is checked for K = 1 … 4 classes and for the
indices in every relation they can have (i = j, i ≠ j): z_i and z_j are one variable when i = j, which no
reading of them as two symbols can know. Valid only when every instance holds; the certificate says so
("instances (all = 1…4; i, j in every relation)"): a claim about every size checked on the first four,
weaker than a proof, stronger than nothing, and never a false alarm where an instance fails (that is a
real counterexample, which the method names).

Names carry the indices: the reader makes z_j one symbol (names.py), and a term of a sum z[k] (Indexed);
an instance writes both as the symbol of the value (z_2), the one a document's own z_2 is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from itertools import permutations, product

from sympy import (Add, Derivative, Dummy, Expr, Indexed, Integer, Mul, Product, Sum, Symbol, expand, linear_eq_to_matrix,
                   solve)
from sympy.core.function import AppliedUndef

from derive.exprs import ALL_TERMS, preorder
from derive.indexing import LABELS, PLACEHOLDER, at_placeholder, member, split
from derive.indexing import term as _term
from derive.probability import OPERATORS

SIZES = (1, 2, 3, 4)
MOST_TERMS = 16  # a sum longer than this in an instance is not written out
_KRONECKER = "delta"


class _Unwritable(ValueError):
    """An instance derive cannot write out (a sum with a bound it cannot make a number): a ValueError,
    which every caller of instance catches (an escaped one ended a whole check as an internal error)."""


def bounds_of(a: Expr, b: Expr) -> list[Symbol]:
    """The symbols that bound a sum or a product in a or b (n in Σ_{i=1}^{n}, and ALL_TERMS)."""
    found: set[Symbol] = set()
    for node in [*preorder(a), *preorder(b)]:
        if isinstance(node, (Sum, Product)):
            for _, low, high in node.limits:
                found |= low.free_symbols | high.free_symbols
    return sorted(found, key=str)




def free_indices(a: Expr, b: Expr) -> list[str]:
    """The index letters a link leaves free: the j of z_j beside a z_k summed over, of δ_ij, of z_i and
    z_j both. A subscript is an index only where something shows it is one: x_t alone is a name."""
    subs: dict[str, set[str]] = {}
    summed: set[str] = set()
    terms = False
    for node in [*preorder(a), *preorder(b)]:
        if isinstance(node, Symbol) and (parts := _index_parts(node.name) or member(node.name)):
            subs.setdefault(parts[0], set()).add(parts[1])  # (z_1 beside z_i: one variable where i = 1)
        elif isinstance(node, Indexed):
            terms = True
            subs.setdefault(str(node.base.label), set()).add("".join(map(str, node.indices)))
        elif isinstance(node, (Sum, Product)):
            summed |= {v.name for v, _, _ in node.limits}
    letters: set[str] = set(summed)
    for base, written in subs.items():
        if base == _KRONECKER or len(written) > 1:
            # (μ_X, μ_Y: names; and p_x, p_y the prices of goods x and y, σ_x and σ_y: a subscript x, y
            # or z labels what it belongs to, unless a sum runs over it)
            letters |= {c for s in written for c in s if c.isalpha() and c.islower() and c not in LABELS}
    if not letters and not terms:  # no index anywhere (every compare of calculus asks): one walk, not three
        return []
    free: set[str] = set()
    for node in [*preorder(a), *preorder(b)]:
        if isinstance(node, Symbol) and (parts := _index_parts(node.name)) and set(
                c for c in parts[1] if c.isalpha()) <= letters:
            free |= {c for c in parts[1] if c.isalpha()}  # (and the c of δ_1c: class 1 against the true one)
    free |= {s.name for e in (a, b) for s in _free_in_terms(e)}
    return sorted(free - {PLACEHOLDER})  # (a family's definition is at its own index: see TermsAt)


def _free_in_terms(expr: Expr, bound: frozenset = frozenset()) -> set[Symbol]:
    """The letters of terms w[i, k] that no enclosing sum binds (the i)."""
    if isinstance(expr, (Sum, Product)):
        inner = bound | {v for v, _, _ in expr.limits}
        return _free_in_terms(expr.function, inner)
    if isinstance(expr, Indexed):
        return {i for i in expr.indices if isinstance(i, Symbol) and i not in bound}
    found: set[Symbol] = set()
    for arg in expr.args:
        found |= _free_in_terms(arg, bound)
    return found


def _patterns(letters: list[str], lowest: int, written: frozenset[int] = frozenset()) -> Iterator[dict[str, int]]:
    """One assignment per relation the letters can have (i = j, i ≠ j): values lowest, lowest + 1, …
    given in order of first use. Every other assignment is one of these with its values permuted,
    which a claim about all indices cannot tell apart, unless an index is written as a number beside a
    letter (δ_1c, written: {1}): then every letter's value is each such number, or another."""
    def partitions(rest: list[str], blocks: list[list[str]]):
        if not rest:
            yield blocks
            return
        head, tail = rest[0], rest[1:]
        for k in range(len(blocks)):
            yield from partitions(tail, blocks[:k] + [blocks[k] + [head]] + blocks[k + 1:])
        yield from partitions(tail, blocks + [[head]])

    for blocks in partitions(letters, []):
        if not written:
            yield {letter: lowest + k for k, block in enumerate(blocks) for letter in block}
            continue
        # δ_1c: the written classes break the symmetry, so each block takes each of them, or one beyond
        beyond = range(max(written) + 1, max(written) + 1 + len(blocks))
        for chosen in permutations(sorted(written) + list(beyond), len(blocks)):
            yield {letter: value for value, block in zip(chosen, blocks) for letter in block}


def _lowest(a: Expr, b: Expr) -> int:
    """Where the indices start: 0 when a sum runs from 0, else 1."""
    for node in [*preorder(a), *preorder(b)]:
        if isinstance(node, (Sum, Product)) and node.limits[0][1].is_Integer:
            return int(node.limits[0][1])
    return 1


def _index_parts(name: str) -> tuple[str, str] | None:
    """(letter, indices) of z_j and w_ij, and of δ_1c (see _numbered_delta); None for another name."""
    return split(name) or _numbered_delta(name)


def _names_a_term(name: str, bound: frozenset) -> bool:
    """A moment's name holds an index a sum binds, as a name of its own or a letter of a subscript:
    E[X[i]], E[(X[i - 1])^2], E[X_i], E[X_ij] (not the i of sin)."""
    if not name.startswith("E["):
        return False
    for v in map(re.escape, map(str, bound)):
        if re.search(rf"(?<![A-Za-z0-9]){v}(?![A-Za-z0-9])", name[1:]) or (
                len(v) == 1 and re.search(rf"_[A-Za-z0-9]*{v}", name)):
            return True
    return False


def _numbered_delta(name: str) -> tuple[str, str] | None:
    """('delta', '1c') of δ_1c: a Kronecker delta between a written index and a letter (y_1 of a one-hot
    y_k = δ_kc); None for any other name."""
    m = re.fullmatch(rf"({_KRONECKER})_([0-9][a-z]|[a-z][0-9])", name)
    return (m.group(1), m.group(2)) if m else None


def instance(expr: Expr, sizes: dict[Symbol, int], values: dict[str, int]) -> Expr:
    """expr with its sums' bounds made sizes, its free index letters made values, its sums written out
    and each term a symbol of its own (z_2; δ_12 is 0)."""
    return _instance(expr, tuple(sizes.items()), tuple(values.items()))


@lru_cache(maxsize=1024)
def _instance(expr: Expr, sizes: tuple, values: tuple) -> Expr:
    """instance, remembered: each line is the end of one link and the start of the next, and the "did
    you mean" search compares its candidates with the same lines (a third of the instances written)."""
    return _written_out(_renamed(expr, dict(sizes), dict(values), frozenset()))


def forget_instances() -> None:
    """Forget the instances written so far (a benchmark's cold start)."""
    _instance.cache_clear()


def _renamed(expr: Expr, sizes: dict[Symbol, int], values: dict[str, int], bound: frozenset) -> Expr:
    if isinstance(expr, Symbol):
        if expr in sizes:
            return Integer(sizes[expr])
        parts = _index_parts(expr.name)
        if parts and all(c in values or c.isdigit() for c in parts[1]) and any(c in values for c in parts[1]):
            return _term(parts[0], tuple(values[c] if c in values else int(c) for c in parts[1]))  # δ_1c at c = 1
        if bound and _names_a_term(expr.name, bound):
            # E[X[i]] inside Σ_i, a moment already made one number: left as it is, every instance would
            # compare the same unknown with the terms written out (a false alarm at n = 1)
            raise _Unwritable("a moment of a term of a sum, which derive does not write out term by term")
        return expr
    if isinstance(expr, Indexed):
        indices = tuple(Integer(values[i.name]) if isinstance(i, Symbol) and i not in bound and i.name in values
                        else i for i in expr.indices)
        return _indexed(expr.base, *indices)
    if isinstance(expr, (Sum, Product)):
        limits = [(v, _renamed(lo, sizes, values, bound), _renamed(hi, sizes, values, bound))
                  for v, lo, hi in expr.limits]
        inner = bound | {v for v, _, _ in expr.limits}
        return expr.func(_renamed(expr.function, sizes, values, inner), *limits)
    if isinstance(expr, Derivative):
        inner = _renamed(expr.expr, sizes, values, bound)
        variables = [(_renamed(v, sizes, values, bound), n) for v, n in expr.variable_count]
        if not all(isinstance(v, Symbol) or (isinstance(v, Indexed) and set(v.indices) <= bound)
                   for v, _ in variables):  # (∂/∂x_j inside Σ_j: a variable once the sum is written out)
            raise _Unwritable("a derivative by an index derive could not make a variable")
        return Derivative(inner, *variables)
    if not expr.args:
        return expr
    return expr.func(*(_renamed(arg, sizes, values, bound) for arg in expr.args))


def _written_out(expr: Expr) -> Expr:
    """Sums and products with number bounds as their terms; terms x[2] as symbols x_2."""
    if isinstance(expr, (Sum, Product)):
        return _expanded(expr.function, list(expr.limits), Add if isinstance(expr, Sum) else Mul)
    if isinstance(expr, Indexed) and at_placeholder(expr):
        return expr  # a family's definition, made a number when TermsAt puts it in
    if isinstance(expr, Indexed):
        if not all(i.is_Integer for i in expr.indices):
            raise _Unwritable("a term whose index derive could not make a number")
        return _term(str(expr.base.label), tuple(int(i) for i in expr.indices))
    if not expr.args:
        return expr
    return expr.func(*(_written_out(arg) for arg in expr.args))


def _expanded(body: Expr, limits: list[tuple], join) -> Expr:
    """The terms of a sum (join = Add) or product (Mul) over limits, the outermost (last) first, so that
    an inner bound may depend on an outer index (Σ_{i=1}^{n} Σ_{j=1}^{i})."""
    if not limits:
        return _written_out(body)
    v, lo, hi = limits[-1]
    if not (lo.is_Integer and hi.is_Integer):
        raise _Unwritable("a sum derive could not write out term by term")
    if hi - lo + 1 > MOST_TERMS:
        raise _Unwritable(f"a sum of more than {MOST_TERMS} terms")
    rebound = any(w == v for w, _, _ in limits[:-1])  # Σ_{i=1}^{n} Σ_{i=1}^{m} x_i: the inner i is its own
    terms = []
    for k in range(int(lo), int(hi) + 1):
        terms.append(_expanded(body if rebound else _put(body, v, Integer(k)),
                               [(w, _put(a, v, Integer(k)), _put(b, v, Integer(k))) for w, a, b in limits[:-1]], join))
    return join(*terms)


def _put(expr: Expr, v: Symbol, value: Expr) -> Expr:
    """expr with the index v made value, except inside a sum that binds a v of its own (Σ_k … Σ_k)."""
    if expr == v:
        return value
    if isinstance(expr, Indexed):
        return _indexed(expr.base, *(_put(i, v, value) for i in expr.indices))
    if isinstance(expr, (Sum, Product)) and any(w == v for w, _, _ in expr.limits):
        limits = [(w, _put(a, v, value), _put(b, v, value)) for w, a, b in expr.limits]
        return expr.func(expr.function, *limits)
    if not expr.args:
        return expr
    return expr.func(*(_put(arg, v, value) for arg in expr.args))


@lru_cache(maxsize=4096)
def _indexed(base: Expr, *indices: Expr) -> Indexed:
    """The term base[indices], made once: SymPy works out an Indexed's assumptions afresh each time,
    and writing out a layer's sums at four sizes makes tens of thousands of them."""
    return Indexed(base, *indices)


def by_instances(a: Expr, b: Expr, compare: Callable, conditions: tuple[Expr, ...] = (),
                 distinct: frozenset = frozenset(), as_written: bool = False) -> tuple[bool | None, str] | None:
    """(verdict, method) from instances of the sums' bounds and the free indices, or None when the link
    has neither. conditions: equations the text states (Σ_k y_k = 1, as expr = 0), imposed on every
    instance; distinct: pairs of index letters the text says differ (j ≠ i); as_written: only the count of
    terms written out (a link that writes no sum, whose definitions bring one)."""
    bounds, letters = bounds_of(a, b), free_indices(a, b)
    if not bounds and not letters:
        return None
    if len(bounds) > 3:
        return None, "sums over more than three different bounds"
    lowest = _lowest(a, b)
    classes = frozenset(int(c) for e in (a, b) for s in e.free_symbols if isinstance(s, Symbol)
                        and (parts := _numbered_delta(s.name)) for c in parts[1] if c.isdigit())
    patterns = [p for p in _patterns(letters, lowest, classes) if _allowed(p, distinct)]
    # \sum_{k \neq j} beside \sum_{k=1}^{C}: a sum without bounds runs over the classes the other counts
    tied = next(s for s in bounds if s != ALL_TERMS) if len(bounds) == 2 and ALL_TERMS in bounds else None
    if len(bounds) == 3 and ALL_TERMS in bounds:
        tied = _same_range(a, b, [s for s in bounds if s != ALL_TERMS])
        if tied is None:
            return None, "a sum without bounds beside sums over two different bounds"
    if tied is not None:
        bounds = [s for s in bounds if s != ALL_TERMS]
    # one bound: four sizes; two or three bounds: three sizes each (9 and 27 instances, not 16 and 64). A
    # slip in which index a term carries, or in a count's power, shows at two or three terms; only a
    # closed form off by a multiple of (n − 1)(n − 2)(n − 3) passes three sizes, and a layer's gradient
    # written out at 4 × 4 costs more than all the smaller instances together
    sizes_tried = SIZES if len(bounds) <= 1 else SIZES[:3]
    written = _written_indices(a, b)  # z_2 written out: only sizes that have a second term
    if written > sizes_tried[-2] - lowest + 1:  # z_10, or v_3 beside two counts: two sizes that reach it
        sizes_tried = (written - lowest + 1, written - lowest + 2)  # (one, 3 × 3, let a false link pass)
    # as_written: a_1(1 − a_1) = a_1 a_2, with a_1 defined for two terms and a_2 = e^{x_2}/Σ_k e^{x_k} for
    # every count: the definitions' sum over every index runs over the terms written out (two classes).
    # Never for a sum the link itself writes: Σ_k x_k = x_1 + x_2 claims every count.
    exact = written if as_written and bounds == [ALL_TERMS] and written >= 2 else None
    checked, undefined, reached = 0, [], set()
    for combination in product(sizes_tried, repeat=len(bounds)):
        if combination and min(combination) - lowest + 1 < written:
            continue
        if exact is not None and combination != (exact - lowest + 1,):
            continue
        sizes = dict(zip(bounds, combination))
        if tied is not None:
            sizes[ALL_TERMS] = sizes[tied]
        for values in patterns:
            if sizes and max(values.values(), default=lowest) - lowest + 1 > min(combination):
                continue  # an index beyond the last term
            try:
                pair = [instance(e, sizes, values) for e in (a, b)]
                pair = _imposed(pair, conditions, sizes, values)
            except _Unwritable as exc:
                return None, str(exc)
            verdict, method = compare(*pair)
            where = _described(sizes, values)
            if verdict is False:
                return False, f"instances (fails at {where})"
            if verdict is None and "undefined" in method:  # n = 1 in a variance's n − 1: no value there
                undefined.append(where)
                continue
            if verdict is None:
                return None, f"at {where}: {method}"
            checked += 1
            reached.update(combination)
    if not checked:
        return None, f"at {undefined[0]}: undefined" if undefined else "no instance of the indices to check"
    left_out = f"; not at {', '.join(undefined)}, where a side has no value" if undefined else ""
    if exact is not None:
        return True, f"instances (the {exact} terms written out{'; ' + _summary([], letters, distinct) if letters else ''}{left_out})"
    return True, f"instances ({_summary(bounds, letters, distinct, max(reached, default=0), min(reached, default=1))}{left_out})"


def _same_range(a: Expr, b: Expr, bounds: list[Symbol]) -> Symbol | None:
    """The bound a sum without bounds runs to: the one whose sums index the same places (w_k and the
    second index of x_ik in 𝐱_iᵀ𝐰, and in Σ_{k=1}^{d} x_ik w_k; not the first, which Σ_{i=1}^{n} runs over)."""
    places: dict[Symbol, set] = {}
    for node in [*preorder(a), *preorder(b)]:
        if isinstance(node, Sum):
            for v, _, high in node.limits:
                for t in node.function.atoms(Indexed):
                    places.setdefault(high, set()).update((str(t.base.label), k) for k, i in enumerate(t.indices)
                                                         if i == v)
    matching = [s for s in bounds if places.get(s, set()) & places.get(ALL_TERMS, set())]
    return matching[0] if len(matching) == 1 else None


def _written_indices(a: Expr, b: Expr) -> int:
    """The largest index written as a number on a letter whose terms a sum runs over (x_3 beside Σ x_i,
    and ∂/∂z_5 of Σ_k z_k², whose z_5 only the derivative names)."""
    summed = {str(t.base.label) for e in (a, b) for t in e.atoms(Indexed)}
    named = {s for e in (a, b) for s in e.free_symbols} | {
        v for e in (a, b) for d in e.atoms(Derivative) for v, _ in d.variable_count if isinstance(v, Symbol)}
    parts = [s.name.partition("_") for s in named]
    numbers = [int(sub) for base, _, sub in parts if base in summed and sub.isdigit()]
    return max(numbers, default=0)


def _allowed(values: dict[str, int], distinct: frozenset) -> bool:
    return all(values[p] != values[q] for p, q in distinct if p in values and q in values)


def _imposed(pair: list[Expr], conditions: tuple[Expr, ...], sizes: dict, values: dict) -> list[Expr]:
    """Both sides with each stated equation used: E[x_i] = λ (for every i) replaces E[x_1], E[x_2], …;
    Σ_k y_k = 1 is solved for its last term (y_K = 1 − y_1 − … − y_{K−1})."""
    common = set(sizes.values())
    for condition in conditions:
        # Σ_{k=1}^{K} p_k = 1 says nothing of a sum to m: imposed only over the link's own bounds; one
        # written without bounds (\frac1n \sum_i x_i^2 = 1) runs over the link's one count of terms
        if bounds_of(condition, condition) == [ALL_TERMS] and ALL_TERMS not in sizes and len(sizes) == 1:
            sizes = {**sizes, ALL_TERMS: next(iter(sizes.values()))}
        if any(s not in sizes for s in bounds_of(condition, condition)):
            continue
        letters = _each(condition, pair, values)
        if letters and common:
            lowest = _lowest(*pair)
            for k in range(lowest, lowest + max(common)):
                pair = _applied(pair, instance(condition, sizes, {**values, **dict.fromkeys(letters, k)}))
        elif not letters:
            pair = _applied(pair, instance(condition, sizes, values))
    return pair


def _each(condition: Expr, pair: list[Expr], values: dict) -> list[str]:
    """The letters of a condition that range over the link's terms: the i of E[x_i] = λ, where the link
    has x_1, x_2, …"""
    written = {split(s.name)[0] if split(s.name) else s.name.partition("_")[0]
               for e in pair for s in e.free_symbols if s.name.partition("_")[2].isdigit()}
    return sorted({c for s in condition.free_symbols if (parts := split(s.name)) and parts[0] in written
                   for c in parts[1] if c not in values})


def _applied(pair: list[Expr], written: Expr) -> list[Expr]:
    """pair with the equation written = 0 used: an operator's value (E[x_1] − λ = 0) replaces it; else
    the equation solved for its last unknown, where it is linear in it."""
    operators = [t for t in Add.make_args(written) if isinstance(t.as_coeff_Mul()[1], (*OPERATORS, AppliedUndef))]
    if len(operators) == 1:
        coefficient, core = operators[0].as_coeff_Mul()
        return [e.xreplace({core: -(written - operators[0]) / coefficient}) for e in pair]
    unknowns = sorted(written.free_symbols, key=lambda s: s.name)
    if not unknowns or not any(u in e.free_symbols for e in pair for u in unknowns):
        return pair
    last = unknowns[-1]
    if any(last in d.variables for e in pair for d in e.atoms(Derivative)):
        return pair  # y_K inside a d/dy_K is a variable there, not a value to replace
    try:
        linear_eq_to_matrix([written], [last])
    except Exception:  # not linear in it: perhaps in its square (Σ_i x_i² = n), else not imposed
        return _applied_to_square(pair, written, last)
    solved = solve(written, last, dict=True)
    return [e.xreplace(solved[0]) for e in pair] if len(solved) == 1 else pair


def _applied_to_square(pair: list[Expr], written: Expr, last: Symbol) -> list[Expr]:
    """pair with x_n² replaced where an equation holds it only squared ((x_1² + … + x_n²)/n = 1, a
    standardised feature): the square is what the equation fixes."""
    square = Dummy("square")
    replaced = written.xreplace({last ** 2: square})
    if last in replaced.free_symbols:
        return pair
    solved = solve(replaced, square, dict=True)
    if len(solved) != 1:
        return pair
    return [expand(e).xreplace({last ** 2: solved[0][square]}) for e in pair]


def _described(sizes: dict[Symbol, int], values: dict[str, int]) -> str:
    parts = [f"{'the number of terms' if s == ALL_TERMS else s.name} = {n}" for s, n in sizes.items()]
    parts += [f"{letter} = {v}" for letter, v in values.items()]
    return ", ".join(parts)


def _summary(bounds: list[Symbol], letters: list[str], distinct: frozenset, largest: int = SIZES[-1],
             smallest: int = 1) -> str:
    parts = [f"{'every number of terms' if s == ALL_TERMS else s.name} = {smallest}…{largest}" for s in bounds]
    if len(letters) > 1:
        stated = [f"{p} ≠ {q}" for p, q in sorted(distinct)]
        parts.append(f"{', '.join(letters)} " + (f"with {', '.join(stated)}" if stated else "in every relation"))
    elif letters:
        parts.append(f"every {letters[0]}")
    return "; ".join(parts)
