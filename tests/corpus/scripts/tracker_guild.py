"""Guild AI around a hand-written training script (guild_train.py: a tiny numpy MLP printing
'name: value' lines, 'step: N' first; Guild's default output scalars): `guild run`, then
`guild runs info` (flags, and each scalar's last value with its step) and
`guild compare --table` (one row per run: flags and last scalar values as columns), all
offline in a throw-away GUILD_HOME and project folder.

Ground truth: Guild's OWN record, the run's TF event file (.guild/events.out.tfevents.*) that
Guild writes from the output it parsed, read with guild.tfevent.ScalarReader (float32).
Versions: guildai 0.9.0, numpy 2.4.6, Python 3.11 (venv corpus-zy-4: pip install guildai numpy).
Capture (repository root, venv active, its bin on PATH so `guild` is found):
    python tests/corpus/scripts/capture.py pipe real_guild_run_compare -- python tests/corpus/scripts/tracker_guild.py
    python tests/corpus/scripts/capture.py pty  real_guild_run_compare_pty -- python tests/corpus/scripts/tracker_guild.py
"""

import glob
import os
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth

HERE = os.path.dirname(os.path.abspath(__file__))
work = tempfile.mkdtemp(prefix="guild-")
home = os.path.join(work, "home")
project = os.path.join(work, "project")
os.makedirs(home)
os.makedirs(project)
for name in ("guild_train.py", "_toy.py"):
    shutil.copy(os.path.join(HERE, name), project)
env = dict(os.environ, GUILD_HOME=home)
guild = shutil.which("guild") or os.path.join(os.path.dirname(sys.executable), "guild")
try:
    for cmd in (
        [guild, "run", "guild_train.py", "epochs=3", "lr=0.3", "-y"],
        [guild, "runs", "info"],
        [guild, "compare", "--table"],
    ):
        subprocess.run(cmd, cwd=project, env=env, check=True)

    from guild import tfevent

    (events,) = glob.glob(os.path.join(home, "runs", "*", ".guild"))
    series = _truth.Series()
    for name, value, step in tfevent.ScalarReader(events):
        series.add(name, step, None, value)
    _truth.write(
        library=f"guildai {metadata.version('guildai')} (guild run, runs info, compare --table)",
        script="tests/corpus/scripts/tracker_guild.py",
        record=(
            "Guild's own record: the run's .guild/events.out.tfevents.* (Guild's output scalars, "
            "float32), via guild.tfevent.ScalarReader"
        ),
        step_kind="global",
        series=series,
        notes=(
            "`guild run guild_train.py epochs=3 lr=0.3 -y` streams the script's output: groups of "
            "'step: 10' / 'loss: 0.4750' / 'accuracy: 0.7812' every 10 steps and 'val_loss: 0.4361' / "
            "'val_accuracy: 0.8208' after each epoch (no step line before them: Guild records them at "
            "the last step seen, 30, 60, 90). 'step' is Guild's step key, not a metric. Then "
            "`guild runs info`: id, operation, started/stopped timestamps, label 'batch_size=32 "
            "epochs=3 lr=0.3', sourcecode_digest, run_dir, command, exit_status, 'flags:' "
            "(batch_size: 32, epochs: 3, lr: 0.3 - hyper-parameters, NOT metrics) and 'scalars:' with "
            "each scalar's LAST value at 6 decimals and its step ('loss: 0.489800 (step 90)'): the "
            "same values at the same steps as the last printed ones (not new points). Then `guild "
            "compare --table`: a header row 'run operation started time status label batch_size "
            "epochs lr step accuracy loss val_accuracy val_loss' and one row per run (run id, date, "
            "duration 0:00:00, flags, the last step 90, and the last scalar values at 6 decimals: "
            "same points again). Timestamps, ids, digests, flags and the step column are not metrics."
        ),
    )
finally:
    shutil.rmtree(work, ignore_errors=True)
