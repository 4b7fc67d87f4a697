"""What a chart shows, in one language: its points with labels and values as printed, and its
description in words (the SVG's <desc>, read by screen readers). Drawing is a pure function of
this (draw.py), so the cache key is its hash (cache.py)."""

from __future__ import annotations

from dataclasses import dataclass

from ...data.charts import Chart
from ...locale import words
from ...locale.numbers import format_value
from ...locale.text import tr


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


def _mid_sentence(label: str) -> str:
    """A column or series title as it reads inside a sentence: 'Share of global arms exports'
    -> 'share of global arms exports'; an acronym ('TAP ...') is left as it is."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def chart_data(chart: Chart, ledger, lang: str) -> ChartData:
    """The chart's numbers and words in one language, read from the ledger."""
    text = words("charts", lang)
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
        xi = table.column_index(chart.x)
        sentences.append(text["series"].format(n=len(chart.series)))
        by_x: dict[float, list[Point]] = {}
        for series in chart.series:
            index = table.column_index(series.column)
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
        li, vi = table.column_index(chart.label_column), table.column_index(chart.value_column)
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
