"""The record is honest: a rule proposes, the engine proves, only derive.verify issues a certificate,
and a certificate is about exactly the two expressions of its step."""

import ast
import pathlib

import pytest
from sympy import Integer, Symbol, exp, sin

import derive
from derive.engine import prove
from derive.errors import RuleError, VerificationError
from derive.record import Certificate, Proposal, Step
from derive.rules import algebra as A
from derive.rules.base import Rule
from derive.verify import certify

x = Symbol("x", real=True)


class Liar(Rule):
    """Claims e^x = 42, and that it proved so."""

    name = "liar"

    def rewrite(self, expr):
        return Integer(42)


def test_a_lying_rule_is_refused():
    with pytest.raises(VerificationError):
        derive.begin(exp(x)).then(Liar())


def test_a_rule_cannot_issue_its_own_certificate():
    with pytest.raises(TypeError, match="issued by derive.verify"):
        Certificate("rational", exp(x), Integer(42))


def test_a_real_certificate_cannot_be_edited_into_a_false_one():
    import dataclasses

    real = certify(exp(x) + exp(x), 2 * exp(x))
    with pytest.raises(TypeError, match="issued by derive.verify"):
        dataclasses.replace(real, before=exp(x), after=Integer(42))


def test_a_certificate_copied_from_another_step_proves_nothing():
    real = certify(exp(x) + exp(x), 2 * exp(x))  # a true certificate, about other expressions
    forged = derive.Derivation(exp(x), (Step("liar", Integer(42), "", real),))
    assert real is not None and not forged.verified
    with pytest.raises(VerificationError, match="step 1"):
        forged.recheck()


def test_a_step_that_changes_nothing_is_no_step():
    with pytest.raises(RuleError, match="changes nothing"):
        prove(exp(x), Proposal("constant multiple rule", exp(x)))
    with pytest.raises(RuleError):
        derive.begin(sin(x)).then(A.Rewrite(sin(x), sin(x), "do nothing"))


@pytest.mark.parametrize("source, in_terms_of", [
    ("x sin(x)^2", None), ("1/(1+exp(-x))", "sigmoid"), ("tanh(x)", "tanh"), ("x^x", None),
    ("ln(cos(x))", None), ("sqrt(1 + x^2)", None),
])
def test_recheck_proves_every_step_again(source, in_terms_of):
    d = derive.differentiate(source, in_terms_of=in_terms_of)
    again = d.recheck()
    assert again.verified and [s.expr for s in again.steps] == [s.expr for s in d.steps]
    assert all(s.certificate is not t.certificate for s, t in zip(again.steps, d.steps))


def test_recheck_of_the_sigmoid_routes():
    for route in ("quotient", "chain"):
        assert derive.sigmoid_document(route).explains.recheck().verified


def test_every_certificate_relates_its_own_step():
    d = derive.differentiate("x e^x sin(x)", detail="fine")
    before = d.start
    for step in d.steps:
        assert step.certificate.relates(before, step.expr)
        before = step.expr


def test_to_dict_reads_the_record_and_proves_nothing(monkeypatch):
    d = derive.differentiate("x^2 e^x")
    import derive.verify as verify

    def no_proof(*args):
        raise AssertionError("to_dict must not prove again")

    monkeypatch.setattr(verify, "compare", no_proof)
    data = d.to_dict()
    assert data["verified"] and data["result_verified_by"] and all(s["verified_by"] for s in data["steps"])


# --- layering ---------------------------------------------------------------------------------------

ROOT = pathlib.Path(derive.__file__).parent


def _imports() -> dict[str, set[str]]:
    """Every import of a derive module by another, at any level of the file (lazy ones too)."""
    modules = {}
    for path in ROOT.rglob("*.py"):
        name = ".".join(("derive",) + path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        modules[name] = path
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("derive"):
                found = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                found = [a.name for a in node.names]
            else:
                continue
            graph[name].update(m for m in found if m in modules and m not in (name, "derive"))
    return graph


def test_the_record_is_at_the_bottom():
    graph = _imports()
    assert graph["derive.record"] <= {"derive.exprs", "derive.errors"}


def test_no_import_cycle():
    graph = _imports()

    def reachable(start: str) -> set[str]:
        seen, stack = set(), [start]
        while stack:
            for nxt in graph[stack.pop()] - seen:
                seen.add(nxt)
                stack.append(nxt)
        return seen

    cycles = [(a, b) for a in graph for b in graph[a] if a in reachable(b)]
    assert not cycles
