# Quick start (Debian 12, as root or with sudo):
#   make run    set up and start the program
#   make test   set up and run ruff, mypy and every test
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# System libraries Qt needs, even offscreen; fonts so text renders.
QT_DEBS := libgl1 libegl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3 fonts-dejavu-core
# Tools the tests use: pdftoppm renders the PDF report; dbus-daemon is a private bus
# for the desktop-lock tests.
TEST_DEBS := poppler-utils dbus
# Extra libraries for real windows on X11.
X11_DEBS := libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 \
	libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 \
	libxcb-sync1 libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1

TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test lint typecheck pytest i18n bench system-deps system-deps-test system-deps-x11 clean

run: system-deps-x11 $(STAMP) $(QM)
	$(BIN)/counselor-app

test: system-deps-test $(STAMP) $(QM) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

# The compiled catalogues are committed (a wheel from a clean checkout needs them);
# after editing a .ts file, run `make i18n` and commit the .qm too.
i18n: $(QM)

CALLS ?= 1000000
bench: system-deps $(STAMP)
	$(BIN)/python -m benchmarks.records --calls $(CALLS)
	$(BIN)/python -m benchmarks.report --calls $(CALLS)
	$(BIN)/python -m benchmarks.purge --calls $(CALLS)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

system-deps:
	@sh packaging/debian-deps.sh $(QT_DEBS) python3-venv

system-deps-test:
	@sh packaging/debian-deps.sh $(QT_DEBS) $(TEST_DEBS) python3-venv

system-deps-x11:
	@sh packaging/debian-deps.sh $(QT_DEBS) $(X11_DEBS) python3-venv

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
