"""The timeline (data/events.yml, pages/timeline.py): every dated event the article mentions,
validated like a fact, rendered in date order with its sources and its sections."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import ROOT
from edition.data.events import ISO_RE
from edition.data.ledger import load
from edition.render.dates import format_event_date

LANGS = {"en": "", "id": "id/"}
# The dates the article gives, at the precision it gives them (see the article's introduction,
# its chapter on core values and its chapter on long-range objectives).
ARTICLE_DATES = {"late 1980s", "1988-02", "1991", "1992", "1993", "1994-05", "2006-06-27",
                 "2020", "2020-11", "2021", "2021-06-15"}


def test_the_timeline_places_every_dated_event_the_article_mentions(ledger):
    assert {e.date for e in ledger.events} == ARTICLE_DATES
    titles = " ".join(e.title["en"] for e in ledger.events)
    for needle in ("first clashes", "Soviet Union is dissolved", "Republic of Artsakh",
                   "Soviet forces leave", "offensive", "referendum", "second conflict begins",
                   "ceasefire", "Shusha Declaration", "Organization of Turkic States",
                   "Bayraktar TB2"):
        assert needle in titles, needle
    assert [e.sort_key for e in ledger.events] == sorted(e.sort_key for e in ledger.events)


def test_every_event_is_sourced_like_a_fact(ledger):
    for event in ledger.events:
        if event.unsourced:
            assert event.sourced_by == "none", event.id
        else:
            assert event.sourced_by != "none", event.id
            for ref in event.sources:
                assert ref.id in ledger.sources and ref.locator, event.id


@pytest.mark.parametrize("lang", LANGS)
def test_timeline_page_lists_each_event_once_with_sources_and_section_links(site, ledger, lang):
    path = f"{LANGS[lang]}evidence/timeline/index.html"
    soup = site.page(path)
    items = soup.select("ol.timeline > li.timeline__event")
    assert [li["id"] for li in items] == [f"event-{e.id}" for e in ledger.events]
    for li, event in zip(items, ledger.events):
        when = li.select_one(".timeline__when .timeline__date")
        assert when.get_text() == format_event_date(event.date, lang)
        # <time> only with a machine-readable date (the Nu HTML Checker rejects it otherwise)
        assert when.name == "time" and when["datetime"] == event.date if ISO_RE.match(
            event.date) else when.name == "span", (event.id, str(when))
        notes = {a["href"] for a in li.select("a.footnote-ref")}
        for ref in event.sources:
            assert f"#fn:{ref.id}" in notes, (event.id, ref.id)
        if event.unsourced:
            flag = li.select_one(".fact-flag--unsourced").get_text()
            assert flag == {"en": "(unsourced in the article)",
                            "id": "(tanpa sumber dalam artikel)"}[lang]
        for fact in event.facts:
            assert li.select_one(f'span.fact[data-fact="{fact}"]') is not None, event.id
        links = li.select(".timeline__sections a")
        assert len(links) == len(event.sections)
        for link, target in zip(links, event.sections):
            page, _, anchor = target.partition("#")
            href = link["href"]
            assert href.endswith(f"#{anchor}"), href
            built = (site.root / path).parent / href.split("#")[0] / "index.html"
            assert built.resolve() == (site.root / LANGS[lang] / page.removesuffix(".md")
                                       / "index.html").resolve()
            assert site.page(built.relative_to(site.root).as_posix()).find(id=anchor)
    assert soup.select_one("time[datetime='2006-06-27']") is not None


def test_indonesian_dates(ledger):
    assert format_event_date("1988-02", "id") == "Februari 1988"
    assert format_event_date("late 1980s", "id") == "akhir 1980-an"
    assert format_event_date("2021-06-15", "en") == "15 June 2021"


def bad_events(tmp_path, text: str) -> list[str]:
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data" / "events.yml").write_text(text, encoding="utf-8")
    _, problems = load(tmp_path / "data", ("en", "id"))
    return [str(p) for p in problems]


EVENT = """- id: {ident}
  date: "{date}"
  category: {category}
  title: {{en: T, id: T}}
  sources: {sources}
  sourced_by: {sourced_by}
  sections: [background.md#first-war]
"""


@pytest.mark.parametrize("fields, line, message", [
    (dict(date="15 June 2021"), 2, "'date' is '15 June 2021'; write it as precisely as the "
                                   "article gives it"),
    (dict(date="2021-13"), 2, "'date' '2021-13' has no month 13"),
    (dict(category="war"), 3, "'category' is 'war', not one of conflict, ceasefire"),
    (dict(sources="[{id: kalwar-2021, locator: footnote 3}]"), 5,
     "unknown source 'kalwar-2021' (did you mean 'kalwar-2022'?)"),
    (dict(sources="[]", sourced_by="footnote 3"), 5,
     "has no sources but 'sourced_by' is 'footnote 3'"),
])
def test_bad_events_fail_with_file_and_line(tmp_path, fields, line, message):
    values = dict(ident="bad-event", date="1991", category="conflict",
                  sources="[{id: kalwar-2022, locator: footnote 3}]", sourced_by="footnote 3")
    values.update(fields)
    out = bad_events(tmp_path, EVENT.format(**values))
    assert any(o.startswith(f"data/events.yml:{line}: event 'bad-event'") and message in o
               for o in out), out


def test_an_event_naming_a_missing_section_fails_the_build(project):
    project.edit("data/events.yml", "sections: [background.md#referendum-talks]",
                 "sections: [background.md#referendum-talk]")
    line = project.line_of("data/events.yml", "background.md#referendum-talk]")
    result = project.build()
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert (f"data/events.yml:{line}: event 'referendum-report-2006': page 'background.md' has "
            "no heading '#referendum-talk' (did you mean 'referendum-talks'?)") in out


def test_an_events_file_with_a_yaml_error_fails_with_its_line(tmp_path):
    out = bad_events(tmp_path, "- id: a\n  date: [1991\n")
    assert len(out) == 1 and re.match(r"data/events\.yml:\d+: YAML syntax error", out[0]), out
