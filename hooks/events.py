"""The edition's MkDocs events (mkdocs.yml `hooks:`): thin; the work is done by the package
hooks/edition/, whose folders are its layers (start reading at hooks/edition/__init__.py)."""

from edition.build.events import (  # noqa: F401 (MkDocs finds the events by name here)
    on_config,
    on_env,
    on_files,
    on_page_content,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_serve,
    on_startup,
)
from edition.build.notfound import (  # noqa: F401 (the site's one 404 page)
    on_post_template,
    on_template_context,
)
