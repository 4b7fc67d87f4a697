"""The pages of the site that data/ is published on, as paths under docs/, and links between
them. The generated pages are made by pages/; the Tables page is written by hand and must show
every table (checks/pages.py)."""

from __future__ import annotations

import posixpath

FACTS_PAGE = "evidence/facts.md"
SOURCES_PAGE = "evidence/sources.md"
TABLES_PAGE = "evidence/tables.md"
TIMELINE_PAGE = "evidence/timeline.md"
ERRATA_PAGE = "evidence/errata.md"
DOWNLOADS_PAGE = "evidence/downloads.md"
CHANGELOG_PAGE = "about/changelog.md"
PRINT_PAGE = "about/print.md"


def relative(target: str, page_path: str) -> str:
    """A link from the page at docs-relative `page_path` to docs-relative `target`."""
    return posixpath.relpath(target, posixpath.dirname(page_path) or ".")


def table_csv_path(table_id: str) -> str:
    """Where a table is downloaded as CSV."""
    return f"tables/{table_id}.csv"


def page_language(src_uri: str, langs: tuple[str, ...]) -> tuple[str, str]:
    """'core-values.id.md' -> ('core-values.md', 'id'); 'core-values.md' -> (..., default)."""
    stem, _, ext = src_uri.rpartition(".")
    base, _, suffix = stem.rpartition(".")
    if base and suffix in langs[1:]:
        return f"{base}.{ext}", suffix
    return src_uri, langs[0]


def localized_path(src_uri: str, lang: str, langs: tuple[str, ...]) -> str:
    """'core-values.md' -> 'core-values.id.md' in Indonesian (the default language's is bare)."""
    if lang == langs[0]:
        return src_uri
    stem, _, ext = src_uri.rpartition(".")
    return f"{stem}.{lang}.{ext}"


def pages_in(scans: dict, lang: str, langs: tuple[str, ...]) -> dict:
    """The scans of one language's pages, keyed by the default-language path links use."""
    out = {}
    for src_uri, scan in scans.items():
        base, page_lang = page_language(src_uri, langs)
        if page_lang == lang:
            out[base] = scan
    return out


def chart_csv_path(chart) -> str:
    """Where the data of a chart is downloaded (a table's chart: the table's own CSV)."""
    return table_csv_path(chart.table) if chart.table else f"charts/{chart.id}.csv"
