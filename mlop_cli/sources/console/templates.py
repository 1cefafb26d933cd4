"""Line templates: the shape of a repeated metric line, read over a whole block at C speed.

Training scripts print one line shape over and over (``step=12 loss=0.25 acc=0.91``). Once
:func:`~mlop_cli.sources.console.parsers.parse_block` has read a line, :func:`learn` turns it
into a :class:`Template`: the literal text between its values, each value a capture group,
e.g. ``^step=(N) loss=(N) acc=(N)$``. Later blocks are matched against the cached templates
with one ``findall`` each; the rows that match are transposed into columns and converted with
``map(float, ...)``, with no Python code per line. Lines no template matches go through
``parse_block`` as before.

A template only ever stands for what ``parse_block`` would read: it is learned only from a
record the block scan reads completely (no JSON, pipes, tabs, progress bars, rank prefixes
or repeated names), its literal text is the record's own, and its value groups are the scan's
own number regexes, so a line it matches is scanned alike. :func:`learn` also checks the
template against the line it came from. ``tests/test_console_templates.py`` checks the
equivalence on generated lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from mlop_cli.sources.console.numbers import NUMBER, parse_step
from mlop_cli.sources.console.parsers import (
    _EPOCH,
    _IGNORED,
    _KEY_KINDS,
    _SCAN,
    EPOCH_NAMES,
    parse_block,
)

MAX_TEMPLATES = 4
"""Templates kept per stream, most recently useful first."""

_MAX_VALUES = 64  # a line with more values than this is not worth a template

# What one value group of a template is: a metric, a step or an epoch (a key's epoch both).
_METRIC, _STEP_KEY, _STEP_WORD, _EPOCH_KEY, _EPOCH_WORD = 1, 2, 3, 4, 5


class Template:
    """One learned line shape and how to turn its matches into steps and metric values.

    Attributes:
        regex: ``^(?:shape)$|^(.*)$`` with ``re.M``: ``findall`` gives one tuple per line, the
            shape's values when it matches (never empty), else the line itself last.
        names: Metric names, in printed order.
        columns: The group index of each metric in ``names``.
        step: ``(group, kind)`` of the last step value on the line, or None.
        epochs: ``(group, kind)`` of each epoch value, in printed order.
    """

    __slots__ = ("regex", "names", "columns", "step", "epochs")

    def __init__(
        self,
        shape: str,
        names: list[str],
        columns: list[int],
        step: tuple[int, int] | None,
        epochs: list[tuple[int, int]],
    ) -> None:
        self.regex = re.compile(rf"^(?:{shape})$|^(.*)$", re.M)
        self.names = names
        self.columns = columns
        self.step = step
        self.epochs = epochs

    def steps(self, cols: list[tuple[str, ...]]) -> list[int | None] | None:
        """The step of each matched row (None: the metric's own counter), or None for all."""
        steps: list[int | None] | None = None
        if self.step is not None:
            col = cols[self.step[0]]
            try:
                steps = list(map(int, col))
            except ValueError:  # `1e3`, `12.0`, `nan` (never a step word's `\d+`)
                steps = [parse_step(v) for v in col]
            if None not in steps:
                return steps
        if not self.epochs:
            return steps
        epochs = self._epochs(cols)
        if steps is None:
            return epochs
        return [e if s is None else s for s, e in zip(steps, epochs, strict=True)]

    def _epochs(self, cols: list[tuple[str, ...]]) -> list[int | None]:
        group, kind = self.epochs[-1]
        if kind == _EPOCH_WORD:  # always an integer: it wins whatever came before
            return list(map(int, cols[group]))
        out: list[int | None] = []
        for row in zip(*(cols[g] for g, _ in self.epochs), strict=True):
            epoch = None
            for value in row:
                if value.isdigit():
                    epoch = int(value)
            out.append(epoch)
        return out


def learn(line: str) -> Template | None:
    """Derive the template of a record the block scan reads, or None when there is none.

    Args:
        line: One record, ANSI-free, without its terminator.

    Returns:
        The template, or None for a record with no metric, with something the scan leaves to
        ``parse_line`` (JSON, pipes, tabs, bars, rank prefixes), or with a repeated name.
    """
    text = "\n" + line
    shape: list[str] = []
    names: list[str] = []
    columns: list[int] = []
    step: tuple[int, int] | None = None
    epochs: list[tuple[int, int]] = []
    pos = 1
    group = 0
    for m in _SCAN.finditer(text):
        _delim, key, quote, _value, word, _word_value, rank = m.groups()
        if key:
            start, end = m.span(4)
            kind = _KEY_KINDS.get(key)
            if kind is None or kind == _EPOCH:
                if key in names:
                    return None
                names.append(key)
                columns.append(group)
                if kind == _EPOCH and not quote:  # a quoted epoch is never the step
                    epochs.append((group, _EPOCH_KEY))
            elif kind != _IGNORED:
                step = (group, _STEP_KEY)
            value_regex = NUMBER
        elif word:
            start, end = m.span(6)
            if word in EPOCH_NAMES:
                epochs.append((group, _EPOCH_WORD))
            else:
                step = (group, _STEP_WORD)
            value_regex = r"\d+"
        elif m.start() == 0 and not rank:
            continue  # the start of the line, nothing on it
        else:
            return None  # a rank prefix or a marker for parse_line
        shape.append(re.escape(text[pos:start]))
        shape.append(f"({value_regex})")
        pos = end
        group += 1
        if group > _MAX_VALUES:
            return None
    if not names:
        return None
    shape.append(re.escape(text[pos:]))
    template = Template("".join(shape), names, columns, step, epochs)
    return template if _agrees(template, line) else None


def _agrees(template: Template, line: str) -> bool:
    """Whether the template reads ``line`` exactly as parse_block does (a cheap safeguard)."""
    rows = template.regex.findall(line)
    if len(rows) != 1 or not rows[0][0]:
        return False
    cols = list(zip(*rows, strict=True))
    steps = template.steps(cols)
    values = [
        (name, float(cols[g][0])) for name, g in zip(template.names, template.columns, strict=True)
    ]
    got = [(0, None if steps is None else steps[0], values)]
    return repr(got) == repr(parse_block(line))


class Columns:
    """Rows of one template, as columns.

    Attributes:
        first: Index of the first row's record in the block.
        count: Number of rows.
        names: Metric names.
        values: One list of floats per name.
        steps: The step of each row (None: the metric's counter), or None for all rows.
    """

    __slots__ = ("first", "count", "names", "values", "steps")

    def __init__(
        self,
        first: int,
        count: int,
        names: list[str],
        values: list[list[float]],
        steps: list[int | None] | None,
    ) -> None:
        self.first = first
        self.count = count
        self.names = names
        self.values = values
        self.steps = steps


class TemplateCache:
    """The templates of one stream and the splitting of its blocks into columns and records.

    Args:
        parse: Reads the records no template matches (``parse_block`` with its options).
    """

    def __init__(self, parse: Callable[[str], list] = parse_block) -> None:
        self._parse = parse
        self.templates: list[Template] = []

    def read(self, text: str) -> list[Columns | tuple[int, list]]:
        """Read a block of ``\\n``-separated records.

        Args:
            text: The block, as :class:`~mlop_cli.sources.console.lines.LineAssembler` gives it.

        Returns:
            In record order: :class:`Columns` for runs of rows a template matched, and
            ``(offset, records)`` for the rest, where ``records`` are parse_block's with
            indexes relative to ``offset``.
        """
        out: list[Columns | tuple[int, list]] = []
        used: list[Template] = []
        learned: list[Template] = []
        self._read(text, 0, self.templates, out, used, learned)
        if used or learned:
            rest = [t for t in self.templates if t not in used]
            self.templates = (used + learned + rest)[:MAX_TEMPLATES]
        return out

    def _read(
        self,
        text: str,
        offset: int,
        templates: list[Template],
        out: list,
        used: list[Template],
        learned: list[Template],
    ) -> None:
        if not templates:
            records = self._parse(text)
            out.append((offset, records))
            if records and not learned:
                self._learn(text, records, learned)
            return
        template, others = templates[0], templates[1:]
        cols = list(zip(*template.regex.findall(text), strict=True))
        hits = cols[0]
        if "" not in hits:
            used.append(template)
            out.append(self._columns(template, cols, offset, 0, len(hits)))
            return
        if not any(hits):
            self._read(text, offset, others, out, used, learned)
            return
        used.append(template)
        lines = cols[-1]
        count = len(hits)
        start = 0
        while start < count:
            hit = bool(hits[start])
            end = start + 1
            while end < count and bool(hits[end]) == hit:
                end += 1
            if hit:
                out.append(self._columns(template, cols, offset, start, end))
            else:
                self._read("\n".join(lines[start:end]), offset + start, others, out, used, learned)
            start = end

    @staticmethod
    def _columns(template: Template, cols: list, offset: int, start: int, end: int) -> Columns:
        if start or end != len(cols[0]):
            cols = [c[start:end] for c in cols]
        values = [list(map(float, cols[g])) for g in template.columns]
        return Columns(offset + start, end - start, template.names, values, template.steps(cols))

    def _learn(self, text: str, records: list, learned: list[Template]) -> None:
        lines = text.split("\n")
        for index, _step, _pairs in records[:3]:
            line = lines[index]
            template = learn(line)
            if template is not None:
                key = template.regex.pattern
                if all(t.regex.pattern != key for t in self.templates):
                    learned.append(template)
                return
