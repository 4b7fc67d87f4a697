"""data/charts.yml: charts drawn from numbers already in data/ ({{ chart:ID }}), so a chart
can never disagree with the text.

    - id: tb2-fleet
      kind: bars                 # bars | stacked | series | ranking
      title: {en: ..., id: ...}
      caption: {en: ..., id: ...}
      panels:                    # kind bars: one panel per unit, one bar per fact
        - title: {en: Drones, id: Drone}
          bars:
            - {fact: tb2-fleet-held, label: {en: Held, id: Dimiliki}}

Kinds: `bars` (panels of facts), `stacked` (a total fact split into part facts, e.g. TANAP),
`series` (columns of a table over its `x` column, e.g. the two export series), `ranking` (one
numeric column of a table, one bar per row, with an optional highlighted row). The drawing is
render/charts/; what a chart draws (its facts, its sources) is here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..locale.text import Text, tr
from .fields import Entry, Field, SourceRef, check_unique, list_of_entries
from .problems import Problem, did_you_mean
from .registry import DataFile, Loading

FILE = "data/charts.yml"
KINDS = ("bars", "stacked", "series", "ranking")
FIELDS = (
    Field("id", "id", required=True),
    Field("kind", "choice", required=True, choices=KINDS),
    Field("title", "localized", required=True),
    Field("caption", "localized", required=True),
    Field("panels", "custom", help="kind bars: [{title, bars: [{fact, label}]}]"),
    Field("stacks", "custom", help="kind stacked: [{label, total, parts: [{fact, label}]}]"),
    Field("table", "text", help="kinds series and ranking: the table drawn"),
    Field("x", "text", help="kind series: the column along the x axis"),
    Field("series", "custom", help="kind series: the columns drawn, each a name or {column, label}"),
    Field("label_column", "text", help="kind ranking: the column naming each bar"),
    Field("value_column", "text", help="kind ranking: the column drawn"),
    Field("highlight", "text", help="kind ranking: the row drawn in the highlight colour"),
)
CHART_FIELDS = tuple(f.key for f in FIELDS)


@dataclass(frozen=True)
class Bar:
    fact: str
    label: Text


@dataclass(frozen=True)
class Panel:
    title: Text
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Stack:
    label: Text
    total: str
    parts: tuple[Bar, ...]


@dataclass(frozen=True)
class Series:
    column: str
    label: Text


@dataclass(frozen=True)
class Chart:
    """One chart of data/charts.yml, validated."""

    id: str
    line: int
    kind: str
    title: Text
    caption: Text
    panels: tuple[Panel, ...] = ()
    stacks: tuple[Stack, ...] = ()
    table: str = ""
    x: str = ""
    series: tuple[Series, ...] = ()
    label_column: str = ""
    value_column: str = ""
    highlight: str = ""


def _bar(entry: Entry, raw: Any, line: int, facts: dict, known: set) -> Bar | None:
    item = entry.part(raw, "bar", line, ("fact", "label"))
    if item is None:
        return None
    fact = item.text("fact", required=True)
    label = item.localized("label", required=True)
    _known_fact(item, "fact", fact, facts, known, entry.name)
    if not item.ok:
        entry.ok = False
        return None
    return Bar(fact, label)


def _known_fact(entry: Entry, key: str, fact: str, facts: dict, known: set, name: str) -> None:
    """An unknown id is a problem here; a fact that is declared but invalid was reported where
    it is defined, so the chart is only dropped."""
    if not fact:
        return
    if fact not in known:
        entry.fail(entry.line_of(key), f"{name}: unknown fact '{fact}'"
                   f"{did_you_mean(fact, known)} (facts live in data/facts.yml)")
    elif fact not in facts:
        entry.ok = False


def _same_unit(entry: Entry, line: int, fact_ids: list[str], facts: dict, what: str) -> None:
    """Bars that share an axis must share a unit, or the picture compares apples and pears."""
    units = {tr(facts[f].unit, "en") for f in fact_ids if f in facts}
    if len(units) > 1:
        entry.fail(line, f"{entry.name}: {what} mixes units ({', '.join(sorted(units))}); "
                   "bars on one axis need one unit (put the others in another panel)")


def _column(entry: Entry, key: str, table, names: dict, numeric: bool) -> str:
    """A column of the chart's table named by `key` (it must exist, and be numeric if drawn)."""
    name = entry.text(key, required=True)
    if name and table and name not in names:
        entry.fail(entry.line_of(key), f"{entry.name}: table '{table.id}' has no "
                   f"column '{name}'{did_you_mean(name, names)} (columns: "
                   f"{', '.join(names)})")
    elif name and table and numeric and names[name].type == "text":
        entry.fail(entry.line_of(key), f"{entry.name}: column '{name}' holds text; "
                   "a chart draws numeric or fact columns")
    return name


def parse_charts(data: Any, rel: str, facts: dict, known: set, tables: dict,
                 problems: list[Problem], languages: tuple[str, ...],
                 known_tables: frozenset = frozenset()) -> dict[str, Chart]:
    """Validate data/charts.yml against the facts and tables it draws (`facts`: the valid
    facts; `known`: every fact id written in facts.yml, valid or not)."""
    charts: dict[str, Chart] = {}
    seen: dict[str, int] = {}
    for raw in list_of_entries(data, rel, "chart", problems):
        entry = Entry(raw, rel, "chart", problems, 1, languages)
        if not entry.ok:
            continue
        ident = entry.identifier()
        entry.only(CHART_FIELDS)
        kind = entry.choice("kind", KINDS, required=True)
        fields: dict[str, Any] = dict(
            title=entry.localized("title", required=True),
            caption=entry.localized("caption", required=True))
        if kind == "bars":
            panels = []
            for praw in entry.items("panels", "panel ({title, bars})"):
                pline = getattr(praw, "line", entry.line_of("panels"))
                panel = entry.part(praw, "panel", pline, ("title", "bars"))
                if panel is None:
                    continue
                title = panel.localized("title", required=True)
                bars = [_bar(entry, b, getattr(b, "line", pline), facts, known)
                        for b in panel.items("bars", "bar ({fact, label})")]
                bars = [b for b in bars if b]
                _same_unit(entry, pline, [b.fact for b in bars], facts, "a panel")
                entry.ok = entry.ok and panel.ok
                panels.append(Panel(title, tuple(bars)))
            fields["panels"] = tuple(panels)
        elif kind == "stacked":
            stacks = []
            for sraw in entry.items("stacks", "stack ({label, total, parts})"):
                sline = getattr(sraw, "line", entry.line_of("stacks"))
                stack = entry.part(sraw, "stack", sline, ("label", "total", "parts"))
                if stack is None:
                    continue
                label = stack.localized("label", required=True)
                total = stack.text("total", required=True)
                _known_fact(stack, "total", total, facts, known, entry.name)
                parts = [_bar(entry, p, getattr(p, "line", sline), facts, known)
                         for p in stack.list("parts")]
                parts = [p for p in parts if p]
                if parts and total in (facts or {}) and all(p.fact in facts for p in parts):
                    summed = sum(facts[p.fact].value for p in parts)
                    if abs(summed - facts[total].value) > 1e-9:
                        stack.fail(stack.line_of("parts"), f"{entry.name}: the parts add up to "
                                   f"{summed:g}, not to the total '{total}' "
                                   f"({facts[total].value:g}); a stacked bar must add up")
                _same_unit(entry, sline, [total] + [p.fact for p in parts], facts, "a stack")
                entry.ok = entry.ok and stack.ok
                stacks.append(Stack(label, total, tuple(parts)))
            fields["stacks"] = tuple(stacks)
            everything = [s.total for s in stacks] + [p.fact for s in stacks for p in s.parts]
            _same_unit(entry, entry.line_of("stacks"), everything, facts, "the chart")
        elif kind in ("series", "ranking"):
            table_id = entry.text("table", required=True)
            table = tables.get(table_id)
            if table_id and table is None and table_id in known_tables:
                entry.ok = False  # an invalid table is reported where it is written
            elif table_id and table is None:
                entry.fail(entry.line_of("table"), f"{entry.name}: unknown table '{table_id}'"
                           f"{did_you_mean(table_id, tables)} (tables live in data/tables/)")
            fields["table"] = table_id
            names = {c.name: c for c in table.columns} if table else {}

            if kind == "series":
                fields["x"] = _column(entry, "x", table, names, numeric=True)
                series = []
                for sraw in entry.items("series", "column of the table"):
                    if isinstance(sraw, str):
                        sraw = {"column": sraw}
                    item = Entry(sraw, rel, "series", problems, entry.line_of("series"),
                                  languages)
                    item.name = f"{entry.name}, series"
                    item.only(("column", "label"))
                    name = item.text("column", required=True)
                    if name and table and name not in names:
                        item.fail(item.line_of("column"), f"{entry.name}: table '{table_id}' "
                                  f"has no column '{name}'{did_you_mean(name, names)}")
                    label = item.localized("label") or (names[name].title if name in names
                                                        else {})
                    entry.ok = entry.ok and item.ok
                    series.append(Series(name, label))
                fields["series"] = tuple(series)
            else:
                fields["label_column"] = _column(entry, "label_column", table, names, numeric=False)
                fields["value_column"] = _column(entry, "value_column", table, names, numeric=True)
                fields["highlight"] = entry.text("highlight")
                if fields["highlight"] and table and fields["label_column"] in names:
                    index = [c.name for c in table.columns].index(fields["label_column"])
                    labels = [row[index] for row in table.rows]
                    if fields["highlight"] not in labels:
                        entry.fail(entry.line_of("highlight"), f"{entry.name}: 'highlight' is "
                                   f"'{fields['highlight']}', which is not a row of column "
                                   f"'{fields['label_column']}'"
                                   f"{did_you_mean(fields['highlight'], labels)}")
        if ident and check_unique(ident, entry.line, seen, rel, "chart", problems) and entry.ok:
            charts[ident] = Chart(ident, entry.line, kind, **fields)
    return charts


# --------------------------------------------------------------------------- what a chart uses


def chart_fact_ids(chart: Chart, ledger) -> list[str]:
    """The facts a chart draws (a chart marker is a use of each)."""
    if chart.kind == "bars":
        return [b.fact for p in chart.panels for b in p.bars]
    if chart.kind == "stacked":
        return [f for s in chart.stacks for f in (s.total, *(p.fact for p in s.parts))]
    table = ledger.tables.get(chart.table)
    if table is None:
        return []
    columns = [chart.x, *(s.column for s in chart.series)] if chart.kind == "series" else [
        chart.value_column]
    out = []
    for name in columns:
        index = table.column_index(name)
        out += [row[index].removeprefix("fact:") for row in table.rows
                if row[index].startswith("fact:")]
    return list(dict.fromkeys(out))


def chart_sources(chart: Chart, ledger) -> tuple[SourceRef, ...]:
    """A table's sources, or the sources of the facts drawn, in order, once each."""
    if chart.table:
        return ledger.tables[chart.table].sources
    refs: dict[tuple[str, str], SourceRef] = {}
    for fact_id in chart_fact_ids(chart, ledger):
        for ref in ledger.facts[fact_id].sources:
            refs.setdefault((ref.id, ref.locator), ref)
    return tuple(refs.values())


def chart_unsourced(chart: Chart, ledger) -> bool:
    return not chart.table and any(ledger.facts[f].unsourced
                                   for f in chart_fact_ids(chart, ledger))


def load(loading: Loading) -> dict[str, Chart]:
    """data/charts.yml parsed and validated (the file is optional: no file, no charts).

    Unreadable when the file does not parse at all, or when facts.yml does not: then chart
    markers are not checked, so one YAML error is reported once. Every chart id written in the
    file, valid or not, is declared, so a page naming an invalid chart is not also told that
    the chart is unknown.
    """
    if not (loading.data_dir / "charts.yml").exists():
        return {}
    raw = loading.yaml(FILE, declare="charts", expect="a YAML list of charts ('- id: ...'), or []")
    known = loading.known("facts")
    if raw is None or known is None:
        loading.unreadable.add("charts")
        return {}
    return parse_charts(raw, FILE, loading.records["facts"], known, loading.records["tables"],
                        loading.problems, loading.languages, loading.known("tables"))


DATA_FILE = DataFile("charts", FILE, load, depends=("facts", "tables"))
