"""The scan of a page source: its markers, headings and problems, read once.

`scan_page(markdown, rel, ledger, kinds)` returns every marker (with its line and the section it
sits in), every heading, and every problem: an unknown kind or id, a locator where the kind
takes none, an H2/H3 without an explicit id, or a quantity typed into prose (numbers.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..data.problems import Problem, did_you_mean
from .numbers import readings, typed_numbers
from .syntax import (
    MALFORMED_RE,
    MARKER_RE,
    Heading,
    Marker,
    blank,
    headings,
    line_finder,
    mask_code,
)


@dataclass(frozen=True)
class PageScan:
    markers: tuple[Marker, ...]
    headings: tuple[Heading, ...]
    problems: tuple[Problem, ...]


def scan_page(markdown: str, rel: str, ledger, kinds: dict, check_numbers: bool = True
              ) -> PageScan:
    """Find every marker, heading and problem of one page source (`rel` names it in messages;
    `kinds`: the marker kinds by name, render/markers/).

    The ids of a kind whose data file did not parse are not checked, so a YAML syntax error is
    reported once, not once per marker.
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
    names = tuple(kinds)
    with_locator = " or ".join(name for name, kind in kinds.items() if kind.locator)
    section_at = [(h.line, h.id) for h in heads if h.level in (2, 3)]
    markers = []
    line_at = line_finder(masked)
    for match in MARKER_RE.finditer(masked):
        line = line_at(match.start())
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
        if match.group("locator") is not None and not kinds[kind].locator:
            problems.append(Problem(rel, line, f"'{match.group(0)}': only {with_locator} markers "
                                    "take a '| locator' (a fact's locator lives in "
                                    "data/facts.yml)"))
        section = ""
        for head_line, head_id in section_at:
            if head_line <= line:
                section = head_id
        markers.append(Marker(kind, arg, (match.group("locator") or "").strip(), line,
                              match.start(), match.end(), section))
    leftover = MARKER_RE.sub(lambda m: blank(m.group(0)), masked)
    for match in MALFORMED_RE.finditer(leftover):
        problems.append(Problem(rel, line_at(match.start()), "malformed marker: "
                                "write '{{ fact:ID }}', '{{ cite:ID }}', '{{ cite:ID | page }}' "
                                "'{{ table:ID }}' or '{{ chart:ID }}'"))
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
