# Kawal: `make demo` sets up and serves the Gresik demo; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: demo test install lint typecheck bench serve translations clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

translations: $(STAMP)
	$(PY) manage.py compile_translations

demo: install translations
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) scripts/serve.py $(PORT)

test: install translations
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

bench: install translations
	$(PY) -m bench

clean:
	rm -rf var/kawal.sqlite3* var/huey.sqlite3* .pytest_cache
