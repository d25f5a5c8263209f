"""derive check's report: links between neighbouring expressions, chains, prose claims, and the one
honest sentence that says what was found and how much was decided."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from derive.checker.documents import Skipped
from derive.render.templates import printable, render

VALID, INVALID, UNDECIDED, DEFINITION = "valid", "invalid", "undecided", "definition"


@dataclass
class Link:
    source: int
    target: int
    verdict: str  # valid, invalid, undecided, definition
    method: str | None = None  # the certificate, or how the difference was shown
    rule: str | None = None  # the rule that justifies a valid link, where one rule does
    reason: str | None = None  # why a link is undecided

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"from": self.source, "to": self.target,
                                "valid": True if self.verdict == VALID else
                                (False if self.verdict == INVALID else None)}
        for key in ("verdict", "method", "rule", "reason"):
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        return data


@dataclass
class ChainReport:
    line: int  # the block's first line in the file
    environment: str
    expressions: list[str]
    lines: list[int]
    file: str = "-"  # the file the chain stands in (an \input file, or the document itself)
    links: list[Link] = field(default_factory=list)
    suspects: list[int] = field(default_factory=list)  # a slip in one line
    wrong_links: list[tuple[int, int]] = field(default_factory=list)  # a wrong step: what follows agrees
    hints: dict[int, str] = field(default_factory=dict)  # suspect → "did you mean …"
    errors: dict[int, str] = field(default_factory=dict)  # expression index → why it was not read
    read_as: list[str | None] = field(default_factory=list)  # each expression as derive read it, plainly
    shown: list[bool] = field(default_factory=list)  # the reading differs from what is written
    evidence: dict[int, str] = field(default_factory=dict)  # wrong link (by its source) → what shows it

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "environment": self.environment, "expressions": self.expressions,
                "read_as": self.read_as, "file": self.file, "lines": self.lines, "links": [k.to_dict() for k in self.links],
                "suspects": self.suspects, "wrong_links": [list(w) for w in self.wrong_links],
                "hints": {str(k): v for k, v in self.hints.items()},
                "evidence": {str(k): v for k, v in self.evidence.items()},
                "unreadable": {str(k): v for k, v in self.errors.items()}}


@dataclass
class Claim:
    line: int
    sentence: str
    named: str  # the rule the prose names
    found: list[str]  # the rules that justify the line
    holds: bool

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "sentence": self.sentence, "names": self.named,
                "justified_by": self.found, "holds": self.holds}


@dataclass
class CheckReport:
    path: str
    chains: list[ChainReport]
    claims: list[Claim]
    strict: bool = False  # ok only when there is a link, and every link is decided and valid
    skipped: list[Skipped] = field(default_factory=list)  # what could not be placed in a chain, and why
    files: list[str] = field(default_factory=list)  # the \input files it read

    @property
    def links(self) -> list[Link]:
        """The claimed equalities: every link but the definitions, which claim nothing."""
        return [k for c in self.chains for k in c.links if k.verdict != DEFINITION]

    @property
    def decided(self) -> int:
        return sum(k.verdict in (VALID, INVALID) for k in self.links)

    @property
    def ok(self) -> bool:
        """No link proved wrong and no wrong claim; with strict, also everything checked."""
        sound = all(k.verdict != INVALID for k in self.links) and all(c.holds for c in self.claims)
        if self.strict:  # an unclosed display could hide anything: it counts as undecided
            unclosed = any("never closed" in s.reason for s in self.skipped)
            return sound and bool(self.links) and self.decided == len(self.links) and not unclosed
        return sound

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "strict": self.strict, "file": self.path, "links": len(self.links),
                "decided": self.decided, "verdict": self.verdict(), "blocks": [c.to_dict() for c in self.chains],
                "claims": [c.to_dict() for c in self.claims], "summary": self.summary(),
                "skipped": [{"file": s.file, "line": s.line, "reason": s.reason} for s in self.skipped]}

    def summary(self) -> dict[str, int]:
        counts = {v: sum(k.verdict == v for c in self.chains for k in c.links)
                  for v in (VALID, INVALID, UNDECIDED, DEFINITION)}
        counts["links"], counts["decided"] = len(self.links), self.decided
        counts["suspects"] = sum(len(c.suspects) for c in self.chains)
        counts["wrong claims"] = sum(not c.holds for c in self.claims)
        return counts

    def verdict(self) -> str:
        """One honest sentence: what was found, and how much of the document was checked."""
        n, decided = len(self.links), self.decided
        if not self.chains:
            return "no derivation found: nothing was checked"
        reasons = sorted({_short(k.reason) for k in self.links if k.verdict == UNDECIDED and k.reason})
        if decided == 0 and not any(not c.holds for c in self.claims):
            if not n:
                return "nothing could be checked: no claimed equality between expressions"
            return f"nothing could be checked: all {n} link{'s' * (n != 1)} undecided ({'; '.join(reasons)})"
        undecided = n - decided
        counted = f"checked {decided} of {n} links" + (
            f" ({undecided} undecided: {'; '.join(reasons)})" if undecided else "")
        wrong = sum(k.verdict == INVALID for k in self.links) + sum(not c.holds for c in self.claims)
        if wrong:
            return f"wrong steps found: {counted}"
        if self.strict and not self.ok:
            return f"not everything could be checked (--strict): {counted}"
        return f"no step proved wrong: {counted}"

    def text(self) -> str:
        """For people at a terminal: what the document wrote is shown, its control characters escaped."""
        return printable(render("check.txt.j2", report=copy.deepcopy(self)))

    def markdown(self) -> str:
        """For notebooks and web pages: the document's words are text, its formulas math, never HTML."""
        return render("check.md.j2", report=copy.deepcopy(self))  # a template cannot touch the verdict

    def _repr_markdown_(self) -> str:
        return self.markdown()

    def json(self) -> str:
        import json

        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def render(self, fmt: str = "text") -> str:
        if fmt == "json":
            return self.json()
        if fmt == "markdown":
            return self.markdown()
        if fmt == "text":
            return self.text()
        raise ValueError(f"derive check writes text, markdown or json, not {fmt!r}")


def _short(reason: str) -> str:
    """An undecided link's reason, shortened for the summary line."""
    return reason if len(reason) <= 80 else reason[:77] + "…"
