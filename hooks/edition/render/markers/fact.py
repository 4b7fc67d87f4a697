"""{{ fact:ID }}: a number of data/facts.yml, in the page's language, with its flags (unsourced,
inconsistent) and its sources as footnotes.

    The drones destroyed {{ fact:tb2-armoured-vehicles-destroyed }} within ...

{{ fact:ID | words }} writes its number in words where the language's style does (a small
count in running text: "six weeks", "enam minggu", "kedelapan"; locale/spelling.py), and in
digits otherwise; the data, the title, the ledger and the downloads keep the number.
"""

from __future__ import annotations

from ...data.pages import FACTS_PAGE, relative
from ...locale import words
from ...locale.numbers import format_fact
from ...locale.spelling import never_in_words
from ...locale.text import tr
from ...markup.kinds import MarkerKind, Option, Uses
from ..escape import escape

WORDS = "words"


def render_fact(renderer, fact_id: str, cited: tuple = (), spell_out: bool = False) -> str:
    """A fact with its flags and footnotes; sources in `cited` are footnoted elsewhere; with
    `spell_out`, its number in words where the page's language writes it so."""
    fact = renderer.ledger.facts[fact_id]
    lang, notes = renderer.lang, renderer.notes
    label = escape(notes.fact_title(fact) if notes else tr(fact.label, lang))
    classes = "fact"
    if fact.unsourced:
        classes += " fact--unsourced"
    if fact.status == "inconsistent":
        classes += " fact--inconsistent"
    out = (f'<span class="{classes}" data-fact="{fact.id}" title="{label}">'
           f"{escape(format_fact(fact, lang, spell_out))}</span>")
    ledger_link = f"{relative(FACTS_PAGE, renderer.page_path)}#fact-{fact.id}"
    if fact.unsourced:
        out += (f' <small class="fact-flag fact-flag--unsourced">'
                f"([{words('formats', lang)['unsourced']}]({ledger_link}))</small>")
        out += renderer.footnotes.unsourced()
    if fact.status == "inconsistent":
        errata = notes.fact_errata(fact.id) if notes else ()
        target = notes.erratum_link(errata[0]) if errata else ledger_link
        out += (f' <small class="fact-flag fact-flag--inconsistent">'
                f"([{renderer.text['inconsistent']}]({target}))</small>")
    for ref in fact.sources:
        if ref not in cited:
            out += renderer.footnotes.ref(ref.id, ref.locator)
    for key in [r.id for r in fact.sources] or ["unsourced-in-the-article"]:
        renderer.footnotes.note_fact(key, fact.id)  # its "Correct this number" link
    return out


def check_words(ledger, fact_id: str, value: str) -> str:
    """'| words' on a fact that no language writes in words (a measure, a decimal, a long
    number) would change nothing: say so, rather than leave the reader's digits unexplained."""
    fact = ledger.facts.get(fact_id)
    if fact is None:
        return ""
    unit_en = tr(fact.unit, "en")
    why = never_in_words(fact.value, unit_en, ledger.languages, ordinal=unit_en == "ordinal")
    return (f"{format_fact(fact, 'en')} is written in digits, since {why}; remove '| {WORDS}' "
            f"(words are for small counts: CONTRIBUTING.md, 'Numbers in words')") if why else ""


KIND = MarkerKind(
    "fact", order=10, ids=lambda ledger: ledger.known("facts"), where="data/facts.yml",
    render=lambda renderer, arg, option: render_fact(renderer, arg, spell_out=option == WORDS),
    uses=lambda ledger, arg: Uses(facts=(arg,)),
    option=Option("style", WORDS, choices=(WORDS,), check=check_words,
                  hint="a fact's sources and their locators live in data/facts.yml"))
