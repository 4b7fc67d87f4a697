"""One search index per language, so a reader downloads only the language being read.

mkdocs-static-i18n merges every language's search entries into one `search/search_index.json`
at the site root, and Material fetches it from every page: a reader of the Indonesian pages
downloaded the English entries as well (and the other way round), about twice the bytes.

`split_index(index, langs)` divides the merged index by the location of each entry: entries
under `id/` go to `id/search/search_index.json`, with that prefix removed (their locations are
relative to the language's root), the rest stay at the root. overrides/main.html gives the pages
of a language their language's root as Material's `base` (`language_base`), which is where
Material looks for the index and against which it resolves the locations of the results.

Footnote reference numbers are dropped from the entries' text (`without_footnote_refs`): a
result otherwise reads "figure 1.2 caption123", as if the caption were numbered 123.

build/search.py runs `write_split` after every language is built (its event must run last).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

INDEX = "search/search_index.json"
# what Material's indexer keeps of a footnote reference: its number in a bare <sup>
FOOTNOTE_REF_RE = re.compile(r"<sup>\d+</sup>")


def without_footnote_refs(text: str) -> str:
    """'caption<sup>1</sup><sup>2</sup>.' -> 'caption.' (other superscripts stay)."""
    return FOOTNOTE_REF_RE.sub("", text)


def split_index(index: dict, langs: tuple[str, ...]) -> dict[str, dict]:
    """{language root ('' or 'id/'): index}, from one index holding every language's entries."""
    roots = {lang: f"{lang}/" for lang in langs[1:]}
    docs: dict[str, list] = {"": [], **{root: [] for root in roots.values()}}
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        root = next((r for r in roots.values() if location.startswith(r)), "")
        docs[root].append(dict(doc, location=location[len(root):],
                               text=without_footnote_refs(doc.get("text", ""))))
    return {root: dict(index, docs=entries) for root, entries in docs.items()}


def language_base(base_url: str, lang: str, langs: tuple[str, ...]) -> str:
    """The root of a language's pages, relative to a page whose site root is base_url."""
    if lang == langs[0]:
        return base_url
    # with a trailing slash: Material resolves "search/search_index.json" against it, and
    # against "../id" (no slash) that would be the root's index, not id/'s
    return f"{base_url.rstrip('/')}/{lang}/" if base_url not in ("", ".") else f"{lang}/"


def write_split(site_dir: Path, langs: tuple[str, ...]) -> dict[str, int]:
    """Split site_dir's merged index in place; returns {file: number of entries}."""
    merged = site_dir / INDEX
    if len(langs) < 2 or not merged.exists():
        return {}
    counts = {}
    for root, index in split_index(json.loads(merged.read_text(encoding="utf-8")),
                                   langs).items():
        target = site_dir / root / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        # compact, as Material writes it
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
        counts[(Path(root) / INDEX).as_posix()] = len(index["docs"])
    return counts
