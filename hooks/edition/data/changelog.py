"""data/changelog.yml: what changed in the web edition, newest first, in every language (the
Changelog page, and CHANGELOG.md, its English text).

    - date: "2026-11-29"
      title: {en: ..., id: ...}
      changes:
        - {en: ..., id: ...}
"""

from __future__ import annotations

from dataclasses import dataclass

from ..locale.text import Text
from .fields import Entry, Field, keys, read, recorded_date
from .problems import Problem
from .registry import DataFile, Loading

FILE = "data/changelog.yml"
FIELDS = (
    Field("date", "custom", required=True, help="a quoted ISO date"),
    Field("title", "localized", required=True),
    Field("changes", "custom", required=True, help="a list of {en: ..., id: ...}"),
)


@dataclass(frozen=True)
class Release:
    date: str
    title: Text
    changes: tuple[Text, ...]
    line: int


def parse_changelog(raw, rel: str, problems: list[Problem],
                    languages: tuple[str, ...]) -> tuple[Release, ...]:
    out = []
    for item in raw or []:
        entry = Entry(item, rel, "release", problems, 1, languages)
        if not entry.ok:
            continue
        entry.only(keys(FIELDS))
        date = recorded_date(entry, "date")
        title = read(entry, FIELDS[1:2])["title"]
        changes = tuple(entry.localized("changes", value=change,
                                        line=getattr(change, "line", entry.line))
                        for change in entry.items("changes", "change ({en: ..., id: ...})"))
        if entry.ok:
            out.append(Release(date, title, changes, entry.line))
    dates = [r.date for r in out]
    if dates != sorted(dates, reverse=True):
        problems.append(Problem(rel, 1, "list releases newest first"))
    return tuple(out)


def load(loading: Loading) -> tuple[Release, ...]:
    raw = loading.yaml(FILE, expect="the releases of the site, newest first ('- date: ...')")
    return parse_changelog(raw, FILE, loading.problems, loading.languages)


DATA_FILE = DataFile("changelog", FILE, load, gate=True, page="about/changelog.md")
