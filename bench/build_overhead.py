"""Benchmark 1: what the hooks cost a full build, measured against the same content without them.

The budget's measure: the hooks' output frozen (every page of every language, generated pages
included, as the hooks rendered its Markdown: dump_markdown.py), built without hooks. It renders
the same content, so hooks on / frozen is what the hooks cost beyond the content they add.
Budget: ratio <= 1.25. Builds alternate, several times each; the best (shortest) times are
compared, which is the figure least disturbed by whatever else the machine is doing. It also
times the hooks' own event functions (hook_timer.py).

For reference, not the budget's measure: a copy whose mkdocs.yml has no `hooks:` and whose pages
have their {{ ... }} markers stripped (no fact, footnote, table or generated page is rendered),
which tells the hooks' code apart from MkDocs rendering the content they add (generated pages,
tables, footnotes); and plain Material (page_weight.py's configuration: the edition's nav and
Markdown extensions, Material's defaults, no i18n plugin) with the same frozen text of both
languages: the ratio to it holds across machines, where the absolute times do not.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import tempfile
from pathlib import Path

from common import MARKER_RE, add_dump_hook, copy_project, mkdocs_build, table
from page_weight import plain_material

BUDGET = 1.25


def without_hooks(project: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^hooks:\n(?:[ \t]+-.*\n|[ \t]*#.*\n|[ \t]*\n)*", "",
                             config.read_text(encoding="utf-8")), encoding="utf-8")
    assert "hooks:" not in config.read_text(encoding="utf-8")
    for page in (project / "docs").rglob("*.md"):
        page.write_text(MARKER_RE.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")


def frozen(project: Path, work: Path) -> tuple[Path, Path]:
    """A copy of project whose docs/ hold the Markdown the hooks rendered, built without hooks;
    and plain Material with the same Markdown."""
    dumping = copy_project(work / "dumping")
    add_dump_hook(dumping)
    saved = dict(os.environ)
    os.environ.update(BENCH_DUMP_DIR=str(work / "dump"), BENCH_DUMP_LANGUAGES="all")
    try:
        mkdocs_build(dumping, work / "site-dumping")
    finally:
        os.environ.clear()
        os.environ.update(saved)
    out = copy_project(work / "frozen")
    for page in (out / "docs").rglob("*.md"):
        page.unlink()
    shutil.copytree(work / "dump", out / "docs", dirs_exist_ok=True)
    without_hooks(out)
    plain_material(dumping, work / "dump", work / "plain")
    return out, work / "plain"


def measure(runs: int = 5) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-hooks-") as tmp:
        tmp = Path(tmp)
        hooked = copy_project(tmp / "hooks-on")
        plain = copy_project(tmp / "hooks-off")
        without_hooks(plain)
        same_content, plain_material_project = frozen(hooked, tmp / "freezing")
        on, off, in_hooks, still, plain_runs = [], [], [], [], []
        mkdocs_build(hooked, tmp / "warm")  # warm the OS file cache once
        for _ in range(runs):
            report = tmp / "hooks.json"
            on.append(mkdocs_build(hooked, tmp / "site-on", hook_report=report).seconds)
            in_hooks.append(sum(json.loads(report.read_text()).values()))
            # without the generated pages the nav points at missing files: not --strict
            off.append(mkdocs_build(plain, tmp / "site-off", strict=False).seconds)
            still.append(mkdocs_build(same_content, tmp / "site-frozen", strict=False).seconds)
            plain_runs.append(mkdocs_build(plain_material_project, tmp / "site-plain",
                                           strict=False).seconds)
    on_s, frozen_s = min(on), min(still)
    return {"with_hooks_s": on_s, "without_hooks_s": min(off), "frozen_s": frozen_s,
            "ratio": on_s / frozen_s, "in_hooks_s": min(in_hooks), "plain_s": min(plain_runs),
            "budget": BUDGET, "ok": on_s / frozen_s <= BUDGET, "runs": runs}


def rows(result: dict) -> list[tuple]:
    extra = result["with_hooks_s"] - result["without_hooks_s"]
    return [("Full build, hooks on / their output frozen, built without hooks (same content, "
             f"best of {result['runs']})", f"{result['with_hooks_s']:.2f} s / "
             f"{result['frozen_s']:.2f} s = {result['ratio']:.2f}×",
             f"≤ {result['budget']}×", "ok" if result["ok"] else "OVER"),
            ("  edition / plain Material with the same text (both languages, frozen)",
             f"{result['with_hooks_s']:.2f} s / {result['plain_s']:.2f} s = "
             f"{result['with_hooks_s'] / result['plain_s']:.2f}×", "", ""),
            ("  for reference: hooks on / hooks off (pages without markers, no generated pages)",
             f"{result['with_hooks_s']:.2f} s / {result['without_hooks_s']:.2f} s = "
             f"{result['with_hooks_s'] / result['without_hooks_s']:.2f}×", "", ""),
            ("  of the extra time: in the hooks' own code / rendering what they add",
             f"{result['in_hooks_s']:.2f} s / {max(extra - result['in_hooks_s'], 0):.2f} s",
             "", "")]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    print(table(rows(measure(parser.parse_args().runs)),
                ("Benchmark", "Figure", "Budget", "Verdict")))
