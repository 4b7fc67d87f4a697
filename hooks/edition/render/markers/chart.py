"""{{ chart:ID }}: a numbered figure drawn from data/charts.yml (render/charts/), on a line of its
own between blank lines."""

from __future__ import annotations

from ...data.charts import chart_fact_ids
from ...data.pages import chart_csv_path, relative
from ...markup.kinds import MarkerKind, Uses
from ..charts.figure import chart_block


def render_chart(renderer, chart_id: str, locator: str = "") -> str:
    chart = renderer.ledger.charts[chart_id]
    renderer.figures += 1
    return chart_block(chart, renderer.ledger, renderer.lang, number=renderer.figures,
                       element_id=renderer.unique_id(f"chart-{chart.id}"),
                       footnotes=renderer.footnotes, cache=renderer.chart_cache,
                       csv_href=relative(chart_csv_path(chart), renderer.page_path))


def chart_uses(ledger, chart_id: str) -> Uses:
    chart = ledger.charts.get(chart_id)
    if chart is None:
        return Uses()
    table = ledger.tables.get(chart.table)
    return Uses(facts=tuple(chart_fact_ids(chart, ledger)),
                tables=(chart.table,) if table else (),
                sources=tuple(ref.id for ref in table.sources) if table else ())


KIND = MarkerKind(
    "chart", order=50, ids=lambda ledger: ledger.known("charts"), where="data/charts.yml",
    render=render_chart, uses=chart_uses, block=True)
