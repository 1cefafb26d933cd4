"""Score the console parser against a library's own record of its metrics (the corpus' truth).

Each ``tests/corpus/console/<entry>.truth.json`` (format: ``tests/corpus/README.md``) holds, for
every metric the output prints, the values the library itself recorded (its History, its
``log_history``, its CSV logger…) with the library's own step and epoch. The parse of the entry's
``.txt`` is scored the way a user judges it:

- **value recall**: of the printed values, how many the parse stored (in order, within the
  rounding of what was printed) under the matching name;
- **series recall**: of the printed series, how many have every value;
- **steps**: of the series found, how many have their points at the library's steps (global
  steps; a constant offset, 0- or 1-based, is allowed) or, for a per-epoch record, at its
  epochs, or failing epochs in strictly increasing steps one per epoch;
- **precision**: of the series the parse stored, how many are real (a truth series, or a
  printed quantity listed as ``extra_ok``).

Names match by their words: lower case, anything but letters, digits and ``@`` separates words,
a possessive ``'s`` is dropped (``train's auc`` = ``train/auc`` = ``Train AUC``).
Run as a script for a table: ``python tests/console_score.py [ENTRY...]``.
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mlop_cli.records import Points  # noqa: E402
from mlop_cli.sources.console import ConsoleSource  # noqa: E402

CORPUS = Path(os.environ.get("MLOP_CORPUS") or Path(__file__).parent / "corpus" / "console")
# Output of libraries the reader was not written against (tests/corpus/holdout/README.md).
HOLDOUT = Path(__file__).parent / "corpus" / "holdout"
_WORD = re.compile(r"[a-z0-9@]+")


def words(name: str) -> tuple[str, ...]:
    """The words of a metric name, for matching printed names to stored ones."""
    text = re.sub(r"'s\b", "", name.lower())
    return tuple(_WORD.findall(text))


@dataclass
class Parsed:
    """One stored series: (step, epoch or None, value) per point, in order."""

    points: list[tuple[int, float | None, float]] = field(default_factory=list)


def parse(data: bytes, chunk: int = 1 << 16) -> dict[str, Parsed]:
    """Run the console parser over ``data`` as mlop's indexer does (one stream, in reads)."""
    out: dict[str, Parsed] = {}

    def sink(record: object) -> None:
        if isinstance(record, Points):
            series = out.setdefault(record.metric, Parsed())
            epochs = getattr(record, "epochs", None) or [math.nan] * len(record.values)
            for step, epoch, value in zip(record.steps, epochs, record.values, strict=True):
                series.points.append((step, None if epoch != epoch else epoch, value))

    source = ConsoleSource(sink, clock=lambda: 0.0)
    for start in range(0, len(data), chunk):
        source.feed(1, data[start : start + chunk], float(start))
        source.flush()
    source.close()
    return out


def close_enough(got: float, want: float) -> bool:
    """Whether a stored value is the printed form of the recorded one (printing rounds)."""
    if math.isnan(want):
        return math.isnan(got)
    if math.isinf(want) or math.isinf(got):
        return got == want
    return abs(got - want) <= max(0.03 * abs(want), 6e-5)


@dataclass
class SeriesScore:
    """How one truth series fared."""

    name: str
    values: int
    found: int
    stored_as: str | None
    steps_right: bool


@dataclass
class EntryScore:
    """How one corpus entry fared."""

    entry: str
    series: list[SeriesScore]
    stored: list[str]
    invented: list[str]

    @property
    def values(self) -> int:
        return sum(s.values for s in self.series)

    @property
    def found(self) -> int:
        return sum(s.found for s in self.series)

    @property
    def complete(self) -> int:
        return sum(1 for s in self.series if s.values and s.found == s.values)

    @property
    def steps_right(self) -> int:
        return sum(1 for s in self.series if s.found and s.steps_right)

    @property
    def with_values(self) -> int:
        return sum(1 for s in self.series if s.found)


def _match_values(
    truth: list[list], stored: list[tuple[int, float | None, float]]
) -> list[tuple[list, tuple[int, float | None, float]]]:
    """Pair truth points with stored ones, in order (a greedy subsequence match)."""
    pairs = []
    position = 0
    for point in truth:
        want = float(point[2]) if point[2] is not None else math.nan
        for index in range(position, len(stored)):
            if close_enough(stored[index][2], want):
                pairs.append((point, stored[index]))
                position = index + 1
                break
    return pairs


def _same_epochs(got: list, want: list) -> bool:
    return (
        all(
            g is not None and (abs(g - w) < 1e-3 or abs(g - w - 1) < 1e-3 or abs(g - w + 1) < 1e-3)
            for g, w in zip(got, want, strict=True)
        )
        and len({round(g - w) for g, w in zip(got, want, strict=True)}) == 1
    )


def _steps_right(kind: str, pairs: list[tuple[list, tuple]], epoch_only: bool = False) -> bool:
    if not pairs:
        return False
    truth_steps = [p[0][0] for p in pairs]
    truth_epochs = [p[0][1] for p in pairs]
    got_steps = [p[1][0] for p in pairs]
    got_epochs = [p[1][1] for p in pairs]
    if kind == "global" and None not in truth_steps:
        offsets = {g - t for g, t in zip(got_steps, truth_steps, strict=True)}
        if len(offsets) == 1 and offsets.pop() in (-1, 0, 1):
            return True
        # Values printed once per epoch, where the output never shows a finer step: at the
        # epoch they belong to, in order (the script's step counter is not in the output).
        if epoch_only and None not in truth_epochs and _same_epochs(got_epochs, truth_epochs):
            return all(b > a for a, b in zip(got_steps, got_steps[1:], strict=False))
        return False
    if kind == "epoch" and None not in truth_epochs:
        if None not in got_epochs:
            offsets = {g - t for g, t in zip(got_epochs, truth_epochs, strict=True)}
            if len(offsets) == 1 and offsets.pop() in (-1, 0, 1):
                return True
        # Without epochs: one point per epoch, in strictly increasing steps.
        return all(b > a for a, b in zip(got_steps, got_steps[1:], strict=False)) and len(
            set(got_steps)
        ) == len(got_steps)
    # Trials, or no order kept: strictly increasing steps are right.
    return all(b > a for a, b in zip(got_steps, got_steps[1:], strict=False))


def score_entry(entry: str, chunk: int = 1 << 16, corpus: Path | None = None) -> EntryScore:
    """Parse ``<entry>.txt`` and score it against ``<entry>.truth.json`` (in ``corpus``)."""
    corpus = corpus or CORPUS
    truth = json.loads((corpus / f"{entry}.truth.json").read_text())
    parsed = parse((corpus / f"{entry}.txt").read_bytes(), chunk)
    by_words: dict[tuple[str, ...], list[str]] = {}
    for name in parsed:
        by_words.setdefault(words(name), []).append(name)
    used: set[str] = set()
    kind = truth.get("step_kind", "global")
    # Whether the output shows nothing finer than epochs (every series has one value per
    # epoch): then values at their epoch, in order, are at the right place.
    epoch_only = all(
        len({p[1] for p in s["points"]}) == len(s["points"]) for s in truth["series"].values()
    )
    scores = []
    for name, series in truth["series"].items():
        points = series["points"]
        candidates = by_words.get(words(name), [])
        # Two printed series with the same words (`Best value` and the script's `best value`)
        # are two stored ones: a stored series another truth series took is the last resort.
        fresh = [c for c in candidates if c not in used]
        best: tuple[int, str | None, list] = (0, None, [])
        for candidate in fresh + [c for c in candidates if c in used]:
            pairs = _match_values(points, parsed[candidate].points)
            if len(pairs) > best[0]:
                best = (len(pairs), candidate, pairs)
        found, stored_as, pairs = best
        if stored_as is not None:
            used.add(stored_as)
        scores.append(
            SeriesScore(name, len(points), found, stored_as, _steps_right(kind, pairs, epoch_only))
        )
    # extra_ok entries are descriptions (`total (elapsed time)`): a stored name whose words all
    # appear in one of them is that quantity.
    extra = [set(words(name)) for name in truth.get("extra_ok", [])]
    invented = [
        name
        for name in parsed
        if name not in used and not any(set(words(name)) <= described for described in extra)
    ]
    return EntryScore(entry, scores, sorted(parsed), sorted(invented))


def library_of(entry: str, corpus: Path | None = None) -> str:
    """The library an entry comes from (its truth file says, with its version)."""
    truth = json.loads(((corpus or CORPUS) / f"{entry}.truth.json").read_text())
    return str(truth.get("library", entry)).split()[0].lower()


def entries(corpus: Path | None = None) -> list[str]:
    """Every corpus entry that has a truth file."""
    return sorted(p.name[: -len(".truth.json")] for p in (corpus or CORPUS).glob("*.truth.json"))


def summary(scores: list[EntryScore]) -> dict[str, float]:
    """Totals over entries: value recall, series recall, steps, precision."""
    values = sum(s.values for s in scores)
    found = sum(s.found for s in scores)
    series = sum(len(s.series) for s in scores)
    complete = sum(s.complete for s in scores)
    with_values = sum(s.with_values for s in scores)
    steps = sum(s.steps_right for s in scores)
    stored = sum(len(s.stored) for s in scores)
    invented = sum(len(s.invented) for s in scores)
    return {
        "value_recall": found / values if values else 1.0,
        "series_recall": complete / series if series else 1.0,
        "steps": steps / with_values if with_values else 1.0,
        "precision": (stored - invented) / stored if stored else 1.0,
    }


def main(argv: list[str]) -> int:
    chosen = argv or entries()
    scores = [score_entry(entry) for entry in chosen]
    for s in scores:
        print(
            f"{s.entry:45} values {s.found:5}/{s.values:<5} series {s.complete:3}/{len(s.series):<3}"
            f" steps {s.steps_right:3}/{s.with_values:<3} stored {len(s.stored):3}"
            f" invented {len(s.invented):3}"
        )
        for series in s.series:
            if series.found != series.values or not series.steps_right:
                print(
                    f"    {series.name!r}: {series.found}/{series.values}"
                    f" as {series.stored_as!r} steps {'ok' if series.steps_right else 'WRONG'}"
                )
        if s.invented:
            print(f"    invented: {s.invented[:12]}")
    totals = summary(scores)
    print(" ".join(f"{k} {v:.3f}" for k, v in totals.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
