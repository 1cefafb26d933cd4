"""What ``mlop run`` was asked to do: one :class:`RunOptions`, built once by the CLI.

Every setting comes from one table, :data:`mlop_cli.config.RUN_SETTINGS`, resolved the same
way by :func:`mlop_cli.config.resolve_settings`: flag > ``MLOP_*`` > config file > default.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mlop_cli.config import RUN_SETTINGS, resolve_settings

__all__ = ["RUN_SETTINGS", "RunOptions", "default_name", "resolve_settings"]


@dataclass
class RunOptions:
    """Everything ``mlop run`` was asked to do."""

    argv: list[str]
    store: Path
    name: str | None = None
    project: str | None = None
    tags: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    use_pty: bool | None = None
    quiet: bool = False
    patterns: list[re.Pattern[str]] = field(default_factory=list)
    builtin_patterns: bool = True
    max_metrics: int = 1000
    tensorboard: bool = True
    tb_dirs: list[Path] = field(default_factory=list)
    system: bool = True
    sample_interval: float = 1.0
    diagnosis: dict[str, float] = field(default_factory=dict)
    secret_words: list[str] = field(default_factory=list)
    cwd: Path = field(default_factory=Path.cwd)
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    sync_to: str | None = None  # PostgreSQL URL: sync in the background (mlop_cli.sync_background)
    stdin_fd: int = 0
    stdout_fd: int = 1
    stderr_fd: int = 2

    def tensorboard_roots(self) -> list[Path]:
        """The folders watched for TensorBoard event files: the working directory and ``--tb-dir``."""
        return list(dict.fromkeys([self.cwd, *[(self.cwd / d) for d in self.tb_dirs]]))


def default_name(argv: list[str], run_id: str) -> str:
    """``train-x7k2``: the program's name and the end of the run id, unique in practice."""
    from mlop_cli.context import _PYTHON

    program = Path(argv[0]).name
    if _PYTHON.match(program):
        for index, arg in enumerate(argv[1:], start=1):
            if arg == "-m" and index + 1 < len(argv):
                program = argv[index + 1].rsplit(".", 1)[-1]
                break
            if arg == "-c":
                break
            if not arg.startswith("-"):
                program = Path(arg).stem
                break
    base = re.sub(r"[^A-Za-z0-9_.-]+", "-", program).strip("-.")[:40] or "run"
    return f"{base}-{run_id[-4:]}"
