# rawi: `make run` opens the app on the bundled seeds, `make test` runs the whole suite.
# Both create the virtual environment in .venv first; nothing else is needed but Python >= 3.11.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSTEM_PACKAGES := tmux unicode-data

.PHONY: run test lint system-deps bench clean

run: $(STAMP)
	$(BIN)/rawi

test: $(STAMP) system-deps
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The terminal and bidi-conformance tests need tmux and Unicode's BidiCharacterTest.txt.
# Installed with apt when we are root; otherwise those tests skip and say why.
system-deps:
	@missing=""; \
	command -v tmux >/dev/null || missing="$$missing tmux"; \
	test -f /usr/share/unicode/BidiCharacterTest.txt || missing="$$missing unicode-data"; \
	if [ -n "$$missing" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	elif [ -n "$$missing" ]; then \
		echo "not installed:$$missing (the tests that need them will skip)"; \
	fi

bench: $(STAMP)
	for script in bench/bench_*.py; do $(BIN)/python $$script; done

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
