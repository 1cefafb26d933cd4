"""Secrets never land in the store: find them in the environment and argv, scrub them out.

A variable whose name contains one of :data:`SECRET_WORDS`, a credential inside a URL, and
the value of an option named like ``--token`` or ``--api-key`` are secrets. Their values are
replaced by :data:`REDACTED` in the context, and a :class:`Scrubber` removes their bytes from
the console before it is stored (training scripts print their argv and config).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import unquote

REDACTED = "[redacted]"
SECRET_WORDS = (
    "KEY",
    "TOKEN",
    "SECRET",
    "PASSWORD",
    "PASSWD",
    "CREDENTIAL",
    "AUTH",
    "COOKIE",
    "PRIVATE",
)
# Within a name, or as whole words only (PAT in GITHUB_PAT but not PATH; DB_PASS; MYSQL_PWD but
# not the shell's PWD).
_SECRET_NAME = re.compile(
    "|".join(SECRET_WORDS) + r"|(?:^|_)(?:PAT|PASS)(?:_|$)|_PWD$", re.IGNORECASE
)
# Options whose value is a secret: --token, --api-key, --api_key, --password, --secret, --hf-token,
# --private-key, --cookie..., and those whose last word is key or pat (--key, --access-key).
_SECRET_OPTION = re.compile(
    r"^-{1,2}(?:[\w.-]*(?:token|api[-_]?key|password|passwd|secret|credential|auth|private|cookie)"
    r"[\w.-]*|(?:[\w.]*[-_])?(?:key|pat|pass))$",
    re.I,
)
# Values shorter than this are not scrubbed from the console: a "1" or "true" would mangle it.
MIN_SCRUB_LENGTH = 6
_NOT_SECRET_VALUES = {"true", "false", "none", "null", "yes", "no"}


def is_secret_name(name: str, extra_words: Iterable[str] = ()) -> bool:
    """True when a variable or key name says it holds a secret (``HF_TOKEN``, ``db.password``)."""
    if _SECRET_NAME.search(name):
        return True
    upper = name.upper()
    return any(word.upper() in upper for word in extra_words)


# -- URLs ----------------------------------------------------------------------------------
# A URL's credentials are found by reading the URL, never by a pattern over it: a password may
# hold raw ``# ? / @ :`` (libpq takes ``postgresql://me:Pw#1?x@host/db`` as it is), and any
# rule that stops at one of them prints the rest. So everything between the user name and the
# *last* ``@`` of the URL is its password: a URL with an ``@`` in its path and a ``:`` before
# it loses a little more to the mask than it has to, never a character of a password.


@dataclass(frozen=True)
class UrlCredentials:
    """Where the secrets of one URL lie in a text (``[start, end)`` spans)."""

    start: int  # the URL's first character (its scheme)
    end: int  # one past its last character
    user: tuple[int, int] | None  # the user name, when the URL has one
    password: tuple[int, int] | None  # the password as written (maybe percent-encoded)
    parameters: tuple[tuple[int, int], ...]  # values of ``?password=`` and other secret keys

    def spans(self) -> list[tuple[int, int]]:
        """Every non-empty secret span, in order."""
        found = [self.password] if self.password else []
        return [span for span in [*found, *self.parameters] if span[1] > span[0]]


def find_urls(text: str, *, whole: bool = False) -> list[UrlCredentials]:
    """Every ``scheme://`` URL in ``text``, read for its credentials.

    A URL ends at whitespace; a ``scheme://`` inside it is part of it (a password may hold
    ``://``, and two URLs joined by a comma are masked as one). With ``whole`` the text is one
    URL from its first ``scheme://`` to its end (a ``--store`` value, where a raw space may be
    part of a password). Linear in the length of the text.
    """
    found: list[UrlCredentials] = []
    position = 0
    while True:
        start = _next_url(text, position)
        if start is None:
            return found
        begin, body = start
        if whole:
            end = len(text)
        else:
            space = _WHITESPACE.search(text, body)
            end = space.start() if space else len(text)
        found.append(_read_url(text, begin, body, end))
        if whole or end >= len(text):
            return found
        position = end


def _next_url(text: str, position: int) -> tuple[int, int] | None:
    """(scheme start, body start) of the first ``scheme://`` at or after ``position``; the
    scheme is looked for backwards no further than ``position`` (no backtracking)."""
    while True:
        mark = text.find("://", position)
        if mark == -1:
            return None
        start = mark
        while start > position and text[start - 1] in _SCHEME_CHARACTERS:
            start -= 1
        while start < mark and text[start] not in _LETTERS:  # a scheme begins with a letter
            start += 1
        if start < mark:
            return start, mark + 3
        position = mark + 3


def _read_url(text: str, start: int, body: int, end: int) -> UrlCredentials:
    user = password = None
    after_userinfo = body
    at = text.rfind("@", body, end)
    if at != -1:
        colon = text.find(":", body, at)
        user = (body, colon if colon != -1 else at)
        if colon != -1:
            password = (colon + 1, at)
        after_userinfo = at + 1
    parameters = []
    query = text.find("?", after_userinfo, end)
    position = query + 1
    while query != -1 and position <= end:
        amp = text.find("&", position, end)
        item_end = amp if amp != -1 else end
        equals = text.find("=", position, item_end)
        if equals != -1 and is_secret_name(unquote(text[position:equals])):
            # To the end of the URL: a raw & # or ? may be part of the value, as for libpq.
            parameters.append((equals + 1, end))
            break
        if amp == -1:
            break
        position = amp + 1
    return UrlCredentials(start, end, user, password, tuple(parameters))


_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_SCHEME_CHARACTERS = _LETTERS | frozenset("0123456789+.-")
_WHITESPACE = re.compile(r"\s")


def redact_url(text: str, mask: str = REDACTED, *, whole: bool = False) -> str:
    """``text`` with the password of every URL in it (``scheme://user:PASSWORD@host``, and
    ``?password=`` or another secret-named parameter) replaced by ``mask``.

    Args:
        whole: the text is one URL (see :func:`find_urls`).
    """
    spans = [span for url in find_urls(text, whole=whole) for span in url.spans()]
    if not spans:
        return text
    pieces, position = [], 0
    for begin, end in spans:
        pieces += [text[position:begin], mask]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def url_secrets(text: str, *, whole: bool = False) -> list[str]:
    """The passwords inside URLs in ``text``, as written and percent-decoded."""
    found: list[str] = []
    for url in find_urls(text, whole=whole):
        for begin, end in url.spans():
            raw = text[begin:end]
            found += [raw] if unquote(raw) == raw else [raw, unquote(raw)]
    return found


def url_without_password(url: str) -> str:
    """The URL with its password and secret parameters left out (``scheme://user@host/db``),
    for a command to paste: the password then comes from PGPASSWORD, ~/.pgpass or a prompt.
    """
    found = find_urls(url, whole=True)
    if not found:
        return url
    parsed = found[0]
    cuts: list[tuple[int, int]] = []
    if parsed.password is not None:
        cuts.append((parsed.password[0] - 1, parsed.password[1]))  # ":password"
    for begin, end in parsed.parameters:  # "key=value" to the end, with its "?" or "&"
        cuts.append((begin - len(_key_before(url, begin)) - 2, end))
    text, shift = url, 0
    for begin, end in sorted(cuts):
        text = text[: begin - shift] + text[end - shift :]
        shift += end - begin
    return text.rstrip("?")


def _key_before(url: str, value_start: int) -> str:
    """The parameter name whose value starts at ``value_start`` (after its "=")."""
    equals = value_start - 1
    start = max(url.rfind("&", 0, equals), url.rfind("?", 0, equals)) + 1
    return url[start:equals]


def strip_url_credentials(text: str) -> str:
    """``text`` with the whole ``user:password@`` of every URL in it left out (git remotes)."""
    pieces, position = [], 0
    for url in find_urls(text):
        if url.user is not None:
            userinfo_end = (url.password or url.user)[1] + 1  # past the "@"
            pieces += [text[position : url.user[0]]]
            position = userinfo_end
    pieces.append(text[position:])
    return "".join(pieces)


def redact_environment(
    env: Mapping[str, str], extra_words: Iterable[str] = ()
) -> tuple[dict[str, str], list[str]]:
    """Return the environment with secrets redacted, and the secret values found."""
    extra = tuple(extra_words)
    clean: dict[str, str] = {}
    secrets: list[str] = []
    for name, value in env.items():
        if is_secret_name(name, extra):
            clean[name] = REDACTED
            secrets.append(value)
        else:
            found = url_secrets(value)
            secrets += found
            clean[name] = redact_url(value) if found else value
    return clean, secrets


def redact_argv(argv: list[str], extra_words: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """Return argv with secret option values redacted, and the secret values found.

    Handles ``--token X``, ``--token=X``, Hydra-style ``api_key=X`` and URLs with credentials.
    """
    extra = tuple(extra_words)
    clean: list[str] = []
    secrets: list[str] = []
    redact_next = False
    for arg in argv:
        if redact_next:
            clean.append(REDACTED)
            secrets.append(arg)
            redact_next = False
            continue
        if arg.startswith("-") and "=" in arg:
            option, value = arg.split("=", 1)
            if _SECRET_OPTION.match(option) or _is_extra(option, extra):
                clean.append(f"{option}={REDACTED}")
                secrets.append(value)
                continue
        elif arg.startswith("-") and (_SECRET_OPTION.match(arg) or _is_extra(arg, extra)):
            clean.append(arg)
            redact_next = True
            continue
        elif "=" in arg and not arg.startswith("-"):
            key, value = arg.split("=", 1)
            if re.fullmatch(r"[+~]*[\w.]+", key) and is_secret_name(key.rsplit(".", 1)[-1], extra):
                clean.append(f"{key}={REDACTED}")
                secrets.append(value)
                continue
        found = url_secrets(arg)
        secrets += found
        clean.append(redact_url(arg) if found else arg)
    return clean, secrets


def _is_extra(option: str, extra: tuple[str, ...]) -> bool:
    upper = option.upper()
    return any(word.upper() in upper for word in extra)


def scrubbable(values: Iterable[str]) -> list[bytes]:
    """The secret values worth scrubbing from output, as bytes, longest first."""
    found = {
        value.encode("utf-8", "surrogateescape")
        for value in values
        if value and len(value) >= MIN_SCRUB_LENGTH and value.lower() not in _NOT_SECRET_VALUES
    }
    return sorted(found, key=len, reverse=True)


class Scrubber:
    """Replaces secret byte strings in a stream of chunks, also across chunk boundaries.

    Only an end of a chunk that could begin a secret is held back until the next chunk (or
    :meth:`flush`), so a secret split between two reads is still found, and a console line is
    stored at once unless its last bytes are the start of a secret.
    """

    def __init__(self, secrets: Iterable[bytes]) -> None:
        self._secrets = [s for s in secrets if s]
        self._pattern = (
            re.compile(b"|".join(re.escape(s) for s in self._secrets)) if self._secrets else None
        )
        self._hold = max((len(s) for s in self._secrets), default=1) - 1
        self._first_bytes = frozenset(s[0] for s in self._secrets)
        self._tail = b""
        self._replacement = REDACTED.encode()

    def __bool__(self) -> bool:
        return self._pattern is not None

    def feed(self, data: bytes) -> bytes:
        """Scrub ``data``; return the bytes safe to store now."""
        if self._pattern is None:
            return data
        data = self._pattern.sub(self._replacement, self._tail + data)
        keep = self._unfinished(data)
        self._tail = data[keep:]
        return data[:keep]

    def _unfinished(self, data: bytes) -> int:
        """Where the longest end of ``data`` that a secret begins with starts (len: none)."""
        first, secrets = self._first_bytes, self._secrets
        for start in range(max(0, len(data) - self._hold), len(data)):
            if data[start] in first:
                end = data[start:]
                if any(secret.startswith(end) for secret in secrets):
                    return start
        return len(data)

    def flush(self) -> bytes:
        """Return what was held back."""
        tail, self._tail = self._tail, b""
        return self._pattern.sub(self._replacement, tail) if self._pattern else tail

    def scrub(self, data: bytes) -> bytes:
        """Scrub one self-contained byte string (not a stream)."""
        return self._pattern.sub(self._replacement, data) if self._pattern else data

    def scrub_text(self, text: str) -> str:
        """Scrub one string."""
        if self._pattern is None:
            return text
        return self.scrub(text.encode("utf-8", "surrogateescape")).decode(
            "utf-8", "surrogateescape"
        )
