"""The printable edition (pages/print.py, about/print.md): the whole edition in reading order,
every section and every footnote exactly once; and the print stylesheet."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

from conftest import ROOT
from edition.pages.print import nav_paths, page_slug, print_page

LANGS = {"en": "", "id": "id/"}


def reading_order() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    return [p for p in nav_paths(config["nav"]) if p != "about/print.md"]


def built(path: str) -> str:
    stem = path.removesuffix(".md")
    return "index.html" if stem == "index" else f"{stem}/index.html"


@pytest.mark.parametrize("lang", LANGS)
def test_print_page_has_every_section_once_in_reading_order(site, lang):
    soup = site.page(f"{LANGS[lang]}about/print/index.html")
    content = soup.select_one(".md-content")
    ids = [tag["id"] for tag in content.select("[id]")]
    assert not [i for i, n in Counter(ids).items() if n > 1], "ids are unique"
    chapters = [h["id"] for h in content.select("h2.print-chapter")]
    assert chapters == [page_slug(p) for p in reading_order()]
    for path in reading_order():
        page = site.page(LANGS[lang] + built(path))
        sections = [h["id"] for h in page.select(".md-content h2[id], .md-content h3[id]")]
        for section in sections:
            assert ids.count(f"{page_slug(path)}--{section}") == 1, (path, section)
        heading = page.select_one(".md-content h1").get_text(strip=True).rstrip("¶")
        chapter = content.find(id=page_slug(path)).get_text(strip=True).rstrip("¶")
        assert chapter == heading


@pytest.mark.parametrize("lang", LANGS)
def test_print_page_has_every_footnote_once(site, lang):
    soup = site.page(f"{LANGS[lang]}about/print/index.html")
    notes = [li["id"] for li in soup.select("div.footnote li[id^='fn:']")]
    assert len(notes) == len(set(notes))
    everywhere = set()
    for path in reading_order():
        page = site.page(LANGS[lang] + built(path))
        everywhere |= {li["id"] for li in page.select("div.footnote li[id^='fn:']")}
    assert set(notes) == everywhere
    numbers = [int(a.get_text()) for a in soup.select("a.footnote-ref")]
    assert list(dict.fromkeys(numbers)) == list(range(1, len(notes) + 1))


@pytest.mark.parametrize("lang", LANGS)
def test_links_inside_the_print_page_stay_inside_it(site, lang):
    soup = site.page(f"{LANGS[lang]}about/print/index.html")
    content = soup.select_one(".md-content")
    ids = {element["id"] for element in soup.find_all(id=True)}  # once, not once per link
    for link in content.select("a[href^='#']"):
        assert link["href"][1:] in ids, link["href"]
    chapters = {page_slug(p) for p in reading_order()}
    for link in content.select(".print-contents a"):
        assert link["href"][1:] in chapters


def test_print_page_rewrites_headings_and_links():
    pages = [("index.md", "# Home\n\nSee [values](core-values.md#security) and [x](#top).\n\n"
                          "## Top {#top}\n"),
             ("core-values.md", "---\ntitle: C\n---\n\n# Core values\n\n## Security {#security}"
                                "\n\n```\n## not a heading {#x}\n```\n[csv](tables/t.csv)\n")]
    out = print_page(pages, "en")
    assert "## Home {#home .print-chapter}" in out
    assert "### Top {#home--top}" in out
    assert "[values](#core-values--security)" in out and "[x](#home--top)" in out
    assert "### Security {#core-values--security}" in out
    assert "## not a heading {#x}" in out  # code is left alone
    assert "[csv](../tables/t.csv)" in out  # re-pointed from about/
    assert "title: C" not in out


def test_print_stylesheet_hides_navigation_and_keeps_figures_whole():
    css = (ROOT / "docs/stylesheets/print.css").read_text()
    assert css.lstrip().startswith("/*") and "@media print" in css
    for needle in (".md-sidebar", ".md-header", "break-inside: avoid", "figure.chart",
                   "content: \" <\" attr(href) \">\"", ".print-chapter { break-before: page; }",
                   "charts print in their light colours"):
        assert needle in css, needle
