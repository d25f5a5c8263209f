"""Bounds everywhere: the Python API's (timeout=, max_memory=, order), the command's limits (no nan),
and reading input (standard input that never ends or never closes, template paths that are not files)."""

import os
import subprocess
import sys
import time

import pytest
from conftest import run_derive

import derive
from derive.errors import DeriveError, LimitError, ParseError

SLOW = "(x^2+1)^900 (x+3)^900"  # expanding this runs for a minute and more


# --- the Python API --------------------------------------------------------------------------

def test_an_enormous_order_is_refused_at_once():
    started = time.monotonic()
    with pytest.raises(LimitError, match="at most 20"):
        derive.differentiate("x", order=10**6)
    assert time.monotonic() - started < 0.5
    with pytest.raises(ParseError):
        derive.differentiate("x", order=0)
    assert derive.differentiate("x^3", order=20).result == 0


def test_differentiate_stops_at_its_timeout():
    started = time.monotonic()
    with pytest.raises(LimitError, match="longer than 0.5 seconds"):
        derive.differentiate(SLOW, timeout=0.5)
    assert time.monotonic() - started < 2.5


def test_differentiate_stops_at_its_memory_bound(monkeypatch):
    from derive import automatic

    monkeypatch.setattr(automatic, "_differentiate", lambda *args: bytearray(4 * 2**30))
    with pytest.raises(LimitError, match="memory"):
        derive.differentiate("x", max_memory=512)


def test_check_stops_at_its_timeout(monkeypatch):
    from derive import checker

    monkeypatch.setattr(checker, "_check", lambda *args: time.sleep(60))
    started = time.monotonic()
    with pytest.raises(LimitError, match="longer than 0.5 seconds"):
        derive.check("$$ x = x $$", timeout=0.5)
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize("bounds", [{"timeout": float("nan")}, {"timeout": float("inf")}, {"timeout": -1},
                                    {"timeout": 0}, {"max_memory": 10}, {"max_memory": 2**40},
                                    {"max_memory": 1.5}])
def test_bounds_that_bound_nothing_are_refused(bounds):
    with pytest.raises(DeriveError):
        derive.differentiate("x^2", **bounds)
    with pytest.raises(DeriveError):
        derive.check("$$ x = x $$", **bounds)


@pytest.mark.parametrize("expr, options", [
    ("1/(1+exp(-x))", {"in_terms_of": "sigmoid"}),
    ("g(x)^2", {"define": ["g(x)=1/(1+e^(-x))"], "in_terms_of": "g"}),
    ("tanh(x)", {"order": 2, "in_terms_of": "tanh"}),
    ("x e^x", {"detail": "fine"}),
    ("f(x)^2", {}),
])
def test_the_derivation_comes_back_as_written(expr, options):
    """The worker's Derivation is the one differentiate made in this process: written forms kept
    (SymPy's own pickles would evaluate e^x e^x into e^{2x}), defined functions included."""
    from derive.automatic import _differentiate

    here = _differentiate(expr, options.get("wrt"), options.get("order", 1), options.get("in_terms_of"),
                          tuple(options.get("define", ())), options.get("detail", "normal"), "auto")
    there = derive.differentiate(expr, **options)
    assert isinstance(there, derive.Derivation)
    assert there.latex() == here.latex() and there.to_dict() == here.to_dict()
    assert [s.expr for s in there.steps if not s.expr.atoms(derive.functions.DefinedFunction)] == \
        [s.expr for s in here.steps if not s.expr.atoms(derive.functions.DefinedFunction)]
    assert there.verified and there.recheck() is not None


def test_the_report_comes_back_whole(seed_text):
    from derive.checker import CheckReport, _check

    there = derive.check(seed_text)
    here = _check(seed_text, "-", (), False)
    assert isinstance(there, CheckReport)
    assert there.to_dict() == here.to_dict() and there.render("text") == here.render("text")


def test_errors_come_back_with_their_type_and_column():
    with pytest.raises(ParseError) as caught:
        derive.differentiate("x+(")
    assert caught.value.position == 3


def test_inside_a_worker_the_api_runs_in_place():
    """derive diff's worker calls differentiate: no second child, the outer bounds hold."""
    from derive.sandbox import run_limited

    def nested():
        from derive import automatic

        automatic._differentiate = lambda *args: os.getpid()
        return os.getpid(), derive.differentiate("x", timeout=0.1)

    outer, inner = run_limited(nested)
    assert outer == inner != os.getpid()


# --- the command's limits --------------------------------------------------------------------

@pytest.mark.parametrize("option, value", [("--timeout", "nan"), ("--timeout", "NaN"), ("--timeout", "inf"),
                                           ("--timeout", "-1"), ("--timeout", "0"), ("--timeout", "1e9"),
                                           ("--max-memory", "0"), ("--max-memory", "10"),
                                           ("--max-memory", str(10**12))])
def test_bad_limits_are_exit_2_in_one_line(option, value):
    out = run_derive("diff", "x^2", option, value)
    assert out.returncode == 2 and out.stdout == ""
    assert out.stderr.startswith(f"derive: error: Invalid value for '{option}'") and out.stderr.count("\n") == 1


# --- reading input ---------------------------------------------------------------------------

def _run_with_rusage(args, stdin, timeout=20):
    """(exit status, stderr, peak memory of derive in MB)."""
    job = subprocess.Popen([sys.executable, "-m", "derive.cli", *args], stdin=stdin,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(job.pid, os.WNOHANG)
        if pid:
            break
        assert time.monotonic() < deadline, "derive did not end"
        time.sleep(0.02)
    job.returncode = os.waitstatus_to_exitcode(status)
    return job.returncode, job.stderr.read().decode(), usage.ru_maxrss / 1024


def test_standard_input_that_never_ends_is_exit_3_with_bounded_memory():
    started = time.monotonic()
    with open("/dev/zero", "rb") as zero:
        code, err, peak = _run_with_rusage(["check", "-"], zero)
    assert code == 3 and err == "derive: error: standard input is larger than 10 MB\n"
    assert peak < 200, f"derive grew to {peak:.0f} MB"
    assert time.monotonic() - started < 3


def test_standard_input_that_never_closes_is_exit_3_within_the_timeout():
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, b"$$ x = x $$\n")  # some text, and then nothing, and never an end
        started = time.monotonic()
        code, err, _ = _run_with_rusage(["check", "-", "--timeout", "1"], read_end)
        assert code == 3 and err == "derive: error: standard input did not end within 1 seconds (--timeout)\n"
        assert time.monotonic() - started < 2.5
    finally:
        os.close(read_end)
        os.close(write_end)


def test_standard_input_still_works():
    out = subprocess.run([sys.executable, "-m", "derive.cli", "check", "-"], input="$$ x^2 = x x $$\n",
                         check=False, capture_output=True, text=True, timeout=30)
    assert out.returncode == 0 and "checked 1 of 1 links" in out.stdout
    out = subprocess.run([sys.executable, "-m", "derive.cli", "check", "-"], input="x\x00",
                         check=False, capture_output=True, text=True, timeout=30)
    assert out.returncode == 2 and out.stderr == "derive: error: standard input is not a text file\n"


@pytest.mark.parametrize("kind", ["fifo", "link to /dev/zero"])
def test_a_template_path_that_is_not_a_file_is_refused(tmp_path, kind):
    template = tmp_path / "align.tex.j2"
    if kind == "fifo":
        os.mkfifo(template)
    else:
        template.symlink_to("/dev/zero")
    started = time.monotonic()
    code, err, peak = _run_with_rusage(["diff", "x^2", "--template", str(template)], subprocess.DEVNULL)
    assert code == 2 and err.startswith("derive: error: ") and "not a regular file" in err
    assert time.monotonic() - started < 3 and peak < 300
