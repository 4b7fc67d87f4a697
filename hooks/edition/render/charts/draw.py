"""Drawing a chart: ChartData (data.py) -> SVG text, by matplotlib, with text kept as <text> and
colours as CSS variables (palette.py). Only this module imports matplotlib, and only when a
chart is not in the cache (cache.py)."""

from __future__ import annotations

import io
import re

from ...locale import words
from ...locale.numbers import format_number
from .data import ChartData, Point
from .palette import TOKENS, themed

WIDTH = 4.6       # inches: about 440 px wide, so the text stays legible when a phone shrinks it
FONT_SIZE = 10.5
PX_PER_PT = 1.35  # on screen: 10.5 pt labels at about 14 px, beside 16 px body text


def value_id(key: str) -> str:
    """The id of the mark drawing a value ('value-united-states' for the row "United States"):
    a valid XML name (an SVG in HTML must have one), whatever the row's label holds. Row labels
    are unique within a chart, and so are their ids."""
    return "value-" + re.sub(r"[^\w.-]+", "-", key.strip().lower()).strip("-")


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
    return themed(_clean_svg(buffer.getvalue()))


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
            bar.set_gid(value_id(point.key))
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
                bar[0].set_gid(value_id(point.key))
                handles.setdefault(point.label, bar)
                ax.text(left + point.value / 2, row, point.text, ha="center", va="center",
                        color=colours["edge"], fontweight="bold")
                left += point.value
        else:
            bar = ax.barh(row, group.total.value, color=colours["muted"], height=0.58,
                          hatch="///", edgecolor=colours["edge"], linewidth=0)
            bar[0].set_gid(value_id(group.total.key))
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
    for x, _low, high in data.disagreements:
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
        ax.text(bracket + 0.12, (low + high) / 2, words("charts", data.lang)["disagree_short"],
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
        bar.set_gid(value_id(point.key))
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
