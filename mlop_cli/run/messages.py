"""mlop's own lines on stderr during a run (never stdout: that is the command's)."""

from __future__ import annotations

import contextlib
import sys
import threading
from typing import TextIO


class Messages:
    """mlop's own lines on stderr (never stdout): info silenced by ``--quiet``, warnings once each."""

    def __init__(self, quiet: bool, stream: TextIO | None = None) -> None:
        self.quiet = quiet
        self.stream = stream if stream is not None else sys.stderr
        self._said: set[str] = set()
        self._lock = threading.Lock()

    def info(self, text: str) -> None:
        """An informational line (start, summary)."""
        if not self.quiet:
            self._write(f"mlop: {text}")

    def warning(self, text: str) -> None:
        """A warning, printed once per distinct text."""
        with self._lock:
            if text in self._said:
                return
            self._said.add(text)
        self._write(f"mlop: warning: {text}")

    def _write(self, line: str) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.stream.write(line + "\n")
            self.stream.flush()
