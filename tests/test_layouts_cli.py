"""Issue 11's layouts through the command, each in a .tex and a .md document, correct (exit 0, every
link decided valid) and with one planted slip (exit 1, the slip's line pointed at)."""

import json

import pytest

from derive.cli import main

# layout → (LaTeX body, Markdown body, the correct text, the slip put in its place)
LAYOUTS = {
    "one display per step": (
        "\\[ \\frac{d}{dx} x^2 \\sin x \\]\nby the product rule\n\\[ = 2x \\sin x + x^2 \\cos x \\]\n",
        "$$\\frac{d}{dx} x^2 \\sin x$$\n\nby the product rule\n\n$$= 2x \\sin x + x^2 \\cos x$$\n",
        "x^2 \\cos x", "x^2 \\sin x"),
    "display ending with =": (
        "\\[ \\frac{d}{dx} e^{2x} = \\]\nthat is\n\\[ 2e^{2x} \\]\n",
        "$$\\frac{d}{dx} e^{2x} =$$\n\nthat is\n\n$$2e^{2x}$$\n",
        "2e^{2x}", "e^{2x}"),
    "two equations in a row": (
        "\\begin{align}\n\\frac{d}{dx}\\sin x &= \\cos x & \\frac{d}{dx}\\cos x &= -\\sin x\n\\end{align}\n",
        "$$\n\\begin{aligned}\n\\frac{d}{dx}\\sin x &= \\cos x & \\frac{d}{dx}\\cos x &= -\\sin x\n\\end{aligned}\n$$\n",
        "-\\sin x", "\\sin x"),
    "implication": (
        "\\[ 3x - 6 = 0 \\implies x = 2 \\]\n",
        "$$ 3x - 6 = 0 \\implies x = 2 $$\n",
        "x = 2", "x = 3"),
    "annotation column": (
        "\\begin{align}\n\\frac{d}{dx} x^3 &= 3x^2 && \\text{(power rule)} \\\\\n &= 3 x x\n\\end{align}\n",
        "$$\n\\begin{aligned}\n\\frac{d}{dx} x^3 &= 3x^2 && \\text{(power rule)} \\\\\n &= 3 x x\n\\end{aligned}\n$$\n",
        "3 x x", "3 x x x"),
    "definition after where": (
        "\\[ \\frac{dy}{dx} = 2x \\quad \\text{where } y = x^2 + 1 \\]\n",
        "$$ \\frac{dy}{dx} = 2x \\quad \\text{where } y = x^2 + 1 $$\n",
        "= 2x", "= 2x^2"),
    "stated condition": (
        "Let $s_k = \\frac{e^{z_k}}{\\sum_m e^{z_m}}$. The labels sum to one,\n\\[ \\sum_k y_k = 1 . \\]\n"
        "Hence\n\\[ -y_j + s_j \\sum_k y_k = s_j - y_j \\]\n",
        "Let $s_k = \\frac{e^{z_k}}{\\sum_m e^{z_m}}$. The labels sum to one,\n\n$$ \\sum_k y_k = 1 $$\n\n"
        "Hence\n\n$$ -y_j + s_j \\sum_k y_k = s_j - y_j $$\n",
        "= s_j - y_j", "= s_j + y_j"),
    "inline definition": (
        "Let $f(x) = x^3$. Then\n\\[ f'(x) = 3x^2 \\]\n",
        "Let $f(x) = x^3$. Then\n\n$$ f'(x) = 3x^2 $$\n",
        "3x^2", "3x^3"),
}


def _run(capsys, path):
    code = main(["check", str(path), "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("suffix", [".tex", ".md"])
def test_each_layout_correct_and_planted(tmp_path, capsys, layout, suffix):
    tex, md, right, wrong = LAYOUTS[layout]
    body = tex if suffix == ".tex" else "# Notes\n\n" + md
    path = tmp_path / f"notes{suffix}"
    path.write_text(body)
    code, data = _run(capsys, path)
    links = [link for block in data["blocks"] for link in block["links"] if link["verdict"] != "definition"]
    premises = [k for k in links if k.get("reason", "").startswith("an equation to solve")]  # before \implies
    assert code == 0 and links and all(k["verdict"] == "valid" for k in links if k not in premises), data["verdict"]
    planted = body.replace(right, wrong, 1)
    assert planted != body
    path.write_text(planted)
    code, data = _run(capsys, path)
    wrong_lines = [block["lines"][target] for block in data["blocks"] for _, target in block["wrong_links"]] + \
        [block["lines"][s] for block in data["blocks"] for s in block["suspects"]]
    slip_line = next(n for n, (a, b) in enumerate(zip(body.splitlines(), planted.splitlines()), 1) if a != b)
    assert code == 1 and slip_line in wrong_lines, (data["verdict"], wrong_lines, slip_line)
