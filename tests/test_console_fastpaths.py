"""The console reader's quick paths read exactly what its careful, line-by-line path reads.

Each quick path (a run of lines of one shape read as columns) is switched off in a second
parse of the same output; every point (name, step, epoch, time, value) and event must match,
and the quick path must have been taken.
"""

from __future__ import annotations

import math
import re

import pytest

from mlop_cli.records import Event, Points
from mlop_cli.sources.console import ConsoleSource
from mlop_cli.sources.console.reader import Reader


def _parse(data: bytes, chunk: int) -> tuple[list, list, int]:
    points: list = []
    events: list = []

    def sink(record: object) -> None:
        if isinstance(record, Points):
            epochs = record.epochs or [math.nan] * len(record.values)
            for step, epoch, when, value in zip(
                record.steps, epochs, record.times, record.values, strict=True
            ):
                points.append((record.metric, step, repr(epoch), when, repr(value)))
        elif isinstance(record, Event):
            events.append((record.kind, record.message))

    source = ConsoleSource(sink, clock=lambda: 0.0)
    if chunk:
        reads = [data[start : start + chunk] for start in range(0, len(data), chunk)]
    else:  # a read per record, as a terminal program writes them (`\r` opens a redraw)
        reads = [read for read in re.split(rb"(?=\r)|(?<=\n)", data) if read]
    for index, read in enumerate(reads):
        source.feed(1, read, float(index))
        source.flush()
    source.close()
    return sorted(points, key=lambda p: p[0]), events, source.points


def _both(
    monkeypatch: pytest.MonkeyPatch, data: bytes, chunk: int, gate: str, path: str
) -> tuple[tuple, tuple]:
    """The parse with the quick path ``path`` (asserting it was taken) and without it (its
    gate ``gate`` refusing)."""
    taken = []
    quick = getattr(Reader, path)

    def spy(self, *args, **kwargs):
        done = quick(self, *args, **kwargs)
        taken.append(done)
        return done

    with monkeypatch.context() as patch:
        patch.setattr(Reader, path, spy)
        fast = _parse(data, chunk)
    assert any(taken), f"{path} was never taken"
    with monkeypatch.context() as patch:
        patch.setattr(Reader, gate, lambda self, *args: False)
        careful = _parse(data, chunk)
    return fast, careful


def _records(count: int, start: int = 0) -> list[str]:
    return [
        f"{{'loss': {1 / (i + 1):.4f}, 'grad_norm': {i % 7}.25, 'learning_rate': 4.5e-05, "
        f"'epoch': {i / 40:.2f}}}"
        for i in range(start, start + count)
    ]


@pytest.mark.parametrize("chunk", [1 << 16, 997])
def test_records_at_epochs_as_columns_read_as_one_by_one(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """Records at fractional epochs without a bar (ticks per epoch), read as columns: the
    same steps, epochs, times and values, through what interrupts a run of them (a NaN or
    infinite epoch, a value that is a time, another shape, a count's name, a blank line)."""
    lines = _records(1000)  # past the 200 records held waiting for a bar, and 64 KiB
    lines += ["{'loss': 0.5, 'grad_norm': 1.25, 'learning_rate': 4.5e-05, 'epoch': nan}"]
    lines += _records(30, 1000)
    lines += ["{'loss': 00:12, 'grad_norm': 1.25, 'learning_rate': 4.5e-05, 'epoch': 7.00}"]
    lines += _records(30, 1030)
    lines += ["step 400: train loss 0.25", ""]
    lines += ["{'loss': 0.5, 'grad_norm': 1.25, 'learning_rate': 4.5e-05, 'epoch': inf}"]
    lines += _records(30, 1060)
    lines += ["{'num_tokens': 512, 'loss': 0.25, 'epoch': 9.5}"] * 3
    lines += _records(900, 1090)
    # The same records with a rank's tag, then at epochs that come back (one tick each).
    lines += ["[rank1]: " + line for line in _records(900, 2000)]
    lines += _records(900, 0)
    data = ("\n".join(lines) + "\n").encode()
    fast, careful = _both(monkeypatch, data, chunk, "_ticks_ok", "_record_columns")
    assert fast == careful
    assert len(fast[0]) > 3 * 3000


def test_record_columns_grow_epochs_of_an_older_series(monkeypatch: pytest.MonkeyPatch) -> None:
    """A name stored without epochs (`loss` on plain lines) that then comes in records at
    epochs gets NaN epochs for its earlier points, as line by line."""
    lines = [f"loss {i / 10:.2f}" for i in range(1, 30)] + _records(600)
    data = ("\n".join(lines) + "\n").encode()
    fast, careful = _both(monkeypatch, data, 4093, "_ticks_ok", "_record_columns")
    assert fast == careful


def _table(epochs: range, bar: bool = False, time_at: int = -1) -> list[str]:
    lines = [
        "  epoch    train_loss    valid_acc    valid_loss     dur",
        "-------  ------------  -----------  ------------  ------",
    ]
    for i in epochs:
        if bar:
            lines.append(f" 50%|#####     | 1/2 [00:0{i % 10}<00:01, 2.{i % 10}it/s]")
        dur = "00:12" if i == time_at else f"{i % 10}.0112"
        lines.append(
            f"{i:>7}  {1 / (i + 1):>12.4f}  {(i % 97) / 97 - 0.1:>11.4f}  {2 / (i + 1):>12.4f}  {dur}"
        )
    return lines


@pytest.mark.parametrize("chunk", [1 << 16, 4093, 0])
def test_table_rows_by_template_read_as_one_by_one(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """A table's rows read by their template: the same points as each row read in full,
    through bars drawn between rows, a row with a time where a number was, negative values,
    a NaN, a second table of the same columns, text ending a table and a box after it."""
    lines = _table(range(1, 400), time_at=150)
    lines += ["    400        nan       -0.2500        0.0100  1.0112"]
    lines += _table(range(1, 300), bar=True)  # a new table: its rows are its own
    lines += ["Training done, evaluating the best model on 1000 samples"]
    lines += ["      1        0.2500        0.5000        0.1000  1.0000"] * 3
    lines += [
        "+-----------+-------+",
        "| eval/loss | 0.25  |",
        "| eval/acc  | 0.9   |",
        "+-----------+-------+",
    ]
    lines += _table(range(1000, 3000))
    # An indented table, rows after a bar's redraw.
    lines += ["        " + line for line in _table(range(1, 200), bar=True)]
    data = ("\n".join(lines) + "\n").encode()
    fast, careful = _both(monkeypatch, data, chunk, "_rows_ok", "_rows_ok")
    assert fast == careful
    assert len(fast[0]) > 4 * 2500  # rows of four metrics (and dur) were read


def _bars(epochs: int, total: int, redraws: int = 1, metrics: bool = True) -> str:
    out = []
    for epoch in range(epochs):
        for position in range(total + 1):
            for redraw in range(redraws):
                postfix = f", loss={1 / (epoch * total + position + 1 + redraw):.3g}, v_num=0"
                out.append(
                    # Zero-padded: every redraw of an epoch has one shape (one template).
                    f"\rEpoch {epoch}: {100 * position // total:03d}%|###       | "
                    f"{position:03d}/{total} "
                    f"[00:01<00:02, 25.12it/s{postfix if metrics else ''}]"
                )
        out.append("\n")
    return "".join(out)


def _keras(epochs: int, total: int) -> str:
    out = []
    for epoch in range(1, epochs + 1):
        out.append(f"Epoch {epoch}/{epochs}\n")
        for position in range(1, total + 1):
            done = "=" * (30 * position // total)
            out.append(
                f"\r{position:4d}/{total} [{done:.<30}] - ETA: 0s - loss: {1 / position:.4f}"
                f" - accuracy: {position / total:.4f}"
            )
        out.append(f" - val_loss: {epoch / 10:.4f} - val_accuracy: 0.5000\n")
    return "".join(out)


@pytest.mark.parametrize("chunk", [1 << 16, 4093, 0])
def test_bar_redraws_read_as_one_by_one(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    """A bar's redraws read as a run: one point per position (the last value drawn there),
    the same steps and epochs as each redraw read in full, through a data preparation bar,
    redraws at one position, bars without metrics, a NaN value, a shorter bar inside the
    run's, epochs that restart the positions, values per epoch after them and Keras' lines."""
    # Preparing data: a bar done before any metric (its positions are not the run's steps).
    text = "".join(
        f"\rScanning images: {2 * i:03d}%|###       | {i:03d}/50 [00:01<00:02, 25.12it/s]"
        for i in range(51)
    )
    text += "\n"
    text += "loading the model\n"
    text += "Epoch 1: val_loss=0.300\n"  # no finer step: not at the preparation bar's end
    text += _bars(3, 300, redraws=2)
    text += "\rEpoch 3:  50%|#####     | 150/300 [00:01<00:02, 25.12it/s, loss=nan, v_num=0]\n"
    text += "\rValidation: 50%|#####     | 5/10 [00:01<00:02, 25.12it/s]" * 40 + "\n"
    text += _bars(2, 400)
    # Values per epoch, placed at each epoch's last step the bar showed.
    text += "".join(f"Epoch {epoch}: val_loss={epoch / 10 + 0.05:.3f}\n" for epoch in range(2))
    text += _bars(2, 400, metrics=False)
    text += _keras(3, 400)
    data = text.encode()
    fast, careful = _both(monkeypatch, data, chunk, "_bars_ok", "_bar_rows")
    assert fast == careful
    assert len(fast[0]) > 3 * 300


def _lightning(epochs: int, total: int) -> str:
    """Lightning's bar: the validation's value joins the postfix at the epoch's end and is
    shown again at every position of the next epoch; each epoch's bar starts over at 0."""
    out = []
    val = ""
    for epoch in range(epochs):
        for position in range(total + 1):
            loss = f"{1 / (epoch * total + position + 1):.3g}"
            out.append(
                f"\rEpoch {epoch}: {100 * position // total:03d}%|###       | "
                f"{position:03d}/{total} [00:01<00:02, 25.12it/s, loss={loss}, v_num=0{val}]"
            )
        val = f", val_loss={0.5 / (epoch + 1):.3f}"
        out.append(out[-1][:-1] + f"{val}]")  # the end redrawn with the validation's value
        out.append(out[-1])
    return "".join(out) + "\n"


@pytest.mark.parametrize("chunk", [1 << 16, 4093, 0])
def test_epoch_values_on_a_bar_read_as_one_by_one(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """An epoch's value shown on the bar at every position of the next epoch, and the bar
    drawn again at 0 when an epoch starts: read as a run, the same points as redraw by
    redraw."""
    data = _lightning(6, 500).encode()
    fast, careful = _both(monkeypatch, data, chunk, "_bars_ok", "_bar_rows")
    assert fast == careful
    assert any(point[0] == "val_loss" for point in fast[0])


@pytest.mark.parametrize("chunk", [1 << 16, 4093, 0])
def test_lines_without_numbers_read_as_in_full(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    """Lines holding no number, passed over at once: the same points as each read in full,
    around what such a line can start (a table's header, a rule, a box after a rank's tag,
    a name whose value wraps onto the next line of a bar, a pandas index's name)."""
    lines: list[str] = []
    for i in range(300):
        lines += [
            "Downloading model weights from the hub, please wait",
            f"2026-11-22 10:31:04,123 - INFO - loading shard {i} of the dataset",
        ]
        if i % 50 == 10:
            lines += [
                "epoch    train_loss    valid_loss",
                "-----  ------------  ------------",
                f"{i:>5}  {1 / (i + 1):>12.4f}  {2 / (i + 1):>12.4f}",
                "validation done",
                "[rank0]: +------------+-------+",
                f"[rank0]: | eval/loss  | {i / 100:.2f}  |",
                "[rank0]: +------------+-------+",
                "          loss",
                "epoch",
                f"{i}      0.25",
                "some text again",
                f"Epoch {i}: 50%|#####     | 5/10 [00:01<00:02, 2.5it/s, train_loss_step=0.5,",
                "        val_loss:",
                "        0.973 lr: 0.01]",
                f"Epoch {i}: 60%|######    | 6/10 [00:01<00:02, 2.5it/s, train_loss_step=0.5,",
                "        val_loss:",
                "a line of words between: the wrapped name's value is lost",
                "        0.973 lr: 0.02]",
                "done with the epoch",
            ]
    data = ("\n".join(lines) + "\n").encode()
    fast, careful = _both(monkeypatch, data, chunk, "_text_only", "_text_only")
    assert fast == careful
    assert "eval/loss" in {point[0] for point in fast[0]}  # the boxes were read


@pytest.mark.parametrize("chunk", [4093, 0])
def test_rows_differing_in_text_are_not_one_template(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """Rows of one layout that differ only in their text (a class's name keying each row)
    are not read by one another's template: each row's values go under its own key."""
    lines = ["Class     Images  Instances      P      R   mAP50"]
    for i in range(200):
        for key in ("cat", "cat", "cat", "cat", "dog", "all"):  # a template for cat's rows
            lines.append(
                f"  {key}        {i % 9 + 1}0        {i % 7 + 1}00  0.{i % 9}12  0.{i % 8}34  0.{i % 7}56"
            )
    data = ("\n".join(lines) + "\n").encode()
    fast, careful = _both(monkeypatch, data, chunk, "_rows_ok", "_rows_ok")
    assert fast == careful
    names = {point[0] for point in fast[0]}
    assert {"P", "cat/P", "dog/P"} <= names, names


def test_lines_without_numbers_keep_the_shape_cache_bounded() -> None:
    """100,000 distinct lines without numbers, passed over at once: the cache of shapes
    stays within its bound, as the careful path keeps it."""
    from mlop_cli.sources.console.reader import MAX_SHAPES

    reader = Reader(lambda *args: None, lambda *args: None)
    taken = []
    quick = Reader._text_only

    def spy(self, state, line):
        done = quick(self, state, line)
        taken.append(done)
        return done

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Reader, "_text_only", spy)
        for block in range(100):
            text = "\n".join(f"note {word}" for word in _words(block * 1000, 1000))
            reader.read(1, text, 0.0, 0.0)
            assert len(reader._programs) <= MAX_SHAPES
    assert sum(taken) == 100_000


def _words(start: int, count: int) -> list[str]:
    """Distinct words without digits (`baaa`, `caaa`, …)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    out = []
    for number in range(start, start + count):
        word = ""
        for _ in range(5):
            number, rest = divmod(number, 26)
            word += letters[rest]
        out.append(word)
    return out


# -- the quick regex of a hot template (_Template.rows) -----------------------------------

_SHAPES = [
    "{'loss': 0.5, 'grad_norm': 1.25, 'learning_rate': 5e-05, 'epoch': 0.33}",
    "[rank1]: {'loss': 0.5, 'epoch': 1.0}",
    "{'eval_loss': 0.5, 'eval_runtime': 1.2, 'epoch': 2.0}",
    "step=3 loss=0.25 acc=0.9",
    "  12    0.5  0.25",
    "loss: 0.5 - acc: 0.9",
    "time 12ms loss 0.5",
    "x 5ns y 3",
    "val 3.5e-3/step",  # a slot followed by `/`: no quick regex
    "epoch 3: loss=0.5, acc=0.75.",
]
# Numbers of every spelling, and what stands where a number was: no number, half a number,
# a time, a string, a nested value, digits of another script.
_GOOD = ["0.5", "-0.25", "1e-05", "4.5E+03", "12", "+3", ".5", "5.", "nan", "NaN", "-inf"]
_GOOD += ["inf", "Infinity", "-Infinity", "INF", "+nan"]
_ODD = ["1.2.3", "1e", "--1", "1-2", "e5", "abc", "'x'", "{'a': 1}", "[1, 2]", "٣", "１", "1_000"]
_ODD += [" 1", "12:30", "2026-01-02", "0x1f", "", "nanx", "infinityx", "1e5e", "..", "-", "+"]
_ODD += ["3e", "E", "0.5.", "1/2", "tensor(0.5)", "{'b': {'c': 2}}"]


def _template(line: str):
    from mlop_cli.sources.console.reader import _Template
    from mlop_cli.sources.console.shapes import interpret
    from mlop_cli.sources.console.tokens import split_tokens

    shape, tokens = split_tokens(line)
    return _Template(shape, interpret(line), tokens)


def test_quick_template_rows_are_the_careful_regex_rows() -> None:
    """Blocks of a shape's lines with numbers of every spelling, odd values, other lines and
    blank ones: the quick regex gives the rows the careful regex gives, and the floats of
    every slot when every line matched."""
    import random

    rng = random.Random(7)
    quick = 0
    for _ in range(3000):
        base = rng.choice(_SHAPES)
        template = _template(base)
        literals = template.literals
        odd = rng.random() * 0.3
        lines = []
        for _ in range(rng.randint(1, 30)):
            draw = rng.random()
            if draw < 0.75:
                values = [rng.choice(_ODD if rng.random() < odd else _GOOD) for _ in literals[1:]]
                lines.append(
                    literals[0] + "".join(map("".join, zip(values, literals[1:], strict=True)))
                )
            elif draw < 0.85:
                lines.append(rng.choice(_SHAPES))
            elif draw < 0.9:
                lines.append("")
            else:
                lines.append("note " + rng.choice(_ODD))
        block = "\n".join(lines)
        rows, numbers = template.rows(block)
        assert rows == template.regex.findall(block), block
        if numbers is not None:
            quick += 1
            converted = [list(map(float, column)) for column in list(zip(*rows, strict=True))[:-1]]
            assert repr(numbers) == repr(converted), block
    assert quick > 50
    assert _template(_SHAPES[-2]).quick_pattern is None


def _hf_records(count: int) -> list[str]:
    """Trainer records whose values take every spelling, with odd ones, other records and
    ranks' tags among them."""
    lines = []
    spellings = ["{:.4f}", "{:.3e}", "-{:.4f}", "{:.0f}", "{:.4E}"]
    for i in range(count):
        value = spellings[i % len(spellings)].format(1 / (i + 1))
        odd = i % 97
        loss = "nan" if odd == 5 else "inf" if odd == 9 else "-inf" if odd == 13 else value
        norm = "'n/a'" if odd == 17 else "{'total': 1.5}" if odd == 23 else f"{i % 7}.25"
        rate = "1.2.3" if odd == 29 else "5e-05" if i % 2 else "4.5E-05"
        record = f"{{'loss': {loss}, 'grad_norm': {norm}, 'learning_rate': {rate}, "
        record += f"'epoch': {i / 40:.2f}}}"
        if odd == 31:
            record = "[rank1]: " + record
        lines.append(record)
        if odd == 41:
            lines.append("{'eval_loss': 0.25, 'eval_runtime': 1.5, 'epoch': %.2f}" % (i / 40))
    return lines


@pytest.mark.parametrize("chunk", [1 << 16, 4093, 0])
def test_hf_records_by_quick_regex_read_as_by_careful_regex(
    monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """Trainer records (nan, inf, negative, exponents, whole numbers, strings, nested values,
    a rank's tag) read with the quick regex give every point the careful regex gives."""
    from mlop_cli.sources.console.reader import _Template

    lines = _hf_records(2500)
    lines += ["[rank0]: " + line for line in _records(300)] + _records(1500, 100)
    data = ("\n".join(lines) + "\n").encode()
    used = []  # per block: the quick regex used, and every line matched
    quick = _Template.rows

    def spy(self, block):
        rows, numbers = quick(self, block)
        used.append((self.quick_pattern is not None and block.isascii(), numbers is not None))
        return rows, numbers

    with monkeypatch.context() as patch:
        patch.setattr(_Template, "rows", spy)
        fast = _parse(data, chunk)
    assert any(regex for regex, _ in used), "the quick regex was never used"
    assert any(numbers for _, numbers in used), "no block was converted by the quick regex"
    with monkeypatch.context() as patch:
        patch.setattr(_Template, "rows", lambda self, block: (self.regex.findall(block), None))
        careful = _parse(data, chunk)
    assert fast == careful
    assert len(fast[0]) > 4 * 2000


def test_dump_gate_finds_what_its_scans_found() -> None:
    """DumpSkipper's one search for a line ending in `(`, `{`, `:` or `,` passes over what
    its four scans passed over."""
    import random

    from mlop_cli.sources.console.noise import _OPENING_END

    rng = random.Random(3)
    for _ in range(5000):
        text = "".join(rng.choice("ab(){}:,\n \t=") for _ in range(rng.randint(0, 40)))
        scans = "(\n" in text or "{\n" in text or ":\n" in text or ",\n" in text
        assert (_OPENING_END.search(text) is not None) == scans, repr(text)


def test_glyph_gate_passes_every_bar() -> None:
    """The glyph gate lets through every text where BAR_GLYPHS finds glyphs."""
    import random

    from mlop_cli.sources.console.reader import _may_hold_glyphs
    from mlop_cli.sources.console.tokens import BAR_GLYPHS

    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice("=.[]>█─ a1") for _ in range(rng.randint(0, 12)))
        if BAR_GLYPHS.search(text) is not None:
            assert _may_hold_glyphs(text), repr(text)
