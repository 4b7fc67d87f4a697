"""Checks of the article's references: an "Ibid." that does not point back to one source
(data/footnotes.yml), a source cited but missing from the bibliography, a URL printed two ways
or misspelt, a reference printed differently in the footnote and the bibliography."""

from __future__ import annotations

import difflib
import re
from urllib.parse import urlsplit

from ...data.footnotes import Footnote
from ...data.ledger import Ledger
from ...data.sources import Source
from ...locale.locators import localize_locator
from .findings import Finding, both, quote

IBID_RE = re.compile(r"\bibid\b", re.IGNORECASE)
PAGE_RE = re.compile(r"\b(?:hlm|p|pp|page)\.?\s*\d", re.IGNORECASE)


def check_ibid(footnotes: tuple[Footnote, ...], ledger: Ledger) -> list[Finding]:
    """An 'Ibid.' must refer, unambiguously, to the one source of the footnote before it."""
    out = []
    previous = {f.number: f for f in footnotes}
    for footnote in footnotes:
        if not IBID_RE.search(footnote.printed):
            continue
        before = previous.get(footnote.number - 1)
        reasons_en, reasons_id = [], []
        if len(footnote.sources) > 1:
            reasons_en.append("it can refer to more than one source: "
                              + ", ".join(footnote.sources))
            reasons_id.append("catatan ini dapat merujuk pada lebih dari satu sumber: "
                              + ", ".join(footnote.sources))
        if before is None:
            reasons_en.append("no footnote precedes it")
            reasons_id.append("tidak ada catatan kaki sebelumnya")
        else:
            if set(footnote.sources) != set(before.sources):
                reasons_en.append(f"footnote {before.number}, just before it, cites "
                                  f"{', '.join(before.sources)}")
                reasons_id.append(f"catatan kaki {before.number}, tepat sebelumnya, mengutip "
                                  f"{', '.join(before.sources)}")
            if PAGE_RE.search(footnote.printed) and not any(
                    ledger.sources[s].csl.get("page") or ledger.sources[s].csl.get("volume")
                    for s in before.sources if s in ledger.sources):
                reasons_en.append(f"it gives a page, but footnote {before.number}'s source "
                                  "has no pages")
                reasons_id.append(f"catatan ini menyebut nomor halaman, padahal sumber catatan "
                                  f"kaki {before.number} tidak berhalaman")
            if not IBID_RE.match(footnote.printed.strip()):
                reasons_en.append("it names an author before “Ibid.”, which should stand alone")
                reasons_id.append("catatan ini menyebut nama penulis sebelum “Ibid.”, padahal "
                                  "“Ibid.” seharusnya berdiri sendiri")
        if not reasons_en:
            continue
        printed = f"{footnote.number}. {footnote.printed}"
        out.append(Finding(
            id=f"ibid-footnote-{footnote.number}", kind="ibid",
            title=both(f"An unclear “Ibid.” in footnote {footnote.number}",
                       f"“Ibid.” yang tidak jelas pada catatan kaki {footnote.number}"),
            printed=both(quote(printed, "en"), quote(printed, "id")),
            problem=both(
                "“Ibid.” should repeat the source of the footnote just before it, but "
                + "; ".join(reasons_en) + ". The edition lists the possible sources and does "
                "not choose between them.",
                "“Ibid.” seharusnya mengulang sumber catatan kaki tepat sebelumnya, tetapi "
                + "; ".join(reasons_id) + ". Edisi ini mencantumkan sumber-sumber yang mungkin "
                "dan tidak memilih salah satunya."),
            facts=tuple(f.id for f in ledger.facts.values()
                        if re.search(rf"\bfootnote {footnote.number}\b", f.sourced_by)),
            sources=footnote.sources))
    return out


def check_bibliography(ledger: Ledger) -> list[Finding]:
    """A source the article cites must be in its bibliography."""
    out = []
    for source in ledger.sources.values():
        if source.in_bibliography or not source.cited_as:
            continue
        cited = "; ".join(source.cited_as)
        printed = source.printed[0] if source.printed else cited
        out.append(Finding(
            id=f"not-in-bibliography-{source.id}", kind="not-in-bibliography",
            title=both(f"Cited but not in the bibliography: {_name(source)}",
                       f"Dikutip tetapi tidak ada dalam daftar pustaka: {_name(source)}"),
            printed=both(f"{quote(printed, 'en')} ({localize_locator(cited, 'en')})",
                         f"{quote(printed, 'id')} ({localize_locator(cited, 'id')})"),
            problem=both(
                f"The article cites this source ({localize_locator(cited, 'en')}) but its "
                "bibliography (Daftar Pustaka) does not list it"
                + (", and it prints no full reference anywhere." if not source.csl.get("title")
                   else "."),
                f"Artikel mengutip sumber ini ({localize_locator(cited, 'id')}), tetapi daftar "
                "pustakanya tidak mencantumkannya"
                + (", dan rujukan lengkapnya tidak dicetak di mana pun."
                   if not source.csl.get("title") else ".")),
            sources=(source.id,)))
    return out


def _name(source: Source) -> str:
    who = ""
    if source.authors:
        who = source.authors[0].short
    elif source.get("container-title"):
        who = source.get("container-title")
    year = f" {source.year}" if source.year else ""
    return f"{who or source.id}{year}"


URL_RE = re.compile(r"https?://[^\s,<>\"]+")


def printed_urls(source: Source) -> list[str]:
    """Every URL the article prints for a source (trailing punctuation trimmed), in order."""
    urls = []
    for text in source.printed:
        for url in URL_RE.findall(text):
            url = url.rstrip(".,;)")
            if url not in urls:
                urls.append(url)
    if source.csl.get("URL") and source.csl["URL"] not in urls:
        urls.append(source.csl["URL"])
    return urls


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[^a-z0-9]+", str(text).lower()) if t]


def _name_candidates(source: Source) -> dict[str, str]:
    """Strings a host name may be built from: single words and runs of words of each name."""
    names = [a.literal or "" for a in source.authors if not a.is_person]
    names += [source.csl.get("container-title", ""), source.csl.get("publisher", "")]
    out = {}
    for name in filter(None, names):
        words = [w for w in _tokens(name) if w not in ("of", "the", "and")]
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                joined = "".join(words[i:j])
                if len(joined) >= 5:
                    out.setdefault(joined, name)
    return out


def _host_labels(url: str) -> list[str]:
    host = urlsplit(url).hostname or ""
    labels = host.split(".")
    return [label for label in labels[:-1] if label not in ("www", "en")]


def _slug_mismatches(url: str, title: str) -> list[tuple[str, str]]:
    """(word in the URL path, word in the title) pairs that nearly match but differ."""
    if not title:
        return []
    title_words = set(_tokens(title.replace("'", ""))) | set(_tokens(title))
    segment = [s for s in urlsplit(url).path.split("/") if s]
    if not segment:
        return []
    words = _tokens(re.sub(r"\.\w+$", "", segment[-1]))
    if len(set(words) & title_words) < 2:  # the path does not spell the title
        return []
    out = []
    for word in words:
        if word in title_words:
            continue
        if word.isdigit():
            close = [t for t in title_words if t.isdigit() and len(t) == len(word)]
        else:
            close = difflib.get_close_matches(word, [t for t in title_words if not t.isdigit()],
                                              n=1, cutoff=0.8)
            close += [t for t in title_words if len(word) >= 3 and t.startswith(word)
                      and t != word and not t.isdigit()]
        if close:
            out.append((word, close[0]))
    return out


def check_urls(ledger: Ledger) -> list[Finding]:
    """A source's URL: printed one way, its host spelling its publisher's name, its path its
    title."""
    out = []
    for source in ledger.sources.values():
        urls = printed_urls(source)
        if len(urls) > 1:
            hosts = [urlsplit(u).hostname or "" for u in urls]
            listed = "; ".join(urls)
            differ_host = len(set(hosts)) > 1
            out.append(Finding(
                id=f"url-printings-{source.id}", kind="url",
                title=both(f"One source, two URLs: {_name(source)}",
                           f"Satu sumber, dua URL: {_name(source)}"),
                printed=both(listed, listed),
                problem=both(
                    "The article prints this source's address in two forms (the footnote and "
                    "the bibliography)"
                    + (f"; the hosts differ ({' / '.join(dict.fromkeys(hosts))}), so at most one "
                       "of them is right." if differ_host else "; at most one is right."),
                    "Artikel mencetak alamat sumber ini dalam dua bentuk (di catatan kaki dan di "
                    "daftar pustaka)"
                    + (f"; host-nya berbeda ({' / '.join(dict.fromkeys(hosts))}), sehingga "
                       "paling banyak satu yang benar." if differ_host
                       else "; paling banyak satu yang benar.")),
                sources=(source.id,)))
        candidates = _name_candidates(source)
        for url in urls:
            for label in _host_labels(url):
                if label in candidates or any(label == c or label.startswith(c) and
                                              len(c) >= 8 for c in candidates):
                    continue
                close = difflib.get_close_matches(label, list(candidates), n=1, cutoff=0.85)
                if not close:
                    continue
                host = urlsplit(url).hostname
                name = candidates[close[0]]
                out.append(Finding(
                    id=f"url-host-{source.id}", kind="url",
                    title=both(f"A misspelt address: {host}",
                               f"Alamat yang salah eja: {host}"),
                    printed=both(url, url),
                    problem=both(
                        f"The host {host} looks like a misspelling of “{close[0]}”, built from "
                        f"the source's name ({name}). The edition keeps the address as printed "
                        "and does not check or correct it.",
                        f"Host {host} tampaknya salah eja dari “{close[0]}”, yang terbentuk dari "
                        f"nama sumbernya ({name}). Edisi ini mempertahankan alamat sebagaimana "
                        "tercetak dan tidak memeriksa ataupun memperbaikinya."),
                    sources=(source.id,)))
        for url in urls[:1]:
            mismatches = _slug_mismatches(url, source.csl.get("title", ""))
            if not mismatches:
                continue
            pairs_en = ", ".join(f"“{a}” for “{b}”" for a, b in mismatches)
            pairs_id = ", ".join(f"“{a}” untuk “{b}”" for a, b in mismatches)
            out.append(Finding(
                id=f"url-title-{source.id}", kind="url", status="open",
                title=both(f"An address that does not match its title: {_name(source)}",
                           f"Alamat yang tidak sesuai dengan judulnya: {_name(source)}"),
                printed=both(f"{quote(source.csl.get('title', ''), 'en')}; {url}",
                             f"{quote(source.csl.get('title', ''), 'id')}; {url}"),
                problem=both(
                    f"The address spells the title with {pairs_en}. Either the title or the "
                    "address is misprinted, or the address is cut short; the edition has not "
                    "checked which.",
                    f"Alamat itu menuliskan judulnya dengan {pairs_id}. Entah judul atau alamatnya "
                    "salah cetak, atau alamatnya terpotong; edisi ini belum memeriksa mana yang "
                    "benar."),
                sources=(source.id,)))
    return out


def check_printings(ledger: Ledger) -> list[Finding]:
    """A reference printed twice (footnote, bibliography) must be printed the same, apart from
    its URL (check_urls) and punctuation."""
    out = []
    for source in ledger.sources.values():
        if len(source.printed) < 2:
            continue
        variants = [[t for t in re.split(r"[^\w]+", URL_RE.sub("", text)) if t]
                    for text in source.printed]
        first = variants[0]
        diffs = []
        for other in variants[1:]:
            matcher = difflib.SequenceMatcher(a=first, b=other, autojunk=False)
            for op, a1, a2, b1, b2 in matcher.get_opcodes():
                if op != "equal":
                    diffs.append((" ".join(first[a1:a2]), " ".join(other[b1:b2])))
        if not diffs:
            continue
        pairs = ", ".join(f"“{a or '—'}” / “{b or '—'}”" for a, b in diffs)
        listed = " | ".join(source.printed)
        out.append(Finding(
            id=f"printing-{source.id}", kind="printing",
            title=both(f"A reference printed two ways: {_name(source)}",
                       f"Rujukan yang dicetak dalam dua bentuk: {_name(source)}"),
            printed=both(listed, listed),
            problem=both(
                f"The footnote and the bibliography print this reference differently: {pairs}. "
                "The edition records both printings.",
                f"Catatan kaki dan daftar pustaka mencetak rujukan ini secara berbeda: {pairs}. "
                "Edisi ini mencatat kedua bentuk cetakannya."),
            sources=(source.id,)))
    return out
