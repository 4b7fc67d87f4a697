"""data/audit.yml: what the article's text claims about its own numbers and tables, which the
audit (checks/audit/) checks:

    same_quantity:    facts that give one quantity (they must agree)
    change_claims:    a described change ("nearly doubled") and the numbers it describes
    table_readings:   the text's reading of a table (the row must show it)
"""

from __future__ import annotations

from dataclasses import dataclass

from .fields import Entry, list_of_entries
from .figures import id_list
from .problems import Problem, did_you_mean
from .registry import DataFile, Loading

FILE = "data/audit.yml"


@dataclass(frozen=True)
class Relations:
    same_quantity: tuple[dict, ...] = ()
    change_claims: tuple[dict, ...] = ()
    table_readings: tuple[dict, ...] = ()


def parse_relations(raw, rel, tables, facts, figures, problems, languages) -> Relations:
    if raw is None:
        return Relations()
    if not isinstance(raw, dict):
        problems.append(Problem(rel, 1, "the file must map same_quantity, change_claims and "
                                "table_readings to lists"))
        return Relations()
    for key in raw:
        if key not in ("same_quantity", "change_claims", "table_readings"):
            problems.append(Problem(rel, raw.line_of(key), f"unknown section '{key}'"
                                    f"{did_you_mean(key, ('same_quantity', 'change_claims', 'table_readings'))}"))
    same, changes, readings = [], [], []
    for item in list_of_entries(raw.get("same_quantity"), rel, "relation", problems, "- ..."):
        entry = Entry(item, rel, "same_quantity relation", problems, 1, languages)
        if not entry.ok:
            continue
        entry.only(("facts", "quantity"))
        ids = id_list(entry, "facts", facts, "fact", "data/facts.yml")
        if len(ids) < 2:
            entry.fail(entry.line_of("facts"), f"{entry.name}: name at least two facts")
        quantity = entry.localized("quantity", required=True)
        if entry.ok:
            same.append({"facts": ids, "quantity": quantity, "line": entry.line})
    for item in list_of_entries(raw.get("change_claims"), rel, "relation", problems, "- ..."):
        entry = Entry(item, rel, "change_claims relation", problems, 1, languages)
        if not entry.ok:
            continue
        entry.only(("claim", "from", "to", "printed"))
        fields = {}
        for key in ("claim", "from", "to"):
            value = entry.text(key, required=True)
            if value and facts is not None and value not in facts:
                entry.fail(entry.line_of(key), f"{entry.name}: unknown fact '{value}'"
                           f"{did_you_mean(value, facts)}")
            fields[key] = value
        fields["printed"] = entry.text("printed")
        if entry.ok:
            changes.append(fields | {"line": entry.line})
    for item in list_of_entries(raw.get("table_readings"), rel, "relation", problems, "- ..."):
        entry = Entry(item, rel, "table reading", problems, 1, languages)
        if not entry.ok:
            continue
        entry.only(("id", "table", "figure", "row", "columns", "contains", "equals_fact",
                    "printed", "claim"))
        ident = entry.identifier()
        table = tables.get(entry.text("table", required=True))
        if table is None and entry.raw.get("table"):
            entry.fail(entry.line_of("table"), f"{entry.name}: unknown table "
                       f"'{entry.raw['table']}'{did_you_mean(entry.raw['table'], tables)}")
        figure = entry.text("figure")
        if figure and figure not in figures:
            entry.fail(entry.line_of("figure"), f"{entry.name}: unknown figure '{figure}'"
                       f"{did_you_mean(figure, figures)} (figures live in data/figures.yml)")
        row = entry.raw.get("row")
        columns = [str(c) for c in entry.list("columns", required=True)]
        names = {c.name for c in table.columns} if table else set()
        if not (isinstance(row, dict) and len(row) == 1):
            entry.fail(entry.line_of("row"), f"{entry.name}: 'row' must be one "
                       "{column: value} pair that picks the row")
        elif table:
            columns_to_check = [*row, *columns]
            for column in columns_to_check:
                if column not in names:
                    entry.fail(entry.line_of("columns"), f"{entry.name}: table '{table.id}' "
                               f"has no column '{column}'{did_you_mean(column, names)}")
        contains, equals = entry.text("contains"), entry.text("equals_fact")
        if bool(contains) == bool(equals):
            entry.fail(entry.line, f"{entry.name}: give exactly one of 'contains' (a value "
                       "the row must show) or 'equals_fact' (a fact the cell must equal)")
        if equals and facts is not None and equals not in facts:
            entry.fail(entry.line_of("equals_fact"), f"{entry.name}: unknown fact '{equals}'"
                       f"{did_you_mean(equals, facts)}")
        if equals and len(columns) != 1:
            entry.fail(entry.line_of("columns"), f"{entry.name}: 'equals_fact' compares one "
                       "column; list exactly one")
        claim = entry.localized("claim", required=True)
        if entry.ok:
            readings.append({"id": ident, "table": table.id, "figure": figure,
                             "row": dict(row), "columns": tuple(columns), "contains": contains,
                             "equals_fact": equals, "printed": entry.text("printed"),
                             "claim": claim, "line": entry.line})
    return Relations(tuple(same), tuple(changes), tuple(readings))


def load(loading: Loading) -> Relations:
    figures = {f.id for f in loading.records["figures"]}
    raw = loading.yaml(FILE, expect="the sections same_quantity, change_claims and "
                       "table_readings")
    return parse_relations(raw, FILE, loading.records["tables"],
                           loading.known("facts"), figures, loading.problems, loading.languages)


DATA_FILE = DataFile("relations", FILE, load, depends=("facts", "tables", "figures"), gate=True)
