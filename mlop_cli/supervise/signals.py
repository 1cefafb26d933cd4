"""Every signal mlop can receive, and what it does with each: no window, no accident.

As tini does: every catchable signal is blocked in every thread before the command starts (the
command gets its own mask back), and one thread takes them with ``sigwaitinfo``, which also
tells who sent each. So a SIGTERM that comes 1 ms after the start waits for the command to
exist and is passed on, instead of killing mlop and orphaning it; and none of the signals mlop
does not use (SIGALRM, SIGPIPE, SIGTTOU...) can end mlop by its default action.

The table (signal(7)):

* SIGCHLD: reap (the command's end or stop, orphans).
* SIGWINCH: under a pseudo-terminal, copy the window size to it (the kernel then signals the
  command); with pipes, pass it on.
* SIGTSTP, SIGTTIN, SIGTTOU: stop the command as the terminal would, and mlop with it, unless
  nobody could continue them (an orphaned process group: the kernel discards them there).
* SIGCONT: take the terminal back, continue the command.
* SIGPIPE, SIGXFSZ: ignored (they are about mlop's own writes, which fail and are handled).
* SIGXCPU from the kernel (mlop's own CPU limit): noted, not passed on; sent by a batch
  system, passed on.
* every other one (SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1/2, SIGALRM, SIGPWR, real-time
  signals, a SIGSEGV sent with kill...): passed on to the command's process group, once.
  A fault in mlop itself (a real SIGSEGV) is still fatal: the kernel forces those through.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable

# Never blocked or taken: SIGKILL and SIGSTOP cannot be.
_UNCATCHABLE = {signal.SIGKILL, signal.SIGSTOP}
# Ignored by disposition (SIG_IGN), so the kernel drops them at once.
IGNORED = frozenset({signal.SIGPIPE, signal.SIGXFSZ})
TAKEN = frozenset(set(signal.valid_signals()) - _UNCATCHABLE - IGNORED)
SI_KERNEL = 0x80  # si_code of a signal the kernel sent (a terminal's Ctrl-C, a CPU limit)
SI_USER = 0  # si_code of a signal a process sent with kill()

Handler = Callable[[int, int, int], None]  # (number, sender pid, si_code)


_original_mask: set[int] | None = None


def block_all() -> set[int]:
    """Block every taken signal in this thread (and the threads it starts); the mask before
    the first call (the command's to have back).

    ``mlop run`` calls it first thing (``__main__``), before its imports, and again when the
    command starts. SIGPIPE and SIGXFSZ are set to be ignored: mlop's writes then fail with
    EPIPE or EFBIG and are handled. The command gets the default dispositions back
    (subprocess restores SIGPIPE and SIGXFSZ) and this mask (Supervisor.start).
    """
    global _original_mask
    for number in IGNORED:
        with contextlib.suppress(OSError, ValueError):
            signal.signal(number, signal.SIG_IGN)
    previous = set(signal.pthread_sigmask(signal.SIG_BLOCK, TAKEN))
    if _original_mask is None:
        _original_mask = previous
    return set(_original_mask)


def unblock_in_child(previous: set[int]) -> None:
    """Restore the mask mlop had before :func:`block_all`, in a child before it runs a program."""
    signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class SignalDesk:
    """Takes the blocked signals one by one and hands each to ``handle``.

    In its own thread (``mlop-signals``) when one can be started; when none can (a resource
    limit), the relay calls :meth:`take_pending` between its polls instead.
    """

    def __init__(self, handle: Handler, on_error: Callable[[BaseException], None]) -> None:
        self._handle = handle
        self._on_error = on_error
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()  # handling is one at a time, whichever thread takes

    @property
    def threaded(self) -> bool:
        """Whether a thread takes the signals (else the relay must poll)."""
        return self._thread is not None

    def start(self) -> bool:
        """Start the taking thread; False when no thread can be had (the relay polls then)."""
        thread = threading.Thread(target=self._take_forever, name="mlop-signals", daemon=True)
        try:
            thread.start()
        except RuntimeError:  # "can't start new thread": a memory or process limit
            return False
        self._thread = thread
        return True

    def take_pending(self) -> None:
        """Handle every signal pending now, without waiting (the polled mode)."""
        while True:
            try:
                info = signal.sigtimedwait(TAKEN, 0)
            except InterruptedError:
                continue
            except OSError:
                return
            if info is None:
                return
            self._dispatch(info)

    def _take_forever(self) -> None:
        while True:
            try:
                info = signal.sigwaitinfo(TAKEN)
            except InterruptedError:
                continue
            except OSError:  # pragma: no cover - sigwaitinfo fails only on a bad set
                return
            self._dispatch(info)

    def _dispatch(self, info: signal.struct_siginfo) -> None:
        with self._lock:
            try:
                self._handle(info.si_signo, info.si_pid, info.si_code)
            except Exception as error:  # a fault here must not stop the taking
                self._on_error(error)
