"""The glue of released versions (cite/version.py, outputs/changes.py, pages/changes.py):

    earlier_releases   the releases before this build, read from the file EDITION_RELEASES
                       names (written by build/release.py from the gh-pages branch)
    release_chain      every release up to this build's, with its address and snapshot, for
                       the Changelog's section per release
    since_files        the root copy's "what changed since V" pages and JSON, one per release
    page_banner        the banner at the top of each page of a release's own folder
"""

from __future__ import annotations

import json
from pathlib import Path

from ..cite.version import Publication, Version
from ..data.pages import localized_path
from ..outputs.changes import compare
from ..pages.changes import banner_html, since_data, since_json_path, since_page, since_path

RELEASES_SETTING = "EDITION_RELEASES"


class ReleasesError(ValueError):
    pass


def earlier_releases(env) -> tuple[tuple[str, dict], ...]:
    """((name, snapshot), ...) of the releases before this build, oldest first, from the JSON
    file EDITION_RELEASES names ({"releases": [{"name": ..., "snapshot": {...}}, ...]})."""
    setting = env.get(RELEASES_SETTING, "").strip()
    if not setting:
        return ()
    path = Path(setting)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return tuple((entry["name"], entry["snapshot"]) for entry in data["releases"])
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ReleasesError(f"{RELEASES_SETTING}={setting}: not a file of earlier releases "
                            f"({err}); build/release.py writes it") from None


def release_chain(earlier: tuple[tuple[str, dict], ...], version: Version, snapshot: dict,
                  publication: Publication) -> tuple[tuple[str, str, dict], ...]:
    """((name, permanent address, snapshot), ...) of every release up to this build, oldest
    first: the earlier ones, then this build if it is a release."""
    chain = list(earlier)
    if version.release and all(name != version.release for name, _ in chain):
        chain.append((version.release, snapshot))
    root = publication.root
    return tuple((name, f"{root}{name}/" if root else f"/{name}/", snap) for name, snap in chain)


def since_files(chain: tuple[tuple[str, str, dict], ...], snapshot: dict, langs: tuple[str, ...],
                root: str) -> tuple[dict[str, str], dict[str, str]]:
    """The root copy's pages (docs path -> Markdown, every language) and JSON files of what
    changed since each release, the latest one's included (nothing, it says)."""
    pages, files = {}, {}
    for name, url, old in chain:
        changes = compare(old, snapshot)
        for lang in langs:
            lang_url = url if lang == langs[0] else f"{url}{lang}/"
            latest = root if lang == langs[0] else f"{root}{lang}/"
            pages[localized_path(since_path(name), lang, langs)] = since_page(
                changes, old, snapshot, lang, lang_url, latest)
        files[since_json_path(name)] = json.dumps(since_data(changes, old, snapshot),
                                                  ensure_ascii=False, sort_keys=True) + "\n"
    return pages, files


def page_banner(page_url: str, base_path: str, lang: str, langs: tuple[str, ...],
                version: Version, publication: Publication) -> str:
    """The banner of a page in a release's own folder ('' elsewhere): links, relative to the
    page, to the same page at the site's root (the latest release) and to what changed since."""
    if not version.release or publication.at_root:
        return ""
    to_root = "../" * (page_url.count("/") + 1)  # out of the page, then out of the release
    prefix = "" if lang == langs[0] else f"{lang}/"
    name = version.release
    return banner_html(name, lang, to_root + page_url,
                       f"{to_root}{prefix}{since_path(name).removesuffix('.md')}/",
                       f"{to_root}versions.json", f"{to_root}{since_json_path(name)}", base_path)
