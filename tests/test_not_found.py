"""The site's one "page not found" page (hooks/edition/build/notfound.py, overrides/404.html):
a static host serves the 404.html at the site's root for every missing address, so it is the
default language's page, with a line in each other language, not whichever language was built
last."""

from __future__ import annotations

from edition.build.notfound import not_found_texts
from edition.locale import words


def test_the_root_404_page_is_in_the_default_language_with_a_line_in_indonesian(site):
    page = site.page("404.html")
    assert page.html["lang"] == "en"
    english, indonesian = page.select("article > div[lang]")
    assert english["lang"] == "en" and indonesian["lang"] == "id"
    assert english.h1.get_text() == words("not-found", "en")["title"]
    assert indonesian.h2.get_text() == words("not-found", "id")["title"]
    assert [h1.get_text() for h1 in page.find_all("h1")] == [words("not-found", "en")["title"]]
    assert english.a["href"] == "/turkey-azerbaijan-2020-2024/"
    assert indonesian.a["href"] == "/turkey-azerbaijan-2020-2024/id/"
    assert indonesian.a.get_text() == words("not-found", "id")["home"]
    # the chrome around it is the English site's
    assert page.select_one(".md-header__topic").get_text(strip=True).startswith("Turkey")


def test_each_language_links_its_own_home_page():
    texts = not_found_texts("/base/", ("en", "id"))
    assert [(t["lang"], t["url"]) for t in texts] == [("en", "/base/"), ("id", "/base/id/")]
    assert not_found_texts("/", ("en",))[0]["url"] == "/"
