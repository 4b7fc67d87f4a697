# Two commands do all set-up on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# where make serve listens (make serve DEV_ADDR=127.0.0.1:8001 for another port)
DEV_ADDR ?= 127.0.0.1:8000

# Hash-locked requirements (requirements/README.md): the site's build alone, and the test tools
# on top of it. Every package is pinned with its sha256 hashes and pip refuses anything else.
BUILD_LOCK := requirements/build.txt
TEST_LOCK  := requirements/test.txt
PIP_INSTALL = python -m pip install --quiet --disable-pip-version-check --require-hashes
# A stamp per lock content: a changed lock reinstalls, an unchanged one is not touched.
lock_sum    = $(shell cat $(1) | cksum | cut -d' ' -f1)
BUILD_STAMP := $(VENV)/.installed-build-$(call lock_sum,$(BUILD_LOCK))
TEST_STAMP  := $(VENV)/.installed-test-$(call lock_sum,$(BUILD_LOCK) $(TEST_LOCK))

.PHONY: install serve build test bench lighthouse properdocs changelog release diff lock clean

$(BUILD_STAMP): $(BUILD_LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/$(PIP_INSTALL) -r $(BUILD_LOCK)
	rm -f $(VENV)/.installed-* && touch $@

$(TEST_STAMP): $(BUILD_LOCK) $(TEST_LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/$(PIP_INSTALL) -r $(BUILD_LOCK) -r $(TEST_LOCK)
	rm -f $(VENV)/.installed-* && touch $@ $(BUILD_STAMP)

install: $(TEST_STAMP)  ## create .venv with the build and test locks

serve: $(BUILD_STAMP)   ## build and serve on http://127.0.0.1:8000, reloading on docs/, data/, hooks/
	$(BIN)/mkdocs serve --strict --dev-addr $(DEV_ADDR)

build: $(BUILD_STAMP)   ## write the site to site/
	$(BIN)/mkdocs build --strict

# The outside tools the tests run (tests/tools/README.md): npm packages pinned by their lock, no
# install scripts (the machine's Java and Chromium are used). Without npm their tests are skipped
# locally, saying so, and fail in CI.
TOOLS_LOCK  := tests/tools/package-lock.json
TOOLS_STAMP := tests/tools/node_modules/.installed-$(call lock_sum,$(TOOLS_LOCK))
$(TOOLS_STAMP): $(TOOLS_LOCK)
	@if command -v npm >/dev/null 2>&1; then \
	  cd tests/tools && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund \
	    --loglevel=error && touch ../../$@; \
	else echo "npm not found: the outside tools' tests are skipped (tests/tools/README.md)"; fi

# on every core, a test file to a worker (what several files share is made once: tests/conftest.py
# once_per_run); PYTEST_ARGS= for one process, PYTEST_ARGS="-k name" to pick tests
PYTEST_ARGS ?= -n auto --dist loadfile
test: $(TEST_STAMP) $(TOOLS_STAMP)  ## run the test suite (builds the site once, strict)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

changelog: $(BUILD_STAMP)  ## rewrite CHANGELOG.md, the English text of data/changelog.yml
	PYTHONPATH=hooks $(BIN)/python -c 'import sys; from pathlib import Path; \
	  from edition.pages.changelog import changelog_file; sys.stdout.write(changelog_file(Path.cwd()))' \
	  > CHANGELOG.md

release: $(BUILD_STAMP) ## publish HEAD as a release on the local gh-pages branch (NAME=2026-12-01; never pushes)
	PYTHONPATH=hooks $(BIN)/python -m edition.build.release $(if $(NAME),--name $(NAME))

BASE ?= main
diff: $(TEST_STAMP)     ## what the working tree changes in the edition, against BASE (default main), in Markdown
	PYTHONPATH=hooks $(BIN)/python -m edition.build.diff --base $(BASE) $(if $(SITE),--site $(SITE)) $(if $(REPORT),--output $(REPORT))

bench: $(TEST_STAMP)    ## print the benchmarks' figures (bench/run.py; QUICK=1 for a short run)
	$(BIN)/python bench/run.py $(if $(QUICK),--quick)

lighthouse: $(TEST_STAMP) ## Lighthouse: a chapter page; the printable edition against plain Material (needs npm and Chromium)
	bench/lighthouse.sh
	$(BIN)/python bench/lighthouse_compare.py about/print/

# ProperDocs, the maintained fork of MkDocs 1.x, in a venv of its own: the build lock without
# MkDocs, plus requirements/properdocs.txt (ProperDocs and its own dependencies, hashed too).
# --no-deps, because Material and mkdocs-static-i18n declare a dependency on MkDocs that would
# pull it back in; ProperDocs answers their `mkdocs` imports. The awk drops the entries (the
# name line and its --hash lines) of the packages that ProperDocs replaces.
PD_VENV  := .venv-properdocs
PD_LOCK  := requirements/properdocs.txt
PD_STAMP := $(PD_VENV)/.installed-$(call lock_sum,$(BUILD_LOCK) $(PD_LOCK))
PD_SKIP  := mkdocs|mkdocs-get-deps

$(PD_STAMP): $(BUILD_LOCK) $(PD_LOCK)
	test -x $(PD_VENV)/bin/python || $(PYTHON) -m venv $(PD_VENV)
	awk '/^[A-Za-z0-9]/ { skip = (tolower($$1) ~ /^($(PD_SKIP))==/) } !skip' $(BUILD_LOCK) \
	  > $(PD_VENV)/build-without-mkdocs.txt
	! grep -qiE '^($(PD_SKIP))==' $(PD_VENV)/build-without-mkdocs.txt
	$(PD_VENV)/bin/$(PIP_INSTALL) --no-deps -r $(PD_VENV)/build-without-mkdocs.txt -r $(PD_LOCK)
	rm -f $(PD_VENV)/.installed-* && touch $@

properdocs: $(BUILD_STAMP) $(PD_STAMP)  ## build with ProperDocs as well: facts.json must be identical
	@tmp="$$(mktemp -d)"; trap 'rm -rf "$$tmp"' EXIT; set -e; \
	$(BIN)/mkdocs build --strict -d "$$tmp/mkdocs" 2>"$$tmp/mkdocs.log" || { cat "$$tmp/mkdocs.log"; exit 1; }; \
	$(PD_VENV)/bin/properdocs build --strict -f mkdocs.yml -d "$$tmp/properdocs" 2>"$$tmp/pd.log" || { cat "$$tmp/pd.log"; exit 1; }; \
	files="$$(cd "$$tmp/mkdocs" && find . -name facts.json | sort | tr "\n" " ")"; test -n "$$files"; \
	for f in $$files; do cmp "$$tmp/mkdocs/$$f" "$$tmp/properdocs/$$f"; done; \
	echo "ProperDocs 1.6.7 builds the site; facts.json identical to MkDocs': $$files"; \
	other="$$(diff -rq -I '<meta name="generator"' -x sitemap.xml.gz "$$tmp/mkdocs" \
	  "$$tmp/properdocs" || true)"; \
	echo "Other differences (the generator tag aside): $${other:-none}"

# Regenerate the locks from requirements/*.in with pip-tools (requirements/README.md): keeps
# every pin that still fits; UPGRADE=1 moves every package to its newest allowed version.
LOCK_VENV := .venv-lock
PIP_TOOLS := pip-tools==7.6.2

lock:               ## rewrite requirements/*.txt from requirements/*.in (UPGRADE=1 to upgrade)
	test -x $(LOCK_VENV)/bin/pip-compile || { $(PYTHON) -m venv $(LOCK_VENV) && \
	  $(LOCK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check $(PIP_TOOLS); }
	cd requirements && for name in build test properdocs; do \
	  ../$(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	    --no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade) $$name.in || exit 1; done

clean:
	rm -rf site .pytest_cache
