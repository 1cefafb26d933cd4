"""Passthrough overhead of `mlop run`, against `tee` (pipes) and `script` (pty), in one run.

    python tests/benchmarks/bench_passthrough.py [--lines 1000000] [--repeat 3]

Prints wall time of each and the ratios; then mlop's own CPU for a child printing 100 lines a
second, as a share of the child's CPU. The child flushes every line, and PYTHONUNBUFFERED is
removed from its environment (users' machines do not set it).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = """
import sys
n = int(sys.argv[1])
write, flush = sys.stdout.write, sys.stdout.flush
for i in range(n):
    write(f"line {i} of the benchmark\\n")
    flush()
"""

SLOW_CHILD = """
import sys, time
start = time.monotonic()
for i in range(int(sys.argv[1])):
    print(f"step={i} loss={1 / (i + 1):.5f} lr=0.001", flush=True)
    next_tick = start + (i + 1) / 100
    time.sleep(max(0.0, next_tick - time.monotonic()))
"""


def env() -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return clean


def timed(command: list[str] | str, shell: bool = False) -> tuple[float, float]:
    """Wall seconds and CPU seconds of children (user+sys) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, shell=shell, check=True, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--slow-seconds", type=int, default=20)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="mlop-bench-"))
    child = work / "child.py"
    child.write_text(CHILD)
    slow = work / "slow.py"
    slow.write_text(SLOW_CHILD)
    py = sys.executable
    mlop = [py, "-m", "mlop_cli", "run", "-q", "--no-system", "--no-tensorboard"]
    n = str(args.lines)
    cases = {
        "child alone": lambda i: timed([py, str(child), n]),
        "child | tee": lambda i: timed(f"{py} {child} {n} | tee {work}/tee.out > /dev/null", shell=True),
        "mlop run (pipes)": lambda i: timed([*mlop, "--no-pty", "--store", str(work / f"p{i}.db"), "--", py, str(child), n]),
        "script -qc (pty)": lambda i: timed(["script", "-qfec", f"{py} {child} {n}", "/dev/null"]),
        "mlop run (pty)": lambda i: timed([*mlop, "--pty", "--store", str(work / f"t{i}.db"), "--", py, str(child), n]),
    }
    if shutil.which("script") is None:
        del cases["script -qc (pty)"]
    results: dict[str, list[float]] = {name: [] for name in cases}
    for i in range(args.repeat):
        for name, case in cases.items():
            results[name].append(case(i)[0])
    print(f"{args.lines:,} flushed lines, median of {args.repeat} (wall seconds)")
    median = {name: statistics.median(values) for name, values in results.items()}
    for name, value in median.items():
        print(f"  {name:<20} {value:7.2f} s")
    print(f"  pipes: mlop / tee    = {median['mlop run (pipes)'] / median['child | tee']:.2f}x  (target <= 1.2)")
    if "script -qc (pty)" in median:
        print(f"  pty:   mlop / script = {median['mlop run (pty)'] / median['script -qc (pty)']:.2f}x  (target <= 1.0)")
    stored = subprocess.run(
        [py, "-c", f"import sqlite3; print(sqlite3.connect('{work / 'p0.db'}').execute('select sum(length(data)) from logs').fetchone()[0])"],
        capture_output=True, text=True,
    ).stdout.strip()
    print(f"  console bytes stored by the first pipes run: {stored}")

    # mlop's own CPU for a child printing 100 lines a second.
    lines = str(args.slow_seconds * 100)
    _, child_cpu = timed([py, str(slow), lines])
    _, total_cpu = timed([*mlop, "--no-pty", "--store", str(work / "slow.db"), "--", py, str(slow), lines])
    own = max(0.0, total_cpu - child_cpu)
    # Start-up of the mlop interpreter itself is a fixed cost; report it apart.
    _, startup = timed([*mlop, "--no-pty", "--store", str(work / "empty.db"), "--", "true"])
    print(f"100 lines/s for {args.slow_seconds} s: child CPU {child_cpu:.2f} s, mlop's own {own:.2f} s "
          f"({100 * own / child_cpu:.1f}% of the child's); of which start-up and exit {startup:.2f} s; "
          f"steady state {100 * max(0.0, own - startup) / child_cpu:.1f}% (target < 2%)")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
