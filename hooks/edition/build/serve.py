"""`mkdocs serve`: an author's mistake is shown where the author looks, and the server recovers.

When a rebuild fails (a problem in data/ or a page), MkDocs logs the error and keeps serving the
last good pages, and the browser, waiting for a successful build to reload, says nothing.
`on_serve` wraps the builder: after a failed rebuild it puts the problems at the top of every
page it serves (a banner, class `build-problems`, styled by docs/stylesheets/edition.css) and
lets the browser reload; the terminal shows the same problems once, without a traceback. The next
successful rebuild writes the pages afresh, and the banner is gone.
"""

from __future__ import annotations

import html
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from . import state

log = get_plugin_logger("facts")
BANNER_CLASS = "build-problems"


def on_startup(command, dirty) -> None:
    state.COMMAND = command


def banner(message: str) -> str:
    """The banner of a failed rebuild (escaped text, one problem a line)."""
    head, _, rest = message.partition("\n")
    items = "".join(f"<li><code>{html.escape(line.strip())}</code></li>"
                    for line in rest.splitlines() if line.strip())
    return (f'<div class="{BANNER_CLASS}" role="alert"><p><strong>The last rebuild failed: '
            f"{html.escape(head)}</strong> The page below is the last good build; fix the "
            f"problem{'s' if items.count('<li>') > 1 else ''} and save, and this page reloads."
            f"</p><ul>{items}</ul></div>")


def show_failure(site_dir: Path, message: str) -> int:
    """Put the banner at the top of every page of the last good build; the number of pages."""
    count = 0
    for page in Path(site_dir).rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        start = text.find(f'<div class="{BANNER_CLASS}"')
        if start != -1:  # a banner of an earlier failure: replace it
            end = text.index("</ul></div>", start) + len("</ul></div>")
            text = text[:start] + text[end:]
        body = text.find("<body")
        if body == -1:
            continue
        at = text.index(">", body) + 1
        page.write_text(text[:at] + banner(message) + text[at:], encoding="utf-8")
        count += 1
    return count


def on_serve(server, config, builder):
    def build_or_show(config=None):
        current = state.current()
        if current is not None:
            current.failure = ""
        try:
            builder(config)
        except Exception:  # noqa: BLE001 (MkDocs has logged it; Abort carries no message)
            failure = state.current().failure if state.current() else ""
            message = failure or ("The build failed: the terminal above says where and why.")
            show_failure(Path(server.root), message)
            log.error("the pages now show this at the top; the server reloads them when the "
                      "problem is fixed")
            # returning normally: MkDocs reloads the browsers, which show the banner

    server.builder = build_or_show
    return server
