"""Citing the edition: the version, the four formats, "Cite this section", the How to cite page,
the <head> metadata and the correction links (hooks/edition/cite/, render/notes.py)."""

from __future__ import annotations

import json
import re

import bibtexparser
import pytest

from conftest import ROOT
from edition.cite.bibtex import bibtex_escape
from edition.cite.formats import Edition, Work, citation_block, edition_formats
from edition.cite.metadata import script_json
from edition.cite.sections import section_control
from edition.cite.version import UNVERSIONED, Version, site_version

SITE_URL = "https://nk-edition.github.io/turkey-azerbaijan-2020-2024/"
REPO_URL = "https://github.com/nk-edition/turkey-azerbaijan-2020-2024"
CONTENT = ["core-values/index.html", "middle-range/index.html", "long-range/index.html",
           "background/index.html", "framework/index.html", "conclusion/index.html",
           "index.html", "evidence/tables/index.html"]


# --------------------------------------------------------------------------- the version


def fake_git(answers: dict):
    return lambda args: answers.get(" ".join(args), "")


GIT = {"rev-parse --is-inside-work-tree": "true", "log -1 --format=%cI": "2026-11-27T06:16:37+00:00",
       "rev-parse --short HEAD": "c495b8b", "status --porcelain": ""}


def test_the_version_comes_from_the_commit_not_the_clock():
    assert site_version({}, fake_git(GIT)) == Version("2026-11-27", "c495b8b")
    assert site_version({}, fake_git(GIT)).label == "unreleased 2026-11-27 (c495b8b)"


def test_a_release_is_named_explicitly_and_says_so():
    env = {"EDITION_RELEASE": "2026-12-01.2", "SOURCE_DATE_EPOCH": "1798675200"}
    version = site_version(env, fake_git(GIT))
    assert version == Version("2026-12-01", "c495b8b", "2026-12-01.2")  # the name's day
    assert version.label == "2026-12-01.2 (c495b8b)"
    for bad in ("2026-12-1", "2026-02-30", "2026-12-01.1", "latest"):
        with pytest.raises(ValueError, match="ISO date"):
            site_version({"EDITION_RELEASE": bad}, fake_git(GIT))


def test_source_date_epoch_and_edition_commit_override_git():
    env = {"SOURCE_DATE_EPOCH": "1798675200", "EDITION_COMMIT": "abc1234"}
    assert site_version(env, fake_git(GIT)) == Version("2026-12-31", "abc1234")


def test_uncommitted_changes_are_said():
    version = site_version({}, fake_git(GIT | {"status --porcelain": " M data/facts.yml"}))
    assert version.commit == "c495b8b-modified"


def test_without_git_the_edition_is_unversioned():
    version = site_version({}, fake_git({}))
    assert version == Version() and version.label == UNVERSIONED


# --------------------------------------------------------------------------- the formats

EDITION = Edition("Turkey's National Interests & Co", SITE_URL, "en",
                  Version("2026-11-27", "c495b8b", "2026-11-27"))
WORK = Work("Core values: Security {and} 100% #1", f"{SITE_URL}core-values/#security",
            "nk-edition-core-values-security")


DATES = {"iso": "2026-12-01", "ris": "2026/12/01", "long": "December 1, 2026"}


def plain(html: str, javascript: bool = True) -> str:
    """Text as a reader copies it: with JavaScript, the access date written in as cite.js does
    (each span's template with the date); without, nothing in its place."""
    import html as html_module

    def fill(match: re.Match) -> str:
        if not javascript:
            return ""
        style, template = match["style"], html_module.unescape(match["template"])
        return template.replace("{date}", DATES[style])

    html = re.sub(r'<span class="cite-accessed" data-accessed="(?P<style>\w+)" '
                  r'data-template="(?P<template>[^"]*)"></span>', fill, html)
    return html_module.unescape(re.sub(r"<[^>]+>", "", html))


def test_the_four_formats_of_a_section():
    formats = edition_formats(EDITION, WORK)
    assert set(formats) == {"apa", "chicago", "bibtex", "ris"}
    apa = plain(formats["apa"][0])
    assert apa.startswith("The web edition's contributors. (2026, November 27). Core values")
    assert "version 2026-11-27, commit c495b8b" in apa
    assert apa.endswith(f"Retrieved December 1, 2026, from {SITE_URL}core-values/#security")
    note, bibliography = (plain(text) for text in formats["chicago"])
    assert note.startswith("The web edition's contributors, “Core values")
    assert "accessed December 1, 2026" in note and bibliography.count("Accessed") == 1


def test_the_bibtex_parses_with_a_real_parser():
    text = plain(edition_formats(EDITION, WORK)["bibtex"][0])
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.entry_type == "online" and entry.key == "nk-edition-core-values-security"
    fields = {f.key: f.value for f in entry.fields}
    assert fields["title"] == r"{Core values: Security \{and\} 100\% \#1}"  # case kept
    assert fields["url"] == f"{SITE_URL}core-values/#security"
    assert fields["urldate"] == "2026-12-01" and fields["version"] == "2026-11-27 (c495b8b)"
    assert fields["author"] == "{The web edition's contributors}"
    assert fields["organization"] == fields["journal"] == r"Turkey's National Interests \& Co"
    assert fields["language"] == "en" and fields["langid"] == "english"
    # without JavaScript: no access date at all (a placeholder would become the date)
    (entry,) = bibtexparser.parse_string(plain(edition_formats(EDITION, WORK)["bibtex"][0],
                                               javascript=False)).entries
    assert "urldate" not in entry.fields_dict and entry.fields_dict["language"].value == "en"


def test_the_ris_record():
    lines = plain(edition_formats(EDITION, WORK)["ris"][0]).splitlines()
    assert lines[0] == "TY  - ELEC" and lines[-1] == "ER  - "
    tags = dict(line.split("  - ", 1) for line in lines[:-1])
    assert tags["UR"] == f"{SITE_URL}core-values/#security" and tags["Y2"] == "2026/12/01"
    assert tags["DA"] == "2026/11/27" and tags["LA"] == "en"
    nojs = plain(edition_formats(EDITION, WORK)["ris"][0], javascript=False).splitlines()
    assert nojs == [line for line in lines if not line.startswith("Y2")]


def test_indonesian_citations_use_indonesian_conventions():
    edition = Edition("Situs", f"{SITE_URL}id/", "id", Version("2026-11-27", "c495b8b",
                                                               "2026-11-27"))
    formats = edition_formats(edition, Work("Nilai inti: Keamanan", f"{SITE_URL}id/core-values/",
                                            "k"))
    apa = plain(formats["apa"][0]).replace("December 1, 2026", "1 Desember 2026")
    assert apa.startswith("Para kontributor edisi web. (2026, 27 November).")
    assert "Diakses 1 Desember 2026, dari" in apa and "versi 2026-11-27" in apa
    assert "diakses" in plain(formats["chicago"][0])
    bibtex = plain(formats["bibtex"][0])
    assert bibtex.startswith("@online{k-id,")  # each language its own key
    assert "language     = {id}" in bibtex and "urldate      = {2026-12-01}" in bibtex
    nojs = plain(formats["apa"][0], javascript=False)
    assert "Diakses" not in nojs and nojs.endswith(f"Situs. {SITE_URL}id/core-values/")


def test_an_unreleased_build_says_so():
    edition = Edition("Site", SITE_URL, "en", Version("2026-11-27", "c495b8b"))
    apa = plain(edition_formats(edition, WORK)["apa"][0])
    assert "[Section of a web edition; unreleased version of 2026-11-27, commit c495b8b]" in apa
    edition = Edition("Situs", SITE_URL, "id", Version("2026-11-27", "c495b8b"))
    assert "versi belum dirilis dari 2026-11-27" in plain(edition_formats(edition,
                                                                          WORK)["apa"][0])


def test_an_unversioned_build_says_so():
    edition = Edition("Site", SITE_URL, "en", Version())
    apa = plain(edition_formats(edition, WORK)["apa"][0])
    assert "(n.d.)" in apa and "[Section of a web edition; unversioned]" in apa


def test_without_javascript_a_citation_gives_no_access_date():
    control, formats = section_control(EDITION, WORK, "cite--security")
    assert control.startswith('<details class="cite-section" data-search-exclude '
                              'data-cite="cite--security">')
    assert '<a href="#cite--security">' in control  # the formats are at the end of the page
    assert formats.startswith('<div class="cite-formats" id="cite--security"')
    # where APA, both Chicago texts, BibTeX and RIS give the date, cite.js writes it in
    assert formats.count('<span class="cite-accessed"') == 5
    for html in (control, formats):
        assert "\n\n" not in html  # safe as raw HTML in Markdown
    text = plain(formats, javascript=False)
    assert "[date]" not in text and "ccessed" not in text and "Retrieved" not in text
    assert "urldate" not in text and "Y2  -" not in text
    apa, note, bibliography = (plain(edition_formats(EDITION, WORK)[f][i], javascript=False)
                               for f, i in (("apa", 0), ("chicago", 0), ("chicago", 1)))
    assert apa.endswith(f"Turkey's National Interests & Co. {SITE_URL}core-values/#security")
    assert note.endswith(f"commit c495b8b, {SITE_URL}core-values/#security.")
    assert bibliography.endswith(f"Version 2026-11-27, commit c495b8b. {SITE_URL}"
                                 "core-values/#security.")


def test_bibtex_escape():
    assert bibtex_escape("A & B_c {d} 50% $#~^\\") == (
        r"A \& B\_c \{d\} 50\% \$\#\textasciitilde{}\textasciicircum{}\textbackslash{}")


def test_the_article_in_four_formats(ledger):
    block = citation_block("article", EDITION, ledger.sources["putri-2025"])
    text = plain(block)
    assert "Putri, A. T., Subagyo, A., & Panorama, A. D. (2025)." in text
    assert "Anggun Triani Putri, Agus Subagyo, and Anggun Dwi Panorama, “Kepentingan" in text
    assert "October 15, 2025" in text and "TY  - JOUR" in text
    library = bibtexparser.parse_string(re.search(r"@article\{.*?\n\}", text, re.S).group(0))
    (entry,) = library.entries
    assert entry.key == "putri-2025" and "Subagyo, Agus" in entry.fields_dict["author"].value


def test_json_ld_cannot_close_its_script():
    text = script_json({"name": "</script><script>alert(1)</script> & more"})
    assert "</" not in text and "<" not in text and "&" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script> & more"


# --------------------------------------------------------------------------- the built site


def test_mkdocs_site_url_is_the_pages_address_of_repo_url():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    repo = re.search(r"^repo_url:\s*(\S+)", config, re.M).group(1)
    site = re.search(r"^site_url:\s*(\S+)", config, re.M).group(1)
    owner, name = repo.rstrip("/").split("/")[-2:]
    assert site == f"https://{owner}.github.io/{name}/" == SITE_URL and repo == REPO_URL


@pytest.mark.parametrize("path", CONTENT + [f"id/{p}" for p in CONTENT])
def test_every_section_of_a_content_page_can_be_cited(site, path):
    soup = site.page(path)
    lang = "id" if path.startswith("id/") else "en"
    headings = soup.select(".md-content article h2[id], .md-content article h3[id]")
    headings = [h for h in headings if not h.find_parent(class_="cite-section")
                and not h.find_parent(class_="footnote")]
    assert headings, path
    for heading in headings:
        control = heading.find_next_sibling()
        assert control.name == "details" and "cite-section" in control["class"], heading["id"]
        summary = control.summary.get_text()
        assert summary == ("Cite this section" if lang == "en" else "Kutip bagian ini")
        # its formats: at the end of the page, where the control links to
        target = control.select_one(".cite-later a")["href"]
        assert target == f"#cite--{heading['id']}" == f"#{control['data-cite']}"
        formats = soup.find(id=target[1:])
        assert formats.find_parent(class_="cite-appendix") is not None
        page = path.removesuffix("index.html")
        assert formats.select_one(".cite-meta a")["href"] == f"{SITE_URL}{page}#{heading['id']}"
        names = [n.get_text() for n in formats.select(".cite-format__name")]
        assert names[0] == "APA 7" and names[2:] == ["BibTeX", "RIS"]
        assert control.get("data-search-exclude") is not None
        assert formats.find_parent(class_="cite-appendix").get("data-search-exclude") is not None


def test_pages_that_are_not_sections_of_the_argument_have_no_control(site):
    for path in ("about/cite/index.html", "evidence/facts/index.html",
                 "evidence/errata/index.html", "id/about/correct/index.html"):
        assert not site.page(path).select("details.cite-section"), path


@pytest.mark.parametrize("path, lang", [("about/cite/index.html", "en"),
                                        ("id/about/cite/index.html", "id")])
def test_how_to_cite_gives_the_edition_and_the_article_in_four_formats(site, path, lang):
    soup = site.page(path)
    blocks = soup.select(".md-content .cite-formats")
    assert len(blocks) == 2
    for block in blocks:
        assert [n.get_text() for n in block.select(".cite-format__name")][::2] == ["APA 7",
                                                                                    "BibTeX"]
    article, edition = (plain(str(b)) for b in blocks)
    assert "Putri, A. T., Subagyo, A., & Panorama, A. D. (2025)" in article
    home = SITE_URL if lang == "en" else f"{SITE_URL}id/"
    assert home in edition
    assert ("The web edition's contributors" if lang == "en" else "Para kontributor edisi web") \
        in edition
    assert "the project contributors" not in soup.get_text()


def meta(soup, key):
    return [m["content"] for m in soup.find_all("meta", attrs={"name": key})] + [
        m["content"] for m in soup.find_all("meta", attrs={"property": key})]


def test_every_page_has_citation_metadata(site):
    for path in site.html_pages():
        if path.startswith(("charts/", "search/")) or "/open.html" in path:
            continue
        soup = site.page(path)
        lang = "id" if path.startswith("id/") else "en"
        for key in ("citation_title", "citation_author", "citation_language", "DC.title",
                    "DC.creator", "DC.language", "og:title", "og:url"):
            assert meta(soup, key), (path, key)
        assert meta(soup, "citation_language") == [lang]
        # what a reference manager stores (cite/metadata.py): a web page titled by the page's
        # heading (the edition's title at home), by one institution, on the edition's website
        site_name = meta(soup, "og:site_name")[0]
        heading = soup.h1.get_text().removesuffix("¶").strip()
        home = path in ("index.html", "id/index.html")
        assert meta(soup, "citation_title") == [site_name if home else heading], path
        authors = "The web edition's contributors" if lang == "en" else \
            "Para kontributor edisi web"
        assert meta(soup, "citation_author") == [authors + ","], path  # one institution
        assert meta(soup, "DC.creator") == meta(soup, "author") == [authors], path
        assert meta(soup, "og:type") == ["website"], path
        for key in ("citation_pdf_url", "citation_journal_title", "DC.source", "DC.type"):
            assert not meta(soup, key), (path, key)  # see cite/metadata.py
        assert meta(soup, "citation_reference")[0].startswith(
            "citation_title=Kepentingan Nasional Turki dalam Kerja Sama Militer"), path
        description = meta(soup, "description")
        assert len(description) == 1 and description[0], path
        data = json.loads(soup.find("script", type="application/ld+json").string)
        assert data["isBasedOn"]["@type"] == "ScholarlyArticle"
        assert [a["familyName"] for a in data["isBasedOn"]["author"]] == [
            "Putri", "Subagyo", "Panorama"]
        page = path.removesuffix("index.html")
        assert meta(soup, "og:url") == [f"{SITE_URL}{page}"]


def test_a_page_lists_the_sources_it_cites(site):
    soup = site.page("middle-range/index.html")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    names = {c["name"] for c in data["citation"]}
    assert "Export figures by sector" in names
    assert "Trans-Anatolian Natural Gas Pipeline (TANAP)" in names
    references = meta(soup, "citation_reference")
    assert any("citation_title=Export figures by sector" in r for r in references)
    assert references[0].startswith("citation_title=Kepentingan Nasional Turki")  # the article
    assert "citation_author=Putri, Anggun Triani" in references[0]


def test_a_work_printed_without_a_title_is_named_by_its_description(site, ledger):
    """Never by its id, nor by its magazine's name as if that were its title (APA 7)."""
    soup = site.page("core-values/index.html")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    names = [c["name"] for c in data["citation"]]
    sipri = ledger.sources["sipri-2023"].description["en"]
    assert f"[{sipri}]" in names and not set(names) & set(ledger.sources)
    assert "citation_publication_date=2021; citation_journal_title=Forbes" in meta(
        soup, "citation_reference")  # no citation_title: none is printed


# --------------------------------------------------------------------------- correct links


def fact_lines() -> dict[str, int]:
    lines = (ROOT / "data" / "facts.yml").read_text(encoding="utf-8").splitlines()
    return {m.group(1): n for n, line in enumerate(lines, start=1)
            if (m := re.match(r"^- id: (\S+)", line))}


def test_every_fact_on_a_content_page_can_be_corrected_from_its_footnote(site, ledger):
    lines = fact_lines()
    for path in CONTENT + [f"id/{p}" for p in CONTENT]:
        soup = site.page(path)
        links = {a["href"] for a in soup.select(".footnote a")}
        for span in soup.select(".md-content span.fact[data-fact]"):
            fact = span["data-fact"]
            url = f"{REPO_URL}/blob/main/data/facts.yml#L{lines[fact]}"
            assert url in links, (path, fact)
            assert "data/facts.yml" in span["title"] and str(lines[fact]) in span["title"]


def test_every_ledger_row_can_be_corrected(site):
    lines = fact_lines()
    for path in ("evidence/facts/index.html", "id/evidence/facts/index.html"):
        soup = site.page(path)
        for fact, line in lines.items():
            row = soup.find(id=f"fact-{fact}").find_parent("tr")
            link = row.select_one("a.fact-correct")
            assert link["href"] == f"{REPO_URL}/blob/main/data/facts.yml#L{line}", fact
        assert soup.select_one("a.fact-correct").get_text() == (
            "Correct this number" if path.startswith("evidence") else "Koreksi angka ini")


def test_every_source_can_be_corrected(site, ledger):
    lines = (ROOT / "data" / "sources.yml").read_text(encoding="utf-8").splitlines()
    soup = site.page("evidence/sources/index.html")
    hrefs = {a["href"] for a in soup.select("a[href*='data/sources.yml#L']")}
    assert len(hrefs) == len(ledger.sources)
    for href in hrefs:
        line = int(href.rsplit("#L", 1)[1])
        assert lines[line - 1].startswith("- id: "), href


@pytest.mark.parametrize("path, source", [
    ("core-values/index.html", "docs/core-values.md"),
    ("id/core-values/index.html", "docs/core-values.id.md"),
    ("id/about/cite/index.html", "docs/about/cite.id.md"),
    ("evidence/errata/index.html", "data/corrections.yml"),
    ("id/about/changelog/index.html", "data/changelog.yml"),
])
def test_edit_links_open_the_file_the_page_is_made_from(site, path, source):
    edit = site.page(path).select_one("a.md-content__button[href*='/edit/']")
    assert edit["href"] == f"{REPO_URL}/edit/main/{source}"


def test_the_same_source_builds_the_same_site(project, monkeypatch):
    """No wall clock: with the version given, two builds are byte for byte the same."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798675200")  # 2026-12-31
    monkeypatch.setenv("EDITION_COMMIT", "abc1234")
    outputs = []
    for run in ("one", "two"):
        result = project.build()
        assert result.returncode == 0, result.stderr
        site = project.root / "site"
        files = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*")
                 if p.is_file() and p.name != "sitemap.xml.gz"}
        outputs.append(files)
        (project.root / "site").rename(project.root / f"site-{run}")
    assert outputs[0].keys() == outputs[1].keys()
    assert [p for p in outputs[0] if outputs[0][p] != outputs[1][p]] == []
    page = outputs[0]["core-values/index.html"].decode("utf-8")
    assert "unreleased version of 2026-12-31, commit abc1234" in page
    assert '<meta name="citation_publication_date" content="2026/12/31">' in page


def test_every_written_page_has_its_own_description():
    for path in sorted((ROOT / "docs").rglob("*.md")):
        head = path.read_text(encoding="utf-8").split("\n---", 1)[0]
        assert re.search(r"^description: \S", head, re.M), path.relative_to(ROOT)


@pytest.mark.parametrize("path", ["evidence/facts/index.html", "evidence/errata/index.html",
                                  "id/evidence/downloads/index.html",
                                  "id/evidence/sources/index.html"])
def test_generated_pages_have_their_own_description(site, path):
    (description,) = meta(site.page(path), "description")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert description and description[:40] not in config
