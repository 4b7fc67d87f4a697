"""What Zotero stores when a reader saves a page (translation-server's /web, which runs the same
translators as the Zotero Connector: here Embedded Metadata) or imports a download or a section
citation (/import: the BibTeX, RIS and CSL JSON translators). The server is found at
EDITION_ZOTERO_URL (default http://127.0.0.1:1969); without one the tests skip, saying so,
except in CI. Each page and each record is posted once per session (conftest.py). What Zotero
should store is decided in hooks/edition/cite/metadata.py (pages), outputs/bibliography.py
(downloads) and cite/formats.py (section citations)."""

from __future__ import annotations

import json

from . import tools


def _items(result) -> list[dict]:
    """The bibliographic items of a translation-server answer (child notes left out)."""
    if not isinstance(result, list):
        return []
    return [item for item in result if item.get("itemType") not in ("note", "attachment")]


def _meta(site, page: str, key: str) -> str:
    soup = site.page(page)
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else ""


def _jsonld(site, page: str) -> dict:
    script = site.page(page).find("script", type="application/ld+json")
    return json.loads(script.string) if script else {}


# ------------------------------------------------------------------ saving a page (/web)

def test_zotero_saves_every_page_as_one_item_with_its_address(zotero_web, site):
    problems = []
    for page, result in zotero_web.items():
        items = _items(result)
        if len(items) != 1:
            problems.append(f"{page}: {str(result)[:200]}")
            continue
        item = items[0]
        if not item.get("title"):
            problems.append(f"{page}: no title")
        if item.get("url") != tools.canonical_url(site.root, page):
            problems.append(f"{page}: url {item.get('url')!r}")
    assert not problems, "\n".join(problems)
    assert len(zotero_web) > 30


def test_zotero_dates_a_page_by_the_version_the_page_names(zotero_web, site):
    """The date Zotero stores is the version date the page itself gives (JSON-LD
    dateModified, the same as 'Version:' beside each section citation)."""
    problems = []
    for page, result in zotero_web.items():
        version = _jsonld(site, page).get("dateModified", "")
        got = tools.iso_date(_items(result)[0].get("date", "")) if _items(result) else ""
        if not version or got != version:
            problems.append(f"{page}: Zotero {got!r}, page {version!r}")
    assert not problems, "\n".join(problems)


def test_zotero_saves_every_page_as_a_web_page(zotero_web):
    types = {page: _items(result)[0]["itemType"] for page, result in zotero_web.items()}
    wrong = {page: kind for page, kind in types.items() if kind != "webpage"}
    assert not wrong, f"{len(wrong)} of {len(types)} pages: {wrong}"


def test_zotero_stores_the_edition_as_one_institutional_author(zotero_web):
    wrong = {page: _items(result)[0].get("creators") for page, result in zotero_web.items()
             if [set(c) - {"creatorType"} for c in _items(result)[0].get("creators", [])]
             != [{"name"}]}
    assert not wrong, f"{len(wrong)} pages, e.g. {list(wrong.items())[:2]}"


def test_zotero_names_the_edition_as_the_website(zotero_web, site):
    wrong = {}
    for page, result in zotero_web.items():
        item = _items(result)[0]
        site_name = _meta(site, page, "og:site_name")
        if item.get("websiteTitle") != site_name or item.get("publicationTitle"):
            wrong[page] = (item.get("websiteTitle"), item.get("publicationTitle"))
    assert not wrong, f"{len(wrong)} pages, e.g. {list(wrong.items())[:2]}"


def test_zotero_titles_each_home_page_with_the_edition_s_title(zotero_web, site):
    for page in ("index.html", "id/index.html"):
        assert _items(zotero_web[page])[0]["title"] == _meta(site, page, "og:site_name"), page


# ------------------------------------------------------------------ importing (/import)

def _ids(site) -> list[str]:
    return [item["id"] for item in json.loads((site.root / "sources.json").read_text())]


def test_zotero_imports_every_source_of_every_download(zotero_imports, site):
    ids, problems = _ids(site), []
    for lang in tools.LANGUAGE_ROOTS:
        for fmt in tools.DOWNLOADS:
            whole = _items(zotero_imports[f"{lang}/{fmt}"])
            if len(whole) != len(ids):
                problems.append(f"{lang}/{fmt}: {len(whole)} of {len(ids)} imported")
            for key in ids:
                if len(_items(zotero_imports[f"{lang}/{fmt}/{key}"])) != 1:
                    problems.append(f"{lang}/{fmt}/{key}: "
                                    f"{str(zotero_imports[f'{lang}/{fmt}/{key}'])[:120]}")
    assert not problems, "\n".join(problems)


# Differences no choice of type can avoid, because of how Zotero's importers map types (see the
# notes of issue 13): (format, type from sources.json, type from that format, condition on the
# format's record).
# - BibLaTeX has no newspaper or magazine type: @article with entrysubtype = {newspaper} is the
#   convention, and Zotero's BibTeX importer reads any @article as a journal article;
# - Zotero's BibTeX importer knows no @dataset (it drops it): @misc with entrysubtype =
#   {dataset} is imported, as a document;
# - Zotero's RIS importer reads the generic TY GEN as a journal article.
UNAVOIDABLE = [
    ("bibtex", {"newspaperArticle", "magazineArticle"}, "journalArticle", "entrysubtype"),
    ("bibtex", {"dataset"}, "document", "entrysubtype = {dataset}"),
    ("ris", {"document"}, "journalArticle", "TY  - GEN"),
]


def _unavoidable(fmt: str, expected: str, got: str, record: str) -> bool:
    return any(fmt == f and expected in types and got == result and condition in record
               for f, types, result, condition in UNAVOIDABLE)


def test_zotero_reads_each_source_alike_in_the_three_formats(zotero_imports, site):
    found = []
    texts = {fmt: tools.split_entries((site.root / name).read_text(encoding="utf-8"), fmt)
             for fmt, name in tools.DOWNLOADS.items()}
    for lang in tools.LANGUAGE_ROOTS:
        for key in _ids(site):
            records = {}
            for fmt in tools.DOWNLOADS:
                items = _items(zotero_imports[f"{lang}/{fmt}/{key}"])
                records[fmt] = tools.zotero_record(items[0]) if items else None
            reference = records["csl"]
            for fmt in ("bibtex", "ris"):
                got = records[fmt]
                if got is None:
                    found.append(f"{lang} {key}: nothing imported from {fmt}")
                    continue
                for difference in reference.differences(got):
                    if difference.startswith("type:") and _unavoidable(
                            fmt, reference.type, got.type, texts[fmt].get(key, "")):
                        continue
                    found.append(f"{lang} {key}: sources.json vs {fmt}: {difference}")
    assert not found, f"{len(found)} differences:\n" + "\n".join(found)


def test_zotero_imports_each_section_citation_with_its_title_and_permalink(zotero_imports,
                                                                          section_citations):
    problems = []
    for cite in section_citations:
        anchor = cite.anchor.removeprefix("cite--")
        for fmt in ("bibtex", "ris"):
            items = _items(zotero_imports[f"section/{cite.page}#{cite.anchor}/{fmt}"])
            if len(items) != 1 or not items[0].get("title") or \
                    not items[0].get("url", "").endswith("#" + anchor):
                problems.append(f"{cite.page}#{anchor} {fmt}: {str(items)[:160]}")
    assert not problems, "\n".join(problems[:20])


def test_zotero_stores_no_placeholder_access_date_from_a_section_citation(zotero_imports,
                                                                          section_citations):
    wrong = {}
    for cite in section_citations:
        for fmt in ("bibtex", "ris"):
            for item in _items(zotero_imports[f"section/{cite.page}#{cite.anchor}/{fmt}"]):
                accessed = item.get("accessDate", "")
                if accessed and not tools.iso_date(accessed[:10])[:4].isdigit():
                    wrong[f"{cite.page}#{cite.anchor} {fmt}"] = accessed
    assert not wrong, f"{len(wrong)} citations, e.g. {list(wrong.items())[:3]}"


def test_zotero_reads_a_section_citation_alike_in_bibtex_and_ris(zotero_imports,
                                                                 section_citations):
    fields = ("itemType", "title", "creators", "date", "url", "websiteTitle", "language")
    found = tools.bibtex_ris_differences(zotero_imports, section_citations, _items, fields)
    assert not found, f"{len(found)} differences, e.g.\n" + "\n".join(found[:12])
