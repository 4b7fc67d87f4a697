"""`make serve` (mkdocs serve --strict) as an author uses it: a mistake saved in data/ is shown
at the top of the page being read, with file:line, and in the terminal without a traceback;
once it is fixed the page reloads without it (hooks/edition/build/serve.py). Real server,
real files, polled over HTTP; no timing is asserted."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pytest

from conftest import Project, fetch, free_port

PAGE = "middle-range/"
PREFIX = "/turkey-azerbaijan-2020-2024/"


def wait_for(url: str, condition, seconds: float = 180) -> str:
    """The page once `condition(html)` holds (polled), or a failure naming what was seen."""
    deadline, html = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        html = fetch(url)
        if html and condition(html):
            return html
        time.sleep(0.5)
    pytest.fail(f"{url} never showed what was awaited; last seen:\n{html[:500]}")


@pytest.fixture
def served(project: Project):
    port = free_port()
    log = open(project.root / "serve.log", "w+", encoding="utf-8")  # noqa: SIM115
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "-f",
         str(project.root / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project.root, stdout=log, stderr=subprocess.STDOUT,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    try:
        yield project, f"http://127.0.0.1:{port}{PREFIX}{PAGE}", log
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_a_data_error_shows_on_the_page_and_the_server_recovers(served):
    project, url, log = served
    wait_for(url, lambda html: "fact" in html)  # the first build is up
    line = project.line_of("data/facts.yml", "- id: defence-exports-2024") + 1
    project.edit("data/facts.yml", "- id: defence-exports-2024\n  value: 6.7\n",
                 "- id: defence-exports-2024\n  value: 6.7 billion\n")
    broken = wait_for(url, lambda html: 'class="build-problems"' in html)
    banner = re.search(r'<div class="build-problems".*?</ul></div>', broken, re.DOTALL).group(0)
    assert (f"data/facts.yml:{line}: fact &#x27;defence-exports-2024&#x27;: &#x27;value&#x27; "
            "must be a number") in banner
    project.edit("data/facts.yml", "  value: 6.7 billion\n", "  value: 6.7\n")
    fixed = wait_for(url, lambda html: 'class="build-problems"' not in html)
    assert 'data-fact="defence-exports-2024"' in fixed
    log.seek(0)
    terminal = log.read()
    assert f"data/facts.yml:{line}: fact 'defence-exports-2024': 'value' must be a number" in (
        terminal)
    assert "Traceback" not in terminal
