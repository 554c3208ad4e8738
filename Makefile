# SCR Workbench: `make run` to use it, `make test` to check it. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# uv from the machine if it has one, else from PyPI through pip (no other downloads).
UV := $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
# Everything runs from the project's own virtual environment, installed from requirements.lock.
RUN := .venv/bin/
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: help install lock run test lint typecheck architecture test-sqlite test-postgres \
        frontend frontend-test openapi

help:
	@echo "make run   install, migrate, load the demo and serve http://$(HOST):$(PORT)"
	@echo "make test  lint, type-check, test on SQLite and PostgreSQL, build and test the frontend"

install:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv
	$(UV) venv --quiet --allow-existing --python 3.11 .venv
	$(UV) pip sync --quiet --python .venv/bin/python requirements.lock
	$(UV) pip install --quiet --python .venv/bin/python --no-deps -e .

# After changing dependencies in pyproject.toml: refresh the lock (pinned, with hashes).
lock:
	$(UV) pip compile pyproject.toml --group dev --generate-hashes --universal \
	  --python-version 3.11 -q -o requirements.lock

frontend: install
	@if [ -f frontend/package.json ]; then \
	  cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run build; \
	else echo "No frontend yet: the plain page is served."; fi

# The demo instance: fictional data, so a fixed signing key is allowed (SCR_DEMO).
run: frontend
	$(RUN)scr db upgrade
	SCR_DEMO=true $(RUN)scr demo --corpus 300 --seed 1
	SCR_DEMO=true $(RUN)scr serve --host $(HOST) --port $(PORT)

lint: install
	$(RUN)ruff check scr api typology tests migrations benchmarks
	$(RUN)ruff format --check scr api typology tests migrations benchmarks

typecheck: install
	$(RUN)mypy

architecture: install
	$(RUN)lint-imports

test-sqlite: install
	$(RUN)pytest -q -m "not browser"

test-postgres: install
	./scripts/with-postgres $(RUN)pytest -q -m "not browser"

# After changing routes or schemas: write the API's OpenAPI document to frontend/openapi.json
# and regenerate the client in frontend/src/client from it (generated, never edited by hand).
# tests/api/test_openapi_client.py and the frontend's client.test.ts fail until this is run.
openapi: install
	$(RUN)python -c 'import json, sys; from api.main import create_app; \
	  json.dump(create_app(check_migrations=False).openapi(), sys.stdout, indent=2, ensure_ascii=False); \
	  print()' > frontend/openapi.json.tmp
	mv frontend/openapi.json.tmp frontend/openapi.json
	cd frontend && { [ -d node_modules ] || npm ci --no-audit --no-fund --loglevel=error; } && npm run client

frontend-test: frontend
	@if [ -f frontend/package.json ]; then \
	  cd frontend && npm run lint && npm run typecheck && npm test; \
	fi
	$(RUN)pytest -q -m browser

test:
	./scripts/system-packages
	$(MAKE) lint typecheck architecture
	$(MAKE) test-sqlite
	$(MAKE) test-postgres
	$(MAKE) frontend-test
