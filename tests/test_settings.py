"""Settings come from one table, each the same way: flag > `MLOP_*` > config file > default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mlop_cli.config import ConfigFile, find_config
from mlop_cli.errors import ConfigError
from tests.conftest import PYTHON, clean_env, run_mlop

# Writes one TensorBoard scalar with tensorboard's own writer, then lives long enough for a
# system sample or two.
CHILD = """
import time
from tensorboard.summary.writer.event_file_writer import EventFileWriter
from tensorboard.compat.proto.summary_pb2 import Summary
from tensorboard.compat.proto.event_pb2 import Event
writer = EventFileWriter('tb')
writer.add_event(Event(wall_time=time.time(), step=1, summary=Summary(value=[Summary.Value(tag='tb_loss', simple_value=0.5)])))
writer.close()
time.sleep(1.0)
"""


def _recorded(store: Path, cwd: Path, *flags: str, **env: str) -> dict:
    result = run_mlop(
        "run",
        "-q",
        "--sample-interval",
        "0.2",
        *flags,
        "--",
        PYTHON,
        "-c",
        CHILD,
        store=store,
        cwd=cwd,
        env=clean_env(**env),
    )
    assert result.returncode == 0, result.stderr
    shown = json.loads(run_mlop("show", "last", "--json", store=store).stdout)
    return {
        "system": shown["system_summary"] is not None,
        "tensorboard": "tb_loss" in shown["metrics"],
    }


def test_the_environment_beats_the_config_file(store: Path, tmp_path: Path) -> None:
    (tmp_path / "mlop.toml").write_text("tensorboard = false\nsystem = false\n")
    assert _recorded(store, tmp_path) == {"system": False, "tensorboard": False}
    on = _recorded(store, tmp_path, MLOP_TENSORBOARD="1", MLOP_SYSTEM="true")
    assert on == {"system": True, "tensorboard": True}
    # ... and the flag beats the environment.
    off = _recorded(
        store, tmp_path, "--no-system", "--no-tensorboard", MLOP_TENSORBOARD="1", MLOP_SYSTEM="1"
    )
    assert off == {"system": False, "tensorboard": False}


def test_every_setting_resolves_in_the_same_order(tmp_path: Path) -> None:
    from mlop_cli.config import RUN_SETTINGS, resolve_settings

    (tmp_path / "mlop.toml").write_text(
        'project = "file"\nsample_interval = 3.0\ntensorboard = false\nsystem = true\n'
        'tags = ["from-file"]\nmax_metrics = 7\n'
    )
    config = find_config(tmp_path)
    env = {"MLOP_PROJECT": "env", "MLOP_SAMPLE_INTERVAL": "2", "MLOP_TENSORBOARD": "yes"}
    resolved = resolve_settings({"sample_interval": 0.5, "tags": ["flag"]}, env, config)
    assert resolved["project"] == "env"  # env > file
    assert resolved["sample_interval"] == 0.5  # flag > env > file
    assert resolved["tensorboard"] is True  # env > file
    assert resolved["system"] is True and resolved["max_metrics"] == 7  # file > default
    assert resolved["tags"] == ["from-file", "flag"]  # lists add up
    assert resolved["quiet"] is False and resolved["builtin_patterns"] is True  # defaults
    defaults = resolve_settings({}, {}, ConfigFile())
    assert defaults == {setting.name: setting.default for setting in RUN_SETTINGS}
    with pytest.raises(ConfigError, match="MLOP_SYSTEM"):
        resolve_settings({}, {"MLOP_SYSTEM": "maybe"}, ConfigFile())
    with pytest.raises(ConfigError, match="at least"):
        resolve_settings({}, {"MLOP_SAMPLE_INTERVAL": "0"}, ConfigFile())


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("mlop.toml", b'project = "caf\xe9"\n'),  # Latin-1, not UTF-8
        ("pyproject.toml", b'[project]\nname = "x"\n\n[tool.mlop]\ntags = ["\xff"]\n'),
    ],
)
def test_a_config_file_that_is_not_utf8_is_one_line(
    tmp_path: Path, store: Path, name: str, content: bytes
) -> None:
    (tmp_path / name).write_bytes(content)
    for command in (("ls",), ("run", "-q", "--", "echo", "not run")):
        result = run_mlop(*command, store=store, cwd=tmp_path)
        assert result.returncode == 2 and result.stdout == b""
        lines = result.stderr.decode().splitlines()
        assert len(lines) == 1 and str(tmp_path / name) in lines[0], lines
        assert "UTF-8" in lines[0] and "line" in lines[0]
