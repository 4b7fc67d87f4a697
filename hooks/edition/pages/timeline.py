"""evidence/timeline.md: every dated event of data/events.yml, in date order, as an ordered
list that CSS draws as a vertical timeline; each event with its sources as footnotes and links
to the sections that discuss it."""

from __future__ import annotations

from ..data.events import EVENT_CATEGORIES, ISO_RE
from ..data.pages import TIMELINE_PAGE, relative
from ..locale import words
from ..locale.text import tr
from ..render.dates import format_event_date
from ..render.escape import escape

PAGE_PATH = TIMELINE_PAGE


def timeline_page(ledger, usage, lang: str) -> str:
    """The timeline page as Markdown (markers inside are rendered like any page's)."""
    text = words("timeline", lang)
    page = TIMELINE_PAGE
    names = text["categories"]
    used = [c for c in EVENT_CATEGORIES if any(e.category == c for e in ledger.events)]
    out = ["---", f"title: {text['title']}", "---", "",
           f"# {text['title']} {{#timeline}}", "", text["intro"], "",
           f'<p class="timeline-legend"><span class="timeline-legend__title">{text["legend"]}:'
           "</span> " + " ".join(f'<span class="timeline-legend__item timeline--{c}">'
                                 f"{names[c]}</span>" for c in used) + "</p>", "",
           '<ol class="timeline" markdown>']
    sections = getattr(usage, "sections", {}) or {}
    for event in ledger.events:
        when = escape(format_event_date(event.date, lang))
        datetime = event.date if ISO_RE.match(event.date) else ""
        # <time> needs a machine-readable date; "late 1980s" has none (HTML knows no decade),
        # so it is plain text in the same style
        time = (f'<time class="timeline__date" datetime="{datetime}">{when}</time>' if datetime
                else f'<span class="timeline__date">{when}</span>')
        cites = "".join(f"{{{{ cite:{ref.id} | {ref.locator} }}}}" if ref.locator else
                        f"{{{{ cite:{ref.id} }}}}" for ref in event.sources)
        flag = (f' <small class="fact-flag fact-flag--unsourced">({text["unsourced"]})</small>'
                if event.unsourced else "")
        parts = [f'<li class="timeline__event timeline--{event.category}" '
                 f'id="event-{event.id}" markdown="span">',
                 f'<span class="timeline__when">{time} '
                 f'<span class="timeline__category">{names[event.category]}</span></span>',
                 f'<span class="timeline__title">{escape(tr(event.title, lang))}{flag}'
                 f"{cites}</span>"]
        if event.note:
            parts.append(f'<span class="timeline__note">{escape(tr(event.note, lang))}</span>')
        if event.facts:
            facts = "; ".join(f"{escape(tr(ledger.facts[f].label, lang))}: {{{{ fact:{f} }}}}"
                              for f in event.facts if f in ledger.facts)
            parts.append(f'<span class="timeline__facts">{text["numbers"]}: {facts}</span>')
        links = []
        for target in event.sections:
            base, _, anchor = target.partition("#")
            page_title, section_title = sections.get(target, (base, ""))
            label = page_title + (f" › {section_title}" if section_title else "")
            links.append(f"[{escape(label)}]({relative(base, page)}"
                         f"{'#' + anchor if anchor else ''})")
        parts.append(f'<span class="timeline__sections">{text["discussed"]}: '
                     f"{', '.join(links)}</span>")
        parts.append("</li>")
        out.append("\n".join(parts))
    out += ["</ol>", ""]
    return "\n".join(out) + "\n"


def make(context) -> str:
    return timeline_page(context.ledger, context.usage, context.lang)
