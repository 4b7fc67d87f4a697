"""Locale-aware formatting of numbers and facts, in one place.

Every number the site shows passes through `format_number` (Babel), so a fact reads naturally in
the page's language: `format_number(1960, "en") == "1,960"`, `format_number(87.5, "id") ==
"87,5"`. `format_fact` adds the qualifier and unit: "more than USD 6.7 billion", and writes a small
count in words where a page asks for it (spelling.py): "nearly two times".
Years are never grouped ("2020", not "2,020"): they are dates, not quantities.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from babel.numbers import format_decimal

from . import words
from .spelling import in_words
from .text import tr

_CURRENCY = re.compile(r"^([A-Z]{3})(?:\s+(.*))?$")


# Babel parses the pattern and looks up the locale's symbols on every call, and a build formats
# about 250 numbers 2,800 times: remember them (typed: 1 and 1.0 apart).
@functools.lru_cache(maxsize=4096, typed=True)
def format_number(value: float | int, lang: str) -> str:
    """A number in the locale's digits and separators, keeping the decimals it was given."""
    if isinstance(value, float) and not value.is_integer():
        # the decimals it was written with: 87.5 -> 1, 1.5e-07 -> 8 (repr is the shortest
        # decimal that reads back as the same float)
        decimals = max(0, -Decimal(repr(value)).as_tuple().exponent)
        return format_decimal(Decimal(repr(value)), format=f"#,##0.{'0' * decimals}",
                              locale=lang)
    return format_decimal(int(value), format="#,##0", locale=lang)


def format_printed(cell: str, lang: str) -> str:
    """A number as a table cell prints it ('8.0', '-31'), in the locale's digits: the decimals
    it was printed with are kept, trailing zeros included ('8.0' stays 8.0, not 8)."""
    decimals = len(cell.split(".", 1)[1]) if "." in cell else 0
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(Decimal(cell), format=pattern, locale=lang)


def ordinal(value: int, lang: str) -> str:
    """8 -> '8th' (English) ."""
    if lang == "en":
        suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(
            value % 10, "th")
        return f"{value}{suffix}"
    return f"ke-{value}"


def with_unit(number: str, unit: str) -> str:
    """'6.7' + 'USD billion' -> 'USD 6.7 billion'; '87.5' + '%' -> '87.5%'; else 'n unit'."""
    if not unit:
        return number
    if unit == "%":
        return f"{number}%"
    currency = _CURRENCY.match(unit)
    if currency:
        rest = f" {currency.group(2)}" if currency.group(2) else ""
        return f"{currency.group(1)} {number}{rest}"
    return f"{number} {unit}"


def format_value(value: float | int, unit: str, qualifier: str, lang: str,
                 spelled: str | None = None) -> str:
    """Plain text of a quantity: number, unit and qualifier; `spelled`: the number in words
    (spelling.in_words), written instead of its digits."""
    if unit == "ordinal":
        text = spelled or ordinal(int(value), lang)
    else:
        text = with_unit(spelled or format_number(value, lang), unit)
    if qualifier:
        text = words("formats", lang)["qualifiers"][qualifier].format(text)
    return text


def format_fact(fact, lang: str, spell_out: bool = False) -> str:
    """Plain text of a fact (data.facts.Fact) as the article states it; with `spell_out`, its
    number in words where the language's style writes it so (spelling.py): "six weeks"."""
    unit = tr(fact.unit, lang)
    spelled = (in_words(fact.value, tr(fact.unit, "en"), lang, ordinal=unit == "ordinal")
               if spell_out else None)
    return format_value(fact.value, unit, fact.qualifier, lang, spelled)
