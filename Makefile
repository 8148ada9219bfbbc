# Kerne: `make demo` starts the product with demo data; `make test` runs every check.
# Both set up everything they need on a fresh machine (Python venv, npm packages, translations).

PYTHON ?= python3.11
VENV ?= .venv
BIN = $(VENV)/bin
PORT ?= 8000
export PORT

.PHONY: demo test install install-dev static messages browser pdf lint typecheck migrations-check \
        pytest bench clean

demo: install pdf static messages
	$(BIN)/kerne demo --port $(PORT)

test: install-dev pdf static messages browser lint typecheck migrations-check pytest

# --- set-up -----------------------------------------------------------------

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

$(VENV)/.base-installed: $(BIN)/python requirements/base.txt pyproject.toml
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/base.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.dev-installed: $(VENV)/.base-installed requirements/dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/dev.txt
	touch $@

install: $(VENV)/.base-installed
install-dev: $(VENV)/.dev-installed

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

kerne/static/vendor/.built: node_modules/.package-lock.json scripts/build_static.mjs
	node scripts/build_static.mjs
	touch $@

static: kerne/static/vendor/.built

messages: install
	cd kerne && KERNE_TESTING=1 ../$(BIN)/python ../manage.py compilemessages -v 0

# Debian's Chromium for the browser tests; Playwright never downloads a browser here.
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }

# Debian's Pango for WeasyPrint's posters, and Poppler to read them back in the tests.
pdf:
	@ldconfig -p | grep -q libpangoft2-1.0 && command -v pdftotext >/dev/null 2>&1 || \
	  { apt-get update -qq && apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 poppler-utils >/dev/null; }

# --- checks -----------------------------------------------------------------

# lint-imports checks the layers of docs/architecture.md ([tool.importlinter] in pyproject.toml).
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

typecheck: install-dev
	KERNE_TESTING=1 $(BIN)/mypy kerne bench

migrations-check: install-dev
	KERNE_TESTING=1 $(BIN)/python manage.py makemigrations --check --dry-run

pytest: install-dev static messages
	KERNE_TESTING=1 $(BIN)/pytest -q

$(VENV)/.bench-installed: $(VENV)/.dev-installed requirements/bench.txt
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements/bench.txt
	touch $@

# Benchmarks print figures; they are not part of `make test`.
bench: $(VENV)/.bench-installed
	$(BIN)/python -m bench.themes
	$(BIN)/python -m bench.opinions
	$(BIN)/python -m bench.poster

clean:
	rm -rf $(VENV) node_modules kerne/static/vendor staticfiles var
