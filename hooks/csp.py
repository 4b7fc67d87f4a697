"""The Content-Security-Policy <meta> of every page (a hook file of its own: its events must run
after every other transform of a page). See hooks/edition/build/csp.py."""

from edition.build.csp import (  # noqa: F401 (MkDocs finds the events by name here)
    on_post_page,
    on_post_template,
)
