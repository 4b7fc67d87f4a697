"""The built site served over HTTP, as GitHub Pages serves it: under the path of mkdocs.yml's
site_url ('/turkey-azerbaijan-2020-2024/'), because the site's 404 page links its assets by
absolute paths under that prefix. Used by the browser tests (tests/browser/) and the outside
tools (tests/outside/: pa11y, Zotero's translation-server)."""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]


def _site_prefix() -> str:
    """The path of mkdocs.yml's site_url ('/turkey-azerbaijan-2020-2024/'), or '/'."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^site_url:\s*(\S+)", config, re.MULTILINE)
    return (urlsplit(match.group(1)).path.rstrip("/") + "/") if match else "/"


SITE_PREFIX = _site_prefix()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves `directory` under SITE_PREFIX, plus, for each (url_prefix, folder) of `extra`,
    the files of that folder (test tools such as axe-core, never part of the site)."""

    extra: tuple[tuple[str, Path], ...] = ()

    def translate_path(self, path):
        if path.startswith(SITE_PREFIX):
            path = "/" + path.removeprefix(SITE_PREFIX)
        for url_prefix, folder in self.extra:
            if path.startswith(url_prefix):
                return str(folder / path.removeprefix(url_prefix).split("?")[0].split("/")[-1])
        return super().translate_path(path)

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass


@dataclass
class Served:
    root: Path
    base: str  # "http://HOST:PORT/turkey-azerbaijan-2020-2024/"

    def url(self, path: str) -> str:
        """'core-values/index.html' -> 'http://HOST:PORT/.../core-values/' (as readers see it)."""
        return self.base + path.removesuffix("index.html")

    def pages(self) -> list[str]:
        """Every built .html page, 404.html included (readers meet it too)."""
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html"))


@contextlib.contextmanager
def serve(root: Path, *, bind: str = "127.0.0.1", host: str | None = None,
          extra: tuple[tuple[str, Path], ...] = ()) -> Iterator[Served]:
    """Serve `root` on `bind` (a free port) until the block ends. URLs name `host` (default:
    the bind address), e.g. a name under which a container reaches this machine."""
    handler_class = type("Handler", (QuietHandler,), {"extra": extra})
    handler = functools.partial(handler_class, directory=str(root))
    server = http.server.ThreadingHTTPServer((bind, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Served(root, f"http://{host or bind}:{server.server_port}{SITE_PREFIX}")
    finally:
        server.shutdown()
        server.server_close()
