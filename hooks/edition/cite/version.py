"""The site's version: which text a citation points to.

A citation of a web page should let a reader find the same text again, so every citation the site
offers names a version: the date of the build's source plus the short commit, e.g.
`2026-11-27 (6757d89)`. Both come from the source, never from the wall clock, so building the
same commit twice gives the same site:

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
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

UNVERSIONED = "unversioned"


@dataclass(frozen=True)
class Version:
    date: str = ""     # ISO date "2026-11-27", or "" when unknown
    commit: str = ""   # short commit "6757d89" (maybe "-modified"), or "" when unknown

    @property
    def label(self) -> str:
        """'2026-11-27 (6757d89)', '2026-11-27', 'unversioned (6757d89)' or 'unversioned'."""
        head = self.date or UNVERSIONED
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


def site_version(env: Mapping[str, str], git: Callable[[list[str]], str]) -> Version:
    """The version from the environment, falling back to git (see the module docstring)."""
    date = ""
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
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
    return Version(date, commit)
