# Tandem's one task runner: CI and people run the same targets.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
DEMO_PREGNANCIES ?= 3000
DEMO_SEED ?= 2026

.PHONY: run test test-sqlite test-postgres test-postgres-browser lint format bench install browser-deps pdf-deps check-migrations clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium for the browser tests (Playwright's own download is not available).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# What WeasyPrint needs to print care plans (Pango, HarfBuzz) and fonts for every language
# they are printed in: Noto Naskh Arabic and Noto Nastaliq Urdu, Polish and Romanian letters.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core fonts-dejavu-core
pdf-deps:
	@dpkg -s $(PDF_PACKAGES) >/dev/null 2>&1 || { \
	  echo "Installing the libraries and fonts for printing care plans"; \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $(PDF_PACKAGES) >/dev/null; }

run: $(STAMP) pdf-deps
	$(BIN)/python manage.py migrate --no-input -v0
	$(BIN)/python manage.py collectstatic --no-input -v0
	$(BIN)/python manage.py generate_demo --pregnancies $(DEMO_PREGNANCIES) --seed $(DEMO_SEED)
	$(BIN)/python manage.py demo_sign_ins
	$(BIN)/python manage.py refresh_measures
	@echo; echo "Tandem is at http://127.0.0.1:8000 (press Ctrl+C to stop)"; echo
	$(BIN)/python manage.py runserver 127.0.0.1:8000

check-migrations: $(STAMP)
	$(BIN)/python manage.py makemigrations --check --dry-run -v0

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

test-sqlite: $(STAMP) browser-deps pdf-deps
	env -u DATABASE_URL $(BIN)/pytest -n 2 --dist loadfile --cov=tandem --cov-report=term:skip-covered --cov-fail-under=90

# Runs when a PostgreSQL server answers on 127.0.0.1:5432 (CI always has one). The browser
# journeys run once, in the SQLite run: they test pages and scripts, and every view they
# drive is also tested on PostgreSQL through Django's test client. Running them twice would
# take `make test` past 15 minutes on a 2-core machine; `make test-postgres-browser` runs them.
test-postgres: $(STAMP) pdf-deps
	@if $(BIN)/python -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then \
	  echo "PostgreSQL answers on 127.0.0.1:5432: running the suite against it"; \
	  DATABASE_URL=$(PG_URL) $(BIN)/pytest -n 2 --dist loadfile -m "not browser"; \
	else echo "No PostgreSQL on 127.0.0.1:5432: skipping the PostgreSQL run"; fi

test: lint check-migrations test-sqlite test-postgres

test-postgres-browser: $(STAMP) browser-deps pdf-deps
	DATABASE_URL=$(PG_URL) $(BIN)/pytest -n 2 --dist loadfile -m browser

bench: $(STAMP) pdf-deps
	$(BIN)/python bench/records.py
	$(BIN)/python bench/pathway.py
	$(BIN)/python bench/measures.py
	$(BIN)/python bench/import.py
	$(BIN)/python bench/careplans.py

clean:
	rm -rf $(VENV) staticfiles tandem.sqlite3*
