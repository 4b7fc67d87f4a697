"""The downloads (sources.bib, sources.ris, sources.json, in both languages) and every section
citation shown on the pages (BibTeX, RIS), read by citation-js (npm) and pybtex (PyPI) as a
reader's tools would read them. Each tool runs once per session (conftest.py). Every record
reads the same in all three formats, keeps the capitals of its title, carries no placeholder,
and each language has its own keys (hooks/edition/outputs/bibliography.py, cite/formats.py)."""

from __future__ import annotations

import json
import re
from collections import defaultdict

from . import tools


def _source_ids(site) -> list[str]:
    return [item["id"] for item in json.loads((site.root / "sources.json").read_text())]


def _items(result: dict) -> list[dict]:
    return [item for item in result["items"] if item.get("type") != "note"]


# ------------------------------------------------------------------ everything is read

def test_citation_js_reads_every_download_whole_and_record_by_record(citation_js, site):
    ids = _source_ids(site)
    problems = []
    for lang in tools.LANGUAGE_ROOTS:
        for fmt in tools.DOWNLOADS:
            whole = citation_js[f"{lang}/{fmt}"]
            if whole["error"]:
                problems.append(f"{lang}/{fmt}: {whole['error']}")
            elif [item.get("id") for item in _items(whole)] != ids:
                problems.append(f"{lang}/{fmt}: read {len(_items(whole))} of {len(ids)} "
                                "sources, or not in the order of sources.json")
            for key in ids:
                one = citation_js.get(f"{lang}/{fmt}/{key}")
                if one is None:
                    problems.append(f"{lang}/{fmt}: no record {key}")
                elif one["error"] or len(_items(one)) != 1:
                    problems.append(f"{lang}/{fmt}/{key}: {one['error'] or one['items']}")
    assert not problems, "\n".join(problems)


def test_pybtex_reads_sources_bib_in_both_languages(pybtex, site):
    for prefix in tools.LANGUAGE_ROOTS.values():
        data = pybtex((site.root / prefix / "sources.bib").read_text(encoding="utf-8"))
        assert list(data.entries) == _source_ids(site), prefix


def test_every_section_citation_is_read_by_citation_js_and_pybtex(citation_js, pybtex,
                                                                   section_citations):
    problems = []
    for cite in section_citations:
        for fmt in ("bibtex", "ris"):
            result = citation_js[f"section/{cite.page}#{cite.anchor}/{fmt}"]
            if result["error"] or len(_items(result)) != 1:
                problems.append(f"{cite.page}#{cite.anchor} {fmt}: citation-js: "
                                f"{result['error'] or len(_items(result))}")
        try:
            entries = pybtex(cite.bibtex).entries
            if len(entries) != 1:
                problems.append(f"{cite.page}#{cite.anchor}: pybtex read {len(entries)} entries")
        except Exception as error:  # noqa: BLE001 (any parse error is the finding)
            problems.append(f"{cite.page}#{cite.anchor}: pybtex: {error}")
    assert not problems, "\n".join(problems[:20])
    assert len(section_citations) > 50


def test_section_citations_name_the_section_s_permalink(citation_js, section_citations):
    """Both formats of each section citation carry its title and its permalink (page + #id)."""
    problems = []
    for cite in section_citations:
        anchor = cite.anchor.removeprefix("cite--")
        for fmt in ("bibtex", "ris"):
            item = _items(citation_js[f"section/{cite.page}#{cite.anchor}/{fmt}"])[0]
            if not item.get("URL", "").endswith("#" + anchor) or not item.get("title"):
                problems.append(f"{cite.page}#{anchor} {fmt}: {item.get('URL')!r} "
                                f"{item.get('title')!r}")
    assert not problems, "\n".join(problems[:20])


# ------------------------------------------------------------------ read alike

def _disagreements(citation_js, site) -> list[str]:
    out = []
    for lang in tools.LANGUAGE_ROOTS:
        for key in _source_ids(site):
            records = {fmt: tools.csl_record(_items(citation_js[f"{lang}/{fmt}/{key}"])[0])
                       for fmt in tools.DOWNLOADS}
            for fmt in ("bibtex", "ris"):
                for difference in records["csl"].differences(records[fmt]):
                    out.append(f"{lang} {key}: sources.json vs {fmt}: {difference}")
    return out


def test_citation_js_reads_the_same_source_the_same_in_all_three_formats(citation_js, site):
    found = _disagreements(citation_js, site)
    assert not found, f"{len(found)} disagreements:\n" + "\n".join(found)


def test_pybtex_reads_each_source_as_sources_json_gives_it(pybtex, site):
    csl = {item["id"]: tools.csl_record(item)
           for item in json.loads((site.root / "sources.json").read_text())}
    data = pybtex((site.root / "sources.bib").read_text(encoding="utf-8"))
    found = []
    for key, entry in data.entries.items():
        got = tools.pybtex_record(entry)
        for name in ("title", "creators", "date", "url"):
            if getattr(got, name) != getattr(csl[key], name):
                found.append(f"{key}: {name}: {getattr(got, name)!r} (pybtex) vs "
                             f"{getattr(csl[key], name)!r} (sources.json)")
    assert not found, "\n".join(found)


def _formatted(pybtex, text: str) -> dict[str, str]:
    """Each entry of `text` as BibTeX's unsrt style prints it (pybtex), or the error. pybtex
    refuses some entries that BibTeX itself prints with a warning (a missing journal or author,
    a BibLaTeX-only type such as @report): the notes of issue 13 list them."""
    from pybtex.plugin import find_plugin

    style = find_plugin("pybtex.style.formatting", "unsrt")()
    backend = find_plugin("pybtex.backends", "text")()
    out = {}
    for key, entry in pybtex(text).entries.items():
        try:
            out[key] = next(iter(style.format_entries([entry]))).text.render(backend)
        except Exception as error:  # noqa: BLE001 (the style's refusal is the finding)
            out[key] = f"ERROR {type(error).__name__}: {error}"
    return out


def test_a_bibtex_style_keeps_the_capitals_of_titles(pybtex, site):
    csl = {item["id"]: item for item in json.loads((site.root / "sources.json").read_text())}
    printed = _formatted(pybtex, (site.root / "sources.bib").read_text(encoding="utf-8"))
    lowered = {key: text for key, text in printed.items()
               if csl[key].get("title") and not text.startswith("ERROR")
               and csl[key]["title"] not in text}
    assert not lowered, "\n".join(f"{k}: {v}" for k, v in lowered.items())


def test_section_citations_carry_no_placeholder_access_date(section_citations):
    found = [f"{c.page}#{c.anchor}" for c in section_citations
             if re.search(r"urldate\s*=", c.bibtex) or re.search(r"^Y2  -", c.ris, re.MULTILINE)]
    assert not found, f"{len(found)} section citations: " + ", ".join(found[:10])


def test_section_citation_keys_differ_between_languages(section_citations):
    keys = defaultdict(set)
    for cite in section_citations:
        if match := re.match(r"@\w+\{([^,]+),", cite.bibtex.strip()):
            keys["id" if cite.page.startswith("id/") else "en"].add(match[1])
    assert keys["en"] and keys["id"]
    shared = keys["en"] & keys["id"]
    assert not shared, f"{len(shared)} keys in both languages, e.g. {sorted(shared)[:3]}"


def test_citation_js_reads_a_section_citation_alike_in_bibtex_and_ris(citation_js,
                                                                      section_citations):
    fields = ("type", "title", "author", "issued", "URL", "language", "container-title")
    found = tools.bibtex_ris_differences(
        citation_js, section_citations,
        lambda result: [tools.csl_as_read(item) for item in _items(result)], fields)
    assert not found, f"{len(found)} differences, e.g.\n" + "\n".join(found[:12])
