"""The console reader stores metrics, not the numbers around them: settings, counts, timings.

Each rule is about a line's structure (see ``docs/console.md``), checked here on small
hand-made lines in the shapes real libraries print; ``tests/console_score.py`` measures the
same rules on real output.
"""

from __future__ import annotations

from tests.test_console_parsers import parse_block


def _names(text: str) -> set[str]:
    return {name for _, pairs in parse_block(text) for name, _ in pairs}


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
    line = "val: image access (ping: 0.2±0.1 ms, read: 111.1±27.6 MB/s, size: 3.3 KB)\n"
    assert _names(line) == {"val/ping"}
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
