import re, sys, os
def strip_braced(s, cmd):
    # remove cmd{...} with nested braces (cmd like '\\text', '_', '^')
    out, i = [], 0
    while i < len(s):
        if s.startswith(cmd + '{', i):
            j = i + len(cmd) + 1; depth = 1
            while depth:
                if s[j] == '{': depth += 1
                elif s[j] == '}': depth -= 1
                j += 1
            out.append(' ')
            i = j
        else:
            out.append(s[i]); i += 1
    return ''.join(out)
def displays(path):
    txt = open(path).read()
    blocks = []
    if path.endswith('.tex'):
        lines = [re.sub(r'(?<!\\)%.*', '', l) for l in txt.split('\n')]
        t = '\n'.join(lines)
        pat = re.compile(r'\\begin\{(align\*?|equation\*?)\}(.*?)\\end\{\1\}|\\\[(.*?)\\\]', re.S)
        for m in pat.finditer(t):
            blocks.append((t[:m.start()].count('\n') + 1, m.group(2) if m.group(2) is not None else m.group(3)))
    else:
        pat = re.compile(r'\$\$(.*?)\$\$', re.S)
        for m in pat.finditer(txt):
            blocks.append((txt[:m.start()].count('\n') + 1, m.group(1)))
    return blocks
def count_links(path):
    n = 0
    for _, b in displays(path):
        for cmd in ('\\text', '\\label', '\\tag', '\\operatorname', '\\mathrm', '_', '^'):
            b = strip_braced(b, cmd)
        n += b.count('=')
    return n
if __name__ == '__main__':
    d = sys.argv[1]
    for f in sorted(os.listdir(d)):
        if f.endswith(('.tex', '.md')) and f != 'README.md':
            print(f, count_links(os.path.join(d, f)), len(displays(os.path.join(d, f))))
