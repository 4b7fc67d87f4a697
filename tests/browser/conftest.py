"""Fixtures for the browser tests: the strictly built site (tests/conftest.py `site`) served
over HTTP on 127.0.0.1, one Chromium for the whole session, and a fresh browser context per
test that records every request the pages make."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

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
