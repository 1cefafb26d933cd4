"""The console reader stores metrics, not the numbers around them: settings, counts, timings.

Each rule is about a line's structure (see ``docs/console.md``), checked here on small
hand-made lines in the shapes real libraries print; ``tests/console_score.py`` measures the
same rules on real output.
"""

from __future__ import annotations

from tests.test_console_parsers import _series, parse_block


def _names(text: str) -> set[str]:
    return {name for _, pairs in parse_block(text) for name, _ in pairs}


def _series_of(text: str) -> dict[str, list]:
    return _series(text)


def test_settings_before_the_one_split_of_a_trial_line_are_parameters() -> None:
    # The settings of a cross-validation fold, then what they scored.
    assert _names("[CV 1/5] END ....C=0.1, gamma=0.01;, score=0.750 total time=   0.1s\n") == {
        "score",
        "total_time",
    }
    assert _names("lr=0.1 wd=0.01 -> val_acc=0.91\n") == {"val_acc"}
    # `;` between every pair is a record's separator: everything stays.
    assert _names("epoch=1; lr=0.1; loss=0.5\n") == {"lr", "loss"}
    # Settings that name a metric are not parameters.
    assert _names("loss=0.3, acc=0.9; val_loss=0.4\n") == {"loss", "acc", "val_loss"}


def test_a_label_heading_a_parenthesised_group_ends_with_the_group() -> None:
    names = _names("acc: (train=0.76, test=0.77) f1: (train=0.75, test=0.75) total time= 0.1s\n")
    assert names == {"acc/train", "acc/test", "f1/train", "f1/test", "total_time"}


def test_a_setting_named_inside_a_sentence_is_not_a_metric() -> None:
    line = "Validation score did not improve more than tol=0.000100 for 5 consecutive epochs.\n"
    assert _names(line) == set()
    assert _names("Fitting model with workers=4, seed=7\n") == set()
    # A sentence reporting a result names it by a metric's word.
    assert _names("Trial 3 finished with value: 0.12\n") == {"value"}
    assert _names("Early stopping at epoch 10 with best_valid_accuracy = 0.83\n") == {
        "best_valid_accuracy"
    }


def test_sizes_and_byte_rates_are_not_metrics() -> None:
    # A group holding a size is a check of the machine or of the data's files: its timing
    # (`ping`) is the check's, not the training's.
    line = "val: image access (ping: 0.2±0.1 ms, read: 111.1±27.6 MB/s, size: 3.3 KB)\n"
    assert _names(line) == set()
    assert _names("loss: 0.3 (data: 0.2 ms, io: 12 MB/s) acc: 0.9\n") == {"loss", "acc"}
    assert _names("step=3 loss=0.3 MemAllocated=0.33GB peak 1.2 GiB\n") == {"loss"}
    assert _names("Train Data Memory Usage: 0.02 MB (0.0% of available memory)\n") == set()
    # A spread is not a unit: the mean is the value.
    assert _names("acc: 0.91±0.02 loss: 0.3\n") == {"acc", "loss"}


def test_a_count_that_never_changes_is_not_a_series() -> None:
    table = (
        "      Class     Images  Instances          P          R\n"
        "        all          8         12      0.512      0.25\n"
    )
    text = "".join(f"Epoch {e}/3\n" + table for e in (1, 2, 3))
    assert _names(text) == {"P", "R"}
    assert _names("".join(f"Norm: 8{i}.5, NNZs: 12, loss: 0.{i}\n" for i in range(1, 4))) == {
        "Norm",
        "loss",
    }
    # A count that moves is a series, from its first point.
    got = parse_block("".join(f"step={i} loss=0.{i} num_tokens={150 * i}\n" for i in (1, 2, 3)))
    tokens = [value for _, pairs in got for name, value in pairs if name == "num_tokens"]
    assert tokens == [150, 300, 450]
    # A name holding a metric's word is no count (`correct predictions`).
    assert _names("epoch 1 correct predictions 10\nepoch 2 correct predictions 10\n") == {
        "correct_predictions"
    }


def _box(title: str, rows: list[tuple[str, str]]) -> str:
    lines = ["╭" + "─" * 40 + "╮", f"│ {title:<38} │", "├" + "─" * 40 + "┤"]
    lines += [f"│ {key:<24}{value:>14} │" for key, value in rows]
    return "\n".join([*lines, "╰" + "─" * 40 + "╯", ""])


def test_one_column_boxes_are_read_under_the_thing_their_title_names() -> None:
    """A rounded box whose rows hold a key and its value in one cell, titled by what the
    values are of: one series per trial, at the box's own iteration counter."""
    text = "".join(
        f"Trial trial_{t:05d} finished iteration {i}.\n"
        + _box(
            f"Trial trial_{t:05d} result",
            [("checkpoint_dir_name", ""), ("training_iteration", str(i)), ("loss", f"0.{t}{i}")],
        )
        for i in (1, 2)
        for t in (1, 2)
    )
    got = parse_block(text)
    points = sorted((name, step, value) for step, pairs in got for name, value in pairs)
    assert points == [
        ("trial_00001/loss", 1, 0.11),
        ("trial_00001/loss", 2, 0.12),
        ("trial_00002/loss", 1, 0.21),
        ("trial_00002/loss", 2, 0.22),
    ]
    # Configuration boxes hold settings; a table drawn inside a box repeats results.
    config = _box("Trial trial_00001 config", [("lr", "0.01"), ("width", "64")])
    assert parse_block(config) == []
    table = "│ trial_00001   TERMINATED   64   0.01   3   0.445 │\n"
    assert parse_block(_box("Trial name   status   width", []).replace("╰", table + "╰")) == []


def test_a_number_with_a_word_of_its_own_after_a_label_counts_that_thing() -> None:
    assert _names("Trial status: 2 TERMINATED | 2 PENDING\n") == set()
    assert _names("Speed: 0.9ms preprocess, 39.4ms inference, 2.7ms postprocess per image\n") == (
        set()
    )
    assert _names("acc: 91.2 %, loss: 0.3 | lr: 0.1\n") == {"acc", "loss", "lr"}


def test_a_duration_named_as_a_time_is_not_a_metric() -> None:
    text = "Time spent computing histograms: 4.735s\nTotal running time: 17s\n"
    assert _names(text) == set()
    # The unit said by the name instead of the value.
    text = "Seconds required: 0.004\nTotal seconds required for training: 0.012\n"
    assert _names(text) == set()
    assert _names("step 1 loss 0.3 seconds 0.2\nstep 2 loss 0.2 seconds 0.2\n") == {
        "loss",
        "seconds",
    }
    assert _names("Estimated time budget=10s. epoch 1 loss=0.3\n") == {"loss"}
    # Timings a library records as metrics print as plain numbers: they stay.
    assert _names("{'eval_loss': 0.7, 'eval_runtime': 0.081, 'epoch': 1.0}\n") == {
        "eval_loss",
        "eval_runtime",
    }
    # The time of each step is the speed of training: a series.
    assert _names("iter 100: loss 2.3456, time 45.67ms, mfu 12.34%\n") == {"loss", "time", "mfu"}


def test_the_last_number_of_a_bar_cut_at_the_terminals_width_is_not_read() -> None:
    cut = "Epoch 0:  50%|#####     | 4/8 [00:01<00:01, 3.1it/s, loss=0.801, val_acc=0.641, lr=0"
    assert _names(cut + "\n") == {"loss", "val_acc"}
    whole = "Epoch 0:  50%|#####     | 4/8 [00:01<00:01, 3.1it/s, loss=0.801, lr=0]"
    assert _names(whole + "\n") == {"loss", "lr"}


def test_a_header_cell_of_words_over_as_many_numbers_is_one_column_per_word() -> None:
    """pycma's table: `Iterat #Fevals` are two columns one space apart; `Iterat` (an
    iteration, abbreviated) is the step; `#Fevals` counts evaluations, not a metric."""
    text = (
        "Iterat #Fevals   function value  axis ratio  sigma  min&max std  t[m:s]\n"
        "    1     10 6.824717706340266e+01 1.0e+00 2.92e-01  3e-01  3e-01 0:00.0  \n"
        "    2     20 8.164410663417449e+01 1.3e+00 2.55e-01  2e-01  3e-01 0:00.0  \n"
    )
    got = parse_block(text)
    assert [step for step, _ in got] == [1, 2]
    assert dict(got[0][1]) == {
        "function_value": 68.24717706340266,
        "axis_ratio": 1.0,
        "sigma": 0.292,
        "min&max": 0.3,
        "std": 0.3,
    }


def test_a_key_whose_value_is_text_labels_nothing_after_its_separator() -> None:
    assert _names("Best learner: lgbm, best loss: 0.0152\n") == {"best_loss"}
    # A label with a metric after it still labels the line.
    assert _names("train: loss: 0.52, acc: 0.91\n") == {"train/loss", "train/acc"}


def test_a_bars_metrics_wrapped_with_names_and_values_on_different_lines() -> None:
    """Lightning's rich bar, piped, 80 columns: each name meets its value on the next line."""
    pad = " " * 61
    text = (
        "Epoch 2/2  ━━━━━━━━━━━━━━━━━━ 6/6 0:00:00 • 0:00:00 22.81it/s v_num: 0.000      \n"
        f"{pad}train_loss_step:  \n"
        f"{pad}1.405 val_loss:   \n"
        f"{pad}0.973             \n"
        f"{pad}train_loss_epoch: \n"
        f"{pad}1.256             \n"
    )
    got = {name: value for _, pairs in parse_block(text) for name, value in pairs}
    assert got == {"train_loss_step": 1.405, "val_loss": 0.973, "train_loss_epoch": 1.256}


def test_an_evaluation_after_an_epoch_lands_at_the_epochs_end() -> None:
    """Training printed every 4 of 16 batches: the last line shows batch 12, the epoch ends
    at 16; the evaluation's shorter count `[0/4]` is at that end, not at the last line seen."""
    text = "".join(f"Epoch: [0]  [{i:2d}/16]  loss: 1.{i:02d}\n" for i in (0, 4, 8, 12))
    text += "Test:  [0/4]  loss: 2.5\nTest:  [2/4]  loss: 2.4\n"
    text += "".join(f"Epoch: [1]  [{i:2d}/16]  loss: 0.{i:02d}\n" for i in (0, 4))
    got = [(step, name) for step, pairs in parse_block(text) for name, _ in pairs]
    assert [step for step, name in got if name == "Test/loss"] == [16, 16]
    assert [step for step, name in got if name == "loss"] == [0, 4, 8, 12, 16, 20]


def test_a_report_table_with_labelled_rows() -> None:
    """scikit-learn's classification_report: rows labelled by a class number right-aligned
    left of the columns (a key, not a row number), two-word labels, and an `accuracy` row
    whose one value is its label's; `support` counts."""
    text = (
        "              precision    recall  f1-score   support\n"
        "\n"
        "           0      0.738     0.801     0.768       151\n"
        "           1      0.913     0.971     0.941       140\n"
        "\n"
        "    accuracy                          0.831       291\n"
        "   macro avg      0.835     0.836     0.833       291\n"
    )
    got = {name: value for _, pairs in parse_block(text) for name, value in pairs}
    assert got == {
        "0/precision": 0.738,
        "0/recall": 0.801,
        "0/f1-score": 0.768,
        "1/precision": 0.913,
        "1/recall": 0.971,
        "1/f1-score": 0.941,
        "accuracy": 0.831,
        "macro_avg/precision": 0.835,
        "macro_avg/recall": 0.836,
        "macro_avg/f1-score": 0.833,
    }
    # A frame's row numbers start the line: they are its order, not keys.
    frame = "       loss  accuracy\n0  0.526970  0.753125\n1  0.362388  0.868750\n"
    assert [step for step, _ in parse_block(frame)] == [0, 1]


def test_count_names_stay_bounded_in_a_flood_of_distinct_names() -> None:
    from mlop_cli.sources.console import reader as reader_module

    got: list[str] = []
    reader = reader_module.Reader(lambda names, step, epoch, values, when: got.extend(names))
    reader._ctx.started = True
    count = reader_module._MAX_COUNT_NAMES + 50
    lines = "".join(f"step={i} run{i}_images={i}\n" for i in range(count))
    reader.read(1, lines, 0.0, 0.0)
    assert len(reader._count_names) <= reader_module._MAX_COUNT_NAMES
    reader.close()
    assert len(got) == 50  # the names past the bound are metrics; the held counts never moved


def test_a_size_of_a_structure_is_not_a_metric_even_when_it_changes() -> None:
    # A tree's depth beside what the iteration scored (`max depth = 6, train loss: …`).
    text = "".join(
        f"[{i}/30] 1 tree, 17 leaves, max depth = {d}, train loss: 0.{i}, in 0.1s\n"
        for i, d in ((1, 6), (2, 7), (3, 7), (4, 5))
    )
    assert _names(text) == {"train_loss"}
    # A setting printed in a dump after training began.
    assert _names("step 3 loss 0.2\n  train_micro_batch_size_per_gpu  16\n") == {"loss"}
    # A size printed as a fraction is an average: a series.
    assert _names("step 1 mean depth 5.5\nstep 2 mean depth 6.25\n") == {"mean_depth"}


def test_names_of_the_data_itself_are_not_metrics() -> None:
    # A progress table's columns of the current example: its label, the prediction for it.
    text = (
        "average  since         example        example        current        current  current\n"
        "loss     last          counter         weight          label        predict features\n"
        "0.693147 0.693147            1            1.0        -1.0000         0.5000        5\n"
        "0.413765 0.134383            2            2.0         1.0000         0.8743        5\n"
        "0.534168 0.654570            4            4.0        -1.0000         0.3368        5\n"
        "\nweighted example sum = 300.000000\nweighted label sum = -18.000000\n"
    )
    # `example weight` is the counter printed again; the summary's sums count the data.
    assert _names(text) == {"average_loss", "since_last"}
    assert _names("step 1 label 3 pred 2 loss 0.5\nstep 2 label 1 pred 1 loss 0.4\n") == {"loss"}
    # A name holding a metric's word is a measure.
    assert _names("step 1 label_smoothing_loss 0.5\n") == {"label_smoothing_loss"}


def test_a_time_counter_is_the_step() -> None:
    got = parse_block("Norm: 88.99, NNZs: 12, T: 600, Avg. loss: 30.6\nT: 1200, Avg. loss: 19.7\n")
    assert got == [(600, [("Norm", 88.99), ("Avg_loss", 30.6)]), (1200, [("Avg_loss", 19.7)])]
    # A time with a fraction is no counter: a value.
    assert parse_block("t: 0.53, loss: 0.2\n") == [(None, [("t", 0.53), ("loss", 0.2)])]


def test_an_episode_counter_is_the_step() -> None:
    """Reinforcement learning loops count episodes: the episode is the x axis, not a metric."""
    text = (
        "Episode 1 | reward: 23.0 | length: 23 | epsilon: 0.950\n"
        "Episode 2 | reward: 15.0 | length: 15 | epsilon: 0.902\n"
    )
    assert parse_block(text) == [
        (1, [("reward", 23.0), ("length", 23.0), ("epsilon", 0.95)]),
        (2, [("reward", 15.0), ("length", 15.0), ("epsilon", 0.902)]),
    ]
    columns = "episode  return  length\n      1   23.00      23\n      2   15.00      15\n"
    assert [step for step, _ in parse_block(columns)] == [1, 2]
    assert "episode" not in _names(columns)


def test_a_line_without_a_step_after_lines_with_steps_is_at_the_last_step() -> None:
    """`step 50: loss=…` then `eval: acc=…`: the evaluation of the model at step 50, so the
    two charts line up; a result printed after training is at its last step. Both counted
    0, 1, 2 by themselves before. A series already at that step counts on from it."""
    from tests.test_console_source import run, values

    text = (
        b"loss=15.0\n"  # before any step: counts by itself, as before
        b"step 50: loss=14.0\n"
        b"eval: acc=0.61\n"
        b"step 100: loss=12.0\n"
        b"step 150: loss=11.0\n"
        b"val_loss=0.9 val_acc=0.7\n"
        b"eval: acc=0.66\n"
        b"eval: acc=0.67\n"
        b"loss=10.5\n"
        b"Test accuracy: 0.95\n"
        b"Final accuracy: 0.96\n"
    )
    assert values(run([(1, text)])) == {
        "loss": [(0, 15.0), (50, 14.0), (100, 12.0), (150, 11.0), (151, 10.5)],
        "eval/acc": [(50, 0.61), (150, 0.66), (151, 0.67)],
        "val_loss": [(150, 0.9)],
        "val_acc": [(150, 0.7)],
        "Test_accuracy": [(150, 0.95)],
        "Final_accuracy": [(150, 0.96)],
    }


def test_a_rate_named_with_per_is_a_metric_and_a_whole_setting_per_epoch_is_not() -> None:
    """`Average timesteps per episode: 44.79` (the Taxi Q-learning tutorial's summary) was
    read as a sentence, and `reward per episode` as the episode counter."""
    text = (
        "step 10: loss=0.5\n"
        "Average timesteps per episode: 44.79\n"
        "Average reward per episode: 8.2\n"
        "Samples per second: 1234.5\n"
        "steps per epoch: 30\n"
        "Training with 100 samples per class and lr=0.1\n"
    )
    assert _names(text) == {
        "loss",
        "Average_timesteps_per_episode",
        "Average_reward_per_episode",
        "Samples_per_second",
    }


def test_the_circumstance_after_a_counter_phrase_is_not_part_of_the_name() -> None:
    text = (
        "[t-SNE] KL divergence after 250 iterations with early exaggeration: 60.770908\n"
        "[t-SNE] KL divergence after 350 iterations: 0.742497\n"
    )
    assert parse_block(text) == [
        (250, [("KL_divergence", 60.770908)]),
        (350, [("KL_divergence", 0.742497)]),
    ]


def test_a_bracketed_tag_opening_the_line_leaves_its_counter_a_counter() -> None:
    text = (
        "[t-SNE] Iteration 50: error = 58.0146255, gradient norm = 0.3217673 (50 iterations in 2.7s)\n"
        "[t-SNE] Iteration 100: error = 57.4227715, gradient norm = 0.2879691 (50 iterations in 2.2s)\n"
    )
    assert [step for step, _ in parse_block(text)] == [50, 100]


def _points(text: str) -> dict[str, list[tuple[int | None, float]]]:
    out: dict[str, list[tuple[int | None, float]]] = {}
    for step, pairs in parse_block(text):
        for name, value in pairs:
            out.setdefault(name, []).append((step, value))
    return out


def _lightning_bar(epochs: list[tuple[list[float], float]], total: int = 4) -> str:
    """A piped tqdm bar as Lightning draws it: the epoch's values join the postfix at its
    end and are shown again at every position of the next epoch; a reset redraw at 0."""
    lines = []
    shown = ""
    for epoch, (losses, val) in enumerate(epochs):
        lines.append(f"Epoch {epoch}:   0%|          | 0/{total} [00:00<?, ?it/s{shown}]")
        for position, loss in enumerate(losses, 1):
            bar = f"Epoch {epoch}: {100 * position // total:3d}%|###       | {position}/{total}"
            lines.append(f"{bar} [00:00<00:00, 10.1it/s, lr=0.1, loss={loss}{shown}]")
        shown = f", val_loss={val}"
        lines.append(f"{bar} [00:00<00:00, 9.9it/s, lr=0.1, loss={losses[-1]}{shown}]")
        lines.append(f"Epoch {epoch}:   0%|          | 0/{total} [00:00<?, ?it/s{shown}]")
    return "\n".join(lines) + "\n"  # each `\r` redraw is a record of its own


def test_an_epochs_value_shown_again_on_the_next_epochs_bar_is_one_point() -> None:
    text = _lightning_bar(
        [([0.9, 0.8, 0.7, 0.6], 0.55), ([0.5, 0.5, 0.4, 0.3], 0.45), ([0.3, 0.2, 0.2, 0.1], 0.45)]
    )
    points = _points(text)
    # One point per epoch, at its end; the same value at the next epoch's end is a new point.
    assert points["val_loss"] == [(4, 0.55), (8, 0.45), (12, 0.45)]
    # A value repeated at a new training step is a new point (a constant rate, a loss).
    assert points["lr"] == [(step, 0.1) for step in range(1, 13)]
    assert [v for _, v in points["loss"]] == [0.9, 0.8, 0.7, 0.6, 0.5, 0.5, 0.4, 0.3] + [
        0.3,
        0.2,
        0.2,
        0.1,
    ]


def test_a_tab_separated_table_is_read_as_a_terminal_shows_it() -> None:
    # Names padded to their column's widest value, then a tab: the columns line up only at the
    # terminal's tab stops (every 8 characters).
    text = (
        "gen\tnevals\tavg  \tstd    \tmin\tmax\n"
        "0  \t60    \t19.65\t3.42941\t12 \t27 \n"
        "1  \t44    \t22.3667\t2.53618\t17 \t27 \n"
        "2  \t29    \t24.0667\t2.34426\t19 \t30 \n"
    )
    got = parse_block(text)
    # `gen` is the step; `min`/`max` are statistics even as whole numbers; `nevals` counts.
    assert [step for step, _ in got] == [0, 1, 2]
    assert got[1][1] == [("avg", 22.3667), ("std", 2.53618), ("min", 17), ("max", 27)]


def test_whole_numbers_under_a_count_column_of_a_report_row_stay_out() -> None:
    text = (
        "              precision    recall  f1-score   support\n\n"
        "           0      0.738     0.801     0.768       226\n"
        "           1      0.782     0.716     0.748       224\n\n"
        "    accuracy                          0.758       450\n"
    )
    assert _names(text) == {
        "0/precision",
        "0/recall",
        "0/f1-score",
        "1/precision",
        "1/recall",
        "1/f1-score",
        "accuracy",
    }


def test_columns_sharing_a_name_are_told_apart_by_the_titles_over_them() -> None:
    text = (
        "    |   Population Average    |             Best Individual              |\n"
        "---- ------------------------- ------------------------------------------ ----------\n"
        " Gen   Length          Fitness   Length          Fitness      OOB Fitness  Time Left\n"
        "   0    38.11          4649.14        7         0.325495          0.32376      2.82s\n"
        "   1    11.57          1.19404       15         0.240636         0.257007      1.33s\n"
    )
    got = parse_block(text)
    assert [step for step, _ in got] == [0, 1]
    # Two values on one line never share a series; the time left is an estimate, no metric.
    assert got[1][1] == [
        ("Population_Average/Length", 11.57),
        ("Population_Average/Fitness", 1.19404),
        ("Best_Individual/Fitness", 0.240636),
        ("OOB_Fitness", 0.257007),
    ]


def _run(text: str) -> dict[str, list[tuple[int | None, float]]]:
    """The points of a whole run's output, read from its start (configuration first)."""
    from mlop_cli.sources.console.reader import Reader

    out: dict[str, list[tuple[int | None, float]]] = {}

    def emit(names, step, epoch, values, when):
        for name, value in zip(names, values, strict=True):
            out.setdefault(name, []).append((step, value))

    reader = Reader(emit)
    reader.read(1, text, 0.0, 0.0)
    reader.close()
    return out


def test_a_setting_printed_before_training_is_not_the_first_point_of_its_series() -> None:
    text = "Starting training: 140 steps, lr=0.3\n" + "".join(
        f"step {s} | loss 0.{9 - s // 10} | lr 0.3\n" for s in (10, 20, 30)
    )
    assert _run(text)["lr"] == [(10, 0.3), (20, 0.3), (30, 0.3)]
    # An evaluation before training is a point of its series.
    text = "val_loss: 0.93\n" + "".join(f"step {s} val_loss: 0.{8 - s // 10}\n" for s in (10, 20))
    assert _run(text)["val_loss"] == [(None, 0.93), (10, 0.7), (20, 0.6)]


def test_pairs_in_parentheses_after_a_value_are_read_under_their_own_phase() -> None:
    # A group of `name value` pairs of its own is read; a name with its own phase keeps it.
    line = "Epoch 1 validation: loss=0.4361 accuracy=0.8208 (train loss 0.5270)\n"
    assert parse_block(line)[0][1] == [
        ("validation/loss", 0.4361),
        ("validation/accuracy", 0.8208),
        ("train_loss", 0.527),
    ]
    # A number in parentheses after a value annotates it (a running average, a count).
    assert _names("Loss 6.9e+00 (7.0e+00) Acc@1 12.5 (10.1)\n") == {"Loss", "Acc@1"}
    assert _names("best: 0.8 (10)\n") == {"best"}
    # Prose in parentheses is no pair.
    assert _names("loss: 0.3 (best so far 0.2)\n") == {"loss"}


def test_a_data_bar_done_before_training_does_not_give_the_epochs_their_step() -> None:
    text = (
        "Initial learn rate: 0.1\n"
        "Scanning data: 100%|##########| 16/16 [00:00<00:00, 221.1it/s]\n"
        "Epoch 1/3: loss=0.5\nEpoch 2/3: loss=0.4\nEpoch 3/3: loss=0.3\n"
    )
    assert _run(text)["loss"] == [(1, 0.5), (2, 0.4), (3, 0.3)]


def test_a_keras_bar_of_unknown_total_is_read_at_its_position() -> None:
    # Fed by a generator of unknown length, Keras draws no bar: the position, the time so far
    # and per step, then the running values.
    text = (
        "Epoch 1/2\n"
        "      1/Unknown 5s 5s/step - accuracy: 0.6250 - loss: 0.6482\n"
        "      5/Unknown 5s 15ms/step - accuracy: 0.7188 - loss: 0.5561\n"
        "      9/Unknown 6s 15ms/step - accuracy: 0.7812 - loss: 0.4499\n"
    )
    assert _points(text)["loss"] == [(1, 0.6482), (5, 0.5561), (9, 0.4499)]


def test_codes_degrees_of_freedom_and_a_solvers_work_counts_are_not_metrics() -> None:
    # A solver's record: the count of function evaluations grows with the iteration, and is
    # bookkeeping; the abbreviated name of the objective keeps its abbreviation.
    lines = "".join(
        f"Iteration:      {i},   Func. Count:     {6 * i + 1},   Neg. LLF: {1900 - i * 10}.5\n"
        for i in range(1, 5)
    )
    assert _names(lines) == {"Neg_LLF"}
    assert _names("Adj. R-squared:                  0.871\n") == {"Adj_R-squared"}
    # Status codes, exit modes and degrees of freedom say which case, not how well.
    for line in (
        "Df Model:                           1\n",
        "Optimization terminated successfully    (Exit mode 0)\n",
        "   status: 0\n",
        "Function evaluations: 38\n",
    ):
        assert _names(line) == set(), line
    # A name ending in a count of the work done counts it, whatever it is of.
    assert _names("[ultranest] Likelihood function evaluations: 2473\n") == set()
    line = "Iteration 3 (0.12 s, search 0.06 s): objective=56965.8 imbalance=1.344 nsplit=0\n"
    assert _names(line) == {"objective", "imbalance"}


def test_a_decorated_title_of_parameters_or_settings_opens_a_block_of_no_metrics() -> None:
    # A fit report: its statistics are read; its variables (estimates with their errors and
    # initial values) and their correlations are not, to the next title or a blank line.
    report = (
        "[[Fit Statistics]]\n"
        "    # function evals   = 63\n"
        "    chi-square         = 10.2947448\n"
        "    Akaike info crit   = -1008.01849\n"
        "[[Variables]]\n"
        "    amp:    4.99944250 +/- 0.03690673 (0.74%) (init = 10)\n"
        "    decay:  0.02525654 +/- 4.2612e-04 (1.69%) (init = 0.1)\n"
        "[[Correlations]] (unreported correlations are < 0.100)\n"
        "    C(amp, decay)   = +0.5838\n"
        "\n"
        "final loss: 0.25\n"
    )
    assert _names(report) == {"chi-square", "Akaike_info_crit", "final_loss"}
    # A model's summary in sections: settings under `<Initial Parameters>`, results under
    # `<Training Info>`.
    summary = (
        "<Training Info>\n"
        "| Iterations: 100, Burn-in steps: 0\n"
        "| Optimization Interval: 10\n"
        "| Log-likelihood per word: -4.95430\n"
        "|\n"
        "<Initial Parameters>\n"
        "| min_cf: 0 (minimum collection frequency of words)\n"
        "| alpha: 0.1 (hyperparameter of Dirichlet distribution)\n"
        "|\n"
        "== Hyperparameters ==\n"
        "lr: 0.001\n"
        "dropout: 0.3\n"
        "== Results ==\n"
        "test accuracy: 0.91\n"
    )
    assert _names(summary) == {"Log-likelihood_per_word", "test_accuracy"}


def test_a_models_layer_table_and_its_sizes_are_not_metrics() -> None:
    # torchsummary's table, printed before training: rows per layer, totals, sizes in MB.
    summary = (
        "----------------------------------------------------------------\n"
        "        Layer (type)               Output Shape         Param #\n"
        "================================================================\n"
        "            Linear-1                  [-1, 128]           2,688\n"
        "       BatchNorm1d-2                  [-1, 128]             256\n"
        "            Linear-5                   [-1, 64]           8,256\n"
        "================================================================\n"
        "Total params: 11,330\n"
        "Trainable params: 11,330\n"
        "Non-trainable params: 0\n"
        "----------------------------------------------------------------\n"
        "Input size (MB): 0.00\n"
        "Params size (MB): 0.04\n"
        "Estimated Total Size (MB): 0.05\n"
        "----------------------------------------------------------------\n"
    )
    epochs = "".join(
        f"Epoch {e}/3 - train_loss: {0.5 - e / 20:.4f} - val_loss: {0.6 - e / 30:.4f}\n"
        for e in (1, 2, 3)
    )
    points = parse_block(summary + epochs)
    assert {name for _, pairs in points for name, _ in pairs} == {"train_loss", "val_loss"}
    assert [step for step, _ in points] == [1, 2, 3]


def test_a_name_saying_which_epoch_or_step_is_an_index_not_a_metric() -> None:
    assert _names("best_epoch=3 best_val_loss=0.865825891494751\n") == {"best_val_loss"}
    assert _names("stopped_iteration: 40, best score: 0.91\n") == {"best_score"}
    assert _names("Epoch loaded: 6 - test loss: 5.08e-01, test error_rate: 1.80e-01\n") == {
        "test_loss",
        "test_error_rate",
    }
    # A metric's word keeps a name a metric (Lightning's `train_loss_step`).
    assert _names("train_loss_step=0.5 lr=0.1\n") == {"train_loss_step", "lr"}


def test_a_fitness_is_a_metric_and_a_record_with_a_size_keeps_its_values() -> None:
    line = (
        "Algorithm: OriginalPSO, with params: {'epoch': 20, 'pop_size': 20, 'c1': 2.05},"
        " trial: 1, best fitness: 6.033000433742633\n"
    )
    assert _names(line) == {"best_fitness"}
    # A prose name opening with a metric's word is kept whole.
    assert _names("Fitness value of the best solution = 73.88234375286943\n") == {
        "Fitness_value_of_the_best_solution"
    }
    # A size in a record is no metric; the record's other values are read (a record of
    # settings, `{'epoch': 20, 'pop_size': 40, 'c1': 2.05}` printed alone, is told from a
    # record of values such as `{'step': 100, 'lr': 0.0003, 'batch_size': 64}` by its step:
    # see test_a_dict_of_settings_printed_alone_is_no_record).
    assert _names("{'epoch': 2, 'loss': 0.41, 'batch_size': 32}\n") == {"loss"}
    assert _names("{'step': 100, 'lr': 0.0003, 'grad_norm': 1.23, 'batch_size': 64}\n") == {
        "lr",
        "grad_norm",
    }


def test_a_status_message_in_lower_case_and_a_version_are_not_metrics() -> None:
    # pykan's `saving model version 0.1` (a status message opening with its verb, lower case).
    assert _names("saving model version 0.1\n") == set()
    assert _names("model_version: 3 loss 0.5\n") == {"loss"}


def test_the_machines_usage_is_not_a_metric() -> None:
    """`CPU %: 3.10` after a bar, a boxed report of the running environment: how busy the
    machine is (mlop samples it itself), not how well the model does."""
    assert _names("Epoch 1 loss: 0.61\n  CPU %: 3.10\n  Memory %: 0.05\n") == {"loss"}
    box = (
        "+-------------+----------------+\n| Environment |     Usage      |\n"
        "+=============+================+\n| CPU         |    38.50 %     |\n"
        "+-------------+----------------+\n| accuracy    |    0.91        |\n"
        "+-------------+----------------+\n"
    )
    assert _names(box) == {"accuracy"}
    assert _names("Environment     Usage\nCPU             38.50 %\nloss            0.25\n") == {
        "loss"
    }
    # A metric's word keeps a name a measure.
    assert _names("memory_loss: 0.3 cpu_time_per_step_loss: 0.1\n") >= {"memory_loss"}


def test_an_indented_listing_of_an_objects_settings_holds_no_metric() -> None:
    """`print(optimizer)` in a training loop, pygmo's `print(algo)`: indented `key: value`
    lines whose values are as often words, flags or lists as numbers describe an object; its
    numbers are settings. A listing of numbers is read; a result named as one is kept."""
    adam = (
        "Adam (\nParameter Group 0\n    amsgrad: False\n    betas: (0.9, 0.999)\n"
        "    capturable: False\n    eps: 1e-08\n    foreach: None\n    lr: 0.001\n"
        "    maximize: False\n    weight_decay: 0\n)\n"
    )
    assert _names("Epoch 1 loss: 0.5\n" + adam + "Epoch 2 loss: 0.4\n") == {"loss"}
    algo = (
        "Extra info:\n\tGenerations: 40\n\tcc: auto\n\tcs: auto\n\tsigma0: 0.5\n"
        "\tStopping xtol: 1e-06\n\tMemory: false\n\n\tVerbosity: 4\n"
        "\tFitness dimension:\t\t\t1\n"
    )
    assert _names("Epoch 1 loss: 0.5\n" + algo) == {"loss"}
    result = (
        "  message: Optimization terminated successfully.\n  success: True\n   status: 0\n"
        "      fun: 3.7014286104303666\n        x: [-7.757e-01  6.131e-01]\n      nit: 28\n"
    )
    assert _names("Epoch 1 loss: 0.5\n" + result) == {"loss", "fun"}
    results = "Epoch 1 loss: 0.5\nTest results:\n  loss_test: 0.31\n  acc: 0.9\n"
    assert _names(results) == {"loss", "loss_test", "acc"}


def test_a_yaml_document_of_settings_is_decided_whole() -> None:
    """An OmegaConf or yacs dump (GraphGym's `cfg`, LightningCLI's config): top-level keys,
    sections and their indented keys are one document, decided as a whole. Its numbers are
    settings even in a section of numbers only, and a size per epoch is no counter."""
    dump = (
        "accelerator: cpu\nbenchmark: False\nbn:\n  eps: 1e-05\n  mom: 0.1\n"
        "dataset:\n  cache_load: False\n  cache_save: False\n  dir: ./datasets\n"
        "  edge_dim: 128\n  edge_encoder: False\n  label_column: none\n"
        "  split: [0.8, 0.2]\n  transductive: True\ndevices: None\ngpu_mem: False\n"
        "num_threads: 6\noptim:\n  base_lr: 0.01\n  lr_decay: 0.1\n  max_epoch: 20\n"
        "  momentum: 0.9\n  steps: [30, 60, 90]\n  weight_decay: 0.0005\nseed: 1\n"
        "train:\n  auto_resume: False\n  batch_size: 32\n  iter_per_epoch: 32\n"
        "  skip_train_eval: False\n"
    )
    assert _names("epoch 1 loss 0.5\n" + dump + "epoch 2 loss 0.4\n") == {"loss"}
    # A document of results is read, its top-level lines too.
    results = "epoch 1 loss 0.5\ntest:\n  acc: 0.91\n  f1: 0.88\nval_acc: 0.9\n"
    assert _names(results) == {"loss", "acc", "f1", "val_acc"}


def test_a_pandas_series_indexed_by_items_holds_no_metric() -> None:
    """`print(model.params)`, `print(importances)`: a pandas Series prints its index and
    values in two columns and ends with `dtype: float64`. Indexed by features or
    coefficients, its values are the model's, one per item; indexed by measures (a history's
    last row) they are read, and so are two columns that are no Series."""
    coefs = "age       0.029364\ndose     -0.221271\nsmoker    0.816228\ndtype: float64\n"
    assert _names("iter 3: loss = 1.93\n" + coefs) == {"loss"}
    named = "const    1.2034\nx1       0.5121\nName: coef, dtype: float64\n"
    assert _names("iter 3: loss = 1.93\n" + named) == {"loss"}
    last = "loss        0.3121\nval_loss    0.3544\nName: 9, dtype: float64\n"
    assert _names("epoch 1 acc 0.5\n" + last) == {"acc", "loss", "val_loss"}
    assert _names("epoch 1 acc 0.5\nloss    0.3121\nEpoch 2 acc 0.6\n") == {"acc", "loss"}


def test_a_logger_named_like_a_phase_over_another_phases_values_names_no_phase() -> None:
    """`INFO train: epoch 1 train_loss=0.63 val_loss=0.57`: a logger named `train` over a
    line that also holds validation values names no phase; `train_loss` keeps its own name
    (not `train/train_loss`). fairseq's `| train | … | train_wall 33`, with no other phase on
    the line, stays under its label."""
    line = "2026-12-07 10:53:27,103 INFO train: epoch 1 train_loss=0.6341 val_loss=0.5731\n"
    assert _names(line) == {"train_loss", "val_loss"}
    fairseq = (
        "2020-10-10 10:20:01 | INFO | train | epoch 001 | loss 9.876 | ppl 942.1 | "
        "train_wall 331 | wall 600\n"
    )
    assert {"train/loss", "train/train_wall"} <= _names(fairseq)


def test_a_profilers_table_between_epochs_holds_no_metric() -> None:
    """torch.profiler's `key_averages().table()` printed between epochs: rows keyed by
    operators (`aten::addmm`, right-aligned, one name), columns of the machine's time and
    memory (`Self CPU %`, `CPU Mem` in `KB`), a count of calls. None is a metric; the table's
    rows are not read as `addmm = 3.70` pairs either. A size in memory before a count is its
    unit, not a name (`0.0 MiB   16`)."""
    rule = "-" * 55 + "  " + "  ".join(["-" * 12] * 5)
    table = (
        f"{rule}\n{'Name':>55}  {'Self CPU %':>12}  {'Self CPU':>12}  {'CPU total':>12}"
        f"  {'CPU Mem':>12}  {'# of Calls':>12}\n{rule}\n"
        f"{'ProfilerStep*':>55}  {'29.99%':>12}  {'427.579us':>12}  {'1.426ms':>12}"
        f"  {'25.55 KB':>12}  {'2':>12}\n"
        f"{'aten::addmm':>55}  {'3.70%':>12}  {'52.707us':>12}  {'65.787us':>12}"
        f"  {'990.00 KB':>12}  {'6':>12}\n"
        f"{'autograd::engine::evaluate_function: AddmmBackward0':>55}  {'1.39%':>12}"
        f"  {'375.773us':>12}  {'2.781ms':>12}  {'384.38 KB':>12}  {'96':>12}\n"
        f"{rule}\nSelf CPU time total: 1.426ms\n"
    )
    assert _names("[1,     8] loss: 0.951\n" + table + "[1,    16] loss: 0.583\n") == {"loss"}
    memory = "   163    311.6 MiB      2.0 MiB          16           optimizer.zero_grad()\n"
    assert _names("epoch 1 loss 0.5\n" + memory) == {"loss"}


def test_a_bar_whose_count_lags_its_descriptions_gives_each_iteration() -> None:
    """`for x in tqdm(...)`: tqdm shows its count only now and then (miniters), while
    `set_description` redraws each iteration at once. Values that change k times at one
    count, which then moves k on showing the last, were k iterations: each is a point at its
    own step. A bar updated and then given its values (Lightning: the old value, then the
    new, at each position) keeps the last value of each position."""
    descs = [f"total: {v:.4f}" for v in (4.053, 3.858, 3.7993, 3.691, 3.7147, 3.6831)]
    text = "\r".join(
        [
            f"{descs[0]}:   0%|          | 0/300 [00:00<?, ?it/s]",
            f"{descs[0]}:   0%|          | 1/300 [00:00<00:36,  8.16it/s]",
            f"{descs[1]}:   0%|          | 1/300 [00:00<00:36,  8.16it/s]",
            f"{descs[2]}:   0%|          | 1/300 [00:00<00:36,  8.16it/s]",
            f"{descs[2]}:   1%|          | 3/300 [00:00<00:25, 11.78it/s]",
            f"{descs[3]}:   1%|          | 3/300 [00:00<00:25, 11.78it/s]",
            f"{descs[4]}:   1%|          | 3/300 [00:00<00:25, 11.78it/s]",
            f"{descs[5]}:   1%|          | 3/300 [00:00<00:25, 11.78it/s]",
            f"{descs[5]}:   2%|          | 6/300 [00:00<00:15, 18.60it/s]",
        ]
    )
    points = [(step, value) for step, _, value in _series_of(text + "\n")["total"]]
    assert points == [
        (0, 4.053),
        (1, 4.053),
        (2, 3.858),
        (3, 3.7993),
        (4, 3.691),
        (5, 3.7147),
        (6, 3.6831),
    ]
    lightning = "\r".join(
        [
            "Epoch 0:  25%|██▌       | 1/4 [00:00<00:00, 40.88it/s, loss=0.900]",
            "Epoch 0:  50%|█████     | 2/4 [00:00<00:00, 40.88it/s, loss=0.900]",
            "Epoch 0:  50%|█████     | 2/4 [00:00<00:00, 40.88it/s, loss=0.800]",
            "Epoch 0:  75%|███████▌  | 3/4 [00:00<00:00, 40.88it/s, loss=0.800]",
            "Epoch 0:  75%|███████▌  | 3/4 [00:00<00:00, 40.88it/s, loss=0.700]",
        ]
    )
    assert [v for _, _, v in _series_of(lightning + "\n")["loss"]] == [0.9, 0.8, 0.7]


def test_an_object_printout_closing_at_its_last_lines_end_ends_there() -> None:
    """`print(time_step)` in the TF-Agents tutorial: `TimeStep(` alone, then a dict over
    lines closing with `dtype=float32)})`, no `)` line of its own. The printout ends where its
    brackets balance: the training's output after it is read, the specs in it are not."""
    step = (
        "TimeStep(\n{'step_type': array(0, dtype=int32),\n 'reward': array(0., dtype=float32),\n"
        " 'observation': array([ 0.02,  0.04], dtype=float32)})\n"
    )
    spec = "BoundedArraySpec(\n shape=(), dtype=dtype('int64'), name='action',\n minimum=0, maximum=1)\n"
    text = step + spec + "step = 100: loss = 20.57\nstep = 200: loss = 15.52\n"
    assert _names(text) == {"loss"}


def test_a_square_matrix_of_the_data_holds_no_metric() -> None:
    """`print(df.corr())` before training: rows named as the columns, the first as the
    first, a correlation matrix (even with a `score` column) holds the data's values. A
    results table whose row happens to share a column's name (nervaluate's `partial` row
    under a `partial` column, after `ent_type`) is read."""
    corr = (
        "          age  income  score  label\nage     1.000   0.027  0.009  0.382\n"
        "income  0.027   1.000  0.017  0.424\nscore   0.009   0.017  1.000  0.306\n"
        "label   0.382   0.424  0.306  1.000\n"
    )
    assert _names(corr + "epoch 1: train_loss=0.4481 val_accuracy=0.8033\n") == {
        "train_loss",
        "val_accuracy",
    }
    report = (
        "Epoch 1 | loss 1.79\n              correct     partial   precision      recall\n"
        "ent_type            3           0      1.0000      0.0160\n"
        " partial            1           2      0.6667      0.0106\n"
    )
    assert {"partial/precision", "ent_type/precision"} <= _names(report)


def test_a_data_frames_rows_with_categories_hold_no_metric() -> None:
    """`print(df.head())` of a data set with categorical columns: pandas puts narrow names
    one space apart over wider cells of text. The rows are the data's (`north = 0` is no
    metric); a history frame's rows (numbers under measures) are read."""
    head = (
        "         age      spend     plan region churned\n"
        "0  26.840301  20.363377  premium  north       0\n"
        "1  58.429763  40.037003    basic   east       1\n"
        "2  58.505174  17.478818     plus   east       0\n"
    )
    assert _names("epoch 1 loss 0.5\n" + head + "epoch 2 loss 0.4\n") == {"loss"}
    # A `Time` column is the data's own timestamp, and `...` stands for columns left out.
    wide = (
        "       Time  Amount        V1  ...   card_type   device  is_fraud\n"
        "0   22216.0   10.61  0.209060  ...        visa   mobile         0\n"
        "1   86271.0  301.66  0.238493  ...        visa   mobile         0\n"
    )
    assert _names("epoch 1 loss 0.5\n" + wide) == {"loss"}
    history = "       loss  val_loss\n0  0.693147  0.701234\n1  0.512345  0.551234\n"
    assert _names(history) == {"loss", "val_loss"}


def test_a_timers_summary_is_no_metric() -> None:
    """codetiming's `Timer 'epoch': 6 calls, total 0.074s, mean 0.012s, …`: statistics of
    durations, with their unit; a loss's mean without a unit is read."""
    line = "Timer 'epoch': 6 calls, total 0.074s, mean 0.012s, min 0.011s, max 0.015s\n"
    assert _names("epoch 1 loss 0.5\n" + line) == {"loss"}
    assert _names("epoch 1 loss 0.5 mean 0.41\n") == {"loss", "mean"}


def test_a_trials_results_before_its_parameters_are_read_alone() -> None:
    """Optuna's multi-objective trial: `finished with values: {…} and parameters: {…}.` The
    first record holds the trial's results, the second its settings."""
    line = (
        "[I 2026-12-07 15:32:20,058] Trial 3 finished with values: {'v0': 36.07, 'v1': 16.56}"
        " and parameters: {'x': 2.085, 'y': 2.161}.\n"
    )
    series = _series_of(line)
    assert set(series) == {"v0", "v1"}
    assert series["v0"] == [(3, None, 36.07)]


def test_a_frames_row_number_is_not_its_first_columns_value() -> None:
    """sktime's `evaluate()` frame ends with a column of dates, so a row holds as many
    numbers as the frame has columns, its row number first: the numbers are still each
    under its own column (the row number under none)."""
    frame = (
        "   test_MeanAbsolutePercentageError  test_MeanAbsoluteError  fit_time   cutoff\n"
        "0                          0.084161               14.919688  0.010140  2019-12\n"
        "1                          0.107867               20.377058  0.001561  2020-12\n"
    )
    series = _series_of(frame)
    assert [v for _, _, v in series["test_MeanAbsolutePercentageError"]] == [0.084161, 0.107867]
    assert [v for _, _, v in series["test_MeanAbsoluteError"]] == [14.919688, 20.377058]


def test_a_frame_of_items_keyed_by_name_or_id_holds_no_metric() -> None:
    """A sorted importance frame (`feature  importance`, rows `0  num__age  0.15`) and a data
    set's rows keyed by an id column (`customer_id  age  income`) hold one value per item of
    the data, not the run's. A report keyed by class numbers under measures (`pre  rec  f1`)
    is read."""
    importances = (
        "                   feature  importance\n0       num__tenure_months    0.152892\n"
        "1          cat__plan_basic    0.125075\n2     num__monthly_charges    0.092460\n"
    )
    assert _names("[0]\tvalidation_0-auc:0.71\n" + importances) == {"validation_0-auc"}
    rows = (
        "   customer_id   age    income  tenure_months\n0       100001   NaN  39999.49  11\n"
        "1       100002  29.0  36328.40             16\n"
    )
    assert _names("[0]\tvalidation_0-auc:0.71\n" + rows) == {"validation_0-auc"}
    report = (
        "                   pre       rec        f1       sup\n\n"
        "          0       0.95      0.87      0.91       198\n"
        "          1       0.58      0.67      0.62        39\n"
    )
    assert {"0/f1", "1/pre"} <= _names(report)


def test_a_trial_column_alone_is_the_rows_step() -> None:
    """A sweep's summary table, one row per trial (`trial  lr  val_loss  val_acc`): the
    trial's number is the step of one series per column, not a key making a series per
    trial and column."""
    table = (
        "trial     lr hidden  val_loss  val_acc   time\n"
        "    1   0.05      8    0.5474   0.7750  1.02s\n"
        "    2   0.10      8    0.4821   0.8083  0.98s\n"
    )
    series = _series_of(table)
    assert [(step, v) for step, _, v in series["val_loss"]] == [(1, 0.5474), (2, 0.4821)]
    assert not any(name.startswith("1/") for name in series)


def test_a_fold_table_of_items_holds_no_metric() -> None:
    """A feature importance per fold (`fold_0  fold_1  …  mean` over `grade  5952.1 …`): the
    rows are the data's items, not measures; a cross-validation's summary keyed by measures
    (`accuracy  0.81  0.83  0.82`) is read."""
    table = (
        "                fold_0  fold_1  fold_2    mean\n"
        "grade           5952.1  6496.1  2292.5  4728.1\n"
        "int_rate        6241.5  5568.0  1600.1  4022.3\n"
    )
    assert _names("epoch 1 loss 0.5\n" + table) == {"loss"}
    summary = "          Fold 1  Fold 2    Mean\naccuracy    0.81    0.83    0.82\n"
    assert "accuracy" in _names(summary)


def test_ranks_tagged_with_a_space_are_never_merged() -> None:
    """`[rank 0] …` then `[rank 1] …` (and `[RANK 1]`): lines of one shape from two ranks.
    Each line's rank is read from the line itself, so rank 1's values are never points of
    rank 0's series."""
    text = "".join(
        f"[{tag} {r}] epoch {e}: train_loss={0.9 - e / 10 - r / 100:.4f}\n"
        for tag in ("rank", "RANK")
        for e in (0, 1)
        for r in (0, 1)
    )
    series = _series_of(text)
    assert len(series["train_loss"]) == 4
    assert len(series["rank1/train_loss"]) == 4
    # PyTorch's DDP tutorial tags its ranks `[GPU0]`; a batch size is no metric.
    tutorial = (
        "[GPU0] Epoch 0 | Batchsize: 32 | Steps: 8 | Loss: 1.0777\n"
        "[GPU1] Epoch 0 | Batchsize: 32 | Steps: 8 | Loss: 1.0512\n"
    )
    assert _names(tutorial) == {"Loss", "rank1/Loss"}


def test_trials_side_by_side_with_an_epochs_position_are_kept_apart() -> None:
    """Workers of a sweep print `[trial 0] epoch 1/6 loss …` or `trial 3 | lr 0.3 | epoch
    2/5 | loss …` interleaved: the trial says whose values they are, the epoch's position
    where; the trials' series are never merged."""
    text = (
        "[trial 0] epoch 1/6 loss 1.1024 val_loss 1.0105\n"
        "[trial 1] epoch 1/6 loss 1.2024 val_loss 1.1105\n"
        "[trial 0] epoch 2/6 loss 0.9024 val_loss 0.9105\n"
    )
    series = _series_of(text)
    assert [(e, v) for _, e, v in series["trial_0/loss"]] == [(1, 1.1024), (2, 0.9024)]
    assert [v for _, _, v in series["trial_1/loss"]] == [1.2024]
    piped = (
        "trial 3 | lr 0.3 | epoch 2/5 | loss 0.5650 | val_acc 0.7300\n"
        "trial 1 | lr 0.1 | epoch 2/5 | loss 0.6650 | val_acc 0.6300\n"
    )
    assert {"trial_3/loss", "trial_1/loss"} <= _names(piped)
    assert "loss" not in _names(piped)
    # Hydra's joblib launcher runs jobs side by side, each tagged `[job k]` after the prefix.
    jobs = (
        "[2026-12-07 15:50:36,123][__main__][INFO] - [job 1] Epoch 1/5: train_loss=0.4359\n"
        "[2026-12-07 15:50:36,124][__main__][INFO] - [job 2] Epoch 1/5: train_loss=0.5359\n"
    )
    assert _names(jobs) == {"job_1/train_loss", "job_2/train_loss"}


def test_a_unit_of_measure_after_a_value_is_no_thing_counted() -> None:
    """MACE's `RMSE_E_per_atom=  543.54 meV, RMSE_F=  125.24 meV / A`: `meV` is the value's
    unit; the value was taken for a number of `meV` things and lost."""
    text = (
        "Epoch 0: head: Default, loss=0.58, RMSE_E_per_atom=  612.10 meV, RMSE_F=  131.90 meV / A\n"
        "Epoch 1: head: Default, loss=0.31, RMSE_E_per_atom=  543.54 meV, RMSE_F=  125.24 meV / A\n"
    )
    series = _series_of(text)
    assert [v for _, _, v in series["RMSE_E_per_atom"]] == [612.10, 543.54]
    assert [v for _, _, v in series["RMSE_F"]] == [131.90, 125.24]


def test_a_table_naming_each_rows_metric_in_a_column_is_read_by_row() -> None:
    """lm-evaluation-harness's results: `|Tasks|Version|Filter|n-shot|Metric| |Value| |Stderr|`.
    Each row's metric is named in a column and keyed by its task (a blank task cell is the
    row above's); the columns after the value qualify it; Version and n-shot are settings.
    Three tasks' `acc` are never one series."""
    text = (
        "|     Tasks     |Version|Filter|n-shot| Metric |   |Value |   |Stderr|\n"
        "|---------------|------:|------|-----:|--------|---|-----:|---|-----:|\n"
        "|tiny_suite     |      1|none  |     2|acc     |↑  |0.4714|±  |0.0581|\n"
        "| - tiny_colours|      1|none  |     2|acc     |↑  |0.3500|±  |0.0764|\n"
        "|               |       |none  |     2|acc_norm|↑  |0.1500|±  |0.0572|\n"
        "| - tiny_yesno  |      1|none  |     2|acc     |↑  |0.6333|±  |   N/A|\n"
        "\n"
    )
    series = _series_of(text)
    assert set(series) == {
        "tiny_suite/acc",
        "tiny_suite/acc/Stderr",
        "tiny_colours/acc",
        "tiny_colours/acc/Stderr",
        "tiny_colours/acc_norm",
        "tiny_colours/acc_norm/Stderr",
        "tiny_yesno/acc",
    }
    assert [v for _, _, v in series["tiny_colours/acc_norm"]] == [0.15]


def test_lightnings_plain_results_tables_header_holds_no_metric() -> None:
    """Lightning's `trainer.test()` table without rich: `Test metric   DataLoader 0` over a
    rule; `DataLoader 0` is a column's title, it was stored as `DataLoader = 0`."""
    text = (
        "Epoch 4: 100%|██████████| 7/7 [00:03<00:00,  1.81it/s, v_num=0]\n"
        "─────────────────────────────────────────────────\n"
        "             Test metric                         DataLoader 0\n"
        "─────────────────────────────────────────────────\n"
        "       test0_epoch/forces_mae                 0.2756231949936416\n"
        "─────────────────────────────────────────────────\n"
    )
    names = _names(text)
    assert "DataLoader" not in names
    assert "test0_epoch/forces_mae" in names
    two = "        Validate metric           DataLoader 0             DataLoader 1\n"
    assert _names(two) == set()


def test_a_coco_summary_names_each_value_by_its_conditions() -> None:
    """pycocotools' summary: the numbers in `@[ IoU=0.50 | area= all | maxDets=100 ]` were
    stored as `IoU` and `maxDets` series and the value after ` = ` was lost. The conditions
    are the name's; `IoU metric: segm` keeps the masks' scores apart from the boxes'; `DONE
    (t=0.01s).` is the tool's timing."""
    block = (
        "Accumulating evaluation results...\n"
        "DONE (t=0.01s).\n"
        " Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = {a}\n"
        " Average Precision  (AP) @[ IoU=0.50      | area=   all | maxDets=100 ] = {b}\n"
        " Average Precision  (AP) @[ IoU=0.75      | area=   all | maxDets=100 ] = {c}\n"
        " Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=  1 ] = -1.000\n"
    )
    text = (
        "Epoch 1: loss=0.61\n"
        "Epoch 2: loss=0.52\n"
        "IoU metric: bbox\n"
        + block.format(a="0.226", b="0.612", c="0.174")
        + "IoU metric: segm\n"
        + block.format(a="0.201", b="0.550", c="0.150")
    )
    series = _series_of(text)
    ap50 = "Average_Precision_(AP)_@[IoU=0.50|area=all|maxDets=100]"
    # (at the training's last step, as a results line is)
    assert [(s, v) for s, _, v in series[f"bbox/{ap50}"]] == [(series["loss"][-1][0], 0.612)]
    assert [v for _, _, v in series[f"segm/{ap50}"]] == [0.550]
    assert len(series) == 9
    assert not any("IoU" == n or "maxDets" in n.split("/")[-1][:7] or n == "t" for n in series)


def test_a_records_phase_field_named_as_a_phase_keeps_passes_apart() -> None:
    """The fast.ai course's MetricsCB prints `{'accuracy': '0.839', 'loss': '0.737', 'epoch':
    0, 'train': 'train'}` then the same with `'train': 'eval'`: the field says whose pass it
    is; the training's and the evaluation's values were one series."""
    text = (
        "{'accuracy': '0.839', 'loss': '0.737', 'epoch': 0, 'train': 'train'}\n"
        "{'accuracy': '0.993', 'loss': '0.297', 'epoch': 0, 'train': 'eval'}\n"
        "{'accuracy': '0.995', 'loss': '0.120', 'epoch': 1, 'train': 'train'}\n"
        "{'accuracy': '0.996', 'loss': '0.101', 'epoch': 1, 'train': 'eval'}\n"
    )
    series = _series_of(text)
    assert [v for _, _, v in series["eval/accuracy"]] == [0.993, 0.996]
    assert "accuracy" not in series and "eval/eval/accuracy" not in series


def test_a_rich_table_of_a_data_sets_statistics_holds_no_metric() -> None:
    """chemprop's `Summary of Training Data`: rich draws `┃ Statistic ┃ Value (logp) ┃`, then a
    heavy rule `┡━━━╇━━━┩` whose runs were folded as a bar's glyphs, so the box ended at it and
    its rows (`│ Mean │ 0.961 │`, `│ Num. smiles │ 96 │`) were read as metrics."""
    table = (
        "┏━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━┓\n"
        "┃       Statistic ┃ Value (logp) ┃\n"
        "┡━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━┩\n"
        "│     Num. smiles │           96 │\n"
        "│            Mean │        0.961 │\n"
        "│       Std. dev. │         1.23 │\n"
        "│ % within 1 s.d. │          68% │\n"
        "└─────────────────┴──────────────┘\n"
    )
    assert _names(table + "epoch 1 loss=0.5\n") == {"loss"}
    # The same box of results keeps its values.
    results = table.replace("Statistic", "   Metric").replace("Value (logp)", "       Value")
    assert "Mean" in _names(results + "epoch 1 loss=0.5\n")


def test_a_phase_opening_a_piped_line_names_its_bare_measures() -> None:
    """higher's MAML example: `[Epoch 0.25] Train Loss: 1.59 | Acc: 32.00 | Time: 1.16` and
    `[Epoch 1.00] Test Loss: 1.51 | Acc: 34.62`: the train and the test accuracy were one
    series. The phase opening the line's first name names the bare measures after it."""
    text = (
        "[Epoch 0.25] Train Loss: 1.59 | Acc: 32.00 | Time: 1.16\n"
        "[Epoch 0.50] Train Loss: 1.41 | Acc: 40.00 | Time: 1.10\n"
        "[Epoch 1.00] Test Loss: 1.51 | Acc: 34.62\n"
    )
    names = _names(text)
    assert {"Train_Loss", "Train_Acc", "Test_Loss", "Test_Acc"} <= names
    assert "Acc" not in names and "Train_Time" not in names
    # A name of one word (`train_loss`) is its own; so is one that says its phase.
    assert _names("train_loss 0.5 | acc 0.9\n") == {"train_loss", "acc"}


def test_a_unit_in_parentheses_then_the_value_is_read() -> None:
    """TorchANI's training loop: `After epoch 1: Validation RMSE (kcal/mol) 165.08`: the unit in
    parentheses belongs to the name, the value follows it with no `:`; a count in parentheses
    is no unit (`Loss 0.69 (1.35)` stays a running average)."""
    text = (
        "Before training starts: Validation RMSE (kcal/mol) 365.31\n"
        "After epoch 1: Validation RMSE (kcal/mol) 165.08\n"
        "After epoch 2: Validation RMSE (kcal/mol) 98.40\n"
    )
    series = _series_of(text)
    assert list(series) == ["Validation_RMSE_(kcal/mol)"]
    assert [v for _, _, v in series["Validation_RMSE_(kcal/mol)"]][-2:] == [165.08, 98.40]


def test_a_number_sign_before_a_name_counts_things() -> None:
    """`# structures (graph): 32` then `# structures (graph): 8` (a training set's, then a
    validation set's): how many things, never a series; `# pc_alpha = 0.05 (1/6):` is no count."""
    text = "# structures (graph): 32\nepoch 1 loss=0.5\n# structures (graph): 8\nepoch 2 loss=0.4\n"
    assert set(_series_of(text)) == {"loss"}


def test_values_under_a_label_of_settings_are_no_metrics() -> None:
    """`INFO: Param group 0: lr = 0.01`, once per parameter group: the optimiser's settings, a
    line shape repeated before training is no series; a measure under such a label stays."""
    text = (
        "INFO: Param group 0: lr = 0.01\n"
        "INFO: Param group 1: lr = 0.01\n"
        "INFO: Param group 2: lr = 0.01\n"
        "INFO: epoch 1 loss=0.5\n"
        "INFO: epoch 2 loss=0.4\n"
    )
    assert set(_series_of(text)) == {"loss"}


def test_a_records_label_in_camel_case_says_what_it_holds() -> None:
    """Flower's `└──> Aggregated MetricRecord: {'train_loss': …}` labels results (a word in
    CamelCase counts as its parts); `ConfigRecord (train): {'lr': 0.05}` labels settings."""
    text = (
        "INFO :      [ROUND 1/4]\n"
        "INFO :      \t\u2514\u2500\u2500> Aggregated MetricRecord: {'train_loss': 1.45}\n"
        "INFO :      \t\u2514\u2500\u2500> MetricRecord: {'accuracy': 0.35, 'loss': 1.79}\n"
        "INFO :      \t\u251c\u2500\u2500 ConfigRecord (train): {'lr': 0.05}\n"
        "INFO :      [ROUND 2/4]\n"
        "INFO :      \t\u2514\u2500\u2500> Aggregated MetricRecord: {'train_loss': 1.18}\n"
    )
    series = _series_of(text)
    assert set(series) == {"train_loss", "accuracy", "loss"}
    assert [(s, v) for s, _, v in series["train_loss"]] == [(1, 1.45), (2, 1.18)]


def test_a_trial_named_in_the_lines_prefix_keeps_its_values_apart() -> None:
    """The logging cookbook's queue listener, one process per trial (`%(asctime)s
    %(processName)-10s %(name)s %(levelname)-8s %(message)s`): the prefix says whose values
    they are; two trials' losses are never one series."""
    text = (
        "2026-12-07 10:56:47,503 trial-0    train INFO     epoch 1 step 10: loss=0.6675 acc=0.59\n"
        "2026-12-07 10:56:47,535 trial-1    train INFO     epoch 1 step 10: loss=0.4895 acc=0.71\n"
        "2026-12-07 10:56:47,504 trial-0    train INFO     epoch 1 step 20: loss=0.6799 acc=0.56\n"
    )
    series = _series_of(text)
    assert set(series) == {"trial_0/loss", "trial_0/acc", "trial_1/loss", "trial_1/acc"}
    assert [(s, v) for s, _, v in series["trial_0/loss"]] == [(10, 0.6675), (20, 0.6799)]
    # A process named otherwise is no trial (`MainProcess`).
    plain = "2026-12-07 10:56:47,503 MainProcess train INFO     epoch 1 step 10: loss=0.66\n"
    assert set(_series_of(plain)) == {"loss"}


def test_a_trials_settings_between_its_number_and_its_counters_are_no_metrics() -> None:
    """`trial 3 | lr 0.3 | l2 0.0 | epoch 2/5 | loss …`: what stands between a trial's number
    and its own counters is the setting it runs with; a measure there stays (`trial 1
    finished: lr=0.3 best_val_acc=0.8042 @ epoch 4`)."""
    piped = (
        "trial 3 | lr 0.3 | l2 0.0 | epoch 2/5 | loss 0.5650 | val_acc 0.7300\n"
        "trial 1 | lr 0.1 | l2 0.01 | epoch 2/5 | loss 0.6650 | val_acc 0.6300\n"
    )
    assert _names(piped) == {"trial_3/loss", "trial_3/val_acc", "trial_1/loss", "trial_1/val_acc"}
    finished = (
        "trial 1 finished: lr=0.3 hidden=16 best_val_acc=0.8042 @ epoch 4 in 0.03s\n"
        "trial 0 finished: lr=0.03 hidden=16 best_val_acc=0.6917 @ epoch 6 in 0.03s\n"
    )
    assert _names(finished) == {"trial_1/best_val_acc", "trial_0/best_val_acc"}


def test_a_librarys_banner_under_a_loggers_name_is_no_metric() -> None:
    """`%(asctime)s | %(levelname)s | %(name)s | %(message)s` with LightGBM logging through
    it: `train | [LightGBM] [Info] … pavg=0.26 -> initscore=-1.06` is LightGBM's banner."""
    text = (
        "2026-12-07 15:38:51 | INFO | train | [LightGBM] [Info] [binary:BoostFromScore]: "
        "pavg=0.257917 -> initscore=-1.056825\n"
        "2026-12-07 15:38:51 | INFO | train | [LightGBM] [Info] Total Bins 1302\n"
        "2026-12-07 15:38:51 | INFO | train | Fold 0 | AUC: 0.81556\n"
    )
    assert not any("pavg" in n or "initscore" in n or "Bins" in n for n in _names(text))


def test_a_rows_label_apart_from_its_pair_names_its_values() -> None:
    """A line per model (`LogisticRegression     CV: 0.82 +/- 0.02`): the model's name, apart
    from the pair, says whose value it is; the models' values are never one series."""
    text = "LogisticRegression     CV: 0.82 +/- 0.02\nRandomForest           CV: 0.79 +/- 0.02\n"
    assert _names(text) == {"LogisticRegression/CV", "RandomForest/CV"}
    # A key aligned with its value is no label (`Avg Obs:      8.0`).
    assert _names("epoch 1 loss 0.5\nTest accuracy:      0.91\n") == {"loss", "Test_accuracy"}


def test_a_rich_progress_row_named_as_a_phase_keeps_its_values_apart() -> None:
    """rich's Progress with a task per phase and the script's own columns after the count
    (`  valid ━━━━ 3/3   loss: 0.3748 acc: 0.842 0:00:00`): the validation row's values are
    never points of the training row's series of the same names."""
    text = (
        "  train ━━━━━━━━━━ 30/30 loss: 0.2779 acc: 0.902 0:00:00\n"
        "  valid ━━━━━━━━━━ 3/3   loss: 0.3748 acc: 0.842 0:00:00\n"
    )
    assert _names(text) == {"loss", "acc", "valid/loss", "valid/acc"}


def test_a_number_grouped_by_thousands_is_read_whole() -> None:
    """`Test RMSE: 43,107` (f"{rmse:,.0f}"), coax's `T: 1,007,`: after a name's `:` or `=`
    the value is 43107, never 43; a CSV row of numbers (`1,100,0.5`) is no grouped number."""
    series = _series_of("epoch 1 loss 0.5\nTest RMSE: 43,107\nsize = 1,024,000\n")
    assert [v for _, _, v in series["Test_RMSE"]] == [43107.0]
    rows = _series_of("epoch,step,loss\n1,100,0.5\n1,200,0.4\n")
    assert [v for _, _, v in rows["loss"]] == [0.5, 0.4]


def test_a_name_shortened_with_a_dot_is_kept_when_two_values_would_share_one() -> None:
    """TorchKGE's evaluator: `Hit@10 : 0.185 \t\t Filt. Hit@10 : 0.277`. The dot after
    `Filt` cut the second name to `Hit@10`, the same as the first, and both were lost; the
    shortened word is part of the second name."""
    text = "Hit@10 : 0.185 \t\t Filt. Hit@10 : 0.277\nMean Rank : 27 \t Filt. Mean Rank : 25\n"
    assert _names(text) == {"Hit@10", "Filt_Hit@10", "Mean_Rank", "Filt_Mean_Rank"}


def test_wrapped_values_in_records_and_a_boxes_parameters() -> None:
    """Values wrapped as NumPy 2 and torch print them are a record's values; a box's `Best
    parameters:` rows and `Random state: 1` are settings. A dict whose names are no metric
    words is still a record (`{'psnr': 30.1, 'ssim': 0.91}` measures: names cannot tell)."""
    text = (
        "Epoch 1 loss 0.5\n"
        "{'val_loss': tensor(0.3010), 'val_acc': tensor(0.9, dtype=torch.float64)}\n"
        "Epoch 2: {'psnr': np.float64(30.1), 'ssim': 0.91}\n"
    )
    assert _names(text) == {"loss", "val_loss", "val_acc", "psnr", "ssim"}
    box = (
        "Epoch 1 loss 0.5\n"
        "│  Best score:    0.93        │\n"  # (the box's top came at the end of a bar's line)
        "│  Random state:  1           │\n│  Best parameters:           │\n"
        "│    learning_rate:  0.74     │\n│    subsample:      1.0      │\n"
        "│  ── Timing ──               │\n│  Evaluation time:  1.8      │\n"
        "└─────────────────────────────┘\n"
    )
    assert _names(box) == {"loss", "Best_score", "Evaluation_time"}


def test_a_count_inside_a_phrase_names_no_value_by_the_things_counted() -> None:
    """`Word similarity (Spearman rho) on 496 pairs: 0.7242`: `pairs` are what the phrase
    counts, not the value's name; a metric's phrase keeps its count (`Accuracy on 1000 test
    images: 95.2`)."""
    assert "pairs" not in _names("Word similarity (Spearman rho) on 496 pairs: 0.7242\n")
    assert _names("Accuracy on 1000 test images: 95.2\n") == {"Accuracy_on_1000_test_images"}


def test_logged_events_settings_and_bookkeeping_fields() -> None:
    """Event lines of logging setups (logfmt, `%(name)s: %(message)s`): an event's name then
    its fields (`train_step epoch=1 step=10 loss=…`) places the values; an event saying its
    fields are settings (`config lr=0.3 …`), a field counting a total (`epochs=4`), a
    structure's size (`hidden=32`), a worker's id and a checksum are no metrics."""
    assert _series_of("train_step epoch=1 step=10 loss=0.51\n") == {"loss": [(10, 1.0, 0.51)]}
    line = "2026-12-07 04:07:11,280 INFO     trainer: train_step epoch=1 step=10 loss=0.4750\n"
    assert _series_of(line) == {"loss": [(10, 1.0, 0.475)]}
    assert _names("INFO:train:config lr=0.3 batch_size=32 epochs=4 hidden=32 seed=0\n") == set()
    assert _names("INFO     trainer: hyperparameters lr=0.3000\n") == set()
    assert _names('at=INFO msg="run started" epochs=4 hidden=32 loss=0.9\n') == {"loss"}
    assert _names("[QLearning[worker: 0]] | episode_rewards = 55.5\n") == {"episode_rewards"}
    assert _names("frame: cols: 7    rows: 475  checksum: 6718216613237524284\n") == set()
    assert _names("MAP          0% 0:00:09 logp = -153.16\n") == {"logp"}


def test_sb3s_clock_section_and_a_records_other_counters_are_no_metrics() -> None:
    """SB3's logger box: `time/` holds fps and elapsed time; counters beside the step
    (`episodes`, `n_updates`) count, they do not measure."""
    box = (
        "---------------------------------\n| time/              |          |\n"
        "|    episodes        | 4        |\n|    fps             | 38       |\n"
        "|    time_elapsed    | 21       |\n|    total_timesteps | 800      |\n"
        "| train/             |          |\n|    actor_loss      | 22.1     |\n"
        "|    n_updates       | 699      |\n---------------------------------\n"
    )
    assert _series_of(box) == {"train/actor_loss": [(800, None, 22.1)]}


def test_a_fits_parameters_with_their_errors_and_limits_are_estimates() -> None:
    """iminuit's parameter table: values with Hesse and Minos errors and limits."""
    table = (
        "┌───┬──────┬───────────┬───────────┬────────────┬─────────┐\n"
        "│   │ Name │   Value   │ Hesse Err │ Minos Err- │ Limit+  │\n"
        "├───┼──────┼───────────┼───────────┼────────────┼─────────┤\n"
        "│ 0 │ a    │   1.15    │   0.15    │   -0.15    │         │\n"
        "│ 1 │ b    │   0.458   │   0.033   │   -0.03    │   2     │\n"
        "└───┴──────┴───────────┴───────────┴────────────┴─────────┘\n"
    )
    assert _names("Epoch 1 loss: 0.5\n" + table) == {"loss"}


def test_an_events_fields_after_its_message_and_a_negative_id() -> None:
    """loguru's `{extra}`: `train | {'epoch': 1, 'step': 10, 'loss': …}` gives the fields as a
    record; `config | {…}` gives none. `-1` under `ID` (no device) keys no row."""
    text = (
        "2026-12-07 04:07:23.865 | INFO     | __main__:start:210 - config | {'run': 'toy', "
        "'seed': 0, 'lr': 0.3, 'batch_size': 32}\n"
        "2026-12-07 04:07:23.866 | INFO     | __main__:step:214 - train | {'run': 'toy', "
        "'seed': 0, 'epoch': 1, 'step': 10, 'loss': 0.475, 'acc': 0.78}\n"
    )
    assert _series_of(text) == {"loss": [(10, 1.0, 0.475)], "acc": [(10, 1.0, 0.78)]}
    table = (
        "ID     Step    Time |    avgR   stdR |    objC   objA\n"
        "-1 5.12e+02       0 |-1307.25  568.3 |  100.01  -0.10\n"
        "-1 1.02e+03      10 |-1207.25  468.3 |   90.01  -0.20\n"
    )
    assert {"avgR", "objC"} <= _names(table) and not any("-1" in n for n in _names(table))


def test_a_best_so_far_in_a_sentence_is_not_a_point_of_its_series() -> None:
    """`Got new best metric of train_acc: 0.747` (ignite/MONAI): the best so far, named as such,
    never merged into `train_acc`."""
    text = (
        "Epoch[1] Metrics -- train_acc: 0.7473\n"
        "INFO:ignite.engine.engine.SupervisedTrainer:Got new best metric of train_acc: 0.7473\n"
    )
    assert _names(text) == {"train_acc", "best_train_acc"}


def test_review_cases_labels_glued_phases_classes_and_listings_of_results() -> None:
    """What a review found the first versions of today's rules got wrong: a glued
    `train:loss=0.52` labels its value; `INFO: generator: loss=…` is a label, not a logger's
    name (two models' losses never merge); a per-class frame indexed by `class` keeps its
    classes; an indented listing of results with plain words (`device: cuda`) keeps them all,
    its step too."""
    assert _names("Epoch:1 train:loss=0.52 val:loss=0.61\n") == {"train/loss", "val/loss"}
    gan = "INFO: generator: loss=0.9123\nINFO: discriminator: loss=0.4412\n"
    assert _names(gan) == {"generator/loss", "discriminator/loss"}
    frame = "       precision  recall\nclass\ncat         0.90    0.80\ndog         0.70    0.60\n"
    assert _names(frame) == {"cat/precision", "cat/recall", "dog/precision", "dog/recall"}
    listing = "Epoch 1\n  step: 100\n  loss: 0.512\n  psnr: 24.1\n  phase: train\n  device: cuda\n"
    assert _series_of(listing) == {"loss": [(100, 1.0, 0.512)], "psnr": [(100, 1.0, 24.1)]}


def test_a_phase_label_never_prefixes_a_name_that_says_its_own_phase() -> None:
    """A logger or channel named `train` labels every line it writes, validation's too:
    `train: val_loss=0.43` is `val_loss`, not a `train/val_loss` that no truth has. A name
    of the label's own phase keeps the label (fairseq's `| train | … | train_wall 331`, an
    epoch's summary, is not a point of the running `train_wall`), but for a line that holds
    another phase's values too: there the label is the logger's, `train_loss` its own."""
    text = (
        "[2026-12-07 08:18:52.483559] INFO: train: step=10 epoch=1 loss=0.4750 acc=0.7812\n"
        "[2026-12-07 08:18:52.484649] NOTICE: train: epoch=1 val_loss=0.4361 best_val_acc=0.82\n"
        "2026-12-07 08:18:53,437 | INFO | train | epoch 1: train_loss=0.5270 val_acc=0.8208\n"
    )
    assert _names(text) == {
        "train/loss",
        "train/acc",
        "val_loss",
        "best_val_acc",
        "train_loss",
        "val_acc",
    }
    # A label's words still name plain values, and a name of several words keeps the label.
    assert _names("valid: loss=0.4 top k acc=0.9\n") == {"valid/loss", "valid/top_k_acc"}


def test_a_cross_validation_fold_is_a_counter_not_a_metric() -> None:
    """`Fold 1 AUC: 0.8765`, `Fold: 0`: the fold counts the runs like a trial, never a series."""
    text = "Fold 1 AUC: 0.8765\nFold 2 AUC: 0.8812\nFold: 3\nAUC: 0.8701\n"
    assert _run(text) == {"AUC": [(1, 0.8765), (2, 0.8812), (3, 0.8701)]}


def test_a_plural_unit_of_data_alone_counts_the_data_gone_through() -> None:
    """`samples 320`, `tokens=12800`: how much data the epoch has gone through, an x axis like
    `samples_seen`, never a series; a count under a name of its own (`num_tokens`) is read."""
    text = "".join(
        f"epoch 1 batch {b}/3 samples {b * 320} tokens={b * 4096} | loss 0.{9 - b}\n"
        for b in (1, 2, 3)
    )
    assert _names(text) == {"loss"}
    assert "num_tokens" in _names(
        "step 10 loss 0.5 num_tokens 277\nstep 20 loss 0.4 num_tokens 556\n"
    )


def test_a_dict_of_settings_printed_alone_is_no_record() -> None:
    """`print(best_params)`: a Python dict holding a size, with no measure's name and no phase,
    is a search's or a model's settings; a dict of measures, or of objectives a user named,
    stays a record."""
    settings = (
        "step 1 loss 0.5\n"
        "{'epoch': 20, 'pop_size': 40, 'c1': 2.05, 'c2': 2.05, 'w': 0.4}\n"
        "{'learning_rate': np.float64(0.7498942093324558), 'max_depth': np.int64(5), "
        "'subsample': np.float64(1.0)}\n"
    )
    assert _names(settings) == {"loss"}
    objectives = (
        "step 1 loss 0.5\n{'hartmann6': -1.4823915234300327, 'l2norm': 1.6277968884313547}\n"
    )
    assert _names(objectives) == {"loss", "hartmann6", "l2norm"}
    records = "{'epoch': 3, 'psnr': 24.1}\n{'val': -1.30, 'test': -1.29, 'epoch': 29}\n"
    assert _names(records) == {"psnr", "val", "test"}


def test_a_results_label_over_names_with_their_own_phase_adds_nothing() -> None:
    """`Test results: test_loss=0.50, test_acc=0.78` (a loguru line after training) is
    `test_loss` and `test_acc`; under a plain label the names keep it."""
    assert _names("Test results: test_loss=0.5026, test_acc=0.7812\n") == {"test_loss", "test_acc"}
    assert _names("Final metrics: val_loss 0.3 test_loss 0.4\n") == {"val_loss", "test_loss"}
    assert _names("Test results: loss=0.5026, acc=0.7812\n") == {
        "Test_results/loss",
        "Test_results/acc",
    }
    assert _names("generator: g_loss=0.9 train_acc=0.5\n") == {
        "generator/g_loss",
        "generator/train_acc",
    }


def test_a_syslog_stamp_is_a_date_not_a_pair() -> None:
    """`Dec 07 10:29:11 AM:` (CVXPY's log) and `Dec  7 10:29:11`: a month and its day before
    a clock are a date, never `Dec = 7`."""
    text = (
        "(CVXPY) Dec 07 10:29:11 AM: Your problem has 40 variables.\n"
        "Dec  7 10:29:12 step 10 loss 0.5\n"
        "Dec  7 10:29:13 step 20 loss 0.4\n"
    )
    assert _names(text) == {"loss"}


def test_a_solver_table_with_greek_names_survives_a_logger_between_header_and_rows() -> None:
    """Clarabel's `iter pcost … μ step` header (a Greek column name), then, piped, CVXPY's
    own log records (`(CVXPY) Dec 07 10:36:06 AM: Optimal value: 1.083e+01`, another writer's
    lines) before the rows: the header waits on and its rows are read, so the settings
    printed before them stay settings."""
    text = (
        "settings:\n"
        "  max iter = 200, time limit = Inf,  max step = 0.990\n"
        "  iter refine: on, reltol = 1.0e-13, abstol = 1.0e-12,\n"
        "\n"
        "iter    pcost        dcost       gap       μ       \n"
        "--------------------------------------------------\n"
        "(CVXPY) Dec 07 10:36:06 AM: Problem status: optimal\n"
        "(CVXPY) Dec 07 10:36:06 AM: Optimal value: 1.083e+01\n"
        "  0  -1.6122e+01  +1.4490e+01  2.11e+00  4.25e+00\n"
        "  1  +6.9599e+00  +1.1594e+01  6.66e-01  1.40e+00\n"
        "  2  +1.0110e+01  +1.0571e+01  4.56e-02  2.15e-01\n"
    )
    series = _series_of(text)
    assert set(series) == {"pcost", "dcost", "gap", "μ"}
    assert [p[0] for p in series["μ"]] == [0, 1, 2]
    # A logger's name in parentheses before its stamp is the record's prefix, not a name.
    assert _names("(CVXPY) Dec 07 10:36:06 AM: Compilation took 2.534e-02 seconds\n") == set()


def test_a_printout_indented_by_prints_separator_ends_at_its_closing_bracket() -> None:
    """`print("### MODEL ###\\n", model)`: print's separator space indents the printout's first
    line only; the printout ends at its `)` at the margin, and the training after it is read."""
    text = (
        "### MODEL ###\n"
        " FNO(\n"
        "  (fno_blocks): FNOBlocks(\n"
        "    (convs): ModuleList()\n"
        "  )\n"
        ")\n"
        "[0] time=0.37, avg_loss=1.0036, train_err=8.0286\n"
        "[1] time=0.35, avg_loss=0.9012, train_err=7.1021\n"
    )
    assert _names(text) == {"time", "avg_loss", "train_err"}


def test_a_name_opening_with_digits_before_its_value_is_a_name() -> None:
    """`16_h1=0.9929` (a test resolution, then the loss's name), `3d_iou=0.5`: a name, the
    whole line read; digits glued to words elsewhere (`2nd`, `64x64`) stay no name."""
    text = "".join(
        f"[{e}] avg_loss=0.{9 - e}\nEval: 16_h1=0.{8 - e}, 16_l2=0.{7 - e}, 3d_iou=0.{5 + e}\n"
        for e in (0, 1)
    )
    assert _names(text) == {"avg_loss", "Eval/16_h1", "Eval/16_l2", "Eval/3d_iou"}
    assert _names("step 1 loss 0.5 64x64 0.3\nstep 2 loss 0.4 64x64 0.2\n") == {"loss"}


def test_counts_of_function_evaluations_and_of_work_done_are_no_series() -> None:
    """`NFE Complete: 100`, `Total NFE: 800` (an evolutionary search's function evaluations),
    `Trials completed: 5`: how far the work has come, never a result."""
    text = (
        "INFO:Platypus:NSGAII running; NFE Complete: 100, Elapsed Time: 0:00:00.05\n"
        "INFO:Platypus:NSGAII running; NFE Complete: 200, Elapsed Time: 0:00:00.10\n"
        "INFO:Platypus:NSGAII finished; Total NFE: 800, Elapsed Time: 0:00:00.40\n"
        "Trials completed: 5\nTrials completed: 6\n"
    )
    assert _names(text) == set()


def test_trials_side_by_side_keep_their_own_series() -> None:
    """Parallel trials (joblib, a foreach) each print `[trial k] epoch 1 step 10: loss=…`:
    the trial says whose values they are (`trial_0/loss`), never one merged `loss`; once seen
    so, a trial's later lines are its own too (`[trial 1] final test: test_loss=…`). A
    trial with no counters of its own is still the step (`Trial 5 val_acc 0.9`)."""
    text = (
        "[trial 0] epoch 1 step 10: loss=0.6935 acc=0.5938\n"
        "[trial 1] epoch 1 step 10: loss=0.7122 acc=0.6250\n"
        "[trial 0] epoch 1 step 20: loss=0.6035 acc=0.6938\n"
        "[trial 1] epoch 1 step 20: loss=0.6122 acc=0.6650\n"
        "[trial 0] final test: test_loss=0.5489 test_acc=0.7833\n"
        "[trial 1] final test: test_loss=0.4182 test_acc=0.8667\n"
    )
    series = _series_of(text)
    assert set(series) == {
        "trial_0/loss",
        "trial_0/acc",
        "trial_1/loss",
        "trial_1/acc",
        "trial_0/test_loss",
        "trial_0/test_acc",
        "trial_1/test_loss",
        "trial_1/test_acc",
    }
    assert [p[0] for p in series["trial_1/loss"]] == [10, 20]
    assert _run("Trial 4 val_acc 0.8\nTrial 5 val_acc 0.9\n") == {"val_acc": [(4, 0.8), (5, 0.9)]}
    # A label of qualifiers and a phase over a name that says its phase adds nothing to it.
    assert _names("final test: test_loss=0.40 test_acc=0.87\n") == {"test_loss", "test_acc"}


def test_a_process_name_and_a_logger_name_before_the_level_are_the_prefix() -> None:
    """`%(asctime)s %(processName)-10s %(name)s %(levelname)-8s %(message)s`: both names
    belong to the prefix; the message keeps its counters and its values."""
    text = "".join(
        f"2026-12-07 10:56:47,50{s} MainProcess    train INFO     epoch 1 step {s}0: loss=0.{9 - s}\n"
        for s in (1, 2)
    )
    assert _series_of(text) == {"loss": [(10, 1.0, 0.8), (20, 1.0, 0.7)]}


def test_a_process_id_in_a_prefix_is_never_the_step() -> None:
    """`[2026-12-07 10:57:45,296][31818]` (sample-factory's stamp and pid) and Metaflow's
    `[run/step/task (pid 26738)]`: the prefix's, never a counter of the run."""
    text = "".join(
        f"[2026-12-07 10:57:4{s},296][31818] Avg reward: {s}0.5\n"
        f"2026-12-07 10:53:2{s}.116 [1796640805245336/train/2 (pid 26738)] val_acc=0.{s}\n"
        for s in (1, 2)
    )
    series = _run("step 1 loss 0.5\n" + text)
    assert {p[0] for p in series["Avg_reward"]} <= {1, None}
    assert {p[0] for p in series["val_acc"]} <= {1, None}


def test_a_one_row_frame_of_values_names_its_columns_plainly() -> None:
    """`Value    9  11.13  23.98` under `DoF  chi2  AIC` (semopy's fit statistics): the row
    key says only that the row holds the values; the columns are `chi2`, `AIC`."""
    text = "step 1 loss 0.5\n       DoF       chi2        AIC\nValue    9  11.129392  23.977741\n"
    assert _names(text) >= {"chi2", "AIC"}
    assert not any("/" in name for name in _names(text))


def test_the_time_a_step_used_is_no_metric() -> None:
    """`Compiling Operators(4/6) used: 2.32s eta: 1.16s` (Jittor's compiler): how long it
    took, not a result."""
    text = "step 1 loss 0.5\nCompiling Operators(4/6) used: 2.32s eta: 1.16s\nstep 2 loss 0.4\n"
    assert _names(text) == {"loss"}


def test_a_polars_frame_is_a_table() -> None:
    """polars' rendering: `┆` between cells, a `---` row and a row of types (`i64`, `f64`)
    under the names, `╞═══╪` before the rows: a column table like any."""
    text = (
        "step 1 loss 0.5\n"
        "shape: (2, 3)\n"
        "┌───────┬────────────┬──────────┐\n"
        "│ epoch ┆ train_loss ┆ val_acc  │\n"
        "│ ---   ┆ ---        ┆ ---      │\n"
        "│ i64   ┆ f64        ┆ f64      │\n"
        "╞═══════╪════════════╪══════════╡\n"
        "│ 1     ┆ 1.069058   ┆ 0.5625   │\n"
        "│ 2     ┆ 0.942511   ┆ 0.699219 │\n"
        "└───────┴────────────┴──────────┘\n"
    )
    series = _series_of(text)
    assert {"train_loss", "val_acc"} <= set(series) and len(series["val_acc"]) == 2
    assert not any("64" in name for name in series)


def test_a_dict_laid_out_one_key_a_line_under_its_own_brace_is_one_record() -> None:
    """`print(json.dumps(results, indent=2))`, rich's print of a dict wrapped at 80 columns:
    `{` / `  "eval_loss": 0.31,` / `}` is the record `{"eval_loss": 0.31, …}`; one of
    settings (a text value) stays settings."""
    text = (
        "step 1 loss 0.5\nstep 2 loss 0.4\n"
        '{\n  "eval_loss": 0.31,\n  "eval_acc": 0.91\n}\n'
        "{\n    'test_loss': 0.6813,\n    'test_acc': 0.7461\n}\n"
        "{\n    'optimizer': 'adam',\n    'lr': 0.001,\n    'warmup': None\n}\n"
    )
    assert _names(text) == {"loss", "eval_loss", "eval_acc", "test_loss", "test_acc"}


def test_the_other_side_of_a_comparison_is_no_series() -> None:
    """`val_loss 0.3741 vs best 0.3808`: the best is a value printed before, no `vs_best`."""
    text = "step 90 val_loss 0.3741\nValidation loss not improving: val_loss 0.3741 vs best 0.3808 (step 90)\n"
    assert _names(text) == {"val_loss"}


def test_output_glued_to_a_bar_with_its_own_rate_unit_is_a_line_of_its_own() -> None:
    """tqdm's rate takes the bar's unit (`1.35s/epoch`, `93.62step/s`): a Keras epoch line
    flushed right after such a bar's redraw (`…val_loss=0.205]40/40 - 1s - … - val_loss:
    0.2051`) is read as its own line, not lost inside the bar's."""
    text = (
        "\r  2%|▎         | 1.00/40.0 [00:00<00:38, 1.01batch/s, accuracy=0.375, loss=1]"
        "\x1b[A\r 20%|██        | 1/5 [00:01<00:05,  1.35s/epoch, accuracy=0.825, loss=0.393, "
        "val_accuracy=0.922, val_loss=0.205]"
        "40/40 - 1s - 34ms/step - accuracy: 0.8250 - loss: 0.3931 - val_accuracy: 0.9219"
        " - val_loss: 0.2051\n"
    )
    series = _series_of(text)
    assert 0.9219 in [p[-1] for p in series.get("val_accuracy", [])]


def test_a_row_under_an_estimate_column_is_named_by_its_key() -> None:
    """ArviZ's `az.loo`: `elpd_loo  -105.24  6.74` under `Estimate  SE`: the row's value is
    `elpd_loo` itself; its standard error keeps the column (`elpd_loo/SE`)."""
    text = (
        "step 1 loss 0.5\n"
        "Computed from 4000 posterior samples and 100 observations log-likelihood matrix.\n"
        "\n"
        "         Estimate       SE\n"
        "elpd_loo  -105.24     6.74\n"
        "p_loo        3.68        -\n"
    )
    names = _names(text)
    assert {"elpd_loo", "p_loo"} <= names and "elpd_loo/Estimate" not in names


def test_a_split_named_with_its_noun_before_a_dash_keeps_the_noun() -> None:
    """`train set - average loss: 1.6554, accuracy: 77%` (a bar's description in DGL's GIN
    example): the label is the split as printed, `train_set`, as `Test set: Average loss`
    keeps it; a label of a phase and other words keeps the phase alone."""
    assert _names("train set - average loss: 1.6554, accuracy: 77%\n") == {
        "train_set/average_loss",
        "train_set/accuracy",
    }
    assert _names("Validation Results - Epoch: 1  Avg loss: 0.2\n") == {"Validation/Avg_loss"}


def test_a_cut_off_written_with_spaces_around_its_at_is_one_name() -> None:
    """`Hits @ 10: 0.13`, `recall @ 20 = 0.3` are `Hits@10`, `recall@20`, as `ndcg@20`;
    `test @ 80 samples accepted` (at, in prose) names nothing."""
    text = (
        "Epoch: 2 Hits @ 10: 0.13\nEpoch: 3 recall @ 20 = 0.3 ndcg@20 = 0.2\n"
        "convergence test @ 80 samples accepted.\n"
    )
    assert _names(text) == {"Hits@10", "recall@20", "ndcg@20"}


def test_rows_keyed_by_items_of_the_data_under_no_measure_are_not_metrics() -> None:
    # A model's coefficients, a distribution's cells: one value per item of the data.
    coefficients = (
        "            coef  exp(coef)  se(coef)      z       p\n"
        "age      0.0294     1.0298    0.0113  2.601  0.0093\n"
        "dose    -0.2213     0.8015    0.0914 -2.421  0.0155\n"
        "smoker   0.8162     2.2618    0.2030  4.021  0.0001\n"
    )
    assert _names(coefficients) == set()
    cells = (
        "+------------+-----------+-----------+\n"
        "| either     | dysp(no)  | dysp(yes) |\n"
        "+------------+-----------+-----------+\n"
        "| either(no) | 0.9977584 | 0.4211503 |\n"
        "+------------+-----------+-----------+\n"
        "| either(yes)| 0.0022416 | 0.5788497 |\n"
        "+------------+-----------+-----------+\n"
    )
    assert _names(cells) == set()
    # Rows keyed by metrics, by classes under metric columns, or a row of totals: measures.
    by_metric = (
        "         AutoETS  AutoTheta\n"
        "metric                     \n"
        "mae     0.658670   0.806228\n"
        "smape   0.011587   0.014659\n"
    )
    assert _names(by_metric) == {"mae/AutoETS", "mae/AutoTheta", "smape/AutoETS", "smape/AutoTheta"}
    report = (
        "              precision    recall  f1-score   support\n"
        "\n"
        "         cat       0.74      0.80      0.77        50\n"
        "         dog       0.78      0.72      0.75        50\n"
    )
    assert {"cat/precision", "dog/recall"} <= _names(report)


def test_a_settings_label_before_a_numbered_trial_holds_settings() -> None:
    text = (
        "[7/9] alpha=0.01 eta0=0.001 -> val_loss=0.3450 val_acc=0.8900\n"
        "best config: #7 alpha=0.01 eta0=0.001\n"
    )
    assert _names(text) == {"val_loss", "val_acc"}


def test_an_ellipsis_glued_to_a_number_and_a_name_belongs_to_neither() -> None:
    # ubelt's ProgIter: `17/20...loss=0.5566 acc=0.781 rate=8.15 Hz`.
    text = "Epoch 1/3 85.00% 17/20...loss=0.5566 acc=0.781\n"
    assert _names(text) == {"loss", "acc"}


def test_a_record_after_counters_and_a_phase_is_read_without_a_colon() -> None:
    # A JAX loop's `print(step, split, metrics)`, jaxline's logged `global_step: 20, {…}`.
    text = (
        "step 20, train {'accuracy': Array(0.71875, dtype=float32), 'loss': Array(0.64, dtype=float32)}\n"
        "eval {'accuracy': array(0.7050781, dtype=float32), 'loss': array(0.61, dtype=float32)}\n"
        "I1207 10:00:00.000000 140000 train.py:40] global_step: 40, {'accuracy': 0.75, 'loss': 0.55}\n"
        "step 60 {'acc': 0.75, 'loss': 0.60}\n"
    )
    series = _series_of(text)
    assert series["train/accuracy"] == [(20, None, 0.71875)]
    assert series["eval/loss"] == [(20, None, 0.61)]
    assert series["loss"] == [(40, None, 0.55), (60, None, 0.6)]
    # Words that are neither a counter nor a phase before a record: no label it reads.
    assert _names("model sizes {'width': 64, 'depth': 3}\n") == set()


def test_a_setting_in_a_decorated_section_title_is_not_a_metric() -> None:
    text = (
        "=== threshold = 0.2 ===\n"
        "step 1 loss=0.5\n"
        "---------- lr: 0.01 ----------\n"
        "step 2 loss=0.4\n"
        "=== threshold = 1.0 ===\n"
        "*** best acc = 0.91 ***\n"
        "=== Epoch 3: val_loss = 0.3 ===\n"
    )
    assert _names(text) == {"loss", "best_acc", "val_loss"}


def test_a_whole_number_in_a_status_message_says_which_not_how_much() -> None:
    text = (
        "[2026-12-07 12:40:01.657] Evaluating cascade layer = 0\n"
        "step 1 Val Acc = 89.833 % | Elapsed = 0.104 s\n"
        "[2026-12-07 12:40:18.009] Fitting cascade layer = 1\n"
        "Training loss = 3\n"
        "Running average = 0.33\n"
    )
    assert _names(text) == {"Val_Acc", "Training_loss", "Running_average"}


def test_a_labelled_brace_opens_a_record_over_lines() -> None:
    # devtools' debug(): a value's name, its dict one key a line, its type after the brace.
    text = (
        "step 30 loss=0.38\n"
        "    metrics: {\n"
        "        'train_loss': 0.5269697070071546,\n"
        "        'val_acc': 0.8208333333333333,\n"
        "    } (dict) len=4\n"
    )
    assert {"loss", "train_loss", "val_acc"} <= _names(text)


def test_a_sentence_naming_a_metric_of_its_value_names_it() -> None:
    text = (
        "[CV] validation score of 0.9125 received after 2 partial_fit calls\n"
        "Epoch 3: reached a validation accuracy of 0.91\n"
        "Using a learning rate of 0.001\n"
        "batch 3 of 10\n"
    )
    assert _names(text) == {"validation_score", "validation_accuracy"}


def test_settings_in_the_bracketed_tags_opening_a_line_are_not_metrics() -> None:
    text = (
        "[CV, bracket=2] validation score of 0.9292 received after 3 partial_fit calls\n"
        "[trial=3, lr=0.01] loss=0.3\n"
        "[Epoch 1/10] [Batch 5/100] [D loss: 0.69] [G loss: 0.70]\n"
    )
    assert _names(text) == {"validation_score", "loss", "D_loss", "G_loss"}


def test_fitted_values_beside_their_standard_errors_are_estimates() -> None:
    text = (
        "[12]\tvalid's l2: 0.122084\n"
        "Covariance parameters (random effects):\n"
        "           Param.  Std. err.\n"
        "Error_var  0.0574     0.0075\n"
        "GP_var     1.2541     1.3922\n"
    )
    assert not {"Error_var", "GP_var"} & _names(text)
    frame = (
        "step 1 loss=0.5\n"
        "       names      coef        se  ...    adj_r2     CI2.5    CI97.5\n"
        "0  Intercept -0.042717  0.083044  ...  0.174269 -0.206840  0.121406\n"
        "1         x1  0.490983  0.085106  ...  0.174269  0.322784  0.659182\n"
    )
    assert _names(frame) == {"loss"}


def test_a_split_inside_the_tags_opening_a_trial_line_is_the_tags_own() -> None:
    # scikit-learn's search at verbose=10 numbers the fold and the candidate: `[CV 1/3; 1/5]`.
    line = (
        "[CV 1/3; 1/5] END C=1.5, gamma=0.13;, score=(train=0.988, test=0.860) total time=   0.0s\n"
    )
    assert _names(line) == {"score/train", "score/test", "total_time"}


def test_a_label_before_an_arrow_names_its_values_and_a_number_before_a_record_places_it() -> None:
    text = (
        "Eval Stochastic >> Env Steps: 4.00e+02 | Episode Return: 1265.500\n"
        "Train >> Env Steps: 4.00e+02 | Critic Loss: 3751.430\n"
    )
    assert _names(text) == {"Eval_Stochastic/Episode_Return", "Train/Critic_Loss"}
    # Brax's progress_fn, `print(num_steps, metrics)`: the number is the record's step.
    line = "2176 {'eval/episode_reward': np.float32(32.84), 'training/actor_loss': Array(-1.79, dtype=float32)}\n"
    assert _series_of(line)["eval/episode_reward"] == [(2176, None, 32.84)]


def test_a_named_tuple_inside_a_record_names_its_fields() -> None:
    line = (
        "{'rouge1': AggregateScore(low=Score(precision=np.float64(0.39), recall=np.float64(0.4)),"
        " mid=Score(precision=np.float64(0.5), recall=np.float64(0.45)))}\n"
    )
    assert _names(line) == {
        "rouge1/low/precision",
        "rouge1/low/recall",
        "rouge1/mid/precision",
        "rouge1/mid/recall",
    }


def test_a_logger_name_before_a_time_is_a_prefix_and_a_capital_phase_tag_is_a_phase() -> None:
    text = (
        "CartPole: 2026-12-07 13:45:14,213 [INFO] Iter=5, size=32, max=101.0784, avg=61.4534\n"
        "CartPole: 2026-12-07 13:45:17,143 [INFO] [TEST] Iter=5, #tests=16, max=108.7168\n"
    )
    series = _series_of(text)
    assert series["max"] == [(5, None, 101.0784)]
    assert series["TEST/max"] == [(5, None, 108.7168)]
    # A logger named in lower case stays the prefix: `[train]` names no phase.
    assert _names(
        "2026-12-07 13:03:44,014 MainThread INFO [train] epoch 1 step 10 | loss 0.4750\n"
    ) == {"loss"}


def test_a_whole_number_ending_a_sentence_in_a_status_message_says_which() -> None:
    line = (
        "INFO:naiveautoml:Evaluating sklearn.svm._classes.SVC.Timeout: 300. Remaining time: 49.19\n"
    )
    assert not any(name.startswith("Evaluating") for name in _names(line))


def test_a_record_with_its_counter_after_it_is_placed_by_it() -> None:
    text = (
        "[2026-12-07 13:50:20] Intermediate result: {'default': 0.9, 'val_loss': 0.41}  (Index 0)\n"
        "[2026-12-07 13:50:21] Intermediate result: {'default': 0.89, 'val_loss': 0.35}  (Index 1)\n"
        "step 2 {'loss': 0.325, 'info': {'val_accuracy': 0.858}}\n"
    )
    series = _series_of(text)
    assert series["val_loss"] == [(0, None, 0.41), (1, None, 0.35)]
    assert "val_accuracy" in series  # (`info` wraps the record's values, as `metrics` does)
