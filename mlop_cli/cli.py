"""The ``mlop`` command line: flags in, one library call, output and an exit code out.

No logic lives here (sqlite-utils' habit): each command resolves settings, calls the library
and renders. Errors become one line on stderr and a named exit code.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import typer

from mlop_cli import __version__
from mlop_cli.errors import ExitCode, MlopError, UsageError

CONTEXT = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(
    name="mlop",
    help="Record everything about a training run without changing the training script.\n\n"
    "Example: mlop run -- python train.py --lr 3e-4",
    context_settings=CONTEXT,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

StoreOption = typer.Option(
    None,
    "--store",
    help="Store file (default: $MLOP_STORE, the config file, or .mlop/mlop.db).",
    show_default=False,
)
JsonOption = typer.Option(False, "--json", help="Print JSON on stdout instead of a table.")


def _version(value: bool) -> None:
    if value:
        print(f"mlop {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Record everything about a training run without changing the training script."""


def _console(stream: Any = None):  # -> rich.console.Console
    from rich.console import Console

    no_color = bool(os.environ.get("NO_COLOR"))
    target = stream or sys.stdout
    # Piped into a file or another program: wide rows, no wrapping mid-id.
    width = None if target.isatty() else 200
    return Console(file=target, no_color=no_color, highlight=False, soft_wrap=False, width=width)


def _config(cwd: Path):  # -> ConfigFile
    from mlop_cli.config import find_config

    return find_config(cwd)


def _store_path(flag: str | None) -> Path:
    from mlop_cli.config import resolve_store

    cwd = Path.cwd()
    return resolve_store(flag, os.environ, _config(cwd), cwd)


# -- store backends (sync feature) -------------------------------------------------------


def _store_spec(flag: str | None) -> str:
    """The ``--store`` value as given: a path, a folder of stores, or a PostgreSQL URL."""
    from mlop_cli.store.pg import is_pg_url

    config = _config(Path.cwd())
    for candidate in (flag, os.environ.get("MLOP_STORE"), config.values.get("store")):
        if candidate and is_pg_url(candidate):
            return candidate  # as is: Path() would fold the URL's "//"
    path = _store_path(flag)
    if not flag and not os.environ.get("MLOP_STORE") and "store" not in config.values:
        # One store per node on a shared filesystem (.mlop/<host>.db): read them all.
        if path.parent.is_dir() and any(p != path for p in path.parent.glob("*.db")):
            return str(path.parent)
    return str(path)


def _open_store(flag: str | None):  # -> RunStore
    from mlop_cli.store.backends import open_store

    return open_store(_store_spec(flag))


def _sync_url(flag: str | None) -> str | None:
    """``--to`` / ``--sync-to`` > ``MLOP_SYNC_TO`` > config ``sync_to``; checked, never printed."""
    from mlop_cli.config import pick
    from mlop_cli.store.pg import is_pg_url, redact_url

    url = pick(flag, os.environ.get("MLOP_SYNC_TO") or None, _config(Path.cwd()), "sync_to", None)
    if url and not is_pg_url(url):
        raise UsageError(
            f"{redact_url(url)!r} is not a PostgreSQL URL; expected postgresql://USER@HOST/DB"
        )
    return url


# -- end of store backends ----------------------------------------------------------------


def _print_json(data: Any) -> None:
    sys.stdout.write(
        json.dumps(data, indent=2, ensure_ascii=False, default=str, allow_nan=False) + "\n"
    )


# -- run -------------------------------------------------------------------------------


@app.command(
    context_settings={**CONTEXT, "allow_interspersed_args": False, "ignore_unknown_options": True},
    no_args_is_help=True,
)
def run(
    command: list[str] = typer.Argument(
        None, help="The command to run, after `--`.", show_default=False
    ),
    name: str | None = typer.Option(
        None, "--name", "-n", help="Run name (default: script name and id suffix)."
    ),
    project: str | None = typer.Option(None, "--project", "-p", help="Project the run belongs to."),
    tag: list[str] = typer.Option([], "--tag", "-t", help="Tag the run (repeatable)."),
    param: list[str] = typer.Option(
        [], "--param", help="Record a parameter KEY=VALUE (repeatable)."
    ),
    store: str | None = StoreOption,
    pty: bool | None = typer.Option(
        None,
        "--pty/--no-pty",
        help="Run under a pseudo-terminal (default: when stdout is a terminal).",
        show_default=False,
    ),
    quiet: bool = typer.Option(
        False, "--quiet", "-q", help="No start and summary lines on stderr."
    ),
    pattern: list[str] = typer.Option(
        [],
        "--pattern",
        help="Regex for console metrics: named groups, or key/value groups (repeatable).",
    ),
    no_builtin_patterns: bool = typer.Option(
        False, "--no-builtin-patterns", help="Turn the built-in console recognisers off."
    ),
    tb_dir: list[str] = typer.Option(
        [], "--tb-dir", help="Also watch this folder for TensorBoard event files (repeatable)."
    ),
    no_tensorboard: bool = typer.Option(
        False, "--no-tensorboard", help="Do not look for TensorBoard event files."
    ),
    sample_interval: float | None = typer.Option(
        None, "--sample-interval", help="Seconds between system samples (default 1).", min=0.05
    ),
    no_system: bool = typer.Option(
        False, "--no-system", help="Do not sample CPU, memory and GPUs."
    ),
    sync_to: str | None = typer.Option(
        None,
        "--sync-to",
        help="Also sync the run to this PostgreSQL URL, in the background "
        "(default: $MLOP_SYNC_TO, config sync_to).",
        show_default=False,
    ),
) -> None:
    """Run COMMAND and record its console, metrics, system usage and context.

    Exits with COMMAND's exit code (128+N when a signal N ended it).

    Example: mlop run --name baseline --tag ablation -- python train.py --lr 3e-4
    """
    from mlop_cli.config import env_bool, pick
    from mlop_cli.context import typed_value
    from mlop_cli.runner import RunOptions, execute_run

    if not command:
        raise UsageError("give the command to run after `--`, e.g. mlop run -- python train.py")
    if command[0].startswith("-"):
        # Unknown options are kept for the command (`mlop run python train.py --lr 3e-4`), so a
        # mistyped mlop option would otherwise be run as a command.
        raise UsageError(
            f"no such option: {command[0]} (see `mlop run --help`; the command goes after `--`)"
        )
    cwd = Path.cwd()
    config = _config(cwd)
    env = dict(os.environ)
    params: dict[str, Any] = {}
    for item in param:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--param {item!r}: expected KEY=VALUE")
        params[key.strip()] = typed_value(value)
    patterns = _compile_patterns([*config.values.get("patterns", []), *pattern])
    tb_dirs = [Path(p) for p in [*config.values.get("tb_dirs", []), *tb_dir]]
    for folder in tb_dirs:
        if folder.exists() and not folder.is_dir():
            raise UsageError(f"--tb-dir {folder}: not a folder")
    interval = pick(
        sample_interval, _float_env(env, "MLOP_SAMPLE_INTERVAL"), config, "sample_interval", 1.0
    )
    from mlop_cli.store.pg import is_pg_url

    if is_pg_url(store):
        raise UsageError(
            "mlop run records to a local store; send it to PostgreSQL with --sync-to URL"
        )
    options = RunOptions(
        argv=list(command),
        store=_store_path(store),
        name=name,
        project=pick(project, env.get("MLOP_PROJECT"), config, "project", None),
        tags=[*config.values.get("tags", []), *tag],
        params=params,
        use_pty=pty,
        quiet=quiet or bool(env_bool(env, "MLOP_QUIET")),
        patterns=patterns,
        builtin_patterns=not no_builtin_patterns and config.values.get("builtin_patterns", True),
        max_metrics=config.values.get("max_metrics", 1000),
        tensorboard=not no_tensorboard
        and config.values.get("tensorboard", True)
        and env_bool(env, "MLOP_TENSORBOARD") is not False,
        tb_dirs=tb_dirs,
        system=not no_system
        and config.values.get("system", True)
        and env_bool(env, "MLOP_SYSTEM") is not False,
        sample_interval=float(interval),
        diagnosis=dict(config.values.get("diagnosis", {})),
        secret_words=list(config.values.get("redact", [])),
        cwd=cwd,
        env=env,
        sync_to=_sync_url(sync_to),
    )
    raise typer.Exit(execute_run(options))


def _float_env(env: dict[str, str], name: str) -> float | None:
    value = env.get(name)
    if not value:
        return None
    try:
        return float(value)
    except ValueError as error:
        raise UsageError(f"{name}={value!r} is not a number") from error


def _compile_patterns(patterns: list[str]) -> list[Any]:
    if not patterns:
        return []
    try:
        from mlop_cli.sources.console.parsers import PatternError, compile_patterns
    except ImportError:  # pragma: no cover
        import re

        try:
            return [re.compile(p) for p in patterns]
        except re.error as error:
            raise UsageError(f"invalid --pattern: {error}") from error
    try:
        return compile_patterns(patterns)
    except PatternError as error:
        raise UsageError(str(error)) from error


# -- read back -------------------------------------------------------------------------


@app.command("ls")
def ls(
    project: str | None = typer.Option(None, "--project", "-p", help="Only runs of this project."),
    tag: str | None = typer.Option(None, "--tag", "-t", help="Only runs with this tag."),
    status: str | None = typer.Option(
        None,
        "--status",
        "-s",
        help="Only runs with this status: running, finished, failed, killed, lost.",
    ),
    limit: int = typer.Option(20, "--limit", "-l", help="At most this many runs (0: all).", min=0),
    store: str | None = StoreOption,
    as_json: bool = JsonOption,
    each_run: bool = typer.Option(
        False, "--runs", help="One line per run, also for the runs of a group (Slurm job step)."
    ),
) -> None:
    """List runs, newest first; the runs of a group (a multi-node job) as one line.

    Example: mlop ls --project vit --status failed --limit 5
    """
    from mlop_cli.documents import run_summary
    from mlop_cli.views.runs import runs_table

    statuses = ("running", "finished", "failed", "killed", "lost")
    if status is not None and status not in statuses:
        raise UsageError(f"--status {status!r}: expected one of {', '.join(statuses)}")
    opened = _open_store(store)
    runs = opened.runs(project=project, tag=tag, status=status, limit=limit or None)
    if as_json:
        _print_json([run_summary(r) for r in runs])
        return
    if not runs:
        sys.stderr.write(f"mlop: no runs in {opened.path}\n")
        return
    if not each_run:
        from mlop_cli.views.groups import collapse_groups

        runs = collapse_groups(runs)
    _console().print(runs_table(runs))


@app.command()
def show(
    run_ref: str = typer.Argument(
        "last", metavar="RUN", help="Run id, unique id prefix, name, or `last`."
    ),
    store: str | None = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Show a run: context, parameters, metrics, histograms, text and warnings.

    Example: mlop show last --json
    """
    from mlop_cli.documents import run_document
    from mlop_cli.views.runs import show_run

    opened = _open_store(store)
    run_id = opened.resolve(run_ref)
    if as_json:
        _print_json(run_document(opened, run_id))
        return
    run = opened.run(run_id)
    details = {
        "metrics": opened.metric_summaries(run_id),
        "histograms": opened.histograms(run_id),
        "texts": opened.texts(run_id),
        "events": opened.events(run_id),
    }
    show_run(_console(), run, details)


@app.command()
def logs(
    run_ref: str = typer.Argument(
        "last", metavar="RUN", help="Run id, unique id prefix, name, or `last`."
    ),
    follow: bool = typer.Option(
        False, "--follow", "-f", help="Keep printing while the run goes on."
    ),
    strip_ansi: bool = typer.Option(
        False, "--strip-ansi", help="Remove colours and other terminal escapes."
    ),
    store: str | None = StoreOption,
) -> None:
    """Replay a run's console: stdout to stdout, stderr to stderr, byte for byte.

    Example: mlop logs last --follow
    """
    from mlop_cli.views.text import strip_ansi as strip

    opened = _open_store(store)
    run_id = opened.resolve(run_ref)
    seq = -1
    out = sys.stdout.buffer
    err = sys.stderr.buffer
    while True:
        chunks = opened.logs(run_id, seq)
        for chunk in chunks:
            data = strip(chunk["data"]) if strip_ansi else chunk["data"]
            target = err if chunk["stream"] == 2 else out
            target.write(data)
            seq = chunk["seq"]
        out.flush()
        err.flush()
        if not follow:
            return
        if not chunks and opened.run(run_id)["status"] != "running":
            # One more read: the run may have committed its last chunk as it ended.
            if not opened.logs(run_id, seq):
                return
        time.sleep(0.25 if chunks else 0.5)


@app.command("import")
def import_(
    folder: Path = typer.Argument(
        ..., help="Folder holding TensorBoard event files (searched recursively)."
    ),
    name: str | None = typer.Option(
        None, "--name", "-n", help="Run name (default: the event folder's path)."
    ),
    project: str | None = typer.Option(None, "--project", "-p", help="Project of the new runs."),
    tag: list[str] = typer.Option([], "--tag", "-t", help="Tag the new runs (repeatable)."),
    single: bool = typer.Option(
        False, "--single", help="One run for the whole tree instead of one per event folder."
    ),
    store: str | None = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Create runs from existing TensorBoard logs.

    Example: mlop import lightning_logs/ --project mnist
    """
    from mlop_cli.importing import import_tensorboard

    path = _store_path(store)
    with _progress("reading event files") as progress:
        runs = import_tensorboard(
            path,
            folder,
            single=single,
            name=name,
            project=project,
            tags=tag,
            progress=progress,
            warn=_warn,
        )
    _report_imports(runs, path, as_json)


# -- sync (PostgreSQL team store) --------------------------------------------------------


@app.command()
def sync(
    run_refs: list[str] = typer.Argument(
        None,
        metavar="[RUN]...",
        help="Runs to sync (id, prefix, name or `last`).",
        show_default=False,
    ),
    to: str | None = typer.Option(
        None,
        "--to",
        help="PostgreSQL URL, e.g. postgresql://user@host/db (default: $MLOP_SYNC_TO, "
        "config sync_to). Passwords: PGPASSWORD, ~/.pgpass or PGSERVICE.",
        show_default=False,
    ),
    all_runs: bool = typer.Option(False, "--all", help="Sync every run of the store."),
    watch: bool = typer.Option(
        False, "--watch", help="Keep syncing: until the runs end, or (with --all) until Ctrl-C."
    ),
    interval: float = typer.Option(
        2.0, "--interval", help="Seconds between passes with --watch.", min=0.1
    ),
    store: str | None = typer.Option(
        None,
        "--store",
        help="Local store file, or a folder of them (default: $MLOP_STORE, the config file, "
        "or .mlop/mlop.db).",
        show_default=False,
    ),
    as_json: bool = JsonOption,
) -> None:
    """Send runs to a PostgreSQL team store: only what is new, never twice.

    Example: mlop sync --to postgresql://me@db.lab/mlop --all
    """
    from mlop_cli.store.pg import redact_url
    from mlop_cli.store.pg_sync import Syncer, SyncStats
    from mlop_cli.store.pg_sync import watch as watch_runs

    url = _sync_url(to)
    if not url:
        raise UsageError("give the PostgreSQL URL with --to URL (or set MLOP_SYNC_TO)")
    if not run_refs and not all_runs:
        raise UsageError("give the runs to sync, or --all")
    if run_refs and all_runs:
        raise UsageError("give runs or --all, not both")
    spec = _store_spec(store)
    folder = Path(spec)
    stores = sorted(folder.glob("*.db")) if folder.is_dir() else [folder]
    if not stores:
        raise UsageError(f"no store files (*.db) in {folder}")
    if watch and len(stores) > 1:
        raise UsageError("--watch follows one store file; start one `mlop sync --watch` per node")
    total = SyncStats()
    for path in stores:
        run_ids: list[str] | None = None
        if run_refs:
            if len(stores) > 1:
                raise UsageError("with a folder of stores, use --all")
            run_ids = _resolve_for_sync(path, run_refs, watch)
        if watch:
            stats = watch_runs(path, url, run_ids, interval=interval, say=_warn)
        else:
            syncer = Syncer(path, url)
            try:
                stats = syncer.sync(run_ids if run_ids is not None else syncer.local_runs())
            finally:
                syncer.close()
        total.add(stats)
    shown = redact_url(url)
    if as_json:
        _print_json(
            {
                "to": shown,
                "runs": total.runs,
                "points": total.points,
                "log_bytes": total.log_bytes,
                "rows": total.rows,
            }
        )
    elif total.empty:
        sys.stderr.write(f"mlop: nothing new to sync to {shown}\n")
    else:
        sys.stderr.write(
            f"mlop: synced to {shown}: {total.points:,} points, {total.log_bytes:,} bytes of "
            f"console, {total.rows:,} other rows ({total.runs} new run(s))\n"
        )


def _resolve_for_sync(path: Path, refs: list[str], watch: bool) -> list[str]:
    from mlop_cli.errors import StoreError
    from mlop_cli.store.queries import Store

    try:
        local = Store(path)
    except StoreError:
        # `mlop run --sync-to` starts its watcher before the run's first commit: a full run id
        # is waited for.
        if watch and all(len(ref) == 20 for ref in refs):
            return list(dict.fromkeys(refs))
        raise
    try:
        return list(dict.fromkeys(local.resolve(ref) for ref in refs))
    except MlopError:
        if watch and all(len(ref) == 20 for ref in refs):
            return list(dict.fromkeys(refs))
        raise
    finally:
        local.close()


# -- end of sync ------------------------------------------------------------------------------


@app.command("import-log")
def import_log(
    log_file: Path = typer.Argument(
        ...,
        metavar="FILE",
        help="A console log: a Slurm .out file, a CI log, a saved terminal session.",
    ),
    name: str | None = typer.Option(
        None, "--name", "-n", help="Run name (default: the file's name)."
    ),
    project: str | None = typer.Option(None, "--project", "-p", help="Project of the new run."),
    tag: list[str] = typer.Option([], "--tag", "-t", help="Tag the new run (repeatable)."),
    pattern: list[str] = typer.Option(
        [], "--pattern", help="Regex for metrics: named groups, or key/value groups (repeatable)."
    ),
    no_builtin_patterns: bool = typer.Option(
        False, "--no-builtin-patterns", help="Turn the built-in recognisers off."
    ),
    store: str | None = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Parse an existing log file into a new run: its console and the metrics it printed.

    Example: mlop import-log slurm-123456.out --name baseline
    """
    from mlop_cli.importing import import_log as import_log_file

    config = _config(Path.cwd())
    patterns = _compile_patterns([*config.values.get("patterns", []), *pattern])
    path = _store_path(store)
    with _progress("parsing the log") as progress:
        imported = import_log_file(
            path,
            log_file,
            name=name,
            project=project,
            tags=tag,
            patterns=patterns,
            builtins=not no_builtin_patterns,
            progress=progress,
            warn=_warn,
        )
    _report_imports([imported], path, as_json)


def _warn(message: str) -> None:
    sys.stderr.write(f"mlop: warning: {message}\n")


def _report_imports(runs: list[Any], path: Path, as_json: bool) -> None:
    if as_json:
        _print_json(
            [
                {"id": r.run_id, "name": r.name, "source": str(r.source), "points": r.stats.points}
                for r in runs
            ]
        )
        return
    for imported in runs:
        sys.stderr.write(
            f"mlop: imported {imported.source} as run {imported.run_id} ({imported.name}): {imported.stats.points:,} points\n"
        )
    sys.stderr.write(f"mlop: {len(runs)} run(s) written to {path}\n")


class _progress:  # noqa: N801 - used as a context manager, reads like a function
    """A progress bar on stderr when it is a terminal; silent otherwise."""

    def __init__(self, label: str) -> None:
        self.label = label
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self):  # -> Callable[[int, int], None]
        if not sys.stderr.isatty():
            return lambda done, total: None
        from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

        self._progress = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            DownloadColumn(),
            TimeRemainingColumn(),
            console=_console(sys.stderr),
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task(self.label, total=None)
        return self.update

    def update(self, done: int, total: int) -> None:
        self._progress.update(self._task, completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


@app.command()
def report(
    run_refs: list[str] = typer.Argument(
        None,
        metavar="[RUN]...",
        help="Runs to include (default: the last run).",
        show_default=False,
    ),
    output: str | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Output file (default: report.html for html, stdout for md and json).",
    ),
    project: str | None = typer.Option(None, "--project", "-p", help="Runs of this project."),
    tag: str | None = typer.Option(None, "--tag", "-t", help="Runs with this tag."),
    last: int | None = typer.Option(
        None,
        "--last",
        "-l",
        help="The N newest matching runs (default 1, or 10 with --project/--tag).",
        min=1,
    ),
    group: str | None = typer.Option(
        None, "--group", "-g", help="The runs of a multi-node job (the group id `mlop ls` shows)."
    ),
    all_ranks: bool = typer.Option(
        False, "--all-ranks", help="With --group: training metrics of every rank, not only rank 0."
    ),
    output_format: str = typer.Option("html", "--format", "-f", help="html, md or json."),
    include_env: bool | None = typer.Option(
        None,
        "--include-env/--no-env",
        help="Include the (redacted) environment in the HTML report (default: config report.include_env, else no).",
        show_default=False,
    ),
    summary: bool = typer.Option(
        False, "--summary", help="With --format md: also append to $GITHUB_STEP_SUMMARY."
    ),
    store: str | None = StoreOption,
) -> None:
    """Write a self-contained, offline report of runs: HTML, Markdown or JSON.

    Example: mlop report --project vit --last 5 -o vit.html
    """
    from mlop_cli.report.from_store import build_model

    formats = ("html", "md", "markdown", "json")
    if output_format not in formats:
        raise UsageError(f"--format {output_format!r}: expected html, md or json")
    output_format = "md" if output_format == "markdown" else output_format
    if summary and output_format != "md":
        raise UsageError("--summary goes with --format md")
    defaults = _config(Path.cwd()).values.get("report", {})
    include_env = defaults.get("include_env", False) if include_env is None else include_env
    if output is None and output_format in ("html",) and defaults.get("output"):
        output = defaults["output"]
    last = last or defaults.get("last")
    opened = _open_store(store)
    if group is not None:
        run_ids = [run["id"] for run in opened.runs(group=group)]
        if not run_ids:
            raise UsageError(f"no runs in group {group!r}; `mlop ls` shows the groups")
    elif run_refs:
        run_ids = list(dict.fromkeys(opened.resolve(ref) for ref in run_refs))
    else:
        limit = last or (10 if project or tag else 1)
        run_ids = [run["id"] for run in opened.runs(project=project, tag=tag, limit=limit)]
        if not run_ids:
            raise UsageError("no runs match; `mlop ls` lists the runs")
    with _progress("reading runs") as progress:
        model = build_model(
            opened,
            run_ids,
            progress=progress,
            system_only_unless_rank_zero=group is not None and not all_ranks,
        )
    if output_format == "html":
        from mlop_cli.report import render_html

        text = render_html(model, include_env=include_env)
        target = Path(output or "report.html")
    elif output_format == "md":
        from mlop_cli.report import render_markdown

        text = render_markdown(model)
        target = Path(output) if output else None
    else:
        from mlop_cli.report import render_json

        text = json.dumps(render_json(model), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
        target = Path(output) if output else None
    if target is None or str(target) == "-":
        sys.stdout.write(text)
    else:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        except OSError as error:
            raise UsageError(f"cannot write {target}: {error.strerror}") from error
        sys.stderr.write(
            f"mlop: wrote {target} ({len(run_ids)} run(s), {len(text.encode()) / 1e6:.1f} MB)\n"
        )
    if summary:
        step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if not step_summary:
            raise UsageError("--summary needs $GITHUB_STEP_SUMMARY (set by GitHub Actions)")
        with open(step_summary, "a", encoding="utf-8") as handle:
            handle.write(text)
        sys.stderr.write(f"mlop: appended the summary to {step_summary}\n")


# -- compare ---------------------------------------------------------------------------


@app.command()
def compare(
    run_refs: list[str] = typer.Argument(
        ..., metavar="RUN...", help="Two or more runs: id, unique id prefix, name, or `last`."
    ),
    metric: list[str] = typer.Option(
        [], "--metric", "-m", help="Only this metric (repeatable; default: all but sys/...)."
    ),
    system: bool = typer.Option(False, "--system", help="Also show system metrics (sys/...)."),
    changed: bool = typer.Option(
        False, "--changed", help="Only the parameters that differ between the runs."
    ),
    store: str | None = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Compare runs: parameters that differ, and each metric's last and best value.

    Best is the minimum for metrics named like a loss or an error (loss, error, perplexity,
    err, ppl, wer, cer, mse, mae, rmse, nll), the maximum otherwise.

    Example: mlop compare baseline a1b2 last --metric eval/acc --metric eval/loss
    """
    from mlop_cli.views.compare import compare_document, compare_view

    if len(run_refs) < 2:
        raise UsageError("give at least two runs to compare, e.g. mlop compare RUN1 RUN2")
    opened = _open_store(store)
    run_ids = [opened.resolve(ref) for ref in run_refs]
    document = compare_document(opened, run_ids, metrics=metric or None, system=system)
    if as_json:
        _print_json(document)
        return
    _console().print(compare_view(document, all_params=not changed))


# -- watch -----------------------------------------------------------------------------


@app.command()
def watch(
    run_ref: str = typer.Argument(
        "last", metavar="RUN", help="Run id, unique id prefix, name, or `last`."
    ),
    interval: float = typer.Option(1.0, "--interval", help="Seconds between refreshes.", min=0.1),
    store: str | None = StoreOption,
) -> None:
    """Live dashboard of a run: status, metrics with sparklines, system and GPU, console.

    Run it from another terminal while `mlop run` goes on. It exits 0 when the run ends
    (after a final render) and on Ctrl-C, which leaves the run untouched.

    Example: mlop watch last
    """
    from mlop_cli.views.watch import watch_run

    opened = _open_store(store)
    run_id = opened.resolve(run_ref)
    raise typer.Exit(watch_run(opened, run_id, _console(), interval=interval))


# -- check -----------------------------------------------------------------------------


@app.command()
def check(
    run_ref: str = typer.Argument(
        ..., metavar="RUN", help="Run id, unique id prefix, name, or `last`."
    ),
    conditions: list[str] = typer.Argument(
        ...,
        metavar="EXPR...",
        help="Conditions like 'eval/acc >= 0.9' or 'max(train/loss) < 5' "
        "(aggregates: last, min, max, mean, count; operators: < <= > >= == !=).",
    ),
    store: str | None = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Gate CI on metrics: exit 0 when every condition holds, 1 when one fails.

    A malformed condition or an unknown metric exits 2. A NaN value fails its condition.

    Example: mlop check last 'eval/acc >= 0.9' 'max(train/loss) < 5' 'min(eval/loss) <= 0.3'
    """
    from rich.text import Text

    from mlop_cli.gate import evaluate, parse_condition

    parsed = [parse_condition(text) for text in conditions]
    opened = _open_store(store)
    run_id = opened.resolve(run_ref)
    outcomes = evaluate(parsed, opened.metric_summaries(run_id))
    passed = all(outcome.passed for outcome in outcomes)
    if as_json:
        _print_json(
            {"run": run_id, "passed": passed, "conditions": [o.to_json() for o in outcomes]}
        )
    else:
        console = _console()
        for outcome in outcomes:
            line = Text(outcome.verdict, style="bold green" if outcome.passed else "bold red")
            line.append("  " + outcome.describe())
            console.print(line)
    raise typer.Exit(ExitCode.OK if passed else ExitCode.ERROR)


# -- export ----------------------------------------------------------------------------


@app.command()
def export(
    run_ref: str = typer.Argument(
        "last", metavar="RUN", help="Run id, unique id prefix, name, or `last`."
    ),
    format_: str = typer.Option(
        "csv", "--format", "-f", help="csv, jsonl or tensorboard.", metavar="FORMAT"
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="File to write (default: stdout); for tensorboard, the folder (required).",
    ),
    metric: list[str] = typer.Option(
        [], "--metric", "-m", help="Only this metric (repeatable; default: all)."
    ),
    store: str | None = StoreOption,
) -> None:
    """Export a run's points: CSV or JSON lines (metric, step, value, time, source), or TensorBoard files.

    time is Unix seconds (a float). NaN is `nan` in CSV and null in JSON lines.

    Example: mlop export last --format csv -o metrics.csv
    """
    from mlop_cli import export as exporting

    if format_ not in exporting.FORMATS:
        raise UsageError(f"--format {format_!r}: expected one of {', '.join(exporting.FORMATS)}")
    if format_ == "tensorboard" and output is None:
        raise UsageError("--format tensorboard writes event files: give the folder with -o PATH")
    opened = _open_store(store)
    run_id = opened.resolve(run_ref)
    if format_ == "tensorboard":
        written = exporting.write_tensorboard(opened, run_id, output, metric or None)
        sys.stderr.write(
            f"mlop: wrote {written['points']:,} points and {written['histograms']:,} histograms to {output}\n"
        )
        return
    write = exporting.write_csv if format_ == "csv" else exporting.write_jsonl
    if output is None:
        write(opened, run_id, sys.stdout, metric or None)
        sys.stdout.flush()
        return
    with open(output, "w", encoding="utf-8", newline="") as stream:
        count = write(opened, run_id, stream, metric or None)
    sys.stderr.write(f"mlop: wrote {count:,} points to {output}\n")


# -- edit ------------------------------------------------------------------------------


def _editor(flag: str | None):  # -> StoreEditor
    from mlop_cli.store.edit import StoreEditor

    return StoreEditor(_store_path(flag))


@app.command()
def tag(
    run_ref: str = typer.Argument(
        ..., metavar="RUN", help="Run id, unique id prefix, name, or `last`."
    ),
    tags: list[str] = typer.Argument(..., metavar="TAG...", help="Tags to add."),
    store: str | None = StoreOption,
) -> None:
    """Add tags to a run.

    Example: mlop tag last best ablation-3
    """
    run_id = _open_store(store).resolve(run_ref)
    with _editor(store) as editor:
        now = editor.add_tags(run_id, tags)
    sys.stderr.write(f"mlop: run {run_id} tags: {', '.join(now)}\n")


@app.command()
def untag(
    run_ref: str = typer.Argument(
        ..., metavar="RUN", help="Run id, unique id prefix, name, or `last`."
    ),
    tags: list[str] = typer.Argument(..., metavar="TAG...", help="Tags to remove."),
    store: str | None = StoreOption,
) -> None:
    """Remove tags from a run.

    Example: mlop untag last best
    """
    run_id = _open_store(store).resolve(run_ref)
    with _editor(store) as editor:
        now, absent = editor.remove_tags(run_id, tags)
    if absent:
        _warn(f"run {run_id} had no tag {', '.join(absent)}")
    sys.stderr.write(f"mlop: run {run_id} tags: {', '.join(now) or '(none)'}\n")


@app.command()
def rename(
    run_ref: str = typer.Argument(
        ..., metavar="RUN", help="Run id, unique id prefix, name, or `last`."
    ),
    name: str = typer.Argument(..., help="The new name."),
    store: str | None = StoreOption,
) -> None:
    """Give a run a new name.

    Example: mlop rename last baseline-lr3e-4
    """
    run_id = _open_store(store).resolve(run_ref)
    with _editor(store) as editor:
        old = editor.rename(run_id, name)
    sys.stderr.write(f"mlop: run {run_id} renamed from {old!r} to {name.strip()!r}\n")


@app.command()
def rm(
    run_refs: list[str] = typer.Argument(
        ..., metavar="RUN...", help="Runs to delete: id, unique id prefix, name, or `last`."
    ),
    yes: bool = typer.Option(
        False, "--yes", "-y", help="Do not ask; required when stdin is not a terminal."
    ),
    force: bool = typer.Option(False, "--force", help="Delete a run even while it is running."),
    store: str | None = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Delete runs and everything recorded about them.

    Asks first when stdin is a terminal; elsewhere it needs --yes. A running run needs --force.

    Example: mlop rm a1b2c3 old-baseline --yes
    """
    opened = _open_store(store)
    run_ids = list(dict.fromkeys(opened.resolve(ref) for ref in run_refs))
    with _editor(store) as editor:
        plan = editor.delete_runs(run_ids, force=force, dry_run=True)
        if not yes:
            if not sys.stdin.isatty():
                raise UsageError(
                    "refusing to delete runs without --yes when stdin is not a terminal"
                )
            listed = ", ".join(f"{row['id']} ({row.get('name')})" for row in plan.runs)
            sys.stderr.write(f"Delete {len(plan.runs)} run(s): {listed}? [y/N] ")
            sys.stderr.flush()
            if sys.stdin.readline().strip().lower() not in ("y", "yes"):
                sys.stderr.write("mlop: nothing deleted\n")
                raise typer.Exit(ExitCode.ERROR)
        removal = editor.delete_runs(run_ids, force=force)
    _report_removal(removal, as_json)


@app.command()
def gc(
    older_than: float | None = typer.Option(
        None,
        "--older-than",
        help="Delete runs that started more than DAYS days ago.",
        metavar="DAYS",
        min=0,
    ),
    status: list[str] = typer.Option(
        [],
        "--status",
        "-s",
        help="Delete runs with this status (repeatable): finished, failed, killed, lost.",
    ),
    vacuum: bool = typer.Option(
        False, "--vacuum", help="Then VACUUM the store to give the space back."
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Print what would be removed; change nothing."
    ),
    store: str | None = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Delete old runs (never a running one) and/or compact the store.

    With --older-than and --status together, a run must match both.

    Example: mlop gc --older-than 30 --status failed --vacuum --dry-run
    """
    statuses = ("finished", "failed", "killed", "lost")
    for item in status:
        if item not in statuses:
            raise UsageError(f"--status {item!r}: expected one of {', '.join(statuses)}")
    if older_than is None and not status and not vacuum:
        raise UsageError("nothing to do: give --older-than DAYS, --status S and/or --vacuum")
    with _editor(store) as editor:
        removal = editor.collect_garbage(
            older_than_days=older_than, statuses=status or None, vacuum=vacuum, dry_run=dry_run
        )
    _report_removal(removal, as_json)


def _report_removal(removal: Any, as_json: bool) -> None:
    if as_json:
        _print_json(removal.to_json())
        return
    from mlop_cli.views.text import format_bytes, format_time

    verb = "would remove" if removal.dry_run else "removed"
    for row in removal.runs:
        sys.stdout.write(
            f"{verb} {row['id']}  {row.get('name') or ''}  {row.get('status')}  {format_time(row.get('started_at'))}\n"
        )
    rows = ", ".join(f"{count:,} {table}" for table, count in removal.rows.items() if count)
    sys.stdout.write(f"{verb} {len(removal.runs)} run(s)" + (f" ({rows})" if rows else "") + "\n")
    if removal.vacuumed:
        sys.stdout.write(
            f"vacuumed: {format_bytes(removal.bytes_before)} -> {format_bytes(removal.bytes_after)}\n"
        )
    elif removal.bytes_before and removal.dry_run:
        sys.stdout.write(f"would vacuum the store ({format_bytes(removal.bytes_before)} now)\n")


# -- error handling ----------------------------------------------------------------------


def run_app(argv: list[str] | None = None) -> int:
    """Run the CLI; turn mlop's errors into one line on stderr and an exit code."""
    usage_errors, aborts = _cli_exception_types()
    try:
        result = app(args=argv, prog_name="mlop", standalone_mode=False)
    except MlopError as error:
        if os.environ.get("MLOP_TRACEBACK"):
            raise
        sys.stderr.write(f"mlop: error: {error}\n")
        return int(error.exit_code)
    except typer.Exit as done:
        return int(done.exit_code or 0)
    except usage_errors as error:
        if type(error).__name__ == "NoArgsIsHelpError":  # `mlop` or `mlop ls`-like with nothing
            sys.stderr.write(f"{error.format_message()}\n")
        else:
            sys.stderr.write(f"mlop: error: {error.format_message()}\n")
        return ExitCode.USAGE
    except aborts:
        return ExitCode.INTERRUPTED
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # `mlop ls | head`: the reader left; say nothing (httpie's habit).
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps the interpreter's final flush quiet
        except OSError:
            pass
        return ExitCode.OK
    # With standalone_mode off, click returns the code of a typer.Exit instead of raising it.
    return int(result) if isinstance(result, int) else ExitCode.OK


def _cli_exception_types() -> tuple[tuple[type[Exception], ...], tuple[type[BaseException], ...]]:
    """Usage-error and abort classes of the click that typer runs on.

    typer 0.2x carries its own copy of click (``typer._click``); older ones use ``click``. An
    unknown option raised from the copy is not a ``click.ClickException``: catching only
    click's left it a traceback.
    """
    usage: list[type[Exception]] = []
    aborts: list[type[BaseException]] = [typer.Abort]
    try:
        from typer._click import exceptions as module
    except ImportError:
        from click import exceptions as module  # type: ignore[no-redef]
    usage.append(module.ClickException)
    if hasattr(module, "Abort"):
        aborts.append(module.Abort)
    return tuple(usage), tuple(aborts)
