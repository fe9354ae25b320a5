# The two set-up commands of the README. Both work on a fresh Debian machine as root:
# they create .venv, install argmap with its test extras, and install Graphviz (and, for the
# browser test, Chromium) with apt-get when missing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.argmap-installed

ARGDOWN := .npm-tools/node_modules/.bin/argdown

.PHONY: demo test system-deps bench argdown-cli

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

# @argdown/cli checks that exported Argdown parses (tests/test_formats_argdown.py); it lives in a
# project-local folder, and the test is skipped with its reason when npm is not on the machine.
argdown-cli:
	@if [ -x $(ARGDOWN) ]; then :; \
	elif command -v npm >/dev/null 2>&1; then \
		npm install --prefix .npm-tools --no-audit --no-fund --silent @argdown/cli@1.7.5 \
			|| echo "could not install @argdown/cli: the test that needs it will be skipped"; \
	else echo "npm not found: the @argdown/cli test will be skipped"; fi

test: $(STAMP) system-deps argdown-cli
	$(BIN)/python -m pytest -q

bench: $(STAMP) system-deps
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	for b in import_cost extract_throughput semantics render formats; do $(BIN)/python benchmarks/$$b.py || exit 1; done
