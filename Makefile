# The two set-up commands of the README. Both work on a fresh Debian machine as root:
# they create .venv, install argmap with its test extras, and install Graphviz (and, for the
# browser test, Chromium) with apt-get when missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.argmap-installed

.PHONY: demo test system-deps bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

system-deps:
	@sh scripts/system-deps.sh

demo: $(STAMP)
	@ARGMAP_NO_CHROMIUM=1 sh scripts/system-deps.sh  # the report needs Graphviz, not a browser
	@$(BIN)/argmap report examples/*.txt -o build/demo  # prints the path of build/demo/index.html

test: $(STAMP) system-deps
	$(BIN)/python -m pytest -q

bench: $(STAMP) system-deps
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	for b in import_cost extract_throughput semantics render; do $(BIN)/python benchmarks/$$b.py || exit 1; done
