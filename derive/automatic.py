"""The automatic mode: the derivative of any elementary expression, step by step, every step proved.

    from derive import differentiate
    d = differentiate("x*sin(x)^2")                       # plain or LaTeX text, or a SymPy expression
    differentiate("1/(1+exp(-x))", in_terms_of="sigmoid")  # ends at σ(x)(1 − σ(x))
    differentiate("tanh(x)", order=2, in_terms_of="tanh")  # ends at −2(1 − tanh²(x)) tanh(x)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import sympy
from sympy import Add, Basic, Derivative, Expr, Mul, Sum, Symbol, cancel, factor_terms

from derive.assume import read_facts
from derive.derivation import Derivation
from derive.engine import TIDY, Differentiate, prove
from derive.errors import DeriveError, LimitError, ParseError, VerificationError
from derive.exprs import (descending_powers, divisors, fraction, in_written_order, moves_roots_up, pending, plus_first,
                          preorder, rebuild, size, tidy)
from derive.functions import DefinedFunction, define, sigmoid, softmax, softplus
from derive.parse import names, parse
from derive.parse.definitions import parse_definition, parse_family_definition
from derive.record import Proposal, Step
from derive.render.layout import Page
from derive.render.printer import latex, log_name_of, log_written_as, text
from derive.render.titles import derivative_words, function_name, target_math
from derive.render.width import width
from derive.indexing import member, partial, variables_of
from derive.rules.algebra import UseFact
from derive.rules.indexed import (CollapseDelta, ConstantOutOfSum, InSoftmaxTerms, SplitSum, depends,
                                  normaliser_of)
from derive.verify import certify

IMPROVE_UP_TO = 400  # nodes: beyond this, factoring and cancelling cost more than they give

if TYPE_CHECKING:
    from derive.render.document import Document

TARGETS = {"sigmoid": sigmoid, "σ": sigmoid, "sigma": sigmoid, "tanh": sympy.tanh, "softplus": softplus,
           "exp": sympy.exp}
RECOGNISED = (sigmoid, sympy.tanh, softplus)  # targets found in the input however it writes them


def choose_variable(expr: Expr, wrt: str | Symbol | None) -> Symbol:
    """The variable to differentiate by: the one given, the only one there is, or x for a constant.

    A name given is read as the readers read it (α, alpha and \\alpha are one symbol), and must occur
    in the expression: d/dα of an expression without α is a misspelling far more often than a 0.
    """
    symbols = variables_of(expr)
    if wrt is None:
        if len(symbols) > 1:
            found = ", ".join(text(s) for s in symbols)
            raise ParseError(f"the expression has several variables ({found}): choose one with --wrt")
        return symbols[0] if symbols else Symbol("x", real=True)
    x = wrt if isinstance(wrt, Symbol) else names.symbol(wrt)
    bound = {v for node in expr.atoms(Sum) for v, lo, hi in node.limits} | {
        s for node in expr.atoms(Sum) for _, lo, hi in node.limits for s in lo.free_symbols | hi.free_symbols}
    if x in bound:
        raise ParseError(f"{text(x)} is the index or the bound of a sum, not a variable to differentiate by")
    if expr.free_symbols and not depends(expr, x):  # (z_j of Σ_k e^{z_k} is in it: the term k = j)
        found = ", ".join(text(s) for s in symbols)
        raise ParseError(f"the variable {text(x)} does not occur in the expression (its variables: {found})")
    return x


def differentiate(expr: str | Basic, wrt: str | Symbol | None = None, order: int = 1,
                  in_terms_of: str | None = None, define: Iterable[str] = (), detail: str = "normal",
                  reader: str = "auto", *, assume: Iterable[str] = (), timeout: float | None = 20.0,
                  max_memory: int | None = 2048) -> Derivation:
    """The derivation of d^n/dx^n expr: whole expressions, one line per step, every step proved.

    expr: plain text, LaTeX, or a SymPy expression. wrt: the variable (needed with several).
    in_terms_of: "sigmoid" (or "sigma", "σ"), "tanh", "softplus" (its derivatives in σ), "exp",
    "self" (the input itself, named f), or the name of a function given in define ("g(x) = …"); σ,
    tanh and softplus are recognised however the input writes them (derive.recognise).
    detail: "normal" (a line per round of rules) or "fine" (a line per rule). order: 1 to 20, as
    derive diff --order. The work runs in a child process (derive.sandbox.run_limited) stopped after
    timeout seconds or above max_memory MB, as the command's are (LimitError); None lifts a bound.
    """
    if isinstance(order, int) and not isinstance(order, bool) and order > 20:  # as derive diff --order
        raise LimitError(f"the order is at most 20, not {order}")
    from derive.sandbox import run_limited

    return run_limited(_differentiate, expr, wrt, order, in_terms_of, tuple(define), detail, reader,
                       tuple(assume), timeout=timeout, memory_mb=max_memory)


def _differentiate(expr: str | Basic, wrt: str | Symbol | None, order: int, in_terms_of: str | None,
                   define: Iterable[str], detail: str, reader: str, assume: Iterable[str] = ()) -> Derivation:
    if not isinstance(order, int) or order < 1:
        raise ParseError(f"the order is a whole number from 1 up, not {order!r}")
    definitions: dict[str, type] = {}
    families: dict[str, Expr] = {}  # s → the softmax term its members are
    for source in define:
        family = parse_family_definition(source, reader)
        if family is not None:
            families[family[0]] = _softmax_family(*family, source)
            continue
        d = parse_definition(source, definitions)
        definitions[d.name] = d.function
    f = expr if isinstance(expr, Basic) else parse(expr, reader, functions=definitions)
    if not isinstance(f, Expr):
        raise ParseError("expected an expression")
    f = _members_named(f, families)
    facts = read_facts(tuple(assume), reader)
    f = facts.signed(f)
    x = choose_variable(f, facts.signed(names.symbol(wrt)) if isinstance(wrt, str) else wrt)
    start = Derivative(f, x) if order == 1 else Derivative(f, (x, order))
    steps: list[Step] = []
    current = start
    kept = _kept_in_own_terms(in_terms_of, definitions)  # g steered to stays g(x), as authors keep it
    expanded = rebuild(current, lambda n: n.body_at(n.args[0])
                       if isinstance(n, DefinedFunction) and type(n) is not kept else None)
    if expanded != current:
        steps.append(prove(current, Proposal("substitute the definitions", expanded,
                                             "write each defined function out")))
        current = expanded
    for step in _recognised(current, in_terms_of, x):
        steps.append(step)
        current = step.expr
    if not pending(current):  # d/dx f(x) of an unknown f: nothing to work out, and nothing hidden
        steps.append(Step("unknown function", current, "nothing is known of the function but its name, "
                          "so its derivative stays as it is", certify(current, current)))
    else:
        for step in Differentiate(detail).proved_steps(current):
            steps.append(step)
            current = step.expr
    stages = [_sums_worked_out, *([_in_softmax_terms] if in_terms_of == "softmax" else []),
              lambda e: _facts_used(e, facts)]
    for stage in stages:
        for step in stage(current):
            steps.append(step)
            current = step.expr
    if in_terms_of == "softmax":
        in_terms_of = None  # (written in its terms: what follows is the tidy-up any result gets)
    better = _improved(current, f) if in_terms_of is None else None  # steering simplifies in its terms
    if better is not None:
        steps.append(better)
        current = better.expr
    if in_terms_of is not None:
        from derive.steer import require_in_terms_of, rewrite_in_terms_of, target_of, written_in

        named = _target_expr(in_terms_of, f, x, definitions)
        target = target_of(written_in(named), x)  # softplus: its derivatives in σ, softplus itself kept
        for proposal in rewrite_in_terms_of(current, target, x, keep=(named,) if named != target.expr else ()):
            steps.append(prove(current, proposal))
            current = proposal.expr
        require_in_terms_of(current, target, in_terms_of)
    d = "∂" if partial(start) else "d"
    title = f"{d}/{d}{x.name} {text(f)}" if order == 1 else f"{d}^{order}/{d}{x.name}^{order} {text(f)}"
    source = expr if isinstance(expr, str) else ""
    # end to end, independent of the steps' certificates
    used = tuple(fact for fact in facts.equations if any(s.rule == UseFact(*fact).name for s in steps))
    try:
        return Derivation(start, tuple(steps), title=title, source=source).checked_end_to_end(used)
    except VerificationError:
        if not _real_somewhere(f):  # √(−x²): no real function to differentiate, not derive's fault
            others = " (the other symbols at 0.6)" if len(f.free_symbols) > 1 else ""
            raise DeriveError(f"{text(f)} has no real value at any point derive tried ("
                              f"{', '.join(f'{x.name} = {v}' for v in _TRIED)}{others}): derive "
                              "differentiates real functions") from None
        raise


_TRIED = ("-10", "-2.5", "-0.7", "0.3", "1.5", "4", "25")  # (other symbols at 0.6: a check, not a domain)


def _real_somewhere(f: Expr) -> bool:
    """Whether f has a finite real value at one of a few points along the line (asked only once its
    derivative could not be checked, to tell an input with no real values from a fault of derive's)."""
    others = {s: sympy.Float("0.6") for s in f.free_symbols}
    for v in _TRIED:
        for x in f.free_symbols:
            try:
                value = complex(f.evalf(20, subs={**others, x: sympy.Float(v)}))
            except (TypeError, ValueError, ZeroDivisionError, OverflowError):
                continue
            if abs(value.imag) <= 1e-12 * max(1.0, abs(value.real)) and abs(value.real) != float("inf"):
                return True
    return not f.free_symbols


def _sums_worked_out(expr: Expr) -> list[Step]:
    """Σ_k δ_kj f_k → f_j, then the factors free of the index out of each sum: steps of their own,
    each proved, as a paper writes them after differentiating by z_j."""
    out: list[Step] = []
    ranges = {(lo, hi) for node in expr.atoms(Sum) for _, lo, hi in node.limits}
    # Σ_{k=1}^{m} δ_kj f_k = f_j holds for j ≤ m only: with sums to n and to m, no δ is collapsed
    rules = (SplitSum(), CollapseDelta(), ConstantOutOfSum()) if len(ranges) <= 1 else (ConstantOutOfSum(),)
    for rule in rules:
        while (new := rule.rewrite(expr)) is not None and new != expr:
            out.append(prove(expr, Proposal(rule.name, new, rule.note())))
            expr = new
    return out


def _facts_used(expr: Expr, facts) -> list[Step]:
    """Each stated equation (Σ_k y_k = 1) put in where its left side stands, certified as given, and
    the arithmetic it leaves worked out (1·s_j → s_j)."""
    out: list[Step] = []
    for old, new in facts.equations:
        if expr.has(old):
            out.append(prove(expr, UseFact(old, new).propose(expr)[0]))
            expr = out[-1].expr
            tidied = plus_first(tidy(expr))
            if tidied != expr:
                out.append(prove(expr, Proposal(TIDY, tidied, "work out the arithmetic")))
                expr = tidied
    return out


def _softmax_family(letter: str, index: Symbol, body: Expr, source: str) -> Sum:
    """The normaliser Σ_k e^{z_k} of s_i = e^{z_i}/Σ_k e^{z_k}; ParseError for any other family, which
    derive does not yet read from --define."""
    from sympy import exp as e

    normaliser = normaliser_of(body)
    family = str(normaliser.function.args[0].base.label) if normaliser is not None else ""
    member = Symbol(f"{family}_{index.name}", real=True)
    if normaliser is None or fraction(body) != (e(member), normaliser):
        raise ParseError(f"--define reads an indexed definition only for a softmax, "
                         f"{letter}_i = e^(z_i)/sum(e^(z_k), k, 1, K), not {source!r}")
    return normaliser


def _members_named(f: Expr, families: dict[str, Sum]) -> Expr:
    """s_j and the terms s_k of a sum, for a family s the user defined as the softmax: softmax(z_j, Σ)."""
    if not families:
        return f
    from sympy import Indexed

    def visit(node):
        if isinstance(node, Indexed) and str(node.base.label) in families and len(node.indices) == 1:
            normaliser = families[str(node.base.label)]
            family = normaliser.function.args[0].base
            return softmax(family[node.indices[0]], normaliser)
        if isinstance(node, Symbol) and (m := member(node.name)) and m[0] in families and len(m[1]) == 1:
            normaliser = families[m[0]]
            return softmax(Symbol(f"{normaliser.function.args[0].base.label}_{m[1]}", real=True), normaliser)
        return None

    return rebuild(f, visit)


def _in_softmax_terms(expr: Expr) -> list[Step]:
    """e^{z_a} written s_a Σ_k e^{z_k} wherever the normaliser Σ_k e^{z_k} stands, then the sums
    cancelled: the softmax Jacobian's s_i(δ_ij − s_j). SteeringError where there is no such sum."""
    from derive.steer import SteeringError

    normaliser = normaliser_of(expr)
    if normaliser is None:
        raise SteeringError(f"cannot write the derivative in terms of softmax: it came to {text(expr)}, "
                            "where no sum of exponentials Σ_k e^{z_k} stands")
    rule = InSoftmaxTerms(normaliser)
    written = rule.rewrite(expr)
    if written is None:
        return []
    steps = [prove(expr, Proposal(rule.name, written, rule.note()))]
    cancelled = cancel(written)
    if cancelled != written and not cancelled.has(normaliser):
        steps.append(prove(written, Proposal("cancel", cancelled, "cancel the sums")))
    return steps


def _recognised(current: Expr, name: str | None, x: Symbol) -> list[Step]:
    """The steps that write the target in where the input spells it out (tanh(x) for
    (e^{2x} − 1)/(e^{2x} + 1), 1 − tanh²(x) for sech²(x)), each proved by the engine."""
    head = TARGETS.get(name) if name else None
    if head not in RECOGNISED:
        return []
    from derive.recognise import by_identity, recognise

    steps: list[Step] = []
    for find in (recognise, lambda e, h, _: by_identity(e, h)):
        proposal = find(current, head, x)
        if proposal is None:
            continue
        try:
            steps.append(prove(current, proposal))
        except DeriveError:  # (a numeric coincidence: the route through exponentials is taken instead)
            continue
        current = proposal.expr
    return steps


def _target_expr(name: str, f: Expr, x: Symbol, definitions: dict[str, type]) -> Expr:
    if name in TARGETS:
        return TARGETS[name](x)
    if name in definitions:
        return definitions[name](x)
    if name == "self":
        used = {n.func.__name__ for n in preorder(f) if isinstance(n, sympy.core.function.AppliedUndef)}
        return define("y" if "f" in used else "f", x, f)(x)
    choices = ", ".join([*TARGETS, "self", *definitions])
    raise DeriveError(f"cannot write a derivative in terms of {name!r}: choose one of {choices}")


def _kept_in_own_terms(name: str | None, definitions: dict[str, type]) -> type | None:
    """The defined function steered to, when its derivative comes out in its own terms (g' = g(1 − g)
    for g(x) = 1/(1 + e^{-x})): proved here once, then a rule of the engine, so that the lines take
    the chain rule on g(x) and use g' as an author does, never writing g's definition out."""
    g = definitions.get(name) if name else None
    if g is None or g.body.free_symbols - {g.variable}:  # (a parameter θ of g_θ: g' by θ is not this)
        return None
    from derive.rules.functions import know_derivative
    from derive.steer import derivative_in_own_terms

    u = g.variable
    formula = derivative_in_own_terms(g(u), u)
    if formula is None:
        return None
    try:  # the engine proves it like any step before it becomes a rule (and proves each use again)
        prove(Derivative(g(u), u), Proposal("derivative in its own terms", formula))
    except DeriveError:
        return None

    def at(arg: Expr, expr: Expr = formula) -> Expr:  # as written: xreplace would reorder it
        return rebuild(expr, lambda node: arg if node == u else None)

    a = Symbol("u")
    sentence = (f"use ${g.latex_name}'(u) = {latex(at(a))}$, which follows from "
                f"${latex(g(a))} = {latex(at(a, g.body))}$")
    know_derivative(g, at, sentence)
    return g


def _steered_target(d: Derivation, in_terms_of: str | None) -> Expr | None:
    """The target application (σ(x), g(x)) the result was written in, for the code's s = σ(x)."""
    if in_terms_of is None:
        return None
    from derive.steer import written_in

    x = d.start.variable_count[0][0]
    head = type(written_in(TARGETS[in_terms_of](x))) if in_terms_of in TARGETS else None  # softplus: σ
    found = [n for n in preorder(d.result) if isinstance(n, sympy.Function) and n.args == (x,)
             and (type(n).__name__ == in_terms_of or type(n) is head or in_terms_of == "self")]
    return found[0] if found else None


def _heads(expr: Expr) -> set[type]:
    return {type(n) for n in preorder(expr) if isinstance(n, sympy.Function)}


def _improved(expr: Expr, written: Expr) -> Step | None:
    """A simpler form of the result as a step of its own, only when clearly shorter and free of
    functions the result did not have (simplify turns σ' into 1/(4cosh²(x/2)): not followed).

    The candidates are the cheap, predictable ones (common factors out, fractions over one
    denominator): SymPy's simplify spends seconds on a nested chain to find nothing.
    """
    if size(expr) > IMPROVE_UP_TO or not expr.has(Add):  # long results are read for their terms, not
        return None  # shortened; a single term has no common factor or fraction to gather
    candidates = [_factored_out(expr)]  # (x σ − x y → x(σ − y))
    if _gathers(expr):  # (cancel also multiplies out: −yx(1 − σ) + x(1 − y)σ becomes xσ − xy, then x(σ − y))
        cancelled = _denominator_factored(cancel(expr))  # (cancel expands (x² + x + 1)²: factored back)
        candidates += [factor_terms(cancelled), cancelled]
    allowed = _heads(expr)
    # a fifth shorter at least: factoring sin²x + 2x sin x cos x saves a node and reads worse
    good = [c for c in candidates if _heads(c) <= allowed and size(c) <= 0.8 * size(expr)]
    if not good:
        return None
    best = plus_first(in_written_order(descending_powers(min(good, key=size)), written))
    if width(latex(best)) >= width(latex(expr)) or moves_roots_up(expr, best):  # (x/√2 stays as written)
        return None
    return prove(expr, Proposal("simplify", best, "a shorter form of the same expression"))


def _factored_out(expr: Expr) -> Expr:
    """Common factors out, again while that finds more (three passes at most): 2(x − 3)(2x + 1)⁵ +
    10(x − 3)²(2x + 1)⁴ gives 2(x − 3)(2x + 1)⁴(7x − 14) at first, whose 7 a second pass takes out:
    14(x − 3)(x − 2)(2x + 1)⁴."""
    for _ in range(3):
        expr, before = factor_terms(expr), expr
        if expr == before:
            break
    return expr


def _gathers(expr: Expr) -> bool:
    """Whether cancel can shorten expr beyond what factor_terms does: terms of a sum over denominators to
    put over one (x(x − 1)/√(x² + 1) − √(x² + 1), 1 + e^{−x}), or a sum inside a term of a sum to multiply
    out. A fraction already over one denominator, (1 − log x)/x², and a sum of plain products (x² cos x +
    2x sin x) have neither, and cancel would only expand them (a tenth of derive diff's time went there)."""
    return any(isinstance(n, Add) and (any(map(_divides, n.args)) or _sum_in_a_term(n)) for n in preorder(expr))


def _divides(term: Expr) -> bool:
    """term divides by something: 1/x, or e^{−x}, which cancel takes for 1/e^x."""
    return bool(divisors(term)) or any(isinstance(n, sympy.exp) and n.args[0].could_extract_minus_sign()
                                       for n in preorder(term))


def _sum_in_a_term(node: Expr) -> bool:
    """A sum with a term that is a product holding a sum: −yx(1 − σ) + x(1 − y)σ."""
    return isinstance(node, Add) and any(isinstance(t, Mul) and any(f.has(Add) for f in t.args) for t in node.args)


def _denominator_factored(expr: Expr) -> Expr:
    """expr, a fraction, with its denominator factored: what cancel expanded, (x² + x + 1)², as it was."""
    numerator, denominator = sympy.fraction(expr)
    return expr if denominator == 1 else numerator / sympy.factor(denominator)


def _defined_in(expr: Expr) -> list[type]:
    """The user-defined functions that stand in expr, in reading order."""
    return list(dict.fromkeys(type(n) for n in preorder(expr) if isinstance(n, DefinedFunction)))


def derivative_document(d: Derivation, in_terms_of: str | None = None, target: Expr | None = None,
                        assumed: str = "") -> Document:
    """The derivation with the prose around it, for every output format."""
    from derive.render.document import Document, Section

    f, x = d.start.expr, d.start.variable_count[0][0]
    order = int(d.start.variable_count[0][1])
    what = derivative_words(order)
    intro = f"We take the {what} of ${latex(f)}$ with respect to ${latex(x)}$"
    if in_terms_of:
        intro += f", and write it in terms of {target_math(in_terms_of)}"
    terms = [n for n in preorder(d.result) if isinstance(n, softmax)]
    if terms:  # what s_j stands for, where the reader (and derive check) can find it
        intro += f", where ${latex(terms[0])} = {latex(terms[0].body_at(terms[0].args[0]))}$"
    for g in _defined_in(d.start):  # g(x) kept in the lines: its definition before them, for the same reason
        intro += f", where ${latex(g(g.variable))} = {latex(g.body)}$"
    if assumed:
        intro += f", given {assumed}"
    closing = (f"So ${latex(d.start)} = {latex(d.result)}$. Every line was produced by the rule named "
               "for it and checked against the line before.")
    named = isinstance(f, sympy.Function) and f.args == (x,) and type(f).__name__.isidentifier()
    code = {"f": f, "derivative": d.result, "x": x, "name": type(f).__name__ if named else "f",
            "in_terms_of": target, "order": order}
    # the title in words (the formula follows in the first sentence); "partial" where other symbols stand
    title = f"The {'partial ' if partial(d.start) else ''}{what} of {function_name(f, x)}"
    by = f" with respect to ${latex(x)}$" if partial(d.start) else ""
    return Document(title=title + by, sections=(Section(intro + ":", d),), explains=d, closing=closing,
                    meta={"plain_title": title + (f" with respect to {text(x)}" if by else ""), "code": code})


def render_derivative(source: str, fmt: str = "latex", wrt: str | None = None, order: int = 1,
                      in_terms_of: str | None = None, define: tuple[str, ...] = (), detail: str = "normal",
                      reader: str = "auto", standalone: bool = False, label_prefix: str = "eq:eq",
                      certificates: bool = False, assume: tuple[str, ...] = (), page: Page | None = None,
                      log_name: str | None = None) -> str:
    """What `derive diff` prints; run in the sandbox, so that only text crosses back. log_name: ln or
    log for the natural logarithm (None: as the input writes it)."""
    d = differentiate(source, wrt=wrt, order=order, in_terms_of=in_terms_of, define=define,
                      detail=detail, reader=reader, assume=assume)
    target = _steered_target(d, in_terms_of)
    document = derivative_document(d, in_terms_of, target, assumed=read_facts(assume, reader).words())
    with log_written_as(log_name or log_name_of(source)):
        return document.render(fmt, label_prefix=label_prefix, standalone=standalone, certificates=certificates,
                               page=page or Page())
