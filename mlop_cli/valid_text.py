"""Text as SQLite, JSON and HTML take it: valid UTF-8, whatever bytes argv or a path held."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def shown_text(text: str) -> str:
    """``text`` as valid UTF-8: bytes that were not (``surrogateescape``'d by Python from argv,
    the environment or a path) become ``\\xNN`` escapes, everything else unchanged.

    SQLite, JSON readers and the HTML report take only valid text: a non-UTF-8 working folder,
    ``--name`` or ``--tag`` lost the whole run, and a non-UTF-8 argument made ``mlop report``
    crash. The exact bytes are kept beside, as hex (:func:`exact_bytes`).
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a lone surrogate that stands for no byte
            raw = text.encode("utf-8", "backslashreplace")
        return raw.decode("utf-8", "backslashreplace")
    return text


def shown_params(params: Iterable[Any]) -> tuple[Any, ...]:
    """A query's parameters with every string made :func:`shown_text`: a run reference, a tag
    or a project given in bytes that are not UTF-8 (`mlop show $'n\\xffx'`) finds what
    `mlop run --name $'n\\xffx'` stored, never a traceback."""
    return tuple(shown_text(p) if isinstance(p, str) else p for p in params)
