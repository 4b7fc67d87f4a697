"""Benchmark 4: the bytes a reader downloads for a chapter page, against plain Material.

Both sites are built from the same text: the edition as it is, and "plain Material", a site
with the edition's pages as the hooks render them, front matter included (dump_markdown.py:
so the printable edition is left out of both search indexes), the same nav and Markdown
extensions, and Material's defaults otherwise (no palette, features, extra CSS/JS, overrides,
repository link or second language; `font: false` like the edition, because Material's default
fetches Roboto from Google Fonts, which would only make plain Material heavier).

Chromium loads the chapter page from a local server and everything it requests is counted (HTML,
CSS, JS, images, the search worker and index), text types gzip-compressed as GitHub Pages
serves them. Budget: at most 10 % more than plain Material.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from common import (
    add_dump_hook,
    copy_project,
    gzipped_size,
    mkdocs_build,
    read_config,
    serve,
    table,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))
from support import CHROMIUM, LAUNCH_ARGS  # noqa: E402 (the browser tests' launch settings)

BUDGET = 1.10
KINDS = {".html": "HTML", ".css": "CSS", ".js": "JS", ".json": "search index",
         ".png": "images", ".svg": "images", ".ico": "images", ".jpg": "images",
         ".webp": "images", ".woff2": "fonts"}


def edition_with_dump(project: Path, dump_dir: Path) -> None:
    add_dump_hook(project)
    os.environ["BENCH_DUMP_DIR"] = str(dump_dir)


def plain_material(edition: Path, dump_dir: Path, dest: Path) -> None:
    """A project with the dumped pages, the edition's nav and extensions, Material defaults."""
    config = read_config(edition)
    shutil.copytree(dump_dir, dest / "docs")
    for asset in (edition / "docs").rglob("*"):  # images and downloads the pages refer to
        rel = asset.relative_to(edition / "docs")
        if asset.is_file() and asset.suffix != ".md" and rel.parts[0] not in (
                "stylesheets", "javascripts"):
            (dest / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(asset, dest / "docs" / rel)
    plain = {"site_name": config["site_name"], "copyright": config.get("copyright"),
             "theme": {"name": "material", "font": False}, "plugins": ["search"],
             "markdown_extensions": config.get("markdown_extensions", []),
             "nav": config.get("nav")}
    if config.get("site_url"):
        plain["site_url"] = config["site_url"]
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(plain, allow_unicode=True, sort_keys=False),
                                     encoding="utf-8")


def downloads(site: Path, page: str) -> Counter:
    """Bytes on the wire per kind of file, for everything Chromium requests to show page."""
    from playwright.sync_api import sync_playwright

    server, base = serve(site)
    sizes: Counter = Counter()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
            tab = browser.new_page(viewport={"width": 412, "height": 823})
            urls = []
            tab.on("requestfinished", lambda request: urls.append(request.url))
            tab.goto(base + page, wait_until="networkidle")
            browser.close()
    finally:
        server.shutdown()
    for url in dict.fromkeys(urls):
        path = unquote(urlsplit(url).path)
        file = site / path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if file.is_file():
            sizes[KINDS.get(file.suffix.lower(), "other")] += gzipped_size(file)
    return sizes


def build_both(tmp: Path) -> tuple[Path, Path]:
    """The edition built in tmp, and plain Material with the Markdown its hooks rendered:
    (the edition's site, plain Material's site)."""
    edition = copy_project(tmp / "edition")
    edition_with_dump(edition, tmp / "dump")
    mkdocs_build(edition, tmp / "site-edition")
    plain_material(edition, tmp / "dump", tmp / "plain")
    mkdocs_build(tmp / "plain", tmp / "site-plain", strict=False)
    return tmp / "site-edition", tmp / "site-plain"


def measure(page: str = "core-values/") -> dict:
    if not CHROMIUM.exists():
        raise SystemExit(f"page weight needs Chromium at {CHROMIUM} (or set CHROMIUM)")
    with tempfile.TemporaryDirectory(prefix="bench-weight-") as tmp:
        site_edition, site_plain = build_both(Path(tmp))
        ours, plain = downloads(site_edition, page), downloads(site_plain, page)
    total_ours, total_plain = sum(ours.values()), sum(plain.values())
    return {"page": page, "edition": ours, "plain": plain, "edition_total": total_ours,
            "plain_total": total_plain, "ratio": total_ours / total_plain,
            "budget": BUDGET, "ok": total_ours / total_plain <= BUDGET}


def rows(result: dict) -> list[tuple]:
    kib = lambda n: f"{n / 1024:.1f} KiB"  # noqa: E731
    kinds = sorted(set(result["edition"]) | set(result["plain"]))
    detail = ", ".join(f"{k} {kib(result['edition'][k])} vs {kib(result['plain'][k])}"
                       for k in kinds)
    return [(f"Bytes downloaded for /{result['page']} (gzip), edition / plain Material",
             f"{kib(result['edition_total'])} / {kib(result['plain_total'])} = "
             f"{(result['ratio'] - 1) * 100:+.1f} %", f"≤ {(result['budget'] - 1) * 100:+.0f} %",
             "ok" if result["ok"] else "OVER"),
            ("  by kind, edition vs plain", detail, "", "")]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", default="core-values/", help="path of the page in the site")
    print(table(rows(measure(parser.parse_args().page)),
                ("Benchmark", "Figure", "Budget", "Verdict")))
