"""The run's context: who, where, what code, which environment, which hyperparameters.

Cheap parts (host, user, argv, environment) are gathered before the command starts; slower
parts (git, installed packages, CPU model) in a background thread after it has started, so
the training run never waits on them.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import platform
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from mlop_cli._file_lock import exclusive_lock
from mlop_cli.redact import (
    REDACTED,
    is_secret_name,
    redact_argv,
    redact_environment,
    redact_text,
    strip_url_credentials,
    text_secrets,
)
from mlop_cli.supervise.slurm_signals import helper_preexec
from mlop_cli.supervise.supervisor import shebang_words
from mlop_cli.valid_text import shown_text

GIT_DIFF_LIMIT = 256 * 1024
SLURM_VARIABLES = (
    "SLURM_JOB_ID",
    "SLURM_JOB_NAME",
    "SLURM_ARRAY_JOB_ID",
    "SLURM_ARRAY_TASK_ID",
    "SLURM_STEP_ID",
    "SLURM_PROCID",
    "SLURM_LOCALID",
    "SLURM_NODEID",
    "SLURM_NTASKS",
    "SLURM_NNODES",
    "SLURMD_NODENAME",
    "SLURM_JOB_NODELIST",
    "SLURM_JOB_PARTITION",
    "SLURM_CLUSTER_NAME",
    "SLURM_RESTART_COUNT",
    "SLURM_JOB_ACCOUNT",
    "SLURM_SUBMIT_DIR",
)
CI_SYSTEMS: dict[str, tuple[str, tuple[str, ...]]] = {
    # detecting variable: (name, variables kept)
    "GITHUB_ACTIONS": (
        "github-actions",
        (
            "GITHUB_RUN_ID",
            "GITHUB_RUN_NUMBER",
            "GITHUB_REPOSITORY",
            "GITHUB_SHA",
            "GITHUB_REF",
            "GITHUB_WORKFLOW",
            "GITHUB_JOB",
            "GITHUB_ACTOR",
            "GITHUB_SERVER_URL",
        ),
    ),
    "GITLAB_CI": (
        "gitlab",
        (
            "CI_PIPELINE_ID",
            "CI_JOB_ID",
            "CI_JOB_NAME",
            "CI_PROJECT_PATH",
            "CI_COMMIT_SHA",
            "CI_COMMIT_REF_NAME",
            "CI_JOB_URL",
        ),
    ),
    "JENKINS_URL": (
        "jenkins",
        ("BUILD_NUMBER", "BUILD_ID", "JOB_NAME", "BUILD_URL", "GIT_COMMIT", "GIT_BRANCH"),
    ),
    "BUILDKITE": (
        "buildkite",
        (
            "BUILDKITE_BUILD_NUMBER",
            "BUILDKITE_BUILD_ID",
            "BUILDKITE_PIPELINE_SLUG",
            "BUILDKITE_COMMIT",
            "BUILDKITE_BRANCH",
            "BUILDKITE_BUILD_URL",
            "BUILDKITE_JOB_ID",
        ),
    ),
}
CONFIG_OPTIONS = {
    "config",
    "cfg",
    "config_file",
    "config_path",
    "c",
    "conf",
    "configs",
    "hparams",
    "hparams_file",
}
CONFIG_SUFFIXES = {".yaml", ".yml", ".json", ".toml"}
_PYTHON = re.compile(r"^(python|pypy)(\d+(\.\d+)?)?$")
_INT = re.compile(r"^[+-]?\d+$")
_FLOAT = re.compile(r"^[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?$|^[+-]?(inf|nan)$", re.I)
_OPTION = re.compile(r"^--?([A-Za-z_][\w.-]*)$")
_HYDRA = re.compile(r"^[+~]{0,2}([A-Za-z_][\w./-]*)=(.*)$")


def exact_bytes(text: str) -> str | None:
    """The bytes ``text`` stands for, as hex, when :func:`shown_text` had to escape them."""
    if shown_text(text) is text:
        return None
    return os.fsencode(text).hex() if _encodable(text) else None


def _encodable(text: str) -> bool:
    try:
        os.fsencode(text)
    except UnicodeEncodeError:
        return False
    return True


def shown_values(value: Any) -> Any:
    """``value`` with every string in it (in dicts, lists, tuples) made :func:`shown_text`."""
    if isinstance(value, str):
        return shown_text(value)
    if isinstance(value, dict):
        return {shown_values(key): shown_values(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(shown_values(item) for item in value)
    return value


def typed_value(text: str) -> Any:
    """``"3e-4"`` -> 0.0003, ``"32"`` -> 32, ``"true"`` -> True, anything else stays a string."""
    lowered = text.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if lowered in ("none", "null"):
        return None
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    return text


def script_arguments(argv: list[str]) -> list[str]:
    """The arguments of the training program, skipping a Python interpreter and its options."""
    if not argv:
        return []
    if not _PYTHON.match(Path(argv[0]).name):
        return argv[1:]
    index = 1
    while index < len(argv):
        arg = argv[index]
        if arg == "-m" or arg == "-c":
            return argv[index + 2 :]
        if arg in ("-W", "-X", "--check-hash-based-pycs"):
            index += 2
            continue
        if arg.startswith("-"):
            index += 1
            continue
        return argv[index + 1 :]
    return []


def params_from_argv(argv: list[str], extra_secret_words: Iterable[str] = ()) -> dict[str, Any]:
    """Hyperparameters named on the command line.

    ``--lr 3e-4``, ``--lr=3e-4``, Hydra-style ``lr=3e-4`` and ``optimizer.lr=3e-4``, boolean
    flags (``--fp16`` -> True). Option names use ``_`` for ``-`` as argparse's ``dest`` does.
    Secret-named options are skipped (they are redacted from the context anyway).
    """
    extra = tuple(extra_secret_words)
    params: dict[str, Any] = {}
    args = [shown_text(arg) for arg in script_arguments(argv)]
    index = 0
    while index < len(args):
        arg = args[index]
        index += 1
        if arg == "--":
            continue
        if arg.startswith("-") and not _FLOAT.match(arg):
            body = arg.lstrip("-")
            if "=" in body:
                name, value = body.split("=", 1)
                if _OPTION.match("--" + name):
                    _set_param(params, name, typed_value(value), extra)
                continue
            if not _OPTION.match(arg):
                continue
            following = args[index] if index < len(args) else None
            if following is not None and (not following.startswith("-") or _FLOAT.match(following)):
                values = [following]
                index += 1
                # nargs='+' style: --betas 0.9 0.999
                while (
                    index < len(args)
                    and (not args[index].startswith("-") or _FLOAT.match(args[index]))
                    and "=" not in args[index]
                ):
                    if not (_FLOAT.match(args[index]) and _FLOAT.match(values[0])):
                        break
                    values.append(args[index])
                    index += 1
                parsed: Any = (
                    typed_value(values[0]) if len(values) == 1 else [typed_value(v) for v in values]
                )
                _set_param(params, body, parsed, extra)
            else:
                _set_param(params, body, True, extra)
            continue
        match = _HYDRA.match(arg)
        if match and not arg.startswith("~"):
            _set_param(params, match[1], typed_value(match[2]), extra)
    return params


def _set_param(params: dict[str, Any], name: str, value: Any, extra: tuple[str, ...]) -> None:
    key = name.replace("-", "_")
    if is_secret_name(key.rsplit(".", 1)[-1], extra):
        return
    params[key] = value


def config_files_in_argv(argv: list[str], cwd: Path) -> list[Path]:
    """Config files named in argv (``--config cfg.yaml``, ``--cfg=x.json``, ``-c x.toml``) that exist."""
    args = script_arguments(argv)
    found: list[Path] = []
    for index, arg in enumerate(args):
        value = None
        if arg.startswith("-"):
            body = arg.lstrip("-")
            name, _, inline = body.partition("=")
            if name.replace("-", "_").lower() in CONFIG_OPTIONS:
                value = inline or (args[index + 1] if index + 1 < len(args) else None)
        if value:
            path = (cwd / value).expanduser()
            if path.suffix.lower() in CONFIG_SUFFIXES and path.is_file():
                found.append(path)
    return found


def read_config_file(path: Path) -> dict[str, Any]:
    """Read a YAML, JSON or TOML file into a dict (raises ValueError/OSError on bad input)."""
    text = path.read_text(encoding="utf-8")
    suffix = path.suffix.lower()
    if suffix == ".json":
        data = json.loads(text)
    elif suffix == ".toml":
        data = _toml_loads(text)
    else:
        import yaml

        data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"{path} does not hold a mapping at its top level")
    return data


def _toml_loads(text: str) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    return tomllib.loads(text)


def flatten(data: Mapping[str, Any], prefix: str = "", separator: str = ".") -> dict[str, Any]:
    """``{"optimizer": {"lr": 1e-3}}`` -> ``{"optimizer.lr": 1e-3}``; lists stay values."""
    flat: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{separator}{key}" if prefix else str(key)
        if isinstance(value, Mapping) and value:
            flat.update(flatten(value, name, separator))
        else:
            flat[name] = value
    return flat


def redact_params(
    params: Mapping[str, Any], extra_words: Iterable[str] = ()
) -> tuple[dict[str, Any], list[str]]:
    """Redact values under secret-named keys; return the clean params and the secrets found."""
    extra = tuple(extra_words)
    clean: dict[str, Any] = {}
    secrets: list[str] = []
    for key, value in params.items():
        if is_secret_name(key.rsplit(".", 1)[-1], extra):
            clean[key] = REDACTED
            if value is not None:
                secrets.append(str(value))
        elif isinstance(value, str) and (found := text_secrets(value, extra)):
            secrets += found
            clean[key] = redact_text(value, extra)
        else:
            clean[key] = value
    return clean, secrets


def quick_context(
    argv: list[str], env: Mapping[str, str], cwd: Path, extra_secret_words: Iterable[str] = ()
) -> tuple[dict[str, Any], list[str]]:
    """The context known before the command starts, and the secret values found in it."""
    extra = tuple(extra_secret_words)
    clean_env, env_secrets = redact_environment(env, extra)
    clean_argv, argv_secrets = redact_argv(argv, extra)
    context: dict[str, Any] = {
        "command": [shown_text(arg) for arg in clean_argv],
        "cwd": shown_text(str(cwd)),
        "host": socket.gethostname(),
        "user": _user(),
        "python": platform.python_version(),
        "python_executable": sys.executable,
        "cpu_count": os.cpu_count(),
        "env": shown_values(clean_env),
    }
    # The exact bytes of what had to be escaped (hex), so nothing given is lost.
    raw: dict[str, Any] = {}
    if any(exact_bytes(arg) for arg in clean_argv):
        raw["command"] = [exact_bytes(arg) for arg in clean_argv]
    if exact_bytes(str(cwd)):
        raw["cwd"] = exact_bytes(str(cwd))
    if raw:
        context["exact_bytes"] = raw
    slurm = {name: env[name] for name in SLURM_VARIABLES if name in env}
    if slurm:
        context["slurm"] = slurm
    ci = ci_context(env)
    if ci:
        context["ci"] = ci
    return context, env_secrets + argv_secrets


def ci_context(env: Mapping[str, str]) -> dict[str, Any] | None:
    """The CI system and its ids, when running in one (GitHub Actions, GitLab, Jenkins, Buildkite, generic CI)."""
    for detector, (name, variables) in CI_SYSTEMS.items():
        if env.get(detector):
            kept = {variable: env[variable] for variable in variables if variable in env}
            return {"system": name, **{k: redact_text(v) for k, v in kept.items()}}
    if env.get("CI", "").lower() in ("1", "true", "yes"):
        return {"system": "ci"}
    return None


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return str(os.getuid())


def slow_context_parts(
    argv: list[str], cwd: Path, env: Mapping[str, str] | None = None, scrub: Any = None
) -> Iterator[dict[str, Any]]:
    """Context that takes time to gather, in parts, quickest first: the machine (platform,
    CPU model, memory), git, the installed packages. A run that ends before the packages are
    listed (a busy machine) still records the others."""
    machine: dict[str, Any] = {}
    # platform.platform() runs `uname -p` in a subprocess: gathered here, off the start-up path.
    machine["platform"] = platform.platform()
    machine["cpu_model"] = _cpu_model()
    try:
        import psutil

        machine["memory_total_bytes"] = psutil.virtual_memory().total
    except Exception:  # psutil may be unable to read /proc in odd containers
        pass
    yield machine
    git = git_context(cwd)
    if git:
        if git.get("diff"):
            # An uncommitted diff may add a key (`API_KEY = "sk-..."`): its secrets are found
            # by their form, besides those of the environment and argv.
            git["diff"] = redact_text(scrub(git["diff"]) if scrub is not None else git["diff"])
        yield {"git": git}
    packages = python_packages(argv, env)
    if packages:
        yield dict(packages)


def _cpu_model() -> str | None:
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as cpuinfo:
            for line in cpuinfo:
                if line.startswith(("model name", "Model", "Hardware")):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or None


def _git(cwd: Path, *args: str, limit: int | None = None) -> str | None:
    try:
        result = subprocess.run(
            ["git", *args],
            cwd=cwd,
            # Never the repository's index.lock: `git status` refreshes the index as it reads,
            # which would race the user's own git commands (and a `ulimit -f` cut it short,
            # leaving the lock behind: every later `git commit` failed).
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"},
            capture_output=True,
            timeout=10,
            check=False,
            stdin=subprocess.DEVNULL,
            preexec_fn=helper_preexec(),
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    out = result.stdout[:limit] if limit else result.stdout
    return out.decode("utf-8", "replace").strip("\n")


def git_context(cwd: Path) -> dict[str, Any] | None:
    """Commit, branch, remote (credentials removed), dirty flag and a capped diff of tracked changes."""
    if shutil.which("git") is None:
        return None
    commit = _git(cwd, "rev-parse", "HEAD")
    if commit is None:
        return None
    status = _git(cwd, "status", "--porcelain", "--untracked-files=no") or ""
    # (diff-index, git diff's plumbing: `git diff` rewrites a stale index even so)
    diff = (
        _git(
            cwd, "diff-index", "-p", "--no-color", "--no-ext-diff", "HEAD", limit=GIT_DIFF_LIMIT + 1
        )
        or ""
    )
    remote = _git(cwd, "remote", "get-url", "origin")
    info: dict[str, Any] = {
        "commit": commit,
        "branch": _git(cwd, "rev-parse", "--abbrev-ref", "HEAD"),
        "dirty": bool(status.strip()),
        "remote": _strip_credentials(remote) if remote else None,
        "root": _git(cwd, "rev-parse", "--show-toplevel"),
    }
    if diff:
        info["diff_truncated"] = len(diff) > GIT_DIFF_LIMIT
        info["diff"] = diff[:GIT_DIFF_LIMIT]
    return info


def _strip_credentials(url: str) -> str:
    # https://user:token@github.com/x -> https://github.com/x (a token may hold any character)
    return strip_url_credentials(url)


_PACKAGES_SCRIPT = (
    "import json, os, sys\n"
    "from importlib import metadata\n"
    "seen = {}\n"
    "for d in metadata.distributions():\n"
    "    name = d.metadata['Name']\n"
    "    if name and name not in seen: seen[name] = d.version\n"
    "stamps = {p: os.stat(p).st_mtime for p in sys.path if p and os.path.isdir(p)}\n"
    "print(json.dumps({'python': sys.version.split()[0], 'executable': sys.executable, 'packages': seen,"
    " 'prefix': sys.prefix, 'stamps': stamps}))\n"
)
# What else decides an interpreter's sys.path besides its environment (sys.prefix).
_PATH_VARIABLES = ("PYTHONPATH", "PYTHONHOME", "PYTHONNOUSERSITE", "PYTHONUSERBASE")


def command_interpreter(argv: list[str], env: Mapping[str, str] | None = None) -> str | None:
    """The Python interpreter a command runs in: ``python``, or a script's ``#!`` line (torchrun).

    Looked up on the command's own ``PATH`` (``env``), as the command will be, not mlop's.
    """
    if not argv:
        return None
    search = env.get("PATH") if env is not None else None
    if _PYTHON.match(Path(argv[0]).name):
        return shutil.which(argv[0], path=search) or argv[0]
    path = shutil.which(argv[0], path=search)
    if path is None:
        return None
    parts = shebang_words(path)
    if not parts:
        return None
    if Path(parts[0]).name == "env" and len(parts) > 1:
        parts = parts[1:]
    return shutil.which(parts[0], path=search) if _PYTHON.match(Path(parts[0]).name) else None


def environment_prefix(interpreter: str) -> str:
    """The ``sys.prefix`` an interpreter will have, found without starting it.

    As CPython finds it: a virtual environment is the folder holding ``pyvenv.cfg``, beside the
    executable or one level up (the path as given: a venv's ``python`` is a link to its base
    interpreter, so resolving it would name the base); otherwise the installation the real
    executable lives in (``/usr/bin/python3`` -> ``/usr``, a conda env's ``bin/python`` -> the env).
    """
    executable = os.path.abspath(interpreter)
    folder = os.path.dirname(executable)
    for candidate in (folder, os.path.dirname(folder)):
        if os.path.isfile(os.path.join(candidate, "pyvenv.cfg")):
            return candidate
    return os.path.dirname(os.path.dirname(os.path.realpath(executable)))


def python_packages(argv: list[str], env: Mapping[str, str] | None = None) -> dict[str, Any] | None:
    """Distributions installed for the command's interpreter (run at low priority, off the start-up path).

    Cached per environment (the interpreter's ``sys.prefix``, its real executable and the
    variables that change ``sys.path``), and valid while none of its ``sys.path`` folders
    changed (installing or removing a package changes its folder): a job array of a hundred
    tasks lists the packages once, not a hundred times, and every virtualenv made from one
    base interpreter has its own entry.
    """
    interpreter = command_interpreter(argv, env)
    if interpreter is None:
        return None
    prefix = environment_prefix(interpreter)
    cache = _packages_cache_file(interpreter, prefix, env)
    data = _read_packages_cache(cache, prefix)
    if data is None:
        with exclusive_lock(cache):
            data = _read_packages_cache(cache, prefix)  # another run may have just written it
            if data is None:
                data = _list_packages(interpreter, env)
                if data is not None and cache is not None:
                    with contextlib.suppress(OSError):
                        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
                        tmp.write_text(json.dumps(data))
                        tmp.replace(cache)
    if data is None:
        return None
    return {
        "command_python": data.get("python"),
        "command_python_executable": data.get("executable"),
        "command_python_prefix": data.get("prefix"),
        "packages": data.get("packages"),
    }


def _list_packages(interpreter: str, env: Mapping[str, str] | None) -> dict[str, Any] | None:
    # Low priority: the training run has the CPU at start-up, when it needs it most.
    nice = [shutil.which("nice") or "nice", "-n", "10"] if shutil.which("nice") else []
    try:
        result = subprocess.run(
            [*nice, interpreter, "-c", _PACKAGES_SCRIPT],
            capture_output=True,
            timeout=60,
            check=False,
            stdin=subprocess.DEVNULL,
            preexec_fn=helper_preexec(),
            env=dict(env) if env is not None else None,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    try:
        return json.loads(result.stdout)
    except ValueError:
        return None


def _packages_cache_file(
    interpreter: str, prefix: str, env: Mapping[str, str] | None
) -> Path | None:
    import hashlib

    variables = env if env is not None else os.environ
    base = variables.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "mlop"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    identity = [os.path.realpath(prefix), os.path.realpath(interpreter)]
    identity += [variables.get(name, "") for name in _PATH_VARIABLES]
    key = hashlib.sha256("\0".join(identity).encode()).hexdigest()[:24]
    return folder / f"packages-{key}.json"


def _read_packages_cache(cache: Path | None, prefix: str) -> dict[str, Any] | None:
    """The cached listing, if it is of this environment and no ``sys.path`` folder changed since."""
    if cache is None:
        return None
    try:
        data = json.loads(cache.read_text())
        if os.path.realpath(data.get("prefix") or "") != os.path.realpath(prefix):
            return None  # another environment's, or a listing from before prefixes were kept
        for folder, stamp in data.get("stamps", {}).items():
            if os.stat(folder).st_mtime != stamp:
                return None
    except (OSError, ValueError, AttributeError):
        return None
    return data
