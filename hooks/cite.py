"""Citations of this edition and of the original article, in APA 7, Chicago, BibTeX and RIS.

Three things can be cited, each in the same four formats:

- a **section** of a content page: `section_control(...)` returns a "Cite this section"
  disclosure (`<details>`) that `add_section_controls` puts after every H2/H3 of the page;
- the **whole edition** and the **original article**: `{{ citation:site }}` and
  `{{ citation:article }}` on the "How to cite" page (`citation_block`).

A citation of a web page needs its permalink, the version of the text (see version.py) and the
date the reader consulted it. The access date cannot be known at build time: the HTML carries a
placeholder ("[date]") inside `<span class="cite-accessed" data-accessed="long|iso|ris">`, which
docs/javascripts/cite.js fills in with the reader's date and which stays readable without
JavaScript. The script also adds a copy button to each format.

Everything is built from data (the article's record `putri-2025` in data/sources.yml) and
escaped here: HTML with `html.escape`, BibTeX values with `bibtex_escape`. Pure functions; tested
in tests/test_cite.py.
"""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass

from babel.dates import format_date

from version import Version

ARTICLE_ID = "putri-2025"
# The authors' affiliation as the article prints it (under the authors' names).
ARTICLE_AFFILIATION = ("Program Studi Ilmu Hubungan Internasional, Fakultas Ilmu Sosial dan Ilmu "
                       "Politik, Universitas Jenderal Achmad Yani")
TEXT = {
    "en": {
        "authors": "The web edition's contributors",
        "cite_section": "Cite this section",
        "permalink": "Permalink",
        "version": "Version",
        "date": "[date]",
        "nd": "n.d.",
        "and": "and",
        "version_full": "version {date}, commit {commit}",
        "version_date": "version {date}",
        "version_commit": "unversioned, commit {commit}",
        "unversioned": "unversioned",
        "section_of": "Section of a web edition; {version}",
        "edition_of": "Web edition of Putri, Subagyo and Panorama (2025); {version}",
        "retrieved": "Retrieved {date}, from {url}",
        "accessed": "accessed {date}",
        "accessed_cap": "Accessed {date}.",
        "chicago_note": "Note",
        "chicago_bib": "Bibliography",
        "chicago": "Chicago (notes and bibliography)",
        "bib_note_section": "Section of the web edition of Putri, Subagyo and Panorama (2025)",
        "bib_note_site": "Web edition of Putri, Subagyo and Panorama (2025)",
        "article_note": ("The copy this edition is based on prints no journal, volume, issue, "
                         "pages or DOI"),
        "title_translation": ("Turkey's national interest in military cooperation with "
                              "Azerbaijan in the Nagorno-Karabakh conflict, 2020–2024"),
        "langid": "english",
        "no_js": "The access date is filled in when JavaScript runs; otherwise write it in.",
        "formats_below": "APA 7, Chicago, BibTeX and RIS: at the end of this page",
        "appendix": "Citations of this page's sections",
    },
    "id": {
        "authors": "Para kontributor edisi web",
        "cite_section": "Kutip bagian ini",
        "permalink": "Tautan permanen",
        "version": "Versi",
        "date": "[tanggal]",
        "nd": "t.t.",
        "and": "dan",
        "version_full": "versi {date}, commit {commit}",
        "version_date": "versi {date}",
        "version_commit": "tanpa versi, commit {commit}",
        "unversioned": "tanpa versi",
        "section_of": "Bagian dari edisi web; {version}",
        "edition_of": "Edisi web artikel Putri, Subagyo, dan Panorama (2025); {version}",
        "retrieved": "Diakses {date}, dari {url}",
        "accessed": "diakses {date}",
        "accessed_cap": "Diakses {date}.",
        "chicago_note": "Catatan kaki",
        "chicago_bib": "Daftar pustaka",
        "chicago": "Chicago (catatan kaki dan daftar pustaka)",
        "bib_note_section": "Bagian edisi web artikel Putri, Subagyo, dan Panorama (2025)",
        "bib_note_site": "Edisi web artikel Putri, Subagyo, dan Panorama (2025)",
        "article_note": ("Salinan yang menjadi dasar edisi ini tidak mencantumkan jurnal, volume, "
                         "nomor, halaman, ataupun DOI"),
        "title_translation": "",
        "langid": "indonesian",
        "no_js": "Tanggal akses diisi saat JavaScript berjalan; jika tidak, tuliskan sendiri.",
        "formats_below": "APA 7, Chicago, BibTeX, dan RIS: di akhir halaman ini",
        "appendix": "Kutipan bagian-bagian halaman ini",
    },
}
FORMAT_NAMES = {"apa": "APA 7", "bibtex": "BibTeX", "ris": "RIS"}


def words(lang: str) -> dict:
    return TEXT.get(lang, TEXT["en"])


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
    text = words(lang)
    if version.date and version.commit:
        return text["version_full"].format(date=version.date, commit=version.commit)
    if version.date:
        return text["version_date"].format(date=version.date)
    if version.commit:
        return text["version_commit"].format(commit=version.commit)
    return text["unversioned"]


def long_date(iso: str, lang: str) -> str:
    """'2026-11-27' -> 'November 27, 2026' (en) / '27 November 2026' (id)."""
    day = datetime.date.fromisoformat(iso)
    return format_date(day, "MMMM d, y" if lang == "en" else "d MMMM y", locale=lang)


def apa_date(iso: str, lang: str) -> str:
    """'2026-11-27' -> '2026, November 27' (en) / '2026, 27 November' (id); '' -> n.d."""
    if not iso:
        return words(lang)["nd"]
    day = datetime.date.fromisoformat(iso)
    month_day = format_date(day, "MMMM d" if lang == "en" else "d MMMM", locale=lang)
    return f"{day.year}, {month_day}"


def accessed(style: str, lang: str) -> str:
    """The placeholder that cite.js replaces with the reader's date."""
    return (f'<span class="cite-accessed" data-accessed="{style}">'
            f"{esc(words(lang)['date'])}</span>")


def link(url: str) -> str:
    return f'<a href="{esc(url)}">{esc(url)}</a>'


# --------------------------------------------------------------------------- BibTeX and RIS

_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
                   "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}",
                   "^": r"\textasciicircum{}"}


def bibtex_escape(text: str) -> str:
    """A BibTeX field value (to go inside braces): LaTeX specials escaped, whitespace single."""
    text = re.sub(r"\s+", " ", str(text)).strip()
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in text)


def bibtex_entry(kind: str, key: str, fields: list[tuple[str, str]]) -> str:
    """An entry; `fields` are (name, value) with values already escaped (verbatim for url)."""
    width = max((len(name) for name, _ in fields), default=0)
    body = ",\n".join(f"  {name.ljust(width)} = {{{value}}}" for name, value in fields if value)
    return f"@{kind}{{{key},\n{body}\n}}"


def ris_record(tags: list[tuple[str, str]]) -> str:
    """A RIS record: 'TY  - …' first, 'ER  - ' last; empty values are left out."""
    lines = [f"{tag}  - {' '.join(str(value).split())}" for tag, value in tags if value]
    return "\n".join([*lines, "ER  - "])


# --------------------------------------------------------------------------- the edition


def edition_formats(edition: Edition, work: Work) -> dict[str, list[str]]:
    """HTML of each format for a section or the whole edition: {format: [text, ...]}.

    Chicago has two texts (the note and the bibliography entry); the others one each.
    """
    lang, text, version = edition.lang, words(edition.lang), edition.version
    authors = text["authors"]
    vtext = version_text(version, lang)
    describe = (text["section_of"] if work.section else text["edition_of"]).format(version=vtext)
    site = edition.site_name
    apa = (f"{esc(authors)}. ({esc(apa_date(version.date, lang))}). <em>{esc(work.title)}</em> "
           f"[{esc(describe)}]."
           + (f" {esc(site)}." if work.section else "")
           + " " + text["retrieved"].format(date=accessed("long", lang), url=link(work.url)))
    where = f"{esc(site)}, " if work.section else ""
    quoted = f"“{esc(work.title)},”" if work.section else f"<em>{esc(work.title)}</em>,"
    note = (f"{esc(authors)}, {quoted} {where}{esc(vtext)}, "
            f"{text['accessed'].format(date=accessed('long', lang))}, {link(work.url)}.")
    title_bib = f"“{esc(work.title)}.”" if work.section else f"<em>{esc(work.title)}</em>."
    bibliography = (f"{esc(authors)}. {title_bib} " + (f"{esc(site)}. " if work.section else "")
                    + f"{esc(vtext[:1].upper() + vtext[1:])}. "
                    + f"{text['accessed_cap'].format(date=accessed('long', lang))} "
                    + f"{link(work.url)}.")
    fields = [
        ("author", f"{{{bibtex_escape(authors)}}}"),
        ("title", bibtex_escape(work.title)),
        ("organization" if work.section else "", bibtex_escape(site)),
        ("date", version.date),
        ("year", version.year),
        ("version", bibtex_escape(version.label)),
        ("url", work.url),
        ("urldate", accessed("iso", lang)),
        ("langid", text["langid"]),
        ("note", bibtex_escape(text["bib_note_section" if work.section else "bib_note_site"])),
    ]
    bibtex = bibtex_entry("online", work.key, [(n, v) for n, v in fields if n])
    ris = ris_record([
        ("TY", "ELEC"), ("AU", authors), ("TI", work.title), ("T2", site if work.section else ""),
        ("PY", version.year), ("DA", version.date.replace("-", "/")), ("ET", version.label),
        ("UR", work.url), ("Y2", accessed("ris", lang)), ("LA", lang),
        ("N1", text["bib_note_section" if work.section else "bib_note_site"]),
    ])
    return {"apa": [apa], "chicago": [note, bibliography],
            "bibtex": [_code(bibtex)], "ris": [_code(ris)]}


def _code(text: str) -> str:
    """Escape a plain-text format for <pre>, keeping the access-date placeholder live."""
    marker = "\x00ACCESSED\x00"
    spans = re.findall(r'<span class="cite-accessed"[^>]*>.*?</span>', text)
    plain = re.sub(r'<span class="cite-accessed"[^>]*>.*?</span>', marker, text)
    out = esc(plain)
    for span in spans:
        out = out.replace(marker, span, 1)
    return out


# --------------------------------------------------------------------------- the article


def initials(given: str) -> str:
    """'Anggun Triani' -> 'A. T.'; 'B. A.' stays 'B. A.'."""
    return " ".join(f"{part[0]}." for part in re.split(r"[\s.]+", given) if part)


def list_names(names: list[str], lang: str) -> str:
    """'A, B, and C' (Chicago's serial comma; Indonesian writes 'A, B, dan C' likewise)."""
    and_word = words(lang)["and"]
    if len(names) <= 2:
        return f" {and_word} ".join(names)
    return ", ".join(names[:-1]) + f", {and_word} " + names[-1]


def article_formats(csl: dict, lang: str) -> dict[str, list[str]]:
    """The original article (its CSL record) in the four formats, as HTML."""
    text = words(lang)
    people = [a for a in csl.get("author", []) if "family" in a]
    issued = csl.get("issued", {}).get("date-parts", [[None]])[0]
    year = str(issued[0]) if issued and issued[0] else text["nd"]
    iso = "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(issued)) if (
        issued and len(issued) == 3) else ""
    title = csl.get("title", "")
    translation = text["title_translation"]

    def join(names: list[str], comma_and: str) -> str:
        if len(names) <= 1:
            return "".join(names)
        return ", ".join(names[:-1]) + f"{comma_and} " + names[-1]

    apa_names = join([f"{p['family']}, {initials(p.get('given', ''))}" for p in people], ", &")
    apa = (f"{esc(apa_names)} ({esc(year)}). <em>{esc(title)}</em>"
           + (f" [{esc(translation)}]" if translation else "") + ".")
    full = [f"{p.get('given', '')} {p['family']}".strip() for p in people]
    inverted = ([f"{people[0]['family']}, {people[0].get('given', '')}".strip(", ")] + full[1:]
                if people else [])
    when = long_date(iso, lang) if iso else year
    note = f"{esc(list_names(full, lang))}, “{esc(title)},” {esc(when)}."
    bibliography = f"{esc(list_names(inverted, lang))}. “{esc(title)}.” {esc(when)}."
    bibtex = bibtex_entry("article", ARTICLE_ID, [
        ("author", " and ".join(bibtex_escape(f"{p['family']}, {p.get('given', '')}")
                                for p in people)),
        ("title", bibtex_escape(title)),
        ("date", iso),
        ("year", year if issued and issued[0] else ""),
        ("langid", "indonesian"),
        ("note", bibtex_escape(text["article_note"])),
    ])
    ris = ris_record([("TY", "JOUR"), *(("AU", f"{p['family']}, {p.get('given', '')}")
                                          for p in people),
                      ("TI", title), ("PY", year if issued and issued[0] else ""),
                      ("DA", iso.replace("-", "/")), ("LA", "id"),
                      ("N1", text["article_note"])])
    return {"apa": [apa], "chicago": [note, bibliography],
            "bibtex": [_code(bibtex)], "ris": [_code(ris)]}


# --------------------------------------------------------------------------- HTML


def formats_html(formats: dict[str, list[str]], lang: str, meta: str = "",
                 ident: str = "") -> str:
    """The block of formats, one element per line and no blank line (safe as raw HTML in
    Markdown), with the id `ident` if given. cite.js adds a copy button to each `.cite-text`."""
    text = words(lang)
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
    text = words(lang)
    return (f"{esc(text['permalink'])}: {link(url)} · {esc(text['version'])}: "
            f"{esc(version.label)}")


def section_control(edition: Edition, work: Work, anchor: str) -> tuple[str, str]:
    """The 'Cite this section' disclosure for one heading, and its formats.

    The disclosure holds a link to the formats (with the permalink), which go together at the end
    of the page (`citation_appendix`): side by side, their shared wording compresses to a
    fraction of what it takes spread through the page. cite.js moves a section's formats into
    its disclosure when the reader opens it; without JavaScript the link leads to them.
    """
    text = words(edition.lang)
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
    title = esc(words(lang)["appendix"])
    return (f'<section class="cite-appendix" data-search-exclude aria-label="{title}">\n'
            f'<p class="cite-appendix__title"><strong>{title}</strong></p>\n'
            + "\n".join(formats) + "\n</section>")


def citation_block(kind: str, edition: Edition, article_csl: dict | None) -> str:
    """`{{ citation:site }}` or `{{ citation:article }}` as HTML."""
    if kind == "site":
        work = Work(edition.site_name, edition.site_url, "nk-edition", section=False)
        return formats_html(edition_formats(edition, work), edition.lang,
                            meta_line(work.url, edition.version, edition.lang))
    if kind == "article" and article_csl is not None:
        return formats_html(article_formats(article_csl, edition.lang), edition.lang)
    raise KeyError(kind)


CITATION_KINDS = ("site", "article")

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
