"""Command lines whose values are all of plain types, parsed without typer's value coercion.

typer 0.29 coerces every value through a pydantic ``TypeAdapter``. Importing pydantic and
building the adapters costs about 0.13 s at each start of each command. That was a third of
what ``mlop run`` adds to a run, and half of a ``mlop ls``.

Here click's own parser (the one typer runs) splits the command line. Values of plain types
(str, int, float, bool, Path, a list of str, or an Optional of these) are converted as typer
converts them. Anything else returns None, and typer parses the line as usual, with its own
messages: a help request, a bad value, a value out of range, a missing or extra argument, an
environment variable or callback on a parameter, or an annotation of another kind.

So this path can only be skipped, never differ: ``tests/test_cli_quick.py`` holds it equal to
typer's own parse for every option of every command.
"""

from __future__ import annotations

import inspect
import os
import re
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Any

_INT = re.compile(r"[+-]?[0-9]+")
_FLOAT = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
_PLAIN = (str, int, float, bool, Path)


class _Skip(Exception):
    """This command line is typer's to parse."""


def quick_invocation(app: Any, args: list[str]) -> tuple[Callable[..., Any], dict[str, Any]] | None:
    """The command's function and its values, or None where typer must parse ``args``."""
    if not args or args[0].startswith("-") or "_MLOP_COMPLETE" in os.environ:
        return None
    try:
        import typer.main

        group = typer.main.get_command(app)
        command = getattr(group, "commands", {}).get(args[0])
        if command is None or command.callback is None:
            return None
        function = inspect.unwrap(command.callback)
        kwargs = _values(command, function, args[0], args[1:])
    except Exception:  # _Skip, or a typer/click whose insides differ: typer parses
        return None
    return function, kwargs


def _values(
    command: Any, function: Callable[..., Any], name: str, rest: list[str]
) -> dict[str, Any]:
    if not rest and getattr(command, "no_args_is_help", False):
        raise _Skip
    ctx = command.context_class(command, info_name=name, **command.context_settings)
    opts, extra, _ = command.make_parser(ctx).parse_args(args=list(rest))
    if extra and not ctx.allow_extra_args:
        raise _Skip
    hints = typing.get_type_hints(function)
    declared = inspect.signature(function).parameters
    params = {param.name: param for param in command.params}
    if set(params) != set(declared):
        raise _Skip  # a typer.Context parameter, or one click does not know
    if set(opts) - set(params):
        raise _Skip  # --help
    return {
        key: _value(param, declared[key].default, hints[key], opts.get(key, _MISSING))
        for key, param in params.items()
    }


_MISSING = object()


# What typer does beyond converting a value; a parameter declaring any of these is typer's.
_TYPER_ONLY = (
    "callback", "envvar", "parser", "click_type", "autocompletion", "shell_complete", "prompt",
    "count", "clamp", "exists", "resolve_path", "is_eager",
)  # fmt: skip


def _value(param: Any, info: Any, annotation: Any, raw: Any) -> Any:
    """``info`` is the typer.Option/Argument declaration; ``param`` the click parameter."""
    if any(getattr(info, field, None) for field in _TYPER_ONLY) or param.nargs not in (1, -1):
        raise _Skip
    multiple = param.multiple or param.nargs == -1
    kind = _plain_kind(annotation, multiple)
    if raw is None or getattr(raw, "name", None) == "UNSET" or (multiple and not raw):
        raw = _MISSING  # an argument not given: None, or click 8.2's UNSET sentinel
    if raw is _MISSING:
        if param.required:
            raise _Skip
        if param.default is None:
            return None
        raw = list(param.default) if multiple else param.default
    if multiple:
        return [_convert(info, kind, item) for item in raw]
    return _convert(info, kind, raw)


def _plain_kind(annotation: Any, multiple: bool) -> type:
    """The plain type a value converts to (``list[str]`` is str for each item)."""
    args = typing.get_args(annotation)
    if args and type(None) in args:  # Optional[X], X | None
        rest = [arg for arg in args if arg is not type(None)]
        if len(rest) != 1:
            raise _Skip
        annotation, args = rest[0], typing.get_args(rest[0])
    if multiple:
        if typing.get_origin(annotation) is not list or len(args) != 1:
            raise _Skip
        annotation = args[0]
    if annotation not in _PLAIN:
        raise _Skip
    return annotation


def _convert(info: Any, kind: type, raw: Any) -> Any:
    if kind is bool or kind is str:
        if not isinstance(raw, kind):
            raise _Skip
        return raw
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float, Path)):
        raise _Skip
    text = str(raw)
    if kind is Path:
        return Path(text)
    if kind is int:
        if not _INT.fullmatch(text):
            raise _Skip
        value: Any = int(text)
    else:
        if not _FLOAT.fullmatch(text):
            raise _Skip
        value = float(text)
    low, high = getattr(info, "min", None), getattr(info, "max", None)
    if (low is not None and value < low) or (high is not None and value > high):
        raise _Skip
    return value
