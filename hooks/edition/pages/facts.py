"""evidence/facts.md, the facts ledger: every fact with its value, label, category, sources,
status and links to the sections that use it; and the list of the tables."""

from __future__ import annotations

from ..data.facts import CATEGORIES
from ..data.ledger import Ledger
from ..data.pages import FACTS_PAGE, SOURCES_PAGE, TABLES_PAGE, relative, table_csv_path
from ..locale import words
from ..locale.locators import localize_locator
from ..locale.numbers import format_fact, format_number
from ..locale.text import tr
from ..markup.usage import Usage, Use
from ..render.escape import escape
from ..render.footnotes import short_citation

PAGE_PATH = FACTS_PAGE


def link_uses(uses: tuple[Use, ...], page_path: str) -> str:
    links = []
    for use in uses:
        title = use.page_title + (f" › {use.section_title}" if use.section_title else "")
        links.append(f"[{escape(title)}]({relative(use.page, page_path)}"
                     f"{'#' + use.section if use.section else ''})")
    # one link a line, a gap between them: two links of several lines must not read as one
    return "".join(f'<span class="ledger-use">{link}</span>' for link in links)


def facts_page(ledger: Ledger, usage: Usage, lang: str, notes=None) -> str:
    """The facts ledger as Markdown. `notes` (render.notes.PageNotes) adds each fact's correction
    link and errata."""
    text = words("ledger", lang)
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
    names = words("formats", lang)["categories"]
    statuses = words("formats", lang)["statuses"]
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
                sources = f"*{words('formats', lang)['unsourced']}*"
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
                       f"{status} | {link_uses(usage.facts.get(fact.id, ()), page)} |")
        out.append("")
    out += [f"## {text['tables_title']} {{#tables}}", "",
            text["tables_intro"].format(page=relative(TABLES_PAGE, page)), ""]
    for table in ledger.tables.values():
        out.append(f"- [{escape(tr(table.title, lang))}]({relative(TABLES_PAGE, page)}"
                   f"#table-{table.id}) — {len(table.rows)} × {len(table.columns)}, "
                   f"[CSV]({relative(table_csv_path(table.id), page)})")
    return "\n".join(out) + "\n"


def make(context) -> str:
    return facts_page(context.ledger, context.usage, context.lang, context.notes(PAGE_PATH))
