# ketamine-notebooks — the commands students, instructors and CI use.
#   make lab       students: your own copy of the course (workspace/) in JupyterLab; runtime only
#   make lab-instructor  the instructor notebooks (with solutions) in JupyterLab
#   make test      run every check: lint, unit tests, strict nbval, hygiene, editions, browser
#   make execute   re-execute every notebook in place (NB=notebooks/xx.ipynb for one)
#   make slides    offline reveal.js decks in build/slides/
#   make student   student editions without solutions in build/student/
#   make nbgrader  nbgrader source (graded questions) and release in build/nbgrader/ (instructors)
#   make handouts  printable A4 PDF handouts of the student edition in build/handouts/
#   make slides-pdf  a PDF of each deck, one page per slide, in build/slides/ (instructors)
#   make site      the course website in build/site/ (open build/site/index.html; offline)
#   make benchmark timing and memory of the course next to a floor notebook
#   make lock      re-resolve the newest allowed versions into constraints.txt
#   make clean     remove what was built (keeps workspace/ and your edited nbgrader sources)
#   make distclean remove .venv and all of build/ too (never workspace/)

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
RUNTIME := $(VENV)/.runtime
# The student's own folder: git-ignored, never removed by any target, never overwritten where changed.
WORKSPACE ?= workspace
NB     ?=
PYTEST_WORKERS ?= 2

.PHONY: help venv lab lab-instructor workspace test lint unit nbval execute slides slides-pdf student nbgrader handouts \
	site benchmark lock \
	browser-deps clean distclean venv-python

help:
	@sed -n '2,16p' Makefile | sed 's/^# *//'

# The venv: made by $(PYTHON) (3.11 or newer); one made by an older or a broken Python is made again, saying
# why, so a failed first try never blocks the next.
define make_venv
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
		echo "setup: the course needs Python 3.11 or newer, and $(PYTHON) is $$($(PYTHON) -V 2>&1);" \
		"install Python 3.11 and run again with PYTHON=python3.11" >&2; exit 1; }
	@if [ -e $(VENV) ] && ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; \
	then echo "setup: $(VENV) was made by an older or a broken Python; making it again"; rm -rf $(VENV); fi
	@test -x $(BIN)/python || { echo "setup: making the virtual environment $(VENV)"; $(PYTHON) -m venv $(VENV); }
	@$(BIN)/python -m pip install --quiet --upgrade pip
endef

# Only the venv's Python (made again when too old or broken); the install targets below start with it.
venv-python:
	$(make_venv)

# Runtime only (what a student needs) ...
$(RUNTIME): pyproject.toml constraints.txt
	$(make_venv)
	@echo "setup: installing the course's Python packages into $(VENV) (about 550 MB; a few minutes the first time)"
	$(BIN)/python -m pip install --progress-bar on -c constraints.txt -e .
	@touch $(RUNTIME)

# ... and with the test tools (what make test and the authoring targets need).
$(STAMP): pyproject.toml constraints.txt
	$(make_venv)
	@echo "setup: installing the course's packages and its test tools into $(VENV) (about 900 MB; a few" \
		"minutes the first time)"
	$(BIN)/python -m pip install --progress-bar on -c constraints.txt -e ".[test]"
	@touch $(RUNTIME) $(STAMP)

venv: $(STAMP)

# Students: build the student edition, copy what is new into $(WORKSPACE) (keeping every notebook you have
# changed) and open the course map there.
workspace: $(RUNTIME)
	$(BIN)/python -m course_tools student
	$(BIN)/python -m course_tools workspace --to $(WORKSPACE)

# make lab = python -m course_tools lab (the same steps as make workspace, then JupyterLab; kernels on
# private sockets, see src/course_tools/kernels.py).
lab: $(RUNTIME)
	$(BIN)/python -m course_tools lab --to $(WORKSPACE)

# Instructors who grade with nbgrader: the grading extra on top of the runtime (never in make lab).
GRADING := $(VENV)/.grading
$(GRADING): $(RUNTIME)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[grading]"
	@touch $(GRADING)

nbgrader: $(GRADING)
	$(BIN)/python -m course_tools nbgrader $(NB)

# The course website: the site extra (Sphinx, myst-nb, the book theme) on top of the runtime; make test has
# it through the test extra. MathJax comes from npm on the first build.
SITE := $(VENV)/.site
$(SITE): $(RUNTIME)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[site]"
	@touch $(SITE)

site: $(SITE)
	$(BIN)/python -m course_tools site

lab-instructor: $(RUNTIME)
	$(BIN)/python -m course_tools lab --instructor

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks notebooks

test: $(STAMP) lint browser-deps
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile \
		--nbval --nbval-sanitize-with tests/nbval_sanitize.cfg tests notebooks

# Every test that needs neither Chromium nor npm (no root needed).
unit: $(STAMP)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile -m "not browser" tests

nbval: $(STAMP)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile \
		--nbval --nbval-sanitize-with tests/nbval_sanitize.cfg notebooks

execute: $(STAMP)
	$(BIN)/python -m course_tools execute $(NB)

slides: $(STAMP)
	$(BIN)/python -m course_tools slides $(NB)

student: $(STAMP)
	$(BIN)/python -m course_tools student $(NB)

handouts: $(STAMP) browser-deps
	$(BIN)/python -m course_tools handouts $(NB)

slides-pdf: $(STAMP) browser-deps
	$(BIN)/python -m course_tools slides-pdf $(NB)

# What the tests need beyond Python: Chromium for the real-browser tests (Playwright drives /usr/bin/chromium
# and never downloads a browser) and npm, which installs the decks' offline reveal.js. As root on Debian
# (CI) they are installed, saying so first; otherwise one sentence says what is missing and how to get it.
browser-deps: $(STAMP)
	@$(BIN)/python -m course_tools deps

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

# Back to a fresh clone: the venv and all build output, edited nbgrader sources included; never workspace/.
distclean:
	rm -rf $(VENV) build
