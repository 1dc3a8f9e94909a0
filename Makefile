# zhifa: the two commands a fresh machine needs are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Two workers: the suite is written to run in parallel (one database per worker).
WORKERS ?= 2

.PHONY: run test test-sqlite test-postgres install system-deps bench bench-large clean lint

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## make run: install, migrate the SQLite database under var/, load the demo data once, serve on 127.0.0.1:8000
## (with DEBUG on: the only place it is on)
run: $(STAMP)
	mkdir -p var
	$(BIN)/zhifa migrate --noinput
	$(BIN)/zhifa demo
	ZHIFA_DEBUG=1 $(BIN)/zhifa runserver $(HOST):$(PORT)

system-deps:
	scripts/system-deps

## make test: install what the tests need (Python packages, Chromium, CJK fonts, poppler) and run the whole suite
test: $(STAMP) system-deps
	$(BIN)/zhifa clauses --check > /dev/null
	$(BIN)/pytest -n $(WORKERS) $(PYTEST_ARGS)

## the same suite on PostgreSQL (DATABASE_URL, default 127.0.0.1:5432); .ci/run calls it
test-postgres: $(STAMP) system-deps
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/zhifa} $(BIN)/python scripts/check-postgres
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/zhifa} $(BIN)/pytest -n $(WORKERS) $(PYTEST_ARGS)

## make lint: ruff (lint and format) and no model change without its migration
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/zhifa makemigrations --check --dry-run > /dev/null

## make bench: every benchmark, each figure with its floor and ratio (10,000 seeded cases; DATABASE_URL for PostgreSQL)
bench: $(STAMP)
	nice $(BIN)/python -m benchmarks

## make bench-large: the case and supervision benchmarks grown through 10,000, 100,000 and 1,000,000 cases in one database (hours on SQLite; ZHIFA_BENCH_KEEP=name keeps it)
bench-large: $(STAMP)
	ZHIFA_BENCH_CASES=$${ZHIFA_BENCH_CASES:-10000,100000,1000000} nice $(BIN)/python -m benchmarks cases

clean:
	rm -rf $(VENV) var staticfiles
