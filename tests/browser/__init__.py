"""Browser tests (Playwright + Debian's Chromium). A package, so that its conftest and modules
get names of their own (browser.conftest) instead of clashing with tests/conftest.py."""
