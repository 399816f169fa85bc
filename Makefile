# ketamine-notebooks — the commands students, instructors and CI use.
#   make lab       students: your own copy of the course (workspace/) in JupyterLab; runtime only
#   make lab-instructor  the instructor notebooks (with solutions) in JupyterLab
#   make test      run every check: lint, unit tests, strict nbval, hygiene, editions, browser
#   make execute   re-execute every notebook in place (NB=notebooks/xx.ipynb for one)
#   make slides    offline reveal.js decks in build/slides/
#   make student   student editions without solutions in build/student/
#   make nbgrader  nbgrader source (graded questions) and release in build/nbgrader/ (instructors)
#   make benchmark timing and memory of the course next to a floor notebook
#   make lock      re-resolve the newest allowed versions into constraints.txt

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
RUNTIME := $(VENV)/.runtime
# The student's own folder: git-ignored, never removed by any target, never overwritten where changed.
WORKSPACE ?= workspace
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
NB     ?=
PYTEST_WORKERS ?= 2

.PHONY: help venv lab lab-instructor workspace test lint unit nbval execute slides student nbgrader benchmark lock \
	browser-deps clean

help:
	@sed -n '2,11p' Makefile | sed 's/^# *//'

# Runtime only (what a student needs) ...
$(RUNTIME): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	@touch $(RUNTIME)

# ... and with the test tools (what make test and the authoring targets need).
$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test]"
	@touch $(RUNTIME) $(STAMP)

venv: $(STAMP)

# Students: build the student edition, copy what is new into $(WORKSPACE) (keeping every notebook you have
# changed) and open the course map there.
workspace: $(RUNTIME)
	$(BIN)/python -m course_tools student
	$(BIN)/python -m course_tools workspace --to $(WORKSPACE)

lab: workspace
	cd $(WORKSPACE) && $(abspath $(BIN))/jupyter lab $(ROOT_FLAG) 00_course_map.ipynb

# Instructors who grade with nbgrader: the grading extra on top of the runtime (never in make lab).
GRADING := $(VENV)/.grading
$(GRADING): $(RUNTIME)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[grading]"
	@touch $(GRADING)

nbgrader: $(GRADING)
	$(BIN)/python -m course_tools nbgrader $(NB)

lab-instructor: $(RUNTIME)
	$(BIN)/jupyter lab $(ROOT_FLAG) notebooks/00_course_map.ipynb

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks notebooks

test: $(STAMP) lint browser-deps
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile \
		--nbval --nbval-sanitize-with tests/nbval_sanitize.cfg tests notebooks

unit: $(STAMP)
	$(BIN)/python -m pytest tests

nbval: $(STAMP)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile \
		--nbval --nbval-sanitize-with tests/nbval_sanitize.cfg notebooks

execute: $(STAMP)
	$(BIN)/python -m course_tools execute $(NB)

slides: $(STAMP)
	$(BIN)/python -m course_tools slides $(NB)

student: $(STAMP)
	$(BIN)/python -m course_tools student $(NB)

# What the tests need beyond Python, from Debian: Chromium for the real-browser tests (Playwright drives
# /usr/bin/chromium and never downloads a browser) and npm, which installs the decks' offline reveal.js.
browser-deps:
	@test -x /usr/bin/chromium && command -v npm >/dev/null || { \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		$$(test -x /usr/bin/chromium || echo chromium) $$(command -v npm >/dev/null || echo npm) >/dev/null; }

benchmark: $(STAMP)
	$(BIN)/python -m benchmarks.run

# Resolves pyproject.toml afresh in a scratch venv and writes the exact versions to constraints.txt,
# keeping its comment header. Then: make execute && make test, and commit the lock with the outputs.
LOCK_VENV := build/lock-venv
lock:
	rm -rf $(LOCK_VENV) && $(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(LOCK_VENV)/bin/python -m pip install --quiet -e ".[test]"
	{ grep '^#' constraints.txt; $(LOCK_VENV)/bin/python -m pip freeze --exclude-editable; } > constraints.txt.new
	mv constraints.txt.new constraints.txt && rm -rf $(LOCK_VENV)

# Everything built, except the nbgrader sources an instructor may have edited (build/nbgrader/source).
clean:
	@if [ -d build ]; then find build -mindepth 1 -maxdepth 1 ! -name nbgrader -exec rm -rf {} +; fi
	rm -rf build/nbgrader/release build/nbgrader/.staging build/nbgrader/nbgrader_config.py
