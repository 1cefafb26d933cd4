"""Bytes to records: complete console lines, one per ``\\n`` and one per ``\\r`` redraw.

The first of the two parsing layers. A read may end anywhere: mid-line, mid-UTF-8 sequence,
between ``\\r`` and ``\\n``. The assembler keeps the incomplete tail for the next read (as
supervisor's output capture does) and only ever splits on the ASCII bytes ``\\r`` and ``\\n``,
which never occur inside a UTF-8 sequence, so each block it decodes is whole.
"""

from __future__ import annotations

import re

from mlop_cli.ansi import strip_ansi

MAX_LINE = 64 * 1024
"""Lines longer than this (in bytes before decoding, characters after) are not parsed."""


class LineAssembler:
    """Turn one stream's reads into blocks of complete records, keeping the partial tail.

    Each ``\\r``-separated segment is its own record (a tqdm or Keras redraw), ``\\r\\n`` ends
    one line, ANSI codes are removed and invalid UTF-8 is replaced with U+FFFD. A block holds
    the records completed by one read, joined with ``\\n``; it may hold empty records (blank
    lines), which carry no metrics.

    Attributes:
        first_time: Arrival time of the first record of the last block returned: the time its
            first bytes were read, which for a redrawn bar is earlier than the read holding
            its terminator.
        dropped: How many over-long lines were dropped so far.
    """

    __slots__ = ("_tail", "_tail_time", "_skipping", "first_time", "dropped")

    def __init__(self) -> None:
        self._tail = b""
        self._tail_time = 0.0
        self._skipping = False  # inside an over-long line whose start was dropped
        self.first_time = 0.0
        self.dropped = 0

    def feed(self, data: bytes, time: float) -> str:
        """Add one read; return the records it completes.

        Args:
            data: Bytes as read from the stream, any length.
            time: Wall time of the read (seconds since the epoch).

        Returns:
            The completed records joined with ``\\n`` (no trailing terminator), or ``""``.
        """
        cut = max(data.rfind(b"\n"), data.rfind(b"\r"))
        if cut >= 0 and cut == len(data) - 1 and data[cut] == 13:
            # A `\r` ending the read may be the first half of `\r\n`: wait for the next byte.
            cut = max(data.rfind(b"\n", 0, cut), data.rfind(b"\r", 0, cut))
        if cut < 0:
            if data:
                if not self._tail:
                    self._tail_time = time
                self._tail += data
                self._check_tail()
            return ""
        if self._tail:
            self.first_time = self._tail_time
            block = self._tail + data[:cut]
        else:
            self.first_time = time
            block = data[:cut]
        if data[cut] == 10 and block[-1:] == b"\r":
            # The `\r` of the `\r\n` ending the block: one line end, not a redraw before an
            # empty record (which, as a blank line, would end a table or a box read on).
            block = block[:-1]
        self._tail = data[cut + 1 :]
        self._tail_time = time
        self._check_tail()
        return self._decode(block)

    def finish(self) -> str:
        """Return the final unterminated record, if any (at end of stream), else ``""``."""
        if not self._tail:
            return ""
        self.first_time = self._tail_time
        block, self._tail = self._tail, b""
        return self._decode(block)

    def _check_tail(self) -> None:
        if len(self._tail) > MAX_LINE:
            # Keep memory bounded: drop it now and the rest of it when its end arrives.
            self._tail = b""
            if not self._skipping:
                self.dropped += 1
            self._skipping = True

    def _decode(self, block: bytes) -> str:
        # One decode and one replace per read, not per line.
        text = block.decode("utf-8", "replace")
        if "\x1b" in text:
            if "G" in text:
                # The cursor sent to the first column after text (`\x1b[1G`, as node's
                # readline redraws a bar): a redraw, as a `\r` is.
                text = _TO_FIRST_COLUMN.sub("\r", text)
            text = strip_ansi(text)
        if "\r" in text:
            # A terminal's line end `\r\n` ends one record; a lone `\r` starts a redraw.
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if any(level in text for level in _GLUED_LEVELS):
            # A log record written after a `print(…, end="")` (TorchTNT's StdoutLogger ends its
            # line only at the next step): `… acc=0.5625INFO:torchtnt.framework.train:Ended …`
            # is two records, or the last value is lost in a word.
            text = _GLUED_RECORD.sub("\n", text)
        if self._skipping or (len(text) > MAX_LINE and _may_hold_a_long_line(text)):
            lines = text.split("\n")
            if self._skipping:
                self._skipping = False
                lines[0] = ""
            for i, line in enumerate(lines):
                if len(line) > MAX_LINE:
                    lines[i] = ""
                    self.dropped += 1
            text = "\n".join(lines)
        return text


_TO_FIRST_COLUMN = re.compile(r"(?<=[^\r\n])\x1b\[[01]?G")
_GLUED_LEVELS = ("INFO:", "WARNING:", "ERROR:", "DEBUG:", "CRITICAL:")
# The stdlib's default record (`INFO:name:message`) right after a value or a word.
_GLUED_RECORD = re.compile(
    r"(?<=[\w.%)])(?=(?:DEBUG|INFO|WARNING|ERROR|CRITICAL):[A-Za-z_][\w.]*:)"
)


def _may_hold_a_long_line(text: str) -> bool:
    """Whether ``text`` may hold a line over ``MAX_LINE``: a few finds, not a split.

    Such a line covers a whole aligned window of ``MAX_LINE // 2`` characters, so a text
    whose every window holds a newline has none.
    """
    size = MAX_LINE // 2
    return any(
        text.find("\n", start, start + size) < 0 for start in range(0, len(text) - size + 1, size)
    )
