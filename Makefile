# Two commands make a fresh machine useful: `make site` and `make test`.
# Each sets up .venv (pinned by scripts/constraints.txt) the first time it runs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The npm packages (package.json, pinned by package-lock.json): the web form's bundle, copied into
# the site, and decap-server for its browser test. A machine without npm builds the site without
# the form's bundle (the form page says so); the tests need them.
NODE   := node_modules/.package-lock.json
NODE_IF_ANY := $(if $(shell command -v npm),$(NODE))

.PHONY: install site offline test check serve lint bench clean

$(STAMP): pyproject.toml scripts/constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c scripts/constraints.txt -e '.[test]'
	touch $(STAMP)

$(NODE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE)

install: $(STAMP) $(NODE_IF_ANY)

site: $(STAMP) $(NODE_IF_ANY)
	$(BIN)/dvk build

offline: $(STAMP) $(NODE_IF_ANY)
	$(BIN)/dvk build --offline

check: $(STAMP)
	$(BIN)/dvk check

serve: $(STAMP) $(NODE_IF_ANY)
	$(BIN)/dvk serve

test: $(STAMP) $(NODE)
	$(BIN)/ruff check scripts tests
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check scripts tests

BENCH_COUNTS ?= 100 1000 10000
bench: $(STAMP)
	PYTHONPATH=scripts $(BIN)/python -m bench $(BENCH_COUNTS)

clean:
	rm -rf site site-offline .cache
