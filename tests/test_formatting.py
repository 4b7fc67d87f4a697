"""Locale formatting of numbers, units, qualifiers and dates (hooks/edition/locale/)."""

import pytest

from edition.locale.dates import format_iso_date
from edition.locale.numbers import format_number, format_printed, format_value
from edition.render.escape import escape


@pytest.mark.parametrize("value, lang, expected", [
    (87.5, "en", "87.5"), (87.5, "id", "87,5"),
    (1960, "en", "1,960"), (1960, "id", "1.960"),
    (6.7, "en", "6.7"), (6.7, "id", "6,7"),
    (0.6, "en", "0.6"), (-31, "en", "-31"), (16, "id", "16"),
])
def test_format_number(value, lang, expected):
    assert format_number(value, lang) == expected


@pytest.mark.parametrize("cell, lang, expected", [
    ("8.0", "en", "8.0"), ("8.0", "id", "8,0"), ("1.0", "en", "1.0"), ("0.6", "id", "0,6"),
    ("-4.4", "en", "-4.4"), ("-31", "en", "-31"), ("1960", "en", "1,960"), ("1960", "id", "1.960"),
])
def test_a_table_cell_keeps_the_decimals_it_was_printed_with(cell, lang, expected):
    assert format_printed(cell, lang) == expected


@pytest.mark.parametrize("value, unit, qualifier, lang, expected", [
    (6.7, "USD billion", "more-than", "en", "more than USD 6.7 billion"),
    (6.7, "USD miliar", "more-than", "id", "lebih dari USD 6,7 miliar"),
    (87.5, "%", "", "en", "87.5%"),
    (87.5, "%", "", "id", "87,5%"),
    (1960, "Russian peacekeepers", "about", "en", "about 1,960 Russian peacekeepers"),
    (7.1, "USD billion", "projected", "en", "USD 7.1 billion (projected)"),
    (8, "ordinal", "", "en", "8th"),
    (8, "ordinal", "", "id", "ke-8"),
    (2, "weeks", "less-than", "en", "less than 2 weeks"),
])
def test_format_value(value, unit, qualifier, lang, expected):
    assert format_value(value, unit, qualifier, lang) == expected


@pytest.mark.parametrize("iso, lang, expected", [
    ("2021-06-15", "en", "15 June 2021"), ("2021-06-15", "id", "15 Juni 2021"),
    ("2025", "en", "2025"), ("2020-11", "en", "November 2020"),
])
def test_dates_and_years_are_never_grouped(iso, lang, expected):
    assert format_iso_date(iso, lang) == expected


def test_escape_neutralises_html_and_markdown():
    assert escape('<script>alert("x")</script>') == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
    assert escape("**bold** | [x](y)") == "&#42;&#42;bold&#42;&#42; &#124; &#91;x&#93;(y)"
