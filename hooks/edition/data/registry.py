"""The registry of data files: each module of data/ that reads a file declares it as
`DATA_FILE = DataFile(...)`, and `data_files()` finds them all, in dependency order.

    DataFile("facts", "data/facts.yml", load, depends=("sources",), page="evidence/facts.md")

- `name`: the records' name on the Ledger (`ledger.records["facts"]`, `ledger.facts`);
- `load(loading)`: reads the file through `loading.yaml(...)`, appends every problem to
  `loading.problems` and returns the records; it reads the records it `depends` on in
  `loading.records`, and the ids written in any file with `loading.known(name)`;
- `gate`: the file is read only when every file before it loaded without problems (the audit's
  files: their checks would only repeat a problem of the records they check);
- `page`: the generated page made from it (its "edit this page" link opens this file).

Adding a data file is one module with its DATA_FILE (CONTRIBUTING.md, "Adding a data file").
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .problems import Problem
from .yamlfile import parse_yaml, read_text, written_ids


@dataclass(frozen=True)
class DataFile:
    name: str
    path: str
    load: Callable[[Loading], Any]
    depends: tuple[str, ...] = ()
    gate: bool = False
    page: str = ""


@dataclass
class Loading:
    """One load of data/ in progress: what the loaders read and where they report."""

    data_dir: Path
    languages: tuple[str, ...]
    problems: list[Problem] = field(default_factory=list)
    records: dict[str, Any] = field(default_factory=dict)
    declared: dict[str, frozenset[str]] = field(default_factory=dict)
    unreadable: set[str] = field(default_factory=set)

    def yaml(self, rel: str, declare: str = "", expect: str = "") -> Any:
        """The parsed YAML of `rel` ('data/facts.yml'); with `declare`, remember the ids the file
        writes (valid or not) under that name, and that it is unreadable when it does not
        parse. An empty file (nothing but comments) is a problem: `expect` says what it must
        hold, e.g. "a YAML list of facts ('- id: ...')".

        An entry that a misindented line folds into the entry before it (into a text block,
        say) disappears from the file's list without a syntax error, and every page naming it
        would be told it is unknown: the id is reported once, where it is written, and counted
        as declared so that those pages are not."""
        before = len(self.problems)
        text = read_text(self.data_dir / rel.removeprefix("data/"), rel, self.problems)
        data = None if text is None else parse_yaml(text, rel, self.problems)
        if data is None and len(self.problems) == before:
            self.problems.append(Problem(rel, 1, "the file is empty: it must hold "
                                         f"{expect or 'the data described at its top'}"))
        if declare:
            if data is None:
                self.unreadable.add(declare)
            declared = frozenset(
                str(e["id"]) for e in data if isinstance(e, dict) and e.get("id")
            ) if isinstance(data, list) else frozenset()
            lost = {} if data is None else {
                ident: line for ident, line in written_ids(text).items()
                if ident not in declared and not any(ident in ids
                                                     for ids in self.declared.values())}
            for ident, line in lost.items():
                self.problems.append(Problem(rel, line, (
                    f"'{ident}' is written here as an entry ('- id: {ident}') but is not read "
                    "as one: the line before it is probably misindented (each entry starts "
                    "with '- id:' at the start of the line, its fields indented under it)")))
            self.declared[declare] = declared | frozenset(lost)
        return data

    def known(self, name: str) -> frozenset[str] | None:
        """Every id of `name` written in data/, valid or not, or None when its file did not
        parse (then references to it are not checked, so one error is reported once)."""
        if name in self.unreadable:
            return None
        return self.declared.get(name, frozenset()) | set(self.records.get(name, ()))


def data_files() -> tuple[DataFile, ...]:
    """Every DataFile declared by a module of this package, each after what it depends on (and
    the gated ones after all others)."""
    found = {}
    for module in pkgutil.iter_modules([str(Path(__file__).parent)]):
        declared = getattr(importlib.import_module(f"{__package__}.{module.name}"),
                           "DATA_FILE", None)
        if declared is not None:
            found[declared.name] = declared
    ordered: list[DataFile] = []

    def visit(item: DataFile, path: tuple[str, ...] = ()) -> None:
        if item in ordered:
            return
        if item.name in path:
            raise RuntimeError(f"data files depend on each other in a cycle: {path}")
        for name in item.depends:
            visit(found[name], (*path, item.name))
        ordered.append(item)

    for item in sorted(found.values(), key=lambda f: (f.gate, f.name)):
        visit(item)
    return tuple(ordered)
