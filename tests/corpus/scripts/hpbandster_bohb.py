"""HpBandSter's BOHB run as its example_1_local_sequential does (a local Pyro4 nameserver, one
worker in a background thread, BOHB(...).run(n_iterations=...)), tuning an SGDClassifier whose
budget is its number of epochs on synthetic data: loss = validation log-loss, info =
{'val_accuracy': ...}.

Two ways users see it:
- debug: logging.basicConfig(level=logging.DEBUG): HpBandSter's DISPATCHER / HBMASTER / WORKER
  lines; after each job the dispatcher logs str(job): 'job_id: (0, 0, 1)', 'kwargs: {'config':
  {...}, 'budget': 3.0, 'working_directory': '.'}', "result: {'loss': 0.41…, 'info':
  {'val_accuracy': 0.82}}", 'exception: None'; then the example's closing prints.
- runs: the example's logging.WARNING (nothing logged), then the analysis loop over
  res.get_all_runs() printing each Run ('config_id: (0, 0, 1)\tbudget: 3.000000\tloss: 0.41…' /
  'time_stamps: …' / "info: {'val_accuracy': …}"), then the example's closing prints.

Versions: hpbandster 0.7.4, ConfigSpace 1.2.2, Pyro4 4.82, scikit-learn 1.9.1, numpy 1.26.4 and pandas 2.3.3
(with numpy 2 Pyro4 cannot send np.float64 budgets and the run hangs; BOHB imports statsmodels for
its KDE, nothing of it printed), Python 3.11.
Capture (repository root, a venv with hpbandster):
    python tests/corpus/scripts/capture.py pipe real_hpbandster_bohb_debug -- python tests/corpus/scripts/hpbandster_bohb.py debug
    python tests/corpus/scripts/capture.py pipe real_hpbandster_bohb_runs -- python tests/corpus/scripts/hpbandster_bohb.py runs
(logging's and print's lines are the same under a terminal: no pty entry.)
Truth: HpBandSter's own Result object (bohb.run()'s return): debug: per finished job in finish
order (Run.time_stamps['finished']), its loss and info['val_accuracy']; runs: the same per Run in
res.get_all_runs() order (the order printed). step = the run's position in that order (1-based):
HpBandSter numbers jobs by (iteration, bracket stage, index) tuples, not by one counter.
"""

import logging
import os
import sys
import warnings
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

which = sys.argv[1]
logging.basicConfig(level=logging.DEBUG if which == "debug" else logging.WARNING)

import _truth  # noqa: E402
import ConfigSpace as CS  # noqa: E402
import hpbandster.core.nameserver as hpns  # noqa: E402
import numpy as np  # noqa: E402
from hpbandster.core.worker import Worker  # noqa: E402
from hpbandster.optimizers import BOHB  # noqa: E402
from sklearn.datasets import make_classification  # noqa: E402
from sklearn.exceptions import ConvergenceWarning  # noqa: E402
from sklearn.linear_model import SGDClassifier  # noqa: E402
from sklearn.metrics import log_loss  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402

warnings.filterwarnings("ignore", category=ConvergenceWarning)
np.random.seed(0)
X, y = make_classification(n_samples=400, n_features=10, n_informative=5, random_state=0)
X_tr, X_va, y_tr, y_va = train_test_split(X, y, test_size=0.3, random_state=0)


class SGDWorker(Worker):
    def compute(self, config, budget, **kwargs):
        clf = SGDClassifier(
            loss="log_loss",
            alpha=config["alpha"],
            learning_rate="constant",
            eta0=config["eta0"],
            max_iter=int(budget),
            tol=None,
            random_state=0,
        )
        clf.fit(X_tr, y_tr)
        loss = log_loss(y_va, clf.predict_proba(X_va))
        return {"loss": float(loss), "info": {"val_accuracy": float(clf.score(X_va, y_va))}}

    @staticmethod
    def get_configspace():
        cs = CS.ConfigurationSpace(seed=0)
        cs.add(CS.UniformFloatHyperparameter("alpha", lower=1e-5, upper=1e-1, log=True))
        cs.add(CS.UniformFloatHyperparameter("eta0", lower=1e-3, upper=1.0, log=True))
        return cs


NS = hpns.NameServer(run_id="sgd", host="127.0.0.1", port=None)
NS.start()
w = SGDWorker(nameserver="127.0.0.1", run_id="sgd")
w.run(background=True)
bohb = BOHB(
    configspace=w.get_configspace(),
    run_id="sgd",
    nameserver="127.0.0.1",
    min_budget=1,
    max_budget=9,
)
res = bohb.run(n_iterations=2)
bohb.shutdown(shutdown_workers=True)
NS.shutdown()

runs = res.get_all_runs()
if which == "runs":
    for r in runs:
        print(r)

id2config = res.get_id2config_mapping()
incumbent = res.get_incumbent_id()
print("Best found configuration:", id2config[incumbent]["config"])
print("A total of %i unique configurations where sampled." % len(id2config.keys()))  # noqa: UP031 (as the example)
print("A total of %i runs where executed." % len(runs))  # noqa: UP031
print(
    "Total budget corresponds to %.1f full function evaluations."
    % (sum([r.budget for r in runs]) / 9)
)

series = _truth.Series()
ordered = sorted(runs, key=lambda r: r.time_stamps["finished"]) if which == "debug" else list(runs)
for i, r in enumerate(ordered, start=1):
    series.add("loss", i, None, r.loss)
    series.add("val_accuracy", i, None, r.info["val_accuracy"])

NOTES = {
    "debug": (
        "logging at DEBUG: HpBandSter's and Pyro4's lines (root logger format 'DEBUG:hpbandster…:"
        "DISPATCHER: job (0, 0, 1) dispatched on hpbandster.run_sgd.worker…'). After each job the "
        "dispatcher logs the Job's repr over four lines: 'job_id: (0, 0, 1)' (an id tuple), "
        "\"kwargs: {'config': {'alpha': 0.0012…, 'eta0': 0.03…}, 'budget': 1.0, "
        "'working_directory': '.'}\" (the HYPER-PARAMETERS and the budget, not metrics), "
        "\"result: {'loss': 0.45…, 'info': {'val_accuracy': 0.81…}}\" (the metrics: series 'loss' "
        "and 'val_accuracy'), 'exception: None'. Other lines carry counts and budgets only: "
        "'HBMASTER: running jobs: 0, queue sizes: (0, 1) -> wait', 'ITERATION: Advancing config "
        "(0, 0, 2) to next budget 3.000000', 'DISPATCHER: Found 1 potential workers, 1 currently "
        "in the pool.', BOHB's 'done building a new model for budget 1.000000 based on 3/6 split' "
        "(budget and counts) followed by 'Best loss for this budget:0.306423' (the lowest loss at "
        "that budget when the model is built, a metric the Result keeps no series of: extra_ok), "
        "and 'best_vector: [0.0655…, 0.6359…], 0.00015…, 2.818…, 0.00042…' (BOHB's KDE "
        "acquisition internals for the next candidate: not metrics of the tuned model)."
    ),
    "runs": (
        "logging at the example's WARNING: HpBandSter logs nothing. Then each Run of "
        "res.get_all_runs() printed: 'config_id: (0, 0, 1)\\tbudget: 3.000000\\tloss: 0.41…' "
        "(config_id an id tuple, budget the number of epochs given: not metrics), 'time_stamps: "
        "0.01… (submitted), 0.01… (started), 0.02… (finished)' (seconds since the run's start, not "
        "metrics), \"info: {'val_accuracy': 0.82…}\" and a blank line."
    ),
}[which]
_truth.write(
    library=(
        f"hpbandster {metadata.version('hpbandster')} (ConfigSpace {metadata.version('ConfigSpace')}, "
        f"Pyro4 {metadata.version('Pyro4')}, scikit-learn {metadata.version('scikit-learn')}, "
        f"numpy {np.__version__})"
    ),
    script="tests/corpus/scripts/hpbandster_bohb.py",
    record="hpbandster.core.result.Result from BOHB.run(): get_all_runs(), Run.loss, Run.info",
    step_kind="trial",
    series=series,
    extra_ok=["Best loss for this budget"] if which == "debug" else [],
    not_printed=[],
    notes=NOTES
    + (
        " Closing prints of the example: 'Best found configuration: {'alpha': …, 'eta0': …}' "
        "(hyper-parameters), 'A total of 12 unique configurations where sampled.', 'A total of 17 "
        "runs where executed.', 'Total budget corresponds to 5.0 full function evaluations.' "
        "(counts and budget, not metrics)."
    ),
)
