"""data/facts.yml: every number the article states, once, with its source and status.

    - id: tb2-fleet-held              # kebab-case, unique, never renamed
      value: 20                       # a bare number
      unit: {en: TB2 drones, id: drone TB2}
      qualifier: about
      date: "2020"
      label: {en: ..., id: ...}
      category: core-values
      sources: [{id: witt-2022, locator: figure 1.2 caption}]
      sourced_by: figure 1.2 caption  # how the article cites it, or "none"
      status: as-stated               # as-stated | derived | inconsistent

A derived fact gives a `formula` over other facts, recomputed at every build; an inconsistent
one names the facts it disagrees with and says how in `note` (CONTRIBUTING.md).
"""

from __future__ import annotations

import ast
import operator
import re
from dataclasses import dataclass
from typing import Any

from ..locale.text import Text
from .fields import (
    Entry,
    Field,
    SourceRef,
    check_unique,
    period_problem,
    read_entries,
)
from .problems import did_you_mean
from .registry import DataFile, Loading

FILE = "data/facts.yml"
CATEGORIES = ("core-values", "middle-range", "long-range", "background")
QUALIFIERS = ("about", "more-than", "less-than", "nearly", "projected")
STATUSES = ("as-stated", "derived", "inconsistent")
FIELDS = (
    Field("id", "id", required=True, help="kebab-case, unique, never renamed"),
    Field("value", "number", required=True, help="a bare number, as the article prints it"),
    Field("unit", "localized", neutral=True, help="after the number; omit for a pure count"),
    Field("qualifier", "choice", choices=QUALIFIERS),
    Field("date", "text", help="the date or period the number refers to"),
    Field("label", "localized", required=True, help="what the number counts"),
    Field("category", "choice", required=True, choices=CATEGORIES),
    Field("sources", "refs", required=True, help="[] when the article gives none"),
    Field("sourced_by", "text", required=True, help="how the article cites it, or 'none'"),
    Field("status", "choice", required=True, choices=STATUSES),
    Field("formula", "text", help="derived facts: a formula over fact ids"),
    Field("precision", "number", help="derived facts: the article's rounding"),
    Field("conflicts_with", "list", help="inconsistent facts: the facts it disagrees with"),
    Field("note", "localized", help="what was printed and what is wrong with it"),
)


@dataclass(frozen=True)
class Fact:
    """One number the article states."""

    id: str
    line: int
    value: float | int
    label: Text
    category: str
    sources: tuple[SourceRef, ...]
    sourced_by: str
    status: str
    unit: Text | None = None
    qualifier: str = ""
    date: str = ""
    formula: str = ""
    precision: float | None = None
    computed: float | None = None
    conflicts_with: tuple[str, ...] = ()
    note: Text | None = None

    @property
    def unsourced(self) -> bool:
        return not self.sources


_BINOPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
           ast.Div: operator.truediv}
_FORMULA_TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d+)?)|(?P<id>[a-z][a-z0-9]*(?:-[a-z0-9]+)*)"
                            r"|(?P<op>[-+*/()]))")


def formula_ids(formula: str) -> list[str]:
    """The fact ids a formula refers to, in order ('a-b - c' -> ['a-b', 'c'])."""
    ids, pos = [], 0
    while pos < len(formula.rstrip()):
        match = _FORMULA_TOKEN.match(formula, pos)
        if not match:
            raise ValueError(f"cannot read {formula[pos:].strip()!r}")
        if match.group("id"):
            ids.append(match.group("id"))
        pos = match.end()
    return ids


def evaluate_formula(formula: str, values: dict[str, float]) -> float:
    """Evaluate + - * / ( ) over numbers and fact ids (operators need spaces around '-')."""
    names: dict[str, str] = {}

    def substitute(match: re.Match) -> str:
        if match.group("id"):
            names.setdefault(match.group("id"), f"v{len(names)}")
            return f" {names[match.group('id')]} "
        return match.group(0)

    formula_ids(formula)  # raises on unreadable input
    tree = ast.parse(_FORMULA_TOKEN.sub(substitute, formula).strip(), mode="eval")
    env = {alias: values[name] for name, alias in names.items()}

    def walk(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.BinOp) and type(node.op) in _BINOPS:
            return _BINOPS[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -walk(node.operand)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.Name):
            return env[node.id]
        raise ValueError("only numbers, fact ids, + - * / and parentheses are allowed")

    return walk(tree)


def parse_facts(data: Any, rel: str, sources: dict, problems: list,
                languages: tuple[str, ...], known_sources=None) -> dict[str, Fact]:
    drafts: dict[str, tuple[Entry, dict]] = {}
    seen: dict[str, int] = {}
    for entry, fields in read_entries(data, rel, "fact", problems, languages, FIELDS, sources, known_sources):
        ident = fields.pop("id")
        fields["unit"] = fields["unit"] or None
        fields["note"] = fields["note"] or None
        if entry.ok and not fields["sources"] and fields["sourced_by"] != "none":
            entry.fail(entry.line_of("sources"), f"{entry.name}: has no sources but 'sourced_by' "
                       f"is '{fields['sourced_by']}' (an unsourced number says sourced_by: none)")
        if entry.ok and fields["sources"] and fields["sourced_by"] == "none":
            entry.fail(entry.line_of("sourced_by"), f"{entry.name}: 'sourced_by' is none but it "
                       "lists sources (say how the article cites them, e.g. 'footnote 8')")
        if fields["date"] and period_problem(fields["date"]):
            entry.fail(entry.line_of("date"), f"{entry.name}: 'date' {fields['date']!r} "
                       f"{period_problem(fields['date'])} (quote it)")
        if fields["status"] == "derived" and not fields["formula"]:
            entry.fail(entry.line, f"{entry.name}: a derived fact needs a 'formula' over other "
                       "fact ids, e.g. 'formula: tb2-fleet-active - tb2-lost'")
        if fields["status"] != "derived" and fields["formula"]:
            entry.fail(entry.line_of("formula"), f"{entry.name}: has a 'formula' but status "
                       f"'{fields['status']}' (set status: derived, or remove the formula)")
        if fields["status"] == "inconsistent" and (not fields["conflicts_with"]
                                                   or not fields["note"]):
            entry.fail(entry.line, f"{entry.name}: an inconsistent fact needs 'conflicts_with' "
                       "(the fact ids it disagrees with) and a 'note' saying what was printed")
        if ident and check_unique(ident, entry.line, seen, rel, "fact", problems) and entry.ok:
            drafts[ident] = (entry, fields)

    values = {ident: fields["value"] for ident, (_, fields) in drafts.items()}
    facts: dict[str, Fact] = {}
    for ident, (entry, fields) in drafts.items():
        for other in fields["conflicts_with"]:
            if other not in values and other not in seen:
                entry.fail(entry.line_of("conflicts_with"), f"{entry.name}: 'conflicts_with' "
                           f"names unknown fact '{other}'{did_you_mean(other, seen)}")
        computed = None
        if fields["formula"]:
            computed = _check_derived(entry, fields, values, seen)
        if entry.ok:
            facts[ident] = Fact(id=ident, line=entry.line, computed=computed, **fields)
    return facts


def _check_derived(entry: Entry, fields: dict, values: dict, seen: dict) -> float | None:
    formula = fields["formula"]
    line = entry.line_of("formula")
    try:
        ids = formula_ids(formula)
    except ValueError as err:
        entry.fail(line, f"{entry.name}: formula '{formula}': {err} (use fact ids, numbers, "
                   "+ - * / and parentheses, with spaces around '-')")
        return None
    unknown = [i for i in ids if i not in seen]
    if any(i not in values for i in ids):  # an invalid operand is reported on its own line
        entry.ok = entry.ok and not unknown
        if not unknown:
            return None
    for other in unknown:
        entry.fail(line, f"{entry.name}: formula uses unknown fact '{other}'"
                   f"{did_you_mean(other, seen)}")
    if unknown or entry.raw.get("id") in ids:
        if entry.raw.get("id") in ids:
            entry.fail(line, f"{entry.name}: formula refers to the fact itself")
        return None
    try:
        computed = evaluate_formula(formula, values)
    except (ValueError, SyntaxError, ZeroDivisionError) as err:
        entry.fail(line, f"{entry.name}: formula '{formula}' cannot be computed: {err}")
        return None
    precision = fields["precision"] if fields["precision"] is not None else 1
    if abs(computed - fields["value"]) > precision / 2 + 1e-9:
        entry.fail(line, f"{entry.name}: the article prints {fields['value']} but {formula} = "
                   f"{computed:g}, which differs by more than its rounding ({precision:g}); "
                   "fix the data, or mark the fact 'inconsistent' with a note")
    return computed


def load(loading: Loading) -> dict[str, Fact]:
    raw = loading.yaml(FILE, declare="facts",
                       expect="a YAML list of facts ('- id: ...')")
    return parse_facts(raw, FILE, loading.records["sources"], loading.problems,
                       loading.languages, loading.known("sources"))


DATA_FILE = DataFile("facts", FILE, load, depends=("sources",), page="evidence/facts.md")
