"""A hook the benchmarks add to a temporary copy of the project: it writes each English page's
Markdown (every language's with BENCH_DUMP_LANGUAGES=all), as the edition's hooks left it
(markers rendered, footnotes added, generated pages included), to $BENCH_DUMP_DIR, so the same
text can be built without the hooks (page_weight.py: with plain Material; build_overhead.py:
with the edition's own configuration)."""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from mkdocs.plugins import event_priority


@event_priority(-100)  # after every other hook and plugin
def on_page_markdown(markdown, page, config, files):
    out = os.environ.get("BENCH_DUMP_DIR")
    every_language = os.environ.get("BENCH_DUMP_LANGUAGES") == "all"
    if not out or (not every_language and
                   (config.theme["language"] if config.theme else "en") != "en"):
        return None
    # the front matter Material reads too: "search: exclude" keeps the printable edition out
    # of both sites' search index, so the two indexes hold the same pages
    meta = {k: v for k, v in page.meta.items() if k in ("title", "description", "search")}
    front = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n" if meta else ""
    target = Path(out, page.file.src_uri)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(front + markdown, encoding="utf-8")
    return None
