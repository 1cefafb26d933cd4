"""Which way a metric is better: one rule for `mlop compare`, the report and its summaries.

Most metrics have a direction: a loss is best at its minimum, an accuracy at its maximum. Some
have none, and calling them "higher is better" would mislead: system metrics (memory, swap, GPU
power are facts about the machine, not scores) and the schedule a run follows (learning rate,
epoch, step, momentum, weight decay, gradient norm).
"""

from __future__ import annotations

import re
from typing import Literal

# Words of a metric name that mean "lower is better". Long words match inside a word
# (``val_loss``, ``trainloss``, ``error_rate``, ``eval_runtime``); short ones only as a whole
# word, so that ``power_w`` is not a WER and ``camera`` not an MAE.
LOWER_IS_BETTER_WORDS = ("loss", "error", "perplexity", "latency", "runtime", "regret")
LOWER_IS_BETTER_SHORT = (
    "err",
    "ppl",
    "wer",
    "cer",
    "mse",
    "mae",
    "rmse",
    "nll",
    "time",
    "cost",
    "dist",
)
# A path segment (between slashes) whose words are exactly one of these names a setting or a
# position rather than a score (``train/epoch``, ``optimizer/lr``, ``trainer/global_step``):
# such a metric has no better or worse. ``val_acc_epoch`` or Keras's ``epoch_accuracy`` are
# scores, since their segment holds more words.
NO_DIRECTION_NAMES = (
    ("lr",),
    ("learning", "rate"),
    ("learningrate",),
    ("epoch",),
    ("step",),
    ("global", "step"),
    ("momentum",),
    ("weight", "decay"),
    ("wd",),
    ("grad", "norm"),
    ("gradient", "norm"),
)
# A segment that starts with these is a learning rate, whatever follows: Lightning's
# LearningRateMonitor logs ``lr-AdamW/pg1``.
LEARNING_RATE_HEADS = (("lr",), ("learning", "rate"), ("learningrate",))
SYSTEM_PREFIX = "sys/"
_WORDS = re.compile(r"[A-Za-z]+")
_SOURCE_PREFIX = re.compile(r"^(console|tensorboard|system):")

Direction = Literal["min", "max"]


def _words(name: str) -> list[str]:
    return _WORDS.findall(name.lower())


def is_system(name: str) -> bool:
    """Whether ``name`` (or ``SOURCE:name``) is a system metric, ``sys/…``."""
    return _SOURCE_PREFIX.sub("", name).startswith(SYSTEM_PREFIX)


def lower_is_better(name: str) -> bool:
    """Whether the name says its best value is the minimum.

    True when the name (split into words at every non-letter: ``/ _ . - @`` digits) has a word
    containing loss, error, perplexity, latency, runtime or regret, or a word equal to err, ppl,
    wer, cer, mse, mae, rmse, nll, time, cost or dist (any case): ``train/loss``, ``val_error``,
    ``eval/wer``, ``test-rmse``. False otherwise (``acc``, ``f1``, ``bleu``, ``sys/gpu0/power_w``).
    """
    for word in _words(name):
        if word in LOWER_IS_BETTER_SHORT or any(long in word for long in LOWER_IS_BETTER_WORDS):
            return True
    return False


def has_no_direction(name: str) -> bool:
    """Whether a metric has no better or worse: ``sys/…``, or a setting (``lr``, ``epoch``…)."""
    if is_system(name):
        return True
    if lower_is_better(name):
        return False
    for segment in _SOURCE_PREFIX.sub("", name).split("/"):
        words = tuple(_words(segment))
        if words in NO_DIRECTION_NAMES:
            return True
        if any(words[: len(head)] == head for head in LEARNING_RATE_HEADS):
            return True
    return False


def direction(name: str) -> Direction | None:
    """``"min"`` or ``"max"``: where the metric's best value is; None when it has no direction.

    None for system metrics (``sys/…``) and for settings and positions: a path segment that is
    exactly ``lr``, ``learning_rate``, ``epoch``, ``step``, ``global_step``, ``momentum``,
    ``weight_decay``, ``wd``, ``grad_norm`` or ``gradient_norm`` (any separators and case), or
    that starts with ``lr`` (``lr-AdamW``), unless a lower-is-better word is in the name too.
    Else ``"min"`` when :func:`lower_is_better`, ``"max"`` otherwise.
    """
    if has_no_direction(name):
        return None
    return "min" if lower_is_better(name) else "max"
