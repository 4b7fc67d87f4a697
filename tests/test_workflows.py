"""The GitHub workflows and the Dependabot configuration pass zizmor's audits (run offline,
pinned in requirements/test.in) with no finding, and every action is pinned to a full commit
SHA with its version in a comment, which is how Dependabot keeps such pins fresh."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
USES_RE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<comment>.*)$", re.MULTILINE)
PINNED_RE = re.compile(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}")
VERSION_COMMENT_RE = re.compile(r"\s+# v\d+\.\d+\.\d+\s*$")


def zizmor() -> str:
    """The zizmor installed beside this Python (the test lock's), else the one on PATH."""
    beside = Path(sys.executable).parent / "zizmor"
    found = str(beside) if beside.is_file() else shutil.which("zizmor")
    if found is None:
        pytest.fail("zizmor is not installed: run `make test` (requirements/test.txt pins it)",
                    pytrace=False)
    return found


def where(finding: dict) -> str:
    """'.github/workflows/ci.yml:14', the place zizmor names first for a finding."""
    for location in finding.get("locations", []):
        if location["symbolic"].get("kind") == "Primary":
            path = location["symbolic"]["key"].get("Local", {}).get("verbatim_path", "?")
            return f"{path}:{location['concrete']['location']['start_point']['row'] + 1}"
    return "?"


def test_zizmor_finds_nothing_in_the_workflows_and_dependabot_config():
    assert WORKFLOWS and (GITHUB / "dependabot.yml").is_file()
    # --no-config and --no-ignores: no configuration file or ignore comment can hide a finding
    result = subprocess.run(
        [zizmor(), "--offline", "--no-config", "--no-ignores", "--no-progress",
         "--format", "json", "--collect=all", str(GITHUB.relative_to(ROOT))],
        capture_output=True, text=True, cwd=ROOT, check=False)
    findings = json.loads(result.stdout) if result.stdout.strip() else None
    assert findings is not None, f"zizmor printed no report:\n{result.stderr}"
    audited = re.findall(r"completed (\S+)", result.stderr)
    assert {Path(path).name for path in audited} >= {"dependabot.yml",
                                                      *(w.name for w in WORKFLOWS)}, result.stderr
    summary = [f"{where(finding)}: {finding['ident']}: {finding['desc']}" for finding in findings]
    assert not summary, "zizmor findings (see https://docs.zizmor.sh/audits/):\n" + "\n".join(
        summary)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(workflow):
    uses = list(USES_RE.finditer(workflow.read_text(encoding="utf-8")))
    assert uses, workflow.name
    for match in uses:
        ref, comment = match["ref"], match["comment"]
        if ref.startswith(("./", "docker://")):
            continue  # a local action or an image, not a repository at a tag
        assert PINNED_RE.fullmatch(ref), f"{workflow.name}: {ref} is not pinned to a commit SHA"
        assert VERSION_COMMENT_RE.fullmatch(comment), (
            f"{workflow.name}: {ref} needs its version in a comment: '@<sha> # vX.Y.Z'")
