"""`mkdocs serve`: an author's mistake is shown where the author looks, and the server recovers.

When a rebuild fails (a problem in data/ or a page), MkDocs logs the error, but it has already
emptied the site it serves, and the browser, waiting for a successful build to reload, says
nothing. `show_failures` (events.on_serve) wraps the builder: it keeps the last good build (in memory), and after a
failed rebuild it serves that build again with the problems at the top of every page (a banner,
class `build-problems`, styled by docs/stylesheets/edition.css), then lets the browser reload;
the terminal shows the same problems once, without a traceback. The next successful rebuild
writes the pages afresh, and the banner is gone.
"""

from __future__ import annotations

import html
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from . import state

log = get_plugin_logger("facts")
BANNER_CLASS = "build-problems"


def banner(message: str) -> str:
    """The banner of a failed rebuild (escaped text, one problem a line)."""
    head, _, rest = message.partition("\n")
    items = "".join(f"<li><code>{html.escape(line.strip())}</code></li>"
                    for line in rest.splitlines() if line.strip())
    return (f'<div class="{BANNER_CLASS}" role="alert"><p><strong>The last rebuild failed: '
            f"{html.escape(head)}</strong> The page below is the last good build; fix the "
            f"problem{'s' if items.count('<li>') > 1 else ''} and save, and this page reloads."
            f"</p><ul>{items}</ul></div>")


def snapshot(site_dir: Path) -> dict[str, bytes]:
    """Every file of a built site, by its path under site_dir."""
    root = Path(site_dir)
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file()}


def show_failure(site_dir: Path, last_good: dict[str, bytes], message: str) -> int:
    """Write the last good build back into site_dir, the banner at the top of every page; the
    number of pages."""
    count = 0
    for rel, data in last_good.items():
        target = Path(site_dir) / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if rel.endswith(".html") and b"<body" in data:
            text = data.decode("utf-8")
            at = text.index(">", text.index("<body")) + 1
            data = (text[:at] + banner(message) + text[at:]).encode("utf-8")
            count += 1
        target.write_bytes(data)
    return count


def show_failures(server, builder):
    last_good = snapshot(server.root)  # the first build, just made

    def build_or_show(config=None):
        nonlocal last_good
        try:
            builder(config)
        except Exception:  # noqa: BLE001 (MkDocs has logged it; Abort carries no message)
            current = state.current()
            message = (current.failure if current and current.failure else
                       "The build failed: the terminal says where and why.")
            show_failure(Path(server.root), last_good, message)
            log.error("the pages now show this at the top; they reload when it is fixed")
            return  # returning normally: MkDocs reloads the browsers, which show the banner
        last_good = snapshot(server.root)

    server.builder = build_or_show
    return server
