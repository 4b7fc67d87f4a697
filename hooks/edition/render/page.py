"""Render the markers of one page: {{ KIND:ID }} -> Markdown (with inline HTML), footnotes last.

Each marker kind renders itself (render/markers/<kind>.py); `PageRenderer` holds what the
markers of one page share: its footnotes (one per source, numbered in order of first use), the
number of its figures, the element ids used so far, and its notes (correction links, errata,
citations: notes.py). The output is Markdown that the normal MkDocs pipeline turns into HTML;
the footnotes extension numbers the footnotes appended at the end in order of first use.
"""

from __future__ import annotations

import re

from ..data.ledger import Ledger
from ..data.pages import SOURCES_PAGE, relative
from ..data.problems import DataError, Problem
from ..locale import words
from ..markup.syntax import replace_markers
from .footnotes import Footnotes


class PageRenderer:
    """Renders the markers of one page; keeps that page's footnotes."""

    def __init__(self, ledger: Ledger, page_path: str, lang: str, kinds: dict,
                 chart_cache=None, notes=None, source: str = "", line_offset: int = 0):
        self.ledger, self.page_path, self.lang, self.kinds = ledger, page_path, lang, kinds
        # where problems are located: the file ('docs/core-values.id.md') and the lines of it
        # before the Markdown rendered here (front matter), as the scan names them
        self.source, self.line_offset = source or page_path, line_offset
        self.text = words("render", lang)
        self.footnotes = Footnotes(ledger, lang, relative(SOURCES_PAGE, page_path))
        # notes.PageNotes: correction links, errata and citations (None: without them)
        self.notes = notes
        if notes is not None:
            self.footnotes.extra = notes.footnote_extra
        self.problems: list[Problem] = []
        self.chart_cache, self.figures, self.ids = chart_cache, 0, {}

    def render(self, markdown: str) -> str:
        body = replace_markers(markdown, self.dispatch)
        return body + self.footnotes.markdown()

    def dispatch(self, kind: str, arg: str, option: str, line: int) -> str:
        """One marker's Markdown. scan_page reports bad markers first, with the same file and
        line; this guards pages rendered without a scan (direct use, drafts under serve)."""
        line += self.line_offset
        marker_kind = self.kinds.get(kind)
        if marker_kind is None:
            self.problems.append(Problem(self.source, line, f"unknown marker kind '{kind}' "
                                         f"(kinds: {', '.join(self.kinds)})"))
            return ""
        try:
            return marker_kind.render(self, arg, option)
        except KeyError:
            self.problems.append(Problem(self.source, line, f"unknown {kind} '{arg}' ({kind} "
                                         f"ids live in {marker_kind.where})"))
            return ""

    def unique_id(self, ident: str) -> str:
        """An element id, suffixed when a page shows the same table or chart twice."""
        self.ids[ident] = self.ids.get(ident, 0) + 1
        return ident if self.ids[ident] == 1 else f"{ident}-{self.ids[ident]}"


def render_page(markdown: str, ledger: Ledger, page_path: str, lang: str, kinds: dict,
                chart_cache=None, notes=None, source: str = "", line_offset: int = 0) -> str:
    """Pure entry point: a page's Markdown with every marker rendered and footnotes appended.
    Problems name `source` (default: page_path) at the marker's line plus `line_offset`."""
    renderer = PageRenderer(ledger, page_path, lang, kinds, chart_cache, notes, source,
                            line_offset)
    out = renderer.render(markdown)
    if renderer.problems:
        raise DataError(renderer.problems)
    return out


# What the marker kinds write, as it reads once Markdown has escaped it inside code
RENDERED_IN_CODE_RE = re.compile(r"<(pre|code)\b[^>]*>(?:(?!</\1>).)*?(?P<what>data-fact=&quot;"
                                 r"[^&]*|class=&quot;data-table|class=&quot;chart)",
                                 re.DOTALL | re.IGNORECASE)


def rendered_in_code(html: str) -> str | None:
    """What a marker rendered inside a code block or span of a page's HTML, if anything: the
    scan reads markers where Markdown does (markup/syntax.py), so this is a last guard against a
    construct the two read differently (the build stops on it, naming the page)."""
    match = RENDERED_IN_CODE_RE.search(html)
    return match.group("what").replace("&quot;", '"') if match else None
