"""Faults of processes: mlop or the command killed, workers killed, output held open, signals.

Each case: the command behaves as without mlop, the store passes integrity_check, and the
data expected is there, counted exactly.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from tests.conftest import PYTHON, eventually, query, run_mlop
from tests.reliability.harness import (
    WatchedRun,
    assert_valid,
    metric_child,
    points_of,
    run_leaving_a_grandchild,
    status_json,
    wait_for_child_pid,
    wait_for_console,
)
from tests.test_run_terminal import Terminal


def _wait_gone(pid: int) -> bool:
    """Whether ``pid`` ends within a generous deadline."""

    def gone() -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False

    try:
        return eventually(gone, what=f"process {pid} ends")
    except AssertionError:
        return False


def test_kill_9_of_mlop_in_pipe_mode(store: Path) -> None:
    """The child sees EOF/EPIPE as from a closed pipe; what was stored before the kill is kept.

    (How much a kill can lose, about a second of output, is the writer's batching interval:
    timed in tests/benchmarks, not here.)"""
    run = WatchedRun(store, PYTHON, "-c", metric_child(100_000, rate=200))
    child = wait_for_child_pid(store)
    wait_for_console(store, 300)  # a stretch of output stored before the kill
    run.process.kill()
    out, _ = run.communicate()
    printed = out.count(b"\n")
    assert _wait_gone(child), "the child hung after mlop died"
    assert_valid(store)
    stored = points_of(store, "loss")
    assert 300 <= stored <= printed  # nothing stored is lost, nothing is invented
    assert status_json(store)[0]["status"] == "lost"


def test_kill_9_of_mlop_in_pty_mode_hangs_up_the_child(store: Path, tmp_path: Path) -> None:
    marker = tmp_path / "hup"
    child = (
        "import signal, sys, time\n"
        f"signal.signal(signal.SIGHUP, lambda *a: (open({str(marker)!r}, 'w').write('hup'), sys.exit(0)))\n"
        "i = 0\n"
        "while True:\n"
        "    print(f'step={i} loss={1/(i+1):.5f}', flush=True); i += 1; time.sleep(0.01)\n"
    )
    from tests.conftest import mlop_argv

    term = Terminal(mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", child))
    try:
        term.read_until(b"step=100 ")
        child_pid = wait_for_child_pid(store)
        term.process.kill()
        term.process.wait()
        assert _wait_gone(child_pid), "the child hung on a dead terminal"
        assert marker.read_text() == "hup"
    finally:
        term.close()
    assert_valid(store)
    assert status_json(store)[0]["status"] == "lost"


def test_kill_9_of_the_command(store: Path) -> None:
    run = WatchedRun(store, PYTHON, "-c", metric_child(100_000, rate=500))
    child = wait_for_child_pid(store)
    os.kill(child, signal.SIGKILL)
    out, err = run.communicate()
    assert run.process.returncode == 128 + 9
    assert_valid(store)
    assert points_of(store, "loss") == out.count(b"\n")
    assert query(store, "SELECT status, signal FROM runs")[0] == ("killed", 9)


def test_oom_kill_of_one_worker(store: Path) -> None:
    """A data-loader worker SIGKILLed (as the OOM killer does): the command decides what follows."""
    child = (
        "import multiprocessing as mp, os, signal, sys, time\n"
        "def work():\n"
        "    time.sleep(30)\n"
        "if __name__ == '__main__':\n"
        "    ctx = mp.get_context('fork')\n"
        "    workers = [ctx.Process(target=work) for _ in range(3)]\n"
        "    [w.start() for w in workers]\n"
        "    time.sleep(0.5)\n"
        "    os.kill(workers[1].pid, signal.SIGKILL)\n"
        "    workers[1].join()\n"
        "    print('worker exit', workers[1].exitcode, flush=True)\n"
        "    for i in range(50): print(f'step={i} loss={i}', flush=True)\n"
        "    [w.terminate() for w in workers]\n"
        "    sys.exit(3)\n"
    )
    result = run_mlop("run", "-q", "--", PYTHON, "-c", child, store=store)
    assert result.returncode == 3
    assert result.stdout.startswith(b"worker exit -9\n")
    assert points_of(store, "loss") == 50
    assert_valid(store)


def test_grandchild_keeping_output_open(store: Path, tmp_path: Path) -> None:
    """mlop ends with the command, not with a grandchild that holds its output open."""
    result = run_leaving_a_grandchild(
        store, tmp_path, "for i in range(10): print(f'step={i} loss={i}')\n"
    )
    assert result.returncode == 0
    assert points_of(store, "loss") == 10
    kinds = {row[0] for row in query(store, "SELECT kind FROM events")}
    assert kinds & {"output.open", "leftovers"}, kinds
    assert_valid(store)


@pytest.mark.slow
def test_sigterm_while_the_child_ignores_it_for_20_s(store: Path, tmp_path: Path) -> None:
    """Slurm's KillWait: SIGTERM, the child keeps training for 20 s, then exits 0."""
    ready = tmp_path / "ready"
    child = (
        "import signal, time\n"
        "signal.signal(signal.SIGTERM, lambda *a: print('got SIGTERM', flush=True))\n"
        f"open({str(ready)!r}, 'w').close()\n"
        "start = time.monotonic(); i = 0\n"
        "while time.monotonic() - start < 21:\n"
        "    print(f'step={i} loss={1/(i+1):.5f}', flush=True); i += 1; time.sleep(0.05)\n"
    )
    run = WatchedRun(store, PYTHON, "-c", child)
    eventually(ready.exists, what="the child's SIGTERM handler in place")
    run.process.send_signal(signal.SIGTERM)
    out, _ = run.communicate(timeout=300)
    assert run.process.returncode == 0
    assert out.count(b"got SIGTERM") == 1
    steps = out.count(b"step=")
    assert points_of(store, "loss") == steps
    assert query(store, "SELECT status, exit_code FROM runs")[0] == ("finished", 0)
    assert_valid(store)


def test_repeated_sigint(store: Path) -> None:
    child = (
        "import signal, time\n"
        "hits = []\n"
        "signal.signal(signal.SIGINT, lambda *a: hits.append(1))\n"
        "print('ready', flush=True)\n"
        # Say each SIGINT as it comes, so the test sends the next only once this one is in
        # (two pending signals would merge into one in the kernel, mlop or not).
        "deadline, told = time.time() + 300, 0\n"
        "while told < 3 and time.time() < deadline:\n"
        "    if len(hits) > told:\n"
        "        told = len(hits); print('hit', told, flush=True)\n"
        "    time.sleep(0.02)\n"
        "time.sleep(1.0)\n"  # room for a duplicate: late, it only hides a fault, never fakes one
        "print('SIGINTS', len(hits), flush=True)\n"
    )
    run = WatchedRun(store, PYTHON, "-c", child)
    assert run.process.stdout.readline() == b"ready\n"
    for number in range(1, 4):
        run.process.send_signal(signal.SIGINT)
        assert run.process.stdout.readline() == f"hit {number}\n".encode()
    out, err = run.communicate()
    assert run.process.returncode == 0, err
    assert out == b"SIGINTS 3\n"
    assert_valid(store)
