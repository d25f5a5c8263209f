"""Count the `=` links of a corpus_ml21 document (same rule as corpus_ml4: \\[...\\] in Markdown is display math too).

A link is an `=` relation sign in display math:
  * LaTeX (.tex): equation, equation*, align, align* (with aligned inside), \\[ ... \\]
  * Markdown (.md): $$ ... $$ blocks, \\[ ... \\] blocks (as some Markdown renderers accept)
    and \\begin{align*} ... \\end{align*} written directly in the Markdown (outside $$);
    code fences are ignored. Inline \\( ... \\) and $ ... $ are not display math.
A `\\[` that is preceded by another backslash is a line break with extra space (`\\\\[4pt]`),
not the start of a display. Not counted: `=` inside a subscript or superscript (_{...}, ^{...}, or a one-token
argument), inside \\text{...}, \\label{...}, \\tag{...}, \\eqref{...}, inside the bracket of an
indicator \\mathbb{1}[...], in LaTeX comments, and anywhere in inline math or prose.

Usage: python count.py FILE...   (prints the number of links of each file)
"""
import re
import sys

DISPLAY_ENVS = ("equation", "equation*", "align", "align*")
SKIP_GROUP_CMDS = ("text", "textrm", "mbox", "label", "tag", "eqref", "ref")


def _comment_mask(text):
    """Intervals of LaTeX comments (% to end of line, not \\%)."""
    out = []
    for m in re.finditer(r"(?<!\\)%[^\n]*", text):
        out.append((m.start(), m.end()))
    return out


def _code_fence_mask(text):
    out = []
    for m in re.finditer(r"^```.*?^```[^\n]*$", text, flags=re.S | re.M):
        out.append((m.start(), m.end()))
    return out


def _inside(pos, intervals):
    return any(a <= pos < b for a, b in intervals)


def display_regions(text, ext):
    """Return a sorted list of (start, end) offsets of display-math bodies."""
    regions = []
    if ext == ".tex":
        masked = _comment_mask(text)
        env_re = re.compile(r"\\begin\{(%s)\}" % "|".join(re.escape(e) for e in DISPLAY_ENVS))
        pos = 0
        while True:
            m = env_re.search(text, pos)
            if not m:
                break
            if _inside(m.start(), masked):
                pos = m.end()
                continue
            env = m.group(1)
            end_tag = "\\end{%s}" % env
            e = text.index(end_tag, m.end())
            regions.append((m.end(), e))
            pos = e + len(end_tag)
        for m in re.finditer(r"(?<!\\)\\\[(.*?)\\\]", text, flags=re.S):
            if not _inside(m.start(), masked):
                regions.append((m.start(1), m.end(1)))
    elif ext == ".md":
        fences = _code_fence_mask(text)
        i = 0
        dollar_blocks = []
        while True:
            a = text.find("$$", i)
            if a < 0:
                break
            if _inside(a, fences):
                i = a + 2
                continue
            b = text.find("$$", a + 2)
            if b < 0:
                raise ValueError("unclosed $$")
            dollar_blocks.append((a + 2, b))
            i = b + 2
        regions.extend(dollar_blocks)
        for m in re.finditer(r"(?<!\\)\\\[(.*?)\\\]", text, flags=re.S):
            if _inside(m.start(), fences) or _inside(m.start(), dollar_blocks):
                continue
            regions.append((m.start(1), m.end(1)))
        env_re = re.compile(r"\\begin\{(%s)\}" % "|".join(re.escape(e) for e in DISPLAY_ENVS))
        for m in env_re.finditer(text):
            if _inside(m.start(), fences) or _inside(m.start(), dollar_blocks):
                continue
            end_tag = "\\end{%s}" % m.group(1)
            e = text.index(end_tag, m.end())
            regions.append((m.end(), e))
    else:
        raise ValueError(ext)
    return sorted(regions)


def _skip_group(s, i):
    """s[i] == '{' (or '['); return index after the matching close."""
    open_c = s[i]
    close_c = "}" if open_c == "{" else "]"
    depth = 0
    j = i
    while j < len(s):
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == open_c:
            depth += 1
        elif c == close_c:
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    raise ValueError("unbalanced group")


def excluded_intervals(body):
    """Intervals (relative to body) whose `=` are not links."""
    out = []
    i = 0
    n = len(body)
    while i < n:
        c = body[i]
        if c == "\\":
            m = re.match(r"\\([A-Za-z]+)", body[i:])
            if m:
                name = m.group(1)
                j = i + len(m.group(0))
                k = j
                while k < n and body[k] in " \t\n":
                    k += 1
                if name in SKIP_GROUP_CMDS and k < n and body[k] == "{":
                    end = _skip_group(body, k)
                    out.append((i, end))
                    i = end
                    continue
                if name == "mathbb" and body[k:k + 3] == "{1}":
                    k2 = k + 3
                    while k2 < n and body[k2] in " \t\n":
                        k2 += 1
                    if k2 < n and body[k2] == "[":
                        end = _skip_group(body, k2)
                        out.append((i, end))
                        i = end
                        continue
                i = j
                continue
            i += 2
            continue
        if c in "_^":
            k = i + 1
            while k < n and body[k] in " \t\n":
                k += 1
            if k < n and body[k] == "{":
                end = _skip_group(body, k)
            elif k < n and body[k] == "\\":
                m = re.match(r"\\([A-Za-z]+|.)", body[k:])
                end = k + len(m.group(0))
            else:
                end = k + 1
            out.append((i, end))
            i = end
            continue
        i += 1
    return out


def link_positions(text, ext):
    """Absolute offsets of every counted `=` in the document."""
    comments = _comment_mask(text) if ext == ".tex" else []
    pos = []
    for a, b in display_regions(text, ext):
        body = text[a:b]
        exc = excluded_intervals(body)
        for m in re.finditer("=", body):
            p = m.start()
            if _inside(p, exc) or _inside(a + p, comments):
                continue
            if p > 0 and body[p - 1] in ":<>!":
                continue
            pos.append(a + p)
    return pos


def count_links(path):
    ext = "." + path.rsplit(".", 1)[1]
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return len(link_positions(text, ext))


if __name__ == "__main__":
    total = 0
    for p in sys.argv[1:]:
        c = count_links(p)
        total += c
        print("%4d  %s" % (c, p))
    print("%4d  total" % total)
