# Two commands make a fresh machine useful: `make site` and `make test`.
# Each sets up .venv (pinned by scripts/constraints.txt) the first time it runs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: install site offline test check serve serve-prod lint bench clean

$(STAMP): pyproject.toml scripts/constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c scripts/constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

site: $(STAMP)
	$(BIN)/dvk build

offline: $(STAMP)
	$(BIN)/dvk build --offline

check: $(STAMP)
	$(BIN)/dvk check

serve: $(STAMP)
	$(BIN)/dvk serve

# The built site as the province's server serves it (Debian's nginx, `dvk nginx-config`), in the
# foreground on http://127.0.0.1:$(PROD_PORT); Ctrl+C stops it. Needs: apt-get install nginx
# libnginx-mod-http-brotli-static.
PROD_PORT ?= 8080
serve-prod: $(STAMP)
	$(BIN)/dvk build
	$(BIN)/dvk nginx-config --listen 127.0.0.1:$(PROD_PORT) --server-name localhost
	@echo "http://127.0.0.1:$(PROD_PORT)/"
	nginx -p build/nginx -c nginx.conf -e logs/error.log -g 'daemon off;'

test: $(STAMP)
	$(BIN)/ruff check scripts tests
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check scripts tests

BENCH_COUNTS ?= 100 1000 10000
bench: $(STAMP)
	PYTHONPATH=scripts $(BIN)/python -m bench $(BENCH_COUNTS)

clean:
	rm -rf site site-offline .cache
