"""Checks of the article's figures (data/figures.yml): numbering that repeats or skips, a value
read from a figure for a date its caption does not cover."""

from __future__ import annotations

from ...data.figures import Figure
from ...data.ledger import Ledger
from .findings import Finding, both, count_word, date_range, quote, shown, slug


def _number(text: str) -> tuple[int, ...]:
    return tuple(int(p) for p in text.split("."))


def check_figure_numbers(figures: tuple[Figure, ...]) -> list[Finding]:
    """Figure numbers must not repeat, and must go up by one (or start the next chapter at 1)."""
    out = []
    by_number: dict[str, list[Figure]] = {}
    for figure in figures:
        by_number.setdefault(figure.number, []).append(figure)
    for number, same in by_number.items():
        if len(same) < 2:
            continue
        printed = "; ".join(f"{quote(f.printed, 'en')}" for f in same)
        out.append(Finding(
            id=f"figure-number-repeat-{slug(number)}", kind="figure-number",
            title=both(f"{count_word(len(same), 'en')} figures numbered {number}",
                       f"{count_word(len(same), 'id')} gambar bernomor {number}"),
            printed=both(printed, printed),
            problem=both(
                f"{count_word(len(same), 'en')} different figures carry the number {number}, "
                "so a reference to "
                f"“Figure {number}” is ambiguous. The edition tells them apart by their order "
                f"(first, second).",
                f"{count_word(len(same), 'id')} gambar yang berbeda memakai nomor {number}, "
                "sehingga rujukan ke "
                f"“Gambar {number}” menjadi ambigu. Edisi ini membedakannya berdasarkan "
                "urutannya (pertama, kedua)."),
            facts=tuple(dict.fromkeys(f for figure in same for f in figure.read_in_text)),
            sources=tuple(dict.fromkeys(s for figure in same for s in figure.sources))))
    for before, after in zip(figures, figures[1:]):
        if before.number == after.number:
            continue
        a, b = _number(before.number), _number(after.number)
        follows = (len(a) == len(b) == 2 and ((b[0] == a[0] and b[1] == a[1] + 1)
                                                or (b[0] == a[0] + 1 and b[1] == 1)))
        follows = follows or (len(a) == len(b) == 1 and b[0] == a[0] + 1)
        if follows:
            continue
        printed = f"{quote(before.printed, 'en')} → {quote(after.printed, 'en')}"
        out.append(Finding(
            id=f"figure-number-skip-{slug(before.number)}-{slug(after.number)}",
            kind="figure-number",
            title=both(f"Figure numbering jumps from {before.number} to {after.number}",
                       f"Penomoran gambar melompat dari {before.number} ke {after.number}"),
            printed=both(printed, printed),
            problem=both(
                f"The figure after {before.number} is numbered {after.number}; the figures in "
                "between do not exist in the article, and the numbers do not match its sections.",
                f"Gambar sesudah {before.number} diberi nomor {after.number}; gambar-gambar di "
                "antaranya tidak ada dalam artikel, dan nomornya tidak sesuai dengan bagian-"
                "bagian artikel."),
            facts=after.read_in_text, sources=after.sources))
    return out


def check_figure_periods(figures: tuple[Figure, ...], ledger: Ledger) -> list[Finding]:
    """A value the text reads from a figure must fall in the period the caption gives."""
    out = []
    for figure in figures:
        period = date_range(figure.period)
        if not period:
            continue
        outside = []
        for fact_id in figure.read_in_text:
            fact = ledger.facts.get(fact_id)
            span = date_range(fact.date) if fact else None
            if span and (span[0] < period[0] or span[1] > period[1]):
                outside.append(fact)
        if not outside:
            continue
        caption = figure.period.replace("/", "–")
        en = "; ".join(f"{shown(f, 'en')} ({f.date})" for f in outside)
        id_ = "; ".join(f"{shown(f, 'id')} ({f.date})" for f in outside)
        out.append(Finding(
            id=f"figure-period-{figure.id}", kind="figure-period", status="open",
            title=both(f"A value read from figure {figure.number} for a year its caption does "
                       "not cover",
                       f"Nilai yang dibaca dari gambar {figure.number} untuk tahun di luar "
                       "cakupan keterangannya"),
            printed=both(f"{quote(figure.printed, 'en')}; the text reads: {en}",
                         f"{quote(figure.printed, 'id')}; teks membacanya: {id_}"),
            problem=both(
                f"The caption gives the period {caption}, but the text reads from the figure a "
                f"value for a date outside it: {en}. Either the caption or the reading is wrong; "
                "the figure itself is not reproduced, so the edition cannot tell which.",
                f"Keterangan gambar menyebut periode {caption}, tetapi teks membaca dari gambar "
                f"itu nilai untuk tanggal di luar periode tersebut: {id_}. Entah keterangannya "
                "atau pembacaannya yang keliru; gambarnya sendiri tidak dimuat ulang, sehingga "
                "edisi ini tidak dapat memastikannya."),
            facts=tuple(f.id for f in outside), sources=figure.sources))
    return out
