"""snapshot.json: the edition's data as one build shows it, in every language, for comparing
two builds (outputs/changes.py): what `make diff` reports, what an older release's "changed
since" notes list and the Changelog's section for each release.

Every build publishes it at its root. A release's copy on the gh-pages branch is what later
releases compare with, so the comparison never needs to load an old version's data/ with new
code: each version describes itself, with its own code, when it is built.

    {"format": 1, "version": {...}, "languages": ["en", "id"],
     "pages": {"core-values.md": {"en": "Core values", "id": "Nilai inti", "order": 3}},
     "sections": {"core-values.md#security": {"en": "Security …", "id": "…", "order": 12}},
     "facts": {ID: {"value", "unit", "qualifier", "date", "status", "sources", "label",
                    "text": {"en": "more than 100 armoured vehicles", "id": "…"},
                    "sections": ["core-values.md#security", …]}},
     "errata": {ID: {"status", "date", "about", "title", "facts", "sources"}},
     "sources": {ID: {"csl": {...}, "sections": [...]}},
     "tables": {ID: {"title", "data", "sections"}}, "charts": {ID: {"title", "data", "sections"}}}

Sections are written 'page.md#heading-id' ('page.md' for text before the first heading), with
the default language's page paths, which are the same in every language.
"""

from __future__ import annotations

import json

from ..checks.errata import Errata
from ..cite.version import Version
from ..data.ledger import Ledger
from ..locale.numbers import format_fact
from ..locale.text import tr
from ..markup.usage import Usage
from .charts import chart_csv
from .facts import downloads

FILE = "snapshot.json"
FORMAT = 1


def _texts(value, langs: tuple[str, ...]) -> dict[str, str]:
    return {lang: tr(value, lang) for lang in langs}


def _sections(uses) -> list[str]:
    return sorted({use.anchor for use in uses})


def snapshot(ledger: Ledger, usages: dict[str, Usage], errata: Errata, version: Version,
             chart_sections: dict[str, list[str]]) -> dict:
    """The snapshot of one build (usages: by language, the default language first;
    chart_sections: where each chart is placed)."""
    langs = tuple(usages)
    usage = usages[langs[0]]
    pages: dict[str, dict] = {}
    sections: dict[str, dict] = {}
    for lang, lang_usage in usages.items():
        for key, (page_title, section_title) in lang_usage.sections.items():
            target = sections if "#" in key else pages
            # 'order': the page's headings in reading order (the JSON's keys are sorted)
            entry = target.setdefault(key, {"order": len(target)})
            entry[lang] = section_title if "#" in key else page_title
    facts = {
        fact.id: {
            "value": fact.value, "unit": _texts(fact.unit, langs), "qualifier": fact.qualifier,
            "date": fact.date, "status": fact.status,
            "sources": [f"{r.id} ({r.locator})" if r.locator else r.id for r in fact.sources],
            "label": _texts(fact.label, langs),
            "text": {lang: format_fact(fact, lang) for lang in langs},
            "sections": _sections(usage.facts.get(fact.id, ())),
        } for fact in ledger.facts.values()}
    errata_out = {
        e.id: {"status": e.status, "date": e.date, "about": e.about,
               "title": _texts(e.title, langs), "facts": list(e.facts),
               "sources": list(e.sources)} for e in errata.entries}
    sources = {s.id: {"csl": s.csl, "sections": _sections(usage.sources.get(s.id, ()))}
               for s in ledger.sources.values()}
    table_files = downloads(ledger, usage, langs[0])
    tables = {t.id: {"title": _texts(t.title, langs), "data": table_files[f"tables/{t.id}.csv"],
                     "sections": _sections(usage.tables.get(t.id, ()))}
              for t in ledger.tables.values()}
    charts = {}
    for chart in ledger.charts.values():
        data = (tables[chart.table]["data"] if chart.table in tables
                else chart_csv(chart, ledger, langs[0]))
        charts[chart.id] = {"title": _texts(chart.title, langs), "data": data,
                            "sections": sorted(chart_sections.get(chart.id, ()))}
    return {"format": FORMAT,
            "version": {"release": version.release, "date": version.date,
                        "commit": version.commit, "label": version.label},
            "languages": list(langs), "pages": pages, "sections": sections, "facts": facts,
            "errata": errata_out, "sources": sources, "tables": tables, "charts": charts}


def snapshot_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
