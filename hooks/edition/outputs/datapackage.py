"""datapackage.json: a Frictionless Data Package describing every download of one language:
path, format, size, sha256 hash, licence, sources and, for each CSV, a Table Schema (field names,
types, constraints). The tests validate it with frictionless."""

from __future__ import annotations

import hashlib
import html
import json
import re

from ..data.facts import CATEGORIES, STATUSES
from ..data.ledger import Ledger
from ..data.pages import table_csv_path
from ..data.sources import ARTICLE_ID, Source
from ..locale import words
from ..locale.text import tr
from ..render.footnotes import format_citation

LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
           "path": "https://creativecommons.org/licenses/by/4.0/"}
COLUMN_TYPES = {"text": "string", "integer": "integer", "number": "number", "year": "year",
                "fact": "number"}


FACT_SCHEMA = [
    ("id", "string", "Fact id (kebab-case), as in data/facts.yml"),
    ("value", "number", "The number as the article prints it"),
    ("unit", "string", "Unit, rendered after the number"),
    ("qualifier", "string", "about, more-than, less-than, nearly or projected"),
    ("date", "string", "Date or period the number refers to (YYYY, YYYY-MM or YYYY/YYYY)"),
    ("label", "string", "What the number counts"),
    ("category", "string", "Holsti category"),
    ("sources", "string", "Source ids with locators, separated by '; '"),
    ("sourced_by", "string", "How the article sources the number"),
    ("status", "string", "as-stated, derived or inconsistent"),
    ("formula", "string", "For derived numbers: the formula over fact ids"),
    ("computed", "number", "For derived numbers: the value the formula gives"),
    ("conflicts_with", "string", "For inconsistent numbers: the facts it disagrees with"),
    ("note", "string", "What was printed and what is wrong with it"),
    ("pages", "string", "Sections of the edition that show the number"),
]


def _resource(name: str, path: str, content: str, fmt: str, media: str, title: str,
              description: str, sources: list[dict], schema: dict | None = None) -> dict:
    data = content.encode("utf-8")
    resource = {"name": name, "path": path, "title": title, "description": description,
                "format": fmt, "mediatype": media, "encoding": "utf-8",
                "bytes": len(data), "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
                "licenses": [LICENCE], "sources": sources}
    if schema is not None:
        resource["profile"] = "tabular-data-resource"
        resource["schema"] = schema
    else:
        resource["profile"] = "data-resource"
    return resource


def _source_entry(source: Source, lang: str) -> dict:
    entry = {"title": _plain(format_citation(source, lang))}
    if source.csl.get("URL"):
        entry["path"] = source.csl["URL"]
    return entry


def _plain(markdown: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markdown))


def datapackage(ledger: Ledger, files: dict[str, str], lang: str, version: str,
                homepage: str) -> str:
    """datapackage.json for one language's downloads (`files`: path -> content)."""
    text = words("downloads", lang)
    article = ledger.sources.get(ARTICLE_ID)
    package_sources = [_source_entry(article, lang)] if article else []
    resources = []
    fields = [{"name": n, "type": t, "description": d} for n, t, d in FACT_SCHEMA]
    for field in fields:
        if field["name"] == "category":
            field["constraints"] = {"enum": list(CATEGORIES)}
        if field["name"] == "status":
            field["constraints"] = {"enum": list(STATUSES)}
        if field["name"] in ("id", "label", "category", "status", "sourced_by"):
            field.setdefault("constraints", {})["required"] = True
    if "facts.csv" in files:
        resources.append(_resource("facts", "facts.csv", files["facts.csv"], "csv", "text/csv",
                                   text["facts"], text["facts_desc"], package_sources,
                                   {"fields": fields, "primaryKey": ["id"]}))
    for path, name, fmt, media, title, desc in (
            ("facts.json", "facts-json", "json", "application/json", "facts_json",
             "facts_json_desc"),
            ("sources.json", "sources-csl-json", "json", "application/vnd.citationstyles.csl+json",
             "csl", "csl_desc"),
            ("sources.bib", "sources-bibtex", "bib", "application/x-bibtex", "bib", "bib_desc"),
            ("sources.ris", "sources-ris", "ris", "application/x-research-info-systems", "ris",
             "ris_desc")):
        if path in files:
            resources.append(_resource(name, path, files[path], fmt, media, text[title],
                                       text[desc], package_sources))
    for table in ledger.tables.values():
        path = table_csv_path(table.id)
        if path not in files:
            continue
        schema = {"fields": [
            {"name": c.name, "type": COLUMN_TYPES[c.type], "title": tr(c.title, lang),
             **({"description": tr(c.description, lang)} if c.description else {})}
            for c in table.columns]}
        sources = [_source_entry(ledger.sources[r.id], lang) for r in table.sources
                   if r.id in ledger.sources]
        resources.append(_resource(f"table-{table.id}", path, files[path], "csv", "text/csv",
                                   text["table"].format(tr(table.title, lang)),
                                   text["table_desc"], sources, schema))
    package = {
        "name": "nk-edition-turkey-azerbaijan" + ("" if lang == "en" else f"-{lang}"),
        "title": text["package_title"],
        "description": text["package_description"],
        "version": version,
        "homepage": homepage,
        "licenses": [LICENCE],
        "sources": package_sources,
        "contributors": [{"title": text["contributors"], "role": "author"}],
        "keywords": ["Turkey", "Azerbaijan", "Nagorno-Karabakh", "national interest"],
        "resources": resources,
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"
