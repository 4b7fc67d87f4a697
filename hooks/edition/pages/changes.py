"""What changed, told to readers and reviewers, from outputs/changes.py's comparison of two
snapshots:

- `since_page` and `since_data`: what has changed since an older release, section by section
  (the page `changes/V.md` and `changes/V.json` that the latest release publishes for every
  release; an older release's banner links the page and its script reads the JSON);
- `banner_html`: the banner at the top of every page of a release's own folder;
- `releases_markdown`: the Changelog page's section for each release;
- `report_markdown`: `make diff`'s report for a reviewer (English, like the build's messages),
  with the rendered numbers in every language.
"""

from __future__ import annotations

import html
import json

from ..data.pages import relative
from ..locale import words
from ..outputs.changes import (
    EDITION,
    Changes,
    ErratumChange,
    FactChange,
    by_section,
    erratum_sections,
)
from ..outputs.textdiff import FOOTNOTES, SentenceChange
from ..render.escape import escape

SINCE_FOLDER = "changes"


def since_path(release: str) -> str:
    """The docs path of the page of what changed since `release` ('changes/2026-11-27.md')."""
    return f"{SINCE_FOLDER}/{release}.md"


def since_json_path(release: str) -> str:
    return f"{SINCE_FOLDER}/{release}.json"


# --------------------------------------------------------------------------- one change


def fact_item(change: FactChange, lang: str) -> str:
    """One number's change as a reader is told it, in `lang` (plain text)."""
    text = words("versions", lang)
    label = change.record.get("label", {}).get(lang, change.id)
    old, new = change.text(lang)
    if change.kind == "added":
        return text["number_added"].format(label=label, new=new)
    if change.kind == "removed":
        return text["number_removed"].format(label=label, old=old)
    if change.corrected:
        return text["number_corrected"].format(label=label, old=old, new=new)
    statuses = words("formats", lang)["statuses"]
    return text["number_status"].format(
        label=label, old=statuses.get(change.old.get("status"), change.old.get("status")),
        new=statuses.get(change.new.get("status"), change.new.get("status")))


def erratum_item(change: ErratumChange, lang: str) -> str:
    text, statuses = words("versions", lang), words("errata", lang)["status"]
    title = change.record.get("title", {}).get(lang, change.id)
    old = statuses.get(change.old.get("status", ""), change.old.get("status", ""))
    new = statuses.get(change.new.get("status", ""), change.new.get("status", ""))
    key = f"erratum_{change.kind}"
    return text[key].format(title=title, status=new, old=old, new=new)


def item(change, lang: str) -> str:
    return fact_item(change, lang) if isinstance(change, FactChange) else erratum_item(change,
                                                                                        lang)


def _title(snapshot_kind: dict, key: str, lang: str) -> str:
    entry = snapshot_kind.get(key, {})
    return entry.get(lang) or entry.get("en") or key


def section_title(key: str, old: dict, new: dict, lang: str) -> tuple[str, str]:
    """(page title, section title or '') of 'page.md#id' in `lang`, from the newer snapshot."""
    page, _, section = key.partition("#")
    for snap in (new, old):
        if page in snap.get("pages", {}) and (not section or key in snap.get("sections", {})):
            return (_title(snap["pages"], page, lang),
                    _title(snap["sections"], key, lang) if section else "")
    return page, section


# --------------------------------------------------------------------------- older releases


def since_data(changes: Changes, old: dict, new: dict) -> dict:
    """changes/V.json: what changed since release V, by page and section, in every language
    (read by docs/javascripts/versions.js on V's pages)."""
    langs = new.get("languages", ["en"])
    pages: dict[str, list] = {}
    edition = {lang: [] for lang in langs}
    for key, items in by_section(changes, old, new).items():
        texts = {lang: [item(change, lang) for change in items] for lang in langs}
        if key == EDITION:
            edition = texts
            continue
        page, _, section = key.partition("#")
        pages.setdefault(page, []).append({
            "section": section if key in new.get("sections", {}) else "",
            "title": {lang: section_title(key, old, new, lang)[1 if section else 0]
                      for lang in langs},
            "items": texts})
    return {"since": changes.old.get("release", ""), "latest": changes.new.get("release", ""),
            "pages": pages, "edition": edition}


def since_page(changes: Changes, old: dict, new: dict, lang: str, since_url: str,
               latest_url: str) -> str:
    """changes/V.md in `lang`: what changed since release V, section by section, each linked
    to the section in the latest version."""
    text = words("versions", lang)
    since, latest = changes.old.get("release", ""), changes.new.get("release", "")
    path = since_path(since)
    title = text["since_title"].format(version=since)
    out = ["---", f"title: \"{title}\"",
           f"description: \"{text['since_description'].format(version=since)}\"",
           "search:", "  exclude: true", "---", "", f"# {title} {{#since}}", "",
           text["since_intro"].format(since=since, since_url=since_url, latest=latest,
                                      latest_url=latest_url), ""]
    grouped = by_section(changes, old, new)
    if not grouped:
        out += [text["since_none"].format(version=since), ""]
    last_page = None
    for key, items in grouped.items():
        page, _, section = key.partition("#")
        if key == EDITION:
            out += [f"## {text['since_edition']} {{#edition}}", ""]
        else:
            page_title, title_of_section = section_title(key, old, new, lang)
            if page != last_page:
                anchor = "page-" + page.removesuffix(".md").replace("/", "-")
                out += [f"## {escape(page_title)} {{#{anchor}}}", ""]
                last_page = page
            exists = page in new.get("pages", {})
            target = relative(page, path) + (f"#{section}" if key in new.get("sections", {})
                                             else "")
            if title_of_section or exists:
                link = f" ([{text['section_link']}]({target}))" if exists else ""
                out += [f"**{escape(title_of_section or page_title)}**{link}", ""]
        out += [f"- {escape(item(change, lang))}" for change in items] + [""]
    return "\n".join(out).rstrip("\n") + "\n"


def banner_html(release: str, lang: str, latest_page: str, since_page_url: str,
                versions_url: str, since_json_url: str, page: str) -> str:
    """The banner at the top of every page of a release's own folder: which version this is,
    kept unchanged; links to the page in the latest version and to what changed since (no
    JavaScript needed); versions.js then says whether it is the latest and lists what changed
    on the page, from `versions_url` and `since_json_url`."""
    text = words("versions", lang)
    script_text = {key: text[key] for key in ("banner_older", "banner_is_latest", "banner_page",
                                              "banner_page_none", "banner_section_link")}
    attrs = {"data-release": release, "data-page": page, "data-versions": versions_url,
             "data-changes": since_json_url, "data-texts": json.dumps(script_text,
                                                                      ensure_ascii=False)}
    attr_text = " ".join(f'{name}="{html.escape(value, quote=True)}"'
                         for name, value in attrs.items())
    return (f'<div class="edition-version" {attr_text}>'
            f'<p class="edition-version__status">{html.escape(text["banner"].format(version=release))}'
            f" <a class=\"edition-version__latest\" href=\"{html.escape(latest_page)}\">"
            f"{html.escape(text['banner_latest'])}</a> · "
            f'<a class="edition-version__changes" href="{html.escape(since_page_url)}">'
            f"{html.escape(text['banner_changes'])}</a></p></div>")


# --------------------------------------------------------------------------- the Changelog


def releases_markdown(releases: list[tuple[str, str, Changes | None, dict, dict]],
                      lang: str) -> str:
    """The Changelog's section for each release, newest first: releases is
    [(name, url, changes since the previous release or None for the first, old, new)]."""
    if not releases:
        return ""
    text = words("versions", lang)
    out = [f"## {text['releases_title']} {{#releases}}", "", text["releases_intro"], ""]
    for name, url, changes, old, new in releases:
        out += [f"### {text['release_heading'].format(name=name)} {{#version-{name}}}", "",
                text["release_at"].format(url=url), ""]
        if changes is None:
            out += [text["release_first"], ""]
            continue
        previous = changes.old.get("release", "")
        grouped = by_section(changes, old, new)
        items, seen = [], set()
        for change in (change for group in grouped.values() for change in group):
            if id(change) not in seen:  # a change shown in several sections, listed once
                seen.add(id(change))
                items.append(change)
        out += [text["release_since" if items else "release_none"].format(previous=previous),
                ""]
        out += [f"- {escape(item(change, lang))}" for change in items]
        more = [text["kinds"][kind] for kind in ("sources", "tables", "charts")
                if getattr(changes, kind)]
        if any(c.kind == "changed" and not c.corrected and c not in items
               for c in changes.facts):
            more.insert(0, text["kinds"]["facts"])
        if more:
            out += ["", text["release_more"].format(what=", ".join(more))]
        out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------- make diff


def _code(value) -> str:
    return f"`{value}`" if value not in ("", None) else "—"


def _fact_lines(change: FactChange, langs: list[str]) -> list[str]:
    label = change.record.get("label", {}).get("en", "")
    head = f"- **{change.kind}** `{change.id}` ({label})"
    lines = [head]
    if change.kind == "changed":
        for name in change.fields:
            lines.append(f"  - {name}: {_code(json.dumps(change.old.get(name), ensure_ascii=False))}"
                         f" → {_code(json.dumps(change.new.get(name), ensure_ascii=False))}")
    for lang in langs:
        old, new = change.text(lang)
        if old != new or change.kind != "changed":
            lines.append(f"  - as rendered ({lang}): {old or '—'} → {new or '—'}")
    if change.sections:
        lines.append("  - in: " + ", ".join(f"`{s}`" for s in change.sections))
    return lines


def report_markdown(changes: Changes, sentences: dict[str, dict[str, list[SentenceChange]]],
                    failures: list[str], base: str, head: str, old: dict | None = None,
                    new: dict | None = None) -> str:
    """The report `make diff` prints: what the change does to the edition, in Markdown."""
    langs = list(dict.fromkeys([*changes.new.get("languages", []), *sentences, "en"]))
    title = "# What this change does to the edition"
    if changes.empty and not sentences and not failures:
        return (f"{title}\n\nNo change to the edition between {base} and {head}: the same "
                "facts, sources, tables, charts, errata and rendered text.\n")
    out = [title, "", f"Compared: {base} → {head}.", ""]
    if failures:
        out += ["## Guards that now fail and other build problems", "",
                f"The edition at {head} does not build:", ""]
        out += [f"- {line}" for line in failures] + [""]
    out += ["## Facts", ""]
    if changes.facts:
        for change in changes.facts:
            out += _fact_lines(change, langs)
    else:
        out.append("No fact added, removed or changed.")
    out += ["", "## Pages and sections whose text changed", ""]
    if sentences:
        for lang in langs:
            for page, items in sentences.get(lang, {}).items():
                out.append(f"### {page} ({lang})")
                out.append("")
                for change in items:
                    anchor = change.section.partition("#")[2]
                    where = ("footnotes" if anchor == FOOTNOTES else f"#{anchor}" if anchor
                             else "top of the page")
                    if change.old and change.new:
                        out.append(f"- {where}: “{change.old}” → “{change.new}”")
                    elif change.new:
                        out.append(f"- {where}: added “{change.new}”")
                    else:
                        out.append(f"- {where}: removed “{change.old}”")
                out.append("")
    else:
        out += ["No rendered text changed.", ""]
    out += ["## Tables and charts whose data changed", ""]
    records = [("table", c) for c in changes.tables] + [("chart", c) for c in changes.charts]
    for kind, change in records:
        where = ", ".join(f"`{s}`" for s in change.sections) or "no page"
        out.append(f"- {kind} `{change.id}` {change.kind} "
                   f"({change.record.get('title', {}).get('en', '')}); shown in {where}")
    out += ([] if records else ["None."]) + ["", "## Sources added or changed", ""]
    for change in changes.sources:
        fields = sorted(k for k in (change.old.get("csl", {}).keys()
                                    | change.new.get("csl", {}).keys())
                        if change.old.get("csl", {}).get(k) != change.new.get("csl", {}).get(k))
        detail = f": {', '.join(fields)}" if change.kind == "changed" else ""
        out.append(f"- {change.kind} `{change.id}`{detail}")
    out += ([] if changes.sources else ["None."]) + ["", "## Errata added or settled", ""]
    for change in changes.errata:
        before, after = change.old.get("status", ""), change.new.get("status", "")
        status = f"{before} → {after}" if before and after else (after or before)
        where = erratum_sections(change, old or {}, new or {})
        out.append(f"- {change.kind} `{change.id}` ({status}): "
                   f"{change.record.get('title', {}).get('en', '')}"
                   + (f"; about {', '.join(f'`{f}`' for f in change.record.get('facts', ()))}"
                      f" in {', '.join(f'`{s}`' for s in where)}" if where else ""))
    out += [] if changes.errata else ["None."]
    return "\n".join(out).rstrip("\n") + "\n"
