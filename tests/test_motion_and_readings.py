"""Readings and rules a held-out corpus of physics, calculus and Bayesian notes (corpus_ml13) showed
missing or wrong: each with a correct text that must not be called wrong and a slip that must be
found (or, for a refusal, the reason given)."""

import pytest
from sympy import Symbol, pi

from derive.checker import DEFINITION, INVALID, UNDECIDED, VALID, check
from derive.errors import ParseError
from derive.parse import parse


def links(text, name="notes.md"):
    return check(text, name).links


def verdicts(text, name="notes.md"):
    return [k.verdict for k in links(text, name)]


def test_a_slash_divides_by_the_letters_written_right_after_it_in_latex():
    """e^{-t/RC} is e^{−t/(RC)} and x²/2σ² is x²/(2σ²), as typeset mathematics writes them (read as
    (t/R)C they were silently wrong); a space, a function, a root or a \\cdot ends the divisor (1/2 mv²
    is ½mv²); typed text keeps 1/2x = x/2."""
    t, r, c, x, s = (Symbol(n, real=True) for n in ("t", "R", "C", "x", "sigma"))
    assert parse(r"e^{-t/RC}", reader="latex").equals(parse(r"e^{-\frac{t}{RC}}", reader="latex"))
    assert (parse(r"x^2/2\sigma^2", reader="latex") - x**2 / (2 * s**2)).simplify() == 0
    assert (parse(r"1/2\pi", reader="latex") - 1 / (2 * pi)).simplify() == 0
    assert (parse(r"a/b \cdot c", reader="latex") - Symbol("a", real=True) * Symbol("c", real=True)
            / Symbol("b", real=True)).simplify() == 0
    assert (parse("1/2x", reader="plain") - x / 2).simplify() == 0
    m, v = Symbol("m", real=True), Symbol("v", real=True)
    assert (parse(r"1/2 mv^2", reader="latex") - m * v**2 / 2).simplify() == 0
    gaussian = r"$$ \log\left(1/\sqrt{2\pi}\, e^{-x^2/2}\right) = -\frac12\log(2\pi) - \frac{x^2}{2} $$"
    assert verdicts(gaussian) == [VALID]
    assert verdicts(r"$$ \frac{d}{dx}(1/2 \sin^2 x) = \sin x\cos x $$") == [VALID]
    assert verdicts(r"$$ \frac{d}{dt} e^{-t/RC} = -\frac{1}{RC} e^{-t/RC} $$") == [VALID]
    assert verdicts(r"$$ \frac{d}{dt} e^{-t/RC} = -\frac{C}{R} e^{-t/RC} $$") == [INVALID]


def test_a_calligraphic_letter_before_a_sum_in_brackets_is_refused():
    r"""\mathcal{E}(1 - e^{-t/RC}): an emf times a bracket, or a function at that point? Refused, never
    guessed; \mathcal{L}(w, b) and \mathcal{L}(\theta) stay calls."""
    with pytest.raises(ParseError, match="of a sum"):
        parse(r"\mathcal{E}(1 - e^{-t})", reader="latex")
    assert str(parse(r"\mathcal{L}(w, b)", reader="latex")) == "Lcal(w, b)"


def test_a_precision_defines_its_spread():
    """1/τ_n² = 1/τ_0² + n/σ² defines τ_n (its positive root), so the numbers after it check; a link
    that uses τ_n before that display is no counterexample (defined only later)."""
    text = r"""Data $x_1, \dots, x_n$ with $\sigma^2$ known and prior variance $\tau_0^2$.

$$\frac{d^2}{d\theta^2}\ell = -\frac{1}{\tau_0^2} - \frac{n}{\sigma^2} = -\frac{1}{\tau_n^2}$$

$$\frac{1}{\tau_n^2} = \frac{1}{\tau_0^2} + \frac{n}{\sigma^2}$$

With $\tau_0^2 = 1$, $\sigma^2 = 4$, $n = 4$:

$$\frac{1}{\tau_n^2} = 1 + \frac{4}{4} = 2$$"""
    found = links(text)
    assert found[1].verdict == UNDECIDED and "tau_n is defined only later" in found[1].reason
    assert found[-1].verdict == VALID  # (its first link, 1/τ_n² = 1 + 4/4, is read as τ_n given anew)
    assert verdicts(text.replace("= 1 + \\frac{4}{4} = 2", "= 1 + \\frac{4}{4} = 3"))[-1] == INVALID


def test_all_positive_after_a_list_of_names():
    """"mass $m$, stiffness $k$ (all $> 0$)": m and k are positive, so 2m√(k/m) = 2√(km)."""
    text = r"""Mass $m$, spring constant $k$ (all $> 0$). Name $\omega_0^2 = k/m$.

$$ 2m\omega_0 = 2\sqrt{km} $$"""
    assert verdicts(text) == [VALID]
    assert "m > 0" in links(text)[0].rule
    assert verdicts(text.replace(" (all $> 0$)", "")) == [INVALID]  # (m < 0 is a counterexample)


def test_a_square_defines_a_name_that_other_names_extend():
    """ω² = ω_0² − γ² defines ω (ω_0 is a name of its own, not ω written in the body); the boundary case
    "$\\gamma = \\omega_0$" relates two defined names and redefines neither."""
    text = r"""Let $\gamma = b/(2m)$, $\omega_0^2 = k/m$ and $\omega^2 = \omega_0^2 - \gamma^2$, with $m, k > 0$.

$$ (\omega_0^2 - \gamma^2 - \omega^2)\cos\omega t = 0 $$

In the boundary case $\gamma = \omega_0$ nothing oscillates. With $m = 1$, $k = 4$, $b = 0.4$:

$$ \omega = \sqrt{\omega_0^2 - \gamma^2} = \sqrt{4 - 0.04} $$"""
    assert verdicts(text) == [VALID, VALID, VALID]
    assert verdicts(text.replace(r"\sqrt{4 - 0.04}", r"\sqrt{4 - 0.4}"))[-1] == INVALID


def test_the_imaginary_unit_is_no_letter_derive_assumes():
    """(−γ + iω)² + 2γ(−γ + iω) + ω_0² = ω_0² − γ² − ω²: true if i² = −1, false for a letter i."""
    text = r"$$(-\gamma + i\omega)^2 + 2\gamma(-\gamma + i\omega) + \omega_0^2 = \omega_0^2 - \gamma^2 - \omega^2$$"
    found = links(text)
    assert found[0].verdict == UNDECIDED and "imaginary unit" in found[0].reason
    assert verdicts(text.replace(r"= \omega_0^2 - \gamma^2 - \omega^2", r"= \omega_0^2 + \gamma^2 - \omega^2")) == [
        INVALID]


def test_a_letter_tied_to_the_variable_by_a_stated_equation_is_no_constant():
    """A = xy after "$2x + y = 600$": xy = x(600 − 2x) holds by the equation, and A'(x) taking y for a
    constant is no verdict (it was called wrong); an implicit derivative that writes y' itself is still
    checked, and its slip found."""
    text = r"""Sides $x$ and $y$ with $2x + y = 600$.

$$A = xy = x(600 - 2x)$$

$$A'(x) = 600 - 4x$$

On the curve $x^2 + xy + y^2 = 7$:

$$\frac{d}{dx}\bigl(x^2 + xy + y^2\bigr) = 2x + y + xy' + 2yy'$$"""
    found = links(text)
    assert [k.verdict for k in found] == [VALID, UNDECIDED, VALID]
    assert "y depends on x through 2x + y = 600" in found[1].reason
    assert verdicts(text.replace("= 2x + y + xy'", "= 2x + xy'"))[-1] == INVALID


LAW = r"""Mass $m$, spring $k$, drag $b$ (all $> 0$): $m\ddot x + b\dot x + kx = 0$.

Take $x(t) = e^{-t}\cos t$. Then

$$\dot x = -e^{-t}(\cos t + \sin t)$$

$$\ddot x = 2e^{-t}\sin t$$

Along any solution ($m\ddot x = -b\dot x - kx$),

$$\frac{d}{dt}\Bigl(\frac12 m\dot x^2 + \frac12 kx^2\Bigr) = \dot x\,(m\ddot x + kx) = -b\dot x^2$$"""


def test_a_derivative_worked_out_is_no_law_and_a_law_restated_frees_the_motion():
    """ẋ = −e^{−t}(cos t + sin t) after x(t) = e^{−t}cos t is a claim (checked), not a law of motion that
    would make x any motion again; "along any solution (mẍ = −bẋ − kx)" does: the energy's rate is
    −bẋ² for every solution, not only e^{−t}cos t (whose m, k, b are not those)."""
    assert verdicts(LAW) == [VALID, VALID, VALID, VALID]
    assert verdicts(LAW.replace(r"= 2e^{-t}\sin t", r"= 2e^{-t}\cos t"))[1] == INVALID
    # a law makes a link valid, never wrong (the text may rest it on something else): a slip there is
    # no longer valid, and not called wrong either
    assert verdicts(LAW.replace(r"= -b\dot x^2", r"= -2b\dot x^2"))[-1] == UNDECIDED


ENERGY_KEPT = r"""The oscillator obeys $m\ddot x + kx = 0$, released from rest at amplitude $A$.

$$\frac12 m\dot x^2 + \frac12 kx^2 = \frac12 kA^2$$

$$\dot x^2 = \frac{k}{m}(A^2 - x^2)$$"""


def test_a_law_of_motion_never_makes_a_link_wrong():
    """ẋ = 0.5 (a rate) and x² + y² = 25 tie the ladder's y to x: 2xẋ + 2yẏ = 0 holds by the constraint;
    the energy a motion keeps ties ẋ to x (A set by the start): neither is called wrong by the law."""
    assert verdicts(ENERGY_KEPT) == [UNDECIDED, UNDECIDED]
    text = r"""The foot slides at $\dot x = 0.5$ with $x^2 + y^2 = 25$ at all times.

$$\frac{d}{dt}\bigl(x^2 + y^2\bigr) = 2x\dot x + 2y\dot y = 0$$"""
    assert verdicts(text)[0] == VALID
    assert verdicts(text)[1] != INVALID


def test_a_moving_name_at_a_number_is_refused_and_a_primed_x_is_no_variable():
    """x(0) of a moving x is x at the start, never x times 0 (x(0) + 1 = 1 was certified); x' = 2x makes
    x a function, never the variable (d/dx x = 1 called it wrong)."""
    text = r"""The decay obeys $\dot x = -kx$, starting from $x(0) = 5$.

$$ x(0) + 1 = 1 $$

$$ x' = 2x $$"""
    found = links(text)
    assert [k.verdict for k in found] == [UNDECIDED, UNDECIDED]
    assert "a time other than t" in found[0].reason


def test_a_boundary_case_between_defined_names_is_a_stated_equation():
    """"the boundary case $\\gamma = \\omega_0$" after γ and ω_0 were defined: γ² − ω_0² = 0 holds there."""
    text = r"""Let $\gamma = b/(2m)$ and $\omega_0^2 = k/m$ with $m, k > 0$. In the boundary case $\gamma = \omega_0$,

$$ \gamma^2 - \omega_0^2 = 0 $$"""
    assert verdicts(text) == [VALID]


def test_all_positive_skips_a_name_the_sentence_quantifies_otherwise():
    """"for any real $x$ and a mass $m$ with stiffness $k$ (all $> 0$)": m and k positive, x any real
    number (√(x²) = x is then no identity)."""
    text = r"""For any real $x$ and a mass $m$ with stiffness $k$ (all $> 0$):

$$ \sqrt{x^2} = x $$

$$ \sqrt{m^2 k^2} = mk $$"""
    assert verdicts(text) == [INVALID, VALID]


STARRED = r"""The closest point of $3x + 4y = 25$ to the origin gives
$$C^* = 3^2 + 4^2 = 25$$
and for the line $3x + 4y = c$,
$$C^*(c) = \Bigl(\frac{c}{5}\Bigr)^2 = \frac{c^2}{25}$$"""


def test_a_starred_name_at_a_letter_heads_a_definition_of_a_function():
    """C^*(c) = (c/5)^2, after the number C^* = 25: the optimum as a function of c, defined here (it was
    read C^* times c, with C^* = 25, and the correct line called wrong)."""
    chains = check(STARRED, "notes.md").chains
    assert [k.verdict for k in chains[-1].links] == [DEFINITION, VALID]
    slipped = check(STARRED.replace(r"= \frac{c^2}{25}", r"= \frac{c^2}{5}"), "notes.md").chains
    assert [k.verdict for k in slipped[-1].links] == [DEFINITION, INVALID]
