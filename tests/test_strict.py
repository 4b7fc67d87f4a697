"""A warning fails every build target. `--strict` turns MkDocs' warnings (an unused fact, an
unrecorded audit finding, a broken link) into a failed build, but `-q` makes MkDocs stop counting
them (MkDocs issue 4126): every build and serve command of the project is strict and never
quiet, and a warning really stops `make build` and `make serve` (ProperDocs runs the same
command line, checked here; CI runs `make properdocs`)."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, Project

COMMAND_FILES = ["Makefile", ".ci/run", "bench/lighthouse.sh", *(
    p.relative_to(ROOT).as_posix() for p in (ROOT / ".github" / "workflows").glob("*.yml"))]
BUILD_RE = re.compile(r"(?:mkdocs|properdocs)\s+(?:build|serve)\b[^\n;|&]*")
UNUSED = ("\n- id: an-unused-number\n  value: 3\n  label: {en: Unused, id: Tak dipakai}\n"
          "  category: background\n  sources: []\n  sourced_by: none\n  status: as-stated\n")


def test_every_build_command_is_strict_and_never_quiet():
    found = []
    for name in COMMAND_FILES:
        for number, line in enumerate((ROOT / name).read_text().splitlines(), start=1):
            for command in BUILD_RE.findall(line.split("#", 1)[0] if name != "Makefile"
                                            else line):
                found.append(f"{name}:{number}")
                assert "--strict" in command, f"{name}:{number}: {command}"
                assert not re.search(r"\s(?:-q|--quiet)\b", command), f"{name}:{number}: {command}"
    assert any(f.startswith("Makefile") for f in found) and len(found) >= 4, found


QUIET_RE = re.compile(r"""["'](?:-q|--quiet)["']""")


def test_no_build_run_from_python_is_quiet():
    """The benchmarks, the release and the tests run `mkdocs build` from Python as an argument
    list: none of them may pass -q either (a benchmark would time a build that warned)."""
    checked = 0
    for path in sorted(p for d in ("bench", "hooks", "tests") for p in (ROOT / d).rglob("*.py")
                       if "node_modules" not in p.parts):
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if re.search(r"""["'](?:build|serve)["']""", line):
                checked += 1
                assert not QUIET_RE.search(line), f"{path.relative_to(ROOT)}:{number}: {line}"
    assert checked >= 5, checked


@pytest.fixture
def warned(project: Project) -> Project:
    """A copy of the project whose data holds a fact no page uses: a warning, not an error."""
    project.append("data/facts.yml", UNUSED)
    return project


def make(project: Project, *args: str) -> subprocess.CompletedProcess:
    venv = Path(sys.executable).parent.parent  # the venv the tests run in: nothing to install
    for name in ("Makefile", "requirements"):
        source = ROOT / name
        target = project.root / name
        if source.is_dir():
            shutil.copytree(source, target, dirs_exist_ok=True)
        else:
            target.write_bytes(source.read_bytes())
    return subprocess.run(["make", "-C", str(project.root), *args, f"VENV={venv}"],
                          capture_output=True, text=True, timeout=600)


def test_a_warning_fails_make_build(warned):
    result = make(warned, "build")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "fact 'an-unused-number' is not used on any page" in output
    assert "Aborted with 1 warnings in strict mode!" in output


def test_a_warning_stops_make_serve(warned):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = make(warned, "serve", f"DEV_ADDR=127.0.0.1:{port}")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Aborted with 1 warnings in strict mode!" in output
