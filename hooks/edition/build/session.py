"""What one `mkdocs` process keeps across its builds: the command, and compiled templates.

`mkdocs serve` rebuilds the site in the same process after every save, and
mkdocs-static-i18n builds it once per language in the same process; state.py is reset at the
start of each of those builds, this module is not. It holds:

- the command (`on_startup`): under `mkdocs serve` the build may reuse what an earlier build
  rendered (build/rendered.py) and leaves out the printable edition (build/events.py);
  `mkdocs build` always builds everything, strictly;
- the refusal of `--dirty`: a dirty build re-renders only the pages whose own file changed, so
  the pages made from data/ and every page that uses an edited fact would keep their old
  numbers, and mkdocs-static-i18n would add every language's search entries again at each
  rebuild (the index grows without end). `make serve` already re-renders only what changed;
- how soon a save is noticed (`notice_saves_sooner`): mkdocs serve looks for changed files
  every 0.5 s (it polls, which works on every file system), then waits until no file has
  changed for 0.1 s: on average 0.35 s before a rebuild starts, longer than the rebuild itself
  here. It now looks every 0.1 s (a few milliseconds of work) and waits 0.03 s: an editor's
  save is done within a few milliseconds, and a change that comes later starts another
  rebuild;
- `TEMPLATES`, a Jinja bytecode cache shared by every environment of the process: MkDocs makes
  a new Jinja environment for each build, so each language's build and each rebuild compiled
  every template again. The cache keys a compiled template by its name, its file, its source
  (Jinja checks a checksum of it) and the environment's settings, so an edited template or an
  environment set up differently compiles afresh, and the HTML is the same either way.
"""

from __future__ import annotations

import gc
import hashlib

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

SERVE = "serve"
DIRTY_REFUSED = (
    "--dirty is not supported by this site: a dirty build re-renders only the pages whose own "
    "file changed, so the pages made from data/ and every page using an edited fact would keep "
    "their old numbers, and the search index would grow at every rebuild. Run `make serve` "
    "(mkdocs serve without --dirty): it re-renders only the pages whose rendered text changed.")

command: str | None = None  # "build", "gh-deploy" or "serve": what `mkdocs` was asked to do
QUIET_S = 0.03  # how long no file may change before mkdocs serve rebuilds (MkDocs: 0.1 s)
POLL_S = 0.1    # how often mkdocs serve looks for changed files (MkDocs: 0.5 s)


class DirtyBuild(Exception):
    """--dirty was asked for (events.on_startup turns it into MkDocs' error)."""


def start(cmd: str, dirty: bool) -> None:
    """At the start of an `mkdocs` invocation (not of each build): remember the command, and
    keep what is loaded so far out of the garbage collector's rounds (`gc.freeze()`): the
    modules of MkDocs, Material, Markdown, Babel, ... live as long as the process, and every full
    collection walked all of them again, a cost that grew with the build (6 % of a build at 40x
    the data, bench/scale.py)."""
    global command
    if dirty:
        raise DirtyBuild(DIRTY_REFUSED)
    command = cmd
    gc.freeze()


def serving() -> bool:
    return command == SERVE


def notice_saves_sooner(server) -> None:
    """mkdocs serve's LiveReloadServer (MkDocs 1.6) polls its watched paths with a watchdog
    PollingObserver, whose emitters wait `timeout` between looks, and rebuilds once no file has
    changed for `build_delay`. Paths watched later (mkdocs.yml's `watch:`) get the observer's
    timeout; anything else about the server is left as it is."""
    if hasattr(server, "build_delay"):
        server.build_delay = min(server.build_delay, QUIET_S)
    observer = getattr(server, "observer", None)
    for poller in (observer, *getattr(observer, "emitters", ())):
        if isinstance(getattr(poller, "_timeout", None), (int, float)):
            poller._timeout = min(poller._timeout, POLL_S)


class SharedBytecodeCache(BytecodeCache):
    """Compiled templates in memory, for every Jinja environment of the process."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        # what the compiled code depends on besides the source: the environment's settings
        settings = repr((sorted(environment.extensions), environment.autoescape,
                         environment.block_start_string, environment.variable_start_string,
                         environment.comment_start_string, environment.line_statement_prefix,
                         environment.trim_blocks, environment.lstrip_blocks,
                         environment.newline_sequence, environment.keep_trailing_newline,
                         environment.optimized))
        key = hashlib.sha256(repr((name, filename, settings)).encode("utf-8")).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # discarded by Jinja if the checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()


TEMPLATES = SharedBytecodeCache()


def share_templates(env) -> None:
    """Let a build's Jinja environment reuse the templates earlier builds compiled."""
    env.bytecode_cache = TEMPLATES


def share_theme_templates(theme) -> None:
    """Every Jinja environment the theme makes (MkDocs' for the pages, Material's search for
    its translations, ...) shares the compiled templates."""
    if getattr(theme, "_edition_shared", False):
        return
    get_env = theme.get_env

    def get_shared_env():
        env = get_env()
        share_templates(env)
        return env

    theme.get_env = get_shared_env
    theme._edition_shared = True
