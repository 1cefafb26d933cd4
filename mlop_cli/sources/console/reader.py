"""The console reader: records in, points (name, step, epoch, value) out, with the run's context.

Three layers. :mod:`~mlop_cli.sources.console.tokens` finds the numbers of a line and its
shape; :mod:`~mlop_cli.sources.console.shapes` says, once per shape, what each number means
(:class:`~mlop_cli.sources.console.shapes.Program`); this module applies those meanings to each
line in order, with what the run has said so far:

**Tables.** A line of column names (separated by two spaces or more, or by ``|``), maybe a rule
under it, then rows of numbers in the same columns: each row gives one value per column, named
by the column; a column named like a step or an epoch (``epoch``, ``E``, ``step``, ``#``,
``iter``, ``Iter``, ``Trial``) is the row's step or epoch; a time column (``00:12``) is not a
metric. A progress bar drawn between rows does not end the table; other text does. A *boxed*
table (``| key | value |`` rows between rules) gives ``section/key`` names, a row with a key
and no value being a section, and is one record: its step is the table's own step counter
(``total_timesteps``), read when the table closes.

**Steps.** In order: the line's own step; a progress position inside an epoch (``Epoch 2/5 …
3/12``: (epoch − first epoch) × 12 + 3, the same step for every metric of the line; a position
that restarts when the epoch changes is read so too); a value reported per epoch lands at that
epoch's last step seen (so training and validation line up); a line without a step printed while
a progress bar runs takes the bar's step; a line without a step after lines with steps takes
the last step seen, once per step; otherwise the metric counts on from its last step. The
epoch of each point is kept where the output gave one.

**Redraws.** A progress bar gives one point per position: a redraw at the same position
replaces the value it showed; the last value shown at a position is kept. Values that change k
times at one position, which the count then leaves k further showing the last, were k
iterations of a bar whose count lags its redraws (tqdm's miniters): each is a point.

**Configuration.** Values on lines printed before the run's training output begins (its first
counter, bar, table or repeated line shape), such as ``Initial learn rate: 0.001`` or ``batch
size: 32``, are kept aside, and stored only if the same name comes back later as a series.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from mlop_cli.sources.console.prefix import JOINERS, rank_tag, split_prefix
from mlop_cli.sources.console.shapes import (
    CONFIG_WORDS,
    EMPTY,
    EPOCH_WORDS,
    METRIC_WORDS,
    OVER_WORDS,
    PHASES,
    SETTING_LABELS,
    SIZE,
    STEP_WORDS,
    STOP_WORDS,
    UNIT_SCALE,
    WORDS,
    Program,
    count_kind,
    fold_glyphs,
    holds_metric_word,
    interpret,
    is_count_name,
    is_data_name,
    items_by_number,
    names_a_setting,
    parse_float,
    token_spans,
    under_phase,
)
from mlop_cli.sources.console.tokens import (
    GLYPH,
    PLAIN_NUMBER,
    QUALIFIERS,
    TOKEN_CORE,
    UNITS,
    VALUE_TOKEN,
    grouped_value,
    is_value,
    split_tokens,
)

Emit = Callable[[list[str], "int | None", "float | None", list[float], float], None]
"""``emit(names, step, epoch, values, time)``: the points of one record (one per name)."""
EmitColumns = Callable[
    [list[str], "list[int] | None", list[list[float]], list[float], "list[float] | None"], None
]
"""``emit_columns(names, steps, values, times, epochs)``: records of one shape, one column per
name (``epochs``: each record's epoch, or None: none)."""
_BOXY = frozenset("|│┃-=─━+┏┗┡┣╭╰├┌└")
_BOX_SIDES = "|│┃"  # a box row's cell walls (see _box_row, _BOX_CELL)
# Double-line box drawing (prettytable's DOUBLE_BORDER), as its single-line characters.
# Double and dashed lines (a polars frame's `┆` between cells, `╞═══╪` under its header).
_DOUBLE_LINES = str.maketrans(
    "║═╔╗╚╝╠╣╦╩╬╟╢╤╧╪╞╡╒╕╘╛╓╖╙╜┆┊╎┇┋╏", "│─┌┐└┘├┤┬┴┼├┤┬┴┼├┤┌┐└┘┌┐└┘││││││"
)

MAX_SHAPES = 4096
# A bar's wrapped metrics: lines indented this much after it; a name ending one, its value
# on the next.
_WRAP_INDENT = " " * 8
_DANGLING = re.compile(r"(?:^|(?<=\s))([A-Za-z_][\w./@\-]*:)$")
# Points of a count's name held while it has not changed (beyond: not kept; see _emit_counted),
# and ten times that for all names together.
_MAX_COUNT_HELD = 10_000
_MAX_COUNT_NAMES = 10_000  # names looked at for counts (beyond: taken as metrics)
_MAX_EPOCH_VALUES = 100_000  # values kept by epoch to know a history printed again
_FOLD = re.compile(r"[\W_]+")  # what names may differ by and be the same series' (`Val Acc`)
_RULE = re.compile(r"^[ \t]*[-=─━+|:┼┿╋┃│┣┫┠┨┏┓┗┛┳┻╭╮╰╯├┤┌┐└┘┬┴┡┩╇╈┢┪╞╡╪╤╧╒╕╘╛\x01 \t]{3,}$")
# Where a rule of rich's heavy or double lines crosses a column wall (`┡━━━╇━━━┩`).
_RULE_JUNCTIONS = "┼┿╋┳┻╇╈┬┴╪╤╧"
# A row of a one-column box: `│ accuracy        0.52 │` (key and value in one cell), or a cell
# with no value (`│ Trial trainable_00000 result │`, the box's title when it comes first).
_BOX_CELL = re.compile(
    r"^[ \t]*[|│┃][ \t]*([^\s|│┃][^|│┃]*?)(?:[ \t]{2,}([^\s|│┃]+))?[ \t]*[|│┃][ \t]*$"
)
# An indented `key: value` line (see Reader._listed): a key of words (digits glued to them:
# `sigma0`, `c1`), its value one number, or one word, flag or bracketed list.
# A listed value: a word or number, or a bracketed group (`(0.9, 0.999)`, `[30, 60]`).
_LISTED_VALUE = r"([^\s(\[{]+|\(.*\)|\[.*\]|\{.*\})"
_LISTED = re.compile(
    r"(?:\t|[ ]{2})[ \t]*([A-Za-z][\w.()/\-]*(?: [A-Za-z][\w.()/\-]*){0,4}):[ \t]+"
    rf"{_LISTED_VALUE}[ \t]*"
)
# A top-level line of a YAML document (`num_threads: 6`, `optim:`) inside a listing: the
# document goes on (OmegaConf's and yacs' dumps, keys sorted, sections between plain keys).
_LISTED_TOP = re.compile(rf"([A-Za-z_][\w.\-]*):(?:[ \t]+{_LISTED_VALUE})?[ \t]*")
_LISTED_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)")


def _listed_line(line: str, going_on: bool) -> re.Match[str] | None:
    """A line of an indented `key: value` listing, or, while one goes on, a top-level line of
    the YAML document it is part of (a plain key, with or without its value)."""
    if line[:1] in " \t":
        return _LISTED.fullmatch(line)
    return _LISTED_TOP.fullmatch(line) if going_on else None


# A row of a pandas Series as it prints: its index, two spaces or more, a number; the last
# line says what it was (`dtype: float64`, `Name: coef, dtype: float64`).
_SERIES_ROW = re.compile(
    r"(?=[^\s\d.+\-])(\S+(?: \S+)*)[ ]{2,}[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?[ \t]*"
)
# A title naming values per item of the data or the model, not the run's measures.
_PER_ITEM_TITLE = re.compile(r"(?i)\bimportances?\b")
# A row of such values: maybe its number, the item's name, then numbers only.
_ITEM_ROW = re.compile(
    r"[ \t]*(?:\d+[ \t]+)?[^\s:=]+(?: [^\s:=]+)*(?:[ \t]{2,}[-+]?[\d.]+(?:[eE][-+]?\d+)?)+[ \t]*"
)
_SERIES_END = re.compile(r"(?:Name: .{0,80}, )?(?:Length: \d+, )?dtype: [\w\[\], ]+[ \t]*")
_FLAGS = frozenset(("true", "false", "none", "null", "auto"))
_MAX_TRAIL = 64  # values changed at one bar position, kept at most (see _point)
_MAX_LISTING = 200  # lines held at most: the listing is decided then, a new one begins
# A box titled as configuration holds settings, not results.
_IDENTIFIER = re.compile(r"[A-Za-z][\w.\-]*\d[\w.\-]*|\d[\w.\-]*[A-Za-z_][\w.\-]*")
_BOX_WALL = re.compile(f"[{_BOX_SIDES}]")


# A message titling the settings logged after it (`Incumbent config:`, `Best parameters:`).
_SETTINGS_MESSAGE = re.compile(
    r"(?i)(?:[a-z]+[ ]){0,3}(?:hyper[-_ ]?)?(?:parameters|params|hparams|arguments|args"
    r"|config|configuration|options|settings):"
)
# A message of one setting (`x0: 2.909`, `lr = 0.01`).
_ONE_SETTING = re.compile(r"[A-Za-z_][\w.\-\[\]]*[ ]?[:=][ ]*\S+")


def _logged_settings_title(line: str) -> bool:
    """Whether a logged record (its prefix first: a title alone is the dump skipper's) titles
    the settings logged after it."""
    prefix = split_prefix(line)
    if prefix.start == 0:
        return False
    return _SETTINGS_MESSAGE.fullmatch(line[prefix.start : prefix.end].strip()) is not None


def _one_setting(line: str) -> bool:
    """Whether a logged record is one `key: value` (a setting under a settings title)."""
    prefix = split_prefix(line)
    return _ONE_SETTING.fullmatch(line[prefix.start : prefix.end].strip()) is not None


def _summary_phase(last: list[str], program: Program) -> str:
    """The phase a summary line marked `*` continues: the phase labelling every name of the
    record just before it, when the summary repeats one of them and says no step of its own
    (``""`` otherwise)."""
    if (
        not last
        or program.step is not None
        or program.epoch is not None
        or program.position is not None
        or program.bar
        or program.row
    ):
        return ""
    phase = last[0].split("/", 1)[0]
    if phase == last[0] or phase.lower() not in PHASES:
        return ""
    if not all(name.startswith(f"{phase}/") for name in last):
        return ""
    labelled = {name[len(phase) + 1 :] for name in last}
    names = [name for name, _, _ in program.metrics]
    if "/" in "".join(names) or not any(name in labelled for name in names):
        return ""
    return phase


# A key column's header saying its rows are statistics of data (`┃ Statistic ┃ Value ┃`).
_STATISTIC_HEADERS = frozenset(("statistic", "statistics", "stat", "stats"))


def _names_settings(title: str) -> bool:
    """Whether a title or a header cell names configuration (`Best parameters:`,
    `Hyperparameters`): the values under it are settings."""
    return any(w.lower().strip(":") in CONFIG_WORDS for w in title.split())


def _box_row(line: str) -> tuple[str, str] | None:
    """The two cells of a `| key | value |` row, stripped, or None."""
    cells = _cells(line)
    if cells is None or len(cells) != 2:
        return None
    return cells[0].strip(), cells[1].strip()


def _cells(line: str) -> list[str] | None:
    """The cells of a row between walls (`|a |b|`, `│ a │ b │`), unstripped, or None. (Split,
    not a regex: the regex it replaces took cubic time on a wall and a long run of spaces.)"""
    row = line.strip(" \t")
    if len(row) < 3 or row[0] not in _BOX_SIDES or row[-1] not in _BOX_SIDES:
        return None
    return _BOX_WALL.split(row[1:-1])


_HEADER_WORD = re.compile(r"(?:[^\W\d]|#)(?:[\w@()\-./#%]|::)*")  # (`aten::mm`: one name)
# Looked for with `in` (a scan in C per marker, ~20x quicker than a pattern of alternatives):
# BAR_GLYPHS matches only where one of these is, or `==`, or `..` after a `[` (see
# _may_hold_glyphs). A character missing from an ASCII text is found missing at once.
_GLYPH_CHARS = "█▉▊▋▌▍▎▏━╸╺╾╼─▰▱■□"
# A number in a wrapper that prints around it: a tensor, a NumPy 2 scalar, a JAX array, a
# one-element list (`episodic_return=[23.]`, NumPy's `best rewards:  [20.32]`).
_NUM = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?|nan|inf|-inf"
# Each holds `(`, `[` or `np.`: a block with none of those has none (three scans, not eight).
_WRAPPER_MARKERS = (
    "tensor(",
    "Tensor(",
    "np.",
    "numpy.",
    "rray(",
    "=[",
    "= [",
    ":[",
    ": [",
    ":  [",
)
_WRAPPED = re.compile(
    rf"\b(?:tensor|tf\.Tensor|(?:np|numpy)\.(?:float|int|uint)\d+|[Aa]rray|DeviceArray)"
    rf"\([ ]*({_NUM})[ ]*(?:,[^()\n]*(?:\([^()\n]*\)[^()\n]*)*)?\)"
    rf"|(?<=[=:])([ ]{{0,3}})\[[ ]*({_NUM})[ ]*\](?!\[)"
)


def _may_hold_glyphs(text: str) -> bool:
    """Whether BAR_GLYPHS may match in a text: a scan for a character the text lacks (`=`,
    `[`) spares the slower scan for a pair (`==`, `..`)."""
    return (
        any(c in text for c in _GLYPH_CHARS)
        or ("=" in text and "==" in text)
        or ("[" in text and ".." in text)
    )


# A record of per-epoch lists (`print(history.history)`: `{'loss': [0.69, 0.52], 'accuracy':
# [0.51, 0.74]}`), read as one record per epoch.
_HISTORY = re.compile(r"^[ \t]*\{[ ]*(['\"])[^'\"\n]+\1:[ ]*\[[^\n]*\][ ]*\}[ \t]*$", re.MULTILINE)
_HISTORY_ITEM = re.compile(r"(['\"])([^'\"\n]+)\1:[ ]*\[([^\[\]\n]*)\]")


def _history_records(line: str, known: Callable[[str], bool]) -> str | None:
    """The records a line of per-epoch lists stands for, one line per epoch (``{'epoch': 1,
    'loss': 0.69, …}``), or None when it is no such record: every value a list of numbers, all
    as long, two or more, and a metric's name among its keys (a parameter grid has none).
    Series read already (the bar showed each epoch's values) are not read again."""
    items = _HISTORY_ITEM.findall(line)
    if len(items) != line.count(":") or not any(_metric_like(key) for _, key, _ in items):
        return None
    quote = items[0][0]
    columns: list[tuple[str, list[str]]] = []
    for _, key, body in items:
        values = [v.strip() for v in body.split(",") if v.strip()]
        try:
            [float(v) for v in values]
        except ValueError:
            return None
        columns.append((key, values))
    length = len(columns[0][1])
    if length < 2 or any(len(values) != length for _, values in columns):
        return None
    fresh = [(key, values) for key, values in columns if not known(key)]
    if not fresh:
        return ""
    return "\n".join(
        "{"
        + ", ".join(
            [f"{quote}epoch{quote}: {epoch + 1}"]
            + [f"{quote}{key}{quote}: {values[epoch]}" for key, values in fresh]
        )
        + "}"
        for epoch in range(length)
    )


def _unwrap(m: re.Match[str]) -> str:
    if m.group(1) is not None:
        return m.group(1)
    return m.group(2) + m.group(3)


_AFTER_BAR = re.compile(
    r"(\[[^\]\n]*(?:[A-Za-z?]+/s|s/[A-Za-z]+)(?:,(?:[^\]\[\n]|\[[^\]\[\n]*\])*)?\])[ ]*(?=[^\s\]])"
)  # (a bracket inside the postfix, `avg. loss [601-750]: …`, is the postfix's; the rate's
# unit is the bar's own: `it/s`, `s/it`, `1.35s/epoch`, `93.62step/s`)
# A cut-off written with spaces around its `@` (`Hits @ 10`, `recall @ 20`).
_SPACED_AT = re.compile(r"(\w) @ (\d+)(?=[ ]?[:=]|[ ]+[-+]?\.?\d)")
# A label's arrow between words (`Train >> Advantage: 44.5`), never a prefix's (`… ] >> `).
_LABEL_ARROW = re.compile(r"(?<=[A-Za-z]) (?=>> [A-Za-z])>>")
_GLUED_AFTER = re.compile(r"\][A-Za-z0-9{'\"]")  # a bracket's end with text right after it
# A duration's unit after a space (`0.645 sec`, a table's cell).
_SPACED_UNITS = r"(?:s|sec|secs|seconds|ms|mins?|minutes)(?![\w])"
_SPACED_SIZES = r"(?:[KMGT]i?B|B|bytes)(?![\w])"  # (`1.14 MB` in a profiler's row)
_SIZE_AFTER = re.compile(rf"[ ]?{_SPACED_SIZES}")  # a size in memory or on disk
_TOKEN_AND_UNIT = re.compile(
    rf"(?:{VALUE_TOKEN.pattern}){UNITS}?(?:[ ](?:{_SPACED_UNITS}|{_SPACED_SIZES}))?"
)
_STEP_COLUMNS = frozenset(
    (
        "#",
        "step",
        "steps",
        "iter",
        "iteration",
        "i",
        "iters",
        "nit",
        "niter",
        "it",
        "trial",
        "global_step",
        "round",
        "gen",
        "episode",
    )
)
_EPOCH_COLUMNS = frozenset(("e", "epoch", "epochs", "ep"))
# The last word of a column named as a counter (`global step`, `example counter`, `train iter`).
_COUNTER_WORDS = frozenset(("step", "iter", "iteration", "counter", "gen", "generation", "fold"))
# A split's number (`i_split`, `split_idx`); `split` alone is no counter (LightGBM's feature
# importance by split count is a column `split`).
_SPLIT_INDEX = re.compile(r"(?:i|idx)_split|split_?(?:idx|index|id|no|num)")


def _step_column(lowered: str) -> bool:
    """Whether a column's name (words joined by `_`, lower case) names the rows' counter
    (`iter`, `global step`, an abbreviation of iteration: `Iterat`, the number of trees a
    boosting run has grown: `number_of_trees`, `num_rounds`: a count of the training's
    progress)."""
    last = lowered.rsplit("_", 1)[-1]
    return (
        lowered in _STEP_COLUMNS
        or last in _COUNTER_WORDS
        or (len(last) >= 4 and "iteration".startswith(last))
        or _PROGRESS_COUNT.fullmatch(lowered) is not None
        or _SPLIT_INDEX.fullmatch(lowered) is not None
    )


_PROGRESS_COUNT = re.compile(
    r"(?:number_of|num|n)_?(?:trees|estimators|rounds|iterations|iters|epochs|steps|updates|batches)"
)
_OVERALL_TIME = frozenset(("duration", "elapsed", "runtime"))
_SPACED_UNIT = re.compile(rf"[ ]?{_SPACED_UNITS}")


@dataclass(slots=True)
class _Column:
    name: str
    start: int
    end: int


@dataclass(slots=True)
class _Table:
    columns: list[_Column]
    key: int  # an id for the shape cache
    rows: int = 0
    has_rule: bool = False
    split_bars: bool = True
    index_name: str = ""  # the name of the rows' index, on a line of its own (pandas)
    summary: bool = False  # rows of statistics of a data set (`count`, `mean`, `25%`)
    matrix: bool | None = None  # rows named as its columns, in order (see _row_program)
    estimates: bool = False  # rows of a fitted model's estimates (see _estimates)
    phase: str = ""  # the phase its title names (`VALIDATION:`, then the table): its rows'
    ordinal: int = 0  # rows read that were trials (see Program.row_ordinal)
    # pandas wraps a wide frame into blocks, each header but the last ending in ` \`: the
    # wrapping block's step and epoch of each row number, for the blocks after it
    wraps: bool = False
    index_places: dict[str, tuple[int | None, float | None]] = field(default_factory=dict)
    continues: dict[str, tuple[int | None, float | None]] | None = None


@dataclass(slots=True)
class _LongTable:
    """A `|`-separated table whose rows each name their metric in a column (lm-evaluation-
    harness's `|Tasks|Version|Filter|n-shot|Metric| |Value| |Stderr|`)."""

    cells: int  # the cells of a row
    metric: int  # the column naming the row's metric
    value: int  # the column of its value
    after: list[tuple[int, str]]  # columns after the value, by their title (`Stderr`)
    key: str = ""  # the first column's text last given (a blank cell repeats it)


@dataclass(slots=True)
class _Box:
    section: str = ""
    rows: int = 0  # rows read (a one-column box's first row without a value is its title)
    prefix: str = ""  # the identifier its title names (`Trial trainable_00000 result`)
    config: bool = False  # titled as configuration: nothing in it is a metric
    settings: bool = False  # under a row titled as settings (`Best parameters:`), to the next
    held: int = 0  # rows of settings passed over (a rule after them ends the settings)
    one_column: bool = False
    values: list[tuple[str, float]] = field(default_factory=list)
    steps: list[tuple[str, float]] = field(default_factory=list)
    time: float = 0.0


@dataclass(slots=True)
class _Stream:
    header: tuple[str, list[_Column]] | None = None  # a header line waiting for its first row
    header_wait: int = 0  # lines seen since the header, before its first row
    index_name: str = ""  # a lone name under the header: its rows' index (pandas)
    rule_seen: bool = False
    table: _Table | None = None
    box: _Box | None = None
    bar: tuple[int | None, float | None] | None = None  # the bar just drawn: its step, epoch
    dangling: str = ""  # a wrapped bar's last name, its value on the next line (`val_loss:`)
    titles: str = ""  # a line of titles between bars, maybe over a header's column groups
    # per joiner (JOINERS): a record the last block ended inside, and its time
    held: list[tuple[str, float]] = field(default_factory=lambda: [("", 0.0)] * len(JOINERS))
    folds: list[tuple[str, int | None]] | None = None  # a table of folds' columns (_fold_titles)
    section: str = ""  # the phase a title names for the block of pairs under it
    section_lines: int = 0  # lines of that block read
    # The kind of annotation a COCO evaluation summarises (`IoU metric: segm`): its lines' name
    iou_type: str = ""
    long: _LongTable | None = None  # a table naming each row's metric in a column (see _long_row)
    table_phase: str = ""  # the phase a title names for the next table (`TEST:` over its rows)
    phase_block: str = ""  # the phase a line announced (`Eval begin...`) for the lines after it
    phase_lines: int = 0  # lines of that block read
    # An indented listing of `key: value` lines (see _listed), held until it ends: each line
    # and its tokens (None: a blank line), its values that were words and that were numbers.
    listing: list[tuple[str, str, list[str], float] | None] | None = None
    listing_words: int = 0
    header_wraps: bool = False  # the header waiting for rows ended with ` \` (pandas)
    header_loose: bool = False  # its names may sit one space apart: its first row splits them
    wrapped: _Table | None = None  # the last table whose frame wrapped onto the next block
    listing_numbers: int = 0
    listing_series: bool = False  # the listing held is a column of `key  value` rows (pandas)
    listing_items: bool = False  # ... under a title naming values per item (importances)
    # Lines of text left in which a table or a column of `key  value` rows may open under a
    # title naming values per item of the data or the model (`rf variable importance`).
    items_title: int = 0
    items_block: bool = False  # rows of such values go on, to a blank line or a line of text
    replaying: bool = False
    # Under a logged title naming settings (`… - INFO - Incumbent config:`): its `key: value`
    # records that follow are the settings, to the first record of another kind.
    settings_block: bool = False


@dataclass(slots=True)
class _Context:
    """What the run has said so far about where it is (shared by stdout and stderr)."""

    epoch: float | None = None
    epoch_base: float | None = None
    last_step: int | None = None
    bar_active: bool = False
    bar_position: int | None = None
    bar_total: int | None = None
    bar_arrived: bool = False  # the bar drawn last is the first draw at its position
    bar_drawn_at: tuple[int, int | None] | None = None  # and its position and total
    bar_cycles: int = 0
    bar_epoch: float | None = None  # the epoch the bar was drawn at last
    # The bar counts the whole run: the epoch moved on and the bar did not start over
    # (`train: 33%|… 40/120 [… epoch=2, loss=0.43]`); its position is the step.
    bar_global: bool = False
    bar_high: int | None = None  # the highest step the epochs' bars reached
    epoch_offset: int = 0  # the steps before the epochs last started over
    main_total: int | None = None  # the total of the run's longest bar
    line_total: int | None = None  # the total of the longest `[i/n]` count on a plain line
    bar_desc: str = ""
    epoch_ticks: dict[float, int] = field(default_factory=dict)
    record_epoch_max: float = 0.0
    no_bar: bool = False  # records at fractional epochs and no bar to count steps: ticks
    epoch_last_step: dict[float, int] = field(default_factory=dict)
    # A step that an epoch's values were given, and that epoch (see Reader._epochs_apart).
    epoch_at_step: dict[int, float] = field(default_factory=dict)
    positional: dict[int, bool] = field(default_factory=dict)  # per-epoch `Step n/total`
    last_positional: int | None = None
    plural_values: dict[str, str] = field(default_factory=dict)  # see Program.plural_slot
    # The epoch's `Step n/total`: its total, its epoch, whether it reached its total, and the
    # steps the epochs before it took (see _positional).
    positional_total: int | None = None
    positional_epoch: float | None = None
    positional_done: bool = False
    positional_offset: int | None = None
    started: bool = False
    # shape -> (first held index, its numbers): a line shape seen before the training began
    shapes_seen: dict[str, tuple[int, list[str]]] = field(default_factory=dict)
    # A step counter printed beside its epoch (see Reader._epoch_counter): its last value and
    # epoch, the smallest gap between its values in one epoch, the steps of earlier epochs.
    counter_last: int | None = None
    counter_epoch: float | None = None
    counter_interval: int | None = None
    counter_first: int | None = None  # the first count the epoch printed (0: counts from 0)
    counter_offset: int = 0
    line_steps: bool = False  # lines have given steps of their own (`step 20 loss=…`)
    main_position: int | None = None  # where the main bar (of main_total) was drawn last
    inner_total: int | None = None  # a bar drawn inside the main one since it was drawn

    def bar_at_end(self) -> bool:
        """Whether the bar drawn last stands at its total (an epoch's last position)."""
        return (
            self.bar_total is not None
            and self.bar_position is not None
            and self.bar_position >= self.bar_total > 0
        )


_Point = tuple[str, int | None, float | None, float, float]  # name, step, epoch, value, time
_BarState = tuple[int, float | None, float, float]  # a bar's value: step, epoch, value, time


class _KeyedRows:
    """The rows of tables keyed by whose row it is (a trial's id, a class), printed again as
    the run goes on (a tuner's status table every few seconds).

    A row printed again at the same step with the same values is no new point. A column that
    stays still for a key while the key's own counter and other values move (a trial's `lr`
    beside its `iter` and `valid_loss`) is the key's setting, not a series: the columns'
    points are held until a value moves (a series, from its first point) or the run ends
    (dropped if they stood still so; else given: a results table printed once, or a report
    of classes at each epoch, whose rows count no steps of their own, is what the run showed).
    """

    __slots__ = ("_last", "_moved", "_still", "_held", "_count", "_seen", "_off")

    def __init__(self) -> None:
        self._last: dict[str, tuple[int | None, dict[str, float]]] = {}
        self._moved: set[str] = set()  # columns whose value moved for a key: series
        self._still: set[str] = set()  # columns that stood still while their row moved
        # per column, its held points after the order they were read in (given in that order,
        # whatever the reads' sizes)
        self._held: dict[str, list[tuple[int, _Point]]] = {}
        self._count = 0  # points held, all columns together (bounded)
        self._seen = 0  # points read
        self._off = False  # too many keys or points: every column is a series from then on

    def row(
        self,
        key: str,
        names: list[str],
        columns: list[str],
        values: list[float],
        step: int | None,
        epoch: float | None,
        when: float,
        counts: bool,
    ) -> tuple[list[str], list[float], list[_Point]]:
        """The names and values to give now, and held points released first (``counts``:
        ``step`` is the row's own counter)."""
        if self._off:
            return names, values, []
        last = self._last.get(key)
        before = last[1] if last is not None else {}
        if (
            last is not None
            and last[0] == step
            and all(before.get(c) == v for c, v in zip(columns, values, strict=True))
        ):
            return [], [], []  # the row printed again
        moved = {c for c, v in zip(columns, values, strict=True) if before.get(c, v) != v}
        released: list[tuple[int, _Point]] = []
        out_names: list[str] = []
        out_values: list[float] = []
        for name, column, value in zip(names, columns, values, strict=True):
            if column in moved and column not in self._moved:
                self._moved.add(column)
                self._count -= len(self._held.get(column, ()))
                released.extend(self._held.pop(column, ()))
            if column in self._moved:
                out_names.append(name)
                out_values.append(value)
                continue
            if counts and column in before and last is not None and last[0] != step:
                if moved - {column}:
                    self._still.add(column)
            self._held.setdefault(column, []).append((self._seen, (name, step, epoch, value, when)))
            self._count += 1
            self._seen += 1
        if len(self._last) >= _MAX_COUNT_NAMES or self._count >= _MAX_COUNT_HELD:
            self._off = True  # bounded: give everything held, hold nothing more
            released.extend(self._held_points(keep_still=True))
        else:
            self._last[key] = (step, dict(zip(columns, values, strict=True)))
        released.sort()
        return out_names, out_values, [point for _, point in released]

    def close(self) -> list[_Point]:
        """The held points that are a run's values (the run has ended)."""
        return [point for _, point in sorted(self._held_points(keep_still=False))]

    def _held_points(self, keep_still: bool) -> list[tuple[int, _Point]]:
        points = [
            point
            for column, held in self._held.items()
            if keep_still or column not in self._still
            for point in held
        ]
        self._held.clear()
        self._count = 0
        return points


class Reader:
    """Reads records of every stream and emits points (see the module docstring).

    Args:
        emit: Receives each point.
    """

    def __init__(
        self,
        emit: Emit,
        emit_columns: EmitColumns | None = None,
        on_error: Callable[[Exception, str], None] | None = None,
        known: Callable[[str], bool] | None = None,
    ) -> None:
        self._emit_out = emit
        # Whether a series has points already (the source knows; a history printed after
        # training repeats what the bar showed, and is not read again).
        self._known = known or (lambda name: False)
        self._emit = self._emit_counted
        # Series whose name counts things (`Images`, `NNZs`) or sizes them (`max depth`): their
        # kind (shapes.count_kind), with the points held while the value is one whole number;
        # a name maps to 0 once decided a series.
        self._count_names: dict[str, int] = {}
        self._count_held: dict[str, list[tuple[int | None, float | None, float, float]]] = {}
        self._counting = False  # a count's name was read: emits look at their names
        self._count_held_total = 0  # points held, all names together (bounded)
        self._on_error = on_error
        self._emit_columns = emit_columns or self._columns_one_by_one
        # The names of the last record read (a summary marked `*` after an evaluation's lines
        # is the evaluation's: see _summary_phase).
        self._last_names: list[str] = []
        self._programs: dict[tuple[str, int], Program] = {}
        self._streams: dict[int, _Stream] = {}
        self._ctx = _Context()
        self._table_ids = 0
        self._held: list[tuple[str, int | None, float | None, float, float]] = []
        self._held_names: set[str] = set()
        self._bar_pending: dict[str, tuple[int, float | None, float, float]] = {}
        # Records at fractional epochs waiting for their steps, and the metric lines read after
        # them (kept in order behind them): (program, tokens, epoch or None, time, the later
        # line's stream and shape or None).
        self._lump: list[
            tuple[Program, list[str], float | None, float, tuple[_Stream, str] | None]
        ] = []
        self._lump_waits = False  # the lump came before any bar: resolve it at a read's end
        # per metric: the last position given a point, and its value
        self._bar_done: dict[str, tuple[int, float, float | None]] = {}  # (… and its epoch)
        # A name's earlier values at its pending position, when they changed there (see _point)
        self._bar_trail: dict[str, list[tuple[int, float | None, float, float]]] = {}
        # the values a bar drew last, by name; and per name, whether the values a position
        # first showed came as the count arrived there (see _point)
        self._bar_shown: dict[str, float] = {}
        self._bar_carried: dict[str, bool] = {}
        # per metric shown on a bar: whether it first came at the bar's end (an epoch's value,
        # shown again at every later position until the next epoch ends)
        self._bar_epoch_level: dict[str, bool] = {}
        self._hot: _Template | None = None  # the plain shape read last (see read)
        self._prep_done = False  # a data preparation bar just ended (see _bar_step)
        self._warm: Program | None = None  # the program read last, made hot when it repeats
        self._keyed_rows = _KeyedRows()
        # rows of tables with their own counters, by names, step and epoch: their values
        self._rows_given: dict[str, dict[object, tuple[list[str], list[float]]]] = {}
        self._epoch_values: dict[tuple[str, float], float] = {}  # see _history_printed_again
        self._folded_names: dict[str, str] = {}  # a name as _history_printed_again compares it
        # Counters heading lines of runs side by side (`[trial 2] epoch 1 …`): each says whose
        # values a line holds from then on (see Program.tag_slot).
        self._tag_words: set[str] = set()
        self.numeric_lines = 0  # lines holding a number that is not a time or a date
        self.metric_lines = 0  # lines that gave at least one metric

    # -- records -----------------------------------------------------------------------

    def _columns_one_by_one(
        self,
        names: list[str],
        steps: list[int] | None,
        values: list[list[float]],
        times: list[float],
        epochs: list[float] | None = None,
    ) -> None:
        for row, when in enumerate(times):
            step = steps[row] if steps is not None else None
            epoch = epochs[row] if epochs is not None else None
            self._emit_out(names, step, epoch, [column[row] for column in values], when)

    def _emit_counted(
        self,
        names: list[str],
        step: int | None,
        epoch: float | None,
        values: list[float],
        when: float,
    ) -> None:
        """Emit, holding the points of a count's name (`Images 8`, `NNZs: 12`) while its
        value stays one whole number: a count that never changes (a data set's size, a
        setting) is not a series; one that moves (`num_tokens`) is, from its first point."""
        self._last_names = names
        if not self._counting:
            self._emit_out(names, step, epoch, values, when)  # no count's name read yet
            return
        if not self._doubtful(names):
            self._emit_out(names, step, epoch, values, when)
            return
        kinds = self._count_names
        keep_names: list[str] = []
        keep_values: list[float] = []
        for name, value in zip(names, values, strict=True):
            kind = kinds.get(name, 0)
            if not kind:
                keep_names.append(name)
                keep_values.append(value)
                continue
            held = self._count_held.setdefault(name, [])
            if value.is_integer() and (
                kind == SIZE or not held or held[0][2] == value or value == step
            ):
                # The same count again, a size, or the step printed again (`example weight`
                # beside `example counter`): not a measure.
                if len(held) < _MAX_COUNT_HELD and self._count_held_total < _MAX_COUNT_HELD * 10:
                    held.append((step, epoch, value, when))
                    self._count_held_total += 1
                continue
            # It moved (or is not a whole number): a series after all, from its first point.
            kinds[name] = 0
            points = self._count_held.pop(name)
            self._count_held_total -= len(points)
            for point in points:
                self._emit_out([name], point[0], point[1], [point[2]], point[3])
            keep_names.append(name)
            keep_values.append(value)
        if keep_names:
            self._emit_out(keep_names, step, epoch, keep_values, when)

    def _doubtful(self, names: list[str]) -> bool:
        """Whether a name of these still counts things (undecided; see _emit_counted)."""
        kinds = self._count_names
        doubtful = False
        for name in names:
            kind = kinds.get(name)
            if kind is None:
                if len(kinds) >= _MAX_COUNT_NAMES:
                    kind = 0  # a flood of distinct names: stay bounded, hold none of them
                else:
                    kind = kinds[name] = count_kind(name)
            doubtful = doubtful or bool(kind)
        return doubtful

    def read(
        self, stream: int, text: str, first_time: float, time: float, final: bool = False
    ) -> None:
        """Read a block of ``\\n``-separated records of one stream (``final``: its last)."""
        state = self._streams.get(stream)
        if state is None:
            state = self._streams[stream] = _Stream()
        for which, (join, may_hold) in enumerate(JOINERS):
            # A record spread over lines (a wrapped log record, a pprinted dict) is read as
            # the one line it is; one the block ends inside waits for the next block.
            held, held_time = state.held[which]
            if held or may_hold(text):
                if held:
                    first_time = held_time
                text, held = join(text, held, final)
                state.held[which] = (held, time if text else first_time)
                if held and not text:
                    return
        if "║" in text or "═" in text or "┆" in text:
            text = text.translate(_DOUBLE_LINES)  # a double-line box reads as a single-line one
        if " @ " in text:
            text = _SPACED_AT.sub(r"\1@\2", text)  # `Hits @ 10: 0.12` is `Hits@10: 0.12`
        if " >> " in text:
            # `Eval Stochastic >> Episode Return: 1265.5 | …`: a label as `Eval Stochastic:` is
            text = _LABEL_ARROW.sub(":", text)
        folded = fold_glyphs(text) if _may_hold_glyphs(text) else text
        if "]" in folded and (
            "it/s]" in folded or "s/it]" in folded or _GLUED_AFTER.search(folded) is not None
        ):
            # Output glued to the end of a bar's redraw (a block-buffered stdout flushed right
            # after a stderr bar): a record of its own.
            folded = _AFTER_BAR.sub("\\1\n", folded)
        if ("(" in folded or "[" in folded or "np." in folded) and any(
            m in folded for m in _WRAPPER_MARKERS
        ):
            # `tensor(0.5939)`, `np.float64(0.25)`, `[23.]`: the number the wrapper holds.
            folded = _WRAPPED.sub(_unwrap, folded)
        if ("': [" in folded or '": [' in folded) and "{" in folded:
            # A record of per-epoch lists: read after what comes before it (whether its
            # series were shown already is known then), one record per epoch.
            m = _HISTORY.search(folded)
            while m is not None:
                if m.start():
                    self._read_block(state, folded[: m.start() - 1], first_time, time)
                records = _history_records(m.group(0), self._known)
                if records != "":
                    self._read_block(state, records or m.group(0), time, time)
                folded = folded[m.end() + 1 :]
                if not folded:
                    return
                m = _HISTORY.search(folded)
        self._read_block(state, folded, first_time, time)

    def _read_block(self, state: _Stream, folded: str, first_time: float, time: float) -> None:
        """Read a block of ``\\n``-separated records, folded and unwrapped (see read)."""
        hot = (
            self._hot
            if state.folds is None
            and not state.section
            and not state.table_phase
            and not state.phase_block
            else None
        )
        rows: list[tuple[str, ...]] = []
        numbers: list[list[float]] | None = None  # each slot's numbers, when every line matched
        if hot is not None:
            rows, numbers = hot.rows(folded)
            if numbers is None and (len(rows) - [row[0] for row in rows].count("")) * 2 < len(rows):
                hot = None  # mostly other shapes: the whole block's shapes at once is quicker
        if hot is not None:
            # The shape read last, matched against every line of the block in one C call:
            # a run prints one shape over and over (`step=12 loss=0.25`). Runs of matching
            # lines are read as columns, converted in C.
            count = len(rows)
            index = 0
            program = hot.program
            counters_only = not (
                program.metrics
                or program.bar
                or program.position is not None
                or program.positional_step
                or program.rank_slot is not None
                or program.tag_slot is not None
            )
            run_end = 0  # the end of the run of matching lines that index is in
            while index < count:
                # A held listing or a block of settings ends at its next line: only the careful
                # path ends them.
                matched = (
                    bool(rows[index][0]) and state.listing is None and not state.settings_block
                )
                if matched and index >= run_end:
                    run_end = index + 1
                    while run_end < count and rows[run_end][0]:
                        run_end += 1
                end = run_end
                if matched and counters_only and self._template_ok(state):
                    # Lines that only move the run's counters (`epoch 3 batch 120 of …`): only
                    # the last line of each epoch in a run of them changes what comes after.
                    epoch_slot = program.epoch
                    for row_index in range(index, end):
                        last = row_index == end - 1
                        if not last and epoch_slot is not None:
                            last = rows[row_index][epoch_slot] != rows[row_index + 1][epoch_slot]
                        if last:
                            row = rows[row_index]
                            self._run_program(
                                state,
                                program,
                                hot.indented,
                                hot.shape,
                                list(row[:-1]),
                                first_time if row_index == 0 else time,
                            )
                    self.numeric_lines += end - index - 1
                    index = end
                    continue
                if matched and program.row and self._rows_ok(state, hot):
                    # A table's rows: their program at once, with no tokenising and none of
                    # the careful path's checks (_rows_ok says they would pass).
                    indented, shape = hot.indented, hot.shape
                    for row_index in range(index, end):
                        row = rows[row_index]
                        try:
                            self._run_program(
                                state,
                                program,
                                indented,
                                shape,
                                list(row[:-1]),
                                first_time if row_index == 0 else time,
                            )
                        except Exception as error:  # as _line: a reader bug costs the line
                            if self._on_error is None:
                                raise
                            self._on_error(error, _line_of(row, hot))
                    index = end
                    continue
                if matched and self._bars_ok(state, program):
                    if self._bar_rows(state, hot, rows[index:end], index, first_time, time):
                        index = end
                        continue
                if matched and self._ticks_ok(state, program):
                    if self._record_columns(
                        state,
                        program,
                        rows[index:end],
                        index,
                        first_time,
                        time,
                        _slice(numbers, index, end, count),
                    ):
                        index = end
                        continue
                if matched and not self._fast_program(program) and self._template_ok(state):
                    # A shape read before, with its numbers from the template: no tokenising.
                    row = rows[index]
                    self._run_program(
                        state,
                        program,
                        hot.indented,
                        hot.shape,
                        list(row[:-1]),
                        first_time if index == 0 else time,
                    )
                    index += 1
                    continue
                if matched and self._fast_program(program) and self._fast_ok(state):
                    if self._columns(
                        hot.program,
                        rows[index:end],
                        index,
                        first_time,
                        time,
                        _slice(numbers, index, end, count),
                    ):
                        index = end
                        continue
                    for row_index in range(index, end):  # a value that is not a number
                        line = _line_of(rows[row_index], hot)
                        when = first_time if row_index == 0 else time
                        self._line(state, line, *split_tokens(line), when)
                    index = end
                    continue
                row = rows[index]
                line = _line_of(row, hot) if row[0] else row[-1]
                when = first_time if index == 0 else time
                index += 1
                if not line or line.isspace():
                    self._blank(state)
                    continue
                shape, tokens = split_tokens(line)
                if not tokens and self._text_only(state, line):
                    continue
                self._one(state, line, shape, tokens, when)
        else:
            # One C pass each over the block: the shapes of its lines and all their numbers.
            joined, every = split_tokens(folded)
            shapes = joined.split("\n")
            lines = folded.split("\n") if len(every) else shapes
            position = 0
            for index, shape in enumerate(shapes):
                count = shape.count("\x00")
                tokens = every[position : position + count]
                position += count
                if not shape or shape.isspace():
                    self._blank(state)
                    continue
                if not count and self._text_only(state, shape):
                    continue  # (a line without numbers is its own shape)
                self._one(state, lines[index], shape, tokens, first_time if index == 0 else time)
        self._settle_lump(time)

    def close(self) -> None:
        """The end of the run: what is held is decided, redraws are flushed."""
        for stream, state in list(self._streams.items()):
            for which, (held, when) in enumerate(state.held):
                if held:
                    state.held[which] = ("", 0.0)
                    self.read(stream, held, when, when, final=True)
        for state in self._streams.values():
            self._end_listing(state)
        self._settle_lump(closing=True)
        for state in self._streams.values():
            self._end_box(state, None)
        self._flush_bars()
        self._give(self._keyed_rows.close())
        # Values kept aside as configuration are dropped, unless the run never showed any
        # training output: then its values are all it printed (a script printing results).
        if not self._ctx.started:
            for name, step, epoch, value, when in self._held:
                self._emit([name], step, epoch, [value], when)
        self._held.clear()
        # A count that never changed was a size or a setting: its points are not a series.
        self._count_held.clear()
        self._count_held_total = 0

    # -- one line ----------------------------------------------------------------------

    def _columns(
        self,
        program: Program,
        rows: list[tuple[str, ...]],
        first: int,
        first_time: float,
        time: float,
        numbers: list[list[float]] | None = None,
    ) -> bool:
        """Read a run of lines of one plain shape as columns; False if one is not a number
        (``numbers``: each slot's numbers, converted already)."""
        columns = list(zip(*rows, strict=True))
        try:
            if numbers is None:
                values = [list(map(float, columns[slot])) for slot in program.slots]
            else:
                values = [numbers[slot] for slot in program.slots]
            steps = list(map(int, columns[program.step])) if program.step is not None else None
        except ValueError:
            return False
        times = [time] * len(rows)
        if first == 0:
            times[0] = first_time
        if steps is not None:
            self._ctx.last_step = steps[-1]
            self._ctx.line_steps = True
        self.numeric_lines += len(rows)
        self.metric_lines += len(rows)
        self._last_names = program.names
        self._emit_columns(program.names, steps, values, times, None)
        return True

    def _bars_ok(self, state: _Stream, program: Program) -> bool:
        """Whether a run of a progress bar's redraws can be read by _bar_rows: a bar with a
        position (its step) and plain values, nothing held, no records waiting for it."""
        return (
            program.bar
            and program.position is not None
            and program.step is None
            and not program.per_epoch
            and not program.record_epoch
            and not program.counts
            and not program.row
            and program.rank_slot is None
            and program.tag_slot is None
            and program.key_slot is None
            and not any(kind for _, _, kind in program.metrics)
            and self._ctx.started
            and state.table is None
            and state.header is None
            and state.box is None
            and not self._lump
            and not self._held
            and not self._prep_done
        )

    def _bar_rows(
        self,
        state: _Stream,
        hot: _Template,
        rows: list[tuple[str, ...]],
        first: int,
        first_time: float,
        time: float,
    ) -> bool:
        """Read a run of one bar's redraws: what _run_program does for each (see _bars_ok),
        with a position's points given by its first and last redraws only (what _point keeps
        of the others is replaced). False, having changed nothing, when a value, a position
        or an epoch is not a plain number."""
        program = hot.program
        columns = list(zip(*rows, strict=True))
        try:
            values = [list(map(float, columns[slot])) for _, slot, _ in program.metrics]
            positions = list(map(int, columns[program.position]))  # type: ignore[index]
            totals = list(map(int, columns[program.total])) if program.total is not None else None
            epochs = (
                list(map(parse_float, columns[program.epoch]))
                if program.epoch is not None
                else None
            )
        except ValueError:
            return False
        if epochs is not None and any(map(math.isinf, epochs)):
            return False  # an infinite epoch fails the careful path: let it
        ctx = self._ctx
        shape = hot.shape
        names = [name for name, _, _ in program.metrics]
        if program.rank:
            names = [f"rank{program.rank}/{name}" for name in names]
        point = self._point
        levels = self._bar_epoch_level
        # Names whose level is decided (_emit_metrics decides it on a name's first point and
        # keeps it); names of an epoch's level (see _point) are given every redraw, at once.
        settled = all(name in levels for name in names) or len(levels) >= _MAX_COUNT_NAMES
        every = [bool(levels.get(name)) for name in names]
        any_every = any(every)
        # Of redraws at one position, only the first and the last change what _point keeps
        # for the other names (the first the position's epoch, the last its value): the
        # redraws between are skipped, the last waits until the position changes.
        waiting: tuple[int, int | None, float | None] | None = None
        position: int | None = None  # the step of the redraws that wait

        # Per redraw, as _emit_metrics and _bar_step tell _point: whether its values differ
        # from the redraw before, and whether it is the first at its position.
        changed = [False] * len(rows)
        arrived = [False] * len(rows)
        drawn_rows = list(zip(*values, strict=True)) if names else []

        def give(index: int, row: int, step: int | None, epoch: float | None) -> None:
            when = first_time if row == 0 and first == 0 else time
            value = values[index][row]
            point(names[index], step, epoch, value, when, True, changed[row], arrived[row])

        def give_waiting() -> None:
            assert waiting is not None
            row, step, epoch = waiting
            for index in range(len(names)):
                if not every[index]:
                    give(index, row, step, epoch)

        if names:
            self.numeric_lines += len(rows)
        for row in range(len(rows)):
            epoch: float | None = None
            if epochs is not None:
                epoch = epochs[row]
                if epoch != epoch:
                    epoch = None
            if epoch is not None and epoch == int(epoch):
                # An epoch counter (as _apply reads it).
                if ctx.epoch_base is None:
                    ctx.epoch_base = epoch if epoch in (0, 1) else 0
                if ctx.epoch is not None and epoch != ctx.epoch and ctx.last_step is not None:
                    ctx.epoch_last_step.setdefault(ctx.epoch, ctx.last_step)
                ctx.epoch = epoch
            elif epoch is None:
                epoch = ctx.epoch
            step = self._bar_step(
                state,
                program,
                positions[row],
                totals[row] if totals is not None else None,
                epoch,
                shape,
            )
            if step is not None:
                ctx.last_step = step
                if epoch is not None:
                    ctx.epoch_last_step[epoch] = step
            if self._prep_done:
                # A data preparation bar just ended (_bar_step): what follows is held again.
                if waiting is not None:
                    give_waiting()
                    waiting = None
                position = None
                self._prep_done = False
                ctx.started = False
                ctx.last_step = None  # (as _apply: its positions counted the data)
                ctx.bar_position = ctx.bar_total = None
                continue
            ctx.started = True
            if not names:
                continue
            arrived[row] = ctx.bar_arrived
            drawn = drawn_rows[row]
            if row and drawn == drawn_rows[row - 1]:
                pass  # (the common case, a plain redraw: one C comparison)
            elif row and not any(a != a for a in drawn):
                changed[row] = True
            else:
                shown = dict(zip(names, drawn_rows[row - 1], strict=True)) if row else None
                changed[row] = _bar_changed(shown or self._bar_shown, names, drawn)
            self.metric_lines += 1
            if not settled:
                # A name's first point (as _emit_metrics decides its level); nothing waits.
                self._settle_bar_levels(names, True)
                settled = True
                every = [bool(levels.get(name)) for name in names]
                any_every = any(every)
            same = step is not None and step == position
            if same and not any_every:
                if waiting is None:
                    waiting = (row, step, epoch)
                elif any(
                    values[index][row] != values[index][waiting[0]] for index in range(len(names))
                ):
                    give_waiting()  # values changed at one position: each counts (see _point)
                    waiting = (row, step, epoch)
                # (else a plain redraw: the one waiting is the first with these values)
                continue
            for index in range(len(names)):
                if every[index]:
                    give(index, row, step, epoch)
                elif not same:
                    if waiting is not None:
                        give(index, *waiting)
                    give(index, row, step, epoch)
            if same:
                waiting = (row, step, epoch)
            else:
                waiting = None
                position = step
        if waiting is not None:
            give_waiting()
        if drawn_rows:
            self._bar_shown = dict(zip(names, drawn_rows[-1], strict=True))
        state.bar = (ctx.last_step, ctx.epoch)
        return True

    def _ticks_ok(self, state: _Stream, program: Program) -> bool:
        """Whether records at fractional epochs (`{'loss': …, 'epoch': 0.33}`) can be read as
        columns: no bar counts the run's steps (ticks, see _apply), nothing is held or waits,
        and the record has plain values and nothing else to place it."""
        ctx = self._ctx
        return (
            program.record_epoch
            and ctx.no_bar
            and ctx.started
            and not ctx.bar_active
            and not (ctx.line_steps and ctx.last_step is not None)  # (_apply: the lines' step)
            and program.epoch is not None
            and program.step is None
            and program.position is None
            and not program.bar
            and not program.row
            and not program.per_epoch
            and not program.positional_step
            and not program.counts
            and program.rank_slot is None
            and program.tag_slot is None
            and program.key_slot is None
            and bool(program.metrics)
            and not any(kind for _, _, kind in program.metrics)
            and state.table is None
            and state.header is None
            and state.box is None
            and not self._lump
            and not self._held
            and not self._bar_pending
            and not self._prep_done
        )

    def _record_columns(
        self,
        state: _Stream,
        program: Program,
        rows: list[tuple[str, ...]],
        first: int,
        first_time: float,
        time: float,
        numbers: list[list[float]] | None = None,
    ) -> bool:
        """Read a run of records at fractional epochs as columns, each at its epoch's tick:
        what _run_program gives them one by one (see _ticks_ok), with Python per record only
        for its tick. False, having changed nothing, when a value or an epoch is not a number
        (those are read one by one). ``numbers``: each slot's numbers, converted already."""
        if numbers is None:
            columns = list(zip(*rows, strict=True))
            try:
                epochs = list(map(float, columns[program.epoch]))  # type: ignore[index]
                values = [list(map(float, columns[slot])) for _, slot, _ in program.metrics]
            except ValueError:
                return False
        else:
            epochs = numbers[program.epoch]  # type: ignore[index]
            values = [numbers[slot] for _, slot, _ in program.metrics]
        if not all(map(math.isfinite, epochs)):
            return False  # a NaN epoch is none, an infinite one fails: the careful path
        names = [name for name, _, _ in program.metrics]
        if program.rank:
            names = [f"rank{program.rank}/{name}" for name in names]
        if self._counting and self._doubtful(names):
            return False
        ticks = self._ctx.epoch_ticks
        for epoch in dict.fromkeys(epochs):  # new epochs tick in the order they came
            if epoch not in ticks:
                ticks[epoch] = len(ticks) + 1
        steps = list(map(ticks.__getitem__, epochs))
        times = [time] * len(rows)
        if first == 0:
            times[0] = first_time
        state.bar = None
        self.numeric_lines += len(rows)
        self.metric_lines += len(rows)
        self._last_names = names
        self._emit_columns(names, steps, values, times, epochs)
        return True

    def _template_ok(self, state: _Stream) -> bool:
        """Whether a line a template matched means what its program says (no table, no box)."""
        return (
            state.table is None
            and state.header is None
            and state.box is None
            and state.folds is None
            and not state.section
            and not state.items_title
            and not state.items_block
        )

    def _fast_program(self, program: Program) -> bool:
        """Whether a line of this program can be read without the run's context: plain pairs
        with a step, or with none while no step has been seen (see _run_program)."""
        return program.fast and (program.step is not None or self._ctx.last_step is None)

    def _fast_ok(self, state: _Stream) -> bool:
        """Whether a plain record can be read without the run's context (see read)."""
        ctx = self._ctx
        return (
            self._template_ok(state)
            and ctx.started
            and not ctx.bar_active
            and ctx.epoch is None
            and not self._bar_pending
            and not self._lump
        )

    def _listed(
        self, state: _Stream, line: str, shape: str, tokens: list[str], when: float
    ) -> bool:
        """Hold a line of an indented listing of `key: value` lines (`\tsigma0: 0.5`,
        `    lr: 0.001` in `print(optimizer)`); end the listing at any other line. A listing
        whose values are as often flags or lists as numbers (`cc: auto`, `amsgrad: False`,
        `betas: (0.9, 0.999)`; plain words, `device: cuda`, count for neither) describes an
        object (its settings): its numbers are no metrics, but for a measure's or a counter's.
        One of numbers (`  loss: 0.31` / `  acc: 0.9`) is read as any lines are."""
        if state.replaying:
            return False
        if state.listing_series:
            if _SERIES_ROW.fullmatch(line):
                state.listing.append((line, shape, tokens, when))  # type: ignore[union-attr]
                if len(state.listing) > _MAX_LISTING:  # type: ignore[arg-type]
                    self._end_listing(state)
                return True
            if _SERIES_END.fullmatch(line):
                self._end_listing(state, footer=True)
                self.numeric_lines += bool(tokens)
                return True
            self._end_listing(state)
        m = _listed_line(line, state.listing is not None)
        if m is None:
            if state.listing is not None:
                self._end_listing(state)
            if (
                tokens
                and "  " in line
                and state.table is None
                and state.header is None
                and state.box is None
                and state.folds is None
                and _SERIES_ROW.fullmatch(line)
            ):
                # Perhaps a pandas Series: held to its last line, which says so.
                state.listing, state.listing_series = [(line, shape, tokens, when)], True
                state.listing_items, state.items_title = state.items_title > 0, 0
                return True
            return False
        if state.listing is None:
            state.listing, state.listing_words, state.listing_numbers = [], 0, 0
        value = m.group(2) or ""
        if not value:
            pass  # a section's heading (`optim:`)
        elif _LISTED_NUMBER.match(value):
            state.listing_numbers += 1  # (`0.001`, `35.2s`, `3.1GB`)
        elif value[:1] in "([{" or value.lower() in _FLAGS:
            state.listing_words += 1  # `False`, `None`, `auto`, `(0.9, 0.999)`: a setting's
        # (a plain word, `device: cuda`, `phase: train`, says neither)
        state.listing.append((line, shape, tokens, when))
        if len(state.listing) > _MAX_LISTING:
            self._end_listing(state)  # bounded: a long run of such lines is read as lines
        return True

    def _end_listing(self, state: _Stream, footer: bool = False) -> None:
        """Decide a held listing (see _listed) and read its lines as decided. ``footer``: a
        held column of `key  value` rows ended with pandas' `dtype:` line, a Series."""
        held, state.listing = state.listing, None
        if held is None:
            return
        series, state.listing_series = state.listing_series, False
        items, state.listing_items = state.listing_items, False
        if series:
            names = [_SERIES_ROW.fullmatch(e[0]).group(1) for e in held if e is not None]  # type: ignore[union-attr]
            if items or items_by_number(names) or (footer and not _names_a_measure(names)):
                # A Series indexed by items of the data (features, coefficients, dates), or
                # rows under a title saying so (`rf variable importance`): one value per
                # item, not the run's measures.
                self.numeric_lines += len(held)
                return
            words, numbers = 0, len(held)
        else:
            words, numbers = state.listing_words, state.listing_numbers
        settings = words >= 2 and words * 3 > words + numbers
        state.replaying = True
        try:
            for entry in held:
                if entry is None:
                    self._blank(state)
                    continue
                if settings:
                    # An object's settings: only a value named as a result is read (`fun:
                    # 3.70` in SciPy's result, beside `success: True` and `x: [...]`).
                    m = _listed_line(entry[0], True)
                    key = WORDS.findall(m.group(1)) if m is not None else []
                    if not key or not (
                        holds_metric_word(key)
                        or (  # a counter, but not a size per one (`iter_per_epoch: 32`)
                            key[-1].lower() in STEP_WORDS | EPOCH_WORDS
                            and not OVER_WORDS.intersection(map(str.lower, key))
                        )
                    ):
                        self.numeric_lines += bool(entry[2])  # numbers, and no metric
                        continue
                if entry[2] or not self._text_only(state, entry[1]):
                    self._one(state, *entry)
        finally:
            state.replaying = False

    def _blank(self, state: _Stream) -> None:
        """A blank line: a box, a table of folds and a titled block of pairs end there."""
        if state.listing is not None and not state.replaying:
            state.listing.append(None)  # (a blank line inside a listing: it goes on)
            return
        if state.box is not None:
            self._end_box(state, None)
        state.folds = None
        state.table_phase = ""
        state.items_block = False
        if state.phase_lines:
            state.phase_block, state.phase_lines = "", 0  # (a blank before its first line: a
            # terminal's redraw after the announcement, `Eval begin...\r\n\rstep 10/10 …`)
        if state.section and state.section_lines:
            state.section, state.section_lines = "", 0

    def _text_only(self, state: _Stream, line: str) -> bool:
        """Whether a line without numbers was read in full here: it changes nothing when no
        table, header or box is open, no bar's metrics wrap onto it, and it is no header,
        box or rule (one space between words, no box character first, even after a rank's
        tag). What _one and _careful would do with it is done: its shape's EMPTY program is
        cached as theirs caches it."""
        if state.listing is not None and self._listed(state, line, line, [], 0.0):
            return True
        state.items_block = False
        if state.items_title:
            state.items_title -= 1
        if len(line) < 80 and _PER_ITEM_TITLE.search(line) is not None:
            state.items_title = 3  # the title, maybe a header: the table or column under it
        if state.section:
            state.section, state.section_lines = "", 0  # other text: the titled block ended
        if line[:1] == "|" and ("Metric" in line or "metric" in line):
            table = _long_header(line)
            if table is not None:
                state.long = table
                return True
        elif state.long is not None:
            if line[:1] == "|" and _cells(line) is not None:
                return True  # (a rule between the rows)
            state.long = None
        if len(line) < 80 and ("bbox" in line or "segm" in line or "keypoints" in line):
            kind = _IOU_TYPE.search(line)
            if kind is not None:
                state.iou_type = kind.group(1)  # `IoU metric: bbox`, `… type *segm*`
        begins = _PHASE_BEGINS.fullmatch(line) if len(line) < 40 else None
        if begins is not None:
            # `Eval begin...`: the lines after it are the evaluation's, to the next epoch.
            word = begins.group(1)
            state.phase_block = _PHASE_OF.get(word.lower(), word)
            state.phase_lines = 0
            return True
        if line.rstrip().endswith(_TITLE_ENDS):
            label = _section_title(line)
            if label:
                state.section, state.section_lines = label, 0
                state.table_phase = label
                return True
        if line.rstrip().endswith(":"):
            m = _PHASE_TITLE.fullmatch(line)
            if m is not None and m.group(1).lower() in PHASES:
                # `VALIDATION:` alone on its line: the table under it is the phase's.
                state.table_phase = m.group(1)
                return True
        if (
            state.table is not None
            or state.header is not None
            or state.box is not None
            or state.folds is not None
            or state.dangling
            or "  " in line
            or "\t" in line
            or ("," in line and _csv_columns(line.strip()) is not None)
            or "|" in line
            or "│" in line
            or (state.bar is not None and line.startswith(_WRAP_INDENT))
        ):
            return False
        boxed = line
        if line[:1] in "[ 0123456789":
            tag = rank_tag(line)
            if tag is not None and tag[0] == 0:
                boxed = line[tag[1] :]
        if boxed.lstrip()[:1] in _BOXY:
            return False
        programs = self._programs
        key = (line, 0)
        program = programs.get(key)
        if program is None:
            if len(programs) >= MAX_SHAPES:
                programs.clear()
            programs[key] = EMPTY
        elif program is not EMPTY:
            return False
        return True

    def _one(self, state: _Stream, line: str, shape: str, tokens: list[str], when: float) -> None:
        """Read one record: by the fast path when its shape allows, else in full."""
        if self._listed(state, line, shape, tokens, when):
            return
        if (
            state.items_title
            and state.table is None
            and state.box is None
            and _ITEM_ROW.fullmatch(line) is not None
        ):
            state.items_block, state.items_title = True, 0
        if state.items_block:
            if _ITEM_ROW.fullmatch(line) is not None:
                # `0  hour  2024  7307.26` under `Feature importance:`: an item's values.
                self.numeric_lines += bool(tokens)
                return
            state.items_block = False  # (`Validation Accuracy: 0.73` after them: read)
        if "@[" in line and self._qualified(state, line, when):
            return
        if state.long is not None and self._long_row(state, line, when):
            return
        if state.table_phase and tokens and state.header is None and state.table is None:
            state.table_phase = ""  # numbers, and no table: the phase's title was over none
        if state.bar is not None and line.startswith(_WRAP_INDENT):
            # A bar's metrics wrapped onto indented lines, a name's value often on the next
            # line (`train_loss_step:` / `1.405 val_loss:` / `0.973`): each name meets its value.
            text = line.strip()
            joined = bool(state.dangling)
            if joined:
                text = f"{state.dangling} {text}"
                state.dangling = ""
            m = _DANGLING.search(text)
            if m is not None:
                state.dangling = m.group(1)
                text = text[: m.start()].rstrip()
            if joined or m is not None:
                if not text:
                    return
                line = line[: len(line) - len(line.lstrip())] + text
                shape, tokens = split_tokens(line)
        elif state.dangling:
            state.dangling = ""
        program = self._programs.get((shape, 0)) if state.table is None and tokens else None
        if (
            program is not None
            and program.inert
            and state.box is None
            and state.header is None
            and state.folds is None
            and not state.section
        ):
            # A shape known to hold no metric and no counter (plain log text with numbers).
            if program is not EMPTY:
                self.numeric_lines += 1
            return
        if program is not None and shape.lstrip()[:1] not in _BOXY and self._fast_ok(state):
            if self._fast_program(program):
                try:
                    values = [float(tokens[slot]) for slot in program.slots]
                    step = int(tokens[program.step]) if program.step is not None else None
                except ValueError:
                    pass  # a time or a date where a number was: the careful path
                else:
                    if step is not None:
                        self._ctx.last_step = step
                        self._ctx.line_steps = True
                    self.numeric_lines += 1
                    self.metric_lines += 1
                    # A fast shape names no count (Program.finish): no holding to do.
                    self._emit_out(program.names, step, None, values, when)
                    self._heat(shape, program, tokens)
                    return
        self._line(state, line, shape, tokens, when)

    def _long_row(self, state: _Stream, line: str, when: float) -> bool:
        """A row of a table naming its metric in a column (see _long_header): the metric's
        value, named under the row's first cell (`tiny_colours/acc`; a blank first cell is the
        row above's), then each column after the value under the metric (`acc/Stderr`)."""
        table = state.long
        assert table is not None
        cells = _cells(line)
        if cells is None or len(cells) != table.cells:
            state.long = None
            return False
        if all(set(c) <= set("-: ") for c in cells):
            return True  # the rule under the header
        key = cells[0].strip().lstrip("- ").strip()
        if key:
            table.key = key
        metric = cells[table.metric].strip()
        if not metric or VALUE_TOKEN.fullmatch(metric):
            state.long = None
            return False
        name = f"{table.key}/{metric}" if table.key else metric
        points = [(name, cells[table.value].strip())]
        points += [(f"{name}/{title}", cells[i].strip()) for i, title in table.after]
        self._named_values(state, [p for p in points if VALUE_TOKEN.fullmatch(p[1])], when)
        return True

    def _named_values(self, state: _Stream, points: list[tuple[str, str]], when: float) -> None:
        """Values a line names by itself, with no counter of its own (a table's row naming its
        metric, a summary's line): placed as any such line is (see _apply)."""
        self.numeric_lines += 1
        points = [(name, text) for name, text in points if is_value(text)]
        if points:
            program = Program(metrics=[(name, i, 0) for i, (name, _) in enumerate(points)])
            self._apply(state, program.finish(), [text for _, text in points], when, "")

    def _qualified(self, state: _Stream, line: str, when: float) -> bool:
        """A summary line naming its value with the conditions it was measured under (COCO's
        `Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.226`):
        the conditions are the name's, never values; under `IoU metric: segm` the annotation
        kind opens the name, so a detector's box and mask scores stay apart."""
        m = _QUALIFIED.fullmatch(line, split_prefix(line).start)
        if m is None:
            return False
        words = "_".join(m.group("name").split())
        conditions = "|".join(re.sub(r"\s+", "", c) for c in m.group("conditions").split("|"))
        name = f"{words}_@[{conditions}]"
        if state.iou_type:
            name = f"{state.iou_type}/{name}"
        self._named_values(state, [(name, m.group("value"))], when)
        return True

    def _line(self, state: _Stream, line: str, shape: str, tokens: list[str], when: float) -> None:
        try:
            self._careful(state, line, shape, tokens, when)
        except Exception as error:
            # A reader bug costs this line, never the run nor the lines after it.
            if self._on_error is None:
                raise
            self._on_error(error, line)

    def _careful(
        self, state: _Stream, line: str, shape: str, tokens: list[str], when: float
    ) -> None:
        if state.settings_block:
            if _one_setting(line):
                self.numeric_lines += 1  # numbers, and no metric
                return
            state.settings_block = False
        elif line.rstrip().endswith(":") and _logged_settings_title(line):
            state.settings_block = True
            return
        boxed = line
        tag = rank_tag(line) if line[:1] in "[ 0123456789" else None
        if tag is not None and tag[0] == 0:
            # Rank 0's tag (`[default0]:`) before each line of a box: the box is after it.
            boxed = line[tag[1] :]
        boxy = boxed.lstrip()[:1] in _BOXY
        if state.folds is not None:
            if self._fold_row(state, line, when):
                return
            state.folds = None
        elif "  " in line and state.box is None and state.table is None:
            folds = _fold_titles(line)
            if folds is not None:
                state.folds = folds
                state.header = None
                return
        if state.box is not None or (
            boxy
            and (
                _box_row(boxed) is not None
                or (_RULE.match(boxed) and _ruled(boxed))
                or _BOX_CELL.match(boxed)  # a one-column box whose top came on another line
            )
        ):
            if self._box_line(state, boxed, when):
                return
        if boxy and _RULE.match(line):
            if state.header is not None:
                state.rule_seen = True
            return
        program = None
        if state.header is not None and state.table is None and shape != line:
            program = _promote(self, state, line)
            if program is None and not _bar_like(line):
                # Not a row: the header waits on through bars and counters (fastai draws
                # its epoch's bar before each row), and gives up at other output.
                known = self._programs.get((shape, 0))
                if known is None:
                    known = interpret(line)
                    self._programs[(shape, 0)] = known.finish() if known is not EMPTY else known
                if (
                    known.metrics and split_prefix(line).start == 0
                ) or state.header_wait > _HEADER_PATIENCE:
                    # (a logger's record with its prefix, `(CVXPY) Dec 07 10:36:06 AM: Optimal
                    # value: …`, is another writer's line come between: the header waits on)
                    state.header = None
                state.header_wait += 1
        table_key = state.table.key if state.table is not None else 0
        key = (shape, table_key)
        if program is None:
            program = self._programs.get(key)
        if program is None:
            program = self._interpret(state, line)
            if len(self._programs) >= MAX_SHAPES:
                self._programs.clear()
            self._programs[key] = program.finish() if program is not EMPTY else program
        if program is EMPTY:
            if shape == line:
                self._maybe_header(state, line)
            elif state.table is not None and not _bar_like(line):
                state.table = None
            return
        if len(tokens) != program.numbers:
            return  # a shape collision: never misread
        if program.bar and not program.metrics and not program.row:
            # A table's header drawn as its bar's description (Ultralytics' validation:
            # `Class  Images  Instances  Box(P  R  mAP50  mAP50-95): 100% ━━━ 1/1`).
            description = _bar_description(line)
            if description is not None:
                self._maybe_header(state, description)
        if state.section:
            program = self._under_title(state, program)
        if program.tag_slot is not None:
            self._tag_words.add(program.tag_word)
        elif program.first_step_word in self._tag_words and program.metrics:
            # `[trial 2] final test: test_loss=…` once trials were seen side by side (`[trial
            # 2] epoch 1 …`): the trial's values too, at the run's step, not at step 2.
            program = replace(
                program,
                tag_slot=program.step,
                tag_word=program.first_step_word,
                step=None,
                first_step_word="",
            ).finish()
        if program.metrics and line.lstrip()[:1] == "*":
            phase = _summary_phase(self._last_names, program)
            if phase:
                # ` *   Acc@1 15.000 Acc@5 63.750` after `Test: [4/5] … Acc@1 15.62 …`: the
                # evaluation's summary, never points of the training's series.
                program = replace(
                    program, metrics=[(f"{phase}/{n}", slot, k) for n, slot, k in program.metrics]
                ).finish()
        run = program
        if state.phase_block:
            if program.epoch is not None and not program.record_epoch:
                state.phase_block, state.phase_lines = "", 0  # the next epoch: it is over
            elif program.metrics:
                phase = state.phase_block
                state.phase_lines += 1
                run = replace(
                    program,
                    metrics=[(under_phase(n, phase), slot, k) for n, slot, k in program.metrics],
                ).finish()
        self._run_program(state, run, line.startswith(_WRAP_INDENT), shape, tokens, when)
        if not program.row and table_key == 0 and not program.inert:
            self._heat(shape, program, tokens)
        elif program.row and table_key and not any(c in shape for c in _BOX_SIDES):
            self._heat(shape, program, tokens, table_key)

    def _heat(self, shape: str, program: Program, tokens: list[str], table_key: int = 0) -> None:
        """Make a shape the hot template once it comes twice in a row (compiling its regex
        costs more than reading a line: a run of distinct shapes must not pay it per line)."""
        if self._hot is not None and self._hot.program is program:
            return
        if self._warm is program:
            self._hot = _Template(shape, program, tokens, table_key)
        self._warm = program

    def _rows_ok(self, state: _Stream, hot: _Template) -> bool:
        """Whether lines a table row's template matched are that table's rows, as _one and
        _careful would read them: the table is open and nothing else is (a box, a header),
        the template's program is the one cached for its shape, and no check of the careful
        path can tell its lines apart: every number plain (no time like `-:--:--`, which
        could make a rule), no box side (no box row), no name ending a wrapped bar's line."""
        table = state.table
        return (
            table is not None
            and table.key == hot.table_key
            and hot.plain
            and state.box is None
            and state.header is None
            and not state.dangling
            and not (
                state.bar is not None and hot.indented and hot.literals[-1].rstrip().endswith(":")
            )
            and hot.program.numbers == len(hot.literals) - 1
            and self._programs.get((hot.shape, hot.table_key)) is hot.program
        )

    def _run_program(
        self,
        state: _Stream,
        program: Program,
        indented: bool,
        shape: str,
        tokens: list[str],
        when: float,
    ) -> None:
        """Apply a line's program to its tokens, with the run's context (``indented``: the
        line starts with :data:`_WRAP_INDENT`, as a wrapped bar's metrics do)."""
        if state.table is not None and not program.row and not program.bar and program.metrics:
            state.table = None  # other metrics: the table has ended
        if (not program.bar or program.metrics) and _any_value(tokens):
            # A bar's redraw holds its position and timings, not unread metrics.
            self.numeric_lines += 1
        if (
            state.bar is not None
            and not program.bar
            and not program.row
            and program.metrics
            and program.step is None
            and program.epoch is None
            and indented
        ):
            # A progress bar too wide for the terminal wraps its metrics onto indented lines
            # of their own (Lightning's RichProgressBar): they are the bar's, at its position.
            step, epoch = state.bar
            self._emit_metrics(replace(program, bar=True), tokens, step, epoch, when)
            return
        state.bar = None
        self._apply(state, program, tokens, when, shape)
        if program.bar:
            state.bar = (self._ctx.last_step, self._ctx.epoch)

    def _interpret(self, state: _Stream, line: str) -> Program:
        if state.table is not None:
            program = self._table_row(state.table, line)
            if program is not None:
                return program
        return interpret(line)

    # -- steps and points --------------------------------------------------------------

    def _apply(
        self, state: _Stream, program: Program, tokens: list[str], when: float, shape: str
    ) -> None:
        ctx = self._ctx
        step: int | None = None
        epoch: float | None = None
        per_epoch = False
        if program.plural_slot is not None:
            # `Iterations: 100` alone: a setting, unless it comes again with another number.
            value = tokens[program.plural_slot]
            seen = ctx.plural_values.get(shape)
            if seen is None and len(ctx.plural_values) < MAX_SHAPES:
                ctx.plural_values[shape] = value
            if seen is None or seen == value:
                return
            slot = program.plural_slot
            program = replace(
                program,
                plural_slot=None,
                step=None if program.plural_epoch else slot,
                epoch=slot if program.plural_epoch else None,
            )
        if program.epoch is not None:
            epoch = parse_float(tokens[program.epoch])
            if math.isnan(epoch):
                epoch = None
        # A keyed row's counters (a trial's `iter` and `epoch`) are its key's, not the run's.
        keyed = program.keyed
        table = state.table
        place = None
        index = tokens[program.index_slot] if program.index_slot is not None else program.place_key
        if index and table is not None and table.continues:
            # A wrapped frame's later block: the row is where the first block's row was.
            place = table.continues.get(index)
            keyed = keyed or place is not None
        if epoch is not None and epoch == int(epoch) and not program.record_epoch and not keyed:
            # An epoch counter (`Epoch 3/10`); a fractional epoch (Hugging Face's 0.33) is the
            # point's epoch but says nothing of where later lines are.
            if ctx.epoch_base is None:
                ctx.epoch_base = epoch if epoch in (0, 1) else 0
            if ctx.epoch is not None and epoch != ctx.epoch and ctx.last_step is not None:
                ctx.epoch_last_step.setdefault(ctx.epoch, ctx.last_step)
            ctx.epoch = epoch
        elif epoch is None and (
            program.bar or program.position is not None or program.positional_step
        ):
            epoch = ctx.epoch
        if program.bar and self._lump and not self._lump_waits and ctx.last_step is not None:
            self._resolve_lump()  # records read since the last redraw belong before it
        if self._lump and not program.bar and program.metrics and not program.record_epoch:
            # A result printed after the waiting records (`perplexity: 49.2` after the last
            # record) comes after them, at the step they get.
            self._lump.append((program, tokens, None, when, (state, shape)))
            return
        if place is not None:
            step, epoch = place
        elif program.row_ordinal and state.table is not None:
            step = state.table.ordinal  # a leaderboard's row: the trial's place
            state.table.ordinal += 1
        elif program.step is not None:
            step = _int(tokens[program.step])
            if keyed:
                pass  # a keyed row's own counter (a trial's `iter`): the key's, as printed
            elif program.positional_step and step is not None and program.total is not None:
                step = self._positional(program, step, _int(tokens[program.total]), epoch)
            elif step is not None and program.epoch is not None and epoch is not None:
                step = self._epoch_counter(step, epoch)
            elif step is not None and not program.bar and ctx.epoch is not None:
                # (the epoch a line before said: `Start of epoch 1`, then `… at step 0: …`)
                step = self._epoch_counter(step, ctx.epoch)
            if not program.bar and not keyed:
                ctx.line_steps = True
        elif program.position is not None:
            position = _int(tokens[program.position])
            total = _int(tokens[program.total]) if program.total is not None else None
            step = self._bar_step(state, program, position, total, epoch, shape)
            if self._lump and self._lump_waits and step is not None and self._bar_complete():
                ctx.last_step = step
                self._resolve_lump()  # the bar caught up with the records read ahead of it
        elif program.per_epoch and epoch is not None:
            # Values of an epoch land at its last step seen (or the last step of all, the
            # epoch's line coming right after it); with no finer steps, at the epoch itself.
            step = ctx.epoch_last_step.get(epoch, ctx.last_step)
            if step is None:
                step = int(epoch)
            else:
                if ctx.line_total and not ctx.bar_active:
                    # Lines every n batches of a known total (`| epoch 1 | 200/ 2983 batches
                    # |`): the epoch ends at its total, which such lines seldom show.
                    end = int((epoch - (ctx.epoch_base or 0) + 1) * ctx.line_total)
                    if end - ctx.line_total < step < end - 1:
                        step = end  # (a count from 0 whose last line shows `[3/4]`: the end)
                step = self._epochs_apart(step, epoch)
        elif (
            program.record_epoch
            and epoch is not None
            and ctx.line_steps
            and not ctx.bar_active
            and ctx.last_step is not None
            and program.metrics
        ):
            # `{'epoch': 1, 'val_loss': …}` after records with steps of their own (`{'step': 24,
            # 'loss': …}`): the epoch's values, at the step the run's lines reached.
            step = LastStep(ctx.last_step)
            per_epoch = True
        elif (
            program.record_epoch
            and epoch is not None
            and epoch > 0
            and not ctx.no_bar
            and program.metrics
        ):
            # (a record of an epoch alone, `{"epoch": 2}` as it starts, has nothing to place)
            # Records at fractional epochs (`{'loss': …, 'epoch': 0.33}`): while the run's bar
            # counts steps, steps are proportional to epochs, anchored at the bar's step for the
            # latest epoch of the records read together. Exact when each record is printed at
            # its step (a terminal); close when output reaches a pipe in blocks (records then
            # come in a lump behind the bar). Held until the bar says where it is.
            if not self._lump:
                # Read before any bar: its step is where the bar stands at the end of this
                # read (the bar may come from the other stream), not at its first redraw.
                self._lump_waits = not ctx.bar_active
            ctx.started = True  # a record at an epoch: the training output has begun
            self._lump.append((program, tokens, epoch, when, None))
            return
        elif ctx.bar_active and ctx.last_step is not None and not program.bar:
            step = ctx.last_step
            if epoch is None:
                epoch = ctx.epoch
            per_epoch = program.record_epoch  # the run's step is the bar's, not the record's
        elif epoch is not None and not program.per_epoch and program.metrics:
            # A record at a fractional epoch (`{'loss': …, 'epoch': 0.33}`) and no step anywhere:
            # records at one epoch share a step, in the order the epochs came, so training and
            # evaluation records line up.
            step = ctx.epoch_ticks.get(epoch)
            if step is None:
                step = ctx.epoch_ticks[epoch] = len(ctx.epoch_ticks) + 1
            per_epoch = True
        elif epoch is None and ctx.epoch is not None and program.metrics:
            # A line with no counter of its own after `Epoch 3/10`: a value of that epoch.
            epoch = ctx.epoch
            step = ctx.epoch_last_step.get(epoch, ctx.last_step)
            if step is None:
                step = int(epoch)
            per_epoch = True
        elif program.stepless and epoch is None and ctx.last_step is not None:
            # A line with no step of its own after lines with steps (`step 50: loss=…`, then
            # `eval: acc=…`; `Test accuracy: 0.95` after training): at the last step seen, so
            # training, evaluation and results line up; a series already there (a value
            # printed again before the next step) counts on from it (the source sees to it).
            step = LastStep(ctx.last_step)
            per_epoch = True  # (the run's step stays where training left it)
        if (
            index
            and table is not None
            and table.wraps
            and len(table.index_places) < _MAX_COUNT_NAMES
        ):
            table.index_places[index] = (step, epoch)
        if step is not None and not program.per_epoch and not per_epoch and not keyed:
            ctx.last_step = step
            if epoch is not None:
                ctx.epoch_last_step[epoch] = step
        if self._prep_done:
            self._prep_done = False
            ctx.started = False
            # Its positions counted the data, not the run's steps: later values with no finer
            # step are not at its end (Ultralytics' epoch rows after scanning 16 images).
            ctx.last_step = None
            ctx.bar_position = ctx.bar_total = None
            return
        if not program.metrics:
            if (
                program.bar
                or program.step is not None
                or program.position is not None
                or (program.epoch is not None and not program.record_epoch)
            ):
                ctx.started = True  # a counter: the training output has begun
            return
        if not ctx.started:
            if (
                program.bar
                or program.step is not None
                or program.position is not None
                or program.epoch is not None
            ):
                ctx.started = True
            elif shape in ctx.shapes_seen and ctx.shapes_seen[shape][1] != tokens:
                # A line shape printed again with other numbers: the run's series began where
                # it first appeared; what was held since then is training output too. (The
                # same line again, `build mlp: 4` once per network, is the same setting.)
                ctx.started = True
                self._release_from(ctx.shapes_seen[shape][0])
            elif shape not in ctx.shapes_seen:
                ctx.shapes_seen[shape] = (len(self._held), tokens)
        self._emit_metrics(program, tokens, step, epoch, when)

    def _under_title(self, state: _Stream, program: Program) -> Program:
        """A line of the block of pairs under a title that names a phase (`** Reported on
        validation data. **`, then `MSE: 0.147`): its one metric is the phase's; any other
        line ends the block."""
        if (
            len(program.metrics) != 1
            or program.step is not None
            or program.epoch is not None
            or program.bar
            or program.row
            or any(w.lower() in PHASES for w in WORDS.findall(program.metrics[0][0]))
        ):
            state.section, state.section_lines = "", 0
            return program
        state.section_lines += 1
        name, slot, kind = program.metrics[0]
        return replace(program, metrics=[(f"{state.section}/{name}", slot, kind)]).finish()

    def _fold_row(self, state: _Stream, line: str, when: float) -> bool:
        """A row of a table of folds (see _fold_titles): its name, then a value per column;
        False when the line is no such row (the table has ended)."""
        folds = state.folds
        if folds is None:
            return False
        cells = _CELL.findall(line)
        if len(cells) != len(folds) + 1 or VALUE_TOKEN.fullmatch(cells[0]):
            return False
        values = [parse_float(cell) for cell in cells[1:]]
        if any(v != v and cell.lower() != "nan" for v, cell in zip(values, cells[1:], strict=True)):
            return False  # a cell that is no number
        key = "_".join(cells[0].split())
        self.numeric_lines += 1
        if not _names_a_measure([key]):
            # A row per item of the data (`grade  5952.1  6496.1 …`: a feature's importance
            # in each fold): the model's values, one per item, not the run's measures.
            return True
        self.metric_lines += 1
        self._ctx.started = True
        last = None
        for (title, step), value in zip(folds, values, strict=True):
            if step is not None:
                last = step
                self._emit([key], step, None, [value], when)
            else:
                self._emit([f"{key}/{title}"], last, None, [value], when)
        return True

    def _epoch_counter(self, step: int, epoch: float) -> int:
        """The run's step for a step counter printed beside its epoch (``Epoch 2 Iteration
        5``, ``Epoch 2 Batch 100``): the counter itself while it only grows; once it starts
        again with a new epoch it counts within the epoch, and each epoch goes on where the
        last one would have printed next (its last count plus the printing interval)."""
        ctx = self._ctx
        last = ctx.counter_last
        if last is None:
            ctx.counter_first = step
        if last is not None and ctx.counter_epoch is not None:
            if epoch > ctx.counter_epoch and step < last:
                # (the same step again is a run-wide counter printed once more: no restart)
                # The epoch's length: a count from 0 (`0, 8, 16`) ends an interval after its
                # last; a count of batches done (`8, 16, 24`) ends at its last.
                interval = ctx.counter_interval or 1
                first = ctx.counter_first or 0
                ctx.counter_offset += last + (-first % interval if first else interval)
                ctx.counter_first = step
            elif epoch == ctx.counter_epoch and step > last:
                gap = step - last
                if ctx.counter_interval is None or gap < ctx.counter_interval:
                    ctx.counter_interval = gap
        ctx.counter_last, ctx.counter_epoch = step, epoch
        return step + ctx.counter_offset

    def _settle_bar_levels(self, names: list[str], on_bar: bool) -> None:
        """Whether each name first came on a bar at its end, after the bar had shown other
        values at its earlier positions (an epoch's value: see _point); decided once, on a
        name's first point (``on_bar``: the point is the bar's own, not a line beside it)."""
        levels = self._bar_epoch_level
        late = on_bar and self._ctx.bar_at_end() and bool(self._bar_done or self._bar_pending)
        for name in names:
            if name not in levels and len(levels) < _MAX_COUNT_NAMES:
                levels[name] = late and name not in self._bar_pending

    def _emit_metrics(
        self,
        program: Program,
        tokens: list[str],
        step: int | None,
        epoch: float | None,
        when: float,
    ) -> None:
        self.metric_lines += 1
        if program.counts:
            self._counting = True
        for name in program.shares:
            if len(self._count_names) < _MAX_COUNT_NAMES:
                self._count_names[name] = 0  # a share of a count, printed as a percentage
        if not program.bar and self._bar_pending:
            self._flush_bars()
        names: list[str] = []
        values: list[float] = []
        for name, slot, kind in program.metrics:
            if kind == 1:
                count = parse_float(tokens[slot])
                total = parse_float(tokens[slot + 1])
                if not total:
                    continue
                value = 100.0 * count / total
            else:
                try:
                    # A numeric token is a value exactly when float() reads it (a time, a
                    # date or a version it refuses): one C call, not a regex and a call.
                    value = float(tokens[slot])
                except ValueError:
                    grouped = grouped_value(tokens[slot])
                    if grouped is None:
                        continue
                    value = grouped  # `43,107`: a number grouped by thousands
                if kind:
                    value *= UNIT_SCALE[kind]
            names.append(name)
            values.append(value)
        if program.own_counter and names:
            # A table printed again as it grows (a history reprinted each epoch): a row at its
            # own step with the values it had is no new point.
            rows = self._rows_given.get(names[0])
            if rows is None:
                rows = self._rows_given[names[0]] = {}
            at = step if epoch is None else (step, epoch)
            given = rows.get(at)
            if given is not None and given[1] == values and given[0] == names:
                return
            if len(rows) < _MAX_COUNT_NAMES:
                rows[at] = (names, values)
        if program.key_slot is not None or program.row_key:
            if program.key_slot is not None:
                key = tokens[program.key_slot]
                columns = names
                names = [f"{key}/{name}" for name in names]
            else:
                key = program.row_key  # (the names hold it already)
                columns = [name.replace(f"{key}/", "", 1) for name in names]
            if self._ctx.started:
                # (before the training's output, rows are held as any value is: see _point)
                names, values, released = self._keyed_rows.row(
                    key, names, columns, values, step, epoch, when, program.step is not None
                )
                self._give(released)
        if program.tag_slot is not None:
            tag = f"{program.tag_word}_{tokens[program.tag_slot]}"
            names = [f"{tag}/{name}" for name in names]
        rank = program.rank
        if program.rank_slot is not None:
            rank = _int(tokens[program.rank_slot]) or 0
        if rank:
            names = [f"rank{rank}/{name}" for name in names]
        if (
            epoch is not None
            and names
            and self._history_printed_again(program, names, epoch, values)
        ):
            return
        if program.bar or self._ctx.bar_active:
            self._settle_bar_levels(names, program.bar)
        if not program.bar and self._ctx.started and not self._held:
            if names:
                self._emit(names, step, epoch, values, when)
            return
        changed = False  # (a bar's: see _point)
        if program.bar and names:
            # A redraw whose values differ from the bar's last draw is an iteration of its
            # own, even where one name's value repeats (`acc=0.625` again, `loss` new); the
            # names that join it (`val_loss` at the epoch's end) are no iteration of the others.
            changed = _bar_changed(self._bar_shown, names, values)
            self._bar_shown = dict(zip(names, values, strict=True))
        for name, value in zip(names, values, strict=True):
            self._point(name, step, epoch, value, when, program.bar, changed)

    def _epochs_apart(self, step: int, epoch: float) -> int:
        """The step for an epoch's values, given the last step seen: a step no line has moved
        on from since an earlier epoch's values were given it (a count printed once before the
        epochs, `batch 48` among the settings) is not this epoch's: the epochs count on from
        it, one step each, and never share one."""
        ctx = self._ctx
        first = ctx.epoch_at_step.get(step)
        if first is None:
            if len(ctx.epoch_at_step) < MAX_SHAPES:
                ctx.epoch_at_step[step] = epoch
        elif epoch > first:
            step += math.ceil(epoch - first)
            ctx.epoch_last_step[epoch] = step  # (the epoch's later lines: `val_acc=…` wrapped)
        return step

    def _history_printed_again(
        self, program: Program, names: list[str], epoch: float, values: list[float]
    ) -> bool:
        """Whether a table's row holds, at the epoch in its own column, the values that lines
        of another shape gave at that epoch under the same names (whatever their case or
        separators): the history printed again after the run (`console.table(history)`, a
        summary table of the epochs' lines), no new points. A second table like the first (a
        run again, the same seed) is its own. The epochs' values of lines other than such
        rows are kept for this (up to a bound)."""
        given = self._epoch_values
        if program.own_counter:
            if not given:
                return False  # (no other line gave an epoch's values: the common case, quick)
            return all(
                given.get((self._folded(name), epoch)) == value
                for name, value in zip(names, values, strict=True)
            )
        if len(given) < _MAX_EPOCH_VALUES:
            for name, value in zip(names, values, strict=True):
                given[(self._folded(name), epoch)] = value
        return False

    def _folded(self, name: str) -> str:
        """A name as _history_printed_again compares it: lower case, no separators."""
        key = self._folded_names.get(name)
        if key is None:
            key = _FOLD.sub("", name.lower())
            if len(self._folded_names) < _MAX_COUNT_NAMES:
                self._folded_names[name] = key
        return key

    def _give(self, points: list[_Point]) -> None:
        """Emit points held back a while (their names are settled), as lines give theirs."""
        for name, step, epoch, value, when in points:
            if self._ctx.started and not self._held:
                self._emit([name], step, epoch, [value], when)
            else:
                self._point(name, step, epoch, value, when, False)

    def _settle_lump(self, now: float = 0.0, closing: bool = False) -> None:
        """Resolve the held records at fractional epochs when their steps can be known.

        With a bar: at once. Without one yet: held a little (the bar may come in the next
        read, from the other stream); a run that shows no bar for 10 s of output or 200
        records, or ends, gets per-epoch ticks from then on.
        """
        if not self._lump:
            return
        ctx = self._ctx
        first = self._lump[0][3]
        if ctx.bar_active and ctx.last_step is not None:
            if not self._lump_waits or closing or now - first > 10.0 or self._bar_complete():
                # Records read ahead of the bar (the other stream lagging) wait for it to
                # catch up: its end, or 10 s of output; else its step where they were read.
                self._resolve_lump()
            return
        if closing or len(self._lump) > 200 or max(now, self._lump[-1][3]) - first > 10.0:
            ctx.no_bar = True
            self._resolve_lump()

    def _bar_complete(self) -> bool:
        ctx = self._ctx
        position, total = ctx.bar_position, ctx.bar_total
        return (
            position is not None
            and total is not None
            and total > 0
            and total == ctx.main_total
            and position >= total
        )

    def _resolve_lump(self) -> None:
        """Give the records read together at fractional epochs their steps (see _apply)."""
        lump, self._lump = self._lump, []
        ctx = self._ctx
        ticks = ctx.no_bar or ctx.last_step is None
        epochs = [item[2] for item in lump if item[2] is not None]
        if not ticks and epochs:
            ctx.record_epoch_max = max(ctx.record_epoch_max, *epochs)
        last = ctx.last_step
        for program, tokens, epoch, when, later in lump:
            if later is not None:
                self._apply(later[0], program, tokens, when, later[1])
                continue
            assert epoch is not None
            if ticks:
                # No bar counts the steps: records at one epoch share a step, in the order the
                # epochs came, so training and evaluation records line up.
                step = ctx.epoch_ticks.get(epoch)
                if step is None:
                    step = ctx.epoch_ticks[epoch] = len(ctx.epoch_ticks) + 1
            else:
                assert last is not None  # not ticks: a bar counted the steps
                step = round(epoch * last / ctx.record_epoch_max)
            self._emit_metrics(program, tokens, step, epoch, when)

    def _point(
        self,
        name: str,
        step: int | None,
        epoch: float | None,
        value: float,
        when: float,
        bar: bool,
        changed: bool = False,
        arrived: bool | None = None,
    ) -> None:
        if not self._ctx.started:
            self._held.append((name, step, epoch, value, when))
            self._held_names.add(name)
            return
        if self._held and name in self._held_names:
            self._release(name, value)
        if bar and step is not None:
            # One point per position: the last value a position showed. A position already
            # left (its point given) and drawn again is not a new point; a value shown again
            # at a new position is (a constant learning rate is a point at every step).
            done = self._bar_done.get(name)
            if done is not None and done[0] == step and (done[2] == epoch or epoch is None):
                # (a new epoch's bar starts where the last one's count ended: not a redraw)
                return
            pending = self._bar_pending.get(name)
            if self._bar_epoch_level.get(name) and not self._ctx.bar_at_end():
                # An epoch's value (`val_loss` after validation) shown again at the next
                # epoch's positions: the same point until it changes or the epoch ends.
                last = pending[2] if pending is not None else done[1] if done else None
                if last is not None and (last == value or last != last and value != value):
                    return
            trail = self._bar_trail.pop(name, None) if self._bar_trail else None
            if pending is not None and pending[0] != step:
                # A bar counting in a `for` loop shows its count only now and then (tqdm's
                # miniters), while each iteration's values redraw it at once: the values
                # changed k times at a position the count then leaves k further, showing the
                # last. Each was an iteration of its own, in order: the position's first
                # values are its own point when they were the last position's, carried over
                # as the count moved (the count shows the iteration that drew them), or else
                # the next iteration's (a bar's first values, at its count 0).
                # When the count moves on with other values (the next bar, at an epoch's
                # start), the last of them is the iteration at the count it moves to.
                same = not changed
                first = self._trail_start(name, pending[0], step - pending[0], trail)
                if first is not None and (pending[1] == epoch or not same):
                    states = (trail or []) if same else [*(trail or ()), pending]
                    for offset, (_, t_epoch, t_value, t_when) in enumerate(states):
                        self._emit([name], first + offset, t_epoch, [t_value], t_when)
                    if states:
                        shown = states[-1]
                        self._bar_done[name] = (first + len(states) - 1, shown[2], shown[1])
                    self._bar_pending[name] = (step, epoch, value, when)
                    self._bar_carried[name] = same
                    return
                self._emit([name], pending[0], pending[1], [pending[2]], pending[3])
                self._bar_done[name] = (pending[0], pending[2], pending[1])
            if pending is not None and pending[0] == step:
                epoch = pending[1]  # a redraw at the step (a reset bar's) keeps its epoch
                if changed:
                    # an iteration's values at one position: kept in order, see above
                    trail = [*(trail or ()), pending]
                if trail and len(trail) <= _MAX_TRAIL:
                    self._bar_trail[name] = trail  # (a plain redraw keeps it)
            else:
                # what a position shows as the count arrives is its own iteration's
                self._bar_carried[name] = self._ctx.bar_arrived if arrived is None else arrived
            self._bar_pending[name] = (step, epoch, value, when)
            return
        if self._bar_pending:
            self._flush_bars()  # what a bar showed before this point comes first
        self._emit([name], step, epoch, [value], when)

    def _trail_start(
        self, name: str, position: int, moved: int, trail: list[_BarState] | None
    ) -> int | None:
        """The step of the first of the values a bar position showed one after another (its
        trail, then the last), when the count then moved on by ``moved`` iterations: the
        position's own step if the first came as the count arrived (carried over from the
        position before, or the bar's first draw), else the next; the position's own too when
        the count says so (a description's `Loss: 0.00` before the first iteration). A count
        one further after a run of values had an iteration whose values were drawn again
        unchanged (`0.692`, then `0.692`): the values keep their order from the first step."""
        states = len(trail or ()) + 1
        if moved < 2 or not trail:
            return None
        if self._bar_carried.get(name, False):
            fits = moved == states - 1 or (moved == states and states >= 3)
            return position if fits else None
        if moved == states:
            return position + 1
        return position if moved == states - 1 else None

    def _release_from(self, first: int) -> None:
        """Give the held values from ``first`` on (they were training output after all)."""
        released, self._held = self._held[first:], self._held[:first]
        self._held_names = {held[0] for held in self._held}
        for name, step, epoch, value, when in released:
            self._point(name, step, epoch, value, when, False)

    def _release(self, name: str, value: float) -> None:
        """A name kept aside came back as a series: its early values are points after all,
        but for one equal to the value it comes back with (`Starting training: lr=0.3`, then
        `lr 0.3` each step): the setting the series starts from, printed again."""
        keep = []
        for held in self._held:
            if held[0] == name:
                if held[3] == value:
                    continue
                self._emit([held[0]], held[1], held[2], [held[3]], held[4])
            else:
                keep.append(held)
        self._held = keep
        self._held_names.discard(name)

    def _flush_bars(self) -> None:
        trails, self._bar_trail = self._bar_trail, {}
        ctx = self._ctx
        for name, (step, epoch, value, when) in self._bar_pending.items():
            trail = trails.get(name)
            if trail and ctx.bar_total and ctx.bar_position is not None:
                # A bar closed without drawing its count again (tqdm's leave=False): its last
                # position's iterations, see _point, when they make up the rest of its total.
                first = self._trail_start(name, step, ctx.bar_total - ctx.bar_position, trail)
                if first is not None:
                    for offset, (_, t_epoch, t_value, t_when) in enumerate(trail):
                        self._emit([name], first + offset, t_epoch, [t_value], t_when)
                    step = first + len(trail)
            self._emit([name], step, epoch, [value], when)
            self._bar_done[name] = (step, value, epoch)
        self._bar_pending.clear()

    def _positional(
        self, program: Program, step: int, total: int | None, epoch: float | None
    ) -> int:
        """`Step n/total` inside an epoch: global unless it restarts as the epoch changes."""
        ctx = self._ctx
        if ctx.positional_total is None or epoch != ctx.positional_epoch:
            # The epoch's count (a new epoch may have another total): the epochs before it
            # took their totals' steps.
            if ctx.positional_epoch is not None and ctx.positional_total and epoch is not None:
                if ctx.positional_offset is None:
                    base = ctx.epoch_base or 0
                    ctx.positional_offset = int(
                        (ctx.positional_epoch - base) * ctx.positional_total
                    )
                ctx.positional_offset += ctx.positional_total
            ctx.positional_total, ctx.positional_epoch = total, epoch
            ctx.positional_done = False
        elif total and total != ctx.positional_total:
            if ctx.positional_done and ctx.last_step is not None:
                # An evaluation's count of another total after the epoch's reached its end
                # (`Step: 1/3` after `Step: 10/10`): its values are at the epoch's end.
                return ctx.last_step
            ctx.positional_total = total
        if total is not None and total == ctx.positional_total:
            ctx.positional_done = step >= total > 0
        key = program.step if program.step is not None else -1
        per_epoch = ctx.positional.get(key, False)
        if not per_epoch and ctx.last_positional is not None and step < ctx.last_positional:
            per_epoch = ctx.positional[key] = epoch is not None
        ctx.last_positional = step
        if per_epoch and epoch is not None and total:
            if ctx.positional_offset is not None:
                return ctx.positional_offset + step
            base = ctx.epoch_base or 0
            return int((epoch - base) * total + step)
        return step

    def _bar_step(
        self,
        state: _Stream,
        program: Program,
        position: int | None,
        total: int | None,
        epoch: float | None,
        shape: str = "",
    ) -> int | None:
        ctx = self._ctx
        if position is None:
            return None
        if program.bar:
            # (whatever its description says: `Running Epoch 1` then `Epochs 1/4. Loss: 0.69`)
            ctx.bar_arrived = (position, total) != ctx.bar_drawn_at
            ctx.bar_drawn_at = (position, total)
        if program.uncounted and not program.metrics:
            return ctx.last_step  # a bar of data or of an evaluation: the run stands still
        # (its padding left out: `train:  92%|` and `train: 100%|` are one bar)
        desc = shape.split("\x00%|", 1)[0].rstrip() if "%|" in shape else ""
        if program.bar and position == 0 and total is None and ctx.last_step is not None:
            # A bar of unknown length at its start (`Validation: |   | 0/?`, `Training: |   |
            # 0/? [… loss=0.47]` redrawn as the epochs' bars move) says nothing of where the
            # run is: its values are where the run stands.
            return ctx.last_step
        if program.bar and desc != ctx.bar_desc:
            # Another bar (its description differs): its positions count on their own.
            ctx.bar_desc = desc
            ctx.bar_cycles = 0
            ctx.bar_position = None
            ctx.bar_epoch, ctx.bar_global = None, False
        ctx.bar_active = ctx.bar_active or program.bar
        if (
            program.bar
            and not program.metrics
            and epoch is None
            and total
            and ctx.main_total
            and total != ctx.main_total
            and ctx.main_position == ctx.main_total
            and ctx.last_step is not None
        ):
            # A bar with nothing but its count, of another total, after the run's bar ended
            # (an evaluation over the users or the test set after training): it counts
            # what it evaluates, not the run's steps.
            return ctx.last_step
        if program.bar and not program.metrics and ctx.line_steps and epoch is None:
            # A bar with nothing but its count, in a run whose lines give their own steps
            # (`step 20 loss=…`, then `Map: 100%|…| 1000/1000`): it counts data or an
            # evaluation's batches, not the run's steps.
            return ctx.last_step
        if (
            program.bar
            and total
            and ctx.main_total
            and total < ctx.main_total
            and program.epoch is None
        ):
            if (
                ctx.main_position is not None
                and position > ctx.main_position
                and total != ctx.inner_total
            ):
                # The main bar itself, past where it stood, its total estimated anew (a
                # sampler's bar whose total moves as it learns how far it has to go).
                ctx.main_total = total
            else:
                # A shorter bar inside the run's main one (an evaluation's): its positions
                # are not the run's steps; its values are at the run's step. It stays one
                # past the main bar's position (an evaluation longer than the run so far).
                ctx.inner_total = total
                return ctx.last_step
        if program.bar and total and (ctx.main_total is None or total > ctx.main_total):
            ctx.main_total = total
        if program.bar and total and total == ctx.main_total:
            ctx.main_position = position
            ctx.inner_total = None
        if not program.bar and total:
            if ctx.line_total is None or total > ctx.line_total:
                ctx.line_total = total
            elif total < ctx.line_total and epoch is not None:
                # A shorter count within an epoch (`Test: [2/3]`, `Epoch(val) [1][2/3]` after
                # the training's `[7/8]`): it counts an evaluation's batches, not the run's
                # steps; its values are the epoch's, at that epoch's last step: its end, where
                # the training's count reaches its total (a line every n batches seldom shows
                # the last one).
                seen = ctx.epoch_last_step.get(epoch, ctx.last_step)
                end = int((epoch - (ctx.epoch_base or 0) + 1) * ctx.line_total)
                # (A count from 0 whose last line shows `[3/4]` has shown the end already.)
                return end if seen is not None and seen < end - 1 else seen
        if (
            program.bar
            and total
            and total == ctx.main_total
            and position >= total
            and (not self.metric_lines or not ctx.started)
            and not self._lump
        ):
            # A bar done before any metric (data preparation): the run's bar is still to come,
            # and what is printed until then may still be its configuration.
            ctx.main_total = None
            self._prep_done = not program.metrics and program.epoch is None
        if program.bar and epoch is not None and total:
            if (
                ctx.bar_epoch is not None
                and epoch != ctx.bar_epoch
                and ctx.bar_total == total
                and ctx.bar_position is not None
                and 0 < ctx.bar_position < total
                and position > ctx.bar_position
            ):
                ctx.bar_global = True
            if (
                ctx.bar_epoch is not None
                and epoch < ctx.bar_epoch
                and epoch == int(epoch)
                and ctx.bar_high is not None
            ):
                # The epochs start over (a new experience, fold or fit): the steps go on from
                # the highest the bars reached, never back.
                ctx.epoch_offset = ctx.bar_high
            ctx.bar_epoch = epoch
        if epoch is not None and total and ctx.bar_global and program.bar:
            step = position
        elif epoch is not None and total:
            base = ctx.epoch_base or 0
            step = ctx.epoch_offset + int((epoch - base) * total + position)
            if program.bar and (ctx.bar_high is None or step > ctx.bar_high):
                ctx.bar_high = step
            if position == 0 and program.bar and ctx.last_step is not None:
                # A bar drawn again at its start (tqdm's reset after an epoch, before the next
                # description): no step of the epoch is done; what it shows is where the run
                # stands, the last step reached.
                step = max(step, ctx.last_step)
        elif total and epoch is None:
            # A bar without an epoch: one over the whole run, or one per epoch (positions
            # restart): each restart is a new cycle.
            if (
                ctx.bar_position is not None
                and position < ctx.bar_position
                and position <= 1
                and ctx.bar_total == total
            ):
                ctx.bar_cycles += 1  # the bar starts over (a redraw of an older position does not)
            step = ctx.bar_cycles * total + position
        else:
            step = position
        ctx.bar_position = position
        ctx.bar_total = total
        return step

    # -- column tables -----------------------------------------------------------------

    def _maybe_header(self, state: _Stream, line: str) -> None:
        """A line of column names (no number): a table's header, if rows follow."""
        stripped = line.strip()
        if stripped and not stripped.strip(GLYPH + " \t") and state.table is None:
            # Rules of `=` folded as a bar's glyphs (`=====  ======`, reStructuredText's
            # tables, over and under the header): a rule, not the end of the header.
            if state.header is not None:
                state.rule_seen = True
            return
        if stripped.endswith(" ...") and state.header is not None:
            stripped = stripped[:-4].rstrip()  # `Model   ...`: the index's name, columns left out
        if (
            state.header is not None
            and state.header_wait == 0
            and state.table is None
            and not state.index_name
            and _HEADER_WORD.fullmatch(stripped)
            and line.startswith(stripped)
            and len(stripped) < state.header[1][0].start
        ):
            # pandas with a named index: its name on a line of its own, left of the columns.
            state.index_name = stripped
            return
        if (
            state.wrapped is not None
            and (state.table is None or state.table is state.wrapped)
            and line[:1] == " "
            and _CSV_NAME.fullmatch(stripped)
        ):
            # The last block of a wrapped frame may hold one column (`   lr  `).
            state.table = None
            at = line.index(stripped)
            _start_header(state, line, [_Column(stripped, at, at + len(stripped))])
            return
        csv = _csv_columns(stripped) if "," in stripped else None
        if csv is not None and state.table is None:
            # A header of comma-separated names (a CSV log printed: `step, loss, acc`): its
            # rows are matched to it by position.
            _start_header(state, line, csv)
            return
        if (
            "  " not in stripped
            and "|" not in stripped
            and "│" not in stripped
            and "\t" not in stripped
        ):
            if not _bar_like(line):
                state.table = None
                if state.header is not None and state.header_wait > _HEADER_PATIENCE:
                    state.header = None
            return  # one space between words: a sentence, not columns
        if state.table is not None and not _RULE.match(line):
            if _bar_like(line):
                return  # a bar between rows
            state.table = None
        wraps = line.rstrip().endswith(" \\")
        if wraps:
            line = line.rstrip()[:-1]  # pandas' frame goes on in the next block (its ` \`)
        # A terminal shows a tab up to the next multiple of 8: so do the columns.
        # (no tab: a cell of more than four words may be names one space apart, the rows say)
        columns = _columns(line.expandtabs() if "\t" in line else line, loose="\t" not in line)
        if columns is None:
            state.header = None
            return
        if state.header is not None and all(_DTYPE.fullmatch(c.name) for c in columns):
            return  # `│ i64 ┆ f64 │` under a polars frame's names: their types, no names
        loose = any(len(column.name.split()) > 4 for column in columns)
        if state.header is not None and state.header[0] == line:
            return  # the same header drawn again (a bar's description redrawn: YOLOv5's)
        if state.header is not None and state.header_wait == 0 and state.table is None:
            # A header on two lines (`average  since` over `loss     last`): one name per
            # column, its words stacked.
            stacked = _stack(state.header[1], columns)
            if stacked is not None:
                columns = stacked
        if state.titles:
            _group_titles(state.titles, columns)
            state.titles = ""
        _start_header(state, line, columns, wraps, loose)
        del stripped

    def _table_row(self, table: _Table, line: str) -> Program | None:
        return _row_program(table, line)

    # -- boxed tables ------------------------------------------------------------------

    def _box_line(self, state: _Stream, line: str, when: float) -> bool:
        """Read a line of a boxed key/value table; False when it is not one."""
        cells = _box_row(line)
        if cells is None:
            if _RULE.match(line) and _ruled(line):
                if state.box is not None and (state.box.values or state.box.steps):
                    self._end_box(state, when)
                elif state.box is None:
                    state.box = _Box(time=when)
                elif state.box.settings and state.box.held:
                    state.box.settings, state.box.held = False, 0  # the settings' rows end
                return True
            box = state.box
            if box is None and _BOX_CELL.match(line):
                box = state.box = _Box(time=when, rows=1)  # (its title is not seen)
            if box is not None and (box.one_column or not (box.values or box.section)):
                cell = _BOX_CELL.match(line)
                if cell is not None:
                    self._box_cell(box, cell.group(1), cell.group(2), when)
                    return True
            if state.box is not None:
                self._end_box(state, when)
            return False
        key, value = cells
        if not key or not any(c.isalpha() for c in key):
            return True  # a key names a metric: `│ 2 │ 3 │` is a row of numbers
        if state.box is None:
            state.box = _Box(time=when)
        box = state.box
        tokens = VALUE_TOKEN.findall(value)
        if not value:
            box.section = key.rstrip("/ ")
            box.settings, box.held = _names_settings(key), 0
            return True
        if len(tokens) != 1 or VALUE_TOKEN.sub("", value).strip(" %") not in ("", "s", "ms"):
            if not tokens and not VALUE_TOKEN.search(key):
                state.titles = line  # titles over a header's groups, maybe (see _group_titles)
                # A header over the rows to the next rule (`| Parameters | Optimal Value |`):
                # configuration's rows are settings, not results; so are a data set's
                # statistics (`┃ Statistic ┃ Value (logp) ┃`: its mean, its size).
                box.settings = _names_settings(key) or key.lower() in _STATISTIC_HEADERS
                box.held = 0
            return True  # a text value, or a header row of a wider table
        if box.settings:
            box.held += 1
            return True
        if not is_value(tokens[0]):
            return True
        words = _HEADER_WORD.findall(key)
        name = "_".join(words) if words else key
        if is_data_name(name):
            return True  # `| CPU | 38.50 % |`: the machine's (or the data's), not a measure
        full = f"{box.section}/{name}" if box.section else name
        number = parse_float(tokens[0])
        lowered = name.lower().rsplit("/", 1)[-1]  # (`gen/train/n_updates` under `raw/`)
        if lowered in STEP_WORDS or lowered.endswith("timesteps") or lowered in ("n_updates",):
            box.steps.append((full, number))
        elif lowered in EPOCH_WORDS:
            return True  # `|    epoch | 0 |` under `bc/`: the record's epoch, a counter
        elif box.section.lower() == "time":
            return True  # `time/` (SB3's logger): fps, time elapsed: the clock's, no metric
        box.values.append((full, number))
        box.time = when
        return True

    def _box_cell(self, box: _Box, key: str, value: str | None, when: float) -> None:
        """A row of a one-column box (`│ accuracy   0.52 │`): its title, a value, or a row of
        a table drawn inside the box (several cells: not read, see below)."""
        box.one_column = True
        box.rows += 1
        if value is None:
            words = key.split()
            config = _names_settings(key)
            if box.rows == 1:
                # The title: configuration, or the thing the values are of (its identifier).
                box.config = config
                ids = [w for w in words if _IDENTIFIER.fullmatch(w)]
                box.prefix = ids[0] if len(ids) == 1 else ""
            else:
                box.settings = config  # a row titling the rows under it (`Best parameters:`)
            return
        if box.config or box.settings or "  " in key.strip():
            # Settings; or a row of a table inside a box (`trial_0001   TERMINATED   64  0.01
            # 3  0.44`): a run's status table, repeating results its own records gave.
            return
        if not VALUE_TOKEN.fullmatch(value) or not is_value(value):
            return
        key = key.removesuffix(":")  # `│  Best score:    0.93  │`
        words = _HEADER_WORD.findall(key)
        if not words or " " in key and not all(w.isidentifier() for w in key.split()):
            return
        name = "_".join(words)
        if is_data_name(name):
            return  # `| CPU | 38.50 % |`: the machine's (or the data's), not a measure
        full = f"{box.prefix}/{name}" if box.prefix else name
        number = parse_float(value)
        lowered = name.lower()
        if lowered in STEP_WORDS or lowered.rsplit("_", 1)[-1] in _COUNTER_WORDS:
            box.steps.append((full, number))
        box.values.append((full, number))
        box.time = when

    def _end_box(self, state: _Stream, when: float | None) -> None:
        box = state.box
        if box is None:
            return
        state.box = None
        if not box.values:
            return
        self._ctx.started = True
        step = None
        if box.steps:
            # The finest counter of the record is its step (`total_timesteps`, not `iterations`).
            counter = max(box.steps, key=lambda item: item[1])
            if counter[1] == counter[1]:
                step = int(counter[1])
        counters = {name for name, _ in box.steps}
        if not self._counting and any(is_count_name(name) for name, _ in box.values):
            self._counting = True
        if step is not None:
            self._ctx.last_step = step
            self._ctx.line_steps = True
        elif self._ctx.last_step is not None:
            step = self._ctx.last_step  # a results table after training: at its last step
        elif self._ctx.epoch is not None:
            step = int(self._ctx.epoch)
        for name, value in box.values:
            if name in counters:
                continue  # the step itself, or a coarser count (`episodes`, `n_updates`)
            self.metric_lines += 1
            self._point(name, step, None, value, box.time, False)


# A template's group: what VALUE_TOKEN takes as a token, inside the shape's fixed text.
_NUMBER_GROUP = f"({TOKEN_CORE})"
# The group of a slot that held a plain number: a number alone, quick to match, refusing to
# take the start of a date, a time or a version (`2026-12-06`, `12:30`, `1.2.3`); a line
# holding one there misses the template and is read in full, as it would be anyway.
_PLAIN_GROUP = f"({PLAIN_NUMBER})(?!-\\d|:\\d|/\\d\\d?/\\d|\\.\\d+\\.\\d|\\d)"
_PLAIN = re.compile(PLAIN_NUMBER)


# A quick group for a slot that held a plain number, for ASCII text: a run of the characters
# a number is written with, which float() then checks, or the words of nan and inf as
# PLAIN_NUMBER has them. Of such runs, float() takes exactly those PLAIN_NUMBER takes (no
# `_`, space or other letter can be in one), and a run ends where _PLAIN_GROUP's number ends
# when the fixed text after it starts with no character of a run and nothing the look-ahead
# refuses (_quick_literal). A line then is the shape for both regexes or for neither, with the
# same numbers when float() takes every run: a slot's number can end at one place only. One
# repeat of one class is several times quicker in `re` than PLAIN_NUMBER's alternatives.
_QUICK_GROUP = r"([-+.0-9eE]+|[-+]?(?:nan|NaN|NAN|inf|Inf|INF|Infinity|infinity)(?![A-Za-z]))"
_UNQUICK_START = re.compile(r"[-+.eE:/\d]")


def _quick_literal(literal: str, last: bool) -> bool:
    """Whether the fixed text after a slot ends a quick group where _PLAIN_GROUP ends: it starts
    with no character of a number and nothing the look-ahead refuses (`-1`, `:30`, `/06/`,
    `.2.3`, a digit); empty, only at the line's end."""
    return last if not literal else _UNQUICK_START.match(literal) is None


def _bar_changed(shown: dict[str, float], names: Sequence[str], values: Sequence[float]) -> bool:
    """Whether a bar's redraw shows another iteration's values: any of the values it drew
    before (``shown``) changed; a name that joins is no iteration of the others."""
    before = [
        (value, shown[name]) for name, value in zip(names, values, strict=True) if name in shown
    ]
    return not before or any(a != b and not (a != a and b != b) for a, b in before)


class _Template:
    """A shape as a regex matching its lines exactly, its numbers as groups, one row per line.

    ``regex.findall(block)`` gives, for each line of the block, the shape's numbers (the line
    is that shape) or, in the last group, the line itself (it is not). :meth:`rows` gives the
    same rows, quicker where it can, with the numbers of the slots converted.
    """

    __slots__ = (
        "program",
        "literals",
        "shape",
        "indented",
        "table_key",
        "plain",
        "quick_pattern",
        "_pattern",
        "_regex",
        "_quick",
    )

    def __init__(self, shape: str, program: Program, tokens: list[str], table_key: int = 0) -> None:
        self.program = program
        self.shape = shape
        self.table_key = table_key  # a table's rows: the table (its key in the shape cache)
        self.plain = True  # every slot a plain number (no time, date or version)
        self.literals = shape.split("\x00")
        # Whether its lines start with _WRAP_INDENT: a token is never a space, so the first
        # literal says (it is the whole indent, or the line starts with a number).
        self.indented = self.literals[0].startswith(_WRAP_INDENT)
        escaped = [re.escape(literal) for literal in self.literals]
        parts = [escaped[0]]
        quick: list[str] | None = [escaped[0]]
        last = len(self.literals) - 2
        for index, literal in enumerate(self.literals[1:]):
            plain = index < len(tokens) and _PLAIN.fullmatch(tokens[index]) is not None
            self.plain = self.plain and plain
            parts += [_PLAIN_GROUP if plain else _NUMBER_GROUP, escaped[index + 1]]
            if quick is not None and plain and _quick_literal(literal, index == last):
                quick += [_QUICK_GROUP, escaped[index + 1]]
            else:
                quick = None
        self._pattern = rf"^{''.join(parts)}$|^(.*)$"
        # The same with quick groups (see _QUICK_GROUP), when every slot can have one.
        self.quick_pattern = (
            rf"^{''.join(quick)}$|^(.*)$" if quick is not None and len(self.literals) > 1 else None
        )
        # Compiled when first used: a template made hot may be replaced before its next block.
        self._regex: re.Pattern[str] | None = None
        self._quick: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        """The careful regex (see the class docstring)."""
        if self._regex is None:
            self._regex = re.compile(self._pattern, re.MULTILINE)
        return self._regex

    def rows(self, block: str) -> tuple[list[tuple[str, ...]], list[list[float]] | None]:
        """``regex.findall(block)``, and when every line of the block is the shape, each slot's
        numbers as floats (None: not converted).

        By the quick regex when there is one and the block is ASCII (``\\d`` is ``[0-9]``);
        when a run of a number's characters in it is no number (``1.2.3``, ``1e``), by the
        careful regex."""
        if self.quick_pattern is None or not block.isascii():
            return self.regex.findall(block), None
        if self._quick is None:
            self._quick = re.compile(self.quick_pattern, re.MULTILINE)
        rows = self._quick.findall(block)
        missed = [row[0] for row in rows].count("")
        matched = [row for row in rows if row[0]] if missed else rows
        try:
            numbers = [list(map(float, column)) for column in list(zip(*matched, strict=True))[:-1]]
        except ValueError:
            return self.regex.findall(block), None
        return rows, None if missed else numbers


def _slice(
    numbers: list[list[float]] | None, start: int, end: int, count: int
) -> list[list[float]] | None:
    """The numbers of rows ``start`` to ``end`` of ``count`` (see _Template.rows)."""
    if numbers is None or (start == 0 and end == count):
        return numbers
    return [column[start:end] for column in numbers]


def _line_of(row: tuple[str, ...], template: _Template) -> str:
    """The text of a line a template matched (its literals and numbers, in order)."""
    parts = [template.literals[0]]
    for value, literal in zip(row[:-1], template.literals[1:], strict=True):
        parts.append(value)
        parts.append(literal)
    return "".join(parts)


_HEADER_PATIENCE = 500
_PERCENT_BRACKET = re.compile(r"\d+(?:\.\d+)?%[ ]*\[\d+/\d+|\|[-#=. ]{5,}\|")


_DESCRIPTION_END = re.compile(rf"[: ]*\d+(?:\.\d+)?%[ ]*(?:\||{GLYPH})")


def _ruled(line: str) -> bool:
    """Whether a line of box characters draws a rule (dashes, or a run of them folded)."""
    return (
        "-" in line
        or "─" in line
        or "━" in line
        or (GLYPH in line and (line.count(GLYPH) == 1 or any(c in line for c in _RULE_JUNCTIONS)))
    )


def _bar_description(line: str) -> str | None:
    """The text before a bar's percentage when it holds names and no number, else None."""
    m = _DESCRIPTION_END.search(line)
    if m is None or m.start() == 0:
        return None
    description = line[: m.start()]
    return None if token_spans(description) else description


def _bar_like(line: str) -> bool:
    """Whether a line is (part of) a progress bar's drawing, or blank."""
    return (
        GLYPH in line
        or "%|" in line
        or not line.strip()
        or _PERCENT_BRACKET.search(line) is not None
    )


def _any_value(tokens: list[str]) -> bool:
    """Whether any numeric token is a value (:func:`is_value`: what float() reads)."""
    for token in tokens:
        try:
            float(token)
        except ValueError:
            continue
        return True
    return False


def _int(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        value = parse_float(text)
        return int(value) if math.isfinite(value) else None


def _metric_like(name: str) -> bool:
    words = re.findall(r"[a-z0-9]+", name.lower())
    return any(w in METRIC_WORDS for w in words)


class LastStep(int):
    """The step of a point with no step of its own: the last step seen, unless its series
    is there already (then the series' next step, as for a point with no step)."""

    __slots__ = ()


def _columns(line: str, loose: bool = False) -> list[_Column] | None:
    """The columns of a header line: two or more names apart by 2+ spaces or ``|``
    (``loose``: a cell may hold more words, names one space apart that the first row will
    split, see :func:`_right_aligned`)."""
    if token_spans(line) or not line.strip():
        return None
    cells: list[_Column] = []
    for m in re.finditer(r"[^|│┃\s](?:[^|│┃\s]|[ ](?=[^|│┃\s]))*", line):
        text = m.group()
        words = _HEADER_WORD.findall(text)
        if not words and text not in ("#", "..."):
            return None  # (`...`: pandas' columns left out at the display's width)
        start, end = m.start(), m.end()
        # `...` one space from a wide column's name (`... params_l1_ratio`): two columns
        if text.startswith("... "):
            cells.append(_Column("...", start, start + 3))
            text, start = text[4:], start + 4
        elif text.endswith(" ..."):
            cells.append(_Column(text[:-4], start, end - 4))
            text, start = "...", end - 3
        cells.append(_Column(text, start, start + len(text)))
    if len(cells) < 2:
        return None
    if any(cell.name in _LITERAL_CELLS for cell in cells):
        return None  # `False |False |…/use_batchnorm`: a row of values, no names
    # Names, not a sentence: each cell is at most four words of names.
    for cell in cells:
        if (len(cell.name.split()) > 4 and not loose) or (
            cell.name.endswith((".", ":"))
            and len(cells) < 3
            and not all(_ABBREVIATED.fullmatch(other.name) for other in cells)
        ):
            return None  # (`Param.  Std. err.`: names cut short, not a sentence's end)
    for index, cell in enumerate(cells):
        if cell.name.endswith(":") and len(cell.name) > 1:
            # `Gen:  Fevals:  Best:` (pagmo): the names
            cells[index] = _Column(cell.name[:-1], cell.start, cell.end - 1)
    _ungroup(cells)
    return cells


# A column's name cut short (`Param.`, `Std. err.`, `Obs.`).
_ABBREVIATED = re.compile(r"[A-Za-z]{1,6}\.(?:[ ][A-Za-z]{1,6}\.)?")
_LITERAL_CELLS = frozenset(("True", "False", "None", "true", "false", "null", "nan", "NaN"))
_GROUP_OPEN = re.compile(r"^([A-Za-z][\w-]*)\((?!.*\))(.+)$")


def _ungroup(cells: list[_Column]) -> None:
    """Columns grouped under a parenthesised label (`Box(P  R  mAP50  mAP50-95)`) are named
    by their own names, the group's label joined only where two columns would share a name
    (`Box(P R) Mask(P R)` gives `Box/P` … `Mask/P`)."""
    groups: list[str] = [""] * len(cells)
    names = [cell.name for cell in cells]
    index = 0
    while index < len(cells):
        m = _GROUP_OPEN.match(names[index])
        if m is None:
            index += 1
            continue
        end = next((j for j in range(index + 1, len(cells)) if names[j].endswith(")")), None)
        if end is None and names[-1].endswith(("…", "...")):
            end = len(cells) - 1  # a header cut at the terminal's width: the group runs on
        elif end is None:
            index += 1
            continue
        else:
            names[end] = names[end][:-1]
        names[index] = m.group(2)
        for j in range(index, end + 1):
            groups[j] = m.group(1)
        index = end + 1
    if names == [cell.name for cell in cells]:
        return
    shared = {name for name in names if names.count(name) > 1}
    for cell, name, group in zip(cells, names, groups, strict=True):
        cell.name = f"{group}/{name}" if group and name in shared else name


# A column's data type under its name (polars prints `i64`, `f64`, `str`, `datetime[μs]`).
_DTYPE = re.compile(
    r"(?:[iuf](?:8|16|32|64|128)|str|bool|cat|enum|date|time|null|object|binary|decimal"
    r"|(?:datetime|duration|list|array|struct|decimal)\[[^\]]*\])"
)


def _stack(upper: list[_Column], lower: list[_Column]) -> list[_Column] | None:
    """Columns of a header printed on two lines, or None when the lines do not line up.

    Each word of the lower line goes under the column of the upper line nearest to it.
    """
    words: list[list[str]] = [[] for _ in upper]
    # The upper columns' middles, in order: the nearest one by bisection (a header of many
    # thousand cells stays quick).
    middles = [(column.start + column.end) / 2 for column in upper]
    for cell in lower:
        for m in re.finditer(r"\S+", cell.name):
            start, end = cell.start + m.start(), cell.start + m.end()
            middle = (start + end) / 2
            at = bisect.bisect_left(middles, middle)
            nearest = min(
                (i for i in (at - 1, at) if 0 <= i < len(middles)),
                key=lambda i: abs(middles[i] - middle),
            )
            if abs(middles[nearest] - middle) > 12:
                return None  # nothing above it: not one header
            words[nearest].append(m.group())
    return [
        _Column(" ".join([top.name, *below]), top.start, max(top.end, top.end))
        for top, below in zip(upper, words, strict=True)
    ]


def _group_titles(line: str, columns: list[_Column]) -> None:
    """Columns sharing a name under titles between bars on the line above (`|  Population
    Average  |  Best Individual  |` over `Length  Fitness  Length  Fitness`) are named by
    their title too: `Population Average/Length`, `Best Individual/Length`."""
    bars = [i for i, char in enumerate(line) if char in _BOX_SIDES]
    if len(bars) < 2:
        return
    names = [" ".join(column.name.split()) for column in columns]
    shared = {name for name in names if names.count(name) > 1}
    if not shared:
        return
    for column, name in zip(columns, names, strict=True):
        if name not in shared:
            continue
        middle = (column.start + column.end) / 2
        for left, right in zip(bars, bars[1:], strict=False):
            title = " ".join(line[left + 1 : right].split())
            if left < middle < right and title:
                column.name = f"{title}/{name}"
                break


# Row keys that stand for the whole (`all` over per-class rows), or say only that the row
# holds the values (a one-row frame's `Value`, `Results`): the plain names.
_WHOLE = frozenset(("all", "overall", "total", "value", "values", "result", "results"))
_STATISTICS = frozenset(
    ("count", "mean", "std", "min", "max", "median", "var", "unique", "top", "freq")
)
# A fitted model's estimates (statsmodels, lifelines, R-style summaries): a p-value column
# beside a test statistic or an estimate, one row per coefficient. Not a run's values.
# A column named `p`, `z` or `t` alone says little; one of the others must be there too.
_P_VALUE = re.compile(
    r"(?i)p[-_ .]?val(?:ue)?|pr?\(?>(?:\|[zt]\|)?\)?|p ?> ?\|?[a-z]\|?|pr\(>\|[zt]\|\)|-log2\(p\)"
)  # (`P>|z|` splits)
_STD_ERR = r"std\.?[ _]*err(?:or)?\.?"  # `std err`, `Std. err.`, `std_error`
_ESTIMATE = re.compile(
    rf"(?i)coef|coefficient|estimate|parameter|{_STD_ERR}|se(?:\(coef\))?|(?:lower|upper)[ _]ci"
)
# A fitted value's column, and its standard error's.
_FITTED = re.compile(r"coef(?:ficient)?s?|param(?:eter)?s?\.?")
_STANDARD_ERROR = re.compile(rf"se|s\.e\.|{_STD_ERR}|stderr|standard[ _]error")
# A test's statistic spelled out (`T-stat`, `t value`, `z-score`) or its significance code.
_STATISTIC = re.compile(r"(?i)[tzf][-_ ]?(?:stat(?:istic)?|value|score)|sig(?:nif)?\.? ?codes?")
_BARE_STATISTIC = frozenset(("p", "z", "t"))
# A distribution's spread and its intervals' bounds (`hdi_3%`, `5.0%`, `2.5%`, `lower ci`).
_ESTIMATE_ERROR = re.compile(r"(?:[a-z]+[ _])?err(?:or)?s?[-+±]?|limit[-+±]?")
_SPREAD = frozenset(("sd", "std", "stdev", "std_dev", "std. dev.", "se", "std err"))
_INTERVAL = re.compile(r"(?:(?:hdi|hpd|eti|ci|q)[_ ]?)?\d+(?:\.\d+)?%|(?:lower|upper)[_ ]?\w*")


# A title over a block of pairs (`** Reported on validation data. **`, `=== Test ===`):
# words decorated on both sides.
_TITLE_ENDS = ("*", "=", "#", "-")
# Its start and its words; the decoration at its end is stripped first (a regex that looked
# for both ends around the words backtracked quadratically on a long line).
_TITLE = re.compile(r"[ \t]{0,8}[*=#\-]{2,}[ \t]*([A-Za-z][A-Za-z .,()'-]*)")


# A line announcing that a phase begins (`Eval begin...`, `Evaluating...`, `Validation start`).
_PHASE_BEGINS = re.compile(
    r"[ \t]*(eval|evaluation|evaluating|validation|validating|valid|val|test|testing)"
    r"(?:[ ]+(?:begin|begins|started|start|starts|loop|phase))?[ \t]*(?:\.\.\.|…)?[ \t]*",
    re.I,
)
_PHASE_OF = {"evaluating": "eval", "evaluation": "eval", "validating": "val", "testing": "test"}
# A column naming each row's metric, and the column of its value.
_METRIC_TITLES = frozenset(("metric", "metric name", "measure"))
_VALUE_TITLES = frozenset(("value", "score", "result"))


def _long_header(line: str) -> _LongTable | None:
    """A header whose columns name a metric and its value (`|Tasks|…|Metric| |Value| |Stderr|`):
    a table of one metric per row."""
    cells = _cells(line)
    if cells is None or len(cells) < 2:
        return None
    titles = [c.strip().lower() for c in cells]
    metric = next((i for i, t in enumerate(titles) if t in _METRIC_TITLES), None)
    value = next((i for i, t in enumerate(titles) if t in _VALUE_TITLES), None)
    if metric is None or value is None or value < metric:
        return None
    after = [(i, cells[i].strip()) for i in range(value + 1, len(cells)) if titles[i]]
    return _LongTable(len(cells), metric, value, after)


# A value named with the conditions it was measured under, in `@[ … ]` (COCO's summary).
_QUALIFIED = re.compile(
    r"[ \t]*(?P<name>[A-Za-z][A-Za-z0-9 ()._-]{0,60}?)[ ]*@\[[ ]*(?P<conditions>[^\[\]]{1,160}?)"
    r"[ ]*\][ ]*=[ ]*(?P<value>[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)[ \t]*"
)
# The kind of annotation a COCO evaluation is of, named on a line of its own.
_IOU_TYPE = re.compile(r"(?<![A-Za-z])(bbox|segm|keypoints)(?![A-Za-z])")
# A phase alone on its line, as a title (`VALIDATION:`, `Test results:`).
_PHASE_TITLE = re.compile(
    r"[ \t]*([A-Za-z]+)(?:[ ](?:results|metrics|scores|set|data|split))?[ \t]*:[ \t]*", re.I
)


def _section_title(line: str) -> str:
    """The phase a title line names (its one phase word, as printed), or ``""``."""
    stripped = line.rstrip(" \t")
    body = stripped.rstrip("*=#-")
    if len(stripped) - len(body) < 2:
        return ""
    m = _TITLE.fullmatch(body.rstrip(" \t"))
    if m is None:
        return ""
    words = WORDS.findall(m.group(1))
    phases = [w for w in words if w.lower() in PHASES]
    if len(phases) != 1 or len(words) > 8:
        return ""
    # The title's own words after its last small word (`Reported on train data` is
    # `train_data`), so that each block keeps the words that tell it apart.
    stops = [i for i, w in enumerate(words) if w.lower() in STOP_WORDS]
    tail = words[stops[-1] + 1 :] if stops else words
    return "_".join(tail[-3:]) if phases[0] in tail else phases[0]


# A table's cells: runs of text separated by two spaces or more.
_CELL = re.compile(r"\S+(?: \S+)*")
_FOLD_TITLE = re.compile(r"([A-Za-z][\w.\-]*?)[ _](\d+)")  # (`Fold 1`, `fold_0`)
# Columns that sum folds up: one point each, named by the row and the column.
_AGGREGATES = frozenset("mean avg average std sd stdev median min max total".split())


def _fold_titles(line: str) -> list[tuple[str, int | None]] | None:
    """The columns of a table whose columns are folds, seeds or runs (``Fold 1  Fold 2  Fold
    3  Mean  Std``, as a cross-validation prints it) and whose rows are measures: each
    column's title and its step (the fold's number), None for a column that sums them up.
    None: the line is no such header (one word numbered from 0 or 1, twice or more, in
    order; then only columns that sum them up)."""
    cells = _CELL.findall(line)
    if len(cells) < 2:
        return None
    columns: list[tuple[str, int | None]] = []
    word = ""
    last = -1
    for cell in cells:
        m = _FOLD_TITLE.fullmatch(cell)
        if m is not None and (not columns or columns[-1][1] is not None):
            number = int(m.group(2))
            if not columns:
                if number > 1:
                    return None
                word = m.group(1)
            elif m.group(1) != word or number != last + 1:
                return None
            last = number
            columns.append((cell, number))
        elif columns and cell.lower() in _AGGREGATES:
            columns.append((cell, None))
        else:
            return None
    return columns if sum(1 for _, step in columns if step is not None) >= 2 else None


def _estimates(columns: list[_Column]) -> bool:
    """Whether a table's columns are a fitted model's estimates (see _P_VALUE), or the
    importance of its inputs (`variable  relative_importance  scaled_importance`): a row per
    coefficient or input, describing the model, not the run's values."""
    names = [column.name.strip() for column in columns]
    if any("importance" in name.lower() for name in names):
        return True
    lowered = [name.lower() for name in names]
    if any(_ESTIMATE_ERROR.fullmatch(n) for n in lowered) and (
        {"value", "estimate", "est", "coef"} & set(lowered)
    ):
        # A fit's parameters with their errors and limits (`Name  Value  Hesse Err  Minos
        # Err-  Limit+`, iminuit): what was estimated.
        return True
    if any(name in _SPREAD for name in lowered) and any(_INTERVAL.fullmatch(n) for n in lowered):
        # A distribution's summary per parameter or variable (`mean  sd  hdi_3%  hdi_97%`, a
        # posterior's; `mean  std  min  25%`, a frame's describe()): what was estimated.
        return True
    if any(_FITTED.fullmatch(n) for n in lowered) and any(
        _STANDARD_ERROR.fullmatch(n) for n in lowered
    ):
        # A fit's values beside their standard errors (`Param.  Std. err.`, GPBoost's
        # covariance parameters; `coef  se`, a regression's): what was estimated.
        return True
    strong_p = any(_P_VALUE.fullmatch(name) for name in names)
    strong_estimate = any(_ESTIMATE.fullmatch(name) or _STATISTIC.fullmatch(name) for name in names)
    bare = {name.lower() for name in names} & _BARE_STATISTIC
    return (
        (strong_p or "p" in bare)
        and (strong_estimate or bool(bare - {"p"}))
        and (strong_p or strong_estimate)
    )


def _column_kind(column: _Column) -> str:
    """``"step"`` or ``"epoch"`` for a column named as the run's counter, else ``""``."""
    lowered = "_".join(column.name.split()).lower()
    if lowered in _EPOCH_COLUMNS:
        return "epoch"
    if _step_column(lowered):
        return "step"
    return ""


def _blanked(line: str) -> str:
    """The line with its numbers (and their units) blanked, every column where it was."""
    return _TOKEN_AND_UNIT.sub(lambda m: " " * len(m.group()), line)


def _indexed_text(columns: list[_Column], line: str, first: re.Match[str]) -> set[int] | None:
    """The columns of text of a row that starts with its index, one word left of every column
    (`knn`), when one of them names the row's model or trial (`Model` over `K Neighbors
    Classifier`, before the numbers): the frame lists trials (None: any other text)."""
    if first.end() + 2 > columns[0].start or line[first.end() : first.end() + 2] != "  ":
        return None
    cells = _text_columns(columns, " " * first.end() + line[first.end() :], 0)
    if not cells or not any(columns[i].name.strip().lower() in _TRIAL_INDEXES for i in cells):
        return None
    return cells


def _text_columns(columns: list[_Column], line: str, first_number: int) -> set[int] | None:
    """The columns the text cells of a row lie under: each cell under one column and no other,
    apart from the numbers (None: text across columns, under none, or naming a number, `batch
    loss 0.36`: not a row). Nor is a row under a column of text naming settings
    (`Hyperparameter` over `units`, `dropout`): nothing in it is a result."""
    found: set[int] = set()
    rest = _blanked(line)
    for cell in _CELL.finditer(rest):
        if not _HEADER_WORD.search(cell.group()):
            continue  # `...`, `|`: no text
        if cell.start() < first_number:
            return None  # (a row of a frame starts with its numbers: text first is a label)
        under = _column_under(columns, cell.start(), cell.end())
        named = _NAMES_NUMBER.match(line, cell.end())
        if named is not None:
            after = _PLAIN.search(line, cell.end())
            if after is None or _column_under(columns, after.start(), after.end()) in (
                under,
                -1,
            ):
                return None  # (`batch loss 0.36`: the text names the number after it)
        if under < 0 or columns[under].name == "...":
            return None
        for index, column in enumerate(columns):
            if index != under and min(cell.end(), column.end) > max(cell.start(), column.start):
                return None
        if "".join(columns[under].name.lower().split()) in SETTING_LABELS:
            return None
        if (
            columns[under].name.strip().lower() in _KEY_COLUMNS
            and columns[under].name.strip().lower() not in _TRIAL_INDEXES
        ):
            # Text saying which measure or which phase the row holds (`mae` under `metric`,
            # `valid` under `split`): the row's key; read as a column of text, rows of other
            # measures would share their series.
            return None
        found.add(under)
    return found


def _class_cell(
    columns: list[_Column], text_columns: set[int], words: list[str]
) -> tuple[str, int] | None:
    """The row's class and its column, when its only text is one word under a column naming
    the class (`Class`, `label`) and the other columns name measures (a report by class);
    under columns of the data's (`df.head()`'s `species`, `target`) it is the data's."""
    if len(text_columns) != 1 or len(words) != 1:
        return None
    (index,) = text_columns
    if columns[index].name.strip().lower() not in _CLASS_COLUMNS:
        return None
    measures = [c.name for i, c in enumerate(columns) if i != index]
    if not _names_a_measure(measures):
        return None
    return words[0], index


_CLASS_COLUMNS = frozenset(("class", "label", "category"))
# Columns whose text keys the rows (which measure, which phase, which model).
_KEY_COLUMNS = frozenset(
    "metric metrics measure score split phase set subset dataset stage model name key".split()
)
# A number one space or `:`/`=` after a word: the word names it.
_NAMES_NUMBER = re.compile(r"[ ]?[:=]?[ ]?[-+]?\.?\d")


def _column_under(columns: list[_Column], start: int, end: int, overlap_only: bool = False) -> int:
    """The index of the column a cell spanning ``start:end`` lies under (-1: none)."""
    best, best_overlap = -1, 0
    for index, column in enumerate(columns):
        overlap = min(end, column.end) - max(start, column.start)
        if overlap > best_overlap:
            best, best_overlap = index, overlap
    return best


def _next_span(row_spans: list[tuple[int, tuple[int, int]]], at: int) -> int:
    """Where the first number at or after ``at`` starts (the line's end: none)."""
    return next((span[0] for _, span in row_spans if span[0] >= at), 1 << 30)


def _row_program(table: _Table, line: str) -> Program | None:
    """A row of ``table``: each numeric token under its column (None: not a row)."""
    if "\t" in line:
        line = line.expandtabs()  # as a terminal shows it (the header's columns are so too)
    spans = token_spans(line)
    if not spans:
        return None
    bar_at = line.find(GLYPH)
    tqdm_at = line.find("%|")
    drawn = _PERCENT_BRACKET.search(line)
    other_at = drawn.start() if drawn is not None else -1
    limit = len(line)
    if bar_at >= 0 or tqdm_at >= 0 or other_at >= 0:
        # A row drawn as a progress bar's description: the bar's part is not the row's.
        cut = min(x for x in (bar_at, tqdm_at, other_at) if x >= 0)
        colon = line.rfind(":", 0, cut)
        limit = colon if colon > 0 else cut
    # A date or a time (`2026-12-07 06:42:20.006440` under `datetime_start`, right-aligned
    # and wider than its name) is no column's value: left out of the columns' numbers.
    row_spans: list[tuple[int, tuple[int, int]]] = []
    clock_spans: list[tuple[int, int]] = []
    for i, span in enumerate(spans):
        if span[1] <= limit:
            if is_value(line[span[0] : span[1]]):
                row_spans.append((i, span))
            else:
                clock_spans.append(span)
    if not row_spans:
        return None
    if clock_spans and any(c.name.strip().lower() in _DATE_INDEXES for c in table.columns):
        for start, end in clock_spans:
            under = _column_under(table.columns, start, end)
            if (
                ("-" in line[start:end] or "/" in line[start:end])
                and under >= 0
                and table.columns[under].name.strip().lower() in _DATE_INDEXES
            ):
                # A row at a date of the data (`ds`, `date`: a forecast, a series' values):
                # the data's rows, not the run's values.
                return Program(numbers=len(spans), row=True)
    rest = _blanked(line[:limit])
    words = _HEADER_WORD.findall(rest)
    columns = table.columns
    shown = sum(column.name != "..." for column in columns)  # (pandas' `...`: left out)
    # Text in a row is its key in its first column (`all`, a trial's name), or lies each under
    # one column of text (`hinge` under `params_loss`, `COMPLETE` under `state`).
    key_text = ""
    key_column = -1  # the headed column the key is in (`model`, `Class`), if any
    text_columns: set[int] = set()
    first = None
    if words:
        first = re.search(r"\S+", rest)
        if first is None:
            return None
        # A word under a column of states (`Stopped` under `status`) may lie anywhere.
        under = _column_under(columns, first.start(), first.end(), overlap_only=True)
        state_word = under >= 0 and columns[under].name.strip().lower() in _STATUS_COLUMNS
        if first.start() > columns[0].end + 2 and not (state_word and len(words) == 1):
            text_cells = _text_columns(columns, line[:limit], row_spans[0][1][0])
            if text_cells is None:
                return None
            text_columns = text_cells
            classed = _class_cell(columns, text_cells, words)
            if classed is not None:
                # `0.8  0.024  0.938  setosa` under `TP Rate  FP Rate  Precision  Class`
                # (Weka's table by class): the class whose row it is, wherever its column.
                key_text, key_column = classed
            words = []
    if words and first is not None:
        if len(words) > 1:
            # A key of words left of every column (`macro avg`, `weighted avg`): one label.
            label = re.match(r"[ \t]*(\S+(?: \S+)*)", rest)
            if (
                label is None
                or (
                    len(rest.rstrip()) > columns[0].start
                    # (right-aligned under the first column's right-aligned name: the key,
                    # `autograd::engine::evaluate_function: AddmmBackward0` under `Name`)
                    and (
                        label.end() != columns[0].end
                        or label.start(1) == 0  # (padded: right-aligned)
                        or bool(rest[label.end() : _next_span(row_spans, label.end())].strip())
                    )
                )
                or len(words) > 3
            ):
                # (words under the columns too: a column of text, no label) A frame's index
                # left of every column, then a column of text naming the row's model
                # (`knn   K Neighbors Classifier   0.9571`): a trial's row.
                text_cells = _indexed_text(columns, line[:limit], first)
                if text_cells is None:
                    return None
                text_columns, words = text_cells, words[:1]
                key_text = words[0]
            else:
                key_text = "_".join(words)
        else:
            key_text = words[0]
        key_column = under
        if state_word:
            key_text = ""  # `InProgress` under `status`: the row's state, not whose row it is
        elif key_text and under == 0 and columns[0].name.strip("[]") == key_text:
            # The header's own first cell again (`[NeighborhoodComponentsAnalysis]` opening
            # the header and every row): the lines' tag, not whose row it is.
            key_text = ""
    shown -= len(text_columns)
    if (
        text_columns
        and not key_text
        and not _names_a_measure([c.name for c in columns if c.name.lower() not in _DATA_TIME])
    ):
        # Cells of text under columns that name no measure (`premium  north` under `plan
        # region`: `df.head()` of a data set with categories): the data's rows.
        return Program(numbers=len(spans), row=True)
    if key_text and table.matrix is None:
        table.matrix = len(columns) >= 2 and key_text == columns[0].name.strip()
    if table.matrix:
        # Rows named as the columns, the first row as the first column (`age  1.000  0.027`
        # under `age  income`): a square matrix of the data's or the model's (a correlation,
        # a covariance), no run's values.
        return Program(numbers=len(spans), row=True)
    if key_text.lower() in _STATISTICS:
        table.summary = True
    if table.summary:
        # describe(): statistics of a data set (`count`, `mean`, `25%`), not a run's values.
        return Program(numbers=len(spans), row=True)
    # A number left of every column, apart from them, is the rows' index (pandas prints its
    # index unheaded, or named on a line of its own): a row number unless it is named as a step,
    # and never a column's value.
    index_slot = None
    lead_slot, (lead_start, lead_end) = row_spans[0]
    key_slot = None
    if (
        not key_text
        and 0 < lead_start
        and lead_end < columns[0].start
        and len(row_spans) == shown + 1
        and not table.index_name
        and not any(_column_kind(column) for column in columns)
    ):
        # A number right-aligned left of every column, one more than the columns (a class
        # label in a report: `           0      0.738     0.801`), is the row's key; a frame's
        # row numbers start the line.
        key_slot = lead_slot  # the name's prefix is the token, read from each row
        row_spans = row_spans[1:]
    elif lead_end < columns[0].start and (
        table.index_name
        or key_column >= 0
        or any(_column_kind(column) for column in columns)
        or (first is not None and first.start() > lead_end)
        or (lead_start == 0 and len(row_spans) == shown + 1)
        or (
            # the line's first number, then one ending under the first column: the frame's
            # row number, before the first column's value (`0     0.084161  …  2019-12`)
            lead_start == 0
            and len(row_spans) > 1
            and columns[0].start <= row_spans[1][1][1] <= columns[0].end + 1
        )
    ):
        index_slot = lead_slot
        row_spans = row_spans[1:]
    assigned: dict[int, list[int]] = {}
    numbers = [i for i, _ in row_spans]
    if len(numbers) == shown and not key_text and not text_columns:
        indexes = [i for i, column in enumerate(columns) if column.name != "..."]
        for column_index, slot in zip(indexes, numbers, strict=True):
            assigned[column_index] = [slot]
    else:
        for slot, (start, end) in row_spans:
            best = None
            best_score = None
            for column_index, column in enumerate(columns):
                if (
                    column_index == key_column
                    or column.name == "..."
                    or column_index in text_columns
                ):
                    continue  # a column of text (a model's name), or left out: no value
                overlap = min(end, column.end) - max(start, column.start)
                distance = (
                    0 if overlap > 0 else min(abs(start - column.end), abs(end - column.start))
                )
                score = (-overlap if overlap > 0 else distance, abs(end - column.end))
                if best_score is None or score < best_score:
                    best, best_score = column_index, score
            if best is None:
                return None
            assigned.setdefault(best, []).append(slot)
    # (a key's column of text holds no value: `feature  importance` over `num__age  0.15`)
    values_shown = shown - (key_column >= 0)
    if len(assigned) < (1 if table.continues else max(min(2, values_shown), (shown + 1) // 2)):
        return None  # a number or two under a header is not its row (`Epoch 1: 33%|…`)
    if key_slot is None and not key_text:
        # A column of identifiers (`trial_id`, `id`): its number says whose row it is.
        for column_index, slots in assigned.items():
            id_name = columns[column_index].name.strip()
            if (
                len(slots) == 1
                and _ID_COLUMN.fullmatch(id_name)
                and not (
                    # a trial's number alone, with no other counter: the rows' step, one
                    # point per trial (a trial's rows over its iterations are kept apart)
                    id_name.lower() == "trial"
                    and not any(_column_kind(c) for i, c in enumerate(columns) if i != column_index)
                )
            ):
                cell = line[spans[slots[0]][0] : spans[slots[0]][1]]
                if cell.isdigit():
                    key_slot = slots[0]
                # (`-1` under `ID`: a device's number for none, ElegantRL's: nobody's row)
                del assigned[column_index]
                break
    program = Program(numbers=len(spans), row=True, key_slot=key_slot)
    if index_slot is not None and line[lead_start:lead_end].isdigit():
        program.index_slot = index_slot
    trials = (
        bool(key_text)
        and (
            table.index_name.strip().lower() in _TRIAL_INDEXES
            or any(columns[i].name.strip().lower() in _TRIAL_INDEXES for i in text_columns)
        )
        and key_column < 0
        and " " not in key_text
    )
    if trials:
        # pandas' frame indexed by named things (`Model` on its own line, then a row per model):
        # each row a trial, its values the columns' series, its step its place in the table.
        program.row_ordinal = True
        program.place_key, key_text = key_text, ""
    elif key_text and table.continues and key_text in table.continues:
        program.place_key, key_text = key_text, ""  # the wrapped frame's trial, as before
    elif (
        key_text
        and key_text.lower() not in _WHOLE
        and (
            index_slot is None
            or key_text.lower() in PHASES
            # a frame's row numbers, then the text of a column that says whose row it is and
            # a counter (`0  popular  0  0.0120` under `model  i_split  precision@10`): each
            # model's series over the counter (without one, rows of a leaderboard: trials)
            or (
                key_column >= 0
                and columns[key_column].name.strip().lower() in _KEY_COLUMNS
                and any(_column_kind(column) for column in columns)
            )
        )
    ):
        # (numbered rows of `train`, `valid`: each phase's own series, never one merged)
        program.row_key = key_text
    index_kind = _column_kind(_Column(table.index_name, 0, 0)) if table.index_name else ""
    if index_slot is not None and index_kind == "epoch":
        program.epoch = index_slot
        program.per_epoch = True
    elif index_slot is not None and index_kind == "step":
        program.step = index_slot
    elif (
        index_slot is not None
        and not key_text
        and not any(_column_kind(column) for column in columns)
        and line[lead_start:lead_end].isdigit()
    ):
        program.step = index_slot  # a frame's row numbers: the only order the rows have
    extra: list[tuple[_Column, int]] = []
    unmeasured = False  # a column of the row's is the machine's, the data's or a count
    names_lowered = {"_".join(column.name.split()).lower() for column in columns}
    for column_index, slots in sorted(assigned.items()):
        column = columns[column_index]
        name = "_".join(column.name.split())
        lowered = name.lower()
        if lowered[-1:] == "s" and lowered[:-1] in names_lowered and _column_kind(column):
            continue  # `epochs` beside `epoch`: the counter's total, a setting of the row
        if len(slots) == 2 and (lowered in _EPOCH_COLUMNS or _step_column(lowered)):
            slots = slots[:1]  # `1/3`: the epoch of a total
        if len(slots) > 1:
            # A cell of words over as many numbers, each under one of its words (`Iterat
            # #Fevals` over `1  10`): one column per word.
            split = _split_cell(column, [spans[slot] for slot in slots])
            if split is not None:
                for word, slot in zip(split, slots, strict=True):
                    extra.append((_Column(word, 0, 0), slot))
                continue
        if len(slots) != 1:
            if lowered in _EPOCH_COLUMNS or _step_column(lowered):
                continue
            if not any(is_value(line[spans[s][0] : spans[s][1]]) for s in slots):
                continue  # a date and a time in one cell (`2026-12-06 23:30:38`): no metric
            return None
        slot = slots[0]
        if name.endswith(("…", "...")) or name.count("(") > name.count(")"):
            continue  # a header cut at the terminal's width (`mAP…`, `Box(P`): its name is lost
        if _REMAINING & set(lowered.split("_")):
            continue  # `Time Left`, `remaining`: an estimate of the time to go, not a metric
        if names_a_setting(lowered, joined=True):
            continue  # `params_l1_ratio`, `config/lr`: a trial's setting, not a result
        if (
            is_data_name(name)
            or lowered.startswith("#_")
            or _SIZE_AFTER.match(line, spans[slot][1])
        ):
            # `Self CPU %`, `CPU Mem`: the machine's (mlop samples it), a label's; `# of
            # Calls`, `# Params`: a count of things; `1.14 MB`, `0.0 MiB`: a size in memory.
            # The row is the table's, holding no metric.
            unmeasured = True
            continue
        if _OVERALL_TIME & set(lowered.split("_")) and _SPACED_UNIT.match(line, spans[slot][1]):
            continue  # `duration` over `0.645 sec`: how long the run has taken, no metric
        if lowered in _EPOCH_COLUMNS:
            program.epoch = slot
            program.per_epoch = True
        elif _step_column(lowered):
            if program.step is None:
                program.step = slot  # the first counter column (`niter` before `CG iter`)
        elif lowered in _CALL_COLUMNS and not any(_column_kind(c) == "step" for c in columns):
            program.step = slot  # `Calls`: the work done so far, the x axis a sampler has
        else:
            full = _keyed_name(key_text, name) if program.row_key else name
            program.metrics.append((full, slot, 0))
    for column, slot in extra:
        lowered = column.name.lower()
        if lowered in _EPOCH_COLUMNS:
            program.epoch = slot
            program.per_epoch = True
        elif _step_column(lowered):
            program.step = slot
        elif not lowered.startswith("#"):
            full = _keyed_name(key_text, column.name) if program.row_key else column.name
            program.metrics.append((full, slot, 0))
    program.metrics.sort(key=lambda metric: metric[1])
    if table.phase:
        program.metrics = [(f"{table.phase}/{n}", slot, k) for n, slot, k in program.metrics]
    if program.step is not None:
        program.per_epoch = False
    cells = {slot: line[spans[slot][0] : spans[slot][1]] for _, slot, _ in program.metrics}
    if any(not cell.lstrip("+-").isdigit() for cell in cells.values()):
        # Whole numbers in a row of decimals (`Images  Instances` beside `P  R  mAP50`, a
        # trial's `width` beside its `loss`) count things or set them: they are not measured.
        # 0 and 1 stay: a ratio printed with `%g` shows its bounds so.
        # A column named as a statistic or a metric (`min`, `max`, `avg`, `loss`) measures,
        # whole or not (a fitness that counts ones).
        # A column named as a count (`Bounds`, `Ellipses`, `Images`) counts, 0 and 1 too.
        program.metrics = [
            m
            for m in program.metrics
            if not (
                _count_cell(cells[m[1]])
                or (cells[m[1]].isdigit() and count_kind(m[0].rsplit("/", 1)[-1]))
            )
            or _measure_column(m[0])
        ]
    if not program.metrics:
        return Program(numbers=len(spans), row=True) if unmeasured else None
    if (program.row_key or program.key_slot is not None) and not _names_a_measure(
        [*(m[0] for m in program.metrics), table.index_name, *(c.name for c in columns)]
    ):
        # Rows keyed by items of the data under columns that name no measure (`age  0.0549`
        # under `feature  mean_abs_shap`, a coefficient's `coef  std err`, a distribution's
        # cells): values of the data or the model, one per item, not the run's measures.
        return Program(numbers=len(spans), row=True)
    if (
        len(program.metrics) == 1
        and key_text
        and (
            (key_column < 0 and len(row_spans) < shown)
            # a table of a key and its value (`Environment  Usage` over `loss  0.25`)
            or (key_column == 0 and len(columns) == 2)
        )
        and program.metrics[0][0].startswith(f"{key_text}/")
    ):
        # A row of fewer values than columns whose one value is its key's (`accuracy  0.83
        # 450` under `precision  recall  f1-score  support`): named by its key.
        name, slot, kind = program.metrics[0]
        program.metrics[0] = (key_text, slot, kind)
        if is_data_name(key_text):
            # `CPU  38.50 %` under `Environment  Usage`: the machine's, not a measure
            return Program(numbers=len(spans), row=True)
    if table.estimates:
        return Program(numbers=len(spans), row=True)  # read as a row, holding no metric
    program.keyed = program.key_slot is not None or bool(program.row_key) or program.row_ordinal
    program.own_counter = not program.keyed and (
        program.step is not None or program.epoch is not None
    )
    return program


_CSV_NAME = re.compile(r"[A-Za-z_][\w.\-/@]*")


def _start_header(
    state: _Stream, line: str, columns: list[_Column], wraps: bool = False, loose: bool = False
) -> None:
    """A header line waits for its first row (``wraps``: pandas' frame goes on in the next
    block; ``loose``: its names may sit one space apart, its first row splits them)."""
    state.header = (line, columns)
    state.header_wraps = wraps
    state.header_loose = loose
    state.header_wait = 0
    state.index_name = ""
    state.rule_seen = False


def _csv_columns(line: str) -> list[_Column] | None:
    """The columns of a header of three or more comma-separated names (`step,bsf,fitness`),
    positioned one after another (rows are matched to them by position), or None."""
    cells = [cell.strip() for cell in line.split(",")]
    if len(cells) < 3 or not all(_CSV_NAME.fullmatch(cell) for cell in cells):
        return None
    return [_Column(cell, index, index) for index, cell in enumerate(cells)]


# A frame's index naming trials (a leaderboard's `Model`), not classes or other keys.
_TRIAL_INDEXES = frozenset(
    "model models trial trials run runs estimator estimators algorithm algorithms pipeline "
    "pipelines learner learners method methods".split()
)


def _keyed_name(key: str, column: str) -> str:
    """A keyed row's value's name: the key, then the column (`0/precision`, `Train/Loss`); a
    phase's column comes first, as a phase qualifies a name everywhere (`loss` under `test`:
    `test/loss`)."""
    if column.lower() in PHASES and key.lower() not in PHASES:
        return f"{column}/{key}"
    if column.lower() in _VALUE_COLUMNS:
        return key  # `elpd_loo  -105.24  6.74` under `Estimate  SE`: the key's own value
    return f"{key}/{column}"


# Columns holding a keyed row's value itself (its spread or interval in the columns beside).
_VALUE_COLUMNS = frozenset(("estimate", "value", "values"))


def _right_aligned(header: str, row: str) -> list[_Column] | None:
    """The columns of a header whose names sit one space apart (pandas' frame with long names:
    `Log Loss Binary  MCC Binary  Gini   AUC … # Training # Validation`), split where the
    first row's numbers end: pandas right-aligns a column's name and its values. A number
    under no name, first, is the index (None: a name missing, or text past the last
    number)."""
    columns = _aligned_under(header, row, [span[1] for span in token_spans(row)])
    if columns is None:
        # Cells of text too (`0  26.84  20.36  premium  north  0` under `age  spend  plan
        # region churned`): every cell's end splits the names.
        columns = _aligned_under(header, row, _cell_ends(row))
    return columns


def _cell_ends(row: str) -> list[int]:
    """Where each of a row's cells (numbers and words) ends."""
    return [m.end() for m in re.finditer(r"\S+", row)]


def _aligned_under(header: str, row: str, ends: list[int]) -> list[_Column] | None:
    """The header's names split at the ends of the row's cells (see _right_aligned)."""
    columns: list[_Column] = []
    previous = 0
    for number, end in enumerate(ends):
        cell = header[previous:end]
        name = cell.strip()
        if not name:
            if number:
                return None
            previous = end  # the frame's index, unnamed
            continue
        if len(name.split()) > 4 or not _HEADER_WORD.search(name):
            return None
        at = previous + cell.index(name)
        columns.append(_Column(name, at, at + len(name)))
        previous = end
    if len(columns) < 2 or header[previous:].strip():
        return None
    return columns


def _split_cell(column: _Column, spans: list[tuple[int, int]]) -> list[str] | None:
    """The words of a header cell, one per number under it, when each number lies under its
    own word, in order (else None: the numbers share the column)."""
    if len(column.name) != column.end - column.start:
        return None  # a name rebuilt from a group or two lines: no positions to go by
    words = [
        (column.start + m.start(), column.start + m.end(), m.group())
        for m in re.finditer(r"\S+", column.name)
    ]
    if len(words) != len(spans):
        return None
    for (start, end), (word_start, word_end, _) in zip(spans, words, strict=True):
        middle = (start + end) / 2
        nearest = min(words, key=lambda w: abs((w[0] + w[1]) / 2 - middle))
        if nearest[0] != word_start or nearest[1] != word_end:
            return None
    return [word for _, _, word in words]


_REMAINING = frozenset(("left", "remaining", "eta"))
# A column of a row's state (`status` over `InProgress`): text that is not the row's key.
_STATUS_COLUMNS = frozenset(("status", "state"))
# A frame's index of dates (`ds`, Prophet's and Nixtla's name; `date`): rows of the data.
# (A timestamp, `timestamp` over `2026-12-06 23:30:38`, is when the run scored: not the data's.)
_DATE_INDEXES = frozenset(("ds", "date", "period", "day", "month"))
# Counts of a sampler's or a solver's evaluations so far: the rows' step when none is named.
_CALL_COLUMNS = frozenset(("calls", "ncall", "ncalls", "nfev", "evals", "fevals", "evaluations"))
_ID_COLUMN = re.compile(r"(?i)(?:\w+[_ ])?id|trial|run")
_MEASURES = frozenset("mean std min max median var avg average best worst fitness".split())


# Words a table's column or key measuring something may be named by: a metric's, a
# statistic's, a row of totals, a column of a keyed row's own value, an index naming its rows
# as metrics.
_TABLE_MEASURES = (
    METRIC_WORDS
    | _MEASURES
    | QUALIFIERS
    | _VALUE_COLUMNS
    | frozenset(
        "time ndcg mrr hit hits hr psnr ssim fid pearson spearman corr kappa mcc mape smape "
        "mase wape totals all metric metrics".split()
    )
)


# A data set's own columns of time (`Time`, `date`): a timestamp of each row, no measure.
_DATA_TIME = frozenset(("time", "date", "datetime", "timestamp", "ds"))


def _names_a_measure(names: list[str]) -> bool:
    """Whether any of a keyed row's names (`key/column`) or its table's headings names a
    measure: a metric's or a statistic's word (`map` of `mAP50`), a phase, a total, a time,
    a cut-off (`ndcg@10`), a column of the key's own value (`Estimate`)."""
    return any(
        "@" in name
        or any(
            w in _TABLE_MEASURES or w.rstrip("0123456789") in _TABLE_MEASURES
            for w in re.findall(r"[a-z][a-z0-9]*", name.lower())
        )  # (`f1`, `top5`, `mAP50`)
        for name in names
    )


def _measure_column(name: str) -> bool:
    """Whether a column's name says it measures (a statistic's or a metric's word)."""
    column = name.rsplit("/", 1)[-1]  # not the row's key (`accuracy/support`)
    words = re.findall(r"[a-z0-9]+", column.lower())
    return bool(words) and (words[-1] in _MEASURES or _metric_like(column))


def _count_cell(cell: str) -> bool:
    """Whether a table cell is a whole number other than 0 or 1 (a count, a size, a setting)."""
    digits = cell.lstrip("+-")
    return digits.isdigit() and digits.lstrip("0") not in ("", "1")


def _promote(reader: Reader, state: _Stream, line: str) -> Program | None:
    """A line of numbers right after a header (and maybe its rule): the table starts."""
    if state.header is None:
        return None
    header_line, columns = state.header
    if state.header_loose:
        split = _right_aligned(header_line, line)
        if split is None:
            return None
        columns = split
    reader._table_ids += 1
    table = _Table(
        columns,
        reader._table_ids,
        has_rule=state.rule_seen,
        index_name=state.index_name,
        estimates=_estimates(columns),
        phase=state.table_phase,
    )
    if state.wrapped is not None and state.wrapped.index_places:
        table.continues = state.wrapped.index_places  # the frame's next block
    if state.items_title:
        # A table of values per feature under a title saying so (`Feature importance:` over
        # `feature  split  gain`): the model's, one row per item, no run's values.
        table.summary, state.items_title = True, 0
    program = _row_program(table, line)
    if program is None and not state.header_loose and any(" " in c.name for c in columns):
        # Names one space apart over cells of text (pandas' frame of narrow names over wide
        # values: `plan region churned` over `premium  north  0`): split by the row's cells.
        split = _aligned_under(header_line, line, _cell_ends(line))
        if split is not None and len(split) > len(columns):
            table.columns = split
            table.estimates = _estimates(split)
            program = _row_program(table, line)
    if program is None:
        table.continues = None
        return None
    state.wrapped = None
    table.wraps = state.header_wraps
    if table.wraps:
        state.wrapped = table
    state.table = table
    state.header = None
    state.table_phase = ""
    return program.finish()


__all__ = ["Reader", "split_prefix", "EPOCH_WORDS"]


def parse_line(
    line: str, patterns: tuple = (), builtins: bool = True
) -> tuple[int | None, list[tuple[str, float]]]:
    """The step and ``(name, value)`` pairs of one line read on its own (for tests and docs)."""
    from mlop_cli.sources.console.patterns import apply_patterns

    points: list[tuple[str, int | None, float]] = []
    if builtins:
        reader = Reader(
            lambda names, step, epoch, values, when: points.extend(
                (name, step, value) for name, value in zip(names, values, strict=True)
            )
        )
        reader._ctx.started = True
        reader.read(1, line, 0.0, 0.0)
        reader.close()
    step = points[0][1] if points else None
    pairs = [(name, value) for name, _, value in points]
    if patterns:
        custom_step, _epoch, custom = apply_patterns(patterns, line)
        pairs += custom
        if custom_step is not None:
            step = custom_step
    return step, pairs
