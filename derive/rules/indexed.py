"""Rules for indexed variables and sums over an index, as papers on neural networks use them.

A variable z_j is one of a family z: z_i, z_1 and the terms z[k] of a sum over k are the same
variable when their indices are equal, so ∂z_k/∂z_j = δ_kj, never 0. Names follow derive.indexing: a
free index is part of a symbol's name (z_j, δ_ij), a term of a sum is z[k] (Indexed).

Calculus: the derivative of Σ_k f_k is Σ_k of the derivatives (the sum rule over an index), and
∂z_k/∂z_j = δ_kj. Algebra: Σ_k δ_kj f_k = f_j (the δ picks out k = j), and a factor free of k leaves
the sum. Each step is proved by derive.verify, which judges index claims by instances (K = 1 … 4,
the indices in every relation).
"""

from __future__ import annotations

from sympy import Add, Derivative, Dummy, Expr, Indexed, IndexedBase, Integer, Mul, S, Sum, Symbol, exp, expand_mul

from derive.errors import RuleError
from derive.exprs import add, mul, neg, preorder, rebuild
from derive.functions import softmax
from derive.indexing import member, term
from derive.render.printer import latex
from derive.rules.algebra import EverywhereRule
from derive.rules.base import AlgebraRule, CalculusRule

DELTA = "delta"


def _same_variable_possible(a: str, b: str) -> bool:
    """z_1 and z_2 are two variables; z_i and z_j, or z_i and z_2, may be one."""
    return a == b or not (a.isdigit() and b.isdigit())


def _arity(sub: str) -> int | None:
    """How many indices a subscript holds: one per letter (w_ij: 2), one for a single digit; None for
    several digits (z_10 is index 10 of a vector, w_12 may be entry (1, 2) of a matrix)."""
    if sub.isdigit():
        return 1 if len(sub) == 1 else None
    return len(sub)


def depends(f: Expr, x: Expr) -> bool:
    """f changes with x: it holds x, or, for a member z_j of a family, another member that may be z_j
    (z_i, z_k of a sum). Every rule asks this instead of f.has(x). RuleError where derive cannot tell
    how many indices a member has (w_12 beside w_ij), rather than call the two independent."""
    if f.has(x):
        return True
    family = member(x.name) if isinstance(x, Symbol) else None
    if family is None:
        return False
    base, index = family
    for node in preorder(f):
        if isinstance(node, Indexed) and str(node.base.label) == base:
            theirs = len(node.indices)
        elif isinstance(node, Symbol) and (other := member(node.name)) and other[0] == base:
            if not _same_variable_possible(other[1], index):
                continue  # z_1 and z_2
            theirs = _arity(other[1])
        else:
            continue
        mine = _arity(index)
        # a number of several digits beside members of one index is one number (z_10 beside z_k)
        mine, theirs = mine or (1 if theirs == 1 else None), theirs or (1 if mine == 1 else None)
        if mine is None or theirs is None:
            raise RuleError(f"derive cannot tell how many indices {x.name} has beside the {base}'s of the "
                            f"expression: write its indices apart, as {base}_{{1,2}}")
        if mine != theirs:
            raise RuleError(f"{x.name} and the {base}'s of the expression have different numbers of indices")
        return True
    return False


def _delta(a: Expr, b: Expr, summed: bool) -> Expr:
    """δ between two indices: a number where both are numbers; δ[k, j] for a term of a sum (its k
    bound there), else the name δ_ij."""
    if a.is_Integer and b.is_Integer:
        return Integer(a == b)
    if a == b:
        return S.One
    if not summed and all(isinstance(i, Symbol) and len(i.name) == 1 for i in (a, b)):
        return Symbol(f"{DELTA}_{a.name}{b.name}", real=True)
    return Indexed(IndexedBase(DELTA, real=True), a, b)


def _indices(node: Expr) -> tuple[Expr, ...]:
    if isinstance(node, Indexed):
        return tuple(node.indices)
    sub = member(node.name)[1]
    return (Integer(sub),) if sub.isdigit() else tuple(Symbol(c, real=True) for c in sub)


class SumOverIndexRule(CalculusRule):
    name = "sum rule"
    sentence = r"The derivative of a sum over an index is the sum of the derivatives: $\frac{\partial}{\partial x} \sum_k f_k = \sum_k \frac{\partial f_k}{\partial x}$."

    def matches(self, f, x):
        return isinstance(f, Sum) and depends(f, x)

    def apply(self, f, x):
        return Sum(Derivative(f.function, x), *f.limits)


class IndexedVariableRule(CalculusRule):
    """∂z_k/∂z_j = δ_kj: one variable when k = j, two when not."""

    name = "index rule"
    sentence = r"$\frac{\partial z_k}{\partial z_j} = \delta_{kj}$: 1 where the indices are equal, 0 where not."

    def matches(self, f, x):
        if f == x or not isinstance(x, Symbol) or member(x.name) is None:
            return False
        if isinstance(f, Indexed):
            return depends(f, x)
        return isinstance(f, Symbol) and member(f.name) is not None and depends(f, x)

    def apply(self, f, x):
        if len(_indices(f)) != len(_indices(x)):
            raise RuleError(f"{x} and {f} have different numbers of indices")
        deltas = [_delta(a, b, isinstance(f, Indexed)) for a, b in zip(_indices(f), _indices(x)) if a != b]
        return mul(*deltas) if deltas else S.One


def _delta_at(factor: Expr, k: Symbol) -> Expr | None:
    """j of δ[k, j] or δ[j, k] (j not k), else None."""
    if isinstance(factor, Indexed) and str(factor.base.label) == DELTA and len(factor.indices) == 2:
        a, b = factor.indices
        if a == k and b != k and not b.has(k):
            return b
        if b == k and a != k and not a.has(k):
            return a
    return None


def at_index(expr: Expr, k: Symbol, j: Expr) -> Expr:
    """expr with the summed index k made j: the terms z[k] become the member z_j (z[j] where j is
    not a letter); a sum inside that binds a k of its own keeps it."""
    def visit(node):
        if isinstance(node, Sum) and any(v == k for v, _, _ in node.limits):
            return node
        if isinstance(node, Indexed) and k in node.indices:
            indices = [j if i == k else i for i in node.indices]
            if all(isinstance(i, Symbol) and len(i.name) == 1 for i in indices):
                return Symbol(f"{node.base.label}_{''.join(i.name for i in indices)}", real=True)
            if all(i.is_Integer for i in indices):  # z[2]: the member z_2, as the reader names it
                return term(str(node.base.label), tuple(int(i) for i in indices))
            return Indexed(node.base, *indices)
        if node == k:
            return j
        return None

    return rebuild(expr, visit)


class SoftmaxRule(CalculusRule):
    """∂s_k/∂z_j = s_k(δ_kj − s_j), for s = softmax(z): the Jacobian, as a rule of its own once derived."""

    name = "softmax derivative"
    sentence = r"$\frac{\partial s_k}{\partial z_j} = s_k (\delta_{kj} - s_j)$."

    def matches(self, f, x):  # (every s_k depends on every z_j, through the normaliser Σ_m e^{z_m})
        return isinstance(f, softmax) and isinstance(x, Symbol) and member(x.name) is not None \
            and depends(f.args[1], x)

    def apply(self, f, x):
        delta = IndexedVariableRule().apply(f.args[0], x) if f.args[0] != x else S.One
        return mul(f, add(delta, neg(softmax(x, f.args[1]))))


def _has_delta(expr: Expr) -> bool:
    return any(isinstance(n, Indexed) and str(n.base.label) == DELTA for n in preorder(expr))


class SplitSum(AlgebraRule):
    """Σ_k (a_k + δ_kj b_k) = Σ_k a_k + Σ_k δ_kj b_k: only where a δ stands in the sum, so that it can
    pick out its term next."""

    name = "split the sum"

    def transform(self, node):
        if not isinstance(node, Sum) or len(node.limits) != 1 or not _has_delta(node.function):
            return None
        terms = Add.make_args(expand_mul(node.function))
        if len(terms) < 2:
            return None
        return add(*(Sum(t, *node.limits) for t in terms))

    def note(self):
        return r"$\sum_k (a_k + b_k) = \sum_k a_k + \sum_k b_k$"


class CollapseDelta(AlgebraRule):
    name = "the delta picks out one term"

    def transform(self, node):
        if not isinstance(node, Sum) or len(node.limits) != 1:
            return None
        k = node.limits[0][0]
        factors = list(Mul.make_args(node.function))
        for i, factor in enumerate(factors):
            j = _delta_at(factor, k)
            if j is not None:
                rest = factors[:i] + factors[i + 1:]
                return at_index(mul(*rest) if rest else S.One, k, j)
        return None

    def note(self):
        return r"$\sum_k \delta_{kj} f_k = f_j$"


class ConstantOutOfSum(AlgebraRule):
    name = "constant factor out of the sum"

    def transform(self, node):
        if not isinstance(node, Sum):
            return None
        bound = {v for v, _, _ in node.limits}
        factors = list(Mul.make_args(node.function))
        constant = [f for f in factors if not (f.free_symbols & bound)]
        varying = [f for f in factors if f.free_symbols & bound]
        if not constant or not varying:
            return None
        return mul(*constant, Sum(mul(*varying), *node.limits))

    def note(self):
        return r"a factor free of the index leaves the sum"


def normaliser_of(expr: Expr) -> Sum | None:
    """Σ_k e^{z_k} in expr (the first met): the sum a softmax divides by."""
    for node in preorder(expr):
        if isinstance(node, Sum) and len(node.limits) == 1 and isinstance(node.function, exp) \
                and isinstance(node.function.args[0], Indexed) and node.function.args[0].indices == (node.limits[0][0],):
            return node
    return None


class InSoftmaxTerms(EverywhereRule):
    """e^{z_a} = s_a Σ_k e^{z_k}: every exponential of a member of the family the normaliser sums,
    written as its softmax term times the normaliser (then the normalisers cancel)."""

    def __init__(self, normaliser: Sum) -> None:
        self.normaliser = normaliser
        self.family = str(normaliser.function.args[0].base.label)
        self.name = "write each e^{z_a} as s_a times the sum"

    def rewrite(self, expr):
        # the normaliser itself stays: stand it aside while the rest is rewritten
        hidden = Dummy("N")
        new = super().rewrite(expr.xreplace({self.normaliser: hidden}))
        return None if new is None else new.xreplace({hidden: self.normaliser})

    def transform(self, node):
        if isinstance(node, exp) and self._member(node.args[0]):
            return mul(softmax(node.args[0], self.normaliser), self.normaliser)
        return None

    def _member(self, arg: Expr) -> bool:
        if isinstance(arg, Indexed):
            return str(arg.base.label) == self.family and len(arg.indices) == 1
        return isinstance(arg, Symbol) and (m := member(arg.name)) is not None and m[0] == self.family \
            and len(m[1]) == 1

    def note(self):
        k = self.normaliser.limits[0][0]
        return rf"write $e^{{z_a}} = s_a \sum_{{{latex(k)}}} e^{{z_{{{latex(k)}}}}}$"
