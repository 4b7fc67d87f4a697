"""Human-language fields of data/: a mapping {language: text}.

NEUTRAL marks text that reads the same in every language (a unit such as "%" or "km"), written
in data/ as a plain string.
"""

from __future__ import annotations

Text = dict
NEUTRAL = "*"


def tr(text: Text | str | None, lang: str) -> str:
    """The text of a field in one language ('' for an absent field)."""
    if not text:
        return ""
    if isinstance(text, str):
        return text
    return text.get(lang) or text.get(NEUTRAL) or text.get("en", "")
