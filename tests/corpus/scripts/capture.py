"""Capture a command's console output for the corpus, piped or under a pseudo-terminal.

Usage (from the repository root):
    python tests/corpus/scripts/capture.py pipe real_NAME -- python tests/corpus/scripts/X.py ARGS
    python tests/corpus/scripts/capture.py pty  real_NAME_pty -- python tests/corpus/scripts/X.py ARGS

Writes tests/corpus/console/real_NAME.txt with the raw bytes (pipe: stdout and stderr into one
file, like `cmd > out.txt 2>&1`; pty: everything the terminal received, 120 columns x 40 rows).
PYTHONUNBUFFERED is removed from the child's environment (a user's default).  The child is told
where to write its ground truth through MLOP_CORPUS_TRUTH / MLOP_CORPUS_MODE /
MLOP_CORPUS_COMMAND (read by _truth.py); it prints nothing about it.
"""

from __future__ import annotations

import fcntl
import os
import pty
import shlex
import struct
import subprocess
import sys
import termios
from pathlib import Path

# The corpus written and read: tests/corpus/console, or another set named by MLOP_CORPUS (as
# tests/console_score.py reads it): `MLOP_CORPUS=tests/corpus/holdout` for the holdout.
CONSOLE = Path(os.environ.get("MLOP_CORPUS") or Path(__file__).resolve().parents[1] / "console")


def child_env(mode: str, entry: str, argv: list[str]) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONUNBUFFERED", None)
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    if mode == "pty":
        env["TERM"] = "xterm-256color"
    env["MLOP_CORPUS_TRUTH"] = str(CONSOLE / f"{entry}.truth.json")
    env["MLOP_CORPUS_MODE"] = mode
    env["MLOP_CORPUS_COMMAND"] = shlex.join(argv)
    return env


def run_pipe(argv: list[str], env: dict[str, str], out: Path) -> int:
    with out.open("wb") as fh:
        return subprocess.run(argv, stdout=fh, stderr=subprocess.STDOUT, env=env).returncode


def run_pty(argv: list[str], env: dict[str, str], out: Path) -> int:
    pid, fd = pty.fork()
    if pid == 0:  # child: a real terminal 120x40 on stdin/stdout/stderr
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.execvpe(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    _, status = os.waitpid(pid, 0)
    out.write_bytes(b"".join(chunks))
    return os.waitstatus_to_exitcode(status)


def main() -> int:
    mode, entry, sep, *argv = sys.argv[1:]
    assert mode in ("pipe", "pty") and sep == "--" and argv, __doc__
    out = CONSOLE / f"{entry}.txt"
    env = child_env(mode, entry, argv)
    rc = (run_pipe if mode == "pipe" else run_pty)(argv, env, out)
    print(f"{out}: {out.stat().st_size} bytes, exit {rc}", file=sys.stderr)
    return rc


if __name__ == "__main__":
    sys.exit(main())
