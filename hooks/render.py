"""Render one page's markers in one pass: `render_page(markdown, ledger, page_path, lang)`.

    {{ fact:ID }}          -> <span class="fact" data-fact="ID">about 1,960 troops</span>[^src]
    {{ cite:ID | hlm. 10 }} -> [^ID] (footnote: full citation with the locator)
    {{ table:ID }}          -> caption, table with formatted numbers, source footnote, CSV link
    {{ summary:holsti }}    -> the three Holsti categories with their interests and key facts
    {{ chart:ID }}          -> a numbered figure drawn from data/ (hooks/charts.py)

The output is Markdown (with inline HTML) that the normal MkDocs pipeline turns into HTML; the
footnotes extension numbers the footnotes appended at the end in order of first use.
"""

from __future__ import annotations

import posixpath

from charts import ChartCache, chart_block, chart_csv_path
from citations import Footnotes, source_line
from formatting import (CATEGORY_WORDS, UNSOURCED, escape, format_fact, format_printed,
                        words)
from ledger import Ledger, Problem, Table, tr
from markers import replace_markers

FACTS_PAGE = "evidence/facts.md"
SOURCES_PAGE = "evidence/sources.md"
TABLES_PAGE = "evidence/tables.md"
TEXT = {
    "en": {
        "table": "Table",
        "source": "Source",
        "download": "Download this table as CSV",
        "inconsistent": "inconsistent in the article",
        "category": "Holsti category",
        "interests": "Interests the authors identify",
        "key_facts": "Key facts",
    },
    "id": {
        "table": "Tabel",
        "source": "Sumber",
        "download": "Unduh tabel ini sebagai CSV",
        "inconsistent": "tidak konsisten dalam artikel",
        "category": "Kategori Holsti",
        "interests": "Kepentingan yang diidentifikasi para penulis",
        "key_facts": "Fakta utama",
    },
}


def relative(target: str, page_path: str) -> str:
    """A link from the page at docs-relative `page_path` to docs-relative `target`."""
    return posixpath.relpath(target, posixpath.dirname(page_path) or ".")


def table_csv_path(table_id: str) -> str:
    return f"tables/{table_id}.csv"


class PageRenderer:
    """Renders the markers of one page; keeps that page's footnotes."""

    def __init__(self, ledger: Ledger, page_path: str, lang: str,
                 chart_cache: ChartCache | None = None, notes=None):
        self.ledger, self.page_path, self.lang = ledger, page_path, lang
        self.text = words(TEXT, lang)
        self.footnotes = Footnotes(ledger, lang, relative(SOURCES_PAGE, page_path))
        # scholarly.PageNotes: correction links, errata and citations (None: without them)
        self.notes = notes
        if notes is not None:
            self.footnotes.extra = notes.footnote_extra
        self.problems: list[Problem] = []
        self.handlers = {"fact": self.fact, "cite": self.cite, "table": self.table,
                         "summary": self.summary, "chart": self.chart,
                         "citation": self.citation}
        self.chart_cache, self.figures, self.ids = chart_cache, 0, {}

    def render(self, markdown: str) -> str:
        body = replace_markers(markdown, self.dispatch)
        return body + self.footnotes.markdown()

    def dispatch(self, kind: str, arg: str, locator: str, line: int) -> str:
        handler = self.handlers.get(kind)
        if handler is None:  # scan_page reports these first; this guards direct use
            self.problems.append(Problem(self.page_path, line, f"unknown marker kind '{kind}'"))
            return ""
        try:
            return handler(arg, locator) if kind == "cite" else handler(arg)
        except KeyError:
            self.problems.append(Problem(self.page_path, line, f"unknown {kind} '{arg}'"))
            return ""

    # ---------------------------------------------------------------- markers

    def fact(self, fact_id: str, cited: tuple = ()) -> str:
        """A fact with its flags and footnotes; sources in `cited` are footnoted elsewhere."""
        fact = self.ledger.facts[fact_id]
        label = escape(self.notes.fact_title(fact) if self.notes else tr(fact.label, self.lang))
        classes = "fact"
        if fact.unsourced:
            classes += " fact--unsourced"
        if fact.status == "inconsistent":
            classes += " fact--inconsistent"
        out = (f'<span class="{classes}" data-fact="{fact.id}" title="{label}">'
               f"{escape(format_fact(fact, self.lang))}</span>")
        ledger_link = f"{relative(FACTS_PAGE, self.page_path)}#fact-{fact.id}"
        if fact.unsourced:
            out += (f' <small class="fact-flag fact-flag--unsourced">'
                    f"([{words(UNSOURCED, self.lang)}]({ledger_link}))</small>")
            out += self.footnotes.unsourced()
        if fact.status == "inconsistent":
            errata = self.notes.fact_errata(fact.id) if self.notes else ()
            target = self.notes.erratum_link(errata[0]) if errata else ledger_link
            out += (f' <small class="fact-flag fact-flag--inconsistent">'
                    f"([{self.text['inconsistent']}]({target}))</small>")
        for ref in fact.sources:
            if ref not in cited:
                out += self.footnotes.ref(ref.id, ref.locator)
        for key in [r.id for r in fact.sources] or ["unsourced-in-the-article"]:
            self.footnotes.note_fact(key, fact.id)  # its "Correct this number" link
        return out

    def citation(self, kind: str) -> str:
        """{{ citation:site }} / {{ citation:article }}: the four citation formats (cite.py)."""
        if self.notes is None:
            raise KeyError(kind)
        return "\n\n" + self.notes.citation(kind) + "\n\n"

    def cite(self, source_id: str, locator: str = "") -> str:
        self.ledger.sources[source_id]  # KeyError -> unknown source
        return self.footnotes.ref(source_id, locator)

    def cell(self, table: Table, column_index: int, cell: str) -> str:
        column = table.columns[column_index]
        if cell == "":
            return "—"
        if column.type == "fact":  # the table's own source line footnotes its sources
            return self.fact(cell.removeprefix("fact:"), cited=table.sources)
        if column.type in ("integer", "number"):  # as printed: 8.0 stays 8.0
            return escape(format_printed(cell, self.lang))
        if column.type == "year":  # never grouped: 2018, not 2,018
            return escape(cell)
        return escape(table.cell_text(column, cell, self.lang))

    def table(self, table_id: str) -> str:
        table = self.ledger.tables[table_id]
        heads, aligns = [], []
        for column in table.columns:
            head = escape(tr(column.title, self.lang))
            if column.unit:
                head += f" ({escape(tr(column.unit, self.lang))})"
            heads.append(head)
            aligns.append("---:" if column.type in ("integer", "number", "year", "fact")
                          else ":---")
        lines = [
            f'<div class="data-table" id="{self.unique_id("table-" + table.id)}" markdown>',
            f'<p class="table-caption"><strong>{self.text["table"]}:</strong> '
            f"{escape(tr(table.title, self.lang))}</p>",
            "",
            "| " + " | ".join(heads) + " |",
            "| " + " | ".join(aligns) + " |",
        ]
        for row in table.rows:
            lines.append("| " + " | ".join(self.cell(table, i, c) for i, c in enumerate(row))
                         + " |")
        who = source_line(table.sources, self.ledger.sources, self.lang)
        refs = "".join(self.footnotes.ref(ref.id, ref.locator) for ref in table.sources)
        note = f" {escape(tr(table.note, self.lang))}" if table.note else ""
        csv_link = relative(table_csv_path(table.id), self.page_path)
        lines += [
            "",
            f"{self.text['source']}: {who}"
            f"{refs}.{note} "
            f"[{self.text['download']}]({csv_link})",
            "{ .table-source }",
            "",
            "</div>",
            "",
        ]
        return "\n".join(lines)

    def unique_id(self, ident: str) -> str:
        """An element id, suffixed when a page shows the same table or chart twice."""
        self.ids[ident] = self.ids.get(ident, 0) + 1
        return ident if self.ids[ident] == 1 else f"{ident}-{self.ids[ident]}"

    def chart(self, chart_id: str) -> str:
        chart = self.ledger.charts[chart_id]
        self.figures += 1
        return chart_block(chart, self.ledger, self.lang, number=self.figures,
                           element_id=self.unique_id(f"chart-{chart.id}"),
                           footnotes=self.footnotes, cache=self.chart_cache,
                           csv_href=relative(chart_csv_path(chart), self.page_path))

    def summary(self, _arg: str) -> str:
        lines = [f"| {self.text['category']} | {self.text['interests']} | "
                 f"{self.text['key_facts']} |", "| :--- | :--- | :--- |"]
        names = words(CATEGORY_WORDS, self.lang)
        for category in self.ledger.categories:
            link = relative(category.page, self.page_path)
            name = f"[{escape(tr(category.title, self.lang) or names[category.id])}]({link})"
            interests = "<br>".join(f"• {escape(tr(i, self.lang))}" for i in category.interests)
            facts = "<br>".join(f"{escape(tr(self.ledger.facts[f].label, self.lang))}: "
                                f"{self.fact(f)}"
                                for f in category.key_facts)
            lines.append(f"| {name} | {interests} | {facts} |")
        return "\n".join(lines) + "\n"


def render_page(markdown: str, ledger: Ledger, page_path: str, lang: str,
                chart_cache: ChartCache | None = None, notes=None) -> str:
    """Pure entry point: a page's Markdown with every marker rendered and footnotes appended."""
    renderer = PageRenderer(ledger, page_path, lang, chart_cache, notes)
    out = renderer.render(markdown)
    if renderer.problems:
        from ledger import DataError

        raise DataError(renderer.problems)
    return out
