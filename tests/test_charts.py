"""Charts (render/charts/, data/charts.yml): drawn from data/ only, readable without sight,
sourced, downloadable, in the page's language, and cached."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil

import pytest

from conftest import ROOT
from edition.data.charts import chart_fact_ids, chart_sources
from edition.data.ledger import load as load_data
from edition.data.ledger import load_ledger
from edition.data.pages import chart_csv_path
from edition.data.problems import DataError
from edition.locale.numbers import format_number
from edition.render.charts import cache as chart_cache
from edition.render.charts.cache import ChartCache, cache_key
from edition.render.charts.data import chart_data
from edition.render.charts.draw import PX_PER_PT, value_id
from edition.render.charts.palette import PALETTES

LANGS = {"en": "", "id": "id/"}


def chart_figures(site, lang: str):
    """(page, figure) for every chart on the built pages of one language."""
    prefix = LANGS[lang]
    for path in site.html_pages():
        if lang == "en" and path.startswith("id/") or not path.startswith(prefix):
            continue
        for figure in site.page(path).select("figure.chart"):
            yield path, figure


def rect_width(path_d: str) -> float:
    xs = [float(x) for x in re.findall(r"([-\d.]+) [-\d.]+", path_d)]
    return max(xs) - min(xs)


@pytest.mark.parametrize("lang", LANGS)
def test_every_chart_draws_exactly_the_numbers_in_data(site, ledger, lang):
    seen = set()
    for path, figure in chart_figures(site, lang):
        chart = ledger.charts[figure["data-chart"]]
        data = chart_data(chart, ledger, lang)
        for svg in figure.select("svg"):
            values = json.loads(svg["data-values"])
            assert values == data.values(), (path, chart.id)
            for key, value in values.items():  # facts are drawn at their value in the ledger
                if key in ledger.facts:
                    assert ledger.facts[key].value == value, (path, key)
            drawn = {t.get_text() for t in svg.select("text")}
            for group in data.groups:
                for point in (*group.points, *([group.total] if group.total else [])):
                    assert point.text in drawn, (path, chart.id, point.text)
                    assert point.spoken in svg.desc.get_text(), (path, chart.id, point.spoken)
            # bar lengths are proportional to the values (kinds with one value axis per group)
            if chart.kind in ("bars", "ranking"):
                for group in data.groups:
                    widths = {}
                    for point in group.points:
                        mark = svg.find("g", id=re.compile(rf"-{re.escape(value_id(point.key))}$"))
                        assert mark is not None, (chart.id, point.key)
                        widths[point.key] = rect_width(mark.find("path")["d"])
                    scale = {round(widths[p.key] / p.value, 3) for p in group.points}
                    assert len(scale) == 1, (chart.id, scale)
        seen.add(chart.id)
    assert seen == set(ledger.charts), "every chart is placed on a page"


def test_defence_exports_chart_shows_both_series_and_their_disagreement(ledger):
    data = chart_data(ledger.charts["defence-exports"], ledger, "en")
    assert [len(g.points) for g in data.groups] == [2, 3]  # text: 2020, 2024; figure: 2018, 2023, 2024
    assert data.disagreements == ((2024.0, 6.7, 7.1),)
    assert "disagree for 2024" in data.description
    assert any(p.projected for p in data.groups[1].points)


def test_a_chart_description_reads_as_sentences_in_each_language(ledger):
    exports = chart_data(ledger.charts["defence-exports"], ledger, "id").description
    assert ("Kedua deret berbeda untuk 2024: menurut teks lebih dari USD 6,7 miliar, menurut "
            "gambar USD 7,1 miliar (proyeksi).") in exports
    ranking = chart_data(ledger.charts["sipri-top25-share"], ledger, "en").description
    assert ranking.startswith("Bar chart of share of global arms exports 2018–22, 25 rows")


def test_sipri_chart_highlights_turkiye_only(ledger):
    data = chart_data(ledger.charts["sipri-top25-share"], ledger, "en")
    assert len(data.groups[0].points) == 25
    assert [p.key for p in data.groups[0].points if p.highlight] == ["Türkiye"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_chart_has_a_text_alternative_a_source_footnote_and_its_csv(site, ledger, lang):
    for path, figure in chart_figures(site, lang):
        chart = ledger.charts[figure["data-chart"]]
        soup = site.page(path)
        svgs = figure.select("svg")
        assert [s["class"] for s in svgs] == [["chart__svg"]], "one drawing, themed by CSS"
        for svg in svgs:
            assert svg["role"] == "img"
            title_id, desc_id = svg["aria-labelledby"].split()
            assert svg.find(id=title_id).name == "title" and svg.find(id=title_id).get_text()
            assert svg.find(id=desc_id).name == "desc" and len(svg.find(id=desc_id).get_text()) > 40
            assert "<image" not in str(svg) and svg.select("text"), "text stays text"
        caption = figure.figcaption
        assert re.match(r"(Chart|Grafik) \d+\.", caption.get_text())
        notes = {a["href"] for a in caption.select("a.footnote-ref")}
        assert notes == {f"#fn:{ref.id}" for ref in chart_sources(chart, ledger)}
        for note in notes:
            assert soup.find(id=note[1:]) is not None, (path, note)
        csv_link = caption.select_one("a.chart__csv")["href"]
        target = (site.root / path).parent / csv_link
        assert target.resolve() == (site.root / LANGS[lang] / chart_csv_path(chart)).resolve()
        assert target.is_file(), (path, csv_link)


def test_charts_are_numbered_in_page_order(site):
    soup = site.page("core-values/index.html")
    numbers = [re.match(r"Chart (\d+)\.", f.figcaption.get_text()).group(1)
               for f in soup.select("figure.chart")]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]


def test_fact_chart_csv_holds_the_facts_it_draws(site, ledger):
    for chart in ledger.charts.values():
        if chart.table:
            continue
        rows = list(csv.DictReader(io.StringIO(site.html(chart_csv_path(chart)))))
        assert [r["fact"] for r in rows] == chart_fact_ids(chart, ledger)
        for row in rows:
            assert float(row["value"]) == ledger.facts[row["fact"]].value


def test_indonesian_charts_speak_indonesian(site, ledger):
    soup = site.page("id/core-values/index.html")
    svg = soup.select_one("#chart-sipri-top25-share svg")
    desc = svg.desc.get_text()
    assert desc.startswith("Grafik batang")
    assert "Türkiye (disorot), 1,1%" in desc
    assert "1,1%" in {t.get_text() for t in svg.select("text")}
    assert format_number(5.2, "id") + "%" in {t.get_text() for t in svg.select("text")}
    assert soup.select_one("#chart-sipri-top25-share figcaption").get_text().startswith("Grafik")


def test_inline_svgs_have_unique_ids_and_scoped_styles(site):
    soup = site.page("core-values/index.html")
    ids = [tag["id"] for tag in soup.select("[id]")]
    assert len(ids) == len(set(ids))
    # an SVG's ids are XML names (the Nu HTML Checker rejects "…-value-United States")
    svg_ids = [tag["id"] for tag in soup.select("figure.chart svg [id]")]
    assert svg_ids and not [i for i in svg_ids if not re.fullmatch(r"[^\W\d][\w.-]*", i)]
    assert any(i.endswith("-value-united-states") for i in svg_ids)
    for style in soup.select("figure.chart svg style"):
        assert re.match(r"#chart-[\w-]+ \*\{", style.get_text()), style.get_text()[:40]


def test_chart_colours_are_css_variables_set_for_both_schemes_and_print(site):
    css = (site.root / "stylesheets/bundle.css").read_text(encoding="utf-8")
    css = css.split("/* generated by hooks/edition/render/charts/palette.py palette_css() */")[1]
    roles = set(PALETTES["light"])
    for path in ("core-values/index.html", "id/middle-range/index.html"):
        for svg in site.page(path).select("figure.chart svg"):
            colours = set(re.findall(r"(?:fill|stroke|color):\s*([^;\"]+)", str(svg)))
            used = {c for c in colours if c.startswith("var(")}
            fixed = {c for c in colours - used if c != "none" and not c.startswith("url(#")}
            assert not fixed, (path, fixed)  # no fixed colour (url(#..): a hatch pattern)
            assert used <= {f"var(--chart-{role})" for role in roles}, used
    for selector, variant in ((".md-typeset .chart__svg{", "light"),
                              ('[data-md-color-scheme="slate"] .md-typeset .chart__svg{', "dark"),
                              ("@media print{[data-md-color-scheme] .md-typeset .chart__svg{",
                               "light")):
        block = css[css.index(selector) + len(selector):].split("}")[0]
        for role, colour in PALETTES[variant].items():
            assert f"--chart-{role}:{colour}" in block, (selector, role)


# --------------------------------------------------------------------------- the cache


def test_the_cache_skips_redrawing_an_unchanged_chart(tmp_path, ledger, monkeypatch):
    calls = []
    real = chart_cache.draw
    monkeypatch.setattr(chart_cache, "draw", lambda data: calls.append(data.lang) or real(data))
    chart = ledger.charts["tanap-capacity"]
    cache = ChartCache(tmp_path)
    first = cache.svg(chart, chart_data(chart, ledger, "en"))
    second = ChartCache(tmp_path).svg(chart, chart_data(chart, ledger, "en"))
    assert first == second and calls == ["en"]
    ChartCache(tmp_path).svg(chart, chart_data(chart, ledger, "id"))  # other language
    assert calls == ["en", "id"]


def test_the_cache_key_changes_with_the_data(ledger):
    from dataclasses import replace

    chart = ledger.charts["tanap-capacity"]
    data = chart_data(chart, ledger, "en")
    changed = replace(data, groups=data.groups[:1])
    assert cache_key(chart, data) != cache_key(chart, changed)
    assert cache_key(chart, data) == cache_key(chart, data)


def test_an_unchanged_rebuild_draws_no_chart(project):
    shutil.rmtree(project.root / ".cache", ignore_errors=True)  # a fresh clone: nothing drawn
    first = project.build()
    assert first.returncode == 0, first.stderr
    assert re.search(r"charts: [1-9]\d* drawn", first.stderr)
    cached = {p: p.stat().st_mtime_ns for p in (project.root / ".cache" / "charts").iterdir()}
    second = project.build()
    assert second.returncode == 0, second.stderr
    assert "charts: 0 drawn" in second.stderr
    assert not re.search(r"charts: [1-9]\d* drawn", second.stderr)
    assert {p: p.stat().st_mtime_ns for p in cached} == cached


# --------------------------------------------------------------------------- bad input


def load(tmp_path, charts_yml: str):
    data = tmp_path / "data"

    shutil.copytree(ROOT / "data", data)
    (data / "charts.yml").write_text(charts_yml, encoding="utf-8")
    _, problems = load_data(data, ("en", "id"))
    return [str(p) for p in problems]


CHART = """- id: test-chart
  kind: {kind}
  title: {{en: T, id: T}}
  caption: {{en: C, id: C}}
"""


def test_a_chart_naming_an_unknown_fact_fails_with_file_and_line(tmp_path):
    out = load(tmp_path, CHART.format(kind="bars") + """  panels:
    - title: {en: P, id: P}
      bars:
        - {fact: tb2-fleet-hold, label: {en: Held, id: Dimiliki}}
""")
    assert out == ["data/charts.yml:8: chart 'test-chart': unknown fact 'tb2-fleet-hold' "
                   "(did you mean 'tb2-fleet-held'?) (facts live in data/facts.yml)"]


def test_a_stacked_bar_that_does_not_add_up_fails(tmp_path):
    out = load(tmp_path, CHART.format(kind="stacked") + """  stacks:
    - label: {en: Now, id: Kini}
      total: tanap-capacity
      parts:
        - {fact: tanap-to-turkey, label: {en: A, id: A}}
""")
    assert len(out) == 1 and out[0].startswith("data/charts.yml:8: ")
    assert "parts add up to 6, not to the total 'tanap-capacity' (16)" in out[0]


def test_a_panel_mixing_units_fails(tmp_path):
    out = load(tmp_path, CHART.format(kind="bars") + """  panels:
    - title: {en: P, id: P}
      bars:
        - {fact: tb2-fleet-held, label: {en: A, id: A}}
        - {fact: tb2-targets-destroyed, label: {en: B, id: B}}
""")
    assert len(out) == 1 and "data/charts.yml:6:" in out[0] and "mixes units" in out[0]


def test_a_ranking_highlighting_a_missing_row_and_an_unknown_kind_fail(tmp_path):
    out = load(tmp_path, CHART.format(kind="ranking") + """  table: sipri-top25-2018-22
  label_column: exporter
  value_column: share_2018_22
  highlight: Turkey
""" + CHART.format(kind="pie").replace("test-chart", "other-chart"))
    assert any(o.startswith("data/charts.yml:8: ") and "'highlight' is 'Turkey'" in o
               for o in out), out
    assert any(o.startswith("data/charts.yml:10: ") and "'kind' is 'pie'" in o for o in out), out


def test_an_unknown_chart_marker_and_a_missing_translation_fail_the_build(project):
    project.append("docs/background.md", "\n{{ chart:tb2-flet }}\n")
    project.edit("docs/middle-range.id.md", "{{ chart:tanap-capacity }}", "")
    result = project.build()
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(r"docs/background\.md:\d+: unknown chart 'tb2-flet' \(did you mean "
                     r"'tb2-fleet'\?\)", out)
    assert re.search(r"docs/middle-range\.id\.md:\d+: section '#energy-projects' lacks "
                     r"\{\{ chart:tanap-capacity \}\}", out)


def test_load_ledger_without_a_problem_list_raises(tmp_path):

    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data" / "charts.yml").write_text("- id: Bad Id\n", encoding="utf-8")
    with pytest.raises(DataError):
        load_ledger(tmp_path / "data", ("en", "id"))



def test_every_chart_draws_its_text_at_one_scale(site):
    """Each SVG's pixel width is its drawing's width (viewBox, in points) times one factor, so
    that CSS never stretches one chart's labels larger than another's."""
    scales = set()
    for path in ("core-values/index.html", "middle-range/index.html"):
        for svg in site.page(path).select("svg.chart__svg"):
            view_width = float(svg["viewbox"].split()[2])
            scales.add(round(float(svg["width"]) / view_width, 2))
    assert scales == {PX_PER_PT}
