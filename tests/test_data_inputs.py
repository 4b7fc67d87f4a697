"""Every bad input in data/ is one clear problem at file:line, naming the value, the rule and the
fix, never a traceback and never silent wrong output (data/: fields.py, registry.py and the
module of each file). Each case is one edit of a copy of the real data/, loaded in-process.
Property-based: any single edit of any data file gives records or located problems."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import LANGUAGES, ROOT
from edition.cite.bibtex import bibtex_url
from edition.data.ledger import load
from edition.locale.numbers import format_number


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("pristine") / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def loaded_with(tmp_path: Path, pristine: Path, path: str, old: str | None, new: str | bytes):
    """Problems of data/ with one edit: `old` replaced by `new` in `path` (the whole file when
    `old` is None)."""
    data = tmp_path / "data"
    shutil.copytree(pristine, data)
    target = data / path
    if old is None:
        target.write_bytes(new if isinstance(new, bytes) else new.encode("utf-8"))
    else:
        text = target.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {path}"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    _, problems = load(data, LANGUAGES)
    return [str(p) for p in problems]


def line_of(path: str, needle: str) -> int:
    for number, line in enumerate((ROOT / "data" / path).read_text().splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


CASES = [
    # (id, file, old, new, the one problem expected: (line of this text in the file, message))
    ("not-utf8", "facts.yml", None, b"- id: a\n  value: 1\xff\n",
     (2, "the file is not UTF-8 text: byte 0xff at column 11 cannot be read")),
    ("not-utf8-csv", "tables/tb2-fleet.csv", None, b"measure,value\nUsed\xe9,1\n",
     (2, "the file is not UTF-8 text: byte 0xe9")),
    ("nan", "facts.yml", "  value: 6.7\n", "  value: .nan\n",
     ("value: 6.7", "'value' must be a finite number, got nan")),
    ("inf", "facts.yml", "  value: 6.7\n", "  value: -.inf\n",
     ("value: 6.7", "'value' must be a finite number, got -inf")),
    ("impossible-day", "sources.yml", 'issued: "2025-10-15"', 'issued: "2025-02-30"',
     ('issued: "2025-10-15"', "'issued' '2025-02-30' is not a day of the calendar: 2025-02 has "
                              "no day 30")),
    ("impossible-month", "sources.yml", 'issued: "2025-10-15"', 'issued: "2022-13"',
     ('issued: "2025-10-15"', "'issued' '2022-13' has no month 13")),
    ("impossible-event-day", "events.yml", 'date: "2006-06-27"', 'date: "2006-02-30"',
     ('date: "2006-06-27"', "'date' '2006-02-30' is not a day of the calendar")),
    ("fact-date-month", "facts.yml", 'date: "2020-11"', 'date: "2020-13"',
     ('date: "2020-11"', "'date' '2020-13' has no month 13")),
    ("fact-period-backwards", "facts.yml", 'date: "2020/2024"', 'date: "2024/2020"',
     ('date: "2020/2024"', "'date' '2024/2020' ends before it starts: write '2020/2024'")),
    ("fact-date-words", "facts.yml", 'date: "2020-11"', 'date: "November 2020"',
     ('date: "2020-11"', "'date' 'November 2020' is not a date: write a year")),
    ("title-a-list", "sources.yml", "  title: The Turkish drone that changed the nature of warfare",
     "  title: [The Turkish drone]",
     ("title: The Turkish drone that", "'title' must be text, got ['The Turkish drone']")),
    ("author-a-string", "sources.yml", "  author:\n    - {family: Witt, given: S.}",
     "  author: Witt\n", (("{family: Witt, given: S.}", -1),  # the line above it
                           "'author' must be a list of names, got 'Witt'")),
    ("author-without-family", "sources.yml", "{family: Witt, given: S.}",
     "{given: Stephen}", ("{family: Witt, given: S.}", "an author needs a 'family' name")),
    ("yes-as-text", "facts.yml", "    en: Duration of the 2020 war", "    en: yes",
     ("en: Duration of the 2020 war", "'label.en' must be text, got true: YAML reads an unquoted "
                                      "yes, no, on, off, true or false as a truth value")),
    ("blank-label", "facts.yml", "    en: Duration of the 2020 war", "    en: '   '",
     ("en: Duration of the 2020 war", "'label.en' is blank (only spaces)")),
    ("blank-cell", "tables/tb2-fleet.csv", "Remaining active drones,", "   ,",
     ("Remaining active drones,", "the cell holds only spaces")),
    ("nan-cell", "tables/sipri-top25-2018-22.csv", "10,Israel,2.3,", "10,Israel,nan,",
     ("10,Israel,2.3,", "column 'share_2018_22' holds numbers, got 'nan'")),
    ("exponent-cell", "tables/sipri-top25-2018-22.csv", "10,Israel,2.3,", "10,Israel,2.3e0,",
     ("10,Israel,2.3,", "got '2.3e0' (use a point for decimals")),
    ("empty-facts", "facts.yml", None, "# nothing yet\n",
     (1, "the file is empty: it must hold a YAML list of facts ('- id: ...')")),
    ("empty-table", "tables/tb2-fleet.yml", None, "",
     (1, "the file is empty: it must hold the table's title, source and columns")),
    ("empty-changelog", "changelog.yml", None, "\n",
     (1, "the file is empty: it must hold the releases of the site, newest first")),
    ("page-a-script", "categories.yml", "page: core-values.md", "page: javascript:alert(1)",
     ("page: core-values.md", "'page' is 'javascript:alert(1)', not a page of the edition")),
    ("empty-series", "charts.yml", "  series:\n    - column: as_stated_in_text\n",
     "  series: []\n  x_old:\n    - column: as_stated_in_text\n", None),
    ("table-without-rows", "tables/tb2-fleet.csv", None, "measure,value\n",
     (1, "the CSV has a header but no rows")),
    ("no-changes", "changelog.yml", "  changes:\n", "  changes: []\n  old_changes:\n", None),
    # a work printed without a title gets a description, never an invented title
    ("untitled-without-description", "sources.yml",
     "  description: {en: Map of the Nagorno-Karabakh region, id: Peta wilayah Nagorno-Karabakh}\n",
     "", (("- id: bbc-2020", 0), "source 'bbc-2020': has no title, so give a 'description'")),
    ("titled-with-description", "sources.yml",
     "  title: The Turkish drone that changed the nature of warfare\n",
     "  title: The Turkish drone that changed the nature of warfare\n"
     "  description: {en: Article, id: Artikel}\n",
     (("title: The Turkish drone that changed", 1), "has a title, so it needs no 'description'")),
    ("generic-article-type", "sources.yml", "  type: document\n", "  type: article\n",
     ("  type: document", "'type' is 'article', not one of article-journal, article-magazine")),
    ("url-closing-brace", "sources.yml", "  URL: https://www.newyorker.com/",
     "  URL: https://www.newyorker.com/}@misc{x,",
     ("URL: https://www.newyorker.com/", "contains '}', which an address cannot hold as it "
                                         "is: percent-encode it (%7D)")),
]


@pytest.mark.parametrize("path, old, new, expected", [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_a_bad_input_is_one_located_problem(tmp_path, pristine, path, old, new, expected):
    if expected is None:  # an emptied list: its own problem (the key moved aside is another)
        problems = loaded_with(tmp_path, pristine, path, old, new)
        assert any("is empty; it needs at least one" in p for p in problems), problems
        return
    where, message = expected
    if isinstance(where, tuple):
        line = line_of(path, where[0]) + where[1]
    else:
        line = where if isinstance(where, int) else line_of(path, where)
    problems = loaded_with(tmp_path, pristine, path, old, new)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"data/{path}:{line}: "), problems
    assert message in problems[0], problems


def test_an_entry_swallowed_by_a_misindented_line_is_reported_once(tmp_path, pristine):
    """A fact indented into the text block of the fact before it vanishes without a YAML error:
    one problem where it is written, and no 'unknown fact' on the records that name it."""
    text = (ROOT / "data" / "facts.yml").read_text(encoding="utf-8")
    start = text.index("- id: war-2020-duration\n")
    end = text.index("\n\n", start)
    swallowed = "\n".join("      " + line for line in text[start:end].split("\n"))
    problems = loaded_with(tmp_path, pristine, "facts.yml", text[start:end], swallowed)
    assert problems == [f"data/facts.yml:{line_of('facts.yml', '- id: war-2020-duration')}: "
                        "'war-2020-duration' is written here as an entry ('- id: "
                        "war-2020-duration') but is not read as one: the line before it is "
                        "probably misindented (each entry starts with '- id:' at the start of the "
                        "line, its fields indented under it)"]


def test_an_invalid_source_is_reported_where_it_is_written_only(tmp_path, pristine):
    problems = loaded_with(tmp_path, pristine, "sources.yml", "{family: Witt, given: S.}",
                           "{family: [Witt]}")
    assert problems == [f"data/sources.yml:{line_of('sources.yml', 'family: Witt')}: source "
                        "'witt-2022': an author's 'family' must be text, got ['Witt']"]


def test_a_url_cannot_close_a_bibtex_entry():
    assert bibtex_url("https://x.org/a}b{c\\d e") == "https://x.org/a%7Db%7Bc%5Cd%20e"


@pytest.mark.parametrize("value, lang, shown", [
    (1.5e-7, "en", "0.00000015"), (2.5e-5, "id", "0,000025"), (87.5, "id", "87,5")])
def test_small_numbers_keep_their_digits(value, lang, shown):
    assert format_number(value, lang) == shown


# --------------------------------------------------------------------------- properties

FILES = sorted(p.relative_to(ROOT / "data").as_posix() for p in (ROOT / "data").rglob("*")
               if p.is_file())
VALUES = ["", " ", "yes", "no", "~", "[]", "{}", "[a, b]", "{a: 1}", ".nan", "-.inf", "1e400",
          "1.5e-7", "0", "-1", "2025-02-30", "2022-13", "'x'", '"', "[", "{", "&a", "*a",
          "!!binary aGk=", "!!python/object:x {}", "2020", "0x10", "1:20", "\t", "\x00", "é",
          "- id: x", "{{ fact:x }}", "https://x.org/}"]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(FILES), line=st.integers(min_value=0, max_value=2000),
       operation=st.sampled_from(["value", "delete", "duplicate", "indent", "dedent", "insert",
                                  "bytes", "truncate"]),
       value=st.one_of(st.sampled_from(VALUES), st.text(max_size=12)),
       raw=st.binary(max_size=4))
def test_any_single_edit_gives_records_or_located_problems(tmp_path_factory, pristine, path,
                                                          line, operation, value, raw):
    data = tmp_path_factory.mktemp("edit") / "data"
    shutil.copytree(pristine, data)
    target = data / path
    lines = target.read_bytes().split(b"\n")
    at = line % len(lines)
    encoded = value.encode("utf-8")
    if operation == "value":
        key = lines[at].split(b":", 1)[0] if b":" in lines[at] else lines[at]
        lines[at] = key + b": " + encoded
    elif operation == "delete":
        del lines[at]
    elif operation == "duplicate":
        lines.insert(at, lines[at])
    elif operation == "indent":
        lines[at] = b"    " + lines[at]
    elif operation == "dedent":
        lines[at] = lines[at].lstrip()
    elif operation == "insert":
        lines.insert(at, encoded)
    elif operation == "bytes":
        lines[at] += raw
    else:
        lines = lines[:at]
    target.write_bytes(b"\n".join(lines))
    _, problems = load(data, LANGUAGES)  # never raises
    for problem in problems:
        assert problem.file.startswith("data/") and problem.line >= 1, problem
        assert problem.message.strip(), problem
    shutil.rmtree(data.parent)
