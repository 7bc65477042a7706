# Two entry points for a fresh machine (see README.md):
#   make sample   set up, then build the Kirklees 2018 direction into out/
#   make test     set up, then lint, type-check and run the tests (what CI runs)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLE ?= samples/kirklees-2018-01-25-direction.yaml

.PHONY: setup libreoffice chromium sample test

# LibreOffice renders Word documents to PDF (build --pdf, and the tests that open documents).
LIBREOFFICE_PACKAGES := libreoffice-writer-nogui fonts-liberation
# python3-uno lets the web app keep one LibreOffice running for its PDFs (unoserver).
UNO_PACKAGES := python3-uno
# The web app's browser tests drive Debian's Chromium (browsers cannot be downloaded here).
CHROMIUM_PACKAGES := chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(BIN)/drafting: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,web]'
	touch $@

libreoffice:
	@command -v soffice >/dev/null || { \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
			$(LIBREOFFICE_PACKAGES) >/dev/null; }
	@/usr/bin/python3 -c 'import uno' 2>/dev/null || { \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
			$(UNO_PACKAGES) >/dev/null; }

chromium:
	@command -v chromium >/dev/null || { \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
			$(CHROMIUM_PACKAGES) >/dev/null; }

setup: $(BIN)/drafting libreoffice chromium

sample: setup
	mkdir -p out
	$(BIN)/drafting build $(SAMPLE) -o out --force --pdf

test: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest
