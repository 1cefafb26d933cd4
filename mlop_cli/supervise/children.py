"""The command's process tree as a subreaper sees it: orphans to reap, leftovers to end.

With ``PR_SET_CHILD_SUBREAPER`` (prctl(2)) every process of the command's tree whose parent
exits is re-parented to mlop instead of init: a daemon that left the command's session is
still mlop's to find, and a zombie whose parent never waits is still mlop's to reap. mlop's
own helpers (git, the package listing) stay in mlop's process group and are waited for by
whoever started them; those in sessions of their own (the console indexer, the background sync)
are started through ``start_helper`` and are never the command's (``is_helper``).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import subprocess
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

_Process = TypeVar("_Process", bound="subprocess.Popen[bytes]")

_PR_SET_CHILD_SUBREAPER = 36


def set_child_subreaper() -> bool:
    """Make orphaned descendants re-parent to this process; True when the kernel agreed."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


# mlop's helpers in sessions of their own, by pid; and the lock held while one is started.
_helpers: set[int] = set()
_helper_starting = threading.Lock()


def start_helper(start: Callable[[], _Process]) -> _Process:
    """Start one of mlop's helper processes in a session of its own (``start`` makes it).

    Between its fork and its exec a helper holds every descriptor of mlop's, the command's
    output among them, in a session of its own: exactly a daemonised heir of the command, and
    mlop once followed its own indexer as the command and waited for it while it waited for
    mlop. No reading of its descriptors can tell (they are closed in two sweeps, around the
    pipe that reports the exec): the start is made under a lock that ``is_helper`` waits for.
    """
    with _helper_starting:
        process = start()
        _helpers.add(process.pid)
    return process


def is_helper(pid: int) -> bool:
    """Whether ``pid`` is a helper started by ``start_helper`` (waits for a start under way)."""
    with _helper_starting:
        return pid in _helpers


def child_pids() -> list[int]:
    """The pids of this process's children (each thread's, and the orphans it adopted)."""
    pids: list[int] = []
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        tasks = []
    for task in tasks:
        try:
            with open(f"/proc/self/task/{task}/children", "rb") as file:
                pids += [int(pid) for pid in file.read().split()]
        except (OSError, ValueError):
            return _child_pids_by_scan()
    return pids


def _child_pids_by_scan() -> list[int]:
    """Children found by reading every process's parent (kernels without .../children)."""
    me = os.getpid()
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit() and _parent(int(entry)) == me:
            pids.append(int(entry))
    return pids


def _parent(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as file:
            text = file.read()
        return int(text[text.rfind(b")") + 2 :].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def descendants(root: int = 0) -> list[int]:
    """Every descendant of ``root`` (this process when 0), parents before children."""
    found: list[int] = []
    frontier = child_pids() if root == 0 else _children_of(root)
    while frontier:
        found += frontier
        frontier = [child for pid in frontier for child in _children_of(pid)]
    return found


def _children_of(pid: int) -> list[int]:
    pids: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return pids
    for task in tasks:
        with contextlib.suppress(OSError, ValueError):
            with open(f"/proc/{pid}/task/{task}/children", "rb") as file:
                pids += [int(child) for child in file.read().split()]
    return pids


@dataclass
class OrphanReaper:
    """Reaps the command's orphans as they end, while the run goes on.

    Attributes:
        command: the command's pid (waited for by the supervisor itself, never here).
        spared: whether a pid is a helper of mlop's that someone else waits for.
        reaped: the orphans reaped: pid -> (wait status, process group).
    """

    command: int
    spared: Callable[[int], bool] = lambda pid: False
    reaped: dict[int, tuple[int, int]] = field(default_factory=dict)
    _own_group: int = field(default_factory=os.getpgrp)

    def reap(self) -> list[tuple[int, int]]:
        """Reap every ended orphan; return (pid, wait status) of each."""
        done: list[tuple[int, int]] = []
        for pid in child_pids():
            if pid == self.command or not self.is_orphan(pid):
                continue
            try:
                group = os.getpgid(pid)  # (a zombie keeps it until reaped)
                waited, status = os.waitpid(pid, os.WNOHANG)
            except (ChildProcessError, ProcessLookupError):
                continue
            if waited:
                done.append((waited, status))
                self.reaped[waited] = (status, group)
        return done

    def is_orphan(self, pid: int) -> bool:
        """A child of mlop's that mlop did not start: adopted from the command's tree.

        mlop's helpers share its process group (or are spared by pid); the command's tree
        never does, since the command starts in a group of its own. A zombie keeps its group
        until it is reaped, so the test holds for ended processes too.
        """
        if self.spared(pid):
            return False
        try:
            return os.getpgid(pid) != self._own_group
        except OSError:
            return False


def command_tree(command: int, spared: Callable[[int], bool]) -> list[int]:
    """The live processes of the command's tree, the command's own pid aside.

    The command's descendants, and every other process mlop is the parent or ancestor of
    that is not one of its helpers (orphans the subreaper adopted, their descendants).
    """
    own_group = os.getpgrp()
    tree: list[int] = []
    for pid in descendants():
        if pid == command or spared(pid):
            continue
        with contextlib.suppress(OSError):
            if os.getpgid(pid) != own_group and not _is_zombie(pid):
                tree.append(pid)
    # A descendant of a spared helper is the helper's, not the command's.
    return [pid for pid in tree if not _has_spared_ancestor(pid, spared)]


def _has_spared_ancestor(pid: int, spared: Callable[[int], bool]) -> bool:
    me = os.getpid()
    for _ in range(256):
        parent = _parent(pid)
        if parent is None or parent in (0, 1, me):
            return False
        if spared(parent):
            return True
        pid = parent
    return False


def _is_zombie(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as file:
            text = file.read()
        return text[text.rfind(b")") + 2 : text.rfind(b")") + 3] in (b"Z", b"X")
    except OSError:
        return True


def holders_of(pids: Iterable[int], targets: set[str]) -> list[int]:
    """Which of ``pids`` hold every one of ``targets`` open (``pipe:[123]``, ``/dev/pts/4``)."""
    holding = []
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        held: set[str] = set()
        for fd in fds:
            with contextlib.suppress(OSError):
                held.add(os.readlink(f"/proc/{pid}/fd/{fd}"))
        if targets and targets <= held:
            holding.append(pid)
    return holding


def session_and_group(pid: int) -> tuple[int, int] | None:
    """(session, process group) of ``pid``, or None when it is gone."""
    try:
        return os.getsid(pid), os.getpgid(pid)
    except OSError:
        return None


def describe(pid: int) -> str:
    """``1234 (python train.py)``: a pid and its command line, for events."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as file:
            words = file.read().split(b"\0")
    except OSError:
        return str(pid)
    line = " ".join(w.decode("utf-8", "backslashreplace") for w in words if w)
    return f"{pid} ({line[:120]})" if line else str(pid)
