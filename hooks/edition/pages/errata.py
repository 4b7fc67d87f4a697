"""evidence/errata.md: every known error in the article and in this edition, by group: what was
printed, what is wrong, the evidence, the status and the guard (checks/errata.py)."""

from __future__ import annotations

from ..checks.errata import Errata, Erratum
from ..data.corrections import GROUPS, STATUSES
from ..data.ledger import Ledger
from ..data.pages import ERRATA_PAGE, FACTS_PAGE, SOURCES_PAGE, relative
from ..locale import words
from ..locale.dates import format_iso_date
from ..locale.numbers import format_number
from ..locale.text import tr
from ..render.escape import escape
from ..render.notes import erratum_anchor

PAGE_PATH = ERRATA_PAGE


def errata_page(errata: Errata, ledger: Ledger, lang: str, repo_url: str = "",
                line_url=None) -> str:
    """evidence/errata.md as Markdown (all data text escaped)."""
    text = words("errata", lang)
    page = ERRATA_PAGE
    edit = f"{repo_url.rstrip('/')}/blob/main/data/corrections.yml" if repo_url else ""
    counts = {s: sum(1 for e in errata.entries if e.status == s) for s in STATUSES}
    out = ["---", f"title: {text['title']}", f"description: \"{text['description']}\"", "---",
           "", f"# {text['title']} {{#errata}}", "",
           text["intro"].format(edit=edit or "../data/corrections.yml",
                                correct=relative("about/correct.md", page)), "",
           text["counts"].format(total=len(errata.entries), **counts), "",
           text["legend"], ""]
    for group, _ in GROUPS:
        members = [e for e in errata.entries if e.group == group]
        out += [f"## {text['groups'][group]} {{#{group}}}", ""]
        if not members:
            out += [text["none"], ""]
            continue
        for erratum in members:
            out += _entry(erratum, ledger, lang, text, page, line_url)
    return "\n".join(out) + "\n"


def _entry(erratum: Erratum, ledger: Ledger, lang: str, text: dict, page: str,
           line_url) -> list[str]:
    status = erratum.status
    meta = [f'<span class="erratum-status erratum-status--{status}" '
            f'title="{escape(text["status_help"][status])}">{text["status"][status]}</span>',
            text["recorded"].format(format_iso_date(erratum.date, lang)) if erratum.date
            else text["unrecorded"],
            text["audit"] if erratum.finding else text["manual"]]
    rows = [(text["printed"], escape(tr(erratum.printed, lang))),
            (text["problem"], escape(tr(erratum.problem, lang)))]
    if erratum.evidence:
        rows.append((text["evidence"], escape(tr(erratum.evidence, lang))))
    if erratum.facts:
        rows.append((text["facts"], ", ".join(
            f"[{escape(tr(ledger.facts[f].label, lang))}]({relative(FACTS_PAGE, page)}#fact-{f})"
            if f in ledger.facts else f"<code>{escape(f)}</code>" for f in erratum.facts)))
    if erratum.sources:
        rows.append((text["sources"], ", ".join(
            f"[{escape(s)}]({relative(SOURCES_PAGE, page)}#{s})"
            for s in erratum.sources)))
    for guard in erratum.guards:
        rows.append((text["guard"], escape(
            text["guard_fact"].format(id=guard.target, value=format_number(guard.value, lang)
                                      if isinstance(guard.value, (int, float)) else guard.value)
            if guard.kind == "fact"
            else text["guard_source"].format(field=guard.field, id=guard.target))))
    out = [f"### {escape(tr(erratum.title, lang))} {{#{erratum_anchor(erratum.id)}}}", "",
           f'<p class="erratum-meta">{" · ".join(meta)}</p>', ""]
    out += [f"- **{label}:** {value}" for label, value in rows]
    if erratum.line and line_url:
        out += [f"- [{text['edit']}]({line_url('data/corrections.yml', erratum.line)})"]
    out.append("")
    return out


def make(context) -> str:
    return errata_page(context.errata, context.ledger, context.lang,
                       context.repository.repo_url, context.repository.line_url)
