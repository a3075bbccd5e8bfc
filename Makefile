# Quick start (Debian 12, as root or with sudo):
#   make run    set up and start the program
#   make test   set up and run ruff, mypy and every test, then build the frozen folder
#               and the .deb and check them (installing and removing the package)
# Packages:
#   make package   the frozen one-folder build in dist/counselor-app/ (PyInstaller)
#   make deb       dist/counselor-app_<version>_<arch>.deb from it (Debian, Ubuntu)
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

# Building the frozen folder: objcopy (PyInstaller), Python's shared library (Debian's
# python3 is linked statically; the frozen program loads libpython), and every library
# the bundled Qt links to, so that the .deb's Depends can be worked out from them.
PACKAGE_DEBS = binutils libpython$(PYTHON_VERSION) desktop-file-utils
# Checking the installed package on X11 without a screen.
CHECK_DEBS := xvfb xauth
# Evaluated when used (by system-deps-package, once python3 is installed).
PYTHON_VERSION = $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])')
PACKAGE_STAMP := $(VENV)/.installed-package

TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test lint typecheck pytest i18n bench system-deps system-deps-test system-deps-x11 clean \
	package deb package-check system-deps-python system-deps-package system-deps-check

run: system-deps-x11 $(STAMP) $(QM)
	$(BIN)/counselor-app

test: system-deps-test $(STAMP) $(QM) lint typecheck pytest package-check

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest

# The frozen one-folder build: dist/counselor-app/ (and dist/counselor-app.app on macOS).
package: system-deps-package $(PACKAGE_STAMP) $(QM)
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/pyinstaller/counselor-app.spec

# The Debian package, from the frozen folder.
deb: package
	bash packaging/debian/build-deb.sh

# The frozen folder's selftest, then the .deb installed, tried, removed and purged.
package-check: deb system-deps-check
	bash packaging/check-package.sh

# The compiled catalogues are committed (a wheel from a clean checkout needs them);
# after editing a .ts file, run `make i18n` and commit the .qm too.
i18n: $(QM)

CALLS ?= 1000000
# A full bundle of every record holds at most some 875,000 (see benchmarks/README.md).
BUNDLE_CALLS ?= 100000
bench: system-deps $(STAMP)
	$(BIN)/python -m benchmarks.records --calls $(CALLS)
	$(BIN)/python -m benchmarks.report --calls $(CALLS)
	$(BIN)/python -m benchmarks.purge --calls $(CALLS)
	$(BIN)/python -m benchmarks.bundles --calls $(BUNDLE_CALLS)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

system-deps:
	@sh packaging/debian-deps.sh $(QT_DEBS) python3-venv

system-deps-test:
	@sh packaging/debian-deps.sh $(QT_DEBS) $(TEST_DEBS) python3-venv

system-deps-x11:
	@sh packaging/debian-deps.sh $(QT_DEBS) $(X11_DEBS) python3-venv

system-deps-python:
	@sh packaging/debian-deps.sh python3-venv

system-deps-package: system-deps-python
	@sh packaging/debian-deps.sh $(QT_DEBS) $(X11_DEBS) $(PACKAGE_DEBS)

system-deps-check:
	@sh packaging/debian-deps.sh $(CHECK_DEBS)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(PACKAGE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[package]'
	touch $@

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build dist
