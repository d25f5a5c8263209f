"""The Jinja2 templates of the top-level templates/ folder, shipped in the wheel as derive.templates,
and the user's own, which override them by name.

Delimiters are << >>, <% %> and <# #> so that LaTeX's braces need no escaping. Templates run in
Jinja2's sandbox: a template can format what it is given, not reach into Python.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from derive.errors import DeriveError

_overrides: dict[str, str] = {}  # template name → the user's text for it


def shipped_dir() -> Path:
    import derive.templates

    return Path(derive.templates.__file__).parent


def shipped_names() -> list[str]:
    return sorted(p.name for p in shipped_dir().glob("*.j2"))


def as_math(text: str) -> str:
    """A formula as written in a document, made safe for KaTeX and MathJax: the dashes that blogs
    print for minus become minus signs (strict KaTeX refuses them)."""
    return text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2212", "-")


def use_templates(files: list[str] | tuple[str, ...] = (), directory: str | None = None) -> None:
    """Override shipped templates: each file by its own name (align.tex.j2 …), and every template a
    directory holds under a shipped name. Unknown names and unreadable files are errors."""
    names = shipped_names()
    found: dict[str, str] = {}
    paths = [Path(f) for f in files]
    if directory is not None:
        folder = Path(directory)
        if not folder.is_dir():
            raise DeriveError(f"--templates {directory}: no such directory")
        paths += [p for p in sorted(folder.glob("*.j2")) if p.name in names]
    for path in paths:
        if path.name not in names:
            raise DeriveError(f"template {path.name!r} replaces nothing: name it after one of {', '.join(names)}")
        try:
            found[path.name] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise DeriveError(f"cannot read template {path}: {getattr(exc, 'strerror', None) or exc}") from None
    _overrides.clear()
    _overrides.update(found)
    _environment.cache_clear()


@lru_cache(maxsize=None)
def _environment():
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        loader=jinja2.ChoiceLoader([jinja2.DictLoader(dict(_overrides)),
                                    jinja2.FileSystemLoader(str(shipped_dir()))]),
        block_start_string="<%",
        block_end_string="%>",
        variable_start_string="<<",
        variable_end_string=">>",
        comment_start_string="<#",
        comment_end_string="#>",
        trim_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,  # a missing variable is a bug, not an empty string
        autoescape=False,
    )
    env.filters["math"] = as_math
    return env


def render(name: str, **context: Any) -> str:
    import jinja2

    try:
        return _environment().get_template(name).render(**context)
    except jinja2.TemplateError as exc:
        if name in _overrides:  # the user's template: their error to fix, said in one line
            raise DeriveError(f"template {name}: {exc.message or type(exc).__name__}") from None
        raise
