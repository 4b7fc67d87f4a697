# Two commands do all set-up on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve build test bench lighthouse properdocs changelog clean

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

changelog: install  ## rewrite CHANGELOG.md, the English text of data/changelog.yml
	PYTHONPATH=hooks $(BIN)/python -c 'import sys; from pathlib import Path; \
	  from edition.pages.changelog import changelog_file; sys.stdout.write(changelog_file(Path.cwd()))' \
	  > CHANGELOG.md

bench: install      ## print the benchmarks' figures (bench/run.py; QUICK=1 for a short run)
	$(BIN)/python bench/run.py $(if $(QUICK),--quick)

lighthouse: install ## Lighthouse: a chapter page; the printable edition against plain Material (needs npm and Chromium)
	bench/lighthouse.sh
	$(BIN)/python bench/lighthouse_compare.py about/print/

# ProperDocs, the maintained fork of MkDocs 1.x, in a venv of its own: requirements.txt's pins
# without MkDocs and the test tools. --no-deps, because Material and mkdocs-static-i18n declare
# a dependency on MkDocs that would pull it back in; ProperDocs answers their `mkdocs` imports.
PD_VENV  := .venv-properdocs
PD_STAMP := $(PD_VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
PD_SKIP  := mkdocs|mkdocs-get-deps|pytest|iniconfig|pluggy|playwright|greenlet|pyee

$(PD_STAMP): requirements.txt
	test -x $(PD_VENV)/bin/python || $(PYTHON) -m venv $(PD_VENV)
	grep -viE '^($(PD_SKIP))==' requirements.txt > $(PD_VENV)/requirements.txt
	$(PD_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
	  properdocs==1.6.7 -r $(PD_VENV)/requirements.txt
	rm -f $(PD_VENV)/.installed-* && touch $@

properdocs: install $(PD_STAMP)  ## build with ProperDocs as well: facts.json must be identical
	@tmp="$$(mktemp -d)"; trap 'rm -rf "$$tmp"' EXIT; set -e; \
	$(BIN)/mkdocs build --strict -d "$$tmp/mkdocs" 2>"$$tmp/mkdocs.log" || { cat "$$tmp/mkdocs.log"; exit 1; }; \
	$(PD_VENV)/bin/properdocs build --strict -f mkdocs.yml -d "$$tmp/properdocs" 2>"$$tmp/pd.log" || { cat "$$tmp/pd.log"; exit 1; }; \
	files="$$(cd "$$tmp/mkdocs" && find . -name facts.json | sort | tr "\n" " ")"; test -n "$$files"; \
	for f in $$files; do cmp "$$tmp/mkdocs/$$f" "$$tmp/properdocs/$$f"; done; \
	echo "ProperDocs 1.6.7 builds the site; facts.json identical to MkDocs': $$files"; \
	other="$$(diff -rq -I '<meta name="generator"' -x sitemap.xml.gz "$$tmp/mkdocs" \
	  "$$tmp/properdocs" || true)"; \
	echo "Other differences (the generator tag aside): $${other:-none}"

clean:
	rm -rf site .pytest_cache
