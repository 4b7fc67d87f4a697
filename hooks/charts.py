"""Charts drawn from data/ at build time: `{{ chart:ID }}` -> a figure with an inline SVG.

A chart is declared once in `data/charts.yml` and draws only numbers that are already in
`data/facts.yml` or `data/tables/`, so a chart can never disagree with the text:

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
numeric column of a table, one bar per row, with an optional highlighted row).

The pipeline, each step a plain function:

    parse_charts(...)        data/charts.yml -> {id: Chart}, problems located at file:line
    chart_data(chart, ...)   Chart + Ledger + language -> ChartData (labels, values, the
                             description in words that becomes the SVG's <desc>)
    draw(data)               ChartData -> SVG text (matplotlib, text kept as <text>), drawn
                             once: its colours are CSS variables (var(--chart-text), ...),
                             which palette_css() sets for the light and the dark scheme
    ChartCache.svg(...)      draw() behind a cache keyed by the hash of the chart, its data,
                             this file's source and the language
    chart_block(...)         the Markdown/HTML of one figure: number, caption, the drawing,
                             source footnotes (through the page's Footnotes) and the CSV link
    chart_csv(...)           the CSV a fact-based chart is drawn from (charts/ID.csv)
"""

from __future__ import annotations

import csv
import functools
import hashlib
import html
import io
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from formatting import format_number, format_value, words
from ledger import Problem, SourceRef, Text, _Entry, did_you_mean, load_yaml, tr

KINDS = ("bars", "stacked", "series", "ranking")
CHART_FIELDS = ("id", "kind", "title", "caption", "panels", "stacks", "table", "x", "series",
                "label_column", "value_column", "highlight")
CODE_HASH = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()

TEXT = {
    "en": {
        "chart": "Chart",
        "source": "Source",
        "download": "Download the data of this chart as CSV",
        "bars": "Bar chart.",
        "stacked": "Stacked bar chart.",
        "series": "Chart of {n} series over the years.",
        "ranking": "Bar chart of {what}, {n} rows in the table's order.",
        "highlighted": "highlighted",
        "no_value": "no value",
        "total": "total {}",
        "disagree": "The series disagree for {x}: {values}.",
        "disagree_short": "text and figure disagree",
        "made_of": "made up of {}",
        "csv_header": ("fact", "label", "value", "unit", "qualifier", "date", "sources"),
    },
    "id": {
        "chart": "Grafik",
        "source": "Sumber",
        "download": "Unduh data grafik ini sebagai CSV",
        "bars": "Grafik batang.",
        "stacked": "Grafik batang bertumpuk.",
        "series": "Grafik {n} deret menurut tahun.",
        "ranking": "Grafik batang {what}, {n} baris sesuai urutan tabel.",
        "highlighted": "disorot",
        "no_value": "tanpa nilai",
        "total": "total {}",
        "disagree": "Kedua deret berbeda untuk {x}: {values}.",
        "disagree_short": "teks dan gambar tidak sejalan",
        "made_of": "terdiri atas {}",
        "csv_header": ("fact", "label", "value", "unit", "qualifier", "date", "sources"),
    },
}


# --------------------------------------------------------------------------- the spec


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


def _bar(entry: _Entry, raw: Any, line: int, facts: dict, problems, languages) -> Bar | None:
    item = _Entry(raw, entry.rel, "bar", problems, line, languages)
    if not item.ok:
        entry.ok = False
        return None
    item.name = f"{entry.name}, bar"
    item.only(("fact", "label"))
    fact = item.text("fact", required=True)
    label = item.localized("label", required=True)
    _known_fact(item, "fact", fact, facts, entry.name)
    if not item.ok:
        entry.ok = False
        return None
    return Bar(fact, label)


class ChartSet(dict):
    """The valid charts by id, plus `declared`: every id written in charts.yml."""

    declared: frozenset = frozenset()


class Facts(dict):
    """The valid facts by id, plus `declared`: every id written in facts.yml (valid or not)."""

    declared: frozenset = frozenset()


def _known_fact(entry: _Entry, key: str, fact: str, facts: dict, name: str) -> None:
    """An unknown id is a problem here; a fact that is declared but invalid was reported where
    it is defined, so the chart is only dropped."""
    if not fact:
        return
    declared = getattr(facts, "declared", frozenset()) | set(facts)
    if fact not in declared:
        entry.fail(entry.line_of(key), f"{name}: unknown fact '{fact}'"
                   f"{did_you_mean(fact, declared)} (facts live in data/facts.yml)")
    elif fact not in facts:
        entry.ok = False


def _same_unit(entry: _Entry, line: int, fact_ids: list[str], facts: dict, what: str) -> None:
    """Bars that share an axis must share a unit, or the picture compares apples and pears."""
    units = {tr(facts[f].unit, "en") for f in fact_ids if f in facts}
    if len(units) > 1:
        entry.fail(line, f"{entry.name}: {what} mixes units ({', '.join(sorted(units))}); "
                   "bars on one axis need one unit (put the others in another panel)")


def parse_charts(data: Any, rel: str, facts: dict, tables: dict, problems: list[Problem],
                 languages: tuple[str, ...]) -> dict[str, Chart]:
    """Validate data/charts.yml against the facts and tables it draws."""
    from ledger import _check_unique, _list_of_entries

    charts: dict[str, Chart] = {}
    seen: dict[str, int] = {}
    for raw in _list_of_entries(data, rel, "chart", problems):
        entry = _Entry(raw, rel, "chart", problems, 1, languages)
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
            for praw in entry.list("panels", required=True):
                pline = getattr(praw, "line", entry.line_of("panels"))
                panel = _Entry(praw, rel, "panel", problems, pline, languages)
                if not panel.ok:
                    entry.ok = False
                    continue
                panel.name = f"{entry.name}, panel"
                panel.only(("title", "bars"))
                title = panel.localized("title", required=True)
                bars = [_bar(entry, b, getattr(b, "line", pline), facts, problems, languages)
                        for b in panel.list("bars", required=True)]
                bars = [b for b in bars if b]
                _same_unit(entry, pline, [b.fact for b in bars], facts, "a panel")
                entry.ok = entry.ok and panel.ok
                panels.append(Panel(title, tuple(bars)))
            fields["panels"] = tuple(panels)
        elif kind == "stacked":
            stacks = []
            for sraw in entry.list("stacks", required=True):
                sline = getattr(sraw, "line", entry.line_of("stacks"))
                stack = _Entry(sraw, rel, "stack", problems, sline, languages)
                if not stack.ok:
                    entry.ok = False
                    continue
                stack.name = f"{entry.name}, stack"
                stack.only(("label", "total", "parts"))
                label = stack.localized("label", required=True)
                total = stack.text("total", required=True)
                _known_fact(stack, "total", total, facts, entry.name)
                parts = [_bar(entry, p, getattr(p, "line", sline), facts, problems, languages)
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
            if table_id and table is None:
                entry.fail(entry.line_of("table"), f"{entry.name}: unknown table '{table_id}'"
                           f"{did_you_mean(table_id, tables)} (tables live in data/tables/)")
            fields["table"] = table_id
            names = {c.name: c for c in table.columns} if table else {}

            def column(key: str, numeric: bool, required: bool = True) -> str:
                name = entry.text(key, required=required)
                if name and table and name not in names:
                    entry.fail(entry.line_of(key), f"{entry.name}: table '{table_id}' has no "
                               f"column '{name}'{did_you_mean(name, names)} (columns: "
                               f"{', '.join(names)})")
                elif name and table and numeric and names[name].type == "text":
                    entry.fail(entry.line_of(key), f"{entry.name}: column '{name}' holds text; "
                               "a chart draws numeric or fact columns")
                return name

            if kind == "series":
                fields["x"] = column("x", numeric=True)
                series = []
                for sraw in entry.list("series", required=True):
                    if isinstance(sraw, str):
                        sraw = {"column": sraw}
                    item = _Entry(sraw, rel, "series", problems, entry.line_of("series"),
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
                fields["label_column"] = column("label_column", numeric=False)
                fields["value_column"] = column("value_column", numeric=True)
                fields["highlight"] = entry.text("highlight")
                if fields["highlight"] and table and fields["label_column"] in names:
                    index = [c.name for c in table.columns].index(fields["label_column"])
                    labels = [row[index] for row in table.rows]
                    if fields["highlight"] not in labels:
                        entry.fail(entry.line_of("highlight"), f"{entry.name}: 'highlight' is "
                                   f"'{fields['highlight']}', which is not a row of column "
                                   f"'{fields['label_column']}'"
                                   f"{did_you_mean(fields['highlight'], labels)}")
        if ident and _check_unique(ident, entry.line, seen, rel, "chart", problems) and entry.ok:
            charts[ident] = Chart(ident, entry.line, kind, **fields)
    return charts


def load_charts(data_dir: Path, facts: dict, declared_facts, tables: dict,
                problems: list[Problem], languages: tuple[str, ...]) -> dict[str, Chart] | None:
    """data/charts.yml parsed and validated (the file is optional: no file, no charts).

    None when the file does not parse at all, or when facts.yml does not (`declared_facts` is
    None): then chart markers are not checked, so one YAML error is reported once. The result
    carries `declared`, every chart id written in the file, valid or not, so a page naming an
    invalid chart is not also told that the chart is unknown.
    """
    path = Path(data_dir) / "charts.yml"
    if not path.exists():
        return ChartSet()
    raw = load_yaml(path, "data/charts.yml", problems)
    if raw is None or declared_facts is None:
        return None
    known = Facts(facts)
    known.declared = frozenset(declared_facts)
    charts = ChartSet(parse_charts(raw, "data/charts.yml", known, tables, problems, languages))
    charts.declared = frozenset(str(c["id"]) for c in raw if isinstance(c, dict) and c.get("id")
                                ) if isinstance(raw, list) else frozenset()
    return charts


# --------------------------------------------------------------------------- what a chart uses


def _table_column(table, name: str) -> int:
    return [c.name for c in table.columns].index(name)


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
        index = _table_column(table, name)
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


def chart_csv_path(chart: Chart) -> str:
    """Where the data of a chart can be downloaded (tables keep their own CSV)."""
    return f"tables/{chart.table}.csv" if chart.table else f"charts/{chart.id}.csv"


def chart_csv(chart: Chart, ledger, lang: str) -> str:
    """The facts a fact-based chart draws, as CSV (one row per fact, in drawing order)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(words(TEXT, lang)["csv_header"])
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


# --------------------------------------------------------------------------- the data drawn


@dataclass(frozen=True)
class Point:
    key: str            # fact id, or the row label of a table
    label: str          # what the point is, in the page's language
    value: float
    text: str           # the value as printed next to the mark ("about 20", "1,1%")
    spoken: str         # the value in words for <desc> ("about 20 TB2 drones")
    highlight: bool = False
    projected: bool = False
    x: float | None = None   # series only


@dataclass(frozen=True)
class Group:
    title: str
    points: tuple[Point, ...]
    total: Point | None = None   # stacked only


@dataclass(frozen=True)
class ChartData:
    """Everything draw() needs, already localized: drawing is a pure function of this."""

    id: str
    kind: str
    lang: str
    title: str
    groups: tuple[Group, ...]
    axis: tuple[str, ...]          # the value axis label, per group for kind bars
    description: str
    disagreements: tuple[tuple[float, float, float], ...] = ()  # (x, low, high), series only

    def values(self) -> dict[str, float]:
        out = {}
        for group in self.groups:
            for point in (*group.points, *([group.total] if group.total else [])):
                key = point.key if self.kind != "series" else f"{group.title}|{point.label}"
                out[key] = point.value
        return out


def _fact_point(fact, label: str, lang: str, highlight: bool = False) -> Point:
    unit = tr(fact.unit, lang)
    short = format_value(fact.value, unit if unit == "%" else "", fact.qualifier, lang)
    return Point(fact.id, label, float(fact.value), short,
                 format_value(fact.value, unit, fact.qualifier, lang), highlight,
                 fact.qualifier == "projected")


def _cell_point(ledger, table, column, cell: str, key: str, label: str, lang: str,
                highlight: bool = False) -> Point | None:
    if cell == "":
        return None
    if cell.startswith("fact:"):
        return _fact_point(ledger.facts[cell.removeprefix("fact:")], label, lang, highlight)
    value = float(cell) if "." in cell else int(cell)
    unit = tr(column.unit, lang)
    text = format_value(value, unit if unit == "%" else "", "", lang)
    return Point(key, label, float(value), text, format_value(value, unit, "", lang), highlight)


def chart_data(chart: Chart, ledger, lang: str) -> ChartData:
    """The chart's numbers and words in one language, read from the ledger."""
    text = words(TEXT, lang)
    groups, axis, sentences, disagreements = [], [], [], []
    if chart.kind == "bars":
        sentences.append(text["bars"])
        for panel in chart.panels:
            points = tuple(_fact_point(ledger.facts[b.fact], tr(b.label, lang), lang)
                           for b in panel.bars)
            groups.append(Group(tr(panel.title, lang), points))
            axis.append(tr(ledger.facts[panel.bars[0].fact].unit, lang))
            sentences.append(f"{tr(panel.title, lang)}: " + "; ".join(
                f"{p.label}, {p.spoken}" for p in points) + ".")
    elif chart.kind == "stacked":
        sentences.append(text["stacked"])
        for stack in chart.stacks:
            total = _fact_point(ledger.facts[stack.total], tr(stack.label, lang), lang)
            parts = tuple(_fact_point(ledger.facts[p.fact], tr(p.label, lang), lang)
                          for p in stack.parts)
            groups.append(Group(tr(stack.label, lang), parts, total))
            sentence = f"{total.label}: {total.spoken}"
            if parts:
                sentence += ", " + text["made_of"].format(
                    "; ".join(f"{p.label}, {p.spoken}" for p in parts))
            sentences.append(sentence + ".")
        axis.append(tr(ledger.facts[chart.stacks[0].total].unit, lang))
    elif chart.kind == "series":
        table = ledger.tables[chart.table]
        xi = _table_column(table, chart.x)
        sentences.append(text["series"].format(n=len(chart.series)))
        by_x: dict[float, list[Point]] = {}
        for series in chart.series:
            index = _table_column(table, series.column)
            column = table.columns[index]
            points = []
            for row in table.rows:
                point = _cell_point(ledger, table, column, row[index], row[xi], row[xi], lang)
                if point is not None:
                    point = Point(point.key, point.label, point.value, point.text, point.spoken,
                                  projected=point.projected, x=float(row[xi]))
                    points.append(point)
                    by_x.setdefault(point.x, []).append(point)
            title = tr(series.label, lang)
            groups.append(Group(title, tuple(points)))
            sentences.append(f"{title}: " + "; ".join(f"{p.label}, {p.spoken}"
                                                      for p in points) + ".")
            if not axis:
                axis.append(tr(column.unit, lang))
        for x, points in sorted(by_x.items()):
            if len(points) > 1 and len({p.value for p in points}) > 1:
                values = [p.value for p in points]
                disagreements.append((x, min(values), max(values)))
                label = points[0].label
                sentences.append(text["disagree"].format(x=label, values=", ".join(
                    f"{_mid_sentence(g.title)} {p.spoken}"
                    for g in groups for p in g.points if p.x == x)))
    else:  # ranking
        table = ledger.tables[chart.table]
        li, vi = _table_column(table, chart.label_column), _table_column(table, chart.value_column)
        column = table.columns[vi]
        points = []
        for row in table.rows:
            label = table.cell_text(table.columns[li], row[li], lang)
            point = _cell_point(ledger, table, column, row[vi], row[li], label, lang,
                                highlight=row[li] == chart.highlight)
            if point is not None:
                points.append(point)
        title = tr(column.title, lang)
        groups.append(Group(title, tuple(points)))
        axis.append(tr(column.unit, lang))
        sentences.append(text["ranking"].format(what=_mid_sentence(title), n=len(points)))
        sentences.append("; ".join(
            f"{p.label}{' (' + text['highlighted'] + ')' if p.highlight else ''}, {p.spoken}"
            for p in points) + ".")
    return ChartData(chart.id, chart.kind, lang, tr(chart.title, lang), tuple(groups),
                     tuple(axis), " ".join(sentences), tuple(disagreements))


# --------------------------------------------------------------------------- drawing

PALETTES = {
    # Material's light (default) and dark (slate) schemes; the charts have no background, so
    # the page colour shows through. Both "bar" and "highlight" keep 3:1 against the page.
    "light": {"text": "#1f2328", "muted": "#57606a", "grid": "#d0d7de", "bar": "#3949ab",
              "highlight": "#c62828", "second": "#b45309", "edge": "#ffffff"},
    "dark": {"text": "#e6e8ee", "muted": "#a8b0bd", "grid": "#3d4452", "bar": "#8c9eff",
             "highlight": "#ff8a80", "second": "#fbbf24", "edge": "#1e2129"},
}
# A chart is drawn once, each colour role in a placeholder colour (TOKENS) that _themed()
# replaces with a CSS variable; palette_css() gives the variables the PALETTES values of the
# reader's colour scheme (and the light ones on paper). One drawing a chart, not one a scheme:
# half the elements in the page, which the browser styles and lays out at every load.
TOKENS = {role: "#{0:02x}{0:02x}{0:02x}".format(index + 1)
          for index, role in enumerate(PALETTES["light"])}


def palette_css() -> str:
    """The CSS variables of the charts' colours: light, dark (Material's slate), and print."""
    def block(variant: str) -> str:
        return "; ".join(f"--chart-{role}: {colour}" for role, colour in PALETTES[variant].items())

    return (f".md-typeset .chart__svg {{ {block('light')} }}\n"
            f'[data-md-color-scheme="slate"] .md-typeset .chart__svg {{ {block("dark")} }}\n'
            "@media print { [data-md-color-scheme] .md-typeset .chart__svg "
            f"{{ {block('light')} }} }}\n")


def _themed(svg: str) -> str:
    """The placeholder colours of a drawing replaced by their CSS variables."""
    for role, token in TOKENS.items():
        svg = re.sub(re.escape(token) + r"\b", f"var(--chart-{role})", svg, flags=re.IGNORECASE)
    return svg


WIDTH = 4.6       # inches: about 440 px wide, so the text stays legible when a phone shrinks it
FONT_SIZE = 10.5
PX_PER_PT = 1.35  # on screen: 10.5 pt labels at about 14 px, beside 16 px body text


def _number_formatter(lang: str):
    from matplotlib.ticker import FuncFormatter

    def fmt(value, _pos=None):
        value = round(float(value), 6)
        return format_number(int(value) if value.is_integer() else value, lang)

    return FuncFormatter(fmt)


def _style_axes(ax, colours: dict, lang: str, value_axis: str = "x") -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(colours["muted"])
    ax.tick_params(colors=colours["text"], labelcolor=colours["text"])
    ax.grid(axis=value_axis, color=colours["grid"], linewidth=0.8)
    ax.set_axisbelow(True)
    (ax.xaxis if value_axis == "x" else ax.yaxis).set_major_formatter(_number_formatter(lang))


def _bar_labels(ax, bars, points, colours, limit: float) -> None:
    for bar, point in zip(bars, points):
        ax.text(bar.get_x() + bar.get_width() + limit * 0.015, bar.get_y() + bar.get_height() / 2,
                point.text, va="center", ha="left", color=colours["text"],
                fontweight="bold" if point.highlight else "normal")


def draw(data: ChartData) -> str:
    """One chart as SVG text, drawn by matplotlib (text stays text: svg.fonttype none), its
    colours CSS variables (palette_css)."""
    import matplotlib

    matplotlib.use("svg", force=False)
    import matplotlib.pyplot as plt

    colours = TOKENS
    style = {"svg.fonttype": "none", "svg.hashsalt": data.id,
             "font.family": "sans-serif", "font.size": FONT_SIZE,
             "text.color": colours["text"], "axes.labelcolor": colours["text"],
             "axes.edgecolor": colours["muted"], "xtick.color": colours["text"],
             "ytick.color": colours["text"], "axes.titlesize": FONT_SIZE,
             "axes.titleweight": "bold", "axes.titlelocation": "left",
             "legend.frameon": False, "figure.facecolor": "none", "axes.facecolor": "none",
             "savefig.transparent": True}
    with plt.rc_context(style):
        if data.kind == "bars":
            fig = _draw_bars(plt, data, colours)
        elif data.kind == "stacked":
            fig = _draw_stacked(plt, data, colours)
        elif data.kind == "series":
            fig = _draw_series(plt, data, colours)
        else:
            fig = _draw_ranking(plt, data, colours)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", bbox_inches="tight", pad_inches=0.06,
                    metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
        plt.close(fig)
    return _themed(_clean_svg(buffer.getvalue()))


def _draw_bars(plt, data: ChartData, colours: dict):
    counts = [len(g.points) for g in data.groups]
    fig, axes = plt.subplots(len(data.groups), 1, squeeze=False,
                             figsize=(WIDTH, 0.75 * len(counts) + 0.42 * sum(counts)),
                             gridspec_kw={"height_ratios": counts})
    for ax, group, unit in zip(axes[:, 0], data.groups, data.axis):
        points = group.points
        labels = [p.label for p in points]
        values = [p.value for p in points]
        limit = max(values) * 1.3
        bars = ax.barh(range(len(points)), values, color=colours["bar"], height=0.62)
        for bar, point in zip(bars, points):
            bar.set_gid(f"value-{point.key}")
        ax.set_yticks(range(len(points)), labels)
        ax.invert_yaxis()
        ax.set_xlim(0, limit)
        _style_axes(ax, colours, data.lang)
        _bar_labels(ax, bars, points, colours, limit)
        ax.set_title(group.title, color=colours["text"])
        ax.set_xlabel(unit, color=colours["muted"])
    fig.tight_layout(h_pad=1.2)
    return fig


def _draw_stacked(plt, data: ChartData, colours: dict):
    fig, ax = plt.subplots(figsize=(WIDTH, 0.9 + 0.7 * len(data.groups)))
    shades = [colours["bar"], colours["second"], colours["highlight"]]
    limit = max(g.total.value for g in data.groups) * 1.22
    handles = {}
    for row, group in enumerate(data.groups):
        left = 0.0
        if group.points:
            for index, point in enumerate(group.points):
                bar = ax.barh(row, point.value, left=left, color=shades[index % len(shades)],
                              height=0.58, edgecolor=colours["edge"], linewidth=1.2,
                              label=point.label)
                bar[0].set_gid(f"value-{point.key}")
                handles.setdefault(point.label, bar)
                ax.text(left + point.value / 2, row, point.text, ha="center", va="center",
                        color=colours["edge"], fontweight="bold")
                left += point.value
        else:
            bar = ax.barh(row, group.total.value, color=colours["muted"], height=0.58,
                          hatch="///", edgecolor=colours["edge"], linewidth=0)
            bar[0].set_gid(f"value-{group.total.key}")
        ax.text(group.total.value + limit * 0.015, row, group.total.text, va="center",
                ha="left", color=colours["text"], fontweight="bold")
    ax.set_yticks(range(len(data.groups)), [g.title for g in data.groups])
    ax.invert_yaxis()
    ax.set_xlim(0, limit)
    _style_axes(ax, colours, data.lang)
    ax.set_xlabel(data.axis[0], color=colours["muted"])
    if handles:  # above the bars, where it cannot meet the axis label
        ax.legend(handles=list(handles.values()), labels=list(handles), loc="lower left",
                  bbox_to_anchor=(-0.02, 1.0), ncol=2, labelcolor=colours["text"],
                  handlelength=1.4, columnspacing=1.2, borderaxespad=0.2)
    fig.tight_layout()
    return fig


def _label_place(index: int, point: Point, data: ChartData) -> str:
    """Where a point's value label goes, so the two series' labels and lines do not collide:
    the first series above-left, the others below-right; where the series disagree, the higher
    value's label above-left and the lower value's below-right."""
    for x, low, high in data.disagreements:
        if point.x == x:
            return "above-left" if point.value == high else "below-right"
    return "above-left" if index == 0 else "below-right"


def _draw_series(plt, data: ChartData, colours: dict):
    fig, ax = plt.subplots(figsize=(WIDTH, 3.7))
    looks = [dict(color=colours["bar"], marker="o", linestyle=(0, (1, 2))),
             dict(color=colours["second"], marker="s", linestyle=(0, (4, 2)))]
    xs = sorted({p.x for g in data.groups for p in g.points})
    top = max(p.value for g in data.groups for p in g.points)
    places = {"above-left": dict(xytext=(-7, 7), ha="right", va="bottom"),
              "below-right": dict(xytext=(7, -7), ha="left", va="top")}
    for index, group in enumerate(data.groups):
        look = looks[index % len(looks)]
        points = group.points
        line, = ax.plot([p.x for p in points], [p.value for p in points], linewidth=1.4,
                        color=look["color"], linestyle=look["linestyle"], label=group.title)
        line.set_gid(f"series-{index}")
        for point in points:
            face = "none" if point.projected else look["color"]
            mark, = ax.plot([point.x], [point.value], marker=look["marker"], markersize=7,
                            color=look["color"], markerfacecolor=face, markeredgewidth=1.6,
                            linestyle="none")
            mark.set_gid(f"point-{index}-{int(point.x)}")
            ax.annotate(point.text, (point.x, point.value), textcoords="offset points",
                        color=look["color"], fontsize=FONT_SIZE - 1, fontweight="bold",
                        **places[_label_place(index, point, data)])
    for x, low, high in data.disagreements:  # a bracket joining the two values, and why
        bracket = x + 0.3
        ax.plot([bracket - 0.08, bracket, bracket, bracket - 0.08], [low, low, high, high],
                color=colours["highlight"], linewidth=1.3, solid_joinstyle="miter")
        ax.text(bracket + 0.12, (low + high) / 2, words(TEXT, data.lang)["disagree_short"],
                color=colours["highlight"], va="center", ha="left", fontsize=FONT_SIZE - 1.5,
                wrap=True)
    ax.set_xticks(xs, [str(int(x)) for x in xs])
    ax.set_xlim(min(xs) - 0.8, max(xs) + (2.3 if data.disagreements else 0.8))
    ax.set_ylim(0, top * 1.2)
    _style_axes(ax, colours, data.lang, value_axis="y")
    ax.set_ylabel(data.axis[0], color=colours["muted"])
    ax.legend(loc="lower right", labelcolor=colours["text"], handlelength=2.6)
    fig.tight_layout()
    return fig


def _draw_ranking(plt, data: ChartData, colours: dict):
    group = data.groups[0]
    points = group.points
    fig, ax = plt.subplots(figsize=(WIDTH, 0.8 + 0.25 * len(points)))
    limit = max(p.value for p in points) * 1.15
    bars = ax.barh(range(len(points)), [p.value for p in points], height=0.7,
                   color=[colours["highlight"] if p.highlight else colours["bar"]
                          for p in points])
    for bar, point in zip(bars, points):
        bar.set_gid(f"value-{point.key}")
    ax.set_yticks(range(len(points)), [p.label for p in points])
    ax.tick_params(axis="y", length=0)
    ax.invert_yaxis()
    ax.set_ylim(len(points) - 0.5, -0.5)
    ax.set_xlim(0, limit)
    _style_axes(ax, colours, data.lang)
    for tick, point in zip(ax.get_yticklabels(), points):
        if point.highlight:
            tick.set_fontweight("bold")
            tick.set_color(colours["highlight"])
    _bar_labels(ax, bars, points, colours, limit)
    ax.set_xlabel(f"{group.title} ({data.axis[0]})" if data.axis[0] else group.title,
                  color=colours["muted"])
    fig.tight_layout()
    return fig


PREFIX = "CHARTID"


def _clean_svg(svg: str) -> str:
    """Ready to inline: no XML prologue or metadata, ids under a placeholder prefix, the global
    style rule scoped to this SVG, and a size in CSS pixels at one scale for every chart (a
    point of the drawing is PX_PER_PT pixels), so that all charts show their text at the same
    size; CSS lets a chart shrink to a narrow column (visual.css)."""
    svg = re.sub(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<metadata>.*?</metadata>", "", svg,
                 flags=re.DOTALL)
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{PREFIX}-\1"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{PREFIX}-\1)", svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#{PREFIX}-\1"', svg)
    svg = svg.replace("<style type=\"text/css\">*{", f"<style type=\"text/css\">#{PREFIX} *{{")
    def size(match: re.Match) -> str:
        width, height = (float(match.group(k)) * PX_PER_PT for k in ("width", "height"))
        return f'<svg id="{PREFIX}" width="{width:.0f}" height="{height:.0f}" {match.group(1)}'

    svg = re.sub(r'<svg ([^>]*?)width="(?P<width>[\d.]+)pt" height="(?P<height>[\d.]+)pt" ',
                 size, svg, count=1)
    lines = [line.strip() for line in svg.splitlines()]  # no indentation: bytes for nothing
    return "\n".join(line for line in lines if line.strip()) + "\n"


# --------------------------------------------------------------------------- the cache


@functools.lru_cache(maxsize=1)
def matplotlib_version() -> str:
    """Read from the package's metadata: importing matplotlib takes a tenth of a second, which a
    build whose charts all come from the cache need not spend."""
    from importlib.metadata import version

    return version("matplotlib")


def cache_key(chart: Chart, data: ChartData) -> str:
    """The hash of everything a drawing depends on."""
    material = json.dumps([repr(chart), repr(data), CODE_HASH, data.lang,
                           matplotlib_version()], ensure_ascii=False)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]


class ChartCache:
    """Rendered SVGs on disk (e.g. .cache/charts/), so an unchanged rebuild draws nothing."""

    def __init__(self, directory: Path | None):
        self.directory = Path(directory) if directory else None
        self.drawn = 0
        self.reused = 0

    def svg(self, chart: Chart, data: ChartData) -> str:
        key = cache_key(chart, data)
        path = self.directory / f"{chart.id}-{key}.svg" if self.directory else None
        if path is not None and path.exists():
            self.reused += 1
            return path.read_text(encoding="utf-8")
        svg = draw(data)
        self.drawn += 1
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(svg)
            os.replace(tmp, path)
        return svg


# --------------------------------------------------------------------------- the figure


def _mid_sentence(label: str) -> str:
    """A column or series title as it reads inside a sentence: 'Share of global arms exports'
    -> 'share of global arms exports'; an acronym ('TAP ...') is left as it is."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


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
    from citations import source_line
    from formatting import escape

    text = words(TEXT, lang)
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

