"""Where Chromium is and how it is launched; skip (locally) or fail (in CI) without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Debian's Chromium (CI installs it with apt-get in .ci/run); Playwright's own browser
# download is not used. CHROMIUM=/path/to/chromium points the tests at another build.
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]


def require_chromium() -> None:
    """Call at module level: skip the module when Chromium or Playwright is missing, unless
    the CI variable is set, where a missing browser must fail the run, not pass it silently."""
    problem = None
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        problem = f"no Chromium at {CHROMIUM} (install Debian's chromium, or set CHROMIUM)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError as err:
            problem = f"Playwright for Python is not installed ({err}); run `make install`"
    if problem is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {problem}", pytrace=False)
    pytest.skip(f"browser tests skipped: {problem}", allow_module_level=True)
