"""Under Slurm a signal reaches the command exactly once, whoever sent it.

A stand-in for Slurm's step daemon (a process named ``slurmstepd``) launches ``mlop run`` and
signals as Slurm does: every process of the step (proctrack/cgroup, Slurm's default), or only
mlop's process group (proctrack/pgid). mlop tells the sender by ``sigwaitinfo`` and forwards only
what the command did not already get.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PYTHON, clean_env, mlop_argv, query, start_run

# The command counts each signal it gets and says so when it ends.
COMMAND = (
    "import os, signal, sys, time\n"
    "counts = {}\n"
    "def handler(number, frame):\n"
    "    counts[number] = counts.get(number, 0) + 1\n"
    "for number in (signal.SIGUSR1, signal.SIGTERM):\n"
    "    signal.signal(number, handler)\n"
    "print('ready', os.getpid(), flush=True)\n"
    # The first signal however late it comes, then a while for more: a late duplicate can only
    # hide a fault, never fake one.
    "deadline = time.time() + 300\n"
    "while not counts and time.time() < deadline: time.sleep(0.05)\n"
    "time.sleep(1.0)\n"
    "print('COUNTS', sorted(counts.items()), flush=True)\n"
)

# The stand-in step daemon: named slurmstepd, it runs mlop and signals as the plugin would.
STEP_DAEMON = """
import ctypes, json, os, signal, subprocess, sys, time
ctypes.CDLL(None).prctl(15, b"slurmstepd", 0, 0, 0)  # PR_SET_NAME: what /proc/PID/comm shows
mode, number, argv = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
mlop = subprocess.Popen(argv, stdout=subprocess.PIPE)
ready = mlop.stdout.readline().split()
command = int(ready[1])
time.sleep(0.2)
os.kill(mlop.pid, number)
if mode == "cgroup":  # every process of the step
    os.kill(command, number)
rest = mlop.stdout.read()
sys.stdout.write(rest.decode())
sys.exit(mlop.wait())
"""


def _slurm_env(tmp_path: Path, proctrack: str) -> dict[str, str]:
    conf = tmp_path / "slurm.conf"
    conf.write_text(f"ClusterName=test\n# a comment\nProctrackType={proctrack}  # tracked\n")
    return clean_env(SLURM_JOB_ID="4242", SLURM_STEP_ID="0", SLURM_CONF=str(conf))


def _counts(output: bytes) -> dict[int, int]:
    line = next(line for line in output.splitlines() if line.startswith(b"COUNTS"))
    return dict(json.loads(line.split(b" ", 1)[1].replace(b"(", b"[").replace(b")", b"]")))


def _counts_under_step_daemon(store: Path, tmp_path: Path, mode: str, number: int) -> dict:
    """Run `mlop run` under the stand-in step daemon, which sends ``number`` as ``mode`` does."""
    argv = mlop_argv("run", "-q", "--no-system", "--store", str(store), "--", PYTHON, "-c", COMMAND)
    result = subprocess.run(
        [sys.executable, "-c", STEP_DAEMON, mode, str(number), json.dumps(argv)],
        capture_output=True,
        env=_slurm_env(tmp_path, f"proctrack/{mode}"),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return _counts(result.stdout)


@pytest.mark.parametrize("signame", ["SIGUSR1", "SIGTERM"])
def test_a_signal_slurm_sends_to_the_whole_step_reaches_the_command_once(
    store: Path, tmp_path: Path, signame: str
) -> None:
    number = int(getattr(signal, signame))
    assert _counts_under_step_daemon(store, tmp_path, "cgroup", number) == {number: 1}
    events = [row[0] for row in query(store, "SELECT message FROM events WHERE kind = 'signal'")]
    assert events == [
        f"received {signame} from Slurm's step daemon, which signalled the command too; "
        "not forwarded"
    ]


def test_with_pgid_tracking_slurm_signals_only_mlop_and_mlop_forwards(
    store: Path, tmp_path: Path
) -> None:
    number = int(signal.SIGUSR1)
    assert _counts_under_step_daemon(store, tmp_path, "pgid", number) == {number: 1}


def test_under_slurm_a_signal_from_anyone_else_is_forwarded(store: Path, tmp_path: Path) -> None:
    process = start_run(
        store,
        PYTHON,
        "-c",
        COMMAND,
        mlop_args=("--no-system",),
        env=_slurm_env(tmp_path, "proctrack/cgroup"),
    )
    assert process.stdout is not None
    assert process.stdout.readline().startswith(b"ready ")
    process.send_signal(signal.SIGUSR1)  # sent by this test, not by a step daemon
    rest, errors = process.communicate(timeout=120)
    assert process.returncode == 0, errors
    assert _counts(rest) == {int(signal.SIGUSR1): 1}
    events = [row[0] for row in query(store, "SELECT message FROM events WHERE kind = 'signal'")]
    assert events == ["received SIGUSR1; forwarded to the command"]


# GNU `timeout`, as it ends its command: a process group of its own, then the signal to the
# command (mlop) and at once to that whole group (mlop again), ignoring it itself.
TIMEOUT_LIKE = """
import json, os, signal, subprocess, sys
os.setpgid(0, 0)
number, argv = int(sys.argv[1]), json.loads(sys.argv[2])
process = subprocess.Popen(argv, stdout=subprocess.PIPE)
assert process.stdout.readline().startswith(b"ready")  # the command's handlers are set
signal.signal(number, signal.SIG_IGN)
os.kill(process.pid, number)
os.killpg(0, number)
out, _ = process.communicate(timeout=300)
sys.stdout.buffer.write(out)
"""


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGINT"])
def test_a_signal_sent_to_mlop_and_its_group_at_once_reaches_the_command_once(
    store: Path, signame: str
) -> None:
    """`timeout 3600 mlop run -- python train.py`: timeout signals mlop, then its own process
    group, mlop in it; without mlop the command gets both at once and they count as one, so
    it gets one (twice, a checkpoint-then-hard-exit handler lost its checkpoint)."""
    number = getattr(signal, signame)
    command = COMMAND.replace("(signal.SIGUSR1, signal.SIGTERM)", f"({int(number)},)")
    argv = mlop_argv("run", "-q", "--no-system", "--store", str(store), "--", PYTHON, "-c", command)
    result = subprocess.run(
        [sys.executable, "-c", TIMEOUT_LIKE, str(int(number)), json.dumps(argv)],
        capture_output=True,
        env=clean_env(),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert _counts(result.stdout) == {int(number): 1}
