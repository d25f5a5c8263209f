"""The derive command. Imports only click at start, so that --help and --version answer fast;
each command imports the engine (and SymPy) when it runs.

Errors follow one contract: a single line "derive: error: …" on stderr, nothing on stdout, exit 2 for
bad input, 3 for an exceeded limit, 1 for a failed check; never a traceback.
"""

from __future__ import annotations

import contextvars
import math
import os
import signal
import sys

import click

from derive import __version__
from derive.errors import DeriveError, LimitError, ParseError, as_limit

# Kept here, not imported from derive.sandbox, so that --help stays free of heavy imports.
DEFAULT_TIMEOUT = 20.0
DEFAULT_CHECK_TIMEOUT = 120.0  # a whole paper: many derivations
DEFAULT_MEMORY_MB = 2048

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70


class DeriveCLIError(click.ClickException):
    exit_code = EXIT_BAD_INPUT


def write_output(text: str, path: str | None, read: list[str] | tuple[str, ...] = ()) -> None:
    """Print text, or write it to path atomically: a failed run leaves an existing file as it was.

    Never over the command's own input (FILE, templates, the files FILE reads: read); into /dev/null, /dev/stdout or a FIFO as a
    shell's > writes, never replacing them. A reader that went away (| head) ends derive quietly."""
    if path is None or path == "-":
        _print(text)
        return
    from derive.files import write_atomically

    write_atomically(path, lambda handle: handle.write(text.encode("utf-8")),
                     inputs=_command_inputs() + list(read))


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, invoke_without_command=True)
@click.version_option(__version__, "--version", prog_name="derive", message="%(prog)s %(version)s")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """derive: derivations shown step by step, each step a named rule, checked against the one before."""
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


FORMAT = click.Choice(["latex", "markdown", "json", "text", "python", "numpy"])


def template_options(command):
    """--template FILE (repeatable) and --templates DIR: the user's templates, by shipped name."""
    command = click.option("--templates", "template_dir", metavar="DIR",
                           help="A folder of templates named after shipped ones; they replace them.")(command)
    return click.option("--template", "templates", multiple=True, metavar="FILE",
                        help="A template file named after the shipped one it replaces (align.tex.j2 …).")(command)


def limit_options(timeout: float):
    """--timeout and --max-memory: the bounds of the child process the work runs in."""
    def decorate(command):
        command = click.option("--max-memory", type=click.IntRange(min=256, max=2**20),
                               default=DEFAULT_MEMORY_MB, show_default=True, metavar="MB",
                               help="Stop the work when it needs more memory than this (exit 3).")(command)
        return click.option("--timeout", type=click.FloatRange(min=0.1, max=3600), default=timeout,
                            show_default=True, metavar="SECONDS", callback=lambda c, p, v: _a_number(p, v),
                            help="Stop the work after this long (exit 3).")(command)
    return decorate


def _use_templates(files: tuple[str, ...], directory: str | None) -> None:
    if files or directory:
        from derive.render.templates import use_templates

        use_templates(files, directory)


def page_options(numbering: str):
    """--numbering and --width: how a LaTeX block is numbered and the measure its lines fit."""
    def decorate(command):
        command = click.option(
            "--width", "measure", default="onecolumn", show_default=True, metavar="W",
            help="The measure lines fit: onecolumn (a plain article), twocolumn (one column of a "
                 "twocolumn article) or a length such as 300pt or 12cm.")(command)
        return click.option(
            "--numbering", type=click.Choice(["tags", "latex", "none"]), default=numbering, show_default=True,
            help="tags: \\tag{n} on each line; latex: the paper's own numbers (\\label only); "
                 "none: unnumbered (align*).")(command)
    return decorate


def _page(numbering: str, measure: str):
    from derive.render.layout import Page
    from derive.render.width import measure as points

    try:
        return Page(points(measure), numbering)
    except ValueError as exc:
        raise DeriveCLIError(str(exc)) from None


def _diff_label_prefix(expression: str, *choices) -> str:
    """A label prefix of derive diff's own, made from what was asked: the lines of different
    derivations pasted into one paper never define a label twice (eq:x2sinx-5f3a:1)."""
    import hashlib

    slug = "".join(c for c in expression if c.isascii() and c.isalnum())[:16] or "f"
    digest = hashlib.sha1(repr((expression, *choices)).encode()).hexdigest()[:4]
    return f"eq:{slug}-{digest}:"


def document_options(command):
    """--format, --standalone, --label-prefix, the limits, -o and the templates: what a command that
    prints a scripted document (derive sigmoid, derive softmax) takes."""
    for option in reversed([
        click.option("--format", "fmt", type=FORMAT, default="latex", show_default=True, help="Output format."),
        click.option("--standalone", is_flag=True, help="A complete LaTeX article with prose (format latex)."),
        click.option("--label-prefix", default="eq:eq", show_default=True, metavar="P",
                     help=r"Prefix of the \label of each tagged line."),
        page_options("tags"),
        limit_options(DEFAULT_TIMEOUT),
        click.option("-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of stdout."),
        template_options,
    ]):
        command = option(command)
    return command


def _print_document(render, *args, fmt: str, standalone: bool, label_prefix: str, numbering: str, measure: str,
                    timeout: float, max_memory: int, output: str | None, templates: tuple[str, ...],
                    template_dir: str | None) -> None:
    """render(*args, fmt, label_prefix, standalone, page), run in the bounded worker (a template may
    loop or build a huge string), written to output."""
    if standalone and fmt != "latex":
        raise DeriveCLIError("--standalone goes with --format latex")
    _check_label_prefix(label_prefix)
    page = _page(numbering, measure)
    _use_templates(templates, template_dir)  # before the child starts: it inherits them
    from derive.sandbox import run_limited

    write_output(run_limited(render, *args, fmt, label_prefix, standalone, page, timeout=timeout,
                             memory_mb=max_memory), output)


@cli.command()
@click.option("--route", type=click.Choice(["quotient", "chain"]), default="quotient", show_default=True,
              help="quotient: the origin document's route (expand by e^x, quotient rule); "
                   "chain: differentiate (1+e^{-x})^{-1} by the chain rule.")
@document_options
def sigmoid(route: str, **options) -> None:
    """Derive σ'(x) = σ(x)(1 − σ(x)) as the origin document does, every step checked."""
    _print_document(_render_sigmoid, route, **options)


def _render_sigmoid(route: str, fmt: str, label_prefix: str, standalone: bool, page) -> str:
    from derive.routes.sigmoid import sigmoid_document

    return sigmoid_document(route).render(fmt, label_prefix=label_prefix, standalone=standalone, page=page)


@cli.command()
@document_options
def softmax(**options) -> None:
    """Derive the softmax's Jacobian s_i(δ_ij − s_j) and the cross-entropy's gradient s_j − y_j, every
    step checked (at K = 1…4 classes and every relation of the indices)."""
    _print_document(_render_softmax, **options)


def _render_softmax(fmt: str, label_prefix: str, standalone: bool, page) -> str:
    from derive.routes.softmax import softmax_document

    return softmax_document().render(fmt, label_prefix=label_prefix, standalone=standalone, page=page)


@cli.command()
@click.argument("expression")
@click.option("--wrt", metavar="VAR", help="The variable to differentiate by (needed with several).")
@click.option("--order", type=click.IntRange(min=1, max=20), default=1, show_default=True, metavar="N",
              help="Differentiate N times, one derivative at a time.")
@click.option("--in-terms-of", "in_terms_of", metavar="NAME",
              help="Write the result in terms of sigmoid (or sigma, σ), tanh, softplus (its derivatives "
                   "in σ), exp, softmax (s_i for e^{z_i}/Σ_k e^{z_k}), self (the input, named f), or a "
                   "function given with --define; the function is recognised however the input writes it.")
@click.option("--define", "define", multiple=True, metavar="DEF",
              help="A function of your own, such as 'g(x)=1/(1+e^(-x))'; may be given more than once.")
@click.option("--assume", "assume", multiple=True, metavar="FACT",
              help="A fact the derivation may use: 'sum(y_k, k, 1, K) = 1' (put in where it stands, "
                   "shown as a step) or 'sigma > 0'; may be given more than once.")
@click.option("--detail", type=click.Choice(["normal", "fine"]), default="normal", show_default=True,
              help="normal: one line per round of rules; fine: one line per rule.")
@click.option("--latex", "reader", flag_value="latex", help="Read EXPRESSION as LaTeX.")
@click.option("--plain", "reader", flag_value="plain",
              help="Read EXPRESSION as plain text (default: LaTeX when it has a backslash or a $).")
@click.option("--format", "fmt", type=FORMAT, default="latex", show_default=True, help="Output format.")
@click.option("--standalone", is_flag=True, help="A complete LaTeX article with prose (format latex).")
@click.option("--label-prefix", metavar="P",
              help=r"Prefix of the \label of each line (default: one made from the expression, "
                   "eq:x2sinx-5f3a:, so that derivations pasted into one paper never share a label).")
@page_options("latex")
@click.option("--log", "log_name", type=click.Choice(["ln", "log"]),
              help="Write the natural logarithm as ln or log throughout (default: as the input writes it).")
@click.option("--certificates", is_flag=True, help="Show each line's certificate in the LaTeX margin.")
@limit_options(DEFAULT_TIMEOUT)
@click.option("-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of stdout.")
@template_options
def diff(expression: str, wrt: str | None, order: int, in_terms_of: str | None, define: tuple[str, ...],
         assume: tuple[str, ...], detail: str, reader: str | None, fmt: str, standalone: bool,
         label_prefix: str | None, numbering: str, measure: str, log_name: str | None, certificates: bool,
         timeout: float, max_memory: int, output: str | None, templates: tuple[str, ...],
         template_dir: str | None) -> None:
    """The derivative of EXPRESSION, step by step, every step checked.

    EXPRESSION is typed plainly (x^2 sin(x), 1/(1+e^(-x))) or in LaTeX (\\frac{1}{1+e^{-x}}).
    An expression that starts with - goes after --:  derive diff -- -x^2
    """
    if label_prefix is None:
        label_prefix = _diff_label_prefix(expression, wrt, order, in_terms_of, define, assume, detail, reader,
                                          log_name)
    _print_document(_render_diff, expression, wrt, order, in_terms_of, define, detail, reader or "auto",
                    certificates, assume, log_name, fmt=fmt, standalone=standalone, label_prefix=label_prefix,
                    numbering=numbering, measure=measure, timeout=timeout, max_memory=max_memory, output=output,
                    templates=templates, template_dir=template_dir)


def _render_diff(expression: str, wrt: str | None, order: int, in_terms_of: str | None, define: tuple[str, ...],
                 detail: str, reader: str, certificates: bool, assume: tuple[str, ...], log_name: str | None,
                 fmt: str, label_prefix: str, standalone: bool, page) -> str:
    from derive.automatic import render_derivative

    return render_derivative(expression, fmt, wrt, order, in_terms_of, define, detail, reader, standalone,
                             label_prefix, certificates, assume, page, log_name)


def many_options(command):
    """--jobs, --unordered and --scheduler: how derive check and derive batch spread many inputs."""
    command = click.option("--scheduler", metavar="tcp://HOST:PORT",
                           help="Run on the Dask cluster of this scheduler (pip install 'derive[cluster]').")(command)
    command = click.option("--unordered", is_flag=True,
                           help="Write each result as it finishes, not in input order (JSONL).")(command)
    return click.option("--jobs", type=click.IntRange(min=1, max=1024), metavar="N",
                        help="Run N workers at once  [default: the machine's cores]")(command)


def _streamed(output: str | None, work) -> int:
    """work(emit) -> (exit status, files read): its results on standard output as they come, or, with
    -o, written to output (atomically) when all are done, never over a file read."""
    if output is None or output == "-":
        return work(_print)[0]
    chunks: list[str] = []
    code, read = work(chunks.append)
    write_output("".join(chunks), output, read)
    return code


@cli.command()
@click.argument("files", metavar="FILE...", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "json", "jsonl"]), default="text",
              show_default=True, help="Output format; jsonl: one report a line as each file is done, then a summary.")
@click.option("--define", "define", multiple=True, metavar="DEF",
              help="A function the document uses without defining it, such as 'g(x)=x^2+1'.")
@click.option("--macro", "macros", multiple=True, metavar="DEF",
              help=r"A macro the document uses but defines elsewhere, such as '\dd=\mathrm{d}' or "
                   r"'\pd[2]=\frac{\partial #1}{\partial #2}'; may be given more than once.")
@click.option("--strict", is_flag=True,
              help="Exit 1 unless there is a link and every link is decided and valid (for a paper's CI).")
@limit_options(DEFAULT_CHECK_TIMEOUT)
@click.option("-o", "--output", metavar="FILE", help="Write the report to FILE (atomically).")
@template_options
@many_options
@click.option("--resume", metavar="FILE",
              help="Skip the files that FILE, the output of an earlier --format jsonl run, reports.")
def check(files: tuple[str, ...], fmt: str, define: tuple[str, ...], macros: tuple[str, ...], strict: bool,
          timeout: float, max_memory: int, output: str | None, templates: tuple[str, ...],
          template_dir: str | None, jobs: int | None, unordered: bool, scheduler: str | None,
          resume: str | None) -> int:
    """Check the derivations in each FILE (LaTeX, Markdown, any text; - for standard input; a folder
    for its .tex, .md, .markdown and .txt files).

    Every claimed equality of every display block is valid, invalid or undecided; a line that
    disagrees with both neighbours is pointed at. Exit 0 when no link is proved wrong (the report
    says how many were decided), 1 when one is; with --strict, 1 also when any link is undecided
    or there is none. Of many files, the largest of their statuses (3 a limit, 2 a file not read).
    """
    _use_templates(templates, template_dir)
    for name, given in (("--unordered", unordered), ("--resume", resume)):
        if given and fmt != "jsonl":
            raise DeriveCLIError(f"{name} goes with --format jsonl")
    if len(files) > 1 or fmt == "jsonl" or resume or scheduler or os.path.isdir(files[0]):
        if scheduler and (templates or template_dir) and fmt in ("text", "markdown"):
            raise DeriveCLIError("--template stays on this machine: with --scheduler, use --format json or jsonl")
        from derive.batch import CheckOptions, Workers, check_many

        options = CheckOptions(fmt, define, strict, macros, timeout, max_memory)
        return _streamed(output, lambda emit: check_many(
            files, options, Workers(jobs, scheduler, not unordered), emit, stdin=lambda: _read_stdin(timeout),
            resume=resume, output=output))
    from derive.checker import check_file
    from derive.sandbox import run_limited

    file = files[0]
    if file == "-":  # read here: the child process does not share standard input
        text = _read_stdin(timeout)
        from derive.checker import check as check_text

        report, code = run_limited(_render_check, check_text, text, define, fmt, strict, macros,
                                   timeout=timeout, memory_mb=max_memory)
        included: list[str] = []
    else:
        report, code, included = run_limited(check_file, file, define, fmt, strict, macros, timeout=timeout,
                                             memory_mb=max_memory)
    write_output(report, output, [file] * (file != "-") + included)  # never over a file the document \input
    return code


@cli.command()
@click.argument("source", metavar="IN.jsonl")
@many_options
@limit_options(DEFAULT_TIMEOUT)
@click.option("-o", "--output", metavar="FILE", help="Write the lines to FILE (atomically, when all are done).")
def batch(source: str, jobs: int | None, unordered: bool, scheduler: str | None, timeout: float,
          max_memory: int, output: str | None) -> int:
    """Derive many expressions: one JSON request a line of IN.jsonl (- for standard input), one JSON
    derivation a line out, as derive diff --format json writes it, with the request's "line".

    A request: {"expr": "x sin(x)^2", "wrt": "x", "in_terms_of": null, "order": 1}, and "define",
    "assume" (a string or a list) and "detail" as derive diff takes them. A line derive cannot use is
    a line {"line": N, "error": …} and the run goes on; the exit status is the largest of the lines'
    (2 a bad request, 3 a limit exceeded). --timeout and --max-memory bound each line.
    """
    from derive.batch import DiffOptions, Workers, derive_many

    options, workers = DiffOptions(timeout, max_memory), Workers(jobs, scheduler, not unordered)
    return _streamed(output, lambda emit: (derive_many(source, options, workers, emit, output=output),
                                           [source] * (source != "-")))


def _render_check(check_text, text: str, define: tuple[str, ...], fmt: str, strict: bool,
                  macros: tuple[str, ...] = ()) -> tuple[str, int]:
    report = check_text(text, "-", define, strict, macros=macros)
    return report.render(fmt), report.exit_code


@cli.command(name="plot")
@click.argument("expression", metavar="EXPR|sigmoid")
@click.option("-o", "--output", metavar="FILE", help="The figure: .png (200 dpi), .svg or .pdf "
              "[default: sigmoid.png, or plot.png].")
@click.option("--range", "span", type=(float, float), default=(-10.0, 10.0), show_default=True,
              metavar="A B", help="The interval of the horizontal axis.")
@click.option("--no-derivative", is_flag=True, help="Draw the function alone.")
@click.option("--wrt", metavar="VAR", help="The variable (needed with several).")
@limit_options(DEFAULT_TIMEOUT)
def plot_command(expression: str, output: str | None, span: tuple[float, float], no_derivative: bool,
                 wrt: str | None, timeout: float, max_memory: int) -> None:
    """Draw a function and its derivative: the origin document's figures, drawn right.

    EXPR is typed as for derive diff; `sigmoid` draws σ(x) and σ'(x) with the document's dashed
    guides at y = 0.5 and x = 0.
    """
    from derive.sandbox import run_limited

    path = output or ("sigmoid.png" if expression == "sigmoid" else "plot.png")
    written = run_limited(_draw, expression, path, span, not no_derivative, wrt, timeout=timeout,
                          memory_mb=max_memory)
    _print(written)  # a closed standard output is handled as for every other command


def _draw(expression: str, path: str, span: tuple[float, float], with_derivative: bool,
          wrt: str | None) -> str:
    from derive.automatic import differentiate
    from derive.plot import plot

    if expression == "sigmoid":
        expression = "sigmoid(x)"
        title, guides = r"sigmoid function $\sigma(x) = \frac{1}{1+e^{-x}}$", True
    else:
        title, guides = None, False
    d = differentiate(expression, wrt=wrt, in_terms_of="sigmoid" if guides else None)
    f, x = d.start.expr, d.start.variable_count[0][0]
    return plot(f, x, path, d.result if with_derivative else None, span, title, guides)


def _check_label_prefix(prefix: str) -> None:
    # A label may not hold characters that end or break the \label{…} argument.
    if not prefix or any(c in prefix for c in "{}\\%#$&^~ \t\n"):
        raise DeriveCLIError(f"invalid --label-prefix {prefix!r}: use letters, digits and : - _ .")


def main(argv: list[str] | None = None) -> int:
    # a copy of the context: what a command chooses for itself (--template) ends with it, even when
    # main() is called again in the same process (tests, notebooks)
    with _signals_as_exceptions():
        return contextvars.copy_context().run(_main, argv)


def _main(argv: list[str] | None) -> int:
    try:
        code = cli.main(args=argv, prog_name="derive", standalone_mode=False)
    except click.NoSuchOption as exc:
        hint = " (an expression that starts with - goes after --: derive diff -- -x^2)"
        click.echo(f"derive: error: {_one_line(exc.format_message())}{hint}", err=True)
        return EXIT_BAD_INPUT
    except click.ClickException as exc:
        click.echo(f"derive: error: {_one_line(exc.format_message())}", err=True)
        return EXIT_BAD_INPUT  # click's own errors are all about the command line it was given
    except (click.Abort, _Signalled) as exc:  # Ctrl-C; SIGTERM and SIGHUP end quietly, as by the signal
        number = exc.number if isinstance(exc, _Signalled) else signal.SIGINT
        if number == signal.SIGINT:
            click.echo("derive: error: interrupted", err=True)
        return 128 + number
    except _OutputGone:  # a reader that went away (| head -c 10): quiet, as cat's 141 (128 + SIGPIPE)
        _silence_stdout()
        return EXIT_OUTPUT_GONE
    except ParseError as exc:  # the message, then the input with a caret under the column
        click.echo(f"derive: error: {_shown(exc.pointed())}", err=True)
        return exc.exit_code
    except DeriveError as exc:
        click.echo(f"derive: error: {_shown(_one_line(str(exc)))}", err=True)
        return exc.exit_code
    except Exception as exc:  # a fault of derive's own: still one line, unless debugging
        if isinstance(limit := as_limit(exc), LimitError):  # (where no worker was forked to turn it)
            click.echo(f"derive: error: {limit}", err=True)
            return limit.exit_code
        if os.environ.get("DERIVE_DEBUG"):
            raise
        click.echo(f"derive: error: internal error ({type(exc).__name__}: {_one_line(str(exc))}); "
                   "set DERIVE_DEBUG=1 for the traceback", err=True)
        return EXIT_INTERNAL
    return code if isinstance(code, int) else 0  # a command's return value is its exit status


def _one_line(message: str) -> str:
    return " ".join(message.split())


def run() -> None:
    """The console script: exit with main's code; ended by SIGTERM or SIGHUP, end by it (cleaned up)."""
    code = main()
    for number in (signal.SIGTERM, signal.SIGHUP):
        if code == 128 + number and _received.get(number):
            signal.signal(number, signal.SIG_DFL)
            os.kill(os.getpid(), number)
    sys.exit(code)


# Helpers of write_output, limit_options, the check command's standard input, main and run.

EXIT_OUTPUT_GONE = 141  # 128 + SIGPIPE: what a shell reports for cat when its reader has gone
STDIN_LIMIT = 10 * 2**20  # bytes: a document on standard input (derive check -)


class _Signalled(BaseException):
    """SIGINT, SIGTERM or SIGHUP, raised where derive is, so that the worker is killed and reaped
    (derive.sandbox) and no temporary file is left (derive.files) on the way out. Not a
    KeyboardInterrupt: click would print a blank line for that."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


class _OutputGone(Exception):
    """Standard output's reader went away."""


_received: dict[int, bool] = {}


class _signals_as_exceptions:
    def __enter__(self) -> None:
        self.saved = {}
        for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            try:
                self.saved[number] = signal.signal(number, _raise_signalled)
            except (ValueError, OSError):  # not the main thread: signals stay as they are
                pass

    def __exit__(self, *exc) -> None:
        for number, handler in self.saved.items():
            signal.signal(number, handler)


def _raise_signalled(number: int, frame) -> None:
    _received[number] = True
    raise _Signalled(number)


def _print(text: str) -> None:
    if sys.stdout is None:  # started with standard output closed (>&-)
        raise DeriveError("cannot write the output: standard output is closed")
    try:
        click.echo(text, nl=not text.endswith("\n"))
    except BrokenPipeError:
        raise _OutputGone from None
    except OSError as exc:
        raise DeriveError(f"cannot write the output: {exc.strerror or exc}") from None


def _silence_stdout() -> None:
    # what is still buffered would fail again at exit, with a message: send it nowhere instead
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _command_inputs() -> list[str]:
    """The files the running command reads (FILE or FILE..., --template, --templates): -o may not be one."""
    ctx = click.get_current_context(silent=True)
    params = ctx.params if ctx is not None else {}
    found = [f for f in (params.get("file"), *(params.get("files") or ())) if f not in (None, "-")]
    found += list(params.get("templates") or ())
    folder = params.get("template_dir")
    if folder and os.path.isdir(folder):
        found += [os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".j2")]
    return found


def _a_number(param, value):
    if value is not None and math.isnan(value):  # FloatRange lets nan through (nan < 0.1 is false)
        raise click.BadParameter("nan is not a number of seconds", param=param)
    return value


def _read_stdin(timeout: float) -> str:
    """Standard input, read in the parent (the child does not share it), bounded: at most
    STDIN_LIMIT bytes, ended within timeout seconds (/dev/zero, a pipe that never closes: exit 3)."""
    from derive.files import read_bounded

    stream = sys.stdin
    if stream is None:
        raise DeriveError("cannot read standard input: it is closed")
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):  # not a descriptor (a test's stream)
        data = stream.buffer.read(STDIN_LIMIT + 1) if hasattr(stream, "buffer") else stream.read().encode()
        if len(data) > STDIN_LIMIT:
            raise LimitError(f"standard input is larger than {STDIN_LIMIT / 2**20:g} MB") from None
    else:
        data = read_bounded(fd, STDIN_LIMIT, timeout, "standard input")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ParseError("standard input is not UTF-8 text") from None
    if "\x00" in text:
        raise ParseError("standard input is not a text file")
    return text



def _shown(message: str) -> str:
    """An error message that may echo the user's input: its control characters shown escaped, so
    that input cannot drive the terminal (the caret lines' newlines stay)."""
    from derive.render.templates import printable

    return printable(message)


if __name__ == "__main__":
    run()
