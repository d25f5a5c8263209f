"""What a document defines, and from where: g(x) = …, y = … (then dy/dx), --define; and the variable a
chain differentiates by. A definition applies from the line it is stated on; the latest wins."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from sympy import Derivative, Eq, Expr, Function, Indexed, Integral, Piecewise, Product, S, Sum, Symbol, digamma, sqrt
from sympy.core.function import AppliedUndef

from derive.errors import DeriveError
from derive.parse import names, parse
from derive.parse.names import greek_name
from derive.checker.blocks import Block, Chain, top_level_split
from derive.checker.assumptions import VALUES, conditions_in, is_condition, relations_in
from derive.checker.documents import INLINE_MARKS, Inline
from derive.checker.macros import argument as braced_argument
from derive.checker.motion import moved_names, of_motion
from derive.checker.pi_quantity import pi_quantity
from derive.parse.build import FUNCTIONS
from derive.functions import DefinedFunction, define
from derive.indexing import LABELS, at_letter, member, split
from derive.parse.definitions import parse_definition
from derive.parse.latex_cases import relations
from derive.probability import has_moments, moment_fact
from derive.checker.samples import counts_in, digammas, laws, normal_cdfs, positive_parameters
from derive.vectors import parts_of
from derive.verify import compare

# \frac{d}{dx}, \frac{d^{2}}{dx^{2}}, \frac{dy}{d\alpha}, \frac{\partial}{\partial \theta_0}: the name after
# the d (or \partial) of the denominator, however it is spelled (derive.parse.names decides)
_VARIABLE = re.compile(r"\\frac\s*\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\s*\{\s*(?:\\mathrm\{d\}|d|\\partial)\s*"
                       r"(\\[A-Za-z]+|[A-Za-z])\s*(_\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?")
_PRIMED_CALL = re.compile(r"(?:\\ell|(?<![\\a-zA-Z])[A-Za-z])'+\s*\(\s*((?:\\(?:hat|bar|tilde)\s*\{\s*\\?[A-Za-z]+\s*\}|\\?[A-Za-z]+)(?:_\{?[A-Za-z0-9]+\}?)?)\s*\)")
_UNDECORATED = re.compile(r"\\(?:hat|bar|tilde)\s*\{\s*(\\?[A-Za-z]+)\s*\}")
_DEFINED_FUNCTION = re.compile(r"^\s*((?:[A-Za-z]|\\ell|\\[A-Za-z][a-z]+(?=\s*(?:_\s*(?:\{[^{}]*\}|\\[A-Za-z]+|[A-Za-z0-9])\s*)?"
                               r"(?:\^\s*(?:\{\s*)?(?:\*|\\ast|\\star)(?:\s*\})?\s*)?\())(?:_\s*(?:\{\s*\\?[A-Za-z0-9]+\s*\}|\\[A-Za-z]+|[A-Za-z0-9]))?"
                               r"(?:\^\s*(?:\{\s*)?(?:\*|\\ast|\\star)(?:\s*\})?)?"  # C^*(c): the optimum as a function of c
                               r"|\\(?:operatorname|mathrm|text)\{[A-Za-z]+\}(?:_\s*(?:\{\s*\\?[A-Za-z0-9]+\s*\}|[A-Za-z0-9]))?"
                               r"|\\math(?:cal|scr)\s*\{[A-Za-z]\})\s*\(\s*((?!\\infty(?![A-Za-z]))\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?)"
                               r"\s*\)\s*$")  # (x(\infty) = 1 is a value, no definition; V(\pi) may define a policy's value)
# between a quantity's variables: p(x \mid \mu, \sigma); D_{KL}(p \| q), a divergence's two laws
_SEPARATORS = r"[,;]|\\mid(?![A-Za-z])|\\\||\\Vert(?![A-Za-z])|\|\|"
_GIVEN = re.compile(r"\\mid(?![A-Za-z])|(?<![\\|])\|(?!\|)")  # the bar of p(x \mid \theta), p(x | θ)
# \ell(\mu, \sigma), L(w, b; x), J(\theta_0, \theta_1): a quantity of several variables, named
_DEFINED_QUANTITY = re.compile(r"^\s*((?:[A-Za-z]|\\[a-z]+|\\math(?:cal|scr)\s*\{[A-Za-z]\})"
                               r"(?:_\s*(?:\{?\\?[A-Za-z0-9]+\}?|\{\s*\\(?:mathrm|text|mathit)\s*\{[A-Za-z]+\}\s*\}))?)"
                               r"\s*\(([^()]*(?:[,;]|\\mid|\\\||\\Vert|\|\|)[^()]*)\)\s*$")
_DECORATED = (r"\\(?:hat|bar|tilde|vec|mathbf|boldsymbol|bm|overline|widehat|widetilde|mathcal|mathscr)"
              r"\s*(?:\{\s*\\?[A-Za-z]+\s*\}|\\[A-Za-z]+|[A-Za-z](?![A-Za-z]))")  # \hat{\theta}, \hat\theta
# J(\mathbf{w}) = …, L(\boldsymbol\theta) = …: a quantity of a vector, its entries in the body
_OF_VECTOR = re.compile(r"^\s*((?:[A-Za-z]|\\[a-z]+|\\math(?:cal|scr)\s*\{[A-Za-z]\})(?:_\s*(?:\{\s*\\?[A-Za-z0-9]+\s*\}"
                        r"|\\[A-Za-z]+|[A-Za-z0-9]))?|\\operatorname\{[A-Za-z]+\})\s*\(\s*(\\(?:mathbf|boldsymbol|bm)"
                        r"\s*\{\s*\\?[A-Za-z]+\s*\})\s*\)\s*$")
# J(\mathbf{w}) = … in a form not read as a definition; f(2) = 4 is a claim, no head
_HEAD = re.compile(r"^\s*([A-Za-z]|\\[a-z]+)\s*\(\s*\\(?:mathbf|boldsymbol|bm|vec)\b")
_STYLE = re.compile(r"\\(?:displaystyle|textstyle)(?![A-Za-z])")
_DEFINED_RECIPROCAL = re.compile(r"^\s*\\[dt]?frac\s*\{\s*1\s*\}\s*\{\s*((?:" + _DECORATED + r"|[A-Za-z]|\\[a-zA-Z]+)"
                                 r"(?:_\{?[A-Za-z0-9]+\}?)?)\s*(\^\s*\{?\s*2\s*\}?)?\s*\}\s*$")
_DEFINED_SQUARE = re.compile(r"^\s*((?:" + _DECORATED + r"|[A-Za-z]|\\[a-zA-Z]+)(?:_\{?[A-Za-z0-9]+\}?)?)\s*\^\s*\{?\s*2\s*\}?\s*$")
# \mathcal{L}_{\mathrm{KL}}: an acronym as a subscript names the quantity
_ACRONYM = r"_\s*\{\s*\\(?:mathrm|text|operatorname)\s*\{[A-Z]+\}\s*\}"
_DEFINED_SYMBOL = re.compile(r"^\s*((?:" + _DECORATED + r"|[A-Za-z]|\\[a-zA-Z]+)(?:_\{?[A-Za-z0-9]+\}?|_\{?\\[A-Za-z]+\}?|"
                             + _ACRONYM + ")?"
                             r"(?:\^\s*\{\s*(?:\(\s*[a-z0-9]\s*\)|\[\s*[a-z0-9]\s*\])\s*\}(?:_\{?[A-Za-z0-9]+\}?)?"
                             r"|\^\s*(?:\{\s*)?(?:\*|\\ast|\\star)(?:\s*\})?)?)\s*$")
# (z^{(i)}: the i-th sample's z; \delta^{(1)}_j, a^{[2]}: layer 1's, 2's; \sigma^{*}: an optimum, a name of its own)


@dataclass
class Definitions:
    """What the document (or --define) defines: functions g(x) = …, and quantities y = … of x."""

    functions: dict[str, type] = field(default_factory=dict)
    symbols: dict[Symbol, Expr] = field(default_factory=dict)
    later: dict[str, int] = field(default_factory=dict)  # a name defined only after here → its line
    ended: dict[str, int] = field(default_factory=dict)  # defined in an example that ended before here → its line
    again: dict[str, int] = field(default_factory=dict)  # the chain here defines f(x; λ) anew, after f(x; α) → line
    dependent: dict[str, str] = field(default_factory=dict)  # "with $y = y(x)$": y → x, y(x) calls y from there on
    arbitrary: dict[str, int] = field(default_factory=dict)  # "s and t may be any functions of z_1": s → line
    timed: set[str] = field(default_factory=set)  # ẋ, or N of dN/dt = rN(1 − N/K): functions of t
    unreadable: dict[str, int] = field(default_factory=dict)  # redefined in a form derive cannot read
    reworded: dict[str, int] = field(default_factory=dict)  # given a new meaning in words → line
    assumptions: dict[str, tuple[str, int]] = field(default_factory=dict)  # x → (positive, its line)
    positive_by_law: set[str] = field(default_factory=set)  # positive only as a law's standard deviation, N(μ, σ²)
    relations: list[tuple[str, str, str, int]] = field(default_factory=list)  # (i, j, distinct, line)
    equations: list[tuple[Expr, int, str]] = field(default_factory=list)  # (lhs − rhs, line, as written)
    motions: list[tuple[Expr, int, str]] = field(default_factory=list)  # ẋ = αx − βxy: (lhs − rhs, line, as written)
    calls: dict[str, tuple[Symbol, ...]] = field(default_factory=dict)  # ℓ → (μ, σ): ℓ(a, b) is ℓ at μ=a, σ=b
    conditional: set[str] = field(default_factory=set)  # p of p(D | θ) = …: a law given its parameters
    calls_line: dict[str, int] = field(default_factory=dict)  # ℓ → the line ℓ(μ, σ) = … is defined at
    values: dict[Symbol, tuple[Expr, int]] = field(default_factory=dict)  # "take x = 3": x → (3, its line)
    independent: int | None = None  # the line where the text says its random variables are independent
    moments: list[tuple[tuple[Expr, Expr], int, str]] = field(default_factory=list)  # E K = np: (sides, line, as written)
    counts: dict[str, Symbol] = field(default_factory=dict)  # "X_1, \dots, X_n": X → n, a sum's bound
    defining: bool = False  # the chain here defines a name by its logarithm (\ln L = …), not claims
    named: dict[str, int] = field(default_factory=dict)  # "call this $u_j$": a family u named in words → line
    mentioned: set[str] = field(default_factory=set)  # s^*, θ̂ in the prose's formulas, anywhere in the text
    abbreviated: dict[str, int] = field(default_factory=dict)  # "write $Z$ for …": Z's LaTeX → line
    # "the first-order conditions": each expression a display sets to zero to solve, (expr, line, as written)
    solved: list[tuple[Expr, int, str]] = field(default_factory=list)
    # π_θ(a) defined again (a Gaussian after a softmax): its earlier definitions, (class, line), oldest first
    earlier: dict[str, list[tuple[type, int]]] = field(default_factory=dict)
    counts_in_words: list[tuple[int, int, str]] = field(default_factory=list)  # "for two keys": (2, line, words)
    laws: dict[str, tuple[Expr, Expr, int]] = field(default_factory=dict)  # X → (mean, variance, line)
    unread_laws: dict[str, int] = field(default_factory=dict)  # "X \sim p": a law derive does not read → line
    regions: list[tuple[Expr, int]] = field(default_factory=list)  # "on $r > \delta$": (r > δ, line)
    ahead: dict[str, str] = field(default_factory=dict)  # u → x: u(x) = … is defined only after here
    displays_end: list[int] = field(default_factory=list)  # the last line of each display so far
    curve: bool = False  # the chain here is the equation of a curve the text states ("the circle"), no claim
    # ℓ = … where ℓ was defined before: ℓ's earlier value, for the chain that defines it again (the
    # new definition may only restate the old one, a claim to check)
    previous: dict[Symbol, Expr] = field(default_factory=dict)
    pi_quantity: tuple[int, str] | None = None  # (line, formula) where the text makes π a quantity (π = ½)
    multipliers: dict[Symbol, int] = field(default_factory=dict)  # "with multipliers $\alpha$ and $\lambda$": α → line

    def functions_in(self, text: str) -> dict[str, type]:
        """The functions to read text with: those defined so far, and one defined only later where text
        calls it at its own parameter (g(x) = x tanh u(x) before u(x) = …: u(x) is that call, never
        u times x; p(1 - p) stays a product)."""
        ahead = {name: Function(name) for name, var in [*self.ahead.items(), *self.dependent.items()]
                 if name not in self.functions
                 and re.search(rf"(?<![\\A-Za-z]){re.escape(name)}\s*\(\s*{re.escape(var)}\s*\)", text)}
        members = self._members_called(text)
        return {**self.functions, **ahead, **members} if ahead or members else self.functions

    def _members_called(self, text: str) -> dict[str, type]:
        """U_k(β) where the text defined U_j(β) = Σ_i (y_i − μ_i)x_ij: the family's member at k, its body's
        j made k (it was read U_k times β). Only where the index stands in the body's subscripts (x_ij), is
        no label (D_x(p), the demand for good x) nor the function's variable, and the member is not
        defined otherwise (later, in words)."""
        found = {}
        for name, f in self.functions.items():
            base, _, index = name.partition("_")
            if len(index) != 1 or not index.isalpha() or index in LABELS or not issubclass(f, DefinedFunction) \
                    or index == f.variable.name or not subscripts_hold(f.body, index):
                continue
            spelled = rf"\\{base}" if greek_name(base) else rf"(?<![\\A-Za-z]){re.escape(base)}"
            for m in re.finditer(spelled + r"_\{?([a-z])\}?\s*(?:\\[bB]igl?|\\left)?\s*\(", text):
                member = f"{base}_{m.group(1)}"
                if m.group(1) != index and member not in self.functions and member not in self.later \
                        and member not in self.ahead and base not in self.named:
                    found[member] = define(member, f.variable, at_letter(f.body, index, m.group(1)))
        return found

    def undefined_reason(self, names: list[str]) -> str:
        """Why a chain that uses names nobody defined before it cannot be decided."""
        unread = [n for n in names if n in self.unreadable]
        if unread:
            return "; ".join(f"{n} is given a new meaning in words at line {self.unreadable[n]}, which derive does not read"
                             if self.reworded.get(n) == self.unreadable[n] else
                             f"{n} is defined at line {self.unreadable[n]} in a form derive cannot read" for n in unread)
        ended = [n for n in names if n in self.ended]
        if ended:
            return "; ".join(f"{n} is defined at line {self.ended[n]}, inside an example that ends before here"
                             for n in ended)
        later = [n for n in names if n in self.later]
        if later:
            return "; ".join(f"{n} is defined only later, at line {self.later[n]}" for n in later)
        laws = [f"{n} is defined at line {self.calls_line.get(n, '?')} at its own letters; at other letters {n} is "
                "another law (a marginal, a joint, a predictive)" for n in names if n in self.conditional]
        others = [n for n in names if n not in self.conditional]
        if others:
            laws.append(f"{', '.join(others)} {'is' if len(others) == 1 else 'are'} not defined here "
                        "(give it with --define or in the text)")
        return "; ".join(laws)


@dataclass
class Scoped:
    """Definitions with the line each is stated at: one applies from there on, the latest before a
    use wins (a y defined twice in one document is two quantities, one after the other)."""

    # (place, line, kind, name, value); place = (order in the document, line): \input files count
    # where they are included, not by their own line numbers
    entries: list[tuple[tuple[int, int], int, str, Any, Any]] = field(default_factory=list)
    scopes: list[tuple[int, int]] = field(default_factory=list)  # the orders each example spans (Document.scopes)

    def at(self, place: tuple[int, int]) -> Definitions:
        known = Definitions()
        stated, defined = [], []  # the equations stated before place, and the names defined there: (where, …)
        defined_at: dict[str, int] = {}  # each function's line of its latest definition so far
        for where, line, kind, name, value in self.entries:
            if self.scopes and self._elsewhere(where, place):  # another example's names: not here
                if kind in ("function", "symbol") and where <= place:
                    known.ended[name if kind == "function" else name.name] = line
                continue
            if kind == "call":
                if where <= place:
                    (known.calls[name], given), known.calls_line[name] = value, line
                    known.conditional = known.conditional - {name} | ({name} if given else set())
                continue
            if kind == "reworded":  # (beside the entries that end its definition: how the reason says it)
                if where <= place:
                    known.reworded[name] = line
                continue
            if kind == "independent":
                if where <= place and known.independent is None:
                    known.independent = line
                continue
            if kind == "moment":  # E[X] = 5/2 in an example, after E[X] = μ in general: the latest holds
                if where <= place:
                    known.moments = [m for m in known.moments if m[0][0] != value[0]] + [(value, line, name)]
                continue
            if kind == "previous":
                if where == place:
                    known.previous[name] = value
                continue
            if kind == "defines":
                if where == place:
                    known.defining = True
                continue
            if kind == "curve":
                if where == place:
                    known.curve = True
                continue
            if kind == "ahead":  # (at place too: p_k = e^{λx_k}/Z(λ), \qquad Z(λ) = … in one display)
                if where >= place:
                    known.ahead.setdefault(name, value)
                continue
            if kind == "law":
                if where <= place and value is None:  # a law derive does not read: the one before is gone
                    known.laws.pop(name, None)
                    known.unread_laws[name] = line
                elif where <= place:
                    known.laws[name] = (*value, line)
                    known.unread_laws.pop(name, None)
                continue
            if kind == "named":
                if where <= place:
                    known.named.setdefault(name, line)
                continue
            if kind == "multiplier":  # (anywhere in the text: a Lagrangian may come before its words)
                known.multipliers[name] = line
                continue
            if kind == "pi quantity":  # (anywhere in the text: the weight π may be used before it is estimated)
                known.pi_quantity = value
                continue
            if kind == "mentioned":  # (anywhere in the prose, before or after)
                known.mentioned.add(name)
                continue
            if kind == "count in words":
                if where <= place:
                    known.counts_in_words.append((value, line, name))
                continue
            if kind == "abbreviated":
                if where <= place:
                    known.abbreviated.setdefault(name, line)
                continue
            if kind == "region":
                if where <= place:
                    known.regions.append((value, line))
                continue
            if kind == "again":
                if where == place:
                    known.again[name] = line
                continue
            if kind == "arbitrary":  # (a function of a variable, as "depends" makes it, and any such function)
                if where <= place:
                    known.arbitrary[name] = line
                    known.dependent[name] = value
                continue
            if kind == "depends":
                if where <= place:
                    known.dependent[name] = value
                continue
            if kind == "display end":
                if where <= place:
                    known.displays_end.append(line)
                continue
            if kind == "count":  # (a listed s_1, s_2, s_3 never replaces an earlier X_1, …, X_n)
                if where <= place and (value.is_Symbol or not known.counts.get(name, S.One).is_Symbol):
                    known.counts[name] = value
                continue
            if kind == "value":  # a worked example's numbers: the latest before here (links ask how near)
                if where <= place:
                    known.values[name] = (value, line)
                continue
            if kind == "spread":  # σ of N(μ, σ²): positive, unless the text says more of σ itself
                if where <= place and name not in known.assumptions:
                    known.assumptions[name] = ("positive", line)
                    known.positive_by_law.add(name)
                continue
            if kind == "timed":
                known.timed.add(name)
                continue
            if kind == "motion":
                if where < place:  # (never for the link that states it: dP/dt = kP is no proof of itself)
                    known.motions.append((value, line, name))
                    for moved in moved_names(value) & known.timed:  # "along a solution (mẍ = −bẋ − kx)"
                        # after x(t) = Ae^{−γt}cos ωt: x is any motion again, that one no longer
                        known.symbols[names.make(moved)] = Function(moved)(names.make("t"))
                        known.functions.pop(moved, None)
                continue
            if kind == "solved":  # (the conditions of a display before this one)
                if where < place:
                    known.solved.append((value, line, name))
                continue
            if kind in ("assume", "relation", "equation"):
                if where <= place and kind == "assume":
                    known.assumptions[name] = (value, line)
                    known.positive_by_law.discard(name)
                elif where <= place and kind == "relation":
                    if _near(where, place):
                        known.relations.insert(0, (*name, value, line))  # the latest first
                elif where <= place:
                    stated.append((where, (value, line, name)))
                continue
            key = name if kind == "function" else name.name
            table = known.functions if kind == "function" else known.symbols
            if where <= place:
                defined.append((where, key))
            if where <= place and value is None:  # the latest definition could not be read
                table.pop(name, None)
                known.unreadable[key] = line
            elif where <= place:
                if kind == "function" and (old := table.get(name)) is not None and old is not value:
                    known.earlier.setdefault(name, []).append((old, defined_at.get(name, line)))
                defined_at[name] = line
                table[name] = value
                known.unreadable.pop(key, None)
                known.dependent.pop(key, None)  # (y = x^3 after "y = y(x)": y has a value now)
            else:
                known.later.setdefault(key, line)
        # an equation said of a name the text defined only after it speaks of the name before that
        # definition ("subject to Σ_k p_k x_k = μ", then p_k = e^{λx_k}/Z: no longer about these p_k)
        known.equations = [equation for at, equation in stated
                           if not any(at < then and _speaks_of(equation[0], key) for then, key in defined)]
        return known

    def _elsewhere(self, where: tuple[int, int], place: tuple[int, int]) -> bool:
        """Whether where stands inside an example that place is not in."""
        return any(start <= where[0] < end and not start <= place[0] < end for start, end in self.scopes)


def _speaks_of(expr: Expr, name: str) -> bool:
    """Whether expr is written in name: p_1 in p_1 + p_2 = 1; a family p_k (a letter index) in the
    terms p[k] of a sum or in any p_j."""
    base, _, index = name.partition("_")
    family = len(index) == 1 and index.isalpha()
    return any(s.name == name or family and s.name.partition("_")[0] == base for s in expr.free_symbols) or \
        family and any(str(t.base.label) == base for t in expr.atoms(Indexed))


# "For $j \neq i$:" speaks of the display right after it, not of the rest of the document
RELATION_REACH = 8


def _near(where: tuple[int, int], place: tuple[int, int]) -> bool:
    return 0 <= place[1] - where[1] <= RELATION_REACH  # (lines of one file: an \input's own start at 1)


# f' and g' with their arguments dropped, (fg)' = f'g + fg': functions of the variable, not variables
_BARE_PRIME = re.compile(r"\\[A-Za-z]+|([fgh])(?:'+|\^\{?(?:\\prime)+\}?)(?![\s'}]*\()")  # (a command is skipped whole)


def arguments_dropped(chain: Chain) -> frozenset[str]:
    """The letters f, g, h the chain primes without an argument (f'g + fg'): each a function whose
    argument the text leaves out, read as f(x) everywhere in the chain (never d/df, nor a constant)."""
    return frozenset(m.group(1) for e in chain.expressions for m in _BARE_PRIME.finditer(e) if m.group(1))


def variable_of(chain: Chain) -> str:
    """The variable primes differentiate by: the d/dx in the chain, else x, else its one letter (never
    a function whose argument is left out, as f of (fg)' = f'g + fg')."""
    declared = declared_variable(chain)
    if declared is not None:
        return declared
    for e in chain.expressions:  # f'(t), y''(x): the argument of a primed function
        m = _PRIMED_CALL.search(e)
        if m is not None and (name := _name_of(_UNDECORATED.sub(r"\1", m.group(1)))) is not None:
            return name  # ℓ''(\hat{p}) is ℓ'' at the estimate p̂: ℓ is a function of p
    m = _DEFINED_FUNCTION.match(_STYLE.sub("", chain.expressions[0])) if chain.expressions else None
    if m is not None and (name := _name_of(m.group(2))) is not None:
        return name  # \ell(p) = \ln L(p) = k \ln p + …: the function's own variable, p (not k)
    # a letter that stands alone, not as a function's name (f(…), u'): x first, then t
    letters = {c for e in chain.expressions for c in re.findall(r"(?<![\\a-zA-Z])([a-z])(?![a-zA-Z('])", e)}
    # (y' = 2y: y is primed, so a function of a variable the chain does not write, never its own variable)
    primed = {c for e in chain.expressions for c in re.findall(r"(?<![\\a-zA-Z])([a-z])(?:'|\^\{?\\prime)", e)}
    letters -= {"e", "d", *primed, *arguments_dropped(chain)}
    for usual in ("x", "t"):
        if usual in letters or not letters:  # (x' = 2x: x is primed, a function of t then, not of itself)
            return ("t" if "x" in primed else "x") if not letters else usual
    return sorted(letters)[0]


def _name_of(text: str) -> str | None:
    """The canonical name of a variable written as text (p, \\theta_0, \\hat{p}), or None."""
    name = names.spelled(text)
    word = re.fullmatch(r"\\operatorname\{([A-Za-z]+)\}", text.strip())
    if word is not None:  # \operatorname{LSE}: the word is the name
        return word.group(1)
    if name is None and "\\" in text:  # \theta_0 and D_{\mathrm{KL}} too
        try:
            symbol = parse(text, reader="latex")
        except DeriveError:
            return None
        name = symbol.name if isinstance(symbol, Symbol) else None
    return name


_INEQUALITY = re.compile(r"[<>]|\\(?:leq?|geq?|lt|gt|leqslant|geqslant)(?![A-Za-z])")


def region_of(formula: str) -> Expr | None:
    """|r| < \\delta, -1 \\le x \\le 1: an inline inequality of letters, the region a display after it is
    about; None for anything else (an equation, x \\in A, X \\sim p, a formula derive cannot read). Spaces
    (y\\,wx < 1) are no list's commas."""
    formula = re.sub(r"\\[,;:! ]", " ", formula)
    if not _INEQUALITY.search(formula) or re.search(r"\\(?:in|sim|notin|to)(?![A-Za-z])|[,;]", formula):
        return None
    try:
        region = relations(formula, lambda part: parse(part, reader="latex"))
    except DeriveError:
        return None
    return region if region.free_symbols and region not in (S.true, S.false) else None


def _parameters(text: str) -> list[str | None]:
    """The names of a quantity's parameters: μ, σ of (\\mu, \\sigma); p, q of (p \\,\\|\\, q); μ, σ of
    (\\mu, \\sigma^2), a likelihood in the variance (see _called_with)."""
    return [_name_of(_SQUARED.sub(r"\1", p.strip())) for p in _parts(text)]


def _parts(text: str) -> list[str]:
    return re.split(_SEPARATORS, re.sub(r"\\[,;:!]", " ", text))


def _called_with(text: str) -> tuple[Expr, ...]:
    """The parameters as a call binds them: σ of (μ, σ) is σ; of (μ, σ²) it is σ², whose argument in
    ℓ(μ̂, σ̂²) gives σ = σ̂ (derive.checker.written)."""
    return tuple(names.make(name) ** (2 if _SQUARED.fullmatch(part.strip()) else 1)
                 for name, part in zip(_parameters(text), _parts(text)))


# \sigma^2, \sigma^{2}: a parameter that is a square (the variance), not a name of its own
_SQUARED = re.compile(r"^(.+?)\s*\^\s*(?:2|\{\s*2\s*\})$")


def _body_in_parameters(parameters: str, body: str, rest: list[str]) -> str:
    """The body of g(x) = body = …: the first member of the chain that is written in x. A(\\eta) = \\lambda =
    e^{\\eta} defines A as e^η, never as the constant λ (whose relation to η the text states elsewhere: a
    function of η taken for a constant had A'' = 0)."""
    # (a one-letter parameter beside a letter is a product, e^{tK}; \\eta x ends at the space)
    names = [re.escape(p) + ("" if len(p) == 1 else "(?![A-Za-z])") for p in map(str.strip, parameters.split(",")) if p]
    written_in = re.compile(rf"(?<![\\A-Za-z])(?:{'|'.join(names)})") if names else None
    if written_in is None or written_in.search(body):
        return body
    return next((member for member in rest if written_in.search(member)), body)


def _decorated_names(formula: str) -> set[str]:
    """The names of optima and estimates (s^*, θ̂, x̃) in an inline formula, each side read alone."""
    if not re.search(r"\^\s*\{?\s*(?:\*|\\ast|\\star)|\\(?:hat|widehat|tilde|widetilde)(?![A-Za-z])", formula):
        return set()  # (most formulas have none: not read at all)
    found = set()
    for _, side in top_level_split(formula, "="):
        for part in re.split(r"<|>|\\[lg]eq?(?![A-Za-z])|\\approx|,", side):
            try:
                expr = parse(part, reader="latex")
            except DeriveError:
                continue
            found |= {s.name for s in expr.free_symbols if isinstance(s, Symbol)
                      and s.name.partition("_")[0].endswith(("star", "hat", "tilde"))}
    return found


def subscripts_hold(body: Expr, index: str) -> bool:
    """index stands in a subscript of body's names (x_ij for j) or indexes a term (x[i, j])."""
    return any((found := member(s.name)) is not None and index in found[1]
               for s in body.free_symbols if isinstance(s, Symbol)) \
        or any(str(i) == index for t in body.atoms(Indexed) for i in t.indices)


def definition_of(chain: Chain) -> tuple[str, str, str | None, str] | None:
    """("function", g, x, body) for g(x) = body with g unknown to derive; ("symbol", y, None, body)
    for y = body; None for any other chain. A := in a single expression defines too; in a longer
    chain, the first link is the definition."""
    exprs = chain.expressions
    if renames_parameters(chain):
        return definition_of(Chain(exprs[1:], chain.lines[1:]))
    if len(exprs) == 1 and ":=" in exprs[0]:
        left, body = exprs[0].split(":=", 1)
    elif len(exprs) >= 2:  # V(r) = a/r^{12} - b/r^{6} = …: the first link defines, the rest is checked
        left, body = exprs[0], exprs[1]
    else:
        return None
    left = _STYLE.sub("", left)  # \displaystyle I(\lambda) = …: the head is I(\lambda)
    m = _LOG_HEAD.match(left)
    if m is not None and (inner := definition_of(Chain([m.group(1), rf"\exp\left({body}\right)"], chain.lines[:2]))) \
            and inner[0] in ("quantity", "symbol"):
        return "log " + inner[0], *inner[1:]  # \ln L(\mu, v) = …: L is e to the body (if L is new)
    m = _DEFINED_SQUARE.match(left)
    if m is not None and m.group(1) not in ("e", "\\pi") and not _writes(body, m.group(1)):
        return "square", m.group(1), None, body  # \hat{\sigma}^2 = …: σ̂ is its positive root (x^2 = x x is no)
    m = _DEFINED_RECIPROCAL.match(left)
    if m is not None and m.group(1) not in ("e", "\\pi") and not _writes(body, m.group(1)) \
            and re.search(r"(?<!\\)\b[A-Za-z]|\\(?!d?frac|tfrac|cdot|times|left|right)[A-Za-z]", body):
        # (1/τ_n² = 1 + 4/4 = 2, numbers only, is a claim about τ_n, checked)
        # 1/\tau_n^2 = 1/\tau_0^2 + n/\sigma^2, a precision: τ_n² is 1 over the body, τ_n its positive root
        return ("square" if m.group(2) else "symbol"), m.group(1), None, rf"\frac{{1}}{{{body}}}"
    m = _DEFINED_FUNCTION.match(left)
    if m is not None:
        name = m.group(1)
        if name.startswith(("\\operatorname{", "\\mathrm{", "\\text{")):  # \mathrm{MSE}(c): the word is the name
            word, _, sub = name.partition("{")[2].partition("}")  # \operatorname{GELU}_{\tanh}: GELU_tanh
            name = word + ("_" + re.sub(r"[\s{}\\_]", "", sub) if sub else "")
        elif "_" in name or name.startswith("\\"):  # h_\theta(x) = \theta x: the function h_theta; \phi(x)
            name = _name_of(name.replace(" ", ""))
        # \operatorname{Var}(Z) = E[Z^2] - E[Z]^2 is the variance's identity, no new function (V(r) may be)
        if name is not None and name not in FUNCTIONS and name not in ("e", "d") and name not in ("Var", "Cov"):
            return "function", name, m.group(2), _body_in_parameters(m.group(2), body, _equal_members(chain))
        return None
    m = _OF_VECTOR.match(left)
    if m is not None and (name := _name_of(m.group(1).replace(" ", ""))) is not None and name not in FUNCTIONS \
            and _name_of(m.group(2)) is not None:
        return "quantity", name, m.group(2), body  # J(\mathbf{w}) = \frac{1}{2}\lVert X\mathbf{w} - \mathbf{y}\rVert^2
    m = _DEFINED_QUANTITY.match(left)
    parameters = _parameters(m.group(2)) if m else []
    if m is not None and (name := _name_of(m.group(1).replace(" ", "")) or _known_word(m.group(1))) is not None \
            and None not in parameters and len(set(parameters)) == len(parameters) \
            and (name not in FUNCTIONS or len(parameters) > 1) and name not in ("Var", "Cov", "Pr", "max", "min") \
            and (name != "P" or _a_function_of(parameters, body)) \
            and not re.match(r"\s*\\mathcal\s*\{\s*N\s*\}", m.group(1)) \
            and not re.search(rf"(?<![A-Za-z\\]){re.escape(m.group(1).strip())}\s*\(", body):
        # \ell(0, 1) = 5 is a claim; P(A | B) = P(B | A) P(A) / P(B) a rule about probabilities; derive
        # knows the normal density 𝒩(x | μ, σ²) itself
        return "quantity", name, m.group(2), body  # \ell(\mu, \sigma) = …, L(w, b; x) = …
    m = _DEFINED_SYMBOL.match(left)
    if m is not None and m.group(1) not in ("e", "\\pi", declared_variable(chain)):
        return "symbol", m.group(1), None, body  # x = 2 gives a value, not a definition: see _add
    return None


def at_a_term_of_its_variable(name: str, var: str, known: Definitions) -> bool:
    """f(θ_t) where the text defined f(θ): f called at a term of a sequence of its own variable (θ_t,
    x_1), which evaluates f there; a plain letter, f(t) after f(x), defines f anew (a worksheet's next
    problem)."""
    f = known.functions.get(_name_of(name.replace(" ", "")) or name)
    argument = _name_of(var.replace(" ", "")) if var else None
    if f is None or argument is None or "_" not in argument:
        return False
    return argument.partition("_")[0] == f.variable.name.partition("_")[0] != "" and argument != f.variable.name


def renames_parameters(chain: Chain) -> bool:
    """ℓ(θ) = ℓ(μ, σ) = …: the first link names the parts of one parameter, the second defines ℓ."""
    exprs = chain.expressions
    if len(exprs) < 3:
        return False
    one = [m for m in (form.match(_STYLE.sub("", exprs[0])) for form in (_DEFINED_FUNCTION, _OF_VECTOR)) if m]
    parts = _DEFINED_QUANTITY.match(_STYLE.sub("", exprs[1]))
    return bool(one and parts and one[0].group(1).replace(" ", "") == parts.group(1).replace(" ", ""))


# \rho_\delta', f'': a function's derivative written without its argument
_PRIMED_NAME = re.compile(r"\s*\\?[A-Za-z]+(?:_\s*(?:\{\s*\\?[A-Za-z0-9]+\s*\}|\\[A-Za-z]+|[A-Za-z0-9]))?'+\s*")
# \ln L(\mu, v), \log L: a likelihood defined by its logarithm
_LOG_HEAD = re.compile(r"^\s*\\(?:ln|log)(?![A-Za-z])\s*(.+?)\s*$", re.DOTALL)


def _known_word(head: str) -> str | None:
    """cos of \\cos(u, v) = …: a function derive knows of one argument, named again by the text for
    several (cosine similarity); the check above lets it only with several parameters."""
    word = head.strip().lstrip("\\")
    return word if word in FUNCTIONS and head.strip().startswith("\\") else None


def _bare(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _writes(body: str, name: str) -> bool:
    """body writes the name itself: x in x x, \\omega in \\omega t (not in \\omega_0, a name of its own)."""
    return re.search(r"(?<![A-Za-z\\])" + re.escape(_bare(name)) + r"(?![A-Za-z_])", body) is not None


def declared_variable(chain: Chain) -> str | None:
    """The variable a chain's d/dx names (t where it writes Newton's dots, ẋ), if any (a guessed one must
    not veto a = σ(z))."""
    for e in chain.expressions:
        for m in _VARIABLE.finditer(e):
            if (name := names.spelled(m.group(1) + (m.group(2) or "").replace(" ", ""))) is not None:
                return name
    if any(_TIME_DOTS.search(e) for e in chain.expressions):
        return "t"  # \dot{x}: dx/dt
    return None


_TIME_DOTS = re.compile(r"\\d?dot(?![A-Za-z])")
_DOTTED = re.compile(r"\\d?dot(?![A-Za-z])\s*(\{\s*\\?[A-Za-z]+(?:_\{?\w+\}?)?\s*\}|\\?[A-Za-z]+)(_\{?\w+\}?)?")


def _with_a_law_of_motion(equations: list[list[str]]) -> set[str]:
    """The names X of an equation dX/dt = f(X, …) the text states (the logistic dN/dt = rN(1 − N/K)):
    functions of time, as a dotted name is. A rate set to what holds no X (dV/dt = 2) is no such law."""
    found = set()
    for sides in equations:
        if len(sides) != 2 or not any(re.search(r"d\s*t\s*\}", side) for side in sides):
            continue
        try:
            a, b = (parse(side, reader="latex") for side in sides)
        except DeriveError:
            continue
        for rate, law in ((a, b), (b, a)):
            if isinstance(rate, Derivative) and rate.expr.is_Symbol and rate.variable_count == ((names.make("t"), 1),) \
                    and rate.expr in law.free_symbols and not law.has(Derivative):
                found.add(rate.expr.name)
    return found


_ALL_SIGNED = re.compile(r"\ball\s*(?:of\s+them\s*)?⟨(\d+)⟩")
_QUANTIFIED = re.compile(r"\b(?:real|any|every|some|all|integer|natural|complex)\s*$", re.IGNORECASE)
_SIGN_ALONE = re.compile(r"\s*(>|\\gt|\\geq|\\ge|≥)\s*0\s*")


def _all_signed(said: str, inline: list[Inline]) -> list[tuple[Inline, str, str]]:
    """(the formula, name, positive | nonnegative) for each name of a list the prose closes with "(all
    $> 0$)": the names written alone in formulas since the sentence began ("mass $m$, spring constant $k$,
    drag $b$ (all $> 0$)")."""
    found = []
    for m in _ALL_SIGNED.finditer(said):
        k = int(m.group(1))
        sign = _SIGN_ALONE.fullmatch(inline[k].formula) if k < len(inline) else None
        if sign is None:
            continue
        start = max(said.rfind(stop, 0, m.start()) for stop in (". ", ".\n", ";", ":", "\n\n"))
        for mark in INLINE_MARKS.finditer(said, start + 1, m.start()):
            j = int(mark.group(1))
            if _QUANTIFIED.search(said[max(0, mark.start() - 20):mark.start()]):
                continue  # ("for any real $x$ and a mass $m$ (all $> 0$)": x is no member of the list)
            if j < len(inline) and (name := names.spelled(inline[j].formula.strip())) is not None:
                found.append((inline[k], name, "positive" if sign.group(1) in (">", "\\gt") else "nonnegative"))
    return found


_OPEN = r"\s*(?:\\(?:left|bigl|Bigl|biggl|big|Big|bigg))?\s*\(\s*"
_CLIP = re.compile(r"\\max" + _OPEN + r"-\s*(\\?[A-Za-z]+)\s*,\s*\\min" + _OPEN + r"\1\s*,"  # max(−δ, min(δ, r))
                   + r"|\\min" + _OPEN + r"(\\?[A-Za-z]+)\s*,\s*\\max" + _OPEN + r"-\s*\2\s*,"  # min(δ, max(−δ, r))
                   + r"|\\(?:operatorname\s*\{\s*)?clip\s*\}?" + _OPEN + r"[^,()]+,\s*-\s*(\\?[A-Za-z]+)\s*,\s*\3\s*[)\\]")


def _clip_bounds(formula: str) -> set[str]:
    """The names of the bounds δ of the clips a formula writes: max(−δ, min(δ, r)), clip(r, −δ, δ)."""
    found = set()
    for m in _CLIP.finditer(formula):
        if (name := names.spelled(next(g for g in m.groups() if g))) is not None:
            found.add(name)
    return found


def _dotted(formulas: list[str]) -> set[str]:
    """The names written with Newton's dots (ẋ, θ̈, ẋ_1): functions of time, t."""
    found = set()
    for formula in formulas:
        for m in _DOTTED.finditer(formula):
            if (name := names.spelled(m.group(1).strip("{} ") + (m.group(2) or ""))) is not None:
                found.add(name)
    return found


BEFORE_ALL = (-1, 0)  # the place of --define: before the document's first line


def place_of(chain: Chain) -> tuple[int, int]:
    return chain.order, chain.lines[0]


# "i.i.d.", "independent", "uncorrelated": the text's random variables have no covariance
_INDEPENDENT = re.compile(r"\bi\.?\s?i\.?\s?d\.?(?![a-z])|\bindependen|\buncorrelated\b", re.IGNORECASE)


def collect(blocks: list[Block], sources: tuple[str, ...], inline: list[Inline] = (),
            prose: list[tuple[int, str, str]] = (), scopes: list[tuple[int, int]] = ()) -> Scoped:
    """Every definition with its place: --define first, then the document's, displayed or inline
    ("Let $y = x^3$"), in the order of the document; one made inside an example holds there only."""
    found = Scoped(scopes=list(scopes))
    for source in sources:
        d = parse_definition(source, found.at(BEFORE_ALL).functions)
        found.entries.append((BEFORE_ALL, 0, "function", d.name, d.function))
    chains = [chain for block in blocks for chain in block.chains]
    defined = found.at(BEFORE_ALL).functions
    for item in inline:  # the optimum's and the estimates' names the prose speaks of ("$s^*$ solves …")
        found.entries += [(BEFORE_ALL, item.line, "mentioned", name, None) for name in _decorated_names(item.formula)]
    stated = [c.expressions for c in chains] + [[side for _, side in top_level_split(i.formula, "=")] for i in inline]
    formulas = [(i.line, i.formula) for i in inline] + [(line, e) for c in chains for line, e in zip(c.lines, c.expressions)]
    if (weight := pi_quantity(sorted(formulas))) is not None:  # "start from $\pi = \tfrac12$": π a weight here
        found.entries.append((BEFORE_ALL, weight[0], "pi quantity", None, weight))
    timed = _dotted([e for sides in stated for e in sides]) | _with_a_law_of_motion(stated)
    for name in sorted(timed - {"t"}):
        if name not in defined:  # ẋ: x is a function of time wherever the text writes it (m, k stay constants)
            found.entries.append((BEFORE_ALL, 0, "symbol", names.make(name), Function(name)(names.make("t"))))
            found.entries.append((BEFORE_ALL, 0, "timed", name, None))
    said = "".join(words for _, words, _ in prose)
    written = _marked(_NAMING, said, inline)  # "write $S = …$", "let $u = …$": formulas that name
    for item in inline:
        sides = [part.strip() for _, part in top_level_split(item.formula, "=")]
        member = _MEMBER.fullmatch(sides[-1]) if len(sides) >= 2 else None
        if member is not None:  # "$s = 2y - 1 \in \{-1, +1\}$": s is 2y − 1, and takes those values
            sides[-1] = member.group(1).strip()
            found.entries += [((item.order, item.line), item.line, "assume", name, kind)
                              for name, kind in conditions_in(f"{sides[0]} \\in {member.group(2)}")]
        signed = _SIGNED_BODY.fullmatch(sides[-1]) if len(sides) >= 2 and member is None \
            and item.order in written else None
        if signed is not None:  # "We write $S = \sum_i x_i^2 > 0$": S is the sum, and positive (never
            # "so $\sigma = e^{v/2} > 0$", a consequence of v = log σ², which would go round in a circle)
            sides[-1] = signed.group(1).strip()
            found.entries += [((item.order, item.line), item.line, "assume", name, kind)
                              for name, kind in conditions_in(f"{sides[0]} {signed.group(2)} 0")]
        if len(sides) >= 2 and all(sides):  # ("$\sum_k q_k = (1 - \epsilon) + \epsilon = 1$")
            chains.append(Chain(sides, [item.line] * len(sides), inline=True, order=item.order))
    chains += _parts_named(said, inline, chains)  # "write $Z$ for the denominator of $a_j$"
    # lines where the prose gives a name a number ("for $y = 1$"): an inline redefinition there is a case
    cases = {(item.line, m.group(1)) for item in inline if (m := _VALUE.fullmatch(item.formula))}
    # formulas the prose gives as a result ("setting it to zero gives $\bar{y} = w\bar{x} + b$")
    results = _marked(_RESULT, said, inline)
    for chain in chains:  # u(x) = … later in the text: u(x) before it is already that function's call
        if (d := definition_of(chain)) is not None and d[0] == "function" and len(d[1]) == 1:
            found.entries.append((place_of(chain), chain.lines[0], "ahead", d[1], d[2].strip()))
    points, naming = _marked(_AT_POINT, said, inline), _marked(_NAMING, said, inline)
    supposed = _marked(_SUPPOSED, said, inline)  # "with $\sigma_1 = \sigma_2$ the squares cancel": a case
    for item in (item for item in inline if item.order in _marked(_MULTIPLIERS, said, inline)):
        try:
            letter = parse(item.formula, reader="latex")
        except DeriveError:
            continue
        if isinstance(letter, Symbol):  # "with multipliers $\alpha$ and $\lambda$": unknowns the constraints fix
            found.entries.append((BEFORE_ALL, item.line, "multiplier", letter, None))
    for item, letter, var in _functions_of(said, inline):  # "a shift $t$ that may be any function of $z_1$"
        found.entries.append(((item.order, item.line), item.line, "arbitrary", letter, var))
    for block in blocks:
        for chain in block.chains:
            if len(chain.expressions) == 2 and _after_a_curve(chain.lines[0], block.file, prose):
                _add_curve(found, chain)
    for item, name in normal_cdfs(inline, prose):  # Φ(ξ) = (1 + erf(ξ/√2))/2, as the prose says (before the
        # definitions that use it are read: C = SΦ(d_1) − …)
        try:
            d = parse_definition(rf"{name}(\xi) = " + _NORMAL_CDF_BODY, reader="latex")
        except DeriveError:  # (a name derive keeps for itself)
            continue
        found.entries.append(((item.order, item.line), item.line, "function", d.name, d.function))
    for item in digammas(inline, prose):  # "$\psi$ for the digamma function": ψ(x) is SymPy's digamma(x)
        xi = names.make("xi")
        found.entries.append(((item.order, item.line), item.line, "function", "psi", define("psi", xi, digamma(xi))))
    for item, letter, law in laws(inline, prose):  # (before the definitions: σ_1^2 = 1 gives σ_1 = 1, a spread)
        found.entries.append(((item.order, item.line), item.line, "law", letter, law))
        if law is not None and law[1].is_Pow and law[1].exp == 2 and law[1].base.is_Symbol \
                and law[1].base.name.partition("_")[0] == "sigma":  # (N(βx_i, x_i²) says nothing of x_i's sign)
            # N(μ, σ²): σ is the standard deviation, positive by the law's convention (√(2πσ²) = σ√(2π))
            found.entries.append(((item.order, item.line), item.line, "spread", law[1].base.name, None))
    for item, letter in positive_parameters(inline):  # Gamma(k, θ): k and θ positive, by the same convention
        found.entries.append(((item.order, item.line), item.line, "spread", letter, None))
    for item in inline:  # ψ(r) = max(−δ, min(δ, r)): a clip's bound is positive, or the clip means nothing
        found.entries += [((item.order, item.line), item.line, "spread", letter, None)
                          for letter in _clip_bounds(item.formula)]
    for chain in chains:
        found.entries += [(place_of(chain), chain.lines[0], "spread", letter, None)
                          for letter in _clip_bounds(" ".join(chain.expressions))]
    conditioned, case_values = _conditioned(said, inline)
    pieces = _pieces_in_words(said, inline)
    excluded = _marked(_EXCLUDED, said, inline)
    by_cases: dict[str, list[tuple[Chain, str, str | None]]] = {}
    for chain in sorted(chains, key=place_of):
        if (pairs := _values_of_a_tuple(chain)) is not None:  # "$(x^*, y^*, \mu^*) = (6, 3, 12)$"
            found.entries += [(place_of(chain), chain.lines[0], "value", symbol, number)
                              for symbol, number in pairs]
            continue
        if chain.inline and chain.order in points and (d := definition_of(chain)) is not None and d[0] == "symbol":
            # (a point such as ‖u‖ = 1 is still a condition on what follows: see _add_condition); "at $x_1 =
            # 2.1$" gives a worked example's number, as "take $x_1 = 2.1$" does, and defines nothing
            if isinstance(symbol := _symbol_named(d[1]), Symbol) and chain.follows is None:
                _add_values(found, chain, symbol, d[3])
            continue
        if chain.inline and chain.order in case_values:  # the y = 1 of "p_t = p if y = 1": a case, no example's y
            continue
        if chain.inline and chain.order in excluded:  # "away from $w_j = 0$": a point left out, no example's
            continue
        if chain.inline and chain.order in pieces and (d := definition_of(chain)) is not None and d[0] == "function":
            # "$g(u) = 1$ for $u < 1$ and $g(u) = 2$ for $u \ge 1$": g by cases said in words, which derive
            # does not put together (taken as its last case, ∫_0^x g was 2x for every x)
            found.entries += _unread(place_of(chain), chain.lines[0], d[1])
            continue
        if chain.inline and chain.order in conditioned and (d := definition_of(chain)) is not None and d[0] == "symbol":
            by_cases.setdefault(d[1].strip(), []).append((chain, d[3], conditioned[chain.order]))
            continue
        for one in _each_sign(chain):
            _add(found, one, cases, results, naming, supposed)
    for cased in by_cases.values():
        _add_by_cases(found, cased, inline)
    _end_redefined_in_words(found, said, inline)
    # where a line of prose stands among the displays and formulas (it was (0, line): before all of
    # them, so "X and Y independent" at line 71 applied to a display at line 63)
    placed = sorted([(item.file, item.line, item.order) for item in inline] +
                    [(block.file, block.line, block.order) for block in blocks])
    for line, words, file in prose:  # ("i.i.d. data", "X and Y independent"): where the text says it
        if (m := _INDEPENDENT.search(words)) is not None and (where := _said_at(placed, file, line, words, m)):
            found.entries.append((where, where[1], "independent", None, None))
    for line, words, file in prose:  # "for two keys": a count the prose gives in words, for what follows
        for m in _COUNT_IN_WORDS.finditer(words):
            if (where := _said_at(placed, file, line, words, m)) is not None:
                found.entries.append((where, where[1], "count in words", m.group(0).strip(),
                                      _NUMBER_WORDS[m.group(1).lower()]))
    for item in _abbreviations(said, inline):  # "write $Z$ for the normaliser": a name given in words only
        found.entries.append(((item.order, item.line), item.line, "abbreviated", item.formula.strip(), None))
    for item in inline:  # "call this $u_j$": a family named in the prose, perhaps without a formula
        if (name := names.spelled(item.formula.strip())) is not None and (parts := split(name)) and len(parts[1]) == 1:
            found.entries.append(((item.order, item.line), item.line, "named", parts[0], None))
    for item in inline:  # "$X_1, \dots, X_n$ i.i.d.": a sum over the X_j without bounds runs to n
        found.entries += [((item.order, item.line), item.line, "count", letter, bound)
                          for letter, bound in counts_in(item.formula)]
    for block in blocks:  # a region said before one display is that display's, not the next one's
        ends = [line for chain in block.chains for line in chain.lines]
        if ends and block.chains:
            found.entries.append((place_of(block.chains[0]), max(ends), "display end", None, None))
    for item in inline:  # "on $|r| < \delta$", "for $r > \delta$": where the display after it holds
        if (region := region_of(item.formula)) is not None:
            found.entries.append(((item.order, item.line), item.line, "region", None, region))
    for item, name, kind in _all_signed(said, inline):  # "mass $m$, stiffness $k$ (all $> 0$)"
        found.entries.append(((item.order, item.line), item.line, "assume", name, kind))
    for item in inline:  # "for $x > 0$", "off the diagonal, $j \neq i$": a condition from here on
        found.entries += [((item.order, item.line), item.line, "assume", name, kind)
                          for name, kind in conditions_in(item.formula)]
        found.entries += [((item.order, item.line), item.line, "relation", (p, q), kind)
                          for p, q, kind in relations_in(item.formula)]
    for chain in (c for block in blocks for c in block.chains):  # "…, \qquad x > 0" after a formula
        found.entries += [(place_of(chain), chain.lines[0], "assume", name, kind)
                          for condition in chain.conditions for name, kind in conditions_in(condition)]
        found.entries += [(place_of(chain), chain.lines[0], "relation", (p, q), kind)
                          for condition in chain.conditions for p, q, kind in relations_in(condition)]
    return found


# "2y - 1 \\in \\{-1, +1\\}", "w \\in \\mathbb{R}^d": a value, then the set it lies in
# (or an interval: "$s_\lambda = S/(S + \lambda) \in (0, 1]$" defines s_λ, and says where it lies)
_MEMBER = re.compile(r"(.+?)\\in(?![A-Za-z])\s*(\\\{.*\\\}|\\mathbb\s*\{[A-Z]\}(?:\^\s*\{?[^{}]*\}?)?"
                     r"|(?:\\left)?[(\[][^,()\[\]]+,[^,()\[\]]+(?:\\right)?[)\]])\s*", re.DOTALL)


# "S = \sum_i x_i^2 > 0": a value, then its sign
_SIGNED_BODY = re.compile(r"(.+?)\s*(>|\\geq?|\\gt)\s*0\s*", re.DOTALL)


# a law named by its parameters: \mathcal{N}(\mu, \sigma^2) (no \mid: no point it is taken at)
_NORMAL = re.compile(r"\s*\\mathcal\s*\{\s*N\s*\}\s*(?:\\left)?\(([^()|;]*,[^()|;]*)(?:\\right)?\)\s*")


# "gives ⟨3⟩", "so that ⟨3⟩", "hence ⟨3⟩": the formula a sentence derives, not one it defines
# "the score vanishes only at $\mu = \bar{x}$", "evaluated at $w = 0$": a point, no definition of μ or w
# "with $\sigma_1 = \sigma_2$ …", "what happens if we start from $\mu_1 = \mu_2$": a case the text supposes
# "$p_t = p$ if $y = 1$": a formula said under a condition; "$\alpha_t = \alpha$ or $1 - \alpha$": one of two
_CASE_OF = re.compile(r"⟨(\d+)⟩\s*,?\s*(?:if|when|whenever|for)\s+⟨(\d+)⟩", re.IGNORECASE)
_OR_ANOTHER = re.compile(r"⟨(\d+)⟩\s*,?\s*or\s+⟨(\d+)⟩", re.IGNORECASE)
_SUPPOSED = re.compile(r"\b(?:if|when|whenever|with|suppose|supposing|unless)\s+(?:[A-Za-z]+\s+){0,3}⟨(\d+)⟩",
                       re.IGNORECASE)
# "a scale $s$ and a shift $t$ that may be arbitrary functions of $z_1$", "$u$ and $v$ are functions of $x$"
_FUNCTIONS_OF = re.compile(r"(⟨\d+⟩(?:\s*(?:,|and|,\s*and)\s*(?:(?:an?|the)\s+[a-z]+\s+)?⟨\d+⟩)*)\s*(?:,\s*)?"
                           r"(?:(?:that|which)\s+)?(?:(?:are|is|may|can|be|both|any|arbitrary|unknown|differentiable|"
                           r"smooth)\s+){1,4}functions?\s+of\s+⟨(\d+)⟩", re.IGNORECASE)
# "with multipliers $\alpha$ and $\lambda$", "a Lagrange multiplier $\nu$": letters the constraints solve for
_MULTIPLIERS = re.compile(r"\bmultipliers?\s+⟨\d+⟩(?:\s*(?:,|and|,\s*and)\s*⟨\d+⟩)*"
                          # "with $\beta$ as the multiplier of the second constraint and $\nu$ for the first"
                          r"|⟨\d+⟩\s+(?:as|is)\s+the\s+(?:Lagrange\s+)?multiplier\b(?:[^⟨.;]{0,40}?\band\s+⟨\d+⟩\s+for\s+the\s+"
                          r"(?:first|second|other|third)\b)?", re.IGNORECASE)
_EXCLUDED = re.compile(r"\b(?:away\s+from|except\s+(?:at|where|when)|apart\s+from|other\s+than)\s+⟨\d+⟩", re.IGNORECASE)
_AT_POINT = re.compile(r"\bat\s+⟨(\d+)⟩", re.IGNORECASE)
# "write $d = z_1 - z_2$ and $y = y_1$", "let $u = …$": the formulas that name something
_NAMING = re.compile(r"\b(?:write|let|set|define|denote)\s+⟨\d+⟩(?:\s*(?:,|and)\s*⟨\d+⟩)*", re.IGNORECASE)
_RESULT = re.compile(r"\b(?:gives?|giving|yields?|so(?:\s+that)?|hence|thus|therefore|i\.e\.|we\s+(?:get|obtain)|"
                     r"obtains?|implies)\s*,?\s*⟨(\d+)⟩", re.IGNORECASE)


# "write $Z$ for the denominator of $a_j$": a name for a part of a fraction the text defines
_PART_NAMED = re.compile(r"\b(?:write|writing)\s+⟨(\d+)⟩\s+for\s+the\s+(numerator|denominator)\s+of\s+⟨(\d+)⟩",
                         re.IGNORECASE)
# "write $Z$ for …", "$Z$ stands for …": a name the prose gives a meaning in words
_ABBREVIATION = re.compile(r"\b(?:write|writing)\s+⟨(\d+)⟩\s+for\b|⟨(\d+)⟩\s+stands?\s+for\b", re.IGNORECASE)


def _parts_named(said: str, inline: list[Inline], chains: list[Chain]) -> list[Chain]:
    """Z = Σ_ℓ e^{s_ℓ} for "write $Z$ for the denominator of $a_j$" after a_j = e^{s_j}/Σ_ℓ e^{s_ℓ}: the
    part of the fraction that defines the named thing (its latest definition before the sentence), as a
    definition of its own."""
    made = []
    for m in _PART_NAMED.finditer(said):
        k, part, j = int(m.group(1)), m.group(2).lower(), int(m.group(3))
        if max(k, j) >= len(inline) or names.spelled(inline[k].formula.strip()) is None:
            continue
        item, of = inline[k], inline[j].formula.strip()
        bodies = [c.expressions[1] for c in sorted(chains, key=place_of) if len(c.expressions) >= 2
                  and c.expressions[0].strip() == of and place_of(c) < (item.order, item.line)]
        if bodies and (parts := _fraction_parts(bodies[-1])) is not None:
            made.append(Chain([item.formula.strip(), parts[part == "denominator"]], [item.line] * 2, inline=True,
                              order=item.order))
    return made


def _fraction_parts(body: str) -> tuple[str, str] | None:
    """(numerator, denominator) of a body that is one \\frac{…}{…} and nothing else, or None."""
    m = re.match(r"\s*\\[dt]?frac\s*", body)
    top = braced_argument(body, m.end()) if m is not None else None
    bottom = braced_argument(body, top[1]) if top is not None else None
    if bottom is None:
        return None
    return (top[0], bottom[0]) if not body[bottom[1]:].strip(" ,.;") else None


def _abbreviations(said: str, inline: list[Inline]) -> list[Inline]:
    """The inline names (no formula: no =) that "write $Z$ for …" or "$Z$ stands for …" gives a meaning."""
    marked = {int(g) for m in _ABBREVIATION.finditer(said) for g in m.groups() if g is not None}
    return [inline[k] for k in sorted(marked) if k < len(inline) and "=" not in inline[k].formula
            and names.spelled(inline[k].formula.strip()) is not None]


# "for two keys", "with only three actions": a count of things said in words (never "two terms" of a
# formula: "with two terms" names no count of the text's)
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4}
_COUNT_IN_WORDS = re.compile(r"\b(?:for|with)\s+(?:only\s+|just\s+)?(two|three|four)\s+(?!terms\b)[a-z]{2,}s\b",
                             re.IGNORECASE)


def _said_at(placed: list[tuple[str, int, int]], file: str, line: int, words: str,
             m: re.Match) -> tuple[int, int] | None:
    """The place of what a match says in a piece of prose starting at line: after the last display or
    inline formula of file before it (a piece starts where the display before it ends); None in a file
    of prose alone (an \\input), where it stands among the others is unknown."""
    line += words[:m.start()].count("\n")
    mine = [order for f, _, order in placed if f == file]
    if not mine:
        return None
    return max((order for f, at, order in placed if f == file and at <= line), default=min(mine)), line


def _conditioned(said: str, inline: list[Inline]) -> tuple[dict[int, str | None], set[int]]:
    """The inline formulas said under a condition, by place (order) → the condition's formula ("$p_t = p$
    if $y = 1$" → y = 1), or None for one of two said with "or" ("$\\alpha_t = \\alpha$ or $1 - \\alpha$")."""
    found: dict[int, str | None] = {}
    conditions = set()  # (the places of the y = 1's themselves)
    for m in _OR_ANOTHER.finditer(said):  # (not "$k = 0$ or $k = n$", "$p = 0$ or $1$": values, not a name)
        if max(int(g) for g in m.groups()) >= len(inline):
            continue
        one, other = inline[int(m.group(1))].formula, inline[int(m.group(2))].formula
        if "=" not in other and _a_formula(one.partition("=")[2]):
            found[inline[int(m.group(1))].order] = None
    for m in _CASE_OF.finditer(said):  # (a label's value only: never "for $x > 0$", "$\\delta_{ij} = 1$ if $i = j$")
        if max(int(g) for g in m.groups()) >= len(inline):
            continue
        case, condition = inline[int(m.group(1))], inline[int(m.group(2))]
        if _label_value(condition.formula) is not None and _a_formula(case.formula.partition("=")[2]):
            found[case.order] = condition.formula
            conditions.add(condition.order)
    return found, conditions


def _pieces_in_words(said: str, inline: list[Inline]) -> set[int]:
    r"""The places of inline definitions of one function said under conditions, two or more of them:
    "$g(u) = 1$ for $u < 1$ and $g(u) = 2$ for $u \ge 1$". One alone ("$f(x) = \log x$ for
    $x > 0$") says where f is defined, and defines it."""
    by_name: dict[str, list[int]] = {}
    for m in _CASE_OF.finditer(said):
        if max(int(g) for g in m.groups()) >= len(inline):
            continue
        case = inline[int(m.group(1))]
        head = _DEFINED_FUNCTION.match(_STYLE.sub("", case.formula.partition("=")[0]))
        if head is not None and "=" in case.formula:
            by_name.setdefault(head.group(1).replace(" ", ""), []).append(case.order)
    return {order for orders in by_name.values() if len(orders) > 1 for order in orders}


def _label_value(formula: str) -> tuple[Symbol, Expr] | None:
    """(y, 1) of y = 1 (y = 0, y = -1): one letter at one number; else None."""
    left, sign, right = formula.partition("=")
    try:
        letter, number = parse(left, reader="latex"), parse(right, reader="latex")
    except DeriveError:
        return None
    return (letter, number) if sign and isinstance(letter, Symbol) and number.is_number else None


def _a_formula(body: str) -> bool:
    """A body in letters (p, 1 − p), not a number (a worked example's value)."""
    try:
        return bool(parse(body, reader="latex").free_symbols)
    except DeriveError:
        return False


def _add_by_cases(found: Scoped, cased: list[tuple[Chain, str, str | None]], inline: list[Inline]) -> None:
    """p_t = p if y = 1 and p_t = 1 − p if y = 0: p_t by cases of a label, where the text says the label
    takes just those values (y ∈ {0, 1}); read as its last case alone, every link after it on the other
    label was a false alarm. Any other name said under a condition, or "or" another, is left unread."""
    first = min(cased, key=lambda c: place_of(c[0]))[0]
    where, line = place_of(first), first.lines[0]
    symbol = _symbol_named(cased[0][0].expressions[0])
    branches, letters = [], set()
    for chain, body, condition in cased:
        value = _first_readable([body], variable_of(chain), found.at(place_of(chain)))
        case = _label_value(condition or "")
        if value is None or case is None:
            break
        branches.append((value, Eq(*case)))
        letters.add(case[0])
    else:  # (the label's values, said anywhere: the assumptions are collected after the definitions)
        kinds = {kind for item in inline for name, kind in conditions_in(item.formula)
                 if kind in VALUES and {name} == {s.name for s in letters}}
        if len(kinds) == 1 and sorted(c.rhs for _, c in branches) == sorted(VALUES[kinds.pop()]):
            found.entries.append((where, line, "symbol", symbol, Piecewise(*branches)))
            return
    if isinstance(symbol, Symbol):
        found.entries.append((where, line, "symbol", symbol, None))


def _functions_of(said: str, inline: list[Inline]) -> list[tuple[Inline, str, str]]:
    """(formula, letter, variable) for "a scale $s$ and a shift $t$ that may be arbitrary functions of
    $z_1$": s(z_1) and t(z_1) are calls of those functions, never s times z_1."""
    found = []
    for m in _FUNCTIONS_OF.finditer(said):
        var = names.spelled(inline[int(m.group(2))].formula.strip()) if int(m.group(2)) < len(inline) else None
        for k in INLINE_MARKS.findall(m.group(1)):
            if var is not None and int(k) < len(inline) and (letter := names.spelled(inline[int(k)].formula.strip())) \
                    and letter.isalpha() and len(letter) == 1:
                found.append((inline[int(k)], letter, var))
    return found


def _marked(pattern: re.Pattern, said: str, inline: list[Inline]) -> set[int]:
    """The places (orders) of the inline formulas a pattern's matches in the prose mark ("gives ⟨3⟩")."""
    return {inline[int(k)].order for m in pattern.finditer(said) for k in INLINE_MARKS.findall(m.group(0))
            if int(k) < len(inline)}


def _add(found: Scoped, chain: Chain, cases: set[tuple[int, str]] = frozenset(),
         results: set[int] = frozenset(), naming: set[int] = frozenset(), supposed: set[int] = frozenset()) -> None:
    definition = definition_of(chain)
    if definition is None:
        _add_condition(found, chain)
        _end_unread(found, chain)
        return
    kind, name, var, body = definition
    line, where = chain.lines[0], place_of(chain)
    known = found.at(where)
    if kind.startswith("log "):  # \ln L = … defines L only where L is new; else it is a claim about L
        if (_name_of(name) or name) in {s.name for s in known.symbols} | set(known.calls):
            return
        kind = kind.removeprefix("log ")
        found.entries.append((where, line, "defines", None, None))
    if kind == "quantity":
        _add_quantity(found, chain, name, var, body)
        return
    if kind == "square":
        _add_square(found, chain, name, body, chain.inline and chain.order in supposed)
        return
    if kind == "symbol" and (law := _NORMAL.fullmatch(body)) and (letter := _name_of(name)) and "_" not in letter:
        # p = \mathcal{N}(\mu_1, \sigma_1^2): p is that law, p(x) its density at x
        kind, name, var, body = "function", letter, r"\xi", rf"\mathcal{{N}}(\xi \mid {law.group(1)})"
    if kind == "symbol" and _PRIMED_NAME.fullmatch(body) and (alias := _name_of(name)) is not None:
        # \psi_\delta = \rho_\delta': the derivative, a function of its own (ψ_δ(r_i) is ρ_δ'(r_i))
        kind, name, var, body = "function", alias, r"\xi", body.strip() + r"(\xi)"
    if kind == "function" and at_a_term_of_its_variable(name, var, known):
        return  # f(θ_t) = (a/2)e_t² after f(θ) = …: f at the t-th iterate, a claim, not f anew
    if kind == "function":
        try:
            d = parse_definition(f"{name}({var}) = {body}", known.functions_in(body), reader="latex")
        except DeriveError:  # a definition derive cannot read: links that use the name are undecided
            if not chain.inline:
                found.entries += _unread(where, line, name)
            return
        if d.function.body.has(Derivative):  # ψ_δ = ρ_δ': its body the derivative worked out, a value
            # at every point (a pending one is none); an integral around it stays, as the verifier keeps
            # integrals (s(x) = ∫_0^x √(1 + y'(t)²) dt: SymPy's integrate took seconds on the arc length)
            d.function.body = d.function.body.replace(lambda n: isinstance(n, Derivative), lambda n: n.doit())
        found.entries.append((where, line, "function", d.name, d.function))
        # the bare name is the function at its own variable: df/dx, \frac{\partial \ell}{\partial \mu}
        found.entries.append((where, line, "symbol", names.make(d.name), d.function.body))
        return
    try:
        symbol = parse(name, reader="latex")
    except DeriveError:
        return
    if not isinstance(symbol, Symbol):
        return
    if (m := re.fullmatch(rf"\s*{re.escape(name.strip())}\s*\(\s*(\\?[A-Za-z]+)\s*\)\s*", body)) \
            and (var := _name_of(m.group(1))) is not None:
        # "with $y = y(x)$": y is that function of x wherever it stands, and y(x) its call (never y times x)
        found.entries.append((where, line, "symbol", symbol, Function(symbol.name)(names.make(var))))
        found.entries.append((where, line, "depends", symbol.name, var))
        return
    if (tied := _tied_siblings(chain, known)) is not None:
        # σ_1 = σ_2: two parameters of one family tied, neither renamed (read as a definition, σ_1 became σ_2
        # in every line after it, and a slip between them passed): an equation later links may use, and
        # say so; σ_1 = σ_2 = σ names their common value: each is σ. Said as a case ("with σ_1 = σ_2 the
        # squares cancel", "if we start from μ_1 = μ_2"), neither
        if chain.inline and chain.order in supposed:
            return
        for (a, text_a), (b, text_b) in tied:
            if member(b.name) is None:
                found.entries.append((where, line, "symbol", a, b))
            else:
                found.entries.append((where, line, "equation", f"{text_a} = {text_b}", a - b))
        return
    # "one checks that $K^* = L^* = 4$", in passing: each name is 4 (never K* the name L*); a display's
    # f_xy = f_yx = −4 is a claim to check, whose own numbers never check it
    names_then_number = _names_then_number([body, *_equal_members(chain)]) if chain.inline else None
    if names_then_number is not None:
        *others, body = names_then_number
        for other in others:
            _add_values(found, chain, other, body)
    if chain.follows is None:  # (x = 2 after \implies is a conclusion, not an example's number)
        _add_values(found, chain, symbol, body)
    value = _first_readable([body, *_equal_members(chain)], variable_of(chain), known)
    if value is None:  # the text defines it, in a form derive cannot read: links with it are undecided
        if not chain.inline or split(symbol.name):  # (inline: "with $p_j = \operatorname{softmax}(…)_j$")
            found.entries.append((where, line, "symbol", symbol, None))
        return
    if symbol in value.free_symbols:  # y = y + 1 is an equation or an update, not a definition of y
        found.entries.append((where, line, "symbol", symbol, None))
        return
    # "at $y = 0$", $$x = 2$$ state a value, not a definition: only an expression in a variable defines;
    # "the case $i = j$" relates two letters, and defines neither (x̄ = μ̂ does name x̄); "at $r = \delta$",
    # said in passing, is a point, not r renamed ("write $y = y_1$" does rename)
    point = chain.inline and value.is_Symbol and len(symbol.name) == 1 and chain.order not in naming
    if value.free_symbols - {symbol} and not (value.is_Symbol and len(value.name) == len(symbol.name) == 1) \
            and not point:
        if chain.inline and known.symbols.get(symbol) is not None and any(
                at in (line, line - 1) and valued != name for at, valued in cases):
            return  # "(for $y = 1$, so $p_t = p$)": a case said in passing, no new definition of p_t
        if chain.inline and chain.order in results and _a_result_about(symbol, value, found, where):
            return
        if known.symbols.get(symbol) is None and _member_of_family(symbol, known):
            return  # "for K = 2, s_1 = e^{z_1}/(e^{z_1} + e^{z_2})": s_i's, at a case: a claim, no new s_1
        if chain.inline and value.is_Symbol and known.symbols.get(symbol) is not None \
                and known.symbols.get(value) is not None:
            # "the boundary case $\gamma = \omega_0$": two quantities the text defined, related (an equation
            # it states), neither defined anew
            found.entries.append((where, line, "equation", f"{name} = {body}",
                                  known.symbols[symbol] - known.symbols[value]))  # (as links read them: written out)
            return
        if known.symbols.get(symbol) is not None:
            found.entries.append((where, line, "previous", symbol, known.symbols[symbol]))
        found.entries.append((where, line, "symbol", symbol, value))


def _tied_siblings(chain: Chain, known: Definitions) -> list[tuple[tuple[Symbol, str], tuple[Symbol, str]]] | None:
    """The pairs a chain of bare letters ties, each letter with its text: [(σ_1, σ_2)] for σ_1 = σ_2, and
    [(σ_1, σ), (σ_2, σ)] for σ_1 = σ_2 = σ. Every member but the last is a member of one family (σ_1, σ_2),
    the last one more, or a letter of its own; the text has defined none of them. None for any other chain."""
    members = [chain.expressions[0], chain.expressions[1], *_equal_members(chain)]
    try:
        read = [parse(m, reader="latex") for m in members]
    except DeriveError:
        return None
    if not all(isinstance(r, Symbol) for r in read) or len(set(read)) < len(read) \
            or any(known.symbols.get(r) is not None for r in read):
        return None
    families = {(member(r.name) or ("",))[0] for r in read[:-1]}
    last = member(read[-1].name)
    if len(families) != 1 or "" in families or last is not None and last[0] not in families:
        return None  # (σ_1 = τ_2: two families)
    written = [(r, m.strip()) for r, m in zip(read, members)]
    if last is not None:  # σ_1 = σ_2 = σ_3: each to the next
        return list(zip(written, written[1:]))
    return [(one, written[-1]) for one in written[:-1]]


_VALUE = re.compile(r"\s*([A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?)\s*=\s*-?\s*\d+(?:\.\d+)?\s*")  # y = 1, x_0 = -2
_TUPLE = re.compile(r"^\s*(?:\\left)?\(\s*([^()]*,[^()]*)(?:\\right)?\)\s*$")


def _a_result_about(symbol: Symbol, value: Expr, found: Scoped, where: tuple[int, int]) -> bool:
    """Whether "gives $\\bar{y} = w\\bar{x} + b$" (said as a result) relates a quantity the text defined
    to others defined along with it or before (x̄): a fact about ȳ, still the mean. "Now $y = \\ln(\\cos
    x)$", "let $v = 3u$ instead", or "with loss $L = \\frac12(o - y)^2$" in an o defined since, define anew."""
    known = found.at(where)
    others = [s for s in value.free_symbols - {symbol} if known.symbols.get(s) is not None]
    return known.symbols.get(symbol) is not None and bool(others) and all(
        _defined_at(found, s, where) <= _defined_at(found, symbol, where) for s in others)


def _defined_at(found: Scoped, symbol: Symbol, where: tuple[int, int]) -> tuple[int, int]:
    """Where the latest definition of symbol before where stands."""
    return max((at for at, _, kind, name, _ in found.entries if kind == "symbol" and name == symbol and at <= where),
               default=(0, 0))


def _member_of_family(symbol: Symbol, known: Definitions) -> bool:
    """Whether s_1 (or s_j) is a term of a family s_i the text defined."""
    base, _, sub = symbol.name.partition("_")  # (w_0 = b, a bias beside the weights w_j, is no term)
    return sub.isdigit() and len(sub) == 1 and sub != "0" and any(
        (parts := split(d.name)) and parts[0] == base and len(parts[1]) == 1 and parts[1] != sub
        for d, value in known.symbols.items() if value is not None)


_TRAILING_UNIT = re.compile(r"\s*([-+]?[0-9.]+)\s*(?:\\[,;:! ]|~|\s)*\\(?:mathrm|text|textrm|mbox)\s*\{[^{}]*\}\s*")


_PLUS_MINUS_NAME = re.compile(r"\s*(\\?[A-Za-z]+)_\s*\{?\s*\\(?:pm|mp)\s*\}?\s*")  # d_{\pm}


def _each_sign(chain: Chain) -> list[Chain]:
    """d_{±} = (ln(S/K) + (r ± σ²/2)τ)/(σ√τ) defines d_+ with + and d_− with −, each sign as written (∓
    the other); any other chain as it is."""
    head = _PLUS_MINUS_NAME.fullmatch(chain.expressions[0]) if len(chain.expressions) > 1 else None
    if head is None:
        return [chain]
    named = r"\mp" if r"\mp" in chain.expressions[0] else r"\pm"  # the sign the name carries
    out = []
    for sign, other in (("+", "-"), ("-", "+")):  # d_+, then d_−: the name's sign, the other one the other
        swap = {named: sign, (r"\pm" if named == r"\mp" else r"\mp"): other}
        written = [re.sub(r"\\(?:pm|mp)(?![A-Za-z])", lambda m: swap[m.group(0)], e) for e in chain.expressions[1:]]
        out.append(replace(chain, expressions=[f"{head.group(1)}_{{{'plus' if sign == '+' else 'minus'}}}", *written]))
    return out


_NORMAL_CDF_BODY = r"\frac{1}{2}\left(1 + \operatorname{erf}\left(\frac{\xi}{\sqrt{2}}\right)\right)"


def _symbol_named(name: str) -> Expr | None:
    try:
        return parse(name, reader="latex")
    except DeriveError:
        return None


def _entries(text: str) -> list[str] | None:
    """The entries of a tuple written (a, b, c), as written; None for text that is no tuple."""
    m = _TUPLE.match(text)
    return [part.strip() for part in m.group(1).split(",")] if m else None


def _values_of_a_tuple(chain: Chain) -> list[tuple[Symbol, Expr]] | None:
    """(x*, 6), (y*, 3), (μ*, 12) for (x^*, y^*, \\mu^*) = (6, 3, 12): names given numbers one by one (a
    tuple of names, then one of as many numbers, and nothing else); None for any other chain."""
    if len(chain.expressions) != 2:
        return None
    left, right = (_entries(e) for e in chain.expressions)
    if left is None or right is None:
        return None
    try:
        symbols, numbers = [parse(p, reader="latex") for p in left], [parse(p, reader="latex") for p in right]
    except DeriveError:
        return None
    if len(symbols) != len(numbers) or not all(isinstance(s, Symbol) for s in symbols) \
            or not all(n.is_number for n in numbers):
        return None
    return list(zip(symbols, numbers))


def _add_values(found: Scoped, chain: Chain, symbol: Symbol, body: str) -> None:
    """x = 3, w = (0.5, -0.25): the numbers of a worked example (w's as w_1, w_2), for the links that
    compare an expression in them with a number. (δ_ij = 1 "if i = j" states what δ is, no example.)"""
    if symbol.name.startswith("delta_"):
        return
    if (unit := _TRAILING_UNIT.fullmatch(body)) is not None:
        body = unit.group(1)  # g = 9.8\,\mathrm{m/s^2}: the number, before its unit
    entries = _entries(body)
    try:
        numbers = [parse(p, reader="latex") for p in entries or [body]]
    except DeriveError:
        return
    if any(n.free_symbols or not n.is_number for n in numbers):
        return
    where, line = place_of(chain), chain.lines[0]
    if entries is None:
        found.entries.append((where, line, "value", symbol, numbers[0]))
    else:  # (𝐳 = (1000, 1001, 1002): the entries z_1, z_2, z_3, as 𝐳's entries are named)
        letter = vector[0] if (vector := parts_of(symbol)) is not None and not vector[1] else symbol.name
        found.entries += [(where, line, "value", names.make(f"{letter}_{k}"), n)
                          for k, n in enumerate(numbers, 1)]


def _add_quantity(found: Scoped, chain: Chain, name: str, parameters: str, body: str) -> None:
    """\\ell(\\mu, \\sigma) = body: the name ℓ is body (in μ and σ), and ℓ(a, b) is body at μ = a, σ = b."""
    spelled = _parameters(parameters)
    if any(p is None for p in spelled):
        return
    where, line = place_of(chain), chain.lines[0]
    known = found.at(where)
    if applies(name, parameters, known):
        # H(u, p) = … with H(a, b) defined: H at u and p, a claim, where the old H there is what it says
        # or where an argument is a quantity the text gave a value (u_k = 1/K) or has an index; else
        # f(x; λ) = (a Weibull density) after f(x; α) = (a Pareto one), in plain letters, defines f again
        given = {base for s in known.symbols for base in (s.name, s.name.partition("_")[0])}
        # (p(𝒟 | θ̂) after p(𝒟 | θ) = …: the law at an estimate, each letter where it was, a claim)
        same_roles = name in known.conditional and len(spelled) == len(known.calls[name]) and all(
            names.letter_of(names.make(p)) == names.letter_of(q) for p, q in zip(spelled, known.calls[name]))
        if same_roles or any("_" in p or p in given for p in spelled) \
                or _old_at_new(known, name, parameters, body, variable_of(chain)):  # (H(δ_y, p): a claim)
            return
        found.entries.append((where, line, "again", name, None))
    value = _first_readable([body, *_equal_members(chain)], variable_of(chain), known)
    if value is not None and any(type(f).__name__ == name for f in value.atoms(AppliedUndef)):
        value = None  # P(A | B) = P(B | A) P(A) / P(B): a rule about P, never a definition of it
    if value is not None and not value.free_symbols and names.make(name) in known.symbols:
        return  # "so $\cos(u, v) = 1/\sqrt{2}$": its value in an example, not a new definition
    if value is None:
        found.entries.append((where, line, "symbol", names.make(name), None))
        return
    if (before := known.symbols.get(names.make(name))) is not None:
        found.entries.append((where, line, "previous", names.make(name), before))
    found.entries.append((where, line, "symbol", names.make(name), value))
    given = _GIVEN.search(parameters) is not None  # p(D | θ): a law given θ, not a formula in two letters
    found.entries.append((where, line, "call", name, (_called_with(parameters), given)))


def _a_function_of(parameters: list[str], body: str) -> bool:
    """P(V, T) = nRT/V: a pressure, a formula in every one of its several parameters; P(A) = 0.3 and
    P(A, B) = 0.12 are probabilities."""
    try:
        letters = {s.name for s in parse(body, reader="latex").free_symbols}
    except DeriveError:
        return False
    return len(parameters) > 1 and set(parameters) <= letters


def _old_at_new(known: Definitions, name: str, parameters: str, body: str, variable: str) -> bool:
    """Whether the quantity name, as defined before, is at these parameters what body says."""
    old = known.symbols.get(names.make(name))
    new = _first_readable([body], variable, known)
    if old is None or new is None:
        return False
    at = dict(zip(known.calls[name], _called_with(parameters)))
    return compare(old.xreplace(at), new)[0] is True


def applies(name: str, parameters: str, known: Definitions) -> bool:
    """Whether name(parameters) is a quantity the text defined before with other parameters: H(u, p)
    after H(a, b) = …, the quantity at u and p (a claim), not a new definition of H."""
    return name in known.calls and None not in _parameters(parameters) and known.calls[name] != _called_with(parameters)


def _add_square(found: Scoped, chain: Chain, name: str, body: str, supposed: bool = False) -> None:
    """\\hat{\\sigma}^2 = V names an estimate of a spread: σ̂ is the positive root of V. σ_1^2 = σ_2^2 ties
    two spreads of one family, as σ_1 = σ_2 does (see _add); σ_1^2 = σ_2^2 = 1 gives an example's numbers."""
    try:
        symbol = parse(name, reader="latex")
    except DeriveError:
        return
    known = found.at(place_of(chain))
    value = _first_readable([body], variable_of(chain), known)
    if chain.inline and (spreads := _spreads_squared(chain, known)) is not None:
        for letter, number in spreads:  # "start from σ_1^2 = σ_2^2 = 1": an example's σ_1 = σ_2 = 1
            found.entries.append((place_of(chain), chain.lines[0], "value", letter, number))
        return
    if value is not None and not value.free_symbols:
        return  # y_i^2 = 1: a fact about y_i (±1 labels), or an example's number; no definition
    if value is not None and value.is_Pow and value.exp == 2 and isinstance(value.base, Symbol) \
            and isinstance(symbol, Symbol) and _tied_siblings(Chain([name, _root(body)], chain.lines[:2]), known):
        if not supposed:
            shown = f"{chain.expressions[0].strip()} = {chain.expressions[1].strip()}"
            found.entries.append((place_of(chain), chain.lines[0], "equation", shown, symbol ** 2 - value))
        return
    if isinstance(symbol, Symbol) and (value is None or symbol not in value.free_symbols):
        found.entries.append((place_of(chain), chain.lines[0], "symbol", symbol,
                              None if value is None else sqrt(value)))


def _spreads_squared(chain: Chain, known: Definitions) -> list[tuple[Symbol, Expr]] | None:
    """[(σ_1, 1), (σ_2, 1)] for σ_1^2 = σ_2^2 = 1: squares of letters the text made positive (spreads of
    its normal laws, or said so) or named σ (a variance's root, by the name's convention, as for a law's
    σ), then a positive number; None for any other chain."""
    members = [chain.expressions[0], chain.expressions[1], *_equal_members(chain)]
    try:
        read = [parse(m, reader="latex") for m in members]
    except DeriveError:
        return None
    *squares, number = read
    if not (number.is_number and number.is_positive) or not all(
            r.is_Pow and r.exp == 2 and isinstance(r.base, Symbol)
            and (known.assumptions.get(r.base.name, ("",))[0] == "positive" or r.base.name.partition("_")[0] == "sigma")
            for r in squares):
        return None
    return [(r.base, sqrt(number)) for r in squares]


def _root(square: str) -> str:
    """\\sigma_2 of \\sigma_2^2 (the text of a letter squared), or the text as it is."""
    m = re.fullmatch(r"\s*(.+?)\s*\^\s*\{?\s*2\s*\}?\s*", square)
    return m.group(1) if m else square


def _names_then_number(members: list[str]) -> list | None:
    """[L*, …, '4'] for the members after the first of "K^* = L^* = 4": names, each read as a bare
    symbol, then a number (the last member's text, as written); None for any other chain."""
    if len(members) < 2:
        return None
    try:
        read = [parse(m, reader="latex") for m in members]
    except DeriveError:
        return None
    if not read[-1].is_number or not all(isinstance(r, Symbol) for r in read[:-1]):
        return None
    return [*read[:-1], members[-1]]


def _equal_members(chain: Chain) -> list[str]:
    r"""The members after the body that the chain says are equal to it: up to the first ≤, < or ≈
    (h_t = … \qquad 1 \le t \le T: t is no value of h_t)."""
    rest = []
    for k in range(2, len(chain.expressions)):
        if k in chain.relations:
            break
        rest.append(chain.expressions[k])
    return rest


def _first_readable(bodies: list[str], variable: str, known: Definitions) -> Expr | None:
    """s_i = \\mathrm{softmax}(\\mathbf{z})_i = \\frac{e^{z_i}}{…}: the text says s_i is each of these;
    the first derive can read defines it (the links between them are still checked). p_i = e^{ν−1}e^{βz_i} =
    e^{βz_i}/Σ_j e^{βz_j} with ν a multiplier: the first with fewest multipliers, whose values the text chooses."""
    best, fewest = None, None
    for body in bodies:
        try:
            value = parse(body, reader="latex", variable=variable, functions=known.functions_in(body))
        except DeriveError:
            continue
        count = len(value.free_symbols & set(known.multipliers))
        if fewest is None or count < fewest:
            best, fewest = value, count
        if not count:
            break
    return best


# "Let $f$ be the function that sends $x$ to $1/x$", "henceforth $g$ denotes …", "redefine $h$ as …": a
# name given a new meaning in words; "let $f$ be the function above" (or "the same", "as before") is not
_REDEFINED = re.compile(r"\b(?:let|redefine)\s+⟨(\d+)⟩\s+(?:now\s+|instead\s+)?(?:be|denote|as)\s+(?:the|an?)\s"
                        r"|\b(?:henceforth|from\s+now\s+on|now)\s*,?\s+⟨(\d+)⟩\s+(?:will\s+)?(?:denotes?|stands?\s+for|is)\b"
                        r"|⟨(\d+)⟩\s+(?:now|henceforth)\s+(?:denotes?|stands?\s+for|is)\b|\bredefine\s+⟨(\d+)⟩", re.IGNORECASE)
_THE_SAME = re.compile(r"\b(?:same|above|before|previous|previously|earlier|defined|given)\b", re.IGNORECASE)


def _end_redefined_in_words(found: Scoped, said: str, inline: list[Inline]) -> None:
    """A function or quantity the text defined, given a new meaning in words derive does not read: the
    old definition ends there (with f = x³ above, "let $f$ be the function that sends x to 1/x" made
    f'(x) = lim … 1/x … a false alarm). A definition written after it holds again from its own place.
    Only ever ends one: a phrase read as a redefinition that is none costs verdicts, never makes one."""
    for m in _REDEFINED.finditer(said):
        k = int(next(g for g in m.groups() if g))
        if _THE_SAME.search(" ".join(said[m.end():].split()[:5])):  # ("the function above", "the same f")
            continue
        if k >= len(inline) or (name := names.spelled(inline[k].formula.strip())) is None:
            continue
        place = (inline[k].order, inline[k].line)
        known = found.at(place)
        if name not in known.functions and names.make(name) not in known.symbols:
            continue
        later = next((i for i, (where, _, kind, key, _) in enumerate(found.entries) if where > place
                      and kind in ("function", "symbol") and key in (name, names.make(name))), len(found.entries))
        found.entries[later:later] = [*_unread(place, inline[k].line, name), (place, inline[k].line, "reworded", name, None)]


def _unread(where: tuple[int, int], line: int, name: str) -> list[tuple]:
    """The entries that end name's definition at where, as a function and as a quantity: links that use
    it from there on are undecided ("defined at line … in a form derive cannot read")."""
    return [(where, line, "function", name, None), (where, line, "symbol", names.make(name), None)]


def _end_unread(found: Scoped, chain: Chain) -> None:
    """J(\\mathbf{w}) = … where J was defined before, in a head derive cannot read as a definition: the
    text redefines J, so the old definition ends (a link with J is then undecided, not judged by it)."""
    m = _HEAD.match(chain.expressions[0]) if len(chain.expressions) >= 2 and not chain.inline else None
    if m is None or (name := names.spelled(m.group(1))) is None:
        return
    known = found.at(place_of(chain))
    if names.make(name) in known.symbols or name in known.functions:
        found.entries += _unread(place_of(chain), chain.lines[0], name)


# The prose right before a display names what its equation is: a curve or a constraint the text states
# (x² + y² = 25 after "the circle", x^y = y^x after "the curve", x² + y² = 100 after "at every time"), not
# an identity. Geometric nouns only: "satisfies" or "the relation" also come before identities.
_CURVE = re.compile(r"\b(?:curves?|circles?|ellipses?|hyperbolas?|parabolas?|folium|lemniscate|cardioid|astroid"
                    r"|level (?:set|curve)s?|constraints?|implicitly defined|at (?:every|each) (?:time|instant)"
                    r"|at all times)\b[^.;:]{0,40}$", re.IGNORECASE)
_CURVE_REACH = 8  # lines of prose before a display that may name its equation


def _after_a_curve(first: int, file: str, prose: list[tuple[int, str, str]]) -> bool:
    """The prose just before a display that starts at line first (its last piece, not the words before an
    earlier display) names a curve or a constraint."""
    before = [words for line, words, path in prose if path == file and 0 <= first - line <= _CURVE_REACH]
    return bool(before) and bool(_CURVE.search(before[-1].rstrip(" \n>:,")[-120:]))


def _add_curve(found: Scoped, chain: Chain) -> None:
    """x² + y² = 25 after "the circle": an equation the text states, not an identity, which later links may
    use (−(y² + x²)/y³ = −25/y³). Only an equation between two or more variables with no derivative in it."""
    sides = _stated_sides(found.at(place_of(chain)), chain)
    if sides is None:
        return
    a, b = sides
    if any(e.has(Derivative) for e in (a, b)) or len((a - b).free_symbols) < 2:
        return
    shown = f"{chain.expressions[0]} = {chain.expressions[1]}"
    found.entries += [(place_of(chain), chain.lines[0], "curve", shown, None),
                      (place_of(chain), chain.lines[0], "equation", shown, a - b)]


def _stated_sides(known: Definitions, chain: Chain) -> list[Expr] | None:
    """The sides of an equation the text states, read with the functions defined before it (known);
    None where one cannot be read (then it states nothing derive can use)."""
    try:
        return [parse(side, reader="latex", functions=known.functions) for side in chain.expressions]
    except DeriveError:
        return None


def _a_constraint(a: Expr, b: Expr) -> bool:
    """a = b, said in passing, ties two or more letters by a polynomial (the fence's 2x + y = 600)."""
    if any(e.has(Derivative, Integral, Sum, Product, AppliedUndef, Indexed) for e in (a, b)):
        return False
    difference = a - b
    return len(difference.free_symbols) >= 2 and difference.is_polynomial(*difference.free_symbols)


def _a_value_at_a_point(a: Expr, b: Expr) -> bool:
    """σ(x*) = 1 + 1/x*, said in passing: a named function's value at a point the text names by a letter
    (the minimum of SiLU, where its slope vanishes), which later links may put in for that call. Never a
    moment (they have rules of their own), nor a function of members by a letter index (Cov(X_i, X_j) = 0
    holds for i ≠ j: the prose's condition is not read with it)."""
    if not isinstance(a, Function) or isinstance(a, AppliedUndef) or len(a.args) != 1 or has_moments(a) \
            or not isinstance(point := a.args[0], Symbol) or (member(point.name) or ("", "0"))[1].isalpha():
        return False
    return not b.has(a) and not any(e.has(Derivative, Integral, Sum, Product, Indexed) for e in (a, b))


def add_solved(found: Scoped, chain: Chain) -> None:
    """∂L/∂x = a x^{a−1}y^{1−a} − λp_x = 0 among "the first-order conditions": the expression set to zero
    is a condition the text goes on to solve, which later links may combine (divided by its twin it
    gives the tangency condition). A derivative left in it ties nothing derive can use."""
    known = found.at(place_of(chain))
    try:
        value = parse(chain.expressions[-2], reader="latex", functions=known.functions)
    except DeriveError:
        return
    if value.free_symbols and not value.has(Derivative, Integral, Sum, Product):
        shown = f"{chain.expressions[-2].strip()} = 0"
        found.entries.append((place_of(chain), chain.lines[-1], "solved", shown, value))


def _add_condition(found: Scoped, chain: Chain) -> None:
    """\\sum_k y_k = 1, displayed or inline: an equation the text states, imposed on later links (inline,
    each side against the last: "$\\sum_k q_k = (1 - \\epsilon) + \\epsilon = 1$", "$\\|u\\| = \\|v\\| = 1$")."""
    if len(chain.expressions) != 2 and not chain.inline:
        return
    known = found.at(place_of(chain))
    sides = _stated_sides(known, chain)
    if sides is None:
        return
    b = sides[-1]
    for k, a in enumerate(sides[:-1]):
        shown = f"{chain.expressions[k]} = {chain.expressions[-1]}"
        if is_condition(a, b, products=chain.inline) or chain.inline and _a_constraint(a, b):
            found.entries.append((place_of(chain), chain.lines[0], "equation", shown, a - b))
        elif chain.inline and _a_value_at_a_point(a, b):  # "there $\sigma(x^*) = 1 + 1/x^*$, so …"
            found.entries.append((place_of(chain), chain.lines[0], "equation", shown, a - b))
        elif of_motion(a, b, known.symbols, chain.inline):  # ẋ = αx − βxy, mẍ + bẋ + kx = 0
            found.entries.append((place_of(chain), chain.lines[0], "motion", shown, a - b))
        if chain.inline and moment_fact(a, b):  # "so $\mathbb{E}K = np$": the distribution's, said in passing
            found.entries.append((place_of(chain), chain.lines[0], "moment", shown, (a, b)))
