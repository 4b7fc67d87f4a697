"""The one marker syntax, where it may appear, and the typed-number rule.

Markers: `{{ KIND:ID }}` or `{{ KIND:ID | locator }}`, KIND one of fact, cite, table, summary,
chart:

    The drones destroyed {{ fact:tb2-armoured-vehicles-destroyed }} within ...
    Turkey framed the tie as kinship {{ cite:ots-2021-vision | footnote 9 }}.

Markers inside fenced code, inline code and HTML comments are text, not markers, so pages can
show the syntax. `scan_page` reads a page source once and returns its markers (with line and the
section they sit in), its headings, and every problem: an unknown kind or id, an H2/H3 without an
explicit id, or a quantity typed into prose instead of referenced (see `typed_numbers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ledger import Problem, did_you_mean

KINDS = ("fact", "cite", "table", "summary", "chart", "citation")
CITATION_IDS = ("site", "article")  # {{ citation:site }}, {{ citation:article }} (cite.py)
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


def _blank(text: str) -> str:
    """Same length, same newlines, nothing else: masking keeps offsets and line numbers."""
    return re.sub(r"[^\n]", " ", text)


def mask_code(markdown: str) -> str:
    """Blank out front matter, fenced code, inline code and HTML comments."""
    out = FRONT_MATTER_RE.sub(lambda m: _blank(m.group(0)), markdown)
    lines = out.split("\n")
    fence = None
    for i, line in enumerate(lines):
        match = FENCE_RE.match(line)
        if fence is None and match:
            fence = match.group(1)
            lines[i] = _blank(line)
        elif fence is not None:
            lines[i] = _blank(line)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence) \
                    and line.strip() == match.group(1):
                fence = None
    out = "\n".join(lines)
    out = COMMENT_RE.sub(lambda m: _blank(m.group(0)), out)
    return INLINE_CODE_RE.sub(lambda m: _blank(m.group(0)), out)


def line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def find_markers(markdown: str) -> list[tuple[re.Match, str]]:
    """Markers outside code, as (match on the original text, masked text)."""
    masked = mask_code(markdown)
    return [(m, masked) for m in MARKER_RE.finditer(masked)]


def headings(masked: str) -> list[Heading]:
    found = []
    for match in HEADING_RE.finditer(masked):
        attrs = match.group("attrs") or ""
        ident = HEADING_ID_RE.search(attrs)
        found.append(Heading(len(match.group("hashes")), match.group("text").strip(),
                             ident.group("id") if ident else "", line_at(masked, match.start())))
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
    for match in MARKER_RE.finditer(masked):
        before = markdown[last:match.start()]
        out = render(match.group("kind"), match.group("arg"),
                     (match.group("locator") or "").strip(), line_at(masked, match.start()))
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


# --------------------------------------------------------------------------- typed numbers

MONTHS = ("January February March April May June July August September October November "
          "December Januari Februari Maret Mei Juni Juli Agustus Oktober Desember").split()
_MONTH = "(?:" + "|".join(MONTHS) + ")"
# Spans of prose in which digits may stand: what they name is not a quantity.
ALLOWED_RES = [
    re.compile(r"\]\([^)\n]*\)"),                       # link targets
    re.compile(r"^\s*\[[^\]\n]+\]:.*$", re.MULTILINE),  # reference-style link definitions
    re.compile(r"\[\^[^\]\n]+\]"),                      # footnote labels
    re.compile(r"<[^>\n]+>"),                            # HTML tags, autolinks
    re.compile(r"\{[^}\n]*\}"),                          # attribute lists {#id .class}
    re.compile(r"&#?\w+;"),                              # HTML entities
    re.compile(r"(?:\b(?:Figures?|Fig\.|Gambar|Tables?|Tabel|[Ff]ootnotes?|[Cc]atatan\s+kaki|"
               r"[Ss]ections?|[Cc]hapters?|[Bb]ab|Issue|issue)|§)\s*"
               r"\d+(?:\.\d+)*(?:\s*(?:,|and|dan|or|atau|to|–|-)\s*\d+(?:\.\d+)*)*"),
    re.compile(r"\b\d{1,2}(?=\s+" + _MONTH + r"\b)"),   # day of month: 15 June 2021
    re.compile(r"\b" + _MONTH + r" \d{1,2}\b"),          # June 15
    re.compile(r"\b\d{4}\s*[–-]\s*\d{2}\b"),             # 2018–22
    re.compile(r"^[ \t]*\d+[.)](?=[ \t])", re.MULTILINE),  # ordered-list item numbers
    re.compile(r"\b(?:APA|ISO|CSL|MkDocs|Python)\s+\d+(?:\.\d+)*"),  # names of standards, versions
]
NUMBER_RE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")


# A year-like number followed by a unit is a quantity after all ("1768 km").
UNIT_AFTER_RE = re.compile(r"\s*(?:%|per\b|km\b|kilomet|miles?\b|barrels?\b|bcm\b|m³|USD\b|"
                           r"troops\b|soldiers\b|units?\b|drones?\b|people\b|orang\b|unit\b)")


def is_year(token: str, after: str = "") -> bool:
    return (token.isdigit() and len(token) == 4 and 1000 <= int(token) <= 2999
            and not UNIT_AFTER_RE.match(after))


def typed_numbers(masked: str, quantities=frozenset()) -> list[tuple[int, str]]:
    """(line, token) for each digit run in prose that is not a year or an allowed label. A
    year-like number that is the value of a fact ('About 1960 peacekeepers', quantities) is
    taken for that quantity, not for a year."""
    text = masked
    for allowed in ALLOWED_RES:
        text = allowed.sub(lambda m: _blank(m.group(0)), text)
    text = MARKER_RE.sub(lambda m: _blank(m.group(0)), text)
    # Headings of the form "## 1. Core values" may carry a section number.
    text = re.sub(r"^(#{1,6}[ \t]+)\d+(?:\.\d+)*\.?", lambda m: _blank(m.group(0)), text,
                  flags=re.MULTILINE)
    return [(line_at(text, m.start()), m.group(0)) for m in NUMBER_RE.finditer(text)
            if not is_year(m.group(0), text[m.end():m.end() + 12])
            or float(m.group(0)) in quantities]


def _readings(token: str) -> set[float]:
    """The values a typed number can mean: '1,960' or '1.960' (Indonesian) is 1960, '87,5'
    (Indonesian) is 87.5, '6.7' is 6.7."""
    out = set()
    for thousands, decimal in ((",", "."), (".", ",")):
        try:
            out.add(float(token.replace(thousands, "").replace(decimal, ".")))
        except ValueError:
            pass
    return out


# --------------------------------------------------------------------------- scanning a page


@dataclass(frozen=True)
class PageScan:
    markers: tuple[Marker, ...]
    headings: tuple[Heading, ...]
    problems: tuple[Problem, ...]


def scan_page(markdown: str, rel: str, fact_values: dict[str, float], source_ids,
              table_ids, summary_ids=("holsti",), check_numbers: bool = True,
              chart_ids=None) -> PageScan:
    """Find every marker, heading and problem of one page source (`rel` names it in messages).

    An id collection of None means its data file did not parse: its ids are not checked, so a
    YAML syntax error is reported once, not once per marker.
    """
    masked = mask_code(markdown)
    problems: list[Problem] = []
    heads = headings(masked)
    for head in heads:
        if head.level in (2, 3) and not head.id:
            suggestion = re.sub(r"[^a-z0-9]+", "-", head.text.lower()).strip("-")
            problems.append(Problem(rel, head.line, f"heading '{head.text}' has no explicit id; "
                                    f"add one so links survive rewording: "
                                    f"'{'#' * head.level} {head.text} {{#{suggestion}}}'"))
    known = {"fact": fact_values, "cite": source_ids, "table": table_ids,
             "summary": summary_ids, "chart": chart_ids, "citation": CITATION_IDS}
    section_at = [(h.line, h.id) for h in heads if h.level in (2, 3)]
    markers = []
    for match in MARKER_RE.finditer(masked):
        line = line_at(masked, match.start())
        kind, arg = match.group("kind"), match.group("arg")
        if kind not in KINDS:
            problems.append(Problem(rel, line, f"unknown marker kind '{kind}' in "
                                    f"'{match.group(0)}'{did_you_mean(kind, KINDS)} "
                                    f"(kinds: {', '.join(KINDS)})"))
            continue
        if known[kind] is not None and arg not in known[kind]:
            where = {"fact": "data/facts.yml", "cite": "data/sources.yml",
                     "table": "data/tables/", "summary": "hooks/render.py",
                     "chart": "data/charts.yml", "citation": "hooks/markers.py"}[kind]
            problems.append(Problem(rel, line, f"unknown {kind} '{arg}'"
                                    f"{did_you_mean(arg, known[kind])} ({kind} ids live in "
                                    f"{where})"))
            continue
        if match.group("locator") is not None and kind != "cite":
            problems.append(Problem(rel, line, f"'{match.group(0)}': only cite markers take a "
                                    "'| locator' (a fact's locator lives in data/facts.yml)"))
        section = ""
        for head_line, head_id in section_at:
            if head_line <= line:
                section = head_id
        markers.append(Marker(kind, arg, (match.group("locator") or "").strip(), line,
                              match.start(), match.end(), section))
    leftover = MARKER_RE.sub(lambda m: _blank(m.group(0)), masked)
    for match in MALFORMED_RE.finditer(leftover):
        problems.append(Problem(rel, line_at(leftover, match.start()), "malformed marker: "
                                "write '{{ fact:ID }}', '{{ cite:ID }}', '{{ cite:ID | page }}' "
                                "'{{ table:ID }}' or '{{ chart:ID }}'"))
    if check_numbers:
        values = fact_values or {}
        for line, token in typed_numbers(masked, frozenset(values.values())):
            readings = _readings(token)
            same = sorted(f for f, v in values.items() if v in readings)
            hint = (f" (did you mean {{{{ fact:{same[0]} }}}}?)" if same else
                    " (add it to data/facts.yml with its source and write {{ fact:ID }})")
            problems.append(Problem(rel, line, f"quantity '{token}' typed into prose; numbers "
                                    f"are referenced from data/, not typed{hint}. Years, dates "
                                    "and figure, footnote or section numbers may stand."))
    return PageScan(tuple(markers), tuple(heads), tuple(problems))
