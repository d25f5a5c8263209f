"""The Jinja2 templates of the top-level templates/ folder, shipped in the wheel as derive.templates.

Delimiters are << >>, <% %> and <# #> so that LaTeX's braces need no escaping.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any


def shipped_dir() -> Path:
    import derive.templates

    return Path(derive.templates.__file__).parent


def as_math(text: str) -> str:
    """A formula as written in a document, made safe for KaTeX and MathJax: the dashes that blogs
    print for minus become minus signs (strict KaTeX refuses them)."""
    return text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2212", "-")


@lru_cache(maxsize=None)
def _environment():
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(shipped_dir())),
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
    return _environment().get_template(name).render(**context)
