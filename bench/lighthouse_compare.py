"""Lighthouse on one page of the edition and of plain Material with the same text, alternating.

    python bench/lighthouse_compare.py [PAGE] [--runs N]      PAGE defaults to about/print/

The plain Material site is page_weight.py's: the Markdown the edition's hooks rendered, built
with the edition's nav and Markdown extensions and Material's defaults. Both are served
gzip-compressed from 127.0.0.1 (bench/serve_gzip.py's server) and audited in turn by the same
Lighthouse as bench/lighthouse.sh (mobile profile, simulated throttling), so the pages have the
same length and share the machine's conditions. Printed: the accessibility score, the main
thread's work (Lighthouse's mainthread-work-breakdown, in the throttled CPU's time) and the
total blocking time, medians of the runs, and their ratio edition / plain Material.
The reports are kept in bench/out/compare-{edition,plain}-N.json.
Needs npm (npx fetches lighthouse@13.5.0 once) and Chromium ($CHROME_PATH, /usr/bin/chromium).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from common import serve, table
from page_weight import build_both

LIGHTHOUSE = "lighthouse@13.5.0"
OUT = Path(__file__).with_name("out")  # the reports, as bench/lighthouse.sh keeps its own
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")


def audit(url: str, report: Path) -> dict:
    subprocess.run(
        ["npx", "--yes", LIGHTHOUSE, url, "--quiet", "--output=json",
         f"--output-path={report}",
         "--only-categories=performance,accessibility,best-practices,seo",
         f"--chrome-flags={CHROME_FLAGS}"],
        check=True, env=dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH",
                                                                     "/usr/bin/chromium")),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    data = json.loads(report.read_text(encoding="utf-8"))
    audits = data["audits"]
    failing = [audits[ref["id"]]["id"] for ref in data["categories"]["accessibility"]["auditRefs"]
               if ref["weight"] > 0 and audits[ref["id"]]["score"] is not None
               and audits[ref["id"]]["score"] < 1]
    return {"accessibility": round(data["categories"]["accessibility"]["score"] * 100),
            "failing": failing,
            "main_thread_ms": audits["mainthread-work-breakdown"]["numericValue"],
            "tbt_ms": audits["total-blocking-time"]["numericValue"]}


def measure(page: str = "about/print/", runs: int = 3) -> dict:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="bench-lighthouse-") as tmp:
        sites = dict(zip(("edition", "plain"), build_both(Path(tmp))))
        servers = {name: serve(site, compress=True) for name, site in sites.items()}
        results: dict[str, list] = {"edition": [], "plain": []}
        try:
            for run in range(runs):
                for name, (_, base) in servers.items():
                    results[name].append(audit(base + page, OUT / f"compare-{name}-{run}.json"))
        finally:
            for server, _ in servers.values():
                server.shutdown()
    out = {"page": page, "runs": runs}
    for name, reports in results.items():
        out[name] = {key: statistics.median(r[key] for r in reports)
                     for key in ("accessibility", "main_thread_ms", "tbt_ms")}
        out[name]["failing"] = sorted({f for r in reports for f in r["failing"]})
    return out


def rows(result: dict) -> list[tuple]:
    ed, plain = result["edition"], result["plain"]
    return [(f"/{result['page']}: accessibility, edition / plain Material (median of "
             f"{result['runs']})", f"{ed['accessibility']:.0f} / {plain['accessibility']:.0f}"
             + (f" (edition fails: {', '.join(ed['failing'])})" if ed["failing"] else ""),
             "100", "ok" if ed["accessibility"] == 100 else "UNDER"),
            ("  main-thread work, edition / plain Material",
             f"{ed['main_thread_ms'] / 1000:.1f} s / {plain['main_thread_ms'] / 1000:.1f} s = "
             f"{ed['main_thread_ms'] / plain['main_thread_ms']:.2f}×", "≤ 1×",
             "ok" if ed["main_thread_ms"] <= plain["main_thread_ms"] else "OVER"),
            ("  total blocking time, edition / plain Material",
             f"{ed['tbt_ms']:.0f} ms / {plain['tbt_ms']:.0f} ms", "", "")]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", default="about/print/")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(table(rows(measure(args.page, args.runs)), ("Benchmark", "Figure", "Budget", "Verdict")))
