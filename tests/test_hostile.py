"""Hostile input, through the command and the API: nothing runs, nothing is written, bounds hold."""

import time

import pytest

from conftest import run_derive
from derive.errors import DeriveError, LimitError
from derive.parse import parse

PLAIN_PAYLOADS = [
    "__import__('os').system('touch {m}')",
    "().__class__.__bases__[0].__subclasses__()",
    "sin(\"__import__('os').system('touch {m}')\")",
    "exec(\"open('{m}', 'w')\")",
    "eval(\"open('{m}', 'w')\")",
    "open('{m}', 'w')",
    "lambda: open('{m}', 'w')",
    "x.__class__",
    "getattr(x, 'evalf')",
    "[open('{m}','w') for x in (1,)]",
    "sympify(\"open('{m}','w')\")",
    "Symbol('x')",
    "S(\"open('{m}','w')\")",
    "x; open('{m}','w')",
    "x\nopen('{m}','w')",
]
LATEX_PAYLOADS = [
    r"\immediate\write18{{touch {m}}}",
    r"\input{{{m}}}",
    r"\def\x{{1}} \x",
    r"\operatorname{{__import__('os').system('touch {m}')}}(x)",
    r"\mathrm{{__import__}}(x)",
    r"\frac{{__import__('os').system('touch {m}')}}{{2}}",
    r"\sin(\text{{__import__('os').system('touch {m}')}})",
    r"$x$ $__import__('os').system('touch {m}')$",
]


@pytest.mark.parametrize("payload", PLAIN_PAYLOADS + LATEX_PAYLOADS)
def test_injection_runs_nothing_and_writes_nothing(payload, tmp_path):
    marker = tmp_path / "marker"
    text = payload.format(m=marker)
    out = run_derive("diff", "--", text, cwd=str(tmp_path))
    assert out.returncode == 2, (text, out.stdout, out.stderr)
    assert out.stdout == "" and out.stderr.startswith("derive: error: ") and "Traceback" not in out.stderr
    with pytest.raises(DeriveError):
        parse(text)
    assert not marker.exists()
    assert list(tmp_path.iterdir()) == []  # nothing at all written beside it


@pytest.mark.parametrize("text, code", [
    ("10**10**10", 3),
    ("(x+1)**10000", 3),
    ("(" * 200 + "x" + ")" * 200, 3),
    ("factorial(10**6)", 2),
    ("x^(2^(2^(2^(2^2))))", 3),
    (r"\left(" * 200 + "x" + r"\right)" * 200, 3),
    ("9" * 5000, 3),
])
def test_blow_ups_end_within_the_bound(text, code):
    started = time.monotonic()
    out = run_derive("diff", "--timeout", "10", "--", text)
    assert out.returncode == code, out.stderr
    assert out.stdout == "" and out.stderr.startswith("derive: error: ")
    assert time.monotonic() - started < 30  # the bound, plus the interpreter's start


@pytest.mark.parametrize("text", ["", "   ", "\u200b", "x\u202e+1", "\u0435^x"])
def test_empty_and_odd_input_is_refused(text):
    out = run_derive("diff", "--", text)
    assert out.returncode == 2 and out.stdout == "" and out.stderr.startswith("derive: error: ")


def test_error_points_at_the_column():
    out = run_derive("diff", "x^2 + (3x")
    assert out.returncode == 2
    first, line, caret = out.stderr.splitlines()
    assert first.startswith("derive: error: expected ')'") and "column 10" in first
    assert line == "  x^2 + (3x" and caret == " " * 11 + "^"


def test_a_long_computation_is_stopped_by_the_timeout():
    """One long call into SymPy that no signal alarm would interrupt: the child is killed."""
    from derive.sandbox import run_limited
    import math

    started = time.monotonic()
    with pytest.raises(LimitError, match="longer than 0.5 seconds"):
        run_limited(math.factorial, 10**7, timeout=0.5)
    assert time.monotonic() - started < 5


def test_the_memory_cap_holds():
    from derive.sandbox import run_limited

    with pytest.raises(LimitError, match="memory"):
        run_limited(bytearray, 4 * 2**30, memory_mb=1024)


def test_the_child_returns_results_and_raises_errors_with_their_position():
    from derive.errors import ParseError
    from derive.sandbox import run_limited

    assert str(run_limited(parse, "x^2 sin(x)")) == "x**2*sin(x)"
    with pytest.raises(ParseError) as caught:
        run_limited(parse, "x+(")
    assert caught.value.position == 3 and caught.value.text == "x+("


def test_check_reads_hostile_documents_without_running_them(tmp_path):
    marker = tmp_path / "marker"
    paper = tmp_path / "paper.tex"
    body = "\n".join(r"\begin{equation} x = " + p.format(m=marker) + r" \end{equation}"
                     for p in LATEX_PAYLOADS + PLAIN_PAYLOADS)
    paper.write_text(body + "\n\\begin{align} x^2 &= x \\cdot x \\end{align}\n")
    out = run_derive("check", str(paper), "--format", "json", cwd=str(tmp_path))
    assert out.returncode in (0, 1), out.stderr
    assert not marker.exists() and sorted(p.name for p in tmp_path.iterdir()) == ["paper.tex"]
    import json

    data = json.loads(out.stdout)
    assert data["blocks"][-1]["links"][0]["valid"] is True  # the honest line still checks


@pytest.mark.parametrize("args", [["diff", "--latex", r"10^{3999} \cdot 10^{3999} x"],
                                  ["diff", "--latex", r"(69!)^{40} (69!)^{40} x", "--format", "json"]])
def test_a_product_of_numbers_too_long_to_print_is_a_limit(args, capsys):
    """Each number within its limit, their product of 7998 digits past the 4300 that Python prints: that
    was an internal error; it is an exceeded limit, in one line."""
    from derive.cli import main

    assert main(args) == 3
    out = capsys.readouterr()
    assert out.out == "" and out.err.startswith("derive: error: a number of more than 4300 digits")
    assert out.err.count("\n") == 1
