"""MkDocs events: thin wrappers that call the plain functions in the sibling modules.

    on_config         reset per-build state (mkdocs serve keeps this module between builds);
                      let Markdown pass the charts' SVG through unparsed (chart_stash.py)
    on_files          load + validate data/ (ledger.py; once per process while data/ is
                      unchanged: memo.py), scan every page (markers.py), report all problems
                      at once, add generated pages and downloads (generated.py),
                      and the one stylesheet and one script bundled from docs/ (assets.py)
    on_page_markdown  render the page's markers, charts and footnotes (render.py, charts.py)
    on_page_content   a "Cite this section" control after each H2/H3 of a content page
    on_page_context   citation metadata for <head> (overrides/main.html)
    on_post_page      the page's HTML without the templates' indentation (assets.py)
    on_post_build     fail if a marker survived into the HTML; report how many charts were drawn
                      (the per-language search indexes: hooks/search_split.py, its own hook file)

The audit, errata, changelog, citations and downloads of issue 4 are in scholarly.py (which
says where each part lives).

Nothing here depends on Material's internals, so the same functions can serve another engine.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

import assets
import build_state
import chart_stash
import memo
from build_state import language, languages
from charts import ChartCache, palette_css
from edition import PRINT_PAGE, nav_paths, print_page
from generated import downloads, facts_page, sources_page, unused, usage_index
from ledger import DataError, Ledger
from markers import scan_page
from render import FACTS_PAGE, SOURCES_PAGE, TABLES_PAGE, render_page
import scholarly
from errata import CHANGELOG_PAGE, ERRATA_PAGE
from exports import DOWNLOADS_PAGE
from search_split import language_base
from timeline import TIMELINE_PAGE, check_sections, timeline_page

log = get_plugin_logger("facts")
GENERATED_PAGES = {FACTS_PAGE: scholarly.facts_md, SOURCES_PAGE: scholarly.sources_md,
                   TIMELINE_PAGE: timeline_page, ERRATA_PAGE: scholarly.errata_md,
                   DOWNLOADS_PAGE: scholarly.downloads_md, CHANGELOG_PAGE: scholarly.changelog_md}
# The data each generated page is made from (its "edit this page" link); the print page is
# made from all the others and has none.
GENERATED_FROM = {FACTS_PAGE: "data/facts.yml", SOURCES_PAGE: "data/sources.yml",
                  TIMELINE_PAGE: "data/events.yml", ERRATA_PAGE: "data/corrections.yml",
                  CHANGELOG_PAGE: "data/changelog.yml"}
CODE_RE = re.compile(r"<(pre|code)\b.*?</\1>|<!--.*?-->", re.DOTALL | re.IGNORECASE)


def state() -> build_state.BuildState:
    return build_state.CURRENT


def generated_file(config, src_uri: str, content: str) -> File:
    """A file made from data/, placed as if it were in docs/ (the i18n plugin expects that).

    mkdocs-static-i18n re-creates every docs file from its path, which drops in-memory content;
    `on_files` in hooks/restore_generated.py puts the content back after it has run.
    """
    file = File.generated(config, src_uri, content=content)
    file.abs_src_path = str(Path(config.docs_dir) / src_uri)
    state().generated[src_uri] = content
    return file


def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    build_state.reset(root).chart_cache = ChartCache(root / ".cache" / "charts")
    chart_stash.install(config)  # Markdown passes the charts' SVG through unparsed
    return config


def check_site(root: Path, docs_dir: Path, files: Files, langs: tuple[str, ...], key=None):
    """Load data/, scan every page; return (ledger, scans) or raise DataError with all problems.

    With `key` (memo.fingerprint), the loaded data/ is reused from an earlier build with the
    same key, e.g. the other language's build (memo.py).
    """
    ledger, found = memo.load_ledger(root, langs, key)
    problems = list(found)
    fact_values = {f: None for f in ledger.declared_facts} | {
        f.id: f.value for f in ledger.facts.values()}
    sources = ledger.declared_sources | set(ledger.sources)
    scans = {}
    for file in files.documentation_pages():
        if file.generated_by or page_language(file.src_uri, langs)[0] in (*GENERATED_PAGES,
                                                                         PRINT_PAGE):
            continue
        rel = Path(docs_dir.name, file.src_uri).as_posix()
        text = Path(file.abs_src_path).read_text(encoding="utf-8")
        # the scan is a function of the page and the ledger: the other language's build reuses it
        scan = memo.remember(f"scan:{rel}", key and (key, text), lambda: scan_page(
            text, rel,
            None if "facts" in ledger.unreadable else fact_values,
            None if "sources" in ledger.unreadable else sources,
            ledger.declared_tables | set(ledger.tables),
            chart_ids=None if "charts" in ledger.unreadable else
            getattr(ledger.charts, "declared", frozenset()) | set(ledger.charts)))
        problems.extend(scan.problems)
        scans[file.src_uri] = scan
    problems.extend(assets.check_sources(docs_dir))
    problems.extend(check_parity(scans, langs, docs_dir.name))
    problems.extend(check_sections(ledger.events, pages_in(scans, langs[0], langs)))
    problems.extend(check_tables_shown(ledger, pages_in(scans, langs[0], langs), langs,
                                       docs_dir.name))
    if problems:
        raise DataError(problems)
    return ledger, scans


@event_priority(50)  # before other plugins' on_files, so search indexes the generated pages
def on_files(files: Files, config) -> Files:
    docs_dir = Path(config.docs_dir)
    langs, lang = languages(config), language(config)
    for path in (*GENERATED_PAGES, PRINT_PAGE):
        for variant in (localized_path(path, other, langs) for other in langs):
            if files.get_file_from_path(variant):
                raise PluginError(f"docs/{variant}: this page is generated from data/; delete "
                                  "the hand-written file")
    key = memo.fingerprint(state().root, langs)  # data/ is loaded once per process (memo.py)
    try:
        ledger, scans = check_site(state().root, docs_dir, files, langs, key)
        # the audit, errata, changelog and version (scholarly.py)
        state().scholarly = scholarly.load_scholarly(state().root, ledger, config, langs, key)
    except DataError as err:
        raise PluginError(str(err)) from None
    state().ledger = ledger
    usages = {other: usage_index(ledger, pages_in(scans, other, langs)) for other in langs}
    state().usages = usages
    if lang == langs[0]:  # report once, not once per language build
        for message in unused(ledger, usages[lang]) + scholarly.warnings():
            log.warning(message)
    for other in langs:  # every language's version, so the language switcher finds them
        made = generated_pages(ledger, usages[other], other, key)
        for path, content in made.items():
            files.append(generated_file(config, localized_path(path, other, langs), content))
        files.append(generated_file(config, localized_path(PRINT_PAGE, other, langs),
                                    edition_page(config, files, made, other, langs)))
    charts_css = {assets.CSS_BUNDLE: ("generated by hooks/charts.py palette_css()",
                                      palette_css())}
    for path, content in assets.bundles(docs_dir, charts_css).items():  # one CSS, one JS
        files.append(generated_file(config, path, content))
    for source in {s for sources in assets.BUNDLES.values() for s in sources}:
        if files.get_file_from_path(source):  # bundled: not published on their own
            files.remove(files.get_file_from_path(source))
    for path, content in (downloads(ledger, usages[lang], lang)
                          | scholarly.download_files(ledger, usages[lang], lang)).items():
        # facts.id.json: the i18n plugin publishes it as /id/facts.json
        files.append(generated_file(config, localized_path(path, lang, langs), content))
    return files


def generated_pages(ledger: Ledger, usage, lang: str, key=None) -> dict[str, str]:
    """The Markdown of the pages made from data/ in one language (GENERATED_PAGES).

    Each build makes every language's pages; with `key` (memo.fingerprint of data/), the
    other language's build reuses them while everything they are made from is unchanged: the
    data, the usage of facts and sources in the pages, and the audit, errata, changelog,
    version and addresses (scholarly.current()).
    """
    return dict(memo.remember(f"generated:{lang}", key and (key, usage, scholarly.current()),
                              lambda: {path: make(ledger, usage, lang)
                                       for path, make in GENERATED_PAGES.items()}))


def edition_page(config, files: Files, made: dict, lang: str, langs: tuple[str, ...]) -> str:
    """The print page of one language: every page of the nav, in order (edition.py)."""
    pages = []
    for path in nav_paths(config.nav) or sorted(
            {page_language(f.src_uri, langs)[0] for f in files.documentation_pages()}):
        if path == PRINT_PAGE:
            continue
        if path in made:
            pages.append((path, made[path]))
            continue
        file = files.get_file_from_path(localized_path(path, lang, langs))
        if file is not None and file.abs_src_path and Path(file.abs_src_path).exists():
            pages.append((path, Path(file.abs_src_path).read_text(encoding="utf-8")))
    # a function of the pages' text: the other language's build reuses it (memo.py)
    return memo.remember(f"print:{lang}", tuple(pages), lambda: print_page(pages, lang))


def page_language(src_uri: str, langs: tuple[str, ...]) -> tuple[str, str]:
    """'core-values.id.md' -> ('core-values.md', 'id'); 'core-values.md' -> (..., default)."""
    stem, _, ext = src_uri.rpartition(".")
    base, _, suffix = stem.rpartition(".")
    if base and suffix in langs[1:]:
        return f"{base}.{ext}", suffix
    return src_uri, langs[0]


def localized_path(src_uri: str, lang: str, langs: tuple[str, ...]) -> str:
    if lang == langs[0]:
        return src_uri
    stem, _, ext = src_uri.rpartition(".")
    return f"{stem}.{lang}.{ext}"


def pages_in(scans: dict, lang: str, langs: tuple[str, ...]) -> dict:
    """The scans of one language's pages, keyed by the default-language path links use."""
    out = {}
    for src_uri, scan in scans.items():
        base, page_lang = page_language(src_uri, langs)
        if page_lang == lang:
            out[base] = scan
    return out


def check_tables_shown(ledger, pages: dict, langs: tuple[str, ...], docs: str) -> list:
    """Every table in data/tables/ has its place on the Tables page, which the facts ledger and
    the downloads link to (pages: default-language scans)."""
    from ledger import Problem

    scan = pages.get(TABLES_PAGE)
    if scan is None or scan.problems:
        return []
    shown = {m.arg for m in scan.markers if m.kind == "table"}
    where = " and ".join(f"{docs}/{localized_path(TABLES_PAGE, lang, langs)}" for lang in langs)
    return [Problem(f"data/tables/{table_id}.yml", 1, f"table '{table_id}' is not on the Tables "
                    f"page: add {{{{ table:{table_id} }}}} under a heading of its own to {where}")
            for table_id in ledger.tables if table_id not in shown]


def check_parity(scans: dict, langs: tuple[str, ...], docs: str) -> list:
    """Every page in every language, with the same heading ids and facts per section."""
    from ledger import Problem

    problems = []
    default = pages_in(scans, langs[0], langs)
    for lang in langs[1:]:
        other = pages_in(scans, lang, langs)
        for base in sorted(set(default) | set(other)):
            there = localized_path(base, lang, langs)
            if base not in other:
                problems.append(Problem(f"{docs}/{base}", 1, f"page has no '{lang}' version "
                                        f"(write {docs}/{there}, with the same headings and facts)"))
                continue
            if base not in default:
                problems.append(Problem(f"{docs}/{there}", 1, f"page has no '{langs[0]}' "
                                        f"version (write {docs}/{base})"))
                continue
            if default[base].problems or other[base].problems:
                continue  # a bad marker is reported once, where it is, not again as a mismatch
            problems.extend(_compare_pages(default[base], other[base], f"{docs}/{there}", lang))
    return problems


def _compare_pages(original, translation, rel: str, lang: str) -> list:
    from ledger import Problem

    problems = []
    ids = [h.id for h in original.headings if h.id]
    translated = {h.id: h.line for h in translation.headings if h.id}
    for ident in ids:
        if ident not in translated:
            problems.append(Problem(rel, 1, f"heading id '#{ident}' of the original page is "
                                    f"missing in the '{lang}' translation (keep the same "
                                    "explicit ids, so links and the language switch land on the "
                                    "same section)"))
    for ident in translated:
        if ident not in ids:
            problems.append(Problem(rel, translated[ident], f"heading id '#{ident}' is not in "
                                    "the original page (use the original's ids)"))

    def facts_by_section(scan):
        out = {}
        for marker in scan.markers:
            if marker.kind in ("fact", "cite", "table", "summary", "chart"):
                out.setdefault(marker.section, set()).add(f"{marker.kind}:{marker.arg}")
        return out

    want, have = facts_by_section(original), facts_by_section(translation)
    for section in sorted(set(want) | set(have)):
        missing = sorted(want.get(section, set()) - have.get(section, set()))
        extra = sorted(have.get(section, set()) - want.get(section, set()))
        line = translated.get(section, 1)
        for marker in missing:
            problems.append(Problem(rel, line, f"section '#{section or 'top'}' lacks "
                                    f"{{{{ {marker} }}}}, which the original uses there"))
        for marker in extra:
            problems.append(Problem(rel, line, f"section '#{section or 'top'}' uses "
                                    f"{{{{ {marker} }}}}, which the original does not use there"))
    return problems


def on_page_markdown(markdown: str, page, config, files) -> str:
    langs = languages(config)
    base, _ = page_language(page.file.src_uri, langs)
    if page.file.generated_by and config.repo_url:  # edit the data the page is made from
        source = GENERATED_FROM.get(base)
        page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{source}" if source else None
    try:
        return render_page(markdown, state().ledger, base, language(config),
                           chart_cache=state().chart_cache,
                           notes=scholarly.page_notes(config, base, language(config), langs))
    except DataError as err:
        raise PluginError(str(err)) from None


def on_page_content(html: str, page, config, files) -> str:
    """A 'Cite this section' control after each H2/H3 of a content page (scholarly.py)."""
    lost = chart_stash.leftover(html)
    if lost:
        raise PluginError(f"docs/{page.file.src_uri}: a chart's SVG was lost in Markdown "
                          f"({lost}); write {{{{ chart:ID }}}} on a line of its own, between "
                          "blank lines")
    langs = languages(config)
    base, _ = page_language(page.file.src_uri, langs)
    return scholarly.section_controls(html, page, config, base, language(config), langs)


def on_page_context(context, page, config, nav):
    """Citation metadata for <head> (overrides/main.html writes it; scholarly.py makes it)."""
    langs, lang = languages(config), language(config)
    base, _ = page_language(page.file.src_uri, langs)
    usage = (state().usages or {}).get(lang)
    context["edition_meta"] = scholarly.head_metadata(page, config, base, lang, langs, usage)
    # Material's `base`: where it finds the search index, and resolves search results from
    context["language_base"] = language_base(context["base_url"], lang, langs)
    scholarly.escape_description(page)
    return context


def on_post_page(output: str, page, config) -> str:
    """The page without its templates' indentation (assets.compact_html)."""
    return assets.compact_html(output)


def on_post_build(config) -> None:
    cache = state().chart_cache
    if cache is not None:
        log.info(f"charts: {cache.drawn} drawn, {cache.reused} reused from .cache/charts/")
    leftovers = []
    for html in sorted(Path(config.site_dir).rglob("*.html")):
        text = CODE_RE.sub("", html.read_text(encoding="utf-8"))
        for match in re.finditer(r"\{\{.{0,40}", text):
            leftovers.append(f"{html.relative_to(config.site_dir)}: {match.group(0)!r}")
    if leftovers:
        raise PluginError("markers left unrendered in the output (a hook did not run or a "
                          "marker is malformed):\n  " + "\n  ".join(leftovers[:20]))

