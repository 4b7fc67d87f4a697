"""The one marker syntax, and where it may appear.

Markers: `{{ KIND:ID }}` or `{{ KIND:ID | OPTION }}`, KIND one of the marker kinds
(render/markers/: fact, cite, table, summary, chart, citation); what may follow '|' is
declared by each kind (markup/kinds.py: a cite's locator, a fact's `words`):

    The drones destroyed {{ fact:tb2-armoured-vehicles-destroyed }} within ...
    Turkey framed the tie as kinship {{ cite:ots-2021-vision | footnote 9 }}.
    The war lasted {{ fact:war-2020-duration | words }}.

Where a marker stands decides what it is (`read_source`, one reading for the scan, the renderer
and the typed-number rule):
- in front matter, fenced code, inline code or an HTML comment: text, not a marker, so pages
  can show the syntax (the build's leftover check strips the same from the HTML);
- in an indented code block: a mistake (the page would show it as code), reported by the scan;
- in a link's text or target, an attribute list `{...}` or an HTML tag: a mistake (what a
  marker renders is HTML with footnotes, which cannot stand there), reported by the scan
  (`misplaced`);
- anywhere else: a marker. `replace_markers` renders each marker in one pass.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

MARKER_RE = re.compile(
    r"\{\{\s*(?P<kind>[A-Za-z_-]+)\s*:\s*(?P<arg>[^\s|}]+)\s*(?P<bar>\|\s*(?P<option>[^}]*?)\s*)?\}\}")
MALFORMED_RE = re.compile(r"\{\{[^\n]*?(?:\}\}|$)|\}\}", re.MULTILINE)
# a fence (pymdownx.superfences): ``` or ~~~, then a language or {attributes} and options
FENCE_RE = re.compile(r"(?P<ws>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?:\{[^\n]*\}|\.?[\w#.+-]*"
                      r"(?:[ \t]+[A-Za-z]\w*(?:=(?:\"[^\"\n]*\"|'[^'\n]*'))?)*)[ \t]*$")
# What may stand before a footnote reference on its line and keep the space after it.
SYNTAX_ONLY_RE = re.compile(r"[ \t]*(?:(?:[-*+]|\d+[.)]|>)[ \t]*|.*\|[ \t]*)?")
# within a run of inline text (a paragraph, a heading, a list item): a code span, backticks
# not escaped and closed by as many; then a comment (one opening a line is a block)
INLINE_CODE_RE = re.compile(r"(?<![`\\])(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
INLINE_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
COMMENT_OPEN_RE = re.compile(r"[ ]{0,3}<!--")
# lines that open a container whose content is indented 4: a list item, a note (admonition,
# details), a content tab, a footnote definition
CONTAINER_RE = re.compile(r"[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|!!!|\?\?\?\+?|===|\[\^[^\]\n]+\]:)")
HEADING_LINE_RE = re.compile(r"#{1,6}")
FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
HEADING_RE = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*(?:\{(?P<attrs>[^}]*)\})?"
                        r"[ \t]*#*[ \t]*$", re.MULTILINE)
HEADING_ID_RE = re.compile(r"(?:^|\s)#(?P<id>[A-Za-z][\w-]*)")


@dataclass(frozen=True)
class Marker:
    kind: str
    arg: str
    option: str   # what follows '|': a cite's locator, a fact's 'words' ('' without)
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


@dataclass(frozen=True)
class Source:
    """A page source as Markdown reads it (`read_source`).

    `masked`: the source with what is text, not markup, blanked (same length, same lines):
    front matter, fenced code, indented code blocks, inline code and HTML comments. The scan,
    the renderer and the typed-number rule all read this one text, and the build's leftover
    check (build/events.py) strips the same things from the HTML (<pre>, <code>, comments).
    `indented`: the spans of indented code blocks (a marker there is a mistake, not an example:
    scan.py reports it). `unclosed`: offsets of '<!--' that Markdown shows as text, because no
    '-->' closes them (a comment inside a paragraph, list item or note cannot span a blank
    line).
    """

    masked: str
    indented: tuple[tuple[int, int], ...] = ()
    unclosed: tuple[int, ...] = ()


def _indent(line: str) -> int:
    """The width of a line's indentation, tabs counted to the next multiple of 4 (Markdown's)."""
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _blocks(markdown: str, start: int) -> tuple[list, list, list, list]:
    """One pass over the lines after the front matter, as Python-Markdown's block parser sees
    them: (spans to blank: fences and block-level comments; indented code spans; offsets of
    unclosed block-level comments; the spans of inline text, within which a code span or a
    comment may run over a line break: paragraphs, headings, list items, notes).

    An indented code block is a line indented 4 or more beyond its container's content (the
    top level, a list item, a note `!!!`/`???`, a content tab `===` or a footnote definition,
    whose content is indented 4) after a blank line or a heading, with the lines that follow
    it at that indentation. A fence is code once a line with the same fence at the same
    indentation closes it (else it is text, as pymdownx.superfences reads it). A comment opened
    at the start of a line (at most 3 spaces in) is a block and may span blank lines.
    """
    blanks, indented, unclosed, inline = [], [], [], []
    containers = [0]            # the content indentation of each open container
    after_break = True          # after a blank line, a heading or the start of the page
    code_indent = None          # inside an indented code block: its indentation
    para = None                 # where the current run of inline text began
    quoted = False              # the previous line was in a blockquote

    def close(at: int) -> None:
        nonlocal para
        if para is not None and at > para:
            inline.append((para, at))
        para = None

    pos, size = start, len(markdown)
    while pos < size:
        end = markdown.find("\n", pos)
        end = size if end < 0 else end
        line = markdown[pos:end]
        nxt = end + 1
        if not line.strip():
            close(pos)
            after_break, pos = True, nxt
            continue
        width = _indent(line)
        if code_indent is not None and width >= code_indent:
            indented[-1] = (indented[-1][0], end)
            pos = nxt
            continue
        code_indent = None
        if after_break:
            while len(containers) > 1 and width < containers[-1]:
                containers.pop()
            if width >= containers[-1] + 4:
                close(pos)
                code_indent = containers[-1] + 4
                indented.append((pos, end))
                after_break, pos = False, nxt
                continue
        match = FENCE_RE.match(line)
        if match:
            closing = re.compile(rf"^{re.escape(match.group('ws'))}{re.escape(match.group('fence'))}"
                                 r"[ \t]*$", re.MULTILINE).search(markdown, nxt)
            if closing:
                close(pos)
                blanks.append((pos, closing.end()))
                after_break, pos = True, closing.end() + 1
                continue
        comment = COMMENT_OPEN_RE.match(line)
        if comment:
            opened = pos + comment.end() - 4
            closed = markdown.find("-->", opened + 4)
            if closed < 0:
                unclosed.append(opened)
            else:
                close(pos)
                blanks.append((opened, closed + 3))
                line_end = markdown.find("\n", closed + 3)
                line_end = size if line_end < 0 else line_end
                # a comment alone on its line(s) is a block of its own, like a heading
                after_break = not markdown[closed + 3:line_end].strip()
                if not after_break:
                    para = closed + 3
                pos = line_end + 1
                continue
        heading = HEADING_LINE_RE.match(line)
        quote = line.lstrip().startswith(">")
        if CONTAINER_RE.match(line):
            while len(containers) > 1 and width < containers[-1]:
                containers.pop()
            containers.append(width + 4)
            close(pos)
        elif heading or (quote and not quoted):
            close(pos)
        if para is None:
            para = pos
        if heading:
            close(end)
        after_break, quoted = bool(heading), quote
        pos = nxt
    close(size)
    return blanks, indented, unclosed, inline


def _blank_spans(text: str, spans) -> str:
    parts, last = [], 0
    for begin, end in sorted(spans):
        if begin < last:
            begin = last
        if end <= begin:
            continue
        parts += [text[last:begin], blank(text[begin:end])]
        last = end
    parts.append(text[last:])
    return "".join(parts)


def read_source(markdown: str) -> Source:
    """The page source as Markdown reads it: what is text, what is markup (see Source)."""
    front = FRONT_MATTER_RE.match(markdown)
    start = front.end() if front else 0
    blanks, indented, unclosed, inline = _blocks(markdown, start)
    out = _blank_spans(markdown, [(0, start), *blanks, *indented])
    # within each run of inline text: code spans first, then comments (Python-Markdown's order)
    spans = []
    for begin, end in inline:
        text = INLINE_CODE_RE.sub(lambda m: blank(m.group(0)), out[begin:end])
        spans += [m.span() for m in INLINE_CODE_RE.finditer(out, begin, end)]
        spans += [(begin + m.start(), begin + m.end()) for m in INLINE_COMMENT_RE.finditer(text)]
    out = _blank_spans(out, spans)
    unclosed += [m.start() for m in re.finditer("<!--", out)]
    return Source(out, tuple(indented), tuple(sorted(set(unclosed))))


def mask_code(markdown: str) -> str:
    """Blank out front matter, fenced and indented code, inline code and HTML comments."""
    return read_source(markdown).masked


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


# Where a marker cannot stand, found in the masked text with the markers blanked: the text and
# the target of a link or image, a link definition, an attribute list, an HTML tag.
LINK_RE = re.compile(r"(?<!\\)!?\[(?!\^)(?P<text>(?:[^\[\]\n]|\n(?![ \t]*\n)|\[[^\[\]\n]*\])*)\]"
                     r"(?P<target>\([^()\n]*\)|\[[^\[\]\n]*\])")
LINK_DEFINITION_RE = re.compile(r"^[ ]{0,3}\[(?!\^)[^\]\n]+\]:.*$", re.MULTILINE)
ATTR_LIST_RE = re.compile(r"\{(?::|[ \t]*(?:[#.][\w-]|[\w-]+=))[^{}\n]*\}")
TAG_RE = re.compile(r"</?[A-Za-z][^<>\n]*>")
MOVE_OUT = "move it out of the link, e.g. right after it"
PLAIN = "attributes take plain text: move the marker into the text beside it"
PLACES = ((LINK_RE, "text", "in a link's text", MOVE_OUT),
          (LINK_RE, "target", "in a link's target", MOVE_OUT),
          (LINK_DEFINITION_RE, 0, "in a link definition", MOVE_OUT),
          (ATTR_LIST_RE, 0, "in an attribute list '{...}'", PLAIN),
          (TAG_RE, 0, "in an HTML tag", PLAIN))


def misplaced(masked: str, spans) -> dict[tuple[int, int], tuple[str, str]]:
    """{marker span: (where, fix)} for each marker (spans: (start, end) in `masked`) that stands where
    its rendering (HTML, footnote references) would break the page."""
    parts, last = [], 0
    for begin, end in spans:
        parts += [masked[last:begin], "\x00" * (end - begin)]
        last = end
    text = "".join([*parts, masked[last:]])
    found: dict[tuple[int, int], tuple[str, str]] = {}
    for regex, group, where, fix in PLACES:
        for match in regex.finditer(text):
            begin, end = match.span(group)
            if "\x00" not in text[begin:end]:
                continue
            for span in spans:
                if begin <= span[0] and span[1] <= end:
                    found.setdefault(span, (where, fix))
    return found


def body_offset(source: str, body: str) -> int:
    """Lines of `source` before `body`, the Markdown MkDocs hands the hooks (front matter and
    the blank lines after it removed), so that a line of `body` names its line in the file."""
    if body and source.endswith(body):
        return source.count("\n", 0, len(source) - len(body))
    return 0


def replace_markers(markdown: str, render) -> str:
    """Replace each marker outside code by render(kind, arg, option, line) in one pass.

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
                     (match.group("option") or "").strip(), line_of(match.start()))
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
