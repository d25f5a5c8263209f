"""Many inputs at once: the files of `derive check notes/ paper.tex` and the requests of `derive batch`,
gathered, worked by derive.workers (N local workers or a Dask cluster) and written in input order (or as
they finish), one report or derivation a line.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from derive.errors import DeriveError, LimitError, ParseError
from derive.sandbox import run_limited
from derive.workers import EXIT_INTERNAL, Emit, Outcome, Workers, deliver, one_line, preload

SUFFIXES = (".tex", ".md", ".markdown", ".txt")  # what a folder is searched for
INPUT_LIMIT = 256 * 2**20  # bytes of derive batch's requests: one run holds them all
# --- derive check on many files --------------------------------------------------------------------

@dataclass(frozen=True)
class CheckOptions:
    fmt: str  # text, markdown, json or jsonl
    define: tuple[str, ...] = ()
    strict: bool = False
    macros: tuple[str, ...] = ()
    timeout: float | None = 120.0  # for each file
    memory_mb: int | None = 2048
    cwd: str = field(default_factory=os.getcwd)  # relative paths mean this folder, on any worker

    @property
    def as_json(self) -> bool:
        return self.fmt in ("json", "jsonl")


@dataclass(frozen=True)
class FileCheck:
    """One file to check (text: standard input's, read by the parent), or why it cannot be."""

    path: str
    options: CheckOptions
    text: str | None = None
    error: tuple[str, int] | None = None  # (message, exit status) known before any work

    def run(self) -> Outcome:
        import derive.checker  # noqa: F401 - here, before the fork: every child inherits it

        o = self.options
        if self.error is not None:
            return self.failed(*self.error)
        try:
            rendered, code, included = run_limited(
                _checked, o.cwd, self.path, self.text, o.define, "json" if o.as_json else o.fmt, o.strict,
                o.macros, timeout=o.timeout, memory_mb=o.memory_mb)
        except DeriveError as exc:
            return self.failed(one_line(str(exc)), exc.exit_code)
        except Exception as exc:  # noqa: BLE001 - a fault of derive's own costs this file, not the run
            return self.failed(f"internal error ({type(exc).__name__}: {one_line(str(exc))})", EXIT_INTERNAL)
        if not o.as_json:  # a blank line after each report
            return Outcome(code, rendered.rstrip("\n") + "\n\n", included=tuple(included))
        report = json.loads(rendered)
        return Outcome(code, json_line(report), report["links"], report["decided"], tuple(included))

    def failed(self, message: str, code: int) -> Outcome:
        if self.options.as_json:
            return Outcome(code, json_line({"file": self.path, "error": message, "exit": code}))
        from derive.render.templates import printable

        return Outcome(code, printable(f"{self.path}: error: {message}") + "\n\n")


def _checked(cwd: str, path: str, text: str | None, define, fmt: str, strict: bool,
             macros) -> tuple[str, int, list[str]]:
    """In the child: one file's report, as `derive check FILE` makes it."""
    from derive.checker import check, check_file

    if text is not None:
        report = check(text, path, define, strict, macros=macros)
        return report.render(fmt), report.exit_code, []
    if os.getcwd() != cwd:  # a cluster worker's own folder; only this child moves
        os.chdir(cwd)
    return check_file(path, define, fmt, strict, macros)


def check_many(inputs: tuple[str, ...] | list[str], options: CheckOptions, workers: Workers, emit: Emit, *,
               stdin: Callable[[], str] | None = None, resume: str | None = None,
               output: str | None = None) -> tuple[int, list[str]]:
    """Check every file of inputs, writing each report through emit, then a summary.

    Returns the exit status (the largest of the files', see combined) and the files read, which -o may
    not replace."""
    found = gather(inputs)
    if not found:
        raise DeriveError(f"nothing to check: no {', '.join(SUFFIXES)} file in {' '.join(inputs)}")
    previous = reported(resume) if resume else {}
    _refuse_output(output, [path for path, _ in found] + [resume] * bool(resume))
    preload("derive.checker", "derive.render.templates")

    resumed = [previous[_key(path)] for path, _ in found if _key(path) in previous]
    tasks = [FileCheck(path, options, *(_stdin(stdin) if path == "-" else (None, error)))
             for path, error in found if _key(path) not in previous]
    done = deliver(tasks, workers, emit if options.fmt != "json" else None, "files")
    code = combined(o.code for o in resumed + done)
    emit(_check_summary(options.fmt, done, resumed, code))
    read = [path for path, error in found if path != "-" and error is None]
    return code, read + [resume] * bool(resume) + [f for o in done for f in o.included]


def _stdin(read: Callable[[], str] | None) -> tuple[str | None, tuple[str, int] | None]:
    """Standard input's text, read once here (the workers do not share it), or why it cannot be."""
    try:
        return read() if read else "", None
    except DeriveError as exc:
        return None, (one_line(str(exc)), exc.exit_code)


def gather(inputs: tuple[str, ...] | list[str]) -> list[tuple[str, tuple[str, int] | None]]:
    """The files to check, each with the error that stops it (or None): a file named is taken as it is
    (a missing one is reported in its place); a folder gives its .tex, .md, .markdown and .txt files at
    any depth, sorted by path, hidden ones left out. A file named twice is checked once."""
    found, seen = [], set()
    for path in inputs:
        for item in _walk(path) if os.path.isdir(path) else [(path, None)]:
            key = os.path.normpath(item[0])
            if key not in seen:
                seen.add(key)
                found.append(item)
    return found


def _walk(top: str) -> list[tuple[str, tuple[str, int] | None]]:
    found: list[tuple[str, tuple[str, int] | None]] = []

    def unreadable(exc: OSError) -> None:  # a folder that cannot be listed is reported, never dropped
        found.append((exc.filename, (f"cannot read folder {exc.filename}: {exc.strerror}", 2)))

    for folder, folders, files in os.walk(top, onerror=unreadable):
        folders[:] = [f for f in folders if not f.startswith(".")]
        found += [(os.path.join(folder, f), None) for f in files
                  if not f.startswith(".") and f.lower().endswith(SUFFIXES)
                  and os.path.isfile(os.path.join(folder, f))]  # not a FIFO that would block a worker
    return sorted(found, key=lambda item: os.path.relpath(item[0], top).split(os.sep))


def reported(path: str) -> dict[str, Outcome]:
    """The files a previous `--format jsonl` output reports, errors included, by _key: --resume skips
    them. A last line cut short by an interruption is left out; any other line that is not a report is
    an error (the file is not such an output)."""
    try:
        with open(path, "rb") as handle:
            lines = handle.read().decode("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DeriveError(f"cannot read --resume {path}: {getattr(exc, 'strerror', None) or 'not UTF-8'}") from None
    found: dict[str, Outcome] = {}
    numbered = [(n, line) for n, line in enumerate(lines, 1) if line.strip()]
    for n, line in numbered:
        try:
            data = json.loads(line)
        except (ValueError, RecursionError):
            if n == numbered[-1][0]:
                continue  # torn by the interruption being resumed from
            data = None
        if isinstance(data, dict) and isinstance(data.get("file"), str):
            code = data.get("exit", 2) if "error" in data else (0 if data.get("ok") else 1)
            found[_key(data["file"])] = Outcome(code, "", data.get("links", 0), data.get("decided", 0))
        elif not (isinstance(data, dict) and "summary" in data):
            raise DeriveError(f"--resume {path}: line {n} is not a report of derive check --format jsonl")
    return found


def _key(path: str) -> str:
    # the same file however the paths were spelt (notes/a.tex, ./notes//a.tex)
    return path if path == "-" else os.path.realpath(path)


def _check_summary(fmt: str, done: list[Outcome], resumed: list[Outcome], code: int) -> str:
    every = resumed + done
    counts = {"files": len(every), "passed": sum(o.code == 0 for o in every),
              "failed": sum(o.code == 1 for o in every), "errors": sum(o.code > 1 for o in every),
              "resumed": len(resumed), "links": sum(o.links for o in every),
              "decided": sum(o.decided for o in every), "exit": code}
    if fmt == "jsonl":
        return json_line({"summary": counts})
    if fmt == "json":
        document = {"files": [json.loads(o.text) for o in done], "summary": counts}
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    return (f"{counts['files']} files: {counts['passed']} passed, {counts['failed']} failed, "
            f"{counts['errors']} could not be checked\n")


def combined(codes) -> int:
    """The run's exit status: the largest of its inputs' (70 a fault of derive's own, 3 a limit
    exceeded, 2 an input derive cannot use, 1 a check that failed, 0 all passed). A run that could not
    look at everything says so before what it found."""
    return max(codes, default=0)


def _refuse_output(output: str | None, inputs: list[str]) -> None:
    """-o may not be an input: refused before the work, not after it (derive.files refuses it again)."""
    if output in (None, "-"):
        return
    try:
        target = os.stat(output)
    except OSError:
        return
    for path in inputs:
        try:
            found = os.stat(path)
        except (OSError, ValueError):
            continue
        if (found.st_dev, found.st_ino) == (target.st_dev, target.st_ino):
            raise DeriveError(f"will not write {output}: it is the input {path}")


# --- derive batch: one request a line -------------------------------------------------------------

REQUEST_FIELDS = ("expr", "wrt", "in_terms_of", "order", "define", "assume", "detail")


@dataclass(frozen=True)
class DiffOptions:
    timeout: float | None = 20.0  # for each request
    memory_mb: int | None = 2048


@dataclass(frozen=True)
class Request:
    """One line of derive batch's input, as it came (parsed by the worker, so that a bad line is its
    own line of output, in its place)."""

    number: int
    raw: bytes
    options: DiffOptions

    def run(self) -> Outcome:
        # imported here, before the fork: every child inherits it
        from derive.automatic import render_derivative

        try:
            asked = read_request(self.raw)
            rendered = run_limited(render_derivative, asked["expr"], "json", asked["wrt"], asked["order"],
                                   asked["in_terms_of"], asked["define"], asked["detail"], "auto", False,
                                   "eq:eq", False, asked["assume"], None, None,
                                   timeout=self.options.timeout, memory_mb=self.options.memory_mb)
        except ParseError as exc:
            column = {} if exc.position is None else {"column": exc.position + 1}
            return self.failed(one_line(str(exc)), exc.exit_code, **column)
        except DeriveError as exc:
            return self.failed(one_line(str(exc)), exc.exit_code)
        except Exception as exc:  # noqa: BLE001 - as for a file
            return self.failed(f"internal error ({type(exc).__name__}: {one_line(str(exc))})", EXIT_INTERNAL)
        return Outcome(0, json_line({"line": self.number, **json.loads(rendered)}))

    def failed(self, message: str, code: int, **more: Any) -> Outcome:
        return Outcome(code, json_line({"line": self.number, "error": message, **more, "exit": code}))


def read_request(raw: bytes) -> dict[str, Any]:
    """A request's fields, checked: expr (a string, read by derive's own readers), wrt and in_terms_of
    (strings or null), order (1 to 20), define and assume (a string or a list of them), detail."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ParseError("the line is not UTF-8 text") from None
    except RecursionError:
        raise LimitError("the line nests too deeply") from None
    except json.JSONDecodeError as exc:  # its own "line 1" would be taken for the input's line
        raise ParseError(f"not JSON: {exc.msg} at column {exc.colno}") from None
    if not isinstance(data, dict):
        raise ParseError('a request is a JSON object, such as {"expr": "x^2 sin(x)"}')
    unknown = sorted(set(data) - set(REQUEST_FIELDS))
    if unknown:
        raise ParseError(f"unknown field {unknown[0]!r}: a request has {', '.join(REQUEST_FIELDS)}")
    if not isinstance(data.get("expr"), str) or not data["expr"].strip():
        raise ParseError('"expr" is missing: the expression to differentiate, as a string')
    for name in ("wrt", "in_terms_of"):
        if data.get(name) is not None and not isinstance(data[name], str):
            raise ParseError(f'"{name}" is a string or null')
    order = data.get("order", 1)
    if isinstance(order, bool) or not isinstance(order, int) or not 1 <= order <= 20:
        raise ParseError('"order" is a whole number from 1 to 20')
    if data.get("detail", "normal") not in ("normal", "fine"):
        raise ParseError('"detail" is "normal" or "fine"')
    return {"expr": data["expr"], "wrt": data.get("wrt"), "in_terms_of": data.get("in_terms_of"),
            "order": order, "define": _strings(data, "define"), "assume": _strings(data, "assume"),
            "detail": data.get("detail", "normal")}


def _strings(data: dict[str, Any], name: str) -> tuple[str, ...]:
    value = data.get(name) or ()
    value = (value,) if isinstance(value, str) else value
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ParseError(f'"{name}" is a string or a list of strings')
    return tuple(value)


def derive_many(source: str, options: DiffOptions, workers: Workers, emit: Emit, *,
                output: str | None = None) -> int:
    """Derive each request of source (a JSONL file, or - for standard input), writing one JSON line for
    each through emit; returns the exit status (combined). Blank lines are passed over, their numbers kept."""
    preload("derive.automatic")

    _refuse_output(output, [source] if source != "-" else [])
    lines = _read_input(source).split(b"\n")
    tasks = [Request(n, line.removesuffix(b"\r").removeprefix(b"\xef\xbb\xbf" if n == 1 else b""), options)
             for n, line in enumerate(lines, 1) if line.strip()]
    return combined(o.code for o in deliver(tasks, workers, emit, "lines"))


def _read_input(source: str) -> bytes:
    try:
        if source == "-":
            if sys.stdin is None:
                raise DeriveError("cannot read standard input: it is closed")
            stream = getattr(sys.stdin, "buffer", sys.stdin)
            data = stream.read(INPUT_LIMIT + 1)
            data = data.encode("utf-8") if isinstance(data, str) else data
        else:
            with open(source, "rb") as handle:
                data = handle.read(INPUT_LIMIT + 1)
    except FileNotFoundError:
        raise DeriveError(f"no such file: {source}") from None
    except OSError as exc:
        raise DeriveError(f"cannot read {source}: {exc.strerror or exc}") from None
    if len(data) > INPUT_LIMIT:
        raise LimitError(f"{'standard input' if source == '-' else source} is larger than "
                         f"{INPUT_LIMIT / 2**20:g} MB: split the requests over several runs")
    return data


# --- output ---------------------------------------------------------------------------------------

def json_line(data: Any) -> str:
    """One JSON object on one line: readable (σ stays σ), with no character that a line splitter other
    than a newline's would break at (U+2028, U+2029, NEL: str.splitlines breaks at them)."""
    text = json.dumps(data, ensure_ascii=False)
    for c in ("\u2028", "\u2029", "\x85"):
        text = text.replace(c, f"\\u{ord(c):04x}")
    return text + "\n"


