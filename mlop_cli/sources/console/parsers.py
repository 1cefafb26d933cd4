"""Pure recognisers: one console line (a ``str``) in, its step and ``(name, value)`` pairs out.

Nothing here keeps state or does I/O, so every rule is tested from a table of real log lines
(``tests/corpus/console``). The streaming side (line assembly, per-metric counters, batching)
lives in :mod:`mlop_cli.sources.console.source`.

The built-in recognisers, tried on every line that could hold a metric:

- ``key=value`` and ``key: value`` pairs, optionally quoted keys (``step=10 loss=0.25``, Keras
  ``- loss: 0.2345``, Hugging Face ``{'loss': 0.69, 'epoch': 0.33}``, tqdm postfixes
  ``loss=0.123``), and the step words ``step 100``, ``Epoch 3``, ``iteration 5``;
- JSON lines ``{"loss": 0.1, "step": 3}`` (nested objects flattened with ``/``);
- fairseq pipe segments ``| epoch 003 | loss 4.123 | ppl 17.42 |``;
- PyTorch ImageNet-style meters ``Loss 6.9e+00 (6.9e+00)`` (the value, not the running average);
- progress-bar positions (tqdm, Lightning ``Epoch 1:  37%|...| 37/100 [00:01<...]``, ImageNet
  ``Epoch: [0][ 10/5005]``), used for the step, never stored as metrics.
"""

from __future__ import annotations

import ast
import json
import math
import re
import sys
from collections.abc import Sequence

from mlop_cli.sources.console.noise import drop_noise, is_noise
from mlop_cli.sources.console.numbers import NUMBER, parse_number, parse_step

# Names whose value is the step of the record rather than a metric of it.
_STEP_KEYS = ("step", "global_step", "iter", "iteration", "it", "num_updates")
STEP_NAMES = frozenset(v for k in _STEP_KEYS for v in (k, k.capitalize(), k.upper()))
EPOCH_NAMES = frozenset(("epoch", "Epoch", "EPOCH"))
# Printed next to metrics but not metrics: Lightning's logger version number.
IGNORED_NAMES = frozenset(("v_num",))

# A metric name as printed: `loss`, `val_loss`, `Acc@1`, `train/loss`, `lr-Adam`.
_KEY = r"[A-Za-z_][\w@./\-]*"
# After a value: not part of a longer token (`1.2.3`, `0x1f`, `37/100`, `2026-11-22`, `12:30`).
_END = r"%?(?![\w./\-]|[:,]\d)"
_STEP_WORDS = "global_step|iteration|Iteration|iter|Iter|step|Step|STEP|epoch|Epoch|EPOCH"
# Rank prefixes: `[rank1]:`, torchrun `[default1]:`, mpirun `[1,1]<stdout>:`, srun --label `1: `.
_RANK_TEXT = r"\[(?:rank|default)(\d+)\]:|\[\d+,(\d+)\]<std(?:out|err)>:|[ ]*(\d+):(?=[ ])"
_RANK = re.compile(_RANK_TEXT)
_LAST_NUMBER = re.compile(r"(\d+)\D*$")
_RANK_BARE = r"\[(?:rank|default)\d+\]:|\[\d+,\d+\]<std(?:out|err)>:|[ ]*\d+:(?=[ ])"
_PERCENT = r"\d+(?:\.\d+)?%"

# The scanner: one regex, run with findall over a whole block of records (one C call per read,
# not per line). Every match starts at a delimiter character, so the regex engine skips to the
# next space, comma, colon, bracket or newline instead of trying each position; the key is
# matched atomically (lookahead + backreference) so a word that is not a key is not retried.
# Groups: (delimiter, key, quote, value, step word, step word value, rank prefix). A match with none
# of them set (`{"`, a nested `{`, or `|`, a tab, a bar's `[00:01`, a position `[37/100`, a rich
# bar's ` •`, a percentage in brackets `(97%)`)
# marks a record that needs the full parse_line. `{` comes first so JSON and nested dicts are
# never read as plain pairs; the rest come after the pair so common lines try the pair first.
_SCAN = re.compile(
    rf"""
    ([\s,:|{{(\[])
    (?:
        (?<=\{{)(?:(?=")|(?<=:\{{)|(?<=:[ ]\{{))
      | ['"]?(?=({_KEY}))\2['"]?(?:=|:[ \t]|[ \t]+=)[ \t]*(['"]?)({NUMBER}){_END}
      | ({_STEP_WORDS})[ \t]+(\d+)(?:/\d+)?{_END}
      | (?<=[|\t])|(?<=\[)(?=[ ]*\d+(?::\d\d|/\d+))|(?<=[ ])(?=•[ ])|(?<=\()(?={_PERCENT}\))
      | (?<=\n)(?:(?=({_RANK_BARE}))|)
    )""",
    re.VERBOSE,
)
_PAIR_MARKS = ("=", ":", "|", "{", "[", "\t")  # one of them is on every line with pairs
# A line no recogniser reads: none of `= | { [` or a tab, and no `:` before a blank (a
# timestamp's `10:31:04` or a URL's `://` holds no pair). Possessive (Python 3.11+) so a line
# with a pair fails at once; 3.10 treats every `:` as a possible pair.
_PLAIN_LINE = re.compile(
    r"^(?:[^=:|{\[\t\n]++|:(?![ \t]))++$" if sys.version_info >= (3, 11) else r"^[^=:|{\[\t\n]+$",
    re.MULTILINE,
)
# What a key means for the step rule.
_STEP, _EPOCH, _IGNORED = 1, 2, 3
_KEY_KINDS = {
    **dict.fromkeys(STEP_NAMES, _STEP),
    **dict.fromkeys(EPOCH_NAMES, _EPOCH),
    **dict.fromkeys(IGNORED_NAMES, _IGNORED),
}
# fairseq: `| epoch 003 | loss 4.123 | ppl 17.42 |`.
_SEGMENT = re.compile(rf"(?:^|\|)[ \t]*({_KEY})[ \t]+({NUMBER})[ \t]*(?=\||$)")
_SUBSET = re.compile(r"\| ?valid on '([\w.\-]+)' subset")
# ImageNet-example meters, tab separated: `Loss 6.9e+00 (6.9e+00)`.
_METER = re.compile(rf"(?:^|\t)[ ]*({_KEY})[ ]+({NUMBER})[ ]+\([ ]*{NUMBER}[ ]*\)")
# The head of such a line, and of timm's train.py lines (spaces, not tabs): a phase, an epoch
# and a position. ImageNet `Epoch: [0][ 10/5005]`, `Test: [ 10/100]`; timm `Train: 0 [   2/4 (
# 67%)]`, `Test: [   0/3]`. A phase other than the epoch or training prefixes the names.
_PHASE_HEAD = re.compile(r"[ ]*(\w+):[ ]*(?:\[(\d+)\]|(\d+)[ ]+)?\[[ ]*(\d+)/(\d+)(?:\]|[ ]+\()")
# Without meters to vouch for the line, only these phases are read (timm's).
_PHASES = frozenset(("Train", "Test", "Eval", "Val", "Valid", "Validation", "Validate"))
# tqdm / Lightning bar: `| 37/100 [00:01<00:02` or, without a total, `37it [00:01`.
_BAR = re.compile(r"(?:(\d+)/(\d+)|\d+\w*) \[\d+:\d\d")
# A step word leading a progress line, then `name value` segments, as nanoGPT, llm.c and many
# hand-written loops print: `iter 100: loss 2.3456, time 45.67ms, mfu 12.34%`,
# `step 250: train loss 1.9823, val loss 2.0341`, `step    1/74 | train loss 11.0123 | lr 1e-04`.
_STEP_HEAD = re.compile(rf"(?:^|(?<=\s))(?:{_STEP_WORDS})[ \t]+\d+(?:/\d+)?[ \t]*[:|]")
# One segment: one to three words, a number, and a time unit (kept in the name) or `%`.
_WORD_PAIR = re.compile(
    rf"[ \t]*((?:{_KEY}[ ]){{0,2}}{_KEY})[ \t]+({NUMBER})(%|ms|s|us|min|h)?[ \t]*"
)
_SEGMENT_CUT = re.compile(r"[,;|]")
# Positions in brackets: `Epoch [3/10], Step [100/600]` (the PyTorch tutorials), and
# `Train Epoch: 1 [640/60000 (1%)]` (the PyTorch MNIST example: samples seen in the epoch).
_BRACKET_EPOCH = re.compile(r"(?:^|(?<=\W))(?:Epoch|epoch|EPOCH)[ ]*:?[ ]*\[[ ]*(\d+)/\d+[ ]*\]")
_BRACKET_POSITION = re.compile(
    r"(?:^|(?<=\W))(?:(?:Step|step|Iter|iter|Iteration|iteration|Batch|batch)[ ]*:?[ ]*"
    r"|(?:Epoch|epoch|EPOCH)[ ]*:?[ ]*\d+[ ]+)\[[ ]*(\d+)/(\d+)(?:[ ]*\]|[ ]+\()"
)
# Gradient boosting, one row per iteration, tab separated: xgboost
# `[0]\ttrain-logloss:0.53711\tval-error:0.14000`, LightGBM `[1]\ttrain's auc: 0.934286\t...`
# (`train/auc`), CatBoost `10:\tlearn: 68.97\ttest: 76.14\tbest: 76.14 (10)\ttotal: 58.4ms`.
_BOOST_HEAD = re.compile(r"(?:\[(\d+)\]|(\d+):)\t")
_BOOST_FIELD = re.compile(rf"[ ]*(?:([\w.\-]+)'s[ ])?({_KEY}):[ ]?({NUMBER})(?:[ ]+\(\d+\))?[ ]*")
# OpenMMLab's mmengine: `Epoch(train) [1][10/50]  lr: 5.0e-02  eta: 0:00:02  loss: 0.6777`
# (epochs count from 1), `Iter(train) [10/40] ...`, `Epoch(val) [1][4/4]  accuracy: 99.0`.
_MM_HEAD = re.compile(r"(Epoch|Iter)\((train|val|test)\)[ ]+(?:\[(\d+)\])?\[[ ]*(\d+)/(\d+)\]")
# A count with its percentage, read as the percentage, exact: `Accuracy: 9676/10000 (97%)`.
_FRACTION = re.compile(rf"(?:^|(?<=[\s,(]))({_KEY}):?[ ]+(\d+)/(\d+)[ ]+\({_PERCENT}\)")
# Lightning's RichProgressBar: `Epoch 1/4 ━━━━╸━━━ 3/8 0:00:00 • 0:00:01 349.68it/s v_num: 1.000`
# (the total is `--` for an iterable without a length). Its `Epoch <n>/<max index>` is read by
# the scan's step words.
_RICH_BAR = re.compile(
    r"(?:^|[ ])(\d+)/(\d+|--)[ ]+(?:\d+:\d\d:\d\d|-:--:--)[ ]+•[ ]+(?:\d+:\d\d:\d\d|-:--:--)"
)
# Where the terminal is narrower than the bar, its metrics wrap onto lines of their own, indented
# to the metrics column: `                      train_loss: 0.958 `.
_RICH_MORE = re.compile(rf"[ ]{{8,}}(?:{_KEY}: {NUMBER}[ ]*)+$")
_NESTED = re.compile(r"""^\{\s*"|:\s?\{""")
# A two-cell row of a rich table, as Lightning's trainer.test()/validate() prints its results:
# `│         val_acc          │          0.46875          │`. Read as `val_acc=0.46875`.
_TABLE_ROW = re.compile(
    rf"^[ \t]*│[ \t]*({_KEY})[ \t]*│[ \t]*({NUMBER})[ \t]*│[ \t]*$", re.MULTILINE
)
_MAX_DEPTH = 16

Record = tuple[int, "int | None", list[tuple[str, float]]]


class BarPairs(list):
    """The pairs of a progress-bar redraw (tqdm, Lightning's bar).

    A bar redraws many times a second and shows the last value of each metric until it
    changes (Lightning's `val_loss` stays on the bar through the next epoch), so the console
    source keeps a bar's value only when it differs from the last one the bar showed.
    """

    __slots__ = ()


def carry_bar_head(text: str, head: str) -> tuple[str, str]:
    """Give the wrapped metric lines of a rich progress bar the bar they belong to.

    Lightning's RichProgressBar wraps its metrics onto indented lines of their own when the
    terminal is narrower than the bar, and redraws all of them several times a second. Each
    such line is rewritten as the bar's head (``Epoch 1/4 ━━╸━ 3/8 0:00:00 • 0:00:01``)
    followed by its metrics, so it is read as the bar is: at the bar's step, and only when a
    value changes. The head carries across blocks (a read may end anywhere).

    Args:
        text: A block of ``\\n``-separated records, ANSI-free.
        head: The bar head in force at the start of the block ("" for none).

    Returns:
        The block, and the head in force at its end.
    """
    if not head and "•" not in text:
        return text, head
    lines = text.split("\n")
    changed = False
    for index, line in enumerate(lines):
        if "•" in line:
            m = _RICH_BAR.search(line)
            if m is not None:
                head = line[: m.end()]
                continue
        if not line or line.isspace():
            continue  # a line end is `\r\n` on a terminal: two records
        if head and _RICH_MORE.match(line):
            lines[index] = f"{head} {line.strip()}"
            changed = True
        else:
            head = ""
    return ("\n".join(lines) if changed else text), head


def parse_block(
    text: str, patterns: Sequence[re.Pattern[str]] = (), builtins: bool = True
) -> list[Record]:
    """Find the metrics in a block of records separated by ``\\n``.

    Gives the same result as :func:`parse_line` on each record, faster: plain ``key=value``
    records are read straight from one scan of the whole block; records that need another
    recogniser (pipes, tabs, JSON, progress bars) or custom patterns go through
    :func:`parse_line`.

    Args:
        text: Records separated by ``\\n`` (``\\r`` already turned into ``\\n``), ANSI-free.
        patterns: Compiled custom patterns.
        builtins: Whether to run the built-in recognisers.

    Returns:
        ``(record index, step, pairs)`` for each record with at least one pair, in order.
    """
    if patterns or not builtins:
        out: list[Record] = []
        for index, line in enumerate(text.split("\n")):
            if line:
                step, pairs = parse_line(line, patterns, builtins)
                if pairs:
                    out.append((index, step, pairs))
        return out

    text = drop_noise(text)
    if "│" in text:
        text = _TABLE_ROW.sub(r"\1=\2", text)
    # Pairs need one of `= : | { [` or a tab on their line. Blank the other lines (plain log
    # text, usually most of it) so the scan below skips them: the record indexes stay.
    if not any(mark in text for mark in _PAIR_MARKS):
        return []
    text = _PLAIN_LINE.sub("", text)
    out = []
    lines: list[str] | None = None
    kinds = _KEY_KINDS
    index = -1
    pairs: list[tuple[str, float]] = []
    step: int | None = None
    epoch: int | None = None
    special = worded = False
    rank = ""
    # The trailing "\n" closes the last record, so records are finished in one place.
    for delim, key, quote, value, word, word_value, rank_text in _SCAN.findall("\n" + text + "\n"):
        if delim == "\n":
            if special or worded:
                if lines is None:
                    lines = text.split("\n")
                # After a step word, `name value` segments may follow (see _STEP_HEAD).
                special = special or _STEP_HEAD.search(lines[index]) is not None
            if special:
                step, pairs = parse_line(lines[index])
                if pairs:
                    out.append((index, step, pairs))
            elif pairs:
                if rank:
                    step, pairs = _finish(step, epoch, None, False, "", _rank_of(rank), pairs)
                elif step is None:
                    step = epoch
                out.append((index, step, pairs))
            index += 1
            pairs = []
            step = epoch = None
            special = worded = False
            rank = rank_text
            if not key and not word:
                continue
        if key:
            kind = kinds.get(key)
            if kind is None:
                pairs.append((key, float(value)))
            elif kind == _STEP:
                step = parse_step(value)
            elif kind == _EPOCH:
                pairs.append((key, float(value)))
                if value.isdigit() and not quote:
                    epoch = int(value)
        elif word:
            worded = True
            if word in EPOCH_NAMES:
                epoch = int(word_value)
            else:
                step = int(word_value)
        else:
            special = True
    return out


def _rank_of(prefix: str) -> int:
    # The rank is the last number of the prefix: `[rank1]:`, `[1,2]<stdout>:` (2), `1:`.
    m = _LAST_NUMBER.search(prefix)
    return int(m[1]) if m is not None else 0


def _finish(
    step: int | None,
    epoch: int | None,
    position: tuple[int, int] | None,
    is_bar: bool,
    prefix: str,
    rank: int,
    pairs: list[tuple[str, float]],
) -> tuple[int | None, list[tuple[str, float]]]:
    """Apply the step rule, then the name prefix and the rank prefix."""
    if step is None and epoch is not None:
        if position is not None:
            step = epoch * position[1] + position[0]
        elif not is_bar:
            step = epoch
    if prefix:
        pairs = [(prefix + name, value) for name, value in pairs]
    if rank:
        pairs = [(f"rank{rank}/{name}", value) for name, value in pairs]
    if is_bar and pairs:
        pairs = BarPairs(pairs)
    return step, pairs


def parse_line(
    line: str, patterns: Sequence[re.Pattern[str]] = (), builtins: bool = True
) -> tuple[int | None, list[tuple[str, float]]]:
    """Find the metrics printed on one console line.

    The step rule, in order: a ``step``/``global_step``/``iter``/``iteration``/``it``/
    ``num_updates`` value; else, on a line with a progress position ``n/total`` and an epoch
    number, ``epoch * total + n``; else, on a line that is not a progress bar, an ``epoch``
    printed as an integer (``epoch=3``, ``Epoch 3``, ``| epoch 003 |``; HF's float ``0.33`` is
    not); else None, and the caller counts points per metric.

    Args:
        line: One record: a line, or one ``\\r``-separated redraw of a progress bar, with ANSI
            codes already removed.
        patterns: Compiled custom patterns (see :func:`compile_patterns`).
        builtins: Whether to run the built-in recognisers.

    Returns:
        The step (None when the line sets none) and the ``(name, value)`` pairs in line order.
        Step names are not among the pairs; ``epoch`` is. Ranks other than 0 prefix every name
        with ``rank<N>/``.
    """
    if builtins and "│" in line:
        line = _TABLE_ROW.sub(r"\1=\2", line)
    rank = 0
    body = line
    m = _RANK.match(line)
    if m is not None:
        rank = int(m[1] or m[2] or m[3])
        body = line[m.end() :]
    pairs: list[tuple[str, float]] = []
    step: int | None = None
    epoch: int | None = None
    position: tuple[int, int] | None = None
    is_bar = False
    prefix = ""

    if builtins and not is_noise(line):
        handled = word_seen = headed = False
        if "{" in body:
            handled, step, epoch = _parse_object(body, pairs)
        if not handled:
            # The same scan as parse_block's, so both read key=value pairs alike.
            for _delim, key, quote, value, word, word_value, _rank in _SCAN.findall("\n" + line):
                if key:
                    kind = _KEY_KINDS.get(key)
                    if kind == _STEP:
                        step = parse_step(value)
                    elif kind != _IGNORED:
                        pairs.append((key, float(value)))
                        if kind == _EPOCH and value.isdigit() and not quote:
                            epoch = int(value)
                elif word:
                    word_seen = True
                    if word in EPOCH_NAMES:
                        epoch = int(word_value)
                    else:
                        step = int(word_value)
        if "|" in body:
            for key, value in _SEGMENT.findall(body):
                if key in STEP_NAMES:
                    step = parse_step(value)
                else:
                    pairs.append((key, float(value)))
                    if key in EPOCH_NAMES and value.isdigit():
                        epoch = int(value)
            if "subset" in body:
                m = _SUBSET.search(body)
                if m is not None:
                    prefix = m[1] + "/"
        if not handled and word_seen:
            m = _STEP_HEAD.search(body)
            if m is not None:
                _read_word_pairs(body[m.end() :], pairs)
        if " [" in body:
            m = _BAR.search(body)
            if m is not None:
                is_bar = True
                if m[1] is not None:
                    position = (int(m[1]), int(m[2]))
        if "\t" in body:
            m = _BOOST_HEAD.match(body)
            if m is not None:
                step = int(m[1] or m[2])
                pairs = _boost_pairs(body[m.end() :].split("\t"))
        if "(" in body and ")" in body:
            m = _MM_HEAD.search(body)
            if m is not None:
                phase = m[2]
                if phase != "train":
                    prefix = phase + "/"
                    step = int(m[3]) if m[3] is not None else None
                elif m[3] is not None:
                    step = (int(m[3]) - 1) * int(m[5]) + int(m[4])
                else:
                    step = int(m[4])
                headed = True
        if not headed and ":" in body:
            m = _PHASE_HEAD.match(body)
            if m is not None and m[1] in _PHASES:
                pairs = [pair for pair in pairs if pair[0] != m[1]]  # `Train: 0` is the epoch
                epoch, position, prefix = _phase(m, epoch)
                headed = True
        if not headed and not is_bar and "[" in body:
            m = _BRACKET_POSITION.search(body)
            if m is not None:
                position = (int(m[1]), int(m[2]))
                m = _BRACKET_EPOCH.search(body)
                if m is not None:
                    epoch = int(m[1])
        if "%)" in body:
            for key, done, total in _FRACTION.findall(body):
                if int(total):
                    pairs.append((key, 100 * int(done) / int(total)))
        if "•" in body:
            m = _RICH_BAR.search(body)
            if m is not None:
                is_bar = True
                if m[2] != "--":
                    position = (int(m[1]), int(m[2]))
        if "\t" in body and "(" in body:
            meters = _METER.findall(body)
            if meters:
                pairs.extend((key, float(value)) for key, value in meters)
                m = _PHASE_HEAD.match(body)
                if m is not None:
                    epoch, position, prefix = _phase(m, epoch)

    for pattern in patterns:
        custom_step, custom_epoch = _apply_pattern(pattern, body, pairs)
        if custom_step is not None:
            step = custom_step
        if custom_epoch is not None:
            epoch = custom_epoch
    return _finish(step, epoch, position, is_bar, prefix, rank, pairs)


def _phase(m: re.Match[str], epoch: int | None) -> tuple[int | None, tuple[int, int], str]:
    """The epoch, position and name prefix a _PHASE_HEAD match gives."""
    number = m[2] or m[3]
    if number is not None:
        epoch = int(number)
    training = m[1] in EPOCH_NAMES or m[1].lower() == "train"
    return epoch, (int(m[4]), int(m[5])), "" if training else m[1] + "/"


def _boost_pairs(fields: list[str]) -> list[tuple[str, float]]:
    """The metrics of a gradient-boosting row's fields (``train-logloss:0.5``, ``train's auc: 0.9``)."""
    pairs = []
    for field in fields:
        m = _BOOST_FIELD.fullmatch(field)
        if m is not None:
            pairs.append((f"{m[1]}/{m[2]}" if m[1] else m[2], float(m[3])))
    return pairs


def _read_word_pairs(rest: str, pairs: list[tuple[str, float]]) -> None:
    """Append the ``name value`` segments of what follows a step head (names not yet read).

    ``train loss 1.98`` is ``train_loss``; a time unit joins the name (``time 45.67ms`` is
    ``time_ms``); a segment that is anything else (``(1234.56 ms``, ``saved to ckpt-3``) is
    skipped.
    """
    seen = {name for name, _ in pairs}
    for segment in _SEGMENT_CUT.split(rest):
        m = _WORD_PAIR.fullmatch(segment)
        if m is None:
            continue
        name = m[1].replace(" ", "_")
        if m[3] and m[3] != "%":
            name = f"{name}_{m[3]}"
        if name not in seen and name not in STEP_NAMES and name not in IGNORED_NAMES:
            seen.add(name)
            pairs.append((name, float(m[2])))


def _parse_object(line: str, pairs: list[tuple[str, float]]) -> tuple[bool, int | None, int | None]:
    """Parse a JSON line or a nested Python dict line; flat Python dicts are left to ``_SCAN``.

    Returns:
        (handled, step, epoch); ``handled`` is False when the line is not an object this
        function read, so the pair regex should run instead.
    """
    text = line.strip()
    if text[:1] != "{" or text[-1:] != "}":
        return False, None, None
    try:
        if text[1:].lstrip()[:1] == '"':
            obj = json.loads(text)
        elif _NESTED.search(text):
            # Nested Python dict reprs only: literal_eval is slow, and flat ones the regex reads.
            obj = ast.literal_eval(text)
        else:
            return False, None, None
    except (ValueError, SyntaxError, RecursionError, MemoryError, TypeError):
        return False, None, None
    if not isinstance(obj, dict):
        return False, None, None
    step: int | None = None
    epoch: int | None = None
    found: list[tuple[str, int | float]] = []
    _flatten(obj, "", found, 0)
    for name, value in found:
        if name in STEP_NAMES:
            if math.isfinite(value):
                step = int(value)
        elif name not in IGNORED_NAMES:
            pairs.append((name, float(value)))
            if name in EPOCH_NAMES and isinstance(value, int):
                epoch = value
    return True, step, epoch


def _flatten(obj: dict, prefix: str, out: list[tuple[str, int | float]], depth: int) -> None:
    """Append the numbers of a nested dict as ``("outer/inner", value)`` pairs."""
    for key, value in obj.items():
        name = prefix + clean_name(str(key))
        if isinstance(value, dict):
            if depth < _MAX_DEPTH:
                _flatten(value, name + "/", out, depth + 1)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            if name:
                out.append((name, value))


def clean_name(name: str) -> str:
    """Strip the whitespace, quotes and punctuation that surround a printed name."""
    return name.strip(" \t'\"`,;:=[](){}<>")


def _apply_pattern(
    pattern: re.Pattern[str], line: str, pairs: list[tuple[str, float]]
) -> tuple[int | None, int | None]:
    """Append the metrics one custom pattern finds on ``line``; return its (step, epoch)."""
    step: int | None = None
    epoch: int | None = None
    for m in pattern.finditer(line):
        groups = m.groupdict()
        found: list[tuple[str, str]] = []
        if groups.get("key") is not None and groups.get("value") is not None:
            found.append((groups["key"], groups["value"]))
        for name, text in groups.items():
            if text is not None and name not in ("key", "value"):
                found.append((name, text))
        for name, text in found:
            name = clean_name(name)
            if not name:
                continue
            if name in STEP_NAMES:
                step = parse_step(text.strip())
                continue
            value = parse_number(text)
            if value is None:
                continue
            pairs.append((name, value))
            if name in EPOCH_NAMES and text.strip().isdigit():
                epoch = int(text.strip())
    return step, epoch


class PatternError(ValueError):
    """A custom metric pattern does not compile or captures no metric."""


def compile_patterns(patterns: Sequence[str]) -> list[re.Pattern[str]]:
    """Compile custom metric patterns, checking each can yield metrics.

    A pattern's named groups become metrics (``loss=(?P<loss>\\S+)``), or a ``key`` group names
    the metric whose number the ``value`` group holds (``(?P<key>\\w+) -> (?P<value>\\S+)``).

    Args:
        patterns: Regular expressions as the user wrote them.

    Returns:
        The compiled patterns, in order.

    Raises:
        PatternError: With a one-line message naming the first bad pattern.
    """
    compiled = []
    for text in patterns:
        try:
            pattern = re.compile(text)
        except re.error as exc:
            raise PatternError(f"invalid metric pattern {text!r}: {exc}") from None
        names = set(pattern.groupindex)
        if not names:
            raise PatternError(
                f"metric pattern {text!r} has no named group; name the number, "
                "e.g. 'loss=(?P<loss>\\S+)'"
            )
        if ("key" in names) != ("value" in names):
            raise PatternError(
                f"metric pattern {text!r} needs both a (?P<key>...) and a (?P<value>...) group"
            )
        compiled.append(pattern)
    return compiled
