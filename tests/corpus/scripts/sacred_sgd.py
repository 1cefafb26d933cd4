"""A scikit-learn training loop (SGDClassifier.partial_fit per mini-batch of 64, synthetic data)
run as a Sacred Experiment with a FileStorageObserver: Sacred's own INFO/DEBUG lines ('INFO -
sgd_clf - Running command 'main'', 'Started run with ID "1"', 'Completed after 0:00:01'), the
loop's print() lines (captured by Sacred's fd capture, passed through), `_run.log_scalar` per
epoch, a `_log.warning` when the val loss rises, and the returned dict printed by Sacred
('Result: {...}').  The pty variant runs with `-l DEBUG` (Sacred's debug lines: dependency and
source discovery, the observer's paths).

Ground truth: Sacred's own record: the FileStorageObserver's metrics.json (every log_scalar:
name, steps, values) and run.json's "result".
Versions: sacred 0.8.7, scikit-learn, numpy, Python 3.11 (venv corpus-zBB-1, see
tracker_boosting.py).
Capture (repository root, venv active):
    python tests/corpus/scripts/capture.py pipe real_sacred_sgd_result_dict -- python tests/corpus/scripts/sacred_sgd.py with eta0=0.02 epochs=8
    python tests/corpus/scripts/capture.py pty  real_sacred_sgd_debug_pty -- python tests/corpus/scripts/sacred_sgd.py -l DEBUG with eta0=0.02 epochs=8
"""

# ruff: noqa: F841  (a Sacred config scope: its locals ARE the config)

import atexit
import json
import os
import shutil
import sys
import tempfile
from importlib import metadata

sys.path.insert(0, os.path.dirname(__file__))

import _truth
from sacred import Experiment
from sacred.observers import FileStorageObserver

STORE = tempfile.mkdtemp(prefix="sacred-sgd-")
atexit.register(shutil.rmtree, STORE, ignore_errors=True)
ex = Experiment("sgd_clf")
ex.observers.append(FileStorageObserver(STORE))
PRINTED = []  # (name as printed, sacred metric name, step)


@ex.config
def config():
    eta0 = 0.01  # constant learning rate
    epochs = 5
    alpha = 1e-4  # L2 penalty
    n_samples = 2400
    seed = 13
    batch_size = 64


@ex.main
def main(_run, _log, eta0, epochs, alpha, n_samples, seed, batch_size):
    import numpy as np
    from sklearn.datasets import make_classification
    from sklearn.linear_model import SGDClassifier
    from sklearn.metrics import accuracy_score, log_loss
    from sklearn.model_selection import train_test_split
    from sklearn.preprocessing import StandardScaler

    x, y = make_classification(
        n_samples=n_samples, n_features=30, n_informative=10, flip_y=0.1, random_state=seed
    )
    x_tr, x_va, y_tr, y_va = train_test_split(x, y, test_size=0.25, random_state=seed)
    sc = StandardScaler().fit(x_tr)
    x_tr, x_va = sc.transform(x_tr), sc.transform(x_va)
    _log.info("train: %d samples, valid: %d samples, %d features", len(x_tr), len(x_va), x.shape[1])
    clf = SGDClassifier(
        loss="log_loss", learning_rate="constant", eta0=eta0, alpha=alpha, random_state=seed
    )
    prev = None
    rng = np.random.default_rng(seed)
    for ep in range(1, epochs + 1):
        order = rng.permutation(len(x_tr))
        for i in range(0, len(order), batch_size):  # one partial_fit per mini-batch
            b = order[i : i + batch_size]
            clf.partial_fit(x_tr[b], y_tr[b], classes=[0, 1])
        tl = log_loss(y_tr, clf.predict_proba(x_tr))
        vl = log_loss(y_va, clf.predict_proba(x_va))
        va = accuracy_score(y_va, clf.predict(x_va))
        _run.log_scalar("training.loss", tl, ep)
        _run.log_scalar("validation.loss", vl, ep)
        _run.log_scalar("validation.accuracy", va, ep)
        print(
            f"Epoch {ep:02d}/{epochs}  loss: {tl:.5f}  val_loss: {vl:.5f}  val_accuracy: {va:.4f}"
        )
        PRINTED.extend(
            [
                ("loss", "training.loss", ep),
                ("val_loss", "validation.loss", ep),
                ("val_accuracy", "validation.accuracy", ep),
            ]
        )
        if prev is not None and vl > prev:
            _log.warning("val_loss went up at epoch %d: %.5f -> %.5f", ep, prev, vl)
            PRINTED.append(("val_loss", "validation.loss", ep - 1))
            PRINTED.append(("val_loss", "validation.loss", ep))
        prev = vl
    return {"val_loss": round(vl, 5), "val_accuracy": va, "epochs": epochs}


if __name__ == "__main__":
    run = ex.run_commandline()
    (run_dir,) = [d for d in os.listdir(STORE) if d.isdigit()]
    with open(os.path.join(STORE, run_dir, "metrics.json")) as fh:
        metrics = json.load(fh)
    with open(os.path.join(STORE, run_dir, "run.json")) as fh:
        result = json.load(fh)["result"]
    at = {n: dict(zip(m["steps"], m["values"], strict=True)) for n, m in metrics.items()}
    series = _truth.Series()
    for name, sname, step in PRINTED:
        series.add(name, step, step, at[sname][step])
    last = max(at["validation.loss"])
    series.add("val_loss", last, last, result["val_loss"])
    series.add("val_accuracy", last, last, result["val_accuracy"])
    _truth.write(
        library=f"sacred {metadata.version('sacred')}, scikit-learn {metadata.version('scikit-learn')}",
        script="tests/corpus/scripts/sacred_sgd.py",
        record=(
            "Sacred's FileStorageObserver: <run>/metrics.json (log_scalar name -> steps, values) "
            "and run.json 'result' (the returned dict: val_loss rounded to 5 places by the script)"
        ),
        step_kind="epoch",
        series=series,
        notes=(
            "Sacred logs as 'INFO - sgd_clf - Running command 'main'', 'INFO - sgd_clf - Started "
            "run with ID \"1\"' (a run id), 'INFO - sgd_clf - train: 1800 samples, valid: 600 "
            "samples, 30 features' (sizes), the loop prints 'Epoch 03/8  loss: 0.41234  val_loss: "
            "0.43110  val_accuracy: 0.8450', a WARNING 'val_loss went up at epoch 5: 0.41 -> 0.42' "
            "repeats the previous and current val_loss, and Sacred prints 'Result: {'val_loss': "
            "0.4311, 'val_accuracy': 0.845, 'epochs': 8}' (the final values again; epochs is a "
            "setting) and 'Completed after 0:00:01' (a duration). The log_scalar names are "
            "training.loss / validation.loss / validation.accuracy; the series are named as printed."
        ),
    )
