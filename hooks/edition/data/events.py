"""data/events.yml: every dated event the article mentions (the Timeline page).

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

The sections named must exist (checked once the pages are scanned: checks/pages.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..locale.text import Text
from .fields import Field, SourceRef, check_unique, date_problem, read_entries
from .problems import Problem, did_you_mean
from .registry import DataFile, Loading

FILE = "data/events.yml"
EVENT_CATEGORIES = ("conflict", "ceasefire", "diplomacy", "cooperation", "political")
FIELDS = (
    Field("id", "id", required=True),
    Field("date", "text", required=True,
          help="as precise as the article: 1991, 1988-02, 2006-06-27 or 'late 1980s'"),
    Field("category", "choice", required=True, choices=EVENT_CATEGORIES),
    Field("title", "localized", required=True),
    Field("sources", "refs", required=True),
    Field("sourced_by", "text", required=True),
    Field("facts", "list", help="fact ids the article ties to the event"),
    Field("sections", "list", required=True, help="page.md#heading-id of each section"),
    Field("note", "localized"),
)
ISO_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
DECADE_RE = re.compile(r"^(?:(early|mid|late) )?(\d{3}0)s$")
DECADE_OFFSET = {"early": 1, "mid": 4, "late": 7, "": 0}


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
    """A year, a month, a real day of the calendar, or a decade ('late 1980s')."""
    if ISO_RE.match(date):
        return not date_problem(date)
    return bool(DECADE_RE.match(date))


def parse_events(data: Any, rel: str, sources: dict, fact_ids, problems: list[Problem],
                 languages: tuple[str, ...], known_sources=None) -> tuple[Event, ...]:
    """Validate data/events.yml; return its valid events in date order."""
    events, seen = [], {}
    for entry, values in read_entries(data, rel, "event", problems, languages, FIELDS, sources, known_sources):
        ident, date, refs = values["id"], values["date"], values["sources"]
        if date and ISO_RE.match(date) and date_problem(date):
            entry.fail(entry.line_of("date"), f"{entry.name}: 'date' {date!r} "
                       f"{date_problem(date)}")
        elif date and not date_valid(date):
            entry.fail(entry.line_of("date"), f"{entry.name}: 'date' is {date!r}; write it as "
                       "precisely as the article gives it: a year '1991', a month '1988-02', a "
                       "day '2006-06-27' or a decade such as 'late 1980s' (quote it)")
        sourced_by = values["sourced_by"]
        if entry.ok and not refs and sourced_by != "none":
            entry.fail(entry.line_of("sources"), f"{entry.name}: has no sources but "
                       f"'sourced_by' is '{sourced_by}' (an unsourced event says "
                       "sourced_by: none)")
        if entry.ok and refs and sourced_by == "none":
            entry.fail(entry.line_of("sourced_by"), f"{entry.name}: 'sourced_by' is none but "
                       "it lists sources (say how the article cites them, e.g. 'footnote 3')")
        for fact in values["facts"]:
            if fact_ids is not None and fact not in fact_ids:
                entry.fail(entry.line_of("facts"), f"{entry.name}: unknown fact '{fact}'"
                           f"{did_you_mean(fact, fact_ids)} (facts live in data/facts.yml)")
        if entry.ok and not values["sections"]:
            entry.fail(entry.line_of("sections"), f"{entry.name}: 'sections' is empty; name "
                       "the sections that discuss the event, e.g. [background.md#first-war]")
        event = Event(id=ident, line=entry.line, date=date, category=values["category"],
                      title=values["title"], sources=refs, sourced_by=sourced_by,
                      facts=values["facts"], sections=values["sections"],
                      note=values["note"] or None, sections_line=entry.line_of("sections"))
        if ident and check_unique(ident, entry.line, seen, rel, "event", problems) and entry.ok:
            events.append(event)
    return tuple(sorted(events, key=lambda e: e.sort_key))


def load(loading: Loading) -> tuple[Event, ...]:
    if not (loading.data_dir / "events.yml").exists():  # optional: no file, no events
        return ()
    raw = loading.yaml(FILE, expect="a YAML list of events ('- id: ...'), or []")
    if raw is None:
        return ()
    return parse_events(raw, FILE, loading.records["sources"], loading.known("facts"),
                        loading.problems, loading.languages, loading.known("sources"))


DATA_FILE = DataFile("events", FILE, load, depends=("sources", "facts"),
                     page="evidence/timeline.md")
