"""The Ledger: everything in data/, loaded once per build, validated, as one typed object.

`load(data_dir, languages)` reads every registered data file (data/registry.py) in dependency
order and returns `(ledger, problems)`: what is valid, and every problem located at file:line.
Nothing here knows about MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .problems import DataError, Problem
from .registry import Loading, data_files


@dataclass(frozen=True)
class Ledger:
    """Everything in data/, validated: the records of each data file by its registry name."""

    languages: tuple[str, ...]
    records: dict[str, Any] = field(default_factory=dict)
    # ids written in each file, valid or not: a page naming an invalid fact is not also told
    # that the fact is unknown
    declared: dict[str, frozenset[str]] = field(default_factory=dict)
    unreadable: frozenset[str] = frozenset()  # data files that did not parse at all

    @classmethod
    def of(cls, languages: tuple[str, ...] = ("en",), **records: Any) -> Ledger:
        """A ledger of the given records (tests: e.g. Ledger.of(facts={...}, sources={...}))."""
        return cls(tuple(languages), records)

    # what is computed from the records once, not once per page or marker (`cached`); the
    # records are never changed after loading (build/memo.py), so neither is this
    _cache: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    def cached(self, name, compute):
        """compute(), once per ledger (e.g. the ids of a data file, the facts' values)."""
        if name not in self._cache:
            self._cache[name] = compute()
        return self._cache[name]

    def known(self, name: str) -> frozenset[str] | None:
        """Every id of `name` written in data/, valid or not; None when its file did not parse
        (references to it are then not checked, so one YAML error is reported once)."""
        if name in self.unreadable:
            return None
        return self.cached(("known", name), lambda: self.declared.get(name, frozenset())
                           | frozenset(self.records.get(name, ())))

    # the records of the edition's data files, typed (data/<name>.py)
    @property
    def sources(self) -> dict:        # id -> sources.Source
        return self.records.get("sources", {})

    @property
    def facts(self) -> dict:          # id -> facts.Fact
        return self.records.get("facts", {})

    @property
    def tables(self) -> dict:         # id -> tables.Table
        return self.records.get("tables", {})

    @property
    def categories(self) -> tuple:    # categories.Category
        return self.records.get("categories", ())

    @property
    def charts(self) -> dict:         # id -> charts.Chart
        return self.records.get("charts", {})

    @property
    def events(self) -> tuple:        # events.Event, in date order
        return self.records.get("events", ())

    @property
    def figures(self) -> tuple:       # figures.Figure
        return self.records.get("figures", ())

    @property
    def footnotes(self) -> tuple:     # footnotes.Footnote
        return self.records.get("footnotes", ())

    @property
    def relations(self):              # relations.Relations
        from .relations import Relations

        return self.records.get("relations", Relations())

    @property
    def corrections(self) -> tuple:   # corrections.Correction
        return self.records.get("corrections", ())

    @property
    def changelog(self) -> tuple:     # changelog.Release, newest first
        return self.records.get("changelog", ())


def load(data_dir: Path, languages: tuple[str, ...] = ("en",), gated: bool = True
         ) -> tuple[Ledger, list[Problem]]:
    """Read and validate every data file: (the valid records, every problem). Without `gated`,
    the gated files (the audit's input, the errata, the changelog) are left out."""
    loading = Loading(Path(data_dir), tuple(languages))
    for data_file in data_files():
        if data_file.gate and (loading.problems or not gated):
            continue
        loading.records[data_file.name] = data_file.load(loading)
    ledger = Ledger(loading.languages, dict(loading.records), dict(loading.declared),
                    frozenset(loading.unreadable))
    return ledger, loading.problems


def load_ledger(data_dir: Path, languages: tuple[str, ...] = ("en",), gated: bool = True
                ) -> Ledger:
    """The ledger of data/, or DataError with every problem."""
    ledger, problems = load(data_dir, languages, gated)
    if problems:
        raise DataError(problems)
    return ledger
