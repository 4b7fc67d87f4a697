"""The printable edition: one generated page that gathers the whole edition in reading order.

`print_page(pages, lang)` takes the Markdown of every page in navigation order (hand-written
pages as written, generated pages as generated) and joins them into one page:

- each page becomes a chapter: its H1 becomes an H2 with the id of the page (`#core-values`),
  every other heading moves one level down, and its explicit id is prefixed with the page's
  (`{#security}` -> `{#core-values--security}`), so ids stay unique;
- links between pages become links inside the print page (`core-values.md#security` ->
  `#core-values--security`); other relative links are re-pointed from the print page's folder;
- markers stay markers: the page is rendered like any other (render/page.py), so its
  footnotes are numbered once for the whole edition and each source is footnoted exactly once.

The print stylesheet (docs/stylesheets/print.css, `@media print`) starts each chapter on a new
page and hides the navigation.
"""

from __future__ import annotations

import posixpath
import re

from ..data.pages import PRINT_PAGE
from ..locale import words
from ..markup.syntax import FRONT_MATTER_RE, HEADING_ID_RE, HEADING_RE, mask_code

LINK_RE = re.compile(r"\]\((?P<target>[^)\s]+)(?P<title>\s+\"[^\"]*\")?\)")
EXTERNAL_RE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def nav_paths(nav) -> list[str]:
    """The pages of a MkDocs nav configuration, in order ('core-values.md', ...)."""
    out: list[str] = []

    def walk(item) -> None:
        if isinstance(item, str):
            if item.endswith(".md"):
                out.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(nav or [])
    return out


def page_slug(path: str) -> str:
    """'core-values.md' -> 'core-values'; 'evidence/facts.md' -> 'evidence-facts'."""
    stem = path.removesuffix(".md")
    return "home" if stem == "index" else stem.replace("/", "-")


def _heading_ids(markdown: str) -> list[str]:
    out = []
    for match in HEADING_RE.finditer(mask_code(markdown)):
        ident = HEADING_ID_RE.search(match.group("attrs") or "")
        if ident:
            out.append(ident.group("id"))
    return out


def _chapter(path: str, markdown: str, anchors: dict[str, dict[str, str]]) -> tuple[str, str]:
    """One page as a chapter of the print page: (its title, its Markdown)."""
    body = FRONT_MATTER_RE.sub("", markdown, count=1)
    slug = page_slug(path)
    masked = mask_code(body)
    title = path
    pieces, last = [], 0
    seen: dict[str, int] = {}  # a page that repeats a heading id still gets unique ids here
    for match in HEADING_RE.finditer(masked):
        level = len(match.group("hashes"))
        text = body[match.start("text"):match.end("text")]
        attrs = match.group("attrs") or ""
        ident = HEADING_ID_RE.search(attrs)
        rest = HEADING_ID_RE.sub("", attrs).strip()
        if level == 1:
            title = text
            new_attrs = f"#{slug} .print-chapter {rest}".strip()
        elif ident:
            seen[ident.group("id")] = seen.get(ident.group("id"), 0) + 1
            suffix = f"-{seen[ident.group('id')]}" if seen[ident.group("id")] > 1 else ""
            new_attrs = f"#{slug}--{ident.group('id')}{suffix} {rest}".strip()
        else:
            new_attrs = rest
        heading = "#" * min(level + 1, 6) + " " + text + (f" {{{new_attrs}}}" if new_attrs
                                                         else "")
        pieces += [body[last:match.start()], heading]
        last = match.end()
    pieces.append(body[last:])
    body = "".join(pieces)

    def link(match: re.Match) -> str:
        target = match.group("target")
        if EXTERNAL_RE.match(target) or target.startswith("<"):
            return match.group(0)
        here, _, anchor = target.partition("#")
        if here:
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), here))
        else:
            resolved = path
        if resolved in anchors:
            ids = anchors[resolved]
            new = ids.get(anchor, f"#{anchor}") if anchor else ids[""]
        else:
            new = posixpath.relpath(resolved, posixpath.dirname(PRINT_PAGE))
            new += f"#{anchor}" if anchor else ""
        return f"]({new}{match.group('title') or ''})"

    masked = mask_code(body)
    out, last = [], 0
    for match in LINK_RE.finditer(masked):
        original = LINK_RE.match(body, match.start())
        out += [body[last:match.start()], link(original) if original else match.group(0)]
        last = match.end()
    out.append(body[last:])
    return title, "".join(out)


def print_page(pages: list[tuple[str, str]], lang: str) -> str:
    """The printable edition as Markdown, from (docs-relative path, Markdown) in reading order."""
    text = words("print", lang)
    anchors = {}
    for path, markdown in pages:
        slug = page_slug(path)
        anchors[path] = {"": f"#{slug}",
                         **{i: f"#{slug}--{i}" for i in _heading_ids(markdown)}}
    chapters = [(path, *_chapter(path, markdown, anchors)) for path, markdown in pages]
    # not in the search index: every passage is already indexed on its own page, and a hit
    # here would send the reader to the longest page of the site instead
    out = ["---", f"title: {text['title']}", "search:", "  exclude: true", "---", "",
           f"# {text['title']} {{#print-edition}}", "", text["intro"], "",
           f'<nav class="print-contents" aria-label="{text["chapters"]}" markdown>', "",
           f"**{text['contents']}**", ""]
    out += [f"1. [{title}](#{page_slug(path)})" for path, title, _ in chapters]
    out += ["", "</nav>", ""]
    for _path, _title, body in chapters:
        out += [body.strip("\n"), ""]
    return "\n".join(out) + "\n"


def left_out_page(lang: str) -> str:
    """The print page's stand-in under `mkdocs serve`, which leaves the edition out (it is every
    page again, and would show each edit last): a title and a sentence, no number."""
    text = words("print", lang)
    return "\n".join(["---", f"title: {text['title']}", "search:", "  exclude: true", "---", "",
                      f"# {text['title']} {{#print-edition}}", "", text["left_out"], ""])
