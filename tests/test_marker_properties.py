"""Property-based tests (Hypothesis) of the marker scanner and the renderer
(hooks/edition/markup/, hooks/edition/render/page.py): whatever a page holds, the result is a
scan or problems located at file:line, never an exception; and the scan reads markers where
Markdown does.

Each runs in-process on small inputs (no site is built); the examples are derived from a fixed
seed under CI, so a failure there is reproducible.
"""

from __future__ import annotations

import os
import re
from functools import cache

import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import LANGUAGES, ROOT
from edition.build.events import CODE_RE
from edition.checks.audit import run_audit
from edition.checks.errata import merge_errata
from edition.data.ledger import load_ledger
from edition.data.problems import DataError
from edition.markup.scan import decode_page, scan_page
from edition.markup.syntax import MARKER_RE, read_source
from edition.render.markers import KINDS
from edition.render.notes import PageNotes, Repository
from edition.render.page import render_page

# HYPOTHESIS_EXAMPLES=2000 for a longer search (100 take about 10 s)
SETTINGS = settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "100")),
                    deadline=None, database=None, derandomize=bool(os.environ.get("CI")),
                    suppress_health_check=[HealthCheck.too_slow])
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "docs").rglob("*.md"))
# Pieces a contributor's edit is made of: marker syntax, Markdown, quotes, digits, bytes that
# are rarely seen together
PIECES = ["{{", "}}", "{", "}", "|", ":", "fact", "cite", "table", "chart", "summary",
          "tb2-lost", "witt-2022", "words", "footnote 9", "`", "```", "~~~", "<!--", "-->", "<",
          ">", "[", "]", "(", ")", "![", "[^", "#", "## ", "{#", "{:", "\n", "\n\n", "    ", "\t",
          "- ", "1. ", "!!! note\n", "---\n", "2", "1,960", "87.5", "\u00e9", "\u200b", "\x00",
          "\r", "\\"]
SOURCE = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map(
    "".join)


@cache
def real_ledger():
    return load_ledger(ROOT / "data", languages=LANGUAGES)


@cache
def errata():
    return merge_errata(real_ledger(), run_audit(real_ledger()), [])


def lines_of(text: str) -> int:
    return text.count("\n") + 1


def assert_located(problems, rel: str, text: str) -> None:
    for problem in problems:
        assert problem.file == rel, problem
        assert 1 <= problem.line <= lines_of(text), (problem, text)
        assert problem.message.strip(), problem


def scan_and_render(text: str, rel: str) -> None:
    """Scan a page; when the scan finds nothing wrong, render it as the build would."""
    ledger = real_ledger()
    result = scan_page(text, rel, ledger, KINDS)
    assert_located(result.problems, rel, text)
    for marker in result.markers:
        assert MARKER_RE.fullmatch(read_source(text).masked[marker.start:marker.end])
    if result.problems:
        return
    lang = "id" if rel.endswith(".id.md") else "en"
    base = rel.removeprefix("docs/").replace(".id.md", ".md")
    notes = PageNotes(errata(), Repository("https://example.org/r", "https://example.org/"),
                      ledger, lang, base, lambda kind: f"citation of the {kind}")
    try:
        out = render_page(text, ledger, base, lang, KINDS, notes=notes, source=rel)
    except DataError as err:
        assert_located(err.problems, rel, text)
        return
    assert isinstance(out, str)


@SETTINGS
@given(text=SOURCE)
def test_any_text_scans_and_renders_or_names_its_problems(text):
    scan_and_render(text, "docs/x.md")


@SETTINGS
@given(text=st.text(max_size=200))
def test_any_unicode_text_scans_and_renders_or_names_its_problems(text):
    scan_and_render(text, "docs/x.id.md")


@SETTINGS
@given(page=st.sampled_from(PAGES), where=st.floats(0, 1), edit=st.sampled_from(
    ["insert", "delete", "replace"]), char=st.one_of(st.sampled_from(PIECES), st.characters()))
def test_any_single_edit_of_a_real_page_scans_and_renders_or_names_its_problems(
        page, where, edit, char):
    text = (ROOT / page).read_text(encoding="utf-8")
    at = min(int(where * len(text)), len(text) - 1)
    text = {"insert": text[:at] + char + text[at:], "delete": text[:at] + text[at + 1:],
            "replace": text[:at] + char + text[at + 1:]}[edit]
    scan_and_render(text, page)


@SETTINGS
@given(data=st.binary(max_size=64))
def test_any_bytes_decode_or_name_the_line(data):
    text, problem = decode_page(b"ok\n" + data, "docs/x.md")
    if problem is None:
        assert text == (b"ok\n" + data).decode("utf-8")
    else:
        assert problem.file == "docs/x.md" and 2 <= problem.line <= data.count(b"\n") + 2
        assert "not valid UTF-8" in problem.message


# --- The scan reads markers where Markdown does -------------------------------------------
# Documents made of the constructs pages use (paragraphs, headings, lists, notes, fences,
# indented code, comments, code spans), each marker unique: the markers the scan finds are
# exactly those Markdown leaves outside code and comments. Constructs Markdown reads in ways
# no page should rely on (a fence inside a comment, a code span started in one list item and
# closed in another) are left out: there the build's own guards (markers left in the HTML, a
# marker rendered inside code) stop it.

def mkdocs_extensions() -> list[str]:
    config = yaml.safe_load(re.sub(r"!!python/\S+", "", (ROOT / "mkdocs.yml").read_text()))
    names = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    return [n for n in names if n != "pymdownx.snippets"]


EXTENSIONS = mkdocs_extensions()


@st.composite
def documents(draw):
    count = iter(range(1, 1000))

    def marker() -> str:
        return f"{{{{ fact:m{next(count)} }}}}"

    def words() -> str:
        parts = [draw(st.sampled_from(["Some text", "more words", "a `code span` here",
                                       "a <!-- comment --> here", "text"]))]
        if draw(st.booleans()):
            parts.append(marker())
        return " ".join(parts)

    def block(indent: str) -> str:
        kind = draw(st.sampled_from(["para", "para2", "heading", "list", "note", "fence",
                                     "indented", "comment", "span", "lazy"]))
        if kind == "para":
            return indent + words()
        if kind == "para2":
            return f"{indent}{words()}\n{indent}{words()}"
        if kind == "heading":
            return f"## {words()}" if not indent else indent + words()
        if kind == "list":
            item = f"{indent}- {words()}"
            if draw(st.booleans()):
                item += f"\n\n{indent}    {words()}"
            return item
        if kind == "note":
            return f"{indent}!!! note\n\n{indent}    {words()}"
        if kind == "fence":
            return f"{indent}```\n{indent}{words()}\n{indent}```"
        if kind == "indented":
            return f"{indent}    {words()}"
        if kind == "comment":
            return f"<!-- {words()}\n\n{words()} -->" if not indent else indent + words()
        if kind == "span":
            return f"{indent}a `span {marker()}\n{indent}over a line` {marker()}"
        return f"{indent}{words()}\n{indent}    {words()}"  # a lazy continuation

    blocks = []
    for _ in range(draw(st.integers(1, 6))):
        nested = blocks and blocks[-1].lstrip().startswith(("- ", "!!! "))
        indent = "    " if nested and draw(st.booleans()) else ""
        blocks.append(block(indent))
    return "\n\n".join(blocks) + "\n"


def shown_by_markdown(doc: str) -> set[str]:
    html = CODE_RE.sub("", markdown.markdown(doc, extensions=EXTENSIONS))
    return {m.group(0) for m in MARKER_RE.finditer(html)}


def found_by_scan(doc: str) -> set[str]:
    return {m.group(0) for m in MARKER_RE.finditer(read_source(doc).masked)}


@SETTINGS
@given(doc=documents())
def test_the_scan_reads_markers_where_markdown_does(doc):
    assert found_by_scan(doc) == shown_by_markdown(doc), doc
