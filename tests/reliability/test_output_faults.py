"""Where the bytes go, and odd things named like inputs: a write that fails for a while, a store
that is a device, a FIFO named like an event file, an event record claiming 2**63 bytes."""

from __future__ import annotations

import os
import resource
import sqlite3
import struct
import subprocess
import time
from pathlib import Path

from mlop_cli.sources.tb_events import EventFileReader, masked_crc32c
from tests.conftest import PYTHON, clean_env, mlop_argv, query, run_mlop
from tests.tb_writers import points_of, simple_scalar_events, write_events

LIMIT = 4 << 20  # a file-size limit (ulimit -f) for mlop; its store stays far below it


def _file_size_limit() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (LIMIT, LIMIT))


def test_a_write_error_on_the_output_stops_nothing_for_good(store: Path, tmp_path: Path) -> None:
    """stdout is a file at the size limit (EFBIG), then the file is emptied: passthrough stopped
    for good, without a word. Now it is said once, and the output goes on when it can."""
    output = tmp_path / "out.log"
    output.write_bytes(b"x" * LIMIT)  # full: the next write fails with EFBIG
    go_on = tmp_path / "go-on"
    child = (
        "import os, time\n"
        "print('one', flush=True)\n"
        "deadline = time.monotonic() + 60\n"
        f"while not os.path.exists({str(go_on)!r}) and time.monotonic() < deadline:\n"
        "    time.sleep(0.02)\n"
        "print('two', flush=True)\n"
    )
    with open(output, "ab") as stdout:
        process = subprocess.Popen(
            mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", child),
            stdout=stdout,
            stderr=subprocess.PIPE,
            env=clean_env(),
            preexec_fn=_file_size_limit,
        )
    deadline = time.monotonic() + 60
    stored = b""
    while b"one" not in stored and time.monotonic() < deadline:  # mlop has tried to write it
        time.sleep(0.05)
        try:
            if store.exists():
                stored = b"".join(row[0] for row in query(store, "SELECT data FROM logs"))
        except sqlite3.OperationalError:
            pass
    os.truncate(output, 0)  # room again: the disk was cleaned up
    go_on.write_text("")
    _, err = process.communicate(timeout=60)
    assert process.returncode == 0
    assert output.read_bytes() == b"two\n"  # `one` met the full file; `two` went through
    warnings = [line for line in err.decode().splitlines() if "output to stdout failed" in line]
    assert len(warnings) == 1, err
    stored = b"".join(row[0] for row in query(store, "SELECT data FROM logs ORDER BY seq"))
    assert stored == b"one\ntwo\n"


def test_store_dev_null_leaves_nothing_in_dev(tmp_path: Path) -> None:
    """`--store /dev/null` wrote /dev/null-journal and /dev/null.lock. A store that is a device
    or a FIFO: the command runs unrecorded, with one warning, and nothing is written beside it."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for target in (Path(os.devnull), fifo):
        before = sorted(os.listdir(target.parent))
        result = subprocess.run(
            mlop_argv("run", "-q", "--store", str(target), "--", PYTHON, "-c",
                      "import sys; print('hi'); sys.exit(5)"),
            capture_output=True,
            env=clean_env(),
            timeout=60,
        )  # fmt: skip
        assert result.returncode == 5 and result.stdout == b"hi\n"
        assert result.stderr.decode().count("warning") == 1, result.stderr
        assert sorted(os.listdir(target.parent)) == before


def test_a_fifo_named_like_an_event_file_is_not_opened(store: Path, tmp_path: Path) -> None:
    """A FIFO named `events.out.tfevents.*`: the TensorBoard watcher opened it and blocked (no
    writer ever comes), then held the exit ~1.5 s and said its source did not stop in time."""
    work = tmp_path / "work"
    work.mkdir()
    child = (
        "import os\n"
        "os.mkfifo('events.out.tfevents.1700000000.host.1.0')\n"
        "print('step=1 loss=0.5', flush=True)\n"
    )
    result = run_mlop("run", "-q", "--", PYTHON, "-c", child, store=store, cwd=work)
    assert result.returncode == 0 and result.stdout == b"step=1 loss=0.5\n"
    messages = [row[0] for row in query(store, "SELECT message FROM events")]
    assert not [m for m in messages if "tensorboard" in m and "in time" in m], messages


def test_an_event_record_claiming_2_63_bytes_does_not_stop_the_file(tmp_path: Path) -> None:
    """A record whose length field says 2**63 (with a valid checksum of that length): the reader
    waited for bytes that never come, and read nothing after it. It is corruption: skipped."""
    first = write_events(tmp_path / "a", simple_scalar_events("loss", [1.0, 2.0]))
    second = write_events(tmp_path / "b", simple_scalar_events("loss", [3.0, 4.0, 5.0]))
    header = struct.pack("<Q", 1 << 63)
    bogus = header + struct.pack("<I", masked_crc32c(header)) + b"\0" * 16
    path = tmp_path / "events.out.tfevents.1.host"
    path.write_bytes(first.read_bytes() + bogus + second.read_bytes())
    reader = EventFileReader(path)
    records = reader.read_new(final=True)
    values = list(points_of(records)["loss"].values)
    assert values == [1.0, 2.0, 3.0, 4.0, 5.0]
    assert reader.corrupt_regions == 1
