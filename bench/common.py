"""Shared by the benchmarks: throw-away copies of the project, timed builds with the child's
peak memory, and a local HTTP server (optionally gzip-compressing, as GitHub Pages does)."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

# BENCH_PROJECT: measure another checkout of the project (default: this one)
ROOT = Path(os.environ.get("BENCH_PROJECT") or Path(__file__).resolve().parents[1]).resolve()
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides")


def env() -> dict:
    """The environment of the builds and servers the benchmarks start."""
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")


MARKER_RE = re.compile(r"\{\{\s*[A-Za-z_-]+\s*:[^}]*\}\}")


class AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whatever its tags (!ENV, !relative, python names): as plain values."""


AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(project: Path) -> dict:
    return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), AnyTagLoader)


def add_dump_hook(project: Path) -> None:
    """Append bench/dump_markdown.py to project's `hooks:`: its builds then write the Markdown
    the hooks rendered to $BENCH_DUMP_DIR (see that file)."""
    config = project / "mkdocs.yml"
    hook = Path(__file__).with_name("dump_markdown.py").resolve()
    text, n = re.subn(r"(?m)^hooks:\n((?:[ \t]+-.*\n)+)", rf"hooks:\n\1  - {hook}\n",
                      config.read_text(encoding="utf-8"))
    assert n == 1, "mkdocs.yml has no hooks: list"
    config.write_text(text, encoding="utf-8")


def copy_project(dest: Path) -> Path:
    """The parts of the project a build reads, copied to dest (which must not exist)."""
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest


@dataclass
class Run:
    seconds: float
    peak_mib: float
    returncode: int
    output: str
    cpu_s: float = 0.0  # the child's user + system time


def run(cmd: list[str], cwd: Path) -> Run:
    """Run cmd; wall time and the peak resident memory of that child (os.wait4's rusage)."""
    start = time.perf_counter()
    with subprocess.Popen(cmd, cwd=cwd, env=env(), stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True) as proc:
        output = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    return Run(seconds, usage.ru_maxrss / 1024, proc.returncode, output,  # ru_maxrss: KiB
               usage.ru_utime + usage.ru_stime)


def mkdocs_build(project: Path, site_dir: Path, strict: bool = True,
                 python: str = sys.executable, hook_report: Path | None = None) -> Run:
    """`mkdocs build` of project into site_dir; with hook_report, also time the hooks' events
    (bench/hook_timer.py writes them there as JSON)."""
    runner = ["-m", "mkdocs"] if hook_report is None else [
        str(Path(__file__).with_name("hook_timer.py")), str(hook_report)]
    cmd = [python, *runner, "build", "-f", str(project / "mkdocs.yml"),
           "-d", str(site_dir)] + (["--strict"] if strict else [])
    result = run(cmd, project)
    if result.returncode != 0:
        raise SystemExit(f"build of {project} failed:\n{result.output[-4000:]}")
    return result


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".map", ".ico"}


def gzipped_size(path: Path) -> int:
    """Bytes on the wire: text types gzip-compressed (as GitHub Pages serves them), others raw."""
    data = path.read_bytes()
    if path.suffix.lower() in COMPRESSIBLE:
        return len(gzip.compress(data, compresslevel=6, mtime=0))
    return len(data)


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files; text types gzip-compressed when the client accepts it."""
    compress = False

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass

    def send_head(self):
        if not self.compress or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the base class redirects to the URL with a slash
            path = path / "index.html"
        if not path.is_file() or path.suffix.lower() not in COMPRESSIBLE:
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


def serve(root: Path, compress: bool = False, port: int = 0):
    """Start a threaded server for root on 127.0.0.1; returns (server, base_url)."""
    handler = type("H", (Handler,), {"compress": compress})
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(handler, directory=str(root)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def table(rows: list[tuple], headers: tuple) -> str:
    """A plain-text table (also valid Markdown)."""
    cells = [tuple(str(c) for c in headers)] + [tuple(str(c) for c in r) for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    line = lambda row: "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths)) + " |"  # noqa: E731
    return "\n".join([line(cells[0]), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
                     + [line(r) for r in cells[1:]])
