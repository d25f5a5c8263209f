"""LaTeX documents through pylatexenc's LatexWalker: display environments and math, comments (never
math), prose, and \\input / \\include followed inside the document's folder, at most 50 files and 8
levels deep, cycles and files outside the folder reported as skipped."""

from __future__ import annotations

import re
from pathlib import Path

from derive.checker.documents import Display, Document, Lines, Skipped
from derive.checker.macros import Macro, from_def
from derive.errors import LimitError

DISPLAY_ENVIRONMENTS = ("align", "align*", "aligned", "equation", "equation*", "gather", "gather*",
                        "multline", "multline*", "split", "alignat", "alignat*", "flalign", "flalign*",
                        "eqnarray", "eqnarray*", "displaymath", "math")
# theorem-like environments whose names are their own: \begin{example} … \end{example} (not a problem's
# solution, which works with the problem's names, nor a proof)
SCOPES = ("example", "example*", "examples")
MAX_FILES = 50  # \input: files followed, at most
MAX_DEPTH = 8  # \input: nesting, at most


_DEFINERS = ("newcommand", "renewcommand", "providecommand", "DeclareMathOperator", "def")


def _macro(kind: str, args: list[str | None]) -> Macro | None:
    """A macro from pylatexenc's arguments of \\newcommand (star, name, [n], [default], body) or
    \\DeclareMathOperator (star, name, text)."""
    def bare(arg: str | None) -> str:
        return (arg or "").strip().removeprefix("{").removesuffix("}").strip()

    if kind == "DeclareMathOperator" and len(args) >= 3 and args[1] and args[2]:
        return Macro(bare(args[1]).lstrip("\\"), 0, rf"\operatorname{{{bare(args[2])}}}")
    if len(args) >= 5 and args[1] and args[4] is not None:
        nargs = int(bare(args[2]).strip("[]") or 0) if args[2] else 0
        return Macro(bare(args[1]).lstrip("\\"), nargs, bare(args[4]))
    return None


def read_latex(text: str, path: str, document: Document) -> None:
    reader = _Latex(document, Path(path).parent if path != "-" else None)
    if path != "-":
        reader.seen.add(Path(path).resolve())  # \input{main} inside main.tex is a cycle too
    reader.read(text, path, depth=0)


class _Latex:
    """Walks pylatexenc's nodes; follows \\input and \\include inside the document's folder."""

    def __init__(self, document: Document, folder: Path | None) -> None:
        self.document, self.folder = document, folder
        self.seen: set[Path] = set()
        self.files = 0
        self._lines: dict[int, tuple[str, Lines]] = {}  # each file's line index, made once

    def _line_of(self, text: str, offset: int) -> int:
        known = self._lines.get(id(text))
        if known is None or known[0] is not text:
            known = self._lines[id(text)] = (text, Lines(text))
        return known[1].at(offset)

    def read(self, text: str, path: str, depth: int) -> None:
        from pylatexenc.latexwalker import LatexWalker

        try:
            nodes, _, _ = LatexWalker(text, tolerant_parsing=True).get_latex_nodes()
            self._walk(nodes, text, path, depth)
        except RecursionError:  # thousands of unclosed \[ or { nest deeper than Python's stack
            raise LimitError(f"{path} nests displays or braces too deeply to read (are they closed?)") from None

    def _walk(self, nodes, text: str, path: str, depth: int) -> None:
        from pylatexenc.latexwalker import (LatexCharsNode, LatexEnvironmentNode, LatexGroupNode,
                                            LatexMacroNode, LatexMathNode)

        for node in nodes or ():
            if node is None:
                continue
            if isinstance(node, LatexEnvironmentNode) and node.environmentname in DISPLAY_ENVIRONMENTS:
                self._environment(node, text, path)
            elif isinstance(node, LatexMathNode):
                self._math(node, text, path)
            elif isinstance(node, LatexMacroNode) and node.macroname in ("input", "include", "subfile"):
                self._follow(node, text, path, depth)
            elif isinstance(node, LatexMacroNode) and node.macroname in _DEFINERS:
                self._define(node, text)
            elif isinstance(node, LatexCharsNode):
                self.document.prose.append((self._line_of(text, node.pos), node.chars, path))
            elif isinstance(node, LatexEnvironmentNode) and node.environmentname in SCOPES:
                start = self.document.next_order()
                self._walk(node.nodelist, text, path, depth)
                self.document.scopes.append((start, self.document.next_order()))
            elif isinstance(node, (LatexEnvironmentNode, LatexGroupNode)):
                self._walk(node.nodelist, text, path, depth)  # sections, itemize, figures …
            elif isinstance(node, LatexMacroNode) and node.nodeargd is not None:
                for arg in node.nodeargd.argnlist or ():  # \section{…}, \emph{…}: prose inside
                    if isinstance(arg, LatexGroupNode):
                        self._walk(arg.nodelist, text, path, depth)

    def _define(self, node, text: str) -> None:
        """\\newcommand{\\dd}{\\mathrm{d}}, \\newcommand{\\pd}[2]{…}, \\DeclareMathOperator{\\Cov}{Cov}, \\def."""
        if node.macroname == "def":
            macro = from_def(text, node.pos)
        else:
            args = [a.latex_verbatim() if a is not None else None for a in (node.nodeargd.argnlist or [])] \
                if node.nodeargd else []
            macro = _macro(node.macroname, args)
        if macro is not None:
            self.document.macros[macro.name] = macro

    def _environment(self, node, text: str, path: str) -> None:
        verbatim = node.latex_verbatim()
        name = node.environmentname
        closed = verbatim.rstrip().endswith(rf"\end{{{name}}}")
        start = text.index("}", node.pos) + 1  # after \begin{name}
        if name.startswith("alignat"):  # \begin{alignat}{2}: the column count is no math
            m = re.match(r"\s*\{\d+\}", text[start:])
            start += m.end() if m else 0
        end = node.pos + len(verbatim) - (len(rf"\end{{{name}}}") if closed else 0)
        body = text[start:end]
        self.document.displays.append(Display(name, body, self._line_of(text, start), path, closed,
                                              self.document.next_order()))
        if not closed:
            self.document.skipped.append(Skipped(self._line_of(text, node.pos), f"\\begin{{{name}}} is never closed", path))

    def _math(self, node, text: str, path: str) -> None:
        opener, closer = node.delimiters
        verbatim = node.latex_verbatim()
        start = node.pos + len(opener)
        closed = verbatim.endswith(closer) and len(verbatim) >= len(opener) + len(closer)
        body = text[start:node.pos + len(verbatim) - (len(closer) if closed else 0)]
        line = self._line_of(text, start)
        if node.displaytype == "display":
            kind = "$$" if opener == "$$" else r"\["
            self.document.displays.append(Display(kind, body, line, path, closed, self.document.next_order()))
            if not closed:
                self.document.skipped.append(Skipped(line, f"the display {opener} is never closed", path))
        else:
            self.document.add_inline(body, line, path)

    def _follow(self, node, text: str, path: str, depth: int) -> None:
        line = self._line_of(text, node.pos)
        target = _argument(node)
        reason = self._refusal(target, depth)
        if reason is not None:
            self.document.skipped.append(Skipped(line, reason, path))
            return
        resolved = _resolved(self.folder, target)
        if resolved is None:
            self.document.skipped.append(Skipped(line, f"\\{node.macroname}{{{target}}}: no such file", path))
            return
        if resolved in self.seen:
            self.document.skipped.append(Skipped(line, f"\\{node.macroname}{{{target}}} was read already "
                                                 "(a cycle, or a second inclusion)", path))
            return
        self.seen.add(resolved)
        self.files += 1
        self.document.files.append(str(resolved))
        try:
            included = resolved.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.document.skipped.append(Skipped(line, f"\\{node.macroname}{{{target}}}: cannot read it "
                                                 f"({getattr(exc, 'strerror', None) or exc})", path))
            return
        self.read(included, str(resolved.relative_to(self.folder.resolve())), depth + 1)

    def _refusal(self, target: str | None, depth: int) -> str | None:
        """Why an \\input is not followed, or None when it is."""
        if target is None:
            return "an \\input without a file name"
        if self.folder is None:
            return f"\\input{{{target}}}: the document came from standard input, so there is no folder to read it from"
        if Path(target).is_absolute() or ".." in Path(target).parts:
            return f"\\input{{{target}}} is outside the document's folder: not followed"
        if depth + 1 > MAX_DEPTH:
            return f"\\input{{{target}}} is nested more than {MAX_DEPTH} deep: not followed"
        if self.files >= MAX_FILES:
            return f"\\input{{{target}}}: the document includes more than {MAX_FILES} files; not followed"
        return None


def _argument(node) -> str | None:
    """The file name of \\input{name}, or of \\input name (TeX allows both)."""
    if node.nodeargd is not None and node.nodeargd.argnlist:
        arg = node.nodeargd.argnlist[-1]
        if arg is not None:
            return arg.latex_verbatim().strip().strip("{}").strip()
    return None


def _resolved(folder: Path, target: str) -> Path | None:
    """The file inside folder that target names, with or without .tex; never one outside it."""
    root = folder.resolve()
    for name in (target, target + ".tex"):
        candidate = (folder / name).resolve()
        if candidate.is_file() and (candidate == root or root in candidate.parents):
            return candidate
    return None
