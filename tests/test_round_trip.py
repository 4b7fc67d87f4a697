"""A stranger's correction, made the way CONTRIBUTING.md says, passes the tests: a number
corrected in data/facts.yml, the edition's error recorded on the Errata page dated today, a
changelog entry dated today and CHANGELOG.md rewritten with `make changelog`. On that copy of the
project, what the tests check of such a change holds: the build's checks find nothing
(build/check.py), CHANGELOG.md is the changelog's English text, every erratum is dated on a real
day no later than today, and a strict build publishes the corrected number."""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import LANGUAGES, ROOT, Project
from edition.build.check import check_project
from edition.data.ledger import load_ledger
from edition.pages.changelog import changelog_file

TODAY = datetime.date.today().isoformat()
ERRATUM = f"""
- id: btc-length-recorded-wrongly
  about: site
  title:
    en: The BTC pipeline's length recorded wrongly
    id: Panjang jalur pipa BTC tercatat keliru
  printed:
    en: The facts ledger gave 1,768 km.
    id: Daftar fakta mencantumkan 1.768 km.
  correction:
    en: It now gives the length the article prints.
    id: Kini mencantumkan panjang yang dicetak artikel.
  evidence:
    en: The article's paragraph on the BTC pipeline (footnote 15).
    id: Paragraf artikel tentang jalur pipa BTC (catatan kaki 15).
  status: fixed
  date: "{TODAY}"
"""
RELEASE = f"""- date: "{TODAY}"
  title:
    en: A corrected length
    id: Panjang yang dikoreksi
  changes:
    - en: The BTC pipeline's length is recorded as the article prints it.
      id: Panjang jalur pipa BTC dicatat sebagaimana dicetak artikel.

"""


def test_a_correction_made_as_contributing_says_passes_the_tests(project: Project):
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "`date -I`" in guide and "make changelog" in guide  # what the contributor follows
    root = project.root
    for name in ("Makefile", "requirements", "CHANGELOG.md"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, root / name)
    project.edit("data/facts.yml", "- id: btc-length\n  value: 1768\n",
                 "- id: btc-length\n  value: 1769\n")
    project.append("data/corrections.yml", ERRATUM)
    changelog = root / "data" / "changelog.yml"
    text = changelog.read_text(encoding="utf-8")
    first = text.index("\n- date:") + 1
    changelog.write_text(text[:first] + RELEASE + text[first:], encoding="utf-8")
    venv = Path(sys.executable).parent.parent
    made = subprocess.run(["make", "-C", str(root), "changelog", f"VENV={venv}"],
                          capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stdout + made.stderr
    assert (root / "CHANGELOG.md").read_text(encoding="utf-8") == changelog_file(root)
    assert "A corrected length" in changelog_file(root)
    assert check_project(root) == []
    ledger = load_ledger(root / "data", LANGUAGES)
    assert all(datetime.date.fromisoformat(c.date) <= datetime.date.today()
               for c in ledger.corrections)
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    ledger_page = (root / "site" / "evidence" / "facts" / "index.html").read_text()
    assert "1,769 km" in ledger_page and "1,768 km" not in ledger_page
