# Quick start: `make demo` and `make test` on a machine with Python 3.11+.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall when the project's metadata changes.
$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,plot,cluster]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/derive sigmoid

test: $(STAMP)
	$(BIN)/python -m pytest -q -n auto

# Compile derive's modules first, as pip does for a wheel install: an editable install leaves that
# to the first import, which never writes them where PYTHONDONTWRITEBYTECODE is set.
bench: $(STAMP)
	$(BIN)/python -m compileall -q derive
	$(BIN)/python benchmarks/bench_cli.py

clean:
	rm -rf $(VENV) build dist *.egg-info
