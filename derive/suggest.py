"""One small change that mends a line: "did you mean e^{x}(e^{x} + 1)?".

The candidates are the slips a hand makes: a term's sign, a minus before a product, a number off by
its sign or doubled or halved, an exponent off by one, an index letter (δ_ii for δ_ij, x_2 for x_1),
a factor the neighbouring lines have and this one dropped. A candidate that makes the line agree
with its neighbours (both, or the one before for a chain's last line) is the suggestion. The edits
are made on the line as the author wrote it (s_i, not the e^{z_i}/Σ its definition writes out), so
that the suggestion reads in the author's notation, and shown as the smallest product or sum around
the change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from sympy import (Add, Derivative, Eq, Expr, Function, Indexed, Integer, Integral, Mul, Piecewise, Pow, Rational, S, Symbol,
                   expand)

from derive.errors import DeriveError
from derive.exprs import neg, preorder, replace_at, size
from derive.indexing import split
from derive.render.printer import latex
from derive.probability import conventional, has_moments, in_moments, random_symbols
from derive.verify import numerically_same, surely_differs

MAX_CANDIDATES = 200
# candidates the cheap filter lets through to the full comparison (each one sums written out at n = 1 … 4,
# a tenth of a second on a batch norm's backward pass): the search's bound, the same on every machine
MAX_CONFIRMED = 64
MAX_FOUND = 3  # mends looked at before choosing the most natural one
# the nodes of all candidates looked at together: a line of a likelihood or a layer's backward pass
# written out (a hundred nodes and more, each candidate's sums worked out) stops long before 200
# candidates; on the corpora, a mend, where there was one, came within the first tenth of this
MAX_WORK = 8000
MAX_FACTOR_SIZE = 6  # a dropped factor is a symbol or a short call (σ(wx + b)), not a whole line
MAX_EXPANDED = 60  # a neighbour whose terms are looked for a dropped one (expanding more costs too much)
LONG_LINE = 15  # a line shown around a change rather than whole
SLIP, FACTOR, TERM = "slip", "factor", "term"  # a changed part, the line times a factor, a term added


class Mend(NamedTuple):
    """One edit that makes the line agree with its neighbours: the line as edited (form), where
    (path), the edited line, and the kind of slip."""
    form: Expr
    path: tuple[int, ...]
    candidate: Expr
    kind: str


def _with_paths(expr: Expr, path: tuple[int, ...] = ()) -> Iterator[tuple[tuple[int, ...], Expr]]:
    stack = [(path, expr)]
    while stack:
        p, node = stack.pop()
        yield p, node
        stack.extend((p + (i,), a) for i, a in reversed(list(enumerate(node.args))))


def _negated(term: Expr) -> Expr:
    if isinstance(term, Mul) and term.args[0] == S.NegativeOne:
        rest = term.args[1:]
        return rest[0] if len(rest) == 1 else Mul(*rest, evaluate=False)
    if term.is_Number:
        return -term
    return neg(term)


def _power(base: Expr, exponent: Expr) -> Expr | None:
    if exponent == 0:
        return None  # x^0 is 1: no one writes x^1 meaning 1
    return base if exponent == 1 else Pow(base, exponent, evaluate=False)


def _reindexed(node: Expr, letters: set[str], digits: dict[str, set[str]]) -> Iterator[Expr]:
    """node with one index letter changed to another the lines use (δ_ii → δ_ij, ŷ[k] → ŷ[j]), or a
    numbered name to another number its letter has nearby (x_2 → x_1)."""
    if isinstance(node, Indexed):
        for at, index in enumerate(node.indices):
            if isinstance(index, Symbol):
                for other in sorted(letters - {index.name}):
                    indices = list(node.indices)
                    indices[at] = Symbol(other, **index.assumptions0)
                    yield Indexed(node.base, *indices)
        return
    base, _, sub = node.name.partition("_")
    if sub.isdigit():
        yield from (Symbol(f"{base}_{other}", **node.assumptions0) for other in sorted(digits.get(base, ())) if other != sub)
        return
    if not split(node.name):
        return
    for at, letter in enumerate(sub):
        for other in sorted(letters - {letter}):
            yield Symbol(f"{base}_{sub[:at]}{other}{sub[at + 1:]}", **node.assumptions0)


def _edits(node: Expr, letters: set[str], digits: dict[str, set[str]]) -> Iterator[Expr]:
    """The slips a hand makes in this one node."""
    if isinstance(node, Add):
        for i, term in enumerate(node.args):
            args = list(node.args)
            args[i] = _negated(term)
            yield Add(*args, evaluate=False)
    if isinstance(node, Mul):
        yield _negated(node)
        for number in (Integer(2), S.Half):  # 2m → m: the number dropped, not 1·m
            if number in node.args:
                rest = [a for a in node.args if a != number]
                yield rest[0] if len(rest) == 1 else Mul(*rest, evaluate=False)
    if isinstance(node, (Integer, Rational)) and node != 0:
        yield from (n for n in (-node, 2 * node, node / 2) if n != 1)
    if isinstance(node, Pow) and node.exp.is_Integer:
        yield from (e for e in (_power(node.base, node.exp + 1), _power(node.base, node.exp - 1)) if e is not None)
    if isinstance(node, (Symbol, Indexed)):
        yield from _reindexed(node, letters, digits)


def _factors(nearby: tuple[Expr, ...]) -> list[Expr]:
    """What a line may have dropped: the free symbols and short calls of its neighbours, smallest
    first (not a sum's own index)."""
    found: set[Expr] = set()
    for expr in nearby:
        free = expr.free_symbols
        found |= free
        found.update(node for node in preorder(expr) if isinstance(node, Function) and node.args
                     and node.free_symbols <= free and size(node) <= MAX_FACTOR_SIZE)
    return sorted(found, key=lambda f: (size(f), str(f)))


def _with_factor(form: Expr, factors: list[Expr]) -> Iterator[tuple[tuple[int, ...], Expr, str]]:
    """form, or one term of its sum, times a factor it dropped."""
    terms = list(enumerate(form.args)) if isinstance(form, Add) else []
    for factor in factors:
        yield (), Mul(form, factor, evaluate=False), FACTOR
        for i, term in terms:
            yield (i,), _times(factor, term), SLIP


def _times(factor: Expr, term: Expr) -> Expr:
    """factor·term, written −s_i Σ s_j rather than s_i(−Σ s_j) where the term carries a minus."""
    if isinstance(term, Mul) and term.args[0] == S.NegativeOne:
        return Mul(S.NegativeOne, factor, *term.args[1:], evaluate=False)
    return Mul(factor, term, evaluate=False)


def _with_term(form: Expr, nearby: tuple[Expr, ...]) -> Iterator[tuple[tuple[int, ...], Expr, str]]:
    """a sum with a term it dropped: a term of a neighbour written out (−E[Y]² of −(E[X] + E[Y])²)."""
    if not isinstance(form, Add):
        return
    seen = set(form.args)
    for expr in nearby:
        if size(expr) > MAX_EXPANDED:
            continue
        for term in Add.make_args(expand(expr)):
            for signed in (term, -term):
                if signed not in seen and size(signed) <= 2 * MAX_FACTOR_SIZE:
                    seen.add(signed)
                    yield (), Add(*form.args, signed, evaluate=False), TERM


def _index_letters(exprs: tuple[Expr, ...]) -> tuple[set[str], dict[str, set[str]]]:
    """The index letters the lines use (s_i, δ_kj, ŷ[k] → i, k, j), and each letter's numbered names."""
    letters: set[str] = set()
    digits: dict[str, set[str]] = {}
    for expr in exprs:
        for s in expr.free_symbols:
            base, _, sub = s.name.partition("_")
            if sub.isdigit():
                digits.setdefault(base, set()).add(sub)
            elif split(s.name):
                letters.update(split(s.name)[1])
        letters.update(i.name for t in expr.atoms(Indexed) for i in t.indices if isinstance(i, Symbol))
    return letters, digits


def _candidates(form: Expr, nearby: tuple[Expr, ...]) -> Iterator[tuple[tuple[int, ...], Expr, str]]:
    """(path, edited part, kind of slip): slips in one node, smallest parts first (a slip is a small
    thing, and negating the whole line is no suggestion); then a dropped factor, then a dropped term."""
    letters, digits = _index_letters((form, *nearby))
    for path, node in sorted(_with_paths(form), key=lambda pn: (size(pn[1]), -len(pn[0]))):
        for edited in _edits(node, letters, digits):
            yield path, edited, SLIP
    yield from _with_factor(form, _factors(nearby))
    yield from _with_term(form, nearby)


def _differs(a: Expr, b: Expr) -> bool:
    """a and b surely differ: a cheap filter before the full comparison, with expectations sampled as
    the unknown numbers their moments are (E[X]², E[XY]). It only skips candidates: a moment relation it
    misses (independence) costs a hint, never a verdict."""
    if has_moments(a, b) and not any(e.has(Derivative, Integral) for e in (a, b)):
        random = random_symbols(a, b)
        a, b = (in_moments(conventional(e), random) for e in (a, b))
    return surely_differs(a, b)


def _minus_signs(expr: Expr) -> int:
    return sum(1 for node in preorder(expr) if node.is_Number and node.is_negative)


def _by_a_labels_cases(expr: Expr) -> bool:
    """Whether expr holds a name defined by a label's values (Piecewise on y = 0, y = 1), with no otherwise."""
    return any(isinstance(c, Eq) for p in expr.atoms(Piecewise) for _, c in p.args)


def suggestion(before: Expr, wrong: Expr, after: Expr | None = None, *, written: Expr | None = None,
               write: Callable[[Expr], Expr] | None = None, nearby: tuple[Expr, ...] = ()) -> str | None:
    """'did you mean X where it says Y?' when one slip in wrong makes before = wrong' (= after, unless
    wrong is a chain's last line); else None. written: the line as the author wrote it, and write what
    makes it the judged line (the text's definitions written out); nearby: the neighbours as written,
    whose factors the line may have dropped. The edits are tried on written first."""
    if any(e is not None and e.has(Integral) for e in (before, wrong, after)):
        return None  # each candidate would cost a quadrature at every sample point: minutes, not a hint
    if any(e is not None and _by_a_labels_cases(e) for e in (before, wrong, after)):
        return None  # p_t by y = 0 and y = 1: no value at the sampled points, which each candidate searches long for
    forms: list[tuple[Expr, Callable[[Expr], Expr] | None, tuple[Expr, ...]]] = []
    if written is not None and write is not None and written != wrong:
        forms.append((written, write, nearby))
    forms.append((wrong, None, tuple(e for e in (before, after) if e is not None)))
    tried, confirmed, work, found = 0, 0, 0, []
    for form, judged, around in forms:
        for path, edited, kind in _candidates(form, around):
            tried += 1
            if tried > MAX_CANDIDATES or confirmed >= MAX_CONFIRMED or len(found) >= MAX_FOUND or work > MAX_WORK:
                break
            try:
                candidate = replace_at(form, path, edited)
                value = judged(candidate) if judged else candidate
            except (ValueError, TypeError, DeriveError):  # an edit SymPy refuses (a derivative of order −1)
                continue
            work += size(value) if value is not None else 0
            if value is None or (after is not None and _differs(value, after)) or _differs(before, value):
                continue
            confirmed += 1
            if numerically_same(before, value) and (after is None or numerically_same(value, after)):
                found.append(Mend(form, path, candidate, kind))
        if found:
            break
    if not found:
        return None
    # the most natural mend: one that adds no minus sign the author did not write and no name the
    # lines do not use (δ_ij, not δ_ji, beside s_i and s_j), then the shortest
    names = set().union(*(e.free_symbols for e in (wrong, before, after, written, *nearby) if e is not None))
    mend = min(found, key=lambda m: (_minus_signs(m.candidate) > _minus_signs(m.form),
                                     not m.candidate.free_symbols <= names, size(m.candidate)))
    form, path, candidate, kind = mend
    if kind == FACTOR:
        return f"did you mean this line times ${latex(candidate.args[1])}$?"
    if kind == TERM:
        return f"did you mean this line with ${latex(candidate.args[-1])}$ added?"
    said, meant = _shown(form, candidate, path)
    return f"did you mean ${latex(meant)}$ where it says ${latex(said)}$?"


def _at(expr: Expr, path: tuple[int, ...]) -> Expr:
    for i in path:
        expr = expr.args[i]
    return expr


def _shown(form: Expr, candidate: Expr, path: tuple[int, ...]) -> tuple[Expr, Expr]:
    """The parts of the line and of its mend a reader finds the change in, at the same place: the
    nearest product around it (two levels up at most, not a bare −x), else the sum it stands in, else
    the changed part itself; for a change deep in a long line, no more than the part around it
    (1/(2m), not Σ…/(2m)); the whole lines where the edit made SymPy reorder the mend."""
    place = _place(form, path)
    if not place and size(form) > LONG_LINE and len(path) >= 2:
        place = path[:-1]
    try:
        said, meant = _at(form, place), _at(candidate, place)
    except IndexError:
        return form, candidate
    while place and _occurrences(form, said) > 1:  # (s_i(δ_ij − s_i): which s_i, the part around it says)
        place = place[:-1]
        said, meant = _at(form, place), _at(candidate, place)
    return said, meant


def _occurrences(expr: Expr, part: Expr) -> int:
    return sum(1 for node in preorder(expr) if node == part)


def _signed(product: Expr) -> bool:
    """−x: a sign on one factor, too little to show a change in."""
    return len(product.args) == 2 and product.args[0] == S.NegativeOne


def _place(expr: Expr, path: tuple[int, ...]) -> tuple[int, ...]:
    if path and isinstance(_at(expr, path[:-1]), Pow):  # an exponent (or a base): the power it is in
        path = path[:-1]
    for up in (1, 2):
        if len(path) >= up and isinstance(_at(expr, path[:-up]), Mul) and not _signed(_at(expr, path[:-up])):
            return path[:-up]
    if path and isinstance(_at(expr, path[:-1]), Add):
        return path[:-1]
    return path
