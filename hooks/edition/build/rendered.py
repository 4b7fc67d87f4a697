"""Under `mkdocs serve`: what an unchanged page rendered is reused, not rendered again.

After a save, `mkdocs serve` rebuilds the whole site in the same process. Three steps of each
page's build were most of a rebuild, and each is a function of inputs that can be listed, so
each is remembered under a digest of its inputs, one entry per page and language:

1. Markdown -> HTML (`reuse_or_render`, below);
2. Material's search entries of the page (`reuse_search_entries`): its HTML, table of contents,
   URL, title and front matter;
3. the theme's template -> the page's HTML file (`reuse_output`): everything in the template's
   context, digested by `context_digest`, which gives up (renders) on any value it cannot
   digest by content;

and the listing of the installed theme's files (`list_theme_once`), which MkDocs walked at
every build (Material ships some 14,000 icons); and the emptying of the served folder before
each build (`empty_quickly`: its files are moved aside at once and deleted in the background,
where MkDocs deleted them one by one before building).

Nothing is reused across projects, languages or settings, and `mkdocs build` never uses any of
this: it renders everything. This module leans on the internals of the pinned versions (MkDocs
1.6's Page.render and Theme.get_env, Material 9.8's SearchIndex.add_entry_from_context); the
tests below fail if one of them changes. tests/test_serve.py builds a project as `mkdocs serve` does, edits
it, rebuilds, and compares every file with a fresh build.

A page's HTML, as MkDocs' `Page.render` makes it (step 1), is a function of:

- its Markdown as the hooks rendered it (its markers, charts and footnotes: whatever data/ it
  shows is in this text, so an edited fact changes the text of every page that uses it);
- the page's own place (its source path, URL and output path), the Markdown extensions and their
  settings, the validation settings and `use_directory_urls` (MkDocs' link checks);
- every file of the site by path, URL and inclusion (where relative links resolve);

except a page that includes another file (pymdownx.snippets' `--8<--`), which is always rendered.

`reuse_or_render(page, config, files)` replaces the page's `render` for one build: it looks
those up by their digest, and either reuses what the last render with the same digest gave
(the HTML, the table of contents, the title, the anchors, the links to anchors, and the log
records it emitted, which are emitted again, so warnings still count in strict mode) or renders
and remembers.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from mkdocs.structure.pages import Page

SNIPPET = "--8<--"  # pymdownx.snippets: the page's HTML depends on the file it includes
LOGGERS = ("mkdocs", "")  # MkDocs' own (it does not propagate) and the root logger


@dataclass(frozen=True)
class Rendered:
    digest: str
    content: str
    toc: object
    title: str | None
    anchors: frozenset
    links_to_anchors: tuple  # ((target src_uri, {anchor: link}), ...)
    records: tuple           # the log records the render emitted


_LAST: dict[tuple[str, str], Rendered] = {}  # (language, src_uri) -> the last render
_SEARCH: dict[tuple[str, str], tuple[str, list]] = {}  # -> (digest, the page's entries)
_OUTPUT: dict[tuple[str, str], tuple[str, str]] = {}   # -> (digest, the template's output)
counts = {"rendered": 0, "reused": 0}          # in the current build (events.on_post_build)


def forget() -> None:
    for cache in (_LAST, _SEARCH, _OUTPUT):
        cache.clear()


def reset_counts() -> None:
    counts.update(rendered=0, reused=0)


def settings_digest(config) -> str:
    """What of the configuration Page.render reads."""
    extensions = [e if isinstance(e, str) else f"{type(e).__module__}.{type(e).__qualname__}"
                  for e in config["markdown_extensions"]]
    return hashlib.sha256(repr((
        extensions, sorted((config["mdx_configs"] or {}).items(), key=lambda kv: kv[0]),
        str(config["validation"]), config["use_directory_urls"], config["docs_dir"],
    )).encode("utf-8")).hexdigest()


def files_digest(files) -> str:
    """Every file of the build, by path, URL, output path and inclusion (where links resolve)."""
    digest = hashlib.sha256()
    for file in files:
        digest.update(repr((file.src_uri, file.url, file.dest_uri, str(file.inclusion)))
                      .encode("utf-8"))
    return digest.hexdigest()


def page_digest(page, settings: str, site_files: str) -> str:
    file = page.file
    return hashlib.sha256(repr((page.markdown, file.src_uri, file.url, file.dest_uri,
                                settings, site_files)).encode("utf-8")).hexdigest()


class _Capture(logging.Handler):
    """The records this thread emits while a page renders (the server logs from others)."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.thread = threading.get_ident()
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.records.append(record)


def _render_capturing(page, config, files, render) -> tuple:
    capture = _Capture()
    loggers = [logging.getLogger(name) for name in LOGGERS]
    for logger in loggers:
        logger.addHandler(capture)
    try:
        render(config, files)
    finally:
        for logger in loggers:
            logger.removeHandler(capture)
    return tuple(capture.records)


def _restore(page, rendered: Rendered, files) -> None:
    page.content = rendered.content
    page.toc = copy.deepcopy(rendered.toc)
    page._title_from_render = rendered.title
    page.present_anchor_ids = set(rendered.anchors)
    links = {}
    for src_uri, anchors in rendered.links_to_anchors:
        target = files.get_file_from_path(src_uri)
        if target is not None:
            links[target] = dict(anchors)
    page.links_to_anchors = links
    for record in rendered.records:  # the same warnings, counted again in strict mode
        logging.getLogger(record.name).handle(record)


def reuse_or_render(page, config, files, lang: str, settings: str, site_files: str) -> None:
    """Make `page.render(config, files)` reuse the last render of the same page, if nothing it
    depends on has changed since."""
    render = page.render
    slot = (lang, page.file.src_uri)

    def cached_render(config, files) -> None:
        if SNIPPET in (page.markdown or ""):  # it includes another file: always rendered
            counts["rendered"] += 1
            return render(config, files)
        digest = page_digest(page, settings, site_files)
        last = _LAST.get(slot)
        if last is not None and last.digest == digest:
            _restore(page, last, files)
            counts["reused"] += 1
            return
        _LAST.pop(slot, None)
        records = _render_capturing(page, config, files, render)
        links = tuple((target.src_uri, dict(anchors))
                      for target, anchors in (page.links_to_anchors or {}).items())
        _LAST[slot] = Rendered(digest, page.content, copy.deepcopy(page.toc),
                               page._title_from_render, frozenset(page.present_anchor_ids or ()),
                               links, records)
        counts["rendered"] += 1

    page.render = cached_render


# --------------------------------------------------------------------------- search entries


def toc_digest(toc) -> str:
    def walk(items):
        return [(item.title, item.url, item.level, walk(item.children)) for item in items]
    return repr(walk(toc or []))


def reuse_search_entries(search_index, lang: str) -> None:
    """Let Material's search index reuse the entries of a page whose inputs are unchanged."""
    if getattr(search_index, "_edition_reuse", False):
        return
    add = search_index.add_entry_from_context

    def add_entry_from_context(page) -> None:
        slot = (lang, page.file.src_uri)
        digest = hashlib.sha256(repr((
            page.content, toc_digest(page.toc), page.url, page.title,
            sorted((str(k), repr(v)) for k, v in (page.meta or {}).items()),
        )).encode("utf-8")).hexdigest()
        last = _SEARCH.get(slot)
        if last is not None and last[0] == digest:
            search_index.entries.extend(copy.deepcopy(last[1]))
            return
        before = len(search_index.entries)
        add(page)
        _SEARCH[slot] = (digest, copy.deepcopy(search_index.entries[before:]))

    search_index.add_entry_from_context = add_entry_from_context
    search_index._edition_reuse = True


# --------------------------------------------------------------------------- template output


class Undigestable(Exception):
    """A value of the template's context that has no content-based description."""


def _plain(value) -> str:
    text = repr(value)
    if " at 0x" in text:  # an object described by its address, not its content
        raise Undigestable(text[:80])
    return text


def page_description(page) -> str:
    """What the templates read of a page."""
    def neighbour(other):
        return None if other is None else (other.title, other.url)

    return repr((
        page.content, toc_digest(page.toc), sorted((str(k), repr(v)) for k, v in
                                                   (page.meta or {}).items()),
        page.title, page.url, page.canonical_url, page.abs_url, page.edit_url,
        page.file.src_uri, page.is_homepage, neighbour(page.previous_page),
        neighbour(page.next_page), [(a.title, getattr(a, "url", None)) for a in page.ancestors],
    ))


def nav_description(nav) -> str:
    def walk(items):
        return [(type(item).__name__, item.title, getattr(item, "url", None),
                 bool(getattr(item, "active", False)), walk(getattr(item, "children", None) or []))
                for item in items]
    return repr((walk(nav.items), nav.homepage and nav.homepage.url))


def context_digest(context, config_file: bytes, templates: str) -> str:
    """A digest of everything a page's template can read (Undigestable if some value has no
    content-based description): the page, the navigation, the configuration file and the
    configuration as this build set it up (the language, the alternates of the page), the
    theme's templates, and every other value of the context."""
    parts = []
    for key in sorted(context):
        value = context[key]
        if key == "page" and isinstance(value, Page):
            parts.append((key, page_description(value)))
        elif key == "nav":
            parts.append((key, nav_description(value)))
        elif key == "config":
            parts.append((key, config_file, _plain(value.theme), _plain(dict(value.extra)),
                          value.site_url, value.site_name, value.site_description,
                          value.copyright, value.repo_url, value.edit_uri))
        elif key == "build_date_utc":
            continue  # the theme's templates do not show it (its sitemap.xml is not cached)
        else:
            parts.append((key, _plain(value)))
    parts.append(("templates", templates))
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


class ReusedTemplate:
    """A Jinja template whose `render(context)` for a page reuses the last output of that page
    with the same context digest."""

    def __init__(self, template, lang: str, config_file: bytes, templates: str) -> None:
        self._template, self._lang = template, lang
        self._config_file, self._templates = config_file, templates

    def __getattr__(self, name):
        return getattr(self._template, name)

    def render(self, *args, **kwargs) -> str:
        context = dict(*args, **kwargs)
        page = context.get("page")
        if getattr(page, "file", None) is None:
            return self._template.render(context)
        slot = (self._lang, page.file.src_uri)
        try:
            digest = context_digest(context, self._config_file, self._templates)
        except Undigestable:
            _OUTPUT.pop(slot, None)
            return self._template.render(context)
        last = _OUTPUT.get(slot)
        if last is not None and last[0] == digest:
            return last[1]
        output = self._template.render(context)
        _OUTPUT[slot] = (digest, output)
        return output


def reuse_output(env, lang: str, config_file: bytes, templates: str) -> None:
    """Let the pages' templates of this build's Jinja environment reuse their last output."""
    get_template = env.get_template

    def reused_template(name, parent=None, globals=None):  # noqa: A002 (Jinja's name)
        template = get_template(name, parent, globals)
        if parent is not None:  # an {% extends %}, {% include %} or {% import %} inside one
            return template
        return ReusedTemplate(template, lang, config_file, templates)

    env.get_template = reused_template


def templates_digest(dirs) -> str:
    """The theme's templates outside the Python environment (the project's overrides/): by
    path and content. An installed theme's files are the same for the whole process."""
    digest = hashlib.sha256()
    for folder in dirs:
        root = Path(folder)
        if installed(root):
            digest.update(str(root).encode("utf-8"))
            continue
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest.update(str(path).encode("utf-8") + b"\0" + path.read_bytes())
    return digest.hexdigest()


# --------------------------------------------------------------------------- the theme's files

_LISTED: dict[str, list[str]] = {}  # an installed theme folder -> its templates


def installed(folder) -> bool:
    return any(part in ("site-packages", "dist-packages") for part in Path(folder).parts)


def _listing(folder: str) -> list[str]:
    """The files of one theme folder as Jinja lists them, without those in or under a dot-folder
    or dot-file, which MkDocs never publishes (Files.add_files_from_theme leaves out '.*' and
    '*/.*': Material's .icons/, some 14,000 files)."""
    from jinja2 import FileSystemLoader

    return [name for name in FileSystemLoader([folder]).list_templates()
            if not any(part.startswith(".") for part in name.split("/"))]


def list_theme_once(theme) -> None:
    """Let the Jinja environments this build makes list an installed theme's files once per
    process (the project's own overrides/ are listed at every build)."""
    if getattr(theme, "_edition_listed", False):
        return
    get_env = theme.get_env

    def env_listing_once():
        env = get_env()
        folders = list(env.loader.searchpath)

        def list_templates() -> list[str]:
            names: set[str] = set()
            for folder in folders:
                if installed(folder):
                    if folder not in _LISTED:
                        _LISTED[folder] = _listing(folder)
                    names.update(_LISTED[folder])
                else:
                    names.update(_listing(folder))
            return sorted(names)

        env.loader.list_templates = list_templates
        return env

    theme.get_env = env_listing_once
    theme._edition_listed = True


# --------------------------------------------------------------------------- the served folder


def empty_quickly(site_dir) -> None:
    """Empty site_dir as MkDocs' clean_directory would, but at once: move its entries into a
    folder beside it (one rename each) and delete that folder in a background thread."""
    import shutil
    import tempfile

    site = Path(site_dir)
    entries = [entry for entry in site.iterdir()] if site.is_dir() else []
    if not entries:
        return
    trash = Path(tempfile.mkdtemp(prefix=".trash-", dir=site.parent))
    for entry in entries:
        entry.rename(trash / entry.name)
    threading.Thread(target=shutil.rmtree, args=(trash, True), daemon=True).start()
