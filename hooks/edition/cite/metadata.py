"""Machine-readable metadata for every page, so reference managers and indexers can cite it.

`page_metadata(...)` returns what overrides/main.html writes into the page's <head>. What a
reader's reference manager should store for any page of the edition (the How to cite page,
docs/about/cite.md, says the same to readers):

- item type: a **web page** (Zotero's "Web Page"), for every kind of page: the home page, the
  chapters, the generated evidence pages, How to cite and the printable edition. The data as a
  data set are the downloads (datapackage.json), not a page;
- title: the page's own heading (its H1); on the home page, the edition's title in the page's
  language, which is also the website's name;
- creator: one institution, the edition's authors as CITATION.cff names them ("The web
  edition's contributors", in Indonesian "Para kontributor edisi web"), never persons;
- date: the date of the version being read (cite/version.py: a release's date, or for an
  unreleased build the date of its commit), the same date the page's citations give;
- URL: the page's permanent address in that version; language: `en` or `id`; website: the
  edition's title; rights: CC BY 4.0; abstract: the page's description;
- the original article (Putri, Subagyo & Panorama 2025) as the work the page is based on: no
  tag a reference manager reads has a field for it (Dublin Core's `DC.source` becomes Zotero's
  *publication*, as if the page were printed in the article), so it is named in the JSON-LD
  (`isBasedOn`) and as the first `citation_reference`, and How to cite asks readers to cite it
  alongside.

How the tags are chosen so that Zotero's Embedded Metadata translator reads them that way
(tests/outside/test_zotero.py saves every page through Zotero's translation-server):

- Highwire Press `citation_*` tags (Zotero and Google Scholar): title, author, date
  (YYYY/MM/DD), language, the page's URL, and one `citation_reference` per work the page cites.
  `citation_author` ends with a comma ("The web edition's contributors,"): Zotero splits a name
  without a comma into a first and a last name at its last space, and keeps a name whose part
  after the comma is empty as a single-field (institutional) name. Never `citation_journal_title`
  or `citation_pdf_url`: the first makes Zotero save a journal article, and the edition has no
  PDF. Google Scholar indexes scholarly papers, not web editions; its tags do no harm here;
- OpenGraph `og:type` is `website` on every page: Zotero then saves a web page (with
  `og:type` `article`, the presence of `citation_title` makes it guess a journal article), and
  takes the website's name from `og:site_name`;
- Dublin Core (`DC.*`, declared with `<link rel="schema.DC">`): title, creator, date, language,
  format, identifier, rights; no `DC.source` (above) and no `DC.type` (Zotero would store "Text"
  as the kind of website);
- schema.org JSON-LD: the page as a `WebPage` of the edition's `WebSite`, `isBasedOn` the
  original article (a `ScholarlyArticle` with its three authors), `citation` the sources cited
  on the page.

The description comes from the page's front matter (`description:`); Material writes the
`<meta name="description">` tag itself. Every value here is plain text; the template escapes it
(`| e`), and the JSON-LD is serialised with `<`, `>` and `&` escaped so that it cannot end its
<script> element. Pure functions; tested in tests/test_cite.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..data.csl import Name
from ..data.sources import Source
from ..locale import words
from ..locale.text import tr
from .formats import Edition

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
OG_LOCALES = {"en": "en_US", "id": "id_ID"}
SCHEMA_TYPES = {  # CSL type -> schema.org type
    "article-journal": "ScholarlyArticle", "article-magazine": "Article",
    "article-newspaper": "NewsArticle", "document": "CreativeWork", "book": "Book",
    "webpage": "WebPage", "report": "Report", "dataset": "Dataset", "graphic": "ImageObject",
}
PERIODICALS = ("article-journal", "article-magazine", "article-newspaper")


@dataclass(frozen=True)
class PageInfo:
    title: str
    description: str
    url: str                     # absolute
    alternates: tuple[tuple[str, str], ...] = ()  # (lang, absolute url) of the other languages


@dataclass(frozen=True)
class PageMetadata:
    tags: tuple[tuple[str, str, str], ...] = ()   # (attribute, key, content): ("name", "DC.title", …)
    links: tuple[tuple[str, str], ...] = ()       # (rel, href)
    jsonld: str = ""                               # safe to place inside <script>


def _iso(source: Source) -> str:
    return source.issued.iso if source.issued else ""


def citation_reference(source: Source) -> str:
    """Google Scholar's `citation_reference` content: 'citation_title=…; citation_author=…'."""
    csl = source.csl
    parts = []
    for key, value in (("citation_title", csl.get("title")),  # none when none is printed
                       *(("citation_author", name.inverted) for name in source.authors),
                       ("citation_publication_date", source.year),
                       ("citation_journal_title", csl.get("container-title")
                        if csl.get("type") in PERIODICALS else ""),
                       ("citation_volume", csl.get("volume")),
                       ("citation_issue", csl.get("issue"))):
        if value:
            parts.append(f"{key}={str(value).replace(';', ',')}")
    return "; ".join(parts)


def _person(author: Name) -> dict:
    if not author.is_person:
        return {"@type": "Organization", "name": author.literal}
    return {"@type": "Person", "familyName": author.family, "givenName": author.given,
            "name": author.natural}


def creative_work(source: Source, lang: str) -> dict:
    """A source as a schema.org CreativeWork (fields as the article prints them); a work
    printed without a title is named by its bracketed description, as APA does."""
    csl = source.csl
    name = csl.get("title") or (f"[{tr(source.description, lang)}]" if source.description
                                else csl.get("container-title", ""))
    work = {"@type": SCHEMA_TYPES.get(csl.get("type", ""), "CreativeWork"), "name": name}
    if source.authors:
        work["author"] = [_person(a) for a in source.authors]
    if _iso(source):
        work["datePublished"] = _iso(source)
    if csl.get("container-title") and name != csl["container-title"]:
        work["isPartOf"] = {"@type": "CreativeWork", "name": csl["container-title"]}
    if csl.get("publisher"):
        work["publisher"] = {"@type": "Organization", "name": csl["publisher"]}
    if csl.get("URL"):
        work["url"] = csl["URL"]
    return work


def article_work(article: Source, affiliation: str = "") -> dict:
    """The original article as a ScholarlyArticle with its authors."""
    csl = article.csl
    authors = []
    for author in article.authors:
        person = _person(author)
        if affiliation and person["@type"] == "Person":
            person["affiliation"] = {"@type": "Organization", "name": affiliation}
        authors.append(person)
    work = {"@type": "ScholarlyArticle", "name": csl.get("title", ""), "headline":
            csl.get("title", ""), "author": authors, "inLanguage": csl.get("language", "id")}
    if _iso(article):
        work["datePublished"] = _iso(article)
    return work


def script_json(data: dict) -> str:
    """JSON that can stand inside <script type="application/ld+json"> unescaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def page_metadata(page: PageInfo, edition: Edition, article: Source | None,
                  cited: list[Source], affiliation: str = "") -> PageMetadata:
    lang, version = edition.lang, edition.version
    authors = words("cite", lang)["authors"]
    tags: list[tuple[str, str, str]] = [
        ("name", "citation_title", page.title),
        ("name", "citation_author", f"{authors},"),  # one institution (see above)
    ]
    if version.date:
        tags.append(("name", "citation_publication_date", version.date.replace("-", "/")))
    tags += [("name", "citation_language", lang),
             ("name", "citation_fulltext_html_url", page.url)]
    references = ([article] if article else []) + [s for s in cited
                                                   if not article or s.id != article.id]
    tags += [("name", "citation_reference", citation_reference(s)) for s in references]
    tags += [("name", "DC.title", page.title), ("name", "DC.creator", authors)]
    if version.date:
        tags.append(("name", "DC.date", version.date))
    tags += [("name", "DC.language", lang), ("name", "DC.format", "text/html"),
             ("name", "DC.identifier", page.url), ("name", "DC.rights", LICENCE_URL)]
    tags += [("property", "og:type", "website"), ("property", "og:title", page.title),
             ("property", "og:description", page.description), ("property", "og:url", page.url),
             ("property", "og:site_name", edition.site_name),
             ("property", "og:locale", OG_LOCALES.get(lang, lang))]
    tags += [("property", "og:locale:alternate", OG_LOCALES.get(other, other))
             for other, _ in page.alternates]
    tags = [t for t in tags if t[2]]
    data = {
        "@context": "https://schema.org",
        "@type": "WebPage",
        "@id": page.url,
        "url": page.url,
        "name": page.title,
        "headline": page.title,
        "description": page.description,
        "inLanguage": lang,
        "author": {"@type": "Organization", "name": authors},
        "isPartOf": {"@type": "WebSite", "name": edition.site_name, "url": edition.site_url},
        "license": LICENCE_URL,
        "version": version.label,
    }
    if version.date:
        data["dateModified"] = version.date
    if article:
        data["isBasedOn"] = article_work(article, affiliation)
    if cited:
        data["citation"] = [creative_work(s, lang) for s in cited]
    return PageMetadata(tuple(tags), (("schema.DC", "http://purl.org/dc/elements/1.1/"),),
                        script_json(data))
