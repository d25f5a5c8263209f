"""derive check: verify a derivation someone wrote, and point at the wrong line.

Every display block of a LaTeX, Markdown or plain text file is split into chains of expressions
(derive.parse.blocks); each link between neighbours is valid (with its certificate and, where a
rule does it, the rule's name), invalid, or undecided (with the reason). A line that disagrees with
both neighbours while they agree with each other is the suspect, and derive looks for the one small
change (a sign, a factor) that would make both links hold. Sentences such as "In line (1) we apply
the chain rule" are checked against the rule that justifies that line.

definitions (what the document defines) -> links (each chain) -> claims (the prose) -> report.
"""

from __future__ import annotations

from derive.checker.claims import claims
from derive.checker.definitions import collect
from derive.checker.links import check_chain
from derive.checker.report import DEFINITION, INVALID, UNDECIDED, VALID, ChainReport, CheckReport, Claim, Link
from derive.errors import ParseError
from derive.parse.blocks import extract_blocks, inline_math

__all__ = ["DEFINITION", "INVALID", "UNDECIDED", "VALID", "ChainReport", "CheckReport", "Claim", "Link",
           "check", "check_file"]


def check(text: str, path: str = "-", define: tuple[str, ...] | list[str] = (), strict: bool = False) -> CheckReport:
    """Check every claimed equality of the derivations in text (LaTeX, Markdown or plain).

    strict: the report is ok only when there is a link and every link is decided and valid.
    """
    if not isinstance(text, str):
        raise ParseError("derive check reads text")
    blocks = extract_blocks(text)
    scoped = collect(blocks, tuple(define), inline_math(text))
    checked = [(chain, check_chain(block, chain, scoped.at(chain.lines[0])))
               for block in blocks for chain in block.chains if len(chain.expressions) > 1]
    return CheckReport(path, [r for _, r in checked], claims(text, blocks, checked), strict)


def check_file(path: str, define: tuple[str, ...] = (), fmt: str = "text",
               strict: bool = False) -> tuple[str, int]:
    """(the report in fmt, the exit status) for a file, or standard input for '-'."""
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
    report = check(text, path, define, strict)
    return report.render(fmt), report.exit_code
