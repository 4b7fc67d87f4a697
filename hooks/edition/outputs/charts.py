"""charts/ID.csv: the facts a chart draws, for every chart not drawn from a table (a table's
chart links the table's own CSV)."""

from __future__ import annotations

import csv
import io

from ..data.charts import Chart, chart_fact_ids
from ..data.pages import chart_csv_path
from ..locale import words
from ..locale.text import tr


def chart_csv(chart: Chart, ledger, lang: str) -> str:
    """The facts a fact-based chart draws, as CSV (one row per fact, in drawing order)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(words("charts", lang)["csv_header"])
    for fact_id in chart_fact_ids(chart, ledger):
        fact = ledger.facts[fact_id]
        writer.writerow([fact.id, tr(fact.label, lang), f"{fact.value:g}", tr(fact.unit, lang),
                         fact.qualifier, fact.date,
                         "; ".join(f"{r.id} ({r.locator})" if r.locator else r.id
                                   for r in fact.sources)])
    return buffer.getvalue()


def chart_downloads(ledger, lang: str) -> dict[str, str]:
    """charts/ID.csv for every chart that is not drawn from a table."""
    return {chart_csv_path(c): chart_csv(c, ledger, lang) for c in ledger.charts.values()
            if not c.table}
