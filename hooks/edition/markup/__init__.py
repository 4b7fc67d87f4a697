"""Markup: the marker syntax, the scan of a page, the typed-number rule, and usage.

    syntax.py   {{ KIND:ID }} and {{ KIND:ID | OPTION }}; where a marker is text (code,
                comments), a mistake (a link, an attribute list) or a marker, read as Markdown
                reads the page; replacing markers
    scan.py     scan_page(): a page's markers, headings and problems; decode_page()
    numbers.py  the typed-number rule
    kinds.py    MarkerKind: what each marker kind declares, what it takes after '|' (Option)
                (render/markers/ holds them)
    usage.py    which sections use which facts, sources and tables
"""
