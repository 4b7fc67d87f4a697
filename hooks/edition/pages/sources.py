"""evidence/sources.md: every source, as printed and as cited, with the facts it supports, the
pages that cite it, its errata and its line in data/sources.yml."""

from __future__ import annotations

from collections import Counter

from ..data.ledger import Ledger
from ..data.pages import FACTS_PAGE, SOURCES_PAGE, relative
from ..locale import words
from ..locale.locators import localize_locator
from ..locale.text import tr
from ..markup.usage import Usage
from ..render.escape import escape
from ..render.footnotes import format_citation, short_citation
from .facts import link_uses

PAGE_PATH = SOURCES_PAGE


def sources_page(ledger: Ledger, usage: Usage, lang: str, notes=None) -> str:
    """The sources page as Markdown. `notes` (render.notes.PageNotes) adds each source's correction
    link and errata."""
    text = words("ledger", lang)
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
        # two printings: the footnote's, then the bibliography's (checked in data/sources.py)
        labels = text["printed_two"] if len(source.printed) == 2 else [text["printed"]]
        for label, printed in zip(labels, source.printed):
            rows.append((label, f"<q>{escape(printed)}</q>"))
        facts = supports.get(source.id, [])
        rows.append((text["supports"], ", ".join(
            f"[{escape(tr(ledger.facts[f].label, lang))}]({relative(FACTS_PAGE, page)}#fact-{f})"
            for f in facts) or text["none"]))
        rows.append((text["cited_on"], link_uses(usage.sources.get(source.id, ()), page)
                     or text["none"]))
        if notes:
            rows += notes.source_rows(source)
        out += [f"- **{k}:** {v}" for k, v in rows]
        if source.note:
            out += ["", f'!!! warning "{text["note"]}"', "", f"    {escape(tr(source.note, lang))}"]
        out.append("")
    return "\n".join(out) + "\n"


def make(context) -> str:
    return sources_page(context.ledger, context.usage, context.lang, context.notes(PAGE_PATH))
