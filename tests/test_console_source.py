"""The streaming ConsoleSource and its line assembly: chunking, streams, guards, faults."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlop_cli.records import Event, Points
from mlop_cli.sources.console import ConsoleSource, LineAssembler, strip_ansi
from mlop_cli.sources.console.lines import MAX_LINE


class Recorder:
    """A sink that keeps every record."""

    def __init__(self) -> None:
        self.records: list = []

    def __call__(self, record: object) -> None:
        self.records.append(record)

    @property
    def points(self) -> dict[str, list[tuple[int, float, float]]]:
        out: dict[str, list[tuple[int, float, float]]] = {}
        for r in self.records:
            if isinstance(r, Points):
                assert r.source == "console"
                assert len(r.steps) == len(r.times) == len(r.values)
                out.setdefault(r.metric, []).extend(zip(r.steps, r.times, r.values, strict=True))
        return out

    @property
    def events(self) -> list[Event]:
        return [r for r in self.records if isinstance(r, Event)]


def run(chunks: list[tuple[int, bytes]], **options) -> Recorder:
    sink = Recorder()
    source = ConsoleSource(sink, clock=lambda: 99.0, **options)
    for i, (stream, data) in enumerate(chunks):
        source.feed(stream, data, float(i))
    source.close()
    return sink


def values(sink: Recorder) -> dict[str, list[tuple[int, float]]]:
    return {name: [(s, v) for s, _, v in pts] for name, pts in sink.points.items()}


def test_one_points_batch_per_metric_per_flush():
    sink = Recorder()
    source = ConsoleSource(sink)
    source.feed(1, b"loss=1\nloss=2\nacc=3\n", 5.0)
    source.flush()
    batches = [r for r in sink.records if isinstance(r, Points)]
    assert [(b.metric, b.steps, b.times, b.values) for b in batches] == [
        ("loss", [0, 1], [5.0, 5.0], [1.0, 2.0]),
        ("acc", [0], [5.0], [3.0]),
    ]
    source.flush()  # nothing new: nothing sent
    assert len([r for r in sink.records if isinstance(r, Points)]) == 2
    source.feed(1, b"loss=4\n", 6.0)
    source.close()
    assert sink.records[-1] == Points("loss", "console", [2], [6.0], [4.0])


def test_partial_line_waits_and_keeps_its_first_time():
    sink = run([(1, b"step=3 lo"), (1, b"ss=0.5"), (1, b"\nloss=0.25\n")])
    assert sink.points == {"loss": [(3, 0.0, 0.5), (4, 2.0, 0.25)]}


def test_final_unterminated_line_is_parsed_at_close():
    assert values(run([(1, b"loss=0.5\nloss=0.25")])) == {"loss": [(0, 0.5), (1, 0.25)]}


def test_streams_are_assembled_separately():
    # stdout's half line must not join stderr's tqdm redraw.
    sink = run([(1, b"loss="), (2, b"\racc=0.5\r"), (1, b"0.1\n")])
    assert values(sink) == {"acc": [(0, 0.5)], "loss": [(0, 0.1)]}


CASES = [
    "step=1 loss=0.5\r\nstep=2 loss=0.4\r\n",
    "\rEpoch 1:  50%|█████     | 50/100 [00:01<00:01, 50.0it/s, loss=0.5]"
    "\rEpoch 1: 100%|██████████| 100/100 [00:02<00:00, 50.0it/s, loss=0.4]\n",
    "ünïcödé λ=1 loss=0.5 ✓\n{'loss': 0.4, 'epoch': 0.5}\n\x1b[32mloss=0.3\x1b[0m\n",
    "| epoch 001 | loss 4.1 | ppl 17.2\n[rank1]: loss=0.2\n",
    # A boxed table under a terminal (`\r\n`): a read ending between rows must not end the box.
    "-----------------------------\r\n| rollout/        |         |\r\n|    ep_len_mean  | 22.3    |"
    "\r\n| time/           |         |\r\n|    fps          | 148     |\r\n|    total_timesteps"
    " | 256 |\r\n-----------------------------\r\n",
]


@pytest.mark.parametrize("text", CASES)
def test_chunk_boundaries_do_not_change_points(text: str):
    data = text.encode()
    whole = values(run([(2, data)]))
    assert whole
    for size in (1, 2, 3, 5, 64):
        chunks = [(2, data[i : i + size]) for i in range(0, len(data), size)]
        assert values(run(chunks)) == whole, size


def test_a_read_of_a_lone_carriage_return_waits_for_its_line_feed():
    """A read holding only the `\r` of a `\r\n` (a pty's line end split between reads) is no
    redraw: the box line before it and the one after it stay one box (found by the property
    test below under load: Stable-Baselines3's table lost its step)."""
    raw = (
        b"-----------------------------\r\n| rollout/        |         |\r\n"
        b"|    ep_len_mean  | 22.3    |\r\n| time/           |         |\r\n"
        b"|    total_timesteps | 256 |\r\n-----------------------------\r\n"
    )
    cut = raw.index(b"22.3    |") + len(b"22.3    |")
    chunks = [(2, raw[:cut]), (2, raw[cut : cut + 1]), (2, raw[cut + 1 :])]
    assert values(run(chunks)) == values(run([(2, raw)]))


@given(st.data())
@settings(max_examples=60, deadline=None)
def test_any_chunking_gives_the_same_points(data):
    text = data.draw(st.sampled_from(CASES))
    raw = text.encode()
    cuts = sorted(data.draw(st.lists(st.integers(0, len(raw)), max_size=12)))
    chunks = [(2, raw[a:b]) for a, b in zip([0, *cuts], [*cuts, len(raw)], strict=True)]
    assert values(run(chunks)) == values(run([(2, raw)]))


@given(st.lists(st.tuples(st.sampled_from([1, 2]), st.binary(max_size=200)), max_size=20))
@settings(max_examples=200, deadline=None)
def test_arbitrary_bytes_never_raise(chunks):
    sink = run(chunks)
    for name, pts in sink.points.items():
        assert isinstance(name, str) and name
        assert all(isinstance(v, float) for _, _, v in pts)


def test_invalid_utf8_is_replaced_and_split_utf8_kept():
    assert values(run([(1, b"\xff\xfe loss=0.5 \xe2\x9c"), (1, b"\x93 acc=1\n")])) == {
        "loss": [(0, 0.5)],
        "acc": [(0, 1.0)],
    }
    assembler = LineAssembler()
    assert assembler.feed(b"a\xe2\x9c", 0.0) == ""
    assert assembler.feed(b"\x93b\r\nc\xff\n", 1.0) == "a✓b\nc\ufffd"  # `\r\n`: one line end


def test_ansi_codes_are_stripped():
    assert strip_ansi("\x1b[1m\x1b[32mloss\x1b[0m=0.5\x1b]0;title\x07\x1b[2K\x1b[A") == "loss=0.5"
    assert values(run([(1, b"\x1b[1mloss\x1b[0m: \x1b[33m0.5\x1b[0m\n")])) == {"loss": [(0, 0.5)]}


def test_overlong_line_is_skipped_once_noted_and_parsing_goes_on():
    big = b"loss=1 " + b"x" * (MAX_LINE + 10)
    sink = run([(1, big[:40_000]), (1, big[40_000:]), (1, b"\nloss=0.5\n" + big + b"\nacc=1\n")])
    assert values(sink) == {"loss": [(0, 0.5)], "acc": [(0, 1.0)]}
    assert [e.kind for e in sink.events] == ["console.line_too_long"]
    assert sink.events[0].level == "warning" and sink.events[0].time == 99.0


def test_ranks_go_to_prefixed_metrics():
    sink = run([(1, b"[rank0]: step=1 loss=0.5\n[rank1]: step=1 loss=0.6\n1: step=2 loss=0.7\n")])
    assert values(sink) == {"loss": [(1, 0.5)], "rank1/loss": [(1, 0.6), (2, 0.7)]}


def test_cardinality_guard_keeps_first_names_and_warns_once():
    lines = b"".join(b"m%d=1\n" % i for i in range(10))
    sink = run([(1, lines), (1, b"m0=2 m9=2 m3=2\n")], max_metrics=4)
    assert values(sink) == {
        "m0": [(0, 1.0), (1, 2.0)],
        "m1": [(0, 1.0)],
        "m2": [(0, 1.0)],
        "m3": [(0, 1.0), (1, 2.0)],
    }
    assert [e.kind for e in sink.events] == ["console.too_many_metrics"]
    assert sink.events[0].data["name"] == "m4"


def test_long_names_are_skipped_and_noted_once():
    long = b"a" * 201
    sink = run([(1, long + b"=1 b=2\n" + long + b"=3\n")])
    assert values(sink) == {"b": [(0, 2.0)]}
    assert [e.kind for e in sink.events] == ["console.name_too_long"]


def test_step_rule_counter_is_per_metric():
    sink = run([(1, b"loss=1\nacc=2\nloss=3\nstep=10 loss=4\nloss=5\n")])
    # A line without a step continues after the last step the metric had, never before it.
    assert values(sink) == {"loss": [(0, 1.0), (1, 3.0), (10, 4.0), (11, 5.0)], "acc": [(0, 2.0)]}


def test_parser_exception_becomes_one_warning_and_parsing_goes_on(monkeypatch):
    from mlop_cli.sources.console import reader as reader_module

    real = reader_module.interpret

    def flaky(line):
        if "boom" in line:
            raise RuntimeError("parser bug")
        return real(line)

    monkeypatch.setattr(reader_module, "interpret", flaky)
    sink = run([(1, b"loss=1\nboom=2\nacc=3\n"), (1, b"boom 1\nloss=4\n")])
    assert values(sink) == {"loss": [(0, 1.0), (1, 4.0)], "acc": [(0, 3.0)]}
    kinds = [e.kind for e in sink.events]
    assert kinds == ["console.parse_error", "console.parse_error_count"]
    assert "parser bug" in sink.events[0].message


def test_custom_patterns_only():
    from mlop_cli.sources.console import compile_patterns

    patterns = compile_patterns([r"score (?P<score>\S+)"])
    sink = run([(1, b"score 3.5 loss=1\n")], patterns=patterns, builtins=False)
    assert values(sink) == {"score": [(0, 3.5)]}


def test_feed_after_close_is_ignored():
    sink = Recorder()
    source = ConsoleSource(sink)
    source.close()
    source.feed(1, b"loss=1\n", 0.0)
    source.close()
    assert sink.records == []


def test_multi_line_config_dump_is_skipped_across_reads():
    dump = b"TrainingArguments(\nadam_beta1=0.9,\nlearning_rate=5e-05,\nseed=42,\n)\n"
    data = b"loss=1\n" + dump + b"{'loss': 0.5, 'learning_rate': 4e-05}\n"
    whole = values(run([(1, data)]))
    assert whole == {"loss": [(0, 1.0), (1, 0.5)], "learning_rate": [(0, 4e-05)]}
    for size in (1, 7, 30):
        chunks = [(1, data[i : i + size]) for i in range(0, len(data), size)]
        assert values(run(chunks)) == whole, size


def test_unclosed_dump_ends_after_the_limit():
    from mlop_cli.sources.console.noise import MAX_DUMP_LINES

    data = b"Config(\n" + b"x=1,\n" * MAX_DUMP_LINES + b"loss=2\n"
    assert values(run([(1, data)])) == {"loss": [(0, 2.0)]}


def test_a_bar_redraw_is_one_point_per_position():
    """Lightning's bar redraws twice a step: one point per position (the last value shown
    there), never one per redraw nor a step going back."""
    bar = "Epoch {e}: {p:3d}%|#| {n}/8 [00:01<00:00, 9.1it/s, v_num=0, train_loss={t}, val_loss={v}]\r"
    redraws = [
        bar.format(e=1, p=0, n=0, t="0.61", v="0.70"),  # the last epoch's values, redrawn
        bar.format(e=1, p=12, n=1, t="0.61", v="0.70"),
        bar.format(e=1, p=12, n=1, t="0.58", v="0.70"),
        bar.format(e=1, p=25, n=2, t="0.58", v="0.70"),
        bar.format(e=1, p=25, n=2, t="0.55", v="0.70"),
    ]
    got = values(run([(2, "".join(redraws).encode())]))
    # One point per position, the last value it showed; the first epoch seen here is 1.
    assert got["train_loss"] == [(0, 0.61), (1, 0.58), (2, 0.55)]
    assert got["val_loss"] == [(0, 0.70), (1, 0.70), (2, 0.70)]
    # Plain lines keep every point: a constant lr printed each step is a point each step.
    plain = values(run([(1, b"step=1 lr=0.1\nstep=2 lr=0.1\nstep=3 lr=0.1\n")]))
    assert plain["lr"] == [(1, 0.1), (2, 0.1), (3, 0.1)]


def test_a_rich_bar_wrapped_on_a_narrow_terminal_is_read_as_one_bar():
    """Lightning's RichProgressBar, 80 columns wide: the metrics wrap onto indented lines and
    the whole region is redrawn (cursor up, erase line) several times a second."""
    pad = " " * 61
    frame = (
        "Epoch 1/1  \x1b[35m━━━━━━\x1b[0m {n}/8 0:00:00 • 0:00:01 349.68it/s v_num: 1.000 \r\n"
        + pad
        + "train_loss: {t} \r\n"
        + pad
        + "val_loss: {v}   \r\x1b[2K\x1b[1A\x1b[2K\x1b[1A\x1b[2K"
    )
    frames = [
        frame.format(n=3, t="0.958", v="0.957"),
        frame.format(n=4, t="0.958", v="0.957"),
        frame.format(n=5, t="0.959", v="0.957"),
        frame.format(n=8, t="1.311", v="0.919"),
    ]
    data = "".join(frames).encode()
    expected = {  # at the bar's positions (the first epoch seen is 1): one point each
        "train_loss": [(3, 0.958), (4, 0.958), (5, 0.959), (8, 1.311)],
        "val_loss": [(3, 0.957), (4, 0.957), (5, 0.957), (8, 0.919)],
    }
    assert values(run([(1, data)])) == expected
    for size in (1, 5, 64):
        chunks = [(1, data[i : i + size]) for i in range(0, len(data), size)]
        assert values(run(chunks)) == expected, size
    # Indented metric lines with no bar before them are plain lines.
    plain = values(run([(1, (pad + "loss: 0.5\n" + pad + "loss: 0.5\n").encode())]))
    assert plain == {"loss": [(0, 0.5), (1, 0.5)]}


def test_a_reader_bug_costs_mlop_parse_its_line_not_a_traceback(monkeypatch):
    """`mlop parse` reads as the indexer does: a bug in the reader is said on its line, and the
    lines after it are read."""
    from mlop_cli.sources.console import reader as reader_module
    from mlop_cli.sources.console.explain import explain

    real = reader_module.interpret

    def flaky(line):
        if "boom" in line:
            raise RuntimeError("parser bug")
        return real(line)

    monkeypatch.setattr(reader_module, "interpret", flaky)
    reports = list(explain([b"step 1 loss=1\nboom=2\nstep 2 acc=3\n"]))
    assert [r.shape for r in reports[:3]] == ["pairs", "error", "pairs"]
    assert "parser bug" in reports[1].note
    assert reports[2].points == [("acc", 2, None, 3.0)]


def test_mlop_parse_says_why_a_lines_settings_were_left_out():
    from mlop_cli.sources.console.explain import explain

    text = (
        b"step 1 loss=1\n"
        b"=== threshold = 0.2 ===\n"
        b"[CV, bracket=2] creating 27 models\n"
        b"Training cascade layer = 1\n"
    )
    reports = list(explain([text]))
    assert [r.shape for r in reports[1:4]] == ["settings", "settings", "settings"]
    assert "section's title" in reports[1].note
    assert "tags opening the line" in reports[2].note
    assert "which, not how much" in reports[3].note
