"""The fields of data/ and how they are read: one declarative spec per data file.

Each data file's module (data/facts.py, ...) declares its YAML fields once, as a tuple of
`Field`s: the key, its kind, whether it is required, the values it allows and what it means.
`read(entry, FIELDS)` reads them all and returns {key: value}; `Entry.only(keys(FIELDS))`
reports a misspelt key. The kinds:

    id         a kebab-case id (`Entry.identifier`)
    text       one text, the same in every language (`Entry.text`)
    localized  {en: ..., id: ...}; with neutral=True a plain string may stand for every
               language, e.g. a unit such as "%" (`Entry.localized`)
    choice     one of `choices` (`Entry.choice`)
    number     a number, never a string (`Entry.number`)
    list       a list of texts or ids, e.g. other facts (`Entry.list`, as strings)
    refs       a list of sources, each an id or {id, locator} (`source_refs`)
    raw        kept as written (CSL fields, copied into the source's CSL-JSON item)
    custom     read by the file's own module (listed here so that it is an allowed key)

`Entry` turns every mistake into a located `Problem`, e.g.
`data/facts.yml:118: fact 'tb2-lost': 'value' must be a number, got '2 units' (...)`.
"""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass
from typing import Any

from ..locale.text import NEUTRAL, Text
from .problems import Problem, did_you_mean
from .yamlfile import LineDict

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KINDS = ("id", "text", "localized", "choice", "number", "list", "refs", "raw", "custom")


@dataclass(frozen=True)
class Field:
    """One YAML field of a data file's entries."""

    key: str
    kind: str = "text"
    required: bool = False
    choices: tuple[str, ...] = ()
    neutral: bool = False  # localized: a plain string may stand for every language
    help: str = ""

    def __post_init__(self):
        assert self.kind in KINDS, self.kind


def not_text(value: Any) -> str:
    """What is wrong with a value where text is expected ('' when it is text): a list or a
    mapping, a truth value (YAML 1.1 reads an unquoted yes, no, on, off, true or false as one),
    a number that is not finite, or nothing but spaces."""
    if isinstance(value, bool):
        return (f"must be text, got {str(value).lower()}: YAML reads an unquoted yes, no, on, "
                "off, true or false as a truth value; quote the text, e.g. 'yes'")
    if not isinstance(value, (str, int, float)):
        return f"must be text, got {value!r}"
    if isinstance(value, float) and not math.isfinite(value):
        return f"must be text, got {value!r} (quote it if it is text)"
    if isinstance(value, str) and not value.strip():
        return "is blank (only spaces): write the text, or leave the field out"
    return ""


ISO_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_problem(value: str) -> str:
    """What is wrong with a date written as a year, a year-month or a day ('2022', '2022-05',
    '2022-05-16'): '' when it is a real date of the calendar."""
    match = ISO_DATE_RE.match(value)
    if not match:
        return "is not a date: write a year '2022', a month '2022-05' or a day '2022-05-16'"
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is not None and not 1 <= month <= 12:
        return f"has no month {month:02d}: months run from 01 to 12"
    if day is not None:
        try:
            datetime.date(year, month, day)
        except ValueError:
            return f"is not a day of the calendar: {year}-{month:02d} has no day {day:02d}"
    return ""


def period_problem(value: str) -> str:
    """What is wrong with the date or period a number refers to: a date (date_problem) or two
    years 'YYYY/YYYY', the first no later than the second; '' when it is fine."""
    if "/" in value:
        start, _, end = value.partition("/")
        if not (re.fullmatch(r"\d{4}", start) and re.fullmatch(r"\d{4}", end)):
            return "is not a period: write two years, 'YYYY/YYYY', e.g. '2020/2024'"
        if int(start) > int(end):
            return f"ends before it starts: write '{end}/{start}'"
        return ""
    return date_problem(value)


def keys(fields: tuple[Field, ...]) -> tuple[str, ...]:
    return tuple(f.key for f in fields)


@dataclass(frozen=True)
class SourceRef:
    """A fact's or table's pointer to a source, with where in it (page, figure, footnote)."""

    id: str
    locator: str = ""


class Entry:
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
        return self.raw.line_of(key) if isinstance(self.raw, LineDict) else self.line

    def part(self, raw: Any, kind: str, line: int, allowed: tuple[str, ...]) -> Entry | None:
        """A mapping nested in this entry (a chart's panel, a panel's bar), reporting its
        problems as part of this entry ("chart 'x', bar: ..."); None, and this entry invalid,
        when it is not a mapping."""
        item = Entry(raw, self.rel, kind, self.problems, line, self.languages)
        if not item.ok:
            self.ok = False
            return None
        item.name = f"{self.name}, {kind}"
        item.only(allowed)
        return item

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
        wrong = not_text(value)
        if wrong:
            self.fail(self.line_of(key), f"{self.name}: '{key}' {wrong}")
            return default
        return str(value)

    def texts(self, key: str, required: bool = False) -> tuple[str, ...]:
        """A list of texts (a single text is a list of one)."""
        out = []
        for item in self.list(key, required=required):
            wrong = not_text(item)
            if wrong:
                self.fail(getattr(item, "line", self.line_of(key)),
                          f"{self.name}: each of '{key}' {wrong}")
            else:
                out.append(str(item))
        return tuple(out)

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
            wrong = not_text(value)
            if wrong:
                self.fail(line, f"{self.name}: '{key}' {wrong}")
                return {}
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
            elif not_text(text):
                self.fail(getattr(value, "line_of", lambda k: line)(lang),
                          f"{self.name}: '{key}.{lang}' {not_text(text)}")
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
        if not math.isfinite(value):
            self.fail(self.line_of(key), f"{self.name}: '{key}' must be a finite number, got "
                      f"{value!r} (YAML reads .nan and .inf as not-a-number and infinity; write "
                      "the number the article prints)")
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

    def items(self, key: str, what: str) -> list:
        """A required list that must hold at least one item (`what`: an example of one)."""
        value = self.list(key, required=True)
        if key in self.raw and self.raw.get(key) is not None and not value:
            self.fail(self.line_of(key), f"{self.name}: '{key}' is empty; it needs at least one "
                      f"{what}")
        return value

    def identifier(self) -> str:
        ident = self.text("id", required=True)
        if ident and not ID_RE.match(ident):
            self.fail(self.line_of("id"), f"{self.kind} id '{ident}' must be kebab-case "
                      "(lower-case letters, digits and single hyphens)")
        return ident


def list_of_entries(data: Any, rel: str, kind: str, problems: list[Problem],
                    example: str = "- id: ...") -> list:
    """The entries of a file that is a YAML list (an empty file has none)."""
    if data is None:
        return []
    if not isinstance(data, list):
        problems.append(Problem(rel, getattr(data, "line", 1),
                                f"the file must be a YAML list of {kind}s ('{example}')"))
        return []
    return data


def check_unique(ident: str, line: int, seen: dict[str, int], rel: str, kind: str,
                  problems: list[Problem]) -> bool:
    if ident in seen:
        problems.append(Problem(rel, line, f"duplicate {kind} id '{ident}' "
                                f"(first defined at {rel}:{seen[ident]}; rename one of them)"))
        return False
    seen[ident] = line
    return True


def source_refs(entry: Entry, key: str, sources, known=None) -> tuple[SourceRef, ...]:
    """A list of sources, each an id or {id, locator}; unknown ids are problems (`sources`: the
    valid sources by id; `known`: every source id written in data/sources.yml, valid or not: an
    invalid source is reported where it is written, not again by each of its references)."""
    refs = []
    for item in entry.list(key, required=True):
        if isinstance(item, str):
            item = {"id": item}
        if not isinstance(item, dict) or not item.get("id"):
            entry.fail(entry.line_of(key), f"{entry.name}: each of '{key}' needs an 'id' "
                       f"(and optionally a 'locator'), got {item!r}")
            continue
        line = getattr(item, "line", entry.line_of(key))
        sid = str(item["id"])
        if sid not in sources and known is not None and sid in known:
            refs.append(SourceRef(sid, str(item.get("locator", "") or "")))
            continue
        if sid not in sources:
            entry.fail(line, f"{entry.name}: unknown source '{sid}'"
                       f"{did_you_mean(sid, sources)} (sources are defined in data/sources.yml)")
            continue
        refs.append(SourceRef(sid, str(item.get("locator", "") or "")))
    return tuple(refs)


def recorded_date(entry: Entry, key: str) -> str:
    """A quoted ISO date (an erratum's or a release's), '' when it is not one."""
    value = entry.text(key, required=True)
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        if value:
            entry.fail(entry.line_of(key), f"{entry.name}: '{key}' is '{value}'; write the date "
                       "the entry was recorded as a quoted ISO date, e.g. \"2026-11-27\"")
        return ""
    return value


def raw_bool(raw: Any, key: str) -> bool:
    return bool(raw.get(key)) if isinstance(raw, dict) else False


def read_entries(data: Any, rel: str, kind: str, problems: list[Problem],
                 languages: tuple[str, ...], fields: tuple[Field, ...], sources=None,
                 known_sources=None):
    """Each entry of a file that is a YAML list, read by the file's field spec: (entry, values)
    for every entry that is a mapping, its misspelt keys already reported (read, below)."""
    for raw in list_of_entries(data, rel, kind, problems):
        entry = Entry(raw, rel, kind, problems, 1, languages)
        if not entry.ok:
            continue
        entry.only(keys(fields))
        yield entry, read(entry, fields, sources, known_sources)


def read(entry: Entry, fields: tuple[Field, ...], sources=None, known_sources=None
         ) -> dict[str, Any]:
    """Every field of one entry by key, read by its kind (see the module docstring); an
    absent optional field gives '', None, () or {} by kind. `sources`: the valid sources by id,
    and `known_sources` every source id written, for `refs` fields (source_refs)."""
    out: dict[str, Any] = {}
    for field in fields:
        key, required = field.key, field.required
        if field.kind == "id":
            out[key] = entry.identifier()
        elif field.kind == "text":
            out[key] = entry.text(key, required=required)
        elif field.kind == "localized":
            out[key] = entry.localized(key, required=required, neutral_ok=field.neutral)
        elif field.kind == "choice":
            out[key] = entry.choice(key, field.choices, required=required)
        elif field.kind == "number":
            out[key] = entry.number(key, required=required)
        elif field.kind == "list":
            out[key] = entry.texts(key, required=required)
        elif field.kind == "refs":
            out[key] = (source_refs(entry, key, sources or {}, known_sources)
                        if required or entry.raw.get(key) else ())
        elif field.kind == "raw":
            out[key] = entry.raw.get(key)
    return out
