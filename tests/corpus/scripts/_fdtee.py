"""Copies of what a library prints, passed through unchanged, for libraries that keep no record
of what they print: the script reads the copy afterwards, so the printed text (at its printed
precision) is the record. `FdTee`: every byte written to a file descriptor (C/C++ printing
too); `Tee`: what Python code writes to sys.stdout.
"""

from __future__ import annotations

import io
import os
import sys
import threading


class Tee(io.TextIOBase):
    """sys.stdout that also keeps what is written (`"".join(tee.buf)`)."""

    def __init__(self, under):
        self.under, self.buf = under, []

    def write(self, s):
        self.buf.append(s)
        return self.under.write(s)

    def flush(self):
        self.under.flush()


def teed(fn) -> list[str]:
    """Run ``fn`` with sys.stdout copied (a `Tee`); the lines it printed."""
    tee = Tee(sys.stdout)
    sys.stdout = tee
    try:
        fn()
    finally:
        sys.stdout = tee.under
    return "".join(tee.buf).splitlines()


class FdTee:
    def __init__(self, fd: int = 2) -> None:
        (sys.stdout if fd == 1 else sys.stderr).flush()
        self.fd = fd
        self.buf = bytearray()
        self.saved = os.dup(fd)
        r, w = os.pipe()
        os.dup2(w, fd)
        os.close(w)
        self.r = r
        self.thread = threading.Thread(target=self._pump, daemon=True)
        self.thread.start()

    def _pump(self) -> None:
        while True:
            data = os.read(self.r, 65536)
            if not data:
                break
            self.buf += data
            os.write(self.saved, data)

    def close(self) -> str:
        (sys.stdout if self.fd == 1 else sys.stderr).flush()
        os.dup2(self.saved, self.fd)  # the pipe's last writer closes: the pump reads EOF
        self.thread.join()
        os.close(self.r)
        os.close(self.saved)
        return self.buf.decode("utf-8", "replace")
