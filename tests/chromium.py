"""Headless Chromium for the report's tests and benchmark, driven by Playwright.

Debian's ``chromium`` (or ``$MLOP_CHROMIUM``) is launched through Playwright's
``executable_path``, so no browser is downloaded. Tests skip, saying why, only when no Chromium
is installed; where CI installed one (``MLOP_REQUIRE_CHROMIUM=1``, set by ``.ci/run``), a missing
browser fails the test instead of skipping it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# What works as root in a container: no sandbox, no GPU, nothing reaching the network.
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)
MISSING = (
    "no Chromium to open the report in: install Debian's chromium (apt-get install chromium) "
    "or set MLOP_CHROMIUM to a Chromium or Chrome executable"
)


def find_chromium() -> str | None:
    """Path of a Chromium-like browser, from ``$MLOP_CHROMIUM`` or the PATH, or None."""
    explicit = os.environ.get("MLOP_CHROMIUM")
    if explicit:
        return explicit if Path(explicit).exists() else None
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def require_chromium() -> str:
    """The browser's path; skips the test when there is none, or fails it where CI said one
    is installed (``MLOP_REQUIRE_CHROMIUM=1``), so a broken install cannot pass as skips."""
    found = find_chromium()
    if found is None:
        if os.environ.get("MLOP_REQUIRE_CHROMIUM") == "1":
            pytest.fail(f"MLOP_REQUIRE_CHROMIUM=1 but {MISSING}")
        pytest.skip(MISSING)
    return found


@dataclass
class PageLog:
    """What a page did that a test asserts never happens: errors, exceptions, dialogs."""

    console_errors: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def clean(self) -> bool:
        return not (self.console_errors or self.exceptions or self.dialogs)


def watch(page: Any) -> PageLog:
    """Record the page's console errors, uncaught exceptions and dialogs (dismissed)."""
    log = PageLog()
    page.on(
        "console", lambda message: log.console_errors.append(message.text)
        if message.type == "error" else None
    )  # fmt: skip
    page.on("pageerror", lambda error: log.exceptions.append(str(error)))

    def on_dialog(dialog: Any) -> None:
        log.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return log


@contextmanager
def launched(executable: str) -> Iterator[Any]:
    """A Playwright ``Browser`` on ``executable``, closed (with Playwright) on exit."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=list(CHROMIUM_ARGS), headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


def file_url(path: Path, fragment: str = "") -> str:
    """The ``file://`` URL of ``path``, with ``#fragment`` when given."""
    url = path.resolve().as_uri()
    return f"{url}#{fragment}" if fragment else url
