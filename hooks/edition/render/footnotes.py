"""Footnotes and citations of sources, per page.

`format_citation(source, lang)` renders a full author-date reference from the CSL fields in
data/sources.yml, e.g.

    Witt, S. (2022). *The Turkish drone that changed the nature of warfare*. The New Yorker.
    <https://...> (accessed 19 July 2025).

`Footnotes` collects the footnotes of one page: one per source, numbered in order of first use,
however often the source is cited; each lists the locators used on the page and says how the
article itself cites the source ("footnote 8", "figure 1.2 caption"). Numbers the article gives
without any source get one shared "unsourced in the article" footnote.
"""

from __future__ import annotations

from ..data.ledger import Ledger
from ..data.sources import Source
from ..locale import words
from ..locale.dates import format_iso_date
from ..locale.locators import localize_locator
from ..locale.text import tr
from .escape import escape

UNSOURCED_KEY = "unsourced-in-the-article"


def _names(authors) -> str:
    names = [author.inverted for author in authors]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + ", & " + names[-1]


def _year(source: Source, lang: str) -> str:
    return source.year or words("footnotes", lang)["nd"]


def short_citation(source: Source, lang: str = "en") -> str:
    """'Witt (2022)', 'SIPRI (2023)': the author-date form used in running text."""
    authors = source.authors
    if authors:
        who = authors[0].short + (f" {words('footnotes', lang)['et_al']}" if len(authors) > 2
                                  else f" & {authors[1].short}" if len(authors) == 2 else "")
    else:
        who = source.get("container-title") or source.get("publisher") or source.id
    return f"{who} ({_year(source, lang)})"


def source_line(refs, sources: dict[str, Source], lang: str) -> str:
    """The visible 'Source:' text of a table or chart (escaped), from its source references.

    One locator for all: 'Witt (2022); Forbes (2021), figure 1.2 caption'. Different ones: each
    after its own source, 'NS Energy (2020), footnote 13; Rafigoglu (2024), footnote 14', so
    that no footnote reads as another author's.
    """
    by_source: dict[str, list[str]] = {}
    for ref in refs:
        by_source.setdefault(ref.id, [])
        if ref.locator and ref.locator not in by_source[ref.id]:
            by_source[ref.id].append(ref.locator)
    every = {locator for locators in by_source.values() for locator in locators}
    if len(every) <= 1:
        who = "; ".join(short_citation(sources[s], lang) for s in by_source)
        return escape(who + (f", {localize_locator(every.pop(), lang)}" if every else ""))
    return escape("; ".join(
        short_citation(sources[s], lang)
        + (f", {localize_locator(' and '.join(locators), lang)}" if locators else "")
        for s, locators in by_source.items()))


def format_citation(source: Source, lang: str) -> str:
    """A full author-date citation as Markdown (data text escaped)."""
    csl, text = source.csl, words("footnotes", lang)
    parts = []
    who = _names(source.authors) or csl.get("container-title") or csl.get("publisher", "")
    parts.append(f"{escape(who)} ({_year(source, lang)}).")
    if csl.get("title"):
        parts.append(f"<em>{escape(csl['title'])}</em>.")
    elif source.description:  # APA's bracketed description of a work printed without a title
        parts.append(f"[{escape(tr(source.description, lang))}].")
    container = csl.get("container-title")
    if container and container != who:
        detail = escape(container)
        if csl.get("volume"):
            detail += f", {escape(csl['volume'])}"
            if csl.get("issue"):
                detail += f"({escape(csl['issue'])})"
        if csl.get("page"):
            detail += f", {escape(csl['page'])}"
        parts.append(detail + ".")
    if csl.get("publisher") and csl.get("publisher") != who:
        parts.append(escape(csl["publisher"]) + ".")
    if csl.get("URL"):
        url = escape(csl["URL"])
        when = ""
        if source.accessed:
            when = f" ({text['accessed'].format(format_iso_date(source.accessed.iso, lang))})"
        parts.append(f'<a class="citation-url" href="{url}">{url}</a>{when}'
                     + ("." if when else ""))
    return " ".join(parts)


class Footnotes:
    """The footnotes of one page, in order of first use."""

    def __init__(self, ledger: Ledger, lang: str, sources_page: str):
        self.ledger, self.lang, self.sources_page = ledger, lang, sources_page
        self.order: list[str] = []
        self.locators: dict[str, list[str]] = {}
        self.facts: dict[str, list[str]] = {}  # footnote key -> facts it sources on the page
        self.extra = None  # callable(fact ids) -> Markdown appended to the footnote, or None

    def ref(self, source_id: str, locator: str = "") -> str:
        """The footnote reference for a source (one footnote per source per page)."""
        if source_id not in self.locators:
            self.order.append(source_id)
            self.locators[source_id] = []
        if locator and locator not in self.locators[source_id]:
            self.locators[source_id].append(locator)
        return f"[^{source_id}]"

    def unsourced(self) -> str:
        return self.ref(UNSOURCED_KEY)

    def note_fact(self, key: str, fact_id: str) -> None:
        """Record that the footnote `key` sources `fact_id` on this page."""
        if fact_id not in self.facts.setdefault(key, []):
            self.facts[key].append(fact_id)

    def _extra(self, key: str) -> str:
        text = self.extra(self.facts.get(key, [])) if self.extra else ""
        return f" {text}" if text else ""

    def definition(self, key: str) -> str:
        text = words("footnotes", self.lang)
        if key == UNSOURCED_KEY:
            return text["unsourced"] + self._extra(key)
        source = self.ledger.sources[key]
        parts = [format_citation(source, self.lang)]
        if self.locators[key]:
            parts.append(text["locators"].format(escape(localize_locator(
                "; ".join(self.locators[key]), self.lang))))
        if source.cited_as:
            parts.append(text["in_article"].format(escape(localize_locator(
                "; ".join(source.cited_as), self.lang))))
        if not source.in_bibliography:
            parts.append(text["not_in_bib"])
        if source.note:
            parts.append(text["problem"].format(escape(tr(source.note, self.lang))))
        parts.append(f"[{text['details']}]({self.sources_page}#{key}).")
        return " ".join(parts) + self._extra(key)

    def markdown(self) -> str:
        """Footnote definitions to append to the page ('' when the page cites nothing)."""
        if not self.order:
            return ""
        return "\n\n" + "\n".join(f"[^{key}]: {self.definition(key)}" for key in self.order) + "\n"
