"""The web edition's build, as one package whose folders are its layers.

Each layer imports only the layers below it (tests/test_layers.py reads the import graph and
fails on an upward import or a cycle). From the bottom up:

    locale/   how the edition speaks: interface text per language (en.py, id.py), numbers,
              dates and locators formatted per locale (Babel)
    data/     data/*.yml and data/tables/*.csv -> frozen, typed records: one registry of data
              files (data/registry.py), one `load()` returning one `Site`
    markup/   the marker syntax ({{ fact:ID }} ...), the scan of a page, the typed-number rule,
              which sections use which facts
    checks/   the audit of the article's numbers and references, the errata merged with it,
              guards, language parity, sections and tables shown, unused records
    render/   a page's markers -> Markdown: facts, footnotes, tables, charts (one module per
              marker kind in render/markers/)
    cite/     citations of the edition and the article (APA, Chicago, BibTeX, RIS), the
              version, "Cite this section", page metadata
    outputs/  published files: facts.json/csv, sources.json/bib/ris, table and chart CSVs,
              datapackage.json, the CSS/JS bundles, the per-language search index
    pages/    pages generated from data/: facts ledger, sources, timeline, errata, changelog,
              downloads, the printable edition
    build/    the glue: MkDocs events, per-build state, the memo of loaded data; the only code
              that imports MkDocs; the commands `make release` and `make diff`

The files listed under `hooks:` in mkdocs.yml (hooks/events.py, ...) import build/ and stay a
few lines each. Where a number is loaded: data/facts.py; checked: data/ (its fields) and
checks/ (against the rest of the article); rendered: render/markers/fact.py with
locale/numbers.py; published: pages/ and outputs/.
"""

LAYERS = ("locale", "data", "markup", "checks", "render", "cite", "outputs", "pages", "build")
