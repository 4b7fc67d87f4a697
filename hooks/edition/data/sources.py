"""data/sources.yml: every work the article relies on, in CSL fields, as the article prints it.

    - id: witt-2022
      type: article-magazine
      author: [{family: Witt, given: Stephen}]
      issued: 2022
      title: The Turkish drone that changed the nature of warfare
      container-title: The New Yorker
      URL: https://...
      in_bibliography: true
      cited_as: [footnote 8]
      printed: ["Witt, S. (2022). ..."]

The CSL fields are copied into the source's CSL-JSON item (`Source.csl`, published as
sources.json); its names and dates are parsed once (data/csl.py).

A source the article names without a title (a caption's "Sumber: BBC, 2020") gets no title: a
title the article does not print would be invented. It gets a `description` instead, what the
work is as far as the article tells, in each language, which citations give in square brackets
where the title would be (APA 7's bracketed description) and the downloads give as the kind of
work (outputs/bibliography.py):

    - id: bbc-2020
      type: graphic
      author: [{literal: BBC}]
      description: {en: Map of the Nagorno-Karabakh region, id: Peta wilayah Nagorno-Karabakh}
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..locale.text import Text, tr
from .csl import CslDate, Name, csl_date, csl_date_item, names
from .fields import Entry, Field, check_unique, date_problem, not_text, read_entries
from .registry import DataFile, Loading

FILE = "data/sources.yml"
ARTICLE_ID = "putri-2025"  # the article itself, the edition's original
CSL_FIELDS = ("type", "author", "issued", "submitted", "title", "container-title", "publisher",
              "publisher-place", "volume", "issue", "page", "URL", "accessed", "DOI", "language")
DATE_FIELDS = ("issued", "accessed", "submitted")
TEXT_FIELDS = ("title", "container-title", "publisher", "publisher-place", "volume", "issue",
               "page", "DOI", "language")
NAME_FIELDS = ("family", "given", "literal")
# The CSL types a source may have: those the downloads can write in all three formats
# (outputs/bibliography.py TYPES). CSL's generic "article" is not one: Zotero reads it as a
# preprint; a work whose kind the article does not tell is a "document".
SOURCE_TYPES = ("article-journal", "article-magazine", "article-newspaper", "book", "webpage",
                "report", "dataset", "graphic", "document")
# characters an address cannot hold unencoded (RFC 3986): they would also break out of BibTeX's
# braces or a RIS line
URL_UNSAFE_RE = re.compile(r'[{}<>"\\^`|]')
FIELDS = (
    Field("id", "id", required=True),
    Field("type", "choice", required=True, choices=SOURCE_TYPES),
    *(Field(key, "raw") for key in CSL_FIELDS[1:]),
    Field("in_bibliography", "custom", required=True,
          help="true when the article's bibliography (Daftar Pustaka) lists it"),
    Field("cited_as", "list", required=True, help="how the article cites it: 'footnote 8', ..."),
    Field("printed", "list", help="the reference as printed: the footnote's, then the "
          "bibliography's"),
    Field("note", "localized", help="what is wrong or missing in the printed reference"),
    Field("description", "localized", help="what the work is, for a source printed without a "
          "title (APA's bracketed description)"),
)


@dataclass(frozen=True)
class Source:
    """One work the article relies on, in CSL fields (see data/sources.yml)."""

    id: str
    line: int
    csl: dict  # the CSL-JSON item (id, type, author, issued, title, URL, ...)
    in_bibliography: bool
    cited_as: tuple[str, ...]
    printed: tuple[str, ...]
    note: Text | None
    description: Text | None = None  # APA's bracketed description, for a work without a title
    # parsed once from `csl`
    authors: tuple[Name, ...] = field(init=False, repr=False, compare=False)
    issued: CslDate | None = field(init=False, repr=False, compare=False)
    accessed: CslDate | None = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "authors", names(self.csl.get("author")))
        object.__setattr__(self, "issued", csl_date(self.csl.get("issued")))
        object.__setattr__(self, "accessed", csl_date(self.csl.get("accessed")))

    def get(self, key: str, default: Any = "") -> Any:
        """A CSL field as written ('title', 'container-title', 'URL', ...)."""
        return self.csl.get(key, default)

    @property
    def year(self) -> str:
        """The year of publication, or '' when the article gives none."""
        return self.issued.year if self.issued else ""


def _check_authors(entry: Entry, authors: Any) -> None:
    """`author`: a list of names, each {family, given} for a person, or {literal} (or a plain
    text) for an organisation."""
    if authors in (None, ""):
        return
    if not isinstance(authors, list):
        entry.fail(entry.line_of("author"), f"{entry.name}: 'author' must be a list of names, "
                   f"got {authors!r} (write [{{family: Witt, given: Stephen}}] for a person, "
                   "[SIPRI] for an organisation)")
        return
    for author in authors:
        line = getattr(author, "line", entry.line_of("author"))
        if isinstance(author, dict):
            for key in author:
                if key not in NAME_FIELDS:
                    entry.fail(line, f"{entry.name}: an author has the unknown field '{key}' "
                               f"(a name has family and given, or literal)")
            if "literal" not in author and not author.get("family"):
                entry.fail(line, f"{entry.name}: an author needs a 'family' name (or "
                           "'literal' for an organisation)")
            for key in NAME_FIELDS:
                if author.get(key) not in (None, "") and not_text(author[key]):
                    entry.fail(line, f"{entry.name}: an author's '{key}' {not_text(author[key])}")
        elif not_text(author):
            entry.fail(line, f"{entry.name}: each author {not_text(author)}")


def parse_sources(data: Any, rel: str, problems: list, languages: tuple[str, ...]
                  ) -> dict[str, Source]:
    sources: dict[str, Source] = {}
    seen: dict[str, int] = {}
    for entry, values in read_entries(data, rel, "source", problems, languages, FIELDS):
        ident = values["id"]
        if not any(entry.raw.get(k) for k in ("title", "container-title", "author")):
            entry.fail(entry.line, f"{entry.name}: needs at least one of 'title', "
                       "'container-title' or 'author' (as the article prints it)")
        if entry.raw.get("title") and values["description"]:
            entry.fail(entry.line_of("description"), f"{entry.name}: has a title, so it needs no "
                       "'description' (that is for a work printed without a title); remove it")
        elif not entry.raw.get("title") and not values["description"] and entry.ok:
            entry.fail(entry.line, f"{entry.name}: has no title, so give a 'description' of "
                       "what the work is, as far as the article tells, in each language (APA's "
                       "bracketed description, e.g. description: {en: Map of the region, id: "
                       "Peta wilayah}), never a title the article does not print")
        in_bib = entry.raw.get("in_bibliography")
        if not isinstance(in_bib, bool):
            entry.fail(entry.line_of("in_bibliography") if in_bib is not None else entry.line,
                       f"{entry.name}: 'in_bibliography' must be true or false")
        for key in DATE_FIELDS:
            value = entry.raw.get(key)
            if value not in (None, "") and not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", str(value)):
                entry.fail(entry.line_of(key), f"{entry.name}: '{key}' must be a year or an "
                           f"ISO date like 2025-07-19, got {value!r}")
            elif value not in (None, "") and date_problem(str(value)):
                entry.fail(entry.line_of(key), f"{entry.name}: '{key}' {value!r} "
                           f"{date_problem(str(value))}")
        printed = values["printed"]
        if len(printed) > 1 and (len(printed) > 2 or in_bib is not True):
            entry.fail(entry.line_of("printed"), f"{entry.name}: 'printed' lists two texts only "
                       "for a source printed both in a footnote and in the bibliography (the "
                       "footnote first, then the bibliography; 'in_bibliography: true'), got "
                       f"{len(printed)} texts with in_bibliography: {str(in_bib).lower()}")
        for key in TEXT_FIELDS:
            wrong = not_text(entry.raw[key]) if entry.raw.get(key) not in (None, "") else ""
            if wrong:
                entry.fail(entry.line_of(key), f"{entry.name}: '{key}' {wrong}")
        _check_authors(entry, entry.raw.get("author"))
        url = entry.raw.get("URL")
        if url and not_text(url):
            entry.fail(entry.line_of("URL"), f"{entry.name}: 'URL' {not_text(url)}")
        elif url and not re.match(r"^https?://\S+$", str(url)):
            entry.fail(entry.line_of("URL"), f"{entry.name}: 'URL' must start with http(s):// "
                       f"and contain no spaces, got {url!r}")
        elif url and URL_UNSAFE_RE.search(str(url)):
            char = URL_UNSAFE_RE.search(str(url)).group(0)
            entry.fail(entry.line_of("URL"), f"{entry.name}: 'URL' {url!r} contains {char!r}, "
                       "which an address cannot hold as it is: percent-encode it "
                       f"(%{ord(char):02X})")
        if not ident or not check_unique(ident, entry.line, seen, rel, "source", problems):
            continue
        csl: dict[str, Any] = {"id": ident}
        for key in CSL_FIELDS:
            if entry.raw.get(key) not in (None, ""):
                csl[key] = entry.raw[key]
        for key in DATE_FIELDS:
            if key in csl:
                csl[key] = csl_date_item(csl[key])
        if "author" in csl:
            csl["author"] = [dict(a) if isinstance(a, dict) else {"literal": str(a)}
                             for a in csl["author"]]
        note = values["note"]
        if note:
            csl["note"] = tr(note, "en")
        if entry.ok:
            sources[ident] = Source(ident, entry.line, csl, bool(in_bib), values["cited_as"],
                                    printed, note or None, values["description"] or None)
    return sources


def load(loading: Loading) -> dict[str, Source]:
    raw = loading.yaml(FILE, declare="sources",
                       expect="a YAML list of sources ('- id: ...')")
    return parse_sources(raw, FILE, loading.problems, loading.languages)


DATA_FILE = DataFile("sources", FILE, load, page="evidence/sources.md")
