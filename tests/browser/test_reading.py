"""What a reader does, in Chromium: footnote tooltips, search, the colour toggle, a phone-sized
screen, and privacy (no request leaves 127.0.0.1)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .support import require_chromium

require_chromium()

from playwright.sync_api import expect  # noqa: E402 (after the skip: Playwright may be absent)

expect.set_options(timeout=10_000)
LOCAL_SCHEMES = {"data", "blob", "about"}
INDEX = "/search/search_index.json"


def test_hovering_a_footnote_reference_shows_its_citation(served, open_tab):
    page = open_tab().page
    page.goto(served.url("core-values/index.html"))
    ref = page.locator("a.footnote-ref[href='#fn:witt-2022']").first
    note = page.locator("li[id='fn:witt-2022']")
    citation = note.locator("p").first.inner_text().split("Source details")[0].strip()
    assert "Witt, S. (2022)" in citation
    tooltip = page.locator(".md-tooltip2--active .md-tooltip2__inner")
    expect(tooltip).to_have_count(0)
    ref.hover()
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text("Witt, S. (2022)")
    expect(tooltip).to_contain_text("The Turkish drone that changed the nature of warfare")
    expect(tooltip).to_contain_text(citation[:60])


def search(page, query: str):
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=20)  # typed, key by key, as a reader would
    return page.locator(".md-search-result__item")


def test_search_finds_bayraktar(served, open_tab):
    page = open_tab().page
    page.goto(served.url("index.html"))
    results = search(page, "Bayraktar")
    expect(results.first).to_be_visible()
    expect(results.first).to_contain_text("Bayraktar")
    expect(page.locator(".md-search-result__meta")).not_to_contain_text("No matching")


def test_search_in_the_indonesian_edition_finds_an_indonesian_word(served, open_tab):
    if not (served.root / "id" / "index.html").exists():
        pytest.skip("no Indonesian edition (id/) in this build")
    page = open_tab().page
    page.goto(served.url("id/index.html"))
    results = search(page, "kepentingan")
    expect(results.first).to_be_visible()
    expect(results.first).to_contain_text("epentingan")  # highlighted: <mark>Kepentingan</mark>
    assert "/id/" in results.first.locator("a").first.get_attribute("href")


def test_colour_toggle_switches_scheme_and_remembers_it(served, open_tab):
    page = open_tab(color_scheme="light").page
    page.goto(served.url("index.html"))
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.locator("label.md-header__button[for='__palette_1']").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.goto(served.url("core-values/index.html"))  # the choice is kept from page to page
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.locator("label.md-header__button[for='__palette_0']").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")


def test_a_reader_in_dark_mode_gets_the_dark_scheme_before_any_script_file_runs(served,
                                                                                open_tab):
    """The header's inline script (overrides/partials/javascripts/palette.html) applies the
    system's scheme before the first paint: no light flash waiting for Material's script."""
    page = open_tab(color_scheme="dark").page
    page.route("**/*.js", lambda route: route.abort())  # neither Material's nor ours runs
    page.goto(served.url("core-values/index.html"))
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    expect(page.locator("meta[name='color-scheme']")).to_have_attribute("content", "dark")
    visible = page.locator("label.md-header__button[for^='__palette_']:not([hidden])")
    expect(visible).to_have_count(1)
    expect(visible).to_have_attribute("title", "Switch to light mode")


def test_no_page_scrolls_sideways_on_a_375px_phone(served, open_tab):
    page = open_tab(viewport={"width": 375, "height": 740}, is_mobile=True,
                    has_touch=True, device_scale_factor=2).page
    too_wide = {}
    for path in served.pages():
        page.goto(served.url(path), wait_until="load")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 375:
            too_wide[path] = width
    assert not too_wide, f"pages wider than the 375 px screen (scrollWidth): {too_wide}"


def test_no_request_leaves_127_0_0_1(served, swept):
    outside = []
    assert set(swept.requests) == set(served.pages())
    for path, urls in swept.requests.items():
        assert served.url(path) in urls, f"{path}: the page's own request was not recorded"
        assert any(url.endswith(INDEX) for url in urls), \
            f"{path}: the search index request was not recorded (worker requests missed?)"
        outside += [f"{path}: {url}" for url in urls
                    if urlsplit(url).scheme not in LOCAL_SCHEMES
                    and urlsplit(url).hostname != "127.0.0.1"]
    assert not outside, "requests that leave the machine:\n" + "\n".join(outside)


def test_drawer_and_search_are_closed_when_a_page_is_reached_again(served, open_tab):
    """Browsers restore a checkbox's state when a page is reached again through the history;
    overrides/base.html closes the drawer and search toggles then (Material's autocomplete="off"
    did it before, which HTML does not allow on checkboxes)."""
    page = open_tab(viewport={"width": 375, "height": 740}).page
    page.goto(served.url("core-values/index.html"))
    page.locator("label.md-header__button[for='__drawer']").click()
    expect(page.locator("#__drawer")).to_be_checked()
    page.goto(served.url("framework/index.html"))
    page.go_back(wait_until="load")
    assert page.url == served.url("core-values/index.html")
    expect(page.locator("#__drawer")).not_to_be_checked()
    expect(page.locator("#__search")).not_to_be_checked()
    expect(page.locator(".md-sidebar--primary")).not_to_be_in_viewport()


def test_enter_in_search_opens_the_best_result(served, open_tab):
    """The search form's hidden submit button (overrides/partials/search.html) changes nothing:
    Enter still opens the best result, and the page is not submitted as a form."""
    page = open_tab().page
    page.goto(served.url("index.html"))
    results = search(page, "Bayraktar")
    expect(results.first).to_be_visible()
    page.locator("input.md-search__input").press("Enter")
    page.wait_for_load_state("load")
    assert "query=" not in page.url
    assert page.url.split("#")[0] != served.url("index.html"), page.url
