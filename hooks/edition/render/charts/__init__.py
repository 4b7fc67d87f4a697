"""Charts drawn from data/ at build time: `{{ chart:ID }}` -> a figure with an inline SVG.

The pipeline, each step a plain function:

    data.chart_data(chart, ledger, lang)  Chart (data/charts.py) -> ChartData: labels, values
                                          and the description in words, in one language
    draw.draw(data)                       ChartData -> SVG text (matplotlib), drawn once: its
                                          colours are CSS variables (palette.py)
    cache.ChartCache.svg(chart, data)     draw() behind a cache keyed by what it depends on
    figure.chart_block(...)               the Markdown/HTML of one figure: number, caption,
                                          drawing, source footnotes and the CSV link
    stash.ChartStash                      lets the SVG pass through Markdown unparsed
"""
