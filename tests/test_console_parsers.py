"""The console reader on single lines and small blocks: step and (name, value) pairs out."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mlop_cli.sources.console import (
    PatternError,
    compile_patterns,
    parse_line,
    parse_number,
    parse_step,
)
from mlop_cli.sources.console import reader as reader_module
from mlop_cli.sources.console.noise import DumpSkipper
from mlop_cli.sources.console.reader import Reader
from mlop_cli.sources.console.shapes import interpret


def parse_block(text: str) -> list[tuple[int | None, list[tuple[str, float]]]]:
    """``(step, pairs)`` of each record of a block that gave metrics, in order."""
    out: list[tuple[int | None, list[tuple[str, float]]]] = []

    def emit(names, step, epoch, values, when):
        pairs = list(zip(names, values, strict=True))
        if (
            out
            and step is not None
            and out[-1][0] == step
            and len(names) == 1
            and names[0] not in {name for name, _ in out[-1][1]}
        ):
            out[-1][1].extend(pairs)  # a bar's points leave one by one: one record
        else:
            out.append((step, pairs))

    def emit_columns(names, steps, columns, times, epochs):
        for row in range(len(times)):
            epoch = None if epochs is None else epochs[row]
            emit(names, None if steps is None else steps[row], epoch, [c[row] for c in columns], 0)

    reader = Reader(emit, emit_columns)
    reader._ctx.started = True
    reader.read(1, DumpSkipper().skip(text), 0.0, 0.0)
    reader.close()
    return out


LINES = [
    # (line, step, pairs)
    # The run's step count opening the line is the step, not the episode's number after it.
    (
        "   56/2000: episode: 3, duration: 0.465s, episode reward: 22.000, loss: 0.494610",
        56,
        [("episode_reward", 22.0), ("loss", 0.49461)],
    ),
    # An RL library's frame count is the step (finer than the episode), never a series.
    (
        "episode: 12, frame: 305, fps: 37, episode_length: 22.0, returns: 22.0",
        305,
        [("fps", 37.0), ("episode_length", 22.0), ("returns", 22.0)],
    ),
    ("step=10 loss=0.25 acc=0.91", 10, [("loss", 0.25), ("acc", 0.91)]),
    ("loss=0.25 acc=0.91 global_step=7", 7, [("loss", 0.25), ("acc", 0.91)]),
    ("iteration 12: loss = 0.5", 12, [("loss", 0.5)]),
    ("it=3 loss=1", 3, [("loss", 1.0)]),
    # A record's count so far is its step (an evaluation callback's line).
    (
        "Eval num_timesteps=2000, episode_reward=183.40 +/- 12.07",
        2000,
        [("episode_reward", 183.4)],
    ),
    ("total_steps: 2400 | reward: 0.5 | loss: 0.25", 2400, [("reward", 0.5), ("loss", 0.25)]),
    ("timesteps: 100 | reward: 0.5", 100, [("reward", 0.5)]),
    ("val_loss 0.41: new best model saved", None, [("val_loss", 0.41)]),
    (
        "Metric val_loss improved by 0.010 >= min_delta = 0.0. New best score: 0.683",
        None,
        [("New_best_score", 0.683)],
    ),
    ("loss=0.5 skipped=12.3%", None, [("loss", 0.5), ("skipped", 12.3)]),
    # A verb after a value is no thing counted; a generation is a counter.
    ("3_Linear logloss 0.514389 trained in 2.27 seconds", None, [("logloss", 0.514389)]),
    ("Generation:  3  best_score: 0.89", 3, [("best_score", 0.89)]),
    # A position's total right-aligned after its slash (Megatron-LM).
    (
        " iteration       10/     100 | consumed samples:          160 | lm loss: 1.012345E+01 |",
        10,
        [("lm_loss", 10.12345)],  # (a count is held until it moves)
    ),
    # A loguru record with the logger's name and line only (YOLOX).
    (
        "2024-01-01 10:00:00 | INFO     | yolox.core.trainer:261 - iter: 10/100, total_loss: 8.6",
        10,
        [("total_loss", 8.6)],
    ),
    # Counters inside a phrase, asides and a run's values over an epoch (Keras' guide).
    (
        "Training loss (for 1 batch) at step 10: 2.5643",
        10,
        [("Training_loss_(for_1_batch)", 2.5643)],
    ),
    ("Training acc over epoch: 0.1820", None, [("Training_acc_over_epoch", 0.182)]),
    # A record after a label that says when or what.
    (
        "epoch 0: {'accuracy': 0.8671875, 'f1': 0.8571428571428571}",
        0,
        [("accuracy", 0.8671875), ("f1", 0.8571428571428571)],
    ),
    (
        "Validation: {'loss': 0.5, 'acc': 0.9}",
        None,
        [("Validation/loss", 0.5), ("Validation/acc", 0.9)],
    ),
    ("eval metrics: {'eval_loss': 0.5}", None, [("eval_loss", 0.5)]),
    (
        "2026-12-06 23:11:37,864 - INFO - __main__ - [RANK 0] epoch 0: train_loss: 0.46",
        0,
        [("train_loss", 0.46)],
    ),
    # A bar's description names values with `:` (a script's set_description).
    ("loss: 0.5234:  45%|####5     | 45/100 [00:01<00:01, 40.0it/s]", 45, [("loss", 0.5234)]),
    (
        "Epoch #1: 1001it [00:01, 800.00it/s, env_step=1000, loss=0.500, rew=20.00]",
        1000,
        [("loss", 0.5), ("rew", 20.0)],
    ),
    # A key's text value (with its arguments) labels nothing in the next column.
    (
        "Model:               SARIMAX(2, 1, 0)   Log Likelihood                -214.315",
        None,
        [("Log_Likelihood", -214.315)],
    ),
    ("\t Val. Loss: 0.690 |  Val. Acc: 51.23%", None, [("Val_Loss", 0.69), ("Val_Acc", 51.23)]),
    (
        "Ep 1 (Step 000005): Train loss 9.783, Val loss 9.927",
        5,
        [("Train_loss", 9.783), ("Val_loss", 9.927)],
    ),
    # Positions: a batch's after an epoch's, bracketed apart or side by side.
    (
        "[Epoch 1/200] [Batch 100/938] [D loss: 0.134364] [G loss: 0.847434]",
        100,  # (the first epoch seen is the run's first)
        [("D_loss", 0.134364), ("G_loss", 0.847434)],
    ),
    (
        "[1/5][50/1583]\tLoss_D: 0.2288\tLoss_G: 0.9453",
        50,
        [("Loss_D", 0.2288), ("Loss_G", 0.9453)],
    ),
    # A one-token qualifier between a name and its `=` is part of the name.
    (
        "Test set accuracy (Precision@1) = 0.3125",
        None,
        [("Test_set_accuracy_(Precision@1)", 0.3125)],
    ),
    ("Loss (avg) = 0.5, Acc (avg) = 0.9", None, [("Loss_(avg)", 0.5), ("Acc_(avg)", 0.9)]),
    (
        "Progress:  94.0% words/sec/thread:  718687 lr:  0.029932 avg.loss:  0.159109 ETA:   0h",
        None,
        [("words/sec/thread", 718687.0), ("lr", 0.029932), ("avg.loss", 0.159109)],
    ),
    # Prefixes: a time and a logger's name in one bracket (detectron2), a counter after a
    # time value, dates with `/`, syslog's and C's asctime.
    (
        "[12/06 10:11:19 d2.utils.events]:  eta: 0:10:19  iter: 19  total_loss: 1.234  lr: 0.0002",
        19,
        [("total_loss", 1.234), ("lr", 0.0002)],
    ),
    ("2026/12/06 10:11:12 INFO step 60 loss 0.09", 60, [("loss", 0.09)]),
    ("Dec  6 10:11:12 step 70 loss 0.08", 70, [("loss", 0.08)]),
    ("[Sun Dec  6 10:11:12 2026] step 80 loss 0.07", 80, [("loss", 0.07)]),
    ("{'global_steps': 120, 'loss': 0.5, 'lr': 0.001}", 120, [("loss", 0.5), ("lr", 0.001)]),
    (
        "1875/1875 [==============================] - 3s 1ms/step - loss: 0.2345 - "
        "accuracy: 0.9123 - val_loss: 0.1500",
        1875,  # a bar's position (no epoch: the run's bar)
        [("loss", 0.2345), ("accuracy", 0.9123), ("val_loss", 0.15)],
    ),
    (
        "1875/1875 ━━━━━━━━━━━━━━━━━━━━ 3s 1ms/step - accuracy: 0.9123 - loss: 0.2345",
        1875,
        [("accuracy", 0.9123), ("loss", 0.2345)],
    ),
    (
        "{'loss': 0.6931, 'grad_norm': 1.2345678, 'learning_rate': 4.5e-05, 'epoch': 0.33}",
        1,  # no step anywhere: records at one epoch share one, in the order epochs came
        [("loss", 0.6931), ("grad_norm", 1.2345678), ("learning_rate", 4.5e-05)],
    ),
    ("{'eval_loss': 0.5, 'epoch': 1.0}", 1, [("eval_loss", 0.5)]),
    ("{'a': {'b': 1, 'c': {'d': 2.5}}, 'step': 4}", 4, [("a/b", 1.0), ("a/c/d", 2.5)]),
    ('{"loss": 0.1, "step": 3}', 3, [("loss", 0.1)]),
    ('{"x": {"loss": 0.1}, "s": "acc=3", "ok": true}', None, [("x/loss", 0.1)]),
    ("{'split': 'val', 'acc': 0.9, 'loss': 0.3}", None, [("val/acc", 0.9), ("val/loss", 0.3)]),
    (
        "Epoch 1:  37%|███▋      | 37/100 [00:01<00:02, 25.12it/s, loss=0.123, v_num=0]",
        37,  # (epoch - first epoch) x total + position: the first epoch seen is 1 here
        [("loss", 0.123)],
    ),
    ("Epoch 2: 37it [00:01, 25.12it/s, loss=0.5]", 2, [("loss", 0.5)]),
    # Lightning's RichProgressBar on a wide terminal: the step is epoch * total + position.
    (
        "Epoch 2/4  ━━━━━━━━╸━━━━━━━ 3/8 0:00:00 • 0:00:01 349.68it/s v_num: 1.000 "
        "train_loss: 0.958 val_loss: 0.957",
        19,
        [("train_loss", 0.958), ("val_loss", 0.957)],
    ),
    ("Epoch 0/-1 ━━━━━ 37/-- 0:00:03 • -:--:-- 12.10it/s loss: 0.5", 37, [("loss", 0.5)]),
    # nanoGPT's training and evaluation lines, llm.c's (its ms and tok/s have no name).
    (
        "iter 100: loss 2.3456, time 45.67ms, mfu 12.34%",
        100,
        [("loss", 2.3456), ("time", 0.04567), ("mfu", 12.34)],  # durations in seconds
    ),
    (
        "step 250: train loss 1.9823, val loss 2.0341",
        250,
        [("train_loss", 1.9823), ("val_loss", 2.0341)],
    ),
    (
        "step    1/74 | train loss 11.0123 | norm 15.2 | lr 1.00e-04 | (1234.56 ms | 12345 tok/s)",
        1,
        [("train_loss", 11.0123), ("norm", 15.2), ("lr", 0.0001)],
    ),
    # The PyTorch tutorials' loop, the PyTorch MNIST example's train and test lines.
    # Alone, `Step n/total` is global; it is read as a position in the epoch once it restarts.
    ("Epoch [3/10], Step [100/600], Loss: 0.2345", 100, [("Loss", 0.2345)]),
    (
        "Train Epoch: 1 [640/60000 (1%)]\tLoss: 2.286958",
        640,  # samples seen: (epoch - first epoch) x 60000 + 640; the epoch is not a metric
        [("Train/Loss", 2.286958)],
    ),
    (
        "Test set: Average loss: 0.1016, Accuracy: 9676/10000 (97%)",
        None,
        [("Test_set/Average_loss", 0.1016), ("Test_set/Accuracy", 96.76)],
    ),
    ("Epoch 3/10 - loss: 0.41 - acc: 0.88", 3, [("loss", 0.41), ("acc", 0.88)]),
    (
        "| epoch 003 | loss 4.123 | ppl 17.42 | wps 12345",
        3,
        [("loss", 4.123), ("ppl", 17.42), ("wps", 12345.0)],
    ),
    (
        "Epoch: [2][ 10/100]\tTime  0.123 ( 0.456)\tLoss 6.9e+00 (7.0e+00)\tAcc@1  50.00 ( 40.00)",
        210,
        [("Time", 0.123), ("Loss", 6.9), ("Acc@1", 50.0)],
    ),
    ("2026-11-22 10:31:04,123 - INFO - step 100: loss=0.5", 100, [("loss", 0.5)]),
    ("Epoch 3: loss=0.5", 3, [("loss", 0.5)]),
    ("epoch=3 loss=0.5", 3, [("loss", 0.5)]),  # the epoch is the x axis, not a metric
    ("epoch=2.5 loss=0.5", None, [("loss", 0.5)]),
    ("acc=93.5% top5=99%", None, [("acc", 93.5), ("top5", 99.0)]),
    (
        "train/loss=1e-3 Acc@1=12 val-loss=-0.5",
        None,
        [("train/loss", 0.001), ("Acc@1", 12.0), ("val-loss", -0.5)],
    ),
    ("[rank1]: step=3 loss=0.5", 3, [("rank1/loss", 0.5)]),
    ("[rank0]: step=3 loss=0.5", 3, [("loss", 0.5)]),
    ("[default2]:loss=0.5", None, [("rank2/loss", 0.5)]),
    ("3: loss=0.5", None, [("rank3/loss", 0.5)]),
    ("[1,3]<stdout>:loss=0.5", None, [("rank3/loss", 0.5)]),
]

NOT_METRICS = [
    # Splits' sizes after a label (`64 train / 16 val`): counts of examples, not its value.
    "toy loop: 64 train / 16 val",
    # A status sentence opening with its verb: the settings it fits with (caret's last line).
    "Fitting alpha = 0.1, lambda = 0.00372 on full training set",
    "started at 12:30:45 and eta 00:01<00:02",
    "time: 12:30:45 date: 2026-11-22 when=2026-11-22",
    "torch version=2.1.0 cuda=12.1.105 host=10.0.0.1 port 10.0.0.1:29500",
    "id=0x1f3a commit=3fa2b9c sha=deadbeef",
    "loading /home/user/run-12/ckpt=3/model.pt",
    "train.py:42: UserWarning: deprecated",
    "progress 37/100 it=37/100 ETA: 5:00",
    "python train.py --lr=0.001 --epochs 3",
    "Epoch 1/5",
    "Epoch 3: saved checkpoint to ckpt-3, took 12 minutes",
    "max_steps: 1000 warmup_steps: 100",  # settings: not the count so far
    "                  Fold 1  Fold 2  Fold 3  Mean    Std     ",  # column titles
    "loss 0.5 loss 0.4",  # two values nothing tells apart: no series holds both
    "pyswarms.single.global_best:   0%|          |0/80",  # a bar's percentage, no brackets
    "  coef  se(coef)  coef lower 95%  coef upper 95%",  # confidence levels in column titles
    "                mean       std    median      5.0%     95.0%     n_eff     r_hat",
    "rank 0 sample 0: Hello, I'm a language model, enough a had thought rich dropped",
    # Lightning's checkpoint and early-stopping notes: a verb's object, a note, a threshold.
    "Epoch 0, global step 32: 'val_loss' reached 0.69315 (best 0.69315), saving model to 'x.ckpt'",
    "Best params: {'lr': 0.1, 'momentum': 0.9}",  # settings, labelled so
    "Parameter: optimizer_kwargs.lr = 0.01",
    "Config: batch_size = 32, lr = 0.1",
    "steps per epoch: 30",  # a whole number per counter: a setting
    "Best result: {'target': 0.9, 'params': {'x': 1.0}}",  # a label that places nothing
    "Validation DataLoader 0:  45%|####5     | 45/100 [00:01<00:01, 40.0it/s]",
    "Map (num_proc=4):  45%|####5     | 450/1000 [00:01<00:01, 400.0 examples/s]",
    "[1/3] Building wheel for mlop (pyproject.toml)",
    "step 3: see https://example.com/a 1",
    "\x1b[31m",
    "",
]


@pytest.mark.parametrize(("line", "step", "pairs"), LINES)
def test_line(line: str, step: int | None, pairs: list):
    assert parse_line(line) == (step, pairs)
    assert parse_block(line) == [(step, pairs)]


@pytest.mark.parametrize("line", NOT_METRICS)
def test_not_metrics(line: str):
    assert parse_line(line)[1] == []
    assert parse_block(line) == []


def test_nan_and_inf():
    step, pairs = parse_line("loss=nan a=NaN b=inf c=-inf d=Infinity")
    assert [name for name, _ in pairs] == ["loss", "a", "b", "c", "d"]
    values = [v for _, v in pairs]
    assert math.isnan(values[0]) and math.isnan(values[1])
    assert values[2:] == [math.inf, -math.inf, math.inf]


def test_block_keeps_the_step_of_each_record():
    text = "step=1 loss=0.5\nplain text\n\n{'loss': 0.4}\n| epoch 002 | loss 0.3"
    assert parse_block(text) == [
        (1, [("loss", 0.5)]),
        (1, [("loss", 0.4)]),  # no step: the last seen (the source counts on: its series is there)
        (1, [("loss", 0.3)]),  # epoch 2's values at its last step seen
    ]


def test_numbers():
    assert parse_number(" 93.5% ") == 93.5
    assert parse_number("'4.5e-05',") == 4.5e-05
    assert parse_number("abc") is None
    assert parse_step("003") == 3
    assert parse_step("1e3") == 1000
    assert parse_step("nan") is None


def test_custom_named_groups():
    patterns = compile_patterns([r"Loss is (?P<loss>\S+) at batch (?P<step>\d+)"])
    assert parse_line("Loss is 0.25 at batch 40", patterns, builtins=False) == (
        40,
        [("loss", 0.25)],
    )


def test_custom_key_value_pair_and_builtins_off():
    patterns = compile_patterns([r"(?P<key>\w+) -> (?P<value>\S+)"])
    assert parse_line("acc -> 93.5%, loss=0.5", patterns, builtins=False) == (
        None,
        [("acc", 93.5)],
    )
    assert parse_line("acc -> 93.5%, loss=0.5", patterns) == (
        None,
        [("loss", 0.5), ("acc", 93.5)],
    )


def test_custom_value_that_is_not_a_number_is_skipped():
    patterns = compile_patterns([r"status=(?P<status>\w+)"])
    assert parse_line("status=ok", patterns, builtins=False) == (None, [])


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("loss=(?P<loss>", "invalid metric pattern"),
        ("loss=(\\S+)", "no named group"),
        ("(?P<key>\\w+)=", "both a (?P<key>...) and a (?P<value>...)"),
    ],
)
def test_pattern_errors_name_the_pattern(pattern: str, message: str):
    with pytest.raises(PatternError) as info:
        compile_patterns(["ok=(?P<ok>\\d+)", pattern])
    assert message in str(info.value)
    assert repr(pattern) in str(info.value)
    assert "\n" not in str(info.value)
    assert isinstance(info.value, ValueError)


finite = st.floats(allow_nan=False, allow_infinity=True)


@given(finite)
def test_repr_float_reads_back(x: float):
    assert parse_line(f"loss={x!r}") == (None, [("loss", x)])


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_fixed_and_exponent_formats_read_back(x: float):
    for text in (f"{x:.4f}", f"{x:e}"):
        assert parse_line(f"step=1 loss: {text}") == (1, [("loss", float(text))])
        assert parse_line(f"{{'loss': {text}}}") == (None, [("loss", float(text))])


TOKENS = st.sampled_from(
    [
        "step",
        "loss",
        "epoch",
        "Epoch",
        "acc",
        "=",
        ": ",
        " ",
        ",",
        "|",
        "\t",
        "{",
        "}",
        "'",
        '"',
        "[",
        "]",
        "(",
        ")",
        "0",
        "3",
        "0.5",
        "1e-3",
        "nan",
        "%",
        "/",
        "-",
        ":",
        "rank1",
        "[rank2]:",
        "1: ",
        "37/100 [00:01<00:02",
        "3/8 0:00:00 • 0:00:01",
        "iter 100: ",
        "step 1/74 | ",
        " train loss 1.5",
        "45.6ms",
        " (97%)",
        "9676/10000",
        "Epoch [3/10]",
        "Step [100/600]",
        " [640/60000 (1%)]",
        " • ",
        "it",
        "Namespace(",
        ")",
        "Trainable params",
        "GPU available:",
        "'epoch': '",
        "': None",
        "{'lr': 0.1, 'fp16': True}",
        "10:31:04",
        "http://host:80",
    ]
)


def _points_of(chunks: list[str]) -> list:
    """``(name, step, value)`` of every point, the chunks read one after the other."""
    out: list = []

    def emit(names, step, epoch, values, when):
        out.extend((name, step, value) for name, value in zip(names, values, strict=True))

    def emit_columns(names, steps, columns, times, epochs):
        for row in range(len(times)):
            epoch = None if epochs is None else epochs[row]
            emit(names, None if steps is None else steps[row], epoch, [c[row] for c in columns], 0)

    reader = Reader(emit, emit_columns)
    reader._ctx.started = True
    skipper = DumpSkipper()
    for chunk in chunks:
        reader.read(1, skipper.skip(chunk), 0.0, 0.0)
    reader.close()
    return out


@given(st.lists(st.lists(TOKENS, max_size=12).map("".join), max_size=6), st.integers(1, 3))
def test_block_equals_line_by_line(lines: list[str], repeat: int):
    """Reading a block at once (shapes, templates, columns) gives what reading each record on
    its own gives: the fast paths never read differently."""
    text = "\n".join(lines * repeat)
    assert repr(_points_of([text])) == repr(_points_of(text.split("\n")))  # repr: NaN == NaN


NOISE = [
    "Namespace(lr=0.1, epochs=2, seed=42, batch_size=32)",
    "argparse.Namespace(lr=0.1)",
    "TrainConfig(lr=0.001, warmup_steps=100)",
    "Trainable params: 9",
    " Total params: 178 (712.00 B)",
    "Non-trainable params: 0 (0.00 B)",
    "Total estimated model params size (MB): 0.000",
    "Modules in train mode: 1",
    "Total FLOPs: 0",
    "GPU available: False, used: False",
    "TPU available: False, using: 0 TPU cores",
    "LOCAL_RANK: 0 - CUDA_VISIBLE_DEVICES: [0]",
    # print(vars(args)) of the ImageNet example's parser: None, True/False or lists in a dict.
    "{'data': '/imagenet', 'arch': 'resnet18', 'workers': 4, 'epochs': 90, 'lr': 0.1, "
    "'evaluate': False, 'seed': None, 'gpu': None}",
    "Config: {'lr': 0.001, 'batch_size': 32, 'layers': [64, 64], 'fp16': True}",
    # A library's warning (Lightning's, as printed by a real run).
    "/venv/lib/python3.11/site-packages/lightning/pytorch/loops/fit_loop.py:321: The number of "
    "training batches (16) is smaller than the logging interval Trainer(log_every_n_steps=50).",
    # The same warning wrapped to a terminal's width: the path is on the line before.
    "Trainer(log_every_n_steps=50). Set a lower value for log_every_n_steps if you",
    "`Trainer(val_check_interval=1.0)` was configured so validation will run at the end",
    # torchrun's failure report and Lightning's DDP banner (real lines).
    "[2026-11-22 17:50:01,123] torch.distributed.elastic.multiprocessing.api: [ERROR] failed "
    "(exitcode: -9) local_rank: 1 (pid: 16027) of binary: /x/python3",
    "  rank      : 1 (local_rank: 1)",
    "  exitcode  : -9 (pid: 16027)",
    "Initializing distributed: GLOBAL_RANK: 1, MEMBER: 2/2",
    # LightGBM's log, and one-line configurations (ultralytics, mmengine).
    "[LightGBM] [Info] Number of positive: 199, number of negative: 201",
    "[LightGBM] [Warning] No further splits with positive gain, best gain: -inf",
    "engine/trainer: task=detect, mode=train, epochs=3, batch=16, amp=True, lr0=0.01",
    "randomness = dict(seed=42)",
]


@pytest.mark.parametrize("line", NOISE)
def test_config_dumps_and_summaries_are_not_metrics(line: str):
    assert parse_line(line) == (None, [])
    assert parse_block(f"loss=1\n{line}\nloss=2") == [
        (None, [("loss", 1.0)]),
        (None, [("loss", 2.0)]),
    ]


def test_metric_reprs_and_params_metrics_still_count():
    assert parse_line("Metrics(loss=0.5, acc=0.9)")[1] == [("loss", 0.5), ("acc", 0.9)]
    # (A count's name is a series once its value moves: tests/test_console_precision.py.)
    assert parse_block("step=3 params=12\nstep=4 params=16") == [
        (3, [("params", 12.0)]),
        (4, [("params", 16.0)]),
    ]
    # Custom patterns still see noise lines.
    pattern = compile_patterns([r"Trainable params: (?P<trainable>\d+)"])
    assert parse_line("Trainable params: 9", pattern)[1] == [("trainable", 9.0)]


def test_every_noise_marker_holds_a_gate():
    """drop_noise skips a block holding none of the gates: no marker may lack one."""
    from mlop_cli.sources.console import noise

    assert all(any(gate in marker for gate in noise._GATES) for marker in noise._MARKERS)


def test_a_noise_line_never_takes_the_line_before_it():
    assert parse_block("acc: 0.5\nNamespace(lr=0.1)\nloss: 2") == [
        (None, [("acc", 0.5)]),
        (None, [("loss", 2.0)]),
    ]


def test_a_log_line_with_a_bare_file_name_still_counts():
    # logging's "%(filename)s:%(lineno)d: %(message)s": the script's own lines, not a warning.
    assert parse_line("train.py:12: step=3 loss=0.5") == (3, [("loss", 0.5)])


def test_metric_dicts_with_a_text_field_still_count():
    # (a text field naming the record's phase names its values: train and val stay apart)
    assert parse_line("{'split': 'val', 'acc': 0.9, 'loss': 0.3}")[1] == [
        ("val/acc", 0.9),
        ("val/loss", 0.3),
    ]
    assert parse_line("{'model': 'resnet', 'acc': 0.9}")[1] == [("acc", 0.9)]
    # JSON lines are read as JSON: a boolean field does not make them a configuration.
    assert parse_line('{"step": 1, "loss": 0.5, "best": true}') == (1, [("loss", 0.5)])


def test_quoted_numbers_are_numbers_and_a_records_epoch_is_not_a_counter():
    # transformers 5 prints every value quoted, and the epoch as '1' at an epoch's end.
    step, pairs = parse_line("{'loss': '0.6918', 'grad_norm': '0.3176', 'epoch': '2'}")
    assert step == 1  # the first epoch seen, not the epoch 2
    assert pairs == [("loss", 0.6918), ("grad_norm", 0.3176)]
    assert parse_line("epoch=2 loss=1")[0] == 2


def test_config_reprs_after_words_are_not_metrics() -> None:
    """`print(f"Training with {args}")` is as common as printing the Namespace alone."""
    assert parse_line("Training with Namespace(lr=0.1, epochs=3, seed=0)") == (None, [])
    assert parse_line("INFO: config: TrainConfig(lr=0.1, batch_size=32)") == (None, [])
    assert parse_line("eval: Metrics(loss=0.5)")[1] == [("eval/loss", 0.5)]
    assert parse_line("step=3 loss=0.2") == (3, [("loss", 0.2)])


# -- real output that is not metrics (transformers 5.23, torch 2.13, found by user tests) ------


@pytest.mark.parametrize(
    "line",
    [
        "[transformers]   Num update steps per epoch = 4",  # was read as epoch=4
        "[transformers]   Instantaneous batch size per device = 8",
        "[INFO|trainer.py:1625] 2026-11-22 16:08:24,568 >>   Total optimization steps = 12",
        "  Num examples = 64",
        "  Batch size = 8",
        "11/22/2026 16:08:24 - WARNING - __main__ - Process rank: 0, device: cpu, n_gpu: 0, "
        "distributed training: False",
        "        (c_fc): Conv1D(nf=128, nx=32)",
        "        (ln_1): LayerNorm((32,), eps=1e-05, elementwise_affine=True)",
        "  (lm_head): Linear(in_features=32, out_features=64, bias=False)",
        "train.py:3: UserWarning: lr=0.5 is large; dropout=0.3",
        "<string>:1: UserWarning: batch_size=64",
    ],
)
def test_library_banners_module_reprs_and_warnings_are_not_metrics(line: str) -> None:
    assert parse_block(line) == []


def test_hf_log_metrics_blocks_are_read_whatever_the_padding() -> None:
    block = (
        "***** eval metrics *****\n"
        "  epoch                   =        3.0\n"
        "  eval_loss               =     0.7037\n"
        "  eval_runtime            = 0:00:00.10\n"
        "  eval_samples_per_second =      311.3\n"
    )
    pairs = [pair for _, found in parse_block(block) for pair in found]
    assert pairs == [("eval_loss", 0.7037), ("eval_samples_per_second", 311.3)]


def test_a_spaced_equals_after_words_still_counts() -> None:
    assert parse_block("epoch 3: loss = 0.25, acc = 0.9") == [(3, [("loss", 0.25), ("acc", 0.9)])]


def _skipped(text: str) -> list[str]:
    return [line for line in DumpSkipper().skip(text).split("\n") if line]


def test_multi_line_dumps_after_a_logger_prefix_and_model_printouts_are_skipped() -> None:
    hf_args = (
        "11/22/2026 16:08:24 - INFO - __main__ - Training/evaluation parameters "
        "TrainingArguments(\nseed=42,\nlearning_rate=0.001,\n)\nloss=0.5"
    )
    assert _skipped(hf_args) == ["loss=0.5"]
    model = (
        "GPT2LMHeadModel(\n  (transformer): GPT2Model(\n    (drop): Dropout(p=0.1, inplace=False)\n"
        "  )\n  (lm_head): Linear(in_features=32, out_features=64, bias=False)\n)\nloss=0.5"
    )
    assert _skipped(model) == [
        "loss=0.5"
    ]  # the first `  )` does not end it: only `)` at its indent
    config = 'GPT2Config {\n  "attn_pdrop": 0.1,\n  "n_embd": 32\n}\nloss=0.5'
    assert _skipped(config) == ["loss=0.5"]


def test_the_source_line_under_a_warning_or_a_traceback_frame_is_skipped() -> None:
    traceback = (
        'Traceback (most recent call last):\n  File "/w/train.py", line 4, in <module>\n'
        "    h = m.fit(x, y, epochs=3, batch_size=32, validation_split=0.25)\nloss=0.5"
    )
    assert _skipped(traceback)[-2:] == ['  File "/w/train.py", line 4, in <module>', "loss=0.5"]
    warning = "train.py:3: UserWarning: lr=0.5\n  warnings.warn('lr=0.5', stacklevel=1)\nacc=0.9"
    assert _skipped(warning)[-1] == "acc=0.9" and len(_skipped(warning)) == 2


def test_lightning_result_tables_are_read() -> None:
    table = (
        "┏━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━┓\n"
        "┃   Validate metric  ┃    DataLoader 0    ┃\n"
        "┡━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━┩\n"
        "│      val_acc       │      0.46875       │\n"
        "│      val_loss      │ 0.7228637933731079 │\n"
        "└────────────────────┴────────────────────┘"
    )
    assert parse_block(table) == [
        (None, [("val_acc", 0.46875)]),
        (None, [("val_loss", 0.7228637933731079)]),
    ]
    assert parse_line("│      test_acc      │      0.9       │") == (None, [("test_acc", 0.9)])
    assert parse_block("│ name │ bert │\n│ 2 │ 3 │") == []  # not a metric row


def _reader_points(
    reads: list[tuple[int, str, float]],
) -> dict[str, list[tuple[int | None, float]]]:
    """Points per metric of reads ``(stream, text, time)`` through a fresh reader."""
    got: dict[str, list[tuple[int | None, float]]] = {}

    def emit(names, step, epoch, values, when):
        for name, value in zip(names, values, strict=True):
            got.setdefault(name, []).append((step, value))

    reader = Reader(emit)
    for stream, text, when in reads:
        reader.read(stream, text, when, when)
    reader.close()
    return got


def _hf_bar(position: int, total: int = 12) -> str:
    return f"{100 * position // total:3d}%|#         | {position}/{total} [00:01<00:02, 9.9it/s]\n"


def test_records_read_ahead_of_the_bar_wait_for_it_and_results_stay_behind_them() -> None:
    """A block-buffered stdout read before the bar's stderr (or a capture of both, one after
    the other): the records' steps come from the bar once it has run, and what was printed
    after the records (a final result) is at the last step, not before the training."""
    records = "".join(
        f"{{'loss': {0.9 - e / 10:.2f}, 'epoch': {e}}}\n" for e in (0.5, 1.0, 1.5, 2.0, 2.5, 3.0)
    )
    records += "perplexity: 49.2\n"
    bars = "".join(_hf_bar(p) for p in range(13))
    for reads in (
        [(1, records, 0.0), (2, bars, 1.0)],  # two reads
        [(1, line + "\n", 0.0) for line in records.splitlines()]
        + [(2, line + "\n", 1.0) for line in bars.splitlines()],  # line by line
    ):
        got = _reader_points(reads)
        assert [step for step, _ in got["loss"]] == [2, 4, 6, 8, 10, 12]
        assert got["perplexity"] == [(12, 49.2)]


def test_records_with_no_bar_at_all_get_one_tick_per_epoch() -> None:
    records = "".join(
        f"{{'loss': 0.5, 'epoch': {e}}}\n{{'eval_loss': 0.6, 'epoch': {e}}}\n" for e in (0.5, 1.0)
    )
    got = _reader_points([(1, records, 0.0)])
    assert got["loss"] == [(1, 0.5), (2, 0.5)]
    assert got["eval_loss"] == [(1, 0.6), (2, 0.6)]  # evaluation lines up with training


PANDAS_HISTORY = """\
   epoch  train_loss  val_loss  val_acc
0      1    1.006370  1.100000     0.58
1      2    0.502698  0.550000     0.66
"""
PANDAS_INDEXED = (
    "       train_loss  val_loss  val_acc\n"
    "epoch                               \n"  # pandas pads the index name's line
    """\
1        1.006370  1.100000     0.58
2        0.502698  0.550000     0.66
"""
)
PANDAS_DESCRIBE = """\
          epoch  train_loss  val_loss   val_acc
count  5.000000    5.000000  5.000000  5.000000
mean   3.000000    0.460222  0.502333  0.740000
25%    2.000000    0.250165  0.275000  0.660000
max    5.000000    1.006370  1.100000  0.900000
"""
PANDAS_LEADERBOARD = """\
  model  score_val  fit_time  fit_order
0    RF        0.9      0.40          2
1   KNN        0.8      0.02          1
"""


def test_pandas_frames_index_is_never_a_value() -> None:
    for text in (PANDAS_HISTORY, PANDAS_INDEXED):
        got = _reader_points([(1, text, 0.0)])
        assert set(got) == {"train_loss", "val_loss", "val_acc"}, text
        assert got["val_acc"] == [(1, 0.58), (2, 0.66)], text  # at the epoch, not the row number


def test_pandas_describe_is_not_metrics_and_a_text_column_takes_no_number() -> None:
    assert _reader_points([(1, PANDAS_DESCRIBE, 0.0)]) == {}
    got = _reader_points([(1, PANDAS_LEADERBOARD, 0.0)])
    assert set(got) == {"score_val", "fit_time", "fit_order"}  # a record per row, no `model`
    assert [v for _, v in got["score_val"]] == [0.9, 0.8]


def test_a_header_drawn_as_a_bars_description_and_grouped_columns() -> None:
    """Ultralytics' validation: the header is the bar's description, `Box(P … mAP50-95)` a
    group of columns, the `all` row the plain names and a class row the class's."""
    text = (
        "                 Class     Images  Instances      Box(P          R      mAP50  "
        "mAP50-95): 100% ━━━━━━━━━━━━ 1/1 2.4it/s 0.4s\n"
        "                   all          8         12      0.333        0.5     0.0123    0.00279\n"
        "                   red          4          6       0.25        0.5     0.0101    0.00201\n"
    )
    got = _reader_points([(1, text, 0.0)])
    assert got["mAP50-95"][0][1] == 0.00279 and got["P"][0][1] == 0.333
    assert got["red/mAP50"][0][1] == 0.0101
    # A bar's percentage before its glyphs is never a value of the words before it.
    scan = "train: Scanning /data/labels... 16 images, 0 corrupt: 100% ━━━━━━━━━━━━ 16/16 221.1it/s 0.1s\n"
    assert _reader_points([(1, scan, 0.0)]) == {}


def test_key_value_summaries_with_text_values_and_dates() -> None:
    """statsmodels' summary: `Key: text` beside `Key: value`; a date in words is not a value."""
    text = (
        "Model:                          Logit   Df Residuals:                      296\n"
        "Date:                Sun, 06 Dec 2026   Pseudo R-squ.:                  0.2962\n"
        "converged:                       True   LL-Null:                       -207.84\n"
    )
    got = _reader_points([(1, text, 0.0)])
    # Df Residuals, a count printed once, is no series (tests/test_console_precision.py); its
    # line is still read as `Key: text` then `Key: value`.
    assert set(got) == {"Pseudo_R-squ", "LL-Null"}
    assert [m[0] for m in interpret(text.splitlines()[0]).metrics] == ["Df_Residuals"]


def test_a_name_before_a_row_of_bare_numbers_is_a_row_key() -> None:
    text = "const          0.2249      0.146      1.541      0.123      -0.061       0.511\n"
    assert _reader_points([(1, text, 0.0)]) == {}


def test_a_frame_of_a_history_with_only_its_row_numbers() -> None:
    """`print(pd.DataFrame(history.history))`: the row numbers are the only step there is."""
    text = (
        "       loss  accuracy  val_loss  val_accuracy\n"
        "0  0.526970  0.753125  0.436101      0.820833\n"
        "1  0.362388  0.868750  0.375832      0.870833\n"
    )
    got = _reader_points([(1, text, 0.0)])
    assert got["loss"] == [(0, 0.52697), (1, 0.362388)]
    assert got["val_accuracy"] == [(0, 0.820833), (1, 0.870833)]


@pytest.mark.parametrize(
    "line, name, value",
    [
        (
            "epoch 3 loss tensor(0.5939, device='cuda:0', grad_fn=<NllLossBackward0>)",
            "loss",
            0.5939,
        ),
        ("step 4 acc: np.float64(0.25)", "acc", 0.25),
        ("step 5 reward=Array(1.5, dtype=float32)", "reward", 1.5),
        ("global_step=120, episodic_return=[23.]", "episodic_return", 23.0),
    ],
)
def test_a_number_printed_inside_its_wrapper_is_the_value(
    line: str, name: str, value: float
) -> None:
    pairs = dict(parse_line(line)[1])
    assert pairs[name] == value, pairs


def test_a_list_of_several_numbers_is_not_unwrapped() -> None:
    assert "betas" not in dict(parse_line("step 1 loss 0.5 betas=[0.9, 0.999]")[1])


@pytest.mark.parametrize(
    "train, evaluation",
    [
        # the epoch on the evaluation line itself (`Epoch(val) [1][2/2]`)
        (
            "Epoch(train) [{e}][{i}/4]  lr: 1.0e-02  loss: 0.{i}{e}",
            ["Epoch(val) [{e}][1/2]  accuracy: 8{e}.0", "Epoch(val) [{e}][2/2]  accuracy: 9{e}.0"],
        ),
        # the epoch only on the training lines (`Train: 0 [3/4]` then `Test: [1/2]`)
        (
            "Train: {e} [{i}/4]  Loss: 0.{i}{e} (0.5)",
            ["Test: [1/2]  Loss: 0.7{e} (0.7)", "Test: [2/2]  Loss: 0.6{e} (0.6)"],
        ),
    ],
)
def test_an_evaluations_shorter_count_lands_at_the_epochs_last_step(
    train: str, evaluation: list[str]
) -> None:
    """A counter of evaluation batches is not the run's step: its values are the epoch's."""
    lines = []
    for e in (1, 2):
        lines += [train.format(e=e, i=i) for i in (2, 4)]
        lines += [line.format(e=e) for line in evaluation]
    records = parse_block("\n".join(lines) + "\n")
    steps = {
        name: [step for step, pairs in records for n, _ in pairs if n == name]
        for name in {n for _, pairs in records for n, _ in pairs}
    }
    evaluated = [name for name in steps if "accuracy" in name or name.lower().startswith("test")]
    assert evaluated, steps
    for name in evaluated:
        # the last training step of each epoch (epochs counted from 1: (epoch - 1) * 4 + 4)
        assert steps[name] == [4, 4, 8, 8], steps


def test_a_column_named_as_a_counter_is_the_rows_step() -> None:
    """`example counter`, `global step`, `train iter`: a counter's column orders the rows."""
    text = (
        "average  since         example        example\n"
        "loss     last          counter         weight\n"
        "0.693147 0.693147            1            1.0\n"
        "0.413765 0.134383            2            2.0\n"
        "0.534168 0.654570            4            4.0\n"
        "0.616168 0.698168            8            8.0\n"
    )
    records = parse_block(text)
    assert [step for step, _ in records] == [1, 2, 4, 8]
    names = {name for _, pairs in records for name, _ in pairs}
    assert not any("counter" in name for name in names), names
    block = "global step   train loss\n          10       0.50\n          20       0.40\n"
    assert [(s, p) for s, p in parse_block(block)] == [
        (10, [("train_loss", 0.5)]),
        (20, [("train_loss", 0.4)]),
    ]


@pytest.mark.parametrize(
    "line, step, pairs",
    [
        ("iteration: 2 of max_iter: 6, perplexity: 9.9663", 2, [("perplexity", 9.9663)]),
        ("Epoch 3 of total_epochs: 10  loss: 0.25", None, [("loss", 0.25)]),
        ("step 4 of max_steps=100 loss=0.5", 4, [("loss", 0.5)]),
    ],
)
def test_the_total_a_counter_runs_to_is_not_a_metric(
    line: str, step: int | None, pairs: list[tuple[str, float]]
) -> None:
    """`iteration: 2 of max_iter: 6`: the named total after `of` belongs to the counter."""
    got_step, got = parse_line(line)
    assert got == pairs
    if step is not None:
        assert got_step == step


def test_whole_numbers_in_a_table_of_decimals_are_counts_not_metrics() -> None:
    """`Images  Instances` beside `P  R  mAP50`: the integers count things (a data set's size)."""
    text = (
        "      Class     Images  Instances          P          R      mAP50\n"
        "        all         20         33      0.512      0.433      0.401\n"
        "        all         20         33      0.561      0.472      0.455\n"
    )
    names = {name for _, pairs in parse_block(text) for name, _ in pairs}
    assert names == {"P", "R", "mAP50"}, names
    # 0 and 1 are a ratio's bounds as `%g` prints them, not counts
    bounds = "      Class     Images          P      mAP50\n        all         20          1      0.401\n"
    assert {n for _, pairs in parse_block(bounds) for n, _ in pairs} == {"P", "mAP50"}
    # a table of whole numbers only keeps them (nothing says they are counts)
    plain = "epoch   correct   total\n    1        51      64\n    2        58      64\n"
    assert {n for _, pairs in parse_block(plain) for n, _ in pairs} == {"correct", "total"}


def test_an_object_repr_wrapped_over_lines_is_configuration() -> None:
    """`LGBMClassifier(learning_rate=0.36, max_bin=255,` then its indented rest, up to `)`."""
    wrapped = (
        "retrained model: LGBMClassifier(learning_rate=np.float64(0.363), max_bin=255,\n"
        "               min_child_samples=10, n_estimators=5, n_jobs=-1, num_leaves=4,\n"
        "               reg_alpha=np.float64(0.0071),\n"
        "               reg_lambda=np.float64(4.6), verbose=-1)\n"
        "best loss: 0.0152"
    )
    assert _skipped(wrapped) == ["best loss: 0.0152"]
    assert parse_block(DumpSkipper().skip(wrapped)) == [(None, [("best_loss", 0.0152)])]
    # parentheses that never close (a `(` inside a string) hold nothing past the indented lines
    unclosed = "Model(name='a(b', width=64,\n    depth=2)\nstep 1 loss=0.5\nstep 2 loss=0.4"
    assert _skipped(unclosed) == ["step 1 loss=0.5", "step 2 loss=0.4"]
    # a repr on one line is left to the line rules; a wrapped metric line is not a repr
    assert _skipped("loss=0.5, acc=0.9,\n  lr=0.1") == ["loss=0.5, acc=0.9,", "  lr=0.1"]


@pytest.mark.parametrize(
    "line, name",
    [
        (
            "Accuracy of the network on the 240 test images: 82.1 %",
            "Accuracy_of_the_network_on_the_240_test_images",
        ),
        ("Loss on the 3 held-out folds: 0.41", "Loss_on_the_3_held-out_folds"),
    ],
)
def test_a_count_inside_a_phrase_is_part_of_its_name(line: str, name: str) -> None:
    """`on the 240 test images: 82.1`: the 240 says which images; the phrase names the value."""
    assert parse_line(line)[1] == [(name, parse_line(line)[1][0][1])]
    assert len(parse_line(line)[1]) == 1


def test_a_counter_inside_a_phrase_never_splits_its_series() -> None:
    """`after 5 epochs`, `after 250 iterations`: a counter, not part of the name."""
    names = {
        name
        for line in ("Accuracy after 5 epochs: 0.81", "Accuracy after 10 epochs: 0.85")
        for name, _ in parse_line(line)[1]
    }
    assert names == {"Accuracy"}, names
    assert parse_line("KL divergence after 300 iterations: 1.2") == (300, [("KL_divergence", 1.2)])


def test_two_values_on_one_line_never_share_a_name() -> None:
    """A longer phrase whose tail repeats an earlier name keeps all its words."""
    line = (
        " at 2.8s,\testimator lgbm's best error=3.4142e-02,"
        "\tbest estimator lgbm's best error=2.7309e-02"
    )
    names = [name for name, _ in parse_line(line)[1]]
    assert [value for _, value in parse_line(line)[1]] == [0.034142, 0.027309]
    assert len(set(names)) == 2, names


@pytest.mark.parametrize("tag", ["[default0]:", "[rank0]: ", "[1,0]<stdout>: "])
def test_a_boxed_result_table_after_a_rank_tag_is_read(tag: str) -> None:
    """`torchrun --tee 3` puts `[default0]:` before each line of Lightning's result box."""
    box = (
        "┏━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓\n"
        "┃  Test metric  ┃ DataLoader 0  ┃\n"
        "┡━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩\n"
        "│   test_acc    │    0.71875    │\n"
        "│   test_loss   │    0.74473    │\n"
        "└───────────────┴───────────────┘\n"
    )
    tagged = "".join(tag + line + "\n" for line in box.splitlines())
    expected = [(None, [("test_acc", 0.71875)]), (None, [("test_loss", 0.74473)])]
    assert parse_block(box) == expected
    assert parse_block(tagged) == expected


@pytest.mark.parametrize(
    "line, name",
    [
        ("Best val_accuracy So Far: 0.92", "Best_val_accuracy_So_Far"),
        ("Trial 3 finished with value: 0.12", "value"),
    ],
)
def test_a_phrase_whose_tail_names_no_metric_keeps_its_metric_word(line: str, name: str) -> None:
    """`Best val_accuracy So Far`: the words after `So` say when, the metric is before them."""
    assert [n for n, _ in parse_line(line)[1]] == [name]


def test_a_bars_redraws_are_not_counted_as_unread_numbers() -> None:
    """The README's Hugging Face example: 600 bar redraws and a few dicts, every metric read,
    and yet `console.unread` said 603 lines held numbers that were not read."""
    reader = Reader(lambda names, step, epoch, values, when: None)
    for position in range(1, 121):
        reader.read(2, _hf_bar(position, 120), 0.0, 0.0)
        if position % 40 == 0:
            reader.read(1, f"{{'loss': 0.{position}, 'epoch': {position / 40}}}\n", 0.0, 0.0)
    reader.close()
    assert reader.metric_lines >= 3
    assert reader.numeric_lines < 10 * reader.metric_lines  # what the warning tests


def test_a_native_librarys_glog_line_is_not_metrics_but_a_scripts_absl_line_is() -> None:
    native = (
        "I0000 00:00:1796560160.367922    2909 generator_dataset_op.cc:213] Memory patch "
        "applied: M_TRIM_THRESHOLD=128 kb was set.\n"
    )
    assert _reader_points([(2, native, 0.0)]) == {}
    script = "I1206 12:00:00.123456 140 train.py:55] step 10 loss 0.5\n"
    assert _reader_points([(2, script, 0.0)]) == {"loss": [(10, 0.5)]}


def test_a_header_cut_at_the_terminals_width_names_no_column_it_lost() -> None:
    """Ultralytics under a narrow terminal: `Box(P … mAP…` with the group unclosed and the
    last name cut: `P` is still read, the cut column is not given a made-up name."""
    text = (
        "                 Class     Images  Instances      Box(P          R      mAP50  "
        "mAP…: 100% ━━━━━━━━━━━━ 1/1 2.4it/s 0.4s\n"
        "                   all          8         12      0.333        0.5     0.0123    0.00279\n"
    )
    got = _reader_points([(1, text, 0.0)])
    assert got["P"][0][1] == 0.333 and got["mAP50"][0][1] == 0.0123
    assert not any("…" in name or "(" in name for name in got)


def test_a_hot_shapes_quick_match_never_takes_part_of_a_date_time_or_version() -> None:
    """Lines of one shape are matched in one C call with a plain number per slot; a time, a
    date or a version where the number was misses it and is read in full."""
    lines = "".join(f"step {i} loss={0.5 / i}\n" for i in range(1, 6))
    lines += "step 6 loss=12:30\nstep 7 loss=2026-12-06\nstep 8 loss=1.2.3\nstep 9 loss=0.05\n"
    got = _reader_points([(1, lines, 0.0)])
    assert [step for step, _ in got["loss"]] == [1, 2, 3, 4, 5, 9]


def _rich_log(messages: list[str], width: int = 80) -> str:
    """What rich's logging handler prints for ``messages``, piped (no colour), ``width`` wide."""
    import io
    import logging

    from rich.console import Console
    from rich.logging import RichHandler

    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, force_terminal=False)
    logger = logging.getLogger(f"mlop-test-rich-{width}-{len(messages)}")
    logger.handlers[:] = [RichHandler(console=console, show_time=True)]
    logger.propagate = False
    logger.setLevel(logging.INFO)
    for message in messages:
        logger.info(message)
    return buffer.getvalue()


def test_a_record_rich_wrapped_keeps_its_words_in_any_reads():
    """rich's handler wraps a long message onto lines indented to its column: the wrapped
    line's values keep the words of the record they belong to, however the text is read."""
    messages = []
    for epoch in range(1, 4):
        messages.append(f"epoch {epoch} step {epoch * 10} loss={0.5 / epoch:.4f} lr=0.3")
        messages.append(
            f"Epoch {epoch} validation: loss={0.4 / epoch:.4f} accuracy={0.8 + epoch / 100:.4f} "
            f"(train loss {0.6 / epoch:.4f})"
        )
    text = _rich_log(messages)
    lines = text.split("\n")
    assert any(line.lstrip().startswith("accuracy=") for line in lines), text  # wrapped
    whole = _points_of([text])
    names = {name for name, _, _ in whole}
    assert "validation/accuracy" in names, names
    assert "accuracy" not in names, names
    assert [v for n, _, v in whole if n == "validation/accuracy"] == [0.81, 0.82, 0.83]
    # Read line by line, as a live run hands over its output, the same points come.
    assert _points_of([line for line in lines]) == whole


def test_lines_of_a_logged_table_are_not_a_wrapped_record():
    """A message's own line breaks (a table logged as one record) are lines of their own:
    their first words would have fitted on the line above, so no wrap made them."""
    table = "split   loss    acc\ntrain   0.2500  0.9100\nval     0.3100  0.8800"
    text = _rich_log(["epoch 1 step 10 loss=0.5 lr=0.3", table])
    import re

    unjoinable = re.sub(r"[ ]+\S+\.py:\d+[ ]*$", "", text, flags=re.MULTILINE)  # no record end
    assert unjoinable != text
    assert _points_of([text]) == _points_of([unjoinable])


def test_a_fitted_models_estimates_are_no_series_and_what_follows_is_read():
    """A table of a fitted model's estimates (a p-value beside a statistic, one row per
    coefficient, as statsmodels, lifelines and R print them) holds no run's values; the
    results printed after it are read."""
    text = (
        "Iteration 1: norm_delta = 0.5, step_size = 0.95, log_lik = -900.1\n"
        "Iteration 2: norm_delta = 0.1, step_size = 0.95, log_lik = -850.2\n"
        "           cmp to      z       p  -log2(p)\n"
        "covariate                                 \n"
        "age         0.000  3.565 <0.0005    11.425\n"
        "dose        0.000 -4.600 <0.0005    17.853\n"
        "bmi         0.000 -0.584   0.559     0.839\n"
        "---\n"
        "Concordance = 0.649\n"
        "            coef  std err          z      P>|z|\n"
        "x1        0.5012    0.101      4.962      0.000\n"
        "x2       -0.2501    0.099     -2.526      0.012\n"
    )
    names = {name for name, _, _ in _points_of([text])}
    assert names == {"norm_delta", "step_size", "log_lik", "Concordance"}, names
    # The other ways to title them: a test statistic spelled out, a p-value against a
    # statistic's symbol, a significance code, intervals; a row may leave a cell blank.
    for header, rows in (
        (
            "            Parameter  Std. Err.     T-stat    P-value    Lower CI    Upper CI",
            [
                "Intercept      1.1227     0.0048     235.15     0.0000      1.1133      1.1321",
                "x1             0.7921     0.0450     17.592     0.0000      0.7036      0.8806",
            ],
        ),
        (
            "Feature Function                  Lambda               Rank         EDoF"
            "         P > x        Sig. Code   ",
            [
                "s(0)                              [1.]                 20           12.2"
                "         1.11e-16     ***         ",
                "intercept                                              1            0.0"
                "          1.11e-16     ***         ",
            ],
        ),
        (
            "            Estimate Std. Error t value Pr(>|t|)    ",
            [
                "(Intercept)  1.01234    0.09876  10.251  < 2e-16 ***",
                "x1           0.49876    0.1001   4.983 1.2e-06 ***",
            ],
        ),
    ):
        table = "\n".join(
            ["step 1 loss 0.5", "step 2 loss 0.4", header, *rows, "F-statistic: 190.46"]
        )
        names = {name for name, _, _ in _points_of([table])}
        assert names == {"loss", "F-statistic"}, (header, names)


def test_a_step_counter_that_starts_again_each_epoch_goes_on_across_epochs():
    """`Epoch 2 Iteration 0` after `Epoch 1 Iteration 15`: the counter counts within the
    epoch; the run's steps go on where the last epoch would have printed next."""
    text = "\n".join(
        f"Epoch {epoch} Iteration {i}: Loss = {0.1 * epoch + i / 1000}, Number of mined = {i}"
        for epoch in (1, 2, 3)
        for i in (0, 5, 10, 15)
    )
    steps = [step for name, step, _ in _points_of([text]) if name == "Loss"]
    assert steps == [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55], steps
    # A counter that only grows is the run's step as printed.
    grows = "\n".join(f"Epoch {e} step {s} loss {s / 100}" for e, s in ((1, 10), (1, 20), (2, 30)))
    assert [s for _, s, _ in _points_of([grows])] == [10, 20, 30]


def test_a_banner_count_after_a_pair_is_no_banner():
    """Hugging Face's banner (`  Num examples = 64`) is noise; a pair before `Number of … =`
    makes the line a record, and its values are read."""
    assert parse_line("  Num examples = 64")[1] == []
    assert parse_line("Loss = 0.5, Number of triplets = 7")[1][:1] == [("Loss", 0.5)]


def test_a_number_of_things_that_changes_is_a_series_and_one_that_stays_is_not():
    changing = "\n".join(
        f"step {s}: loss = {1 / s:.4f}, Number of mined triplets = {800 - s}" for s in (1, 2, 3)
    )
    names = {name for name, _, _ in _points_of([changing])}
    assert names == {"loss", "Number_of_mined_triplets"}, names
    steady = "\n".join(f"step {s}: loss = {1 / s:.4f}, Number of trees = 100" for s in (1, 2, 3))
    assert {name for name, _, _ in _points_of([steady])} == {"loss"}


def test_status_messages_and_patience_counters_mid_run_are_no_metrics():
    text = (
        "step 10 loss=0.5 acc=0.8\n"
        "Using 8 workers, batch size 32, lr 0.001\n"
        "EarlyStopping counter: 3 out of 7\n"
        "Loading 1000 images from /data at 0.5 scale\n"
        "step 20 loss=0.4 acc=0.85\n"
        "Saving model with val_loss=0.45\n"
    )
    names = {name for name, _, _ in _points_of([text])}
    assert names == {"loss", "acc", "val_loss"}, names


def test_a_bar_of_data_mid_run_does_not_move_the_runs_steps():
    """Lines give their own steps; a bar with nothing but its count (a dataset's map, a
    download) counts data: later lines without a step stay at the run's last step."""
    text = (
        "step 10 loss=0.5\n"
        "step 20 loss=0.4\n"
        "Map: 100%|##########| 1000/1000 [00:00<00:00, 12345.67 examples/s]\n"
        "eval accuracy: 0.9\n"
        "step 30 loss=0.3\n"
        "eval accuracy: 0.95\n"
    )
    points = _points_of([text])
    assert [s for n, s, _ in points if n == "eval_accuracy"] == [20, 30], points


def test_batch_positions_inside_epochs_give_the_runs_steps():
    gan = "\n".join(
        f"[Epoch {e}/200] [Batch {b}/938] [D loss: 0.5] [G loss: 0.8]"
        for e in (0, 1)
        for b in (0, 100)
    )
    assert [s for n, s, _ in _points_of([gan]) if n == "D_loss"] == [0, 100, 938, 1038]
    dcgan = "\n".join(
        f"[{e}/5][{b}/1583]\tLoss_D: 0.5\tLoss_G: 0.8" for e in (0, 1) for b in (0, 50)
    )
    assert [s for n, s, _ in _points_of([dcgan]) if n == "Loss_D"] == [0, 50, 1583, 1633]


def test_a_table_of_folds_gives_a_series_per_measure():
    """Columns are folds (`Fold 1  Fold 2  Fold 3  Mean  Std`), rows are measures: each
    row is a series over the folds, its summing columns one point each."""
    text = (
        "epoch 1 loss=0.5\n"
        "                  Fold 1  Fold 2  Fold 3  Mean    Std     \n"
        "RMSE (testset)    1.2307  1.2311  1.2073  1.2231  0.0111  \n"
        "MAE (testset)     0.9980  0.9982  0.9653  0.9872  0.0154  \n"
        "\n"
        "RMSE: 1.2296\n"
    )
    points = _points_of([text])
    series: dict[str, list] = {}
    for name, step, value in points:
        series.setdefault(name, []).append((step, value))
    assert series["RMSE_(testset)"] == [(1, 1.2307), (2, 1.2311), (3, 1.2073)]
    assert series["MAE_(testset)/Mean"] == [(3, 0.9872)]
    assert "Fold" not in series and "RMSE" in series
    assert _points_of(text.splitlines()) == points  # (records, as the line assembler gives them)
    # Numbered titles that are not in order, or a word that changes, are no such header.
    for header in ("  Fold 1  Fold 3  Mean", "  Fold 1  Run 2  Mean", "  Fold 1  Mean"):
        assert reader_module._fold_titles(header) is None, header


def test_a_bar_whose_total_is_estimated_anew_stays_the_runs_bar():
    """A sampler's bar re-estimates its total as it goes (`382/3229`, then `764/3113`): past
    where it stood, it is still the run's bar; an evaluation's bar restarts below it."""
    redraws = [(382, 3229, 0.5), (764, 3113, 0.4), (1130, 4282, 0.3), (1463, 4273, 0.2)]
    text = "\r".join(
        f" 12%|#         | {n}/{t} [00:00<00:00, 3819.48it/s, logz: {v}]" for n, t, v in redraws
    )
    text += "\n eval: 100%|#| 3/30 [00:00<00:00, 9.0it/s, acc: 0.9]\n"
    points = _points_of(text.replace("\r", "\n").splitlines())
    assert [s for n, s, _ in points if n == "logz"] == [382, 764, 1130, 1463], points


def test_a_bar_cut_at_the_terminals_width_keeps_its_whole_values():
    """A bar cut at the edge may cut its last number; a value with more text after it
    (`loglstar: -64.347 | logz:`) is whole."""
    cut = " 11%| | 377/3349 [00:00<00:00, 3764.34it/s, eff: 1087 | loglstar: -64.347 | logz:"
    assert parse_line(cut)[1] == [("eff", 1087.0), ("loglstar", -64.347)]
    edge = " 11%| | 377/3349 [00:00<00:00, 3764.34it/s, eff: 1087 | loglstar: -64.3"
    assert parse_line(edge)[1] == [("eff", 1087.0)]


def test_a_native_librarys_record_of_pairs_is_read_and_its_settings_dump_is_not():
    """A glog-prefixed line is a native library's chatter unless it is a record of pairs;
    a protobuf text message (`trainer_spec {` … `}`) is settings; an inner loop's counter
    (`sub_iter`) is neither a step nor a metric."""
    head = "I0000 00:00:1796598435.242679   19312 unigram_model_trainer.cc:903] "
    text = (
        "trainer_spec {\n"
        "  vocab_size: 400\n"
        "  character_coverage: 0.9995\n"
        "}\n"
        "I0000 00:00:1796560160.367922    2909 op.cc:213] Memory patch: M_TRIM_THRESHOLD=128 kb\n"
        + "\n".join(
            f"{head}EM sub_iter={i % 2} size={2000 - i} obj={9 - i / 10} bytes/tok=7.6"
            for i in range(4)
        )
    )
    points = _points_of([text])
    names = {name for name, _, _ in points}
    assert names == {"obj", "bytes/tok"}, names
    assert [v for n, _, v in points if n == "obj"] == [9.0, 8.9, 8.8, 8.7]


def test_a_warnings_echoed_call_opens_no_printout():
    """Python echoes a warning's source line (`  logger.warn(`, a call going on past the
    line); it is code, not an object's printout: the output after it is read."""
    text = (
        "step 1 loss=0.5\n"
        # (glued behind a bar's redraw on stderr, the warning's head opens no line)
        "  5%|5         | 250/5000 [00:00<00:17, 277.22it/s]"
        "/x/cartpole.py:215: UserWarning: You are calling step() after terminated\n"
        "  logger.warn(\n" + "\n".join(f"step {s} loss={1 / s}" for s in range(2, 6))
    )
    assert [s for n, s, _ in _points_of([text]) if n == "loss"] == [1, 2, 3, 4, 5]


def test_counts_abbreviated_with_n_are_bookkeeping_even_as_they_change():
    text = "\n".join(
        f"step {s}: loss={1 / s:.3f} n/ep={s % 3} ncall={100 * s} nSV={40 + s}" for s in range(1, 5)
    )
    assert {name for name, _, _ in _points_of([text])} == {"loss"}
    # A count spelled out is a series once it moves (`num_tokens`, a trainer's own record).
    moving = "\n".join(f"step {s}: loss={1 / s:.3f} num_tokens={1000 * s}" for s in range(1, 4))
    assert {name for name, _, _ in _points_of([moving])} == {"loss", "num_tokens"}


def test_a_trackers_tag_names_nothing_and_a_lone_step_places_what_follows():
    """A console tracker's `Step: 2` then `Metric: loss = 1.19`: the metric is `loss`, at
    the step printed before it."""
    text = "\n".join(
        f"Step: {s}\nMetric: loss = {1 / s}\nMetric: hits_at_10 = 0.{s}" for s in (1, 2, 3)
    )
    points = _points_of([text])
    assert [(n, s) for n, s, _ in points if n == "loss"] == [("loss", 1), ("loss", 2), ("loss", 3)]
    assert {n for n, _, _ in points} == {"loss", "hits_at_10"}


def test_a_titled_block_of_settings_is_skipped_to_its_blank_line():
    """`Training Hyper Parameters:` then `key = value` lines to a blank line: settings,
    whatever words title them (and `epochs = 8` there sets no epoch)."""
    text = (
        "General Hyper Parameters:\n"
        "seed = 2020\n"
        "\n"
        "Training Hyper Parameters: \n"
        "epochs = 8\n"
        "learning_rate = 0.01\n"
        "\n"
        + "\n".join(f"epoch {e} training [time: 0.01s, train loss: {2 - e / 10}]" for e in range(3))
    )
    points = _points_of([text])
    assert {n for n, _, _ in points} == {"train_loss", "time"}, points
    assert [s for n, s, _ in points if n == "train_loss"] == [0, 1, 2]


def test_a_step_counter_restarting_after_an_epoch_line_goes_on():
    """`Start of epoch 1` on its own line, then `… at step 0: …`: the step counts within
    the epoch the line before said."""
    text = "\n".join(
        f"Start of epoch {e}\n"
        + "\n".join(
            f"Training loss (for 1 batch) at step {s}: {e + s / 100}" for s in (0, 10, 20, 30)
        )
        + f"\nValidation acc: 0.{e + 3}"
        for e in (0, 1)
    )
    points = _points_of([text])
    steps = [s for n, s, _ in points if n.startswith("Training_loss")]
    assert steps == [0, 10, 20, 30, 40, 50, 60, 70], steps


def test_an_evaluation_bar_after_training_does_not_move_the_runs_step():
    """The run's bar ends (15/15), then a bar of another total with nothing but its count
    evaluates (283 users): the results printed after it are at the run's last step."""
    train = "\n".join(
        f"{round(100 * n / 15)}%|#| {n}/15 [00:00<00:00, 66.47it/s, loss=0.{n}]"
        for n in range(1, 16)
    )
    evaluation = "\n".join(
        f"{round(100 * n / 283)}%|#| {n}/283 [00:00<00:00, 9999.0it/s]" for n in (100, 283)
    )
    text = f"{train}\n{evaluation}\n{{'precision': 0.33, 'ndcg': 0.21}}\n"
    points = _points_of(text.splitlines())
    assert [s for n, s, _ in points if n == "precision"] == [15], points


def test_a_scoring_history_with_dates_durations_and_a_count_of_trees():
    """A tabulate table whose cells hold a date and a time, a duration with its unit, and
    the number of trees grown (the rows' counter); an importance table describes inputs."""
    text = (
        "    timestamp            duration    number_of_trees    training_rmse    validation_auc\n"
        "--  -------------------  ----------  -----------------  ---------------  ----------------\n"
        "    2026-12-06 23:30:38  0.058 sec   0                  0.499989         0.5\n"
        "    2026-12-06 23:30:38  0.645 sec   5                  0.407728         0.934474\n"
        "    2026-12-06 23:30:39  0.976 sec   10                 0.349486         0.956404\n"
        "\n"
        "variable    relative_importance    scaled_importance    percentage\n"
        "----------  ---------------------  -------------------  ------------\n"
        "x0          154.451                1                    0.589409\n"
        "x2          55.3773                0.358542             0.211328\n"
    )
    points = _points_of([text])
    assert {n for n, _, _ in points} == {"training_rmse", "validation_auc"}, points
    assert [s for n, s, _ in points if n == "training_rmse"] == [0, 5, 10]


def test_a_decorated_title_naming_a_phase_labels_the_block_of_pairs_under_it():
    """`** Reported on train data. **` then `MSE: 0.088` …, and the same block again under
    `** Reported on validation data. **`: two series each, never one merged."""
    text = (
        "** Reported on train data. **\n\nMSE: 0.088\nAUC: 0.97\n\n"
        "** Reported on validation data. **\n\nMSE: 0.147\nAUC: 0.87\n\n"
        "=== Training started ===\nstep 1 loss=0.5\n"
    )
    points = _points_of([text])
    assert [(n, v) for n, _, v in points] == [
        ("train_data/MSE", 0.088),
        ("train_data/AUC", 0.97),
        ("validation_data/MSE", 0.147),
        ("validation_data/AUC", 0.87),
        ("loss", 0.5),
    ], points


def test_an_epochs_value_after_lines_every_n_batches_lands_at_the_epochs_end():
    """`| epoch 1 |  50/ 60 batches | …` every 25 batches, then the epoch's validation:
    at the epoch's end (its total, 60), which no line showed."""
    text = "\n".join(
        line
        for e in (1, 2)
        for line in [
            *(f"| epoch {e:3d} | {b:5d}/ 60 batches | loss {1 / b:5.2f}" for b in (25, 50)),
            f"| end of epoch {e:3d} | time:  0.14s | valid loss {1 / e:5.2f}",
        ]
    )
    points = _points_of([text])
    assert [s for n, s, _ in points if n == "valid_loss"] == [60, 120], points
    assert [s for n, s, _ in points if n == "loss"] == [25, 50, 85, 110], points


# Lines of 32 KiB that a backtracking regex would crawl over are read right (their speed,
# per byte against plain log lines, is measured in tests/benchmarks/bench_parse.py).


def test_a_long_run_of_spaces_with_a_source_is_read():
    # join_wrapped's look for a right-aligned source (`  train.py:115`) on a line with one
    assert _points_of(["x.py:1 " + " " * (1 << 15) + "x"]) == []


def test_a_long_text_after_a_labelled_number_is_read():
    # `rank 0 sample 0: Hello, …` (_LABELLED_TEXT) on a long run of words ending in a digit
    assert _points_of(["loss 0.5: " + "ab " * (1 << 13) + "x1"]) == [("loss", None, 0.5)]


@pytest.mark.parametrize(
    "line", ["== a" + " " * (1 << 15) + "x -", "== a" + "-" * (1 << 15) + " x-"]
)
def test_a_long_line_ending_as_a_title_is_read(line: str):
    # a line ending with a title's decoration (`=== Test ===`, _section_title)
    assert _points_of([line]) == []


def test_an_evaluations_bar_that_runs_past_the_main_bar_stays_inside_it():
    """An evaluation's bar (500 batches) drawn while the run's bar (1,000 steps) stands at
    100 starts below it; past 100 it is still the evaluation's, not the run's bar with its
    total estimated anew: its values are at the run's step."""

    def bar(desc: str, n: int, total: int, post: str = "") -> str:
        return (
            f"{desc}: {100 * n // total:3d}%|##        | {n}/{total} [00:01<00:01, 3.0it/s{post}]"
        )

    lines = [bar("Training", n, 1000, f", loss={n / 1000}") for n in (50, 100)]
    lines += [bar("Evaluating", n, 500) for n in (100, 200, 300, 400, 500)]
    lines += ["eval accuracy: 0.8"]
    lines += [bar("Training", n, 1000, f", loss={n / 1000}") for n in (150, 200)]
    points = _points_of(lines)
    assert [(n, s) for n, s, _ in points] == [
        ("loss", 50),
        ("loss", 100),
        ("eval_accuracy", 100),
        ("loss", 150),
        ("loss", 200),
    ], points
    assert _points_of(["\n".join(lines)]) == points


def test_a_run_wide_step_printed_again_with_the_next_epoch_does_not_start_an_epoch_count():
    """A step counter that goes on across epochs, printed once more at the same step with the
    next epoch (an end-of-epoch summary), did not start again: the steps are as printed."""
    lines = [
        "Epoch 1 step 90 loss 0.5",
        "Epoch 1 step 100 loss 0.4",
        "Epoch 2 step 100 val_loss 0.3",
        "Epoch 2 step 110 loss 0.3",
    ]
    assert [s for _, s, _ in _points_of(lines)] == [90, 100, 100, 110]


def test_a_table_with_columns_named_t_and_p_alone_is_read():
    """Only a p-value's or an estimate's full name makes a table a model's estimates: `t`
    and `p` alone are a run's columns (a timestep, a probability)."""
    text = "  t    loss     p\n  1    0.50  0.10\n  2    0.40  0.20\n  3    0.30  0.30\n"
    names = {name for name, _, _ in _points_of([text])}
    assert "loss" in names, names


def test_a_dict_pprint_wrapped_is_read_as_one_record_in_any_reads():
    """pprint wraps a dict one key per line; it is one record, read whole however the text
    is read; a phase's counts in it (`'test_step': 1234`) are no metrics."""
    import pprint

    metrics = {"epoch": 3.0, "eval_accuracy": 0.8765, "eval_f1": 0.8123, "eval_loss": 0.4123}
    summary = {"best_result": "15.00", "best_reward": 15.0, "test_step": 1234}
    text = "step 10 loss=0.5\n" + pprint.pformat(metrics, width=40) + "\n"
    text += pprint.pformat(summary, width=30)
    assert text.count("\n") > 6  # wrapped
    whole = _points_of([text])
    names = {name for name, _, _ in whole}
    assert {"eval_accuracy", "eval_f1", "eval_loss", "best_reward"} <= names, names
    assert "test_step" not in names
    by_series = sorted(whole, key=lambda point: point[0])  # (what each series stores)
    assert sorted(_points_of(text.splitlines()), key=lambda point: point[0]) == by_series
    lines = text.splitlines()
    halves = ["\n".join(lines[:3]), "\n".join(lines[3:])]  # (the first dict cut in two)
    assert sorted(_points_of(halves), key=lambda point: point[0]) == by_series


def test_a_phase_before_a_position_or_in_a_bars_brackets_labels_the_values():
    """`train (1/4) loss: 0.75` then `valid (1/4) loss: 0.28`: the phase opening the line
    before the epoch's position keeps the two apart; so does the loader a bar names in
    brackets in its description (`1/3 * Epoch (valid): … loss=0.24`)."""
    text = (
        "train (1/4) accuracy01: 0.7468 | loss: 0.7551 | lr: 0.02\n"
        "valid (1/4) accuracy01: 0.9010 | loss: 0.2790 | lr: 0.02\n"
        "valid [2/4] loss 0.25 acc 0.8\n"
        "1/3 * Epoch (train):  10%|█         | 1/10 [00:00<00:00, 20.32it/s, loss=1.200, lr=0.020]\n"
        "1/3 * Epoch (valid):  50%|█████     | 5/10 [00:00<00:00, 20.32it/s, loss=0.241]\n"
        "Training:  45%|████      | 45/100 [00:01<00:01, 30.1it/s, loss=0.5]\n"
    )
    names = {name for name, _, _ in _points_of([text])}
    assert names == {
        "train/accuracy01",
        "train/loss",
        "train/lr",
        "valid/accuracy01",
        "valid/loss",
        "valid/lr",
        "valid/acc",
        "loss",
    }, names


def test_an_evaluations_count_after_the_epochs_and_each_phases_count_of_steps():
    """`Step: 1/3` after `Step: 10/10` in the same epoch is the evaluation's count: its values
    are at the epoch's end. `Train steps: 10 Val steps: 3` then the epoch's means says how many
    steps each phase took: neither the line's step nor a label."""
    lines = []
    for epoch in (1, 2):
        for i in range(1, 11):
            lines.append(
                f"Epoch: {epoch}/2 Step: {i:2d}/10 {i * 10:6.2f}% |██|ETA: 0.1s loss: {1 / i:.6f}"
            )
        for i in range(1, 4):
            lines.append(
                f"Epoch: {epoch}/2 Step: {i}/3 {i * 33.33:6.2f}% |██|ETA: 0.1s val_loss: {i / 9:.6f}"
            )
        lines.append(
            f"Epoch: {epoch}/2 Train steps: 10 Val steps: 3 0.32s loss: 0.{epoch}5 acc: 47.6"
            f" val_loss: 0.{epoch}7 val_acc: 45.6"
        )
    lines.append("Epoch: 2/2 Test steps: 3 0.03s test_loss: 0.740178 test_acc: 50.0")
    points = _points_of(["\n".join(lines) + "\n"])
    names = {name for name, _, _ in points}
    assert names == {"loss", "val_loss", "acc", "val_acc", "test_loss", "test_acc"}, names
    val_steps = [step for name, step, _ in points if name == "val_loss"]
    assert val_steps == [10, 10, 10, 10, 20, 20, 20, 20], val_steps
    assert [step for name, step, _ in points if name == "acc"] == [10, 20]


def test_a_clock_with_units_between_its_digits_is_a_time_and_i_is_a_step_column():
    """GPy's optimizer: a header printed once, then rows redrawn with `\\r`, each opening with
    its runtime (`00s01`, a clock with its units between the digits) and its iteration `i`."""
    rows = "".join(
        f"\r    00s{i // 3:02d}  {i:03d}  {-20.0 - i / 10:13.6e}  {1.0 / (i + 1):12.6e} "
        for i in range(8)
    )
    text = "Running L-BFGS-B (Scipy implementation) Code:\n  runtime   i     f              |g|\n"
    from tests.console_score import parse

    series = parse((text + rows + "\n").encode())
    assert set(series) == {"f", "g"}, set(series)
    assert [step for step, _, _ in series["f"].points] == list(range(8))
    assert _points_of(["step 3 loss 0.5 eta 1h02m\n"]) == [("loss", 3, 0.5)]
    # A word between a value and a time names the time: the value before it keeps its name.
    assert _points_of(["step 4 loss 0.4 time 00:12\n"]) == [("loss", 4, 0.4)]


def test_the_cifar_tutorials_epoch_batch_pair_and_a_count_of_batches_done():
    """`[1,  8] loss: 1.13` (PyTorch's CIFAR tutorial): the epoch, then the batches done in
    it; a count of batches done (8, 16, 24) ends its epoch at its last count, a count from 0
    (0, 8, 16) an interval after it."""
    done = "".join(
        f"[{epoch}, {batch:5d}] loss: {1 / (epoch * batch):.3f}\n"
        for epoch in (1, 2, 3)
        for batch in (8, 16, 24)
    )
    steps = [step for name, step, _ in _points_of([done]) if name == "loss"]
    assert steps == [8, 16, 24, 32, 40, 48, 56, 64, 72], steps
    from_zero = "".join(
        f"Epoch {epoch} Batch {batch} Loss {1 / (epoch + batch):.4f}\n"
        for epoch in (1, 2)
        for batch in (0, 8, 16)
    )
    assert [s for _, s, _ in _points_of([from_zero])] == [0, 8, 16, 24, 32, 40]


def test_a_bar_of_unknown_length_at_its_start_is_where_the_run_stands():
    """Lightning draws bars of unknown length (`Validation: |   | 0/? […]`, `Training: |   |
    0/? [… MAE_val=6.820]`) between the epochs' bars: they say nothing of where the run is.
    Their values are points at the run's step, one per epoch, named as the bar names them."""
    from tests.console_score import parse

    out = []
    for epoch in range(1, 4):
        out.append(f"\rEpoch {epoch}:   0%|          | 0/5 [00:00<?, ?it/s]")
        out.append(f"\rEpoch {epoch}: 100%|██████████| 5/5 [00:00<00:00, 99.1it/s]")
        out.append("\nValidation: |          | 0/? [00:00<?, ?it/s]")
        out.append(
            f"\rTraining: |          | 0/? [00:00<?, ?it/s, v_num=0, MAE_val={7 - epoch:.3f},"
            f" train_loss={0.5 - epoch / 10:.3f}]\n"
        )
    series = parse("".join(out).encode())
    assert set(series) == {"MAE_val", "train_loss"}, set(series)
    assert [v for _, _, v in series["MAE_val"].points] == [6.0, 5.0, 4.0]
    steps = [s for s, _, _ in series["MAE_val"].points]
    assert steps == sorted(set(steps)) and steps[0] > 0, steps


def test_a_phase_alone_on_its_line_names_the_table_under_it():
    """`VALIDATION:` then a table, `TEST:` then the same table: two phases' results, never
    one series with a point of each."""
    table = (
        "    |    MAE |   RMSE |    AUC\n"
        "--- + ------ + ------ + ------\n"
        "MF  | {0:.4f} | 1.4462 | 0.4891\n"
        "PMF | 1.2904 | 1.3924 | 0.5084\n"
    )
    text = "VALIDATION:\n...\n" + table.format(1.3436) + "\nTEST:\n...\n" + table.format(1.2781)
    points = _points_of([text])
    names = {name for name, _, _ in points}
    assert "VALIDATION/MF/MAE" in names and "TEST/MF/MAE" in names, names
    assert not any(name.startswith("MF/") for name in names), names


def test_a_rows_status_is_not_its_key_its_id_is_and_counted_columns_are_no_metrics():
    """A trials' table (`trial_id  status  iter … valid_loss`): rows are the trials', keyed by
    their id, never by their state (`InProgress`), which would merge every trial into one
    series. A sampler's status table: its columns named as counts (`Bounds`) hold no metric,
    0 and 1 too, and the count of calls so far is the step when no column is named as one."""
    trials = (
        " trial_id     status  iter  valid_loss  valid_acc\n"
        "        0 InProgress     1    0.472927      0.930\n"
        "        1 InProgress     1    0.512345      0.910\n"
        "        0 InProgress     2    0.402927      0.940\n"
        "        1  Completed     2    0.442345      0.920\n"
    )
    points = _points_of([trials])
    names = {name for name, _, _ in points}
    assert names == {"0/valid_loss", "0/valid_acc", "1/valid_loss", "1/valid_acc"}, names
    assert [s for n, s, _ in points if n == "0/valid_loss"] == [1, 2]
    sampler = "Status    | Bounds | Ellipses | Calls    | f_live | log Z    \n" + "".join(
        f"Sampling  | 1      | 0        | {calls:<8} | 1.0000 | {-10 + calls / 1000:.2f}   \n"
        for calls in (100, 200, 300)
    )
    points = _points_of([sampler])
    assert {name for name, _, _ in points} == {"f_live", "log_Z"}
    assert [s for n, s, _ in points if n == "log_Z"] == [100, 200, 300]


def test_a_counter_in_angle_brackets_and_numbers_labelling_words_with_digits():
    """The `lda` package logs `INFO:lda:<25> log likelihood: -58809`: the iteration opens the
    message in angle brackets. `Topic 0: e5 e28 e17 …` labels a list of words (digits inside
    them too): no metric."""
    text = (
        "".join(f"INFO:lda:<{i}> log likelihood: {-60000 + i * 40}\n" for i in (0, 10, 20))
        + "Topic 0: e5 e28 e17 e26 e30\nTopic 1: a25 a0 a17 a29 a10\n"
    )
    assert _points_of([text]) == [
        ("log_likelihood", 0, -60000.0),
        ("log_likelihood", 10, -59600.0),
        ("log_likelihood", 20, -59200.0),
    ]


def test_a_printed_history_of_per_epoch_lists_is_read_once():
    """`print(history.history)`: a record of lists, one value per epoch. Its series are read,
    one point per epoch; a series the run showed already (the bar's) is not read again; a
    parameter grid (lists, no metric's name) is no history."""
    from tests.console_score import parse

    history = (
        "{'train_loss': [np.float64(1.0283), np.float64(0.8692), np.float64(0.8343)],"
        " 'val_loss': [0.9162, 0.8729, 0.8658], 'lr': [0.003, 0.003, 0.0009]}\n"
    )
    series = parse(history.encode())
    assert set(series) == {"train_loss", "val_loss", "lr"}, set(series)
    assert [(e, v) for _, e, v in series["val_loss"].points] == [
        (1.0, 0.9162),
        (2.0, 0.8729),
        (3.0, 0.8658),
    ]
    epochs = "".join(
        f"Epoch {e}/3 - train_loss: {v:.4f}\n" for e, v in ((1, 1.0283), (2, 0.8692), (3, 0.8343))
    )
    again = parse((epochs + history).encode())
    assert len(again["train_loss"].points) == 3  # the bar's three, not six
    assert len(again["val_loss"].points) == 3
    grid = "{'C': [0.1, 1.0, 10.0], 'gamma': [0.01, 0.1, 1.0]}\nstep 1 loss 0.5\n"
    assert set(parse(grid.encode())) == {"loss"}


def test_a_summarys_keys_aligned_in_columns_with_text_values_between_them():
    """A regression summary's header: keys aligned in two columns, some with text values (one
    word right-aligned against the next key, or words then a wide gap), some in a sentence's
    words (`Number of Samples`): each numeric key is its own series."""
    text = (
        "Distribution:                        NormalDist Effective DoF:                 25.9066\n"
        "Link Function:                     IdentityLink Log Likelihood:              -118.5907\n"
        "Number of Samples:                          500 AIC:                           290.9946\n"
        "Mean Model:             Constant Mean   Adj. R-squared:                  0.871\n"
    )
    names = {name for name, _, _ in _points_of([text])}
    assert {"Log_Likelihood", "AIC", "Adj_R-squared"} <= names, names
    assert not any("NormalDist" in n or "IdentityLink" in n or "Mean_" in n for n in names)
    assert _points_of(["Fitting with cpus=2, gpus=0\n"]) == []


def test_a_phase_tag_a_records_split_and_a_sentence_saying_what_a_metric_is():
    """`[train] step: 40, loss: 2.2` and `[test] …` keep train and test apart, as does a
    record's `'split': 'test'`; `the average loss is 7641.35` (Keras' guide to callbacks) names
    its metric by the words before `is`; a printout annotated with comments (`CNN( # Param:
    11,178`) is no metric."""
    text = (
        "CNN( # Param: 11,178 (44.7 KB)\n"
        "  conv1=Conv( # Param: 80 (320 B)\n"
        "    in_features=1,\n"
        "    out_features=8,\n"
        "  ),\n"
        ")\n"
        "[train] step: 40, loss: 2.202296, accuracy: 19.43597\n"
        "[test] step: 40, loss: 1.835432, accuracy: 39.0625\n"
        "{'step': 50, 'split': 'train', 'accuracy': '0.295'}\n"
        "{'step': 50, 'split': 'test', 'accuracy': '0.224'}\n"
        "Up to batch 1, the average loss is 7641.35.\n"
        "The average loss for epoch 0 is 1957.08 and mean absolute error is   16.62.\n"
    )
    names = {name for name, _, _ in _points_of([text])}
    assert names == {
        "train/loss",
        "train/accuracy",
        "test/loss",
        "test/accuracy",
        "average_loss",
        "mean_absolute_error",
    }, names
    assert _points_of(["The model is 3 layers deep\n"]) == []


def test_a_counter_named_in_the_plural_alone_is_a_setting_not_the_start_of_training():
    """`Train steps: 200` in a configuration's log says how many: it neither starts the
    training output nor is a step; what follows it before the training (parameters per
    module) stays configuration."""
    from tests.console_score import parse

    text = (
        "[2026-12-07 01:50:31,435 INFO] Train steps: 200\n"
        "[2026-12-07 01:50:33,013 INFO] encoder: 8384\n"
        "[2026-12-07 01:50:33,013 INFO] decoder: 12544\n"
        "[2026-12-07 01:50:45,707 INFO] Step 20/  200; acc: 7.3; ppl: 31.31; xent: 3.44\n"
        "[2026-12-07 01:50:46,954 INFO] Step 40/  200; acc: 14.8; ppl: 28.86; xent: 3.36\n"
    )
    series = parse(text.encode())
    assert set(series) == {"acc", "ppl", "xent"}, set(series)
    assert [s for s, _, _ in series["acc"].points] == [20, 40]
    assert _points_of(["Steps: 100 | loss 0.5\n"]) == [("loss", 100, 0.5)]


def test_a_header_separated_by_tabs_and_trees_as_the_step():
    """`gen\\tnevals\\tfitness …` (a genetic search's log, one tab between titles) is a header
    as a terminal shows it; `Train tree 11/40 accuracy:0.72 [index:10 …]`: the tree is the
    step, the index an identifier."""
    table = "gen\tnevals\tfitness \tfitness_std\n" + "".join(
        f"{g}  \t{n}     \t{f}\t{sd}  \n"
        for g, n, f, sd in ((0, 6, 0.947778, 0.0114934), (1, 12, 0.955, 0.0106719))
    )
    points = _points_of([table])
    assert {name for name, _, _ in points} == {"fitness", "fitness_std"}, points
    assert [s for n, s, _ in points if n == "fitness"] == [0, 1]
    trees = "".join(
        f"Train tree {t}/40 accuracy:0.{70 + t} logloss:3.{t} [index:{t - 1} total:0.0{t}s]\n"
        for t in (1, 11)
    )
    points = _points_of([trees])
    assert {name for name, _, _ in points} >= {"accuracy", "logloss"}
    assert "index" not in {name for name, _, _ in points}
    assert [s for n, s, _ in points if n == "accuracy"] == [1, 11]


def _series(text: str) -> dict[str, list]:
    from tests.console_score import parse

    return {name: parsed.points for name, parsed in parse(text.encode()).items()}


def test_rules_of_this_corpus_round_hold_where_they_should_not_fire():
    """A review's checks of the rules added for unseen libraries, on common training logs."""
    body = "".join(
        f"Epoch {e}/50 - loss: {1 / e:.4f} - val_loss: {1.1 / e:.4f}\n" for e in range(1, 51)
    )
    config = "========== Config ==========\nlr: 0.001\nbatch_size: 32\n" + "=" * 28 + "\n"
    assert len(_series(config + body)["loss"]) == 50  # a settings block ends at its rule
    # An evaluation's count first, then the epochs' counts of other totals: distinct steps.
    lines = [f"Step {s}/3 val_loss: 0.9{s}" for s in (1, 2, 3)]
    lines += [f"Epoch {e}/2 Step {s}/5 loss: 0.{e}{s}" for e in (1, 2) for s in range(1, 6)]
    assert len({p[0] for p in _series("\n".join(lines) + "\n")["loss"]}) == 10
    lines = [
        f"Epoch {e}/3 Step {s}/{n} loss: 0.{e}{s:02d}"
        for e, n in ((1, 10), (2, 9), (3, 11))
        for s in range(1, n + 1)
    ]
    assert len({p[0] for p in _series("\n".join(lines) + "\n")["loss"]}) == 30
    # A label and a wide gap keep the first pair.
    assert "loss" in _series("Epoch 1 summary:    loss 0.512, acc 0.871\n" * 2)
    # A `phase` column keys its rows.
    table = "epoch  phase  loss    acc\n1      train  0.512   0.801\n1      val    0.634   0.712\n"
    assert {"train/loss", "val/loss"} <= set(_series(table))
    # Records holding a size keep their metrics.
    records = (
        "{'step': 100, 'lr': 0.0003, 'grad_norm': 1.23, 'batch_size': 64}\n"
        "{'step': 200, 'lr': 0.00029, 'grad_norm': 0.98, 'batch_size': 64}\n"
    )
    assert {"lr", "grad_norm"} <= set(_series(records))
    # A phase's title labels only the table right under it.
    later = (
        "Training:\nepoch 1 loss 0.5\nepoch 2 loss 0.4\nFinal results\n"
        "model    rmse    mae\nridge    0.512   0.401\nlasso    0.534   0.420\n"
    )
    assert "ridge/rmse" in _series(later)
    # A rate per step is no index; a bar's bracketed phase and a phase's tag are not doubled.
    rate = "".join(f"step {s} loss 0.{s} tokens_per_step {4000 + s}\n" for s in (1, 2, 3))
    assert "tokens_per_step" in _series(rate)
    bars = (
        "Epoch 1 (Train): 100%|██████████| 10/10 [00:01<00:00, 9.1it/s, train_loss=0.512]\n"
        "Epoch 1 (Valid): 100%|██████████| 5/5 [00:00<00:00, 9.1it/s, val_loss=0.612]\n"
    )
    assert {"train_loss", "val_loss"} <= set(_series(bars))
    assert "Train_Loss" in _series(
        "[Train] Epoch 1 Train Loss: 0.512\n[Train] Epoch 2 Train Loss: 0.41\n"
    )
    # A plural counter that comes again with another number is a counter after all.
    again = "Iterations: 100\n  train_loss: 0.52\nIterations: 200\n  train_loss: 0.41\n"
    assert [p[0] for p in _series(again)["train_loss"]][-1] == 200
    # A sentence naming its metric by a phrase opening with the metric's word.
    assert "accuracy_on_the_test_set" in _series(
        "step 1 loss 0.5\nThe accuracy on the test set is 0.91\n"
    )


def test_rays_process_prefixes_and_a_distributed_runs_ranks():
    """Ray prefixes a worker's output with its process (`(RayTrainWorker pid=6631) {…}`) and
    logs its own C++ lines with a bracketed header: no pid is a metric, the record after the
    prefix is read, ranks are identifiers, and a result's label does not double its phases."""
    text = (
        "(RayTrainWorker pid=6631) {'epoch': 0, 'train_loss': 3.2661, 'val_loss': 2.3719}\n"
        "(PlacementGroupCleaner pid=6596) Failed to query Ray Train Controller actor state. 3\n"
        "[2026-12-07 02:17:49,968 E 6534 6559] core_worker.cc:2465: Actor with class name: 12\n"
        "- (ip=192.0.2.2, pid=6631) world_rank=0, local_rank=0, node_rank=0\n"
        "Setting up process group for: env:// [rank=0, world_size=2]\n"
        "(RayTrainWorker pid=6631) {'epoch': 1, 'train_loss': 1.2661, 'val_loss': 1.3719}\n"
        "Training result: {'epoch': 1, 'train_loss': 1.2661, 'val_loss': 1.3719}\n"
    )
    series = _series(text)
    assert set(series) == {"train_loss", "val_loss"}, set(series)
    # Which run of several (k-prototypes' restarts) is no metric either.
    runs = "".join(
        f"Run: {r}, iteration: {i}/100, moves: {9 - i}, ncost: {1556 - r - i}.5\n"
        for r in (1, 2)
        for i in (1, 2)
    )
    assert "Run" not in _series(runs)


def test_a_labelled_record_keeps_its_own_epoch_and_reads_of_any_size_agree():
    """`Training result: {'epoch': 3, …}` after the epochs' records: the label says no epoch,
    so the record's own places it, with the others (it was emitted ahead of the records still
    waiting for their steps, at a step that depended on the size of the reads)."""
    from tests.console_score import parse

    text = (
        "".join(
            f"{{'epoch': {e}, 'train_loss': {3.0 - e / 2}, 'val_loss': {2.0 - e / 3}}}\n"
            for e in range(4)
        )
        + "Training result: {'epoch': 3, 'train_loss': 1.5, 'val_loss': 1.0}\n"
    )
    data = text.encode()
    whole = parse(data, 1 << 20)
    assert repr(parse(data, 37)) == repr(whole)
    assert [epoch for _, epoch, _ in whole["train_loss"].points] == [0.0, 1.0, 2.0, 3.0, 3.0]


def test_the_first_counter_column_a_tagged_counter_and_epoch_records_after_steps():
    """`| niter |f evals|CG iter| obj func |` (SciPy's trust-constr): the first counter column
    is the step, not the inner `CG iter`; `basinhopping step 3: f -0.74` opens with its
    algorithm's tag before the counter; `{'epoch': 1, 'val_loss': …}` after records with
    their own `'step'` is at the step they reached."""
    table = "| niter |f evals|CG iter|  obj func   |\n|-------|-------|-------|-------------|\n"
    table += "".join(
        f"|  {n:3d}  |  {2 * n:3d}  |  {c:3d}  | {1 / n:+.4e} |\n"
        for n, c in ((1, 0), (2, 3), (3, 1))
    )
    assert [s for n, s, _ in _points_of([table]) if n == "obj_func"] == [1, 2, 3]
    tagged = "".join(f"basinhopping step {s}: f {-s / 10} lowest_f {-s / 10}\n" for s in (1, 2))
    assert [s for n, s, _ in _points_of([tagged]) if n == "f"] == [1, 2]
    records = (
        "{'step': 8, 'loss': 1.04}\n{'step': 16, 'loss': 0.93}\n"
        "{'epoch': 1, 'val_loss': 0.91}\n{'step': 24, 'loss': 0.87}\n"
        "{'epoch': 2, 'val_loss': 0.88}\n"
    )
    series = _series(records)
    assert [(s, e) for s, e, _ in series["val_loss"]] == [(16, 1.0), (24, 2.0)]


def test_a_line_announcing_an_evaluation_labels_the_lines_to_the_next_epoch():
    """PaddlePaddle's `Model.fit`: `Eval begin...`, then a line with the training's own names
    (`step 10/10 - loss: 1.46 - acc: 0.66`): the evaluation's values, never points of the
    training's series; the next `Epoch 2/3` ends the block."""
    text = ""
    for epoch in (1, 2):
        text += f"Epoch {epoch}/2\n"
        text += "".join(
            f"step {s}/50 - loss: {1 / (epoch * s):.4f} - acc: 0.{epoch}{s} - 1ms/step\n"
            for s in (10, 50)
        )
        text += f"Eval begin...\nstep 10/10 - loss: 1.{epoch}621 - acc: 0.6625 - 744us/step\n"
        text += "Eval samples: 320\n"
    series = _series(text)
    assert set(series) == {"loss", "acc", "Eval/loss", "Eval/acc"}, set(series)
    assert len(series["loss"]) == 4 and [v for _, _, v in series["Eval/loss"]] == [1.1621, 1.2621]


def _trial_table(rows: list[tuple[int, str, int, float, float, str, str]]) -> str:
    header = " trial_id     status  iter       lr  epochs  epoch  valid_loss  valid_acc\n"
    lines = [
        f"{t:>9} {status:>10} {it:>5} {lr:>8.6f} {8:>7} {ep:>6} {loss:>11} {acc:>10}"
        for t, status, it, lr, _, loss, acc in rows
        for ep in [("-" if it == 0 else str(it))]
    ]
    return "Tuning Status\n" + header + "\n".join(lines) + "\n2 trials running\n\n"


def test_a_tuners_status_table_printed_again_gives_each_trials_results_once():
    """A tuner prints every trial's last result as a table, again every few seconds: rows keyed
    by the trial's id, its state (`Stopped`, shorter than `InProgress`, lies anywhere under
    `status`), its settings (`lr`, constant for the trial; `epochs`, the total beside the
    `epoch` counter), its own counter (`iter`) and its results. Each result is one point at the
    trial's own step; the settings are no series; a row printed again adds nothing."""
    text = "[01:36:51] Trial 0 started - config: lr=0.0443, epochs=8\n"
    text += _trial_table(
        [
            (0, "InProgress", 3, 0.0443, 0, "0.472927", "0.930"),
            (1, "InProgress", 3, 0.0643, 0, "0.423542", "0.935"),
        ]
    )
    text += _trial_table(
        [
            (0, "Stopped", 8, 0.0443, 0, "0.355795", "0.940"),
            (1, "Stopped", 8, 0.0643, 0, "0.310880", "0.945"),
            (2, "InProgress", 0, 0.0187, 0, "-", "-"),
        ]
    )
    text += _trial_table(
        [
            (0, "Stopped", 8, 0.0443, 0, "0.355795", "0.940"),
            (1, "Stopped", 8, 0.0643, 0, "0.310880", "0.945"),
            (2, "Stopped", 1, 0.0187, 0, "0.644670", "0.900"),
        ]
    )
    series = _series(text)
    assert set(series) == {f"{t}/{m}" for t in (0, 1, 2) for m in ("valid_loss", "valid_acc")}
    assert series["0/valid_loss"] == [(3, 3.0, 0.472927), (8, 8.0, 0.355795)]
    assert series["2/valid_acc"] == [(1, 1.0, 0.9)]


def test_keyed_rows_printed_once_or_moving_keep_every_column():
    """A table printed once (a per-class report at the end) is all the run showed: each value
    is kept; a column that moves for any key is a series from its first point."""
    report = (
        "              precision    recall  f1-score   support\n\n"
        "           0       0.83      0.91      0.87        55\n"
        "           1       0.90      0.80      0.85        45\n"
    )
    assert set(_series(report)) == {
        f"{c}/{m}" for c in (0, 1) for m in ("precision", "recall", "f1-score")
    }
    epochs = "".join(
        f"Epoch {e}/2 loss: 0.{e}\n" + report.replace("0.80", f"0.8{e}") for e in (1, 2)
    )
    series = _series(epochs)
    assert [v for _, _, v in series["1/recall"]] == [0.81, 0.82]
    # The same again at the next epoch: rows counting no steps of their own are no trial's
    # settings; each epoch's report is a point.
    assert len(series["0/precision"]) == 2


def test_a_count_of_a_total_spaced_or_with_its_fraction_is_the_fraction():
    """`Item accuracy: 58 / 96 (0.6042)` (CRFsuite): the fraction printed, not the count;
    `Accuracy: 155 / 256 (61%)` as `155/256 (61%)`; two values split by ` / ` stay values."""
    assert parse_block("Item accuracy: 58 / 96 (0.6042)\n") == [(None, [("Item_accuracy", 0.6042)])]
    assert parse_block("Item accuracy: 80/96 (0.8333)\n") == [(None, [("Item_accuracy", 0.8333)])]
    assert parse_block("Accuracy: 155 / 256 (61%)\n") == [(None, [("Accuracy", 60.546875)])]
    # A bracketed number that is not the fraction is no reading of it.
    assert parse_block("Item accuracy: 58 / 96 (0.9)\n") == []
    pairs = parse_block("D(x): 0.6128\tD(G(z)): 0.6185 / 0.6182\n")[0][1]
    assert pairs[0] == ("D(x)", 0.6128) and pairs[1][1] == 0.6185


def test_a_frame_of_named_trials_gives_its_columns_at_each_rows_place():
    """A leaderboard printed by pandas, indexed by the models' names (`Model` on a line of its
    own): each row one trial, each column a series at the row's place in the table, under a
    terminal's width or into a pipe where pandas leaves middle columns out (`...`)."""
    wide = (
        "                        Accuracy  ROC AUC  F1 Score  Time Taken\n"
        "Model                                                          \n"
        "KNeighborsClassifier    0.911111  0.948634  0.911111    0.012351\n"
        "RandomForestClassifier  0.900000  0.971407  0.899347    0.092090\n"
        "SVC                     0.877778  0.953947  0.877545    0.011239\n"
    )
    series = _series(wide)
    assert set(series) == {"Accuracy", "ROC_AUC", "F1_Score", "Time_Taken"}, set(series)
    assert series["ROC_AUC"] == [(0, None, 0.948634), (1, None, 0.971407), (2, None, 0.953947)]
    narrow = (
        "                        Accuracy  ...  Time Taken\n"
        "Model                             ...            \n"
        "KNeighborsClassifier    0.911111  ...    0.012351\n"
        "RandomForestClassifier  0.900000  ...    0.092090\n"
        "\n[2 rows x 4 columns]\n"
    )
    assert _series(narrow)["Accuracy"] == [(0, None, 0.911111), (1, None, 0.9)]
    # A frame with its row numbers and columns left out: each value under its own column.
    cv = (
        "    train-loss-mean  train-loss-std  ...  test-auc-mean  test-auc-std\n"
        "16         0.163717        0.004163  ...       0.918927      0.011995\n"
        "17         0.154540        0.003758  ...       0.921151      0.011154\n"
    )
    series = _series(cv)
    assert series["test-auc-mean"] == [(16, None, 0.918927), (17, None, 0.921151)]
    assert series["test-auc-std"] == [(16, None, 0.011995), (17, None, 0.011154)]


def test_a_distributions_summary_per_parameter_is_no_metric():
    """ArviZ' `az.summary` (or a frame's `describe().T`): a parameter's mean, spread and
    interval bounds are what a fit estimated, not values of the run."""
    text = (
        "        mean     sd  hdi_3%  hdi_97%  mcse_mean  mcse_sd  ess_bulk  ess_tail  r_hat\n"
        "b      0.343  0.027   0.295    0.394      0.001    0.001     964.0     694.0    1.0\n"
        "sigma  0.522  0.020   0.489    0.559      0.001    0.001     915.0     455.0    1.0\n"
    )
    assert _series("Epoch 1 loss: 0.5\n" + text) == {"loss": [(1, 1.0, 0.5)]}
    # A run's table of a population's statistics is the run's: no interval's bounds.
    deap = "gen\tnevals\tavg\tstd\tmin\tmax\n0\t50\t0.51\t0.12\t0.2\t0.9\n1\t30\t0.61\t0.10\t0.3\t0.95\n"
    assert {"avg", "std", "min", "max"} <= set(_series(deap))


def test_structured_log_records_give_their_values_not_the_loggers_bookkeeping():
    """JSON lines of structured loggers (python-json-logger, loguru's serialize, Eliot): the
    values a call passed, named as passed, not under the logger's envelope (`record/extra`,
    `metrics`); its own fields (timestamps, source lines, task levels, the process and
    machine) and a record saying it holds the configuration are no metrics."""
    text = "\n".join(
        [
            '{"message": "config", "base_lr": 0.3, "batch_size": 32, "timestamp": 1796614865.1}',
            '{"message_type": "train:config", "base_lr": 0.3, "task_level": [1]}',
            '{"message": "run_start", "config": {"lr": 0.3}, '
            '"system": {"pid": 16460, "max_rss_mb": 34.6, "uptime_s": 0.033}}',
            '{"step": 10, "loss": 0.47, "timestamp": 1796614899.29, "task_level": [2]}',
            '{"text": "step 20 | loss 0.39\\n", "record": {"elapsed": {"seconds": 0.019}, '
            '"extra": {"step": 20, "loss": 0.39}, "line": 160, "process": {"id": 16717}}}',
            '{"message": "metrics", "step": 30, "metrics": {"train/loss": 0.38, "lr": 0.3}}',
        ]
    )
    series = _series(text + "\n")
    assert set(series) == {"loss", "train/loss", "lr"}, set(series)
    assert series["loss"] == [(10, None, 0.47), (20, None, 0.39)]


def test_a_record_of_an_epoch_alone_does_not_hold_the_records_after_it():
    """`{"epoch": 2}` as an epoch starts, then records with steps, then the epoch's values:
    the epoch's values land at the step its records reached."""
    lines = []
    step = 0
    for epoch in (1, 2):
        lines.append(f'{{"epoch": {epoch}}}')
        for _ in range(3):
            step += 10
            lines.append(f'{{"step": {step}, "loss": {0.5 - step / 1000}}}')
        lines.append(f'{{"epoch": {epoch}, "val_loss": {0.4 - epoch / 100}}}')
    series = _series("\n".join(lines) + "\n")
    assert series["val_loss"] == [(30, 1.0, 0.39), (60, 2.0, 0.38)]
    assert [p[0] for p in series["loss"]] == [10, 20, 30, 40, 50, 60]


def test_a_loggers_name_after_the_level_and_a_space_is_the_prefixs():
    """Logbook's default (and `%(levelname)s: %(name)s: %(message)s`): `INFO: trainer: …`. The
    logger's name is no label of the values; a name whose value follows (`INFO: loss: 0.5`)
    and a phase (`INFO: Validation: loss=0.3`) are the message's."""
    line = "[2026-12-07 03:41:06.204551] INFO: trainer: Epoch 1/4 - step 10 - loss: 0.4750\n"
    assert _series(line) == {"loss": [(10, 1.0, 0.475)]}
    assert set(_series("INFO: loss: 0.5\n")) == {"loss"}
    assert set(_series("INFO: Validation: loss=0.3\n")) == {"Validation/loss"}


def test_a_modules_path_after_the_level_is_a_loggers_name_whatever_follows():
    """A logger named by its module's path (`ax.api.client:`, `my_pkg.train:`, `__main__:`)
    names no value, even when the message opens with a pair or a number (`3 trials
    requested`); a bracket of a level and a date without a year (`[INFO 12-07 08:16:46]`)
    is a prefix."""
    assert set(_series("INFO: my_pkg.train: step=20 loss=0.4750\n")) == {"loss"}
    warning = "[WARNING 12-07 08:16:50] ax.api.client: 3 trials requested, 1 generated.\n"
    assert _series(warning) == {}
    assert set(_series("08:00:00 INFO __main__: epoch 3 loss=0.5\n")) == {"loss"}
    # `%(name)s %(levelname)s: %(message)s` (pyabc's `ABC INFO: t: 0, eps: 1.44`); a value
    # right after (`Train ERROR: 0.3`) makes it a name.
    assert set(_series("ABC INFO: t: 0, eps: 1.43674099e+00.\n")) == {"eps"}
    assert set(_series("Train ERROR: 0.3\n")) == {"Train_ERROR"}
    # A class under its module (`jaxopt.LBFGS:`) names the logger too; a parameter's path
    # with its value (`model.fc.weight: 0.5`) keeps its name. A few words in parentheses
    # before the `:` qualify the name (`Gradient Norm (stopping criterion): 0.07`).
    jaxopt = "INFO: jaxopt.LBFGS: Iter: 3 Gradient Norm (stopping criterion): 0.0732 "
    jaxopt += "Objective Value:0.197  Stepsize:0.4656\n"
    assert set(_series(jaxopt)) == {
        "Gradient_Norm_(stopping_criterion)",
        "Objective_Value",
        "Stepsize",
    }
    assert set(_series("INFO:root:model.fc.weight: 0.5\n")) == {"model.fc.weight"}


def test_a_records_global_step_wins_over_its_batch_and_its_totals_are_settings():
    """A JSON record naming `step` and `batch` (the batch within its epoch) is at its step; a
    count of the data gone through (`samples_seen`) is its x axis, no metric; `epochs`
    (plural) says how many epochs the run has, it is no record's epoch."""
    text = (
        '{"event": "run_start", "lr": 0.3, "epochs": 4, "batch_size": 32}\n'
        '{"epoch": 3, "step": 70, "batch": 10, "samples_seen": 2240, "loss": 0.5}\n'
        '{"epoch": 3, "step": 80, "batch": 20, "samples_seen": 2560, "loss": 0.4}\n'
    )
    series = _series(text)
    assert series == {"loss": [(70, 3.0, 0.5), (80, 3.0, 0.4)]}


def test_a_name_with_a_caret_is_one_name():
    """`R^2`, `D^2`: the exponent is the name's, not a value."""
    assert parse_block("validation R^2: 0.9451\n") == [(None, [("validation_R^2", 0.9451)])]


def test_a_constructors_arguments_are_settings_unless_they_name_a_metric():
    """`Intercept ~ Normal(mu: 1.30, sigma: 2.60)`, `SGD(lr: 0.01, momentum: 0.9)`: the values
    an object was built with; a result's repr (`EvalResult(loss=0.31, accuracy=0.9)`) is read.
    A counter of epochs done (`Epochs trained: 37`) is no metric either."""
    text = (
        "epoch 1 loss 0.5\nIntercept ~ Normal(mu: 1.3037, sigma: 2.5967)\n"
        "SGD(lr: 0.01, momentum: 0.9)\nEvalResult(loss=0.31, accuracy=0.9)\n"
        " Training neural network. Epochs trained: 2\r Training neural network. Epochs trained: 3\n"
    )
    assert set(_series(text)) == {"loss", "accuracy"}


def test_a_log_record_glued_to_a_metrics_line_leaves_its_last_value():
    """A line ended only by the next print (TorchTNT's StdoutLogger), a stdlib log record
    written after it: `… acc=0.8646INFO:torchtnt.framework.train:Ended train epoch`. The
    record is a line of its own, the value before it whole. A name holding an index before
    its `=` (`optimizers/optimizer/pg:0=0.1000`, a parameter group) is one name."""
    text = (
        "[Step 20] eval_loss=0.4723 eval_accuracy=0.8646INFO:torchtnt.framework.train:Ended\n"
        "[Step 0] optimizers/optimizer/pg:0=0.1000 train_loss=0.7057\n"
    )
    series = _series(text)
    assert series["eval_accuracy"] == [(20, None, 0.8646)]
    assert series["optimizers/optimizer/pg:0"] == [(0, None, 0.1)]


def test_one_bar_over_the_whole_run_with_the_epoch_in_its_postfix_counts_global_steps():
    """`tqdm(total=epochs * steps)` with `epoch=` in its postfix: the epoch moves on and the
    bar does not start over, so its position is the run's step (not epoch x total + position);
    its last redraw (`100%`, padded otherwise) is the same bar."""
    text = "".join(
        f"train: {100 * n // 120:3d}%|#         | {n}/120 [00:00<00:01, 93.62step/s, "
        f"epoch={(n - 1) // 30 + 1}, loss={1 / n:.3f}]\r"
        for n in range(10, 121, 10)
    )
    text += "\n2026-12-07 08:18:54,383 | INFO | trainer | epoch 4: val_loss=0.3681\n"
    series = _series(text)
    assert [p[0] for p in series["loss"]] == list(range(10, 121, 10))
    assert series["val_loss"][0][0] == 120


def test_an_optimisers_coordinates_are_no_metrics():
    """`x1`, `x2`, `x[0]`: where an optimiser evaluates its objective (cmaes' README loop,
    Ax's best parameters, a table's coordinate columns), not how well it does."""
    text = (
        "epoch 1 loss 0.5\n#0 635.64 (x1=2.2932680497579634, x2 = 0.5202043708773904)\n"
        '{"x1": 0.22, "x2": 0.85, "hartmann6": -1.48}\n'
        " g    f(x1,x2)     x1      x2  \n  0     0.24614    0.37    0.16\n"
        "  1     0.14132    0.43    0.27\n"
    )
    names = set(_series(text))
    assert not names & {"x1", "x2"} and {"hartmann6", "f(x1,x2)"} <= names


def test_settings_by_their_title_container_or_footer_are_no_metrics():
    """A `flags:` title over indented settings ends at the next unindented line (`scalars:`,
    read); a setting named under its container (`params.lr`, `config/lr`, `params_alpha`, but
    not `param_norm`) is no metric; a pandas Series' footer (`Name: 0, dtype: object`) holds
    no value."""
    text = (
        "epoch 1 loss 0.5\nflags:\n  batch_size: 32\n  lr: 0.3\nscalars:\n"
        "  val_loss: 0.4898 (step 90)\nparams.lr      0.3\nmetrics.acc    0.48\n"
        "Name: 0, dtype: object\nparam_norm=2.5 config/lr=0.1 params_alpha=3.5\n"
    )
    assert set(_series(text)) == {"loss", "val_loss", "metrics.acc", "param_norm"}


def test_a_clocks_word_is_no_part_of_the_next_name():
    """`[ 20 / 20 ] 100% - 0:00:00 left Quantization Error: 0.4340` (MiniSom's progress, its
    message glued after it): `left` says what the clock is, the name is the words after it."""
    text = "epoch 1 loss 0.5\n [ 20 / 20 ] 100% - 0:00:00 left Quantization Error: 0.4340\n"
    assert set(_series(text)) == {"loss", "Quantization_Error"}
    assert "Time_spent_predicting" not in _series("Time spent predicting: 0.012s\n")


def test_a_bar_counting_data_is_no_count_of_steps():
    """datasets' `Map: 100%|…| 32/32 [… 9287.67 examples/s]` between training and its
    evaluation (simpletransformers, any HF pipeline): it counts examples, so the evaluation's
    values are where training stands, not at step 32."""
    text = (
        "Epoch 1. Running Loss: 0.69: 100%|##########| 12/12 [00:04<00:00,  3.68it/s]\n"
        "Map: 100%|##########| 32/32 [00:00<00:00, 2636.63 examples/s]\n"
        "{'mcc': 0.0, 'accuracy': 0.5625}\n"
    )
    assert _series(text)["accuracy"][0][0] == 12


def test_counts_of_things_done_and_a_boxs_epoch_are_no_metrics():
    """`kept=66`, `built=20` (a participle over a whole number: how many things a step did),
    `samples_so_far`; in an SB3-style box, `epoch` under a section is the record's counter and
    a nested `gen/train/n_updates` a count of updates, not series."""
    text = (
        "epoch 1 loss 0.5\n"
        "[RandomShapeletTransform] Progress: extracted=200/200, kept=66, elapsed=2.00s\n"
        "[DrCIFClassifier] Finished fit: built=20, elapsed=0.64s\n"
        "---------------------------------\n| bc/               |           |\n"
        "|    batch          | 10        |\n|    epoch          | 0         |\n"
        "|    loss           | 0.691     |\n|    samples_so_far | 320       |\n"
        "| raw/              |           |\n|    gen/train/n_updates | 10   |\n"
        "---------------------------------\n"
    )
    assert set(_series(text)) == {"loss", "bc/loss"}


def test_a_prediction_runs_prefix_is_no_word_of_the_data():
    """`trainer.log_metrics("predict", …)`: `predict_exact_match`, `predict_samples_per_second`
    are a prediction run's metrics (the prefix names the run, as `eval_` does); a name ending
    in one (`current_predict`) is still an example's prediction."""
    text = (
        "epoch 1 loss 0.5\n***** predict metrics *****\n"
        "  predict_exact_match        =        0.0\n"
        "  predict_samples_per_second =     43.475\ncurrent_predict: 3\n"
    )
    assert set(_series(text)) == {"loss", "predict_exact_match", "predict_samples_per_second"}


def test_a_word_in_parentheses_before_a_value_names_it():
    """`(val) -2.3386 (test) -2.4593 [time] 0:00:00.09` (rtdl's example loop): each
    parenthesised word labels the value after it; a value's annotation (`Loss 6.9 (7.0)`)
    is still no value."""
    text = "epoch 1 loss 0.5\n(val) -2.3386 (test) -2.4593 [time] 0:00:00.094686\n"
    text += "Loss 6.9e+00 (7.0e+00)\n"
    series = _series(text)
    assert series["val"] == [(1, 1.0, -2.3386)] and series["test"] == [(1, 1.0, -2.4593)]
    assert [p[2] for p in series["Loss"]] == [6.9]


def test_a_tracebacks_frame_and_a_things_number_are_no_metrics():
    """`  File "/…/transform.py", line 8603, in _fit` (a traceback a library printed and went
    on) holds a line number; `Model Number: 17`, `Evaluating Batch Number 2` say which one."""
    text = (
        "epoch 1 loss 0.5\n"
        '  File "/x/transform.py", line 8603, in _fit\n'
        '  File "/x/transform.py", line 8610, in _fit\n'
        "Model Number: 17 with model LastValueNaive in generation 0 of 2\n"
        "Model Number: 18 with model SeasonalNaive in generation 0 of 2\n"
    )
    assert set(_series(text)) == {"loss"}


def test_a_frames_long_names_one_space_apart_are_split_where_its_values_end():
    """pandas right-aligns a column's name over its values and may leave one space between
    names (`Balanced Accuracy Binary  Accuracy Binary # Training # Validation`): the first
    row's numbers say where each name ends."""
    text = (
        "             Log Loss Binary  MCC Binary  Gini  Balanced Accuracy Binary"
        "  Accuracy Binary # Training # Validation\n"
        "0                      0.217       0.806 0.957                     0.900"
        "            0.900        200          100\n"
        "1                      0.214       0.881 0.946                     0.940"
        "            0.940        200          100\n"
    )
    series = _series(text)
    assert series["Log_Loss_Binary"] == [(0, None, 0.217), (1, None, 0.214)]
    assert series["Balanced_Accuracy_Binary"] == [(0, None, 0.9), (1, None, 0.94)]
    # A sentence over numbers is no header.
    assert _series("The model was trained for a while  on CPU\n  0.5  0.7\n") == {}


def test_a_row_of_flags_is_no_header():
    """Keras Tuner's `Value |Best Value So Far |Hyperparameter` table: a row of flags
    (`False |False |…/use_batchnorm`) is values, never the names of the rows under it."""
    text = (
        "epoch 1 loss 0.5\nFalse             |False             |block/use_batchnorm\n"
        "128               |32                |block/units_1\n"
        "adam              |adam              |optimizer\n"
    )
    assert set(_series(text)) == {"loss"}


def test_a_postfix_of_dashes_is_read_and_an_evaluation_bar_keeps_its_phase():
    """`set_postfix_str("dice_loss - 0.6311, iou_score - 0.3553")` (segmentation-models'
    training epochs): ` - ` between a name and a value ending its field pairs them. A bar
    described by an evaluation's phase alone (`valid: `) labels its values, so they never
    join the training bar's series of the same names; Keras' ` - ` between pairs stays."""
    train = (
        "train:  50%|#####     | 3/6 [00:06<00:06,  2.31s/it, dice_loss - 0.6311, fscore - 0.513]\n"
    )
    valid = (
        "valid:  67%|######    | 2/3 [00:01<00:00,  2.01it/s, dice_loss - 0.71, fscore - 0.787]\n"
    )
    series = _series(train + valid)
    assert series["dice_loss"] == [(3, None, 0.6311)]
    assert [p[2] for p in series["valid/dice_loss"]] == [0.71]
    keras = "8/8 - 0s - 2ms/step - loss: 0.5000 - accuracy: 0.9000\n"
    assert set(_series(keras)) == {"loss", "accuracy"}


def test_epochs_starting_over_keep_the_steps_going():
    """Several fits in one run (Keras Tuner's trials, a fold per fit): `Epoch 1/2` comes back
    after `Epoch 2/2`; the steps go on from the highest the bars reached, never back."""
    fit = "Epoch 1/2\n4/4 - 0s - loss: {a}\nEpoch 2/2\n4/4 - 0s - loss: {b}\n"
    text = fit.format(a=0.9, b=0.8) + fit.format(a=0.7, b=0.6)
    steps = [p[0] for p in _series(text)["loss"]]
    assert steps == sorted(steps) and len(set(steps)) == 4, steps


def test_a_dict_of_a_choice_and_whole_numbers_and_a_count_of_steps_are_settings():
    """`{'method': 'lastvalue', 'lag_1': 12, 'lag_2': 2}` (the best model's parameters after a
    search) and `Steps since acceptance: 1` (a solver's count) are no metrics; a record of
    measures with counts in it (`{'tp': 18, 'accuracy': 0.9}`) is read."""
    text = (
        "epoch 1 loss 0.5\n{'method': 'lastvalue', 'lag_1': 12, 'lag_2': 2}\n"
        "Step: 6, Accepted steps: 5, Steps since acceptance: 1, Step size: 0.5\n"
        "{'tp': 18, 'accuracy': 0.9}\n"
    )
    assert set(_series(text)) == {"loss", "Step_size", "tp", "accuracy"}


def test_a_list_of_one_results_dict_is_read():
    """`print(trainer.test(model))`: Lightning returns a list of one dict per dataloader."""
    text = "epoch 1 loss 0.5\n[{'test_per_image_iou': 0.8414, 'test_dataset_iou': 0.8541}]\n"
    assert set(_series(text)) == {"loss", "test_per_image_iou", "test_dataset_iou"}
    # After an evaluation's bar (`Validation ━━━ 4/4`), its count is no step of the run: the
    # results are where training stands.
    text = (
        "Epoch 2/2  ━━━━━━━━━━━━━━━━━ 16/16 0:00:00 • 0:00:00 32.74it/s train_loss: 0.508\n"
        "Validation ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 4/4 0:00:00 • 0:00:00 43.56it/s\n"
        "[{'val_loss': 0.7228637933731079, 'val_acc': 0.46875}]\n"
    )
    series = _series(text)
    assert series["val_acc"][0][0] == series["train_loss"][0][0]


def test_a_records_participle_or_plural_measure_is_a_metric():
    """TRL's DPO records: `rewards/rejected`, `logits/rejected` (a participle naming which
    completions, over a fraction) and `eval_rewards/accuracies` (a measure in the plural,
    printed `'1'`) are metrics; `"n_updates": 12` stays bookkeeping."""
    text = (
        "{'loss': '0.6678', 'rewards/rejected': '-0.3515', 'eval_rewards/accuracies': '1', "
        "'n_updates': 12, 'epoch': 1.0}\n"
    )
    assert set(_series(text)) == {"loss", "rewards/rejected", "eval_rewards/accuracies"}
    # A TensorFlow scalar tensor holds its number (`tf.Tensor(1.17, shape=(), dtype=…)`).
    tensor = "Objective value: tf.Tensor(1.1676762921024917, shape=(), dtype=float64)\n"
    assert _series(tensor) == {"Objective_value": [(0, None, 1.1676762921024917)]}


def test_a_long_name_before_its_colon_is_kept_whole():
    """`Effective Samples per Log Probability Evaluation: 0.0176` (zeus' summary): up to six
    words with no small word of a sentence before a `:` are one name, not cut to four."""
    text = "epoch 1 loss 0.5\nEffective Samples per Log Probability Evaluation: 0.017624\n"
    assert "Effective_Samples_per_Log_Probability_Evaluation" in _series(text)


def test_a_fitted_models_importances_or_coefficients_are_no_metrics():
    """`Term importances:` (InterpretML), `Coefficients:` over `  age: 0.1884`: a fitted
    model's values, to the first unindented line (a result after them is read)."""
    text = (
        "epoch 1 loss 0.5\nTerm importances:\n  age: 0.1884\n  income: 0.7108\n"
        "Coefficients:\n  age: 0.02\nval_loss: 0.3\n"
    )
    assert set(_series(text)) == {"loss", "val_loss"}


def test_a_table_between_rules_of_equals_signs_is_read():
    """reStructuredText's simple table (a history printed as `rst`): rules of `=` over and
    under the header, and under the rows."""
    text = (
        "=====  ======  =====\nepoch  loss    acc\n=====  ======  =====\n"
        "1      0.5     0.8\n2      0.4     0.85\n=====  ======  =====\n"
    )
    assert _series(text) == {
        "loss": [(1, 1.0, 0.5), (2, 2.0, 0.4)],
        "acc": [(1, 1.0, 0.8), (2, 2.0, 0.85)],
    }


def test_column_names_ending_in_colons_name_the_columns():
    """pagmo's log: `Gen:  Fevals:  Best:  dx:`: `Gen` is the rows' counter, `Best` a
    column's name (without the colon)."""
    text = (
        "   Gen:        Fevals:          Best:            dx:\n"
        "      1              0        7622.14        9.89609\n"
        "      5             40        3720.37        4.98271\n"
    )
    series = _series(text)
    assert series["Best"] == [(1, None, 7622.14), (5, None, 3720.37)], series
    assert set(series) == {"Best", "dx"}


def test_glued_fields_a_coarse_counter_and_lists_of_named_values():
    """pfrl: `outdir:result step:12 episode:0 R:12.0` (a field with a text value labels
    nothing; the step counts finer than the episode) and `statistics:[('average_q', 7.73), …]`;
    RecBole: `06 Dec 23:13  INFO  best valid : OrderedDict([('recall@10', 0.29), …])`. A list
    of words and their weights (`most_similar`, a topic's words) is no record of measures."""
    text = (
        "outdir:result step:12 episode:0 R:12.0\n"
        "statistics:[('average_q', 7.73), ('average_loss', 0.395), ('cumulative_steps', 12), "
        "('n_updates', 1)]\n"
        "INFO:pfrl.train_agent:outdir:results/20261207T034742.222782 step:40 episode:2 R:15.0\n"
        "06 Dec 23:13    INFO  best valid : OrderedDict([('recall@10', 0.2917), "
        "('mrr@10', 0.1799)])\n"
        "[('dog', 0.983), ('vet', 0.975), ('cat', 0.97)]\n"
    )
    series = _series(text)
    assert series["R"] == [(12, None, 12.0), (40, None, 15.0)], series
    assert series["average_loss"] == [(12, None, 0.395)]
    assert series["best_valid/recall@10"][0][2] == 0.2917
    assert set(series) == {
        "R",
        "average_q",
        "average_loss",
        "best_valid/recall@10",
        "best_valid/mrr@10",
    }


def test_a_table_of_measures_by_split_names_the_split_first():
    """Rows of measures, columns of splits (`| loss | 0.338 | 0.346 |` under `| metric |
    train | test |`): the phase qualifies the name first, as everywhere (`test/loss`); rows of
    splits give the same names' shape (`Train/Loss`)."""
    text = (
        "| metric   | train  | test   |\n|----------|--------|--------|\n"
        "| loss     | 0.3380 | 0.3460 |\n| accuracy | 0.8927 | 0.8583 |\n"
    )
    assert set(_series(text)) == {"train/loss", "test/loss", "train/accuracy", "test/accuracy"}


def test_a_wide_frame_pandas_wrapped_into_blocks_keeps_its_rows_places():
    """`print(pd.DataFrame(history))` into a pipe: pandas wraps the columns into blocks, each
    header but the last ending in ` \\`; the later blocks' rows are where the first block's
    rows are (their `epoch` and `step` columns), not at their row numbers."""
    text = (
        "   epoch  step  train_loss  val_loss  \\\n"
        "0      1    30    0.537958  0.391283   \n"
        "1      2    60    0.403305  0.323134   \n\n"
        "   val_f1     lr  \n"
        "0  0.817391  0.300  \n"
        "1  0.854962  0.150  \n"
    )
    series = _series(text)
    assert series["train_loss"] == [(30, 1.0, 0.537958), (60, 2.0, 0.403305)]
    assert series["lr"] == [(30, 1.0, 0.3), (60, 2.0, 0.15)]


def test_a_table_reprinted_as_it_grows_gives_each_row_once():
    """A history table printed again after each epoch (prettytable's markdown, a box): a row
    at its own epoch with the values it had is no new point; a row at a step with new values
    is (a sampler's new bound at the same count of calls)."""
    header = "| Epoch | Train Loss | Val Acc |\n| :---: | :--------: | :-----: |\n"
    rows = ["|   1   |   0.5380   |  0.8250 |\n", "|   2   |   0.4033   |  0.8417 |\n"]
    text = header + rows[0] + "\n" + header + rows[0] + rows[1] + "\n"
    assert _series(text)["Train_Loss"] == [(1, 1.0, 0.538), (2, 2.0, 0.4033)]
    calls = "Status    | Calls    | log Z    \n"
    calls += "Bounding  | 600      | -8.06    \nSampling  | 600      | -52.11   \n"
    calls += "Computing | 600      | -52.11   \n"
    assert [p[2] for p in _series(calls)["log_Z"]] == [-8.06, -52.11]


def test_a_bars_description_naming_a_metric_by_its_word_holds_its_value():
    """`set_description(f"epoch {e} loss {l:.4f}")`: the loss is a metric, as with `:` or
    `=`; other words and numbers of a description (`Processing 100 files`) are not."""
    bar = "epoch 1 loss 0.5431:  30%|███       | 9/30 [00:00<00:00, 84.49it/s]\n"
    assert parse_block(bar) == [(9, [("loss", 0.5431)])]
    assert (
        parse_block("Processing 100 files:  30%|███       | 9/30 [00:00<00:00, 84.49it/s]\n") == []
    )


def test_a_double_line_box_reads_as_a_single_line_one():
    """prettytable's DOUBLE_BORDER: `║ Split ║  Loss  ║` rows between `╠═══╬═══╣` rules."""
    text = (
        "╔═══════╦════════╦══════════╗\n║ Split ║  Loss  ║ Accuracy ║\n"
        "╠═══════╬════════╬══════════╣\n║ Train ║ 0.3380 ║  0.8927  ║\n"
        "║  Test ║ 0.3460 ║  0.8583  ║\n╚═══════╩════════╩══════════╝\n"
    )
    assert set(_series(text)) == {"Train/Loss", "Train/Accuracy", "Test/Loss", "Test/Accuracy"}


def test_a_window_of_steps_in_a_bars_postfix_belongs_to_its_value():
    """NumPyro's SVI bar: `…it/s, init loss: 49787.8906, avg. loss [601-750]: 30743.1660]`:
    the bracketed window is the steps the average is over, inside the bar's bracket."""
    bars = (
        " 28%|██▊       | 845/3000 [00:01<00:02, 871.68it/s, init loss: 49787.8906, "
        "avg. loss [601-750]: 30743.1660]\n"
        " 53%|█████▎    | 1584/3000 [00:01<00:01, 900.1it/s, init loss: 49787.8906, "
        "avg. loss [1351-1500]: 21202.0293]\n"
    )
    assert _series(bars)["avg_loss"] == [(845, None, 30743.166), (1584, None, 21202.0293)]


def test_a_csv_log_printed_is_a_table():
    """A header of comma-separated names, then rows of as many comma-separated numbers (LEAP's
    probes, `print(df.to_csv())`): each row's values under their names, at its `step`. A
    sentence with commas is no header."""
    text = (
        "step, bsf, mean_fitness, std_fitness\n"
        "0, 9.1994, 29.0569, 12.6004\n1, 7.6981, 16.3077, 6.0814\n"
    )
    assert _series(text)["mean_fitness"] == [(0, None, 29.0569), (1, None, 16.3077)]
    assert _series("Loading data, building model, starting\nloss 0.5\n") == {
        "loss": [(0, None, 0.5)]
    }


def test_a_fraction_followed_by_a_unit_word_is_a_value():
    """`Mean autocorrelation time: 38.182 steps` (emcee): a fraction of steps is no count of
    them, the word is the value's unit; a whole number of things (`Dataset: 1000 samples`)
    and an overall duration (`Used time: 0.53 seconds`) stay out."""
    assert parse_block("Mean autocorrelation time: 38.182 steps\n") == [
        (None, [("Mean_autocorrelation_time", 38.182)])
    ]
    assert parse_block("Dataset: 1000 samples\n") == []
    assert parse_block("Used time: 0.53 seconds\n") == []


def test_a_wrapped_frames_last_block_of_one_column_is_read():
    """pandas' last block may hold one column (`   val_acc`): its rows are where the first
    block's rows are."""
    text = (
        "   epoch  train_loss  val_loss  \\\n0      1        0.90      0.80\n"
        "1      2        0.70      0.60\n\n   val_acc\n0     0.50\n1     0.60\n"
    )
    assert _series(text)["val_acc"] == [(1, 1.0, 0.5), (2, 2.0, 0.6)]


def test_a_leaderboard_of_models_wrapped_into_blocks_gives_a_series_per_column():
    """A frame listing trained models (`print(leaderboard)`): its index names each model
    (`knn`), a `Model` column of text says which model it is; each row is a trial, so each
    column is one series over the rows, in every block pandas wrapped it into (the later
    blocks' rows are known by their index), never a series per model."""
    text = (
        "                         Model  Accuracy     AUC  Recall  \\\n"
        "knn     K Neighbors Classifier    0.9571  0.9759  0.9624   \n"
        "dt    Decision Tree Classifier    0.9476  0.9477  0.9341   \n"
        "lr         Logistic Regression    0.9095  0.9698  0.9153   \n\n"
        "       Kappa     MCC  \n"
        "knn   0.9143  0.9156  \n"
        "dt    0.8952  0.8959  \n"
        "lr    0.8190  0.8250  \n"
    )
    series = _series(text)
    assert set(series) == {"Accuracy", "AUC", "Recall", "Kappa", "MCC"}
    assert series["Accuracy"] == [(0, None, 0.9571), (1, None, 0.9476), (2, None, 0.9095)]
    assert series["Kappa"] == [(0, None, 0.9143), (1, None, 0.8952), (2, None, 0.819)]
    # Text under a column that names no model (which phase) still keys no trials.
    phases = "   split  loss   acc\n0  train  0.31  0.90\n1  valid  0.35  0.88\n"
    assert "loss" not in _series(phases)


def test_a_source_location_in_a_log_prefix_is_no_metric():
    """`%(module)s:%(lineno)d` beside the level: tornado's and logzero's bracket
    (`[I 261207 06:34:53 train:212]`, a level letter, a `yymmdd` date) and a location after the
    level (`INFO     trainer:348 …`). A script's counter glued to its value after the level
    (`INFO epoch:3 loss:0.5`) is still the script's."""
    lines = (
        "[I 261207 06:36:29 train:218] epoch 1/4 batch 10/30 | loss 0.4750 acc 0.7812\n"
        "[W 261207 06:36:29 train:240] val_loss did not improve\n"
        "06:36:32 INFO     trainer:348 [1/4][10/30] loss=0.4750 acc=0.7812\n"
    )
    assert set(_series(lines)) == {"loss", "acc"}
    assert _series("06:36:32 INFO epoch:3 loss:0.5\n")["loss"][0][1] == 3.0
    assert _series("06:36:32 INFO step:30 loss:0.5\n")["loss"][0][0] == 30
    # `%Y-%m-%d:%H:%M:%S` (a colon between date and time, lm-eval's) then `[module:lineno]`
    harness = (
        "2026-12-07:18:23:07 INFO     [api.task:312] Building contexts for tiny on rank 0...\n"
        "2026-12-07:18:23:08 INFO     [evaluator:589] Running loglikelihood requests\n"
        "2026-12-07:18:23:09 INFO     [train:42] step 10 loss=0.5\n"
    )
    assert set(_series(harness)) == {"loss"}


def test_a_held_listing_ends_at_its_next_line_in_any_reads():
    """An indented listing (icecream's `ic| epoch: 2` then `    train_loss: 0.36`) is held until
    its next line, which may be a shape read before (a fast path): the listing's values are at
    the epoch's last step however the output is cut into reads."""
    text = ""
    for epoch in (1, 2, 3):
        for step in (1, 2, 3):
            text += (
                f"ic| epoch: {epoch}, step: {10 * (3 * epoch - 3 + step)}, loss: 0.{epoch}{step}\n"
            )
        text += f"ic| epoch: {epoch}\n    train_loss: 0.5{epoch}\n    val_loss: 0.6{epoch}\n"
    lines = text.splitlines(True)
    whole = [p for p in _points_of([text]) if p[0] == "val_loss"]
    assert [step for _, step, _ in whole] == [30, 60, 90]
    for one, two in itertools.combinations(range(1, len(lines)), 2):  # three reads
        reads = ["".join(lines[:one]), "".join(lines[one:two]), "".join(lines[two:])]
        assert [p for p in _points_of(reads) if p[0] == "val_loss"] == whole, (one, two)


def test_rows_under_a_box_header_naming_parameters_are_settings():
    """An optimiser's result box: the rows under `| Parameters | Optimal Value |` are the best
    trial's settings, to the next rule; the rows after it are results again."""
    text = (
        "+-------------------------+---------------+\n"
        "| Parameters              | Optimal Value |\n"
        "+-------------------------+---------------+\n"
        "| alpha                   | 9.714077      |\n"
        "| beta                    | 3.563990      |\n"
        "+-------------------------+---------------+\n"
        "| Optimal Objective Value | 1.492715      |\n"
        "+-------------------------+---------------+\n"
    )
    assert set(_series(text)) == {"Optimal_Objective_Value"}
    results = text.replace(
        "Parameters              | Optimal Value", "Metric" + " " * 18 + "| Value        "
    )
    assert set(_series(results)) == {"alpha", "beta", "Optimal_Objective_Value"}


def test_records_logged_under_a_title_naming_settings_are_settings():
    """`… - Incumbent config:` then one `x0: 2.909` record per setting, each behind the
    logger's prefix: settings, to the first record of another kind."""
    prefix = "2026-12-07 06:41:07.406 | INFO     | dehb.optimizers.dehb:run:1171 - "
    lines = [
        "epoch 1 loss 0.52",
        "epoch 2 loss 0.41",
        "Incumbent score: 0.5116",
        "Incumbent config: ",
        "x0: 2.9090496673072",
        "x1: 2.6395297189883",
        "Saving state to disk...",
        "epoch 3 loss 0.33",
    ]
    series = _series("".join(prefix + line + "\n" for line in lines))
    assert set(series) == {"Incumbent_score", "loss"}


def test_a_printed_configuration_ends_at_the_training_output():
    """`Best config:` then its `key: value` lines open a printout skipped to a blank line; the
    training's own output (a counter and its values) ends it even with no blank line."""
    text = "Best config:\nlr: 0.01\nmomentum: 0.9\nepoch: 10\nepoch 1 loss 0.5\nepoch 2 loss 0.4\n"
    assert _series(text) == {"loss": [(1, 1.0, 0.5), (2, 2.0, 0.4)]}


def test_a_frame_with_columns_of_text_and_settings_reads_its_results():
    """Optuna's `trials_dataframe()`: columns of text anywhere (`hinge` under `params_loss`,
    `COMPLETE` under `state`), a date and time wider than its name, `...` one space from a
    column's name; the trials' settings (`params_*`) are no results."""
    text = (
        "   number     value             datetime_start  ... params_l1_ratio     params_loss"
        "     state\n"
        "0       0  0.837467 2026-12-07 06:42:20.006440  ...        0.715189           hinge"
        "  COMPLETE\n"
        "1       1  0.842554 2026-12-07 06:42:20.021299  ...        0.437587        log_loss"
        "  COMPLETE\n"
        "2       2  0.847511 2026-12-07 06:42:20.037448  ...        0.528895        log_loss"
        "  COMPLETE\n"
    )
    assert {name: [v for _, _, v in points] for name, points in _series(text).items()} == {
        "value": [0.837467, 0.842554, 0.847511]
    }


def test_text_under_columns_that_names_settings_or_a_number_is_no_row():
    """Keras Tuner's trial summary (`Value  |Best Value So Far |Hyperparameter`, a row per
    setting) holds settings; a caption under a table (`step 150 | batch loss 0.3663`) is pairs."""
    tuner = (
        "Value             |Best Value So Far |Hyperparameter\n"
        "64                |64                |units\n"
        "0.4               |0.4               |dropout\n"
    )
    assert _series(tuner) == {}
    table = "epoch   loss    accuracy\n1       0.53    0.74\n2       0.40    0.85\n"
    caption = "        step 150 | batch loss 0.3663\n"
    assert set(_series(table + caption)) == {"loss", "accuracy", "batch_loss"}


def test_a_total_among_settings_is_no_counter_and_the_settings_no_series():
    """`episodes 40 | gamma 0.99 | lr 1e-3` before training: a total beside settings (no
    metric's name on the line) starts no count and places no later point."""
    text = "MountainCar | obs dim 2 | actions 3 | episodes 40 | gamma 0.99 | lr 1e-3\n"
    text += "".join(f"Ep {e} | reward -{200 - e}.0 | eps 0.{90 - e}\n" for e in (5, 10, 15))
    series = _series(text)
    assert set(series) == {"reward", "eps"}
    assert [step for step, _, _ in series["reward"]] == [5, 10, 15]


def test_the_same_line_twice_before_training_is_still_a_setting():
    """`build mlp: 4` printed once per network: the same line again is no loop's output (a
    shape printed again with other numbers is)."""
    text = "build mlp: 4\nbuild mlp: 4\nepoch: 1/2\nbest rewards:  [20.32]\n"
    text += "epoch: 2/2\nbest rewards:  [21.5]\n"
    assert set(_series(text)) == {"best_rewards"}
    looped = "loss: 0.9\nloss: 0.8\nloss: 0.7\n"
    assert [v for _, _, v in _series(looped)["loss"]] == [0.9, 0.8, 0.7]


def test_a_phase_tag_inside_a_line_labels_what_follows_it():
    """tez: `[train] accuracy=0.53, loss=0.71 [valid] accuracy=0.48, loss=0.72`."""
    line = "[train] accuracy=0.5344, loss=0.7145 [valid] accuracy=0.4844, loss=0.7249\n"
    assert {name: points[0][2] for name, points in _series(line).items()} == {
        "train/accuracy": 0.5344,
        "train/loss": 0.7145,
        "valid/accuracy": 0.4844,
        "valid/loss": 0.7249,
    }


def test_a_bullet_before_a_name_is_no_comparison():
    """Coqui's trainer: `     | > loss: 0.69  (0.70)` (its running average after it); a `>`
    with nothing on its left is a bullet, where `improved by 0.01 >= min_delta = 0.0` compares."""
    text = "     | > loss: 0.6903  (0.7021)\n     | > loss: 0.6514  (0.6801)\n"
    assert [v for _, _, v in _series(text)["loss"]] == [0.6903, 0.6514]
    assert _series("improved by 0.010 >= min_delta = 0.0\n") == {}


def test_a_budget_remaining_is_no_metric():
    """SMAC: `Remaining wallclock time: inf, Remaining cpu time: inf, Remaining trials: 19`
    says what is left of the budget; a metric named so is still one (`remaining_loss`)."""
    text = "".join(
        f"[DEBUG][smbo.py:327] Remaining wallclock time: inf, Remaining trials: {n}\ncost: 0.{n}\n"
        for n in (19, 18, 17)
    )
    assert set(_series(text)) == {"cost"}
    assert set(_series("epoch 1 loss 0.5 remaining_loss 0.3\n")) == {"loss", "remaining_loss"}


def test_a_tag_opening_the_header_and_every_row_keys_nothing():
    """scikit-learn's NCA: `[NeighborhoodComponentsAnalysis]` opens its header and each row."""
    tag = "[NeighborhoodComponentsAnalysis]"
    text = (
        f"{tag}  Iteration      Objective Value    Time(s)\n{tag} {'-' * 42}\n"
        f"{tag}          1         1.076261e+02       0.00\n"
        f"{tag}          2         1.161377e+02       0.00\n"
    )
    assert {n: [v for _, _, v in p] for n, p in _series(text).items() if "Objective" in n} == {
        "Objective_Value": [107.6261, 116.1377]
    }


def test_a_frame_of_dated_rows_is_the_datas():
    """A forecast printed as a frame (`unique_id  ds  AutoARIMA  AutoARIMA-lo-95`): rows at the
    data's dates hold predictions, not the run's values; a table of scores after it is read."""
    text = (
        "  unique_id         ds  AutoARIMA  AutoARIMA-lo-95\n"
        "0     sales 2025-01-01  31.320820        30.005872\n"
        "1     sales 2025-01-02  31.920820        30.605872\n"
        "\n"
        "         AutoARIMA   AutoETS\n"
        "metric                      \n"
        "mae      0.658670  0.806228\n"
    )
    assert set(_series(text)) == {"mae/AutoARIMA", "mae/AutoETS"}


def test_a_summary_marked_with_a_star_after_an_evaluation_is_the_evaluations():
    """PyTorch's ImageNet example: ` *   Acc@1 15.000 Acc@5 63.750` after its `Test: [4/5] …`
    lines is the evaluation's average, never a point of the training's `Acc@1`."""
    text = (
        "Epoch: [0][4/5]\tLoss 2.3 (2.3)\tAcc@1  9.38 ( 9.38)\n"
        "Test: [1/5]\tLoss 2.31 (2.31)\tAcc@1  9.38 (  9.38)\tAcc@5  56.25 ( 56.25)\n"
        "Test: [4/5]\tLoss 2.26 (2.28)\tAcc@1  15.62 ( 13.28)\tAcc@5  62.50 ( 62.50)\n"
        " *   Acc@1 15.000 Acc@5 63.750\n"
    )
    series = _series(text)
    assert [v for _, _, v in series["Acc@1"]] == [9.38]
    assert [v for _, _, v in series["Test/Acc@1"]][-1] == 15.0


def test_a_bar_redrawn_by_moving_to_the_first_column_gives_each_state():
    """A bar redrawn with `\\x1b[1G` (node's readline, as TensorFlow.js' progress bar does)
    instead of `\\r`: each drawn state is a record, not one line whose first values win."""
    bar = "".join(
        f"\x1b[1Geta=0.{i} {'=' * i}>{'-' * (9 - i)} acc={a} loss={v} \x1b[0K"
        for i, (a, v) in enumerate([(0.5, 0.69), (0.625, 0.61), (0.75, 0.52)], start=1)
    )
    series = _series("Epoch 1 / 2\r\n" + bar + "\r\n12ms 80us/step - acc=0.7 loss=0.55\r\n")
    assert [v for _, _, v in series["loss"]] == [0.69, 0.61, 0.52, 0.55]
    assert [v for _, _, v in series["acc"]] == [0.5, 0.625, 0.75, 0.7]


def test_a_javascript_object_as_node_prints_it_is_a_record():
    """`{ error: 0.0012, iterations: 716 }` (console.log of an object: keys not quoted) is read
    as a dict's repr is; one holding text or a boolean is settings, as a repr's is."""
    series = _series(
        "iterations: 100, training error: 0.0147\n{ error: 0.0010087, iterations: 716 }\n"
    )
    assert series["error"] == [(716, None, 0.0010087)]
    for node, python in [
        (
            "{ optimizer: 'sgd', lr: 0.1, epochs: 5 }",
            "{'optimizer': 'sgd', 'lr': 0.1, 'epochs': 5}",
        ),
        ("{ lr: 0.1, shuffle: true }", "{'lr': 0.1, 'shuffle': True}"),
        ("{ loss: 0.25, metrics: { acc: 0.9 } }", "{'loss': 0.25, 'metrics': {'acc': 0.9}}"),
    ]:
        assert _series(f"step 1 loss 0.3\n{node}\n") == _series(f"step 1 loss 0.3\n{python}\n")
    assert _series("step 1 loss 0.3\n{ lr: 0.1, shuffle: true }\n").keys() == {"loss"}


def test_a_history_printed_again_as_a_table_gives_no_second_points():
    """The epochs' values, then the same history as a table (`console.table(history)`, a rich
    summary table in other case): each value once, at its epoch."""
    lines = "".join(
        f"Epoch {e} | train loss {0.9 / e:.4f} | val acc {0.5 + e / 10:.3f}\n" for e in (1, 2, 3)
    )
    table = "│ (index) │ epoch │ Train Loss │ Val Acc │\n" + "".join(
        f"│ {e - 1}       │ {e}     │ {0.9 / e:.4f}     │ {0.5 + e / 10:.3f}   │\n"
        for e in (1, 2, 3)
    )
    series = _series(lines + "\nTraining history:\n" + table)
    assert set(series) == {"train_loss", "val_acc"}
    assert [(e, v) for _, e, v in series["train_loss"]] == [(1, 0.9), (2, 0.45), (3, 0.3)]


def test_epochs_after_a_count_printed_once_do_not_share_its_step():
    """A settings line's `batch 48` read as a counter, then epoch lines with no finer step:
    each epoch's values at their own step (one more each), never all at step 48."""
    text = "custom loop: 480 train / 120 val, batch 48, sgd lr=0.1\n" + "".join(
        f"Epoch {e} | train loss {0.9 / e:.4f} | val loss {1.0 / e:.4f}\n" for e in (1, 2, 3)
    )
    steps = [s for s, _, _ in _series(text)["val_loss"]]
    assert len(set(steps)) == 3 and steps == sorted(steps)


def test_a_report_by_class_keys_each_row_by_the_class_ending_it():
    """Weka's table by class: the class ends each row under `Class`; each class's values are
    its own series (never one series of all classes), `Weighted Avg.` opening the last."""
    text = (
        "Epoch 1 loss 0.5\n"
        "               TP Rate   FP Rate   Precision   Recall  F-Measure   ROC Area  Class\n"
        "                 0.8       0.024      0.938     0.8       0.864      0.955    setosa\n"
        "                 0.956     0.118      0.832     0.956     0.89       0.956    versicolor\n"
        "Weighted Avg.    0.88      0.066      0.886     0.88      0.879      0.959\n"
    )
    series = _series(text)
    assert [v for _, _, v in series["setosa/TP_Rate"]] == [0.8]
    assert [v for _, _, v in series["versicolor/Precision"]] == [0.832]
    assert [v for _, _, v in series["Weighted_Avg./ROC_Area"]] == [0.959]
    assert "TP_Rate" not in series
    # A data set's rows with a class at the end are the data's, not a report's.
    frame = (
        "Epoch 1 loss 0.5\n"
        "   sepal_length  sepal_width  class\n"
        "0           5.1          3.5  setosa\n"
        "1           4.9          3.0  setosa\n"
    )
    assert set(_series(frame)) == {"loss"}


def test_a_count_and_its_share_are_read_by_the_share():
    """`Correctly Classified Instances   180   60 %`, `Correct: 180 (60.0%)`: the count's
    share is the value (the count says of how many), and it is stored from its first point."""
    text = (
        "Epoch 1 loss 0.5\n"
        "Correctly Classified Instances         180               60      %\n"
        "Correct: 45 (90.0%)\n"
        "Accuracy  180  60.0%\n"
    )
    series = _series(text)
    assert [v for _, _, v in series["Correctly_Classified_Instances"]] == [60.0]
    assert [v for _, _, v in series["Correct"]] == [90.0]
    assert [v for _, _, v in series["Accuracy"]] == [60.0]
    # A share of something named after it is no share of the count.
    held = _series("Epoch 1 loss 0.5\nHits 180 (60% of 300)\nHits 190 (63% of 300)\n")
    assert [v for _, _, v in held["Hits"]] == [180.0, 190.0]


def test_a_prefix_of_tab_separated_fields_is_cut():
    """`%(asctime)s\\t%(levelname)s\\t%(name)s\\t%(message)s` (torchdistill's format): the time,
    the level and the logger's dotted name are the prefix; the message's pairs keep their
    names."""
    line = "2026/12/07 20:47:37\tINFO\ttorchdistill.misc.log\tEpoch: [3]  [ 5/16]  lr: 0.01  loss: 1.0405 (1.0272)\n"
    series = _series(line)
    assert set(series) == {"lr", "loss"}
    assert [v for _, _, v in series["loss"]] == [1.0405]
    # A word and a tab before a number is no field of the prefix: the message's first name.
    assert set(_series("12:00:01\tINFO\tloss 0.5 acc 0.9\n")) == {"loss", "acc"}


def test_a_coefficient_of_an_expression_is_no_value():
    """A loss's definition printed (`Loss = 1.0 * KDLoss(`, `loss = 0.5 * mse + 0.5 * ce`):
    coefficients, no points of `loss`; a star marking a value (`acc 0.91 * loss 0.3`) stays."""
    text = (
        "Epoch 1 loss 0.5\nLoss = 1.0 * KDLoss(\nloss = 0.5 * mse + 0.5 * ce\nacc 0.91 * loss 0.3\n"
    )
    series = _series(text)
    assert [v for _, _, v in series["loss"]] == [0.5, 0.3]
    assert "Loss" not in series and [v for _, _, v in series["acc"]] == [0.91]


def test_a_record_keyed_by_files_holds_no_metric():
    """Lightning's best checkpoints printed (`{'/tmp/ckpt/epoch=4-step=30.ckpt': -1.11, …}`):
    scores keyed by file, no series named by a path; a record of metrics beside it is read."""
    text = (
        "Epoch 1 loss 0.5\n"
        "{'/tmp/run/checkpoints/epoch=4-step=30.ckpt': -1.1105, './best.pt': -1.7737}\n"
        "{'val_loss': -1.7737, 'train/loss': 0.4}\n"
    )
    assert set(_series(text)) == {"loss", "val_loss", "train/loss"}


def test_a_header_redrawn_as_a_bars_description_is_one_header():
    """YOLOv5's validation header is its bar's description, redrawn with `\\r`: one header,
    not three lines of it stacked (`P_P_P`); the `all` row after it is read under it."""
    header = (
        "                 Class     Images  Instances          P          R      mAP50   mAP50-95:"
    )
    text = (
        "      Epoch    GPU_mem   box_loss   obj_loss   cls_loss  Instances       Size\n"
        "        0/2         0G    0.08355   0.004014     0.0189         13         64: 100%|"
        "██████████| 2/2 [00:06<00:00,  3.30s/it]\n"
        f"\r{header}   0%|          | 0/1 [00:00<?, ?it/s]"
        f"\r{header} 100%|██████████| 1/1 [00:00<00:00,  1.25it/s]"
        f"\r{header} 100%|██████████| 1/1 [00:00<00:00,  1.25it/s]\n"
        "                   all          8          8    0.00119       0.25    0.00126   0.000263\n"
    )
    series = _series(text)
    assert [v for _, _, v in series["mAP50-95"]] == [0.000263]
    assert [v for _, _, v in series["P"]] == [0.00119]
    assert not any("_P" in name for name in series)


def test_names_in_parentheses_then_their_values_in_parentheses():
    """`best_value (random, qEI, qNEI) = (1.18, 1.38, 1.18)` (BoTorch's tutorials): each value
    its method's, under the line's name; whole numbers so (`ARMA errors (p, q): (0, 0)`, an
    image's `(h, w) = (224, 224)`) are orders or sizes, no metrics."""
    text = (
        "Batch  1: best_value (random, qEI, qNEI) = (1.18, 1.38, 1.18), time = 18.20.\n"
        "Batch  2: best_value (random, qEI, qNEI) = (1.18, 1.43, 1.21), time = 31.93.\n"
        "ARMA errors (p, q): (0, 0)\n"
    )
    series = _series(text)
    assert [(s, v) for s, _, v in series["best_value/qEI"]] == [(1, 1.38), (2, 1.43)]
    assert [v for _, _, v in series["best_value/qNEI"]] == [1.18, 1.21]
    assert not any(name.startswith("ARMA") for name in series)


def test_a_value_before_a_phase_word_is_still_read():
    """`score: 0.5 train / 0.4 val`: a fraction before a phase word is the label's value."""
    assert [v for _, _, v in _series("score: 0.5 train / 0.4 val\n")["score"]] == [0.5]


def test_a_frame_of_models_over_splits_keeps_each_models_series():
    """pandas' frame with its row numbers, a `model` column and a split's number: each model's
    series over the splits, never one series merging the models' values."""
    text = (
        "      model  i_split  precision@10  recall@10\n"
        "0   popular        0        0.0120      0.060\n"
        "1      ease        0        0.0554      0.277\n"
        "2   popular        1        0.0076      0.038\n"
        "3      ease        1        0.0542      0.271\n"
    )
    series = _series(text)
    assert [(s, v) for s, _, v in series["popular/precision@10"]] == [(0, 0.012), (1, 0.0076)]
    assert [(s, v) for s, _, v in series["ease/recall@10"]] == [(0, 0.277), (1, 0.271)]
    assert "precision@10" not in series and not any("i_split" in name for name in series)


def test_a_column_named_split_alone_is_no_counter():
    """LightGBM's importance by split count (`split`) is a column of counts, not a split's number."""
    from mlop_cli.sources.console.reader import _step_column

    assert _step_column("i_split") and _step_column("fold")
    assert not _step_column("split")


def test_rows_under_a_title_naming_importances_are_no_metrics():
    """`rf variable importance` (caret), then `name  value` rows, or a frame's rows of features:
    values per feature of the model, not the run's; a line after them is read again."""
    run = "epoch 1 loss=0.5 acc=0.8\nepoch 2 loss=0.4 acc=0.85\n"
    caret = "rf variable importance\n\n        Overall\ntenure   100.00\ncharges   65.98\n"
    series = _series(run + caret + "score     62.49\n")
    assert set(series) == {"loss", "acc"}
    frame = (
        "Feature importances\n"
        "       feature  split         gain\n"
        "0         hour   2024  7307.263185\n"
        "1         temp   2139  5453.432835\n"
        "val_acc: 0.9\n"
    )
    series = _series(run + frame)
    assert set(series) == {"loss", "acc", "val_acc"}
    # The same rows with no such title are read as before.
    assert "tenure" in _series(run + "        Overall\ntenure   100.00\ncharges   65.98\n")


def test_values_per_numbered_item_are_no_metrics():
    """A selector's scores per feature (`{'var_0': …, 'var_1': …}`, a Series of `var_N` rows,
    `f0=… f1=… f2=…`) are values per item; numbered measures (`loss_0`, per head) and
    workers (`rank0`) stay series."""
    run = "epoch 1 loss=0.5\n"
    items = (
        "{'var_0': np.float64(0.085), 'var_1': np.float64(0.17), 'var_2': np.float64(0.33)}\n"
        "f0=0.1 f1=0.2 f2=0.4\n"
        "var_2    0.354048\nvar_0    0.075161\nvar_1    0.061826\n"
    )
    assert set(_series(run + items)) == {"loss"}
    kept = (
        "{'loss_0': 0.1, 'loss_1': 0.2, 'loss_2': 0.3}\nrank0=0.5 rank1=0.6 rank2=0.7\n"
        "{'class_0': 0.91, 'class_1': 0.85, 'class_2': 0.77}\n"
    )
    names = set(_series(run + kept))
    assert {"loss_0", "loss_1", "loss_2", "rank0", "class_0", "class_2"} <= names


def test_a_phase_opening_a_line_of_pairs_names_each_measure_after_it():
    """`Epoch 1 train loss 1.00 acc 0.60` then `Epoch 1 val loss 1.20 acc 0.50`: train and
    validation accuracy are two series, never one with two values a step; so on a line of
    `|`-separated phases, whose repeated names were dropped before."""
    lines = "".join(
        f"Epoch {e} train loss {1 / e:.2f} acc {0.5 + e / 10:.2f}\n"
        f"Epoch {e} val loss {1.2 / e:.2f} acc {0.4 + e / 10:.2f}\n"
        for e in (1, 2, 3)
    )
    series = _series(lines)
    assert [v for _, _, v in series["train_acc"]] == [0.6, 0.7, 0.8]
    assert [v for _, _, v in series["val_acc"]] == [0.5, 0.6, 0.7]
    assert "acc" not in series
    series = _series("Epoch 1 | train loss 1.00 acc 0.60 | val loss 1.20 acc 0.50\n")
    assert {name: [v for _, _, v in p] for name, p in series.items()} == {
        "train_loss": [1.0], "train_acc": [0.6], "val_loss": [1.2], "val_acc": [0.5]
    }  # fmt: skip
    # A list after a comma keeps its names as printed (an evaluation's measures).
    assert "accuracy" in _series("Validation loss: 0.3780, accuracy: 89.69%\n")


def test_numbers_grouped_by_thousands_with_decimals_are_one_value():
    """`tokens/s: 12,345.6`, `val_loss=1,234.5`: the whole number, never the part before the
    first comma (stored as 12.0 before, with no warning)."""
    text = "step 100 | tokens/s: 12,345.6 | loss=2.500\nstep 200 val_loss=1,234.5 acc=0.5\n"
    series = _series(text)
    assert [v for _, _, v in series["tokens/s"]] == [12345.6]
    assert [v for _, _, v in series["val_loss"]] == [1234.5]
    # Comma-separated values are not grouped digits (`a=1,2`: no group of three).
    assert [v for _, _, v in _series("step 300 a=1,2 b=0.5\n")["a"]] == [1.0]


def test_a_records_escaped_keys_are_the_names_the_script_gave():
    """`json.dumps` escapes non-ASCII by default: `{"pr\\u00e9cision": 0.9}` is `précision`
    (stored as `pr\\u00e9cision`, a gate on `précision` found no such metric); so are a
    Python repr's escapes (`'top\\'1'`)."""
    series = _series(r'{"step": 1, "pr\u00e9cision": 0.9, "top\"1": 0.7}' + "\n")
    assert set(series) == {"précision", 'top"1'}
    assert set(_series(r"{'step': 2, 'top\'5': 0.8, 'acc': 0.5}" + "\n")) == {"top'5", "acc"}
