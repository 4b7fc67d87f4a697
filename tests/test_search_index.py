"""One search index per language (hooks/search_split.py): a reader downloads the entries of
the language being read, and the printable edition, which repeats every page, is not indexed."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

import pytest

from edition.outputs.search import language_base, split_index, without_footnote_refs

LANGS = ("en", "id")


def index(site, path: str) -> dict:
    return json.loads((site.root / path).read_text(encoding="utf-8"))


def config_base(site, page: str) -> str:
    """The URL (from the site root) that Material's __config `base` of a page points at."""
    text = site.page(page).find("script", id="__config").string
    # as Material does: new URL(base, location), then new URL("search/...", that)
    base = urljoin("https://x.test/" + page.removesuffix("index.html"), json.loads(text)["base"])
    index_url = urljoin(base, "search/search_index.json")
    return index_url.removeprefix("https://x.test/").removesuffix("search/search_index.json")


@pytest.mark.parametrize("path, root", [("search/search_index.json", ""),
                                        ("id/search/search_index.json", "id/")])
def test_each_language_has_an_index_of_its_own_pages(site, path, root):
    docs = index(site, path)["docs"]
    pages = {doc["location"].split("#")[0] for doc in docs}
    assert {"", "core-values/", "evidence/facts/"} <= pages
    for page in pages:  # each entry is a page of this language, located from its root
        assert (site.root / root / page / "index.html").exists(), page
        assert not page.startswith("id/")
    titles = " ".join(doc["title"] for doc in docs)
    assert ("Nilai inti" in titles) == (root == "id/")
    assert ("Core values" in titles) == (root == "")


def test_the_printable_edition_is_not_indexed(site):
    for path in ("search/search_index.json", "id/search/search_index.json"):
        assert not [d for d in index(site, path)["docs"] if d["location"].startswith("about/print/")]


@pytest.mark.parametrize("page, root", [("core-values/index.html", ""), ("index.html", ""),
                                        ("id/core-values/index.html", "id/"),
                                        ("id/index.html", "id/"),
                                        ("id/evidence/facts/index.html", "id/")])
def test_pages_point_material_at_their_language_root(site, page, root):
    assert config_base(site, page) == root
    assert (site.root / root / "search/search_index.json").exists()


def test_split_index_moves_entries_under_a_language_prefix():
    merged = {"config": {"lang": ["en"]},
              "docs": [{"location": "", "title": "Home"},
                       {"location": "a/#x", "title": "A"},
                       {"location": "id/", "title": "Beranda"},
                       {"location": "id/a/#x", "title": "A (id)"},
                       {"location": "idea/", "title": "Not Indonesian"}]}
    out = split_index(merged, LANGS)
    assert [d["location"] for d in out[""]["docs"]] == ["", "a/#x", "idea/"]
    assert [d["location"] for d in out["id/"]["docs"]] == ["", "a/#x"]
    assert out["id/"]["config"] == merged["config"]


@pytest.mark.parametrize("base_url, lang, expected", [
    ("..", "en", ".."), ("../..", "id", "../../id/"), ("..", "id", "../id/"), (".", "id", "id/"),
    ("/site", "id", "/site/id/")])
def test_language_base(base_url, lang, expected):
    assert language_base(base_url, lang, LANGS) == expected


def test_search_results_do_not_read_footnote_numbers_as_part_of_a_word(site):
    index = json.loads((site.root / "search/search_index.json").read_text("utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "figure 1.2 caption." in text  # was "caption<sup>1</sup><sup>2</sup><sup>3</sup>."
    assert not re.search(r"<sup>\d+</sup>", text)
    assert without_footnote_refs("x<sup>1</sup><sup>12</sup>. m<sup>a</sup>") == "x. m<sup>a</sup>"
