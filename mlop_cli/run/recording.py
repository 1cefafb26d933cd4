"""One recording of one command, in four phases: prepare, launch, run, finish.

Order matters: the command starts first (nothing of mlop's delays it), then the writer and
the sources beside it; at the end the status is committed first, the sources drain, the
writer commits within a bounded time, and ``mlop run`` exits with the command's code::

    prepare   run id, context, hyperparameters, secrets: all known before the command
    launch    the command under the supervisor (pty or pipes); its bytes pass through first
    run       the store opened, the run's row written, the sources started; wait for the end
    finish    status first, sources stopped, writer closed, console indexed, closing line
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from typing import Any

from mlop_cli import records as rec
from mlop_cli.context import exact_bytes, quick_context, shown_text
from mlop_cli.errors import CommandNotExecutableError, CommandNotFoundError
from mlop_cli.ids import new_run_id
from mlop_cli.indexing import ConsoleSettings
from mlop_cli.redact import Scrubber, scrubbable
from mlop_cli.run.background import start_background_sync
from mlop_cli.run.messages import Messages
from mlop_cli.run.params import gather_params
from mlop_cli.run.settings import RunOptions, default_name
from mlop_cli.run.sources import (
    CONTEXT_THREAD_NAME,
    ConsoleSource,
    ContextSource,
    Source,
    SystemSource,
    TensorBoardFilesSource,
    stop_sources,
)
from mlop_cli.run.storing import (
    mark_console_indexed,
    open_writer,
    own_start_time,
    unindexed_bytes,
    what_is_stored,
)
from mlop_cli.sources.tb_scan import RUN_ID_VARIABLE
from mlop_cli.sources.tb_scan import THREAD_NAME as TENSORBOARD_THREAD_NAME
from mlop_cli.store.writer import THREAD_NAME as WRITER_THREAD_NAME
from mlop_cli.store.writer import RunStart, Writer
from mlop_cli.supervise.exit_status import signal_name
from mlop_cli.supervise.slurm_signals import command_signalled_by_sender
from mlop_cli.supervise.supervisor import LaunchOptions, Outcome, Supervisor
from mlop_cli.units import format_duration

# After the command exits, everything left (draining sources, committing) fits in this.
# mlop exits within 2 s of the command: 1.8 s for this, the rest for the interpreter's exit.
FINISH_BUDGET_S = 1.8
# Of it, the share kept for the writer after the sources have stopped.
_WRITER_SHARE_S = 0.6
# How long mlop waits for the console indexer once the writer is done: enough for an indexer
# that kept up to finish, never the whole budget. Metrics behind a flood are derived by the
# indexer after mlop has exited (readers wait for them): mlop run's own time stays the
# command's (a 1M-line run exited 1.8 s later, waiting for them).
_INDEXER_GRACE_S = 0.3
# An indexer with more than this left to parse when the run ends cannot finish in the grace
# (it parses 3-17 MB a second on an idle core, niced): mlop does not wait for it at all.
_INDEXER_KEPT_UP_BYTES = 2 * 1024 * 1024
_STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)
# How much the bookkeeping threads yield to the command (as the indexer process does).
_NICE = 5
_BOOKKEEPING_THREADS = frozenset({WRITER_THREAD_NAME, TENSORBOARD_THREAD_NAME, CONTEXT_THREAD_NAME})
# The system sampler's module (and psutil with it) is imported when the sampler starts, not
# before the command is launched: its thread's name is looked up only once it may run.
_SYSTEM_MODULE = "mlop_cli.sources.system"

LaunchError = CommandNotFoundError | CommandNotExecutableError


def execute_run(options: RunOptions) -> int:
    """Run the command under mlop; return the exit code ``mlop run`` must exit with."""
    return Recording(options).execute()


class Recording:
    """The recording of one run of one command (see the module's docstring for its phases)."""

    def __init__(self, options: RunOptions, messages: Messages | None = None) -> None:
        self.options = options
        self.messages = messages or Messages(options.quiet)
        self.writer: Writer | None = None
        self._early_events: list[rec.Event] = []  # said before the writer was: put once it is
        self.console: ConsoleSource | None = None
        self.background: Any = None  # the background sync, started beside the command
        self.sources: list[Source] = []
        self.launch_error: LaunchError | None = None
        self.child_pid: int | None = None

    def execute(self) -> int:
        """All four phases; the exit code ``mlop run`` exits with."""
        self.prepare()
        self.launch()
        if not self.open_store():
            return self.unrecorded_exit()
        if self.launch_error is not None:
            return self.failed_launch(self.launch_error)
        outcome = self.run()
        # From here on a second Ctrl-C or SIGTERM must not cut the bookkeeping short with a
        # traceback; the budget bounds how long it takes anyway.
        with _stop_signals_ignored():
            code = self.finish(outcome)
            self.finish_background_sync()
            return code

    # -- prepare -------------------------------------------------------------------------

    def prepare(self) -> None:
        """Everything known before the command starts: id, name, context, params, secrets."""
        options = self.options
        # Libraries mlop uses (watchdog, psutil) log through `logging`; with no handler, Python
        # prints their errors on stderr, into the user's output. mlop speaks only through Messages.
        logging.getLogger().addHandler(logging.NullHandler())
        # A file-size limit (ulimit -f) must fail mlop's writes (EFBIG: warn, go on), not kill
        # it. The command still gets the default action: subprocess restores SIGXFSZ in the child.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        # The relay thread must get the GIL back quickly when the command writes: a parser or
        # writer thread running bytecode would otherwise hold it for up to 5 ms while a pty's
        # 4 KiB buffer fills and blocks the command.
        sys.setswitchinterval(0.0005)
        self.run_id = new_run_id()
        self.started_wall = time.time()
        self.context, secrets = quick_context(
            options.argv, options.env, options.cwd, options.secret_words
        )
        self.name = options.name or default_name(options.argv, self.run_id)
        self.child_env = dict(options.env)
        self.child_env[RUN_ID_VARIABLE] = self.run_id
        self.child_env["MLOP_STORE"] = str(options.store)
        self.hyperparameters = gather_params(options)
        if self.hyperparameters.config_files:
            self.context.setdefault("config_files", []).extend(self.hyperparameters.config_files)
        self.secrets = scrubbable(secrets + self.hyperparameters.secrets)
        self.console_settings = ConsoleSettings(
            [p.pattern for p in options.patterns], options.builtin_patterns, options.max_metrics
        )
        self.context["console"] = self.console_settings.as_meta()

    # -- launch --------------------------------------------------------------------------

    def launch(self) -> None:
        """Start the command under the supervisor; its bytes pass through from now on."""
        options = self.options
        self.supervisor = Supervisor(
            LaunchOptions(
                argv=options.argv,
                env=self.child_env,
                cwd=str(options.cwd),
                use_pty=options.use_pty,
                stdin_fd=options.stdin_fd,
                stdout_fd=options.stdout_fd,
                stderr_fd=options.stderr_fd,
                signalled_directly=command_signalled_by_sender(options.env),
            ),
            on_output=self._on_output,
            on_signal=self._on_signal,
            on_event=self._on_event,
        )
        # Before the command starts: the TensorBoard files that exist now are earlier runs'.
        self.tensorboard: TensorBoardFilesSource | None = None
        if options.tensorboard:
            self.tensorboard = TensorBoardFilesSource(
                options, self._put, self.messages.warning, self.run_id
            )
            self.tensorboard.before_launch()
        try:
            self.child_pid = self.supervisor.start()
        except (CommandNotFoundError, CommandNotExecutableError) as error:
            self.launch_error = error

    def _on_output(self, stream: int, data: bytes, now: float) -> None:
        # The relay's only hand-over: the bytes go to the store; metrics are derived from the
        # stored console by the indexer process, never on this path.
        writer = self.writer
        if writer is not None:
            writer.put(rec.LogChunk(stream, now, data))

    def _on_signal(self, number: int, forwarded: bool) -> None:
        writer = self.writer
        if writer is None:
            return
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

    def _on_event(self, level: str, kind: str, message: str) -> None:
        # What the supervisor did on its own (a daemon followed, leftovers ended, the terminal
        # closed, a write to the output failed): an event, and a line on stderr. A command
        # that ends at once (`setsid cmd` forks and exits) makes events before the writer is.
        event = rec.Event(time.time(), level, kind, message)
        if self.writer is not None:
            self.writer.put(event)
        else:
            self._early_events.append(event)
        if level == "warning":
            self.messages.warning(message)
        elif level == "info":
            self.messages.info(message)

    def _put(self, record: Any) -> None:
        if self.writer is not None:
            self.writer.put(record)

    # -- run -----------------------------------------------------------------------------

    def open_store(self) -> bool:
        """Open the writer and queue the run's row, params and notes; False: not recorded."""
        self.writer = writer = open_writer(
            self.options.store, self.run_id, self.secrets, self.messages.warning
        )
        if writer is None:
            return False
        writer.put(self._run_start())
        if self.supervisor.streams_merged:
            writer.put(
                rec.Event(
                    time.time(),
                    "info",
                    "console.merged",
                    "stdout and stderr go to the same file: the command writes both into one "
                    "pipe, so their order is kept, and the console is stored as one stream",
                )
            )
        while self._early_events:
            writer.put(self._early_events.pop(0))
        for param in self.hyperparameters.params:
            writer.put(param)
        for note in self.hyperparameters.notes:
            writer.put(note)
        return True

    def _run_start(self) -> RunStart:
        options, context = self.options, self.context
        exact: dict[str, Any] = {}
        if exact_bytes(self.name):
            exact["name"] = exact_bytes(self.name)
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
        return RunStart(
            row={
                "id": self.run_id,
                "name": shown_text(self.name),
                "project": options.project,
                "status": "running",
                "command": json.dumps(context["command"]),
                "cwd": shown_text(str(options.cwd)),
                "host": context["host"],
                "user": context["user"],
                "pid": os.getpid(),
                "pid_started_at": own_start_time(),
                "child_pid": self.child_pid,
                "started_at": self.started_wall,
                "slurm_job_id": slurm.get("SLURM_JOB_ID"),
                "group_id": group,
                "meta": json.dumps(context, default=str),
            },
            tags=list(dict.fromkeys(shown_text(tag) for tag in options.tags)),
            console_index=self.console_settings.parses(),
        )

    def run(self) -> Outcome:
        """Start the sources beside the running command, then wait for it to end."""
        writer, options = self.writer, self.options
        assert writer is not None and self.child_pid is not None
        self.messages.info(f"run {self.run_id} ({self.name}) recording to {options.store}")
        if self.console_settings.parses():
            self.console = ConsoleSource(options, self.run_id, writer.put)
            self.console.start()
        self.sources.append(
            ContextSource(options, writer.put, Scrubber(self.secrets), self.messages.warning)
        )
        if self.tensorboard is not None:
            self.sources.append(self.tensorboard)
        if options.system:
            self.sources.append(
                SystemSource(options, writer.put, self.messages.warning, self.child_pid)
            )
        for source in self.sources:
            source.start()
        yield_cpu_to_the_command()
        self.background = start_background_sync(options, self.run_id, self.messages)
        return self.supervisor.wait()

    # -- finish --------------------------------------------------------------------------

    def finish(self, outcome: Outcome) -> int:
        """Status first, then the sources and the writer by one deadline; the closing line."""
        writer, status = self.writer, outcome.exit
        assert writer is not None
        # 1. The status first, on a connection of its own, ahead of any backlog: a finished run
        #    is never shown `running` or `lost` because its data was still queued.
        writer.commit_final(
            {
                "status": status.status,
                "exit_code": status.code,
                "signal": status.signal,
                "ended_at": outcome.ended_at,
            }
        )
        # 2. Everything else shares one deadline: the sources stop in parallel, then the writer
        #    commits (what does not fit is handed over, not lost), then the indexer the rest.
        deadline = time.monotonic() + FINISH_BUDGET_S
        summary = stop_sources(self.sources, deadline - _WRITER_SHARE_S, self._stop_failed)
        if outcome.output_open_after_exit:
            writer.put(
                rec.Event(
                    time.time(),
                    "warning",
                    "output.open",
                    "a process the command started kept its output open after it exited; "
                    "mlop stopped waiting",
                )
            )
        # Leftovers ended: said by the supervisor itself (on_event), naming them.
        if summary:
            writer.put(rec.ContextUpdate({"system_summary": summary}))
        stats = writer.close(max(0.1, deadline - 0.2 - time.monotonic()))
        indexed = self._console_indexed(None if stats.unflushed else stats.stored_rows, deadline)
        recorded = what_is_stored(self.options.store, self.run_id, stats, indexed)
        duration = format_duration(outcome.ended_at - outcome.started_at)
        self.messages.info(
            f"run {self.run_id} ({self.name}) {_status_words(status)}, {duration}; {recorded}"
        )
        return int(status.code)

    def _stop_failed(self, name: str, message: str) -> None:
        self._put(rec.Event(time.time(), "warning", "source.stop", f"{name}: {message}"))

    def _console_indexed(self, stored_rows: int | None, deadline: float) -> bool:
        """Whether the console's metrics are all indexed when mlop exits.

        Waited for only when the indexer kept up: with console handed over (it is read once
        mlop has exited) or more left to parse than the grace allows, waiting costs the exit
        its time and gains nothing.
        """
        if self.console is not None and self.console.started:
            self.console.end_of_run(stored_rows)
            if stored_rows is None:
                return False
            left = unindexed_bytes(self.options.store, self.run_id)
            if left is None or left > _INDEXER_KEPT_UP_BYTES:
                return False
            return self.console.wait(min(deadline, time.monotonic() + _INDEXER_GRACE_S))
        if self.options.builtin_patterns or self.options.patterns:
            return False  # no indexer could be started: readers index the console
        mark_console_indexed(self.options.store, self.run_id)
        return True

    def finish_background_sync(self) -> None:
        """The background sync's last pass, and its line."""
        if self.background is not None:
            done, line = self.background.finish()
            if done:
                self.messages.info(line)
            else:
                self.messages.warning(line)

    # -- the two early ends --------------------------------------------------------------

    def unrecorded_exit(self) -> int:
        """Plain passthrough, nothing recorded (no thread to be had, no store): the command's
        exit code all the same."""
        if self.launch_error is not None:
            sys.stderr.write(f"mlop: {self.launch_error}\n")
            return int(self.launch_error.exit_code)
        return int(self.supervisor.wait().exit.code)

    def failed_launch(self, error: LaunchError) -> int:
        """The command could not be started: the run is recorded as failed, with the reason."""
        writer = self.writer
        assert writer is not None
        # Said even with --quiet: it is the reason for the exit code.
        sys.stderr.write(f"mlop: {error}\n")
        writer.put(rec.Event(time.time(), "error", "launch", str(error)))
        writer.commit_final(
            {"status": "failed", "exit_code": error.exit_code, "ended_at": time.time()}
        )
        writer.close(FINISH_BUDGET_S)
        mark_console_indexed(self.options.store, self.run_id)
        return int(error.exit_code)


def yield_cpu_to_the_command() -> list[str]:
    """Lower the priority of mlop's bookkeeping threads (the writer, the samplers, the
    TensorBoard reader, the context), as the console indexer's process is: on a busy machine
    the command gets the CPU first. The relay (the main thread), the signal thread and the
    heartbeat keep theirs: the command's output, its signals and the proof that mlop is alive
    never wait behind the bookkeeping. A thread behind is bounded as before (the writer's
    overflow spool, the sources' deadlines). Returns the names of the threads lowered."""
    bookkeeping = set(_BOOKKEEPING_THREADS)
    system = sys.modules.get(_SYSTEM_MODULE)
    if system is not None:  # (never imported: no sampler runs)
        bookkeeping.add(system.THREAD_NAME)
    lowered = []
    for thread in threading.enumerate():
        if thread.name not in bookkeeping or thread.native_id is None:
            continue
        with contextlib.suppress(OSError):
            tid = thread.native_id
            os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + _NICE)
            lowered.append(thread.name)
    return lowered


@contextlib.contextmanager
def _stop_signals_ignored() -> Iterator[None]:
    previous = {number: signal.signal(number, lambda *_: None) for number in _STOP_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(number, handler)


def _status_words(status: Any) -> str:
    """`finished, exit code 0`, `killed by SIGTERM` (not `killed, killed by SIGTERM`)."""
    if status.message.startswith(status.status):
        return str(status.message)
    return f"{status.status}, {status.message}"
