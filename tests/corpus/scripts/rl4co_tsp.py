"""RL4CO's quickstart: an attention-model policy trained by REINFORCE on random 10-city TSP instances.

As RL4CO's README / quickstart notebook: TSPEnv(generator_params=dict(num_loc=10)), AttentionModelPolicy,
AttentionModel(env, policy, baseline=...), RL4COTrainer(max_epochs=3, accelerator='cpu'), trainer.fit(model)
then trainer.test(model). Instances are generated on the fly by the env's generator (no download); data
sizes cut to seconds of CPU (train_data_size=640, batch_size=64: 10 steps per epoch), seeds fixed by
lightning's seed_everything. A CSVLogger is given so the run keeps its own record.

What the console shows: RL4CO's rich-formatted log lines (its pylogger), Lightning's
'GPU available: False ...', the rich model summary table, and RL4COTrainer's RichProgressBar
'Epoch 2/2  ━━━━━━ 10/10 0:01:33 • 0:00:00 0.12it/s v_num: 0.000 train/reward: -3.477 train/loss: -0.223
val/reward: -3.367' (wrapped over several lines at 80 columns when piped, where rich prints only the bar's
final state; under a pty it redraws each step), then trainer.test's rich table ('│ test/reward │ -3.36… │').

Variant `exp`: baseline='exponential' (the one captured).

Truth: Lightning's CSVLogger metrics.csv written by the run (train/loss, train/reward per step, val/reward
per epoch) and trainer.test's returned list of dicts; piped, only the last point of each series (the final bar);
under a pty every step's values (a step takes seconds here, each is drawn). it/s is extra_ok.

Versions: rl4co 0.7.0, lightning 2.6.6, torch 2.13.0, torchrl 0.14.1, tensordict 0.14.3, Python 3.10
(venv corpus-zBE-1).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_rl4co_tsp -- python tests/corpus/scripts/rl4co_tsp.py exp
    python tests/corpus/scripts/capture.py pty real_rl4co_tsp_pty -- python tests/corpus/scripts/rl4co_tsp.py exp
"""

import csv
import glob
import os
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import lightning as L  # noqa: E402
import torch  # noqa: E402
from lightning.pytorch.loggers import CSVLogger  # noqa: E402
from rl4co.envs import TSPEnv  # noqa: E402
from rl4co.models import AttentionModel, AttentionModelPolicy  # noqa: E402
from rl4co.utils import RL4COTrainer  # noqa: E402

variant = sys.argv[1] if len(sys.argv) > 1 else "exp"
L.seed_everything(1234)
logdir = tempfile.mkdtemp(prefix="rl4co_")

env = TSPEnv(generator_params=dict(num_loc=10))
policy = AttentionModelPolicy(env_name=env.name, embed_dim=64, num_encoder_layers=2, num_heads=4)
model = AttentionModel(
    env,
    policy,
    baseline="exponential" if variant == "exp" else "rollout",
    batch_size=64,
    train_data_size=640,
    val_data_size=128,
    test_data_size=128,
    optimizer_kwargs={"lr": 1e-3},
)
trainer = RL4COTrainer(max_epochs=3, accelerator="cpu", logger=CSVLogger(logdir, name="tsp"),
                       log_every_n_steps=1)
trainer.fit(model)
results = trainer.test(model)

series = _truth.Series()
rows = list(csv.DictReader(open(glob.glob(os.path.join(logdir, "tsp", "*", "metrics.csv"))[0])))
for row in rows:
    step = int(row["step"])
    epoch = int(row["epoch"]) if row.get("epoch") not in (None, "") else None
    for key in ("train/reward", "train/loss", "val/reward"):
        v = row.get(key, "")
        if v not in ("", None):
            series.add(key, step, epoch, float(v))
if os.environ.get("MLOP_CORPUS_MODE", "pipe") == "pipe":
    # piped, rich draws no live bar: only the final state of the last epoch's bar is printed
    series.series = {k: {"points": v["points"][-1:]} for k, v in series.series.items()}
for res in results:
    for key, v in res.items():
        series.add(key, None, None, v)

_truth.write(
    library=(f"rl4co {metadata.version('rl4co')} (lightning {metadata.version('lightning')}, torch "
             f"{torch.__version__}, torchrl {metadata.version('torchrl')})"),
    script="tests/corpus/scripts/rl4co_tsp.py",
    record="Lightning CSVLogger metrics.csv of the run (train/* per step, val/reward per epoch) and "
           "trainer.test()'s returned metrics",
    step_kind="global",
    series=series,
    extra_ok=["it/s of the bars"],
    notes=("The bars' postfix shows the latest logged values with Lightning's formatting (3 significant "
           "digits); v_num is the CSVLogger version, not a metric. The validation sanity check runs before "
           "epoch 0 and logs nothing."),
)
