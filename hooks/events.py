"""MkDocs events: thin wrappers that call the plain functions in the sibling modules.

    on_config         reset per-build state (mkdocs serve keeps this module between builds)
    on_files          load + validate data/ (ledger.py), scan every page (markers.py), report
                      all problems at once, add generated pages and downloads (generated.py)
    on_page_markdown  render the page's markers and footnotes (render.py)
    on_post_build     fail if a marker survived into the HTML

Nothing here depends on Material's internals, so the same functions can serve another engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from generated import downloads, facts_page, sources_page, unused, usage_index
from ledger import DataError, Ledger, load_ledger
from markers import scan_page
from render import FACTS_PAGE, SOURCES_PAGE, render_page

log = get_plugin_logger("facts")
GENERATED_PAGES = {FACTS_PAGE: facts_page, SOURCES_PAGE: sources_page}
CODE_RE = re.compile(r"<(pre|code)\b.*?</\1>|<!--.*?-->", re.DOTALL | re.IGNORECASE)


@dataclass
class BuildState:
    root: Path
    ledger: Ledger | None = None


STATE: BuildState | None = None


def language(config) -> str:
    return config.theme["language"] if config.theme else "en"


def on_config(config):
    global STATE
    STATE = BuildState(root=Path(config.config_file_path).resolve().parent)
    return config


def check_site(root: Path, docs_dir: Path, files: Files, lang: str):
    """Load data/, scan every page; return (ledger, scans) or raise DataError with all problems."""
    problems = []
    ledger = load_ledger(root / "data", problems)
    fact_values = {f: None for f in ledger.declared_facts} | {
        f.id: f.value for f in ledger.facts.values()}
    sources = ledger.declared_sources | set(ledger.sources)
    scans = {}
    for file in files.documentation_pages():
        if file.generated_by or file.src_uri in GENERATED_PAGES:
            continue
        rel = Path(docs_dir.name, file.src_uri).as_posix()
        text = Path(file.abs_src_path).read_text(encoding="utf-8")
        scan = scan_page(text, rel,
                         None if "facts" in ledger.unreadable else fact_values,
                         None if "sources" in ledger.unreadable else sources,
                         set(ledger.tables))
        problems.extend(scan.problems)
        scans[file.src_uri] = scan
    if problems:
        raise DataError(problems)
    return ledger, scans


@event_priority(50)  # before other plugins' on_files, so search indexes the generated pages
def on_files(files: Files, config) -> Files:
    docs_dir = Path(config.docs_dir)
    for path in GENERATED_PAGES:
        if files.get_file_from_path(path):
            raise PluginError(f"docs/{path}: this page is generated from data/; delete the "
                              "hand-written file")
    try:
        ledger, scans = check_site(STATE.root, docs_dir, files, language(config))
    except DataError as err:
        raise PluginError(str(err)) from None
    STATE.ledger = ledger
    usage = usage_index(ledger, scans)
    for message in unused(ledger, usage):
        log.warning(message)
    lang = language(config)
    for path, make in GENERATED_PAGES.items():
        files.append(File.generated(config, path, content=make(ledger, usage, lang)))
    for path, content in downloads(ledger, usage).items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    try:
        return render_page(markdown, STATE.ledger, page.file.src_uri, language(config))
    except DataError as err:
        raise PluginError(str(err)) from None


def on_post_build(config) -> None:
    leftovers = []
    for html in sorted(Path(config.site_dir).rglob("*.html")):
        text = CODE_RE.sub("", html.read_text(encoding="utf-8"))
        for match in re.finditer(r"\{\{.{0,40}", text):
            leftovers.append(f"{html.relative_to(config.site_dir)}: {match.group(0)!r}")
    if leftovers:
        raise PluginError("markers left unrendered in the output (a hook did not run or a "
                          "marker is malformed):\n  " + "\n  ".join(leftovers[:20]))
