# The two commands of the README: `make run` and `make test`.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
DEV_ENV := FAZHI_DEBUG=true

.PHONY: run test bench install migrate demo lint format openapi-snapshot browsers contract

$(VENV)/.installed: pyproject.toml
	@$(PY) -c 'import sys; assert sys.version_info[:2] == (3, 11), "需要 Python 3.11 / Python 3.11 is required"'
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@# The development defaults `make run` uses, for `.venv/bin/fazhi` as the README shows it
	@# (production sets the environment and has no .env).
	@test -f .env || printf '# 本机开发设置（make install 生成）。生产环境不使用此文件。\nFAZHI_DEBUG=true\n' > .env
	touch $@

install: $(VENV)/.installed

migrate: install
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py createcachetable

demo: migrate
	$(DEV_ENV) $(BIN)/fazhi demo

run: demo
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

test: install
	scripts/test-all

# The API contract alone (also part of `make test`): schemathesis calls every GET operation with
# generated input; FAZHI_SCHEMATHESIS_EXAMPLES per operation (default 15, about 40 s).
contract: install
	$(BIN)/pytest -q fazhi/core/tests/test_api_schemathesis.py fazhi/core/tests/test_api_bounds.py

bench: install
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python bench/run.py

lint: install
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/lint-imports && $(BIN)/mypy

format: install
	$(BIN)/ruff check --fix . && $(BIN)/ruff format .

openapi-snapshot: install
	$(DEV_ENV) $(BIN)/python manage.py export_openapi docs/api/openapi.json
