"""Session fixtures: each outside tool runs once over the strictly built site (tests/conftest.py
`site`), and the tests read its report. A tool that is not installed skips its tests locally,
saying why, and fails them in CI (tests/outside/support.py)."""

from __future__ import annotations

import pytest

from browser.support import CHROMIUM
from serving import serve

from . import support, tools


@pytest.fixture(scope="session")
def all_pages(site) -> list[str]:
    """Every built page of both languages, 404.html included (readers meet it too)."""
    return sorted(p.relative_to(site.root).as_posix() for p in site.root.rglob("*.html"))


# A page with an error each tool must report, checked in the same run as the site: proof that
# the run is live (a tool that crashed or read nothing would otherwise look like a clean pass).
CANARY = ("<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>Canary</title></head>"
          "<body><main><form><label>Name <input type=checkbox name=n autocomplete=off></label>"
          "</form></main></body></html>")
CANARY_URL = "/__tests__/canary/"


@pytest.fixture(scope="session")
def canary_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("canary")
    (folder / "canary.html").write_text(CANARY, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def _vnu_run(site, all_pages, canary_dir) -> list[tools.VnuMessage]:
    support.java()
    with serve(site.root, extra=((CANARY_URL, canary_dir),)) as served:
        urls = {page: served.url(page) for page in all_pages}
        urls["canary"] = served.base + CANARY_URL.lstrip("/") + "canary.html"
        return tools.run_vnu(urls)


@pytest.fixture(scope="session")
def vnu_messages(_vnu_run, all_pages) -> list[tools.VnuMessage]:
    """Every message of the Nu HTML Checker on the site's pages."""
    pages = set(all_pages)
    return [m for m in _vnu_run if m.page in pages]


@pytest.fixture(scope="session")
def vnu_canary(_vnu_run, all_pages) -> list[tools.VnuMessage]:
    return [m for m in _vnu_run if m.page == "canary"]


@pytest.fixture(scope="session")
def _pa11y_run(site, all_pages, canary_dir) -> list[tools.Pa11yIssue]:
    support.node_package("pa11y")
    if not CHROMIUM.is_file():
        support.missing("pa11y", f"no Chromium at {CHROMIUM} (set CHROMIUM)")
    with serve(site.root, extra=((CANARY_URL, canary_dir),)) as served:
        urls = {page: served.url(page) for page in all_pages}
        urls["canary"] = served.base + CANARY_URL.lstrip("/") + "canary.html"
        return tools.run_pa11y(urls, str(CHROMIUM))


@pytest.fixture(scope="session")
def pa11y_issues(_pa11y_run) -> list[tools.Pa11yIssue]:
    """pa11y's WCAG 2 AA errors on the site's pages."""
    return [i for i in _pa11y_run if i.page != "canary"]


@pytest.fixture(scope="session")
def pa11y_canary(_pa11y_run) -> list[tools.Pa11yIssue]:
    return [i for i in _pa11y_run if i.page == "canary"]


@pytest.fixture(scope="session")
def section_citations(site, all_pages) -> list[tools.SectionCitation]:
    found = tools.section_citations(site.root, all_pages)
    assert found, "no 'Cite this section' block found on any page"
    return found


@pytest.fixture(scope="session")
def citation_js(site, section_citations) -> dict[str, dict]:
    """citation-js's reading of: each download whole ('en/bibtex', ...), each of its records
    alone ('en/bibtex/gavin-2023', ...), each section citation ('section/PAGE#ANCHOR/bibtex')."""
    support.node_package("@citation-js/core")
    inputs = {}
    for name, text in tools.downloads(site.root).items():
        fmt = name.split("/")[1]
        inputs[name] = (fmt, text)
        for key, record in tools.split_entries(text, fmt).items():
            inputs[f"{name}/{key}"] = (fmt, record)
    for cite in section_citations:
        for fmt in ("bibtex", "ris"):
            inputs[f"section/{cite.page}#{cite.anchor}/{fmt}"] = (fmt, getattr(cite, fmt))
    return tools.run_citation_js(inputs)


@pytest.fixture(scope="session")
def pybtex():
    try:
        import pybtex.database  # noqa: F401
    except ImportError as error:
        support.missing("pybtex", f"{error} (it is in the test lock: run `make install`)")
    return tools.run_pybtex


@pytest.fixture(scope="session")
def zotero() -> str:
    """The base URL of a reachable translation-server (skip locally / fail in CI without)."""
    return support.zotero_reachable()


@pytest.fixture(scope="session")
def zotero_web(site, all_pages, zotero) -> dict[str, object]:
    """Page -> what Zotero's /web returns for the page's URL (a list of items, or an error)."""
    bind = "127.0.0.1" if support.ZOTERO_SITE_HOST == "127.0.0.1" else "0.0.0.0"
    pages = [page for page in all_pages if page != "404.html"]
    with serve(site.root, bind=bind, host=support.ZOTERO_SITE_HOST) as served:
        return {page: tools.zotero_post(zotero, "web", served.url(page))[1] for page in pages}


@pytest.fixture(scope="session")
def zotero_imports(site, section_citations, zotero) -> dict[str, object]:
    """What Zotero's /import makes of each download whole, of each record alone, and of each
    section's BibTeX and RIS (keys as in `citation_js`)."""
    out = {}
    for name, text in tools.downloads(site.root).items():
        out[name] = tools.zotero_post(zotero, "import", text)[1]
        for key, record in tools.split_entries(text, name.split("/")[1]).items():
            out[f"{name}/{key}"] = tools.zotero_post(zotero, "import", record)[1]
    for cite in section_citations:
        for fmt in ("bibtex", "ris"):
            out[f"section/{cite.page}#{cite.anchor}/{fmt}"] = tools.zotero_post(
                zotero, "import", getattr(cite, fmt))[1]
    return out
