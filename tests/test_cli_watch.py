"""`mlop watch`: the pure rendering, and the live loop against a real run in progress."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import time
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console

from mlop_cli.store.queries import Store
from mlop_cli.views.watch import BLOCKS, console_lines, render_watch, sparkline
from tests.cli_stores import SlowRun, make_run
from tests.conftest import clean_env, mlop_argv


def _render(store: Path, run_id: str, now: float) -> str:
    buffer = StringIO()
    Console(file=buffer, width=100, no_color=True).print(render_watch(Store(store), run_id, now))
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0], BLOCKS),
        ([5.0, 5.0, 5.0], "▄▄▄"),
        ([1.0, float("nan"), 3.0, float("inf")], "▁ █ "),
        ([float("nan")], " "),
        ([], ""),
    ],
)
def test_sparkline(values: list[float], expected: str) -> None:
    assert sparkline(values) == expected


def test_sparkline_keeps_the_last_points() -> None:
    line = sparkline([float(v) for v in range(100)], width=40)
    assert len(line) == 40 and line[0] == BLOCKS[0] and line[-1] == BLOCKS[-1]


def test_console_lines_show_what_the_terminal_showed_and_nothing_raw() -> None:
    data = (
        b"\x1b]0;evil title\x07epoch 1\r\n"
        b"\x1b[32mgreen\x1b[0m ok\n"
        b"progress 10%\rprogress 50%\rprogress 100%\n"
        b"bell\x07 and \x1b[2Jclear\tend\n\n"
    )
    assert console_lines(data) == [
        "epoch 1",
        "green ok",
        "progress 100%",
        "bell\\x07 and clear end",
    ]
    assert console_lines(b"".join(b"line %d\n" % i for i in range(50)), count=3) == [
        "line 47",
        "line 48",
        "line 49",
    ]
    assert console_lines(b"\xff\xfe broken utf-8\n") == ["\ufffd\ufffd broken utf-8"]


def test_render_shows_metrics_with_sparklines_system_and_console(store: Path) -> None:
    loss = [1.0 / (step + 1) for step in range(60)]
    run = make_run(
        store,
        "dash",
        {
            "train/loss": loss,
            "sys/proc/cpu_percent": [50.0, 150.0],
            "sys/proc/rss_bytes": [1024.0**3],
            "sys/gpu0/util_percent": [97.0],
            "sys/gpu0/mem_used_bytes": [2 * 1024.0**3],
            "sys/gpu0/mem_total_bytes": [8 * 1024.0**3],
        },
        console=b"\x1b[31mstep=59 loss=0.0167\x1b[0m\n\x1b]0;title\x07",
    )
    text = _render(store, run.run_id, time.time())
    assert "\x1b" not in text
    assert run.run_id in text and "dash" in text and "finished" in text
    assert "elapsed 59.0s" in text  # an ended run: its duration, whatever the clock says
    loss_line = next(line for line in text.splitlines() if "train/loss" in line)
    assert "0.0166667" in loss_line and " 59 " in loss_line
    spark = "".join(ch for ch in loss_line if ch in BLOCKS)
    assert len(spark) == 40 and spark == sparkline(loss[-40:])
    assert "sys/proc" not in text  # system metrics live in their own panel
    assert "150%" in text and "1.0 GiB" in text
    gpu = next(line for line in text.splitlines() if "GPU0 memory" in line)
    assert "2.0 GiB / 8.0 GiB" in gpu and "97%" in text
    assert "step=59 loss=0.0167" in text and "title" not in text


def test_render_of_a_run_without_anything_yet(store: Path) -> None:
    run = make_run(store, "empty", {})
    text = _render(store, run.run_id, time.time())
    assert "no metrics yet" in text and "no system samples" in text and "no output yet" in text


def test_watch_follows_a_real_run_and_exits_when_it_ends(store: Path, tmp_path: Path) -> None:
    running = SlowRun(store, tmp_path / "work")
    try:
        opened = Store(store)
        started = opened.run(running.run_id).started_at
        live_text = _render(store, running.run_id, started + 125)
        assert "running" in live_text and "elapsed 2m05s" in live_text and "loss" in live_text

        # On a terminal: the dashboard redraws; SIGINT (what Ctrl-C sends) leaves it with exit 0,
        # the cursor shown again, and the run untouched.
        controller, terminal = pty.openpty()
        on_terminal = subprocess.Popen(
            mlop_argv("watch", running.run_id, "--store", str(store)),
            stdin=terminal,
            stdout=terminal,
            stderr=terminal,
            env=clean_env(),
        )
        os.close(terminal)
        shown = _read_until(controller, b"console", on_terminal)
        assert b"console" in shown and on_terminal.poll() is None, shown
        on_terminal.send_signal(signal.SIGINT)
        # Read while it exits: a terminal drops what nobody read once its last writer is gone.
        shown += _read_until(controller, b"\x1b[?25h", on_terminal)
        assert on_terminal.wait(120) == 0
        os.close(controller)
        assert b"\x1b[?25l" in shown and shown.rfind(b"\x1b[?25h") > shown.rfind(b"\x1b[?25l")
        assert Store(store).run(running.run_id).status == "running"

        # Into a pipe: nothing until the run ends, then one final render and exit 0.
        piped = subprocess.Popen(
            mlop_argv("watch", "last", "--store", str(store), "--interval", "0.2"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=clean_env(),
        )
        # A pause that makes the condition (not a timing assumption): a watch that ended before
        # the run did would be seen here; a slow machine only makes it likelier to pass.
        time.sleep(1.0)
        assert piped.poll() is None, piped.communicate()
    finally:
        assert running.stop() == 0
    out, err = piped.communicate(timeout=120)
    assert piped.returncode == 0, err
    assert b"\x1b[" not in out
    text = out.decode()
    assert "finished" in text and "exit 0" in text and "loss" in text and "done" in text


def _read_until(fd: int, marker: bytes, process: subprocess.Popen, timeout: float = 120) -> bytes:
    """Read a terminal until ``marker`` shows (or it closes, or ``timeout`` passes)."""
    data = b""
    deadline = time.monotonic() + timeout
    while marker not in data and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the other side closed
            break
        if not chunk:
            break
        data += chunk
    return data
