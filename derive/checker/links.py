"""One chain of expressions, link by link: read each expression (with the definitions in scope), judge
each link by the rules of link_rules.py, and locate what is wrong: a suspect line with the one slip
that mends it, or a wrong link with a point where its sides differ."""

from __future__ import annotations

import re
from collections.abc import Callable

from sympy import Expr, Function, Indexed, Sum, Symbol

from derive.checker.blocks import Block, Chain
from derive.checker.definitions import (Definitions, applies, arguments_dropped, at_a_term_of_its_variable,
                                        declared_variable, definition_of, variable_of)
from derive.checker.link_rules import Pair, judge
from derive.checker.report import DEFINITION, INVALID, UNDECIDED, VALID, ChainReport, Link
from derive.checker.written import base_of, undefined_names, written_out
from derive.counterexample import counterexample, worked_out
from derive.errors import DeriveError, ParseError
from derive.exprs import pending, rebuild
from derive.indexing import counted, split
from derive.parse import names, parse
from derive.parse.names import greek_name
from derive.parse.build import UNDEFINED_FUNCTIONS
from derive.parse.latex_reader import integrated_letters
from derive.render.printer import reading_differs
from derive.render.printer import text as plain
from derive.sandbox import OverBudget, budget
from derive.suggest import suggestion
from derive.vectors import fresh, is_vector, letters_in, parts_of
from derive.verify import compare

# One link's share of a document's time: a link that takes longer (a second derivative of a product
# likelihood written out at n = 4, at an estimate that is itself a root of sums) is left undecided,
# and the rest of the document is still judged within its --timeout
LINK_SECONDS = 15.0
# a "did you mean" is a courtesy, bounded by its number of candidates (derive.suggest, the same on every
# machine); this is only a net under that bound, for a line far beyond any the benchmarks hold (the
# longest search on their 198 planted copies takes 4 s)
HINT_SECONDS = 10.0


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
    if definition is not None and definition[0] == "function" and at_a_term_of_its_variable(*definition[1:3], known):
        definition = None  # f(θ_t) = … after f(θ) = …: f at the t-th iterate, a claim
    if definition is not None and definition[0].startswith("log ") and not known.defining:
        definition = None  # \ln L = … where L was defined before: a claim about L
    as_read = _read(chain, known, variable, report)
    at, declared = _entrywise(as_read), declared_variable(chain) is not None

    def write(expr: Expr) -> Expr:  # what is judged: the text's definitions written out
        return counted(written_out(expr, variable, known, at, declared), known.counts)

    exprs: list[Expr | None] = []
    for i, expr in enumerate(as_read):
        try:
            exprs.append(None if expr is None else write(expr))
        except DeriveError as exc:
            exprs.append(None)
            report.errors[i] = str(exc) if at is None else f"{exc} (read at entry {at})"
    report.read_as = [None if e is None else plain(e) for e in exprs]
    report.shown = [e is not None and reading_differs(source, r) for source, e, r in
                    zip(chain.expressions, exprs, report.read_as)]
    undefined = undefined_names(exprs)
    summed = [e is not None and e.has(Sum) for e in as_read]  # as written, before definitions bring sums
    deltas = [_deltas(e) for e in as_read]  # δ_ij as written: the link speaks of every i and j
    letters = tuple(frozenset(_letters(r) | _letters(w)) for r, w in zip(as_read, exprs))
    for i in range(len(exprs) - 1):
        pair = Pair(i, exprs[i], exprs[i + 1], read=(as_read[i], as_read[i + 1]), chain=chain, known=known,
                    variable=variable, at=at, declared=declared, definition=definition, errors=report.errors,
                    summed=summed[i] or summed[i + 1], deltas=deltas[i] + deltas[i + 1], undefined=undefined,
                    letters=letters)
        try:
            with budget(LINK_SECONDS):
                link = judge(pair)
        except OverBudget:
            link = pair.link(UNDECIDED, reason=f"judging it took longer than {LINK_SECONDS:g} s")
        report.links.append(link)
    if solving:
        _set_to_zero(report, exprs)
    _locate(report, exprs, set(chain.relations), as_read, write)
    return report, exprs


def _letters(expr: Expr | None) -> set[str]:
    """The names in expr and the families they belong to: v_2 and v for v_2, v for Σ_i u_i v_i."""
    if expr is None:
        return set()
    found = {str(t.base.label) for t in expr.atoms(Indexed)}
    for s in expr.free_symbols:
        if isinstance(s, Symbol):
            found |= {s.name, s.name.partition("_")[0]}
    return found


def _read(chain: Chain, known: Definitions, variable: str, report: ChainReport) -> list[Expr | None]:
    """Each expression as written (None where derive cannot read it, with why in report.errors)."""
    quantities = frozenset(s.name for s in known.symbols) | _spreads(known)
    gradients = {name: p[0].name for name, p in known.calls.items() if len(p) == 1 and parts_of(p[0])}
    x = names.make(variable)
    # f'g + fg': f and g are f(x) and g(x) (the text's own g where it defined one)
    calls = {names.make(letter): known.functions.get(letter, Function(letter))(x)
             for letter in arguments_dropped(chain)}
    # "with $y = y(x)$" said before: \ln y(x) calls y (the bare y is y(x) by that definition)
    dependent = {letter: Function(letter) for letter in known.dependent if letter not in known.functions}
    # p'(θ) in the chain: p is a function there, so \log p(θ) calls it (never p times θ)
    dependent |= {letter: Function(letter) for letter in _primed_calls(chain)
                  if letter not in known.functions and names.make(letter) not in known.symbols}
    # p(D) after p(D | θ) = …: a law the text wrote as a function, at its bracket a call (a marginal),
    # never p times 𝒟
    dependent |= {letter: Function(letter) for letter in known.conditional if letter not in known.functions}

    def functions(source: str) -> dict:
        timed = {name: Function(name) for name in known.timed if name not in known.functions and _at_time(name, source)}
        if dependent or timed:
            return {**known.functions_in(source), **dependent, **timed}
        return known.functions_in(source)
    # (f²)' with no other letter: the derivative by f, or of a function f whose argument is left out?
    by_a_function_letter = variable in UNDEFINED_FUNCTIONS and declared_variable(chain) is None
    # [sin(nπx)/(nπ)]_0^1 in a chain whose other lines integrate in x (∫_0^1 … dx, by parts): in x, not n
    integrated = frozenset().union(*map(integrated_letters, chain.expressions))
    exprs: list[Expr | None] = []
    for i, source in enumerate(chain.expressions):
        source = _held_fixed(source, known)
        try:
            if by_a_function_letter and ("'" in source or "\\prime" in source):
                raise ParseError(f"a prime by {variable}, which names a function more often than a variable: "
                                 f"write {variable}(x) and {variable}'(x), or \\frac{{d}}{{d{variable}}}")
            expr = parse(source, reader="latex", variable=variable, functions=functions(source),
                         quantities=quantities, gradients=gradients, integrated=integrated)
            exprs.append(rebuild(expr, calls.get) if calls else expr)
        except DeriveError as exc:
            exprs.append(None)
            report.errors[i] = str(exc)
    return exprs


def _at_time(name: str, source: str) -> bool:
    """Whether the source calls a moving name x (or θ) at t, x(t), and at nothing else: x(t) is then x at
    time t, where θ(a + b) beside it is θ times a bracket (sin θ (RΩ² cos θ − g)). ParseError where it
    calls x at a number or another letter (x(0), the start: never x times 0), or at t and at a bracket."""
    spelling = name if len(name) == 1 else f"\\{name}" if greek_name(name) else None
    if spelling is None:
        return False
    called = {argument.strip() for argument in re.findall(
        rf"(?<![\\A-Za-z]){re.escape(spelling)}(?![A-Za-z])\s*(?:\\left)?\(([^()]*)\)", source)}
    if any(re.fullmatch(r"-?\d+(?:\.\d+)?|[A-Za-z]|\\[A-Za-z]+", c) for c in called - {"t"}):
        raise ParseError(f"{spelling}(…) at a time other than t: derive reads a moving name at t only")
    if "t" in called and len(called) > 1:
        raise ParseError(f"{spelling}(t) beside {spelling}(…) of something else: a call or a product?")
    return called == {"t"}


# p'(\theta), y''(x): a Latin letter primed and called, so a function (not \ell, not a command's letters)
_PRIMED_LETTER = re.compile(r"(?<![\\A-Za-z])([A-Za-z])(?:'+|\^\s*\{?\s*(?:\\prime\s*)+\}?)\s*\(")


def _primed_calls(chain: Chain) -> set[str]:
    return {m.group(1) for e in chain.expressions for m in _PRIMED_LETTER.finditer(e)}


def _spreads(known: Definitions) -> set[str]:
    """{"sigma"} where the text says σ > 0: a standard deviation, so that the reader refuses σ(…) there
    (σ times a bracket, or the sigmoid?) instead of calling the sigmoid. (σ of a law N(μ, σ²) alone
    leaves the reading as it was: σ²(1 − 1/n) stays a product.)"""
    said = known.assumptions.get("sigma", ("",))[0] in ("positive", "nonnegative")
    return {"sigma"} if said and "sigma" not in known.positive_by_law else set()


def _through_definition(variable: str, chain: Chain, known: Definitions) -> str:
    """y' = y(1 − y) where the text defined y = σ(x): primes differentiate by x, y's own variable (a
    guessed variable that the text defined is no variable). A declared d/dy stays y."""
    if declared_variable(chain) is None and (own := _primed_functions_variable(chain, known)) is not None:
        return own  # P' = −Q'/Q² where the text defined P(t) = … and Q(t) = 1/P(t): by t, never a guessed r
    if declared_variable(chain) is None and (own := _at_a_quantity(chain, known, variable)):
        return own  # N'(d_2) with N and d_2 defined: N' at the value d_2 (written out), not d/d(d_2)
    value = known.symbols.get(names.make(variable))
    primed = re.compile(rf"(?<![\\A-Za-z]){re.escape(variable)}'+(?!\s*\()")  # y', not (x^3)' or f'(x)
    if value is not None and declared_variable(chain) is None and "'" not in "".join(chain.expressions) \
            and names.make("x") not in known.symbols:
        return "x"  # a guess that the text defined (t = (1 + y)/2) is no variable: it is written out
    if value is None or declared_variable(chain) is not None or not any(primed.search(e) for e in chain.expressions):
        return variable
    inner = [s for s in value.free_symbols if isinstance(s, Symbol) and s.name != variable]
    return inner[0].name if len(inner) == 1 else variable


# (∂P/∂V)_T, as thermodynamics writes a partial derivative with T held fixed
_HELD_FIXED = re.compile(r"(?:\\(?:left|[bB]igg?l?))?\(\s*\\frac\s*\{\s*\\partial\s*([^{}]+?)\s*\}\s*\{\s*\\partial\s*([^{}]+?)\s*\}"
                         r"\s*(?:\\(?:right|[bB]igg?r?))?\)\s*_\s*(?:\{\s*([^{}]+?)\s*\}|(\\?[A-Za-z]+))")


def _held_fixed(source: str, known: Definitions) -> str:
    """(∂P/∂V)_T as ∂P/∂V where the text defined P(V, T): holding T fixed is what ∂ by V means for a
    quantity of exactly V and T. Any other (∂V/∂T)_P (V no quantity of T and P) stays unread: derive
    does not solve the equation of state for it."""
    def plain(m: re.Match) -> str:
        top, by, held = m.group(1), m.group(2), m.group(3) or m.group(4)
        name, own = names.spelled(top), {names.spelled(by), names.spelled(held)}
        parameters = {s.name for s in known.calls.get(name, ())}
        return rf"\frac{{\partial {top}}}{{\partial {by}}}" if len(own) == 2 and parameters == own else m.group(0)
    return _HELD_FIXED.sub(plain, source) if "partial" in source else source


_PRIMED_HEAD = re.compile(r"(\\ell|(?<![\\A-Za-z])[A-Za-z])'+\s*\(\s*([^()]*?)\s*\)")  # N'(d_2), \ell''(\theta)


def _at_a_quantity(chain: Chain, known: Definitions, variable: str) -> str | None:
    """The own variable of a function the text defined whose derivative the chain takes at variable,
    itself a quantity the text defined (N'(d_2), d_2 = d_1 − σ√T): None where the chain has none."""
    if names.make(variable) not in known.symbols:
        return None
    for e in chain.expressions:
        for m in _PRIMED_HEAD.finditer(e):
            function = known.functions.get(m.group(1).lstrip("\\"))
            if getattr(function, "variable", None) is not None and names.spelled(m.group(2)) == variable:
                return function.variable.name
    return None


_BARE_PRIMED = re.compile(r"(?<![\\A-Za-z])([A-Za-z])'+(?!\s*\()")  # P', Q'' written without their argument


def _primed_functions_variable(chain: Chain, known: Definitions) -> str | None:
    """The one variable of the functions the chain primes without an argument, where the text defined
    each as a function of it (P(t) = …): the primes are by that variable; None where there are none, or
    they disagree, or one is no function the text defined."""
    primed = {m.group(1) for e in chain.expressions for m in _BARE_PRIMED.finditer(e)}
    variables = {getattr(known.functions.get(name), "variable", None) for name in primed}
    if not primed or len(variables) != 1 or None in variables:
        return None
    return next(iter(variables)).name


def _deltas(expr: Expr | None) -> list[set[str]]:
    """The index letters of each Kronecker delta in expr: δ_ij → {i, j}."""
    if expr is None:
        return []
    return [{str(i) for i in t.indices} if isinstance(t, Indexed) else set(split(t.name)[1])
            for t in expr.free_symbols | expr.atoms(Indexed)
            if base_of(t) == "delta" and (isinstance(t, Indexed) or split(t.name))]


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


def _locate(report: ChainReport, exprs: list[Expr | None], relations: set[int], as_read: list[Expr | None],
            write: Callable[[Expr], Expr]) -> None:
    """Suspects (a slip in one line) and wrong links (a wrong step the rest agrees with), each with
    what shows it: the one slip that mends it, or a point where the sides differ. relations: the
    expressions an inequality leads into (a < b = c has no suspect b); as_read and write: the lines as
    the author wrote them and how they become exprs, so that a mend is shown in the author's notation."""
    links = report.links
    explained: set[int] = set()

    def hint(k: int, after: Expr | None) -> None:
        nearby = tuple(e for e in (as_read[k - 1], as_read[k + 1] if after is not None else None) if e is not None)
        try:
            with budget(HINT_SECONDS):
                found = suggestion(exprs[k - 1], exprs[k], after, written=as_read[k], write=write, nearby=nearby)
        except OverBudget:
            found = None
        if found:
            report.hints[k] = found

    for k in range(1, len(exprs) - 1):
        before, after = links[k - 1], links[k]
        if k in relations or k + 1 in relations:
            continue
        if before.verdict == INVALID and after.verdict == INVALID:
            if compare(exprs[k - 1], exprs[k + 1])[0] is True:
                report.suspects.append(k)
                explained.update((k - 1, k))
                hint(k, exprs[k + 1])
    for i, link in enumerate(links):
        if link.verdict == INVALID and i not in explained:
            report.wrong_links.append((link.source, link.target))
            shown = [link.reason] if link.reason else [  # (a differential's link says what u' is)
                t for t in (counterexample(exprs[link.source], exprs[link.target]), _should_be(exprs[0])) if t]
            if shown:
                report.evidence[link.source] = "; ".join(shown)
            # a slip in the last line, mended against the line before where that line is itself sure
            # (proved from the one before it, or the chain's start)
            if link.target == len(exprs) - 1 and link.target not in relations and (
                    link.source == 0 or links[link.source - 1].verdict == VALID):
                hint(link.target, None)


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
                      r"|\bis zero\b|\bfirst[- ]order conditions?\b|\b(?:the|these) conditions (?:are|read)\b"
                      r"|\broots? of\b", re.IGNORECASE)


def chains_solving(text: str, blocks: list[Block], path: str) -> set[int]:
    """The ids of the chains that end in an equation to solve (says_it_solves), and of each "= 0" display
    right after one ("the first-order conditions hold: (2) (3)")."""
    solving = {id(chain) for block in blocks for chain in block.chains
               if len(chain.expressions) > 1 and says_it_solves(text, block, chain, path)}
    ordered = [chain for block in blocks for chain in block.chains if len(chain.expressions) > 1]
    for before, chain in zip(ordered, ordered[1:]):
        if id(before) in solving and chain.expressions[-1].strip() == "0" \
                and 0 <= chain.lines[0] - before.lines[-1] <= _NEXT_CONDITION:
            solving.add(id(chain))
    return solving


_NEXT_CONDITION = 4  # lines from one condition's display to the next one's


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
