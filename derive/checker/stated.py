"""What the text says around a link, which the link may rest on or which makes a difference no verdict:
a worked example's numbers, equations and index relations it states, moments of a named law, a
definition restated, a special case set just before, names defined only in words, and conventions
left unsaid (Σ_k y_k = 1, x̄ the mean of the x_i)."""

from __future__ import annotations

import re

from sympy import (Abs, Add, Derivative, Dummy, Expr, Function, Heaviside, Indexed, IndexedBase, Integral, Max, Min, Piecewise,
                   Product, S, Subs, Sum, Symbol, div, expand, fraction, sign, sqrt, together)
from sympy.core.function import AppliedUndef
from sympy.polys.polyerrors import CoercionFailed, PolynomialError

from derive.checker.assumptions import family
from derive.checker.blocks import Chain
from derive.checker.definitions import Definitions
from derive.checker.written import Writer, base_of, written_out
from derive.errors import DeriveError
from derive.exprs import ALL_TERMS, preorder
from derive.functions import DefinedFunction
from derive.indexing import counted
from derive.instances import SIZES, bounds_of, by_instances, free_indices, instance
from derive.numeric import takes_the_value
from derive.parse import names, parse
from derive.probability import averaged, has_moments, with_facts
from derive.render.printer import text as plain
from derive.vectors import parts_of
from derive.verify import DEEPEST_DEFINITION, compare, surely_differs


def restates(chain: Chain, body: Expr | None, variable: str, known: Definitions, at: Symbol | None,
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


# a worked example's numbers serve the links of the next lines, not a derivation further on
EXAMPLE_REACH = 12


def _numeric(e: Expr) -> bool:
    """e is a number (y(2) with y(x) = a cosh(x/a) is none: its body has a)."""
    return not e.free_symbols and (not e.has(AppliedUndef, Function) or e.is_number)


def a_number_for(a: Expr, b: Expr, known: Definitions, line: int) -> tuple[tuple[Expr, Expr] | None, str] | None:
    """dL/dw = −6 in a worked example: one side a number, the other an expression in names the text
    gave numbers just before ("take w = 0, x = 3"). ((a, b) at those numbers, 'w = 0, x = 3 (line 36)');
    (None, why) where some name has no number, or its number was given far before; None where the
    link is no such comparison, or the text gave none of its names a number. Also a sum over the
    example's data at number bounds against a closed form in the sum's other letters (see over_data)."""
    if _numeric(a) and _numeric(b) or not (a.free_symbols | b.free_symbols) or S.Zero in (a, b):
        return None  # (… = 0 sets an expression to zero: a condition, see _set_to_zero)
    # ℓ(β) = Σ_{i=1}^{2} y_i(log t_i + β) − … = 2β + 6(log 2 + β) − 3e^β after "y = (2, 6), t = (1, 2)": an
    # expression, not a number, on each side, but a sum over the example's data on one side only
    over_data = not _numeric(a) and not _numeric(b)
    summed = (a.has(Sum, Product), b.has(Sum, Product))  # (before the sums are written out)
    bounds = bounds_of(a, b)
    if over_data and (not any(summed) or bounds):  # (Σ_{i=1}^{n} y_i = nȳ: n terms, not the data's two)
        return None
    sizes = {s: int(known.values[s][0]) for s in bounds if s in known.values
             and known.values[s][0].is_Integer and 1 <= known.values[s][0] <= 8}
    if set(bounds) - set(sizes) and (length := _given_length(a, b, known)):
        # u = (1, 0), v = (1, 1): vectors of two entries; 𝐳 = (1000, 1001, 1002): K = 3 classes
        sizes.update({s: length for s in bounds if s not in sizes})
    if sizes and len(sizes) == len(bounds) or not bounds and (a.has(Sum, Product) or b.has(Sum, Product)):
        # n = 2 data points: the sums written out, x_1, x_2 (and Σ_{b=1}^{3} e^{θ_b} at θ = (0, log 2, log 3))
        try:
            a, b = instance(a, sizes, {}), instance(b, sizes, {})
        except ValueError as exc:  # (a term of a sum at an index the numbers leave open)
            return None if over_data else (None, f"at the example's numbers: {exc}")
    names_in = sorted(a.free_symbols | b.free_symbols, key=str)
    given = [s for s in names_in if s in known.values]
    if over_data:  # the data's entries on one side only, all near; the other letters (β) stay letters
        near = numbers_near(known, line, given)
        in_a, in_b = bool(set(near) & a.free_symbols), bool(set(near) & b.free_symbols)
        data_side, closed = (a, b) if in_a else (b, a)
        if closed.free_symbols - data_side.free_symbols:  # (ȳ or μ on the closed side only: no data claim)
            return None
        # (∂L/∂z_2 = p_2 − y_2 after 𝐲 = (0, 1, 0): y_2 beside p_2's own sum, a general claim may be
        # meant; see link_rules.in_the_example)
        summed_data, summed_closed = summed if in_a else summed[::-1]
        if not near or len(near) < len(given) or in_a == in_b or not summed_data or summed_closed \
                or closed.has(Derivative, Indexed) or not all(parts_of_data(s) for s in near):
            return None  # (the other side a closed form: no sum, no derivative, no family of its own)
        names_in = sorted(near, key=str)
    symbolic = b if _numeric(a) else a
    if not given and symbolic.has(Derivative):  # ∂L/∂w_1 = −1/2: a derivative at a point the text
        return None, ("a number for a derivative in " + ", ".join(  # gives in words or in a form not read
            plain(s) for s in names_in if isinstance(s, Symbol) and s != ALL_TERMS) + ": the point it is taken "
            "at is not stated in a form derive reads")
    if not given:  # no worked example here: the link claims an identity (see a_value_it_can_take)
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
    return (at_point(a, point), at_point(b, point)), where


def a_value_it_can_take(a: Expr, b: Expr) -> str | None:
    """Why a failing link between a number and a sum or product over the terms of a family, at number
    bounds, is no verdict, or None: some values of the terms make it hold (∏_{t=1}^{10} f_t = σ(3)^{10}
    "with the pre-activation stuck at 3"), so it may state their value at a point the text gives in
    words, as a_sum_at_numbers refuses Z(ln 2) = 7. Σ_{k=1}^{3} σ(x_k) = 4 holds for no x: a claim, and
    wrong. Any other expression in letters against a number stays a claim (x² + y² = 25 after "every
    point satisfies", max(x, 5) = 5): a text that means values says them. A sum over all the entries of a
    vector the text gives none of, ‖𝐯‖ = √13/2 for a velocity named in words, is such a number at some
    count of entries (1 to 4 are tried). A derivative, a sum over a symbolic bound and "= 0" (a
    condition) are left to the rules for them."""
    bounds = bounds_of(a, b)
    if _numeric(a) == _numeric(b) or S.Zero in (a, b) or bounds not in ([], [ALL_TERMS]) or a.has(Derivative) \
            or b.has(Derivative):
        return None
    symbolic, number = (b, a) if _numeric(a) else (a, b)
    if not symbolic.has(Sum, Product):  # (x² + y² = 25, max(x, 5) = 5, 2x + 3 = 7: claims, checked)
        return None
    # (the terms written out: ∏_{t=1}^{10} σ(a_t); a free index at its first value: p_i(1 − p_i) = σ(2)σ(−2)
    # for "both weights" of an example is some p_i's value)
    first = {letter: 1 for letter in free_indices(symbolic, number)}
    try:
        written = [instance(symbolic, {ALL_TERMS: n} if bounds else {}, first) for n in (SIZES if bounds else (1,))]
    except (DeriveError, ValueError, TypeError):
        return None
    if not any(takes_the_value(e, number) for e in written):
        return None
    labels = {t.base.label for e in (a, b) for t in e.atoms(Indexed)}
    named = sorted({plain(t) for e in (a, b) for t in e.atoms(Indexed)}) + sorted(
        plain(s) for s in (a.free_symbols | b.free_symbols) if isinstance(s, Symbol) and s != ALL_TERMS and s not in labels)
    return (f"a number for an expression in {', '.join(named) or 'terms of a sum'}, which takes that value for some "
            "values of them: the text gives none in a form derive reads")


def a_sum_at_numbers(a: Expr, b: Expr, read: tuple) -> str | None:
    """Why a failing link that sets a function of a sum, called at a number, equal to a number is no
    verdict, or None: Z(ln 2) = e^0 + e^{ln 2} + e^{2 ln 2} for Z(λ) = Σ_{j=1}^n e^{λx_j}, after "values
    0, 1, 2" in words: the example's computation, whose terms hold letters the text gives no numbers (some
    values of them may make it hold). A sum the text writes out itself (e^{z_i}/Σ_k e^{z_k} = 1), or one
    that is a number at n = 1 (Σ_{k=1}^n 1/n = 2), stays a claim."""
    bounds = bounds_of(a, b)
    if not bounds or bool(a.free_symbols) == bool(b.free_symbols) or a.has(Derivative) or b.has(Derivative):
        return None  # (∂/∂z_5 Σ_k z_k² = 0 speaks of every z: a claim)
    if not any(isinstance(n, DefinedFunction) and n.args and all(x.is_number for x in n.args)
               for e in read if e is not None for n in preorder(e)):
        return None
    letters = _open_at_few(a, b, bounds)
    if not letters:
        return None
    over = ", ".join(plain(s) for s in bounds if s != ALL_TERMS) or "its terms"
    return f"a number for a sum over {over} in {', '.join(letters)}: the values it is taken at are not stated"


def _open_at_few(a: Expr, b: Expr, bounds: list[Symbol]) -> list[str]:
    """The letters a − b still holds with its sums cut to one term, or else to two (a leave-one-out
    residual vanishes at one term): some value of them may make it hold."""
    for size in (1, 2):
        cut = {s: size for s in bounds}
        try:
            rest = (instance(a, cut, {}) - instance(b, cut, {})).free_symbols
        except (DeriveError, ValueError, TypeError):
            return []
        letters = sorted({re.sub(r"_\d+$", "", plain(t)) for t in rest if t != ALL_TERMS})  # (x of x_1)
        if letters:
            return letters
    return []


def parts_of_data(s: Symbol) -> bool:
    """s is an entry of the example's data, y_2 of y = (2, 6) (a sum written out at the data's size
    names its terms so), not a number of its own like w = 0."""
    return s.name.rpartition("_")[2].isdigit()


def _given_length(a: Expr, b: Expr, known: Definitions) -> int | None:
    """The one number of entries the example gives every vector of the link (u = (1, 0): u_1, u_2)."""
    lengths = set()
    for base in {str(t.base.label) for e in (a, b) for t in e.atoms(Indexed)}:
        n = 0
        while names.make(f"{base}_{n + 1}") in known.values:
            n += 1
        lengths.add(n)
    return lengths.pop() if len(lengths) == 1 and 0 not in lengths else None


def at_point(expr: Expr, point: dict) -> Expr:
    """expr at point: derivatives taken first (dL/dw at w = 0 is not d/d0); a defined function called at
    a number, y(2) with y(x) = a cosh(x/a), written out (its body has the example's a), and those its
    body calls (h(250) with h = k(t/η)^k e^{−(t/η)^k}/(t S(t)): S(250)'s η and k took other values)."""
    for _ in range(DEEPEST_DEFINITION):  # (and those they call, as verify writes them out)
        called = expr.replace(lambda n: isinstance(n, DefinedFunction) and n.args[0].is_number
                              and n.free_symbols & set(point), lambda n: n.body_at(n.args[0]))
        if called == expr:
            break
        expr = called
    if not expr.has(Derivative):
        return expr.xreplace(point)
    # (J'(0) with J(θ) = σ(θ) r_1 + …: the r's are in J's body, free only once it is written out)
    done = Subs(expr, tuple(point), tuple(point.values())).doit()
    return done if done.has(Derivative) else done.xreplace(point)


def under_conditions(a: Expr, b: Expr, known: Definitions,
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
        judged = _looked_at_first(a, b, conditions, distinct) or (None, "")
        sign = "" if relation is None else f"{relation[0]} ≠ {relation[1]} (line {relation[3]})"
        if judged[0] is True:
            return True, judged[1], ", ".join([*said, *([sign] if sign else [])])
        if judged[0] is False and relation is None and failed is None:
            failed = (False, judged[1], ", ".join(said))
    return failed


def on_a_curve(a: Expr, b: Expr, known: Definitions) -> tuple[bool, str, str] | None:
    """(True, method, the equation used) where a − b, over one denominator, is a polynomial multiple of the
    latest polynomial equation the text states (the circle x² + y² = 25, then −(y² + x²)/y³ = −25/y³): the
    link holds wherever the equation does. Only the latest: a worksheet's next problem has a curve of its
    own (x² + y² = 100), and a slip there must not hold on the last problem's circle. None otherwise (a
    link that is no such multiple is judged as before)."""
    if any(e.has(Derivative, Integral, Sum, Product, AppliedUndef) for e in (a, b)):
        return None
    curves = [(fraction(together(value))[0], line, shown) for value, line, shown in known.equations]
    curves = [c for c in curves if len(c[0].free_symbols) >= 2 and c[0].is_polynomial(*c[0].free_symbols)]
    if not curves:
        return None
    curve, line, shown = max(curves, key=lambda c: c[1])
    numerator = fraction(together(a - b))[0]
    symbols = sorted(curve.free_symbols | numerator.free_symbols, key=str)
    if not numerator.is_polynomial(*symbols):
        return None
    try:
        quotient, rest = div(numerator, curve, *symbols)
    except (PolynomialError, CoercionFailed):
        return None
    if rest == 0 and quotient != 0 and expand(quotient * curve - numerator) == 0:  # (the division checked)
        return True, "a multiple of the stated equation", f"{shown} (line {line})"
    return None


_KINKS = (Abs, Max, Min, sign, Piecewise, Heaviside)


def numbers_near(known: Definitions, line: int, names) -> dict:
    """name → (number, line) for the names a worked example just before line gives a number."""
    return {s: known.values[s] for s in names if s in known.values and 0 <= line - known.values[s][1] <= EXAMPLE_REACH}


def solved_for(a: Expr, b: Expr, known: Definitions, line: int | None = None) -> tuple[bool, str, str] | None:
    """(True, method, the equations used) where the latest equations the text states about the link's
    letters (those of one line: "rK*/(pY*) = α, wL*/(pY*) = β"), each solved for a letter it holds to the
    first power (cos θ_0 = g/(RΩ²): g = RΩ² cos θ_0), make the link hold (the slope at an equilibrium,
    "because the bracket vanishes at θ_0"), or make it hold at the numbers a worked example just before
    the link (at line) gives the equations' other letters ("ηa = (1 − √μ)²", then "for μ = 0.81":
    ηa = (1 − √0.81)²). None otherwise: a link they do not make hold is judged as before, never failed
    by them."""
    if any(e.has(Derivative, Integral, Sum, Product, AppliedUndef, Indexed) for e in (a, b)):
        return None
    letters = (a - b).free_symbols
    # (moments have rules of their own; "at $|r| = \delta$" names the kink of a function by cases, a
    # point, not a relation that holds on)
    stated = [(value, line, shown) for value, line, shown in known.equations
              if value.free_symbols & letters and not value.has(Derivative, Integral, Sum, Product, Indexed, *_KINKS)
              and not has_moments(value)]
    if not stated:
        return None
    latest = max(line for _, line, _ in stated)  # (only the latest line's: a worksheet moves on)
    used = [(value, shown) for value, line, shown in stated if line == latest]
    solved = []
    # (a call the link writes is solved for too: "there σ(x*) = 1 + 1/x*" gives σ(x*), x* being in it twice)
    calls = {f for e in (a, b) for f in e.atoms(Function) if f.free_symbols}
    for value, _ in used:
        value = value.xreplace(dict(solved))
        unknowns = sorted(value.free_symbols & letters - {s for s, _ in solved}, key=str) + sorted(
            value.atoms(Function) & calls - {s for s, _ in solved}, key=str)
        for letter in unknowns:
            held = value.xreplace({letter: (unknown := Dummy())})  # (a call cannot be differentiated by)
            slope, rest = held.diff(unknown), held.xreplace({unknown: S.Zero})
            if slope != 0 and not slope.has(unknown) and expand(rest + slope * unknown - held) == 0:
                solved = [(s, v.xreplace({letter: -rest / slope})) for s, v in solved] + [(letter, -rest / slope)]
                break
    if not solved:
        return None
    a, b = a.xreplace(dict(solved)), b.xreplace(dict(solved))
    names = ", ".join(plain(s) for s, _ in solved)
    method = f"with {names} from the stated equation{'s' if len(solved) > 1 else ''}"
    if compare(a, b)[0] is not True:
        others = (a - b).free_symbols - letters
        given = numbers_near(known, line, others) if line is not None else {}
        if not given or compare(a.xreplace({s: v for s, (v, _) in given.items()}),
                                b.xreplace({s: v for s, (v, _) in given.items()}))[0] is not True:
            return None
        method += " at " + ", ".join(f"{plain(s)} = {plain(v)} (line {at})" for s, (v, at) in given.items())
    return True, method, ", ".join(f"{shown} (line {latest})" for _, shown in used)


def with_moments_stated(a: Expr, b: Expr, known: Definitions) -> tuple[bool, str, str] | None:
    """(verdict, method, the facts used) with the moments the text stated (E K = np) put in; None where
    some moment stays unknown and the sides still differ (the facts did not decide it)."""
    stated = averaged(*(side for sides, _, _ in known.moments for side in sides))
    if any(s.name.partition("_")[0].endswith(("hat", "tilde", "bar")) for s in averaged(a, b) - stated):
        return None  # an estimator θ̂ the text did not write out in its random variables, nor state of
    pair = with_facts(a, b, [sides for sides, _, _ in known.moments])
    verdict, method = compare(*pair)
    if verdict is None or verdict is False and any(s.name.startswith("E[") for s in (pair[0] - pair[1]).free_symbols):
        return None
    if verdict is False and not stated & averaged(a, b):  # E[K] = np said, E[ℓ''] of the observed k asked:
        return None  # the facts speak of other variables, and decide nothing here
    if verdict is False and _beyond_the_facts(a, b, pair, known):
        return None
    return verdict, f"moments ({method})", ", ".join(f"{shown} (line {line})" for _, line, shown in known.moments)


def _beyond_the_facts(a: Expr, b: Expr, pair: tuple[Expr, Expr], known: Definitions) -> bool:
    """Whether a failure with the stated moments put in proves nothing: the link speaks of letters the
    facts do not relate to its moments (ln Z − λΣ p_k x_k = ln Z − λE_p[X] against "E_p[X] = μ": what
    E_p[X] is in λ and the x_k, no stated fact says), or it is a number for a moment the facts give in
    parameters whose values the text does not give there (E_p[X] = 10/7 against E_p[X] = μ)."""
    own = _letters(a, b)
    return beyond_moments(a, b, [side for sides, _, _ in known.moments for side in sides]) or (
        not own and bool((pair[0] - pair[1]).free_symbols))


def beyond_moments(a: Expr, b: Expr, facts: list[Expr]) -> bool:
    """Whether the link (with moments) holds letters the facts about moments never mention: what its
    moments are in those letters, no stated fact says, so a failure with the facts put in proves nothing."""
    return bool(_letters(a, b) - _letters(*facts) - set(bounds_of(a, b)))  # (n of Σ_{i=1}^n: a count)


def _letters(*exprs: Expr) -> set[Symbol]:
    """The letters of exprs outside their expectations (λ and x of λΣ p_k x_k − λE[X]; not X)."""
    return {s for e in exprs for s in e.free_symbols} - averaged(*exprs)


def variable_written(a: Expr | None, b: Expr | None, variable: str,
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


def letters_of(exprs) -> set[str]:
    """The letters names in exprs are written with: x of x_i, of the term x[k], and of 𝐱_i."""
    found = set()
    for e in exprs:
        found |= {str(t.base.label) for t in e.atoms(Indexed)} | {letter_of(s) for s in e.free_symbols}
    return found


def letter_of(symbol: Symbol) -> str:
    """x of x_i and of 𝐱_i; the name itself for one without an index (θ, n)."""
    return parts_of(symbol)[0] if parts_of(symbol) else family(symbol.name)


def a_case_stated(a: Expr, b: Expr, written: list, known: Definitions, line: int,
                  variable: str) -> dict[Symbol, tuple[Expr, int]]:
    """{𝐱_i: (1, 45)} where the text gave a value, just before, to a name the link uses ("if
    $\\mathbf{x}_i = 1$ for all $i$, the score reduces to"; "for a positive anchor, $y = 1$"): a link
    that fails in general may hold in that case. Empty where it gave none. Never the variable a link is
    a function of (the critical points x = 3/14 say nothing of g'(x) below them), nor a name the link
    writes itself (a claim about every x): only one its definitions bring in. written: the link as read."""
    letters = letters_of((a, b)) - letters_of(e for e in written if e is not None)
    differentiated = {v for e in (a, b) for d in e.atoms(Derivative) for v in d.variables} | {names.make(variable)}
    found = {}
    for name, (value, where) in known.values.items():
        if name in differentiated:
            continue
        if 0 <= line - where <= EXAMPLE_REACH and letter_of(name) in letters:
            found[name] = (value, where)
    return found


def named_in_words(a: Expr, b: Expr, known: Definitions, written: tuple = (None, None)) -> str:
    """The names a link uses that the text must have defined in words: a_2 where only a_1 has a formula
    (the other class of two), T_n where n bounds a sum ("call the sum T_n"), u_i on one side only where
    the prose names a u_j with no formula ("call this $u_j$"). A difference they make is no verdict."""
    writer = Writer.of(known)
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
    # Σ_i α_i u_i = Σ_r g_r o_r after "call this $u_j$": a sum of a family the prose names, written on
    # its side (not brought in by definitions), against another sum; a lone u_j is checked as it stands
    summed_in = [{str(t.base.label) for node in preorder(e) if isinstance(node, Sum) for t in node.atoms(Indexed)}
                 if e is not None else set() for e in written]
    # (1/Z)Σ_j e^{s_j} = 1 after "write $Z$ for the normaliser": the link holds for one Z, the text's, on
    # one side only (where Z is on both, it holds for every Z or not at all, and is checked)
    for spelled, line in sorted(known.abbreviated.items()):
        symbol = names.make(names.spelled(spelled))
        if symbol not in known.symbols and (symbol in a.free_symbols) != (symbol in b.free_symbols):
            found.append(f"{plain(symbol)} (line {line})")
    for letter in sorted(known.named):
        sides = [letters_of([e]) for e in (a, b)]
        if any(letter in summed_in[k] and letter not in sides[1 - k] and (b if k == 0 else a).has(Sum)
               for k in (0, 1)) and not any(base_of(d) == letter for d in known.symbols):
            found.append(f"the {letter}'s (line {known.named[letter]})")
    return ", ".join(found)


def holds_if_normalised(a: Expr, b: Expr) -> str | None:
    """'Σ_k y_k = 1' where the link holds once a summed quantity sums to one: softmax derivations use
    it for one-hot labels, often without saying so. The link is then not wrong, only unfounded. Only a
    letter the link sums over a count is tried with that count (Σ_k y_k log s_k over K): the sum of a
    letter never summed cannot enter, and each try writes out every instance again."""
    summed = {(t.base, high) for e in (a, b) for node in preorder(e) if isinstance(node, Sum)
              for v, _, high in node.limits for t in node.function.atoms(Indexed) if t.indices == (v,)}
    for term in sorted({t for e in (a, b) for t in e.atoms(Indexed)}, key=str):
        if len(term.indices) != 1 or not isinstance(term.indices[0], Symbol):
            continue
        k = term.indices[0]
        for bound in bounds_of(a, b) or [ALL_TERMS]:  # over the link's own count of terms (K)
            if (term.base, bound) not in summed:
                continue
            total = Sum(term, (k, 1, bound)) - 1
            if any(expand(a - b - sign * total) == 0 for sign in (1, -1)):
                continue  # 1 − Σ_{k=1}^{m} p_k = 0 is the normalisation itself: a claim, never a convention
            if (_looked_at_first(a, b, (total,)) or (None,))[0] is True:
                return f"Σ_{k} {term.base.label}_{k} = 1"
    return None


def _looked_at_first(a: Expr, b: Expr, conditions: tuple[Expr, ...],
                     distinct: frozenset = frozenset()) -> tuple[bool | None, str] | None:
    """by_instances with compare, under the conditions, where a sample point of each instance does not
    already show a failure: the point is cheap, compare's methods are not (a search that tries many
    conventions or cases fails on most of them)."""
    looked = by_instances(a, b, _points_agree, conditions, distinct)
    if looked is not None and looked[0] is False:
        return looked
    return by_instances(a, b, compare, conditions, distinct)


def _points_agree(a: Expr, b: Expr) -> tuple[bool, str]:
    """A quick look: (False, …) where a sample point shows a ≠ b, (True, …) otherwise, which proves
    nothing."""
    return not surely_differs(a, b), "a sample point"


def holds_if_mean(a: Expr, b: Expr) -> str | None:
    """'ȳ is the mean of the y_i' where the link holds once an x̄ the text never defined is the mean of
    the terms of its letter (the convention of statistics notes, often left unsaid: "and so on")."""
    sums = [node for e in (a, b) for node in preorder(e) if isinstance(node, Sum)]
    bound = next((hi for node in sums for _, _, hi in node.limits if hi.free_symbols), None)
    for bar in sorted({s for s in a.free_symbols | b.free_symbols if s.name.endswith("bar")}, key=str):
        letter = bar.name[:-3]
        if not letter or bound is None:
            continue
        k = names.make("k")
        mean = Sum(Indexed(IndexedBase(letter, real=True), k), (k, 1, bound)) / bound
        if compare(a.xreplace({bar: mean}), b.xreplace({bar: mean}))[0] is True:
            return f"{letter}̄ is the mean of the {letter}_i"
    return None


def length_stated(value: Expr) -> tuple[str, Expr] | None:
    """(u, 1) for ‖u‖ = 1 (or Σ_k u_k² = 1) stated as value = 0: the squared length of the vector u."""
    constant, side = value.as_coeff_Add()
    squared = -constant
    if side.is_Pow and side.exp == S.Half:
        side, squared = side.base, squared ** 2
    if isinstance(side, Sum) and side.function.is_Pow and side.function.exp == 2 \
            and isinstance(side.function.base, Indexed) and squared.is_positive:
        return str(side.function.base.base.label), squared
    return None


def scaled(expr: Expr, lengths: dict[str, Expr]) -> Expr:
    """An instance (terms u_1, u_2, … as symbols) with its derivatives taken, then each vector u scaled
    to the squared length lengths[u]: a point where the stated ‖u‖ = 1 holds."""
    done = expr.replace(lambda e: isinstance(e, Derivative), lambda e: e.doit())
    for letter, squared in lengths.items():
        terms = sorted({t for t in done.free_symbols if t.name.partition("_")[0] == letter
                        and t.name.partition("_")[2].isdigit()}, key=str)
        if terms:
            norm = sqrt(Add(*(t ** 2 for t in terms)))
            done = done.xreplace({t: sqrt(squared) * t / norm for t in terms})
    return done
