"""Under Slurm, which signals reached the command without mlop's help.

When a job is cancelled, hits its time limit or gets its ``--signal=USR1@60`` warning,
``slurmstepd`` signals the step's processes itself. With process tracking by cgroup (Slurm's
default on Linux) or by process tree (``proctrack/linuxproc``) that is every process of the step:
mlop *and* the command. Forwarding such a signal would deliver it twice (Lightning's SIGUSR1
handler would checkpoint and requeue twice). With ``proctrack/pgid`` slurmstepd signals only the
task's process group, which the command (in its own session) is not in: there mlop forwards.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Mapping
from pathlib import Path

STEP_DAEMON = "slurmstepd"
# Where slurm.conf is found: $SLURM_CONF, the usual install paths, and the copies slurmd keeps
# in "configless" mode.
_CONF_PATHS = (
    "/etc/slurm/slurm.conf",
    "/etc/slurm-llnl/slurm.conf",
    "/usr/local/etc/slurm.conf",
    "/run/slurm/conf/slurm.conf",
    "/var/spool/slurmd/conf-cache/slurm.conf",
    "/var/spool/slurm/d/conf-cache/slurm.conf",
)
_DEFAULT_PROCTRACK = "proctrack/cgroup"  # Slurm's default on Linux


def proctrack_type(env: Mapping[str, str]) -> str:
    """The cluster's ProctrackType from slurm.conf (Slurm's default when none is readable)."""
    candidates = [env["SLURM_CONF"]] if env.get("SLURM_CONF") else []
    for path in [*candidates, *_CONF_PATHS]:
        try:
            text = Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for line in text.splitlines():
            key, _, value = line.split("#", 1)[0].partition("=")
            if key.strip().lower() == "proctracktype" and value.strip():
                return value.strip().lower()
        return _DEFAULT_PROCTRACK
    return _DEFAULT_PROCTRACK


def command_signalled_by_sender(env: Mapping[str, str]) -> Callable[[int], bool] | None:
    """Under Slurm, a test of a signal's sender pid: True when it signalled the command too.

    ``None`` outside Slurm, or where Slurm signals only the task's process group: then mlop
    forwards every signal, as it does everywhere else.
    """
    if "SLURM_JOB_ID" not in env:
        return None
    if proctrack_type(env) == "proctrack/pgid":
        return None
    return is_step_daemon


def is_step_daemon(pid: int) -> bool:
    """Whether process ``pid`` is a Slurm step daemon."""
    if pid <= 0:
        return False
    try:
        with open(f"/proc/{pid}/comm", encoding="utf-8", errors="replace") as comm:
            return comm.read().strip() == STEP_DAEMON
    except OSError:
        return False


def helper_preexec() -> Callable[[], None] | None:
    """A ``preexec_fn`` for a helper process mlop starts (git, the package listing, the sync).

    ``mlop run`` blocks every signal in every thread and takes them with ``sigwaitinfo``
    (signals.py), and a child inherits that mask: a helper would ignore SIGTERM. The function
    unblocks them in the child. ``None`` where the calling thread blocks nothing, so the helper
    starts the usual (fast) way.
    """
    if not signal.pthread_sigmask(signal.SIG_BLOCK, ()):
        return None
    return _unblock_all


def _unblock_all() -> None:
    signal.pthread_sigmask(signal.SIG_SETMASK, ())
