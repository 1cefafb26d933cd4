"""Ray Tune: tune.Tuner over a function trainable (4 trials x 3 iterations, reporting loss and
accuracy), on a 2-CPU local Ray; Ray's default console reporter.

Versions: ray 2.60.0 (ray[tune]), Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_ray_tune -- python tests/corpus/scripts/ray_tune.py
    python tests/corpus/scripts/capture.py pty  real_ray_tune_pty -- python tests/corpus/scripts/ray_tune.py
Truth: each trial's result dataframe (Ray's progress.csv for the trial, via ResultGrid).
"""

import math
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))

import _truth  # noqa: E402
import ray  # noqa: E402
from ray import tune  # noqa: E402


def trainable(config):
    loss = 1.0
    for i in range(3):
        time.sleep(0.5)
        loss = loss * (1 - config["lr"] * 5) + 0.01 * config["width"] / 64
        tune.report({"loss": loss, "accuracy": 1 - loss / 2, "lr_now": config["lr"] * 0.5**i})


class Recorder(tune.Callback):
    """The result dicts in the order the driver processes them, which is the order Ray's console
    reporter (itself a driver callback, called before this one) prints them."""

    def __init__(self):
        self.results = []

    def on_trial_result(self, iteration, trials, trial, result, **info):
        self.results.append((str(trial), dict(result)))


recorder = Recorder()
storage = tempfile.mkdtemp(prefix="raytune-")
ray.init(num_cpus=2, include_dashboard=False, log_to_driver=True, configure_logging=True)
tuner = tune.Tuner(
    trainable,
    param_space={"lr": tune.grid_search([0.01, 0.05, 0.1, 0.15]), "width": tune.choice([32, 64])},
    tune_config=tune.TuneConfig(metric="loss", mode="min", max_concurrent_trials=2),
    run_config=tune.RunConfig(name="corpus", storage_path=storage, verbose=2, callbacks=[recorder]),
)
results = tuner.fit()
best = results.get_best_result()
print(f"Best config: {best.config}, best loss: {best.metrics['loss']:.4f}")
ray.shutdown()

series = _truth.Series()
csv_rows = {}
for r in results:  # Ray's progress.csv per trial, to check the callback's record against
    for _, row in r.metrics_dataframe.iterrows():
        csv_rows[(r.metrics["trial_id"], int(row["training_iteration"]))] = row
for trial_name, res in recorder.results:
    it = res["training_iteration"]
    row = csv_rows[(res["trial_id"], it)]
    for k in ("accuracy", "loss", "lr_now"):  # the result box lists them in this (sorted) order
        assert math.isclose(float(row[k]), res[k], rel_tol=1e-12), (k, row[k], res[k])
        series.add(f"{trial_name}/{k}", it, None, res[k])
series.add("best loss", None, None, best.metrics["loss"])
shutil.rmtree(storage, ignore_errors=True)
_truth.write(
    library=f"ray {ray.__version__} (ray[tune])",
    script="tests/corpus/scripts/ray_tune.py",
    record=(
        "the result dicts Ray Tune handed to driver callbacks (on_trial_result, the reporter's own source), in "
        "processing order, checked equal to each trial's progress.csv (ResultGrid metrics_dataframe)"
    ),
    step_kind="global",
    series=series,
    extra_ok=[
        "time_this_iter_s and time_total_s (result boxes), 'total time (s)' (status table column)",
        "'Current best trial: <id> with loss=0.445... and params={...}' (the best result so far, a value already "
        "in the truth under that trial)",
    ],
    notes=(
        "Four trials (2 at a time on 2 CPUs), 3 iterations each. Per reported result Ray prints 'Trial "
        "trainable_<hash>_00001 finished iteration 2 at <date>. Total running time: 20s' and a rounded box "
        "'╭──╮ │ Trial trainable_<hash>_00001 result │ ├──┤ │ checkpoint_dir_name │ │ time_this_iter_s 0.50062 │ "
        "... │ training_iteration 2 │ │ accuracy 0.71 │ │ loss 0.58 │ │ lr_now 0.025 │ ╰──╯' (key and value "
        "in one row, values to 5 significant digits). Step = training_iteration (inside the box, not on the key's "
        "row). Series are per TRIAL: '<trial name>/<metric>', the trial name taken from the box title; the four "
        "trials' curves must not be merged (any naming that keeps trials apart is right; the trial id's hash "
        "differs at every run). Results of concurrent trials interleave: points are in print order. The 'Trial "
        "status: 2 TERMINATED | 2 PENDING' tables repeat each trial's LATEST result in columns 'iter  total time "
        "(s)  loss  accuracy  lr_now' (6 significant digits): the same points again (same trial and "
        "iteration), not new ones; their 'width' and 'lr' columns are the trial's config; the 'Trial ... "
        "config' boxes (lr, width) are configuration. The final line is the script's 'Best config: {...}, best "
        "loss: 0.4450' (series 'best loss', no step). Ray's start-up lines (auth token, 'Started a local Ray "
        "instance', 'Configuration for experiment' box: 'Number of trials 4') are banners."
    ),
)
