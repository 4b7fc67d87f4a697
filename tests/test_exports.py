"""Downloads (hooks/edition/outputs/) checked with real tools: the BibTeX with bibtexparser, the
CSL-JSON with the citeproc-py CSL processor, the data package with the Frictionless validator,
and CITATION.cff with the Citation File Format's own schema."""

from __future__ import annotations

import hashlib
import json
import re
import warnings
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import yaml

from conftest import ROOT

LANGS = [("", "en"), ("id/", "id")]


@pytest.mark.parametrize("prefix, lang", LANGS)
def test_the_bibtex_parses_with_bibtexparser(site, ledger, prefix, lang):
    library = bibtexparser.parse_string((site.root / prefix / "sources.bib").read_text("utf-8"))
    assert not library.failed_blocks
    entries = {e.key: e for e in library.entries}
    assert set(entries) == set(ledger.sources)
    witt = entries["witt-2022"]
    assert witt.entry_type == "article"
    assert witt.fields_dict["journal"].value == "The New Yorker"
    assert witt.fields_dict["urldate"].value == "2025-07-19"
    kalwar = entries["kalwar-2022"].fields_dict
    assert kalwar["author"].value == "Kalwar, B. A. and Akhtar, M. N. and Khan, A. M."
    assert entries["sipri-2023"].fields_dict["author"].value == "{SIPRI}"
    # URLs exactly as printed, misspelt or not (see the Errata)
    assert entries["ots-2021-vision"].fields_dict["url"].value == (
        "https://www.tukicstates.org/en/news/turkic-world-vision-2020")
    assert r"Rowman\&Littlefield" in entries["askerov-2020"].fields_dict["publisher"].value


def test_every_source_type_has_its_type_in_each_format():
    from edition.data.sources import SOURCE_TYPES
    from edition.outputs.bibliography import TYPES

    assert set(TYPES) == set(SOURCE_TYPES)


@pytest.mark.parametrize("prefix, lang", LANGS)
def test_a_work_printed_without_a_title_has_none_in_any_format(site, ledger, prefix, lang):
    """It is described (APA's bracketed description) where each format keeps the kind of
    work, never in a title; and each language's sources.json speaks that language."""
    items = {i["id"]: i for i in json.loads((site.root / prefix / "sources.json").read_text())}
    bib = (site.root / prefix / "sources.bib").read_text("utf-8")
    ris = (site.root / prefix / "sources.ris").read_text("utf-8")
    untitled = [s for s in ledger.sources.values() if not s.get("title")]
    assert {s.id for s in untitled} == {"bbc-2020", "bbc-news-indonesia", "forbes-2021",
                                        "car-2021", "sipri-2023"}
    for source in untitled:
        description = source.description[lang]
        assert "title" not in items[source.id] and items[source.id]["genre"] == description
        entry = re.search(rf"@\w+\{{{source.id},\n.*?\n\}}", bib, re.DOTALL)[0]
        assert "title " not in entry and "titleaddon   = {" + description + "}" in entry
        record = re.search(rf"ID  - {source.id}\n.*?ER  - ", ris, re.DOTALL)[0]
        assert "TI  -" not in record and f"M3  - {description}" in record
    assert items["khalid-2020"]["note"] == ledger.sources["khalid-2020"].note[lang]
    assert "@dataset" not in bib  # Zotero's BibTeX importer drops it: @misc, entrysubtype


def test_the_ris_has_one_record_per_source(site, ledger):
    text = (site.root / "sources.ris").read_text("utf-8")
    records = [r for r in text.split("ER  - ") if r.strip()]
    assert len(records) == len(ledger.sources)
    for record in records:
        lines = record.strip().splitlines()
        assert lines[0].startswith("TY  - ") and lines[1].startswith("ID  - ")
        assert all(re.match(r"^[A-Z][A-Z0-9]  - ", line) for line in lines)
    assert "UR  - https://www.nsenergybusiness.com/projects/" in text
    assert "SP  - 2\nEP  - 4" in text  # Outzen, "Hlm. 2-4"


def test_the_csl_json_renders_with_a_csl_processor(site, ledger):
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    items = json.loads((site.root / "sources.json").read_text("utf-8"))
    for item in items:  # citeproc-py reads CSL-JSON but not the edition's own notes
        item.pop("note", None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unknown CSL fields and styles' locale notices
        style = CitationStylesStyle("harvard-cite-them-right", validate=False)
        bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == len(ledger.sources)
    text = "\n".join(rendered)
    assert "Witt, S. (2022)" in text and "The Turkish drone that changed the nature of warfare" in text
    assert "Putri, A.T., Subagyo, A. and Panorama, A.D. (2025)" in text


@pytest.mark.parametrize("prefix, lang", LANGS)
def test_the_data_package_is_valid_for_frictionless(site, prefix, lang):
    from frictionless import validate

    folder = site.root / prefix
    descriptor = folder / "datapackage.json"
    report = validate(str(descriptor))  # every resource: schema, types, hashes, sizes
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert len(report.tasks) == len(json.loads(descriptor.read_text("utf-8"))["resources"])
    data = json.loads(descriptor.read_text("utf-8"))
    paths = {r["path"] for r in data["resources"]}
    assert {"facts.csv", "facts.json", "sources.json", "sources.bib", "sources.ris"} <= paths
    assert {p for p in paths if p.startswith("tables/")} == {
        f"tables/{p.name}" for p in (ROOT / "data" / "tables").glob("*.csv")}
    for resource in data["resources"]:
        content = (folder / resource["path"]).read_bytes()
        assert resource["hash"] == f"sha256:{hashlib.sha256(content).hexdigest()}"
        assert resource["bytes"] == len(content)
        assert resource["licenses"][0]["name"] == "CC-BY-4.0" and resource["sources"]
    assert data["sources"][0]["title"].startswith("Putri, Anggun Triani")
    facts = next(r for r in data["resources"] if r["name"] == "facts")
    assert {f["name"]: f["type"] for f in facts["schema"]["fields"]}["value"] == "number"


def test_the_downloads_page_lists_every_file_with_its_hash(site):
    soup = site.page("evidence/downloads/index.html")
    package = json.loads((site.root / "datapackage.json").read_text("utf-8"))
    links = {a["href"] for a in soup.select(".md-content a")}
    for resource in package["resources"]:
        assert f"../../{resource['path']}" in links
        assert resource["hash"][7:15] in soup.get_text()
    digest = hashlib.sha256((site.root / "datapackage.json").read_bytes()).hexdigest()
    assert digest in soup.get_text()
    assert site.page("id/evidence/downloads/index.html").h1.get_text().startswith("Unduhan")


def test_citation_cff_is_valid_and_prefers_the_article(ledger):
    schema = json.loads((ROOT / "tests" / "schemas" / "citation-file-format-1.2.0.json")
                        .read_text("utf-8"))
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
    jsonschema.Draft7Validator(schema).validate(cff)
    preferred = cff["preferred-citation"]
    article = ledger.sources["putri-2025"].csl
    assert preferred["title"] == article["title"]
    assert [(a["family-names"], a["given-names"]) for a in preferred["authors"]] == [
        (a["family"], a["given"]) for a in article["author"]]
    assert preferred["date-published"] == "2025-10-15"
    assert cff["authors"] == [{"name": "The web edition's contributors"}]
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    assert f"site_url: {cff['url']}" in config
    assert f"repo_url: {cff['repository-code']}" in config


def test_the_tests_use_no_network():
    """The CFF schema is vendored (tests/schemas/), the CSL style ships with citeproc-py."""
    from citeproc import STYLES_PATH

    assert (Path(STYLES_PATH) / "harvard-cite-them-right.csl").exists()
