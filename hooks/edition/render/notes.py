"""What a page shows beside its facts and footnotes: the "Correct this number" links (to the
fact's line of data/facts.yml on the repository host), the errata linked from each fact and
source, and the citations of the "How to cite" page.

The repository host's address comes from the one setting `repo_url`, the published address from
`site_url` (mkdocs.yml): `Repository`. Line links use /blob/main/FILE#LLINE: GitHub's edit view
has no line anchors.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from ..checks.errata import Errata, Erratum
from ..data.facts import Fact
from ..data.ledger import Ledger
from ..data.pages import ERRATA_PAGE, relative
from ..data.sources import Source
from ..locale import words
from ..locale.numbers import format_fact
from ..locale.text import tr
from .escape import escape


@dataclass(frozen=True)
class Repository:
    """Where the edition's source and its published pages are (mkdocs.yml)."""

    repo_url: str = ""
    site_url: str = ""

    def line_url(self, path: str, line: int) -> str:
        """The line of a repository file on the host (blob view: it has line anchors)."""
        return f"{self.repo_url.rstrip('/')}/blob/main/{path}#L{line}" if self.repo_url else ""

    def lang_url(self, lang: str, langs: tuple[str, ...]) -> str:
        """The home page of one language: site_url, or site_url + 'id/'."""
        base = self.site_url if self.site_url.endswith("/") else self.site_url + "/"
        return base if lang == langs[0] else f"{base}{lang}/"


def erratum_anchor(erratum_id: str) -> str:
    return f"erratum-{erratum_id}"


def errata_link(erratum: Erratum, page_path: str) -> str:
    return f"{relative(ERRATA_PAGE, page_path)}#{erratum_anchor(erratum.id)}"


@dataclass(frozen=True)
class PageNotes:
    """What the renderer adds to one page's facts and footnotes, and the pages to their rows."""

    errata: Errata
    repository: Repository
    ledger: Ledger
    lang: str
    page_path: str
    # {{ citation:KIND }}: the citation formats of the edition or the article (cite/), or None
    citation: Callable[[str], str] | None = None

    def fact_url(self, fact: Fact) -> str:
        return self.repository.line_url("data/facts.yml", fact.line)

    def source_url(self, source: Source) -> str:
        return self.repository.line_url("data/sources.yml", source.line)

    def fact_title(self, fact: Fact) -> str:
        """The hover title of a fact: its label and where to correct it (plain text)."""
        hint = words("notes", self.lang)["correct_hint"].format(line=fact.line)
        return f"{tr(fact.label, self.lang)} ({hint})"

    def fact_errata(self, fact_id: str):
        return self.errata.for_fact(fact_id)

    def erratum_link(self, erratum) -> str:
        return errata_link(erratum, self.page_path)

    def footnote_extra(self, fact_ids: list[str]) -> str:
        """Markdown appended to a footnote: a correction link for each fact it sources on the
        page, and the errata about them."""
        if not fact_ids:
            return ""
        text = words("notes", self.lang)
        facts = [self.ledger.facts[f] for f in fact_ids if f in self.ledger.facts]
        links = [f'[{escape(format_fact(f, self.lang))}]({self.fact_url(f)} '
                 f'"{escape(tr(f.label, self.lang))}")' for f in facts if self.fact_url(f)]
        parts = []
        if links:
            label = text["correct"] if len(links) == 1 else text["correct_some"]
            parts.append(f"{label}: {' · '.join(links)}.")
        errata = []
        for fact in facts:
            for erratum in self.fact_errata(fact.id):
                if erratum not in errata:
                    errata.append(erratum)
        if errata:
            parts.append(f"{text['errata']}: " + " · ".join(
                f"[{escape(tr(e.title, self.lang))}]({self.erratum_link(e)})" for e in errata)
                + ".")
        return " ".join(parts)

    def description(self, page: str) -> str:
        return words("notes", self.lang)["descriptions"][page]

    def ledger_correct(self, fact: Fact) -> str:
        """The facts ledger's 'Correct this number' link (HTML, in the fact's first cell)."""
        url = self.fact_url(fact)
        if not url:
            return ""
        return (f'<br><a class="fact-correct" href="{html.escape(url)}">'
                f"{words('notes', self.lang)['correct']}</a>")

    def ledger_errata(self, fact: Fact) -> str:
        """Links from a fact's ledger row to the errata about it."""
        errata = self.fact_errata(fact.id)
        if not errata:
            return ""
        text = words("notes", self.lang)
        return (f"<br>{text['errata']}: " + "; ".join(
            f"[{escape(tr(e.title, self.lang))}]({self.erratum_link(e)})" for e in errata))

    def source_rows(self, source: Source) -> list[tuple[str, str]]:
        """Rows added to a source on the sources page: its errata and its line in the data."""
        text = words("notes", self.lang)
        rows = []
        errata = self.errata.for_source(source.id)
        if errata:
            rows.append((text["errata"], "; ".join(
                f"[{escape(tr(e.title, self.lang))}]({self.erratum_link(e)})" for e in errata)))
        url = self.source_url(source)
        if url:
            rows.append((text["correct_source"],
                         f"[{text['source_line'].format(source.line)}]({url})"))
        return rows
