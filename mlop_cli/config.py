"""Settings: command-line flag > ``MLOP_*`` environment variable > config file > default.

The config file is ``mlop.toml`` or the ``[tool.mlop]`` table of ``pyproject.toml``, found in
the working directory or the nearest parent that has one. Unknown keys are an error: a typo
must not silently fall back to a default. The store is found upward the same way (the nearest
``.mlop/``, never above the config file's folder): see :func:`project_folder`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mlop_cli.errors import ConfigError

DEFAULT_STORE = Path(".mlop") / "mlop.db"

# key: (type, description) — the documented config file, checked on load.
KEYS: dict[str, tuple[type | tuple[type, ...], str]] = {
    "store": (str, "path of the SQLite store (default .mlop/mlop.db)"),
    "project": (str, "default project of new runs"),
    "patterns": (list, "extra regexes for console metrics (named groups, or key/value groups)"),
    "builtin_patterns": (bool, "use the built-in console recognisers (default true)"),
    "tb_dirs": (list, "extra folders to watch for TensorBoard event files"),
    "tensorboard": (bool, "watch for TensorBoard event files (default true)"),
    "sample_interval": ((int, float), "seconds between system samples (default 1)"),
    "system": (bool, "sample CPU, memory and GPUs (default true)"),
    "redact": (list, "extra words that mark a variable or option as secret"),
    "max_metrics": (int, "most distinct console metric names per run (default 1000)"),
    "diagnosis": (dict, "thresholds of the idle-GPU, memory-leak and host-memory warnings"),
    "report": (dict, "report defaults: output (path), include_env (bool), last (int)"),
    "tags": (list, "tags added to every run"),
    "sync_to": (str, "PostgreSQL URL that mlop run syncs to in the background (mlop sync)"),
}
REPORT_KEYS = {"output": str, "include_env": bool, "last": int}
# The least value a number may take, in the config file and in the command-line options alike.
MINIMA = {"sample_interval": 0.05, "max_metrics": 1, "report.last": 1}
# A day between two system samples at most: a longer wait is no sampling (and past the
# platform's time_t it crashed the sampler).
MAXIMA = {"sample_interval": 86400.0}


@dataclass
class ConfigFile:
    """The config file found, and its table."""

    path: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)


def find_config(start: Path) -> ConfigFile:
    """Find and read the nearest ``mlop.toml`` or ``pyproject.toml`` with ``[tool.mlop]``."""
    for folder in (start, *start.parents):
        candidate = folder / "mlop.toml"
        if candidate.is_file():
            return ConfigFile(candidate, _check(candidate, _read_toml(candidate)))
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _read_toml(pyproject).get("tool", {}).get("mlop")
            if table is not None:
                if not isinstance(table, dict):
                    raise ConfigError(f"{pyproject}: [tool.mlop] must be a table")
                return ConfigFile(pyproject, _check(pyproject, table))
    return ConfigFile()


def _read_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"cannot read {path}: {error.strerror}") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path} is not valid TOML: {error}") from error
    except UnicodeDecodeError as error:
        # TOML is UTF-8 by definition; tomllib lets the decoding error through as it is.
        line = bytes(error.object[: error.start]).count(b"\n") + 1
        raise ConfigError(
            f"{path} is not valid TOML: line {line} is not UTF-8 text"
            f" (byte 0x{error.object[error.start]:02x}); save the file as UTF-8"
        ) from error


def _check(path: Path, table: Mapping[str, Any]) -> dict[str, Any]:
    for key, value in table.items():
        if key not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise ConfigError(f"{path}: unknown key {key!r} (known keys: {known})")
        expected = KEYS[key][0]
        # (Not narrowed: mypy would make `value` an object once checked against a tuple of types.)
        if not _is_instance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ConfigError(
                f"{path}: {key} must be {_type_name(expected)}, not {type(value).__name__}"
            )
        _check_minimum(path, key, value)
        if key == "report":
            for sub, sub_value in value.items():
                if sub not in REPORT_KEYS:
                    raise ConfigError(
                        f"{path}: unknown key report.{sub} (known: {', '.join(REPORT_KEYS)})"
                    )
                if not isinstance(sub_value, REPORT_KEYS[sub]):
                    raise ConfigError(
                        f"{path}: report.{sub} must be {_type_name(REPORT_KEYS[sub])}"
                    )
                _check_minimum(path, f"report.{sub}", sub_value)
        if key == "diagnosis":
            from mlop_cli.sources.diagnosis import DiagnosisThresholds

            try:
                DiagnosisThresholds.from_mapping(value)
            except ValueError as error:
                raise ConfigError(f"{path}: [diagnosis] {error}") from error
        if key in ("patterns", "tb_dirs", "redact", "tags") and not all(
            isinstance(item, str) for item in value
        ):
            raise ConfigError(f"{path}: {key} must be a list of strings")
    return dict(table)


def _is_instance(value: Any, expected: type | tuple[type, ...]) -> bool:
    return isinstance(value, expected)


def _check_minimum(path: Path, key: str, value: Any) -> None:
    least = MINIMA.get(key)
    if least is not None and not value >= least:  # `not >=`: NaN is refused too
        raise ConfigError(f"{path}: {key} must be at least {least}, not {value}")
    most = MAXIMA.get(key)
    if most is not None and value > most:
        raise ConfigError(f"{path}: {key} must be at most {most:g}, not {value}")


def _type_name(expected: type | tuple[type, ...]) -> str:
    names = {
        str: "a string",
        list: "a list",
        bool: "true or false",
        int: "an integer",
        dict: "a table",
        float: "a number",
    }
    if isinstance(expected, tuple):
        return "a number"
    return names.get(expected, expected.__name__)


def resolve_store(flag: str | None, env: Mapping[str, str], config: ConfigFile, cwd: Path) -> Path:
    """The store path: ``--store`` > ``MLOP_STORE`` > config ``store`` (relative to the file) >
    the store of the project folder (see :func:`project_folder`)."""
    if flag:
        return Path(flag).expanduser()
    if env.get("MLOP_STORE"):
        return Path(env["MLOP_STORE"]).expanduser()
    if "store" in config.values and config.path is not None:
        return (config.path.parent / Path(config.values["store"]).expanduser()).resolve()
    return default_store(project_folder(cwd, config), slurm=bool(env.get("SLURM_JOB_ID")))


def project_folder(cwd: Path, config: ConfigFile) -> Path:
    """The folder whose ``.mlop/`` holds the project's store, found as git finds ``.git``.

    The nearest folder, from ``cwd`` upward, that has a ``.mlop/`` folder; the search stops at
    the folder of the config file (it marks the project's root, as ``pyproject.toml`` does), and
    that folder is the answer when nothing below it has a store. With neither, ``cwd``: the
    first ``mlop run`` there creates ``./.mlop/``. So every command, in any subfolder, reads
    and writes one store per project.
    """
    root = config.path.parent if config.path is not None else None
    for folder in (cwd, *cwd.parents):
        if (folder / DEFAULT_STORE.parent).is_dir():
            return folder
        if folder == root:
            return folder
    return cwd


def default_store(cwd: Path, network_fs: bool | None = None, slurm: bool = False) -> Path:
    """``.mlop/mlop.db``; under Slurm or on a network filesystem ``.mlop/<host>.db``.

    Nodes of a multi-node job sharing a working directory on NFS or Lustre then never write one
    SQLite file at once (WAL needs memory shared between hosts, and network locks are
    unreliable); readers merge the folder.
    """
    folder = cwd / DEFAULT_STORE.parent
    if network_fs is None and not slurm:
        from mlop_cli.store.filesystems import is_network_filesystem

        network_fs = is_network_filesystem(folder)
    if slurm or network_fs:
        import socket

        host = "".join(c if c.isalnum() or c in "-_." else "-" for c in socket.gethostname())
        return folder / f"{host or 'node'}.db"
    return cwd / DEFAULT_STORE


def env_bool(env: Mapping[str, str], name: str) -> bool | None:
    """Read a boolean ``MLOP_*`` variable (1/true/yes, 0/false/no)."""
    value = env.get(name)
    if value is None or value == "":
        return None
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{name}={value!r}: expected 1/true/yes or 0/false/no")


def env_text(env: Mapping[str, str], name: str) -> str | None:
    """Read a text ``MLOP_*`` variable; unset or empty is None."""
    return env.get(name) or None


def env_interval(env: Mapping[str, str], name: str) -> float | None:
    """Read a number of seconds (``MLOP_SAMPLE_INTERVAL``), at least ``MINIMA['sample_interval']``."""
    value = env.get(name)
    if not value:
        return None
    try:
        number = float(value)
    except ValueError as error:
        raise ConfigError(f"{name}={value!r} is not a number") from error
    least, most = MINIMA["sample_interval"], MAXIMA["sample_interval"]
    if number != number:
        raise ConfigError(f"{name}={value!r} is not a number")
    if not number >= least:  # as --sample-interval
        raise ConfigError(f"{name}={value!r}: give at least {least} seconds")
    if number > most:
        raise ConfigError(f"{name}={value!r}: give at most {most:g} seconds")
    return number


@dataclass(frozen=True)
class Setting:
    """One setting of ``mlop run``: where each layer of it comes from."""

    name: str
    default: Any
    env: str | None = None  # the MLOP_* variable
    read_env: Callable[[Mapping[str, str], str], Any] = env_text
    in_file: bool = True  # a key of the config file (KEYS) under ``name``
    merged: bool = False  # a list: the file's items, then the flag's (no variable)


# Every setting of `mlop run`, resolved once, the same way: flag > MLOP_* > config file > default.
RUN_SETTINGS: tuple[Setting, ...] = (
    Setting("project", None, "MLOP_PROJECT"),
    Setting("quiet", False, "MLOP_QUIET", env_bool, in_file=False),
    Setting("tensorboard", True, "MLOP_TENSORBOARD", env_bool),
    Setting("system", True, "MLOP_SYSTEM", env_bool),
    Setting("sample_interval", 1.0, "MLOP_SAMPLE_INTERVAL", env_interval),
    Setting("builtin_patterns", True),
    Setting("max_metrics", 1000),
    Setting("tags", [], merged=True),
    Setting("patterns", [], merged=True),
    Setting("tb_dirs", [], merged=True),
    Setting("redact", [], merged=True),
    Setting("diagnosis", {}),
)


def resolve_settings(
    flags: Mapping[str, Any], env: Mapping[str, str], config: ConfigFile
) -> dict[str, Any]:
    """Every setting of :data:`RUN_SETTINGS`, each from the first layer that sets it.

    Args:
        flags: the command-line values by setting name; None (or absent) is "not given", so an
            on/off option passes False when its ``--no-…`` form is given and None otherwise.
        env: the environment (``MLOP_*`` variables).
        config: the config file found.

    Raises:
        ConfigError: a malformed ``MLOP_*`` variable.
    """
    resolved: dict[str, Any] = {}
    for setting in RUN_SETTINGS:
        from_file = config.values.get(setting.name) if setting.in_file else None
        flag = flags.get(setting.name)
        if setting.merged:
            resolved[setting.name] = [*(from_file or []), *(flag or [])]
            continue
        env_value = setting.read_env(env, setting.env) if setting.env else None
        resolved[setting.name] = pick(
            flag,
            env_value,
            config if setting.in_file else ConfigFile(),
            setting.name,
            setting.default,
        )
    return resolved


def pick(flag: Any, env_value: Any, config: ConfigFile, key: str, default: Any) -> Any:
    """The first that is set of flag, environment, config file, default."""
    for value in (flag, env_value):
        if value is not None:
            return value
    return config.values.get(key, default)


def current_environment() -> dict[str, str]:
    """A copy of this process's environment."""
    return dict(os.environ)
