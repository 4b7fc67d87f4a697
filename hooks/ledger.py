"""Load and validate everything in data/ once per build: the Ledger.

Reads `data/sources.yml`, `data/facts.yml`, `data/categories.yml` and each table
`data/tables/ID.csv` with its metadata `data/tables/ID.yml`, and returns a frozen `Ledger`.
Every contributor mistake becomes a `Problem(file, line, message)`; all of a build's problems
are collected and raised together as one `DataError`, e.g.

    data/facts.yml:118: fact 'tb2-lost': 'value' must be a number, got '2 units'
    (write a bare number such as 2; the unit goes in 'unit')

Nothing here knows about MkDocs: it is plain Python, tested directly in tests/test_ledger.py.
"""

from __future__ import annotations

import ast
import csv
import difflib
import io
import operator
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CATEGORIES = ("core-values", "middle-range", "long-range", "background")
QUALIFIERS = ("about", "more-than", "less-than", "nearly", "projected")
STATUSES = ("as-stated", "derived", "inconsistent")
COLUMN_TYPES = ("text", "integer", "number", "year", "fact")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


# --------------------------------------------------------------------------- languages

# A human-language field is a mapping {language: text}; NEUTRAL marks text that reads the same in
# every language (a unit such as "%" or "km"), written in data/ as a plain string.
Text = dict
NEUTRAL = "*"


def tr(text: Text | str | None, lang: str) -> str:
    """The text of a field in one language ('' for an absent field)."""
    if not text:
        return ""
    if isinstance(text, str):
        return text
    return text.get(lang) or text.get(NEUTRAL) or text.get("en", "")


# --------------------------------------------------------------------------- problems


@dataclass(frozen=True, order=True)
class Problem:
    """One contributor mistake, located at file:line."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class DataError(Exception):
    """All problems found in one pass, reported together."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the site's data or pages:"
        super().__init__("\n".join([head, *(f"  {p}" for p in self.problems)]))


def did_you_mean(value: str, choices) -> str:
    """' (did you mean 'x'?)' for the closest choice, or ''."""
    close = difflib.get_close_matches(str(value), list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


# --------------------------------------------------------------------------- YAML with lines


class _LineDict(dict):
    """A mapping that remembers the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _LineLoader(yaml.SafeLoader):
    """SafeLoader whose mappings carry line numbers and reject duplicate keys."""

    duplicate_keys: list


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _LineDict:
    loader.flatten_mapping(node)
    result = _LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            loader.duplicate_keys.append((key_node.start_mark.line + 1, key))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _line_constructors(loader_class: type) -> type:
    loader_class.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                                 _construct_mapping)
    # Keep dates as the strings the contributor typed: the ledger prints them, never computes.
    loader_class.add_constructor("tag:yaml.org,2002:timestamp",
                                 yaml.SafeLoader.construct_yaml_str)
    return loader_class


_line_constructors(_LineLoader)
# The same loader on libyaml's parser (about ten times faster), when PyYAML was built with it.
# The two parsers disagree on a few rare constructs, where libyaml accepts what PyYAML rejects
# (or reads it otherwise): tabs, '?' (inside flow collections), '!' tags, a byte-order mark
# after the start, a comment right after a block scalar's '|' or '>', '%' directives. A file
# with any of those characters goes to the pure-Python loader, as does a file libyaml cannot
# parse (which then words the error), so what a file means, and the message and line of every
# problem, do not depend on how PyYAML was installed (tests/test_build_speed.py compares them).
_FastLineLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):
    _FastLineLoader = _line_constructors(type("_FastLineLoader", (yaml.CSafeLoader,), {
        "__doc__": "_LineLoader on libyaml's parser.", "duplicate_keys": None}))
_LIBYAML_DIFFERS = re.compile(r"[\t?!\ufeff]|[|>][-+0-9]*#|^%", re.MULTILINE)


def _parse(text: str, loader_class: type) -> tuple[Any, list]:
    """(data, [(line, key) of each duplicate key])."""
    loader = loader_class(text)
    loader.duplicate_keys = []
    try:
        return loader.get_single_data(), loader.duplicate_keys
    finally:
        loader.dispose()


YAML_THINGS = {"flow sequence": "list in [ ]", "flow mapping": "mapping in { }",
               "quoted scalar": "quoted text"}


def yaml_error(err: yaml.MarkedYAMLError) -> tuple[int, str]:
    """(line, message) for a YAML syntax error. A bracket or quote left open is noticed lines
    later: the message points at the line where it opened, and says where it was noticed."""
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark else 1
    what = f"{err.context + ', ' if err.context else ''}{err.problem}"
    if (err.context and err.context_mark and err.problem_mark
            and err.context_mark.line != err.problem_mark.line):
        thing = re.sub(r"^while (?:parsing|scanning) (?:an? )?", "", err.context)
        what = (f"the {YAML_THINGS.get(thing, thing)} that starts here is not closed "
                f"({err.problem} on line {line})")
        line = err.context_mark.line + 1
    return line, (f"YAML syntax error: {what} (check the indentation, close brackets and "
                  "quotes, and quote values containing ': ' or '#')")


def load_yaml(path: Path, rel: str, problems: list[Problem]) -> Any:
    """Parse one YAML file; syntax errors and duplicate keys become problems."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(Problem(rel, 1, "file is missing (create it, or restore it from git)"))
        return None
    parsed = None
    if _FastLineLoader is not None and not _LIBYAML_DIFFERS.search(text):
        try:
            parsed = _parse(text, _FastLineLoader)
        except Exception:  # noqa: BLE001 (the pure-Python loader below reports it, or not)
            parsed = None
    if parsed is None:
        try:
            parsed = _parse(text, _LineLoader)
        except yaml.MarkedYAMLError as err:
            problems.append(Problem(rel, *yaml_error(err)))
            return None
    data, duplicate_keys = parsed
    for line, key in duplicate_keys:
        problems.append(Problem(rel, line, f"duplicate key '{key}' in one entry (keep one of them)"))
    return data


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class SourceRef:
    """A fact's or table's pointer to a source, with where in it (page, figure, footnote)."""

    id: str
    locator: str = ""


@dataclass(frozen=True)
class Source:
    """One work the article relies on, in CSL fields (see data/sources.yml)."""

    id: str
    line: int
    csl: dict  # the CSL-JSON item (id, type, author, issued, title, URL, ...)
    in_bibliography: bool
    cited_as: tuple[str, ...]
    printed: tuple[str, ...]
    note: Text | None


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


@dataclass(frozen=True)
class Category:
    id: str
    title: Text
    page: str
    interests: tuple[Text, ...]
    key_facts: tuple[str, ...]


@dataclass(frozen=True)
class Ledger:
    """Everything in data/, validated."""

    languages: tuple[str, ...]
    sources: dict[str, Source]
    facts: dict[str, Fact]
    tables: dict[str, Table]
    categories: tuple[Category, ...]
    # Ids written in data/, valid or not: pages naming an invalid fact are not told it is unknown.
    declared_facts: frozenset[str] = frozenset()
    declared_sources: frozenset[str] = frozenset()
    unreadable: frozenset[str] = frozenset()  # data files that did not parse at all
    declared_tables: frozenset[str] = frozenset()
    charts: dict = field(default_factory=dict)  # data/charts.yml (hooks/charts.py)
    events: tuple = ()                          # data/events.yml (hooks/timeline.py)


# --------------------------------------------------------------------------- field checks


class _Entry:
    """Reads fields of one YAML mapping, turning every mistake into a located problem."""

    def __init__(self, raw: Any, rel: str, kind: str, problems: list[Problem], line: int,
                 languages: tuple[str, ...] = ("en",)):
        self.rel, self.kind, self.problems, self.languages = rel, kind, problems, languages
        self.ok = isinstance(raw, dict)
        self.raw = raw if self.ok else {}
        self.line = getattr(raw, "line", line)
        self.name = f"{kind} '{self.raw.get('id')}'" if self.ok and self.raw.get("id") else kind
        if not self.ok:
            self.fail(self.line, f"each {kind} must be a mapping of fields, got {raw!r}")

    def fail(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.rel, line, message))
        self.ok = False

    def line_of(self, key: str) -> int:
        return self.raw.line_of(key) if isinstance(self.raw, _LineDict) else self.line

    def only(self, allowed: tuple[str, ...]) -> None:
        """A misspelt field name would otherwise be dropped silently."""
        for key in self.raw:
            if key not in allowed:
                self.fail(self.line_of(key), f"{self.name}: unknown field '{key}'"
                          f"{did_you_mean(key, allowed)} (fields: {', '.join(allowed)})")

    def text(self, key: str, required: bool = False, default: str = "") -> str:
        value = self.raw.get(key)
        if value is None or value == "":
            if required:
                self.fail(self.line, f"{self.name}: missing required field '{key}'")
            return default
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            self.fail(self.line_of(key), f"{self.name}: '{key}' must be text, got {value!r}")
            return default
        return str(value)

    def localized(self, key: str, required: bool = False, neutral_ok: bool = False,
                  value: Any = None, line: int | None = None) -> Text:
        """A human-language field: {en: ..., id: ...} with every build language present.

        A plain string is accepted where it reads the same in every language (`neutral_ok`,
        e.g. a unit such as '%'), or when the site is built in one language only.
        """
        value = self.raw.get(key) if value is None else value
        line = self.line_of(key) if line is None else line
        if value is None or value == "":
            if required:
                self.fail(self.line, f"{self.name}: missing required field '{key}'")
            return {}
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            if neutral_ok or self.languages == ("en",):
                return {NEUTRAL: str(value)}
            example = ", ".join(f"{lang}: ..." for lang in self.languages)
            self.fail(line, f"{self.name}: '{key}' must be given in every language, got one "
                      f"text {str(value)[:40]!r}; write '{key}: {{{example}}}'")
            return {}
        if not isinstance(value, dict):
            self.fail(line, f"{self.name}: '{key}' must be text or a mapping of languages to "
                      f"text, got {value!r}")
            return {}
        out = {}
        for lang, text in value.items():
            if lang not in self.languages:
                self.fail(getattr(value, "line_of", lambda k: line)(lang),
                          f"{self.name}: '{key}' has a text in unknown language '{lang}'"
                          f"{did_you_mean(lang, self.languages)} (languages: "
                          f"{', '.join(self.languages)})")
            elif not isinstance(text, (str, int, float)) or text == "":
                self.fail(getattr(value, "line_of", lambda k: line)(lang),
                          f"{self.name}: '{key}.{lang}' must be non-empty text")
            else:
                out[lang] = str(text)
        for lang in self.languages:
            if lang not in value:
                self.fail(line, f"{self.name}: '{key}' is missing its '{lang}' translation "
                          f"(add '{lang}: ...' under '{key}')")
        return out

    def choice(self, key: str, choices: tuple[str, ...], required: bool = False) -> str:
        value = self.text(key, required=required)
        if value and value not in choices:
            self.fail(self.line_of(key), f"{self.name}: '{key}' is '{value}', not one of "
                      f"{', '.join(choices)}{did_you_mean(value, choices)}")
        return value

    def number(self, key: str, required: bool = False) -> float | int | None:
        value = self.raw.get(key)
        if value is None:
            if required:
                self.fail(self.line, f"{self.name}: missing required field '{key}'")
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(self.line_of(key), f"{self.name}: '{key}' must be a number, got {value!r} "
                      "(write a bare number with a decimal point, e.g. 87.5; "
                      "the unit goes in 'unit' and 'about'/'more than' in 'qualifier')")
            return None
        return value

    def list(self, key: str, required: bool = False) -> list:
        value = self.raw.get(key)
        if value is None:
            if required:
                self.fail(self.line, f"{self.name}: missing required field '{key}' "
                          "(use [] for an empty list)")
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.fail(self.line_of(key), f"{self.name}: '{key}' must be a list, got {value!r}")
            return []
        return value

    def identifier(self) -> str:
        ident = self.text("id", required=True)
        if ident and not ID_RE.match(ident):
            self.fail(self.line_of("id"), f"{self.kind} id '{ident}' must be kebab-case "
                      "(lower-case letters, digits and single hyphens)")
        return ident


def _list_of_entries(data: Any, rel: str, kind: str, problems: list[Problem]) -> list:
    if data is None:
        return []
    if not isinstance(data, list):
        problems.append(Problem(rel, getattr(data, "line", 1),
                                f"the file must be a YAML list of {kind}s ('- id: ...')"))
        return []
    return data


def _check_unique(ident: str, line: int, seen: dict[str, int], rel: str, kind: str,
                  problems: list[Problem]) -> bool:
    if ident in seen:
        problems.append(Problem(rel, line, f"duplicate {kind} id '{ident}' "
                                f"(first defined at {rel}:{seen[ident]}; rename one of them)"))
        return False
    seen[ident] = line
    return True


# --------------------------------------------------------------------------- sources


CSL_FIELDS = ("type", "author", "issued", "submitted", "title", "container-title", "publisher",
              "publisher-place", "volume", "issue", "page", "URL", "accessed", "DOI", "language")
SOURCE_FIELDS = ("id", *CSL_FIELDS, "in_bibliography", "cited_as", "printed", "note")
FACT_FIELDS = ("id", "value", "unit", "qualifier", "date", "label", "category", "sources",
               "sourced_by", "status", "formula", "precision", "conflicts_with", "note")
TABLE_FIELDS = ("title", "source", "additional_sources", "caption_note", "columns",
                "translations")
COLUMN_FIELDS = ("name", "title", "type", "unit", "description", "translate")
CATEGORY_FIELDS = ("id", "title", "page", "interests", "key_facts")


def _csl_date(value: Any) -> dict | None:
    """'2022', 2022 or '2022-05-16' -> CSL date {'date-parts': [[2022, 5, 16]]}."""
    if value in (None, ""):
        return None
    parts = [int(p) for p in str(value).split("-") if p.isdigit()]
    return {"date-parts": [parts]} if parts else {"literal": str(value)}


def _parse_sources(data: Any, rel: str, problems: list[Problem],
                   languages: tuple[str, ...]) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    seen: dict[str, int] = {}
    for raw in _list_of_entries(data, rel, "source", problems):
        entry = _Entry(raw, rel, "source", problems, 1, languages)
        if not entry.ok:
            continue
        ident = entry.identifier()
        entry.only(SOURCE_FIELDS)
        entry.text("type", required=True)
        if not any(raw.get(k) for k in ("title", "container-title", "author")):
            entry.fail(entry.line, f"{entry.name}: needs at least one of 'title', "
                       "'container-title' or 'author' (as the article prints it)")
        cited_as = tuple(str(c) for c in entry.list("cited_as", required=True))
        printed = tuple(str(p) for p in entry.list("printed"))
        in_bib = raw.get("in_bibliography")
        if not isinstance(in_bib, bool):
            entry.fail(entry.line_of("in_bibliography") if in_bib is not None else entry.line,
                       f"{entry.name}: 'in_bibliography' must be true or false")
        for key in ("issued", "accessed", "submitted"):
            value = raw.get(key)
            if value not in (None, "") and not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", str(value)):
                entry.fail(entry.line_of(key), f"{entry.name}: '{key}' must be a year or an "
                           f"ISO date like 2025-07-19, got {value!r}")
        if len(printed) > 1 and (len(printed) > 2 or in_bib is not True):
            entry.fail(entry.line_of("printed"), f"{entry.name}: 'printed' lists two texts only "
                       "for a source printed both in a footnote and in the bibliography (the "
                       "footnote first, then the bibliography; 'in_bibliography: true'), got "
                       f"{len(printed)} texts with in_bibliography: {str(in_bib).lower()}")
        url = raw.get("URL")
        if url and not re.match(r"^https?://\S+$", str(url)):
            entry.fail(entry.line_of("URL"), f"{entry.name}: 'URL' must start with http(s):// "
                       f"and contain no spaces, got {url!r}")
        if not ident or not _check_unique(ident, entry.line, seen, rel, "source", problems):
            continue
        csl: dict[str, Any] = {"id": ident}
        for key in CSL_FIELDS:
            if raw.get(key) not in (None, ""):
                csl[key] = raw[key]
        for key in ("issued", "accessed", "submitted"):
            if key in csl:
                csl[key] = _csl_date(csl[key])
        if "author" in csl:
            csl["author"] = [dict(a) if isinstance(a, dict) else {"literal": str(a)}
                             for a in csl["author"]]
        note = entry.localized("note")
        if note:
            csl["note"] = tr(note, "en")
        if entry.ok:
            sources[ident] = Source(ident, entry.line, csl, bool(in_bib), cited_as, printed,
                                    note or None)
    return sources


def _source_refs(entry: _Entry, key: str, sources: dict[str, Source]) -> tuple[SourceRef, ...]:
    refs = []
    raw_list = entry.raw.get(key)
    for item in entry.list(key, required=True):
        if isinstance(item, str):
            item = {"id": item}
        if not isinstance(item, dict) or not item.get("id"):
            entry.fail(entry.line_of(key), f"{entry.name}: each of '{key}' needs an 'id' "
                       f"(and optionally a 'locator'), got {item!r}")
            continue
        line = getattr(item, "line", entry.line_of(key))
        sid = str(item["id"])
        if sid not in sources:
            entry.fail(line, f"{entry.name}: unknown source '{sid}'"
                       f"{did_you_mean(sid, sources)} (sources are defined in data/sources.yml)")
            continue
        refs.append(SourceRef(sid, str(item.get("locator", "") or "")))
    del raw_list
    return tuple(refs)


# --------------------------------------------------------------------------- facts


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


def _parse_facts(data: Any, rel: str, sources: dict[str, Source],
                 problems: list[Problem], languages: tuple[str, ...]) -> dict[str, Fact]:
    drafts: dict[str, tuple[_Entry, dict]] = {}
    seen: dict[str, int] = {}
    for raw in _list_of_entries(data, rel, "fact", problems):
        entry = _Entry(raw, rel, "fact", problems, 1, languages)
        if not entry.ok:
            continue
        ident = entry.identifier()
        entry.only(FACT_FIELDS)
        fields = dict(
            value=entry.number("value", required=True),
            label=entry.localized("label", required=True),
            category=entry.choice("category", CATEGORIES, required=True),
            sources=_source_refs(entry, "sources", sources),
            sourced_by=entry.text("sourced_by", required=True),
            status=entry.choice("status", STATUSES, required=True),
            unit=entry.localized("unit", neutral_ok=True) or None,
            qualifier=entry.choice("qualifier", QUALIFIERS),
            date=entry.text("date"),
            formula=entry.text("formula"),
            precision=entry.number("precision"),
            conflicts_with=tuple(str(c) for c in entry.list("conflicts_with")),
            note=entry.localized("note") or None,
        )
        if entry.ok and not fields["sources"] and fields["sourced_by"] != "none":
            entry.fail(entry.line_of("sources"), f"{entry.name}: has no sources but 'sourced_by' "
                       f"is '{fields['sourced_by']}' (an unsourced number says sourced_by: none)")
        if entry.ok and fields["sources"] and fields["sourced_by"] == "none":
            entry.fail(entry.line_of("sourced_by"), f"{entry.name}: 'sourced_by' is none but it "
                       "lists sources (say how the article cites them, e.g. 'footnote 8')")
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
        if ident and _check_unique(ident, entry.line, seen, rel, "fact", problems) and entry.ok:
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


def _check_derived(entry: _Entry, fields: dict, values: dict, seen: dict) -> float | None:
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


# --------------------------------------------------------------------------- tables


def _parse_number(text: str) -> float | int | None:
    try:
        return int(text) if re.match(r"^-?\d+$", text) else float(text)
    except ValueError:
        return None


def _parse_table(meta_path: Path, data_dir: Path, sources: dict[str, Source],
                 fact_ids: set[str] | None, problems: list[Problem],
                 languages: tuple[str, ...]) -> Table | None:
    rel_meta = f"data/tables/{meta_path.name}"
    rel_csv = f"data/tables/{meta_path.stem}.csv"
    raw = load_yaml(meta_path, rel_meta, problems)
    if raw is None:
        return None
    entry = _Entry(raw, rel_meta, "table", problems, 1, languages)
    if not entry.ok:
        return None
    entry.name = f"table '{meta_path.stem}'"
    entry.only(TABLE_FIELDS)
    title = entry.localized("title", required=True)
    source_raw = raw.get("source")
    source = None
    if not isinstance(source_raw, dict) or not source_raw.get("id"):
        entry.fail(entry.line_of("source"), f"{entry.name}: needs 'source: {{id: ..., "
                   "locator: ...}}'")
    elif str(source_raw["id"]) not in sources:
        entry.fail(entry.line_of("source"), f"{entry.name}: unknown source '{source_raw['id']}'"
                   f"{did_you_mean(source_raw['id'], sources)}")
    else:
        source = SourceRef(str(source_raw["id"]), str(source_raw.get("locator", "") or ""))
    extra = _source_refs(entry, "additional_sources", sources) if raw.get(
        "additional_sources") else ()
    columns = []
    for col in entry.list("columns", required=True):
        col_entry = _Entry(col, rel_meta, "column", problems, entry.line_of("columns"),
                           languages)
        if not col_entry.ok:
            continue
        col_entry.only(COLUMN_FIELDS)
        columns.append(Column(
            name=col_entry.text("name", required=True),
            title=col_entry.localized("title", required=True),
            type=col_entry.choice("type", COLUMN_TYPES, required=True),
            unit=col_entry.localized("unit", neutral_ok=True) or None,
            description=col_entry.localized("description") or None,
            translate=raw_bool(col, "translate"),
        ))
    csv_path = data_dir / "tables" / f"{meta_path.stem}.csv"
    try:
        text = csv_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        entry.fail(entry.line, f"{entry.name}: its data file {rel_csv} is missing")
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
    names = [c.name for c in columns]
    if header != names:
        problems.append(Problem(rel_csv, 1, f"header {header} does not match the columns "
                                f"listed in {rel_meta}: {names}"))
        return None
    for number, row in enumerate(rows, start=2):
        if len(row) != len(header):
            problems.append(Problem(rel_csv, number, f"row has {len(row)} cells but the header "
                                    f"has {len(header)} (quote cells that contain commas)"))
            continue
        for column, cell in zip(columns, row):
            problem = _check_cell(column, cell.strip(), fact_ids)
            if problem:
                problems.append(Problem(rel_csv, number, problem))
    translations = _check_translations(entry, columns, rows, languages)
    if not entry.ok or source is None:
        return None
    return Table(meta_path.stem, title, (source, *extra), tuple(columns),
                 tuple(tuple(c.strip() for c in row) for row in rows), rel_csv,
                 entry.localized("caption_note") or None, translations)


def raw_bool(raw: Any, key: str) -> bool:
    return bool(raw.get(key)) if isinstance(raw, dict) else False


def _check_translations(entry: _Entry, columns: list[Column], rows: list,
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


# --------------------------------------------------------------------------- categories


def _parse_categories(data: Any, rel: str, fact_ids: set[str] | None,
                      problems: list[Problem], languages: tuple[str, ...]) -> tuple[Category, ...]:
    categories = []
    for raw in _list_of_entries(data, rel, "category", problems):
        entry = _Entry(raw, rel, "category", problems, 1, languages)
        if not entry.ok:
            continue
        ident = entry.choice("id", CATEGORIES, required=True)
        entry.only(CATEGORY_FIELDS)
        key_facts = tuple(str(f) for f in entry.list("key_facts", required=True))
        for fact in key_facts:
            if fact_ids is not None and fact not in fact_ids:
                entry.fail(entry.line_of("key_facts"), f"category '{ident}': unknown fact "
                           f"'{fact}'{did_you_mean(fact, fact_ids)}")
        interests = tuple(entry.localized("interests", value=item, line=getattr(
            item, "line", entry.line_of("interests"))) for item in entry.list(
            "interests", required=True))
        category = Category(ident, entry.localized("title", required=True),
                            entry.text("page", required=True), interests, key_facts)
        if entry.ok:
            categories.append(category)
    return tuple(categories)


# --------------------------------------------------------------------------- entry point


def _declared(raw: Any) -> frozenset[str]:
    return frozenset(str(e["id"]) for e in raw or [] if isinstance(e, dict) and e.get("id"))


def load_ledger(data_dir: Path, problems: list[Problem] | None = None,
                languages: tuple[str, ...] = ("en",)) -> Ledger:
    """Parse and validate all of data/.

    Without `problems`, raise DataError listing every problem; with it, append the problems
    there and return what is valid, so a build can report data and page problems together.
    """
    data_dir = Path(data_dir)
    collect = problems is not None
    problems = problems if collect else []
    sources_raw = load_yaml(data_dir / "sources.yml", "data/sources.yml", problems)
    sources = _parse_sources(sources_raw, "data/sources.yml", problems, languages)
    facts_raw = load_yaml(data_dir / "facts.yml", "data/facts.yml", problems)
    facts = _parse_facts(facts_raw, "data/facts.yml", sources, problems, languages)
    # Tables and categories may name any fact written in facts.yml, even an invalid one, so a
    # bad value is reported once, not again by every table that mentions it; when facts.yml
    # does not parse at all (None), their fact references are not checked.
    fact_ids = None if facts_raw is None else set(facts) | _declared(facts_raw)
    tables = {}
    for meta_path in sorted((data_dir / "tables").glob("*.yml")):
        table = _parse_table(meta_path, data_dir, sources, fact_ids, problems, languages)
        if table:
            tables[table.id] = table
    for csv_path in sorted((data_dir / "tables").glob("*.csv")):
        if not csv_path.with_suffix(".yml").exists():
            problems.append(Problem(f"data/tables/{csv_path.name}", 1, "table has no metadata "
                                    f"file (add data/tables/{csv_path.stem}.yml with title, "
                                    "source and columns)"))
    categories = _parse_categories(
        load_yaml(data_dir / "categories.yml", "data/categories.yml", problems),
        "data/categories.yml", fact_ids, problems, languages)
    from charts import load_charts  # charts and the timeline build on the records above
    from timeline import load_events

    charts = load_charts(data_dir, facts, fact_ids, tables, problems, languages)
    events = load_events(data_dir, sources, fact_ids, problems, languages)
    if problems and not collect:
        raise DataError(problems)
    unreadable = frozenset(name for name, raw in (("facts", facts_raw), ("sources", sources_raw),
                                                  ("charts", charts)) if raw is None)
    return Ledger(languages, sources, facts, tables, categories,
                  _declared(facts_raw) if isinstance(facts_raw, list) else frozenset(),
                  _declared(sources_raw) if isinstance(sources_raw, list) else frozenset(),
                  unreadable,
                  frozenset(p.stem for p in (data_dir / "tables").glob("*.yml")),
                  charts or {}, events)
