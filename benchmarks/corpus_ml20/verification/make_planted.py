"""Write the planted copies <name>_planted.<ext> from the slips listed in enc20.DOCS (one line changed each)."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import enc20 as E  # noqa: E402


def planted_name(name):
    stem, ext = name.rsplit(".", 1)
    return "%s_planted.%s" % (stem, ext)


def make(name):
    spec = E.DOCS[name]["planted"]
    with open(os.path.join(ROOT, name), encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = spec["line"] - 1
    assert lines[i].count(spec["right"]) == 1, (name, lines[i])
    lines[i] = lines[i].replace(spec["right"], spec["wrong"])
    out = os.path.join(ROOT, planted_name(name))
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    return out


if __name__ == "__main__":
    for n in E.ORDER:
        print(make(n))
