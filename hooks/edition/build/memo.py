"""Load and validate data/ once per process, not once per language build.

mkdocs-static-i18n builds the site once per language in the same process, and `on_config`
runs again for each, so without this every build read, parsed, validated and audited all of
data/ again. `remember(name, key, compute)` keeps the last value of `compute()` under `name`
while `key` stays the same; the key is `fingerprint(root, langs)`: the project's root, the
languages, and the path and SHA-256 of every file under data/. So:

- the second language build of one `mkdocs build` reuses the first one's ledger and audit;
- under `mkdocs serve`, saving a data file changes the fingerprint and the next build reloads
  (one entry per name is kept, so memory does not grow);
- another project root (a test's temporary copy) never shares a value with this one;
- what fails is not kept: a `compute()` that raises (a DataError) runs again on the next build,
  so every build that has a problem reports it. Problems returned with a value (the ledger's)
  are kept with it and reported by every build that reuses it.

The same keeps what each build makes from data/ and the pages for every language, and the
other language's build would make again identically (build/events.py): the scan of each page
(key: data/ and the page's text), the generated pages and the downloads of each language (key:
data/, the usage of facts in the pages, the version and addresses) and the print page (key: the
text of every page in it); and under `mkdocs serve`, each page's rendered markers (key: data/,
the page's text and the edition), so a save in docs/ renders the markers of that page only.

The values are shared between builds, so nothing may change them after they are made: the
ledger's records are frozen dataclasses, and no hook writes into their dicts (tests/
test_build_speed.py checks that a built ledger still equals a freshly loaded one).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

_LAST: dict[str, tuple[Any, Any]] = {}  # name -> (key, value)


def fingerprint(root: Path, langs: tuple[str, ...]) -> str:
    """A digest of everything the data loaders read: every file under root/data, by path and
    content, with the project root and the build languages."""
    root = Path(root).resolve()
    digest = hashlib.sha256(repr((str(root), tuple(langs))).encode("utf-8"))
    data_dir = root / "data"
    files = sorted(p for p in data_dir.rglob("*") if p.is_file()) if data_dir.is_dir() else []
    for path in files:
        digest.update(path.relative_to(data_dir).as_posix().encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def remember(name: str, key: Any, compute: Callable[[], Any]) -> Any:
    """compute(), or the value it gave last time under `name` if `key` is unchanged (a key of
    None: always compute(), remember nothing)."""
    if key is None:
        return compute()
    last = _LAST.get(name)
    if last is not None and last[0] == key:
        return last[1]
    _LAST.pop(name, None)  # a failing compute() must not leave the old value behind
    value = compute()
    _LAST[name] = (key, value)
    return value


def forget() -> None:
    """Drop every remembered value (tests)."""
    _LAST.clear()
