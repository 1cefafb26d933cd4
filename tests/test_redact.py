"""The console scrubber: secrets replaced across any chunking, and nothing else held back."""

from __future__ import annotations

import copy
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlop_cli.redact import REDACTED, Scrubber, is_secret_name, redact_argv

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
    ],
)  # fmt: skip
def test_secret_variable_names(name: str, secret: bool) -> None:
    assert is_secret_name(name) is secret
