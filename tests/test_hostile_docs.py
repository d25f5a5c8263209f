"""Issue 15, the parts about what a document or an expression can do: undefined expressions, names
that clash with Python or SymPy, generated code that must not break, templates that must not change
a verdict, document text that must not reach a terminal or a notebook raw, and scans that stay linear."""

import importlib.util

import pytest

from derive.cli import main


def cli(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


# --- wrong answers that look right --------------------------------------------------------------------

@pytest.mark.parametrize("expression, words", [
    ("1/0", "division by zero, at column 2"),
    ("x/0", "division by zero, at column 2"),
    (r"\frac{1}{0}", "division by zero"),
    ("0^0", "0^0 is undefined"),
    ("0^x", "a power of 0"),
    ("log(x - x)", "logarithm of 0"),
    ("1/(x-x)", "division by zero"),
    (r"\frac{x}{x - x}", "division by zero"),
])
def test_an_undefined_expression_is_refused(capsys, expression, words):
    code, out, err = cli(capsys, "diff", expression)
    assert code == 2 and out == "" and err.startswith("derive: error:") and words in err


@pytest.mark.parametrize("wrt", ["e", "pi", r"\pi", "E"])
def test_constants_are_not_variables(capsys, wrt):
    code, out, err = cli(capsys, "diff", "x^2 + 1", "--wrt", wrt)
    assert code == 2 and out == "" and err.startswith("derive: error:")


@pytest.mark.parametrize("name", ["Symbol", "Pow", "list", "lambda", "math", "numpy", "Derivative"])
def test_a_definition_may_not_take_a_python_or_sympy_name(capsys, name):
    code, out, err = cli(capsys, "diff", f"x {name}(x)", "--define", f"{name}(x)=x^2")
    assert code == 2 and out == "" and "choose another name" in err


def _load(source: str, tmp_path):
    path = tmp_path / "generated.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("generated", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_code_does_not_call_itself_when_the_user_names_a_function_f(capsys, tmp_path):
    code, out, _ = cli(capsys, "diff", "x f(x)", "--define", "f(x)=x^2", "--format", "python")
    module = _load(out, tmp_path)
    assert code == 0 and module.expression(2.0) == 8.0 and module.expression_grad(2.0) == 12.0
    assert module.f(3.0) == 9.0  # the user's f is kept as written


def test_single_capital_letters_stay_free_for_functions(capsys):
    code, out, _ = cli(capsys, "diff", "N(t)", "--wrt", "t", "--define", "N(t)=e^(-t)", "--format", "text")
    assert code == 0 and "e^(-t)" in out


# --- templates cannot change a verdict ------------------------------------------------------------------

WRONG = r"\begin{align} \frac{d}{dx} x^2 &= 3x \end{align}"


def test_a_template_that_empties_the_report_does_not_change_the_exit_status(tmp_path, capsys):
    (tmp_path / "check.txt.j2").write_text("<< report.chains.clear() >>all fine\n")
    paper = tmp_path / "paper.tex"
    paper.write_text(WRONG)
    code, out, err = cli(capsys, "check", str(paper), "--template", str(tmp_path / "check.txt.j2"))
    assert code != 0 and "all fine" not in out


@pytest.mark.parametrize("text, words", [
    ("<< 1 // 0 >>", "line 1: ZeroDivisionError"),
    ("line one\n<< range(10**10) | list >>", "template align.tex.j2"),
    ("<% macro m() %><< m() >><% endmacro %><< m() >>", "RecursionError"),
])
def test_a_template_that_fails_at_run_time_is_a_one_line_error(tmp_path, capsys, text, words):
    path = tmp_path / "align.tex.j2"
    path.write_text(text)
    code, out, err = cli(capsys, "sigmoid", "--template", str(path))
    assert code == 2 and out == "" and words in err and err.count("\n") == 1


def test_a_template_path_that_is_a_fifo_is_refused(tmp_path, capsys):
    import os

    fifo = tmp_path / "align.tex.j2"
    os.mkfifo(fifo)
    code, out, err = cli(capsys, "sigmoid", "--template", str(fifo))
    assert code == 2 and "not a regular file" in err


def test_template_choice_is_per_thread():
    import threading

    from derive.render.templates import render, use_templates

    results = {}
    barrier = threading.Barrier(2)

    def work(name, folder):
        if folder is not None:
            use_templates(directory=str(folder))
        barrier.wait()
        results[name] = render("text.txt.j2", title="T", sections=[])

    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "text.txt.j2").write_text("MINE << title >>\n")
        threads = [threading.Thread(target=work, args=("mine", folder)),
                   threading.Thread(target=work, args=("shipped", None))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert results["mine"] == "MINE T\n" and not results["shipped"].startswith("MINE")


# --- text from a document is data ------------------------------------------------------------------------

def test_control_characters_from_a_document_are_shown_escaped(tmp_path, capsys):
    paper = tmp_path / "paper.tex"
    # a colour (CSI) and a window title (OSC), brackets balanced so that the block is read
    paper.write_text("\\begin{align} x^2 \x1b[31m \x1b]0;owned\x07 &= x x \\end{align}\n")
    code, out, err = cli(capsys, "check", str(paper))
    assert "\x1b" not in out and "\x07" not in out and "\\x1b" in out


def test_html_from_a_document_is_shown_as_text_in_markdown(tmp_path, capsys):
    paper = tmp_path / "<img src=x onerror=alert(1)>.md"
    paper.write_text("$$ x^2 <script>alert(1)</script> = x x $$\n"
                     "In line (1) we apply the <b>chain</b> rule.\n")
    code, out, err = cli(capsys, "check", str(paper), "--format", "markdown")
    assert "<script>" not in out and "<img" not in out and "&lt;img" in out


def test_the_jupyter_display_of_a_report_escapes_html():
    from derive import check

    report = check("$$ \\frac{d}{dx} <b>x</b> = 1 $$")
    assert "<b>" not in report._repr_markdown_()


# --- documents built to be slow: the answers (their times are in benchmarks/bench_hostile.py) ---------

def test_an_unclosed_display_is_reported_and_thousands_are_a_limit():
    from derive import LimitError, check

    report = check("$$x^2 = x x$$ and then \\[ x^2 = 2x never closed")
    assert report.decided >= 1 and any("never closed" in s.reason for s in report.skipped)
    with pytest.raises(LimitError, match="too deeply"):
        check("\\[ x " * 2000)


def test_definitions_that_build_on_each_other_stop_at_the_node_limit():
    from derive import check

    text = "$$y_{0} = x^2 + 1$$\n" + "".join(f"$$y_{{{i}}} = y_{{{i - 1}}}^2 + y_{{{i - 1}}}$$\n"
                                               for i in range(1, 40)) + "$$\\frac{d y_{39}}{dx} = 1$$\n"
    [link] = check(text).links
    assert link.verdict == "undecided" and "more than 2000 parts" in link.reason


def test_a_definition_that_refers_to_itself_defines_nothing():
    from derive import check

    report = check("Let $y = x^2$.\n$$y = y + 1$$\n$$\\frac{dy}{dx} = 2x$$\n")
    assert report.ok and "invalid" not in [k.verdict for k in report.links]


def test_a_template_that_builds_a_huge_string_stops_at_the_memory_bound(tmp_path, capsys):
    """Rendering runs in the bounded worker for derive sigmoid too: the parent never grows."""
    path = tmp_path / "align.tex.j2"
    path.write_text("<< 'x' * 10**9 >>\n")
    code, out, err = cli(capsys, "sigmoid", "--template", str(path), "--max-memory", "512")
    assert code == 3 and out == "" and "memory" in err
