"""Render the markers of one page: {{ KIND:ID }} -> Markdown (with inline HTML), footnotes last.

Each marker kind renders itself (render/markers/<kind>.py); `PageRenderer` holds what the
markers of one page share: its footnotes (one per source, numbered in order of first use), the
number of its figures, the element ids used so far, and its notes (correction links, errata,
citations: notes.py). The output is Markdown that the normal MkDocs pipeline turns into HTML;
the footnotes extension numbers the footnotes appended at the end in order of first use.
"""

from __future__ import annotations

from ..data.ledger import Ledger
from ..data.pages import SOURCES_PAGE, relative
from ..data.problems import DataError, Problem
from ..locale import words
from ..markup.syntax import replace_markers
from .footnotes import Footnotes


class PageRenderer:
    """Renders the markers of one page; keeps that page's footnotes."""

    def __init__(self, ledger: Ledger, page_path: str, lang: str, kinds: dict,
                 chart_cache=None, notes=None):
        self.ledger, self.page_path, self.lang, self.kinds = ledger, page_path, lang, kinds
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

    def dispatch(self, kind: str, arg: str, locator: str, line: int) -> str:
        marker_kind = self.kinds.get(kind)
        if marker_kind is None:  # scan_page reports these first; this guards direct use
            self.problems.append(Problem(self.page_path, line, f"unknown marker kind '{kind}'"))
            return ""
        try:
            return marker_kind.render(self, arg, locator)
        except KeyError:
            self.problems.append(Problem(self.page_path, line, f"unknown {kind} '{arg}'"))
            return ""

    def unique_id(self, ident: str) -> str:
        """An element id, suffixed when a page shows the same table or chart twice."""
        self.ids[ident] = self.ids.get(ident, 0) + 1
        return ident if self.ids[ident] == 1 else f"{ident}-{self.ids[ident]}"


def render_page(markdown: str, ledger: Ledger, page_path: str, lang: str, kinds: dict,
                chart_cache=None, notes=None) -> str:
    """Pure entry point: a page's Markdown with every marker rendered and footnotes appended."""
    renderer = PageRenderer(ledger, page_path, lang, kinds, chart_cache, notes)
    out = renderer.render(markdown)
    if renderer.problems:
        raise DataError(renderer.problems)
    return out
