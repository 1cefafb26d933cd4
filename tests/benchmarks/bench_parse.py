"""Console parser throughput: lines/s through ConsoleSource, against a plain ``bytes.split``.

Run on demand: ``python tests/benchmarks/bench_parse.py [lines] [e2e lines]``.

1. Parser: feeds each corpus in 64 KiB chunks through a ConsoleSource with a no-op sink
   (flushing every 256 chunks, as a run flushes about every 0.25 s) and prints lines/s and the
   ratio to the reference, measured in the same run on the same bytes: splitting each chunk
   with ``bytes.split(b"\\n")``.
2. End to end: ``mlop run`` of a child printing ``step={i} loss={x:.5f} acc={y:.4f} lr={z:.6f}`` lines
   (flushing each, unbuffered stdout not forced) against the same child piped through
   ``tee``; prints both wall times, their ratio (target <= 1.5x) and checks that every point
   reached the store (``SELECT sum(count) FROM run_metrics``): ``step`` is the x-axis, not a
   metric, so each line gives three points, ``loss``, ``acc`` and ``lr``, the last at step n - 1.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mlop_cli.sources.console import ConsoleSource

CHUNK = 64 * 1024


def _corpora(n: int) -> dict[str, bytes]:
    def build(make) -> bytes:
        return "".join(make(i) for i in range(n)).encode()

    return {
        "key=value": build(lambda i: f"step={i} loss={1 / (i + 1):.4f} acc=0.{i % 9973:04d}\n"),
        "hf dict": build(
            lambda i: (
                f"{{'loss': {1 / (i + 1):.4f}, 'grad_norm': 1.2345678, "
                f"'learning_rate': 4.5e-05, 'epoch': {i / 1000:.2f}}}\n"
            )
        ),
        "keras": build(
            lambda i: (
                f"1875/1875 [==============================] - 3s 1ms/step - loss: "
                f"{1 / (i + 1):.4f} - accuracy: 0.9123 - val_loss: 0.2 - val_accuracy: 0.93\n"
            )
        ),
        "tqdm \\r": build(
            lambda i: (
                f"\rEpoch {i // 100}:  {i % 100}%|###       | {i % 100}/100 "
                f"[00:01<00:02, 25.12it/s, loss={1 / (i + 1):.3g}, v_num=0]"
            )
        ),
        "plain log": build(
            lambda i: (
                f"2026-11-22 10:31:04,123 - INFO - loading shard {i} of the dataset\n"
                if i % 2
                else "Downloading model weights from the hub, please wait\n"
            )
        ),
    }


def _chunks(data: bytes) -> list[bytes]:
    return [data[i : i + CHUNK] for i in range(0, len(data), CHUNK)]


def _reference(chunks: list[bytes]) -> float:
    start = time.perf_counter()
    for chunk in chunks:
        chunk.split(b"\n")
    return time.perf_counter() - start


def _source(chunks: list[bytes]) -> tuple[float, int]:
    count = 0

    def sink(record: object) -> None:
        nonlocal count
        count += 1

    source = ConsoleSource(sink)
    start = time.perf_counter()
    for i, chunk in enumerate(chunks):
        source.feed(2, chunk, 1.0)
        if i % 256 == 255:
            source.flush()
    source.close()
    return time.perf_counter() - start, count


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    e2e = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    print(f"{n:,} lines per corpus, {CHUNK // 1024} KiB chunks")
    print(f"{'corpus':<12} {'parser lines/s':>15} {'split lines/s':>15} {'ratio':>8}")
    for name, data in _corpora(n).items():
        chunks = _chunks(data)
        reference = min(_reference(chunks) for _ in range(3))
        elapsed, _ = min(_source(chunks) for _ in range(2))
        print(
            f"{name:<12} {n / elapsed:>15,.0f} {n / reference:>15,.0f} {elapsed / reference:>7.1f}x"
        )
    if e2e:
        _end_to_end(e2e)


CHILD = """
import sys
n = int(sys.argv[1])
for i in range(n):
    print(f"step={i} loss={1 / (i + 1):.5f} acc={(i % 9973) / 9973:.4f} lr={0.001 * (1 - i / n):.6f}", flush=True)
"""


def _end_to_end(n: int) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    with tempfile.TemporaryDirectory() as tmp:
        child = Path(tmp) / "child.py"
        child.write_text(CHILD)
        store = Path(tmp) / "mlop.db"
        out = Path(tmp) / "tee.out"
        start = time.perf_counter()
        subprocess.run(
            f"{sys.executable} {child} {n} | tee {out} > /dev/null", shell=True, env=env, check=True
        )
        tee = time.perf_counter() - start
        command = [sys.executable, "-m", "mlop_cli", "run", "-q", "--no-system"]
        command += ["--no-tensorboard", "--no-pty", "--store", str(store), "--"]
        start = time.perf_counter()
        with open(os.devnull, "wb") as devnull:
            subprocess.run(
                [*command, sys.executable, str(child), str(n)], env=env, stdout=devnull, check=True
            )
        mlop = time.perf_counter() - start
        with sqlite3.connect(store) as db:
            points, last = db.execute(
                "SELECT sum(count), min(last_step) FROM run_metrics"
            ).fetchone()
    print(f"\nend to end, {n:,} lines of 3 values:")
    print(f"  child | tee  {tee:7.2f} s")
    print(f"  mlop run     {mlop:7.2f} s   ratio {mlop / tee:.2f}x (target <= 1.5x)")
    ok = points == 3 * n and last == n - 1
    print(
        f"  points in store {points:,} of {3 * n:,}, last step {last}: {'ok' if ok else 'MISSING'}"
    )


if __name__ == "__main__":
    main()
