"""Entry point for ``mlop`` and ``python -m mlop_cli``."""

from __future__ import annotations

import atexit
import os
import sys
import threading


def main() -> None:
    """Run the command-line interface."""
    if sys.argv[1:2] == ["run"]:
        # From the first instant no signal can end `mlop run` or be lost: one that comes while
        # mlop starts waits for the command and is passed on to it (supervise/signals.py).
        from mlop_cli.supervise.signals import block_all

        block_all()
    _open_closed_standard_streams()
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
            except (OSError, ValueError, AttributeError):
                pass
        os._exit(code)
    sys.exit(code)


def _open_closed_standard_streams() -> None:
    """A closed stdin, stdout or stderr (`mlop run ... >&-`) becomes /dev/null, first thing.

    Otherwise the next file mlop opens takes that number: the store would be fd 1, and the
    command's output would be written into it. The command still runs and is recorded; what it
    prints goes nowhere, as it would have.
    """
    for fd, name, mode in ((0, "stdin", "r"), (1, "stdout", "w"), (2, "stderr", "w")):
        try:
            os.fstat(fd)
            continue
        except OSError:
            pass
        null = os.open(os.devnull, os.O_RDWR)
        if null != fd:  # a lower one was closed too and took it; the loop reaches it in turn
            os.dup2(null, fd)
            os.close(null)
        if getattr(sys, name) is None:
            setattr(sys, name, open(fd, mode, closefd=False))  # lives as long as we do


def _may_exit_at_once() -> bool:
    """True when nothing but the main thread and daemon threads is left (as at a normal exit)."""
    return all(
        thread is threading.main_thread() or thread.daemon for thread in threading.enumerate()
    )


if __name__ == "__main__":
    main()
