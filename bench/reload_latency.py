"""Benchmark 2: time from saving a file to the reloaded page under `make serve`, against a full
strict build measured in the same run.

A temporary copy of the project is served exactly as `make serve` does (`mkdocs serve
--strict`). Edits alternate between the two places an author saves: a fact's English label in
data/facts.yml (the facts ledger page is then fetched every 10 ms until it shows the new word)
and a sentence of docs/core-values.md (the chapter page, likewise). That is the rebuild the
author's browser waits for before live reload shows the change. Between edits, while the server
is idle, the same project is built in full (`mkdocs build --strict`, a process of its own, as
`make build` runs it), so both figures share the machine's conditions. Budget: the median
reload takes at most 0.25× the median full build.

Besides wall time, the CPU time of each (the server process's own, read from /proc, from the
save to the page; the build's from its rusage) is printed: on a machine shared with other work
the CPU ratio is the steadier figure.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from common import copy_project, env, free_port, mkdocs_build, read_config, table

BUDGET = 0.25
DOCS_PAGE, DOCS_FILE = "core-values/", "docs/core-values.md"
DATA_PAGE, DATA_FILE = "evidence/facts/", "data/facts.yml"


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def cpu_seconds(pid: int) -> float:
    """User + system time of a process so far (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_for(url: str, word: str, timeout: float, server: subprocess.Popen) -> float:
    """Seconds until the page at url contains word (polling every 10 ms)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout and server.poll() is None:
        if word in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.01)
    raise TimeoutError(f"{url} did not show {word!r} within {timeout:.0f} s"
                       + ("" if server.poll() is None else " (mkdocs serve exited)"))


def an_editable_label(facts_file: Path) -> str:
    """An English fact label that appears exactly once, verbatim, in facts.yml."""
    text = facts_file.read_text(encoding="utf-8")
    for fact in yaml.safe_load(text):
        label = fact.get("label")
        english = label.get("en") if isinstance(label, dict) else label
        if isinstance(english, str) and text.count(english) == 1:
            return english
    raise SystemExit("no fact label found verbatim in data/facts.yml")


def an_editable_sentence(page: Path) -> str:
    """A line of prose of the page (no marker, no heading) that appears once in it."""
    text = page.read_text(encoding="utf-8")
    for line in text.splitlines():
        if (len(line) > 40 and line[0].isalpha() and "{{" not in line and "[" not in line
                and text.count(line) == 1):
            return line
    raise SystemExit(f"no plain line of prose found in {page}")


def measure(edits: int = 6) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        project = copy_project(Path(tmp) / "project")
        places = {}
        for kind, rel, page, find in (("data", DATA_FILE, DATA_PAGE, an_editable_label),
                                      ("docs", DOCS_FILE, DOCS_PAGE, an_editable_sentence)):
            text = (project / rel).read_text(encoding="utf-8")
            places[kind] = (project / rel, text, find(project / rel), page)
        port = free_port()
        # mkdocs serve mounts the site at site_url's path
        mount = urlsplit(read_config(project).get("site_url") or "/").path.rstrip("/")
        log = (Path(tmp) / "serve.log").open("w")
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr",
             f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
            cwd=project, env=env(), stdout=log, stderr=subprocess.STDOUT)
        reloads = {"data": [], "docs": []}
        reload_cpu = {"data": [], "docs": []}
        builds, build_cpu = [], []
        try:
            first = wait_for(f"http://127.0.0.1:{port}{mount}/", "</html>", timeout=300,
                             server=server)
            for n in range(1, edits + 1):
                built = mkdocs_build(project, Path(tmp) / "full-site")  # the server is idle
                builds.append(built.seconds)
                build_cpu.append(built.cpu_s)
                time.sleep(1.0)  # let the server settle between edits
                kind = "data" if n % 2 else "docs"
                path, original, text, page = places[kind]
                word = f"zqxreload{n}"
                cpu = cpu_seconds(server.pid)
                path.write_text(original.replace(text, f"{text} {word}", 1), encoding="utf-8")
                reloads[kind].append(wait_for(f"http://127.0.0.1:{port}{mount}/{page}", word,
                                              timeout=300, server=server))
                reload_cpu[kind].append(cpu_seconds(server.pid) - cpu)
                path.write_text(original, encoding="utf-8")  # each edit starts from the original
                wait_for(f"http://127.0.0.1:{port}{mount}/{page}", "</html>", 300, server)
                time.sleep(1.0)
        except TimeoutError as err:
            log.flush()
            said = [line for line in (Path(tmp) / "serve.log").read_text(errors="replace")
                    .splitlines() if '"GET ' not in line]
            tail = "\n".join(said[-40:])
            raise SystemExit(f"{err}\n--- mkdocs serve said:\n{tail}") from None
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()
    every = reloads["data"] + reloads["docs"]
    every_cpu = reload_cpu["data"] + reload_cpu["docs"]
    median = statistics.median(every)
    full = statistics.median(builds)
    return {"first_build_s": first, "median_s": median, "min_s": min(every),
            "max_s": max(every), "edits": edits,
            "data_s": statistics.median(reloads["data"]),
            "docs_s": statistics.median(reloads["docs"]),
            "cpu_s": statistics.median(every_cpu), "full_build_s": full,
            "full_build_cpu_s": statistics.median(build_cpu), "ratio": median / full,
            "cpu_ratio": statistics.median(every_cpu) / statistics.median(build_cpu),
            "budget": BUDGET, "ok": median / full <= BUDGET}


def rows(result: dict) -> list[tuple]:
    return [(f"Save → page reloaded under `make serve` / full strict build (medians of "
             f"{result['edits']}, same run)", f"{result['median_s']:.2f} s / "
             f"{result['full_build_s']:.2f} s = {result['ratio']:.2f}×",
             f"≤ {result['budget']}×", "ok" if result["ok"] else "OVER"),
            ("  saving data/facts.yml / docs/core-values.md (median reload, min–max of all)",
             f"{result['data_s']:.2f} s / {result['docs_s']:.2f} s "
             f"({result['min_s']:.2f}–{result['max_s']:.2f} s)", "", ""),
            ("  CPU time: reload / full build", f"{result['cpu_s']:.2f} s / "
             f"{result['full_build_cpu_s']:.2f} s = {result['cpu_ratio']:.2f}×", "", "")]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=6)
    print(table(rows(measure(parser.parse_args().edits)),
                ("Benchmark", "Figure", "Budget", "Verdict")))
