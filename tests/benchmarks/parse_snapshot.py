"""Snapshot everything the console parser stores, to prove a speed change changes no result.

``python tests/benchmarks/parse_snapshot.py OUT.json [DIR...]`` parses every ``*.txt`` of the
console corpus (``tests/corpus/console``, ``tests/corpus/holdout`` and any DIR given) the way
``tests/console_score.py``'s ``parse()`` does (one stream, 64 KiB reads, a flush after each,
then close), again in 4093-byte reads (lines and bars cut across reads), rewritten so that
its shapes repeat (the whole output four times, each line three times; in 64 KiB reads and
in a read per line, where a repeated shape is read by the reader's template), and the synthetic
corpora of ``bench_parse.py`` (20,000 lines each); and writes, per input, every stored series
(its steps, epochs, times and values, in order), every event, and the counts of points,
numeric lines and metric lines. ``--compare A.json B.json``
prints each difference and exits 1 when there is one.

Take a snapshot before an optimisation and one after: the two must be identical.
"""

from __future__ import annotations

import json
import math
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    # Last: PYTHONPATH=<an older tree> snapshots that tree's parser (the "before").
    sys.path.append(str(ROOT))

from mlop_cli.records import Event, Points  # noqa: E402
from mlop_cli.sources.console import ConsoleSource  # noqa: E402

CHUNKS = (1 << 16, 4093)


def _number(value: float | None) -> object:
    if value is None:
        return None
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return value


def parse_all(data: bytes, chunk: int) -> dict[str, object]:
    """Every series (steps, epochs, times, values) and event a parse of ``data`` stores."""
    series: dict[str, dict[str, list]] = {}
    events: list[list] = []
    order: list[str] = []  # the metric of each Points record, in the order they left

    def sink(record: object) -> None:
        if isinstance(record, Points):
            order.append(record.metric)
            stored = series.setdefault(
                record.metric, {"steps": [], "epochs": [], "times": [], "values": []}
            )
            epochs: list[float | None] = (
                list(record.epochs) if record.epochs else [None] * len(record.values)
            )
            stored["steps"].extend(record.steps)
            stored["epochs"].extend(_number(e) for e in epochs)
            stored["times"].extend(record.times)
            stored["values"].extend(_number(v) for v in record.values)
        elif isinstance(record, Event):
            events.append([record.level, record.kind, record.message, record.data])

    source = ConsoleSource(sink, clock=lambda: 0.0)
    if chunk:
        reads = [data[start : start + chunk] for start in range(0, len(data), chunk)]
    else:  # a read per record, as a program writes them (`\r` opens a bar's redraw)
        reads = [read for read in re.split(rb"(?=\r)|(?<=\n)", data) if read]
    start = 0
    for read in reads:
        source.feed(1, read, float(start))
        source.flush()
        start += len(read)
    source.close()
    # The counts behind the summary and the "never silent" warning.
    counts = [source.points, source._reader.numeric_lines, source._reader.metric_lines]
    return {"series": series, "events": events, "order": order, "counts": counts}


def inputs(dirs: list[Path]) -> dict[str, bytes]:
    """The bytes of every input: corpus files by path, bench corpora by name."""
    found: dict[str, bytes] = {}
    for folder in dirs:
        for path in sorted(folder.glob("*.txt")):
            found[str(path)] = path.read_bytes()
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_parse import _corpora  # type: ignore[import-not-found]

    for name, data in _corpora(20_000).items():
        found[f"bench:{name}"] = data
    return found


def _stressed(data: bytes) -> dict[str, bytes]:
    """Two rewrites of a corpus entry that make its shapes repeat (the quick paths of a
    reader take over on repeated shapes; a short entry seldom reaches them): the whole
    output four times over, and each line three times (a redrawn line)."""
    lines = data.split(b"\n")
    return {
        "x4": b"\n".join(lines * 4),
        "lines x3": b"\n".join(line for line in lines for _ in range(3)),
    }


def snapshot(dirs: list[Path]) -> dict[str, dict]:
    result: dict[str, dict] = {}
    for name, data in inputs(dirs).items():
        for chunk in CHUNKS:
            result[f"{name} @{chunk}"] = parse_all(data, chunk)
        if not name.startswith("bench:"):
            for variant, stressed in _stressed(data).items():
                result[f"{name} {variant} @{CHUNKS[0]}"] = parse_all(stressed, CHUNKS[0])
                # Read by line, a line's shape repeated is read by the reader's template.
                result[f"{name} {variant} @line"] = parse_all(stressed, 0)
    return result


def compare(before: dict, after: dict) -> int:
    differences = 0
    for key in sorted(set(before) | set(after)):
        a, b = before.get(key), after.get(key)
        if a == b:
            continue
        if a is None or b is None:
            print(f"{key}: only in {'after' if a is None else 'before'}")
            differences += 1
            continue
        for name in sorted(set(a["series"]) | set(b["series"])):
            if a["series"].get(name) != b["series"].get(name):
                print(f"{key}: series {name!r} differs")
                differences += 1
        for part in ("events", "order", "counts"):
            if a[part] != b[part]:
                print(f"{key}: {part} differ")
                differences += 1
    print(f"{len(before)} inputs before, {len(after)} after, {differences} differences")
    return differences


def main(argv: list[str]) -> int:
    if argv[:1] == ["--compare"]:
        before = json.loads(Path(argv[1]).read_text())
        after = json.loads(Path(argv[2]).read_text())
        return 1 if compare(before, after) else 0
    dirs = [ROOT / "tests" / "corpus" / "console", ROOT / "tests" / "corpus" / "holdout"]
    dirs += [Path(d) for d in argv[1:]]
    result = snapshot(dirs)
    Path(argv[0]).write_text(json.dumps(result, sort_keys=True))
    series = sum(len(v["series"]) for v in result.values())
    parser = Path(sys.modules[ConsoleSource.__module__].__file__ or "?").parent
    print(f"{len(result)} inputs, {series} series written to {argv[0]} (parser: {parser})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
