"""derive check: verify a derivation someone wrote, and point at the wrong line.

A LaTeX or Markdown document is read with the field's parsers (documents, latex_document, markdown,
reading), its displays are assembled into chains of expressions (blocks); each link between neighbours is valid (with its certificate and, where a
rule does it, the rule's name), invalid, or undecided (with the reason). A line that disagrees with
both neighbours while they agree with each other is the suspect, and derive looks for the one small
change (a sign, a factor) that would make both links hold. Sentences such as "In line (1) we apply
the chain rule" are checked against the rule that justifies that line.

document -> blocks and chains -> definitions (what the document defines, and from where) -> links
(each chain) -> claims (the prose) -> report (with what was skipped).
"""

from __future__ import annotations

from dataclasses import replace

from derive.checker.blocks import Block, assemble
from derive.checker.claims import claims
from derive.checker.definitions import add_solved, collect, place_of
from derive.checker.documents import Document, Skipped
from derive.checker.implications import at_a_point, follow_implication
from derive.checker.macros import expand, parse_macro
from derive.checker.links import check_chain, chains_solving
from derive.checker.report import DEFINITION, INVALID, UNDECIDED, VALID, ChainReport, CheckReport, Claim, Link
from derive.errors import ParseError
from derive.verify import one_document
from derive.checker.reading import read_document

__all__ = ["DEFINITION", "INVALID", "UNDECIDED", "VALID", "ChainReport", "CheckReport", "Claim", "Link",
           "check", "check_file"]


def check(text: str, path: str = "-", define: tuple[str, ...] | list[str] = (), strict: bool = False, *,
          timeout: float | None = 120.0, max_memory: int | None = 2048,
          macros: tuple[str, ...] | list[str] = ()) -> CheckReport:
    """Check every claimed equality of the derivations in text (LaTeX, Markdown or plain).

    strict: the report is ok only when there is a link and every link is decided and valid. The work
    runs in a child process (derive.sandbox.run_limited) stopped after timeout seconds or above
    max_memory MB, as derive check's is (LimitError); None lifts a bound.
    """
    from derive.sandbox import run_limited

    return run_limited(_check, text, path, tuple(define), strict, tuple(macros), timeout=timeout,
                       memory_mb=max_memory)


def _check(text: str, path: str, define: tuple[str, ...], strict: bool, macros: tuple[str, ...] = ()) -> CheckReport:
    if not isinstance(text, str):
        raise ParseError("derive check reads text")
    with one_document():  # (the exact methods' running out counted for this document: derive.verify)
        return _checked(text, path, define, strict, macros)


def _checked(text: str, path: str, define: tuple[str, ...], strict: bool, macros: tuple[str, ...]) -> CheckReport:
    given = {m.name: m for m in map(parse_macro, macros)}  # --macro: defined outside the file
    document = read_document(text, path)
    document.macros = {**given, **document.macros}
    document.inline = [replace(item, formula=expand(item.formula, document.macros)) for item in document.inline]
    blocks = assemble(document)
    scoped = collect(blocks, tuple(define), document.inline, document.prose, document.scopes)
    solving = chains_solving(text, blocks, path)
    for block in blocks:  # "the first-order conditions": what later links may combine
        for chain in block.chains:
            if id(chain) in solving:
                add_solved(scoped, chain)
    checked, parsed, reports = [], {}, {}
    for block in blocks:
        for chain in block.chains:
            if len(chain.expressions) > 1:
                report, exprs = check_chain(block, chain, scoped.at(place_of(chain)), id(chain) in solving)
                parsed[id(chain)], reports[id(chain)] = exprs, report
                follow_implication(chain, report, exprs, parsed, reports)
                previous = checked[-1] if checked and checked[-1][0] in block.chains else None
                if previous is not None and chain.lines[0] == previous[0].lines[-1] and len(exprs) == 2:
                    at_a_point(previous[1], parsed[id(previous[0])], exprs)  # "… \text{at} x = 1"
                checked.append((chain, report))
    return CheckReport(path, [r for _, r in checked], claims(text, blocks, checked), strict,
                       _skipped(document, blocks), document.files)


def _skipped(document: Document, blocks: list[Block]) -> list[Skipped]:
    """What the report must own up to: unclosed displays, \\input files not followed, and displays
    that hold no equality, so belong to no chain."""
    out = list(document.skipped)
    for block in blocks:
        if not any(len(c.expressions) > 1 for c in block.chains) and not block.joined:
            out.append(Skipped(block.line, "a display with no = to check", block.file))
    return sorted(out, key=lambda s: (s.file != document.path, s.file, s.line))


def check_file(path: str, define: tuple[str, ...] = (), fmt: str = "text", strict: bool = False,
               macros: tuple[str, ...] = ()) -> tuple[str, int, list[str]]:
    """(the report in fmt, the exit status, the \\input files read) for a file, or standard input for '-'."""
    import sys

    try:
        if path == "-":
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
    except FileNotFoundError:
        raise ParseError(f"no such file: {path}") from None
    except UnicodeDecodeError:
        raise ParseError(f"{path} is not UTF-8 text") from None
    except OSError as exc:
        raise ParseError(f"cannot read {path}: {exc.strerror}") from None
    if "\x00" in text:
        raise ParseError(f"{path} is not a text file")
    report = check(text, path, define, strict, macros=macros)
    code = report.exit_code  # from the report itself, before any template sees it
    return report.render(fmt), code, report.files
