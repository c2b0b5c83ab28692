# Two commands for a newcomer: `make lab` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings
LAB_ARGS ?=
# Jupyter refuses to start as root unless told; CI and containers run as root.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

.PHONY: setup lab present test lint bench handouts slides app clean

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

# JupyterLab for a room: bigger fonts and slideshow settings, without touching everyday settings.
PRESENTING_SETTINGS := build/presenting-settings
present: setup
	mkdir -p $(PRESENTING_SETTINGS)
	cp lab/presenting.json $(PRESENTING_SETTINGS)/overrides.json
	$(BIN)/jupyter lab notebooks/00_start_here.ipynb \
		--LabApp.app_settings_dir=$(CURDIR)/$(PRESENTING_SETTINGS) $(ROOT_FLAG) $(LAB_ARGS)

lint: setup
	$(BIN)/ruff check widgets tests bench scripts

test: setup lint
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python -m bench

# Printable, offline handouts from freshly executed copies of the notebooks.
handouts: setup
	$(BIN)/python scripts/build_handouts.py

# reveal.js slides that work offline.
slides: setup
	$(BIN)/python scripts/build_slides.py

# The series as a code-free app (Voila) on 127.0.0.1.
app: setup
	$(BIN)/python scripts/serve_app.py $(APP_ARGS)

clean:
	rm -rf build .pytest_cache .hypothesis
