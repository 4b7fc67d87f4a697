"""data/tables/ID.csv with its metadata data/tables/ID.yml: the article's tables, cell by cell.

    # data/tables/tb2-fleet.yml
    title: {en: ..., id: ...}
    source: {id: witt-2022, locator: figure 1.2 caption}
    additional_sources: [...]        # optional
    caption_note: {en: ..., id: ...} # optional
    columns:
      - {name: year, title: {en: Year, id: Tahun}, type: year}
      - {name: held, title: {...}, type: fact}      # cells 'fact:ID'
    translations: {id: {English cell: terjemahan}}  # for columns with translate: true

Cells are kept as typed (a table prints '8.0', the edition too) and checked against their
column's type: text, integer, number, year or fact.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..locale.text import Text
from .fields import Entry, Field, SourceRef, keys, raw_bool, read
from .problems import Problem, did_you_mean
from .registry import DataFile, Loading
from .yamlfile import read_text

FOLDER = "data/tables"
COLUMN_TYPES = ("text", "integer", "number", "year", "fact")
FIELDS = (
    Field("title", "localized", required=True),
    Field("source", "custom", required=True, help="{id: ..., locator: ...}: the main source"),
    Field("additional_sources", "refs"),
    Field("caption_note", "localized"),
    Field("columns", "custom", required=True, help="one entry per CSV column, in order"),
    Field("translations", "custom", help="{language: {English cell: translation}}"),
)
COLUMN_FIELDS = (
    Field("name", "text", required=True, help="the CSV header of the column"),
    Field("title", "localized", required=True),
    Field("type", "choice", required=True, choices=COLUMN_TYPES),
    Field("unit", "localized", neutral=True),
    Field("description", "localized"),
    Field("translate", "custom", help="true: its cells are translated (translations:)"),
)


@dataclass(frozen=True)
class Column:
    name: str
    title: Text
    type: str
    unit: Text | None = None
    description: Text | None = None
    translate: bool = False


@dataclass(frozen=True)
class Table:
    """A table: metadata from ID.yml, rows from ID.csv (cells as typed, validated)."""

    id: str
    title: Text
    sources: tuple[SourceRef, ...]  # the first is the table's main source
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    csv_path: str
    note: Text | None = None
    translations: dict | None = None  # {lang: {English cell text: translated text}}

    def cell_text(self, column: Column, cell: str, lang: str) -> str:
        if column.translate and self.translations and lang in self.translations:
            return self.translations[lang].get(cell, cell)
        return cell

    def column_index(self, name: str) -> int:
        return [c.name for c in self.columns].index(name)


NUMBER_RE = re.compile(r"^-?\d+(?:\.\d+)?$")  # as printed: a point for decimals, no grouping


def _parse_number(text: str) -> float | int | None:
    if not NUMBER_RE.match(text):
        return None
    return int(text) if "." not in text else float(text)


def parse_table(meta_path: Path, raw: Any, data_dir: Path, sources: dict,
                fact_ids: set[str] | None, problems: list[Problem],
                languages: tuple[str, ...], known_sources=None) -> Table | None:
    rel_meta = f"{FOLDER}/{meta_path.name}"
    rel_csv = f"{FOLDER}/{meta_path.stem}.csv"
    entry = Entry(raw, rel_meta, "table", problems, 1, languages)
    if not entry.ok:
        return None
    entry.name = f"table '{meta_path.stem}'"
    entry.only(keys(FIELDS))
    values = read(entry, FIELDS, sources, known_sources)
    source_raw = raw.get("source")
    source = None
    if not isinstance(source_raw, dict) or not source_raw.get("id"):
        entry.fail(entry.line_of("source"), f"{entry.name}: needs 'source: {{id: ..., "
                   "locator: ...}}'")
    elif str(source_raw["id"]) not in sources and str(source_raw["id"]) in (known_sources or ()):
        source = SourceRef(str(source_raw["id"]), str(source_raw.get("locator", "") or ""))
    elif str(source_raw["id"]) not in sources:
        entry.fail(entry.line_of("source"), f"{entry.name}: unknown source '{source_raw['id']}'"
                   f"{did_you_mean(source_raw['id'], sources)}")
    else:
        source = SourceRef(str(source_raw["id"]), str(source_raw.get("locator", "") or ""))
    columns = []
    for col in entry.list("columns", required=True):
        col_entry = Entry(col, rel_meta, "column", problems, entry.line_of("columns"),
                          languages)
        if not col_entry.ok:
            continue
        col_entry.only(keys(COLUMN_FIELDS))
        column = read(col_entry, COLUMN_FIELDS)
        columns.append(Column(name=column["name"], title=column["title"], type=column["type"],
                              unit=column["unit"] or None,
                              description=column["description"] or None,
                              translate=raw_bool(col, "translate")))
    csv_path = data_dir / "tables" / f"{meta_path.stem}.csv"
    if not csv_path.exists():
        entry.fail(entry.line, f"{entry.name}: its data file {rel_csv} is missing")
        return None
    text = read_text(csv_path, rel_csv, problems)
    if text is None:
        return None
    try:
        records = list(csv.reader(io.StringIO(text), strict=True))
    except csv.Error as err:
        entry.fail(1, f"CSV syntax error in {rel_csv}: {err}")
        return None
    if not records:
        problems.append(Problem(rel_csv, 1, "the CSV is empty (it needs a header row)"))
        return None
    header, rows = records[0], records[1:]
    if not rows:
        problems.append(Problem(rel_csv, 1, "the CSV has a header but no rows (add the "
                                "table's rows as the article prints them)"))
        return None
    names = [c.name for c in columns]
    if header != names:
        problems.append(Problem(rel_csv, 1, f"header {header} does not match the columns "
                                f"listed in {rel_meta}: {names}"))
        return None
    before = len(problems)
    for number, row in enumerate(rows, start=2):
        if len(row) != len(header):
            problems.append(Problem(rel_csv, number, f"row has {len(row)} cells but the header "
                                    f"has {len(header)} (quote cells that contain commas)"))
            continue
        for column, cell in zip(columns, row):
            problem = _check_cell(column, cell.strip(), fact_ids)
            if cell and not cell.strip():
                problem = (f"column '{column.name}': the cell holds only spaces; leave it empty "
                           "(shown as —) or write its value")
            if problem:
                problems.append(Problem(rel_csv, number, problem))
    translations = _check_translations(entry, columns, rows, languages)
    if not entry.ok or source is None or len(problems) > before:  # a bad row: no table
        return None
    return Table(meta_path.stem, values["title"], (source, *values["additional_sources"]),
                 tuple(columns), tuple(tuple(c.strip() for c in row) for row in rows), rel_csv,
                 values["caption_note"] or None, translations)


def _check_translations(entry: Entry, columns: list[Column], rows: list,
                        languages: tuple[str, ...]) -> dict:
    """Cells of `translate: true` columns need a translation into every other language."""
    raw = entry.raw.get("translations") or {}
    if not isinstance(raw, dict):
        entry.fail(entry.line_of("translations"), f"{entry.name}: 'translations' must map a "
                   "language to {English cell: translation}")
        return {}
    out = {}
    for lang in languages:
        if lang == "en":
            continue
        mapping = raw.get(lang) or {}
        out[lang] = {str(k): str(v) for k, v in mapping.items()} if isinstance(mapping,
                                                                               dict) else {}
        for index, column in enumerate(columns):
            if not column.translate:
                continue
            for number, row in enumerate(rows, start=2):
                cell = row[index].strip() if index < len(row) else ""
                if cell and cell not in out[lang]:
                    entry.fail(entry.line_of("translations"), f"{entry.name}: no '{lang}' "
                               f"translation for cell {cell!r} (data/tables/"
                               f"{entry.rel.rsplit('/', 1)[-1].rsplit('.', 1)[0]}.csv:{number}, "
                               f"column '{column.name}'); add it under translations: {lang}:")
    return out


def _check_cell(column: Column, cell: str, fact_ids: set[str] | None) -> str:
    if cell == "" or column.type == "text":
        return ""
    if column.type == "fact":
        ref = cell.removeprefix("fact:")
        if not cell.startswith("fact:") or (fact_ids is not None and ref not in fact_ids):
            return (f"column '{column.name}': '{cell}' is not a known fact reference "
                    f"'fact:ID'{did_you_mean(ref, fact_ids or ())}")
        return ""
    if column.type == "year":
        if not re.fullmatch(r"\d{4}", cell):
            return (f"column '{column.name}' holds years, got '{cell}' (write four digits, "
                    "e.g. 2020)")
        return ""
    value = _parse_number(cell)
    if value is None or (column.type == "integer" and not isinstance(value, int)):
        return (f"column '{column.name}' holds {column.type}s, got '{cell}' "
                "(use a point for decimals, no thousands separators)")
    return ""


def load(loading: Loading) -> dict[str, Table]:
    folder = loading.data_dir / "tables"
    tables = {}
    for meta_path in sorted(folder.glob("*.yml")):
        raw = loading.yaml(f"{FOLDER}/{meta_path.name}",
                           expect="the table's title, source and columns")
        table = None if raw is None else parse_table(
            meta_path, raw, loading.data_dir, loading.records["sources"], loading.known("facts"),
            loading.problems, loading.languages, loading.known("sources"))
        if table:
            tables[table.id] = table
    for csv_path in sorted(folder.glob("*.csv")):
        if not csv_path.with_suffix(".yml").exists():
            loading.problems.append(Problem(f"{FOLDER}/{csv_path.name}", 1, "table has no metadata "
                                            f"file (add {FOLDER}/{csv_path.stem}.yml with title, "
                                            "source and columns)"))
    loading.declared["tables"] = frozenset(p.stem for p in folder.glob("*.yml"))
    return tables


DATA_FILE = DataFile("tables", f"{FOLDER}/*.yml", load, depends=("sources", "facts"))
