"""Vectors read entrywise, as an author checks them by hand: 𝐰ᵀ𝐱 is Σ_k w_k x_k, ‖𝐰‖² is Σ_k w_k²,
X𝐰 has entries Σ_k X_jk w_k, and a link between vectors (∇_𝐰 J = Xᵀ(X𝐰 − 𝐲) + λ𝐰) is checked at one
entry j of each side: ∂J/∂w_j = Σ_m X_mj (Σ_k X_mk w_k − y_m) + λ w_j.

A vector is a bold lowercase letter (\\mathbf{w}, \\boldsymbol\\theta: the symbols wbold, thetabold;
xbold_i for 𝐱_i, row i of X, and xboldsample_i for the sample 𝐱^{(i)}); its entries are the plain
letter's (w_j; x_ij of 𝐱_i; x_ji, that is x^{(i)}_j, of 𝐱^{(i)}), the convention of every text that
writes both. A matrix is a capital letter beside a vector (X𝐰, Xᵀ𝐯). Sums over the
entries run over every index (ALL_TERMS), as a sum without bounds does, so an instance gives every
dimension one size (square matrices): a check of those cases, never a false alarm. What cannot be read
entry by entry (an outer product 𝐬𝐬ᵀ, a power of a vector) is refused, never guessed.
"""

from __future__ import annotations

from sympy import Add, Derivative, Expr, Function, Indexed, IndexedBase, Integer, Mul, Pow, Product, Sum, Symbol, exp
from sympy.core.function import AppliedUndef

from derive.errors import ParseError
from derive.exprs import ALL_TERMS, preorder
from derive.indexing import terms_of
from derive.parse.names import canonical, make

_BOLD = "bold"
SAMPLE = "sample"  # xboldsample_i: the sample 𝐱^{(i)}, written with a superscript
# letters an entry or an inner sum is named by, in the order authors pick them
_LETTERS = "jkmlpqrstuv"
_SUMMED = "kmpqrstuvl"  # a sum's own letter: j is left for the entry a link is read at


class Transposed(Function):
    """uᵀ, Xᵀ as written: only a product gives it a meaning (a dot product, or Xᵀ times a vector)."""

    nargs = 1


class MatrixProduct(Function):
    """AB as written (the reader pairs matrices side by side): the order SymPy's product would lose."""

    nargs = 2


class Hadamard(Function):
    """𝐮 ⊙ 𝐯: the vector whose entry j is u_j v_j."""

    nargs = 2


class Softmax(Function):
    """softmax(𝐳), the vector whose entry j is e^{z_j} / Σ_k e^{z_k}."""

    nargs = 1


class VectorError(ParseError):
    """A vector expression derive does not read entry by entry."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "", 0)

    def __str__(self) -> str:
        return self.args[0]


def parts_of(symbol: Expr) -> tuple[str, str] | None:
    """(letter, sample) of a vector symbol: wbold → ('w', ''), xbold_i → ('x', 'i'), and the term
    xbold[i] of a sum over samples; None otherwise."""
    if isinstance(symbol, Indexed) and len(symbol.indices) == 1 and isinstance(symbol.indices[0], Symbol):
        name, sample = str(symbol.base.label), symbol.indices[0].name
    elif isinstance(symbol, Symbol):
        name, _, sample = symbol.name.partition("_")
    else:
        return None
    name = name.removesuffix(SAMPLE)
    if not name.endswith(_BOLD) or len(name) == len(_BOLD):
        return None
    letter = name[:-len(_BOLD)]
    if letter[:1].isupper() or (sample and not (sample.isascii() and sample.isalpha())):
        return None  # a bold capital is a matrix; 𝐱_2 is read elsewhere
    return letter, sample


# capitals that count things or name a loss, never a matrix beside a vector (N𝐰 is N times 𝐰)
_NOT_MATRICES = frozenset("CDEKLMNPTV")


def is_matrix(node: Expr) -> bool:
    """X, Xᵀ, 𝐗, and sums and products of them (XᵀX + λI): a matrix beside a vector."""
    if isinstance(node, Transposed):
        node = node.args[0]
    if isinstance(node, MatrixProduct):
        return True
    if isinstance(node, Symbol):
        base = node.name.removesuffix(_BOLD)
        return len(base) == 1 and base.isupper() and base not in _NOT_MATRICES
    if isinstance(node, (Add, Mul)) and not any(parts_of(a) is not None for a in preorder(node)):
        return any(is_matrix(a) for a in node.args) and (
            isinstance(node, Mul) or all(is_matrix(a) for a in node.args))
    return False


def matrix_entry(matrix: Expr, row: Symbol, column: Symbol, avoid: set[str]) -> Expr:
    """Entry (row, column) of a matrix expression: X_rc, (Xᵀ)_rc = X_cr, I_rc = δ_rc, (AB)_rc = Σ_m A_rm B_mc."""
    if isinstance(matrix, Transposed):
        return matrix_entry(matrix.args[0], column, row, avoid)
    if isinstance(matrix, Symbol):
        base = matrix.name.removesuffix(_BOLD)
        return make(f"delta_{row.name}{column.name}" if base == "I" else f"{base}_{row.name}{column.name}")
    if isinstance(matrix, Add):
        return Add(*(matrix_entry(a, row, column, avoid) for a in matrix.args))
    if isinstance(matrix, MatrixProduct):  # in the order written: (AB)_rc = Σ_m A_rm B_mc
        m = fresh(avoid | {row.name, column.name} | letters_in(matrix), _SUMMED)
        left, right = matrix.args
        return _summed(Mul(matrix_entry(left, row, m, avoid | {m.name}),
                           matrix_entry(right, m, column, avoid | {m.name})), m)
    factors = [a for a in matrix.args if is_matrix(a)]
    if len(factors) != 1:  # SymPy's product forgets the order AB was written in
        raise VectorError("a product of matrices derive cannot read in order")
    scalars = [a for a in matrix.args if not is_matrix(a)]
    return Mul(*scalars, matrix_entry(factors[0], row, column, avoid))


def is_vector(expr: Expr) -> bool:
    """Whether expr stands for a vector: a bold letter outside any call (f(𝐰) is a number), a
    gradient ∇_𝐰, or a transposed name left over."""
    if parts_of(expr) is not None or isinstance(expr, (Transposed, Softmax, Hadamard)):
        return True
    if type(expr).__name__ in _ENTRYWISE and len(expr.args) == 1:
        return is_vector(expr.args[0])  # σ(𝐦): the sigmoid of each entry
    if isinstance(expr, (AppliedUndef, Function)) and not isinstance(expr, MatrixProduct):
        return False  # f(𝐰) is a number
    if isinstance(expr, Derivative):
        return any(parts_of(v) is not None for v in expr.variables) or is_vector(expr.expr)
    return any(is_vector(a) for a in expr.args)


# the functions ML texts apply to a vector entry by entry (σ(𝐳), tanh(𝐡)); any other f(𝐰) is a number
_ENTRYWISE = frozenset({"sigmoid", "tanh", "exp", "log", "softplus", "relu"})


def fresh(avoid: set[str], letters: str = _LETTERS) -> Symbol:
    """An index letter not used in the expressions at hand."""
    for letter in letters:
        if letter not in avoid:
            return make(letter)
    raise VectorError("no free letter left to name an entry")


def letters_in(*exprs: Expr) -> set[str]:
    """Every letter a name in exprs uses, as itself or in a subscript (so a fresh index avoids them)."""
    found: set[str] = set()
    for e in exprs:
        for node in preorder(e):
            if isinstance(node, Symbol):
                found |= set(node.name.replace(_BOLD, ""))
    return found


def component(symbol: Expr, index: Symbol) -> Expr:
    """Entry index of a vector symbol: w_j of 𝐰, x_ji of 𝐱^{(i)} (x[j, i] where a sum runs over i)."""
    letter, sample = parts_of(symbol)
    if letter in ("0", "1"):  # 𝟏 and 𝟎: every entry is the number
        return Integer(letter)
    # 𝐱^{(i)} has the entries x^{(i)}_j, named x_ji; 𝐱_i (row i of X) has x_ij
    label = symbol.base.label if isinstance(symbol, Indexed) else symbol
    superscript = str(label).partition("_")[0].endswith(SAMPLE)
    if isinstance(symbol, Indexed):
        indices = (index, *symbol.indices) if superscript else (*symbol.indices, index)
        return Indexed(IndexedBase(letter, real=True), *indices)
    name = canonical(letter, f"{index.name}{sample}" if superscript else f"{sample}{index.name}")
    if name is None:
        raise VectorError(f"the entries of {symbol} have no name derive can make")
    return make(name)


def dot(u: Expr, v: Expr, avoid: set[str]) -> Expr:
    """uᵀv: Σ_k u_k v_k over every entry."""
    k = fresh(avoid | letters_in(u, v), _SUMMED)
    return _summed(Mul(entry(u, k, avoid | {k.name}), entry(v, k, avoid | {k.name})), k)


def norm_squared(v: Expr, avoid: set[str]) -> Expr:
    """‖v‖²: Σ_k v_k²."""
    k = fresh(avoid | letters_in(v), _SUMMED)
    return _summed(Pow(entry(v, k, avoid | {k.name}), 2), k)


def _summed(body: Expr, k: Symbol) -> Sum:
    """Σ_k body over every entry, its w_k the sum's terms w[k] (as \\sum_k w_k x_k is read)."""
    return Sum(terms_of(body, k), (k, 1, ALL_TERMS))


def entry(expr: Expr, index: Symbol, avoid: set[str] = frozenset()) -> Expr:
    """Entry index of expr (expr itself where it is a number, not a vector)."""
    if not is_vector(expr):
        return expr
    avoid = set(avoid) | {index.name}
    if parts_of(expr) is not None:
        return component(expr, index)
    if isinstance(expr, Softmax):
        k = fresh(avoid | letters_in(expr), _SUMMED)
        total = _summed(exp(entry(expr.args[0], k, avoid | {k.name}), evaluate=False), k)
        return exp(entry(expr.args[0], index, avoid), evaluate=False) / total
    if type(expr).__name__ in _ENTRYWISE:
        return expr.func(entry(expr.args[0], index, avoid))
    if isinstance(expr, Hadamard):
        return Mul(*(entry(a, index, avoid) for a in expr.args))
    if isinstance(expr, Add):
        return Add(*(entry(a, index, avoid) for a in expr.args))
    if isinstance(expr, Mul):
        return _product_entry(expr, index, avoid)
    if isinstance(expr, (Sum, Product)) and not is_vector(Add(*(lim for limit in expr.limits for lim in limit))):
        if any(v.name == index.name for v, _, _ in expr.limits):
            raise VectorError("an entry's index is also a sum's")
        return expr.func(entry(expr.function, index, avoid), *expr.limits)
    if isinstance(expr, Derivative) and not is_vector(expr.expr):
        variables = [(component(v, index) if parts_of(v) else v, n) for v, n in expr.variable_count]
        return Derivative(expr.expr, *variables)
    if isinstance(expr, Derivative):
        raise VectorError("the derivative of a vector by a vector (a Jacobian) is not read entrywise yet")
    if isinstance(expr, Pow):
        raise VectorError("a power of a vector: derive reads ‖𝐯‖² or 𝐯ᵀ𝐯, not 𝐯²")
    if isinstance(expr, Transposed):
        raise VectorError("a transposed vector outside a product (𝐮ᵀ𝐯) is a row, which derive does not read")
    raise VectorError(f"derive does not read {type(expr).__name__} of a vector entrywise")


def _product_entry(expr: Mul, index: Symbol, avoid: set[str]) -> Expr:
    """c·𝐯 → c v_j; X𝐯 → Σ_k X_jk v_k; Xᵀ𝐯 → Σ_k X_kj v_k (k a fresh letter)."""
    vectors = [f for f in expr.args if is_vector(f) and not is_matrix(f)]
    matrices = [f for f in expr.args if is_matrix(f)]
    scalars = [f for f in expr.args if f not in vectors and f not in matrices]
    if len(vectors) != 1 or len(matrices) > 1:
        raise VectorError("a product of several vectors: derive reads 𝐮ᵀ𝐯, 𝐮·𝐯 and ‖𝐯‖², not 𝐮𝐯ᵀ")
    (vector,) = vectors
    if not matrices:
        return Mul(*scalars, entry(vector, index, avoid))
    (matrix,) = matrices
    k = fresh(avoid | letters_in(expr), _SUMMED)
    element = matrix_entry(matrix, index, k, avoid | {k.name})
    return Mul(*scalars, _summed(Mul(element, entry(vector, k, avoid | {k.name})), k))
