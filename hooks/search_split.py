"""One search index per language (a hook file of its own: its event must run last). See
hooks/edition/build/search.py."""

from edition.build.search import on_post_build  # noqa: F401 (MkDocs finds the event by name)
