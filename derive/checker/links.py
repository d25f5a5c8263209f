"""One chain of expressions, link by link: read each expression (with the definitions in scope),
compare neighbours, name the rule of a valid link, and locate what is wrong: a suspect line with the
one slip that mends it, or a wrong link with a point where its sides differ."""

from __future__ import annotations

from sympy import Derivative, Expr, Function, Symbol
from sympy.core.function import AppliedUndef

from derive.checker.definitions import Definitions, definition_of, variable_of
from derive.checker.report import DEFINITION, INVALID, UNDECIDED, VALID, ChainReport, Link
from derive.counterexample import counterexample, worked_out
from derive.errors import DeriveError, LimitError
from derive.exprs import preorder, rebuild, size
from derive.justify import justify
from derive.parse import names, parse
from derive.parse.limits import DEFAULT
from derive.checker.blocks import Block, Chain
from derive.render.printer import reading_differs
from derive.render.printer import text as plain
from derive.suggest import suggestion
from derive.verify import compare

def _dependent(node: Expr) -> Expr | None:
    """dy/dx of a y the document never defined: y is a function of x (unknown), not a constant whose
    derivative is 0, which would turn a correct dy/dx = 2x into a false alarm."""
    if isinstance(node, Derivative) and node.expr.is_Symbol and len(node.variable_count) == 1:
        (x, n), = node.variable_count
        if node.expr != x:
            return Derivative(Function(node.expr.name)(x), (x, n))
    return None


def _undefined(exprs: list[Expr | None]) -> list[str]:
    """The names a chain uses without a definition: unknown functions, and dy/dx of an unknown y."""
    names = {type(n).__name__ for e in exprs if e is not None for n in preorder(e) if isinstance(n, AppliedUndef)}
    return sorted(names)


def _read(source: str, variable: str, known: Definitions) -> Expr:
    expr = parse(source, reader="latex", variable=variable, functions=known.functions)
    return rebuild(_substituted(expr, known.symbols, variable), _dependent)


def _substituted(expr: Expr, symbols: dict[Symbol, Expr], variable: str) -> Expr:
    """y, where the document said y = u^{3/2} and u = x^2 + 1: (x^2 + 1)^{3/2} for d/dx, but u^{3/2}
    for d/du, since the variable itself is never replaced by what it stands for.

    Written out completely or not at all: a half-substituted expression would be compared as if it
    were whole. LimitError (the link is undecided) when the definitions written out pass the node limit."""
    x = names.make(variable)
    for _ in range(len(symbols) + 1):  # each round writes out one more level of the definitions
        new = rebuild(expr, lambda node: symbols.get(node) if node.is_Symbol and node != x else None)
        if new == expr:
            return expr
        if size(new) > DEFAULT.max_nodes:
            raise LimitError(f"with its definitions written out, the expression has more than "
                             f"{DEFAULT.max_nodes} parts")
        expr = new
    raise LimitError("the definitions refer to each other in a circle")


def check_chain(block: Block, chain: Chain, known: Definitions) -> ChainReport:
    report = ChainReport(block.line, block.environment, chain.expressions, chain.lines, block.file)
    variable = variable_of(chain)
    definition = definition_of(chain)
    exprs: list[Expr | None] = []
    for i, source in enumerate(chain.expressions):
        try:
            exprs.append(_read(source, variable, known))
        except DeriveError as exc:
            exprs.append(None)
            report.errors[i] = str(exc)
    report.read_as = [None if e is None else plain(e) for e in exprs]
    report.shown = [e is not None and reading_differs(source, r) for source, e, r in
                    zip(chain.expressions, exprs, report.read_as)]
    undefined = _undefined(exprs)
    for i in range(len(exprs) - 1):
        a, b = exprs[i], exprs[i + 1]
        if i == 0 and definition is not None:
            report.links.append(Link(i, i + 1, DEFINITION, rule=f"definition of {definition[1]}"))
        elif i == 0 and a is not None and a.is_Symbol:
            # x = 2, n = 3, z = w^2 + 1 = …: a name given a value, not an identity to check
            report.links.append(Link(i, i + 1, DEFINITION, rule=f"{plain(a)} is given a value"))
        elif a is None or b is None:
            k = i if a is None else i + 1
            report.links.append(Link(i, i + 1, UNDECIDED,
                                     reason=f"cannot read `{chain.expressions[k]}`: {report.errors[k]}"))
        else:
            verdict, method = compare(a, b)
            if verdict is True:
                report.links.append(Link(i, i + 1, VALID, method, rule=justify(a, b, Symbol(variable, real=True))))
            elif verdict is False:
                report.links.append(Link(i, i + 1, INVALID, method))
            elif undefined:
                report.links.append(Link(i, i + 1, UNDECIDED, reason=known.undefined_reason(undefined)))
            else:
                report.links.append(Link(i, i + 1, UNDECIDED, reason=method))
    _locate(report, exprs)
    return report


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
            shown = [t for t in (counterexample(exprs[link.source], exprs[link.target]),
                                 _should_be(exprs[0])) if t]
            if shown:
                report.evidence[link.source] = "; ".join(shown)


def _should_be(start: Expr | None) -> str | None:
    """What the chain's first expression works out to, when it is a derivative derive read."""
    if start is None:
        return None
    value = worked_out(start)
    return None if value is None else f"the derivative the chain starts at is {value}"
