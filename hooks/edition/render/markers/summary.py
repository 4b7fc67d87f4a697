"""{{ summary:holsti }}: the three Holsti categories of data/categories.yml, each with the
interests the authors identify and its key facts, linking to its chapter."""

from __future__ import annotations

from ...data.pages import relative
from ...locale import words
from ...locale.text import tr
from ...markup.kinds import MarkerKind, Uses
from ..escape import escape
from .fact import render_fact


def render_summary(renderer, _arg: str, locator: str = "") -> str:
    ledger, lang, text = renderer.ledger, renderer.lang, renderer.text
    lines = [f"| {text['category']} | {text['interests']} | "
             f"{text['key_facts']} |", "| :--- | :--- | :--- |"]
    names = words("formats", lang)["categories"]
    for category in ledger.categories:
        link = relative(category.page, renderer.page_path)
        name = f"[{escape(tr(category.title, lang) or names[category.id])}]({link})"
        interests = "<br>".join(f"• {escape(tr(i, lang))}" for i in category.interests)
        facts = "<br>".join(f"{escape(tr(ledger.facts[f].label, lang))}: "
                            f"{render_fact(renderer, f)}"
                            for f in category.key_facts)
        lines.append(f"| {name} | {interests} | {facts} |")
    return "\n".join(lines) + "\n"


KIND = MarkerKind(
    "summary", order=40, ids=lambda ledger: ("holsti",), where="hooks/edition/render/markers/summary.py",
    render=render_summary, block=True,
    uses=lambda ledger, arg: Uses(facts=tuple(f for c in ledger.categories for f in c.key_facts)))
