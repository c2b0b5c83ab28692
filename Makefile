# Two commands for a newcomer: `make lab` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings
LAB_ARGS ?=

# Exact versions, with hashes, made from pyproject.toml by `make lock`. The lab lock is what
# running the series needs; the test lock adds the test and build tools, at the same versions.
# environment.yml (conda, Binder) installs the test lock's versions from ENV_PINS, which has no
# hashes because pip cannot check hashes and install this project (`-e .`) in one go.
LAB_LOCK := requirements/lab.txt
TEST_LOCK := requirements/test.txt
ENV_PINS := requirements/environment-pins.txt
LAB_STAMP := $(VENV)/.installed-lab
TEST_STAMP := $(VENV)/.installed-test
# uv installs a lock in about two seconds from a warm cache, pip in about fifteen. Where uv
# cannot be had, pip does the same job. INSTALLER=pip forces pip (`make bench` times both).
INSTALLER ?= auto
UV_VERSION := 0.13.9
# pytest-xdist workers: one per core. Each worker starts its own servers on free ports.
JOBS ?= auto

.PHONY: setup setup-lab lock lab present test lint bench handouts slides app site clean

setup: $(TEST_STAMP) $(LAB_SETTINGS)/overrides.json
setup-lab: $(LAB_STAMP) $(LAB_SETTINGS)/overrides.json

# uv: from PATH, or this project's copy; PyPI's uv wheel (one binary) is fetched into .venv/uv by
# the pip that came with Python (--target, so no system site is touched).
UV_FIND := { uv=$$(command -v uv || echo $(VENV)/uv/bin/uv); [ -x "$$uv" ] \
	|| $(PYTHON) -m pip install --quiet --target $(VENV)/uv "uv==$(UV_VERSION)" >/dev/null 2>&1; }
ENSUREPIP := { $(BIN)/python -m pip --version >/dev/null 2>&1 || $(BIN)/python -m ensurepip >/dev/null; }

# $(call install-locked,LOCK): the venv (without pip, which uv does not need: that saves seconds),
# then the locked versions with their hashes checked, and this project itself, editable.
# pip cannot hash a folder, so in hash-checking mode it installs the project in a second step.
# Libraries are compiled to bytecode as they install, as pip always does and uv does when asked
# (about 2 s). Without it, where PYTHONDONTWRITEBYTECODE is set (CI boxes, containers), every
# JupyterLab, kernel and build compiles its libraries from source each time it starts: 1.5 s
# instead of 0.75 s to import JupyterLab, its server, a kernel and ipywidgets.
define install-locked
	test -x $(BIN)/python || $(PYTHON) -m venv --without-pip $(VENV)
	if [ "$(INSTALLER)" != pip ] && $(UV_FIND); then \
		"$$uv" pip install --quiet --compile-bytecode --python $(BIN)/python -r $(1) -e . ; \
	else \
		$(ENSUREPIP) && $(BIN)/python -m pip install --quiet --require-hashes -r $(1) \
		&& $(BIN)/python -m pip install --quiet --no-deps -e . ; \
	fi
endef

# Re-install only when a lock changes, so a second `make lab` or `make test` starts at once.
$(LAB_STAMP): $(LAB_LOCK) pyproject.toml
	$(call install-locked,$(LAB_LOCK))
	touch $@

# The test lock holds every version of the lab lock, so it also satisfies `make lab`.
$(TEST_STAMP): $(TEST_LOCK) $(LAB_LOCK) pyproject.toml
	$(call install-locked,$(TEST_LOCK))
	touch $@ $(LAB_STAMP)

# The project's JupyterLab settings (no news pop-up, code collapsed) for this environment only.
$(LAB_SETTINGS)/overrides.json: lab/overrides.json | $(LAB_STAMP)
	mkdir -p $(LAB_SETTINGS)
	cp lab/overrides.json $@

# Regenerate both locks from pyproject.toml after changing a dependency there (and in
# environment.yml). Versions already locked are kept; `make lock UPGRADE=1` moves to the newest.
LOCK_FLAGS := --quiet --universal --python-version 3.11 --generate-hashes \
	--custom-compile-command "make lock" $(if $(UPGRADE),--upgrade,)
# The hash-checked locks name the extras a package is asked for (jsonschema[format-nongpl]):
# without them, pip (23.2, as Python 3.11 brings) looks for the extra's newest release, which is
# not pinned, and refuses the whole lock. The conda pins are a constraints file: no extras there.
KEEP_EXTRAS := --no-strip-extras
lock:
	mkdir -p $(VENV) requirements
	$(UV_FIND) || { echo "make lock needs uv: install it with 'python3 -m pip install uv'" >&2; \
		exit 2; }; \
	"$$uv" --version \
	&& "$$uv" pip compile $(LOCK_FLAGS) $(KEEP_EXTRAS) pyproject.toml --extra test -o $(TEST_LOCK) \
	&& "$$uv" pip compile $(LOCK_FLAGS) $(KEEP_EXTRAS) pyproject.toml -c $(TEST_LOCK) -o $(LAB_LOCK) \
	&& "$$uv" pip compile $(filter-out --generate-hashes,$(LOCK_FLAGS)) --no-annotate \
		pyproject.toml --extra test -c $(TEST_LOCK) -o $(ENV_PINS)

# The targets below run the console command the package installs (widgets/tools/cli.py), so a
# clinic without make runs the very same things: `stenosis-series lab`, `... handouts` and so on.
# JupyterLab on the start-here notebook, with lab/overrides.json (--allow-root when root).
lab: setup-lab
	$(BIN)/stenosis-series lab $(LAB_ARGS)

# JupyterLab for a room: bigger fonts and slideshow settings (lab/presenting.json), for this
# session only: the everyday settings are not touched.
present: setup-lab
	$(BIN)/stenosis-series present $(LAB_ARGS)

# Style, formatting (`ruff format widgets tests bench` fixes what --check reports) and types:
# mypy reads what to check, and how strictly, from pyproject.toml [tool.mypy].
lint: setup
	$(BIN)/ruff check widgets tests bench
	$(BIN)/ruff format --check widgets tests bench
	$(BIN)/mypy

# ensure_browser.py finds (or installs) the Chromium the browser tests need, or stops with one
# line naming what to install: no browser test is skipped in silence. The ten slowest tests are
# listed at the end, to see what to speed up next.
test: setup lint
	$(BIN)/python -m widgets.tools.ensure_browser
	$(BIN)/python -m pytest -n $(JOBS) --dist loadfile --durations=10

bench: setup
	$(BIN)/python -m bench

# Printable, offline handouts from freshly executed copies of the notebooks (PDFs via Playwright).
# `make handouts OUT=DIR` writes the whole set into DIR instead of build/handouts.
handouts: setup
	$(BIN)/stenosis-series handouts --out "$(or $(OUT),build/handouts)"

# reveal.js slides that work offline.
slides: setup-lab
	$(BIN)/stenosis-series slides

# The series as a code-free app (Voila) on 127.0.0.1.
app: setup-lab
	$(BIN)/stenosis-series app $(APP_ARGS)

# A static website of the series in build/site/ (handouts, slides, large print, warning-sign
# card, explorer), for a USB stick or any web host. `make site OUT=DIR SITE_ARGS=--no-pdf`.
site: setup
	$(BIN)/stenosis-series site --out "$(or $(OUT),build/site)" $(SITE_ARGS)

clean:
	rm -rf build .pytest_cache .hypothesis
