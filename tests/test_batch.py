"""Many inputs at once (issue 14): derive check on several files and folders, derive batch on JSONL
requests, --jobs, --resume, the order of the lines, the progress bar, and the same lines from a Dask
LocalCluster as from local workers."""

import io
import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import run_derive
from derive.batch import json_line
from derive.workers import Progress
from derive.cli import main

CORPUS = Path(__file__).parent.parent / "benchmarks" / "corpus"
GOOD, PLANTED, OTHER = CORPUS / "arcsin_u.tex", CORPUS / "swish_planted.md", CORPUS / "product_x2_sinx.tex"


@pytest.fixture
def notes(tmp_path, monkeypatch):
    """A folder of notes: good files, a planted slip, a file that is not UTF-8, a subfolder, and what a
    folder's walk leaves out (another suffix, a hidden folder). The test runs inside tmp_path."""
    folder = tmp_path / "notes"
    (folder / "sub").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    shutil.copy(GOOD, folder / "a_good.tex")
    (folder / "b_bad.tex").write_bytes(b"\\[ x^2 \xff\xfe = 2x \\]\n")
    shutil.copy(PLANTED, folder / "c_planted.md")
    shutil.copy(OTHER, folder / "sub" / "d_good.tex")
    shutil.copy(GOOD, folder / "e_report.pdf")
    shutil.copy(GOOD, folder / ".hidden" / "f.tex")
    monkeypatch.chdir(tmp_path)
    return folder


def _lines(capsys) -> list[dict]:
    out = capsys.readouterr().out
    assert out.endswith("\n")
    return [json.loads(line) for line in out.splitlines()]


def _assert_usage_error(capsys, code: int, fragment: str) -> None:
    captured = capsys.readouterr()
    assert code == 2 and captured.out == ""
    assert captured.err.startswith("derive: error: ") and captured.err.count("\n") == 1, captured.err
    assert fragment in captured.err and "Traceback" not in captured.err


# --- derive check on many files --------------------------------------------------------------------

def test_a_bad_file_among_good_ones_is_its_own_line_and_the_rest_go_on(notes, capsys):
    code = main(["check", "notes", "missing.tex", "--format", "jsonl", "--jobs", "2"])
    *reports, summary = _lines(capsys)
    assert [r["file"] for r in reports] == ["notes/a_good.tex", "notes/b_bad.tex", "notes/c_planted.md",
                                            "notes/sub/d_good.tex", "missing.tex"]  # sorted, then as given
    good, bad, planted, other, missing = reports
    assert good["ok"] and other["ok"] and not planted["ok"] and planted["summary"]["invalid"]
    assert bad == {"file": "notes/b_bad.tex", "error": "notes/b_bad.tex is not UTF-8 text", "exit": 2}
    assert missing == {"file": "missing.tex", "error": "no such file: missing.tex", "exit": 2}
    assert summary == {"summary": {"files": 5, "passed": 2, "failed": 1, "errors": 2, "resumed": 0,
                                   "links": good["links"] + planted["links"] + other["links"],
                                   "decided": good["decided"] + planted["decided"] + other["decided"],
                                   "exit": 2}}
    assert code == 2  # an input not read outranks a wrong step: the run did not look at everything
    main(["check", "notes/a_good.tex", "--format", "json"])  # a line holds what --format json gives
    assert json.loads(capsys.readouterr().out) == good


def test_the_exit_status_is_the_largest_of_the_files(notes, capsys):
    assert main(["check", "notes/a_good.tex", "notes/sub", "--format", "jsonl"]) == 0
    assert main(["check", "notes/a_good.tex", "notes/c_planted.md", "--format", "jsonl"]) == 1
    capsys.readouterr()


def test_one_file_over_its_time_is_exit_3_and_costs_only_itself(notes, capsys, monkeypatch):
    import time

    import derive.checker

    real = derive.checker.check_file

    def slow_on_one(path, *args):  # the child that checks notes/sub/d_good.tex never ends
        if path.endswith("d_good.tex"):
            time.sleep(60)
        return real(path, *args)

    monkeypatch.setattr(derive.checker, "check_file", slow_on_one)
    code = main(["check", "notes/sub", "notes/a_good.tex", "--format", "jsonl", "--timeout", "1", "--jobs", "1"])
    slow, good, summary = _lines(capsys)
    assert slow["error"] == "the work took longer than 1 seconds (--timeout)" and slow["exit"] == 3
    assert good["ok"] and summary["summary"]["exit"] == 3 and code == 3


def test_many_files_as_text_are_the_single_reports_in_order_then_a_summary(notes, capsys):
    code = main(["check", "notes/a_good.tex", "notes/b_bad.tex", "notes/c_planted.md"])
    out = capsys.readouterr().out
    assert code == 2
    singles = []
    for name in ("a_good.tex", "c_planted.md"):
        main(["check", f"notes/{name}"])
        singles.append(capsys.readouterr().out)
    assert out == (singles[0] + "\n" + "notes/b_bad.tex: error: notes/b_bad.tex is not UTF-8 text\n\n"
                   + singles[1] + "\n" + "3 files: 1 passed, 1 failed, 1 could not be checked\n")


def test_the_workers_use_the_callers_templates_and_standard_input(notes, capsys, monkeypatch):
    (notes.parent / "check.txt.j2").write_text("MINE << report.path >>\n")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(GOOD.read_bytes())))
    code = main(["check", "-", "notes/sub", "notes/a_good.tex", "--jobs", "2", "--template", "check.txt.j2"])
    assert capsys.readouterr().out == ("MINE -\n\nMINE notes/sub/d_good.tex\n\nMINE notes/a_good.tex\n\n"
                                       "3 files: 3 passed, 0 failed, 0 could not be checked\n")
    assert code == 0


def test_json_of_many_files_is_one_document(notes, capsys):
    main(["check", "notes/sub", "notes/a_good.tex", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert [f["file"] for f in data["files"]] == ["notes/sub/d_good.tex", "notes/a_good.tex"]
    assert data["summary"]["passed"] == 2 and data["summary"]["exit"] == 0


def test_jobs_1_and_jobs_2_write_the_same_bytes(notes, capsys):
    for source in (CORPUS / "sigmoid_quotient.tex", CORPUS / "tanh_exp_planted.tex", CORPUS / "softplus.md"):
        shutil.copy(source, notes / "sub" / source.name)
    runs = []
    for jobs in ("1", "2"):
        code = main(["check", "notes", "--format", "jsonl", "--jobs", jobs])
        runs.append((code, capsys.readouterr().out))
    assert runs[0] == runs[1]
    assert runs[0][1].count("\n") == 8  # seven files and the summary


def test_unordered_writes_the_same_lines_in_any_order_and_the_summary_last(notes, capsys):
    main(["check", "notes", "--format", "jsonl"])
    ordered = capsys.readouterr().out.splitlines()
    main(["check", "notes", "--format", "jsonl", "--unordered", "--jobs", "2"])
    unordered = capsys.readouterr().out.splitlines()
    assert sorted(unordered) == sorted(ordered) and unordered[-1] == ordered[-1]


def test_resume_skips_the_files_reported_and_sums_them_up(notes, capsys, tmp_path):
    main(["check", "notes", "--format", "jsonl"])
    full = capsys.readouterr().out.splitlines()
    done = tmp_path / "done.jsonl"  # two reports, then a third cut short by an interruption
    done.write_text(full[0] + "\n" + full[1] + "\n" + full[2][:40])
    code = main(["check", "notes", "--format", "jsonl", "--resume", str(done)])
    rest = capsys.readouterr().out.splitlines()
    assert rest[:-1] == full[2:-1]  # the torn one again, and the ones after it
    assert json.loads(rest[-1])["summary"] == {**json.loads(full[-1])["summary"], "resumed": 2}
    assert code == 2  # the bad file it resumed past still counts
    done.write_text("\n".join(full) + "\n")
    assert main(["check", "./notes//", "--format", "jsonl", "--resume", str(done)]) == 2  # spelt otherwise
    assert capsys.readouterr().out.splitlines() == [json.dumps({"summary": {
        **json.loads(full[-1])["summary"], "resumed": 4}})]


def test_output_file_holds_what_standard_output_would(notes, capsys, tmp_path):
    main(["check", "notes", "--format", "jsonl"])
    printed = capsys.readouterr().out
    target = tmp_path / "out.jsonl"
    assert main(["check", "notes", "--format", "jsonl", "-o", str(target)]) == 2
    assert capsys.readouterr().out == "" and target.read_text() == printed


@pytest.mark.parametrize("args, fragment", [
    (["check", "notes", "--jobs", "0"], "--jobs"),
    (["check", "notes", "--unordered"], "--unordered goes with --format jsonl"),
    (["check", "notes", "--resume", "x.jsonl"], "--resume goes with --format jsonl"),
    (["check", "notes", "--format", "jsonl", "--resume", "missing.jsonl"], "cannot read --resume missing.jsonl"),
    (["check", "notes", "--format", "jsonl", "--resume", "notes/a_good.tex"], "line 1 is not a report"),
    (["check", "notes", "-o", "notes/a_good.tex"], "it is the input"),
    (["check", "notes/sub/empty"], "nothing to check"),
    (["check", "notes", "--format", "jsonl", "--scheduler", "nonsense"], "cannot reach the Dask scheduler"),
    (["batch", "missing.jsonl"], "no such file: missing.jsonl"),
    (["batch", "notes", "--jobs", "2"], "cannot read notes"),
])
def test_bad_usage_is_one_line_exit_2_and_nothing_on_stdout(notes, capsys, args, fragment):
    (notes / "sub" / "empty").mkdir()
    before = (notes / "a_good.tex").read_bytes()
    if "--scheduler" in args:  # (in a process of its own: importing dask.distributed into the tests' process
        out = run_derive(*args, cwd=str(notes.parent))  # changes how it pickles and forks, for every later test)
        assert out.returncode == 2 and out.stdout == "" and fragment in out.stderr
        assert out.stderr.count("\n") == 1 and out.stderr.startswith("derive: error: ")
    else:
        _assert_usage_error(capsys, main(args), fragment)
    assert (notes / "a_good.tex").read_bytes() == before


# --- derive batch ----------------------------------------------------------------------------------

REQUESTS = [
    '{"expr": "x^2 sin(x)"}',
    'not json',
    '',
    '{"expr": "tanh(x)", "order": 2, "in_terms_of": "tanh"}',
    '{"expr": "x^2 + (3x"}',
    '{"expr": "x", "by": "x"}',
    '{"expr": "x^(10^10)"}',
    '{"expr": "a x^2 + b x", "wrt": "x", "define": [], "assume": "a > 0"}',
]


def test_batch_writes_a_line_a_request_and_a_bad_line_is_its_own(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(REQUESTS) + "\n")
    code = main(["batch", str(source), "--jobs", "2"])
    out = _lines(capsys)
    assert [line["line"] for line in out] == [1, 2, 4, 5, 6, 7, 8]  # the blank line 3 passed over
    assert out[1] == {"line": 2, "error": "not JSON: Expecting value at column 1", "exit": 2}
    assert out[3]["error"].startswith("expected ')'") and out[3]["column"] == 10 and out[3]["exit"] == 2
    assert out[4]["error"].startswith("unknown field 'by'")
    assert out[5] == {"line": 7, "error": "an exponent larger than 1000", "exit": 3}
    assert code == 3  # the largest of the lines' statuses
    for line, args in ((out[0], ["x^2 sin(x)"]), (out[2], ["tanh(x)", "--order", "2", "--in-terms-of", "tanh"]),
                       (out[6], ["a x^2 + b x", "--wrt", "x", "--assume", "a > 0"])):
        main(["diff", *args, "--format", "json"])  # each line: what derive diff --format json writes
        assert line == {"line": line["line"], **json.loads(capsys.readouterr().out)}


def test_batch_reads_standard_input_and_keeps_its_order(capsys, monkeypatch):
    requests = [json.dumps({"expr": e}) for e in ("x^3", "sin(x)", "e^(2x)", "ln(x)")]
    outputs = []
    for args in (["--jobs", "1"], ["--jobs", "2"], ["--jobs", "2", "--unordered"]):
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(("\r\n".join(requests)).encode())))
        assert main(["batch", "-", *args]) == 0
        outputs.append(capsys.readouterr().out.splitlines())
    assert [json.loads(line)["line"] for line in outputs[0]] == [1, 2, 3, 4]
    assert outputs[1] == outputs[0] and sorted(outputs[2]) == sorted(outputs[0])
    assert json.loads(outputs[0][1])["derivations"][0]["result"] == "cos(x)"


def test_a_line_is_one_line_whatever_it_holds():
    assert json_line({"a": "σ\u2028x\x85"}) == '{"a": "σ\\u2028x\\u0085"}\n'
    assert len(json_line({"a": "σ\u2028x\x85"}).splitlines()) == 1


# --- the progress bar ------------------------------------------------------------------------------

def test_the_progress_bar_is_silent_when_standard_error_is_not_a_terminal(notes):
    shutil.copy(CORPUS / "softplus.md", notes / "sub")
    out = run_derive("check", "notes", "--format", "jsonl", "--jobs", "2", cwd=str(notes.parent))
    assert out.returncode == 2 and out.stderr == "" and out.stdout.count("\n") == 6


def test_the_progress_bar_on_a_terminal_says_done_rate_and_time_left():
    master, terminal = os.openpty()
    with open(terminal, "w") as stream:
        progress = Progress(3, "lines", stream=stream)
        progress.advance(redraw=True)
        progress.advance(redraw=True)
        progress.clear()
        progress.close()
    shown = _all_read(master)
    assert "0/3 lines" in shown and "1/3 lines" in shown and "2/3 lines" in shown
    assert "/s" in shown and " left" in shown and shown.endswith("\r\x1b[K")  # and wiped at the end


def _all_read(master: int) -> str:
    """Everything written to a closed terminal: one read returns what one write put there, and a busy
    machine split the bar's writes over several (a flaky failure in a full run)."""
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # (EIO: the terminal's other end is closed and everything was read)
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return b"".join(chunks).decode()


# --- a Dask cluster --------------------------------------------------------------------------------

_CLUSTER = """
from distributed import LocalCluster
import sys
with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as local:
    print(local.scheduler_address, flush=True)
    sys.stdin.read()  # until the tests close it
"""


@pytest.fixture(scope="module")
def cluster():
    """One LocalCluster of two worker processes for the module's cluster tests, in a process of its own:
    importing dask.distributed into the tests' process, and its worker processes there, would change how
    every later test pickles, forks and counts its children."""
    import importlib.util
    import subprocess
    import sys

    if importlib.util.find_spec("distributed") is None:
        message = "dask.distributed is not installed: pip install 'derive[cluster]'"
        if os.environ.get("DERIVE_REQUIRE_CLUSTER") == "1":
            pytest.fail(message + "; DERIVE_REQUIRE_CLUSTER=1 requires it")
        pytest.skip(message)
    process = subprocess.Popen([sys.executable, "-c", _CLUSTER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    try:
        address = process.stdout.readline().strip()
        assert address.startswith("tcp://"), "the LocalCluster did not start"
        yield address
    finally:
        process.stdin.close()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.mark.cluster
def test_a_cluster_writes_the_same_bytes_as_two_local_workers(cluster, notes, tmp_path):
    (tmp_path / "in.jsonl").write_text("\n".join(REQUESTS) + "\n")
    for args, lines in ((["check", "notes", "--format", "jsonl"], 5), (["batch", "in.jsonl"], 7)):
        local = run_derive(*args, "--jobs", "2", cwd=str(tmp_path))  # relative paths, from another folder
        remote = run_derive(*args, "--scheduler", cluster, cwd=str(tmp_path))
        assert remote.stderr == "" and remote.returncode == local.returncode
        assert remote.stdout == local.stdout and remote.stdout.count("\n") == lines
