"""The lexical layer of the console reader: numbers, times and dates as tokens; a line's shape.

One regex (:data:`VALUE_TOKEN`) says what a numeric token is, everywhere: a number (``3``,
``-0.25``, ``6.9e+00``, ``nan``, ``inf``), a time (``00:12``, ``10:31:04,123``), a date
(``2026-12-06``, ``12/06/26``, ``06 Dec 2026``). A number is a token only when it stands alone: not inside a
word (``Acc@1``, ``top5``, ``mAP50-95``, ``[rank0]``), a path (``ckpt-3.pt``), a version
(``2.1.0``), an address (``10.0.0.1:29500``) or a hex id (``0x1f``). A unit may follow it
(``45.67ms``, ``0G``, ``12.3%``), outside the token.

A line's *shape* is the line with every numeric token replaced by ``\\x00``: training output
repeats a few shapes over and over, so the reader interprets each shape once
(:mod:`~mlop_cli.sources.console.reader`) and then only reads the tokens of each line, in C
(``findall``). Runs of progress-bar glyphs are folded into one ``\\x01`` so that every redraw of
a bar has the same shape.
"""

from __future__ import annotations

import re

# Phases of a run: they label what follows them (`train: loss …`, `Validation Results - …`).
PHASES = frozenset("train training val valid validation test testing eval evaluation dev".split())
# The phases that are not the training's own (an evaluation's values, an evaluation's bar).
EVAL_PHASES = PHASES - {"train", "training"}
# Words that qualify a metric: never dropped, and a prose name keeps the one it opens with.
QUALIFIERS = PHASES | frozenset("best final avg average mean total overall running".split())
# A script's counters: a name of its steps, of its epochs (`Ep 1 (Step 000000): Train loss
# 9.78`), and of the work a solver did (`Function evaluations: 38`). Here, where the prefix
# reader (which never names a counter a source location) and the shapes' reader share them.
STEP_WORDS = frozenset(
    "step steps global_step globalstep iter iters iteration iterations it update updates "
    "num_updates batch trial round rounds t episode episodes timestep timesteps generation "
    "generations tree fold job frame".split()
)
EPOCH_WORDS = frozenset(("epoch", "epochs", "ep"))
# (and of the data gone through: `samples_seen`, `Sentences processed`, an x axis, never a result)
WORK_COUNTS = frozenset(
    "fevals evals evaluations calls fcalls seen processed nfe nfes nfev".split()
)

# Units that may follow a number directly, kept out of the token (the reader reads them).
UNITS = r"(?:%|ms|us|µs|ns|s|sec|min|h|[KMGT]i?B|[KMGT]|B|x|it/s|s/it)"
_NUMBER = (
    # (a dot opening an ellipsis is not the number's: `17...loss=0.55`)
    r"[-+]?(?:(?:\d+(?:\.(?!\.)\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
    r"|(?:nan|NaN|NAN|inf|Inf|INF|Infinity|infinity)(?![A-Za-z]))"
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATE = (
    r"\d{4}-\d\d-\d\d(?=[T ]|\b)|\d\d?/\d\d?/\d\d(?:\d\d)?(?![\d/])"
    # Dates in words: `06 Dec 2026`, `Dec 6, 2026` (statsmodels' summary, `date`'s output).
    rf"|\d\d? {_MONTH} \d{{4}}(?!\d)|{_MONTH} \d\d?,? \d{{4}}(?!\d)"
    # A syslog stamp's date, before its clock (`Dec  7 10:29:11`, CVXPY's `Dec 07 10:29:11 AM`).
    rf"|{_MONTH} {{1,2}}\d\d?(?= \d\d?:\d\d)"
)
_TIME = (
    r"\d+:\d\d(?::\d\d)?(?:[.,]\d+)?(?![\d:])|-:--:--"
    # A clock with its units between the digits (`00s01`, `1h02m`, `02m13s`).
    r"|\d+[hm]\d\d(?:m\d\d)?(?:s\d\d)?[ms]?(?!\w)|\d+s\d\d(?!\w)"
)
# A version or an address (`2.1.0`, `10.0.0.1:29500`): one token, never a value.
_VERSION = r"\d+(?:\.\d+){2,}(?::\d+)?(?![\w.])"
# A token starts where a word does not continue from the left (`Acc@1`, `ckpt-3`, `v1.2`,
# `[rank0]`) and ends where no word, path or version continues to the right.
# A position `37/100` is two tokens; a path segment `/data/2024/` is none.
_BEFORE = r"(?<![\w.@\\\-^])(?<![A-Za-z_\])/]/)"
_AFTER = rf"(?={UNITS}?(?![\w@]|=[-+\d.]|\.\d|:\d|-\d))"
# A number grouped by thousands right after a name's `:`, `=` or `: ` (`Test RMSE: 43,107`,
# `T: 1,007,`, `tokens/s: 12,345.6`, `val_loss=1,234.5`): one token, whose value is the number
# without its commas (see grouped_value).
_GROUPED = r"(?:(?<=[:=][ ])|(?<=[:=]))\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d]|\.\d|,\d)"
VALUE_TOKEN = re.compile(
    rf"{_BEFORE}(?:{_GROUPED}|{_DATE}|{_TIME}|{_VERSION}|(?:{_NUMBER}){_AFTER})"
)
TOKEN_CORE = rf"{_DATE}|{_TIME}|{_VERSION}|{_NUMBER}"
PLAIN_NUMBER = _NUMBER
"""A number alone (no date, time or version)."""
"""A token without its context checks, for a regex whose fixed text around it gives them."""
"""A numeric token: a number, a time or a date (times and dates are never metric values)."""

_SPLIT = re.compile(f"({VALUE_TOKEN.pattern})")


def split_tokens(text: str) -> tuple[str, list[str]]:
    """``(shape, tokens)`` of a text in one pass (see :func:`shape_of`; glyphs folded already)."""
    parts = _SPLIT.split(text)
    return SLOT.join(parts[0::2]), parts[1::2]


_TIME_OR_DATE = re.compile(rf"(?:{_DATE}|{_TIME}|{_VERSION})\Z")
# Progress-bar glyphs: tqdm's blocks, rich's and Keras 3's lines, Keras 2's `=====>....`.
BAR_GLYPHS = re.compile(r"[█▉▊▋▌▍▎▏━╸╺╾╼─▰▱■□]+|={3,}>?\.*|(?<=\[)=*>?\.{2,}(?=\])")
SLOT = "\x00"
GLYPH = "\x01"


def shape_of(text: str) -> str:
    """The shape of a line or block: numeric tokens as ``\\x00``, bar glyph runs as ``\\x01``."""
    return VALUE_TOKEN.sub(SLOT, BAR_GLYPHS.sub(GLYPH, text))


def grouped_value(token: str) -> float | None:
    """The value of a number grouped by thousands (`43,107`), None for any other token."""
    if "," not in token:
        return None
    digits = token.replace(",", "")
    whole, point, decimals = digits.partition(".")
    if not whole.isdigit() or (point and not decimals.isdigit()):
        return None
    return float(digits)


def is_value(token: str) -> bool:
    """Whether a numeric token is a number (not a time or a date)."""
    return _TIME_OR_DATE.match(token) is None
