"""Which way a metric is better: one rule for `mlop compare`, the report and its summaries."""

from __future__ import annotations

import re

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
_WORDS = re.compile(r"[A-Za-z]+")


def lower_is_better(name: str) -> bool:
    """Whether the best value of a metric is its minimum.

    True when the name (split into words at every non-letter: ``/ _ . - @`` digits) has a word
    containing loss, error, perplexity, latency, runtime or regret, or a word equal to err, ppl,
    wer, cer, mse, mae, rmse, nll, time, cost or dist (any case): ``train/loss``, ``val_error``,
    ``eval/wer``, ``test-rmse``. False otherwise (``acc``, ``f1``, ``bleu``, ``sys/gpu0/power_w``).
    """
    for word in _WORDS.findall(name.lower()):
        if word in LOWER_IS_BETTER_SHORT or any(long in word for long in LOWER_IS_BETTER_WORDS):
            return True
    return False
