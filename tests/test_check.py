"""derive check on the origin document, on correct derivations in many styles, and on planted errors."""

import json

import pytest
from sympy import Derivative

from conftest import run_derive
from derive import check
from derive.checker import INVALID, UNDECIDED, VALID
from derive.errors import ParseError
from derive.parse import parse


def test_the_origin_document(seed_text):
    report = check(seed_text, "seed")
    align = next(c for c in report.chains if c.environment == "align")
    assert align.suspects == [2]
    assert [(k.source, k.target) for k in align.links if k.verdict == INVALID] == [(1, 2), (2, 3)]
    others = [k for c in report.chains for k in c.links if c is not align] + \
             [k for k in align.links if k.verdict != INVALID]
    assert others and all(k.verdict == VALID for k in others)
    assert "e^{x} (e^{x} + 1)" in align.hints[2]
    assert [k.rule for k in align.links][0] == "quotient rule"
    # the prose credits line (1) to the chain rule: wrong, and said so
    [claim] = report.claims
    assert claim.named == "chain rule" and not claim.holds and claim.found == ["quotient rule"]
    assert report.exit_code == 1


def test_the_origin_document_through_the_command(tmp_path, seed_text):
    paper = tmp_path / "post.txt"
    paper.write_text(seed_text)
    out = run_derive("check", str(paper), "--format", "json")
    assert out.returncode == 1, out.stderr
    data = json.loads(out.stdout)
    assert data["ok"] is False
    suspects = [b["suspects"] for b in data["blocks"]]
    assert suspects == [[], [], [2]]
    links = data["blocks"][2]["links"]
    assert [(k["from"], k["to"], k["valid"]) for k in links] == [
        (0, 1, True), (1, 2, False), (2, 3, False), (3, 4, True), (4, 5, True)]
    assert links[0]["rule"] == "quotient rule" and links[0]["method"] == "rational"
    text = run_derive("check", str(paper))
    assert text.returncode == 1 and "suspect" in text.stdout and f"{paper}:87" in text.stdout


CORRECT = {
    "cdot and left-right": r"""
\begin{align*}
\frac{d}{dx}\left(x^2 \cdot \sin x\right) &= 2x \cdot \sin x + x^2 \cdot \cos x
\end{align*}""",
    "dfrac, exp, ln": r"""
\begin{equation}
\frac{d}{dx} \ln\left(1 + e^{x}\right) = \dfrac{e^{x}}{1 + e^{x}} = \frac{1}{1 + \exp(-x)}
\end{equation}""",
    "primes and sigma'": r"""
\begin{align}
\sigma'(x) &= \sigma(x)\left(1-\sigma(x)\right) \tag{a}\\
           &= \frac{e^{-x}}{(1+e^{-x})^2} \tag{b}
\end{align}""",
    "several = on a line, tags and labels": r"""
\begin{align}
(x+1)^2 &= (x+1)(x+1) = x^2 + x + x + 1 \label{eq:a}\\
&= x^2 + 2x + 1 \tag{3}
\end{align}""",
    "d/dx of a bracket, chain rule": r"""
\begin{equation*}
\frac{d}{dx}\left(\sin(x^2)\right) = \cos(x^2) \cdot (x^2)' = 2x\cos(x^2)
\end{equation*}""",
    "markdown with $$": r"""
Some notes.

$$
\frac{d}{dt} t e^{t} = e^{t} + t e^{t} = (1 + t) e^{t}
$$
""",
    "tanh identity": r"""
\begin{align}
\frac{d}{dx}\tanh(x) &= \operatorname{sech}^2(x) \\
&= 1 - \tanh^2(x)
\end{align}""",
    "quotient rule written out": r"""
\begin{align}
\left(\frac{x}{1+x^2}\right)' &= \frac{1 \cdot (1+x^2) - x \cdot 2x}{(1+x^2)^2} \\
&= \frac{1 - x^2}{(1+x^2)^2}
\end{align}""",
    "en-dash minus and aligned": r"""
\begin{equation}
\begin{aligned}
(1 – x)(1 + x) &= 1 – x^2 & \text{difference of squares}
\end{aligned}
\end{equation}""",
    "gather: separate equations": r"""
\begin{gather}
\frac{d}{dx} x^3 = 3x^2 \\
\frac{d}{dx} e^{2x} = 2e^{2x}
\end{gather}""",
    "a definition the document gives": r"""
\begin{equation}
g(x) = \frac{1}{1+e^{-x}}
\end{equation}
\begin{equation}
g'(x) = g(x)\left(1 - g(x)\right)
\end{equation}""",
    "sentence ends after the formula": r"""
\[ \frac{d}{dx} x^2 = 2x. \]""",
    "mathrm d": r"""
\begin{align} \frac{\mathrm{d}}{\mathrm{d}x} x^3 &= 3x^2 \end{align}""",
    "a Gaussian": r"""
\begin{align} \frac{d}{dx} \exp\left(-\frac{x^2}{2}\right) &= -x \exp\left(-\frac{x^2}{2}\right) \end{align}""",
    "nonumber and a second form": r"""
\begin{align} \frac{d}{dx}\sqrt{x} &= \frac{1}{2\sqrt{x}} \nonumber \\ &= \frac{1}{2} x^{-1/2} \end{align}""",
    "square brackets, log": r"""
\begin{align} \frac{d}{dx}\left[ x \log x \right] &= \log x + 1 \end{align}""",
    "partial derivative with parameters": r"""
\begin{align} \frac{\partial}{\partial x} (a x^2 + b y) &= 2 a x \end{align}""",
    "y defined, then dy/dx": r"""
\begin{align} y &= \sin^2 x \\ \frac{dy}{dx} &= 2 \sin x \cos x = \sin 2x \end{align}""",
    "f defined, then f'": r"""
\begin{align*} f(x) &= x^2 \\ f'(x) &= 2x \end{align*}""",
    "a := definition": r"""
\begin{equation} g(x) := \frac{e^{x}}{1+e^x} \end{equation}
\begin{equation} g'(x) = g(x)\left(1-g(x)\right) \end{equation}""",
}


@pytest.mark.parametrize("name", CORRECT)
def test_no_false_alarms(name):
    report = check(CORRECT[name])
    links = report.links
    assert links, name
    assert all(k.verdict in (VALID, "definition") for k in links), [(k.source, k.target, k.verdict, k.reason)
                                                                   for k in links]
    assert report.ok and report.exit_code == 0


PLANTED = {
    # name: (text, the chain's invalid links, suspects)
    "a sign": (r"""
\begin{align}
\frac{d}{dx}\left(x^2 - \cos x\right) &= 2x - \sin x \\
&= 2x - \sin(x)
\end{align}""", [(0, 1)], []),
    "a lost chain-rule factor": (r"""
\begin{align}
\frac{d}{dx} e^{3x} &= e^{3x} \\
&= e^{3x} \cdot 1
\end{align}""", [(0, 1)], []),
    "a wrong simplification in the middle": (r"""
\begin{align}
\frac{d}{dx}\left(x^2 (x+1)\right) &= 2x(x+1) + x^2 \\
&= 2x^2 + 2x + 2x^2 \\
&= 3x^2 + 2x
\end{align}""", [(1, 2), (2, 3)], [2]),
    "a wrong power rule, then consistent": (r"""
\begin{align}
\frac{d}{dx} x^3 &= 3x^3 \\
&= 3x \cdot x^2 \\
&= 3 x^{3}
\end{align}""", [(0, 1)], []),
    "a quotient rule with the wrong sign": (r"""
\begin{align}
\left(\frac{\sin x}{x}\right)' &= \frac{x \cos x + \sin x}{x^2}
\end{align}""", [(0, 1)], []),
    "a factor dropped at the end": (r"""
\begin{align}
\frac{d}{dx} \sin(2x) &= \cos(2x) \cdot 2 \\
&= \cos(2x)
\end{align}""", [(1, 2)], []),
}


@pytest.mark.parametrize("name", PLANTED)
def test_planted_errors_are_found_and_located(name):
    text, invalid, suspects = PLANTED[name]
    report = check(text)
    [chain] = report.chains
    assert [(k.source, k.target) for k in chain.links if k.verdict == INVALID] == invalid
    assert chain.suspects == suspects
    explained = {(k - 1, k) for k in suspects} | {(k, k + 1) for k in suspects}
    assert chain.wrong_links == [link for link in invalid if link not in explained]
    assert not report.ok and report.exit_code == 1


def test_a_slip_gets_a_suggestion():
    report = check(PLANTED["a wrong simplification in the middle"][0])
    assert "did you mean" in report.chains[0].hints[2]


def test_dy_dx_of_an_undefined_y_is_undecided_not_wrong():
    report = check(r"\begin{equation} \frac{dy}{dx} = 2x \end{equation}")
    [link] = report.links
    assert link.verdict == UNDECIDED and report.ok
    report = check(r"\begin{equation} \frac{d}{dx}\left(a x^2\right) = 2 a x \end{equation}")
    assert report.links[0].verdict == VALID  # a parameter inside a derivative is a constant


def test_rules_stated_with_the_arguments_dropped_are_rules_on_functions():
    """(fg)' = f'g + fg' speaks of functions f and g of a variable the text leaves out: read as f(x) and
    g(x), the product and quotient rules hold, and a sign slip is wrong: the rule fails for f and g as
    letters of their own, f, f', g, g' (a text that means particular ones defines them). With no f'
    written, (f²)' = 2f is refused,
    never read as d/df (which would certify the slip as the power rule)."""
    rules = r"""\begin{align*} (fg)' &= f'g + fg' \\ \left(\frac{f}{g}\right)' &= \frac{f'g - fg'}{g^2} \end{align*}"""
    assert [k.verdict for k in check(rules).links] == [VALID, VALID]
    assert [k.rule for k in check(rules).links] == ["product rule", "quotient rule"]
    slip = rules.replace("f'g - fg'", "f'g + fg'")
    assert [k.verdict for k in check(slip).links] == [VALID, INVALID]
    [link] = check(r"\begin{equation} (f^2)' = 2f \end{equation}").links
    assert link.verdict == UNDECIDED and "names a function" in link.reason
    [link] = check(r"\begin{equation} (f^2)' = 2ff' \end{equation}").links
    assert link.verdict == VALID
    # f^{\prime}(x) has its argument: a function of x as written, none dropped
    [link] = check(r"\begin{equation} \frac{d}{dx} f(x)^2 = 2 f(x) f^{\prime}(x) \end{equation}").links
    assert link.verdict == VALID


def test_unreadable_expressions_are_undecided_with_the_reason():
    report = check(r"\begin{equation} x + 1 = \foo{x} \end{equation}")
    [link] = report.links
    assert link.verdict == UNDECIDED and link.reason == r"cannot read `\foo{x}`: unknown command \foo"
    assert report.exit_code == 0  # nothing decided wrong


def test_the_command_reads_stdin_and_refuses_what_is_not_a_file(tmp_path):
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "derive.cli", "check", "-"], input=CORRECT["gather: separate equations"],
                         capture_output=True, text=True)
    assert out.returncode == 0 and "links 2 valid" in out.stdout
    missing = run_derive("check", str(tmp_path / "nope.tex"))
    assert missing.returncode == 2 and missing.stdout == "" and "no such file" in missing.stderr
    binary = tmp_path / "b.bin"
    binary.write_bytes(b"\x00\x01\x02")
    out = run_derive("check", str(binary))
    assert out.returncode == 2 and "not a text file" in out.stderr


def test_jupyter_display():
    report = check(CORRECT["tanh identity"])
    assert report._repr_markdown_().startswith("## derive check")


def test_a_paper_with_what_derive_does_not_read_gives_no_false_alarm():
    """cases, matrices, sums over symbolic bounds, \\partial, \\intertext, integrals and limits:
    read, defined, or undecided, never a wrong verdict."""
    from conftest import DATA

    report = check((DATA / "paper_mixed.tex").read_text())
    assert report.ok and not [k for k in report.links if k.verdict == INVALID]
    verdicts = {k.verdict for c in report.chains for k in c.links}  # report.links: claims only
    assert VALID in verdicts and "definition" in verdicts and UNDECIDED in verdicts
    assert "definition" not in {k.verdict for k in report.links}
    intertext = report.chains[-1]
    assert intertext.expressions == ["f'(x)", "3x^2"] and intertext.links[0].verdict == VALID


SELF = ["x^5", "x^(3/2)", "sqrt(x)", "e^x", "2^x", "ln(x)", "log(x, 10)",
        "sin(x) + cos(x) + tan(x) + cot(x) + sec(x) + csc(x)", "asin(x) + acos(x) + atan(x) + acot(x)",
        "asec(x) + acsc(x)", "sinh(x) + cosh(x) + tanh(x) + coth(x) + sech(x) + csch(x)",
        "asinh(x) + acosh(x) + atanh(x) + acoth(x) + asech(x) + acsch(x)", "|x| + sign(x)", "erf(x)",
        "sigmoid(x)", "softplus(x)", "x e^x sin(x)", "sin(x)/x", "sin(x^2)", "(1+x^2)^10", "x^x",
        "sin(x)^cos(x)", "x sin(x)^2", "1/(1+exp(-x))"]


@pytest.mark.parametrize("detail", ["normal", "fine"])
def test_derive_checks_its_own_derivations(detail):
    """Printer, reader and checker agree: every line derive writes, derive reads back and proves."""
    from derive import differentiate

    for source in SELF:
        report = check(differentiate(source, detail=detail).latex())
        bad = [(k.source, k.target, k.verdict) for k in report.links if k.verdict != VALID]
        assert not bad, (source, bad, [c.errors for c in report.chains])


@pytest.mark.parametrize("space", [r"\ ", "~", r"\:", r"\,"])
def test_a_unit_after_a_spacing_command_is_no_part_of_the_number(space):
    r"""\frac{8}{9\pi}\ \text{m/min}: the control space before a unit left "a lone backslash at the end",
    so a slip on the line before it went unread (a held-out worksheet's planted 2² for 3²)."""
    text = "\\[\n\\frac{4}{\\pi\\cdot 3^2}\\cdot 2 = \\frac{8}{9\\pi}" + space + "\\text{m/min}\n\\]\n"
    assert [k.verdict for k in check(text, "rate.tex").links] == [VALID]
    slip = text.replace("3^2", "2^2")
    assert [k.verdict for k in check(slip, "rate.tex").links] == [INVALID]


def test_a_range_after_a_definition_is_its_condition_not_its_value():
    r"""h_t = \tanh(…), \qquad 1 \le t \le T, — with the sentence's comma after the range — was split at the
    ≤ signs, and h_t defined as t, the first member derive could read: (1 − h_t²)w then read (1 − t²)w
    and h_t² = t² was certified. The range is the formula's condition; a member after ≤ is no value."""
    text = ("\\[\nh_t = \\tanh\\bigl(w\\,h_{t-1} + u\\,x_t\\bigr), \\qquad 1 \\le t \\le T,\n\\]\n"
            "so\n\\[\nh_t^2 = t^2\n\\]\n")
    report = check(text, "rnn.tex")
    assert [len(c.expressions) for c in report.chains] == [2, 2]
    assert [k.verdict for k in report.chains[1].links] != [VALID]
    # a range that ends the sentence with a full stop, or with nothing, is the condition too
    for end in (".", ""):
        assert [len(c.expressions) for c in check(text.replace("T,\n", f"T{end}\n"), "rnn.tex").chains] == [2, 2]


def test_a_member_after_an_inequality_never_defines_the_name():
    r"""g = \mystery{x} \le x^2: derive cannot read the body, and x² is a bound on g, not its value (the
    first readable member used to define g, so g = x^2 was certified)."""
    text = "\\[\ng = \\mystery{x} \\le x^2\n\\]\nand\n\\[\ng = x^2\n\\]\n"
    assert [k.verdict for k in check(text, "bound.tex").chains[-1].links] != [VALID]


def test_a_letter_primed_and_called_is_a_function_throughout_its_chain():
    r"""p'(\theta) says p is a function: \log p(\theta) in the same chain is log of p at θ, never log p
    times θ (which, once functions were compared by their rates, made a false alarm in a blog post)."""
    text = "\\[\n\\frac{\\partial}{\\partial \\theta} \\log p(\\theta) = \\frac{p'(\\theta)}{p(\\theta)}\n\\]\n"
    assert [k.verdict for k in check(text, "trick.tex").links] == [VALID]
    slip = text.replace("{p(\\theta)}\n", "{2p(\\theta)}\n")
    assert [k.verdict for k in check(slip, "trick.tex").links] == [INVALID]


def test_a_wrong_index_inside_a_sum_of_an_unwritten_gradient_is_never_certified():
    r"""g_i = ∂L/∂s_i of a loss the text leaves unwritten: reading each g as a letter of its own forgets
    which term of the sum it stands in, and once certified s_j Σ_i g_i s_j = s_j Σ_i g_i s_i (a planted
    slip). Both links around the slip are wrong; the right line is valid."""
    text = (r"Let $s_i = e^{z_i}/\sum_k e^{z_k}$ and write $g_i = \partial L/\partial s_i$. Then" "\n$$\n"
            r"\sum_{i} g_i\,s_i\bigl(\delta_{ij} - s_j\bigr) = g_j s_j - s_j \sum_{i} g_i s_j"
            r" = s_j\Bigl(g_j - \sum_{i} g_i s_i\Bigr)" "\n$$\n")
    assert [k.verdict for k in check(text).links] == [INVALID, INVALID]
    assert [k.verdict for k in check(text.replace("g_i s_j =", "g_i s_i =")).links] == [VALID, VALID]


def test_two_equations_a_wide_space_separates_are_two_chains():
    r"""L(x) = x^2 = x x \qquad M(x) = 2x, with no comma before the space: two chains, never x·x·M·x
    (which read the second definition into the first chain's last member)."""
    text = "\\[\n  L(x) = x^2 = x x\n  \\qquad\n  M(x) = 2x\n\\]\n"
    report = check(text, "two.tex")
    assert [c.expressions for c in report.chains] == [["L(x)", "x^2", "x x"], ["M(x)", "2x"]]
    # a space before a condition or words is no separator
    (chain,) = check("\\[ |x| = x \\qquad (x > 0) \\]", "one.tex").chains
    assert chain.expressions == ["|x|", "x"]


def test_a_negative_region_said_before_a_display_restricts_a_function_by_cases():
    r""""for $x < 0$": α e^x = α(e^x − 1) + α = ELU(x) + α holds there (it was judged at x = 2, on the other
    piece); a sign that says x < 0 is no assumption derive carries, so it is the display's region. A
    slip in the piece is still wrong there."""
    text = ("With $\\alpha > 0$,\n\\[\n\\operatorname{ELU}(x) = \\begin{cases} x, & x > 0, \\\\ "
            "\\alpha(e^{x} - 1), & x \\le 0, \\end{cases}\n\\]\nand for $x < 0$,\n\\[\n"
            "\\alpha e^{x} = \\alpha(e^{x} - 1) + \\alpha = \\operatorname{ELU}(x) + \\alpha\n\\]\n")
    assert [k.verdict for k in check(text, "elu.tex").chains[-1].links] == [VALID, VALID]
    slip = text.replace("= \\operatorname{ELU}(x) + \\alpha", "= \\operatorname{ELU}(x) + 2\\alpha")
    assert [k.verdict for k in check(slip, "elu.tex").chains[-1].links][-1] == INVALID


@pytest.mark.parametrize("call", [r"\varphi\Bigl(\frac{y - b}{a}\Bigr)", r"\Phi(z)", r"\tanh(\zeta(x))"])
def test_a_greek_function_letter_the_text_does_not_define_is_refused_before_a_bracket(call):
    r"""φ(…), Φ(…), ζ(x) name a density, a CDF, a softplus: read as φ times a bracket they made false
    alarms in a held-out textbook on flows. Undefined, they are refused; λ(x − 1) still multiplies."""
    with pytest.raises(ParseError, match="a function the text does not define"):
        parse(call, reader="latex")
    assert parse(r"\lambda(x - 1)", reader="latex").is_Mul


def test_a_greek_function_letter_primed_and_called_is_its_derivative_there():
    r"""\phi'(z_j) is φ's derivative at z_j (a layer's activation), never φ' times z_j, nor refused as an
    undefined φ(…)."""
    read = parse(r"\phi'(z) + \varphi''(z)", reader="latex")
    assert {str(d) for d in read.atoms(Derivative)} == {"Derivative(phi(z), z)", "Derivative(phi(z), (z, 2))"}


LOGISTIC = r"""The logistic curve is
\[
P(t) = \frac{K}{1 + A e^{-rt}},
\]
and its reciprocal
\[
Q(t) = \frac{1}{P(t)}
\]
gives back the logistic equation:
\[
P' = -\frac{Q'}{Q^2} = rP\Bigl(1 - \frac{P}{K}\Bigr)
\]"""


def test_primes_on_functions_the_text_defined_differentiate_by_their_variable():
    r"""P' = −Q'/Q² where P(t) = … is defined: the primes are by t (a guessed r differentiated a function
    of t by r, and the forum thread checking the logistic equation got false alarms); P(1 − P/K) with
    P(t) defined multiplies, never calls P at 1 − P/K. A slip in the right side is still wrong."""
    verdicts = [k.verdict for k in check(LOGISTIC, "logistic.tex").chains[-1].links]
    assert verdicts[-1] == VALID
    slip = LOGISTIC.replace(r"1 - \frac{P}{K}", r"1 - \frac{P}{2K}")
    assert [k.verdict for k in check(slip, "logistic.tex").chains[-1].links][-1] == INVALID


BY_PARTS = r"""With $n = 1, 2, \dots$:
\begin{align*}
b_n &= 2\int_0^1 x\sin(n\pi x)\,dx\\
&= 2\Bigl[-\frac{x\cos(n\pi x)}{n\pi}\Bigr]_0^1 + \frac{2}{n\pi}\int_0^1 \cos(n\pi x)\,dx\\
&= -\frac{2\cos(n\pi)}{n\pi} + \frac{2}{n\pi}\Bigl[\frac{\sin(n\pi x)}{n\pi}\Bigr]_0^1\\
&= \frac{2(-1)^{n+1}}{n\pi}
\end{align*}
"""


def test_an_evaluation_bracket_a_line_after_an_integral_is_in_the_integrals_variable():
    r"""[sin(nπx)/(nπ)]_0^1 in n and x, a line after ∫_0^1 … dx (integrating by parts): in x. It had been
    refused as "several variables", and a slip in that line went unread. A bracket with no integral in
    its chain still says which letter it cannot choose."""
    report = check(BY_PARTS, "coefficients.tex")
    assert not any("several variables" in e for c in report.chains for e in c.errors.values())
    assert INVALID not in [k.verdict for k in report.links]
    slip = check(BY_PARTS.replace(r"&= -\frac{2\cos", r"&= \frac{2\cos"), "coefficients.tex")
    assert INVALID in [k.verdict for k in slip.links]
    alone = check("$$ \\Bigl[\\frac{\\sin(n\\pi x)}{n\\pi}\\Bigr]_0^1 = 0 $$\n", "bracket.tex")
    assert any("several variables" in e for c in alone.chains for e in c.errors.values())


COST = r"""The cost
$$J(\theta) = -\frac{1}{n}\sum_{i=1}^{n}\Big[y_i\log h_i + (1 - y_i)\log(1 - h_i)\Big]$$
with $h_i = \sigma(\theta^\top x_i)$.

$$J(ARG) = J(\theta).$$
"""


def test_a_function_whose_variable_stands_in_its_body_only_through_another_definition_is_read_at_its_argument():
    """J(θ) = −(1/n) Σ_i [y_i log h_i + …] with h_i = σ(θᵀx_i): θ is in J only through h_i. J(θ₀) had been
    read as J(θ) (the argument put into a body without θ, before h_i was written out), and J(θ₀) = J(θ)
    certified. Now h_i is written out first: at θ₀ its entries are θ₀'s; at 2θ, which entries are
    meant derive cannot tell, and it says so."""
    elsewhere = check(COST.replace("ARG", r"\theta_0"), "cost.md")
    assert [k.verdict for k in elsewhere.links] == [INVALID]
    scaled = check(COST.replace("ARG", r"2\theta"), "cost.md")
    assert [k.verdict for k in scaled.links] == [UNDECIDED]
    assert any("entries of theta" in e for c in scaled.chains for e in c.errors.values())
