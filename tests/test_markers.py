"""The marker syntax, where markers count, and the typed-number rule (hooks/edition/markup/)."""

from types import SimpleNamespace

import pytest

from edition.data.ledger import Ledger
from edition.markup.numbers import typed_numbers
from edition.markup.scan import decode_page, scan_page
from edition.markup.syntax import mask_code, replace_markers
from edition.render.markers import KINDS

FACTS = {"tb2-lost": 2, "btc-length": 1768, "tb2-operational-effectiveness": 87.5,
         "russian-peacekeepers": 1960}


def scan(text, **kwargs):
    ledger = Ledger(("en",), {"facts": {k: SimpleNamespace(id=k, value=v) for k, v in FACTS.items()},
                              "sources": {"witt-2022": None}, "tables": {"tb2-fleet": None}},
                    unreadable=frozenset({"charts"}))
    return scan_page(text, "docs/x.md", ledger, KINDS, **kwargs)


@pytest.mark.parametrize("text, flagged", [
    ("In 2020 the war began.", []),
    ("The war of 2020–2024 and the period 2018–22.", []),
    ("It lasted from 15 June 2021 to June 15.", []),
    ("See Figure 1.2, Gambar 4.3, footnote 8 and footnotes 7 and 8.", []),
    ("The Bayraktar TB2 and the F16 are names.", []),
    ("1. First item\n2. Second item", []),
    ("Cite it in APA 7.", []),
    ("The drones destroyed 160 targets.", ["160"]),
    ("Effectiveness reached 87.5%.", ["87.5"]),
    ("About 1,960 troops.", ["1,960"]),
    ("The 8th summit met.", []),  # glued to letters: a name, so flagged only as a fact marker
    ("`1,960` in code and <!-- 42 --> in a comment", []),
    ("[link](page-2.md#section-3) and {#id-4}", []),
], ids=["year", "year-ranges", "dates", "figure-numbers", "names", "list-numbers", "standards",
        "count", "percent", "grouped", "ordinal-glued", "code-and-comments", "links-attrs"])
def test_typed_numbers(text, flagged):
    assert [token for _, token in typed_numbers(mask_code(text))] == flagged


def test_typed_number_suggests_the_fact_with_that_value():
    problems = scan("The pipeline runs 1768 km.").problems
    assert len(problems) == 1
    assert "did you mean {{ fact:btc-length }}?" in problems[0].message
    assert problems[0].line == 1


@pytest.mark.parametrize("text, fact", [
    ("About 1960 peacekeepers came.", "russian-peacekeepers"),   # year-like, but a fact's value
    ("Sekitar 1.960 pasukan.", "russian-peacekeepers"),          # Indonesian thousands point
    ("Efektivitasnya 87,5%.", "tb2-operational-effectiveness"),  # Indonesian decimal comma
])
def test_a_typed_number_is_matched_to_its_fact_in_either_language(text, fact):
    (problem,) = scan(text).problems
    assert f"did you mean {{{{ fact:{fact} }}}}?" in problem.message


def test_markers_in_code_are_left_alone():
    text = "Real {{ fact:tb2-lost }}.\n\n```\n{{ fact:nope }}\n```\n\nAnd `{{ cite:nope }}`."
    result = scan(text)
    assert not result.problems
    assert [(m.kind, m.arg) for m in result.markers] == [("fact", "tb2-lost")]
    rendered = replace_markers(text, lambda kind, arg, loc, line: f"<{arg}>")
    assert "Real <tb2-lost>." in rendered and "{{ fact:nope }}" in rendered
    assert "`{{ cite:nope }}`" in rendered


def test_markers_know_their_line_and_section():
    text = "# T\n\n## Security {#security}\n\nText\n{{ fact:tb2-lost }}\n"
    marker = scan(text).markers[0]
    assert (marker.line, marker.section) == (6, "security")


@pytest.mark.parametrize("text, message", [
    ("{{ fact:tb2-lots }}", "unknown fact 'tb2-lots' (did you mean 'tb2-lost'?)"),
    ("{{ cite:wit-2022 }}", "unknown cite 'wit-2022' (did you mean 'witt-2022'?)"),
    ("{{ table:tb2-flet }}", "unknown table 'tb2-flet' (did you mean 'tb2-fleet'?)"),
    ("{{ fakt:tb2-lost }}", "unknown marker kind 'fakt'"),
    ("{{ fact tb2-lost }}", "malformed marker"),
    ("{{ fact:tb2-lost | p. 3 }}", "a fact marker takes only '| words', not 'p. 3' (a fact's "
                                   "sources and their locators live in data/facts.yml)"),
    ("## Heading without id", "heading 'Heading without id' has no explicit id"),
], ids=["fact", "cite", "table", "kind", "malformed", "locator", "heading"])
def test_page_problems_name_the_line_and_the_fix(text, message):
    problems = scan("Intro\n\n" + text + "\n").problems
    assert len(problems) == 1, problems
    assert problems[0].line == 3
    assert message in problems[0].message


def test_footnote_reference_never_starts_a_line():
    text = "A list follows\n{{ cite:witt-2022 }}:\n\n- item\n"
    out = replace_markers(text, lambda *a: "[^witt-2022]")
    assert "follows[^witt-2022]:" in out
    assert "\n[^witt-2022]" not in out
    alone = replace_markers("{{ cite:witt-2022 }}: text", lambda *a: "[^witt-2022]")
    assert alone.startswith("&#8203;[^witt-2022]")


@pytest.mark.parametrize("text, expected", [
    ("Research (2021) {{ cite:a }} {{ cite:b }}.", "Research (2021)[^a][^b]."),
    ("in the text {{ cite:a }}\n{{ cite:b }} and more", "in the text[^a][^b] and more"),
    ("- {{ cite:a }} a list item", "- [^a] a list item"),
    ("| cell | {{ cite:a }} |", "| cell | [^a] |"),
    ("> {{ cite:a }} quoted", "> [^a] quoted"),
])
def test_a_footnote_reference_follows_its_word_without_a_space(text, expected):
    assert replace_markers(text, lambda kind, arg, *rest: f"[^{arg}]") == expected


# Where a marker stands: text (code, comments), a mistake (indented code, links, attribute
# lists, tags, a block kind inside a paragraph), or a marker (hooks/edition/markup/syntax.py).

@pytest.mark.parametrize("text", [
    "- item\n\n    continued {{ fact:tb2-lost }}\n",             # a list item's second paragraph
    "1. item\n\n    continued {{ fact:tb2-lost }}\n",
    "!!! note\n\n    in a note {{ fact:tb2-lost }}\n",
    '??? note "Title"\n    in a note {{ fact:tb2-lost }}\n',
    "Para\n    lazily continued {{ fact:tb2-lost }}\n",           # no blank line: same paragraph
    "Para\n\n   three spaces {{ fact:tb2-lost }}\n",
    "- item\n\n      six spaces in a list {{ fact:tb2-lost }}\n",
], ids=["list", "ordered-list", "admonition", "details", "lazy", "three-spaces", "list-six"])
def test_indented_prose_in_a_container_is_prose(text):
    result = scan(text)
    assert not result.problems
    assert [(m.kind, m.arg) for m in result.markers] == [("fact", "tb2-lost")]


@pytest.mark.parametrize("text, line", [
    ("Para\n\n    {{ fact:tb2-lost }}\n", 3),
    ("Para\n\n\t{{ fact:tb2-lost }}\n", 3),
    ("## Heading {#h}\n    {{ fact:tb2-lost }}\n", 2),            # after a heading, no blank
    ("- item\n\n        {{ fact:tb2-lost }}\n", 3),              # code inside a list item
    ("!!! note\n    text\n\n        code\n        {{ fact:tb2-lost }}\n", 5),
], ids=["spaces", "tab", "after-heading", "in-list", "in-admonition"])
def test_a_marker_in_an_indented_code_block_is_reported(text, line):
    result = scan(text)
    (problem,) = result.problems
    assert problem.line == line
    assert "'{{ fact:tb2-lost }}' is in an indented code block" in problem.message
    assert "remove the indentation" in problem.message and "fenced code block" in problem.message
    assert not result.markers
    # the renderer leaves it as the code it is; the page would show it literally
    assert "{{ fact:tb2-lost }}" in replace_markers(text, lambda *a: "<rendered>")


@pytest.mark.parametrize("text", [
    "a <!-- {{ fact:nope }} --> b",                                  # inside a paragraph
    "<!--\n{{ fact:nope }}\n\nstill a comment\n-->\n",               # a block may span blanks
    "```\n{{ fact:nope }}\n```\n",
    "```python\n{{ fact:nope }}\n```\n",
    "- item\n\n    ```\n    {{ fact:nope }}\n    ```\n",
    "A `{{ fact:nope }}` span",
    "A ``code with ` and {{ fact:nope }}`` span",
    "A `span over\n{{ fact:nope }} a line`",
    "---\ntitle: '{{ fact:nope }}'\n---\n\nText\n",
], ids=["inline-comment", "block-comment", "fence", "fence-lang", "fence-in-list", "code-span",
        "double-backticks", "span-over-lines", "front-matter"])
def test_markers_in_code_comments_and_front_matter_are_text(text):
    result = scan(text)
    assert not result.problems and not result.markers
    assert replace_markers(text, lambda *a: "<rendered>") == text


@pytest.mark.parametrize("text, marker", [
    ("a `<!--` b {{ fact:tb2-lost }} c `-->` d", "tb2-lost"),     # code spans before comments
    ("```\nnever closed\n{{ fact:tb2-lost }}\n", "tb2-lost"),      # an unclosed fence is text
    ("``` not a language\n{{ fact:tb2-lost }}\n", "tb2-lost"),
    ("Escaped \\`tick {{ fact:tb2-lost }} `code`", "tb2-lost"),
    ("A `code\n\n{{ fact:tb2-lost }} span` stops at a blank line", "tb2-lost"),
    ("## A `code\n{{ fact:tb2-lost }} span` stops at a heading's end", "tb2-lost"),
], ids=["span-first", "unclosed-fence", "bad-fence", "escaped-backtick", "span-blank",
        "span-heading"])
def test_what_markdown_reads_as_prose_is_a_marker(text, marker):
    assert [m.arg for m in scan(text, check_numbers=False).markers] == [marker]


@pytest.mark.parametrize("text", [
    "a <!-- never closed {{ fact:tb2-lost }}",
    "a <!-- open\n\nacross a blank line -->",
    "!!! note\n    <!-- open\n\n    across a blank line in a note -->\n",
], ids=["never-closed", "inline-across-blank", "note-across-blank"])
def test_a_comment_markdown_shows_as_text_is_reported(text):
    problems = [p for p in scan(text).problems if "'<!--' opens an HTML comment" in p.message]
    assert problems and "close it with '-->'" in problems[0].message


@pytest.mark.parametrize("text, where", [
    ("See [the {{ fact:tb2-lost }} drones](core-values.md).", "in a link's text"),
    ("See ![a {{ fact:tb2-lost }} photo](x.png).", "in a link's text"),
    ("See [the drones]({{ fact:tb2-lost }}).", "in a link's target"),
    ("See [the drones][{{ fact:tb2-lost }}].", "in a link's target"),
    ("[ref]: https://example.org/{{ fact:tb2-lost }}", "in a link definition"),
    ('## Drones {#drones title="{{ fact:tb2-lost }}"}', "in an attribute list"),
    ('{: title="{{ fact:tb2-lost }}" }', "in an attribute list"),
    ('<abbr title="{{ fact:tb2-lost }}">TB2</abbr>', "in an HTML tag"),
], ids=["link-text", "image-alt", "link-target", "reference", "definition", "heading-attrs",
        "block-attrs", "tag"])
def test_a_marker_where_its_html_cannot_go_is_reported(text, where):
    problems = [p for p in scan("Intro\n\n" + text + "\n", check_numbers=False).problems
                if "stands" in p.message]
    assert len(problems) == 1, problems
    assert problems[0].line == 3
    assert f"'{{{{ fact:tb2-lost }}}}' stands {where}" in problems[0].message
    assert ("move it out of the link" if "link" in where else "attributes take plain text"
            ) in problems[0].message


@pytest.mark.parametrize("text", [
    "[a link](page.md) then {{ fact:tb2-lost }}",
    "Brackets [around {{ fact:tb2-lost }}] but no link",
    "A footnote[^x] and {{ fact:tb2-lost }}",
    "## Heading {#h}\n\n{{ fact:tb2-lost }} {.not-an-attr-list-here}",
], ids=["after-link", "plain-brackets", "footnote", "attrs-elsewhere"])
def test_a_marker_beside_links_and_attributes_is_fine(text):
    assert not [p for p in scan(text, check_numbers=False).problems if "stands" in p.message]


@pytest.mark.parametrize("text, ok", [
    ("Intro\n\n{{ table:tb2-fleet }}\n\nMore", True),
    ("{{ table:tb2-fleet }}\n", True),
    ("Intro {{ table:tb2-fleet }} in a sentence.", False),
    ("Intro\n{{ table:tb2-fleet }}\n\nMore", False),
    ("Intro\n\n{{ table:tb2-fleet }}\nMore", False),
    ("- item\n\n    {{ table:tb2-fleet }}\n", False),   # indented in a list item
], ids=["own-line", "alone", "in-sentence", "no-blank-before", "no-blank-after", "in-list"])
def test_a_block_kind_stands_alone_between_blank_lines(text, ok):
    problems = [p for p in scan(text, check_numbers=False).problems if "renders a block" in p.message]
    assert (not problems) == ok, problems
    if not ok:
        assert "must stand alone on its line" in problems[0].message


@pytest.mark.parametrize("text, message", [
    ("{{ table:tb2-fleet | p. 3 }}", "'{{ table:tb2-fleet | p. 3 }}': table markers take nothing "
     "after '|'; write '{{ table:tb2-fleet }}' (fact markers take '| words'; cite markers take "
     "'| footnote 9' (a locator: where in the source))"),
    ("{{ cite:witt-2022 | }}", "'{{ cite:witt-2022 | }}': nothing follows '|'; write "
     "'{{ cite:witt-2022 | footnote 9 }}' or drop the '|'"),
    ("{{ fact:tb2-lost | word }}", "after '|' a fact marker takes only '| words', not 'word' "
     "(did you mean 'words'?)"),
    ("{{ fact:tb2-lost|Words }}", "not 'Words'"),
], ids=["no-option", "empty", "typo", "case"])
def test_what_follows_the_bar_is_checked(text, message):
    (problem,) = scan(text, check_numbers=False).problems
    assert message in problem.message


def test_a_malformed_marker_message_lists_every_form():
    (problem,) = scan("{{ fact tb2-lost }}").problems
    for form in ("'{{ fact:ID }}'", "'{{ fact:ID | words }}'", "'{{ cite:ID | footnote 9 }}'",
                 "'{{ table:ID }}'", "'{{ chart:ID }}'"):
        assert form in problem.message


def test_a_page_that_is_not_utf8_is_one_located_problem():
    data = "Title\n\nLine two\nCaf\u00e9 ".encode() + b"\xff\xfe rest\n"
    text, problem = decode_page(data, "docs/x.md")
    assert text == ""
    assert (problem.file, problem.line) == ("docs/x.md", 4)
    assert "not valid UTF-8: byte 0xff at column 7" in problem.message
    assert "save it as UTF-8" in problem.message
    assert decode_page("Caf\u00e9".encode(), "docs/x.md") == ("Caf\u00e9", None)


def test_render_time_problems_name_the_file_and_line_the_scan_names(ledger):
    """MkDocs hands on_page_markdown the page without its front matter; the renderer counts
    it back (body_offset), so its messages name the same file:line as the scan's."""
    from mkdocs.utils.meta import get_data

    from edition.data.problems import DataError
    from edition.markup.syntax import body_offset
    from edition.render.page import render_page

    source = "---\ntitle: T\ndescription: D\n---\n\n# Title\n\nText {{ fact:tb2-losst }}.\n"
    (scanned,) = scan_page(source, "docs/x.id.md", ledger, KINDS).problems
    body, _ = get_data(source)
    with pytest.raises(DataError) as raised:
        render_page(body, ledger, "x.md", "id", KINDS, source="docs/x.id.md",
                    line_offset=body_offset(source, body))
    (rendered,) = raised.value.problems
    assert (rendered.file, rendered.line) == (scanned.file, scanned.line) == ("docs/x.id.md", 8)
    assert rendered.message.startswith("unknown fact 'tb2-losst'")
    assert scanned.message.startswith("unknown fact 'tb2-losst'")
    assert "(fact ids live in data/facts.yml)" in rendered.message


def test_a_marker_rendered_inside_code_is_caught_in_the_html():
    from edition.render.page import rendered_in_code

    assert rendered_in_code('<pre><code>&lt;span class=&quot;fact&quot; data-fact=&quot;tb2-lost'
                            '&quot;&gt;2&lt;/span&gt;</code></pre>') == 'data-fact="tb2-lost'
    assert rendered_in_code('<p><span class="fact" data-fact="tb2-lost">2</span></p>'
                            '<pre><code>{{ fact:ID }}</code></pre>') is None


def test_a_table_caption_moves_into_its_table():
    from edition.render.markers.table import caption_tables

    html = ('<div class="data-table" id="table-x">\n<p class="table-caption"><strong>Table:'
            "</strong> A &amp; B</p>\n<table>\n<thead>\n")
    assert caption_tables(html) == ('<div class="data-table" id="table-x">\n<table>\n'
                                    '<caption class="table-caption"><strong>Table:</strong> '
                                    "A &amp; B</caption>\n<thead>\n", 0)
    # a caption Markdown left without its table is counted (the build fails on it), and never
    # swallows the text up to a later table
    lone = '<p class="table-caption">Lost</p>\n<p>Text</p>\n'
    assert caption_tables(lone + html) == (lone + caption_tables(html)[0], 1)
