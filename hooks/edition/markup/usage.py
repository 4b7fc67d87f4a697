"""Which sections use which facts, sources and tables: computed once per build from the page
scans, through each marker kind's `uses` (kinds.py). It feeds the facts ledger's and the
Sources page's "Used in" links, facts.json's `pages`, the metadata of each page (the sources it
cites) and the report of records no page uses."""

from __future__ import annotations

from dataclasses import dataclass, field

from .scan import PageScan


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


def usage_index(ledger, scans: dict[str, PageScan], kinds: dict) -> Usage:
    """Which sections use which facts, sources (directly or through facts and tables) and
    tables (scans: by the default-language path of each page)."""
    facts: dict[str, dict[Use, None]] = {}
    sources: dict[str, dict[Use, None]] = {}
    tables: dict[str, dict[Use, None]] = {}
    sections: dict[str, tuple[str, str]] = {}

    def add(index: dict, key: str, use: Use) -> None:
        index.setdefault(key, {})[use] = None  # an ordered set: a source used by every fact

    for page, scan in sorted(scans.items()):
        titles = {h.id: h.text for h in scan.headings if h.id}
        h1 = next((h.text for h in scan.headings if h.level == 1), page)
        sections[page] = (h1, "")
        sections.update({f"{page}#{ident}": (h1, text) for ident, text in titles.items()})
        for marker in scan.markers:
            use = Use(page, marker.section, titles.get(marker.section, ""), h1)
            uses = kinds[marker.kind].uses(ledger, marker.arg)
            for table_id in uses.tables:
                add(tables, table_id, use)
            for source_id in uses.sources:
                add(sources, source_id, use)
            for fact_id in uses.facts:
                add(facts, fact_id, use)
                fact = ledger.facts.get(fact_id)
                for ref in fact.sources if fact else ():
                    add(sources, ref.id, use)

    def freeze(index: dict) -> dict:
        return {k: tuple(v) for k, v in index.items()}

    return Usage(freeze(facts), freeze(sources), freeze(tables), sections)


def marker_sections(scans: dict[str, PageScan], kind: str) -> dict[str, list[str]]:
    """Where each marker of one kind stands: {id: ['page.md#section', ...]} (e.g. the charts,
    which Usage counts as uses of their facts)."""
    out: dict[str, list[str]] = {}
    for page, scan in sorted(scans.items()):
        for marker in scan.markers:
            if marker.kind == kind:
                anchor = f"{page}#{marker.section}" if marker.section else page
                if anchor not in out.setdefault(marker.arg, []):
                    out[marker.arg].append(anchor)
    return out
