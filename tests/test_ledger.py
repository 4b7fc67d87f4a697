"""Loading and validating data/ (hooks/edition/data/), on the real data and on tiny data sets."""

from __future__ import annotations

import re
import textwrap

import pytest

from conftest import ROOT
from edition.data.facts import evaluate_formula, formula_ids
from edition.data.ledger import load_ledger
from edition.data.problems import DataError
from edition.locale.locators import localize_locator
from edition.locale.text import tr
from edition.markup.syntax import MARKER_RE, mask_code

LANGS = ("en", "id")
SOURCES = """\
- id: witt-2022
  type: article-magazine
  author:
    - {family: Witt, given: S.}
  issued: 2022
  title: The Turkish drone
  in_bibliography: true
  cited_as: [footnote 8]
"""
FACTS = """\
- id: fleet
  value: 16
  unit: {en: drones, id: drone}
  label: {en: Drones used, id: Drone yang dipakai}
  category: core-values
  sources:
    - {id: witt-2022, locator: figure 1.2 caption}
  sourced_by: figure 1.2 caption
  status: as-stated

- id: lost
  value: 2
  unit: {en: drones, id: drone}
  label: {en: Drones lost, id: Drone yang hilang}
  category: core-values
  sources: []
  sourced_by: none
  status: as-stated

- id: left
  value: 14
  label: {en: Drones left, id: Drone tersisa}
  category: core-values
  sources: []
  sourced_by: none
  status: derived
  formula: fleet - lost
"""
TABLE_META = """\
title: {en: Fleet, id: Armada}
source: {id: witt-2022, locator: figure 1.2}
columns:
  - {name: measure, title: {en: Measure, id: Ukuran}, type: text, translate: true}
  - {name: value, title: {en: Value, id: Nilai}, type: fact}
translations:
  id: {Used: Dipakai}
"""
TABLE_CSV = "measure,value\nUsed,fact:fleet\n"


@pytest.fixture
def data(tmp_path):
    """A tiny valid data set; tests break one file at a time."""
    (tmp_path / "tables").mkdir()
    files = {"sources.yml": SOURCES, "facts.yml": FACTS, "categories.yml": "[]\n",
             "tables/fleet.yml": TABLE_META, "tables/fleet.csv": TABLE_CSV}
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return tmp_path


def problems_of(data_dir) -> list[str]:
    with pytest.raises(DataError) as err:
        load_ledger(data_dir, languages=LANGS, gated=False)
    return [str(p) for p in err.value.problems]


def test_the_real_data_is_valid():
    ledger = load_ledger(ROOT / "data", languages=LANGS)
    assert len(ledger.facts) >= 40 and len(ledger.sources) >= 20
    assert set(ledger.tables) >= {"sipri-top25-2018-22", "defence-exports", "tb2-fleet",
                                  "pipelines"}


def test_tiny_data_set_loads_and_derives(data):
    ledger = load_ledger(data, languages=LANGS, gated=False)
    assert ledger.facts["left"].computed == 14
    assert tr(ledger.facts["fleet"].label, "id") == "Drone yang dipakai"
    assert ledger.tables["fleet"].cell_text(ledger.tables["fleet"].columns[0], "Used",
                                            "id") == "Dipakai"


@pytest.mark.parametrize("file, old, new, expected", [
    ("facts.yml", "value: 16", "value: sixteen",
     "data/facts.yml:2: fact 'fleet': 'value' must be a number, got 'sixteen'"),
    ("facts.yml", "- id: lost", "- id: fleet",
     "data/facts.yml:11: duplicate fact id 'fleet' (first defined at data/facts.yml:1"),
    ("facts.yml", "  label: {en: Drones lost, id: Drone yang hilang}\n", "",
     "data/facts.yml:11: fact 'lost': missing required field 'label'"),
    ("facts.yml", "formula: fleet - lost", "formula: flet - lost",
     "data/facts.yml:27: fact 'left': formula uses unknown fact 'flet' (did you mean 'fleet'?)"),
    ("facts.yml", "value: 14", "value: 15",
     "fact 'left': the article prints 15 but fleet - lost = 14"),
    ("facts.yml", "{id: witt-2022, locator", "{id: wit-2022, locator",
     "fact 'fleet': unknown source 'wit-2022' (did you mean 'witt-2022'?)"),
    ("facts.yml", "category: core-values\n  sources: []",
     "category: core-value\n  sources: []",
     "'category' is 'core-value', not one of core-values, middle-range, long-range, "
     "background (did you mean 'core-values'?)"),
    ("facts.yml", "label: {en: Drones left, id: Drone tersisa}", "label: {en: Drones left}",
     "data/facts.yml:22: fact 'left': 'label' is missing its 'id' translation"),
    ("facts.yml", "label: {en: Drones left, id: Drone tersisa}", "label: Drones left",
     "data/facts.yml:22: fact 'left': 'label' must be given in every language"),
    ("facts.yml", "  sourced_by: none\n  status: derived", "  sourced_by: footnote 3\n"
     "  status: derived", "fact 'left': has no sources but 'sourced_by' is 'footnote 3'"),
    ("facts.yml", "status: derived", "status: inconsistent",
     "fact 'left': an inconsistent fact needs 'conflicts_with'"),
    ("facts.yml", "- id: fleet\n", "- id: fleet\n  lable: x\n",
     "data/facts.yml:2: fact 'fleet': unknown field 'lable' (did you mean 'label'?)"),
    ("facts.yml", "- id: fleet\n", "- id: fleet\n  value: [\n",
     "data/facts.yml:2: YAML syntax error: the list in [ ] that starts here is not closed "
     "(expected ',' or ']', but got ':' on line 4)"),
    ("sources.yml", "  type: article-magazine\n", "", "source 'witt-2022': missing required "
     "field 'type'"),
    ("sources.yml", "in_bibliography: true", "in_bibliography: maybe",
     "'in_bibliography' must be true or false"),
    ("sources.yml", "issued: 2022", "issued: 22 May 2022",
     "'issued' must be a year or an ISO date like 2025-07-19"),
    ("sources.yml", "in_bibliography: true", "in_bibliography: false\n  printed: [a, b]",
     "data/sources.yml:8: source 'witt-2022': 'printed' lists two texts only for a source "
     "printed both in a footnote and in the bibliography"),
    ("sources.yml", "in_bibliography: true", "in_bibliography: true\n  printed: [a, b, c]",
     "got 3 texts"),
    ("tables/fleet.csv", "Used,fact:fleet\n", "Used,fact:fleet,extra\n",
     "data/tables/fleet.csv:2: row has 3 cells but the header has 2"),
    ("tables/fleet.csv", "Used,fact:fleet\n", "Used,fact:flet\n",
     "data/tables/fleet.csv:2: column 'value': 'fact:flet' is not a known fact reference"),
    ("tables/fleet.yml", "type: fact", "type: year",
     "data/tables/fleet.csv:2: column 'value' holds years, got 'fact:fleet' (write four digits"),
    ("tables/fleet.csv", "Used,fact:fleet\n", "Unused,fact:fleet\n",
     "table 'fleet': no 'id' translation for cell 'Unused' (data/tables/fleet.csv:2"),
    ("tables/fleet.yml", "{id: witt-2022, locator: figure 1.2}", "{id: wit-2022}",
     "data/tables/fleet.yml:2: table 'fleet': unknown source 'wit-2022'"),
], ids=["not-a-number", "duplicate-id", "missing-field", "formula-unknown", "derived-mismatch",
        "unknown-source", "bad-category", "missing-translation", "untranslated-text",
        "sourced-by-mismatch", "inconsistent-without-note", "misspelt-field", "yaml-syntax",
        "source-missing-type", "source-bool", "source-date", "two-printings-not-in-bib",
        "three-printings", "csv-cells", "csv-fact-ref", "csv-year",
        "csv-translation", "table-source"])
def test_each_mistake_is_one_located_message(data, file, old, new, expected):
    path = data / file
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))
    problems = problems_of(data)
    assert any(expected in p for p in problems), problems


def test_all_problems_are_collected(data):
    (data / "facts.yml").write_text(FACTS.replace("value: 16", "value: x").replace(
        "- id: lost", "- id: fleet"))
    (data / "tables/fleet.csv").write_text(TABLE_CSV + "Used,fact:fleet,extra\n")
    problems = problems_of(data)
    assert len(problems) >= 3
    assert {p.split(":")[0] for p in problems} == {"data/facts.yml", "data/tables/fleet.csv"}


@pytest.mark.parametrize("formula, expected", [
    ("a - b", 8), ("a / b * 100", 500), ("(a + b) * 2", 24), ("a-b - 1", 3),
])
def test_formulas(formula, expected):
    values = {"a": 10, "b": 2, "a-b": 4}
    assert evaluate_formula(formula, values) == expected


def test_formula_rejects_anything_but_arithmetic():
    with pytest.raises(ValueError):
        formula_ids("__import__('os')")
    assert formula_ids("tb2-fleet-active - tb2-lost") == ["tb2-fleet-active", "tb2-lost"]


def test_dates_stay_as_typed(data):
    path = data / "sources.yml"
    path.write_text(textwrap.dedent(SOURCES) + "  accessed: 2025-07-19\n")
    ledger = load_ledger(data, languages=LANGS, gated=False)
    assert ledger.sources["witt-2022"].csl["accessed"] == {"date-parts": [[2025, 7, 19]]}


# Words the edition writes in locators ("footnote 7 (Ibid., hlm. 11)", "first figure 4.3 caption"),
# which hooks/citations.LOCATOR_WORDS must turn into Indonesian. A locator that says more than
# where ("page 11 fits this source...") leaves English in the Indonesian edition: the why belongs
# in the fact's note.
ENGLISH_LOCATOR_WORDS = re.compile(
    r"\b(footnotes?|figures?|caption|pages?|first|second|title|running|table|source|fits|cited|"
    r"this|which|follows)\b", re.IGNORECASE)


def every_locator(ledger) -> list[tuple[str, str]]:
    found = [(f"data/facts.yml {fact.id}", ref.locator)
             for fact in ledger.facts.values() for ref in fact.sources]
    found += [(f"data/events.yml {event.id}", ref.locator)
              for event in ledger.events for ref in event.sources]
    found += [(f"data/tables/{table.id}.yml", ref.locator)
              for table in ledger.tables.values() for ref in table.sources]
    for page in sorted((ROOT / "docs").rglob("*.md")):
        for match in MARKER_RE.finditer(mask_code(page.read_text(encoding="utf-8"))):
            if match.group("kind") == "cite" and match.group("option"):
                found.append((str(page.relative_to(ROOT)), match.group("option")))
    return [(where, locator) for where, locator in found if locator]


def test_every_locator_reads_fully_in_indonesian(ledger):
    locators = every_locator(ledger)
    assert len(locators) > 50  # facts, events, tables and pages all found
    english = [(where, locator, localize_locator(locator, "id")) for where, locator in locators
               if ENGLISH_LOCATOR_WORDS.search(localize_locator(locator, "id"))]
    assert not english


def test_the_locator_check_catches_an_explanation_left_in_a_locator():
    text = localize_locator("footnote 7 (Ibid., hlm.11); page 11 fits this source", "id")
    assert ENGLISH_LOCATOR_WORDS.search(text)


def _block(text: str, heading: str, lang: str) -> str:
    """The first ```lang block after a heading of CONTRIBUTING.md."""
    after = text[text.index(heading):]
    return re.search(rf"```{lang}\n(.*?)```", after, re.DOTALL).group(1)


def test_the_examples_in_contributing_are_valid_data(tmp_path):
    """A contributor copies these: they must load as they are written."""
    import shutil

    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    fact = _block(guide, "## Correcting a number", "yaml").replace(
        "id: tb2-fleet-held ", "id: example-fact ", 1)
    with (data / "facts.yml").open("a", encoding="utf-8") as facts:
        facts.write("\n" + fact)
    (data / "tables/example.yml").write_text(_block(guide, "## Correcting a table", "yaml"),
                                             encoding="utf-8")
    (data / "tables/example.csv").write_text(_block(guide, "## Correcting a table", "csv"),
                                             encoding="utf-8")
    for number, page in enumerate(("docs/about/correct.md", "docs/about/correct.id.md")):
        example = re.search(r"```yaml\n(.*?)```", (ROOT / page).read_text(encoding="utf-8"),
                            re.DOTALL).group(1)
        with (data / "facts.yml").open("a", encoding="utf-8") as facts:
            facts.write("\n" + example.replace("id: tb2-fleet-held", f"id: example-{number}"))
    ledger = load_ledger(data, languages=LANGS, gated=False)
    assert ledger.facts["example-fact"].value == 20
    assert tr(ledger.facts["example-1"].label, "id").startswith("Drone Bayraktar TB2")
    assert ledger.tables["example"].cell_text(ledger.tables["example"].columns[1], "Length",
                                              "id") == "Panjang"
