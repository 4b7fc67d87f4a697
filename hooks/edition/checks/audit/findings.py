"""A finding of the audit: one place where the article disagrees with itself, with a stable id,
what was printed and what is wrong, in every language; and the words the checks share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...data.facts import Fact
from ...locale.locators import localize_locator
from ...locale.numbers import format_fact
from ...locale.text import Text


@dataclass(frozen=True)
class Finding:
    """One disagreement found in the article's record."""

    id: str
    kind: str
    title: Text      # {lang: short title}
    printed: Text    # {lang: what the article prints}
    problem: Text    # {lang: what is wrong, or why it is doubtful}
    status: str = "confirmed"   # default: "open" where the finding is a doubt, not a certainty
    facts: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


def both(en: str, id_: str) -> Text:
    return {"en": en, "id": id_}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip("-")


def count_word(count: int, lang: str) -> str:
    """2 -> 'Two' / 'Dua' (small counts read better in words); larger ones stay digits."""
    names = {"en": ("Two", "Three", "Four"), "id": ("Dua", "Tiga", "Empat")}[lang]
    return names[count - 2] if 2 <= count <= 4 else str(count)


def quote(text: str, lang: str) -> str:
    return f"“{text}”"


def shown(fact: Fact, lang: str) -> str:
    """A fact as the site shows it: 'more than USD 6.7 billion'."""
    return format_fact(fact, lang)


def where(fact: Fact, lang: str) -> str:
    """Where the article gives a fact: its first source's locator ('footnote 12')."""
    locator = next((r.locator for r in fact.sources if r.locator), "") or fact.sourced_by
    return localize_locator(locator, lang)


def date_range(date: str) -> tuple[int, int] | None:
    """'2018/2022' -> (2018, 2022); '2020-11' -> (2020, 2020); '' -> None."""
    years = [int(y) for y in re.findall(r"\b(\d{4})", date or "")]
    if not years:
        return None
    return min(years), max(years)
