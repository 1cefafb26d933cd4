"""The console scrubber: secrets replaced across any chunking, and nothing else held back."""

from __future__ import annotations

import copy
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlop_cli.redact import (
    REDACTED,
    FormScrubber,
    Scrubber,
    is_secret_name,
    redact_argv,
    redact_text,
    scrubbable,
    text_secrets,
)

SECRETS = [b"hf_abcdefgh123", b"sk-live-XYZ987", b"pass-word"]
ALPHABET = b"abcdefhsk-_XYZ987pw0123 \n"


def _reference(data: bytes) -> bytes:
    return re.sub(b"|".join(re.escape(s) for s in SECRETS), REDACTED.encode(), data)


@st.composite
def chunked(draw: st.DrawFn) -> list[bytes]:
    """Text mixing secrets, pieces of secrets and other bytes, cut at arbitrary points."""
    pieces = draw(
        st.lists(
            st.one_of(
                st.sampled_from(SECRETS),
                st.sampled_from(SECRETS).map(lambda s: s[: len(s) // 2]),
                st.binary(max_size=12).map(lambda b: bytes(ALPHABET[x % len(ALPHABET)] for x in b)),
            ),
            max_size=12,
        )
    )
    data = b"".join(pieces)
    cuts = sorted(draw(st.lists(st.integers(0, len(data)), max_size=8)))
    bounds = [0, *cuts, len(data)]
    return [data[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


@settings(max_examples=400, deadline=None)
@given(chunked())
def test_any_chunking_gives_what_one_replacement_of_the_whole_gives(chunks: list[bytes]) -> None:
    scrubber = Scrubber(sorted(SECRETS, key=len, reverse=True))
    out = b"".join(scrubber.feed(chunk) for chunk in chunks) + scrubber.flush()
    assert out == _reference(b"".join(chunks))
    for secret in SECRETS:
        assert secret not in out


@settings(max_examples=400, deadline=None)
@given(chunked())
def test_only_a_possible_start_of_a_secret_is_held_back(chunks: list[bytes]) -> None:
    scrubber = Scrubber(SECRETS)
    for chunk in chunks:
        scrubber.feed(chunk)
        held = copy.copy(scrubber).flush()  # what a flush now would give, the stream unchanged
        assert held == b"" or any(s.startswith(held) and s != held for s in SECRETS)


def test_a_line_without_any_secret_start_is_returned_at_once() -> None:
    scrubber = Scrubber([b"hf_abcdefgh123"])
    assert scrubber.feed(b"epoch 1 done loss=0.25\n") == b"epoch 1 done loss=0.25\n"
    assert scrubber.feed(b"token hf_abc") == b"token "
    assert scrubber.feed(b"defgh123 end\n") == b"[redacted] end\n"
    assert scrubber.flush() == b""


@pytest.mark.parametrize(
    ("argv", "secrets"),
    [
        (["--token", "t0k3n-value"], ["t0k3n-value"]),
        (["--api-key=k3y-value"], ["k3y-value"]),
        (["--key", "k3y-value"], ["k3y-value"]),
        (["--access-key", "AKIAXXXX"], ["AKIAXXXX"]),
        (["--private-key", "pk-value"], ["pk-value"]),
        (["--ssh_key=/id"], ["/id"]),
        (["--github-pat", "ghp_x"], ["ghp_x"]),
        (["--pass", "hunter22"], ["hunter22"]),
        (["--cookie", "sid=1"], ["sid=1"]),
        (["wandb.api_key=abc123"], ["abc123"]),
        (["--passphrase", "phrase121212"], ["phrase121212"]),
        (["--bearer", "bear131313"], ["bear131313"]),
        # Hyperparameters that merely look alike stay as they are.
        (["--key-dim", "64", "--keyword", "x", "--passes", "3", "--compass", "n"], []),
        (["-k", "test_x", "--lr", "3e-4", "--patience", "5"], []),
    ],
)
def test_secret_options_are_found_and_look_alikes_are_not(
    argv: list[str], secrets: list[str]
) -> None:
    clean, found = redact_argv(argv)
    assert found == secrets
    for secret in secrets:
        assert not any(secret in arg for arg in clean)


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("HF_TOKEN", True), ("WANDB_API_KEY", True), ("AWS_SECRET_ACCESS_KEY", True),
        ("SSH_AUTH_SOCK", True), ("GITHUB_PAT", True), ("DB_PASS", True), ("MYSQL_PWD", True),
        ("PATH", False), ("PYTHONPATH", False), ("PWD", False), ("OLDPWD", False),
        ("PASSAGE_DIR", False), ("COMPASS", False), ("CUDA_VISIBLE_DEVICES", False),
        ("TOKENIZERS_PARALLELISM", False), ("MAX_TOKENS", False), ("GIT_AUTHOR_NAME", False),
        ("HF_TOKEN_PATH", True), ("GH_AUTH", True),
        ("GPG_PASSPHRASE", True), ("BEARER", True), ("HTTP_AUTHORIZATION", True),
        ("AUTHORITY", False),
    ],
)  # fmt: skip
def test_secret_variable_names(name: str, secret: bool) -> None:
    assert is_secret_name(name) is secret


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        ("postgres://me:pw-secret1@db.example/x", ["pw-secret1"]),
        ("postgresql://user:Pw#Leak?123@host:5432/db", ["Pw#Leak?123"]),  # raw # and ?
        # Two readings (a password may hold `@` and `?`): both are secrets, the wider masked.
        ("https://u:p@ss@host/path?email=a@b.com", ["p@ss", "p@ss@host/path?email=a"]),
        ("a://u:p1@h,b://v:p2@h2/x", ["p1", "p1@h,b://v:p2", "p2"]),
        ("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=abc+/def==;EndpointSuffix=x", ["abc+/def=="]),
        ("Server=tcp:x.net;Database=db;User ID=me;Pwd=hunter2x;Encrypt=true", ["hunter2x"]),
        ("https://acct.blob.core.windows.net/c?sv=2020&sig=abcDEF%2B123&se=x", ["abcDEF%2B123"]),
        ("https://hooks.slack.com/services/T0000/B0000/XXXXXXXX", ["services/T0000/B0000/XXXXXXXX"]),
        ("https://0123456789abcdef0123456789abcdef@o1.ingest.sentry.io/45", ["0123456789abcdef0123456789abcdef"]),
        ("https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/x/y.git", ["ghp_abcdefghijklmnopqrstuvwxyz0123456789"]),
        ('+API_KEY = "sk-live-abcdef"', ["sk-live-abcdef"]),
        ("+  password: changeme9", ["changeme9"]),
        ("+ {'password': 'hunter2'}", ["hunter2"]),
        ("--env=AWS_SECRET_ACCESS_KEY=abc123xyz", ["abc123xyz"]),
        ("-----BEGIN RSA PRIVATE KEY-----\nMIIabc\n-----END RSA PRIVATE KEY-----", ["\nMIIabc\n"]),
        ("token sk-proj-abcdefghijklmnopqrstuvwx in text", ["sk-proj-abcdefghijklmnopqrstuvwx"]),
        # An HTTP authorization header, in argv (curl's -H) or in code (a diff).
        ("Authorization: Bearer argbearer7777777", ["argbearer7777777"]),
        ('+headers = {"Authorization": "Bearer bearerdiff55555555"}', ["Bearer bearerdiff55555555", "bearerdiff55555555"]),
        ("auth: Basic dXNlcjpwYXNzd29yZDE=", ["dXNlcjpwYXNzd29yZDE="]),
        ("Basic statistics of 100 rows", []),
        # Code and look-alikes are not secrets.
        ("+    token: str\n+password=None\n+key=len\n+token = args.token\n+key=get_key()", []),
        ("token == 'abc'", []),
        ("https://api.x.com:443/users/me@example.com", []),
        ("https://registry.npmjs.org/@scope/pkg git@github.com:org/repo.git", []),
        ("di=01;34:ln=01;36:mh=00 http://localhost:8080/path task-0123456789abcdefghijklmnop", []),
    ],
)  # fmt: skip
def test_secrets_in_free_text(text: str, secrets: list[str]) -> None:
    assert text_secrets(text) == secrets
    clean = redact_text(text)
    for secret in secrets:
        assert secret not in clean


@pytest.mark.parametrize(
    ("argv", "secrets"),
    [
        (["-e", "API_KEY=s3cr3t-1"], ["s3cr3t-1"]),  # a secret name as a short flag's value
        (["-e", "TOKEN", "s3cr3t-2"], ["s3cr3t-2"]),
        (["--set", "password", "s3cr3t-3"], ["s3cr3t-3"]),
        (["--env=AWS_SECRET_ACCESS_KEY=s3cr3t-4"], ["s3cr3t-4"]),
        (["-c", "api_key:s3cr3t-5"], ["s3cr3t-5"]),
        (["-H", "Authorization: Bearer s3cr3t-6789"], ["s3cr3t-6789"]),
        # Hyperparameters named like a token are kept.
        (["--tokenizer", "gpt2", "--max-new-tokens", "256", "--author", "me"], []),
    ],
)
def test_secret_names_given_as_values(argv: list[str], secrets: list[str]) -> None:
    clean, found = redact_argv(argv)
    assert found == secrets
    assert len(clean) == len(argv)
    for secret in secrets:
        assert not any(secret in arg for arg in clean)


def test_a_long_secret_is_scrubbed_whole_in_bounded_pieces() -> None:
    secret = bytes(range(33, 127)) * 20  # 1,880 bytes
    scrubber = Scrubber(scrubbable([secret.decode()]))
    data = b"before " + secret + b" after\n"
    out = b"".join(scrubber.feed(data[i : i + 100]) for i in range(0, len(data), 100))
    out += scrubber.flush()
    assert out.startswith(b"before [redacted]") and out.endswith(b"[redacted] after\n")
    assert secret[:20] not in out and secret[-20:] not in out
    assert scrubber._hold < 256  # held back: less than one piece


PRINTED = (
    b"epoch 1 loss=0.5 acc=0.9 tokens/s: 12,345 max_tokens=256 key_dim: 64 secret_score=0.91\n"
    b"pad_token: <|endoftext|> eos_token: </s> token: abc\n"
    b"using token ghp_abcdefghijklmnopqrstuvwxyz0123456789 and sk-proj-abcdefghijklmnopqrstuvwx12\n"
    b"password=hunter2x {'api_key': 'abcd1234efgh'} Authorization: Bearer xyz123456789\n"
    b"config: {'access_token': 'tok_998877665544', 'learning_rate': 0.001}\n"
    b"-----BEGIN RSA PRIVATE KEY-----\nMIIabcdef\nxyz\n-----END RSA PRIVATE KEY-----\n"
    b"loss=0.4\r 50%|#####     | 5/10\r 60%|######    | 6/10"
)
PRINTED_SECRETS = (
    b"ghp_abcdefghijklmnopqrstuvwxyz0123456789",
    b"sk-proj-abcdefghijklmnopqrstuvwx12",
    b"hunter2x",
    b"abcd1234efgh",
    b"xyz123456789",
    b"tok_998877665544",
    b"MIIabcdef",
)


def _form_scrubbed(chunks: list[bytes]) -> bytes:
    scrubber = FormScrubber()
    return b"".join(scrubber.feed(chunk) for chunk in chunks) + scrubber.flush()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, len(PRINTED)), max_size=12))
def test_secrets_a_script_prints_are_found_by_their_form_however_the_output_is_cut(
    cuts: list[int],
) -> None:
    """A token, a password, a key block the script printed that mlop was never shown: found in
    the stored console by their form, whatever reads cut the output into."""
    bounds = [0, *sorted(cuts), len(PRINTED)]
    out = _form_scrubbed([PRINTED[a:b] for a, b in zip(bounds, bounds[1:], strict=False)])
    assert out == _form_scrubbed([PRINTED])
    for secret in PRINTED_SECRETS:
        assert secret not in out, secret
    # What only looks alike is kept: measures, counts, settings, a tokenizer's special tokens.
    for kept in (b"secret_score=0.91", b"max_tokens=256", b"key_dim: 64", b"<|endoftext|>"):
        assert kept in out


def test_a_partial_line_without_a_hint_of_a_secret_is_stored_at_once() -> None:
    """A prompt, a status, a bar's last state are not held back for a next chunk that may
    never come (a command computing for hours after `Training...`)."""
    scrubber = FormScrubber()
    assert scrubber.feed(b"Training...") == b"Training..."
    assert scrubber.feed(b"\r 45%|####| 450/1000 [00:01<00:02, 300.00it/s]") != b""
    assert scrubber.feed(b" name? ") == b" name? "
    assert scrubber.feed(b"export TOKEN=ab") == b""  # a secret's start waits for its end
    assert scrubber.flush() == b"export TOKEN=ab"


def test_a_secret_among_a_chunk_of_repeated_metric_lines_is_found() -> None:
    """A chunk is searched for hints of a secret by its distinct lines without their digits
    (a training's lines differ only in their numbers): a line that differs by its words is
    still searched, wherever it is in the chunk, whatever its case or digits."""
    lines = [b"step=%d loss=0.%04d lr=1e-4\n" % (i, i) for i in range(2000)]
    for secret_line in (b"export API_KEY=a1b2c3d4e5f6g7h8\n", b"Token: Bearer Zm9vYmFyMTIzNDU2\n"):
        chunk = b"".join(lines[:1234]) + secret_line + b"".join(lines[1234:])
        out = _form_scrubbed([chunk])
        assert secret_line.split()[-1] not in out
        assert out.count(b"\n") == chunk.count(b"\n") and b"step=1999 loss=0.1999" in out
