"""Let the charts' SVG pass through Markdown without being parsed: the same HTML, sooner.

A chart (`{{ chart:ID }}`, charts.py) is inline SVG: about half the bytes of a page with
charts, and of the printable edition. Python-Markdown hands raw HTML to an HTML parser
(md_in_html) that walks every tag of it, only to put it back in the page unchanged; for the
print page alone that is about a fifth of its rendering time.

`ChartStash`, a Markdown extension that events.on_config adds to the build, takes each chart's
SVG out of the page source just before that parser runs, leaving a short `<svg>` placeholder
in its place, and puts it back in the HTML as soon as Python-Markdown has put the raw HTML
back (before the footnote and other postprocessors, which see the same text as before).
MkDocs' own scan of the raw HTML for anchor ids runs earlier and still sees the SVG.

Only the exact markup charts.chart_block writes is taken, as a raw HTML block of its own (at
the start of a line, after a blank line), so the placeholder is never in code or in a
paragraph; a chart written any other way is simply left to Markdown. Should a placeholder not
come back, events.on_page_content stops the build (`leftover`) rather than lose a chart.
"""

from __future__ import annotations

import re
import uuid

from markdown import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

# charts.chart_block: the figure's first two lines, then one SVG per variant, then </div>
BLOCK_RE = re.compile(r'(?:\A|(?<=\n\n))<figure class="chart" [^\n]*\bmarkdown>\n'
                      r'<div class="chart__image">\n(?P<svgs>.*?)\n</div>\n', re.DOTALL)
SVG_RE = re.compile(r'<svg class="chart__svg\b.*?</svg>', re.DOTALL)
LEFTOVER_RE = re.compile(r"chart-svg-[0-9a-f]{32}-[0-9]+")
# after MkDocs' anchor scan of the raw HTML (21), before the HTML block parser (20)
TAKE_PRIORITY = 20.5
# after the raw HTML is put back (30), before footnotes (25) and the rest
PUT_BACK_PRIORITY = 29.5


def take_svgs(text: str, token: str) -> tuple[str, list[str]]:
    """(text with each chart SVG replaced by '<svg>TOKEN-N</svg>', the SVGs in order)."""
    svgs: list[str] = []

    def one(match: re.Match) -> str:
        svgs.append(match.group(0))
        return placeholder(token, len(svgs) - 1)

    def block(match: re.Match) -> str:
        body = match.group("svgs")
        if SVG_RE.sub("", body).strip():
            return match.group(0)  # not only chart SVGs in it: leave it to Markdown
        head = match.start("svgs") - match.start()
        tail = match.end("svgs") - match.start()
        return match.group(0)[:head] + SVG_RE.sub(one, body) + match.group(0)[tail:]

    return BLOCK_RE.sub(block, text), svgs


def placeholder(token: str, index: int) -> str:
    return f"<svg>{token}-{index}</svg>"


def put_back(html: str, token: str, svgs: list[str]) -> str:
    """Each placeholder found in html replaced by its SVG (Python-Markdown also runs the
    postprocessors on parts of the page, e.g. the toc extension on each heading)."""
    if token not in html:
        return html
    for index, svg in enumerate(svgs):
        html = html.replace(placeholder(token, index), svg, 1)
    return html


def leftover(html: str) -> str | None:
    """A placeholder that did not come back (events.on_page_content stops the build on it)."""
    if "chart-svg-" not in html:
        return None
    match = LEFTOVER_RE.search(html)
    return match.group(0) if match else None


class _Take(Preprocessor):
    def __init__(self, md, kept: dict):
        super().__init__(md)
        self.kept = kept

    def run(self, lines: list[str]) -> list[str]:
        self.kept.clear()
        text = "\n".join(lines)
        if 'class="chart__svg' not in text:
            return lines
        token = f"chart-svg-{uuid.uuid4().hex}"
        text, svgs = take_svgs(text, token)
        self.kept.update(token=token, svgs=svgs)
        return text.split("\n")


class _PutBack(Postprocessor):
    def __init__(self, md, kept: dict):
        super().__init__(md)
        self.kept = kept

    def run(self, text: str) -> str:
        if not self.kept.get("svgs"):
            return text
        return put_back(text, self.kept["token"], self.kept["svgs"])


class ChartStash(Extension):
    """The Markdown extension (one conversion's SVGs are kept on its Markdown instance)."""

    def extendMarkdown(self, md) -> None:  # noqa: N802 (Python-Markdown's name)
        kept: dict = {}
        md.preprocessors.register(_Take(md, kept), "chart_svg_take", TAKE_PRIORITY)
        md.postprocessors.register(_PutBack(md, kept), "chart_svg_put_back", PUT_BACK_PRIORITY)


def install(config) -> None:
    """Add ChartStash to the build's Markdown extensions (once: each language build runs
    on_config again on the same config)."""
    if not any(isinstance(ext, ChartStash) for ext in config.markdown_extensions):
        config.markdown_extensions.append(ChartStash())
