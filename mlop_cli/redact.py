"""Secrets never land in the store: find them in the environment and argv, scrub them out.

A variable whose name contains one of :data:`SECRET_WORDS`, a credential inside a URL, and
the value of an option named like ``--token`` or ``--api-key`` are secrets. Their values are
replaced by :data:`REDACTED` in the context, and a :class:`Scrubber` removes their bytes from
the console before it is stored (training scripts print their argv and config).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

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
_URL_CREDENTIALS = re.compile(
    r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)(?P<user>[^/\s:@]*):(?P<password>[^/\s@]+)@"
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


def redact_url(text: str) -> str:
    """Replace the password in ``scheme://user:password@host`` with :data:`REDACTED`."""
    return _URL_CREDENTIALS.sub(lambda m: f"{m['scheme']}{m['user']}:{REDACTED}@", text)


def url_secrets(text: str) -> list[str]:
    """The passwords inside URLs in ``text``."""
    return [m["password"] for m in _URL_CREDENTIALS.finditer(text)]


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
