"""One chain of expressions, link by link: read each expression (with the definitions in scope),
compare neighbours, name the rule of a valid link, and locate what is wrong: a suspect line with the
one slip that mends it, or a wrong link with a point where its sides differ."""

from __future__ import annotations

import re

from sympy import Derivative, Expr, Function, Indexed, IndexedBase, Product, S, Subs, Sum, Symbol
from sympy.concrete.expr_with_limits import ExprWithLimits
from sympy.core.function import AppliedUndef

from derive.checker.assumptions import assumed, described, is_condition
from derive.checker.blocks import Block, Chain
from derive.checker.definitions import Definitions, declared_variable, definition_of, variable_of
from derive.checker.report import DEFINITION, INVALID, UNDECIDED, VALID, ChainReport, Link
from derive.counterexample import counterexample, worked_out
from derive.errors import DeriveError, LimitError
from derive.exprs import ALL_TERMS, pending, preorder, rebuild, remake
from derive.functions import DefinedFunction
from derive.indexing import PLACEHOLDER, TermsAt, relabel, split, terms_of
from derive.instances import by_instances, free_indices
from derive.justify import justify
from derive.parse import names, parse
from derive.parse.limits import DEFAULT
from derive.render.printer import reading_differs
from derive.render.printer import text as plain
from derive.suggest import suggestion
from derive.vectors import entry, fresh, is_vector, letters_in, parts_of
from derive.verify import compare


def _dependent(node: Expr) -> Expr | None:
    """dy/dx of a y the document never defined: y is a function of x (unknown), not a constant whose
    derivative is 0, which would turn a correct dy/dx = 2x into a false alarm."""
    if isinstance(node, Derivative) and node.expr.is_Symbol and len(node.variable_count) == 1:
        (x, n), = node.variable_count
        if node.expr != x:
            return Derivative(Function(node.expr.name)(x), (x, n))
    if isinstance(node, Derivative) and len(node.variable_count) == 1 and node.expr.free_symbols \
            and not node.expr.has(AppliedUndef, Indexed) and not (node.expr.free_symbols & set(node.variables)) \
            and not split(node.variables[0].name):  # ∂e^{x_j}/∂x_k is an index claim, judged by instances
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


def _undefined(exprs: list[Expr | None]) -> list[str]:
    """The names a chain uses without a definition: unknown functions, and dy/dx of an unknown y."""
    names = {type(n).__name__ for e in exprs if e is not None for n in preorder(e) if isinstance(n, AppliedUndef)}
    return sorted(names)


def _read(source: str, variable: str, known: Definitions) -> Expr:
    return _finished(parse(source, reader="latex", variable=variable, functions=known.functions), variable, known)


def _finished(expr: Expr, variable: str, known: Definitions, at: Symbol | None = None,
              declared: bool = False) -> Expr:
    """expr with the document's definitions written out (and its entry at, for a vector). declared: the
    chain names its variable (∂/∂a_k), whose family a[k] then stays as itself on every line."""
    if at is not None:  # a vector the text defined (𝐠 = Xᵀ𝐫) is written out before its entry is taken
        expr = entry(_substituted(expr, known, variable, declared), at)
    return rebuild(_substituted(expr, known, variable, declared), _dependent)


def _entrywise(exprs: list[Expr | None]) -> Symbol | None:
    """The letter a chain of vectors is read at (∇_𝐰 J = … at entry j), or None for numbers."""
    if not any(e is not None and is_vector(e) for e in exprs):
        return None
    return fresh(letters_in(*(e for e in exprs if e is not None)))


def _substituted(expr: Expr, known: Definitions, variable: str, declared: bool = False) -> Expr:
    """Every name the document defined, written out: y, where it said y = u^{3} and u = x^2 + 1, is
    (x^2 + 1)^3 for d/dx. Inside d/du the variable u stays itself, and the derivative is then taken
    at u = x^2 + 1 (the chain rule's dy/du · du/dx, written in Leibniz's notation).

    Written out completely or not at all: a half-substituted expression would be compared as if it
    were whole. LimitError (the link is undecided) when the definitions written out pass the node
    limit or refer to each other in a circle (s = ln σ and σ = e^s, where neither is the variable)."""
    writer = _Writer(known.symbols, known.calls)
    if declared and split(variable):  # δ_k = ∂L/∂a_k = (ŷ − y) v_k h_k (1 − h_k): every a_m stays a_m
        writer.differentiating = frozenset({split(variable)[0]})
    return writer.out(expr, frozenset({names.make(variable)}), ())


class _Writer:
    def __init__(self, symbols: dict[Symbol, Expr], calls: dict[str, tuple] | None = None) -> None:
        self.symbols, self.calls, self.nodes = symbols, calls or {}, 0
        self.differentiating: frozenset = frozenset()  # the families (p of ∂/∂p_k) a derivative here is by

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
        if parameters is None or value is None or len(parameters) != len(args):
            return None
        for parameter, arg in zip(parameters, args):  # LSE(𝐱 − c𝟏): each entry x_i is x_i − c
            if parts_of(parameter) is not None and arg != parameter:
                value = _at_vector(value, parameter, arg)
        return value.xreplace({p: a for p, a in zip(parameters, args) if parts_of(p) is None})

    def term_value(self, term: Indexed) -> Expr | None:
        """s[i] in a sum over i, where the text defined s_j: s_j's value for i, its z_i the sum's terms."""
        letters = "".join(str(i) for i in term.indices)
        if not (letters.isalpha() and letters.isascii()):
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
        value = self.value_of(names.make(f"{_base(variable)}_{letter}"))
        return None if value is None else relabel(value, {letter: PLACEHOLDER})

    def out(self, expr: Expr, keep: frozenset, using: tuple) -> Expr:
        self.nodes += 1
        if self.nodes > DEFAULT.max_nodes:
            raise LimitError(f"with its definitions written out, the expression has more than "
                             f"{DEFAULT.max_nodes} parts")
        if isinstance(expr, Indexed) and str(expr.base.label) in self.differentiating:
            return expr  # Σ_k y_k log p_k under ∂/∂p_k: the p's are the variables, not their definitions
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
        if isinstance(expr, DefinedFunction) and (_sums_in(expr) or any(
                s not in keep and self.value_of(s) is not None for s in expr.body.free_symbols - {expr.variable})):
            # L(p) = \prod_i …: written out, so that its sum is judged by instances, not by simplify;
            # ℓ(p) = k ln p + … with k = Σ x_i: written out, so that its k is the text's k
            return self.out(expr.body_at(expr.args[0]), keep, using)
        if expr.is_Symbol and expr not in keep and (value := self.value_of(expr)) is not None:
            if expr in using:  # s = ln σ, σ = e^s: no way round it is right for every text (a link is
                raise LimitError("the definitions refer to each other in a circle")  # undecided)
            return self.out(value, keep, using + (expr,))
        if isinstance(expr, Derivative):
            variables = frozenset(v for v, _ in expr.variable_count)
            outer = self.differentiating
            self.differentiating = outer | {_base(v) for v in variables}
            try:
                inner = self.out(expr.expr, keep | variables, using)
            finally:
                self.differentiating = outer
            written = Derivative(inner, *expr.variable_count)
            for v in variables - keep:  # dy/du at u = u(x)
                if _base(v) not in outer and (family := self.family(v)) is not None:
                    # ∂L/∂p_k, p_k = e^{z_k}/Σ e^{z}: taken in the p's, then every p_m put back
                    written = TermsAt(written, names.make(_base(v)), self.out(family, keep, using))
                elif v in self.symbols:
                    written = Subs(written, v, self.out(v, keep, using))
            return written
        if not expr.args:
            return expr
        if isinstance(expr, ExprWithLimits):  # the index of a sum or an integral's variable is its own,
            keep = keep | {limit[0] for limit in expr.limits}  # whatever the text defined
        args = [self.out(a, keep, using) for a in expr.args]
        if all(a is b for a, b in zip(args, expr.args)):
            return expr
        return remake(expr, args)


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


def _indices_in(value: Expr) -> set[str]:
    """The letters value uses as indices (s_i = e^{z_i}/…: i). Only a definition whose subscript is
    such an index serves other indices: μ_X = E[X] says nothing of μ_Y, x_min nothing of x_max."""
    found = {c for s in value.free_symbols if (parts := split(s.name)) for c in parts[1]}
    return found | {str(i) for t in value.atoms(Indexed) for i in t.indices}


def _sums_in(call: DefinedFunction) -> bool:
    """Whether a defined function's body holds a sum or a product, itself or through the functions it calls."""
    return call.body.has(Sum, Product) or any(_sums_in(f) for f in call.body.atoms(DefinedFunction))


def check_chain(block: Block, chain: Chain, known: Definitions,
                solving: bool = False) -> tuple[ChainReport, list[Expr | None]]:
    """The chain's report and its expressions as read. solving: the text around it says it solves
    for a variable ("setting the derivative to zero"), so a final "= 0" is a condition."""
    report = ChainReport(block.line, block.environment, chain.expressions, chain.lines, block.file)
    variable = _through_definition(variable_of(chain), chain, known)
    definition = definition_of(chain)
    exprs: list[Expr | None] = []
    for i, source in enumerate(chain.expressions):
        try:
            exprs.append(parse(source, reader="latex", variable=variable, functions=known.functions,
                               quantities=frozenset(s.name for s in known.symbols)))
        except DeriveError as exc:
            exprs.append(None)
            report.errors[i] = str(exc)
    at, declared = _entrywise(exprs), declared_variable(chain) is not None
    for i, expr in enumerate(exprs):
        try:
            exprs[i] = None if expr is None else _finished(expr, variable, known, at, declared)
        except DeriveError as exc:
            exprs[i] = None
            report.errors[i] = str(exc) if at is None else f"{exc} (read at entry {at})"
    report.read_as = [None if e is None else plain(e) for e in exprs]
    report.shown = [e is not None and reading_differs(source, r) for source, e, r in
                    zip(chain.expressions, exprs, report.read_as)]
    undefined = _undefined(exprs)
    for i in range(len(exprs) - 1):
        a, b = exprs[i], exprs[i + 1]
        if i + 1 in chain.approximate:
            report.links.append(Link(i, i + 1, UNDECIDED, reason="≈ is an approximation, not an equality"))
        elif i == 0 and definition is not None:
            report.links.append(Link(i, i + 1, DEFINITION, rule=f"definition of {definition[1]}"))
        elif i == 0 and a is not None and b is not None and (a.is_Symbol or (
                a.is_Pow and a.base.is_Symbol and a.exp.is_Integer and a.base not in b.free_symbols)):
            # x = 2, n = 3, z = w^2 + 1 = …, \hat{\sigma}^2 = …: a name given a value, not an identity
            report.links.append(Link(i, i + 1, DEFINITION, rule=f"{plain(a)} is given a value"))
        elif a is None or b is None:
            k = i if a is None else i + 1
            report.links.append(Link(i, i + 1, UNDECIDED,
                                     reason=f"cannot read `{chain.expressions[k]}`: {report.errors[k]}"))
        else:
            # a name whose latest definition could not be read (the variable itself is never replaced)
            used = {s.name for s in a.free_symbols | b.free_symbols} | {type(f).__name__ for e in (a, b)
                                                                      for f in e.atoms(AppliedUndef)}
            unread = sorted((used & set(known.unreadable)) - {variable})
            if unread:
                report.links.append(Link(i, i + 1, UNDECIDED, reason=known.undefined_reason(unread)))
                continue
            if (alone := _one_sided_matrices(a, b)) and (at is not None or not any(  # (J^T g)_j, with no
                    _base(d) in alone.split(", ") and len(d.name.partition("_")[2]) == 2  # J_ij defined
                    for d in known.symbols)):
                report.links.append(Link(i, i + 1, UNDECIDED, reason=f"the matrix {alone} stands on one side "
                                         "only: how it is made from the data is not written out"))
                continue
            if (_differentials(a) or _differentials(b)) and any(  # (d of a + kd is a common difference)
                    _DIFFERENTIAL.match(t.strip()) for t in chain.expressions[i:i + 2]):
                judged = _differential_link(chain.expressions[i], chain.expressions[i + 1], variable, known)
                report.links.append(Link(i, i + 1, UNDECIDED, reason="a relation between differentials derive "
                                         "cannot read as du = u'(x) dx") if judged is None else
                                    Link(i, i + 1, VALID, judged[1], rule="the differential of a substitution")
                                    if judged[0] else Link(i, i + 1, INVALID, judged[1], reason=judged[2]))
                continue
            verdict, method = compare(a, b)
            point = _a_number_for(a, b, known) if verdict is not True else None
            if point is not None and point[0] is None:
                report.links.append(Link(i, i + 1, UNDECIDED, reason=point[1]))
                continue
            if point is not None:
                verdict, method = compare(*point[0])
                report.links.append(Link(i, i + 1, VALID if verdict else INVALID if verdict is False else UNDECIDED,
                                         method, rule=f"at {point[1]}" if verdict else None,
                                         reason=None if verdict else f"at {point[1]}: {method}"))
                continue
            if verdict is not True and i == 0 and len(exprs) == 2 and is_condition(a, b):
                report.links.append(Link(i, i + 1, DEFINITION, rule="a condition the text states"))
                continue
            stated = _under_conditions(a, b, known) if verdict is not True else None
            if stated is not None and (stated[0] is True or verdict is None):  # decided by what the text said
                verdict_then, method_then, said = stated
                report.links.append(Link(i, i + 1, VALID if verdict_then else INVALID, method_then,
                                         rule=f"using {said}"))
                continue
            used = _assumptions_used(a, b, known) if verdict is not True else set()
            if used:
                verdict, method = compare(assumed(a, known.assumptions), assumed(b, known.assumptions))
            if verdict is True and used:
                report.links.append(Link(i, i + 1, VALID, method,
                                         rule=f"using {described(used, known.assumptions)}"))
            elif verdict is True:
                report.links.append(Link(i, i + 1, VALID, method, rule=justify(a, b, Symbol(variable, real=True))))
            elif verdict is False and (unstated := _holds_if_normalised(a, b) or _holds_if_mean(a, b)):
                report.links.append(Link(i, i + 1, UNDECIDED, reason=f"holds only if {unstated}, which the "
                                         "text does not state before here"))
            elif verdict is False and (words := _named_in_words(a, b, known)):
                report.links.append(Link(i, i + 1, UNDECIDED, reason=f"{words} named in the text without a "
                                         "formula derive can read"))
            elif verdict is False:
                report.links.append(Link(i, i + 1, INVALID, method))
            elif undefined:
                report.links.append(Link(i, i + 1, UNDECIDED, reason=known.undefined_reason(undefined)))
            else:
                report.links.append(Link(i, i + 1, UNDECIDED, reason=method))
    if solving:
        _set_to_zero(report, exprs)
    _locate(report, exprs)
    return report, exprs


def _a_number_for(a: Expr, b: Expr, known: Definitions) -> tuple[tuple[Expr, Expr] | None, str] | None:
    """dL/dw = −6 in a worked example: one side a number, the other an expression in names the text
    gave numbers ("take w = 0, x = 3"). ((a, b) at those numbers, 'w = 0, x = 3 (line 36)'); (None, why)
    where some name has no number; None where the link is no such comparison."""
    def numeric(e: Expr) -> bool:
        return not e.free_symbols and not e.has(AppliedUndef, Function) or e.is_number

    if numeric(a) == numeric(b) or not (a.free_symbols | b.free_symbols) or S.Zero in (a, b):
        return None  # (… = 0 sets an expression to zero: a condition, see _set_to_zero)
    names_in = sorted(a.free_symbols | b.free_symbols, key=str)
    missing = [s for s in names_in if s not in known.values]
    if len(missing) == len(names_in):  # no worked example here: the link claims an identity
        return None
    if missing:
        named = [plain(s) for s in missing if isinstance(s, Symbol) and s != ALL_TERMS
                 and not any(s == t.base.label for t in (a + b).atoms(Indexed))]
        return None, (f"a number for an expression in {', '.join(named) or 'terms of a sum'}: the values it "
                      "is taken at are not stated")
    point = {s: known.values[s][0] for s in names_in}
    shown = ", ".join(f"{plain(s)} = {plain(v)}" for s, v in point.items())
    lines = sorted({known.values[s][1] for s in names_in})
    where = f"{shown} (line{'s' if len(lines) > 1 else ''} {', '.join(map(str, lines))})"
    return (_at_point(a, point), _at_point(b, point)), where


def _at_point(expr: Expr, point: dict) -> Expr:
    """expr at point: derivatives taken first (dL/dw at w = 0 is not d/d0)."""
    return Subs(expr, tuple(point), tuple(point.values())).doit() if expr.has(Derivative) else expr.xreplace(point)


def _through_definition(variable: str, chain: Chain, known: Definitions) -> str:
    """y' = y(1 − y) where the text defined y = σ(x): primes differentiate by x, y's own variable (a
    guessed variable that the text defined is no variable). A declared d/dy stays y."""
    value = known.symbols.get(names.make(variable))
    if value is None or declared_variable(chain) is not None:
        return variable
    inner = [s for s in value.free_symbols if isinstance(s, Symbol) and s.name != variable]
    return inner[0].name if len(inner) == 1 else variable


def _under_conditions(a: Expr, b: Expr, known: Definitions) -> tuple[bool, str, str] | None:
    """(verdict, method, the conditions used) once the equations and index relations the text stated
    are imposed (Σ_k y_k = 1; j ≠ i): True where the link then holds, False where it fails under the
    stated equations; None where neither is shown or none applies."""
    bases = {_base(s) for e in (a, b) for s in e.free_symbols | e.atoms(Indexed)}
    equations = [(value, line, shown) for value, line, shown in known.equations
                 if {_base(s) for s in value.free_symbols | value.atoms(Indexed)} & bases - {"all"}]
    letters = set(free_indices(a, b))
    # a link with δ_ij speaks of every i and j: no case of them applies to it
    general = any(_base(t) == "delta" for e in (a, b) for t in e.free_symbols | e.atoms(Indexed))
    relations = [] if general else [r for r in known.relations if {r[0], r[1]} <= letters]
    if not equations and not relations:
        return None
    conditions = tuple(value for value, _, _ in equations)
    said = [f"{shown} (line {line})" for _, line, shown in equations]
    failed = None
    for relation in [None, *relations]:
        if relation is None and not equations:
            continue
        distinct = frozenset() if relation is None else frozenset({(relation[0], relation[1])})
        judged = by_instances(a, b, compare, conditions, distinct) or (None, "")
        sign = "" if relation is None else f"{relation[0]} ≠ {relation[1]} (line {relation[3]})"
        if judged[0] is True:
            return True, judged[1], ", ".join([*said, *([sign] if sign else [])])
        if judged[0] is False and relation is None and failed is None:
            failed = (False, judged[1], ", ".join(said))
    return failed


def _named_in_words(a: Expr, b: Expr, known: Definitions) -> str:
    """The names a link uses that the text must have defined in words: a_2 where only a_1 has a formula
    (the other class of two), T_n where n bounds a sum ("call the sum T_n"). A difference they make is
    no verdict."""
    writer = _Writer(known.symbols, known.calls)
    bounds = {s for e in (a, b) for node in preorder(e) if isinstance(node, (Sum, Product))
              for _, low, high in node.limits for s in low.free_symbols | high.free_symbols}
    found = []
    for s in sorted(a.free_symbols | b.free_symbols, key=str):
        base, _, sub = s.name.partition("_") if isinstance(s, Symbol) else ("", "", "")
        if not sub or s in known.symbols or writer.value_of(s) is not None:
            continue
        sibling = any(d.name.partition("_")[0] == base and d != s for d in known.symbols)
        if sibling or names.make(sub) in bounds:
            found.append(plain(s))
    return ", ".join(found)


def _holds_if_normalised(a: Expr, b: Expr) -> str | None:
    """'Σ_k y_k = 1' where the link holds once a summed quantity sums to one: softmax derivations use
    it for one-hot labels, often without saying so. The link is then not wrong, only unfounded."""
    for term in sorted({t for e in (a, b) for t in e.atoms(Indexed)}, key=str):
        if len(term.indices) != 1 or not isinstance(term.indices[0], Symbol):
            continue
        k = term.indices[0]
        total = Sum(term, (k, 1, ALL_TERMS)) - 1
        if (by_instances(a, b, compare, (total,)) or (None,))[0] is True:
            return f"Σ_{k} {term.base.label}_{k} = 1"
    return None


def _one_sided_matrices(a: Expr, b: Expr) -> str:
    """The matrices (X of X_jk) one side of a vector link has and the other not: ∇J = Xᵀ(Xθ − 𝐲)/m
    against J's sum over the data holds only for the X the prose describes ("rows (1, x_i)")."""
    def matrices(e: Expr) -> set[str]:
        found = {str(t.base.label) for t in e.atoms(Indexed) if len(t.indices) == 2}
        found |= {p[0] for s in e.free_symbols if (p := split(s.name)) and len(p[1]) == 2}
        return {m for m in found if m.isupper() and m != "I"}
    return ", ".join(sorted(matrices(a) ^ matrices(b)))


def _differentials(expr: Expr) -> bool:
    """du, \\mathrm{d}x outside an integral: a factor d beside a name (read as the product d·u)."""
    d = names.make("d")
    return any(node.is_Mul and d in node.args and any(not a.is_number and a != d for a in node.args)
               for node in preorder(expr))


# "2x \, \mathrm{d}x": what multiplies the differential, and the name it is of
_DIFFERENTIAL = re.compile(r"^(.*?)[\s,;!\\]*(?:\\mathrm\{d\}|\\operatorname\{d\}|\\text\{d\}|(?<![A-Za-z\\])d)\s*"
                           r"(\\?[A-Za-z]+|\\hat\{[A-Za-z]\})\s*$", re.DOTALL)


def _differential_link(left: str, right: str, variable: str, known: Definitions) -> tuple[bool, str, str] | None:
    """du = 2x dx where the text defined u = 1 + x²: (u'(x) = 2x, how it was shown, what u' is); None where the
    sides are not a multiple of one differential each, or neither name is a function of the other."""
    sides = [_DIFFERENTIAL.match(side.strip()) for side in (left, right)]
    if None in sides:
        return None
    try:
        (fa, a), (fb, b) = [(_read(m.group(1).strip() or "1", variable, known), names.make(names.spelled(m.group(2))
                             or "?")) for m in sides]
        va, vb = (_read(m.group(2), variable, known) for m in sides)
    except (DeriveError, TypeError):
        return None
    for (f, v, x), (g, w) in (((fa, va, b), (fb, vb)), ((fb, vb, a), (fa, va))):
        if w.is_Symbol and w == x and v.has(x):  # du = g dx with u = u(x); also x dx = ½ du
            verdict, method = compare(f * v.diff(x), g)
            if verdict is not None:
                return verdict, method, f"d/d{plain(x)} of {plain(v)} is {plain(v.diff(x))}"
    return None


def _holds_if_mean(a: Expr, b: Expr) -> str | None:
    """'ȳ is the mean of the y_i' where the link holds once an x̄ the text never defined is the mean of
    the terms of its letter (the convention of statistics notes, often left unsaid: "and so on")."""
    for bar in sorted({s for s in a.free_symbols | b.free_symbols if s.name.endswith("bar")}, key=str):
        letter = bar.name[:-3]
        sums = [node for e in (a, b) for node in preorder(e) if isinstance(node, Sum)]
        bound = next((hi for node in sums for _, _, hi in node.limits if hi.free_symbols), None)
        if not letter or bound is None:
            continue
        k = names.make("k")
        mean = Sum(Indexed(IndexedBase(letter, real=True), k), (k, 1, bound)) / bound
        if compare(a.xreplace({bar: mean}), b.xreplace({bar: mean}))[0] is True:
            return f"{letter}̄ is the mean of the {letter}_i"
    return None


def _base(term: Expr) -> str:
    return str(term.base.label) if isinstance(term, Indexed) else term.name.partition("_")[0]


def _assumptions_used(a: Expr, b: Expr, known: Definitions) -> set[str]:
    """The names of a link's symbols that a condition of the text is about."""
    return {s.name for s in a.free_symbols | b.free_symbols if s.name in known.assumptions}


def _set_to_zero(report: ChainReport, exprs: list[Expr | None]) -> None:
    """f'(x) = 2x - 4 = 0: a derivation that ends in "= 0" where its last expression is not zero
    sets it to zero, a condition to solve, not an identity: stated, as a definition is, not wrong."""
    if (len(exprs) < 2 or exprs[-1] is None or exprs[-1] != 0 or exprs[-2] is None
            or (len(exprs) == 2) != bool(pending(exprs[-2]))  # f' = 2x - 4 = 0; or dJ/dw = 0 alone
            or not exprs[-2].free_symbols):  # 3 = 0 is no condition on anything: it is wrong
        return
    last = report.links[-1]
    if last.verdict == INVALID:  # a condition the text imposes claims nothing: a definition's kind
        report.links[-1] = Link(last.source, last.target, DEFINITION,
                                rule="= 0 sets the expression to zero (a condition to solve), not an identity")


def _locate(report: ChainReport, exprs: list[Expr | None]) -> None:
    """Suspects (a slip in one line) and wrong links (a wrong step the rest agrees with), each with
    what shows it: the one slip that mends it, or a point where the sides differ."""
    links = report.links
    explained: set[int] = set()
    for k in range(1, len(exprs) - 1):
        before, after = links[k - 1], links[k]
        if before.verdict == INVALID and after.verdict == INVALID:
            if compare(exprs[k - 1], exprs[k + 1])[0] is True:
                report.suspects.append(k)
                explained.update((k - 1, k))
                hint = suggestion(exprs[k - 1], exprs[k], exprs[k + 1])
                if hint:
                    report.hints[k] = hint
    for i, link in enumerate(links):
        if link.verdict == INVALID and i not in explained:
            report.wrong_links.append((link.source, link.target))
            shown = [link.reason] if link.reason else [  # (a differential's link says what u' is)
                t for t in (counterexample(exprs[link.source], exprs[link.target]), _should_be(exprs[0])) if t]
            if shown:
                report.evidence[link.source] = "; ".join(shown)


def _should_be(start: Expr | None) -> str | None:
    """What the chain's first expression works out to, when it is a derivative derive read."""
    if start is None:
        return None
    value = worked_out(start)
    return None if value is None else f"the derivative the chain starts at is {value}"


# "setting the derivative to zero", "solve", "critical point": words that say a chain ends in an
# equation to solve; loose words (set up, is zero, square root) do not
_SOLVING = re.compile(r"\bset(?:ting)?\b[^.]{0,60}?\b(?:to )?(?:zero|0)\b|\bequal(?:s|ing)? (?:to )?zero\b|\bsolv"
                      r"|\bcritical points?\b|\bstationary\b|\bextrem|\bminim|\bmaxim|\boptimi[sz]|\bvanish"
                      r"|\bis zero\b"
                      r"|\broots? of\b", re.IGNORECASE)


def says_it_solves(text: str, block: Block, chain, path: str) -> bool:
    """The prose around a chain that ends in = 0 says it solves ("setting the derivative to zero"),
    or an implication follows it: its last link is then a condition, not an identity."""
    if not chain.expressions or chain.expressions[-1].strip() != "0":
        return False
    if any(c.follows is chain for c in block.chains):
        return True
    if block.file != path:
        return False
    lines = text.splitlines()
    first, last = max(0, min(chain.lines) - 3), min(len(lines), max(chain.lines) + 2)
    return bool(_SOLVING.search("\n".join(lines[first:last])))
