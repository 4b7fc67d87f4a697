"""`make serve` shows an edit at once, and never an old number (hooks/edition/build/session.py,
rendered.py).

Under `mkdocs serve`, a rebuild reuses what an unchanged page rendered in the last build and
leaves the printable edition out; `mkdocs build` renders everything. These tests serve a
temporary copy of the project for real, edit a fact and poll every page that shows it until the
new number is there (and the old one gone); they check that a rebuild that reuses gives the same
files as one that renders everything; and that --dirty is refused. Nothing here times anything:
bench/reload_latency.py prints how long a reload takes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT, Project, fetch, free_port
from edition.data.ledger import load_ledger
from edition.locale.numbers import format_fact
from edition.pages.print import nav_paths

# a fact that no formula, guard, audit claim, chart or table reads, so any value is valid; the
# chapter pages, the facts ledger and facts.json show it
FACT = "tb2-artillery-destroyed"
NEW_VALUE = 4321
TIMEOUT = 240


def env() -> dict:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")


def page_urls() -> list[str]:
    """Every page of the nav in every language, as paths under the site's root."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    out = []
    for lang in LANGUAGES:
        prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
        for path in nav_paths(config["nav"]):
            stem = path.removesuffix(".md")
            out.append(prefix + ("" if stem == "index" else f"{stem.removesuffix('/index')}/"))
    return out


def shown(html: str, fact_id: str) -> list[str]:
    return [span.get_text() for span in
            BeautifulSoup(html, "html.parser").select(f"span.fact[data-fact={fact_id}]")]


def set_value(project: Path, fact_id: str, value) -> None:
    facts = project / "data" / "facts.yml"
    text = facts.read_text(encoding="utf-8")
    block = re.search(rf"(?ms)^- id: {re.escape(fact_id)}\n.*?(?=^- id: |\Z)", text)
    assert block, fact_id
    edited, n = re.subn(r"(?m)^  value: .*$", f"  value: {value}", block.group(0), count=1)
    assert n == 1
    facts.write_text(text[:block.start()] + edited + text[block.end():], encoding="utf-8")


def copy_with_charts(project: Project) -> Path:
    """The project copy with the drawn charts, so its first build does not draw them again
    (the `project` fixture copies them)."""
    assert (project.root / ".cache" / "charts").is_dir() or not (ROOT / ".cache").is_dir()
    return project.root


@pytest.fixture
def served(project):
    root = copy_with_charts(project)
    port = free_port()
    log = (root / "serve.log").open("w", encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}",
         "-f", str(root / "mkdocs.yml")], cwd=root, env=env(), stdout=log,
        stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/turkey-azerbaijan-2020-2024/"  # site_url's path
    try:
        yield root, base, server
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def wait_until(condition, server, root: Path, what: str):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            break
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    said = (root / "serve.log").read_text(encoding="utf-8", errors="replace")
    pytest.fail(f"{what}; mkdocs serve said:\n{said[-3000:]}")


def test_a_fact_edited_under_serve_shows_its_new_number_on_every_page_that_uses_it(served):
    root, base, server = served
    urls = page_urls()
    wait_until(lambda: "</html>" in fetch(base), server, root, "the first build did not finish")
    before = {url: fetch(base + url) for url in urls}
    assert all("</html>" in html for html in before.values())
    using = {url for url, html in before.items() if shown(html, FACT)}
    # the chapter and the facts ledger of each language; the printable edition is left out
    assert {"core-values/", "id/core-values/", "evidence/facts/",
            "id/evidence/facts/"} <= using
    assert not shown(before["about/print/"], FACT) and "make build" in before["about/print/"]
    old = load_ledger(root / "data", languages=LANGUAGES).facts[FACT]

    set_value(root, FACT, NEW_VALUE)
    new = load_ledger(root / "data", languages=LANGUAGES).facts[FACT]
    expected = {url: format_fact(new, "id" if url.startswith("id/") else "en") for url in using}
    assert all(expected[url] != format_fact(old, "id" if url.startswith("id/") else "en")
               for url in using)

    def updated():
        pages = {url: fetch(base + url) for url in using}
        if all(shown(html, FACT) and set(shown(html, FACT)) == {expected[url]}
               for url, html in pages.items()):
            return pages
        return None

    pages = wait_until(updated, server, root, f"{FACT} never showed {NEW_VALUE} on every page")

    def text(html: str) -> str:
        return BeautifulSoup(html, "html.parser").get_text(" ")

    for url, html in pages.items():
        # the old number is gone from every place that showed the fact (at least its marked
        # places; a note in the data may quote it as text, and that stays)
        was = format_fact(old, "id" if url.startswith("id/") else "en")
        assert shown(before[url], FACT) and was in text(before[url])
        assert text(html).count(was) <= text(before[url]).count(was) - len(
            shown(before[url], FACT)), url
    after = {url: fetch(base + url) for url in urls}
    assert {url for url, html in after.items() if shown(html, FACT)} == using
    downloads = json.loads(fetch(base + "facts.json"))
    facts = downloads["facts"] if isinstance(downloads, dict) else downloads
    assert [f["value"] for f in facts if f["id"] == FACT] == [NEW_VALUE]
    said = (root / "serve.log").read_text(encoding="utf-8")
    assert "the printable edition is left out (make build makes it" in said
    assert re.search(r"serve \(en\): \d+ pages rendered, [1-9]\d* unchanged since the last "
                     r"build reused", said)


REBUILD_SCRIPT = """
import os, sys, re
from pathlib import Path
root, site = Path(sys.argv[1]), Path(sys.argv[2])
sys.path.insert(0, str(root / "hooks"))
from mkdocs.config import load_config
from mkdocs.commands.build import build
from edition.build import rendered

def once():
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url="http://127.0.0.1:8000/turkey-azerbaijan-2020-2024/")

if sys.argv[3] == "twice":  # a build, an edit, a rebuild that reuses what it can
    once()
    facts = root / "data" / "facts.yml"
    facts.write_text(facts.read_text(encoding="utf-8").replace(sys.argv[4], sys.argv[5], 1),
                     encoding="utf-8")
once()
print("COUNTS", rendered.counts["rendered"], rendered.counts["reused"])
"""


def serve_build(root: Path, site: Path, *args: str) -> tuple[int, int]:
    result = subprocess.run([sys.executable, "-c", REBUILD_SCRIPT, str(root), str(site), *args],
                            capture_output=True, text=True, cwd=root, env=env(), timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    counts = re.search(r"COUNTS (\d+) (\d+)", result.stdout)
    return int(counts[1]), int(counts[2])


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file()}


def test_a_rebuild_that_reuses_unchanged_pages_writes_what_a_fresh_one_writes(project,
                                                                               tmp_path):
    root = copy_with_charts(project)
    label = load_ledger(root / "data", languages=LANGUAGES).facts[FACT].label["en"]
    facts_text = (root / "data" / "facts.yml").read_text(encoding="utf-8")
    assert facts_text.count(label) == 1
    # a new label: the chapters show it as the fact's title, the ledger in its row
    _, reused = serve_build(root, tmp_path / "reused", "twice", label, label + " (edited)")
    assert reused > 0, "the rebuild reused nothing"
    shutil.copytree(root, tmp_path / "fresh-project", ignore=shutil.ignore_patterns("site"))
    rendered, _ = serve_build(tmp_path / "fresh-project", tmp_path / "fresh", "once")
    assert rendered > 0
    reused_files, fresh_files = files_of(tmp_path / "reused"), files_of(tmp_path / "fresh")
    assert sorted(reused_files) == sorted(fresh_files)
    differ = [name for name in fresh_files if reused_files[name] != fresh_files[name]]
    assert differ == []
    assert "(edited)" in reused_files["evidence/facts/index.html"].decode("utf-8")


@pytest.mark.parametrize("command", [["build", "--dirty"], ["serve", "--dirty"]])
def test_dirty_builds_are_refused_with_the_reason(command, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", *command, "-f", str(ROOT / "mkdocs.yml"),
         *(["-d", str(tmp_path / "site")] if command[0] == "build" else
           ["--dev-addr", f"127.0.0.1:{free_port()}"])],
        capture_output=True, text=True, cwd=ROOT, env=env(), timeout=120)
    assert result.returncode != 0
    said = result.stdout + result.stderr
    assert "--dirty is not supported by this site" in said and "make serve" in said
    assert "Traceback" not in said
    assert not (tmp_path / "site").exists()
