"""A function named in words, for titles: "the sigmoid", "the GELU", "a quotient".

A title is words (an article's \\title is set large; a formula there is a display-size formula in
the wrong place); the formula itself follows in the first sentence.
"""

from __future__ import annotations

from sympy import Add, Expr, Mul, Pow, Sum, Symbol, cos, erf, exp, log, pi, sin, sqrt, tan, tanh

from derive.functions import sigmoid, softplus

_POINTS = (0.37, 1.61, -2.23)


def _known(x: Symbol) -> list[tuple[Expr, str]]:
    """Functions of x that have a name, as any spelling of them computes them."""
    return [
        (sigmoid(x), "the sigmoid"), (tanh(x), "the hyperbolic tangent"), (softplus(x), "the softplus function"),
        (x * sigmoid(x), "the swish function"), (x * tanh(softplus(x)), "the mish function"),
        (x / 2 * (1 + erf(x / sqrt(2))), "the GELU"), (exp(-x ** 2 / 2) / sqrt(2 * pi), "the standard normal density"),
        (sin(x), "the sine"), (cos(x), "the cosine"), (tan(x), "the tangent"), (exp(x), "the exponential"),
        (log(x), "the natural logarithm"),
    ]


def _agrees(f: Expr, g: Expr, x: Symbol) -> bool:
    """f and g have the same values at a few points (a name in a title, not a claim anyone checks)."""
    try:
        for v in _POINTS:
            a, b = complex(f.subs(x, v).evalf(30)), complex(g.subs(x, v).evalf(30))
            if abs(a - b) > 1e-12 * (1 + abs(b)):
                return False
        return True
    except (TypeError, ValueError, ArithmeticError):
        return False


def function_name(f: Expr, x: Symbol) -> str:
    """f's name when it has one of its own, else what kind of expression it is."""
    if f.free_symbols == {x}:
        for form, name in _known(x):
            if _agrees(f, form, x):
                return name
    if isinstance(f, Sum):
        return "a sum over an index"
    if isinstance(f, Add):
        return "a sum"
    if isinstance(f, Mul):
        below = any(isinstance(a, Pow) and a.exp.is_negative for a in f.args)
        return "a quotient" if below else "a product"
    if isinstance(f, Pow):
        return "a power"
    if f.args and not all(a.is_Symbol or a.is_Number for a in f.args):
        return "a composite function"
    return "a function"


def derivative_words(order: int) -> str:
    return {1: "derivative", 2: "second derivative", 3: "third derivative"}.get(order, f"derivative of order {order}")


def target_math(name: str) -> str:
    """The function a result is written in terms of, as math: $\\sigma$, $\\tanh$, $g$. Softplus's
    derivatives are written in σ, the function its derivative is (derive.steer.written_in)."""
    if name == "softplus":
        return r"$\sigma$, the derivative of $\operatorname{softplus}$"
    known = {"sigmoid": r"\sigma", "sigma": r"\sigma", "σ": r"\sigma", "tanh": r"\tanh", "exp": r"e^{x}",
             "softmax": "s"}
    return f"${known.get(name, name)}$" if name != "self" else "$f$ itself"
