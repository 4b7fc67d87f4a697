"""The audit (hooks/edition/checks/audit/): each check on small made-up data, then every case in the article."""

from __future__ import annotations

import shutil

import pytest

from conftest import LANGUAGES, ROOT
from edition.checks.audit import run_audit
from edition.checks.audit.figures import check_figure_numbers, check_figure_periods
from edition.checks.audit.numbers import (
    check_change_claims,
    check_same_quantity,
    check_table_readings,
    claim_holds,
)
from edition.checks.audit.references import (
    check_bibliography,
    check_ibid,
    check_printings,
    check_urls,
)
from edition.data.facts import Fact
from edition.data.fields import SourceRef
from edition.data.figures import Figure
from edition.data.footnotes import Footnote
from edition.data.ledger import Ledger, load
from edition.data.relations import Relations
from edition.data.sources import Source
from edition.data.tables import Column, Table


def fact(ident, value, qualifier="", date="2024", unit=None, sources=("src",), status="as-stated"):
    return Fact(id=ident, line=1, value=value, label={"en": ident, "id": ident},
                category="middle-range", sources=tuple(SourceRef(s, "footnote 1") for s in sources),
                sourced_by="footnote 1", status=status, unit=unit, qualifier=qualifier, date=date)


def source(ident, csl=None, printed=(), in_bibliography=True, cited_as=("footnote 1",)):
    return Source(ident, 1, {"id": ident, **(csl or {})}, in_bibliography, tuple(cited_as),
                  tuple(printed), None)


def ledger_of(facts=(), sources=(), tables=None):
    return Ledger.of(LANGUAGES, sources={s.id: s for s in sources}, facts={f.id: f for f in facts},
                     tables=tables or {})


# --------------------------------------------------------------------------- numbers


def test_two_passages_with_different_values_for_one_quantity():
    ledger = ledger_of([fact("text", 6.7, "more-than"), fact("figure", 7.1, "projected")])
    relations = Relations(same_quantity=({"facts": ("text", "figure"),
                                          "quantity": {"en": "exports", "id": "ekspor"}},))
    (finding,) = check_same_quantity(ledger, relations)
    assert finding.id == "value-conflict-text" and finding.facts == ("text", "figure")
    assert "more than 6.7" in finding.printed["en"] and "7.1 (projected)" in finding.printed["en"]
    assert "lebih dari 6,7" in finding.printed["id"]


def test_passages_that_agree_are_not_reported():
    ledger = ledger_of([fact("a", 3), fact("b", 3)])
    relations = Relations(same_quantity=({"facts": ("a", "b"), "quantity": {"en": "x", "id": "x"}},))
    assert check_same_quantity(ledger, relations) == []


@pytest.mark.parametrize("ratio, claimed, qualifier, holds", [
    (1.9, 2, "nearly", True), (2.23, 2, "nearly", False), (1.5, 2, "nearly", False),
    (2.05, 2, "about", True), (2.5, 2, "about", False), (2.5, 2, "more-than", True),
    (1.5, 2, "more-than", False), (1.5, 2, "less-than", True),
])
def test_what_a_described_change_allows(ratio, claimed, qualifier, holds):
    assert claim_holds(ratio, claimed, qualifier) is holds


def test_a_described_change_its_own_numbers_contradict():
    ledger = ledger_of([fact("claim", 2, "nearly", unit={"en": "times", "id": "kali lipat"}),
                        fact("start", 3, "about", date="2020"), fact("end", 6.7, "more-than")])
    relations = Relations(change_claims=({"claim": "claim", "from": "start", "to": "end",
                                          "printed": "hampir dua kali lipat"},))
    (finding,) = check_change_claims(ledger, relations)
    assert finding.id == "change-claim-claim"
    assert "6.7 / 3 ≈ 2.23" in finding.problem["en"] and "6,7 / 3 ≈ 2,23" in finding.problem["id"]
    assert "lower bound" in finding.problem["en"]
    ledger = ledger_of([fact("claim", 2, "nearly"), fact("start", 3), fact("end", 5.8)])
    assert check_change_claims(ledger, relations) == []


def _table(rows):
    columns = (Column("exporter", {"en": "Exporter"}, "text"),
               Column("rank", {"en": "Rank"}, "integer"),
               Column("recipient_1", {"en": "1st", "id": "ke-1"}, "text"),
               Column("recipient_2", {"en": "2nd", "id": "ke-2"}, "text"))
    return Table("t", {"en": "T", "id": "T"}, (SourceRef("src"),), columns, tuple(rows), "x.csv")


def test_the_texts_reading_of_a_table_the_table_does_not_support():
    table = _table([("Türkiye", "12", "Qatar", "UAE"), ("Israel", "10", "India", "Azerbaijan")])
    ledger = ledger_of([fact("rank", 12)], tables={"t": table})
    reading = {"id": "recipients", "table": "t", "figure": "", "row": {"exporter": "Türkiye"},
               "columns": ("recipient_1", "recipient_2"), "contains": "Azerbaijan",
               "equals_fact": "", "printed": "", "claim": {"en": "Az is main", "id": "Az utama"}}
    (finding,) = check_table_readings(ledger, Relations(table_readings=(reading,)))
    assert finding.id == "table-reading-recipients"
    assert "Qatar, UAE" in finding.problem["en"] and "Israel row" in finding.problem["en"]
    supported = dict(reading, contains="UAE")
    assert check_table_readings(ledger, Relations(table_readings=(supported,))) == []
    rank = dict(reading, id="rank", columns=("rank",), contains="", equals_fact="rank")
    assert check_table_readings(ledger, Relations(table_readings=(rank,))) == []
    wrong = ledger_of([fact("rank", 11)], tables={"t": table})
    (finding,) = check_table_readings(wrong, Relations(table_readings=(rank,)))
    assert finding.id == "table-reading-rank" and finding.facts == ("rank",)


# --------------------------------------------------------------------------- figures


def figure(ident, number, period="", read=()):
    return Figure(ident, number, f"Gambar {number}", "", "core-values", period=period,
                  read_in_text=tuple(read))


def test_figure_numbering_that_repeats_or_skips():
    figures = (figure("a", "1.1"), figure("b", "1.2"), figure("c", "1.3"), figure("d", "4.3"),
               figure("e", "4.3"))
    ids = [f.id for f in check_figure_numbers(figures)]
    assert ids == ["figure-number-repeat-4-3", "figure-number-skip-1-3-4-3"]
    assert check_figure_numbers((figure("a", "1.1"), figure("b", "1.2"), figure("c", "2.1"))) == []


def test_a_value_read_from_a_figure_for_a_year_its_caption_does_not_cover():
    ledger = ledger_of([fact("y2018", 1.5, date="2018"), fact("y2023", 5.5, date="2023")])
    figures = (figure("exports", "4.3", "2020/2024", ["y2018", "y2023"]),)
    (finding,) = check_figure_periods(figures, ledger)
    assert finding.facts == ("y2018",) and finding.status == "open"


# --------------------------------------------------------------------------- references


def test_an_ibid_that_does_not_point_back_to_one_source():
    web = source("web", {"type": "webpage"})
    book = source("book", {"type": "book", "page": "10"})
    ledger = ledger_of(sources=[web, book])
    notes = (Footnote(1, "Book. 2020.", "introduction", ("book",)),
             Footnote(2, "Web. 2020.", "introduction", ("web",)),
             Footnote(3, "Ibid.", "introduction", ("web",)),
             Footnote(4, "Ibid., hlm.11", "introduction", ("web", "book")),
             Footnote(5, "Book. 2020. Ibid.", "introduction", ("book",)))
    found = {f.id: f for f in check_ibid(notes, ledger)}
    assert set(found) == {"ibid-footnote-4", "ibid-footnote-5"}, "footnote 3 is a proper Ibid."
    assert "more than one source" in found["ibid-footnote-4"].problem["en"]
    assert "has no pages" in found["ibid-footnote-4"].problem["en"]
    assert "names an author" in found["ibid-footnote-5"].problem["en"]


def test_a_source_cited_but_missing_from_the_bibliography():
    ledger = ledger_of(sources=[source("listed"), source("missing", in_bibliography=False),
                                source("itself", in_bibliography=False, cited_as=())])
    assert [f.id for f in check_bibliography(ledger)] == ["not-in-bibliography-missing"]


def test_misspelt_urls():
    two = source("two", {"URL": "https://b.example/x"}, printed=(
        "Org. Diakses dari https://a.example/x, pada 1 Mei 2025", "Org. https://b.example/x."))
    host = source("host", {"author": [{"literal": "Organization of Turkic States"}],
                           "title": "Vision", "URL": "https://www.tukicstates.org/en/vision"})
    fine = source("fine", {"author": [{"literal": "Al Jazeera"}], "title": "Iran army holds drill",
                           "URL": "https://www.aljazeera.com/news/iran-army-holds-drill"})
    slug = source("slug", {"title": "The drone that changed warfare",
                           "URL": "https://x.example/the-drones-that-changed-warfare"})
    ids = {f.id for f in check_urls(ledger_of(sources=[two, host, fine, slug]))}
    assert ids == {"url-printings-two", "url-host-host", "url-title-slug"}


def test_a_reference_printed_two_ways():
    twice = source("k", printed=("Khalid. 2020. Conclit.", "Khalid. 2020. Conlct."))
    same = source("s", printed=("A. https://a.example/x, 2020", "A. https://b.example/x. 2020"))
    (finding,) = check_printings(ledger_of(sources=[twice, same]))
    assert finding.id == "printing-k" and "“Conclit” / “Conlct”" in finding.problem["en"]


# --------------------------------------------------------------------------- the article

# Every inconsistency the article contains, as the audit names it. A new finding, or one that
# disappears, changes this list on purpose.
ARTICLE_FINDINGS = [
    "value-conflict-defence-exports-2024",            # text: > 6.7 (2024); figure: 7.1 projected
    "change-claim-defence-exports-growth-claimed",    # "nearly doubled", but 6.7 / 3 ≈ 2.2
    "table-reading-turkiye-main-recipients",          # Azerbaijan is not in Türkiye's SIPRI row
    "figure-number-repeat-4-3",                       # two figures numbered 4.3
    "figure-number-skip-1-3-4-3",                     # 1.3 is followed by 4.3
    "figure-period-figure-4-3-exports",               # a 2018 value read from a 2020–2024 figure
    "ibid-footnote-7",                                # after a web article without pages
    "ibid-footnote-17",                               # after Outzen, with an author named
    "not-in-bibliography-gavin-2023",                 # footnote 1
    "not-in-bibliography-bbc-2020",                   # figure 1.1 caption
    "not-in-bibliography-bbc-news-indonesia",         # running text
    "not-in-bibliography-forbes-2021",                # figure 1.2 caption
    "not-in-bibliography-car-2021",                   # figure 1.2 caption
    "not-in-bibliography-sipri-2023",                 # figure 1.3 caption
    "not-in-bibliography-ots-2021-summit",            # first figure 4.3 caption
    "url-host-ots-2021-vision",                       # tukicstates.org
    "url-printings-ns-energy-2020",                   # nsenerybusiness.com vs nsenergybusiness.com
    "url-title-ots-2021-vision",                      # path vision-2020, title Vision-2040
    "url-title-witt-2022",                            # title "drone", path "drones"
    "url-title-breeding-2021",                        # path cut short ("russias-bil")
    "printing-khalid-2020",                           # "Conclit" in the footnote, "Conlct" after
]


@pytest.fixture(scope="module")
def article_audit(ledger):
    return ledger, run_audit(ledger)


def test_the_audit_finds_every_inconsistency_the_article_contains(article_audit):
    _, findings = article_audit
    assert sorted(f.id for f in findings) == sorted(ARTICLE_FINDINGS)


@pytest.mark.parametrize("finding_id", ARTICLE_FINDINGS)
def test_each_finding_says_what_was_printed_and_what_is_wrong_in_both_languages(
        article_audit, finding_id):
    finding = {f.id: f for f in article_audit[1]}[finding_id]
    for field in ("title", "printed", "problem"):
        text = getattr(finding, field)
        assert set(text) == set(LANGUAGES) and all(text[lang].strip() for lang in LANGUAGES)
        assert text["en"] != text["id"] or field == "printed"


def test_the_findings_name_the_numbers_they_are_about(article_audit):
    findings = {f.id: f for f in article_audit[1]}
    assert findings["value-conflict-defence-exports-2024"].facts == (
        "defence-exports-2024", "defence-exports-2024-figure")
    assert "≈ 2.23" in findings["change-claim-defence-exports-growth-claimed"].problem["en"]
    assert "Qatar, UAE, Oman" in findings["table-reading-turkiye-main-recipients"].problem["en"]
    assert set(findings["ibid-footnote-7"].facts) == {
        "armenian-soldiers-killed-2020", "armenian-civilians-wounded-2020",
        "azerbaijani-soldiers-killed-2020"}
    assert findings["figure-period-figure-4-3-exports"].facts == ("defence-exports-2018-figure",)


def test_footnotes_are_recorded_as_their_sources_print_them(article_audit, ledger):
    data, _ = article_audit
    assert [f.number for f in data.footnotes] == list(range(1, 18))
    for footnote in data.footnotes:
        if "Ibid" in footnote.printed:
            continue
        (source_id,) = footnote.sources
        assert footnote.printed in ledger.sources[source_id].printed, footnote.number


def test_each_figure_is_in_the_article_as_recorded(article_audit, article_text):
    printed = article_text.replace("*", "")
    for figure in article_audit[0].figures:
        assert figure.printed in printed, figure.id
        assert figure.source_line in printed, figure.id


def test_bad_audit_data_is_reported_with_file_and_line(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "audit.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "claim: defence-exports-growth-claimed", "claim: defence-exports-growth-claim"),
        encoding="utf-8")
    _, problems = load(tmp_path / "data", LANGUAGES)
    (problem,) = problems
    assert problem.file == "data/audit.yml" and "unknown fact 'defence-exports-growth-claim'" in (
        problem.message) and "did you mean 'defence-exports-growth-claimed'" in problem.message
