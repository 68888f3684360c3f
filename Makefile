# Huế IOC Analytics: two commands set everything up on a fresh machine.
#   make run    installs what is missing, builds demo data and the warehouse if absent, serves the app
#   make test   installs what is missing (Debian chromium + chromedriver included) and runs every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8050
RAW    ?= data/raw
export HOST PORT

.PHONY: run test bench lint setup system data demo warehouse clean

run: setup system data
	@echo "Serving on http://$(HOST):$(PORT)"
	$(BIN)/gunicorn --workers 2 --threads 4 --bind $(HOST):$(PORT) --timeout 120 app:server

test: setup system
	$(BIN)/pytest

bench: setup system data
	$(BIN)/python -m bench

lint: setup
	$(BIN)/ruff check .

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# Debian packages: chromium + chromedriver (browser tests, and the briefing's charts through kaleido)
# and pango (WeasyPrint's PDF layout). Nothing is downloaded outside apt.
APT_PACKAGES := chromium chromium-driver libpango-1.0-0 libpangoft2-1.0-0
system:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
		|| ! ldconfig -p | grep -q libpangoft2-1.0; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_PACKAGES); \
	fi

# Demo raw files when there are none; then load whatever changed (a no-op when nothing did).
data: setup
	@test -d $(RAW) || $(BIN)/python -m etl demo --out $(RAW)
	$(BIN)/python -m etl run --raw $(RAW)

demo: setup
	$(BIN)/python -m etl demo --out $(RAW)

warehouse: setup
	$(BIN)/python -m etl run --raw $(RAW)

clean:
	rm -rf $(RAW) data/warehouse.duckdb
