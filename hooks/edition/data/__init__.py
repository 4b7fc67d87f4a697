"""data/*.yml and data/tables/*.csv -> frozen, typed records, validated.

    registry.py   DataFile: the one list of data files (each module here declares its own)
    ledger.py     load(): every data file, in dependency order -> one Ledger (+ problems)
    fields.py     the declarative field spec of a data file, and Entry, which reads one entry
                  turning every mistake into a located Problem (problems.py)
    yamlfile.py   YAML with line numbers; csl.py: typed names and dates of sources
    pages.py      the pages data/ is published on
    sources.py, facts.py, tables.py, categories.py, charts.py, events.py      the records
    figures.py, footnotes.py, relations.py (data/audit.yml)                    the audit's input
    corrections.py, changelog.py                                              errata, changes
"""
