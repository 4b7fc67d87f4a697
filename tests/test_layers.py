"""The layers of hooks/edition/ (its __init__ maps them): imports flow one way, downward, with no
cycle; only build/ imports MkDocs; the hook files listed in mkdocs.yml stay thin; the interface
text has the same areas and keys in every language; and the whole tree is lint-clean (ruff)."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from edition import LAYERS
from edition.locale import TEXTS

PACKAGE = ROOT / "hooks" / "edition"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path, known: set[str]) -> set[str]:
    """The package's modules that a module imports (anywhere in it, functions included)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # `from x import y`: y is a module of x, or a name defined in x
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                       for alias in node.names]
        else:
            continue
        out.update(t for t in targets if t in known)
    return out


def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: imports_of(name, path, set(found)) - {name} for name, path in found.items()}


def layer(name: str) -> int:
    """The index of a module's layer (the package's own __init__ sits below them all)."""
    parts = name.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 else -1


def test_every_module_belongs_to_a_layer():
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == set(LAYERS)
    assert [p.name for p in PACKAGE.glob("*.py")] == ["__init__.py"]


def test_no_layer_imports_one_above_it():
    upward = [f"{name} ({name.split('.')[1]}) imports {target} ({target.split('.')[1]})"
              for name, targets in graph().items() for target in targets
              if layer(target) > layer(name)]
    assert upward == []


def test_the_imports_have_no_cycle():
    edges, state, cycles = graph(), {}, []

    def visit(name: str, path: list[str]) -> None:
        state[name] = "visiting"
        for target in sorted(edges[name]):
            if state.get(target) == "visiting":
                cycles.append(path[path.index(target):] + [target])
            elif target not in state:
                visit(target, path + [target])
        state[name] = "done"

    for name in sorted(edges):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_the_checks_catch_an_upward_import_and_a_cycle(tmp_path, monkeypatch):
    """The two tests above fail on a package that breaks the rules (made up here)."""
    package = tmp_path / "edition"
    for folder in ("data", "render"):
        (package / folder).mkdir(parents=True)
        (package / folder / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "data" / "a.py").write_text("from ..render import b\n")
    (package / "render" / "b.py").write_text("from ..data import a\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", package)
    assert graph()["edition.data.a"] == {"edition.render.b"}
    assert layer("edition.render.b") > layer("edition.data.a")  # upward: data imports render
    assert "edition.data.a" in graph()["edition.render.b"]       # and back: a cycle
    with pytest.raises(AssertionError):
        test_no_layer_imports_one_above_it()
    with pytest.raises(AssertionError):
        test_the_imports_have_no_cycle()


def test_only_the_glue_imports_mkdocs():
    for name, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level
                     else [])
            if any(n == "mkdocs" or n.startswith("mkdocs.") for n in names):
                assert name.startswith("edition.build"), name


def test_the_hook_files_stay_thin():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = [line.split("- ", 1)[1].split("#", 1)[0].strip() for line in config.splitlines()
             if line.startswith("  - hooks/")]
    assert hooks
    for hook in hooks:
        tree = ast.parse((ROOT / hook).read_text(encoding="utf-8"))
        body = [n for n in tree.body if not isinstance(n, ast.Expr)]  # the docstring aside
        assert all(isinstance(n, ast.ImportFrom) and n.module.startswith("edition.build")
                   for n in body), hook


def keys(tree, where="") -> set[str]:
    if isinstance(tree, dict):
        return {f"{where}.{k}" for k in tree} | {k for key, value in tree.items()
                                                  for k in keys(value, f"{where}.{key}")}
    return set()


def test_every_language_has_the_same_interface_text():
    english = keys(TEXTS["en"])
    for lang, text in TEXTS.items():
        assert keys(text) == english, lang


def test_the_code_is_lint_clean():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent))
    assert ruff, "ruff is not installed in the test environment (run make install)"
    result = subprocess.run([ruff, "check", "--no-cache", "hooks", "tests", "bench"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
