"""How soon output gets through `mlop run`: to stdout, to the store, and mlop's own exit.

    python tests/benchmarks/bench_latency.py [--lines 400000] [--repeat 5]

1. Relay: a command printing 100 lines a second into pipes; each line's delay from its write to
   the reader of mlop's stdout, against the same command piped through `cat` (the reference,
   in the same run). Targets: median within moments (0.1 s), none over 0.5 s.
2. Store: how long a printed line takes to be in the store (target: about a second), sampled
   while the same command runs.
3. Exit: the command prints ``--lines`` lines flat out and exits; the time from its last write
   to mlop's exit (target: about 2 s, whatever the backlog), against mlop's fixed cost
   (`mlop run -- true`) in the same run.

These were wall-clock asserts in tests/test_run_pipes.py and
tests/reliability/test_process_faults.py; they are measured here so that the suite passes on a
busy machine.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import sys, time
w = sys.stdout.write
for i in range(int(sys.argv[1])):
    w(f"step={i} loss={1 / (i + 1):.6f} acc=0.5 lr=0.001\\n")
sys.stdout.flush()
open(sys.argv[2], "w").write(repr(time.time()))
"""


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONUNBUFFERED", None)  # users' machines do not set it
    return env


def exit_lag(folder: Path, lines: int) -> float:
    store, stamp = folder / "mlop.db", folder / "ended"
    command = [sys.executable, "-m", "mlop_cli", "run", "-q", "--no-system", "--store", str(store)]
    command += ["--", sys.executable, "-c", CHILD, str(lines), str(stamp)]
    subprocess.run(command, stdout=subprocess.DEVNULL, env=_environment(), check=True)
    ended = time.time()
    return ended - float(stamp.read_text())


def fixed_cost(folder: Path) -> float:
    command = [sys.executable, "-m", "mlop_cli", "run", "-q", "--no-system"]
    command += ["--store", str(folder / "true.db"), "--", "true"]
    started = time.monotonic()
    subprocess.run(command, stdout=subprocess.DEVNULL, env=_environment(), check=True)
    return time.monotonic() - started


STEADY = """
import time
for i in range(400):
    print(f"step={i} t={time.time():.6f}", flush=True)
    time.sleep(0.01)
"""


def relay_latencies(command: list[str]) -> list[float]:
    """Each line's delay from the child's write to this reader, sorted."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, env=_environment())
    assert process.stdout is not None
    latencies = []
    for line in process.stdout:
        arrived = time.time()
        latencies.append(arrived - float(line.split()[1].split(b"=")[1]))
    process.wait()
    return sorted(latencies)


def store_delays(folder: Path) -> list[float]:
    """Seconds between a line's write and its being in the store, sampled every 0.1 s."""
    store = folder / "mlop.db"
    command = [sys.executable, "-m", "mlop_cli", "run", "-q", "--no-system", "--store", str(store)]
    process = subprocess.Popen(
        [*command, "--", sys.executable, "-c", STEADY], stdout=subprocess.PIPE, env=_environment()
    )
    assert process.stdout is not None
    written: dict[bytes, float] = {}
    delays = []
    seen = 0
    for line in process.stdout:
        step, stamp = line.split()
        written[step] = float(stamp.split(b"=")[1])
        if len(written) % 10 or not store.exists():
            continue
        try:
            conn = sqlite3.connect(store)
            data = b"".join(row[0] for row in conn.execute("SELECT data FROM logs"))
            conn.close()
        except sqlite3.OperationalError:
            continue
        stored = data.count(b"\n")
        if stored > seen:  # the newest stored line: its age now is an upper bound of its delay
            seen = stored
            delays.append(time.time() - written[data.splitlines()[-1].split()[0]])
    process.wait()
    return sorted(delays)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=400_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        mlop = [sys.executable, "-m", "mlop_cli", "run", "-q", "--no-system"]
        mlop += ["--store", str(Path(folder) / "relay.db"), "--", sys.executable, "-c", STEADY]
        plain = ["sh", "-c", f'{sys.executable} -c "$0" | cat', STEADY]
        ours, reference = relay_latencies(mlop), relay_latencies(plain)
        delays = store_delays(Path(folder))
    for name, values in (("mlop run", ours), ("| cat (reference)", reference)):
        print(
            f"relay, {name}: median {statistics.median(values) * 1000:.1f} ms, "
            f"max {values[-1] * 1000:.1f} ms (targets: 100 ms, 500 ms)"
        )
    print(
        f"relay median ratio: {statistics.median(ours) / statistics.median(reference):.1f}x | cat"
    )
    if delays:
        print(
            f"store: a line is stored {statistics.median(delays):.2f} s after its write "
            f"(median), {delays[-1]:.2f} s at most (target: about a second)"
        )
    lags, costs = [], []
    for index in range(args.repeat):
        with tempfile.TemporaryDirectory() as lag_dir, tempfile.TemporaryDirectory() as cost_dir:
            lags.append(exit_lag(Path(lag_dir), args.lines))
            costs.append(fixed_cost(Path(cost_dir)))
        print(f"run {index + 1}: exit lag {lags[-1]:.2f} s, `mlop run -- true` {costs[-1]:.2f} s")
    lag, cost = statistics.median(lags), statistics.median(costs)
    print(
        f"median exit lag after {args.lines:,} lines: {lag:.2f} s (target about 2 s); "
        f"{lag / cost:.1f}x the fixed cost of `mlop run -- true` ({cost:.2f} s)"
    )


if __name__ == "__main__":
    main()
