"""The glue: the only code that imports MkDocs.

    events.py    the MkDocs events, each a few lines calling the layers below
    context.py   per page: "Cite this section", <head> metadata, the renderer's notes
    state.py     per-build state shared by the hook files (reset at every build)
    memo.py      what is loaded once per process while data/ is unchanged
    session.py   what one `mkdocs` process keeps across builds: the command (--dirty refused),
                 compiled templates shared by every language and rebuild
    rendered.py  under `mkdocs serve` only: what an unchanged page rendered, reused
    restore.py   generated files' content, restored after mkdocs-static-i18n
    search.py    one search index per language
    csp.py       the Content-Security-Policy <meta>, after every other transform
    notfound.py  the site's one 404 page: the default language's, with a line in the others
    versions.py  released versions in the build: earlier releases, the banner, "changed since"
    release.py   `make release`: a release on the local gh-pages branch (a command, not a hook)
    diff.py      `make diff`: what the working tree does to the edition (a command)

The files listed under `hooks:` in mkdocs.yml (hooks/events.py, hooks/restore_generated.py,
hooks/search_split.py, hooks/csp.py) import these modules' events and are a few lines each.
"""
