"""Errata: the known errors in the article and in this edition, and the site's changelog.

`load_errata(data_dir, ledger, findings, problems, languages)` reads data/corrections.yml and
merges it with the audit's findings (audit.py) into one list of `Erratum`, without duplicates:

- an entry `finding: ID` records an audit finding: the audit supplies what was printed and what
  is wrong; the entry adds the date it was recorded, its status, evidence and a guard;
- an entry `id: ID` is written in full (what was printed, what is right or why it is doubtful,
  evidence);
- a finding without an entry is still listed (status from the audit, no date) and reported by
  `unrecorded(...)` so the build asks for an entry; an entry whose finding the audit no longer
  reports is a problem (the data changed: review the entry);
- a `guard` ({fact: ID, value: N}, or {source: ID, field: URL, value: "..."}) is a problem as
  soon as the data it names no longer has that value, so a corrected number cannot leave a
  stale erratum behind.

`errata_page(...)` renders evidence/errata.md; `fact_errata(...)` tells render.py and the facts
ledger which errata to link from each fact. `load_changelog` / `changelog_markdown` make the
changelog page (and CHANGELOG.md, which tests/test_errata.py keeps equal to it).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from audit import STATUSES, Finding
from formatting import escape, format_iso_date, format_number, words
from ledger import (ID_RE, Ledger, Problem, Text, _Entry, did_you_mean, load_yaml, tr)
from render import FACTS_PAGE, SOURCES_PAGE, relative

ERRATA_PAGE = "evidence/errata.md"
CHANGELOG_PAGE = "about/changelog.md"
ABOUT = ("article", "site")
GROUPS = (  # (group id, audit kinds or manual 'about' values that belong to it)
    ("numbers", ("value-conflict", "change-claim", "table-reading", "figure-period")),
    ("figures", ("figure-number",)),
    ("statements", ()),  # a manual entry's `group: statements`: a claim in the text
    ("references", ("ibid", "not-in-bibliography", "printing", "article")),
    ("addresses", ("url",)),
    ("edition", ("site",)),
)
DATE_FIELDS = ("date",)


@dataclass(frozen=True)
class Guard:
    kind: str        # "fact" or "source"
    target: str      # fact or source id
    field: str       # "value" for facts, a CSL field for sources
    value: object
    line: int


@dataclass(frozen=True)
class Erratum:
    id: str
    about: str                 # "article" | "site"
    group: str                 # one of GROUPS
    title: Text
    printed: Text
    problem: Text
    status: str
    date: str = ""             # when it was recorded ("" for an unrecorded finding)
    evidence: Text | None = None
    facts: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    guards: tuple[Guard, ...] = ()
    finding: str = ""          # the audit finding it records, if any
    line: int = 0              # line in data/corrections.yml (0: not recorded there)


@dataclass(frozen=True)
class Errata:
    entries: tuple[Erratum, ...] = ()
    unrecorded: tuple[str, ...] = ()   # audit findings with no entry in corrections.yml

    def for_fact(self, fact_id: str) -> tuple[Erratum, ...]:
        return tuple(e for e in self.entries if fact_id in e.facts)

    def for_source(self, source_id: str) -> tuple[Erratum, ...]:
        return tuple(e for e in self.entries if source_id in e.sources)


def _group(kind_or_about: str) -> str:
    for group, members in GROUPS:
        if kind_or_about in members:
            return group
    return "references"


def _date(entry: _Entry, key: str) -> str:
    value = entry.text(key, required=True)
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        if value:
            entry.fail(entry.line_of(key), f"{entry.name}: '{key}' is '{value}'; write the date "
                       "the entry was recorded as a quoted ISO date, e.g. \"2026-11-27\"")
        return ""
    return value


def _guards(entry: _Entry, ledger: Ledger) -> tuple[Guard, ...]:
    raw = entry.raw.get("guard")
    if raw is None:
        return ()
    items = raw if isinstance(raw, list) else [raw]
    out = []
    for item in items:
        line = getattr(item, "line", entry.line_of("guard"))
        if not isinstance(item, dict) or "value" not in item or not (
                ("fact" in item) ^ ("source" in item)):
            entry.fail(line, f"{entry.name}: a guard is {{fact: ID, value: N}} or "
                       "{source: ID, field: URL, value: \"...\"}")
            continue
        if "fact" in item:
            target = str(item["fact"])
            if target not in ledger.facts and target not in ledger.declared_facts:
                entry.fail(line, f"{entry.name}: guard names unknown fact '{target}'"
                           f"{did_you_mean(target, ledger.facts)}")
                continue
            out.append(Guard("fact", target, "value", item["value"], line))
        else:
            target = str(item["source"])
            if target not in ledger.sources and target not in ledger.declared_sources:
                entry.fail(line, f"{entry.name}: guard names unknown source '{target}'"
                           f"{did_you_mean(target, ledger.sources)}")
                continue
            out.append(Guard("source", target, str(item.get("field", "URL")), item["value"],
                             line))
    return tuple(out)


def check_guards(errata: Errata, ledger: Ledger) -> list[Problem]:
    """A guard fails when the data it names no longer has the value the erratum is about."""
    problems = []
    for erratum in errata.entries:
        for guard in erratum.guards:
            if guard.kind == "fact":
                fact = ledger.facts.get(guard.target)
                if fact is None:
                    continue  # an invalid fact is reported where it is written
                now, file = fact.value, "data/facts.yml"
                same = isinstance(guard.value, (int, float)) and abs(now - guard.value) < 1e-9
            else:
                source = ledger.sources.get(guard.target)
                if source is None:
                    continue
                now, file = source.csl.get(guard.field), "data/sources.yml"
                same = now == guard.value
            if not same:
                problems.append(Problem(
                    "data/corrections.yml", guard.line,
                    f"erratum '{erratum.id}' is about {guard.kind} '{guard.target}' with "
                    f"{guard.field} {guard.value!r}, but {file} now gives {now!r}. The erratum "
                    "may be stale: review it, then update its text and guard, or set its "
                    "status (fixed) and guard to the new value"))
    return problems


def load_errata(data_dir: Path, ledger: Ledger, findings: list[Finding],
                problems: list[Problem], languages: tuple[str, ...]) -> Errata:
    rel = "data/corrections.yml"
    raw = load_yaml(Path(data_dir) / "corrections.yml", rel, problems)
    by_id = {f.id: f for f in findings}
    recorded: dict[str, int] = {}
    entries: list[Erratum] = []
    seen: dict[str, int] = {}
    if raw is not None and not isinstance(raw, list):
        problems.append(Problem(rel, 1, "the file must be a YAML list of entries "
                                "('- finding: ...' or '- id: ...')"))
        raw = []
    for item in raw or []:
        entry = _Entry(item, rel, "erratum", problems, 1, languages)
        if not entry.ok:
            continue
        finding_id = entry.text("finding")
        if finding_id:
            entry.name = f"erratum '{finding_id}'"
            entry.only(("finding", "status", "date", "evidence", "facts", "sources", "guard"))
            finding = by_id.get(finding_id)
            if finding_id in recorded:
                entry.fail(entry.line_of("finding"), f"{entry.name}: recorded twice (also on "
                           f"line {recorded[finding_id]}); keep one entry")
            recorded.setdefault(finding_id, entry.line)
            if finding is None:
                entry.fail(entry.line_of("finding"), f"{entry.name}: the audit no longer reports "
                           f"this finding{did_you_mean(finding_id, by_id)}. The data it was about "
                           "has changed: if the article's error is gone from the record, remove "
                           "this entry; if the finding was renamed, use its new id")
                continue
            status = entry.choice("status", STATUSES, required=True)
            fields = dict(id=finding.id, about="article", group=_group(finding.kind),
                          title=finding.title, printed=finding.printed, problem=finding.problem,
                          status=status, finding=finding.id)
            extra_facts = tuple(str(f) for f in entry.list("facts"))
            extra_sources = tuple(str(s) for s in entry.list("sources"))
            fields["facts"] = tuple(dict.fromkeys(finding.facts + extra_facts))
            fields["sources"] = tuple(dict.fromkeys(finding.sources + extra_sources))
        else:
            ident = entry.identifier()
            entry.only(("id", "about", "group", "title", "printed", "correction", "evidence",
                        "status", "date", "facts", "sources", "guard"))
            if ident in by_id:
                entry.fail(entry.line_of("id"), f"{entry.name}: '{ident}' is an audit finding; "
                           f"write 'finding: {ident}' so it is not listed twice")
            about = entry.choice("about", ABOUT, required=True)
            group = entry.choice("group", tuple(g for g, _ in GROUPS)) or _group(about)
            fields = dict(id=ident, about=about, group=group,
                          title=entry.localized("title", required=True),
                          printed=entry.localized("printed", required=True),
                          problem=entry.localized("correction", required=True),
                          status=entry.choice("status", STATUSES, required=True))
            fields["facts"] = tuple(str(f) for f in entry.list("facts"))
            fields["sources"] = tuple(str(s) for s in entry.list("sources"))
            if not entry.raw.get("evidence"):
                entry.fail(entry.line, f"{entry.name}: give the 'evidence' (where the article "
                           "or the site shows the error)")
        for fact in fields["facts"]:
            if fact not in ledger.facts and fact not in ledger.declared_facts:
                entry.fail(entry.line_of("facts"), f"{entry.name}: unknown fact '{fact}'"
                           f"{did_you_mean(fact, ledger.facts)}")
        for source in fields["sources"]:
            if source not in ledger.sources and source not in ledger.declared_sources:
                entry.fail(entry.line_of("sources"), f"{entry.name}: unknown source '{source}'"
                           f"{did_you_mean(source, ledger.sources)}")
        date = _date(entry, "date")
        evidence = entry.localized("evidence") or None
        guards = _guards(entry, ledger)
        if fields["id"] in seen:
            entry.fail(entry.line, f"{entry.name}: duplicate id (also on line "
                       f"{seen[fields['id']]})")
        seen.setdefault(fields["id"], entry.line)
        if entry.ok:
            entries.append(Erratum(**fields, date=date, evidence=evidence, guards=guards,
                                   line=entry.line))
    unrecorded = tuple(f.id for f in findings if f.id not in recorded)
    for finding in findings:  # still shown, so the page never hides what the audit found
        if finding.id not in recorded:
            entries.append(Erratum(finding.id, "article", _group(finding.kind), finding.title,
                                   finding.printed, finding.problem, finding.status,
                                   facts=finding.facts, sources=finding.sources,
                                   finding=finding.id))
    errata = Errata(tuple(entries), unrecorded)
    problems.extend(check_guards(errata, ledger))
    return errata


def unrecorded_messages(errata: Errata) -> list[str]:
    return [f"data/corrections.yml:1: the audit found '{ident}', which has no entry; add "
            f"'- finding: {ident}' with its status, date and evidence (see the Errata page)"
            for ident in errata.unrecorded]


def check_statuses(errata: Errata, ledger: Ledger) -> list[Problem]:
    """A fact the audit finds in disagreement with another must say so (status: inconsistent)."""
    problems = []
    for erratum in errata.entries:
        if not erratum.finding.startswith(("value-conflict-", "change-claim-")):
            continue
        for fact_id in erratum.facts[:1] if erratum.finding.startswith("change-claim-") \
                else erratum.facts:
            fact = ledger.facts.get(fact_id)
            if fact and fact.status != "inconsistent":
                problems.append(Problem("data/facts.yml", fact.line, f"fact '{fact.id}': the "
                                        f"audit finds it disagrees with the article's other "
                                        f"numbers ({erratum.id}), but its status is "
                                        f"'{fact.status}'; set status: inconsistent, with "
                                        "conflicts_with and a note"))
    return problems


# --------------------------------------------------------------------------- the Errata page

TEXT = {
    "en": {
        "title": "Errata",
        "description": ("Every known error in the article and in this edition: what was "
                        "printed, what is wrong or doubtful, the evidence and its status."),
        "intro": (
            "Every known error in the article and in this web edition. Most entries are found "
            "by the build itself: at every build it checks the article's numbers, figures, "
            "footnotes and references against each other, and lists here whatever disagrees. "
            "Nothing is corrected silently: the edition keeps what the article printed and "
            "says what is wrong with it. An erratum about a number is linked from that number "
            "wherever it is shown. To add or correct an entry, edit "
            "[data/corrections.yml]({edit}) (see [How to correct]({correct}))."),
        "counts": "{total} entries: {confirmed} confirmed, {open} open, {fixed} fixed.",
        "groups": {
            "numbers": "Numbers that disagree",
            "figures": "Figure numbering",
            "statements": "Statements in the text",
            "references": "Footnotes and references",
            "addresses": "Source addresses",
            "edition": "Errors in this edition",
        },
        "status": {"open": "open", "confirmed": "confirmed", "fixed": "fixed"},
        "status_help": {"open": "doubtful, not settled", "confirmed": "the error is certain",
                        "fixed": "corrected in this edition"},
        "recorded": "recorded {}", "unrecorded": "found by this build; not yet recorded",
        "audit": "found by the build's audit", "manual": "reported by a reader or editor",
        "printed": "Printed", "problem": "What is wrong", "evidence": "Evidence",
        "facts": "Facts", "sources": "Sources",
        "guard": "Guard",
        "guard_fact": "the build fails if fact {id} is no longer {value}",
        "guard_source": "the build fails if the {field} of source {id} changes",
        "edit": "Edit this entry",
        "none": "None so far.",
        "legend": "Status: **confirmed**: the error is certain; **open**: doubtful, not "
                  "settled; **fixed**: corrected in this edition (the article itself cannot "
                  "be corrected here).",
    },
    "id": {
        "title": "Ralat",
        "description": ("Setiap kesalahan yang diketahui dalam artikel dan dalam edisi ini: apa "
                        "yang tercetak, apa yang keliru atau meragukan, buktinya, dan statusnya."),
        "intro": (
            "Setiap kesalahan yang diketahui dalam artikel dan dalam edisi web ini. Sebagian "
            "besar entri ditemukan oleh proses build itu sendiri: pada setiap build, angka, "
            "gambar, catatan kaki, dan rujukan artikel diperiksa satu terhadap yang lain, dan "
            "apa pun yang tidak sesuai dicantumkan di sini. Tidak ada yang diperbaiki diam-diam: "
            "edisi ini mempertahankan apa yang dicetak artikel dan menjelaskan kesalahannya. "
            "Ralat tentang sebuah angka ditautkan dari angka itu di mana pun angka itu "
            "ditampilkan. Untuk menambah atau mengoreksi entri, sunting "
            "[data/corrections.yml]({edit}) (lihat [Cara mengoreksi]({correct}))."),
        "counts": "{total} entri: {confirmed} terkonfirmasi, {open} terbuka, {fixed} diperbaiki.",
        "groups": {
            "numbers": "Angka yang tidak sesuai",
            "figures": "Penomoran gambar",
            "statements": "Pernyataan dalam teks",
            "references": "Catatan kaki dan rujukan",
            "addresses": "Alamat sumber",
            "edition": "Kesalahan dalam edisi ini",
        },
        "status": {"open": "terbuka", "confirmed": "terkonfirmasi", "fixed": "diperbaiki"},
        "status_help": {"open": "meragukan, belum pasti", "confirmed": "kesalahannya pasti",
                        "fixed": "diperbaiki dalam edisi ini"},
        "recorded": "dicatat {}", "unrecorded": "ditemukan oleh build ini; belum dicatat",
        "audit": "ditemukan oleh audit build", "manual": "dilaporkan oleh pembaca atau editor",
        "printed": "Tercetak", "problem": "Kesalahannya", "evidence": "Bukti",
        "facts": "Fakta", "sources": "Sumber",
        "guard": "Penjaga",
        "guard_fact": "build gagal apabila fakta {id} tidak lagi bernilai {value}",
        "guard_source": "build gagal apabila {field} sumber {id} berubah",
        "edit": "Sunting entri ini",
        "none": "Belum ada.",
        "legend": "Status: **terkonfirmasi**: kesalahannya pasti; **terbuka**: meragukan, belum "
                  "pasti; **diperbaiki**: diperbaiki dalam edisi ini (artikelnya sendiri tidak "
                  "dapat diperbaiki di sini).",
    },
}


def _anchor(erratum_id: str) -> str:
    return f"erratum-{erratum_id}"


def errata_link(erratum: Erratum, page_path: str) -> str:
    return f"{relative(ERRATA_PAGE, page_path)}#{_anchor(erratum.id)}"


def errata_page(errata: Errata, ledger: Ledger, lang: str, repo_url: str = "",
                line_url=None) -> str:
    """evidence/errata.md as Markdown (all data text escaped)."""
    text = words(TEXT, lang)
    page = ERRATA_PAGE
    edit = f"{repo_url.rstrip('/')}/blob/main/data/corrections.yml" if repo_url else ""
    counts = {s: sum(1 for e in errata.entries if e.status == s) for s in STATUSES}
    out = ["---", f"title: {text['title']}", f"description: \"{text['description']}\"", "---",
           "", f"# {text['title']} {{#errata}}", "",
           text["intro"].format(edit=edit or "../data/corrections.yml",
                                correct=relative("about/correct.md", page)), "",
           text["counts"].format(total=len(errata.entries), **counts), "",
           text["legend"], ""]
    for group, _ in GROUPS:
        members = [e for e in errata.entries if e.group == group]
        out += [f"## {text['groups'][group]} {{#{group}}}", ""]
        if not members:
            out += [text["none"], ""]
            continue
        for erratum in members:
            out += _entry(erratum, ledger, lang, text, page, line_url)
    return "\n".join(out) + "\n"


def _entry(erratum: Erratum, ledger: Ledger, lang: str, text: dict, page: str,
           line_url) -> list[str]:
    status = erratum.status
    meta = [f'<span class="erratum-status erratum-status--{status}" '
            f'title="{escape(text["status_help"][status])}">{text["status"][status]}</span>',
            text["recorded"].format(format_iso_date(erratum.date, lang)) if erratum.date
            else text["unrecorded"],
            text["audit"] if erratum.finding else text["manual"]]
    rows = [(text["printed"], escape(tr(erratum.printed, lang))),
            (text["problem"], escape(tr(erratum.problem, lang)))]
    if erratum.evidence:
        rows.append((text["evidence"], escape(tr(erratum.evidence, lang))))
    if erratum.facts:
        rows.append((text["facts"], ", ".join(
            f"[{escape(tr(ledger.facts[f].label, lang))}]({relative(FACTS_PAGE, page)}#fact-{f})"
            if f in ledger.facts else f"<code>{escape(f)}</code>" for f in erratum.facts)))
    if erratum.sources:
        rows.append((text["sources"], ", ".join(
            f"[{escape(s)}]({relative(SOURCES_PAGE, page)}#{s})"
            for s in erratum.sources)))
    for guard in erratum.guards:
        rows.append((text["guard"], escape(
            text["guard_fact"].format(id=guard.target, value=format_number(guard.value, lang)
                                      if isinstance(guard.value, (int, float)) else guard.value)
            if guard.kind == "fact"
            else text["guard_source"].format(field=guard.field, id=guard.target))))
    out = [f"### {escape(tr(erratum.title, lang))} {{#{_anchor(erratum.id)}}}", "",
           f'<p class="erratum-meta">{" · ".join(meta)}</p>', ""]
    out += [f"- **{label}:** {value}" for label, value in rows]
    if erratum.line and line_url:
        out += [f"- [{text['edit']}]({line_url('data/corrections.yml', erratum.line)})"]
    out.append("")
    return out


# --------------------------------------------------------------------------- changelog

CHANGELOG_TEXT = {
    "en": {"title": "Changelog",
           "description": "What changed in this web edition, and when.",
           "intro": ("What changed in this web edition, newest first. Corrections of the "
                     "article's own errors are listed on the [Errata]({errata}) page; "
                     "this page lists changes to the site. Each change can be found in the "
                     "repository's history.")},
    "id": {"title": "Catatan perubahan",
           "description": "Apa saja yang berubah dalam edisi web ini, dan kapan.",
           "intro": ("Apa saja yang berubah dalam edisi web ini, dimulai dari yang terbaru. "
                     "Kesalahan artikel itu sendiri dicantumkan di halaman [Ralat]({errata}); "
                     "halaman ini mencantumkan perubahan pada situs. Setiap perubahan dapat "
                     "ditelusuri dalam riwayat repositori.")},
}


@dataclass(frozen=True)
class Release:
    date: str
    title: Text
    changes: tuple[Text, ...]
    line: int


def load_changelog(data_dir: Path, problems: list[Problem],
                   languages: tuple[str, ...]) -> tuple[Release, ...]:
    rel = "data/changelog.yml"
    raw = load_yaml(Path(data_dir) / "changelog.yml", rel, problems)
    out = []
    for item in raw or []:
        entry = _Entry(item, rel, "release", problems, 1, languages)
        if not entry.ok:
            continue
        entry.only(("date", "title", "changes"))
        date = _date(entry, "date")
        title = entry.localized("title", required=True)
        changes = tuple(entry.localized("changes", value=change,
                                        line=getattr(change, "line", entry.line))
                        for change in entry.list("changes", required=True))
        if entry.ok:
            out.append(Release(date, title, changes, entry.line))
    dates = [r.date for r in out]
    if dates != sorted(dates, reverse=True):
        problems.append(Problem(rel, 1, "list releases newest first"))
    return tuple(out)


def changelog_markdown(releases: tuple[Release, ...], lang: str, errata_link: str,
                       front_matter: bool = True) -> str:
    text = CHANGELOG_TEXT.get(lang, CHANGELOG_TEXT["en"])
    # The site's page escapes data text; CHANGELOG.md, read as plain Markdown, keeps it as typed.
    clean = escape if front_matter else (lambda value: value)
    out = []
    if front_matter:
        out += ["---", f"title: {text['title']}", f"description: \"{text['description']}\"",
                "---", ""]
    out += [f"# {text['title']}" + (" {#changelog}" if front_matter else ""), "",
            text["intro"].format(errata=errata_link), ""]
    seen: dict[str, int] = {}
    for release in releases:
        # Several releases may share a date: number the later ones so every id is unique.
        seen[release.date] = seen.get(release.date, 0) + 1
        suffix = f"-{seen[release.date]}" if seen[release.date] > 1 else ""
        anchor = f" {{#release-{release.date}{suffix}}}" if front_matter else ""
        out += [f"## {release.date}: {clean(tr(release.title, lang))}{anchor}", ""]
        out += [f"- {clean(tr(change, lang))}" for change in release.changes]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def changelog_file(root: Path) -> str:
    """CHANGELOG.md: the English changelog, linking the Errata page at the site's address."""
    import re  # noqa: PLC0415

    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^site_url:\s*(\S+)", config, re.MULTILINE)
    base = match.group(1).rstrip("/") if match else ""
    releases = load_changelog(root / "data", [], ("en", "id"))
    errata = f"{base}/{ERRATA_PAGE.removesuffix('.md')}/" if base else ERRATA_PAGE
    return changelog_markdown(releases, "en", errata, front_matter=False)


if __name__ == "__main__":  # .venv/bin/python hooks/errata.py > CHANGELOG.md
    import sys

    sys.stdout.write(changelog_file(Path(__file__).resolve().parents[1]))
