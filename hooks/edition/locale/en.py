"""Interface text in English: every word the edition's code shows a reader, by area.

The other language's file has the same areas and keys (tests/test_layers.py compares them).
`edition.locale.words(area, lang)` reads them; an area a language lacks falls back to English.
"""

TEXT = {
    # words around numbers: qualifiers, statuses, categories
    "formats": {
        "qualifiers": {
            "about": "about {}",
            "more-than": "more than {}",
            "less-than": "less than {}",
            "nearly": "nearly {}",
            "projected": "{} (projected)",
        },
        "statuses": {
            "as-stated": "as stated",
            "derived": "derived",
            "inconsistent": "inconsistent",
        },
        "categories": {
            "core-values": "Core values",
            "middle-range": "Middle-range objectives",
            "long-range": "Long-range objectives",
            "background": "Background",
        },
        "unsourced": "unsourced in the article",
        "decades": {
            "early": "early {}s",
            "mid": "mid-{}s",
            "late": "late {}s",
            "": "{}s",
        },
    },
    # the page renderer: tables, the Holsti summary, fact flags
    "render": {
        "table": "Table",
        "source": "Source",
        "download": "Download this table as CSV",
        "inconsistent": "inconsistent in the article",
        "category": "Holsti category",
        "interests": "Interests the authors identify",
        "key_facts": "Key facts",
    },
    # footnotes and full citations of sources
    "footnotes": {
        "accessed": "accessed {}",
        "in_article": "In the article: {}.",
        "not_in_bib": "Not in the article's bibliography.",
        "locators": "Cited here for: {}.",
        "unsourced": ("Unsourced in the article: it states this number without citing any "
                      "source, and this edition adds none."),
        "problem": "Note on the article's reference: {}",
        "details": "Source details",
        "ledger": "Facts ledger",
        "nd": "n.d.",
        "et_al": "et al.",
    },
    # charts: captions, descriptions in words, CSV header
    "charts": {
        "chart": "Chart",
        "source": "Source",
        "download": "Download the data of this chart as CSV",
        "bars": "Bar chart.",
        "stacked": "Stacked bar chart.",
        "series": "Chart of {n} series over the years.",
        "ranking": "Bar chart of {what}, {n} rows in the table's order.",
        "highlighted": "highlighted",
        "no_value": "no value",
        "total": "total {}",
        "disagree": "The series disagree for {x}: {values}.",
        "disagree_short": "text and figure disagree",
        "made_of": "made up of {}",
        "csv_header": ("fact", "label", "value", "unit", "qualifier", "date", "sources"),
    },
    # correction links and errata beside facts and sources
    "notes": {
        "correct": "Correct this number",
        "correct_some": "Correct a number on this page",
        "correct_hint": "to correct it, edit data/facts.yml, line {line}",
        "errata": "Errata",
        "erratum": "see the erratum",
        "line": "line {}",
        "correct_source": "Correct this source",
        "source_line": "data/sources.yml, line {}",
        "descriptions": {
            "evidence/facts.md": ("Every number the article states, with its source as the "
                                  "article gives it, its status and the sections that use it."),
            "evidence/sources.md": ("Every source the article relies on, as printed, with the "
                                    "facts it supports and the notes on its problems."),
        },
    },
    # the Timeline page
    "timeline": {
        "title": "Timeline",
        "intro": ("Every dated event the article mentions, from the violence of the late 1980s "
                  "to the 2021 summit of the Organization of Turkic States and the Shusha "
                  "Declaration, in date order. Each event is dated only as precisely as the "
                  "article dates it and sourced as the article sources it; events the article "
                  "states without a source are marked *unsourced in the article*. The links "
                  "lead to the sections of this edition that discuss each event. The events "
                  "are kept in `data/events.yml`."),
        "categories": {
            "conflict": "Conflict",
            "ceasefire": "Ceasefire",
            "diplomacy": "Diplomacy",
            "cooperation": "Military cooperation",
            "political": "Political change",
        },
        "discussed": "Discussed in",
        "numbers": "Numbers",
        "unsourced": "unsourced in the article",
        "legend": "Kinds of event",
    },
    # the facts ledger and the Sources page
    "ledger": {
        "facts_title": "Facts ledger",
        "facts_intro": ("Every number the article states, with its source as the article gives "
                        "it, its status and the sections of this edition that use it. Numbers "
                        "are kept once in `data/facts.yml`; the pages, tables and downloads "
                        "are rendered from it. **Derived** numbers are recomputed from other "
                        "facts at every build; **inconsistent** numbers disagree with another "
                        "number in the article (the note says how); numbers flagged *unsourced "
                        "in the article* are printed without a source. Download the ledger as "
                        "[CSV]({csv}) or [JSON]({json})."),
        "fact": "Fact",
        "value": "Value",
        "date": "Date",
        "sources": "Sources",
        "status": "Status",
        "used_in": "Used in",
        "computed": "computed: {}",
        "conflicts": "conflicts with {}",
        "tables_title": "Numbers in tables",
        "tables_intro": ("The article's tables are kept as CSV files in `data/tables/`; each "
                         "is shown, sourced, on the [tables page]({page}) and downloadable:"),
        "sources_title": "Sources",
        "sources_intro": ("Every source the article relies on: its bibliography, and the "
                          "sources it names only in a footnote, under a figure or in the "
                          "running text. Each entry keeps the reference as the article printed "
                          "it; where that is wrong or incomplete, the note says so. Download "
                          "as [CSL-JSON]({json})."),
        "printed": "As printed in the article",
        "cited_as": "Cited in the article as",
        "printed_two": ("As printed in the footnote", "As printed in the bibliography"),
        "bibliography": "In the article's bibliography",
        "yes": "yes",
        "no": "no",
        "supports": "Supports",
        "cited_on": "Cited on",
        "note": "Note",
        "none": "—",
    },
    # the Errata page
    "errata": {
        "title": "Errata",
        "description": ("Every known error in the article and in this edition: what was "
                        "printed, what is wrong or doubtful, the evidence and its status."),
        "intro": ("Every known error in the article and in this web edition. Most entries are "
                  "found by the build itself: at every build it checks the article's numbers, "
                  "figures, footnotes and references against each other, and lists here "
                  "whatever disagrees. Nothing is corrected silently: the edition keeps what "
                  "the article printed and says what is wrong with it. An erratum about a "
                  "number is linked from that number wherever it is shown. To add or correct "
                  "an entry, edit [data/corrections.yml]({edit}) (see [How to "
                  "correct]({correct}))."),
        "counts": "{total} entries: {confirmed} confirmed, {open} open, {fixed} fixed.",
        "groups": {
            "numbers": "Numbers that disagree",
            "figures": "Figure numbering",
            "statements": "Statements in the text",
            "references": "Footnotes and references",
            "addresses": "Source addresses",
            "edition": "Errors in this edition",
        },
        "status": {
            "open": "open",
            "confirmed": "confirmed",
            "fixed": "fixed",
        },
        "status_help": {
            "open": "doubtful, not settled",
            "confirmed": "the error is certain",
            "fixed": "corrected in this edition",
        },
        "recorded": "recorded {}",
        "unrecorded": "found by this build; not yet recorded",
        "audit": "found by the build's audit",
        "manual": "reported by a reader or editor",
        "printed": "Printed",
        "problem": "What is wrong",
        "evidence": "Evidence",
        "facts": "Facts",
        "sources": "Sources",
        "guard": "Guard",
        "guard_fact": "the build fails if fact {id} is no longer {value}",
        "guard_source": "the build fails if the {field} of source {id} changes",
        "edit": "Edit this entry",
        "none": "None so far.",
        "legend": ("Status: **confirmed**: the error is certain; **open**: doubtful, not "
                   "settled; **fixed**: corrected in this edition (the article itself cannot "
                   "be corrected here)."),
    },
    # released versions: an older version's banner, "what changed since", the Changelog's
    # section per release (hooks/edition/pages/changes.py, docs/javascripts/versions.js)
    "versions": {
        "number_corrected": "Number corrected: {label}: {old} → {new}",
        "number_added": "Number added: {label}: {new}",
        "number_removed": "Number removed: {label} (was {old})",
        "number_status": "Status of a number changed: {label}: {old} → {new}",
        "erratum_added": "Erratum added: {title} ({status})",
        "erratum_settled": "Erratum settled: {title} ({old} → {new})",
        "erratum_reopened": "Erratum reopened: {title} ({old} → {new})",
        "erratum_status": "Status of an erratum changed: {title} ({old} → {new})",
        "erratum_removed": "Erratum removed: {title}",
        "banner": ("You are reading version {version} of this edition, kept unchanged at this "
                   "address."),
        "banner_latest": "This page in the latest version",
        "banner_changes": "What has changed since this version",
        "banner_older": "This is an older version ({version}); the latest is {latest}.",
        "banner_is_latest": "This is the latest version ({version}).",
        "banner_page": "Changed on this page since {version}:",
        "banner_page_none": "Nothing on this page has changed since {version}.",
        "banner_section_link": "in the latest version",
        "since_title": "What has changed since version {version}",
        "since_description": ("The numbers corrected and the errata added or settled since "
                              "version {version} of the edition, section by section."),
        "since_intro": ("What has changed in the edition's numbers and errata from version "
                        "[{since}]({since_url}) to the latest version, [{latest}]({latest_url}), "
                        "section by section. It is computed from the data of the two versions. "
                        "Version {since} itself stays unchanged at its own address."),
        "since_none": "No number or erratum has changed since version {version}.",
        "since_edition": "The edition as a whole",
        "section_link": "the section in the latest version",
        "releases_title": "Releases",
        "releases_intro": ("Each release of the edition stays at its own address, unchanged. "
                           "What changed in each, computed from the data of the releases:"),
        "release_heading": "Release {name}",
        "release_at": "Published at [{url}]({url}).",
        "release_first": "The first release.",
        "release_since": "Changed since release {previous}:",
        "release_none": "No number or erratum changed since release {previous}.",
        "release_more": ("Other data changed too: {what}. The pages' wording may also have "
                         "changed; see the entries below."),
        "kinds": {"sources": "sources", "tables": "tables", "charts": "charts",
                  "facts": "the records of numbers"},
    },
    # the Changelog page
    "changelog": {
        "title": "Changelog",
        "description": "What changed in this web edition, and when.",
        "intro": ("What changed in this web edition, newest first. Corrections of the "
                  "article's own errors are listed on the [Errata]({errata}) page; this page "
                  "lists changes to the site. Each change can be found in the repository's "
                  "history."),
    },
    # the Downloads page and the data package
    "downloads": {
        "package_title": "Data of the web edition of Putri, Subagyo and Panorama (2025)",
        "package_description": ("The numbers, sources and tables of the article 'Kepentingan "
                                "Nasional Turki dalam Kerja Sama Militer dengan Azerbaijan "
                                "dalam Konflik Nagorno-Karabakh di Tahun 2020-2024', recorded "
                                "as printed, with their sources and status."),
        "facts": "Facts ledger (CSV)",
        "facts_desc": "Every number the article states.",
        "facts_json": "Facts ledger (JSON)",
        "facts_json_desc": "The facts ledger with sources and pages as lists.",
        "csl": "Sources (CSL-JSON)",
        "csl_desc": "Every source, as CSL-JSON items.",
        "bib": "Sources (BibTeX)",
        "bib_desc": "Every source, as BibTeX (biblatex) entries.",
        "ris": "Sources (RIS)",
        "ris_desc": "Every source, as RIS records.",
        "table": "Table: {}",
        "table_desc": "The table as CSV; fact cells hold their numbers.",
        "page_title": "Downloads",
        "page_description": ("The edition's data for reuse: the facts ledger, the sources in "
                             "BibTeX, CSL-JSON and RIS, every table as CSV, and a Frictionless "
                             "data package describing them."),
        "intro": ("Everything the edition records, for reuse in spreadsheets, reference "
                  "managers and scripts. The files are made from `data/` at every build, in "
                  "the language of this page, and are licensed CC BY 4.0 (the article itself "
                  "remains its authors' work). Numbers and references are as the article "
                  "prints them; see the [Errata]({errata}) for what is wrong with them."),
        "package": ("[datapackage.json]({path}) describes every file above as a [Frictionless "
                    "Data Package](https://datapackage.org/): its format, size, SHA-256 hash, "
                    "licence, sources and, for each CSV, the type of every column. Check a "
                    "download against it, or load them all with a Frictionless tool."),
        "file": "File",
        "what": "Contents",
        "format": "Format",
        "size": "Size",
        "hash": "SHA-256",
        "bytes": "{} bytes",
        "kb": "{} kB",
        "version": "Version of this build: {}.",
        "files_heading": "Files",
        "package_heading": "Data package",
        "bibtex_head": ("% The sources of Putri, Subagyo and Panorama (2025), as the article "
                        "prints them.\n% Key = source id on the site's Sources page. URLs are "
                        'as printed, even where misspelt (see the Errata).\n'),
        "contributors": "The web edition's contributors",
    },
    # the page a static host serves for a missing address (build/notfound.py, overrides/404.html)
    "not-found": {
        "title": "Page not found",
        "text": ("There is no page of the edition at this address: the page may have moved, or "
                 "the link may be mistyped."),
        "home": "Go to the home page",
    },
    # the printable edition
    "print": {
        "title": "Printable edition",
        "intro": ("The whole edition on one page, in reading order, for printing or saving as "
                  "PDF (use your browser's *Print* command and choose *Save as PDF* as the "
                  "printer). Each page of the site is a chapter here; the footnotes are "
                  "numbered once for the whole edition, and each source has one footnote, at "
                  "the end."),
        "contents": "Contents",
        "chapters": "Chapters of the edition",
        "left_out": ("`mkdocs serve` leaves the printable edition out, so that an edit shows "
                     "sooner; `make build` makes it, with every page of the edition."),
    },
    # citations of the edition and the article, page metadata
    "cite": {
        "authors": "The web edition's contributors",
        "cite_section": "Cite this section",
        "permalink": "Permalink",
        "version": "Version",
        "nd": "n.d.",
        "and": "and",
        "version_full": "version {date}, commit {commit}",
        "version_unreleased": "unreleased version of {date}, commit {commit}",
        "version_unreleased_date": "unreleased version of {date}",
        "version_date": "version {date}",
        "version_commit": "unversioned, commit {commit}",
        "unversioned": "unversioned",
        "section_of": "Section of a web edition; {version}",
        "edition_of": "Web edition of Putri, Subagyo and Panorama (2025); {version}",
        "retrieved": "Retrieved {date}, from ",
        "accessed": "accessed {date}",
        "accessed_cap": "Accessed {date}.",
        "chicago_note": "Note",
        "chicago_bib": "Bibliography",
        "chicago": "Chicago (notes and bibliography)",
        "bib_note_section": ("Section of the web edition of Putri, Subagyo and Panorama (2025)"),
        "bib_note_site": "Web edition of Putri, Subagyo and Panorama (2025)",
        "article_note": ("The copy this edition is based on prints no journal, volume, issue, "
                         "pages or DOI"),
        "title_translation": ("Turkey's national interest in military cooperation with "
                              "Azerbaijan in the Nagorno-Karabakh conflict, 2020–2024"),
        "key_suffix": "",  # after the BibTeX key of a citation of the edition
        "langid": "english",
        "no_js": ("Without JavaScript these citations give no access date: add the day you "
                  "read the page if your style asks for one."),
        "formats_below": "APA 7, Chicago, BibTeX and RIS: at the end of this page",
        "appendix": "Citations of this page's sections",
    },
    # Indonesian words for the locators written in English in data/ (regex, replacement)
    "locators": [],
}
