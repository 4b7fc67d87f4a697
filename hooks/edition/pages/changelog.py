"""about/changelog.md: what changed in the edition, newest first (data/changelog.yml); and
CHANGELOG.md, its English text (`make changelog`; tests/test_errata.py keeps them equal)."""

from __future__ import annotations

import re
from pathlib import Path

from ..data.changelog import FILE, Release, parse_changelog
from ..data.pages import CHANGELOG_PAGE, ERRATA_PAGE, relative
from ..data.yamlfile import load_yaml
from ..locale import words
from ..locale.text import tr
from ..outputs.changes import compare
from ..render.escape import escape
from .changes import releases_markdown

PAGE_PATH = CHANGELOG_PAGE


def changelog_markdown(releases: tuple[Release, ...], lang: str, errata_link: str,
                       front_matter: bool = True, published: str = "") -> str:
    """The changelog: `published`, the section of each release (pages/changes.py), then the
    hand-written entries."""
    text = words("changelog", lang)
    # The site's page escapes data text; CHANGELOG.md, read as plain Markdown, keeps it as typed.
    clean = escape if front_matter else (lambda value: value)
    out = []
    if front_matter:
        out += ["---", f"title: {text['title']}", f"description: \"{text['description']}\"",
                "---", ""]
    out += [f"# {text['title']}" + (" {#changelog}" if front_matter else ""), "",
            text["intro"].format(errata=errata_link), ""]
    if published:
        out += [published, ""]
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
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^site_url:\s*(\S+)", config, re.MULTILINE)
    base = match.group(1).rstrip("/") if match else ""
    releases = parse_changelog(load_yaml(root / FILE, FILE, []), FILE, [], ("en", "id"))
    errata = f"{base}/{ERRATA_PAGE.removesuffix('.md')}/" if base else ERRATA_PAGE
    return changelog_markdown(releases, "en", errata, front_matter=False)



def published_releases(chain: tuple, lang: str) -> str:
    """The section of each release, newest first, with what changed since the one before,
    computed from their snapshots (chain: oldest first, as build/versions.py gives it)."""
    entries = []
    for index, (name, url, snapshot) in enumerate(chain):
        previous = chain[index - 1][2] if index else None
        changes = compare(previous, snapshot) if previous is not None else None
        entries.append((name, url, changes, previous or {}, snapshot))
    return releases_markdown(entries[::-1], lang)


def make(context) -> str:
    return changelog_markdown(context.ledger.changelog, context.lang,
                              relative(ERRATA_PAGE, CHANGELOG_PAGE),
                              published=published_releases(context.releases, context.lang))
