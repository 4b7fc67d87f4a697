"""Number words: `{{ fact:ID | words }}` writes a small count in words where the language's
style does (hooks/edition/locale/spelling.py), chosen per use in a page; the data, the facts
ledger and the downloads keep the number."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pytest

from edition.data.ledger import Ledger
from edition.locale.numbers import format_fact
from edition.locale.spelling import in_words, never_in_words, spell
from edition.markup.scan import scan_page
from edition.render.markers import KINDS
from edition.render.page import render_page


@pytest.mark.parametrize("number, lang, ordinal, expected", [
    (2, "en", False, "two"), (2, "id", False, "dua"),
    (6, "en", False, "six"), (6, "id", False, "enam"),
    (11, "id", False, "sebelas"), (14, "id", False, "empat belas"),
    (16, "en", False, "sixteen"), (16, "id", False, "enam belas"),
    (20, "en", False, "twenty"), (20, "id", False, "dua puluh"),
    (21, "en", False, "twenty-one"), (100, "id", False, "seratus"), (1000, "id", False, "seribu"),
    (8, "en", True, "eighth"), (8, "id", True, "kedelapan"),
    (1, "en", True, "first"), (1, "id", True, "pertama"),
    (2, "id", True, "kedua"), (12, "en", True, "twelfth"), (20, "id", True, "kedua puluh"),
])
def test_spelling_in_both_languages(number, lang, ordinal, expected):
    assert spell(number, lang, ordinal) == expected


@pytest.mark.parametrize("value, unit, lang, expected", [
    (6, "weeks", "en", "six"),                     # counted time in running text: words
    (16, "TB2 drones", "id", "enam belas"),        # PUEBI: one or two words -> words
    (16, "TB2 drones", "en", "sixteen"),           # Chicago 9.2: through one hundred
    (20, "TB2 drones", "id", "dua puluh"),
    (21, "units", "en", "twenty-one"),             # a hyphenated compound is one word
    (21, "units", "id", None),                     # 'dua puluh satu': three words, digits
    (160, "military targets", "en", None),         # 'one hundred sixty'
    (160, "military targets", "id", None),         # 'seratus enam puluh'
    (2000000, "people", "id", "dua juta"),
    (1768, "km", "en", None),                      # measures: digits
    (16, "bcm per year", "id", None),              # a rate
    (2, "%", "en", None),
    (6, "USD billion", "en", None),                # money
    (6.7, "times", "en", None),                    # decimals
    (6.0, "weeks", "en", "six"),                   # a whole number written as a float
    (-2, "weeks", "en", None),
    (True, "weeks", "en", None),
])
def test_which_numbers_become_words(value, unit, lang, expected):
    assert in_words(value, unit, lang) == expected


def fact(value, unit, qualifier="", **extra):
    unit = unit if isinstance(unit, dict) else {"en": unit, "id": unit}
    return SimpleNamespace(value=value, unit=unit, qualifier=qualifier, **extra)


@pytest.mark.parametrize("value, unit, qualifier, lang, expected", [
    (2, {"en": "weeks", "id": "minggu"}, "less-than", "en", "less than two weeks"),
    (2, {"en": "weeks", "id": "minggu"}, "less-than", "id", "kurang dari dua minggu"),
    (2, {"en": "times", "id": "kali lipat"}, "nearly", "en", "nearly two times"),
    (2, {"en": "times", "id": "kali lipat"}, "nearly", "id", "hampir dua kali lipat"),
    (20, {"en": "TB2 drones", "id": "drone TB2"}, "about", "en", "about twenty TB2 drones"),
    (20, {"en": "TB2 drones", "id": "drone TB2"}, "about", "id", "sekitar dua puluh drone TB2"),
    (7, {"en": "USD billion", "id": "USD miliar"}, "projected", "en", "USD 7 billion (projected)"),
    (8, "ordinal", "", "en", "eighth"),
    (8, "ordinal", "", "id", "kedelapan"),
    (160, {"en": "military targets", "id": "target militer"}, "more-than", "id",
     "lebih dari 160 target militer"),
])
def test_qualifiers_units_and_ordinals_in_words(value, unit, qualifier, lang, expected):
    assert format_fact(fact(value, unit, qualifier), lang, spell_out=True) == expected


def test_without_words_a_fact_keeps_its_digits():
    assert format_fact(fact(8, "ordinal"), "id") == "ke-8"
    assert format_fact(fact(2, {"en": "weeks", "id": "minggu"}, "less-than"), "en") == (
        "less than 2 weeks")


@pytest.mark.parametrize("value, unit, why", [
    (1768, "km", "'km' is a measure or money"),
    (87.5, "%", "it is not a whole number"),
    (160, "military targets", "it takes more than 2 words in every language "
                              "('one hundred sixty', 'seratus enam puluh')"),
])
def test_words_that_no_language_would_write_are_explained(value, unit, why):
    assert why in never_in_words(value, unit, ("en", "id"))
    assert never_in_words(21, "units", ("en", "id")) == ""   # words in English only


def test_words_on_a_measure_is_a_located_problem(ledger):
    text = "Intro\n\nThe pipeline runs {{ fact:btc-length | words }}.\n"
    (problem,) = scan_page(text, "docs/x.md", ledger, KINDS).problems
    assert (problem.file, problem.line) == ("docs/x.md", 3)
    assert problem.message.startswith("'{{ fact:btc-length | words }}': 1,768 km is written in "
                                      "digits, since 'km' is a measure or money")
    assert "remove '| words'" in problem.message


def test_words_apply_to_this_use_only(ledger):
    text = "{{ fact:war-2020-duration | words }}, then {{ fact:war-2020-duration }}"
    out = render_page(text, ledger, "background.md", "en", KINDS)
    spans = re.findall(r'data-fact="war-2020-duration"[^>]*>([^<]*)<', out)
    assert spans == ["six weeks", "6 weeks"]
    out = render_page(text, ledger, "background.md", "id", KINDS)
    assert re.findall(r'data-fact="war-2020-duration"[^>]*>([^<]*)<', out) == [
        "enam minggu", "6 minggu"]


def test_words_do_not_count_in_parity():
    from edition.checks.pages import check_parity

    ledger = Ledger(("en", "id"), {"facts": {"war-2020-duration": None}})
    scans = {"x.md": scan_page("## A {#a}\n\n{{ fact:war-2020-duration | words }}\n", "docs/x.md",
                               ledger, KINDS, check_numbers=False),
             "x.id.md": scan_page("## A {#a}\n\n{{ fact:war-2020-duration }}\n", "docs/x.id.md",
                                  ledger, KINDS, check_numbers=False)}
    assert check_parity(scans, ("en", "id"), "docs", KINDS) == []


# --- the built site -------------------------------------------------------------------------

def fact_texts(site, path: str, fact_id: str) -> list[str]:
    return [span.get_text() for span in site.page(path).select(
        f"article span.fact[data-fact='{fact_id}']")]


@pytest.mark.parametrize("path, fact_id, expected", [
    ("background/index.html", "war-2020-duration", ["six weeks"]),
    ("id/background/index.html", "war-2020-duration", ["enam minggu"]),
    ("core-values/index.html", "tb2-strike-period", ["less than two weeks"]),
    ("id/core-values/index.html", "tb2-strike-period", ["kurang dari dua minggu"]),
    ("core-values/index.html", "ots-summit-ordinal", ["eighth"]),
    ("id/core-values/index.html", "ots-summit-ordinal", ["kedelapan"]),
    ("id/long-range/index.html", "ots-summit-ordinal", ["kedelapan"]),
    ("core-values/index.html", "ots-full-members", ["six full member states"]),
    ("id/core-values/index.html", "ots-observers", ["dua negara pengamat"]),
    ("framework/index.html", "holsti-categories", ["three categories"]),
    ("id/framework/index.html", "holsti-categories", ["tiga kategori"]),
    ("middle-range/index.html", "defence-exports-growth-claimed",
     ["nearly two times", "nearly two times"]),
    ("id/middle-range/index.html", "defence-exports-growth-period", ["empat tahun"]),
    ("id/middle-range/index.html", "holsti-middle-range-aspects", ["dua aspek"]),
    ("id/conclusion/index.html", "tb2-fleet-active", ["enam belas drone TB2"]),
    ("conclusion/index.html", "tb2-fleet-active", ["sixteen TB2 drones"]),
    # a breakdown with a number of three words keeps its digits (no '| words' there)
    ("core-values/index.html", "tb2-lost", ["2 TB2 drones"]),
    ("id/core-values/index.html", "tb2-fleet-active", ["16 drone TB2"]),
])
def test_built_pages_show_words_where_asked(site, path, fact_id, expected):
    texts = fact_texts(site, path, fact_id)
    assert texts[:len(expected)] == expected, texts


def test_the_ledger_the_timeline_and_the_downloads_keep_the_numbers(site):
    facts = {f["id"]: f for f in json.loads(site.html("facts.json"))}
    assert facts["war-2020-duration"]["value"] == 6
    assert facts["ots-summit-ordinal"]["value"] == 8
    assert "\nwar-2020-duration,6,weeks," in site.html("facts.csv")
    assert "\nots-summit-ordinal,8,ordinal," in site.html("facts.csv")
    for path, text in (("evidence/facts/index.html", "6 weeks"),
                       ("id/evidence/facts/index.html", "6 minggu"),
                       ("evidence/timeline/index.html", "6 weeks"),
                       ("id/evidence/timeline/index.html", "ke-8")):
        assert text in site.page(path).get_text(), path
