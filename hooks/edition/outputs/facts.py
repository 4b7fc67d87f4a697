"""The edition's data as files, per language: facts.json, facts.csv, sources.json (CSL-JSON),
tables/ID.csv (fact cells hold their numbers) and charts/ID.csv (charts.py)."""

from __future__ import annotations

import csv
import io
import json

from ..data.ledger import Ledger
from ..data.pages import table_csv_path
from ..locale.text import tr
from ..markup.usage import Usage
from .bibliography import source_csl
from .charts import chart_downloads

FACT_FIELDS = ("id", "value", "unit", "qualifier", "date", "label", "category", "sources",
               "sourced_by", "status", "formula", "computed", "conflicts_with", "note", "pages")


def fact_records(ledger: Ledger, usage: Usage, lang: str = "en") -> list[dict]:
    records = []
    for fact in ledger.facts.values():
        records.append({
            "id": fact.id, "value": fact.value, "unit": tr(fact.unit, lang),
            "qualifier": fact.qualifier, "date": fact.date, "label": tr(fact.label, lang),
            "category": fact.category,
            "sources": [{"id": r.id, "locator": r.locator} for r in fact.sources],
            "sourced_by": fact.sourced_by, "status": fact.status, "formula": fact.formula,
            "computed": fact.computed, "conflicts_with": list(fact.conflicts_with),
            "note": tr(fact.note, lang),
            "pages": sorted({u.anchor for u in usage.facts.get(fact.id, ())}),
        })
    return records


def downloads(ledger: Ledger, usage: Usage, lang: str = "en") -> dict[str, str]:
    """Site-root files (per language): path -> content."""
    records = fact_records(ledger, usage, lang)
    files = {"facts.json": json.dumps(records, ensure_ascii=False, indent=2) + "\n"}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FACT_FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        flat = dict(record)
        flat["sources"] = "; ".join(f"{s['id']} ({s['locator']})" if s["locator"] else s["id"]
                                    for s in record["sources"])
        flat["conflicts_with"] = "; ".join(record["conflicts_with"])
        flat["pages"] = "; ".join(record["pages"])
        flat["computed"] = "" if record["computed"] is None else f"{record['computed']:g}"
        writer.writerow(flat)
    files["facts.csv"] = buffer.getvalue()
    files["sources.json"] = json.dumps([source_csl(s, lang) for s in ledger.sources.values()],
                                       ensure_ascii=False, indent=2) + "\n"
    for table in ledger.tables.values():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([c.name for c in table.columns])
        for row in table.rows:
            writer.writerow([_resolve(ledger, cell) for cell in row])
        files[table_csv_path(table.id)] = buffer.getvalue()
    files.update(chart_downloads(ledger, lang))
    return files


def _resolve(ledger: Ledger, cell: str) -> str:
    """A table cell for download: fact references become their numbers."""
    if cell.startswith("fact:"):
        return f"{ledger.facts[cell.removeprefix('fact:')].value:g}"
    return cell
