"""Optuna study.optimize with 8 trials of a small sklearn objective; Optuna's default logging.

Versions: optuna 5.1.0, scikit-learn 1.9.1, Python 3.11.
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_optuna -- python tests/corpus/scripts/optuna_study.py
    python tests/corpus/scripts/capture.py pipe real_optuna_pruning -- python tests/corpus/scripts/optuna_study.py --prune
    python tests/corpus/scripts/capture.py pty  real_optuna_colorlog_pty -- python tests/corpus/scripts/optuna_study.py
(the pty entry was captured with colorlog 6.12 installed: Optuna colours its log under a terminal)
Truth: study.trials (value, params, state, intermediate_values) and the running best.
"""

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))

from importlib.metadata import version  # noqa: E402

import _truth  # noqa: E402
import optuna  # noqa: E402
from sklearn.datasets import make_classification  # noqa: E402
from sklearn.linear_model import SGDClassifier  # noqa: E402
from sklearn.model_selection import train_test_split  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument("--prune", action="store_true")
args = ap.parse_args()

X, y = make_classification(n_samples=800, n_features=10, random_state=0)
Xtr, Xva, ytr, yva = train_test_split(X, y, random_state=0)


def objective(trial):
    alpha = trial.suggest_float("alpha", 1e-5, 1e-1, log=True)
    loss = trial.suggest_categorical("loss", ["hinge", "log_loss"])
    if not args.prune:
        clf = SGDClassifier(alpha=alpha, loss=loss, random_state=0, max_iter=50).fit(Xtr, ytr)
        return 1.0 - clf.score(Xva, yva)
    clf = SGDClassifier(alpha=alpha, loss=loss, random_state=0)
    for step in range(5):
        clf.partial_fit(Xtr, ytr, classes=[0, 1])
        err = 1.0 - clf.score(Xva, yva)
        trial.report(err, step)
        if trial.should_prune():
            raise optuna.TrialPruned()
    return err


sampler = optuna.samplers.TPESampler(seed=0)
pruner = optuna.pruners.MedianPruner(n_startup_trials=2, n_warmup_steps=1) if args.prune else None
study = optuna.create_study(
    study_name="corpus", direction="minimize", sampler=sampler, pruner=pruner
)
study.optimize(objective, n_trials=10 if args.prune else 8)
print(f"Best trial: {study.best_trial.number}, best value: {study.best_value}")

# ---- ground truth (written only under capture.py) ----
series = _truth.Series()
best = None
for t in study.trials:
    if t.state == optuna.trial.TrialState.COMPLETE:
        series.add("value", t.number, None, t.value)
        best = t.value if best is None else min(best, t.value)
        series.add("Best value", t.number, None, best)
    elif t.state == optuna.trial.TrialState.PRUNED:
        pass  # 'Trial 5 pruned. ' prints no value
series.add("best value", study.best_trial.number, None, study.best_value)
_truth.write(
    library=f"optuna {optuna.__version__}"
    + (f", colorlog {version('colorlog')}" if os.environ.get("MLOP_CORPUS_MODE") == "pty" else ""),
    script="tests/corpus/scripts/optuna_study.py",
    record="study.trials (FrozenTrial.number/.value/.state); the running best recomputed from them",
    step_kind="trial",
    series=series,
    extra_ok=[],
    not_printed=["trial.intermediate_values (reported for pruning) are never printed"]
    if args.prune
    else [],
    notes=(
        "Optuna logs through the stdlib logging to stderr: '[I 2026-12-06 11:25:01,123] Trial 3 finished "
        "with value: 0.12 and parameters: {'alpha': 0.0012, 'loss': 'hinge'}. Best is trial 1 with value: "
        "0.1.' Step = the trial number (0-based, as Optuna prints it). Series 'value' is the trial's value; "
        "'Best value' is the 'Best is trial N with value: X' part: the best so far, whose own trial number is "
        "N (the point is at the finished trial's step, it is a running best, not a new evaluation of trial "
        "N). The parameters dict holds configuration (alpha, loss), not metrics. The first line "
        "'A new study created in memory with name: corpus' is a banner. The last line is the script's own "
        "'Best trial: 4, best value: 0.08' (series 'best value' at that trial's number)."
        + (
            " With --prune, pruned trials print '[I ...] Trial 6 pruned. ' and carry no value."
            if args.prune
            else ""
        )
        + (
            " Under a terminal with colorlog installed, Optuna colours the '[I 2026-12-06 12:20:01,346]' prefix "
            "(ESC[32m ... ESC[0m) and ends each line with ESC[0m."
            if os.environ.get("MLOP_CORPUS_MODE") == "pty"
            else ""
        )
    ),
)
