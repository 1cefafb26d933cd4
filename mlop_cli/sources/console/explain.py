"""What the console reader makes of each line of a log, and why (``mlop parse``).

For a user whose format is not read: every line holding a number is shown with the metrics read
from it (name, value, step, epoch) and the shape that matched, or the reason nothing was read,
so that what to pass as ``--pattern`` is plain to see.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from mlop_cli.sources.console.lines import LineAssembler
from mlop_cli.sources.console.noise import DumpSkipper, is_noise
from mlop_cli.sources.console.patterns import apply_patterns
from mlop_cli.sources.console.prefix import JOINERS, split_prefix
from mlop_cli.sources.console.reader import Reader
from mlop_cli.sources.console.shapes import STOP_WORDS, fold_glyphs, interpret
from mlop_cli.sources.console.tokens import VALUE_TOKEN, is_value

_SIZE = re.compile(r"\d\s*[KMGTP]i?B\b")
_WORD = re.compile(r"[A-Za-z]+")


@dataclass
class LineReport:
    """One line of the log and what was read from it."""

    number: int  # 1-based, as an editor shows it
    text: str
    points: list[tuple[str, int | None, float | None, float]] = field(default_factory=list)
    shape: str = ""  # what matched: pairs, object, progress bar, table row, boxed table, ...
    note: str = ""  # why nothing was read, or what else to know

    def as_dict(self) -> dict:
        """The report as JSON-ready data."""
        return {
            "line": self.number,
            "text": self.text,
            "shape": self.shape,
            "note": self.note,
            "points": [
                {"name": name, "step": step, "epoch": epoch, "value": value}
                for name, step, epoch, value in self.points
            ],
        }


def explain(
    data: Iterable[bytes], patterns: list[re.Pattern[str]] | None = None, builtins: bool = True
) -> Iterator[LineReport]:
    """Read a log as the console indexer does, one report per line (blank lines left out).

    Args:
        data: The log's bytes, in reads of any size.
        patterns: Custom patterns (``--pattern``), applied as ``mlop run`` applies them.
        builtins: Whether the built-in reader runs.
    """
    collected: list[tuple[str, int | None, float | None, float]] = []

    seen: set[str] = set()

    def emit(names, step, epoch, values, when) -> None:  # Reader's callback
        collected.extend(
            (name, step, epoch, value) for name, value in zip(names, values, strict=True)
        )
        seen.update(names)

    faults: list[Exception] = []

    def fault(error: Exception, line: str) -> None:  # a reader bug costs its line, as in a run
        faults.append(error)

    reader = Reader(emit, known=seen.__contains__, on_error=fault)
    assembler = LineAssembler()
    skipper = DumpSkipper()
    number = 0
    held = ""  # a record whose wrapped lines may come in the next read
    for chunk in [*data, None]:
        text = assembler.feed(chunk, 0.0) if chunk is not None else assembler.finish()
        if not text and not (held and chunk is None):
            continue
        physical = (f"{held}\n{text}" if held else text).split("\n")
        # A record a column layout wrapped (rich's logging handler) or pprint wrapped is
        # read whole, as the indexer reads it; its wrapped lines are reported as its own.
        text, held, spans = _join(text, held, chunk is None)
        at = 0
        for line, span in zip(text.split("\n") if text else [], spans, strict=False):
            parts = physical[at : at + span]
            at += span
            number += 1
            first = number
            if not line.strip():
                number += span - 1
                if builtins:
                    skipper.skip(line)  # (a blank line ends a configuration printout)
                    reader.read(1, line, 0.0, 0.0, final=True)  # (and a titled block, a box)
                continue
            report = LineReport(number, parts[0])
            if builtins:
                skipped = skipper.skip(line)
                before = len(collected)
                bar_before = dict(reader._bar_pending)
                held_before = (len(reader._held), reader._count_held_total)
                lump_before = len(reader._lump)
                stream = reader._streams.get(1)
                listed_before = len(stream.listing or ()) if stream is not None else 0
                faults.clear()
                reader.read(1, skipped, 0.0, 0.0, final=True)
                report.points = collected[before:]
                _describe(report, skipped, reader, bar_before, held_before)
                if faults:
                    report.shape = "error"
                    report.note = (
                        f"mlop's reader failed on this line ({type(faults[0]).__name__}: "
                        f"{faults[0]}); the line is skipped, as in a run: please report it"
                    )
                stream = reader._streams.get(1)
                if (
                    stream is not None
                    and stream.listing_series
                    and len(stream.listing or ()) > listed_before
                ):
                    report.shape = "held"
                    report.note = (
                        "a `name  value` row, held to the end of its column: a pandas Series "
                        "(its last line `dtype: …`) indexed by items of the data, not by "
                        "measures, holds no metric; any other column is read"
                    )
                elif stream is not None and len(stream.listing or ()) > listed_before:
                    report.shape = "held"
                    report.note = (
                        "a line of an indented `key: value` listing, decided where it ends: "
                        "read, or an object's settings when its values are as often flags or "
                        "lists as numbers (`print(optimizer)`)"
                    )
                elif not report.points and len(reader._lump) > lump_before:
                    report.shape = "held"
                    report.note = (
                        "a record waiting for its step: read when a progress bar or the end "
                        "of the output says where it is"
                    )
            if patterns:
                _apply_patterns(report, patterns)
            yield report
            for part in parts[1:]:
                number += 1
                wrapped = LineReport(number, part)
                if builtins:
                    wrapped.shape = "wrapped"
                    wrapped.note = f"the rest of line {first}'s record, read with it"
                if patterns:
                    _apply_patterns(wrapped, patterns)  # as `mlop run` applies them: per line
                yield wrapped
    if builtins:
        # The end of the output: what the reader held until then is decided (records waiting
        # for a step, values kept aside), as the indexer decides it when the run ends.
        before = len(collected)
        reader.close()
        if len(collected) > before:
            yield LineReport(
                number + 1,
                "(end of the output)",
                collected[before:],
                "held until the end",
                "values of earlier lines, read once the output ended",
            )


def _join(text: str, held: str, final: bool) -> tuple[str, str, list[int]]:
    """The block's records as the reader joins them (prefix.JOINERS, in turn), what is held
    for the next block, and how many of the block's lines (``held``'s first) each record is
    made of."""
    spans: list[int] | None = None
    kept: list[str] = []  # what each joiner held back; a later joiner's lines come first
    for join, _ in JOINERS:
        counts: list[int] = []
        text, rest = join(text, held if spans is None else "", final, counts)
        if spans is not None:  # each record of this pass, in lines of the ones before
            at, spans_before, spans = 0, spans, []
            for count in counts:
                spans.append(sum(spans_before[at : at + count]))
                at += count
        else:
            spans = counts
        if rest:
            kept.insert(0, rest)
    return text, "\n".join(kept), spans or []


def _apply_patterns(report: LineReport, patterns: list[re.Pattern[str]]) -> None:
    """Add what custom patterns read from the report's line."""
    step, epoch, pairs = apply_patterns(patterns, report.text)
    report.points += [(name, step, epoch, value) for name, value in pairs]
    if pairs:
        report.shape = (report.shape + ", " if report.shape else "") + "--pattern"
        report.note = ""


def _describe(
    report: LineReport, line: str, reader: Reader, bar_before: dict, held_before: tuple[int, int]
) -> None:
    """Say which shape matched the line, or why nothing was read (``held_before``: how many
    values and counts the reader held before the line)."""
    folded = fold_glyphs(line)
    tokens = VALUE_TOKEN.findall(folded)
    if not line.strip() and report.text.strip():
        report.shape, report.note = "skipped", "inside a configuration dump or a model printout"
        return
    program = interpret(folded)
    held = len(reader._held) > held_before[0]
    if reader._count_held_total > held_before[1]:
        report.shape = "count"
        report.note = (
            "a count (a size, a number of things): kept aside while it stays the same whole "
            "number, stored as a series from its first point once it changes"
        )
        return
    pending_now = {
        name: value for name, value in reader._bar_pending.items() if bar_before.get(name) != value
    }
    if report.points or pending_now:
        if program.bar:
            report.shape = "progress bar"
            if pending_now:
                report.note = "one point per position: stored when the bar moves on"
        elif program.row or (reader._streams.get(1) and reader._streams[1].table):
            report.shape = "table row"
        elif folded.lstrip()[:1] in "{":
            report.shape = "record (JSON or dict)"
        elif folded.lstrip()[:1] in "|│┃":
            report.shape = "boxed table"
        else:
            report.shape = "pairs"
        for name, (step, epoch, value, _when) in pending_now.items():
            if not any(p[0] == name for p in report.points):
                report.points.append((name, step, epoch, value))
        return
    state = reader._streams.get(1)
    if not tokens:
        if state is not None and state.header is not None and state.header[0] == folded:
            report.shape, report.note = "table header", "its columns name the rows under it"
        elif state is not None and state.box is not None:
            report.shape, report.note = "boxed table", "a section or a rule"
        else:
            report.shape, report.note = "text", "no number"
        return
    if not any(is_value(t) for t in tokens):
        report.shape, report.note = "text", "only times, dates or versions"
        return
    prefix = split_prefix(folded)
    message = folded[prefix.start : prefix.end]
    if is_noise(message) or is_noise(folded):
        report.shape, report.note = "skipped", "a configuration, a banner or a warning, not metrics"
        return
    if not program.metrics and (
        program.step is not None or program.epoch is not None or program.position is not None
    ):
        report.shape, report.note = "counter", "a step, epoch or position for the lines around it"
        return
    if state is not None and state.settings_block:
        report.shape, report.note = "settings", "a logged title naming settings, and its records"
        return
    if held:
        report.shape = "held"
        report.note = (
            "printed before the training output began: kept aside as configuration, stored "
            "only if the name comes back later"
        )
        return
    if program.bar:
        report.shape, report.note = "progress bar", "its description and counts are not metrics"
        return
    if program.step is not None or program.epoch is not None or program.position is not None:
        report.shape, report.note = "counter", "a step, epoch or position for the lines around it"
        return
    if program.dropped:
        report.shape, report.note = "settings", program.dropped
        return
    words = [w.lower() for w in _WORD.findall(message)]
    if any(w in STOP_WORDS for w in words):
        report.shape, report.note = "prose", "a sentence with numbers, not name-value pairs"
        return
    if _SIZE.search(message):
        report.shape, report.note = "size", "a value in bytes: mlop samples memory itself"
        return
    report.shape, report.note = (
        "text",
        "numbers without a name right before them; pass --pattern to read this format",
    )
