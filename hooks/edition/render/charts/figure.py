"""The figure of one `{{ chart:ID }}` marker: its number, caption, the drawing (from the cache,
with this page's ids, its accessible name and the values it draws), its source footnotes and the
link to its CSV."""

from __future__ import annotations

import html
import json
import re

from ...data.charts import Chart, chart_sources, chart_unsourced
from ...locale import words
from ...locale.text import tr
from ..escape import escape
from ..footnotes import source_line
from .cache import ChartCache
from .data import chart_data
from .draw import PREFIX


def _inline(svg: str, element_id: str, title: str, description: str, values: dict) -> str:
    """The cached SVG with this page's ids, its accessible name and the data it draws."""
    prefix = f"{element_id}-svg"
    svg = svg.replace(PREFIX, prefix)
    attributes = (f'<svg class="chart__svg" role="img" '
                  f'aria-labelledby="{prefix}-title {prefix}-desc" '
                  f"data-values='{html.escape(json.dumps(values, ensure_ascii=False))}' ")
    svg = svg.replace("<svg ", attributes, 1)
    head = (f'<title id="{prefix}-title">{html.escape(title)}</title>'
            f'<desc id="{prefix}-desc">{html.escape(description)}</desc>')
    return re.sub(r"(<svg [^>]*>)", lambda m: m.group(1) + head, svg, count=1)


def chart_block(chart: Chart, ledger, lang: str, *, number: int, element_id: str, footnotes,
                csv_href: str, cache: ChartCache | None) -> str:
    """The figure for one `{{ chart:ID }}` marker, as Markdown with raw HTML."""
    text = words("charts", lang)
    cache = cache or ChartCache(None)
    data = chart_data(chart, ledger, lang)
    values = data.values()
    svgs = _inline(cache.svg(chart, data), element_id, data.title, data.description, values)
    sources = chart_sources(chart, ledger)
    who = source_line(sources, ledger.sources, lang)
    refs = "".join(footnotes.ref(ref.id, ref.locator) for ref in sources)
    if chart_unsourced(chart, ledger):
        refs += footnotes.unsourced()
    return "\n".join([
        f'<figure class="chart" id="{element_id}" data-chart="{chart.id}" markdown>',
        '<div class="chart__image">',
        svgs.rstrip("\n"),
        "</div>",
        f'<figcaption markdown="span"><strong>{text["chart"]} {number}.</strong> '
        f"{escape(data.title)}. {escape(tr(chart.caption, lang))} "
        f'<span class="chart__source">{text["source"]}: {who}{refs}. '
        f"[{text['download']}]({csv_href}){{ .chart__csv }}</span></figcaption>",
        "</figure>",
        "",
    ])
