"""MkDocs events: thin wrappers that call the plain functions of the layers below.

    on_startup        remember the command (mkdocs serve reuses what earlier builds rendered:
                      session.py, rendered.py); refuse --dirty, which would show old numbers
    on_config         reset per-build state (mkdocs serve keeps modules between builds); let
                      Markdown pass the charts' SVG through unparsed (render/charts/stash.py)
    on_files          load + validate data/ (data/; once per process while data/ is unchanged:
                      memo.py), scan every page (markup/), check the pages (checks/pages.py),
                      report all problems at once; run the audit and merge the errata
                      (checks/); add the generated pages (pages/), the downloads (outputs/) and
                      the one stylesheet and one script bundled from docs/ (outputs/assets.py)
    on_page_markdown  render the page's markers, charts and footnotes (render/)
    on_page_content   each data table's caption into its <table> (render/); a "Cite this section"
                      control after each H2/H3 of a content page (cite/)
    on_page_context   citation metadata for <head> (cite/metadata.py, overrides/main.html)
    on_env            share compiled templates between languages and rebuilds (session.py)
    on_serve          mkdocs serve notices a save sooner (session.py)
    on_post_page      the page's HTML without the templates' indentation (outputs/assets.py)
    on_post_build     fail if a marker survived into the HTML; report how many charts were drawn
                      (and under mkdocs serve, how many pages were rendered and what was left out)
                      (the per-language search indexes: build/search.py, its own hook file)

Nothing here depends on Material's internals, so the same functions can serve another engine;
what `mkdocs serve` reuses does (build/rendered.py, build/session.py), and only under serve.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from ..checks.audit import run_audit
from ..checks.errata import Errata, check_statuses, merge_errata, unrecorded_messages
from ..checks.pages import check_category_pages, check_parity, check_sections, check_tables_shown
from ..checks.usage import unused
from ..cite.version import Publication, git_runner, release_settings, site_version
from ..data.ledger import Ledger, load
from ..data.pages import PRINT_PAGE, localized_path, page_language, pages_in
from ..data.problems import DataError, Problem
from ..data.registry import data_files
from ..markup.scan import decode_page, scan_page
from ..markup.syntax import body_offset
from ..markup.usage import marker_sections, usage_index
from ..outputs import assets
from ..outputs.search import language_base
from ..outputs.snapshot import FILE as SNAPSHOT_FILE
from ..outputs.snapshot import snapshot, snapshot_json
from ..pages import GENERATED, Context, generated_pages
from ..pages.downloads import package
from ..pages.print import left_out_page, nav_paths, print_page
from ..render.charts import stash
from ..render.charts.cache import ChartCache
from ..render.charts.palette import palette_css
from ..render.markers import KINDS
from ..render.markers.table import caption_tables
from ..render.notes import Repository
from ..render.page import render_page, rendered_in_code
from . import memo, rendered, serve, session
from . import state as build_state
from .context import edition_for, escape_description, head_metadata, page_notes, section_controls
from .state import language, languages
from .versions import ReleasesError, earlier_releases, page_banner, release_chain, since_files

log = get_plugin_logger("facts")
# The data each generated page is made from (its "edit this page" link); the print page is
# made from all the others and has none.
GENERATED_FROM = {f.page: f.path for f in data_files() if f.page}
CODE_RE = re.compile(r"<(pre|code)\b.*?</\1>|<!--.*?-->", re.DOTALL | re.IGNORECASE)


def state() -> build_state.BuildState:
    return build_state.CURRENT


def generated_file(config, src_uri: str, content: str, in_nav: bool = True) -> File:
    """A file made from data/, placed as if it were in docs/ (the i18n plugin expects that).

    mkdocs-static-i18n re-creates every docs file from its path, which drops in-memory content;
    build/restore.py (its own hook file) puts the content back after it has run.
    """
    inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
    file = File.generated(config, src_uri, content=content, inclusion=inclusion)
    file.abs_src_path = str(Path(config.docs_dir) / src_uri)
    state().generated[src_uri] = content
    return file


def on_startup(command: str, dirty: bool) -> None:
    """Once per `mkdocs` invocation: remember the command; refuse --dirty (session.py)."""
    try:
        session.start(command, dirty)
    except session.DirtyBuild as err:
        raise PluginError(str(err)) from None


@event_priority(100)  # first: templates shared (session.py); before mkdocs-static-i18n reads site_url
def on_config(config):
    root = Path(config.config_file_path).resolve().parent
    session.share_theme_templates(config.theme)
    outer = build_state.CURRENT if nested_build(config) else None
    current = build_state.reset(root)
    current.chart_cache = ChartCache(root / ".cache" / "charts")
    current.outer_version = outer.version if outer is not None else None
    current.not_found_page = outer.not_found_page if outer is not None else None
    rendered.reset_counts()
    if session.serving():  # an installed theme's files are listed once per process
        rendered.list_theme_once(config.theme)
        if not nested_build(config):  # the served folder is emptied at once (rendered.py)
            rendered.empty_quickly(config.site_dir)
    stash.install(config)  # Markdown passes the charts' SVG through unparsed
    try:  # a release's own folder is published under site_url + its name (cite/version.py)
        release, at_root = release_settings(os.environ)
    except ValueError as err:
        raise PluginError(str(err)) from None
    current.publication = Publication.of(config.site_url or "", release, at_root)
    if config.site_url:
        config.site_url = current.publication.published
    return config


def build_version(current: build_state.BuildState):
    """The site's version (cite/version.py): asked of git once per build; another language's
    build inside it (mkdocs-static-i18n) takes the same."""
    return current.outer_version or site_version(os.environ, git_runner(current.root))


def nested_build(config) -> bool:
    """mkdocs-static-i18n is building another language inside the default language's build."""
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and getattr(i18n, "building", False))


def check_site(root: Path, docs_dir: Path, files: Files, langs: tuple[str, ...], key=None):
    """Load data/, scan every page; return (ledger, scans) or raise DataError with all problems.

    With `key` (memo.fingerprint), the loaded data/ is reused from an earlier build with the
    same key, e.g. the other language's build (memo.py).
    """
    pages = {file.src_uri: Path(file.abs_src_path) for file in files.documentation_pages()
             if not file.generated_by and page_language(file.src_uri, langs)[0] not in (
                 *GENERATED, PRINT_PAGE)}
    return check_pages(root, docs_dir, pages, langs, key)


def check_pages(root: Path, docs_dir: Path, pages: dict[str, Path], langs: tuple[str, ...],
                key=None):
    """(ledger, scans) of data/ and the hand-written pages (src_uri -> path), or DataError with
    every problem of the data, the pages and the checks between them."""
    ledger, found = load_data(root, langs, key)
    problems = list(found)
    scans, unreadable = {}, False
    for src_uri, path in pages.items():
        rel = Path(docs_dir.name, src_uri).as_posix()
        text, undecodable = decode_page(path.read_bytes(), rel)
        if undecodable:  # a page that is not UTF-8 is a problem
            problems.append(undecodable)
            unreadable = True
            continue
        # the scan is a function of the page and the ledger: the other language's build reuses it
        scan = memo.remember(f"scan:{rel}", key and (key, text),
                             lambda text=text, rel=rel: scan_page(text, rel, ledger, KINDS))
        problems.extend(scan.problems)
        scans[src_uri] = scan
    if unreadable:  # the checks across pages would only repeat that a page is missing
        raise DataError(problems)
    problems.extend(assets.check_sources(docs_dir))
    problems.extend(check_parity(scans, langs, docs_dir.name, KINDS))
    problems.extend(check_sections(ledger.events, pages_in(scans, langs[0], langs)))
    problems.extend(check_tables_shown(ledger, pages_in(scans, langs[0], langs), langs,
                                       docs_dir.name))
    problems.extend(check_category_pages(ledger, pages_in(scans, langs[0], langs)))
    if problems:
        raise DataError(problems)
    return ledger, scans


def load_data(root: Path, langs: tuple[str, ...], key=None
              ) -> tuple[Ledger, tuple[Problem, ...]]:
    """(ledger, problems) of root/data (data/ledger.py), remembered under `key` (the problems
    with it: a build that reuses the ledger reports them again)."""
    def compute():
        ledger, problems = load(Path(root) / "data", langs)
        return ledger, tuple(problems)

    return memo.remember("ledger", key, compute)


def check_errata(ledger: Ledger, key=None) -> Errata:
    """The audit's findings merged with data/corrections.yml (checks/), remembered under `key`;
    DataError with every problem (a failure is not remembered: every build reports it)."""
    def compute() -> Errata:
        problems: list[Problem] = []
        errata = merge_errata(ledger, run_audit(ledger), problems)
        problems.extend(check_statuses(errata, ledger))
        if problems:
            raise DataError(problems)
        return errata

    return memo.remember("errata", key, compute)


@event_priority(50)  # before other plugins' on_files, so search indexes the generated pages
def on_files(files: Files, config) -> Files:
    docs_dir = Path(config.docs_dir)
    langs, lang = languages(config), language(config)
    for path in (*GENERATED, PRINT_PAGE):
        for variant in (localized_path(path, other, langs) for other in langs):
            if files.get_file_from_path(variant):
                raise PluginError(f"docs/{variant}: this page is generated from data/; delete "
                                  "the hand-written file")
    key = memo.fingerprint(state().root, langs)  # data/ is loaded once per process (memo.py)
    try:
        ledger, scans = check_site(state().root, docs_dir, files, langs, key)
        # the audit and the errata (checks/), remembered while data/ is unchanged
        errata = check_errata(ledger, key)
    except DataError as err:
        state().failure = str(err)
        raise PluginError(str(err)) from None
    current = state()
    current.ledger, current.errata, current.data_key = ledger, errata, key
    current.version = build_version(current)
    # citations link the permanent address (a release's folder; an unreleased build: the live one)
    current.repository = Repository(config.repo_url or "", current.publication.permanent)
    usages = {other: usage_index(ledger, pages_in(scans, other, langs), KINDS)
              for other in langs}
    current.usages = usages
    if lang == langs[0]:  # report once, not once per language build
        warnings = unused(ledger, usages[lang]) + unrecorded_messages(errata)
        for message in warnings:
            log.warning(message)
        if warnings:  # strict: they stop the build (build/serve.py shows them under serve)
            current.failure = "\n  ".join([f"{len(warnings)} warning"
                                           f"{'s' if len(warnings) > 1 else ''}, which fail a "
                                           "strict build:", *warnings])
    try:  # the releases before this one (build/versions.py), for the Changelog and since pages
        earlier = earlier_releases(os.environ)
    except ReleasesError as err:
        raise PluginError(str(err)) from None
    snapshot_now = current_snapshot(ledger, usages, errata, scans, langs)
    chain = release_chain(earlier, current.version, snapshot_now, current.publication)
    for other in langs:  # every language's version, so the language switcher finds them
        context = Context(ledger, usages[other], errata, current.repository, current.version,
                          other, chain)
        made = made_pages(context, key)
        for path, content in made.items():
            files.append(generated_file(config, localized_path(path, other, langs), content))
        files.append(generated_file(config, localized_path(PRINT_PAGE, other, langs),
                                    edition_page(config, files, made, other, langs)))
    charts_css = {assets.CSS_BUNDLE: ("generated by hooks/edition/render/charts/palette.py palette_css()",
                                      palette_css())}
    for path, content in assets.bundles(docs_dir, charts_css).items():  # one CSS, one JS
        files.append(generated_file(config, path, content))
    for source in {s for sources in assets.BUNDLES.values() for s in sources}:
        if files.get_file_from_path(source):  # bundled: not published on their own
            files.remove(files.get_file_from_path(source))
    context = Context(ledger, usages[lang], errata, current.repository, current.version, lang)
    made_files, described = made_downloads(context, key)  # the downloads and their package
    for path, content in (made_files | {"datapackage.json": described}).items():
        # facts.id.json: the i18n plugin publishes it as /id/facts.json
        files.append(generated_file(config, localized_path(path, lang, langs), content))
    if lang == langs[0]:  # every language in one file, at the root (outputs/snapshot.py)
        files.append(generated_file(config, SNAPSHOT_FILE, snapshot_json(snapshot_now)))
    if current.publication.at_root:  # what changed since each release (pages/changes.py)
        pages, data = since_files(chain, snapshot_now, langs, current.publication.root)
        for path, content in pages.items():
            files.append(generated_file(config, path, content, in_nav=False))
        for path, content in data.items() if lang == langs[0] else ():
            files.append(generated_file(config, path, content))
    return files


def current_snapshot(ledger, usages, errata, scans, langs) -> dict:
    """This build's snapshot (outputs/snapshot.py), kept on the build's state."""
    current = state()
    if current.snapshot is None:
        charts = marker_sections(pages_in(scans, langs[0], langs), "chart")
        current.snapshot = snapshot(ledger, usages, errata, current.version, charts)
    return current.snapshot


def made_pages(context: Context, key=None) -> dict[str, str]:
    """The Markdown of the pages made from data/ in one language (pages/).

    Each build makes every language's pages; with `key` (memo.fingerprint of data/), the
    other language's build reuses them while everything they are made from is unchanged: the
    data, the usage of facts and sources in the pages, the version and the addresses.
    """
    return dict(memo.remember(
        f"generated:{context.lang}",
        key and (key, context.usage, context.version, context.repository, context.releases),
        lambda: generated_pages(context)))


def made_downloads(context: Context, key=None) -> tuple[dict[str, str], str]:
    """The downloads of one language and their package (pages/downloads.py), remembered like
    the generated pages while everything they are made from is unchanged (memo.py)."""
    return memo.remember(
        f"downloads:{context.lang}",
        key and (key, context.usage, context.version, context.repository),
        lambda: package(context))


def edition_page(config, files: Files, made: dict, lang: str, langs: tuple[str, ...]) -> str:
    """The print page of one language: every page of the nav, in order (pages/print.py);
    under `mkdocs serve`, a stand-in that says `make build` makes it."""
    if session.serving():
        return left_out_page(lang)
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


def _edition(config, lang: str, langs: tuple[str, ...]):
    current = state()
    return edition_for(config, lang, langs, current.repository, current.version)


def on_page_markdown(markdown: str, page, config, files) -> str:
    langs, lang = languages(config), language(config)
    base, _ = page_language(page.file.src_uri, langs)
    if page.file.generated_by and config.repo_url:  # edit the data the page is made from
        source = GENERATED_FROM.get(base)
        page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{source}" if source else None
    current = state()
    edition = _edition(config, lang, langs)
    notes = page_notes(current.ledger, current.errata, current.repository, lang, base, edition)
    reuse_rendered_html(page, config, files, lang)
    if page.file.generated_by:  # made from data/: no lines of a file of its own
        source, offset = f"{page.file.src_uri} (made from {GENERATED_FROM.get(base, 'data/')})", 0
    else:  # as the scan names it: docs/X.id.md, lines counted from the top of the file
        source = Path(Path(config.docs_dir).name, page.file.src_uri).as_posix()
        offset = body_offset(page.file.content_string, markdown)
    try:
        return render_markers(markdown, base, lang, notes, edition, source, offset)
    except DataError as err:
        current.failure = str(err)
        raise PluginError(str(err)) from None


def render_markers(markdown: str, base: str, lang: str, notes, edition, source: str,
                   offset: int) -> str:
    """The page's markers, charts and footnotes rendered (render/page.py; problems named at
    `source`, lines counted from `offset`); under `mkdocs serve`, remembered while the page's
    text, data/ and the edition are unchanged (memo.py), so a save in docs/ renders the markers
    of the saved page only."""
    current = state()
    key = None
    if session.serving() and current.data_key is not None:
        key = (current.data_key, markdown, edition, current.repository, source, offset)
    return memo.remember(f"markers:{lang}:{base}", key, lambda: render_page(
        markdown, current.ledger, base, lang, KINDS, chart_cache=current.chart_cache,
        notes=notes, source=source, line_offset=offset))


def reuse_rendered_html(page, config, files, lang: str) -> None:
    """Under `mkdocs serve`, the page's HTML is reused from the last build if its rendered
    Markdown and everything else its HTML depends on are unchanged (rendered.py)."""
    if not session.serving():
        return
    current = state()
    if current.render_key is None or current.render_key[0] is not files:
        current.render_key = (files, rendered.settings_digest(config),
                              rendered.files_digest(files))
    rendered.reuse_or_render(page, config, files, lang, *current.render_key[1:])


def on_page_content(html: str, page, config, files) -> str:
    """Each data table's caption inside its <table> (render/markers/table.py), and a 'Cite this
    section' control after each H2/H3 of a content page (cite/sections.py)."""
    lost = stash.leftover(html)
    if lost:
        raise PluginError(f"docs/{page.file.src_uri}: a chart's SVG was lost in Markdown "
                          f"({lost}); write {{{{ chart:ID }}}} on a line of its own, between "
                          "blank lines")
    stray = rendered_in_code(html)
    if stray:
        raise PluginError(f"docs/{page.file.src_uri}: a marker was rendered inside code "
                          f"({stray}): Markdown reads as code what the edition's scan read as "
                          "prose (a fence or indentation it reads otherwise, "
                          "hooks/edition/markup/syntax.py); move the marker out of the code "
                          "block, or close the fence on a line of its own")
    html, uncaptioned = caption_tables(html)
    if uncaptioned:
        raise PluginError(f"docs/{page.file.src_uri}: {uncaptioned} table caption(s) without "
                          f"their table: Markdown did not read a table where {{{{ table:ID }}}} "
                          "wrote one; write the marker on a line of its own, between blank lines")
    langs, lang = languages(config), language(config)
    base, _ = page_language(page.file.src_uri, langs)
    return section_controls(html, page, base, _edition(config, lang, langs),
                            state().repository.site_url)


def on_page_context(context, page, config, nav):
    """Citation metadata for <head> (overrides/main.html writes it; cite/metadata.py makes it)."""
    langs, lang = languages(config), language(config)
    base, _ = page_language(page.file.src_uri, langs)
    current = state()
    usage = (current.usages or {}).get(lang)
    context["edition_meta"] = head_metadata(page, config, base, lang, langs, current.ledger,
                                            _edition(config, lang, langs), current.repository,
                                            usage)
    # Material's `base`: where it finds the search index, and resolves search results from
    context["language_base"] = language_base(context["base_url"], lang, langs)
    # a release's own folder: which version this is, and links to the latest (build/versions.py)
    context["edition_banner"] = page_banner(page.url, base, lang, langs, current.version,
                                            current.publication)
    # the printable edition: no footnote tooltips (overrides/main.html)
    context["footnote_tooltips"] = base != PRINT_PAGE
    escape_description(page)
    return context


def on_serve(server, config, builder):
    """mkdocs serve notices a save sooner (session.py), and a failed rebuild shows its problems
    on the pages (serve.py)."""
    session.notice_saves_sooner(server)
    return serve.show_failures(server, builder)


def on_env(env, config, files):
    """Compiled templates are shared by every language's build and every rebuild (session.py);
    under `mkdocs serve`, an unchanged page's search entries and HTML file are reused."""
    session.share_templates(env)
    reuse_unchanged_output(env, config)
    return env


def reuse_unchanged_output(env, config) -> None:
    """Under `mkdocs serve`: Material's search entries and the theme's output of a page are
    reused from the last build while everything they are made from is unchanged (rendered.py)."""
    if not session.serving():
        return
    lang = language(config)
    for name in ("search", "material/search"):
        plugin = config.plugins.get(name)
        if plugin is not None and hasattr(plugin, "search_index"):
            rendered.reuse_search_entries(plugin.search_index, lang)
    config_file = Path(config.config_file_path).read_bytes()
    rendered.reuse_output(env, lang, config_file, rendered.templates_digest(config.theme.dirs))


def on_post_page(output: str, page, config) -> str:
    """The page without its templates' indentation (outputs/assets.compact_html)."""
    return assets.compact_html(output)


def on_post_build(config) -> None:
    cache = state().chart_cache
    if cache is not None:
        log.info(f"charts: {cache.drawn} drawn, {cache.reused} reused from .cache/charts/")
    report_serve(language(config))
    leftovers = []
    for html in sorted(Path(config.site_dir).rglob("*.html")):
        text = CODE_RE.sub("", html.read_text(encoding="utf-8"))
        for match in re.finditer(r"\{\{.{0,40}", text):
            leftovers.append(f"{html.relative_to(config.site_dir)}: {match.group(0)!r}")
    if leftovers:
        raise PluginError("markers left unrendered in the output (a hook did not run or a "
                          "marker is malformed):\n  " + "\n  ".join(leftovers[:20]))


def report_serve(lang: str) -> None:
    """Under `mkdocs serve`, say what this build reused and what it left out."""
    if session.serving():
        counts = rendered.counts
        log.info(f"serve ({lang}): {counts['rendered']} pages rendered, {counts['reused']} "
                 "unchanged since the last build reused; the printable edition is left out "
                 "(make build makes it, and checks every page)")
