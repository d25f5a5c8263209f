"""The Jinja2 templates of the top-level templates/ folder, shipped in the wheel as derive.templates,
and the user's own, which override them by name.

Delimiters are << >>, <% %> and <# #> so that LaTeX's braces need no escaping. Templates run in
Jinja2's immutable sandbox: a template formats what it is given; it cannot reach into Python, nor
change a list or a dict it was handed (a report's verdict is the report's, never a template's).

Which templates serve is a value (Templates), chosen per call (`render(..., templates=…)`) or for
the current thread and context (`use_templates()`, a context variable): one thread's choice never
changes another's output.
"""

from __future__ import annotations

import unicodedata
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from derive.errors import DeriveError


def shipped_dir() -> Path:
    import derive.templates

    return Path(derive.templates.__file__).parent


def shipped_names() -> list[str]:
    return sorted(p.name for p in shipped_dir().glob("*.j2"))


def as_math(text: str) -> str:
    """A formula as written in a document, made safe for KaTeX and MathJax: the dashes that blogs
    print for minus become minus signs (strict KaTeX refuses them), and < > & cannot open HTML."""
    text = text.replace("\u2013", "-").replace("\u2014", "-").replace("\u2212", "-")
    return text.replace("&", r"\&").replace("<", r"\lt ").replace(">", r"\gt ")


def as_markdown_text(text: str) -> str:
    """Text from a document shown in Markdown: HTML in it is shown, never run (<script>, onerror)."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("`", "'")


def printable(text: str) -> str:
    """Text for a terminal: control and format characters shown escaped (\\x1b), never sent raw, so
    that a document cannot set a terminal's title or write its clipboard. Newlines and tabs stay."""
    return "".join(c if c in "\n\t" or not _hidden(c) else f"\\x{ord(c):02x}" if ord(c) < 256 else
                   f"\\u{ord(c):04x}" for c in str(text))


def _hidden(c: str) -> bool:
    return unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")


@dataclass(frozen=True)
class Templates:
    """The user's templates by the shipped name they replace; empty: the shipped ones."""

    overrides: dict[str, str] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.overrides.items())))

    def render(self, name: str, **context: Any) -> str:
        import jinja2

        try:
            return _environment(self).get_template(name).render(**context)
        except jinja2.TemplateError as exc:
            if name in self.overrides:  # the user's template: their error to fix, said in one line
                raise DeriveError(f"template {name}{_line(exc)}: {exc.message or type(exc).__name__}") from None
            raise
        except (ArithmeticError, LookupError, TypeError, ValueError, AttributeError, RecursionError) as exc:
            if name in self.overrides:  # a runtime error of the user's template (1/0, recursion …)
                raise DeriveError(f"template {name}{_line(exc)}: {type(exc).__name__}: {exc}") from None
            raise


def _line(exc: BaseException) -> str:
    """', line N' of the template where an error happened, when Jinja's traceback says."""
    line = getattr(exc, "lineno", None)
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>" or tb.tb_frame.f_code.co_filename.endswith(".j2"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return f", line {line}" if line else ""


SHIPPED = Templates()
_current: ContextVar[Templates] = ContextVar("templates", default=SHIPPED)


def load_templates(files: list[str] | tuple[str, ...] = (), directory: str | None = None) -> Templates:
    """The user's templates: each file by its own name (align.tex.j2 …), and every template a
    directory holds under a shipped name. Unknown names, unreadable files and files that are not
    regular files (a FIFO, /dev/zero) are errors."""
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
        found[path.name] = _read_template(path)
    return Templates(found)


MAX_TEMPLATE_BYTES = 1_000_000


def _read_template(path: Path) -> str:
    try:
        if not path.is_file():  # a FIFO or a device would block or never end
            raise DeriveError(f"cannot read template {path}: not a regular file")
        with path.open("rb") as handle:
            data = handle.read(MAX_TEMPLATE_BYTES + 1)
    except OSError as exc:
        raise DeriveError(f"cannot read template {path}: {exc.strerror or exc}") from None
    if len(data) > MAX_TEMPLATE_BYTES:
        raise DeriveError(f"template {path} is larger than {MAX_TEMPLATE_BYTES} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise DeriveError(f"cannot read template {path}: not UTF-8 text") from None


def use_templates(files: list[str] | tuple[str, ...] = (), directory: str | None = None) -> Templates:
    """Override shipped templates for the current thread and context (and the worker processes it
    starts); returns the choice, which render(…, templates=) also takes directly."""
    chosen = load_templates(files, directory)
    _current.set(chosen)
    return chosen


def current_templates() -> Templates:
    return _current.get()


_ENVIRONMENTS: dict[Templates, Any] = {}


def _environment(templates: Templates):
    env = _ENVIRONMENTS.get(templates)
    if env is not None:
        return env
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    env = ImmutableSandboxedEnvironment(
        loader=jinja2.ChoiceLoader([jinja2.DictLoader(dict(templates.overrides)),
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
    env.filters["text"] = as_markdown_text
    env.filters["printable"] = printable
    _ENVIRONMENTS[templates] = env
    return env


def render(name: str, templates: Templates | None = None, **context: Any) -> str:
    """The named template rendered with context, from templates (default: the current choice)."""
    return (templates or _current.get()).render(name, **context)
