"""One chain of expressions, link by link: read each expression (with the definitions in scope),
compare neighbours, name the rule of a valid link, and locate what is wrong: a suspect line with the
one slip that mends it, or a wrong link with a point where its sides differ."""

from __future__ import annotations

import re

from sympy import Derivative, Expr, Function, Indexed, IndexedBase, Product, S, Subs, Sum, Symbol
from sympy.core.function import AppliedUndef

from derive.checker.assumptions import assumed, described, is_condition, used_by
from derive.checker.blocks import Block, Chain
from derive.checker.definitions import Definitions, applies, declared_variable, definition_of, variable_of
from derive.checker.report import DEFINITION, INVALID, UNDECIDED, VALID, ChainReport, Link
from derive.checker.written import Writer, base_of, read, undefined_names, written_out
from derive.counterexample import counterexample, worked_out
from derive.errors import DeriveError
from derive.exprs import ALL_TERMS, pending, preorder
from derive.indexing import counted, split
from derive.instances import by_instances, free_indices
from derive.justify import justify
from derive.parse import names, parse
from derive.render.printer import reading_differs
from derive.render.printer import text as plain
from derive.suggest import suggestion
from derive.vectors import fresh, is_vector, letters_in, parts_of
from derive.probability import averaged, has_moments, with_facts
from derive.verify import compare, independently_equal


def _entrywise(exprs: list[Expr | None]) -> Symbol | None:
    """The letter a chain of vectors is read at (∇_𝐰 J = … at entry j), or None for numbers."""
    if not any(e is not None and is_vector(e) for e in exprs):
        return None
    return fresh(letters_in(*(e for e in exprs if e is not None)))


def check_chain(block: Block, chain: Chain, known: Definitions,
                solving: bool = False) -> tuple[ChainReport, list[Expr | None]]:
    """The chain's report and its expressions as read. solving: the text around it says it solves
    for a variable ("setting the derivative to zero"), so a final "= 0" is a condition."""
    report = ChainReport(block.line, block.environment, chain.expressions, chain.lines, block.file)
    variable = _through_definition(variable_of(chain), chain, known)
    definition = definition_of(chain)
    if definition is not None and definition[0] == "quantity" and applies(definition[1], definition[2], known):
        definition = None  # H(u, p) = … after H(a, b) = …: a claim about H at u and p
    exprs: list[Expr | None] = []
    quantities = frozenset(s.name for s in known.symbols)
    gradients = {name: p[0].name for name, p in known.calls.items() if len(p) == 1 and parts_of(p[0])}
    for i, source in enumerate(chain.expressions):
        try:
            exprs.append(parse(source, reader="latex", variable=variable, functions=known.functions,
                               quantities=quantities, gradients=gradients))
        except DeriveError as exc:
            exprs.append(None)
            report.errors[i] = str(exc)
    at, declared = _entrywise(exprs), declared_variable(chain) is not None
    summed = [e is not None and e.has(Sum) for e in exprs]  # as written, before definitions bring sums
    deltas = [_deltas(e) for e in exprs]  # δ_ij as written: the link speaks of every i and j
    as_read = list(exprs)
    for i, expr in enumerate(exprs):
        try:
            exprs[i] = None if expr is None else counted(written_out(expr, variable, known, at, declared),
                                                         known.counts)
        except DeriveError as exc:
            exprs[i] = None
            report.errors[i] = str(exc) if at is None else f"{exc} (read at entry {at})"
    report.read_as = [None if e is None else plain(e) for e in exprs]
    report.shown = [e is not None and reading_differs(source, r) for source, e, r in
                    zip(chain.expressions, exprs, report.read_as)]
    undefined = undefined_names(exprs)
    for i in range(len(exprs) - 1):
        a, b = exprs[i], exprs[i + 1]
        if chain.relations.get(i + 1) == "≈":
            report.links.append(Link(i, i + 1, UNDECIDED, reason="≈ is an approximation, not an equality"))
        elif i + 1 in chain.relations:
            report.links.append(_inequality(i, a, b, chain.relations[i + 1]))
        elif i == 0 and definition is not None and (restated := _restates(chain, b, variable, known, at, declared)):
            report.links.append(Link(i, i + 1, VALID, restated[0], rule=restated[1]))
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
            vectors = any(re.search(r"\\top|\\intercal|\\mathbf|\\boldsymbol|\^\{?T\b", e)
                          for e in chain.expressions[i:i + 2])  # the matrices of a vector reading
            if (alone := _one_sided_matrices(a, b)) and (at is not None or vectors and not any(  # (J^T g)_j,
                    base_of(d) in alone.split(", ") and len(d.name.partition("_")[2]) == 2  # no J_ij defined
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
            if (starred := _starred_beside(a, b)):
                report.links.append(Link(i, i + 1, UNDECIDED, reason=f"{starred}: a conjugate or an optimum, "
                                         "which derive does not guess"))
                continue
            verdict, method = compare(a, b)
            if verdict is False and (whole := _variable_written(as_read[i], as_read[i + 1], variable, known)):
                verdict, method = compare(*whole)  # e^η = λ where η = log λ: no derivative needs η kept
            point = _a_number_for(a, b, known, chain.lines[i]) if verdict is not True else None
            if point is not None and point[0] is None:
                report.links.append(Link(i, i + 1, UNDECIDED, reason=point[1]))
                continue
            if point is not None:
                verdict, method = compare(*point[0])
                report.links.append(Link(i, i + 1, VALID if verdict else INVALID if verdict is False else UNDECIDED,
                                         method, rule=f"at {point[1]}" if verdict else None,
                                         reason=None if verdict else f"at {point[1]}: {method}"))
                continue
            if verdict is False and not (summed[i] or summed[i + 1]) and (ALL_TERMS in (a - b).free_symbols):
                as_written = by_instances(a, b, compare, as_written=True)  # a_1(1 − a_1) = a_1 a_2, two classes
                if as_written is not None and as_written[0] is True:
                    verdict, method = as_written
            if verdict is not True and i == 0 and len(exprs) == 2 and is_condition(a, b):
                report.links.append(Link(i, i + 1, DEFINITION, rule="a condition the text states"))
                continue
            stated = _under_conditions(a, b, known, deltas[i] + deltas[i + 1]) if verdict is not True else None
            if stated is None and verdict is not True and known.moments and has_moments(a, b):
                stated = _with_moments_stated(a, b, known)
            if stated is not None and (stated[0] is True or verdict is None):  # decided by what the text said
                verdict_then, method_then, said = stated
                report.links.append(Link(i, i + 1, VALID if verdict_then else INVALID, method_then,
                                         rule=f"using {said}"))
                continue
            used = used_by((a, b), known.assumptions) if verdict is not True else set()
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
            elif verdict is False and known.independent is not None and has_moments(a, b) \
                    and independently_equal(a, b):  # Var(Σ X_i) = Σ Var(X_i) for the i.i.d. data the text has
                report.links.append(Link(i, i + 1, VALID, "moments of independent variables",
                                         rule=f"using independence (line {known.independent})"))
            elif verdict is False and (case := _a_case_stated(a, b, as_read[i:i + 2], known, chain.lines[i], variable)):
                report.links.append(Link(i, i + 1, UNDECIDED, reason=f"the text sets {case} just before: a "
                                         "special case derive does not apply"))
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
    _locate(report, exprs, set(chain.relations))
    return report, exprs


def _restates(chain: Chain, body: Expr | None, variable: str, known: Definitions, at: Symbol | None,
              declared: bool) -> tuple[str, str] | None:
    """(method, rule) where a chain defines a name again with what its earlier definition already says
    (ℓ = −Σ q̃_k log p_k, then ℓ = −(1 − ε)Σ_k δ_ky log p_k − …): a claim that holds, not a new quantity.
    None where it says something else (a second example's y), or nothing was defined before."""
    if body is None or not known.previous:
        return None
    try:
        head = parse(chain.expressions[0], reader="latex")
    except DeriveError:
        return None
    if isinstance(head, AppliedUndef):  # ℓ(𝛃) = … again: the quantity ℓ
        head = names.make(type(head).__name__)
    before = known.previous.get(head)
    if before is None:
        return None
    try:
        before = counted(written_out(before, variable, known, at, declared), known.counts)
    except DeriveError:
        return None
    verdict, method = compare(before, body)
    return (method, f"as {chain.expressions[0].strip()} was defined before") if verdict is True else None


_HOLDS = {"<": lambda d: d < 0, ">": lambda d: d > 0, "≤": lambda d: d <= 0, "≥": lambda d: d >= 0}


def _inequality(i: int, a: Expr | None, b: Expr | None, sign: str) -> Link:
    """1/32 < 1/8: between two numbers, decided exactly; between expressions, no claim derive proves."""
    if a is None or b is None or not (a.is_number and b.is_number) or a.has(Derivative, Sum, Product):
        return Link(i, i + 1, UNDECIDED, reason=f"an inequality ({sign}) between expressions, which derive does "
                                             "not prove")
    difference = (a - b).simplify()
    if not difference.is_real:
        return Link(i, i + 1, UNDECIDED, reason=f"an inequality ({sign}) derive could not evaluate")
    holds = bool(_HOLDS[sign](difference))
    return Link(i, i + 1, VALID if holds else INVALID, f"evaluate: {sign}",
                reason=None if holds else f"{plain(a)} {sign} {plain(b)} is false")


# a worked example's numbers serve the links of the next lines, not a derivation further on
EXAMPLE_REACH = 12


def _a_number_for(a: Expr, b: Expr, known: Definitions, line: int) -> tuple[tuple[Expr, Expr] | None, str] | None:
    """dL/dw = −6 in a worked example: one side a number, the other an expression in names the text
    gave numbers just before ("take w = 0, x = 3"). ((a, b) at those numbers, 'w = 0, x = 3 (line 36)');
    (None, why) where some name has no number, or its number was given far before; None where the
    link is no such comparison, or the text gave none of its names a number."""
    def numeric(e: Expr) -> bool:
        return not e.free_symbols and not e.has(AppliedUndef, Function) or e.is_number

    if numeric(a) == numeric(b) or not (a.free_symbols | b.free_symbols) or S.Zero in (a, b):
        return None  # (… = 0 sets an expression to zero: a condition, see _set_to_zero)
    names_in = sorted(a.free_symbols | b.free_symbols, key=str)
    given = [s for s in names_in if s in known.values]
    symbolic = b if numeric(a) else a
    if not given and symbolic.has(Derivative):  # ∂L/∂w_1 = −1/2: a derivative at a point the text
        return None, ("a number for a derivative in " + ", ".join(  # gives in words or in a form not read
            plain(s) for s in names_in if isinstance(s, Symbol) and s != ALL_TERMS) + ": the point it is taken "
            "at is not stated in a form derive reads")
    if not given:  # no worked example here: the link claims an identity
        return None
    far = [s for s in given if not 0 <= line - known.values[s][1] <= EXAMPLE_REACH]
    if far:
        return None, (f"a number for an expression in {', '.join(plain(s) for s in far)}, whose numbers the "
                      f"text gave at line {known.values[far[0]][1]}, far before: an example's, or not this link's")
    missing = [s for s in names_in if s not in known.values]
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
    if not expr.has(Derivative):
        return expr.xreplace(point)
    # (J'(0) with J(θ) = σ(θ) r_1 + …: the r's are in J's body, free only once it is written out)
    done = Subs(expr, tuple(point), tuple(point.values())).doit()
    return done if done.has(Derivative) else done.xreplace(point)


def _through_definition(variable: str, chain: Chain, known: Definitions) -> str:
    """y' = y(1 − y) where the text defined y = σ(x): primes differentiate by x, y's own variable (a
    guessed variable that the text defined is no variable). A declared d/dy stays y."""
    value = known.symbols.get(names.make(variable))
    primed = re.compile(rf"(?<![\\A-Za-z]){re.escape(variable)}'+(?!\s*\()")  # y', not (x^3)' or f'(x)
    if value is None or declared_variable(chain) is not None or not any(primed.search(e) for e in chain.expressions):
        return variable
    inner = [s for s in value.free_symbols if isinstance(s, Symbol) and s.name != variable]
    return inner[0].name if len(inner) == 1 else variable


def _deltas(expr: Expr | None) -> list[set[str]]:
    """The index letters of each Kronecker delta in expr: δ_ij → {i, j}."""
    if expr is None:
        return []
    return [{str(i) for i in t.indices} if isinstance(t, Indexed) else set(split(t.name)[1])
            for t in expr.free_symbols | expr.atoms(Indexed)
            if base_of(t) == "delta" and (isinstance(t, Indexed) or split(t.name))]


def _under_conditions(a: Expr, b: Expr, known: Definitions,
                      deltas: list[set[str]]) -> tuple[bool, str, str] | None:
    """(verdict, method, the conditions used) once the equations and index relations the text stated
    are imposed (Σ_k y_k = 1; j ≠ i): True where the link then holds, False where it fails under the
    stated equations; None where neither is shown or none applies. deltas: the indices of the δ's the
    link writes (s_i(δ_ij − s_j) speaks of every i and j: no case of them applies to it)."""
    bases = {base_of(s) for e in (a, b) for s in e.free_symbols | e.atoms(Indexed)}
    equations = [(value, line, shown) for value, line, shown in known.equations
                 if {base_of(s) for s in value.free_symbols | value.atoms(Indexed)} & bases - {"all"}]
    letters = set(free_indices(a, b))
    relations = [r for r in known.relations if {r[0], r[1]} <= letters and {r[0], r[1]} not in deltas]
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


def _with_moments_stated(a: Expr, b: Expr, known: Definitions) -> tuple[bool, str, str] | None:
    """(verdict, method, the facts used) with the moments the text stated (E K = np) put in; None where
    some moment stays unknown and the sides still differ (the facts did not decide it)."""
    stated = averaged(*(side for sides, _, _ in known.moments for side in sides))
    if any(s.name.partition("_")[0].endswith(("hat", "tilde", "bar")) for s in averaged(a, b) - stated):
        return None  # an estimator θ̂ the text did not write out in its random variables, nor state of
    pair = with_facts(a, b, [sides for sides, _, _ in known.moments])
    verdict, method = compare(*pair)
    if verdict is None or verdict is False and any(s.name.startswith("E[") for s in (pair[0] - pair[1]).free_symbols):
        return None
    return verdict, f"moments ({method})", ", ".join(f"{shown} (line {line})" for _, line, shown in known.moments)


def _starred_beside(a: Expr, b: Expr) -> str:
    """'z^* beside z' where a link has both: z^* may be z's conjugate, or an optimum of its own."""
    symbols = {s.name for s in a.free_symbols | b.free_symbols if isinstance(s, Symbol)}
    for name in sorted(symbols):
        base, _, sub = name.partition("_")
        if base.endswith("star") and (plain_name := base[:-4] + (f"_{sub}" if sub else "")) in symbols:
            return f"{plain_name}^* beside {plain_name}"
    return ""


def _variable_written(a: Expr | None, b: Expr | None, variable: str,
                      known: Definitions) -> tuple[Expr, Expr] | None:
    """Both sides with the chain's variable written out too, where the text defined it and the link
    has no derivative by it (A'(η) = e^η = λ with η = log λ); None where that changes nothing."""
    symbol = names.make(variable)
    if a is None or b is None or known.symbols.get(symbol) is None or a.has(Derivative) or b.has(Derivative) \
            or symbol not in a.free_symbols | b.free_symbols:
        return None
    try:
        return tuple(counted(written_out(e, "", known), known.counts) for e in (a, b))
    except DeriveError:
        return None


def _letters(exprs) -> set[str]:
    """The letters names in exprs are written with: x of x_i, of the term x[k], and of 𝐱_i."""
    found = set()
    for e in exprs:
        found |= {str(t.base.label) for t in e.atoms(Indexed)}
        found |= {parts_of(s)[0] if parts_of(s) else split(s.name)[0] if split(s.name) else s.name
                  for s in e.free_symbols}
    return found


def _a_case_stated(a: Expr, b: Expr, written: list, known: Definitions, line: int, variable: str) -> str:
    """'𝐱_i = 1 (line 45)' where the text gave a value, just before, to a name the link uses ("if
    $\\mathbf{x}_i = 1$ for all $i$, the score reduces to"): a link that fails in general may hold in
    that case, which derive does not put in. Empty where it gave none. Never the variable a link is a
    function of (the critical points x = 3/14 say nothing of g'(x) below them), nor a name the link
    writes itself (a claim about every x): only one its definitions bring in. written: the link as read."""
    letters = _letters((a, b)) - _letters(e for e in written if e is not None)
    differentiated = {v for e in (a, b) for d in e.atoms(Derivative) for v in d.variables} | {names.make(variable)}
    found = []
    for name, (value, where) in known.values.items():
        if name in differentiated:
            continue
        letter = parts_of(name)[0] if parts_of(name) else split(name.name)[0] if split(name.name) else name.name
        if 0 <= line - where <= EXAMPLE_REACH and letter in letters:
            found.append(f"{plain(name)} = {plain(value)} (line {where})")
    return ", ".join(found)


def _named_in_words(a: Expr, b: Expr, known: Definitions) -> str:
    """The names a link uses that the text must have defined in words: a_2 where only a_1 has a formula
    (the other class of two), T_n where n bounds a sum ("call the sum T_n"). A difference they make is
    no verdict."""
    writer = Writer(known.symbols, known.calls)
    bounds = {s for e in (a, b) for node in preorder(e) if isinstance(node, (Sum, Product))
              for _, low, high in node.limits for s in low.free_symbols | high.free_symbols}
    summed = {str(t.base.label) for e in (a, b) for t in e.atoms(Indexed)}  # x_n beside Σ x_i is a term
    found = []
    for s in sorted(a.free_symbols | b.free_symbols, key=str):
        base, _, sub = s.name.partition("_") if isinstance(s, Symbol) else ("", "", "")
        if not sub or s in known.symbols or writer.value_of(s) is not None:
            continue
        sibling = any(d.name.partition("_")[0] == base and d != s for d in known.symbols)
        if sibling or (names.make(sub) in bounds and base not in summed):
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
        (fa, a), (fb, b) = [(read(m.group(1).strip() or "1", variable, known), names.make(names.spelled(m.group(2))
                             or "?")) for m in sides]
        va, vb = (read(m.group(2), variable, known) for m in sides)
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


def _locate(report: ChainReport, exprs: list[Expr | None], relations: set[int]) -> None:
    """Suspects (a slip in one line) and wrong links (a wrong step the rest agrees with), each with
    what shows it: the one slip that mends it, or a point where the sides differ. relations: the
    expressions an inequality leads into (a < b = c has no suspect b)."""
    links = report.links
    explained: set[int] = set()
    for k in range(1, len(exprs) - 1):
        before, after = links[k - 1], links[k]
        if k in relations or k + 1 in relations:
            continue
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
