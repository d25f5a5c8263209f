"""The built wheel carries the templates and works from a fresh virtual environment."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = sorted(p.name for p in (ROOT / "templates").glob("*.j2"))

pytestmark = pytest.mark.slow


def _run(*args, **kwargs):
    out = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=600, **kwargs)
    assert out.returncode == 0, out.stdout[-2000:] + out.stderr[-2000:]
    return out


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    # built from a copy of the sources: setuptools builds in the source folder (build/, *.egg-info), and
    # two test workers building at once in the checkout broke each other's build
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for name in ("derive", "templates"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    dist = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", dist, source)
    [built] = dist.glob("derive-*.whl")
    return built


def test_wheel_contains_every_template(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert TEMPLATES and all(f"derive/templates/{t}" in names for t in TEMPLATES)
    assert not any(n.startswith("templates/") for n in names)  # inside the package, not beside it


def test_wheel_installs_and_runs_in_a_fresh_venv(wheel, tmp_path):
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    _run(python, "-m", "pip", "install", "--quiet", wheel)
    # run from an empty folder, so nothing of the source checkout can be picked up
    work = tmp_path / "elsewhere"
    work.mkdir()
    where = _run(python, "-c", "import derive.render.templates as t; print(t.shipped_dir())", cwd=work)
    assert Path(where.stdout.strip()).is_relative_to(venv)
    out = _run(venv / "bin" / "derive", "sigmoid", "--standalone", cwd=work)
    assert r"\tag{4}\label{eq:eq4}" in out.stdout and out.stdout.startswith(r"\documentclass")
