"""Where the outside tools are, and what to do when one is missing: skip, saying why and how to
install it, on a developer's machine; fail in CI (the CI variable set), where every tool from a
package registry must run. Zotero's translation-server is not on one: it is skipped, saying so,
wherever none answers, unless EDITION_ZOTERO_REQUIRED is set (the GitHub workflow starts one and
sets it). The tools are pinned: npm packages in tests/tools/package.json + package-lock.json
(`npm ci --ignore-scripts` there), pybtex in the test lock (requirements/test.txt)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
TOOLS = HERE.parent / "tools"
NODE_MODULES = TOOLS / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
NPM_HINT = "run `npm ci --ignore-scripts` in tests/tools/"

# Zotero's translation-server (not on a package registry): the URL of a running one. Locally,
# start one from its repository (tests/tools/README.md), as CI does. EDITION_ZOTERO_SITE_HOST is
# the name under which that server reaches this machine's test server (a server in a container
# cannot reach this machine's 127.0.0.1).
ZOTERO_URL = os.environ.get("EDITION_ZOTERO_URL", "http://127.0.0.1:1969").rstrip("/")
ZOTERO_SITE_HOST = os.environ.get("EDITION_ZOTERO_SITE_HOST", "127.0.0.1")


def missing(tool: str, problem: str) -> None:
    """Skip the calling test (or fixture) because `tool` cannot run; in CI, fail instead."""
    message = f"{tool} cannot run: {problem}"
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI must run every outside tool)", pytrace=False)
    pytest.skip(message)


def node() -> str:
    path = shutil.which("node")
    if not path:
        missing("Node.js", "no `node` on PATH")
    return path


def node_package(name: str) -> Path:
    """The installed npm package `name` of tests/tools/, or skip/fail."""
    node()
    folder = NODE_MODULES / name
    if not (folder / "package.json").is_file():
        missing(name, f"the npm package is not installed ({NPM_HINT})")
    return folder


def run_node(script: str, payload, timeout: int = 900, env: dict | None = None):
    """Run tests/outside/SCRIPT with `payload` as JSON on stdin; its stdout parsed as JSON."""
    result = subprocess.run([node(), str(HERE / script)], input=json.dumps(payload),
                            capture_output=True, text=True, timeout=timeout,
                            env={**os.environ, **(env or {})})
    assert result.returncode == 0, f"{script} failed:\n{result.stderr[-3000:]}"
    return json.loads(result.stdout)


def java() -> str:
    path = shutil.which("java")
    if not path:
        missing("the Nu HTML Checker", "no `java` on PATH (it needs Java 11 or later)")
    if not VNU_JAR.is_file():
        missing("the Nu HTML Checker", f"vnu-jar is not installed ({NPM_HINT})")
    return path


def zotero_reachable() -> str:
    """ZOTERO_URL if a translation-server answers there (it imports a one-line RIS record),
    else skip/fail saying where it was looked for."""
    record = "TY  - JOUR\nTI  - Probe\nER  - \n"
    request = urllib.request.Request(ZOTERO_URL + "/import", data=record.encode(),
                                     headers={"Content-Type": "text/plain"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            items = json.load(response)
        if items and items[0].get("title") == "Probe":
            return ZOTERO_URL
        problem = f"{ZOTERO_URL} answered, but not as Zotero's translation-server"
    except (OSError, urllib.error.URLError, ValueError) as error:
        problem = f"no translation-server answers at {ZOTERO_URL} ({error})"
    message = (f"Zotero's translation-server cannot run: {problem}; start one "
               "(tests/tools/README.md) or set EDITION_ZOTERO_URL")
    # not on a package registry: CI skips it, saying so, unless the workflow started one and
    # requires it (EDITION_ZOTERO_REQUIRED=1, as .github/workflows/ci.yml does)
    if os.environ.get("EDITION_ZOTERO_REQUIRED"):
        pytest.fail(message + " (EDITION_ZOTERO_REQUIRED is set)", pytrace=False)
    pytest.skip(message)
    return ""
