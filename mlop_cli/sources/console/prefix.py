"""Line prefixes: what logging setups, launchers and ranks put before a message.

A prefix never holds a metric and never costs the message one: the console reader reads the
message after it. Recognised by their parts, not by a list of libraries: a rank tag
(``[rank1]:``, ``[default0]:``, ``[1,0]<stdout>:``, srun's ``3: ``), timestamps and dates in any
of the usual forms, a level word (``INFO``, ``[W]``, ``I`` before a glog/absl time), a logger
name or source location next to them (``root:``, ``- trainer -``, ``__main__:train:59 -``,
``hand.py:84]``, ``[INFO|trainer.py:1619]``), and the separators between them. A bracket holding
only a number (``[7]``, xgboost's iteration) or a position (``[3/10]``) is not a prefix: it is a
counter the reader uses.

A trailing source location, as rich's logging handler right-aligns it (``   train.py:59``), is
cut too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from mlop_cli.sources.console.tokens import EPOCH_WORDS, QUALIFIERS, STEP_WORDS, WORK_COUNTS

_TS = (
    # (`2026-12-07:18:23:07`, `%Y-%m-%d:%H:%M:%S`: a colon between the date and the time)
    r"\d{4}[-/]\d\d[-/]\d\d(?:[T :]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"
    # `Dec  6 10:11:12` (syslog), `Sun Dec  6 10:11:12 2026` (C's asctime, time.ctime())
    r"|(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[ ]+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[ ]+\d\d?[ ]+\d\d:\d\d:\d\d(?:[.,]\d+)?(?:[ ]+\d{4})?(?:[ ][AP]M\b)?"  # (CVXPY's `10:36:06 AM`)
    r"|\d\d?/\d\d?(?:/\d\d(?:\d\d)?)?[ ,T]+\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?"
    # `06 Dec 23:13` (RecBole's day, month and time)
    r"|\d\d?[ ](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[ ]+\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?"
    # `12-07 08:16:50` (a month and day, no year: Ax's)
    r"|\d\d-\d\d[ ]+\d\d:\d\d:\d\d(?:[.,]\d+)?"
    r"|\d\d:\d\d:\d\d(?:[.,]\d+)?"
)
_LEVEL = r"(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL|TRACE|NOTICE|SUCCESS|debug|info|warning|warn|error)"
# A phase or a qualifier opening a message (`INFO: Validation: loss=0.3`, `INFO: Best: …`) is
# no logger's name.
_QUALIFIERS_LONGEST_FIRST = sorted(QUALIFIERS, key=len, reverse=True)
_PHASE_WORD = rf"(?i:{'|'.join(_QUALIFIERS_LONGEST_FIRST)})\b"
# A phase written in capitals in brackets (`[TEST] Iter=10, max=108.7`): the line's phase, no
# logger's name (a logger is named by its module, in lower case: `[train]` is one).
_PHASE_TAG = "(?:" + "|".join(w.upper() for w in _QUALIFIERS_LONGEST_FIRST) + ")"
# A message opening with a name and its value (`INFO: generator: loss=0.91`): the word before
# it labels the values, it is no logger's name.
_PAIR_FIRST = r"[\w.\-]+[ ]?[=:][ ]?[-+]?[\d.]"
# A module's path (`ax.api.client:`, `__main__:`): a logger's name whatever follows it (a value
# is never named so).
_MODULE = (
    r"(?:__main__:[ ]+"
    # a module's path, a class under it (`jaxopt.LBFGS:`): no value of its own follows (a
    # parameter's `model.fc.weight: 0.5` keeps its name; `3 trials requested` is prose)
    r"|[a-z_][a-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+:[ ]+(?![-+]?[\d.][\w.+\-]*[ \t]*(?:$|[,;|])))"
)
_RANK = re.compile(
    r"\[(?:rank|default|[Rr]ank[ ]|RANK[ ]?|GPU[ ]?)(\d+)\]:?[ ]?|\[\d+,(\d+)\]<std(?:out|err)>:[ ]?|[ ]*(\d{1,4}):(?=[ ]+\S)[ ]?"
)
# One element of a prefix, tried at the current position; the prefix is a run of them that
# holds at least one anchor (a time, a level, a glog header, a rank tag).
_ANCHOR = re.compile(
    rf"""
    [IWEFD]\d{{4}}[ ]+\d\d:\d\d:\d+\.\d+[ ]+\d+[ ]+[\w.<>\-]+:\d+\][ ]?   # glog / absl
  | \[[IWEDCF][ ](?:\d{{6}}[ ])?(?:{_TS})(?:[ ]+[\w.<>\-]+:\d+)?\][ ]?          # optuna `[I 2026-…]`, tornado `[I 261207 06:34:53 train:212]`
  | \[(?:{_TS})\](?:\[\d+\])?[ ]?(?:[-|:][ ])?                              # `[2026-12-06 10:11:12]`, `[…][31818]` (its pid)
  | \[(?:{_TS})[ ]+[\w.<>\-]+\]:?[ ]*                                         # `[12/06 10:11:12 d2.engine]:`
  | \[(?:{_TS})[ ]+[IWEFD][ ]+\d+[ ]+\d+\][ ]?                              # Ray's `[2026-… E 6534 6559]`
  | \((?:[\w.:]+[ ])?pid=\d+(?:,[ ]ip=[\d.]+)?\)[ ]?                          # Ray's `(RayTrainWorker pid=6631)`
  | (?:{_TS})[ \t]?(?:[-|:>]+[ ]|[ ])?                                      # a bare time or date
  | \[(?:{_LEVEL})(?:\|[\w.<>\-]+:\d+)?\][ ]?(?:[\w.<>\-]+:\d+[ ]?>>[ ]?)?  # `[INFO]`, HF `[INFO|trainer.py:1619] … >>`
  | \[(?:{_LEVEL})[ ]+(?:{_TS})\][ ]?                                       # Ax's `[INFO 12-07 08:16:46]`
  | \((?:{_LEVEL})\)[ ]?
  | \([A-Za-z_][\w.\-]*\)[ ](?=(?:{_TS}))                                   # `(CVXPY) Dec 07 …`: a logger's name
  | [A-Za-z_][\w.\-]*:[ ](?=(?:{_TS})[ ])                                   # `CartPole: 2026-12-07 …` (EvoJAX's)
  | [A-Za-z_][\w.<>\-]*[ ](?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL):[ ](?=[^\d\s+\-.])  # `ABC INFO: ` (`%(name)s %(levelname)s:`)
  | {_LEVEL}(?=[: \t|\]])[ \t]*(?::(?:[\w.<>\-]+:)?|\|)?[ ]*                   # `INFO`, `INFO:root:`, `INFO |`
    (?:(?<=[:\t ]){_MODULE}|(?<=[:\t ])(?!{_PHASE_WORD})[A-Za-z_][\w.<>\-]*:[ ]+(?=[^\d\s+\-.])(?!{_PAIR_FIRST}))?  # `INFO: trainer: ` (logbook)
    """,
    re.VERBOSE,
)
# A script's own counters, glued to their values (`INFO epoch:3 loss:0.5`): never a source.
_COUNTERS = (
    "(?i:" + "|".join(sorted(STEP_WORDS | EPOCH_WORDS | WORK_COUNTS, key=len, reverse=True)) + ")"
)
_NEXT_TO_ANCHOR = re.compile(
    rf"""
    [-|][ ]+(?=\S)                                  # a separator
  | [\w.<>\-]+:(?:[\w.<>\-]+:)?\d+[ ]+-[ ]          # loguru `__main__:train:59 - `, `yolox.core.trainer:261 - `
  | [\w.<>]+(?:\.py)?:\d+\][ ]?                     # `train.py:42] `
  | [\w.<>\-]+\.(?:cc|cpp|c|h|py):\d+:[ ]           # `core_worker.cc:2465: `
  | (?!(?:{_COUNTERS}):)[A-Za-z_][\w.<>\-]*:\d+[ ]+(?![\w.\-]+[=:][ ]?[-+]?[\d.])  # `trainer:348 ` (a source, not `epoch:3 loss:0.5`)
  | \[[\w.<>\-]+(?:\.py)?:\d+(?::[\w<>]+)?\][ ]?    # `[train.py:42]`, `[logging.py:96:log_dist]`
  | \[(?!{_PHASE_TAG}\])[A-Za-z_][\w.<>\-]*\]:?[ ]?(?=\S)  # `[trainer]`, `[d2.utils.events]:`
  | [\w.<>]+[ ]-[ ](?=\S)                           # `trainer - ` (between time and level)
  | \[[^\]\n]{{0,80}}\(pid[ =]?\d+\)\][ ]?             # Metaflow's `[1796640805245336/train/2 (pid 26738)]`
  | [\w.<>\-]+[ ]+(?=(?:[\w.<>\-]+[ ]+)?(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\b)  # `trainer INFO: …`, `MainProcess  trainer INFO …`
  | {_MODULE}                                      # `ax.api.client: ` (a logger's name)
  | [A-Za-z_][\w.<>\-]*\t+(?![-+]?[\d.])(?=\S)     # `torchdistill.misc.log\t`: a field (`%(name)s\t`)
  | [ ]+
    """,
    re.VERBOSE,
)
# A record laid out in columns with its source right-aligned (rich's logging handler:
# `[12:23:31] INFO     Epoch 1 validation: loss=0.43     train.py:115`): the line's end. The
# gap starts where its run of spaces does (a search from each space of a long run was
# quadratic).
_SOURCE_AT_END = re.compile(
    r"(?<![ ])(?P<gap>[ ]{2,})(?P<source>[\w.<>\-]+\.py:\d+)[ ]*$", re.MULTILINE
)


@dataclass(frozen=True, slots=True)
class Prefix:
    """Where a line's message starts and ends, and the rank a rank tag gave (0: none)."""

    start: int
    end: int
    rank: int
    rank_at: int = -1  # where the rank's number is (srun's `3: `, `[rank 1]`), read from each line


def rank_tag(line: str) -> tuple[int, int] | None:
    """The rank and the end of a launcher's rank tag opening ``line`` (``[default0]:``), if any."""
    m = _RANK.match(line)
    if m is None:
        return None
    return int(m.group(1) or m.group(2) or m.group(3)), m.end()


def split_prefix(line: str) -> Prefix:
    """Find the message of a console line (see the module docstring)."""
    pos = 0
    rank = 0
    rank_at = -1
    anchored = False
    end = len(line)
    m = _SOURCE_AT_END.search(line)
    if m is not None and m.start() > 0:
        end = m.start()
    for _ in range(12):
        m = _RANK.match(line, pos)
        if m is not None and (m.group(3) is None or pos == 0):
            group = 1 if m.group(1) is not None else 2 if m.group(2) is not None else 3
            rank = int(m.group(group))
            # where the rank's number is: a line of the same shape from another rank holds
            # its own there (`[rank 0] …`, `[rank 1] …`), read from each line
            rank_at = m.start(group)
            pos = m.end()
            anchored = True
            continue
        m = _ANCHOR.match(line, pos)
        if m is None and not anchored and pos == 0:
            indent = len(line) - len(line.lstrip(" "))  # rich's continued records are indented
            m = _ANCHOR.match(line, indent) if indent else None
        if m is not None and m.end() > pos:
            pos = m.end()
            anchored = True
            continue
        if anchored:
            m = _NEXT_TO_ANCHOR.match(line, pos)
            if m is not None and m.end() > pos and m.end() < end:
                pos = m.end()
                continue
        break
    if pos > end:
        pos = end
    return Prefix(pos, end, rank, rank_at)


# What a record-finder says of the lines from an index: None, a line of its own; else the
# index after the record's last line and the record as one line, or (-1, "") when the block
# ends inside the record (the rest is held for the next block).
_Found = tuple[int, str] | None


def _join_records(
    text: str,
    final: bool,
    spans: list[int] | None,
    record: Callable[[list[str], int, bool], _Found],
) -> tuple[str, str]:
    """Join the records ``record`` finds over several lines of ``text`` into one line each;
    hold back a record the block ends inside (unless ``final``)."""
    lines = text.split("\n")
    out: list[str] = []
    index = 0
    count = len(lines)
    while index < count:
        found = record(lines, index, final)
        if found is None:
            out.append(lines[index])
            if spans is not None:
                spans.append(1)
            index += 1
            continue
        end, joined = found
        if end < 0:
            return "\n".join(out), "\n".join(lines[index:])
        out.append(joined)
        if spans is not None:
            spans.append(end - index)
        index = end
    return "\n".join(out), ""


def _unjoined(text: str, spans: list[int] | None) -> tuple[str, str]:
    if spans is not None:
        spans.extend([1] * (text.count("\n") + 1))
    return text, ""


def join_wrapped(
    text: str, held: str, final: bool = False, spans: list[int] | None = None
) -> tuple[str, str]:
    """Join the lines a column layout wrapped back onto the record they belong to.

    A logging handler that lays a record out in columns (time, level, message, source, as
    rich's does) wraps a message too long for its column onto lines of its own, indented to
    the message's column, with no time, level or source: ``Epoch 1 validation: loss=0.43`` /
    ``accuracy=0.82 (train loss 0.53)``. Read alone, such a line loses the words that name
    its values (``validation``). A line is taken as wrapped only when its first word could
    not have fitted on the line above, as a wrap decides, and neither line is laid out in
    columns (two spaces in a row): a message's own line breaks (a table logged in one record)
    stay lines.

    Args:
        text: A block of ``\\n``-separated records.
        held: A record the last block ended with that a wrapped line may still follow
            (``""``: none); it is read before ``text``.
        final: No block comes after this one: nothing is held back.
        spans: Given, receives for each line returned how many lines of ``held`` and
            ``text`` it was made of.

    Returns:
        The block with wrapped lines joined onto their record, and the record held back for
        the next block (its continuation may be there), or ``""``.
    """
    if held:
        text = f"{held}\n{text}"
    if _SOURCE_AT_END.search(text) is None:
        return _unjoined(text, spans)
    return _join_records(text, final, spans, _wrapped_record)


def _wrapped_record(lines: list[str], start: int, final: bool) -> _Found:
    line = lines[start]
    m = _SOURCE_AT_END.search(line) if ".py:" in line else None
    if m is None:
        return None
    column = split_prefix(line).start
    width = m.start("source") - 1 - column  # the message column's width
    message = line[column : m.start()].rstrip()
    if column == 0 or width < 8 or "  " in message:
        return None
    index = start + 1
    count = len(lines)
    last = message
    while index < count:
        nxt = lines[index]
        rest = nxt[column:].rstrip()
        if (
            not rest
            or rest[0] == " "
            or "  " in rest
            or nxt[:column].strip()
            or (".py:" in rest and _SOURCE_AT_END.search(nxt) is not None)
            or len(last) + 1 + len(rest.split(" ", 1)[0]) <= width
        ):
            break
        message = f"{message} {rest}"
        last = rest
        index += 1
    if index == count and not final:
        return -1, ""  # the block ends with this record: its wrapped lines may come next
    if index - start > 1:
        line = f"{line[:column]}{message}{m.group('gap')}{m.group('source')}"
    return index, line


# A dict pprint wrapped over lines: `{'epoch': 3.0,` then ` 'eval_loss': 0.41,` … `'x': 1}`.
_PPRINT_HEAD = re.compile(r"[ ]*\{['\"][^\n]*,$")
_PPRINT_LINE = re.compile(r"[ ]+['\"][^\n]*[,}]$")
_PPRINT_MAX = 500
"""Lines of one wrapped dict at the most (a longer one is read line by line)."""


def join_pprinted(
    text: str, held: str, final: bool = False, spans: list[int] | None = None
) -> tuple[str, str]:
    """Join the lines of a dict that ``pprint`` wrapped (one key per line) into one record,
    as it would be printed unwrapped; hold back one that the block ends inside (see
    :func:`join_wrapped` for ``held``, ``final`` and ``spans``)."""
    if held:
        text = f"{held}\n{text}"
    if "{" not in text:
        return _unjoined(text, spans)
    return _join_records(text, final, spans, _pprinted_record)


# A dict laid out one key a line under a brace of its own (`json.dumps(…, indent=2)`, rich's
# print): `{` / `  "eval_loss": 0.31,` / `}`; flat (a nested object is read line by line).
# A brace alone, or after a label (`    metrics: {`, as devtools' debug() prints a value).
_BRACE_OPEN = re.compile(r"([ ]*(?:[A-Za-z_][\w.\-]*(?:[ ][A-Za-z_][\w.\-]*){0,3}:[ ]*)?)\{[ ]*")
_BRACE_KEY = re.compile(r"[ ]+(['\"])[^'\"\n]{1,200}\1:[ ]*[^{}\[\n]*")
# A closing brace, maybe with the printed value's type after it (`} (dict) len=4`).
_BRACE_CLOSE = re.compile(r"[ ]*\}[ ]*(?:\([A-Za-z_][\w.]*\)[^{}\n]*)?")


def _record_end(
    lines: list[str],
    start: int,
    final: bool,
    closes: Callable[[str], object],
    inside: Callable[[str], object],
) -> int | None:
    """The index of the line that closes a record opened on ``lines[start]``, every line
    before it ``inside`` it; -1 when the block ends inside it (and is not the ``final``
    one); None when the lines are no such record (it is read line by line)."""
    count = len(lines)
    j = start + 1
    while j < count and j - start <= _PPRINT_MAX:
        if closes(lines[j]):
            return j
        if not inside(lines[j]):
            return None
        j += 1
    if j == count and not final and j - start <= _PPRINT_MAX:
        return -1
    return None


def _braced_record(lines: list[str], start: int, final: bool, label: str = "") -> _Found:
    end = _record_end(lines, start, final, _BRACE_CLOSE.fullmatch, _BRACE_KEY.fullmatch)
    if end is None or end == start + 1:
        return None  # (`{}`: no record)
    if end < 0:
        return -1, ""  # the block ends inside it
    inner = " ".join(part.strip() for part in lines[start + 1 : end]).rstrip(",")
    return end + 1, label + "{" + inner + "}"


def _pprinted_record(lines: list[str], start: int, final: bool) -> _Found:
    line = lines[start]
    if "{" not in line:
        return None
    opening = _BRACE_OPEN.fullmatch(line)
    if opening is not None:
        return _braced_record(lines, start, final, opening.group(1))
    if _PPRINT_HEAD.fullmatch(line) is None:
        return None
    end = _record_end(
        lines,
        start,
        final,
        lambda text: text.endswith("}") and _PPRINT_LINE.fullmatch(text),
        _PPRINT_LINE.fullmatch,
    )
    if end is None:
        return None  # no wrapped dict after all: its lines are read as they are
    if end < 0:
        return -1, ""  # the block ends inside it
    return end + 1, " ".join(part.strip() for part in lines[start : end + 1])


def _may_be_wrapped(text: str) -> bool:
    return ".py:" in text


def _may_be_pprinted(text: str) -> bool:
    return (
        ",\n '" in text
        or ',\n "' in text
        or (text.endswith(",") and "{" in text)
        or "{\n" in text
        or text.rstrip(" ").endswith("{")
    )


Joiner = Callable[..., tuple[str, str]]
JOINERS: tuple[tuple[Joiner, Callable[[str], bool]], ...] = (
    (join_wrapped, _may_be_wrapped),
    (join_pprinted, _may_be_pprinted),
)
"""The records spread over lines, in the order they are joined, each with a quick look at
whether a block may hold one (the reader's and ``mlop parse``'s one list)."""
