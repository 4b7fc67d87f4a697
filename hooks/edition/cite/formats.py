"""Citations of this edition and of the original article, in APA 7, Chicago, BibTeX and RIS.

Three things can be cited, each in the same four formats:

- a **section** of a content page: `section_control(...)` returns a "Cite this section"
  disclosure (`<details>`) that `add_section_controls` puts after every H2/H3 of the page;
- the **whole edition** and the **original article**: `{{ citation:site }}` and
  `{{ citation:article }}` on the "How to cite" page (`citation_block`).

A citation of a web page needs its permalink, the version of the text (see version.py) and,
in styles that give one, the date the reader consulted it. That date cannot be known at build
time, and a placeholder such as "[date]" would reach a reader's library as the access date
itself (Zotero stores it so). So the HTML gives no access date: where each format puts one, an
empty `<span class="cite-accessed" data-accessed="long|iso|ris" data-template="…">` holds the
words or the line that carry it (APA's "Retrieved {date}, from ", BibTeX's `urldate` line,
RIS's `Y2` line), and docs/javascripts/cite.js writes them in with the reader's date. Without
JavaScript a citation is complete without it. The script also adds a copy button to each format.

Everything is built from data (the article's record `putri-2025` in data/sources.yml) and
escaped here: HTML with `html.escape`, BibTeX values with `bibtex_escape`. Pure functions; tested
in tests/test_cite.py.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..data.sources import ARTICLE_ID, Source
from ..locale import words
from ..locale.dates import long_date, month_day
from .bibtex import bibtex_entry, bibtex_escape, bibtex_title, bibtex_url, ris_record
from .version import Version

# The authors' affiliation as the article prints it (under the authors' names).
ARTICLE_AFFILIATION = ("Program Studi Ilmu Hubungan Internasional, Fakultas Ilmu Sosial dan Ilmu "
                       "Politik, Universitas Jenderal Achmad Yani")
FORMAT_NAMES = {"apa": "APA 7", "bibtex": "BibTeX", "ris": "RIS"}


def esc(text: str) -> str:
    return html.escape(str(text), quote=True)


# --------------------------------------------------------------------------- what is cited


@dataclass(frozen=True)
class Edition:
    """The edition as built in one language."""

    site_name: str
    site_url: str  # the language's home page, absolute ("https://…/" or "https://…/id/")
    lang: str
    version: Version


@dataclass(frozen=True)
class Work:
    """A citable part of the edition: the whole site or one section."""

    title: str
    url: str
    key: str  # BibTeX key
    section: bool = True


def version_text(version: Version, lang: str) -> str:
    text = words("cite", lang)
    if version.release:
        name = version.release
        return (text["version_full"].format(date=name, commit=version.commit) if version.commit
                else text["version_date"].format(date=name))
    if version.date and version.commit:
        return text["version_unreleased"].format(date=version.date, commit=version.commit)
    if version.date:
        return text["version_unreleased_date"].format(date=version.date)
    if version.commit:
        return text["version_commit"].format(commit=version.commit)
    return text["unversioned"]


def apa_date(iso: str, lang: str) -> str:
    """'2026-11-27' -> '2026, November 27' (en) / '2026, 27 November' (id); '' -> n.d."""
    if not iso:
        return words("cite", lang)["nd"]
    year, day = month_day(iso, lang)
    return f"{year}, {day}"


def accessed(style: str, template: str) -> str:
    """Where the access date goes: empty, until cite.js writes `template` there with the
    reader's date (in the `style` the format needs: long, iso or ris) in place of {date}."""
    return (f'<span class="cite-accessed" data-accessed="{style}" '
            f'data-template="{esc(template)}"></span>')


ACCESSED = "\x00ACCESSED\x00"  # the access date's place in a BibTeX or RIS text


def edition_key(key: str, lang: str) -> str:
    """The BibTeX key of a citation of the edition in `lang`: each language its own, so that a
    document citing both has no duplicate key ('nk-edition-core-values-security',
    'nk-edition-core-values-security-id')."""
    return key + words("cite", lang)["key_suffix"]


def link(url: str) -> str:
    return f'<a href="{esc(url)}">{esc(url)}</a>'


# --------------------------------------------------------------------------- the edition


def edition_formats(edition: Edition, work: Work) -> dict[str, list[str]]:
    """HTML of each format for a section or the whole edition: {format: [text, ...]}.

    Chicago has two texts (the note and the bibliography entry); the others one each.
    """
    lang, text, version = edition.lang, words("cite", edition.lang), edition.version
    authors = text["authors"]
    vtext = version_text(version, lang)
    describe = (text["section_of"] if work.section else text["edition_of"]).format(version=vtext)
    site = edition.site_name
    apa = (f"{esc(authors)}. ({esc(apa_date(version.date, lang))}). <em>{esc(work.title)}</em> "
           f"[{esc(describe)}]."
           + (f" {esc(site)}." if work.section else "")
           + f" {accessed('long', text['retrieved'])}{link(work.url)}")
    where = f"{esc(site)}, " if work.section else ""
    quoted = f"“{esc(work.title)},”" if work.section else f"<em>{esc(work.title)}</em>,"
    note = (f"{esc(authors)}, {quoted} {where}{esc(vtext)}"
            f"{accessed('long', ', ' + text['accessed'])}, {link(work.url)}.")
    title_bib = f"“{esc(work.title)}.”" if work.section else f"<em>{esc(work.title)}</em>."
    bibliography = (f"{esc(authors)}. {title_bib} " + (f"{esc(site)}. " if work.section else "")
                    + f"{esc(vtext[:1].upper() + vtext[1:])}. "
                    + f"{accessed('long', text['accessed_cap'] + ' ')}{link(work.url)}.")
    fields = [
        ("author", f"{{{bibtex_escape(authors)}}}"),
        ("title", bibtex_title(work.title)),
        # the website: biblatex prints `organization` for @online; Zotero and citation-js read
        # `journal` (Zotero drops `organization`)
        ("organization" if work.section else "", bibtex_escape(site)),
        ("journal" if work.section else "", bibtex_escape(site)),
        ("date", version.date),
        ("year", version.year),
        ("version", bibtex_escape(version.label)),
        ("url", bibtex_url(work.url)),
        ("urldate", ACCESSED),
        ("langid", text["langid"]),    # biblatex: the hyphenation
        ("language", lang),            # reference managers: the language (Zotero ignores langid)
        ("note", bibtex_escape(text["bib_note_section" if work.section else "bib_note_site"])),
    ]
    bibtex = bibtex_entry("online", edition_key(work.key, lang), [(n, v) for n, v in fields if n])
    ris = ris_record([
        ("TY", "ELEC"), ("AU", authors), ("TI", work.title), ("T2", site if work.section else ""),
        ("PY", version.year), ("DA", version.date.replace("-", "/")), ("ET", version.label),
        ("UR", work.url), ("Y2", ACCESSED), ("LA", lang),
        ("N1", text["bib_note_section" if work.section else "bib_note_site"]),
    ])
    return {"apa": [apa], "chicago": [note, bibliography],
            "bibtex": [_code(bibtex, "iso")], "ris": [_code(ris, "ris")]}


def _code(text: str, style: str = "") -> str:
    """Escape a plain-text format for <pre>; its line holding ACCESSED (BibTeX's urldate, RIS's
    Y2) becomes an `accessed` span in `style`, so that without JavaScript the record has no
    access date at all."""
    line = re.search(rf"^.*{ACCESSED}.*\n", text, re.MULTILINE) if style else None
    if line is None:
        return esc(text)
    return (esc(text[:line.start()]) + accessed(style, line.group(0).replace(ACCESSED, "{date}"))
            + esc(text[line.end():]))


# --------------------------------------------------------------------------- the article


def initials(given: str) -> str:
    """'Anggun Triani' -> 'A. T.'; 'B. A.' stays 'B. A.'."""
    return " ".join(f"{part[0]}." for part in re.split(r"[\s.]+", given) if part)


def list_names(names: list[str], lang: str) -> str:
    """'A, B, and C' (Chicago's serial comma; Indonesian writes 'A, B, dan C' likewise)."""
    and_word = words("cite", lang)["and"]
    if len(names) <= 2:
        return f" {and_word} ".join(names)
    return ", ".join(names[:-1]) + f", {and_word} " + names[-1]


def article_formats(article: Source, lang: str) -> dict[str, list[str]]:
    """The original article (its record in data/sources.yml) in the four formats, as HTML."""
    text = words("cite", lang)
    people = [a for a in article.authors if a.is_person]
    issued = article.issued
    year = issued.year if issued else text["nd"]
    iso = issued.iso if issued and issued.is_day else ""
    title = article.get("title", "")
    translation = text["title_translation"]

    def join(names: list[str], comma_and: str) -> str:
        if len(names) <= 1:
            return "".join(names)
        return ", ".join(names[:-1]) + f"{comma_and} " + names[-1]

    apa_names = join([f"{p.family}, {initials(p.given)}" for p in people], ", &")
    apa = (f"{esc(apa_names)} ({esc(year)}). <em>{esc(title)}</em>"
           + (f" [{esc(translation)}]" if translation else "") + ".")
    full = [p.natural for p in people]
    inverted = [people[0].inverted] + full[1:] if people else []
    when = long_date(iso, lang) if iso else year
    note = f"{esc(list_names(full, lang))}, “{esc(title)},” {esc(when)}."
    bibliography = f"{esc(list_names(inverted, lang))}. “{esc(title)}.” {esc(when)}."
    bibtex = bibtex_entry("article", ARTICLE_ID, [
        ("author", " and ".join(bibtex_escape(f"{p.family}, {p.given}") for p in people)),
        ("title", bibtex_title(title)),
        ("date", iso),
        ("year", year if issued else ""),
        ("langid", "indonesian"),
        ("language", article.get("language", "")),
        ("note", bibtex_escape(text["article_note"])),
    ])
    ris = ris_record([("TY", "JOUR"), *(("AU", f"{p.family}, {p.given}") for p in people),
                      ("TI", title), ("PY", year if issued else ""),
                      ("DA", iso.replace("-", "/")), ("LA", "id"),
                      ("N1", text["article_note"])])
    return {"apa": [apa], "chicago": [note, bibliography],
            "bibtex": [_code(bibtex)], "ris": [_code(ris)]}


# --------------------------------------------------------------------------- HTML


def formats_html(formats: dict[str, list[str]], lang: str, meta: str = "",
                 ident: str = "") -> str:
    """The block of formats, one element per line and no blank line (safe as raw HTML in
    Markdown), with the id `ident` if given. cite.js adds a copy button to each `.cite-text`."""
    text = words("cite", lang)
    id_attr = f' id="{ident}"' if ident else ""
    out = [f'<div class="cite-formats"{id_attr} data-search-exclude>']
    if meta:
        out.append(f'<p class="cite-meta">{meta}</p>')
    for name, texts in formats.items():
        label = text["chicago"] if name == "chicago" else FORMAT_NAMES[name]
        out.append(f'<div class="cite-format" data-format="{name}">')
        out.append(f'<p class="cite-format__name">{esc(label)}</p>')
        for index, body in enumerate(texts):
            if name in ("bibtex", "ris"):
                # no <code> inside: Material would mount a code-block component (scroll
                # watchers, focus handling) for each of these at every page load
                out.append(f'<pre class="cite-text">{body}</pre>')
            elif name == "chicago":
                part = text["chicago_note"] if index == 0 else text["chicago_bib"]
                out.append(f'<p class="cite-text" data-part="{esc(part)}">{body}</p>')
            else:
                out.append(f'<p class="cite-text">{body}</p>')
        out.append("</div>")
    out.append(f'<p class="cite-nojs">{esc(text["no_js"])}</p>')
    out.append("</div>")
    return "\n".join(out)


def meta_line(url: str, version: Version, lang: str) -> str:
    text = words("cite", lang)
    return (f"{esc(text['permalink'])}: {link(url)} · {esc(text['version'])}: "
            f"{esc(version.label)}")


def citation_block(kind: str, edition: Edition, article: Source | None) -> str:
    """`{{ citation:site }}` or `{{ citation:article }}` as HTML."""
    if kind == "site":
        work = Work(edition.site_name, edition.site_url, "nk-edition", section=False)
        return formats_html(edition_formats(edition, work), edition.lang,
                            meta_line(work.url, edition.version, edition.lang))
    if kind == "article" and article is not None:
        return formats_html(article_formats(article, edition.lang), edition.lang)
    raise KeyError(kind)

