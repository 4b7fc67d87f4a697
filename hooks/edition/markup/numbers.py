"""The typed-number rule: a quantity is referenced from data/, never typed into prose.

`typed_numbers(masked)` finds every digit run in a page's prose that is not a year, a date, a
figure, footnote or section number, or part of a link, tag or attribute list.
"""

from __future__ import annotations

import re

from .syntax import MARKER_RE, blank, line_finder

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
        text = allowed.sub(lambda m: blank(m.group(0)), text)
    text = MARKER_RE.sub(lambda m: blank(m.group(0)), text)
    # Headings of the form "## 1. Core values" may carry a section number.
    text = re.sub(r"^(#{1,6}[ \t]+)\d+(?:\.\d+)*\.?", lambda m: blank(m.group(0)), text,
                  flags=re.MULTILINE)
    line_of = line_finder(text)
    return [(line_of(m.start()), m.group(0)) for m in NUMBER_RE.finditer(text)
            if not is_year(m.group(0), text[m.end():m.end() + 12])
            or float(m.group(0)) in quantities]


def readings(token: str) -> set[float]:
    """The values a typed number can mean: '1,960' or '1.960' (Indonesian) is 1960, '87,5'
    (Indonesian) is 87.5, '6.7' is 6.7."""
    out = set()
    for thousands, decimal in ((",", "."), (".", ",")):
        try:
            out.add(float(token.replace(thousands, "").replace(decimal, ".")))
        except ValueError:
            pass
    return out
