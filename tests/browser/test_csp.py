"""The Content-Security-Policy (hooks/csp.py) in Chromium: no page of either language breaks
it, not while loading (the search worker and its index included), nor when the reader searches,
switches the colour scheme or copies a citation. And the policy is in force: a script it does
not list is refused, and the listener below sees it."""

from __future__ import annotations

import re

from .support import require_chromium

require_chromium()

from playwright.sync_api import expect  # noqa: E402 (after the skip: Playwright may be absent)

expect.set_options(timeout=10_000)
INDEX = "search/search_index.json"
# Added before any of the page's own scripts run (Playwright's init scripts are exempt from the
# page's policy): every violation the page reports, as a line of text.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e => window.__cspViolations.push(
  `${e.effectiveDirective} refused ${e.blockedURI || "inline"} at ${e.sourceFile}:` +
  `${e.lineNumber} "${(e.sample || "").slice(0, 60)}"`));
"""
TABS = 6  # pages loaded side by side: their waits for the search index overlap


def watch(tab, problems: list[str], label: str):
    """Record the page's CSP violations and Chromium's console reports of them."""
    tab.add_init_script(RECORD_VIOLATIONS)
    tab.on("console", lambda message: problems.append(f"{label}: console: {message.text}")
           if "Content Security Policy" in message.text else None)


def violations(tab, label: str) -> list[str]:
    return [f"{label}: {text}" for text in tab.evaluate("window.__cspViolations")]


def test_no_page_of_either_language_breaks_the_policy_while_loading(served, swept):
    pages = served.pages()
    assert "404.html" in pages and "id/index.html" in pages and set(swept.requests) == set(pages)
    assert not swept.violations, ("Content-Security-Policy violations:\n"
                                  + "\n".join(swept.violations))


def test_searching_switching_colours_and_citing_break_no_policy(served, open_tab):
    problems: list[str] = []
    for language, query in (("", "Bayraktar"), ("id/", "kepentingan")):
        tab = open_tab(permissions=["clipboard-read", "clipboard-write"]).page
        label = f"{language}core-values/"
        watch(tab, problems, label)
        tab.goto(served.url(f"{language}core-values/index.html"))
        # search: the worker, its index, typing and the results
        box = tab.locator("input.md-search__input")
        box.click()
        box.press_sequentially(query, delay=20)
        expect(tab.locator(".md-search-result__item").first).to_be_visible()
        box.press("Escape")
        # the colour toggle, there and back
        body = tab.locator("body")
        for target, scheme in (("1", "slate"), ("0", "default")):
            tab.locator(f"label.md-header__button[for='__palette_{target}']").click()
            expect(body).to_have_attribute("data-md-color-scheme", scheme)
        # the cite control: open a section's formats and copy one
        control = tab.locator("details.cite-section").first
        control.locator("summary").click()
        button = control.locator("button.cite-copy").first
        button.click()
        expect(button).to_have_text(re.compile("Copied|Tersalin"))
        problems += violations(tab, label)
    assert not problems, "Content-Security-Policy violations:\n" + "\n".join(problems)


def test_the_policy_refuses_an_inline_script_it_does_not_list(served, open_tab):
    """The check above can fail: a script the policy does not list is refused and reported."""
    tab = open_tab().page
    problems: list[str] = []
    watch(tab, problems, "index")
    tab.goto(served.url("index.html"))
    tab.evaluate("""() => { const s = document.createElement("script");
                            s.textContent = "window.__injected = true;";
                            document.body.append(s); }""")
    expect(tab.locator("html")).to_have_attribute("lang", "en")
    tab.wait_for_function("window.__cspViolations.length > 0")
    assert tab.evaluate("window.__injected === undefined")
    found = violations(tab, "index")
    assert any(" script-src" in text and "refused inline" in text for text in found), found
