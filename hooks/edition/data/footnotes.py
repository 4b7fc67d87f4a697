"""data/footnotes.yml: the article's footnotes as printed, in order, each with the source(s) it
refers to. The audit (checks/audit/) reads them: an "Ibid." that does not point back to one
source.

    - number: 7
      printed: "Ibid."
      section: core-values
      sources: [kalwar-2022]
"""

from __future__ import annotations

from dataclasses import dataclass

from .fields import Entry, list_of_entries
from .figures import SECTIONS, id_list
from .registry import DataFile, Loading

FILE = "data/footnotes.yml"


@dataclass(frozen=True)
class Footnote:
    number: int
    printed: str
    section: str
    sources: tuple[str, ...]
    line: int = 0


def parse_footnotes(data, rel, sources, problems, languages) -> tuple[Footnote, ...]:
    out = []
    for raw in list_of_entries(data, rel, "footnote", problems, "- ..."):
        entry = Entry(raw, rel, "footnote", problems, 1, languages)
        if not entry.ok:
            continue
        entry.name = f"footnote {raw.get('number')}"
        entry.only(("number", "printed", "section", "sources"))
        number = entry.number("number", required=True)
        if number is not None and (not isinstance(number, int) or number < 1):
            entry.fail(entry.line_of("number"), f"{entry.name}: 'number' must be a whole "
                       "number from 1")
        expected = len(out) + 1
        if isinstance(number, int) and number != expected and entry.ok:
            entry.fail(entry.line_of("number"), f"{entry.name}: footnotes are listed in order, "
                       f"so this one should be number {expected}")
        footnote = Footnote(number or 0, entry.text("printed", required=True),
                            entry.choice("section", SECTIONS, required=True),
                            id_list(entry, "sources", sources, "source", "data/sources.yml"),
                            entry.line)
        if not footnote.sources:
            entry.fail(entry.line, f"{entry.name}: list the source(s) it refers to in "
                       "'sources'")
        if entry.ok:
            out.append(footnote)
    return tuple(out)


def load(loading: Loading) -> tuple[Footnote, ...]:
    raw = loading.yaml(FILE, expect="a YAML list of footnotes ('- number: ...'), or []")
    return parse_footnotes(raw, FILE, loading.known("sources"),
                           loading.problems, loading.languages)


DATA_FILE = DataFile("footnotes", FILE, load, depends=("sources",), gate=True)
