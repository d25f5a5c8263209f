"""Markdown documents: markdown-it with dollarmath (double_inline: $$…$$ inside a sentence is inline
math, as kramdown writes it) and amsmath (\\begin{align} written bare, as MathJax reads it). Code
blocks and HTML comments are not the document's math. Writers escape for their Markdown: \\_, \\*,
\\begin{align\\*} and row ends \\\\\\\\ mean _, *, align* and \\\\ in the math they wrote.
"""

from __future__ import annotations

import re

from derive.checker.documents import Display, Document, Skipped

_ENVIRONMENT = re.compile(r"^\s*\\begin\{([A-Za-z]+\*?)\}(.*)\\end\{\1\}\s*$", re.DOTALL)


def _parser():
    from markdown_it import MarkdownIt
    from mdit_py_plugins.amsmath import amsmath_plugin
    from mdit_py_plugins.dollarmath import dollarmath_plugin

    return (MarkdownIt("commonmark")
            .use(dollarmath_plugin, double_inline=True, allow_space=True, allow_digits=True)
            .use(amsmath_plugin))


def unescaped(math: str) -> str:
    """The math a Markdown writer meant, where they escaped it for their renderer."""
    math = re.sub(r"\\begin\{([A-Za-z]+)\\\*\}", r"\\begin{\1*}", math)
    math = re.sub(r"\\end\{([A-Za-z]+)\\\*\}", r"\\end{\1*}", math)
    math = re.sub(r"\\\\\\\\?(?=\s|$)", r"\\\\", math)  # row ends written \\\\ or \\\
    return re.sub(r"\\([_*])", r"\1", math)


def read_markdown(text: str, path: str, document: Document) -> None:
    for token in _parser().parse(_mathjax_displays(unescaped_environments(text))):
        line = token.map[0] + 1 if token.map else 1
        if token.type == "math_block":
            # the body starts on the line of its $$ (a leading newline moves it on by itself)
            document.displays.append(_display("$$", token.content, line, path, document))
        elif token.type == "amsmath":
            m = _ENVIRONMENT.match(token.content)
            if m:
                document.displays.append(_display(m.group(1), m.group(2), line, path, document))
            else:
                document.skipped.append(Skipped(line, "an environment whose \\end does not match its \\begin",
                                                path))
        elif token.type == "inline":
            _inline(token, line, path, document)


def _mathjax_displays(text: str) -> str:
    """\\[ … \\] (MathJax's display, which Markdown would read as escaped brackets) as $$ … $$, and
    \\( … \\) as $ … $, outside code fences; one pass, and an opener without a closer ends the search."""
    out, fenced = [], False
    for segment in re.split(r"(^(?:```|~~~).*$)", text, flags=re.MULTILINE):
        if re.match(r"^(?:```|~~~)", segment):
            fenced = not fenced
            out.append(segment)
            continue
        if fenced:
            out.append(segment)
            continue
        pos, pieces = 0, []
        while (start := segment.find("\\[", pos)) >= 0 and (end := segment.find("\\]", start + 2)) >= 0:
            pieces += [segment[pos:start], "$$", segment[start + 2:end], "$$"]
            pos = end + 2
        out.append(_INLINE_MATHJAX.sub(lambda m: f"${m.group(1)}$", "".join(pieces) + segment[pos:]))
    return "".join(out)


# \( … \): MathJax's inline math (and KaTeX's auto-render's), within one paragraph
_INLINE_MATHJAX = re.compile(r"\\\((?!\s*\n\s*\n)((?:(?!\n\s*\n).)+?)\\\)", re.DOTALL)


def unescaped_environments(text: str) -> str:
    """\\begin{align\\*} written by a Markdown writer is align* (amsmath would not see it otherwise)."""
    return re.sub(r"\\(begin|end)\{([A-Za-z]+)\\\*\}", r"\\\1{\2*}", text)


def _display(environment: str, body: str, line: int, path: str, document: Document) -> Display:
    return Display(environment, unescaped(body), line, path, order=document.next_order())


def _own_lines(children: list, k: int) -> bool:
    """The $$…$$ at k stands on lines of its own: a line break (or the paragraph's edge) on both sides,
    as in "Let … .\n$$ … $$" with no blank line before it, which MathJax shows as a display."""
    breaks = ("softbreak", "hardbreak")
    before = k == 0 or children[k - 1].type in breaks
    after = k == len(children) - 1 or children[k + 1].type in breaks
    return before and after


def _inline(token, line: int, path: str, document: Document) -> None:
    """Math in a paragraph, a list item or a quote: $…$ is inline; $$…$$ is inline inside a sentence
    (kramdown) and a display when it stands on lines of its own (a display inside a list item)."""
    offset = 0
    prose = []
    children = list(token.children or ())
    for k, child in enumerate(children):
        if child.type == "math_inline":
            document.add_inline(unescaped(child.content), line + offset, path, prose)
        elif child.type == "math_inline_double":
            if child.content.startswith("\n") or child.content.endswith("\n") or _own_lines(children, k):
                document.displays.append(_display("$$", child.content, line + offset, path, document))
            else:
                document.add_inline(unescaped(child.content), line + offset, path, prose)
        elif child.type == "text":
            prose.append(child.content)
            if "$$" in child.content:  # dollarmath leaves an unclosed $$ as text
                document.skipped.append(Skipped(line + offset, "the display $$ is never closed", path))
            if "\\begin{" in child.content:  # amsmath reads only an environment that ends as it begins
                document.skipped.append(Skipped(line + offset, "an environment derive could not read "
                                                "(is it closed, by the same name?)", path))
        offset += child.content.count("\n") if child.type != "softbreak" else 1
    document.prose.append((line, " ".join(prose), path))
