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
