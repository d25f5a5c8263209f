"""Both scripted routes end at σ(x)(1 − σ(x)), every step certified, through the public API."""

import pytest
from sympy import S, diff, exp

import derive
from derive.exprs import add, mul, neg, shape
from derive.functions import sigmoid
from derive.errors import RuleError
from derive.verify import equivalent


@pytest.fixture(scope="module", params=["quotient", "chain"])
def document(request):
    return derive.sigmoid_document(request.param)


def test_every_step_is_certified_and_the_end_is_sigma_times_one_minus_sigma(document, x):
    d = document.explains
    assert d.verified and d.finished
    expected = mul(sigmoid(x), add(S.One, neg(sigmoid(x))))
    assert shape(d.result) == shape(expected)  # written as σ(x)(1 − σ(x)), not merely equal to it
    assert equivalent(d.result, diff(1 / (1 + exp(-x)), x)) is not None  # and equal to SymPy's σ'


def test_each_step_follows_from_the_one_before(document):
    """Re-verify independently of the certificates the engine stored."""
    d = document.explains
    before = d.start
    for step in d.steps:
        assert equivalent(before, step.expr) is not None, step.rule
        before = step.expr


def test_quotient_route_uses_the_documents_rules():
    d = derive.sigmoid_document("quotient")
    rewrite, derivative = (s.derivation for s in d.sections if s.derivation is not None)
    assert [s.rule for s in rewrite.steps] == ["expand the fraction", "distribute", "combine powers", "e^0 = 1"]
    assert [[s.rule for s in line] for line in derivative.lines()] == [
        ["quotient rule"],
        ["exponential rule, sum rule, constant rule"],
        ["split the fraction, write the square as a product"],
        ["substitute σ(x)", "factor out σ(x)"],
    ]


def test_chain_route_starts_with_the_chain_rule():
    d = derive.sigmoid_document("chain").explains
    assert d.steps[0].rule == "chain rule"
    assert "chain rule" in d.steps[1].rule  # e^{-x} needs it again inside


def test_a_user_writes_a_route_the_same_way(x):
    from derive.rules import algebra as A
    from derive.rules import calculus as C

    d = derive.begin(derive.sigmoid(x).rewrite(exp)).then(A.ExpandFraction(exp(x))).then(A.Distribute())
    assert [s.rule for s in d.steps] == ["expand the fraction", "distribute"] and d.verified
    with pytest.raises(RuleError):
        d.then(C.QuotientRule())  # nothing pending to differentiate


def test_record_to_dict_is_data(x):
    data = derive.sigmoid_document("quotient").to_dict()
    assert data["verified"] is True and data["route"] == "quotient"
    steps = data["derivations"][1]["steps"]
    assert steps[0]["rule"] == "quotient rule" and steps[0]["verified_by"] == "rational"
    assert [s["rule"] for s in steps[1]["substeps"]][:2] == ["exponential rule", "sum rule"]
    assert data["derivations"][1]["result_latex"] == r"\sigma(x) (1 - \sigma(x))"
    assert data["derivations"][1]["result_verified_by"] == "rational"


def test_a_route_that_ends_elsewhere_is_refused(x, monkeypatch):
    import derive.routes.sigmoid as routes
    from derive.errors import VerificationError

    short = routes.quotient_route(x)
    monkeypatch.setattr(routes, "quotient_route", lambda x: type(short)(short.start, short.steps[:-1]))
    with pytest.raises(VerificationError, match="not at"):
        routes.sigmoid_document("quotient")


def test_unknown_route_is_refused():
    with pytest.raises(ValueError, match="unknown route"):
        derive.sigmoid_document("product")
