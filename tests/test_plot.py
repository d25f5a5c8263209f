"""derive plot: the document's figures, drawn right, and looked at, not only written."""

import subprocess
import sys

import pytest

from conftest import run_derive

pytest.importorskip("matplotlib", reason="the plot extra (matplotlib) is not installed")
import matplotlib.image  # noqa: E402
import numpy  # noqa: E402

BLUE, RED = numpy.array([0x1F, 0x77, 0xB4]) / 255, numpy.array([0xD6, 0x27, 0x28]) / 255


def _pixels(image, color):
    """(rows, cols) of the pixels of one curve's colour."""
    rgb = image[..., :3]
    return numpy.nonzero(numpy.abs(rgb - color).sum(axis=2) < 0.08)


def test_sigmoid_png_draws_sigma_increasing_and_its_derivative(tmp_path):
    target = tmp_path / "sigmoid.png"
    out = run_derive("plot", "sigmoid", "-o", str(target))
    assert out.returncode == 0 and out.stdout.strip() == str(target)
    image = matplotlib.image.imread(target)
    assert image.shape[1] > 1000  # 200 dpi
    rows, cols = _pixels(image, BLUE)
    assert rows.size > 500
    width = image.shape[1]
    left = rows[(cols > 0.35 * width) & (cols < 0.45 * width)]
    right = rows[(cols > 0.55 * width) & (cols < 0.65 * width)]
    # σ(x) rises from 0 to 1: left of the middle its curve is low (large rows), right of it high.
    # (Away from the ends, where σ' lies over σ, and from the legend.) The document's own code drew
    # 1/(1+e^x) = σ(−x), which falls, and fails this.
    assert left.size and right.size and left.mean() > right.mean() + image.shape[0] / 4
    red_rows, red_cols = _pixels(image, RED)
    assert red_rows.size > 300
    central = (red_cols > 0.3 * width) & (red_cols < 0.7 * width)  # away from the legend
    peak = red_cols[central][numpy.argmin(red_rows[central])]  # σ' peaks at x = 0, mid-plot
    assert abs(peak - 0.53 * width) < width / 12


def test_svg_and_pdf(tmp_path):
    svg = tmp_path / "f.svg"
    assert run_derive("plot", "x sin(x)", "--range", "-6", "6", "-o", str(svg)).returncode == 0
    text = svg.read_text()
    assert text.lstrip().startswith("<?xml") and "<svg" in text and text.count("<path") > 10
    pdf = tmp_path / "f.pdf"
    assert run_derive("plot", "tanh(x)", "--no-derivative", "-o", str(pdf)).returncode == 0
    assert pdf.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("args, words", [
    (["x+", "-o", "{d}/out.png"], "expected"),
    (["x", "--range", "5", "1", "-o", "{d}/out.png"], "A < B"),
    (["x", "-o", "{d}/out.gif"], ".png, .svg or .pdf"),
    (["x", "-o", "{d}/missing/out.png"], "no such directory"),
    (["g(x)^2", "-o", "{d}/out.png"], "unknown function g"),  # (was an internal NameError)
])
def test_bad_input_writes_nothing(tmp_path, args, words):
    existing = tmp_path / "out.png"
    existing.write_bytes(b"mine")
    out = run_derive("plot", *[a.format(d=tmp_path) for a in args])
    assert out.returncode == 2 and out.stdout == "" and words in out.stderr
    assert existing.read_bytes() == b"mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.png"]


def test_without_matplotlib_the_error_names_the_extra(tmp_path):
    code = ("import sys; sys.modules['matplotlib'] = None\n"
            "from derive.cli import main\n"
            f"sys.exit(main(['plot', 'sigmoid', '-o', {str(tmp_path / 's.png')!r}]))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 2 and "derive[plot]" in out.stderr and out.stdout == ""
    assert list(tmp_path.iterdir()) == []


# --- what is drawn, read from the figure's own lines ---------------------------------------------------

def _figure(expression, tmp_path, span=(-10.0, 10.0)):
    """derive plot's figure of the expression and its derivative, written to a PNG as derive plot does."""
    from derive.automatic import differentiate
    from derive.plot import figure

    d = differentiate(expression)
    fig = figure(d.start.expr, d.start.variable_count[0][0], d.result, span)
    fig.savefig(tmp_path / "figure.png", dpi=100)  # (the Agg backend: derive.plot chose it)
    return fig


DOMAINS = [  # the expression, where it is real, where its derivative is, both by NumPy, apart from derive
    ("ln(x)", lambda x: (numpy.log(x), 1 / x), lambda x: x > 0, lambda x: x > 0),
    ("sqrt(x)", lambda x: (numpy.sqrt(x), 1 / (2 * numpy.sqrt(x))), lambda x: x >= 0, lambda x: x > 0),
    ("log(x^3 - x)", lambda x: (numpy.log(x**3 - x), (3 * x**2 - 1) / (x**3 - x)),
     lambda x: x**3 - x > 0, lambda x: x**3 - x > 0),
    ("sqrt(4 - x^2)", lambda x: (numpy.sqrt(4 - x**2), -x / numpy.sqrt(4 - x**2)),
     lambda x: x**2 <= 4, lambda x: x**2 < 4),
]


@pytest.mark.parametrize("expression, values, f_domain, d_domain", DOMAINS, ids=[d[0] for d in DOMAINS])
def test_curves_are_drawn_only_where_the_function_is_real_and_defined(tmp_path, expression, values, f_domain,
                                                                      d_domain):
    """ln'(x) = 1/x is real at x < 0, yet ln is not: neither curve has a point there."""
    fig = _figure(expression, tmp_path)
    ax = fig.axes[0]
    assert ax.get_xlim() == (-10.0, 10.0)  # the range asked for, blank where nothing is defined
    lines = ax.get_lines()
    assert len(lines) == 2
    for line, domain, which in zip(lines, (f_domain, d_domain), (0, 1)):
        xs, ys = numpy.asarray(line.get_xdata()), numpy.asarray(line.get_ydata(), dtype=float)
        drawn = numpy.isfinite(ys)
        inside = domain(xs)
        assert drawn.any() and not (drawn & ~inside).any(), f"{line.get_label()} drawn at x = {xs[drawn & ~inside]}"
        assert drawn.sum() >= 0.95 * inside.sum()  # and drawn where defined (a pole may cost a point)
        with numpy.errstate(all="ignore"):
            assert numpy.allclose(ys[drawn], values(xs[drawn])[which], rtol=1e-9)


def test_softplus_is_drawn_far_out_where_its_closed_form_overflows(tmp_path):
    """log(1 + e^x) is inf past x = 709: derive draws softplus as its code computes it."""
    fig = _figure("softplus(x)", tmp_path, span=(-1000.0, 1000.0))
    f, d = (numpy.asarray(line.get_ydata(), dtype=float) for line in fig.axes[0].get_lines())
    assert numpy.isfinite(f).all() and numpy.isfinite(d).all()
    assert f[-1] == pytest.approx(1000.0) and d[-1] == pytest.approx(1.0) and d[0] == pytest.approx(0.0)


@pytest.mark.parametrize("expression", ["sigmoid", "ln(x)", "x tanh(softplus(x))", "x sin(x)^2 + e^(-x^2)",
                                        "x^x"])
def test_the_legend_covers_no_curve_and_no_label(tmp_path, expression):
    """The legend lies outside the axes, below their ticks and label, and inside the figure; it names every
    curve. (The document's figure, with the legend at "best", put it over σ'.)"""
    if expression == "sigmoid":
        from sympy import Symbol

        from derive.functions import sigmoid
        from derive.plot import figure

        x = Symbol("x", real=True)
        fig = figure(sigmoid(x), x, sigmoid(x) * (1 - sigmoid(x)), title="sigmoid", guides=True)
        fig.savefig(tmp_path / "figure.png", dpi=100)
    else:
        fig = _figure(expression, tmp_path)
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    legends = fig.legends + [a.get_legend() for a in fig.axes if a.get_legend() is not None]
    assert len(legends) == 1
    legend = legends[0].get_window_extent(renderer)
    assert not legend.overlaps(ax.get_window_extent(renderer)), "the legend lies over the plotted region"
    assert not legend.overlaps(ax.get_tightbbox(renderer)), "the legend covers the ticks, the axis label or title"
    assert fig.bbox.x0 <= legend.x0 and legend.x1 <= fig.bbox.x1 and fig.bbox.y0 <= legend.y0
    assert [t.get_text() for t in legends[0].get_texts()] == [line.get_label() for line in ax.get_lines()
                                                             if not line.get_label().startswith("_")]
