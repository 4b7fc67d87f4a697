"""Two releases in Chromium (tests/conftest.py `released`): the gh-pages branch served as
GitHub Pages serves a project site, under /turkey-azerbaijan-2020-2024/ and nothing outside
it. An older release's page says it is older and lists what changed on it since, in the page's
language, linking the same section in the latest version; the latest shows the new number."""

from __future__ import annotations

import functools
import http.server
import re
import threading

import pytest

from conftest import FIRST_RELEASE, SECOND_RELEASE
from serving import SITE_PREFIX

from .conftest import VENDOR, VENDOR_URL
from .support import require_chromium

require_chromium()

from playwright.sync_api import expect  # noqa: E402 (after the skip: Playwright may be absent)

expect.set_options(timeout=10_000)


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """The branch under the site's path; anything outside it is another site: not found (the
    test tools of tests/browser/vendor/ aside)."""

    def translate_path(self, path):
        if path.startswith(VENDOR_URL):
            return str(VENDOR / path.removeprefix(VENDOR_URL).split("?")[0].split("/")[-1])
        if not path.startswith(SITE_PREFIX):
            return "/nonexistent/"
        return super().translate_path("/" + path.removeprefix(SITE_PREFIX))

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass


@pytest.fixture(scope="module")
def pages(released):
    handler = functools.partial(PagesHandler, directory=str(released.pages))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{SITE_PREFIX}"
    finally:
        server.shutdown()
        server.server_close()


def open_page(open_tab, url: str):
    tab = open_tab()
    errors: list[str] = []
    tab.page.on("console", lambda message: errors.append(message.text)
                if message.type == "error" else None)
    tab.page.on("response", lambda response: errors.append(f"{response.status} {response.url}")
                if response.status >= 400 else None)
    tab.page.goto(url)
    return tab.page, errors


def test_an_older_release_lists_what_changed_and_leads_to_the_latest(pages, open_tab):
    page, errors = open_page(open_tab, f"{pages}{FIRST_RELEASE}/background/#contested-region")
    banner = page.locator(".md-banner .edition-version")
    expect(banner.locator(".edition-version__older")).to_have_text(
        f"This is an older version ({FIRST_RELEASE}); the latest is {SECOND_RELEASE}.")
    section = banner.locator(".edition-version__section--current")
    expect(section.locator("strong")).to_have_text("A contested region in the South Caucasus")
    expect(section.locator("li")).to_have_text([
        "Number corrected: Share of Nagorno-Karabakh's population that is ethnically Armenian: "
        "95% → 94%", "Erratum added: The Armenian share recorded wrongly (fixed)"])
    expect(page.locator("#contested-region ~ p").filter(has_text="BBC News")).to_contain_text(
        "95%")  # the number as this release printed it
    # the banner's link keeps the section being read
    latest = banner.locator(".edition-version__latest")
    expect(latest).to_have_attribute("href", "../../background/#contested-region")
    latest.click()
    page.wait_for_url(re.compile(r"/turkey-azerbaijan-2020-2024/background/#contested-region$"))
    expect(page.locator("#contested-region ~ p").filter(has_text="BBC News")).to_contain_text(
        "94%")
    expect(page.locator(".edition-version")).to_have_count(0)  # the latest: no banner
    cite = page.locator("details.cite-section[data-cite='cite--contested-region'] a")
    expect(cite).to_have_count(1)
    assert errors == []


def test_an_older_release_in_indonesian(pages, open_tab):
    page, errors = open_page(open_tab, f"{pages}{FIRST_RELEASE}/id/conclusion/")
    banner = page.locator(".edition-version")
    expect(banner.locator(".edition-version__older")).to_have_text(
        f"Ini versi lama ({FIRST_RELEASE}); versi terbaru adalah {SECOND_RELEASE}.")
    expect(banner.locator(".edition-version__section li")).to_have_text([
        "Angka dikoreksi: Proporsi penduduk Nagorno-Karabakh yang beretnis Armenia: 95% → 94%",
        "Ralat ditambahkan: Proporsi Armenia tercatat keliru (diperbaiki)"])
    link = banner.locator(".edition-version__section a")
    expect(link).to_have_text("dalam versi terbaru")
    expect(link).to_have_attribute("href", "../../../id/conclusion/#evidence-thin")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    assert errors == []


def test_an_older_page_without_changes_and_the_latest_release_say_so(pages, open_tab):
    page, errors = open_page(open_tab, f"{pages}{FIRST_RELEASE}/core-values/")
    expect(page.locator(".edition-version__none")).to_have_text(
        f"Nothing on this page has changed since {FIRST_RELEASE}.")
    page, more = open_page(open_tab, f"{pages}{SECOND_RELEASE}/id/background/")
    expect(page.locator(".edition-version__is-latest")).to_have_text(
        f"Ini versi terbaru ({SECOND_RELEASE}).")
    expect(page.locator(".edition-version__changes-list")).to_have_count(0)
    assert errors == [] and more == []


def test_the_root_copy_cites_the_latest_release_and_links_what_changed(pages, open_tab):
    tab = open_tab(permissions=["clipboard-read", "clipboard-write"])
    page = tab.page
    page.goto(f"{pages}id/background/#contested-region")
    control = page.locator("details.cite-section[data-cite='cite--contested-region']")
    control.locator("summary").click()
    button = control.locator("button.cite-copy").first
    expect(button).to_be_visible()
    button.click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert f"/{SECOND_RELEASE}/id/background/#contested-region" in copied, copied
    assert f"versi {SECOND_RELEASE}, commit" in copied, copied
    # what changed since the older release, without JavaScript needed to read it
    page.goto(f"{pages}id/changes/{FIRST_RELEASE}/")
    expect(page.locator("article li").first).to_contain_text("95% → 94%")
    page.locator("article a[href$='#contested-region']").click()
    page.wait_for_url(re.compile(r"/id/background/#contested-region$"))


def test_the_banner_of_an_older_release_passes_axe(pages, open_tab):
    from .test_accessibility import NO_TRANSITIONS, START_AXE

    page, errors = open_page(open_tab, f"{pages}{FIRST_RELEASE}/background/")
    expect(page.locator(".edition-version__section")).to_have_count(1)
    origin = pages.removesuffix(SITE_PREFIX)
    page.add_script_tag(url=f"{origin}{VENDOR_URL}axe.min.js")
    page.add_style_tag(content=NO_TRANSITIONS)
    page.evaluate(START_AXE)
    violations = page.evaluate("() => window.axeViolations")
    assert violations == [], violations
    assert errors == []
