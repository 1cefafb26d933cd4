"""Exceptions and exit codes, in one place (httpie's habit).

Every error a user can cause derives from :class:`MlopError`; the CLI turns it into one line on
stderr and its ``exit_code``. Messages say what to do next.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes of mlop's own commands (``mlop run`` passes the child's code through)."""

    OK = 0
    ERROR = 1  # a check failed, or an unexpected error
    USAGE = 2  # bad input: unknown run, bad pattern, malformed expression
    NOT_EXECUTABLE = 126
    NOT_FOUND = 127
    SIGNAL_BASE = 128
    INTERRUPTED = 130


class MlopError(Exception):
    """Base of every error mlop reports to the user as one line."""

    exit_code: int = ExitCode.USAGE


class UsageError(MlopError):
    """Bad command-line input."""


class RunNotFoundError(MlopError):
    """No run matches the given id, prefix or name."""


class AmbiguousRunError(MlopError):
    """More than one run matches the given prefix or name."""


class StoreError(MlopError):
    """The store cannot be opened or read."""

    exit_code = ExitCode.ERROR


class ConfigError(MlopError):
    """The configuration file is unreadable or holds an unknown or malformed key."""


class CommandNotFoundError(MlopError):
    """The command to run does not exist."""

    exit_code = ExitCode.NOT_FOUND


class CommandNotExecutableError(MlopError):
    """The command to run exists but cannot be executed."""

    exit_code = ExitCode.NOT_EXECUTABLE
