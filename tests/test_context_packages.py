"""The installed packages recorded are those of the environment the command runs in.

Every virtualenv made from one base interpreter links to the same executable: a cache keyed by
that executable's real path gave a run in one venv another venv's packages and path.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mlop_cli.context import python_packages
from tests.conftest import clean_env, run_mlop


def _venv(folder: Path, package: str) -> Path:
    """A virtualenv (no pip: fast) holding one installed distribution named ``package``."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    _install(folder, package)
    return folder / "bin" / "python"


def _install(venv: Path, package: str) -> None:
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    info = venv / "lib" / version / "site-packages" / f"{package}-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {package}\nVersion: 1.0\n")


@pytest.fixture
def cache_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a command, with mlop's package cache in a folder of its own."""
    return {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}


def test_each_virtualenv_has_its_own_packages(tmp_path: Path, cache_env: dict[str, str]) -> None:
    alpha = _venv(tmp_path / "alpha", "alpha-only")
    beta = _venv(tmp_path / "beta", "beta-only")
    assert os.path.realpath(alpha) == os.path.realpath(beta)  # both link to one interpreter

    first = python_packages([str(alpha), "train.py"], cache_env)
    assert first is not None and "alpha-only" in first["packages"]
    assert first["command_python_executable"] == str(alpha)
    second = python_packages([str(beta), "train.py"], cache_env)
    assert second is not None and "beta-only" in second["packages"]
    assert "alpha-only" not in second["packages"]
    assert second["command_python_executable"] == str(beta)
    assert second["command_python_prefix"] == str(tmp_path / "beta")

    # Cached, and still right after a package is installed into the environment.
    assert python_packages([str(alpha)], cache_env) == first
    _install(tmp_path / "alpha", "alpha-late")
    again = python_packages([str(alpha)], cache_env)
    assert again is not None and "alpha-late" in again["packages"]


def test_python_is_found_on_the_commands_path(tmp_path: Path, cache_env: dict[str, str]) -> None:
    beta = _venv(tmp_path / "beta", "beta-only")
    env = {**cache_env, "PATH": f"{beta.parent}{os.pathsep}{cache_env.get('PATH', '')}"}
    found = python_packages(["python", "train.py"], env)
    assert found is not None and found["command_python_executable"] == str(beta.parent / "python")
    assert "beta-only" in found["packages"]


def test_environment_prefix_is_sys_prefix(tmp_path: Path) -> None:
    from mlop_cli.context import environment_prefix

    beta = _venv(tmp_path / "beta", "beta-only")
    for interpreter in (str(beta), sys.executable, os.path.realpath(sys.executable)):
        real = subprocess.run(
            [interpreter, "-c", "import sys; print(sys.prefix)"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        assert os.path.realpath(environment_prefix(interpreter)) == os.path.realpath(real)


# The command lives until its run's context holds the packages (gathered in the background at
# low priority, so a command that ends at once may end before they are).
WAIT_FOR_PACKAGES = """
import os, sqlite3, time
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    try:
        conn = sqlite3.connect(os.environ["MLOP_STORE"])
        row = conn.execute("SELECT meta FROM runs WHERE id = ?", (os.environ["MLOP_RUN_ID"],)).fetchone()
        conn.close()
        if row and '"packages"' in row[0]:
            break
    except sqlite3.Error:
        pass
    time.sleep(0.05)
"""


def test_a_run_records_its_own_environments_packages(tmp_path: Path, store: Path) -> None:
    alpha = _venv(tmp_path / "alpha", "alpha-only")
    beta = _venv(tmp_path / "beta", "beta-only")
    env = clean_env(XDG_CACHE_HOME=str(tmp_path / "cache"))
    for python in (alpha, beta):
        result = run_mlop(
            "run", "-q", "--", str(python), "-c", WAIT_FOR_PACKAGES, store=store, env=env
        )
        assert result.returncode == 0, result.stderr
    shown = json.loads(run_mlop("show", "last", "--json", store=store, env=env).stdout)
    context = shown["context"]
    assert context["command_python_executable"] == str(beta)
    assert "beta-only" in context["packages"] and "alpha-only" not in context["packages"]


def test_a_run_that_ends_before_its_packages_are_listed_keeps_the_rest_of_its_context(
    tmp_path: Path, cache_env: dict[str, str]
) -> None:
    """Eight runs starting at once on a busy machine: the packages were not listed before the
    command ended, and the machine's context (platform, CPU, memory) was lost with them."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    slow = bin_dir / "python"
    slow.write_text(
        "#!/bin/sh\n"
        'case "$*" in *metadata*|*distributions*) sleep 30 ;; esac\n'
        f'exec {sys.executable} "$@"\n'
    )
    slow.chmod(0o755)
    store = tmp_path / "store" / "mlop.db"
    result = run_mlop("run", "-q", "--", str(slow), "-c", "print('hi')", store=store, env=cache_env)
    assert result.returncode == 0, result.stderr
    context = json.loads(run_mlop("show", "last", "--json", store=store).stdout)["context"]
    assert context.get("platform") and context.get("memory_total_bytes")
    assert "packages" not in context  # the listing was still running: this is the case
