# dateline: two commands on a fresh machine.
#   make run    set everything up (virtualenv, dependencies, model, gazetteer) and run on examples/
#   make test   set up and run the tests
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
DATELINE = $(VENV)/bin/dateline
export DATELINE_DATA_DIR ?= $(CURDIR)/.cache/dateline
GAZETTEER = $(DATELINE_DATA_DIR)/gazetteer.sqlite

.PHONY: setup data run test bench seed clean help

help:
	@echo "make run    - set up and run dateline on the bundled synthetic examples (writes out/)"
	@echo "make test   - set up and run the test suite"
	@echo "make seed   - run on the worked example in ../shared and score it"
	@echo "make bench  - pipeline speed against spaCy's own parse (needs ../shared)"

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	$(PY) -m pip install -q --no-deps -e .
	touch $@

data: setup $(GAZETTEER)

$(GAZETTEER):
	$(DATELINE) gazetteer build

run: data
	$(DATELINE) run examples/articles/ --out out; status=$$?; \
	echo; echo "Explore the results: out/events.jsonl, out/events.csv, out/events.geojson, out/dateline.sqlite"; \
	exit $$status

test: data
	$(PY) -m pytest

seed: data
	$(DATELINE) run ../shared/eval/seed/ara-palmyra-2016-03.txt --id ara-palmyra-2016-03 \
	  --published 2016-03-17 --outlet "ARA News" --out out/seed
	$(PY) ../shared/eval/score_events.py ../shared/eval/seed/gold.jsonl out/seed/events.jsonl --verbose

bench: data
	$(DATELINE) bench speed

clean:
	rm -rf out .pytest_cache
