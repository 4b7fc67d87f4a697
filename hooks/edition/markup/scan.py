"""The scan of a page source: its markers, headings and problems, read once.

`scan_page(markdown, rel, ledger, kinds)` returns every marker (with its line and the section it
sits in), every heading, and every problem: an unknown kind or id, something after '|' that the
kind does not take, a marker where it cannot stand (indented code, a link, an attribute list,
an HTML tag; a block kind inside a paragraph), an HTML comment that is never closed, an H2/H3
without an explicit id, or a quantity typed into prose (numbers.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..data.problems import Problem, did_you_mean
from .kinds import MarkerKind, syntax
from .numbers import readings, typed_numbers
from .syntax import (
    MALFORMED_RE,
    MARKER_RE,
    Heading,
    Marker,
    blank,
    headings,
    line_at,
    line_finder,
    misplaced,
    read_source,
)


@dataclass(frozen=True)
class PageScan:
    markers: tuple[Marker, ...]
    headings: tuple[Heading, ...]
    problems: tuple[Problem, ...]


def decode_page(data: bytes, rel: str) -> tuple[str, Problem | None]:
    """A page's bytes as text, or a problem naming the line and column of the first byte that
    is not UTF-8 (the whole page is then unread: its other problems come once it is fixed)."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        bad = data[err.start:err.end]
        return "", Problem(rel, line, (
            f"the file is not valid UTF-8: byte {' '.join(f'0x{b:02x}' for b in bad)} at column "
            f"{column} ({err.reason}); save it as UTF-8 (in most editors: 'Save with "
            "encoding' > UTF-8) and retype the character there"))


def option_problem(match: re.Match, kind: MarkerKind, kinds: dict, ledger) -> str:
    """What is wrong with what follows '|' in a marker of a known kind and id ('' if nothing)."""
    if match.group("bar") is None:
        return ""
    written, name, arg = match.group(0), kind.name, match.group("arg")
    value = (match.group("option") or "").strip()
    option = kind.option
    if option is None:
        takers = "; ".join(f"{other} markers take {k.option.describe()}"
                           for other, k in kinds.items() if k.option)
        return (f"'{written}': {name} markers take nothing after '|'; write "
                f"'{{{{ {name}:{arg} }}}}'" + (f" ({takers})" if takers else ""))
    if not value:
        return (f"'{written}': nothing follows '|'; write "
                f"'{{{{ {name}:{arg} | {option.example} }}}}' or drop the '|'")
    if option.choices and value not in option.choices:
        return (f"'{written}': after '|' a {name} marker takes only {option.describe()}, not "
                f"'{value}'{did_you_mean(value, option.choices)}"
                + (f" ({option.hint})" if option.hint else ""))
    wrong = option.check(ledger, arg, value) if option.check else ""
    return f"'{written}': {wrong}" if wrong else ""


def block_problem(masked: str, match: re.Match) -> str:
    """A block kind ({{ table:ID }} ...) must stand alone on its line between blank lines."""
    start = masked.rfind("\n", 0, match.start()) + 1
    end = masked.find("\n", match.end())
    end = len(masked) if end < 0 else end
    before = masked[:max(start - 1, 0)].rsplit("\n", 1)[-1] if start else ""
    after = masked[end + 1:].split("\n", 1)[0] if end < len(masked) else ""
    if (masked[start:match.start()] == "" and not masked[match.end():end].strip()
            and not before.strip() and not after.strip()):
        return ""
    return (f"'{match.group(0)}' renders a block (a table, a figure), so it must stand alone on "
            "its line, with a blank line before and after it and no indentation (not inside a "
            "sentence, a list item or a note)")


def scan_page(markdown: str, rel: str, ledger, kinds: dict, check_numbers: bool = True
              ) -> PageScan:
    """Find every marker, heading and problem of one page source (`rel` names it in messages;
    `kinds`: the marker kinds by name, render/markers/).

    The ids of a kind whose data file did not parse are not checked, so a YAML syntax error is
    reported once, not once per marker.
    """
    source = read_source(markdown)
    masked = source.masked
    problems: list[Problem] = []
    heads = headings(masked)
    for head in heads:
        if head.level in (2, 3) and not head.id:
            suggestion = re.sub(r"[^a-z0-9]+", "-", head.text.lower()).strip("-")
            problems.append(Problem(rel, head.line, f"heading '{head.text}' has no explicit id; "
                                    f"add one so links survive rewording: "
                                    f"'{'#' * head.level} {head.text} {{#{suggestion}}}'"))
    for begin, end in source.indented:
        for match in MARKER_RE.finditer(markdown, begin, end):
            problems.append(Problem(rel, line_at(markdown, match.start()), (
                f"'{match.group(0)}' is in an indented code block (a line indented 4 spaces or "
                "more after a blank line), so the page would show it as code: remove the "
                "indentation to render it, or put it in a fenced code block (```) to show the "
                "syntax")))
    for offset in source.unclosed:
        problems.append(Problem(rel, line_at(markdown, offset), (
            "'<!--' opens an HTML comment that nothing closes, so the page would show it as "
            "text: close it with '-->' (inside a paragraph, a list item or a note a comment "
            "cannot span a blank line)")))
    names = tuple(kinds)
    section_at = [(h.line, h.id) for h in heads if h.level in (2, 3)]
    found = list(MARKER_RE.finditer(masked))
    places = misplaced(masked, [m.span() for m in found])
    markers = []
    line_of = line_finder(masked)  # a page's lines found once, not counted at every marker
    for match in found:
        line = line_of(match.start())
        kind, arg = match.group("kind"), match.group("arg")
        if kind not in kinds:
            problems.append(Problem(rel, line, f"unknown marker kind '{kind}' in "
                                    f"'{match.group(0)}'{did_you_mean(kind, names)} "
                                    f"(kinds: {', '.join(names)})"))
            continue
        known = kinds[kind].ids(ledger)
        if known is not None and arg not in known:
            problems.append(Problem(rel, line, f"unknown {kind} '{arg}'"
                                    f"{did_you_mean(arg, known)} ({kind} ids live in "
                                    f"{kinds[kind].where})"))
            continue
        wrong = option_problem(match, kinds[kind], kinds, ledger)
        if wrong:
            problems.append(Problem(rel, line, wrong))
        place = places.get(match.span())
        if place:
            problems.append(Problem(rel, line, f"'{match.group(0)}' stands {place[0]}, where "
                                    f"what it renders (HTML with footnotes) cannot go: {place[1]}"))
        elif kinds[kind].block:
            wrong = block_problem(masked, match)
            if wrong:
                problems.append(Problem(rel, line, wrong))
        section = ""
        for head_line, head_id in section_at:
            if head_line <= line:
                section = head_id
        markers.append(Marker(kind, arg, (match.group("option") or "").strip(), line,
                              match.start(), match.end(), section))
    leftover = MARKER_RE.sub(lambda m: blank(m.group(0)), masked)
    for match in MALFORMED_RE.finditer(leftover):
        problems.append(Problem(rel, line_of(match.start()),
                                f"malformed marker: write {syntax(kinds)}"))
    if check_numbers:
        values = ({} if ledger.known("facts") is None else ledger.cached(
            "fact values", lambda: {fact.id: fact.value for fact in ledger.facts.values()}))
        for line, token in typed_numbers(masked, ledger.cached(
                "fact value set", lambda: frozenset(values.values()))):
            same = sorted(f for f, v in values.items() if v in readings(token))
            hint = (f" (did you mean {{{{ fact:{same[0]} }}}}?)" if same else
                    " (add it to data/facts.yml with its source and write {{ fact:ID }})")
            problems.append(Problem(rel, line, f"quantity '{token}' typed into prose; numbers "
                                    f"are referenced from data/, not typed{hint}. Years, dates "
                                    "and figure, footnote or section numbers may stand."))
    return PageScan(tuple(markers), tuple(heads), tuple(problems))
