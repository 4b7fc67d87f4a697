"""The site's version: which text a citation points to, and where that text stays.

A citation of a web page should let a reader find the same text again, so every citation the site
offers names a version and links its permanent address.

- A **release** (`make release`, hooks/edition/build/release.py) is built with its name given
  explicitly, `EDITION_RELEASE=2026-12-01` (an ISO date, `.2` for a second release that day):
  the version is that name and its commit, `2026-12-01 (6757d89)`, and the permanent address of
  every page is the site's address plus the name (`…/2026-12-01/core-values/#security`), where
  the release is published once and never rewritten. The copy of the latest release at the
  site's own address (`EDITION_RELEASE_AT=root`) names and links the same.
- Any other build (`make build`, `make serve`, a pull request's) is **unreleased** and says so:
  `unreleased 2026-11-27 (6757d89)`, linking the live address.

The date and commit come from the source, never from the wall clock, so building the same
commit with the same release name twice gives the same site:

- the date is `SOURCE_DATE_EPOCH` (the reproducible-builds convention) when it is set, otherwise
  the committer date of HEAD;
- the commit is `EDITION_COMMIT` when it is set (CI may pass it), otherwise
  `git rev-parse --short HEAD`; uncommitted changes add `-modified`, because the commit alone
  would not locate that text.

Outside a git checkout (a tarball, a test's temporary copy) without those variables the version
is "unversioned" and there is no date: citations then say so rather than invent one.
"""

from __future__ import annotations

import datetime
import re
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

UNVERSIONED = "unversioned"
UNRELEASED = "unreleased"
RELEASE_SETTING, RELEASE_AT_SETTING = "EDITION_RELEASE", "EDITION_RELEASE_AT"
RELEASE_NAME_RE = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})(?:\.(?P<n>[2-9]|[1-9]\d+))?")


@dataclass(frozen=True)
class Version:
    date: str = ""     # ISO date "2026-11-27", or "" when unknown (a release: its name's date)
    commit: str = ""   # short commit "6757d89" (maybe "-modified"), or "" when unknown
    release: str = ""  # the release's name ("2026-12-01"), "" for an unreleased build

    @property
    def label(self) -> str:
        """'2026-12-01 (6757d89)' for a release; 'unreleased 2026-11-27 (6757d89)',
        'unreleased 2026-11-27', 'unversioned (6757d89)' or 'unversioned' otherwise."""
        if self.release:
            head = self.release
        else:
            head = f"{UNRELEASED} {self.date}" if self.date else UNVERSIONED
        return f"{head} ({self.commit})" if self.commit else head

    @property
    def year(self) -> str:
        return self.date[:4]


def git_runner(root: Path) -> Callable[[list[str]], str]:
    """Run `git ARGS` in `root`; '' when git or the repository is missing."""

    def run(args: list[str]) -> str:
        try:
            result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                                    timeout=20, check=False)
        except (OSError, subprocess.SubprocessError):
            return ""
        return result.stdout.strip() if result.returncode == 0 else ""

    return run


def release_date(name: str) -> str:
    """The date of a release name ('2026-12-01' or '2026-12-01.2'); ValueError naming the fix."""
    match = RELEASE_NAME_RE.fullmatch(name)
    if match:
        try:
            return datetime.date.fromisoformat(match["date"]).isoformat()
        except ValueError:
            pass
    raise ValueError(f"release name {name!r}: write the release's day as an ISO date, e.g. "
                     "2026-12-01, with .2, .3 … for a second or third release that day")


@dataclass(frozen=True)
class Publication:
    """Where a build is published, and the permanent address its citations link.

    `root` is mkdocs.yml's site_url, the addresses readers use (the latest release is there);
    a release's permanent address is `root` + its name + '/'; an unreleased build has none and
    links `root`."""

    root: str
    release: str = ""
    at_root: bool = False   # the copy of the latest release at the site's own address

    @classmethod
    def of(cls, site_url: str, release: str, at_root: bool) -> Publication:
        """The publication of a build whose configured site_url is `site_url`, which may already
        be this release's folder (mkdocs-static-i18n runs on_config again for each language)."""
        root = site_url if site_url.endswith("/") or not site_url else site_url + "/"
        if release and root.endswith(f"/{release}/"):
            root = root.removesuffix(f"{release}/")
        return cls(root, release, at_root)

    @property
    def permanent(self) -> str:
        """The base of every address the build's citations link."""
        root = self.root if self.root.endswith("/") or not self.root else self.root + "/"
        return f"{root}{self.release}/" if self.release and root else root

    @property
    def published(self) -> str:
        """The base the build's pages are published under (its site_url)."""
        return self.root if self.at_root or not self.release else self.permanent


def release_settings(env: Mapping[str, str]) -> tuple[str, bool]:
    """(release name, at root) from EDITION_RELEASE and EDITION_RELEASE_AT; ValueError naming
    the fix when either is wrong."""
    name = env.get(RELEASE_SETTING, "").strip()
    at = env.get(RELEASE_AT_SETTING, "").strip()
    if name:
        release_date(name)
    if at not in ("", "version", "root"):
        raise ValueError(f"{RELEASE_AT_SETTING}={at!r}: write 'version' (the release's own "
                         "folder, the default) or 'root' (the copy at the site's address)")
    if at == "root" and not name:
        raise ValueError(f"{RELEASE_AT_SETTING}=root needs {RELEASE_SETTING}, the release's name")
    return name, at == "root"


def site_version(env: Mapping[str, str], git: Callable[[list[str]], str]) -> Version:
    """The version from the environment, falling back to git (see the module docstring)."""
    release, _ = release_settings(env)
    date = release_date(release) if release else ""
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit() and not date:
        date = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date().isoformat()
    inside = git(["rev-parse", "--is-inside-work-tree"]) == "true"
    if not date and inside:
        stamp = git(["log", "-1", "--format=%cI"])  # committer date, strict ISO 8601
        if stamp:
            date = datetime.datetime.fromisoformat(stamp).astimezone(
                datetime.UTC).date().isoformat()
    commit = env.get("EDITION_COMMIT", "").strip()
    if not commit and inside:
        commit = git(["rev-parse", "--short", "HEAD"])
        if commit and git(["status", "--porcelain"]):
            commit += "-modified"
    return Version(date, commit, release)
