"""Passthrough overhead of `mlop run`, against `tee` (pipes) and `script` (pty), in one run.

    python tests/benchmarks/bench_passthrough.py [--lines 1000000] [--repeat 7] [--no-terminal]

Prints wall time of each and the ratios (targets: pipes <= 1.2x tee, pty <= 1.1x script, with
the console parsed and every point stored); then mlop's own CPU for a child printing 100 lines
a second, as a share of the child's CPU. The child prints `step=... loss=... acc=... lr=...`
lines, flushes every one, and PYTHONUNBUFFERED is removed from its environment (users'
machines do not set it). The pty cases write to a terminal: a pseudo-terminal this script
reads as a terminal emulator does (--no-terminal: to /dev/null).
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
    write(f"step={i} loss={1 / (i + 1):.6f} acc={i % 100 / 100:.2f} lr=0.001\\n")
    flush()
"""

# A training-like child: it computes (one core busy) and prints 100 metric lines a second.
SLOW_CHILD = """
import sys, time
start = time.monotonic()
x = 0.0
for i in range(int(sys.argv[1])):
    print(f"step={i} loss={1 / (i + 1):.5f} lr=0.001", flush=True)
    next_tick = start + (i + 1) / 100
    while time.monotonic() < next_tick:
        x += 1.0
"""


def env() -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return clean


class Screen:
    """A pseudo-terminal read as fast as it is written, as a terminal emulator reads it."""

    def __enter__(self) -> int:
        import pty
        import threading

        self.master, self.slave = pty.openpty()
        self.thread = threading.Thread(target=self._drain, daemon=True)
        self.thread.start()
        return self.slave

    def _drain(self) -> None:
        try:
            while os.read(self.master, 1 << 16):
                pass
        except OSError:
            pass

    def __exit__(self, *exc: object) -> None:
        os.close(self.slave)
        self.thread.join(5)
        os.close(self.master)


def timed(
    command: list[str] | str, shell: bool = False, terminal: bool = False
) -> tuple[float, float]:
    """Wall seconds and CPU seconds of children (user+sys) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    if terminal:
        with Screen() as screen:
            subprocess.run(command, shell=shell, check=True, env=env(), stdout=screen,
                           stderr=subprocess.DEVNULL)  # fmt: skip
    else:
        subprocess.run(
            command,
            shell=shell,
            check=True,
            env=env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--slow-seconds", type=int, default=15)
    parser.add_argument("--no-terminal", action="store_true", help="pty cases write to /dev/null")
    args = parser.parse_args()
    tty = not args.no_terminal
    work = Path(tempfile.mkdtemp(prefix="mlop-bench-"))
    child = work / "child.py"
    child.write_text(CHILD)
    slow = work / "slow.py"
    slow.write_text(SLOW_CHILD)
    py = sys.executable
    # An installed package has its bytecode compiled at install time; a checkout run with
    # PYTHONDONTWRITEBYTECODE set would recompile mlop's modules in every run measured.
    subprocess.run([py, "-m", "compileall", "-q", str(Path(__file__).parents[2] / "mlop_cli")])
    mlop = [py, "-m", "mlop_cli", "run", "-q", "--no-system", "--no-tensorboard"]
    n = str(args.lines)
    cases = {
        "child alone": lambda i: timed([py, str(child), n]),
        "child | tee": lambda i: timed(
            f"{py} {child} {n} | tee {work}/tee.out > /dev/null", shell=True
        ),
        "mlop run (pipes)": lambda i: timed(
            [*mlop, "--no-pty", "--store", str(work / f"p{i}.db"), "--", py, str(child), n]
        ),
        "script -qc (pty)": lambda i: timed(
            ["script", "-qfec", f"{py} {child} {n}", "/dev/null"], terminal=tty
        ),
        "mlop run (pty)": lambda i: timed(
            [*mlop, "--pty", "--store", str(work / f"t{i}.db"), "--", py, str(child), n],
            terminal=tty,
        ),
        # mlop's fixed cost: start-up (Python, imports, option parsing) and the closing bookkeeping.
        "mlop run -- true": lambda i: timed(
            [*mlop, "--pty", "--store", str(work / f"t{i}.db"), "--", "true"]
        ),
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

    # Ratios pair each repeat's runs (made one after the other), so a machine whose speed drifts
    # between repeats does not skew them; the median of the pairs, and their range.
    def paired(name: str, reference: str) -> str:
        ratios = sorted(a / b for a, b in zip(results[name], results[reference], strict=True))
        return f"{statistics.median(ratios):.2f}x (pairs {ratios[0]:.2f}-{ratios[-1]:.2f})"

    print(f"  pipes: mlop / tee    = {paired('mlop run (pipes)', 'child | tee')}  (target <= 1.2)")
    if "script -qc (pty)" in median:
        print(
            f"  pty:   mlop / script = {paired('mlop run (pty)', 'script -qc (pty)')}  (target <= 1.1)"
        )
        fixed = median["mlop run -- true"]
        print(
            f"  pty, less mlop's fixed {fixed:.2f} s (start-up and close, `mlop run -- true`): "
            f"{(median['mlop run (pty)'] - fixed) / median['script -qc (pty)']:.2f}x"
        )
    for label, db in (("pipes", "p0.db"), ("pty", "t0.db")):
        stored = subprocess.run(
            [
                py,
                "-c",
                "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); print("
                "db.execute('select sum(length(data)) from logs').fetchone()[0],"
                "db.execute('select coalesce(sum(count), 0) from run_metrics').fetchone()[0])",
                str(work / db),
            ],
            capture_output=True,
            text=True,
        ).stdout.split()
        print(
            f"  first {label} run: {stored[0] if stored else '?'} console bytes, "
            f"{stored[1] if len(stored) > 1 else '?'} points stored ({3 * args.lines:,} printed)"
        )

    # mlop's own CPU (its process alone, not the child's) for a computing child printing 100
    # lines a second, measured over the steady state with every source on (the defaults).
    import psutil

    seconds = args.slow_seconds
    for label, extra in (("defaults", []), ("console only", ["--no-system", "--no-tensorboard"])):
        process = subprocess.Popen(
            [
                py,
                "-m",
                "mlop_cli",
                "run",
                "-q",
                "--no-pty",
                *extra,
                "--store",
                str(work / "slow.db"),
                "--",
                py,
                str(slow),
                str((seconds + 6) * 100),
            ],
            env=env(),
            stdout=subprocess.DEVNULL,
            cwd=work,
        )
        me = psutil.Process(process.pid)
        time.sleep(3)
        child = me.children()[0]
        mine0, child0 = me.cpu_times(), child.cpu_times()
        time.sleep(seconds)
        mine1, child1 = me.cpu_times(), child.cpu_times()
        process.wait()
        own = (mine1.user - mine0.user) + (mine1.system - mine0.system)
        theirs = (child1.user - child0.user) + (child1.system - child0.system)
        print(
            f"100 lines/s, {label}: mlop's own CPU {own / seconds * 100:.2f}% of a core = "
            f"{100 * own / theirs:.2f}% of the child's (target < 2%)"
        )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
