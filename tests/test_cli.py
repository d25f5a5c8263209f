"""The derive command as a user runs it: outputs, errors, files."""

import json
import subprocess
import sys

import pytest

from conftest import run_derive
from derive.checker.blocks import extract_blocks


def test_default_prints_the_two_latex_blocks():
    out = run_derive("sigmoid")
    assert out.returncode == 0 and out.stderr == ""
    assert [b.environment for b in extract_blocks(out.stdout)] == ["equation", "align"]
    assert r"\sigma(x) (1 - \sigma(x)) \tag{4}\label{eq:eq4}" in out.stdout


@pytest.mark.parametrize("fmt", ["latex", "markdown", "json", "text"])
@pytest.mark.parametrize("route", ["quotient", "chain"])
def test_every_format_and_route(fmt, route):
    out = run_derive("sigmoid", "--route", route, "--format", fmt)
    assert out.returncode == 0, out.stderr
    if fmt == "json":
        data = json.loads(out.stdout)
        assert data["verified"] and data["route"] == route
    else:
        assert ("σ(x)·(1 - σ(x))" if fmt == "text" else r"\sigma(x) (1 - \sigma(x))") in out.stdout


def test_label_prefix_and_standalone():
    out = run_derive("sigmoid", "--standalone", "--label-prefix", "eq:sig")
    assert out.stdout.startswith(r"\documentclass") and r"\label{eq:sig4}" in out.stdout
    assert r"\eqref{eq:sig1}" in out.stdout and r"\end{document}" in out.stdout


def test_output_file_is_written(tmp_path):
    target = tmp_path / "sigmoid.tex"
    out = run_derive("sigmoid", "-o", str(target))
    assert out.returncode == 0 and out.stdout == ""
    assert r"\begin{align}" in target.read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["sigmoid.tex"]  # no temporary file left behind


@pytest.mark.parametrize("args, fragment", [
    (["sigmoid", "--route", "sideways"], "--route"),
    (["sigmoid", "--format", "pdf"], "--format"),
    (["sigmoid", "--label-prefix", "eq}{"], "--label-prefix"),
    (["sigmoid", "--format", "json", "--standalone"], "--standalone"),
    (["sigmoid", "--bogus"], "--bogus"),
    (["nosuchcommand"], "nosuchcommand"),
])
def test_bad_input_is_one_line_on_stderr_and_exit_2(args, fragment, tmp_path):
    existing = tmp_path / "paper.tex"
    existing.write_text("my paper")
    out = run_derive(*args, "-o", str(existing)) if args[0] == "sigmoid" else run_derive(*args)
    assert out.returncode == 2
    assert out.stdout == ""
    assert out.stderr.startswith("derive: error: ") and out.stderr.count("\n") == 1
    assert fragment in out.stderr and "Traceback" not in out.stderr
    assert existing.read_text() == "my paper"  # not clobbered


def test_unwritable_output_is_an_error_and_writes_nothing(tmp_path):
    out = run_derive("sigmoid", "-o", str(tmp_path / "missing" / "x.tex"))
    assert out.returncode == 2 and out.stdout == "" and "no such directory" in out.stderr
    out = run_derive("sigmoid", "-o", str(tmp_path))
    assert out.returncode == 2 and "is a directory" in out.stderr


def test_help_and_version_do_not_import_sympy():
    code = ("import sys; from derive.cli import main\n"
            "for args in (['--help'], ['--version'], ['sigmoid', '--help']):\n"
            "    assert main(args) == 0\n"
            "assert 'sympy' not in sys.modules, 'sympy imported'\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "derive 0.1.0" in out.stdout and "--route" in out.stdout


def test_console_script_is_installed():
    import shutil
    from pathlib import Path

    script = Path(sys.executable).parent / "derive"
    path = str(script) if script.exists() else shutil.which("derive")
    assert path, "the derive console script is not installed"
    out = subprocess.run([path, "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == "derive 0.1.0"


def test_a_fault_of_derives_own_is_one_line_too(monkeypatch, capsys):
    import derive.routes.sigmoid as routes
    from derive.cli import main
    from derive.errors import VerificationError

    def broken(route):
        raise VerificationError("the quotient rule step could not be verified")

    monkeypatch.setattr(routes, "sigmoid_document", broken)
    assert main(["sigmoid"]) == 70
    out = capsys.readouterr()
    assert out.out == "" and out.err == "derive: error: the quotient rule step could not be verified\n"

    monkeypatch.setattr(routes, "sigmoid_document", lambda route: 1 / 0)
    assert main(["sigmoid"]) == 70
    err = capsys.readouterr().err
    assert err.startswith("derive: error: internal error (ZeroDivisionError") and err.count("\n") == 1
