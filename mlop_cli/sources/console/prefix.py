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
from dataclasses import dataclass

_TS = (
    r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"
    r"|\d\d?/\d\d?(?:/\d\d(?:\d\d)?)?[ ,T]+\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?"
    r"|\d\d:\d\d:\d\d(?:[.,]\d+)?"
)
_LEVEL = r"(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL|FATAL|TRACE|NOTICE|SUCCESS|debug|info|warning|warn|error)"
_RANK = re.compile(
    r"\[(?:rank|default|Rank )(\d+)\]:?[ ]?|\[\d+,(\d+)\]<std(?:out|err)>:[ ]?|[ ]*(\d{1,4}):(?=[ ]+\S)[ ]?"
)
# One element of a prefix, tried at the current position; the prefix is a run of them that
# holds at least one anchor (a time, a level, a glog header, a rank tag).
_ANCHOR = re.compile(
    rf"""
    [IWEFD]\d{{4}}[ ]+\d\d:\d\d:\d\d\.\d+[ ]+\d+[ ]+[\w.<>\-]+:\d+\][ ]?   # glog / absl
  | \[[IWEDC][ ](?:{_TS})\][ ]?                                             # optuna `[I 2026-…]`
  | \[(?:{_TS})\][ ]?(?:[-|:][ ])?                                           # `[2026-12-06 10:11:12]`
  | (?:{_TS})[ ]?(?:[-|:>]+[ ]|[ ])?                                         # a bare time or date
  | \[(?:{_LEVEL})(?:\|[\w.<>\-]+:\d+)?\][ ]?(?:[\w.<>\-]+:\d+[ ]?>>[ ]?)?  # `[INFO]`, HF `[INFO|trainer.py:1619] … >>`
  | \((?:{_LEVEL})\)[ ]?
  | {_LEVEL}(?=[: \t|\]])[ \t]*(?::(?:[\w.<>\-]+:)?|\|)?[ ]*                   # `INFO`, `INFO:root:`, `INFO |`
    """,
    re.VERBOSE,
)
_NEXT_TO_ANCHOR = re.compile(
    r"""
    [-|][ ]+(?=\S)                                  # a separator
  | [\w.<>\-]+:[\w.<>\-]+:\d+[ ]+-[ ]               # loguru `__main__:train:59 - `
  | [\w.<>]+(?:\.py)?:\d+\][ ]?                     # `train.py:42] `
  | \[[\w.<>\-]+(?:\.py)?:\d+(?::[\w<>]+)?\][ ]?    # `[train.py:42]`, `[logging.py:96:log_dist]`
  | \[[A-Za-z_][\w.<>\-]*\]:?[ ]?(?=\S)              # `[trainer]`, `[d2.utils.events]:`
  | [\w.<>]+[ ]-[ ](?=\S)                           # `trainer - ` (between time and level)
  | [\w.<>\-]+[ ](?=(?:DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)\b)  # `trainer INFO: …`
  | [ ]+
    """,
    re.VERBOSE,
)
_TRAILING_SOURCE = re.compile(r"[ ]{2,}[\w.<>\-]+\.py:\d+[ ]*$")


@dataclass(frozen=True, slots=True)
class Prefix:
    """Where a line's message starts and ends, and the rank a rank tag gave (0: none)."""

    start: int
    end: int
    rank: int
    rank_at: int = -1  # where a bare rank number (srun's `3: `) is, which varies by line


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
    m = _TRAILING_SOURCE.search(line)
    if m is not None and m.start() > 0:
        end = m.start()
    for _ in range(12):
        m = _RANK.match(line, pos)
        if m is not None and (m.group(3) is None or pos == 0):
            rank = int(m.group(1) or m.group(2) or m.group(3))
            if m.group(3) is not None:
                rank_at = m.start(3)
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
