"""Any bytes are valid in a name, a tag, the working folder and argv: stored exactly, shown
escaped. A non-UTF-8 folder, --name or --tag lost the whole run; a non-UTF-8 argument made
`mlop report` crash with a traceback."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from tests.conftest import PYTHON, clean_env, mlop_argv, query


def _fs(raw: bytes) -> str:
    return os.fsdecode(raw)


def test_undecodable_bytes_in_names_tags_cwd_and_argv(store: Path, tmp_path: Path) -> None:
    folder = tmp_path / _fs(b"data-\xff\xfe")
    folder.mkdir()
    name, tag, arg = _fs(b"run-\xe9t\xe9"), _fs(b"tag-\xff"), _fs(b"--note=caf\xe9")
    child = (
        "import os, sys\nprint(os.fsencode(sys.argv[1]).hex(), os.fsencode(os.getcwd()).hex())\n"
    )
    result = subprocess.run(
        mlop_argv("run", "-q", "--store", str(store), "--name", name, "--tag", tag, "--",
                  PYTHON, "-c", child, arg),
        capture_output=True,
        env=clean_env(),
        cwd=folder,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    # The command got the exact bytes.
    assert result.stdout.split() == [
        os.fsencode(arg).hex().encode(),
        os.fsencode(folder).hex().encode(),
    ]
    # Stored: the run, shown escaped, and the exact bytes beside.
    assert query(store, "SELECT name, cwd, status FROM runs")[0] == (
        "run-\\xe9t\\xe9",
        str(tmp_path) + "/data-\\xff\\xfe",
        "finished",
    )
    assert query(store, "SELECT tag FROM tags")[0][0] == "tag-\\xff"
    meta = json.loads(query(store, "SELECT meta FROM runs")[0][0])
    exact = meta["exact_bytes"]
    assert bytes.fromhex(exact["name"]) == os.fsencode(name)
    assert bytes.fromhex(exact["tags"][0]) == os.fsencode(tag)
    assert bytes.fromhex(exact["cwd"]) == os.fsencode(folder)
    assert bytes.fromhex(exact["command"][-1]) == os.fsencode(arg)
    # Shown: every reader works, and says it escaped.
    run_id = query(store, "SELECT id FROM runs")[0][0]
    for command in (["ls"], ["show", run_id], ["show", run_id, "--json"]):
        shown = subprocess.run(
            mlop_argv(*command, "--store", str(store)), capture_output=True, env=clean_env()
        )
        assert shown.returncode == 0, shown.stderr
        assert b"\\xff" in shown.stdout.replace(b"\\\\", b"\\")
    report = tmp_path / "r.html"
    made = subprocess.run(
        mlop_argv("report", run_id, "-o", str(report), "--store", str(store)),
        capture_output=True,
        env=clean_env(),
    )
    assert made.returncode == 0, made.stderr
    assert b"Traceback" not in made.stderr
    assert "caf\\\\xe9" in report.read_text(encoding="utf-8")
