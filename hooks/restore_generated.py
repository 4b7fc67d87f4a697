"""Generated files' content restored after mkdocs-static-i18n re-creates them (a hook file of its
own: its event must run after the plugin's). See hooks/edition/build/restore.py."""

from edition.build.restore import on_files  # noqa: F401 (MkDocs finds the event by name here)
