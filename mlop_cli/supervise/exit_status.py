"""Decode a wait status into what the user sees (supervisor's ``decode_wait_status``)."""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass

from mlop_cli.errors import ExitCode


@dataclass(frozen=True, slots=True)
class ExitStatus:
    """How a process ended: ``code`` is what a shell reports (128+N after signal N)."""

    code: int
    signal: int | None
    message: str

    @property
    def status(self) -> str:
        """The run status this outcome gives: finished, failed or killed."""
        if self.signal is not None:
            return "killed"
        return "finished" if self.code == 0 else "failed"


def decode_wait_status(wait_status: int) -> ExitStatus:
    """Turn a raw ``waitpid`` status into an :class:`ExitStatus`."""
    if os.WIFSIGNALED(wait_status):
        number = os.WTERMSIG(wait_status)
        return ExitStatus(ExitCode.SIGNAL_BASE + number, number, f"killed by {signal_name(number)}")
    code = os.WEXITSTATUS(wait_status) if os.WIFEXITED(wait_status) else 1
    return ExitStatus(code, None, f"exit code {code}")


def signal_name(number: int) -> str:
    """``SIGTERM`` for 15, ``signal 99`` for a number without a name."""
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"
