"""`make release [NAME=2026-12-01]`: publish the edition at HEAD as a release, on the local
gh-pages branch, which GitHub Pages serves (.github/workflows/deploy.yml, started by pushing the
release's tag with the branch). Nothing is pushed: the command ends by printing the push.

The branch after two releases:

    2026-11-27/ , 2026-11-27/id/   a release, built once with site_url + its name: every
                                   citation on it names it and links there; never rewritten
    2026-12-01/ , 2026-12-01/id/   the latest release, likewise
    index.html, core-values/, id/, …  the latest release again, built for the site's address,
                                   so every address readers already have (/, /id/,
                                   /core-values/#security) shows it, anchors and all, with no
                                   redirect and without JavaScript; its citations also name
                                   2026-12-01 and link /2026-12-01/…
    changes/2026-11-27/, changes/2026-11-27.json, …  what changed since each release (the
                                   older releases' banners link and read these)
    versions.json                  the releases, newest first, in mike's format
                                   ({version, title, aliases, properties}), so mike and
                                   Material's version tools can read the branch

What a release does, in order: refuse a working tree with uncommitted changes, a name that
is not an ISO date (`.2` for a second release that day) or not newer than the latest release,
or a tag `release/NAME` on another commit; read the earlier releases' snapshot.json from the
branch; build twice (mkdocs build --strict), with the name, the commit and the release's day
given explicitly (never the wall clock: the same commit and name build the same site); stage
the new tree in a temporary index (the branch is never checked out); check that every earlier
release's folder is the same tree as before, byte for byte; commit; tag HEAD `release/NAME`.

The name defaults to the day of HEAD's commit (its committer date, UTC), with `.2`, `.3` …
if that day already has a release.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..cite.version import RELEASE_AT_SETTING, RELEASE_NAME_RE, RELEASE_SETTING, release_date
from ..outputs.snapshot import FILE as SNAPSHOT_FILE
from .versions import RELEASES_SETTING

BRANCH = "gh-pages"
VERSIONS_FILE = "versions.json"
TAG_PREFIX = "release/"
ZERO = "0" * 40


class ReleaseError(Exception):
    """A release refused, with what to do about it."""


@dataclass(frozen=True)
class Git:
    root: Path
    env: dict | None = None

    def __call__(self, *args: str, input: str | None = None, check: bool = True,
                 env: dict | None = None) -> str:
        result = subprocess.run(["git", *args], cwd=self.root, capture_output=True, text=True,
                                input=input, env={**os.environ, **(self.env or {}),
                                                  **(env or {})}, check=False)
        if check and result.returncode != 0:
            raise ReleaseError(f"git {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout.strip() if result.returncode == 0 else ""

    def ok(self, *args: str) -> bool:
        """Whether `git ARGS` succeeds (e.g. merge-base --is-ancestor)."""
        return subprocess.run(["git", *args], cwd=self.root, capture_output=True,
                              env={**os.environ, **(self.env or {})}, check=False
                              ).returncode == 0


def name_key(name: str) -> tuple[str, int]:
    """Releases in order: '2026-12-01' < '2026-12-01.2' < '2026-12-02'."""
    match = RELEASE_NAME_RE.fullmatch(name)
    if not match:
        raise ReleaseError(f"versions.json lists {name!r}, which is not a release name")
    return match["date"], int(match["n"] or 1)


def check_remote(git: Git, branch: str = BRANCH, remote: str = "origin") -> None:
    """ReleaseError when the remote's branch has releases the local one lacks: a release made
    on a stale or missing local branch would drop them (the push would then be refused)."""
    theirs = git("rev-parse", "-q", "--verify", f"refs/remotes/{remote}/{branch}", check=False)
    if not theirs:
        return
    ours = git("rev-parse", "-q", "--verify", f"refs/heads/{branch}", check=False)
    if not ours or not git.ok("merge-base", "--is-ancestor", theirs, ours):
        raise ReleaseError(f"{remote}/{branch} has releases that the local {branch} branch "
                           f"lacks: run `git fetch {remote} {branch}:{branch}` first")


def published_versions(git: Git, branch: str = BRANCH) -> list[dict]:
    """versions.json of the branch, newest first ([] before the first release)."""
    if not git("rev-parse", "--verify", "-q", f"refs/heads/{branch}", check=False):
        return []
    text = git("show", f"{branch}:{VERSIONS_FILE}", check=False)
    if not text:
        raise ReleaseError(f"the {branch} branch has no {VERSIONS_FILE}: it was not written by "
                           "`make release`; move it aside before the first release")
    return json.loads(text)


def choose_name(requested: str, head_date: str, existing: list[str]) -> str:
    """The release's name: `requested`, or HEAD's day with .2, .3 … if that day has one."""
    if requested:
        try:
            release_date(requested)
        except ValueError as err:
            raise ReleaseError(str(err)) from None
        if requested in existing:
            raise ReleaseError(f"release {requested} exists already and is never rewritten; "
                               "give another name (NAME=…), e.g. with .2 for a second release "
                               "that day")
        name = requested
    else:
        name, count = head_date, 1
        while name in existing:
            count += 1
            name = f"{head_date}.{count}"
    if existing and name_key(name) <= max(name_key(v) for v in existing):
        latest = max(existing, key=name_key)
        raise ReleaseError(f"release {name} would come before the latest release, {latest}; "
                           "a release is named after its day, later than the last one")
    return name


def source_date_epoch(name: str) -> str:
    """The release's day at midnight UTC, for MkDocs' own dates (the sitemap)."""
    day = datetime.date.fromisoformat(release_date(name))
    return str(int(datetime.datetime(day.year, day.month, day.day,
                                     tzinfo=datetime.UTC).timestamp()))


def build(root: Path, out: Path, env: dict, python: str) -> None:
    """`mkdocs build --strict` of the project at `root` into `out`, or ReleaseError with its
    messages."""
    result = subprocess.run(
        [python, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d",
         str(out)], cwd=root, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}, check=False)
    if result.returncode != 0:
        raise ReleaseError(f"the build failed ({env.get(RELEASE_AT_SETTING) or 'version'}):\n"
                           + (result.stderr or result.stdout).strip())


def files_under(folder: Path, prefix: str = "") -> dict[str, Path]:
    return {prefix + path.relative_to(folder).as_posix(): path
            for path in sorted(folder.rglob("*")) if path.is_file()}


def stage_tree(git: Git, index: Path, base: str | None, keep: list[str],
               files: dict[str, Path | str]) -> str:
    """A tree: `base`'s folders in `keep` (the earlier releases), plus `files` (path -> file
    or text); everything else of `base` (the previous root copy) is left out."""
    env = {"GIT_INDEX_FILE": str(index)}
    git("read-tree", "--empty", env=env)
    if base:
        kept = [f"{name}/" for name in keep]
        listing = git("ls-tree", "-r", "-z", "--full-tree", base, env=env)
        entries = [line for line in listing.split("\0") if line]
        chosen = [entry for entry in entries if entry.split("\t", 1)[1].startswith(tuple(kept))]
        if chosen:
            git("update-index", "-z", "--index-info", input="\0".join(chosen) + "\0", env=env)
    paths, texts = [], {}
    for path, source in files.items():
        if isinstance(source, Path):
            paths.append((path, str(source)))
        else:
            texts[path] = source
    shas = git("hash-object", "-w", "--stdin-paths", input="\n".join(p for _, p in paths),
               env=env).split("\n") if paths else []
    lines = [f"100644 {sha}\t{path}" for (path, _), sha in zip(paths, shas, strict=True)]
    for path, text in texts.items():
        sha = git("hash-object", "-w", "--stdin", input=text, env=env)
        lines.append(f"100644 {sha}\t{path}")
    if lines:
        git("update-index", "--add", "--index-info", input="\n".join(lines) + "\n", env=env)
    return git("write-tree", env=env)


def check_untouched(git: Git, old_tree: str | None, new_tree: str, earlier: list[str]) -> None:
    """ReleaseError unless every earlier release's folder is the same tree in both."""
    for name in earlier:
        before = git("rev-parse", "-q", "--verify", f"{old_tree}:{name}", check=False)
        after = git("rev-parse", "-q", "--verify", f"{new_tree}:{name}", check=False)
        if not before or before != after:
            raise ReleaseError(f"release {name} would change ({before or 'missing'} -> "
                               f"{after or 'missing'}): a release never rewrites an earlier one")


def release(root: Path, requested: str = "", python: str = sys.executable,
            branch: str = BRANCH, git_env: dict | None = None, log=print) -> str:
    """Publish HEAD as a release on `branch`; returns its name (see the module docstring)."""
    git = Git(Path(root), git_env)
    if git("status", "--porcelain", "--untracked-files=no"):
        raise ReleaseError("the working tree has uncommitted changes: a release is built from a "
                           "commit, so commit or stash them first")
    check_remote(git, branch)
    head = git("rev-parse", "HEAD")
    commit = git("rev-parse", "--short", "HEAD")
    stamp = git("log", "-1", "--format=%cI", "HEAD")
    head_date = datetime.datetime.fromisoformat(stamp).astimezone(datetime.UTC).date()
    versions = published_versions(git, branch)
    existing = [entry["version"] for entry in versions]
    name = choose_name(requested, head_date.isoformat(), existing)
    tag = f"{TAG_PREFIX}{name}"
    tagged = git("rev-parse", "-q", "--verify", f"refs/tags/{tag}^{{commit}}", check=False)
    if tagged and tagged != head:
        raise ReleaseError(f"the tag {tag} is on another commit ({tagged[:7]}); delete it or "
                           "choose another name")
    old_commit = git("rev-parse", "-q", "--verify", f"refs/heads/{branch}", check=False) or None
    earlier = [{"name": v, "snapshot": json.loads(git("show", f"{branch}:{v}/{SNAPSHOT_FILE}"))}
               for v in sorted(existing, key=name_key)]
    log(f"Releasing {name} (commit {commit}); earlier releases: {', '.join(existing) or 'none'}")
    with tempfile.TemporaryDirectory(prefix="edition-release-") as tmp:
        tmp_path = Path(tmp)
        releases_file = tmp_path / "releases.json"
        releases_file.write_text(json.dumps({"releases": earlier}, ensure_ascii=False),
                                 encoding="utf-8")
        env = {RELEASE_SETTING: name, "EDITION_COMMIT": commit,
               "SOURCE_DATE_EPOCH": source_date_epoch(name), RELEASES_SETTING: str(releases_file)}
        build(Path(root), tmp_path / "version", {**env, RELEASE_AT_SETTING: "version"}, python)
        build(Path(root), tmp_path / "root", {**env, RELEASE_AT_SETTING: "root"}, python)
        entry = {"version": name, "title": name, "aliases": [], "properties": {"commit": commit}}
        listing = [entry, *versions]
        files: dict[str, Path | str] = {**files_under(tmp_path / "root"),
                                        **files_under(tmp_path / "version", f"{name}/")}
        files[VERSIONS_FILE] = json.dumps(listing, indent=2) + "\n"
        files[".nojekyll"] = ""
        old_tree = git("rev-parse", f"{old_commit}^{{tree}}") if old_commit else None
        new_tree = stage_tree(git, tmp_path / "index", old_commit, existing, files)
    check_untouched(git, old_tree, new_tree, existing)
    message = f"Release {name} of the edition (commit {commit})"
    parents = ["-p", old_commit] if old_commit else []
    new_commit = git("commit-tree", new_tree, *parents, "-m", message)
    git("update-ref", f"refs/heads/{branch}", new_commit, old_commit or ZERO)
    if not tagged:
        git("tag", tag, head)
    log(f"Released {name}: {branch} now has {name}/ and the site's root. Publish it with:\n"
        f"  git push --atomic origin {branch} {tag}")
    return name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--name", default="", help="the release's name (default: HEAD's day)")
    parser.add_argument("--root", default=".", help="the project (default: here)")
    args = parser.parse_args(argv)
    try:
        release(Path(args.root).resolve(), args.name)
    except ReleaseError as err:
        print(f"make release: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
