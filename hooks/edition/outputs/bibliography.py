"""The sources as CSL-JSON, BibTeX (biblatex) and RIS: sources.json, sources.bib and sources.ris,
in each language, key = source id.

A reader imports any of the three into a reference manager and must get the same work: the
same type, title, creators, date and address (tests/outside/ import them with Zotero,
citation-js and pybtex). The type of each CSL type in the other two formats (TYPES) is the one
those readers map back to it:

- newspaper and magazine articles: BibLaTeX has no type for them; `@article` with
  `entrysubtype = {newspaper}` (or `magazine`) is its convention. Zotero's BibTeX importer still
  reads every @article as a journal article: the one difference no type choice avoids there;
- a data set: `@misc` with `entrysubtype = {dataset}`, since Zotero's BibTeX importer drops a
  `@dataset` entry altogether (Zotero then reads a document);
- a work of unknown kind: CSL `document`, RIS `GEN` (which Zotero reads as a journal article),
  BibTeX `@misc`.

Fields are copied as the article prints them (a misspelt URL stays misspelt: see the Errata).
A title is brace-protected in BibTeX, so that styles keep its capitals. A work printed without
a title has none here either; its description (data/sources.py) is the kind of work: CSL
`genre`, which APA styles print in square brackets in the title's place; RIS `M3` (type of
work); biblatex `titleaddon`, which biblatex styles print after the (missing) title and
reference managers leave out, so that it never becomes a title. A website's name is the CSL
container; in BibTeX `journal` (Zotero's and citation-js's website) beside `organization`
(what biblatex prints for @online; Zotero drops it). The notes on what the article printed are
in each language's sources.json (`note`); BibTeX and RIS carry none, since styles print a
BibTeX note in the bibliography.
"""

from __future__ import annotations

from ..cite.bibtex import bibtex_entry, bibtex_escape, bibtex_title, bibtex_url, ris_record
from ..data.csl import Name
from ..data.ledger import Ledger
from ..data.sources import Source
from ..locale import words
from ..locale.text import tr

# CSL type -> (RIS type, BibTeX entry type, BibLaTeX entrysubtype); every type a source may
# have (data/sources.py SOURCE_TYPES; tests/test_exports.py)
TYPES = {
    "article-journal": ("JOUR", "article", ""),
    "article-magazine": ("MGZN", "article", "magazine"),
    "article-newspaper": ("NEWS", "article", "newspaper"),
    "book": ("BOOK", "book", ""),
    "webpage": ("ELEC", "online", ""),
    "report": ("RPRT", "report", ""),
    "dataset": ("DATA", "misc", "dataset"),
    "graphic": ("ART", "artwork", ""),
    "document": ("GEN", "misc", ""),
}


def _bib_name(author: Name) -> str:
    if not author.is_person:
        return "{" + bibtex_escape(author.literal) + "}"
    return bibtex_escape(author.inverted)


def source_csl(source: Source, lang: str) -> dict:
    """The source's CSL-JSON item in `lang`: its note and description in that language."""
    item = {key: value for key, value in source.csl.items() if key != "note"}
    if source.description:
        item["genre"] = tr(source.description, lang)
    if source.note:
        item["note"] = tr(source.note, lang)
    return item


# --------------------------------------------------------------------------- BibTeX and RIS


def source_bibtex(source: Source, lang: str) -> str:
    csl = source.csl
    _, kind, subtype = TYPES[csl["type"]]
    issued = source.issued
    container = bibtex_escape(csl.get("container-title", ""))
    publisher = bibtex_escape(csl.get("publisher", ""))
    fields = [
        ("author", " and ".join(_bib_name(a) for a in source.authors)),
        ("title", bibtex_title(csl.get("title", ""))),
        ("titleaddon", bibtex_escape(tr(source.description, lang)) if source.description else ""),
        ("entrysubtype", subtype),
        ("journal" if kind in ("article", "online") else "howpublished", container),
        ("organization" if kind == "online" else "", container),
        ("institution" if kind == "report" else "publisher", publisher),
        ("volume", bibtex_escape(csl.get("volume", ""))),
        ("number", bibtex_escape(csl.get("issue", ""))),
        ("pages", bibtex_escape(str(csl.get("page", "")).replace("-", "--"))),
        ("year", issued.year if issued else ""),
        ("date", issued.iso if issued and len(issued.parts) > 1 else ""),
        ("url", bibtex_url(csl.get("URL", ""))),
        ("urldate", source.accessed.iso if source.accessed else ""),
        ("langid", "indonesian" if csl.get("language") == "id" else ""),
        ("language", csl.get("language", "")),
    ]
    return bibtex_entry(kind, source.id, [(name, value) for name, value in fields if name])


def sources_bibtex(ledger: Ledger, lang: str) -> str:
    return words("downloads", lang)["bibtex_head"] + "\n" + "\n\n".join(
        source_bibtex(s, lang) for s in ledger.sources.values()) + "\n"


def source_ris(source: Source, lang: str) -> str:
    csl = source.csl
    issued = source.issued
    page = str(csl.get("page", ""))
    start, _, end = page.partition("-")
    tags = [("TY", TYPES[csl["type"]][0]), ("ID", source.id)]
    for author in source.authors:
        tags.append(("AU", author.inverted))
    tags += [("TI", csl.get("title", "")),
             ("M3", tr(source.description, lang) if source.description else ""),
             ("T2", csl.get("container-title", "")),
             ("PB", csl.get("publisher", "")), ("VL", csl.get("volume", "")),
             ("IS", csl.get("issue", "")), ("SP", start), ("EP", end),
             ("PY", issued.year if issued else ""),
             ("DA", issued.iso.replace("-", "/") if issued and len(issued.parts) > 1 else ""),
             ("UR", csl.get("URL", "")),
             ("Y2", source.accessed.iso.replace("-", "/") if source.accessed else ""),
             ("LA", csl.get("language", ""))]
    return ris_record(tags)


def sources_ris(ledger: Ledger, lang: str) -> str:
    return "\n\n".join(source_ris(s, lang) for s in ledger.sources.values()) + "\n"


def extra_downloads(ledger: Ledger, lang: str) -> dict[str, str]:
    """The files this module adds beside generated.downloads()."""
    return {"sources.bib": sources_bibtex(ledger, lang), "sources.ris": sources_ris(ledger, lang)}
