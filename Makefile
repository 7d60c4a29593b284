# make run   - set up .venv if needed, build the demo database once and serve it on 127.0.0.1:8000
# make test  - set up .venv if needed, then lint, type-check and test
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# htmx and ECharts from the npm registry (package-lock.json), copied into the app's static folder
VENDOR := src/kehoach/web/static/vendor/.installed

.PHONY: run test lint format bench clean distclean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when pyproject.toml changed since the last install.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(VENDOR): package.json package-lock.json scripts/vendor-assets
	scripts/vendor-assets

run: $(STAMP) $(VENDOR)
	VENV=$(VENV) scripts/run

test: $(STAMP) $(VENDOR)
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
	rm -rf $(VENV) node_modules src/kehoach/web/static/vendor
