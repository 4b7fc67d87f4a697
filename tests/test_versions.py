"""Released versions and what changed (issue 14): the version a build is given, the comparison
of two snapshots, the report of `make diff`, and two real releases of a copy of the project
in a temporary git repository, published on its local gh-pages branch (tests/conftest.py
`released`: they differ in one fact and one erratum). Nothing is pushed anywhere."""

from __future__ import annotations

import json
import re

import pytest

from conftest import (
    ADDED_ERRATUM,
    CHANGED_FACT,
    FIRST_RELEASE,
    GIT_ENV,
    LANGUAGES,
    SECOND_RELEASE,
    build,
)
from edition.build.diff import diff
from edition.build.release import (
    Git,
    ReleaseError,
    check_untouched,
    choose_name,
    release,
    stage_tree,
)
from edition.cite.version import Publication, release_settings
from edition.outputs.changes import by_section, compare
from edition.outputs.textdiff import compare_sentences, flat, page_sections
from edition.pages.changes import fact_item, since_page

SITE = "https://nk-edition.github.io/turkey-azerbaijan-2020-2024/"
SECTIONS = ["background.md#contested-region", "conclusion.md#evidence-thin"]


# --------------------------------------------------------------------------- the version


def test_a_release_is_published_under_its_name_and_its_copy_at_the_root():
    archive = Publication.of(SITE, "2026-12-01", at_root=False)
    assert archive.permanent == archive.published == f"{SITE}2026-12-01/"
    # mkdocs-static-i18n runs on_config again with the site_url already rewritten
    assert Publication.of(f"{SITE}2026-12-01/", "2026-12-01", False) == archive
    root = Publication.of(SITE, "2026-12-01", at_root=True)
    assert root.published == SITE and root.permanent == f"{SITE}2026-12-01/"
    unreleased = Publication.of(SITE, "", False)
    assert unreleased.permanent == unreleased.published == SITE


def test_release_settings_name_what_is_wrong():
    assert release_settings({}) == ("", False)
    assert release_settings({"EDITION_RELEASE": "2026-12-01", "EDITION_RELEASE_AT": "root"}) \
        == ("2026-12-01", True)
    with pytest.raises(ValueError, match="EDITION_RELEASE_AT='top'"):
        release_settings({"EDITION_RELEASE": "2026-12-01", "EDITION_RELEASE_AT": "top"})
    with pytest.raises(ValueError, match="needs EDITION_RELEASE"):
        release_settings({"EDITION_RELEASE_AT": "root"})


def test_a_bad_release_name_fails_the_build_with_one_message(project, monkeypatch):
    monkeypatch.setenv("EDITION_RELEASE", "1 December")
    result = project.build()
    assert result.returncode != 0
    assert "release name '1 December': write the release's day as an ISO date" in result.stderr
    assert "Traceback" not in result.stderr


def test_release_names_come_in_order():
    assert choose_name("", "2026-12-01", []) == "2026-12-01"
    assert choose_name("", "2026-12-01", ["2026-12-01"]) == "2026-12-01.2"
    assert choose_name("2026-12-03", "2026-12-01", ["2026-12-01.2", "2026-12-01"]) == \
        "2026-12-03"
    with pytest.raises(ReleaseError, match="exists already and is never rewritten"):
        choose_name("2026-12-01", "2026-12-01", ["2026-12-01"])
    with pytest.raises(ReleaseError, match="before the latest release, 2026-12-01"):
        choose_name("2026-11-30", "2026-11-30", ["2026-12-01"])


# --------------------------------------------------------------------------- comparing


def snap(value: float, status: str = "open", extra_erratum: bool = False) -> dict:
    text = {"en": f"{value:g}%", "id": f"{value:g}%".replace(".", ",")}
    errata = {"e1": {"status": status, "title": {"en": "An error", "id": "Sebuah kesalahan"},
                     "facts": ["f"], "date": "2026-11-27", "about": "article", "sources": []}}
    if extra_erratum:
        errata["e2"] = {"status": "fixed", "title": {"en": "Site", "id": "Situs"}, "facts": [],
                        "date": "2026-11-28", "about": "site", "sources": []}
    return {"version": {"release": "r"}, "languages": ["en", "id"],
            "pages": {"p.md": {"en": "Page", "id": "Halaman", "order": 0}},
            "sections": {"p.md#s": {"en": "Section", "id": "Bagian", "order": 0}},
            "facts": {"f": {"value": value, "unit": {"en": "%", "id": "%"}, "qualifier": "",
                            "date": "", "status": "as-stated", "sources": [],
                            "label": {"en": "A share", "id": "Sebuah proporsi"}, "text": text,
                            "sections": ["p.md#s"]}},
            "errata": errata, "sources": {}, "tables": {}, "charts": {}}


def test_a_corrected_number_and_a_settled_erratum_are_told_per_section():
    old, new = snap(87.5), snap(88.5, "confirmed", extra_erratum=True)
    changes = compare(old, new)
    (fact,) = changes.facts
    assert fact.corrected and fact.fields == ("value",) and fact.sections == ("p.md#s",)
    assert fact.text("id") == ("87,5%", "88,5%")
    assert [(e.id, e.kind) for e in changes.errata] == [("e2", "added"), ("e1", "settled")]
    grouped = by_section(changes, old, new)
    assert list(grouped) == ["p.md#s", ""]  # the site erratum concerns no section
    assert fact_item(fact, "en") == "Number corrected: A share: 87.5% → 88.5%"
    assert fact_item(fact, "id") == "Angka dikoreksi: Sebuah proporsi: 87,5% → 88,5%"
    page = since_page(changes, old, new, "id", f"{SITE}r/id/", f"{SITE}id/")
    assert "Ralat dipastikan: Sebuah kesalahan (terbuka → terkonfirmasi)" in page
    assert "[bagian ini dalam versi terbaru](../p.md#s)" in page
    assert compare(new, new).empty


def test_changed_sentences_are_found_section_by_section():
    page = ("<html><body><article class='md-content__inner'><h1 id='p'>P</h1><p>Intro. It "
            "says 95%<sup><a class='footnote-ref'>1</a></sup>.</p><h2 id='s'>S<a "
            "class='headerlink'>¶</a></h2><details class='cite-section'>Cite</details><p>One."
            " Two is {}.</p><div class='footnote'><ol><li><p>A note.</p></li></ol></div>"
            "</article></body></html>")
    before, after = page_sections(page.format("2"), "p.md"), page_sections(page.format("3"),
                                                                          "p.md")
    assert before == {"p.md": ["P", "Intro.", "It says 95%."], "p.md#s": ["S", "One.",
                                                                           "Two is 2."],
                      "p.md#footnotes": ["A note."]}
    (change,) = compare_sentences(flat(before), flat(after))
    assert (change.section, change.old, change.new) == ("p.md#s", "Two is 2.", "Two is 3.")
    # a section renumbered under a new one is the same text, not new text
    renamed = {"p.md": ["New."], "p.md#s-2": before["p.md#s"]}
    (added,) = compare_sentences(flat({"p.md#s": before["p.md#s"]}), flat(renamed))
    assert (added.section, added.old, added.new) == ("p.md", "", "New.")


# --------------------------------------------------------------------------- two releases


def test_releases_sit_at_their_own_addresses_newest_first(released):
    versions = json.loads(released.html("versions.json"))
    assert [v["version"] for v in versions] == [SECOND_RELEASE, FIRST_RELEASE]
    assert all(v["aliases"] == [] and re.fullmatch(r"[0-9a-f]{7}", v["properties"]["commit"])
               for v in versions)
    for folder in (FIRST_RELEASE, SECOND_RELEASE, f"{FIRST_RELEASE}/id", f"{SECOND_RELEASE}/id",
                   "", "id"):
        assert (released.pages / folder / "background" / "index.html").is_file(), folder
    assert released.git("tag", "--list", "release/*").split() == [
        f"release/{FIRST_RELEASE}", f"release/{SECOND_RELEASE}"]


def test_a_release_never_rewrites_an_earlier_one(released, tmp_path):
    # the second release left the first one's folder the very same tree
    assert released.git("rev-parse", f"gh-pages:{FIRST_RELEASE}") == released.first_tree
    assert released.git("log", "--format=%s", "gh-pages").splitlines() == [
        f"Release {SECOND_RELEASE} of the edition (commit {released.git('rev-parse', '--short', 'HEAD')})",
        f"Release {FIRST_RELEASE} of the edition (commit "
        f"{released.git('rev-parse', '--short', f'release/{FIRST_RELEASE}')})"]
    git = Git(released.repo, GIT_ENV)
    tree = released.git("rev-parse", "gh-pages^{tree}")
    # a tree that changed one file of the first release, or dropped it, is refused
    tampered = stage_tree(git, tmp_path / "index", "gh-pages", [FIRST_RELEASE, SECOND_RELEASE],
                          {f"{FIRST_RELEASE}/background/index.html": "rewritten"})
    with pytest.raises(ReleaseError, match=f"release {FIRST_RELEASE} would change"):
        check_untouched(git, tree, tampered, [FIRST_RELEASE, SECOND_RELEASE])
    dropped = stage_tree(git, tmp_path / "index2", "gh-pages", [SECOND_RELEASE], {})
    with pytest.raises(ReleaseError, match="-> missing"):
        check_untouched(git, tree, dropped, [FIRST_RELEASE, SECOND_RELEASE])
    # and a release of an existing name is refused before anything is built
    with pytest.raises(ReleaseError, match="exists already and is never rewritten"):
        release(released.repo, FIRST_RELEASE, git_env=GIT_ENV, log=lambda text: None)
    # so is one made on a local branch that lacks the remote's releases (a fresh clone)
    tip = released.git("rev-parse", "gh-pages")
    released.git("update-ref", "refs/remotes/origin/gh-pages", tip)
    released.git("branch", "-m", "gh-pages", "gh-pages-aside")
    try:
        with pytest.raises(ReleaseError, match="git fetch origin gh-pages:gh-pages"):
            release(released.repo, "2026-12-02", git_env=GIT_ENV, log=lambda text: None)
    finally:
        released.git("branch", "-m", "gh-pages-aside", "gh-pages")
        released.git("update-ref", "-d", "refs/remotes/origin/gh-pages")
    assert released.git("rev-parse", "gh-pages^{tree}") == tree


def section_text(page, section: str) -> str:
    heading = page.find(id=section)
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h2", "h3"):
            break
        parts.append(sibling.get_text(" "))
    return " ".join(" ".join(parts).split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_older_release_keeps_its_number_and_the_latest_shows_the_new_one(released, lang):
    prefix = "" if lang == "en" else "id/"
    old = section_text(released.page(f"{FIRST_RELEASE}/{prefix}background/index.html"),
                       "contested-region")
    assert "95%" in old and "94%" not in old
    for folder in (f"{SECOND_RELEASE}/", ""):
        new = section_text(released.page(f"{folder}{prefix}background/index.html"),
                           "contested-region")
        assert "94%" in new and "95%" not in new, folder


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_release_cites_its_own_permanent_address(released, lang):
    prefix = "" if lang == "en" else "id/"
    for folder, name in ((f"{FIRST_RELEASE}/", FIRST_RELEASE), (f"{SECOND_RELEASE}/",
                                                                SECOND_RELEASE),
                         ("", SECOND_RELEASE)):  # the copy at the root cites the latest's
        html = released.html(f"{folder}{prefix}background/index.html")
        permanent = f"{SITE}{name}/{prefix}background/"
        assert f'href="{permanent}#contested-region"' in html, folder
        assert f'<meta name="citation_fulltext_html_url" content="{permanent}">' in html
        assert f'<meta property="og:url" content="{permanent}">' in html
        jsonld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>',
                                      html).group(1))
        assert jsonld["url"] == permanent and jsonld["version"].startswith(f"{name} (")
        word = "version" if lang == "en" else "versi"
        assert f"{word} {name}, commit " in html
        assert "unreleased" not in html and "belum dirilis" not in html
    # the downloads name the version too
    package = json.loads(released.html(f"{FIRST_RELEASE}/{prefix}datapackage.json"))
    assert package["version"].startswith(f"{FIRST_RELEASE} (")
    assert package["homepage"] == f"{SITE}{FIRST_RELEASE}/{prefix}"


def test_an_older_page_says_so_and_links_the_latest_and_what_changed(released):
    page = released.page(f"{FIRST_RELEASE}/background/index.html")
    banner = page.select_one(".md-banner .edition-version")
    assert banner["data-release"] == FIRST_RELEASE and banner["data-page"] == "background.md"
    assert f"version {FIRST_RELEASE} of this edition, kept unchanged" in banner.get_text()
    assert banner.select_one(".edition-version__latest")["href"] == "../../background/"
    assert banner.select_one(".edition-version__changes")["href"] == \
        f"../../changes/{FIRST_RELEASE}/"
    assert banner["data-changes"] == f"../../changes/{FIRST_RELEASE}.json"
    indonesian = released.page(f"{FIRST_RELEASE}/id/background/index.html")
    assert indonesian.select_one(".edition-version__latest")["href"] == "../../../id/background/"
    assert "Anda sedang membaca versi" in indonesian.select_one(".edition-version").get_text()
    assert released.page("background/index.html").select_one(".edition-version") is None


@pytest.mark.parametrize("lang, corrected, added", [
    ("en", "Number corrected: Share of Nagorno-Karabakh's population that is ethnically "
           "Armenian: 95% → 94%", "Erratum added: The Armenian share recorded wrongly (fixed)"),
    ("id", "Angka dikoreksi: Proporsi penduduk Nagorno-Karabakh yang beretnis Armenia: 95% → "
           "94%", "Ralat ditambahkan: Proporsi Armenia tercatat keliru (diperbaiki)")])
def test_what_changed_since_the_older_release_is_published_at_the_root(released, lang,
                                                                       corrected, added):
    prefix = "" if lang == "en" else "id/"
    page = released.page(f"{prefix}changes/{FIRST_RELEASE}/index.html")
    items = [li.get_text(" ", strip=True) for li in page.select("article li")]
    assert items == [corrected, added, corrected, added]  # its two sections
    links = [a["href"] for a in page.select("article p a[href*='#']")]
    assert links == ["../../background/#contested-region", "../../conclusion/#evidence-thin"]
    data = json.loads(released.html(f"changes/{FIRST_RELEASE}.json"))
    assert data["latest"] == SECOND_RELEASE and set(data["pages"]) == {"background.md",
                                                                       "conclusion.md"}
    assert data["pages"]["background.md"][0]["items"][lang] == [corrected, added]
    latest = released.page(f"{prefix}changes/{SECOND_RELEASE}/index.html").get_text()
    assert ("No number or erratum has changed since version" in latest if lang == "en"
            else "Tidak ada angka atau ralat yang berubah" in latest)


def test_the_changelog_has_a_section_per_release(released):
    page = released.page("about/changelog/index.html")
    second = page.find(id=f"version-{SECOND_RELEASE}")
    first = page.find(id=f"version-{FIRST_RELEASE}")
    assert second is not None and first is not None
    text = page.select_one("article").get_text(" ")
    assert text.index(f"Release {SECOND_RELEASE}") < text.index(f"Release {FIRST_RELEASE}")
    between = text[text.index(f"Release {SECOND_RELEASE}"):text.index(f"Release {FIRST_RELEASE}")]
    assert "Changed since release 2026-11-27:" in between and "95% → 94%" in between
    assert "The first release." in text
    assert page.find(id="release-2026-11-29") is not None  # the hand-written entries stay


def test_make_diff_between_the_releases_lists_exactly_the_fact_and_the_erratum(released):
    report, status = diff(released.repo, f"release/{FIRST_RELEASE}")
    assert status == 0
    facts = report.split("## Facts\n", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"^- \*\*(\w+)\*\* `([\w-]+)`", facts, re.M) == [("changed", CHANGED_FACT)]
    assert "  - value: `95` → `94`" in facts
    assert "  - as rendered (en): 95% → 94%" in facts and "as rendered (id): 95% → 94%" in facts
    assert "  - in: " + ", ".join(f"`{s}`" for s in SECTIONS) in facts
    errata = report.split("## Errata added or settled\n", 1)[1]
    assert re.findall(r"^- (\w+) `([\w-]+)`", errata, re.M) == [("added", ADDED_ERRATUM)]
    assert "## Tables and charts whose data changed\n\nNone." in report
    assert "## Sources added or changed\n\nNone." in report
    pages = report.split("## Pages and sections whose text changed\n", 1)[1]
    for page in ("background.md", "conclusion.md"):
        for lang in LANGUAGES:
            assert f"### {page} ({lang})" in pages
    assert "#contested-region: “Citing BBC News Indonesia" in pages
    same, status = diff(released.repo, "HEAD")
    assert status == 0 and same.count("\n") == 3 and "No change to the edition" in same


def test_make_diff_names_a_guard_that_now_fails(released, tmp_path):
    facts = released.repo / "data" / "facts.yml"
    text = facts.read_text(encoding="utf-8")
    start = text.index(f"- id: {CHANGED_FACT}\n")
    try:
        facts.write_text(text[:start] + text[start:].replace("  value: 94\n", "  value: 93\n",
                                                             1), encoding="utf-8")
        report, status = diff(released.repo, "HEAD")
    finally:
        facts.write_text(text, encoding="utf-8")
    assert status == 1
    assert (f"erratum '{ADDED_ERRATUM}' is about fact '{CHANGED_FACT}' with value 94, but "
            "data/facts.yml now gives 93") in report
    assert "  - as rendered (en): 94% → 93%" in report


def test_a_release_builds_again_byte_for_byte(released, monkeypatch, tmp_path):
    """The same commit and release name build the same site: the second release's folder,
    built again, equals what was published."""
    monkeypatch.setenv("EDITION_RELEASE", SECOND_RELEASE)
    monkeypatch.setenv("EDITION_COMMIT", released.git("rev-parse", "--short", "HEAD"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")  # 2026-12-01, as release.py sets it
    earlier = {"releases": [{"name": FIRST_RELEASE, "snapshot": json.loads(
        released.html(f"{FIRST_RELEASE}/snapshot.json"))}]}
    (tmp_path / "releases.json").write_text(json.dumps(earlier), encoding="utf-8")
    monkeypatch.setenv("EDITION_RELEASES", str(tmp_path / "releases.json"))
    result = build(released.repo, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    published = released.pages / SECOND_RELEASE
    rebuilt = {p.relative_to(tmp_path / "site").as_posix(): p.read_bytes()
               for p in (tmp_path / "site").rglob("*") if p.is_file()}
    before = {p.relative_to(published).as_posix(): p.read_bytes()
              for p in published.rglob("*") if p.is_file()}
    assert rebuilt.keys() == before.keys()
    assert [p for p in rebuilt if rebuilt[p] != before[p] and p != "sitemap.xml.gz"] == []
