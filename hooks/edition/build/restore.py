"""Give generated files their content back after mkdocs-static-i18n has re-created them.

The i18n plugin (priority -100) rebuilds every File from its path under docs/, so files made
in memory from data/ (build/events.py `generated_file`) would be read from disk and not found.
This runs after it and restores their content; without the plugin it changes nothing.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from . import state


@event_priority(-150)
def on_files(files, config):
    generated = state.CURRENT.generated if state.CURRENT else {}
    for file in files:
        if file.src_uri in generated:
            file.content_string = generated[file.src_uri]
            file.abs_src_path = None
            file.generated_by = "hooks/edition/build/events.py"
    return files
