"""`make diff [BASE=main]`: what the working tree does to the edition, against any git ref.

Both revisions are built (`mkdocs build --strict`, side by side, BASE from `git archive` into a
temporary folder) with the same version settings, so that only their content differs. The
report (pages/changes.py `report_markdown`) compares their snapshot.json (outputs/changes.py):
facts added, removed or changed, with the number as rendered in every language and the
sections it appears in; tables, charts and sources whose data changed; errata added or
settled; and their pages' sentences (outputs/textdiff.py). If the working tree does not
build, the report lists why (a guard that now fails is among those messages) and the command
exits 1. A revision older than snapshot.json is described with this code from its data/ and
docs/ (`project_snapshot`).

    python -m edition.build.diff --base main [--site DIR] [--output FILE]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from ..checks.audit import run_audit
from ..checks.errata import merge_errata
from ..cite.version import RELEASE_AT_SETTING, RELEASE_SETTING, Version
from ..data.ledger import load
from ..data.pages import pages_in
from ..markup.scan import scan_page
from ..markup.usage import marker_sections, usage_index
from ..outputs.changes import compare
from ..outputs.snapshot import FILE as SNAPSHOT_FILE
from ..outputs.snapshot import snapshot
from ..outputs.textdiff import compare_sites
from ..pages.changes import report_markdown
from ..render.markers import KINDS
from .versions import RELEASES_SETTING

LANGUAGES = ("en", "id")
PROBLEM_PREFIX = "  "  # the build's list of problems: one indented 'file:line: message' each


class DiffError(Exception):
    pass


def git(root: Path, *args: str, binary: bool = False):
    result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=not binary,
                            check=False)
    if result.returncode != 0:
        error = result.stderr if not binary else result.stderr.decode("utf-8", "replace")
        raise DiffError(f"git {' '.join(args)}: {error.strip()}")
    return result.stdout


def export(root: Path, ref: str, into: Path) -> None:
    """The files of `ref` (git archive), with the working tree's chart cache (.cache/charts:
    drawings are keyed by their data, so sharing them only saves time)."""
    data = git(root, "archive", "--format=tar", ref, binary=True)
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(into, filter="data")
    cache = root / ".cache"
    if cache.is_dir():
        shutil.copytree(cache, into / ".cache", dirs_exist_ok=True)


def start_build(project: Path, out: Path, env: dict) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(out)], cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)


def failures(output: str) -> list[str]:
    """The problems a failed build printed: its 'file:line: message' lines, else its errors."""
    lines = output.splitlines()
    listed = [line.strip() for line in lines if line.startswith(PROBLEM_PREFIX)
              and ":" in line and not line.strip().startswith(("File ", "^"))]
    return listed or [line for line in lines if line.startswith(("ERROR", "Aborted"))] or \
        lines[-5:]


def project_snapshot(project: Path, langs: tuple[str, ...] = LANGUAGES) -> dict:
    """The snapshot of a revision built before builds published snapshot.json, computed with
    this code from its data/ and docs/ (as build/events.py does)."""
    ledger, _ = load(project / "data", langs)
    scans = {}
    docs = project / "docs"
    for path in sorted(docs.rglob("*.md")):
        src_uri = path.relative_to(docs).as_posix()
        scans[src_uri] = scan_page(path.read_text(encoding="utf-8"), f"docs/{src_uri}", ledger,
                                   KINDS)
    usages = {lang: usage_index(ledger, pages_in(scans, lang, langs), KINDS) for lang in langs}
    errata = merge_errata(ledger, run_audit(ledger), [])
    charts = marker_sections(pages_in(scans, langs[0], langs), "chart")
    return snapshot(ledger, usages, errata, Version(), charts)


def read_snapshot(site: Path, project: Path) -> dict:
    path = site / SNAPSHOT_FILE
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    return project_snapshot(project)


def head_label(root: Path) -> str:
    commit = git(root, "rev-parse", "--short", "HEAD").strip()
    dirty = git(root, "status", "--porcelain", "--untracked-files=no").strip()
    return f"the working tree ({commit}{', with uncommitted changes' if dirty else ''})"


def diff(root: Path, base: str, site: Path | None = None, log=None) -> tuple[str, int]:
    """(the report, exit status): 0, or 1 when the working tree does not build."""
    base_commit = git(root, "rev-parse", "--verify", "-q", f"{base}^{{commit}}").strip()
    if not base_commit:
        raise DiffError(f"BASE={base} is not a commit here (fetch it, or name another ref)")
    stamp = git(root, "log", "-1", "--format=%ct", "HEAD").strip()
    commit = git(root, "rev-parse", "--short", "HEAD").strip()
    env = {key: value for key, value in os.environ.items()
           if key not in (RELEASE_SETTING, RELEASE_AT_SETTING, RELEASES_SETTING)}
    env.update(NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=stamp, EDITION_COMMIT=commit)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="edition-diff-") as tmp:
        tmp_path = Path(tmp)
        base_dir = tmp_path / "base"
        export(root, base_commit, base_dir)
        builds = {"base": start_build(base_dir, tmp_path / "base-site", env),
                  "head": start_build(root, tmp_path / "head-site", env)}
        outputs = {name: process.communicate() for name, process in builds.items()}
        codes = {name: process.returncode for name, process in builds.items()}
        if codes["base"] != 0:
            raise DiffError(f"BASE={base} does not build:\n" + "\n".join(
                failures(outputs["base"][1])))
        old = read_snapshot(tmp_path / "base-site", base_dir)
        problems: list[str] = []
        if codes["head"] != 0:
            problems = failures(outputs["head"][1])
            new = project_snapshot(root)
            sentences = {}
        else:
            new = read_snapshot(tmp_path / "head-site", root)
            sentences = compare_sites(tmp_path / "base-site", tmp_path / "head-site",
                                      tuple(new.get("languages", LANGUAGES)))
            if site is not None:
                shutil.rmtree(site, ignore_errors=True)
                shutil.copytree(tmp_path / "head-site", site)
    short = base_commit[:7]
    report = report_markdown(compare(old, new), sentences, problems, f"`{base}` ({short})",
                             head_label(root), old, new)
    if log:
        log(f"make diff: both revisions built and compared in "
            f"{time.perf_counter() - started:.1f} s")
    return report, 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="main", help="the git ref to compare with")
    parser.add_argument("--site", help="keep the working tree's built site in this folder")
    parser.add_argument("--output", help="also write the report to this file")
    parser.add_argument("--root", default=".", help="the project (default: here)")
    args = parser.parse_args(argv)
    try:
        report, status = diff(Path(args.root).resolve(), args.base,
                              Path(args.site).resolve() if args.site else None,
                              log=lambda text: print(text, file=sys.stderr))
    except DiffError as err:
        print(f"make diff: {err}", file=sys.stderr)
        return 2
    sys.stdout.write(report)
    sys.stdout.flush()
    if args.output:
        Path(args.output).write_text(report, encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
