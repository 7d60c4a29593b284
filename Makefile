# make run   - set up .venv if needed and run the demo
# make test  - set up .venv if needed, then lint, type-check and test
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench clean distclean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when pyproject.toml changed since the last install.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/kehoach demo

test: $(STAMP)
	VENV=$(VENV) scripts/check
	VENV=$(VENV) scripts/test

lint: $(STAMP)
	VENV=$(VENV) scripts/check

format: $(STAMP)
	VENV=$(VENV) scripts/format

bench: $(STAMP)
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/rollup.py

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis test-artifacts src/*.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
