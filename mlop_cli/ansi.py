"""Terminal escape sequences: one pattern for console lines (``str``) and stored console bytes.

The console parsers strip them from each line before reading metrics; ``mlop logs --strip-ansi``
and ``mlop watch`` strip them from the stored bytes. Both go through this one pattern, so a
sequence that one of them removes the other removes too.
"""

from __future__ import annotations

import re

_PATTERN = (
    # CSI: colours, cursor moves, erase (`\x1b[1;32m`, `\x1b[2K`, `\x1b[?25l`).
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    # OSC: window titles, hyperlinks; ended by BEL or ST. One left open ends with its line, so
    # stripping whole stored output never swallows the lines after it.
    r"|\x1b\][^\x07\x1b\r\n]*(?:\x07|\x1b\\)?"
    # DCS, SOS, PM, APC strings (sixel images, tmux passthrough), ended by ST.
    r"|\x1b[PX^_][^\x1b]*\x1b\\"
    # The other escapes: two bytes (`\x1b7` save cursor, `\x1bM`, `\x1b=`, a lone ST) or with
    # intermediates (`\x1b(B`, the charset that `tput sgr0` sends before `\x1b[m`).
    r"|\x1b[ -/]*[0-~]"
)
_TEXT = re.compile(_PATTERN)
_BYTES = re.compile(_PATTERN.encode("ascii"))


# DEC special graphics (`\x1b(0` … `\x1b(B`): the letters a terminal draws as lines and corners
# (terminaltables, ncurses-style boxes even in a pipe: `x Metric x 0.87 x`).
_DEC_LINES = str.maketrans("jklmnqtuvwx", "┘┐┌└┼─├┤┴┬│")
_DEC_RUN = re.compile(r"\x1b\(0([^\x1b\n]*)")


def strip_ansi(text: str) -> str:
    """``text`` without its terminal escape sequences (colours, cursor moves, titles); letters
    drawn as lines in DEC's line-drawing set are those lines."""
    if "\x1b" not in text:
        return text
    if "\x1b(0" in text:
        text = _DEC_RUN.sub(lambda m: m.group(1).translate(_DEC_LINES), text)
    return _TEXT.sub("", text)


def strip_ansi_bytes(data: bytes) -> bytes:
    """Console bytes without their terminal escape sequences, as :func:`strip_ansi` for text."""
    return _BYTES.sub(b"", data) if b"\x1b" in data else data


# A sequence that may go on in the next chunk: an ESC and what follows it, when that is no
# whole sequence yet (`\x1b[1;3`, an OSC title with no end and no line end so far).
_UNFINISHED = re.compile(
    rb"\x1b(?:\[[0-?]*[ -/]*|\][^\x07\x1b\r\n]*\x1b?|[PX^_][^\x1b]*\x1b?|[ -/]*)\Z"
)
# A sequence longer than this is no sequence a terminal would wait for: passed on as it is.
_LONGEST_HELD = 4096


class AnsiStripper:
    """:func:`strip_ansi_bytes` for console read chunk by chunk (one per stream): a sequence
    cut where one stored chunk ends and the next begins is removed whole, not half printed."""

    def __init__(self) -> None:
        self._held = b""

    def feed(self, data: bytes) -> bytes:
        """The chunk without its escapes; an unfinished sequence at its end is held back."""
        data = self._held + data
        self._held = b""
        # The first ESC near the end from which the rest is one unfinished sequence (a DCS
        # string holds ESCs of its own: the last ESC alone would cut it).
        start = data.find(b"\x1b", max(0, len(data) - _LONGEST_HELD))
        while start >= 0:
            if _UNFINISHED.match(data, start):
                data, self._held = data[:start], data[start:]
                break
            start = data.find(b"\x1b", start + 1)
        return strip_ansi_bytes(data)

    def flush(self) -> bytes:
        """What is held at the end of the console (an escape it never finished)."""
        held, self._held = self._held, b""
        return strip_ansi_bytes(held)
