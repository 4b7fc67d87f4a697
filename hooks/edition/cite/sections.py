"""'Cite this section': a control after each H2/H3 of a content page, whose formats (APA 7,
Chicago, BibTeX, RIS) go together at the end of the page.

The disclosure holds a link to the formats (with the permalink), which go together at the end
of the page (`citation_appendix`): side by side, their shared wording compresses to a fraction
of what it takes spread through the page. cite.js moves a section's formats into its disclosure
when the reader opens it; without JavaScript the link leads to them.
"""

from __future__ import annotations

import re

from ..locale import words
from .formats import Edition, Work, edition_formats, esc, formats_html, meta_line


def section_control(edition: Edition, work: Work, anchor: str) -> tuple[str, str]:
    """The 'Cite this section' disclosure for one heading, and its formats.

    The disclosure holds a link to the formats (with the permalink), which go together at the end
    of the page (`citation_appendix`): side by side, their shared wording compresses to a
    fraction of what it takes spread through the page. cite.js moves a section's formats into
    its disclosure when the reader opens it; without JavaScript the link leads to them.
    """
    text = words("cite", edition.lang)
    formats = formats_html(edition_formats(edition, work), edition.lang,
                           meta_line(work.url, edition.version, edition.lang), ident=anchor)
    control = (f'<details class="cite-section" data-search-exclude data-cite="{anchor}">\n'
               f'<summary>{esc(text["cite_section"])}</summary>\n'
               f'<p class="cite-later"><a href="#{anchor}">{esc(text["formats_below"])}</a></p>\n'
               f"</details>")
    return control, formats


def citation_appendix(formats: list[str], lang: str) -> str:
    """The formats of every section of a page, at its end (see section_control)."""
    if not formats:
        return ""
    title = esc(words("cite", lang)["appendix"])
    return (f'<section class="cite-appendix" data-search-exclude aria-label="{title}">\n'
            f'<p class="cite-appendix__title"><strong>{title}</strong></p>\n'
            + "\n".join(formats) + "\n</section>")


# <h2 id="security">Security …<a class="headerlink" …>¶</a></h2>
HEADING_HTML_RE = re.compile(r'<h([23]) id="(?P<id>[^"]+)"[^>]*>.*?</h\1>', re.DOTALL)


def add_section_controls(content: str, titles: dict[str, str], page_title: str,
                         page_url: str, page_key: str, edition: Edition) -> str:
    """Put a 'Cite this section' control after every H2/H3 that has an id in `titles`, and the
    formats of them all at the end of the page."""
    appendix: list[str] = []

    def control(match: re.Match) -> str:
        ident = match.group("id")
        if ident not in titles:
            return match.group(0)
        title = f"{page_title}: {titles[ident]}" if page_title else titles[ident]
        work = Work(title, f"{page_url}#{ident}", f"nk-edition-{page_key}-{ident}")
        disclosure, formats = section_control(edition, work, f"cite--{ident}")
        appendix.append(formats)
        return match.group(0) + "\n" + disclosure

    content = HEADING_HTML_RE.sub(control, content)
    return content + ("\n" + citation_appendix(appendix, edition.lang) if appendix else "")
