"""One search index per language (outputs/search.py), split after every language is built."""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from ..outputs.search import write_split
from .state import languages


@event_priority(-110)  # after mkdocs-static-i18n (-100) has built every language and merged
def on_post_build(config) -> None:  # their search entries into one index
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a nested build of one language: the merged index is not written yet
    write_split(Path(config.site_dir), languages(config))
