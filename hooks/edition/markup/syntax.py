"""The one marker syntax, and where it may appear.

Markers: `{{ KIND:ID }}` or `{{ KIND:ID | locator }}`, KIND one of the marker kinds
(render/markers/: fact, cite, table, summary, chart, citation):

    The drones destroyed {{ fact:tb2-armoured-vehicles-destroyed }} within ...
    Turkey framed the tie as kinship {{ cite:ots-2021-vision | footnote 9 }}.

Markers inside fenced code, inline code, HTML comments and front matter are text, not markers,
so pages can show the syntax (`mask_code`). `replace_markers` renders each marker in one pass.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

MARKER_RE = re.compile(
    r"\{\{\s*(?P<kind>[A-Za-z_-]+)\s*:\s*(?P<arg>[^\s|}]+)\s*(?:\|\s*(?P<locator>[^}]*?)\s*)?\}\}")
MALFORMED_RE = re.compile(r"\{\{[^\n]*?(?:\}\}|$)|\}\}", re.MULTILINE)
FENCE_RE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
# What may stand before a footnote reference on its line and keep the space after it.
SYNTAX_ONLY_RE = re.compile(r"[ \t]*(?:(?:[-*+]|\d+[.)]|>)[ \t]*|.*\|[ \t]*)?")
INLINE_CODE_RE = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
HEADING_RE = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*(?:\{(?P<attrs>[^}]*)\})?"
                        r"[ \t]*#*[ \t]*$", re.MULTILINE)
HEADING_ID_RE = re.compile(r"(?:^|\s)#(?P<id>[A-Za-z][\w-]*)")


@dataclass(frozen=True)
class Marker:
    kind: str
    arg: str
    locator: str
    line: int
    start: int
    end: int
    section: str  # explicit id of the H2/H3 the marker sits under ("" before the first)


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    id: str
    line: int


def blank(text: str) -> str:
    """Same length, same newlines, nothing else: masking keeps offsets and line numbers."""
    return re.sub(r"[^\n]", " ", text)


def mask_code(markdown: str) -> str:
    """Blank out front matter, fenced code, inline code and HTML comments."""
    out = FRONT_MATTER_RE.sub(lambda m: blank(m.group(0)), markdown)
    lines = out.split("\n")
    fence = None
    for i, line in enumerate(lines):
        match = FENCE_RE.match(line)
        if fence is None and match:
            fence = match.group(1)
            lines[i] = blank(line)
        elif fence is not None:
            lines[i] = blank(line)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                    and line.strip() == match.group(1):
                fence = None
    out = "\n".join(lines)
    out = COMMENT_RE.sub(lambda m: blank(m.group(0)), out)
    return INLINE_CODE_RE.sub(lambda m: blank(m.group(0)), out)


def line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def line_finder(text: str):
    """line_at(text, offset) for many offsets of one text: the newlines are found once (a long
    page with many markers counted them again from the top for each)."""
    newlines = [match.start() for match in re.finditer("\n", text)]
    return lambda offset: bisect.bisect_left(newlines, offset) + 1


def find_markers(markdown: str) -> list[tuple[re.Match, str]]:
    """Markers outside code, as (match on the original text, masked text)."""
    masked = mask_code(markdown)
    return [(m, masked) for m in MARKER_RE.finditer(masked)]


def headings(masked: str) -> list[Heading]:
    found = []
    line_of = line_finder(masked)
    for match in HEADING_RE.finditer(masked):
        attrs = match.group("attrs") or ""
        ident = HEADING_ID_RE.search(attrs)
        found.append(Heading(len(match.group("hashes")), match.group("text").strip(),
                             ident.group("id") if ident else "", line_of(match.start())))
    return found


def replace_markers(markdown: str, render) -> str:
    """Replace each marker outside code by render(kind, arg, locator, line) in one pass.

    A footnote reference must not start a line ('[^id]: ...' would read as a footnote
    definition): it is glued to the end of the previous line, or guarded by a zero-width space.
    Nor does it follow a space: 'Research (2021) {{ cite:a }} {{ cite:b }}' reads
    'Research (2021)¹,²', not 'Research (2021) ¹ ,²' (unless the space follows only a list
    marker, a quote marker or a table's '|').
    """
    masked = mask_code(markdown)
    parts, last = [], 0
    line_of = line_finder(masked)
    for match in MARKER_RE.finditer(masked):
        before = markdown[last:match.start()]
        out = render(match.group("kind"), match.group("arg"),
                     (match.group("locator") or "").strip(), line_of(match.start()))
        line_start = markdown.rfind("\n", 0, match.start()) + 1
        if out.startswith("[^") and not SYNTAX_ONLY_RE.fullmatch(
                markdown[line_start:match.start()]):
            before = before.rstrip(" \t")
        if out.startswith("[^") and not markdown[line_start:match.start()].strip():
            previous_line = markdown[:max(line_start - 1, 0)].rsplit("\n", 1)[-1]
            if line_start and previous_line.strip() and "\n" in before:
                before = before[:before.rfind("\n")].rstrip(" \t")
            else:
                out = "&#8203;" + out
        parts += [before, out]
        last = match.end()
    parts.append(markdown[last:])
    return "".join(parts)
