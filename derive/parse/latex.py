"""Read LaTeX math into SymPy, as written (unevaluated), with a tokenizer and grammar of derive's own.

Papers and blogs write things every third-party reader tried gets wrong, silently: primes
(f'(x), (e^x+1)', {e^{x}}^{\\prime}), \\sigma(x+1) as σ·(x+1), \\cos x \\cdot \\cos x as cos(x·cos x),
x(x^3) as a function x, x^2^3 as x^6, a stray 1 in \\frac{1}{…}. So derive reads LaTeX itself
(latex_tokens → latex_reader → latex_commands), from a whitelist, with the plain reader's building
helpers: what it cannot read it refuses with the column and the reason, and user text never reaches
eval, sympify or parse_expr.
"""

from __future__ import annotations

from sympy import Expr

from derive.errors import ParseError
from derive.parse.characters import normalize as normalize_characters
from derive.parse.delimiters import strip_math_delimiters
from derive.parse.latex_reader import Reader
from derive.parse.limits import DEFAULT, Limits, check_text, check_tree
from derive.parse.names import symbol


# Unicode math symbols some writers type for the commands: read as the commands
_COMMANDS_OF = {"∞": r"\infty ", "≤": r"\leq ", "≥": r"\geq ", "≠": r"\neq ", "∂": r"\partial ",
                "∑": r"\sum ", "∏": r"\prod ", "∫": r"\int ", "≈": r"\approx ", "→": r"\to "}


def normalize(text: str) -> str:
    """The characters derive reads (en-dash and Unicode minus as -, × and · as *, NFKC forms, ∞ as
    \\infty and the other math symbols as their commands)."""
    for symbol_, command in _COMMANDS_OF.items():
        text = text.replace(symbol_, command)
    return normalize_characters(text, superscripts=False)


def parse_latex(text: str, variable: str = "x", limits: Limits = DEFAULT,
                functions: dict[str, type] | None = None, quantities: frozenset[str] = frozenset(),
                gradients: dict[str, str] | None = None, integrated: frozenset[str] = frozenset()) -> Expr:
    """The expression that LaTeX text writes, unevaluated; primes are derivatives in variable.

    functions: names the user defined (g → its SymPy class), read like the built-in ones.
    Raises ParseError (with the 0-based column where it can point) or LimitError.
    """
    check_text(text, limits)
    body = normalize(strip_math_delimiters(text))
    expr = Reader(body, symbol(variable), limits, dict(functions or {}), quantities, gradients, integrated).parse()
    check_tree(expr, limits)
    return expr


__all__ = ["ParseError", "normalize", "parse_latex"]
