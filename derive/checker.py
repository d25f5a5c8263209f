"""derive check: verify a derivation someone wrote, and point at the wrong line.

Every display block of a LaTeX, Markdown or plain text file is split into chains of expressions
(derive.parse.blocks); each link between neighbours is valid (with its certificate and, where one
rule does it, the rule's name), invalid, or undecided (with the reason). A line that disagrees with
both neighbours while they agree with each other is the suspect, and derive looks for the one small
change (a sign, a factor) that would make both links hold. Sentences such as "In line (1) we apply
the chain rule" are checked against the rule that justifies that line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sympy import Derivative, Expr, Function, Symbol
from sympy.core.function import AppliedUndef

from derive.counterexample import counterexample, worked_out
from derive.errors import DeriveError, ParseError
from derive.exprs import preorder, rebuild
from derive.justify import justify
from derive.parse import names, parse
from derive.parse.definitions import parse_definition
from derive.parse.blocks import Block, Chain, extract_blocks
from derive.render.printer import reading_differs as _differs
from derive.render.printer import text as plain
from derive.suggest import suggestion
from derive.verify import compare

VALID, INVALID, UNDECIDED, DEFINITION = "valid", "invalid", "undecided", "definition"


@dataclass
class Link:
    source: int
    target: int
    verdict: str  # valid, invalid, undecided, definition
    method: str | None = None  # the certificate, or how the difference was shown
    rule: str | None = None  # the rule that justifies a valid link, where one rule does
    reason: str | None = None  # why a link is undecided

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"from": self.source, "to": self.target,
                                "valid": True if self.verdict == VALID else
                                (False if self.verdict == INVALID else None)}
        for key in ("verdict", "method", "rule", "reason"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        return data


@dataclass
class ChainReport:
    line: int  # the block's first line in the file
    environment: str
    expressions: list[str]
    lines: list[int]
    links: list[Link] = field(default_factory=list)
    suspects: list[int] = field(default_factory=list)  # a slip in one line
    wrong_links: list[tuple[int, int]] = field(default_factory=list)  # a wrong step: what follows agrees
    hints: dict[int, str] = field(default_factory=dict)  # suspect → "did you mean …"
    errors: dict[int, str] = field(default_factory=dict)  # expression index → why it was not read
    read_as: list[str | None] = field(default_factory=list)  # each expression as derive read it, plainly
    shown: list[bool] = field(default_factory=list)  # the reading differs from what is written
    evidence: dict[int, str] = field(default_factory=dict)  # wrong link (by its source) → what shows it

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "environment": self.environment, "expressions": self.expressions,
                "read_as": self.read_as, "lines": self.lines, "links": [k.to_dict() for k in self.links],
                "suspects": self.suspects, "wrong_links": [list(w) for w in self.wrong_links],
                "hints": {str(k): v for k, v in self.hints.items()},
                "evidence": {str(k): v for k, v in self.evidence.items()},
                "unreadable": {str(k): v for k, v in self.errors.items()}}


@dataclass
class Claim:
    line: int
    sentence: str
    named: str  # the rule the prose names
    found: list[str]  # the rules that justify the line
    holds: bool

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "sentence": self.sentence, "names": self.named,
                "justified_by": self.found, "holds": self.holds}


@dataclass
class CheckReport:
    path: str
    chains: list[ChainReport]
    claims: list[Claim]
    strict: bool = False  # ok only when there is a link, and every link is decided and valid

    @property
    def links(self) -> list[Link]:
        """The claimed equalities: every link but the definitions, which claim nothing."""
        return [k for c in self.chains for k in c.links if k.verdict != DEFINITION]

    @property
    def decided(self) -> int:
        return sum(k.verdict in (VALID, INVALID) for k in self.links)

    @property
    def ok(self) -> bool:
        """No link proved wrong and no wrong claim; with strict, also everything checked."""
        sound = all(k.verdict != INVALID for k in self.links) and all(c.holds for c in self.claims)
        if self.strict:
            return sound and bool(self.links) and self.decided == len(self.links)
        return sound

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "strict": self.strict, "file": self.path, "links": len(self.links),
                "decided": self.decided, "verdict": self.verdict(), "blocks": [c.to_dict() for c in self.chains],
                "claims": [c.to_dict() for c in self.claims], "summary": self.summary()}

    def summary(self) -> dict[str, int]:
        counts = {v: sum(k.verdict == v for c in self.chains for k in c.links)
                  for v in (VALID, INVALID, UNDECIDED, DEFINITION)}
        counts["links"], counts["decided"] = len(self.links), self.decided
        counts["suspects"] = sum(len(c.suspects) for c in self.chains)
        counts["wrong claims"] = sum(not c.holds for c in self.claims)
        return counts

    def verdict(self) -> str:
        """One honest sentence: what was found, and how much of the document was checked."""
        n, decided = len(self.links), self.decided
        if not self.chains:
            return "no derivation found: nothing was checked"
        if decided == 0 and not any(not c.holds for c in self.claims):
            return f"nothing could be checked: all {n} link{'s' * (n != 1)} undecided" if n else \
                "nothing could be checked: no claimed equality between expressions"
        undecided = n - decided
        reasons = sorted({_short(k.reason) for k in self.links if k.verdict == UNDECIDED and k.reason})
        counted = f"checked {decided} of {n} links" + (
            f" ({undecided} undecided: {'; '.join(reasons)})" if undecided else "")
        wrong = sum(k.verdict == INVALID for k in self.links) + sum(not c.holds for c in self.claims)
        if wrong:
            return f"wrong steps found: {counted}"
        if self.strict and not self.ok:
            return f"not everything could be checked (--strict): {counted}"
        return f"no step proved wrong: {counted}"

    def text(self) -> str:
        from derive.render.templates import render

        return render("check.txt.j2", report=self)

    def markdown(self) -> str:
        from derive.render.templates import render

        return render("check.md.j2", report=self)

    def _repr_markdown_(self) -> str:
        return self.markdown()

    def json(self) -> str:
        import json

        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def render(self, fmt: str = "text") -> str:
        if fmt == "json":
            return self.json()
        if fmt == "markdown":
            return self.markdown()
        if fmt == "text":
            return self.text()
        raise ValueError(f"derive check writes text, markdown or json, not {fmt!r}")


def _short(reason: str) -> str:
    """An undecided link's reason, shortened for the summary line."""
    return reason if len(reason) <= 80 else reason[:77] + "…"


# --- reading -----------------------------------------------------------------------------------

# \frac{d}{dx}, \frac{d^{2}}{dx^{2}}, \frac{dy}{d\alpha}, \frac{\partial}{\partial \theta_0}: the name after
# the d (or \partial) of the denominator, however it is spelled (derive.parse.names decides)
_VARIABLE = re.compile(r"\\frac\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\s*\{\s*(?:\\mathrm\{d\}|d|\\partial)\s*"
                       r"(\\[A-Za-z]+|[A-Za-z])\s*(_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?")
_DEFINED_FUNCTION = re.compile(r"^\s*([A-Za-z]|\\operatorname\{[A-Za-z]+\})\s*\(\s*([A-Za-z])\s*\)\s*$")
_DEFINED_SYMBOL = re.compile(r"^\s*((?:[A-Za-z]|\\[a-zA-Z]+)(?:_\{?[A-Za-z0-9]+\}?)?)\s*$")


@dataclass
class Definitions:
    """What the document (or --define) defines: functions g(x) = …, and quantities y = … of x."""

    functions: dict[str, type] = field(default_factory=dict)
    symbols: dict[Symbol, Expr] = field(default_factory=dict)


@dataclass
class Scoped:
    """Definitions with the line each is stated at: one applies from there on, the latest before a
    use wins (a y defined twice in one document is two quantities, one after the other)."""

    entries: list[tuple[int, str, Any, Any]] = field(default_factory=list)  # (line, kind, name, value)

    def at(self, line: int) -> Definitions:
        known = Definitions()
        for where, kind, name, value in self.entries:
            if where <= line:
                (known.functions if kind == "function" else known.symbols)[name] = value
        return known


def _variable_of(chain: Chain) -> str:
    """The variable primes differentiate by: the d/dx in the chain, else x, else its one letter."""
    for e in chain.expressions:
        for m in _VARIABLE.finditer(e):
            name = names.spelled(m.group(1) + (m.group(2) or "").replace(" ", ""))
            if name is not None:
                return name
    letters = {c for e in chain.expressions for c in re.findall(r"(?<![\\a-zA-Z])([a-z])(?![a-zA-Z])", e)}
    if "x" in letters or not letters - {"e", "d"}:
        return "x"
    return sorted(letters - {"e", "d"})[0]


def _definition_of(chain: Chain) -> tuple[str, str, str | None, str] | None:
    """("function", g, x, body) for g(x) = body with g unknown to derive; ("symbol", y, None, body)
    for y = body; None for any other chain. A := in a single expression defines too."""
    exprs = chain.expressions
    if len(exprs) == 1 and ":=" in exprs[0]:
        left, body = exprs[0].split(":=", 1)
    elif len(exprs) == 2:
        left, body = exprs
    else:
        return None
    from derive.parse.plain import FUNCTIONS

    m = _DEFINED_FUNCTION.match(left)
    if m is not None:
        name = m.group(1).removeprefix("\\operatorname{").rstrip("}")
        if name not in FUNCTIONS and name not in ("e", "d"):
            return "function", name, m.group(2), body
        return None
    m = _DEFINED_SYMBOL.match(left)
    if m is not None and m.group(1) not in ("e", "\\pi", _variable_of(chain)):
        return "symbol", m.group(1), None, body
    return None


def _definitions(blocks: list[Block], sources: tuple[str, ...]) -> Scoped:
    found = Scoped()
    for source in sources:  # --define: before the document's first line
        d = parse_definition(source, found.at(0).functions)
        found.entries.append((0, "function", d.name, d.function))
    for block in blocks:
        for chain in block.chains:
            definition = _definition_of(chain)
            if definition is None:
                continue
            kind, name, var, body = definition
            line = chain.lines[0]
            known = found.at(line)
            try:
                if kind == "function":
                    d = parse_definition(f"{name}({var}) = {body}", known.functions, reader="latex")
                    found.entries.append((line, "function", d.name, d.function))
                else:
                    symbol = parse(name, reader="latex")
                    if isinstance(symbol, Symbol):
                        value = parse(body, reader="latex", variable=_variable_of(chain), functions=known.functions)
                        found.entries.append((line, "symbol", symbol, value))
            except DeriveError:
                continue  # not a definition derive can read: the chain is checked as written
    return found


# --- checking -------------------------------------------------------------------------------------

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


def _read(source: str, variable: str, known: Definitions, definition) -> Expr:
    expr = parse(source, reader="latex", variable=variable, functions=known.functions)
    if known.symbols and definition is None:  # y, where the document said y = …
        expr = rebuild(expr, lambda node: known.symbols.get(node) if node.is_Symbol else None)
    return rebuild(expr, _dependent)


def _check_chain(block: Block, chain: Chain, known: Definitions) -> ChainReport:
    report = ChainReport(block.line, block.environment, chain.expressions, chain.lines)
    variable = _variable_of(chain)
    definition = _definition_of(chain)
    exprs: list[Expr | None] = []
    for i, source in enumerate(chain.expressions):
        try:
            exprs.append(_read(source, variable, known, definition))
        except DeriveError as exc:
            exprs.append(None)
            report.errors[i] = str(exc)
    report.read_as = [None if e is None else plain(e) for e in exprs]
    report.shown = [e is not None and _differs(source, r) for source, e, r in
                    zip(chain.expressions, exprs, report.read_as)]
    undefined = _undefined(exprs)
    for i in range(len(exprs) - 1):
        a, b = exprs[i], exprs[i + 1]
        if definition is not None:
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
                names = ", ".join(undefined)
                report.links.append(Link(i, i + 1, UNDECIDED, reason=f"{names} {'is' if len(undefined) == 1 else 'are'}"
                                         " not defined here (give it with --define or in the text)"))
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


def _should_be(start: Expr) -> str | None:
    value = worked_out(start)
    return None if value is None else f"the derivative the chain starts at is {value}"


# --- prose ----------------------------------------------------------------------------------------

_RULES = ("chain", "quotient", "product", "sum", "power", "constant multiple", "exponential", "logarithm")
_CLAIM = re.compile(r"(?:line|equation|eq\.)\s*\$?\s*(?:\\eqref\{([^}]+)\}|\(\\ref\{([^}]+)\}\)|\\ref\{([^}]+)\}"
                    r"|\((\d+)\))\s*\$?([^.]*?)\b(" + "|".join(_RULES) + r") rule", re.IGNORECASE)


def _claims(text: str, blocks: list[Block], chains: list[tuple[Chain, ChainReport]]) -> list[Claim]:
    out = []
    for m in _CLAIM.finditer(text):
        label = next(g for g in m.groups()[:4] if g)
        named = f"{m.group(6).lower()} rule"
        for chain, report in chains:
            if label not in chain.marks:
                continue
            first, last = chain.marks[label]
            # the rules of the steps into, within and out of the line: either reading of "in line n"
            near = [k for k in report.links if first - 1 <= k.source <= last]
            found = sorted({r for k in near if k.rule for r in k.rule.split(", ")})
            sentence = " ".join(m.group(0).split())
            # a link derive gives no rule name can hold any rule: the claim is then not judged wrong
            unnamed = any(k.rule is None and k.verdict == VALID for k in near)
            out.append(Claim(text.count("\n", 0, m.start()) + 1, sentence, named, found,
                             named in found or not found or unnamed))
            break
    return out


def check(text: str, path: str = "-", define: tuple[str, ...] | list[str] = (), strict: bool = False) -> CheckReport:
    """Check every claimed equality of the derivations in text (LaTeX, Markdown or plain).

    strict: the report is ok only when there is a link and every link is decided and valid.
    """
    if not isinstance(text, str):
        raise ParseError("derive check reads text")
    blocks = extract_blocks(text)
    scoped = _definitions(blocks, tuple(define))
    checked = [(chain, _check_chain(block, chain, scoped.at(chain.lines[0])))
               for block in blocks for chain in block.chains if len(chain.expressions) > 1]
    return CheckReport(path, [r for _, r in checked], _claims(text, blocks, checked), strict)


def check_file(path: str, define: tuple[str, ...] = (), fmt: str = "text",
               strict: bool = False) -> tuple[str, int]:
    """(the report in fmt, the exit status) for a file, or standard input for '-'."""
    import sys

    try:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
    except FileNotFoundError:
        raise ParseError(f"no such file: {path}") from None
    except UnicodeDecodeError:
        raise ParseError(f"{path} is not UTF-8 text") from None
    except OSError as exc:
        raise ParseError(f"cannot read {path}: {exc.strerror}") from None
    if "\x00" in text:
        raise ParseError(f"{path} is not a text file")
    report = check(text, path, define, strict)
    return report.render(fmt), report.exit_code

