"""Helpers for expressions kept as written: unevaluated building, walking and replacing."""

from collections.abc import Callable, Iterator
from functools import lru_cache

from sympy import (Add, Basic, Derivative, Expr, Function, Indexed, IndexedBase, Integer, Integral, Limit, Mul, Pow,
                   Product, S, Sum, Symbol, Tuple, evaluate, sqrt)
from sympy.core.function import AppliedUndef
from sympy.core.relational import Relational
from sympy.functions.elementary.miscellaneous import MinMaxBase
from sympy.logic.boolalg import BooleanFunction


def factors_of(expr: Expr) -> tuple[Expr, ...]:
    """The factors of a product, or the expression alone."""
    return expr.args if isinstance(expr, Mul) else (expr,)


def mul(*factors: Expr) -> Expr:
    """A product as written; factors equal to 1 are dropped (nobody writes e^x·1).

    A factor that is itself a product stays one (a product of two fractions is written so).
    """
    kept = [f for f in factors if f != S.One]
    if not kept:
        return S.One
    return kept[0] if len(kept) == 1 else Mul(*kept, evaluate=False)


def add(*terms: Expr) -> Expr:
    """A sum as written; zero terms dropped, nested sums spliced."""
    kept = [t for term in terms for t in (term.args if isinstance(term, Add) else (term,)) if t != S.Zero]
    if not kept:
        return S.Zero
    return kept[0] if len(kept) == 1 else Add(*kept, evaluate=False)


def div(numerator: Expr, denominator: Expr) -> Expr:
    """numerator/denominator as a written fraction."""
    return mul(numerator, Pow(denominator, -1, evaluate=False))


def neg(term: Expr) -> Expr:
    return Mul(S.NegativeOne, term, evaluate=False)


def fraction(expr: Expr) -> tuple[Expr, Expr] | None:
    """(numerator, denominator) of a written fraction, or None when expr is not one."""
    if isinstance(expr, Pow) and expr.exp == S.NegativeOne:
        return S.One, expr.base
    if isinstance(expr, Mul):
        den = [f.base for f in expr.args if isinstance(f, Pow) and f.exp == S.NegativeOne]
        if den:
            num = [f for f in expr.args if not (isinstance(f, Pow) and f.exp == S.NegativeOne)]
            return mul(*num), mul(*den)
    return None


def root_of_square(value: Expr) -> Expr:
    """The σ that σ² = value sets, a spread being positive: σ̂ of σ̂², √v of v (ℓ(μ, σ²) at σ̂²,
    F|_{σ² = σ̂²})."""
    return value.base if value.is_Pow and value.exp == 2 else sqrt(value)


def preorder(expr: Basic) -> Iterator[Basic]:
    """Outermost first, left to right: the order a reader meets the parts of a written expression.

    With a stack, not nested generators: those cost the depth again for every node they yield.
    """
    stack = [expr]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.args))


def size(expr: Basic) -> int:
    """How much there is to read: the nodes of the written tree."""
    return sum(1 for _ in preorder(expr))


def rebuild(expr: Basic, visit: Callable[[Basic], Basic | None]) -> Basic:
    """Replace, top down, each node for which visit returns a new node; keep the rest as written.

    A replaced node's inside is not visited again, so one pass rewrites each match once.
    """
    new = visit(expr)
    if new is not None:
        return new
    if not expr.args:
        return expr
    args = [rebuild(a, visit) for a in expr.args]
    if all(a is b for a, b in zip(args, expr.args)):
        return expr
    return remake(expr, args)


def remake(expr: Basic, args: list[Basic]) -> Basic:
    """expr's kind of node with new arguments, unevaluated. Sums, products and integrals are made as
    they are (evaluate(False) would write Σ 1·x_i: they evaluate nothing when made anyway)."""
    from sympy.concrete.expr_with_limits import ExprWithLimits

    if isinstance(expr, ExprWithLimits):
        return expr.func(*args)
    if isinstance(expr, (Add, Mul, Pow, Function, Derivative, Relational, MinMaxBase, BooleanFunction)):
        # evaluate=False for this node alone: the global switch, evaluate(False), clears SymPy's whole
        # cache each time it is set (twice a node), which made a derivation's rewriting slow
        return expr.func(*args, evaluate=False)
    if isinstance(expr, (Tuple, Indexed, IndexedBase)):  # (nothing in them evaluates: a check's tuples
        return expr.func(*args)  # and points cleared the cache twenty times a document)
    with evaluate(False):  # (a Subs works out its own form under the switch)
        return expr.func(*args)


def paths_to(expr: Basic, targets: set[Basic]) -> dict[Basic, list[tuple[int, ...]]]:
    """Where each target stands in expr, as paths of argument indices (not looking inside targets)."""
    found: dict[Basic, list[tuple[int, ...]]] = {}
    stack: list[tuple[Basic, tuple[int, ...]]] = [(expr, ())]
    while stack:
        node, path = stack.pop()
        if node in targets:
            found.setdefault(node, []).append(path)
            continue
        stack.extend((a, path + (i,)) for i, a in enumerate(node.args))
    return found


def replace_at(expr: Basic, path: tuple[int, ...], new: Basic) -> Basic:
    """expr with the part at path replaced, every other part kept as written: work along the path
    only, not over the whole tree."""
    if not path:
        return new
    i, rest = path[0], path[1:]
    args = list(expr.args)
    args[i] = replace_at(args[i], rest, new)
    return remake(expr, args)


def rewrites_only(before: Basic, after: Basic, old: Basic, new: Basic) -> bool:
    """after is before with old replaced by new in some places, and nothing else changed."""
    if before is after:
        return True  # replace_at keeps the untouched parts as the same objects
    if before == old and after == new:
        return True
    if not before.args or len(before.args) != len(after.args) or before.func != after.func:
        return before == after
    return all(rewrites_only(b, a, old, new) for b, a in zip(before.args, after.args))


def replace_first(expr: Basic, visit: Callable[[Basic], Basic | None]) -> Basic | None:
    """Like rebuild, but only the first match in preorder; None when nothing matched."""
    done = False

    def once(node: Basic) -> Basic | None:
        nonlocal done
        if done:
            return node
        new = visit(node)
        if new is not None:
            done = True
        return new

    result = rebuild(expr, once)
    return result if done else None


def is_pending(node: Basic) -> bool:
    """A derivative still to be worked out. f'(x) of an unknown function f is no such thing: it is
    as far as anyone can go."""
    if not isinstance(node, Derivative):
        return False
    body = node.expr
    return not (isinstance(body, AppliedUndef) and all(isinstance(a, Symbol) for a in body.args))


def pending(expr: Basic) -> list[Derivative]:
    """The derivatives still to be worked out in expr, outermost first, left to right."""
    return [node for node in preorder(expr) if is_pending(node)]


def tidy(expr: Expr) -> Expr:
    """expr with SymPy's automatic arithmetic applied (x + 0 → x, 1·x → x, −(−a) → a)."""
    if not expr.args:
        return expr
    return _tidy_node(expr)


@lru_cache(maxsize=2**14)
def _tidy_node(expr: Expr) -> Expr:
    """tidy of one node, remembered: the engine's steps share all but the part a rule rewrote, and
    naming a link of a likelihood tidied its sums over again at each of twenty steps."""
    with evaluate(True):
        return expr.func(*[tidy(a) for a in expr.args])


def forget_tidied() -> None:
    """Forget the tidied forms worked out so far (a benchmark's cold start)."""
    _tidy_node.cache_clear()
    shape.cache_clear()


def divisors(expr: Expr) -> set[Expr]:
    """The bases expr divides by (x² + 1 of x/(x² + 1)), numbers aside, except those whose value is
    worked out, not written (∫_{−1}^{1} x³ dx is 0)."""
    return {n.base for n in preorder(expr) if n.is_Pow and n.exp.is_negative and (
        not n.base.is_number or n.base.has(Integral, Sum, Product, Limit))}


def without_units(expr: Expr) -> Expr:
    """expr without the arithmetic a rule leaves and no author writes: factors 1, terms 0, x^1 and x^0,
    a number or sign inside a product (x·2 → 2x, e^{-x}·(−1) → −e^{-x}, −(−a) → a). The rest keeps its
    written form: this is what a rule's own line shows, (2x)' sin x + x² cos x → 2x sin x + …"""
    if not expr.args or not isinstance(expr, Basic):
        return expr
    args = [without_units(a) for a in expr.args]
    if isinstance(expr, Add):
        return _sum_without_zeros(args) if any(a == S.Zero for a in args) else _same(expr, args)
    if isinstance(expr, Mul):
        return _product_without_units(expr, args)
    if isinstance(expr, Pow) and (args[1] in (S.Zero, S.One) or args[0] == S.One):
        return S.One if args[1] == S.Zero or args[0] == S.One else args[0]
    return _same(expr, args)


def _same(expr: Basic, args: list[Basic]) -> Basic:
    return expr if all(a is b for a, b in zip(args, expr.args)) else remake(expr, args)


def _sum_without_zeros(terms: list[Expr]) -> Expr:
    kept = [t for t in terms if t != S.Zero]
    return S.Zero if not kept else kept[0] if len(kept) == 1 else Add(*kept, evaluate=False)


def _product_without_units(expr: Mul, args: list[Expr]) -> Expr:
    # a product that starts with a number gives it to the product around it: x·(2y) → 2xy, a·(−b) → −ab
    factors = [f for a in args for f in (a.args if isinstance(a, Mul) and a.args[0].is_Number else (a,))]
    numbers = [f for f in factors if f.is_Number]
    # (a lone ½ stays where it stands: (a + b/c)·½ is written over 2, not as ½(a + b/c))
    untidy = len(numbers) > 1 or (numbers and factors[0] is not numbers[0] and numbers[0].is_Integer) \
        or len(factors) != len(args) \
        or any(n in (S.Zero, S.One) for n in numbers)
    if not untidy:
        return _same(expr, args)
    with evaluate(True):  # (numbers only; a caller's evaluate(False) would leave −1·2 unmultiplied)
        number = Mul(*numbers)
    if number == S.Zero:
        return S.Zero
    # the number first, then the powers of variables, then the rest as written: −2x sin(x²), as
    # textbooks order a product (not −2 sin(x²) x)
    others = sorted((f for f in factors if not f.is_Number), key=lambda f: not _variable_power(f))
    if not others:
        return number
    kept = ([] if number == S.One else [number]) + others
    return kept[0] if len(kept) == 1 else Mul(*kept, evaluate=False)


def _variable_power(f: Expr) -> bool:
    """x, x², x^{1/2}: a variable or its power, which a product writes right after its number."""
    return f.is_Symbol or (isinstance(f, Pow) and f.base.is_Symbol and f.exp.is_Number and f.exp > 0)


def numbers_cancelled(expr: Expr) -> Expr:
    """A product whose number above and numbers below the bar share a factor, with it cancelled:
    2x e^{…}/(2√(2π)) → x e^{…}/√(2π), 2/4 → 1/2."""
    if not isinstance(expr, Mul):
        return expr
    below = [f for f in expr.args if isinstance(f, Pow) and f.exp == -1 and _integer_led(f.base)]
    numbers = [b.base if b.base.is_Integer else b.base.args[0] for b in below]
    several = sum(1 for f in expr.args if f.is_Number) > 1
    with evaluate(True):  # (numbers only)
        top = Mul(*[f for f in expr.args if f.is_Number])
        bottom = Mul(*numbers)
        if not (top.is_Rational and bottom.is_Integer and bottom > 0):
            return expr
        ratio = top / bottom
    if not several and ratio.q == bottom:  # one number, nothing to cancel against it
        return expr
    rest = []
    for f in expr.args:
        if f.is_Number:
            continue
        if f in below:
            base = S.One if f.base.is_Integer else mul(*f.base.args[1:])
            if base != S.One:
                rest.append(Pow(base, -1, evaluate=False))
            continue
        rest.append(f)
    # the number below first: 3/(2x³), not 3/(x³ · 2)
    factors = ([] if ratio.p == 1 else [Integer(ratio.p)]) + \
        ([] if ratio.q == 1 else [Pow(Integer(ratio.q), -1, evaluate=False)]) + rest
    return mul(*factors) if factors else S.One


def _integer_led(base: Expr) -> bool:
    """2 or 2√(2π): a denominator whose number can cancel against the number above."""
    return base.is_Integer or (isinstance(base, Mul) and base.args[0].is_Integer)


def descending_powers(expr: Expr) -> Expr:
    """expr with each polynomial in one variable written from its highest power down, as textbooks
    write x⁴ + 2x³ + 2x² − 4x − 1 (SymPy sorts it 2x³ + x⁴ − 4x + …)."""
    def visit(node: Basic) -> Basic | None:
        if not isinstance(node, Add) or len(node.free_symbols) != 1:
            return None
        (x,) = node.free_symbols
        if not node.is_polynomial(x):
            return None
        terms = sorted(node.args, key=lambda t: -t.as_poly(x).degree())
        return None if terms == list(node.args) else Add(*terms, evaluate=False)

    return rebuild(expr, visit)


def moves_roots_up(before: Expr, after: Expr) -> bool:
    """after has taken a root out of a denominator of before and put it above (x/√2 → x√2/2): the
    rationalising a tidy-up must not do. (A root that goes away, as in e^{-(x/√2)²} → e^{-x²/2}, is
    no such move.)"""
    return _roots(after, below=True) < _roots(before, below=True) and _roots(after) >= _roots(before)


def _roots(expr: Expr, below: bool = False) -> int:
    """The roots (non-integer powers) in expr; below: only those inside a denominator."""
    def root(node: Basic) -> bool:
        return isinstance(node, Pow) and node.exp.is_Rational and not node.exp.is_Integer
    if not below:
        return sum(1 for node in preorder(expr) if root(node))
    denominators = [node.base for node in preorder(expr) if isinstance(node, Pow) and node.exp.is_negative]
    return sum(1 for d in denominators for node in preorder(d) if root(node)) + \
        sum(1 for node in preorder(expr) if root(node) and node.exp.is_negative)


def in_written_order(expr: Expr, written: Expr) -> Expr:
    """expr with each sum that the input wrote (w x + b) in the input's order, where SymPy's arithmetic
    sorted it (b + w x): terms keep the order the author gave them."""
    forms = {tidy(node): node for node in preorder(written) if isinstance(node, Add)}
    if not forms:
        return expr
    return rebuild(expr, lambda node: forms.get(node) if isinstance(node, Add) and node != forms.get(node) else None)


def plus_first(expr: Expr) -> Expr:
    """expr with each sum SymPy sorted written with a term that carries no minus first, the others in
    their order (s_j − y_j, not −y_j + s_j; x(σ − y)): as a paper writes a result. Nothing else moves."""
    def visit(node):
        if not isinstance(node, Add) or not _negated_term(node.args[0]):
            return None
        args = [plus_first(a) for a in node.args]
        plain = [a for a in args if not _negated_term(a)]
        if not plain:
            return None
        first = plain[0]
        return Add(first, *[a for a in args if a is not first], evaluate=False)

    return rebuild(expr, visit)


def _negated_term(term: Expr) -> bool:
    return term.could_extract_minus_sign()


def first_order(node: Basic) -> tuple[Expr, Symbol] | None:
    """(f, x) when node is a pending d/dx f (first order, one variable), else None."""
    if isinstance(node, Derivative) and len(node.variable_count) == 1:
        (x, n), = node.variable_count
        if n == 1:
            return node.expr, x
    return None


@lru_cache(maxsize=2**14)  # (each node once: the steps of a derivation share most of their parts)
def shape(expr: Basic) -> tuple:
    """The written structure of expr, blind to the order of terms and factors.

    Sums and products are flattened and compared as multisets (a factor 1 is no factor), so
    (e^x+1)(e^x+1), (e^x+1)^2 and e^{2x}+… all differ, while e^x(e^x+1) and (e^x+1)e^x agree.
    """
    if isinstance(expr, (Add, Mul)):
        flat = [a for a in flattened(expr) if not (isinstance(expr, Mul) and a == S.One)]
        if len(flat) == 1:
            return shape(flat[0])
        return (type(expr).__name__, tuple(sorted((shape(a) for a in flat), key=repr)))
    if not expr.args:
        return (type(expr).__name__, str(expr))
    return (getattr(expr.func, "__name__", type(expr).__name__), tuple(shape(a) for a in expr.args))


def flattened(expr: Basic) -> list[Basic]:
    """The terms of a sum or the factors of a product, nested sums' or products' spliced in."""
    out: list[Basic] = []
    for a in expr.args:
        out.extend(flattened(a) if isinstance(a, type(expr)) else [a])
    return out


def same_but_order(a: Basic, b: Basic) -> bool:
    """a and b differ at most in the order of the terms of sums and the factors of products (no
    flattening, no dropped ones: 1·sin²x is not sin²x here)."""
    if type(a) is not type(b) or len(a.args) != len(b.args):
        return False
    if not a.args:
        return a == b
    if isinstance(a, (Add, Mul)):
        rest = list(b.args)
        for arg in a.args:
            match = next((i for i, other in enumerate(rest) if same_but_order(arg, other)), None)
            if match is None:
                return False
            rest.pop(match)
        return True
    return all(same_but_order(x, y) for x, y in zip(a.args, b.args))


# The number of terms of a sum written without bounds (\sum_k e^{z_k}: over every class, however many):
# one symbol for the whole document, as an author's \sum_i and \sum_k range over the same set. Its
# assumptions differ from every symbol a reader makes (real), so no written name can become it.
ALL_TERMS = Symbol("all", integer=True, positive=True)
