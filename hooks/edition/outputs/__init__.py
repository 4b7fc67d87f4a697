"""Outputs: the files the edition publishes besides its pages.

    facts.py         facts.json, facts.csv, sources.json, tables/ID.csv (per language)
    charts.py        charts/ID.csv
    bibliography.py  sources.bib, sources.ris
    datapackage.py   datapackage.json, describing every download
    assets.py        the one stylesheet and one script bundled from docs/; the pages' HTML
                     without its templates' indentation
    search.py        one search index per language
    snapshot.py      snapshot.json: the build's data as shown, for comparing two builds
    changes.py       what changed between two snapshots (facts, errata, sources, tables, charts)
    textdiff.py      the sentences that changed between two builds' pages
"""
