# The two commands of the README: `make demo` and `make test`. Both set up .venv first.
VENV   ?= .venv
PY     := $(VENV)/bin/python
ALAQAT := $(VENV)/bin/alaqat
DEMO_DB ?= sqlite:///./alaqat.db

.PHONY: setup demo test lint typecheck unit scores clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

# Ingest the examples, then serve the application on 127.0.0.1:8000 (it prints the address; Ctrl-C stops it).
# A refused example does not stop the demo. DEMO_TOKEN=secret make demo also allows uploads on /ingest.
DEMO_TOKEN ?=
demo: setup
	-$(ALAQAT) --db $(DEMO_DB) ingest examples
	$(ALAQAT) --db $(DEMO_DB) stats
	$(ALAQAT) --db $(DEMO_DB) serve --host 127.0.0.1 --port 8000 $(if $(DEMO_TOKEN),--token $(DEMO_TOKEN))

lint: setup
	$(VENV)/bin/ruff check src tests bench scripts

typecheck: setup
	$(VENV)/bin/mypy

unit: setup
	$(VENV)/bin/pytest

test: lint typecheck unit

scores: setup
	$(PY) scripts/score_sets.py
	$(PY) scripts/score_knowledge.py

clean:
	rm -rf $(VENV) alaqat.db alaqat.db-wal alaqat.db-shm artifacts
