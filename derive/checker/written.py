"""What a document defines, written into an expression: y, where the text said y = u^{3} and u = x^2 + 1,
is (x^2 + 1)^3; ℓ(a, b) is ℓ's body at a, b; s_j is s_i's definition for j; a vector's entries its own.
And what is left unknown stays unknown: dy/dx of a y nobody defined depends on x, never 0."""

from __future__ import annotations

import re

from sympy import Derivative, Expr, Function, Indexed, IndexedBase, Limit, Product, Subs, Sum, Symbol
from sympy.concrete.expr_with_limits import ExprWithLimits
from sympy.core.function import AppliedUndef

from derive.checker.definitions import Definitions
from derive.errors import LimitError, ParseError
from derive.exprs import ALL_TERMS, preorder, rebuild, remake, root_of_square
from derive.functions import DefinedFunction
from derive.indexing import PLACEHOLDER, TermsAt, member, relabel, split, terms_of
from derive.parse import names, parse
from derive.parse.limits import DEFAULT
from derive.render.printer import text as plain
from derive.vectors import entry, fresh, letters_in, parts_of


def dependent(node: Expr) -> Expr | None:
    """dy/dx of a y the document never defined: y is a function of x (unknown), not a constant whose
    derivative is 0, which would turn a correct dy/dx = 2x into a false alarm."""
    if _same_family(node):
        return None  # ∂z_i/∂z_j, ∂z_k/∂z_j: one variable where the indices agree (δ_ij), judged by instances
    if isinstance(node, Derivative) and node.expr.is_Symbol and len(node.variable_count) == 1:
        (x, n), = node.variable_count
        if node.expr != x:
            return Derivative(Function(node.expr.name)(x), (x, n))
    if isinstance(node, Derivative) and node.expr.is_Symbol and node.expr not in node.variables:
        # ∂²ℓ/∂μ∂σ of an ℓ nobody defined: a function of both, its mixed derivative unknown, never 0
        return Derivative(Function(node.expr.name)(*dict.fromkeys(node.variables)), *node.variable_count)
    if isinstance(node, Derivative) and len(node.variable_count) == 1 and node.expr.free_symbols \
            and not node.expr.has(AppliedUndef, Indexed) and not (node.expr.free_symbols & set(node.variables)) \
            and not (split(node.variables[0].name) and _mentions(node.expr, node.variables[0])):
        # (∂e^{x_j}/∂x_k is an index claim, judged by instances; ∂L/∂u_j of an L with no u in it is this)
        # ∂(ln L)/∂μ of an L the text never wrote out: L depends on μ (else nobody differentiates it)
        (x, n), = node.variable_count
        return Derivative(node.expr.xreplace({s: Function(s.name)(x) for s in node.expr.free_symbols
                                              if s.is_Symbol}), (x, n))
    if isinstance(node, Derivative) and len(node.variable_count) == 1 and (vector := _of_vector(node)):
        # ∂f(θ)/∂θ_j of an unknown f of the vector θ: f depends on θ_j, its derivative is unknown, not 0
        (x, n), = node.variable_count
        return Derivative(node.expr.xreplace({f: f.func(*f.args, x) for f in vector}), (x, n))
    if isinstance(node, Derivative) and len(node.variable_count) == 1 and node.expr.has(Indexed, AppliedUndef) \
            and not _mentions(node.expr, node.variables[0]):
        # ∂/∂w_j of (1/n) Σ_i ℓ_i, or of Σ_i L(ŷ_i, y_i), where ℓ_i and L were defined in words: they
        # depend on w_j (else nobody differentiates them), their derivative is unknown, not 0
        (x, n), = node.variable_count
        unknown = node.expr.replace(lambda t: isinstance(t, AppliedUndef), lambda t: t.func(*t.args, x))
        return Derivative(unknown.replace(lambda t: isinstance(t, Indexed),
                                          lambda t: Function(str(t.base.label))(*t.indices, x)), (x, n))
    if isinstance(node, Derivative) and isinstance(node.expr, Indexed):  # ∂ℓ_i/∂w of a term ℓ_i
        term = node.expr
        return Derivative(Function(str(term.base.label))(*term.indices, *node.variables), *node.variable_count)
    return None


def _same_family(node: Expr) -> bool:
    """∂z_i/∂z_j or ∂z_k/∂z_j (z_k a term of a sum): two members of one family of variables."""
    if not (isinstance(node, Derivative) and len(node.variable_count) == 1 and isinstance(node.variables[0], Symbol)):
        return False
    x, body = member(node.variables[0].name), node.expr
    if x is None:
        return False
    if isinstance(body, Indexed):
        return str(body.base.label) == x[0] and len(body.indices) == len(x[1])
    other = member(body.name) if isinstance(body, Symbol) else None
    return other is not None and other[0] == x[0] and len(other[1]) == len(x[1])


def _mentions(expr: Expr, variable: Expr) -> bool:
    """Whether expr has variable or a name of its letter (w_k, w[k] for w_j; x for x)."""
    letter = variable.name.partition("_")[0] if isinstance(variable, Symbol) and "_" in variable.name else \
        str(variable.base.label) if isinstance(variable, Indexed) else None  # ∂/∂x_j inside Σ_j: x[j]
    return variable in expr.free_symbols or (letter is not None and (
        any(str(t.base.label) == letter for t in expr.atoms(Indexed))
        or any(s.name.partition("_")[0] == letter for s in expr.free_symbols)))  # (a defined h_θ's θ_0 too)


def _of_vector(node: Derivative) -> list:
    """The unknown functions in node's expression called with the vector whose component node's
    variable is (f(\\boldsymbol\\theta) under ∂/∂θ_j)."""
    x = node.variables[0]
    parts = split(x.name) if isinstance(x, Symbol) else None
    if parts is None:
        return []
    return [f for f in node.expr.atoms(AppliedUndef) if x not in f.args
            and any(isinstance(a, Symbol) and a.name == f"{parts[0]}bold" for a in f.args)]


def undefined_names(exprs: list[Expr | None]) -> list[str]:
    """The names a chain uses without a definition: unknown functions, and dy/dx of an unknown y."""
    names = {type(n).__name__ for e in exprs if e is not None for n in preorder(e) if isinstance(n, AppliedUndef)}
    return sorted(names)


def read(source: str, variable: str, known: Definitions) -> Expr:
    return written_out(parse(source, reader="latex", variable=variable, functions=known.functions), variable, known)


def written_out(expr: Expr, variable: str, known: Definitions, at: Symbol | None = None,
              declared: bool = False, upstream: dict[Symbol, str] | None = None) -> Expr:
    """expr with the document's definitions written out (and its entry at, for a vector). declared: the
    chain names its variable (∂/∂a_k), whose family a[k] then stays as itself on every line. upstream:
    L → o, a loss nobody wrote out taken to depend on everything through o (see Writer.through_upstream)."""
    if at is not None:  # a vector the text defined (𝐠 = Xᵀ𝐫) is written out before its entry is taken
        expr = entry(substituted(expr, known, variable, declared, upstream), at)
    return rebuild(substituted(expr, known, variable, declared, upstream), dependent)



def substituted(expr: Expr, known: Definitions, variable: str, declared: bool = False,
                upstream: dict[Symbol, str] | None = None) -> Expr:
    """Every name the document defined, written out: y, where it said y = u^{3} and u = x^2 + 1, is
    (x^2 + 1)^3 for d/dx. Inside d/du the variable u stays itself, and the derivative is then taken
    at u = x^2 + 1 (the chain rule's dy/du · du/dx, written in Leibniz's notation).

    Written out completely or not at all: a half-substituted expression would be compared as if it
    were whole. LimitError (the link is undecided) when the definitions written out pass the node
    limit or refer to each other in a circle (s = ln σ and σ = e^s, where neither is the variable)."""
    writer = Writer.of(known, upstream)
    family = _family_of(variable)
    if declared and family:  # δ_k = ∂L/∂a_k = (ŷ − y) v_k h_k (1 − h_k): every a_m stays a_m
        writer.differentiating = frozenset({family})
    return writer.out(expr, frozenset({names.make(variable)}), ())


def _family_of(variable: str) -> str | None:
    """a of a_k, and z of z_2 (∂/∂z_2 is by a member of the z's too, which split() leaves out)."""
    if parts := split(variable):
        return parts[0]
    m = re.fullmatch(r"([A-Za-z]+)_(\d+)", variable)
    return m.group(1) if m else None


class Writer:
    def __init__(self, symbols: dict[Symbol, Expr], calls: dict[str, tuple] | None = None,
                 upstream: dict[Symbol, str] | None = None, conditional: set[str] = frozenset()) -> None:
        self.symbols, self.calls, self.nodes = symbols, calls or {}, 0
        self.conditional = conditional  # p of p(D | θ) = …: p(k | D) is another law (see called)
        self.differentiating: frozenset = frozenset()  # the families (p of ∂/∂p_k) a derivative here is by
        self.upstream = upstream or {}  # L → o: a loss never written out, taken through o (a backward pass)

    @classmethod
    def of(cls, known: Definitions, upstream: dict[Symbol, str] | None = None) -> Writer:
        """The writer of a text's definitions as they stand at one place."""
        return cls(known.symbols, known.calls, upstream, known.conditional)

    def value_of(self, name: Symbol) -> Expr | None:
        """name's definition: its own, or an indexed one's for another index (s_i = … gives s_j, s_2)."""
        if name in self.symbols:
            return self.symbols[name]
        base, _, sub = name.name.partition("_")
        if not sub or not (sub.isalpha() or (sub.isdigit() and len(sub) == 1)):
            return None
        vector = self.symbols.get(names.make(f"{base}bold"))
        if vector is not None and len(sub) == 1 and sub.isalpha():  # r_k of a vector 𝐫 = X𝐰 − 𝐲
            return entry(vector, names.make(sub))
        for defined, value in self.symbols.items():
            parts = split(defined.name)
            if parts and parts[0] == base and len(parts[1]) == len(sub) and len(set(parts[1])) == len(sub) \
                    and all(letter in _indices_in(value) for letter in parts[1]):
                return relabel(value, dict(zip(parts[1], sub)))
        return None

    def called(self, call: AppliedUndef) -> Expr | None:
        """ℓ(a, b) where the text defined ℓ(μ, σ) = body: body at μ = a, σ = b (at once, not in turn)."""
        name = type(call).__name__
        parameters = self.calls.get(name)
        value = self.symbols.get(names.make(name))
        args = call.args
        subscript = set(name.partition("_")[2].split("_")) if "_" in name else set()
        if parameters is not None and len(args) > len(parameters) and all(  # f_τ(θ, τ): the reader adds
                a.is_Symbol and a.name in subscript for a in args[len(parameters):]):  # the subscript's τ
            args = args[:len(parameters)]
        if parameters is None and value is not None and len(args) == 1:
            if any(type(f).__name__ == name for f in value.atoms(AppliedUndef)):
                return None  # "$\hat{f} = \hat{f}(x)$": the name for the call, not a definition of it
            return self._quantity_at(value, args[0])
        if parameters is None or value is None or len(parameters) != len(args):
            return None
        parameters, args = zip(*map(_bound, parameters, args))
        if name in self.conditional and any(isinstance(a, Symbol) and names.letter_of(a) != names.letter_of(p) and not self._reparametrised(p, a)
                                            for p, a in zip(parameters, args)):
            return None  # p(k | D), p(D, k) after p(D | θ) = …: the predictive, the joint; other laws, unknown
        for parameter, arg in zip(parameters, args):  # LSE(𝐱 − c𝟏): each entry x_i is x_i − c
            if parts_of(parameter) is not None and isinstance(arg, Symbol) and parts_of(arg) is None:
                # J(w) after J(𝐰) = …: "with d = 1, write w for w_1" says in words how w stands for 𝐰
                raise ParseError(f"{name} is a function of the vector {plain(parameter)}; at the number "
                                 f"{plain(arg)}, the text renames its entries in words")
            if parts_of(parameter) is not None and arg != parameter:
                value = _at_vector(value, parameter, arg)
            elif isinstance(arg, Symbol) and (parts := split(arg.name)):  # H(a, b) = −Σ_k a_k log b_k at
                value = _at_row(value, parameter, *parts)  # δ_y: its entries a_k are δ_yk (x_i's, x_ik)
        # p(y | η) after p(y | λ) = … and η = log λ: the same quantity in the parameter η, not p at λ = η
        return value.xreplace({p: a for p, a in zip(parameters, args)
                               if parts_of(p) is None and not self._reparametrised(p, a)})

    def through_upstream(self, derivative: Derivative) -> Expr | None:
        """∂L/∂v of a loss L the text never writes out, but whose gradient by o it names (g_r = ∂L/∂o_r,
        the upstream gradient of a backward pass): L depends on v through o, so ∂L/∂v = Σ_r g_r ∂o_r/∂v,
        with o_r written out; ∂L/∂o_m itself is the unknown g_m. None for any other derivative."""
        loss = derivative.expr
        if loss not in self.upstream or len(derivative.variable_count) != 1 or self.value_of(loss) is not None:
            return None
        (v, n), = derivative.variable_count
        if n != 1:
            return None
        o = self.upstream[loss]
        if base_of(v) == o:
            return _gradient(loss, v)
        family = next((split(d.name)[1] for d in self.symbols if (parts := split(d.name)) and parts[0] == o
                       and len(parts[1]) == 1), None)
        if family is None:  # o scalar: ∂L/∂v = ∂L/∂o · ∂o/∂v
            return _gradient(loss, names.make(o)) * Derivative(names.make(o), v) \
                if names.make(o) in self.symbols else None
        definition = self.value_of(names.make(f"{o}_{family}"))
        m = fresh(letters_in(derivative, definition) | {family}, "mpqrstuvkl")  # the sum's own letter
        term = Indexed(IndexedBase(o, real=True), m)
        return Sum(_gradient(loss, term) * Derivative(term, v), (m, 1, ALL_TERMS))

    def _quantity_at(self, value: Expr, arg: Expr) -> Expr | None:
        """u'(x) where the text defined u = √(2/π)(x + 0.044715x³): u(x) is that quantity, u(t) it at t
        (where it has one variable to put t in); None where it has several."""
        if arg in value.free_symbols:
            return value
        free = [s for s in value.free_symbols if self.value_of(s) is None]
        return value.xreplace({free[0]: arg}) if len(free) == 1 else None

    def _reparametrised(self, parameter: Symbol, arg: Expr) -> bool:
        """Whether arg is a name the text defined through parameter, or parameter one through arg."""
        if not isinstance(arg, Symbol) or arg == parameter:
            return False
        there, back = self.value_of(arg), self.value_of(parameter)
        return (there is not None and parameter in there.free_symbols) or (
            back is not None and arg in back.free_symbols)

    def term_value(self, term: Indexed) -> Expr | None:
        """s[i] in a sum over i, where the text defined s_j: s_j's value for i, its z_i the sum's terms."""
        letters = "".join(str(i) for i in term.indices)
        if not (letters.isalpha() and letters.isascii()):
            return None
        if len(term.indices) == 1 and len(letters) > 1:  # s[ℓ] of \sum_\ell e^{s_\ell}, s_j defined: its
            # terms would stay unknowns beside the definition put in at j (Σ_j a_j = 1 made wrong)
            if any(self.value_of(names.make(f"{term.base.label}_{k}")) is not None for k in "ijk"):
                raise ParseError(f"{term.base.label}_{letters} is a term over {letters} of a family the text "
                                 f"defines at one letter, which derive does not put in at an index named {letters}")
            return None
        value = self.value_of(names.make(f"{term.base.label}_{letters}"))
        if value is None:
            return None
        for index in term.indices:
            value = terms_of(value, index)
        return value

    def family(self, variable: Expr) -> Expr | None:
        """The definition of the family a variable p_k (or a term p[k]) belongs to, at the index
        PLACEHOLDER; None where the text defined no p_i."""
        if isinstance(variable, Indexed) and len(variable.indices) == 1 and isinstance(variable.indices[0], Symbol):
            letter = variable.indices[0].name
        elif isinstance(variable, Symbol) and (parts := split(variable.name)) and len(parts[1]) == 1:
            letter = parts[1]
        else:
            return None
        value = self.value_of(names.make(f"{base_of(variable)}_{letter}"))
        return None if value is None else relabel(value, {letter: PLACEHOLDER})

    def out(self, expr: Expr, keep: frozenset, using: tuple) -> Expr:
        self.nodes += 1
        if self.nodes > DEFAULT.max_nodes:
            raise LimitError(f"with its definitions written out, the expression has more than "
                             f"{DEFAULT.max_nodes} parts")
        if isinstance(expr, Indexed) and str(expr.base.label) in self.differentiating:
            return expr  # Σ_k y_k log p_k under ∂/∂p_k: the p's are the variables, not their definitions
        if expr.is_Symbol and expr.name.partition("_")[2] and expr.name.partition("_")[0] in self.differentiating:
            return expr  # (a_j, a_2, and the a_ι of a family's definition, h_ι = tanh(a_ι), alike)
        if isinstance(expr, Indexed):  # a term x[i]: its own definition (s_i's), never its base's (s's)
            value = self.term_value(expr)
            if value is None:
                return expr
            family = names.make(f"{expr.base.label}_")  # (v_j = ln σ_j², σ_j² = e^{v_j}: a circle)
            if family in using:
                raise LimitError("the definitions refer to each other in a circle")
            return self.out(value, keep, using + (family,))
        if isinstance(expr, AppliedUndef) and (value := self.called(expr)) is not None:
            return self.out(value, keep, using)
        if isinstance(expr, DefinedFunction) and not expr.args[0].is_Symbol and _entries_of(expr.body, expr.variable):
            # LSE(z) = log Σ_j e^{z_j} at −βE or z + c𝟏: which plain letters are vectors the text says in words
            # (z_k = −βE_k); put in whole, −β took E's index and 𝟏 stayed a name (two false alarms)
            raise _at_entries(expr)
        if isinstance(expr, DefinedFunction) and expr.args[0] != expr.variable \
                and expr.variable not in expr.body.free_symbols:
            # J(θ⁰) after J(θ) = −(1/n) Σ_i [y_i log h_i + …] and h_i = σ(θᵀx_i): θ stands in J only through
            # h_i, so the body is written out before the argument goes in (J(θ⁰) had been read as J(θ))
            body = self.out(expr.body, keep | {expr.variable}, using)
            if not expr.args[0].is_Symbol and _entries_of(body, expr.variable):
                raise _at_entries(expr)
            return self.out(expr.written_at(body), keep, using)
        if isinstance(expr, DefinedFunction) and (_sums_in(expr) or any(
                s not in keep and self.value_of(s) is not None for s in expr.body.free_symbols - {expr.variable})):
            # L(p) = \prod_i …: written out, so that its sum is judged by instances, not by simplify;
            # ℓ(p) = k ln p + … with k = Σ x_i: written out, so that its k is the text's k
            variable = expr.variable
            carried = {s for s in expr.body.free_symbols if s.name.partition("_")[2] == variable.name
                       and s not in keep and self.value_of(s) is not None}
            if carried:  # MSE(λ) = E[(β̂_λ − β)²]: β̂_λ's definition, in λ, first; then λ is set (MSE(0)
                # had been MSE(λ): the λ of β̂_λ's definition came in after the argument was put in)
                body = expr.body.xreplace({s: self.out(s, keep | {variable}, using) for s in carried})
                return self.out(expr.written_at(body), keep, using)
            return self.out(expr.body_at(expr.args[0]), keep, using)
        if expr.is_Symbol and expr not in keep and (value := self.value_of(expr)) is not None:
            if expr in using:  # s = ln σ, σ = e^s: no way round it is right for every text (a link is
                raise LimitError("the definitions refer to each other in a circle")  # undecided)
            return self.out(value, keep, using + (expr,))
        if isinstance(expr, Derivative) and (through := self.through_upstream(expr)) is not None:
            return self.out(through, keep, using)
        if isinstance(expr, Derivative):
            variables = frozenset(v for v, _ in expr.variable_count)
            outer = self.differentiating
            self.differentiating = outer | {base_of(v) for v in variables}
            try:
                inner = self.out(expr.expr, keep | variables, using)
            finally:
                self.differentiating = outer
            written = Derivative(inner, *expr.variable_count)
            for v in variables - keep:  # dy/du at u = u(x)
                if base_of(v) not in outer and (family := self.family(v)) is not None:
                    # ∂L/∂p_k, p_k = e^{z_k}/Σ e^{z}: taken in the p's, then every p_m put back
                    written = TermsAt(written, names.make(base_of(v)), self.out(family, keep, using))
                elif v in self.symbols or self.value_of(v) is not None:  # (h_2 of a family h_t too)
                    written = Subs(written, v, self.out(v, keep, using))
            return written
        if not expr.args:
            return expr
        if isinstance(expr, ExprWithLimits):  # the index of a sum or an integral's variable is its own,
            keep = keep | {limit[0] for limit in expr.limits}  # whatever the text defined
        if isinstance(expr, Limit):  # lim_{r → ∞}: r is the limit's own, whatever the text defined (r = y − wx)
            body, variable, point, side = expr.args
            return Limit(self.out(body, keep | {variable}, using), variable, self.out(point, keep, using), str(side))
        if isinstance(expr, Subs):  # θ̂|_{α = β = 2}: α and β are the names set, whatever else they are
            inner = self.out(expr.expr, keep | set(expr.variables), using)
            return Subs(inner, expr.variables, tuple(self.out(p, keep, using) for p in expr.point))
        args = [self.out(a, keep, using) for a in expr.args]
        if all(a is b for a, b in zip(args, expr.args)):
            return expr
        if isinstance(expr, Sum):  # Σ_i ℓ_i(𝐰) with ℓ_i's y_i written out: the sum's terms y[i]
            body = args[0]
            for index, *_ in expr.limits:
                body = terms_of(body, index)
            args[0] = body
        return remake(expr, args)


def _bound(parameter: Expr, arg: Expr) -> tuple[Expr, Expr]:
    """(symbol, value) a call binds: for ℓ(μ, σ²) = … at σ̂², σ is σ̂ (a spread is positive); at v, √v."""
    if parameter.is_Pow:
        return parameter.base, root_of_square(arg)
    return parameter, arg


def _at_vector(value: Expr, parameter: Symbol, arg: Expr) -> Expr:
    """value, written in the entries x[i] (and x_j) of the vector parameter 𝐱, at the vector arg."""
    letter = parts_of(parameter)[0]

    def visit(node):
        if isinstance(node, Indexed) and str(node.base.label) == letter and len(node.indices) == 1:
            return terms_of(entry(arg, node.indices[0]), node.indices[0])  # a term of the sum it stands in
        if isinstance(node, Symbol) and (parts := split(node.name)) and parts[0] == letter and len(parts[1]) == 1:
            return entry(arg, names.make(parts[1]))
        return None

    return rebuild(value, visit)


def _at_row(value: Expr, parameter: Symbol, base: str, sub: str) -> Expr:
    """value with the entries a[k] of a parameter a made the entries of the indexed name base_sub
    passed for it: δ_y's k-th entry is δ_yk, x_i's k-th x_ik (a row)."""
    def visit(node):
        if isinstance(node, Indexed) and node.base.label == parameter:
            return Indexed(IndexedBase(base, real=True), *(names.make(c) for c in sub), *node.indices)
        return None

    return rebuild(value, visit)


def _at_entries(call: DefinedFunction) -> ParseError:
    """Why a function of a vector's entries is not read at an argument that is no plain letter."""
    return ParseError(f"{type(call).__name__} is a function of the entries of {plain(call.variable)}; at "
                      f"{plain(call.args[0])}, derive cannot tell which letters are vectors")


def _entries_of(value: Expr, parameter: Expr) -> bool:
    """value is written in the entries z[j] or z_j of the plain-letter parameter z."""
    if not isinstance(parameter, Symbol):
        return False
    return any(t.base.label == parameter for t in value.atoms(Indexed)) or any(
        (parts := split(s.name)) and parts[0] == parameter.name for s in value.free_symbols)


def _indices_in(value: Expr) -> set[str]:
    """The letters value uses as indices (s_i = e^{z_i}/…: i). Only a definition whose subscript is
    such an index serves other indices: μ_X = E[X] says nothing of μ_Y, x_min nothing of x_max."""
    variables = {v for d in value.atoms(Derivative) for v in d.variables if v.is_Symbol}  # g_i = ∂L/∂s_i
    found = {c for s in value.free_symbols | variables if (parts := split(s.name)) for c in parts[1]}
    return found | {str(i) for t in value.atoms(Indexed) for i in t.indices}


def _sums_in(call: DefinedFunction) -> bool:
    """Whether a defined function's body holds a sum or a product, itself or through the functions it calls."""
    return call.body.has(Sum, Product) or any(_sums_in(f) for f in call.body.atoms(DefinedFunction))


def _gradient(loss: Symbol, v: Expr) -> Expr:
    """The unknown ∂L/∂o_m (a number the backward pass receives), as the term of a family Lbyo."""
    label = f"{loss.name}by{base_of(v)}"
    if isinstance(v, Indexed):
        return Indexed(IndexedBase(label, real=True), *v.indices)
    sub = v.name.partition("_")[2]
    return names.make(f"{label}_{sub}" if sub else label)


def base_of(term: Expr) -> str:
    return str(term.base.label) if isinstance(term, Indexed) else term.name.partition("_")[0]
