"""Running the outside tools over a built site, each once over everything, and reading what they
report into plain records the tests compare. Used by tests/outside/conftest.py (fixtures) and by
tests/outside/findings.py (a report of every finding, for the notes and before/after counts).

- Nu HTML Checker (vnu.jar): every page in one JVM; its messages.
- pa11y (HTML_CodeSniffer, WCAG 2 AA): every page served over HTTP, two at a time in one
  Chromium (pa11y_run.js); its issues.
- citation-js: the downloads (sources.bib, sources.ris, sources.json) and the section citations
  shown on the pages (citation_parse.js); CSL-JSON items.
- pybtex: the same BibTeX, in this process.
- Zotero's translation-server: /web for every page's URL, /import for the downloads, each
  source on its own and each section's BibTeX.
"""

from __future__ import annotations

import json
import re
import subprocess
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from .support import VNU_JAR, java, run_node

LANGUAGE_ROOTS = {"en": "", "id": "id/"}
DOWNLOADS = {"bibtex": "sources.bib", "ris": "sources.ris", "csl": "sources.json"}


# ------------------------------------------------------------------ Nu HTML Checker

@dataclass(frozen=True)
class VnuMessage:
    page: str      # 'core-values/index.html'
    kind: str      # 'error', 'info' or 'non-document-error'; 'warning' is info + subType
    line: int
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.page}:{self.line}: {self.message}"


def run_vnu(urls: dict[str, str]) -> list[VnuMessage]:
    """Every message of the Nu HTML Checker on the pages `urls` maps (page path -> URL), in
    one run. Over HTTP, as readers get them, not as files: the pages' Content-Security-Policy
    allows only their own origin ('self'), which a file: URL is not, so the checker would warn
    of every stylesheet and script. Its HTTP client refuses local addresses unless told."""
    result = subprocess.run(
        [java(), "-Xss4m", "-Dnu.validator.servlet.allow-forbidden-hosts=true", "-jar",
         str(VNU_JAR), "--format", "json", "--exit-zero-always", *urls.values()],
        capture_output=True, text=True, timeout=900)
    report = json.loads(result.stderr)  # vnu writes its JSON report to stderr
    by_url = {url: page for page, url in urls.items()}
    return [VnuMessage(by_url.get(raw.get("url", ""), raw.get("url", "")),
                       raw["type"] + (f"/{raw['subType']}" if raw.get("subType") else ""),
                       raw.get("lastLine", 0), raw.get("message", ""), raw.get("extract", ""))
            for raw in report["messages"]]


# ------------------------------------------------------------------ pa11y

@dataclass(frozen=True)
class Pa11yIssue:
    page: str
    type: str      # 'error' (WCAG failures) or 'warning'/'notice' when asked for
    code: str      # 'WCAG2AA.Principle3.Guideline3_2.3_2_2.H32.2'
    message: str
    selector: str
    context: str

    def __str__(self) -> str:
        return f"{self.page}: {self.code} at {self.selector}: {self.message}"


def run_pa11y(urls: dict[str, str], chromium: str, warnings: bool = False) -> list[Pa11yIssue]:
    """pa11y's issues for every page; `urls` maps page path -> URL."""
    env = {"CHROMIUM": chromium, "PA11Y_WARNINGS": "1" if warnings else "0"}
    raw = run_node("pa11y_run.js", list(urls.values()), env=env)
    by_url = {url: page for page, url in urls.items()}
    return [Pa11yIssue(by_url[url], i["type"], i["code"], i["message"], i["selector"],
                       i["context"])
            for url, issues in raw.items() for i in issues]


# ------------------------------------------------------------------ bibliographic records

@dataclass(frozen=True)
class Record:
    """What a reference manager keeps of one item, in one vocabulary per tool."""
    type: str
    title: str
    creators: tuple[str, ...]   # 'Family, Given' for persons, the name alone for institutions
    date: str                   # ISO 8601, as far as it goes: '2025-10-15', '2021', ''
    url: str

    def differences(self, other: Record) -> list[str]:
        return [f"{name}: {getattr(self, name)!r} vs {getattr(other, name)!r}"
                for name in ("type", "title", "creators", "date", "url")
                if getattr(self, name) != getattr(other, name)]


MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june",
                                      "july", "august", "september", "october", "november",
                                      "december"), start=1)}


def iso_date(text: str) -> str:
    """'2025-10-15', '2025/10/15', 'October 15, 2025', '2025' -> ISO; anything else unchanged."""
    text = (text or "").strip()
    if match := re.fullmatch(r"(\d{4})(?:[-/](\d{1,2}))?(?:[-/](\d{1,2}))?", text):
        return "-".join(f"{int(p):02d}" if i else p
                        for i, p in enumerate(match.groups()) if p)
    if match := re.fullmatch(r"([A-Za-z]+) (\d{1,2}), (\d{4})", text):
        month = MONTHS.get(match[1].lower())
        if month:
            return f"{match[3]}-{month:02d}-{int(match[2]):02d}"
    return text


def csl_record(item: dict) -> Record:
    def name(person: dict) -> str:
        if "literal" in person:
            return person["literal"]
        return ", ".join(part for part in (person.get("family", ""), person.get("given", ""))
                         if part)

    parts = ((item.get("issued") or {}).get("date-parts") or [[]])[0]
    date = "-".join(f"{int(p):02d}" if i else str(p) for i, p in enumerate(parts) if p)
    creators = tuple(name(p) for p in item.get("author", []))
    if not creators and isinstance(item.get("reporter"), str):
        # citation-js follows the RIS specification, where a newspaper article's AU is its
        # "reporter" (a CSL text variable); Zotero reads the same tag as the author.
        creators = (item["reporter"],)
    kind = item.get("type", "")
    if kind == "article-journal" and item.get("genre") in ("newspaper", "magazine"):
        # BibLaTeX has no newspaper or magazine type: @article with entrysubtype = {newspaper}
        # is the convention, which citation-js reads as a journal article of that genre.
        kind = "article-" + item["genre"]
    elif kind == "document" and item.get("genre") == "dataset":
        # @misc with entrysubtype = {dataset}: what a BibTeX reader without @dataset still
        # imports (Zotero drops @dataset); citation-js reads it as a document of that genre.
        kind = "dataset"
    return Record(kind, item.get("title", ""), creators, date, item.get("URL", ""))


def csl_as_read(item: dict) -> dict:
    """A CSL item from citation-js with what its readers differ in by design, not by the
    record, made alike (for comparing a record read from BibTeX with the same read from RIS):
    - names: its BibTeX reader keeps a name in braces ("{The web edition's contributors}") as
      a family name, its RIS reader an undivided name as a literal: both become the name's text;
    - a web page's site: from RIS it reads TY ELEC's T2 as collection-title (the RIS
      specification's mapping), from BibTeX (journal) and CSL as container-title."""
    item = dict(item)
    item["author"] = list(csl_record(item).creators)
    if item.get("type") == "webpage" and "container-title" not in item:
        item["container-title"] = item.get("collection-title")
    return item


def zotero_record(item: dict) -> Record:
    def name(creator: dict) -> str:
        if "name" in creator:
            return creator["name"]
        return ", ".join(part for part in (creator.get("lastName", ""),
                                           creator.get("firstName", "")) if part)

    creators = tuple(name(c) for c in item.get("creators", []) if c.get("creatorType")
                     in ("author", "contributor", "reporter", "programmer", "artist",
                         "director", "presenter"))
    return Record(item.get("itemType", ""), item.get("title", ""), creators,
                  iso_date(item.get("date", "")), item.get("url", ""))


def pybtex_record(entry) -> Record:
    """A pybtex Entry, its braces removed as a BibTeX style would print the text."""
    def plain(text: str) -> str:
        return re.sub(r"(?<!\\)[{}]", "", text).replace("\\&", "&")

    def name(person) -> str:
        last = plain(" ".join(person.prelast_names + person.last_names))
        first = plain(" ".join(person.first_names + person.middle_names))
        return f"{last}, {first}" if first else last

    fields = entry.fields
    date = fields.get("date") or fields.get("year", "")
    return Record(entry.type, plain(fields.get("title", "")),
                  tuple(name(p) for p in entry.persons.get("author", [])), iso_date(date),
                  fields.get("url", ""))


# ------------------------------------------------------------------ what the site offers

def downloads(root: Path) -> dict[str, str]:
    """'en/bibtex' -> the text of sources.bib, ... for each language and format."""
    return {f"{lang}/{fmt}": (root / prefix / name).read_text(encoding="utf-8")
            for lang, prefix in LANGUAGE_ROOTS.items() for fmt, name in DOWNLOADS.items()}


def split_entries(text: str, fmt: str) -> dict[str, str]:
    """One download split into its records, by source id: BibTeX entries, RIS records (ID
    tag), CSL-JSON items."""
    if fmt == "csl":
        return {item["id"]: json.dumps([item]) for item in json.loads(text)}
    if fmt == "bibtex":
        chunks = re.split(r"\n(?=@)", "\n" + text)
        return {m[1]: chunk.strip() + "\n" for chunk in chunks
                if (m := re.match(r"@\w+\{([^,]+),", chunk.strip()))}
    records = re.findall(r"^TY  - .*?^ER  - *$", text, re.MULTILINE | re.DOTALL)
    return {m[1].strip(): record + "\n" for record in records
            if (m := re.search(r"^ID  - (.+)$", record, re.MULTILINE))}


@dataclass(frozen=True)
class SectionCitation:
    page: str
    anchor: str        # 'cite--security'
    bibtex: str        # as a reader without JavaScript sees it
    ris: str


def section_citations(root: Path, pages: list[str]) -> list[SectionCitation]:
    """Every 'Cite this section' block of every page, its BibTeX and RIS as shown (text)."""
    out = []
    for page in pages:
        soup = BeautifulSoup((root / page).read_text(encoding="utf-8"), "html.parser")
        for block in soup.select("div.cite-formats[id]"):
            texts = {fmt: (block.select_one(f'.cite-format[data-format="{fmt}"] pre') or
                           block.select_one(f'.cite-format[data-format="{fmt}"] .cite-text'))
                     for fmt in ("bibtex", "ris")}
            if all(texts.values()):
                out.append(SectionCitation(page, block["id"], texts["bibtex"].get_text(),
                                           texts["ris"].get_text()))
    return out


def bibtex_ris_differences(readings: dict, citations: list[SectionCitation], items,
                           fields: tuple[str, ...]) -> list[str]:
    """Where a tool reads a section's BibTeX and its RIS differently: `readings` maps
    'section/PAGE#ANCHOR/FORMAT' to the tool's answer, `items` picks its items from one."""
    found = []
    for cite in citations:
        base = f"section/{cite.page}#{cite.anchor}"
        bib, ris = (items(readings[f"{base}/{fmt}"])[0] for fmt in ("bibtex", "ris"))
        found += [f"{base}: {name}: {bib.get(name)!r} vs {ris.get(name)!r}"
                  for name in fields if bib.get(name) != ris.get(name)]
    return found


def canonical_url(root: Path, page: str) -> str:
    soup = BeautifulSoup((root / page).read_text(encoding="utf-8"), "html.parser")
    link = soup.find("link", rel="canonical")
    return link["href"] if link else ""


# ------------------------------------------------------------------ citation-js, pybtex

def run_citation_js(inputs: dict[str, tuple[str, str]], strict: bool = False) -> dict[str, dict]:
    """name -> {'items': [CSL item, ...], 'error': None or message}; inputs: name -> (format,
    text). `strict`: also check BibTeX entries' required BibLaTeX fields."""
    payload = [{"name": name, "format": fmt, "text": text, "strict": strict}
               for name, (fmt, text) in inputs.items()]
    return run_node("citation_parse.js", payload)


def run_pybtex(text: str):
    """pybtex's BibliographyData of `text` (raises on what pybtex rejects)."""
    from pybtex.database import parse_string

    return parse_string(text, "bibtex")


# ------------------------------------------------------------------ Zotero translation-server

def zotero_post(base: str, endpoint: str, body: str, timeout: int = 120):
    """POST text to translation-server's /web or /import: (status, parsed JSON or text)."""
    request = urllib.request.Request(f"{base}/{endpoint}", data=body.encode("utf-8"),
                                     headers={"Content-Type": "text/plain"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read().decode("utf-8")
            status = response.status
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    try:
        return status, json.loads(raw)
    except ValueError:
        return status, raw
