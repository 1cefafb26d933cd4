"""Run names users can rely on: a name is its newest run, `NAME~N` reaches the older ones.

A nightly job run with `--name baseline` every night, or a rename onto a name in use, must not
break `mlop check baseline` or `mlop compare baseline last` in CI.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from tests.cli_stores import make_run
from tests.conftest import query, run_mlop

DAY = 86400.0


def _nightly(store: Path) -> list[str]:
    """Three runs named `baseline` on three nights, oldest first, and one `other` in between."""
    now = time.time()
    ids = []
    for night, loss in enumerate([0.5, 0.4, 0.3]):
        ids.append(
            make_run(store, "baseline", {"loss": [1.0, loss]}, start=now - (3 - night) * DAY).run_id
        )
        if night == 1:
            make_run(store, "other", {"loss": [2.0]}, start=now - 1.5 * DAY)
    return ids


def test_a_name_is_its_newest_run_and_says_so(store: Path) -> None:
    oldest, middle, newest = _nightly(store)
    checked = run_mlop("check", "baseline", "loss <= 0.3", "--json", store=store)
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["run"] == newest
    note = checked.stderr.decode()
    assert len(note.splitlines()) == 1 and "3 runs" in note and "`baseline~1`" in note

    compared = run_mlop("compare", "baseline", "baseline~1", "baseline~2", "--json", store=store)
    assert compared.returncode == 0, compared.stderr
    assert [run["id"] for run in json.loads(compared.stdout)["runs"]] == [newest, middle, oldest]
    shown = run_mlop("show", "baseline~0", "--json", store=store)
    assert json.loads(shown.stdout)["id"] == newest and shown.stderr == b""

    too_far = run_mlop("show", "baseline~3", store=store)
    assert too_far.returncode == 2 and len(too_far.stderr.splitlines()) == 1
    assert b"3 run(s) are named 'baseline'" in too_far.stderr
    unknown = run_mlop("show", "nightly~1", store=store)
    assert unknown.returncode == 2 and b"no run is named 'nightly'" in unknown.stderr


def test_last_and_last_n(store: Path) -> None:
    _, middle, newest = _nightly(store)
    other = query(store, "SELECT id FROM runs WHERE name = 'other'")[0][0]
    compared = run_mlop("compare", "baseline", "last", "last~1", "last~2", "--json", store=store)
    assert compared.returncode == 0, compared.stderr
    # `baseline` and `last` are one run: compared once.
    assert [run["id"] for run in json.loads(compared.stdout)["runs"]] == [newest, other, middle]
    assert run_mlop("show", "last~4", store=store).returncode == 2


def test_a_rename_onto_a_name_in_use_keeps_the_name_working(store: Path) -> None:
    _, _, newest = _nightly(store)
    other = query(store, "SELECT id FROM runs WHERE name = 'other'")[0][0]
    renamed = run_mlop("rename", "other", "baseline", store=store)
    assert renamed.returncode == 0, renamed.stderr
    # It started between the last two nights: it is now the run before the newest.
    assert b"4 runs are named 'baseline'" in renamed.stderr
    assert b"this run is `baseline~1`" in renamed.stderr
    checked = run_mlop("check", "baseline", "loss <= 0.3", store=store)
    assert checked.returncode == 0, checked.stderr
    shown = json.loads(run_mlop("show", "baseline~1", "--json", store=store).stdout)
    assert shown["id"] == other
    assert json.loads(run_mlop("show", "baseline", "--json", store=store).stdout)["id"] == newest


def test_a_name_comes_before_an_id_prefix(store: Path) -> None:
    first = make_run(store, "first", {"loss": [1.0]}).run_id
    prefix = first[:4]
    named = make_run(store, prefix, {"loss": [2.0]}).run_id
    assert json.loads(run_mlop("show", prefix, "--json", store=store).stdout)["id"] == named
    assert json.loads(run_mlop("show", first[:12], "--json", store=store).stdout)["id"] == first


def test_no_run_can_be_named_like_an_older_run(store: Path) -> None:
    refused = run_mlop("run", "-q", "--name", "baseline~1", "--", "true", store=store)
    assert refused.returncode == 2 and b"NAME~N" in refused.stderr
    assert not store.exists()
    make_run(store, "baseline", {"loss": [1.0]})
    renamed = run_mlop("rename", "baseline", "x~12", store=store)
    assert renamed.returncode == 2 and b"NAME~N" in renamed.stderr
    assert run_mlop("rename", "baseline", "v~x", store=store).returncode == 0


def test_names_across_the_stores_of_a_folder(tmp_path: Path) -> None:
    """One store per node (`.mlop/<host>.db`): a name is the newest run of all of them."""
    folder = tmp_path / ".mlop"
    now = time.time()
    older = make_run(folder / "node-a.db", "baseline", {"loss": [1.0]}, start=now - DAY).run_id
    newer = make_run(folder / "node-b.db", "baseline", {"loss": [0.5]}, start=now).run_id
    compared = run_mlop("compare", "baseline", "baseline~1", "--json", store=folder)
    assert compared.returncode == 0, compared.stderr
    assert [run["id"] for run in json.loads(compared.stdout)["runs"]] == [newer, older]
    assert b"2 runs" in compared.stderr
