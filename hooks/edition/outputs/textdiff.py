"""The sentences that changed between two builds' pages, section by section (`make diff`).

A page's text is read from its built HTML (lxml): the article's content only, without the
"Cite this section" controls and formats, the ¶ links, scripts and the charts' drawing (a
chart's data is compared in outputs/changes.py). Each block (paragraph, list item, table row,
caption, heading, footnote) is split into sentences, each labelled with its section (the text
under an H2/H3 with an id; before the first, the page's own), and a page's sentences are
compared with difflib's longest matching runs. Plain functions of two folders of HTML. lxml is imported where it is
used: the build itself (which imports this module's names) does not need it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

# Left out: the printable edition repeats every page, and the downloads page lists sizes and
# hashes that follow from the data (both change whenever anything does).
SKIPPED = ("about/print/", "evidence/downloads/", "search/", "404.html")
DROP = ("details.cite-section", "section.cite-appendix", "div.cite-formats", "a.headerlink",
        "a.footnote-backref", "a.footnote-ref", "script", "style", "svg", "a.md-content__button", "noscript")


def select(element, selector: str) -> list:
    """Elements under `element` matching 'tag' or 'tag.class' (XPath: no cssselect needed)."""
    tag, _, cls = selector.partition(".")
    test = (f"[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]" if cls else "")
    return element.xpath(f".//{tag}{test}")
BLOCKS = {"p", "li", "tr", "caption", "figcaption", "dt", "dd", "h1", "h2", "h3", "h4",
          "h5", "h6", "pre", "blockquote", "summary"}
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“(\[A-Z0-9])")
FOOTNOTES = "footnotes"


@dataclass(frozen=True)
class SentenceChange:
    section: str   # 'core-values.md#security', 'core-values.md', 'core-values.md#footnotes'
    old: str       # '' for a sentence added
    new: str       # '' for a sentence removed


def page_path(html_path: str, langs: tuple[str, ...]) -> tuple[str, str]:
    """'id/core-values/index.html' -> ('core-values.md', 'id'); 'index.html' -> ('index.md',
    'en'). The default language's page path, as the snapshots name pages."""
    parts = html_path.split("/")
    lang = parts[0] if parts[0] in langs[1:] else langs[0]
    if lang != langs[0]:
        parts = parts[1:]
    folder = "/".join(parts[:-1])
    return (f"{folder}.md" if folder else "index.md"), lang


def _block_sentences(element) -> list[str]:
    """The sentences of each innermost block under `element` (a table row is one), whitespace
    collapsed."""
    out = []
    for block in element.iter():
        if not isinstance(block.tag, str) or block.tag not in BLOCKS:
            continue
        nested = [child for child in block.iter()
                  if child is not block and isinstance(child.tag, str) and child.tag in BLOCKS]
        if block.tag == "tr":
            out.append(" | ".join(" ".join(cell.text_content().split())
                                  for cell in block if isinstance(cell.tag, str)))
            continue
        if nested and block.tag != "li":
            continue  # its blocks are read one by one
        if nested:  # a list item's own text, before and around its nested blocks
            text = (block.text or "") + "".join(
                (child.tail or "") if child.tag in BLOCKS else
                (child.text_content() + (child.tail or "")) for child in block)
        else:
            text = block.text_content()
        out.extend(sentences(" ".join(text.split())))
    return [sentence for sentence in out if sentence]


def sentences(text: str) -> list[str]:
    return [part.strip() for part in SENTENCE_END.split(text) if part.strip()]


def page_sections(html: str, page: str) -> dict[str, list[str]]:
    """{section: [sentence, ...]} of one built page, in reading order."""
    import lxml.html  # a test dependency (requirements/test.in): `make diff` installs it

    tree = lxml.html.fromstring(html)
    articles = select(tree, "article.md-content__inner")
    if not articles:
        return {}
    article = articles[0]
    for selector in DROP:
        for element in select(article, selector):
            element.drop_tree()
    for br in article.iter("br"):  # a line break separates words
        br.tail = " " + (br.tail or "")
    out: dict[str, list[str]] = {}
    section = page
    footnotes = select(article, "div.footnote")
    for element in footnotes:
        element.getparent().remove(element)
    for child in article:
        if not isinstance(child.tag, str):
            continue
        if child.tag in ("h2", "h3") and child.get("id"):
            section = f"{page}#{child.get('id')}"
        out.setdefault(section, []).extend(_block_sentences(child))
    for element in footnotes:
        out.setdefault(f"{page}#{FOOTNOTES}", []).extend(_block_sentences(element))
    return {key: value for key, value in out.items() if value}


def compare_sentences(old: list[tuple[str, str]], new: list[tuple[str, str]]
                      ) -> list[SentenceChange]:
    """The sentences of a page that changed, each with its section ((section, sentence) in
    reading order): compared over the whole page, so that a section whose id changed (a
    changelog entry renumbered by a new one above it) is not mistaken for new text."""
    out = []
    matcher = difflib.SequenceMatcher(a=[text for _, text in old], b=[text for _, text in new],
                                      autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        before, after = old[i1:i2], new[j1:j2]
        for index in range(max(len(before), len(after))):
            section = (after[index] if index < len(after) else before[index])[0]
            out.append(SentenceChange(section, before[index][1] if index < len(before) else "",
                                      after[index][1] if index < len(after) else ""))
    return out


def flat(sections: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(section, text) for section, texts in sections.items() for text in texts]


def site_pages(site: Path) -> dict[str, str]:
    """Every HTML page of a built site worth comparing, by its path under the site."""
    out = {}
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if not any(rel.startswith(skip) or f"/{skip}" in f"/{rel}" for skip in SKIPPED):
            out[rel] = path.read_text(encoding="utf-8")
    return out


def compare_sites(old: Path, new: Path, langs: tuple[str, ...]
                  ) -> dict[str, dict[str, list[SentenceChange]]]:
    """{lang: {page.md: [SentenceChange, ...]}} for every page whose text changed."""
    old_pages, new_pages = site_pages(old), site_pages(new)
    out: dict[str, dict[str, list[SentenceChange]]] = {}
    for rel in sorted(old_pages.keys() | new_pages.keys()):
        page, lang = page_path(rel, langs)
        before = page_sections(old_pages.get(rel, "<html></html>"), page)
        after = page_sections(new_pages.get(rel, "<html></html>"), page)
        changes = compare_sentences(flat(before), flat(after))
        if changes:
            out.setdefault(lang, {})[page] = changes
    return out
