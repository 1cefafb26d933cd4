"""Secrets never land in the store: find them in the environment and argv, scrub them out.

A variable whose name contains one of :data:`SECRET_WORDS`, a credential inside a URL, and
the value of an option named like ``--token`` or ``--api-key`` are secrets. Their values are
replaced by :data:`REDACTED` in the context, and a :class:`Scrubber` removes their bytes from
the console before it is stored (training scripts print their argv and config).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any
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
    "PASSPHRASE",
    "BEARER",
)
# Within a name, or as whole words only (PAT in GITHUB_PAT but not PATH; DB_PASS; MYSQL_PWD but
# not the shell's PWD).
# Not a look-alike: TOKENIZER, MAX_TOKENS and AUTHOR hold no secret (and `--tokenizer gpt2`,
# `--max-new-tokens 256` are hyperparameters to keep); AUTHORIZATION does (an HTTP header).
_NOT_QUITE = {"TOKEN": "TOKEN(?!IZ|S(?![A-Z]))", "AUTH": "AUTH(?!OR(?!IZ))"}
_SECRET_NAME = re.compile(
    "|".join(_NOT_QUITE.get(word, word) for word in SECRET_WORDS)
    + r"|(?:^|_)(?:PAT|PASS)(?:_|$)|_PWD$",
    re.IGNORECASE,
)
# Options whose value is a secret: --token, --api-key, --api_key, --password, --secret, --hf-token,
# --private-key, --cookie..., and those whose last word is key or pat (--key, --access-key).
_SECRET_OPTION = re.compile(
    r"^-{1,2}(?:[\w.-]*(?:token(?!iz|s(?![a-z]))|api[-_]?key|password|passwd|secret|credential"
    r"|auth(?!or(?!iz))|private|cookie|passphrase|bearer)"
    r"[\w.-]*|(?:[\w.]*[-_])?(?:key|pat|pass))$",
    re.I,
)
# Values shorter than this are not scrubbed from the console: a "1" or "true" would mangle it.
MIN_SCRUB_LENGTH = 6
_NOT_SECRET_VALUES = {"true", "false", "none", "null", "yes", "no"}


MIN_SECRET_LENGTH = 4
_MAX_OPTION_LENGTH = 128
_MAX_SCHEME = 32
_RAW_WINDOW = 256  # how far past a raw / ? # a password's @ is looked for
# What a URL's authority, and a URL, run up to (the pattern matches everything before).
_AUTHORITY_END = re.compile(r"[^/?#\"'<>`\\\s]*")
_WORD_END = re.compile(r"[^\"'<>`\\\s]*")
_WEBHOOK_HOSTS = frozenset(
    {"hooks.slack.com", "discord.com", "discordapp.com", "hooks.zapier.com", "outlook.office.com"}
)
# Well-known token formats, in one pattern (one pass; its first characters let the engine skip
# ahead). Each repetition is bounded, so a match attempt costs at most a few hundred steps:
# linear time. A match inside a longer word (`task-...` holds `sk-`) is dropped afterwards.
_TOKENS = re.compile(
    r"gh[pousr]_[A-Za-z0-9]{30,255}"  # GitHub
    r"|github_pat_[A-Za-z0-9_]{22,255}"
    r"|glpat-[A-Za-z0-9_-]{20,255}"  # GitLab
    r"|xox[abposr]-[A-Za-z0-9-]{10,255}"  # Slack
    r"|sk-[A-Za-z0-9_-]{20,255}"  # OpenAI, Anthropic
    r"|[sr]k_(?:live|test)_[A-Za-z0-9]{16,255}"  # Stripe
    r"|hf_[A-Za-z0-9]{30,255}"  # Hugging Face
    r"|AIza[0-9A-Za-z_-]{35}"  # Google
    r"|(?:AKIA|ASIA)[0-9A-Z]{16}(?![0-9A-Za-z])"  # AWS access key id
)
# The credentials after an HTTP authorization scheme (`Authorization: Bearer <token>`, as curl's
# `-H` or a script's headers hold them): a word with a digit, or a long one (not `Basic
# statistics` in prose).
_SCHEME_CREDENTIALS = re.compile(
    r"(?<![\w-])(?:[Bb]earer|BEARER|[Bb]asic|BASIC)[ ]{1,4}"
    r"(?P<token>(?=[A-Za-z0-9._~+/=-]{0,4095}[0-9])[A-Za-z0-9._~+/=-]{8,4096}"
    r"|[A-Za-z0-9._~+/=-]{20,4096})"
)
# A JWT; tried only where a run of its characters begins (the lookbehind), so `eyJeyJ...` costs
# one attempt, not one per `eyJ`.
_JWT = re.compile(r"(?<![\w-])eyJ[\w-]{8,4096}\.eyJ[\w-]{8,4096}\.[\w-]{8,4096}")
_PRIVATE_KEY_BEGIN = re.compile(r"-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----")
_PRIVATE_KEY_END = "-----END "
# `name = value`, `name: value`, `"name": "value"`, `Name=value;` (connection strings), with the
# name starting a word; the value is read after it (_value_end). The name decides
# (is_secret_name), not this pattern.
_ASSIGNMENT = re.compile(
    r"(?<![\w.-])-{0,2}(?P<name>[A-Za-z_][\w.-]{0,127})[\"']?[ \t]{0,16}(?:=(?!=)|:(?![/\\]))[ \t]{0,16}"
)
_UNQUOTED_VALUE = re.compile(r"[^\s\"',;&)}\]]{0,4096}")
_MAX_VALUE = 4096

# Names secret only inside text: a connection string's Pwd, a SAS token's sig (the variable
# PWD is the shell's folder).
_TEXT_SECRET_NAMES = frozenset({"pwd", "sig", "signature", "x-amz-signature"})
# Code, not a literal: a dotted or called name (`args.token`, `get_key(`), or a short word
# without digits (`str`, `len`, `None`, `self`).
_CODE_VALUE = re.compile(
    r"[A-Za-z_]\w{0,127}(?:\.[A-Za-z_]\w{0,127}){1,16}[(\[]?|[A-Za-z_]\w{0,127}[(\[]|[A-Za-z_]{1,6}"
)


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
    # Other readings of the same characters: a password ended at the authority's ``@``
    # (``u:p@ss@host/?to=a@b.com``) inside the widest reading, which ends at the last ``@``.
    # Both are secrets (a scrubbed console must lose either); the widest one is masked.
    narrower: tuple[tuple[int, int], ...] = ()


def find_urls(text: str, *, whole: bool = False) -> list[UrlCredentials]:
    """Every ``scheme://`` URL in ``text``, read for its credentials.

    A URL ends at whitespace. A ``scheme://`` inside it begins a URL of its own (two URLs
    joined by a comma) and is also part of the first (a password may hold ``://``). With
    ``whole`` the text is one URL from its first ``scheme://`` to its end (a ``--store`` value,
    where a raw space may be part of a password). Linear in the length of the text.
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
        # The URLs inside this one: each read up to the next one's scheme.
        segments = [(begin, body)]
        while (inner := _next_url(text, segments[-1][1], end)) is not None:
            segments.append(inner)
        widest = _read_url(text, begin, body, end)
        for index, (seg_begin, seg_body) in enumerate(segments):
            seg_end = segments[index + 1][0] if index + 1 < len(segments) else end
            url = _read_url(text, seg_begin, seg_body, seg_end, narrow=True)
            if index == 0:
                spans = {*url.parameters, *([url.password] if url.password else [])}
                narrower = spans - {widest.password, *widest.parameters}
                found.append(replace(widest, narrower=tuple(sorted(narrower))))
            elif url.user is not None or url.parameters:
                found.append(url)
        if whole or end >= len(text):
            return found
        position = end


def _next_url(text: str, position: int, limit: int | None = None) -> tuple[int, int] | None:
    """(scheme start, body start) of the first ``scheme://`` at or after ``position`` (and
    before ``limit``); the scheme is looked for backwards no further than ``position``."""
    while True:
        mark = text.find("://", position, len(text) if limit is None else limit)
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


def _read_url(
    text: str, start: int, body: int, end: int, *, narrow: bool = False
) -> UrlCredentials:
    """The credentials of the URL ``text[start:end]``: its password runs from the first ``:``
    to the last ``@`` (a password may hold raw ``# ? / @ :``, as libpq takes it); ``narrow``
    ends it at the authority's last ``@`` instead, when the authority has one."""
    user = password = None
    after_userinfo = body
    if narrow:
        authority_end = _scan(text, body, _AUTHORITY_END, end)
        at = text.rfind("@", body, authority_end)
        if at == -1 and text.find(":", body, authority_end) != -1:
            at = text.rfind("@", authority_end, end)  # `me:Pw#1?x@host`
    else:
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
    spans = _merged(_url_secret_spans(text, whole=whole))
    if not spans:
        return text
    pieces, position = [], 0
    for begin, end in spans:
        pieces += [text[position:begin], mask]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def url_secrets(text: str, *, whole: bool = False) -> list[str]:
    """The secrets inside URLs in ``text`` (passwords, secret parameters, token user names,
    webhook paths), as written and percent-decoded."""
    found: list[str] = []
    for raw in _texts(text, sorted(set(_url_secret_spans(text, whole=whole)))):
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


def text_secrets(text: str, extra_words: Iterable[str] = ()) -> list[str]:
    """The secret values inside free text: an environment value, an argument, a diff.

    Found: passwords and token user names in URLs, Slack webhook paths, the values of
    secret-named keys in ``key=value`` and ``key: value`` forms (connection strings' AccountKey,
    Password...; ``API_KEY = "..."`` in code), well-known token formats and private key blocks.
    Every pattern is anchored on a literal or a word start and bounded, so the cost is linear in
    the length of the text whatever it holds (a backtracking pattern once cost 11.8 s on a
    60 KB environment value before the command started).
    """
    return _texts(text, secret_spans(text, extra_words, merged=False))


def redact_text(text: str, extra_words: Iterable[str] = ()) -> str:
    """``text`` with every secret :func:`text_secrets` finds replaced by :data:`REDACTED`."""
    return _replaced(text, secret_spans(text, extra_words))


def secret_spans(
    text: str, extra_words: Iterable[str] = (), *, merged: bool = True
) -> list[tuple[int, int]]:
    """Where the secrets of free text are: sorted, disjoint ``(start, end)`` spans to mask, or
    (not ``merged``) every secret found, overlapping where a text reads two ways."""
    if len(text) < MIN_SECRET_LENGTH:
        return []
    extra = tuple(extra_words)
    spans = _url_secret_spans(text) if "://" in text else []
    spans += _form_spans(text)
    if "=" not in text and ":" not in text:
        return _merged(spans) if merged else sorted(set(spans))
    secret_name: dict[str, bool] = {}  # names repeat: decide each once
    position = 0
    while assignment := _ASSIGNMENT.search(text, position):
        position = assignment.end()
        name = assignment["name"]
        secret = secret_name.get(name)
        if secret is None:
            secret = secret_name[name] = (
                is_secret_name(name, extra) or name.lower() in _TEXT_SECRET_NAMES
            )
        if not secret:
            continue  # the value may hold a name of its own (`--env=API_KEY=X`): read on
        start, end = _value_span(text, position)
        if end > start and _looks_like_a_value(text[start:end], quoted=text[start - 1 : start]):
            spans.append((start, end))
            position = end  # one read of the value: linear however many names it holds
    return _merged(spans) if merged else sorted(set(spans))


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The distinct texts of ``spans``, in order."""
    return list(dict.fromkeys(text[start:end] for start, end in spans))


def _private_key_spans(text: str) -> list[tuple[int, int]]:
    """PEM private key blocks, BEGIN to END (to the end of the text when the END is missing)."""
    spans: list[tuple[int, int]] = []
    position = 0
    while True:
        match = _PRIVATE_KEY_BEGIN.search(text, position)
        if match is None:
            return spans
        end = text.find(_PRIVATE_KEY_END, match.end())
        end = len(text) if end < 0 else end
        spans.append((match.end(), end))
        position = max(end, match.end())


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _url_secret_spans(text: str, *, whole: bool = False) -> list[tuple[int, int]]:
    """Spans of URL passwords, secret parameters, token-like user names and webhook paths
    (overlapping where a URL reads two ways: see :class:`UrlCredentials`)."""
    return [span for url in find_urls(text, whole=whole) for span in _url_spans(text, url, whole)]


def _url_spans(text: str, url: UrlCredentials, whole: bool) -> list[tuple[int, int]]:
    spans = [*url.parameters, *url.narrower]
    host_start = text.find("://", url.start) + 3
    if url.password is not None:
        password = text[url.password[0] : url.password[1]]
        # In free text, host:443/users/me@example.com is a port and a path, not a password.
        if whole or not ("/" in password and password.split("/", 1)[0].isdigit()):
            spans.append(url.password)
            host_start = url.password[1] + 1
    elif url.user is not None and _is_token_user(text[url.user[0] : url.user[1]]):
        # https://<token>@github.com/..., Sentry's https://<key>@o1.ingest.sentry.io/1
        spans.append(url.user)
        host_start = url.user[1] + 1
    host_end = min(_scan(text, host_start, _AUTHORITY_END), url.end)
    host = text[host_start:host_end].lower().rsplit("@", 1)[-1].split(":", 1)[0]
    if host in _WEBHOOK_HOSTS or host.endswith(".webhook.office.com"):
        path_end = min(_scan(text, host_end, _WORD_END), url.end)
        if path_end - host_end > 1:
            spans.append((host_end + 1, path_end))  # the path is the secret
    return sorted({span for span in spans if span[1] > span[0]})


def _scan(text: str, start: int, stops: re.Pattern[str], limit: int | None = None) -> int:
    """The first index from ``start`` (up to ``limit``) whose character is one of ``stops``."""
    match = stops.match(text, start, len(text) if limit is None else limit)
    return match.end() if match else start


def _is_token_user(user: str) -> bool:
    """A user name that is a key: long, of letters and digits both (not ``git`` or ``oauth2``)."""
    return (
        20 <= len(user) <= 256
        and all(c.isalnum() or c in "_-.~%" for c in user)
        and any(c.isdigit() for c in user)
        and any(c.isalpha() for c in user)
    )


def _value_span(text: str, start: int) -> tuple[int, int]:
    """Where the value after a name and its ``=`` or ``:`` is: inside quotes, or up to a delimiter."""
    quote = text[start : start + 1]
    if quote in ('"', "'"):
        end = text.find(quote, start + 1, start + 1 + _MAX_VALUE)
        newline = text.find("\n", start + 1, end if end >= 0 else start + 1 + _MAX_VALUE)
        if end < 0 or newline >= 0:
            return start, start
        return start + 1, end
    match = _UNQUOTED_VALUE.match(text, start)
    return start, match.end() if match else start


def _looks_like_a_value(value: str, quoted: str = "") -> bool:
    """A literal, not code: ``key=len`` or ``token: str`` in a diff is not a secret."""
    if value.lower() in _NOT_SECRET_VALUES or value == REDACTED:
        return False
    if quoted in ('"', "'"):
        return True  # a quoted literal
    return not _CODE_VALUE.fullmatch(value)


def redact_environment(
    env: Mapping[str, str], extra_words: Iterable[str] = ()
) -> tuple[dict[str, str], list[str]]:
    """Return the environment with secrets redacted, and the secret values found.

    A secret-named variable is redacted whole; in any other, the secrets free text holds
    (:func:`text_secrets`: a connection string's AccountKey, a webhook URL, a DSN's key).
    """
    extra = tuple(extra_words)
    clean: dict[str, str] = {}
    secrets: list[str] = []
    for name, value in env.items():
        if is_secret_name(name, extra):
            clean[name] = REDACTED
            secrets.append(value)
            continue
        secrets += _texts(value, secret_spans(value, extra, merged=False))
        clean[name] = _replaced(value, secret_spans(value, extra))
    return clean, secrets


def redact_argv(argv: list[str], extra_words: Iterable[str] = ()) -> tuple[list[str], list[str]]:
    """Return argv with secret values redacted (one element per element), and the secrets found.

    Handles ``--token X``, ``--token=X``, ``-token X``, a secret name given as an option's
    value (``-e API_KEY=X``, ``--env=API_KEY=X``, ``--set token X``), Hydra-style
    ``api_key=X``, and whatever :func:`text_secrets` finds in any argument (URLs with
    credentials, webhook URLs, tokens).
    """
    extra = tuple(extra_words)
    clean: list[str] = []
    secrets: list[str] = []
    redact_next = False
    after_option = False
    for arg in argv:
        if redact_next:
            clean.append(REDACTED)
            secrets.append(arg)
            redact_next = after_option = False
            continue
        if arg.startswith("-") and "=" in arg:
            option, value = arg.split("=", 1)
            if _is_secret_option(option, extra):
                clean.append(f"{option}={REDACTED}")
                secrets.append(value)
                after_option = False
                continue
        elif arg.startswith("-") and _is_secret_option(arg, extra):
            clean.append(arg)
            redact_next = True
            continue
        elif after_option and _is_secret_option("--" + arg, extra):
            # `-e TOKEN VALUE`, `--set password VALUE`: the name is the option's value.
            clean.append(arg)
            redact_next = True
            continue
        after_option = arg.startswith("-") and len(arg) > 1 and "=" not in arg
        secrets += _texts(arg, secret_spans(arg, extra, merged=False))
        clean.append(_replaced(arg, secret_spans(arg, extra)))
    return clean, secrets


def _is_secret_option(option: str, extra: tuple[str, ...]) -> bool:
    # A name longer than any real option is not one (and the pattern stays cheap).
    if len(option) > _MAX_OPTION_LENGTH or not option.startswith("-"):
        return False
    return bool(_SECRET_OPTION.match(option)) or _is_extra(option, extra)


def _replaced(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    out: list[str] = []
    position = 0
    for start, end in spans:
        out += [text[position:start], REDACTED]
        position = end
    out.append(text[position:])
    return "".join(out)


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


_PIECE = 256


def _pieces(secret: bytes) -> list[bytes]:
    """``secret`` cut into nearly equal consecutive pieces of at most 256 bytes."""
    count = -(-len(secret) // _PIECE)
    size = -(-len(secret) // count)
    return [secret[start : start + size] for start in range(0, len(secret), size)]


def _literal_pattern(literals: list[bytes]) -> re.Pattern[bytes]:
    """A pattern matching any of ``literals``, the longest at a position, as a prefix tree.

    An alternation of many literals tries each at every byte of the console; the tree follows
    one path, so a position costs one step unless it begins a secret.
    """
    tree: dict[int, Any] = {}
    for literal in literals:
        node = tree
        for byte in literal:
            node = node.setdefault(byte, {})
        node[-1] = {}  # a literal ends here
    try:
        return re.compile(_tree_pattern(tree))
    except (RecursionError, re.error, OverflowError):  # a tree too deep for the compiler
        return re.compile(b"|".join(re.escape(literal) for literal in literals))


def _tree_pattern(node: dict[int, Any]) -> bytes:
    branches: list[bytes] = []
    for byte, child in node.items():
        if byte < 0:
            continue
        run = bytes([byte])
        while len(child) == 1 and -1 not in child:  # a chain: one literal run
            ((byte, child),) = child.items()
            run += bytes([byte])
        branches.append(re.escape(run) + _tree_pattern(child))
    if not branches:
        return b""
    body = branches[0] if len(branches) == 1 else b"(?:" + b"|".join(branches) + b")"
    if -1 in node:
        return b"(?:" + body + b")?"  # greedy: the longer secret first, else this one
    return body


class Scrubber:
    """Replaces secret byte strings in a stream of chunks, also across chunk boundaries.

    Only an end of a chunk that could begin a secret is held back until the next chunk (or
    :meth:`flush`), so a secret split between two reads is still found, and a console line is
    stored at once unless its last bytes are the start of a secret.
    """

    def __init__(self, secrets: Iterable[bytes]) -> None:
        # A long secret (a 60 KB variable) is matched as pieces of at most 256 bytes that
        # partition it: a match attempt then costs at most 256 steps, and the held-back tail is
        # under 256 bytes, whatever the secrets are.
        self._secrets = sorted(
            {piece for secret in secrets if secret for piece in _pieces(secret)},
            key=len,
            reverse=True,
        )
        self._pattern = _literal_pattern(self._secrets) if self._secrets else None
        self._hold = max((len(s) for s in self._secrets), default=1) - 1
        self._by_first_byte: dict[int, list[bytes]] = {}
        for secret in self._secrets:
            self._by_first_byte.setdefault(secret[0], []).append(secret)
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
        by_first_byte = self._by_first_byte
        for start in range(max(0, len(data) - self._hold), len(data)):
            candidates = by_first_byte.get(data[start])
            if candidates:
                end = data[start:]
                if any(secret.startswith(end) for secret in candidates):
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


# -- secrets a script prints --------------------------------------------------------------
# What mlop was never shown (a token read from a file and printed, a config dumped with its
# password) is found in the stored console by its form: well-known token formats, JWTs,
# private key blocks, the credentials after an HTTP scheme, and values of names that can only
# mean a secret (`password=`, `api_key:`, `"access_token": "…"`; not `key_dim`, `max_tokens`).
# A chunk without any of these literals, lowered (nearly every chunk of a training's output),
# costs a few searches of C code; only a chunk holding one is read further.
_CONSOLE_HINTS = (
    b"gh", b"glpat-", b"xox", b"sk-", b"k_live_", b"k_test_", b"hf_", b"aiza", b"akia", b"asia",
    b"eyj", b"private", b"bearer ", b"basic ", b"pass", b"secret", b"api", b"access",
    b'token"', b"token'", b"token:", b"token=", b"token =",
)  # fmt: skip
# Names that can only hold a secret, once lowered with `-`, `.` and spaces as `_`.
_CONSOLE_SECRET_NAME = re.compile(
    r"(?:^|_)(?:pass(?:word|wd|phrase)|secret(?:_key|_access_key)?|client_secret|api_?key"
    r"|access_?key|private_?key|(?:auth|access|api|refresh|bearer|session|id|hf|gh|github"
    r"|wandb|slack|openai)_?token)$|^token$"
)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_NUMERIC_VALUE = re.compile(r"[-+]?(?:\d[\d,]*\.?\d*|\.\d+)(?:[eE][-+]?\d+)?%?")
_LAST_WORD = re.compile(rb"[^\s\"'=:,;]+[ ]?\Z")  # (`bearer ` ends its hint with a space)
_LOWERED = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")
_HOLD_LINE = 4096  # a partial line held back whole at most; past it, only its last word
_HOLD_KEY = 16384  # a private key block held back whole at most


def _hinted(data: bytes) -> bool:
    """Whether ``data`` holds one of _CONSOLE_HINTS. Each hint costs a pass over what is
    searched, so only the distinct lines are searched, lowered and without digits (no hint has
    one): a training's lines differ in their numbers, so a chunk of them is a few lines."""
    lines = set(data.translate(_LOWERED, b"0123456789").split(b"\n"))
    distinct = b"\n".join(lines)
    return any(hint in distinct for hint in _CONSOLE_HINTS)


def _console_secret_name(name: str) -> bool:
    lowered = _CAMEL.sub("_", name).lower().replace("-", "_").replace(".", "_").replace(" ", "_")
    return _CONSOLE_SECRET_NAME.search(lowered) is not None


def _form_spans(text: str) -> list[tuple[int, int]]:
    """Secrets known by their form alone: well-known token formats (not inside a longer word:
    `task-…` holds `sk-`), JWTs, the credentials after Bearer or Basic, private key blocks."""
    spans = []
    for match in _TOKENS.finditer(text):
        start = match.start()
        if start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_-"):
            spans.append(match.span())
    if "eyJ" in text:
        spans += [match.span() for match in _JWT.finditer(text)]
    if "earer" in text or "asic" in text or "EARER" in text or "ASIC" in text:
        spans += [match.span("token") for match in _SCHEME_CREDENTIALS.finditer(text)]
    if "PRIVATE KEY" in text:
        spans += _private_key_spans(text)
    return spans


def console_secret_spans(text: str) -> list[tuple[int, int]]:
    """Where the secrets a script printed are, by their form alone (see _CONSOLE_HINTS)."""
    spans = _form_spans(text)
    position = 0
    while assignment := _ASSIGNMENT.search(text, position):
        position = assignment.end()
        if not _console_secret_name(assignment["name"]):
            continue
        start, end = _value_span(text, position)
        value = text[start:end]
        if text.startswith(REDACTED, start):
            position = start + len(REDACTED)  # (scrubbed already: a secret mlop knew of)
            continue
        if (
            len(value) >= MIN_SCRUB_LENGTH
            and _looks_like_a_value(value, quoted=text[start - 1 : start])
            and not _NUMERIC_VALUE.fullmatch(value)
            and value not in ("<hidden>", "******")  # (masked already by the script)
        ):
            spans.append((start, end))
            position = end
    return _merged(spans)


class FormScrubber:
    """A stream's console with the secrets found by their form scrubbed
    (:func:`console_secret_spans`); those mlop knows of are :class:`Scrubber`'s.

    A chunk's last partial line is held back until its line ends (at most ``_HOLD_LINE``
    bytes; a longer one keeps only its last word), so a token split between two reads is still
    found; an unfinished private key block is held back whole (at most ``_HOLD_KEY``)."""

    def __init__(self) -> None:
        self._tail = b""
        self._replacement = REDACTED.encode()

    def feed(self, data: bytes) -> bytes:
        """Scrub ``data``; return the bytes safe to store now."""
        if self._tail:
            data = self._tail + data
        cut = self._safe_end(data)
        self._tail = data[cut:]
        return self._scrubbed(data[:cut] if cut < len(data) else data)

    def flush(self) -> bytes:
        """Return what was held back, scrubbed."""
        data, self._tail = self._tail, b""
        return self._scrubbed(data)

    def _safe_end(self, data: bytes) -> int:
        """Where the bytes that may be scanned and stored now end: all of them, but for a last
        partial line that holds a hint of a secret, ends as one begins (`… ghp_12`, `…
        Authorization: Bea`) or ends inside a word (a name may go on); a line that holds none
        and ends after a word (`Training...`, a prompt `name? `, a bar's `…it/s]`) is stored at
        once."""
        end = max(data.rfind(b"\n"), data.rfind(b"\r")) + 1
        begin = data.rfind(b"-----BEGIN ")
        if begin >= 0 and b"PRIVATE KEY" in data[begin : begin + 64]:
            finish = data.find(b"-----END ", begin + 11)
            closing = data.find(b"-----", finish + 9) if finish >= 0 else -1
            if closing < 0 and len(data) - begin <= _HOLD_KEY:
                return begin  # a key block still being printed: held back whole
            if closing >= 0:
                end = max(end, closing + 5)  # (its block scanned whole, to its last dashes)
        if end == len(data):
            return end
        partial = data[end:].lower()
        if len(partial) > _HOLD_LINE:
            # A long partial line (a bar redrawn without a line end): up to its last word.
            space = max(data.rfind(b" "), data.rfind(b"\t"))
            return space + 1 if space >= len(data) - _HOLD_LINE else len(data)
        if partial[-1:].isalnum() or partial[-1:] in b"_-":
            return end  # (a name may go on in the next chunk: `pad_` then `token: <pad>`)
        if b"-----" in partial or any(hint in partial for hint in _CONSOLE_HINTS):
            return end  # (`-----BEGIN `: maybe a key block's first line)
        word = _LAST_WORD.search(partial)
        if word is not None and any(hint.startswith(word.group()) for hint in _CONSOLE_HINTS):
            return end
        return len(data)

    def _scrubbed(self, data: bytes) -> bytes:
        if not data:
            return data
        if not _hinted(data):
            return data
        text = data.decode("latin-1")  # one character a byte: spans are byte offsets
        spans = console_secret_spans(text)
        if not spans:
            return data
        out = bytearray()
        last = 0
        for start, end in spans:
            out += data[last:start] + self._replacement
            last = end
        out += data[last:]
        return bytes(out)
