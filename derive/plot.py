"""The function and its derivative on one labelled figure: the origin document's figures, drawn right.

The document's code draws 1/(1 + e^x), which is σ(−x); derive draws σ(x) = 1/(1 + e^{−x}) and σ'(x)
from the derivation itself, with the document's dashed guides at y = 0.5 and x = 0 for σ.
matplotlib is the optional `plot` extra.
"""

from __future__ import annotations

import os

from sympy import Expr, Symbol, lambdify

from derive.errors import DeriveError
from derive.files import write_atomically
from derive.render.printer import latex

FORMATS = ("png", "svg", "pdf")
DPI = 200


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

    from derive.exprs import tidy
    from derive.functions import NamedFunction

    expanded = tidy(expr).replace(lambda e: isinstance(e, NamedFunction), lambda e: e.body_at(e.args[0]))
    f = lambdify(x, expanded, modules=["numpy"])  # code printed from our own expression, not user text
    with numpy.errstate(all="ignore"):
        ys = numpy.asarray(f(xs), dtype=complex) * numpy.ones_like(xs)
    real = numpy.where(numpy.abs(ys.imag) < 1e-12, ys.real, numpy.nan)
    return numpy.where(numpy.isfinite(real), real, numpy.nan)


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
        from derive.render.printer import text

        return text(expr)


def plot(f: Expr, x: Symbol, path: str, derivative: Expr | None = None, span: tuple[float, float] = (-10, 10),
         title: str | None = None, guides: bool = False) -> str:
    """Draw f (and its derivative) over span into path (.png at 200 dpi, .svg or .pdf), atomically."""
    kind = os.path.splitext(path)[1].lstrip(".").lower()
    if kind not in FORMATS:
        raise DeriveError(f"a plot is written as .png, .svg or .pdf, not {path!r}")
    lo, hi = span
    if not lo < hi:
        raise DeriveError(f"--range wants A < B, not {lo:g} {hi:g}")
    plt = _pyplot()
    import numpy

    xs = numpy.linspace(lo, hi, 801)
    curves = [(_values(f, x, xs), _label(f), "#1f77b4")]
    if derivative is not None:
        curves.append((_values(derivative, x, xs), "derivative: " + _label(derivative), "#d62728"))
    bottom, top = _window([ys for ys, _, _ in curves])
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    for ys, label, color in curves:
        ax.plot(xs, _broken_at_poles(ys, top - bottom), label=label, color=color, lw=2)
    ax.set_ylim(bottom, top)
    if guides:  # the document's dashed guides
        ax.axhline(0.5, color="gray", ls="--", lw=1, alpha=0.7)
        ax.axvline(0, color="gray", ls="--", lw=1, alpha=0.7)
    ax.set_xlabel(_label(x))
    ax.set_title(title or _label(f))
    ax.legend(loc="best")
    ax.grid(alpha=0.25)
    try:
        write_atomically(path, lambda handle: fig.savefig(handle, format=kind, dpi=DPI, bbox_inches="tight"))
    finally:
        plt.close(fig)
    return path
