"""The audit: the article's numbers and references checked against each other, at every build.

The article is recorded as printed (data/). These checks read that record and report every place
where the article disagrees with itself; each report is a `Finding` with a stable id, what was
printed and what is wrong, in every language. Nothing is fixed: findings are shown on the
Errata page (errata.py merges them with data/corrections.yml) and flagged on the facts involved.

    check_same_quantity   two passages give different values for one quantity (audit.yml)
    check_change_claims   a described change ("nearly doubled") its own numbers contradict
    check_table_readings  the text's reading of a table that the table does not support
    check_figure_numbers  figure numbering that repeats or skips (figures.yml)
    check_figure_periods  a value read from a figure for a date its caption does not cover
    check_ibid            an "Ibid." that does not point back to one source (footnotes.yml)
    check_bibliography    a source cited in the article but missing from its bibliography
    check_urls            a source URL printed two ways, or whose host misspells the source's
                          name, or whose path disagrees with the title it is printed with
    check_printings       a reference printed differently in the footnote and the bibliography

`load_audit_data` reads data/figures.yml, data/footnotes.yml and data/audit.yml (every mistake a
located ledger.Problem); `run_audit` runs all checks. Pure functions, tested one by one on small
made-up data and on the real article in tests/test_audit.py.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from citations import localize_locator
from formatting import format_fact, format_number
from ledger import (ID_RE, Fact, Ledger, Problem, Source, Text, _Entry, did_you_mean,
                    load_yaml, tr)

KINDS = ("value-conflict", "change-claim", "table-reading", "figure-number", "figure-period",
         "ibid", "not-in-bibliography", "url", "printing")
STATUSES = ("open", "confirmed", "fixed")


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


# --------------------------------------------------------------------------- audit data


@dataclass(frozen=True)
class Figure:
    id: str
    number: str
    printed: str
    source_line: str
    section: str
    sources: tuple[str, ...] = ()
    period: str = ""
    read_in_text: tuple[str, ...] = ()
    table: str = ""
    description: Text | None = None
    line: int = 0


@dataclass(frozen=True)
class Footnote:
    number: int
    printed: str
    section: str
    sources: tuple[str, ...]
    line: int = 0


@dataclass(frozen=True)
class Relations:
    same_quantity: tuple[dict, ...] = ()
    change_claims: tuple[dict, ...] = ()
    table_readings: tuple[dict, ...] = ()


@dataclass(frozen=True)
class AuditData:
    figures: tuple[Figure, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    relations: Relations = Relations()


SECTIONS = ("introduction", "core-values", "middle-range", "long-range", "conclusion")
PERIOD_RE = re.compile(r"^\d{4}(?:/\d{4})?$")


def _ids(entry: _Entry, key: str, known, kind: str, where: str) -> tuple[str, ...]:
    out = []
    for item in entry.list(key):
        item = str(item)
        if known is not None and item not in known:
            entry.fail(entry.line_of(key), f"{entry.name}: unknown {kind} '{item}'"
                       f"{did_you_mean(item, known)} ({kind} ids live in {where})")
        out.append(item)
    return tuple(out)


def load_audit_data(data_dir: Path, ledger: Ledger, problems: list[Problem],
                    languages: tuple[str, ...]) -> AuditData:
    """Read and validate data/figures.yml, data/footnotes.yml and data/audit.yml."""
    facts = None if "facts" in ledger.unreadable else set(ledger.facts) | ledger.declared_facts
    sources = None if "sources" in ledger.unreadable else (set(ledger.sources)
                                                            | ledger.declared_sources)
    figures = _load_figures(data_dir, facts, sources, set(ledger.tables), problems, languages)
    footnotes = _load_footnotes(data_dir, sources, problems, languages)
    relations = _load_relations(data_dir, ledger, facts, {f.id for f in figures}, problems,
                                languages)
    return AuditData(figures, footnotes, relations)


def _entries(data, rel: str, kind: str, problems: list[Problem]) -> list:
    if data is None:
        return []
    if not isinstance(data, list):
        problems.append(Problem(rel, getattr(data, "line", 1),
                                f"the file must be a YAML list of {kind}s ('- ...')"))
        return []
    return data


def _load_figures(data_dir, facts, sources, tables, problems, languages) -> tuple[Figure, ...]:
    rel = "data/figures.yml"
    out, seen = [], set()
    for raw in _entries(load_yaml(data_dir / "figures.yml", rel, problems), rel, "figure",
                        problems):
        entry = _Entry(raw, rel, "figure", problems, 1, languages)
        if not entry.ok:
            continue
        entry.only(("id", "number", "printed", "source_line", "section", "sources", "period",
                    "read_in_text", "table", "description"))
        ident = entry.identifier()
        if ident in seen:
            entry.fail(entry.line_of("id"), f"duplicate figure id '{ident}'")
        seen.add(ident)
        number = entry.text("number", required=True)
        if number and not re.match(r"^\d+(?:\.\d+)*$", number):
            entry.fail(entry.line_of("number"), f"{entry.name}: 'number' is '{number}'; write "
                       "the number as digits and points, e.g. \"4.3\" (the printed form goes in "
                       "'printed')")
        period = entry.text("period")
        if period and not PERIOD_RE.match(period):
            entry.fail(entry.line_of("period"), f"{entry.name}: 'period' is '{period}'; write "
                       "\"YYYY\" or \"YYYY/YYYY\"")
        table = entry.text("table")
        if table and table not in tables:
            entry.fail(entry.line_of("table"), f"{entry.name}: unknown table '{table}'"
                       f"{did_you_mean(table, tables)}")
        figure = Figure(
            id=ident, number=number, printed=entry.text("printed", required=True),
            source_line=entry.text("source_line"), section=entry.choice("section", SECTIONS,
                                                                         required=True),
            sources=_ids(entry, "sources", sources, "source", "data/sources.yml"),
            period=period, read_in_text=_ids(entry, "read_in_text", facts, "fact",
                                             "data/facts.yml"),
            table=table, description=entry.localized("description") or None, line=entry.line)
        if entry.ok:
            out.append(figure)
    return tuple(out)


def _load_footnotes(data_dir, sources, problems, languages) -> tuple[Footnote, ...]:
    rel = "data/footnotes.yml"
    out = []
    for raw in _entries(load_yaml(data_dir / "footnotes.yml", rel, problems), rel, "footnote",
                        problems):
        entry = _Entry(raw, rel, "footnote", problems, 1, languages)
        if not entry.ok:
            continue
        entry.name = f"footnote {raw.get('number')}"
        entry.only(("number", "printed", "section", "sources"))
        number = entry.number("number", required=True)
        if number is not None and (not isinstance(number, int) or number < 1):
            entry.fail(entry.line_of("number"), f"{entry.name}: 'number' must be a whole "
                       "number from 1")
        expected = len(out) + 1
        if isinstance(number, int) and number != expected and entry.ok:
            entry.fail(entry.line_of("number"), f"{entry.name}: footnotes are listed in order, "
                       f"so this one should be number {expected}")
        footnote = Footnote(number or 0, entry.text("printed", required=True),
                            entry.choice("section", SECTIONS, required=True),
                            _ids(entry, "sources", sources, "source", "data/sources.yml"),
                            entry.line)
        if not footnote.sources:
            entry.fail(entry.line, f"{entry.name}: list the source(s) it refers to in "
                       "'sources'")
        if entry.ok:
            out.append(footnote)
    return tuple(out)


def _load_relations(data_dir, ledger, facts, figures, problems, languages) -> Relations:
    rel = "data/audit.yml"
    raw = load_yaml(data_dir / "audit.yml", rel, problems)
    if raw is None:
        return Relations()
    if not isinstance(raw, dict):
        problems.append(Problem(rel, 1, "the file must map same_quantity, change_claims and "
                                "table_readings to lists"))
        return Relations()
    for key in raw:
        if key not in ("same_quantity", "change_claims", "table_readings"):
            problems.append(Problem(rel, raw.line_of(key), f"unknown section '{key}'"
                                    f"{did_you_mean(key, ('same_quantity', 'change_claims', 'table_readings'))}"))
    same, changes, readings = [], [], []
    for item in _entries(raw.get("same_quantity"), rel, "relation", problems):
        entry = _Entry(item, rel, "same_quantity relation", problems, 1, languages)
        if not entry.ok:
            continue
        entry.only(("facts", "quantity"))
        ids = _ids(entry, "facts", facts, "fact", "data/facts.yml")
        if len(ids) < 2:
            entry.fail(entry.line_of("facts"), f"{entry.name}: name at least two facts")
        quantity = entry.localized("quantity", required=True)
        if entry.ok:
            same.append({"facts": ids, "quantity": quantity, "line": entry.line})
    for item in _entries(raw.get("change_claims"), rel, "relation", problems):
        entry = _Entry(item, rel, "change_claims relation", problems, 1, languages)
        if not entry.ok:
            continue
        entry.only(("claim", "from", "to", "printed"))
        fields = {}
        for key in ("claim", "from", "to"):
            value = entry.text(key, required=True)
            if value and facts is not None and value not in facts:
                entry.fail(entry.line_of(key), f"{entry.name}: unknown fact '{value}'"
                           f"{did_you_mean(value, facts)}")
            fields[key] = value
        fields["printed"] = entry.text("printed")
        if entry.ok:
            changes.append(fields | {"line": entry.line})
    for item in _entries(raw.get("table_readings"), rel, "relation", problems):
        entry = _Entry(item, rel, "table reading", problems, 1, languages)
        if not entry.ok:
            continue
        entry.only(("id", "table", "figure", "row", "columns", "contains", "equals_fact",
                    "printed", "claim"))
        ident = entry.identifier()
        table = ledger.tables.get(entry.text("table", required=True))
        if table is None and entry.raw.get("table"):
            entry.fail(entry.line_of("table"), f"{entry.name}: unknown table "
                       f"'{entry.raw['table']}'{did_you_mean(entry.raw['table'], ledger.tables)}")
        figure = entry.text("figure")
        if figure and figure not in figures:
            entry.fail(entry.line_of("figure"), f"{entry.name}: unknown figure '{figure}'"
                       f"{did_you_mean(figure, figures)} (figures live in data/figures.yml)")
        row = entry.raw.get("row")
        columns = [str(c) for c in entry.list("columns", required=True)]
        names = {c.name for c in table.columns} if table else set()
        if not (isinstance(row, dict) and len(row) == 1):
            entry.fail(entry.line_of("row"), f"{entry.name}: 'row' must be one "
                       "{column: value} pair that picks the row")
        elif table:
            columns_to_check = [*row, *columns]
            for column in columns_to_check:
                if column not in names:
                    entry.fail(entry.line_of("columns"), f"{entry.name}: table '{table.id}' "
                               f"has no column '{column}'{did_you_mean(column, names)}")
        contains, equals = entry.text("contains"), entry.text("equals_fact")
        if bool(contains) == bool(equals):
            entry.fail(entry.line, f"{entry.name}: give exactly one of 'contains' (a value "
                       "the row must show) or 'equals_fact' (a fact the cell must equal)")
        if equals and facts is not None and equals not in facts:
            entry.fail(entry.line_of("equals_fact"), f"{entry.name}: unknown fact '{equals}'"
                       f"{did_you_mean(equals, facts)}")
        if equals and len(columns) != 1:
            entry.fail(entry.line_of("columns"), f"{entry.name}: 'equals_fact' compares one "
                       "column; list exactly one")
        claim = entry.localized("claim", required=True)
        if entry.ok:
            readings.append({"id": ident, "table": table.id, "figure": figure,
                             "row": dict(row), "columns": tuple(columns), "contains": contains,
                             "equals_fact": equals, "printed": entry.text("printed"),
                             "claim": claim, "line": entry.line})
    return Relations(tuple(same), tuple(changes), tuple(readings))


# --------------------------------------------------------------------------- helpers


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


# --------------------------------------------------------------------------- checks: numbers


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


# --------------------------------------------------------------------------- checks: figures


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


# --------------------------------------------------------------------------- checks: references

IBID_RE = re.compile(r"\bibid\b", re.IGNORECASE)
PAGE_RE = re.compile(r"\b(?:hlm|p|pp|page)\.?\s*\d", re.IGNORECASE)


def check_ibid(footnotes: tuple[Footnote, ...], ledger: Ledger) -> list[Finding]:
    """An 'Ibid.' must refer, unambiguously, to the one source of the footnote before it."""
    out = []
    previous = {f.number: f for f in footnotes}
    for footnote in footnotes:
        if not IBID_RE.search(footnote.printed):
            continue
        before = previous.get(footnote.number - 1)
        reasons_en, reasons_id = [], []
        if len(footnote.sources) > 1:
            reasons_en.append("it can refer to more than one source: "
                              + ", ".join(footnote.sources))
            reasons_id.append("catatan ini dapat merujuk pada lebih dari satu sumber: "
                              + ", ".join(footnote.sources))
        if before is None:
            reasons_en.append("no footnote precedes it")
            reasons_id.append("tidak ada catatan kaki sebelumnya")
        else:
            if set(footnote.sources) != set(before.sources):
                reasons_en.append(f"footnote {before.number}, just before it, cites "
                                  f"{', '.join(before.sources)}")
                reasons_id.append(f"catatan kaki {before.number}, tepat sebelumnya, mengutip "
                                  f"{', '.join(before.sources)}")
            if PAGE_RE.search(footnote.printed) and not any(
                    ledger.sources[s].csl.get("page") or ledger.sources[s].csl.get("volume")
                    for s in before.sources if s in ledger.sources):
                reasons_en.append(f"it gives a page, but footnote {before.number}'s source "
                                  "has no pages")
                reasons_id.append(f"catatan ini menyebut nomor halaman, padahal sumber catatan "
                                  f"kaki {before.number} tidak berhalaman")
            if not IBID_RE.match(footnote.printed.strip()):
                reasons_en.append("it names an author before “Ibid.”, which should stand alone")
                reasons_id.append("catatan ini menyebut nama penulis sebelum “Ibid.”, padahal "
                                  "“Ibid.” seharusnya berdiri sendiri")
        if not reasons_en:
            continue
        printed = f"{footnote.number}. {footnote.printed}"
        out.append(Finding(
            id=f"ibid-footnote-{footnote.number}", kind="ibid",
            title=both(f"An unclear “Ibid.” in footnote {footnote.number}",
                       f"“Ibid.” yang tidak jelas pada catatan kaki {footnote.number}"),
            printed=both(quote(printed, "en"), quote(printed, "id")),
            problem=both(
                "“Ibid.” should repeat the source of the footnote just before it, but "
                + "; ".join(reasons_en) + ". The edition lists the possible sources and does "
                "not choose between them.",
                "“Ibid.” seharusnya mengulang sumber catatan kaki tepat sebelumnya, tetapi "
                + "; ".join(reasons_id) + ". Edisi ini mencantumkan sumber-sumber yang mungkin "
                "dan tidak memilih salah satunya."),
            facts=tuple(f.id for f in ledger.facts.values()
                        if re.search(rf"\bfootnote {footnote.number}\b", f.sourced_by)),
            sources=footnote.sources))
    return out


def check_bibliography(ledger: Ledger) -> list[Finding]:
    """A source the article cites must be in its bibliography."""
    out = []
    for source in ledger.sources.values():
        if source.in_bibliography or not source.cited_as:
            continue
        cited = "; ".join(source.cited_as)
        printed = source.printed[0] if source.printed else cited
        out.append(Finding(
            id=f"not-in-bibliography-{source.id}", kind="not-in-bibliography",
            title=both(f"Cited but not in the bibliography: {_name(source)}",
                       f"Dikutip tetapi tidak ada dalam daftar pustaka: {_name(source)}"),
            printed=both(f"{quote(printed, 'en')} ({localize_locator(cited, 'en')})",
                         f"{quote(printed, 'id')} ({localize_locator(cited, 'id')})"),
            problem=both(
                f"The article cites this source ({localize_locator(cited, 'en')}) but its "
                "bibliography (Daftar Pustaka) does not list it"
                + (", and it prints no full reference anywhere." if not source.csl.get("title")
                   else "."),
                f"Artikel mengutip sumber ini ({localize_locator(cited, 'id')}), tetapi daftar "
                "pustakanya tidak mencantumkannya"
                + (", dan rujukan lengkapnya tidak dicetak di mana pun."
                   if not source.csl.get("title") else ".")),
            sources=(source.id,)))
    return out


def _name(source: Source) -> str:
    csl = source.csl
    who = ""
    if csl.get("author"):
        first = csl["author"][0]
        who = first.get("literal") or first.get("family", "")
    elif csl.get("container-title"):
        who = csl["container-title"]
    issued = (csl.get("issued") or {}).get("date-parts", [[None]])[0]
    year = f" {issued[0]}" if issued and issued[0] else ""
    return f"{who or source.id}{year}"


URL_RE = re.compile(r"https?://[^\s,<>\"]+")


def printed_urls(source: Source) -> list[str]:
    """Every URL the article prints for a source (trailing punctuation trimmed), in order."""
    urls = []
    for text in source.printed:
        for url in URL_RE.findall(text):
            url = url.rstrip(".,;)")
            if url not in urls:
                urls.append(url)
    if source.csl.get("URL") and source.csl["URL"] not in urls:
        urls.append(source.csl["URL"])
    return urls


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[^a-z0-9]+", str(text).lower()) if t]


def _name_candidates(source: Source) -> dict[str, str]:
    """Strings a host name may be built from: single words and runs of words of each name."""
    names = [a.get("literal", "") for a in source.csl.get("author", [])]
    names += [source.csl.get("container-title", ""), source.csl.get("publisher", "")]
    out = {}
    for name in filter(None, names):
        words = [w for w in _tokens(name) if w not in ("of", "the", "and")]
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                joined = "".join(words[i:j])
                if len(joined) >= 5:
                    out.setdefault(joined, name)
    return out


def _host_labels(url: str) -> list[str]:
    host = urlsplit(url).hostname or ""
    labels = host.split(".")
    return [label for label in labels[:-1] if label not in ("www", "en")]


def _slug_mismatches(url: str, title: str) -> list[tuple[str, str]]:
    """(word in the URL path, word in the title) pairs that nearly match but differ."""
    if not title:
        return []
    title_words = set(_tokens(title.replace("'", ""))) | set(_tokens(title))
    segment = [s for s in urlsplit(url).path.split("/") if s]
    if not segment:
        return []
    words = _tokens(re.sub(r"\.\w+$", "", segment[-1]))
    if len(set(words) & title_words) < 2:  # the path does not spell the title
        return []
    out = []
    for word in words:
        if word in title_words:
            continue
        if word.isdigit():
            close = [t for t in title_words if t.isdigit() and len(t) == len(word)]
        else:
            close = difflib.get_close_matches(word, [t for t in title_words if not t.isdigit()],
                                              n=1, cutoff=0.8)
            close += [t for t in title_words if len(word) >= 3 and t.startswith(word)
                      and t != word and not t.isdigit()]
        if close:
            out.append((word, close[0]))
    return out


def check_urls(ledger: Ledger) -> list[Finding]:
    """A source's URL: printed one way, its host spelling its publisher's name, its path its
    title."""
    out = []
    for source in ledger.sources.values():
        urls = printed_urls(source)
        if len(urls) > 1:
            hosts = [urlsplit(u).hostname or "" for u in urls]
            listed = "; ".join(urls)
            differ_host = len(set(hosts)) > 1
            out.append(Finding(
                id=f"url-printings-{source.id}", kind="url",
                title=both(f"One source, two URLs: {_name(source)}",
                           f"Satu sumber, dua URL: {_name(source)}"),
                printed=both(listed, listed),
                problem=both(
                    "The article prints this source's address in two forms (the footnote and "
                    "the bibliography)"
                    + (f"; the hosts differ ({' / '.join(dict.fromkeys(hosts))}), so at most one "
                       "of them is right." if differ_host else "; at most one is right."),
                    "Artikel mencetak alamat sumber ini dalam dua bentuk (di catatan kaki dan di "
                    "daftar pustaka)"
                    + (f"; host-nya berbeda ({' / '.join(dict.fromkeys(hosts))}), sehingga "
                       "paling banyak satu yang benar." if differ_host
                       else "; paling banyak satu yang benar.")),
                sources=(source.id,)))
        candidates = _name_candidates(source)
        for url in urls:
            for label in _host_labels(url):
                if label in candidates or any(label == c or label.startswith(c) and
                                              len(c) >= 8 for c in candidates):
                    continue
                close = difflib.get_close_matches(label, list(candidates), n=1, cutoff=0.85)
                if not close:
                    continue
                host = urlsplit(url).hostname
                name = candidates[close[0]]
                out.append(Finding(
                    id=f"url-host-{source.id}", kind="url",
                    title=both(f"A misspelt address: {host}",
                               f"Alamat yang salah eja: {host}"),
                    printed=both(url, url),
                    problem=both(
                        f"The host {host} looks like a misspelling of “{close[0]}”, built from "
                        f"the source's name ({name}). The edition keeps the address as printed "
                        "and does not check or correct it.",
                        f"Host {host} tampaknya salah eja dari “{close[0]}”, yang terbentuk dari "
                        f"nama sumbernya ({name}). Edisi ini mempertahankan alamat sebagaimana "
                        "tercetak dan tidak memeriksa ataupun memperbaikinya."),
                    sources=(source.id,)))
        for url in urls[:1]:
            mismatches = _slug_mismatches(url, source.csl.get("title", ""))
            if not mismatches:
                continue
            pairs_en = ", ".join(f"“{a}” for “{b}”" for a, b in mismatches)
            pairs_id = ", ".join(f"“{a}” untuk “{b}”" for a, b in mismatches)
            out.append(Finding(
                id=f"url-title-{source.id}", kind="url", status="open",
                title=both(f"An address that does not match its title: {_name(source)}",
                           f"Alamat yang tidak sesuai dengan judulnya: {_name(source)}"),
                printed=both(f"{quote(source.csl.get('title', ''), 'en')}; {url}",
                             f"{quote(source.csl.get('title', ''), 'id')}; {url}"),
                problem=both(
                    f"The address spells the title with {pairs_en}. Either the title or the "
                    "address is misprinted, or the address is cut short; the edition has not "
                    "checked which.",
                    f"Alamat itu menuliskan judulnya dengan {pairs_id}. Entah judul atau alamatnya "
                    "salah cetak, atau alamatnya terpotong; edisi ini belum memeriksa mana yang "
                    "benar."),
                sources=(source.id,)))
    return out


def check_printings(ledger: Ledger) -> list[Finding]:
    """A reference printed twice (footnote, bibliography) must be printed the same, apart from
    its URL (check_urls) and punctuation."""
    out = []
    for source in ledger.sources.values():
        if len(source.printed) < 2:
            continue
        variants = [[t for t in re.split(r"[^\w]+", URL_RE.sub("", text)) if t]
                    for text in source.printed]
        first = variants[0]
        diffs = []
        for other in variants[1:]:
            matcher = difflib.SequenceMatcher(a=first, b=other, autojunk=False)
            for op, a1, a2, b1, b2 in matcher.get_opcodes():
                if op != "equal":
                    diffs.append((" ".join(first[a1:a2]), " ".join(other[b1:b2])))
        if not diffs:
            continue
        pairs = ", ".join(f"“{a or '—'}” / “{b or '—'}”" for a, b in diffs)
        listed = " | ".join(source.printed)
        out.append(Finding(
            id=f"printing-{source.id}", kind="printing",
            title=both(f"A reference printed two ways: {_name(source)}",
                       f"Rujukan yang dicetak dalam dua bentuk: {_name(source)}"),
            printed=both(listed, listed),
            problem=both(
                f"The footnote and the bibliography print this reference differently: {pairs}. "
                "The edition records both printings.",
                f"Catatan kaki dan daftar pustaka mencetak rujukan ini secara berbeda: {pairs}. "
                "Edisi ini mencatat kedua bentuk cetakannya."),
            sources=(source.id,)))
    return out


# --------------------------------------------------------------------------- all checks


def run_audit(ledger: Ledger, data: AuditData) -> list[Finding]:
    """Every finding, in a stable order (by check, then as the checks report them)."""
    findings = [
        *check_same_quantity(ledger, data.relations),
        *check_change_claims(ledger, data.relations),
        *check_table_readings(ledger, data.relations, data.figures),
        *check_figure_numbers(data.figures),
        *check_figure_periods(data.figures, ledger),
        *check_ibid(data.footnotes, ledger),
        *check_bibliography(ledger),
        *check_urls(ledger),
        *check_printings(ledger),
    ]
    seen, unique = set(), []
    for finding in findings:
        if finding.id not in seen and ID_RE.match(finding.id):
            seen.add(finding.id)
            unique.append(finding)
    return unique
