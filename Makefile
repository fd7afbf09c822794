# The two commands a newcomer needs: `make site` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
# Material's end-of-life banner is not for editors.
export NO_MKDOCS_2_WARNING := 1
BIN := $(VENV)/bin

.PHONY: site serve test test-tools

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Set up and build the example network into site/.
site: $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	$(BIN)/netwerk bouw

# Preview while editing, on http://127.0.0.1:8000/: rebuilt on every save, problems shown in the browser.
serve: $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	$(BIN)/netwerk voorbeeld

# Headless Chromium (Debian's package), pdftotext and pdfinfo (poppler-utils, to read the year
# report printed to PDF), the npm test tools (axe-core, vnu-jar, decap-server) and the admin
# page's scripts (npm run beheer: Decap CMS and yaml, packed from npm).
test-tools:
	@test -x /usr/bin/chromium || { apt-get update && apt-get install -y chromium; }
	@test -x /usr/bin/pdftotext || { apt-get update && apt-get install -y poppler-utils; }
	npm ci --no-audit --no-fund --loglevel=error
	npm run beheer --silent

# Set up and run every check CI runs: lint, types, tests.
test: $(BIN)/python test-tools
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	$(BIN)/ruff check plugins tests
	$(BIN)/ruff format --check plugins tests
	$(BIN)/mypy plugins
	$(BIN)/pytest
