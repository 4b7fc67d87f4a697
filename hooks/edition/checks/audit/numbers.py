"""Checks of the article's numbers: two values for one quantity, a described change its own
numbers contradict, a reading of a table the table does not support (data/audit.yml)."""

from __future__ import annotations

from ...data.figures import Figure
from ...data.ledger import Ledger
from ...data.relations import Relations
from ...locale.numbers import format_number
from ...locale.text import Text, tr
from .findings import Finding, both, quote, shown, where


def check_same_quantity(ledger: Ledger, relations: Relations) -> list[Finding]:
    """Passages that give one quantity must give one value."""
    out = []
    for relation in relations.same_quantity:
        facts = [ledger.facts[f] for f in relation["facts"] if f in ledger.facts]
        values = {(f.value, f.qualifier) for f in facts}
        if len(facts) < 2 or len(values) == 1:
            continue
        quantity = relation["quantity"]
        same_source = len({r.id for f in facts for r in f.sources}) == 1
        texts = {}
        for lang in ("en", "id"):
            parts = [f"{quote(shown(f, lang), lang)} ({where(f, lang)})" for f in facts]
            joined = "; ".join(parts)
            texts[lang] = joined
        out.append(Finding(
            id=f"value-conflict-{facts[0].id}", kind="value-conflict",
            title=both(f"Two values for {tr(quantity, 'en')}",
                       f"Dua nilai untuk {tr(quantity, 'id')}"),
            printed=both(texts["en"], texts["id"]),
            problem=both(
                f"The article gives different values for {tr(quantity, 'en')}: "
                f"{texts['en']}. It does not say which is right or why they differ"
                + (", although both rest on the same source." if same_source else "."),
                f"Artikel memberikan nilai yang berbeda untuk {tr(quantity, 'id')}: "
                f"{texts['id']}. Artikel tidak menjelaskan nilai mana yang benar atau mengapa "
                "keduanya berbeda"
                + (", padahal keduanya bersandar pada sumber yang sama." if same_source
                   else ".")),
            facts=tuple(f.id for f in facts),
            sources=tuple(dict.fromkeys(r.id for f in facts for r in f.sources))))
    return out


def claim_holds(ratio: float, claimed: float, qualifier: str, tolerance: float = 0.1) -> bool:
    """Does a ratio fit the claimed factor? 'nearly 2' means a little under 2, 'about 2' near
    2 either way (within `tolerance`, as a share of the claim), 'more than 2' above it."""
    if qualifier == "nearly":
        return claimed * (1 - tolerance) <= ratio <= claimed
    if qualifier in ("about", ""):
        return abs(ratio - claimed) <= claimed * tolerance
    if qualifier == "more-than":
        return ratio > claimed
    if qualifier == "less-than":
        return ratio < claimed
    return True


def check_change_claims(ledger: Ledger, relations: Relations) -> list[Finding]:
    """A described change must match the ratio of the two numbers it describes."""
    out = []
    for relation in relations.change_claims:
        claim = ledger.facts.get(relation["claim"])
        start, end = ledger.facts.get(relation["from"]), ledger.facts.get(relation["to"])
        if not (claim and start and end) or not start.value:
            continue
        ratio = end.value / start.value
        if claim_holds(ratio, claim.value, claim.qualifier):
            continue
        direction = {"en": "more", "id": "lebih besar"} if ratio > claim.value else {
            "en": "less", "id": "lebih kecil"}
        texts = {}
        for lang in ("en", "id"):
            texts[lang] = (format_number(end.value, lang), format_number(start.value, lang),
                           format_number(round(ratio, 2), lang), shown(claim, lang),
                           shown(start, lang), shown(end, lang))
        en, id_ = texts["en"], texts["id"]
        printed = relation.get("printed") or ""
        out.append(Finding(
            id=f"change-claim-{claim.id}", kind="change-claim",
            title=both(f"A change described as “{en[3]}” that its own numbers put at {en[2]}",
                       f"Perubahan yang disebut “{id_[3]}”, padahal angkanya sendiri menunjukkan "
                       f"{id_[2]}"),
            printed=both(
                (f"{quote(printed, 'en')}: " if printed else "")
                + f"from {en[4]} ({start.date}) to {en[5]} ({end.date}), {where(claim, 'en')}",
                (f"{quote(printed, 'id')}: " if printed else "")
                + f"dari {id_[4]} ({start.date}) menjadi {id_[5]} ({end.date}), "
                  f"{where(claim, 'id')}"),
            problem=both(
                f"The text calls the change {en[3]}, but its own numbers give {en[0]} / {en[1]} "
                f"≈ {en[2]}, {direction['en']} than the factor it states"
                + (" (and the later value is a lower bound, so the true ratio can only be "
                   "larger)." if end.qualifier == "more-than" and ratio > claim.value else "."),
                f"Teks menyebut perubahan itu {id_[3]}, padahal angkanya sendiri menghasilkan "
                f"{id_[0]} / {id_[1]} ≈ {id_[2]}, {direction['id']} daripada kelipatan yang "
                "disebutkannya"
                + (" (dan nilai akhirnya merupakan batas bawah, sehingga rasio sebenarnya hanya "
                   "bisa lebih besar)." if end.qualifier == "more-than" and ratio > claim.value
                   else ".")),
            facts=(claim.id, start.id, end.id),
            sources=tuple(dict.fromkeys(r.id for f in (claim, start, end) for r in f.sources))))
    return out


def _cell_number(cell: str) -> float | None:
    try:
        return float(cell)
    except ValueError:
        return None


def check_table_readings(ledger: Ledger, relations: Relations,
                         figures: tuple[Figure, ...] = ()) -> list[Finding]:
    """The text's reading of a table must be what the table shows. A finding is linked to the
    facts the text reads from the same figure."""
    figures = {f.id: f.read_in_text for f in figures}
    out = []
    for reading in relations.table_readings:
        table = ledger.tables.get(reading["table"])
        if table is None:
            continue
        names = [c.name for c in table.columns]
        (key, value), = reading["row"].items()
        rows = [dict(zip(names, row)) for row in table.rows]
        picked = [row for row in rows if row.get(key) == value]
        columns = reading["columns"]
        title_en, title_id = tr(table.title, "en"), tr(table.title, "id")
        claim = reading["claim"]
        printed = reading.get("printed") or ""
        if reading["contains"]:
            target = reading["contains"]
            if any(row.get(c) == target for row in picked for c in columns):
                continue
            listed = ", ".join(row.get(c, "") for row in picked for c in columns) or "—"
            elsewhere = [(row.get(key, ""), c) for row in rows if row not in picked
                         for c in columns if row.get(c) == target]
            also_en = "; ".join(f"the {k} row ({tr(_title(table, c), 'en')})"
                                for k, c in elsewhere)
            also_id = "; ".join(f"baris {k} ({tr(_title(table, c), 'id')})" for k, c in elsewhere)
            problem = both(
                f"The text says: {tr(claim, 'en')}. The table ({title_en}) does not show this: "
                f"its {value} row lists {listed}."
                + (f" {target} appears only in {also_en}." if elsewhere else
                   f" {target} does not appear in these columns at all."),
                f"Teks menyatakan: {tr(claim, 'id')}. Tabel ({title_id}) tidak menunjukkan hal "
                f"itu: baris {value} mencantumkan {listed}."
                + (f" {target} hanya muncul pada {also_id}." if elsewhere else
                   f" {target} sama sekali tidak muncul pada kolom-kolom tersebut."))
            facts = tuple(f for f in figures.get(reading["figure"], ()) if f in ledger.facts)
        else:
            fact = ledger.facts.get(reading["equals_fact"])
            if fact is None or not picked:
                continue
            cell = picked[0].get(columns[0], "")
            number = _cell_number(cell)
            if number is not None and abs(number - fact.value) < 1e-9:
                continue
            problem = both(
                f"The text says: {tr(claim, 'en')}. The table's {value} row gives {cell} in "
                f"column '{columns[0]}', but the fact {fact.id} is {fact.value:g}.",
                f"Teks menyatakan: {tr(claim, 'id')}. Baris {value} pada tabel memuat {cell} "
                f"pada kolom '{columns[0]}', tetapi fakta {fact.id} bernilai {fact.value:g}.")
            facts = (fact.id,)
        out.append(Finding(
            id=f"table-reading-{reading['id']}", kind="table-reading",
            title=both(f"A reading of the table that the table does not support: "
                       f"{tr(claim, 'en')}",
                       f"Pembacaan tabel yang tidak didukung tabel itu sendiri: "
                       f"{tr(claim, 'id')}"),
            printed=both(quote(printed, "en") if printed else tr(claim, "en"),
                         quote(printed, "id") if printed else tr(claim, "id")),
            problem=problem, facts=facts,
            sources=tuple(dict.fromkeys(r.id for r in table.sources))))
    return out


def _title(table, column_name: str) -> Text:
    for column in table.columns:
        if column.name == column_name:
            return column.title
    return {"en": column_name}
