"""Capture a command's console output for a corpus entry, piped or under a pseudo-terminal.

    python tests/corpus/scripts/capture_torch.py pipe OUT.txt -- python script.py ...
    python tests/corpus/scripts/capture_torch.py pty  OUT.txt -- python script.py ...

pipe: stdout and stderr into one file, as `cmd > OUT.txt 2>&1` would.
pty:  the command runs under a fresh pseudo-terminal of 120 columns x 40 rows (TERM=xterm-256color);
      the file holds every byte the terminal received, nothing translated.
In both modes PYTHONUNBUFFERED is removed from the environment (a user's default), and the
Hugging Face offline switches are set so no library can reach for the network.
"""

from __future__ import annotations

import errno
import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios

OFFLINE = {
    "HF_HUB_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "DO_NOT_TRACK": "1",
    "WANDB_MODE": "disabled",
}


def child_env(pty_mode: bool) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONUNBUFFERED", None)
    env.update(OFFLINE)
    if pty_mode:
        env["TERM"] = "xterm-256color"
        env["COLUMNS"] = "120"
        env["LINES"] = "40"
    else:
        env.pop("COLUMNS", None)
        env.pop("LINES", None)
    return env


def run_pipe(out: str, cmd: list[str]) -> int:
    with open(out, "wb") as f:
        return subprocess.call(
            cmd, stdout=f, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=child_env(False)
        )


def run_pty(out: str, cmd: list[str]) -> int:
    env = child_env(True)
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.execvpe(cmd[0], cmd, env)
    chunks: list[bytes] = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError as e:  # EIO: the child side closed
            if e.errno == errno.EIO:
                break
            raise
        if not data:
            break
        chunks.append(data)
    _, status = os.waitpid(pid, 0)
    with open(out, "wb") as f:
        f.write(b"".join(chunks))
    return os.waitstatus_to_exitcode(status)


def main() -> int:
    mode, out, sep, *cmd = sys.argv[1:]
    assert sep == "--" and mode in ("pipe", "pty") and cmd, __doc__
    rc = run_pipe(out, cmd) if mode == "pipe" else run_pty(out, cmd)
    print(f"{mode}: rc={rc}, {os.path.getsize(out)} bytes -> {out}", file=sys.stderr)
    return rc


if __name__ == "__main__":
    sys.exit(main())
