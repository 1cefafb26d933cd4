"""Secrets in the forms a scan by name alone missed, and redaction that costs linear time.

Each secret must be absent from every byte of the store's files and of the HTML and Markdown
reports, while the command's own output (the terminal) is untouched.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import PYTHON, clean_env, mlop_argv, run_python

SECRETS = {
    "azure": "Xk9fAzureAccountKeyQ7w2==",
    "azure-sql": "SqlPwd-4f8e2a9b",
    "slack": "WebhookPath9f8e7d6c5b4a",
    "sentry": "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
    "short-flag": "ShortFlagValue-31337",
    "short-flag-name": "NameAsValue-27182",
    "option-env": "OptionEnvValue-16180",
    "diff-code": "DiffCodeKey-14142",
    "diff-yaml": "DiffYamlPass-17320",
    "diff-token": "ghp_" + "Diff0Token1Format2Github3Value4Xy",
}


# Prints its argv and environment, then waits (with a deadline) until mlop has stored the git
# context, gathered beside the command: a run this short would otherwise end before it.
TRAIN = """\
import os, sqlite3, sys, time
print(sys.argv)
print(sorted(os.environ.items()))
sys.stdout.flush()
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    try:
        with sqlite3.connect(os.environ["MLOP_STORE"]) as db:
            row = db.execute("SELECT meta FROM runs WHERE id = ?", (os.environ["MLOP_RUN_ID"],)).fetchone()
        if row and '"git"' in row[0]:
            break
    except sqlite3.Error:
        pass
    time.sleep(0.05)
"""


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@e", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def test_secret_forms_are_in_neither_store_nor_report(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    store = tmp_path / "store" / "mlop.db"
    (work / "train.py").write_text(TRAIN)
    (work / "conf.yaml").write_text("lr: 0.1\n")
    _git(work, "init", "-q")
    _git(work, "add", ".")
    _git(work, "commit", "-q", "-m", "first")
    # Uncommitted: a key in code, a password in YAML, a token in its own format.
    (work / "train.py").write_text(
        (work / "train.py").read_text()
        + f'OPENAI_API_KEY = "{SECRETS["diff-code"]}"\nGH = "{SECRETS["diff-token"]}"\n'
    )
    (work / "conf.yaml").write_text(f"lr: 0.1\ndb:\n  password: {SECRETS['diff-yaml']}\n")
    env = clean_env(
        AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=https;AccountName=acct;"
        f"AccountKey={SECRETS['azure']};EndpointSuffix=core.windows.net",
        SQL_CONNECTION="Server=tcp:x.database.windows.net;Database=db;User ID=me;"
        f"Pwd={SECRETS['azure-sql']};Encrypt=true",
        NOTIFY_URL=f"https://hooks.slack.com/services/T0000/B0000/{SECRETS['slack']}",
        SENTRY_DSN=f"https://{SECRETS['sentry']}@o12345.ingest.sentry.io/678",
    )
    result = subprocess.run(
        mlop_argv(
            "run", "-q", "--store", str(store), "--",
            PYTHON, "train.py",
            "-e", f"WANDB_API_KEY={SECRETS['short-flag']}",
            "--set", "token", SECRETS["short-flag-name"],
            f"--env=AWS_SECRET_ACCESS_KEY={SECRETS['option-env']}",
        ),
        capture_output=True,
        env=env,
        cwd=work,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for name in ("azure", "slack", "sentry", "short-flag", "short-flag-name", "option-env"):
        assert SECRETS[name].encode() in result.stdout, name  # the terminal sees them
    shown = json.loads(
        subprocess.run(
            mlop_argv("show", "last", "--json", "--store", str(store)),
            capture_output=True,
            env=env,
            check=True,
        ).stdout
    )
    assert "diff" in shown["context"]["git"], "the uncommitted diff was not recorded"
    report = tmp_path / "r.html"
    subprocess.run(
        mlop_argv("report", "last", "-o", str(report), "--include-env", "--store", str(store)),
        env=env,
        check=True,
        capture_output=True,
    )
    markdown = subprocess.run(
        mlop_argv("report", "last", "--format", "md", "--store", str(store)),
        env=env,
        capture_output=True,
        check=True,
    ).stdout
    raw = b"".join(p.read_bytes() for p in store.parent.iterdir() if p.is_file())
    raw += report.read_bytes() + markdown
    for name, secret in SECRETS.items():
        assert secret.encode() not in raw, name
        assert secret.encode() not in json.dumps(shown).encode(), name


# Shapes that made a backtracking pattern quadratic or worse, as expressions of a size N.
ADVERSARIAL = {
    "letters": "'a' * N",
    "colons": "'a:' * (N // 2)",
    "schemes": "'a://' + 'b' * N",
    "scheme-colons": "'x' * (N // 2) + '://' + 'y:' * (N // 4)",
    "urls": "'a://b:c@' * (N // 8)",
    "assignments": "'key=' * (N // 4)",
    "quotes": "'token=\"' * (N // 7)",
    "jwt-heads": "'eyJ' * (N // 3)",
    "key-blocks": "'-----BEGIN RSA PRIVATE KEY-----' * (N // 31)",
}


def test_redaction_takes_linear_time_on_adversarial_values(tmp_path: Path) -> None:
    """Variables and arguments of 100 KB each (a variable may hold 128 KiB) start the command
    at once: 60 KB once cost 11.8 s, 120 KB never started. (A hang guard, not a timing.)"""
    values = [eval(shape, {"N": 100_000}) for shape in ADVERSARIAL.values()]
    env = clean_env(**{f"ODD_{i}": value for i, value in enumerate(values)})
    result = subprocess.run(
        mlop_argv(
            "run", "-q", "--no-system", "--no-tensorboard", "--store", str(tmp_path / "s.db"), "--",
            PYTHON, "-c", "print('started')", *values[:5],  # within the kernel's 2 MB for both
        ),
        capture_output=True,
        env=env,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == b"started\n"


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_each_redactor_is_linear_on_adversarial_text(name: str) -> None:
    """Each function that reads free text, on 1 MB of each shape, in a fresh interpreter."""
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from mlop_cli.context import params_from_argv, quick_context, redact_params\n"
        "from mlop_cli.redact import Scrubber, redact_text, scrubbable\n"
        "text = eval(sys.argv[1], {'N': 1_000_000})\n"
        "redact_text(text)\n"
        "quick_context(['python', 'x.py', text, '--x=' + text], {'V': text}, Path('.'))\n"
        "redact_params(params_from_argv(['python', 'x.py', '--a', text]))\n"
        "scrubber = Scrubber(scrubbable([text, text[:300] + 'z']))\n"
        "scrubber.feed(text.encode()); scrubber.flush()\n"
        "print('done')\n"
    )
    assert run_python(script, ADVERSARIAL[name], timeout=120).strip() == "done"
