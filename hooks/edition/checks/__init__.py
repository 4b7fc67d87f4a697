"""Checks: what the data says, checked against the rest of the article and the pages.

    audit/      the article's numbers, figures, footnotes and references against each other
    errata.py   the audit's findings merged with data/corrections.yml; guards; statuses
    pages.py    language parity, the sections events name, the tables the Tables page shows
    usage.py    records no page uses
"""
