"""Line templates read every line they match exactly as the block scan does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from mlop_cli.records import Points
from mlop_cli.sources.console import ConsoleSource
from mlop_cli.sources.console.parsers import parse_block
from mlop_cli.sources.console.templates import Columns, TemplateCache, learn
from tests.test_console_parsers import TOKENS


def flatten(parts: list) -> list:
    """TemplateCache.read's output as parse_block's records."""
    out = []
    for part in parts:
        if isinstance(part, Columns):
            for i in range(part.count):
                step = None if part.steps is None else part.steps[i]
                pairs = [
                    (name, values[i]) for name, values in zip(part.names, part.values, strict=True)
                ]
                out.append((part.first + i, step, pairs))
        else:
            offset, records = part
            out.extend((offset + index, step, pairs) for index, step, pairs in records)
    return out


def test_learned_template_shape():
    template = learn("step=12 loss=0.25 acc=0.91")
    assert template is not None
    assert template.names == ["loss", "acc"]
    rows = template.regex.findall("step=13 loss=nan acc=93.5\nstep=1 loss=x acc=1")
    assert rows == [("13", "nan", "93.5", ""), ("", "", "", "step=1 loss=x acc=1")]


def test_no_template_for_what_the_scan_leaves_to_parse_line():
    for line in [
        '{"loss": 0.1}',
        "| epoch 003 | loss 4.1 |",
        "Epoch 0:  37%|###   | 37/100 [00:01<00:02, loss=0.1]",
        "[rank1]: loss=0.5",
        "loss=1 loss=2",  # a repeated name: the columns would reorder its points
        "nothing here",
    ]:
        assert learn(line) is None, line


def test_mixed_block_keeps_order_and_reads_like_the_scan():
    cache = TemplateCache()
    first = "step=1 loss=0.5\nstep=2 loss=0.4\n"
    text = "step=3 loss=0.3\nSaving checkpoint\nval_loss=0.9\nstep=4 loss=nan\n\nstep=5 loss=1e-3"
    assert flatten(cache.read(first)) == parse_block(first)
    parts = cache.read(text)
    assert repr(flatten(parts)) == repr(parse_block(text))
    assert [type(p) is Columns for p in parts] == [True, False, True, False, True]


def test_counter_steps_and_epochs_through_the_source():
    records = []
    source = ConsoleSource(records.append)
    text = "epoch=1 loss=1\nepoch=0.5 loss=2\nloss=3 Epoch 4\n" * 3
    for _ in range(2):  # the second feed goes through the learned templates
        source.feed(1, text.encode(), 1.0)
    source.close()
    got = {}
    for r in records:
        assert isinstance(r, Points)
        got.setdefault(r.metric, []).extend(r.steps)
    # `epoch=1` is the step, `Epoch 4` too; `epoch=0.5` is not, so loss counts on from its
    # highest step so far: 1, then 2 (after 1), then 5, 6, ... (after 4).
    assert got["loss"] == [1, 2, 4, 1, 5, 4, 1, 6, 4, 1, 7, 4, 1, 8, 4, 1, 9, 4]
    assert got["epoch"] == [1, 2, 1, 3, 1, 4, 1, 5, 1, 6, 1, 7]  # a metric too


VALUES = st.sampled_from(
    ["0", "3", "007", "0.5", "1.", ".5", "-2", "+4", "1e3", "1e-3", "12.0", "nan", "inf"]
    + ["-inf", "Infinity", "NaN", "93.5%", "x", "1.2.3", "12:30", "0x1f", "37/100", ""]
)
_NUMBERS = re.compile(r"\d+(?:\.\d+)?")


@given(st.data())
@settings(max_examples=300, deadline=None)
def test_template_path_equals_block_scan(data):
    """Lines sharing a shape, values swapped for any printed number or near miss."""
    shapes = data.draw(st.lists(st.lists(TOKENS, max_size=12).map("".join), max_size=4))
    shapes += ["step=10 loss=0.25 acc=0.91", "{'loss': 0.5, 'epoch': 1.0}"]
    lines = []
    for _ in range(data.draw(st.integers(1, 30))):
        shape = data.draw(st.sampled_from(shapes))
        lines.append(_NUMBERS.sub(lambda m: data.draw(VALUES), shape))
    cache = TemplateCache()
    for block in ("\n".join(lines), "\n".join(reversed(lines)), "\n".join(lines)):
        assert repr(flatten(cache.read(block))) == repr(parse_block(block))
