# Briefing Studio: every target sets up what it needs (a .venv with the project installed).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
export QT_QPA_PLATFORM ?= offscreen

.PHONY: install run test lint bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,dev,bench]"
	@touch $(STAMP)

install: $(STAMP)

# Opens the desktop app on the bundled sample briefing (a real window: unset QT_QPA_PLATFORM).
run: install
	QT_QPA_PLATFORM= $(VENV)/bin/briefing-studio --sample

test: install
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports

bench: install
	$(PY) -m benchmarks.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .bench build *.egg-info
