"""A hook the page-weight benchmark adds to a temporary copy of the project: it writes each
English page's Markdown, as the edition's hooks left it (markers rendered, footnotes added),
to $BENCH_DUMP_DIR, so the same text can be built with plain Material."""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority


@event_priority(-100)  # after every other hook and plugin
def on_page_markdown(markdown, page, config, files):
    out = os.environ.get("BENCH_DUMP_DIR")
    if not out or (config.theme["language"] if config.theme else "en") != "en":
        return None
    # the front matter Material reads too: "search: exclude" keeps the printable edition out
    # of both sites' search index, so the two indexes hold the same pages
    meta = {k: v for k, v in page.meta.items() if k in ("title", "description", "search")}
    front = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n" if meta else ""
    target = Path(out, page.file.src_uri)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(front + markdown, encoding="utf-8")
    return None
