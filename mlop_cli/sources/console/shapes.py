"""Reading one line's structure: which of its numbers are metrics, and under which names.

The console reader (:mod:`~mlop_cli.sources.console.reader`) calls :func:`interpret` once per
line *shape* (the line with its numbers replaced, see :mod:`~mlop_cli.sources.console.tokens`)
and caches the answer, a :class:`Program`: for each numeric token of the line, its role (a
metric and its name, the step, the epoch, a progress position and its total) and nothing else.
The rules are about the structure of the text, never about a library:

**Pairs.** A value belongs to the name printed right before it, whatever the separator
(``loss=0.3``, ``loss: 0.3``, ``loss 0.3``), between pairs separated by spaces, ``,``, ``;``,
``|``, `` - ``, tabs or ``•``. A name is every word of it, joined with ``_``, case kept:
``Train Loss: 0.91 | Val Loss: 1.03`` gives ``Train_Loss`` and ``Val_Loss``.

**Labels and sections.** Words followed by ``:`` and more words (``train: loss: 0.52``,
``Epoch 1 validation: loss=0.43``, ``acc: (train=0.78, test=0.74)``) label every name after them
on the line: ``train/loss``. A section row of a boxed table labels the rows under it.

**Counters.** A step word (step, iter, iteration, global_step, it, update, batch, trial,
round…) or an epoch word with a number (``step 10``, ``Epoch 3/10``, ``Epoch [3/10]``,
``[2/30]``, ``[7]`` or ``10:`` opening a line) is a counter, not a metric; ``epoch=3`` in a
record of pairs is both. A position ``n/total`` after an epoch locates the line inside it.

**Never invented.** A number with no name right before it (``960 samples``), inside a word, a
path or a version, a time or a date, a value in parentheses or after ``+`` right after another
one (a running average, a standard deviation), a rate (``25.1it/s``, ``12ms/step``), a
progress bar's description and percentage, and prose (a name holding words such as *of*,
*will*, *per*, *with*: ``tokens per iteration will be: 128``) are not metrics. In prose, the
words after the last such word name the value when a label-like separator (``:``/``=``)
precedes it (``Trial 3 finished with value: 0.12`` is ``value``), keeping a leading qualifier
(``Best is trial 0 with value: 0.1`` is ``Best_value``); a prose name that opens with a metric
word is kept whole (``Accuracy of the network on the 10000 test images: 97 %``).
"""

from __future__ import annotations

import ast
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from mlop_cli.sources.console.prefix import split_prefix
from mlop_cli.sources.console.tokens import (
    BAR_GLYPHS,
    EPOCH_WORDS,
    EVAL_PHASES,
    GLYPH,
    PHASES,
    QUALIFIERS,
    STEP_WORDS,
    UNITS,
    VALUE_TOKEN,
    WORK_COUNTS,
    grouped_value,
    is_value,
)

# Words that make a name ending in a step word the count so far (`num_timesteps=1000`,
# `total_steps: 2400`, an agent's `env_step=1000`), where a setting's name has others
# (`max_steps`, `warmup_steps`).
COUNT_SO_FAR = frozenset("num n total global cur current env agent".split())
_INNER_LOOP = frozenset("sub inner local".split())
# Counters of the units a run's steps make up: a step printed beside one is the finer.
_COARSE_COUNTERS = frozenset(("episode", "episodes", "trial", "trials"))
# Counters of runs side by side, which head a line of their own counters: whose values.
_IDENTITY_COUNTERS = frozenset(("trial", "fold", "job"))
# Words of prose, not of a metric's name.
STOP_WORDS = frozenset(
    "a an the of to in on at by for with from into onto is are was were be been being will "
    "would shall should can could may might has have had do does did and or not no than as "
    "per this that these those it its if when while after before so such which who what "
    "where there here we you i".split()
)
# Words a metric's name is made of: a prose name opening with one is kept whole, and a lone
# value printed before the run's training output names a metric when its name holds one.
METRIC_WORDS = frozenset(
    "loss losses acc accuracy error err f1 auc score scores precision recall ppl perplexity "
    "bleu rouge mse mae rmse r2 iou miou dice map reward rewards return returns logloss "
    "likelihood nll wer cer top1 top5 kl entropy correct value objective fitness metric "
    # SciPy's result: `fun`, the objective's value at the solution
    "fun".split()
)
# Not metrics whatever they hold: Lightning's logger version, a bar's estimate of time left,
# how far a job has come (`Progress:  94.0%`).
IGNORED_NAMES = frozenset(("v_num", "ETA", "eta", "Eta", "Progress", "progress", "PROGRESS"))
# A duration's unit: the value is stored in seconds (a series printed `3.54s`, then `689ms`,
# is one series). The kind of a metric slot: 0 as printed, 1 a count of a total as a
# percentage, the others a duration's unit.
_TIME_UNITS = {"ms": 2, "us": 3, "µs": 3, "ns": 4, "s": 0, "sec": 0, "min": 5, "h": 6}
UNIT_SCALE = {2: 1e-3, 3: 1e-6, 4: 1e-9, 5: 60.0, 6: 3600.0}

_WORD_CHARS = r"[A-Za-z_\u00c0-\u024f\u0370-\u03ff]"
_LEX = re.compile(
    rf"""
    (?P<ws>[ \t]+)
  | (?P<dword>\d+[A-Za-z_]*_\w*[A-Za-z]\w*(?=[ ]?[=:]))  # `16_h1=0.99`: a name
  | (?P<other>[A-Za-z][\w+.\-]*://\S*|\d+[A-Za-z_]\w*)
  | (?P<word>{_WORD_CHARS}[\w@'./\-^]*(?::\d+(?==))?(?:\([\w@./\-]*\))?)
  | (?P<glyph>{GLYPH})
  | (?P<p>\.\.\.|[=:,;|(){{}}\[\]<>%•/+*#!?~\-.`])
  | (?P<char>.)
    """,
    re.VERBOSE,
)
_UNIT = re.compile(UNITS)
_RATE = re.compile(
    r"(?:it|s|ms|us|samples|sample|img|imgs|tok|tokens|ex|examples|batch|step)/(?:s|it|step|sec)\b|/(?:s|step|it|sec|epoch)\b"
)
_FRACTION_PERCENT = re.compile(r"[ ]*\([ ]*\d+(?:\.\d+)?%\)")

# A progress bar: tqdm `37%|█▌ | 37/100 [00:01<…`, `|    | 3/? [00:01<…` (a total unknown, as
# Lightning draws it), `37it [00:01…`, rich `3/8 0:00:00 • …`,
# Keras `3/12 ━━━━ …` or verbose 2 `75/75 - 2s - 22ms/step - …`.
_TQDM = re.compile(
    r"(?:^|(?<=[\s:]))(?:\d+%\|[^|]*\||\|[ \x01]*\|(?=[ ]*\d+/\?))"
    r"[ ]*(?:(\d+)/(\d+|\?)|\d+(?:\.\d+)?(?:it|[a-zA-Z]+))?[ ]*\["
)
_TQDM_NOTOTAL = re.compile(r"(?:^|(?<=[\s:]))(\d+)(?:it|[a-zA-Z]+)?[ ]\[\d+:\d\d")
_RICH = re.compile(r"(?:^|(?<=\s))(\d+)/(\d+|--)[ ]+(?:\d+:\d\d:\d\d|-:--:--)[ ]+•")
# (A total Keras does not know yet draws no bar: `17/Unknown 5s 15ms/step - loss: …`.)
_KERAS = re.compile(
    rf"^[ ]*(\d+)/(\d+|Unknown)[ ]+"
    rf"(?:\[?{GLYPH}\]?|-[ ]\d+(?:m?s|us)[ ]-|\d+(?:m?s|us|min)[ ]+\d+(?:m?s|us)/step[ ]+-)"
)
# A percentage, a bar's glyphs, then its position (`64: 50% ━━━━━━────── 1/2 2.7s/it 1.3s<2.1s`).
_BAR_THEN_COUNT = re.compile(rf"{GLYPH}[ ]+(\d+)/(\d+|\?)(?=[ ]+[A-Za-z])")
_GLYPH_BAR = re.compile(rf"(?:^|(?<=[\s:]))\d+(?:\.\d+)?%[ ]*{GLYPH}[ ]*(\d+)/(\d+|\?)")
_BAR_TIMINGS = re.compile(r"(?:[ ]+(?:\d+(?:\.\d+)?(?:it/s|s/it|s)|\d+:\d\d(?::\d\d)?)(?:<\S+)?)+")


@dataclass(slots=True)
class Program:
    """What one line shape means: roles of the line's numeric tokens (by index).

    Attributes:
        metrics: ``(name, slot, kind)``: kind 0 the token's value, 1 a count ``slot`` of a
            total ``slot + 1`` read as a percentage.
        step: The slot of an explicit global step.
        epoch: The slot of an epoch counter (not a metric unless also in ``metrics``).
        position: The slot of a position inside the epoch (or inside a bar).
        total: The slot of the position's total.
        positional_step: ``step`` came with a total (``Step 10/120``): a per-epoch position
            when it restarts as the epoch changes.
        bar: The line is a progress-bar redraw (one point per position).
        rank: The rank a prefix named (0 for none).
        per_epoch: Values reported once per epoch (an epoch counter and no finer position).
        section: A boxed table's section row: its name.
        rule: The line is a table rule (``----``, ``+----+``).
        config: Values held until the run shows they form a series (a lone, early value).
        words: How many words of text the line holds besides its metrics (for "never
            silent": lines with numbers and no metric).
    """

    metrics: list[tuple[str, int, int]] = field(default_factory=list)
    step: int | None = None
    epoch: int | None = None
    position: int | None = None
    total: int | None = None
    positional_step: bool = False
    bar: bool = False
    rank: int = 0
    per_epoch: bool = False
    section: str | None = None
    rule: bool = False
    row: bool = False  # a row of a column table
    record_epoch: bool = False  # ``epoch`` is a key of the record (a dict's), not a counter
    rank_slot: int | None = None  # the token that is the line's rank (srun's `3: `)
    # The token of a trial's or a fold's number heading a line that has its own finer
    # counters (`[trial 2] epoch 1 step 10: loss=…`): whose values they are (`trial_2/loss`).
    tag_slot: int | None = None
    tag_word: str = ""
    # The word of the counter that is the step, when it is the line's first (`[trial 2] final
    # test: …`: the trial's, once trials were seen side by side; see the reader).
    first_step_word: str = ""
    key_slot: int | None = None  # the token that keys a table's row (a report's class `0`)
    row_key: str = ""  # the text that keys a table's row (`InProgress` is no key; `trial_1` is)
    # A row of a frame indexed by named things (a leaderboard's models): each row is one of
    # them, a trial; its step is its place in the table.
    row_ordinal: bool = False
    index_slot: int | None = None  # a frame's row number (its index), whatever the step is
    place_key: str = ""  # a trial's index in a wrapped frame (`knn`): its row in every block
    keyed: bool = False  # a row keyed by whose it is, or a trial's place: its counters its own
    own_counter: bool = False  # an unkeyed row with its own step or epoch (reprints: once)
    fast: bool = False  # plain pairs and maybe a step: read without the run's context
    inert: bool = False  # no metric, no counter, no bar: nothing to read
    cut: bool = False  # a bar cut at the terminal's width (its postfix has no `]`)
    counts: bool = False  # a name is a count's (`Images`): its values wait to change
    shares: tuple[str, ...] = ()  # names read by a count's share (`180  60 %`): no counts
    uncounted: bool = False  # a bar of data or of an evaluation: its positions are no steps
    # A counter named in the plural alone (`Iterations: 100`): a setting until the line comes
    # again with another number; then the step (or the epoch, ``plural_epoch``).
    plural_slot: int | None = None
    plural_epoch: bool = False
    stepless: bool = False  # metrics with no step, epoch, position or bar of their own
    dropped: str = ""  # why names the line held were left out (said by `mlop parse`)
    names: list[str] = field(default_factory=list)  # the metrics' names (with the rank), fast
    slots: list[int] = field(default_factory=list)  # their tokens, fast

    def finish(self) -> Program:
        """Work out what the reader's fast path needs; return self."""
        if self.metrics and any(is_data_name(n) for n, _, _ in self.metrics):
            self.metrics = [m for m in self.metrics if not is_data_name(m[0])]
        self.inert = not (
            self.metrics
            or self.bar
            or self.step is not None
            or self.epoch is not None
            or self.position is not None
            or self.row
            or self.plural_slot is not None
        )
        self.names = [f"rank{self.rank}/{n}" if self.rank else n for n, _, _ in self.metrics]
        self.slots = [slot for _, slot, _ in self.metrics]
        self.counts = any(is_count_name(n) for n, _, _ in self.metrics)
        self.stepless = (
            bool(self.metrics)
            and self.step is None
            and self.epoch is None
            and self.position is None
            and not self.bar
            and not self.row
        )
        self.fast = bool(self.metrics) and not (
            self.counts
            or self.bar
            or self.epoch is not None
            or self.position is not None
            or self.positional_step
            or self.row
            or self.record_epoch
            or self.rank_slot is not None
            or self.tag_slot is not None
            or self.first_step_word in _IDENTITY_COUNTERS
            or any(kind for _, _, kind in self.metrics)
            or any(n in IGNORED_NAMES for n, _, _ in self.metrics)
        )
        return self

    numbers: int = 0


EMPTY = Program(inert=True)


@dataclass(slots=True)
class _Item:
    kind: str  # "ws", "word", "glyph", "p", "other", "num"
    text: str
    start: int
    end: int
    slot: int = -1  # for "num": the index of the token in the line
    unit: str = ""


def lex(line: str, spans: list[tuple[int, int]], start: int, end: int) -> list[_Item]:
    """Items of ``line[start:end]``: words, punctuation, spaces, glyphs and numeric tokens."""
    items: list[_Item] = []
    pos = start
    for slot, (token_start, token_end) in enumerate(spans):
        if token_end <= start or token_start >= end:
            continue
        _lex_text(line, pos, token_start, items)
        item = _Item("num", line[token_start:token_end], token_start, token_end, slot)
        if is_value(item.text):
            m = _UNIT.match(line, token_end)
            if m is not None and m.end() <= end:
                item.unit = m.group()
                item.end = m.end()
        else:
            item.kind = "time"
        items.append(item)
        pos = item.end
    _lex_text(line, pos, end, items)
    return items


def _lex_text(line: str, start: int, end: int, items: list[_Item]) -> None:
    for m in _LEX.finditer(line, start, end):
        kind = m.lastgroup or "other"
        if kind == "dword":
            kind = "word"  # a name opening with digits, before its value (`16_h1=0.99`)
        text = m.group()
        if kind == "word":
            if text.endswith("'s") and len(text) > 2:
                text = text[:-2]  # `train's auc`: the train set's auc, `train_auc`
            stripped = text.rstrip(".'-")
            if "(" in stripped and ")" not in stripped and stripped.endswith("("):
                stripped = stripped[:-1]
            if stripped != text:
                items.append(_Item("word", stripped, m.start(), m.start() + len(stripped)))
                rest = m.start() + len(stripped)
                for char_index in range(rest, m.end()):
                    items.append(_Item("p", line[char_index], char_index, char_index + 1))
                continue
        items.append(_Item(kind, text, m.start(), m.start() + len(text)))


def token_spans(line: str) -> list[tuple[int, int]]:
    """The spans of the numeric tokens of a line whose bar glyphs are folded already."""
    return [m.span() for m in VALUE_TOKEN.finditer(line)]


def fold_glyphs(line: str) -> str:
    """The line with each run of progress-bar glyphs as one ``\\x01``."""
    return BAR_GLYPHS.sub(GLYPH, line)


# -- the entry point ---------------------------------------------------------------------


def interpret(line: str) -> Program:
    """What the numeric tokens of one line mean (``line`` has its bar glyphs folded).

    Stateless: tables and boxed tables, whose rows mean what their header says, are read by
    :mod:`~mlop_cli.sources.console.tables`; this reads a line on its own.
    """
    program = _interpret(line)
    if ") = (" in line or "): (" in line:
        _tuple_pairs(line, program)
    if not program.metrics:
        return program
    spans = token_spans(line)
    start = split_prefix(line).start  # (where the message starts: the rules below read it)
    if "ing" in line:
        # `Fitting cascade layer = 1`: a status message (its verb first) says what it is
        # doing, and a whole number there is which one, not a measure (`Training loss = 3`
        # holds a metric's word; `Running average = 0.33` is no whole number).
        _leave_out(
            program,
            lambda m: _doing_which(m[0], line, spans[m[1]]),
            "a status message's number says which, not how much",
        )
    tags = _LEADING_TAGS.match(line, start) if "[" in line else None
    if tags is not None:
        # `[CV, bracket=2] validation score of 0.93`, `[trial=3, lr=0.01] loss=0.3`: pairs in
        # the bracketed tags opening a message say whose line it is and with what settings;
        # a measure in one (`[D loss: 0.69]`, a GAN's) stays.
        end = tags.end()
        _leave_out(
            program,
            lambda m: spans[m[1]][0] < end and not _measured(m[0]),
            "settings in the tags opening the line",
        )
    if line[-1:] in _DECORATIONS and _DECORATED.fullmatch(line):
        # `=== threshold = 0.2 ===`, `---- lr: 0.01 ----`: a section's title names the setting
        # its section runs with; a measure in one (`*** best acc = 0.91 ***`) stays.
        _leave_out(program, lambda m: not _measured(m[0]), "a setting in a section's title")
    if len(program.metrics) >= _MIN_ITEMS and items_by_number([m[0] for m in program.metrics]):
        # `{'var_0': 0.085, 'var_1': 0.174, …}`, `f0=0.1 f1=0.2 f2=0.4`: a value per feature
        # (a selector's scores, a model's weights), numbered items, no measures of the run.
        _leave_out(program, lambda m: True, "values per numbered item (`var_0`, `var_1`, …)")
    if "etric" in line and _METRIC_COLUMN_HEADER.fullmatch(line, start):
        # `       Test metric              DataLoader 0` (Lightning's results table without
        # rich): the header over a column of names and one of values per dataloader
        _leave_out(program, lambda m: True, "a results table's header: its columns' titles")
    if "(" in line and _DONE_TIMED.match(line, start):
        # `DONE (t=0.01s).`, `Done (t=1.20s)`: how long a step of the tool took, no metric
        _leave_out(program, lambda m: True, "the time a step took, after its status word")
    labelled = _OPENING_LABEL.match(line, start)
    if labelled is not None and any(
        w.lower() in SETTING_LABELS for w in _LABEL_WORDS.findall(labelled.group(1))
    ):
        # `Param group 0: lr = 0.01`, `Hyperparameters: lr=0.1 wd=0.01`: a label of settings
        # says what follows is what the run was set to; a measure there stays.
        _leave_out(program, lambda m: not _measured(m[0]), "settings under a label saying so")
    if "#" in line:
        counted = _NUMBER_SIGN_NAME.match(line, start)
        if counted is not None and not _measured(counted.group(1)):
            # `# structures (graph): 32`, `# variables = 5`: the number sign says how many
            # things, whole numbers never a series (see count_kind).
            at = counted.end() - 1
            program.metrics = [
                (f"#{n}" if spans[slot][0] == at else n, slot, k) for n, slot, k in program.metrics
            ]
    if program.tag_slot is not None:
        _leave_out_identity_settings(program)
    else:
        whose = _PREFIX_IDENTITY.search(line, 0, start)
        if whose is not None:
            # `… trial-0    train INFO     epoch 1 step 10: loss=…` (a process or a logger
            # per trial, as the logging cookbook's queue listener prints them): the prefix
            # says whose values they are; trials logging side by side are never merged.
            tag = f"{whose.group(1).lower()}_{whose.group(2)}"
            program.metrics = [
                (f"{tag}/{name}", slot, kind) for name, slot, kind in program.metrics
            ]
    return program


def _phase_carries_over(program: Program, line: str, spans: list[tuple[int, int]]) -> None:
    """`Train Loss: 1.59 | Acc: 32.00` then `Test Loss: 1.51 | Acc: 34.62`, `Epoch 1 train
    loss 1.00 acc 0.60` then `… val loss 1.20 acc 0.50`: the phase word opening a value's name
    (two words as printed) names the bare measures after it (`Train_Acc`, `val_acc`), up to the
    next name opened by a phase: a train and a test value never share a series. Names that are
    no measure (`Time`, `lr`) and names with a phase of their own keep theirs, and so do the
    names of a list after a comma (`Validation loss: 0.38, accuracy: 89.69%`, `train loss 1.79,
    accuracy: 0.47` with an evaluation's measures: as printed)."""
    phase = ""
    carried = []
    last = 0  # where the previous value ends
    for name, slot, kind in program.metrics:
        head = WORDS.findall(name)
        listed = "," in line[last : spans[slot][0]]
        last = spans[slot][1]
        if "/" in name or listed:
            phase = ""
        elif len(head) >= 2 and head[0].lower() in PHASES and f"{head[0]} {head[1]}" in line:
            phase = head[0]
        elif says_phase(name):
            phase = ""  # (`val_loss`: a phase of its own, one word; it carries nothing)
        elif phase and holds_metric_word(head):
            name = f"{phase}_{name}"
        carried.append((name, slot, kind))
    program.metrics = carried


def _leave_out_identity_settings(program: Program) -> None:
    """`trial 3 | lr 0.3 | l2 0.0 | epoch 2/5 | loss …`: between a trial's (a job's, a fold's)
    number and its own counters stand the settings it runs with, not measures of it; a
    measure there (`trial 1 finished: best_val_acc=0.80 @ epoch 4`) stays."""
    tag = program.tag_slot
    assert tag is not None
    after = [s for s in (program.step, program.epoch, program.position) if s is not None]
    first = min((s for s in after if s > tag), default=None)
    if first is not None:
        _leave_out(
            program,
            lambda m: tag < m[1] < first and not _measured(m[0]),
            "a trial's settings, between its number and its counters",
        )


def _leave_out(program: Program, out: Callable[[tuple[str, int, int]], bool], why: str) -> None:
    """Leave out the metrics ``out`` says are none, saying ``why`` (for `mlop parse`)."""
    kept = [m for m in program.metrics if not out(m)]
    if len(kept) < len(program.metrics):
        program.metrics, program.dropped = kept, why


def _measured(name: str) -> bool:
    """Whether a name says it measures: a metric's word or a phase in it."""
    return holds_metric_word(WORDS.findall(name)) or says_phase(name)


def _doing_which(name: str, line: str, span: tuple[int, int]) -> bool:
    """Whether a value named by a status message (`Fitting_cascade_layer`) is a whole number
    saying which thing it is at: its name opens with a verb's -ing form, capitalised, and
    holds no metric's word."""
    words = name.split("_")
    first = words[0]
    return (
        len(words) >= 2
        and len(first) > 5
        and first[0].isupper()
        and first.endswith("ing")
        and "/" not in name
        and not holds_metric_word(words)
        and line[span[0] : span[1]].rstrip(".").isdigit()  # (`Timeout: 300. Remaining …`)
    )


# The bracketed tags opening a message (`[CV, bracket=2] `, `[Epoch 1] [lr=0.01] `).
_LEADING_TAGS = re.compile(r"[ \t]*(?:\[[^\[\]\n]{1,80}\][ \t]*)+")


# A line titled between runs of the same decoration (`=== … ===`, `--- … ---`, `## … ##`;
# a run of `=` is folded to a glyph as a bar's is).
_DECORATIONS = "=-#*~" + GLYPH
# A header over a column of metrics' names and columns of values numbered by what they are of
# (`Test metric        DataLoader 0        DataLoader 1`).
_METRIC_COLUMN_HEADER = re.compile(
    r"[ \t]*[A-Za-z][A-Za-z ]{0,30}?[Mm]etrics?(?:[ \t]{2,}[A-Za-z][A-Za-z_]*[ ]\d{1,3})+[ \t]*"
)
# A status word, then its timing in parentheses (`DONE (t=0.01s).`).
_DONE_TIMED = re.compile(
    r"[ \t]*(?:done|finished|completed)[ ]*\([ ]*\w+[ ]*[=:][ ]*[\d.]+[ ]*(?:s|ms|sec)\)[ .]*$",
    re.IGNORECASE,
)
# A label opening a message, maybe numbered (`Param group 0: `, `Hyperparameters: `).
_OPENING_LABEL = re.compile(r"[ \t]*([A-Za-z][A-Za-z _\-]{0,40}?)(?:[ ]\d+)?[ ]*:[ ]")
# A name after the number sign, then a whole number (`# structures (graph): 32`, `# variables = 5`).
_NUMBER_SIGN_NAME = re.compile(
    r"[ \t]*#[ ]?([A-Za-z][A-Za-z_ ().,/\-]{0,60}?)[ ]*[:=][ ]*\d(?=\d*(?![\d.]))"
)
# A trial's, a fold's or a job's number in a line's prefix: a process or a logger named for it.
_PREFIX_IDENTITY = re.compile(r"(?<![A-Za-z])(trial|fold|job)[-_ ]?(\d+)(?![\w.])", re.IGNORECASE)
_DECORATED = re.compile(
    rf"[ \t]*{GLYPH}[ ].*[^ ][ ]{GLYPH}[ \t]*|[ \t]*([=#*~\-])\1+[ ].*[^ ][ ]\1{{2,}}[ \t]*"
)


def _interpret(line: str) -> Program:
    """What interpret says, before the settings it names by their place are left out."""
    spans = token_spans(line)
    if not spans:
        return EMPTY
    prefix = split_prefix(line)
    start, end = prefix.start, prefix.end
    program = Program(rank=prefix.rank, numbers=len(spans))
    if prefix.rank_at >= 0:
        # srun's `3: ` is a number like any: the rank is read from each line's own token.
        program.rank_slot = next(
            (i for i, span in enumerate(spans) if span[0] == prefix.rank_at), None
        )  # (none: the rank is glued to a word, `[rank1]`, and the shape holds it)
    message = line[start:end]
    stripped = message.strip()
    if not stripped:
        return EMPTY
    from mlop_cli.sources.console.noise import is_noise

    if is_noise(message) or is_noise(line):
        return EMPTY
    labelled = _LOGGER_LABEL.match(message)
    if labelled is not None and is_noise(message[labelled.end() :]):
        return EMPTY  # `train | [LightGBM] [Info] …`: a library's banner under a logger's name
    if stripped[-1] == ")" and "} " in stripped:
        # `Intermediate result: {'default': 0.9, 'val_loss': 0.41}  (Index 0)` (NNI's): a
        # record, then its counter in parentheses, which places it.
        after = _COUNTER_AFTER_RECORD.search(line, start, end)
        if after is not None and after.group(1).lower() in _TRAILING_COUNTERS:
            cut = after.start() + 1
            record = _interpret(line[:cut])
            brace = line.find("{", start, cut)
            if not record.metrics and brace >= 0 and line[start:brace].rstrip().endswith(":"):
                # (any label: the counter after the record places it, `Intermediate result:`)
                titled = [w.lower() for w in WORDS.findall(line[start:brace])]
                if not any(w in SETTING_LABELS for w in titled):
                    record = Program(rank=prefix.rank)
                    _read_object(line, brace, cut, spans, record)
            if record.metrics:
                slot = _slot_at(spans, cut, after.end())
                if after.group(1).lower() in EPOCH_WORDS:
                    record.epoch, record.per_epoch = slot, True
                else:
                    record.step, record.epoch = slot, None
                record.numbers = len(spans)
                return record
    if stripped[-1] in "}." and " and " in stripped:
        # `Trial 0 finished with values: {'v0': 36.1, 'v1': 16.6} and parameters: {'x': 2.1}.`
        # (Optuna's multi-objective trial): the settings' record after the results' is no
        # part of them; the results are read as if alone.
        tail = _SETTINGS_TAIL.search(line, start, end)
        if tail is not None:
            record = _interpret(line[: tail.start()])
            if record.metrics:
                record.numbers = len(spans)
                return record
    if stripped[0] == "{" and stripped[-1] == "}":
        offset = start + (len(message) - len(message.lstrip()))
        if _read_object(line, offset, offset + len(stripped), spans, program, bare=True):
            _count_so_far_is_the_step(line, spans, program)
            return program
    elif stripped[:2] == "[{" and stripped[-2:] == "}]" and stripped.count("{") == 1:
        # `print(trainer.test(model))`: Lightning's list of one dataloader's results.
        offset = start + (len(message) - len(message.lstrip())) + 1
        if _read_object(line, offset, offset + len(stripped) - 2, spans, program):
            return program
    elif stripped[-1] == "}" and " | {" in stripped:
        # An event's message, then the fields it was logged with (loguru's `{extra}`: `train |
        # {'epoch': 1, 'step': 10, 'loss': …}`): the record, read as printed alone; a message
        # saying the fields are settings (`config | {…}`) holds none.
        brace = message.rindex(" | {") + 3
        head_words = [w.lower() for w in WORDS.findall(message[:brace])]
        offset = start + brace
        if (
            not any(span[0] < offset and span[0] >= start for span in spans)
            and not any(w in SETTING_LABELS for w in head_words)
            and _read_object(line, offset, start + len(message.rstrip()), spans, program)
        ):
            _count_so_far_is_the_step(line, spans, program)
            return program
        return Program(rank=prefix.rank, numbers=len(spans))
    elif stripped[-1] == "}" and (number_first := _NUMBER_THEN_RECORD.fullmatch(message)):
        # `2176 {'eval/episode_reward': 32.8, …}` (`print(num_steps, metrics)`, Brax's
        # progress_fn): the whole number before the record is its step.
        brace = number_first.start(2)
        if _read_object(line, start + brace, start + len(message.rstrip()), spans, program):
            program.step = _slot_at(spans, start + number_first.start(1), end)
            program.epoch = None
            return program
        return Program(rank=prefix.rank, numbers=len(spans))
    elif stripped[-1] == "}" and (
        _colon_record(message) or (" {" in stripped and _LABEL_THEN_RECORD.fullmatch(message))
    ):
        # A record after a label (`epoch 0: {'accuracy': 0.87, 'f1': 0.86}`, `Validation:
        # {…}`), or after counters and a phase alone (`step 20, train {…}`, `global_step:
        # 20, {…}`): the label's counters place it, its phase names it, the record is read.
        colon = _colon_record(message)
        brace = message.index("{") if colon else message.index(" {") + 1
        offset = start + brace
        end_at = start + len(message.rstrip())
        label_words = [w.lower() for w in _LABEL_WORDS.findall(message[:brace])]
        if (
            _read_object(line, offset, end_at, spans, program)
            and program.metrics
            and any(w in _RECORD_LABELS or w in PHASES for w in label_words)
            and (colon or all(_labels_a_record(w) for w in _NAMES.findall(message[:brace])))
            and not any(w in SETTING_LABELS for w in label_words)
        ):
            head = Program()
            _read_pairs(lex(line, spans, start, offset), head)
            if head.metrics:
                # values before the record: not a label, not read here
                return Program(rank=prefix.rank, numbers=len(spans))
            program.metrics = [
                m
                for m in program.metrics
                if not any(part.lower() in SETTING_LABELS for part in m[0].split("/")[:-1])
            ]
            # The label's counters place the record (`epoch 0: {…}`); a label without one
            # leaves the record's own (`Training result: {'epoch': 3, …}`).
            if head.epoch is not None or head.step is not None or not program.record_epoch:
                program.epoch, program.step = head.epoch, head.step
            program.positional_step, program.total = head.positional_step, head.total
            phases = [w for w in WORDS.findall(message[:brace]) if w.lower() in PHASES]
            if phases:
                label = "_".join(phases)
                program.metrics = [
                    (n if n.lower().startswith(label.lower()) else under_phase(n, label), slot, k)
                    for n, slot, k in program.metrics
                ]  # (`eval: {'eval_loss': …}` is eval_loss already; `Training result:
                # {'train_loss': …, 'val_loss': …}` names its phases itself)
            program.per_epoch = (
                program.epoch is not None and program.step is None and head.epoch is not None
            )
            _count_so_far_is_the_step(line, spans, program)
            return program
        # Settings, or a record no label places: its numbers are read by no shape.
        return Program(rank=prefix.rank, numbers=len(spans))
    if stripped[-1] == "]" or stripped.endswith("])"):
        pairs = _read_tuple_pairs(line, start, end, spans, program)
        if pairs is not None:
            return pairs
    bar_zone = _read_bar(line, start, end, spans, program)
    items = lex(line, spans, start, end)
    bar_phase = ""
    if bar_zone is not None:
        # The description and the bar itself hold no metric; the postfix does.
        desc_end, postfix_start = bar_zone
        # A bar counting data (datasets' `Map: … 32/32 [… 9287.67 examples/s]`, a download's
        # `MB/s`) or an evaluation's batches (`Validation ━━━ 4/4`): not the run's steps.
        first = _FIRST_WORD.match(line)
        program.uncounted = _DATA_RATE.search(line, desc_end) is not None or (
            first is not None and first.group(1).lower() in _EVAL_BARS
        )
        desc = [item for item in items if item.end <= desc_end]
        _read_description(desc, program, line, spans)
        items = [item for item in items if item.start >= postfix_start]
        phased = _BRACKETED_PHASE.search(line, start, desc_end)
        if phased is not None and phased.group(1).lower() in PHASES:
            # `1/3 * Epoch (train):  10%|█ | 1/10 [… loss=1.2]`: the loader the bar runs,
            # in brackets in its description, is the phase of its values (`train/loss`).
            bar_phase = phased.group(1)
        else:
            alone = _PHASE_DESCRIPTION.fullmatch(line, start, desc_end)
            if alone is not None and alone.group(1).lower() in EVAL_PHASES:
                # `valid:  33%|… [… dice_loss - 0.71]` beside `train: …`: the evaluation's
                # values, never points of the training's series of the same names.
                bar_phase = alone.group(1)
    before = len(program.metrics)
    _read_pairs(items, program)
    if (
        program.position is not None
        and program.step is not None
        and not program.bar
        and program.epoch is None
        and program.position < program.step
        and program.first_step_word in _COARSE_COUNTERS
    ):
        # `   376/2000: episode: 30, …` (keras-rl's episode lines): the run's count of steps
        # opening the line is the step; the episode's number counts coarser.
        program.step, program.position, program.total = program.position, None, None
    if bar_phase:
        program.metrics[before:] = [
            (under_phase(name, bar_phase), slot, k) for name, slot, k in program.metrics[before:]
        ]
    if (
        program.cut
        and program.metrics
        and program.metrics[-1][1] == len(spans) - 1
        and not line[spans[-1][1] : end].strip()
    ):
        # `…, train_loss_epoch=0` at the edge: maybe `0.712` cut (a value with more text
        # after it, `loglstar: -64.347 | logz:`, is whole)
        del program.metrics[-1]
    _count_so_far_is_the_step(line, spans, program)
    if (
        program.metrics
        and _LABELLED_TEXT.match(line, spans[-1][1], end)
        and all(line[a:b].isdigit() for a, b in spans)
    ):
        # `rank 0 sample 0: Hello, I'm a language model, …`: whole numbers that say which
        # text follows (a generated sample, a message), not values (`val_loss 0.41: new best
        # model saved` keeps its value).
        program.metrics = []
    if program.metrics and _quantile_titles(message, line, spans):
        program.metrics = []  # `mean  std  median  5.0%  95.0%  n_eff`: a header, not values
    if program.metrics and " * " in line:
        # `Loss = 1.0 * KDLoss(`, `loss = 0.5 * mse + 0.5 * ce`: a coefficient of an
        # expression (a loss's definition), no value of the run.
        program.metrics = [
            m for m in program.metrics if _COEFFICIENT.match(line, spans[m[1]][1]) is None
        ]
    if program.metrics and "(" in line:
        _drop_arguments(line, start, end, spans, program)
    if len(program.metrics) > 1:
        _drop_parameters(line, start, end, spans, program)
        if "%|" not in line:
            _phase_carries_over(program, line, spans)
        _drop_repeated_names(program)
    # Per epoch: an epoch and nothing finer (no step of its own, no position in the epoch).
    program.per_epoch = (
        program.epoch is not None and program.step is None and program.position is None
    )
    return program


OVER_WORDS = frozenset("over per".split())
# Names of numbered items (`var_0`, `f3`, `x12`, `feature 7`): a word, then the item's number.
_NUMBERED_ITEM = re.compile(r"([A-Za-z][A-Za-z_]*?)[ _]?(\d+)")
_MIN_ITEMS = 3


def items_by_number(names: list[str]) -> bool:
    """Whether names are numbered inputs of one kind, numbered in turn (`var_0`, `var_1`,
    `var_2`; `f0` … `f5`; `x1` … `x3`): values per feature or per input. Only words naming an
    input or a model's parameter count: numbered classes, seeds, runs, heads or horizons
    (`class_0=0.91`, `seed1=0.83`) are results per case, kept."""
    stem = None
    numbers = []
    for name in names:
        m = _NUMBERED_ITEM.fullmatch(name)
        if m is None or (stem is not None and m.group(1) != stem):
            return False
        stem = m.group(1)
        numbers.append(int(m.group(2)))
    if stem is None or len(numbers) < _MIN_ITEMS:
        return False
    word = stem.rstrip("_ ").lower()
    if word not in _INPUT_WORDS:
        return False
    ordered = sorted(numbers)
    return ordered == list(range(ordered[0], ordered[0] + len(ordered)))


# Words naming an input of the model or one of its parameters, numbered (`var_3`, `f0`, `x1`,
# `feature_2`, `coef_1`, `pc2`).
_INPUT_WORDS = frozenset(
    "var variable f feat feature x col column input attr attrib attribute coef beta theta w "
    "pc component dim".split()
)
_SIZE_UNIT = re.compile(r"[KMGT]i?B|bytes")


def _next_key_at(items: list[_Item], index: int) -> int | None:
    """Where the next key starts after a key's one-word text value that ends at ``index``: the
    first wide gap (`Constant Mean   Adj. R-squared:`), else ``index`` itself (`NormalDist
    Effective DoF:`); None when no key (words, then `:`) follows before a number."""
    gap = None
    searching = True  # (a wide gap counts only before anything but words and full stops)
    for j in range(index, len(items)):
        item = items[j]
        if item.text == ":":
            return index if gap is None else gap
        if item.kind == "ws":
            if searching and len(item.text) >= 2:
                gap, searching = j, False
        elif item.kind != "word" and item.text != ".":
            searching = False
            if item.text not in "-()":
                return None
    return None


def opens_with_phase(name: str) -> bool:
    """Whether a name's first word (or its first part, `val_loss`) is a phase's."""
    first = re.split(r"[^A-Za-z]+", name.lstrip("_"), maxsplit=1)[0].lower()
    return first in PHASES


def says_other_phase(name: str, label: list[str]) -> bool:
    """Whether a name says a phase other than its label's: `val_loss`, `best_val_acc` under a
    training label (a logger named `train`). The label's own phase (`train_wall` under
    `train`) keeps the label: a summary's series apart from the running one's."""
    other = EVAL_PHASES if {w.lower() for w in label} <= _TRAIN_PHASES else _TRAIN_PHASES
    return any(part.lower() in other for part in WORDS.findall(name))


_TRAIN_PHASES = PHASES - EVAL_PHASES


def says_phase(name: str) -> bool:
    """Whether any part of a name is a phase (`val`, `eval_pearson_cosine`, `best_val_acc`)."""
    return any(part.lower() in PHASES for part in WORDS.findall(name))


def under_phase(name: str, phase: str) -> str:
    """A value's name under the phase that labels it (`Eval/loss`), unless the name says its
    own phase already (`val_loss`, `train loss` on a test line)."""
    return name if opens_with_phase(name) else f"{phase}/{name}"


# A phase in brackets in a bar's description (`Epoch (train)`, `[valid]`).
_BRACKETED_PHASE = re.compile(r"[(\[]([A-Za-z]+)[)\]]")


def _over_counter(words: list[str]) -> bool:
    """`Training acc over epoch`, `loss per epoch`: a value over a counter's run, named so."""
    return (
        len(words) >= 3
        and words[-2].lower() in OVER_WORDS
        and _is_counter_words(words[-1:]) is not None
    )


# Words that say where in a counter's run a line is (`Start of epoch 0`, `End of epoch 3`).
_MARKER_WORDS = frozenset("start starting begin beginning end ending of up to after".split())
# A tag that says a line holds a metric, without saying which (`Metric: loss = 1.19`).
_TAG_WORDS = frozenset("metric metrics".split())
# A record after a label is the run's values when the label says when (a counter) or what
# (a phase, `metrics`); settings are labelled as such (`Best params: {'C': 1.0}`), as are the
# parts of a record that hold them (`{'target': 0.9, 'params': {'x': 1.0}}`).
_COUNTER_NAMES = STEP_WORDS | EPOCH_WORDS
_RECORD_LABELS = _COUNTER_NAMES | METRIC_WORDS | {"metrics", "scores", "results", "values"}
# (`result` alone is not one: `Best result: {'target': …, 'params': …}` repeats a trial)
_RECORD_LABELS |= {"metric", "score"}
# The words of a record's label, a word in CamelCase as its parts (`Aggregated MetricRecord:`,
# `ConfigRecord (train):`, `EvalResults:`).
_LABEL_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
# Nouns naming a phase's data (`train set`, `test split`): part of the phase's label.
_SPLIT_NOUNS = frozenset(("set", "split", "data", "dataset"))
# Words of a label saying its line holds results (`Test results:`, `Final metrics:`).
_RESULT_LABELS = frozenset("results result metrics scores summary stats statistics".split())
_NAMES = re.compile(r"[A-Za-z_]+")


def _colon_record(message: str) -> bool:
    """Whether a message's first brace opens a record after a label's colon (`epoch 0: {…}`;
    in `step 2 {'info': {…}}` the colon is the record's own)."""
    brace = message.find("{")
    return brace >= 2 and message[brace - 2 : brace] == ": "


def _labels_a_record(name: str) -> bool:
    """Whether a word before a record with no colon is a counter's or a phase's
    (`global_step`, `train`): the record is placed and named by them alone."""
    lowered = name.lower()
    return (
        lowered in _RECORD_LABELS or lowered in PHASES or lowered.split("_")[-1] in _COUNTER_NAMES
    )


# A record's end, then its counter in parentheses (`…}  (Index 0)`).
_COUNTER_AFTER_RECORD = re.compile(r"\}[ \t]*\(([A-Za-z]+)[ ]\d+\)[ \t]*$")
_TRAILING_COUNTERS = _COUNTER_NAMES | {"index"}


def _slot_at(spans: list[tuple[int, int]], start: int, end: int) -> int:
    """The first token between two positions of the line (a counter's number)."""
    return next(i for i, span in enumerate(spans) if start <= span[0] < end)


# A logger's name heading the message (`train | `), as `%(name)s | %(message)s` prints it.
_LOGGER_LABEL = re.compile(r"[ \t]*[A-Za-z_][\w.\-]*[ ]\|[ ]")
# The settings' record closing a line after its results (`… and parameters: {'x': 2.1}.`).
_SETTINGS_TAIL = re.compile(
    r"[ ,;]+and[ ]+(?:params|parameters|hyperparameters|hparams|config)[ ]*:?[ ]*\{.*\}\.?[ \t]*$"
)
# A whole number, then a record (`2176 {…}`).
_NUMBER_THEN_RECORD = re.compile(r"[ \t]*(\d+)[,:]?[ ]+(\{).*\}[ \t]*")
# Counters and a phase before a record, with no colon (`step 20, train {…}`).
_LABEL_THEN_RECORD = re.compile(r"[ \t]*[\w ,:=/]{1,60}?[ ]\{.*\}[ \t]*")
SETTING_LABELS = frozenset(
    "param params parameter parameters hparams hyperparameter hyperparameters hyperparams "
    "config configuration arg args argument arguments kwargs setting settings option options "
    "space".split()
)
_STATUS_VERBS = frozenset(
    "Using Loading Saving Found Setting Creating Building Downloading Initializing Starting "
    "Preparing Reading Writing Loaded Saved Created Wrote Fitting".split()
)
_CONFIDENCE_WORDS = frozenset(("lower", "upper", "ci", "conf", "confidence", "interval"))


# A bar's description that is a phase alone (`valid: `, `Validation:`); its first word.
_PHASE_DESCRIPTION = re.compile(r"[ \t]*([A-Za-z]+)[ ]*:?[ ]*")
_FIRST_WORD = re.compile(r"[ \t]*([A-Za-z]+)")
# A bar described by an evaluation counts its batches (`Validating`, as Lightning's bars say).
_EVAL_BARS = EVAL_PHASES | {"validating", "evaluating"}
# The rate of a bar that counts data (examples, bytes, files, shards), not a run's steps.
_DATA_RATE = re.compile(r"(?<=[ \d])(?:examples|ex|[kMG]?i?B|files|shards|docs)/s\b")


def _dash_names(items: list[_Item], index: int) -> bool:
    """Whether the ``-`` at ``index`` stands between a name and its value, a space each side,
    the value ending its field (`dice_loss - 0.6311,`; `loss: 0.5 - acc: 0.9` is Keras'
    separator of pairs, a name after it)."""
    return (
        index >= 2
        and index + 2 < len(items)
        and items[index - 1].text == " "
        and items[index - 2].kind == "word"
        and items[index + 1].text == " "
        and items[index + 2].kind == "num"
        and (index + 3 >= len(items) or items[index + 3].text in (",", "]", ";", "|"))
    )


def _labels_next(items: list[_Item], index: int) -> bool:
    """Whether the ``(`` at ``index`` holds one word and a value follows it after a space:
    `(val) -2.3386`, a label in parentheses."""
    return (
        index + 4 < len(items)
        and items[index + 1].kind == "word"
        and items[index + 2].text == ")"
        and items[index + 3].text == " "
        and items[index + 4].kind == "num"
    )


def _qualifier_group(items: list[_Item], index: int) -> int | None:
    """The index of the ``)`` closing a one-token group at ``index`` (``(top1)``,
    ``(Precision@1)``) that a ``:`` or ``=`` and a number follow; None if it is not one."""
    close = index + 1
    spaces = 0
    while close < len(items) and close <= index + 8 and items[close].text != ")":
        if items[close].kind == "ws":
            # `Gradient Norm (stopping criterion): 0.29`: a few words, one space apart
            spaces += 1
            if items[close].text != " " or spaces > 3:
                return None
        elif items[close].text in "(=:,;|" or items[close].kind == "num":
            return None
        close += 1
    if close >= len(items) or close == index + 1 or items[close].text != ")":
        return None
    after = _next_significant(items, close)
    if after is not None and items[after].kind == "num" and items[close + 1].text == " ":
        # `Validation RMSE (kcal/mol) 165.08`: a unit in parentheses, then the value
        inner = "".join(items[j].text for j in range(index + 1, close))
        return close if _UNIT_GROUP.fullmatch(inner) else None
    if after is None or items[after].text not in (":", "="):
        return None
    value = _next_significant(items, after)
    return close if value is not None and items[value].kind == "num" else None


# Units of measure written apart from their value (`543.54 meV`, `12.3 kcal/mol`, `31.2 dB`):
# the value's unit, never a thing the number counts.
_MEASURE_UNITS = frozenset(
    "eV meV keV MeV GeV Ha mHa Hartree kcal kJ Å nm pm dB Hz kHz MHz GHz ppm bpd bits nats "
    "mW kW Wh kWh".split()
)


# A unit of measure in parentheses: a ratio of units (`kcal/mol`, `meV/atom`) or one of them.
_UNIT_GROUP = re.compile(
    r"[A-Za-zµÅ]{1,6}/[A-Za-zµÅ]{1,6}|%|ms|s|sec|MB|GB|KB|MiB|GiB|"
    + "|".join(sorted(_MEASURE_UNITS, key=len, reverse=True))
)


# (three words, then text: `{3,}` before `[^\d:=]*`, which takes more words too, backtracked
# quadratically on a long line)
# (Each word is taken whole, `(?=(…))\1` being an atomic group: a word may be read one way only,
# so that a line of 64 KiB is read in linear time.)
_LABELLED_TEXT = re.compile(r"[ ]*:[ ]+(?:(?=[^\s:=]*[^\d\s:=.+\-])(?=([^\s:=]+))\1[ ]+){3}[^:=]*$")
_CELL_TEXT = re.compile(r"[A-Za-z_][\w.()\-]*")


def _quantile_titles(message: str, line: str, spans: list[tuple[int, int]]) -> bool:
    """Whether a line is a table's header whose titles include quantiles (`mean  std  median
    5.0%  95.0%  n_eff  r_hat`): every number a percentage, among three or more titles."""
    if not all(line[end : end + 1] == "%" for _, end in spans):
        return False
    cells = [c for c in re.split(r"[ ]{2,}|\t", message.strip()) if c]
    titles = [c for c in cells if _CELL_TEXT.fullmatch(c)]
    return len(cells) >= 5 and len(titles) >= 3


def _drop_repeated_names(program: Program) -> None:
    """A name given twice on one line names no series: column titles (``Fold 1  Fold 2  Fold
    3  Mean``), or values that nothing tells apart; two values never share a series."""
    names = [name for name, _, _ in program.metrics]
    if len(set(names)) < len(names):
        program.metrics = [m for m in program.metrics if names.count(m[0]) == 1]


def _count_so_far_is_the_step(line: str, spans: list[tuple[int, int]], program: Program) -> None:
    """A record's count so far (``Eval num_timesteps=1000, episode_reward=9.5``,
    ``{'global_steps': 120, 'loss': …}``) is its step, not a metric: a whole number named by a
    step word after a word like ``num`` or ``total``, beside metrics and with no other step."""
    if len(program.metrics) < 2:
        return
    inner = [
        m
        for m in program.metrics
        if (parts := WORDS.findall(m[0].rsplit("/", 1)[-1]))
        and len(parts) >= 2
        and parts[-1].lower() in STEP_WORDS
        and parts[-2].lower() in _INNER_LOOP
        and _whole(line, spans, m[1])
    ]
    if inner:
        # An inner loop's counter (`EM sub_iter=1 size=2343 obj=7.85`): it starts again
        # with each outer round, so it is no step of the run, and no metric.
        program.metrics = [m for m in program.metrics if m not in inner]
    if program.step is not None or len(program.metrics) < 2:
        return
    for index, (name, slot, kind) in enumerate(program.metrics):
        parts = WORDS.findall(name.rsplit("/", 1)[-1])
        if (
            kind == 0
            and len(parts) >= 2
            and parts[-1].lower() in STEP_WORDS
            and parts[-2].lower() in COUNT_SO_FAR
            and _whole(line, spans, slot)
        ):
            program.step = slot
            del program.metrics[index]
            return


# A class's name glued to its arguments' parenthesis (`Normal(`, `HalfStudentT(`, `SGD(`).
_CONSTRUCTOR = re.compile(r"(?<![\w.])[A-Z][A-Za-z0-9_]*\((?=[ ]*[A-Za-z_]\w*[ ]?[:=])")


# A number multiplying a call or a term added to others (`1.0 * KDLoss(`, `0.5 * mse + …`).
_COEFFICIENT = re.compile(r"[ ]\*[ ]+[A-Za-z_][\w.]*(?:\(|[ ]+[-+][ ])")


def _drop_arguments(
    line: str, start: int, end: int, spans: list[tuple[int, int]], program: Program
) -> None:
    """Values passed to a constructor as printed (`Intercept ~ Normal(mu: 1.30, sigma: 2.60)`,
    `SGD(lr: 0.01, momentum: 0.9)`): an object's settings, unless a name in it is a metric's
    (`EvalResult(loss=0.31, accuracy=0.9)`, a result's repr)."""
    for m in _CONSTRUCTOR.finditer(line, start, end):
        close = line.find(")", m.end(), end)
        if close < 0:
            close = end
        inside = [x for x in program.metrics if m.end() <= spans[x[1]][0] < close]
        if inside and not any(holds_metric_word([x[0]]) for x in inside):
            program.metrics[:] = [x for x in program.metrics if x not in inside]


_GROUP_SPLIT = re.compile(r";|[ ]-+>[ ]|[ ]=>[ ]")


def _drop_parameters(
    line: str, start: int, end: int, spans: list[tuple[int, int]], program: Program
) -> None:
    """A line in two parts, settings then what they gave (``C=0.1, gamma=0.01; score=0.75``,
    ``lr=0.1 wd=0 -> val_acc=0.91``): names before the one split that name no metric, when
    names after it do, are the trial's parameters, not series. A split inside the bracketed
    tags opening the line (`[CV 1/3; 1/5] END C=0.1; score=0.75`) is the tag's own."""
    tags = _LEADING_TAGS.match(line, start)
    if tags is not None:
        start = tags.end()
    splits = [m.start() for m in _GROUP_SPLIT.finditer(line, start, end)]
    if len(splits) != 1:
        return  # no split, or `;` separating every pair of a record
    before = [m for m in program.metrics if spans[m[1]][0] < splits[0]]
    if not before or len(before) == len(program.metrics):
        return
    after = [m for m in program.metrics if spans[m[1]][0] >= splits[0]]
    if any(holds_metric_word([m[0]]) for m in before):
        return
    if any(holds_metric_word([m[0]]) for m in after):
        program.metrics[:] = after


# -- objects ----------------------------------------------------------------------------

_OBJECT_LEX = re.compile(
    r"""\s*(?:(?P<wrap>(?:np|numpy|jnp|torch)\.\w+\(|tensor\(|Array\()
    |(?P<call>[A-Z][A-Za-z0-9_]*\((?=[A-Za-z_]\w*=))|(?P<field>[A-Za-z_]\w*=)
    |(?P<open>[{\[])|(?P<close>[}\])])|(?P<colon>:)|(?P<comma>,)
    |(?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
    |(?P<const>True|False|None|true|false|null)
    |(?P<other>[^\s{}\[\]:,'"]+))""",
    re.VERBOSE,
)
_MAX_DEPTH = 16
# A key that is a file's path (`/tmp/run/epoch=4.ckpt`, `./model.pt`): a file, no metric's name.
_FILE_KEY = re.compile(
    r"^(?:/|\.{1,2}/|~/|[A-Za-z]:\\)|\.(?:ckpt|pt|pth|bin|h5|hdf5|keras|onnx|safetensors|pkl|"
    r"pickle|npz|npy|json|csv|txt|model)$"
)
_UNQUOTED_KEY = re.compile(r"[ ]*[A-Za-z_$][\w$]*:[ ]")
_IDENTIFIER = re.compile(r"[A-Za-z_$][\w$]*")
_CALL_CLOSE = re.compile(r"(?:,[ ]*\w+=[\w.']+)*\)")  # `)`, `, dtype=float32)`


def _whole(line: str, spans: list[tuple[int, int]], slot: int) -> bool:
    """Whether the token in ``slot`` is printed as a whole number (`12`, not `12.0`)."""
    start, end = spans[slot]
    return line[start:end].isdigit()


def _unescaped(quoted: str) -> str:
    """A quoted key with its escapes decoded: JSON's (`\\u00e9`, `\\"`), or a Python repr's
    (`\\'`, `\\t`); as printed when it is neither."""
    try:
        if quoted[:1] == '"':
            value = json.loads(quoted)
        else:
            value = ast.literal_eval(quoted)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return quoted[1:-1]
    return value if isinstance(value, str) else quoted[1:-1]


def _read_object(
    line: str,
    start: int,
    end: int,
    spans: list[tuple[int, int]],
    program: Program,
    bare: bool = False,
) -> bool:
    """A JSON line or a Python dict repr: its numeric leaves are metrics named by their path.

    A Python repr that is mostly text (more strings than numbers) or holds None, a boolean or
    a list is configuration (``print(vars(args))``), not a record of metrics: nothing is read.
    JSON records are read whatever else they hold (structured logs carry text fields).
    ``bare``: the object is the whole line (no label says what it holds).
    Returns whether the line was such an object (read or refused).
    """
    python = line[start + 1 : start + 3].lstrip()[:1] == "'"
    # A JavaScript object as node prints it (`{ error: 0.0012, iterations: 716 }`): keys not
    # quoted; a print of an object, as a Python repr is (not a structured logger's JSON).
    bare_keys = not python and _UNQUOTED_KEY.match(line, start + 1, end) is not None
    python = python or bare_keys
    texts = 0
    phase = ""
    slot_at = {span[0]: index for index, span in enumerate(spans)}
    keys: list[str | None] = []
    expect_key = False
    pending_key: str | None = None
    found: list[tuple[list[str], int]] = []  # each leaf's path of keys and its token
    settings = False  # the record says it holds configuration (`"message": "config"`)
    wrapped = False  # the value is inside a call (`np.float64(0.25)`, `tensor(0.5)`)
    pos = start
    depth = 0
    while pos < end:
        if pos in slot_at and not expect_key and pending_key is not None:
            slot = slot_at[pos]
            found.append(([k for k in keys if k] + [pending_key], slot))
            pos = spans[slot][1]
            pending_key = None
            if wrapped:
                called = _CALL_CLOSE.match(line, pos, end)
                if called is None:
                    return False
                pos, wrapped = called.end(), False
            continue
        m = _OBJECT_LEX.match(line, pos, end)
        if m is None or m.end() == pos:
            return False
        kind = m.lastgroup
        pos = m.end()
        if kind == "wrap":
            if pending_key is None or wrapped:
                return False
            wrapped = True  # the number comes next
            continue
        if kind == "call":
            # A named tuple's repr as a value (`'rouge1': Score(precision=0.15, recall=0.1)`):
            # its fields are keys under the value's.
            if pending_key is None or wrapped:
                return False
            depth += 1
            keys.append(pending_key)
            pending_key = None
            expect_key = True
            continue
        if kind == "field":
            if not expect_key or not depth:
                return False
            pending_key = m.group("field")[:-1]
            expect_key = False
            continue
        if kind == "open":
            if m.group("open") == "[":
                if python:
                    return True  # a list value in a Python repr: configuration
                texts += 1
                close = line.find("]", pos, end)
                if close < 0:
                    return False
                pos = close + 1
                continue
            depth += 1
            if depth > _MAX_DEPTH:
                return False
            keys.append(pending_key)
            pending_key = None
            expect_key = True
        elif kind == "close":
            if not keys:
                return False
            keys.pop()
            depth -= 1
            expect_key = False
        elif kind == "string":
            text = m.group("string")[1:-1]
            if expect_key:
                # (`"pr\u00e9cision"`, `'top\'1'`: json.dumps escapes by default; the name is
                # the one the script gave)
                pending_key = (_unescaped(m.group("string")) if "\\" in text else text).strip()
                expect_key = False
            else:
                # A number printed as a string (`{'loss': '0.6905'}`, recent Hugging Face
                # Trainers) is a number; any other string is configuration.
                quoted = slot_at.get(m.start("string") + 1)
                if quoted is None or spans[quoted][1] != m.end("string") - 1 or pending_key is None:
                    if (
                        pending_key is not None
                        and (pending_key.lower() in _PHASE_KEYS or pending_key.lower() in PHASES)
                        and text.lower() in PHASES
                    ):
                        # `'split': 'test'`: the record is the test split's; so is `'train':
                        # 'eval'` (the fast.ai course's MetricsCB): never the training's values
                        phase = text
                    if (
                        pending_key is not None
                        and pending_key.lower() in _MESSAGE_KEYS
                        and len(text) < 64
                        and any(w.lower() in CONFIG_WORDS for w in re.findall(r"[A-Za-z]+", text))
                    ):
                        settings = True  # `"message_type": "train:config"`
                    texts += 1
                    pending_key = None
                    continue
                found.append(([k for k in keys if k] + [pending_key], quoted))
                pending_key = None
        elif kind == "colon":
            if pending_key is None:
                return False
            # Whitespace after the colon: the number starts after it.
            while pos < end and line[pos] in " \t":
                pos += 1
        elif kind == "comma":
            expect_key = True
            pending_key = None
        elif kind == "const":
            if python:
                return True  # True/False/None in a Python repr: configuration (`vars(args)`)
            texts += 1
            pending_key = None
        elif (
            kind == "other" and expect_key and bare_keys and _IDENTIFIER.fullmatch(m.group("other"))
        ):
            pending_key = m.group("other")
            expect_key = False
        else:
            return False  # something that is not an object of numbers
    if depth != 0:
        return False
    if python and texts > len(found):
        return True  # a Python repr of mostly text: configuration
    if (
        python
        and texts
        and all(_whole(line, spans, slot) for _, slot in found)
        and not any(holds_metric_word([path[-1]]) for path, _ in found)
    ):
        # `{'method': 'lastvalue', 'lag_1': 12, 'lag_2': 2}`: a choice and whole numbers, no
        # measure's name: a model's settings.
        return True
    if settings:
        return True  # a record of the run's configuration: no metric
    if (
        bare
        and python
        and any(count_kind(path[-1]) == SIZE and _whole(line, spans, slot) for path, slot in found)
        and not any(_measured(path[-1]) or path[-1].lower() in STEP_WORDS for path, _ in found)
    ):
        # `{'pop_size': 40, 'c1': 2.05, 'w': 0.4}`, `{'learning_rate': np.float64(0.75),
        # 'max_depth': np.int64(5)}` printed alone: a size, no measure's name, no phase, no
        # step: a model's or a search's settings (`{'hartmann6': -1.48, 'l2norm': 1.63}`, a
        # user's objectives, and `{'step': 100, 'lr': 3e-4, 'batch_size': 64}` are read).
        return True
    step_rank = 9
    for path, slot in found:
        if any(key.lower() in CONFIG_WORDS or key.lower() in _BOOKKEEPING for key in path[:-1]):
            continue  # `"config": {…}`, `"system": {"pid": …}`: settings, the logger's own
        leaf = path[-1].lower()
        if leaf in _BOOKKEEPING or leaf in _TIME_KEYS:
            continue  # `"timestamp": 1796614899.29`, `"line": 93`: when and where, no metric
        if any(_FILE_KEY.search(key) for key in path):
            continue  # `{'/tmp/ckpt/epoch=4-step=30.ckpt': -1.11}`: files' scores, keyed by file
        # A structured logger's envelope (`"record": {"extra": {"loss": …}}`, `"metrics":
        # {"train/loss": …}`): the value's own name, under the keys that say what it is.
        name = "/".join(key for key in path[:-1] if key.lower() not in _ENVELOPES)
        name = f"{name}/{path[-1]}" if name else path[-1]
        if not name or name in IGNORED_NAMES:
            continue
        base = name.rsplit("/", 1)[-1].lower()
        if base in STEP_WORDS:
            if program.step is None or _STEP_RANK.get(base, 1) < step_rank:
                # `"step": 70, "batch": 10`: the global count, not the batch within the epoch
                program.step, step_rank = slot, _STEP_RANK.get(base, 1)
        elif count_kind(name) == SIZE and _whole(line, spans, slot):
            continue  # `"samples_seen": 320`, `"n_updates": 12`: bookkeeping, no metric
        elif "_" in base and base.rsplit("_", 1)[-1] in STEP_WORDS and base.split("_")[0] in PHASES:
            continue  # `'test_step': 1234`, `'train_episode': 45`: a phase's count, no metric
        elif base == "epochs":
            continue  # `"epochs": 4` in a run's record: how many there will be, a setting
        elif base in EPOCH_WORDS:
            program.epoch = slot  # the epoch is the x axis a record is at, not a metric
            program.record_epoch = True
        else:
            program.metrics.append((under_phase(name, phase) if phase else name, slot, 0))
    return True


# Which of a record's counters is its step when it names several: the global count first,
# then a step or an iteration (1), a batch (within its epoch, often) last.
_STEP_RANK = {"global_step": 0, "globalstep": 0, "batch": 2}
_PAIR_TUPLE = re.compile(r"\([ ]*(['\"])([^'\"\n]{1,80})\1[ ]*,[ ]*")
_PAIR_END = re.compile(r"[ ]*\)[ ]*(?:(,)[ ]*|\])")
_NO_NUMBER = re.compile(r"(?:nan|inf|-inf|None)(?=[ ]*\))")
_LIST_LABEL = re.compile(r"[ ]*(?:OrderedDict|dict_items)?\([ ]*$|[ ]*$")
# A label that only says the values are statistics (`statistics:[(…)]`, pfrl's agents).
_CONTAINER_LABELS = frozenset(("statistics", "stats", "metrics", "values", "scalars"))


def _read_tuple_pairs(
    line: str, start: int, end: int, spans: list[tuple[int, int]], program: Program
) -> Program | None:
    """A list of `(name, value)` tuples (`list(d.items())`, an OrderedDict's repr, pfrl's
    `statistics:[('average_q', 7.73), …]`, RecBole's `test result: OrderedDict([…])`): each
    value named by its name, after the label before the list; None when the line holds no
    such list, or a value that is not a number (then it is settings)."""
    open_at = line.find("[(", start, end)
    if open_at < 0:
        return None
    head = line[start:open_at]
    m = _LIST_LABEL.search(head)
    head = head[: m.start()] if m is not None else head
    slot_at = {span[0]: index for index, span in enumerate(spans)}
    found: list[tuple[str, int]] = []
    pos = open_at + 1
    while True:
        pair = _PAIR_TUPLE.match(line, pos, end)
        if pair is None:
            return None
        key = pair.group(2).strip()
        pos = pair.end()
        slot = slot_at.get(pos)
        if slot is not None:
            found.append((key, slot))
            pos = spans[slot][1]
        else:
            missing = _NO_NUMBER.match(line, pos, end)
            if missing is None:
                return None  # a text value: settings, or no record of values
            pos = missing.end()
        close = _PAIR_END.match(line, pos, end)
        if close is None:
            return None
        pos = close.end()
        if close.group(1) is None:
            break
    if not found or any(spans[slot][0] < open_at for _, slot in found):
        return None
    if not any(holds_metric_word(WORDS.findall(key)) for key, _ in found):
        # `[('dog', 0.98), ('vet', 0.97)]` (most similar words, a topic's words, features
        # and their weights): the data's terms and scores, no record of the run's measures.
        return Program(rank=program.rank, numbers=program.numbers)
    words = WORDS.findall(head.rstrip(" :=-"))
    if words and all(w.lower() in _CONTAINER_LABELS for w in words):
        words = []
    if len(words) > 4 or any(token_spans(head)):
        return None  # a sentence, or values before the list: not a label
    label = "_".join(words)
    for key, slot in found:
        name = "_".join(key.split())
        if name.lower() in STEP_WORDS or count_kind(name) == SIZE:
            continue  # `('n_updates', 1501)`, `('cumulative_steps', 2000)`: counts, no step
        program.metrics.append((f"{label}/{name}" if label else name, slot, 0))
    return program.finish()


# A sentence's verb saying what a value is (`the average loss is 7641.35`).
_COPULAS = frozenset(("is", "was", "are", "were"))
_ARTICLES = frozenset(("the", "a", "an", "and", "so"))
# A record's key whose text value names its phase (`{'step': 50, 'split': 'test', …}`).
_PHASE_KEYS = frozenset(("split", "phase", "mode", "subset", "stage", "partition"))
# Words naming a run's configuration (a record's message, a box's title, a key over settings).
CONFIG_WORDS = frozenset(
    "config configuration configurations parameters hyperparameters hparams params settings "
    "arguments args options".split()
)
# A structured record's text saying what it is (`"message": "config"`, Eliot's message_type).
_MESSAGE_KEYS = frozenset(("message", "msg", "event", "message_type", "action_type", "event_type"))
# A structured logger's containers of the values a call passed (loguru's `record/extra`,
# `"metrics": {…}`): not part of their names.
_ENVELOPES = frozenset(
    ("record", "extra", "metrics", "data", "fields", "payload", "scalars", "info")
)
# Keys of a logger's own bookkeeping, or over it: where and when a record was made, by which
# process on which machine (`"line": 93`, `"task_level": [2]`, `"system": {"pid": …}`).
_BOOKKEEPING = frozenset(
    "line lineno task_level level levelno no process thread pid tid file module function "
    "system host hostname node elapsed uptime uptime_s".split()
)
_TIME_KEYS = frozenset(
    "timestamp timestamps ts time_stamp created msecs relativecreated asctime datetime date "
    "time_unix unix_time".split()
)


# -- progress bars ----------------------------------------------------------------------


def _bar_count(
    program: Program, slot_at: dict[int, int], start: int, m: re.Match[str], unknown: str
) -> None:
    """A bar's position (group 1) and its total (group 2, unless ``unknown``, the total's
    placeholder: `?`, `--`, `Unknown`)."""
    program.bar = True
    program.position = slot_at.get(start + m.start(1))
    if m.group(2) != unknown:
        program.total = slot_at.get(start + m.start(2))


def _read_bar(
    line: str, start: int, end: int, spans: list[tuple[int, int]], program: Program
) -> tuple[int, int] | None:
    """Find a progress bar on the line; return ``(description end, postfix start)``."""
    message = line[start:end]
    slot_at = {span[0]: index for index, span in enumerate(spans)}
    m = _TQDM.search(message)
    if m is not None:
        program.bar = True
        if m.group(1) is not None:
            _bar_count(program, slot_at, start, m, "?")
        # The postfix: after the rate inside the brackets (`[00:01<00:02, 25.12it/s, loss=…]`).
        bracket = start + m.end()
        close = _closing_bracket(line, bracket, end)
        # Without its `]` the bar was cut at the terminal's width: its last number may be cut.
        program.cut = close < 0
        inner_end = close if close >= 0 else end
        comma = line.find(",", bracket, inner_end)
        comma = line.find(",", comma + 1, inner_end) if comma >= 0 else -1
        postfix_start = comma + 1 if comma >= 0 else inner_end
        return start + m.start(), postfix_start
    m = _RICH.search(message)
    if m is not None:
        _bar_count(program, slot_at, start, m, "--")
        rate = re.search(r"\d+(?:\.\d+)?(?:it/s|s/it)", message[m.end() :])
        after = m.end() + (rate.end() if rate is not None else 0)
        bullet = message.find("•", m.end())
        if rate is None and bullet >= 0:
            # `• -:--:-- ` then the metrics
            after = bullet + 1
            second = re.match(r"[ ]*(?:\d+:\d\d:\d\d|-:--:--)", message[after:])
            after += second.end() if second else 0
        return start + m.start(), start + after
    m = _KERAS.match(message)
    if m is not None:
        _bar_count(program, slot_at, start, m, "Unknown")
        # Metrics follow the first ` - ` after the bar and its timings.
        dash = message.find(" - ", m.end() - 3 if message[m.end() - 1] == "-" else m.end())
        postfix = start + dash if dash >= 0 else end
        return start + m.start(), postfix
    m = _GLYPH_BAR.search(message)
    if m is not None:
        _bar_count(program, slot_at, start, m, "?")
        timings = _BAR_TIMINGS.match(message, m.end())
        return start + m.start(), start + (timings.end() if timings is not None else m.end())
    m = _BAR_THEN_COUNT.search(message)
    if m is not None:
        # rich's Progress with a bar, then its count, then the script's own columns (`train
        # ━━━━ 30/30 loss: 0.2779 acc: 0.902 0:00:00`)
        _bar_count(program, slot_at, start, m, "?")
        return start + m.start(), start + m.end()
    m = _TQDM_NOTOTAL.search(message)
    if m is not None and "[" in message[m.start() :]:
        program.bar = True
        program.position = slot_at.get(start + m.start(1))
        bracket = start + message.find("[", m.start())
        close = line.find("]", bracket, end)
        inner_end = close if close >= 0 else end
        comma = line.find(",", bracket, inner_end)
        comma = line.find(",", comma + 1, inner_end) if comma >= 0 else -1
        return start + m.start(), comma + 1 if comma >= 0 else inner_end
    return None


# -- pairs -------------------------------------------------------------------------------


def _read_description(
    items: list[_Item], program: Program, line: str, spans: list[tuple[int, int]]
) -> None:
    """A bar's description: its counters (``Epoch 3/10``), and the values it names with a
    ``:`` or ``=`` (``loss: 0.5234:  45%|…``, a script's ``set_description``) or by a metric's
    name (``epoch 1 loss 0.5431:  30%|…``); its words
    and other numbers (``Validation DataLoader 0``, ``Map (num_proc=4)``) are not metrics."""
    scratch = Program()
    _read_pairs(items, scratch)
    for name, slot, kind in scratch.metrics:
        start = spans[slot][0]
        head = line[items[0].start : start] if items else ""
        named = line[:start].rstrip().endswith((":", "=")) or holds_metric_word(
            WORDS.findall(name)
        )  # (`epoch 1 loss 0.5431:  30%|…`: a metric's name before its value)
        if named and head.count("(") <= head.count(")"):
            program.metrics.append((name, slot, kind))
    if scratch.epoch is not None and program.epoch is None:
        program.epoch = scratch.epoch
    if scratch.step is not None and program.step is None and scratch.positional_step:
        # `Epoch 2/5, Step 3/12: …` in a description locates the bar as its position does.
        pass


# The words of a name or a title (letters only).
WORDS = re.compile(r"[A-Za-z]+")
# Words of a name that says how long something took overall (a plain `time 45ms` each step
# is the speed of training, a series).
_TIME_WORDS = frozenset(
    "runtime elapsed duration spent took budget running wall required taken needed used".split()
)
_TIMER_STATISTICS = frozenset("total mean min max median avg average std iqr".split())
# A duration's unit said by the name instead of the value (`Seconds required: 0.004`).
_UNIT_WORDS = frozenset("seconds secs sec minutes mins hours".split())
# Words of a count's name (`number of examples`, `total feature number`, `num_workers`).
_COUNT_WORDS = frozenset(("number", "num", "count", "counts", "no", "nb", "n"))


# Words of a size of a structure (`max depth`, `batch_size`, `n_layers`): a whole number under
# such a name is a shape or a setting, not a result, even when it changes.
_SIZE_WORDS = frozenset(
    "size sizes depth width height dim dims dimension dimensions layers hidden units heads "
    "channels filters neurons".split()
)
# Words of a code, a degree of freedom or a schedule (`status: 0`, `Exit mode 0`, `Df Model: 1`,
# `Optimization Interval: 10`): a whole number under such a name says which case, how many
# parameters or how often, not how well.
_CODE_WORDS = frozenset(
    "status code mode flag df dof interval freq frequency every patience".split()
)
# Counts of the work a solver did (`Func. Count: 37`, `Function evaluations: 38`, `nsplit=0`):
# bookkeeping, never a result, even as they change.
# A name ending in one of `WORK_COUNTS` counts the work done, whatever it is of.
_WORK_WORDS = WORK_COUNTS | {"func", "function", "feval"}
# A name ending in one of them after other words says which one (`best_epoch`): an index.
_INDEX_WORDS = frozenset("epoch step iteration iter round trial generation".split())
# Words of the data itself, not of a measure of the training: an example's label, the
# prediction made for it, an identifier, a seed (`current label`, `current predict`).
_DATA_WORDS = frozenset(
    "label labels predict prediction predictions pred id ids seed index idx version group "
    "checksum hash crc md5 sha sha1 sha256 uuid".split()
    # the machine's resources in use (`CPU %: 3.10`, `| Memory | 38.50 % |`): mlop samples
    # them itself; they say how the machine is busy, not how well the model does
    + "cpu cuda memory mem ram vram swap".split()
)
_N_COUNT = re.compile(
    r"(?:[\w.]+/)?(?:n[/_][a-z]+|n[A-Z][A-Za-z]*"
    r"|n(?:iter|it|call|calls|fev|jev|hev|evals?|nz|c|splits?|fails?|restarts?))$"
)
COUNT = 1  # count_kind: a count, a series once it moves
SIZE = 2  # count_kind: a size, never a series while it is a whole number


def count_kind(name: str) -> int:
    """Whether a name says it counts things (`Images`, `Instances`, `NNZs`, `num_tokens`,
    `number of examples`: :data:`COUNT`) or gives a structure's size (`max depth`,
    `batch_size`: :data:`SIZE`) rather than measures a result (0). A count is a count or a
    setting while its value stays the same whole number; a size while it is a whole number
    (see the reader)."""
    if name.rsplit("/", 1)[-1].startswith("#"):
        return SIZE  # `# structures (graph): 32`: the number sign's count of things
    if _N_COUNT.match(name):
        # Bookkeeping counts abbreviated with `n` (`n/ep`, `n_iter`, `nSV`, `ncall`, `nfev`):
        # how much work a step did, never a result, even as it changes.
        return SIZE
    words = WORDS.findall(name.rsplit("/", 1)[-1])
    if not words:
        return 0
    if words[-1].lower() in WORK_COUNTS:
        return SIZE  # `Likelihood function evaluations: 2473`: a count of the work done
    if words[-1].lower() in _SIZE_WORDS or words[-1].lower().endswith("size"):
        return SIZE  # `Fitness dimension: 1`, `Batchsize: 32`: a size, not a metric
    if holds_metric_word(words):
        return 0
    lowered = [part for w in words for part in w.lower().split("_") if part]
    if _plural(lowered[-1]) and _singular(lowered[-1]) in METRIC_WORDS:
        return 0  # `rewards/accuracies`, `aucs`: measures, in the plural
    if any(w in _SIZE_WORDS or w in _CODE_WORDS for w in lowered):
        return SIZE
    if (
        len(lowered) > 1
        and "per" not in lowered
        and (
            lowered[-1] in _INDEX_WORDS
            or (
                (lowered[0] in _INDEX_WORDS or lowered[0][:-1] in _INDEX_WORDS)
                and lowered[-1].endswith("ed")
            )
        )
    ):
        # `best_epoch=3`, `stopped_iteration: 40`, `Epoch loaded: 6`: which epoch, not how well;
        # `Epochs trained: 37`: how far the training has come, a counter
        return SIZE
    last = lowered[-1]
    if (
        len(lowered) > 1
        and lowered[0] in _PLURAL_COUNTERS
        and "per" not in lowered
        and not holds_metric_word(words)
    ):
        return SIZE  # `Steps since acceptance: 1`, `Epochs without improvement: 3`: a count
    if len(lowered) > 1 and last in ("number", "no", "num") and lowered[-2] not in STOP_WORDS:
        return SIZE  # `Model Number: 17`, `Batch Number 2`: which one, not how well
    if len(lowered) == 1 and (last in _PARTICIPLES or (last.endswith("ed") and last[-3:] != "eed")):
        return SIZE  # `kept=66`, `retained=5`, `built=20`: how many things a step did
    if (
        len(lowered) == 2
        and (lowered[0] in WORK_COUNTS or lowered[0] in _PLURAL_COUNTERS)
        and last in _DONE_WORDS
    ):
        return SIZE  # `NFE Complete: 100`, `Trials completed: 5`: how far the work has come
    if len(lowered) == 1 and last in _DATA_UNITS:
        return SIZE  # `samples 320`, `tokens=12800`: the data gone through, an x axis
    if len(lowered) == 3 and lowered[1:] == ["so", "far"] and _plural(lowered[0]):
        return SIZE  # `samples_so_far`: the data gone through, an x axis
    if len(lowered) == 2 and _plural(lowered[0]) and last.endswith(("ed", "seen", "read")):
        last = lowered[0]  # `Sentences processed`, `examples seen`: a count of things done
    plural = _plural(last)
    if any(w in _COUNT_WORDS for w in lowered) or plural:
        return SIZE if any(w in _WORK_WORDS for w in lowered) else COUNT
    # A number of examples under another word (`example weight`, `weighted example sum`).
    return COUNT if "example" in lowered or "sample" in lowered else 0


# Counters in the plural opening a name: a count of them (`Steps since acceptance`).
_PLURAL_COUNTERS = frozenset(
    "steps epochs iterations iters trials rounds updates episodes generations".split()
)
# Words saying work is done, after what was counted (`NFE Complete`, `Steps done`).
_DONE_WORDS = frozenset("complete completed done finished".split())
# Units of data, whose plural alone counts the data a run went through (`samples 320`).
_DATA_UNITS = frozenset(
    "samples examples images sequences sentences tokens words instances frames records rows "
    "documents docs".split()
)
# Irregular participles naming what was done to how many things (`kept=66`, `built=20`).
_PARTICIPLES = frozenset("kept built done seen made found run left won lost".split())


def _singular(word: str) -> str:
    """A plural noun's singular, as far as a metric's name needs (`accuracies`, `scores`)."""
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]


def _plural(word: str) -> bool:
    """Whether a lower-case word looks like a plural noun (`images`, `tokens`)."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "as"))


def is_count_name(name: str) -> bool:
    """Whether a name counts things or sizes them (:func:`count_kind`)."""
    return count_kind(name) != 0


def is_data_name(name: str) -> bool:
    """Whether a name is of the data itself (an example's label or prediction, an identifier,
    a seed) or of the machine (`CPU`, `Memory`), not of a measure: `current label`,
    `current_predict`, `weighted label sum`. A name holding a metric's word is a measure
    (`label_smoothing_loss`)."""
    base = name.rsplit("/", 1)[-1]
    if base.lower() in _RANK_NAMES:
        return True  # `world_rank=0`, `[rank=0, world_size=2]`: which process, not a measure
    if _COORDINATE.fullmatch(base):
        return True  # `x1=2.29, x2 = 0.52`: where an optimiser evaluates, not how well
    if names_a_setting(name):
        return True  # `params.lr`, `config/lr`, `hparams/lr`: a run's setting, by its container
    words = WORDS.findall(base)
    if words and words[0].lower() in ("vs", "versus"):
        return True  # `val_loss 0.3741 vs best 0.3808`: the other side of a comparison
    if not words or holds_metric_word(words):
        return False
    parts = [part for w in words for part in w.lower().split("_")]
    if "random" in parts and ("state" in parts or "seed" in parts):
        return True  # `Random state: 1` (scikit-learn's name for a seed)
    if "remaining" in parts:
        return True  # `Remaining wallclock time: inf`, `Remaining trials: 19`: a budget left
    if len(parts) > 1 and parts[0] in _PREDICT_WORDS:
        parts = parts[1:]  # `predict_exact_match` (HF's prefix of a prediction run's metrics)
    return any(part in _DATA_WORDS for part in parts)


_PREDICT_WORDS = frozenset(("predict", "prediction"))


def names_a_setting(name: str, joined: bool = False) -> bool:
    """Whether a name is a setting under its container's label: `params.lr`, `config/lr`,
    `params_lr` (optuna's trials frame; `param_norm`, a norm of the weights, is no
    container's). ``joined``: any label joined by `_` too (a frame's `param_alpha` column)."""
    head = (_JOINED_SETTING if joined else _SETTING_HEAD).match(name)
    label = next((group for group in head.groups() if group), "") if head else ""
    return label.lower() in SETTING_LABELS


_SETTING_HEAD = re.compile(r"([A-Za-z]+)[./]\w|(params|hparams|config)_\w")
_JOINED_SETTING = re.compile(r"([^_./]+)[_./]")
# A coordinate of the point an optimiser tries (`x1`, `x_2`, `x[0]`).
_COORDINATE = re.compile(r"[xX](?:_?\d{1,3}|\[\d{1,3}\])")
# Names of a process's place in a distributed run, or of which run of several it is.
_RANK_NAMES = frozenset(
    "rank local_rank world_rank node_rank global_rank group_rank process_index pid run "
    "worker worker_id".split()
)


def holds_metric_word(words: list[str]) -> bool:
    """Whether any word, or any part of one (`val_accuracy`), is a metric's word."""
    return any(part in METRIC_WORDS for word in words for part in re.split(r"[_\-/]", word.lower()))


def _counted_to_value(items: list[_Item], index: int) -> bool:
    """Whether the words from ``index`` (after a count: `… on 496 pairs: 0.72`) run to the
    value's `:` or `=`: the count says which things the name is of."""
    j = index
    while j < len(items) and items[j].kind in ("word", "ws"):
        j += 1
    if j >= len(items) or items[j].text not in (":", "="):
        return False
    value = _next_significant(items, j)
    return value is not None and items[value].kind == "num"


def _opens_name(words: list[str]) -> bool:
    """Whether a phrase opens with a metric's word (`Accuracy of the network on the`)."""
    first = words[0].lower()
    return first in METRIC_WORDS or first.split("_")[0] in METRIC_WORDS


def _name_of(words: list[str], explicit: bool, span: list[str] | None = None) -> str | None:
    """The metric name of the words before a value (None: prose, no name)."""
    if not words:
        return None
    if len(words) >= 2 and (words[-1].lower() in _COPULAS or words[-1].lower() == "of"):
        # `the average loss is 7641.35`, `and mean absolute error is 16.62`, `validation
        # score of 0.9292 received after 3 calls`: a sentence saying what a metric is; its
        # name is the words after the sentence's last small word.
        phrase = words[:-1]
        stops = [i for i, w in enumerate(phrase) if w.lower() in STOP_WORDS]
        tail = phrase[stops[-1] + 1 :] if stops else phrase
        if tail and len(tail) <= 4 and holds_metric_word(tail):
            return "_".join(tail)
        # `The accuracy on the test set is 0.91`: a phrase opening with a metric's word, whole.
        while phrase and phrase[0].lower() in _ARTICLES:
            phrase = phrase[1:]
        if phrase and len(phrase) <= 8 and holds_metric_word(phrase[:1]):
            return "_".join(phrase)
        return None
    if len(words) == 1:
        # `and 63` is prose; `a=NaN` is a key; `'val_loss' reached 0.69` is a verb's object.
        word = words[0].lower()
        if not explicit and len(word) > 5 and word.endswith("ed") and not holds_metric_word(words):
            return None  # (`skipped=12.3%` names its value: a `=` says so)
        return None if word in STOP_WORDS and not explicit else words[0]
    if span and span[0] not in words and span[0].lower() in QUALIFIERS:
        words = [span[0], *words]  # `Best is trial 0 with value: 0.1`: Best_value
    lowered = [w.lower() for w in words]
    # `per` between two words of a name before its `:` names a rate (`Average reward per
    # episode: 8.2`, `Samples per second: 1234`), not a sentence.
    stops = [
        i
        for i, w in enumerate(lowered)
        if w in STOP_WORDS and not (w == "per" and explicit and 0 < i < len(words) - 1)
    ]
    if not stops and len(words) <= (6 if explicit else 4):
        # (`Effective Samples per Log Probability Evaluation: 0.0176`: one name before its `:`)
        return "_".join(words)
    if not explicit:
        return None  # prose with a number in it: `took 12 minutes`
    if lowered[0] in METRIC_WORDS or lowered[0].split("_")[0] in METRIC_WORDS:
        return "_".join(words)  # `Accuracy of the network on the 10000 test images: 97 %`
    if len(words) <= 5 and lowered[0] in ("number", "num") and lowered[1] == "of":
        # `Number of mined triplets = 722`: a count (the reader keeps it a series only once
        # its value changes: a count that stays the same is a size or a setting).
        return "_".join(words)
    last = stops[-1] if stops else len(words) - 5
    tail = words[last + 1 :]
    if not tail or len(tail) > 4:
        return None
    if len(words) <= 5 and not holds_metric_word(tail) and holds_metric_word(words[:last]):
        # `Best val_accuracy So Far`: the words after the last stop say when; the metric is
        # named before them, so the phrase is kept whole.
        return "_".join(words)
    if stops and not holds_metric_word(tail):
        # A setting named inside a sentence (`did not improve more than tol=0.0001 for 5
        # epochs`, `Fitting with cpus=2`): prose reports a result by a metric's word.
        return None
    if lowered[0] in QUALIFIERS and words[0] not in tail:
        tail = [words[0], *tail]
    elif not any(w.lower() in _BEST_WORDS for w in tail):
        # `Got new best metric of train_acc: 0.75`: the best so far, never a point of the
        # series it is the best of (`best_train_acc`).
        best = next((w for w in words[: last + 1] if w.lower() in _BEST_WORDS), None)
        if best is not None:
            tail = [best, *tail]
    return "_".join(tail)


_BEST_WORDS = frozenset(("best", "final"))
# A word saying what a clock before it measures (`0:00:12 left`, `00:03 elapsed`).
_CLOCK_WORDS = frozenset(("left", "remaining", "elapsed", "ago"))


def _read_pairs(items: list[_Item], program: Program) -> None:  # one pass, one place
    """Read ``name value`` pairs, labels and counters from a line's items (see module doc)."""
    words: list[str] = []  # the name being gathered, words separated by single spaces
    span_words: list[str] = []  # every word since the last delimiter (prose detection)
    label: list[str] = []
    broke = False  # a wide gap or a delimiter: the next word starts a new name
    after_value = False
    explicit = False  # `:` or `=` since the name's last word
    skip_paren = 0  # inside parentheses that annotate a value
    skip_object = 0
    count = len(items)
    index = 0
    last_num: _Item | None = None
    segment_start = True
    tainted = False
    keyed_label = False  # the label is a `Key:` with words after it (its value may be text)
    prose = False  # a word of prose (`with`, `for`) before another word, earlier on the line
    first_word_seen = False
    group_label = False  # the label heads a parenthesised group (`acc: (train=…, test=…)`)
    settings = False  # a label says the line holds settings (`Parameter: lr = 0.01`)
    phase_counters: list[tuple[str, int]] = []  # `Train steps: 10`: (phase, the count's slot)
    logger_label = ""  # a label found to name the logger (see below)
    first_counter: int | None = None  # the slot of the line's first counter
    plural_counts: list[int] = []  # slots of counters named in the plural (`steps: 200`)
    while index < count:
        item = items[index]
        kind = item.kind
        if kind == "p" and item.text == "[" and words:
            window = _window_before_value(items, index)
            if window is not None:
                index = window  # `avg. loss [1351-1500]: 21202.0`: the steps it is over
                continue
        if skip_object:
            if kind == "p" and item.text == "{":
                skip_object += 1
            elif kind == "p" and item.text == "}":
                skip_object -= 1
            index += 1
            continue
        if skip_paren:
            if kind == "p" and item.text == ")":
                skip_paren -= 1
            elif kind == "p" and item.text == "(":
                skip_paren += 1
            index += 1
            continue
        if kind == "ws":
            if len(item.text) > 1 or "\t" in item.text:
                if (
                    words
                    and not label
                    and last_num is None
                    and not program.metrics
                    and len(words) <= 3
                    and len(words) == len(span_words)
                    and _explicit_pair_follows(items, index + 1)
                ):
                    # `LogisticRegression     CV: 0.82 +/- 0.02` (a row per model, its name
                    # apart from the pair): the line's label, whose values they are.
                    label = list(words)
                broke = True
                if keyed_label and words:
                    after = _next_significant(items, index)
                    if after is not None and items[after].kind == "word":
                        # `Model:   Logit   Df Residuals: 296`: the key's value was the text,
                        # and the next key begins: no label.
                        label, keyed_label = [], False
                if "\t" in item.text:
                    span_words = []
                    segment_start = True
            index += 1
            continue
        if kind == "word" and item.text in _LITERALS:
            words, broke = [], True  # `True`, `None`: a value, never part of a name
            if keyed_label:
                label, keyed_label = [], False  # `converged:   True   LL-Null: -207.8`
            index += 1
            continue
        if (
            kind == "word"
            and item.text.lower() in _CLOCK_WORDS
            and index >= 2
            and items[index - 1].kind == "ws"
            and items[index - 2].kind == "time"
        ):
            index += 1  # `0:00:00 left Quantization Error: 0.43`: the clock's word, no name's
            continue
        if kind == "word":
            phased = _PHASED.match(item.text)
            if phased is not None and phased.group(2).lower() in PHASES:
                # `Epoch(val) [1][4/4]  accuracy: 99.0`: the phase labels the line.
                label = [phased.group(2)]
                item = _Item("word", phased.group(1), item.start, item.start + len(phased.group(1)))
            glued = index and items[index - 1].end == item.start and items[index - 1].kind == "p"
            if broke or after_value:
                words = [item.text]
                # `0.0 MiB          16`: the unit of the number before it, no name
                tainted = (
                    after_value
                    and index >= 2
                    and items[index - 1].text == " "
                    and items[index - 2].kind == "num"
                    and _SIZE_UNIT.fullmatch(item.text) is not None
                )
            else:
                words.append(item.text)
            if glued and items[index - 1].text in "/-\\.~":
                tainted = True  # a path segment, a command-line flag (`--lr`), a file name
            elif broke or after_value:
                before = index - 1
                while before >= 0 and items[before].kind == "ws":
                    before -= 1
                if before >= 0 and items[before].text == "=" and before >= 1:
                    before -= 1  # (`>=`, `<=`)
                if (
                    before >= 0
                    and items[before].text in "<>"
                    # (a comparison has a left side: ` | > loss: 0.69`, a bullet, has none)
                    and any(items[j].kind in ("word", "num") for j in range(before))
                    and not (before >= 1 and items[before - 1].text in "-=")  # `->`, `=>`
                    and not (
                        items[before].text == ">"
                        and before >= 2
                        and items[before - 1].kind == "num"
                        and items[before - 2].text == "<"
                    )  # `<25> log likelihood`: a counter's bracket
                ):
                    # `improved by 0.010 >= min_delta = 0.0`: a threshold compared with, no
                    # value of the run.
                    tainted = True
            span_words.append(item.text)
            if not prose and item.text.lower() in STOP_WORDS and item.text.lower() != "per":
                # (`per` joins a rate's words: `reward per episode`, `samples per second`)
                word_after = _next_significant(items, index)
                prose = word_after is not None and items[word_after].kind == "word"
            if not first_word_seen and item.text.lower() in SETTING_LABELS:
                # `config lr=0.3 batch_size=32`, `hyperparameters lr=0.3`: an event saying
                # its fields are the run's settings.
                field = _next_significant(items, index)
                if (
                    field is not None
                    and field > index + 1
                    and items[field].kind == "word"
                    and field + 1 < len(items)
                    and items[field + 1].text in "=:"
                ):
                    settings = True
            if not first_word_seen:
                first_word_seen = True
                # A status message opens with its verb (`Using 8 workers, batch size 32, lr
                # 0.001`, `Loading 1000 images`): a sentence, whose settings are not results.
                prose = prose or item.text.capitalize() in _STATUS_VERBS
            broke = after_value = explicit = False
            index += 1
            continue
        if kind in ("num", "time"):
            if keyed_label and kind == "time":
                label = []  # `Date:  Sun, 06 Dec 2026   Pseudo R-squ.: 0.3`: a key's value
            keyed_label = False
            nxt = _next_significant(items, index)
            if (
                kind == "time"
                or item.unit
                and _RATE.match(item.unit + _rest_word(items, index))
                or _sized(items, index)
            ):
                # (a value ends its phrase: a counter after it opens its own, `eta: 0:10:19
                # iter: 19`)
                words, span_words, broke, after_value = [], [], True, True
                last_num = None
                index += 1
                continue
            # A position `n/total`.
            total_at = nxt + 1 if nxt is not None else count
            if (
                total_at + 1 < count
                and items[total_at].kind == "ws"
                and items[total_at].text.strip(" ") == ""
                and nxt == index + 1
            ):
                total_at += 1  # `10/     100`, `200/ 2983 batches`: a total printed right-aligned
            elif (
                nxt == index + 2
                and items[index + 1].text == " "
                and total_at + 1 < count
                and items[total_at].text == " "
                and item.text.isdigit()
                and items[total_at + 1].text.isdigit()
            ):
                total_at += 1  # `58 / 96 (0.6042)`: a count of a total, spaced
            if (
                nxt is not None
                and items[nxt].kind == "p"
                and items[nxt].text == "/"
                and total_at < count
                and items[total_at].kind == "num"
            ):
                total = items[total_at]
                index = _read_position(items, index, total_at, words, span_words, program, label)
                words, span_words, broke, after_value = [], [], False, True
                last_num = total
                segment_start = False
                continue
            if not words:
                if last_num is not None and _between(items, last_num, item) in ("+", "+-", "±"):
                    pass  # a standard deviation after a mean
                elif segment_start and program.step is None and _opens_line(items, index):
                    program.step = item.slot  # `10:\tlearn: …`, `[7]\ttrain-logloss: …`
                elif program.step is None and (which := _opens_epoch_batch(items, index)):
                    # `[1,  2000] loss: 2.183` (PyTorch's CIFAR tutorial): the epoch, then the
                    # batch within it.
                    if which == "epoch":
                        program.epoch = item.slot
                    else:
                        program.step = item.slot
                last_num = item
                after_value = True
                index += 1
                continue
            if (
                not explicit
                and len(words) >= 3
                and words[-2].lower() in STOP_WORDS
                and _is_counter_words(words[-1:]) is not None
                and nxt is not None
                and (items[nxt].text in ":=" or items[nxt].text.lower() in _COPULAS)
                and "." not in item.text
            ):
                # `Training loss (for 1 batch) at step 10: 2.5643`: the phrase's counter is
                # the point's step; the name is the words before it.
                if _is_counter_words(words[-1:]) == "epoch":
                    if program.epoch is None:
                        program.epoch = item.slot
                        program.per_epoch = True
                elif program.step is None:
                    program.step = item.slot
                words = words[:-2]
                index += 1
                continue
            if (
                not explicit
                and words[-1].lower() in STOP_WORDS
                and nxt is not None
                and items[nxt].kind == "word"
                and items[nxt].start - item.end == 1
                and (_opens_name(words) or _counted_to_value(items, nxt))
            ):
                following = items[nxt].text.lower()
                if following in STEP_WORDS or following in EPOCH_WORDS:
                    # `Accuracy after 5 epochs: 0.81`, `KL divergence after 250 iterations`:
                    # the phrase's counter, the point's step; the name is the metric's words.
                    if following in EPOCH_WORDS and program.epoch is None:
                        program.epoch = item.slot
                        program.per_epoch = True
                    elif following in STEP_WORDS and program.step is None:
                        program.step = item.slot
                    while len(words) > 1 and words[-1].lower() in STOP_WORDS:
                        words.pop()
                    index = nxt + 1
                    # `… after 250 iterations with early exaggeration: 60.77`: the phrase
                    # after the counter says when, up to the value's `:`; not the name.
                    after = _next_significant(items, nxt)
                    if (
                        after is not None
                        and items[after].kind == "word"
                        and items[after].text.lower() in STOP_WORDS
                    ):
                        end = after
                        while end < count and items[end].kind in ("word", "ws"):
                            end += 1
                        if end < count and items[end].text in ":=":
                            index = end
                    continue
                # `Accuracy of the network on the 240 test images: 82.1 %`: a count inside a
                # metric's phrase says which things; it is part of the name, not a value.
                words.append(item.text)
                span_words.append(item.text)
                index += 1
                continue
            name = _name_of(words, explicit, span_words)
            glued_after = (
                nxt is not None
                and items[nxt].start == item.end
                and items[nxt].kind == "p"
                and (items[nxt].text in "/\\" or items[nxt].text == "|" and item.unit == "%")
            ) or (words and _FILE.search(words[-1]) is not None and _glued_colon(items, index))
            # (`37%|█▌   |`: a progress bar's percentage, its description before it)
            if (
                item.unit == "%"
                and words
                and words[-1].lower() in _CONFIDENCE_WORDS
                and item.text in ("90", "95", "99")
            ):
                glued_after = True  # `coef lower 95%`, `95% CI`: a confidence level's title
            if item.unit == "%" and nxt is not None and _CLOCK.fullmatch(items[nxt].text):
                glued_after = True  # `MAP  0% 0:00:09`: a progress display's share and clock
            counts = (
                _counts_a_unit(items, index, nxt) if not explicit else _counts_a_word(items, nxt)
            )
            if tainted or glued_after or counts:
                # `ckpt=3/model.pt`, `--epochs 3`, `took 12 minutes`: not a metric.
                name = None
                if glued_after or not counts:
                    words, span_words, after_value = [], [], True
                    index += 1
                    continue
            if words and (
                _is_counter(words, span_words, explicit, item)
                or _tagged_counter(words, span_words, items, index, item)
            ):
                lowered = words[-1].lower()
                phase = words[:-1]
                if (
                    _plural(lowered)
                    and index >= 1
                    and items[index - 1].text == "="
                    and _glued_key(items, index - 1)
                ):
                    # `epochs=4 hidden=32 lr=0.3`: a field naming how many, a setting
                    words, span_words, after_value = [], [], True
                    index += 1
                    continue
                if _plural(lowered) and item.text.isdigit():
                    plural_counts.append(item.slot)  # (`Train steps: 200`: see below)
                if program.step == first_counter and (
                    lowered in EPOCH_WORDS or lowered not in _COARSE_COUNTERS
                ):
                    # `[trial 2] epoch 1 step 10: loss=…` (trials run side by side, each with
                    # its own counters): the trial says whose values they are, never the step.
                    _identity_tag(program)
                if first_counter is None:
                    first_counter = item.slot
                if lowered in EPOCH_WORDS:
                    program.epoch = item.slot
                    program.per_epoch = True
                elif program.step is None or lowered not in _COARSE_COUNTERS:
                    # (`step:12 episode:0`: the step counts finer than the episode)
                    program.step = item.slot
                    program.first_step_word = lowered if item.slot == first_counter else ""
                if phase and all(w.lower() in PHASES for w in phase):
                    phase_counters.append(("_".join(phase), item.slot))
                    if not label:
                        label = phase
                span_words = []
            elif (
                words
                and words[0].lower() == "of"
                and last_num is not None
                and last_num.slot in (program.step, program.epoch)
            ):
                pass  # `iteration: 2 of max_iter: 6`: the total the counter runs to
            elif (
                name is not None
                and name not in IGNORED_NAMES
                and (
                    _is_counter_words(words) is None
                    or (
                        _over_counter(words)
                        and _is_counter_words(words[:1]) is None
                        and ("." in item.text or holds_metric_word(words))
                    )
                    or words == ["t"]
                    or words == ["T"]
                    or _per_counter_rate(words, item)
                )
            ):
                own_phase = (
                    label
                    and all(w.lower() in PHASES for w in label)
                    and (
                        words[0].lower() in PHASES
                        or (bool(phase_counters) and opens_with_phase(words[0]))
                        or says_other_phase(name, label)
                    )
                ) or (
                    # `Test results: test_loss=0.50`, `final test: test_loss=0.40`: a label
                    # saying the line holds results, of qualifiers and phases only, over names
                    # that say their phase themselves adds nothing to them.
                    bool(label)
                    and all(w.lower() in _RESULT_LABELS or w.lower() in QUALIFIERS for w in label)
                    and not all(w.lower() in PHASES for w in label)
                    and says_phase(name)
                )
                if own_phase and label and says_other_phase(name, label):
                    logger_label = "_".join(label)
                # A name with a phase of its own (`train loss` on a validation line) is not
                # the label's: `Epoch 1 validation: loss=0.43 (train loss 0.53)`; nor is one
                # that says a phase after a phase's counter (`Test steps: 3 test_loss: 0.74`).
                full = (
                    name if own_phase else "/".join([*(["_".join(label)] if label else []), name])
                )
                if any(metric[0] == full for metric in program.metrics):
                    # Two values on one line never share a series: the later one keeps every
                    # word of its phrase (`best estimator lgbm's best error` after `estimator
                    # lgbm's best error`).
                    phrase = words
                    cut = _abbreviation_before(items, index, len(words))
                    if cut:
                        # `MRR : 0.123   Filt. MRR : 0.137`: the word a dot cut off
                        phrase = [cut, *words]
                    full = "/".join([*(["_".join(label)] if label else []), "_".join(phrase)])
                if (
                    (item.unit in _TIME_UNITS or _UNIT_WORDS & set(WORDS.findall(name.lower())))
                    and _TIME_WORDS & set(WORDS.findall(name.lower()))
                ) or (
                    # A timer's summary: a statistic of durations (`Timer 'epoch': 6 calls,
                    # total 0.074s, mean 0.012s, min 0.011s`), how long, not how well.
                    item.unit in _TIME_UNITS and words[-1].lower() in _TIMER_STATISTICS
                ):
                    # A duration printed with its unit, or named by it, under a name that says
                    # how long something took (`Time spent predicting: 0.2s`, `Total running
                    # time: 17s`, `time budget=10s`, `Seconds required: 0.004`): not a result
                    # of the training.
                    pass
                elif prose and not program.metrics and not holds_metric_word([name]):
                    # Settings listed after a sentence's words (`Fitting with cpus=2, gpus=0`,
                    # `8 images for fraction=1.0 at imgsz=64`): a sentence's first value is
                    # a result only when a metric's word names it.
                    pass
                else:
                    share = _share_after(items, index) if item.text.isdigit() else None
                    slot = item.slot
                    if share is not None:
                        slot = share.slot
                        program.shares = (*program.shares, full)
                    program.metrics.append((full, slot, _TIME_UNITS.get(item.unit, 0)))
                span_words = []
            if (
                prose
                and index >= 2
                and items[index - 1].kind == "ws"
                and len(items[index - 1].text) >= 3
                and items[index - 2].text == ":"
            ):
                # `Number of Samples:       500 AIC:     290.99`: keys aligned in columns, a
                # value after a wide gap; the next key is a phrase of its own.
                prose = False
            words, after_value = [], True
            last_num = item
            segment_start = False
            # A value annotated in parentheses: `Loss 6.9e+00 (7.0e+00)`, `best: 0.8 (10)`;
            # a group of pairs of its own (`accuracy=0.82 (train loss 0.53)`) is read.
            if nxt is not None and items[nxt].kind == "p" and items[nxt].text == "(":
                inside = _next_significant(items, nxt)
                if not (
                    inside is not None
                    and items[inside].kind == "word"
                    and (_pairs_follow(items, inside) or _labels_next(items, nxt))
                ):
                    skip_paren = 1
                    index = nxt + 1
                    continue
            index += 1
            continue
        text = item.text
        if kind == "p":
            if text == "-" and words and _dash_names(items, index):
                explicit = True  # `dice_loss - 0.6311, iou_score - 0.3553` (set_postfix_str)
                index += 1
                continue
            if text in ":=":
                explicit = True
                if words and _is_counter_words(words) is not None and not _over_counter(words):
                    index += 1  # `Epoch: 3`, `Train Epoch: 1 [...]`
                    continue
                if (
                    text == ":"
                    and len(words) == 1
                    and words[0].lower() in PHASES
                    and _opens_message(items, index, 1)
                ):
                    # `Test: [ 10/100]  Loss 2.2`, `Train: 0 [ 2/4 (67%)]`: a phase heads the
                    # line; a number right after it, before a position, is the epoch.
                    label = list(words)
                    words, span_words, broke = [], [], True
                    after = _next_significant(items, index)
                    if after is not None and items[after].kind == "num":
                        bracket = _next_significant(items, after)
                        if bracket is not None and items[bracket].text == "[":
                            program.epoch = items[after].slot
                            index = bracket
                            continue
                    index += 1
                    continue
                after = _next_significant(items, index)
                if (
                    text == "="
                    and words
                    and after is not None
                    and items[after].kind == "word"
                    and items[after].text.lower() in PHASES
                ):
                    # `collection=train accuracy=0.61`: the record is train's.
                    label = [items[after].text]
                    words, span_words, broke = [], [], True
                    index = after + 1
                    continue
                if (
                    text == ":"
                    and words
                    and after is not None
                    and items[after].kind == "word"
                    and items[after].start - item.end >= 3
                    and (after + 1 >= count or items[after + 1].kind == "ws")
                    and (next_key := _next_key_at(items, after + 1)) is not None
                ):
                    # `Distribution:          NormalDist Effective DoF:   25.9`: a key aligned
                    # in a column of keys, its text value after a wide gap; the next key
                    # follows its value, after a wide gap (`Constant Mean   Adj. R-squared:`)
                    # or, right-aligned against it, a space (`NormalDist Effective DoF:`).
                    words, span_words, broke = [], [], True
                    index = next_key
                    continue
                if (
                    text == ":"
                    and 0 < len(words) <= 2
                    and words[-1].lower() in SETTING_LABELS
                    and after is not None
                    and items[after].text == "#"
                ):
                    # `best config: #7 alpha=0.01 eta0=0.001`: the settings of the trial
                    # numbered, as `best config: alpha=0.01` is. (A braced record after it is
                    # read as one: `Best params: {'C': 1.0}, best score: 0.89` keeps its score.)
                    settings = True
                if words and after is not None and items[after].kind == "word":
                    # `train: loss: 0.52`: the words before label what follows: words that
                    # open the line, or that qualify (`Epoch 1 validation: loss=…`).
                    if after == index + 1 and not _names_a_value(items, after):
                        # `outdir:result step:12 R:12.0`: a field and its text value, glued
                        # as the fields after it are, labels nothing; its value (a path, a
                        # time's digits) is text to its end. (`train:loss=0.52` labels.)
                        end_of_value = after
                        while end_of_value < len(items) and items[end_of_value].kind != "ws":
                            end_of_value += 1
                        words, span_words, broke = [], [], True
                        index = end_of_value
                        continue
                    if len(words) == 1 and words[0].lower() in _TAG_WORDS:
                        # `Metric: loss = 1.19` (a tracker's tag): it names nothing.
                        span_words = []
                    elif len(words) <= 2 and words[-1].lower() in SETTING_LABELS:
                        # `Parameter: optimizer_kwargs.lr = 0.01`, `Config: batch = 32`: the
                        # line says it holds settings.
                        settings = True
                    elif (
                        not any(w.lower() in STOP_WORDS for w in words)
                        and len(words) <= 4
                        and _is_counter_words(words) is None
                        and (
                            _opens_message(items, index, len(words))
                            or any(w.lower() in PHASES | METRIC_WORDS for w in words)
                        )
                    ):
                        label = list(words)
                        keyed_label = True
                        span_words = []
                    words, broke = [], True
                elif (
                    words
                    and after is not None
                    and items[after].kind == "p"
                    and items[after].text == "("
                ):
                    label = list(words)  # `acc: (train=0.78, test=0.74)`
                    group_label = True  # ... and only that group
                    span_words = []
                    words, broke = [], True
                index += 1
                continue
            if text == "." and not _sentence_end(items, index) and words:
                index += 1  # `Avg. loss`: an abbreviation inside a name
                continue
            if (
                text in ",;|•"
                or (text == "-" and _spaced(items, index))
                or (text == "." and _sentence_end(items, index))
            ):
                if (
                    text in "|-"
                    and not label
                    and span_words
                    and _opens_message(items, index, len(span_words))
                ):
                    # `Validation Results - Epoch: 1  Avg loss: 0.2`: the phase it opens with
                    # labels the line.
                    phases = [w for w in span_words if w.lower() in PHASES]
                    if phases and all(
                        w.lower() in PHASES or w.lower() in _SPLIT_NOUNS for w in span_words
                    ):
                        label = list(span_words)  # `train set - average loss: 1.66`
                    elif phases:
                        label = phases
                if keyed_label and words:
                    # `Best learner: lgbm, best loss: 0.01`: the key's value was its text; the
                    # separator ends it, and it labels nothing after.
                    label, keyed_label = [], False
                words, span_words, broke = [], [], True
                explicit = False
                segment_start = True
                if text in ";|":
                    last_num = None
                index += 1
                continue
            if text == "`":
                # Code in backticks (`max_epochs=3`) names no metric.
                close = next(
                    (j for j in range(index + 1, count) if items[j].text == "`"), count - 1
                )
                words, broke = [], True
                index = close + 1
                continue
            if text == "{":
                skip_object = 1  # an object inside a line: parameters, never metrics
                words, broke = [], True
                index += 1
                continue
            if (
                text in "(["
                and words
                and not label
                and all(w.lower() in PHASES for w in words)
                and _opens_message(items, index, len(words))
                and _bracketed_position(items, index)
            ):
                # `train (1/4) loss: 0.75`, `valid [1/4] loss 0.3`: the phase opening the line,
                # before the epoch's position, labels the line.
                label = list(words)
                words, span_words, broke = [], [], True
                index += 1
                continue
            if text == "(":
                after = _next_significant(items, index)
                if keyed_label and words and items[index - 1].end == item.start:
                    # A key's text value with its arguments (`Model:  SARIMAX(2, 1, 0)   Log
                    # Likelihood  -214.3`): text, to its closing parenthesis.
                    skip_paren = 1
                    index += 1
                    continue
                if (
                    last_num is not None
                    and after_value
                    and not words
                    and after is not None
                    and items[after].kind in ("num", "time")
                ):
                    skip_paren = 1
                elif (not words or after_value) and _labels_next(items, index):
                    # `(val) -2.3386 (test) -2.4593` (rtdl's loop): the word in parentheses
                    # before a value names it.
                    words, span_words = [items[index + 1].text], [items[index + 1].text]
                    broke = after_value = False
                    index += 3
                    continue
                elif words and (group_end := _qualifier_group(items, index)) is not None:
                    # `accuracy (top1) = 0.81`, `Test set accuracy (Precision@1) = 0.31`: a
                    # qualifier between a name and its `=` or `:` is part of the name.
                    qualifier = "".join(
                        items[j].text.replace(" ", "_") for j in range(index, group_end + 1)
                    )
                    if _BYTES_QUALIFIER.fullmatch(qualifier):
                        # `Params size (MB): 0.04`: a size in bytes, not a result.
                        words, span_words, broke = [], [], True
                        index = group_end + 1
                        continue
                    words.append(qualifier)
                    span_words.append(words[-1])
                    index = group_end + 1
                    continue
                elif (
                    words
                    and after is not None
                    and items[after].kind == "word"
                    and items[after].text.lower() in STOP_WORDS
                ):
                    # `Training loss (for 1 batch) at step 10`: an aside inside the name, kept.
                    aside_end = next(
                        (j for j in range(index + 1, count) if items[j].text == ")"), -1
                    )
                    if aside_end > 0:
                        aside = "".join(items[j].text for j in range(index, aside_end + 1))
                        words.append(aside.replace(" ", "_"))
                        span_words.append(words[-1])
                        index = aside_end + 1
                        continue
                    words, broke = [], True
                    index += 1
                    continue
                elif _group_holds_size(items, index):
                    # `(ping: 0.2 ms, read: 111 MB/s, size: 3.3 KB)`: a check of the machine or
                    # of the data's files; its timings are of the check, not of the training.
                    skip_paren = 1
                    words, broke = [], True
                else:
                    words, broke = [], True
                index += 1
                continue
            if text == "#" and words and _is_counter_words(words) is not None:
                index += 1  # `Epoch #1`, `Trial #3`: the counter's number after its sign
                continue
            if text == "[" and words and _is_counter_words(words) is not None:
                index += 1  # `Epoch [3/10]`, `Epoch: [2]`: the counter's number is inside
                continue
            if text == "]" and words and _is_counter_words(words) is not None:
                index += 1
                continue
            if text in ")[]":
                if text == ")" and group_label:
                    # The group a label headed is closed: what follows is not under it
                    # (`f1: (train=0.75, test=0.75) total time=0.1s`).
                    label, group_label = [], False
                phase_tag = text == "]" and len(words) == 1 and words[0].lower() in PHASES
                if text == "]" and _opens_bracket_tag(items, index):
                    # `[t-SNE] Iteration 50: …`: a tag opening the line names its source; the
                    # words after it open the message (its counter is a counter). A phase's
                    # tag (`[train] step: 40, loss: 2.2`, `[test] …`) labels the line.
                    if phase_tag and not label:
                        label = list(words)
                    span_words = []
                elif phase_tag and label and index >= 2 and items[index - 2].text == "[":
                    # `[train] loss=0.71 [valid] loss=0.72`: the next phase's tag labels what
                    # follows it.
                    label = list(words)
                    span_words = []
                words, broke = [], True
                index += 1
                continue
            if text == "%":
                index += 1
                continue
            # Anything else between a name and its value breaks the name: `ckpt=3/model.pt`.
            words, broke = [], True
            index += 1
            continue
        if item.text in "'\"":
            # A quoted setting (`ignoring 'lr0=0.01'`) is text about the code, not a value.
            close = next((j for j in range(index + 1, count) if items[j].text == item.text), -1)
            if close > 0 and any(items[j].text == "=" for j in range(index + 1, close)):
                words, broke = [], True
                index = close + 1
                continue
        # glyphs, other characters
        words, broke = [], True
        index += 1
    if len({phase.lower() for phase, _ in phase_counters}) > 1:
        # `Train steps: 10 Val steps: 3 loss: 0.76 val_loss: 0.78`: how many steps each phase
        # took, neither the line's step nor a label of its values.
        first = phase_counters[0][0] + "/"
        if program.step in {slot for _, slot in phase_counters}:
            program.step = None
        program.metrics = [
            (name[len(first) :] if name.startswith(first) else name, slot, kind)
            for name, slot, kind in program.metrics
        ]
    if logger_label:
        # A label over names saying another phase (`INFO train: epoch 1 train_loss=0.63
        # val_loss=0.57`) names the logger, not their phase: a name saying its own phase
        # keeps it alone (`train_loss`, not `train/train_loss`).
        first = logger_label + "/"
        program.metrics = [
            (
                name[len(first) :]
                if name.startswith(first) and opens_with_phase(name[len(first) :])
                else name,
                slot,
                kind,
            )
            for name, slot, kind in program.metrics
        ]
    if (
        plural_counts
        and not program.bar
        and not any(holds_metric_word(WORDS.findall(m[0])) for m in program.metrics)
    ):
        # `Train steps: 200`, `Epochs: 3` alone or among other settings (`episodes 40 | gamma
        # 0.99 | lr 1e-3`, no metric's name): how many, a setting, no counter of the run,
        # unless the line comes again with another number (the reader sees to it).
        if program.step in plural_counts:
            program.plural_slot, program.plural_epoch = program.step, False
            program.step = None
        if program.epoch in plural_counts:
            program.plural_slot, program.plural_epoch = program.epoch, True
            program.epoch = None
            program.per_epoch = False
    if settings:
        program.metrics = []
    if program.metrics:
        _drop_row_heads(items, program)


def _drop_row_heads(items: list[_Item], program: Program) -> None:
    """A name before a row of bare numbers (`const  0.2249  0.146  1.541`) is a row's key in a
    table whose header was not read, not the name of the first number: no metric."""
    by_slot = {item.slot: i for i, item in enumerate(items) if item.kind == "num"}
    keep = []
    for metric in program.metrics:
        index = by_slot.get(metric[1])
        bare = 0
        if index is not None:
            j = index + 1
            while j + 1 < len(items) and items[j].kind == "ws" and items[j + 1].kind == "num":
                if items[j + 1].unit:
                    break
                bare += 1
                j += 2
        if bare < 2:
            keep.append(metric)
    program.metrics[:] = keep


def _counts_a_unit(items: list[_Item], index: int, nxt: int | None) -> bool:
    """`took 12 minutes`, `Showing 10 best trials`, `Fit 30 trees in 1.2 s`: a number of a thing.

    Words follow the number (one space) and no value of theirs does: no number, ``:`` or
    ``=`` before the segment ends, or the words are prose (*in*, *of*…).
    """
    if nxt is None or items[nxt].kind != "word" or items[nxt].start - items[index].end != 1:
        return False
    after = items[nxt].text.lower()
    if len(after) > 5 and after.endswith("ed"):  # (`speed`, `embed`: short words, no verbs)
        return False  # a verb, not a thing counted: `logloss 0.514389 trained in 2.27 seconds`
    if after in ("and", "or", "but"):
        return False  # `… is 1957.08 and mean absolute error is 16.62`: the next clause
    if after in STOP_WORDS:
        following = _next_significant(items, nxt)
        if following is not None and items[following].text.lower() in _COUNTER_NAMES:
            return False  # `Best loss was 0.5 at step 3`: when, not a thing counted
    for j in range(nxt, len(items)):
        item = items[j]
        if item.kind == "ws":
            if "\t" in item.text or len(item.text) > 2:
                return True
            continue
        if item.kind == "word":
            if item.text.lower() in STOP_WORDS:
                return True
            continue
        if item.kind in ("num", "time"):
            return False  # (`loss 0.5 time 00:12`: the word names the time after it)
        return item.text not in ":=("
    return True


def _counts_a_word(items: list[_Item], nxt: int | None) -> bool:
    """`Trial status: 2 TERMINATED | 2 PENDING`, `Speed: 0.9ms preprocess, 39.4ms inference`,
    `toy loop: 480 train / 120 val`:
    after a label, a number with one word of its own before the list's next separator is a
    number of that thing, not the label's value."""
    if nxt is None or items[nxt].kind != "word" or items[nxt - 1].text != " ":
        return False
    after = _next_significant(items, nxt)
    if after is None:
        # (`Mean autocorrelation time: 38.182 steps`: a fraction of a thing is no count of
        # it, the word is the value's unit)
        fraction = nxt >= 2 and items[nxt - 2].kind == "num" and "." in items[nxt - 2].text
        return not fraction or items[nxt].text.lower() in _CLOCK_UNITS  # (`0.5 seconds`: kept
        # out, as a duration that took the whole of something is)
    if items[nxt].text.lower() == "out" and items[after].text.lower() == "of":
        return True  # `EarlyStopping counter: 3 out of 7`: a count of a total
    if items[nxt].text in _MEASURE_UNITS:
        return False  # `RMSE_E=  543.54 meV, RMSE_F= …`: the value's unit, not a thing counted
    if items[after].text == "/":
        # `data: 480 train / 120 val`: a split's size, then the next's (`score: 0.5 train /
        # 0.4 val` is a value's, whole numbers are sizes)
        return nxt >= 2 and items[nxt - 2].kind == "num" and items[nxt - 2].text.isdigit()
    return items[after].kind == "p" and items[after].text in ",|;"


def _glued_colon(items: list[_Item], index: int) -> bool:
    """Whether the number follows a ``:`` glued to the word before (``run.py:852``)."""
    j = index - 1
    return j >= 1 and items[j].text == ":" and items[j - 1].end == items[j].start


_LITERALS = frozenset(("True", "False", "None", "true", "false", "null", "none"))
_PHASED = re.compile(r"(\w+)\((\w+)\)$")
_FILE = re.compile(r"\.(?:py|pyx|cpp|cc|cu|c|h|hpp|js|ts|rs|go|java|so|sh|yaml|yml|json|cfg)$")


def _is_counter_words(words: list[str]) -> str | None:
    last = re.split(r"(?<=[a-z])(?=[A-Z])", words[-1])[-1].lower()  # `bestIteration`
    if last in EPOCH_WORDS:
        return "epoch"
    if last in STEP_WORDS:
        return "step"
    return None


def _per_counter_rate(words: list[str], item: _Item) -> bool:
    """A mean per counter (`Average timesteps per episode: 44.79`, `reward per step: 0.5`): a
    metric, where a whole number (`steps per epoch: 30`) is a setting."""
    return (
        len(words) > 2
        and words[-2].lower() == "per"
        and ("." in item.text or holds_metric_word(words[:-2]))
    )


def _is_counter(words: list[str], span_words: list[str], explicit: bool, item: _Item) -> bool:
    """Whether ``words`` + value is a counter (``step 10``, ``Train Epoch: 1``), not a metric."""
    kind = _is_counter_words(words)
    if kind is None:
        return False
    if "." in item.text or "e" in item.text.lower() and not item.text.isdigit():
        return False  # a fractional epoch (`epoch 0.33`) is a value, not a counter
    # Only at the start of its words, or after qualifiers (`Start of epoch 0`): `steps per
    # epoch: 30` is prose.
    before = span_words[: len(span_words) - 1] if span_words else []
    return all(w.lower() in PHASES or w.lower() in _MARKER_WORDS for w in before) or not before


def _tagged_counter(
    words: list[str], span_words: list[str], items: list[_Item], index: int, item: _Item
) -> bool:
    """`basinhopping step 3: f -0.74`, `Warmup step 10: lr 0.001`: one word opening the line
    (a tag: the algorithm's, the phase's) before a counter that heads the line with its `:`."""
    if len(words) != 2 or len(span_words) != 2 or not item.text.isdigit():
        return False
    if _is_counter_words(words[-1:]) is None:
        return False
    if index >= 2 and items[index - 1].text == "=" and items[index - 2].kind == "word":
        # `train_step epoch=1 step=10 loss=…`: an event's name, then its fields
        return _opens_message(items, index - 1, 2)
    if not _opens_message(items, index, 2):
        return False
    after = _next_significant(items, index)
    return after is not None and items[after].text == ":"


def _identity_tag(program: Program) -> None:
    """A trial's, a fold's or a job's number, the line's first counter, before finer counters
    of its own (`[trial 2] epoch 1 step 10`, `[trial 0] epoch 1/6 …`, `trial 3 | lr 0.3 |
    epoch 2/5 | loss …`): it says whose values they are, never the step."""
    if (
        program.tag_slot is None
        and program.step is not None
        and program.first_step_word in _IDENTITY_COUNTERS
    ):
        program.tag_slot, program.tag_word = program.step, program.first_step_word
        program.step, program.first_step_word = None, ""


def _read_position(
    items: list[_Item],
    index: int,
    total_at: int,
    words: list[str],
    span_words: list[str],
    program: Program,
    label: list[str],
) -> int:
    """Read ``n/total`` (a counter's position, a count with its percentage or its fraction)
    from the count at ``index`` and the total at ``total_at``; the next index."""
    count, total = items[index], items[total_at]
    after = total_at + 1
    kind = _is_counter_words(words) if words else None
    before = [w for w in span_words[: len(span_words) - len(words)]]
    plain_head = all(w.lower() in PHASES for w in before)
    if kind in ("epoch", "step") and plain_head:
        _identity_tag(program)
    if kind == "epoch" and plain_head:
        program.epoch = count.slot
        program.per_epoch = program.position is None
        return after
    if kind == "step" and plain_head:
        program.step = count.slot
        program.positional_step = True
        program.total = total.slot
        return after
    if words and kind is None:
        rest = _text_after(items, after - 1)
        percent = _FRACTION_PERCENT.match(rest) is not None
        fraction = None if percent else _fraction_after(items, after, count, total)
        if percent or fraction is not None:
            # `Accuracy: 9676/10000 (97%)`: the count as a percentage, exact; `Item accuracy:
            # 58 / 96 (0.6042)`: the fraction it printed.
            name = _name_of(words, True)
            if name is not None:
                full = "/".join([*(["_".join(label)] if label else []), name])
                if fraction is None:
                    program.metrics.append((full, count.slot, 1))
                else:
                    program.metrics.append((full, fraction.slot, 0))
                    return items.index(fraction, after) + 2
            return after
        return after
    if not words:
        # A bare position: inside brackets after an epoch (`Epoch [3/10], Step [100/600]`
        # is read by the words before the bracket), or opening a line (`[2/30] 1 tree, …`).
        if program.position is None and program.step is None:
            program.position = count.slot
            program.total = total.slot
            program.per_epoch = False
        elif (
            program.position is not None
            and program.epoch is None
            and program.step is None
            and index >= 2
            and items[index - 1].text == "["
            and items[index - 2].text == "]"
        ):
            # `[0/5][50/1583]`: two positions side by side, the epoch's and the batch's in it
            # (the DCGAN example, mmcv's `Epoch [1][50/500]`).
            program.epoch = program.position
            program.position = count.slot
            program.total = total.slot
    return after


_POSITION_IN_BRACKETS = re.compile(r"[(\[][ ]*\d+[ ]*/[ ]*\d+[ ]*[)\]]")


def _bracketed_position(items: list[_Item], index: int) -> bool:
    """Whether the bracket at ``index`` holds a position and nothing else (`(1/4)`, `[2/10]`)."""
    text = "".join(item.text for item in items[index : index + 8])
    return _POSITION_IN_BRACKETS.match(text) is not None


def _next_significant(items: list[_Item], index: int) -> int | None:
    for j in range(index + 1, len(items)):
        if items[j].kind != "ws":
            return j
    return None


_BYTES = re.compile(r"[KMGTP]?i?B(?:/s)?\Z")
_BYTES_QUALIFIER = re.compile(r"\((?:[KMGTP]i?B|bytes)\)")


def _sized(items: list[_Item], index: int) -> bool:
    """A size or a throughput in bytes (`3.3 KB`, `0.33GB`, `111.1 MB/s`): not a metric (mlop
    samples the machine's memory itself; a data set's or a file's size is not a result)."""
    item = items[index]
    if item.unit:
        return _BYTES.match(item.unit + _rest_word(items, index)) is not None
    j = index + 1
    if j + 1 < len(items) and items[j].text == "±" and items[j + 1].kind == "num":
        return _sized(items, j + 1)  # `111.1±27.6 MB/s`: the unit is after the spread
    if j + 1 < len(items) and items[j].kind == "ws" and items[j].text == " ":
        after = items[j + 1]
        text = after.text
        if after.kind == "word" and j + 3 < len(items) and items[j + 2].text == "/":
            text += "/" + items[j + 3].text
        return after.kind == "word" and _BYTES.match(text) is not None
    return False


def _abbreviation_before(items: list[_Item], index: int, count: int) -> str:
    """The word shortened with a dot right before the ``count`` words of the name whose
    value is at ``index`` (`Filt.` of `Filt. MRR : 0.137`), or ""."""
    j = index - 1
    while j >= 0 and (items[j].kind == "ws" or items[j].text in ":="):
        j -= 1
    seen = 0
    while j >= 0 and seen < count:
        if items[j].kind == "word":
            seen += 1
        elif items[j].kind != "ws":
            return ""
        j -= 1
    if (
        seen == count
        and j >= 2
        and items[j].text == " "
        and items[j - 1].text == "."
        and items[j - 2].kind == "word"
        and items[j - 2].end == items[j - 1].start
    ):
        return items[j - 2].text
    return ""


def _explicit_pair_follows(items: list[_Item], index: int) -> bool:
    """Whether a name of at most three words one space apart, its `:` or `=`, then a number
    start at ``index`` (`CV: 0.82`)."""
    words = 0
    j = index
    while j < len(items) and items[j].kind == "word" and words < 3:
        words += 1
        j += 1
        if j < len(items) and items[j].text == " " and j + 1 < len(items):
            if items[j + 1].kind != "word":
                break
            j += 1
    if not words or j >= len(items) or items[j].text not in (":", "="):
        return False
    value = _next_significant(items, j)
    return value is not None and items[value].kind == "num"


def _pairs_follow(items: list[_Item], index: int) -> bool:
    """Whether a parenthesised group from its first word ``index`` is `name value` pairs: at
    most three words, then a number, then the group closes or a separator follows."""
    words = 0
    for j in range(index, len(items)):
        item = items[j]
        if item.kind == "ws" or item.kind == "p" and item.text in ":=":
            continue
        if item.kind == "word":
            words += 1
            if words > 3 or item.text.lower() in STOP_WORDS:
                return False
            continue
        if item.kind == "num" and words == 1 and items[index].text.lower() in QUALIFIERS:
            return False  # `reached 0.69 (best 0.69)`: a note on the value, not a pair
        if item.kind == "num" and words:
            after = _next_significant(items, j)
            return after is not None and items[after].text in "),;|"
        return False
    return False


def _group_holds_size(items: list[_Item], index: int) -> bool:
    """Whether the parenthesised group opening at ``index`` holds a size in bytes."""
    depth = 0
    for j in range(index, len(items)):
        item = items[j]
        if item.kind == "p" and item.text == "(":
            depth += 1
        elif item.kind == "p" and item.text == ")":
            depth -= 1
            if not depth:
                return False
        elif item.kind == "num" and _sized(items, j):
            return True
    return False


def _rest_word(items: list[_Item], index: int) -> str:
    """The word glued after a numeric token's unit (`12ms/step`: `/step`)."""
    j = index + 1
    if j < len(items) and items[j].start == items[index].end:
        out = ""
        while j < len(items) and items[j].kind in ("word", "p") and items[j].text not in ",;|":
            out += items[j].text
            if items[j].kind == "word":
                break
            j += 1
        return out
    return ""


def _fraction_after(items: list[_Item], index: int, count: _Item, total: _Item) -> _Item | None:
    """The number in brackets from ``index`` on when it is ``count / total`` as printed
    (`58 / 96 (0.6042)`), else None."""
    inner = [item for item in items[index : index + 5] if item.kind != "ws"]
    if len(inner) < 3 or inner[0].text != "(" or inner[1].kind != "num" or inner[2].text != ")":
        return None
    if inner[1].unit:
        return None
    try:
        shown, whole, part = float(inner[1].text), float(total.text), float(count.text)
    except ValueError:
        return None
    if not whole or not 0 <= shown <= 1:
        return None
    decimals = len(inner[1].text.partition(".")[2])
    return inner[1] if abs(shown - part / whole) <= 0.5 * 10.0**-decimals + 1e-12 else None


def _share_after(items: list[_Item], index: int) -> _Item | None:
    """The percentage right after a whole number, nothing named between (`Correctly
    Classified Instances   180   60 %`, `Correct: 180 (60.0%)`): the count's share, the value
    the name is measured by; the count before it says of how many."""
    j = index + 1
    if j < len(items) and items[j].kind == "ws":
        j += 1
    paren = j < len(items) and items[j].text == "("
    if paren:
        j += 1
    if j >= len(items) or items[j].kind != "num":
        return None
    share = items[j]
    if share.unit != "%":
        k = j + 1
        if k < len(items) and items[k].kind == "ws" and len(items[k].text) <= 8:
            k += 1
        if k >= len(items) or items[k].text != "%" or items[k].unit:
            return None
        j = k
    j += 1
    if paren:
        if j >= len(items) or items[j].text != ")":
            return None
        j += 1
    rest = items[j] if j < len(items) else None
    if rest is not None and rest.kind == "ws":
        rest = items[j + 1] if j + 1 < len(items) else None
    if rest is not None and (rest.kind != "p" or rest.text in "(/"):
        return None  # (a word or a number goes on: `180  60% of 300`, the share of something)
    return share


# Names in parentheses, then as many values in parentheses (`best_value (random, qEI) =
# (1.18, 1.38)`, BoTorch's tutorials): each value is its name's, under the label before them.
_TUPLE_PAIRS = re.compile(
    r"(?:(?P<label>[A-Za-z_][\w\-]*(?:[ ][A-Za-z_][\w\-]*){0,3})[ ]*)?"
    r"\((?P<names>[A-Za-z_][\w.\-]*(?:,[ ]*[A-Za-z_][\w.\-]*)+)\)[ ]*[=:][ ]*"
    r"\((?P<values>[^()]*)\)"
)


def _tuple_pairs(line: str, program: Program) -> None:
    """Read ``name (a, b) = (x, y)``: `name/a` is x, `name/b` is y (see _TUPLE_PAIRS)."""
    spans = token_spans(line)
    for m in _TUPLE_PAIRS.finditer(line):
        names = [n.strip() for n in m.group("names").split(",")]
        inside = [
            i for i, (a, b) in enumerate(spans) if m.start("values") <= a and b <= m.end("values")
        ]
        cells = [c.strip() for c in m.group("values").split(",")]
        if len(inside) != len(names) or len(cells) != len(names):
            continue
        if not all(is_value(line[spans[i][0] : spans[i][1]]) for i in inside):
            continue
        if all(line[spans[i][0] : spans[i][1]].lstrip("-").isdigit() for i in inside):
            continue  # `ARMA errors (p, q): (0, 0)`, `(h, w) = (224, 224)`: orders, sizes
        label = "_".join((m.group("label") or "").split())
        program.metrics = [x for x in program.metrics if x[1] not in inside]
        program.metrics.extend(
            (f"{label}/{name}" if label else name, slot, 0)
            for name, slot in zip(names, inside, strict=True)
        )
        program.inert = False


def _text_after(items: list[_Item], index: int) -> str:
    out = []
    for j in range(index + 1, min(len(items), index + 8)):
        out.append(items[j].text + items[j].unit)
    return "".join(out)


def _between(items: list[_Item], first: _Item, second: _Item) -> str:
    return "".join(
        i.text for i in items if i.start >= first.end and i.end <= second.start and i.kind != "ws"
    )


def _spaced(items: list[_Item], index: int) -> bool:
    before = items[index - 1] if index else None
    after = items[index + 1] if index + 1 < len(items) else None
    return (before is None or before.kind == "ws") and (after is None or after.kind == "ws")


# Words a name abbreviates with a full stop, before a capitalised word too (`Val. Acc`).
_ABBREVIATED = frozenset(
    "val valid avg tr trn tst eval std min max approx adj neg func no num dep cov err prob tot "
    "est cum obs var coef conf corr pct sig cond".split()
)


def _sentence_end(items: list[_Item], index: int) -> bool:
    after = items[index + 1] if index + 1 < len(items) else None
    if after is None or after.kind != "ws":
        return False
    before = items[index - 1] if index else None
    nxt = _next_significant(items, index)
    if (
        before is not None
        and before.kind == "word"
        and before.end == items[index].start
        and len(before.text) <= 4
        and nxt is not None
        and items[nxt].kind == "word"
        and (items[nxt].text[:1].islower() or before.text.lower() in _ABBREVIATED)
    ):
        return False  # an abbreviation inside a name: `Avg. loss`, `Val. Loss`
    return True


# A clock's units as a word after a value: the names of durations (`seconds`), their short
# forms (`s`, `ms`, `min`, `h`) and singulars.
_CLOCK_UNITS = _UNIT_WORDS | {"s", "ms", "min", "h", "second", "minute", "hour"}
_CLOCK = re.compile(r"\d+:\d\d(?::\d\d)?(?:\.\d+)?")


def _closing_bracket(line: str, start: int, end: int) -> int:
    """The `]` closing a bracket opened before ``start`` (brackets inside it, a window's
    `[1351-1500]`, are skipped), or -1."""
    depth = 0
    for index in range(start, end):
        char = line[index]
        if char == "[":
            depth += 1
        elif char == "]":
            if not depth:
                return index
            depth -= 1
    return -1


def _window_before_value(items: list[_Item], index: int) -> int | None:
    """The index of the `:` after a bracketed window of steps between a name and its value
    (`avg. loss [1351-1500]: 21202.0`, NumPyro's), or None."""
    j = index + 1
    while j < len(items) and j < index + 16 and items[j].text != "]":
        j += 1
    if j >= len(items) or items[j].text != "]":
        return None
    if _WINDOW.fullmatch("".join(item.text for item in items[index : j + 1])) is None:
        return None
    after = _next_significant(items, j)
    return after if after is not None and items[after].text in (":", "=") else None


_WINDOW = re.compile(r"\[[ ]*\d+[ ]*[-–][ ]*\d+[ ]*\]")


def _names_a_value(items: list[_Item], index: int) -> bool:
    """Whether the word at ``index`` is a name with its value after a `=` or `:`
    (`loss=0.52`, `loss 0.52` after `train:`): a label's name, not a field's text."""
    j = index + 1
    if j < len(items) and items[j].text in ("=", ":"):
        j += 1
    while j < len(items) and items[j].kind == "ws":
        j += 1
    return j < len(items) and items[j].kind == "num"


def _glued_key(items: list[_Item], at: int) -> bool:
    """Whether the `=` at ``at`` joins a key glued to it (`epochs=4`), as fields are."""
    return at >= 1 and items[at - 1].kind == "word" and items[at - 1].end == items[at].start


def _opens_message(items: list[_Item], index: int, words: int) -> bool:
    """Whether the ``words`` words before item ``index`` are the first items of the message."""
    seen = 0
    for j in range(index - 1, -1, -1):
        kind = items[j].kind
        if kind == "ws":
            continue
        if kind == "word" and seen < words:
            seen += 1
            continue
        return False
    return True


def _opens_bracket_tag(items: list[_Item], index: int) -> bool:
    """Whether the ``]`` at ``index`` closes a bracket of words only that opens the line."""
    for j in range(index - 1, -1, -1):
        item = items[j]
        if item.kind == "p" and item.text == "[":
            return all(items[k].kind == "ws" for k in range(j))
        if item.kind not in ("word", "ws") and item.text not in "-.:":
            return False
    return False


def _opens_line(items: list[_Item], index: int) -> bool:
    """A number that opens the message as a counter: `10:\\t`, `[7]\\t`, `[7] `, `<25> `."""
    before = [i for i in items[:index] if i.kind != "ws"]
    after = _next_significant(items, index)
    if not before:
        return (
            after is not None
            and items[after].text == ":"
            and "\t" in _text_after(items, after - 1)[:3]
        )
    if len(before) == 1 and before[0].text in ("[", "<"):
        # `[7] …`, `<25> log likelihood: -58809` (the `lda` package's iterations)
        closing = "]" if before[0].text == "[" else ">"
        return after is not None and items[after].text == closing
    return False


def _opens_epoch_batch(items: list[_Item], index: int) -> str:
    """`[1,  2000]` opening the message: ``"epoch"`` for its first whole number, ``"step"`` for
    its second, ``""`` otherwise."""
    significant = [i for i in items[: index + 6] if i.kind != "ws"]
    if (
        len(significant) < 5
        or [i.text for i in (significant[0], significant[2], significant[4])] != ["[", ",", "]"]
        or not (significant[1].text.isdigit() and significant[3].text.isdigit())
    ):
        return ""
    if items[index] is significant[1]:
        return "epoch"
    return "step" if items[index] is significant[3] else ""


def parse_float(text: str) -> float:
    """A numeric token's value (``nan``/``inf`` spelled any way Python knows)."""
    try:
        return float(text)
    except ValueError:
        grouped = grouped_value(text)
        return math.nan if grouped is None else grouped


__all__ = ["EMPTY", "Program", "fold_glyphs", "interpret", "lex", "parse_float", "token_spans"]
