"""One pattern strips terminal escapes from console lines and from stored console bytes."""

from __future__ import annotations

import pytest

from mlop_cli.ansi import AnsiStripper, strip_ansi, strip_ansi_bytes

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
    # an OSC title ended by ST, between two colours
    ("\x1b[32mok\x1b]0;title\x1b\\\x1b[0m done", "ok done"),
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
    assert "from mlop_cli.ansi import AnsiStripper" in open(read.__file__).read()


def test_console_lines_strip_with_the_one_pattern() -> None:
    from mlop_cli.sources.console import lines

    assert lines.strip_ansi is strip_ansi


@pytest.mark.parametrize(("raw", "shown"), CASES)
def test_a_sequence_cut_between_chunks_is_stripped_whole(raw: str, shown: str) -> None:
    """`mlop logs --strip-ansi` reads the console chunk by chunk: wherever a chunk ends, the
    result is the whole console's (a colour cut in two printed `[32m` before)."""
    data = raw.encode()
    for cut in range(len(data) + 1):
        for second in range(cut, len(data) + 1):
            stripper = AnsiStripper()
            parts = [data[:cut], data[cut:second], data[second:]]
            out = b"".join(stripper.feed(part) for part in parts) + stripper.flush()
            assert out == shown.encode(), (cut, second)


def test_an_escape_never_finished_is_not_held_for_ever() -> None:
    stripper = AnsiStripper()
    assert stripper.feed(b"loss=0.5\x1b[1;3") == b"loss=0.5"
    assert stripper.flush() == strip_ansi_bytes(b"\x1b[1;3")  # as the whole console strips it
    endless = b"\x1b]0;" + b"t" * 10_000
    assert stripper.feed(endless) == strip_ansi_bytes(endless)


def test_mlop_logs_strip_ansi_removes_a_colour_cut_between_stored_chunks(tmp_path) -> None:
    """The console as `mlop run` stores it: chunks cut wherever the output paused, here in the
    middle of a colour and of a title; stdout and stderr interleaved."""
    import time

    from mlop_cli import records as rec
    from mlop_cli.run.storing import open_writer
    from mlop_cli.store.writer import RunStart
    from tests.conftest import run_mlop

    store = tmp_path / "mlop.db"
    writer = open_writer(store, "r1", [], lambda message: None)
    assert writer is not None
    writer.put(RunStart({"id": "r1", "name": "r1", "status": "finished", "started_at": 0.0}))
    for stream, data in [
        (1, b"\x1b[1;3"),
        (2, b"warn \x1b[33"),
        (1, b"2mloss=0.5\x1b[0m\n\x1b]0;epo"),
        (2, b"mslow\x1b[0m\n"),
        (1, b"ch 2\x07acc=0.9\n"),
    ]:
        writer.put(rec.LogChunk(stream, time.time(), data))
        assert writer.flush(60)  # one stored row each
    writer.close(60)
    done = run_mlop("logs", "r1", "--strip-ansi", store=store)
    assert done.returncode == 0, done.stderr
    assert done.stdout == b"loss=0.5\nacc=0.9\n"
    assert done.stderr == b"warn slow\n"


def test_dec_line_drawing_letters_read_as_the_lines_a_terminal_draws() -> None:
    """terminaltables' SingleTable draws its walls in DEC's line-drawing set, even into a pipe
    (`\\x1b(0x\\x1b(B best val acc \\x1b(0x\\x1b(B 0.8708`): the letters are walls, not words, so
    the row reads as a box's row; the text outside the set keeps its letters."""
    row = "\x1b(0x\x1b(B best val acc \x1b(0x\x1b(B 0.8708 \x1b(0x\x1b(B"
    assert strip_ansi(row) == "│ best val acc │ 0.8708 │"
    assert strip_ansi("\x1b(0lqqk\x1b(B max x\n") == "┌──┐ max x\n"
