"""The sources of a run, beside the command, behind one :class:`Source` protocol.

Each source turns something the command does into typed records (``mlop_cli.records``) and
hands them to a sink, the writer's ``put``; none touches SQLite. The recording starts them once
the command runs and stops them all in parallel, by one deadline, once it has exited:

- :class:`ConsoleSource`: the console indexer process, which derives metrics from the console
  the writer stored (the bytes themselves reach the writer from the supervisor's relay);
- :class:`ContextSource`: the slow part of the run's context (git, packages), in a thread;
- :class:`TensorBoardFilesSource`: the event files the command writes, tailed while they grow;
- :class:`SystemSource`: CPU, memory, I/O and GPU samples of the command's process tree.

The adapters here are thin: each source's own module keeps its logic.
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from mlop_cli import records as rec
from mlop_cli.run.settings import RunOptions

if TYPE_CHECKING:
    from mlop_cli.indexing import IndexerProcess
    from mlop_cli.redact import Scrubber
    from mlop_cli.sources.system import SystemSampler
    from mlop_cli.sources.tb_scan import EventFileSnapshot
    from mlop_cli.sources.tb_watch import TensorBoardSource

Put = Callable[[Any], None]
Warn = Callable[[str], None]


# The context thread's name (mlop run lowers its priority by it).
CONTEXT_THREAD_NAME = "mlop-context"


class Source(Protocol):
    """A source of records beside the command."""

    name: str

    def start(self) -> None:
        """Start beside the running command.

        Never raises: a source that cannot start says so itself (a warning or an event) and
        the run goes on without it.
        """

    def stop(self, deadline: float) -> None:
        """Stop, handing over what it still holds, by ``deadline`` (``time.monotonic``).

        The recording calls it in a helper thread of its own and stops waiting at the
        deadline: a source that is late loses its last data, never the run's exit.
        """

    def summary(self) -> dict[str, Any]:
        """What the source says about the whole run, once stopped (empty: nothing)."""


def stop_sources(
    sources: Sequence[Source], deadline: float, on_error: Callable[[str, str], None]
) -> dict[str, Any]:
    """Stop every source in parallel by ``deadline``; return their summaries merged.

    ``on_error(name, message)`` is told of a source that failed to stop or was late.
    """
    stoppers: list[tuple[Source, threading.Thread, list[BaseException]]] = []
    for source in sources:
        errors: list[BaseException] = []
        thread = threading.Thread(
            target=_stop_one,
            args=(source, deadline, errors),
            name=f"mlop-stop-{source.name}",
            daemon=True,
        )
        try:
            thread.start()
        except (RuntimeError, MemoryError) as error:  # no thread to be had: do not wait on it
            on_error(source.name, f"could not be stopped ({error}); its last data may be missing")
            continue
        stoppers.append((source, thread, errors))
    summary: dict[str, Any] = {}
    for source, thread, errors in stoppers:
        thread.join(max(0.0, deadline - time.monotonic()))
        if thread.is_alive():
            on_error(source.name, "did not finish in time; its last data may be missing")
        elif errors:
            on_error(source.name, str(errors[0]))
        else:
            try:
                summary.update(source.summary())
            except Exception as error:  # a summary is a nicety
                on_error(source.name, str(error))
    return summary


def _stop_one(source: Source, deadline: float, errors: list[BaseException]) -> None:
    try:
        source.stop(deadline)
    except Exception as error:  # reported by stop_sources, never a traceback
        errors.append(error)


class ConsoleSource:
    """The console indexer, a process of its own that parses the stored console into metrics.

    Its end differs from the others': it is told how many console rows the writer stored
    (:meth:`end_of_run`) once the writer has closed, and waited for by the run's deadline.
    """

    name = "console"

    def __init__(self, options: RunOptions, run_id: str, put: Put) -> None:
        self._options = options
        self._run_id = run_id
        self._put = put
        self.indexer: IndexerProcess | None = None

    @property
    def started(self) -> bool:
        """Whether the indexer process runs."""
        return self.indexer is not None

    def start(self) -> None:
        """Start the indexer beside the command; when no process can be started, an event."""
        from mlop_cli.indexing import IndexerProcess
        from mlop_cli.store.filesystems import is_network_filesystem

        try:
            indexer = IndexerProcess(
                self._options.store,
                self._run_id,
                network_fs=is_network_filesystem(self._options.store),
                env=self._options.env,
            )
            indexer.start()
        except (OSError, subprocess.SubprocessError) as error:
            self._put(
                rec.Event(
                    time.time(),
                    "warning",
                    "console.indexer",
                    f"the console indexer could not be started ({error}); console metrics are "
                    "derived from the stored console when the run is first read",
                )
            )
            return
        self.indexer = indexer

    def end_of_run(self, stored_rows: int | None) -> None:
        """Tell the indexer the run has ended (see :meth:`IndexerProcess.end_of_run`)."""
        if self.indexer is not None:
            self.indexer.end_of_run(stored_rows)

    def stop(self, deadline: float) -> None:
        """Wait for the indexer by ``deadline``; it goes on alone when it has more to parse."""
        self.wait(deadline)

    def wait(self, deadline: float) -> bool:
        """Whether the indexer finished by ``deadline``."""
        if self.indexer is None:
            return True
        return self.indexer.wait(deadline - time.monotonic())

    def summary(self) -> dict[str, Any]:
        """Nothing: the console's metrics are in the store."""
        return {}


class ContextSource:
    """The slow part of the run's context (git, packages), gathered in a thread of its own.

    Waited for at the end like a source, so a short run still gets it.
    """

    name = "context"

    def __init__(self, options: RunOptions, put: Put, scrubber: Scrubber, warn: Warn) -> None:
        self._options = options
        self._put = put
        self._scrubber = scrubber
        self._warn = warn
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start gathering; without a thread to be had, a warning."""
        thread = threading.Thread(target=self._gather, name=CONTEXT_THREAD_NAME, daemon=True)
        try:
            thread.start()
        except (RuntimeError, MemoryError) as error:
            self._warn(f"mlop cannot start a thread ({error}): the context is partial")
            return
        self._thread = thread

    def stop(self, deadline: float) -> None:
        """Wait for the gathering to end, by ``deadline``."""
        if self._thread is not None:
            self._thread.join(max(0.0, deadline - time.monotonic()))

    def summary(self) -> dict[str, Any]:
        """Nothing: the context is in the run's row."""
        return {}

    def _gather(self) -> None:
        # Each part is recorded as soon as it is known: a run that ends before the packages
        # are listed (eight runs starting at once on a busy machine) keeps its machine and git.
        from mlop_cli.context import slow_context_parts
        from mlop_cli.store.writer import RunUpdate

        options = self._options
        try:
            for part in slow_context_parts(
                options.argv, options.cwd, options.env, scrub=self._scrubber.scrub_text
            ):
                self._put(rec.ContextUpdate(part))
                git = part.get("git")
                if git:
                    self._put(
                        RunUpdate(
                            {
                                "git_commit": git.get("commit"),
                                "git_branch": git.get("branch"),
                                "git_dirty": int(bool(git.get("dirty"))),
                            }
                        )
                    )
        except Exception as error:  # context is a nicety, never a failure
            self._put(
                rec.Event(
                    time.time(), "debug", "context", f"could not gather the full context: {error!r}"
                )
            )


class TensorBoardFilesSource:
    """The TensorBoard event files the command writes (``mlop_cli.sources.tb_watch``)."""

    name = "tensorboard"

    def __init__(self, options: RunOptions, put: Put, warn: Warn, run_id: str) -> None:
        self._roots = options.tensorboard_roots()
        self._run_id = run_id
        self._put = put
        self._warn = warn
        self._snapshot: EventFileSnapshot | None = None
        self._source: TensorBoardSource | None = None

    def before_launch(self) -> None:
        """Remember the event files that exist before the command starts: earlier runs'."""
        try:
            from mlop_cli.sources.tb_scan import snapshot_event_files

            self._snapshot = snapshot_event_files(self._roots)
        except Exception:  # the source takes its own snapshot, a little later
            self._snapshot = None

    def start(self) -> None:
        """Start watching; when it cannot, a warning."""
        try:
            from mlop_cli.sources.tb_watch import TensorBoardSource

            source = TensorBoardSource(
                self._roots, self._put, snapshot=self._snapshot, run_id=self._run_id
            )
            source.start()
        except Exception as error:  # the run goes on without it
            self._warn(f"TensorBoard files will not be read: {error!r}")
            return
        self._source = source

    def stop(self, deadline: float) -> None:
        """Stop, then read every known file to its end, in this thread: the watcher's runs at
        a lowered priority (the deadline bounds the wait for its current pass)."""
        if self._source is not None:
            self._source.stop(drain=True, deadline=deadline)

    def summary(self) -> dict[str, Any]:
        """Nothing: the files' data is in the store."""
        return {}


class SystemSource:
    """Samples of the command's process tree and the machine (``mlop_cli.sources.system``)."""

    name = "system"

    def __init__(self, options: RunOptions, put: Put, warn: Warn, child_pid: int) -> None:
        self._options = options
        self._put = put
        self._warn = warn
        self._child_pid = child_pid
        self._sampler: SystemSampler | None = None

    def start(self) -> None:
        """Start sampling; when it cannot, a warning."""
        options = self._options
        try:
            from mlop_cli.sources.diagnosis import DiagnosisThresholds
            from mlop_cli.sources.system import SystemSampler

            # The child's pid, not ours: mlop's own CPU and memory are not the run's.
            sampler = SystemSampler(
                self._child_pid,
                self._put,
                interval=options.sample_interval,
                paths={"store": options.store.parent, "cwd": options.cwd},
                thresholds=DiagnosisThresholds.from_mapping(options.diagnosis),
                environ=options.env,
            )
            sampler.start()
        except Exception as error:
            self._warn(f"system metrics will not be sampled: {error!r}")
            return
        self._sampler = sampler

    def stop(self, deadline: float) -> None:
        """Stop sampling (within one sample) and release NVML."""
        if self._sampler is not None:
            self._sampler.stop()

    def summary(self) -> dict[str, Any]:
        """The end-of-run summary of the system (see docs/system.md)."""
        return self._sampler.summary() if self._sampler is not None else {}
