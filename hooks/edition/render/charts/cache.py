"""Rendered SVGs on disk (.cache/charts/), so an unchanged rebuild draws nothing.

The key of a drawing hashes everything it depends on: the chart, its data in the page's language
(data.py), the drawing code (draw.py and palette.py, not the rest of the package: editing an
error message redraws nothing) and matplotlib's version.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path

from ...data.charts import Chart
from .data import ChartData
from .draw import draw  # imports matplotlib only when it draws

CODE_HASH = hashlib.sha256(b"".join(
    (Path(__file__).parent / name).read_bytes() for name in ("draw.py", "palette.py"))
).hexdigest()


@functools.lru_cache(maxsize=1)
def matplotlib_version() -> str:
    """Read from the package's metadata: importing matplotlib takes a tenth of a second, which a
    build whose charts all come from the cache need not spend."""
    from importlib.metadata import version

    return version("matplotlib")


def cache_key(chart: Chart, data: ChartData) -> str:
    """The hash of everything a drawing depends on."""
    material = json.dumps([repr(chart), repr(data), CODE_HASH, data.lang,
                           matplotlib_version()], ensure_ascii=False)
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]


class ChartCache:
    """Rendered SVGs on disk (e.g. .cache/charts/), so an unchanged rebuild draws nothing."""

    def __init__(self, directory: Path | None):
        self.directory = Path(directory) if directory else None
        self.drawn = 0
        self.reused = 0

    def svg(self, chart: Chart, data: ChartData) -> str:
        key = cache_key(chart, data)
        path = self.directory / f"{chart.id}-{key}.svg" if self.directory else None
        if path is not None and path.exists():
            self.reused += 1
            return path.read_text(encoding="utf-8")
        svg = draw(data)
        self.drawn += 1
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(svg)
            os.replace(tmp, path)
        return svg
