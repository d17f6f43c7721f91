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

.PHONY: install site offline test check serve serve-prod lint bench audit clean

$(STAMP): pyproject.toml scripts/constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c scripts/constraints.txt -e '.[test]'
	touch $(STAMP)

# The npm packages (package.json, pinned by package-lock.json): the web form's bundle (Decap CMS,
# copied into the site), decap-server for its browser test, the Nu Html Checker for the suite and
# Lighthouse for `make audit`. No install script runs: vnu-jar's would download a Java, and
# Debian's is the one used. A machine without npm builds the site without the form's bundle (the
# form page says so); the tests need them.
$(NODE): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
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

# The built site as the province's server serves it (Debian's nginx, `dvk nginx-config`), in the
# foreground on http://127.0.0.1:$(PROD_PORT); Ctrl+C stops it. Needs: apt-get install nginx
# libnginx-mod-http-brotli-static.
PROD_PORT ?= 8080
serve-prod: $(STAMP)
	$(BIN)/dvk build
	$(BIN)/dvk nginx-config --listen 127.0.0.1:$(PROD_PORT) --server-name localhost
	@echo "http://127.0.0.1:$(PROD_PORT)/"
	nginx -p build/nginx -c nginx.conf -e logs/error.log -g 'daemon off;'

test: $(STAMP) $(NODE)
	$(BIN)/ruff check scripts tests
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check scripts tests

BENCH_COUNTS ?= 100 1000 10000
bench: $(STAMP)
	PYTHONPATH=scripts $(BIN)/python -m bench $(BENCH_COUNTS)

# Lighthouse over the built site served compressed (scripts/bench/audit.py): scores beside their
# targets, not pass/fail. Needs Node (npm ci installs the pinned Lighthouse) and Chromium.
AUDIT_SITE ?= build/audit-site
audit: $(STAMP) $(NODE)
	$(BIN)/dvk build --site-dir $(AUDIT_SITE)
	PYTHONPATH=scripts $(BIN)/python -m bench.audit $(AUDIT_SITE)

clean:
	rm -rf site site-offline .cache

# The photo viewer, vendored from the npm registry into theme/assets/vendor/ (served by the site
# itself, never a CDN). To update: change the version, run `make vendor-photoswipe`, commit.
PHOTOSWIPE_VERSION := 5.4.4
PHOTOSWIPE_DIR     := theme/assets/vendor/photoswipe
.PHONY: vendor-photoswipe
vendor-photoswipe:
	rm -rf .cache/npm-photoswipe && mkdir -p .cache/npm-photoswipe $(PHOTOSWIPE_DIR)
	cd .cache/npm-photoswipe && npm pack --silent photoswipe@$(PHOTOSWIPE_VERSION) && tar xzf photoswipe-$(PHOTOSWIPE_VERSION).tgz
	cp .cache/npm-photoswipe/package/dist/umd/photoswipe.umd.min.js \
	   .cache/npm-photoswipe/package/dist/umd/photoswipe-lightbox.umd.min.js \
	   .cache/npm-photoswipe/package/dist/photoswipe.css $(PHOTOSWIPE_DIR)/
	cp .cache/npm-photoswipe/package/LICENSE $(PHOTOSWIPE_DIR)/LICENSE.txt  # a type every host serves
	echo "photoswipe $(PHOTOSWIPE_VERSION) (npm registry, MIT): dist/umd/*.umd.min.js, dist/photoswipe.css, LICENSE" > $(PHOTOSWIPE_DIR)/VERSION.txt
	rm -rf .cache/npm-photoswipe
