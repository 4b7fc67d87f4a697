"""Markup: the marker syntax, the scan of a page, the typed-number rule, and usage.

    syntax.py   {{ KIND:ID }} and {{ KIND:ID | locator }}, masking code, replacing markers
    scan.py     scan_page(): a page's markers, headings and problems
    numbers.py  the typed-number rule
    kinds.py    MarkerKind: what each marker kind declares (render/markers/ holds them)
    usage.py    which sections use which facts, sources and tables
"""
