# rawi: `make run` opens the app on the bundled seeds, `make test` runs the whole suite.
# Both create the virtual environment in .venv first; nothing else is needed but Python >= 3.11
# (with its venv module: Debian's python3-venv).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# What is installed: the app alone (`make run`), then the test extras too (`make test`).
RUN_STAMP := $(VENV)/.installed-run
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test lint system-deps bench clean

run: $(RUN_STAMP)
	$(BIN)/rawi

test: $(TEST_STAMP) system-deps
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/python -m pytest

lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(RUN_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# The terminal and bidi-conformance tests need tmux and Unicode's BidiCharacterTest.txt, the
# browser tests (rawi serve, rawi report) Chromium and a font with Arabic letters (DejaVu: Debian's
# chromium brings no font, and its screenshots would show boxes).
# Installed with apt when we are root; otherwise those tests skip and say why.
system-deps:
	@missing=""; \
	command -v tmux >/dev/null || missing="$$missing tmux"; \
	test -f /usr/share/unicode/BidiCharacterTest.txt || missing="$$missing unicode-data"; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || missing="$$missing fonts-dejavu-core"; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing:$$missing"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; } \
			|| echo "could not install:$$missing (the tests that need them will skip)"; \
	elif [ -n "$$missing" ]; then \
		echo "not installed:$$missing (the tests that need them will skip)"; \
	fi

bench: $(TEST_STAMP)
	for script in bench/bench_*.py; do $(BIN)/python $$script; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
