"""CPU budgets inside the forked worker: a link's (derive.checker.links), and within it the shorter
ones of single methods (simplify's, derive.verify.SIMPLIFY_SECONDS): an inner budget runs out alone,
and the outer one still counts its time and ends its own block."""

import time

import pytest

from derive import sandbox
from derive.sandbox import OverBudget, budget, run_limited, within


def spin(seconds: float):
    def busy() -> str:
        started = time.process_time()
        while time.process_time() - started < seconds:
            pass
        return "finished"
    return busy


def test_within_gives_its_fallback_when_the_attempt_outlasts_it():
    assert run_limited(lambda: within(0.05, spin(2.0), "cut")) == "cut"
    assert run_limited(lambda: within(5.0, spin(0.01), "cut")) == "finished"


def test_an_outer_budget_still_ends_its_block_after_an_inner_one_ran_out():
    def nested():
        started = time.process_time()
        inner = None
        try:
            with budget(0.4):
                inner = within(0.05, spin(2.0), "cut")
                spin(5.0)()  # the outer budget's time went on counting during the inner one
                return "never cut"
        except OverBudget:
            return inner, round(time.process_time() - started)
    assert run_limited(nested) == ("cut", 0)  # (cut within a second, not after the 5 s spin)


def test_an_outer_budget_shorter_than_the_inner_one_is_never_swallowed_by_it():
    def nested():
        try:
            with budget(0.05):
                return within(10.0, spin(2.0), "cut by the inner budget")
        except OverBudget:
            return "cut by the outer budget"
    assert run_limited(nested) == "cut by the outer budget"


def test_outside_a_worker_nothing_is_bounded():
    assert not sandbox._in_worker
    assert within(0.01, spin(0.1), "cut") == "finished"


@pytest.mark.parametrize("method, limit, work, link, slip", [
    ("simplify", "SIMPLIFY_SECONDS", "_simplifying",
     r"$$ -\log\frac{e^{2}}{1 + e + e^{2}} = \log\left(e^{-2} + e^{-1} + 1\right) $$", ("e^{-1} + 1", "e^{-1} + 2")),
    ("cancel", "CANCEL_SECONDS", "_cancelling",
     r"$$ \int_0^1 (u^4 - 2u^3 + u^2)\,du = \int_0^1 u^2(1-u)^2\,du $$", ("u^2(1-u)^2", "u^2(1-u)^3")),
])
def test_a_method_past_its_budget_leaves_the_link_to_the_sample_points(monkeypatch, method, limit, work, link, slip):
    """A link the method proves: with no time for it, the sample points decide it (valid, by the
    weaker method), never a verdict lost or turned."""
    import derive.verify as verify
    from derive.checker import INVALID, VALID, check

    monkeypatch.setattr(verify, limit, 5.0)  # (its share, 0.25 s, is near what this link takes on a slow machine)
    assert [(k.verdict, k.method) for k in check(link).links] == [(VALID, method)]
    # a tenth of a second more work than its share, so that the share surely runs out: a share of 1e-4 s
    # alone was flaky, since the CPU timer fires at the kernel's next tick and the work took 8 ms
    real = getattr(verify, work)
    monkeypatch.setattr(verify, work, lambda *args: (spin(0.1)(), real(*args))[1])
    monkeypatch.setattr(verify, limit, 0.01)
    assert [(k.verdict, k.method) for k in check(link).links] == [(VALID, "numeric")]
    assert [k.verdict for k in check(link.replace(*slip)).links] == [INVALID]


def test_where_no_sample_point_can_decide_simplify_gets_longer_than_its_share(monkeypatch):
    """asinh x + acosh x + atanh x …: no real x where every term has a value, so simplify alone decides
    the link; its share running out (a loaded machine: 0.09 s had once taken more than 0.25 s) must not
    leave it undecided. A false link is still no link simplify proves."""
    import derive.verify as verify
    from derive.checker import VALID, check

    link = (r"$$ (\operatorname{arsinh}(x))' + (\operatorname{arcosh}(x))' + (\operatorname{artanh}(x))'"
            r" + (\operatorname{arcoth}(x))' + (\operatorname{arsech}(x))' + (\operatorname{arcsch}(x))'"
            r" = \frac{1}{\sqrt{x^{2} + 1}} + \frac{1}{\sqrt{x - 1} \sqrt{x + 1}} + \frac{2}{1 - x^{2}}"
            r" - \frac{1}{x \sqrt{1 - x^{2}}} - \frac{1}{\left|{x}\right| \sqrt{1 + x^{2}}} $$")
    monkeypatch.setattr(verify, "SIMPLIFY_SECONDS", 1e-4)
    assert [(k.verdict, k.method) for k in check(link).links] == [(VALID, "simplify")]
    assert [k.verdict for k in check(link.replace("{2}{1 - x^{2}}", "{3}{1 - x^{2}}")).links] != [VALID]


def test_a_method_that_ran_out_on_three_links_of_a_document_comes_after_the_points_on_the_rest(monkeypatch):
    """A Black–Scholes blog's Greeks: simplify ran out of its share on 13 links of 16, and the sample
    points decided each. After three tries in a document that ran out, the points are asked first: the
    same verdicts, a slip still caught (by the points, as before), the next document counted afresh, and
    outside a document (derive diff's proofs) every link tries the method."""
    import derive.verify as verify
    from derive.checker import INVALID, VALID, _check

    tries = []
    simplifying = verify._simplifying
    monkeypatch.setattr(verify, "_simplifying", lambda da, db: tries.append(1) or simplifying(da, db))
    monkeypatch.setattr(verify, "SIMPLIFY_SECONDS", 1e-4)  # (it runs out on every link)
    text = "".join(rf"$$ -\log\frac{{e^{{{k}}}}}{{1 + e + e^{{{k}}}}} = \log\left(e^{{-{k}}} + e^{{{1 - k}}} + 1\right) $$" + "\n"
                   for k in range(2, 8))
    slip = text.replace("e^{-7} + e^{-6}", "e^{-7} + e^{-5}")

    def checked():
        found = []
        for document in (text, slip):
            report = _check(document, "greeks.md", (), False)
            found.append(([(k.verdict, k.method) for k in report.links], len(tries)))
        return found

    (links, tried), (slipped, tried_in_both) = run_limited(checked)
    assert links == [(VALID, "numeric")] * 6 and tried == 3
    assert [v for v, _ in slipped] == [VALID] * 5 + [INVALID] and tried_in_both == 6

    def outside_a_document():  # (derive diff's proofs: every link tries the method)
        from sympy import E, exp, log
        tries.clear()
        return [verify.compare(-log(exp(k) / (1 + E + exp(k))), log(exp(-k) + exp(1 - k) + 1))[0] for k in range(2, 8)], len(tries)
    assert run_limited(outside_a_document) == ([True] * 6, 6)


@pytest.fixture(autouse=True)
def _fresh_caches():
    from derive.verify import clear_caches
    clear_caches()
    yield
    clear_caches()
