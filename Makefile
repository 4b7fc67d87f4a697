# Two commands do all set-up on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve build test bench clean

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)   ## create .venv with the pinned requirements

serve: install      ## build and serve on http://127.0.0.1:8000, reloading on docs/, data/, hooks/
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: install      ## write the site to site/
	$(BIN)/mkdocs build --strict

test: install       ## run the test suite (builds the site once, strict)
	$(BIN)/python -m pytest

clean:
	rm -rf site .pytest_cache
