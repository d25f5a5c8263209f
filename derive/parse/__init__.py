"""Readers of user text, plain or LaTeX. Nothing here passes user text to eval, sympify or
parse_expr: they execute code.

parse(text) picks the reader: text with a backslash or a $ is LaTeX, anything else plain.
"""

from __future__ import annotations

from sympy import Expr

from derive.errors import ParseError
from derive.parse.delimiters import strip_math_delimiters
from derive.parse.limits import DEFAULT, Limits

READERS = ("auto", "plain", "latex")


def is_latex(text: str) -> bool:
    return "\\" in text or "$" in text


def parse(text: str, reader: str = "auto", variable: str = "x", limits: Limits = DEFAULT,
          functions: dict[str, type] | None = None, real: bool = True,
          quantities: frozenset[str] = frozenset(), gradients: dict[str, str] | None = None,
          integrated: frozenset[str] = frozenset()) -> Expr:
    """The expression text writes, as written (unevaluated); symbols are real unless told otherwise.

    reader: "auto" (LaTeX when the text has a backslash or a $), "plain" or "latex".
    variable: the one that primes in LaTeX differentiate by.
    functions: names the user defined (g → its SymPy class), read like the built-in ones.
    real: symbols are real unless this says otherwise (then they are complex, as SymPy's default).
    quantities: names a document defined as quantities (h_i = σ(a_i)): h_k(1 - h_k) multiplies.
    gradients: a quantity of one vector → the vector's name (J(𝐰): J → wbold), what ∇J is taken by.
    integrated: letters the lines around integrate in (∫ … dx): an evaluation bracket's variable.
    Raises derive.errors.ParseError (with the column) or LimitError.
    """
    expr = _read(text, reader, variable, limits, functions, quantities, gradients or {}, integrated)
    _refuse_undefined(expr, text)
    if real:
        return expr
    from sympy import Symbol

    from derive.exprs import rebuild

    return rebuild(expr, lambda node: Symbol(node.name) if isinstance(node, Symbol) and node.is_real else None)


def _read(text: str, reader: str, variable: str, limits: Limits, functions: dict[str, type] | None,
          quantities: frozenset[str] = frozenset(), gradients: dict[str, str] | None = None,
          integrated: frozenset[str] = frozenset()) -> Expr:
    if not isinstance(text, str):
        raise ParseError(f"expected text, not {type(text).__name__}")
    if reader not in READERS:
        raise ValueError(f"reader must be one of {', '.join(READERS)}")
    if reader == "latex" or (reader == "auto" and is_latex(text)):
        from derive.parse.latex import parse_latex

        return parse_latex(strip_math_delimiters(text), variable, limits, functions, quantities, gradients, integrated)
    from derive.parse.plain import parse_plain

    return parse_plain(text, limits, functions, variable)


def _refuse_undefined(expr: Expr, text: str) -> None:
    """1/(x - x), 0^0, x^{-1} at x = 0 written so: an expression without a value is refused, never
    differentiated to a confident 0 (SymPy would print zoo, or take 0^0 for 1)."""
    from sympy import Pow, nan, zoo

    from derive.exprs import preorder, tidy

    for node in preorder(expr):
        if isinstance(node, Pow) and tidy(node.base) == 0:
            exponent = tidy(node.exp)
            if exponent == 0:
                raise ParseError("0^0 is undefined", text)
            if exponent.is_negative:
                raise ParseError("division by zero", text)
            if not exponent.is_number:  # 0^x: 0 for x > 0, undefined at and below 0
                raise ParseError("a power of 0 with a variable exponent is undefined where the exponent "
                                 "is not positive", text)
    if tidy(expr).has(zoo, nan):
        raise ParseError("the expression is undefined somewhere it is written (a division by zero, "
                         "or the logarithm of 0)", text)
