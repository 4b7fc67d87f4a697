"""Shared fixtures: the real site built once per session (strict), and throw-away copies of the
project for bad-input cases. Hook modules are importable directly (pyproject: pythonpath)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return Site(out)


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
