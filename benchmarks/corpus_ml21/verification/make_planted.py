"""Write <name>_planted.<ext> from <name>.<ext>: replace the right text by the wrong text on the one display line
(a line holding a counted `=`) that contains it."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from count import link_positions  # noqa: E402
from enc21 import PLANTED  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def planted_name(f):
    b, e = f.rsplit('.', 1)
    return '%s_planted.%s' % (b, e)


def main():
    for f, (_, _, _, right, wrong, _) in PLANTED.items():
        text = open(os.path.join(ROOT, f), encoding='utf-8').read()
        ext = '.' + f.rsplit('.', 1)[1]
        link_lines = {text.count('\n', 0, p) + 1 for p in link_positions(text, ext)}
        lines = text.split('\n')
        hits = [i for i, ln in enumerate(lines) if right in ln and (i + 1) in link_lines]
        assert len(hits) == 1 and lines[hits[0]].count(right) == 1, (f, hits)
        i = hits[0]
        lines[i] = lines[i].replace(right, wrong)
        with open(os.path.join(ROOT, planted_name(f)), 'w', encoding='utf-8') as fh:
            fh.write('\n'.join(lines))
        print('%s: line %d' % (planted_name(f), i + 1))


if __name__ == '__main__':
    main()
