"""The timeline: every dated event the article mentions, from data/events.yml.

    - id: first-clashes
      date: "1988-02"             # as precise as the article: 1991, 1988-02, 2006-06-27,
                                  # or a decade such as "late 1980s"
      category: conflict          # conflict | ceasefire | diplomacy | cooperation | political
      title: {en: ..., id: ...}
      sources:                    # like a fact's; [] when the article gives none
        - {id: kalwar-2022, locator: footnote 3 (p. 10)}
      sourced_by: footnote 3 (p. 10)   # or "none"
      facts: [azerbaijan-territory-lost]   # optional: numbers the article ties to the event
      sections: [background.md#first-war]  # the sections of this edition that discuss it

`parse_events` validates the file in the ledger's style (every problem at file:line);
`check_sections` checks, once the pages are scanned, that each section exists; and
`timeline_page` renders the generated page: an ordered list (one item per event, in date order)
that CSS draws as a vertical timeline, each event with its sources as footnotes and links to the
sections that discuss it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from formatting import escape, format_iso_date, words
from ledger import (Problem, SourceRef, Text, _check_unique, _Entry, _list_of_entries,
                    _source_refs, did_you_mean, load_yaml, tr)

TIMELINE_PAGE = "evidence/timeline.md"
EVENT_CATEGORIES = ("conflict", "ceasefire", "diplomacy", "cooperation", "political")
EVENT_FIELDS = ("id", "date", "category", "title", "sources", "sourced_by", "facts", "sections",
                "note")
ISO_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
DECADE_RE = re.compile(r"^(?:(early|mid|late) )?(\d{3}0)s$")
DECADE_WORDS = {"en": {"early": "early {}s", "mid": "mid-{}s", "late": "late {}s", "": "{}s"},
                "id": {"early": "awal {}-an", "mid": "pertengahan {}-an", "late": "akhir {}-an",
                       "": "{}-an"}}
DECADE_OFFSET = {"early": 1, "mid": 4, "late": 7, "": 0}

TEXT = {
    "en": {
        "title": "Timeline",
        "intro": (
            "Every dated event the article mentions, from the violence of the late 1980s to "
            "the 2021 summit of the Organization of Turkic States and the Shusha Declaration, "
            "in date order. Each event is "
            "dated only as precisely as the article dates it and sourced as the article sources "
            "it; events the article states without a source are marked *unsourced in the "
            "article*. The links lead to the sections of this edition that discuss each event. "
            "The events are kept in `data/events.yml`."),
        "categories": {"conflict": "Conflict", "ceasefire": "Ceasefire",
                       "diplomacy": "Diplomacy", "cooperation": "Military cooperation",
                       "political": "Political change"},
        "discussed": "Discussed in",
        "numbers": "Numbers",
        "unsourced": "unsourced in the article",
        "legend": "Kinds of event",
    },
    "id": {
        "title": "Lini masa",
        "intro": (
            "Setiap peristiwa bertanggal yang disebut artikel, dari kekerasan pada akhir "
            "1980-an hingga KTT Organisasi Negara-Negara Turkik tahun 2021 dan Deklarasi "
            "Shusha, menurut urutan waktu. Tanggal setiap peristiwa hanya setepat tanggal yang "
            "dicantumkan artikel, dan sumbernya sama dengan sumber yang dirujuk artikel; "
            "peristiwa yang dinyatakan artikel "
            "tanpa sumber ditandai *tanpa sumber dalam artikel*. Tautan mengarah ke bagian-bagian "
            "edisi ini yang membahas setiap peristiwa. Data peristiwa disimpan di "
            "`data/events.yml`."),
        "categories": {"conflict": "Konflik", "ceasefire": "Gencatan senjata",
                       "diplomacy": "Diplomasi", "cooperation": "Kerja sama militer",
                       "political": "Perubahan politik"},
        "discussed": "Dibahas di",
        "numbers": "Angka",
        "unsourced": "tanpa sumber dalam artikel",
        "legend": "Jenis peristiwa",
    },
}


@dataclass(frozen=True)
class Event:
    id: str
    line: int
    date: str
    category: str
    title: Text
    sources: tuple[SourceRef, ...]
    sourced_by: str
    facts: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    note: Text | None = None
    sections_line: int = 0

    @property
    def sort_key(self) -> tuple:
        iso = ISO_RE.match(self.date)
        if iso:
            return (int(iso.group(1)), int(iso.group(2) or 0), int(iso.group(3) or 0), self.line)
        decade = DECADE_RE.match(self.date)
        return (int(decade.group(2)) + DECADE_OFFSET[decade.group(1) or ""], 0, 0, self.line)

    @property
    def unsourced(self) -> bool:
        return not self.sources


def date_valid(date: str) -> bool:
    iso = ISO_RE.match(date)
    if iso:
        month, day = int(iso.group(2) or 1), int(iso.group(3) or 1)
        return 1 <= month <= 12 and 1 <= day <= 31
    return bool(DECADE_RE.match(date))


def format_event_date(date: str, lang: str) -> str:
    """'1988-02' -> 'February 1988'; 'late 1980s' -> 'akhir 1980-an' in Indonesian."""
    decade = DECADE_RE.match(date)
    if decade:
        return words(DECADE_WORDS, lang)[decade.group(1) or ""].format(decade.group(2))
    return format_iso_date(date, lang)


def parse_events(data: Any, rel: str, sources: dict, fact_ids, problems: list[Problem],
                 languages: tuple[str, ...]) -> tuple[Event, ...]:
    """Validate data/events.yml; return its valid events in date order."""
    events, seen = [], {}
    for raw in _list_of_entries(data, rel, "event", problems):
        entry = _Entry(raw, rel, "event", problems, 1, languages)
        if not entry.ok:
            continue
        ident = entry.identifier()
        entry.only(EVENT_FIELDS)
        date = entry.text("date", required=True)
        if date and not date_valid(date):
            entry.fail(entry.line_of("date"), f"{entry.name}: 'date' is {date!r}; write it as "
                       "precisely as the article gives it: a year '1991', a month '1988-02', a "
                       "day '2006-06-27' or a decade such as 'late 1980s' (quote it)")
        refs = _source_refs(entry, "sources", sources)
        sourced_by = entry.text("sourced_by", required=True)
        if entry.ok and not refs and sourced_by != "none":
            entry.fail(entry.line_of("sources"), f"{entry.name}: has no sources but "
                       f"'sourced_by' is '{sourced_by}' (an unsourced event says "
                       "sourced_by: none)")
        if entry.ok and refs and sourced_by == "none":
            entry.fail(entry.line_of("sourced_by"), f"{entry.name}: 'sourced_by' is none but "
                       "it lists sources (say how the article cites them, e.g. 'footnote 3')")
        facts = tuple(str(f) for f in entry.list("facts"))
        for fact in facts:
            if fact_ids is not None and fact not in fact_ids:
                entry.fail(entry.line_of("facts"), f"{entry.name}: unknown fact '{fact}'"
                           f"{did_you_mean(fact, fact_ids)} (facts live in data/facts.yml)")
        sections = tuple(str(s) for s in entry.list("sections", required=True))
        if entry.ok and not sections:
            entry.fail(entry.line_of("sections"), f"{entry.name}: 'sections' is empty; name "
                       "the sections that discuss the event, e.g. [background.md#first-war]")
        event = Event(
            id=ident, line=entry.line, date=date,
            category=entry.choice("category", EVENT_CATEGORIES, required=True),
            title=entry.localized("title", required=True), sources=refs,
            sourced_by=sourced_by, facts=facts, sections=sections,
            note=entry.localized("note") or None, sections_line=entry.line_of("sections"))
        if ident and _check_unique(ident, entry.line, seen, rel, "event", problems) and entry.ok:
            events.append(event)
    return tuple(sorted(events, key=lambda e: e.sort_key))


def load_events(data_dir: Path, sources: dict, fact_ids, problems: list[Problem],
                languages: tuple[str, ...]) -> tuple[Event, ...]:
    path = Path(data_dir) / "events.yml"  # optional: no file, no timeline events
    if not path.exists():
        return ()
    raw = load_yaml(path, "data/events.yml", problems)
    if raw is None:
        return ()
    return parse_events(raw, "data/events.yml", sources, fact_ids, problems, languages)


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


def timeline_page(ledger, usage, lang: str) -> str:
    """The timeline page as Markdown (markers inside are rendered like any page's)."""
    from render import relative

    text = words(TEXT, lang)
    page = TIMELINE_PAGE
    names = text["categories"]
    used = [c for c in EVENT_CATEGORIES if any(e.category == c for e in ledger.events)]
    out = ["---", f"title: {text['title']}", "---", "",
           f"# {text['title']} {{#timeline}}", "", text["intro"], "",
           f'<p class="timeline-legend"><span class="timeline-legend__title">{text["legend"]}:'
           "</span> " + " ".join(f'<span class="timeline-legend__item timeline--{c}">'
                                 f"{names[c]}</span>" for c in used) + "</p>", "",
           '<ol class="timeline" markdown>']
    sections = getattr(usage, "sections", {}) or {}
    for event in ledger.events:
        when = escape(format_event_date(event.date, lang))
        datetime = event.date if ISO_RE.match(event.date) else ""
        time = (f'<time datetime="{datetime}">{when}</time>' if datetime else
                f"<time>{when}</time>")
        cites = "".join(f"{{{{ cite:{ref.id} | {ref.locator} }}}}" if ref.locator else
                        f"{{{{ cite:{ref.id} }}}}" for ref in event.sources)
        flag = (f' <small class="fact-flag fact-flag--unsourced">({text["unsourced"]})</small>'
                if event.unsourced else "")
        parts = [f'<li class="timeline__event timeline--{event.category}" '
                 f'id="event-{event.id}" markdown="span">',
                 f'<span class="timeline__when">{time} '
                 f'<span class="timeline__category">{names[event.category]}</span></span>',
                 f'<span class="timeline__title">{escape(tr(event.title, lang))}{flag}'
                 f"{cites}</span>"]
        if event.note:
            parts.append(f'<span class="timeline__note">{escape(tr(event.note, lang))}</span>')
        if event.facts:
            facts = "; ".join(f"{escape(tr(ledger.facts[f].label, lang))}: {{{{ fact:{f} }}}}"
                              for f in event.facts if f in ledger.facts)
            parts.append(f'<span class="timeline__facts">{text["numbers"]}: {facts}</span>')
        links = []
        for target in event.sections:
            base, _, anchor = target.partition("#")
            page_title, section_title = sections.get(target, (base, ""))
            label = page_title + (f" › {section_title}" if section_title else "")
            links.append(f"[{escape(label)}]({relative(base, page)}"
                         f"{'#' + anchor if anchor else ''})")
        parts.append(f'<span class="timeline__sections">{text["discussed"]}: '
                     f"{', '.join(links)}</span>")
        parts.append("</li>")
        out.append("\n".join(parts))
    out += ["</ol>", ""]
    return "\n".join(out) + "\n"
