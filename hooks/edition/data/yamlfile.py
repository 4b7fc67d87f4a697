"""YAML files read with line numbers, so every problem can name the line to fix.

`load_yaml(path, rel, problems)` parses one file: mappings remember the line of themselves and
of each key (`LineDict.line_of`), duplicate keys and syntax errors become located problems, and
dates stay the strings the contributor typed (the edition prints them, never computes with them).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem


class LineDict(dict):
    """A mapping that remembers the line of itself and of each key (1-based)."""

    line: int = 0
    key_lines: dict

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _LineLoader(yaml.SafeLoader):
    """SafeLoader whose mappings carry line numbers and reject duplicate keys."""

    duplicate_keys: list


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:  # '{{ fact:x }}' in YAML is a mapping used as a key
            raise yaml.constructor.ConstructorError(
                "while reading a mapping", node.start_mark,
                "a list or mapping stands where a key must be (quote text that starts with "
                "'{' or '[')", key_node.start_mark) from None
        if key in result:
            loader.duplicate_keys.append((key_node.start_mark.line + 1, key))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _line_constructors(loader_class: type) -> type:
    loader_class.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                                 _construct_mapping)
    # Keep dates as the strings the contributor typed: the ledger prints them, never computes.
    loader_class.add_constructor("tag:yaml.org,2002:timestamp",
                                 yaml.SafeLoader.construct_yaml_str)
    return loader_class


_line_constructors(_LineLoader)
# The same loader on libyaml's parser (about ten times faster), when PyYAML was built with it.
# The two parsers disagree on a few rare constructs, where libyaml accepts what PyYAML rejects
# (or reads it otherwise): tabs, '?' (inside flow collections), '!' tags, a byte-order mark
# after the start, a comment right after a block scalar's '|' or '>', '%' directives. A file
# with any of those characters goes to the pure-Python loader, as does a file libyaml cannot
# parse (which then words the error), so what a file means, and the message and line of every
# problem, do not depend on how PyYAML was installed (tests/test_build_speed.py compares them).
_FastLineLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):
    _FastLineLoader = _line_constructors(type("_FastLineLoader", (yaml.CSafeLoader,), {
        "__doc__": "_LineLoader on libyaml's parser.", "duplicate_keys": None}))
_LIBYAML_DIFFERS = re.compile(r"[\t?!\ufeff]|[|>][-+0-9]*#|^%", re.MULTILINE)


def _parse(text: str, loader_class: type) -> tuple[Any, list]:
    """(data, [(line, key) of each duplicate key])."""
    loader = loader_class(text)
    loader.duplicate_keys = []
    try:
        return loader.get_single_data(), loader.duplicate_keys
    finally:
        loader.dispose()


YAML_THINGS = {"flow sequence": "list in [ ]", "flow mapping": "mapping in { }",
               "quoted scalar": "quoted text"}


def yaml_error(err: yaml.MarkedYAMLError) -> tuple[int, str]:
    """(line, message) for a YAML syntax error. A bracket or quote left open is noticed lines
    later: the message points at the line where it opened, and says where it was noticed."""
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark else 1
    what = f"{err.context + ', ' if err.context else ''}{err.problem}"
    if (err.context and err.context_mark and err.problem_mark
            and err.context_mark.line != err.problem_mark.line):
        thing = re.sub(r"^while (?:parsing|scanning) (?:an? )?", "", err.context)
        what = (f"the {YAML_THINGS.get(thing, thing)} that starts here is not closed "
                f"({err.problem} on line {line})")
        line = err.context_mark.line + 1
    return line, (f"YAML syntax error: {what} (check the indentation, close brackets and "
                  "quotes, and quote values containing ': ' or '#')")


def read_text(path: Path, rel: str, problems: list[Problem]) -> str | None:
    """A file's text, or None with a problem: it is missing, or not UTF-8 (the line and column
    of the first bad byte, so the contributor finds the stray character)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        problems.append(Problem(rel, 1, "file is missing (create it, or restore it from git)"))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        before = data[:err.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        problems.append(Problem(rel, line, f"the file is not UTF-8 text: byte "
                                f"{data[err.start]:#04x} at column {column} cannot be read "
                                "(save the file as UTF-8, and retype the character there)"))
        return None


def load_yaml(path: Path, rel: str, problems: list[Problem]) -> Any:
    """Read and parse one YAML file; a missing or unreadable file, syntax errors and duplicate
    keys become problems."""
    text = read_text(path, rel, problems)
    return None if text is None else parse_yaml(text, rel, problems)


def parse_yaml(text: str, rel: str, problems: list[Problem]) -> Any:
    """Parse YAML text; syntax errors and duplicate keys become problems."""
    parsed = None
    if _FastLineLoader is not None and not _LIBYAML_DIFFERS.search(text):
        try:
            parsed = _parse(text, _FastLineLoader)
        except Exception:  # noqa: BLE001 (the pure-Python loader below reports it, or not)
            parsed = None
    if parsed is None:
        try:
            parsed = _parse(text, _LineLoader)
        except yaml.MarkedYAMLError as err:
            problems.append(Problem(rel, *yaml_error(err)))
            return None
        except yaml.reader.ReaderError as err:  # a character YAML does not allow
            line = text.count("\n", 0, err.position) + 1
            problems.append(Problem(rel, line, f"YAML cannot read the character "
                                    f"{chr(err.character)!r} (U+{err.character:04X}) on this "
                                    "line: delete it or retype it"))
            return None
    data, duplicate_keys = parsed
    for line, key in duplicate_keys:
        problems.append(Problem(rel, line, f"duplicate key '{key}' in one entry (keep one of them)"))
    return data


ENTRY_ID_RE = re.compile(r"^[ \t]*- +id: *['\"]?([A-Za-z0-9][A-Za-z0-9_-]*)", re.MULTILINE)


def written_ids(text: str) -> dict[str, int]:
    """Every id written as an entry's first field ('- id: ...') in a YAML text, at any
    indentation, with its line: an entry swallowed by a misindented block is still here."""
    out: dict[str, int] = {}
    for match in ENTRY_ID_RE.finditer(text):
        out.setdefault(match.group(1), text.count("\n", 0, match.start()) + 1)
    return out
