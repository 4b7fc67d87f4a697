"""Render: a page's markers -> Markdown with inline HTML.

    page.py       PageRenderer / render_page(): one pass over a page's markers
    markers/      one module per marker kind (fact, cite, table, summary, chart, citation)
    footnotes.py  per-page footnotes; full and short author-date citations of sources
    notes.py      correction links, errata and citations beside facts and footnotes
    charts/       charts: data in words, drawing (matplotlib), cache, figure
    escape.py     text from data/ made safe inside Markdown
    dates.py      event dates as the article gives them ('late 1980s')
"""
