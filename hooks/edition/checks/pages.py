"""Checks of the pages against the data and each other, once every page is scanned:

    check_parity        every page in every language, with the same heading ids, and the same
                        markers (of kinds with parity) in each section
    check_sections      each section an event of the timeline names exists
    check_tables_shown  every table of data/tables/ has its place on the Tables page
    check_category_pages  the chapter each Holsti category links to exists
"""

from __future__ import annotations

from ..data.ledger import Ledger
from ..data.pages import TABLES_PAGE, localized_path, pages_in
from ..data.problems import Problem, did_you_mean


def check_parity(scans: dict, langs: tuple[str, ...], docs: str, kinds: dict) -> list:
    """Every page in every language, with the same heading ids and facts per section."""
    problems = []
    default = pages_in(scans, langs[0], langs)
    for lang in langs[1:]:
        other = pages_in(scans, lang, langs)
        for base in sorted(set(default) | set(other)):
            there = localized_path(base, lang, langs)
            if base not in other:
                problems.append(Problem(f"{docs}/{base}", 1, f"page has no '{lang}' version "
                                        f"(write {docs}/{there}, with the same headings and facts)"))
                continue
            if base not in default:
                problems.append(Problem(f"{docs}/{there}", 1, f"page has no '{langs[0]}' "
                                        f"version (write {docs}/{base})"))
                continue
            if default[base].problems or other[base].problems:
                continue  # a bad marker is reported once, where it is, not again as a mismatch
            problems.extend(_compare_pages(default[base], other[base], f"{docs}/{there}", lang,
                                            kinds))
    return problems


def _compare_pages(original, translation, rel: str, lang: str, kinds: dict) -> list:
    problems = []
    ids = [h.id for h in original.headings if h.id]
    translated = {h.id: h.line for h in translation.headings if h.id}
    for ident in ids:
        if ident not in translated:
            problems.append(Problem(rel, 1, f"heading id '#{ident}' of the original page is "
                                    f"missing in the '{lang}' translation (keep the same "
                                    "explicit ids, so links and the language switch land on the "
                                    "same section)"))
    for ident in translated:
        if ident not in ids:
            problems.append(Problem(rel, translated[ident], f"heading id '#{ident}' is not in "
                                    "the original page (use the original's ids)"))

    def facts_by_section(scan):
        out = {}
        for marker in scan.markers:
            if kinds[marker.kind].parity:
                out.setdefault(marker.section, set()).add(f"{marker.kind}:{marker.arg}")
        return out

    want, have = facts_by_section(original), facts_by_section(translation)
    for section in sorted(set(want) | set(have)):
        missing = sorted(want.get(section, set()) - have.get(section, set()))
        extra = sorted(have.get(section, set()) - want.get(section, set()))
        line = translated.get(section, 1)
        for marker in missing:
            problems.append(Problem(rel, line, f"section '#{section or 'top'}' lacks "
                                    f"{{{{ {marker} }}}}, which the original uses there"))
        for marker in extra:
            problems.append(Problem(rel, line, f"section '#{section or 'top'}' uses "
                                    f"{{{{ {marker} }}}}, which the original does not use there"))
    return problems


def check_sections(events, pages: dict) -> list[Problem]:
    """Each 'page.md#heading-id' of an event must exist (pages: default-language scans)."""
    problems = []
    for event in events:
        for target in event.sections:
            page, _, anchor = target.partition("#")
            scan = pages.get(page)
            if scan is None:
                problems.append(Problem("data/events.yml", event.sections_line,
                                        f"event '{event.id}': section '{target}' names no page "
                                        f"of the edition{did_you_mean(page, pages)}"))
                continue
            ids = [h.id for h in scan.headings if h.id]
            if anchor and anchor not in ids:
                problems.append(Problem("data/events.yml", event.sections_line,
                                        f"event '{event.id}': page '{page}' has no heading "
                                        f"'#{anchor}'{did_you_mean(anchor, ids)}"))
    return problems


def check_tables_shown(ledger: Ledger, pages: dict, langs: tuple[str, ...], docs: str) -> list:
    """Every table in data/tables/ has its place on the Tables page, which the facts ledger and
    the downloads link to (pages: default-language scans)."""
    scan = pages.get(TABLES_PAGE)
    if scan is None or scan.problems:
        return []
    shown = {m.arg for m in scan.markers if m.kind == "table"}
    where = " and ".join(f"{docs}/{localized_path(TABLES_PAGE, lang, langs)}" for lang in langs)
    return [Problem(f"data/tables/{table_id}.yml", 1, f"table '{table_id}' is not on the Tables "
                    f"page: add {{{{ table:{table_id} }}}} under a heading of its own to {where}")
            for table_id in ledger.tables if table_id not in shown]


def check_category_pages(ledger: Ledger, pages: dict) -> list[Problem]:
    """The page of each category (data/categories.yml) is a page of the edition (pages:
    default-language scans)."""
    return [Problem("data/categories.yml", category.page_line, f"category '{category.id}': 'page' is "
                    f"'{category.page}', which is not a page of the edition"
                    f"{did_you_mean(category.page, pages)} (write the path of its chapter "
                    "under docs/, e.g. core-values.md)")
            for category in ledger.categories if category.page not in pages]
