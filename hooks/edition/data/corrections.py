"""data/corrections.yml: the errata, as recorded by the edition's editors.

An entry either records a finding of the audit (checks/audit/), which supplies what was printed
and what is wrong, or is written in full:

    - finding: value-conflict-defence-exports-2024   # the audit's id
      status: confirmed                              # open | confirmed | fixed
      date: "2026-11-27"                             # when it was recorded
      evidence: {en: ..., id: ...}                   # optional
      guard: [{fact: defence-exports-2024, value: 6.7}]   # optional: fails if the data changes

    - id: northern-border                            # written in full
      about: article                                 # article | site
      group: statements                              # optional: the Errata page's heading
      title: {...}
      printed: {...}
      correction: {...}
      evidence: {...}
      status: confirmed
      date: "2026-11-27"

Here each entry is read and checked on its own; checks/errata.py merges the entries with the
audit's findings and checks the guards against the data.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..locale.text import Text
from .fields import Entry, Field, keys, read, recorded_date
from .problems import Problem, did_you_mean
from .registry import DataFile, Loading

FILE = "data/corrections.yml"
STATUSES = ("open", "confirmed", "fixed")
ABOUT = ("article", "site")
GROUPS = (  # (group id, audit kinds or manual 'about' values that belong to it)
    ("numbers", ("value-conflict", "change-claim", "table-reading", "figure-period")),
    ("figures", ("figure-number",)),
    ("statements", ()),  # a manual entry's `group: statements`: a claim in the text
    ("references", ("ibid", "not-in-bibliography", "printing", "article")),
    ("addresses", ("url",)),
    ("edition", ("site",)),
)
FINDING_FIELDS = (
    Field("finding", "text", required=True, help="the audit finding's id"),
    Field("status", "choice", required=True, choices=STATUSES),
    Field("date", "custom", required=True, help="the day it was recorded, a quoted ISO date"),
    Field("evidence", "localized"),
    Field("facts", "list", help="more facts it is about"),
    Field("sources", "list", help="more sources it is about"),
    Field("guard", "custom", help="[{fact: ID, value: N}] or [{source: ID, field: URL, value}]"),
)
MANUAL_FIELDS = (
    Field("id", "id", required=True),
    Field("about", "choice", required=True, choices=ABOUT),
    Field("group", "choice", choices=tuple(g for g, _ in GROUPS)),
    Field("title", "localized", required=True),
    Field("printed", "localized", required=True),
    Field("correction", "localized", required=True),
    Field("evidence", "localized", help="required: where the article or the site shows it"),
    Field("status", "choice", required=True, choices=STATUSES),
    Field("date", "custom", required=True),
    Field("facts", "list"),
    Field("sources", "list"),
    Field("guard", "custom"),
)


@dataclass(frozen=True)
class Guard:
    kind: str        # "fact" or "source"
    target: str      # fact or source id
    field: str       # "value" for facts, a CSL field for sources
    value: object
    line: int


@dataclass(frozen=True)
class Correction:
    """One entry of data/corrections.yml (a recorded finding, or an erratum in full)."""

    line: int
    status: str
    date: str
    evidence: Text | None = None
    facts: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    guards: tuple[Guard, ...] = ()
    finding: str = ""          # the audit finding it records ("" for an erratum in full)
    finding_line: int = 0
    id: str = ""               # an erratum in full: its id, where it is written, and its text
    id_line: int = 0
    about: str = ""
    group: str = ""
    title: Text | None = None
    printed: Text | None = None
    correction: Text | None = None


def group_of(kind_or_about: str) -> str:
    for group, members in GROUPS:
        if kind_or_about in members:
            return group
    return "references"


def _guards(entry: Entry, ids) -> tuple[Guard, ...]:
    """The guards of an entry (`ids`: the data loaded so far, a Loading or a Ledger)."""
    facts, sources = ids.known("facts") or frozenset(), ids.known("sources") or frozenset()
    raw = entry.raw.get("guard")
    if raw is None:
        return ()
    items = raw if isinstance(raw, list) else [raw]
    out = []
    for item in items:
        line = getattr(item, "line", entry.line_of("guard"))
        if not isinstance(item, dict) or "value" not in item or not (
                ("fact" in item) ^ ("source" in item)):
            entry.fail(line, f"{entry.name}: a guard is {{fact: ID, value: N}} or "
                       "{source: ID, field: URL, value: \"...\"}")
            continue
        if "fact" in item:
            target = str(item["fact"])
            if target not in facts:
                entry.fail(line, f"{entry.name}: guard names unknown fact '{target}'"
                           f"{did_you_mean(target, ids.records['facts'])}")
                continue
            out.append(Guard("fact", target, "value", item["value"], line))
        else:
            target = str(item["source"])
            if target not in sources:
                entry.fail(line, f"{entry.name}: guard names unknown source '{target}'"
                           f"{did_you_mean(target, ids.records['sources'])}")
                continue
            out.append(Guard("source", target, str(item.get("field", "URL")), item["value"],
                             line))
    return tuple(out)


def parse_corrections(raw, rel: str, ids, problems: list[Problem],
                      languages: tuple[str, ...]) -> tuple[Correction, ...]:
    """The entries of data/corrections.yml, each checked on its own and against the ids of the
    data loaded so far (`ids`: a Loading or a Ledger, with known(name) and records)."""
    facts, sources = ids.known("facts") or frozenset(), ids.known("sources") or frozenset()
    if raw is not None and not isinstance(raw, list):
        problems.append(Problem(rel, 1, "the file must be a YAML list of entries "
                                "('- finding: ...' or '- id: ...')"))
        raw = []
    out: list[Correction] = []
    recorded: dict[str, int] = {}
    seen: dict[str, int] = {}
    for item in raw or []:
        entry = Entry(item, rel, "erratum", problems, 1, languages)
        if not entry.ok:
            continue
        finding_id = entry.text("finding")
        if finding_id:
            entry.name = f"erratum '{finding_id}'"
            entry.only(keys(FINDING_FIELDS))
            if finding_id in recorded:
                entry.fail(entry.line_of("finding"), f"{entry.name}: recorded twice (also on "
                           f"line {recorded[finding_id]}); keep one entry")
            recorded.setdefault(finding_id, entry.line)
            values = read(entry, FINDING_FIELDS[1:])
            fields = dict(finding=finding_id, finding_line=entry.line_of("finding"))
            ident = finding_id
        else:
            entry.only(keys(MANUAL_FIELDS))
            values = read(entry, MANUAL_FIELDS)
            ident = values["id"]
            fields = dict(id=ident, id_line=entry.line_of("id"), about=values["about"],
                          group=values["group"] or group_of(values["about"]),
                          title=values["title"], printed=values["printed"],
                          correction=values["correction"])
            if not entry.raw.get("evidence"):
                entry.fail(entry.line, f"{entry.name}: give the 'evidence' (where the article "
                           "or the site shows the error)")
        for fact in values["facts"]:
            if fact not in facts:
                entry.fail(entry.line_of("facts"), f"{entry.name}: unknown fact '{fact}'"
                           f"{did_you_mean(fact, ids.records['facts'])}")
        for source in values["sources"]:
            if source not in sources:
                entry.fail(entry.line_of("sources"), f"{entry.name}: unknown source '{source}'"
                           f"{did_you_mean(source, ids.records['sources'])}")
        date = recorded_date(entry, "date")
        guards = _guards(entry, ids)
        if ident in seen:
            entry.fail(entry.line, f"{entry.name}: duplicate id (also on line {seen[ident]})")
        seen.setdefault(ident, entry.line)
        if entry.ok:
            out.append(Correction(line=entry.line, status=values["status"], date=date,
                                  evidence=values["evidence"] or None, facts=values["facts"],
                                  sources=values["sources"], guards=guards, **fields))
    return tuple(out)


def load(loading: Loading) -> tuple[Correction, ...]:
    raw = loading.yaml(FILE, expect="a YAML list of errata ('- finding: ...' or '- id: ...'), "
                       "or []")
    return parse_corrections(raw, FILE, loading, loading.problems,
                             loading.languages)


DATA_FILE = DataFile("corrections", FILE, load, depends=("facts", "sources"), gate=True,
                     page="evidence/errata.md")
