"""Bad input: binary floods, giant lines, huge output, odd numbers, too many names, corrupt
TensorBoard files, hostile strings and secrets. Survived, stored exactly or noted, never a crash."""

from __future__ import annotations

import hashlib
import json
import math
import subprocess
from pathlib import Path

import pytest

from mlop_cli.store.queries import Store
from tests.chromium import file_url, launched, require_chromium, watch
from tests.conftest import (
    PYTHON,
    clean_env,
    complete,
    eventually,
    mlop_argv,
    query,
    run_mlop,
    stop_indexers,
)
from tests.reliability.harness import WatchedRun, assert_valid, console_of, points_of

MiB = 1024 * 1024


def _events(store: Path) -> list[str]:
    return [row[0] for row in query(store, "SELECT kind FROM events")]


def test_random_binary_output_is_passed_and_stored_exactly(store: Path) -> None:
    child = "import os, sys\nrandom = bytes(os.urandom(1)[0] for _ in range(0)) or os.urandom(4 * 1024 * 1024)\nopen('blob', 'wb').write(random)\nsys.stdout.buffer.write(random)\n"
    result = run_mlop("run", "-q", "--", PYTHON, "-c", child, store=store, cwd=store.parent.parent)
    blob = (store.parent.parent / "blob").read_bytes()
    assert result.returncode == 0 and result.stdout == blob
    assert console_of(store, 1) == blob
    assert_valid(store)


def test_a_50_mb_line_without_newline(store: Path) -> None:
    child = "import sys\nchunk = b'x' * (1 << 20)\nfor _ in range(50): sys.stdout.buffer.write(chunk)\nprint('\\nstep=1 loss=0.25', flush=True)\n"
    run = WatchedRun(store, PYTHON, "-c", child)
    out, _ = run.communicate()
    assert run.process.returncode == 0 and len(out) == 50 * MiB + len(b"\nstep=1 loss=0.25\n")
    assert hashlib.sha256(console_of(store, 1)).digest() == hashlib.sha256(out).digest()
    assert points_of(store, "loss") == 1  # the line after the giant one is still parsed
    assert run.peak_rss < 250 * MiB, f"peak RSS {run.peak_rss / MiB:.0f} MiB"
    assert_valid(store)


@pytest.mark.slow
def test_one_gigabyte_of_output_keeps_memory_bounded(store: Path) -> None:
    child = (
        "import sys\n"
        "block = b''.join(b'epoch %d batch %d of a long log line with some words in it\\n' % (i, i) for i in range(16384))\n"
        "written = 0\n"
        "while written < (1 << 30):\n"
        "    part = block[: (1 << 30) - written]\n"  # exactly 1 GiB
        "    sys.stdout.buffer.write(part); written += len(part)\n"
    )
    run = WatchedRun(
        store, PYTHON, "-c", child, stdout=subprocess.DEVNULL, mlop_args=("--no-system",)
    )
    run.communicate(timeout=300)
    assert run.process.returncode == 0
    print(f"mlop peak RSS with 1 GiB of output: {run.peak_rss / MiB:.0f} MiB")
    assert run.peak_rss < 350 * MiB
    assert_valid(store)
    # The status is stored first, whatever the backlog; the console is stored whole once what
    # mlop handed over at its exit is in (a reader or `mlop recover` finishes it).
    assert query(store, "SELECT status, exit_code FROM runs")[0] == ("finished", 0)

    def console_whole() -> bool:
        return query(store, "SELECT coalesce(sum(length(data)), 0) FROM logs")[0][0] == 1 << 30

    try:
        # The niced indexer copies what was handed over: on a machine running two suites at
        # once (4 workers on 2 cores) that took over 300 s.
        eventually(console_whole, timeout=900, what="the console handed over is stored")
    finally:
        stop_indexers(store.parent)  # 16M lines to index: not this test's subject
    assert_valid(store)


def test_nan_inf_and_huge_values_are_stored_as_printed(store: Path) -> None:
    child = "for i, v in enumerate(['nan', 'inf', '-inf', '1e308', '-1e-308', '0.5']): print(f'step={i} loss={v}')\n"
    run_mlop("run", "-q", "--", PYTHON, "-c", child, store=store)
    opened = Store(store)
    series = opened.series(opened.resolve("last"), "loss")
    assert series is not None
    values = list(series.values)
    assert math.isnan(values[0]) and values[1:] == [math.inf, -math.inf, 1e308, -1e-308, 0.5]
    shown = json.loads(run_mlop("show", "last", "--json", store=store).stdout)
    assert shown["metrics"]["loss"]["count"] == 6  # JSON stays valid: no NaN literals
    assert_valid(store)


def test_100000_distinct_metric_names_hit_the_cardinality_guard(store: Path) -> None:
    child = "for i in range(100_000): print(f'metric_{i}=1.0')\n"
    result = run_mlop("run", "-q", "--", PYTHON, "-c", child, store=store)
    assert result.returncode == 0 and result.stdout.count(b"\n") == 100_000
    complete(store)  # console metrics are indexed from the stored console: wait for them
    names = query(
        store,
        "SELECT count(*) FROM run_metrics r JOIN metrics m ON m.id = r.metric_id WHERE m.source = 'console'",
    )[0][0]
    assert names == 1000
    assert _events(store).count("console.too_many_metrics") == 1


def test_a_metric_name_of_10000_characters(store: Path) -> None:
    child = "print('a' * 10000 + '=1.5 loss=0.3')\n"
    result = run_mlop("run", "-q", "--", PYTHON, "-c", child, store=store)
    assert result.returncode == 0
    names = [row[0] for row in query(store, "SELECT name FROM metrics")]
    assert "loss" in names and all(len(name) <= 1000 for name in names)
    assert "console.name_too_long" in _events(store)


TB_WRITER = """
import sys, time
from tensorboard.summary.writer.event_file_writer import EventFileWriter
from tensorboard.compat.proto.summary_pb2 import Summary
from tensorboard.compat.proto.event_pb2 import Event
w = EventFileWriter('tb')
for step in range(int(sys.argv[1])):
    w.add_event(Event(wall_time=time.time(), step=step, summary=Summary(value=[Summary.Value(tag='loss', simple_value=1.0 / (step + 1))])))
w.close()
"""


def test_flipped_bit_and_truncated_event_files_are_survived(store: Path, tmp_path: Path) -> None:
    work = tmp_path / "old"
    work.mkdir()
    subprocess.run([PYTHON, "-c", TB_WRITER, "100"], cwd=work, check=True, env=clean_env())
    event_file = next((work / "tb").iterdir())
    data = bytearray(event_file.read_bytes())
    data[len(data) // 2] ^= 0x10  # one flipped bit in the middle
    event_file.write_bytes(bytes(data[:-7]))  # and the last record cut short
    result = run_mlop("import", str(work / "tb"), "--json", store=store)
    assert result.returncode == 0, result.stderr
    imported = json.loads(result.stdout)
    assert 90 <= imported[0]["points"] < 100  # the damaged records only are lost
    assert {"tensorboard.corrupt", "tensorboard.truncated"} & set(_events(store))
    assert_valid(store)


def test_event_file_growing_at_50_mb_per_second(store: Path, tmp_path: Path) -> None:
    child = (
        "import time\n"
        "from tensorboard.summary.writer.event_file_writer import EventFileWriter\n"
        "from tensorboard.compat.proto.summary_pb2 import Summary\n"
        "from tensorboard.compat.proto.event_pb2 import Event\n"
        "w = EventFileWriter('tb', max_queue_size=1000, flush_secs=1)\n"
        "blob = 'x' * (1024 * 1024)\n"
        "start = time.time(); step = 0\n"
        "while time.time() - start < 2:\n"
        "    w.add_event(Event(wall_time=time.time(), step=step, summary=Summary(value=[Summary.Value(tag='loss', simple_value=0.5)])))\n"
        "    w.add_event(Event(wall_time=time.time(), step=step, file_version=blob))\n"
        "    step += 1\n"
        "    time.sleep(0.015)\n"
        "w.close()\n"
        "print('steps', step)\n"
    )
    run = WatchedRun(store, PYTHON, "-c", child, cwd=tmp_path)
    out, err = run.communicate(timeout=120)
    assert run.process.returncode == 0 and out.startswith(b"steps ")
    size = sum(f.stat().st_size for f in (tmp_path / "tb").iterdir())
    print(f"event file grew to {size / MiB:.0f} MiB; mlop peak RSS {run.peak_rss / MiB:.0f} MiB")
    assert size > 40 * MiB
    assert run.peak_rss < 400 * MiB
    assert points_of(store, "loss") > 0
    assert_valid(store)


HOSTILE = "<img src=x onerror=alert(1)></script><script>alert(2)</script><!-- \u2028 \x1b]0;pwned\x07\x1b[2J\x1b[31mred $(rm -rf /) `id` ; | &"


def test_hostile_strings_are_stored_exactly_and_shown_inert(store: Path, tmp_path: Path) -> None:
    child = f"import sys\nprint({HOSTILE!r})\nprint('step=1 loss=0.5')\n"
    env = clean_env()
    result = subprocess.run(
        mlop_argv(
            "run",
            "-q",
            "--store",
            str(store),
            "--name",
            HOSTILE,
            "--tag",
            HOSTILE,
            "--param",
            f"x={HOSTILE}",
            "--",
            PYTHON,
            "-c",
            child,
            f"--note={HOSTILE}",
        ),
        capture_output=True,
        env=env,
    )
    assert result.returncode == 0
    assert query(store, "SELECT name FROM runs")[0][0] == HOSTILE
    assert query(store, "SELECT tag FROM tags")[0][0] == HOSTILE
    assert json.loads(query(store, "SELECT value FROM params WHERE key = 'x'")[0][0]) == HOSTILE
    run_id = query(store, "SELECT id FROM runs")[0][0]
    for command in (["ls"], ["show", run_id]):
        shown = subprocess.run(
            mlop_argv(*command, "--store", str(store)), capture_output=True, env=env
        )
        assert shown.returncode == 0, shown.stderr
        assert b"\x1b" not in shown.stdout and b"\x07" not in shown.stdout
    logs = subprocess.run(
        mlop_argv("logs", run_id, "--store", str(store)), capture_output=True, env=env
    )
    assert HOSTILE.encode() in logs.stdout  # the console on purpose, byte for byte
    report = tmp_path / "hostile.html"
    assert run_mlop("report", run_id, "-o", str(report), store=store).returncode == 0
    with launched(require_chromium()) as browser:
        page = browser.new_page()
        log = watch(page)
        page.goto(file_url(report, "all"))
        page.wait_for_function("window.mlopReport && window.mlopReport.ready")
        page.wait_for_timeout(500)  # give any injected handler its chance to fire
        assert log.dialogs == []
        assert page.evaluate("document.querySelectorAll('img, script[src], [onerror]').length") == 0
        assert "<img src=x onerror=alert(1)>" in page.evaluate("document.body.innerText")
        assert log.exceptions == []


def test_secrets_are_in_neither_store_nor_report(store: Path, tmp_path: Path) -> None:
    secrets = {
        "env": "envtoken-1234567890",
        "argv": "argvkey-0987654321",
        "flag": "flagtoken-abcdef123",
        "url": "urlpass-zyx987",
        "config": "configsecret-555444",
    }
    config = tmp_path / "train.json"
    config.write_text(json.dumps({"lr": 0.1, "wandb": {"api_key": secrets["config"]}}))
    child = "import sys, os\nprint(sys.argv)\nprint(os.environ['MY_API_TOKEN'])\nprint(open(sys.argv[-1]).read())\n"
    env = clean_env(MY_API_TOKEN=secrets["env"])
    result = subprocess.run(
        mlop_argv(
            "run",
            "-q",
            "--store",
            str(store),
            "--",
            PYTHON,
            "-c",
            child,
            f"--api-key={secrets['argv']}",
            "--token",
            secrets["flag"],
            f"--data=https://me:{secrets['url']}@host/x",
            "--config",
            str(config),
        ),
        capture_output=True,
        env=env,
    )
    assert result.returncode == 0
    report = tmp_path / "r.html"
    subprocess.run(
        mlop_argv("report", "last", "-o", str(report), "--include-env", "--store", str(store)),
        env=env,
        check=True,
    )
    markdown = subprocess.run(
        mlop_argv("report", "last", "--format", "md", "--store", str(store)),
        env=env,
        capture_output=True,
    ).stdout
    files = [p for p in store.parent.rglob("*") if p.is_file()]  # with the store's side files
    raw = b"".join(p.read_bytes() for p in files) + report.read_bytes() + markdown
    for where, secret in secrets.items():
        assert secret.encode() in result.stdout  # the terminal sees the real output
        assert secret.encode() not in raw, where
