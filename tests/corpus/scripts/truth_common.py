"""Shared helpers for building `.truth.json` files from a library's own record and its console.

The builders (build_truth_torch.py) read what the console shows with patterns specific to each
library (this is ground-truth tooling, not the parser under test), match every printed value to a
point of the library's record, and keep only the points the console shows. Every printed value
must match a record point, or the builder stops: nothing is guessed.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]|\x1b[=>78M]")
ROOT = Path(__file__).resolve().parents[3]
CONSOLE = ROOT / "tests" / "corpus" / "console"


def read_console(entry: str) -> str:
    return (CONSOLE / f"{entry}.txt").read_bytes().decode("utf-8", "replace")


def plain(text: str) -> str:
    """Colours and cursor moves removed; \\r and \\n kept."""
    return ANSI.sub("", text)


def segments(text: str) -> list[str]:
    """Every piece of the output between carriage returns / newlines, colours removed."""
    return [s for s in re.split(r"[\r\n]", plain(text)) if s.strip()]


@dataclass
class Point:
    name: str
    step: int | None
    epoch: float | int | None
    value: float
    order: int = 0  # position in the record


@dataclass
class Record:
    points: list[Point] = field(default_factory=list)

    def add(self, name: str, step, epoch, value) -> None:
        self.points.append(Point(name, step, epoch, float(value), len(self.points)))

    def names(self) -> list[str]:
        seen: dict[str, None] = {}
        for p in self.points:
            seen.setdefault(p.name, None)
        return list(seen)

    def of(self, name: str) -> list[Point]:
        return [p for p in self.points if p.name == name]


class Matcher:
    """Matches printed (name, text) to record points; remembers which points the console shows."""

    def __init__(self, record: Record, fmt, aliases: dict[str, str] | None = None):
        self.record = record
        self.fmt = fmt  # fmt(record_name, value) -> printed text, or a predicate(value, text)
        self.aliases = aliases or {}  # printed name -> record name
        self.shown: dict[str, dict[int, Point]] = {}
        self.count = 0

    def match(
        self, printed_name: str, text: str, max_step=None, min_step=None, pick="latest"
    ) -> Point:
        rname = self.aliases.get(printed_name, printed_name)
        cands = [p for p in self.record.of(rname) if self._same(rname, p.value, text)]
        if max_step is not None:
            cands = [p for p in cands if p.step is not None and p.step <= max_step]
        if min_step is not None:
            cands = [p for p in cands if p.step is not None and p.step >= min_step]
        if not cands:
            raise SystemExit(
                f"no record point for printed {printed_name}={text} (steps {min_step}..{max_step})"
            )
        p = cands[-1] if pick == "latest" else cands[0]
        self.shown.setdefault(printed_name, {})[p.order] = p
        self.count += 1
        return p

    def _same(self, rname: str, value: float, text: str) -> bool:
        out = self.fmt(rname, value)
        if isinstance(out, bool):
            return out
        return out == text

    def series(self) -> dict:
        out = {}
        for name, pts in sorted(self.shown.items(), key=lambda kv: min(kv[1])):
            ordered = [pts[k] for k in sorted(pts)]
            out[name] = {"points": [[p.step, p.epoch, p.value] for p in ordered]}
        return out


def full_float_equal(value: float, text: str) -> bool:
    try:
        return float(text) == value or (math.isnan(value) and text.lower() == "nan")
    except ValueError:
        return False


def write_truth(
    entry: str,
    *,
    library: str,
    script: str,
    command: str,
    mode: str,
    record: str,
    step_kind: str,
    series: dict,
    extra_ok: list[str],
    not_printed: list[str],
    notes: str,
) -> None:
    doc = {
        "library": library,
        "script": script,
        "command": command,
        "mode": mode,
        "record": record,
        "step_kind": step_kind,
        "series": series,
        "extra_ok": extra_ok,
        "not_printed": not_printed,
        "notes": notes,
    }
    path = CONSOLE / f"{entry}.truth.json"
    path.write_text(json.dumps(doc, indent=1) + "\n")
    n = sum(len(s["points"]) for s in series.values())
    print(f"{entry}: {len(series)} series, {n} points -> {path.relative_to(ROOT)}")
