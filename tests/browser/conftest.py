"""Fixtures for the browser tests: the strictly built site (tests/conftest.py `site`) served
over HTTP on 127.0.0.1, one Chromium for the whole session, and a fresh browser context per
test that records every request the pages make."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pytest

from conftest import once_per_run
from serving import Served, serve

from .support import CHROMIUM, LAUNCH_ARGS

VENDOR = Path(__file__).parent / "vendor"
VENDOR_URL = "/__tests__/vendor/"  # test tools (axe-core), served beside the site


@dataclass
class BrowserServed(Served):
    def vendor(self, name: str) -> str:
        """URL of a file in tests/browser/vendor/ (served by the same server, never built)."""
        return self.base + VENDOR_URL.lstrip("/") + name


@pytest.fixture(scope="session")
def served(site):
    """The site on 127.0.0.1 (tests/serving.py), with axe-core beside it."""
    with serve(site.root, extra=((VENDOR_URL, VENDOR),)) as plain:
        yield BrowserServed(plain.root, plain.base)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Tab:
    """A page in its own browser context, with every URL it requested."""
    page: object
    requests: list[str] = field(default_factory=list)


@pytest.fixture
def open_tab(browser):
    """open_tab(viewport=..., color_scheme=...) -> Tab; contexts are closed after the test."""
    contexts = []

    def open_(**options) -> Tab:
        options.setdefault("viewport", {"width": 1280, "height": 800})
        options.setdefault("color_scheme", "light")
        context = browser.new_context(**options)
        contexts.append(context)
        tab = Tab(context.new_page())
        context.on("request", lambda request: tab.requests.append(request.url))
        return tab

    yield open_
    for context in contexts:
        context.close()


# Added before any of a page's own scripts run (Playwright's init scripts are exempt from the
# page's policy): every Content-Security-Policy violation the page reports, as a line of text.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", e => window.__cspViolations.push(
  `${e.effectiveDirective} refused ${e.blockedURI || "inline"} at ${e.sourceFile}:` +
  `${e.lineNumber} "${(e.sample || "").slice(0, 60)}"`));
"""
SEARCH_INDEX = "search/search_index.json"
SWEEP_TABS = 6  # pages loaded side by side: their waits for the search index overlap


@dataclass
class Sweep:
    """Every built page loaded once, up to its search index (the last thing it fetches)."""
    requests: dict[str, list[str]]   # page -> every URL it requested, the search worker's too
    violations: list[str]            # "page: what the Content-Security-Policy refused"


@pytest.fixture(scope="session")
def swept(served, browser, tmp_path_factory) -> Sweep:
    """One visit of every page for the tests that watch what pages do while loading (the
    requests that leave the machine, the policy's violations): once per test run, not once a
    test (tests/conftest.py once_per_run)."""
    def record(folder: Path) -> None:
        sweep = sweep_pages(served, browser)
        (folder / "sweep.json").write_text(json.dumps(asdict(sweep)), encoding="utf-8")

    folder = once_per_run(tmp_path_factory, "sweep", record)
    return Sweep(**json.loads((folder / "sweep.json").read_text(encoding="utf-8")))


def sweep_pages(served, browser) -> Sweep:
    """Every page loaded once, up to its search index, its requests and violations recorded."""
    context = browser.new_context(viewport={"width": 1280, "height": 800},
                                  color_scheme="light")
    requests: dict[str, list[str]] = {}
    violations: list[str] = []
    pages = served.pages()
    try:
        for start in range(0, len(pages), SWEEP_TABS):
            tabs = []
            for path in pages[start:start + SWEEP_TABS]:
                tab = context.new_page()
                requests[path] = []
                tab.on("request", lambda request, seen=requests[path]: seen.append(request.url))
                tab.add_init_script(RECORD_VIOLATIONS)
                tab.on("console", lambda message, path=path: violations.append(
                    f"{path}: console: {message.text}")
                    if "Content Security Policy" in message.text else None)
                tab.goto(served.url(path), wait_until="commit")
                tabs.append((path, tab))
            for path, tab in tabs:
                # the search worker starts after `load` and fetches its index: wait for both
                tab.wait_for_load_state("networkidle")
                if not any(url.endswith(SEARCH_INDEX) for url in requests[path]):
                    tab.wait_for_event("request",
                                       lambda request: request.url.endswith(SEARCH_INDEX))
                    tab.wait_for_load_state("networkidle")
                tab.wait_for_function("document.body.dataset.mdColorScheme")
                violations.extend(f"{path}: {text}"
                                  for text in tab.evaluate("window.__cspViolations"))
                tab.close()
    finally:
        context.close()
    return Sweep(requests, violations)
