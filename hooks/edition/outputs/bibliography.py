"""The sources as BibTeX (biblatex) and RIS: sources.bib and sources.ris, key = source id.

Fields are copied as the article prints them (a misspelt URL stays misspelt: see the Errata);
values are escaped for BibTeX (cite/bibtex.py). The tests parse the BibTeX with bibtexparser.
"""

from __future__ import annotations

from ..cite.bibtex import bibtex_entry, bibtex_escape, bibtex_url, ris_record
from ..data.csl import Name
from ..data.ledger import Ledger
from ..data.sources import Source
from ..locale import words

BIBTEX_TYPES = {"article-journal": "article", "article-magazine": "article",
                "article-newspaper": "article", "article": "misc", "book": "book",
                "webpage": "online", "report": "report", "dataset": "dataset",
                "graphic": "misc"}
RIS_TYPES = {"article-journal": "JOUR", "article-magazine": "MGZN", "article-newspaper": "NEWS",
             "article": "GEN", "book": "BOOK", "webpage": "ELEC", "report": "RPRT",
             "dataset": "DATA", "graphic": "FIGURE"}


def _bib_name(author: Name) -> str:
    if not author.is_person:
        return "{" + bibtex_escape(author.literal) + "}"
    return bibtex_escape(author.inverted)


# --------------------------------------------------------------------------- BibTeX and RIS


def source_bibtex(source: Source) -> str:
    csl = source.csl
    kind = BIBTEX_TYPES.get(csl.get("type", ""), "misc")
    issued = source.issued
    container = bibtex_escape(csl.get("container-title", ""))
    fields = [
        ("author", " and ".join(_bib_name(a) for a in source.authors)),
        ("title", bibtex_escape(csl.get("title", ""))),
        ("journal" if kind == "article" else "organization" if kind == "online"
         else "howpublished", container),
        ("publisher" if kind in ("book", "misc") else "institution" if kind == "report"
         else "publisher", bibtex_escape(csl.get("publisher", ""))),
        ("volume", bibtex_escape(csl.get("volume", ""))),
        ("number", bibtex_escape(csl.get("issue", ""))),
        ("pages", bibtex_escape(str(csl.get("page", "")).replace("-", "--"))),
        ("year", issued.year if issued else ""),
        ("date", issued.iso if issued and len(issued.parts) > 1 else ""),
        ("url", bibtex_url(csl.get("URL", ""))),
        ("urldate", source.accessed.iso if source.accessed else ""),
        ("langid", "indonesian" if csl.get("language") == "id" else ""),
    ]
    if not csl.get("title") and not csl.get("author") and container:
        fields[1] = ("title", container)
    return bibtex_entry(kind, source.id, fields)


def sources_bibtex(ledger: Ledger, lang: str) -> str:
    return words("downloads", lang)["bibtex_head"] + "\n" + "\n\n".join(
        source_bibtex(s) for s in ledger.sources.values()) + "\n"


def source_ris(source: Source) -> str:
    csl = source.csl
    issued = source.issued
    page = str(csl.get("page", ""))
    start, _, end = page.partition("-")
    tags = [("TY", RIS_TYPES.get(csl.get("type", ""), "GEN")), ("ID", source.id)]
    for author in source.authors:
        tags.append(("AU", author.inverted))
    tags += [("TI", csl.get("title", "") or csl.get("container-title", "")),
             ("T2", csl.get("container-title", "") if csl.get("title") else ""),
             ("PB", csl.get("publisher", "")), ("VL", csl.get("volume", "")),
             ("IS", csl.get("issue", "")), ("SP", start), ("EP", end),
             ("PY", issued.year if issued else ""),
             ("DA", issued.iso.replace("-", "/") if issued and len(issued.parts) > 1 else ""),
             ("UR", csl.get("URL", "")),
             ("Y2", source.accessed.iso.replace("-", "/") if source.accessed else ""),
             ("LA", csl.get("language", ""))]
    return ris_record(tags)


def sources_ris(ledger: Ledger) -> str:
    return "\n\n".join(source_ris(s) for s in ledger.sources.values()) + "\n"


def extra_downloads(ledger: Ledger, lang: str) -> dict[str, str]:
    """The files this module adds beside generated.downloads()."""
    return {"sources.bib": sources_bibtex(ledger, lang), "sources.ris": sources_ris(ledger)}
