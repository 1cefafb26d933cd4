"""Issue 15's measure: flat-out runs into one store on a busy machine, every point stored.

Run on demand: ``python tests/benchmarks/bench_concurrent.py [--runs 8] [--lines 200000]
[--big 1000000] [--burners 2] [--mlop-args "..."] [--keep]`` (``--keep`` leaves each case's
folder and store in /tmp to look into).

Two cases, each with ``--burners`` CPU burners (``yes > /dev/null``) running throughout:

1. ``--runs`` concurrent ``mlop run`` of a child printing ``--lines`` lines as fast as it can;
2. one ``mlop run`` of a child printing ``--big`` lines.

Each line is ``step={i} loss= acc= lr=``: ``step`` is the x axis, so a line holds three points.
The child is block-buffered (PYTHONUNBUFFERED unset, as on users' machines), counts the bytes
and lines it wrote itself and notes its run id (``MLOP_RUN_ID``) and the instant it ended in a
side file. Only public tools read the result: ``mlop ls --json`` at once when ``mlop run`` exits
(the status), ``mlop show RUN --json`` (it waits for console metrics to be indexed; timed as the
catch-up), and ``mlop logs RUN`` (the stored console, compared byte for byte with what the child
wrote and with what reached ``mlop run``'s stdout).

Printed: per run, status and exit code, points stored against points printed, console bytes
stored against bytes printed, and how long after the child ``mlop run`` exited; then the wall
time of the ``mlop run`` case against the same children piped through ``tee`` into a file,
measured in the same run, under the same burners. Target (issue 15): every status ``finished``,
every point and every byte stored, mlop exiting within about 2 s of its command.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import json, os, sys, time
n, side = int(sys.argv[1]), sys.argv[2]
started = time.time()
written = 0
out = sys.stdout
for i in range(n):
    line = f"step={i} loss={1 / (i + 1):.6f} acc={(i % 9973) / 9973:.4f} lr={0.001 * (1 - i / n):.7f}\\n"
    out.write(line)
    written += len(line.encode())
out.flush()
with open(side, "w") as f:
    json.dump({"run_id": os.environ.get("MLOP_RUN_ID"), "lines": n, "bytes": written,
               "started": started, "ended": time.time()}, f)
"""

METRICS = ("loss", "acc", "lr")


@dataclass
class Outcome:
    """What one run printed, and what the store holds for it."""

    lines: int
    printed_bytes: int
    passed_bytes: int
    run_id: str
    exit_code: int
    exit_lag_s: float
    child_s: float
    status_at_exit: str = "?"
    status: str = "?"
    points: int = 0
    stored_bytes: int = 0
    identical: bool = False
    catch_up_s: float = 0.0
    notes: list[str] = field(default_factory=list)


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONUNBUFFERED", "MLOP_STORE")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _mlop(*args: str, store: Path, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    command = [sys.executable, "-m", "mlop_cli", *args, "--store", str(store)]
    return subprocess.run(command, env=_env(), capture_output=True, **kwargs)  # type: ignore[call-overload,no-any-return]


def _reference(tmp: Path, child: Path, counts: list[int]) -> tuple[float, float]:
    """Wall time of the same children piped through ``tee`` into a file, all at once, and
    the median time a child took from its first line to its last."""
    start = time.perf_counter()
    procs = [
        subprocess.Popen(
            f"{shlex.quote(sys.executable)} {child} {n} {tmp / f'ref{i}.json'}"
            f" | tee {tmp / f'ref{i}.out'} > /dev/null",
            shell=True,
            env=_env(),
        )
        for i, n in enumerate(counts)
    ]
    for proc in procs:
        proc.wait()
    wall = time.perf_counter() - start
    sides = [json.loads((tmp / f"ref{i}.json").read_text()) for i in range(len(counts))]
    return wall, statistics.median(side["ended"] - side["started"] for side in sides)


def _recorded(
    tmp: Path, child: Path, counts: list[int], store: Path, extra: list[str]
) -> tuple[float, list[Outcome]]:
    """Wall time of the children under concurrent ``mlop run``, and what each one stored."""
    exits: dict[int, float] = {}
    statuses: dict[int, str] = {}

    def wait(i: int, proc: subprocess.Popen[bytes]) -> None:
        proc.wait()
        exits[i] = time.time()
        # The status as a CI job's next step sees it, right after `mlop run` exits.
        listed = _mlop("ls", "--json", "--limit", "100", store=store)
        side = (
            json.loads((tmp / f"run{i}.json").read_text())
            if (tmp / f"run{i}.json").exists()
            else {}
        )
        for row in json.loads(listed.stdout or b"[]"):
            if row.get("id") == side.get("run_id"):
                statuses[i] = row.get("status", "?")

    command = [
        sys.executable,
        "-m",
        "mlop_cli",
        "run",
        "-q",
        "--no-pty",
        "--store",
        str(store),
        *extra,
        "--",
    ]
    start = time.perf_counter()
    procs = []
    waiters = []
    for i, n in enumerate(counts):
        with open(tmp / f"run{i}.out", "wb") as out, open(tmp / f"run{i}.err", "wb") as err:
            proc = subprocess.Popen(
                [*command, sys.executable, str(child), str(n), str(tmp / f"run{i}.json")],
                stdout=out,
                stderr=err,
                env=_env(),
                cwd=tmp,
            )
        procs.append(proc)
        waiter = threading.Thread(target=wait, args=(i, proc), name=f"wait-{i}", daemon=True)
        waiter.start()
        waiters.append(waiter)
    for waiter in waiters:
        waiter.join()
    wall = time.perf_counter() - start

    outcomes = []
    for i, (n, proc) in enumerate(zip(counts, procs, strict=True)):
        side = json.loads((tmp / f"run{i}.json").read_text())
        passed = (tmp / f"run{i}.out").read_bytes()
        outcome = Outcome(
            lines=n,
            printed_bytes=side["bytes"],
            passed_bytes=len(passed),
            run_id=side["run_id"],
            exit_code=proc.returncode,
            exit_lag_s=exits[i] - side["ended"],
            child_s=side["ended"] - side["started"],
            status_at_exit=statuses.get(i, "?"),
        )
        said = (tmp / f"run{i}.err").read_bytes().decode(errors="replace").strip()
        if said:
            outcome.notes.append(f"stderr: {said[:300]}")
        began = time.perf_counter()
        shown = _mlop("show", outcome.run_id, "--json", store=store, timeout=900)
        outcome.catch_up_s = time.perf_counter() - began
        if shown.returncode:
            outcome.notes.append(f"show exit {shown.returncode}: {shown.stderr.decode()[:300]}")
        else:
            data = json.loads(shown.stdout)
            outcome.status = data["status"]
            outcome.points = sum(int(data["metrics"].get(m, {}).get("count", 0)) for m in METRICS)
            outcome.notes += [
                e["message"][:200] for e in data.get("events", []) if e.get("level") != "info"
            ]
        logs = _mlop("logs", outcome.run_id, store=store, timeout=300)
        outcome.stored_bytes = len(logs.stdout) + len(logs.stderr)
        outcome.identical = logs.stdout == passed
        outcomes.append(outcome)
    return wall, outcomes


def _case(title: str, counts: list[int], extra: list[str], keep: bool) -> bool:
    with tempfile.TemporaryDirectory(prefix="mlop-bench-") as name:
        tmp = Path(tempfile.mkdtemp(prefix="mlop-bench-")) if keep else Path(name)
        child = tmp / "child.py"
        child.write_text(CHILD)
        reference, reference_child = _reference(tmp, child, counts)
        wall, outcomes = _recorded(tmp, child, counts, tmp / "store" / "mlop.db", extra)
    print(f"\n{title}" + (f" (kept in {tmp})" if keep else ""))
    print(
        f"  {'run':<4} {'at exit':<9} {'status':<9} {'exit':>4} {'points stored/printed':>26} {'ratio':>7}"
        f" {'console bytes stored/printed':>32} {'ratio':>7} {'same':>5} {'exit lag':>9} {'catch-up':>9}"
    )
    good = True
    for i, o in enumerate(outcomes):
        want = 3 * o.lines
        print(
            f"  {i:<4} {o.status_at_exit:<9} {o.status:<9} {o.exit_code:>4} {o.points:>12,}/{want:<13,}"
            f" {o.points / want:>7.4f} {o.stored_bytes:>15,}/{o.printed_bytes:<16,}"
            f" {o.stored_bytes / o.printed_bytes:>7.4f} {'yes' if o.identical else 'NO':>5}"
            f" {o.exit_lag_s:>8.2f}s {o.catch_up_s:>8.2f}s"
        )
        for note in o.notes:
            print(f"       note: {note}")
        good = good and (
            o.status == o.status_at_exit == "finished"
            and o.exit_code == 0
            and o.points == want
            and o.stored_bytes == o.printed_bytes == o.passed_bytes
            and o.identical
        )
    lags = sorted(o.exit_lag_s for o in outcomes)
    child_s = statistics.median(o.child_s for o in outcomes)
    print(
        f"  the child itself, first line to last: median {child_s:.1f} s under mlop run,"
        f" {reference_child:.1f} s under tee: {child_s / reference_child:.2f}x"
    )
    print(
        f"  wall: mlop run {wall:.1f} s, tee {reference:.1f} s: {wall / reference:.2f}x;"
        f" mlop exit after its command: median {statistics.median(lags):.2f} s, max {lags[-1]:.2f} s"
        f" (target about 2 s)"
    )
    total = sum(3 * o.lines for o in outcomes)
    stored = sum(o.points for o in outcomes)
    print(
        f"  all runs: {stored:,} of {total:,} points ({stored / total:.4f}),"
        f" statuses {sorted({o.status for o in outcomes})}: {'PASS' if good else 'FAIL'}"
    )
    return good


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--lines", type=int, default=200_000)
    parser.add_argument("--big", type=int, default=1_000_000)
    parser.add_argument("--burners", type=int, default=2)
    parser.add_argument("--keep", action="store_true", help="keep each case's folder and store")
    parser.add_argument(
        "--mlop-args", default="", help="extra `mlop run` options, e.g. '--no-system'"
    )
    args = parser.parse_args()
    extra = shlex.split(args.mlop_args)
    print(
        f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}; {args.burners} burners;"
        f" mlop run options: {' '.join(extra) or '(defaults)'}"
    )
    burners = [subprocess.Popen(["yes"], stdout=subprocess.DEVNULL) for _ in range(args.burners)]
    try:
        ok = True
        if args.runs:
            ok &= _case(
                f"{args.runs} concurrent runs x {args.lines:,} lines",
                [args.lines] * args.runs,
                extra,
                args.keep,
            )
        if args.big:
            ok &= _case(f"one run of {args.big:,} lines", [args.big], extra, args.keep)
    finally:
        for burner in burners:
            burner.kill()
            burner.wait()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
