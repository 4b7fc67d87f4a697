"""Downloads: the sources as BibTeX and RIS, a Frictionless data package, and the Downloads page.

generated.downloads() already writes facts.csv, facts.json, sources.json (CSL-JSON) and
tables/ID.csv for each language; this module adds, from the same data:

- `sources.bib`  every source in data/sources.yml as a BibTeX (biblatex) entry, key = source id;
- `sources.ris`  the same as RIS records;
- `datapackage.json`  a Frictionless Data Package describing every download: path, format,
  size, sha256 hash, licence, sources and, for each CSV, a Table Schema (field names, types,
  constraints);
- evidence/downloads.md, the page listing them (`downloads_page`).

Fields are copied as the article prints them (a misspelt URL stays misspelt: see the Errata);
values are escaped for BibTeX (cite.bibtex_escape). Pure functions; the tests parse the BibTeX
with bibtexparser, render the CSL-JSON with citeproc-py and validate the data package with
frictionless (tests/test_exports.py).
"""

from __future__ import annotations

import hashlib
import json

from cite import ARTICLE_ID, bibtex_entry, bibtex_escape, ris_record
from formatting import escape, format_number, words
from ledger import CATEGORIES, STATUSES, Ledger, Source, tr
from render import relative, table_csv_path

DOWNLOADS_PAGE = "evidence/downloads.md"
LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0 International",
           "path": "https://creativecommons.org/licenses/by/4.0/"}
BIBTEX_TYPES = {"article-journal": "article", "article-magazine": "article",
                "article-newspaper": "article", "article": "misc", "book": "book",
                "webpage": "online", "report": "report", "dataset": "dataset",
                "graphic": "misc"}
RIS_TYPES = {"article-journal": "JOUR", "article-magazine": "MGZN", "article-newspaper": "NEWS",
             "article": "GEN", "book": "BOOK", "webpage": "ELEC", "report": "RPRT",
             "dataset": "DATA", "graphic": "FIGURE"}
COLUMN_TYPES = {"text": "string", "integer": "integer", "number": "number", "year": "year",
                "fact": "number"}


def _date_parts(csl: dict, key: str) -> list:
    return ((csl.get(key) or {}).get("date-parts") or [[]])[0]


def _iso(parts: list) -> str:
    return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))


def _bib_name(author: dict) -> str:
    if "literal" in author:
        return "{" + bibtex_escape(author["literal"]) + "}"
    return bibtex_escape(f"{author.get('family', '')}, {author.get('given', '')}".strip(", "))


# --------------------------------------------------------------------------- BibTeX and RIS


def source_bibtex(source: Source) -> str:
    csl = source.csl
    kind = BIBTEX_TYPES.get(csl.get("type", ""), "misc")
    issued = _date_parts(csl, "issued")
    container = bibtex_escape(csl.get("container-title", ""))
    fields = [
        ("author", " and ".join(_bib_name(a) for a in csl.get("author", []))),
        ("title", bibtex_escape(csl.get("title", ""))),
        ("journal" if kind == "article" else "organization" if kind == "online"
         else "howpublished", container),
        ("publisher" if kind in ("book", "misc") else "institution" if kind == "report"
         else "publisher", bibtex_escape(csl.get("publisher", ""))),
        ("volume", bibtex_escape(csl.get("volume", ""))),
        ("number", bibtex_escape(csl.get("issue", ""))),
        ("pages", bibtex_escape(str(csl.get("page", "")).replace("-", "--"))),
        ("year", str(issued[0]) if issued else ""),
        ("date", _iso(issued) if len(issued) > 1 else ""),
        ("url", csl.get("URL", "")),
        ("urldate", _iso(_date_parts(csl, "accessed"))),
        ("langid", "indonesian" if csl.get("language") == "id" else ""),
    ]
    if not csl.get("title") and not csl.get("author") and container:
        fields[1] = ("title", container)
    return bibtex_entry(kind, source.id, fields)


def sources_bibtex(ledger: Ledger, lang: str) -> str:
    head = {"en": "% The sources of Putri, Subagyo and Panorama (2025), as the article prints "
                  "them.\n% Key = source id on the site's Sources page. URLs are as printed, "
                  "even where misspelt (see the Errata).\n",
            "id": "% Sumber-sumber Putri, Subagyo, dan Panorama (2025), sebagaimana dicetak "
                  "artikel.\n% Kunci = id sumber di halaman Sumber. URL sebagaimana tercetak, "
                  "termasuk yang salah eja (lihat Ralat).\n"}
    return words(head, lang) + "\n" + "\n\n".join(
        source_bibtex(s) for s in ledger.sources.values()) + "\n"


def source_ris(source: Source) -> str:
    csl = source.csl
    issued = _date_parts(csl, "issued")
    page = str(csl.get("page", ""))
    start, _, end = page.partition("-")
    tags = [("TY", RIS_TYPES.get(csl.get("type", ""), "GEN")), ("ID", source.id)]
    for author in csl.get("author", []):
        tags.append(("AU", author.get("literal") or
                     f"{author.get('family', '')}, {author.get('given', '')}".strip(", ")))
    tags += [("TI", csl.get("title", "") or csl.get("container-title", "")),
             ("T2", csl.get("container-title", "") if csl.get("title") else ""),
             ("PB", csl.get("publisher", "")), ("VL", csl.get("volume", "")),
             ("IS", csl.get("issue", "")), ("SP", start), ("EP", end),
             ("PY", str(issued[0]) if issued else ""),
             ("DA", _iso(issued).replace("-", "/") if len(issued) > 1 else ""),
             ("UR", csl.get("URL", "")),
             ("Y2", _iso(_date_parts(csl, "accessed")).replace("-", "/")),
             ("LA", csl.get("language", ""))]
    return ris_record(tags)


def sources_ris(ledger: Ledger) -> str:
    return "\n\n".join(source_ris(s) for s in ledger.sources.values()) + "\n"


# --------------------------------------------------------------------------- data package

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
    from citations import format_citation  # noqa: PLC0415 (avoid an import cycle at load)

    entry = {"title": _plain(format_citation(source, lang))}
    if source.csl.get("URL"):
        entry["path"] = source.csl["URL"]
    return entry


def _plain(markdown: str) -> str:
    import html  # noqa: PLC0415
    import re  # noqa: PLC0415

    return html.unescape(re.sub(r"<[^>]+>", "", markdown))


TEXT = {
    "en": {
        "package_title": "Data of the web edition of Putri, Subagyo and Panorama (2025)",
        "package_description": (
            "The numbers, sources and tables of the article 'Kepentingan Nasional Turki dalam "
            "Kerja Sama Militer dengan Azerbaijan dalam Konflik Nagorno-Karabakh di Tahun "
            "2020-2024', recorded as printed, with their sources and status."),
        "facts": "Facts ledger (CSV)", "facts_desc": "Every number the article states.",
        "facts_json": "Facts ledger (JSON)",
        "facts_json_desc": "The facts ledger with sources and pages as lists.",
        "csl": "Sources (CSL-JSON)", "csl_desc": "Every source, as CSL-JSON items.",
        "bib": "Sources (BibTeX)", "bib_desc": "Every source, as BibTeX (biblatex) entries.",
        "ris": "Sources (RIS)", "ris_desc": "Every source, as RIS records.",
        "table": "Table: {}", "table_desc": "The table as CSV; fact cells hold their numbers.",
        "page_title": "Downloads",
        "page_description": ("The edition's data for reuse: the facts ledger, the sources in "
                             "BibTeX, CSL-JSON and RIS, every table as CSV, and a Frictionless "
                             "data package describing them."),
        "intro": (
            "Everything the edition records, for reuse in spreadsheets, reference managers and "
            "scripts. The files are made from `data/` at every build, in the language of this "
            "page, and are licensed CC BY 4.0 (the article itself remains its authors' work). "
            "Numbers and references are as the article prints them; see the "
            "[Errata]({errata}) for what is wrong with them."),
        "package": ("[datapackage.json]({path}) describes every file above as a "
                    "[Frictionless Data Package](https://datapackage.org/): its format, size, "
                    "SHA-256 hash, licence, sources and, for each CSV, the type of every column. "
                    "Check a download against it, or load them all with a Frictionless tool."),
        "file": "File", "what": "Contents", "format": "Format", "size": "Size",
        "hash": "SHA-256", "bytes": "{} bytes", "kb": "{} kB", "version": "Version of this build: {}.",
        "files_heading": "Files", "package_heading": "Data package",
    },
    "id": {
        "package_title": "Data edisi web artikel Putri, Subagyo, dan Panorama (2025)",
        "package_description": (
            "Angka, sumber, dan tabel artikel 'Kepentingan Nasional Turki dalam Kerja Sama "
            "Militer dengan Azerbaijan dalam Konflik Nagorno-Karabakh di Tahun 2020-2024', "
            "dicatat sebagaimana tercetak, beserta sumber dan statusnya."),
        "facts": "Daftar fakta (CSV)", "facts_desc": "Setiap angka yang dinyatakan artikel.",
        "facts_json": "Daftar fakta (JSON)",
        "facts_json_desc": "Daftar fakta dengan sumber dan halaman sebagai daftar.",
        "csl": "Sumber (CSL-JSON)", "csl_desc": "Setiap sumber, sebagai butir CSL-JSON.",
        "bib": "Sumber (BibTeX)", "bib_desc": "Setiap sumber, sebagai entri BibTeX (biblatex).",
        "ris": "Sumber (RIS)", "ris_desc": "Setiap sumber, sebagai entri RIS.",
        "table": "Tabel: {}", "table_desc": "Tabel sebagai CSV; sel fakta berisi angkanya.",
        "page_title": "Unduhan",
        "page_description": ("Data edisi ini untuk digunakan ulang: daftar fakta, sumber "
                             "dalam BibTeX, CSL-JSON, dan RIS, setiap tabel sebagai CSV, serta "
                             "paket data Frictionless yang menjelaskannya."),
        "intro": (
            "Semua yang dicatat edisi ini, untuk digunakan ulang dalam lembar kerja, pengelola "
            "referensi, dan skrip. Berkas-berkas ini dibuat dari `data/` pada setiap build, "
            "dalam bahasa halaman ini, dan berlisensi CC BY 4.0 (artikelnya sendiri tetap "
            "merupakan karya para penulisnya). Angka dan rujukan sesuai dengan yang dicetak "
            "artikel; lihat [Ralat]({errata}) untuk kesalahan di dalamnya."),
        "package": ("[datapackage.json]({path}) menjelaskan setiap berkas di atas sebagai "
                    "[Frictionless Data Package](https://datapackage.org/): formatnya, ukurannya, "
                    "hash SHA-256, lisensi, sumber, dan, untuk setiap CSV, jenis setiap kolomnya. "
                    "Cocokkan unduhan Anda dengannya, atau muat semuanya dengan alat "
                    "Frictionless."),
        "file": "Berkas", "what": "Isi", "format": "Format", "size": "Ukuran",
        "hash": "SHA-256", "bytes": "{} bita", "kb": "{} kB", "version": "Versi build ini: {}.",
        "files_heading": "Berkas", "package_heading": "Paket data",
    },
}


def extra_downloads(ledger: Ledger, lang: str) -> dict[str, str]:
    """The files this module adds beside generated.downloads()."""
    return {"sources.bib": sources_bibtex(ledger, lang), "sources.ris": sources_ris(ledger)}


def datapackage(ledger: Ledger, files: dict[str, str], lang: str, version: str,
                homepage: str) -> str:
    """datapackage.json for one language's downloads (`files`: path -> content)."""
    text = words(TEXT, lang)
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
        "contributors": [{"title": words({"en": "The web edition's contributors",
                                          "id": "Para kontributor edisi web"}, lang),
                          "role": "author"}],
        "keywords": ["Turkey", "Azerbaijan", "Nagorno-Karabakh", "national interest"],
        "resources": resources,
    }
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------- the page


def size(count: int, lang: str) -> str:
    """A file size for people: '840 bytes', '15.4 kB' ('15,4 kB' in Indonesian)."""
    text = words(TEXT, lang)
    if count < 1000:
        return text["bytes"].format(format_number(count, lang))
    return text["kb"].format(format_number(round(count / 1000, 1), lang))


def downloads_page(files: dict[str, str], package: str, ledger: Ledger, lang: str,
                   version: str) -> str:
    """evidence/downloads.md: a table of every file with its size and hash."""
    text = words(TEXT, lang)
    page = DOWNLOADS_PAGE
    described = json.loads(package)["resources"]
    out = ["---", f"title: {text['page_title']}",
           f"description: \"{text['page_description']}\"", "---", "",
           f"# {text['page_title']} {{#downloads}}", "",
           text["intro"].format(errata=relative("evidence/errata.md", page)), "",
           f"## {text['files_heading']} {{#files}}", "",
           f"| {text['file']} | {text['what']} | {text['format']} | {text['size']} | "
           f"{text['hash']} |",
           "| :--- | :--- | :--- | ---: | :--- |"]
    for resource in described:
        link = relative(resource["path"], page)
        what = escape(resource["title"])
        if resource.get("profile") != "tabular-data-resource" or resource["name"] == "facts":
            what += f": {escape(resource['description'])}"
        out.append(f"| [{resource['path']}]({link}) | {what} | {resource['format'].upper()} | "
                   f"{size(resource['bytes'], lang)} | "
                   f"<code class=\"download-hash\" title=\"{resource['hash']}\">"
                   f"{resource['hash'][7:15]}…</code> |")
    data = package.encode("utf-8")
    out += ["", f"## {text['package_heading']} {{#datapackage}}", "",
            text["package"].format(path=relative("datapackage.json", page)), "",
            f"[datapackage.json]({relative('datapackage.json', page)}): "
            f"{size(len(data), lang)}, SHA-256 "
            f"<code>{hashlib.sha256(data).hexdigest()}</code>.", "",
            escape(text["version"].format(version)), ""]
    return "\n".join(out) + "\n"
