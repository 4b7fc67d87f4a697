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
from .yamlfile import load_yaml


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

    def yaml(self, rel: str, declare: str = "") -> Any:
        """The parsed YAML of `rel` ('data/facts.yml'); with `declare`, remember the ids the file
        writes (valid or not) under that name, and that it is unreadable when it does not
        parse."""
        data = load_yaml(self.data_dir / rel.removeprefix("data/"), rel, self.problems)
        if declare:
            if data is None:
                self.unreadable.add(declare)
            self.declared[declare] = frozenset(
                str(e["id"]) for e in data if isinstance(e, dict) and e.get("id")
            ) if isinstance(data, list) else frozenset()
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
