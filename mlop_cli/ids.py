"""Run ids (globally unique, time-sortable, never from the user-seeded ``random`` module) and names."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable

from mlop_cli.errors import UsageError
from mlop_cli.valid_text import shown_text

# Crockford's base32, lower case: no i, l, o, u, so ids read aloud without confusion.
_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"


def _encode(number: int, width: int) -> str:
    chars = []
    for _ in range(width):
        number, digit = divmod(number, 32)
        chars.append(_ALPHABET[digit])
    return "".join(reversed(chars))


def new_run_id(now: float | None = None) -> str:
    """Return a new 20-character run id: 9 characters of milliseconds, 11 random.

    Ids sort by start time (to the millisecond) and carry 55 random bits from ``os.urandom``,
    so runs started on many nodes at once never collide when their stores are merged.
    """
    millis = int((time.time() if now is None else now) * 1000)
    random_bits = int.from_bytes(os.urandom(7), "big") >> 1  # 55 bits
    return _encode(millis, 9) + _encode(random_bits, 11)


_OLDER = re.compile(r"~\d+$")


def check_run_name(name: str) -> None:
    """Refuse a run name that a run reference would read otherwise.

    ``last`` is the newest run, and ``NAME~N`` the Nth run before the newest named NAME.
    """
    name = name.strip()
    if name == "last":
        raise UsageError("a run cannot be named 'last': `last` always means the newest run")
    if _OLDER.search(name):
        raise UsageError(
            f"a run cannot be named {name!r}: `NAME~N` means the Nth run before the newest named NAME"
        )


def clean_labels(labels: Iterable[str], what: str, exact: bool = False) -> list[str]:
    """Names or tags, once each; a blank one or a run name a reference would read otherwise is
    refused (``what``: `name` or `tag`). Edits (``exact`` False) strip them and refuse control
    characters; `mlop run` (``exact``) keeps them as given, to be stored exactly and shown
    inert."""
    cleaned = []
    for label in labels:
        value = label if exact else shown_text(label).strip()  # (not UTF-8: `\xff`, as stored)
        if not value.strip():
            raise UsageError(f"an empty {what}; give at least one visible character")
        if not exact and any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
            raise UsageError(f"{what} {value!r} holds control characters")
        if what == "name":
            check_run_name(value)
        cleaned.append(value)
    return list(dict.fromkeys(cleaned))
