"""The function and its derivative on one labelled figure: the origin document's figures, drawn right.

The document's code draws 1/(1 + e^x), which is σ(−x); derive draws σ(x) = 1/(1 + e^{−x}) and σ'(x)
from the derivation itself, with the document's dashed guides at y = 0.5 and x = 0 for σ.
matplotlib is the optional `plot` extra.
"""

from __future__ import annotations

import os

from sympy import Expr, Symbol, lambdify
from sympy.core.function import AppliedUndef

from derive.errors import DeriveError
from derive.exprs import preorder
from derive.files import write_atomically
from derive.functions import NamedFunction
from derive.render.printer import latex, text

FORMATS = ("png", "svg", "pdf")
DPI = 200
LONG = 60  # characters: a derivative longer than this is "derivative" in the legend, not its formula


class MissingExtra(DeriveError):
    """matplotlib is not installed."""


def _pyplot():
    try:
        import matplotlib
    except ImportError:
        raise MissingExtra("plotting needs matplotlib: pip install 'derive[plot]'") from None
    matplotlib.use("Agg")  # no screen needed
    import matplotlib.pyplot as plt

    return plt


def _values(expr: Expr, x: Symbol, xs):
    """expr on the grid, NaN where it has no real value (a pole, outside its domain)."""
    import numpy

    from derive.render.code import stable

    unknown = [n for n in preorder(expr) if isinstance(n, AppliedUndef) and not isinstance(n, NamedFunction)]
    if unknown:  # g(x) with no definition has no values (lambdify would leave a NameError for later)
        raise DeriveError(f"cannot plot the unknown function {type(unknown[0]).__name__}")
    f = lambdify(x, stable(_opened(expr)), modules=[_stable_numpy(), "numpy"])  # our own expression, not user text
    with numpy.errstate(all="ignore"):
        ys = numpy.asarray(f(xs), dtype=complex) * numpy.ones_like(xs)
    real = numpy.where(numpy.abs(ys.imag) < 1e-12, ys.real, numpy.nan)
    return numpy.where(numpy.isfinite(real), real, numpy.nan)


def _opened(expr: Expr) -> Expr:
    """expr with the user's functions written out by their bodies; σ and softplus stay, for _stable_numpy."""
    from derive.functions import sigmoid, softplus

    def is_open(e):
        return isinstance(e, NamedFunction) and not isinstance(e, (sigmoid, softplus))

    return expr.replace(is_open, lambda e: _opened(e.body_at(e.args[0])))


def _stable_numpy() -> dict:
    """σ and softplus as the generated code computes them: log(1 + e^800) is inf, and a gap in the curve."""
    import numpy

    def sigmoid(u):
        e = numpy.exp(-numpy.abs(u))
        return numpy.where(u >= 0, 1 / (1 + e), e / (1 + e))

    return {"sigmoid": sigmoid, "softplus": lambda u: numpy.logaddexp(0, u)}


def _window(curves) -> tuple[float, float]:
    """The vertical range that shows the curves, not the poles: the 5th to 95th percentile, widened to
    the whole curve where nothing runs off, and padded."""
    import numpy

    values = numpy.concatenate([ys[numpy.isfinite(ys)] for ys in curves] or [numpy.zeros(1)])
    if values.size == 0:
        raise DeriveError("the function has no real value on this range: try another --range")
    low, high = numpy.percentile(values, [5, 95])
    spread = high - low
    if values.min() > low - spread:  # no pole below: show the whole curve
        low = values.min()
    if values.max() < high + spread:
        high = values.max()
    pad = 0.08 * (high - low) or 0.5
    return float(low - pad), float(high + pad)


def _broken_at_poles(ys, height: float):
    """No line drawn across a pole: a jump taller than the window splits the curve."""
    import numpy

    ys = ys.copy()
    jumps = numpy.abs(numpy.diff(ys)) > height
    ys[1:][jumps] = numpy.nan
    return ys


def _label(expr: Expr) -> str:
    """The expression in matplotlib's mathtext, or as plain text where mathtext cannot set it."""
    from matplotlib.mathtext import MathTextParser

    math = f"${latex(expr)}$"
    try:
        MathTextParser("path").parse(math)
        return math
    except ValueError:
        return text(expr)


def _curves(f: Expr, x: Symbol, derivative: Expr | None, xs) -> list[tuple]:
    """(values, label, colour) of f and f': f' only where f itself is real and defined (ln'(x) = 1/x is
    real at x < 0, yet ln is not: nothing is drawn there)."""
    import numpy

    values = _values(f, x, xs)
    curves = [(values, _label(f), "#1f77b4")]
    if derivative is not None:
        slopes = numpy.where(numpy.isnan(values), numpy.nan, _values(derivative, x, xs))
        label = "derivative" if len(text(derivative)) > LONG else "derivative: " + _label(derivative)
        curves.append((slopes, label, "#d62728"))
    return curves


def figure(f: Expr, x: Symbol, derivative: Expr | None = None, span: tuple[float, float] = (-10, 10),
           title: str | None = None, guides: bool = False):
    """The matplotlib figure of f (and its derivative) over span; the legend below the axes, where it
    covers no curve."""
    plt = _pyplot()
    import numpy

    xs = numpy.linspace(*span, 801)
    curves = _curves(f, x, derivative, xs)
    bottom, top = _window([ys for ys, _, _ in curves])
    fig, ax = plt.subplots(figsize=(6.4, 4.6), layout="constrained")
    for ys, label, color in curves:
        ax.plot(xs, _broken_at_poles(ys, top - bottom), label=label, color=color, lw=2)
    ax.set_xlim(*span)  # the range asked for, though the curves stop where the function is undefined
    ax.set_ylim(bottom, top)
    if guides:  # the document's dashed guides
        ax.axhline(0.5, color="gray", ls="--", lw=1, alpha=0.7)
        ax.axvline(0, color="gray", ls="--", lw=1, alpha=0.7)
    ax.set_xlabel(_label(x))
    ax.set_title(title or _label(f))
    ax.grid(alpha=0.25)
    short = all(len(label) <= LONG // 2 for _, label, _ in curves)
    fig.legend(loc="outside lower center", ncols=len(curves) if short else 1, frameon=False)
    return fig


def plot(f: Expr, x: Symbol, path: str, derivative: Expr | None = None, span: tuple[float, float] = (-10, 10),
         title: str | None = None, guides: bool = False) -> str:
    """Draw f (and its derivative) over span into path (.png at 200 dpi, .svg or .pdf), atomically."""
    kind = os.path.splitext(path)[1].lstrip(".").lower()
    if kind not in FORMATS:
        raise DeriveError(f"a plot is written as .png, .svg or .pdf, not {path!r}")
    lo, hi = span
    if not lo < hi:
        raise DeriveError(f"--range wants A < B, not {lo:g} {hi:g}")
    fig = figure(f, x, derivative, span, title, guides)
    try:
        write_atomically(path, lambda handle: fig.savefig(handle, format=kind, dpi=DPI, bbox_inches="tight"))
    finally:
        _pyplot().close(fig)
    return path
