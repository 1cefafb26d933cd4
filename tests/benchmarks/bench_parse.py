"""Console parser throughput, and what parsing costs the command end to end.

Run on demand: ``python tests/benchmarks/bench_parse.py [lines] [e2e lines] [pairs]``.

1. Parser: feeds each corpus in 64 KiB chunks through a ConsoleSource with a no-op sink
   (flushing every 256 chunks, as the indexer commits) and prints lines/s and the ratio to
   the reference, measured in the same run on the same bytes: ``bytes.split(b"\\n")``.
   Targets: key=value and Hugging Face dicts >= 300k lines/s, table rows >= 100k rows/s.
   Then lines of 32 KiB that a backtracking regex would crawl over, per byte against plain
   log lines.
2. End to end: ``mlop run`` of a child printing ``step={i} loss= acc= lr=`` lines against the
   same child piped through ``tee``, PYTHONUNBUFFERED unset in the child, once flushing every
   line and once block-buffered, as interleaved pairs (median ratio; target <= 1.2x: parsing
   runs in the indexer process and may lag, it never holds the command back). Then the time
   the indexer takes to finish after mlop has exited (``mlop recover`` waits for it), and a
   check that every point reached the store: ``step`` is the x axis, so each line gives three
   points, ``loss``, ``acc`` and ``lr``, the last at step n - 1. mlop's modules are
   byte-compiled first, as ``pip install`` leaves them.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
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
        "table rows": build(
            lambda i: (
                "  epoch    train_loss    valid_acc    valid_loss     dur\n"
                "-------  ------------  -----------  ------------  ------\n"
                if i == 0
                else f"{i:>7}  {1 / (i + 1):>12.4f}  {(i % 97) / 97:>11.4f}  {2 / (i + 1):>12.4f}  0.0112\n"
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


# Lines of 32 KiB of the kinds a backtracking regex would crawl over (a source at a long run
# of spaces' end, text after a labelled number, a title's decoration at a long line's end,
# Hugging Face's banner words, one long word labelled by numbers, a long indentation): each
# must be read at about the speed of plain log lines.
LONG_LINES = [
    "x.py:1 " + " " * (1 << 15) + "x",
    "loss 0.5: " + "ab " * (1 << 13) + "x1",
    "== a" + " " * (1 << 15) + "x -",
    "== a" + "-" * (1 << 15) + " x-",
    "Num " * (1 << 13) + "= 1",
    "rank 0 sample 0: " + "ab" * (1 << 14),  # one long word labelled by numbers
    " " * (1 << 15) + "x 1",  # an indentation as long as the line (an indented listing's)
    "│ a │" + " " * (1 << 15) + "x 1",  # a box's wall, then a long gap
]


def _long_lines(repeat: int) -> bytes:
    return "".join(line + "\n" for line in LONG_LINES * repeat).encode()


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
    pairs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    print(f"{n:,} lines per corpus, {CHUNK // 1024} KiB chunks")
    print(f"{'corpus':<12} {'parser lines/s':>15} {'split lines/s':>15} {'ratio':>8}")
    for name, data in _corpora(n).items():
        chunks = _chunks(data)
        reference = min(_reference(chunks) for _ in range(3))
        elapsed, _ = min(_source(chunks) for _ in range(2))
        print(
            f"{name:<12} {n / elapsed:>15,.0f} {n / reference:>15,.0f} {elapsed / reference:>7.1f}x"
        )
    plain = _corpora(n)["plain log"]
    plain_elapsed, _ = min(_source(_chunks(plain)) for _ in range(2))
    long = _long_lines(20)
    long_elapsed, _ = min(_source(_chunks(long)) for _ in range(2))
    plain_rate, long_rate = len(plain) / plain_elapsed, len(long) / long_elapsed
    print(
        f"\nlong lines (32 KiB, {len(LONG_LINES)} kinds): {long_rate / 1024:,.0f} KiB/s against "
        f"{plain_rate / 1024:,.0f} KiB/s of plain log lines: {plain_rate / long_rate:.1f}x "
        "slower per byte (5x on 2026-12-06; 12x with one of its regexes backtracking)"
    )
    if e2e:
        _compiled_as_installed()
        for flush in (True, False):
            _end_to_end(e2e, flush, pairs)


CHILD = """
import sys
n, flush = int(sys.argv[1]), sys.argv[2] == "flush"
for i in range(n):
    print(f"step={i} loss={1 / (i + 1):.5f} acc={(i % 9973) / 9973:.4f} lr={0.001 * (1 - i / n):.6f}", flush=flush)
"""


def _compiled_as_installed() -> None:
    """mlop's modules byte-compiled, as ``pip install`` leaves them.

    From a source checkout (an editable install) with PYTHONDONTWRITEBYTECODE set, as on some
    CI and build machines, every ``mlop run`` would compile its ~50 modules afresh: 0.15-0.2 s
    of its start-up that no installed mlop pays. Python reads bytecode even when told not to
    write it, so compiling once here measures mlop as users run it.
    """
    import compileall

    import mlop_cli

    compileall.compile_dir(Path(mlop_cli.__file__).parent, quiet=1)


def _end_to_end(n: int, flush: bool, pairs: int) -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    mode = "flush" if flush else "buffered"
    ratios = []
    catch_up = []
    complete = True
    with tempfile.TemporaryDirectory() as tmp:
        child = Path(tmp) / "child.py"
        child.write_text(CHILD)
        out = Path(tmp) / "tee.out"
        for repeat in range(pairs):
            store = Path(tmp) / f"mlop{repeat}.db"
            start = time.perf_counter()
            subprocess.run(
                f"{sys.executable} {child} {n} {mode} | tee {out} > /dev/null",
                shell=True,
                env=env,
                check=True,
            )
            tee = time.perf_counter() - start
            command = [sys.executable, "-m", "mlop_cli", "run", "-q", "--no-system"]
            command += ["--no-tensorboard", "--no-pty", "--store", str(store), "--"]
            start = time.perf_counter()
            with open(os.devnull, "wb") as devnull:
                subprocess.run(
                    [*command, sys.executable, str(child), str(n), mode],
                    env=env,
                    stdout=devnull,
                    check=True,
                )
            mlop = time.perf_counter() - start
            ratios.append(mlop / tee)
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "mlop_cli", "recover", "--store", str(store)],
                env=env,
                check=True,
                capture_output=True,
            )
            catch_up.append(time.perf_counter() - start)
            with sqlite3.connect(store) as db:
                points, last = db.execute(
                    "SELECT sum(count), min(last_step) FROM run_metrics"
                ).fetchone()
            complete = complete and points == 3 * n and last == n - 1
    ratios.sort()
    print(f"\nend to end, {n:,} lines of 3 values, {mode}, {pairs} interleaved pairs:")
    print(
        f"  mlop run / tee: median {statistics.median(ratios):.2f}x "
        f"(min {ratios[0]:.2f}, max {ratios[-1]:.2f}; target <= 1.2x)"
    )
    print(f"  indexing after mlop exited: median {statistics.median(catch_up):.1f} s")
    print(f"  every point stored: {'yes' if complete else 'NO'}")


if __name__ == "__main__":
    main()
