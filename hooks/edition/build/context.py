"""The page-level glue: what MkDocs' page objects need from the layers below, per page.

    section_controls   "Cite this section" after each H2/H3 of a content page (cite/sections.py)
    head_metadata      the <head> metadata of a page (cite/metadata.py)
    page_notes         what the renderer adds to a page (render/notes.py), with its citations
"""

from __future__ import annotations

import html
import posixpath
import re

from ..checks.errata import Errata
from ..cite.formats import ARTICLE_AFFILIATION, Edition, citation_block
from ..cite.metadata import PageInfo, PageMetadata, page_metadata
from ..cite.sections import add_section_controls
from ..cite.version import Version
from ..data.ledger import Ledger
from ..data.sources import ARTICLE_ID
from ..render.notes import PageNotes, Repository

# Pages that get "Cite this section" controls: the hand-written pages outside about/ (the
# chapters and evidence/tables). Generated pages (ledger, sources, errata, downloads, print)
# are not sections of the argument.
NOT_CITABLE_PREFIXES = ("about/",)


def edition_for(config, lang: str, langs: tuple[str, ...], repository: Repository,
                version: Version | None) -> Edition | None:
    """The edition as built in one language (what its citations name)."""
    if version is None:
        return None
    return Edition(config.site_name, repository.lang_url(lang, langs), lang, version)


def page_notes(ledger: Ledger, errata: Errata, repository: Repository, lang: str,
               page_path: str, edition: Edition | None) -> PageNotes:
    article = ledger.sources.get(ARTICLE_ID)
    citation = None
    if edition is not None:
        def citation(kind: str) -> str:
            return citation_block(kind, edition, article)
    return PageNotes(errata, repository, ledger, lang, page_path, citation)


def absolute_url(page, site_base: str) -> str:
    """The page's permanent address (`site_base`, cite/version.py Publication.permanent, + its
    URL), or its relative URL without one."""
    base = (site_base or "").rstrip("/")
    return f"{base}/{page.url}" if base else f"/{page.url}"


def citable(base_path: str, page) -> bool:
    return (not page.file.generated_by and not base_path.startswith(NOT_CITABLE_PREFIXES))


def section_controls(content: str, page, base_path: str, edition: Edition | None,
                     site_base: str) -> str:
    """A 'Cite this section' control after each H2/H3 of a content page, linking the section's
    permanent address (under `site_base`)."""
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
    return add_section_controls(content, titles, page_title, absolute_url(page, site_base), key,
                                edition)


def page_heading(page) -> str:
    """The text of the page's H1 (its first heading of level 1), or its navigation title."""
    for item in page.toc or ():
        if getattr(item, "level", 0) == 1 and item.title:
            return html.unescape(re.sub(r"<[^>]+>", "", item.title)).strip()
    return page.title or ""


def head_metadata(page, config, base_path: str, lang: str, langs: tuple[str, ...],
                  ledger: Ledger | None, edition: Edition | None, repository: Repository,
                  usage=None) -> PageMetadata | None:
    """The <head> metadata of one page (see cite/metadata.py)."""
    if edition is None or ledger is None:
        return None
    description = str((page.meta or {}).get("description") or config.site_description or "")
    url = absolute_url(page, repository.site_url)
    alternates = []
    if repository.site_url:
        for other in langs:
            if other == lang:
                continue
            path = page.url[len(lang) + 1:] if lang != langs[0] else page.url
            alternates.append((other, repository.lang_url(other, langs) + path))
    # the page's own heading; the home page's is the edition's title (the website's name)
    title = config.site_name if base_path == "index.md" else page_heading(page)
    cited = []
    if usage is not None:
        for source_id, uses in usage.sources.items():
            if any(use.page == base_path for use in uses) and source_id in ledger.sources:
                cited.append(ledger.sources[source_id])
    article = ledger.sources.get(ARTICLE_ID)
    return page_metadata(PageInfo(str(title), description, url, tuple(alternates)),
                         edition, article, cited, ARTICLE_AFFILIATION)


def escape_description(page) -> None:
    """Material writes `<meta name="description" content="{{ page.meta.description }}">` without
    escaping it; escape the front matter's text once, after metadata.py has used it raw."""
    if page.meta and page.meta.get("description") and not page.meta.get("_escaped"):
        page.meta["description"] = html.escape(str(page.meta["description"]), quote=True)
        page.meta["_escaped"] = True
