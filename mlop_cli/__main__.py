"""Entry point for ``mlop`` and ``python -m mlop_cli``."""

from __future__ import annotations

import atexit
import os
import sys
import threading


def main() -> None:
    """Run the command-line interface."""
    # Imported here so that `python -m mlop_cli` pays only for what the command needs.
    from mlop_cli.cli import run_app

    code = run_app()
    if _may_exit_at_once():
        # The interpreter's own teardown (freeing typer's, pydantic's and rich's modules) takes
        # 60-90 ms: more than the rest of a short `mlop run`'s closing. Exit handlers still run
        # and the streams are flushed; only the freeing of memory the kernel reclaims is skipped.
        atexit._run_exitfuncs()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)
    sys.exit(code)


def _may_exit_at_once() -> bool:
    """True when nothing but the main thread and daemon threads is left (as at a normal exit)."""
    return all(
        thread is threading.main_thread() or thread.daemon for thread in threading.enumerate()
    )


if __name__ == "__main__":
    main()
