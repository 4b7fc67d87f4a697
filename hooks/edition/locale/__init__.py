"""How the edition speaks: interface text in one file per language, and values formatted per
locale. The bottom layer: it imports nothing else of the package.

    en.py, id.py   TEXT: every word the code shows a reader, by area ("render", "errata", ...)
    words(area, lang)  one area of one language (English where the language has none)
    text.py        Text, a {language: text} field of data/, and tr() to read it
    numbers.py     format_number, format_value, format_fact ... (Babel)
    spelling.py    numbers in words where a page asks ({{ fact:ID | words }}): the style rule
                   of both languages, CLDR's spelling (unicode-rbnf)
    dates.py       format_iso_date
    locators.py    localize_locator: 'footnote 2 (p. 55)' -> 'catatan kaki 2 (hlm. 55)'
"""

from __future__ import annotations

from . import en
from . import id as id_

TEXTS = {"en": en.TEXT, "id": id_.TEXT}


def words(area: str, lang: str):
    """The interface text of one area in one language, English when the language has none."""
    return TEXTS.get(lang, TEXTS["en"]).get(area, TEXTS["en"][area])
