"""EvoJAX's Trainer as its examples/train_cartpole.py uses it (CartPoleSwingUp easy, MLPPolicy,
PGPE), cut to 30 iterations of a population of 32 on CPU.  EvoJAX's create_logger formats
'%(name)s: %(asctime)s [%(levelname)s] %(message)s':

  CartPole: 2026-12-07 13:50:01,123 [INFO] EvoJAX CartPole (easy) demo.
  CartPole: … [INFO] MLPPolicy.num_params = 1281
  CartPole: … [INFO] Start to train for 30 iterations.
  CartPole: … [INFO] Iter=5, size=32, max=263.1234, avg=150.5678, min=20.1234, std=60.9876
  CartPole: … [INFO] [TEST] Iter=10, #tests=16, max=…, avg=…, min=…, std=…
  CartPole: … [INFO] Training done, best_score=412.3456

Truth: the fitness arrays EvoJAX hands to its log_scores_fn hook (train lines), the test score
arrays its SimManager.eval_params returns for the [TEST] lines (kept by a wrapper; the final
[TEST] line is not passed to log_scores_fn), summarised exactly as the trainer does (max, mean,
min, std), and the best_score Trainer.run returns.

Versions: evojax 0.2.17, jax 0.9.2 (CPU), flax 0.12.8, Python 3.11 (venv corpus-zAE-2).
About 30 s of CPU.  Capture (repository root):
    python tests/corpus/scripts/capture.py pipe real_evojax_pgpe_cartpole -- python tests/corpus/scripts/evojax_trainer.py
(no bars, no colours: no pty twin.)
"""

import os
import shutil
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))
os.environ.setdefault("JAX_PLATFORMS", "cpu")

import _truth
import numpy as np
from evojax import Trainer, util
from evojax.algo import PGPE
from evojax.policy import MLPPolicy
from evojax.task.cartpole import CartPoleSwingUp

log_dir = tempfile.mkdtemp(prefix="evojax_cartpole_")
logger = util.create_logger(name="CartPole", log_dir=log_dir, debug=False)
logger.info("EvoJAX CartPole (easy) demo.")
logger.info("=" * 30)

train_task = CartPoleSwingUp(test=False, harder=False)
test_task = CartPoleSwingUp(test=True, harder=False)
policy = MLPPolicy(
    input_dim=train_task.obs_shape[0],
    hidden_dims=[32, 32],
    output_dim=train_task.act_shape[0],
    logger=logger,
)
solver = PGPE(
    pop_size=32,
    param_size=policy.num_params,
    optimizer="adam",
    center_learning_rate=0.05,
    stdev_learning_rate=0.1,
    init_stdev=0.1,
    logger=logger,
    seed=42,
)

train_lines = []  # (iter, scores) from log_scores_fn


def log_scores(i, scores, stage):
    if stage == "train":
        train_lines.append((i, np.array(scores)))


trainer = Trainer(
    policy=policy,
    solver=solver,
    train_task=train_task,
    test_task=test_task,
    max_iter=30,
    log_interval=5,
    test_interval=10,
    n_repeats=2,
    n_evaluations=16,
    seed=42,
    log_dir=log_dir,
    logger=logger,
    log_scores_fn=log_scores,
)
test_arrays = []
orig_eval = trainer.sim_mgr.eval_params


def eval_params(params, test):
    out = orig_eval(params=params, test=test)
    if test:
        test_arrays.append(np.array(out[0]))
    return out


trainer.sim_mgr.eval_params = eval_params
best = trainer.run(demo_mode=False)
shutil.rmtree(log_dir, ignore_errors=True)

series = _truth.Series()
for i, s in train_lines:
    for name, v in (("max", s.max()), ("avg", s.mean()), ("min", s.min()), ("std", s.std())):
        series.add(name, i, None, float(v))
test_iters = [i for i in range(1, 30) if i % 10 == 0] + [30]
for i, s in zip(test_iters, test_arrays, strict=True):
    for name, v in (("max", s.max()), ("avg", s.mean()), ("min", s.min()), ("std", s.std())):
        series.add(f"TEST {name}", i, None, float(v))
series.add("best_score", 30, None, float(best))

import jax  # noqa: E402

_truth.write(
    library=f"evojax {metadata.version('evojax')} (jax {jax.__version__}, CPU)",
    script="tests/corpus/scripts/evojax_trainer.py",
    record=(
        "the fitness arrays Trainer hands to log_scores_fn, the test score arrays SimManager."
        "eval_params returns (summarised as the trainer does: max, mean, min, std), and the "
        "best_score Trainer.run returns"
    ),
    step_kind="global",
    series=series,
    extra_ok=[],
    not_printed=[],
    notes=(
        "Lines 'CartPole: 2026-12-07 13:50:01,123 [INFO] Iter=5, size=32, max=263.1234, "
        "avg=150.5678, min=20.1234, std=60.9876' every 5 iterations (the population's fitness: "
        "max / mean / min / std, 4 decimals; size=32 is the population size, a count) and "
        "'[INFO] [TEST] Iter=10, #tests=16, max=…, avg=…, min=…, std=…' every 10 (the best "
        "parameters' test episodes; #tests=16 a count), the last one at Iter=30 after the loop; "
        "series 'TEST max' etc. for the [TEST] line's values. Step = the printed Iter. Then "
        "'Training done, best_score=412.3456' (the best mean test score, step 30). "
        "'MLPPolicy.num_params = 1281' and the '=====' rule are not metrics; the logger name "
        "'CartPole:' and the asctime open every line."
    ),
)
