"""The marker syntax, where markers count, and the typed-number rule (hooks/edition/markup/)."""

from types import SimpleNamespace

import pytest

from edition.data.ledger import Ledger
from edition.markup.numbers import typed_numbers
from edition.markup.scan import scan_page
from edition.markup.syntax import mask_code, replace_markers
from edition.render.markers import KINDS

FACTS = {"tb2-lost": 2, "btc-length": 1768, "tb2-operational-effectiveness": 87.5,
         "russian-peacekeepers": 1960}


def scan(text, **kwargs):
    ledger = Ledger(("en",), {"facts": {k: SimpleNamespace(id=k, value=v) for k, v in FACTS.items()},
                              "sources": {"witt-2022": None}, "tables": {"tb2-fleet": None}},
                    unreadable=frozenset({"charts"}))
    return scan_page(text, "docs/x.md", ledger, KINDS, **kwargs)


@pytest.mark.parametrize("text, flagged", [
    ("In 2020 the war began.", []),
    ("The war of 2020–2024 and the period 2018–22.", []),
    ("It lasted from 15 June 2021 to June 15.", []),
    ("See Figure 1.2, Gambar 4.3, footnote 8 and footnotes 7 and 8.", []),
    ("The Bayraktar TB2 and the F16 are names.", []),
    ("1. First item\n2. Second item", []),
    ("Cite it in APA 7.", []),
    ("The drones destroyed 160 targets.", ["160"]),
    ("Effectiveness reached 87.5%.", ["87.5"]),
    ("About 1,960 troops.", ["1,960"]),
    ("The 8th summit met.", []),  # glued to letters: a name, so flagged only as a fact marker
    ("`1,960` in code and <!-- 42 --> in a comment", []),
    ("[link](page-2.md#section-3) and {#id-4}", []),
], ids=["year", "year-ranges", "dates", "figure-numbers", "names", "list-numbers", "standards",
        "count", "percent", "grouped", "ordinal-glued", "code-and-comments", "links-attrs"])
def test_typed_numbers(text, flagged):
    assert [token for _, token in typed_numbers(mask_code(text))] == flagged


def test_typed_number_suggests_the_fact_with_that_value():
    problems = scan("The pipeline runs 1768 km.").problems
    assert len(problems) == 1
    assert "did you mean {{ fact:btc-length }}?" in problems[0].message
    assert problems[0].line == 1


@pytest.mark.parametrize("text, fact", [
    ("About 1960 peacekeepers came.", "russian-peacekeepers"),   # year-like, but a fact's value
    ("Sekitar 1.960 pasukan.", "russian-peacekeepers"),          # Indonesian thousands point
    ("Efektivitasnya 87,5%.", "tb2-operational-effectiveness"),  # Indonesian decimal comma
])
def test_a_typed_number_is_matched_to_its_fact_in_either_language(text, fact):
    (problem,) = scan(text).problems
    assert f"did you mean {{{{ fact:{fact} }}}}?" in problem.message


def test_markers_in_code_are_left_alone():
    text = "Real {{ fact:tb2-lost }}.\n\n```\n{{ fact:nope }}\n```\n\nAnd `{{ cite:nope }}`."
    result = scan(text)
    assert not result.problems
    assert [(m.kind, m.arg) for m in result.markers] == [("fact", "tb2-lost")]
    rendered = replace_markers(text, lambda kind, arg, loc, line: f"<{arg}>")
    assert "Real <tb2-lost>." in rendered and "{{ fact:nope }}" in rendered
    assert "`{{ cite:nope }}`" in rendered


def test_markers_know_their_line_and_section():
    text = "# T\n\n## Security {#security}\n\nText\n{{ fact:tb2-lost }}\n"
    marker = scan(text).markers[0]
    assert (marker.line, marker.section) == (6, "security")


@pytest.mark.parametrize("text, message", [
    ("{{ fact:tb2-lots }}", "unknown fact 'tb2-lots' (did you mean 'tb2-lost'?)"),
    ("{{ cite:wit-2022 }}", "unknown cite 'wit-2022' (did you mean 'witt-2022'?)"),
    ("{{ table:tb2-flet }}", "unknown table 'tb2-flet' (did you mean 'tb2-fleet'?)"),
    ("{{ fakt:tb2-lost }}", "unknown marker kind 'fakt'"),
    ("{{ fact tb2-lost }}", "malformed marker"),
    ("{{ fact:tb2-lost | p. 3 }}", "only cite markers take a '| locator'"),
    ("## Heading without id", "heading 'Heading without id' has no explicit id"),
], ids=["fact", "cite", "table", "kind", "malformed", "locator", "heading"])
def test_page_problems_name_the_line_and_the_fix(text, message):
    problems = scan("Intro\n\n" + text + "\n").problems
    assert len(problems) == 1, problems
    assert problems[0].line == 3
    assert message in problems[0].message


def test_footnote_reference_never_starts_a_line():
    text = "A list follows\n{{ cite:witt-2022 }}:\n\n- item\n"
    out = replace_markers(text, lambda *a: "[^witt-2022]")
    assert "follows[^witt-2022]:" in out
    assert "\n[^witt-2022]" not in out
    alone = replace_markers("{{ cite:witt-2022 }}: text", lambda *a: "[^witt-2022]")
    assert alone.startswith("&#8203;[^witt-2022]")


@pytest.mark.parametrize("text, expected", [
    ("Research (2021) {{ cite:a }} {{ cite:b }}.", "Research (2021)[^a][^b]."),
    ("in the text {{ cite:a }}\n{{ cite:b }} and more", "in the text[^a][^b] and more"),
    ("- {{ cite:a }} a list item", "- [^a] a list item"),
    ("| cell | {{ cite:a }} |", "| cell | [^a] |"),
    ("> {{ cite:a }} quoted", "> [^a] quoted"),
])
def test_a_footnote_reference_follows_its_word_without_a_space(text, expected):
    assert replace_markers(text, lambda kind, arg, *rest: f"[^{arg}]") == expected
