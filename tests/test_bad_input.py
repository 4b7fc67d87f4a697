"""Each contributor mistake fails `mkdocs build --strict` with one message naming file:line,
the bad value, the rule and the fix. Every case breaks a temporary copy of the real project and
checks it in-process with what the build runs before rendering (build/check.py: the same
messages, in a fraction of the time); a mistake found only while rendering is found by a real
build. test_real_builds_report_the_same_messages proves the two agree."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from edition.build.check import check_project


def built(project) -> str:
    """The output of a real strict build of the project, which must fail without a traceback."""
    result = project.build()
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should have failed:\n{output}"
    assert "Traceback" not in output, output
    return output


def failed(project) -> str:
    """What a strict build of the project reports: its checks in-process, or a real build when
    they find nothing (a mistake only rendering finds)."""
    messages = check_project(project.root)
    return "\n".join(messages) if messages else built(project)


@pytest.mark.parametrize("edit", ["unknown-fact", "bad-value"])
def test_real_builds_report_the_same_messages(project, edit):
    if edit == "unknown-fact":
        project.edit("docs/core-values.md", "{{ fact:tb2-fleet-held }}",
                     "{{ fact:tb2-fleet-hold }}")
    else:
        project.edit("data/facts.yml", "- id: tb2-lost\n  value: 2", "- id: tb2-lost\n  value: two")
    (expected,) = check_project(project.root)
    assert expected in built(project)


def test_unknown_fact_id_in_a_page(project):
    project.edit("docs/core-values.md", "{{ fact:tb2-fleet-held }}", "{{ fact:tb2-fleet-hold }}")
    line = project.line_of("docs/core-values.md", "fact:tb2-fleet-hold")
    out = failed(project)
    assert (f"docs/core-values.md:{line}: unknown fact 'tb2-fleet-hold' "
            "(did you mean 'tb2-fleet-held'?)") in out
    # one message: not also a mismatch blamed on the Indonesian page, which is right
    assert "core-values.id.md" not in out and "2 problems" not in out


def test_unknown_source_id_in_a_cite(project):
    project.append("docs/background.md", "\nA claim {{ cite:gavin-2032 }}.\n")
    out = failed(project)
    assert re.search(r"docs/background\.md:\d+: unknown cite 'gavin-2032' "
                     r"\(did you mean 'gavin-2023'\?\)", out)


def test_unknown_table_id(project):
    project.append("docs/evidence/tables.md", "\n{{ table:tb2-flet }}\n")
    out = failed(project)
    assert re.search(r"docs/evidence/tables\.md:\d+: unknown table 'tb2-flet' "
                     r"\(did you mean 'tb2-fleet'\?\)", out)


def test_unknown_marker_kind(project):
    project.append("docs/background.md", "\nSee {{ fakt:tb2-lost }}.\n")
    out = failed(project)
    assert re.search(r"docs/background\.md:\d+: unknown marker kind 'fakt'.*did you mean 'fact'",
                     out)


def test_malformed_marker(project):
    project.append("docs/background.md", "\nSee {{ fact tb2-lost }}.\n")
    out = failed(project)
    assert re.search(r"docs/background\.md:\d+: malformed marker", out)


def test_duplicate_fact_id(project):
    project.edit("data/facts.yml", "- id: tb2-lost\n", "- id: tb2-fleet-held\n")
    out = failed(project)
    assert re.search(r"data/facts\.yml:\d+: duplicate fact id 'tb2-fleet-held' "
                     r"\(first defined at data/facts\.yml:\d+", out)


def test_missing_required_field(project):
    line = project.line_of("data/facts.yml", "- id: btc-length")
    text = (project.root / "data/facts.yml").read_text()
    block = text[text.index("- id: btc-length"):]
    label = re.search(r"\n  label:\n(    .*\n)+", block).group(0)
    project.edit("data/facts.yml", block, block.replace(label, "\n", 1))
    out = failed(project)
    assert f"data/facts.yml:{line}: fact 'btc-length': missing required field 'label'" in out


def test_missing_translation(project):
    project.edit("data/facts.yml", "    id: Panjang jalur pipa BTC dari Laut Kaspia ke Laut Tengah\n",
                 "")
    line = project.line_of("data/facts.yml", "en: Length of the BTC pipeline") - 1
    out = failed(project)
    assert (f"data/facts.yml:{line}: fact 'btc-length': 'label' is missing its 'id' "
            "translation (add 'id: ...' under 'label')") in out


def test_missing_translated_page(project):
    (project.root / "docs/framework.id.md").unlink()
    out = failed(project)
    assert ("docs/framework.md:1: page has no 'id' version (write docs/framework.id.md, with "
            "the same headings and facts)") in out


def test_translated_page_with_other_heading_ids_or_facts(project):
    project.edit("docs/core-values.id.md", "{#security}", "{#keamanan}")
    project.edit("docs/core-values.id.md", "{{ fact:tb2-lost }}", "dua")
    out = failed(project)
    assert "docs/core-values.id.md:1: heading id '#security' of the original page is missing" in out
    assert re.search(r"docs/core-values\.id\.md:\d+: heading id '#keamanan' is not in the "
                     r"original page", out)
    assert re.search(r"docs/core-values\.id\.md:\d+: section '#[\w-]+' lacks "
                     r"\{\{ fact:tb2-lost \}\}", out)


def test_a_citation_added_to_one_language_only(project):
    project.edit("docs/long-range.md", "{{ cite:ots-2021-vision | footnote 17",
                 "{{ cite:gavin-2023 }} {{ cite:ots-2021-vision | footnote 17")
    out = failed(project)
    assert re.search(r"docs/long-range\.id\.md:\d+: section '#[\w-]+' lacks "
                     r"\{\{ cite:gavin-2023 \}\}, which the original uses there", out)


def test_value_that_is_not_a_number(project):
    project.edit("data/facts.yml", "- id: tb2-operational-effectiveness\n  value: 87.5",
                 "- id: tb2-operational-effectiveness\n  value: 87,5")
    line = project.line_of("data/facts.yml", "value: 87,5")
    out = failed(project)
    assert (f"data/facts.yml:{line}: fact 'tb2-operational-effectiveness': 'value' must be a "
            "number, got '87,5'") in out


def test_misspelt_field_name(project):
    project.edit("data/facts.yml", "- id: btc-length\n", "- id: btc-length\n  lable: oops\n")
    line = project.line_of("data/facts.yml", "lable: oops")
    out = failed(project)
    assert (f"data/facts.yml:{line}: fact 'btc-length': unknown field 'lable' "
            "(did you mean 'label'?)") in out


def test_yaml_syntax_error(project):
    project.edit("data/sources.yml", "- id: witt-2022\n", "- id: witt-2022\n  title: [unclosed\n")
    out = failed(project)
    assert re.search(r"data/sources\.yml:\d+: YAML syntax error", out)


def test_csv_row_with_wrong_number_of_cells(project):
    project.append("data/tables/tb2-fleet.csv", "Extra,fact:tb2-lost,surplus\n")
    rows = len((project.root / "data/tables/tb2-fleet.csv").read_text().splitlines())
    out = failed(project)
    assert (f"data/tables/tb2-fleet.csv:{rows}: row has 3 cells but the header has 2") in out


def test_csv_cell_that_is_not_a_number(project):
    project.edit("data/tables/sipri-top25-2018-22.csv", "Türkiye,1.1", "Türkiye,1,1")
    out = failed(project)
    assert re.search(r"data/tables/sipri-top25-2018-22\.csv:\d+: row has \d+ cells", out)


def test_csv_fact_reference_typo(project):
    project.edit("data/tables/tb2-fleet.csv", "fact:tb2-lost", "fact:tb2-los")
    out = failed(project)
    assert re.search(r"data/tables/tb2-fleet\.csv:\d+: column 'value': 'fact:tb2-los' is not a "
                     r"known fact reference 'fact:ID' \(did you mean 'tb2-lost'\?\)", out)


def test_derived_fact_over_unknown_fact(project):
    project.edit("data/facts.yml", "formula: tb2-fleet-active - tb2-lost",
                 "formula: tb2-fleet-activ - tb2-lost")
    line = project.line_of("data/facts.yml", "formula: tb2-fleet-activ ")
    out = failed(project)
    assert (f"data/facts.yml:{line}: fact 'tb2-effective': formula uses unknown fact "
            "'tb2-fleet-activ' (did you mean 'tb2-fleet-active'?)") in out


def test_derived_fact_that_disagrees_with_its_printed_value(project):
    project.edit("data/facts.yml", "- id: tb2-operational-effectiveness\n  value: 87.5",
                 "- id: tb2-operational-effectiveness\n  value: 85.7")
    out = failed(project)
    assert re.search(r"data/facts\.yml:\d+: fact 'tb2-operational-effectiveness': the article "
                     r"prints 85\.7 but tb2-effective / tb2-fleet-active \* 100 = 87\.5", out)


def test_unknown_source_in_a_fact(project):
    project.edit("data/facts.yml", "{id: witt-2022, locator: footnote 8}",
                 "{id: wit-2022, locator: footnote 8}")
    out = failed(project)
    assert re.search(r"data/facts\.yml:\d+: fact '[\w-]+': unknown source 'wit-2022' "
                     r"\(did you mean 'witt-2022'\?\)", out)


def test_quantity_typed_into_prose(project):
    project.append("docs/core-values.md", "\nThe drones destroyed 160 targets in 2020.\n")
    line = len((project.root / "docs/core-values.md").read_text().splitlines())
    out = failed(project)
    assert (f"docs/core-values.md:{line}: quantity '160' typed into prose; numbers are "
            "referenced from data/, not typed (did you mean {{ fact:tb2-targets-destroyed }}?)"
            ) in out


def test_heading_without_explicit_id(project):
    project.append("docs/background.md", "\n## A new section\n\nText.\n")
    out = failed(project)
    assert re.search(r"docs/background\.md:\d+: heading 'A new section' has no explicit id.*"
                     r"\{#a-new-section\}", out)


def test_unused_fact_is_reported(project):
    project.append("data/facts.yml", """
- id: orphan-number
  value: 7
  label: {en: A number no page uses, id: Angka yang tidak dipakai}
  category: background
  sources: []
  sourced_by: none
  status: as-stated
""")
    out = failed(project)
    assert re.search(r"data/facts\.yml:\d+: fact 'orphan-number' is not used on any page", out)


def test_all_problems_of_a_build_are_reported_together(project):
    project.edit("data/facts.yml", "- id: tb2-operational-effectiveness\n  value: 87.5",
                 "- id: tb2-operational-effectiveness\n  value: eighty")
    project.edit("docs/core-values.md", "{{ fact:tb2-fleet-held }}", "{{ fact:tb2-fleet-hold }}")
    project.append("data/tables/tb2-fleet.csv", "Extra,fact:tb2-lost,surplus\n")
    out = failed(project)
    assert re.search(r"\d+ problems in the site's data or pages", out)
    for needle in ("data/facts.yml:", "docs/core-values.md:", "data/tables/tb2-fleet.csv:"):
        assert needle in out


def test_yaml_syntax_error_is_reported_once(project):
    project.edit("data/facts.yml", "- id: tb2-lost\n", "- id: tb2-lost\n  label: [unclosed\n")
    out = failed(project)
    assert "1 problem in the site's data or pages" in out
    assert re.search(r"data/facts\.yml:\d+: YAML syntax error", out)


@pytest.mark.parametrize("payload", ['<script>alert("x")</script>', "**bold** & <b>x</b> |"],
                         ids=["script", "markup"])
def test_text_from_data_is_html_escaped(project, payload):
    """Data shows as the literal text a contributor typed, never as markup."""
    project.edit("data/tables/sipri-top25-2018-22.csv", "Jordan",
                 '"' + payload.replace('"', '""') + '"')
    project.edit("data/tables/tb2-fleet.yml", "  en: Azerbaijan's use",
                 "  en: " + json.dumps(payload) + " # Azerbaijan's use")
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    soup = BeautifulSoup((project.root / "site/evidence/tables/index.html").read_text(),
                         "html.parser")
    assert payload in soup.select_one("#table-tb2-fleet .table-caption").get_text()
    sipri = soup.select_one("#table-sipri-top25-2018-22")
    assert payload in [td.get_text() for td in sipri.select("td")]
    for table in (sipri, soup.select_one("#table-tb2-fleet")):
        assert not table.select("script, b, strong:not(.table-caption strong)")


def test_a_table_left_off_the_tables_page(project):
    project.edit("docs/evidence/tables.md", "{{ table:pipelines }}", "")
    project.edit("docs/evidence/tables.id.md", "{{ table:pipelines }}", "")
    out = failed(project)
    assert ("data/tables/pipelines.yml:1: table 'pipelines' is not on the Tables page: add "
            "{{ table:pipelines }} under a heading of its own to docs/evidence/tables.md and "
            "docs/evidence/tables.id.md") in out


def test_bad_page_input_is_located_in_one_build(project):
    """One build proves the wiring of the page checks that tests/test_markers.py and
    tests/test_marker_properties.py exercise in-process: each problem is a located message,
    front matter counted, and a page that is not UTF-8 is one of them, not a traceback."""
    path = project.root / "docs/background.md"
    lines = path.read_bytes().split(b"\n")
    lines[6] = lines[6] + b" caf\xe9"                             # Latin-1, not UTF-8
    path.write_bytes(b"\n".join(lines))
    project.edit("docs/core-values.md", "{{ fact:tb2-fleet-held }}", "{{ fact:tb2-fleet-held | word }}")
    project.append("docs/framework.md", "\nText\n\n    {{ fact:holsti-categories }}\n")
    project.edit("docs/middle-range.md", "{{ table:pipelines }}", "See {{ table:pipelines }} here.")
    out = failed(project)
    held = project.line_of("docs/core-values.md", "tb2-fleet-held | word")
    indented = len((project.root / "docs/framework.md").read_text().splitlines())
    table = project.line_of("docs/middle-range.md", "See {{ table:pipelines }}")
    assert "docs/background.md:7: the file is not valid UTF-8: byte 0xe9" in out
    assert (f"docs/core-values.md:{held}: '{{{{ fact:tb2-fleet-held | word }}}}': after '|' a "
            "fact marker takes only '| words', not 'word' (did you mean 'words'?)") in out
    assert (f"docs/framework.md:{indented}: '{{{{ fact:holsti-categories }}}}' is in an indented "
            "code block") in out
    assert (f"docs/middle-range.md:{table}: '{{{{ table:pipelines }}}}' renders a block") in out
