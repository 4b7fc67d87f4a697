"""evidence/downloads.md: every file of the edition's data for reuse (outputs/), with its size
and hash, and the data package describing them."""

from __future__ import annotations

import hashlib
import json

from ..data.ledger import Ledger
from ..data.pages import DOWNLOADS_PAGE, relative
from ..locale import words
from ..locale.numbers import format_number
from ..outputs.bibliography import extra_downloads
from ..outputs.datapackage import datapackage
from ..outputs.facts import downloads
from ..render.escape import escape

PAGE_PATH = DOWNLOADS_PAGE


def package(context) -> tuple[dict[str, str], str]:
    """One language's downloads (path -> content) and the datapackage.json describing them."""
    ledger, lang = context.ledger, context.lang
    files = downloads(ledger, context.usage, lang) | extra_downloads(ledger, lang)
    home = (context.repository.lang_url(lang, ledger.languages)
            if context.repository.site_url else "")
    return files, datapackage(ledger, files, lang, context.version.label, home)


def size(count: int, lang: str) -> str:
    """A file size for people: '840 bytes', '15.4 kB' ('15,4 kB' in Indonesian)."""
    text = words("downloads", lang)
    if count < 1000:
        return text["bytes"].format(format_number(count, lang))
    return text["kb"].format(format_number(round(count / 1000, 1), lang))


def downloads_page(files: dict[str, str], package: str, ledger: Ledger, lang: str,
                   version: str) -> str:
    """evidence/downloads.md: a table of every file with its size and hash."""
    text = words("downloads", lang)
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


def make(context) -> str:
    files, described = package(context)
    return downloads_page(files, described, context.ledger, context.lang, context.version.label)
