"""Issue 11: derive check assembles chains the way authors lay them out, follows \\input, and says
what it skipped. Each layout is checked correct and with a planted slip, in LaTeX and Markdown."""

import json

import pytest

from derive.checker import DEFINITION, INVALID, VALID, check
from derive.cli import main


def verdicts(report):
    return [k.verdict for k in report.links]


def cli(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


# --- one display per step ------------------------------------------------------------------------------

STEPS_MD = """# Product rule, one step at a time

$$\\frac{d}{dx}\\left(x^2 e^x\\right)$$

By the product rule this is

$$= 2x e^x + x^2 e^x$$

and taking out the common factor,

$$= x e^x (x + 2)$$
"""


def test_displays_that_start_with_equals_continue_the_chain():
    report = check(STEPS_MD, "notes.md")
    assert verdicts(report) == [VALID, VALID] and report.chains[0].lines == [3, 7, 11]


def test_a_slip_in_a_continuation_display_is_found():
    report = check(STEPS_MD.replace("x e^x (x + 2)", "x e^x (x + 3)"), "notes.md")
    assert verdicts(report) == [VALID, INVALID] and report.chains[0].wrong_links == [(1, 2)]


def test_a_display_that_ends_with_equals_continues_into_the_next():
    tex = "\\[ \\frac{d}{dx} \\sin^2 x = \\]\nwhich is\n\\[ 2 \\sin x \\cos x = \\sin 2x \\]\n"
    assert verdicts(check(tex, "a.tex")) == [VALID, VALID]
    assert verdicts(check(tex.replace("\\sin 2x", "\\cos 2x"), "a.tex")) == [VALID, INVALID]


# --- two equations in one row, and statements in one display ------------------------------------------

TWO = r"""\begin{align}
\sin 2x &= 2\sin x\cos x & \cos 2x &= \cos^2 x - \sin^2 x \\
        &= 2\cos x \sin x &        &= 1 - 2\sin^2 x && \text{(Pythagoras)}
\end{align}"""


def test_two_equations_in_one_align_row_are_two_chains():
    report = check(TWO, "a.tex")
    assert [c.expressions[0] for c in report.chains] == [r"\sin 2x", r"\cos 2x"]
    assert verdicts(report) == [VALID, VALID, VALID, VALID]


def test_a_slip_in_the_second_column_is_found():
    report = check(TWO.replace("1 - 2\\sin^2 x", "1 - \\sin^2 x"), "a.tex")
    assert verdicts(report) == [VALID, VALID, VALID, INVALID]


def test_an_implication_starts_a_new_chain_and_is_checked_as_one():
    report = check(r"$$ 2x + 3 = 7 \implies x = 2 \Rightarrow x^2 = 4 $$", "a.tex")
    assert [c.expressions for c in report.chains] == [["2x + 3", "7"], ["x", "2"], ["x^2", "4"]]
    assert report.ok and INVALID not in verdicts(report)
    assert [k.rule for c in report.chains for k in c.links if k.verdict == VALID] == \
        ["the same equation, times a constant", "implication"]


@pytest.mark.parametrize("text, verdict", [
    (r"$$ 2x + 3 = 7 \implies x = 3 $$", INVALID),  # no solution of the first solves the second
    (r"$$ x^2 - 1 = 0 \Rightarrow x = 1 $$", "undecided"),  # right if the text has said x > 0
    (r"$$ 3x^2 - 3 = 0 \implies x^2 = 1 $$", VALID),
])
def test_an_implied_equation_holds_where_the_one_before_does(text, verdict):
    report = check(text, "a.tex")
    assert report.chains[-1].links[0].verdict == verdict
    premise = report.chains[0].links[-1]  # an equation to solve, stated, not an identity claimed
    assert premise.verdict == DEFINITION and "equation to solve" in premise.rule


# --- Markdown as writers escape it ---------------------------------------------------------------------

ESCAPED_MD = r"""Some notes

\begin{align\*}
\frac{d}{dx} x\_1^2 &= 2 x\_1 \frac{d x\_1}{dx} \\\\
\frac{d}{dx} x^3 &= 3x^2
\end{align\*}

<!-- $$ x = 2 $$ in a comment is no math -->

```
$$ 1 = 2 $$ in code is no math either
```

- a list item with a display:
  $$
  \frac{d}{dx} e^{2x} = 2e^{2x}
  $$
> and a quote: $$\frac{d}{dx} \ln x = \frac{1}{x}$$ (inline, in a sentence)
"""


def test_markdown_escapes_comments_code_lists_and_inline_double_dollars():
    report = check(ESCAPED_MD, "notes.md")
    expressions = [c.expressions for c in report.chains]
    assert [r"\frac{d}{dx} x^3", "3x^2"] in expressions
    assert ["\\frac{d}{dx} e^{2x}", "2e^{2x}"] in expressions
    assert not any("1" == e[0] or "x" == e[0] for e in expressions)  # comments and code are no math
    assert len(report.chains) == 3  # the $$…$$ inside a sentence is inline


def test_a_slip_in_a_markdown_list_item_is_found():
    report = check(ESCAPED_MD.replace("= 2e^{2x}", "= e^{2x}"), "notes.md")
    assert INVALID in verdicts(report)


# --- \input, unclosed displays, and what was skipped ----------------------------------------------------

def test_input_files_are_followed_inside_the_folder_and_reported_otherwise(tmp_path, capsys):
    (tmp_path / "part.tex").write_text("\\begin{align}\\frac{d}{dx} x^3 &= 3x^2\\end{align}\n")
    (tmp_path / "loop.tex").write_text("\\input{loop}\n")
    (tmp_path / "paper.tex").write_text(
        "\\input{part}\n\\input{missing}\n\\input{/etc/passwd}\n\\input{../outside}\n\\input{loop}\n")
    code, out, _ = cli(capsys, "check", str(tmp_path / "paper.tex"), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["links"] == 1 and data["decided"] == 1
    assert data["blocks"][0]["file"] == "part.tex"
    reasons = " | ".join(s["reason"] for s in data["skipped"])
    assert "missing" in reasons and "outside" in reasons and "/etc/passwd" in reasons and "read already" in reasons


def test_a_slip_in_an_input_file_is_found_with_its_file_and_line(tmp_path, capsys):
    (tmp_path / "part.tex").write_text("\n\\begin{align}\\frac{d}{dx} x^3 &= 3x^3\\end{align}\n")
    (tmp_path / "paper.tex").write_text("\\input{part.tex}\n")
    code, out, _ = cli(capsys, "check", str(tmp_path / "paper.tex"))
    assert code == 1 and "part.tex:2" in out


def test_an_unclosed_display_is_skipped_with_its_line_and_fails_strict(tmp_path, capsys):
    paper = tmp_path / "paper.tex"
    paper.write_text("\\begin{align} x^2 &= x x \\end{align}\n\n\\begin{equation} x = \\frac{1}{2\n")
    code, out, _ = cli(capsys, "check", str(paper))
    assert code == 0 and "paper.tex:3: skipped: \\begin{equation} is never closed" in out
    assert cli(capsys, "check", str(paper), "--strict")[0] == 1


def test_a_display_without_an_equality_is_listed_as_skipped():
    report = check("$$ x^2 + 1 $$\n\n$$ x^2 = x x $$\n", "a.tex")
    assert [(s.line, s.reason) for s in report.skipped] == [(1, "a display with no = to check")]


# --- definitions after "where", Leibniz chains, approximations, conditions ------------------------------

LEIBNIZ = r"""\begin{align}
\frac{dy}{dx} &= \frac{dy}{du}\frac{du}{dx} = 3u^2 \cdot 2x \quad \text{where } u = x^2 + 1, \; y = u^3
\end{align}"""


def test_a_leibniz_chain_with_definitions_after_where():
    report = check(LEIBNIZ, "a.tex")
    assert verdicts(report) == [VALID, VALID]


def test_a_chain_set_to_zero_without_words_that_solve_is_a_claim():
    """2x − 4 = 0 with nothing around it that says it solves (nor "the conditions are"): wrong, as written."""
    assert INVALID in verdicts(check("We get\n" r"$$ \frac{d}{dx}(x^2 - 4x) = 2x - 4 = 0 $$", "a.tex"))


def test_a_slip_in_a_leibniz_chain_is_found():
    assert INVALID in verdicts(check(LEIBNIZ.replace("3u^2 \\cdot 2x", "3u^2 \\cdot x"), "a.tex"))


@pytest.mark.parametrize("text, reason", [
    (r"$$ \sin x \approx x - \frac{x^3}{6} $$", "approximation"),
    ("Setting the derivative to zero,\n" r"$$ \frac{d}{dx}(x^2 - 4x) = 2x - 4 = 0 $$", "condition to solve"),
    (r"$$ \sin x = x - \frac{x^3}{6} + O(x^5) $$", "order term"),
    # a Lagrangian's first-order conditions, said as "the conditions are"
    ("With $L = x^2 + 2y^2 - \\mu(x + y - 9)$ the conditions are\n"
     r"$$ \frac{\partial L}{\partial x} = 2x - \mu = 0 $$", "condition to solve"),
    ("The first-order conditions:\n" r"$$ \frac{d}{dx}(x^2 - 4x) = 2x - 4 = 0 $$", "condition to solve"),
])
def test_what_is_not_an_identity_is_undecided_with_its_reason(text, reason):
    report = check(text, "a.tex")
    every = [k for c in report.chains for k in c.links]  # a condition to solve is stated, as a definition
    assert INVALID not in verdicts(report) and any(reason in (k.reason or k.rule or "") for k in every)


def test_long_notes_with_every_layout_report_every_chain_and_no_false_alarm():
    from pathlib import Path

    text = (Path(__file__).parent / "data" / "notes_mixed.tex").read_text()
    report = check(text, "notes_mixed.tex")
    assert report.ok and INVALID not in verdicts(report) and not [c for c in report.claims if not c.holds]
    firsts = [c.expressions[0] for c in report.chains]
    for start in (r"f'(x)", r"\frac{d}{dx}\, e^{3x} \cos x", r"\sin 2x", r"\cos 2x", r"x^2", r"\frac{dy}{dx}",
                  r"\frac{d}{dx}\ln x", r"\frac{d}{dx}\tan x", r"\frac{d}{dx}\arctan x"):
        assert start in firsts, start
    assert report.decided >= 15


def test_a_slip_anywhere_in_the_long_notes_is_found():
    from pathlib import Path

    text = (Path(__file__).parent / "data" / "notes_mixed.tex").read_text()
    for right, wrong in (("3\\cos x - \\sin x", "3\\cos x + \\sin x"), ("2\\cos^2 x - 1", "2\\cos^2 x + 1"),
                         ("5u^4 \\cdot 2x", "5u^4 \\cdot x"), ("\\frac{1}{1 + x^2}", "\\frac{1}{1 - x^2}")):
        assert right in text
        assert not check(text.replace(right, wrong), "notes_mixed.tex").ok, wrong


def test_a_final_zero_without_a_word_of_solving_is_a_claim_like_any_other():
    report = check(r"Derivation 4. $$ \frac{d}{dx}(x^2 - 4x) = 2x - 4 = 0 $$", "a.tex")
    assert verdicts(report) == [VALID, INVALID]


# --- conditions the text states, used as assumptions ---------------------------------------------------

@pytest.mark.parametrize("text, rule", [
    ("For $x > 0$ we have\n$$ \\sqrt{x^2} = x $$", "using x > 0 (line 1)"),
    ("$$ \\sqrt{t^2} = t, \\quad t \\geq 0 $$", "using t ≥ 0 (line 1)"),
])
def test_a_condition_of_the_text_is_an_assumption_the_link_names(text, rule):
    [link] = check(text, "a.tex").links
    assert link.verdict == VALID and link.rule == rule


def test_without_the_condition_the_same_link_is_wrong():
    [link] = check("$$ \\sqrt{x^2} = x $$", "a.tex").links
    assert link.verdict == INVALID


def test_a_condition_does_not_excuse_a_wrong_step():
    [link] = check("For $x > 0$: $$ \\sqrt{x^2} = 2x $$", "a.tex").links
    assert link.verdict == INVALID


# --- found in review: each of these was silently wrong or dropped ---------------------------------------

def test_a_wrong_derivative_before_an_implication_is_still_wrong():
    report = check(r"\[ \frac{d}{dx}\sin x = -\cos x \Rightarrow \frac{d}{dx}\sin x + \cos x = 0 \]", "a.tex")
    assert not report.ok and report.links[0].verdict == INVALID


def test_what_follows_a_definition_by_implication_is_checked_as_an_identity():
    assert not check(r"\[ y = x^3 \implies \frac{dy}{dx} = 2x^2 \]", "a.tex").ok
    assert check(r"\[ y = x^3 \implies \frac{dy}{dx} = 3x^2 \]", "a.tex").ok


def test_loose_words_do_not_make_a_final_zero_a_condition():
    text = "The square root of $x^2$ is $|x|$. We check\n\\[ \\frac{d}{dx}(x^2+3x) - 2x = 3 = 0 \\]\n"
    assert not check(text, "a.tex").ok


@pytest.mark.parametrize("text, found", [
    ("# T\n\n\\[ \\frac{d}{dx} x^2 = 3x \\]\n", "invalid"),  # MathJax's display in Markdown
    ("# T\n\ntext\n\n$$\n\\frac{d}{dx}x^2 = 2x\n\nmore", "never closed"),
    ("# T\n\n\\begin{align} x^2 &= x x \\end{align*}\n", "could not read"),
])
def test_markdown_displays_are_read_or_reported(text, found):
    report = check(text, "n.md")
    assert found in [k.verdict for k in report.links] + [s.reason for s in report.skipped] or \
        any(found in s.reason for s in report.skipped)


def test_o_never_writes_over_a_file_the_document_inputs(tmp_path, capsys):
    (tmp_path / "chapter.tex").write_text("\\begin{align} x^2 &= x x \\end{align}\n")
    (tmp_path / "main.tex").write_text("\\input{chapter}\n")
    code, out, err = cli(capsys, "check", str(tmp_path / "main.tex"), "-o", str(tmp_path / "chapter.tex"))
    assert code == 2 and (tmp_path / "chapter.tex").read_text().startswith("\\begin{align}")


def test_a_document_that_inputs_itself_is_read_once(tmp_path):
    (tmp_path / "main.tex").write_text("\\begin{align} x^2 &= x x \\end{align}\n\\input{main}\n")
    from derive.checker import check_file

    text, code, files = check_file(str(tmp_path / "main.tex"), fmt="json")
    data = json.loads(text)
    assert data["links"] == 1 and any("read already" in s["reason"] for s in data["skipped"])


def test_more_than_fifty_inputs_are_reported_not_fatal(tmp_path):
    for k in range(55):
        (tmp_path / f"p{k}.tex").write_text(f"$$ x^{{{k}}} = x^{{{k}}} $$\n")
    (tmp_path / "main.tex").write_text("".join(f"\\input{{p{k}}}\n" for k in range(55)))
    from derive.checker import check_file

    data = json.loads(check_file(str(tmp_path / "main.tex"), fmt="json")[0])
    assert data["links"] == 50 and sum("more than 50 files" in s["reason"] for s in data["skipped"]) == 5


@pytest.mark.parametrize("text", [
    r"\[ \frac{d}{dx} x^n = n x^{n-1} \quad \text{for all } n \]",
    r"\[ \frac{d}{dx} (a x^2) = 2 a x \text{ where } a \text{ is a constant} \]",
])
def test_words_at_the_end_of_a_formula_are_an_annotation(text):
    report = check(text, "a.tex")
    assert report.ok and verdicts(report) == [VALID]


# --- document macros (issue 10) ---------------------------------------------------------------------

MACROS = r"""\newcommand{\dd}{\mathrm{d}}
\newcommand{\pd}[2]{\frac{\partial #1}{\partial #2}}
\def\half{\frac{1}{2}}
\begin{align}
\frac{\dd}{\dd x} x^2 &= 2x \\
\pd{}{x} \half x^2 &= x
\end{align}
"""


def test_the_documents_macros_are_expanded_before_reading():
    report = check(MACROS, "a.tex")
    assert verdicts(report) == [VALID, VALID]
    assert verdicts(check(MACROS.replace("&= x\n", "&= 2x\n"), "a.tex")) == [VALID, INVALID]


def test_a_macro_stays_one_token_beside_a_command_and_under_a_script():
    r"""\lambda\py with \py = p_y is \lambda p_y (it became the unknown command \lambdap, a held-out
    handout's conditions unread), and x^\py is x^{p_y}, as TeX reads it (never x^p times y's subscript)."""
    text = r"""\newcommand{\py}{p_y}
$$ \frac{d}{d\lambda}\,\lambda\py = \py $$
$$ \frac{d}{dx} x^\py = \py\, x^{\py - 1} $$
"""
    assert verdicts(check(text, "a.tex")) == [VALID, VALID]
    assert verdicts(check(text.replace(r"= \py $$", r"= 2\py $$"), "a.tex")) == [INVALID, VALID]


def test_a_macro_from_the_command_line(tmp_path, capsys):
    paper = tmp_path / "p.tex"
    paper.write_text("$$ \\frac{\\dd}{\\dd x} x^2 = 2x $$\n")
    code, out, _ = cli(capsys, "check", str(paper), "--macro", r"\dd=\mathrm{d}", "--format", "json")
    assert code == 0 and json.loads(out)["decided"] == 1


def test_a_macro_that_expands_itself_is_bounded_and_reported():
    report = check("\\def\\bomb{\\bomb\\bomb}\n$$ \\bomb = 1 $$\n$$ x^2 = x x $$\n", "a.tex")
    assert report.decided == 1 and any("goes on and on" in s.reason for s in report.skipped)


@pytest.mark.parametrize("value, verdict", [("2", VALID), ("3", INVALID)])
def test_a_value_stated_at_a_point_is_judged_there(value, verdict):
    report = check(rf"$$ \frac{{d}}{{dx}} x^2 = 2x = {value} \text{{ at }} x = 1 $$", "a.tex")
    assert report.chains[0].links[-1].verdict == verdict


def test_a_markdown_display_on_lines_of_its_own_inside_a_paragraph_is_checked():
    """"Let … .\\n$$ … $$" with no blank line: MathJax shows a display, so derive checks it; a $$…$$
    inside a sentence stays inline (kramdown)."""
    from derive.checker import INVALID, check

    assert len(check("Let $y = 1$.\n$$ x^2 = x x $$\nand more.", "a.md").links) == 1
    assert [k.verdict for k in check("Let $y = 1$.\n$$ x^2 = 2x $$", "a.md").links] == [INVALID]
    assert check("We know $$x^2 = x x$$ holds.", "a.md").links == []
