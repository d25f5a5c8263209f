"""How one link of a chain is judged: small rules, tried in order, each of which may settle the link.

First the rules that settle a link before its sides are compared (an approximation, an inequality, a
definition, a side derive could not read, a matrix only one side writes, differentials, z^* beside z).
Then the sides are compared, and what the text states around the link may decide it (a worked
example's numbers, a condition, stated equations and moments, assumptions such as x > 0). A link that
still fails is wrong, unless a rule in IF_IT_FAILS shows why its difference is no verdict (a
convention left unsaid, independence said in words, a special case, a name defined only in words)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from sympy import Abs, And, Derivative, Dummy, Expr, Function, Indexed, Limit, Max, Min, Product, S, Subs, Sum, Symbol, exp, expand, log, pi, sin
from sympy.core.function import AppliedUndef
from sympy.core.relational import Relational

from derive.checker.assumptions import VALUES, assumed, cases, described, is_condition, used_by
from derive.checker.blocks import Chain
from derive.checker.definitions import Definitions, region_of, renames_parameters, subscripts_hold
from derive.checker.differentials import DIFFERENTIAL, differential_link, has_differentials
from derive.checker.jets import derivatives_done, in_jets, real_jets
from derive.checker.motion import along_the_motion
from derive.checker.report import DEFINITION, INVALID, UNDECIDED, VALID, Link
from derive.checker.stated import (EXAMPLE_REACH, a_case_stated, a_number_for, a_sum_at_numbers, a_value_it_can_take,
                                   beyond_moments,
                                   holds_if_mean, holds_if_normalised, length_stated, letters_of, named_in_words,
                                   numbers_near,
                                   on_a_curve, restates, scaled, solved_for, under_conditions, variable_written,
                                   with_moments_stated)
from derive.checker.upstream import through, upstream_of
from derive.checker.written import base_of, written_out
from derive.errors import DeriveError
from derive.exprs import ALL_TERMS
from derive.functions import DefinedFunction
from derive.indexing import TermsAt, counted, split
from derive.instances import bounds_of, by_instances, instance
from derive.justify import justify
from derive.probability import has_moments, random_symbols
from derive.parse import names
from derive.render.printer import text as plain
from derive.signs import surely_nonnegative, surely_positive
from derive.verify import compare, compare_where, finished, with_law


@dataclass
class Pair:
    """One link as its rules see it: the sides with the text's definitions written out (a, b), the
    sides as read (before them), and what the chain around the link knows."""

    i: int  # the link from expression i to i + 1
    a: Expr | None
    b: Expr | None
    read: tuple[Expr | None, Expr | None]
    chain: Chain
    known: Definitions
    variable: str
    at: Symbol | None  # the entry a chain of vectors is read at
    declared: bool  # the chain names its variable (∂/∂a_k)
    definition: tuple | None  # what the chain's first link defines, if it defines
    errors: dict[int, str]  # why an expression could not be read
    summed: bool  # a side writes a sum itself (not only through a definition)
    deltas: list[set[str]]  # the indices of the δ's the link writes
    undefined: list[str]  # names of the chain nobody defined
    letters: tuple[frozenset[str], ...] = ()  # the names (and families) in each expression, as read or written out

    @property
    def sources(self) -> list[str]:
        return self.chain.expressions[self.i:self.i + 2]

    @property
    def line(self) -> int:
        return self.chain.lines[self.i]

    def link(self, verdict: str, method: str | None = None, rule: str | None = None,
             reason: str | None = None) -> Link:
        return Link(self.i, self.i + 1, verdict, method, rule, reason)


def judge(p: Pair) -> Link:
    for rule in BEFORE_COMPARING:
        if (link := rule(p)) is not None:
            return link
    verdict, method = _compared(p)
    for rule in WITH_A_VERDICT:
        if (link := rule(p, verdict, method)) is not None:
            return link
    sides = (p.a, p.b)
    # δ > 0 for the δ in the body of a function the text defined (under an expectation, a density p(X)
    # stays as it is: its moments are the moment rules' to judge)
    if verdict is not True and p.known.assumptions and not has_moments(p.a, p.b):
        sides = tuple(_written_out(e) for e in sides)
    used = used_by(sides, p.known.assumptions) if verdict is not True else set()
    if used:  # √(x²) = x where the text said x > 0; y ∈ {0, 1}: each value in turn
        a, b = (derivatives_done(e) if _labels(used, p.known) else e for e in sides)
        a, b = assumed(a, p.known.assumptions), assumed(b, p.known.assumptions)
        each = cases((a, b), p.known.assumptions)
        verdict, method = _in_every_case(a, b, each) if each else compare(a, b)
        if verdict is None:  # (m, k > 0 beside ẋ: the rates as letters decide, as without the assumption)
            verdict, method = _as_functions(p, a, b, verdict, method)
    if verdict is True:
        return p.link(VALID, method, rule=f"using {described(used, p.known.assumptions)}" if used else
                      justify(p.a, p.b, Symbol(p.variable, real=True)))
    if verdict is False:
        for rule in IF_IT_FAILS:
            if (link := rule(p)) is not None:
                return link
        return p.link(INVALID, method)
    # (the chain's unknown functions that this link writes: ψ(α_0) = … beside a line with p(𝒟) is not about p)
    here = [n for n in p.undefined if any(type(f).__name__ == n for e in (p.a, p.b) for f in e.atoms(AppliedUndef))]
    if here:
        return p.link(UNDECIDED, reason=p.known.undefined_reason(here))
    return p.link(UNDECIDED, reason=method)


def _compared(p: Pair) -> tuple[bool | None, str]:
    verdict, method = compare(p.a, p.b)
    if verdict is False and (whole := variable_written(*p.read, p.variable, p.known)):
        verdict, method = compare(*whole)  # e^η = λ where η = log λ: no derivative needs η kept
    if verdict is not True:
        verdict, method = _as_functions(p, p.a, p.b, verdict, method)
    if verdict is False and not p.summed and ALL_TERMS in (p.a - p.b).free_symbols:
        as_written = by_instances(p.a, p.b, compare, as_written=True)  # a_1(1 − a_1) = a_1 a_2, two classes
        if as_written is not None and as_written[0] is True:
            verdict, method = as_written
    return verdict, method


def _as_functions(p: Pair, a: Expr, b: Expr, verdict: bool | None, method: str) -> tuple[bool | None, str]:
    """The verdict with each letter the link differentiates as a function made that function, and its
    rates letters of their own (dV/dt = (πh²/4) dh/dt with V = πh³/12: h is h(t)); as it was otherwise."""
    if (made := _functions_made(a, b)) is not None:
        held, how = compare(*in_jets(*made))
        if held is True or held is False and _chain_rule_claim(*made, _rates_written(p)):
            return held, how
    return verdict, method


def _functions_made(a: Expr, b: Expr) -> tuple[Expr, Expr] | None:
    """a and b with each letter that the link also differentiates as a function made that function (h
    beside dh/dt is h(t): related rates write h for h(t) throughout); None where the link differentiates
    no unknown function."""
    if any(e.has(Sum, Product, Indexed, Subs, TermsAt) for e in (a, b)):
        return None  # (a letter per function forgets which term of a sum it stands in: g_i is no one g)
    calls = {type(f).__name__: f for e in (a, b) for d in e.atoms(Derivative) for f in d.expr.atoms(AppliedUndef)
             if len(f.args) == 1 and f.args[0].is_Symbol}
    by = {v for e in (a, b) for d in e.atoms(Derivative) for v, _ in d.variable_count}
    # functions of one and the same variable, t of h(t) and V(t), the variable of every derivative too
    if not calls or len({f.args for e in (a, b) for f in e.atoms(AppliedUndef)} | {(v,) for v in by}) != 1:
        return None
    swap = {s: calls[s.name] for e in (a, b) for s in e.free_symbols if s.name in calls and s not in by}
    return a.xreplace(swap), b.xreplace(swap)


def _rates_written(p: Pair) -> set[str]:
    """The unknown functions the text itself writes as functions: dh/dt, y'(x) as read, and y after "with
    $y = y(x)$" (never one derive made a function only because a derivative may reach it, as y(w) of a
    target y under ∂/∂w: its rate is unknown, not a letter of its own)."""
    written = {d.expr.name if isinstance(d.expr, Symbol) else type(d.expr).__name__ for e in p.read
               if e is not None for d in e.atoms(Derivative) if isinstance(d.expr, (Symbol, AppliedUndef))}
    return written | set(p.known.dependent)


def _chain_rule_claim(a: Expr, b: Expr, written: set[str]) -> bool:
    """Whether a link differentiates an expression on one side and writes the same functions on the
    other (d/dt(x² + y²) = 2x dx/dt + 2y dy/dt, d/dx(xy) = y after "y = y(x)"): an identity for every x(t),
    y(t), so a failure is a slip. A link between bare rates (dy/dt = ky, 2x + 2y y' = 0) is an equation
    of a problem, not an identity."""
    def compound(e: Expr) -> bool:
        return any(not isinstance(d.expr, AppliedUndef) for d in e.atoms(Derivative))

    # (the same unknown functions at the same arguments on both sides: dz_2/dw against z_1's rates speaks
    # of another function, dV/dt = 2 of a value at an instant, ∂ℓ/∂s = ℓ'(σ)σ'(s) of ℓ as a function of σ
    # where ℓ(s) was read; and no letter on one side only: ∂L/∂u_j = (p − y)g_j says p depends on u_j
    # through g_j, a function the text has in mind, not every one)
    calls = a.atoms(AppliedUndef)
    return (compound(a) or compound(b)) and bool(calls) and calls == b.atoms(AppliedUndef) \
        and a.free_symbols == b.free_symbols and {type(f).__name__ for f in calls} <= written


def _written_out(expr: Expr) -> Expr:
    """expr with each function the text defined replaced by its body (L_δ(r) by its cases in r and δ)."""
    return expr.replace(lambda n: isinstance(n, DefinedFunction), lambda n: n.body_at(n.args[0]))


def _labels(used: set[str], known: Definitions) -> bool:
    """Whether a link uses a label of a finite coding (y ∈ {0, 1}, y_i ∈ {−1, +1})."""
    return any(known.assumptions[n][0] in VALUES for n in used)


def _in_every_case(a: Expr, b: Expr, each: list[dict]) -> tuple[bool | None, str]:
    verdict: bool | None = True
    shown = [", ".join(f"{plain(s)} = {v}" for s, v in case.items()) for case in each]
    for case, where in zip(each, shown):
        try:
            holds, how = compare(_in_case(a, case), _in_case(b, case))
        except ValueError:  # a derivative by the label itself, left unevaluated: no value to put in
            return None, f"a derivative by {where.partition(' =')[0]}, which takes its values only"
        if holds is False:
            return False, f"{how} at {where}"
        if holds is None:
            verdict = None
    return verdict, f"in every case ({'; '.join(shown)})"


def _in_case(expr: Expr, case: dict) -> Expr:
    """expr with a label set to its value: y = −1 is the plain y's, never the y of the terms y_i of a sum
    (whose base has the same name: y[i] would become (−1)[i])."""
    terms = {t: Dummy() for t in expr.atoms(Indexed)}
    return expr.xreplace(terms).xreplace(case).xreplace({d: t for t, d in terms.items()})


# --- before the sides are compared -----------------------------------------------------------------

def approximation(p: Pair) -> Link | None:
    if p.chain.relations.get(p.i + 1) == "≈":
        return p.link(UNDECIDED, reason="≈ is an approximation, not an equality")
    return None


_HOLDS = {"<": lambda d: d < 0, ">": lambda d: d > 0, "≤": lambda d: d <= 0, "≥": lambda d: d >= 0}


def inequality(p: Pair) -> Link | None:
    """1/32 < 1/8: between two numbers, decided exactly; between expressions, no claim derive proves."""
    sign = p.chain.relations.get(p.i + 1)
    if sign is None:
        return None
    a, b = p.a, p.b
    if a is not None and b is not None and not (a.is_number and b.is_number):
        return _between_expressions(p, sign, a, b)
    if a is None or b is None or a.has(Derivative, Sum, Product):
        return p.link(UNDECIDED, reason=f"an inequality ({sign}) between expressions, which derive does not prove")
    difference = (a - b).simplify()
    if not difference.is_real:
        return p.link(UNDECIDED, reason=f"an inequality ({sign}) derive could not evaluate")
    holds = bool(_HOLDS[sign](difference))
    return p.link(VALID if holds else INVALID, f"evaluate: {sign}",
                  reason=None if holds else f"{plain(a)} {sign} {plain(b)} is false")


def _between_expressions(p: Pair, sign: str, a: Expr, b: Expr) -> Link:
    """2Σ x_i² ≥ 0, e^{-x} > 0: proved where the difference is a sum of squares, exponentials and
    positive numbers; never refuted (where it fails may lie outside what the text lets its letters be)."""
    larger, smaller = (a, b) if sign in (">", "≥") else (b, a)
    difference = larger - smaller
    if p.known.assumptions or p.known.timed:  # (−bẋ² ≤ 0 where the text says b ≥ 0: ẋ is a real rate)
        difference = real_jets(assumed(difference, p.known.assumptions), p.known.timed)
    proved = surely_positive if sign in ("<", ">") else surely_nonnegative
    if proved(difference) or proved(expand(difference)):
        used = {s.name for s in difference.free_symbols} & set(p.known.assumptions)
        return p.link(VALID, f"nonnegative terms: {sign}",
                      rule=f"using {described(used, p.known.assumptions)}" if used else None)
    return p.link(UNDECIDED, reason=f"an inequality ({sign}) between expressions, which derive proves only for "
                                     "sums of squares and exponentials")


def restated(p: Pair) -> Link | None:
    """ℓ = … where ℓ was defined before with what this says: a claim that holds, not a new ℓ."""
    if p.i != 0 or p.definition is None:
        return None
    found = restates(p.chain, p.b, p.variable, p.known, p.at, p.declared)
    return None if found is None else p.link(VALID, found[0], rule=found[1])


def definition(p: Pair) -> Link | None:
    if p.definition is not None and (p.i == 0 or p.i == 1 and renames_parameters(p.chain)):
        again = " again, with other parameters and another body: a new one" if p.definition[1] in p.known.again else ""
        return p.link(DEFINITION, rule=f"definition of {p.definition[1]}{again}")
    return None


def given_a_value(p: Pair) -> Link | None:
    """x = 2, n = 3, z = w^2 + 1 = …, \\hat{\\sigma}^2 = …: a name given a value, not an identity. A call
    that works out to a name, h(1, t) = t of h(x, t) = xt, is a claim about h: it is checked."""
    a, b = p.a, p.b
    if p.i == 0 and a is not None and b is not None and (a.is_Symbol or (
            a.is_Pow and a.base.is_Symbol and a.exp.is_Integer and a.base not in b.free_symbols)) \
            and not _A_CALL.match(p.sources[0]):
        return p.link(DEFINITION, rule=f"{plain(a)} is given a value")
    return None


# h(1, t), \operatorname{f}\left(2, t\right), g_n(2): a name right before a bracket, as written
_A_CALL = re.compile(r"\s*(?:\\?[A-Za-z]+|\\(?:operatorname|mathrm|text)\s*\{[A-Za-z]+\})(?:_\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]+))?"
                     r"\s*(?:\\left\s*)?\(")


def unread(p: Pair) -> Link | None:
    if p.a is None or p.b is None:
        k = p.i if p.a is None else p.i + 1
        return p.link(UNDECIDED, reason=f"cannot read `{p.chain.expressions[k]}`: {p.errors[k]}")
    return None


def pi_a_quantity(p: Pair) -> Link | None:
    """A link that rests on π where the text makes π a quantity too (π̂, ∂Q/∂π, π = ½): which π each place
    means (the weight, or the 2π of a density), the reader cannot tell, so it decides nothing."""
    if p.known.pi_quantity is None or not any(e.has(pi) for e in (p.a, p.b)):
        return None
    line, formula = p.known.pi_quantity
    return p.link(UNDECIDED, reason=f"π is a quantity in this text (${formula}$, line {line}) as well as the "
                                    "number 3.14159…, and which one each π here means derive cannot tell")


def unreadable_definition(p: Pair) -> Link | None:
    """A name whose latest definition could not be read (the variable itself is never replaced); a link
    that only multiplies out is algebra whatever the names stand for (see _multiplied_out)."""
    if _multiplied_out(p.a, p.b):
        return None
    used = {s.name for s in p.a.free_symbols | p.b.free_symbols} | {
        type(f).__name__ for e in (p.a, p.b) for f in e.atoms(AppliedUndef)}
    unreadable = set(p.known.unreadable)
    # h_t = \tanh(…) unread: ∂h_3/∂h_2 differentiates one of that family, which derive cannot write out
    families = _unread_families(p.known)
    differentiated = {d.expr.name for e in (p.a, p.b) for d in e.atoms(Derivative) if isinstance(d.expr, Symbol)}
    members = {families[n.partition("_")[0]] for n in differentiated if "_" in n and n.partition("_")[0] in families}
    unread = sorted(((used & unreadable) | members) - {p.variable})
    return p.link(UNDECIDED, reason=p.known.undefined_reason(unread)) if unread else None


def unread_family_member(p: Pair) -> Link | None:
    """A failing link with a term of a family the text defined in a form derive cannot read (ᾱ_2 where
    ᾱ_t = α_1α_2⋯α_t): that term has a value derive does not know, so the link is no verdict (a link that
    only multiplies out is algebra whatever the terms stand for: see _multiplied_out)."""
    if _multiplied_out(p.a, p.b):
        return None
    families = _unread_families(p.known)
    terms = sorted(s.name for s in expand(p.a - p.b).free_symbols if s.name.partition("_")[2].isdigit()
                   and s.name.partition("_")[0] in families and s not in p.known.symbols)
    if not terms:
        return None
    family = families[terms[0].partition("_")[0]]
    return p.link(UNDECIDED, reason=f"{terms[0]} is a term of {family}, which is defined at line "
                                    f"{p.known.unreadable[family]} in a form derive cannot read")


def _unread_families(known: Definitions) -> dict[str, str]:
    """base → name of each family h_t the text defined in a form derive cannot read (one letter for its
    index)."""
    return {base: u for u in known.unreadable if (base := u.partition("_")[0]) and len(u.partition("_")[2]) == 1
            and u.partition("_")[2].isalpha()}


def one_sided_matrices(p: Pair) -> Link | None:
    """∇J = Xᵀ(Xθ − 𝐲)/m against J's sum over the data holds only for the X the prose describes
    ("rows (1, x_i)"): a matrix (X of X_jk) that one side of a vector link has and the other not."""
    def matrices(e: Expr) -> set[str]:
        found = {str(t.base.label) for t in e.atoms(Indexed) if len(t.indices) == 2}
        found |= {q[0] for s in e.free_symbols if (q := split(s.name)) and len(q[1]) == 2}
        return {m for m in found if m.isupper() and m != "I"}

    alone = sorted(matrices(p.a) ^ matrices(p.b))
    vectors = any(re.search(r"\\top|\\intercal|\\mathbf|\\boldsymbol|\^\{?T\b", e) for e in p.sources)
    defined = any(base_of(d) in alone and len(d.name.partition("_")[2]) == 2 for d in p.known.symbols)  # J_ij
    if alone and (p.at is not None or vectors and not defined):
        return p.link(UNDECIDED, reason=f"the matrix {', '.join(alone)} stands on one side only: how it is made "
                                        "from the data is not written out")
    return None


def differentials(p: Pair) -> Link | None:
    """du = 2x dx, checked against u's definition (d of a + kd is a common difference, not this)."""
    if not (has_differentials(p.a) or has_differentials(p.b)) or not any(
            DIFFERENTIAL.match(t.strip()) for t in p.sources):
        return None
    judged = differential_link(*p.sources, p.variable, p.known)
    if judged is None:
        return p.link(UNDECIDED, reason="a relation between differentials derive cannot read as du = u'(x) dx")
    if judged[0]:
        return p.link(VALID, judged[1], rule="the differential of a substitution")
    return p.link(INVALID, judged[1], reason=judged[2])


def index_into_a_function(p: Pair) -> Link | None:
    """Σ_i [ℓ_i(y_i) − ℓ_i(μ̂_i)] with ℓ_i(m) = y_i log m − m: the sum's i must reach the y_i of ℓ_i's body,
    which derive does not carry into a function's definition (ℓ_1(y_1) came out y_i log y_1 − y_1, and a
    correct deviance was judged wrong). No verdict: a slip in such a line is not found either."""
    for e in (p.a, p.b):
        for total in (e.atoms(Sum, Product) if e is not None else ()):
            bound = {str(v) for v, *_ in total.limits}
            for f in total.function.atoms(DefinedFunction):
                index = type(f).__name__.partition("_")[2]
                if index in bound and subscripts_hold(type(f).body, index):
                    return p.link(UNDECIDED, reason=f"{type(f).__name__} inside a sum over {index}: derive does not "
                                                    "carry the sum's index into the function's definition")
    return None


def starred(p: Pair) -> Link | None:
    """z^* beside z: z^* may be z's conjugate, or an optimum of its own."""
    symbols = {s.name for s in p.a.free_symbols | p.b.free_symbols if isinstance(s, Symbol)}
    for name in sorted(symbols):
        base, _, sub = name.partition("_")
        if base.endswith("star") and (plain_name := base[:-4] + (f"_{sub}" if sub else "")) in symbols:
            return p.link(UNDECIDED, reason=f"{plain_name}^* beside {plain_name}: a conjugate or an optimum, "
                                            "which derive does not guess")
    return None


BEFORE_COMPARING: tuple[Callable[[Pair], Link | None], ...] = (
    approximation, inequality, restated, definition, given_a_value, unread, pi_a_quantity, unreadable_definition,
    one_sided_matrices, differentials, index_into_a_function, starred)


# --- with the sides compared: what the text states around the link ------------------------------

def worked_example(p: Pair, verdict: bool | None, method: str) -> Link | None:
    """dL/dw = −6 after "take w = 0, x = 3": the link at the example's numbers."""
    point = a_number_for(p.a, p.b, p.known, p.line) if verdict is not True else None
    if (point is None or point[0] is None) and verdict is not True and None not in p.read \
            and not any(e.has(Derivative) for e in p.read):  # (∂L/∂z_2 needs L written out: never L's number)
        # −log p_2 = −log ¼ after "𝐩 = (½, ¼, ¼)": the numbers the example gives the names as written,
        # where their definitions bring in names it gives none (p_k through z_k through W, x, b)
        read = a_number_for(*p.read, p.known, p.line)
        point = read if read is not None and read[0] is not None else point
    if point is None:
        return None
    if point[0] is None:
        return p.link(UNDECIDED, reason=point[1])
    verdict, method = compare(*point[0])
    return p.link(VALID if verdict else INVALID if verdict is False else UNDECIDED, method,
                  rule=f"at {point[1]}" if verdict else None, reason=None if verdict else f"at {point[1]}: {method}")


# arbitrary functions said in words, made concrete to show a link wrong: transcendental, so that no
# instance agrees by accident where the link is wrong for the functions in general
_INSTANCES = (lambda u: exp(u / 3) + u ** 2 / 5, lambda u: sin(u) + u ** 3 / 7, lambda u: log(2 + u ** 2) - u / 4)


def arbitrary_functions(p: Pair, verdict: bool | None, method: str) -> Link | None:
    """∂/∂z_1(z_2e^{s(z_1)}) = z_2s'(z_1)e^{s(z_1)} + t'(z_1), where the text says s and t may be any
    functions of z_1: a link that holds must hold for every s and t, so one concrete pair where it fails
    shows it wrong."""
    if verdict is not None:
        return None
    calls = sorted({type(f).__name__ for e in (p.a, p.b) for f in e.atoms(AppliedUndef)})
    said = [name for name in calls if name in p.known.arbitrary]
    if not said or len(said) != len(calls) or len(said) > len(_INSTANCES):
        return None
    made = dict(zip(said, _INSTANCES))

    def concrete(e: Expr) -> Expr:
        return e.replace(lambda n: isinstance(n, AppliedUndef) and type(n).__name__ in made,
                         lambda n: made[type(n).__name__](sum(n.args))).doit()
    try:
        wrong, shown = compare(concrete(p.a), concrete(p.b))
    except (DeriveError, TypeError, ValueError):
        return None
    if wrong is not False:
        return None
    u = Symbol("u", real=True)
    chosen = ", ".join(f"{name}(u) = {plain(made[name](u))} (line {p.known.arbitrary[name]})"
                       for name in said)
    return p.link(INVALID, f"{shown}, with {chosen}: functions the text leaves arbitrary")


def condition(p: Pair, verdict: bool | None, method: str) -> Link | None:
    """Σ_k y_k = 1 or sin θ = y/r alone in a display, or the equation of a curve the prose names (the
    circle x² + y² = 25): a fact the text states, not a step."""
    if verdict is not True and p.i == 0 and len(p.chain.expressions) == 2:
        if is_condition(p.a, p.b):
            return p.link(DEFINITION, rule="a condition the text states")
        if p.known.curve:
            return p.link(DEFINITION, rule="the equation of a curve the text states, not an identity")
    return None


def fixes_a_multiplier(p: Pair, verdict: bool | None, method: str) -> Link | None:
    """e^{1 + α} = Σ_j e^{−λE_j}, where the text calls α a multiplier: one side in multipliers alone, the
    other free of them, is the equation a constraint fixes them by (no identity holds between the two),
    not a step."""
    if verdict is True or not p.known.multipliers:
        return None
    for one, other in ((p.a, p.b), (p.b, p.a)):
        letters = one.free_symbols
        if letters and letters <= set(p.known.multipliers) and other.free_symbols and not letters & other.free_symbols \
                and not one.has(Derivative, Subs, Sum, Product, Indexed):
            shown = ", ".join(f"{plain(s)} (line {p.known.multipliers[s]})" for s in sorted(letters, key=str))
            return p.link(DEFINITION, rule=f"the equation that fixes the multiplier {shown}, not an identity")
    return None


def stated_facts(p: Pair, verdict: bool | None, method: str) -> Link | None:
    """Decided by equations, index relations (j ≠ i) or moments (E K = np) the text stated: a link
    they make hold is valid; one they show wrong is invalid only where comparing alone could not tell."""
    if verdict is True:
        return None
    stated = under_conditions(p.a, p.b, p.known, p.deltas) or on_a_curve(p.a, p.b, p.known) or solved_for(
        p.a, p.b, p.known, p.line) or along_the_motion(p.a, p.b, p.known, lambda e: written_out(e, "t", p.known))
    moments = [value for value, _, _ in p.known.equations if has_moments(value)]
    if stated is not None and stated[0] is False and moments and has_moments(p.a, p.b) \
            and beyond_moments(p.a, p.b, moments):
        stated = None  # ("the constraint E_p[X] = μ" says nothing of E_p[X] in λ and the x_k)
    if stated is None and p.known.moments and has_moments(p.a, p.b):
        stated = with_moments_stated(p.a, p.b, p.known)
    if stated is not None and (stated[0] is True or verdict is None):
        holds, how, said = stated
        return p.link(VALID if holds else INVALID, how, rule=f"using {said}")
    return None


def stated_law(p: Pair, verdict: bool | None, method: str) -> Link | None:
    """Var(X̄) = σ²/n where the text said "X_1, …, X_n i.i.d. with mean μ and variance σ²"."""
    known = p.known
    if verdict is True or not known.laws or not has_moments(p.a, p.b):
        return None
    random = random_symbols(p.a, p.b)
    alone = len(random) == 1 and not p.a.has(Indexed, Sum) and not p.b.has(Indexed, Sum)
    if known.independent is None and not alone:  # Var(2K + 1) of one K needs no independence
        return None
    laws = {letter: law[:2] for letter, law in known.laws.items()}
    holds, how = with_law(p.a, p.b, laws)
    at = ""
    if holds is False and (point := _example_numbers(laws, p)):
        # Var(X) = 10·0.3·0.7 for X ∼ Bin(n, p), "with n = 10 and p = 0.3": the law at the example's numbers
        laws = {letter: (mean.xreplace(point[0]), variance.xreplace(point[0])) for letter, (mean, variance) in laws.items()}
        (holds, how), at = with_law(p.a, p.b, laws), f", at {point[1]}"
    if holds is None or (holds is False and verdict is not None):
        return None
    own = {letter: law for letter, law in laws.items() if any(r.name.partition("_")[0] == letter for r in random)}
    parameters = {s for mean, variance in own.values() for s in mean.free_symbols | variance.free_symbols}
    letters = {s for e in (p.a, p.b) for s in e.free_symbols} - set(random)
    if holds is False and parameters and letters and not parameters & letters:
        return None  # Var[W] = 1/(3n) for W ∼ U(−a, a): the text sets a = 1/√n in words the law cannot know
    whose = "{}" if alone else "the {}'s"  # K's own law; the X's of a sample X_1, …, X_n
    said = ", ".join(f"the law of {whose.format(letter)} (line {law[2]})" for letter, law in sorted(known.laws.items()))
    independent = f" and independence (line {known.independent})" if known.independent is not None else ""
    return p.link(VALID if holds else INVALID, f"moments ({how})", rule=f"using {said}{independent}{at}")


def _example_numbers(laws: dict, p: Pair) -> tuple[dict, str] | None:
    """The numbers a worked example just before the link gives every parameter of the laws ("with n = 10
    and p = 0.3"), and how to say so; None where some parameter has none there."""
    parameters = sorted({s for mean, variance in laws.values() for s in (mean.free_symbols | variance.free_symbols)},
                        key=str)
    given = numbers_near(p.known, p.line, parameters)
    if not parameters or len(given) < len(parameters):
        return None
    return {s: value for s, (value, _) in given.items()}, ", ".join(
        f"{plain(s)} = {plain(value)} (line {line})" for s, (value, line) in given.items())


def backward_pass(p: Pair, verdict: bool | None, method: str) -> Link | None:
    """∂L/∂q_m = Σ_j ∂L/∂s_j ∂s_j/∂q_m for a loss L never written out: the chain rule through s."""
    if verdict is True or None in p.read:
        return None
    found = upstream_of(*p.read, p.known)
    if found is None:
        return None
    loss, o, others = found
    try:
        a, b = (through(e, loss, o, p.variable, p.known, p.at, p.declared) for e in p.read)
    except DeriveError:
        return None
    holds, how = compare(a, b)
    if holds is None:
        return None
    said = f"∂{loss}/∂{o} as the text leaves it" + (
        f", taking {loss} to depend on {', '.join(others)} only through {o}" if others else "")
    return p.link(VALID if holds else INVALID, how, rule=said)


WITH_A_VERDICT: tuple[Callable[[Pair, bool | None, str], Link | None], ...] = (
    worked_example, condition, fixes_a_multiplier, stated_facts, stated_law, backward_pass, arbitrary_functions)


# --- a link that fails: reasons its difference is no verdict ------------------------------------

def unstated_convention(p: Pair) -> Link | None:
    """It holds once Σ_k y_k = 1, or once x̄ is the mean of the x_i: conventions texts leave unsaid."""
    if (unstated := holds_if_normalised(p.a, p.b) or holds_if_mean(p.a, p.b)):
        return p.link(UNDECIDED, reason=f"holds only if {unstated}, which the text does not state before here")
    return None


def independence(p: Pair) -> Link | None:
    """Var(Σ X_i) = Σ Var(X_i) for the i.i.d. data the text has."""
    if p.known.independent is not None and has_moments(p.a, p.b) and with_law(p.a, p.b, {})[0] is True:
        return p.link(VALID, "moments of independent variables", rule=f"using independence (line {p.known.independent})")
    return None


def unit_length(p: Pair) -> Link | None:
    """"Evaluate at ‖u‖ = ‖v‖ = 1": the link with its derivatives taken and then each such vector
    scaled to the length the text states, at every size; valid where it holds there."""
    letters = letters_of((p.a, p.b))
    lengths = [(found, shown) for value, line, shown in p.known.equations if 0 <= p.line - line <= EXAMPLE_REACH
               and (found := length_stated(value)) is not None and found[0] in letters]
    if not lengths:
        return None
    judged = by_instances(p.a, p.b, lambda x, y: compare(*(scaled(e, dict(f for f, _ in lengths)) for e in (x, y))))
    said = ", ".join(shown for _, shown in lengths)
    if judged is None or judged[0] is False:
        return None  # wrong at unit length too
    if judged[0] is None:
        return p.link(UNDECIDED, reason=f"under {said}: {judged[1]}")
    return p.link(VALID, judged[1], rule=f"using {said}")


def special_case(p: Pair) -> Link | None:
    """"For a positive anchor (y = 1) this is …": the link in the case the text sets before it, valid
    where it holds there, wrong where it fails in a case set right before it (CASE_REACH), else no
    verdict; "if 𝐱_i = 1 for all i": a case derive cannot put in (a vector made a number), no verdict."""
    case = a_case_stated(p.a, p.b, list(p.read), p.known, p.line, p.variable)
    if not case:
        return None
    said = ", ".join(f"{plain(name)} = {plain(value)} (line {line})" for name, (value, line) in case.items())
    values = {name: value for name, (value, _) in case.items()}
    if not values.keys() & (p.a.free_symbols | p.b.free_symbols):
        return p.link(UNDECIDED, reason=f"the text sets {said} just before: a special case derive does not apply")
    holds, how = compare(p.a.xreplace(values), p.b.xreplace(values))
    if holds is True:
        return p.link(VALID, how, rule=f"at {said}, the case the text sets just before")
    if holds is False and all(0 <= p.line - line <= CASE_REACH for _, line in case.values()):
        return p.link(INVALID, how, reason=f"fails at {said}, the case the text sets right before it")
    # (a case set some lines up may be another example's, and other facts of the case, y_2 = 1 − y_1,
    # are not put in: failing there is no verdict)
    return p.link(UNDECIDED, reason=f"at {said}, the case the text sets before: {how}")


# "For a positive example, $y = 1$:" and the display right after: the case is surely this link's
CASE_REACH = 2


def one_branch(p: Pair) -> Link | None:
    """∇_a max(0, ‖a − p‖² − ‖a − n‖² + α) = 2(n − p) "on the active side": the link holds where
    the max is its argument, not where it is 0. Which side a text means it says in words, if at all: no verdict."""
    for kink in sorted({k for e in (p.a, p.b) for k in e.atoms(Max, Min) if len(k.args) == 2 and 0 in k.args},
                       key=str):
        active = next(arg for arg in kink.args if arg != 0)
        holds, _ = compare(p.a.xreplace({kink: active}), p.b.xreplace({kink: active}))
        if holds is True:
            word = "max" if isinstance(kink, Max) else "min"
            return p.link(UNDECIDED, reason=f"holds where the {word} is {plain(active)}, not where it is 0: "
                                            "which side the text means, it says in words")
    return None


TIE_REACH = 40  # lines after a stated equation within which it ties a letter to the variable


def tied_by_an_equation(p: Pair) -> Link | None:
    """A'(x) of A = xy after "2x + y = 600": y depends on x through the equation the text states, so a
    derivative that took y for a constant is no verdict."""
    # (a link that writes y' itself, d/dx(x² + xy + y²) = 2x + y + xy' + 2yy', already differentiates y)
    functions = {type(f).__name__ for e in (p.a, p.b) for f in e.atoms(AppliedUndef)}
    for e in (p.a, p.b):
        for d in e.atoms(Derivative):
            by = {v for v, _ in d.variable_count}
            inside = {s for s in d.expr.free_symbols if s.name not in functions}
            for value, line, shown in reversed(p.known.equations):  # (the latest first)
                if p.line - line > TIE_REACH:  # (the fence's 2x + y = 600 ties no later problem's y)
                    continue
                tied = (value.free_symbols & inside) - by
                # (a polynomial tie, 2x + y = 600; a curve's formula in t, K/(1 + Ae^{−rt}), ties no parameter)
                if value.free_symbols & by and tied and value.is_polynomial(*value.free_symbols):
                    return p.link(UNDECIDED, reason=f"{', '.join(sorted(map(plain, tied)))} depends on "
                                                    f"{', '.join(sorted(map(plain, by)))} through {shown} (line {line})")
    return None


def defined_later(p: Pair) -> Link | None:
    """−1/τ_0² − n/σ² = −1/τ_n², "where the posterior precision is …" defines τ_n only in the next display:
    a name not yet defined here is no counterexample."""
    # (a name the link itself introduces, on one side only: σ on both sides of ∂ℓ/∂σ = …, the variable,
    # defined later as an estimate, is no such name)
    one_side = {s.name for s in p.a.free_symbols ^ p.b.free_symbols} - {p.variable}
    later = sorted(one_side & set(p.known.later))
    return p.link(UNDECIDED, reason=p.known.undefined_reason(later)) if later else None


def outer_derivative_at_inner(p: Pair) -> Link | None:
    """dMSE/dλ = (dm/ds)(ds_λ/dλ) = [−2(1 − s_λ)β² + …](−S/(S + λ)²): the chain rule takes dm/ds at
    s = s_λ, the inner quantity named after the outer variable s, whose own derivative ds_λ/dλ stands in
    the same product. Only the derivatives by s are taken at s_λ; valid where the link then holds,
    otherwise the failure stands."""
    for side, other, read in ((p.a, p.b, p.read[0]), (p.b, p.a, p.read[1])):
        if side is None or other is None or read is None:
            continue
        inner = {d.expr for d in read.atoms(Derivative) if isinstance(d.expr, Symbol) and d.expr in p.known.symbols}
        by = {v for d in side.atoms(Derivative) for v, _ in d.variable_count if isinstance(v, Symbol)}
        for v in sorted(by - other.free_symbols, key=str):
            for u in sorted((u for u in inner if u.name.partition("_")[0] == v.name != u.name), key=str):
                try:
                    value = counted(written_out(u, p.variable, p.known, p.at, p.declared), p.known.counts)
                except DeriveError:
                    continue
                at_inner = side.replace(lambda n: isinstance(n, Derivative) and v in n.variables,
                                        lambda n: finished(n).xreplace({v: value}))
                if v not in at_inner.free_symbols and compare(at_inner, other)[0] is True:
                    return p.link(VALID, "at the inner value", rule=f"d/d{plain(v)} taken at {plain(v)} = "
                                  f"{plain(u)}, whose derivative the product has: the chain rule")
    return None


def names_the_result(p: Pair) -> Link | None:
    """… = Sβ²/(Sβ² + σ²) = s^*, a chain of three lines or more ending in an optimum's or an estimate's
    name (s^*, θ̂, x̃) that the text says nothing else of (no definition, value, sign or equation) and no
    other line of the chain has: the last line names the result, as := would. A plain letter (= c, = y)
    stays a claim, and so does a name the chain has elsewhere."""
    last = p.read[1]
    if not p.letters or len(p.chain.expressions) < 3 or p.i + 2 != len(p.chain.expressions) \
            or not isinstance(last, Symbol) \
            or not last.name.partition("_")[0].endswith(("star", "hat", "tilde")) or p.b != last \
            or _said_of(last, p.known) \
            or any({last.name, last.name.partition("_")[0]} & letters for k, letters in enumerate(p.letters)
                   if k != p.i + 1):  # (v_2 after Σ_i u_i v_i: a member of a family the chain has)
        return None  # (½ = s^* alone, after "s^* solves 2(s^* − 1) + 4s^* = 0", is a claim about s^*)
    return p.link(DEFINITION, rule=f"names the result {p.sources[1].strip()}: the text says nothing else of it, "
                                   "and no other line of the chain has it")


def _said_of(letter: Symbol, known: Definitions) -> bool:
    """The text says something of letter: a definition (before or after), a value, a sign, an equation, or
    any formula of its prose that has it."""
    return letter in known.symbols or letter in known.values or letter.name in known.assumptions \
        or letter.name in known.mentioned \
        or letter.name in known.later or letter.name in known.unreadable \
        or any(letter in value.free_symbols for value, _, _ in known.equations)


def imaginary_unit(p: Pair) -> Link | None:
    """(−γ + iω_d)² + 2γ(−γ + iω_d) + ω_0² = γ² − 2iγω_d − ω_d² − …: the link holds if i is the imaginary
    unit, which derive, reading i as a letter (an index, most often), does not assume: no verdict."""
    unit = next((s for e in (p.a, p.b) for s in e.free_symbols if s.name == "i"), None)
    if unit is None or any(e.has(Sum, Product, Indexed) for e in (p.a, p.b)):
        return None
    holds, _ = compare(p.a.xreplace({unit: S.ImaginaryUnit}), p.b.xreplace({unit: S.ImaginaryUnit}))
    if holds is True:
        return p.link(UNDECIDED, reason="holds if i is the imaginary unit (i² = −1); derive reads i as a letter")
    return None


def in_words(p: Pair) -> Link | None:
    """a_2 where only a_1 has a formula, T_n named for a sum: defined in words only (unless the link
    only multiplies out, where what the names stand for cannot matter)."""
    if not _multiplied_out(p.a, p.b) and (words := named_in_words(p.a, p.b, p.known, p.read)):
        return p.link(UNDECIDED, reason=f"{words} named in the text without a formula derive can read")
    return None


_JOINED_CAPITALS = re.compile(r"(?<![\\A-Za-z])([A-Z]{2,})(?=\s*_)")  # MP_K, TC_q
_NAMED_BY_COMMAND = re.compile(r"\\(?:mathrm|operatorname|text|textrm|mathit|mathsf)\s*\{\s*$")  # \mathrm{MRS}_{xy}


def joined_capitals(p: Pair) -> Link | None:
    """MP_K/MP_L, read as (M·P_K)/(M·P_L): capitals written together before a subscript are one name in
    economics (the marginal product of K) and a product elsewhere. A link that fails read as the product
    is no verdict."""
    runs = sorted({m.group(1) for side in p.sources for m in _JOINED_CAPITALS.finditer(side)
                   if not _NAMED_BY_COMMAND.search(side[:m.start()])})
    if not runs:
        return None
    shown = ", ".join(f"`{r}_…`" for r in runs)
    return p.link(UNDECIDED, reason=f"{shown} may be one name (a marginal product MP_K) or a product of "
                                    "capitals, as derive reads it: the text does not say which")


_NORM_BARS = re.compile(r"\\\||\\[lr]?Vert(?![A-Za-z])|‖")


def a_chosen_multiplier(p: Pair) -> Link | None:
    """p_i = e^{ν−1}e^{βz_i} = e^{βz_i}/Σ_j e^{βz_j}, "choosing ν so that the p_i sum to one": a multiplier on
    one side only holds at the value its constraint fixes, which derive does not solve for. A derivative
    (of the Lagrangian, ∂Λ/∂p_i) holds for every value, and is checked."""
    if any(e is None or e.has(Derivative, Subs) for e in p.read):
        return None
    letters = [s for s in p.known.multipliers if (s in p.a.free_symbols) != (s in p.b.free_symbols)]
    if not letters:
        return None
    shown = ", ".join(f"{plain(s)} (line {p.known.multipliers[s]})" for s in sorted(letters, key=str))
    return p.link(UNDECIDED, reason=f"the multiplier {shown} on one side only: the link holds at the value its "
                                    "constraint fixes, which derive does not solve for")


def norm_of_letters(p: Pair) -> Link | None:
    """2√2 = ‖x_1 − x_2‖ for points x_1 = (3, 1), x_2 = (1, −1): a norm written with double bars of letters
    derive holds for numbers (read as |x_1 − x_2|) is the length of vectors whose entries it does not
    write out, so the difference is no verdict."""
    if not any(_NORM_BARS.search(side) for side in p.sources):
        return None
    letters = sorted({plain(s) for e in p.read if e is not None for a in e.atoms(Abs) for s in a.free_symbols
                      if isinstance(s, Symbol) and s not in p.known.symbols})
    if not letters:
        return None
    return p.link(UNDECIDED, reason=f"a norm ‖…‖ of {', '.join(letters)}: the length of vectors whose entries "
                                    "derive does not write out, not the absolute value of numbers")


# L(\sigma^2) = …: a letter before the power of a name, alone at the start of a chain (a(b + c) = ab + ac
# multiplies, and is checked)
_CALL_AT_THE_START = re.compile(r"^\s*([A-Za-z]|\\ell)\s*(?:\\left)?\(\s*(\\?[A-Za-z]+(?:_\{?\w+\}?)?\s*\^\s*\{?\d\}?)"
                                r"\s*(?:\\right)?\)\s*$")


def head_at_an_expression(p: Pair) -> Link | None:
    """L(σ²) = −y²/(2(s² + σ²)) − …: a chain that starts with a letter before a bracket of an expression
    defines that letter as a function of σ² (ℓ(σ²), I(σ²) in statistics), or multiplies, as derive reads
    it. Failing read as the product, it is no verdict."""
    m = _CALL_AT_THE_START.match(p.sources[0]) if p.i == 0 else None
    head = m and m.group(1).lstrip("\\")
    if m is None or p.a is None or isinstance(p.a, AppliedUndef) or m.group(2).lstrip("\\").startswith(head) \
            or head not in {s.name for s in p.a.free_symbols}:
        return None  # (x(x^3) multiplies x by its own power)
    return p.link(UNDECIDED, reason=f"`{p.sources[0].strip()}` may define {m.group(1)} at {m.group(2)}, or multiply: "
                                    "derive reads a product, and a function defined at an expression it does not read")


def _multiplied_out(a: Expr, b: Expr) -> bool:
    """(h_3 − y)(1 − h_3²)[h_2 + w(…)] = (h_3 − y)(1 − h_3²)h_2 + …: both sides polynomials in the same
    letters, one the other multiplied out or gathered. A difference there is a slip in the algebra,
    whatever the letters stand for: a text that leans on a relation among them writes it in."""
    letters = a.free_symbols
    return (len(letters) >= 2 and letters == b.free_symbols and not any(e.has(Derivative, Sum, Product, Indexed)
            for e in (a, b)) and all(e.is_polynomial(*letters) for e in (a, b)))


def in_region(p: Pair) -> Link | None:
    """"On $r > \\delta$ we have $|r| = r$, so L'(r) = δ": a piece of a function by cases, valid where it
    holds at the points of the region the text sets right before (REGION_REACH) or in the row's own
    condition column; failing there too, the link is left to the rules after this one."""
    own, stated = _regions_for(p)
    symbols = p.a.free_symbols | p.b.free_symbols
    near = [(region, line) for region, line in stated if region.free_symbols & symbols]
    if not near:
        # "for $z > \lambda_1$": a region in names the link writes out (z = Σ x_i y_i / n), which the
        # sampling cannot put in: no verdict, where it fails elsewhere
        spoken = {s for e in p.read if e is not None for s in e.free_symbols}
        written = [(r, line) for r, line in stated if r.free_symbols & spoken
                   and r.free_symbols <= set(p.known.symbols) | spoken]
        if written:
            said = ", ".join(f"{plain(r)} (line {line})" for r, line in written)
            return p.link(UNDECIDED, reason=f"holds, if at all, where {said}: a region derive cannot put in here")
        return None
    holds, how = _where(p, near)
    said = ", ".join(f"{plain(r)} (line {line})" for r, line in near)
    written = {s for r, _ in near for s in r.free_symbols - symbols if s in p.known.symbols}
    if holds is None and written:  # z > λ_1 with z written out in the link: a region it cannot put in
        return p.link(UNDECIDED, reason=f"holds, if at all, where {said}: a region derive cannot put in here")
    if holds is not True:
        return None
    return p.link(VALID, how, rule=f"where {said}, " + ("the row's condition" if own else "the region the text sets just before"))


def _regions_for(p: Pair) -> tuple[bool, list[tuple[Expr, int]]]:
    """(whether they are the row's own, the regions a link is about): its row's condition column, else
    the nearest sentence's regions within REGION_REACH before its display, none past another display."""
    own = [(region, p.line) for c in p.chain.conditions if (region := region_of(_unworded(c))) is not None]
    if own:
        return True, own
    start = p.chain.lines[0]
    stated = [(region, line) for region, line in p.known.regions if 0 <= start - line <= REGION_REACH
              and not _sign_only(region) and not any(line < end < start for end in p.known.displays_end)]
    latest = max((line for _, line in stated), default=0)  # "on r > δ", not the sentence before it
    return False, [(region, line) for region, line in stated if line == latest]


def _where(p: Pair, near: list[tuple[Expr, int]]) -> tuple[bool | None, str]:
    """The link at points of the regions. A region speaks for its variable: "+1 for $r > 0$" said before
    is no assumption on r in r < −δ (tried without the assumptions on its Latin letters where they leave
    it no point; δ > 0 stays). The text's definitions are written out first: a δ in L_δ's body is the
    δ > 0 the region speaks of."""
    latin = {s.name for r, _ in near for s in r.free_symbols if s.name[:1].isascii() and len(s.name) == 1}
    holds, how = None, ""
    for assumptions in (p.known.assumptions, {n: a for n, a in p.known.assumptions.items() if n not in latin}):
        a, b = (assumed(finished(_written_out(side)), assumptions) for side in (p.a, p.b))  # (ELU's α too)
        region = And(*(assumed(r, assumptions) for r, _ in near))
        holds, how = compare_where(a, b, region)
        if holds is not None:
            break
    return holds, how


def _sign_only(region: Expr) -> bool:
    """λ > 0, x ≥ 0: a sign, which the assumptions carry from where it is said on; no region. (x < 0,
    which no assumption carries, is a region: "for $x < 0$, α e^x = ELU(x) + α".)"""
    if not (isinstance(region, Relational) and 0 in region.args and len(region.free_symbols) == 1):
        return False
    (name,) = region.free_symbols
    return region.subs(name, 1) is S.true and region.subs(name, -1) is S.false


# "For $z > \lambda_1$:", a blank line, then the display: the region a display right after it is about
REGION_REACH = 4


def _unworded(condition: str) -> str:
    """The math of a row's condition: (\\text{for } r > \\delta) → r > \\delta."""
    return re.sub(r"\\text\s*\{[^{}]*\}|\\q?quad(?![A-Za-z])", " ", condition).strip().strip("().,; ")


def per_example(p: Pair) -> Link | None:
    """ℓ(z) = −y log σ(z) − …, one example's loss, called at z^{(i)} beside y^{(i)}: its y is then y_i,
    which the text leaves to the reader. A link that fails only so is no verdict."""
    families = {str(t.base.label) for e in p.read if e is not None for t in e.atoms(Indexed)} | {
        base_of(s) for e in p.read if e is not None for s in e.free_symbols if split(s.name)}
    for e in p.read:
        for call in (e.atoms(DefinedFunction) if e is not None else ()):
            f = p.known.functions.get(type(call).__name__)
            body = getattr(f, "body", None)
            if body is None or not any(isinstance(a, Indexed) or (a.is_Symbol and split(a.name)) for a in call.args):
                continue
            shared = sorted(s.name for s in body.free_symbols - {f.variable} if s.name in families)
            if shared:
                return p.link(UNDECIDED, reason=f"{type(call).__name__} is one example's, in {', '.join(shared)}: "
                                                "at an indexed argument, which example's it is the text leaves unsaid")
    return None


def by_a_family_letter(p: Pair) -> Link | None:
    """J'(w) where J is in w_1, …, w_d ("with d = 1, write w for w_1"): the text renames in words, and
    J by a w it does not contain is no 0 to judge; nor is L, written in b, by b_j."""
    for e in p.read:
        for d in (e.atoms(Derivative) if e is not None else ()):
            value = p.known.symbols.get(d.expr) if isinstance(d.expr, Symbol) else None
            if value is None:
                continue
            families = {str(t.base.label) for t in value.atoms(Indexed)} | {
                parts[0] for s in value.free_symbols if (parts := split(s.name))}
            for v, _ in d.variable_count:
                if isinstance(v, Symbol) and v not in value.free_symbols and v.name in families:
                    return p.link(UNDECIDED, reason=f"{d.expr} is in the {v.name}'s with an index; by {v.name} "
                                                    "alone, the text renames them in words")
    for e in (p.a, p.b):  # ∂L/∂b_j where L is written in one unit's b: the text means a layer's L, in words
        for d in (e.atoms(Derivative) if e is not None else ()):
            for v, _ in d.variable_count:
                if isinstance(v, Symbol) and (parts := split(v.name)) and v not in d.expr.free_symbols \
                        and names.make(parts[0]) in d.expr.free_symbols - _indexed_letters(d.expr):
                    return p.link(UNDECIDED, reason=f"what is differentiated is written in {parts[0]}, with no "
                                                    f"index; by {plain(v)}, the text means another in words")
    return None


def beside_its_entries(p: Pair) -> Link | None:
    """y − Σ_{k≠j} x_kβ_k = y − Xβ + x_jβ_j: a bare β beside its entries β_k is the vector they make
    (Xβ = Σ_k x_kβ_k in words); read as a number of its own, the difference is no verdict."""
    written = [e for e in p.read if e is not None]
    families = {str(label) for e in written for label in _indexed_letters(e)} | {
        m[0] for e in written for s in e.free_symbols if isinstance(s, Symbol) and (m := split(s.name))}  # (ω_0: no entry)
    bare = sorted({s.name for e in written for s in _outside_terms(e)
                   if s.name in families and s not in p.known.symbols})
    if bare:
        return p.link(UNDECIDED, reason=f"{plain(names.make(bare[0]))} stands beside its entries "
                                        f"{plain(names.make(bare[0] + '_k'))}: a vector, which derive does not "
                                        "write out in them")
    return None


def _outside_terms(expr: Expr) -> set[Symbol]:
    """The letters expr writes alone as factors and terms: not its terms x[k] (whose label SymPy counts as
    free too), nor the arguments of a call (cos(u, v) at vectors), nor what a derivative is by."""
    if isinstance(expr, (Indexed, Function, Derivative, Subs, TermsAt)):
        return set()
    if isinstance(expr, Symbol):
        return {expr}
    return set().union(*(_outside_terms(a) for a in expr.args)) if expr.args else set()


def _indexed_letters(expr: Expr) -> set:
    """The letters expr writes with an index (w of the w_k in Σ_k w_k x_ik), as its free symbols name them."""
    return {t.base.label for t in expr.atoms(Indexed)}


def in_the_example(p: Pair) -> Link | None:
    """∂L/∂z_2 = p_2 − y_2 in an example that said 𝐲 = (0, 1, 0) just before: it fails in general but
    holds at y_2 = 1. Undecided, and said so: whether the link speaks of the example or in general, the
    text alone tells (a general claim that fails is wrong even where the numbers save it). The sides as
    judged, then as written: g_1 = 0.5 given, where the family g_t = a e_t wrote g_1 out as a e_1."""
    for a, b in ((p.a, p.b), p.read):
        if a is None or b is None:
            continue
        by = {v.name.partition("_")[0] for e in (a, b) for d in e.atoms(Derivative) for v, _ in d.variable_count
              if isinstance(v, Symbol)}  # (z_2 of ∂/∂z_2, and its family's other z's, stay variables)
        bound = {n.args[1] for e in (a, b) for n in e.atoms(Limit)}  # (h of lim_{h→0}, free beside it: no example's)
        named = [s for s in a.free_symbols | b.free_symbols if s.name.partition("_")[0] not in by and s not in bound]
        near = {s: value for s, (value, _) in numbers_near(p.known, p.line, named).items()}
        if not near:
            continue
        try:
            holds, _ = compare(a.xreplace(near), b.xreplace(near))  # (no derivative is by these names)
        except (ValueError, TypeError, NotImplementedError):
            continue
        if holds is True:
            shown = ", ".join(f"{plain(s)} = {plain(v)}" for s, v in sorted(near.items(), key=str))
            return p.link(UNDECIDED, reason=f"wrong in general, but holds at the example's {shown} "
                                            f"(line {max(p.known.values[s][1] for s in near)})")
    return None


# "Dividing (2) by (3) gives": the conditions a text combines next, not those of a problem far above
_CONDITIONS_REACH = 15


def given_the_conditions(p: Pair) -> Link | None:
    """a/(1 − a)·y/x = p_x/p_y, "dividing the first-order conditions": no identity, but what holds where
    the conditions the text set to zero just before hold. Each condition is solved for a letter of the
    link it holds linearly (p_x from a x^{a−1}y^{1−a} − λp_x = 0), and the link holds once those are put
    in: a valid step from them, and said so."""
    conditions = [c for c in p.known.solved if 0 <= p.line - c[1] <= _CONDITIONS_REACH][-3:]
    letters = sorted(p.a.free_symbols | p.b.free_symbols, key=str)
    if not conditions or any(e.has(Sum, Product, Indexed, Derivative) for e in (p.a, p.b)):
        return None
    a, b, used = p.a, p.b, {}  # (letter → the line of the condition solved for it)
    for value, line, _ in reversed(conditions):  # (the latest first)
        for letter in letters:
            rate = value.diff(letter) if letter in value.free_symbols else S.Zero
            if rate == 0 or rate.has(letter) or letter in used:
                continue
            solution = letter - value / rate  # (linear in the letter: the one value that makes it 0)
            a, b = a.xreplace({letter: solution}), b.xreplace({letter: solution})
            used[letter] = line
            break
    if not used or compare(a, b)[0] is not True:
        return None
    lines = sorted(set(used.values()))
    where = f"line{'s' if len(lines) > 1 else ''} {' and '.join(map(str, lines))}"
    return p.link(VALID, "given the conditions", rule=f"from the conditions set to zero at {where} "
                                                      f"(solved for {', '.join(map(plain, used))})")


def _judged_form(p: Pair, expr: Expr, known: Definitions | None = None) -> Expr:
    """expr as the link judges its sides (check_chain's write), with other definitions if given."""
    known = known if known is not None else p.known
    return counted(written_out(expr, p.variable, known, p.at, p.declared), known.counts)


def a_model_in_the_variable(p: Pair) -> Link | None:
    """J'(β) = −2Σ x_i(y_i − βx_i) + 2λβ after "y_i = βx_i + ε_i": the model puts the β of the data into
    y_i, and the criterion differentiates by its own β, which the text writes alike. With the data held
    as data the link holds; which β a derivative means the text does not say in a formula, so the link
    is undecided, and says so."""
    variable = names.make(p.variable)
    if not any(e is not None and e.has(Derivative) for e in p.read):
        return None
    data = {s for s, value in p.known.symbols.items() if s != variable and value is not None
            and not isinstance(value, type) and variable in getattr(value, "free_symbols", ())
            and split(s.name)}  # (a family of data, y_i, whose definition holds the variable)
    if not data:
        return None
    held = replace(p.known, symbols={s: v for s, v in p.known.symbols.items() if s not in data})
    try:
        a, b = (_judged_form(p, e, held) for e in p.read)
        holds = compare(a, b)[0]
    except (DeriveError, ValueError, TypeError):
        return None
    if holds is not True:
        return None
    shown = ", ".join(sorted(plain(s) for s in data))
    return p.link(UNDECIDED, reason=f"holds with {shown} held as data; the text's model writes {p.variable} into "
                                    f"{shown} too, and which {p.variable} the derivative is by it does not say")


def an_earlier_definition(p: Pair) -> Link | None:
    """π_θ(1) = 1/6 "in the softmax policy of Question 1", where π_θ was defined again since (a Gaussian
    policy): the link fails with the latest definition and holds with an earlier one, which the words
    may point back to. Which one the text means it says in words only, so the link is undecided, and
    says which definition makes it hold."""
    for name, olds in sorted(p.known.earlier.items()):
        current = p.known.functions.get(name)
        if current is None or not any(e is not None and e.has(current) for e in p.read):
            continue
        for old, line in reversed(olds):  # (the nearest first)
            try:
                a, b = (_judged_form(p, e.replace(lambda n: type(n) is current, lambda n: old(*n.args)))
                        for e in p.read)
                holds = compare(a, b)[0]
                if holds is not True and (point := a_number_for(a, b, p.known, p.line)) and point[0] is not None:
                    holds = compare(*point[0])[0]  # (π_θ(1) = 1/6 at the example's θ = (0, log 2, log 3))
            except (DeriveError, ValueError, TypeError):
                continue
            if holds is True:
                return p.link(UNDECIDED, reason=f"wrong with {name} as last defined, right with its definition at "
                                                f"line {line}: which one the text means here it says in words only")
    return None


# "For two keys the diagonal entry is": the sentence that leads into the display
_COUNT_REACH = 4


def count_in_words(p: Pair) -> Link | None:
    """α_1 − α_1² = α_1α_2 just after "for two keys": wrong for n keys, right for two. Which count the
    words set the text does not say in a formula (derive does not tie "keys" to n), so the link is
    undecided, and says at which count it holds."""
    bounds = bounds_of(p.a, p.b)
    near = [c for c in p.known.counts_in_words if 0 <= p.line - c[1] <= _COUNT_REACH]
    if len(bounds) != 1 or not near:
        return None
    number, line, words = max(near, key=lambda c: c[1])
    try:
        holds, _ = compare(instance(p.a, {bounds[0]: number}, {}), instance(p.b, {bounds[0]: number}, {}))
    except (DeriveError, ValueError, TypeError):
        return None
    if holds is not True:
        return None
    count = "the number of terms" if bounds[0] == ALL_TERMS else plain(bounds[0])
    return p.link(UNDECIDED, reason=f"wrong in general, but holds at {count} = {number}, as \"{words}\" "
                                    f"(line {line}) may say: derive does not read which count the words set")


def hidden_dependence(p: Pair) -> Link | None:
    """∂/∂w_j of P(y_i | 𝐱_i), a function the text does not write out, whose arguments do not show w:
    the model it leaves unwritten depends on w, so a derivative that came out 0 is no verdict."""
    for e in (p.a, p.b):
        for d in (e.atoms(Derivative) if e is not None else ()):
            by = {v for v, _ in d.variable_count}
            for f in d.expr.atoms(AppliedUndef):
                shown = {str(t.base.label) for t in f.atoms(Indexed)} | {s.name.partition("_")[0] for s in f.free_symbols
                                                                         if isinstance(s, Symbol)}
                if not any(v in f.free_symbols or str(v).partition("_")[0] in shown for v in by):
                    return p.link(UNDECIDED, reason=f"the derivative of {type(f).__name__}, which the text does not "
                                                    f"write out, by {', '.join(sorted(map(plain, by)))}: it may "
                                                    "depend on it through what it leaves unwritten")
    return None


def a_value_of_its_letters(p: Pair) -> Link | None:
    """∏_{t=1}^{10} f_t = σ(3)^{10}: a number some values of the family's terms give
    (stated.a_value_it_can_take)."""
    reason = a_value_it_can_take(p.a, p.b)
    return p.link(UNDECIDED, reason=reason) if reason is not None else None


def numbers_in_words(p: Pair) -> Link | None:
    """Z(ln 2) = 7 for Z(λ) = Σ_{j=1}^n e^{λx_j}, after "values 0, 1, 2" in words (stated.a_sum_at_numbers)."""
    reason = a_sum_at_numbers(p.a, p.b, p.read)
    return p.link(UNDECIDED, reason=reason) if reason is not None else None


def unread_law(p: Pair) -> Link | None:
    """E_p[(X − μ₂)²] = E_p[(X − μ₁)²] + (μ₁ − μ₂)² where the text said X ∼ p in a form derive does not
    read: moments that differ as unknowns may agree under that law, so the difference is no verdict."""
    if not has_moments(p.a, p.b):
        return None
    letters = {symbol.name.partition("_")[0] for symbol in random_symbols(p.a, p.b)}
    unread = sorted((line, letter) for letter, line in p.known.unread_laws.items() if letter in letters)
    if not unread:
        return None
    said = ", ".join(f"{letter} (line {line})" for line, letter in unread)
    return p.link(UNDECIDED, reason=f"moments under the law the text gives {said}, which derive does not read")


IF_IT_FAILS: tuple[Callable[[Pair], Link | None], ...] = (
    unread_family_member, by_a_family_letter, hidden_dependence, in_region, per_example, unstated_convention,
    independence, unit_length, special_case, one_branch, imaginary_unit, tied_by_an_equation, in_words,
    defined_later, given_the_conditions, in_the_example, count_in_words, an_earlier_definition,
    a_model_in_the_variable, unread_law, numbers_in_words, joined_capitals, norm_of_letters, a_chosen_multiplier,
    head_at_an_expression, a_value_of_its_letters, outer_derivative_at_inner, names_the_result, beside_its_entries)
