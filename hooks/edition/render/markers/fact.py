"""{{ fact:ID }}: a number of data/facts.yml, in the page's language, with its flags (unsourced,
inconsistent) and its sources as footnotes.

    The drones destroyed {{ fact:tb2-armoured-vehicles-destroyed }} within ...
"""

from __future__ import annotations

from ...data.pages import FACTS_PAGE, relative
from ...locale import words
from ...locale.numbers import format_fact
from ...locale.text import tr
from ...markup.kinds import MarkerKind, Uses
from ..escape import escape


def render_fact(renderer, fact_id: str, cited: tuple = ()) -> str:
    """A fact with its flags and footnotes; sources in `cited` are footnoted elsewhere."""
    fact = renderer.ledger.facts[fact_id]
    lang, notes = renderer.lang, renderer.notes
    label = escape(notes.fact_title(fact) if notes else tr(fact.label, lang))
    classes = "fact"
    if fact.unsourced:
        classes += " fact--unsourced"
    if fact.status == "inconsistent":
        classes += " fact--inconsistent"
    out = (f'<span class="{classes}" data-fact="{fact.id}" title="{label}">'
           f"{escape(format_fact(fact, lang))}</span>")
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


KIND = MarkerKind(
    "fact", order=10, ids=lambda ledger: ledger.known("facts"), where="data/facts.yml",
    render=lambda renderer, arg, locator: render_fact(renderer, arg),
    uses=lambda ledger, arg: Uses(facts=(arg,)))
