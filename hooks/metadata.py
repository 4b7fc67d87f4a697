"""Machine-readable metadata for every page, so reference managers and indexers can cite it.

`page_metadata(...)` returns what overrides/main.html writes into the page's <head>:

- Highwire Press `citation_*` tags (Zotero and Google Scholar read these): the page title, the
  edition's authors, the version date, the language, the page URL, and one `citation_reference`
  per source the page cites. There is no `citation_pdf_url`: the edition has no PDF.
- Dublin Core (`DC.*`, declared with `<link rel="schema.DC">`), with `DC.source` the original
  article;
- OpenGraph (`og:*`);
- schema.org JSON-LD: the page as a `WebPage`, `isBasedOn` the original article (a
  `ScholarlyArticle` with its three authors), `citation` the sources cited on the page.

The description comes from the page's front matter (`description:`); Material writes the
`<meta name="description">` tag itself. Every value here is plain text; the template escapes it
(`| e`), and the JSON-LD is serialised with `<`, `>` and `&` escaped so that it cannot end its
<script> element. Pure functions; tested in tests/test_metadata.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from cite import Edition, initials, words
from ledger import Source

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
OG_LOCALES = {"en": "en_US", "id": "id_ID"}
SCHEMA_TYPES = {  # CSL type -> schema.org type
    "article-journal": "ScholarlyArticle", "article-magazine": "Article",
    "article-newspaper": "NewsArticle", "article": "Article", "book": "Book",
    "webpage": "WebPage", "report": "Report", "dataset": "Dataset", "graphic": "ImageObject",
}


@dataclass(frozen=True)
class PageInfo:
    title: str
    description: str
    url: str                     # absolute
    is_home: bool = False
    alternates: tuple[tuple[str, str], ...] = ()  # (lang, absolute url) of the other languages


@dataclass(frozen=True)
class PageMetadata:
    tags: tuple[tuple[str, str, str], ...] = ()   # (attribute, key, content): ("name", "DC.title", …)
    links: tuple[tuple[str, str], ...] = ()       # (rel, href)
    jsonld: str = ""                               # safe to place inside <script>


def _year(csl: dict) -> str:
    parts = (csl.get("issued") or {}).get("date-parts", [[None]])[0]
    return str(parts[0]) if parts and parts[0] else ""


def _iso(csl: dict, key: str = "issued") -> str:
    parts = (csl.get(key) or {}).get("date-parts", [[None]])[0]
    if not parts or not parts[0]:
        return ""
    return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))


def _names(csl: dict) -> list[str]:
    """'Family, Given' for persons, the literal name for organisations."""
    out = []
    for author in csl.get("author", []):
        if "literal" in author:
            out.append(str(author["literal"]))
        else:
            out.append(f"{author.get('family', '')}, {author.get('given', '')}".strip(", "))
    return out


def article_citation(csl: dict) -> str:
    """A one-line APA-like reference of the original article, for DC.source."""
    people = [a for a in csl.get("author", []) if "family" in a]
    names = [f"{p['family']}, {initials(p.get('given', ''))}" for p in people]
    who = ", ".join(names[:-1]) + ", & " + names[-1] if len(names) > 1 else "".join(names)
    return f"{who} ({_year(csl) or 'n.d.'}). {csl.get('title', '')}."


def citation_reference(csl: dict) -> str:
    """Google Scholar's `citation_reference` content: 'citation_title=…; citation_author=…'."""
    parts = []
    for key, value in (("citation_title", csl.get("title") or csl.get("container-title")),
                       *(("citation_author", name) for name in _names(csl)),
                       ("citation_publication_date", _year(csl)),
                       ("citation_journal_title", csl.get("container-title")
                        if csl.get("type") == "article-journal" else ""),
                       ("citation_volume", csl.get("volume")),
                       ("citation_issue", csl.get("issue"))):
        if value:
            parts.append(f"{key}={str(value).replace(';', ',')}")
    return "; ".join(parts)


def _person(author: dict) -> dict:
    if "literal" in author:
        return {"@type": "Organization", "name": str(author["literal"])}
    return {"@type": "Person", "familyName": str(author.get("family", "")),
            "givenName": str(author.get("given", "")),
            "name": f"{author.get('given', '')} {author.get('family', '')}".strip()}


def creative_work(source: Source) -> dict:
    """A source as a schema.org CreativeWork (fields as the article prints them)."""
    csl = source.csl
    work = {"@type": SCHEMA_TYPES.get(csl.get("type", ""), "CreativeWork"),
            "name": csl.get("title") or csl.get("container-title") or source.id}
    if csl.get("author"):
        work["author"] = [_person(a) for a in csl["author"]]
    if _iso(csl):
        work["datePublished"] = _iso(csl)
    if csl.get("container-title") and csl.get("title"):
        work["isPartOf"] = {"@type": "CreativeWork", "name": csl["container-title"]}
    if csl.get("publisher"):
        work["publisher"] = {"@type": "Organization", "name": csl["publisher"]}
    if csl.get("URL"):
        work["url"] = csl["URL"]
    return work


def article_work(csl: dict, affiliation: str = "") -> dict:
    """The original article as a ScholarlyArticle with its authors."""
    authors = []
    for author in csl.get("author", []):
        person = _person(author)
        if affiliation and person["@type"] == "Person":
            person["affiliation"] = {"@type": "Organization", "name": affiliation}
        authors.append(person)
    work = {"@type": "ScholarlyArticle", "name": csl.get("title", ""), "headline":
            csl.get("title", ""), "author": authors, "inLanguage": csl.get("language", "id")}
    if _iso(csl):
        work["datePublished"] = _iso(csl)
    return work


def script_json(data: dict) -> str:
    """JSON that can stand inside <script type="application/ld+json"> unescaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def page_metadata(page: PageInfo, edition: Edition, article: Source | None,
                  cited: list[Source], affiliation: str = "") -> PageMetadata:
    lang, version = edition.lang, edition.version
    authors = words(lang)["authors"]
    tags: list[tuple[str, str, str]] = [
        ("name", "citation_title", page.title),
        ("name", "citation_author", authors),
    ]
    if version.date:
        tags.append(("name", "citation_publication_date", version.date.replace("-", "/")))
    tags += [("name", "citation_language", lang),
             ("name", "citation_fulltext_html_url", page.url)]
    tags += [("name", "citation_reference", citation_reference(s.csl)) for s in cited]
    source_text = article_citation(article.csl) if article else ""
    tags += [("name", "DC.title", page.title), ("name", "DC.creator", authors)]
    if version.date:
        tags.append(("name", "DC.date", version.date))
    tags += [("name", "DC.language", lang), ("name", "DC.type", "Text"),
             ("name", "DC.format", "text/html"), ("name", "DC.identifier", page.url),
             ("name", "DC.rights", LICENCE_URL)]
    if source_text:
        tags.append(("name", "DC.source", source_text))
    og_type = "website" if page.is_home else "article"
    tags += [("property", "og:type", og_type), ("property", "og:title", page.title),
             ("property", "og:description", page.description), ("property", "og:url", page.url),
             ("property", "og:site_name", edition.site_name),
             ("property", "og:locale", OG_LOCALES.get(lang, lang))]
    tags += [("property", "og:locale:alternate", OG_LOCALES.get(other, other))
             for other, _ in page.alternates]
    if og_type == "article" and version.date:
        tags.append(("property", "article:modified_time", version.date))
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
        data["isBasedOn"] = article_work(article.csl, affiliation)
    if cited:
        data["citation"] = [creative_work(s) for s in cited]
    return PageMetadata(tuple(tags), (("schema.DC", "http://purl.org/dc/elements/1.1/"),),
                        script_json(data))
