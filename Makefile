# Two commands on a fresh machine: `make all` builds output/, `make test` runs the tests.
#   make all RAW="new texts" OUT=elsewhere ARGS="--paper letter --jobs 1"
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
RAW    ?= raw
OUT    ?= output
ARGS   ?=
STAMP  := $(VENV)/.installed
NEEDS  := 3.11

.PHONY: all bytecode test check lint-fix lock golden gazetteer bench bench-10000 fuzz dist watch clean site axe translations

all: bytecode
	$(PY) -m pipeline build "$(RAW)" --out "$(OUT)" $(ARGS)

# A zip to hand out: dist/briefings-YYYY-MM-DD.zip
dist: all
	$(PY) -m pipeline dist "$(OUT)" --dist dist

# The web archive, OUT/site/ (every build makes it, with OUT/archive.sqlite): open index.html,
# or serve the folder for its search (python3 -m http.server -d OUT/site).
site: all
	@echo "$(OUT)/site/index.html"

# axe-core for the accessibility test of the web archive (tests/.cache/axe.min.js, npm's tarball
# checked against its SHA-256); the test skips without it.
AXE_VERSION := 4.14.1
AXE_SHA256  := e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745
axe:
	mkdir -p tests/.cache
	cd tests/.cache && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null
	echo "$(AXE_SHA256)  tests/.cache/axe-core-$(AXE_VERSION).tgz" | sha256sum --check --quiet
	tar -xzf tests/.cache/axe-core-$(AXE_VERSION).tgz -C tests/.cache --strip-components=1 package/axe.min.js
	rm tests/.cache/axe-core-$(AXE_VERSION).tgz

# Rebuild whenever a raw text is dropped into or changed in RAW; Ctrl-C stops.
watch: bytecode
	$(PY) -m pipeline watch "$(RAW)" --out "$(OUT)" $(ARGS)

test: $(STAMP)
	$(PY) -m pytest -q -n auto

# What CI checks besides the tests: lint, format, types, import direction, dependencies.
check: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports
	$(VENV)/bin/deptry .

lint-fix: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The briefings' words in every language: extract the marked strings into the template
# (pipeline/locale/briefings.pot), carry them into each language's catalog
# (pipeline/locale/<lang>/LC_MESSAGES/briefings.po: translate what is new there), compile
# the .mo files the build reads. Commit all three; tests/test_languages.py checks them.
# The regions' names pycountry has none for in a language, or not as the language writes them
# (regions.po: the members' regions in Russian, Korean and Chinese, Mongolia's in Mongolian,
# Japan's prefectures in Japanese with their unit), are the project's own rows, compiled beside them.
translations: $(STAMP)
	$(VENV)/bin/pybabel extract --no-location --omit-header --sort-output -o pipeline/locale/briefings.pot pipeline/render pipeline/builder
	$(VENV)/bin/pybabel update --no-wrap --no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date \
		-D briefings -i pipeline/locale/briefings.pot -d pipeline/locale
	$(VENV)/bin/pybabel compile --statistics -D briefings -d pipeline/locale
	$(VENV)/bin/pybabel compile --statistics -D regions -d pipeline/locale

# Regenerate tests/golden/*.json from tests/samples/*.txt; review with `git diff tests/golden`.
golden: $(STAMP)
	$(PY) -m pytest tests/test_golden.py --update-golden

# The package's bytecode, as a (non-editable) pip install compiles it; kept up to date on
# every run. Where PYTHONDONTWRITEBYTECODE is set (as in some CI images) Python would
# otherwise compile every module of the package again in each process: a tenth of a
# build with nothing to do.
bytecode: $(STAMP)
	@$(PY) -m compileall -q pipeline

# A .venv left by another Python (or a failed install) is replaced, never reused.
VENV_OK := $(shell $(PY) -c 'import sys; print(sys.version_info >= (3, 11))' 2>/dev/null)
ifneq ($(VENV_OK),True)
$(shell rm -f $(STAMP))
endif

$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
		echo "make: NEAR briefings needs Python $(NEEDS) or newer; '$(PYTHON)' is $$($(PYTHON) --version 2>&1 || echo 'not found'). Try: make all PYTHON=python$(NEEDS)" >&2; \
		exit 2; }
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation --editable .
	touch $(STAMP)

# Re-pin requirements.lock (hashed) from pyproject.toml's dependencies and extras (needs the package index).
lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet pip-tools
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links --extra test --extra dev -o requirements.lock pyproject.toml
	rm -rf .venv-lock

clean:
	rm -rf $(VENV) dist "$(OUT)"/*.json "$(OUT)"/*.pdf "$(OUT)"/*.docx "$(OUT)"/.manifest.json
	rm -rf "$(OUT)"/archive.sqlite "$(OUT)"/site "$(OUT)"/.site.json

# Regenerate pipeline/tagger/data/gazetteer.json from pycountry and pipeline/tagger/data/gazetteer_sources.toml.
gazetteer: $(STAMP)
	$(PY) -m tools.build_gazetteer

# Benchmarks: print figures (not tests).
# A coverage-guided fuzzer over read -> parse -> tag -> render for FUZZ_SECONDS (default
# 30 minutes); failing inputs land in fuzz-crashes/ (see tools/fuzz.py).
FUZZ_SECONDS ?= 1800
fuzz: $(STAMP)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r tools/fuzz-requirements.lock
	$(PY) -m tools.fuzz --seconds $(FUZZ_SECONDS) --crashes fuzz-crashes

bench: bytecode
	$(PY) -m tools.bench parse
	$(PY) -m tools.bench tagging --texts 1000
	$(PY) -m tools.bench render --texts 200 --languages en,ko,ja,zh,ru,mn
	$(PY) -m tools.bench build --texts 1000 --repeat 2
	$(PY) -m tools.bench_archive --texts 1000

# The build benchmark's figures at 10,000 texts, once (the timed build sampled every second).
bench-10000: bytecode
	$(PY) -m tools.bench build --texts 10000 --sample-every 1
