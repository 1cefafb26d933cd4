"""Console metrics, derived from the stored console by an indexer process of their own.

The stored console (``logs``) is the source of truth; console metrics are an index over it.
``mlop run`` stores the console and starts one indexer beside the command (``python -m
mlop_cli.indexing``, in a session of its own, at low priority): it reads the console back from
the store as it is committed, parses it (:class:`~mlop_cli.sources.console.ConsoleSource`) and
commits the points with how far it has read. Parsing never competes with the relay of the
command's output (another process, another GIL) and never holds it back: when output comes
faster than it can be parsed, the indexer lags and catches up, after the command if need be.
mlop still exits within about 2 s of the command; an indexer still working then goes on alone,
and the run shows that its metrics are being indexed until it is done.

If an indexer dies (a Slurm step ending kills every process of the step), the next reader that
needs the run's metrics (``mlop show``, ``check``, ``compare``, ``export``, ``report``) or
``mlop recover`` indexes the console again from its start: the parse is a function of the
stored bytes, so the result is the same.
"""

from __future__ import annotations

import contextlib
import os
import select
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from mlop_cli import records as rec
from mlop_cli.store.console_index import ConsoleIndexStore, IndexLock, indexer_alive
from mlop_cli.store.schema import INDEX_VERSION

_POLL_S = 0.3  # how often a following indexer looks for newly stored console
_NICE = 5  # the indexer yields the CPU to the command


@dataclass
class ConsoleSettings:
    """How a run's console is parsed (recorded in its context, so any process can redo it)."""

    patterns: list[str]
    builtins: bool = True
    max_metrics: int = 1000

    def as_meta(self) -> dict[str, Any]:
        """The settings as stored under ``meta["console"]``."""
        return {
            "patterns": self.patterns,
            "builtin_patterns": self.builtins,
            "max_metrics": self.max_metrics,
        }

    @classmethod
    def from_meta(cls, meta: dict[str, Any]) -> ConsoleSettings:
        """The settings of a run's context (the defaults for runs recorded before they were)."""
        console = meta.get("console") or {}
        return cls(
            patterns=[str(p) for p in console.get("patterns") or []],
            builtins=bool(console.get("builtin_patterns", True)),
            max_metrics=int(console.get("max_metrics", 1000)),
        )

    def parses(self) -> bool:
        """Whether any recogniser runs at all."""
        return self.builtins or bool(self.patterns)


@dataclass
class IndexOutcome:
    """What one indexing pass did."""

    done: bool  # the run's console is parsed to its end
    points: int  # console points stored for the run (all of them, when done)
    busy: bool = False  # another process is indexing the run


class Follow:
    """The run goes on while the pipe from ``mlop run`` is open.

    ``mlop run`` writes ``final N`` once its writer has stored the console's rows up to seq N
    (excluded; the rest, if any, is handed over). EOF without it (``mlop run`` was killed, or
    its writer was still busy when mlop had to exit) means: the console is complete once
    ``mlop run`` is gone, so the indexer waits for its parent to go before reading the end.
    """

    def __init__(self, pipe: IO[bytes]) -> None:
        self._fd = pipe.fileno()
        self._parent = os.getppid()
        self.ended = False
        self.final_seq: int | None = None
        self._text = b""

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` for the run to end; True while it goes on."""
        if self.ended:
            return False
        try:
            readable, _, _ = select.select([self._fd], [], [], timeout)
            if readable:
                data = os.read(self._fd, 4096)
                self._text += data
                if not data or b"\n" in self._text:
                    self._end()
        except (OSError, ValueError):
            self._end()
        return not self.ended

    def _end(self) -> None:
        self.ended = True
        words = self._text.split()
        if len(words) == 2 and words[0] == b"final" and words[1].isdigit():
            self.final_seq = int(words[1])
            return
        # No word on where the console ends: what is stored is complete once mlop run has
        # exited (its writer thread goes with it).
        deadline = time.monotonic() + 30.0
        while os.getppid() == self._parent and time.monotonic() < deadline:
            time.sleep(0.05)


def index_run(
    store: Path,
    run_id: str,
    *,
    follow: Follow | None = None,
    wait_lock: float = 0.0,
    force: bool = False,
    network_fs: bool = False,
) -> IndexOutcome:
    """Parse a run's stored console into its console metrics, to the end.

    Args:
        store: The store file.
        run_id: The run.
        follow: While the run goes on: read the console as it is stored until ``follow`` says
            the run has ended. None: the run has ended; index what is stored (and handed over).
        wait_lock: How long to wait for another indexer of the run to finish first.
        force: Index again even when the index is complete and current.
        network_fs: The store is on a network filesystem (no WAL).

    Returns:
        What was done; ``busy`` when another process holds the run's index.
    """
    lock = IndexLock(store, run_id)
    if not lock.acquire(wait_lock):
        return IndexOutcome(done=False, points=0, busy=True)
    try:
        while True:
            index = ConsoleIndexStore(store, run_id, network_fs=network_fs)
            try:
                outcome = _index(index, follow, force)
            finally:
                index.close()
            if outcome is not None:
                return outcome
            # The store file was deleted or replaced during the run: the run's writer goes on
            # in a new file, and so does its index, from what that file holds.
            while follow is not None and not store.exists() and follow.wait(_POLL_S):
                pass
    finally:
        lock.release()


def _index(index: ConsoleIndexStore, follow: Follow | None, force: bool) -> IndexOutcome | None:
    """Index one store file; None when it was replaced meanwhile (index the new one)."""
    seq, done, version = index.progress()
    if done and version == INDEX_VERSION and not force:
        return IndexOutcome(done=True, points=_stored_points(index))
    # A parse's state is not kept between processes: a console indexed in part (its indexer
    # died), by another parser version, or by the in-process parser of mlop before 0.2, is
    # indexed again from its start.
    index.reset()
    seq = index.first_seq()
    run = index.run_row()
    while run is None and follow is not None and follow.wait(_POLL_S):
        run = index.run_row()  # the writer creates the run's row within its first commit
    if run is None:
        run = index.run_row() or {"meta": {}}
    settings = ConsoleSettings.from_meta(run["meta"])
    pending: list[Any] = []
    source = _make_source(settings, pending.append)
    while True:
        if index.replaced():
            return None
        if follow is not None and not follow.wait(0):
            # The run has ended: the console it could not store in time is moved into the
            # store first, so the console is whole as soon as can be, whatever is left to parse.
            follow = None
            index.apply_handover()
        if seq == 0:
            seq = index.first_seq()
        rows = index.read(seq)
        if rows:
            for _seq, when, stream, data in rows:
                source.feed(stream, data, when)
            seq = rows[-1][0] + 1
            source.flush()
            index.add(pending)
            pending.clear()
            index.commit(seq, False)
            continue
        if follow is not None:
            if follow.wait(_POLL_S):
                continue
            follow = None
            continue  # one more read of what is stored now, then the handover
        if index.apply_handover():
            continue
        source.close()
        index.add(pending)
        pending.clear()
        index.commit(seq, True)
        return IndexOutcome(done=True, points=index.points)


def _stored_points(index: ConsoleIndexStore) -> int:
    row = index.conn.execute(
        "SELECT coalesce(sum(r.count), 0) FROM run_metrics r JOIN metrics m ON m.id = r.metric_id"
        " WHERE r.run_id = ? AND m.source = 'console'",
        (index.run_id,),
    ).fetchone()
    return int(row[0])


def _make_source(settings: ConsoleSettings, sink: Callable[[Any], None]) -> Any:
    from mlop_cli.sources.console import ConsoleSource, compile_patterns

    try:
        patterns = compile_patterns(settings.patterns)
    except ValueError as error:
        sink(rec.Event(time.time(), "warning", "console.pattern", str(error)))
        patterns = []
    return ConsoleSource(
        sink, patterns=patterns, builtins=settings.builtins, max_metrics=settings.max_metrics
    )


class IndexerProcess:
    """The indexer ``mlop run`` starts beside the command (see the module's docstring)."""

    def __init__(self, store: Path, run_id: str, *, network_fs: bool, env: dict[str, str]) -> None:
        self.store = store
        self.run_id = run_id
        self.network_fs = network_fs
        self.env = env
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def pid(self) -> int | None:
        """The indexer's pid (None before it starts)."""
        return self.process.pid if self.process is not None else None

    def start(self) -> None:
        """Start it; raises OSError when a process cannot be started."""
        from mlop_cli.supervise.children import start_helper
        from mlop_cli.supervise.slurm_signals import helper_preexec

        argv = [sys.executable, "-m", "mlop_cli.indexing", str(self.store), self.run_id, "--follow"]
        if self.network_fs:
            argv.append("--network-fs")
        env = {k: v for k, v in self.env.items() if not k.startswith("PYTHON")}
        package_root = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = package_root  # this mlop, whatever the command's environment says
        preexec = helper_preexec()

        def start_low() -> None:
            if preexec is not None:
                preexec()
            with contextlib.suppress(OSError):
                os.nice(_NICE)

        # A session of its own: the terminal's Ctrl-C goes to the command, never to the
        # indexer, and it outlives mlop when it still has console to parse.
        self.process = start_helper(
            lambda: subprocess.Popen(
                argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env=env,
                close_fds=True,
                start_new_session=True,
                preexec_fn=start_low,
            )
        )

    def end_of_run(self, stored_rows: int | None) -> None:
        """Tell it the run has ended.

        Args:
            stored_rows: The console rows the writer stored (the rest is handed over), or None
                when that is not known (the writer still busy): the indexer then reads the
                console's end once this process has exited.
        """
        if self.process is None or self.process.stdin is None:
            return
        if stored_rows is not None:
            with contextlib.suppress(OSError, ValueError):
                self.process.stdin.write(f"final {stored_rows}\n".encode())
                self.process.stdin.flush()
        with contextlib.suppress(OSError, ValueError):
            self.process.stdin.close()

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` for it to finish; True when it has."""
        if self.process is None:
            return True
        try:
            self.process.wait(max(0.0, timeout))
        except subprocess.TimeoutExpired:
            return False
        return True


def ensure_indexed(
    store: Path,
    run_id: str,
    *,
    status: str,
    wait: float = 600.0,
    say: Callable[[str], None] | None = None,
) -> bool:
    """Make a finished run's console metrics complete before they are read.

    A running run is left alone (its indexer follows it). Otherwise: a live indexer is waited
    for (up to ``wait`` seconds, said once through ``say``); an index left incomplete (its
    indexer died) is completed here.

    Returns:
        True when the run's console metrics are complete.
    """
    from mlop_cli.store.console_index import index_progress

    progress = index_progress(store, [run_id]).get(run_id)
    if progress is not None and progress[1]:
        return True
    if status == "running":
        return False
    if indexer_alive(store, run_id) and say is not None:
        say(f"waiting for the console metrics of run {run_id} to be indexed")
    try:
        outcome = index_run(store, run_id, wait_lock=wait)
    except Exception as error:  # a store that cannot be written: read what is there
        if say is not None:
            # Said, not silent: a run read without its metrics must not look like one that
            # printed none (a full disk: `no metric 'loss'`, and nothing else).
            from mlop_cli.store.writer import explain_store_error

            say(
                f"warning: the console metrics of run {run_id} could not be stored "
                f"({explain_store_error(store, error)}); what is read lacks them: "
                f"`mlop recover --store {store}` derives them once the store can be written"
            )
        return False
    return outcome.done


def main(argv: list[str] | None = None) -> int:
    """``python -m mlop_cli.indexing STORE RUN [--follow] [--network-fs]``."""
    args = list(sys.argv[1:] if argv is None else argv)
    follow = Follow(sys.stdin.buffer) if "--follow" in args else None
    network_fs = "--network-fs" in args
    store, run_id = [a for a in args if not a.startswith("--")][:2]
    index_run(Path(store), run_id, follow=follow, network_fs=network_fs, wait_lock=5.0)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
