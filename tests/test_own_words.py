"""The edition is in its own words: no run of 8 or more consecutive words is shared with the
article outside a quotation, a title, a name or a reference.

Words are compared normalised: case folded, accents dropped, punctuation ignored (so
"Nagorno-Karabakh" and "Nagorno Karabakh", "Türkiye" and "Turkiye" are the same words). The
article's text comes from $EDITION_ARTICLE (fixture `article_text`; without it these checks
skip). Its 8-word windows are hashed once into a set; each text of the edition is then scanned
window by window. Pages and data take well under a second; the rendered site a second or two,
most of it parsing HTML (lxml).

Three texts of the edition are checked:

- every Markdown page in docs/, both languages, with the front matter's `title:` and
  `description:` (they feed search and the page metadata);
- every human-language text in data/: each `{en: ..., id: ...}` value of every YAML file, and
  the cells of every `text` column of the tables (with their translations);
- the rendered site (facts filled in), both languages, main content only.

What is exempt is defined once, below (ARTICLE_*, MARKDOWN_*, DATA_*, RENDERED_*, QUOTES), and
kept narrow: a quotation is exempt only inside quotation marks; a title, name or reference only
where it is one. On the article's side, its title block (names, affiliation, dates), footnotes,
figure source lines and bibliography are not compared, and a run that lies wholly inside its
title, one of its headings or one of its figure captions is a title. On the edition's side,
footnotes, citation blocks and the fields that record what the article printed are left out. A pasted run is fixed by restating it in
the edition's own words with attribution ("the authors argue ..."), or, where the exact wording
matters, by quoting it inside quotation marks with the article as the source.

Generated pages left out of the rendered check (RENDERED_PAGES_EXEMPT), because reproducing
what the article printed is their purpose: the Sources page (evidence/sources/), which prints
every reference of the article as the article printed it. Its own prose (the notes) comes from
data/sources.yml, which the data check reads. On the Errata page, only the "Printed" item of
each entry is left out (RENDERED_ITEMS_EXEMPT), for the same reason; the rest of each entry is
checked. Every other page is checked, the printable edition included (it repeats the chapters,
so a run found there is usually found on its chapter too).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest
import yaml

from conftest import ROOT
from edition.markup.syntax import MARKER_RE, mask_code

N = 8  # the shortest shared run that fails

# ------------------------------------------------------------------------ what is exempt
# The article: its title block (title, authors, affiliation, dates: names and titles, everything
# before the Indonesian abstract), its references (footnotes, the bibliography, the "Sumber: ..."
# line under each figure) and the cells of the SIPRI table it reproduces (data, one cell per
# tab). Everything else of the article counts, figure captions included.
ARTICLE_STARTS_AT = re.compile(r"^#+\s*\**Abstrak\**\s*$", re.IGNORECASE)
ARTICLE_ENDS_AT = re.compile(r"^#+\s*\**DAFTAR PUSTAKA\**\s*$", re.IGNORECASE)
ARTICLE_FOOTNOTE_LINE = re.compile(r"^\s*<sup>\d+</sup>")   # a footnote's text at a page foot
ARTICLE_TABLE_LINE = re.compile(r"\t")                       # a row of the SIPRI table
ARTICLE_PAGE_RULE = re.compile(r"^\s*---\s*$")               # the rule above a page's footnotes
ARTICLE_SOURCE_LINE = re.compile(r"^\s*\*?Sumber:")          # a figure's source line
ARTICLE_NOT_OWN_WORDS = (ARTICLE_FOOTNOTE_LINE, ARTICLE_TABLE_LINE, ARTICLE_PAGE_RULE,
                         ARTICLE_SOURCE_LINE)
# Titles the edition may name things by: the article's title (its first heading), its section
# headings and its figure captions. A run of the edition that lies wholly inside one of them is
# a title, and exempt; a run that goes on beyond it is not.
ARTICLE_TITLE_LINE = re.compile(r"^\s*(?:#+\s.*|\*\*Gambar[^*]*\*\*)\s*$")  # not "**Gambar 4.3** menunjukkan …"

# Markdown pages: code (fenced and inline), HTML comments, the marker syntax, link targets,
# HTML tags, attribute lists, footnote labels, and the front matter except `title:` and
# `description:`. Footnote texts written by hand are the edition's words and are checked.
MARKDOWN_FRONT_MATTER_CHECKED = ("title", "description")
MARKDOWN_NOT_PROSE = [
    MARKER_RE,                                           # {{ fact:x }}, {{ cite:x | locator }}
    re.compile(r"\]\([^)\n]*\)"),                        # link targets
    re.compile(r"^\s*\[[^\]\n]+\]:(?!\s*\S).*$", re.MULTILINE),  # reference-link definitions
    re.compile(r"\[\^[^\]\n]+\]:?"),                     # footnote labels
    re.compile(r"<[^>\n]+>"),                            # HTML tags
    re.compile(r"\{[:#.][^}\n]*\}"),                     # attribute lists {#id .class}
    re.compile(r"&#?\w+;"),                              # HTML entities
]
# A block boundary in Markdown: a blank line, a heading, a list item, a quote, a table cell, an
# admonition. A run never spans one.
MARKDOWN_BLOCK_START = re.compile(r"^[ \t]*(?:#{1,6}\s|[-*+]\s|\d+[.)]\s|>|!!!|\?\?\?)")

# data/: fields that by design record what the article printed (references, not prose).
# `printed` of data/corrections.yml is the only one written as {en, id}; the others (sources'
# `title`, `printed`, `cited_as`, figures' `printed` and `source_line`, footnotes' `printed`)
# are plain strings, which the data check does not read: only {en, id} values are texts.
DATA_FIELDS_EXEMPT = {"printed"}
DATA_LANGUAGES = {"en", "id"}

# The rendered site: main content only (<article class="md-content__inner">), without footnotes,
# citation blocks, <q>, <blockquote>, code, charts' drawings, permalinks, the edit button and
# the table source lines (references).
RENDERED_MAIN = "md-content__inner"   # the class of the <article> that holds a page's content
RENDERED_EXEMPT_TAGS = {"q", "blockquote", "code", "pre", "kbd", "svg", "script", "style"}
RENDERED_EXEMPT_CLASSES = {"footnote", "footnote-ref", "cite-section", "cite-formats",
                           "cite-appendix", "headerlink", "md-content__button", "table-source",
                           "chart__source"}
RENDERED_PAGES_EXEMPT = {"evidence/sources/index.html", "id/evidence/sources/index.html"}
# The Errata page's "Printed" item of each entry records what was printed, as the `printed`
# field of data/corrections.yml does (the audit writes it for its findings); it is exempt there.
RENDERED_ITEMS_EXEMPT = {"Printed:", "Tercetak:"}   # the label that opens such a list item
RENDERED_BLOCKS = {"p", "li", "ol", "ul", "dl", "dt", "dd", "td", "th", "tr", "table", "h1",
                   "h2", "h3", "h4", "h5", "h6", "div", "section", "figure", "figcaption",
                   "caption", "details", "summary", "nav", "br", "hr"}

# Quotation marks: the text between a pair is exempt. Single quotes and straight quotes pair
# only where they open after a space or bracket and close before one, so that apostrophes
# ("Turkey's", "Turkey’s") open nothing; a quotation never runs past a paragraph.
QUOTES = {"“": "”", "«": "»", "‘": "’", '"': '"', "'": "'", "„": "”"}

# ------------------------------------------------------------------------ words

# Where a run must not continue (a block boundary, an exempt span): a private-use character,
# which no text contains and which HTML and XML accept.
BREAK = "\ue000"
WORD_RE = re.compile(r"[^\W_]+|\ue000|\n[ \t]*\n")  # a word, a break, a paragraph's end
PARAGRAPH_END = re.compile(r"\n[ \t]*\n|\ue000")


@dataclass(frozen=True)
class Word:
    key: str      # normalised: case folded, accents dropped
    surface: str  # as written
    line: int


def normalise(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text: str, first_line: int = 1) -> list[Word | None]:
    """The words of a text, with their lines; None where a run may not continue."""
    out: list[Word | None] = []
    line, last = first_line, 0
    for match in WORD_RE.finditer(text):
        line += text.count("\n", last, match.start())
        last = match.start()
        token = match.group(0)
        out.append(Word(normalise(token), token, line) if token[0] not in BREAK + "\n" else None)
    return out


def _blank(text: str, mark: str = " ") -> str:
    """Same length and newlines; `mark` first, so that a blanked span can stop a run."""
    if not text:
        return text
    return mark + re.sub(r"[^\n]", " ", text[1:]) if text[0] != "\n" else \
        "\n" + _blank(text[1:], mark)


def _opens(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    if text[i] in "'\"‘":
        return before.isspace() or before in "([{“‘«—–-/" + BREAK or not i
    return True


def _closes(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace():
        return False
    if text[i] in "'\"’":
        return not (after.isalnum())
    return True


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation, its marks included; an unclosed mark quotes nothing."""
    spans, i = [], 0
    while i < len(text):
        opener = text[i]
        if opener in QUOTES and _opens(text, i):
            stop = PARAGRAPH_END.search(text, i + 1)
            limit = stop.start() if stop else len(text)
            closer = QUOTES[opener]
            j = next((k for k in range(i + 1, limit) if text[k] == closer and _closes(text, k)),
                     None)
            if j is not None:
                spans.append((i, j + 1))
                i = j + 1
                continue
        i += 1
    return spans


def unquoted(text: str) -> str:
    """The text with every quotation blanked (same length, lines kept)."""
    out, last = [], 0
    for start, end in quotation_spans(text):
        out += [text[last:start], _blank(text[start:end], BREAK)]
        last = end
    out.append(text[last:])
    return "".join(out)


# ------------------------------------------------------------------------ the article


@dataclass(frozen=True)
class Run:
    """A run of N or more words an edition text shares with the article."""
    words: tuple[str, ...]
    line: int           # the edition text's line (0 where lines mean nothing: rendered HTML)
    article_line: int

    def describe(self) -> str:
        return (f"{len(self.words)} words shared with the article (its line "
                f"{self.article_line}): \"{' '.join(self.words)}\"")


def article_words(text: str) -> list[Word]:
    """The article's own words, in order, without its title block, footnotes, bibliography
    and table cells; a sentence broken by a page's footnotes reads on across them."""
    kept, started = [], False
    for number, line in enumerate(text.splitlines(), start=1):
        if ARTICLE_STARTS_AT.match(line):
            started = True
        if ARTICLE_ENDS_AT.match(line):
            break
        if not started or any(pattern.search(line) for pattern in ARTICLE_NOT_OWN_WORDS):
            continue
        line = re.sub(r"(?<=m)<sup>([23])</sup>", r"\1", line)   # m<sup>3</sup>: cubic metres
        line = re.sub(r"<sup>\d+</sup>", "", line)                # footnote numbers
        kept += [w for w in words(line, number) if w is not None]
    return kept


def article_titles(text: str) -> list[str]:
    """The article's title, headings and figure captions, normalised, one string each."""
    return [" " + " ".join(w.key for w in words(line) if w) + " "
            for line in text.splitlines() if ARTICLE_TITLE_LINE.match(line)]


class Article:
    """The article's N-word windows, hashed once: `runs` finds what a text shares with it."""

    def __init__(self, text: str):
        self.words = article_words(text)
        self.titles = article_titles(text)
        keys = [w.key for w in self.words]
        self.windows: dict[int, int] = {}
        for i in range(len(keys) - N + 1):
            self.windows.setdefault(hash(tuple(keys[i:i + N])), i)

    def _found(self, keys: tuple[str, ...]) -> int | None:
        at = self.windows.get(hash(keys))
        if at is not None and tuple(w.key for w in self.words[at:at + N]) == keys:
            return at
        return None

    def runs(self, stream: list[Word | None]) -> list[Run]:
        """Maximal runs of N or more words of `stream` that the article also has."""
        found, i = [], 0
        while i + N <= len(stream):
            window = stream[i:i + N]
            at = None if None in window else self._found(tuple(w.key for w in window))
            if at is None:
                i += 1
                continue
            end = i + N
            while end < len(stream) and stream[end] is not None and self._found(
                    tuple(w.key for w in stream[end - N + 1:end + 1])) is not None:
                end += 1
            keys = " " + " ".join(w.key for w in stream[i:end]) + " "
            if not any(keys in title for title in self.titles):
                found.append(Run(tuple(w.surface for w in stream[i:end]), stream[i].line,
                                 self.words[at].line))
            i = end
        return found


# ------------------------------------------------------------------------ Markdown pages


def _yaml_value_slice(source: str, node: yaml.ScalarNode) -> tuple[int, str]:
    """Where a scalar's text stands in its file, and that text with YAML's own quoting
    (outer quotes, escaped quotes) blanked, so that it is not taken for a quotation."""
    start, end = node.start_mark.index, node.end_mark.index
    raw = source[start:end]
    if node.style in ('"', "'"):
        inner = raw[1:-1].replace('\\"', '"') if node.style == '"' else raw[1:-1].replace(
            "''", "'")
        raw = " " + inner + " " * (len(raw) - len(inner) - 1)   # same length, same lines
    return start, raw


def _front_matter(markdown: str) -> tuple[int, int, yaml.Node | None]:
    """(where its YAML starts, where its closing line starts, its YAML node)."""
    match = re.match(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*\n", markdown, re.DOTALL)
    if not match:
        return 0, 0, None
    return match.start(1), match.end(1), yaml.compose(match.group(1))


def markdown_prose(markdown: str) -> str:
    """The page with everything but its prose blanked (same length, same lines): prose is
    the text, and the front matter's title and description."""
    text = mask_code(markdown)
    for pattern in MARKDOWN_NOT_PROSE:
        text = pattern.sub(lambda m: _blank(m.group(0), BREAK), text)
    lines = text.split("\n")
    for i, line in enumerate(lines):   # same length: a block's first character becomes a break
        if MARKDOWN_BLOCK_START.match(line):
            line = BREAK + line[1:]
        lines[i] = line.replace("|", BREAK)
    text = "\n".join(lines)
    offset, closing, front = _front_matter(markdown)
    if isinstance(front, yaml.MappingNode):
        for key, value in front.value:
            if key.value in MARKDOWN_FRONT_MATTER_CHECKED and isinstance(value, yaml.ScalarNode):
                start, raw = _yaml_value_slice(markdown[offset:], value)
                start += offset  # the character before a value is a space: it becomes a break
                text = text[:start - 1] + BREAK + raw + text[start + len(raw):]
        text = text[:closing] + BREAK + text[closing + 1:]
    return unquoted(text)


def docs_pages() -> list[Path]:
    return sorted((ROOT / "docs").rglob("*.md"))


# ------------------------------------------------------------------------ data


@dataclass(frozen=True)
class DataText:
    path: str
    line: int
    text: str   # the text as it stands in the file, YAML quoting blanked


def yaml_texts(path: Path, root: Path = ROOT) -> list[DataText]:
    """Every {en, id} value of a YAML file, outside the exempt fields."""
    source = path.read_text(encoding="utf-8")
    rel = path.relative_to(root).as_posix()
    found: list[DataText] = []

    def walk(node, field: str) -> None:
        if isinstance(node, yaml.MappingNode):
            keys = {k.value for k, _ in node.value}
            if keys & DATA_LANGUAGES and keys <= DATA_LANGUAGES and field not in DATA_FIELDS_EXEMPT:
                for _, value in node.value:
                    if isinstance(value, yaml.ScalarNode):
                        _, raw = _yaml_value_slice(source, value)
                        found.append(DataText(rel, value.start_mark.line + 1, raw))
                return
            for key, value in node.value:
                walk(value, str(key.value))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, field)

    walk(yaml.compose(source), "")
    return found


def table_texts(spec: Path) -> list[DataText]:
    """The cells of a table's `text` columns (its CSV beside the spec), and their
    translations."""
    table = yaml.safe_load(spec.read_text(encoding="utf-8"))
    text_columns = {c["name"] for c in table.get("columns", []) if c.get("type") == "text"}
    data = spec.with_suffix(".csv")
    rel = data.relative_to(ROOT).as_posix()
    found = []
    with data.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        for row in reader:
            for name in text_columns:
                found.append(DataText(rel, reader.line_num, row.get(name) or ""))
    spec_rel = spec.relative_to(ROOT).as_posix()
    source = spec.read_text(encoding="utf-8")
    for language in (table.get("translations") or {}).values():
        for translated in language.values():
            line = next((n for n, text in enumerate(source.splitlines(), 1)
                         if str(translated) in text), 0)
            found.append(DataText(spec_rel, line, str(translated)))
    return found


def data_texts() -> list[DataText]:
    found = []
    for path in sorted((ROOT / "data").rglob("*.yml")):
        found += yaml_texts(path)
    for spec in sorted((ROOT / "data" / "tables").glob("*.yml")):
        found += table_texts(spec)
    return found


# ------------------------------------------------------------------------ the rendered site


def _classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def rendered_prose(html: str) -> tuple[str, str]:
    """(the page's source file, its main content's prose with block boundaries marked)."""
    root = lxml.html.fromstring(html)
    main = next((a for a in root.iter("article") if RENDERED_MAIN in _classes(a)), None)
    if main is None:
        return "", ""
    edit = next((a for a in main.iter("a") if "md-content__button" in _classes(a)), None)
    source = edit.get("href", "").split("/edit/main/", 1)[-1] if edit is not None else ""
    exempt = [e for e in main.iter() if isinstance(e.tag, str) and (
        e.tag in RENDERED_EXEMPT_TAGS or _classes(e) & RENDERED_EXEMPT_CLASSES
        or (e.tag == "li" and not (e.text or "").strip() and len(e) and e[0].tag == "strong"
            and e[0].text_content().strip() in RENDERED_ITEMS_EXEMPT))]
    for element in exempt:
        if element.getparent() is not None and all(
                a not in exempt for a in element.iterancestors()):
            element.drop_tree()   # keeps the text that follows it
    for element in main.iter(*RENDERED_BLOCKS):
        element.text = BREAK + (element.text or "")
        element.tail = BREAK + (element.tail or "")
    return source, unquoted(main.text_content())


def source_line(source: str, run: Run) -> int:
    """The line of a source file where a run rendered from it starts (0 if its words are not
    there as such, e.g. around a fact filled in)."""
    path = ROOT / source
    if not source or not path.is_file():
        return 0
    stream = [w for w in words(path.read_text(encoding="utf-8")) if w is not None]
    keys = [w.key for w in stream]
    wanted = [normalise(w) for w in run.words]
    for size in (N, 6, 4):   # the longest stretch of the run that stands in the source as such
        for k in range(len(wanted) - size + 1):
            probe = wanted[k:k + size]
            for i in range(len(keys) - size + 1):
                if keys[i:i + size] == probe:
                    return stream[i].line
    return 0


# ------------------------------------------------------------------------ reporting


def report(findings: list[str]) -> str:
    return (f"{len(findings)} run(s) of {N} or more words shared with the article outside "
            "quotation marks. Restate in the edition's own words and attribute (\"the authors "
            "argue ...\"), or, where the exact wording matters, quote it inside quotation marks "
            "with the article as the source:\n  " + "\n  ".join(findings))


@pytest.fixture(scope="session")
def article(article_text) -> Article:
    return Article(article_text)


def test_no_markdown_page_shares_a_run_with_the_article(article):
    findings = []
    for path in docs_pages():
        rel = path.relative_to(ROOT).as_posix()
        prose = markdown_prose(path.read_text(encoding="utf-8"))
        findings += [f"{rel}:{run.line}: {run.describe()}" for run in article.runs(words(prose))]
    assert not findings, report(findings)


def test_no_data_text_shares_a_run_with_the_article(article):
    findings = []
    for text in data_texts():
        for run in article.runs(words(unquoted(text.text), text.line)):
            findings.append(f"{text.path}:{run.line}: {run.describe()}")
    assert not findings, report(findings)


def test_no_rendered_page_shares_a_run_with_the_article(article, site):
    findings = []
    for page in site.html_pages():
        if page in RENDERED_PAGES_EXEMPT:
            continue
        source, prose = rendered_prose(site.html(page))
        url = "/" + page.removesuffix("index.html")
        for run in article.runs(words(prose)):
            line = source_line(source, run)
            where = f"{source}:{line}" if line else source
            findings.append(f"{url} (from {where or 'a generated page'}): {run.describe()}")
    assert not findings, report(findings)


def test_the_check_reads_the_article_and_all_three_texts(article, site):
    """The checks above can fail: the article gives thousands of windows, and each kind of
    text gives words to compare (an empty reading would pass everything)."""
    assert len(article.windows) > 3000
    assert article.words[0].key == "abstrak"             # the abstract, not the title block
    assert not any(w.key == "diakses" for w in article.words)   # no footnote, no bibliography
    assert sum(len(words(markdown_prose(p.read_text(encoding="utf-8")))) for p in
               docs_pages()) > 10000
    assert len(data_texts()) > 300
    _, prose = rendered_prose(site.html("id/middle-range/index.html"))
    assert "TANAP" in prose


# ------------------------------------------------------------------------ the check itself

ARTICLE = """\
## **KEPENTINGAN NASIONAL TURKI DALAM KERJA SAMA MILITER DENGAN AZERBAIJAN DALAM KONFLIK**

### **Abstrak**

Penelitian ini menganalisis kepentingan nasional Turki dalam kerja sama militer dengan
Azerbaijan. Turki memandang stabilitas Azerbaijan sebagai bagian dari kepentingan nasionalnya
sendiri, terutama dalam menghadapi pengaruh Iran dan Rusia. Ketegangan tersebut

---

<sup>1</sup> Gavin, Gabriel.2023. *The Nagorno-Karabakh Conflict Explained and Told in Full*. Politico.

mencuat menjadi kekerasan Ketika Uni Soviet runtuh pada akhir 1980-an.<sup>2</sup> Hal tersebut.

**Gambar 1.2 Estimasi Penggunaan Drone Bayraktar TB2 oleh Azerbaijan dalam Perang Karabakh 2020.**

**Gambar 1.2** menunjukkan bahwa dari sekitar 20 unit drone TB2 yang dimiliki Azerbaijan, 16 unit
digunakan aktif.

## **DAFTAR PUSTAKA**

- Witt, S. 2022. *The Turkish drone that changed the nature of modern warfare*. The New Yorker.
"""
PASTED = "stabilitas Azerbaijan sebagai bagian dari kepentingan nasionalnya sendiri"


@pytest.fixture(scope="module")
def sample() -> Article:
    return Article(ARTICLE)


def shared(sample: Article, text: str) -> list[Run]:
    return sample.runs(words(unquoted(text)))


@pytest.mark.parametrize("text, expected", [
    pytest.param(f"Para penulis menulis: {PASTED}.", 8, id="pasted-run-of-8"),
    pytest.param(f"Ia menilai {PASTED.upper().replace(' ', ', ')}!", 8,
                 id="case-and-punctuation-ignored"),
    pytest.param("Turki memandang stabilitas Azerbaijan sebagai bagian dari kepentingan "
                 "nasionalnya sendiri, terutama", 11, id="longest-run-reported-once"),
    pytest.param("Ketegangan tersebut mencuat menjadi kekerasan ketika Uni Soviet runtuh", 9,
                 id="across-a-page-of-footnotes"),
    pytest.param("Türki memandang stabilitas Azerbaijan sebagai bagian dari kepentingan", 8,
                 id="accents-ignored"),
    pytest.param("Gambar 1.2 menunjukkan bahwa dari sekitar 20 unit drone TB2", 11,
                 id="a-paragraph-that-opens-with-a-bold-figure-number-is-no-title"),
])
def test_a_pasted_run_is_caught(sample, text, expected):
    runs = shared(sample, text)
    assert [len(r.words) for r in runs] == [expected]
    assert runs[0].article_line in (6, 7, 13, 17)


@pytest.mark.parametrize("text", [
    pytest.param(f"Para penulis menulis bahwa “{PASTED}”.", id="curly-double-quotes"),
    pytest.param(f'Menurut mereka, "{PASTED}".', id="straight-double-quotes"),
    pytest.param(f"Menurut mereka, ‘{PASTED}’.", id="curly-single-quotes"),
    pytest.param(f"Menurut mereka, '{PASTED}'.", id="straight-single-quotes"),
    pytest.param(f"Menurut mereka, «{PASTED}».", id="guillemets"),
    pytest.param("stabilitas Azerbaijan sebagai bagian dari kepentingan nasionalnya", id="seven"),
    pytest.param("The Nagorno-Karabakh Conflict Explained and Told in Full", id="a-footnote"),
    pytest.param("The Turkish drone that changed the nature of modern warfare",
                 id="a-bibliography-entry"),
    pytest.param("Kepentingan Nasional Turki dalam Kerja Sama Militer dengan Azerbaijan",
                 id="the-title"),
    pytest.param("Estimasi penggunaan drone Bayraktar TB2 oleh Azerbaijan dalam perang Karabakh",
                 id="a-figure-caption"),
])
def test_a_quotation_a_short_run_and_a_reference_pass(sample, text):
    assert shared(sample, text) == []


@pytest.mark.parametrize("text", [
    pytest.param(f"They said “{PASTED} and then", id="unclosed-quote-quotes-nothing"),
    pytest.param(f"Turkey's view: {PASTED}, Azerbaijan's too", id="apostrophes-quote-nothing"),
    pytest.param(f"“Quoted,” they wrote. {PASTED}. “Quoted again.”", id="between-quotations"),
])
def test_a_quotation_mark_exempts_only_what_it_encloses(sample, text):
    assert [len(r.words) for r in shared(sample, text)] == [8]


def test_a_quotation_ends_with_its_paragraph(sample):
    assert len(shared(sample, f"They said “first.\n\n{PASTED}, and ” so on")) == 1


def test_a_markdown_page_is_checked_with_its_description_but_not_its_markup(sample):
    page = (f"---\ndescription: >-\n  Ia membahas {PASTED}.\ntags: [{PASTED}]\n---\n\n"
            f"# Judul\n\nTeks biasa.\n{{{{ fact:x }}}} {PASTED} ok\n\n"
            f"`{PASTED}`\n\n```\n{PASTED}\n```\n\n<!-- {PASTED} -->\n"
            f"[teks](https://example.org/{PASTED.replace(' ', '-')})\n\n"
            f"- Turki memandang stabilitas\n- Azerbaijan sebagai bagian dari kepentingan "
            f"nasionalnya sendiri\n\n| Turki memandang stabilitas | Azerbaijan sebagai bagian "
            f"dari kepentingan nasionalnya sendiri |\n")
    prose = markdown_prose(page)
    assert len(prose) == len(page) and prose.count("\n") == page.count("\n")  # lines kept
    runs = sample.runs(words(prose))
    assert [(r.line, len(r.words)) for r in runs] == [(3, 8), (10, 8)]


def test_a_data_text_is_checked_in_its_languages_outside_the_printed_field(tmp_path, sample):
    data = tmp_path / "x.yml"
    data.write_text(f"- id: a\n  title:\n    en: fine\n    id: >-\n      Kata {PASTED}\n"
                    f"  printed:\n    en: ignored\n    id: \"{PASTED}\"\n"
                    f"  other: \"{PASTED}\"\n  note: {{en: \"Mereka menulis \\\"{PASTED}\\\"\"}}\n",
                    encoding="utf-8")
    runs = [(t.path, t.line, sample.runs(words(unquoted(t.text), t.line)))
            for t in yaml_texts(data, tmp_path)]
    assert [(path, line, [r.line for r in found]) for path, line, found in runs if found] == [
        ("x.yml", 4, [5])]


def test_rendered_text_leaves_out_footnotes_quotations_and_citations(sample):
    html = (f'<html><body><div class="md-header">{PASTED}</div>'
            f'<article class="md-content__inner"><a class="md-content__button" '
            f'href="https://x.org/edit/main/docs/a.md">e</a><p>Ok <q>{PASTED}</q></p>'
            f'<blockquote>{PASTED}</blockquote><div class="footnote">{PASTED}</div>'
            f'<div class="cite-formats">{PASTED}</div><p>“{PASTED}”</p>'
            f'<p>Turki memandang stabilitas</p><p>Azerbaijan sebagai bagian dari kepentingan</p>'
            f'<p>Teks <span class="fact">{PASTED}</span><sup><a class="footnote-ref">1</a></sup>'
            f'</p></article></body></html>')
    source, prose = rendered_prose(html)
    assert source == "docs/a.md"
    assert [len(r.words) for r in sample.runs(words(prose))] == [8]
