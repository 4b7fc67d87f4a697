"""Every finding of the outside tools on a built site, counted and grouped, as Markdown: what the
notes of issue 13 record, and how to compare a site before and after a change.

    cd tests && ../.venv/bin/python -m outside.findings /path/to/built/site [--warnings]

Runs the same code as the tests (tools.py), each tool once; a tool that is not installed is
reported as such. Zotero's translation-server is looked for at EDITION_ZOTERO_URL."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from browser.support import CHROMIUM
from serving import serve

from . import support, tools


def _short(message: str) -> str:
    """A message with the quoted values that vary from page to page shortened."""
    return re.sub(r"“([^”]{40})[^”]*”", r"“\1…”", message)


def _section(title: str, lines: list[str]) -> None:
    print(f"\n## {title}\n")
    print("\n".join(lines) if lines else "nothing reported")


def vnu(root: Path, pages: list[str]) -> None:
    with serve(root) as served:
        messages = tools.run_vnu({page: served.url(page) for page in pages})
    lines = []
    for kind in ("error", "info/warning", "info"):
        found = [m for m in messages if m.kind == kind]
        lines.append(f"- {kind}: {len(found)} on {len({m.page for m in found})} pages")
        for message, count in Counter(_short(m.message) for m in found).most_common():
            pages_with = sorted({m.page for m in found if _short(m.message) == message})
            lines.append(f"  - {count} × {message} ({len(pages_with)} pages, e.g. "
                         f"{', '.join(pages_with[:3])})")
    _section("Nu HTML Checker (vnu-jar)", lines)


def pa11y(root: Path, pages: list[str], warnings: bool) -> None:
    with serve(root) as served:
        issues = tools.run_pa11y({p: served.url(p) for p in pages}, str(CHROMIUM), warnings)
    lines = []
    for kind in ("error", "warning"):
        found = [i for i in issues if i.type == kind]
        lines.append(f"- {kind}: {len(found)} on {len({i.page for i in found})} pages")
        where = Counter((i.code, i.selector[:70] if kind == "error" else "")
                        for i in found).most_common()
        for (code, selector), count in where:
            pages_with = len({i.page for i in found if i.code == code})
            lines.append(f"  - {count} × {code}" + (f" at `{selector}`" if selector else "")
                         + f" ({pages_with} pages)")
    _section("pa11y (HTML_CodeSniffer, WCAG2AA)", lines)


def citations(root: Path, pages: list[str]) -> None:
    inputs = {}
    for name, text in tools.downloads(root).items():
        fmt = name.split("/")[1]
        for key, record in tools.split_entries(text, fmt).items():
            inputs[f"{name}/{key}"] = (fmt, record)
    cites = tools.section_citations(root, pages)
    for cite in cites:
        for fmt in ("bibtex", "ris"):
            inputs[f"section/{cite.page}#{cite.anchor}/{fmt}"] = (fmt, getattr(cite, fmt))
    read = tools.run_citation_js(inputs)
    strict = tools.run_citation_js({name: value for name, value in inputs.items()
                                    if value[0] == "bibtex" and name.startswith("en/")},
                                   strict=True)
    lines = [f"- records read: {len(read)}; errors: "
             f"{sum(1 for r in read.values() if r['error'])}"]
    ids = [item["id"] for item in json.loads((root / "sources.json").read_text())]
    table = ["", "| source | sources.json | sources.bib | sources.ris |", "|---|---|---|---|"]
    for key in ids:
        records = {fmt: tools.csl_record(read[f"en/{fmt}/{key}"]["items"][0])
                   for fmt in tools.DOWNLOADS}
        cells = [f"{r.type}; title {'“' + r.title[:30] + '”' if r.title else '—'}; "
                 f"{len(r.creators)} creator(s)" for r in
                 (records["csl"], records["bibtex"], records["ris"])]
        table.append(f"| {key} | " + " | ".join(cells) + " |")
    lines += table
    lines.append("\nBibLaTeX required fields (citation-js strict mode), English sources.bib:")
    lines += [f"- {name.split('/')[-1]}: {r['error'].splitlines()[-1].strip()}"
              for name, r in strict.items() if r["error"]]
    _section("citation-js", lines)


def zotero(root: Path, pages: list[str]) -> None:
    base = support.ZOTERO_URL
    bind = "127.0.0.1" if support.ZOTERO_SITE_HOST == "127.0.0.1" else "0.0.0.0"
    lines = ["| page | itemType | title | creators | date | publication/website |",
             "|---|---|---|---|---|---|"]
    with serve(root, bind=bind, host=support.ZOTERO_SITE_HOST) as served:
        for page in pages:
            if page == "404.html":
                continue
            _, result = tools.zotero_post(base, "web", served.url(page))
            item = next((i for i in result if i.get("itemType") != "note"), {}) \
                if isinstance(result, list) else {}
            creators = "; ".join(c.get("name") or f"{c.get('firstName')} ⁄ {c.get('lastName')}"
                                 for c in item.get("creators", []))
            container = item.get("publicationTitle") or item.get("websiteTitle") or ""
            lines.append(f"| {page} | {item.get('itemType')} | {item.get('title')} | "
                         f"{creators} | {item.get('date')} | {container[:40]} |")
    for name, text in tools.downloads(root).items():
        _, result = tools.zotero_post(base, "import", text)
        count = len([i for i in result if isinstance(i, dict) and i.get("itemType") != "note"])
        lines.append(f"\n/import {name}: {count} items")
    _section("Zotero translation-server", lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("--warnings", action="store_true", help="pa11y warnings too")
    parser.add_argument("--only", default="vnu,pa11y,citations,zotero")
    args = parser.parse_args()
    root = args.site.resolve()
    pages = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))
    print(f"# Outside tools on {root} ({len(pages)} pages)")
    runs = {"vnu": lambda: vnu(root, pages),
            "pa11y": lambda: pa11y(root, pages, args.warnings),
            "citations": lambda: citations(root, pages),
            "zotero": lambda: zotero(root, pages)}
    for name in args.only.split(","):
        try:
            runs[name]()
        except BaseException as error:  # noqa: BLE001 (pytest's skip is a BaseException)
            _section(name, [f"not run: {error}"])
    sys.stdout.flush()


if __name__ == "__main__":
    main()
