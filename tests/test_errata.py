"""Errata (checks/errata.py, data/corrections.yml): merging with the audit, guards, the page, the
links from each fact, and the changelog."""

from __future__ import annotations

import dataclasses
import datetime
import re

import pytest

from conftest import LANGUAGES, ROOT
from edition.checks.audit import run_audit
from edition.checks.errata import check_guards, merge_errata, unrecorded_messages
from edition.data.corrections import parse_corrections
from edition.data.problems import Problem
from edition.data.yamlfile import load_yaml
from edition.pages.changelog import changelog_file

ERRATA = "evidence/errata/index.html"


@pytest.fixture(scope="module")
def findings(ledger):
    return run_audit(ledger)


def errata_from(tmp_path, ledger, findings, text):
    """data/corrections.yml as `text`: read (data/corrections.py), then merged with the
    findings (checks/errata.py); (errata, every problem)."""
    path = tmp_path / "corrections.yml"
    path.write_text(text, encoding="utf-8")
    problems: list[Problem] = []
    entries = parse_corrections(load_yaml(path, "data/corrections.yml", problems),
                                "data/corrections.yml", ledger, problems, LANGUAGES)
    with_entries = dataclasses.replace(ledger, records=ledger.records | {"corrections": entries})
    return merge_errata(with_entries, findings, problems), problems


def test_every_finding_is_recorded_once_and_nothing_stale(ledger, findings):
    problems: list[Problem] = []
    errata = merge_errata(ledger, findings, problems)
    assert problems == [] and errata.unrecorded == ()
    ids = [e.id for e in errata.entries]
    assert len(ids) == len(set(ids)), "no erratum is listed twice"
    assert {f.id for f in findings} <= set(ids)
    for erratum in errata.entries:
        # recorded on a real day, not later than today (CONTRIBUTING: the day it is recorded)
        assert datetime.date.fromisoformat(erratum.date) <= datetime.date.today(), erratum.id
        assert erratum.status in ("open", "confirmed", "fixed")
        assert erratum.about in ("article", "site")


def test_an_unrecorded_finding_is_still_listed_and_reported(tmp_path, ledger, findings):
    errata, problems = errata_from(tmp_path, ledger, findings, "[]\n")
    assert problems == []
    assert set(errata.unrecorded) == {f.id for f in findings}
    assert {e.id for e in errata.entries} == {f.id for f in findings}
    assert all(not e.date for e in errata.entries)
    (message, *_) = unrecorded_messages(errata)
    assert message.startswith("data/corrections.yml:1: the audit found '")


def test_an_entry_for_a_finding_the_audit_no_longer_reports_fails(tmp_path, ledger, findings):
    _, problems = errata_from(tmp_path, ledger, findings, (
        "- finding: value-conflict-defence-exports-2023\n  status: confirmed\n"
        "  date: \"2026-11-27\"\n"))
    (problem,) = problems
    assert problem.line == 1 and "no longer reports" in problem.message
    assert "did you mean 'value-conflict-defence-exports-2024'" in problem.message


def test_a_finding_recorded_twice_or_as_a_manual_entry_fails(tmp_path, ledger, findings):
    entry = "- finding: printing-khalid-2020\n  status: confirmed\n  date: \"2026-11-27\"\n"
    _, problems = errata_from(tmp_path, ledger, findings, entry + entry)
    assert any("recorded twice" in p.message for p in problems)
    _, problems = errata_from(tmp_path, ledger, findings, (
        "- id: printing-khalid-2020\n  about: article\n  title: {en: a, id: b}\n"
        "  printed: {en: a, id: b}\n  correction: {en: a, id: b}\n  evidence: {en: a, id: b}\n"
        "  status: confirmed\n  date: \"2026-11-27\"\n"))
    assert any("write 'finding: printing-khalid-2020'" in p.message for p in problems)


@pytest.mark.parametrize("field, value, message", [
    ("status", "done", "'status' is 'done', not one of open, confirmed, fixed"),
    ("date", "27/11/2026", "write the date the entry was recorded as a quoted ISO date"),
])
def test_bad_fields_are_reported_with_their_line(tmp_path, ledger, findings, field, value,
                                                 message):
    fields = {"status": "confirmed", "date": '"2026-11-27"'} | {field: value}
    text = "- finding: printing-khalid-2020\n" + "".join(f"  {k}: {v}\n" for k, v in fields.items())
    _, problems = errata_from(tmp_path, ledger, findings, text)
    (problem,) = problems
    assert message in problem.message and problem.line == (2 if field == "status" else 3)


def test_a_manual_entry_needs_its_evidence(tmp_path, ledger, findings):
    _, problems = errata_from(tmp_path, ledger, findings, (
        "- id: a-doubt\n  about: article\n  title: {en: a, id: b}\n  printed: {en: a, id: b}\n"
        "  correction: {en: a, id: b}\n  status: open\n  date: \"2026-11-27\"\n"))
    (problem,) = problems
    assert "give the 'evidence'" in problem.message


MANUAL = ("- id: a-claim\n  about: article\n  title: {en: a, id: b}\n  printed: {en: a, id: b}\n"
          "  correction: {en: a, id: b}\n  evidence: {en: a, id: b}\n  status: open\n"
          "  date: \"2026-11-27\"\n")


def test_a_manual_entry_is_listed_under_its_group(tmp_path, ledger, findings):
    def group(errata):
        return next(e.group for e in errata.entries if e.id == "a-claim")

    errata, problems = errata_from(tmp_path, ledger, findings, MANUAL)
    assert problems == [] and group(errata) == "references"  # an article entry's default
    errata, problems = errata_from(tmp_path, ledger, findings, MANUAL + "  group: statements\n")
    assert problems == [] and group(errata) == "statements"
    _, problems = errata_from(tmp_path, ledger, findings, MANUAL + "  group: statement\n")
    (problem,) = problems
    assert problem.line == 9
    assert "'group' is 'statement', not one of numbers" in problem.message
    assert "(did you mean 'statements'?)" in problem.message


def test_a_guard_fails_when_the_value_it_guards_changes(ledger, findings):
    errata = merge_errata(ledger, findings, [])
    assert check_guards(errata, ledger) == []
    changed = dataclasses.replace(ledger, records=ledger.records | {"facts": dict(ledger.facts) | {
        "defence-exports-2024": dataclasses.replace(ledger.facts["defence-exports-2024"],
                                                    value=6.9)}})
    messages = [p.message for p in check_guards(errata, changed)]
    assert len(messages) == 2  # two errata guard the 2024 value
    assert all("fact 'defence-exports-2024' with value 6.7, but data/facts.yml now gives 6.9"
               in m for m in messages)


def test_a_corrected_number_fails_the_build_until_its_erratum_is_reviewed(project):
    project.edit("data/facts.yml", "  value: 6.7\n", "  value: 6.9\n")
    result = project.build()
    assert result.returncode != 0
    line = project.line_of("data/corrections.yml", "{fact: defence-exports-2024, value: 6.7}")
    assert (f"data/corrections.yml:{line}: erratum 'value-conflict-defence-exports-2024' is "
            "about fact 'defence-exports-2024' with value 6.7, but data/facts.yml now gives 6.9"
            in result.stderr + result.stdout)


def test_a_new_inconsistency_must_be_recorded(project):
    project.edit("data/corrections.yml",
                 "- finding: printing-khalid-2020\n  status: confirmed\n  date: \"2026-11-27\"\n",
                 "")
    result = project.build()
    assert result.returncode != 0
    assert ("data/corrections.yml:1: the audit found 'printing-khalid-2020', which has no entry"
            in result.stderr + result.stdout)


def test_a_fact_the_audit_finds_in_conflict_must_be_marked_inconsistent(project):
    project.edit("data/facts.yml", "  status: inconsistent\n  conflicts_with: "
                 "[defence-exports-2024-figure, defence-exports-growth-claimed]\n",
                 "  status: as-stated\n")
    result = project.build()
    output = result.stderr + result.stdout
    assert result.returncode != 0
    assert "fact 'defence-exports-2024': the audit finds it disagrees" in output
    assert "set status: inconsistent" in output


# --------------------------------------------------------------------------- the built site


@pytest.mark.parametrize("path, lang", [(ERRATA, "en"), (f"id/{ERRATA}", "id")])
def test_the_errata_page_lists_every_entry(site, ledger, findings, path, lang):
    soup = site.page(path)
    errata = merge_errata(ledger, findings, [])
    anchors = {h["id"] for h in soup.select("h3[id]")}
    assert anchors == {f"erratum-{e.id}" for e in errata.entries}
    text = soup.get_text()
    assert ("confirmed" if lang == "en" else "terkonfirmasi") in text
    statements = soup.find(id="statements")
    assert statements.get_text().strip("¶ ") == ("Statements in the text" if lang == "en"
                                                 else "Pernyataan dalam teks")
    assert statements.find_next("h3")["id"] == "erratum-iran-drills-northern-border"
    assert "tukicstates.org" in text and "nsenerybusiness.com" in text


def test_numbers_link_to_their_errata_wherever_they_are_shown(site):
    erratum = "evidence/errata/#erratum-value-conflict-defence-exports-2024"
    page = site.page("middle-range/index.html")
    flags = [a["href"] for a in page.select(".fact-flag--inconsistent a")]
    assert f"../{erratum}" in flags
    footnotes = " ".join(a["href"] for a in page.select(".footnote a"))
    assert "erratum-change-claim-defence-exports-growth-claimed" in footnotes
    ledger_page = site.page("evidence/facts/index.html")
    row = ledger_page.find(id="fact-defence-exports-2024").find_parent("tr")
    assert any("erratum-value-conflict-defence-exports-2024" in a["href"]
               for a in row.select("a"))
    background = site.page("background/index.html").select_one(".footnote").get_text()
    assert "An unclear “Ibid.” in footnote 7" in background


def test_sources_link_to_their_errata(site):
    section = site.page("evidence/sources/index.html").find(id="ots-2021-vision")
    links = [a["href"] for a in section.find_all_next("a", limit=40)]
    assert "../errata/#erratum-url-host-ots-2021-vision" in links


# --------------------------------------------------------------------------- changelog


def test_changelog_md_is_the_english_changelog(ledger):
    assert ledger.changelog
    assert (ROOT / "CHANGELOG.md").read_text(encoding="utf-8") == changelog_file(ROOT), (
        "CHANGELOG.md differs from data/changelog.yml; rewrite it with `make changelog`")


@pytest.mark.parametrize("path, title", [("about/changelog/index.html", "Changelog"),
                                         ("id/about/changelog/index.html", "Catatan perubahan")])
def test_the_changelog_page(site, path, title):
    soup = site.page(path)
    assert soup.h1.get_text().startswith(title)
    assert len(soup.select("h2[id^=release-]")) >= 3
    assert not re.search(r"\{\{", soup.get_text())
