"""Benchmark 2: time from saving a data file to the reloaded page under `mkdocs serve`.

A temporary copy of the project is served exactly as `make serve` does (--strict). A fact's
English label in data/facts.yml gets a new marker word and is saved; the facts ledger page is
then fetched every 10 ms until it shows the word. That is the rebuild a reader's browser waits
for before live reload shows the change (the browser's own reload adds a few milliseconds).
"""

from __future__ import annotations

import argparse
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

from common import copy_project, env, free_port, read_config, table

PAGE = "evidence/facts/"


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


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


def measure(edits: int = 5) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        project = copy_project(Path(tmp) / "project")
        facts_file = project / "data" / "facts.yml"
        original = facts_file.read_text(encoding="utf-8")
        label = an_editable_label(facts_file)
        port = free_port()
        # mkdocs serve mounts the site at site_url's path
        mount = urlsplit(read_config(project).get("site_url") or "/").path.rstrip("/")
        url = f"http://127.0.0.1:{port}{mount}/{PAGE}"
        log = (Path(tmp) / "serve.log").open("w")
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr",
             f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
            cwd=project, env=env(), stdout=log, stderr=subprocess.STDOUT)
        try:
            first = wait_for(url, "</html>", timeout=120, server=server)  # the first build
            times = []
            for n in range(1, edits + 1):
                time.sleep(1.0)  # let the server settle between edits
                word = f"zqxreload{n}"
                facts_file.write_text(original.replace(label, f"{label} {word}"), encoding="utf-8")
                times.append(wait_for(url, word, timeout=120, server=server))
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
    return {"first_build_s": first, "median_s": statistics.median(times),
            "min_s": min(times), "max_s": max(times), "edits": edits}


def rows(result: dict) -> list[tuple]:
    return [(f"Save data/facts.yml → page reloaded under `mkdocs serve` (median of "
             f"{result['edits']})", f"{result['median_s']:.2f} s (min {result['min_s']:.2f}, "
             f"max {result['max_s']:.2f})", "", "")]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=5)
    print(table(rows(measure(parser.parse_args().edits)),
                ("Benchmark", "Figure", "Budget", "Verdict")))
