"""Bad input on the command line: one line on stderr, exit code 2, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlop_cli.cli import app
from mlop_cli.store.console_index import indexer_alive
from tests.conftest import clean_env, eventually, query, run_mlop

COMMANDS = [command.name or command.callback.__name__ for command in app.registered_commands]


def _usage_error(result, code: int = 2) -> str:
    """The one line an error prints, after checking it is that: exit ``code``, no traceback."""
    errors = result.stderr.decode()
    assert result.returncode == code, errors
    assert "Traceback" not in errors
    assert errors.count("\n") == 1 and errors.startswith("mlop: error: "), errors
    return errors


@pytest.mark.parametrize("command", COMMANDS)
def test_an_unknown_option_is_one_line_and_exit_2(store: Path, command: str) -> None:
    extra = ["--", "true"] if command == "run" else []
    result = run_mlop(command, "--no-such-option", *extra, store=store)
    assert "--no-such-option" in _usage_error(result)


def test_a_bad_option_value_an_unknown_command_and_a_missing_argument(store: Path) -> None:
    assert "--limit" in _usage_error(run_mlop("ls", "--limit", "abc", store=store))
    assert "nosuchcommand" in _usage_error(run_mlop("nosuchcommand", store=store))
    assert "EXPR" in _usage_error(run_mlop("check", "last", store=store))


def test_a_mistyped_run_option_is_not_run_as_the_command(store: Path) -> None:
    result = run_mlop("run", "--tags", "x", "--", "true", store=store)
    assert "--tags" in _usage_error(result)
    assert not store.exists()  # nothing was run, so nothing was recorded


def test_run_without_a_command_or_with_a_blank_name_or_tag_is_one_line(store: Path) -> None:
    """`mlop run` alone says what is missing in one line (it printed the whole help); a blank
    name or tag is refused as `mlop rename` and `mlop tag` refuse it, and nothing runs."""
    assert "after `--`" in _usage_error(run_mlop("run", store=store))
    assert "empty name" in _usage_error(run_mlop("run", "--name", "   ", "--", "true", store=store))
    assert "empty tag" in _usage_error(run_mlop("run", "--tag", "", "--", "true", store=store))
    assert not store.exists()


def test_a_sample_interval_that_is_no_number_is_said_so(store: Path) -> None:
    """`MLOP_SAMPLE_INTERVAL=nan` was refused with `give at least 0.05 seconds`: it is no
    number. (The flag's own `nan` is refused by click's range check, in its words.)"""
    env = clean_env(MLOP_SAMPLE_INTERVAL="nan")
    assert "is not a number" in _usage_error(run_mlop("run", "--", "true", store=store, env=env))
    assert not store.exists()


@pytest.mark.parametrize("interval", ["1e10", "inf"])
def test_a_sample_interval_past_a_day_is_one_line(store: Path, interval: str) -> None:
    """`--sample-interval 1e10` crashed the system sampler's thread with a traceback (past the
    platform's time_t) while the run went on: it is refused before anything runs."""
    flag = run_mlop("run", "--sample-interval", interval, "--", "true", store=store)
    assert "86400" in _usage_error(flag)
    env = clean_env(MLOP_SAMPLE_INTERVAL=interval)
    assert "86400" in _usage_error(run_mlop("run", "--", "true", store=store, env=env))
    assert not store.exists()


def test_a_run_reference_tag_or_project_in_bytes_that_are_not_utf8_finds_its_run(
    store: Path,
) -> None:
    """`mlop run --name $'n\\xffx'` stores the name as `n\\xffx`; `show`, `ls -t`, `tag` and
    `rename` given the same bytes found nothing but a traceback (SQLite takes only UTF-8)."""
    name, tag = "n\udcffx", "t\udcfe"  # the bytes 0xff, 0xfe as Python gives them from argv
    assert (
        run_mlop("run", "-q", "--name", name, "-t", tag, "--", "true", store=store).returncode == 0
    )
    for args in (("show", name), ("ls", "-t", tag), ("tag", name, "u\udcfd"), ("logs", name)):
        result = run_mlop(*args, store=store)
        assert result.returncode == 0 and b"Traceback" not in result.stderr, (args, result.stderr)
    assert b"n\\xffx" in run_mlop("ls", "-t", "u\udcfd", store=store).stdout
    assert run_mlop("rename", name, "m\udcffy", store=store).returncode == 0
    assert b"m\\xffy" in run_mlop("ls", store=store).stdout


def test_no_arguments_prints_the_help_plainly() -> None:
    import subprocess

    from tests.conftest import mlop_argv

    result = subprocess.run(mlop_argv(), capture_output=True, timeout=60)
    assert result.returncode == 2
    errors = result.stderr.decode()
    assert errors.startswith("Usage: mlop ") and "Commands:" in errors and "Traceback" not in errors


def _one_line_error(result) -> str:
    return _usage_error(result, code=1)


def test_files_that_cannot_be_written_are_one_line(store: Path, tmp_path: Path) -> None:
    recorded = run_mlop("run", "-q", "--", "sh", "-c", "echo loss=1", store=store)
    assert recorded.returncode == 0
    missing = tmp_path / "no such folder" / "x.csv"
    assert f"{missing}: No such file or directory" in _one_line_error(
        run_mlop("export", "last", "-o", str(missing), store=store)
    )
    assert "Is a directory" in _one_line_error(
        run_mlop("export", "last", "-o", str(tmp_path), store=store)
    )
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    assert "File exists" in _one_line_error(
        run_mlop("export", "last", "-f", "tensorboard", "-o", str(a_file), store=store)
    )
    summary = run_mlop(
        "report", "last", "--format", "md", "--summary", store=store,
        env={**clean_env(), "GITHUB_STEP_SUMMARY": str(missing)},
    )  # fmt: skip
    assert "No such file or directory" in _one_line_error(summary)


@pytest.mark.parametrize(
    "line",
    [["gc", "--vacuum"], ["gc", "--older-than", "0", "--dry-run"], ["rename", "last", "x"],
     ["tag", "last", "x"], ["untag", "last", "x"], ["rm", "last"]],
)  # fmt: skip
def test_a_damaged_store_is_one_line_for_the_editing_commands(
    tmp_path: Path, line: list[str]
) -> None:
    store = tmp_path / "s.db"
    recorded = run_mlop("run", "-q", "--", "sh", "-c", "echo loss=1", store=store)
    assert recorded.returncode == 0
    # The run's console indexer may outlive `mlop run`: once it is done, every page goes into
    # the main file (a page left in the WAL, or the indexer's checkpoint after the damage,
    # would hide the damage from the command under test).
    run_id = query(store, "SELECT id FROM runs")[0][0]
    eventually(lambda: not indexer_alive(store, run_id), what="the indexer's end")
    query(store, "PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(store.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    # Page 1 (header and schema) stays, so the store opens; the pages of the tables are garbage.
    data[page:] = b"\xff" * (len(data) - page)
    store.write_bytes(bytes(data))
    assert "malformed" in _one_line_error(run_mlop(*line, store=store))
