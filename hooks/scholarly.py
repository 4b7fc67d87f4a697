"""Citing and correcting, wired into the build: what events.py calls for these features.

Once per build, after data/ is loaded (events.on_files), `load_scholarly` runs the audit
(audit.py), reads data/corrections.yml and data/changelog.yml (errata.py) and works out the
site's version (version.py); every problem is a located ledger.Problem, raised together as one
DataError. The result, a `Scholarly`, is kept in build_state and used by:

- the generated pages `errata_md`, `downloads_md`, `changelog_md` (events.GENERATED_PAGES) and
  the extra downloads `download_files` (sources.bib, sources.ris, datapackage.json);
- render.py, through `PageNotes`: the "Correct this number" links (to the fact's line of
  data/facts.yml on the repository host), the errata linked from each fact, and the
  `{{ citation:site }}` / `{{ citation:article }}` markers;
- `section_controls` (on_page_content): a "Cite this section" control after each H2/H3 of the
  content pages;
- `head_metadata` (on_page_context): the citation_*, Dublin Core, OpenGraph and JSON-LD
  metadata that overrides/main.html writes into <head>.

The repository host's address comes from the one setting `repo_url`; the published address from
`site_url` (mkdocs.yml). Line links use /blob/main/FILE#LLINE: GitHub's edit view has no line
anchors.
"""

from __future__ import annotations

import html
import os
import posixpath
from dataclasses import dataclass
from pathlib import Path

import build_state
import memo
from audit import AuditData, Finding, load_audit_data, run_audit
from cite import (ARTICLE_AFFILIATION, ARTICLE_ID, CITATION_KINDS, Edition, add_section_controls,
                  citation_block)
from errata import (CHANGELOG_PAGE, ERRATA_PAGE, Errata, Release, changelog_markdown,
                    check_statuses, errata_link, errata_page, load_changelog, load_errata,
                    unrecorded_messages)
from exports import DOWNLOADS_PAGE, datapackage, downloads_page, extra_downloads
from formatting import escape, format_fact, words
from generated import downloads, facts_page, sources_page
from ledger import DataError, Fact, Ledger, Problem, Source, tr
from metadata import PageInfo, PageMetadata, page_metadata
from render import FACTS_PAGE, SOURCES_PAGE, relative
from version import Version, git_runner, site_version

# Pages that get "Cite this section" controls: the hand-written pages outside about/ (the
# chapters and evidence/tables). Generated pages (ledger, sources, errata, downloads, print)
# are not sections of the argument.
NOT_CITABLE_PREFIXES = ("about/",)
TEXT = {
    "en": {
        "correct": "Correct this number",
        "correct_some": "Correct a number on this page",
        "correct_hint": "to correct it, edit data/facts.yml, line {line}",
        "errata": "Errata",
        "erratum": "see the erratum",
        "line": "line {}",
        "correct_source": "Correct this source",
        "source_line": "data/sources.yml, line {}",
        "descriptions": {
            "evidence/facts.md": ("Every number the article states, with its source as the "
                                  "article gives it, its status and the sections that use it."),
            "evidence/sources.md": ("Every source the article relies on, as printed, with the "
                                    "facts it supports and the notes on its problems."),
        },
    },
    "id": {
        "correct": "Koreksi angka ini",
        "correct_some": "Koreksi angka di halaman ini",
        "correct_hint": "untuk mengoreksinya, sunting data/facts.yml, baris {line}",
        "errata": "Ralat",
        "erratum": "lihat ralat",
        "line": "baris {}",
        "correct_source": "Koreksi sumber ini",
        "source_line": "data/sources.yml, baris {}",
        "descriptions": {
            "evidence/facts.md": ("Setiap angka yang dinyatakan artikel, beserta sumbernya "
                                  "sebagaimana diberikan artikel, statusnya, dan bagian yang "
                                  "memakainya."),
            "evidence/sources.md": ("Setiap sumber yang dipakai artikel, sebagaimana tercetak, "
                                    "beserta fakta yang didukungnya dan catatan tentang "
                                    "masalahnya."),
        },
    },
}


@dataclass
class Scholarly:
    audit: AuditData
    findings: list[Finding]
    errata: Errata
    changelog: tuple[Release, ...]
    version: Version
    repo_url: str
    site_url: str

    def line_url(self, path: str, line: int) -> str:
        """The line of a repository file on the host (blob view: it has line anchors)."""
        return f"{self.repo_url.rstrip('/')}/blob/main/{path}#L{line}" if self.repo_url else ""

    def lang_url(self, lang: str, langs: tuple[str, ...]) -> str:
        """The home page of one language: site_url, or site_url + 'id/'."""
        base = self.site_url if self.site_url.endswith("/") else self.site_url + "/"
        return base if lang == langs[0] else f"{base}{lang}/"


def load_scholarly(root: Path, ledger: Ledger, config, langs: tuple[str, ...],
                   key=None) -> Scholarly:
    """Run the audit and read the errata and changelog; raise DataError with every problem.

    With `key` (memo.fingerprint of data/, from which `ledger` was loaded), the audit, errata and
    changelog are remembered for the next build with the same key (memo.py); the version and
    the addresses are worked out on every build.
    """
    audit, findings, errata, changelog = memo.remember(
        "scholarly", key, lambda: _load_records(root, ledger, langs))
    return Scholarly(audit, findings, errata, changelog,
                     site_version(os.environ, git_runner(root)),
                     config.repo_url or "", config.site_url or "")


def _load_records(root: Path, ledger: Ledger, langs: tuple[str, ...]) -> tuple:
    problems: list[Problem] = []
    data_dir = root / "data"
    audit = load_audit_data(data_dir, ledger, problems, langs)
    findings = run_audit(ledger, audit)
    errata = load_errata(data_dir, ledger, findings, problems, langs)
    problems.extend(check_statuses(errata, ledger))
    changelog = load_changelog(data_dir, problems, langs)
    if problems:
        raise DataError(problems)
    return audit, findings, errata, changelog


def current() -> Scholarly | None:
    return getattr(build_state.CURRENT, "scholarly", None)


def warnings() -> list[str]:
    """Messages the build reports (and, being strict, fails on)."""
    scholarly = current()
    return unrecorded_messages(scholarly.errata) if scholarly else []


# --------------------------------------------------------------------------- generated pages


def errata_md(ledger: Ledger, usage, lang: str) -> str:
    scholarly = current()
    return errata_page(scholarly.errata, ledger, lang, scholarly.repo_url, scholarly.line_url)


def facts_md(ledger: Ledger, usage, lang: str) -> str:
    return facts_page(ledger, usage, lang, notes=_notes(ledger, FACTS_PAGE, lang))


def sources_md(ledger: Ledger, usage, lang: str) -> str:
    return sources_page(ledger, usage, lang, notes=_notes(ledger, SOURCES_PAGE, lang))


def _notes(ledger: Ledger, page_path: str, lang: str) -> PageNotes | None:
    scholarly = current()
    return PageNotes(scholarly, ledger, lang, page_path) if scholarly else None


def changelog_md(ledger: Ledger, usage, lang: str) -> str:
    return changelog_markdown(current().changelog, lang, relative(ERRATA_PAGE, CHANGELOG_PAGE))


def _package(ledger: Ledger, usage, lang: str) -> tuple[dict[str, str], str]:
    """One language's downloads (path -> content) and the datapackage.json describing them."""
    scholarly = current()
    files = downloads(ledger, usage, lang) | extra_downloads(ledger, lang)
    home = (scholarly.lang_url(lang, ledger.languages) if scholarly.site_url else "")
    return files, datapackage(ledger, files, lang, scholarly.version.label, home)


def download_files(ledger: Ledger, usage, lang: str) -> dict[str, str]:
    """The files this feature adds to one language's downloads (generated.downloads() makes the
    others): sources.bib, sources.ris and datapackage.json."""
    _, package = _package(ledger, usage, lang)
    return {**extra_downloads(ledger, lang), "datapackage.json": package}


def downloads_md(ledger: Ledger, usage, lang: str) -> str:
    files, package = _package(ledger, usage, lang)
    return downloads_page(files, package, ledger, lang, current().version.label)


# --------------------------------------------------------------------------- notes for render


@dataclass(frozen=True)
class PageNotes:
    """What render.py adds for these features to one page's facts and footnotes."""

    scholarly: Scholarly
    ledger: Ledger
    lang: str
    page_path: str
    edition: Edition | None = None

    def fact_url(self, fact: Fact) -> str:
        return self.scholarly.line_url("data/facts.yml", fact.line)

    def source_url(self, source: Source) -> str:
        return self.scholarly.line_url("data/sources.yml", source.line)

    def fact_title(self, fact: Fact) -> str:
        """The hover title of a fact: its label and where to correct it (plain text)."""
        hint = words(TEXT, self.lang)["correct_hint"].format(line=fact.line)
        return f"{tr(fact.label, self.lang)} ({hint})"

    def fact_errata(self, fact_id: str):
        return self.scholarly.errata.for_fact(fact_id)

    def erratum_link(self, erratum) -> str:
        return errata_link(erratum, self.page_path)

    def footnote_extra(self, fact_ids: list[str]) -> str:
        """Markdown appended to a footnote: a correction link for each fact it sources on the
        page, and the errata about them."""
        if not fact_ids:
            return ""
        text = words(TEXT, self.lang)
        facts = [self.ledger.facts[f] for f in fact_ids if f in self.ledger.facts]
        links = [f'[{escape(format_fact(f, self.lang))}]({self.fact_url(f)} '
                 f'"{escape(tr(f.label, self.lang))}")' for f in facts if self.fact_url(f)]
        parts = []
        if links:
            label = text["correct"] if len(links) == 1 else text["correct_some"]
            parts.append(f"{label}: {' · '.join(links)}.")
        errata = []
        for fact in facts:
            for erratum in self.fact_errata(fact.id):
                if erratum not in errata:
                    errata.append(erratum)
        if errata:
            parts.append(f"{text['errata']}: " + " · ".join(
                f"[{escape(tr(e.title, self.lang))}]({self.erratum_link(e)})" for e in errata)
                + ".")
        return " ".join(parts)

    def description(self, page: str) -> str:
        return words(TEXT, self.lang)["descriptions"][page]

    def ledger_correct(self, fact: Fact) -> str:
        """The facts ledger's 'Correct this number' link (HTML, in the fact's first cell)."""
        url = self.fact_url(fact)
        if not url:
            return ""
        return (f'<br><a class="fact-correct" href="{html.escape(url)}">'
                f"{words(TEXT, self.lang)['correct']}</a>")

    def ledger_errata(self, fact: Fact) -> str:
        """Links from a fact's ledger row to the errata about it."""
        errata = self.fact_errata(fact.id)
        if not errata:
            return ""
        text = words(TEXT, self.lang)
        return (f"<br>{text['errata']}: " + "; ".join(
            f"[{escape(tr(e.title, self.lang))}]({self.erratum_link(e)})" for e in errata))

    def source_rows(self, source: Source) -> list[tuple[str, str]]:
        """Rows added to a source on the sources page: its errata and its line in the data."""
        text = words(TEXT, self.lang)
        rows = []
        errata = self.scholarly.errata.for_source(source.id)
        if errata:
            rows.append((text["errata"], "; ".join(
                f"[{escape(tr(e.title, self.lang))}]({self.erratum_link(e)})" for e in errata)))
        url = self.source_url(source)
        if url:
            rows.append((text["correct_source"],
                         f"[{text['source_line'].format(source.line)}]({url})"))
        return rows

    def citation(self, kind: str) -> str:
        if self.edition is None or kind not in CITATION_KINDS:
            raise KeyError(kind)
        article = self.ledger.sources.get(ARTICLE_ID)
        return citation_block(kind, self.edition, article.csl if article else None)


def edition_for(config, lang: str, langs: tuple[str, ...]) -> Edition | None:
    scholarly = current()
    if scholarly is None:
        return None
    return Edition(config.site_name, scholarly.lang_url(lang, langs), lang, scholarly.version)


def page_notes(config, page_path: str, lang: str, langs: tuple[str, ...]) -> PageNotes | None:
    scholarly = current()
    ledger = getattr(build_state.CURRENT, "ledger", None)
    if scholarly is None or ledger is None:
        return None
    return PageNotes(scholarly, ledger, lang, page_path, edition_for(config, lang, langs))


# --------------------------------------------------------------------------- page HTML, <head>


def absolute_url(page, config) -> str:
    """The page's published address (site_url + its URL), or its relative URL without one."""
    base = (config.site_url or "").rstrip("/")
    return f"{base}/{page.url}" if base else f"/{page.url}"


def citable(base_path: str, page) -> bool:
    return (not page.file.generated_by and not base_path.startswith(NOT_CITABLE_PREFIXES))


def section_controls(content: str, page, config, base_path: str, lang: str,
                     langs: tuple[str, ...]) -> str:
    """A 'Cite this section' control after each H2/H3 of a content page."""
    edition = edition_for(config, lang, langs)
    if edition is None or not citable(base_path, page):
        return content
    titles = {}

    def walk(items):
        for item in items:
            if getattr(item, "level", 0) in (2, 3) and item.id:
                titles[item.id] = html.unescape(item.title)
            walk(item.children)

    walk(page.toc)
    key = posixpath.splitext(base_path)[0].replace("/", "-").removesuffix("-index") or "home"
    page_title = "" if page.is_homepage else (page.title or "")
    return add_section_controls(content, titles, page_title, absolute_url(page, config), key,
                                edition)


def head_metadata(page, config, base_path: str, lang: str, langs: tuple[str, ...],
                  usage=None) -> PageMetadata | None:
    """The <head> metadata of one page (see metadata.py)."""
    scholarly, ledger = current(), getattr(build_state.CURRENT, "ledger", None)
    if scholarly is None or ledger is None:
        return None
    edition = edition_for(config, lang, langs)
    description = str((page.meta or {}).get("description") or config.site_description or "")
    url = absolute_url(page, config)
    alternates = []
    if config.site_url:
        for other in langs:
            if other == lang:
                continue
            path = page.url[len(lang) + 1:] if lang != langs[0] else page.url
            alternates.append((other, scholarly.lang_url(other, langs) + path))
    title = page.title or config.site_name
    if page.is_homepage:
        title = config.site_name
    cited = []
    if usage is not None:
        for source_id, uses in usage.sources.items():
            if any(use.page == base_path for use in uses) and source_id in ledger.sources:
                cited.append(ledger.sources[source_id])
    article = ledger.sources.get(ARTICLE_ID)
    return page_metadata(PageInfo(str(title), description, url, page.is_homepage,
                                  tuple(alternates)),
                         edition, article, cited, ARTICLE_AFFILIATION)


def escape_description(page) -> None:
    """Material writes `<meta name="description" content="{{ page.meta.description }}">` without
    escaping it; escape the front matter's text once, after metadata.py has used it raw."""
    if page.meta and page.meta.get("description") and not page.meta.get("_escaped"):
        page.meta["description"] = html.escape(str(page.meta["description"]), quote=True)
        page.meta["_escaped"] = True
