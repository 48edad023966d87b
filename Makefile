# Paragraf: the one entry point. `make run` to try it, `make test` to check it.
SHELL := /bin/bash
PYTHON ?= python3
UV := .tools/bin/uv
PY := .venv/bin/python
export UV_PROJECT_ENVIRONMENT := $(CURDIR)/.venv
export PYTHONDONTWRITEBYTECODE := 1

# The PostgreSQL leg: DATABASE_URL if it names PostgreSQL, else a local server if one answers.
PG_URL ?= postgres://postgres@127.0.0.1:5432/paragraf
# The search benchmark's own PostgreSQL database (it empties it when building its archive).
PG_BENCH_URL ?= postgres://postgres@127.0.0.1:5432/paragraf_searchbench
PG_IMPORT_BENCH_URL ?= postgres://postgres@127.0.0.1:5432/paragraf_importbench

.PHONY: install apt chromium wrk office messages run test lint check-migrations test-sqlite \
	test-postgres test-browser test-browser-postgres bench loadtest clean

install: .venv/.installed node_modules/.installed
	@$(MAKE) --no-print-directory apt PACKAGES="gettext" COMMANDS="msgfmt"

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $@

.venv/.installed: pyproject.toml uv.lock
	@test -x $(UV) || ($(PYTHON) -m venv .tools && .tools/bin/pip install --quiet uv)
	$(UV) sync --frozen
	@touch $@

# Debian packages, installed with apt-get when run as root: gettext compiles the
# translations, Chromium drives the browser tests, wrk loads the benchmark server,
# LibreOffice converts office files, qpdf is the benchmark's merging ceiling.
apt:
	@missing=""; for c in $(COMMANDS); do \
	  command -v $$c >/dev/null || missing="$(PACKAGES)"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian packages: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing Debian packages: $$missing. Run: sudo apt-get install $$missing" >&2; exit 1; \
	  fi; \
	fi

chromium:
	@$(MAKE) --no-print-directory apt PACKAGES="chromium" COMMANDS="/usr/bin/chromium"

wrk:
	@$(MAKE) --no-print-directory apt PACKAGES="wrk" COMMANDS="wrk"

# LibreOffice Writer converts office attachments for the bundle (a test checks it).
office:
	@$(MAKE) --no-print-directory apt PACKAGES="libreoffice-writer-nogui" COMMANDS="soffice"

messages: install
	$(PY) manage.py compilemessages --ignore=.venv --ignore=.tools --ignore=node_modules -v 0

run: install messages
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py load_demo
	$(PY) manage.py rebuild_search_index
	$(PY) manage.py runserver 127.0.0.1:8000

lint: install
	@echo "== gate: ruff"
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

check-migrations: install
	@echo "== gate: no missing migrations"
	$(PY) manage.py makemigrations --check --dry-run -v 1

test-sqlite: install messages office
	@echo "== gate: tests on SQLite"
	env -u DATABASE_URL .venv/bin/pytest -q -p no:cacheprovider --ignore=paragraf/browser

# The PostgreSQL legs: DATABASE_URL when it names PostgreSQL, else the local server;
# with neither, the leg says so and is skipped (a failure under REQUIRE_POSTGRES).
define find_postgres
url="$${DATABASE_URL:-}"; \
if [[ "$$url" != postgres* ]]; then \
  if $(PY) -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then \
    url="$(PG_URL)"; \
  elif [ -n "$${REQUIRE_POSTGRES:-}" ]; then \
    echo "PostgreSQL is required (REQUIRE_POSTGRES) but none answers on 127.0.0.1:5432" >&2; exit 1; \
  else \
    echo "== gate: $(1) not run: no DATABASE_URL and nothing on 127.0.0.1:5432"; exit 0; \
  fi; \
fi
endef

test-postgres: install messages office
	@$(call find_postgres,PostgreSQL leg); \
	echo "== gate: tests on PostgreSQL"; \
	DATABASE_URL="$$url" .venv/bin/pytest -q -p no:cacheprovider --ignore=paragraf/browser

test-browser: install messages chromium
	@echo "== gate: browser tests (Chromium, SQLite)"
	env -u DATABASE_URL .venv/bin/pytest -q -p no:cacheprovider paragraf/browser

test-browser-postgres: install messages chromium
	@$(call find_postgres,browser leg on PostgreSQL); \
	echo "== gate: browser tests (Chromium, PostgreSQL)"; \
	DATABASE_URL="$$url" .venv/bin/pytest -q -p no:cacheprovider paragraf/browser

# Every gate runs even when an earlier one fails; the summary says which broke
# (PASS, FAIL, or SKIP for a PostgreSQL leg with no server), and make test fails
# when any gate did.
GATES := ruff=lint migrations=check-migrations sqlite=test-sqlite postgresql=test-postgres \
	browser=test-browser browser-postgresql=test-browser-postgres
test: install messages
	@set -o pipefail; logs=$$(mktemp -d); status=0; summary=""; \
	for gate in $(GATES); do \
	  name="$${gate%%=*}"; target="$${gate#*=}"; \
	  if $(MAKE) --no-print-directory "$$target" 2>&1 | tee "$$logs/$$name"; then \
	    if grep -q "^== gate: .* not run" "$$logs/$$name"; then result=SKIP; else result=PASS; fi; \
	  else \
	    result=FAIL; status=1; \
	  fi; \
	  summary="$$summary$$result $$name"$$'\n'; \
	done; \
	rm -rf "$$logs"; \
	echo "== summary"; printf '%s' "$$summary"; \
	if [ $$status != 0 ]; then echo "make test FAILED: see the FAIL gates above."; fi; \
	exit $$status

bench: install messages wrk
	@$(MAKE) --no-print-directory apt PACKAGES="qpdf libreoffice-writer-nogui" COMMANDS="qpdf soffice"
	$(PY) bench/run.py
	$(PY) bench/documents.py
	$(PY) bench/oparl_import.py
	$(PY) bench/search.py
	@if $(PY) -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then \
	  $(PY) bench/oparl_import.py --database $(PG_IMPORT_BENCH_URL) && \
	  $(PY) bench/search.py --database $(PG_BENCH_URL); \
	else echo "No PostgreSQL on 127.0.0.1:5432: the import and search benchmarks ran on SQLite only"; fi

# 100 visitors at once for 60 s against the benchmark archive under gunicorn
# (start, meeting, search and API pages); writes bench/results/loadtest.json.
loadtest: install messages wrk
	$(PY) bench/loadtest.py

clean:
	rm -rf .venv .tools node_modules var bench/results
