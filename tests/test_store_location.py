"""One store per project, found as git finds `.git`: the nearest `.mlop/` upward.

Every command, run from any subfolder, uses the project's store; `mlop run` creates `./.mlop/`
only where no store (and no config file) is found above the working directory.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from mlop_cli.config import ConfigFile, find_config, resolve_store
from tests.conftest import clean_env, mlop_argv


def _mlop(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run mlop in ``cwd`` without --store or MLOP_STORE, as a user types it."""
    return subprocess.run(
        mlop_argv(*args), cwd=cwd, env=clean_env(), capture_output=True, timeout=60
    )


def _names(cwd: Path) -> list[str]:
    listed = _mlop(cwd, "ls", "--json")
    assert listed.returncode == 0, listed.stderr
    return [run["name"] for run in json.loads(listed.stdout)]


def test_every_command_in_a_subfolder_uses_the_projects_store(tmp_path: Path) -> None:
    project = tmp_path / "project"
    deeper = project / "src" / "models"
    deeper.mkdir(parents=True)
    assert _mlop(project, "run", "-q", "--name", "top", "--", "true").returncode == 0
    assert (project / ".mlop" / "mlop.db").is_file()

    assert _names(deeper) == ["top"]
    ran = _mlop(deeper, "run", "-q", "--name", "below", "--", "true")
    assert ran.returncode == 0, ran.stderr
    assert not (deeper / ".mlop").exists() and not (project / "src" / ".mlop").exists()
    assert _names(project) == ["below", "top"]
    assert _mlop(deeper, "rename", "below", "sub").returncode == 0
    assert json.loads(_mlop(deeper, "show", "top", "--json").stdout)["name"] == "top"
    assert _names(project) == ["sub", "top"]


def test_the_nearest_store_wins(tmp_path: Path) -> None:
    outer, inner = tmp_path, tmp_path / "inner"
    (inner / "deep").mkdir(parents=True)
    assert _mlop(outer, "run", "-q", "--name", "outer", "--", "true").returncode == 0
    assert _mlop(inner, "run", "-q", "--name", "first", "--", "true").returncode == 0
    # inner had no store: its run went to the outer one.
    assert _names(inner / "deep") == ["first", "outer"]
    (inner / ".mlop").mkdir()
    assert _mlop(inner / "deep", "run", "-q", "--name", "inner", "--", "true").returncode == 0
    assert _names(inner / "deep") == ["inner"] and _names(outer) == ["first", "outer"]


def test_without_a_store_run_creates_one_here_and_readers_say_so(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    listed = _mlop(empty, "ls")
    assert listed.returncode == 1 and len(listed.stderr.splitlines()) == 1
    assert b"no .mlop/ folder" in listed.stderr and b"any folder above" in listed.stderr
    assert not (empty / ".mlop").exists()
    assert _mlop(empty, "run", "-q", "--", "true").returncode == 0
    assert (empty / ".mlop" / "mlop.db").is_file()


def test_a_config_file_marks_the_projects_root(tmp_path: Path) -> None:
    """A config file upward without `store` puts the store beside it, never above it."""
    assert _mlop(tmp_path, "run", "-q", "--name", "above", "--", "true").returncode == 0
    project = tmp_path / "project"
    (project / "sub").mkdir(parents=True)
    (project / "mlop.toml").write_text('project = "vit"\n')
    assert _mlop(project / "sub", "run", "-q", "--name", "here", "--", "true").returncode == 0
    assert (project / ".mlop" / "mlop.db").is_file() and not (project / "sub" / ".mlop").exists()
    assert _names(project / "sub") == ["here"] and _names(tmp_path) == ["above"]
    # A `store` in the file is relative to the file, from any subfolder.
    (project / "mlop.toml").write_text('store = "runs/team.db"\n')
    assert _mlop(project / "sub", "run", "-q", "--name", "kept", "--", "true").returncode == 0
    assert (project / "runs" / "team.db").is_file() and _names(project / "sub") == ["kept"]


def test_resolution_order(tmp_path: Path) -> None:
    from mlop_cli.config import project_folder

    (tmp_path / ".mlop").mkdir()
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    none = ConfigFile()
    assert project_folder(sub, none) == tmp_path
    assert resolve_store(None, {}, none, sub) == tmp_path / ".mlop" / "mlop.db"
    assert resolve_store(None, {"MLOP_STORE": "x.db"}, none, sub) == Path("x.db")
    assert resolve_store("y.db", {"MLOP_STORE": "x.db"}, none, sub) == Path("y.db")
    (tmp_path / "a" / "mlop.toml").write_text("")
    config = find_config(sub)
    assert config.path == tmp_path / "a" / "mlop.toml"
    assert resolve_store(None, {}, config, sub) == tmp_path / "a" / ".mlop" / "mlop.db"
