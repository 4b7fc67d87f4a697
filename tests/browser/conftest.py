"""Fixtures for the browser tests: the strictly built site (tests/conftest.py `site`) served
over HTTP on 127.0.0.1, one Chromium for the whole session, and a fresh browser context per
test that records every request the pages make."""

from __future__ import annotations

import functools
import http.server
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .support import CHROMIUM, LAUNCH_ARGS

VENDOR = Path(__file__).parent / "vendor"
VENDOR_URL = "/__tests__/vendor/"  # test tools (axe-core), served beside the site


def _site_prefix() -> str:
    """The path of mkdocs.yml's site_url ('/turkey-azerbaijan-2020-2024/'), or '/'."""
    import re
    from urllib.parse import urlsplit

    config = (Path(__file__).resolve().parents[2] / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^site_url:\s*(\S+)", config, re.MULTILINE)
    return (urlsplit(match.group(1)).path.rstrip("/") + "/") if match else "/"


# The site is built for site_url, and its 404 page links its assets by absolute paths under
# that address's path: serve it under the same prefix, as GitHub Pages does.
SITE_PREFIX = _site_prefix()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def translate_path(self, path):
        if path.startswith(SITE_PREFIX):
            path = "/" + path.removeprefix(SITE_PREFIX)
        if path.startswith(VENDOR_URL):
            return str(VENDOR / path.removeprefix(VENDOR_URL).split("?")[0].split("/")[-1])
        return super().translate_path(path)

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass


@dataclass
class Served:
    root: Path
    base: str  # "http://127.0.0.1:PORT/"

    def vendor(self, name: str) -> str:
        """URL of a file in tests/browser/vendor/ (served by the same server, never built)."""
        return self.base + VENDOR_URL.lstrip("/") + name

    def url(self, path: str) -> str:
        """'core-values/index.html' -> 'http://127.0.0.1:PORT/core-values/' (as readers see it)."""
        return self.base + path.removesuffix("index.html")

    def pages(self) -> list[str]:
        """Every built .html page, 404.html included (readers meet it too)."""
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html"))


@pytest.fixture(scope="session")
def served(site):
    handler = functools.partial(QuietHandler, directory=str(site.root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(site.root, f"http://127.0.0.1:{server.server_port}{SITE_PREFIX}")
    finally:
        server.shutdown()
        server.server_close()


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
