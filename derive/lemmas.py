"""Equalities proved before: the derivative table's rules, each proved once, not at every use.

A rule's step is proved on a small lemma (d/du sin u = cos u at a fresh u, the quotient rule for
unknown functions, d/dx x² = 2x), and the same few dozen lemmas come back in every derivation.
derive.proved_lemmas holds those that derive's verifier proved when the table was written
(tools/write_lemmas.py), with the method that proved each; tests/test_lemmas.py rebuilds every
entry from its key and proves it again, so the table can never hold one the verifier does not prove.
A lemma proved while running is remembered for the rest of the process (derive batch meets the same
ones line after line).

A lemma is looked up by its exact shape: the fresh symbols the rules make (the chain rule's u, a
Dummy) renamed in order of appearance, every other symbol by its name, each with all its assumptions
(derive's verifier reads names: x_i beside x_j are one variable when i = j, and E[…] is a moment), and
numbers exactly. Only functions whose meaning is fixed take part: SymPy's own, σ and softplus, and the
unknown operands the rules' schemas use. A user's g(x) = … is no key (another g with another body would
share it), so its lemmas are always proved.
"""

from __future__ import annotations

from sympy import Basic, Dummy, Integer, Symbol
from sympy.core.function import AppliedUndef

from derive.functions import OPERAND, sigmoid, softplus

_FIXED = (sigmoid, softplus)  # derive's functions whose meaning never changes

_remembered: dict[str, str] = {}


def key(a: Basic, b: Basic) -> str | None:
    """The text that names the equality a = b up to the names of its symbols, or None where a
    function in it has a meaning that can change (a user's definition)."""
    names: dict[Basic, str] = {}
    out: list[str] = []
    try:
        _write(a, names, out)
        out.append("=")
        _write(b, names, out)
    except _Unfixed:
        return None
    return "".join(out)


class _Unfixed(Exception):
    """A function whose meaning this module cannot vouch for."""


def _write(node: Basic | int, names: dict[Basic, str], out: list[str]) -> None:
    if isinstance(node, int):  # (a side given as a plain 0)
        node = Integer(node)
    if isinstance(node, Symbol):
        if node in names:
            out.append(names[node])
            return
        # a fresh u by its place, a name as itself (":" is in no name); its assumptions where it first
        # stands (x ≠ 0 is not any x)
        names[node] = f"u{len(names)}" if isinstance(node, Dummy) else f"{node.name}:"
        facts = sorted(k if v else "!" + k for k, v in node.assumptions0.items())
        out.append(names[node] + "[" + ",".join(facts) + "]")
        return
    if not node.args:  # numbers and constants (2, 1/3, a float's exact bits, π, e); any other atom
        if not node.is_number:  # (IndexedBase's Str) would lose its identity here
            raise _Unfixed
        out.append(f"Float{node._mpf_}" if node.is_Float else repr(node) if node.is_Number else type(node).__name__)
        return
    head = type(node)
    if isinstance(node, AppliedUndef):
        if not head.__name__.startswith(OPERAND) or head._kwargs:
            raise _Unfixed
    elif not (head.__module__.startswith("sympy.") or head in _FIXED):
        raise _Unfixed
    out.append(head.__name__ + "(")
    for arg in node.args:
        _write(arg, names, out)
        out.append(",")
    out.append(")")


def proved(a: Basic, b: Basic) -> str | None:
    """The method that proved a = b before (in the table, or earlier in this process), or None."""
    name = key(a, b)
    if name is None:
        return None
    from derive.proved_lemmas import LEMMAS  # (imported here: tools/write_lemmas.py empties it first)

    return LEMMAS.get(name) or _remembered.get(name)


def remember(a: Basic, b: Basic, method: str) -> None:
    """a = b was just proved by method: not proved again in this process."""
    name = key(a, b)
    if name is not None:
        _remembered[name] = method


def forget() -> None:
    """Forget the lemmas proved while running (a benchmark's cold start); the table stays."""
    _remembered.clear()
