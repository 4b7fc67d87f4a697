"""`python hook_timer.py REPORT.json build ...`: run the mkdocs CLI with the given arguments and
write how long each hook event took (the project's hooks/*.py only) to REPORT.json."""

from __future__ import annotations

import atexit
import json
import sys
import time
from collections import Counter

from mkdocs import plugins
from mkdocs.__main__ import cli

seconds: Counter = Counter()


def run_event(self, name, item=None, **kwargs):
    """PluginCollection.run_event (MkDocs 1.6), timing the methods that hook files registered."""
    pass_item = item is not None
    for method in self.events[name]:
        origin = self._event_origins.get(method, "<unknown>")
        self._current_plugin = origin
        start = time.perf_counter()
        result = method(item, **kwargs) if pass_item else method(**kwargs)
        if origin.endswith(".py"):  # hooks are registered under their path
            seconds[f"{origin}:on_{name}"] += time.perf_counter() - start
        if result is not None:
            item = result
    self._current_plugin = None
    return item


if __name__ == "__main__":
    report = sys.argv.pop(1)
    plugins.PluginCollection.run_event = run_event
    atexit.register(lambda: open(report, "w").write(json.dumps(seconds, indent=1)))
    cli(prog_name="mkdocs")
