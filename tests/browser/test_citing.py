"""Citing and switching language, in Chromium: the cite control copies a complete citation,
and the language switch lands on the same section of the other edition."""

from __future__ import annotations

import re

import pytest

from .support import require_chromium

require_chromium()

from playwright.sync_api import expect  # noqa: E402 (after the skip: Playwright may be absent)

expect.set_options(timeout=10_000)


def switch_language(page, lang: str) -> None:
    page.locator(".md-select").first.hover()
    link = page.locator(f".md-select a[hreflang='{lang}']").first
    expect(link).to_be_visible()
    link.click()


def test_language_switch_keeps_the_section_in_the_url(served, open_tab):
    page = open_tab().page
    page.goto(served.url("core-values/index.html") + "#threat-perception")
    switch_language(page, "id")
    page.wait_for_url(re.compile(r"/id/core-values/#threat-perception$"))
    heading = page.locator("h2#threat-perception")
    expect(heading).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "id")
    switch_language(page, "en")
    page.wait_for_url(re.compile(r"/core-values/#threat-perception$"))
    assert "/id/" not in page.url


def test_language_switch_keeps_the_section_being_read(served, open_tab):
    page = open_tab().page
    page.goto(served.url("middle-range/index.html"))
    page.evaluate("window.scrollTo(0, document.getElementById('energy-projects')"
                  ".getBoundingClientRect().top + window.scrollY - 60)")
    page.wait_for_timeout(300)
    assert "#" not in page.url  # reading by scrolling: no anchor in the address
    switch_language(page, "id")
    page.wait_for_url(re.compile(r"/id/middle-range/#energy-projects$"))


def test_cite_control_copies_a_complete_citation(served, open_tab):
    tab = open_tab(permissions=["clipboard-read", "clipboard-write"])
    page = tab.page
    page.goto(served.url("core-values/index.html"))
    control = page.locator("details.cite-section").first
    control.locator("summary").click()
    button = control.locator("button.cite-copy").first
    expect(button).to_be_visible()
    button.click()
    expect(button).to_have_text(re.compile("Copied"))
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "The web edition's contributors" in copied, copied
    assert "Security and strategic position" in copied, copied
    assert re.search(r"/core-values/#security\b", copied), copied
    # an unreleased build (tests/browser/test_versions.py reads releases)
    assert re.search(r"unreleased version of \d{4}-\d{2}-\d{2}, commit [0-9a-f]{7}", copied), copied
    assert "[date]" not in copied, "the access date is filled in when the reader copies"
    assert re.search(r"Retrieved [A-Z][a-z]+ \d{1,2}, \d{4}, from https://", copied), copied
    bibtex = control.locator('.cite-format[data-format="bibtex"] pre').inner_text()
    assert re.search(r"^  urldate += \{\d{4}-\d{2}-\d{2}\},$", bibtex, re.MULTILINE), bibtex


def test_section_formats_wait_at_the_end_and_move_in_when_opened(served, open_tab):
    page = open_tab().page
    page.goto(served.url("core-values/index.html"))
    expect(page.locator(".cite-appendix")).to_be_hidden()  # with JavaScript: not shown
    control = page.locator("details.cite-section[data-cite='cite--security']")
    expect(control.locator(".cite-format")).to_have_count(0)
    control.locator("summary").click()
    expect(control.locator(".cite-format")).to_have_count(4)
    expect(control.locator(".cite-later")).to_have_count(0)
    expect(control.locator(".cite-meta")).to_have_count(1)
    # a link to the formats (what readers without JavaScript follow) opens the control
    page.goto(served.url("core-values/index.html") + "#cite--solidarity")
    opened = page.locator("details.cite-section[data-cite='cite--solidarity']")
    expect(opened).to_have_attribute("open", "")
    expect(opened.locator(".cite-format")).to_have_count(4)
    expect(opened).to_be_in_viewport()


def test_without_javascript_the_end_of_page_list_gives_every_format(served, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served.url("core-values/index.html"))
        appendix = page.locator(".cite-appendix")
        expect(appendix).to_be_visible()
        page.locator("details.cite-section[data-cite='cite--security'] summary").click()
        page.locator("details.cite-section[data-cite='cite--security'] .cite-later a").click()
        assert page.url.endswith("#cite--security")
        expect(page.locator("#cite--security")).to_be_in_viewport()
        expect(page.locator("#cite--security .cite-format__name")).to_have_count(4)
        # no access date without JavaScript: a placeholder would become the date in a library
        text = page.locator("#cite--security").inner_text()
        assert "Retrieved" not in text and "urldate" not in text and "Y2  -" not in text, text
    finally:
        context.close()


def test_how_to_cite_hides_the_no_javascript_note_once_dates_are_filled_in(served, open_tab):
    page = open_tab().page
    page.goto(served.url("about/cite/index.html"))
    blocks = page.locator(".cite-formats")
    assert blocks.count() >= 2
    for index in range(blocks.count()):
        expect(blocks.nth(index)).to_have_class(re.compile(r"\bcite-formats--js\b"))
    notes = page.locator(".cite-nojs")
    assert notes.count() >= 1
    for index in range(notes.count()):
        expect(notes.nth(index)).to_be_hidden()


@pytest.mark.parametrize("lang, locale", [("", "en-US"), ("id/", "id-ID")])
def test_the_access_date_reads_as_the_browser_writes_it(served, open_tab, lang, locale):
    """cite.js writes the long date itself (no locale data to load): as Intl would."""
    page = open_tab().page
    page.goto(served.url(f"{lang}about/cite/index.html"))
    dates = page.locator('.cite-accessed[data-accessed="long"]')
    assert dates.count() >= 1
    expected = page.evaluate(
        "(locale) => new Intl.DateTimeFormat(locale, {year: 'numeric', month: 'long', "
        "day: 'numeric'}).format(new Date())", locale)
    # each holds its style's words around the date ("accessed …, from"): the date as Intl writes it
    texts = dates.all_inner_texts()
    assert texts and all(expected in text for text in texts), (expected, set(texts))
