# Two commands for a newcomer: `make lab` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings
LAB_ARGS ?=
# Jupyter refuses to start as root unless told; CI and containers run as root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: setup lab test lint bench clean

setup: $(STAMP) $(LAB_SETTINGS)/overrides.json

# Re-install only when the dependency list changes, so a second `make test` starts at once.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The project's JupyterLab settings (no news pop-up, code collapsed) for this environment only.
$(LAB_SETTINGS)/overrides.json: lab/overrides.json $(STAMP)
	mkdir -p $(LAB_SETTINGS)
	cp lab/overrides.json $@

lab: setup
	$(BIN)/jupyter lab notebooks/00_start_here.ipynb $(ROOT_FLAG) $(LAB_ARGS)

lint: setup
	$(BIN)/ruff check widgets tests bench scripts

test: setup lint
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf build .pytest_cache .hypothesis
