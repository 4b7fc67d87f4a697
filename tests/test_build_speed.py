"""What makes a build cheaper must not change what it does (hooks/edition/build/memo.py).

data/ is loaded, validated and audited once per process while it is unchanged, not once per
language build; these tests check that the memo is reused when it should be, reloads when a
data file changes, never crosses project roots, still reports every problem, and that nothing
changes the shared values during a build.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import LANGUAGES, ROOT
from edition.build import events, memo
from edition.data.ledger import load_ledger
from edition.data.problems import DataError


@pytest.fixture(autouse=True)
def fresh_memo():
    memo.forget()
    yield
    memo.forget()


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A project root holding a copy of data/ only (all the loaders read)."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return tmp_path


# --------------------------------------------------------------------------- fingerprint


def test_fingerprint_is_stable_for_unchanged_data(data_copy):
    assert memo.fingerprint(data_copy, LANGUAGES) == memo.fingerprint(data_copy, LANGUAGES)


def test_fingerprint_changes_with_a_data_file(data_copy):
    before = memo.fingerprint(data_copy, LANGUAGES)
    facts = data_copy / "data" / "facts.yml"
    facts.write_text(facts.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert memo.fingerprint(data_copy, LANGUAGES) != before


def test_fingerprint_changes_with_a_table_added_or_removed(data_copy):
    before = memo.fingerprint(data_copy, LANGUAGES)
    extra = data_copy / "data" / "tables" / "extra.csv"
    extra.write_text("a\n1\n", encoding="utf-8")
    added = memo.fingerprint(data_copy, LANGUAGES)
    assert added != before
    extra.unlink()
    assert memo.fingerprint(data_copy, LANGUAGES) == before


def test_fingerprint_depends_on_the_root_and_the_languages(data_copy, tmp_path_factory):
    other = tmp_path_factory.mktemp("other")
    shutil.copytree(data_copy / "data", other / "data")
    assert memo.fingerprint(data_copy, LANGUAGES) != memo.fingerprint(other, LANGUAGES)
    assert memo.fingerprint(data_copy, LANGUAGES) != memo.fingerprint(data_copy, ("en",))


# --------------------------------------------------------------------------- remember


def test_same_key_reuses_the_value():
    calls = []

    def compute():
        calls.append(1)
        return object()

    first = memo.remember("x", "k1", compute)
    assert memo.remember("x", "k1", compute) is first
    assert len(calls) == 1
    assert memo.remember("x", "k2", compute) is not first
    assert len(calls) == 2


def test_a_key_of_none_is_never_remembered():
    calls = []
    memo.remember("x", None, lambda: calls.append(1))
    memo.remember("x", None, lambda: calls.append(1))
    assert len(calls) == 2


def test_a_failure_is_not_remembered():
    calls = []

    def failing():
        calls.append(1)
        raise DataError([])

    memo.remember("x", "k", lambda: "old value")
    for _ in range(2):
        with pytest.raises(DataError):
            memo.remember("x", "k2", failing)
    assert len(calls) == 2
    with pytest.raises(DataError):  # the old value is gone too: nothing stale survives a failure
        memo.remember("x", "k", failing)


# --------------------------------------------------------------------------- the ledger


def test_unchanged_data_is_loaded_once(data_copy, monkeypatch):
    calls = []
    real = events.load
    monkeypatch.setattr(events, "load", lambda *a, **k: calls.append(1) or real(*a, **k))
    key = memo.fingerprint(data_copy, LANGUAGES)
    first, problems = events.load_data(data_copy, LANGUAGES, key)
    again, _ = events.load_data(data_copy, LANGUAGES, memo.fingerprint(data_copy, LANGUAGES))
    assert again is first and problems == () and len(calls) == 1
    assert first == load_ledger(ROOT / "data", languages=LANGUAGES)


def test_an_edited_data_file_is_reloaded(data_copy):
    first, _ = events.load_data(data_copy, LANGUAGES, memo.fingerprint(data_copy, LANGUAGES))
    fact = next(iter(first.facts.values()))
    facts = data_copy / "data" / "facts.yml"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace(f"- id: {fact.id}\n", f"- id: {fact.id}-renamed\n", 1),
                     encoding="utf-8")
    second, problems = events.load_data(data_copy, LANGUAGES,
                                        memo.fingerprint(data_copy, LANGUAGES))
    assert second is not first
    assert f"{fact.id}-renamed" in second.facts and fact.id not in second.facts


def test_problems_are_reported_by_every_build_that_reuses_the_ledger(data_copy):
    facts = data_copy / "data" / "facts.yml"
    facts.write_text(facts.read_text(encoding="utf-8").replace(
        "- id: btc-length\n", "- id: btc-length\n  lable: oops\n", 1), encoding="utf-8")
    key = memo.fingerprint(data_copy, LANGUAGES)
    reports = [events.load_data(data_copy, LANGUAGES, key)[1] for _ in range(2)]
    assert reports[0] == reports[1]
    assert any(p.file == "data/facts.yml" and "unknown field 'lable'" in p.message
               for p in reports[0])


def test_errata_problems_are_raised_on_every_build(data_copy):
    facts = data_copy / "data" / "facts.yml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("  value: 6.7\n", "  value: 6.9\n"),
                     encoding="utf-8")  # a guarded value: its erratum must be reviewed
    key = memo.fingerprint(data_copy, LANGUAGES)
    ledger, problems = events.load_data(data_copy, LANGUAGES, key)
    assert problems == ()
    messages = []
    for _ in range(2):
        with pytest.raises(DataError) as err:
            events.check_errata(ledger, key)
        messages.append(str(err.value))
    assert messages[0] == messages[1] and "data/corrections.yml:" in messages[0]


def test_errata_are_reused_while_data_is_unchanged(data_copy):
    key = memo.fingerprint(data_copy, LANGUAGES)
    ledger, _ = events.load_data(data_copy, LANGUAGES, key)
    assert events.check_errata(ledger, key) is events.check_errata(ledger, key)


def test_generated_pages_are_reused_until_what_they_show_changes(data_copy, monkeypatch):
    from edition import pages as generated
    from edition.cite.version import Version
    from edition.markup.usage import usage_index
    from edition.render.markers import KINDS
    from edition.render.notes import Repository

    key = memo.fingerprint(data_copy, LANGUAGES)
    ledger, _ = events.load_data(data_copy, LANGUAGES, key)
    usage = usage_index(ledger, {}, KINDS)
    errata = events.check_errata(ledger, key)
    repository = Repository("https://example.org/r", "https://example.org/")

    def pages(commit: str) -> dict:
        context = generated.Context(ledger, usage, errata, repository,
                                    Version("2026-11-29", commit), "en")
        return events.made_pages(context, key)

    first = pages("aaaaaaa")
    calls = []  # a page that counts how often the pages are made
    monkeypatch.setitem(generated.GENERATED, "x.md", lambda *a: calls.append(1) or "x")
    assert pages("aaaaaaa") == first and calls == []  # same inputs: reused, nothing made
    remade = pages("bbbbbbb")  # another version: made again
    assert calls == [1] and "bbbbbbb" in remade["evidence/downloads.md"]
    assert "aaaaaaa" not in remade["evidence/downloads.md"]


# --------------------------------------------------------------------------- a real build

BUILD_SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[1] + "/hooks")
from edition.build import events, memo
calls = []
real = events.load
events.load = lambda *a, **k: calls.append(1) or real(*a, **k)
from mkdocs.__main__ import cli
try:
    cli(["build", "--strict", "-f", sys.argv[1] + "/mkdocs.yml", "-d", sys.argv[2]],
        standalone_mode=False)
finally:
    events.load = real
langs = ("en", "id")
(built, problems) = memo._LAST["ledger"][1]
fresh, _ = real(sys.argv[1] + "/data", langs)
errata = memo._LAST["errata"][1]
memo.forget()
print(json.dumps({"loads": len(calls), "problems": len(problems), "ledger_unchanged": built == fresh,
                  "records_unchanged": errata == events.check_errata(fresh)}))
"""


def test_a_build_loads_data_once_and_leaves_it_unchanged(tmp_path):
    """Both language builds of one `mkdocs build` share one ledger, and after the build it still
    equals a freshly loaded one (no per-language code changed the shared objects)."""
    result = subprocess.run(
        [sys.executable, "-c", BUILD_SCRIPT, str(ROOT), str(tmp_path / "site")],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report == {"loads": 1, "problems": 0, "ledger_unchanged": True,
                      "records_unchanged": True}
    assert (tmp_path / "site" / "id" / "index.html").exists()  # both languages were built


# --------------------------------------------------------------------------- libyaml

from edition.data import yamlfile as ledger_module  # noqa: E402

needs_libyaml = pytest.mark.skipif(ledger_module._FastLineLoader is None,
                                   reason="PyYAML was built without libyaml")


def same_tree(fast, pure, where="$"):
    """Equal values of equal types, and equal lines for every mapping and key."""
    assert type(fast) is type(pure), where
    if isinstance(pure, ledger_module.LineDict):
        assert (fast.line, fast.key_lines) == (pure.line, pure.key_lines), where
    if isinstance(pure, dict):
        assert list(fast) == list(pure), where
        for key in pure:
            same_tree(fast[key], pure[key], f"{where}.{key}")
    elif isinstance(pure, list):
        assert len(fast) == len(pure), where
        for index, (a, b) in enumerate(zip(fast, pure)):
            same_tree(a, b, f"{where}[{index}]")
    else:
        assert fast == pure, where


def load_both(tmp_path, text: str, monkeypatch) -> tuple:
    """load_yaml of text as the build reads it, and with the pure-Python loader only."""
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    fast_problems, pure_problems = [], []
    fast = ledger_module.load_yaml(path, "data/x.yml", fast_problems)
    with monkeypatch.context() as patch:
        patch.setattr(ledger_module, "_FastLineLoader", None)
        pure = ledger_module.load_yaml(path, "data/x.yml", pure_problems)
    return fast, fast_problems, pure, pure_problems


@needs_libyaml
@pytest.mark.parametrize("path", sorted((ROOT / "data").rglob("*.yml")),
                         ids=lambda p: p.relative_to(ROOT).as_posix())
def test_libyaml_reads_every_data_file_as_pyyaml_does(path):
    text = path.read_text(encoding="utf-8")
    assert not ledger_module._LIBYAML_DIFFERS.search(text), "the data files take the fast path"
    fast = ledger_module._parse(text, ledger_module._FastLineLoader)
    pure = ledger_module._parse(text, ledger_module._LineLoader)
    same_tree(fast[0], pure[0])
    assert fast[1] == pure[1]


@needs_libyaml
@pytest.mark.parametrize("text", [
    "a: 1\nb:\n  - c: 2\n    d: [x, {y: 3}]\n",          # plain
    "- id: a\n  id: b\n",                                  # duplicate key
    "base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n",          # merge key
    "date: 2024-01-01\n",                                  # dates stay text
    "a: [unclosed\n",                                      # syntax errors, worded by PyYAML
    "a: b: c\n",
    "- a\nb: c\n",
    "a: *undefined\n",
    "a:\t1\n",                                             # libyaml accepts, PyYAML does not
    "a: {label: Why?}\n",
    "a: !\n",
    "a: |# note\n  x\n",
    "a: 1\n\ufeffb: 2\n",
    "%YAML 1.1\n---\na: 1\n",
    "",
])
def test_load_yaml_gives_what_the_pure_python_loader_gives(tmp_path, monkeypatch, text):
    fast, fast_problems, pure, pure_problems = load_both(tmp_path, text, monkeypatch)
    assert fast_problems == pure_problems
    same_tree(fast, pure)


# --------------------------------------------------------------------------- chart SVG

import markdown  # noqa: E402

from edition.render.charts import stash as chart_stash  # noqa: E402

SVG = ('<svg class="chart__svg chart__svg--{v}" role="img" aria-labelledby="c-{v}-title" '
       "data-values='{{&quot;a&quot;: 1}}' viewBox=\"0 0 10 10\"><title id=\"c-{v}-title\">"
       "A *chart* &amp; 1_000</title>\n <g id=\"c-{v}-patch_1\">\n  <path d=\"M 0 0 L 1 1\"/>\n"
       " </g>\n</svg>\n")
FIGURE = ('<figure class="chart" id="chart-c" data-chart="c" markdown>\n'
          '<div class="chart__image">\n' + SVG.format(v="light") + "\n" + SVG.format(v="dark") +
          '</div>\n<figcaption markdown="span"><strong>Chart 1.</strong> A title[^1]. '
          "[CSV](c.csv){ .chart__csv }</figcaption>\n</figure>\n")
EXTENSIONS = ["abbr", "admonition", "attr_list", "footnotes", "md_in_html", "tables", "toc",
              "pymdownx.details", "pymdownx.superfences"]


def convert(text: str, stash: bool) -> str:
    extensions = EXTENSIONS + ([chart_stash.ChartStash()] if stash else [])
    return markdown.Markdown(extensions=extensions).convert(text)


@pytest.mark.parametrize("text", [
    f"# Page {{#page}}\n\nBefore.\n\n{FIGURE}\nAfter[^1].\n\n[^1]: A note.\n",
    f"{FIGURE}\n## Next {{#next}}\n\n{FIGURE}",                      # at the start, twice
    f"A paragraph\n{FIGURE}",                                         # no blank line before
    f"- a list item\n\n    {FIGURE}",                                 # indented
    f"!!! note\n\n    {FIGURE}",                                      # in an admonition
    f"```html\n{FIGURE}```\n",                                        # in fenced code
    f"<!--\n\n{FIGURE}-->\n",                                         # in a comment
    f"`{SVG.format(v='light').strip()}` inline\n",                    # in inline code
])
def test_markdown_gives_the_same_html_with_the_chart_svg_passed_through(text):
    assert convert(text, stash=True) == convert(text, stash=False)


def test_the_chart_svg_is_taken_out_only_where_it_is_a_raw_html_block():
    token = "chart-svg-" + "0" * 32
    taken, svgs = chart_stash.take_svgs(f"Text.\n\n{FIGURE}", token)
    assert len(svgs) == 2 and SVG.format(v="dark").strip() == svgs[1]
    assert "<path" not in taken and f"<svg>{token}-1</svg>" in taken
    assert chart_stash.put_back(taken, token, svgs) == f"Text.\n\n{FIGURE}"
    for text in (f"A paragraph\n{FIGURE}", f"    {FIGURE}", f"> {FIGURE}"):
        assert chart_stash.take_svgs(text, token) == (text, [])


def test_a_lost_chart_svg_stops_the_build():
    assert chart_stash.leftover(convert(f"Text.\n\n{FIGURE}", stash=True)) is None
    assert chart_stash.leftover(f"<p>&lt;svg&gt;chart-svg-{'a' * 32}-0&lt;/svg&gt;</p>")


def test_the_extension_is_installed_once_per_config():
    config = SimpleNamespace(markdown_extensions=["toc"])
    chart_stash.install(config)
    chart_stash.install(config)  # the second language's build runs on_config again
    assert sum(isinstance(e, chart_stash.ChartStash) for e in config.markdown_extensions) == 1
