"""Sortable data tables (docs/javascripts/tables.js + vendored tablesort), in Chromium: numeric
columns sort by value in both languages, fact cells by their number, and without JavaScript the
tables stay in the article's order."""

from __future__ import annotations

from .support import require_chromium

require_chromium()

from playwright.sync_api import expect  # noqa: E402 (after the skip: Playwright may be absent)

expect.set_options(timeout=10_000)
SIPRI = "#table-sipri-top25-2018-22 table"


def column(page, table: str, index: int) -> list[str]:
    return page.locator(f"{table} tbody tr td:nth-child({index})").all_inner_texts()


def number(text: str, lang: str) -> float:
    text = text.strip().rstrip("%").replace("\u2212", "-")
    return float(text.replace(".", "").replace(",", ".") if lang == "id" else
                 text.replace(",", ""))


def sort_by(page, table: str, index: int) -> None:
    page.locator(f"{table} thead th:nth-child({index})").click()


def test_a_numeric_column_sorts_by_value_both_ways(served, open_tab):
    page = open_tab().page
    page.goto(served.url("core-values/index.html"))
    original = column(page, SIPRI, 2)
    header = page.locator(f"{SIPRI} thead th:nth-child(3)")
    sort_by(page, SIPRI, 3)  # share 2018–22
    expect(header).to_have_attribute("aria-sort", "ascending")
    values = [number(v, "en") for v in column(page, SIPRI, 3)]
    assert values == sorted(values) and values[-1] == 40 and values[0] == 0.2
    sort_by(page, SIPRI, 3)
    expect(header).to_have_attribute("aria-sort", "descending")
    values = [number(v, "en") for v in column(page, SIPRI, 3)]
    assert values == sorted(values, reverse=True)
    assert column(page, SIPRI, 2)[:3] == original[:3]  # 40, 16, 11: the article's order again
    sort_by(page, SIPRI, 5)  # percent change, with negative values
    values = [number(v, "en") for v in column(page, SIPRI, 5)]
    assert values == sorted(values) and values[0] == -70 and values[-1] == 212


def test_a_text_column_sorts_alphabetically(served, open_tab):
    page = open_tab().page
    page.goto(served.url("core-values/index.html"))
    sort_by(page, SIPRI, 2)
    names = column(page, SIPRI, 2)
    assert names == sorted(names, key=str.lower) and len(names) == 25


def test_indonesian_decimal_commas_sort_as_numbers(served, open_tab):
    page = open_tab().page
    page.goto(served.url("id/core-values/index.html"))
    sort_by(page, SIPRI, 3)
    texts = column(page, SIPRI, 3)
    assert "1,1%" in texts or "1,1" in texts
    values = [number(v, "id") for v in texts]
    assert values == sorted(values) and values[-1] == 40 and values[0] == 0.2


def test_fact_cells_sort_by_their_number(served, open_tab):
    page = open_tab().page
    page.goto(served.url("core-values/index.html"))
    table = "#table-tb2-fleet table"
    sort_by(page, table, 2)
    values = page.locator(f"{table} tbody tr td:nth-child(2) span.fact").all_inner_texts()
    assert values == ["2 TB2 drones", "14 TB2 drones", "16 TB2 drones", "about 20 TB2 drones",
                      "87.5%", "more than 160 military targets"]


def test_a_header_sorts_from_the_keyboard(served, open_tab):
    page = open_tab().page
    page.goto(served.url("core-values/index.html"))
    header = page.locator(f"{SIPRI} thead th:nth-child(4)")
    header.focus()
    page.keyboard.press("Enter")
    expect(header).to_have_attribute("aria-sort", "ascending")


def test_without_javascript_the_table_keeps_the_articles_order(served, open_tab):
    page = open_tab(java_script_enabled=False).page
    page.goto(served.url("core-values/index.html"))
    ranks = column(page, SIPRI, 1)
    assert ranks == [str(n) for n in range(1, 26)]
    assert page.locator(f"{SIPRI} thead th[role='columnheader']").count() == 0
    expect(page.locator(SIPRI)).to_be_visible()
