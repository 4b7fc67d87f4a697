"""Locators ('footnote 2 (p. 55)', 'figure 1.2 caption') are written in English in data/; each
language says them in its own words (the "locators" area of locale/<lang>.py)."""

from __future__ import annotations

import re

from . import words


def localize_locator(text: str, lang: str) -> str:
    """'footnote 2 (p. 55)' -> 'catatan kaki 2 (hlm. 55)' in Indonesian."""
    for pattern, word in words("locators", lang):
        text = re.sub(pattern, word, text, flags=re.IGNORECASE)
    return text
