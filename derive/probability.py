"""Expectation, variance and covariance as operators (never E times a bracket), and how a link between
them is judged: by moments.

E is linear: E[aX + b] = aE[X] + b, E[c] = c. Var(U) = E[U²] − E[U]², Cov(U, V) = E[UV] − E[U]E[V].
A side is written out as a polynomial in moments (E[X], E[X²], E[XY], … each an unknown number), and
two sides are equal when they are the same polynomial: Var(X) = E[X²] − E[X]² holds for every random
X, and Var(aX + b) = a²Var(X) for every a and b. Which symbols are random:
the capital letters inside an expectation (X, Y, X_i), else, where there is none, every Latin letter
inside one (and a guess it is: a difference is then undecided); Greek letters (μ, σ, θ) are parameters,
θ̂ (an estimator) random. The subscript of E_{x∼p} is read past, not used.
"""

from __future__ import annotations

from sympy import Add, Expr, Function, Indexed, IndexedBase, Mul, S, Symbol, expand, solve, sqrt

from derive.exprs import preorder, rebuild


def _raised(written: str, exp: str | None) -> str:
    """E[X]^{2}: SymPy's printer hands an operator its power's exponent to write (as it does for \\sin^{2})."""
    return written if exp is None else f"{written}^{{{exp}}}"


class Expectation(Function):
    """E[u]: unevaluated, as written."""

    nargs = 1

    def _latex(self, printer, exp=None) -> str:
        return _raised(rf"\mathbb{{E}}\left[{printer._print(self.args[0])}\right]", exp)

    def _sympystr(self, printer) -> str:
        return f"E[{printer._print(self.args[0])}]"


class Variance(Function):
    nargs = 1

    def _latex(self, printer, exp=None) -> str:
        return _raised(rf"\operatorname{{Var}}\left({printer._print(self.args[0])}\right)", exp)

    def _sympystr(self, printer) -> str:
        return f"Var({printer._print(self.args[0])})"


class Covariance(Function):
    nargs = 2

    def _latex(self, printer, exp=None) -> str:
        return _raised(rf"\operatorname{{Cov}}\left({printer._print(self.args[0])}, {printer._print(self.args[1])}\right)", exp)

    def _sympystr(self, printer) -> str:
        return f"Cov({printer._print(self.args[0])}, {printer._print(self.args[1])})"


OPERATORS = (Expectation, Variance, Covariance)
# how papers name them (\mathbb{E}, E, \operatorname{Var}, \mathbb{V}, \Cov): never a function to define
NAMES = {"E": Expectation, "V": Variance, "Var": Variance, "Cov": Covariance}


def has_moments(*exprs: Expr) -> bool:
    return any(e.has(*OPERATORS) for e in exprs)


def random_symbols(*exprs: Expr) -> frozenset:
    """The symbols the link's expectations average over (see the module's docstring)."""
    inside = averaged(*exprs)
    capitals = _capitals(inside)
    if capitals:  # and an estimator θ̂ beside them: random too, whatever letter it is
        return frozenset(capitals | {s for s in inside if _estimate(s)})
    return frozenset(s for s in inside if not _greek(s) or _estimate(s))


def _estimate(s: Symbol) -> bool:
    return s.name.partition("_")[0].endswith(("hat", "tilde"))


def as_random(a: Expr, b: Expr) -> tuple[Expr, Expr]:
    """a and b with the data x_i inside an expectation written X_i where the link writes X too: the
    observed x_i of an estimate λ̂ = n/Σ x_i are, under E, the random X_i the text averages over."""
    capitals = {str(t.base.label) for e in (a, b) for node in preorder(e) if isinstance(node, OPERATORS)
                for t in node.atoms(Indexed)} | {s.name.partition("_")[0] for s in _capitals(averaged(a, b))}
    capitals = {c for c in capitals if c[:1].isupper() and len(c) == 1}

    def inside(node):
        if isinstance(node, Indexed) and str(node.base.label).upper() in capitals and str(node.base.label).islower():
            return Indexed(IndexedBase(str(node.base.label).upper(), real=True), *node.indices)
        if isinstance(node, Symbol) and (parts := node.name.partition("_"))[0].upper() in capitals \
                and parts[0].islower() and len(parts[0]) == 1:
            return Symbol(parts[0].upper() + parts[1] + parts[2], **node.assumptions0)
        return None

    def visit(node):
        return node.func(*(rebuild(arg, inside) for arg in node.args)) if isinstance(node, OPERATORS) else None

    if not capitals:
        return a, b
    return rebuild(a, visit), rebuild(b, visit)


def opaque_moments(a: Expr, b: Expr, random: frozenset) -> bool:
    """Whether an expectation in a or b averages a function of random variables that is no polynomial
    (E[log p(X)], E[e^{tX}]): its moments are no powers of the variables, so only linearity relates them."""
    def opaque(inner: Expr) -> bool:
        varying = inner.exp if inner.is_Pow else inner if isinstance(inner, Function) and not isinstance(
            inner, OPERATORS) else S.Zero  # (E[(X − E X)²]: an expectation inside is a number)
        return bool(varying.free_symbols & random)

    return any(isinstance(node, OPERATORS) and any(opaque(inner) for inner in preorder(node.args[0]))
               for e in (a, b) for node in preorder(e))


def unrelated_estimates(difference: Expr) -> list[str]:
    """The estimators (θ̂, X̄) whose moments a difference keeps: the text did not write θ̂ in the other
    random variables (θ̂ = (K + 1)/(n + 2); "λ̂ = X̄" with X̄ never written out), so how its moments
    relate to theirs is not known."""
    return sorted({s.name for s in difference.free_symbols if s.name.startswith("E[") and any(
        mark in s.name for mark in ("hat", "tilde", "bar"))})


def guessed(*exprs: Expr) -> bool:
    """Whether the random symbols were guessed from lowercase letters (no capital inside an expectation):
    E[ax + b] may average over x alone, or over a and b too. A difference is then no verdict."""
    return not _capitals(averaged(*exprs))


def exchanged(a: Expr, b: Expr) -> bool:
    """Whether one side averages the data x_i and the other the random X_i of the same letter ("replacing
    the data by the random sample"): which of them E averages over, the text says only in words."""
    def letters(e: Expr) -> set[str]:  # (x[i] under E brings its base x among the symbols averaged)
        return {str(s.base.label) if isinstance(s, Indexed) else s.name.partition("_")[0] for s in averaged(e)}

    left, right = letters(a), letters(b)
    return any(len(c) == 1 and c.islower() and c.upper() in other
               for mine, other in ((left, right), (right, left)) for c in mine)


def averaged(*exprs: Expr) -> set[Symbol]:
    """The symbols inside an expectation, a variance or a covariance."""
    return {s for e in exprs for node in preorder(e) if isinstance(node, OPERATORS) for s in node.free_symbols}


def _capitals(symbols: set[Symbol]) -> set[Symbol]:
    """X, Y, X_i: the Latin capitals, which statistics writes for random variables."""
    return {s for s in symbols if s.name[:1].isupper() and s.name[:1].isascii() and not _greek(s)}


def _greek(s: Symbol) -> bool:
    """μ, σ, θ_0: a parameter (θ̂, an estimator, is random: see random_symbols)."""
    from derive.parse.names import GREEK, GREEK_CAPITALS

    base = s.name.partition("_")[0]
    for decoration in ("hat", "bar", "tilde", "vec", "bold"):
        base = base.removesuffix(decoration)
    return base in GREEK or base in GREEK_CAPITALS


def in_moments(expr: Expr, random: frozenset, iid: bool = False) -> Expr:
    """expr with every expectation, variance and covariance written as a polynomial in moments. iid: the
    random symbols X_1, X_2, … of one letter independent and alike (E[X_1 X_2] = E[X]², E[X_2²] = E[X²])."""
    if not expr.args:
        return expr
    args = [in_moments(a, random, iid) for a in expr.args]
    if isinstance(expr, Expectation):
        return _expected(args[0], random, iid)
    if isinstance(expr, Variance):
        u = args[0]
        return _expected(u ** 2, random, iid) - _expected(u, random, iid) ** 2
    if isinstance(expr, Covariance):
        u, v = args
        return _expected(u * v, random, iid) - _expected(u, random, iid) * _expected(v, random, iid)
    return expr.func(*args)


def _expected(u: Expr, random: frozenset, iid: bool = False) -> Expr:
    """E[u], u free of expectations: linear over the terms of u expanded, constants out of each term,
    the rest one moment (an unknown number named for what it averages)."""
    total = S.Zero
    for term in Add.make_args(expand(u)):
        constant, varying = [], []
        for factor in Mul.make_args(term):
            (varying if factor.free_symbols & random else constant).append(factor)
        if not varying:
            total += term
            continue
        if iid and all(f.as_base_exp()[0].is_Symbol for f in varying):
            # one moment per variable, each of its letter's law: E[X_1² X_2] = E[X²] E[X]
            total += Mul(*constant) * Mul(*(_moment(Symbol(b.name.partition("_")[0], real=True) ** e)
                                            for b, e in (f.as_base_exp() for f in varying)))
            continue
        total += Mul(*constant) * _moment(Mul(*varying))
    return total


def _moment(product: Expr) -> Symbol:
    """E[X²Y], as one real unknown; the same product always gives the same symbol."""
    return Symbol(f"E[{_canonical(product)}]", real=True)


def _canonical(product: Expr) -> str:
    # (sorted by the exponents' text: λ^{X_1} λ^{X_2} has symbolic ones, which compare to no truth value)
    factors = sorted(((str(b), e) for b, e in (f.as_base_exp() for f in Mul.make_args(product))),
                     key=lambda pair: (pair[0], str(pair[1])))
    return "*".join(b if e == 1 else f"({b})^{e}" for b, e in factors)


def conventional(expr: Expr) -> Expr:
    """μ_X as E[X] and σ_X as √Var(X): what statistics writes a capital's subscript on μ and σ for
    (a text that defines μ_X otherwise has it written out before this)."""
    def visit(node):
        if isinstance(node, Symbol) and node.name.count("_") == 1:
            base, sub = node.name.split("_")
            if len(sub) == 1 and sub.isupper() and sub.isascii() and base in ("mu", "sigma"):
                variable = Symbol(sub, real=True)
                return Expectation(variable) if base == "mu" else sqrt(Variance(variable))
        return None

    return rebuild(expr, visit)


def parameters_only(difference: Expr, *sides: Expr) -> bool:
    """Whether a difference in moments has a part with no moment in it but with a distribution's
    parameter, a Greek letter (σ_1² in E[(X − μ_1)²] − σ_1², 1/λ² in E[X²] − E[X]² − 1/λ²): the text
    relates moments to parameters (X ∼ N(μ_1, σ_1²)) in words that a comparison of moments cannot know;
    such a difference proves nothing. So does a Latin letter no expectation holds (np(1 − p) of
    Var(K) − np(1 − p), K binomial). A constant the expectations hold (b of E[aX + b] − aE[X], μ of
    E[X + μ] − E[X]), or one left where the moments cancel (b of aE[X] + b − aE[X]), is a slip."""
    terms = Add.make_args(expand(difference))
    free = [t for t in terms if not any(s.name.startswith("E[") for s in t.free_symbols)]
    if len(free) == len(terms):  # aE[X] + b against aE[X]: the moments cancel, a constant is left: a slip
        return False
    inside = averaged(*sides)
    return any(s not in inside for t in free for s in t.free_symbols)


def moment_fact(a: Expr, b: Expr) -> bool:
    """Whether a = b states a moment of random variables in parameters (E K = np, Var(K) = np(1 − p)):
    a fact of the distribution the text names, which later links may use."""
    side, value = (a, b) if isinstance(a, OPERATORS) else (b, a)
    if not isinstance(side, OPERATORS) or has_moments(value):
        return False
    random = _capitals(side.free_symbols)
    return bool(random) and random == side.free_symbols and not value.free_symbols & random


def with_facts(a: Expr, b: Expr, facts: list[tuple[Expr, Expr]]) -> tuple[Expr, Expr]:
    """a and b in moments, with the moments the facts state put in: E[K] = np, then E[K²] = np(1 − p)
    + (np)² from Var(K) = np(1 − p). A fact that leaves more than one moment unknown is not used."""
    random = random_symbols(a, b, *(side for fact in facts for side in fact))
    ma, mb = (in_moments(conventional(e), random) for e in (a, b))
    solved: dict[Symbol, Expr] = {}
    for left, right in facts:
        equation = (in_moments(left, random) - in_moments(right, random)).subs(solved)
        unknown = [s for s in equation.free_symbols if s.name.startswith("E[")]
        if len(unknown) == 1 and len(roots := solve(equation, unknown[0])) == 1:
            solved[unknown[0]] = roots[0]
    return ma.subs(solved), mb.subs(solved)