"""What changed between two builds of the edition, computed from their snapshots
(outputs/snapshot.py): facts added, removed or changed, errata added, settled or removed,
sources, tables and charts whose data changed, and the sections each change appears in.

One computation feeds three readers: `make diff` (build/diff.py, the report in
pages/changes.py), the notes an older release shows about what has changed since it (the
"changed since" page and its JSON, published by the latest release) and the Changelog's section
for each release. Nothing here is typed by hand: every line comes from the two snapshots.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# A fact's fields that a reader sees or a reviewer checks, in the report's order.
FACT_FIELDS = ("value", "unit", "qualifier", "date", "status", "sources", "label")
# An erratum's status moving to one of these settles it; back to 'open' reopens it.
SETTLED = ("confirmed", "fixed")
EDITION = ""  # the key of changes that belong to no section


@dataclass(frozen=True)
class RecordChange:
    """A fact, source, table or chart added, removed or changed."""

    id: str
    kind: str                                   # added | removed | changed
    fields: tuple[str, ...] = ()                # what changed (kind changed)
    old: dict = field(default_factory=dict)     # the record in the old snapshot
    new: dict = field(default_factory=dict)     # … in the new one

    @property
    def record(self) -> dict:
        return self.new or self.old

    @property
    def sections(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.old.get("sections", ())) | set(self.new.get("sections",
                                                                                 ()))))


@dataclass(frozen=True)
class FactChange(RecordChange):
    def text(self, lang: str) -> tuple[str, str]:
        """(old, new) as rendered in `lang` ('' where the fact does not exist)."""
        return (self.old.get("text", {}).get(lang, ""), self.new.get("text", {}).get(lang, ""))

    @property
    def corrected(self) -> bool:
        """The number a reader sees changed (value, unit or qualifier)."""
        return self.kind == "changed" and bool({"value", "unit", "qualifier"} & set(self.fields))


@dataclass(frozen=True)
class ErratumChange:
    id: str
    kind: str              # added | settled | reopened | status | removed
    old: dict = field(default_factory=dict)
    new: dict = field(default_factory=dict)

    @property
    def record(self) -> dict:
        return self.new or self.old


@dataclass(frozen=True)
class Changes:
    old: dict              # the old snapshot's version ({release, date, commit, label})
    new: dict
    facts: tuple[FactChange, ...] = ()
    errata: tuple[ErratumChange, ...] = ()
    sources: tuple[RecordChange, ...] = ()
    tables: tuple[RecordChange, ...] = ()
    charts: tuple[RecordChange, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.facts or self.errata or self.sources or self.tables or self.charts)


def _records(old: dict, new: dict, compare: tuple[str, ...], make) -> tuple:
    """Added, removed and changed records of two {id: record} maps, in id order within each
    kind (added first): `compare` names the fields compared; `make` is the change's class."""
    out = []
    for ident in sorted(new.keys() - old.keys()):
        out.append(make(ident, "added", (), {}, new[ident]))
    for ident in sorted(old.keys() - new.keys()):
        out.append(make(ident, "removed", (), old[ident], {}))
    for ident in sorted(old.keys() & new.keys()):
        fields = tuple(k for k in compare if old[ident].get(k) != new[ident].get(k))
        if fields:
            out.append(make(ident, "changed", fields, old[ident], new[ident]))
    return tuple(out)


def _erratum_changes(old: dict, new: dict) -> tuple[ErratumChange, ...]:
    out = [ErratumChange(i, "added", {}, new[i]) for i in sorted(new.keys() - old.keys())]
    for ident in sorted(old.keys() & new.keys()):
        before, after = old[ident]["status"], new[ident]["status"]
        if before == after:
            continue
        kind = ("settled" if after in SETTLED and (before == "open" or after == "fixed")
                else "reopened" if after == "open" else "status")
        out.append(ErratumChange(ident, kind, old[ident], new[ident]))
    out += [ErratumChange(i, "removed", old[i], {}) for i in sorted(old.keys() - new.keys())]
    return tuple(out)


def compare(old: dict, new: dict) -> Changes:
    """Everything that changed from snapshot `old` to snapshot `new`."""
    record = RecordChange
    return Changes(
        old.get("version", {}), new.get("version", {}),
        facts=_records(old.get("facts", {}), new.get("facts", {}), FACT_FIELDS, FactChange),
        errata=_erratum_changes(old.get("errata", {}), new.get("errata", {})),
        sources=_records(old.get("sources", {}), new.get("sources", {}), ("csl",), record),
        tables=_records(old.get("tables", {}), new.get("tables", {}), ("title", "data"), record),
        charts=_records(old.get("charts", {}), new.get("charts", {}), ("title", "data"), record))


def erratum_sections(change: ErratumChange, old: dict, new: dict) -> tuple[str, ...]:
    """The sections an erratum is about: where its facts appear, in either snapshot."""
    out: set[str] = set()
    for snap in (old, new):
        for fact_id in change.record.get("facts", ()):
            out.update(snap.get("facts", {}).get(fact_id, {}).get("sections", ()))
    return tuple(sorted(out))


def by_section(changes: Changes, old: dict, new: dict) -> dict[str, list]:
    """The changes a reader of a section is told about (each number corrected, added or
    removed, each erratum added, settled, reopened or removed), by section ('page.md#id', or
    'page.md'); EDITION ('') holds errata about no number. Sections in page order as the
    snapshots list them, changes in the order compare() gives."""
    out: dict[str, list] = {}
    for change in changes.facts:
        if change.kind == "changed" and not (set(change.fields) & {"value", "unit", "qualifier",
                                                                   "status"}):
            continue  # a label or a source locator: the number a reader sees is the same
        for section in change.sections:
            out.setdefault(section, []).append(change)
    for change in changes.errata:
        for section in erratum_sections(change, old, new) or (EDITION,):
            out.setdefault(section, []).append(change)
    return dict(sorted(out.items(), key=lambda item: section_order(item[0], old, new)))


def section_order(key: str, old: dict, new: dict) -> tuple:
    """Sort key of a section: the edition's changes last; pages, then headings, in reading
    order (the new snapshot's, else the old one's)."""
    page = key.split("#")[0]

    def order(kind: str, name: str) -> int:
        for snap in (new, old):
            if name in snap.get(kind, {}):
                return snap[kind][name].get("order", 0)
        return 1 << 30

    return (key == EDITION, order("pages", page), page, "#" in key,
            order("sections", key) if "#" in key else 0)
