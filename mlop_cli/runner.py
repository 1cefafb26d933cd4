"""``mlop run``: one supervisor process, one writer, the sources, for one command.

Order matters: the command starts first (nothing of mlop's delays it), then the writer and
the sources; at the end the sources drain, the writer commits within a bounded time, and
``mlop run`` exits with the command's code.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mlop_cli import records as rec
from mlop_cli.context import (
    config_files_in_argv,
    exact_bytes,
    flatten,
    params_from_argv,
    quick_context,
    read_config_file,
    redact_params,
    shown_text,
    shown_values,
    slow_context_parts,
)
from mlop_cli.errors import CommandNotExecutableError, CommandNotFoundError
from mlop_cli.ids import new_run_id
from mlop_cli.indexing import ConsoleSettings, IndexerProcess
from mlop_cli.redact import Scrubber, scrubbable
from mlop_cli.store.writer import RunStart, RunUpdate, Writer
from mlop_cli.supervise.exit_status import signal_name
from mlop_cli.supervise.slurm_signals import command_signalled_by_sender
from mlop_cli.supervise.supervisor import LaunchOptions, Outcome, Supervisor
from mlop_cli.units import format_duration

# After the command exits, everything left (draining sources, committing) fits in this.
# mlop exits within 2 s of the command: 1.8 s for this, the rest for the interpreter's exit.
FINISH_BUDGET_S = 1.8
_STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


@dataclass
class RunOptions:
    """Everything ``mlop run`` was asked to do."""

    argv: list[str]
    store: Path
    name: str | None = None
    project: str | None = None
    tags: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)
    use_pty: bool | None = None
    quiet: bool = False
    patterns: list[re.Pattern[str]] = field(default_factory=list)
    builtin_patterns: bool = True
    max_metrics: int = 1000
    tensorboard: bool = True
    tb_dirs: list[Path] = field(default_factory=list)
    system: bool = True
    sample_interval: float = 1.0
    diagnosis: dict[str, float] = field(default_factory=dict)
    secret_words: list[str] = field(default_factory=list)
    cwd: Path = field(default_factory=Path.cwd)
    env: dict[str, str] = field(default_factory=lambda: dict(os.environ))
    sync_to: str | None = None  # PostgreSQL URL: sync in the background (mlop_cli.sync_background)
    stdin_fd: int = 0
    stdout_fd: int = 1
    stderr_fd: int = 2


class Messages:
    """mlop's own lines on stderr (never stdout): info silenced by ``--quiet``, warnings once each."""

    def __init__(self, quiet: bool, stream: Any = None) -> None:
        self.quiet = quiet
        self.stream = stream if stream is not None else sys.stderr
        self._said: set[str] = set()
        self._lock = threading.Lock()

    def info(self, text: str) -> None:
        """An informational line (start, summary)."""
        if not self.quiet:
            self._write(f"mlop: {text}")

    def warning(self, text: str) -> None:
        """A warning, printed once per distinct text."""
        with self._lock:
            if text in self._said:
                return
            self._said.add(text)
        self._write(f"mlop: warning: {text}")

    def _write(self, line: str) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.stream.write(line + "\n")
            self.stream.flush()


def default_name(argv: list[str], run_id: str) -> str:
    """``train-x7k2``: the program's name and the end of the run id, unique in practice."""
    from mlop_cli.context import _PYTHON

    program = Path(argv[0]).name
    if _PYTHON.match(program):
        for index, arg in enumerate(argv[1:], start=1):
            if arg == "-m" and index + 1 < len(argv):
                program = argv[index + 1].rsplit(".", 1)[-1]
                break
            if arg == "-c":
                break
            if not arg.startswith("-"):
                program = Path(arg).stem
                break
    base = re.sub(r"[^A-Za-z0-9_.-]+", "-", program).strip("-.")[:40] or "run"
    return f"{base}-{run_id[-4:]}"


def execute_run(options: RunOptions) -> int:
    """Run the command under mlop; return the exit code ``mlop run`` must exit with."""
    messages = Messages(options.quiet)
    # Libraries mlop uses (watchdog, psutil) log through `logging`; with no handler, Python
    # prints their errors on stderr, into the user's output. mlop speaks only through Messages.
    logging.getLogger().addHandler(logging.NullHandler())
    # A file-size limit (ulimit -f) must fail mlop's writes (EFBIG: warn, go on), not kill it.
    # The command still gets the default action: subprocess restores SIGXFSZ in the child.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    # The relay thread must get the GIL back quickly when the command writes: a parser or
    # writer thread running bytecode would otherwise hold it for up to 5 ms while a pty's
    # 4 KiB buffer fills and blocks the command.
    sys.setswitchinterval(0.0005)
    run_id = new_run_id()
    started_wall = time.time()
    context, secrets = quick_context(options.argv, options.env, options.cwd, options.secret_words)
    name = options.name or default_name(options.argv, run_id)
    child_env = dict(options.env)
    child_env["MLOP_RUN_ID"] = run_id
    child_env["MLOP_STORE"] = str(options.store)

    # Hyperparameters: argv, config files named in argv, then --param (wins).
    param_records: list[rec.Param] = []
    argv_params, argv_secrets = redact_params(
        params_from_argv(options.argv, options.secret_words), options.secret_words
    )
    secrets += argv_secrets
    param_records += [rec.Param(k, v, "argv") for k, v in argv_params.items()]
    config_notes: list[rec.Event] = []
    for path in config_files_in_argv(options.argv, options.cwd):
        try:
            values, found = redact_params(flatten(read_config_file(path)), options.secret_words)
        except Exception as error:  # noqa: BLE001 - a config we cannot read is a note, not a failure
            config_notes.append(
                rec.Event(
                    time.time(),
                    "warning",
                    "config.unreadable",
                    f"cannot read config file {path}: {error}",
                )
            )
            continue
        secrets += found
        param_records += [rec.Param(k, v, f"config:{path.name}") for k, v in values.items()]
        context.setdefault("config_files", []).append(str(path))
    cli_params, cli_secrets = redact_params(options.params, options.secret_words)
    secrets += cli_secrets
    param_records += [rec.Param(k, v, "cli") for k, v in cli_params.items()]
    secret_bytes = scrubbable(secrets)

    console = ConsoleSettings(
        [p.pattern for p in options.patterns], options.builtin_patterns, options.max_metrics
    )
    context["console"] = console.as_meta()
    indexer: IndexerProcess | None = None
    writer: Writer | None = None

    def on_output(stream: int, data: bytes, now: float) -> None:
        # The relay's only hand-over: the bytes go to the store; metrics are derived from the
        # stored console by the indexer process, never on this path.
        if writer is not None:
            writer.put(rec.LogChunk(stream, now, data))

    def on_signal(number: int, forwarded: bool) -> None:
        if writer is not None:
            writer.request_flush()
            name = signal_name(number)  # real-time signals have no Signals member
            writer.put(
                rec.Event(
                    time.time(),
                    "info",
                    "signal",
                    f"received {name}; forwarded to the command"
                    if forwarded
                    else f"received {name} from Slurm's step daemon, which signalled the "
                    "command too; not forwarded",
                )
            )

    early_events: list[rec.Event] = []  # said before the writer existed: put once it does

    def on_event(level: str, kind: str, message: str) -> None:
        # What the supervisor did on its own (a daemon followed, leftovers ended, the terminal
        # closed, a write to the output failed): an event, and a line on stderr. A command
        # that ends at once (`setsid cmd` forks and exits) makes events before the writer is.
        event = rec.Event(time.time(), level, kind, message)
        if writer is not None:
            writer.put(event)
        else:
            early_events.append(event)
        if level == "warning":
            messages.warning(message)
        elif level == "info":
            messages.info(message)

    background: Any = None  # the background sync, started beside the command
    supervisor = Supervisor(
        LaunchOptions(
            argv=options.argv,
            env=child_env,
            cwd=str(options.cwd),
            use_pty=options.use_pty,
            stdin_fd=options.stdin_fd,
            stdout_fd=options.stdout_fd,
            stderr_fd=options.stderr_fd,
            signalled_directly=command_signalled_by_sender(options.env),
            spared=lambda pid: (
                (background is not None and background.pid == pid)
                or (indexer is not None and indexer.pid == pid)
            ),
        ),
        on_output=on_output,
        on_signal=on_signal,
        on_event=on_event,
    )
    # Before the command starts: the TensorBoard files that exist now are earlier runs'.
    tensorboard_snapshot = _snapshot_tensorboard(options)
    launch_error: CommandNotFoundError | CommandNotExecutableError | None = None
    try:
        child_pid = supervisor.start()
    except (CommandNotFoundError, CommandNotExecutableError) as error:
        launch_error = error
        child_pid = None

    # The command runs; now mlop's own machinery starts beside it.
    not_a_store = _not_a_store(options.store)
    if not_a_store:
        messages.warning(not_a_store)
        return _passthrough_only(supervisor, launch_error)
    writer = Writer(options.store, run_id, warn=messages.warning, secrets=secret_bytes)
    # Any bytes are valid in names, tags, paths and argv; the store takes valid text only.
    writer.put = _valid_text_put(writer.put)  # type: ignore[method-assign,assignment]
    if not _started(writer.start, messages, "the run is not recorded"):
        writer = None
        return _passthrough_only(supervisor, launch_error)
    exact: dict[str, Any] = {}
    if exact_bytes(name):
        exact["name"] = exact_bytes(name)
    if any(exact_bytes(tag) for tag in options.tags):
        exact["tags"] = [exact_bytes(tag) for tag in options.tags]
    if exact:
        context.setdefault("exact_bytes", {}).update(exact)
    slurm = context.get("slurm", {})
    group = None
    if "SLURM_JOB_ID" in slurm:
        group = f"slurm-{slurm['SLURM_JOB_ID']}" + (
            f".{slurm['SLURM_STEP_ID']}" if "SLURM_STEP_ID" in slurm else ""
        )
    writer.put(
        RunStart(
            row={
                "id": run_id,
                "name": shown_text(name),
                "project": options.project,
                "status": "running",
                "command": json.dumps(context["command"]),
                "cwd": shown_text(str(options.cwd)),
                "host": context["host"],
                "user": context["user"],
                "pid": os.getpid(),
                "pid_started_at": _own_start_time(),
                "child_pid": child_pid,
                "started_at": started_wall,
                "slurm_job_id": slurm.get("SLURM_JOB_ID"),
                "group_id": group,
                "meta": json.dumps(context, default=str),
            },
            tags=list(dict.fromkeys(shown_text(tag) for tag in options.tags)),
        )
    )
    if supervisor.streams_merged:
        writer.put(
            rec.Event(
                time.time(),
                "info",
                "console.merged",
                "stdout and stderr go to the same file: the command writes both into one pipe, "
                "so their order is kept, and the console is stored as one stream",
            )
        )
    while early_events:
        writer.put(early_events.pop(0))
    for record in param_records:
        writer.put(record)
    for note in config_notes:
        writer.put(note)

    if launch_error is not None:
        # Said even with --quiet: it is the reason for the exit code.
        sys.stderr.write(f"mlop: {launch_error}\n")
        writer.put(rec.Event(time.time(), "error", "launch", str(launch_error)))
        writer.commit_final(
            {"status": "failed", "exit_code": launch_error.exit_code, "ended_at": time.time()}
        )
        writer.close(FINISH_BUDGET_S)
        _mark_console_indexed(options.store, run_id)
        return int(launch_error.exit_code)

    messages.info(f"run {run_id} ({name}) recording to {options.store}")
    if console.parses():
        indexer = _start_indexer(options, run_id, writer, messages)
    scrubber = Scrubber(secret_bytes)
    context_thread = threading.Thread(
        target=_gather_slow_context,
        args=(options, writer, scrubber),
        name="mlop-context",
        daemon=True,
    )
    # The context is waited for at the end like a source (a short run must still get it).
    sources: list[Any] = []
    if _started(context_thread.start, messages, "the context is partial"):
        sources.append(_Started("context", context_thread))
    sources += _start_sources(options, writer, child_pid, messages, tensorboard_snapshot)
    background = _start_background_sync(options, run_id, messages)

    outcome: Outcome = supervisor.wait()
    # From here on a second Ctrl-C or SIGTERM must not cut the bookkeeping short with a
    # traceback; the budget below bounds how long it takes anyway.
    previous = {number: signal.signal(number, lambda *_: None) for number in _STOP_SIGNALS}
    try:
        code = _finish(options, run_id, name, outcome, writer, indexer, sources, messages)
        if background is not None:
            done, line = background.finish()
            if done:
                messages.info(line)
            else:
                messages.warning(line)
        return code
    finally:
        for number, handler in previous.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(number, handler)


def _finish(
    options: RunOptions,
    run_id: str,
    name: str,
    outcome: Outcome,
    writer: Writer,
    indexer: IndexerProcess | None,
    sources: list[Any],
    messages: Messages,
) -> int:
    status = outcome.exit
    # 1. The status first, on a connection of its own, ahead of any backlog: a finished run is
    #    never shown `running` or `lost` because its data was still queued.
    writer.commit_final(
        {
            "status": status.status,
            "exit_code": status.code,
            "signal": status.signal,
            "ended_at": outcome.ended_at,
        }
    )
    # 2. Everything else shares one deadline: the sources stop in parallel, then the writer
    #    commits (what does not fit is handed over, not lost), then the indexer gets the rest.
    deadline = time.monotonic() + FINISH_BUDGET_S
    writer_share = 0.6
    stoppers = [source.begin_stop() for source in sources]
    summary: dict[str, Any] = {}
    for source, stopper in zip(sources, stoppers, strict=True):
        try:
            result = source.end_stop(stopper, deadline - writer_share - time.monotonic())
            if isinstance(result, dict):
                summary.update(result)
        except Exception as error:  # noqa: BLE001
            writer.put(rec.Event(time.time(), "warning", "source.stop", f"{source.name}: {error}"))
    if outcome.output_open_after_exit:
        writer.put(
            rec.Event(
                time.time(),
                "warning",
                "output.open",
                "a process the command started kept its output open after it exited; mlop stopped waiting",
            )
        )
    # Leftovers ended: said by the supervisor itself (on_event), naming them.
    if summary:
        writer.put(rec.ContextUpdate({"system_summary": summary}))
    stats = writer.close(max(0.1, deadline - 0.2 - time.monotonic()))
    indexed = True
    if indexer is not None:
        indexer.end_of_run(None if stats.unflushed else stats.stored_rows)
        indexed = indexer.wait(deadline - time.monotonic())
    elif options.builtin_patterns or options.patterns:
        indexed = False  # no indexer could be started: readers index the console
    else:
        _mark_console_indexed(options.store, run_id)
    stored = _stored_counts(options.store, run_id)
    duration = outcome.ended_at - outcome.started_at
    if stats.store_failed and not stored.run:
        recorded = f"nothing is stored: the store {options.store} could not be written"
    else:
        recorded = f"{stored.points:,} points, {stored.console_bytes:,} bytes of console"
        if stats.handed_over_bytes:
            recorded += (
                f" ({stats.handed_over_bytes:,} more are being moved into the store "
                "in the background)"
            )
        if not indexed:
            recorded += (
                "; console metrics are still being indexed in the background "
                f"(`mlop show {run_id}` waits for them)"
            )
        if stats.store_failed:
            recorded += (
                f"; its last data is not stored: the store {options.store} could not be written"
            )
    messages.info(
        f"run {run_id} ({name}) {_status_words(status)}, {format_duration(duration)}; {recorded}"
    )
    return int(status.code)


def _status_words(status: Any) -> str:
    """`finished, exit code 0`, `killed by SIGTERM` (not `killed, killed by SIGTERM`)."""
    if status.message.startswith(status.status):
        return str(status.message)
    return f"{status.status}, {status.message}"


@dataclass
class _Stored:
    run: bool = False
    points: int = 0
    console_bytes: int = 0


def _stored_counts(store: Path, run_id: str) -> _Stored:
    """What the store holds of the run: the closing line says only that."""
    from mlop_cli.store.queries import stored_totals

    try:
        run, points, console_bytes = stored_totals(store, run_id)
    except Exception:  # noqa: BLE001 - a store that cannot be read: nothing to claim
        return _Stored()
    return _Stored(run, points, console_bytes)


def _mark_console_indexed(store: Path, run_id: str) -> None:
    from mlop_cli.store.console_index import mark_indexed

    with contextlib.suppress(Exception):
        mark_indexed(store, run_id)


_TEXT_RECORDS = (rec.Event, rec.Param, rec.Text, rec.ContextUpdate, RunStart, RunUpdate)


def _valid_text_put(put: Callable[[Any], None]) -> Callable[[Any], None]:
    """``put`` for records whose strings are made valid UTF-8 (``shown_text``) first: one path
    or name of undecodable bytes in an event failed the whole batch it was in."""

    def valid_put(record: Any) -> None:
        if isinstance(record, _TEXT_RECORDS):
            for name in record.__slots__:
                value = getattr(record, name)
                if isinstance(value, (str, dict, list, tuple)):
                    setattr(record, name, shown_values(value))
        put(record)

    return valid_put


def _not_a_store(path: Path) -> str | None:
    """Why ``path`` cannot hold a store (a device, a FIFO: ``--store /dev/null``), or None.

    SQLite would write its journal and mlop its lock file beside it (``/dev/null-journal``).
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # created by the writer (or its failure is a warning of the writer's)
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return f"--store {path} is not a file: the command runs unrecorded"


def _passthrough_only(
    supervisor: Supervisor, launch_error: CommandNotFoundError | CommandNotExecutableError | None
) -> int:
    """Plain passthrough, nothing recorded (no thread to be had, no store): the command's exit
    code all the same."""
    if launch_error is not None:
        sys.stderr.write(f"mlop: {launch_error}\n")
        return int(launch_error.exit_code)
    return int(supervisor.wait().exit.code)


def _started(start: Callable[[], None], messages: Messages, without: str) -> bool:
    """Start a thread; when none can be had (``ulimit -v``, a process limit), warn and go on."""
    try:
        start()
    except (RuntimeError, MemoryError) as error:
        messages.warning(f"mlop cannot start a thread ({error}): {without}")
        return False
    return True


def _start_indexer(
    options: RunOptions, run_id: str, writer: Writer, messages: Messages
) -> IndexerProcess | None:
    """Start the console indexer beside the command (None when no process can be started)."""
    from mlop_cli.store.filesystems import is_network_filesystem

    try:
        indexer = IndexerProcess(
            options.store,
            run_id,
            network_fs=is_network_filesystem(options.store),
            env=options.env,
        )
        indexer.start()
    except (OSError, subprocess.SubprocessError) as error:
        writer.put(
            rec.Event(
                time.time(),
                "warning",
                "console.indexer",
                f"the console indexer could not be started ({error}); console metrics are "
                "derived from the stored console when the run is first read",
            )
        )
        return None
    return indexer


def _start_background_sync(options: RunOptions, run_id: str, messages: Messages) -> Any:
    """Start ``mlop sync --watch`` for this run when ``--sync-to`` asks for it (else None)."""
    if not options.sync_to:
        return None
    from mlop_cli.sync_background import BackgroundSync, psycopg_missing

    if psycopg_missing():
        messages.warning(
            "--sync-to needs PostgreSQL support: pip install 'mlop[postgres]'; "
            "the run is recorded locally only"
        )
        return None
    background = BackgroundSync(options.sync_to, options.store, run_id, options.env)
    problem = background.start()
    if problem:
        messages.warning(problem)
        return None
    return background


def _own_start_time() -> float | None:
    try:
        import psutil

        return psutil.Process().create_time()
    except Exception:  # noqa: BLE001
        return None


def _gather_slow_context(options: RunOptions, writer: Writer, scrubber: Scrubber) -> None:
    # Each part is recorded as soon as it is known: a run that ends before the packages are
    # listed (eight runs starting at once on a busy machine) keeps its machine and git.
    try:
        for part in slow_context_parts(
            options.argv, options.cwd, options.env, scrub=scrubber.scrub_text
        ):
            writer.put(rec.ContextUpdate(part))
            git = part.get("git")
            if git:
                writer.put(
                    RunUpdate(
                        {
                            "git_commit": git.get("commit"),
                            "git_branch": git.get("branch"),
                            "git_dirty": int(bool(git.get("dirty"))),
                        }
                    )
                )
    except Exception as error:  # noqa: BLE001 - context is a nicety, never a failure
        writer.put(
            rec.Event(
                time.time(), "debug", "context", f"could not gather the full context: {error!r}"
            )
        )


class _BoundedStop:
    """Stops a source in a helper thread, so a slow drain cannot hold the run's exit."""

    def __init__(self, name: str, stop: Callable[[], Any]) -> None:
        self.name = name
        self._stop = stop

    def begin_stop(self) -> tuple[threading.Thread, list[Any]]:
        result: list[Any] = []
        thread = threading.Thread(
            target=lambda: result.append(self._stop()), name=f"mlop-stop-{self.name}", daemon=True
        )
        thread.start()
        return thread, result

    def end_stop(self, stopper: tuple[threading.Thread, list[Any]], budget: float) -> Any:
        thread, result = stopper
        thread.join(max(0.0, budget))
        if thread.is_alive():
            raise TimeoutError("did not finish in time; its last data may be missing")
        return result[0] if result else None


class _Started(_BoundedStop):
    """A thread already running on its own (context gathering): stopping it is waiting for it."""

    def __init__(self, name: str, thread: threading.Thread) -> None:
        super().__init__(name, lambda: None)
        self._thread = thread

    def begin_stop(self) -> tuple[threading.Thread, list[Any]]:
        return self._thread, []


def _tensorboard_roots(options: RunOptions) -> list[Path]:
    return list(dict.fromkeys([options.cwd, *[(options.cwd / d) for d in options.tb_dirs]]))


def _snapshot_tensorboard(options: RunOptions) -> Any:
    """The event files that exist before the command starts (None: the source takes it)."""
    if not options.tensorboard:
        return None
    try:
        from mlop_cli.sources.tb_scan import snapshot_event_files

        return snapshot_event_files(_tensorboard_roots(options))
    except Exception:  # noqa: BLE001 - the source takes its own snapshot, a little later
        return None


def _start_sources(
    options: RunOptions, writer: Writer, child_pid: int, messages: Messages, snapshot: Any = None
) -> list[Any]:
    """Start the TensorBoard and system sources; a source that cannot start is a warning."""
    sources: list[Any] = []
    if options.tensorboard:
        try:
            from mlop_cli.sources.tb_watch import TensorBoardSource

            tensorboard = TensorBoardSource(
                _tensorboard_roots(options), writer.put, snapshot=snapshot
            )
            tensorboard.start()
            sources.append(_BoundedStop("tensorboard", lambda: tensorboard.stop(drain=True)))
        except Exception as error:  # noqa: BLE001 - the run goes on without it
            messages.warning(f"TensorBoard files will not be read: {error!r}")
    if options.system:
        try:
            from mlop_cli.sources.diagnosis import DiagnosisThresholds
            from mlop_cli.sources.system import SystemSampler

            # The child's pid, not ours: mlop's own CPU and memory are not the run's.
            sampler = SystemSampler(
                child_pid,
                writer.put,
                interval=options.sample_interval,
                paths={"store": options.store.parent, "cwd": options.cwd},
                thresholds=DiagnosisThresholds.from_mapping(options.diagnosis),
                environ=options.env,
            )
            sampler.start()

            def stop_sampler() -> dict[str, Any]:
                sampler.stop()
                return sampler.summary()

            sources.append(_BoundedStop("system", stop_sampler))
        except Exception as error:  # noqa: BLE001
            messages.warning(f"system metrics will not be sampled: {error!r}")
    return sources
