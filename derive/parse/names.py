"""One symbol per name, whatever the spelling: the one place that decides a symbol's canonical name.

α, alpha and \\alpha are the symbol alpha; x_1, x_{1} and x1 are x_1; x_{ij} and x_ij are x_ij;
θ_0, theta_0 and \\theta_{0} are theta_0. Both readers and the command line (--wrt α) ask here, so
that a name spelled two ways never becomes two symbols (d/dα of α² + x must not be 0). Canonical
names are the ones SymPy's latex() prints back as the usual LaTeX: theta_0 → \\theta_{0}.
"""

from __future__ import annotations

import re
import unicodedata

from sympy import Symbol

from derive.errors import ParseError

GREEK = frozenset({"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
                   "lambda", "mu", "nu", "xi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi",
                   "omega", "ell"})  # no omicron: it prints as o, and would read back as another symbol;
# \ell is no Greek letter, but a letter a command names all the same (ℓ for a loss or a likelihood)
# Capitals that LaTeX writes with a command of their own; the others look like Latin letters.
GREEK_CAPITALS = frozenset({"Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi",
                            "Psi", "Omega"})
VARIANTS = {"varepsilon": "epsilon", "vartheta": "theta", "varphi": "phi", "varrho": "rho",
            "varsigma": "sigma", "lamda": "lambda"}
NOT_VARIABLES = {"e": "e is Euler's number", "pi": "π is a number", "π": "π is a number"}

_UNICODE_GREEK = re.compile(r"GREEK (SMALL|CAPITAL) LETTER (?:FINAL )?([A-Z]+)")
_PART = re.compile(r"\s+|\\([A-Za-z]+)|([A-Za-z0-9])|([\u0370-\u03ff])")
_SPELLING = re.compile(r"(\\?)([A-Za-z]+|[\u0370-\u03ff])(\d*)(?:_(.+))?", re.DOTALL)


def greek_name(spelling: str) -> str | None:
    """alpha, \\alpha's name or α → 'alpha'; Γ → 'Gamma'; None for anything that is not a Greek letter."""
    if len(spelling) == 1 and "\u0370" <= spelling <= "\u03ff":
        m = _UNICODE_GREEK.fullmatch(unicodedata.name(spelling, ""))
        if m is None:
            return None
        spelling = m.group(2).lower() if m.group(1) == "SMALL" else m.group(2).capitalize()
    spelling = VARIANTS.get(spelling, spelling)
    return spelling if spelling in GREEK or spelling in GREEK_CAPITALS else None


def base_name(spelling: str) -> str | None:
    """The name of one letter: a Latin letter as it is, a Greek one by its name; None otherwise."""
    if len(spelling) == 1 and spelling.isascii() and spelling.isalpha():
        return spelling
    return greek_name(spelling)


def subscript_name(text: str) -> str | None:
    """'1', '{ij}', 'i j', '\\alpha', 'α0' → the subscript's canonical text; None when it is not letters
    and digits (x_{n+1} is an expression, not a name)."""
    text = text.strip()
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1]
    parts, i = [], 0
    while i < len(text):
        m = _PART.match(text, i)
        if m is None:
            return None
        if m.group(1) is not None:
            name = greek_name(m.group(1))
            if name is None:
                return None
            parts.append(name)
        elif m.group(2) or m.group(3):
            name = base_name(m.group(2) or m.group(3))
            if name is None and not (m.group(2) or "").isdigit():
                return None
            parts.append(name or m.group(2))
        i = m.end()
    return "".join(parts) or None


# \hat{y} is the symbol yhat, \bar{x} xbar, \mathbf{z} zbold: SymPy prints these names back as
# \hat{y}, \bar{x}, \boldsymbol{z}; a decorated symbol is a symbol of its own (ŷ is not y)
DECORATIONS = ("hat", "bar", "tilde", "vec", "bold", "cal", "scr")


def canonical(base: str, subscript: str | None = None, decoration: str = "") -> str | None:
    """The canonical name of base (a letter, a Greek letter or its name) with its decoration and
    subscript, or None."""
    name = base_name(base)
    if name is None and base.lstrip("\\") == "pi" and subscript is not None:
        name = "pi"  # π_θ, π_k: a policy, a mixture weight; π alone is the number
    if name is None:
        return None
    name += decoration
    if subscript is None:
        return name
    sub = subscript_name(subscript)
    return None if sub is None else f"{name}_{sub}"


def spelled(text: str) -> str | None:
    """The canonical name of one variable however it is spelled (x, x1, x_{1}, α, alpha, \\alpha,
    \\theta_{0}, θ_0, x_ij), or None when text is not one variable's name."""
    m = _SPELLING.fullmatch(text.strip())
    if m is None:
        return None
    backslash, base, digits, subscript = m.groups()
    decoration = next((d for d in DECORATIONS if base.endswith(d) and base_name(base[:-len(d)])), "")
    base = base[:len(base) - len(decoration)]
    if backslash and greek_name(base) is None:
        return None  # \x is no variable, and \sin no Greek letter
    if len(base) > 1 and greek_name(base) is None:
        return None  # xy is a product, sin a function
    if digits and subscript is not None:
        return None
    return canonical(base, digits or subscript, decoration)


def make(name: str) -> Symbol:
    """The symbol of a canonical name: real, as every symbol derive reads."""
    return Symbol(name, real=True)


def symbol(spelling: str) -> Symbol:
    """The symbol that both readers make for this spelling of one variable (for --wrt α, --wrt \\alpha).

    Raises ParseError for anything that is not one variable's name: e, π, products, expressions.
    """
    from derive.parse.characters import normalize

    text = normalize(spelling, superscripts=False).strip()
    if len(text) > 2 and text[0] == "$" and text[-1] == "$":
        text = text[1:-1].strip()
    if text.lstrip("\\") in NOT_VARIABLES:
        raise ParseError(f"{spelling!r} is not a variable: {NOT_VARIABLES[text.lstrip(chr(92))]}", spelling, 0)
    name = spelled(text)
    if name is None:
        raise ParseError(f"{spelling!r} is not the name of one variable (x, x_1, alpha, \\theta_0)", spelling, 0)
    return make(name)


def letter_of(name) -> str:
    """The letter a name is written with: θ of θ̂, θ_0 and θ*; x of x_i (D of 𝒟 stays Dcal)."""
    letter = str(name).partition("_")[0].rstrip("*'")
    return re.sub(r"(?:hat|bar|tilde|star|bold|vec)+$", "", letter) or letter
