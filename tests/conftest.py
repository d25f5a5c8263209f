import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sympy import Symbol

DATA = Path(__file__).parent / "data"
SEED = DATA / "seed_sigmoid.txt"  # a copy of ../shared/seeds/000_7b9e0e3f8065f68b.txt, the origin document


@pytest.fixture
def x():
    return Symbol("x", real=True)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def run_derive(*args: str, cwd: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """The derive command as a user runs it, in a child process."""
    return subprocess.run([sys.executable, "-m", "derive.cli", *args], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, **(env or {})}, timeout=300)


def require_tool(name: str) -> str:
    """The tool's path; skip without it, unless DERIVE_REQUIRE_LATEX=1 makes its absence a failure (CI)."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (Debian: texlive-latex-base texlive-latex-recommended poppler-utils)"
        if os.environ.get("DERIVE_REQUIRE_LATEX") == "1":
            pytest.fail(message + "; DERIVE_REQUIRE_LATEX=1 requires it")
        pytest.skip(message)
    return path


KATEX = Path(__file__).parent / "katex"


def render_with_katex(markdown: str) -> str:
    """KaTeX's verdict on every formula of the Markdown (strict, throwing): its summary line.

    Skips without node and tests/katex/node_modules (npm install --prefix tests/katex), unless
    DERIVE_REQUIRE_KATEX=1 (CI) makes that a failure."""
    node = shutil.which("node")
    if node is None or not (KATEX / "node_modules" / "katex").is_dir():
        message = "KaTeX is not installed: npm install --prefix tests/katex"
        if os.environ.get("DERIVE_REQUIRE_KATEX") == "1":
            pytest.fail(message + "; DERIVE_REQUIRE_KATEX=1 requires it")
        pytest.skip(message)
    run = subprocess.run([node, str(KATEX / "render.js")], input=markdown, capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 0, f"KaTeX refused: {run.stderr}"
    return run.stdout.strip()
