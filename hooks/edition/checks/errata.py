"""Errata: the known errors in the article and in this edition, merged from the audit's findings
(checks/audit/) and the entries of data/corrections.yml (data/corrections.py).

- an entry `finding: ID` records an audit finding: the audit supplies what was printed and what
  is wrong; the entry adds the date it was recorded, its status, evidence and a guard;
- an entry `id: ID` is written in full;
- a finding without an entry is still listed (status from the audit, no date) and reported by
  `unrecorded_messages(...)` so the build asks for an entry; an entry whose finding the audit no
  longer reports is a problem (the data changed: review the entry);
- a guard ({fact: ID, value: N}, or {source: ID, field: URL, value: "..."}) is a problem as soon
  as the data it names no longer has that value (`check_guards`), so a corrected number cannot
  leave a stale erratum behind;
- a fact the audit finds in disagreement must say so (`check_statuses`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..data.corrections import Guard, group_of
from ..data.ledger import Ledger
from ..data.problems import Problem, did_you_mean
from ..locale.text import Text
from .audit import Finding

FILE = "data/corrections.yml"


@dataclass(frozen=True)
class Erratum:
    id: str
    about: str                 # "article" | "site"
    group: str                 # one of data.corrections.GROUPS
    title: Text
    printed: Text
    problem: Text
    status: str
    date: str = ""             # when it was recorded ("" for an unrecorded finding)
    evidence: Text | None = None
    facts: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    guards: tuple[Guard, ...] = ()
    finding: str = ""          # the audit finding it records, if any
    line: int = 0              # line in data/corrections.yml (0: not recorded there)


@dataclass(frozen=True)
class Errata:
    entries: tuple[Erratum, ...] = ()
    unrecorded: tuple[str, ...] = ()   # audit findings with no entry in corrections.yml

    # the entries by fact and by source, made once (a page of many facts asked for each)
    _index: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def _by(self, what: str) -> dict[str, tuple[Erratum, ...]]:
        if what not in self._index:
            index: dict[str, list[Erratum]] = {}
            for entry in self.entries:
                for ident in dict.fromkeys(getattr(entry, what)):
                    index.setdefault(ident, []).append(entry)
            self._index[what] = {k: tuple(v) for k, v in index.items()}
        return self._index[what]

    def for_fact(self, fact_id: str) -> tuple[Erratum, ...]:
        return self._by("facts").get(fact_id, ())

    def for_source(self, source_id: str) -> tuple[Erratum, ...]:
        return self._by("sources").get(source_id, ())


def merge_errata(ledger: Ledger, findings: list[Finding],
                 problems: list[Problem]) -> Errata:
    """The corrections of the ledger merged with the audit's findings; every entry that no
    longer matches the audit is a problem."""
    by_id = {f.id: f for f in findings}
    entries: list[Erratum] = []
    for entry in ledger.corrections:
        common = dict(status=entry.status, date=entry.date, evidence=entry.evidence,
                      guards=entry.guards, line=entry.line)
        if entry.finding:
            finding = by_id.get(entry.finding)
            if finding is None:
                problems.append(Problem(FILE, entry.finding_line, (
                    f"erratum '{entry.finding}': the audit no longer reports this finding"
                    f"{did_you_mean(entry.finding, by_id)}. The data it was about has changed: "
                    "if the article's error is gone from the record, remove this entry; if the "
                    "finding was renamed, use its new id")))
                continue
            entries.append(Erratum(
                id=finding.id, about="article", group=group_of(finding.kind),
                title=finding.title, printed=finding.printed, problem=finding.problem,
                facts=tuple(dict.fromkeys(finding.facts + entry.facts)),
                sources=tuple(dict.fromkeys(finding.sources + entry.sources)),
                finding=finding.id, **common))
        else:
            if entry.id in by_id:
                problems.append(Problem(FILE, entry.id_line, (
                    f"erratum '{entry.id}': '{entry.id}' is an audit finding; write "
                    f"'finding: {entry.id}' so it is not listed twice")))
                continue
            entries.append(Erratum(
                id=entry.id, about=entry.about, group=entry.group, title=entry.title,
                printed=entry.printed, problem=entry.correction, facts=entry.facts,
                sources=entry.sources, **common))
    recorded = {entry.finding for entry in ledger.corrections if entry.finding}
    unrecorded = tuple(f.id for f in findings if f.id not in recorded)
    for finding in findings:  # still shown, so the page never hides what the audit found
        if finding.id not in recorded:
            entries.append(Erratum(finding.id, "article", group_of(finding.kind), finding.title,
                                   finding.printed, finding.problem, finding.status,
                                   facts=finding.facts, sources=finding.sources,
                                   finding=finding.id))
    errata = Errata(tuple(entries), unrecorded)
    problems.extend(check_guards(errata, ledger))
    return errata


def check_guards(errata: Errata, ledger: Ledger) -> list[Problem]:
    """A guard fails when the data it names no longer has the value the erratum is about."""
    problems = []
    for erratum in errata.entries:
        for guard in erratum.guards:
            if guard.kind == "fact":
                fact = ledger.facts.get(guard.target)
                if fact is None:
                    continue  # an invalid fact is reported where it is written
                now, file = fact.value, "data/facts.yml"
                same = isinstance(guard.value, (int, float)) and abs(now - guard.value) < 1e-9
            else:
                source = ledger.sources.get(guard.target)
                if source is None:
                    continue
                now, file = source.csl.get(guard.field), "data/sources.yml"
                same = now == guard.value
            if not same:
                problems.append(Problem(
                    FILE, guard.line,
                    f"erratum '{erratum.id}' is about {guard.kind} '{guard.target}' with "
                    f"{guard.field} {guard.value!r}, but {file} now gives {now!r}. The erratum "
                    "may be stale: review it, then update its text and guard, or set its "
                    "status (fixed) and guard to the new value"))
    return problems


def unrecorded_messages(errata: Errata) -> list[str]:
    return [f"data/corrections.yml:1: the audit found '{ident}', which has no entry; add "
            f"'- finding: {ident}' with its status, date and evidence (see the Errata page)"
            for ident in errata.unrecorded]


def check_statuses(errata: Errata, ledger: Ledger) -> list[Problem]:
    """A fact the audit finds in disagreement with another must say so (status: inconsistent)."""
    problems = []
    for erratum in errata.entries:
        if not erratum.finding.startswith(("value-conflict-", "change-claim-")):
            continue
        for fact_id in erratum.facts[:1] if erratum.finding.startswith("change-claim-") \
                else erratum.facts:
            fact = ledger.facts.get(fact_id)
            if fact and fact.status != "inconsistent":
                problems.append(Problem("data/facts.yml", fact.line, f"fact '{fact.id}': the "
                                        f"audit finds it disagrees with the article's other "
                                        f"numbers ({erratum.id}), but its status is "
                                        f"'{fact.status}'; set status: inconsistent, with "
                                        "conflicts_with and a note"))
    return problems
