"""`make bench`: run the four benchmarks and print their figures as one table.

    python bench/run.py [--quick]     --quick: fewer repetitions and only 1× and 10× the data

Each benchmark is also a script of its own (build_overhead.py, reload_latency.py, scale.py,
page_weight.py); Lighthouse is bench/lighthouse.sh and bench/lighthouse_compare.py (`make
lighthouse`). Figures depend on the machine and on what else it is doing: compare them within one
run, not across machines (the ratios to plain Material and to a full build are the figures that
carry over). CI runs the quick mode: its figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import platform
import time

import build_overhead
import page_weight
import reload_latency
import scale
from common import ROOT, table

if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    quick = parser.parse_args().quick
    started = time.perf_counter()
    rows = []
    steps = [("build time, hooks on and off", lambda: build_overhead.rows(
                 build_overhead.measure(runs=2 if quick else 5))),
             ("reload under make serve", lambda: reload_latency.rows(
                 reload_latency.measure(edits=2 if quick else 6))),
             ("scaling the data", lambda: scale.rows(
                 scale.measure((1, 10) if quick else (1, 10, 100)))),
             ("bytes downloaded", lambda: page_weight.rows(page_weight.measure()))]
    for name, step in steps:
        print(f"... {name}", flush=True)
        rows += step()
    print(f"\n{ROOT.name}: Python {platform.python_version()}, {platform.machine()}, "
          f"{time.perf_counter() - started:.0f} s\n")
    print(table(rows, ("Benchmark", "Figure", "Budget", "Verdict")))
