"""data/figures.yml: the article's figures as printed (number, caption, source line), what the
text reads from each, and the period its caption covers. The audit (checks/audit/) reads them:
figure numbering that repeats or skips, a value read for a year the caption does not cover.

    - id: figure-4-3-exports
      number: "4.3"
      printed: "Gambar 4.3 ..."
      source_line: "Sumber: ..."
      section: middle-range
      sources: [tim-2024]
      period: "2020/2023"
      read_in_text: [defence-exports-2018-figure]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..locale.text import Text
from .fields import Entry, list_of_entries
from .problems import did_you_mean
from .registry import DataFile, Loading

FILE = "data/figures.yml"
SECTIONS = ("introduction", "core-values", "middle-range", "long-range", "conclusion")
PERIOD_RE = re.compile(r"^\d{4}(?:/\d{4})?$")


@dataclass(frozen=True)
class Figure:
    id: str
    number: str
    printed: str
    source_line: str
    section: str
    sources: tuple[str, ...] = ()
    period: str = ""
    read_in_text: tuple[str, ...] = ()
    table: str = ""
    description: Text | None = None
    line: int = 0


def id_list(entry: Entry, key: str, known, kind: str, where: str) -> tuple[str, ...]:
    out = []
    for item in entry.list(key):
        item = str(item)
        if known is not None and item not in known:
            entry.fail(entry.line_of(key), f"{entry.name}: unknown {kind} '{item}'"
                       f"{did_you_mean(item, known)} ({kind} ids live in {where})")
        out.append(item)
    return tuple(out)


def parse_figures(data, rel, facts, sources, tables, problems, languages) -> tuple[Figure, ...]:
    out, seen = [], set()
    for raw in list_of_entries(data, rel, "figure", problems, "- ..."):
        entry = Entry(raw, rel, "figure", problems, 1, languages)
        if not entry.ok:
            continue
        entry.only(("id", "number", "printed", "source_line", "section", "sources", "period",
                    "read_in_text", "table", "description"))
        ident = entry.identifier()
        if ident in seen:
            entry.fail(entry.line_of("id"), f"duplicate figure id '{ident}'")
        seen.add(ident)
        number = entry.text("number", required=True)
        if number and not re.match(r"^\d+(?:\.\d+)*$", number):
            entry.fail(entry.line_of("number"), f"{entry.name}: 'number' is '{number}'; write "
                       "the number as digits and points, e.g. \"4.3\" (the printed form goes in "
                       "'printed')")
        period = entry.text("period")
        if period and not PERIOD_RE.match(period):
            entry.fail(entry.line_of("period"), f"{entry.name}: 'period' is '{period}'; write "
                       "\"YYYY\" or \"YYYY/YYYY\"")
        table = entry.text("table")
        if table and table not in tables:
            entry.fail(entry.line_of("table"), f"{entry.name}: unknown table '{table}'"
                       f"{did_you_mean(table, tables)}")
        figure = Figure(
            id=ident, number=number, printed=entry.text("printed", required=True),
            source_line=entry.text("source_line"), section=entry.choice("section", SECTIONS,
                                                                         required=True),
            sources=id_list(entry, "sources", sources, "source", "data/sources.yml"),
            period=period, read_in_text=id_list(entry, "read_in_text", facts, "fact",
                                             "data/facts.yml"),
            table=table, description=entry.localized("description") or None, line=entry.line)
        if entry.ok:
            out.append(figure)
    return tuple(out)


def load(loading: Loading) -> tuple[Figure, ...]:
    raw = loading.yaml(FILE, expect="a YAML list of figures ('- id: ...'), or []")
    return parse_figures(raw, FILE, loading.known("facts"),
                         loading.known("sources"), set(loading.records["tables"]),
                         loading.problems, loading.languages)


DATA_FILE = DataFile("figures", FILE, load, depends=("facts", "sources", "tables"), gate=True)
