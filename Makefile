# Two commands on a fresh machine: `make all` builds output/, `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
RAW    ?= raw
OUT    ?= output
STAMP  := $(VENV)/.installed

.PHONY: all test lock golden gazetteer bench dist watch clean

all: $(STAMP)
	$(PY) -m pipeline build $(RAW) --out $(OUT)

# A zip to hand out: dist/briefings-YYYY-MM-DD.zip
dist: all
	$(PY) -m pipeline dist $(OUT) --dist dist

# Rebuild whenever a raw text is dropped into or changed in RAW; Ctrl-C stops.
watch: $(STAMP)
	$(PY) -m pipeline watch $(RAW) --out $(OUT)

test: $(STAMP)
	$(PY) -m pytest -q

# Regenerate tests/golden/*.json from tests/samples/*.txt; review with `git diff tests/golden`.
golden: $(STAMP)
	$(PY) -m pytest tests/test_golden.py --update-golden

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation --editable .
	touch $(STAMP)

# Re-pin requirements.lock from requirements.in (needs the package index).
lock:
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet pip-tools
	.venv-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in
	rm -rf .venv-lock

clean:
	rm -rf $(VENV) dist $(OUT)/*.json $(OUT)/*.pdf $(OUT)/*.docx $(OUT)/.manifest.json

# Regenerate pipeline/tagger/data/gazetteer.json from pycountry and pipeline/data/gazetteer_sources.toml.
gazetteer: $(STAMP)
	$(PY) -m tools.build_gazetteer

# Benchmarks: print figures (not tests).
bench: $(STAMP)
	$(PY) -m tools.bench tagging --texts 1000
	$(PY) -m tools.bench render --texts 200
	$(PY) -m tools.bench build --texts 1000
