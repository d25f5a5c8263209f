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


@lru_cache(maxsize=None)
def _environment():
    import jinja2

    return jinja2.Environment(
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


def render(name: str, **context: Any) -> str:
    return _environment().get_template(name).render(**context)
