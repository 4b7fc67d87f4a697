"""Pages and downloads generated from data/, not written by hand.

- `facts_page(...)`   -> evidence/facts.md, the facts ledger: every fact with its value, label,
  category, sources, status and links to the sections that use it.
- `sources_page(...)` -> evidence/sources.md: every source, as printed and as cited, with the
  facts it supports and the pages that cite it.
- `downloads(...)`    -> facts.json, facts.csv, sources.json (CSL-JSON), tables/ID.csv and
  charts/ID.csv (the facts a fact-based chart draws).

`usage_index(scans)` maps each fact and source to the sections that use it; it is computed once
per build from the page scans (see markers.scan_page) and feeds the pages above and the
"never used" report.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass, field

from charts import chart_downloads, chart_fact_ids
from citations import format_citation, localize_locator, short_citation
from formatting import (CATEGORY_WORDS, STATUS_WORDS, UNSOURCED, escape, format_fact,
                        format_number, words)
from ledger import CATEGORIES, Ledger, tr
from markers import PageScan
from render import FACTS_PAGE, SOURCES_PAGE, TABLES_PAGE, relative, table_csv_path


@dataclass(frozen=True)
class Use:
    """One place a fact or source is used: a page and the section (heading id) within it."""

    page: str
    section: str
    section_title: str
    page_title: str

    @property
    def anchor(self) -> str:
        return f"{self.page}#{self.section}" if self.section else self.page


@dataclass(frozen=True)
class Usage:
    facts: dict[str, tuple[Use, ...]]
    sources: dict[str, tuple[Use, ...]]
    tables: dict[str, tuple[Use, ...]]
    # 'page.md' and 'page.md#heading-id' -> (page title, section title), for links to sections
    sections: dict[str, tuple[str, str]] = field(default_factory=dict)


def usage_index(ledger: Ledger, scans: dict[str, PageScan]) -> Usage:
    """Which sections use which facts, sources (directly or through facts and tables) and tables."""
    facts: dict[str, list[Use]] = {}
    sources: dict[str, list[Use]] = {}
    tables: dict[str, list[Use]] = {}
    sections: dict[str, tuple[str, str]] = {}

    def add(index: dict, key: str, use: Use) -> None:
        if use not in index.setdefault(key, []):
            index[key].append(use)

    for page, scan in sorted(scans.items()):
        titles = {h.id: h.text for h in scan.headings if h.id}
        h1 = next((h.text for h in scan.headings if h.level == 1), page)
        sections[page] = (h1, "")
        sections.update({f"{page}#{ident}": (h1, text) for ident, text in titles.items()})
        for marker in scan.markers:
            use = Use(page, marker.section, titles.get(marker.section, ""), h1)
            fact_ids = []
            if marker.kind == "fact":
                fact_ids = [marker.arg]
            elif marker.kind == "cite":
                add(sources, marker.arg, use)
            elif marker.kind == "table":
                table = ledger.tables.get(marker.arg)
                add(tables, marker.arg, use)
                for ref in table.sources if table else ():
                    add(sources, ref.id, use)
                if table:
                    fact_ids = [cell.removeprefix("fact:") for row in table.rows
                                for column, cell in zip(table.columns, row)
                                if column.type == "fact" and cell]
            elif marker.kind == "summary":
                fact_ids = [f for c in ledger.categories for f in c.key_facts]
            elif marker.kind == "chart" and marker.arg in ledger.charts:
                chart = ledger.charts[marker.arg]
                fact_ids = chart_fact_ids(chart, ledger)
                if chart.table in ledger.tables:
                    add(tables, chart.table, use)
                    for ref in ledger.tables[chart.table].sources:
                        add(sources, ref.id, use)
            for fact_id in fact_ids:
                add(facts, fact_id, use)
                fact = ledger.facts.get(fact_id)
                for ref in fact.sources if fact else ():
                    add(sources, ref.id, use)
    freeze = lambda index: {k: tuple(v) for k, v in index.items()}  # noqa: E731
    return Usage(freeze(facts), freeze(sources), freeze(tables), sections)


def unused(ledger: Ledger, usage: Usage) -> list[str]:
    """Messages for facts, sources and tables no page uses (the build reports them)."""
    out = []
    for fact in ledger.facts.values():
        if fact.id not in usage.facts:
            out.append(f"data/facts.yml:{fact.line}: fact '{fact.id}' is not used on any page "
                       "(reference it with {{ fact:" + fact.id + " }} or remove it)")
    for source in ledger.sources.values():
        if source.id not in usage.sources:
            out.append(f"data/sources.yml:{source.line}: source '{source.id}' supports no fact "
                       "and is cited on no page (cite it with {{ cite:" + source.id + " }})")
    for table in ledger.tables.values():
        if table.id not in usage.tables:
            out.append(f"data/tables/{table.id}.yml:1: table '{table.id}' is shown on no page "
                       "(add {{ table:" + table.id + " }} to a page)")
    return out


# --------------------------------------------------------------------------- pages

TEXT = {
    "en": {
        "facts_title": "Facts ledger",
        "facts_intro": (
            "Every number the article states, with its source as the article gives it, its "
            "status and the sections of this edition that use it. Numbers are kept once in "
            "`data/facts.yml`; the pages, tables and downloads are rendered from it. "
            "**Derived** numbers are recomputed from other facts at every build; "
            "**inconsistent** numbers disagree with another number in the article (the note "
            "says how); numbers flagged *unsourced in the article* are printed without a "
            "source. Download the ledger as [CSV]({csv}) or [JSON]({json})."),
        "fact": "Fact", "value": "Value", "date": "Date", "sources": "Sources",
        "status": "Status", "used_in": "Used in", "computed": "computed: {}",
        "conflicts": "conflicts with {}",
        "tables_title": "Numbers in tables",
        "tables_intro": ("The article's tables are kept as CSV files in `data/tables/`; each "
                         "is shown, sourced, on the [tables page]({page}) and downloadable:"),
        "sources_title": "Sources",
        "sources_intro": (
            "Every source the article relies on: its bibliography, and the sources it names "
            "only in a footnote, under a figure or in the running text. Each entry keeps the "
            "reference as the article printed it; where that is wrong or incomplete, the note "
            "says so. Download as [CSL-JSON]({json})."),
        "printed": "As printed in the article", "cited_as": "Cited in the article as",
        "printed_two": ("As printed in the footnote", "As printed in the bibliography"),
        "bibliography": "In the article's bibliography", "yes": "yes", "no": "no",
        "supports": "Supports", "cited_on": "Cited on", "note": "Note", "none": "—",
    },
    "id": {
        "facts_title": "Daftar fakta",
        "facts_intro": (
            "Setiap angka yang dinyatakan artikel, beserta sumbernya sebagaimana diberikan "
            "artikel, statusnya, dan bagian-bagian edisi ini yang memakainya. Angka disimpan "
            "sekali di `data/facts.yml`; halaman, tabel, dan unduhan dibangun darinya. Angka "
            "**turunan** dihitung ulang dari fakta lain pada setiap build; angka yang **tidak "
            "konsisten** bertentangan dengan angka lain dalam artikel (catatannya menjelaskan "
            "pertentangannya); "
            "angka bertanda *tanpa sumber dalam artikel* dicetak tanpa sumber. Unduh daftar "
            "ini sebagai [CSV]({csv}) atau [JSON]({json})."),
        "fact": "Fakta", "value": "Nilai", "date": "Tanggal", "sources": "Sumber",
        "status": "Status", "used_in": "Dipakai di", "computed": "hasil hitung: {}",
        "conflicts": "bertentangan dengan {}",
        "tables_title": "Angka dalam tabel",
        "tables_intro": ("Tabel-tabel artikel disimpan sebagai berkas CSV di `data/tables/`; "
                         "masing-masing ditampilkan beserta sumbernya di [halaman tabel]({page}) "
                         "dan dapat diunduh:"),
        "sources_title": "Sumber",
        "sources_intro": (
            "Setiap sumber yang dipakai artikel: daftar pustakanya, serta sumber yang hanya "
            "disebut dalam catatan kaki, di bawah gambar, atau dalam teks. Setiap entri "
            "menyimpan rujukan persis seperti dicetak artikel; bila rujukan itu keliru atau "
            "tidak lengkap, catatannya menyebutkannya. Unduh sebagai [CSL-JSON]({json})."),
        "printed": "Sebagaimana dicetak dalam artikel", "cited_as": "Dikutip dalam artikel sebagai",
        "printed_two": ("Sebagaimana dicetak dalam catatan kaki",
                        "Sebagaimana dicetak dalam daftar pustaka"),
        "bibliography": "Dalam daftar pustaka artikel", "yes": "ya", "no": "tidak",
        "supports": "Mendukung", "cited_on": "Dikutip di", "note": "Catatan", "none": "—",
    },
}


def _link_uses(uses: tuple[Use, ...], page_path: str) -> str:
    links = []
    for use in uses:
        title = use.page_title + (f" › {use.section_title}" if use.section_title else "")
        links.append(f"[{escape(title)}]({relative(use.page, page_path)}"
                     f"{'#' + use.section if use.section else ''})")
    # one link a line, a gap between them: two links of several lines must not read as one
    return "".join(f'<span class="ledger-use">{link}</span>' for link in links)


def facts_page(ledger: Ledger, usage: Usage, lang: str, notes=None) -> str:
    """The facts ledger as Markdown. `notes` (scholarly.PageNotes) adds each fact's correction
    link and errata."""
    text = words(TEXT, lang)
    page = FACTS_PAGE
    out = [
        "---", f"title: {text['facts_title']}",
        *([f"description: \"{notes.description(FACTS_PAGE)}\""] if notes else []),
        # six columns: the page's width goes to the table (the ledger's own headings are few)
        "hide:", "  - toc", "---", "",
        f"# {text['facts_title']} {{#facts-ledger}}", "",
        text["facts_intro"].format(csv=relative("facts.csv", page),
                                   json=relative("facts.json", page)), "",
    ]
    names = words(CATEGORY_WORDS, lang)
    statuses = words(STATUS_WORDS, lang)
    for category in ("background", *[c for c in CATEGORIES if c != "background"]):
        facts = [f for f in ledger.facts.values() if f.category == category]
        if not facts:
            continue
        out += [f"## {names[category]} {{#{category}}}", "",
                f"| {text['fact']} | {text['value']} | {text['date']} | {text['sources']} | "
                f"{text['status']} | {text['used_in']} |",
                "| :--- | ---: | :--- | :--- | :--- | :--- |"]
        for fact in facts:
            if fact.unsourced:
                sources = f"*{words(UNSOURCED, lang)}*"
            else:
                sources = "<br>".join(
                    f"[{escape(short_citation(ledger.sources[ref.id], lang))}]"
                    f"({relative(SOURCES_PAGE, page)}#{ref.id})"
                    + (f" ({escape(localize_locator(ref.locator, lang))})" if ref.locator else "")
                    for ref in fact.sources)
            status = f"**{statuses[fact.status]}**"
            if fact.computed is not None:
                status += "<br>" + text["computed"].format(
                    escape(format_number(round(fact.computed, 6), lang)))
            if fact.conflicts_with:
                status += "<br>" + text["conflicts"].format(
                    ", ".join(f"[{c}](#fact-{c})" for c in fact.conflicts_with))
            if fact.note:
                status += f"<br>{escape(tr(fact.note, lang))}"
            label = (f'<span id="fact-{fact.id}"></span>{escape(tr(fact.label, lang))}<br>'
                     f"<code>{fact.id}</code>")
            if notes:
                label += notes.ledger_correct(fact)
                status += notes.ledger_errata(fact)
            value = (f'<span class="fact" data-fact="{fact.id}">'
                     f"{escape(format_fact(fact, lang))}</span>")
            out.append(f"| {label} | {value} | {escape(fact.date) or text['none']} | {sources} | "
                       f"{status} | {_link_uses(usage.facts.get(fact.id, ()), page)} |")
        out.append("")
    out += [f"## {text['tables_title']} {{#tables}}", "",
            text["tables_intro"].format(page=relative(TABLES_PAGE, page)), ""]
    for table in ledger.tables.values():
        out.append(f"- [{escape(tr(table.title, lang))}]({relative(TABLES_PAGE, page)}"
                   f"#table-{table.id}) — {len(table.rows)} × {len(table.columns)}, "
                   f"[CSV]({relative(table_csv_path(table.id), page)})")
    return "\n".join(out) + "\n"


def sources_page(ledger: Ledger, usage: Usage, lang: str, notes=None) -> str:
    """The sources page as Markdown. `notes` (scholarly.PageNotes) adds each source's correction
    link and errata."""
    text = words(TEXT, lang)
    page = SOURCES_PAGE
    out = ["---", f"title: {text['sources_title']}",
           *([f"description: \"{notes.description(SOURCES_PAGE)}\""] if notes else []), "---", "",
           f"# {text['sources_title']} {{#sources}}", "",
           text["sources_intro"].format(json=relative("sources.json", page)), ""]
    supports: dict[str, list[str]] = {}
    for fact in ledger.facts.values():
        for ref in fact.sources:
            supports.setdefault(ref.id, []).append(fact.id)
    same_name = Counter(short_citation(s, lang) for s in ledger.sources.values())
    for source in sorted(ledger.sources.values(), key=lambda s: s.id):
        # author-date headings, in the order of the ids (author first): a list to scan; the
        # title tells apart two works of one author and year
        heading = short_citation(source, lang)
        if same_name[heading] > 1 and source.csl.get("title"):
            heading += f": {source.csl['title']}"
        heading = escape(heading)
        # h2 right under the page's h1: no skipped heading level (axe: heading-order)
        out += [f"## {heading} {{#{source.id}}}", "", format_citation(source, lang), ""]
        rows = [(text["cited_as"], escape(localize_locator("; ".join(source.cited_as), lang))
                 or text["none"]),
                (text["bibliography"], text["yes"] if source.in_bibliography else text["no"])]
        # two printings: the footnote's, then the bibliography's (checked in ledger.py)
        labels = text["printed_two"] if len(source.printed) == 2 else [text["printed"]]
        for label, printed in zip(labels, source.printed):
            rows.append((label, f"<q>{escape(printed)}</q>"))
        facts = supports.get(source.id, [])
        rows.append((text["supports"], ", ".join(
            f"[{escape(tr(ledger.facts[f].label, lang))}]({relative(FACTS_PAGE, page)}#fact-{f})"
            for f in facts) or text["none"]))
        rows.append((text["cited_on"], _link_uses(usage.sources.get(source.id, ()), page)
                     or text["none"]))
        if notes:
            rows += notes.source_rows(source)
        out += [f"- **{k}:** {v}" for k, v in rows]
        if source.note:
            out += ["", f'!!! warning "{text["note"]}"', "", f"    {escape(tr(source.note, lang))}"]
        out.append("")
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- downloads

FACT_FIELDS = ("id", "value", "unit", "qualifier", "date", "label", "category", "sources",
               "sourced_by", "status", "formula", "computed", "conflicts_with", "note", "pages")


def fact_records(ledger: Ledger, usage: Usage, lang: str = "en") -> list[dict]:
    records = []
    for fact in ledger.facts.values():
        records.append({
            "id": fact.id, "value": fact.value, "unit": tr(fact.unit, lang),
            "qualifier": fact.qualifier, "date": fact.date, "label": tr(fact.label, lang),
            "category": fact.category,
            "sources": [{"id": r.id, "locator": r.locator} for r in fact.sources],
            "sourced_by": fact.sourced_by, "status": fact.status, "formula": fact.formula,
            "computed": fact.computed, "conflicts_with": list(fact.conflicts_with),
            "note": tr(fact.note, lang),
            "pages": sorted({u.anchor for u in usage.facts.get(fact.id, ())}),
        })
    return records


def downloads(ledger: Ledger, usage: Usage, lang: str = "en") -> dict[str, str]:
    """Site-root files (per language): path -> content."""
    records = fact_records(ledger, usage, lang)
    files = {"facts.json": json.dumps(records, ensure_ascii=False, indent=2) + "\n"}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FACT_FIELDS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        flat = dict(record)
        flat["sources"] = "; ".join(f"{s['id']} ({s['locator']})" if s["locator"] else s["id"]
                                    for s in record["sources"])
        flat["conflicts_with"] = "; ".join(record["conflicts_with"])
        flat["pages"] = "; ".join(record["pages"])
        flat["computed"] = "" if record["computed"] is None else f"{record['computed']:g}"
        writer.writerow(flat)
    files["facts.csv"] = buffer.getvalue()
    files["sources.json"] = json.dumps([s.csl for s in ledger.sources.values()],
                                       ensure_ascii=False, indent=2) + "\n"
    for table in ledger.tables.values():
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow([c.name for c in table.columns])
        for row in table.rows:
            writer.writerow([_resolve(ledger, cell) for cell in row])
        files[table_csv_path(table.id)] = buffer.getvalue()
    files.update(chart_downloads(ledger, lang))
    return files


def _resolve(ledger: Ledger, cell: str) -> str:
    """A table cell for download: fact references become their numbers."""
    if cell.startswith("fact:"):
        return f"{ledger.facts[cell.removeprefix('fact:')].value:g}"
    return cell
