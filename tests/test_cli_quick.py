"""The quick parse (no pydantic) gives every command exactly what typer's own parse gives it.

Command lines are generated from the commands' declarations: every option and argument of
every command, alone and all together. So an option added later is covered without a new test.
Lines the quick parse cannot take must be left to typer (None), with typer's own message.
"""

from __future__ import annotations

import inspect
import subprocess
import sys
import time
import typing
from pathlib import Path
from typing import Any

import pytest
import typer.main

from mlop_cli.cli import app, run_app
from mlop_cli.commands._quick import quick_invocation


def _commands() -> dict[str, Any]:
    return dict(typer.main.get_command(app).commands)


def _typer_kwargs(name: str, args: list[str]) -> dict[str, Any]:
    """What typer's own parse passes to the command's function (the function is not run)."""
    command = _commands()[name]
    wrapper = command.callback
    function = inspect.unwrap(wrapper)
    # typer calls the function from its wrapper's closure: swap it there for a recorder.
    cell = next(c for c in wrapper.__closure__ if c.cell_contents is function)
    seen: dict[str, Any] = {}
    cell.cell_contents = lambda **kwargs: seen.update(kwargs)
    try:
        ctx = command.make_context(name, list(args))
        with ctx:
            ctx.invoke(wrapper, **ctx.params)
    finally:
        cell.cell_contents = function
    return seen


def _sample(annotation: Any, info: Any) -> list[str]:
    """Values the declaration accepts, as typed on a command line."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) is list:
        return ["a b", "c"]
    base = args[0] if args else annotation
    low = getattr(info, "min", None)
    if base is int:
        return [str(max(3, int(low or 0) + 2))]
    if base is float:
        return [str(max(0.5, (low or 0) * 4))]
    if base is Path:
        return ["some dir/file.log"]
    return ["value with spaces"]


def _lines() -> list[tuple[str, list[str]]]:
    """Per command: each option alone, then everything; with required arguments only, and all."""
    lines: list[tuple[str, list[str]]] = []
    for name, command in _commands().items():
        function = inspect.unwrap(command.callback)
        hints = typing.get_type_hints(function)
        declared = inspect.signature(function).parameters
        arguments: list[str] = []
        required: list[str] = []
        options: list[list[str]] = []
        for param in command.params:
            info = declared[param.name].default
            if param.param_type_name == "argument":
                values = _sample(hints[param.name], info)
                values = values if param.nargs == -1 else values[:1]
                arguments += values
                required += values if param.required else []
            elif param.is_flag:
                options.append([param.opts[0]])
                options += [[flag] for flag in param.secondary_opts]
            else:
                values = _sample(hints[param.name], info)
                for value in values if param.multiple else values[:1]:
                    options.append([param.opts[-1], value])
        if name == "run":  # the command goes after `--`
            arguments = ["--", "python", "train.py", "--lr", "3e-4"]
        everything = [word for option in options if "--no-pty" not in option for word in option]
        for given in (required, arguments):
            lines += [(name, option + given) for option in [[], *options] if option + given]
            lines.append((name, everything + given))
    return lines


LINES = _lines()


def test_lines_cover_every_command() -> None:
    assert {name for name, _ in LINES} == set(_commands())
    assert len(LINES) > 3 * len(_commands())


@pytest.mark.parametrize(("name", "args"), LINES, ids=[" ".join([n, *a]) for n, a in LINES])
def test_quick_parse_equals_typers(name: str, args: list[str]) -> None:
    quick = quick_invocation(app, [name, *args])
    assert quick is not None, "a line of plain values fell back to typer"
    function, kwargs = quick
    assert function is inspect.unwrap(_commands()[name].callback)
    expected = _typer_kwargs(name, args)
    assert kwargs == expected
    assert {k: type(v) for k, v in kwargs.items()} == {k: type(v) for k, v in expected.items()}


@pytest.mark.parametrize(
    "line",
    [
        ["run", "--help"],
        ["run", "-h"],
        ["run", "--sample-interval", "0.01", "--", "true"],  # below min=0.05
        ["run", "--sample-interval", "fast", "--", "true"],
        ["run", "--sample-interval", "nan", "--", "true"],
        ["run", "--name"],  # option without its value
        ["ls", "--limit", "ten"],
        ["ls", "--limit", "2.5"],
        ["ls", "stray"],  # extra argument
        ["compare", "--last", "1"],  # below min=2 (bare `compare` is the command's to refuse)
        ["check"],  # no run (without conditions, the command itself says what is missing)
        # (bare `run` is the command's to refuse too: one line, test_cli_usage)
        ["show", "a", "b"],  # extra argument
        ["rename", "a"],
        ["report", "--last", "0"],  # below min=1
        ["nosuch"],
        ["--version"],
        ["--help"],
        [],
    ],
)
def test_lines_it_cannot_take_are_typers(line: list[str]) -> None:
    assert quick_invocation(app, line) is None


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (["run", "--sample-interval", "0.01", "--", "true"], "--sample-interval"),
        (["ls", "--limit", "ten"], "--limit"),
        (["show", "a", "b"], "unexpected extra argument"),
    ],
)
def test_fallback_keeps_typers_message(
    line: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_app(line) == 2
    err = capsys.readouterr().err
    assert err.startswith("mlop: error: ") and message in err
    assert err.count("\n") == 1


def test_run_does_not_import_pydantic(tmp_path: Path) -> None:
    """The quick parse is what `mlop run` takes: pydantic (0.13 s in typer 0.29) stays out."""
    script = (
        "import sys\n"
        "from mlop_cli.cli import run_app\n"
        f"code = run_app(['run', '-q', '--store', {str(tmp_path / 's.db')!r}, '--', 'true'])\n"
        "print(code, 'pydantic' in sys.modules)\n"
    )
    started = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    assert out.split() == ["0", "False"], (out, time.monotonic() - started)


def test_run_without_system_sampling_never_loads_the_sampler(tmp_path: Path) -> None:
    """`mlop run --no-system` starts the command without the system sampler's module (its
    NVML adapter and diagnosis: ~10 ms of start-up before the launch, imported only for a
    thread's name); with sampling on, the sampler loads it when it starts."""
    script = (
        "import sys\n"
        "from mlop_cli.cli import run_app\n"
        f"code = run_app(['run', '-q', '--no-system', '--store', {str(tmp_path / 's.db')!r},"
        " '--', 'true'])\n"
        "print(code, 'mlop_cli.sources.system' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    assert out.split() == ["0", "False"], out
