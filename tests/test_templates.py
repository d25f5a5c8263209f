"""Your own templates override the shipped ones by name; bad ones are refused in one line."""

import pytest

from conftest import run_derive
from derive.render.templates import shipped_names


def test_every_shipped_template_is_documented_in_the_readme():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    assert shipped_names() and all(f"`{name}`" in readme for name in shipped_names())


def test_a_template_file_replaces_its_namesake(tmp_path):
    mine = tmp_path / "align.tex.j2"
    mine.write_text("MINE <% for line in block.lines %>[<< line.tag >>: << line.rules >>]<% endfor %>\n")
    out = run_derive("diff", "x^2 sin(x)", "--template", str(mine))
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("MINE [1: product rule]")


def test_a_templates_folder_replaces_what_it_holds(tmp_path):
    (tmp_path / "text.txt.j2").write_text("<< title >>!\n")
    (tmp_path / "notes.txt").write_text("not a template")
    out = run_derive("sigmoid", "--format", "text", "--templates", str(tmp_path))
    assert out.returncode == 0 and out.stdout == "The derivative of the sigmoid function!\n"
    out = run_derive("sigmoid", "--templates", str(tmp_path))  # latex: the shipped templates still serve
    assert r"\begin{align}" in out.stdout


@pytest.mark.parametrize("name, text, words", [
    ("other.j2", "x", "replaces nothing"),
    ("align.tex.j2", "<< nope >>", "'nope' is undefined"),
    ("align.tex.j2", "<% for %>", "template align.tex.j2"),
    ("align.tex.j2", "<< ''.__class__.__mro__ >>", "template align.tex.j2"),  # the sandbox holds
])
def test_bad_templates_are_one_line_errors(tmp_path, name, text, words):
    path = tmp_path / name
    path.write_text(text)
    out = run_derive("diff", "x^2", "--template", str(path))
    assert out.returncode == 2 and out.stdout == "" and words in out.stderr
    assert out.stderr.count("\n") == 1
