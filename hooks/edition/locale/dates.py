"""Dates in the page's language (Babel): '2025-07-19' -> '19 July 2025' / '19 Juli 2025'."""

from __future__ import annotations

import datetime

from babel.dates import format_date


def format_iso_date(iso: str, lang: str) -> str:
    """'2025-07-19' -> '19 July 2025'; '2025' stays '2025' (never grouped)."""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return format_date(datetime.date(*parts), format="d MMMM y", locale=lang)
    if len(parts) == 2:
        return format_date(datetime.date(parts[0], parts[1], 1), format="MMMM y", locale=lang)
    return str(parts[0])


def long_date(iso: str, lang: str) -> str:
    """'2026-11-27' -> 'November 27, 2026' (en) / '27 November 2026' (id)."""
    day = datetime.date.fromisoformat(iso)
    return format_date(day, "MMMM d, y" if lang == "en" else "d MMMM y", locale=lang)


def month_day(iso: str, lang: str) -> tuple[int, str]:
    """'2026-11-27' -> (2026, 'November 27') (en) / (2026, '27 November') (id)."""
    day = datetime.date.fromisoformat(iso)
    return day.year, format_date(day, "MMMM d" if lang == "en" else "d MMMM", locale=lang)
