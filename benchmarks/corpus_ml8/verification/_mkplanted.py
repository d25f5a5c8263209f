"""Scratch helper while writing: write planted copies (gen.py does this for real)."""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from verify import all_docs, apply_edit, read, planted_name, CORPUS
for d in all_docs():
    if d.planted:
        text, line = apply_edit(read(d.file), d.planted["old"], d.planted["new"])
        open(os.path.join(CORPUS, planted_name(d.file)), "w", encoding="utf-8").write(text)
        print(planted_name(d.file), line)
