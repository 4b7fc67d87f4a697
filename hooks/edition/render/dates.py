"""The dates of events as the article gives them, in the page's language."""

from __future__ import annotations

from ..data.events import DECADE_RE
from ..locale import words
from ..locale.dates import format_iso_date


def format_event_date(date: str, lang: str) -> str:
    """'1988-02' -> 'February 1988'; 'late 1980s' -> 'akhir 1980-an' in Indonesian."""
    decade = DECADE_RE.match(date)
    if decade:
        return words("formats", lang)["decades"][decade.group(1) or ""].format(decade.group(2))
    return format_iso_date(date, lang)
