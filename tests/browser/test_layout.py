"""Charts and data tables as a reader sees them on a small phone (320 px), a common phone (375 px)
and a desktop (1280 px), in Chromium, on every page that has one, in both languages: no part of
a chart is hidden, and at 1280 px no table runs past the content column. The rules are in
docs/stylesheets/visual.css (charts) and docs/stylesheets/edition.css (wide tables)."""

from __future__ import annotations

import pytest

from edition.render.markers.table import WIDE_COLUMNS

from .support import require_chromium

require_chromium()

WIDTHS = (320, 375, 1280)
DESKTOP = 1280

MEASURE = """() => {
  const column = document.querySelector('.md-content__inner').getBoundingClientRect();
  const box = el => { const r = el.getBoundingClientRect();
                      return {left: r.left, right: r.right, width: r.width}; };
  return {
    viewport: document.documentElement.clientWidth,
    column: box(document.querySelector('.md-content__inner')),
    charts: [...document.querySelectorAll('figure.chart')].map(figure => {
      const image = figure.querySelector('.chart__image');
      return {id: figure.id || image.id, image: box(image), svg: box(image.querySelector('svg')),
              scroll: image.scrollWidth, client: image.clientWidth,
              visibility: getComputedStyle(image).contentVisibility};
    }),
    tables: [...document.querySelectorAll('.data-table')].map(div => {
      const table = div.querySelector('table');
      const wrap = table.closest('.md-typeset__scrollwrap') || div;
      return {id: div.id, table: box(table), wrap: box(wrap), scroll: wrap.scrollWidth,
              client: wrap.clientWidth, focusable: wrap.getAttribute('tabindex') === '0',
              columns: table.rows[0].cells.length};
    }),
  };
}"""


@pytest.fixture(scope="module")
def measured(served, browser):
    """{(page, width): layout} for every page with a chart or a data table."""
    pages = [path for path in served.pages()
             if any(mark in (served.root / path).read_text(encoding="utf-8")
                    for mark in ('class="chart"', 'class="data-table'))]
    assert {"core-values/index.html", "evidence/tables/index.html",
            "about/print/index.html", "id/about/print/index.html"} <= set(pages), pages
    out = {}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for path in pages:
            page.goto(served.url(path), wait_until="load")
            out[path, width] = page.evaluate(MEASURE)
        context.close()
    return out


def test_every_chart_is_whole_on_screen_at_320_375_and_1280_px(measured):
    problems = []
    for (path, width), layout in measured.items():
        for chart in layout["charts"]:
            where = f"{path} at {width} px: {chart['id']}"
            if chart["scroll"] > chart["client"] + 1:
                problems.append(f"{where}: {chart['scroll'] - chart['client']} px of the "
                                f"drawing hidden behind a sideways scroll")
            if chart["svg"]["left"] < -0.5 or chart["svg"]["right"] > layout["viewport"] + 0.5:
                problems.append(f"{where}: drawing {chart['svg']} outside the screen")
            if width == DESKTOP and chart["svg"]["right"] > layout["column"]["right"] + 0.5:
                problems.append(f"{where}: drawing runs past the content column")
    assert not problems, "\n".join(problems)
    assert any(layout["charts"] for layout in measured.values()), "no chart measured"


def test_charts_are_laid_out_even_off_screen(measured):
    """No `content-visibility: auto` on charts: it left them blank in full-page captures, and
    an off-screen chart's box could not be scrolled in Chromium."""
    skipped = {chart["visibility"] for layout in measured.values() for chart in layout["charts"]}
    assert skipped == {"visible"}, skipped


def test_no_data_table_runs_past_the_content_column_at_1280_px(measured):
    problems = []
    for (path, width), layout in measured.items():
        if width != DESKTOP:
            continue
        for table in layout["tables"]:
            if table["scroll"] > table["client"] + 1:
                problems.append(f"{path}: #{table['id']} scrolls sideways "
                                f"({table['scroll']} px in {table['client']} px)")
            if table["table"]["right"] > layout["column"]["right"] + 0.5:
                problems.append(f"{path}: #{table['id']} ends "
                                f"{table['table']['right'] - layout['column']['right']:.0f} px "
                                "past the content column")
    assert not problems, "\n".join(problems)


def test_a_table_that_is_not_wide_fits_a_phone(measured):
    """docs/stylesheets/edition.css: narrower cells on a phone, numbers and flags may wrap (a
    table of WIDE_COLUMNS or more scrolls in its box instead)."""
    problems = [f"{path} at {width} px: #{table['id']} ({table['columns']} columns) scrolls "
                f"sideways ({table['scroll']} px in {table['client']} px)"
                for (path, width), layout in measured.items() if width != DESKTOP
                for table in layout["tables"]
                if table["columns"] < WIDE_COLUMNS and table["scroll"] > table["client"] + 1]
    assert not problems, "\n".join(problems)


def test_a_table_wider_than_a_phone_scrolls_in_its_own_box_and_takes_the_focus(measured):
    """On a phone a wide table cannot fit: it scrolls inside its box (not the page), and the box
    is a tab stop so that keyboard users can scroll it (docs/javascripts/scroll-boxes.js)."""
    problems, scrolling = [], 0
    for (path, width), layout in measured.items():
        if width == DESKTOP:
            continue
        for table in layout["tables"]:
            if table["wrap"]["left"] < -0.5 or table["wrap"]["right"] > layout["viewport"] + 0.5:
                problems.append(f"{path} at {width} px: #{table['id']}'s box is off screen")
            if table["scroll"] > table["client"] + 1:
                scrolling += 1
                if not table["focusable"]:
                    problems.append(f"{path} at {width} px: #{table['id']} scrolls but is not "
                                    "focusable")
    assert not problems, "\n".join(problems)
    assert scrolling, "no table scrolls on a phone: the test measured nothing"
