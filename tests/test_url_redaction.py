"""URLs are read, not pattern-matched: a password never survives redaction, whatever it holds."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlop_cli.context import _strip_credentials
from mlop_cli.redact import REDACTED, redact_argv, redact_environment, redact_url, url_secrets

# Passwords as users write them into URLs (libpq takes raw # ? : ! as part of a password).
PASSWORDS = [
    "Pw#Leak?123",
    "Pw/Le@k",
    "a@b@c",
    "p:a:s:s",
    "Pw%23Leak%3F",  # percent-encoded: both forms are secrets
    "with space",
    "tr&ail=ing",
    "?#/@:",
]


@pytest.mark.parametrize("password", PASSWORDS)
@pytest.mark.parametrize(
    "template",
    [
        "postgresql://me:{pw}@db.lab:5432/mlop",
        "postgres://me:{pw}@db.lab/mlop?sslmode=require",
        "cannot connect to postgresql://me:{pw}@db.lab/mlop: refused",
        "DATABASE_URL=postgresql://me:{pw}@[::1]:5432,h2:5433/mlop",
        "s3://me:{pw}@bucket/x and https://u:{pw}@host/y",
    ],
)
def test_no_part_of_a_password_survives(template: str, password: str) -> None:
    text = template.format(pw=password)
    whole = " " in password  # a raw space ends a URL in free text: known to be one URL here
    shown = redact_url(text, whole=whole and text.startswith("postgres"))
    if " " in password and not text.startswith("postgres"):
        return  # free text with a raw space in a password: not a URL any reader could use
    for piece in {password, *password.replace("%", " ").split()}:
        if len(piece) >= 3:
            assert piece not in shown, (text, shown)
    assert REDACTED in shown
    assert password in url_secrets(text, whole=whole and text.startswith("postgres"))


def test_what_is_not_a_password_is_kept() -> None:
    assert redact_url("postgresql://me@db.lab/mlop") == "postgresql://me@db.lab/mlop"
    assert redact_url("https://github.com/org/repo") == "https://github.com/org/repo"
    assert (
        redact_url("postgresql://me:pw@db.lab:5432/mlop?sslmode=require")
        == f"postgresql://me:{REDACTED}@db.lab:5432/mlop?sslmode=require"
    )
    assert url_secrets("postgresql:///mlop and postgresql:// alone") == []


def test_password_parameters_are_secrets_too() -> None:
    text = "postgresql://me@db.lab/mlop?sslmode=require&password=Top-Secret-9&application_name=x"
    shown = redact_url(text)
    assert shown == f"postgresql://me@db.lab/mlop?sslmode=require&password={REDACTED}"
    # A raw & # ? may be part of the value (libpq reads it so): masked to the end of the URL.
    tricky = "postgresql://me@db/x?sslmode=require&password=tr&ail=ing#x?y"
    assert redact_url(tricky) == f"postgresql://me@db/x?sslmode=require&password={REDACTED}"
    assert "Top-Secret-9&application_name=x" in url_secrets(text)


def test_percent_encoded_passwords_are_scrubbed_in_both_forms() -> None:
    encoded = quote("Pw#Leak?1/2@3", safe="")
    secrets = url_secrets(f"postgresql://me:{encoded}@db/x")
    assert encoded in secrets and "Pw#Leak?1/2@3" in secrets


def test_environment_and_argv_redact_every_form() -> None:
    env, found = redact_environment({"DB": "postgresql://me:Pw#Le:ak?12@db/x"})
    assert "Le:ak" not in env["DB"] and "Pw#Le:ak?12" in found
    argv, found = redact_argv(["train.py", "--db=postgresql://me:Pw/Le@k@db/x"])
    assert "Le@k" not in " ".join(argv) and "Pw/Le@k" in found


def test_git_remotes_lose_any_token() -> None:
    assert _strip_credentials("https://me:tok/en@github.com/org/x") == "https://github.com/org/x"
    assert _strip_credentials("https://oauth2:a#b?c@gitlab.com/x") == "https://gitlab.com/x"
    assert _strip_credentials("git@github.com:org/x.git") == "git@github.com:org/x.git"


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["a", "x://", "a://b@"])
def test_redaction_is_linear_in_the_text(unit: str) -> None:
    """No backtracking: a long run of scheme characters, or of URLs, is read in one pass.

    A ratio measured in this run, not a wall-clock bound: four times the text takes about four
    times as long when linear (up to about six here), sixteen when quadratic (the best of three each, so a busy
    machine's pauses hardly count)."""
    import time

    def best_time(repeat: int) -> float:
        text = unit * repeat + ("://" if unit == "a" else "")
        times = []
        for _ in range(3):
            started = time.perf_counter()
            redact_url(text)
            times.append(time.perf_counter() - started)
        return min(times)

    small = 50_000 // len(unit) * 4
    ratio = best_time(4 * small) / best_time(small)
    assert ratio < 10, f"4x the text took {ratio:.1f}x the time"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abZ9#?/@:%&=!~ ", min_size=1, max_size=24))
def test_any_password_is_masked(password: str) -> None:
    secret = f"Q7{password}Q7"  # a marker the rest of the URL never holds
    url = f"postgresql://me:{secret}@db.lab/mlop"
    assert "Q7" not in redact_url(url, whole=True)
    if " " not in secret:
        assert "Q7" not in redact_url(f"see {url} now")
