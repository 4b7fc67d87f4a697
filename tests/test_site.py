"""Invariants of the real site, built once per session with --strict (see conftest.site)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from conftest import ROOT
from edition.data.ledger import Ledger
from edition.locale.numbers import format_fact
from edition.markup.scan import scan_page
from edition.render.footnotes import short_citation, source_line
from edition.render.markers import KINDS

CONTENT_PAGES = ["index.html", "background/index.html", "framework/index.html",
                 "core-values/index.html", "middle-range/index.html", "long-range/index.html",
                 "conclusion/index.html"]
EXTERNAL = re.compile(r"^(?:https?:)?//", re.I)
# a ledger whose ids are not checked (its files "did not parse"): the scan checks the page alone
UNCHECKED = Ledger(("en",), unreadable=frozenset({"facts", "sources", "tables", "charts"}))


def without_code(soup):
    for code in soup.select("pre, code"):
        code.decompose()
    return soup


def language_of(path: str) -> str:
    return "id" if path.startswith("id/") else "en"


def test_every_rendered_number_equals_its_value_in_data(site, ledger):
    seen = {"en": set(), "id": set()}
    for path in site.html_pages():
        lang = language_of(path)
        for span in site.page(path).select("span.fact[data-fact]"):
            fact = ledger.facts[span["data-fact"]]
            # in digits, or in words where the page asks ({{ fact:ID | words }}): the value's
            # own spelling (tests/test_number_words.py checks where)
            assert span.get_text() in (format_fact(fact, lang),
                                       format_fact(fact, lang, spell_out=True)), (path, fact.id)
            seen[lang].add(fact.id)
    assert seen["en"] == seen["id"] == set(ledger.facts), "every fact is shown in both languages"


@pytest.mark.parametrize("fact_id, english, indonesian", [
    ("tb2-operational-effectiveness", "87.5%", "87,5%"),
    ("russian-peacekeepers", "about 1,960", "sekitar 1.960"),
    ("defence-exports-2024", "more than USD 6.7 billion", "lebih dari USD 6,7 miliar"),
    ("ots-summit-ordinal", "8th", "ke-8"),
])
def test_numbers_read_naturally_in_each_language(site, fact_id, english, indonesian):
    def shown(path):
        return {s.get_text() for s in site.page(path).select(f"span.fact[data-fact={fact_id}]")}
    assert any(text.startswith(english) for text in shown("evidence/facts/index.html"))
    assert any(text.startswith(indonesian) for text in shown("id/evidence/facts/index.html"))


def test_every_fact_on_a_content_page_has_a_source_footnote_or_unsourced_flag(site, ledger):
    for path in CONTENT_PAGES:
        soup = site.page(path)
        for span in soup.select(".md-content span.fact[data-fact]"):
            if span.find_parent(class_="data-table"):
                continue  # a table's source line footnotes the numbers in its cells
            fact = ledger.facts[span["data-fact"]]
            flags, sibling = [], span.find_next_sibling()
            while sibling is not None and sibling.name == "small":
                flags.append(sibling)
                sibling = sibling.find_next_sibling()
            if fact.unsourced:
                assert any("unsourced in the article" in f.get_text() for f in flags), fact.id
            if fact.status == "inconsistent":
                assert any("inconsistent in the article" in f.get_text() for f in flags), fact.id
            assert sibling is not None and sibling.name == "sup", (path, fact.id)
            assert sibling.select_one("a.footnote-ref"), (path, fact.id)


@pytest.mark.parametrize("path", CONTENT_PAGES + ["evidence/tables/index.html"])
def test_footnote_references_and_backlinks_pair_up(site, path):
    soup = site.page(path)
    refs = soup.select("a.footnote-ref")
    notes = soup.select("div.footnote li[id^='fn:']")
    assert refs, f"{path} cites nothing"
    for ref in refs:
        target = soup.find(id=ref["href"].lstrip("#"))
        assert target is not None, (path, ref["href"])
    for note in notes:
        backrefs = note.select("a.footnote-backref")
        assert backrefs, (path, note["id"])
        for back in backrefs:
            assert soup.find(id=back["href"].lstrip("#")) is not None
    # numbered in order of first use, one footnote per source
    numbers = [int(ref.get_text()) for ref in refs]
    firsts = list(dict.fromkeys(numbers))
    assert firsts == list(range(1, len(firsts) + 1)), path
    assert len(notes) == len(firsts)


def test_a_source_cited_twice_on_a_page_gets_one_footnote(site):
    soup = site.page("core-values/index.html")
    witt = [a for a in soup.select("a.footnote-ref") if a["href"] == "#fn:witt-2022"]
    assert len(witt) > 1
    assert len(soup.select("li#fn\\:witt-2022")) == 1


def test_footnote_gives_the_full_citation_and_how_the_article_cites_it(site):
    note = site.page("core-values/index.html").select_one("li#fn\\:witt-2022").get_text(" ")
    assert "Witt, S. (2022)" in note
    assert "The Turkish drone that changed the nature of warfare" in note
    assert "accessed 19 July 2025" in note
    assert "In the article: footnote 8" in note


def test_no_marker_survives_outside_code(site):
    for path in site.html_pages():
        assert "{{" not in str(without_code(site.page(path))), path


def test_no_third_party_requests(site):
    for path in site.html_pages():
        soup = site.page(path)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"),
                          ("iframe", "src"), ("source", "src")):
            for element in soup.find_all(tag):
                url = element.get(attr, "")
                if tag == "link" and "canonical" in element.get("rel", []):
                    continue
                # Dublin Core's namespace declaration names a schema; nothing fetches it
                if tag == "link" and "schema.DC" in element.get("rel", []):
                    continue
                assert not EXTERNAL.match(url), (path, tag, url)
    for css in site.root.rglob("*.css"):
        assert not re.search(r"@import\s+url\(\s*['\"]?https?:|fonts\.googleapis",
                             css.read_text()), css


def test_derived_facts_are_recomputed(site, ledger):
    records = {r["id"]: r for r in json.loads((site.root / "facts.json").read_text())}
    derived = [f for f in ledger.facts.values() if f.status == "derived"]
    assert derived
    for fact in derived:
        assert records[fact.id]["computed"] == pytest.approx(fact.computed)
        assert abs(fact.computed - fact.value) <= (fact.precision or 1) / 2


def test_facts_downloads_match_the_data(site, ledger):
    records = json.loads((site.root / "facts.json").read_text())
    assert [r["id"] for r in records] == list(ledger.facts)
    for record in records:
        fact = ledger.facts[record["id"]]
        assert record["value"] == fact.value
        assert record["status"] == fact.status
        assert record["pages"], f"{fact.id} is used on no page"
    rows = list(csv.DictReader(io.StringIO((site.root / "facts.csv").read_text())))
    assert [r["id"] for r in rows] == list(ledger.facts)
    assert {"id", "value", "unit", "qualifier", "label", "category", "sources", "status",
            "pages"} <= set(rows[0])
    sources = json.loads((site.root / "sources.json").read_text())
    assert {s["id"] for s in sources} == set(ledger.sources)
    assert all(s["type"] and s["id"] for s in sources)


def test_sipri_table_is_complete(site, ledger):
    table = ledger.tables["sipri-top25-2018-22"]
    assert len(table.rows) == 25
    assert [int(r[0]) for r in table.rows] == list(range(1, 26))
    assert all(all(cell != "" for cell in row) for row in table.rows)
    turkiye = next(r for r in table.rows if r[1] == "Türkiye")
    assert turkiye[:5] == ("12", "Türkiye", "1.1", "0.6", "69")
    html_rows = site.page("evidence/tables/index.html").select(
        "#table-sipri-top25-2018-22 tbody tr")
    assert len(html_rows) == 25
    downloaded = list(csv.reader(io.StringIO(
        (site.root / "tables/sipri-top25-2018-22.csv").read_text())))
    assert len(downloaded) == 26 and len(downloaded[0]) == len(table.columns)


@pytest.mark.parametrize("prefix, france, years", [
    ("", ["3", "France", "11", "7.1", "44", "India", "30", "Qatar", "17", "Egypt", "8.0"],
     ["2018", "2020", "2023", "2024"]),
    ("id/", ["3", "France", "11", "7,1", "44", "India", "30", "Qatar", "17", "Egypt", "8,0"],
     ["2018", "2020", "2023", "2024"]),
])
def test_table_cells_read_as_printed(site, prefix, france, years):
    soup = site.page(f"{prefix}evidence/tables/index.html")
    rows = soup.select("#table-sipri-top25-2018-22 tbody tr")
    assert [td.get_text(strip=True) for td in rows[2].select("td")] == france  # 8.0, not 8
    exports = soup.select("#table-defence-exports tbody tr")
    assert [tr.select_one("td").get_text(strip=True) for tr in exports] == years  # not 2,018


def test_a_source_line_puts_each_locator_after_its_own_source(ledger):
    pipelines = ledger.tables["pipelines"].sources
    assert source_line(pipelines, ledger.sources, "id") == (
        "NS Energy (2020), catatan kaki 13; Rafigoglu (2024), catatan kaki 14; "
        "Cagaptay (2005), catatan kaki 15")
    fleet = ledger.tables["tb2-fleet"].sources  # one locator for all: said once
    assert source_line(fleet, ledger.sources, "en") == (
        "Witt (2022); Forbes (2021); Conflict Armament Research (2021), figure 1.2 caption")


def test_every_table_links_its_csv_and_cites_its_source(site, ledger):
    soup = site.page("evidence/tables/index.html")
    for table in ledger.tables.values():
        block = soup.select_one(f"#table-{table.id}")
        assert block is not None, table.id
        link = block.select_one("a[href$='.csv']")
        assert link and (site.root / "evidence/tables" / link["href"]).resolve().exists()
        assert block.select_one("a.footnote-ref")


def test_ledger_lists_every_fact_with_links_to_its_sections(site, ledger):
    soup = site.page("evidence/facts/index.html")
    for fact in ledger.facts.values():
        anchor = soup.find(id=f"fact-{fact.id}")
        assert anchor is not None, fact.id
        row = anchor.find_parent("tr")
        assert row.select("td")[-1].select("a[href]"), f"{fact.id} links to no section"
        if fact.unsourced:
            assert "unsourced in the article" in row.get_text()


def test_sources_page_lists_every_source(site, ledger):
    soup = site.page("evidence/sources/index.html")
    for source in ledger.sources.values():
        assert soup.find(id=source.id) is not None, source.id


@pytest.mark.parametrize("prefix, footnote, bibliography", [
    ("", "As printed in the footnote", "As printed in the bibliography"),
    ("id/", "Sebagaimana dicetak dalam catatan kaki", "Sebagaimana dicetak dalam daftar pustaka"),
])
def test_a_reference_printed_two_ways_says_which_is_which(site, prefix, footnote, bibliography):
    entry = site.page(f"{prefix}evidence/sources/index.html").find(id="khalid-2020")
    items = [li.get_text(" ", strip=True) for li in entry.find_next("ul").find_all("li")]
    assert f"{footnote}: Khalid, Iram. 2020. Nagorno-Karabakh Conclit." in items
    assert f"{bibliography}: Khalid, Iram. 2020. Nagorno-Karabakh Conlct." in items


@pytest.mark.parametrize("path", CONTENT_PAGES)
def test_linkable_headings_have_explicit_ids(path):
    src = ROOT / "docs" / (path.replace("/index.html", ".md") if path != "index.html"
                           else "index.md")
    scan = scan_page(src.read_text(), str(src), UNCHECKED, KINDS)
    assert not scan.problems
    assert all(h.id for h in scan.headings if h.level in (2, 3))


def test_pages_carry_edit_link_footer_credit_and_permalinks(site):
    for path in CONTENT_PAGES:
        soup = site.page(path)
        edit = soup.select_one("a.md-content__button[href*='/edit/main/docs/']")
        assert edit is not None, path
        assert "Putri, Agus Subagyo" in soup.select_one(".md-copyright").get_text(), path
        assert soup.select("a.headerlink"), path


def test_content_pages_type_no_quantities():
    for md in (ROOT / "docs").rglob("*.md"):
        scan = scan_page(md.read_text(), str(md), UNCHECKED, KINDS)
        assert not [p for p in scan.problems if "typed into prose" in p.message], md


def test_a_short_citation_speaks_the_page_language(ledger):
    kalwar = ledger.sources["kalwar-2022"]  # three authors
    assert short_citation(kalwar, "en") == "Kalwar et al. (2022)"
    assert short_citation(kalwar, "id") == "Kalwar dkk. (2022)"


def test_sources_are_headed_by_author_and_year_and_told_apart(site, ledger):
    soup = site.page("evidence/sources/index.html")
    headings = {h["id"]: h.get_text().rstrip("¶") for h in soup.select("h2[id]")
                if h["id"] in ledger.sources}
    assert headings["bbc-2020"] == "BBC (2020)"
    assert headings["kalwar-2022"] == "Kalwar et al. (2022)"
    assert headings["ots-2021-vision"] == "Organization of Turkic States (2021): Turkic World Vision-2040"
    assert len(set(headings.values())) == len(headings)


def test_a_footnote_reads_as_sentences(site):
    note = site.page("core-values/index.html").find(id="fn:witt-2022")
    assert "(accessed 19 July 2025). Cited here for:" in note.get_text()
    details = note.find("a", string="Source details")
    assert details.next_sibling.startswith(". ")


@pytest.mark.parametrize("path", ["evidence/tables/index.html", "id/evidence/tables/index.html"])
def test_a_table_is_marked_wide_exactly_when_it_has_enough_columns(site, ledger, path):
    """docs/stylesheets/edition.css gives .data-table--wide its smaller type (render/markers/
    table.py WIDE_COLUMNS); tests/browser/test_layout.py measures what it is for."""
    from edition.render.markers.table import WIDE_COLUMNS

    boxes = site.page(path).select("div.data-table")
    assert len(boxes) == len(ledger.tables)
    wide = {box["id"]: "data-table--wide" in box["class"] for box in boxes}
    columns = {box["id"]: len(box.select("thead tr")[-1].find_all("th")) for box in boxes}
    assert wide == {ident: n >= WIDE_COLUMNS for ident, n in columns.items()}
    assert any(wide.values()) and not all(wide.values())
