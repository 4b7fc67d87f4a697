"""{{ table:ID }}: a table of data/tables/ with its caption, its cells formatted in the page's
language (fact cells as facts), its source line with footnotes, and a link to its CSV.

The table is Markdown (its fact cells hold links and footnotes), and Markdown's tables have no
caption: the marker writes the caption as a paragraph right before the table, and
`caption_tables` moves it into the rendered <table> as its <caption>, which names the table for
assistive technology (WCAG 1.3.1; HTML_CodeSniffer H39)."""

from __future__ import annotations

import re

from ...data.pages import relative, table_csv_path
from ...data.tables import Table
from ...locale.numbers import format_printed
from ...locale.text import tr
from ...markup.kinds import MarkerKind, Uses
from ..escape import escape
from ..footnotes import source_line
from .fact import render_fact


def render_cell(renderer, table: Table, column_index: int, cell: str) -> str:
    column = table.columns[column_index]
    if cell == "":
        return "—"
    if column.type == "fact":  # the table's own source line footnotes its sources
        return render_fact(renderer, cell.removeprefix("fact:"), cited=table.sources)
    if column.type in ("integer", "number"):  # as printed: 8.0 stays 8.0
        return escape(format_printed(cell, renderer.lang))
    if column.type == "year":  # never grouped: 2018, not 2,018
        return escape(cell)
    return escape(table.cell_text(column, cell, renderer.lang))


CAPTION_CLASS = "table-caption"
# A table of this many columns or more is marked wide: docs/stylesheets/edition.css gives it
# smaller type and narrower cells, and its caption wraps at the column's width where it scrolls.
# (A class written here, not a CSS `:has(th:nth-child(9))`: re-checked at every change of the
# page, that selector and the size container of every table made the printable edition's style
# and layout work heavier than plain Material's.)
WIDE_COLUMNS = 9
# the caption paragraph render_table writes, and the table Markdown renders right after it
CAPTION_RE = re.compile(
    rf'<p class="{CAPTION_CLASS}">(?P<caption>(?:(?!</p>).)*)</p>\s*<table>', re.DOTALL)


def caption_tables(html: str) -> tuple[str, int]:
    """The rendered page with each data table's caption paragraph moved into its <table> as
    its <caption>, and how many caption paragraphs were left without a table after them (0
    unless Markdown did not read a table where the marker wrote one)."""
    html = CAPTION_RE.sub(lambda m: f'<table>\n<caption class="{CAPTION_CLASS}">'
                                    f"{m['caption']}</caption>", html)
    return html, html.count(f'<p class="{CAPTION_CLASS}">')


def render_table(renderer, table_id: str, locator: str = "") -> str:
    table = renderer.ledger.tables[table_id]
    lang, text = renderer.lang, renderer.text
    heads, aligns = [], []
    for column in table.columns:
        head = escape(tr(column.title, lang))
        if column.unit:
            head += f" ({escape(tr(column.unit, lang))})"
        heads.append(head)
        aligns.append("---:" if column.type in ("integer", "number", "year", "fact")
                      else ":---")
    wide = " data-table--wide" if len(table.columns) >= WIDE_COLUMNS else ""
    lines = [
        f'<div class="data-table{wide}" id="{renderer.unique_id("table-" + table.id)}" '
        "markdown>",
        f'<p class="{CAPTION_CLASS}"><strong>{text["table"]}:</strong> '
        f"{escape(tr(table.title, lang))}</p>",
        "",
        "| " + " | ".join(heads) + " |",
        "| " + " | ".join(aligns) + " |",
    ]
    for row in table.rows:
        lines.append("| " + " | ".join(render_cell(renderer, table, i, c) for i, c in enumerate(row))
                     + " |")
    who = source_line(table.sources, renderer.ledger.sources, lang)
    refs = "".join(renderer.footnotes.ref(ref.id, ref.locator) for ref in table.sources)
    note = f" {escape(tr(table.note, lang))}" if table.note else ""
    csv_link = relative(table_csv_path(table.id), renderer.page_path)
    lines += [
        "",
        f"{text['source']}: {who}"
        f"{refs}.{note} "
        f"[{text['download']}]({csv_link})",
        "{ .table-source }",
        "",
        "</div>",
        "",
    ]
    return "\n".join(lines)


def table_uses(ledger, table_id: str) -> Uses:
    table = ledger.tables.get(table_id)
    if table is None:
        return Uses(tables=(table_id,))
    return Uses(tables=(table_id,), sources=tuple(ref.id for ref in table.sources),
                facts=tuple(cell.removeprefix("fact:") for row in table.rows
                            for column, cell in zip(table.columns, row)
                            if column.type == "fact" and cell))


KIND = MarkerKind(
    "table", order=30, ids=lambda ledger: ledger.known("tables"), where="data/tables/",
    render=render_table, uses=table_uses, block=True)
