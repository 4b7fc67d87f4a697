"""Numbers in words, where a page asks for them (`{{ fact:ID | words }}`) and the language's
style writes them so. The spelling is CLDR's (the Unicode rules Babel's data also comes from),
through unicode-rbnf; the rule is the same in both languages:

- A whole number that the language spells in one or two words is written in words: "six
  weeks", "enam minggu", "sixteen", "enam belas", "twenty", "dua puluh", "one hundred",
  "seratus". Three words or more stay digits: "160", "21" in Indonesian ("dua puluh satu"),
  though English writes "twenty-one" (a hyphenated compound is one word).
  Formal Indonesian (PUEBI, EYD V: "Bilangan dalam teks yang dapat dinyatakan dengan satu atau
  dua kata ditulis dengan huruf") and English (The Chicago Manual of Style 9.2: zero through
  one hundred and their round multiples) agree on this.
- Ordinals alike: "eighth", "kedelapan" (not "8th", "ke-8"); "pertama" for the first.
- Measures and money stay digits in every language: a percentage, a currency, a rate ("per")
  and an abbreviated unit ("1,768 km", "16 bcm per year", "USD 6.7 billion", "87.5%"; PUEBI:
  "Angka digunakan untuk menyatakan ukuran panjang, berat, luas, isi, ... serta nilai uang";
  Chicago 9.16-9.22). Counted time in running text is words, as the article itself writes it
  ("perang enam minggu", "kurang dari dua minggu", "dalam waktu empat tahun"); PUEBI's digits for
  time are for exact measurements ("2 tahun 6 bulan 5 hari", "1 jam 20 menit").
- Decimals, negative numbers: digits.
- A qualifier does not change the choice: "nearly two times", "kurang dari dua minggu".

Which uses ask for words is the page's choice (numbers in a breakdown or beside a measure stay
digits: PUEBI's "kecuali jika dipakai secara berurutan seperti dalam perincian", Chicago 9.7);
the data keep the number.
"""

from __future__ import annotations

import functools
import re

# Units that are measures or money: always digits (matched on the unit's English text, so that
# both languages decide alike)
MEASURE_RE = re.compile(r"^(?:%|[A-Z]{3}\b|(?:k?m|cm|mm|kg|t|bcm|m³|ha|l)\b)|\bper\b")
MAX_WORDS = 2


def is_measure(unit_en: str) -> bool:
    return bool(MEASURE_RE.search(unit_en or ""))


def whole(value) -> int | None:
    """The value as a whole number, or None (decimals, negatives, booleans: digits)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not value.is_integer():
        return None
    return int(value) if value >= 0 else None


@functools.cache
def _engine(lang: str):
    from unicode_rbnf import RbnfEngine  # CLDR's rules load in 0.1 s: only when words are asked
    return RbnfEngine.for_language(lang)


@functools.lru_cache(maxsize=1024)
def spell(number: int, lang: str, ordinal: bool = False) -> str:
    """CLDR's spelling of a whole number: spell(8, 'id', ordinal=True) == 'kedelapan'."""
    from unicode_rbnf import FormatPurpose
    purpose = FormatPurpose.ORDINAL if ordinal else FormatPurpose.CARDINAL
    result = _engine(lang).format_number(number, purpose)
    return result.text_by_ruleset.get("spellout-cardinal", result.text) if not ordinal \
        else result.text


def in_words(value, unit_en: str, lang: str, ordinal: bool = False) -> str | None:
    """The number in words where the language's style writes it so, else None (digits)."""
    number = whole(value)
    if number is None or (not ordinal and is_measure(unit_en)):
        return None
    text = spell(number, lang, ordinal)
    return text if len(text.split()) <= MAX_WORDS else None


def never_in_words(value, unit_en: str, langs, ordinal: bool = False) -> str:
    """Why no language writes this value in words ('' when one does): for the scan's message."""
    if whole(value) is None:
        return "it is not a whole number"
    if not ordinal and is_measure(unit_en):
        return f"'{unit_en}' is a measure or money, always written in digits"
    if all(in_words(value, unit_en, lang, ordinal) is None for lang in langs):
        spelled = ", ".join(f"'{spell(whole(value), lang, ordinal)}'" for lang in langs)
        return f"it takes more than {MAX_WORDS} words in every language ({spelled})"
    return ""
