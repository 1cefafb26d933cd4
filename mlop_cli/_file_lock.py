"""An exclusive lock on a sidecar file, for work that several mlop processes must do once."""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def exclusive_lock(path: Path | str | None) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``<path>.lock`` for the block.

    Best effort: where no lock can be taken (no path, a read-only folder, a filesystem without
    ``flock``) the block runs unlocked, and callers must stay correct then (they re-check).
    """
    handle = None
    if path:
        try:
            handle = open(f"{path}.lock", "a")  # held for the block
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError:
            if handle is not None:
                handle.close()
            handle = None
    try:
        yield
    finally:
        if handle is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()
