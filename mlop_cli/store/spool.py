"""The console that the store could not take in time, kept on disk beside it, in order.

The stored console is the source of truth: what the command printed must reach the store even
when the store is slower than the command (a flood of output, a slow or locked disk) and even
when mlop must exit before the store has taken it all (within ~2 s of the command). So the
writer never drops console bytes while the disk takes sequential writes: past its memory bound
it appends them to a spool file here, then moves them into the store in order as it catches up;
at the end, what is left is *handed over*: a small manifest names the spool, where to resume and
the ``logs`` seq the next row takes, and a later process (the console indexer mlop leaves
behind, or any later mlop command) moves it into the store. Row seqs are fixed by the manifest,
so applying a handover twice (after a crash) writes the same rows again, never duplicates.

Files live in ``<store>.runs/`` (created only when needed): ``RUN.spool`` (records of
``<time f64, stream u32, length u32>`` then the bytes), ``RUN.handover.json``.
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

_HEADER = struct.Struct("<dII")


def run_files(store: Path) -> Path:
    """The folder of a store's per-run side files (spools, handovers, index locks)."""
    return Path(f"{store}.runs")


class LogSpool:
    """An append-only file of console chunks, read back in order from a moving offset.

    Args:
        path: The spool file (created on the first append).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: BinaryIO | None = (
            None  # opened on the first append; read and appended through one handle
        )
        self.offset = 0  # the first byte not yet moved into the store
        self.size = 0
        self._chunks = 0  # chunks in the file from the offset on (each has a header)
        # One thread may append while another reads (the writer's overflow: the output relay
        # appends, the writer thread moves it into the store).
        self._lock = threading.Lock()

    @property
    def pending(self) -> int:
        """Bytes in the spool not yet moved into the store."""
        return self.size - self.offset

    @property
    def pending_console(self) -> int:
        """Console bytes in the spool not yet moved into the store (headers left out)."""
        return self.pending - _HEADER.size * self._chunks

    def append(self, when: float, stream: int, data: bytes | bytearray) -> None:
        """Add one chunk at the end. Raises OSError (disk full, unwritable folder)."""
        with self._lock:
            handle = self._open()
            handle.seek(self.size)
            handle.write(_HEADER.pack(when, stream, len(data)))
            handle.write(data)
            self.size += _HEADER.size + len(data)
            self._chunks += 1

    def read(self, max_bytes: int) -> tuple[list[list[Any]], int]:
        """Chunks from the offset, about ``max_bytes`` of them (at least one).

        Returns:
            ``([time, stream, bytearray], ...)`` and the offset just after them; call
            :meth:`consumed` with it once they are stored.
        """
        with self._lock:
            handle = self._open()
            handle.flush()
            position = self.offset
            out: list[list[Any]] = []
            total = 0
            handle.seek(position)
            while position < self.size and (not out or total < max_bytes):
                header = handle.read(_HEADER.size)
                if len(header) < _HEADER.size:
                    break
                when, stream, length = _HEADER.unpack(header)
                data = handle.read(length)
                if len(data) < length:
                    break
                out.append([when, stream, bytearray(data)])
                position += _HEADER.size + length
                total += length
            return out, position

    def consumed(self, position: int, chunks: int) -> None:
        """Everything before ``position`` (``chunks`` chunks, as :meth:`read` gave them) is in
        the store; an emptied spool starts over."""
        with self._lock:
            self._chunks -= chunks
            self.offset = position
            if self.offset >= self.size and self._file is not None:
                self._file.seek(0)
                self._file.truncate()
                self.offset = self.size = self._chunks = 0

    def hand_over(self, next_seq: int, then: LogSpool | None = None) -> Path:
        """Write the manifest a later process applies (see :func:`read_handover`); ``then``
        is a spool whose chunks follow this one's (the writer's overflow)."""
        chain = [self] + ([then] if then is not None and then.pending > 0 else [])
        parts = []
        for spool in chain:
            with spool._lock:
                if spool._file is not None:
                    spool._file.flush()
                    os.fsync(spool._file.fileno())
                parts.append({"spool": spool.path.name, "offset": spool.offset})
        # RUN.handover.json, whichever of the run's spools comes first.
        manifest = self.path.parent / f"{self.path.name.split('.', 1)[0]}.handover.json"
        temporary = manifest.with_suffix(".tmp")
        info = {**parts[0], "next_seq": next_seq, "then": parts[1:]}
        temporary.write_text(json.dumps(info))
        os.replace(temporary, manifest)
        return manifest

    def close(self, remove: bool = False) -> None:
        """Close the file; ``remove`` deletes it (nothing left to hand over)."""
        with self._lock:
            if self._file is not None:
                with contextlib.suppress(OSError):
                    self._file.close()
                self._file = None
        if remove:
            with contextlib.suppress(OSError):
                self.path.unlink()

    def _open(self) -> BinaryIO:
        if self._file is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = open(self.path, "a+b")  # lives as long as the spool
        return self._file


def handover_of(store: Path, run_id: str) -> Path | None:
    """The manifest of a run's handed-over console, if one is waiting."""
    manifest = run_files(store) / f"{run_id}.handover.json"
    return manifest if manifest.exists() else None


def read_handover(
    manifest: Path, max_bytes: int = 16 << 20
) -> Iterator[list[tuple[int, float, int, bytes]]]:
    """Yield ``(seq, time, stream, data)`` batches (lists) of a handed-over console, in order."""
    info = json.loads(manifest.read_text())
    seq = int(info["next_seq"])
    for part in [info, *info.get("then", [])]:
        spool = LogSpool(manifest.parent / part["spool"])
        if not spool.path.exists():
            continue
        spool.size = spool.path.stat().st_size
        spool.offset = int(part["offset"])
        try:
            while spool.pending > 0:
                chunks, position = spool.read(max_bytes)
                if not chunks:
                    break
                batch: list[tuple[int, float, int, bytes]] = []
                for when, stream, data in chunks:
                    batch.append((seq, when, stream, bytes(data)))
                    seq += 1
                spool.offset = position
                yield batch
        finally:
            spool.close()


def finish_handover(manifest: Path) -> None:
    """The handed-over console is in the store: remove the manifest and its spool."""
    with contextlib.suppress(OSError, ValueError):
        info = json.loads(manifest.read_text())
        for part in [info, *info.get("then", [])]:
            with contextlib.suppress(OSError):
                (manifest.parent / part["spool"]).unlink()
    with contextlib.suppress(OSError):
        manifest.unlink()
