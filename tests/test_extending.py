"""The worked examples of CONTRIBUTING.md, "Working on the code", work as written: a new data file
is one module in hooks/edition/data/ plus its test, a new marker kind one module in
hooks/edition/render/markers/ plus its test. A copy of the project gets exactly those files; their
tests pass there, and a strict build renders the new marker in both languages."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

from conftest import PROJECT_PARTS, ROOT, build

SCAN_TEST = '''
from edition.markup.scan import scan_page
from edition.render.markers import KINDS


def test_an_unknown_acronym_is_reported_where_it_is_written(ledger):
    (problem,) = scan_page("The {{ acronym:tanapp }} pipeline.", "docs/x.md", ledger, KINDS).problems
    assert str(problem) == ("docs/x.md:1: unknown acronym 'tanapp' (did you mean 'tanap'?) "
                            "(acronym ids live in data/acronyms.yml)")
'''


def blocks(guide: str, heading: str) -> list[tuple[str, str]]:
    """(language, text) of every fenced block under a ### heading of CONTRIBUTING.md."""
    section = guide[guide.index(heading):]
    section = section[:section.index("\n### ", 1) if "\n### " in section[1:] else len(section)]
    section = section.split("\n## ", 1)[0]
    return re.findall(r"```(\w+)\n(.*?)```", section, re.DOTALL)


def test_a_data_file_and_a_marker_kind_are_one_module_each(tmp_path):
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    (data_yaml, data_module, data_test) = [text for _, text in blocks(guide, "### Adding a data file")]
    (kind_module, kind_test) = [text for _, text in blocks(guide, "### Adding a marker kind")]
    for part in (*PROJECT_PARTS, "pyproject.toml"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, tmp_path / part,
                            ignore=shutil.ignore_patterns("__pycache__", "site"))
        else:
            shutil.copy2(source, tmp_path / part)
    (tmp_path / "tests").mkdir()
    shutil.copy2(ROOT / "tests" / "conftest.py", tmp_path / "tests" / "conftest.py")
    files = {"data/acronyms.yml": data_yaml,
             "hooks/edition/data/acronyms.py": data_module,
             "hooks/edition/render/markers/acronym.py": kind_module,
             "tests/test_acronyms.py": data_test,
             "tests/test_acronym_marker.py": kind_test,
             "tests/test_acronym_scan.py": SCAN_TEST}
    for path, text in files.items():
        (tmp_path / path).write_text(text, encoding="utf-8")
    tests = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         "tests/test_acronyms.py", "tests/test_acronym_marker.py", "tests/test_acronym_scan.py"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "3 passed" in tests.stdout
    for page in ("docs/middle-range.md", "docs/middle-range.id.md"):  # the same section in both
        with (tmp_path / page).open("a", encoding="utf-8") as handle:
            handle.write("\n{{ acronym:tanap }}\n")
    result = build(tmp_path, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for page in ("middle-range/index.html", "id/middle-range/index.html"):
        html = (tmp_path / "site" / page).read_text(encoding="utf-8")
        assert '<abbr title="Trans-Anatolian Natural Gas Pipeline">TANAP</abbr>' in html, page
