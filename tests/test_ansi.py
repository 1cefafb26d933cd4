"""One pattern strips terminal escapes from console lines and from stored console bytes."""

from __future__ import annotations

import pytest

from mlop_cli.ansi import strip_ansi, strip_ansi_bytes

CASES = [
    ("\x1b[1m\x1b[32mloss\x1b[0m=0.5\x1b]0;title\x07\x1b[2K\x1b[A", "loss=0.5"),
    ("\x1b[?25lepoch 1\x1b[?25h", "epoch 1"),
    # tput sgr0: a charset designation before the reset
    ("\x1b(B\x1b[mloss=0.5", "loss=0.5"),
    # save/restore cursor, keypad mode
    ("\x1b7\x1b=acc=0.9\x1b8\x1b>", "acc=0.9"),
    # an OSC 8 hyperlink, ended by ST
    ("\x1b]8;;https://example.org\x1b\\docs\x1b]8;;\x1b\\", "docs"),
    # a DCS string (sixel, tmux passthrough) goes whole
    ("\x1bPq#0;2;0;0;0#0!6~\x1b\\step=3", "step=3"),
    # an OSC left open ends with its line: the next line survives
    ("\x1b]0;a title that never ends\nloss=0.25\n", "\nloss=0.25\n"),
    ("plain text, no escapes", "plain text, no escapes"),
]


@pytest.mark.parametrize(("raw", "shown"), CASES)
def test_text_and_bytes_strip_alike(raw: str, shown: str) -> None:
    assert strip_ansi(raw) == shown
    assert strip_ansi_bytes(raw.encode()) == shown.encode()


def test_logs_and_watch_strip_with_the_one_pattern() -> None:
    from mlop_cli.commands import read
    from mlop_cli.views import text, watch

    assert not hasattr(text, "strip_ansi")  # no second copy among the views
    assert watch.strip_ansi_bytes is strip_ansi_bytes
    assert "from mlop_cli.ansi import strip_ansi_bytes" in open(read.__file__).read()


def test_console_lines_strip_with_the_one_pattern() -> None:
    from mlop_cli.sources.console import lines

    assert lines.strip_ansi is strip_ansi
