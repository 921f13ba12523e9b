# dateline: two commands on a fresh machine.
#   make run    set everything up (virtualenv, dependencies, model, gazetteer) and run on examples/
#   make test   set up and run the tests
PYTHON ?= python3
VENV   ?= .venv
PY      = $(VENV)/bin/python
DATELINE = $(VENV)/bin/dateline
export DATELINE_DATA_DIR ?= $(CURDIR)/.cache/dateline
GAZETTEER = $(DATELINE_DATA_DIR)/gazetteer.sqlite

.PHONY: setup data run test bench seed clean help browser web-assets serve

help:
	@echo "make run    - set up and run dateline on the bundled synthetic examples (writes out/)"
	@echo "make test   - set up and run the test suite"
	@echo "make seed   - run on the worked example in ../shared and score it"
	@echo "make bench  - pipeline speed against spaCy's own parse (needs ../shared)"
	@echo "make serve  - serve the map, timeline, table and review UI over out/dateline.sqlite"

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
	echo "See them on a map: $(DATELINE) serve --db out/dateline.sqlite   (or: make serve)"; \
	echo "  then open http://127.0.0.1:8000/ (read-only; add --set serve.token=SECRET to review)"; \
	exit $$status

# The store's tests run on SQLite and, where PostgreSQL's server is installed, on a throwaway
# PostgreSQL server too (scripts/with-postgres.sh); without it those tests skip.
test: data browser
	scripts/with-postgres.sh $(PY) -m pytest

# The UI tests drive Debian's chromium (no browser download): install it when missing, as root.
# Without it the UI tests skip with the reason; the rest of the suite still runs.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	      || echo "could not install chromium: the browser tests will skip"; \
	  else echo "no /usr/bin/chromium (install Debian's chromium as root): the browser tests will skip"; fi; \
	fi

# Leaflet, marker clustering, topojson-client and the Natural Earth outlines, from npm (shipped in
# src/dateline/web/static/vendor/; this refetches them only when a file is missing).
web-assets: setup
	$(PY) -m dateline.web.assets --if-missing

serve: data
	$(DATELINE) serve --db out/dateline.sqlite

seed: data
	$(DATELINE) run ../shared/eval/seed/ara-palmyra-2016-03.txt --id ara-palmyra-2016-03 \
	  --published 2016-03-17 --outlet "ARA News" --out out/seed
	$(PY) ../shared/eval/score_events.py ../shared/eval/seed/gold.jsonl out/seed/events.jsonl --verbose

bench: data
	$(DATELINE) bench speed

clean:
	rm -rf out .pytest_cache
