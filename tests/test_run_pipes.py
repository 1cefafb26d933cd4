"""`mlop run` with stdout a pipe or file: byte-exact, streams apart, exit codes, prompt lines."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import pytest

from tests.conftest import (
    PYTHON,
    clean_env,
    eventually,
    integrity,
    mlop_argv,
    query,
    run_mlop,
    start_run,
)
from tests.reliability.harness import console_of, run_leaving_a_grandchild, wait_for_console

# Output a shell would pass through untouched: \r redraws, CRLF, invalid UTF-8, NUL, no final newline.
NASTY = (
    "import sys\n"
    "o, e = sys.stdout.buffer, sys.stderr.buffer\n"
    "o.write(b'plain line\\n'); o.flush()\n"
    "e.write(b'to stderr\\n'); e.flush()\n"
    "o.write(b'10%\\r20%\\r30%\\r\\n'); o.write(b'crlf\\r\\n'); o.write(bytes(range(256)))\n"
    "o.write(b'\\xff\\xfe invalid utf8 \\xc3\\n'); o.write(b'\\x1b[31mred\\x1b[0m\\n')\n"
    "e.write(b'no newline at end'); o.write(b'end without newline')\n"
)


def test_passthrough_is_byte_exact_and_streams_stay_apart(store: Path) -> None:
    direct = subprocess.run([PYTHON, "-c", NASTY], capture_output=True, env=clean_env())
    wrapped = run_mlop("run", "-q", "--", PYTHON, "-c", NASTY, store=store)
    assert wrapped.returncode == 0
    assert wrapped.stdout == direct.stdout
    assert wrapped.stderr == direct.stderr
    assert integrity(store) == "ok"


def test_console_is_stored_exactly_and_replayed(store: Path) -> None:
    direct = subprocess.run([PYTHON, "-c", NASTY], capture_output=True, env=clean_env())
    run_mlop("run", "-q", "--", PYTHON, "-c", NASTY, store=store)
    stored = {1: b"", 2: b""}
    for stream, data in query(store, "SELECT stream, data FROM logs ORDER BY seq"):
        stored[stream] += data
    assert stored[1] == direct.stdout
    assert stored[2] == direct.stderr
    replay = run_mlop("logs", "last", store=store)
    assert replay.returncode == 0
    assert replay.stdout == direct.stdout
    assert replay.stderr == direct.stderr


@pytest.mark.parametrize("code", [0, 1, 7, 255])
def test_exit_code_is_the_commands(store: Path, code: int) -> None:
    result = run_mlop("run", "-q", "--", PYTHON, "-c", f"import sys; sys.exit({code})", store=store)
    assert result.returncode == code
    status = query(store, "SELECT status, exit_code FROM runs")[0]
    assert status == ("finished" if code == 0 else "failed", code)


@pytest.mark.parametrize("signame", ["SIGKILL", "SIGTERM", "SIGSEGV", "SIGABRT"])
def test_death_by_signal_gives_128_plus_n(store: Path, signame: str) -> None:
    import signal

    number = int(getattr(signal, signame))
    code = f"import os, signal; signal.signal(signal.{signame}, signal.SIG_DFL) if {number} != 9 else None; os.kill(os.getpid(), {number})"
    result = run_mlop("run", "-q", "--", PYTHON, "-c", code, store=store)
    assert result.returncode == 128 + number
    assert query(store, "SELECT status, exit_code, signal FROM runs")[0] == (
        "killed",
        128 + number,
        number,
    )


def test_command_not_found_is_127_with_one_line(store: Path) -> None:
    result = run_mlop("run", "--", "surely-no-such-command-xyz", "--flag", store=store)
    assert result.returncode == 127
    lines = result.stderr.decode().strip().splitlines()
    assert lines == ["mlop: command not found: surely-no-such-command-xyz"]
    assert query(store, "SELECT status, exit_code FROM runs")[0] == ("failed", 127)


def test_not_executable_is_126(store: Path, tmp_path: Path) -> None:
    script = tmp_path / "script.sh"
    script.write_text("#!/bin/sh\necho hi\n")
    script.chmod(0o644)
    result = run_mlop("run", "-q", "--", str(script), store=store)
    assert result.returncode == 126
    assert b"not executable" in result.stderr
    assert b"Traceback" not in result.stderr


def test_script_without_shebang_runs_under_sh_as_execvp_runs_it(
    store: Path, tmp_path: Path
) -> None:
    """bash, env(1) and execvp() give a `#!`-less script to /bin/sh; so does mlop."""
    script = tmp_path / "job.sh"
    script.write_text('echo "args: $1 $2"\nexit 3\n')
    script.chmod(0o755)
    result = run_mlop("run", "-q", "--", str(script), "a b", "c", store=store)
    direct = subprocess.run(["env", str(script), "a b", "c"], capture_output=True)
    assert (
        (result.returncode, result.stdout)
        == (direct.returncode, direct.stdout)
        == (3, b"args: a b c\n")
    )
    assert result.stderr == b""
    assert query(store, "SELECT exit_code FROM runs")[0] == (3,)


def test_missing_interpreter_is_named_not_called_command_not_found(
    store: Path, tmp_path: Path
) -> None:
    script = tmp_path / "job.sh"
    script.write_text("#!/no/such/interpreter -u\necho x\n")
    script.chmod(0o755)
    result = run_mlop("run", "-q", "--", str(script), store=store)
    assert result.returncode == 127
    assert result.stderr.decode().splitlines() == [
        f"mlop: cannot execute {script}: its interpreter /no/such/interpreter was not found"
    ]


def test_binary_in_an_unknown_format_is_126_not_run_by_sh(store: Path, tmp_path: Path) -> None:
    binary = tmp_path / "tool"
    binary.write_bytes(b"\x7fELF\x00\x00\x00not really")
    binary.chmod(0o755)
    result = run_mlop("run", "-q", "--", str(binary), store=store)
    assert result.returncode == 126
    assert result.stderr.decode().splitlines() == [
        f"mlop: cannot execute {binary}: Exec format error"
    ]


@pytest.mark.parametrize("closed", ["<&-", ">&-", "2>&-", "<&- >&- 2>&-"])
def test_closed_standard_streams_neither_fail_the_run_nor_land_in_the_store(
    store: Path, closed: str
) -> None:
    """`mlop run ... >&-`: the store must not take fd 1 and receive the command's output."""
    command = "echo out; echo err >&2; cat; exit 7"
    result = subprocess.run(
        ["sh", "-c", f'exec "$@" {closed}', "sh", *mlop_argv("run", "--store", str(store)), "--"]
        + ["sh", "-c", command],
        capture_output=True,
        env=clean_env(),
        timeout=60,
    )
    assert result.returncode == 7
    assert b"Traceback" not in result.stdout + result.stderr
    assert integrity(store) == "ok"
    assert query(store, "SELECT status, exit_code FROM runs")[0] == ("failed", 7)
    console = b"".join(row[0] for row in query(store, "SELECT data FROM logs ORDER BY seq"))
    assert console.replace(b"err\n", b"") == b"out\n" and b"err\n" in console


def test_messages_go_to_stderr_and_quiet_silences_them(store: Path) -> None:
    loud = run_mlop("run", "--", PYTHON, "-c", "print('x')", store=store)
    assert loud.stdout == b"x\n"
    lines = loud.stderr.decode().splitlines()
    assert len(lines) == 2 and lines[0].startswith("mlop: run ") and str(store) in lines[0]
    assert "finished" in lines[1]
    quiet = run_mlop("run", "-q", "--", PYTHON, "-c", "print('x')", store=store)
    assert quiet.stderr == b""


def test_the_command_gets_the_environment_as_given_plus_mlop_variables(store: Path) -> None:
    """mlop set PYTHONUNBUFFERED=1 in pipe mode, which made an unflushed, print-heavy Python child
    3.4x slower. The command's environment is now the one given, plus MLOP_* only."""
    env = clean_env()
    assert "PYTHONUNBUFFERED" not in env
    child = "import json, os; print(json.dumps(dict(os.environ)))"
    result = run_mlop("run", "-q", "--", PYTHON, "-c", child, store=store, env=env)
    seen = json.loads(result.stdout)
    added = {key for key in seen if key not in env}
    assert added == {"MLOP_RUN_ID", "MLOP_STORE"}
    assert {key: seen[key] for key in env if key in seen} == {
        key: value for key, value in env.items() if key in seen
    }


def test_pythonunbuffered_given_to_mlop_makes_python_lines_prompt(store: Path) -> None:
    """To have an unflushed Python child's lines at once in a log file (as without mlop, it
    block-buffers a pipe), give it PYTHONUNBUFFERED=1 (or `python -u`): it reaches the child."""
    env = clean_env(PYTHONUNBUFFERED="1")
    # The child then sleeps past every deadline: a buffered line would only come at its exit.
    child = "import time\nprint('first line')\ntime.sleep(3600)\n"
    process = start_run(store, PYTHON, "-c", child, env=env)
    try:
        os.set_blocking(process.stdout.fileno(), False)
        got = bytearray()

        def line_arrived() -> bool:
            got.extend(process.stdout.read() or b"")
            return b"\n" in got

        eventually(line_arrived, what="the first line while the child runs")
        assert bytes(got) == b"first line\n"
    finally:
        process.terminate()
        process.wait(120)


def test_a_steady_slow_writer_is_relayed_line_by_line_and_stored_while_it_runs(
    store: Path, tmp_path: Path
) -> None:
    """100 lines a second into pipes: mlop paces its reads (fewer wake-ups), yet each line
    reaches stdout while the command runs on, and the store while the command runs on.

    How soon (moments to stdout, about a second to the store) is timed by
    tests/benchmarks/bench_latency.py against a plain pipe in the same run."""
    go = tmp_path / "go"
    child = (
        "import os, time\n"
        "for i in range(400):\n"
        "    print(f'step={i}', flush=True)\n"
        "    time.sleep(0.01)\n"
        # After line 250 the command waits for the test: line 250 must have reached stdout,
        # and line 150 the store, while the command is still running.
        f"    while i == 250 and not os.path.exists({str(go)!r}): time.sleep(0.01)\n"
    )
    process = start_run(store, PYTHON, "-c", child, mlop_args=("--no-system",), stderr=None)
    assert process.stdout is not None
    lines = []
    for line in process.stdout:
        lines.append(line)
        if line == b"step=250\n":
            wait_for_console(store, 151)
            assert b"step=150\n" in console_of(store)
            go.touch()
    assert process.wait(120) == 0
    assert lines == [f"step={i}\n".encode() for i in range(400)]


def test_stdin_is_passed_to_the_command_in_pipe_mode(store: Path) -> None:
    result = run_mlop(
        "run",
        "-q",
        "--",
        PYTHON,
        "-c",
        "import sys; print(sys.stdin.read().upper())",
        store=store,
        input=b"hello\n",
    )
    assert result.stdout == b"HELLO\n\n"


def test_params_from_argv_config_and_flag(store: Path, tmp_path: Path) -> None:
    config = tmp_path / "cfg.json"
    config.write_text(
        json.dumps({"optimizer": {"lr": 0.001, "betas": [0.9, 0.99]}, "model": "vit"})
    )
    result = run_mlop(
        "run",
        "-q",
        "--param",
        "seed=7",
        "--",
        PYTHON,
        "-c",
        "pass",
        "--lr",
        "3e-4",
        "--fp16",
        "--config",
        str(config),
        "trainer.devices=2",
        "--name=exp1",
        store=store,
    )
    assert result.returncode == 0
    shown = json.loads(run_mlop("show", "last", "--json", store=store).stdout)
    params = shown["params"]
    assert params["lr"] == 3e-4 and params["fp16"] is True and params["trainer.devices"] == 2
    assert (
        params["optimizer.lr"] == 0.001
        and params["optimizer.betas"] == [0.9, 0.99]
        and params["model"] == "vit"
    )
    assert params["seed"] == 7 and params["name"] == "exp1"


def test_show_json_has_the_documented_fields(store: Path) -> None:
    run_mlop(
        "run",
        "-q",
        "--name",
        "doc",
        "--project",
        "p",
        "--tag",
        "a",
        "--tag",
        "b",
        "--",
        PYTHON,
        "-c",
        "print('loss=1')",
        store=store,
    )
    shown = json.loads(run_mlop("show", "doc", "--json", store=store).stdout)
    for key in (
        "id",
        "name",
        "project",
        "status",
        "exit_code",
        "command",
        "started_at",
        "ended_at",
        "params",
        "tags",
        "metrics",
        "context",
    ):
        assert key in shown, key
    assert shown["name"] == "doc" and shown["project"] == "p" and shown["tags"] == ["a", "b"]
    assert shown["status"] == "finished" and shown["exit_code"] == 0
    assert shown["command"][1:] == ["-c", "print('loss=1')"]
    context = shown["context"]
    for key in ("host", "user", "cwd", "platform", "python", "cpu_count", "env"):
        assert key in context, key


def test_run_reference_errors_are_one_line_exit_2(store: Path) -> None:
    run_mlop("run", "-q", "--name", "same", "--", PYTHON, "-c", "pass", store=store)
    run_mlop("run", "-q", "--name", "same", "--", PYTHON, "-c", "pass", store=store)
    missing = run_mlop("show", "nothing-like-this", store=store)
    assert missing.returncode == 2 and len(missing.stderr.decode().strip().splitlines()) == 1
    # A name shared by two runs is the newest of them; an id prefix they share is ambiguous.
    newest = query(store, "SELECT id FROM runs ORDER BY started_at DESC, id DESC")[0][0]
    named = run_mlop("show", "same", "--json", store=store)
    assert named.returncode == 0 and json.loads(named.stdout)["id"] == newest
    ambiguous = run_mlop("show", newest[:3], store=store)
    assert ambiguous.returncode == 2 and b"matches 2 runs" in ambiguous.stderr
    assert b"Traceback" not in missing.stderr + ambiguous.stderr
    no_store = run_mlop("ls", store=store.parent / "nope.db")
    assert no_store.returncode != 0 and b"no store" in no_store.stderr


def test_eight_concurrent_runs_into_one_store(store: Path) -> None:
    child = "import sys\nfor i in range(2000):\n    print(f'step={i} loss={1/(i+1):.5f}')\n"
    processes = [
        subprocess.Popen(
            mlop_argv(
                "run", "-q", "--store", str(store), "--name", f"r{n}", "--", PYTHON, "-c", child
            ),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=clean_env(),
        )
        for n in range(8)
    ]
    outputs = [p.communicate(timeout=120) for p in processes]
    for process, (out, err) in zip(processes, outputs, strict=False):
        assert process.returncode == 0, err
        assert err == b""
        assert out.count(b"\n") == 2000
    assert integrity(store) == "ok"
    assert query(store, "SELECT count(*), sum(status = 'finished') FROM runs")[0] == (8, 8)
    sizes = query(store, "SELECT run_id, sum(length(data)) FROM logs GROUP BY run_id")
    assert len(sizes) == 8 and len({size for _, size in sizes}) == 1


@pytest.mark.parametrize("own_session", [False, True], ids=["same-session", "setsid"])
def test_grandchild_does_not_outlive_the_run(
    store: Path, tmp_path: Path, own_session: bool
) -> None:
    """Also a daemon that left the command's session (setsid: a Ray or service process)."""
    marker = tmp_path / "pid"
    child = (
        "import subprocess, sys\n"
        # The grandchild would live an hour: past every deadline here, so only mlop ends it.
        f"p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(3600)'], stdout=subprocess.DEVNULL, start_new_session={own_session})\n"
        f"open({str(marker)!r}, 'w').write(str(p.pid))\n"
    )
    result = run_mlop("run", "-q", "--", PYTHON, "-c", child, store=store)
    assert result.returncode == 0
    pid = int(marker.read_text())

    def gone() -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        return False

    try:
        eventually(gone, what="the grandchild ended with the run")
    except AssertionError:
        os.kill(pid, signal.SIGKILL)
        raise


def test_grandchild_holding_output_open_does_not_hang_mlop(store: Path, tmp_path: Path) -> None:
    result = run_leaving_a_grandchild(store, tmp_path, "print('parent done')\n")
    assert result.returncode == 0 and result.stdout == b"parent done\n"
    kinds = [row[0] for row in query(store, "SELECT kind FROM events")]
    assert "output.open" in kinds or "leftovers" in kinds


def test_redacted_secrets_never_reach_the_store(store: Path, tmp_path: Path) -> None:
    token = "hf_SuperSecretValue123456"
    password = "pa55w0rd-not-for-you"
    api_key = "sk-apikey-987654321xyz"
    url_secret = "urlcredential42abc"
    config = tmp_path / "conf.yaml"
    config.write_text(f"model: bert\nwandb:\n  api_key: {api_key}\n")
    env = clean_env(
        HF_TOKEN=token,
        DB_PASSWORD=password,
        DATABASE_URL=f"postgres://me:{url_secret}@db.example/x",
    )
    child = "import sys, os; print('args', sys.argv); print('env', os.environ.get('HF_TOKEN'))"
    result = run_mlop(
        "run",
        "-q",
        "--",
        PYTHON,
        "-c",
        child,
        "--token",
        token,
        f"--api-key={api_key}",
        "--config",
        str(config),
        f"--data=s3://user:{url_secret}@bucket/x",
        store=store,
        env=env,
    )
    assert result.returncode == 0
    assert token.encode() in result.stdout  # passthrough is untouched
    raw = b""
    for path in store.parent.rglob("*"):  # the store, its WAL and its side files (spools)
        if path.is_file():
            raw += path.read_bytes()
    for secret in (token, password, api_key, url_secret):
        assert secret.encode() not in raw, secret
    shown = json.loads(run_mlop("show", "last", "--json", store=store).stdout)
    assert shown["context"]["env"]["HF_TOKEN"] == "[redacted]"
    assert "[redacted]" in shown["command"]
    assert shown["params"]["model"] == "bert"
    # The console is stored whole, with only the secrets replaced (its end was once lost).
    stored = b"".join(row[0] for row in query(store, "SELECT data FROM logs ORDER BY seq"))
    expected = result.stdout
    for secret in (token, api_key, url_secret):
        expected = expected.replace(secret.encode(), b"[redacted]")
    assert stored == expected


def test_secrets_a_script_prints_unannounced_never_reach_the_store(
    store: Path, tmp_path: Path
) -> None:
    """A token read from a file and printed, a password in a dumped config, a bearer header:
    mlop was never shown them (not in the environment, argv or a config file), so they are
    found in the console by their form; the terminal still gets every byte."""
    github, password, bearer = "ghp_" + "Ab1" * 12, "hunter2x-db", "eyJpc3MiOiJ4In0abcdef1234"
    secrets = tmp_path / "secrets.json"  # (read by the script: mlop never sees it)
    secrets.write_text(json.dumps([github, password, bearer]))
    script = tmp_path / "train.py"
    script.write_text(
        "import json, sys\n"
        f"github, password, bearer = json.load(open({str(secrets)!r}))\n"
        "print('token loaded:', github)\n"
        "print({'lr': 0.001, 'password': password})\n"
        "sys.stdout.write('headers Authorization: Bearer ')\n"
        "sys.stdout.flush()\n"
        "print(bearer)\n"
        "print('epoch 1 loss=0.25 secret_score=0.91')\n"
    )
    # (run outside the checkout: its uncommitted diff, which the context records, holds
    # this test's own text)
    result = run_mlop("run", "-q", "--", PYTHON, str(script), store=store, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    for secret in (github, password, bearer):
        assert secret.encode() in result.stdout  # the terminal's bytes are untouched
    kept = [p for p in store.parent.rglob("*") if p.is_file() and p not in (secrets, script)]
    raw = b"".join(p.read_bytes() for p in kept)  # the store, its WAL, its side files
    for secret in (github, password, bearer):
        assert secret.encode() not in raw, secret
    stored = b"".join(row[0] for row in query(store, "SELECT data FROM logs ORDER BY seq"))
    assert b"epoch 1 loss=0.25 secret_score=0.91" in stored and b"[redacted]" in stored


def test_console_is_stored_whole_and_at_once_with_secrets_in_the_environment(
    store: Path,
) -> None:
    """SSH_AUTH_SOCK, HF_TOKEN... are set on most machines: the console must not wait for them.

    Only an end of output that could begin a secret may be held back; the last line of a
    command that then computes for minutes is in the store within about a second.
    """
    env = clean_env(SSH_AUTH_SOCK="/tmp/ssh-XXXXabcdef/agent.12345", HF_TOKEN="hf_" + "x" * 37)
    # The command computes past every deadline here: the line must be stored while it runs.
    child = "import time; print('epoch 1 done loss=0.25', flush=True); time.sleep(3600)"
    process = start_run(store, PYTHON, "-c", child, env=env)
    try:
        wait_for_console(store, 1)
        assert console_of(store) == b"epoch 1 done loss=0.25\n"
    finally:
        process.terminate()
        process.communicate(timeout=120)
    ending = run_mlop(
        "run", "-q", "--", PYTHON, "-c", "import sys; print('a'); sys.exit('CUDA out of memory')",
        store=store, env=env,
    )  # fmt: skip
    assert ending.returncode == 1
    logs = run_mlop("logs", "last", store=store)
    assert logs.stdout == b"a\n" and b"CUDA out of memory\n" in logs.stderr


def test_stdout_and_stderr_into_one_file_keep_their_order(store: Path, tmp_path: Path) -> None:
    """`> log 2>&1`, as Slurm's default output file: the lines interleave as without mlop."""
    child = (
        "import sys\n"
        "for i in range(200):\n"
        "    print(f'out {i}')\n"
        "    print(f'err {i}', file=sys.stderr)\n"
    )
    env = clean_env(PYTHONUNBUFFERED="1")  # both runs: each line written as it is printed
    direct, under = tmp_path / "direct.log", tmp_path / "mlop.log"
    with direct.open("wb") as log:
        subprocess.run([PYTHON, "-c", child], stdout=log, stderr=subprocess.STDOUT, env=env)
    with under.open("wb") as log:
        result = subprocess.run(
            mlop_argv("run", "-q", "--store", str(store), "--", PYTHON, "-c", child),
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            timeout=60,
        )
    assert result.returncode == 0
    assert under.read_bytes() == direct.read_bytes()
    kinds = [row[0] for row in query(store, "SELECT kind FROM events")]
    assert "console.merged" in kinds


@pytest.mark.parametrize(
    ("command", "code", "message"),
    [
        ("", 127, "mlop: command not found: '' (an empty command)"),
        ("/", 126, "mlop: cannot execute /: it is a folder"),
    ],
)
def test_an_empty_command_and_a_folder_say_what_they_are(
    store: Path, command: str, code: int, message: str
) -> None:
    result = run_mlop("run", "-q", "--", command, store=store)
    assert result.returncode == code
    assert result.stderr.decode().splitlines() == [message]
