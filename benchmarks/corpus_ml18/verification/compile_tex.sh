#!/bin/sh
# Compile every .tex file of corpus_ml18 with pdflatex (twice, for \eqref) into a scratch
# directory that is removed afterwards. Prints one line per file; exit status 1 on any failure.
cd "$(dirname "$0")/.." || exit 1
build=verification/_build
mkdir -p "$build"
status=0
for f in *.tex; do
  if nice -n 19 pdflatex -interaction=nonstopmode -halt-on-error -output-directory "$build" "$f" >/dev/null 2>&1 &&
     nice -n 19 pdflatex -interaction=nonstopmode -halt-on-error -output-directory "$build" "$f" >/dev/null 2>&1; then
    warn=$(grep -c "undefined" "$build/${f%.tex}.log")
    echo "ok      $f  (undefined-reference warnings: $warn)"
  else
    echo "FAILED  $f"; status=1
  fi
done
rm -rf "$build"
exit $status
