"""Shared fixtures: the real site built once per session (strict), and throw-away copies of the
project for bad-input cases. Hook modules are importable directly (pyproject: pythonpath)."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import socket
import subprocess
import sys
import urllib.request
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from edition.data.ledger import Ledger, load_ledger

ROOT = Path(__file__).resolve().parents[1]
# The article's text is not part of the repository (it is the authors' work). Tests that read it
# take its path from this setting; .ci/run sets it when the text lies beside the clone
# (../shared/article/*.txt). Without it they are skipped, saying why.
ARTICLE_SETTING = "EDITION_ARTICLE"
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (for a `mkdocs serve` under test)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    """The page at url, or "" while the server is not (yet) answering."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project folder, as a contributor would run it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict",
         "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=project, timeout=300)


@dataclass(frozen=True)
class Site:
    root: Path

    @cache  # noqa: B019 (the built site lives as long as the test session)
    def html(self, path: str) -> str:
        return (self.root / path).read_text(encoding="utf-8")

    def page(self, path: str) -> BeautifulSoup:
        """A built page, freshly parsed (tests may change it), e.g. page('core-values/index.html')."""
        return BeautifulSoup(self.html(path), "html.parser")

    def html_pages(self) -> list[str]:
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html")
                      if p.name != "404.html")


def once_per_run(tmp_path_factory, name: str, make) -> Path:
    """A folder made once per test run and shared by its parallel workers (`make test` runs
    pytest-xdist): the first worker to ask makes it (`make(folder)`), the others wait and reuse
    it. A run without workers makes it in its own temporary folder."""
    base = tmp_path_factory.getbasetemp()
    root = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    folder, done = root / f"shared-{name}", root / f"shared-{name}.done"
    with open(root / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.write_text("made\n")
    return folder


def _build_site(out: Path) -> None:
    result = build(ROOT, out)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    """The real site, built once per test run, strictly (tests must not change its files)."""
    return Site(once_per_run(tmp_path_factory, "site", _build_site))


LANGUAGES = ("en", "id")


@pytest.fixture(scope="session")
def article_text() -> str:
    """The article's text, from the path in $EDITION_ARTICLE (skip when it is not set)."""
    setting = os.environ.get(ARTICLE_SETTING, "").strip()
    if not setting:
        pytest.skip(f"the article's text is not given: set {ARTICLE_SETTING}=path/to/article.txt "
                    "to run the tests that compare the edition with it")
    path = Path(setting).expanduser()
    if not path.is_file():
        pytest.fail(f"{ARTICLE_SETTING}={setting}: no such file (the setting must name the "
                    "article's text)", pytrace=False)
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def ledger() -> Ledger:
    return load_ledger(ROOT / "data", languages=LANGUAGES)


class Project:
    """A temporary copy of the project that a test may break."""

    def __init__(self, root: Path):
        self.root = root

    def edit(self, rel: str, old: str, new: str, count: int = 1) -> None:
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    def append(self, rel: str, text: str) -> None:
        with (self.root / rel).open("a", encoding="utf-8") as handle:
            handle.write(text)

    def line_of(self, rel: str, needle: str) -> int:
        for number, line in enumerate((self.root / rel).read_text().splitlines(), start=1):
            if needle in line:
                return number
        raise AssertionError(f"{needle!r} not in {rel}")

    def build(self) -> subprocess.CompletedProcess:
        return build(self.root, self.root / "site")


@pytest.fixture
def project(tmp_path) -> Project:
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, tmp_path / part)
    charts = ROOT / ".cache" / "charts"  # drawn charts: a copy need not draw them again
    if charts.is_dir():
        shutil.copytree(charts, tmp_path / ".cache" / "charts")
    return Project(tmp_path)


# --------------------------------------------------------------------------- releases
# tests/test_versions.py and tests/browser/test_versions.py: two releases of a copy of the
# project, in a temporary git repository, published on its local gh-pages branch (never
# pushed). They differ in one fact (nk-armenian-share, 95 -> 94) and one erratum, added with
# the correction; the second adds nothing else.
FIRST_RELEASE, SECOND_RELEASE = "2026-11-27", "2026-12-01"
CHANGED_FACT = "nk-armenian-share"
ADDED_ERRATUM = "test-armenian-share"
ERRATUM_ENTRY = f"""
- id: {ADDED_ERRATUM}
  about: site
  title: {{en: The Armenian share recorded wrongly, id: Proporsi Armenia tercatat keliru}}
  printed: {{en: The share was recorded as 95 per cent., id: Proporsinya tercatat 95 persen.}}
  correction: {{en: It is now recorded as 94 per cent., id: Kini tercatat 94 persen.}}
  evidence: {{en: A test of releases., id: Uji rilis.}}
  facts: [{CHANGED_FACT}]
  guard: {{fact: {CHANGED_FACT}, value: 94}}
  status: fixed
  date: "2026-11-28"
"""
GIT_ENV = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


@dataclass(frozen=True)
class Released:
    repo: Path               # the project's repository, at the second release's commit
    pages: Path              # the gh-pages branch, extracted (what GitHub Pages would serve)
    first_tree: str          # the first release's folder's tree id right after it was released
    logs: tuple[str, ...]

    def git(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(["git", *args], cwd=self.repo, capture_output=True, text=True,
                                env={**os.environ, **GIT_ENV}, check=False)
        assert not check or result.returncode == 0, result.stderr
        return result.stdout.strip()

    def html(self, path: str) -> str:
        return (self.pages / path).read_text(encoding="utf-8")

    def page(self, path: str) -> BeautifulSoup:
        return BeautifulSoup(self.html(path), "html.parser")


def commit_all(repo: Path, message: str, day: str) -> None:
    env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": f"{day}T10:00:00Z",
           "GIT_COMMITTER_DATE": f"{day}T10:00:00Z"}
    for args in (["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


@pytest.fixture(scope="session")
def released(tmp_path_factory) -> Released:
    """Two releases of a copy of the project, made once per test run."""
    folder = once_per_run(tmp_path_factory, "releases", _make_releases)
    made = json.loads((folder / "released.json").read_text(encoding="utf-8"))
    return Released(folder / "project", folder / "gh-pages", made["first_tree"],
                    tuple(made["logs"]))


def _make_releases(folder: Path) -> None:
    from edition.build.release import release

    repo = folder / "project"
    repo.mkdir()
    for part in (*PROJECT_PARTS, ".gitignore"):
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, repo / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, repo / part)
    if (ROOT / ".cache" / "charts").is_dir():  # drawings keyed by their data: time only
        shutil.copytree(ROOT / ".cache" / "charts", repo / ".cache" / "charts")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True,
                   env={**os.environ, **GIT_ENV})
    commit_all(repo, "The edition", FIRST_RELEASE)
    logs: list[str] = []
    # the first release takes its name from the commit's day
    assert release(repo, git_env=GIT_ENV, log=logs.append) == FIRST_RELEASE
    first_tree = Released(repo, repo, "", ()).git("rev-parse", f"gh-pages:{FIRST_RELEASE}")
    facts = repo / "data" / "facts.yml"
    text = facts.read_text(encoding="utf-8")
    start = text.index(f"- id: {CHANGED_FACT}\n")
    facts.write_text(text[:start] + text[start:].replace("  value: 95\n", "  value: 94\n", 1),
                     encoding="utf-8")
    with (repo / "data" / "corrections.yml").open("a", encoding="utf-8") as handle:
        handle.write(ERRATUM_ENTRY)
    commit_all(repo, "Correct the Armenian share", SECOND_RELEASE)
    assert release(repo, SECOND_RELEASE, git_env=GIT_ENV, log=logs.append) == SECOND_RELEASE
    pages = folder / "gh-pages"
    pages.mkdir()
    archive = subprocess.run(["git", "archive", "gh-pages"], cwd=repo, capture_output=True,
                             check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(pages)], input=archive, check=True)
    (folder / "released.json").write_text(json.dumps({"first_tree": first_tree,
                                                      "logs": logs}), encoding="utf-8")
