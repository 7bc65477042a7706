# Two entry points for a fresh machine (see README.md):
#   make sample   set up, then build the Kirklees 2018 direction into out/
#   make test     set up, then lint, type-check and run the tests (what CI runs)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLE ?= samples/kirklees-2018-01-25-direction.yaml

.PHONY: setup sample test

$(BIN)/drafting: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

setup: $(BIN)/drafting

sample: setup
	mkdir -p out
	$(BIN)/drafting build $(SAMPLE) -o out --force

test: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest
